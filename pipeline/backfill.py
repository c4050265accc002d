"""Backfills: a large archive read on Dask distributed, written to the ledger in batches.

The archive's files are split into partitions; each partition is one task on the cluster,
where ingest, extract, normalise and validate run (`flow.process_file` per file) and the
`store.Processed` records come back. The client writes each partition's records to the
ledger as one batch, in one transaction (`store.store_batch`); a batch written twice changes
nothing more, so a retried partition or a backfill started again after it was killed never
duplicates. The run's row is marked incomplete until every batch is in; a backfill started
again takes that run up again and skips the files already stored. A partition that fails is
retried (`retries`), then reported with its files, and the others still go in. Then the same
review, facts and workbook step as `run` (`flow.review_and_render`).

Unlike `run`, a backfill marks no document missing: the archive is not the inbox.
"""
from __future__ import annotations

import logging
import os
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Optional

from . import flow, ingest, store
from .issues import issue
from .models import EXTRACTOR_VERSION, IssueCode, Processed, RunResult, Step, ValidationIssue
from .normalise import Normaliser, load_normaliser
from .settings import Settings

log = logging.getLogger(__name__)

DEFAULT_PARTITION_SIZE = 100  # files per task: big enough to outweigh a task's overhead, small to spread
DEFAULT_RETRIES = 2

# One file of a partition: its path (as the workers see it), its key, and the ledger's
# (key, content hash, extractor version) of the documents already read from it.
FileTask = tuple[str, str, list[tuple[str, str, str]]]


@dataclass
class PartitionOutcome:
    """What a worker sends back for one partition."""

    processed: list[Processed]
    unchanged: list[str]  # document keys already in the ledger in this version
    files: int


@dataclass
class BackfillResult:
    run: RunResult
    partitions: int = 0
    failed: list[tuple[int, list[str], str]] = field(default_factory=list)  # (partition, file keys, reason)
    cluster: str = ""
    seconds: float = 0.0


_NORMALISERS: dict[tuple, Normaliser] = {}


def _normaliser(files: tuple[Optional[str], Optional[str], Optional[str]]) -> Normaliser:
    """The normaliser of the run's settings, loaded once per worker process."""
    if files not in _NORMALISERS:
        aliases, rates, ecb = (Path(f) if f else None for f in files)
        _NORMALISERS[files] = load_normaliser(aliases, rates, ecb)
    return _NORMALISERS[files]


def process_partition(files: list[FileTask], max_bytes: int, today: date,
                      normaliser_files: tuple[Optional[str], Optional[str], Optional[str]]) -> PartitionOutcome:
    """Runs on a worker: every step up to store for each file of a partition, skipping files
    the ledger already holds in their present version (as `run` does)."""
    normaliser = _normaliser(normaliser_files)
    processed: list[Processed] = []
    unchanged: list[str] = []
    for path, key, stored in files:
        known = {k: (h, v) for k, h, v in stored}
        same = flow._unchanged_keys(Path(path), list(known), known, max_bytes)
        if same:
            unchanged.extend(same)
        else:
            processed.extend(flow.process_file(Path(path), key, max_bytes, today, normaliser))
    return PartitionOutcome(processed, unchanged, len(files))


Task = Callable[..., PartitionOutcome]


def backfill(settings: Settings, archive: Path, scheduler: str | None = None,
             partition_size: int = DEFAULT_PARTITION_SIZE, retries: int = DEFAULT_RETRIES,
             today: date | None = None, progress: flow.Progress | None = None,
             task: Task = process_partition) -> BackfillResult:
    """Read every new or changed file of `archive` on a Dask cluster (the scheduler at
    `scheduler`, else a local cluster of this machine's cores) into the ledger, then render."""
    if not archive.is_dir():
        raise flow.RunError(f"the archive folder {archive} does not exist.")
    out = settings.out
    out.mkdir(parents=True, exist_ok=True)
    today = today or date.today()
    flow.run_normaliser(settings)  # a bad rates or aliases file stops the backfill before the cluster starts
    with flow.out_folder_lock(out, settings.wait):
        ledger = flow.open_ledger(settings)
        try:
            return _backfill(ledger, settings, archive.resolve(), scheduler, partition_size, retries, today,
                             progress, task)
        finally:
            ledger.close()


def _partitions(ledger: store.Ledger, archive: Path, size: int) -> list[list[FileTask]]:
    known = store.known_versions(ledger)
    files = ingest.list_files(archive)
    stored = flow._stored_keys(known, {k for _, k in files})
    tasks: list[FileTask] = [(f, key, [(k, *known[k]) for k in stored.get(key, [])]) for f, key in files]
    return [tasks[i:i + size] for i in range(0, len(tasks), size)]


def _backfill(ledger: store.Ledger, settings: Settings, archive: Path, scheduler: str | None, partition_size: int,
              retries: int, today: date, progress: flow.Progress | None, task: Task) -> BackfillResult:
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")  # workers' start-up chatter off (they inherit it)
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise flow.RunError("backfill needs Dask distributed: pip install -e '.[backfill]'") from None

    started = time.monotonic()
    result = RunResult(started=datetime.now(), inbox=str(archive), out=str(settings.out))
    parts = _partitions(ledger, archive, partition_size)
    total = sum(len(p) for p in parts)
    run_id = store.start_run(ledger, result, resume=True)
    norm = tuple(str(p) if p else None for p in (settings.aliases, settings.rates, settings.ecb_history))

    cluster = None
    if scheduler:
        client = Client(scheduler)
        where = f"Dask scheduler {scheduler}"
    else:
        cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
        where = f"local Dask cluster of {len(cluster.workers)} worker(s)"
    processed_n = read = claims = files_done = 0
    seen: set[str] = set()
    issues: list[ValidationIssue] = []
    failed: list[tuple[int, list[str], str]] = []
    try:
        token = uuid.uuid4().hex[:8]
        futures = {client.submit(task, part, settings.max_bytes, today, norm, retries=retries, pure=False,
                                 key=f"backfill-{token}-{n}"): n for n, part in enumerate(parts)}
        if progress is not None:
            progress(0, total)
        for future in as_completed(futures):
            n = futures[future]
            try:
                outcome: PartitionOutcome = future.result()
            except Exception as err:  # the partition failed on every try: report it, keep the others
                reason = f"{type(err).__name__}: {err}"
                log.warning("partition %d (%d file(s)) failed after %d retries: %s", n, len(parts[n]), retries, reason)
                failed.append((n, [key for _, key, _ in parts[n]], reason))
                issues.extend(issue(IssueCode.step_failed, key, step=Step.ingest, step_name="backfill",
                                    reason=f"partition {n} failed after {retries} retries: {reason}")
                              for _, key, _ in parts[n])
                files_done += len(parts[n])
            else:
                store.store_batch(ledger, run_id, outcome.processed, EXTRACTOR_VERSION)
                processed_n += len(outcome.processed)
                read += sum(p.document is not None for p in outcome.processed)
                claims += sum(len(p.claims) for p in outcome.processed)
                issues.extend(i for p in outcome.processed for i in p.issues)
                seen.update(outcome.unchanged)
                seen.update(p.key for p in outcome.processed)
                files_done += outcome.files
            future.release()
            if progress is not None:
                progress(files_done, total)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    result = result.model_copy(update={
        "run_id": run_id, "documents_seen": len(seen), "documents_read": read,
        "documents_unchanged": len(seen) - processed_n, "claims_found": claims, "issues": issues})
    store.finish_run(ledger, run_id, result, complete=not failed)
    after = flow.review_and_render(ledger, settings, run_id, today)
    result = result.model_copy(update={"finished": datetime.now(), "complete": not failed,
                                       "issues": result.issues + after.issues, "workbook": after.workbook,
                                       "reviews_applied": after.reviews_applied})
    return BackfillResult(result, len(parts), failed, where, time.monotonic() - started)
