"""Statements that reach finance as scans: a printed 对账单 stamped by the bank and scanned, a PDF of page images
without a text layer, a phone photo of a statement page, a multi-page TIFF. The pages are read by OCR
(:mod:`extractors.ocr`: positioned words without a fax machine's header line, levelled, with their blanks put back
as for any scanned document: ``prepare_words``) and the words go, by their positions, into the same table reader
as a PDF's text layer
(:func:`extractors.statements.pdf.lines_sheet`): the header row, each word under the column it stands under,
the running head of a later page skipped. The running-balance check (:mod:`extractors.statements.balances`)
then settles each row's sign and flags a row whose balance does not follow: OCR's doubtful digits are a row's
warning for review, never a silent pass. Every field's confidence is capped at ``[statements] max_confidence``
of ``ocr.toml`` for a page OCR read whose balances do not all follow."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from extractors.statements.model import StatementImport
from extractors.words import Line, Word, group_lines
from hub.errors import InputError


@cache
def _settings() -> dict:
    import tomllib

    with (Path(__file__).resolve().parent.parent / "data" / "ocr.toml").open("rb") as fh:
        return tomllib.load(fh).get("statements", {})


def split_cells(word: Word, gap: float) -> list[Word]:
    """An OCR segment cut where a blank in it is a gap between two table cells (at least ``gap`` character
    heights between the ink of the characters either side): OCR reads two cells printed close (a balance and
    the 摘要 beside it, ``余额 用途`` in the header) as one segment, a text layer gives them apart."""
    chars = [i for i, ch in enumerate(word.text) if not ch.isspace()]
    if " " not in word.text.strip() or len(word.char_x) != len(chars):
        return [word]
    ink = word.char_ink if len(word.char_ink) == len(chars) else None
    h = word.height

    def left(k: int) -> float:
        return ink[k][0] if ink else word.char_x[k] - 0.4 * h

    def right(k: int) -> float:
        return ink[k][1] if ink else word.char_x[k] + 0.4 * h

    cuts = [k for k in range(1, len(chars)) if chars[k] - chars[k - 1] > 1 and left(k) - right(k - 1) >= gap * h]
    if not cuts:
        return [word]
    out: list[Word] = []
    for a, b in zip([0, *cuts], [*cuts, len(chars)], strict=True):
        x0 = word.x0 if a == 0 else left(a)
        x1 = word.x1 if b == len(chars) else right(b - 1)
        out.append(Word(word.text[chars[a]:chars[b - 1] + 1], x0, word.y0, x1, word.y1, word.confidence, word.page,
                        word.char_x[a:b], ink[a:b] if ink else ()))
    return out


#: OCR's words of the scan the document reader took for a statement (carried by its ``StatementPdf``; the
#: pipeline remembers them just before it imports that file), until the statement reader takes them
_READ: dict[str, list[Word]] = {}


def remember(source: str, words: list[Word]) -> None:
    """Keep the (prepared: ``extractors.ocr.prepare_words``) OCR words of ``source`` for :func:`ocr_page_lines` (one file)."""
    _READ.clear()
    _READ[source] = words


def ocr_page_lines(path: Path) -> list[list[Line]]:
    """Each scanned page's lines, from OCR's positioned words (a PDF's page images, an image, a TIFF's pages)."""
    words = _READ.pop(str(path), None)
    if words is None:
        from extractors.documents import words_of
        from extractors.ocr import prepare_words

        words = prepare_words(words_of(path)[0])  # a faxed statement's header line is not a line of it
    gap = float(_settings().get("cell_gap", 0.5))
    words = [part for word in words for part in split_cells(word, gap)]
    pages: dict[int, list[Word]] = {}
    for word in words:
        pages.setdefault(word.page, []).append(word)
    return [group_lines(pages[number]) for number in sorted(pages)]


def read_scanned_statement(path: Path, data: bytes | None = None, *, bank: str | None = None,
                           account: str | None = None) -> StatementImport:
    """Import a scanned statement (see the module's doc); ``format`` is ``scan``."""
    from extractors.statements.pdf import lines_sheet
    from extractors.statements.tables import read_table_statement

    pages = ocr_page_lines(Path(path))
    if not any(pages):
        raise InputError("no text found on the scanned statement (blank page or not a document)", source=str(path))
    data = Path(path).read_bytes() if data is None else data
    result = read_table_statement(path, data, bank=bank, account=account,
                                  sheets=[lines_sheet(pages, str(path), "scan")])
    result.format = "scan"
    doubted = check_rows(result)
    cap = float(_settings().get("max_confidence", 0.89))
    if doubted or result.row_warnings:
        result.confidence = {k: min(v, cap) for k, v in result.confidence.items()}
    return result


def check_rows(result: StatementImport) -> bool:
    """The running-balance check of a scanned statement's lines, row by row: a row whose balance does not follow
    from the one before it and its amount (a digit OCR misread, in the amount or the balance) gets a row warning.
    True when the amounts are not all borne out: a row does not follow, the balances follow no order, or there
    is no balance column and no closing balance agreed with the lines (a Kontoauszug's, ``skipped``)."""
    from extractors.statements.balances import Entry, check_balances
    from hub.records import RowWarning

    lines = result.lines
    with_balance = [ln for ln in lines if ln.balance is not None]
    if len(with_balance) < 2:
        return not any("closing balance" in s and "agrees" in s for s in result.skipped)
    entries = [Entry(i, abs(ln.amount), 1 if ln.amount > 0 else -1, True, ln.balance) for i, ln in enumerate(lines)]
    check = check_balances(entries)
    if check.order is None:
        bad = list(range(len(lines)))
        reason = "the balances of the scanned statement do not follow from the amounts row to row: check its digits"
    else:
        bad = check.mismatched
        reason = "the balance does not follow from the row before and this amount: a digit misread on the scan?"
    for i in bad:
        ln = lines[i]
        result.row_warnings.append(RowWarning(row=i + 1, column="balance", cell=f"{ln.amount} / {ln.balance}",
                                              reason=reason, sheet=result.source))
    return bool(bad)
