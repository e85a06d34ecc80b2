"""The positioned-word model shared by PDF text layers and OCR: text, box, confidence, page.

A :class:`Word` is whatever the source calls a word: pdfplumber's words (split at gaps) or an OCR
text segment (often several words). Coordinates are top-left based (``y0`` is the top edge) in the
source's unit (PDF points or image pixels); the layout engine only uses relative measures.
"""

from __future__ import annotations

import statistics
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources


@cache
def _radicals() -> dict[int, str]:
    """Radical code points some PDF fonts use for whole characters (``data/radicals.toml``)."""
    data = tomllib.loads(resources.files("extractors").joinpath("data/radicals.toml").read_text(encoding="utf-8"))
    return {ord(k): v for k, v in data["radicals"].items()}


def normalize_text(text: str) -> str:
    """NFKC (full-width digits, ``￥``, ``：``, Kangxi radicals) with blanks collapsed, radicals that fonts
    use for whole characters (``账⼾``, ``⼈⺠币``) read as those characters; ``Ⓧ``/``ⓧ`` kept as printed."""
    text = unicodedata.normalize("NFKC", text.translate(_radicals()))
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Word:
    """One positioned piece of text on a page."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float = 1.0
    page: int = 1

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(slots=True)
class Line:
    """Words that share a baseline, left to right."""

    words: list[Word] = field(default_factory=list)

    @property
    def page(self) -> int:
        return self.words[0].page

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def y0(self) -> float:
        return min(w.y0 for w in self.words)

    @property
    def y1(self) -> float:
        return max(w.y1 for w in self.words)

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def height(self) -> float:
        return statistics.median(w.height for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def group_lines(words: Iterable[Word], min_overlap: float = 0.5) -> list[Line]:
    """Group words into lines, page by page, top to bottom; words in a line sorted left to right.

    A word joins a line when its vertical extent overlaps the line's by at least ``min_overlap`` of
    the smaller height (tolerates small baseline shifts and mixed font sizes).
    """
    by_page: dict[int, list[Word]] = {}
    for word in words:
        if word.text.strip():
            by_page.setdefault(word.page, []).append(word)
    lines: list[Line] = []
    for page in sorted(by_page):
        page_lines: list[Line] = []
        for word in sorted(by_page[page], key=lambda w: (w.cy, w.x0)):
            best: Line | None = None
            best_score = 0.0
            for line in page_lines[-4:]:
                ly0 = statistics.median(w.y0 for w in line.words)
                ly1 = statistics.median(w.y1 for w in line.words)
                ov = _overlap(word.y0, word.y1, ly0, ly1)
                smaller = max(1e-6, min(word.height, ly1 - ly0))
                score = ov / smaller
                if score >= min_overlap and score > best_score and not _collides(line, word):
                    best, best_score = line, score
            if best is None:
                page_lines.append(Line([word]))
            else:
                best.words.append(word)
        for line in page_lines:
            line.words.sort(key=lambda w: w.x0)
        page_lines.sort(key=lambda ln: ln.cy)
        lines.extend(page_lines)
    return lines


def _collides(line: Line, word: Word) -> bool:
    """True when ``word`` overlaps a word of ``line`` horizontally by most of its width (a different row)."""
    for other in line.words:
        ov = _overlap(word.x0, word.x1, other.x0, other.x1)
        if ov > 0.5 * min(word.width, other.width):
            return True
    return False


def median_height(words: Sequence[Word]) -> float:
    """The typical text height of ``words`` (1.0 when empty)."""
    heights = [w.height for w in words if w.height > 0]
    return statistics.median(heights) if heights else 1.0


# -- words from positioned characters (a PDF's glyphs), whatever order the file draws them in ------------
@dataclass(frozen=True, slots=True)
class Glyph:
    """One character as a PDF draws it: text and box (top-left based), font size, upright or not."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float = 0.0
    upright: bool = True


#: Horizontal gap (in units of the font size, at least ``MIN_GAP`` points) that ends a word.
WORD_GAP = 0.17
MIN_GAP = 1.5


def words_from_glyphs(glyphs: Iterable[Glyph], page: int = 1, rules: Sequence[tuple[float, float, float]] = ()
                      ) -> list[Word]:
    """Words of one page from its glyphs by position only: glyphs grouped into lines by vertical overlap,
    sorted left to right, split at blanks, at gaps wider than ``WORD_GAP`` of the font size and at
    vertical ruling lines ``rules`` (x, top, bottom) that pass between two glyphs. The order the PDF
    draws them in (template first, values later, glyph by glyph) does not matter; a glyph drawn twice
    at one place (fake bold) counts once. Vertical (non-upright) glyphs are words of their own."""
    upright: list[Glyph] = []
    words: list[Word] = []
    for g in glyphs:
        if g.x1 <= g.x0 or g.y1 <= g.y0:
            continue
        if not g.upright:
            if g.text.strip():
                words.append(Word(normalize_text(g.text), g.x0, g.y0, g.x1, g.y1, 1.0, page))
            continue
        upright.append(g)
    rows: list[list[Glyph]] = []
    bands: list[tuple[float, float]] = []
    for g in sorted(upright, key=lambda g: ((g.y0 + g.y1) / 2, g.x0)):
        placed = False
        for i in range(len(rows) - 1, max(-1, len(rows) - 5), -1):
            b0, b1 = bands[i]
            ov = _overlap(g.y0, g.y1, b0, b1)
            if ov >= 0.5 * min(g.y1 - g.y0, b1 - b0):
                rows[i].append(g)
                placed = True
                break
        if not placed:
            rows.append([g])
            bands.append((g.y0, g.y1))
    for row in rows:
        row.sort(key=lambda g: (g.x0, g.x1))
        kept: list[Glyph] = []
        for g in row:
            if kept and g.text == kept[-1].text and abs(g.x0 - kept[-1].x0) < 0.3 * max(g.x1 - g.x0, 0.1) \
                    and abs(g.y0 - kept[-1].y0) < 0.3 * (g.y1 - g.y0):
                continue  # the same glyph drawn again (fake bold, a duplicated layer)
            kept.append(g)
        pieces: list[list[Glyph]] = [[]]
        for g in kept:
            cur = pieces[-1]
            if not g.text.strip():
                pieces.append([])
                continue
            if cur:
                prev = cur[-1]
                size = max(g.size, prev.size, g.y1 - g.y0, 1.0)
                ruled = any(prev.x1 - 0.5 <= x <= g.x0 + 0.5 or (prev.x0 + prev.x1) / 2 < x < (g.x0 + g.x1) / 2
                            for x, top, bottom in rules
                            if top <= max(g.y0, prev.y0) + 1 and bottom >= min(g.y1, prev.y1) - 1)
                if g.x0 - prev.x1 > max(MIN_GAP, WORD_GAP * size) or ruled:
                    pieces.append(cur := [])
            cur.append(g)
        for piece in pieces:
            text = normalize_text("".join(c.text for c in piece))
            if text:
                words.append(Word(text, min(c.x0 for c in piece), min(c.y0 for c in piece),
                                  max(c.x1 for c in piece), max(c.y1 for c in piece), 1.0, page))
    return words


def split_vertical(words: Sequence[Word], ratio: float = 1.8) -> list[Word]:
    """OCR reads a narrow column of one-character cells (件 / 个 / 只 ...) or a vertical heading as one
    tall box: such a word (two or more characters, at least ``ratio`` times the typical height and
    taller than wide) becomes one word per character, stacked from top to bottom."""
    typical = median_height(words)
    out: list[Word] = []
    for w in words:
        text = w.text.replace(" ", "")
        if len(text) >= 2 and w.height > ratio * typical and w.height > 1.5 * w.width:
            step = w.height / len(text)
            out.extend(Word(ch, w.x0, w.y0 + i * step, w.x1, w.y0 + (i + 1) * step, w.confidence, w.page)
                       for i, ch in enumerate(text))
        else:
            out.append(w)
    return out
