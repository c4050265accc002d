"""Bad documents of every format: each gives one clear problem row and the run goes on.

Like tests/test_bad_input.py, each case runs through the command line beside a good
article; then its problem is read back from the summary, the ledger and the workbook.
"""
from __future__ import annotations

import os
import time
import tracemalloc
from pathlib import Path
from typing import Callable, NamedTuple

import pytest

import formats
from conftest import invoke, ledger_rows, sheet_rows, write_doc
from pipeline import flow, ingest
from pipeline.ingest import read_file
from pipeline.settings import Settings

GOOD = ("2025-03-04-oslo.txt", "Norway pledged NOK 2 billion in military aid.\n")


class Bad(NamedTuple):
    name: str
    make: Callable[[Path], object]
    severity: str
    code: str
    message: str   # the whole message, or its start when it ends with "..."


def _write(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], object]:
    return lambda folder: write_doc(folder, name, data() if callable(data) else data)


def _truncated_pdf() -> bytes:
    data = formats.pdf(["Denmark pledged DKK 5 billion to Ukraine."] * 3)
    return data[: len(data) // 2]


def _sparse(name: str, size: int) -> Callable[[Path], object]:
    def make(folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / name, "wb") as f:
            f.truncate(size)  # sparse: takes no disk space, and must never be read
    return make


def _bomb(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    formats.zip_bomb_docx(folder / "bomb.docx", 120 * 2**20)


CASES = [
    Bad("cut.pdf", _write("cut.pdf", _truncated_pdf), "error", "damaged_file", "the PDF is damaged or cut short (..."),
    Bad("locked.pdf", _write("locked.pdf", lambda: formats.pdf(["Finland sent 2 boats."], encrypt=True)),
        "error", "encrypted", "the PDF is protected by a password; skipped."),
    Bad("scan.pdf", _write("scan.pdf", lambda: formats.pdf([""])), "error", "no_text_layer",
        "the PDF has no text layer (likely a scanned image); skipped."),
    Bad("fake.pdf", _write("fake.pdf", b"Norway pledged NOK 2 billion."), "error", "damaged_file",
        "the PDF is damaged or cut short (no PDF header); skipped."),
    Bad("menu.html", _write("menu.html", b"<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
                                         b"<footer>Contact us</footer></body></html>"),
        "error", "no_article", "no article text found in the page (only menus or boilerplate); skipped."),
    Bad("deep.html", _write("deep.html", b"<html><body>" + b"<div>" * 200_000 + b"Norway pledged NOK 2 billion."
                                         + b"</div>" * 200_000 + b"</body></html>"),
        "error", "too_deeply_nested", "the page nests its elements over 500 deep; skipped."),
    Bad("broken.rss", _write("broken.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
                                           b"<item><title>Norway pl"), "error", "damaged_file",
        "the feed is damaged or cut short (..."),
    Bad("notes.xml", _write("notes.xml", b'<?xml version="1.0"?><notes><note>hello</note></notes>'), "error",
        "damaged_file", "the feed is damaged or cut short (not an RSS or Atom feed); skipped."),
    Bad("empty.rss", _write("empty.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
                                         b"</channel></rss>"), "warning", "no_entries",
        "the feed holds no entries; nothing to read."),
    Bad("zero.pdf", _write("zero.pdf", b""), "error", "empty_file", "the file is empty; skipped."),
    Bad("zero.docx", _write("zero.docx", b""), "error", "empty_file", "the file is empty; skipped."),
    Bad("old.docx", _write("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), "error", "damaged_file",
        "the Word file is damaged or cut short (File is not a zip file); skipped."),
    Bad("bomb.docx", _bomb, "error", "unpacks_too_large",
        "the file would unpack to over 100,000,000 bytes (it may be a zip bomb); skipped."),
    Bad("program.txt", _write("program.txt", b"\x7fELF\x02\x01\x01" + b"\0" * 100), "error", "binary_file",
        "the file is not text (it looks like a program); skipped."),
    Bad("huge.txt", _sparse("huge.txt", 200 * 2**20), "error", "too_large",
        "the file is 209,715,200 bytes, over the limit of 20,000,000; skipped."),
    Bad("binary.eml", _write("binary.eml", b"\x89PNG\r\n\x1a\n" + b"\0" * 64), "error", "binary_file",
        "the file is not text (it looks like a PNG image); skipped."),
]


@pytest.mark.parametrize("bad", CASES, ids=[c.code + ":" + c.name for c in CASES])
def test_bad_document_gives_one_clear_problem_and_the_run_goes_on(bad: Bad, tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, *GOOD)
    bad.make(inbox)
    started = time.monotonic()
    result = invoke("run", "--inbox", str(inbox), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 10
    rows = ledger_rows(out, "SELECT doc_key, severity, step, code, message, open FROM issues WHERE doc_key = ?",
                       (bad.name,))
    assert len(rows) == 1, rows
    key, severity, step, code, message, still_open = rows[0]
    assert (key, severity, step, code, still_open) == (bad.name, bad.severity, "ingest", bad.code, 1)
    if bad.message.endswith("..."):
        assert message.startswith(bad.message[:-3]) and message.endswith("; skipped."), message
    else:
        assert message == bad.message
    assert f"  {bad.severity}: {bad.name}: {message}" in result.output.splitlines()
    problems = sheet_rows(out / "tracker.xlsx", "Validation errors")[1:]
    assert [(r[0], r[1], r[4]) for r in problems] == [(bad.severity, bad.name, bad.code)]
    # The good article was read all the same.
    assert ledger_rows(out, "SELECT quote FROM claims WHERE doc_key = ?", (GOOD[0],)) == [("NOK 2 billion",)]


def test_a_feed_damaged_after_some_entries_keeps_them_with_a_warning(tmp_path: Path) -> None:
    data = formats.rss([("a1", "Norway", "Tue, 04 Mar 2025 10:00:00 GMT", "Norway pledged NOK 2 billion."),
                        ("a2", "Danish", "Wed, 05 Mar 2025 08:00:00 GMT", "Denmark pledged DKK 5 billion.")])
    path = write_doc(tmp_path, "wire.rss", data[: data.index(b"<item><guid>a2") + 30])
    version, reads = read_file(path, "wire.rss")
    assert [(r.key, r.document is not None, [i.code.value for i in r.issues]) for r in reads] == [
        ("wire.rss", False, ["partly_read"]), ("wire.rss#a1", True, [])]


def test_a_200_mb_file_is_refused_without_being_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, *GOOD)
    _sparse("huge.pdf", 200 * 2**20)(inbox)
    opened: list[str] = []
    real_open = Path.open

    def spy(self: Path, *args, **kwargs):
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    monkeypatch.setattr(Path, "read_bytes", lambda self: (opened.append(self.name), real_open(self, "rb").read())[1])
    flow.run(Settings(inbox=inbox, out=out))
    flow.run(Settings(inbox=inbox, out=out))  # the second run must not hash it either
    assert "huge.pdf" not in opened
    assert ledger_rows(out, "SELECT code FROM issues WHERE doc_key = 'huge.pdf'") == [("too_large",)]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    formats.zip_bomb_docx(tmp_path / "bomb.docx", 200 * 2**20)
    tracemalloc.start()
    try:
        version, reads = read_file(tmp_path / "bomb.docx", "bomb.docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [i.code.value for i in reads[0].issues] == ["unpacks_too_large"]
    assert peak < 20 * 2**20  # the file itself (~200 KB) and the zip index, not 200 MB


def test_odd_characters_in_file_names(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    names = ["2025-03-04 Oslo – «pledge» #1 ✓.txt", "=cmd|' ok'!A1.txt", "tab\there.txt", "new\nline.txt"]
    for name in names:
        write_doc(inbox, name, "Norway pledged NOK 2 billion.\n")
    inbox.mkdir(exist_ok=True)
    with open(os.path.join(os.fsencode(inbox), b"caf\xe9-latin1.txt"), "wb") as f:  # not UTF-8
        f.write(b"Norway pledged NOK 2 billion.\n")
    result = invoke("run", "--inbox", str(inbox), "--out", str(out))
    assert result.exit_code == 0, result.output
    keys = [r[0] for r in ledger_rows(out, "SELECT doc_key FROM claims ORDER BY doc_key")]
    assert sorted(keys) == sorted(names + ["caf\ufffd-latin1.txt"])
    docs = [r[0] for r in sheet_rows(out / "tracker.xlsx", "Documents")[1:]]
    assert sorted(docs) == sorted(keys)
    assert invoke("run", "--inbox", str(inbox), "--out", str(out)).output.startswith(
        "Read 0 new or changed document(s) of 5")


def test_a_file_that_vanishes_between_listing_and_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, *GOOD)
    write_doc(inbox, "2025-03-05-gone.txt", "Sweden will send 10 boats.\n")
    real = ingest.list_files

    def list_then_delete(folder: Path) -> list[tuple[str, str]]:
        files = real(folder)
        (folder / "2025-03-05-gone.txt").unlink()
        return files

    monkeypatch.setattr(ingest, "list_files", list_then_delete)
    result = flow.run(Settings(inbox=inbox, out=out))
    assert [(i.document, i.code.value, i.message) for i in result.issues] == [
        ("2025-03-05-gone.txt", "unreadable", "the file could not be read (No such file or directory); skipped.")]
    assert result.claims_found == 1
