"""Statements printed as PDFs (a bank's 对账单 / account statement with a text layer): the page's words into the
rows and columns of a table, then read like an export (:func:`extractors.statements.tables.read_table_statement`).

The header row is the line whose words map to statement columns (``statement_columns.toml``) with a date, an
amount (or debit/credit) and a column only statements have (a balance, the other party, debit and credit apart):
an invoice's item table has none of these. A PDF is taken for a bank statement (:func:`looks_like_pdf_statement`)
only when a bank is named above that table (a bank the rules know, or a bank's word in the page's letterhead:
``Barclays Bank UK PLC``, ``Commerzbank AG``: ``[pdf] bank_words``) or it has a column only a bank prints (the
other party's, a value date: ``[pdf] bank_columns``): a customer's statement of account or a 往来对账单 between
companies has dates, debits, credits and balances too, and moves no money. Each word below it goes to the column
it stands under (:func:`_column`: the header cell it aligns with); a header repeated on a later page is skipped,
with that page's running head above it (bank, account) (one repeated lower on a page starts a section under its
heading, ``美元账户 USD``: kept for the table reader), and so is a line that is a page's number (``Page 1 of
2``). The lines above the header are the preamble (account, holder, currency, period), each cut into its cells as
the header is (``Account Number | 808-123456-838``: a label and its value printed apart). Text that wraps onto
the line under a row (对方户名 over two lines) has neither date nor amount there and joins the row above, as in
a converted export; a word run on under a date or money column that is no date or amount stays in the text
before it."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

from extractors.columns import HeaderMap, load_fields, map_headers, normalise_header
from extractors.spreadsheets import Cell, Sheet
from extractors.statements.model import StatementImport
from extractors.words import Line, Word, group_lines
from hub.errors import InputError

#: fields only a statement's table has beside its dates and amounts (a booking and a value date: a Kontoauszug
#: without a balance column)
STATEMENT_ONLY = ("balance", "counterparty_name", "counterparty_account", "payer_name", "payee_name", "value_date")
#: (a card bill's table has neither: its columns are told by :func:`_card_columns`)
#: the columns of money: a word under one of them that is no amount may be the end of the text before it
MONEY_COLUMNS = ("amount", "credit", "debit", "balance", "fee", "net")
#: the columns of dates: a word under one of them that is no date may be the end of the text before it
DATE_COLUMNS = ("booking_date", "transaction_date", "value_date")
#: a gap between words wider than this many character heights starts a new header cell
CELL_GAP = 1.0
#: the share of a header line's cells that must be statement columns
MIN_SHARE = 0.6
#: the lines at the top of a page that are its letterhead (the issuer's name)
LETTERHEAD_LINES = 2


def _groups(line: Line) -> list[list[Word]]:
    """A line's words in groups where they stand close (``Value Date``)."""
    out: list[list[Word]] = []
    for word in line.words:
        if out and word.x0 - out[-1][-1].x1 <= CELL_GAP * word.height:
            out[-1].append(word)
        else:
            out.append([word])
    return out


def _cell(words: list[Word]) -> tuple[str, float, float]:
    return " ".join(w.text for w in words), words[0].x0, words[-1].x1


def _cells(line: Line) -> list[tuple[str, float, float]]:
    """A line's words joined into cells where they stand close (``Value Date``): (text, x0, x1)."""
    return [_cell(group) for group in _groups(line)]


@cache
def _aliases() -> frozenset[str]:
    return frozenset(normalise_header(a) for spec in load_fields("statement_columns.toml").values()
                     for a in spec.aliases)


def _header_cells(line: Line) -> list[tuple[str, float, float]]:
    """A header line's cells; a cell that is no column's name but two names printed close together
    (``Transaction Date Value Date``) is cut into the two."""
    aliases = _aliases()
    out: list[tuple[str, float, float]] = []
    for group in _groups(line):
        text = _cell(group)[0]
        cut = next((i for i in range(1, len(group)) if normalise_header(text) not in aliases
                    and normalise_header(_cell(group[:i])[0]) in aliases
                    and normalise_header(_cell(group[i:])[0]) in aliases), None)
        out += [_cell(group[:cut]), _cell(group[cut:])] if cut else [_cell(group)]
    return out


def _is_header(header: HeaderMap) -> bool:
    cols = header.columns
    mapped = sum(len(c) for c in cols.values())
    if mapped < MIN_SHARE * len(header.headers):  # a line of labels and values (a receipt's grid) is no header
        return False
    dated = any(f in cols for f in ("booking_date", "transaction_date", "value_date"))
    money = "amount" in cols or ("credit" in cols and "debit" in cols)
    return dated and money and (any(f in cols for f in STATEMENT_ONLY) or ("credit" in cols and "debit" in cols)
                                or _card_columns(header))


def _card_columns(header: HeaderMap) -> bool:
    """A card bill's columns (its table has no balance and no party): the card's last digits, or a transaction and a
    posting date both (交易日 / 记账日), from ``[account_kind]`` (``card_fields``, ``card_dates``)."""
    from extractors.statements.cells import rules

    kinds = rules()["account_kind"]
    cols = header.columns
    return any(f in cols for f in kinds["card_fields"]) or all(f in cols for f in kinds["card_dates"])


def _header_of(line: Line) -> tuple[HeaderMap, list[tuple[str, float, float]]] | None:
    cells = _header_cells(line)
    if len(cells) < 3:
        return None
    header = map_headers([c[0] for c in cells], load_fields("statement_columns.toml"))
    return (header, cells) if _is_header(header) else None


def _page_lines(data: bytes, first_only: bool = False) -> list[list[Line]]:
    import pdfplumber

    from extractors.pdfwords import page_words

    out: list[list[Line]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            words: list[Word] = page_words(page, number)
            out.append(group_lines(words))
            if first_only:
                break
    return out


def _column(word: Word, spans: list[tuple[float, float]]) -> int:
    """The header cell a word stands under: aligned with its left edge, its right edge (amounts are right-aligned,
    often past the header's end) or its centre, whichever is nearest."""
    def distance(span: tuple[float, float]) -> float:
        x0, x1 = span
        return min(abs(word.x0 - x0), abs(word.x1 - x1), abs(word.cx - (x0 + x1) / 2))

    return min(range(len(spans)), key=lambda i: distance(spans[i]))


class StatementPdf(InputError):
    """Raised by the document reader for a bank's statement printed as a PDF: the pipeline reads it as a statement."""

    REASON = "is a bank statement printed as a PDF (a table of dated amounts and balances): read as a statement"

    def __init__(self, source: str | None = None, words: list | None = None) -> None:
        super().__init__(self.REASON, source=source)
        #: a scan's OCR words (levelled, blanks put back), so that the statement reader does not OCR it again
        self.words = words


def looks_like_pdf_statement(data: bytes) -> bool:
    """Whether a PDF's first page holds a bank statement's table (see the module's doc)."""
    try:
        pages = _page_lines(data, first_only=True)
    except Exception:  # not readable here: the document reader says why
        return False
    return bool(pages) and _statement_table(pages[0])


def statement_table_in(words: list[Word]) -> bool:
    """Whether a document's words (its first page) hold a bank statement's table (see the module's doc)."""
    first = min((w.page for w in words), default=1)
    return _statement_table(group_lines([w for w in words if w.page == first]))


@cache
def _date_headers() -> frozenset[str]:
    fields = load_fields("statement_columns.toml")
    return frozenset(normalise_header(a) for name in ("booking_date", "transaction_date", "value_date")
                     for a in fields[name].aliases)


def _statement_table(lines: list[Line]) -> bool:
    dates = _date_headers()
    for index, line in enumerate(lines):
        if len(line.words) < 3 or not any(normalise_header(c[0]) in dates for c in _header_cells(line)):
            continue  # a header names its date column exactly: the rest is not mapped (fast)
        found = _header_of(line)
        if found is None:
            continue
        # a bank's: a bank named above the table, or the other party's columns. A customer's statement of
        # account or a 往来对账单 has dates, debit, credit and balance too, and is no bank statement
        from extractors.statements.tables import detect_bank

        banked = detect_bank(" ".join(ln.text for ln in lines[:index])) is not None or _bank_letterhead(
            lines[:min(index, LETTERHEAD_LINES)]) or any(f in found[0].columns for f in _pdf_rules()["bank_columns"])
        return banked and any(_is_row(below) for below in lines[index + 1:index + 6])
    return False


@cache
def _pdf_rules() -> dict[str, list[str]]:
    from extractors.statements.cells import rules

    return rules()["pdf"]


def _bank_letterhead(lines: list[Line]) -> bool:
    """Whether the page's first lines (its letterhead: who issued it) name a bank by a bank's word: a Latin word
    whole (``Bank``, ``Commerzbank``; not ``Bankside`` nor ``Westbank``), a Chinese one anywhere (银行)."""
    words = {w.casefold() for w in _pdf_rules()["bank_words"]}
    for line in lines:
        for word in line.words:
            text = word.text.casefold().strip(".,;:()")
            if text in words or any(not w.isascii() and w in text for w in words):
                return True
    return False


def _is_row(line: Line) -> bool:
    from extractors.parse import parse_amount, parse_date

    def ok(parse, text: str) -> bool:  # type: ignore[no-untyped-def]
        try:
            parse(text)
            return True
        except ValueError:
            return False

    from extractors.statements.cells import yearless

    texts = [w.text for w in line.words]
    cells = [c[0] for c in _cells(line)]  # "04 Mar": a date of two words, its year in the statement's period
    dated = any(ok(parse_date, t) or yearless(t) is not None for t in (*texts, *cells))
    return dated and any(any(ch.isdigit() for ch in t) and ("." in t or "," in t) and ok(parse_amount, t)
                         for t in texts)


def _fits(text: str, col: int, money: set[int], dates: frozenset[int] | set[int]) -> bool:
    """Whether a word can be the value of a money column (an amount) or a date column (a date, ``04.03``)."""
    from extractors.parse import parse_amount, parse_date
    from extractors.statements.cells import yearless

    try:
        if col in money:
            parse_amount(text)
        elif col in dates and yearless(text) is None:
            parse_date(text)
    except ValueError:
        return False
    return True


def _row(line: Line, spans: list[tuple[float, float]], money: set[int], dates: frozenset[int] | set[int] = frozenset()
         ) -> list[Cell]:
    """A table line's words put under the header cells they align with. A word that would go under an amount
    or a date column but is none, printed close after the word before it, stays in that word's column: the end
    of a long details text (``... INV HR-EX-260112``, ``... DUMONT SARL``) reaching under the next column."""
    row: list[Cell] = [None] * len(spans)
    before: tuple[Word, int] | None = None
    for word in line.words:
        col = _column(word, spans)
        if (col in money or col in dates) and before is not None and before[1] != col \
                and word.x0 - before[0].x1 <= CELL_GAP * word.height and not _fits(word.text, col, money, dates):
            col = before[1]
        row[col] = word.text if row[col] is None else f"{row[col]} {word.text}"
        before = (word, col)
    return row


def pdf_sheet(data: bytes, name: str) -> Sheet:
    """The statement's table as rows of cells: the preamble lines (one cell each), the header, the rows."""
    return lines_sheet(_page_lines(data), name)


def lines_sheet(pages: list[list[Line]], name: str, fmt: str = "pdf") -> Sheet:
    """The statement's table from each page's lines (a PDF's text layer, or OCR's words of a scanned page):
    the preamble lines (one cell each), the header, the rows."""
    rows: list[list[Cell]] = []
    spans: list[tuple[float, float]] | None = None
    money: set[int] = set()
    dates: set[int] = set()
    page_number = re.compile(_pdf_rules()["page_number"], re.I)
    for lines in pages:
        found_in = [_header_of(line) for line in lines]
        # a later page that repeats the header: the lines above it are the page's running head (bank, account)
        head = spans is not None and any(f is not None for f in found_in)
        headers_on_page = 0
        for line, found in zip(lines, found_in, strict=True):
            if found is not None:
                head = False
                headers_on_page += 1
                if spans is None:
                    spans = [(x0, x1) for _, x0, x1 in found[1]]
                    money = {c for f in MONEY_COLUMNS for c in found[0].columns.get(f, [])}
                    dates = {c for f in DATE_COLUMNS for c in found[0].columns.get(f, [])}
                    rows.append([c[0] for c in found[1]])
                elif headers_on_page > 1:  # a section under its heading (a card bill's 美元账户): the table reader's
                    rows.append(_row(line, spans, money, dates))
                continue  # the header repeated on a later page
            if head or page_number.fullmatch(line.text.strip()):
                continue  # a running head or a page's number (``Page 1 of 2``, ``第 1 页 共 2 页``)
            if spans is None:
                rows.append([c[0] for c in _cells(line)])
                continue
            rows.append(_row(line, spans, money, dates))
    if spans is None:
        raise InputError("is a PDF without a statement table (no header row with dates, amounts and balances)",
                         source=name)
    return Sheet(name, rows, fmt)


def read_pdf_statement(path: Path, data: bytes, *, bank: str | None = None,
                       account: str | None = None) -> StatementImport:
    """Import a statement printed as a PDF with a text layer (see the module's doc)."""
    from extractors.statements.tables import read_table_statement

    pages = _page_lines(data)
    if not any(pages):  # page images without a text layer: a scanned statement, read by OCR
        from extractors.statements.scanned import read_scanned_statement

        return read_scanned_statement(path, data, bank=bank, account=account)
    result = read_table_statement(path, data, bank=bank, account=account, sheets=[lines_sheet(pages, str(path))])
    result.format = "pdf"
    return result
