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


def _columns(layout: Layout) -> list[tuple[int, list[tuple[float, float, int]]]]:
    """Header lines with their place cells: (line number, [(x0, x1, power of ten)])."""
    out = []
    for no, tl in enumerate(layout.lines):
        for m in _HEADER.finditer(tl.compact):
            chars = [tl.chars[tl.cmap[i]] for i in range(m.start(), m.end())]
            yuan = next(i for i, c in enumerate(chars) if _PLACES.get(c.ch) == "元")
            out.append((no, [(c.x0, c.x1, yuan - i) for i, c in enumerate(chars)]))
    return out


def _place(ch: Char, cells: list[tuple[float, float, int]], pitch: float) -> int | None:
    centre = (ch.x0 + ch.x1) / 2
    best = min(cells, key=lambda c: abs((c[0] + c[1]) / 2 - centre))
    return best[2] if abs((best[0] + best[1]) / 2 - centre) <= 0.55 * pitch else None


def read_digit_grid(layout: Layout) -> GridAmount | None:
    """The amount of the first digit grid on the document, or None when there is none or its digits do
    not fill a run of cells ending at 分 (a digit outside the grid, two digits in one cell)."""
    for no, cells in _columns(layout):
        header = layout.lines[no]
        pitch = (cells[-1][1] - cells[0][0]) / len(cells)
        for below in layout.lines[no + 1:no + 4]:
            if below.page != header.page or below.y0 - header.y1 > 3 * header.height:
                break
            digits: dict[int, Char] = {}
            clash = False
            for ch in below.chars:
                if not ch.ch.isdigit():
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
