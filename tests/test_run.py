"""The pipeline end to end through the command line, in a temporary folder.

Each test writes its own articles into an inbox, runs `run_pipeline.py run` (through
click's runner) and reads back the exact ledger rows and workbook cells.
"""
from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from conftest import invoke, ledger_rows, sheet_records, write_doc
from pipeline import flow, store
from pipeline.models import Review
from pipeline.settings import Settings

OSLO = "Norway pledged about NOK 2 billion in military aid to Ukraine on Tuesday.\n"
PLANT = "The Ukrainian plant makes up to 40,000 shells a month.\n"
BERLIN = "Germany has delivered 18 Leopard 2 tanks to Ukraine.\n"

CLAIM_COLUMNS = "doc_key, quote, value, value_high, unit, qualifier, category, status, first_run"


def run(inbox: Path, out: Path, *extra: str):
    return invoke("run", "--inbox", str(inbox), "--out", str(out), *extra)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    write_doc(folder, "2025-03-04-oslo.txt", OSLO)
    write_doc(folder, "2025-03-05-plant.txt", PLANT)
    return folder


def test_run_writes_ledger_and_workbook(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(inbox, out)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"Read 2 new or changed document(s) of 2 in {inbox} (0 unchanged); found 2 claim(s); 0 error(s), 0 warning(s).")
    assert ledger_rows(out, f"SELECT {CLAIM_COLUMNS} FROM claims ORDER BY doc_key") == [
        ("2025-03-04-oslo.txt", "about NOK 2 billion", "2000000000", None, "NOK", "approx", "pledge", "new", 1),
        ("2025-03-05-plant.txt", "up to 40,000 shells", "40000", None, "shell", "upper_bound", "capacity", "new", 1),
    ]
    assert ledger_rows(out, "SELECT key, date, date_source, read_as, claim_count, error, missing FROM documents") == [
        ("2025-03-04-oslo.txt", "2025-03-04", "file name", "text (utf-8)", 1, None, 0),
        ("2025-03-05-plant.txt", "2025-03-05", "file name", "text (utf-8)", 1, None, 0),
    ]
    assert ledger_rows(out, "SELECT id, documents_seen, documents_read, claims_found, complete FROM runs") == [
        (1, 2, 2, 2, 1)]

    claims = sheet_records(out / "tracker.xlsx", "Claims")
    pick = ["Document", "Document date", "Date found in", "Quote", "Value", "Value high", "Unit", "Qualifier",
            "Category", "Period", "Sentence", "Status", "Found in run"]
    assert [tuple(c[k] for k in pick) for c in claims] == [
        ("2025-03-04-oslo.txt", datetime(2025, 3, 4), "file name", "about NOK 2 billion", 2_000_000_000, None,
         "NOK", "approx", "pledge", None, OSLO.strip(), "new", 1),
        ("2025-03-05-plant.txt", datetime(2025, 3, 5), "file name", "up to 40,000 shells", 40_000, None,
         "shell", "upper_bound", "capacity", "month", PLANT.strip(), "new", 1),
    ]
    # NOK has an ECB rate: 4 March 2025 is a business day.
    oslo = claims[0]
    assert oslo["Rate date"] == datetime(2025, 3, 4)
    assert oslo["Value EUR"] == pytest.approx(2e9 * oslo["EUR rate"], abs=0.01)

    docs = sheet_records(out / "tracker.xlsx", "Documents")
    assert [(d["Document"], d["Path or URL"], d["Title"], d["Date"], d["Date found in"], d["Read as"], d["Claims"],
             d["Error"], d["In inbox"]) for d in docs] == [
        ("2025-03-04-oslo.txt", str(inbox / "2025-03-04-oslo.txt"), OSLO.strip(), datetime(2025, 3, 4),
         "file name", "text (utf-8)", 1, None, "yes"),
        ("2025-03-05-plant.txt", str(inbox / "2025-03-05-plant.txt"), PLANT.strip(), datetime(2025, 3, 5),
         "file name", "text (utf-8)", 1, None, "yes")]
    assert sheet_records(out / "tracker.xlsx", "Validation errors") == []


def test_second_run_reads_only_the_added_document(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(inbox, out).exit_code == 0
    before = ledger_rows(out, "SELECT * FROM claims ORDER BY id")
    write_doc(inbox, "2025-03-06-berlin.txt", BERLIN)

    result = run(inbox, out)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"Read 1 new or changed document(s) of 3 in {inbox} (2 unchanged); found 1 claim(s); 0 error(s), 0 warning(s).")
    after = ledger_rows(out, "SELECT * FROM claims ORDER BY id")
    assert set(before) < set(after) and len(after) == len(before) + 1
    assert ledger_rows(out, f"SELECT {CLAIM_COLUMNS} FROM claims WHERE first_run = 2") == [
        ("2025-03-06-berlin.txt", "18 Leopard 2 tanks", "18", None, "tank", "exact", "delivery", "new", 2)]
    assert [r["Document"] for r in sheet_records(out / "tracker.xlsx", "Claims")] == [
        "2025-03-04-oslo.txt", "2025-03-05-plant.txt", "2025-03-06-berlin.txt"]

    third = run(inbox, out)  # nothing new: nothing read, nothing duplicated
    assert third.output.startswith("Read 0 new or changed document(s) of 3")
    assert ledger_rows(out, "SELECT * FROM claims ORDER BY id") == after


def test_changed_document_supersedes_its_old_claims(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(inbox, out)
    write_doc(inbox, "2025-03-04-oslo.txt", OSLO.replace("about NOK 2 billion", "NOK 3 billion"))
    assert run(inbox, out).exit_code == 0
    assert ledger_rows(out, "SELECT quote, status, first_run FROM claims WHERE doc_key = ? ORDER BY first_run",
                       ("2025-03-04-oslo.txt",)) == [("about NOK 2 billion", "superseded", 1), ("NOK 3 billion", "new", 2)]
    assert [r["Quote"] for r in sheet_records(out / "tracker.xlsx", "Claims")] == [
        "NOK 3 billion", "up to 40,000 shells"]


def test_document_gone_from_inbox_keeps_its_claims(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(inbox, out)
    (inbox / "2025-03-05-plant.txt").unlink()
    assert run(inbox, out).exit_code == 0
    assert ledger_rows(out, "SELECT key, missing FROM documents ORDER BY key") == [
        ("2025-03-04-oslo.txt", 0), ("2025-03-05-plant.txt", 1)]
    assert ledger_rows(out, "SELECT quote, status FROM claims WHERE doc_key = '2025-03-05-plant.txt'") == [
        ("up to 40,000 shells", "new")]
    docs = sheet_records(out / "tracker.xlsx", "Documents")
    assert [(r["Document"], r["In inbox"]) for r in docs] == [
        ("2025-03-04-oslo.txt", "yes"), ("2025-03-05-plant.txt", "no")]


def test_crash_while_storing_leaves_the_ledger_as_it_was(inbox: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    run(inbox, out)
    tables = {t: ledger_rows(out, f"SELECT * FROM {t}") for t in ("documents", "claims", "issues", "runs")}
    workbook = (out / "tracker.xlsx").read_bytes()
    write_doc(inbox, "2025-03-06-berlin.txt", BERLIN)
    write_doc(inbox, "2025-03-07-kyiv.txt", "Ukraine received 12 howitzers.\n")

    def fail(*args, **kwargs):  # the documents and their claims are written, the issues not
        raise OSError("disk full")

    real = store._store_issues
    monkeypatch.setattr(store, "_store_issues", fail)
    with pytest.raises(OSError):
        flow.run(Settings(inbox=inbox, out=out))
    assert {t: ledger_rows(out, f"SELECT * FROM {t}") for t in tables} == tables
    assert (out / "tracker.xlsx").read_bytes() == workbook

    monkeypatch.setattr(store, "_store_issues", real)
    assert run(inbox, out).output.startswith("Read 2 new or changed document(s) of 4")


def test_documents_stored_one_statement_per_chunk_give_the_rows_of_one_at_a_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of one document and one chunk of all store the same rows: new, changed and
    unreadable documents, their claims, superseded claims and issues."""
    def ledger(size: int) -> dict:
        inbox, out = tmp_path / "inbox", tmp_path / f"out-{size}"  # one inbox path: claim ids name it
        shutil.rmtree(inbox, ignore_errors=True)
        chunks = store._chunks
        monkeypatch.setattr(store, "_chunks", lambda processed: chunks(processed, size))
        write_doc(inbox, "2025-03-04-oslo.txt", OSLO)
        write_doc(inbox, "2025-03-05-plant.txt", PLANT)
        assert run(inbox, out).exit_code == 0
        [(claim,)] = ledger_rows(out, "SELECT id FROM claims WHERE doc_key = '2025-03-04-oslo.txt'")
        ledger = store.open_ledger(f"sqlite:///{out / 'ledger.sqlite'}")
        store.store_reviews(ledger, [Review(claim_id=claim, document="2025-03-04-oslo.txt", decision="accept",
                                            workbook="tracker.xlsx", decided_at=datetime(2025, 3, 9))], [])
        ledger.close()
        write_doc(inbox, "2025-03-04-oslo.txt", OSLO + BERLIN)
        (inbox / "2025-03-05-plant.txt").write_bytes(b"\x00\x01\x02\x03\xff\xfe\x00\x9c" * 64)
        write_doc(inbox, "2025-03-06-berlin.txt", BERLIN)
        assert run(inbox, out).exit_code == 0
        monkeypatch.setattr(store, "_chunks", chunks)
        rows = {t: ledger_rows(out, f"SELECT * FROM {t} ORDER BY 1, 2") for t in ("documents", "claims", "issues")}
        rows["reviews"] = ledger_rows(out, "SELECT claim_id, doc_key, decision FROM reviews ORDER BY id")
        rows["documents"] = [r[:-1] for r in rows["documents"]]  # but the random revision stamp
        return rows

    one_by_one, together = ledger(1), ledger(10_000)
    assert one_by_one == together
    assert [(r[0], r[7], r[9], r[10]) for r in together["documents"]] == [  # key, size, claims, error
        ("2025-03-04-oslo.txt", 127, 2, None),
        ("2025-03-05-plant.txt", 55, 1, "the file is not text (it looks like binary data); skipped."),
        ("2025-03-06-berlin.txt", 53, 1, None)]
    assert sorted((r[1], r[3], r[20]) for r in together["claims"]) == [  # document, quote, status
        ("2025-03-04-oslo.txt", "18 Leopard 2 tanks", "new"),
        ("2025-03-04-oslo.txt", "about NOK 2 billion", "accepted"),  # the decision moved to the new version's
        ("2025-03-04-oslo.txt", "about NOK 2 billion", "superseded"),
        ("2025-03-05-plant.txt", "up to 40,000 shells", "new"), ("2025-03-06-berlin.txt", "18 Leopard 2 tanks", "new")]
    assert [(r[1], r[6], r[12]) for r in together["issues"]] == [("2025-03-05-plant.txt", "binary_file", 1)]
    moved = next(r[0] for r in together["claims"] if r[3] == "about NOK 2 billion" and r[20] == "accepted")
    assert [(r[0] == moved, r[2]) for r in together["reviews"]] == [(False, "accept"), (True, "accept")]


def test_two_outcomes_of_one_key_are_stored_one_after_the_other(tmp_path: Path) -> None:
    """Two file names that differ only in bytes that are not UTF-8 give one key: the second
    file stored supersedes the first one's claims, as when stored one at a time."""
    from datetime import date

    from pipeline.models import RunResult

    inbox = tmp_path / "inbox"
    write_doc(inbox, "2025-03-04-a.txt", OSLO)
    write_doc(inbox, "2025-03-04-b.txt", BERLIN)
    read = [p for path in sorted(inbox.iterdir())
            for p in flow.process_file(path, path.name, 10_000, date(2025, 3, 10))]
    same_key = [p.model_copy(update={"key": "2025-03-04-caf\ufffd.txt"}) for p in read]
    ledger = store.open_ledger(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    try:
        result = RunResult(started=datetime(2025, 3, 10), inbox=str(inbox), out=str(tmp_path))
        store.store_run(ledger, result, same_key, seen={"2025-03-04-caf\ufffd.txt"})
    finally:
        ledger.close()
    assert ledger_rows(tmp_path, "SELECT doc_key, quote, status FROM claims ORDER BY status, quote") == [
        ("2025-03-04-caf\ufffd.txt", "18 Leopard 2 tanks", "new"),
        ("2025-03-04-caf\ufffd.txt", "about NOK 2 billion", "superseded")]
    assert ledger_rows(tmp_path, "SELECT key, claim_count FROM documents") == [("2025-03-04-caf\ufffd.txt", 1)]


def test_crash_while_writing_the_workbook_keeps_the_old_one(inbox: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    run(inbox, out)
    workbook = (out / "tracker.xlsx").read_bytes()
    write_doc(inbox, "2025-03-06-berlin.txt", BERLIN)

    def failing(fd):  # the new workbook is half on disk when writing fails
        raise OSError("No space left on device")

    monkeypatch.setattr("os.fsync", failing)
    result = flow.run(Settings(inbox=inbox, out=out))
    assert [(i.code.value, i.message) for i in result.issues] == [
        ("workbook_failed", "the workbook could not be written (OSError: No space left on device); the ledger "
                            "holds everything, and the workbook is as it was.")]
    assert (out / "tracker.xlsx").read_bytes() == workbook
    assert [p.name for p in out.iterdir() if p.suffix == ".xlsx"] == ["tracker.xlsx"]
    monkeypatch.undo()
    assert run(inbox, out).output.startswith("Read 0 new or changed document(s) of 3")  # the ledger has it all
    assert [r["Document"] for r in sheet_records(out / "tracker.xlsx", "Claims")][-1] == "2025-03-06-berlin.txt"


def test_document_text_never_becomes_a_formula(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, "2025-01-02-tricky.txt", '=HYPERLINK("http://evil.example","click")\n'
                                              "Poland pledged PLN 1 billion.\n")
    assert run(inbox, out).exit_code == 0
    from openpyxl import load_workbook

    cell = load_workbook(out / "tracker.xlsx")["Documents"]["C2"]  # the Title column
    assert cell.value == '=HYPERLINK("http://evil.example","click")'
    assert cell.data_type == "s"


def test_a_second_run_on_a_busy_out_folder_stops_with_exit_1(inbox: Path, tmp_path: Path) -> None:
    from filelock import FileLock

    out = tmp_path / "out"
    out.mkdir()
    with FileLock(out / ".tracker.lock"):
        result = run(inbox, out)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"Error: another run is using {out} (lock file {out / '.tracker.lock'}). "
        "Wait for it to finish, or pass --wait SECONDS.")
    assert not (out / "ledger.sqlite").exists()
    with FileLock(out / ".tracker.lock"):
        waited = run(inbox, out, "--wait", "0.2")
    assert waited.exit_code == 1
    assert waited.output.splitlines()[-1] == (
        f"Error: another run is using {out} (lock file {out / '.tracker.lock'}). "
        "Waited 0.2 seconds; wait for it to finish, or pass a longer --wait.")


def test_missing_inbox_stops_with_exit_1(tmp_path: Path) -> None:
    result = run(tmp_path / "nowhere", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"Error: the inbox folder {tmp_path / 'nowhere'} does not exist. Create it or pass --inbox.")


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    assert invoke("run", "--wait", "soon").exit_code == 2
    assert invoke("extract").exit_code == 2
    assert invoke("extract", "--max-bytes", "lots", str(tmp_path)).exit_code == 2
    # a path that is not there is that document's problem, not bad usage (test_extract_cli)
    assert invoke("extract", str(tmp_path / "missing.txt")).exit_code == 0
    assert invoke("frobnicate").exit_code == 2


def test_a_file_that_kills_its_worker_is_a_problem_row_and_the_others_are_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os as _os

    import pool_tasks

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    for n in range(40):
        write_doc(inbox, f"2025-03-{n % 28 + 1:02d}-note-{n:02d}.txt", f"Lithuania sent {n + 1} trucks.\n")
    write_doc(inbox, "2025-03-07-poison.txt", "Estonia sent 3 boats.\n")
    monkeypatch.setattr(flow, "_process_in_worker", pool_tasks.dies_on_poison)
    monkeypatch.setattr(flow, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(_os, "cpu_count", lambda: 2)
    result = run(inbox, out)
    assert result.exit_code == 0, result.output
    assert ("  error: 2025-03-07-poison.txt: the reading step failed on this document (the process reading it "
            "stopped: out of memory or a crash).") in result.output.splitlines()
    assert ledger_rows(out, "SELECT COUNT(*) FROM claims WHERE unit = 'truck'") == [(40,)]
