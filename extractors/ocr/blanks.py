"""Blanks OCR dropped between words, put back from where the recogniser placed each character.

PP-OCR reads a memo ``支付无锡天成货款 WS20260312001`` as ``...货款WS2026...`` about half the time: the blank
is in the image, not in the text. The recogniser does place every character (rapidocr's single-character
boxes, kept as :attr:`extractors.words.Word.char_x`): a blank shows as a step between two centres wider
than the two characters' own half widths. A Chinese character is one em wide (the median step between
two Chinese characters of the same text segment), a Latin letter or digit the median step between two
such; a blank is put where the step exceeds the expected one by ``min_blank_mixed`` em, and only between
a Chinese character and a Latin letter or digit; one put from a step less than ``sure_blank`` em wide gives
its word ``doubtful_confidence`` at most (for review: a blank and none overlap there). Measured on 98 receipt scans (``bench/RESULTS.md``, branch
``scans2``) a blank there shows as 0.12-0.69 em (median 0.35), none as -0.12-0.36 (95% under 0.15). Between
two Chinese characters a blank is narrower (median 0.24 em) than the recogniser's jitter (1% of 6,693
steps without one exceed 0.25 em), so none is put there (``min_blank_chinese = 0``); between two Latin
letters or digits PP-OCR mostly keeps its blanks, and one put into a number or an account would be worse
than none.

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
    if len(chars) != len(xs) or len(chars) < 3 or not any(_wide(c) for c in chars):
        return word
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
    out, put, doubtful = [], 0, False
    for i, ch in enumerate(chars):
        out.append(ch)
        if i == len(chars) - 1:
            break
        if i in spaced:
            out.append(" ")
            continue
        a, b = chars[i], chars[i + 1]
        if not (_wide(a) or _wide(b)) or not (_word_char(a) and _word_char(b)):
            continue
        least = cfg["min_blank_chinese"] if _wide(a) and _wide(b) else cfg["min_blank_mixed"]
        expected = ((em if _wide(a) else narrow) + (em if _wide(b) else narrow)) / 2
        excess = (xs[i + 1] - xs[i] - expected) / em
        if least > 0 and excess >= least:
            out.append(" ")
            put += 1
            doubtful = doubtful or excess < cfg["sure_blank"]
    if not put:
        return word
    confidence = min(word.confidence, cfg["doubtful_confidence"]) if doubtful else word.confidence
    return replace(word, text="".join(out), confidence=confidence)


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
    return [punctuation_for_blanks(blanks_from_gaps(w, cfg, per_page.get(w.page)), cfg) for w in words]


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
    return replace(word, text=out, char_x=char_x, confidence=min(word.confidence, cfg["doubtful_confidence"]))


def _blank_places(text: str) -> list[int]:
    """Indexes i of the non-blank characters of ``text`` followed by a blank."""
    out, k = [], -1
    for p in text.split(" ")[:-1]:
        k += len(p)
        out.append(k)
    return out
