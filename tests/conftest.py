"""Fixtures in the domain's words: write a document, read a sheet, read ledger rows."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import main
from ledgers import ledger_url  # noqa: F401  (a fixture: each ledger test on SQLite and PostgreSQL)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def write_doc(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def sheet_rows(workbook: Path, sheet: str) -> list[tuple]:
    wb = load_workbook(workbook)
    return [tuple(r) for r in wb[sheet].iter_rows(values_only=True)]


def sheet_records(workbook: Path, sheet: str) -> list[dict]:
    """Data rows of a table-like sheet as dicts by header; blank rows left out."""
    header, *rows = sheet_rows(workbook, sheet)
    return [dict(zip(header, r)) for r in rows if any(v is not None for v in r)]


def ledger_rows(out: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(out / "ledger.sqlite") as db:
        return [tuple(r) for r in db.execute(sql, params)]


def invoke(*args: str):
    return CliRunner().invoke(main, [*args])


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project (it is in CI and on developer machines)")
    return SHARED
