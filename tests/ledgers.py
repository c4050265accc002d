"""Ledgers on both engines for the ledger tests: `ledger_url` is a SQLite file, then a fresh
PostgreSQL database on the server TRACKER_TEST_POSTGRES names (skipped, saying why, without it)."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from pipeline.store import engine_url

POSTGRES_ENV = "TRACKER_TEST_POSTGRES"
NO_SERVER = (f"PostgreSQL ledger tests need a server: set {POSTGRES_ENV}=postgresql://USER@HOST:PORT/DB "
             "(a role that may create databases; .ci/run starts one)")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path):
    """Where a test's ledger is: a SQLite file path, or a postgresql:// URL of a new database."""
    if request.param == "sqlite":
        yield str(tmp_path / "shared" / "ledger.sqlite")
        return
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(NO_SERVER)
    name = f"tracker_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(engine_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def rows(location: str, sql: str, params: dict | None = None) -> list[tuple]:
    """Rows of a query on a ledger at a SQLite path or a database URL."""
    engine = create_engine(engine_url(location))
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params or {})]
    finally:
        engine.dispose()


def execute(location: str, statements: list[str]) -> None:
    """Run statements (DDL and inserts) on a ledger in one transaction."""
    engine = create_engine(engine_url(location))
    try:
        with engine.begin() as conn:
            for s in statements:
                conn.exec_driver_sql(s)
    finally:
        engine.dispose()
