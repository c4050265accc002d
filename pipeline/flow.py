"""Wire the steps: ingest -> extract -> normalise -> validate -> store -> report.

`run()` is what the command line (and later a scheduler) calls; `extract_paths()` is the
same flow without ledger or workbook. This is the one place where a step's unexpected
exception on a document becomes a `ValidationIssue`, so the other documents go on.
"""
from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from . import ingest, report, store
from .extract import extract_claims
from .issues import issue
from .models import EXTRACTOR_VERSION, Claim, IssueCode, RunResult, Step, ValidationIssue
from .normalise import normalise
from .settings import DEFAULT_MAX_BYTES, Settings
from .store import Processed
from .validate import validate

log = logging.getLogger(__name__)

WORKBOOK_NAME = "tracker.xlsx"
LOCK_NAME = ".tracker.lock"


class RunError(Exception):
    """The run as a whole could not complete (exit 1)."""


def process_file(path: Path, key: str, max_bytes: int, today: date) -> Processed:
    """Every step up to store for one file; problems come back as issues."""
    doc, version, problems = ingest.read_document(path, key, max_bytes)
    out = Processed(key=key, source=str(path), version=version, document=doc, issues=problems)
    if doc is None:
        return out
    claims: list[Claim] = []
    step = Step.extract
    try:
        claims = extract_claims(doc)
        step = Step.normalise
        claims, found = normalise(doc, claims, today)
        problems = problems + found
        step = Step.validate
        problems = problems + validate(doc, claims, today)
    except Exception as err:  # one document's failure must not stop the others
        log.debug("step %s failed on %s", step.value, key, exc_info=True)
        problems = problems + [issue(IssueCode.step_failed, key, step=step, step_name=step.value,
                                     reason=f"{type(err).__name__}: {err}")]
        if step is Step.extract:
            claims = []
    return out.model_copy(update={"claims": claims, "issues": problems})


def _key(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path != root else path.name


def expand(paths: list[Path]) -> list[tuple[Path, str]]:
    """Files named and files under folders named, each with the key it is known by."""
    found: list[tuple[Path, str]] = []
    for p in paths:
        if p.is_dir():
            found.extend((f, _key(f, p)) for f in ingest.list_files(p))
        else:
            found.append((p, p.name))
    return found


def extract_paths(paths: list[Path], max_bytes: int = DEFAULT_MAX_BYTES,
                  today: date | None = None) -> tuple[list[Processed], list[ValidationIssue]]:
    """Ingest, extract, normalise and validate files, without ledger or workbook."""
    today = today or date.today()
    processed = [process_file(f, key, max_bytes, today) for f, key in expand(paths)]
    return processed, [i for p in processed for i in p.issues]


def run(settings: Settings, today: date | None = None) -> RunResult:
    """One full run over the inbox: only new or changed files are read again."""
    inbox, out = settings.inbox, settings.out
    if not inbox.is_dir():
        raise RunError(f"the inbox folder {inbox} does not exist. Create it or pass --inbox.")
    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(out / LOCK_NAME)
    try:
        lock.acquire(timeout=settings.wait)
    except Timeout:
        raise RunError(f"another run is using {out} (lock file {out / LOCK_NAME}). "
                       "Wait for it to finish, or pass --wait SECONDS.") from None
    try:
        return _run_locked(settings, today or date.today())
    finally:
        lock.release()


def _run_locked(settings: Settings, today: date) -> RunResult:
    inbox, out = settings.inbox, settings.out
    result = RunResult(started=datetime.now(), inbox=str(inbox), out=str(out))
    ledger = store.open_ledger(settings.ledger_path)
    try:
        known = store.known_versions(ledger)
        files = [(f, _key(f, inbox)) for f in ingest.list_files(inbox)]
        processed: list[Processed] = []
        for path, key in files:
            if key in known and known[key][1] == EXTRACTOR_VERSION and _unchanged(path, known[key][0]):
                continue
            processed.append(process_file(path, key, settings.max_bytes, today))
        result = result.model_copy(update={
            "documents_seen": len(files),
            "documents_read": sum(p.document is not None for p in processed),
            "documents_unchanged": len(files) - len(processed),
            "claims_found": sum(len(p.claims) for p in processed),
            "issues": [i for p in processed for i in p.issues],
        })
        run_id = store.store_run(ledger, result, processed, seen={k for _, k in files})
        report.render(ledger, out / WORKBOOK_NAME)
    finally:
        ledger.close()
    return result.model_copy(update={"run_id": run_id, "finished": datetime.now(), "complete": True})


def _unchanged(path: Path, stored_hash: str) -> bool:
    """Whether the file is the version the ledger holds (by content hash)."""
    try:
        size = path.stat().st_size
        if stored_hash.startswith("size:"):
            return stored_hash == f"size:{size}"
        return ingest.content_hash(path.read_bytes()) == stored_hash
    except OSError:
        return False
