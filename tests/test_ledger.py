"""The ledger on both engines (SQLite, and PostgreSQL when TRACKER_TEST_POSTGRES names a
server): runs through the command line, two runs at once, reviewers' decisions from two
workbooks at once, and an old (schema version 1) ledger upgraded in place."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import ROOT, invoke, write_doc
from ledgers import execute, rows
from pipeline import store
from pipeline.migrations import IDENTITY, SCHEMA_VERSION
from pipeline.models import Decision, Review, RunResult
from pipeline.settings import load_settings

CLAIMS = "SELECT id, doc_key, quote, value, unit, qualifier, category, status FROM claims ORDER BY id"
DOCUMENTS = "SELECT key, content_hash, claim_count, error, missing FROM documents ORDER BY key"
ISSUES = 'SELECT doc_key, doc_hash, claim_id, code, "where", open FROM issues ORDER BY 1, 2, 3, 4, 5'
COUNTRIES = ["Norway", "Denmark", "Sweden", "Finland", "Poland", "Germany", "France", "Italy", "Spain", "Canada"]


def inbox_of(folder: Path, n: int) -> Path:
    for i in range(n):
        country = COUNTRIES[i % len(COUNTRIES)]
        write_doc(folder, f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}-doc{i:03d}.txt",
                  f"{country} pledged EUR {100 + i} million in military aid to Ukraine.\n"
                  f"The plant makes up to {1000 + i} shells a month.\n")
    return folder


def test_run_on_the_ledger_named_by_url_or_path(ledger_url: str, tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path / "inbox", 3)
    out = tmp_path / "out"
    result = invoke("run", "--inbox", str(inbox), "--out", str(out), "--ledger", ledger_url)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("Read 3 new or changed document(s) of 3")
    assert f"Ledger: {store.describe_location(ledger_url)}" in result.output
    claims = rows(ledger_url, CLAIMS)
    assert {(c[2], c[3], c[4]) for c in claims if c[1].endswith("doc000.txt")} == {
        ("EUR 100 million", "100000000", "EUR"), ("up to 1000 shells", "1000", "shell")}
    assert len(claims) == 6 and rows(ledger_url, "SELECT COUNT(*) FROM documents") == [(3,)]
    again = invoke("run", "--inbox", str(inbox), "--out", str(out), "--ledger", ledger_url)
    assert again.output.startswith("Read 0 new or changed document(s) of 3")
    assert rows(ledger_url, CLAIMS) == claims
    assert rows(ledger_url, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
    assert not (out / "ledger.sqlite").exists() or "://" not in ledger_url


def test_two_runs_at_once_neither_duplicate_nor_lose(ledger_url: str, tmp_path: Path) -> None:
    """Two processes, two out folders, one ledger, the same inbox: every document and claim once."""
    inbox = inbox_of(tmp_path / "inbox", 40)
    reference = tmp_path / "reference"
    assert invoke("run", "--inbox", str(inbox), "--out", str(reference)).exit_code == 0
    want_claims = rows(str(reference / "ledger.sqlite"), CLAIMS)
    want_docs = rows(str(reference / "ledger.sqlite"), DOCUMENTS)

    procs = [subprocess.Popen([sys.executable, str(ROOT / "run_pipeline.py"), "run", "--inbox", str(inbox),
                               "--out", str(tmp_path / f"out{n}"), "--ledger", ledger_url],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=tmp_path)
             for n in (1, 2)]
    outputs = [p.communicate(timeout=120)[0].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert rows(ledger_url, CLAIMS) == want_claims
    assert rows(ledger_url, DOCUMENTS) == want_docs
    assert rows(ledger_url, ISSUES) == rows(str(reference / "ledger.sqlite"), ISSUES)
    assert rows(ledger_url, "SELECT COUNT(*), SUM(complete) FROM runs") == [(2, 2)]
    for n in (1, 2):
        assert (tmp_path / f"out{n}" / "tracker.xlsx").is_file()


def _review(claim_id: str, doc: str, decision: str, workbook: str, at: datetime, **fields) -> Review:
    return Review(claim_id=claim_id, document=doc, decision=Decision(decision), workbook=workbook,
                  decided_at=at, **fields)


def test_reviews_from_two_workbooks_at_once_merge_latest_wins(ledger_url: str, tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path / "inbox", 6)
    assert invoke("run", "--inbox", str(inbox), "--out", str(tmp_path / "out"), "--ledger", ledger_url).exit_code == 0
    claims = rows(ledger_url, "SELECT id, doc_key FROM claims WHERE unit = 'EUR' ORDER BY id")
    early, late = datetime(2025, 5, 1, 9, 0), datetime(2025, 5, 1, 17, 0)
    book_a = [_review(c, d, "reject", "alice.xlsx", early) for c, d in claims]
    book_b = [_review(c, d, "correct", "bob.xlsx", late, value=Decimal(7), comment="checked") for c, d in claims[:3]]
    errors: list[BaseException] = []

    def apply(reviews: list[Review]) -> None:
        ledger = store.open_ledger(ledger_url)
        try:
            for _ in range(3):  # the same workbook read on every run: stored once
                store.store_reviews(ledger, reviews, [])
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)
        finally:
            ledger.close()

    threads = [threading.Thread(target=apply, args=(b,)) for b in (book_a, book_b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    history = rows(ledger_url, "SELECT claim_id, decision, workbook, value FROM reviews ORDER BY claim_id, decided_at")
    assert len(history) == len(claims) + 3  # both decisions kept, none twice
    assert {(h[1], h[2]) for h in history} == {("reject", "alice.xlsx"), ("correct", "bob.xlsx")}
    ledger = store.open_ledger(ledger_url)
    try:
        now = {c["id"]: (c["status"], c["value"]) for c in store.current_claims(ledger) if c["unit"] == "EUR"}
    finally:
        ledger.close()
    assert [now[c] for c, _ in claims[:3]] == [("corrected", "7")] * 3  # the later decision wins
    assert [now[c][0] for c, _ in claims[3:]] == ["rejected"] * 3


def test_a_document_gets_a_new_revision_whenever_what_its_claims_rows_show_changes(ledger_url: str,
                                                                                    tmp_path: Path) -> None:
    """The ledger's triggers (schema version 6) draw a document's revision again on any change
    its Claims rows show, and on no other: a render reuses the rows kept for a revision."""
    inbox = inbox_of(tmp_path / "inbox", 2)
    assert invoke("run", "--inbox", str(inbox), "--out", str(tmp_path / "out"), "--ledger", ledger_url).exit_code == 0
    a, b = (k for (k,) in rows(ledger_url, "SELECT key FROM documents ORDER BY key"))
    (claim,), *_ = rows(ledger_url, f"SELECT id FROM claims WHERE doc_key = '{a}' ORDER BY id")
    review = ("INSERT INTO reviews (claim_id, doc_key, decision, workbook, decided_at, fingerprint) "
              f"VALUES ('{claim}', '{a}', 'accept', 'tracker.xlsx', '2025-05-02T08:00:00', 'f1')")
    copy = ", ".join(f'"{c}"' for c in ["quote", "start", "end", "value", "unit", "qualifier", "category"])
    steps = [
        (f"UPDATE claims SET last_run = last_run + 1 WHERE doc_key = '{a}'", set()),  # not shown
        (f"UPDATE claims SET status = status, subject = subject WHERE doc_key = '{a}'", set()),  # the same values
        (f"UPDATE documents SET last_run = 9, missing = 1, size = 1 WHERE key = '{a}'", set()),  # not shown
        (f"UPDATE claims SET subject = 'Latvia' WHERE id = '{claim}'", {a}),
        (f"UPDATE claims SET recipient = 'Moldova' WHERE id = '{claim}'", {a}),
        (f"UPDATE claims SET recipient = NULL WHERE id = '{claim}'", {a}),  # to NULL
        (f"UPDATE claims SET recipient = 'Ukraine' WHERE id = '{claim}'", {a}),  # from NULL
        (f"UPDATE documents SET title = 'Edited' WHERE key = '{b}'", {b}),
        (f"UPDATE documents SET date = NULL WHERE key = '{b}'", {b}),
        (f"UPDATE documents SET rejected = 1 WHERE key IN ('{a}', '{b}')", {a, b}),
        (review, {a}),
        ("UPDATE reviews SET comment = 'checked'", {a}),
        ("DELETE FROM reviews", {a}),
        (f"INSERT INTO claims (id, doc_key, content_hash, {copy}) SELECT 'added', '{b}', content_hash, {copy} "
         f"FROM claims WHERE id = '{claim}'", {b}),
        ("UPDATE claims SET doc_key = '{a}' WHERE id = 'added'".format(a=a), {a, b}),
        ("DELETE FROM claims WHERE id = 'added'", {a}),
        ([f"UPDATE claims SET subject = 'Estonia' WHERE doc_key = '{a}'",  # one transaction, one new revision
          f"UPDATE documents SET title = 'Again' WHERE key = '{a}'", review], {a}),
    ]
    revisions = dict(rows(ledger_url, "SELECT key, revision FROM documents"))
    for sql, changed in steps:
        execute(ledger_url, sql if isinstance(sql, list) else [sql])
        now = dict(rows(ledger_url, "SELECT key, revision FROM documents"))
        assert {k for k in now if now[k] != revisions[k]} == changed, sql
        revisions = now


def test_the_revision_triggers_watch_every_column_a_claims_row_is_made_from(ledger_url: str, tmp_path: Path) -> None:
    """A column added to claims later is shown on Claims (the render reads c.*) and must
    revise its document when it changes; so every claims column but last_run is watched, and
    every document column the render reads."""
    from pipeline.migrations import REVISED_CLAIM_COLUMNS, REVISED_DOCUMENT_COLUMNS
    from pipeline.store import CURRENT_CLAIMS

    store.open_ledger(ledger_url).close()
    claims = ([c for (c,) in rows(ledger_url, "SELECT column_name FROM information_schema.columns "
                                             "WHERE table_name = 'claims'")] if "://" in ledger_url
              else [r[1] for r in rows(ledger_url, "PRAGMA table_info(claims)")])
    assert sorted(REVISED_CLAIM_COLUMNS) == sorted(set(claims) - {"last_run"})
    shown_document_columns = set(re.findall(r"\bd\.(\w+) AS doc_", CURRENT_CLAIMS))
    assert shown_document_columns <= set(REVISED_DOCUMENT_COLUMNS) and "title" in shown_document_columns


def test_a_decision_with_empty_fields_is_kept_once(ledger_url: str, tmp_path: Path) -> None:
    """A UNIQUE key over nullable columns lets NULL rows repeat; the fingerprint does not."""
    inbox = inbox_of(tmp_path / "inbox", 1)
    assert invoke("run", "--inbox", str(inbox), "--out", str(tmp_path / "out"), "--ledger", ledger_url).exit_code == 0
    (claim, doc), *_ = rows(ledger_url, "SELECT id, doc_key FROM claims ORDER BY id")
    ledger = store.open_ledger(ledger_url)
    try:
        accept = _review(claim, doc, "accept", "tracker.xlsx", datetime(2025, 5, 2, 8, 0))
        assert store.store_reviews(ledger, [accept], []) == 1
        assert store.store_reviews(ledger, [accept], []) == 0
    finally:
        ledger.close()
    assert rows(ledger_url, "SELECT COUNT(*) FROM reviews") == [(1,)]


# The ledger as first committed (schema version 1, git faed21f: pipeline/store.py's SCHEMA).
V1_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
    """CREATE TABLE IF NOT EXISTS runs (
        id {ID},
        started TEXT NOT NULL, finished TEXT, inbox TEXT, out TEXT,
        documents_seen INTEGER, documents_read INTEGER, documents_unchanged INTEGER,
        claims_found INTEGER, issues_found INTEGER, extractor_version TEXT,
        complete INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE IF NOT EXISTS documents (
        key TEXT PRIMARY KEY,
        source TEXT NOT NULL, title TEXT, date TEXT, date_source TEXT, read_as TEXT,
        content_hash TEXT NOT NULL, size INTEGER, extractor_version TEXT,
        claim_count INTEGER NOT NULL DEFAULT 0, error TEXT,
        first_run INTEGER, last_run INTEGER, missing INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE IF NOT EXISTS claims (
        id TEXT PRIMARY KEY, doc_key TEXT NOT NULL REFERENCES documents(key), content_hash TEXT NOT NULL,
        quote TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, sentence TEXT,
        value TEXT NOT NULL, value_high TEXT, unit TEXT NOT NULL, qualifier TEXT NOT NULL,
        category TEXT NOT NULL, subject TEXT, period TEXT, vague INTEGER NOT NULL DEFAULT 0,
        recipient TEXT, purpose TEXT, value_eur TEXT, eur_rate TEXT, eur_rate_date TEXT,
        status TEXT NOT NULL DEFAULT 'new', extractor_version TEXT,
        first_run INTEGER, last_run INTEGER)""",
    "CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc_key)",
    """CREATE TABLE IF NOT EXISTS issues (
        id {ID},
        doc_key TEXT NOT NULL, doc_hash TEXT NOT NULL, claim_id TEXT NOT NULL DEFAULT '',
        severity TEXT NOT NULL, step TEXT NOT NULL, code TEXT NOT NULL,
        message TEXT NOT NULL, hint TEXT, "where" TEXT NOT NULL DEFAULT '',
        first_run INTEGER, last_run INTEGER, open INTEGER NOT NULL DEFAULT 1,
        UNIQUE (doc_key, doc_hash, claim_id, code, "where"))""",
]
V1_ROWS = [
    "INSERT INTO schema_version VALUES (1)",
    "INSERT INTO runs (started, inbox, out, documents_seen, documents_read, documents_unchanged, claims_found,"
    " issues_found, extractor_version, complete) VALUES ('2025-01-02T06:00:00', 'inbox', 'outputs', 1, 1, 0, 1, 1,"
    " 'old-1', 1)",
    "INSERT INTO documents (key, source, title, date, date_source, read_as, content_hash, size, extractor_version,"
    " claim_count, first_run, last_run) VALUES ('2025-01-02-oslo.txt', 'inbox/2025-01-02-oslo.txt', 'Oslo',"
    " '2025-01-02', 'file name', 'text (utf-8)', 'h1', 40, 'old-1', 1, 1, 1)",
    "INSERT INTO claims (id, doc_key, content_hash, quote, start, \"end\", sentence, value, unit, qualifier,"
    " category, subject, status, extractor_version, first_run, last_run) VALUES ('c1', '2025-01-02-oslo.txt',"
    " 'h1', 'NOK 2 billion', 16, 29, 'Norway pledged NOK 2 billion.', '2000000000', 'NOK', 'exact', 'pledge',"
    " 'Norway', 'new', 'old-1', 1, 1)",
    "INSERT INTO issues (doc_key, doc_hash, severity, step, code, message, first_run, last_run) VALUES"
    " ('2025-01-02-oslo.txt', 'h1', 'warning', 'normalise', 'no_rate', 'No rate.', 1, 1)",
]


def test_a_version_1_ledger_is_upgraded_in_place(ledger_url: str, tmp_path: Path) -> None:
    dialect = "postgresql" if "://" in ledger_url else "sqlite"
    if dialect == "sqlite":
        Path(ledger_url).parent.mkdir(parents=True)
    execute(ledger_url, [s.replace("{ID}", IDENTITY[dialect]) for s in V1_SCHEMA] + V1_ROWS)
    before = {t: rows(ledger_url, f"SELECT * FROM {t} ORDER BY 1") for t in ("runs", "documents", "claims", "issues")}

    ledger = store.open_ledger(ledger_url)
    try:
        assert rows(ledger_url, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
        # every old row kept, the new columns beside them with their defaults
        assert rows(ledger_url, "SELECT key, content_hash, claim_count, rejected, url FROM documents") == [
            ("2025-01-02-oslo.txt", "h1", 1, 0, None)]
        assert rows(ledger_url, "SELECT id, quote, value, subject, subject_raw, eur_rate_source, page FROM claims") == [
            ("c1", "NOK 2 billion", "2000000000", "Norway", None, None, None)]
        for table, old in before.items():
            assert [r[:len(old[0])] for r in rows(ledger_url, f"SELECT * FROM {table} ORDER BY 1")] == old, table
        for table in ("facts", "fact_claims", "reviews", "series", "meta", "notes"):
            assert rows(ledger_url, f"SELECT COUNT(*) FROM {table}") == [(0,)], table
        # and it works as a ledger: a new run, a review, facts
        run_id = store.store_run(ledger, RunResult(started=datetime(2025, 2, 1), inbox="inbox", out="outputs"),
                                 [], seen={"2025-01-02-oslo.txt"})
        assert run_id == 2
        store.store_reviews(ledger, [_review("c1", "2025-01-02-oslo.txt", "accept", "t.xlsx", datetime(2025, 2, 1))], [])
        assert [(c["id"], c["status"]) for c in store.current_claims(ledger)] == [("c1", "accepted")]
        assert store.progress(ledger, date(2025, 3, 1)) == []
    finally:
        ledger.close()
    store.open_ledger(ledger_url).close()  # opening again migrates nothing more
    assert rows(ledger_url, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]


def test_a_ledger_that_cannot_be_reached_stops_the_run_with_exit_1(tmp_path: Path) -> None:
    inbox = inbox_of(tmp_path / "inbox", 1)
    result = invoke("run", "--inbox", str(inbox), "--out", str(tmp_path / "out"),
                    "--ledger", "postgresql://tracker:secret@127.0.0.1:1/tracker")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].startswith(
        "Error: cannot open the ledger postgresql+psycopg://tracker:***@127.0.0.1:1/tracker: ") or \
        result.output.splitlines()[-1].startswith("Error: cannot open the ledger postgresql://tracker:***@127.0.0.1:1/tracker: ")
    assert "secret" not in result.output


def test_the_ledger_setting_comes_from_the_file_the_environment_or_the_option(tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "tracker.toml").write_text('ledger = "postgresql://team@db/tracker"\n', encoding="utf-8")
    assert load_settings(tmp_path).ledger_location == "postgresql://team@db/tracker"
    monkeypatch.setenv("TRACKER_LEDGER", "postgresql://other@db/tracker")
    assert load_settings(tmp_path).ledger_location == "postgresql://other@db/tracker"
    assert load_settings(tmp_path, ledger="/data/ledger.sqlite").ledger_location == Path("/data/ledger.sqlite")
    monkeypatch.delenv("TRACKER_LEDGER")
    (tmp_path / "tracker.toml").unlink()
    assert load_settings(tmp_path, out=tmp_path / "o").ledger_location == tmp_path / "o" / "ledger.sqlite"


def test_opening_retries_while_sqlite_says_locked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A lock the busy timeout does not cover (two processes opening one new ledger) is waited
    out; any other database error stops at once."""
    import sqlite3

    monkeypatch.setattr(store.time, "sleep", lambda _s: None)
    calls: list[int] = []

    def locked_twice() -> None:
        calls.append(1)
        if len(calls) < 3:
            raise sqlite3.OperationalError("database is locked")

    store._retry_while_locked(locked_twice)
    assert len(calls) == 3

    def broken() -> None:
        calls.append(1)
        raise sqlite3.OperationalError("no such table: claims")

    calls.clear()
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        store._retry_while_locked(broken)
    assert len(calls) == 1

    def always_locked() -> None:
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(sqlite3.OperationalError, match="database is locked"):  # not for ever
        store._retry_while_locked(always_locked, seconds=0)


FACTS = "SELECT value, n_claims, current, first_run, last_run FROM facts WHERE unit = 'vehicle' ORDER BY value, current"
LINKS = ("SELECT f.value, COUNT(*) FROM fact_claims fc JOIN facts f ON f.id = fc.fact_id "
         "WHERE f.unit = 'vehicle' GROUP BY f.value ORDER BY f.value")


def test_facts_update_keeps_unchanged_facts_retires_dropped_ones_and_brings_back_returning_ones(
        ledger_url: str, tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"

    def run() -> None:
        result = invoke("run", "--inbox", str(inbox), "--out", str(out), "--ledger", ledger_url)
        assert result.exit_code == 0, result.output

    write_doc(inbox, "2024-03-01-a.txt", "Kyiv received 40 armoured vehicles.\n")
    write_doc(inbox, "2024-06-01-b.txt", "Kyiv received 70 armoured vehicles.\n")
    run()
    assert rows(ledger_url, FACTS) == [("40", 1, 1, 1, 1), ("70", 1, 1, 1, 1)]
    write_doc(inbox, "2024-03-05-c.txt", "Kyiv received 40 armoured vehicles, officials said.\n")
    run()  # the fact of 40 gains a report; that of 70 is kept as it was, seen again
    assert rows(ledger_url, FACTS) == [("40", 2, 1, 1, 2), ("70", 1, 1, 1, 2)]
    assert rows(ledger_url, LINKS) == [("40", 2), ("70", 1)]
    write_doc(inbox, "2024-06-01-b.txt", "Kyiv received 90 armoured vehicles.\n")
    run()  # 70 is no longer reported: retired, without links
    assert rows(ledger_url, FACTS) == [("40", 2, 1, 1, 3), ("70", 1, 0, 1, 2), ("90", 1, 1, 3, 3)]
    assert rows(ledger_url, LINKS) == [("40", 2), ("90", 1)]
    write_doc(inbox, "2024-06-01-b.txt", "Kyiv received 70 armoured vehicles.\n")
    run()  # reported again: the same fact is current again, with its link
    assert rows(ledger_url, FACTS) == [("40", 2, 1, 1, 4), ("70", 1, 1, 1, 4), ("90", 1, 0, 3, 3)]
    assert rows(ledger_url, LINKS) == [("40", 2), ("70", 1)]
