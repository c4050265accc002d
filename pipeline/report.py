"""Render the tracker workbook from the ledger. Only this module touches the workbook.

The workbook is written to a temporary file beside the target and moved into place, so
a crash never leaves a half-written workbook. Every string that came from a document
reaches a cell through `cell_text()`, so none can become a formula.
"""
from __future__ import annotations

import os
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from . import store
from .store import Ledger

EXCEL_CELL_LIMIT = 32_767
CUT_MARK = " [...cut]"
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
NUMBER_FORMAT = "#,##0.##"
DATE_FORMAT = "yyyy-mm-dd"

# (header, ledger column, kind, width). Kind picks how the value is written.
CLAIM_COLUMNS: list[tuple[str, str, str, int]] = [
    ("Claim id", "id", "text", 18),
    ("Document", "doc_key", "text", 34),
    ("Document date", "doc_date", "date", 13),
    ("Quote", "quote", "text", 34),
    ("Value", "value", "number", 16),
    ("Value high", "value_high", "number", 14),
    ("Unit", "unit", "text", 12),
    ("Qualifier", "qualifier", "text", 12),
    ("Category", "category", "text", 11),
    ("Subject", "subject", "text", 20),
    ("Period", "period", "text", 8),
    ("Vague", "vague", "bool", 7),
    ("Recipient", "recipient", "text", 14),
    ("Purpose", "purpose", "text", 18),
    ("Value EUR", "value_eur", "number", 16),
    ("EUR rate", "eur_rate", "number", 10),
    ("Rate date", "eur_rate_date", "date", 11),
    ("Sentence", "sentence", "text", 70),
    ("Status", "status", "text", 10),
    ("Start", "start", "int", 8),
    ("End", "end", "int", 8),
    ("Extractor version", "extractor_version", "text", 10),
    ("Found in run", "first_run", "int", 8),
]

DOCUMENT_COLUMNS: list[tuple[str, str, str, int]] = [
    ("Document", "key", "text", 34),
    ("Path", "source", "text", 50),
    ("Title", "title", "text", 50),
    ("Date", "date", "date", 12),
    ("Date found in", "date_source", "text", 13),
    ("Read as", "read_as", "text", 16),
    ("Claims", "claim_count", "int", 8),
    ("Error", "error", "text", 60),
    ("Content hash", "content_hash", "text", 20),
    ("In inbox", "missing", "present", 9),
]

ISSUE_COLUMNS: list[tuple[str, str, str, int]] = [
    ("Severity", "severity", "text", 9),
    ("Document", "doc_key", "text", 34),
    ("Claim id", "claim_id", "text", 18),
    ("Step", "step", "text", 10),
    ("Rule", "code", "text", 22),
    ("Message", "message", "text", 70),
    ("What to do", "hint", "text", 60),
    ("Where", "where", "text", 16),
]


def cell_text(value: Any) -> str | None:
    """Text safe for a cell: no control characters Excel refuses, within the cell limit.

    >>> cell_text("ok\\x07 fine")
    'ok fine'
    >>> len(cell_text("x" * 40_000)) == EXCEL_CELL_LIMIT
    True
    """
    if value is None:
        return None
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[: EXCEL_CELL_LIMIT - len(CUT_MARK)] + CUT_MARK
    return text


def _value(raw: Any, kind: str) -> Any:
    if raw is None or raw == "":
        return None
    if kind == "number":
        d = Decimal(str(raw))
        return int(d) if d == d.to_integral_value() else float(d)
    if kind == "int":
        return int(raw)
    if kind == "date":
        return date.fromisoformat(str(raw))
    if kind == "bool":
        return bool(raw)
    if kind == "present":
        return "no" if raw else "yes"
    return cell_text(raw)


def _write_table(ws: Worksheet, columns: Sequence[tuple[str, str, str, int]], records: Iterable[Any]) -> None:
    ws.append([h for h, _, _, _ in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, rec in enumerate(records, start=2):
        for c, (_, key, kind, _) in enumerate(columns, start=1):
            cell = ws.cell(row=r, column=c)
            value = _value(rec[key], kind)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # a quote beginning with "=" stays text, never a formula
            elif kind == "number":
                cell.number_format = NUMBER_FORMAT
            elif kind == "date":
                cell.number_format = DATE_FORMAT
    for c, (_, _, _, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"
    if ws.max_row > 1:
        ws.auto_filter.ref = ws.dimensions


def render(ledger: Ledger, target: Path) -> Path:
    """Write the workbook for the ledger's current state to `target`, atomically."""
    wb = Workbook()
    wb.remove(wb.active)
    _write_table(wb.create_sheet("Claims"), CLAIM_COLUMNS, store.current_claims(ledger))
    _write_table(wb.create_sheet("Documents"), DOCUMENT_COLUMNS, store.documents(ledger))
    _write_table(wb.create_sheet("Validation errors"), ISSUE_COLUMNS, store.open_issues(ledger))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tracker-", suffix=".xlsx", dir=target.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target
