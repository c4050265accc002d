"""The ledger: the source of truth, in SQLite (default) or PostgreSQL (a team's shared ledger).
Only this module (and its schema, migrations.py) talks to the database.

One code path for both engines: SQLAlchemy Core with plain SQL both accept. Every write is
an upsert on a unique key, so a repeated or concurrent run cannot store anything twice,
and a run's documents are stored in one transaction (a backfill's, one per batch), the run
marked incomplete until its workbook is written, so a crash leaves a consistent ledger. Write
transactions are serialised: SQLite's `BEGIN IMMEDIATE`, PostgreSQL's transaction-level
advisory lock, so two runs against one ledger take turns writing and never deadlock.
Nothing is deleted: a document gone from the inbox is marked `missing`, a claim that no
longer stands in its document's new version is marked `superseded`, a fixed problem is
closed. (Derived rows are replaced: the fact-to-claim links, with those of the facts
rebuilt, and the analysts' notes as last read from their workbook.)
"""
from __future__ import annotations

import gc
import json
import time
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Optional

from pydantic import BaseModel
from sqlalchemy import Connection, Engine, String, bindparam, create_engine, event, text
from sqlalchemy.engine import make_url

from .migrations import MENTION_COLUMNS, SCHEMA_VERSION, migrate, review_fingerprint  # noqa: F401  (SCHEMA_VERSION re-exported)
from .models import Claim, Document, Processed, Review, RunResult, Status, ValidationIssue
from .models import Category, Fact, FactKind, Period, Progress, Qualifier
from .facts import FactKey, Figure, Mention, fact_key

CLAIM_FIELDS = ["id", "quote", "start", "end", "sentence", "value", "value_high", "unit", "qualifier",
                "category", "subject", "period", "vague", "recipient", "purpose", "value_eur",
                "eur_rate", "eur_rate_date", "subject_raw", "eur_rate_source", "page"]

# Any number, the same for every process: PostgreSQL's advisory lock that serialises writers.
WRITE_LOCK = 7_301_924_113
SQLITE_BUSY_SECONDS = 120  # how long a writer waits for another process's write transaction


class Row(dict):
    """A ledger row: by column name (`row["key"]`, `.keys()`) or by position (`row[0]`), as sqlite3.Row was.

    A position is looked up only when no column has that name (`__missing__`), so a lookup by
    name stays the dict's own: a render reads millions of them.
    """

    def __missing__(self, k: Any) -> Any:
        if isinstance(k, int):
            return list(self.values())[k]
        raise KeyError(k)


@dataclass
class Ledger:
    path: Path | str  # the SQLite file, or the database URL (password hidden)
    engine: Engine
    writer: Engine  # the same pool; its transactions take the write lock

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()


def is_url(location: str | Path) -> bool:
    return isinstance(location, str) and "://" in location


def engine_url(location: str | Path) -> str:
    """A SQLAlchemy URL for a ledger location: a file path (SQLite), `sqlite:///...` or
    `postgresql://...` (psycopg 3 is the driver)."""
    if not is_url(location):
        return f"sqlite:///{Path(location)}"
    url = str(location)
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def describe_location(location: str | Path) -> str:
    """The ledger's location to print: a URL without its password."""
    if not is_url(location):
        return str(location)
    return make_url(str(location)).render_as_string(hide_password=True)


def open_ledger(path: Path | str) -> Ledger:
    """Open (creating and migrating when needed) the ledger at `path`: a SQLite file path or
    a database URL (`postgresql://user:password@host/db`, `sqlite:///file`)."""
    url = engine_url(path)
    if url.startswith("sqlite"):
        file = make_url(url).database
        if file and file != ":memory:":
            Path(file).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
        _sqlite_transactions(engine)
    elif url.startswith("postgresql"):
        engine = create_engine(url, pool_pre_ping=True)
    else:
        raise ValueError(f"ledger {describe_location(path)}: only SQLite files and postgresql:// URLs are supported")
    ledger = Ledger(describe_location(path) if is_url(path) else Path(path), engine,
                    engine.execution_options(ledger_write=True))
    try:
        _retry_while_locked(lambda: _migrate(ledger))
    except BaseException:
        engine.dispose()
        raise
    return ledger


def _migrate(ledger: Ledger) -> None:
    with _write(ledger) as conn:
        migrate(conn)


def _retry_while_locked(step: Callable[[], object], seconds: float = SQLITE_BUSY_SECONDS) -> None:
    """Run `step`, again while SQLite says the database is locked, for up to `seconds`.

    The busy timeout covers waiting for another writer, but not every lock SQLite takes when
    two processes open one ledger at once (switching a new file to WAL, or another process's
    closing checkpoint), which fail at once with "database is locked"."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    deadline = time.monotonic() + seconds
    pause = 0.01
    while True:
        try:
            step()
            return
        except (sqlite3.OperationalError, OperationalError) as err:
            if "database is locked" not in str(err) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


def _sqlite_transactions(engine: Engine) -> None:
    """SQLite under SQLAlchemy: the driver's own transaction handling off, WAL and foreign keys
    on, and a writer's transaction begun IMMEDIATE (it holds the write lock from its start,
    so two writers queue instead of failing half way)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if cur.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":  # set once, kept in the file
            _retry_while_locked(lambda: cur.execute("PRAGMA journal_mode=WAL"))
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("ledger_write") else "BEGIN")


@contextmanager
def _write(ledger: Ledger) -> Iterator[Connection]:
    """One write transaction, holding the ledger's write lock until it commits or rolls back."""
    with ledger.writer.begin() as conn:
        if ledger.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})
        yield conn


def _rows(ledger: Ledger, sql: str, params: dict | None = None) -> list[Row]:
    with ledger.engine.connect() as conn:
        return list(_named(conn.execute(text(sql), params or {})))


def _named(result: Any, batch: int = 5_000) -> Iterator[Row]:
    """A result's rows by column name, a batch at a time (a fifth quicker than `.mappings()`)."""
    keys = list(result.keys())
    while chunk := result.fetchmany(batch):
        for r in chunk:
            yield Row(zip(keys, r))


def _q(conn: Connection, sql: str, params: dict | list | None = None):
    return conn.execute(text(sql), params if params is not None else {})


def known_versions(ledger: Ledger) -> dict[str, tuple[str, str]]:
    """Document key -> (content hash, extractor version) as last stored."""
    with ledger.engine.connect() as conn:
        return _known(conn)


def _known(conn: Connection) -> dict[str, tuple[str, str]]:
    rows = _q(conn, "SELECT key, content_hash, extractor_version FROM documents")
    return {k: (h, v or "") for k, h, v in rows}


def _num(d: Optional[Decimal]) -> Optional[str]:
    return None if d is None else format(d, "f")


def _claim_row(c: Claim) -> dict[str, object]:
    row = c.model_dump(include=set(CLAIM_FIELDS))
    for f in ("value", "value_high", "value_eur", "eur_rate"):
        row[f] = _num(row[f])
    for f in ("qualifier", "category", "period"):
        row[f] = row[f].value if row[f] is not None else None
    row["eur_rate_date"] = row["eur_rate_date"].isoformat() if row["eur_rate_date"] else None
    row["vague"] = int(row["vague"])
    return {f: row[f] for f in CLAIM_FIELDS}


def store_run(ledger: Ledger, result: RunResult, processed: Iterable[Processed], seen: set[str],
              file_stats: dict[str, tuple[str, str]] | None = None) -> int:
    """Write one run in one transaction and return its id.

    `processed` holds the new or changed files (read once, so it may stream from disk);
    `seen` every file key listed this run, so that documents no longer in the inbox can be
    marked missing (never deleted); `file_stats` each file's stat to remember with its
    version, so that the next run need not read it to know it unchanged.
    """
    with _write(ledger) as db:
        run_id = _insert_run(db, result)
        stored = 0
        for chunk in _chunks(processed):
            _store_documents(db, run_id, chunk, result.extractor_version)
            stored += len(chunk)
        if file_stats:
            _driver_many(db, """INSERT INTO file_stats (key, stat, version) VALUES (?, ?, ?)
                                ON CONFLICT(key) DO UPDATE SET stat = excluded.stat, version = excluded.version""",
                         ((k, st, v) for k, (st, v) in sorted(file_stats.items())))
        if seen:
            listed = _q(db, "SELECT key, missing FROM documents").all()
            was_missing = {key for key, gone in listed if gone}
            missing = {key for key, _ in listed if key not in seen}
            if missing != was_missing:
                _q(db, "UPDATE documents SET missing = 0 WHERE missing != 0")
                if missing:
                    _q(db, "UPDATE documents SET missing = 1 WHERE key = :k", [{"k": k} for k in sorted(missing)])
                _bump(db)
        if stored:
            _bump(db)
        _finish_run(db, run_id, result, complete=False)  # complete once the workbook is written too
    return run_id


def file_stats(ledger: Ledger) -> dict[str, tuple[str, str]]:
    """Inbox file key -> (stat, version) as remembered when the file last had that version."""
    with ledger.engine.connect() as conn:
        return {k: (st, v) for k, st, v in _q(conn, "SELECT key, stat, version FROM file_stats")}


def _insert_run(db: Connection, result: RunResult) -> int:
    return _q(db, """INSERT INTO runs (started, inbox, out, extractor_version) VALUES (:s, :i, :o, :v) RETURNING id""",
              {"s": result.started.isoformat(timespec="seconds"), "i": result.inbox, "o": result.out,
               "v": result.extractor_version}).scalar_one()


def _finish_run(db: Connection, run_id: int, result: RunResult, complete: bool) -> None:
    _q(db, """UPDATE runs SET finished = :f, documents_seen = :seen, documents_read = :read,
                  documents_unchanged = :same, claims_found = :claims, issues_found = :issues, complete = :c
              WHERE id = :id""",
       {"f": datetime.now().isoformat(timespec="seconds"), "seen": result.documents_seen,
        "read": result.documents_read, "same": result.documents_unchanged, "claims": result.claims_found,
        "issues": len(result.issues), "c": int(complete), "id": run_id})


# --- a run written in batches (backfills) -------------------------------------------------

def start_run(ledger: Ledger, result: RunResult, resume: bool = True) -> int:
    """A run row marked incomplete, for a run written in batches. With `resume`, the latest
    incomplete run over the same inbox and out folder is taken up again instead (a backfill
    started again after it was killed)."""
    with _write(ledger) as db:
        if resume:
            found = _q(db, """SELECT id FROM runs WHERE complete = 0 AND inbox = :i AND out = :o
                              ORDER BY id DESC LIMIT 1""", {"i": result.inbox, "o": result.out}).scalar()
            if found is not None:
                return found
        return _insert_run(db, result)


def store_batch(ledger: Ledger, run_id: int, processed: list[Processed], version: str) -> None:
    """Write one batch of documents of run `run_id` in one transaction. Idempotent: a batch
    written again (a retried partition, a restarted backfill) changes nothing more."""
    if not processed:
        return
    with _write(ledger) as db:
        for chunk in _chunks(processed):
            _store_documents(db, run_id, chunk, version)
        _bump(db)


def finish_run(ledger: Ledger, run_id: int, result: RunResult, complete: bool = True) -> None:
    """Record a batch-written run's counts; `complete` once every batch is in."""
    with _write(ledger) as db:
        _finish_run(db, run_id, result, complete)


def _chunks(processed: Iterable[Processed], size: int = 5_000) -> Iterator[list[Processed]]:
    """The outcomes a few thousand claims at a time: stored a chunk per statement, never all held.
    A key comes once a chunk (two file names that differ only in bytes that are not UTF-8 make
    one key): the second is stored after the first, as one at a time."""
    chunk: list[Processed] = []
    keys: set[str] = set()
    n = 0
    for p in processed:
        if p.key in keys:
            yield chunk
            chunk, keys, n = [], set(), 0
        chunk.append(p)
        keys.add(p.key)
        n += len(p.claims) + 1
        if n >= size:
            yield chunk
            chunk, keys, n = [], set(), 0
    if chunk:
        yield chunk


def _store_documents(db: Connection, run_id: int, chunk: list[Processed], version: str) -> None:
    """Store the documents of a chunk, each step one statement over the chunk (a thousand new
    documents took 8,000 statements, half of an incremental run's store)."""
    errors = {p.key: " ".join(i.message for i in p.issues if i.severity == "error" and not i.claim_id) or None
              for p in chunk}
    # A known file that could not be read this time (a broken link, a lock, a lower size
    # limit): its last good version and claims stay as they were; only the problem is new.
    unread = {k for (k,) in _in(db, "SELECT key FROM documents WHERE key IN :keys",
                                [p.key for p in chunk if p.document is None])}
    if unread:
        _q(db, "UPDATE documents SET error = :e, last_run = :run WHERE key = :k",
           [{"e": errors[k], "run": run_id, "k": k} for k in sorted(unread)])
    read = [p for p in chunk if p.key not in unread]
    if not read:
        _store_issues(db, run_id, chunk)
        return
    _q(db, """INSERT INTO documents (key, source, url, title, date, date_source, read_as, content_hash, size,
                                     extractor_version, claim_count, error, first_run, last_run)
              VALUES (:key, :source, :url, :title, :date, :date_source, :read_as, :hash, :size, :version, :n,
                      :error, :run, :run)
              ON CONFLICT(key) DO UPDATE SET source = excluded.source, url = excluded.url, title = excluded.title,
                  date = excluded.date, date_source = excluded.date_source, read_as = excluded.read_as,
                  content_hash = excluded.content_hash, size = excluded.size,
                  extractor_version = excluded.extractor_version, claim_count = excluded.claim_count,
                  error = excluded.error, last_run = excluded.last_run""",
       [{"key": p.key, "source": p.source, "url": (d.url or None) if d else None, "title": d.title if d else "",
         "date": d.date.isoformat() if d and d.date else None, "date_source": d.date_source if d else "none",
         "read_as": d.read_as if d else "", "hash": p.version, "size": d.size if d else None,
         "version": version, "n": len(p.claims), "error": errors[p.key], "run": run_id}
        for p in read for d in [p.document]])
    # Claims of an earlier version (or an earlier extractor) that no longer stand are kept,
    # marked; decisions on them move to the new version's claims. A new document has none.
    had = {k for (k,) in _in(db, "SELECT DISTINCT doc_key FROM claims WHERE doc_key IN :keys", [p.key for p in read])}
    for p in read:
        if p.key in had:
            db.execute(text("""UPDATE claims SET status = :sup WHERE doc_key = :key AND status != :sup
                               AND extractor_version != 'reviewer'
                               AND id NOT IN :ids""").bindparams(bindparam("ids", expanding=True, type_=String)),
                       {"sup": Status.superseded.value, "key": p.key, "ids": [c.id for c in p.claims]})
            _move_reviews(db, p)
    claims = [{**_claim_row(c), "doc_key": p.key, "content_hash": p.version, "xv": version, "run": run_id}
              for p in read for c in p.claims]
    if claims:
        cols = ", ".join(f'"{f}"' for f in CLAIM_FIELDS)
        marks = ", ".join(f":{f}" for f in CLAIM_FIELDS)
        updates = ", ".join(f'"{f}" = excluded."{f}"' for f in CLAIM_FIELDS if f != "id")
        _q(db, f"""INSERT INTO claims ({cols}, doc_key, content_hash, extractor_version, first_run, last_run)
                   VALUES ({marks}, :doc_key, :content_hash, :xv, :run, :run)
                   ON CONFLICT(id) DO UPDATE SET {updates}, extractor_version = excluded.extractor_version,
                       last_run = excluded.last_run,
                       status = CASE WHEN claims.status = 'superseded' THEN 'new' ELSE claims.status END""",
           claims)
        _review_status(db, [c["id"] for c in claims])  # a moved or returning decision still stands
    _mark_for_facts(db, [p.key for p in read])
    _store_issues(db, run_id, chunk)


def _review_status(db: Connection, claim_ids: list[str] | None = None) -> None:
    """Each reviewed claim's status from its latest decision (the reviewer's word stands)."""
    where = "status != 'superseded' AND id IN (SELECT claim_id FROM reviews)"
    stmt = text(f"""UPDATE claims SET status = (
                      SELECT CASE decision WHEN 'accept' THEN 'accepted' WHEN 'correct' THEN 'corrected'
                                           WHEN 'reject' THEN 'rejected' WHEN 'add' THEN 'accepted' END
                      FROM reviews WHERE reviews.claim_id = claims.id AND decision != 'reject document'
                      ORDER BY decided_at DESC, id DESC LIMIT 1)
                  WHERE {where}{' AND id IN :ids' if claim_ids is not None else ''}""")
    if claim_ids is not None:
        stmt = stmt.bindparams(bindparam("ids", expanding=True, type_=String))
        db.execute(stmt, {"ids": claim_ids})
    else:
        db.execute(stmt)


def _store_issues(db: Connection, run_id: int, chunk: list[Processed]) -> None:
    # A problem stays open until its document changes; re-finding it only touches last_run.
    _q(db, "UPDATE issues SET open = 0 WHERE doc_key = :k AND doc_hash != :h AND open = 1",
       [{"k": p.key, "h": p.version} for p in chunk])
    found = [{"k": p.key, "h": p.version, "c": i.claim_id, "sev": i.severity.value, "step": i.step.value,
              "code": i.code.value, "msg": i.message, "hint": i.hint, "where": i.where, "run": run_id}
             for p in chunk for i in p.issues]
    if found:
        _q(db, """INSERT INTO issues (doc_key, doc_hash, claim_id, severity, step, code, message, hint, "where",
                                      first_run, last_run)
                  VALUES (:k, :h, :c, :sev, :step, :code, :msg, :hint, :where, :run, :run)
                  ON CONFLICT(doc_key, doc_hash, claim_id, code, "where") DO UPDATE SET
                      message = excluded.message, hint = excluded.hint, last_run = excluded.last_run, open = 1""",
           found)


REVIEW_COLUMNS = ["claim_id", "doc_key", "decision", "value", "value_high", "unit", "qualifier", "category",
                  "subject", "period", "comment", "workbook", "decided_at", "run_id"]

INSERT_REVIEW = f"""INSERT INTO reviews ({', '.join(REVIEW_COLUMNS)}, fingerprint)
                    VALUES ({', '.join(':' + c for c in REVIEW_COLUMNS)}, :fingerprint)
                    ON CONFLICT (fingerprint) DO NOTHING"""


def _insert_review(db: Connection, row: dict) -> int:
    """Keep one decision (history: never overwritten); returns 1 when it was new."""
    row = {c: row.get(c) for c in REVIEW_COLUMNS}
    return _q(db, INSERT_REVIEW, {**row, "fingerprint": review_fingerprint(row)}).rowcount


def _move_reviews(db: Connection, p: Processed) -> None:
    """Decisions on a claim of the document's old version move to the new claim with the same
    quote nearest the old place; a decision with no such claim stays on the superseded one."""
    old = _q(db, """SELECT DISTINCT c.id, c.quote, c.start FROM claims c JOIN reviews r ON r.claim_id = c.id
                    WHERE c.doc_key = :k AND c.content_hash != :h""", {"k": p.key, "h": p.version}).all()
    for claim_id, quote, start in old:
        candidates = [c for c in p.claims if c.quote == quote and c.id != claim_id]
        if not candidates:
            continue
        target = min(candidates, key=lambda c: abs(c.start - start))
        for r in _q(db, "SELECT * FROM reviews WHERE claim_id = :c ORDER BY id", {"c": claim_id}).mappings().all():
            _insert_review(db, {**r, "claim_id": target.id})


def _mark_for_facts(db: Connection, doc_keys: list[str]) -> None:
    """These documents' standing claims changed: their facts are rebuilt by the next update."""
    if doc_keys:
        _q(db, "INSERT INTO facts_pending (doc_key) VALUES (:k) ON CONFLICT DO NOTHING",
           [{"k": k} for k in sorted(set(doc_keys))])
        # A facts update that read these documents before now must not store what it read
        # (another run on a shared ledger): moving the generation makes store_facts refuse it.
        _q(db, """INSERT INTO meta (key, value) VALUES ('facts_generation', '1')
                  ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)""")


def _bump(db: Connection) -> None:
    """Count a change of what the workbook shows, so an unchanged ledger is not rendered again."""
    _q(db, """INSERT INTO meta (key, value) VALUES ('data_version', '1')
              ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)""")


def meta(ledger: Ledger, key: str) -> str | None:
    rows = _rows(ledger, "SELECT value FROM meta WHERE key = :k", {"k": key})
    return rows[0]["value"] if rows else None


def set_meta(ledger: Ledger, key: str, value: str) -> None:
    with _write(ledger) as db:
        _set_meta(db, key, value)


def _set_meta(db: Connection, key: str, value: str) -> None:
    _q(db, "INSERT INTO meta (key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
       {"k": key, "v": value})


def notes(ledger: Ledger) -> tuple[list[str], dict[str, dict[str, object]]]:
    """The analyst's note columns, in their order, and the notes by claim id."""
    with ledger.engine.connect() as conn:
        return _notes(conn)


def _notes(conn: Connection) -> tuple[list[str], dict[str, dict[str, object]]]:
    head = _q(conn, "SELECT value FROM meta WHERE key = 'note_headers'").scalar()
    headers = json.loads(head or "[]")
    found: dict[str, dict[str, object]] = {}
    for claim_id, header, value in _q(conn, "SELECT claim_id, header, value FROM notes"):
        found.setdefault(claim_id, {})[header] = json.loads(value)
    return headers, found


def store_notes(ledger: Ledger, headers: list[str], found: dict[str, dict[str, object]],
                shown: set[str]) -> bool:
    """Keep the notes read from the Claims sheet; returns whether anything changed.

    Claims in `shown` were on the sheet: a note cleared there is cleared here. Notes of
    claims no longer on the sheet are kept.
    """
    old_headers, old = notes(ledger)
    merged_headers = list(headers)  # the sheet's columns as the analyst left them
    new = {cid: dict(v) for cid, v in old.items() if cid not in shown}
    for cid, values in found.items():
        new[cid] = {h: v for h, v in values.items()}
    if new == old and merged_headers == old_headers:
        return False
    with _write(ledger) as db:
        _q(db, "DELETE FROM notes")
        rows = [{"c": cid, "h": h, "v": json.dumps(v, default=str)} for cid, vals in new.items() for h, v in vals.items()]
        if rows:
            _q(db, "INSERT INTO notes (claim_id, header, value) VALUES (:c, :h, :v)", rows)
        _set_meta(db, "note_headers", json.dumps(merged_headers))
        _bump(db)
    return True


def data_version(ledger: Ledger) -> int:
    with ledger.engine.connect() as conn:
        return _version(conn)


def _version(db: Connection) -> int:
    """`data_version` on a connection (inside a transaction: as that transaction sees it)."""
    return int(_q(db, "SELECT value FROM meta WHERE key = 'data_version'").scalar() or 0)


def store_reviews(ledger: Ledger, reviews: list[Review], problems: list[ValidationIssue]) -> int:
    """Apply reviewers' decisions in one transaction; returns how many were new.

    The review step's open problems are replaced by `problems`: a row fixed by the
    reviewer closes its problem.
    """
    with _write(ledger) as db:
        hashes = {k: h for k, (h, _) in _known(db).items()}
        new = 0
        touched: list[str] = []  # documents whose claims a new decision changes
        for r in reviews:
            added = _insert_review(db, {
                "claim_id": r.claim_id, "doc_key": r.document, "decision": r.decision.value, "value": _num(r.value),
                "value_high": _num(r.value_high), "unit": r.unit,
                "qualifier": r.qualifier.value if r.qualifier else None,
                "category": r.category.value if r.category else None, "subject": r.subject,
                "period": r.period.value if r.period else None, "comment": r.comment, "workbook": r.workbook,
                "decided_at": r.decided_at.isoformat(), "run_id": None})
            new += added
            if added:
                touched.append(r.document)
                touched.extend(_q(db, "SELECT doc_key FROM claims WHERE id = :c", {"c": r.claim_id}).scalars())
            if r.decision.value == "add":
                _q(db, """INSERT INTO claims (id, doc_key, content_hash, quote, start, "end", sentence, value,
                              value_high, unit, qualifier, category, subject, period, status, extractor_version)
                          VALUES (:id, :doc, :hash, :quote, 0, 0, '', :value, :high, :unit, :qualifier, :category,
                                  :subject, :period, 'accepted', 'reviewer')
                          ON CONFLICT DO NOTHING""",
                   {"id": r.claim_id, "doc": r.document, "hash": hashes.get(r.document, ""), "quote": r.quote,
                    "value": _num(r.value), "high": _num(r.value_high), "unit": r.unit,
                    "qualifier": r.qualifier.value if r.qualifier else "exact",
                    "category": r.category.value if r.category else "other", "subject": r.subject,
                    "period": r.period.value if r.period else None})
            elif r.decision.value == "reject document":
                _q(db, "UPDATE documents SET rejected = 1 WHERE key = :k", {"k": r.document})
        # The latest decision on each claim sets its status.
        _review_status(db)
        _mark_for_facts(db, [k for k in touched if k])
        before = _q(db, "SELECT COUNT(*) FROM issues WHERE step = 'review' AND open = 1").scalar()
        _q(db, "UPDATE issues SET open = 0 WHERE step = 'review' AND open = 1")
        if problems:
            _q(db, """INSERT INTO issues (doc_key, doc_hash, claim_id, severity, step, code, message, hint, "where")
                      VALUES (:k, 'review', :c, :sev, :step, :code, :msg, :hint, :where)
                      ON CONFLICT(doc_key, doc_hash, claim_id, code, "where") DO UPDATE SET
                          message = excluded.message, hint = excluded.hint, open = 1""",
               [{"k": i.document, "c": i.claim_id, "sev": i.severity.value, "step": i.step.value,
                 "code": i.code.value, "msg": i.message, "hint": i.hint, "where": i.where} for i in problems])
        if new or problems or before:
            _bump(db)
    return new


def register_series(ledger: Ledger, keys: set[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """Every series ever shown, in the order each first appeared (new ones appended)."""
    order = "SELECT subject, category, unit, period FROM series ORDER BY id"
    known = {tuple(r.values()) for r in _rows(ledger, order)}
    if keys - known:
        with _write(ledger) as db:
            _q(db, """INSERT INTO series (subject, category, unit, period) VALUES (:s, :c, :u, :p)
                      ON CONFLICT DO NOTHING""",
               [{"s": s, "c": c, "u": u, "p": p} for s, c, u, p in sorted(keys - known)])
    return [tuple(r.values()) for r in _rows(ledger, order)]


def claim_documents(ledger: Ledger, ids: Iterable[str]) -> dict[str, str]:
    """Claim id -> document key, for those of `ids` that stand."""
    return {r["id"]: r["doc_key"] for r in _batched(
        ledger, "SELECT id, doc_key FROM claims WHERE status != 'superseded' AND id IN :keys", sorted(set(ids)))}


EFFECTIVE = ["value", "value_high", "unit", "qualifier", "category", "subject", "period"]


CURRENT_CLAIMS = """SELECT c.*, d.date AS doc_date, d.source AS doc_source, d.url AS doc_url, d.title AS doc_title,
                  d.date_source AS doc_date_source, d.rejected AS doc_rejected,
                  r.decision AS review_decision, r.comment AS review_comment, r.workbook AS review_workbook,
                  r.value AS r_value, r.value_high AS r_value_high, r.unit AS r_unit, r.qualifier AS r_qualifier,
                  r.category AS r_category, r.subject AS r_subject, r.period AS r_period
           FROM claims c JOIN documents d ON d.key = c.doc_key
           LEFT JOIN reviews r ON r.id = (SELECT id FROM reviews WHERE claim_id = c.id
                                          ORDER BY decided_at DESC, id DESC LIMIT 1)
           WHERE c.status != 'superseded'"""
BATCH = 5_000  # keys bound in one IN (...): well under SQLite's and PostgreSQL's limits


def current_claims(ledger: Ledger, documents: Iterable[str] | None = None) -> list[dict]:
    """Claims that stand, as the reviewers left them, oldest document first; only those of
    `documents` when given (then in no particular order). See `standing_claims`."""
    if documents is None:
        with standing_claims(ledger) as claims:
            return list(claims)
    return [_as_reviewed(rec) for rec in _batched(ledger, CURRENT_CLAIMS + " AND c.doc_key IN :keys",
                                                  sorted(set(documents)))]


@contextmanager
def standing_claims(ledger: Ledger, batch: int = 5_000) -> Iterator[Iterator[Row]]:
    """The claims that stand, oldest document first, as the reviewers left them, read a
    batch at a time (a facts rebuild holds a few thousand of a million rows at once) from
    the driver's own cursor: a million pass through SQLAlchemy's result rows three times slower.

    A correction's fields replace the extractor's (which stay in the claims table); a claim
    of a document rejected as irrelevant is shown as rejected.
    """
    with ledger.engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()
        try:
            cursor.execute(CURRENT_CLAIMS + " ORDER BY d.date IS NULL, d.date, c.doc_key, c.start, c.id")
            columns = [d[0] for d in cursor.description]

            def rows() -> Iterator[Row]:
                while chunk := cursor.fetchmany(batch):
                    for r in chunk:
                        yield _as_reviewed(Row(zip(columns, r)))

            yield rows()
        finally:
            cursor.close()


class ClaimDocument(NamedTuple):
    """A document with standing claims, as the Claims sheet lists it."""

    key: str
    revision: int   # drawn again by the ledger whenever anything its rows show changes (migrations, v6)
    claims: int     # standing claims
    new: int        # of them, found in the run asked about
    waiting: int    # of them, awaiting a decision (status new, the document not rejected)
    dated: bool


class ClaimsByDocument:
    """The standing claims a document at a time, from one read transaction: the documents
    (`documents`, oldest first, as the Claims sheet lists them) and, only for those a
    render has no rows kept for, their claims (`claims_of`)."""

    def __init__(self, conn: Connection, last_run: int | None) -> None:
        self.conn = conn
        self.documents = [ClaimDocument(k, rev, n, int(new or 0), int(waiting or 0), bool(dated))
                          for k, rev, n, new, waiting, dated in conn.execute(text(
            # counted from the index by (doc_key, status, first_run) alone (migrations, v8)
            """SELECT d.key, d.revision, c.n, c.new, CASE WHEN d.rejected = 0 THEN c.waiting ELSE 0 END,
                      d.date IS NOT NULL
               FROM (SELECT doc_key, COUNT(*) AS n, SUM(CASE WHEN first_run = :run THEN 1 ELSE 0 END) AS new,
                            SUM(CASE WHEN status = 'new' THEN 1 ELSE 0 END) AS waiting
                     FROM claims WHERE status != 'superseded' GROUP BY doc_key) c
               JOIN documents d ON d.key = c.doc_key ORDER BY d.date IS NULL, d.date, d.key"""), {"run": last_run})]

    def claims_of(self, keys: list[str]) -> dict[str, list[Row]]:
        """These documents' standing claims in the order they are shown, as the reviewers left them."""
        return self._claims(keys)

    def _claims(self, keys: list[str]) -> dict[str, list[Row]]:
        found: dict[str, list[Row]] = {}
        for rec in _driver_rows(self.conn, CURRENT_CLAIMS + " AND c.doc_key IN ({keys}) ORDER BY c.doc_key, c.start, c.id",
                                sorted(keys), named=True):
            found.setdefault(rec["doc_key"], []).append(_as_reviewed(rec))
        return found

    def awaiting_review(self, limit: int, leave_out: set[str]) -> list[Row]:
        """The newest `limit` claims awaiting a decision (status new, their document not
        rejected), but those in `leave_out`, oldest first: read from the newest documents
        that hold them, not sorted out of every claim."""
        newest: list[str] = []
        held = 0
        for doc in reversed(self.documents):
            if held >= limit + len(leave_out):
                break
            if doc.waiting:
                newest.append(doc.key)
                held += doc.waiting
        claims = self._claims(newest)
        waiting = [c for key in reversed(newest) for c in claims.get(key, [])
                   if c["status"] == "new" and c["id"] not in leave_out]
        return waiting[-limit:] if limit else []


@contextmanager
def claims_by_document(ledger: Ledger, last_run: int | None) -> Iterator[ClaimsByDocument]:
    """See ClaimsByDocument; `new` counts the claims first found in run `last_run`."""
    with ledger.engine.connect() as conn:
        if ledger.dialect == "postgresql":  # one snapshot for every statement, as SQLite's transaction is
            conn.execution_options(isolation_level="REPEATABLE READ")
        yield ClaimsByDocument(conn, last_run)


def _as_reviewed(rec: Row) -> Row:
    """A claim row as the reviewers left it (in place)."""
    if rec["review_decision"] in ("correct", "add"):
        for f in EFFECTIVE:
            if rec["r_" + f] is not None:
                rec[f] = rec["r_" + f]
    if rec["doc_rejected"]:
        rec["status"] = "rejected"
    return rec


def _batched(ledger: Ledger, sql: str, keys: list[str]) -> list[Row]:
    """Rows of `sql` for every key, bound as `:keys` a batch at a time."""
    stmt = text(sql).bindparams(bindparam("keys", expanding=True, type_=String))
    found: list[Row] = []
    with ledger.engine.connect() as conn:
        for i in range(0, len(keys), BATCH):
            found.extend(_named(conn.execute(stmt, {"keys": keys[i:i + BATCH]})))
    return found


def documents(ledger: Ledger) -> list[Row]:
    return _rows(ledger, "SELECT * FROM documents ORDER BY key")


def open_issues(ledger: Ledger) -> list[Row]:
    return _rows(ledger, """SELECT * FROM issues WHERE open = 1
                            ORDER BY severity = 'warning', doc_key, claim_id, id""")


def runs(ledger: Ledger) -> list[Row]:
    return _rows(ledger, "SELECT * FROM runs ORDER BY id")


# --- facts (pipeline/facts.py builds them; these read and write them) -------------------

FACT_CODES = ("figures_conflict", "delivery_unclear")  # problems of facts, rebuilt with them on each run


@dataclass
class FactInputs:
    """The standing claims as facts see them (a reviewer's corrections applied), and their dates."""

    claims: list[Claim]
    dates: dict[str, Optional[date]]
    corrected: set[str]  # ids of claims whose figures or subject a reviewer set


def fact_inputs(ledger: Ledger, documents: Iterable[str] | None = None) -> FactInputs:
    """Claims that stand and are not rejected (of `documents` only, when given), with their
    documents' dates."""
    if documents is None:  # every claim: streamed, so the ledger's rows and the records are not both held
        with standing_claims(ledger) as claims:
            return _fact_inputs(claims)
    return _fact_inputs(current_claims(ledger, documents))


def _fact_inputs(rows: Iterable[Row]) -> FactInputs:
    claims: list[Claim] = []
    dates: dict[str, Optional[date]] = {}
    corrected: set[str] = set()
    sentences: dict[str, str] = {}  # one copy of a sentence its claims share
    for rec in rows:
        if rec["status"] in (Status.rejected.value, Status.superseded.value):
            continue
        dates[rec["doc_key"]] = date.fromisoformat(rec["doc_date"]) if rec["doc_date"] else None
        if rec.get("review_decision") in ("correct", "add"):
            corrected.add(rec["id"])
        try:
            fields = dict(
                id=rec["id"], document=rec["doc_key"], quote=rec["quote"], start=rec["start"], end=rec["end"],
                sentence=sentences.setdefault(rec["sentence"] or "", rec["sentence"] or ""),
                value=Decimal(rec["value"]),
                value_high=_dec(rec["value_high"]), unit=rec["unit"], qualifier=rec["qualifier"],
                category=rec["category"], subject=rec["subject"], period=rec["period"] or None,
                vague=bool(rec["vague"]), recipient=rec["recipient"], purpose=rec["purpose"],
                value_eur=_dec(rec["value_eur"]), eur_rate=_dec(rec["eur_rate"]),
                eur_rate_date=date.fromisoformat(rec["eur_rate_date"]) if rec["eur_rate_date"] else None,
                status=rec["status"], subject_raw=rec.get("subject_raw"), eur_rate_source=rec.get("eur_rate_source"))
            # Only the fields that hold something (the ledger's NOT NULL columns always do): a
            # record's set of given fields is then a third of the size, for a million records.
            claims.append(Claim(**{k: v for k, v in fields.items() if v is not None}))
        except (ValueError, ArithmeticError):  # a reviewer's entry the model refuses: left out of facts
            continue
    return FactInputs(claims, dates, corrected)


def _dec(text_: Optional[str]) -> Optional[Decimal]:
    return None if text_ is None or text_ == "" else Decimal(text_)


def update_normalised(ledger: Ledger, claims: list[Claim]) -> None:
    """Store claims' canonical subject and EUR figures found again with this run's aliases and rates;
    a claim now converted closes its `no_rate` problem."""
    if not claims:
        return
    with _write(ledger) as db:
        _q(db, """UPDATE claims SET subject = :s, subject_raw = :raw, value_eur = :eur, eur_rate = :rate,
                      eur_rate_date = :rd, eur_rate_source = :src WHERE id = :id""",
           [{"s": c.subject, "raw": c.subject_raw, "eur": _num(c.value_eur), "rate": _num(c.eur_rate),
             "rd": c.eur_rate_date.isoformat() if c.eur_rate_date else None, "src": c.eur_rate_source, "id": c.id}
            for c in claims])
        converted = [{"id": c.id} for c in claims if c.value_eur is not None]
        if converted:
            _q(db, "UPDATE issues SET open = 0 WHERE claim_id = :id AND code = 'no_rate' AND open = 1", converted)


FACT_COLUMNS = ["id", "subject", "category", "unit", "period", "value", "value_high", "qualifier", "value_eur",
                "first_date", "last_date", "n_claims", "n_documents", "kind", "purpose", "documents"]


def facts_generation(ledger: Ledger) -> int:
    """Moves with every facts update stored and every document marked for one (store_facts checks it did not
    move since its inputs were read)."""
    return int(meta(ledger, "facts_generation") or 0)


def pending_fact_documents(ledger: Ledger) -> set[str]:
    """Documents whose standing claims changed since the facts were last rebuilt."""
    return {r["doc_key"] for r in _rows(ledger, "SELECT doc_key FROM facts_pending")}


def current_fact_keys(ledger: Ledger) -> dict[str, FactKey]:
    """Each current fact's id and key."""
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in _rows(
        ledger, "SELECT id, subject, category, unit, period FROM facts WHERE current = 1")}


def mention_keys(ledger: Ledger, documents: Iterable[str]) -> set[FactKey]:
    """The fact keys the kept mentions of these documents are reported under."""
    return {tuple(json.loads(r["fact_key"])) for r in _batched(
        ledger, "SELECT DISTINCT fact_key FROM mentions WHERE doc_key IN :keys", sorted(set(documents)))}


def mentions(ledger: Ledger, keys: Iterable[FactKey], leave_out: set[str] = frozenset()) -> list[Mention]:
    """The kept mentions of these fact keys, but those of the documents in `leave_out`.

    A rebuild reads a million of them: the key's fields come from the key, parsed once a key.
    """
    wanted = sorted(_fact_key_text(k) for k in keys)
    by_key: dict[str, tuple] = {}
    found: list[Mention] = []
    with ledger.engine.connect() as conn, _without_cycle_collector():
        for r in _driver_rows(conn, f"SELECT {', '.join(_READ_BACK)} FROM mentions WHERE fact_key IN ({{keys}})",
                              wanted):
            if r[1] in leave_out:
                continue
            fields = by_key.get(r[2])
            if fields is None:
                subject, category, unit, period = json.loads(r[2])
                fields = by_key[r[2]] = (subject, _CATEGORIES[category], unit, _PERIODS[period])
            found.append(_mention(r, fields))
    return found


@contextmanager
def _without_cycle_collector() -> Iterator[None]:
    """The cycle collector paused while a million records are made that hold no cycles: it would
    walk them over and over as they pile up (reading back the mentions took twice as long)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def mention_counts(ledger: Ledger, keys: Iterable[FactKey]) -> dict[FactKey, int]:
    """How many kept mentions each of these fact keys has."""
    with ledger.engine.connect() as conn:
        return {tuple(json.loads(k)): n for k, n in _driver_rows(
            conn, "SELECT fact_key, COUNT(*) FROM mentions WHERE fact_key IN ({keys}) GROUP BY fact_key",
            sorted(_fact_key_text(k) for k in keys))}


def _driver_rows(conn: Connection, sql: str, keys: list[str], named: bool = False) -> Iterator[Any]:
    """The rows of `sql` for every key (bound in its `{keys}`, a batch at a time), from the
    driver's own cursor: a million rows come three times quicker than through SQLAlchemy.
    Tuples, or `Row`s by column name when `named`."""
    mark = "?" if conn.dialect.name == "sqlite" else "%s"
    if not conn.in_transaction():  # the batches are read in one transaction, as SQLAlchemy's would be
        conn.begin()
    cursor = conn.connection.driver_connection.cursor()
    try:
        for i in range(0, len(keys), BATCH):
            batch = keys[i:i + BATCH]
            cursor.execute(sql.format(keys=", ".join([mark] * len(batch))), batch)
            columns = [d[0] for d in cursor.description]
            while chunk := cursor.fetchmany(5_000):
                if named:
                    yield from (Row(zip(columns, r)) for r in chunk)
                else:
                    yield from chunk
    finally:
        cursor.close()


def _fact_key_text(key: FactKey) -> str:
    return json.dumps(list(key))


def _mention_row(m: Mention) -> tuple:
    """A mention's columns, in MENTION_COLUMNS order."""
    c = m.claim
    return (c.id, c.document, _fact_key_text(fact_key(c)), c.subject, c.category.value, c.unit,
            c.period.value if c.period else None, m.day.isoformat() if m.day else None, c.start, _num(c.value),
            _num(c.value_high), c.qualifier.value, c.purpose, _num(c.value_eur), m.kind.value if m.kind else None,
            json.dumps([[v.id, v.document, _num(v.value_eur)] for v in m.conversions]))


def _driver_many(conn: Connection, sql: str, rows: Iterable[tuple], batch: int = 10_000) -> None:
    """`sql`, its parameters marked `?`, for each row of values in order, through the driver's
    own cursor, inside the connection's transaction: SQLAlchemy's work on each row's parameters
    took most of the time of inserting ten thousand mentions or links."""
    if conn.dialect.name != "sqlite":
        sql = sql.replace("?", "%s")
    cursor = conn.connection.driver_connection.cursor()
    try:
        it = iter(rows)
        while chunk := list(islice(it, batch)):
            cursor.executemany(sql, chunk)
    finally:
        cursor.close()


# What a rebuild reads of a kept mention (the key's own fields come from the key).
_READ_BACK = ["claim_id", "doc_key", "fact_key", "day", "start", "value", "value_high", "qualifier", "purpose",
              "value_eur", "kind", "conversions"]
_new_figure = tuple.__new__  # Figure's fields in order, without its constructor's call


def _mention(r: tuple, fields: tuple) -> Mention:
    """A kept mention, from its columns in _READ_BACK and its key's (subject, category, unit,
    period). Its conversions keep only what a fact reads of them (id, document, EUR figure);
    their other fields are placeholders."""
    claim_id, doc_key, _key, day, start, value, value_high, qualifier, purpose, value_eur, kind, conversions = r
    subject, category, unit, period = fields
    figure = _new_figure(Figure, (claim_id, doc_key, subject, category, unit, period, start, Decimal(value),
                                  Decimal(value_high) if value_high else None, _QUALIFIERS[qualifier], purpose,
                                  Decimal(value_eur) if value_eur else None))
    converted = [Figure(i, d, subject, category, unit, None, 0, Decimal(0), None, Qualifier.exact, None, _dec(v))
                 for i, d, v in json.loads(conversions)] if conversions != "[]" else []
    return Mention(figure, _day(day), _KINDS[kind], converted)


# The enumerations by value, and days by ISO text: looked up a million times in a rebuild.
_CATEGORIES = {c.value: c for c in Category}
_QUALIFIERS = {q.value: q for q in Qualifier}
_PERIODS: dict[Optional[str], Optional[Period]] = {None: None, **{p.value: p for p in Period}}
_KINDS: dict[Optional[str], Optional[FactKind]] = {None: None, **{k.value: k for k in FactKind}}


@lru_cache(maxsize=4096)
def _day(text: Optional[str]) -> Optional[date]:
    return date.fromisoformat(text) if text else None


def _in(db: Connection, sql: str, keys: Iterable[str], params: dict | None = None) -> list:
    """`sql` run for every key, bound as `:keys` a batch at a time, inside a transaction."""
    stmt = text(sql).bindparams(bindparam("keys", expanding=True, type_=String))
    keys = sorted(set(keys))
    found: list = []
    for i in range(0, len(keys), BATCH):
        result = db.execute(stmt, {**(params or {}), "keys": keys[i:i + BATCH]})
        if result.returns_rows:
            found.extend(tuple(r) for r in result)
    return found


def store_facts(ledger: Ledger, run_id: int, facts: list[Fact], problems: list[ValidationIssue],
                keys: set[FactKey] | None = None, done: Iterable[str] = (),
                read: tuple[set[str] | None, list[Mention]] = (set(), []), generation: int | None = None
                ) -> tuple[list[ValidationIssue], int, int] | None:
    """Replace the facts of `keys` (all facts when None) and their problems in one transaction,
    keep the mentions `read` from documents (`(documents, mentions)`; documents None: all), and
    take `done` off the documents waiting for it; returns the problems not open before, and the
    data version before and after the transaction (`data_version`).

    `facts` and `problems` must be all those of `keys`. Facts and problems of other keys
    stay, marked as seen by this run, as a rebuild of every fact would leave them. With
    `generation` (`facts_generation` when the inputs were read), nothing is written and None
    returned when another update was stored since: the inputs may be stale.
    """
    rows = [(f.id, f.subject, f.category.value, f.unit, f.period.value if f.period else None, _num(f.value),
             _num(f.value_high), f.qualifier.value, _num(f.value_eur),
             f.first_date.isoformat() if f.first_date else None, f.last_date.isoformat() if f.last_date else None,
             f.n_claims, f.n_documents, f.kind.value if f.kind else None, f.purpose, "; ".join(f.documents))
            for f in facts]
    codes = bindparam("codes", value=list(FACT_CODES), expanding=True, type_=String)
    with _write(ledger) as db:
        now = int(_q(db, "SELECT value FROM meta WHERE key = 'facts_generation'").scalar() or 0)
        if generation is not None and now != generation:
            return None
        _set_meta(db, "facts_generation", str(now + 1))
        version_before = _version(db)
        hashes = dict(_in(db, "SELECT key, content_hash FROM documents WHERE key IN :keys",
                          {i.document for i in problems}))
        current = {r[0]: tuple(r[1:]) for r in _q(db, "SELECT id, subject, category, unit, period FROM facts "
                                                     "WHERE current = 1")}
        replaced = set(current) if keys is None else {i for i, k in current.items() if k in keys}
        # Only what differs is written: a run that adds 1 % of the documents changes a few of the
        # facts it rebuilds and adds a few of their million links.
        shown = set(_in(db, f"SELECT {', '.join(FACT_COLUMNS)} FROM facts WHERE id IN :keys", replaced))
        if shown != set(rows):  # the Tracker shows facts: a change to them is a change of the workbook
            _bump(db)
        retired = replaced - {r[0] for r in rows}
        _in(db, "UPDATE facts SET current = 0 WHERE id IN :keys", retired)
        changed = [r for r in rows if r not in shown]
        if changed:
            updates = ", ".join(f"{c} = excluded.{c}" for c in FACT_COLUMNS if c != "id")
            _driver_many(db, f"""INSERT INTO facts ({', '.join(FACT_COLUMNS)}, current, first_run, last_run)
                                 VALUES ({', '.join('?' * len(FACT_COLUMNS))}, 1, ?, ?)
                                 ON CONFLICT(id) DO UPDATE SET {updates}, current = 1, last_run = excluded.last_run""",
                         ((*r, run_id, run_id) for r in changed))
        _q(db, "UPDATE facts SET last_run = :run WHERE current = 1 AND last_run != :run", {"run": run_id})
        # The links are derived: those of the replaced facts become those of the facts built.
        _in(db, "DELETE FROM fact_claims WHERE fact_id IN :keys", retired)
        gone, added = _link_changes(db, facts, sorted(replaced - retired))
        if gone:
            _driver_many(db, "DELETE FROM fact_claims WHERE fact_id = ? AND claim_id = ?", gone)
        if added:
            _driver_many(db, "INSERT INTO fact_claims (fact_id, claim_id) VALUES (?, ?) ON CONFLICT DO NOTHING", added)
        was_open = {tuple(r) for r in db.execute(
            text('SELECT doc_key, claim_id, code, "where", id FROM issues WHERE open = 1 AND code IN :codes')
            .bindparams(codes))}
        # A fact's problem names it ("fact <id>"): those of the facts replaced (or gone) close.
        closing = [r[4] for r in was_open if r[3].removeprefix("fact ") in replaced or
                   r[3].removeprefix("fact ") not in current]
        if closing:
            _q(db, "UPDATE issues SET open = 0 WHERE id = :i", [{"i": i} for i in closing])
        db.execute(text("UPDATE issues SET last_run = :run WHERE open = 1 AND code IN :codes AND last_run != :run")
                   .bindparams(codes), {"run": run_id})
        if problems:
            _q(db, """INSERT INTO issues (doc_key, doc_hash, claim_id, severity, step, code, message, hint, "where",
                                          first_run, last_run)
                      VALUES (:k, :h, :c, :sev, :step, :code, :msg, :hint, :where, :run, :run)
                      ON CONFLICT(doc_key, doc_hash, claim_id, code, "where") DO UPDATE SET
                          message = excluded.message, hint = excluded.hint, last_run = excluded.last_run, open = 1""",
               [{"k": i.document, "h": hashes.get(i.document, ""), "c": i.claim_id, "sev": i.severity.value,
                 "step": i.step.value, "code": i.code.value, "msg": i.message, "hint": i.hint, "where": i.where,
                 "run": run_id} for i in problems])
        _in(db, "DELETE FROM facts_pending WHERE doc_key IN :keys", done)
        documents, found = read
        if documents is None:
            _q(db, "DELETE FROM mentions")
        else:
            _in(db, "DELETE FROM mentions WHERE doc_key IN :keys", documents)
        if found:  # in the table's order (SQLite's is by the key's text): the inserts walk it once
            _driver_many(db, f"INSERT INTO mentions ({', '.join(MENTION_COLUMNS)}) "
                             f"VALUES ({', '.join('?' * len(MENTION_COLUMNS))})",
                         (_mention_row(m) for m in sorted(found, key=lambda m: (_fact_key_text(fact_key(m.claim)), m.claim.id))))
        version_after = _version(db)
    before = {r[:4] for r in was_open}
    return ([i for i in problems if (i.document, i.claim_id, i.code.value, i.where) not in before],
            version_before, version_after)


def _link_changes(db: Connection, facts: list[Fact], kept: list[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The links (fact id, claim id) to delete and to add for the facts built to be linked to
    their claims, from the `kept` facts' links as stored before (every kept fact is built again).

    A fact's stored links come joined in one string (a million of them as pairs took seconds
    to read and compare); only a fact whose claims differ is compared claim by claim.
    """
    sep = "\x1f"  # claim ids are hex digests: never this character
    joined = ("GROUP_CONCAT(claim_id, char(31))" if db.dialect.name == "sqlite"  # in the primary key's order
              else "STRING_AGG(claim_id, chr(31) ORDER BY claim_id)")
    stored = dict(_driver_rows(db, f"SELECT fact_id, {joined} FROM fact_claims WHERE fact_id IN ({{keys}}) "
                                   "GROUP BY fact_id", kept))
    gone: list[tuple[str, str]] = []
    added: list[tuple[str, str]] = []
    for f in facts:
        old = stored.get(f.id, "")
        if old == sep.join(f.claim_ids):  # the ledger joins them in the key's order, as facts sort them
            continue
        was, now = set(old.split(sep)) - {""}, set(f.claim_ids)
        gone.extend((f.id, c) for c in was - now)
        added.extend((f.id, c) for c in now - was)
    return sorted(gone), sorted(added)


def facts(ledger: Ledger) -> list[Row]:
    """The current facts, one row each: subject, category, unit, period, value, value_high, qualifier,
    value_eur, first_date, last_date, n_claims, n_documents, kind (cumulative / increment / NULL),
    purpose, documents ('; '-joined keys) and id; figures as decimal text, like the claims'."""
    return _rows(ledger,
        """SELECT * FROM facts WHERE current = 1
           ORDER BY subject IS NULL, subject, category, unit, period, first_date IS NULL, first_date, id""")


def facts_first_seen(ledger: Ledger, run_id: int) -> set[str]:
    """Ids of the current facts that run `run_id` found first (About's "new series")."""
    return {r["id"] for r in _rows(ledger, "SELECT id FROM facts WHERE current = 1 AND first_run = :r", {"r": run_id})}


def fact_records(ledger: Ledger) -> list[Fact]:
    """The current facts as `Fact` records, without their claim ids (the Tracker and the gaps
    read the documents; the million links are in `fact_claims`)."""
    return [Fact(id=r["id"], subject=r["subject"], category=r["category"], unit=r["unit"], period=r["period"],
                 value=Decimal(r["value"]), value_high=_dec(r["value_high"]), qualifier=r["qualifier"],
                 value_eur=_dec(r["value_eur"]),
                 first_date=date.fromisoformat(r["first_date"]) if r["first_date"] else None,
                 last_date=date.fromisoformat(r["last_date"]) if r["last_date"] else None,
                 n_claims=r["n_claims"], n_documents=r["n_documents"], kind=r["kind"], purpose=r["purpose"],
                 documents=[d for d in r["documents"].split("; ") if d])
            for r in facts(ledger)]


def fact_claims(ledger: Ledger) -> list[Row]:
    """Which claim supports which current fact (fact_id, claim_id, doc_key, quote, doc_date)."""
    return _rows(ledger,
        """SELECT fc.fact_id, fc.claim_id, c.doc_key, c.quote, d.date AS doc_date
           FROM fact_claims fc JOIN claims c ON c.id = fc.claim_id JOIN documents d ON d.key = c.doc_key
           ORDER BY fc.fact_id, d.date, c.doc_key, c.start""")


def progress(ledger: Ledger, as_of: date) -> list[Progress]:
    """Promised against delivered, per subject and pledge, as of a day (see facts.promised_vs_delivered)."""
    from .facts import promised_vs_delivered

    return promised_vs_delivered(fact_records(ledger), as_of)
