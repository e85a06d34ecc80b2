"""Amounts printed in a digit grid: a header row of place cells (亿 千 百 十 万 千 百 十 元 角 分) with one
digit under each, often after a ``¥`` in the cell before the first digit, as on 回单, 进账单 and cheques.

The digits are placed by their x position under the header cells, so a grid read by OCR as one run of
digits (``¥1234500``) is placed as well as one read cell by cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from extractors.layout import Char, Layout, Value

_PLACES = {"亿": "亿", "千": "千", "仟": "千", "百": "百", "佰": "百", "十": "十", "拾": "十", "万": "万", "元": "元",
           "圆": "元", "角": "角", "分": "分"}
_HEADER = re.compile(r"[亿千仟百佰十拾万]{1,10}[元圆]角分")
_SIGN = "¥￥$"


@dataclass
class GridAmount:
    """The amount a grid spells, how sure the reading is, and where it was read."""

    amount: Decimal
    confidence: float
    where: Value


def _columns(layout: Layout) -> list[tuple[int, list[tuple[float, float, int]], float]]:
    """Header lines with their place cells: (line number, [(x0, x1, power of ten)], the grid's left edge).
    The edge is the first of the header's characters that follow each other a cell apart, so cells OCR
    misread left of the run the pattern found (``亿千百+`` of ``亿千百+万千十元角分``) still hold digits."""
    out = []
    for no, tl in enumerate(layout.lines):
        for m in _HEADER.finditer(tl.compact):
            chars = [tl.chars[tl.cmap[i]] for i in range(m.start(), m.end())]
            yuan = next(i for i, c in enumerate(chars) if _PLACES.get(c.ch) == "元")
            cells = [(c.x0, c.x1, yuan - i) for i, c in enumerate(chars)]
            pitch = _pitch(cells)
            left = chars[0].x0
            for c in reversed([c for c in tl.chars[:tl.cmap[m.start()]] if not c.ch.isspace()]):
                if left - c.x1 > 1.5 * pitch:
                    break
                left = c.x0
            out.append((no, cells, left))
    return out


def _place(ch: Char, cells: list[tuple[float, float, int]], pitch: float) -> int | None:
    """The power of ten of the cell a digit stands in, by its distance from the 元 cell in cell pitches (the
    cells are evenly spaced), so a header cell that OCR lost or misread (``亿千百+万千十元角分``: 百 gone, 十 read
    as ``+``) does not shift the digits right of it into the wrong places; None between two cells."""
    yuan = next(c for c in cells if c[2] == 0)
    offset = ((yuan[0] + yuan[1]) / 2 - (ch.x0 + ch.x1) / 2) / pitch
    power = round(offset)
    if abs(offset - power) > 0.45 or not -2 <= power <= 8:
        return None
    return power


def _pitch(cells: list[tuple[float, float, int]]) -> float:
    """The distance between two cells' centres, from the 元 角 分 cells (always read together)."""
    centre = {c[2]: (c[0] + c[1]) / 2 for c in cells if c[2] <= 0}
    return (centre[-2] - centre[0]) / 2


def read_digit_grid(layout: Layout) -> GridAmount | None:
    """The amount of the first digit grid on the document, or None when there is none or its digits do
    not fill a run of cells ending at 分 (a digit outside the grid, two digits in one cell)."""
    for no, cells, left in _columns(layout):
        header = layout.lines[no]
        pitch = _pitch(cells)
        if pitch <= 0:
            continue
        for below in layout.lines[no + 1:no + 4]:
            if below.page != header.page or below.y0 - header.y1 > 3 * header.height:
                break
            digits: dict[int, Char] = {}
            clash = False
            for ch in below.chars:
                if not ch.ch.isdigit() or (ch.x0 + ch.x1) / 2 < left - 0.5 * pitch:
                    continue
                power = _place(ch, cells, pitch)
                if power is None:
                    continue
                if power in digits:
                    clash = True
                digits[power] = ch
            if clash or len(digits) < 3 or min(digits) != -2:
                continue
            powers = sorted(digits, reverse=True)
            if powers != list(range(powers[0], -3, -1)):
                continue  # a gap inside the run: not a grid reading
            amount = sum((Decimal(int(digits[p].ch)) * Decimal(10) ** p for p in powers), Decimal("0"))
            used = [digits[p] for p in powers]
            where = Value("".join(c.ch for c in used), min(c.conf for c in used), "grid", below.page,
                          used[0].x0, below.y0, used[-1].x1, below.y1)
            return GridAmount(amount.quantize(Decimal("0.01")), where.confidence * 0.9, where)
    return None
