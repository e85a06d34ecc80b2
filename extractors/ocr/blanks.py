"""Blanks OCR dropped between words, put back from where the recogniser placed each character.

PP-OCR reads a memo ``支付无锡天成货款 WS20260312001`` as ``...货款WS2026...`` about half the time: the blank
is in the image, not in the text. The recogniser does place every character (rapidocr's single-character
boxes, kept as :attr:`extractors.words.Word.char_x`): a blank shows as a step between two centres wider
than the two characters' own half widths. A Chinese character is one em wide (the median step between
two Chinese characters of the same text segment), a Latin letter or digit the median step between two
such; a blank is put where the step exceeds the expected one by ``min_blank_mixed`` em, and only between
a Chinese character and a Latin letter or digit; one put from a step less than ``sure_blank`` em wide gives
its word ``doubtful_confidence`` at most (for review: a blank and none overlap there). Measured on 98 receipt scans (``bench/RESULTS.md``, branch
``scans2``) a blank there shows as 0.12-0.69 em (median 0.35), none as -0.12-0.36 (95% under 0.15).

The recogniser's positions are only as fine as its frames (about a fifth of an em), and a blank between two
Chinese words is about a quarter of an em: no step tells it. The page image does: OCR keeps each character's
ink extent (:func:`char_ink`, :attr:`Word.char_ink`), and a blank shows as a step between the two ink centres
and an ink gap both wider than the line's usual ones (its own pitch, so a line spaced out evenly gets none),
corroborated by the recogniser's step (branch ``blanks2``: 0 of 6,691 pairs without a blank pass, 36 of 38
with one). Between a Chinese character and a letter or digit, the ink gap (less a narrow glyph's own side
bearings) decides where it is known. Between two Latin letters or digits PP-OCR mostly keeps its blanks, and
one put into a number or an account would be worse than none.

A scan's speck or a blank's blur is also read as punctuation: a full stop for the blank between two words
(``Payment for.Invoice``, ``CHANGZHOU.XINDA``), a comma for an abbreviation's dot (``N,A.``). Printed text
has neither (a sentence's full stop is followed by a blank, ``NO.HR23`` or ``CO.,LTD`` are short): the
blank or the dot is put back (:func:`punctuation_for_blanks`) and its word doubted.
Thresholds in ``data/ocr.toml`` (``[blanks]``); ``ORDERHUB_OCR_BLANKS=0`` turns it off.
"""

from __future__ import annotations

import os
import re
import statistics
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from extractors.words import Word


@cache
def blank_settings() -> dict[str, Any]:
    """The ``[blanks]`` table of ``data/ocr.toml``; ``ORDERHUB_OCR_BLANKS=0`` turns it off."""
    text = resources.files("extractors").joinpath("data/ocr.toml").read_text(encoding="utf-8")
    cfg = tomllib.loads(text)["blanks"]
    if os.environ.get("ORDERHUB_OCR_BLANKS", "").strip().lower() in ("0", "false", "off", "no"):
        cfg["enabled"] = False
    return cfg


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _steps(chars: str, xs: tuple[float, ...], kind: tuple[bool, bool], spaced: set[int]) -> list[float]:
    """Steps between neighbours of ``kind`` (wide, wide) without a blank between them."""
    return [xs[i + 1] - xs[i] for i in range(len(chars) - 1)
            if i not in spaced and (_wide(chars[i]), _wide(chars[i + 1])) == kind]


def blanks_from_gaps(word: Word, settings: dict[str, Any] | None = None, em_per_height: float | None = None) -> Word:
    """``word`` with the blanks its character spacing shows put back (the word itself when none or when
    the spacing is unknown). ``em_per_height``: the page's em as a share of a segment's height, for a
    segment with too few steps between Chinese characters to measure its own (see :func:`put_blanks`)."""
    cfg = settings or blank_settings()
    if not cfg.get("enabled", True) or not word.char_x or word.width <= 1.5 * word.height:
        return word
    pieces = word.text.split(" ")
    chars = "".join(pieces)
    xs = word.char_x
    if len(chars) != len(xs) or len(chars) < 3:
        return word
    if not any(_wide(c) for c in chars):
        return _full_width_blanks(word, cfg, em_per_height)
    spaced = set(_blank_places(word.text))  # i: a blank already between chars[i] and chars[i + 1]
    if any(xs[i + 1] <= xs[i] for i in range(len(xs) - 1)):
        return word  # not left to right: a vertical or garbled segment
    wide_steps = _steps(chars, xs, (True, True), spaced)
    if len(wide_steps) >= cfg["min_wide_steps"]:
        em = statistics.median(wide_steps)
    elif em_per_height:
        em = em_per_height * word.height
    else:
        return word
    narrow_steps = _steps(chars, xs, (False, False), spaced)
    narrow = statistics.median(narrow_steps) if len(narrow_steps) >= cfg["min_narrow_steps"] else cfg["narrow_em"] * em
    ink = word.char_ink if len(word.char_ink) == len(chars) else ()
    pairs = [i for i in range(len(chars) - 1) if i not in spaced and _wide(chars[i]) and _wide(chars[i + 1])]
    usual = _usual_ink(ink, pairs) if ink and len(pairs) >= cfg["min_gap_pairs"] else None
    if usual is not None and _spread(ink, pairs, usual[0]) > cfg["max_ink_spread"] * em:
        ink, usual = (), None  # ink centres out of step (a seal's ink over the text, a blur): left to the steps
    shortfall = _side_bearings(chars, ink)
    found: dict[int, bool] = {}  # i: a blank between chars[i] and chars[i + 1], and whether it is sure
    for i in range(len(chars) - 1):
        a, b = chars[i], chars[i + 1]
        if i in spaced or not (_wide(a) or _wide(b)) or not (_word_char(a) and _word_char(b)):
            continue
        expected = ((em if _wide(a) else narrow) + (em if _wide(b) else narrow)) / 2
        step = (xs[i + 1] - xs[i] - expected) / em
        gap = (ink[i + 1][0] - ink[i][1] - shortfall[i] - shortfall[i + 1]) / em if ink else None
        if _wide(a) and _wide(b):
            if usual is None or gap is None or cfg["min_blank_chinese"] <= 0:
                continue
            centres = (_centre(ink[i + 1]) - _centre(ink[i]) - usual[0]) / em
            wider = gap - usual[1] / em
            if centres >= cfg["min_blank_chinese"] and wider >= cfg["min_gap_chinese"] and step >= cfg["min_step_chinese"]:
                found[i] = centres >= cfg["sure_blank_chinese"] and wider >= cfg["sure_blank_chinese"]
        elif gap is not None and gap >= cfg["gap_touching"]:
            if gap >= cfg["min_gap_mixed"] and step >= cfg["min_step_mixed"]:
                found[i] = step >= cfg["sure_blank"]
        elif cfg["min_blank_mixed"] > 0 and step >= cfg["min_blank_mixed"]:
            found[i] = step >= cfg["sure_blank"]
    chinese = [i for i in found if _wide(chars[i]) and _wide(chars[i + 1])]
    if len(chinese) > max(1, len(pairs) * cfg["max_chinese_share"]):
        for i in chinese:  # wide gaps at many places: spaced-out or irregular text, not words
            del found[i]
    out = []
    for i, ch in enumerate(chars):
        out.append(ch)
        if i in spaced or i in found:
            out.append(" ")
    put, doubtful = len(found), not all(found.values())
    if not put:
        return word
    confidence = min(word.confidence, cfg["doubtful_confidence"]) if doubtful else word.confidence
    return replace(word, text="".join(out), confidence=confidence)


def _full_width_blanks(word: Word, cfg: dict[str, Any], em_per_height: float | None) -> Word:
    """``word``, a segment of letters printed full width (``ＦＯＳＨＡＮ ＫＥＤＡ``, read as ASCII), with the blanks
    between its words put back, doubted (``doubtful_confidence`` at most): every letter is centred in an em, so
    its ink centres step by one em (at least ``fw_min_pitch`` of the page's em) and a blank shows as a step
    ``fw_min_blank`` em wider than the usual one, with an ink gap ``fw_min_gap`` em wider and the recogniser's
    step ``fw_min_step`` em wider than theirs. Only between two letters (never in a number), at most at
    ``fw_max_share`` of the places."""
    chars, xs, ink = word.text.replace(" ", ""), word.char_x, word.char_ink
    if not em_per_height or len(ink) != len(chars) or cfg.get("fw_min_blank", 0) <= 0:
        return word
    spaced = set(_blank_places(word.text))
    pairs = [i for i in range(len(chars) - 1) if i not in spaced and chars[i].isalpha() and chars[i + 1].isalpha()]
    if len(pairs) < cfg["fw_min_pairs"]:
        return word
    em = em_per_height * word.height
    pitch, usual_gap = _usual_ink(ink, pairs)
    step = statistics.median(xs[i + 1] - xs[i] for i in pairs)
    if pitch < cfg["fw_min_pitch"] * em:
        return word  # proportional letters: their widths vary as much as a blank
    found = [i for i in pairs
             if _centre(ink[i + 1]) - _centre(ink[i]) - pitch >= cfg["fw_min_blank"] * em
             and ink[i + 1][0] - ink[i][1] - usual_gap >= cfg["fw_min_gap"] * em
             and xs[i + 1] - xs[i] - step >= cfg["fw_min_step"] * em]
    if not found or len(found) > len(pairs) * cfg["fw_max_share"]:
        return word
    out = []
    for i, ch in enumerate(chars):
        out.append(ch)
        if i in spaced or i in found:
            out.append(" ")
    return replace(word, text="".join(out), confidence=min(word.confidence, cfg["doubtful_confidence"]))


def _centre(extent: tuple[float, float]) -> float:
    return (extent[0] + extent[1]) / 2


def _usual_ink(ink: tuple[tuple[float, float], ...], pairs: list[int]) -> tuple[float, float]:
    """The median step between the ink centres and the median ink gap over the pairs ``pairs`` (i: the
    characters i and i + 1)."""
    return (statistics.median(_centre(ink[i + 1]) - _centre(ink[i]) for i in pairs),
            statistics.median(ink[i + 1][0] - ink[i][1] for i in pairs))


def _spread(ink: tuple[tuple[float, float], ...], pairs: list[int], pitch: float) -> float:
    """The median distance of the steps between ink centres over ``pairs`` from their median ``pitch``."""
    return statistics.median(abs(_centre(ink[i + 1]) - _centre(ink[i]) - pitch) for i in pairs)


def _side_bearings(chars: str, ink: tuple[tuple[float, float], ...]) -> list[float]:
    """How much narrower than is usual for its kind (Chinese or not) in the segment each character's ink is,
    on each side (half the difference; 0 for one as wide or wider): a ``1`` or an ``i`` leaves more blank
    beside it than a ``W``, without a blank being printed there."""
    if not ink:
        return [0.0] * len(chars)
    widths = [b - a for a, b in ink]
    usual = {kind: statistics.median(w for c, w in zip(chars, widths, strict=True) if _wide(c) == kind)
             for kind in {_wide(c) for c in chars}}
    return [max(0.0, usual[_wide(c)] - w) / 2 for c, w in zip(chars, widths, strict=True)]


def _word_char(ch: str) -> bool:
    """A character a word is made of (a Chinese character, a letter, a digit), not punctuation."""
    return ch.isalnum()


def put_blanks(words: Iterable[Word]) -> list[Word]:
    """:func:`blanks_from_gaps` over OCR words; each page's em per segment height (the median over its
    segments with at least ``page_em_steps`` steps between Chinese characters, when it has
    ``page_em_segments`` such) stands in for the em of a segment too short to measure its own."""
    cfg = blank_settings()
    words = list(words)
    ratios: dict[int, list[float]] = {}
    for w in words:
        chars = w.text.replace(" ", "")
        if w.char_x and len(chars) == len(w.char_x) and w.height > 0:
            steps = _steps(chars, w.char_x, (True, True), set(_blank_places(w.text)))
            if len(steps) >= cfg["page_em_steps"]:
                ratios.setdefault(w.page, []).append(statistics.median(steps) / w.height)
    per_page = {p: statistics.median(r) for p, r in ratios.items() if len(r) >= cfg["page_em_segments"]}
    return [glued_heads(glued_figures(punctuation_for_blanks(blanks_from_gaps(w, cfg, per_page.get(w.page)), cfg), cfg),
                        cfg) for w in words]


@cache
def head_words() -> frozenset[str]:
    """The words of the invoice table's column heads in ``labels.toml [invoice.columns]`` (Latin letters, three or
    more), case-folded: what a glued head box is parted by."""
    text = resources.files("extractors").joinpath("data/labels.toml").read_text(encoding="utf-8")
    columns = tomllib.loads(text).get("invoice", {}).get("columns", {})
    return frozenset(part.casefold() for labels in columns.values() for label in labels
                     for part in re.findall(r"[A-Za-z]{3,}", label))


def _head_word(run: str, heads: frozenset[str]) -> bool:
    """A run of letters that is a column head's word, or the start of one cut short (``Typ`` of ``Type``)."""
    low = run.casefold()
    return low in heads or (len(low) >= 3 and any(h.startswith(low) for h in heads))


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def glued_heads(word: Word, settings: dict[str, Any] | None = None) -> Word:
    """``word`` with a blank put back between two column heads OCR read as one box without it (``Qty Net
    AmountTax RateTax TypTax Amount``): at a lower-case letter followed by a capitalised word of the table's
    column heads (:func:`head_words`) where the word before it is one too (or the start of one cut short: ``Typ``),
    or any word of three letters or more in a box that holds ``glued_heads_box`` head words. Brand names glued in
    camel case (``PayPal``, ``LinkedIn``) are not two head words."""
    cfg = settings or blank_settings()
    if not cfg.get("enabled", True) or not cfg.get("glued_heads", True) or not _CAMEL.search(word.text):
        return word
    heads = head_words()
    text = word.text
    runs = re.findall(r"[A-Z]?[a-z]+", text)
    box = sum(1 for r in runs if r.casefold() in heads) >= cfg.get("glued_heads_box", 3)  # a box of heads
    cuts = []
    for m in _CAMEL.finditer(text):
        left = re.search(r"[A-Z]?[a-z]+$", text[:m.start()])
        right = re.match(r"[A-Z][a-z]+", text[m.start():])
        if left and right and right.group().casefold() in heads and (
                _head_word(left.group(), heads) or box and len(left.group()) >= 3):
            cuts.append(m.start())
    if not cuts:
        return word
    return replace(word, text="".join(ch if i not in cuts else " " + ch for i, ch in enumerate(text)))


#: a date with a two-digit day and the time after it read as one token (``2026-03-0916:05:09``): only one
#: reading is a date and a time, so the blank is put back without doubt
_DATE_TIME = re.compile(r"(?<!\d)(\d{4}([-/.])\d{2}\2\d{2})(?=(?:[01]\d|2[0-3]):[0-5]\d(?!\d))")

#: two money figures, each with two decimals and one decimal mark, read as one token (``914.945,998.00`` of
#: ``₹914.94 ₹5,998.00``: the blank and the currency sign between them lost)
_GLUED = {mark: re.compile(rf"(?<![\d{re.escape(group)}{re.escape(mark)}])(\d{{1,3}}(?:{re.escape(group)}\d{{3}})*"
                           rf"|\d+){re.escape(mark)}\d\d(?=(?:\d{{1,3}}(?:{re.escape(group)}\d{{3}})*|\d+)"
                           rf"{re.escape(mark)}\d\d(?![\d{re.escape(group)}{re.escape(mark)}]))")
          for mark, group in ((".", ","), (",", "."))}


def glued_figures(word: Word, settings: dict[str, Any] | None = None) -> Word:
    """``word`` with a blank put between two money figures OCR read as one token (``914.945,998.00`` ->
    ``914.94 5,998.00``), and between a date and the time glued to it (``2026-03-0916:05:09``): no printed figure has a decimal mark with two decimals followed by more digits and a
    second decimal mark with two. Sure where the recogniser's step between the two figures exceeds its usual step
    between digits by ``glued_sure_step`` of that step (the blank, a currency sign OCR dropped); else the word is
    capped at ``doubtful_confidence``."""
    cfg = settings or blank_settings()
    if not cfg.get("enabled", True) or not cfg.get("glued_figures", True):
        return word
    if _DATE_TIME.search(word.text):
        word = replace(word, text=_DATE_TIME.sub(r"\1 ", word.text))
    text = word.text
    cuts = sorted({m.end() for rx in _GLUED.values() for m in rx.finditer(text)})
    if not cuts:
        return word
    solid = [i for i, ch in enumerate(text) if ch != " "]
    xs = word.char_x if len(word.char_x) == len(solid) else ()
    sure = bool(xs)
    if xs:
        digit_steps = [xs[k + 1] - xs[k] for k in range(len(solid) - 1)
                       if text[solid[k]].isdigit() and text[solid[k + 1]].isdigit()]
        usual = statistics.median(digit_steps) if digit_steps else 0.0
        for cut in cuts:
            k = solid.index(cut - 1)
            sure = sure and usual > 0 and xs[k + 1] - xs[k] >= (1 + cfg["glued_sure_step"]) * usual
    out = "".join(ch + (" " if i + 1 in cuts else "") for i, ch in enumerate(text))
    return replace(word, text=out, confidence=word.confidence if sure else min(word.confidence, cfg["doubtful_confidence"]))


#: a full stop between two words with no blank after it: after 3 lower-case letters before a capitalised
#: word (``for.Invoice``), or between two capitals-only words of 4 letters or more (``CHANGZHOU.XINDA``)
_STOP_FOR_BLANK = re.compile(r"(?<=[a-z]{3})\.(?=[A-Z][a-z])|(?<=[A-Z]{4})\.(?=[A-Z]{4,}(?![A-Za-z0-9.]))")
#: a comma between two single capitals of a dotted abbreviation (``N,A.`` of N.A.)
_COMMA_FOR_DOT = re.compile(r"(?<![A-Za-z])([A-Z]),(?=[A-Z]\.)")


def _caps_word_before(text: str, i: int) -> bool:
    """Whether the word ending at ``text[i - 1]`` is capitals only (so ``aBCDE.`` is not taken)."""
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j:i].isupper() and text[j:i].isascii()


def punctuation_for_blanks(word: Word, settings: dict[str, Any] | None = None) -> Word:
    """``word`` with a full stop OCR read for a blank made a blank again and a comma read for an
    abbreviation's dot made a dot, capped at ``doubtful_confidence`` (the word itself when none is found).
    The full stop's position leaves :attr:`Word.char_x` with it."""
    cfg = settings or blank_settings()
    if not cfg.get("enabled", True) or not cfg.get("punctuation", True):
        return word
    text = word.text
    stops = [m.start() for m in _STOP_FOR_BLANK.finditer(text)
             if text[m.start() - 1].islower() or _caps_word_before(text, m.start())]
    fixed = _COMMA_FOR_DOT.sub(r"\1.", text)
    if not stops and fixed == text:
        return word
    solid = [i for i, ch in enumerate(text) if ch != " "]  # char_x holds one centre per non-blank character
    gone = {solid.index(i) for i in stops}
    char_x = tuple(x for k, x in enumerate(word.char_x) if k not in gone) if len(word.char_x) == len(solid) else ()
    out = "".join(" " if i in stops else ch for i, ch in enumerate(fixed))
    ink = tuple(e for k, e in enumerate(word.char_ink) if k not in gone) if len(word.char_ink) == len(solid) else ()
    return replace(word, text=out, char_x=char_x, char_ink=ink, confidence=min(word.confidence, cfg["doubtful_confidence"]))


def _blank_places(text: str) -> list[int]:
    """Indexes i of the non-blank characters of ``text`` followed by a blank."""
    out, k = [], -1
    for p in text.split(" ")[:-1]:
        k += len(p)
        out.append(k)
    return out


def char_ink(gray: np.ndarray, word: Word, settings: dict[str, Any] | None = None) -> tuple[tuple[float, float], ...]:
    """Each character's ink extent (left and right x, page pixels) in ``gray``, the upright page (one
    channel) ``word`` was read from; () where :attr:`Word.char_x` is unknown or the box shows no contrast.
    Neighbours are parted at the middle of the widest run of ink-free columns between their centres (at
    the middle between the centres where their ink touches). Ink is what is darker than the box's Otsu
    threshold, in the box's rows without its top and bottom ``gap_trim``; rows mostly ink (a rule the box
    overlaps) are left out; a column with fewer than ``gap_min_ink`` ink pixels is free of ink."""
    import cv2

    cfg = settings or blank_settings()
    xs = word.char_x
    if len(xs) < 2:
        return ()
    trim = cfg["gap_trim"] * (word.y1 - word.y0)
    y0, y1 = int(max(0, word.y0 + trim)), int(min(gray.shape[0], word.y1 - trim))
    x0, x1 = int(max(0, word.x0)), int(min(gray.shape[1], word.x1 + 1))
    crop = gray[y0:y1, x0:x1]
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < cfg["gap_contrast"]:
        return ()
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ink = ink[ink.mean(axis=1) < 0.6]
    if not len(ink):
        return ()
    inked = ink.sum(axis=0) >= cfg["gap_min_ink"]
    clear = np.concatenate(([False], ~inked, [False]))
    edges = np.flatnonzero(np.diff(clear.astype(np.int8)))  # starts and ends of the ink-free runs
    starts, ends = edges[0::2], edges[1::2]  # columns [start, end) of the crop
    cuts = [0.0]
    for a, b in zip(xs, xs[1:], strict=False):
        lo, hi = a - x0, b - x0
        runs = np.minimum(ends, hi) - np.maximum(starts, lo)
        k = int(np.argmax(runs)) if len(runs) else -1
        cuts.append((max(starts[k], lo) + min(ends[k], hi)) / 2 if k >= 0 and runs[k] > 0 else (lo + hi) / 2)
    cuts.append(float(len(inked)))
    cols = np.flatnonzero(inked)
    out = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        mine = cols[(cols >= left) & (cols < right)]
        if not len(mine):
            return ()
        out.append((float(mine[0] + x0), float(mine[-1] + 1 + x0)))
    return tuple(out)
