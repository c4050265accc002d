"""A run killed (SIGKILL) while it writes the ledger or the workbook leaves both as they
were before it; the next run does the work."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, invoke, ledger_rows, sheet_rows, write_doc

SLOW_CLI = ROOT / "tests" / "slow_cli.py"
TABLES = ("documents", "claims", "issues", "runs")


def start(inbox: Path, out: Path, pause_at: str, mark: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PAUSE_AT": pause_at, "PAUSE_MARK": str(mark)}
    return subprocess.Popen([sys.executable, str(SLOW_CLI), *args, "--inbox", str(inbox), "--out", str(out)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def wait_for(mark: Path, proc: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not mark.exists():
        if proc.poll() is not None:
            pytest.fail(f"the run ended before reaching its pause: {proc.stdout.read().decode()}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("the run never reached its pause")
        time.sleep(0.02)


def snapshot(out: Path) -> dict[str, list[tuple]]:
    return {t: ledger_rows(out, f"SELECT * FROM {t}") for t in TABLES}


@pytest.fixture
def ran_once(tmp_path: Path) -> tuple[Path, Path]:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    write_doc(inbox, "2025-03-04-oslo.txt", "Norway pledged NOK 2 billion.\n")
    assert invoke("run", "--inbox", str(inbox), "--out", str(out)).exit_code == 0
    write_doc(inbox, "2025-03-05-copenhagen.txt", "Denmark pledged DKK 5 billion.\n")
    write_doc(inbox, "2025-03-06-stockholm.txt", "Sweden pledged SEK 3 billion.\n")
    return inbox, out


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)


def test_killed_while_storing_leaves_ledger_and_workbook_as_they_were(ran_once: tuple[Path, Path],
                                                                       tmp_path: Path) -> None:
    inbox, out = ran_once
    before, workbook = snapshot(out), (out / "tracker.xlsx").read_bytes()
    proc = start(inbox, out, "store", tmp_path / "paused", "run")
    wait_for(tmp_path / "paused", proc)
    kill(proc)
    assert snapshot(out) == before
    assert (out / "tracker.xlsx").read_bytes() == workbook

    result = invoke("run", "--inbox", str(inbox), "--out", str(out))  # the lock died with the process
    assert result.output.startswith("Read 2 new or changed document(s) of 3"), result.output
    assert ledger_rows(out, "SELECT doc_key, unit FROM claims ORDER BY doc_key") == [
        ("2025-03-04-oslo.txt", "NOK"), ("2025-03-05-copenhagen.txt", "DKK"), ("2025-03-06-stockholm.txt", "SEK")]
    assert [r[1] for r in sheet_rows(out / "tracker.xlsx", "Claims")[1:]] == [
        "2025-03-04-oslo.txt", "2025-03-05-copenhagen.txt", "2025-03-06-stockholm.txt"]


def test_killed_while_writing_the_workbook_keeps_the_old_one_and_the_next_run_completes(
        ran_once: tuple[Path, Path], tmp_path: Path) -> None:
    inbox, out = ran_once
    workbook = (out / "tracker.xlsx").read_bytes()
    proc = start(inbox, out, "report", tmp_path / "paused", "run")
    wait_for(tmp_path / "paused", proc)
    kill(proc)
    assert (out / "tracker.xlsx").read_bytes() == workbook
    # The ledger is whole, and says the killed run did not complete: its documents are stored
    # (one transaction), its workbook is not.
    assert ledger_rows(out, "PRAGMA integrity_check") == [("ok",)]
    assert ledger_rows(out, "SELECT id, complete FROM runs") == [(1, 1), (2, 0)]

    result = invoke("run", "--inbox", str(inbox), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert ledger_rows(out, "SELECT id, complete FROM runs") == [(1, 1), (2, 0), (3, 1)]
    assert [r[1] for r in sheet_rows(out / "tracker.xlsx", "Claims")[1:]] == [
        "2025-03-04-oslo.txt", "2025-03-05-copenhagen.txt", "2025-03-06-stockholm.txt"]
