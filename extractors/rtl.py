"""Right-to-left scripts (Hebrew, Arabic) in reading order. A PDF places their glyphs in visual order, right
to left, so words built from glyph positions read backwards (``ךיראת`` for ``תאריך``) and a Hebrew page's label
stands right of its value. Each such word is read reversed; a row's run of such words is put in reading order
within the run's span; on a page mostly in such a script every row is mirrored (the value then stands right of
its label, as on a left-to-right page), its runs of left-to-right words (numbers, Latin names) kept as printed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extractors.words import Word

#: Hebrew, Arabic (with Syriac, Thaana and their supplements) and their presentation forms
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LETTER = re.compile(r"[^\W\d_]")


def is_rtl(text: str) -> bool:
    """Whether ``text`` holds letters of a right-to-left script."""
    return bool(_RTL.search(text))


def _mirror(words: Sequence[Word], lo: float, hi: float) -> list[Word]:
    """``words`` reflected within ``lo``-``hi`` (their order reversed, the gaps kept)."""
    return [replace(w, x0=lo + hi - w.x1, x1=lo + hi - w.x0) for w in words]


#: a gap wider than this many text heights parts two cells (a table's columns), not two words of one phrase
CELL_GAP = 2.0


def _cell_gap(a: Word, b: Word) -> bool:
    return b.x0 - a.x1 > CELL_GAP * max(a.height, b.height)


def _runs(row: Sequence[Word], rtl: bool) -> list[list[Word]]:
    """The maximal runs of consecutive words of ``row`` whose script is (``rtl``) or is not right-to-left, each
    within one cell (no :data:`CELL_GAP` inside)."""
    out: list[list[Word]] = []
    for i, w in enumerate(row):
        if is_rtl(w.text) != rtl:
            continue
        if out and i and out[-1][-1] is row[i - 1] and not _cell_gap(row[i - 1], w):
            out[-1].append(w)
        else:
            out.append([w])
    return out


def rtl_page(rows: Sequence[Sequence[Word]]) -> bool:
    """Whether most letters of a page are of a right-to-left script."""
    rtl = other = 0
    for row in rows:
        for w in row:
            n = len(_LETTER.findall(w.text))
            if is_rtl(w.text):
                rtl += n
            else:
                other += n
    return rtl > other


def logical_rows(rows: Sequence[Sequence[Word]], width: float | None = None) -> list[Word]:
    """The words of a page's rows (each left to right) in reading order (see the module docstring);
    ``width``: the page's, about which a mostly right-to-left page is mirrored (else its words' extent)."""
    if not any(is_rtl(w.text) for row in rows for w in row):
        return [w for row in rows for w in row]
    mirror_page = rtl_page(rows)
    if mirror_page and width is None:
        xs = [x for row in rows for w in row for x in (w.x0, w.x1)]
        width = min(xs) + max(xs)
    out: list[Word] = []
    for row in rows:
        words = [replace(w, text=w.text[::-1]) if is_rtl(w.text) else w for w in row]
        if mirror_page:
            assert width is not None
            words = sorted(_mirror(words, 0.0, width), key=lambda w: w.x0)
            keep = _runs(words, rtl=False)  # left-to-right runs read as printed: mirror them back in place
        else:
            keep = _runs(words, rtl=True)
        done = {id(w) for run in keep for w in run}
        for run in keep:
            out += _mirror(run, run[0].x0, run[-1].x1)
        out += [w for w in words if id(w) not in done]
    return out
