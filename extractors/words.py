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


def _data(name: str) -> dict:
    return tomllib.loads(resources.files("extractors").joinpath(f"data/{name}").read_text(encoding="utf-8"))


@cache
def _radicals() -> dict[int, str]:
    """Radical code points some PDF fonts use for whole characters (``data/radicals.toml``), and the digits
    and number marks of other scripts (``data/digits.toml``: ``٤٦٬٠٠٠٫٠٠`` is 46,000.00)."""
    digits = _data("digits.toml")
    return {ord(k): v for k, v in (_data("radicals.toml")["radicals"] | digits["digits"] | digits["marks"]).items()}


def normalize_text(text: str) -> str:
    """NFKC (full-width digits, ``￥``, ``：``, Kangxi radicals) with blanks collapsed, radicals that fonts
    use for whole characters (``账⼾``, ``⼈⺠币``) read as those characters, other scripts' digits as ASCII
    ones; ``Ⓧ``/``ⓧ`` kept as printed."""
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
    #: OCR only: the centre x of each of ``text``'s non-blank characters, as the recogniser placed them
    #: (empty where unknown); :mod:`extractors.ocr.blanks` puts back blanks from their spacing. Last field:
    #: pages pickled with it still load where ``Word`` lacks it.
    char_x: tuple[float, ...] = ()
    #: OCR only: each of those characters' ink extent (left and right x) on the page image (empty where
    #: unknown). Last field, as ``char_x``.
    char_ink: tuple[tuple[float, float], ...] = ()

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
#: Gaps between Latin letters wider than this (font sizes) never count as letter spacing.
MAX_TRACKING = 0.6
#: A blank decided by a gap within this factor of the word gap either way is doubtful.
DOUBT_BAND = (0.6, 1.5)
#: The confidence of a word whose blank (or missing blank) next to it was doubtful.
DOUBTFUL_BLANK = 0.85
#: Two different glyphs of a row overlapping by more than this share of the narrower one are text printed
#: over other text (a long name running over the next cell's label and value): their word gets
#: :data:`OVERPRINTED`, its letters being two strings interleaved.
OVERPRINT = 0.5
OVERPRINTED = 0.5


def _latin(g: Glyph) -> bool:
    ch = unicodedata.normalize("NFKC", g.text)
    return len(ch) == 1 and ch.isascii() and ch.isalpha()


def _alnum(g: Glyph) -> bool:
    ch = unicodedata.normalize("NFKC", g.text)
    return len(ch) == 1 and ch.isascii() and ch.isalnum()


def _size(a: Glyph, b: Glyph) -> float:
    return max(a.size, b.size, a.y1 - a.y0, b.y1 - b.y0, 1.0)


def _ruled(prev: Glyph, g: Glyph, rules: Sequence[tuple[float, float, float]]) -> bool:
    """Whether a vertical ruling line passes between two neighbouring glyphs: in the gap between their
    boxes, or over the edge where they touch, but not through the ink of either (text that overflows its
    cell's border is still one run: ``GONGSI`` drawn across the rule, not ``GON GSI``)."""
    lo = prev.x1 - 0.2 * (prev.x1 - prev.x0)
    hi = g.x0 + 0.2 * (g.x1 - g.x0)
    return any(lo <= x <= hi for x, top, bottom in rules
               if top <= max(g.y0, prev.y0) + 1 and bottom >= min(g.y1, prev.y1) - 1)


def _tracking(row: Sequence[Glyph], rules: Sequence[tuple[float, float, float]]) -> list[float]:
    """The letter spacing at each glyph of a row (0 for normal text): the median gap between the Latin
    letters of its stretch of text (up to a gap wider than :data:`MAX_TRACKING` of the font size or a
    ruling line), when that stretch has at least four such gaps; a PDF that spaces letters
    (``G O N G S I`` drawn with character spacing) has them all about equal."""
    out = [0.0] * len(row)
    start = 0
    for i in range(1, len(row) + 1):
        end = i == len(row)
        if not end:
            a, b = row[i - 1], row[i]
            end = b.x0 - a.x1 > MAX_TRACKING * _size(a, b) or _ruled(a, b, rules)
        if not end:
            continue
        gaps = [row[j].x0 - row[j - 1].x1 for j in range(start + 1, i)
                if _latin(row[j]) and _latin(row[j - 1])]
        if len(gaps) >= 4:
            t = statistics.median(gaps)
            if t > 0.05 * _size(row[start], row[i - 1]):
                for j in range(start, i):
                    out[j] = t
        start = i
    return out


def words_from_glyphs(glyphs: Iterable[Glyph], page: int = 1, rules: Sequence[tuple[float, float, float]] = (),
                      width: float | None = None) -> list[Word]:
    """Words of one page from its glyphs by position only: glyphs grouped into lines by vertical overlap,
    sorted left to right, split at blanks, at gaps wider than ``WORD_GAP`` of the font size and at
    vertical ruling lines ``rules`` (x, top, bottom) that pass between two glyphs (not through one: text
    overflowing its cell). Letters of a letter-spaced stretch (every gap about the same) are rejoined: a
    word ends where a gap exceeds the stretch's letter spacing by the word gap. A word next to a gap close
    to the word gap either way, between two Latin letters or digits (the blank is a guess), gets confidence :data:`DOUBTFUL_BLANK`;
    one holding glyphs printed over other glyphs (:func:`_overprinted`) :data:`OVERPRINTED`. The order the
    PDF draws the glyphs in (template first, values later, glyph by glyph) does not matter; a glyph drawn
    twice at one place (fake bold) counts once. Vertical (non-upright) glyphs are words of their own. Words of a
    right-to-left script are put in reading order (:func:`extractors.rtl.logical_rows`; ``width``: the page's)."""
    from extractors.rtl import logical_rows

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
    row_words: list[list[Word]] = []
    for row in rows:
        row.sort(key=lambda g: (g.x0, g.x1))
        kept: list[Glyph] = []
        for g in row:
            if kept and g.text == kept[-1].text and abs(g.x0 - kept[-1].x0) < 0.3 * max(g.x1 - g.x0, 0.1) \
                    and abs(g.y0 - kept[-1].y0) < 0.3 * (g.y1 - g.y0):
                continue  # the same glyph drawn again (fake bold, a duplicated layer)
            kept.append(g)
        row_words.append(_row_words(kept, page, rules))
    return words + logical_rows(row_words, width)


def _row_words(row: list[Glyph], page: int, rules: Sequence[tuple[float, float, float]]) -> list[Word]:
    """One row's glyphs (left to right) into words, with the doubt of each word's blanks."""
    tracking = _tracking(row, rules)
    pieces: list[list[Glyph]] = [[]]
    doubtful: list[bool] = [False]
    over = _overprinted(row)
    for i, g in enumerate(row):
        cur = pieces[-1]
        if not g.text.strip():
            pieces.append([])
            doubtful.append(False)
            continue
        if cur:
            prev = cur[-1]
            gap = g.x0 - prev.x1
            limit = max(MIN_GAP, WORD_GAP * _size(prev, g))
            spaced = tracking[i] > 0 and _latin(prev) and _latin(g)
            excess = gap - tracking[i] if spaced else gap
            ruled = _ruled(prev, g, rules)
            doubt = not ruled and _alnum(prev) and _alnum(g) and DOUBT_BAND[0] * limit < excess < DOUBT_BAND[1] * limit
            if excess > limit or ruled:
                doubtful[-1] = doubtful[-1] or doubt
                pieces.append(cur := [])
                doubtful.append(doubt)
            elif doubt:
                doubtful[-1] = True
        cur.append(g)
    out = []
    for piece, doubt in zip(pieces, doubtful, strict=True):
        text = normalize_text("".join(c.text for c in piece))
        if text:
            conf = OVERPRINTED if any(id(c) in over for c in piece) else DOUBTFUL_BLANK if doubt else 1.0
            out.append(Word(text, min(c.x0 for c in piece), min(c.y0 for c in piece), max(c.x1 for c in piece),
                            max(c.y1 for c in piece), conf, page))
    return out


def _overprinted(row: Sequence[Glyph]) -> set[int]:
    """Ids of the glyphs of a row (left to right) that overlap a different glyph by more than
    :data:`OVERPRINT` of the narrower one's width (text printed over text)."""
    out: set[int] = set()
    for a, b in zip(row, row[1:], strict=False):
        if not a.text.strip() or not b.text.strip() or a.text == b.text and abs(a.x0 - b.x0) < 0.3 * (a.x1 - a.x0):
            continue
        if a.x1 - b.x0 > OVERPRINT * min(a.x1 - a.x0, b.x1 - b.x0):
            out.update((id(a), id(b)))
    return out


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
