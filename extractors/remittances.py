"""A payer's remittance advice to a :class:`hub.records.RemittanceAdvice`, from a PDF's text layer, an xlsx/csv
sheet, or the body of an e-mail saved as ``.eml``/``.txt``.

Every source becomes rows of cells with their horizontal place (a PDF's words grouped into lines and cut at wide
gaps; a sheet's columns; a text line cut at tabs, ``|`` or two blanks). Labels (payer, reference, payment date,
total, currency, payee) are read from the rows outside the invoice table; the table starts at the row whose cells
name an invoice-number column and an amount column (aliases in ``data/remittance.toml``), each further cell goes
to the header cell above it, and it ends at a total row. A line that cannot be read is a row-level warning (row,
column, cell, reason); the lines must sum to the total (a disagreement is a warning and caps both).
"""

from __future__ import annotations

import email
import email.policy
import html
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractors.words import Word, group_lines
from hub.errors import InputError
from hub.records import FieldSource, RemittanceAdvice, RemittanceLine, RowWarning

if TYPE_CHECKING:
    from extractors.documents.result import DocumentResult

#: Confidence of a value printed under its label (or in its column) that parsed.
LABELLED = 0.95
#: A payer named only by the letterhead (no label): a person looks unless it carries a legal form.
LETTERHEAD = 0.9
#: The payer taken from the e-mail's sender name (no label in the body).
SENDER = 0.7
#: Gap between two words, in line heights, that starts a new cell on a PDF line.
CELL_GAP = 1.2
TEXT_SUFFIXES = {".eml", ".txt", ".msg", ".text"}
SHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".csv", ".tsv"}
_LEGAL = re.compile(r"(ltd|limited|llc|inc|corp|gmbh|ag|s\.?a\.?s?|sarl|s\.?l\.?|s\.?p\.?a|b\.?v|pty|co\.|plc|kg)\b\.?"
                    r"|有限公司|公司|集团", re.I)
_AMOUNT = re.compile(r"[-−(]?\d{1,3}(?:[,.'\u00a0 ]\d{3})+(?:[.,]\d{1,2})?\)?|[-−(]?\d+(?:[.,]\d{1,2})?\)?")


class RemittanceDocument(InputError):
    """Raised by the document reader for a PDF that is a payer's remittance advice: the pipeline reads it with
    :func:`read_remittance` (kind ``remittance``). Its text is the refusal a reader of invoices gives."""


@dataclass
class Cell:
    """A cell's text and where it sits: x in the row's unit (pt, column index or character offset)."""

    x0: float
    x1: float
    text: str
    page: int | None = None
    y0: float = 0.0
    y1: float = 0.0

    def source(self) -> FieldSource | None:
        if self.page is None:
            return None
        return FieldSource(confidence=0, page=self.page, box=(self.x0, self.y0, self.x1, self.y1), text=self.text)


@dataclass
class Row:
    """A row of a sheet, a line of a PDF page or of a text: its 1-based number and its cells left to right."""

    no: int
    cells: list[Cell]
    sheet: str | None = None
    #: cells placed by their index (a sheet's columns, a text line cut at tabs or ``|``), not by position
    indexed: bool = False

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)


@dataclass
class Source:
    """What a file gave: its rows, and for an e-mail its subject and sender's name."""

    rows: list[Row]
    subject: str = ""
    sender: str = ""
    unit: str = "pt"
    extra: dict[str, Any] = field(default_factory=dict)
    ocr: bool = False  # the rows are a scan's OCR words: its readings are doubted (``_doubt_ocr``)


# -- the labels -----------------------------------------------------------------------------------------------
@cache
def config(path: str | None = None) -> dict[str, Any]:
    """``data/remittance.toml`` (or a user's file)."""
    text = Path(path).read_text(encoding="utf-8") if path else \
        resources.files("extractors").joinpath("data/remittance.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(text)).split())


def _fold(text: str) -> str:
    return _norm(text).lower().rstrip(" :：.#")


def _cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af"


def _prefix(text: str, labels: list[str]) -> tuple[str, str] | None:
    """``(label, rest)`` for the longest label ``text`` starts with (a Latin label ends at a non-letter)."""
    norm = _norm(text)
    low = norm.lower()
    for label in sorted(labels, key=len, reverse=True):
        key = _fold(label)
        if not key or not low.startswith(key):
            continue
        nxt = low[len(key):len(key) + 1]
        if nxt and nxt.isalpha() and not _cjk(key[-1]) and not _cjk(nxt):
            continue
        return label, norm[len(key):].lstrip(" :：.#-–").strip()
    return None


def _column_of(text: str, columns: dict[str, list[str]]) -> str | None:
    """The column a header cell names: an alias equal to it, else the longest alias it starts with."""
    key = _fold(text)
    if not key:
        return None
    for name, aliases in columns.items():
        if any(_fold(a) == key for a in aliases):
            return name
    best: tuple[int, str] | None = None
    ends = {_fold(w) for w in config().get("number_words", [])}
    for name, aliases in columns.items():
        hit = _prefix(text, aliases)
        if hit is not None and (not hit[1] or _fold(hit[1]) in ends) and (best is None or len(hit[0]) > best[0]):
            best = (len(hit[0]), name)
    return best[1] if best else None


# -- files to rows --------------------------------------------------------------------------------------------
def rows_from_words(words: list[Word]) -> list[Row]:
    """A PDF's (or OCR's) words as rows: one per line, cut into cells where the gap is wide."""
    rows = []
    for no, line in enumerate(group_lines(words), start=1):
        ws = sorted(line.words, key=lambda w: w.x0)
        height = max(min(w.y1 - w.y0 for w in ws), 1.0)
        cells: list[list[Word]] = [[ws[0]]]
        for w in ws[1:]:
            if w.x0 - cells[-1][-1].x1 > CELL_GAP * height:
                cells.append([w])
            else:
                cells[-1].append(w)
        rows.append(Row(no, [Cell(c[0].x0, c[-1].x1, " ".join(w.text for w in c), c[0].page,
                                  min(w.y0 for w in c), max(w.y1 for w in c)) for c in cells]))
    return rows


_TEXT_CUT = re.compile(r"\s{2,}")


_COMPANY_END = re.compile(r"^.*?(?:有限公司|有限责任公司|股份有限公司|公司|集团)")


def _company(text: str) -> str:
    """A signature's company without the department after it (``无锡诚泰精密制造有限公司 财务部``)."""
    m = _COMPANY_END.match(text)
    return m.group(0).strip() if m else text.strip()


def _columns_at(line: str) -> list[int]:
    """The screen column each character offset of ``line`` starts at: wide (CJK) characters take two, as a
    monospaced text aligns them, so a figure stands under its Chinese head."""
    cols, at = [0], 0
    for ch in line:
        at += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        cols.append(at)
    return cols


def rows_from_text(text: str) -> list[Row]:
    """Lines of a text as rows: cut at tabs or ``|`` (cells by their index, an empty one counts), else at runs
    of two or more blanks (cells by their character offsets)."""
    rows = []
    for no, line in enumerate(text.splitlines(), start=1):
        line = unicodedata.normalize("NFKC", line).rstrip()
        if "\t" in line or "|" in line:
            parts = line.strip().strip("|").split("|") if "|" in line else line.split("\t")
            cells = [Cell(i, i, p.strip()) for i, p in enumerate(parts) if p.strip()]
            if cells:
                rows.append(Row(no, cells, indexed=True))
            continue
        cells, pos = [], 0
        col = _columns_at(line)
        for m in [*_TEXT_CUT.finditer(line), None]:
            end = m.start() if m else len(line)
            part = line[pos:end]
            if part.strip():
                lead = len(part) - len(part.lstrip())
                cells.append(Cell(col[pos + lead], col[end], part.strip()))
            if m:
                pos = m.end()
        if cells:
            rows.append(Row(no, cells))
    return rows


def rows_from_sheets(path: Path, data: bytes, limit: int | None = None) -> list[Row]:
    """Every sheet's rows (its first ``limit``), a cell per column (x = the column's index)."""
    from extractors.spreadsheets import cell_text, read_sheets

    rows = []
    for sheet in read_sheets(path, data):
        for no, raw in enumerate(sheet.rows[:limit], start=1):
            cells = [Cell(i, i, _cell(cell_text(v))) for i, v in enumerate(raw) if cell_text(v).strip()]
            if cells:
                rows.append(Row(no, cells, sheet.name, indexed=True))
    return rows


def _cell(text: str) -> str:
    return text[:-9] if text.endswith(" 00:00:00") else text  # a date cell read as a datetime


def _html_text(markup: str) -> str:
    """An HTML body's text: a line per paragraph, break and table row, a tab after each cell."""
    text = re.sub(r"(?i)<br\s*/?>|</p>|</tr>|</div>|</h\d>|</li>", "\n", markup)
    text = re.sub(r"(?i)</t[dh]>", "\t", text)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def email_text(data: bytes) -> tuple[str, str, str]:
    """An e-mail's body as text, its subject and its sender's name. The plain part, unless only the HTML part
    holds the invoice table (a plain part saying "see the HTML"); the HTML one stripped when there is no plain one."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    texts = []
    for kind in ("plain", "html"):
        body = msg.get_body(preferencelist=(kind,))
        if body is not None and body.get_content_type() == f"text/{kind}":
            content = body.get_content()
            texts.append(_html_text(content) if kind == "html" else content)
    text = next((t for t in texts if _header(rows_from_text(t), config()["columns"]) is not None), texts[0] if texts else "")
    sender = email.utils.parseaddr(str(msg.get("From", "")))[0]
    return text, str(msg.get("Subject", "")), sender


def source_of(path: Path, data: bytes, limit: int | None = None) -> Source:
    """The rows of a remittance advice file (PDF text layer, sheet, e-mail or text); of a sheet its first ``limit``."""
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        from extractors.pdfwords import read_pdf

        words = [w for page in read_pdf(path) for w in page.words]
        return Source(rows_from_words(words)) if words else Source(rows_from_words(scan_words(path)), ocr=True)
    if suffix in IMAGE_SUFFIXES:
        return Source(rows_from_words(scan_words(path)), ocr=True)
    if suffix in SHEET_SUFFIXES or data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return Source(rows_from_sheets(path, data, limit), unit="column")
    if suffix == ".eml" or re.match(rb"(?im)^(from|subject|received|mime-version|date|to): ", data[:2000]):
        text, subject, sender = email_text(data)
        return Source(rows_from_text(text), subject=subject, sender=sender, unit="char")
    from extractors.spreadsheets import decode_text

    return Source(rows_from_text(decode_text(data, str(path))[0]), unit="char")


def looks_like_remittance(path: Path, data: bytes) -> bool:
    """Whether a sheet, an e-mail or a text file is a remittance advice: an invoice table (an invoice-number column
    and an amount column) with a title phrase above it (or in the e-mail's subject)."""
    if data.startswith(b"%PDF"):
        return False  # a PDF is told by its title and its list of invoices (extractors.documents.other_kinds)
    try:
        src = source_of(path, data, limit=60)
    except Exception:  # not readable as any of them: not one
        return False
    found = _header(src.rows, config()["columns"])
    if found is None:
        return False
    titles = [_fold(t) for t in config()["titles"]]
    head = _norm(" ".join([src.subject, *(r.text for r in src.rows[:found[0]])])).lower()  # above the table only
    return any(t in head for t in titles)


# -- rows to the record ---------------------------------------------------------------------------------------
UNNAMED = "_unnamed"  # a header cell naming no column we read: what stands under it is nobody's


def _split_glued(cell: Cell, columns: dict[str, list[str]]) -> list[tuple[str, Cell]]:
    """A head cell that is two column names printed too close to part (``Rechnungsdatum Rechnungsbetrag``): the
    two, each given its share of the cell's width by its characters."""
    words = cell.text.split()
    for k in range(1, len(words)):
        left, right = " ".join(words[:k]), " ".join(words[k:])
        a, b = _column_of(left, columns), _column_of(right, columns)
        if a is not None and b is not None and a != b:
            cut = cell.x0 + (cell.x1 - cell.x0) * (len(left) + 0.5) / (len(cell.text) or 1)
            return [(a, replace(cell, x1=cut, text=left)), (b, replace(cell, x0=cut, text=right))]
    return []


def _header(rows: list[Row], columns: dict[str, list[str]]) -> tuple[int, dict[str, Cell]] | None:
    """The index of the table's header row and its cells by column name (cells naming no column, or a column
    named twice, under ``_unnamed<n>``: figures under them are placed there, not in a neighbour's column)."""
    for i, row in enumerate(rows):
        named: dict[str, Cell] = {}
        unnamed: list[Cell] = []
        for cell in row.cells:
            name = _column_of(cell.text, columns)
            parts = [(name, cell)] if name is not None else _split_glued(cell, columns) if not row.indexed else []
            if not parts:
                unnamed.append(cell)
            for part_name, part in parts:
                if part_name not in named:
                    named[part_name] = part
                elif part_name == "amount_paid" and "invoice_amount" not in named:
                    # two heads of what is paid (``Amount`` ... ``Net paid``): the left one is the invoice's amount
                    left, right = sorted((named[part_name], part), key=lambda c: c.x0)
                    named["invoice_amount"], named[part_name] = left, right
                else:
                    unnamed.append(part)
        if "invoice_number" not in named and "reference" in named:  # an ERP's item reference: the invoice
            named["invoice_number"] = named.pop("reference")
        if "invoice_number" in named and {"amount_paid", "invoice_amount"} & set(named):
            return i, named | {f"{UNNAMED}{n}": c for n, c in enumerate(unnamed)}
    return None


def _place(cell: Cell, header: dict[str, Cell], exact: bool) -> str | None:
    """The column a body cell sits under: the same index on a sheet; else the header cell it overlaps most, or
    the nearest."""
    if exact:
        return next((n for n, h in header.items() if h.x0 == cell.x0), None)
    best, best_overlap = None, 0.0
    for name, h in header.items():
        overlap = min(cell.x1, h.x1) - max(cell.x0, h.x0)
        if overlap > best_overlap:
            best, best_overlap = name, overlap
    if best is not None:
        return best
    mid = (cell.x0 + cell.x1) / 2
    return min(header, key=lambda n: min(abs(mid - header[n].x0), abs(mid - header[n].x1)))


def amount_in(text: str) -> Decimal:
    """The first amount printed in ``text`` (a currency sign or code around it is fine); ValueError if none."""
    from extractors.parse import parse_amount

    m = _AMOUNT.search(_norm(text).replace("−", "-"))
    if m is None:
        raise ValueError(f"no amount in {text!r}")
    raw = m.group(0)
    negative = raw.startswith(("-", "(")) or raw.endswith(")")
    value = parse_amount(raw.strip("-()"))
    return -value if negative else value


def _codes(text: str) -> list[str]:
    """The currencies ``text`` names unambiguously (codes, 人民币, €; not a bare ``$``)."""
    from extractors.parse.currencies import AMBIGUOUS, currency_mentions

    return [m for m in currency_mentions(text) if m not in AMBIGUOUS]


#: rows of notes a table's total row may come after
NOTE_ROWS = 3


def deduction_code(*texts: str | None) -> str:
    """``bank_fee``, ``discount``, ``short_payment`` from the words of a deduction's reason or note, else ``other``."""
    words = " ".join(t for t in texts if t).lower()
    for code, keys in config()["deduction_codes"].items():
        if any(k.lower() in words for k in keys):
            return code
    return "other"


def _in_sentence(text: str, label: str, rest: str) -> bool:
    """Whether a label word opens a sentence rather than a labelled name (``Paid by ACH. Questions: payables``): the
    label printed without its separator and the rest holding another label's colon or a second sentence."""
    after = _norm(text)[len(_fold(label)):].lstrip()
    if after[:1] in (":", "：", "#", "-", "–") or label.rstrip().endswith((":", "：")):
        return False
    return bool(re.search(r"[:：]", rest) or (re.search(r"[.。!?]\s+\S", rest) and not _LEGAL.search(rest)))


class _Reader:
    def __init__(self, src: Source, source: str | None) -> None:
        from extractors.documents.result import Fields

        self.src, self.source = src, source
        self.header_indexed = False
        self.conf = config()
        self.f = Fields()
        self.deduction: tuple[Decimal, str, str] | None = None  # the whole payment's: amount, reason, code
        self.row_warnings: list[RowWarning] = []
        # generic labels (``Date``, ``Datum``: the advice's own date, often) yield to a specific one anywhere
        self.weak_labels = {_fold(x) for x in self.conf.get("weak_labels", [])}
        self.weakly_set: set[str] = set()
        self.currency_hints: list[str] = []
        self.table_stop: int | None = None  # the first row past the table's lines (a note may stand there)
        #: the advice's day/month order, from its dates that read one way only (04/15/2026: month first)
        self.dayfirst: bool | None = None

    def read(self) -> DocumentResult:
        from extractors.documents.result import DocumentResult

        rows = self.src.rows
        found = _header(rows, self.conf["columns"])
        if found is None:
            raise InputError("no invoice table found on the remittance advice (a header naming the invoice number "
                             "and the amount paid)", source=self.source)
        start, header = found
        self.header_indexed = rows[start].indexed
        from extractors.parse import infer_dayfirst

        self.dayfirst = infer_dayfirst(cell.text for row in rows for cell in row.cells)
        lines, end, total_row = self._lines(rows, start, header)
        lines = self._explained(lines, rows[self.table_stop or end:end + NOTE_ROWS + 3])
        outside = rows[:start] + rows[end:]
        self._labels(outside)
        if total_row is not None and self.f.get("total") is None:
            self._total_from(total_row, header)
        self._letterhead(rows[:start], rows[end:])
        self._date_in_letter(rows[:start])
        self._currency(rows, header)
        self._check(lines)
        advice = RemittanceAdvice(payer_name=self.f.get("payer_name"), reference=self.f.get("reference"),
                                  payment_date=self.f.get("payment_date"), total=self.f.get("total"),
                                  currency=self.f.get("currency"), payee_name=self.f.get("payee_name"),
                                  lines=lines, warnings=list(self.f.warnings),
                                  **({"deduction": self.deduction[0], "deduction_reason": self.deduction[1],
                                      "deduction_code": self.deduction[2]} if self.deduction else {}))
        self.f.missing("payer_name", "reference", "payment_date", "total", "currency")
        result = DocumentResult("remittance", advice, self.f.final(False), list(self.f.warnings),
                                sources=self.f.sources)
        result.row_warnings = self.row_warnings  # type: ignore[attr-defined]
        return result

    # the labelled fields
    def _labels(self, rows: list[Row]) -> None:
        labels = self.conf["fields"]
        for r, row in enumerate(rows):
            for i, cell in enumerate(row.cells):
                hits = [(len(h[0]), name, h) for name in labels if (h := _prefix(cell.text, labels[name])) is not None]
                for _, name, hit in sorted(hits, key=lambda t: -t[0])[:1]:  # the longest label wins
                    value, where = hit[1], cell
                    beside = row.cells[i + 1] if i + 1 < len(row.cells) else None
                    if not value and beside is not None and not self._is_label(beside.text):
                        value, where = beside.text, beside
                    elif not value and name.endswith("_name"):
                        # a name under its label; OCR may put the label on one row with the next column's label
                        # (``Paid to:  Currency  AUD``): the name is still below
                        value, where = self._below(rows[r + 1:r + 3], cell)
                    elif value and name.endswith("_name") and _in_sentence(cell.text, hit[0], value):
                        break
                    weak = _fold(hit[0]) in self.weak_labels
                    if value and (self.f.get(name) is None or name in self.weakly_set and not weak):
                        self._set(name, value, where, hit[0])
                        if weak:
                            self.weakly_set.add(name)
                        elif self.f.get(name) is not None:
                            self.weakly_set.discard(name)
                    break

    def _below(self, rows: list[Row], cell: Cell) -> tuple[str, Cell]:
        """A name printed under its label (``To:`` above the address block): the next cell starting where the
        label starts, in the next two rows."""
        for row in rows:
            near = [c for c in row.cells if abs(c.x0 - cell.x0) <= max(2.0, 0.05 * abs(cell.x0) + 1)]
            if near:
                return ("", cell) if self._is_label(near[0].text) else (near[0].text, near[0])
        return "", cell

    def _is_label(self, text: str) -> bool:
        return any(_prefix(text, ls) is not None for ls in self.conf["fields"].values())

    def _set(self, name: str, value: str, where: Cell, label: str) -> None:
        from extractors.parse.currencies import parse_currency

        try:
            if name == "payment_date":
                parsed: Any = self._date(value, name)
            elif name == "total":
                parsed = amount_in(value)
                if parsed < 0:
                    return
                self.currency_hints += _codes(f"{label} {value}")
            elif name == "currency":
                parsed = parse_currency(value.split()[0])
            elif name == "reference":
                parsed = value.split()[0]
                if not any(ch.isdigit() for ch in parsed):
                    return
            else:
                parsed = value.strip(" ,;")
                if len(parsed) < 2 or "@" in parsed:  # a forwarded e-mail's "From: name <address>" names no payer
                    return
                if not any(ch.isalpha() for ch in parsed):  # a vendor or customer number (Vendor 200417)
                    return
        except (ValueError, ArithmeticError, IndexError):
            return
        self.f.set(name, parsed, min(LABELLED, self.f.confidence.get(name, LABELLED)))
        src = where.source()
        if src is not None:
            self.f.sources[name] = src.model_copy(update={"confidence": LABELLED})

    def _date(self, text: str, name: str | None = None) -> date:
        """A date in the advice's day/month order; one that reads both ways on an advice whose dates never tell
        the order is read day first and ``name`` doubted (0.6, a warning)."""
        from extractors.parse.dates import read_date

        read = read_date(text, dayfirst=True if self.dayfirst is None else self.dayfirst)
        if name is not None:
            self.f.confidence.pop(name, None)
            if read.confidence < 1.0 and self.dayfirst is None:
                self.f.confidence[name] = read.confidence
                self.f.warnings.extend(read.warnings)
        return read.value

    def _total_from(self, row: Row, header: dict[str, Cell]) -> None:
        exact = row.indexed and self.header_indexed
        self.currency_hints += _codes(row.text)
        paid = [c for c in row.cells if _place(c, header, exact) in ("amount_paid", None)]
        for cell in [*reversed(paid), *reversed(row.cells)]:
            try:
                value = amount_in(cell.text)
            except (ValueError, ArithmeticError):
                continue
            if value >= 0:
                self.f.set("total", value, LABELLED)
                src = cell.source()
                if src is not None:
                    self.f.sources["total"] = src.model_copy(update={"confidence": LABELLED})
                return

    def _letterhead(self, rows: list[Row], after: list[Row] | None = None) -> None:
        """No payer label: the advice's issuer is the payer, the first line of the letterhead (a company name);
        an e-mail's sender name when the body names none."""
        if self.f.get("payer_name") is not None:
            return
        titles = [_fold(t) for t in self.conf["titles"]]
        payee = (self.f.get("payee_name") or "").lower()
        head: str | None = None
        for row in rows[:3]:
            text = row.cells[0].text.strip()
            if not text or any(t in text.lower() for t in titles) or self._is_label(text) or text.lower() == payee \
                    or _prefix(text, self.conf.get("salutations", [])) is not None:
                continue
            if sum(ch.isalpha() for ch in text) >= 4 and not re.search(r"\d{3}", text):
                if _LEGAL.search(text):
                    self.f.set("payer_name", text, LETTERHEAD)
                    return
                # a name, not a sentence of the letter (an e-mail's body starts with one)
                if head is None and len(text.split()) <= 6 and not text.endswith((".", ",", ":", "。", "，")):
                    head = text
        signed = self._signature(after or [])
        if signed is not None:
            self.f.set("payer_name", _company(signed.text), LETTERHEAD)
            self._locate("payer_name", signed)
            return
        if head is not None:
            self.f.set("payer_name", head, SENDER)
            return
        if self.src.sender:
            self.f.set("payer_name", self.src.sender, SENDER)

    def _signature(self, rows: list[Row]) -> Cell | None:
        """The company a letter or e-mail is signed by: a name with a legal form in the few lines after its
        closing (``Kind regards,`` / ``此致`` / ``Mit freundlichen Grüßen``)."""
        closings = self.conf.get("closings", [])
        for r, row in enumerate(rows):
            if _prefix(row.cells[0].text, closings) is None:
                continue
            for below in rows[r + 1:r + 5]:
                text = below.cells[0].text.strip()
                if _LEGAL.search(text) or re.search(r"(公司|集团|有限|株式会社)$", text):
                    return below.cells[0]
        return None

    def _date_in_letter(self, rows: list[Row]) -> None:
        """No labelled payment date: the one date of a sentence above the table that speaks of paying
        (``我司已于2026年11月25日通过招商银行向贵司付款``, ``we paid on 25 November``), for review."""
        from extractors.parse import parse_date
        from extractors.parse.dates import date_spans

        if self.f.get("payment_date") is not None:
            return
        words = [w.lower() for w in self.conf.get("paying_words", [])]
        for row in rows:
            text = unicodedata.normalize("NFKC", row.text)
            if not any(w in text.lower() for w in words):
                continue
            spans = date_spans(text)
            if len(spans) != 1:
                continue
            try:
                self.f.set("payment_date", parse_date(text[spans[0][0]:spans[0][1]]), SENDER)
            except (ValueError, ArithmeticError):
                continue
            return

    def _currency(self, rows: list[Row], header: dict[str, Cell]) -> None:
        if self.f.get("currency") is not None:
            return
        hints = list(self.currency_hints)
        for cell in header.values():
            hints += _codes(cell.text)
        if len(set(hints)) == 1:
            self.f.set("currency", hints[0], LABELLED)
            return
        everywhere = set(_codes(" ".join([self.src.subject, *(r.text for r in rows)])))
        if len(everywhere) == 1:
            self.f.set("currency", everywhere.pop(), LETTERHEAD)

    # the table
    def _lines(self, rows: list[Row], start: int, header: dict[str, Cell]) -> tuple[list[RemittanceLine], int, Row | None]:
        total_words = self.conf["total_row"]
        lines: list[RemittanceLine] = []
        end = start + 1
        total_row = None
        for end in range(start + 1, len(rows)):
            row = rows[end]
            if _prefix(row.cells[0].text, total_words) is not None:
                total_row = row
                end += 1
                break
            exact = row.indexed and self.header_indexed
            cells: dict[str, list[Cell]] = {}
            for cell in row.cells:
                name = _place(cell, header, exact)
                if name is not None:
                    cells.setdefault(name, []).append(cell)
            number = " ".join(c.text for c in cells.get("invoice_number", []))
            if lines and self._whole_deduction(row):
                continue
            if not number.split() or not any(ch.isdigit() for ch in number.split()[0]):  # a note under the table
                if lines and not any(ch.isdigit() for ch in row.text) and len(row.cells) == 1 and \
                        "note" in header and _place(row.cells[0], header, exact) == "note":
                    lines[-1] = lines[-1].model_copy(update={"note": f"{lines[-1].note} {row.text}".strip()})
                    continue
                if lines:  # past the table; its total may follow a note (``Motivo del descuento: ...``)
                    self.table_stop = end
                    for k in range(end + 1, min(end + 1 + NOTE_ROWS, len(rows))):
                        if _prefix(rows[k].cells[0].text, total_words) is not None:
                            total_row, end = rows[k], k + 1
                            break
                    break
                continue
            line = self._line(len(lines) + 1, row, number, cells, header)
            lines.append(line)
        else:
            end = len(rows)
        return lines, end, total_row

    def _explained(self, lines: list[RemittanceLine], rows: list[Row]) -> list[RemittanceLine]:
        """Deductions explained under the table (``Deduction on HR-EX-2603-013: wire fee charged by our bank.``,
        ``Motivo del descuento: rappel ... (factura HR-EX-2603-003)``): a row of text naming the invoice of a line
        that deducts without a reason gives that line its reason (after the row's colon) and its code."""
        out = []
        for line in lines:
            if line.deduction and not line.deduction_reason and line.invoice_number:
                for row in rows:
                    text = row.text.strip()
                    if line.invoice_number in text:
                        # a note explaining several lines (``A short shipment claim; B incoming wire fee.``): its part
                        # naming this line's invoice, without the number
                        text = next(p for p in re.split(r"[;；]", text) if line.invoice_number in p).strip()
                        why = text.partition(":")[2].strip() or text
                        if why.startswith(line.invoice_number) and why != line.invoice_number:
                            why = why[len(line.invoice_number):].strip(" :：-")
                        code = deduction_code(why)
                        line = line.model_copy(update={"deduction_reason": why, "deduction_code": (
                            code if code != "other" else line.deduction_code)})
                        break
            out.append(line)
        return out

    def _whole_deduction(self, row: Row) -> bool:
        """A row under the lines that deducts from the whole payment (``Less: bank charges  -20.00``, ``扣手续费
        20.00``): a deduction label or word first, an amount last. Sets the advice's deduction."""
        first = row.cells[0].text
        words = [w for ws in self.conf["deduction_codes"].values() for w in ws]
        said = _prefix(first, self.conf["columns"]["deduction"]) is not None or any(
            w.lower() in first.lower() for w in words)
        if not said or len(row.cells) < 2 or any(ch.isdigit() for ch in first):
            return False
        try:
            value = abs(amount_in(row.cells[-1].text))
        except (ValueError, ArithmeticError):
            return False
        if not value or self.f.get("deduction") is not None:
            return False
        reason = _prefix(first, self.conf["columns"]["deduction"])
        why = (reason[1] if reason and reason[1] else first).strip(" :：")
        self.f.set("deduction", value, LABELLED)
        self._locate("deduction", row.cells[-1])
        self.deduction = (value, why, deduction_code(why))
        return True

    def _line(self, no: int, row: Row, number: str, cells: dict[str, list[Cell]], header: dict[str, Cell]) -> RemittanceLine:

        p = f"lines[{no - 1}]"
        values: dict[str, Any] = {"line_no": no, "invoice_number": number.split()[0].strip(" ,;")}
        self.f.set(f"{p}.invoice_number", values["invoice_number"], LABELLED)
        self._locate(f"{p}.invoice_number", cells["invoice_number"][0])
        for name in ("invoice_amount", "deduction", "amount_paid"):
            text = " ".join(c.text for c in cells.get(name, [])).strip()
            if not text or text in ("-", "—", "/"):
                continue
            try:  # a credit note netted on the advice is a line paying a negative amount; a deduction is positive
                value = abs(amount_in(text)) if name == "deduction" else amount_in(text)
            except (ValueError, ArithmeticError) as exc:
                self.row_warnings.append(RowWarning(row=row.no, column=header[name].text, cell=text, sheet=row.sheet,
                                                    reason=f"cannot read the amount ({exc})"))
                self.f.set(f"{p}.{name}", None, 0.0)
                continue
            values[name] = value
            self.f.set(f"{p}.{name}", value, LABELLED)
            self._locate(f"{p}.{name}", cells[name][0])
        if cells.get("invoice_date"):
            try:
                values["invoice_date"] = self._date(" ".join(c.text for c in cells["invoice_date"]))
            except (ValueError, ArithmeticError):
                pass
        for name in ("deduction_reason", "note"):
            if cells.get(name):
                values[name] = " ".join(c.text for c in cells[name])
        gross, less, paid = values.get("invoice_amount"), values.get("deduction"), values.get("amount_paid")
        if paid is None and gross is not None and not any(w.row == row.no for w in self.row_warnings):
            paid = gross - (less or Decimal("0"))
            values["amount_paid"] = paid
            self.f.derive(f"{p}.amount_paid", paid, LABELLED if less is None else 0.9,
                          [f"{p}.invoice_amount", *([f"{p}.deduction"] if less is not None else [])])
        elif paid is not None and gross is not None and less is None and paid < gross:
            values["deduction"] = gross - paid  # the payer pays less than it lists the invoice at, saying nothing
            self.f.derive(f"{p}.deduction", values["deduction"], LABELLED, [f"{p}.invoice_amount", f"{p}.amount_paid"])
        elif paid is not None and gross is not None and less is not None and gross - less != paid:
            self.f.doubt(f"line {no} (invoice {values['invoice_number']}): {gross} less {less} is not the {paid} paid",
                         f"{p}.amount_paid", f"{p}.deduction")
        if values.get("deduction"):
            code = deduction_code(values.get("deduction_reason"), values.get("note"))
            if code == "other" and "deduction" in header:  # a column named for its kind (Skonto, Cash discount)
                code = deduction_code(header["deduction"].text)
            values["deduction_code"] = code
        if values.get("amount_paid") is None and not any(w.row == row.no for w in self.row_warnings):
            self.row_warnings.append(RowWarning(row=row.no, column=header.get("amount_paid", header["invoice_number"]).text,
                                                cell=row.text, sheet=row.sheet, reason="no amount paid on the line"))
            self.f.set(f"{p}.amount_paid", None, 0.0)
        return RemittanceLine(**values)

    def _locate(self, name: str, cell: Cell) -> None:
        src = cell.source()
        if src is not None:
            self.f.sources[name] = src.model_copy(update={"confidence": self.f.confidence.get(name, 0.0)})

    def _check(self, lines: list[RemittanceLine]) -> None:
        from extractors.documents.result import CONFIRMED, DOUBTFUL

        paid = [f"lines[{i}].amount_paid" for i, ln in enumerate(lines) if ln.amount_paid is not None]
        if not lines:
            self.f.warnings.append("the advice lists no invoice")
            return
        total = self.f.get("total")
        got = sum((ln.amount_paid for ln in lines if ln.amount_paid is not None), Decimal("0"))
        read = [*paid, *(["deduction"] if self.deduction is not None else [])]
        if self.deduction is not None:
            got -= self.deduction[0]
        if total is None:
            if len(paid) == len(lines):  # printed nowhere: the lines' sum, for a person to confirm
                self.f.derive("total", got, DOUBTFUL, paid)
                self.f.warnings.append(f"no total printed: the lines pay {got:,.2f}")
            return
        if got == total and len(paid) == len(lines):
            self.f.confirm("total", *read)
            for name in read:
                self.f.confidence[name] = max(self.f.confidence[name], CONFIRMED)
        else:
            less = f" less the {self.deduction[0]:,.2f} deducted: {got:,.2f}" if self.deduction else ""
            lines_sum = got + (self.deduction[0] if self.deduction else 0)
            self.f.doubt(f"the lines pay {lines_sum:,.2f}{less}, the advice's total is {total:,.2f}", "total", *read)


def read_remittance(path: Path | str, data: bytes | None = None) -> DocumentResult:
    """Read a remittance advice file; the result's ``row_warnings`` lists the lines that could not be read.
    Raises :class:`InputError` when no invoice table is found."""
    path = Path(path)
    data = path.read_bytes() if data is None else data
    return read_rows(source_of(path, data), source=str(path))


def read_rows(src: Source, source: str | None = None) -> DocumentResult:
    """A remittance advice from rows already cut into cells (see :func:`rows_from_words` and friends)."""
    result = _Reader(src, source).read()
    if src.subject and result.record.reference is None:  # type: ignore[attr-defined]
        _reference_from_subject(result, src.subject)
    if src.ocr:
        _doubt_ocr(result)
    return result


# -- scans ----------------------------------------------------------------------------------------------------
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"}


def scan_words(path: Path) -> list[Word]:
    """The OCR words of a scanned advice (an image, or a PDF of page images), as the document reader prepares
    them (the fax header dropped, levelled, blanks put back)."""
    from extractors.documents import words_of
    from extractors.ocr import prepare_words

    words, _ = words_of(path)
    if not words:
        raise InputError("no text found on the scanned remittance advice", source=str(path))
    return prepare_words(words)


def scan_is_advice(words: list[Word]) -> bool:
    """Whether a scan's OCR words are a remittance advice: an invoice table this reader finds (an invoice-number
    column and an amount column) with an advice's title above it, as :func:`looks_like_remittance` tells a sheet.
    (The document reader's title test misses a scan whose column heads OCR boxed close together.)"""
    rows = rows_from_words(words)
    found = _header(rows, config()["columns"])
    if found is None:
        return False
    titles = [_fold(t) for t in config()["titles"]]
    head = _norm(" ".join(r.text for r in rows[:found[0]])).lower()
    return any(t in head for t in titles)


def read_scanned(words: list[Word], source: str | None = None) -> DocumentResult:
    """A scanned advice from its OCR words (already prepared by the document reader, which met the advice)."""
    return read_rows(Source(rows_from_words(words), ocr=True), source=source)


def _doubt_ocr(result: DocumentResult) -> None:
    """OCR's readings doubted (``[remittances]`` of ``data/ocr.toml``): names, references, invoice numbers and dates
    (a misread character passes every shape check) at ``text_confidence`` at most; the figures keep theirs only
    where every line's amount paid, less the advice's deduction, sums to the printed total, else at
    ``figure_confidence`` at most. The result is marked as read by OCR."""
    from extractors.documents.common import ocr_settings

    cfg = ocr_settings().get("remittances", {})
    advice = result.record
    paid = [ln.amount_paid for ln in advice.lines]  # type: ignore[attr-defined]
    less = advice.deduction or Decimal("0")  # type: ignore[attr-defined]
    summed = bool(paid) and None not in paid and advice.total is not None and \
        sum(paid, Decimal("0")) - less == advice.total  # type: ignore[attr-defined]
    for name, value in result.confidence.items():
        figure = name in ("total", "deduction") or name.rsplit(".", 1)[-1] in ("amount_paid", "invoice_amount",
                                                                              "deduction")
        cap = (1.0 if summed else cfg["figure_confidence"]) if figure else cfg["text_confidence"]
        result.confidence[name] = min(value, cap)
    result.ocr = True  # type: ignore[attr-defined]


def _reference_from_subject(result: DocumentResult, subject: str) -> None:
    """An e-mail naming its advice only in the subject (``Remittance advice RA-2026-0412``): that reference."""
    titles = sorted((_fold(t) for t in config()["titles"]), key=len, reverse=True)
    low = _norm(subject).lower()
    for t in titles:
        at = low.find(t)
        if at < 0:
            continue
        rest = _norm(subject)[at + len(t):].lstrip(" :：#-–").split()
        if rest and any(ch.isdigit() for ch in rest[0]):
            ref = rest[0].strip(",;.")
            record = result.record
            result.record = record.model_copy(update={"reference": ref})
            result.confidence["reference"] = LABELLED
            return
