"""Every kind of document an analyst collects, written by the tests themselves, read end
to end: the document's fields (text, title, date and where it was found, URL, pages) and
one simple claim from each."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import formats
from conftest import invoke, ledger_rows, sheet_rows, write_doc
from pipeline.ingest import page_of, read_file

CLAIM = "SELECT doc_key, value, unit FROM claims WHERE status != 'superseded' ORDER BY doc_key, start"


def run(inbox: Path, out: Path, *extra: str):
    result = invoke("run", "--inbox", str(inbox), "--out", str(out), *extra)
    assert result.exit_code == 0, result.output
    return result


def only(path: Path):
    version, reads = read_file(path, path.name)
    assert len(reads) == 1, reads
    return reads[0]


def test_html_page_gives_the_article_with_title_date_and_url(tmp_path: Path) -> None:
    path = write_doc(tmp_path, "norway.html", formats.html_page())
    key, doc, problems = only(path)
    assert problems == []
    assert doc.title == "Norway pledges more"
    assert (doc.date, doc.date_source) == (dt.date(2025, 3, 4), "metadata")
    assert doc.url == "https://news.example/norway"
    assert doc.read_as == "html page"
    assert formats.NORWAY in doc.text
    for boilerplate in ("Home", "World news", "Copyright", "newsletter"):
        assert boilerplate not in doc.text


def test_file_name_date_wins_over_page_metadata(tmp_path: Path) -> None:
    path = write_doc(tmp_path, "2025-03-10-norway.html", formats.html_page(published="2025-03-04"))
    assert (only(path).document.date, only(path).document.date_source) == (dt.date(2025, 3, 10), "file name")


def test_pdf_keeps_its_pages_so_a_claim_can_cite_its_page(tmp_path: Path) -> None:
    path = write_doc(tmp_path, "danish-package.pdf",
                     formats.pdf(["Copenhagen, 5 March 2025. Danish support continues.",
                                  "Denmark pledged DKK 5 billion to Ukraine."],
                                 title="Danish package", created=dt.datetime(2025, 3, 5, 9, 0)))
    key, doc, problems = only(path)
    assert problems == []
    assert doc.title == "Danish package"
    assert (doc.date, doc.date_source) == (dt.date(2025, 3, 5), "metadata")
    assert doc.read_as == "pdf (2 pages)"
    assert len(doc.pages) == 2 and doc.pages[0] == 0
    at = doc.text.index("DKK 5 billion")
    assert page_of(doc, at) == 2 and page_of(doc, 0) == 1
    assert doc.text[doc.pages[1]:].startswith("Denmark pledged")


def test_feed_entries_are_documents_with_their_own_date_title_and_link(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, "wire.rss", formats.rss([
        ("a1", "Norway pledges", "Tue, 04 Mar 2025 10:00:00 GMT", "Norway pledged NOK 2 billion."),
        ("a2", "Danish support", "Wed, 05 Mar 2025 08:00:00 GMT", "&lt;p&gt;Denmark pledged DKK 5 billion.&lt;/p&gt;"),
    ]))
    version, reads = read_file(inbox / "wire.rss", "wire.rss")
    assert [r.key for r in reads] == ["wire.rss#a1", "wire.rss#a2"]
    a2 = reads[1].document
    assert (a2.title, a2.date, a2.date_source, a2.url) == (
        "Danish support", dt.date(2025, 3, 5), "metadata", "https://wire.example/a2")
    assert a2.text == "Danish support\n\nDenmark pledged DKK 5 billion."
    assert a2.source == f"{inbox / 'wire.rss'}#a2"

    first = run(inbox, out)
    assert first.output.startswith("Read 2 new or changed document(s) of 2")
    assert ledger_rows(out, CLAIM) == [("wire.rss#a1", "2000000000", "NOK"), ("wire.rss#a2", "5000000000", "DKK")]
    assert ledger_rows(out, "SELECT key, date, date_source, read_as FROM documents ORDER BY key") == [
        ("wire.rss#a1", "2025-03-04", "metadata", "feed entry"), ("wire.rss#a2", "2025-03-05", "metadata", "feed entry")]
    ids = dict(ledger_rows(out, "SELECT doc_key, id FROM claims"))

    # Unchanged feed: nothing read again, no entry marked missing.
    assert run(inbox, out).output.startswith("Read 0 new or changed document(s) of 2 in")
    assert ledger_rows(out, "SELECT key, missing FROM documents ORDER BY key") == [("wire.rss#a1", 0), ("wire.rss#a2", 0)]

    # Downloaded again: a1 dropped out, a2 unchanged, a3 new.
    write_doc(inbox, "wire.rss", formats.rss([
        ("a2", "Danish support", "Wed, 05 Mar 2025 08:00:00 GMT", "&lt;p&gt;Denmark pledged DKK 5 billion.&lt;/p&gt;"),
        ("a3", "Swedish boats", "Thu, 06 Mar 2025 08:00:00 GMT", "Sweden pledged SEK 3 billion."),
    ]))
    run(inbox, out)
    assert ledger_rows(out, "SELECT key, missing FROM documents ORDER BY key") == [
        ("wire.rss#a1", 1), ("wire.rss#a2", 0), ("wire.rss#a3", 0)]
    assert ledger_rows(out, CLAIM) == [("wire.rss#a1", "2000000000", "NOK"), ("wire.rss#a2", "5000000000", "DKK"),
                                       ("wire.rss#a3", "3000000000", "SEK")]
    assert dict(ledger_rows(out, "SELECT doc_key, id FROM claims"))["wire.rss#a2"] == ids["wire.rss#a2"]
    assert run(inbox, out).output.startswith("Read 0 new or changed document(s) of 2 in")


def test_atom_feed_entry(tmp_path: Path) -> None:
    path = write_doc(tmp_path, "nato.atom", b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>NATO</title><id>urn:nato</id><updated>2025-03-01T00:00:00Z</updated>
<entry><id>tag:nato.int,2025:17</id><title>Allied support</title><link href="https://nato.example/17"/>
<updated>2025-03-07T12:00:00Z</updated><content type="html">&lt;p&gt;Canada pledged CAD 500 million.&lt;/p&gt;</content></entry>
</feed>""")
    version, reads = read_file(path, "nato.atom")
    assert [(r.key, r.document.date, r.document.url) for r in reads] == [
        ("nato.atom#tag:nato.int,2025:17", dt.date(2025, 3, 7), "https://nato.example/17")]


def test_docx_gives_paragraphs_tables_title_and_date(tmp_path: Path) -> None:
    path = write_doc(tmp_path, "canada-brief.docx", formats.docx(
        ["Canada brief", "Canada pledged CAD 500 million in military aid."], title="Canada brief",
        created=dt.datetime(2024, 12, 3, 9, 30), table=[["Item", "Count"], ["howitzers", "12"]]))
    key, doc, problems = only(path)
    assert problems == []
    assert doc.text == "Canada brief\nCanada pledged CAD 500 million in military aid.\nItem\tCount\nhowitzers\t12"
    assert (doc.title, doc.date, doc.date_source, doc.read_as) == (
        "Canada brief", dt.date(2024, 12, 3), "metadata", "word document")


def test_docx_date_line_wins_over_the_files_creation_date(tmp_path: Path) -> None:
    path = write_doc(tmp_path, "brief.docx", formats.docx(["date: 2024-11-20", "Japan pledged JPY 5 billion."],
                                                          created=dt.datetime(2024, 12, 3)))
    assert (only(path).document.date, only(path).document.date_source) == (dt.date(2024, 11, 20), "date line")


@pytest.mark.parametrize("html", [False, True], ids=["plain", "html"])
def test_email_gives_subject_date_and_body(html: bool, tmp_path: Path) -> None:
    body = "<p>Poland pledged PLN 1 billion.</p><p>More follows.</p>" if html else "Poland pledged PLN 1 billion.\r\n"
    path = write_doc(tmp_path, "desk.eml", formats.eml("Poland budget", "Fri, 30 Aug 2024 09:00:00 +0200", body, html))
    key, doc, problems = only(path)
    assert problems == []
    assert (doc.title, doc.date, doc.date_source, doc.read_as) == ("Poland budget", dt.date(2024, 8, 30), "metadata", "e-mail")
    assert doc.text.startswith("Poland budget\n\nPoland pledged PLN 1 billion.")


def test_a_mixed_inbox_runs_end_to_end(tmp_path: Path) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, "a.html", formats.html_page())
    write_doc(inbox, "b.pdf", formats.pdf(["Denmark pledged DKK 5 billion."], created=dt.datetime(2025, 3, 5)))
    write_doc(inbox, "c.docx", formats.docx(["Canada pledged CAD 500 million."], created=dt.datetime(2024, 12, 3)))
    write_doc(inbox, "d.eml", formats.eml("Poland", "Fri, 30 Aug 2024 09:00:00 +0200", "Poland pledged PLN 1 billion."))
    write_doc(inbox, "e.rss", formats.rss([("x", "Sweden", "Thu, 06 Mar 2025 08:00:00 GMT", "Sweden pledged SEK 3 billion.")]))
    write_doc(inbox, "2025-03-04-f.txt", "Finland pledged EUR 200 million.\n")
    result = run(inbox, out)
    assert result.output.splitlines()[0].startswith("Read 6 new or changed document(s) of 6")
    assert [(k, u) for k, _, u in ledger_rows(out, CLAIM)] == [
        ("2025-03-04-f.txt", "EUR"), ("a.html", "NOK"), ("b.pdf", "DKK"), ("c.docx", "CAD"), ("d.eml", "PLN"),
        ("e.rss#x", "SEK")]
    docs = sheet_rows(out / "tracker.xlsx", "Documents")
    read_as = {r[0]: r[docs[0].index("Read as")] for r in docs[1:]}
    assert read_as == {"2025-03-04-f.txt": "text (utf-8)", "a.html": "html page", "b.pdf": "pdf (1 page)",
                       "c.docx": "word document", "d.eml": "e-mail", "e.rss#x": "feed entry"}


def test_a_pdf_claim_cites_its_page_and_a_feed_entry_its_link_in_the_workbook(tmp_path: Path) -> None:
    from conftest import invoke, ledger_rows, sheet_records

    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, "2025-03-05-danish-package.pdf",
              formats.pdf(["Copenhagen. Danish support continues.", "Denmark pledged DKK 5 billion to Ukraine."]))
    write_doc(inbox, "wire.rss", formats.rss([
        ("a1", "Norway pledges", "Tue, 04 Mar 2025 10:00:00 GMT", "Norway pledged NOK 2 billion.")]))
    assert invoke("run", "--inbox", str(inbox), "--out", str(out)).exit_code == 0
    assert ledger_rows(out, "SELECT doc_key, quote, page FROM claims WHERE unit = 'DKK'") == [
        ("2025-03-05-danish-package.pdf", "DKK 5 billion", 2)]
    [(url,)] = ledger_rows(out, "SELECT url FROM documents WHERE key = 'wire.rss#a1'")
    claims = {r["Quote"]: r for r in sheet_records(out / "tracker.xlsx", "Claims")}
    assert claims["DKK 5 billion"]["Page"] == 2 and claims["NOK 2 billion"]["Page"] is None
    docs = {r["Document"]: r for r in sheet_records(out / "tracker.xlsx", "Documents")}
    assert docs["wire.rss#a1"]["Path or URL"] == url and url.startswith("http")
