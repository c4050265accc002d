"""How far a long run is: a bar on a terminal (tqdm), plain log lines when not on one."""
from __future__ import annotations

import logging
import sys
import time
from typing import Any, TextIO

log = logging.getLogger(__name__)


class ProgressDisplay:
    """A `flow.Progress` callback. On a terminal, a tqdm bar that shows only once a run has
    taken two seconds; on a pipe or log file, one line every `every` seconds (and at the end
    of a run that took longer than that), so cron and systemd logs stay short."""

    def __init__(self, stream: TextIO | None = None, every: float = 30.0) -> None:
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = every
        self.started = self.last = time.monotonic()
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.tty:
            if self.bar is None:
                from tqdm import tqdm  # imported here: only a terminal shows a bar

                self.bar = tqdm(total=total, unit="file", desc="reading", delay=2, leave=False, file=self.stream)
            self.bar.update(done - self.bar.n)
            if done >= total:
                self.bar.close()
            return
        now = time.monotonic()
        if now - self.last >= self.every or (done >= total and now - self.started >= self.every):
            self.last = now
            log.info("%d of %d file(s) looked at", done, total)
