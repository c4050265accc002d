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
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Iterator, Optional

from pydantic import BaseModel

from .models import Claim, Document, RunResult, Status, ValidationIssue

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
    first_run INTEGER, last_run INTEGER, missing INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY, doc_key TEXT NOT NULL REFERENCES documents(key), content_hash TEXT NOT NULL,
    quote TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT,
    value TEXT NOT NULL, value_high TEXT, unit TEXT NOT NULL, qualifier TEXT NOT NULL,
    category TEXT NOT NULL, subject TEXT, period TEXT, vague INTEGER NOT NULL DEFAULT 0,
    recipient TEXT, purpose TEXT, value_eur TEXT, eur_rate TEXT, eur_rate_date TEXT,
    status TEXT NOT NULL DEFAULT 'new', extractor_version TEXT,
    first_run INTEGER, last_run INTEGER
);
CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc_key);
CREATE TABLE IF NOT EXISTS issues (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_key TEXT NOT NULL, doc_hash TEXT NOT NULL, claim_id TEXT NOT NULL DEFAULT '',
    severity TEXT NOT NULL, step TEXT NOT NULL, code TEXT NOT NULL,
    message TEXT NOT NULL, hint TEXT, "where" TEXT NOT NULL DEFAULT '',
    first_run INTEGER, last_run INTEGER, open INTEGER NOT NULL DEFAULT 1,
    UNIQUE (doc_key, doc_hash, claim_id, code, "where")
);
"""

CLAIM_FIELDS = ["id", "quote", "start", "end", "sentence", "value", "value_high", "unit", "qualifier",
                "category", "subject", "period", "vague", "recipient", "purpose", "value_eur",
                "eur_rate", "eur_rate_date"]


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
    conn.executescript(SCHEMA)
    if conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == 0:
        conn.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
    return Ledger(path, conn)


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
            db.execute("UPDATE documents SET missing = 0")
            missing = set(known_versions(ledger)) - seen
            db.executemany("UPDATE documents SET missing = 1 WHERE key = ?", [(k,) for k in missing])
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


def rows(ledger: Ledger, sql: str, params: tuple = ()) -> Iterator[sqlite3.Row]:
    return ledger.conn.execute(sql, params)


def current_claims(ledger: Ledger) -> list[sqlite3.Row]:
    """Claims that stand, with their document's date and name, oldest document first."""
    return list(ledger.conn.execute(
        """SELECT c.*, d.date AS doc_date, d.source AS doc_source, d.title AS doc_title
           FROM claims c JOIN documents d ON d.key = c.doc_key
           WHERE c.status != 'superseded'
           ORDER BY d.date IS NULL, d.date, c.doc_key, c.start"""))


def documents(ledger: Ledger) -> list[sqlite3.Row]:
    return list(ledger.conn.execute("SELECT * FROM documents ORDER BY key"))


def open_issues(ledger: Ledger) -> list[sqlite3.Row]:
    return list(ledger.conn.execute(
        """SELECT * FROM issues WHERE open = 1
           ORDER BY severity = 'warning', doc_key, claim_id, id"""))


def runs(ledger: Ledger) -> list[sqlite3.Row]:
    return list(ledger.conn.execute("SELECT * FROM runs ORDER BY id"))
