"""Documents to records: invoices, bank receipts (电子回单), packing lists and delivery notes (送货单), from digital PDFs,
image-only PDFs and scans alike (positioned words from pdfplumber or OCR, one layout engine).

    from extractors.documents import extract_document, extract_documents
    result = extract_document("invoice.pdf")                 # kind detected; DocumentResult
    results = extract_documents(paths, workers=2)            # scans OCR'd in parallel
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extractors.documents.classify import classify
from extractors.documents.result import DocumentResult
from extractors.words import Word
from hub.errors import InputError
from hub.records import PageInfo

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"}
DOCUMENT_SUFFIXES = {".pdf", *IMAGE_SUFFIXES}


def _readers() -> dict[str, Callable[..., DocumentResult]]:
    from extractors.documents.deliveries import read_delivery
    from extractors.documents.invoices import read_invoice
    from extractors.documents.packing_lists import read_packing_list
    from extractors.documents.receipts import read_receipt

    return {"invoice": read_invoice, "receipt": read_receipt, "packing_list": read_packing_list,
            "delivery": read_delivery}


@dataclass
class _Pending:
    path: Path
    words: list[Word] = field(default_factory=list)
    ocr_sources: list = field(default_factory=list)
    error: InputError | None = None
    pages: dict[int, PageInfo] = field(default_factory=dict)
    #: the text pages' vertical ruling lines by page number (x, top, bottom), for item tables
    rules: dict[int, list[tuple[float, float, float]]] = field(default_factory=dict)
    #: OCR'd pages with a seal: their words with the seals' bands read unmasked (see documents.readings)
    seal_pages: dict[int, list[Word]] = field(default_factory=dict)

    def ocr_done(self, src, page) -> None:
        """Take an OCR'd page's words and size (its number is its place among this item's sources)."""
        # a PDF's image page keeps its number; image files (and a TIFF's frames) of one document are its pages in order
        pdf_page = isinstance(src, tuple) and Path(src[0]).suffix.lower() == ".pdf"
        number = _source_page(src) if pdf_page else self.ocr_sources.index(src) + 1
        page.words = [w if w.page == number else _on_page(w, number) for w in page.words]
        self.words.extend(page.words)
        if getattr(page, "seal_words", None) is not None:
            from extractors.ocr.seals import second_reading

            self.seal_pages[number] = second_reading(page.words, [_on_page(w, number) for w in page.seal_words],
                                                     page.seal_bands)
        self.pages[number] = PageInfo(number=number, width=page.width, height=page.height, unit="px",
                                      rotation=page.rotation,
                                      image=None if isinstance(src, tuple) else str(src))

    def page_list(self) -> list[PageInfo]:
        return [self.pages[n] for n in sorted(self.pages)]

    def second_words(self) -> list[Word] | None:
        """The words with every sealed page's second reading in place of its first (None: no seal)."""
        if not self.seal_pages:
            return None
        kept = [w for w in self.words if w.page not in self.seal_pages]
        return sorted(kept + [w for n in self.seal_pages for w in self.seal_pages[n]], key=lambda w: w.page)


def _source_page(src) -> int:
    """The page number an OCR source stands for: ``(pdf or multi-page image, n)`` is page n, an image page 1."""
    return int(src[1]) if isinstance(src, tuple) else 1


def _prepare(source: Path | Sequence[Path]) -> _Pending:
    """Words from the text layer now, OCR sources for later; a sequence of paths is one document's pages."""
    if not isinstance(source, Path | str):
        paths = [Path(p) for p in source]
        item = _Pending(paths[0])
        for number, page_path in enumerate(paths, start=1):
            part = _prepare(page_path)
            item.words.extend(w if w.page == number else _on_page(w, number) for w in part.words)
            item.ocr_sources.extend(part.ocr_sources)
            for r in part.rules.values():  # a one-page file: its page is this document's page ``number``
                item.rules[number] = r
            for info in part.pages.values():
                item.pages[number] = info.model_copy(update={"number": number})
        return item
    path = Path(source)
    from extractors.pdfwords import read_pdf

    item = _Pending(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        for page in read_pdf(path):
            if page.image_only:
                item.ocr_sources.append((str(path), page.number))
            else:
                item.words.extend(page.words)
                item.rules[page.number] = page.rules
                item.pages[page.number] = PageInfo(number=page.number, width=page.width, height=page.height)
    elif suffix in IMAGE_SUFFIXES:
        from extractors.ocr.base import image_frames, load_image

        img = load_image(path)  # validates the file here (bombs, corrupt) with a clear error
        h, w = img.shape[:2]
        if min(h, w) < 200:
            raise InputError(f"the image is {w}x{h} pixels, too small to be a document page", source=str(path))
        frames = image_frames(path)  # a multi-page TIFF (a fax, a scanner's batch): every page is read
        item.ocr_sources.extend([str(path)] if frames == 1 else [(str(path), n) for n in range(1, frames + 1)])
    else:
        raise InputError(f"not a document this reader knows ({path.suffix or 'no extension'}; expected PDF or an "
                         "image)", source=str(path))
    return item


def _on_page(word: Word, page: int) -> Word:
    from dataclasses import replace

    return replace(word, page=page)


_PAGE_SUFFIX = re.compile(r"^(?P<stem>.+?)[_-]p(?:age)?(?P<no>\d{1,3})$", re.I)


def group_pages(paths: Sequence[Path | str]) -> list[Path | list[Path]]:
    """Scans of one document's pages (``X_p1.jpg``, ``X_p2.jpg``) grouped into one item, in page order;
    other files stay single. The order of first appearance is kept."""
    out: list[Path | list[Path]] = []
    groups: dict[tuple[Path, str], list[Path]] = {}
    for p in map(Path, paths):
        m = _PAGE_SUFFIX.match(p.stem)
        if m is None or p.suffix.lower() not in IMAGE_SUFFIXES:
            out.append(p)
            continue
        key = (p.parent, m.group("stem"))
        if key not in groups:
            groups[key] = []
            out.append(groups[key])  # type: ignore[arg-type]
        groups[key].append(p)
    for pages in groups.values():
        pages.sort(key=lambda q: int(_PAGE_SUFFIX.match(q.stem).group("no")))
    return [p[0] if isinstance(p, list) and len(p) == 1 else p for p in out]


def _read_item(path: Path | str, workers: int | None) -> _Pending:
    item = _prepare(Path(path))
    if item.ocr_sources:
        from extractors.ocr import ocr_pages

        for src, page in zip(item.ocr_sources, ocr_pages(item.ocr_sources, workers=workers), strict=True):
            item.ocr_done(src, page)
    return item


def words_of(path: Path | str, *, workers: int | None = 1) -> tuple[list[Word], bool]:
    """The positioned words of a document file and whether OCR produced them."""
    item = _read_item(path, workers)
    return item.words, bool(item.ocr_sources)


def _receipts(words: list[Word], source: str | None, ocr: bool) -> DocumentResult:
    """One receipt, or each receipt of a page that prints several (:mod:`receipt_pages`): the first result with
    the others in its ``more``; a band that does not read as a receipt is said in the first one's warnings."""
    from extractors.documents.receipt_pages import receipt_bands
    from extractors.documents.receipts import read_receipt

    bands = receipt_bands(words)
    if len(bands) == 1:
        return read_receipt(words, source=source, ocr=ocr)
    results: list[DocumentResult] = []
    failed: list[str] = []
    for no, band in enumerate(bands, start=1):
        try:
            results.append(read_receipt(band, source=source, ocr=ocr))
        except InputError as exc:
            failed.append(f"receipt {no} of {len(bands)} not read: {str(exc).removeprefix(f'{source}: ')}")
    if not results:
        return read_receipt(words, source=source, ocr=ocr)
    first, *more = results
    first.more = more
    first.warnings.append(f"the document prints {len(bands)} receipts: each is read as a record of its own")
    first.warnings += failed
    return first


def read_words(words: list[Word], kind: str = "auto", *, source: str | None = None, ocr: bool = False,
               rules: dict[int, list[tuple[float, float, float]]] | None = None, insist: bool = False) -> DocumentResult:
    """Extract a record of ``kind`` (``auto``: detected) from positioned words; OCR words (``ocr``) without a fax
    machine's header line (:mod:`extractors.ocr.faxes`), levelled
    where the page still slopes (:mod:`extractors.ocr.level`) and with the blanks their character spacing shows
    put back (:mod:`extractors.ocr.blanks`). ``rules``: a PDF's vertical
    ruling lines by page, which an invoice's item table takes its column boundaries from. ``insist``: read as
    ``kind`` even when the title says another kind of document (a person's decision: a true invoice refused as
    a quotation)."""
    if ocr:
        from extractors.ocr import prepare_words

        words = prepare_words(words)
    kind = kind.replace("-", "_")
    if kind in ("auto", "receipt") and words:
        from extractors.documents.swift_copy import looks_like_mt103, read_mt103

        if looks_like_mt103(words):  # a SWIFT MT103 printed: its field tags, not labels, say the receipt
            return read_mt103(words, source=source, ocr=ocr)
    if kind == "auto" and words:
        from extractors.statements.pdf import StatementPdf, statement_table_in

        if statement_table_in(words):  # a bank's statement (PDF or scan): the pipeline reads its table as one
            raise StatementPdf(source, words if ocr else None)  # a scan's words go with it: no second OCR
    if kind == "auto":
        if not words:
            raise InputError("no text found on the document (blank page or not a document)", source=source)
        if ocr:
            _scanned_advice(words, source)
        found = classify(words)
        _refuse_other_kind(words, found, source, auto=True, ocr=ocr)
        if found is None:
            raise InputError("not recognised as an invoice, bank receipt, packing list or delivery note", source=source)
        kind = found
    elif not insist:
        _refuse_other_kind(words, kind, source)
    readers = _readers()
    if kind not in readers:
        raise InputError(f"unknown document kind {kind!r} (known: {', '.join(readers)})", source=source)
    if not words:
        raise InputError("no text found on the document", source=source)
    if rules and kind == "invoice":
        result = readers[kind](words, source=source, ocr=ocr, rules=rules)
    elif kind == "receipt":
        result = _receipts(words, source, ocr)
    else:
        result = readers[kind](words, source=source, ocr=ocr)
    if insist:
        from extractors.documents.other_kinds import other_kind

        other = other_kind(words)
        if other is not None:  # said on the record: a person overruled the title
            result.warnings.append(f"read as {_ASKED.get(kind, f'a {kind}')} because a person forced the kind "
                                   f"(--force-kind); its title says {other.what} ({other.title!r})")
    return result


#: How a refusal names the kind that was asked for (or detected).
_ASKED = {"invoice": "an invoice", "receipt": "a bank receipt", "packing_list": "a packing list",
          "delivery": "a delivery note", None: "a document orderhub reads"}


def _refuse_other_kind(words: list[Word], kind: str | None, source: str | None, *, auto: bool = False,
                       ocr: bool = False) -> None:
    """Raise when the document is a quotation, a purchase order, a reminder ... (see
    :mod:`extractors.documents.other_kinds`): it is not of ``kind``, whatever its fields. A payer's remittance
    advice met while the kind is detected (``auto``) raises :class:`extractors.remittances.RemittanceDocument`:
    the pipeline reads it as a remittance advice; a scan's (``ocr``) with its OCR words (``.words``), which the
    advice reader takes instead of OCR'ing the page again."""
    from extractors.documents.other_kinds import other_kind

    other = other_kind(words)
    if other is not None:
        if auto and other.kind == "remittance_advice":
            from extractors.remittances import RemittanceDocument

            found = RemittanceDocument(other.reason(_ASKED.get(kind, f"a {kind}")), source=source)
            found.words = words if ocr else None  # type: ignore[attr-defined]
            raise found
        raise InputError(other.reason(_ASKED.get(kind, f"a {kind}")), source=source)


def _scanned_advice(words: list[Word], source: str | None) -> None:
    """Raise :class:`extractors.remittances.RemittanceDocument` with the scan's words when they are a payer's
    remittance advice (its invoice table under an advice's title): the pipeline reads it as one."""
    from extractors.remittances import RemittanceDocument, scan_is_advice

    if scan_is_advice(words):
        found = RemittanceDocument("is a remittance advice (the payer's notice of the invoices it pays): it is read "
                                   "as a remittance advice", source=source)
        found.words = words  # type: ignore[attr-defined]
        raise found


#: ``layouts(result, words)``: reads fields where reviewers taught their issuer prints them
#: (:class:`extractors.documents.learned.StoreLayouts`)
Layouts = Callable[[DocumentResult, list[Word]], object]


def extract_document(path: Path | str, kind: str = "auto", *, workers: int | None = 1,
                     layouts: Layouts | None = None, insist: bool = False) -> DocumentResult:
    """Read one PDF or image file into a :class:`DocumentResult`; raises :class:`InputError`. With
    ``layouts``, fields missed are read where corrections of the issuer's documents taught; ``insist`` as in
    :func:`read_words`."""
    from extractors.documents.readings import read_best

    item = _read_item(path, workers)
    result = read_best(item.words, item.second_words(), kind, source=str(path), ocr=bool(item.ocr_sources),
                       rules=item.rules, insist=insist)
    result.pages = item.page_list()
    if layouts is not None:
        layouts(result, item.words)
    return result


def extract_documents(paths: Sequence[Path | str | Sequence[Path | str]], kind: str = "auto", *, workers: int | None = None,
                      progress: Callable[[int, int], None] | None = None,
                      layouts: Layouts | None = None, insist: bool = False) -> list[DocumentResult | InputError]:
    """Read many documents; every scanned page of the batch is OCR'd in one process pool.

    An item may be a list of paths: the pages of one document (see :func:`group_pages`). Returns, in
    order, a result or the :class:`InputError` that item raised (the batch goes on).
    ``progress(done, total)`` is called as OCR pages finish; ``layouts`` and ``insist`` as in
    :func:`extract_document`.
    """
    items: list[_Pending] = []
    for p in paths:
        try:
            items.append(_prepare(p))
        except InputError as exc:
            items.append(_Pending(Path(p if isinstance(p, Path | str) else p[0]), error=exc))
    sources = [(i, src) for i, it in enumerate(items) for src in it.ocr_sources]
    if sources:
        from extractors.ocr import ocr_pages

        pages = ocr_pages([s for _, s in sources], workers=workers, progress=progress, return_exceptions=True)
        for (i, src), page in zip(sources, pages, strict=True):
            if isinstance(page, Exception):
                if items[i].error is None:
                    error = page if isinstance(page, InputError) else InputError(
                        f"OCR failed on {src} ({type(page).__name__}: {page})", source=str(items[i].path))
                    items[i].error = error
            else:
                items[i].ocr_done(src, page)
    from extractors.documents.readings import read_best

    out: list[DocumentResult | InputError] = []
    for it in items:
        if it.error is not None:
            out.append(it.error)
            continue
        try:
            result = read_best(it.words, it.second_words(), kind, source=str(it.path), ocr=bool(it.ocr_sources),
                               rules=it.rules, insist=insist)
            result.pages = it.page_list()
            if layouts is not None:
                layouts(result, it.words)
            out.append(result)
        except InputError as exc:
            out.append(exc)
        except Exception as exc:  # a bug of ours on one document costs that document, not the batch
            out.append(InputError(f"document extraction failed ({type(exc).__name__}: {exc})", source=str(it.path)))
    return out


__all__ = ["DOCUMENT_SUFFIXES", "group_pages", "DocumentResult", "extract_document", "extract_documents", "read_words", "words_of"]
