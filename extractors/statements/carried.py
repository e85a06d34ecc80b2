"""Balances a statement prints beside its table rather than in it: the opening balance above the table
(ICBC's ``期初余额：500,000.00``, Sparkasse's first ``Kontostand am 28.02.2026``, ``Balance brought forward``,
``上期余额``, ``承前页``) and the closing balance above or below it (``Closing balance``, ``期末余额``, ``本期余额``).
The markers are data (``statement_rules.toml`` ``[footer] balance_figures``, ``opening_figures``); a marker that
says neither (``Kontostand am``) is the opening when it is the first printed and the closing after it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from extractors.statements.cells import read_amount, rules, squash

#: a date or time printed beside a balance's label (``Kontostand am 28.02.2026``, ``期初余额(2026-03-01)``, ``Balance
#: B/F 01/03``, ``per 28.02.``, ``3月1日``, ``24:00``)
_DATE = re.compile(r"\d{1,4}\s*[./\-年]\s*\d{1,2}\s*[./\-月]\s*\d{1,4}\s*日?|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}"
                   r"|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|(?<![\d,.])\d{1,2}/\d{1,2}(?![\d,.])"
                   r"|(?<![\d,.])\d{1,2}\.\d{1,2}\.(?!\d)|\d{1,2}\s*月\s*\d{1,2}\s*日|(?<![\d,.])\d{1,2}:\d{2}(?::\d{2})?(?![\d,.])")
#: a figure with its sign or direction marker (``-1,234.50``, ``(1,234.50)``, ``12.345,67 S``, ``500.00 DR``)
_FIGURE = re.compile(r"[(\-−+]?\s*\d[\d,.' \u00a0]*\d(?:\s*\))?(?:\s*(?:CR|DR|Cr|Dr|贷|借|H|S)(?![A-Za-z]))?"
                     r"|[(\-−+]?\d(?:\s*\))?")


@dataclass(frozen=True)
class PrintedBalances:
    """The opening and closing balances a statement prints outside its table (None: not printed)."""

    opening: Decimal | None = None
    closing: Decimal | None = None


def _markers() -> tuple[list[str], set[str], set[str]]:
    footer = rules()["footer"]
    figures = sorted(footer.get("balance_figures", []), key=len, reverse=True)
    return (figures, {squash(m).casefold() for m in footer.get("opening_figures", [])},
            {squash(m).casefold() for m in footer.get("closing_figures", [])})


def figure_after(text: str, start: int, end: int | None = None) -> Decimal | None:
    """The first figure in ``text[start:end]`` once dates are taken out, signed by its minus, brackets or debit
    marker (``DR``, ``借``, ``S``), or None when there is none."""
    part = _DATE.sub(" ", text[start:end])
    for found in _FIGURE.finditer(part):
        raw = found.group().strip().rstrip(".")
        marker = re.search(r"(?:CR|DR|Cr|Dr|贷|借|H|S)$", raw)
        body = raw[: marker.start()].strip() if marker else raw
        try:
            amount = read_amount(body.replace("\u00a0", " ").replace("−", "-"))
        except ValueError:
            continue
        if amount is None:
            continue
        value = amount.value
        if marker and marker.group().upper() in ("DR", "借", "S") and value > 0:
            value = -value
        return value
    return None


def balances_in(lines: list[str]) -> list[tuple[str, Decimal]]:
    """Every balance figure printed after one of the markers in ``lines`` (in order): (marker, figure). A figure
    is read up to the next marker, so one line may print both (``期初余额：500,000.00  期末余额：441,677.83``)."""
    figures, _, _ = _markers()
    if not figures:
        return []
    pattern = re.compile("|".join(rf"(?<![A-Za-z]){re.escape(m)}(?![A-Za-z])" for m in figures), re.I)
    out: list[tuple[str, Decimal]] = []
    for line in lines:
        text = unicodedata.normalize("NFKC", line)
        hits = list(pattern.finditer(text))
        for i, hit in enumerate(hits):
            value = figure_after(text, hit.end(), hits[i + 1].start() if i + 1 < len(hits) else None)
            if value is not None:
                out.append((hit.group(), value))
    return out


def is_opening(marker: str) -> bool | None:
    """Whether a marker prints the balance before the lines (True), after them (False), or does not say."""
    _, opening, closing = _markers()
    key = squash(marker).casefold()
    return True if key in opening else False if key in closing else None


def printed_balances(lines: list[str]) -> PrintedBalances:
    """The opening and closing balance printed in a statement's preamble lines (see the module's doc)."""
    opening: Decimal | None = None
    closing: Decimal | None = None
    for marker, value in balances_in(lines):
        says = is_opening(marker)
        if says is None:
            says = opening is None
        if says and opening is None:
            opening = value
        elif not says and closing is None:
            closing = value
    return PrintedBalances(opening, closing)
