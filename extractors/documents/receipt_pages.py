"""A page that prints several bank receipts (a 网上银行 print of two or three 电子回单 one under another, each with
its own title, parties and amount): the bands of words that are each one receipt.

A band starts at a title line: a line holding a receipt title phrase (``data/labels.toml [receipt.title]`` of
weight ``BAND_TITLE_WEIGHT`` or more: 电子回单, 客户回单, Credit Advice ...) whose text the page prints again, word
for word, further down. Words above the first title (a print header) belong to the first band. A page with one
such title is one receipt."""

from __future__ import annotations

import unicodedata

from extractors.layout import default_labels
from extractors.words import Line, Word, group_lines

#: a title phrase this heavy names a receipt on its own (回单 alone, weight 3, also ends a footer's sentence)
BAND_TITLE_WEIGHT = 4
#: a band must hold this many lines to be a receipt of its own
MIN_BAND_LINES = 4


def _compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _title_lines(lines: list[Line]) -> list[Line]:
    phrases = [_compact(p) for p, w in default_labels()["receipt"].title.items() if float(w) >= BAND_TITLE_WEIGHT]
    titled = [ln for ln in lines if any(p in _compact(ln.text) for p in phrases)]
    counts: dict[str, int] = {}
    for ln in titled:
        counts[_compact(ln.text)] = counts.get(_compact(ln.text), 0) + 1
    repeated = [t for t, n in counts.items() if n >= 2]
    if not repeated:
        return []
    first = min(repeated, key=lambda t: min(ln.y0 for ln in titled if _compact(ln.text) == t))
    return [ln for ln in titled if _compact(ln.text) == first]


def receipt_bands(words: list[Word]) -> list[list[Word]]:
    """The receipts printed on the pages of ``words``, each as its words, top to bottom and page by page; a
    single list (all the words) when no page prints two."""
    bands: list[list[Word]] = []
    for page in sorted({w.page for w in words}):
        on_page = [w for w in words if w.page == page]
        lines = group_lines(on_page)
        titles = sorted(_title_lines(lines), key=lambda ln: ln.y0)
        if len(titles) < 2:
            bands.append(on_page)
            continue
        cuts = [t.y0 - 0.5 * t.height for t in titles[1:]]
        parts: list[list[Word]] = [[] for _ in titles]
        for w in on_page:
            parts[sum(w.y0 >= c for c in cuts)].append(w)
        if any(len(group_lines(p)) < MIN_BAND_LINES for p in parts):
            bands.append(on_page)
            continue
        bands += parts
    return bands if len(bands) > 1 else [words]
