"""The batch runner behind ``orderhub extract``: walk paths, hash each file, detect its kind, run the
right extractor, quarantine what cannot be read, and (optionally) upsert the records into the store.

Every file gives one :class:`Outcome`; a bad file never stops the batch. With a store, each good file is
one transaction (its records plus its :class:`hub.records.SourceFile`); a quarantined file only adds or
leaves its SourceFile, never touching records already stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.quarantine import quarantine_file
from extractors.registry import DOCUMENT_KINDS, KINDS, builtin, document_reader
from extractors.remittances import RemittanceDocument
from extractors.statements.pdf import StatementPdf
from hub.errors import InputError, OrderhubError
from hub.records import FieldSource, Order, PageInfo, PartialRecord, Record, RowWarning, SourceFile
from hub.records.files import field_sources
from hub.settings import Settings
from hub.store import Store

#: Fields below this confidence are listed in ``needs_review``.
DEFAULT_THRESHOLD = 0.9
PDF_MAGIC = b"%PDF"
IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM", b"RIFF")
TABLE_SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls"}
STATEMENT_SUFFIXES = {".sta", ".mt940", ".940", ".xml", ".camt", ".053"}
IGNORED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
#: files that may be a payer's remittance advice (a sheet, an e-mail, a text); a PDF is told by its title
#: an e-mail telling of money received (PayPal's "You've got money"): read as a receipt from its text
MAIL_RECEIPT = "mail-receipt"
REMITTANCE_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv", ".tsv", ".txt", ".eml", ".text"}


@dataclass
class Outcome:
    """What became of one file."""

    source: str
    sha256: str
    kind: str | None = None
    records: list[Record] = field(default_factory=list)
    single: bool = False  # a document (one record) rather than a statement or order export
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    error: str | None = None
    quarantined: str | None = None
    stored: dict[str, int] | None = None
    ocr: bool = False
    duplicate_of: str | None = None
    part_of: str | None = None  # a later page's scan: its document was read from the first page's file
    row_warnings: list[RowWarning] = field(default_factory=list)
    sources: dict[str, FieldSource] = field(default_factory=dict)
    pages: list[PageInfo] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None

    def needs_review(self, threshold: float = DEFAULT_THRESHOLD) -> list[str]:
        """Fields whose confidence is under ``threshold`` (a field not found has confidence 0), and the
        required fields a document record lacks."""
        names = {k for k, v in self.confidence.items() if v < threshold}
        for record in self.records if self.single else ():
            if isinstance(record, PartialRecord):
                names.update(record.missing())
        return sorted(names)

    def status(self, threshold: float = DEFAULT_THRESHOLD) -> str:
        """``quarantined`` (not read), ``needs_review`` (read, but a field or row needs a person) or
        ``stored`` (read cleanly); a duplicate or a later page takes its original's status."""
        if self.error is not None:
            return "quarantined"
        if self.row_warnings or self.needs_review(threshold):
            return "needs_review"
        return "stored"

    def field_sources(self) -> dict[str, FieldSource]:
        """Per field: confidence, and where on the document it was read when known."""
        return field_sources(self.confidence, self.sources)

    def to_json(self, threshold: float = DEFAULT_THRESHOLD) -> dict[str, Any]:
        """The JSON Lines object documented in the README (``## orderhub extract``)."""
        if self.error is not None:
            out: dict[str, Any] = {"source": self.source, "sha256": self.sha256, "kind": self.kind,
                                   "error": self.error}
            if self.quarantined:
                out["quarantined"] = self.quarantined
            return out
        out = {"source": self.source, "sha256": self.sha256, "kind": self.kind,
               "record_kind": self.records[0].KIND if self.records else None}
        if self.single:
            out["record"] = self.records[0].payload() if self.records else None
        else:
            out["records"] = [r.payload() for r in self.records]
        out["status"] = self.status(threshold)
        out["confidence"] = {k: round(v, 3) for k, v in sorted(self.confidence.items())}
        out["warnings"] = list(self.warnings)
        out["needs_review"] = self.needs_review(threshold)
        if self.row_warnings:
            out["row_warnings"] = [w.payload() for w in self.row_warnings]
        if self.skipped:
            out["skipped"] = list(self.skipped)
        if self.ocr:
            out["ocr"] = True
        if self.stored is not None:
            out["stored"] = self.stored
        if self.duplicate_of:
            out["duplicate_of"] = self.duplicate_of
        if self.part_of:
            out["part_of"] = self.part_of
        return out


def collect_paths(paths: Iterable[Path | str], *, exclude: Path | None = None) -> list[Path]:
    """Files named and files under folders named (recursive, sorted, hidden files skipped), each once."""
    out: list[Path] = []
    seen: set[Path] = set()
    skip = exclude.resolve() if exclude else None
    for item in paths:
        path = Path(item)
        if not path.exists():  # reported by the batch as this path's error; the others go on
            out.append(path)
            continue
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for f in files:
            resolved = f.resolve()
            if resolved in seen or f.name in IGNORED_NAMES or (path.is_dir() and f.name.startswith(".")):
                continue
            if skip and (resolved == skip or skip in resolved.parents):
                continue
            seen.add(resolved)
            out.append(f)
    return out


def sniff(path: Path, data: bytes) -> str:
    """``document``, ``statement``, ``table`` (statement or order export) or ``unknown`` from the bytes."""
    from extractors.documents import DOCUMENT_SUFFIXES
    from extractors.statements import detect_format

    if data.startswith(PDF_MAGIC) or path.suffix.lower() in DOCUMENT_SUFFIXES:
        return "document"  # named as a PDF or an image: reading it tells what is wrong with it
    if data.startswith(IMAGE_MAGIC) and not data.startswith(b"PK"):
        return "document"
    fmt = detect_format(data)
    if fmt in ("mt940", "camt053", "bai2", "ofx", "qif"):
        return "statement"
    if path.suffix.lower() in TABLE_SUFFIXES or data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return "table"
    if fmt == "table" and path.suffix.lower() in STATEMENT_SUFFIXES:
        return "statement"
    return "unknown"


def _table_kind(path: Path, data: bytes) -> str:
    """``orders`` when a sheet has an order header (ids, quantities, prices), ``statement`` when one has a
    statement header (dates, amounts) or none but rows whose cells say which columns they are (a date, a figure, a
    text on every row: :func:`extractors.statements.headerless.infer_header`); else an InputError naming what is
    missing."""
    from extractors.columns import find_header, load_fields
    from extractors.orders import COLUMNS
    from extractors.spreadsheets import read_sheets
    from extractors.statements.tables import COLUMNS as STATEMENT_COLUMNS

    sheets = read_sheets(path, data)
    partial: list[InputError] = []
    for what, name, kind in (("order", COLUMNS, "orders"), ("statement", STATEMENT_COLUMNS, "statement")):
        fields = load_fields(name)
        for sheet in sheets:
            try:
                find_header(sheet.rows, fields, source=str(path), what=what)
                return kind
            except InputError as exc:
                if "has no column for" in str(exc):
                    partial.append(exc)
    if partial:  # a header was found but a required column is missing: say which
        raise partial[-1]
    from extractors.statements.headerless import infer_header

    if any(infer_header(sheet.rows) for sheet in sheets):  # a statement csv printing no header row (Wells Fargo)
        return "statement"
    raise InputError("is neither an order export nor a bank statement: no header row with order ids, quantities "
                     "and prices, nor one with dates and amounts, in its first rows", source=str(path))


@dataclass
class Options:
    """How a batch runs."""

    kind: str = "auto"
    threshold: float = DEFAULT_THRESHOLD
    channel: str = "dealer"
    customer: str | None = None
    bank: str | None = None
    account: str | None = None
    workers: int | None = None
    quarantine: bool = True
    #: read documents as ``kind`` even when their title says another kind (a person's decision, needs a kind)
    force_kind: bool = False


class Batch:
    """One run over many files."""

    def __init__(self, settings: Settings, options: Options, store: Store | None = None,
                 progress: Callable[[str, int, int], None] | None = None, *,
                 learned_from: Store | None = None) -> None:
        """``store``: where the records go (None: not stored); ``learned_from`` (default ``store``): whose
        reviewers' corrections teach where each issuer prints a field (extractors/documents/learned.py)."""
        if options.kind not in KINDS:
            raise InputError(f"unknown kind {options.kind!r} (expected one of: {', '.join(KINDS)})")
        if options.force_kind and options.kind not in DOCUMENT_KINDS:
            raise InputError(f"forcing a kind needs a document kind ({', '.join(sorted(DOCUMENT_KINDS))}), not "
                             f"{options.kind!r}")
        self.settings, self.options, self.store, self.progress = settings, options, store, progress
        self.learned_from = learned_from or store

    def run(self, paths: Sequence[Path]) -> list[Outcome]:
        """Read every file; the outcomes come back in the order of ``paths``."""
        outcomes: list[Outcome | None] = [None] * len(paths)
        documents: list[tuple[int, Path, str, int]] = []  # bytes are not kept: batches of scans are large
        first_of: dict[str, Outcome] = {}
        for index, path in enumerate(paths):
            try:
                data = path.read_bytes()
            except OSError as exc:
                outcomes[index] = Outcome(str(path), "", error=f"cannot read the file ({exc.strerror or exc})")
                continue
            sha = hashlib.sha256(data).hexdigest()
            outcome = Outcome(str(path), sha)
            outcomes[index] = outcome
            if sha in first_of:  # the same content twice in one batch: read once
                original = first_of[sha]
                outcome.kind, outcome.duplicate_of = original.kind, original.source
                outcome.warnings.append(f"same content as {original.source}; read once")
                continue
            first_of[sha] = outcome
            try:
                kind = self._kind(path, data)
                outcome.kind = kind
                if kind in DOCUMENT_KINDS or kind == "document":
                    documents.append((index, path, sha, len(data)))
                    continue
                self._structured(outcome, path, data, kind)
            except OrderhubError as exc:
                outcome.error = _reason(exc, path)
            except Exception as exc:  # a bug of ours must not stop the batch; name it plainly
                outcome.error = f"unexpected error while reading ({type(exc).__name__}: {exc})"
            self._finish(outcome, path, data, len(data))
            if self.progress:
                self.progress(str(path), index + 1, len(paths))
        if documents:
            self._documents(documents, outcomes)
        done = [o for o in outcomes if o is not None]
        by_source = {o.source: o for o in done}
        for o in done:
            if o.duplicate_of:
                o.kind = by_source[o.duplicate_of].kind
        return done

    # -- kinds ----------------------------------------------------------------------------------------
    def _kind(self, path: Path, data: bytes) -> str:
        if not data:
            raise InputError("is empty (0 bytes)", source=str(path))
        found = sniff(path, data)
        wanted = self.options.kind
        if found == "document" and wanted == "statement" and data.startswith(PDF_MAGIC):
            from extractors.statements.pdf import looks_like_pdf_statement

            if looks_like_pdf_statement(data):  # a 对账单 printed as a PDF: its table is read like an export
                return "statement"
        if wanted == "remittance":
            return wanted  # a payer's remittance advice: PDF, sheet, e-mail or text
        if wanted == "auto":
            if found in ("table", "unknown") and path.suffix.lower() in REMITTANCE_SUFFIXES:
                from extractors.remittances import looks_like_remittance

                if looks_like_remittance(path, data):
                    return "remittance"
                from extractors.documents.receipt_mail import looks_like_payment_mail

                if looks_like_payment_mail(path, data):
                    return MAIL_RECEIPT
            if found == "table":
                return _table_kind(path, data)
            if found == "unknown":
                raise InputError("is not a file orderhub reads (PDF, image, csv/xls/xlsx, MT940, CAMT.053, BAI2, OFX, QIF)",
                                 source=str(path))
            return found
        if wanted in DOCUMENT_KINDS and found != "document":
            raise InputError(f"kind {wanted} needs a PDF or an image; this is not one", source=str(path))
        if wanted in ("statement", "orders") and found == "document":
            raise InputError(f"kind {wanted} reads csv/xls/xlsx exports (statements also MT940/CAMT.053), not "
                             "PDFs or images", source=str(path))
        return wanted

    def _structured(self, outcome: Outcome, path: Path, data: bytes, kind: str) -> None:
        if kind == "statement":
            from extractors.statements import read_statement

            result = read_statement(path, data, bank=self.options.bank, account=self.options.account)
            outcome.records = list(result.lines)
            outcome.confidence, outcome.warnings, outcome.skipped = result.confidence, result.warnings, result.skipped
            outcome.row_warnings = list(result.row_warnings)
            if not result.lines:
                outcome.warnings.append("the statement holds no transactions")
        elif kind == "orders":
            from extractors.orders import read_orders

            orders = read_orders(path, data, channel=self.options.channel, customer=self.options.customer)
            outcome.records = list(orders.orders)
            outcome.confidence, outcome.warnings, outcome.skipped = orders.confidence, orders.warnings, orders.skipped
            outcome.row_warnings = list(orders.row_warnings)
        elif kind == "remittance":
            from extractors.remittances import read_remittance

            self._document(outcome, read_remittance(path, data))
        elif kind == MAIL_RECEIPT:
            from extractors.documents.receipt_mail import read_mail_receipt

            outcome.kind = "receipt"
            self._document(outcome, read_mail_receipt(data, source=str(path)))
        else:
            raise InputError(f"no extractor for kind {kind!r}", source=str(path))

    def _documents(self, items: list[tuple[int, Path, str, int]], outcomes: list[Outcome | None]) -> None:
        by_kind: dict[str, list[tuple[int, Path, str, int]]] = {}
        for item in items:
            kind = outcomes[item[0]].kind or "document"  # type: ignore[union-attr]
            by_kind.setdefault("auto" if kind == "document" else kind, []).append(item)
        for kind, group in by_kind.items():
            reader = document_reader(kind)
            if reader is None:
                results: list[Any] = [InputError(f"no extractor for kind {kind!r} yet (PDFs and images need "
                                                 "extractors.documents)", source=str(p)) for _, p, _, _ in group]
            else:
                def tick(finished: int, total: int) -> None:
                    if self.progress:
                        self.progress("OCR pages", finished, total)

                # scans of one document's pages (X_p1.jpg, X_p2.jpg) are read as one document
                from extractors.documents import group_pages

                docs = group_pages([p for _, p, _, _ in group])
                first_page = {str(Path(d[0] if isinstance(d, list) else d)): d for d in docs}
                extra: dict[str, Any] = {}
                if self.learned_from is not None and builtin(kind):  # fields read where corrections taught
                    from extractors.documents.learned import StoreLayouts

                    extra["layouts"] = StoreLayouts(self.learned_from, self.options.threshold)
                if self.options.force_kind and builtin(kind):
                    extra["insist"] = True
                try:
                    read = reader(docs, kind, workers=self.options.workers, progress=tick, **extra)
                except Exception as exc:  # the whole group failed: report it on each file
                    read = [InputError(f"document extraction failed ({type(exc).__name__}: {exc})",
                                       source=str(d[0] if isinstance(d, list) else d)) for d in docs]
                by_first = dict(zip(first_page, read, strict=True))
                later = {str(page): str(pages[0]) for pages in docs if isinstance(pages, list) for page in pages[1:]}
                results = [by_first.get(str(p)) or _LaterPage(later[str(p)]) for _, p, _, _ in group]
            pairs = sorted(zip(group, results, strict=True), key=lambda gr: isinstance(gr[1], _LaterPage))
            for (index, path, _sha, size), result in pairs:  # first pages before the pages read with them
                outcome = outcomes[index]
                assert outcome is not None
                if isinstance(result, _LaterPage):
                    first = outcomes[next(i for i, p, _, _ in group if str(p) == result.first)]
                    outcome.kind = first.kind if first is not None and first.ok else outcome.kind
                    outcome.error = None if first is None or first.ok else f"a later page of {result.first}, " \
                                                                            f"which could not be read: {first.error}"
                    outcome.part_of = result.first
                    outcome.single = True
                    if outcome.error is None:
                        outcome.warnings.append(f"page of {Path(result.first).name}; read with it")
                    self._finish(outcome, path, None, size)
                    continue
                if isinstance(result, StatementPdf | RemittanceDocument):  # read like an export / an advice
                    try:
                        outcome.kind = "statement" if isinstance(result, StatementPdf) else "remittance"
                        if isinstance(result, StatementPdf) and result.words:
                            from extractors.statements.scanned import remember

                            remember(str(path), result.words)  # the statement reader takes them, not OCR again
                        if isinstance(result, RemittanceDocument) and getattr(result, "words", None):
                            from extractors.remittances import read_scanned

                            self._document(outcome, read_scanned(result.words, source=str(path)))  # a scan's words
                        else:
                            self._structured(outcome, path, path.read_bytes(), outcome.kind)
                    except (OrderhubError, OSError) as exc:
                        outcome.error = _reason(exc, path) if isinstance(exc, OrderhubError) else str(exc)
                elif isinstance(result, Exception):
                    outcome.error = _reason(result, path)
                else:
                    outcome.kind = result.kind.replace("_", "-")
                    self._document(outcome, result)
                self._finish(outcome, path, None, size)

    @staticmethod
    def _document(outcome: Outcome, result: Any) -> None:
        """Take one document's record (keyed by the file while its key is incomplete), confidences and warnings."""
        records = []
        for part in [result, *getattr(result, "more", [])]:
            record = part.record
            if isinstance(record, PartialRecord) and record.natural_key() != \
                    record.model_copy(update={"file_sha256": outcome.sha256}).natural_key():
                record = record.model_copy(update={"file_sha256": outcome.sha256})  # key incomplete
            records.append(record)
        outcome.records = records
        outcome.single = len(records) == 1
        outcome.confidence = dict(result.confidence)
        outcome.warnings = list(result.warnings)
        for no, part in enumerate(getattr(result, "more", []), start=1):  # a page of several receipts
            if no == 1:
                outcome.confidence = {f"records[0].{k}": v for k, v in result.confidence.items()}
            outcome.confidence.update({f"records[{no}].{k}": v for k, v in part.confidence.items()})
            outcome.warnings += [f"receipt {no + 1}: {w}" for w in part.warnings]
        outcome.ocr = bool(getattr(result, "ocr", False))
        outcome.sources = dict(getattr(result, "sources", {}) or {})
        outcome.pages = list(getattr(result, "pages", []) or [])
        outcome.row_warnings = list(getattr(result, "row_warnings", []) or [])

    # -- side effects ----------------------------------------------------------------------------------
    def _finish(self, outcome: Outcome, path: Path, data: bytes | None, size: int) -> None:
        """Quarantine a failed file (from ``data`` when given, else copied from ``path``); store a good one."""
        if outcome.error is not None:
            if self.options.quarantine and outcome.sha256:
                try:
                    outcome.quarantined = str(quarantine_file(path, outcome.sha256, outcome.error,
                                                              self.settings.quarantine_dir, data=data))
                except OSError as exc:
                    outcome.warnings.append(f"could not copy the file to the quarantine ({exc})")
            if self.store is not None and outcome.sha256:
                self._store_quarantined(outcome, path, size)
            return
        if self.store is not None:
            self._store(outcome, path, size)

    def _store(self, outcome: Outcome, path: Path, size: int) -> None:
        assert self.store is not None
        from extractors.statements.stored import keep_stored_ids
        from hub.orderdesk.imports import keep_desk_state

        orders = [r for r in outcome.records if isinstance(r, Order)]
        if orders:  # a re-imported order keeps what the order desk added to it
            kept = iter(keep_desk_state(self.store, orders))
            outcome.records = [next(kept) if isinstance(r, Order) else r for r in outcome.records]
        try:
            with self.store.batch() as batch:
                existing = batch.get(SourceFile, outcome.sha256)
                outcome.records = keep_stored_ids(batch, outcome.records, existing.record_keys if existing else ())
                result = batch.upsert(outcome.records, note=f"extracted from {path.name}",
                                      attachment=str(path.resolve()))
                batch.upsert([source_file(outcome, path, size, self.options.threshold,
                                          received_at=existing.received_at if existing else None)])
            outcome.stored = {"inserted": len(result.inserted), "updated": len(result.updated),
                              "unchanged": len(result.unchanged)}
        except OrderhubError as exc:
            outcome.error = f"could not store the records: {exc}"
            outcome.records = []

    def _store_quarantined(self, outcome: Outcome, path: Path, size: int) -> None:
        assert self.store is not None
        existing = self.store.get(SourceFile, outcome.sha256)
        if existing is not None and existing.status in ("stored", "needs_review"):
            return  # this content was read before; its records stay as they are
        try:
            with self.store.batch() as batch:
                batch.upsert([source_file(outcome, path, size, self.options.threshold,
                                          received_at=existing.received_at if existing else None)],
                             note="quarantined")
        except OrderhubError as exc:
            outcome.warnings.append(f"could not record the quarantine in the store ({exc})")


def source_file(outcome: Outcome, path: Path, size: int, threshold: float = DEFAULT_THRESHOLD, *,
                received_at: Any = None) -> SourceFile:
    """The :class:`SourceFile` row for a file read (or quarantined) in a batch: its status, the keys of
    what it produced, and for review the fields, warnings, unreadable rows and where each field was read."""
    status = outcome.status(threshold)
    read = status != "quarantined"
    return SourceFile(sha256=outcome.sha256, path=str(path.resolve()), kind=outcome.kind or "unknown",
                      status=status, quarantine_reason=outcome.error if not read else None, size_bytes=size,
                      received_at=received_at, ocr=outcome.ocr,
                      record_keys=[f"{r.KIND}:{r.natural_key()}" for r in outcome.records] if read else [],
                      review_fields=outcome.needs_review(threshold) if read else [],
                      warnings=list(outcome.warnings) if read else [],
                      row_warnings=list(outcome.row_warnings) if read else [],
                      fields=outcome.field_sources() if read and outcome.single else {},
                      pages=list(outcome.pages) if read else [])


@dataclass
class _LaterPage:
    """Stands for the result of a page scan that was read as part of its first page's document."""

    first: str


def _reason(exc: Exception, path: Path) -> str:
    """The error text without the file name prefix (the JSON names the file in ``source``)."""
    text = str(exc)
    for prefix in (f"{path}: ", f"{path.resolve()}: "):
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def extract_paths(paths: Iterable[Path | str], settings: Settings, options: Options | None = None, *,
                  store: Store | None = None,
                  progress: Callable[[str, int, int], None] | None = None) -> list[Outcome]:
    """Collect files under ``paths`` and read them all (see :class:`Batch`)."""
    options = options or Options()
    files = collect_paths(paths, exclude=settings.quarantine_dir)
    return Batch(settings, options, store, progress).run(files)


def extract_records(path: Path | str, *, kind: str = "auto", settings: Settings | None = None,
                    **options: Any) -> list[Record]:
    """Every record read from a file or a folder, for library callers (no store, no quarantine).

    Raises :class:`InputError` listing each file that could not be read and why.
    """
    from hub.settings import load_settings

    outcomes = extract_paths([path], settings or load_settings(), Options(kind=kind, quarantine=False, **options))
    failed = [o for o in outcomes if not o.ok]
    if failed:
        raise InputError("; ".join(f"{o.source}: {o.error}" for o in failed))
    return [r for o in outcomes for r in o.records]
