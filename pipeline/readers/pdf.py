"""PDF: the text of each page (pypdf), with the offset where each page starts, so a claim
can cite its page. A scan without a text layer, a password or a damaged file is an error row."""
from __future__ import annotations

import io
import logging

from ..issues import issue
from ..models import IssueCode
from . import Read, Source, failed, make_document
from .text import as_date, find_date, find_title

PAGE_BREAK = "\n\n"
# pypdf's complaints that mean the file was cut short or its index is broken.
DAMAGE_WARNINGS = ("EOF marker not found", "startxref", "xref table", "Invalid parent xref", "Object ")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def read_pdf(data: bytes, src: Source) -> list[Read]:
    if not data.lstrip()[:1024].startswith(b"%PDF"):
        return failed(src, issue(IssueCode.damaged_file, src.key, kind="PDF", reason="no PDF header"))
    from pypdf import PdfReader  # imported here: start-up time matters and only PDFs need it

    # pypdf logs what it repairs; keep it off the terminal and use it to tell a repaired file.
    pypdf_log = logging.getLogger("pypdf")
    collect = _Collect()
    pypdf_log.addHandler(collect)
    propagate, pypdf_log.propagate = pypdf_log.propagate, False
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # many "protected" PDFs only restrict printing
            except Exception:  # e.g. AES without the optional cryptography package
                opened = 0
            if not opened:
                return failed(src, issue(IssueCode.encrypted, src.key, kind="PDF"))
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        info = reader.metadata
        title = (info.title or "").strip() if info else ""
        try:
            created = as_date(info.creation_date) if info else None
        except Exception:  # a malformed /CreationDate is not worth refusing the file
            created = None
    except Exception as err:
        reason = str(err).split("\n")[0][:120] or type(err).__name__
        return failed(src, issue(IssueCode.damaged_file, src.key, kind="PDF", reason=reason))
    finally:
        pypdf_log.removeHandler(collect)
        pypdf_log.propagate = propagate
    if not any(pages):
        return failed(src, issue(IssueCode.no_text_layer, src.key))
    offsets, parts, at = [], [], 0
    for text in pages:
        offsets.append(at)
        parts.append(text)
        at += len(text) + len(PAGE_BREAK)
    text = PAGE_BREAK.join(parts)
    when, date_source = find_date(src.path.name, text, created, order=("file name", "date line", "metadata"))
    problems = [] if when else [issue(IssueCode.no_date, src.key)]
    damage = [m for m in collect.messages if any(w in m for w in DAMAGE_WARNINGS)]
    if damage:
        problems.append(issue(IssueCode.partly_read, src.key, kind="PDF", reason=damage[0].strip()[:120]))
    read_as = f"pdf ({len(pages)} page{'' if len(pages) == 1 else 's'})"
    doc = make_document(src, text, title=title or find_title(text, src.path), when=when,
                        date_source=date_source, read_as=read_as, pages=offsets)
    return [Read(src.key, doc, problems)]
