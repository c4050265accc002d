"""The scheduler in a subprocess with a short interval: runs repeat, never overlap (even
from another process), and SIGTERM or Ctrl-C stops it cleanly between runs."""
from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT, invoke, ledger_rows, write_doc
from pipeline import flow
from pipeline.schedule import ScheduleError, parse_at, parse_every

SLOW_CLI = ROOT / "tests" / "slow_cli.py"


class Scheduler:
    """`run_pipeline.py schedule` in a subprocess, its log lines collected as they come."""

    def __init__(self, inbox: Path, out: Path, *args: str, **env: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(SLOW_CLI), "schedule", *args, "--inbox", str(inbox), "--out", str(out)],
            env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self._queue.put(line.rstrip("\n"))

    def wait_for(self, text: str, seconds: float = 20) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=0.05)
            except queue.Empty:
                continue
            self.lines.append(line)
            if text in line:
                return line
        self.proc.kill()
        pytest.fail(f"no line with {text!r} in:\n" + "\n".join(self.lines))

    def stop(self, sig: int = signal.SIGTERM) -> int:
        self.proc.send_signal(sig)
        try:
            return self.proc.wait(15)
        finally:
            self.proc.kill()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    write_doc(tmp_path / "inbox", "2025-03-04-oslo.txt", "Norway pledged NOK 2 billion.\n")
    return tmp_path / "inbox"


def test_runs_repeat_a_concurrent_run_is_refused_and_sigterm_stops_between_runs(inbox: Path, tmp_path: Path) -> None:
    out, mark = tmp_path / "out", tmp_path / "in-run"
    # Each run waits at its start, holding the lock, until the test removes the mark.
    s = Scheduler(inbox, out, "--every", "1s", PAUSE_AT="run", PAUSE_MARK=str(mark), PAUSE_SECONDS="60")
    s.wait_for("scheduled every 1 s")
    while not mark.exists():
        time.sleep(0.01)
    mark.unlink()
    s.wait_for("run 1: read 1 new or changed document(s) of 1 (0 unchanged); found 1 claim(s)")
    while not mark.exists():  # run 2 is under way and holds the out folder
        time.sleep(0.01)
    refused = invoke("run", "--inbox", str(inbox), "--out", str(out))
    assert refused.exit_code == 1
    assert refused.output.splitlines()[-1].startswith(
        f"Error: another run is using {out} (lock file {out / '.tracker.lock'}, held by process {s.proc.pid} "
        f"on {socket.gethostname()} since ")
    assert refused.output.splitlines()[-1].endswith("). Wait for it to finish, or pass --wait SECONDS.")
    s.proc.send_signal(signal.SIGTERM)  # during run 2: it finishes, then the scheduler stops
    s.wait_for("stopping after the current run")
    mark.unlink()
    s.wait_for("run 2: read 0 new or changed document(s) of 1 (1 unchanged)")
    s.wait_for("stopped after 2 run(s)")
    assert s.proc.wait(15) == 0
    assert ledger_rows(out, "SELECT id, complete FROM runs") == [(1, 1), (2, 1)]
    assert not (out / flow.HOLDER_NAME).exists()


def test_a_run_that_finds_the_folder_busy_is_logged_and_the_schedule_goes_on(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with flow.out_folder_lock(out, wait=0):
        s = Scheduler(inbox, out, "--every", "1s")
        line = s.wait_for("run 1 not done: another run is using")
        assert f"held by process {os.getpid()} on {socket.gethostname()}" in line
    s.wait_for("run 2: read 1 new or changed document(s) of 1")
    write_doc(inbox, "2025-03-05-copenhagen.txt", "Denmark pledged DKK 5 billion.\n")
    s.wait_for("read 1 new or changed document(s) of 2 (1 unchanged)")
    assert s.stop(signal.SIGINT) == 0  # Ctrl-C
    s.wait_for("stopped after")


def test_a_failing_run_is_logged_with_its_reason(tmp_path: Path) -> None:
    s = Scheduler(tmp_path / "nowhere", tmp_path / "out", "--every", "1s")
    s.wait_for("run 1 not done: the inbox folder")
    s.wait_for("run 2 not done: the inbox folder")
    assert s.stop() == 0


@pytest.mark.parametrize("args", [["--every", "5x"], ["--every", "0s"], ["--at", "25:00"], [],
                                  ["--every", "1s", "--at", "06:00"]])
def test_a_schedule_that_cannot_be_understood_is_bad_usage(args: list[str]) -> None:
    assert invoke("schedule", *args).exit_code == 2


def test_intervals_and_times() -> None:
    assert [parse_every(t) for t in ("2s", "30m", "1h", "45 min", "2 hours")] == [2, 1800, 3600, 2700, 7200]
    assert parse_at("06:00") == "06:00"
    with pytest.raises(ScheduleError):
        parse_every("soon")
