"""Documents that are not of a kind orderhub reads, though they print an invoice number, a total and two
parties: a quotation, a purchase order, an order confirmation, a payment reminder, a statement of account, a
payer's remittance advice, a contract, a 收据 for cash, an expense report, a bank statement PDF. They are
refused with their kind named, never booked as an invoice or a receipt at high confidence.

The kind is told by the document's title, as a person tells it: the phrases of ``data/kinds.toml`` ``[other.*]``
printed as a title (larger than the body, or alone on their line near the top), against the titles of the kinds
orderhub reads (``labels.toml`` ``[<kind>.title]``): the most prominent title decides, so an ``INVOICE`` that
names its purchase order, a proforma invoice, a 数电发票 whose 备注 names its 合同号 or an invoice with a
``Reminder`` footnote stays an invoice. See :func:`other_kind`.
"""

from __future__ import annotations

import re
import statistics
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from extractors.layout import default_labels
from extractors.words import Line, Word, group_lines, median_height

#: Gap between two words (in line heights) that splits a line into segments (two columns of a header).
SEGMENT_GAP = 1.5
#: Hits at least this fraction of the most prominent hit's size are in the top tier of titles.
TIER = 0.9
#: Prominence (height over the body's) from which a phrase followed by a label word is still a title.
CLEAR_TITLE = 1.3
#: Words under an invoice-number column header that make it a list of invoices.
MIN_LISTED = 2


@dataclass(frozen=True)
class OtherKind:
    """What a document is when it is none of the kinds orderhub reads."""

    kind: str
    what: str
    title: str
    hint: str = ""
    #: the invoice numbers the document lists (a remittance advice, a reminder, a statement of account)
    invoices: tuple[str, ...] = ()

    def reason(self, asked: str) -> str:
        """The refusal: ``not an invoice: a quotation, titled 'QUOTATION'; ...``."""
        text = f"not {asked}: {self.what}, titled {self.title!r}"
        if self.invoices:
            text += f"; it lists invoices {', '.join(self.invoices)}"
        return text + (f"; {self.hint}" if self.hint else "")


@dataclass(frozen=True)
class _Hit:
    kind: str
    other: bool
    key: str
    weight: float
    size: float
    printed: str


@cache
def _config() -> dict[str, Any]:
    data = tomllib.loads(resources.files("extractors").joinpath("data/kinds.toml").read_text(encoding="utf-8"))
    return data["other"]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _compact(words: list[Word]) -> tuple[str, set[int]]:
    """The words' text without blanks, and the places in it where a word starts or ends (Latin phrases
    match only from one such place to another: ``Devis`` is not in ``Devise``)."""
    text, bounds = "", {0}
    for word in words:
        for ch in "".join(_fold(word.text).split()):
            if text and (not ch.isalpha() or not text[-1].isalpha()):
                bounds.add(len(text))
            text += ch
        bounds.add(len(text))
    return text, bounds


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@cache
def _phrases() -> list[tuple[str, str, bool, float]]:
    """``(key, kind, other, weight)`` of every title phrase, longest first."""
    out = []
    for kind, spec in default_labels().items():
        out += [("".join(_fold(k).split()), kind, False, float(w)) for k, w in spec.title.items()]
    for kind, spec in _config().items():
        if isinstance(spec, dict):
            out += [("".join(_fold(k).split()), kind, True, float(w)) for k, w in spec["titles"].items()]
    return sorted(out, key=lambda p: -len(p[0]))


def _find(text: str, bounds: set[int]) -> list[tuple[int, int, str, str, bool, float]]:
    """Every phrase in ``text`` not inside a longer one found there (both kept when two kinds share one)."""
    found: list[tuple[int, int, str, str, bool, float]] = []
    for key, kind, other, weight in _phrases():
        start = text.find(key)
        while start >= 0:
            end = start + len(key)
            latin = not _cjk(key)
            if (not latin or start in bounds and end in bounds) and not any(
                    s <= start and end <= e and (e - s) > len(key) for s, e, *_ in found):
                found.append((start, end, key, kind, other, weight))
            start = text.find(key, start + 1)
    return found


def _segments(line: Line) -> list[list[Word]]:
    """A line cut where the gap between two words is wide (the two columns of a header)."""
    out: list[list[Word]] = []
    for word in line.words:
        if out and word.x0 - out[-1][-1].x1 > SEGMENT_GAP * line.height:
            out.append([word])
        elif out:
            out[-1].append(word)
        else:
            out.append([word])
    return out


def _label_follows(text: str, end: int) -> bool:
    rest = text[end:]
    return any(rest.startswith(s) for s in _config().get("label_suffixes", []))


def _title_hits(words: list[Word]) -> list[_Hit]:
    """Title phrases printed as titles on page 1: larger than the body (a label word after them is allowed
    only when clearly larger), or alone on their line in the title area."""
    from extractors.documents.classify import _title_area

    first = [w for w in words if w.page == min(w.page for w in words)]
    body = median_height(first)
    area = {id(w) for w in _title_area(first)}
    hits: list[_Hit] = []
    for line in group_lines(first):
        alone = len(_segments(line)) == 1 and all(id(w) in area for w in line.words)
        for segment in _segments(line):
            text, bounds = _compact(segment)
            found = _find(text, bounds)
            share: dict[str, int] = {}  # the letters of each kind's phrases here (a bilingual title: both)
            for _s, _e, key, kind, _o, _w in found:
                share[kind] = share.get(kind, 0) + _letters(key)
            for start, end, key, kind, other, weight in found:
                size = statistics.median(w.height for w in segment) / body
                if other and 2 * share[kind] < _letters(text):
                    continue  # a part of a name ("Contract Packaging Ltd."), not a title
                whole = alone and start == 0 and end >= len(text.rstrip(":：."))
                if size >= float(_config().get("prominent", 1.2)):
                    if size < CLEAR_TITLE and _label_follows(text, end):
                        continue
                elif not whole:
                    continue
                hits.append(_Hit(kind, other, key, weight, max(size, 1.0), _printed(segment, key)))
    return hits


def _letters(text: str) -> int:
    """Letters, a Chinese character counting as two (``合同`` weighs as much as ``contract`` in a bilingual title)."""
    return sum(2 if _cjk(ch) else 1 for ch in text if ch.isalpha())


def _printed(segment: list[Word], key: str) -> str:
    """The segment's text as printed, for the reason."""
    text = " ".join(w.text for w in segment)
    return text if len(text) <= 3 * len(key) + 12 else text[: 3 * len(key) + 12] + "..."


def listed_invoices(words: list[Word]) -> tuple[str, ...]:
    """Invoice numbers under an invoice-number column header (``Invoice No.``, ``发票号码``, ``Rechnungsnummer``),
    when two or more stand there: the document lists invoices (a remittance advice, a reminder)."""
    keys = {"".join(_fold(k).split()).rstrip(".:：") for k in _config().get("invoice_column", [])}
    lines = group_lines(words)
    for i, line in enumerate(lines):
        for segment in _segments(line):
            text = "".join(_fold(" ".join(w.text for w in segment)).split()).rstrip(".:：")
            if text not in keys:
                continue
            x0, x1 = segment[0].x0, segment[-1].x1
            found: list[str] = []
            for below in lines[i + 1:i + 30]:
                if below.page != line.page:
                    break
                cell = [w for w in below.words if w.x0 < x1 + line.height and w.x1 > x0 - line.height]
                value = " ".join(w.text for w in cell)
                if cell and re.fullmatch(r"[A-Za-z]{0,6}[-/ ]?[A-Za-z0-9-/]*\d{3,}[A-Za-z0-9-/]*", value):
                    found.append(value)
            if len(found) >= MIN_LISTED:
                return tuple(found)
    return ()


def _marks(words: list[Word], spec: dict[str, Any]) -> float:
    text, bounds = _compact(words)
    score = 0.0
    for mark, weight in spec.get("marks", {}).items():
        key = "".join(_fold(mark).split())
        start = text.find(key)
        if start >= 0 and (_cjk(key) or start in bounds and start + len(key) in bounds):
            score += float(weight)
    return score


def other_kind(words: list[Word]) -> OtherKind | None:
    """What the document is when its most prominent title is a quotation's, a purchase order's ... rather than
    an invoice's, a receipt's, a packing list's or a delivery note's; None when it is one orderhub reads (or has
    no title). At equal prominence the higher-weighted title wins and a tie goes to the kind orderhub reads,
    except for a kind marked ``listing`` when the document lists invoices."""
    words = [w for w in words if w.text.strip()]
    if not words:
        return None
    hits = _title_hits(words)
    if not any(h.other for h in hits):
        return None
    top = max(h.size for h in hits)
    tier = [h for h in hits if h.size >= TIER * top]
    real: dict[str, float] = {}
    others: dict[str, float] = {}
    for h in tier:
        target = others if h.other else real
        target[h.kind] = target.get(h.kind, 0.0) + h.weight
    if not others:
        return None
    config = _config()
    listed = listed_invoices(words)
    ranked = []
    for kind, title in others.items():
        spec = config[kind]
        if spec.get("listing") and not listed:
            continue
        ranked.append((title + _marks(words, spec), title, kind))
    if not ranked:
        return None
    _, title, kind = max(ranked)
    spec = config[kind]
    best_real = max(real.values(), default=0.0)
    if title < best_real or title == best_real and not spec.get("listing"):
        return None
    printed = max((h for h in tier if h.kind == kind), key=lambda h: h.weight).printed
    return OtherKind(kind, spec["what"], printed, spec.get("hint", ""), listed)
