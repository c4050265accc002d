"""Partition tasks that fail, for the backfill tests (importable on the local cluster's workers,
which inherit sys.path)."""
from __future__ import annotations

import os
from pathlib import Path

from pipeline.backfill import process_partition


def fails_on_item(files, *args):
    """Fails every time on the partition holding a file whose key contains FAIL_ON."""
    if any(os.environ.get("FAIL_ON", "\0") in key for _, key, _ in files):
        raise RuntimeError("worker disk unreadable")
    return process_partition(files, *args)


def fails_once(files, *args):
    """Fails the first time each partition runs (a marker file per partition in FAIL_ONCE_DIR)."""
    mark = Path(os.environ["FAIL_ONCE_DIR"]) / files[0][1].replace("/", "_")
    if not mark.exists():
        mark.touch()
        raise RuntimeError("worker lost its connection")
    return process_partition(files, *args)
