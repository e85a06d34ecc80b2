"""Which kind of document this is (invoice, receipt, packing list, delivery note), from its title words
and its structure: which of a kind's fields are printed under their labels with a value that parses.

Title words and their weights are in ``data/labels.toml`` (``[<kind>.title]``); a title word counts more
in the title area (top of page 1) than in the body, so a credit advice whose memo names an invoice is not
an invoice. The structure weights are in ``data/kinds.toml``: a document titled only ``INVOICE`` with a
number, a date, parties and a total is an invoice; an advice with payer, payee, accounts, a value date
and an amount, or a 回单 whose amount is printed only in 大写 and a digit grid, is a receipt. The kind
with the highest score wins, provided it reaches :data:`MIN_SCORE`.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import Any

from extractors.layout import Labels, Layout, default_labels
from extractors.tables import read_table
from extractors.words import Word

#: Below this score a document is not recognised.
MIN_SCORE = 3.0

#: Document kinds this module tells apart, with the names the CLI uses.
KINDS = {"invoice": "invoice", "receipt": "receipt", "packing_list": "packing-list", "delivery": "delivery"}


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


@cache
def _structure() -> dict[str, Any]:
    return tomllib.loads(resources.files("extractors").joinpath("data/kinds.toml").read_text(encoding="utf-8"))


def _parsers() -> dict[str, Callable[[str], Any]]:
    from extractors.documents.common import text_value, upper_amount
    from extractors.documents.receipts import _account
    from extractors.documents.roles import direction_of_value
    from extractors.parse import parse_amount, parse_date, parse_document_number
    from extractors.parse.taxids import check_tax_id

    def direction(text: str) -> str:
        if direction_of_value(text) is None:
            raise ValueError(text)
        return text

    def spelled(text: str) -> Any:
        return upper_amount(text)[0]

    def number(text: str) -> str:
        value = parse_document_number(text.split()[0] if text.split() else text)
        if not any(ch.isdigit() for ch in value):
            raise ValueError(text)
        return value

    amount = parse_amount
    return {"number": number, "issue_date": parse_date, "value_date": parse_date, "total": amount, "net": amount,
            "tax": amount, "amount": amount, "total_in_words": text_value, "amount_in_words": spelled,
            "buyer_tax_id": check_tax_id, "seller_tax_id": check_tax_id, "transaction_id": number,
            "receipt_no": number, "direction": direction, **{f"{s}_account": _account for s in
                                                             ("payer", "payee", "ours", "theirs")}}


def _title_area(words: list[Word]) -> list[Word]:
    """Words in the top quarter of page 1 (at least the first three lines' worth)."""
    first = [w for w in words if w.page == min((w.page for w in words), default=1)]
    if not first:
        return []
    top, bottom = min(w.y0 for w in first), max(w.y1 for w in first)
    height = min(w.y1 - w.y0 for w in first)
    limit = top + max(0.25 * (bottom - top), 3.5 * height)
    return [w for w in first if w.y0 <= limit]


def structure_score(kind: str, words: list[Word], labels: Labels) -> float:
    """How much of ``kind``'s structure the words show (weights of the fields that parse, capped)."""
    weights = _structure().get("structure", {}).get(kind)
    if not weights:
        return 0.0
    layout = Layout(words, labels)
    parsers = _parsers()
    score = 0.0
    for name, weight in weights.items():
        if name == "table":
            table = read_table(layout)
            found = table is not None and "amount" in table.names and bool(table.rows)
        elif name == "grid":
            from extractors.documents.digit_grid import read_digit_grid

            found = read_digit_grid(layout) is not None
        else:
            parse = parsers.get(name)
            found = False
            for v in layout.candidates(name)[:3]:
                try:
                    found = parse is None and bool(v.text.strip()) or parse is not None and parse(v.text) is not None
                except (ValueError, ArithmeticError):
                    continue
                if found:
                    break
        score += weight if found else 0.0
    return min(score, float(_structure().get("cap", 8.0)))


def scores(words: Iterable[Word], labels: dict[str, Labels] | None = None) -> dict[str, float]:
    """Score of each document kind for these words: title words (more in the title area) plus structure."""
    labels = labels or default_labels()
    words = list(words)
    conf = _structure()
    head = "".join(_norm(w.text) for w in _title_area(words))
    text = "".join(_norm(w.text) for w in words)
    titles = {}
    for kind in KINDS:
        spec = labels.get(kind)
        if spec is None:
            continue
        title = 0.0
        for k, w in spec.title.items():
            key = _norm(k)
            if key in head:
                title += w * float(conf.get("title_area", 2.0))
            elif key in text:
                title += w * float(conf.get("elsewhere", 0.5))
        titles[kind] = title
    ranked = sorted(titles.values(), reverse=True) + [0.0, 0.0]
    if ranked[0] >= float(conf.get("clear_title", 8.0)) and ranked[1] <= ranked[0] / 3:
        return titles  # a clear title and no rival: the structure need not be read
    return {kind: title + structure_score(kind, words, labels[kind]) for kind, title in titles.items()}


def classify(words: Iterable[Word], labels: dict[str, Labels] | None = None) -> str | None:
    """``invoice``, ``receipt``, ``packing_list`` or ``delivery``, or None when no kind scores :data:`MIN_SCORE`."""
    found = scores(list(words), labels)
    if not found:
        return None
    kind, best = max(found.items(), key=lambda kv: kv[1])
    return kind if best >= MIN_SCORE else None
