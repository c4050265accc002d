"""A run over a few new documents rebuilds only the facts they touch, and gives the same
ledger rows and workbook cells as a run from scratch over the same documents.

The articles are sentences these tests write, combined at random (a fixed seed) so that
many documents report the same figures: conversions, cumulative and new deliveries,
figures that conflict, figures repeated within and outside the fact window.
"""
from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import ledger_rows, sheet_rows, write_doc
from ledgers import rows
from pipeline import flow, store
from pipeline.migrations import V4
from pipeline.settings import Settings

SENTENCES = [
    "Germany pledged EUR 400 million ($435 million) for air defence.",
    "Germany has sent another 30 tanks, bringing the total to 110 tanks.",
    "Germany has delivered 80 tanks so far.",
    "Germany delivered 25 tanks.",
    "Germany delivered EUR 90 million of ammunition.",
    "Norway pledged about NOK 2 billion in military aid.",
    "Norway pledged NOK 9 billion in military aid.",
    "The plant makes up to 40,000 shells a month.",
    "Denmark pledged DKK 5 billion for the F-16 programme.",
    "Denmark pledged DKK 5.01 billion for the F-16 programme.",
    "Canada will donate 50 armoured vehicles.",
]
TODAY = date(2025, 6, 1)
FACT_ROWS = f"SELECT {', '.join(store.FACT_COLUMNS)} FROM facts WHERE current = 1 ORDER BY id"
LINK_ROWS = "SELECT fact_id, claim_id FROM fact_claims ORDER BY fact_id, claim_id"
MENTION_ROWS = "SELECT * FROM mentions ORDER BY claim_id"
ISSUE_ROWS = """SELECT doc_key, doc_hash, claim_id, code, message, "where" FROM issues
                WHERE open = 1 ORDER BY doc_key, claim_id, code, "where" """
# Columns that name a run: a run from scratch has other run numbers by construction.
RUN_COLUMNS = {"Found in run", "First seen in run", "Last seen in run", "First run", "Last run", "Series"}


def write_articles(inbox: Path, first: int, count: int) -> None:
    for n in range(first, first + count):
        rng = random.Random(n)
        day = date(2025, 1, 1) + timedelta(days=rng.randrange(90))
        text = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 5))) + "\n"
        write_doc(inbox, f"{day.isoformat()}-article-{n:03d}.txt", text)


def run(inbox: Path, out: Path, ledger: str | None = None) -> None:
    result = flow.run(Settings(inbox=inbox, out=out, ledger=ledger), today=TODAY)
    assert result.complete


def cells(workbook: Path, sheet: str) -> list[tuple]:
    """A sheet's rows without the columns that name runs, sorted (new series are appended)."""
    head, *rows = sheet_rows(workbook, sheet)
    keep = [i for i, h in enumerate(head) if h not in RUN_COLUMNS]
    return sorted((tuple(r[i] for i in keep) for r in rows), key=repr)


def ledger_state(out: Path) -> dict[str, list[tuple]]:
    return {sql: ledger_rows(out, sql) for sql in (FACT_ROWS, LINK_ROWS, MENTION_ROWS, ISSUE_ROWS)}


@pytest.fixture
def grown(tmp_path: Path) -> tuple[Path, Path]:
    """An inbox read in three runs: 40 articles, then 6 more and two changed, then 1 more.

    The second run takes a report away from a fact (a changed article no longer gives it),
    and puts a delivery in EUR before Germany's first one in USD, so that the USD one (a key
    no new claim reports) becomes a later delivery whose kind is unclear.
    """
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_articles(inbox, 0, 40)
    write_doc(inbox, "2024-12-10-berlin.txt", "Germany delivered $50 million of ammunition.\n")
    write_doc(inbox, "2025-01-15-warsaw.txt", "Poland pledged PLN 3 billion for air defence.\n")
    write_doc(inbox, "2025-01-16-warsaw.txt", "Poland pledged PLN 3 billion for air defence.\n")
    run(inbox, out)
    assert ledger_rows(out, "SELECT n_documents FROM facts WHERE current = 1 AND unit = 'PLN'") == [(2,)]
    write_articles(inbox, 40, 6)
    write_doc(inbox, "2024-12-01-bonn.txt", "Germany delivered EUR 20 million of ammunition.\n")
    write_doc(inbox, "2025-01-16-warsaw.txt", "Poland will train 400 pilots.\n")
    changed = sorted(inbox.iterdir())[3]
    changed.write_text(changed.read_text(encoding="utf-8") + SENTENCES[6] + "\n", encoding="utf-8")
    run(inbox, out)
    assert ledger_rows(out, "SELECT n_documents FROM facts WHERE current = 1 AND unit = 'PLN'") == [(1,)]
    assert ledger_rows(out, "SELECT COUNT(*) FROM issues WHERE open = 1 AND code = 'delivery_unclear' "
                            "AND doc_key = '2024-12-10-berlin.txt'") == [(1,)]
    write_articles(inbox, 46, 1)
    run(inbox, out)
    return inbox, out


def test_incremental_runs_give_the_facts_and_cells_of_a_run_from_scratch(grown: tuple[Path, Path],
                                                                        tmp_path: Path) -> None:
    inbox, out = grown
    fresh = tmp_path / "fresh"
    run(inbox, fresh)
    assert ledger_state(out) == ledger_state(fresh)
    assert ledger_rows(out, "SELECT COUNT(*) FROM facts_pending") == [(0,)]
    for sheet in ("Tracker", "Claims", "Review", "Validation errors", "Documents"):
        assert cells(out / "tracker.xlsx", sheet) == cells(fresh / "tracker.xlsx", sheet), sheet


@pytest.fixture
def split_in_two(monkeypatch: pytest.MonkeyPatch) -> list[tuple[set, set]]:
    """Every facts update splits its keys over two processes; the parts it made."""
    parts: list[tuple[set, set]] = []
    halves = flow._halves
    monkeypatch.setattr(flow, "SPLIT_MENTIONS", 0)
    monkeypatch.setattr(flow, "_halves", lambda keys, counts: parts.append(halves(keys, counts)) or parts[-1])
    return parts


def test_facts_clustered_in_two_processes_are_those_of_a_run_from_scratch(
        split_in_two: list[tuple[set, set]], grown: tuple[Path, Path], tmp_path: Path) -> None:
    inbox, out = grown
    assert len(split_in_two) == 2 and all(mine and theirs for mine, theirs in split_in_two)
    for mine, theirs in split_in_two:  # a subject's keys stay together
        assert not {k[0] for k in mine} & {k[0] for k in theirs}
    fresh = tmp_path / "fresh"
    run(inbox, fresh)
    assert ledger_state(out) == ledger_state(fresh)
    assert cells(out / "tracker.xlsx", "Validation errors") == cells(fresh / "tracker.xlsx", "Validation errors")


def test_incremental_facts_equal_a_rebuild_of_every_fact_in_the_same_ledger(grown: tuple[Path, Path],
                                                                            tmp_path: Path) -> None:
    inbox, out = grown
    incremental = {sql: ledger_rows(out, sql.replace("SELECT ", "SELECT first_run, last_run, ", 1))
                   for sql in (FACT_ROWS, ISSUE_ROWS)}
    ledger = store.open_ledger(out / "ledger.sqlite")
    try:
        last = store.runs(ledger)[-1]["id"]
        store.set_meta(ledger, "facts_settings", "")  # as after an upgrade: every fact is rebuilt
        store.set_meta(ledger, "facts_built_for", "")
        assert flow.update_facts(ledger, Settings(inbox=inbox, out=out), last, TODAY) == []
    finally:
        ledger.close()
    assert {sql: ledger_rows(out, sql.replace("SELECT ", "SELECT first_run, last_run, ", 1))
            for sql in (FACT_ROWS, ISSUE_ROWS)} == incremental


def test_a_new_document_is_the_only_one_read_back_for_the_facts(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_articles(inbox, 0, 30)
    write_doc(inbox, "2025-02-01-canada.txt", SENTENCES[10] + "\n")
    run(inbox, out)
    read: list[set[str] | None] = []
    fact_inputs = store.fact_inputs
    monkeypatch.setattr(store, "fact_inputs",
                        lambda ledger, documents=None: read.append(documents and set(documents))
                        or fact_inputs(ledger, documents))
    write_doc(inbox, "2025-02-03-canada.txt", "Canada will donate 50 armoured vehicles, officials said.\n")
    run(inbox, out)
    assert read == [{"2025-02-03-canada.txt"}]  # the other articles are not read back
    [(documents,)] = ledger_rows(out, """SELECT documents FROM facts WHERE current = 1 AND subject = 'Canada'
                                          AND documents LIKE '%2025-02-03-canada.txt%'""")
    assert "2025-02-01-canada.txt" in documents.split("; ")  # the new report joined the fact


def downgraded(out: Path, old: Path, *statements: str) -> Path:
    """A copy of the out folder `out` at `old`, its ledger taken back to an older version by `statements`."""
    shutil.copytree(out, old)
    ledger = store.open_ledger(old / "ledger.sqlite")
    with ledger.writer.begin() as db:
        for sql in statements:
            db.exec_driver_sql(sql)
    ledger.close()
    return old


def test_a_ledger_of_schema_version_3_rebuilds_every_fact_once(grown: tuple[Path, Path], tmp_path: Path) -> None:
    inbox, out = grown
    before = ledger_state(out)
    old = downgraded(out, tmp_path / "old",  # back to version 3: no pending table, never updated incrementally
                     "DROP TABLE facts_pending", "UPDATE schema_version SET version = 3",
                     "DELETE FROM meta WHERE key IN ('facts_settings', 'facts_built_for')")
    run(inbox, old)
    assert ledger_rows(old, "SELECT version FROM schema_version") == [(store.SCHEMA_VERSION,)]
    assert ledger_state(old) == before


def test_a_version_6_ledger_gets_its_mentions_clustered_by_key_and_its_claims_counted_from_an_index(grown: tuple[Path, Path], tmp_path: Path) -> None:
    inbox, out = grown
    before = ledger_state(out)
    old = downgraded(  # back to version 6's mentions (version 4's table: by rowid, a key index) and claims index
        out, tmp_path / "old", "ALTER TABLE mentions RENAME TO m7", "DROP INDEX mentions_doc",
        *(sql for sql in V4.split(";") if "mentions" in sql), "INSERT INTO mentions SELECT * FROM m7",
        "DROP TABLE m7", "DROP INDEX claims_doc_status", "CREATE INDEX claims_doc ON claims(doc_key)",
        "UPDATE schema_version SET version = 6")
    store.open_ledger(old / "ledger.sqlite").close()
    assert ledger_rows(old, "SELECT version FROM schema_version") == [(store.SCHEMA_VERSION,)]
    [(ddl,)] = ledger_rows(old, "SELECT sql FROM sqlite_master WHERE name = 'mentions'")
    assert ddl.endswith("PRIMARY KEY (fact_key, claim_id)\n) WITHOUT ROWID")
    assert sorted(r[0] for r in ledger_rows(old, "SELECT name FROM sqlite_master WHERE tbl_name = 'mentions' "
                                                 "AND type = 'index' AND sql IS NOT NULL")) == ["mentions_claim", "mentions_doc"]
    assert ledger_rows(old, "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'claims' AND type = 'index' "
                            "AND sql IS NOT NULL") == [
        ("claims_doc_status", "CREATE INDEX claims_doc_status ON claims(doc_key, status, first_run)")]
    assert ledger_state(old) == before  # every mention kept, with every column
    with pytest.raises(Exception, match="UNIQUE constraint failed: mentions.claim_id"):
        ledger = store.open_ledger(old / "ledger.sqlite")
        try:
            with ledger.writer.begin() as db:
                db.exec_driver_sql("INSERT INTO mentions SELECT claim_id, doc_key, '[\"other\"]', subject, category, "
                                   "unit, period, day, start, value, value_high, qualifier, purpose, value_eur, "
                                   "kind, conversions FROM mentions LIMIT 1")
        finally:
            ledger.close()
    run(inbox, old)  # and the next run reads them back
    assert ledger_state(old) == before


@pytest.mark.parametrize("background", [False, True], ids=["facts now", "facts in the background"])
def test_incremental_runs_on_either_engine_give_the_facts_of_a_run_from_scratch(
        background: bool, ledger_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    waited = request.getfixturevalue("in_background") if background else None
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_articles(inbox, 0, 20)
    run(inbox, out, ledger_url)
    write_articles(inbox, 20, 5)
    write_doc(inbox, "2024-12-01-bonn.txt", "Germany delivered EUR 20 million of ammunition.\n")
    run(inbox, out, ledger_url)
    if waited is not None:
        assert waited.count(True) == 1
    fresh = tmp_path / "fresh"
    run(inbox, fresh)
    for sql in (FACT_ROWS, LINK_ROWS, MENTION_ROWS, ISSUE_ROWS):
        assert rows(ledger_url, sql) == ledger_rows(fresh, sql), sql
    for sheet in ("Tracker", "Claims", "Validation errors"):
        assert cells(out / "tracker.xlsx", sheet) == cells(fresh / "tracker.xlsx", sheet), sheet


def test_an_update_read_while_another_run_stored_facts_is_computed_again(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_articles(inbox, 0, 20)
    run(inbox, out)
    write_articles(inbox, 20, 5)
    reads: list[int] = []
    fact_inputs = store.fact_inputs

    def another_run_stores_facts_meanwhile(ledger, documents=None):
        reads.append(1)
        if len(reads) == 1:
            store.set_meta(ledger, "facts_generation", str(store.facts_generation(ledger) + 1))
        return fact_inputs(ledger, documents)

    monkeypatch.setattr(store, "fact_inputs", another_run_stores_facts_meanwhile)
    run(inbox, out)
    assert len(reads) == 2
    monkeypatch.undo()
    fresh = tmp_path / "fresh"
    run(inbox, fresh)
    assert ledger_state(out) == ledger_state(fresh)


def test_an_unchanged_inbox_is_not_read_again_and_a_changed_file_always_is(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Each file's stat is remembered with its version: a run finds unchanged files by their
    stat, without reading them; a file written again is read, even when its size and
    modification time are put back as they were (its change time and inode still tell)."""
    import os

    from pipeline import ingest

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, "2025-03-01-a.txt", "Norway pledged NOK 2 billion in military aid.\n")
    write_doc(inbox, "2025-03-02-b.txt", "Canada will donate 50 armoured vehicles.\n")
    settings = Settings(inbox=inbox, out=out)
    flow.run(settings, today=TODAY)
    assert ledger_rows(out, "SELECT f.key, f.version = d.content_hash FROM file_stats f "
                            "JOIN documents d ON d.key = f.key ORDER BY 1") == [
        ("2025-03-01-a.txt", 1), ("2025-03-02-b.txt", 1)]

    hashed: list[int] = []
    real_hash = ingest.content_hash
    monkeypatch.setattr(ingest, "content_hash", lambda data: hashed.append(len(data)) or real_hash(data))
    again = flow.run(settings, today=TODAY)
    assert (again.documents_read, again.documents_unchanged, hashed) == (0, 2, [])

    b = inbox / "2025-03-02-b.txt"
    before = b.stat()
    b.write_text("Canada will donate 60 armoured vehicles.\n", encoding="utf-8")  # the same size
    os.utime(b, ns=(before.st_atime_ns, before.st_mtime_ns))
    changed = flow.run(settings, today=TODAY)
    assert (changed.documents_read, changed.documents_unchanged, changed.claims_found) == (1, 1, 1)
    assert ledger_rows(out, "SELECT quote FROM claims WHERE doc_key = '2025-03-02-b.txt' AND status != 'superseded'"
                       ) == [("60 armoured vehicles",)]


@pytest.fixture
def in_background(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Every facts update with kept mentions to read back runs in a second process while the
    workbook is written; for each wait for an update, whether it was running there."""
    waited: list[bool] = []
    wait = flow.FactsUpdate.wait
    monkeypatch.setattr(flow, "BACKGROUND_MENTIONS", 1)
    monkeypatch.setattr(flow.FactsUpdate, "wait", lambda self: waited.append(self._future is not None) or wait(self))
    return waited


def test_facts_stored_while_the_workbook_is_written_are_those_of_a_run_from_scratch(
        in_background: list[bool], grown: tuple[Path, Path], tmp_path: Path) -> None:
    inbox, out = grown
    assert in_background.count(True) == 2  # the second and third runs; the first had nothing kept
    fresh = tmp_path / "fresh"
    run(inbox, fresh)
    assert ledger_state(out) == ledger_state(fresh)
    for sheet in ("Tracker", "Claims", "Review", "Validation errors", "Documents"):
        assert cells(out / "tracker.xlsx", sheet) == cells(fresh / "tracker.xlsx", sheet), sheet


def test_a_run_with_nothing_new_after_facts_stored_in_the_background_leaves_the_workbook_as_it_is(
        in_background: list[bool], grown: tuple[Path, Path]) -> None:
    inbox, out = grown
    before = (out / "tracker.xlsx").read_bytes(), (out / "tracker.xlsx").stat().st_mtime_ns
    version = ledger_rows(out, "SELECT value FROM meta WHERE key = 'data_version'")
    run(inbox, out)
    assert ((out / "tracker.xlsx").read_bytes(), (out / "tracker.xlsx").stat().st_mtime_ns) == before
    assert ledger_rows(out, "SELECT value FROM meta WHERE key LIKE 'rendered_version:%'") == version


def test_a_facts_update_that_fails_in_the_background_stops_the_run_and_keeps_the_workbook(
        in_background: list[bool], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_articles(inbox, 0, 20)
    run(inbox, out)
    before = (out / "tracker.xlsx").read_bytes()
    write_articles(inbox, 20, 2)

    def fails(*_args: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(flow, "_build_and_store", fails)  # the worker is forked: it calls this one
    with pytest.raises(RuntimeError, match="the disk is full"):
        run(inbox, out)
    assert in_background.count(True) == 1
    assert (out / "tracker.xlsx").read_bytes() == before
    assert ledger_rows(out, "SELECT COUNT(*) FROM facts_pending") == [(2,)]  # the next run updates them


def test_facts_stored_in_the_background_and_clustered_in_two_processes_are_those_of_a_run_from_scratch(
        in_background: list[bool], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(flow, "SPLIT_MENTIONS", 0)  # the second process splits the keys with a third
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_articles(inbox, 0, 30)
    run(inbox, out)
    write_articles(inbox, 30, 4)
    run(inbox, out)
    assert in_background.count(True) == 1
    fresh = tmp_path / "fresh"
    run(inbox, fresh)
    assert ledger_state(out) == ledger_state(fresh)
    assert cells(out / "tracker.xlsx", "Tracker") == cells(fresh / "tracker.xlsx", "Tracker")
