"""The ``ingest-documents`` flow: invoices, receipts, statements and packing lists from a folder (or
downloaded from the bank portal first) into the store, in chunked tasks.

Each task calls one function of :mod:`extractors.ingest` (or :func:`bots.intake.download_bank_files`);
``extractors.ingest.ingest_folder`` is the same work without Prefect. Files whose sha256 already has a
SourceFile in the store are skipped, so a re-run re-does nothing; each chunk is one store transaction,
so a run killed mid-way and run again stores every document exactly once.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from bots.browser import BotError
from bots.intake import download_bank_files, failure_evidence
from extractors.ingest import (
    DEFAULT_CHUNK,
    ChunkResult,
    IngestPlan,
    IngestSummary,
    Quarantined,
    Review,
    ingest_chunk,
    plan_ingest,
    write_quarantine_report,
)
from extractors.pipeline import Options
from flows.tasks import date_range_label, portal_tag, publish_failure
from hub.claims import DEFAULT_LEASE_SECONDS, default_owner
from hub.errors import InputError
from hub.settings import Settings, load_settings
from hub.store import Store
from station.links import document_link, queue_link


@task(name="bank-download", tags={portal_tag("bank")}, cache_policy=NO_CACHE, retries=2,
      retry_delay_seconds=[10, 30], retry_jitter_factor=0.2)
def bank_task(out_dir: str, since: date | None, until: date | None, base_url: str | None) -> list[Path]:
    """Download the bank's receipts and statement; on a bot failure publish its evidence, then fail."""
    try:
        return download_bank_files(Path(out_dir), since, until, base_url=base_url)
    except BotError as exc:
        publish_failure("bank download", exc, failure_evidence(exc, Path(out_dir)))
        raise


@task(name="plan-ingest", cache_policy=NO_CACHE)
def plan_task(store: Store, folders: list[Path], settings: Settings, chunk_size: int) -> IngestPlan:
    """The files not ingested yet, in chunks."""
    return plan_ingest(store, folders, settings, chunk_size)


@task(name="ingest-chunk", task_run_name="ingest chunk {number}", cache_policy=NO_CACHE)
def chunk_task(store: Store, paths: list[str], settings: Settings, options: Options, number: int) -> ChunkResult:
    """Extract one chunk (OCR on every core) and commit it in one transaction."""
    return ingest_chunk(store, paths, settings, options)


@task(name="quarantine-report", cache_policy=NO_CACHE)
def report_task(settings: Settings, quarantined: list[Quarantined], review: list[Review] | None = None) -> Path | None:
    """The run's quarantine report (Markdown, in the quarantine folder): quarantined files, rows not read,
    files stored for review."""
    return write_quarantine_report(settings, quarantined, review)


def _run_name() -> str:
    params = flow_run.parameters
    source = "bank" if params.get("bank") else Path(str(params.get("folder") or "?")).name
    return f"ingest-documents {source} {date_range_label(params.get('since'), params.get('until'))}"


@flow(name="ingest-documents", flow_run_name=_run_name)
def ingest_documents_flow(
    folder: str | None = None,
    bank: bool = False,
    bank_url: str | None = None,
    since: date | None = None,
    until: date | None = None,
    home: str | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    workers: int | None = None,
    fan_out: str | None = None,
    lease_seconds: float = DEFAULT_LEASE_SECONDS,
) -> IngestSummary:
    """Ingest every document under ``folder``, or (``bank``) what the bank portal has for the range
    (downloaded into ``folder``, default ``<home>/downloads/bank-<timestamp>``).

    ``home`` is the orderhub home (default ``$ORDERHUB_HOME``; quarantine under ``<home>/quarantine``);
    ``workers`` caps the OCR processes (default: every core). ``since``/``until`` only select what the
    bank downloads. Returns counts, the quarantined files with reasons and the report's path.

    ``fan_out`` (e.g. ``"ingest-chunk/pool"``): run each chunk as a run of that deployment, taken by any
    worker of its work pool, each claiming its files by sha256 for ``lease_seconds`` (renewed while it
    works); chunks whose worker dies are run again once their lease ran out (see :mod:`flows.fanout`).
    The folder must be readable at the same path on every worker (a shared mount).
    """
    settings = load_settings(home)
    store = Store(settings=settings)
    if bank:
        target = folder or str(settings.home / "downloads" / f"bank-{time.strftime('%Y%m%d-%H%M%S')}")
        folders = bank_task(target, since, until, bank_url)
    elif folder:
        folders = [Path(folder)]
    else:
        raise InputError("ingest-documents: give a folder, or bank=True to download from the bank portal")
    logger = get_run_logger()
    plan = plan_task(store, folders, settings, chunk_size)
    logger.info("%d files under %s (%d already ingested, skipped) in %d chunks", plan.files,
                ", ".join(str(f) for f in folders), plan.skipped, len(plan.chunks))
    summary = IngestSummary(folder=", ".join(str(f) for f in folders), files=plan.files, skipped=plan.skipped,
                            chunks=len(plan.chunks))
    options = Options(workers=workers)
    if fan_out:
        from flows.fanout import fan_out as run_chunks
        from flows.fanout import result_from_store

        done = run_chunks(plan, fan_out, {"home": home, "workers": workers}, store, lease_seconds=lease_seconds)
        summary.result = result_from_store(store, plan)
        summary.result.taken_elsewhere = done.resubmitted
        given_up = [c.number for c in done.chunks if c.state != "COMPLETED"]
        if given_up:
            raise InputError(f"ingest-documents: chunks {given_up} failed on every attempt (see their runs)")
    for number, chunk in enumerate(plan.chunks if not fan_out else [], start=1):
        summary.result.add(chunk_task(store, chunk, settings, options, number))
        logger.info("chunk %d of %d read: %d files stored so far, %d quarantined, %d for review", number,
                    len(plan.chunks), summary.result.stored, len(summary.result.quarantined), len(summary.result.review))
    for q in summary.result.quarantined:
        logger.warning("quarantined %s: %s", q.source, q.reason)
    report = report_task(settings, summary.result.quarantined, summary.result.review)
    summary.report = str(report) if report else None
    _publish(summary)
    return summary


@flow(name="ingest-chunk")
def ingest_chunk_flow(paths: list[str], number: int = 0, home: str | None = None, workers: int | None = None,
                      lease_seconds: float = DEFAULT_LEASE_SECONDS) -> dict:
    """One chunk of a fanned-out ``ingest-documents`` (any worker of the pool runs it): claim the files by
    sha256, extract the ones held, commit them in one transaction. Returns the chunk's counts."""
    settings = load_settings(home)
    store = Store(settings=settings)
    owner = default_owner(str(flow_run.id or ""))
    result = ingest_chunk(store, paths, settings, Options(workers=workers), owner=owner, lease_seconds=lease_seconds)
    return {"number": number, "owner": owner, "files": result.files, "stored": result.stored,
            "taken_elsewhere": result.taken_elsewhere, "quarantined": len(result.quarantined),
            "records_inserted": result.records_inserted}


def _publish(summary: IngestSummary) -> None:
    r = summary.result
    lines = ["# Documents ingested", "", f"Files: {summary.files} ({summary.skipped} already ingested, skipped); "
             f"{summary.chunks} chunks.", f"Stored: {r.stored} files, {r.records_inserted} new records, "
             f"{r.records_updated} changed, {r.records_unchanged} unchanged.", "",
             "| kind | files |", "|---|---|"]
    lines += [f"| {k} | {n} |" for k, n in sorted(r.by_kind.items())]
    lines += ["", f"Needs review (read and stored, a field or row to check): **{len(r.review)}**",
              f"Review them beside their page in the review station: {queue_link('documents')}",
              f"Quarantined: **{len(r.quarantined)}**" + (f" (report `{summary.report}`)" if summary.report else "")]
    create_markdown_artifact("\n".join(lines), key="ingest-documents-summary", description="ingest-documents summary")
    if r.review:
        create_table_artifact([{"file": v.source, "kind": v.kind, "fields to check": ", ".join(v.fields),
                                "rows not read": "; ".join(w.describe() for w in v.row_warnings)[:500],
                                "review station": document_link(v.sha256) if v.sha256 else ""}
                               for v in r.review], key="ingest-needs-review",
                              description="Files stored for review: fields not found or doubtful, rows not read")
    if r.quarantined:
        create_table_artifact([{"file": q.source, "reason": q.reason, "copy": q.copy or "-"} for q in r.quarantined],
                              key="ingest-quarantine", description="Files put in quarantine, with the reason")
