"""Bad files in the inbox: each gives one clear problem row, and the run goes on.

Every case runs through the command line beside a good article, then the problem is read
back from the command's summary, the ledger and the workbook's `Validation errors` sheet.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, NamedTuple

import pytest

from conftest import invoke, ledger_rows, sheet_rows, write_doc
from pipeline.ingest import read_document

GOOD = ("2025-03-04-oslo.txt", "Norway pledged about NOK 2 billion in military aid.\n")


class Bad(NamedTuple):
    name: str
    make: Callable[[Path], None]     # writes the bad file into the inbox folder
    severity: str
    code: str
    message: str
    hint: str


def _bytes(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: write_doc(folder, name, data)


def _broken_link(folder: Path) -> None:
    (folder / "2025-03-04-moved.txt").symlink_to(folder / "no-such-file.txt")


CASES = [
    Bad("2025-03-04-blank.txt", _bytes("2025-03-04-blank.txt", b""), "error", "empty_file",
        "the file is empty; skipped.", "Remove it or save the article again."),
    Bad("2025-03-04-spaces.txt", _bytes("2025-03-04-spaces.txt", b"  \n\n \t\n"), "error", "empty_file",
        "the file is empty; skipped.", "Remove it or save the article again."),
    Bad("2025-03-04-scan.txt", _bytes("2025-03-04-scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        "error", "binary_file", "the file is not text (it looks like a PDF); skipped.",
        "Save the article as .txt or .md in the inbox."),
    Bad("2025-03-04-photo.txt", _bytes("2025-03-04-photo.txt", b"\x00\x01\x02\x03\xff\xfe\x00\x9c" * 64),
        "error", "binary_file", "the file is not text (it looks like binary data); skipped.",
        "Save the article as .txt or .md in the inbox."),
    Bad("2025-03-04-sheet.xls", _bytes("2025-03-04-sheet.xls", b"whatever"), "error", "unsupported_format",
        "files of type '.xls' cannot be read yet; skipped.",
        "Save the article as .txt, .md, .html, .pdf, .docx or .eml in the inbox."),
    Bad("2025-03-04-huge.txt", _bytes("2025-03-04-huge.txt", b"Denmark sent 19 jets. " * 100),
        "error", "too_large", "the file is 2,200 bytes, over the limit of 1,000; skipped.",
        "Split the file, or raise the size limit (--max-bytes) if it is really one article."),
    Bad("2025-03-04-moved.txt", _broken_link, "error", "unreadable",
        "the file could not be read (No such file or directory); skipped.",
        "Check that the file exists and that you may read it."),
    Bad("2025-03-04-zloty.txt", _bytes("2025-03-04-zloty.txt",
                                       "Warszawa przekaże 1,5 mld zł – łącznie ponad 30 pakietów. "
                                       "Poland’s pledge is worth €400 million, officials said.".encode("cp1250")),
        "warning", "legacy_encoding", "the file is not UTF-8; it was read as cp1250.",
        "Check the claims' quotes; save the file as UTF-8 to silence this."),
    Bad("undated-note.txt", _bytes("undated-note.txt", b"Sweden will send 10 boats.\n"), "warning", "no_date",
        "no date found in the file name or at the top of the text; its claims have no date.",
        "Rename the file to start with the date (2024-09-20-...) or add a line 'date: 2024-09-20' at the top."),
]


@pytest.mark.parametrize("bad", CASES, ids=[c.code + ":" + c.name for c in CASES])
def test_bad_file_gives_one_clear_problem_and_the_run_goes_on(bad: Bad, tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, *GOOD)
    bad.make(inbox)
    result = invoke("run", "--inbox", str(inbox), "--out", str(out), "--max-bytes", "1000")
    assert result.exit_code == 0, result.output
    assert f"  {bad.severity}: {bad.name}: {bad.message}" in result.output.splitlines()
    assert ledger_rows(out, "SELECT doc_key, severity, step, code, message, hint, open FROM issues "
                            "WHERE doc_key = ?", (bad.name,)) == [
        (bad.name, bad.severity, "ingest", bad.code, bad.message, bad.hint, 1)]
    assert sheet_rows(out / "tracker.xlsx", "Validation errors")[1:] == [
        (bad.severity, bad.name, None, "ingest", bad.code, bad.message, bad.hint, None, 1, 1)]
    # The good article was read all the same.
    assert ledger_rows(out, "SELECT quote FROM claims WHERE doc_key = ?", (GOOD[0],)) == [("about NOK 2 billion",)]


def test_legacy_encoding_is_read_not_refused(tmp_path: Path) -> None:
    path = write_doc(tmp_path, "2025-03-04-cafe.txt", "Le ministère a promis 300 millions d’euros – "
                                                      "Kyiv recevra 12 canons César.".encode("cp1252"))
    doc, _, problems = read_document(path, path.name)
    assert doc is not None and "ministère" in doc.text and "d’euros" in doc.text
    assert [p.code.value for p in problems] == ["legacy_encoding"]


@pytest.mark.parametrize("encoding,bom", [("utf-8-sig", b""), ("utf-16", b"")])
def test_unicode_with_byte_order_mark_is_read_cleanly(encoding: str, bom: bytes, tmp_path: Path) -> None:
    path = write_doc(tmp_path, "2025-03-04-kyiv.txt", "Kyiv said Latvia gave €20 million.".encode(encoding))
    doc, _, problems = read_document(path, path.name)
    assert doc is not None and doc.text == "Kyiv said Latvia gave €20 million." and problems == []


def test_a_problem_is_not_reported_twice_and_closes_when_the_file_is_fixed(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, *GOOD)
    write_doc(inbox, "2025-03-04-blank.txt", b"")
    invoke("run", "--inbox", str(inbox), "--out", str(out))
    second = invoke("run", "--inbox", str(inbox), "--out", str(out))
    assert "error" not in second.output.split("\n", 1)[1]  # known and unchanged: not read again
    assert ledger_rows(out, "SELECT code, open, first_run, last_run FROM issues") == [("empty_file", 1, 1, 1)]
    write_doc(inbox, "2025-03-04-blank.txt", "Finland sent 2 patrol boats.\n")
    invoke("run", "--inbox", str(inbox), "--out", str(out))
    assert ledger_rows(out, "SELECT code, open FROM issues") == [("empty_file", 0)]
    assert sheet_rows(out / "tracker.xlsx", "Validation errors")[1:] == []
