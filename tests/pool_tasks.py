"""Worker functions for the process-pool tests (a pool needs them importable by name)."""
import os

from pipeline import flow

REAL = flow._process_in_worker


def dies_on_poison(item):
    """Read a file as the pool does, except one whose worker dies, as the out-of-memory killer would end it."""
    if item[1].endswith("poison.txt"):
        os._exit(9)
    return REAL(item)
