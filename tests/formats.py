"""Documents of each format, built by the tests themselves (no fixture files)."""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

NORWAY = "Norway pledged NOK 2 billion in military aid to Ukraine on Tuesday, the ministry said."


def html_page(title: str = "Norway pledges more", published: str = "2025-03-04",
              url: str = "https://news.example/norway", body: str = NORWAY) -> bytes:
    return f"""<!DOCTYPE html><html><head><title>{title} | News site</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}T10:00:00Z">
<link rel="canonical" href="{url}"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li></ul></nav>
<article><h1>{title}</h1><p>{body}</p>
<p>The package includes air defence and ammunition, officials added in Oslo on Tuesday.</p></article>
<footer>Copyright 2025 News site. All rights reserved. Subscribe to our newsletter.</footer></body></html>
""".encode("utf-8")


def pdf(pages: list[str], title: str = "", encrypt: bool = False, created: dt.datetime | None = None) -> bytes:
    from fpdf import FPDF

    doc = FPDF()
    if title:
        doc.set_title(title)
    if created:
        doc.set_creation_date(created)
    doc.set_font("helvetica", size=12)
    for text in pages:
        doc.add_page()
        if text:
            doc.multi_cell(w=0, text=text)
        else:
            doc.rect(20, 20, 100, 140, style="F")  # a "scan": marks on the page, no text
    if encrypt:
        doc.set_encryption(owner_password="owner", user_password="secret")
    return bytes(doc.output())


def rss(entries: list[tuple[str, str, str, str]]) -> bytes:
    """entries: (guid, title, RFC 822 date, description)."""
    items = "".join(
        f"<item><guid>{g}</guid><title>{t}</title><link>https://wire.example/{g}</link>"
        f"<pubDate>{d}</pubDate><description>{body}</description></item>" for g, t, d, body in entries)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
            f"<link>https://wire.example/</link>{items}</channel></rss>").encode("utf-8")


def docx(paragraphs: list[str], title: str = "", created: dt.datetime | None = None,
         table: list[list[str]] | None = None) -> bytes:
    import io

    import docx as python_docx

    d = python_docx.Document()
    d.core_properties.title = title
    d.core_properties.created = created or dt.datetime(2000, 1, 1)
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def eml(subject: str, date: str, body: str, html: bool = False) -> bytes:
    kind = "html" if html else "plain"
    return (f"From: desk@wire.example\r\nTo: analyst@example.org\r\nSubject: {subject}\r\nDate: {date}\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: text/{kind}; charset=utf-8\r\n\r\n{body}\r\n").encode("utf-8")


def zip_bomb_docx(path: Path, unpacked: int) -> None:
    """A .docx whose document part unpacks to `unpacked` bytes of zeros (a few hundred KB packed)."""
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            for _ in range(unpacked // len(chunk)):
                f.write(chunk)
