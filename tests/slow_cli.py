"""The command line with a hook that stops a run at a chosen step, for tests that kill it.

`python tests/slow_cli.py run ...` with PAUSE_AT=store (while the ledger transaction is
open, after the first chunk of documents is written) or PAUSE_AT=report (the new workbook written
beside the old one, just before it replaces it) touches the file PAUSE_MARK and sleeps
waits until the test removes the mark, at most PAUSE_SECONDS (default 60); the test kills
the process meanwhile. PAUSE_AT=run waits so at the start of every run, holding the out
folder's lock (for the scheduler's tests).
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def _pause() -> None:
    """Touch the mark, then wait until the test removes it (or PAUSE_SECONDS pass)."""
    mark = Path(os.environ["PAUSE_MARK"])
    mark.touch()
    deadline = time.monotonic() + float(os.environ.get("PAUSE_SECONDS", "60"))
    while mark.exists() and time.monotonic() < deadline:
        time.sleep(0.01)


def install() -> None:
    where = os.environ.get("PAUSE_AT", "")
    if where == "store":
        from pipeline import store

        real = store._store_documents

        def slow_store(*args, **kwargs):
            real(*args, **kwargs)
            _pause()

        store._store_documents = slow_store
    elif where == "report":
        real_replace = os.replace

        def slow_replace(src, dst, *args, **kwargs):
            if str(dst).endswith("tracker.xlsx"):
                _pause()
            return real_replace(src, dst, *args, **kwargs)

        os.replace = slow_replace
    elif where == "run":
        from pipeline import flow

        real_run = flow._run_locked

        def slow_run(*args, **kwargs):
            _pause()
            return real_run(*args, **kwargs)

        flow._run_locked = slow_run


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    install()
    from pipeline.cli import main

    main()
