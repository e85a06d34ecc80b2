"""OCR words levelled where the page's deskew left them sloping.

The engine deskews a page by the median angle of its long text boxes (:func:`extractors.ocr.rapid._skew`); a page
whose boxes are short (a form's cells: ``个``, ``20000``, ``13%``) may keep a slope of a degree or more, and over a
table's width that puts the description of a row on the line of the next row's figures. The slope is measured
again from the words themselves: neighbours on one text line, far apart, rise or fall together. When the median
of those slopes exceeds ``MIN_ANGLE`` degrees, every word is turned about the page's centre by it (boxes, and the
character positions OCR keeps, moved with their word's centre)."""

from __future__ import annotations

import math
from dataclasses import replace
from statistics import median

from extractors.words import Word

#: smaller residual slopes (degrees) are left alone, as the engine's own deskew threshold does
MIN_ANGLE = 0.3
#: neighbours this many text heights apart at least measure the slope (closer ones are too noisy)
MIN_SPAN = 3.0
#: at least this many neighbour pairs must agree before any word is moved
MIN_PAIRS = 8


def slope(words: list[Word]) -> float | None:
    """The median slope (dy/dx, image y downward) between neighbours on one text line; None when too few."""
    found: list[float] = []
    ordered = sorted(words, key=lambda w: w.x0)
    for i, w in enumerate(ordered):
        h = w.height
        if h <= 0:
            continue
        best: tuple[float, Word] | None = None
        for v in ordered[i + 1:]:
            if v.x0 - w.x1 > 20 * h:
                break
            overlap = min(w.y1, v.y1) - max(w.y0, v.y0)
            if v.x0 < w.x1 or overlap < 0.5 * min(h, v.height) or abs(v.height - h) > 0.35 * h:
                continue
            if best is None or v.x0 < best[0]:
                best = (v.x0, v)
        if best is None:
            continue
        v = best[1]
        dx = v.cx - w.cx
        if dx >= MIN_SPAN * h:
            found.append((v.cy - w.cy) / dx)
    return median(found) if len(found) >= MIN_PAIRS else None


def level(words: list[Word]) -> list[Word]:
    """``words`` turned level, page by page, where their line slope exceeds :data:`MIN_ANGLE`."""
    out: list[Word] = []
    for page in sorted({w.page for w in words}):
        on = [w for w in words if w.page == page]
        s = slope(on)
        if s is None or math.degrees(abs(math.atan(s))) < MIN_ANGLE:
            out += on
            continue
        a = -math.atan(s)
        cos, sin = math.cos(a), math.sin(a)
        xc = (min(w.x0 for w in on) + max(w.x1 for w in on)) / 2
        yc = (min(w.y0 for w in on) + max(w.y1 for w in on)) / 2
        for w in on:
            x, y = w.cx - xc, w.cy - yc
            dx, dy = xc + x * cos - y * sin - w.cx, yc + x * sin + y * cos - w.cy
            out.append(replace(w, x0=w.x0 + dx, y0=w.y0 + dy, x1=w.x1 + dx, y1=w.y1 + dy,
                               char_x=tuple(c + dx for c in w.char_x),
                               char_ink=tuple((a0 + dx, a1 + dx) for a0, a1 in w.char_ink)))
    return out
