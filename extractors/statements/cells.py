"""Reading the cells of statement exports as banks print them: direction words (``贷 Cr``, ``DEBIT``,
``付``), amounts with annotations or currencies (``131.77(已退款89.84)``, ``HKD 1,234.56``, ``88.00 DR``)
and dates without a year (``12/29``, ``12月29日``) with the year taken from the statement's period.

Every reader returns None for an empty cell and raises ``ValueError`` with the reason for a cell it
cannot read. The vocabularies are data (``statement_rules.toml``)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from extractors.columns import is_blank
from extractors.parse import find_currency, parse_amount, parse_date
from extractors.parse.currencies import SYMBOLS
from extractors.parse.dates import MONTHS, text_dates
from extractors.spreadsheets import Cell, cell_text


@cache
def rules() -> dict[str, Any]:
    """The statement rules data file (directions, statuses, footers, preamble labels, account kinds, banks)."""
    text = resources.files("extractors").joinpath("data", "statement_rules.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def squash(text: str) -> str:
    """NFKC, no blanks (for comparing labels and values)."""
    return re.sub(r"[\s\u3000]+", "", unicodedata.normalize("NFKC", text))


# -- directions ----------------------------------------------------------------------------------------
@cache
def _direction_words() -> dict[str, str]:
    table = rules()["direction"]
    return {squash(word).casefold(): key for key in ("in", "out", "neutral") for word in table[key]}


_WORD_RE = re.compile(r"[\u3400-\u9fff]+|[A-Za-z]+")


def direction_of(value: Cell) -> str | None:
    """``in``, ``out`` or ``neutral`` for a direction cell (``收入``, ``贷 Cr``, ``DEBIT``, ``D``, ``付``);
    None for a blank cell. Raises ``ValueError`` for a value that is none of these or says both."""
    if isinstance(value, str) and squash(value) == "/":
        return "neutral"  # WeChat Pay's 收/支 of transfers between one's own accounts
    if is_blank(value):
        return None
    text = squash(cell_text(value)).casefold()
    words = _direction_words()
    if text in words:
        return words[text]
    found = {words[w.casefold()] for w in _WORD_RE.findall(text) if w.casefold() in words}
    if len(found) == 1:
        return found.pop()
    if len(found) > 1:
        raise ValueError(f"{cell_text(value)!r} says both money in and money out")
    raise ValueError(f"{cell_text(value)!r} is neither money in nor money out")


# -- amounts -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AmountCell:
    """An amount as printed: its value (signed as printed), the currency printed with it, a direction
    marker printed with it (``CR``/``DR``, ``借``/``贷``), and a note in brackets (``已退款89.84``)."""

    value: Decimal
    currency: str | None = None
    direction: str | None = None
    note: str | None = None


#: a bracketed part that is words, not an accounting negative ``(1,234.50)``
_NOTE_RE = re.compile(r"[(（\[【]([^()（）\[\]【】]*[^\d\s.,()（）\[\]【】+\-−][^()（）\[\]【】]*)[)）\]】]")
_SYMBOLS = sorted((s for s in SYMBOLS if not s.isalpha() or len(s) > 1), key=len, reverse=True)
_MARKER_WORDS = {"cr": "in", "dr": "out", "贷": "in", "借": "out", "收": "in", "支": "out", "收入": "in", "支出": "out"}


def read_amount(value: Cell) -> AmountCell | None:
    """An amount cell, or None when it is blank. Raises ``ValueError`` naming why it is no amount."""
    if is_blank(value):
        return None
    if isinstance(value, Decimal):  # a number cell of a workbook: at least two places, as printed
        quantized = value.quantize(Decimal("0.01"))
        return AmountCell(quantized if value == quantized else value)
    if isinstance(value, datetime):
        raise ValueError(f"{cell_text(value)!r} is a date, not an amount")
    raw = unicodedata.normalize("NFKC", cell_text(value)).strip()
    notes = [m.strip() for m in _NOTE_RE.findall(raw) if m.strip()]
    codes = [n for n in notes if re.fullmatch(r"[A-Z]{3}", n) and find_currency(n)]  # 12.00 (HKD)
    notes = [n for n in notes if n not in codes]
    body = _NOTE_RE.sub(" ", raw).strip()
    currency = find_currency(body) or (find_currency(codes[0]) if codes else None)
    if currency == "USD" and not re.search(r"US|美元", body):
        currency = None  # a bare "$" is the local dollar (HK$ in Hong Kong), said by the account
    direction = None
    bare = body
    for symbol in _SYMBOLS:
        bare = bare.replace(symbol, " ")
    for word in _WORD_RE.findall(bare):
        key = word.casefold()
        if find_currency(word) or word in ("元", "负"):
            continue
        if key not in _MARKER_WORDS:
            raise ValueError(f"{raw!r} is not an amount")
        if direction is not None and direction != _MARKER_WORDS[key]:
            raise ValueError(f"{raw!r} says both money in and money out")
        direction = _MARKER_WORDS[key]
        body = re.sub(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", " ", body, count=1)
    if not re.search(r"\d", body):
        raise ValueError(f"{raw!r} has no figure")
    amount = parse_amount(body.strip())
    if amount == amount.quantize(Decimal("0.01")):
        amount = amount.quantize(Decimal("0.01"))
    return AmountCell(amount, currency, direction, "; ".join(notes) or None)


# -- dates ---------------------------------------------------------------------------------------------
_YEARLESS = [
    ("md", re.compile(r"^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s.*)?$")),
    ("ab", re.compile(r"^(\d{1,2})[/.\-](\d{1,2})\.?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")),  # 02.03. (German)
    ("mmdd", re.compile(r"^(0[1-9]|1[0-2])([0-3]\d)$")),
    ("dmon", re.compile(r"^(\d{1,2})[\s\-]*([A-Za-z]{3,9})\.?$")),
    ("mond", re.compile(r"^([A-Za-z]{3,9})\.?[\s\-]*(\d{1,2})$")),
]


@dataclass(frozen=True)
class Yearless:
    """A date printed without its year; ``a``/``b`` as printed when they may be month/day or day/month."""

    text: str
    month: int | None = None
    day: int | None = None
    a: int | None = None
    b: int | None = None


def yearless(text: str) -> Yearless | None:
    """The month and day of a date printed without a year (``12/29``, ``12-29``, ``12月29日``, ``1229``,
    ``29 Dec``), or None when the text is not one."""
    raw = unicodedata.normalize("NFKC", text).strip()
    for kind, pattern in _YEARLESS:
        match = pattern.match(raw)
        if not match:
            continue
        g = match.groups()
        if kind in ("md", "mmdd"):
            return Yearless(raw, int(g[0]), int(g[1]))
        if kind == "ab":
            return Yearless(raw, a=int(g[0]), b=int(g[1]))
        name, day = (g[1], g[0]) if kind == "dmon" else (g[0], g[1])
        month = MONTHS.get(name.lower()) or MONTHS.get(name.lower()[:3])
        if month:
            return Yearless(raw, month, int(day))
    return None


def settle_yearless(found: list[Yearless]) -> bool | None:
    """Whether ``a/b`` dates of a column are day/month (True), month/day (False) or cannot tell (None)."""
    dayfirst = any(y.a is not None and y.a > 12 >= (y.b or 0) for y in found)
    monthfirst = any(y.b is not None and y.b > 12 >= (y.a or 0) for y in found)
    return None if dayfirst == monthfirst else dayfirst


@dataclass
class Period:
    """What the preamble and the file name say about when the statement's transactions happened."""

    start: date | None = None
    end: date | None = None
    #: where the period was read (for warnings)
    source: str = ""
    years: set[int] = field(default_factory=set)

    def year_for(self, month: int, day: int, anchor: date | None = None) -> date:
        """The date of ``month``/``day`` in the statement's period (a December date in a period that
        ends in January belongs to the year before); ``anchor`` (another date of the same row, such as
        its posting date) decides when it is given. Raises ``ValueError`` when nothing tells the year."""
        if anchor is not None:
            return _nearest(month, day, anchor, after=7)
        if self.end is not None:
            low = (self.start or self.end - timedelta(days=400)) - timedelta(days=31)
            options = [d for y in (self.end.year - 1, self.end.year, self.end.year + 1)
                       if (d := _date(y, month, day)) and low <= d <= self.end + timedelta(days=7)]
            if options:
                return max(options)
            return _nearest(month, day, self.end, after=7)
        if len(self.years) == 1:
            (year,) = self.years
            d = _date(year, month, day)
            if d:
                return d
        raise ValueError("has no year, and neither the statement's period (preamble) nor the file name tells it")


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest(month: int, day: int, anchor: date, *, after: int) -> date:
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _date(y, month, day))]
    if not options:
        raise ValueError(f"{month}/{day} is not a valid date")
    not_after = [d for d in options if d <= anchor + timedelta(days=after)]
    return max(not_after) if not_after else min(options)


_FULL_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})|(0[1-9]|1[0-2])([0-3]\d))"
                           r"(?!\d)")
#: a European date with its year after the day and month, dotted (``31.03.2026``): day first
_DOTTED_DATE_RE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)")
_MONTH_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.年_]\s*(\d{1,2})\s*月?|(0[1-9]|1[0-2]))(?![\d/\-.])")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def dates_in(text: str) -> list[date]:
    """Full dates in a line of text (``2025-12-01``, ``2025/12/01``, ``20251201``, ``2025年12月1日``, dotted day
    first ``31.03.2026``, and with a month name: ``01 Feb 2026``, ``Feb 1, 2026``)."""
    out = text_dates(text)
    for m in _FULL_DATE_RE.finditer(unicodedata.normalize("NFKC", text)):
        y = int(m.group(1))
        mo, d = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
        found = _date(y, int(mo), int(d))
        if found:
            out.append(found)
    for m in _DOTTED_DATE_RE.finditer(unicodedata.normalize("NFKC", text)):
        if found := _date(int(m.group(3)), int(m.group(2)), int(m.group(1))):
            out.append(found)
    return out


def _slashed_range(line: str) -> list[date]:
    """The dates of a period printed with slashes (``01/08/2026 au 31/08/2026``), when one of them settles whether
    the day or the month comes first; else none (``01/03/2026 - 03/04/2026`` reads both ways)."""
    from extractors.parse.dates import infer_dayfirst

    texts = re.findall(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])", unicodedata.normalize("NFKC", line))
    dayfirst = infer_dayfirst(texts)
    if dayfirst is None:
        return []
    out = []
    for text in texts:
        a, b, y = (int(x) for x in text.split("/"))
        if found := _date(y, b, a) if dayfirst else _date(y, a, b):
            out.append(found)
    return out


def find_period(preamble: list[str], file_name: str) -> Period:
    """The statement's period from the preamble's labelled dates (``起止日期``, ``账单周期``, ``Statement
    Date``), else from any preamble date that is not the export's own date, else from the file name (a
    date range ``20250101_20250620``, a month ``2025-12`` / ``202512`` / ``2025年12月``, or a year)."""
    labels = [squash(w).casefold() for w in rules()["preamble"]["period"]]
    export = [squash(w).casefold() for w in rules()["preamble"]["export"]]
    labelled, other = [], []
    for line in preamble:
        key = squash(line).casefold()
        found = dates_in(line)
        if any(label in key for label in labels) and not any(e in key for e in export):
            labelled += found
        elif not any(e in key for e in export):
            other += found
    if not labelled:  # ``Période du 01/08/2026 au 31/08/2026``: slashed dates whose pair settles day/month
        labelled = [d for line in preamble if any(label in squash(line).casefold() for label in labels)
                    for d in _slashed_range(line)]
    labelled_months, other_months = [], []
    for line in preamble:
        key = squash(line).casefold()
        if any(e in key for e in export):
            continue
        (labelled_months if any(label in key for label in labels) else other_months).extend(months_in(line))
    for dates, where in ((labelled, "preamble"), (other, "preamble")):
        if dates:
            return Period(min(dates), max(dates), where, {d.year for d in dates})
    for months in (labelled_months, other_months):  # a billing month (招商银行信用卡对账单 2025年01月)
        if months:
            return _month_period(months, "preamble")
    name = unicodedata.normalize("NFKC", file_name)
    dates = dates_in(name)
    if dates:
        return Period(min(dates), max(dates), "file name", {d.year for d in dates})
    months = months_in(name)
    if months:
        return _month_period(months, "file name")
    years = {int(y) for y in _YEAR_RE.findall(name)}
    return Period(None, None, "file name" if years else "", years)


def months_in(text: str) -> list[tuple[int, int]]:
    """(year, month) of the billing months in a text (``2025-12``, ``202512``, ``2025年12月``)."""
    out = []
    for m in _MONTH_RE.finditer(unicodedata.normalize("NFKC", text)):
        month = int(m.group(2) or m.group(3))
        if 1 <= month <= 12:
            out.append((int(m.group(1)), month))
    return out


def _month_period(months: list[tuple[int, int]], where: str) -> Period:
    first, last = min(months), max(months)
    end = date(last[0] + (last[1] == 12), last[1] % 12 + 1, 1) - timedelta(days=1)
    return Period(date(first[0], first[1], 1), end, where, {y for y, _ in months})


#: Excel's day 0 (its serial numbers count days from it; 1900's leap day long past) and the serials read as dates
EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_SERIALS = (25569, 73050)  # 1970-01-01 .. 2099-12-31


def full_date(value: Cell, dayfirst: bool, *, serial: bool = False) -> date | None:
    """A date cell printed with its year (or an Excel date), else None. ``serial``: the cell is a date column's,
    where a workbook's whole number (``46083``: a date cell not formatted as one) is Excel's day serial."""
    if isinstance(value, datetime):
        return value.date()
    if (serial and isinstance(value, Decimal) and value == value.to_integral_value()
            and EXCEL_SERIALS[0] <= value <= EXCEL_SERIALS[1]):
        return EXCEL_EPOCH + timedelta(days=int(value))
    if value is None or isinstance(value, Decimal) and not (19000101 <= value <= 21001231):
        return None
    try:
        return parse_date(cell_text(value), dayfirst=dayfirst)
    except ValueError:
        return None
