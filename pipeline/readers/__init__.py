"""Format readers: each turns a file's bytes into Documents (a feed gives several).

`pipeline.ingest` opens the file, applies the size limit and picks the reader by the
file's suffix; a reader never opens files itself and imports its parsing library
(trafilatura, pypdf, feedparser, python-docx) only when called, so start-up stays fast.
A reader returns problems as issues, never raises for a bad file.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

from ..models import Document, ValidationIssue


@dataclass(frozen=True)
class Source:
    """The file being read: where it is, the key it is known by in the inbox, its version."""

    path: Path
    key: str
    version: str
    size: int


class Read(NamedTuple):
    """One document read from a file (None when unreadable) with its problems."""

    key: str
    document: Document | None
    issues: list[ValidationIssue]


def failed(src: Source, *problems: ValidationIssue) -> list[Read]:
    """The file could not be read: one row under the file's own key."""
    return [Read(src.key, None, list(problems))]


def make_document(src: Source, text: str, *, title: str, when: date | None, date_source: str,
                  read_as: str, key: str | None = None, source: str | None = None,
                  content_hash: str | None = None, **extra: object) -> Document:
    return Document(source=safe_name(source or str(src.path)), name=key or src.key, text=text, title=title[:200],
                    date=when, date_source=date_source, read_as=read_as,  # type: ignore[arg-type]
                    content_hash=content_hash or src.version, size=src.size, **extra)


def safe_name(text: str) -> str:
    """A path as text that the ledger and the workbook can hold: bytes of a file name that
    are not UTF-8 become U+FFFD.

    >>> safe_name(b"caf\\xe9.txt".decode("utf-8", "surrogateescape"))
    'caf\\ufffd.txt'
    """
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def page_of(doc: Document, offset: int) -> int | None:
    """The page (1-based) of a character offset in a PDF's text; None for other documents.

    >>> d = Document(source="a.pdf", name="a.pdf", text="one\\n\\ntwo", pages=[0, 5])
    >>> page_of(d, 0), page_of(d, 5), page_of(d, 7)
    (1, 2, 2)
    """
    if not doc.pages:
        return None
    from bisect import bisect_right

    return max(1, bisect_right(doc.pages, offset))
