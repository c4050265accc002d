"""Plain text and Markdown: encodings, the date from the file name or a date line, the title."""
from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from ..issues import issue
from ..models import IssueCode, ValidationIssue
from . import Read, Source, failed, make_document

# Magic numbers of common binary files, to name what a mislabelled file really is.
MAGIC = [
    (b"%PDF", "a PDF"), (b"PK\x03\x04", "a zip archive or Office file"), (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office file"), (b"\x7fELF", "a program"), (b"MZ", "a program"),
]

FILE_NAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# "date: 2024-09-20" or "date 2024-09-20 (Agency)" among the first lines.
DATE_LINE = re.compile(r"^\s*date\s*:?\s*(\d{4})-(\d{2})-(\d{2})\b", re.IGNORECASE)
DATE_LINE_SCAN = 5
PREFERRED_LEGACY = "cp1252"


def read_text(data: bytes, src: Source) -> list[Read]:
    text, encoding, problems = decode(data, src.key)
    if text is None:
        return failed(src, *problems)
    if not text.strip():
        return failed(src, *problems, issue(IssueCode.no_text, src.key))
    when, date_source = find_date(src.path.name, text)
    if when is None:
        problems.append(issue(IssueCode.no_date, src.key))
    doc = make_document(src, text, title=find_title(text, src.path), when=when, date_source=date_source,
                        read_as=f"text ({encoding})")
    return [Read(src.key, doc, problems)]


def decode(data: bytes, name: str) -> tuple[str | None, str, list[ValidationIssue]]:
    """Bytes to text: UTF-8 (with or without BOM) and UTF-16 by their marks, else detected.

    >>> decode("naïve €".encode("cp1252"), "x.txt")[1]
    'cp1252'
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError:
            return None, "", [issue(IssueCode.bad_encoding, name)]
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return None, "", [issue(IssueCode.binary_file, name, kind=kind)]
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        return None, "", [issue(IssueCode.binary_file, name, kind="binary data")]
    from charset_normalizer import from_bytes  # imported here: only legacy files need it

    matches = list(from_bytes(data))
    if not matches:
        return None, "", [issue(IssueCode.bad_encoding, name)]
    best = matches[0]
    # Short texts often fit several code pages equally well; a tie goes to the commonest
    # legacy encoding of Western news, Windows-1252.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    best = next((m for m in tied if m.encoding == PREFERRED_LEGACY), best)
    return str(best), best.encoding, [issue(IssueCode.legacy_encoding, name, encoding=best.encoding)]


def find_date(file_name: str, text: str, metadata: date | None = None,
              order: tuple[str, ...] = ("file name", "metadata", "date line")) -> tuple[date | None, str]:
    """The document date and where it was found, trying the places in `order`.

    The file name comes first by default: it is the analyst's own choice. A page's,
    feed entry's or e-mail's metadata is its publication date; a PDF's or Word file's
    metadata is only when the file was made, so their readers put it after the date line.

    >>> find_date("2024-09-20-kyiv.txt", "")
    (datetime.date(2024, 9, 20), 'file name')
    >>> find_date("kyiv.html", "date: 2025-01-31", metadata=date(2025, 2, 1))
    (datetime.date(2025, 2, 1), 'metadata')
    >>> find_date("kyiv.txt", "Headline\\ndate: 2025-01-31\\n")
    (datetime.date(2025, 1, 31), 'date line')
    """
    for place in order:
        if place == "file name":
            m = FILE_NAME_DATE.match(file_name)
            if m and (d := _date(m)):
                return d, place
        elif place == "metadata" and metadata is not None:
            return metadata, place
        elif place == "date line":
            for line in text.lstrip("\ufeff").splitlines()[:DATE_LINE_SCAN]:
                m = DATE_LINE.match(line)
                if m and (d := _date(m)):
                    return d, place
    return None, "none"


def _date(m: re.Match[str]) -> date | None:
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def as_date(value: object) -> date | None:
    """A metadata date (datetime, date or ISO text such as '2025-03-04T10:00:00Z') as a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and (m := re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)):
        return _date(m)
    return None


def find_title(text: str, path: Path) -> str:
    r"""The first line that is not blank, less a leading date line's date ("date 2024-09-20 Kyiv
    opens ..." is titled "Kyiv opens ..."); the file name otherwise.

    >>> find_title("date: 2024-09-20\n\n# Kyiv opens an office", Path("a.txt"))
    'Kyiv opens an office'
    >>> find_title("date 2024-09-20 (Wire) Kyiv opens an office\n", Path("a.txt"))
    '(Wire) Kyiv opens an office'
    """
    for line in text.splitlines()[:20]:
        line = line.strip().lstrip("#").strip()
        if m := DATE_LINE.match(line):
            line = line[m.end():].strip(" \t-–—:|,")
        if line:
            return line[:200]
    return path.stem


def with_title(title: str, body: str) -> str:
    """The text the extractor reads: the headline first (figures often stand in it), then the body."""
    title, body = title.strip(), body.strip()
    if not title or body.startswith(title):
        return body
    return f"{title}\n\n{body}"
