"""Read documents from files: text, title, date, provenance; problems as issues.

Only this module opens input files. A file that cannot be read becomes a
`ValidationIssue` against it, never an exception, so one bad file never stops a run.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from .issues import issue
from .models import Document, IssueCode, ValidationIssue
from .settings import DEFAULT_MAX_BYTES

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}

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


def list_files(folder: Path) -> list[Path]:
    """Every file under `folder`, hidden ones left out, in a stable order.

    A broken link is listed too: the analyst sees it in the folder, so it gets an error row.
    """
    return sorted(p for p in folder.rglob("*")
                  if (p.is_file() or p.is_symlink())
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_document(path: Path, name: str, max_bytes: int = DEFAULT_MAX_BYTES
                  ) -> tuple[Document | None, str, list[ValidationIssue]]:
    """Read one file. Returns the document (None when unreadable), its version hash, and issues.

    The hash is returned even for a file that could not be read, so that an unchanged
    bad file is not reported again on the next run.
    """
    try:
        size = path.stat().st_size
    except OSError as err:
        return None, "", [issue(IssueCode.unreadable, name, reason=err.strerror or str(err))]
    if size > max_bytes:  # decided from the size alone: a huge file is never read
        return None, f"size:{size}", [issue(IssueCode.too_large, name, size=size, limit=max_bytes)]
    try:
        data = path.read_bytes()
    except OSError as err:
        return None, "", [issue(IssueCode.unreadable, name, reason=err.strerror or str(err))]
    version = content_hash(data)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        return None, version, [issue(IssueCode.unsupported_format, name, suffix=suffix or "(none)")]
    if not data.strip():
        return None, version, [issue(IssueCode.empty_file, name)]
    text, encoding, problems = decode(data, name)
    if text is None:
        return None, version, problems
    if not text.strip():
        return None, version, problems + [issue(IssueCode.no_text, name)]
    when, date_source = find_date(path.name, text)
    if when is None:
        problems.append(issue(IssueCode.no_date, name))
    doc = Document(source=str(path), name=name, text=text, title=find_title(text, path),
                   date=when, date_source=date_source, read_as=f"text ({encoding})",
                   content_hash=version, size=size)
    return doc, version, problems


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


def find_date(file_name: str, text: str) -> tuple[date | None, str]:
    """The document date from the file name, else a `date` line at the top.

    >>> find_date("2024-09-20-kyiv.txt", "")
    (datetime.date(2024, 9, 20), 'file name')
    >>> find_date("kyiv.txt", "Headline\\ndate: 2025-01-31\\n")
    (datetime.date(2025, 1, 31), 'date line')
    """
    m = FILE_NAME_DATE.match(file_name)
    if m and (d := _date(m)):
        return d, "file name"
    for line in text.lstrip("\ufeff").splitlines()[:DATE_LINE_SCAN]:
        m = DATE_LINE.match(line)
        if m and (d := _date(m)):
            return d, "date line"
    return None, "none"


def _date(m: re.Match[str]) -> date | None:
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def find_title(text: str, path: Path) -> str:
    """The first line that is neither blank nor a date line; the file name otherwise."""
    for line in text.splitlines()[:20]:
        line = line.strip().lstrip("#").strip()
        if line and not DATE_LINE.match(line):
            return line[:200]
    return path.stem
