"""Read documents from files: text, title, date, provenance; problems as issues.

Only this module opens input files. It applies the size limit (decided from the file's
size alone, so a huge file is never read) and hands the bytes to the reader of the file's
format in `pipeline.readers`. A file that cannot be read becomes a `ValidationIssue`
against it, never an exception, so one bad file never stops a run. One file may give
several documents: a feed gives one per entry.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Callable

from .issues import issue
from .models import Document, IssueCode, ValidationIssue
from .readers import Read, Source, failed, page_of, safe_name
from .readers.text import decode, find_date, find_title, read_text
from .settings import DEFAULT_MAX_BYTES

__all__ = ["Read", "list_files", "content_hash", "read_file", "read_document", "decode", "find_date",
           "find_title", "page_of", "safe_name", "READERS"]


def _html(data: bytes, src: Source) -> list[Read]:
    from .readers.html import read_html
    return read_html(data, src)


def _pdf(data: bytes, src: Source) -> list[Read]:
    from .readers.pdf import read_pdf
    return read_pdf(data, src)


def _feed(data: bytes, src: Source) -> list[Read]:
    from .readers.feed import read_feed
    return read_feed(data, src)


def _docx(data: bytes, src: Source) -> list[Read]:
    from .readers.docx import read_docx
    return read_docx(data, src)


def _eml(data: bytes, src: Source) -> list[Read]:
    from .readers.eml import read_eml
    return read_eml(data, src)


# suffix -> reader; the name says what a reader failing on the file calls it.
READERS: dict[str, tuple[Callable[[bytes, Source], list[Read]], str]] = {
    **{s: (read_text, "text file") for s in (".txt", ".text", ".md", ".markdown")},
    **{s: (_html, "web page") for s in (".html", ".htm", ".xhtml")},
    ".pdf": (_pdf, "PDF"),
    **{s: (_feed, "feed") for s in (".rss", ".atom", ".xml")},
    ".docx": (_docx, "Word file"),
    ".eml": (_eml, "e-mail"),
}
TEXT_SUFFIXES = {s for s, (reader, _) in READERS.items() if reader is read_text}


def list_files(folder: Path) -> list[tuple[str, str]]:
    """Every file under `folder` with the key the ledger knows it by (its path under `folder`,
    '/'-separated), hidden ones (and hidden folders) left out, in a stable order. Paths come
    as text: making a Path of each of 100,000 files takes longer than listing them.

    A broken link is listed too: the analyst sees it in the folder, so it gets an error row.
    Links to folders are not followed, and a folder that cannot be listed is passed over.
    """
    found: list[tuple[tuple[str, ...], str]] = []  # (path parts under folder, full path)

    def walk(path: str, parts: tuple[str, ...]) -> None:
        try:
            with os.scandir(path) as it:
                entries = list(it)
        except (PermissionError, FileNotFoundError, NotADirectoryError):
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, (*parts, entry.name))
            elif entry.is_symlink() or entry.is_file():
                found.append(((*parts, entry.name), entry.path))

    walk(str(folder), ())
    found.sort()  # by path parts, as paths compare
    return [(path, safe_name("/".join(parts))) for parts, path in found]


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_file(path: Path, key: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, list[Read]]:
    """Read one file into its documents. Returns the file's version hash and one `Read`
    (key, document or None, issues) per document: one for most files, one per entry of a feed.

    The hash is returned even for a file that could not be read, so that an unchanged
    bad file is not reported again on the next run.
    """
    src = Source(path=path, key=key, version="", size=0)
    try:
        size = path.stat().st_size
    except OSError as err:  # gone since it was listed, a broken link, no permission
        return "", failed(src, issue(IssueCode.unreadable, key, reason=err.strerror or str(err)))
    if size > max_bytes:  # decided from the size alone: a huge file is never read
        return f"size:{size}", failed(src, issue(IssueCode.too_large, key, size=size, limit=max_bytes))
    try:
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)  # it may have grown since stat(): never read past the limit
    except OSError as err:
        return "", failed(src, issue(IssueCode.unreadable, key, reason=err.strerror or str(err)))
    if len(data) > max_bytes:
        return f"size:{len(data)}", failed(src, issue(IssueCode.too_large, key, size=len(data), limit=max_bytes))
    version = content_hash(data)
    src = Source(path=path, key=key, version=version, size=len(data))
    suffix = path.suffix.lower()
    if suffix not in READERS:
        return version, failed(src, issue(IssueCode.unsupported_format, key, suffix=suffix or "(none)"))
    if not data.strip():
        return version, failed(src, issue(IssueCode.empty_file, key))
    reader, kind = READERS[suffix]
    try:
        return version, reader(data, src)
    except RecursionError:
        return version, failed(src, issue(IssueCode.too_deeply_nested, key, limit=1000))
    except Exception as err:  # a parser tripping over a malformed file: the file's problem, not the run's
        reason = (str(err).split("\n")[0][:120] or type(err).__name__)
        return version, failed(src, issue(IssueCode.damaged_file, key, kind=kind, reason=reason))


def read_document(path: Path, name: str, max_bytes: int = DEFAULT_MAX_BYTES
                  ) -> tuple[Document | None, str, list[ValidationIssue]]:
    """Read a file that holds one document: the document (None when unreadable), its version
    hash and its issues. For a feed, the first entry; use `read_file` to get them all."""
    version, reads = read_file(path, name, max_bytes)
    doc = next((r.document for r in reads if r.document is not None), None)
    return doc, version, [i for r in reads for i in r.issues]
