"""Document ingest in chunks: skip what the store already holds (by sha256), extract a chunk, and commit
the chunk's records and :class:`hub.records.SourceFile` rows in **one** transaction.

A chunk is all-or-nothing, so a process killed mid-ingest leaves whole chunks stored and the rest
untouched; the next run skips every file whose content hash has a SourceFile and reads the others.
Nothing here knows about Prefect: ``flows/ingest.py`` wraps :func:`plan_ingest`, :func:`ingest_chunk`
and :func:`write_quarantine_report`; :func:`ingest_folder` does the same work directly.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from extractors.pipeline import Batch, Options, Outcome, collect_paths, source_file
from extractors.statements.stored import keep_stored_ids
from hub.errors import InputError
from hub.records import Order, Record, RowWarning, SourceFile
from hub.settings import Settings
from hub.store import Store

DEFAULT_CHUNK = 50


@dataclass
class IngestPlan:
    """The files still to read, in chunks, and how many were skipped as already ingested."""

    chunks: list[list[str]] = field(default_factory=list)
    skipped: int = 0
    files: int = 0
    hashes: dict[str, str] = field(default_factory=dict)  # path -> sha256 of the files to read


@dataclass
class Quarantined:
    """A file that could not be read: where it was, why, and where its copy went."""

    source: str
    reason: str
    copy: str | None


@dataclass
class Review:
    """A file that was read and stored but needs a person: the fields to look at, the rows not read."""

    source: str
    kind: str
    fields: list[str] = field(default_factory=list)
    row_warnings: list[RowWarning] = field(default_factory=list)
    sha256: str = ""


@dataclass
class ChunkResult:
    """What one chunk stored."""

    files: int = 0
    stored: int = 0
    records_inserted: int = 0
    records_updated: int = 0
    records_unchanged: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    quarantined: list[Quarantined] = field(default_factory=list)
    review: list[Review] = field(default_factory=list)
    taken_elsewhere: int = 0  # files another worker had claimed or stored (claimed chunks only)

    def add(self, other: ChunkResult) -> None:
        """Fold another chunk's counts into this one."""
        self.files += other.files
        self.stored += other.stored
        self.records_inserted += other.records_inserted
        self.records_updated += other.records_updated
        self.records_unchanged += other.records_unchanged
        self.taken_elsewhere += other.taken_elsewhere
        for kind, n in other.by_kind.items():
            self.by_kind[kind] = self.by_kind.get(kind, 0) + n
        self.quarantined.extend(other.quarantined)
        self.review.extend(other.review)


@dataclass
class IngestSummary:
    """The result of a whole ingest (what ``ingest-documents`` returns)."""

    folder: str
    files: int = 0
    skipped: int = 0
    chunks: int = 0
    result: ChunkResult = field(default_factory=ChunkResult)
    report: str | None = None

    def as_dict(self) -> dict:
        """Plain values for printing or JSON."""
        r = self.result
        return {"folder": self.folder, "files": self.files, "already_ingested": self.skipped, "chunks": self.chunks,
                "stored_files": r.stored, "records_inserted": r.records_inserted,
                "records_updated": r.records_updated, "records_unchanged": r.records_unchanged,
                "by_kind": dict(sorted(r.by_kind.items())),
                "quarantined": [{"source": q.source, "reason": q.reason, "copy": q.copy} for q in r.quarantined],
                "needs_review": [{"source": v.source, "kind": v.kind, "fields": v.fields,
                                  "row_warnings": [w.payload() for w in v.row_warnings]} for v in r.review],
                "report": self.report}


def sha256_of(path: Path) -> str:
    """The content hash that identifies a file in the store."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def ingested_hashes(store: Store, hashes: Iterable[str] | None = None) -> set[str]:
    """Content hashes (of ``hashes``, or all) the store already holds a SourceFile for (stored or
    quarantined); keys only, the records are not read."""
    return store.existing_keys(SourceFile, hashes)


def _folders(folder: Path | str | Sequence[Path | str]) -> list[Path]:
    return [Path(folder)] if isinstance(folder, (str, Path)) else [Path(f) for f in folder]


def plan_ingest(store: Store, folder: Path | str | Sequence[Path | str], settings: Settings,
                chunk_size: int = DEFAULT_CHUNK) -> IngestPlan:
    """Files under ``folder`` (or several folders) not ingested yet, one path per content, in chunks."""
    folders = _folders(folder)
    for one in folders:
        if not one.exists():
            raise InputError(f"{one}: no such folder to ingest")
    if chunk_size < 1:
        raise InputError(f"chunk size must be at least 1, not {chunk_size}")
    done = ingested_hashes(store)
    paths = collect_paths(folders, exclude=settings.quarantine_dir)
    plan = IngestPlan(files=len(paths))
    todo: list[str] = []
    seen: set[str] = set()
    for path in paths:
        try:
            sha = sha256_of(path)
        except OSError:
            todo.append(str(path))  # the batch reports the read error and quarantines nothing
            continue
        if sha in done or sha in seen:
            plan.skipped += 1
            continue
        seen.add(sha)
        todo.append(str(path))
        plan.hashes[str(path)] = sha
    plan.chunks = [todo[i:i + chunk_size] for i in range(0, len(todo), chunk_size)]
    return plan


def _source_file(outcome: Outcome, threshold: float) -> SourceFile:
    path = Path(outcome.source)
    return source_file(outcome, path, path.stat().st_size, threshold, received_at=datetime.now(UTC))


def ingest_chunk(store: Store, paths: Iterable[str | Path], settings: Settings,
                 options: Options | None = None, actor: str = "ingest", *, owner: str | None = None,
                 lease_seconds: float | None = None) -> ChunkResult:
    """Extract one chunk (OCR on every core) and commit all of it in one transaction.

    With ``owner`` (many workers sharing an ingest), the chunk first claims its files by sha256
    (:mod:`hub.claims`): it reads only the files it holds, keeps their lease alive while it works, and
    stores in its commit only the files whose claim it still held (a file taken over after an expired
    lease is stored by the worker that took it). A worker killed mid-chunk stored nothing of it; its
    files are free again when the lease runs out."""
    files = [Path(p) for p in paths]
    options = options or Options()
    if owner is None:
        return _extract_and_store(store, files, settings, options, actor, None)
    from hub import claims

    lease = lease_seconds or claims.DEFAULT_LEASE_SECONDS
    hashes: dict[Path, str] = {}
    unreadable: list[Path] = []
    for path in files:
        try:
            hashes[path] = sha256_of(path)
        except OSError:
            unreadable.append(path)  # the batch reports the read error
    stored = ingested_hashes(store, hashes.values())
    held = claims.claim(store, set(hashes.values()) - stored, owner, lease)
    mine = [p for p in files if hashes.get(p) in held] + unreadable
    try:
        with claims.Lease(store, held, owner, lease):
            result = _extract_and_store(store, mine, settings, options, actor, owner)
    except BaseException:
        claims.release(store, held, owner)
        raise
    result.files = len(files)
    result.taken_elsewhere += len(files) - len(mine)
    return result


def _extract_and_store(store: Store, files: list[Path], settings: Settings, options: Options, actor: str,
                       owner: str | None) -> ChunkResult:
    threshold = options.threshold
    outcomes = Batch(settings, options, store=None, learned_from=store).run(files)  # stored below, in one commit

    def commit(batch) -> ChunkResult:  # re-run whole when the database asks for a retry
        result = ChunkResult(files=len(files))
        # a chunk re-run after a crash between planning and commit: what this transaction sees stored
        done = batch.existing_keys(SourceFile, {o.sha256 for o in outcomes if o.sha256})
        keep: set[str] | None = None
        if owner is not None:
            from hub import claims

            keep = claims.finish(batch, {o.sha256 for o in outcomes if o.sha256}, owner)
        entries: list[tuple[Record, str | None, str | None]] = []  # the chunk's records, upserted at once
        files_read: list[tuple[Record, str | None, str | None]] = []  # and their SourceFiles
        for outcome in outcomes:
            if not outcome.sha256 or outcome.duplicate_of or outcome.sha256 in done:
                if not outcome.sha256:
                    result.quarantined.append(Quarantined(outcome.source, outcome.error or "unreadable", None))
                continue
            if keep is not None and outcome.sha256 not in keep:
                result.taken_elsewhere += 1
                continue
            if outcome.ok:
                path = Path(outcome.source)
                note, attachment = f"extracted from {path.name}", str(path.resolve())
                outcome.records = keep_stored_ids(batch, _keep_desk_state(store, outcome.records))
                entries += [(record, note, attachment) for record in outcome.records]
                files_read.append((_source_file(outcome, threshold), None, None))
                result.stored += 1
                kind = outcome.kind or "unknown"
                result.by_kind[kind] = result.by_kind.get(kind, 0) + 1
                if outcome.status(threshold) == "needs_review":
                    result.review.append(Review(outcome.source, kind, outcome.needs_review(threshold),
                                                list(outcome.row_warnings), sha256=outcome.sha256))
            else:
                files_read.append((_source_file(outcome, threshold), "quarantined", None))
                result.quarantined.append(Quarantined(outcome.source, outcome.error or "", outcome.quarantined))
        upserted = batch.upsert_noted(entries)
        batch.upsert_noted(files_read)
        result.records_inserted = len(upserted.inserted)
        result.records_updated = len(upserted.updated)
        result.records_unchanged = len(upserted.unchanged)
        return result

    return store.transaction(commit, actor)


def _keep_desk_state(store: Store, records: list[Record]) -> list[Record]:
    """Orders in a dropped order export keep what the order desk added to the stored ones."""
    from hub.orderdesk.imports import keep_desk_state

    orders = [r for r in records if isinstance(r, Order)]
    if not orders:
        return records
    kept = iter(keep_desk_state(store, orders))
    return [next(kept) if isinstance(r, Order) else r for r in records]


def quarantine_report(quarantined: list[Quarantined], review: list[Review] | None = None) -> str:
    """The report's Markdown: quarantined files (not read at all), then the rows of read files that could
    not be read (file, sheet, row, column, cell, reason), then the files stored for review."""
    review = review or []
    rows_bad = [(v, w) for v in review for w in v.row_warnings]
    parts = [f"# 隔离文件 Quarantined files ({len(quarantined)})", "",
             "Files that could not be read at all; a copy and its reason are in the quarantine folder.", ""]
    if quarantined:
        parts += ["| file | reason | copy |", "|---|---|---|"]
        parts += [f"| {_cell(q.source)} | {_cell(q.reason)} | {_cell(q.copy or '-')} |" for q in quarantined]
    else:
        parts.append("None.")
    parts += ["", f"# 未读行 Rows not read ({len(rows_bad)})", "",
              "Rows of files that were imported without them; every other row of each file was imported.", ""]
    if rows_bad:
        parts += ["| file | sheet | row | column | cell | reason |", "|---|---|---|---|---|---|"]
        parts += [f"| {_cell(v.source)} | {_cell(w.sheet or '')} | {w.row if w.row is not None else ''} | "
                  f"{_cell(w.column or '')} | {_cell(w.cell or '')} | {_cell(w.reason)} |" for v, w in rows_bad]
    else:
        parts.append("None.")
    parts += ["", f"# 待复核 Stored for review ({len(review)})", "",
              "Files read and stored, with fields not found or doubtful: a person checks them.", ""]
    if review:
        parts += ["| file | kind | fields to check |", "|---|---|---|"]
        parts += [f"| {_cell(v.source)} | {_cell(v.kind)} | {_cell(', '.join(v.fields) or 'rows above')} |"
                  for v in review]
    else:
        parts.append("None.")
    return "\n".join(parts) + "\n"


def report_from_store(store: Store) -> str:
    """The report over every file the store knows: quarantined and stored for review."""
    quarantined = [Quarantined(f.path, f.quarantine_reason or "", None)
                   for f in store.all(SourceFile, status="quarantined")]
    review = [Review(f.path, f.kind, list(f.review_fields), list(f.row_warnings))
              for f in store.all(SourceFile, status="needs_review")]
    return quarantine_report(quarantined, review)


def write_quarantine_report(settings: Settings, quarantined: list[Quarantined],
                            review: list[Review] | None = None) -> Path | None:
    """This run's report (:func:`quarantine_report`) in the quarantine folder; None when there is nothing
    to report."""
    if not quarantined and not review:
        return None
    folder = settings.quarantine_dir
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = folder / f"report-{stamp}.md"
    path.write_text(quarantine_report(quarantined, review), encoding="utf-8")
    return path


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def ingest_folder(store: Store, folder: Path | str | Sequence[Path | str], settings: Settings, *, chunk_size: int = DEFAULT_CHUNK,
                  options: Options | None = None) -> IngestSummary:
    """The whole ingest without an orchestrator: plan, every chunk in turn, the quarantine report."""
    plan = plan_ingest(store, folder, settings, chunk_size)
    summary = IngestSummary(folder=", ".join(str(f) for f in _folders(folder)), files=plan.files, skipped=plan.skipped, chunks=len(plan.chunks))
    for chunk in plan.chunks:
        summary.result.add(ingest_chunk(store, chunk, settings, options))
    report = write_quarantine_report(settings, summary.result.quarantined, summary.result.review)
    summary.report = str(report) if report else None
    return summary
