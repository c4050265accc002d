"""The ledger: the source of truth, in SQLite. Only this module talks to the database.

Every write is an upsert on a unique key, so a repeated run cannot store anything twice,
and a run's writes are one transaction, so a crash leaves the previous state intact.
Nothing is deleted: a document gone from the inbox is marked `missing`, a claim that no
longer stands in its document's new version is marked `superseded`, a fixed problem is
closed.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Optional

from pydantic import BaseModel

from .models import Claim, Document, Review, RunResult, Status, ValidationIssue
from .models import Fact, Progress

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started TEXT NOT NULL, finished TEXT, inbox TEXT, out TEXT,
    documents_seen INTEGER, documents_read INTEGER, documents_unchanged INTEGER,
    claims_found INTEGER, issues_found INTEGER, extractor_version TEXT,
    complete INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS documents (
    key TEXT PRIMARY KEY,            -- path relative to the inbox: the document's identity
    source TEXT NOT NULL, title TEXT, date TEXT, date_source TEXT, read_as TEXT,
    content_hash TEXT NOT NULL, size INTEGER, extractor_version TEXT,
    claim_count INTEGER NOT NULL DEFAULT 0, error TEXT,
    first_run INTEGER, last_run INTEGER, missing INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0   -- a reviewer marked the whole document irrelevant
);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY, doc_key TEXT NOT NULL REFERENCES documents(key), content_hash TEXT NOT NULL,
    quote TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT,
    value TEXT NOT NULL, value_high TEXT, unit TEXT NOT NULL, qualifier TEXT NOT NULL,
    category TEXT NOT NULL, subject TEXT, period TEXT, vague INTEGER NOT NULL DEFAULT 0,
    recipient TEXT, purpose TEXT, value_eur TEXT, eur_rate TEXT, eur_rate_date TEXT,
    status TEXT NOT NULL DEFAULT 'new', extractor_version TEXT,
    first_run INTEGER, last_run INTEGER,
    subject_raw TEXT, eur_rate_source TEXT
);
-- Facts are rebuilt from the standing claims on every run; `current` = 0 marks one no longer found.
CREATE TABLE IF NOT EXISTS facts (
    id TEXT PRIMARY KEY, subject TEXT, category TEXT NOT NULL, unit TEXT NOT NULL, period TEXT,
    value TEXT NOT NULL, value_high TEXT, qualifier TEXT NOT NULL, value_eur TEXT,
    first_date TEXT, last_date TEXT, n_claims INTEGER NOT NULL, n_documents INTEGER NOT NULL,
    kind TEXT, purpose TEXT, documents TEXT NOT NULL DEFAULT '',
    current INTEGER NOT NULL DEFAULT 1, first_run INTEGER, last_run INTEGER
);
CREATE TABLE IF NOT EXISTS fact_claims (
    fact_id TEXT NOT NULL REFERENCES facts(id), claim_id TEXT NOT NULL REFERENCES claims(id),
    PRIMARY KEY (fact_id, claim_id)
);
CREATE INDEX IF NOT EXISTS fact_claims_claim ON fact_claims(claim_id);
CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc_key);
CREATE TABLE IF NOT EXISTS issues (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_key TEXT NOT NULL, doc_hash TEXT NOT NULL, claim_id TEXT NOT NULL DEFAULT '',
    severity TEXT NOT NULL, step TEXT NOT NULL, code TEXT NOT NULL,
    message TEXT NOT NULL, hint TEXT, "where" TEXT NOT NULL DEFAULT '',
    first_run INTEGER, last_run INTEGER, open INTEGER NOT NULL DEFAULT 1,
    UNIQUE (doc_key, doc_hash, claim_id, code, "where")
);
-- Reviewers' decisions, never overwritten: the latest per claim is the one in force.
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id TEXT NOT NULL, doc_key TEXT NOT NULL, decision TEXT NOT NULL,
    value TEXT, value_high TEXT, unit TEXT, qualifier TEXT, category TEXT, subject TEXT, period TEXT,
    comment TEXT NOT NULL DEFAULT '', workbook TEXT NOT NULL, decided_at TEXT NOT NULL, run_id INTEGER,
    UNIQUE (claim_id, decision, value, value_high, unit, qualifier, category, subject, period, comment,
            workbook, decided_at)
);
-- Tracker rows in the order they first appeared, so analysts' formulas keep their rows.
CREATE TABLE IF NOT EXISTS series (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subject TEXT NOT NULL, category TEXT NOT NULL, unit TEXT NOT NULL, period TEXT NOT NULL DEFAULT '',
    UNIQUE (subject, category, unit, period)
);
CREATE INDEX IF NOT EXISTS reviews_claim ON reviews(claim_id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Analysts' own note columns on the Claims sheet, kept here too so a note outlives its row.
CREATE TABLE IF NOT EXISTS notes (
    claim_id TEXT NOT NULL, header TEXT NOT NULL, value TEXT, PRIMARY KEY (claim_id, header)
);
"""

CLAIM_FIELDS = ["id", "quote", "start", "end", "sentence", "value", "value_high", "unit", "qualifier",
                "category", "subject", "period", "vague", "recipient", "purpose", "value_eur",
                "eur_rate", "eur_rate_date", "subject_raw", "eur_rate_source"]

# Columns added after a ledger may have been created (no migration system yet): table -> (column, type).
ADDED_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "claims": [("subject_raw", "TEXT"), ("eur_rate_source", "TEXT")],
}


class Processed(BaseModel):
    """One file's outcome in a run: what store writes for it."""

    key: str
    source: str
    version: str
    document: Optional[Document] = None
    claims: list[Claim] = []
    issues: list[ValidationIssue] = []


@dataclass
class Ledger:
    path: Path
    conn: sqlite3.Connection

    def close(self) -> None:
        self.conn.close()


def open_ledger(path: Path) -> Ledger:
    """Open (creating when new) the ledger at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)  # transactions are explicit (BEGIN below)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    _ensure_columns(conn)
    conn.executescript(SCHEMA)
    if conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == 0:
        conn.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
    return Ledger(path, conn)


def _ensure_columns(conn: sqlite3.Connection) -> None:
    """Add the columns of ADDED_COLUMNS that an older ledger's tables lack (before SCHEMA's indexes)."""
    for table, columns in ADDED_COLUMNS.items():
        have = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        if not have:
            continue  # a new ledger: SCHEMA creates the table whole
        for name, kind in columns:
            if name not in have:
                conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {kind}')


def known_versions(ledger: Ledger) -> dict[str, tuple[str, str]]:
    """Document key -> (content hash, extractor version) as last stored."""
    rows = ledger.conn.execute("SELECT key, content_hash, extractor_version FROM documents")
    return {r["key"]: (r["content_hash"], r["extractor_version"] or "") for r in rows}


def _num(d: Optional[Decimal]) -> Optional[str]:
    return None if d is None else format(d, "f")


def _claim_row(c: Claim) -> list[object]:
    row = c.model_dump(include=set(CLAIM_FIELDS))
    for f in ("value", "value_high", "value_eur", "eur_rate"):
        row[f] = _num(row[f])
    for f in ("qualifier", "category", "period"):
        row[f] = row[f].value if row[f] is not None else None
    row["eur_rate_date"] = row["eur_rate_date"].isoformat() if row["eur_rate_date"] else None
    row["vague"] = int(row["vague"])
    return [row[f] for f in CLAIM_FIELDS]


def store_run(ledger: Ledger, result: RunResult, processed: list[Processed], seen: set[str]) -> int:
    """Write one run in one transaction and return its id.

    `processed` holds the new or changed files; `seen` every file key listed this run, so
    that documents no longer in the inbox can be marked missing (never deleted).
    """
    db = ledger.conn
    db.execute("BEGIN IMMEDIATE")
    try:
        run_id = db.execute(
            "INSERT INTO runs (started, inbox, out, extractor_version) VALUES (?, ?, ?, ?)",
            (result.started.isoformat(timespec="seconds"), result.inbox, result.out, result.extractor_version),
        ).lastrowid
        for p in processed:
            _store_document(db, run_id, p, result.extractor_version)
        if seen:
            was_missing = {r[0] for r in db.execute("SELECT key FROM documents WHERE missing = 1")}
            missing = set(known_versions(ledger)) - seen
            if missing != was_missing:
                db.execute("UPDATE documents SET missing = 0")
                db.executemany("UPDATE documents SET missing = 1 WHERE key = ?", [(k,) for k in missing])
                _bump(db)
        if processed:
            _bump(db)
        db.execute(
            "UPDATE runs SET finished = ?, documents_seen = ?, documents_read = ?, documents_unchanged = ?,"
            " claims_found = ?, issues_found = ?, complete = 1 WHERE id = ?",
            (datetime.now().isoformat(timespec="seconds"), result.documents_seen, result.documents_read,
             result.documents_unchanged, result.claims_found, len(result.issues), run_id),
        )
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return run_id


def _store_document(db: sqlite3.Connection, run_id: int, p: Processed, version: str) -> None:
    d = p.document
    errors = [i.message for i in p.issues if i.severity == "error" and not i.claim_id]
    db.execute(
        """INSERT INTO documents (key, source, title, date, date_source, read_as, content_hash, size,
                                  extractor_version, claim_count, error, first_run, last_run)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET source = excluded.source, title = excluded.title,
               date = excluded.date, date_source = excluded.date_source, read_as = excluded.read_as,
               content_hash = excluded.content_hash, size = excluded.size,
               extractor_version = excluded.extractor_version, claim_count = excluded.claim_count,
               error = excluded.error, last_run = excluded.last_run""",
        (p.key, p.source, d.title if d else "", d.date.isoformat() if d and d.date else None,
         d.date_source if d else "none", d.read_as if d else "", p.version, d.size if d else None,
         version, len(p.claims), " ".join(errors) or None, run_id, run_id),
    )
    ids = [c.id for c in p.claims]
    # Claims of an earlier version (or an earlier extractor) that no longer stand are kept, marked.
    db.execute(
        f"UPDATE claims SET status = ? WHERE doc_key = ? AND status != ? AND id NOT IN ({','.join('?' * len(ids))})",
        [Status.superseded.value, p.key, Status.superseded.value, *ids],
    )
    _move_reviews(db, p)
    cols = ", ".join(f'"{f}"' for f in CLAIM_FIELDS)
    updates = ", ".join(f'"{f}" = excluded."{f}"' for f in CLAIM_FIELDS if f != "id")
    db.executemany(
        f"""INSERT INTO claims ({cols}, doc_key, content_hash, extractor_version, first_run, last_run)
            VALUES ({','.join('?' * len(CLAIM_FIELDS))}, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET {updates}, extractor_version = excluded.extractor_version,
                last_run = excluded.last_run,
                status = CASE WHEN claims.status = 'superseded' THEN 'new' ELSE claims.status END""",
        [[*_claim_row(c), p.key, p.version, version, run_id, run_id] for c in p.claims],
    )
    # A problem stays open until its document changes; re-finding it only touches last_run.
    db.execute("UPDATE issues SET open = 0 WHERE doc_key = ? AND doc_hash != ?", (p.key, p.version))
    db.executemany(
        """INSERT INTO issues (doc_key, doc_hash, claim_id, severity, step, code, message, hint, "where",
                               first_run, last_run)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(doc_key, doc_hash, claim_id, code, "where") DO UPDATE SET
               message = excluded.message, hint = excluded.hint, last_run = excluded.last_run, open = 1""",
        [(p.key, p.version, i.claim_id, i.severity.value, i.step.value, i.code.value, i.message, i.hint,
          i.where, run_id, run_id) for i in p.issues],
    )


def _move_reviews(db: sqlite3.Connection, p: Processed) -> None:
    """Decisions on a claim of the document's old version move to the new claim with the same
    quote nearest the old place; a decision with no such claim stays on the superseded one."""
    old = db.execute(
        """SELECT DISTINCT c.id, c.quote, c.start FROM claims c JOIN reviews r ON r.claim_id = c.id
           WHERE c.doc_key = ? AND c.content_hash != ?""", (p.key, p.version)).fetchall()
    for claim_id, quote, start in old:
        candidates = [c for c in p.claims if c.quote == quote and c.id != claim_id]
        if not candidates:
            continue
        target = min(candidates, key=lambda c: abs(c.start - start))
        db.execute(
            """INSERT OR IGNORE INTO reviews (claim_id, doc_key, decision, value, value_high, unit, qualifier,
                   category, subject, period, comment, workbook, decided_at, run_id)
               SELECT ?, doc_key, decision, value, value_high, unit, qualifier, category, subject, period,
                   comment, workbook, decided_at, run_id FROM reviews WHERE claim_id = ?""", (target.id, claim_id))


def _bump(db: sqlite3.Connection) -> None:
    """Count a change of what the workbook shows, so an unchanged ledger is not rendered again."""
    db.execute("""INSERT INTO meta (key, value) VALUES ('data_version', '1')
                  ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1""")


def meta(ledger: Ledger, key: str) -> str | None:
    row = ledger.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(ledger: Ledger, key: str, value: str) -> None:
    ledger.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = ?",
                        (key, value, value))


def notes(ledger: Ledger) -> tuple[list[str], dict[str, dict[str, object]]]:
    """The analyst's note columns, in their order, and the notes by claim id."""
    import json

    headers = json.loads(meta(ledger, "note_headers") or "[]")
    found: dict[str, dict[str, object]] = {}
    for claim_id, head, value in ledger.conn.execute("SELECT claim_id, header, value FROM notes"):
        found.setdefault(claim_id, {})[head] = json.loads(value)
    return headers, found


def store_notes(ledger: Ledger, headers: list[str], found: dict[str, dict[str, object]],
                shown: set[str]) -> bool:
    """Keep the notes read from the Claims sheet; returns whether anything changed.

    Claims in `shown` were on the sheet: a note cleared there is cleared here. Notes of
    claims no longer on the sheet are kept.
    """
    import json

    old_headers, old = notes(ledger)
    merged_headers = list(headers)  # the sheet's columns as the analyst left them
    new = {cid: dict(v) for cid, v in old.items() if cid not in shown}
    for cid, values in found.items():
        new[cid] = {h: v for h, v in values.items()}
    if new == old and merged_headers == old_headers:
        return False
    db = ledger.conn
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("DELETE FROM notes")
        db.executemany("INSERT INTO notes (claim_id, header, value) VALUES (?, ?, ?)",
                       [(cid, h, json.dumps(v, default=str)) for cid, vals in new.items() for h, v in vals.items()])
        set_meta(ledger, "note_headers", json.dumps(merged_headers))
        _bump(db)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return True


def data_version(ledger: Ledger) -> int:
    row = ledger.conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
    return int(row[0]) if row else 0


def store_reviews(ledger: Ledger, reviews: list[Review], problems: list[ValidationIssue],
                  hashes: dict[str, str] | None = None) -> int:
    """Apply reviewers' decisions in one transaction; returns how many were new.

    The review step's open problems are replaced by `problems`: a row fixed by the
    reviewer closes its problem. `hashes` gives each document's current content hash.
    """
    db = ledger.conn
    hashes = hashes if hashes is not None else {k: h for k, (h, _) in known_versions(ledger).items()}
    db.execute("BEGIN IMMEDIATE")
    try:
        new = 0
        for r in reviews:
            new += db.execute(
                """INSERT OR IGNORE INTO reviews (claim_id, doc_key, decision, value, value_high, unit, qualifier,
                       category, subject, period, comment, workbook, decided_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (r.claim_id, r.document, r.decision.value, _num(r.value), _num(r.value_high), r.unit,
                 r.qualifier.value if r.qualifier else None, r.category.value if r.category else None,
                 r.subject, r.period.value if r.period else None, r.comment, r.workbook,
                 r.decided_at.isoformat()),
            ).rowcount
            if r.decision.value == "add":
                db.execute(
                    """INSERT OR IGNORE INTO claims (id, doc_key, content_hash, quote, start, "end", sentence, value,
                           value_high, unit, qualifier, category, subject, period, status, extractor_version)
                       VALUES (?, ?, ?, ?, 0, 0, '', ?, ?, ?, ?, ?, ?, ?, 'accepted', 'reviewer')""",
                    (r.claim_id, r.document, hashes.get(r.document, ""), r.quote, _num(r.value),
                     _num(r.value_high), r.unit, (r.qualifier.value if r.qualifier else "exact"),
                     (r.category.value if r.category else "other"), r.subject, r.period.value if r.period else None))
            elif r.decision.value == "reject document":
                db.execute("UPDATE documents SET rejected = 1 WHERE key = ?", (r.document,))
        # The latest decision on each claim sets its status.
        db.execute(
            """UPDATE claims SET status = (
                   SELECT CASE decision WHEN 'accept' THEN 'accepted' WHEN 'correct' THEN 'corrected'
                                        WHEN 'reject' THEN 'rejected' WHEN 'add' THEN 'accepted' END
                   FROM reviews WHERE reviews.claim_id = claims.id ORDER BY decided_at DESC, id DESC LIMIT 1)
               WHERE status != 'superseded' AND id IN (SELECT claim_id FROM reviews)""")
        before = db.execute("SELECT COUNT(*) FROM issues WHERE step = 'review' AND open = 1").fetchone()[0]
        db.execute("UPDATE issues SET open = 0 WHERE step = 'review'")
        db.executemany(
            """INSERT INTO issues (doc_key, doc_hash, claim_id, severity, step, code, message, hint, "where")
               VALUES (?, 'review', ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(doc_key, doc_hash, claim_id, code, "where") DO UPDATE SET
                   message = excluded.message, hint = excluded.hint, open = 1""",
            [(i.document, i.claim_id, i.severity.value, i.step.value, i.code.value, i.message, i.hint, i.where)
             for i in problems])
        if new or problems or before:
            _bump(db)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return new


def register_series(ledger: Ledger, keys: set[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """Every series ever shown, in the order each first appeared (new ones appended)."""
    db = ledger.conn
    known = {tuple(r) for r in db.execute("SELECT subject, category, unit, period FROM series")}
    if keys - known:
        with db:
            db.executemany("INSERT OR IGNORE INTO series (subject, category, unit, period) VALUES (?, ?, ?, ?)",
                           sorted(keys - known))
    return [tuple(r) for r in db.execute("SELECT subject, category, unit, period FROM series ORDER BY id")]


def claim_documents(ledger: Ledger) -> dict[str, str]:
    """Claim id -> document key, for claims that stand."""
    return dict(ledger.conn.execute("SELECT id, doc_key FROM claims WHERE status != 'superseded'"))


EFFECTIVE = ["value", "value_high", "unit", "qualifier", "category", "subject", "period"]


def current_claims(ledger: Ledger) -> list[dict]:
    """Claims that stand, as the reviewers left them, oldest document first.

    A correction's fields replace the extractor's (which stay in the claims table); a claim
    of a document rejected as irrelevant is shown as rejected.
    """
    cur = ledger.conn.execute(
        """SELECT c.*, d.date AS doc_date, d.source AS doc_source, d.title AS doc_title,
                  d.date_source AS doc_date_source, d.rejected AS doc_rejected,
                  r.decision AS review_decision, r.comment AS review_comment, r.workbook AS review_workbook,
                  r.value AS r_value, r.value_high AS r_value_high, r.unit AS r_unit, r.qualifier AS r_qualifier,
                  r.category AS r_category, r.subject AS r_subject, r.period AS r_period
           FROM claims c JOIN documents d ON d.key = c.doc_key
           LEFT JOIN reviews r ON r.id = (SELECT id FROM reviews WHERE claim_id = c.id
                                          ORDER BY decided_at DESC, id DESC LIMIT 1)
           WHERE c.status != 'superseded'
           ORDER BY d.date IS NULL, d.date, c.doc_key, c.start""")
    out = []
    for row in cur:
        rec = dict(row)
        if rec["review_decision"] in ("correct", "add"):
            for f in EFFECTIVE:
                if rec["r_" + f] is not None:
                    rec[f] = rec["r_" + f]
        if rec["doc_rejected"]:
            rec["status"] = "rejected"
        out.append(rec)
    return out


def documents(ledger: Ledger) -> list[sqlite3.Row]:
    return list(ledger.conn.execute("SELECT * FROM documents ORDER BY key"))


def open_issues(ledger: Ledger) -> list[sqlite3.Row]:
    return list(ledger.conn.execute(
        """SELECT * FROM issues WHERE open = 1
           ORDER BY severity = 'warning', doc_key, claim_id, id"""))


def runs(ledger: Ledger) -> list[sqlite3.Row]:
    return list(ledger.conn.execute("SELECT * FROM runs ORDER BY id"))


# --- facts (pipeline/facts.py builds them; these read and write them) -------------------

FACT_CODES = ("figures_conflict", "delivery_unclear")  # problems of facts, rebuilt with them on each run


@dataclass
class FactInputs:
    """The standing claims as facts see them (a reviewer's corrections applied), and their dates."""

    claims: list[Claim]
    dates: dict[str, Optional[date]]
    corrected: set[str]  # ids of claims whose figures or subject a reviewer set


def fact_inputs(ledger: Ledger) -> FactInputs:
    """Claims that stand and are not rejected, with their documents' dates."""
    claims: list[Claim] = []
    dates: dict[str, Optional[date]] = {}
    corrected: set[str] = set()
    for row in current_claims(ledger):
        rec = dict(row)
        if rec["status"] in (Status.rejected.value, Status.superseded.value):
            continue
        dates[rec["doc_key"]] = date.fromisoformat(rec["doc_date"]) if rec["doc_date"] else None
        if rec.get("review_decision") in ("correct", "add"):
            corrected.add(rec["id"])
        try:
            claims.append(Claim(
                id=rec["id"], document=rec["doc_key"], quote=rec["quote"], start=rec["start"], end=rec["end"],
                sentence=rec["sentence"] or "", value=Decimal(rec["value"]),
                value_high=_dec(rec["value_high"]), unit=rec["unit"], qualifier=rec["qualifier"],
                category=rec["category"], subject=rec["subject"], period=rec["period"] or None,
                vague=bool(rec["vague"]), recipient=rec["recipient"], purpose=rec["purpose"],
                value_eur=_dec(rec["value_eur"]), eur_rate=_dec(rec["eur_rate"]),
                eur_rate_date=date.fromisoformat(rec["eur_rate_date"]) if rec["eur_rate_date"] else None,
                status=rec["status"], subject_raw=rec.get("subject_raw"), eur_rate_source=rec.get("eur_rate_source")))
        except (ValueError, ArithmeticError):  # a reviewer's entry the model refuses: left out of facts
            continue
    return FactInputs(claims, dates, corrected)


def _dec(text: Optional[str]) -> Optional[Decimal]:
    return None if text is None or text == "" else Decimal(text)


def update_normalised(ledger: Ledger, claims: list[Claim]) -> None:
    """Store claims' canonical subject and EUR figures found again with this run's aliases and rates;
    a claim now converted closes its `no_rate` problem."""
    if not claims:
        return
    db = ledger.conn
    with db:
        db.executemany(
            """UPDATE claims SET subject = ?, subject_raw = ?, value_eur = ?, eur_rate = ?, eur_rate_date = ?,
                   eur_rate_source = ? WHERE id = ?""",
            [(c.subject, c.subject_raw, _num(c.value_eur), _num(c.eur_rate),
              c.eur_rate_date.isoformat() if c.eur_rate_date else None, c.eur_rate_source, c.id) for c in claims])
        db.executemany("UPDATE issues SET open = 0 WHERE claim_id = ? AND code = 'no_rate'",
                       [(c.id,) for c in claims if c.value_eur is not None])


def store_facts(ledger: Ledger, run_id: int, facts: list[Fact], problems: list[ValidationIssue]) -> list[ValidationIssue]:
    """Replace the facts and their problems in one transaction; returns the problems not open before."""
    db = ledger.conn
    hashes = {k: h for k, (h, _) in known_versions(ledger).items()}
    rows = [(f.id, f.subject, f.category.value, f.unit, f.period.value if f.period else None, _num(f.value),
             _num(f.value_high), f.qualifier.value, _num(f.value_eur),
             f.first_date.isoformat() if f.first_date else None, f.last_date.isoformat() if f.last_date else None,
             f.n_claims, f.n_documents, f.kind.value if f.kind else None, f.purpose, "; ".join(f.documents))
            for f in facts]
    db.execute("BEGIN IMMEDIATE")
    try:
        shown = {tuple(r) for r in db.execute(
            """SELECT id, subject, category, unit, period, value, value_high, qualifier, value_eur, first_date,
                      last_date, n_claims, n_documents, kind, purpose, documents FROM facts WHERE current = 1""")}
        if shown != set(rows):  # the Tracker shows facts: a change to them is a change of the workbook
            _bump(db)
        db.execute("UPDATE facts SET current = 0")
        db.executemany(
            """INSERT INTO facts (id, subject, category, unit, period, value, value_high, qualifier, value_eur,
                   first_date, last_date, n_claims, n_documents, kind, purpose, documents, current,
                   first_run, last_run)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
               ON CONFLICT(id) DO UPDATE SET subject = excluded.subject, category = excluded.category,
                   unit = excluded.unit, period = excluded.period, value = excluded.value,
                   value_high = excluded.value_high, qualifier = excluded.qualifier,
                   value_eur = excluded.value_eur, first_date = excluded.first_date,
                   last_date = excluded.last_date, n_claims = excluded.n_claims,
                   n_documents = excluded.n_documents, kind = excluded.kind, purpose = excluded.purpose,
                   documents = excluded.documents, current = 1, last_run = excluded.last_run""",
            [(*r, run_id, run_id) for r in rows])
        db.execute("DELETE FROM fact_claims")  # links are derived, rebuilt with the facts
        db.executemany("INSERT OR IGNORE INTO fact_claims (fact_id, claim_id) VALUES (?, ?)",
                       [(f.id, c) for f in facts for c in f.claim_ids])
        marks = ",".join("?" * len(FACT_CODES))
        was_open = {(r[0], r[1], r[2], r[3]) for r in db.execute(
            f'SELECT doc_key, claim_id, code, "where" FROM issues WHERE open = 1 AND code IN ({marks})', FACT_CODES)}
        db.execute(f"UPDATE issues SET open = 0 WHERE code IN ({marks})", FACT_CODES)
        db.executemany(
            """INSERT INTO issues (doc_key, doc_hash, claim_id, severity, step, code, message, hint, "where",
                                   first_run, last_run)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(doc_key, doc_hash, claim_id, code, "where") DO UPDATE SET
                   message = excluded.message, hint = excluded.hint, last_run = excluded.last_run, open = 1""",
            [(i.document, hashes.get(i.document, ""), i.claim_id, i.severity.value, i.step.value, i.code.value,
              i.message, i.hint, i.where, run_id, run_id) for i in problems])
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return [i for i in problems if (i.document, i.claim_id, i.code.value, i.where) not in was_open]


def facts(ledger: Ledger) -> list[sqlite3.Row]:
    """The current facts, one row each: subject, category, unit, period, value, value_high, qualifier,
    value_eur, first_date, last_date, n_claims, n_documents, kind (cumulative / increment / NULL),
    purpose, documents ('; '-joined keys) and id; figures as decimal text, like the claims'."""
    return list(ledger.conn.execute(
        """SELECT * FROM facts WHERE current = 1
           ORDER BY subject IS NULL, subject, category, unit, period, first_date IS NULL, first_date, id"""))


def fact_records(ledger: Ledger) -> list[Fact]:
    """The current facts as `Fact` records, with their claim ids."""
    links: dict[str, list[str]] = {}
    for fact_id, claim_id in ledger.conn.execute("SELECT fact_id, claim_id FROM fact_claims ORDER BY claim_id"):
        links.setdefault(fact_id, []).append(claim_id)
    return [Fact(id=r["id"], subject=r["subject"], category=r["category"], unit=r["unit"], period=r["period"],
                 value=Decimal(r["value"]), value_high=_dec(r["value_high"]), qualifier=r["qualifier"],
                 value_eur=_dec(r["value_eur"]),
                 first_date=date.fromisoformat(r["first_date"]) if r["first_date"] else None,
                 last_date=date.fromisoformat(r["last_date"]) if r["last_date"] else None,
                 n_claims=r["n_claims"], n_documents=r["n_documents"], kind=r["kind"], purpose=r["purpose"],
                 claim_ids=links.get(r["id"], []), documents=[d for d in r["documents"].split("; ") if d])
            for r in facts(ledger)]


def fact_claims(ledger: Ledger) -> list[sqlite3.Row]:
    """Which claim supports which current fact (fact_id, claim_id, doc_key, quote, doc_date)."""
    return list(ledger.conn.execute(
        """SELECT fc.fact_id, fc.claim_id, c.doc_key, c.quote, d.date AS doc_date
           FROM fact_claims fc JOIN claims c ON c.id = fc.claim_id JOIN documents d ON d.key = c.doc_key
           ORDER BY fc.fact_id, d.date, c.doc_key, c.start"""))


def progress(ledger: Ledger, as_of: date) -> list[Progress]:
    """Promised against delivered, per subject and pledge, as of a day (see facts.promised_vs_delivered)."""
    from .facts import promised_vs_delivered

    return promised_vs_delivered(fact_records(ledger), as_of)
