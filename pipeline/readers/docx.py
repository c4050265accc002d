"""Word .docx (python-docx): paragraphs and table rows in order, the title and date from
the file's properties. The zip's declared sizes are checked first, so a zip bomb is refused
before anything is unpacked."""
from __future__ import annotations

import io
import zipfile

from ..issues import issue
from ..models import IssueCode
from . import Read, Source, failed, make_document
from .text import as_date, find_date, find_title

# A long report unpacks to a few MB; zipfile never unpacks a member past its declared size,
# so checking the declared sizes caps what parsing can take.
MAX_UNPACKED = 100_000_000
MAX_MEMBERS = 10_000


def read_docx(data: bytes, src: Source) -> list[Read]:
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except zipfile.BadZipFile as err:
        return failed(src, issue(IssueCode.damaged_file, src.key, kind="Word file", reason=str(err)))
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
        return failed(src, issue(IssueCode.unpacks_too_large, src.key, limit=MAX_UNPACKED))
    if any(m.filename == "EncryptedPackage" for m in members):
        return failed(src, issue(IssueCode.encrypted, src.key, kind="Word file"))
    import docx  # imported here: start-up time matters and only Word files need it
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    cells: list[str] = []
                    for cell in row.cells:  # a merged cell comes back once per column it spans
                        if not cells or cells[-1] != cell.text:
                            cells.append(cell.text)
                    lines.append("\t".join(cells))
            else:
                lines.append(block.text)
        props = document.core_properties
        title, created = (props.title or "").strip(), as_date(props.created)
    except Exception as err:
        return failed(src, issue(IssueCode.damaged_file, src.key, kind="Word file",
                                 reason=str(err)[:120] or type(err).__name__))
    text = "\n".join(lines).strip()
    if not text:
        return failed(src, issue(IssueCode.no_text, src.key))
    when, date_source = find_date(src.path.name, text, created, order=("file name", "date line", "metadata"))
    problems = [] if when else [issue(IssueCode.no_date, src.key)]
    doc = make_document(src, text, title=title or find_title(text, src.path), when=when,
                        date_source=date_source, read_as="word document")
    return [Read(src.key, doc, problems)]
