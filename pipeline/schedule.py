"""Run the pipeline over the inbox on a schedule until stopped.

`run_on_schedule(settings, every=1800)` runs `flow.run` at once, then every 30 minutes
(or daily at a time with `at="06:00"`), using the `schedule` package. Each run logs one
line of what it did; a run that fails, or finds another run holding the out folder, is
logged with the reason and the schedule goes on. SIGINT (Ctrl-C) and SIGTERM stop it
between runs: a signal during a run lets that run finish first; a second one stops at once
(the run's ledger transaction is then rolled back, the workbook left as it was).
"""
from __future__ import annotations

import logging
import re
import signal
import threading
import time
from types import FrameType
from typing import Callable

from . import flow
from .models import RunResult
from .progress import ProgressDisplay
from .settings import Settings

log = logging.getLogger(__name__)

INTERVAL = re.compile(r"^\s*(\d+)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)\s*$", re.IGNORECASE)
UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600}
AT = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class ScheduleError(ValueError):
    """The schedule asked for cannot be understood; the message says how to write it."""


def parse_every(text: str) -> int:
    """Seconds in an interval written as a number and s, m or h.

    >>> parse_every("2s"), parse_every("30m"), parse_every("1h")
    (2, 1800, 3600)
    """
    m = INTERVAL.match(text)
    if not m or int(m[1]) == 0:
        raise ScheduleError(f"'{text}' is not an interval; write a number of seconds, minutes or hours "
                            "such as 2s, 30m or 1h.")
    return int(m[1]) * UNIT_SECONDS[m[2][0].lower()]


def parse_at(text: str) -> str:
    """A daily time as HH:MM (24-hour clock).

    >>> parse_at("06:00")
    '06:00'
    """
    if not AT.match(text.strip()):
        raise ScheduleError(f"'{text}' is not a time of day; write it as HH:MM, e.g. 06:00.")
    return text.strip()


def summary(n: int, result: RunResult, seconds: float) -> str:
    errors = sum(i.severity == "error" for i in result.issues)
    return (f"run {n}: read {result.documents_read} new or changed document(s) of {result.documents_seen} "
            f"({result.documents_unchanged} unchanged); found {result.claims_found} claim(s); "
            f"{errors} error(s), {len(result.issues) - errors} warning(s); {seconds:.1f} s")


def run_on_schedule(settings: Settings, every: int | None = None, at: str | None = None,
                    run: Callable[..., RunResult] = flow.run) -> int:
    """Run now, then every `every` seconds or daily at `at` (HH:MM), until SIGINT or SIGTERM.
    Returns the number of runs started."""
    import schedule  # imported here: only the scheduler needs it

    if (every is None) == (at is None):
        raise ScheduleError("give either an interval (--every) or a time of day (--at).")
    stop = threading.Event()
    running = threading.Event()
    count = 0

    def on_signal(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():  # asked twice: stop now, mid-run if need be
            raise KeyboardInterrupt
        stop.set()
        if running.is_set():
            log.info("stopping after the current run (signal %s again to stop at once)", signal.Signals(signum).name)

    def one_run() -> None:
        nonlocal count
        count += 1
        running.set()
        started = time.monotonic()
        try:
            result = run(settings, progress=ProgressDisplay())
        except flow.RunError as err:
            log.warning("run %d not done: %s", count, err)
        except Exception as err:  # the schedule outlives a failed run
            log.error("run %d failed: %s: %s", count, type(err).__name__, err,
                      exc_info=log.isEnabledFor(logging.DEBUG))
        else:
            log.info(summary(count, result, time.monotonic() - started))
        finally:
            running.clear()

    jobs = schedule.Scheduler()
    if every is not None:
        jobs.every(every).seconds.do(one_run)
        plan = f"every {every} s"
    else:
        jobs.every().day.at(parse_at(at or "")).do(one_run)
        plan = f"daily at {at}"
    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        log.info("scheduled %s on %s -> %s; Ctrl-C or SIGTERM stops", plan, settings.inbox, settings.out)
        one_run()  # the first run starts at once
        while not stop.is_set():
            jobs.run_pending()
            idle = jobs.idle_seconds
            stop.wait(max(0.0, min(idle if idle is not None else 1.0, 1.0)))
        log.info("stopped after %d run(s)", count)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    return count
