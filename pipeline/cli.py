"""The command line: parse options, call the package, print, pick the exit code.

Exit 0: the run completed (problems with documents are listed, not fatal);
1: it could not complete; 2: the command line was wrong (click's usage errors).
"""
from __future__ import annotations

import gc
import json
import logging
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

import click

from . import flow
from .issues import describe
from .progress import ProgressDisplay
from .models import Claim, ValidationIssue
from .settings import DEFAULT_MAX_BYTES, Settings, SettingsError, load_settings

def _number(d: Decimal | None) -> int | float | None:
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() and abs(d) < 2**63 else float(d)


def claim_json(claim: Claim, source: str) -> dict[str, Any]:
    """A claim as `extract --json` prints it: `source`, `id` and every CLAIMS.md field.
    Read straight off the record (no model_dump): this runs once per claim of a corpus."""
    c = claim
    return {"source": source, "id": c.id, "quote": c.quote, "start": c.start, "end": c.end,
            "sentence": c.sentence, "value": _number(c.value), "value_high": _number(c.value_high),
            "unit": c.unit, "qualifier": c.qualifier.value, "category": c.category.value,
            "subject": c.subject, "period": c.period.value if c.period is not None else None,
            "vague": c.vague, "recipient": c.recipient, "purpose": c.purpose,
            "value_eur": _number(c.value_eur)}


def issue_json(i: ValidationIssue) -> dict[str, Any]:
    return i.model_dump(mode="json")


max_bytes_option = click.option(
    "--max-bytes", type=click.IntRange(min=1), default=None,
    help=f"Files larger than this many bytes are refused without being read, with an error row "
         f"(default {DEFAULT_MAX_BYTES:,}).")


def settings_from(**options: object) -> Settings:
    """Settings from tracker.toml with the options given on the command line on top."""
    try:
        return load_settings(Path("."), **options)
    except SettingsError as err:
        raise click.ClickException(str(err)) from None


# The cycle collector's thresholds for a run (CPython's are 700, 10, 10). A run holds a million
# mentions or rows at once, and at the default thresholds the collector walks them over and
# over: reading back a ledger's mentions took twice as long, an incremental run at 100,000
# documents 30 s instead of 23 s. Our records form no cycles; those that others make (openpyxl,
# tracebacks) are still collected, a little later.
GC_THRESHOLDS = (50_000, 20, 20)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--verbose", "-v", is_flag=True, help="Show full error details (tracebacks) when something fails.")
def main(verbose: bool) -> None:
    """Track pledges, deliveries and production capacities reported in news.

    Drop articles into the inbox folder, then `run` reads the new ones, finds every
    numeric claim (money pledged, materiel delivered, capacities, counts), checks each,
    keeps them in a ledger and writes the tracker workbook.
    """
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="%(message)s")
    gc.set_threshold(*GC_THRESHOLDS)


inbox_option = click.option(
    "--inbox", type=click.Path(path_type=Path), default=None,
    help="Folder of articles to read (default inbox/). Subfolders are read too.")
out_option = click.option(
    "--out", type=click.Path(path_type=Path), default=None,
    help="Folder where the ledger (ledger.sqlite) and the workbook (tracker.xlsx) are kept (default outputs/).")
wait_option = click.option(
    "--wait", type=click.FloatRange(min=0), default=None,
    help="If another run is using the out folder, wait this many seconds for it before giving up (default 0).")
ledger_option = click.option(
    "--ledger", default=None,
    help="Where the ledger is: a SQLite file, or postgresql://USER:PASSWORD@HOST/DB for a ledger a team shares "
         "(default OUT/ledger.sqlite; also the `ledger` setting and the TRACKER_LEDGER variable).")


@main.command()
@inbox_option
@out_option
@wait_option
@max_bytes_option
@ledger_option
def run(inbox: Path | None, out: Path | None, wait: float | None, max_bytes: int | None,
        ledger: str | None) -> None:
    """Read new or changed articles in the inbox and update the ledger and the workbook.

    Articles already read and unchanged are skipped; nothing already in the ledger is
    lost. Problems with single articles are listed and recorded; the rest still runs.
    """
    settings = settings_from(inbox=inbox, out=out, wait=wait, max_bytes=max_bytes, ledger=ledger)
    inbox, out = settings.inbox, settings.out
    try:
        result = flow.run(settings, progress=ProgressDisplay())
    except flow.RunError as err:
        raise click.ClickException(str(err)) from None
    errors = [i for i in result.issues if i.severity == "error"]
    warnings = [i for i in result.issues if i.severity == "warning"]
    click.echo(f"Read {result.documents_read} new or changed document(s) of {result.documents_seen} in {inbox} "
               f"({result.documents_unchanged} unchanged); found {result.claims_found} claim(s); "
               f"{len(errors)} error(s), {len(warnings)} warning(s).")
    for i in result.issues:
        click.echo(f"  {i.severity.value}: {describe(i)}")
    _say_workbook(result.workbook, result.reviews_applied, out, settings)


def _say_workbook(workbook: str, reviews: int, out: Path, settings: Settings) -> None:
    from .store import describe_location

    ledger = describe_location(settings.ledger_location)
    if reviews:
        click.echo(f"Applied {reviews} review decision(s) from the workbook.")
    where = f"Workbook: {workbook}" if workbook else f"Workbook unchanged: {out / flow.WORKBOOK_NAME}"
    click.echo(f"{where}  Ledger: {ledger}")


@main.command("review-import")
@out_option
@wait_option
@ledger_option
def review_import(out: Path | None, wait: float | None, ledger: str | None) -> None:
    """Read the decisions typed on the workbook's Review sheet into the ledger now.

    Runs also do this on their own; use it to see your decisions applied without reading
    the inbox. Decisions are read from tracker.xlsx and any version written beside it
    (the latest wins); a decision that cannot be applied is listed and stays on the sheet.
    """
    settings = settings_from(out=out, wait=wait, ledger=ledger)
    try:
        done = flow.review_import(settings)
    except flow.RunError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"{done.reviews_applied} decision(s) applied; {len(done.issues)} problem(s).")
    for i in done.issues:
        click.echo(f"  {i.severity.value}: {describe(i)}")
    _say_workbook(done.workbook, 0, settings.out, settings)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True,
              help="Print one JSON object {\"claims\": [...], \"errors\": [...]} instead of a table.")
@max_bytes_option
def extract(paths: tuple[Path, ...], as_json: bool, max_bytes: int | None) -> None:
    """Find the claims in articles and print them, without touching the ledger or workbook.

    PATHS are files or folders (every file in a folder is read). Useful to check what
    the tracker would find in an article before dropping it into the inbox.
    """
    settings = settings_from(max_bytes=max_bytes)
    try:  # tracker.toml's aliases and rates files apply here too
        processed = flow.iter_extract(list(paths), max_bytes=settings.max_bytes, settings=settings)
    except flow.RunError as err:
        raise click.ClickException(str(err)) from None
    if as_json:
        _write_json(processed)
        return
    problems: list[ValidationIssue] = []
    for p in processed:
        problems += p.issues
        for c in p.claims:
            high = f"-{c.value_high.normalize():,f}" if c.value_high is not None else ""
            click.echo(f"{p.key}\t{c.value.normalize():,f}{high}\t{c.unit}\t{c.qualifier.value}\t{c.category.value}\t"
                       f"{c.subject or ''}\t{c.quote!r}")
    for i in problems:
        click.echo(f"{i.severity.value}: {describe(i)}", err=True)


def _write_json(processed: Iterator[flow.Processed]) -> None:
    """`{"claims": [...], "errors": [...]}` written a document at a time (memory stays flat),
    the same text as one json.dumps of the whole object; each document's claims are encoded
    in one dumps call (the C encoder), not claim by claim."""
    out = sys.stdout
    out.write('{"claims": [')
    problems: list[ValidationIssue] = []
    first = True
    for p in processed:
        problems += p.issues
        if p.claims:
            out.write(("" if first else ", ") + json.dumps([claim_json(c, p.source) for c in p.claims],
                                                           ensure_ascii=False)[1:-1])
            first = False
    out.write('], "errors": ' + json.dumps([issue_json(i) for i in problems], ensure_ascii=False) + "}\n")


@main.command()
@click.option("--every", default=None,
              help="Run this often: a number of seconds, minutes or hours, e.g. 2s, 30m or 1h.")
@click.option("--at", "at", default=None, help="Run once a day at this local time, written HH:MM (e.g. 06:00).")
@inbox_option
@out_option
@wait_option
@max_bytes_option
def schedule(every: str | None, at: str | None, inbox: Path | None, out: Path | None, wait: float | None,
             max_bytes: int | None) -> None:
    """Run the pipeline on the inbox now and then on a schedule, until stopped.

    Give --every or --at. Each run logs one line of what it did; a run that fails is
    logged with the reason and the schedule goes on. Ctrl-C or SIGTERM stops it between
    runs. Runs never overlap on one out folder, even from two processes.
    """
    from . import schedule as scheduler

    if (every is None) == (at is None):
        raise click.UsageError("Give either --every (e.g. 30m) or --at (e.g. 06:00).")
    try:
        seconds = scheduler.parse_every(every) if every is not None else None
        daily = scheduler.parse_at(at) if at is not None else None
    except scheduler.ScheduleError as err:
        raise click.BadParameter(str(err), param_hint="--every" if every is not None else "--at") from None
    settings = settings_from(inbox=inbox, out=out, wait=wait, max_bytes=max_bytes)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    for name in ("pipeline.schedule", "pipeline.progress"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG if logging.getLogger().level == logging.DEBUG else logging.INFO)
        logger.propagate = False
    scheduler.run_on_schedule(settings, every=seconds, at=daily)


@main.command()
@click.argument("archive", type=click.Path(path_type=Path))
@click.option("--engine", type=click.Choice(["dask"]), default="dask", show_default=True,
              help="Where the documents are read: dask, on a Dask distributed cluster.")
@click.option("--scheduler", default=None,
              help="Address of a running Dask scheduler (tcp://HOST:8786); without it, a local cluster of this "
                   "machine's cores. The workers must see ARCHIVE at the same path.")
@click.option("--partition-size", type=click.IntRange(min=1), default=None,
              help="Files per task on the cluster, each task's documents written to the ledger as one batch "
                   "(default 100).")
@out_option
@wait_option
@max_bytes_option
@ledger_option
def backfill(archive: Path, engine: str, scheduler: str | None, partition_size: int | None, out: Path | None,
             wait: float | None, max_bytes: int | None, ledger: str | None) -> None:
    """Read a large archive of articles on a distributed cluster into the ledger, then update the workbook.

    ARCHIVE is a folder like the inbox. Its files are split into partitions read in parallel;
    each partition's documents are written to the ledger as one batch, and the run stays
    marked incomplete until every batch is in. A failed partition is retried, then listed
    (exit 1) without losing the others; running the same backfill again finishes it, reading
    only what is not yet in the ledger.
    """
    from . import backfill as backfills

    settings = settings_from(out=out, wait=wait, max_bytes=max_bytes, ledger=ledger)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    for name in ("pipeline.progress", "pipeline.backfill"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG if logging.getLogger().level == logging.DEBUG else logging.INFO)
        logger.propagate = False
    try:
        done = backfills.backfill(settings, archive, scheduler=scheduler,
                                  partition_size=partition_size or backfills.DEFAULT_PARTITION_SIZE,
                                  progress=ProgressDisplay(every=10))
    except flow.RunError as err:
        raise click.ClickException(str(err)) from None
    result = done.run
    errors = [i for i in result.issues if i.severity == "error"]
    warnings = [i for i in result.issues if i.severity == "warning"]
    click.echo(f"Backfill of {archive} on a {done.cluster}: read {result.documents_read} new or changed "
               f"document(s) of {result.documents_seen} ({result.documents_unchanged} unchanged) in "
               f"{done.partitions} partition(s) in {done.seconds:.1f} s; found {result.claims_found} claim(s); "
               f"{len(errors)} error(s), {len(warnings)} warning(s).")
    shown = 50
    for i in result.issues[:shown]:
        click.echo(f"  {i.severity.value}: {describe(i)}")
    if len(result.issues) > shown:
        click.echo(f"  ... and {len(result.issues) - shown} more (the workbook's Validation errors sheet lists them).")
    _say_workbook(result.workbook, result.reviews_applied, settings.out, settings)
    if done.failed:
        for n, keys, reason in done.failed:
            click.echo(f"Partition {n} ({len(keys)} file(s), {keys[0]} ...) failed: {reason}")
        raise click.ClickException(f"{len(done.failed)} partition(s) failed; the run is marked incomplete. "
                                   "Run the same backfill again to read them.")


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("schemas"),
              show_default=True, help="Folder to write the JSON Schema files into.")
def schema(out: Path) -> None:
    """Write the JSON Schema of the claim and document records (schemas/*.json)."""
    from .schemas import write_schemas

    for path in write_schemas(out):
        click.echo(f"wrote {path}")
