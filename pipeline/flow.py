"""Wire the steps: ingest -> extract -> normalise -> validate -> store -> report.

`run()` is what the command line, the scheduler and a backfill call; `extract_paths()` is
the same flow without ledger or workbook. A step's unexpected exception on a document
becomes a `ValidationIssue` here (readers turn their own failures into issues in ingest),
so the other documents go on.
"""
from __future__ import annotations

import json
import logging
import os
import pickle
import socket
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Generator, Iterator

from filelock import FileLock, Timeout
from pydantic import BaseModel

from . import ingest
from .issues import issue
from .models import EXTRACTOR_VERSION, Claim, IssueCode, Processed, RunResult, Step, ValidationIssue
from .normalise import Normaliser, NormaliseSetupError, load_normaliser, normalise
from .settings import DEFAULT_MAX_BYTES, WORKBOOK_NAME, Settings
from .validate import validate

# The ledger and the workbook (sqlalchemy, openpyxl, lxml) are imported by the functions
# that use them, so `extract` and `--help` start without them.
if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from . import store
    from .facts import FactResult

log = logging.getLogger(__name__)
LOCK_NAME = ".tracker.lock"
HOLDER_NAME = ".tracker.lock.holder"  # who holds the lock: pid, host, since when

# Called after each inbox file with (files done, files in all): the CLI's progress display.
Progress = Callable[[int, int], None]


class RunError(Exception):
    """The run as a whole could not complete (exit 1)."""


def process_file(path: Path, key: str, max_bytes: int, today: date,
                 normaliser: Normaliser | None = None) -> list[Processed]:
    """Every step up to store for one file: one outcome per document (a feed gives one per
    entry, all sharing the file's version hash); problems come back as issues."""
    version, reads = ingest.read_file(path, key, max_bytes)
    return [process_document(r, ingest.safe_name(str(path)), version, today, normaliser) for r in reads]


def process_document(read: ingest.Read, source: str, version: str, today: date,
                     normaliser: Normaliser | None = None) -> Processed:
    """Extract, normalise and validate one document read from a file."""
    from .extract import extract_claims  # its patterns take a fifth of a second to compile: not for a run with nothing new
    key, doc, problems = read
    out = Processed(key=key, source=doc.source if doc else source, version=version, document=doc,
                    issues=problems)
    if doc is None:
        return out
    claims: list[Claim] = []
    step = Step.extract
    try:
        claims = extract_claims(doc)
        if doc.pages:  # a PDF: each claim cites its page
            claims = [c.model_copy(update={"page": ingest.page_of(doc, c.start)}) for c in claims]
        step = Step.normalise
        claims, found = normalise(doc, claims, today, normaliser)
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


def expand(paths: list[Path]) -> list[tuple[Path, str]]:
    """Files named and files under folders named, each with the key it is known by."""
    found: list[tuple[Path, str]] = []
    for p in paths:
        if p.is_dir():
            found.extend((Path(f), key) for f, key in ingest.list_files(p))
        else:
            found.append((p, ingest.safe_name(p.name)))
    return found


def iter_extract(paths: list[Path], max_bytes: int = DEFAULT_MAX_BYTES, today: date | None = None,
                 settings: Settings | None = None) -> Iterator[Processed]:
    """Ingest, extract, normalise and validate files one at a time, without ledger or workbook,
    so a caller that writes each result out holds one document in memory, not the corpus.

    The settings' files are loaded before the first file is read (a bad one raises RunError).
    """
    today = today or date.today()
    normaliser = run_normaliser(settings) if settings else None

    def each() -> Iterator[Processed]:
        for f, key in expand(paths):
            yield from process_file(f, key, max_bytes, today, normaliser)
    return each()


def extract_paths(paths: list[Path], max_bytes: int = DEFAULT_MAX_BYTES, today: date | None = None,
                  settings: Settings | None = None) -> tuple[list[Processed], list[ValidationIssue]]:
    """Every file's outcome and all their problems (`iter_extract`, gathered)."""
    processed = list(iter_extract(paths, max_bytes, today, settings))
    return processed, [i for p in processed for i in p.issues]


def run(settings: Settings, today: date | None = None, progress: Progress | None = None) -> RunResult:
    """One full run over the inbox: only new or changed files are read again."""
    inbox, out = settings.inbox, settings.out
    if not inbox.is_dir():
        raise RunError(f"the inbox folder {inbox} does not exist. Create it or pass --inbox.")
    out.mkdir(parents=True, exist_ok=True)
    with out_folder_lock(out, settings.wait):
        return _run_locked(settings, today or date.today(), progress)


@contextmanager
def out_folder_lock(out: Path, wait: float) -> Iterator[None]:
    """Hold the out folder's lock (waiting up to `wait` seconds), with a note beside it of
    who holds it, so that a refused run can name the holder. The operating system frees the
    lock when its process dies, even by SIGKILL; the stale note is then overwritten."""
    lock = FileLock(out / LOCK_NAME)
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        advice = (f"Waited {wait:g} seconds; wait for it to finish, or pass a longer --wait." if wait > 0
                  else "Wait for it to finish, or pass --wait SECONDS.")
        raise RunError(f"another run is using {out} (lock file {out / LOCK_NAME}{_holder(out)}). {advice}") from None
    note = out / HOLDER_NAME
    try:
        note.write_text(f"process {os.getpid()} on {socket.gethostname()} "
                        f"since {datetime.now().isoformat(timespec='seconds')}", encoding="utf-8")
        yield
    finally:
        try:
            note.unlink()
        except OSError:
            pass
        lock.release()


def _holder(out: Path) -> str:
    try:
        note = (out / HOLDER_NAME).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f", held by {note}" if note else ""


def _run_locked(settings: Settings, today: date, progress: Progress | None = None) -> RunResult:
    from . import store

    inbox, out = settings.inbox, settings.out
    result = RunResult(started=datetime.now(), inbox=str(inbox), out=str(out))
    ledger = open_ledger(settings)
    try:
        known = store.known_versions(ledger)
        remembered = store.file_stats(ledger)
        files = ingest.list_files(inbox)
        stored = _stored_keys(known, {k for _, k in files})
        # Each file's stat and version; a known file whose stat is as remembered is not read again.
        looks = [_file_version(path, settings.max_bytes, remembered.get(key), hash_it=key in stored)
                 for path, key in files]
        unchanged = [_same_keys(stored.get(key, []), known, version) for (_, key), (_, version) in zip(files, looks)]
        todo = [(Path(path), key) for (path, key), same in zip(files, unchanged) if not same]
        # The names and rates are loaded (a bad file stops the run, before it is recorded) only
        # when there is something to read or they changed since the facts were built: the ECB
        # history takes a third of a second, more than a run with nothing new.
        files_changed = store.meta(ledger, "facts_settings") != _facts_settings(settings)
        normaliser = run_normaliser(settings) if todo or files_changed else None
        seen: set[str] = set()  # every document key still in the inbox, read again or not
        stats: dict[str, tuple[str, str]] = {}  # file key -> (stat, version) to remember
        issues: list[ValidationIssue] = []
        read = claims = 0
        with _Spool(out) as processed:
            with _processor(len(todo), settings.max_bytes, today, normaliser) as process:
                results = process(todo)       # in the order of `todo`, whatever the workers
                for n, ((path, key), same, (stat, version)) in enumerate(zip(files, unchanged, looks), 1):
                    if same:
                        seen.update(same)
                    else:
                        outcomes = next(results)
                        for p in outcomes:
                            processed.add(p)
                            read += p.document is not None
                            claims += len(p.claims)
                            issues.extend(p.issues)
                        seen.update(p.key for p in outcomes)
                        version = outcomes[0].version if outcomes else ""
                    if stat and version and remembered.get(key) != (stat, version):
                        stats[key] = (stat, version)
                    if progress is not None:
                        progress(n, len(files))
                results.close()  # the pool's workers end now, not when the run does
            result = result.model_copy(update={
                "documents_seen": len(seen), "documents_read": read,
                "documents_unchanged": len(seen) - len(processed), "claims_found": claims, "issues": issues,
            })
            run_id = store.store_run(ledger, result, processed, seen=seen, file_stats=stats)
        after = review_and_render(ledger, settings, run_id, today)
        result = result.model_copy(update={"issues": result.issues + after.issues})
        store.finish_run(ledger, run_id, result, complete=True)  # the ledger says so only now
    finally:
        ledger.close()
    return result.model_copy(update={"run_id": run_id, "finished": datetime.now(), "complete": True,
                                     "workbook": after.workbook, "reviews_applied": after.reviews_applied})


class AfterStore(BaseModel):
    """What reading the reviewers' decisions and rendering the workbook did."""

    issues: list[ValidationIssue] = []
    workbook: str = ""
    reviews_applied: int = 0


def review_and_render(ledger: store.Ledger, settings: Settings, run_id: int, today: date,
                      force: bool = False) -> AfterStore:
    """Read decisions and note columns back from the workbook(s) into the ledger, then render.

    Decisions from every workbook in the out folder are read, oldest file first, so the
    latest wins; rows that cannot be applied are reported and kept on the Review sheet.
    """
    from . import report, store
    from .review import read_decisions

    out = settings.out
    books = report.workbooks(out)
    problems: list[ValidationIssue] = []
    kept: list = []
    applied = 0
    if force or not report.as_written(ledger, books):  # nobody typed in them since: nothing to read back
        stamps = report.stamps(books)  # before reading: a save while we read is read next time
        reviews, problems, kept = read_decisions(books, lambda ids: store.claim_documents(ledger, ids),
                                                 set(store.known_versions(ledger)))
        applied = store.store_reviews(ledger, reviews, problems)
        main_book = out / WORKBOOK_NAME
        found = report.read_notes(main_book) if main_book.is_file() else None
        if found is not None:
            headers, notes, shown = found
            store.store_notes(ledger, headers, notes, shown=shown)
        if not kept and not problems:
            report.mark_read(ledger, stamps)
    facts = start_facts(ledger, settings, run_id, today)  # reviews first: a rejected claim is no support
    try:
        rendered = report.render(ledger, out, run_id, kept_reviews=kept, period=settings.tracker_period,
                                 today=today, force=force, facts=facts.wait if facts.running else None)
    except Exception as err:  # the ledger is the source of truth: a workbook failure is reported, not fatal
        problems = problems + facts.problems()  # but a facts update that failed stops the run
        log.debug("the workbook failed", exc_info=True)
        failed = issue(IssueCode.workbook_failed, WORKBOOK_NAME, reason=f"{type(err).__name__}: {err}")
        return AfterStore(issues=problems + [failed], reviews_applied=applied)
    return AfterStore(issues=problems + facts.problems() + rendered.issues, reviews_applied=applied,
                      workbook=str(rendered.path) if rendered.path else "")


def review_import(settings: Settings, today: date | None = None) -> AfterStore:
    """Read reviewers' decisions into the ledger and render the workbook, without reading the inbox."""
    from . import store

    settings.out.mkdir(parents=True, exist_ok=True)
    with out_folder_lock(settings.out, settings.wait):
        ledger = open_ledger(settings)
        try:
            last = store.runs(ledger)
            return review_and_render(ledger, settings, last[-1]["id"] if last else 0, today or date.today())
        finally:
            ledger.close()


# A run with at least this many new or changed files reads them in a pool of processes
# (one per core, up to POOL_MAX_WORKERS); fewer are read in this process, where starting
# workers would cost more than it saves.
POOL_MIN_FILES = 32
POOL_MAX_WORKERS = 8
_worker_setup: tuple[int, date, Normaliser | None] | None = None


def _init_worker(max_bytes: int, today: date, normaliser: Normaliser | None) -> None:
    global _worker_setup
    _worker_setup = (max_bytes, today, normaliser)   # sent once per worker, not per file


def _process_in_worker(item: tuple[Path, str]) -> list[Processed]:
    assert _worker_setup is not None
    return _for_store(process_file(item[0], item[1], *_worker_setup))


def _for_store(outcomes: list[Processed]) -> list[Processed]:
    """Outcomes without their documents' text, which the ledger does not keep: less to send
    back from a worker and to keep until the run is stored."""
    return [p if p.document is None or not (p.document.text or p.document.pages) else
            p.model_copy(update={"document": p.document.model_copy(update={"text": "", "pages": []})})
            for p in outcomes]


@contextmanager
def _processor(files: int, max_bytes: int, today: date, normaliser: Normaliser | None
               ) -> Iterator[Callable[[list[tuple[Path, str]]], Generator[list[Processed], None, None]]]:
    """A function that processes (path, key) pairs and yields each file's outcomes in the
    order given: in a process pool when there are many files and more than one core,
    else here. process_file never raises, so a document's problems come back as issues
    either way."""
    workers = min(os.cpu_count() or 1, POOL_MAX_WORKERS, files)
    if files < POOL_MIN_FILES or workers < 2:
        yield lambda todo: (_for_store(process_file(p, k, max_bytes, today, normaliser)) for p, k in todo)
        return
    yield lambda todo: _pool_map(workers, (max_bytes, today, normaliser), todo)


def _pool_map(workers: int, setup: tuple, todo: list[tuple[Path, str]]) -> Generator[list[Processed], None, None]:
    """Each file's outcomes in order, read in a pool. A file that kills its worker (out of
    memory, a crash in a C parser) is found by reading the files in flight one at a time,
    and becomes a `step_failed` row; the others go on in a new pool."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    while done < len(todo):
        rest = todo[done:]
        try:
            with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=setup) as pool:
                for outcomes in pool.map(_process_in_worker, rest,
                                         chunksize=max(1, min(16, len(rest) // (workers * 8)))):
                    yield outcomes
                    done += 1
        except BrokenProcessPool:
            while done < len(todo):  # alone, until the one that breaks its worker is found
                path, key = todo[done]
                try:
                    with ProcessPoolExecutor(1, initializer=_init_worker, initargs=setup) as solo:
                        outcomes = solo.submit(_process_in_worker, (path, key)).result()
                except BrokenProcessPool:
                    yield [Processed(key=key, source=str(path), version="", issues=[issue(
                        IssueCode.step_failed, key, step=Step.ingest, step_name="reading",
                        reason="the process reading it stopped: out of memory or a crash")])]
                    done += 1
                    break
                yield outcomes
                done += 1


def _stored_keys(known: dict[str, tuple[str, str]], file_keys: set[str]) -> dict[str, list[str]]:
    """File key -> the ledger's document keys read from it: the file's own key, and for a
    feed `<file key>#<entry id>` (the longest file key before a '#' wins)."""
    found: dict[str, list[str]] = {}
    for key in known:
        if key in file_keys:
            found.setdefault(key, []).append(key)
            continue
        cut = len(key)
        while (cut := key.rfind("#", 0, cut)) > 0:
            if key[:cut] in file_keys:
                found.setdefault(key[:cut], []).append(key)
                break
    return found


def _file_version(path: str | Path, max_bytes: int, remembered: tuple[str, str] | None = None,
                  hash_it: bool = True) -> tuple[str, str]:
    """A file's stat (size, times, inode) and version ('' where unknown).

    The version is the content hash, or `size:N` for a file over the size limit (never read,
    not even to hash it). When the stat is the one `remembered` with a version, the file has
    not been written since and that version stands: an unchanged inbox is not read again.
    The stat is taken before the file is read, so a write during the read shows next time.
    """
    try:
        st = os.stat(path)
    except OSError:
        return "", ""
    stat = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"
    if remembered is not None and remembered[0] == stat:
        return stat, remembered[1]
    if st.st_size > max_bytes:
        return stat, f"size:{st.st_size}"
    if not hash_it:
        return stat, ""
    try:
        with open(path, "rb") as f:
            return stat, ingest.content_hash(f.read())
    except OSError:
        return stat, ""


def _same_keys(keys: list[str], known: dict[str, tuple[str, str]], version: str) -> list[str]:
    """The document keys of a file the ledger already holds in the file's present version
    and by the present extractor; empty when the file must be read again. Entries a feed no
    longer holds keep an older hash: they are left out, so marked missing."""
    if not keys or not version:
        return []
    same = [k for k in keys if known[k][0] == version]
    return same if same and all(known[k][1] == EXTRACTOR_VERSION for k in same) else []


def _unchanged_keys(path: Path, keys: list[str], known: dict[str, tuple[str, str]], max_bytes: int) -> list[str]:
    """`_same_keys` for a file read now (a backfill's worker, which has no remembered stats)."""
    return _same_keys(keys, known, _file_version(path, max_bytes, hash_it=bool(keys))[1])


class _Spool:
    """A run's outcomes kept on disk until they are stored, so that a run over a large inbox
    holds one document's claims at a time, not all of them (the file is unlinked at once:
    nothing is left behind, even by a crash)."""

    def __init__(self, folder: Path) -> None:
        self.file = tempfile.TemporaryFile(dir=folder, prefix=".tracker-run-")
        self.count = 0

    def __enter__(self) -> "_Spool":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.file.close()

    def __len__(self) -> int:
        return self.count

    def add(self, outcome: Processed) -> None:
        pickle.dump(outcome, self.file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __iter__(self) -> Iterator[Processed]:
        self.file.flush()
        self.file.seek(0)
        for _ in range(self.count):
            yield pickle.load(self.file)
        self.file.seek(0, os.SEEK_END)


def open_ledger(settings: Settings) -> store.Ledger:
    """The ledger the settings name (a SQLite file or a postgresql:// URL); one that cannot be
    reached or is newer than this pipeline stops the run (exit 1)."""
    from sqlalchemy.exc import SQLAlchemyError

    from . import store
    from .migrations import LedgerTooNew

    where = store.describe_location(settings.ledger_location)
    try:
        return store.open_ledger(settings.ledger_location)
    except (SQLAlchemyError, LedgerTooNew, ValueError) as err:
        reason = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
        raise RunError(f"cannot open the ledger {where}: {reason}") from None


def run_normaliser(settings: Settings) -> Normaliser:
    """The rates and aliases the settings name, checked; a bad file stops the run (exit 1)."""
    try:
        return load_normaliser(settings.aliases, settings.rates, settings.ecb_history)
    except NormaliseSetupError as err:
        raise RunError(str(err)) from None


# A facts update read while another run's update was written is computed again (a ledger
# that several runs share); after this many tries it is left to the next run.
FACT_ATTEMPTS = 3


def update_facts(ledger: store.Ledger, settings: Settings, run_id: int, today: date) -> list[ValidationIssue]:
    """Bring the facts up to date with the standing claims, after this run's names and rates are
    applied to them; returns the fact problems (conflicts, unclear deliveries) new in this run.

    Only the documents changed since the last update are read again, and only the facts of
    the keys (subject, category, unit, period) they reported, before or now, are rebuilt,
    from the mentions the ledger keeps; the rest cannot have changed. Every fact is rebuilt
    from every claim when the names or rates files or the window changed (or the ledger has
    never been updated so).
    """
    return start_facts(ledger, settings, run_id, today, background=False).problems()


# A facts update that reads back at least this many kept mentions runs in a second process
# while the workbook's Claims and Documents sheets are written (they do not show facts).
BACKGROUND_MENTIONS = 200_000


@dataclass
class _FactsJob:
    """What a facts update rebuilds, read once the claims are brought up to date."""

    generation: int       # `store.facts_generation` when the inputs were read
    pending: set[str]     # documents whose claims changed since the last update
    read: list            # the mentions of those documents, read now
    keys: set | None      # the (closed) fact keys to rebuild; None: every fact
    counts: dict          # kept mentions per key, to read back
    settings: str         # `_facts_settings` as the names and rates were read


class FactsUpdate:
    """A facts update begun by `start_facts`: `wait()` until it is stored (the data version
    before and after it, or None when it stored nothing), `problems()` for what it found;
    both raise what the update raised. Without a job there was nothing to update."""

    def __init__(self, ledger: store.Ledger, settings: Settings, run_id: int, today: date,
                 job: _FactsJob | None = None, future: Future | None = None, pool: Executor | None = None) -> None:
        self.ledger, self.settings, self.run_id, self.today = ledger, settings, run_id, today
        self._future, self._pool = future, pool
        self._needed = job is not None
        self._files = job.settings if job is not None else ""  # not the job: its mentions are a run's largest part
        self._stored: tuple | None = None
        self._found: list[ValidationIssue] | None = None
        self._error: Exception | None = None
        if job is not None and future is None:
            self._stored = _build_and_store(ledger, settings, run_id, job)
            self.problems()  # stored here: the render reads these facts

    @property
    def running(self) -> bool:
        """Whether the update runs in a second process (and has not been waited for)."""
        return self._future is not None

    def wait(self) -> tuple[int, int] | None:
        if self._future is not None:
            future, pool, self._future = self._future, self._pool, None
            assert pool is not None
            try:
                self._stored = future.result()
            except Exception as err:  # raised again by every later call
                self._error = err
            finally:
                pool.shutdown(cancel_futures=True)
        if self._error is not None:
            raise self._error
        if not self._needed or self._stored is None:
            return None
        return self._stored[1], self._stored[2]

    def problems(self) -> list[ValidationIssue]:
        from . import store

        self.wait()
        if not self._needed:
            return []
        if self._found is None:
            attempts = 1
            while self._stored is None and attempts < FACT_ATTEMPTS:  # another run stored facts since ours were read
                job = _prepare_facts(self.ledger, self.settings, self.today)
                self._files = job.settings
                self._stored = _build_and_store(self.ledger, self.settings, self.run_id, job)
                attempts += 1
            if self._stored is None:  # other runs on the ledger kept updating the facts: theirs stand, ours wait
                self._found = []
                return self._found
            # the names and rates files as they were when the facts were built from them
            store.set_meta(self.ledger, "facts_settings", self._files)
            store.set_meta(self.ledger, "facts_built_for", _facts_key(self.ledger, self._files))
            self._found = self._stored[0]
        return self._found


def start_facts(ledger: store.Ledger, settings: Settings, run_id: int, today: date,
                background: bool = True) -> FactsUpdate:
    """`update_facts` begun: the claims brought up to date with the names and rates (the
    Claims sheet shows them), then, with `background` and many kept mentions to read back,
    the facts rebuilt and stored by a second process while this one goes on (the second
    process splits the clustering again, as `_facts_of_keys` does); else stored now."""
    from . import store

    if store.meta(ledger, "facts_built_for") == _facts_key(ledger, _facts_settings(settings)) \
            and not store.pending_fact_documents(ledger):
        return FactsUpdate(ledger, settings, run_id, today)  # nothing changed: a run with nothing new stays cheap
    job = _prepare_facts(ledger, settings, today)
    if background and job.keys is not None and sum(job.counts.values()) >= BACKGROUND_MENTIONS \
            and (os.cpu_count() or 1) >= 2:
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(1)
        future = pool.submit(_store_facts_in_worker, settings.ledger_location, settings, run_id, job)
        return FactsUpdate(ledger, settings, run_id, today, job, future, pool)
    return FactsUpdate(ledger, settings, run_id, today, job)


def _prepare_facts(ledger: store.Ledger, settings: Settings, today: date) -> _FactsJob:
    """Apply the names and rates to the pending documents' claims and read their mentions."""
    from . import store
    from .facts import closed_keys, fact_key, read_mentions
    from .normalise import refresh

    generation = store.facts_generation(ledger)
    pending = store.pending_fact_documents(ledger)
    files = _facts_settings(settings)  # before the files are read: a later change is seen next run
    everything = store.meta(ledger, "facts_settings") != files
    inputs = store.fact_inputs(ledger, None if everything else pending)
    claims, changed = refresh(inputs.claims, inputs.dates, today, run_normaliser(settings), inputs.corrected)
    store.update_normalised(ledger, changed)
    read = read_mentions(claims, inputs.dates)
    if everything:
        return _FactsJob(generation, pending, read, None, {}, files)
    keys = store.mention_keys(ledger, pending) | {fact_key(m.claim) for m in read}
    keys = closed_keys(keys, store.current_fact_keys(ledger).values())
    return _FactsJob(generation, pending, read, keys, store.mention_counts(ledger, keys), files)


def _build_and_store(ledger: store.Ledger, settings: Settings, run_id: int, job: _FactsJob) -> tuple | None:
    """Rebuild and store the job's facts: (new problems, data version before, after), or None
    when another update was stored since the job was read."""
    from . import store
    from .facts import facts_of_mentions

    if job.keys is None:
        built = facts_of_mentions(job.read, settings.fact_window_days)
        return store.store_facts(ledger, run_id, built.facts, built.issues, done=job.pending,
                                 read=(None, job.read), generation=job.generation)
    built = _facts_of_keys(ledger, settings, job.keys, job.pending, job.read, job.counts)
    return store.store_facts(ledger, run_id, built.facts, built.issues, job.keys, done=job.pending,
                             read=(job.pending, job.read), generation=job.generation)


def _store_facts_in_worker(location: str, settings: Settings, run_id: int, job: _FactsJob) -> tuple | None:
    """`_build_and_store` in a second process, on a ledger connection of its own."""
    from . import store

    ledger = store.open_ledger(location)
    try:
        return _build_and_store(ledger, settings, run_id, job)
    finally:
        ledger.close()


# A facts update that reads back at least this many kept mentions reads and clusters the
# keys of about half of them in a second process (a key's facts depend on its mentions only).
SPLIT_MENTIONS = 200_000


def _facts_of_keys(ledger: store.Ledger, settings: Settings, keys: set, pending: set[str], read: list,
                   counts: dict) -> FactResult:
    """The facts and problems of `keys` (closed), from their kept mentions but those of the
    `pending` documents, and the mentions `read` from those documents now."""
    from concurrent.futures import ProcessPoolExecutor

    from .facts import FactResult, fact_key, fact_problems, key_order

    window = settings.fact_window_days
    if sum(counts.values()) < SPLIT_MENTIONS or (os.cpu_count() or 1) < 2:
        facts = _cluster_keys(ledger, keys, pending, read, window)
    else:
        mine, theirs = _halves(keys, counts)
        with ProcessPoolExecutor(1) as pool:
            other = pool.submit(_cluster_in_worker, settings.ledger_location, theirs, pending, read, window)
            facts = _cluster_keys(ledger, mine, pending, read, window) + other.result()
        facts.sort(key=lambda f: key_order(fact_key(f)))
    return FactResult(facts, fact_problems(facts, window))


def _halves(keys: set, counts: dict) -> tuple[set, set]:
    """The keys in two parts of about as many mentions each, a subject's keys in one part
    (its deliveries in every unit are checked together)."""
    by_subject: dict = {}
    for key in keys:
        by_subject.setdefault(key[0], set()).add(key)
    parts: tuple[set, set] = (set(), set())
    sizes = [0, 0]
    weighed = [(sum(counts.get(k, 0) for k in ks), sorted(map(repr, ks)), ks) for ks in by_subject.values()]
    for size, _, subject_keys in sorted(weighed, key=lambda w: (-w[0], w[1])):  # largest first
        i = 0 if sizes[0] <= sizes[1] else 1
        parts[i].update(subject_keys)
        sizes[i] += size
    return parts


def _cluster_keys(ledger: store.Ledger, keys: set, pending: set[str], read: list, window: int) -> list:
    from . import store
    from .facts import cluster, fact_key

    kept = store.mentions(ledger, keys, leave_out=pending)
    return cluster(kept + [m for m in read if fact_key(m.claim) in keys], window, keys)


def _cluster_in_worker(location: str, keys: set, pending: set[str], read: list, window: int) -> list:
    """`_cluster_keys` in a second process, on a ledger connection of its own."""
    from . import store

    ledger = store.open_ledger(location)
    try:
        return _cluster_keys(ledger, keys, pending, read, window)
    finally:
        ledger.close()


def _facts_settings(settings: Settings) -> str:
    """What every fact rests on besides the claims: the names and rates files, the window."""
    files = [(str(p), p.stat().st_mtime_ns if p.exists() else None)
             for p in (settings.aliases, settings.rates, settings.ecb_history) if p is not None]
    return json.dumps([files, settings.fact_window_days])


def _facts_key(ledger: store.Ledger, facts_settings: str) -> str:
    """What facts rest on: the ledger's version, and the names and rates files and the window
    (`_facts_settings`)."""
    from . import store

    return json.dumps([store.data_version(ledger), facts_settings])
