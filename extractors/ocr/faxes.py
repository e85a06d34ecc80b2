"""Faxed pages: dithered 1-bit pages smoothed before OCR, and the fax machine's header line kept out of the fields.

A fax machine dithers grey (tinted paper, grey print, a logo) into dot patterns; PP-OCR's detector, trained on grey
print, finds almost no text lines among the dots of a dithered page (2 of 40 on a 200-dpi page; more at 100 dpi,
where the dots are coarser than the detector's stroke filters but still most lines lost). A page that is binarised
(almost no grey pixels but for the JPEG's ringing) and dithered (many ink dots of one or two pixels) is smoothed by
a Gaussian blur scaled to its text height: the dots fade into light grey and the strokes get grey edges again.
Crisp threshold-binarised pages are read as they are (a blur loses their thin strokes). Scaling a fax up before
detection was measured too: the detector then finds one line or two on a dithered page, and scans4 saw no gain
on crisp ones, so pages keep their size.

The sending machine prints its own line over the top of every page (``DEC-07-2026 10:32 FROM: +49 421 ... P.001/002``):
its date, number and page count are the transmission's, not the document's (the date read as the issue date).
:func:`drop_header_lines` takes such a line out of a page's OCR words. Settings: ``[fax]`` in ``data/ocr.toml``."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

import cv2
import numpy as np

from extractors.words import Word, group_lines, median_height


@cache
def fax_settings() -> dict[str, Any]:
    """The ``[fax]`` table of ``data/ocr.toml``."""
    text = resources.files("extractors").joinpath("data/ocr.toml").read_text(encoding="utf-8")
    return dict(tomllib.loads(text).get("fax", {}))


def reread_settings() -> dict[str, Any]:
    """The ``[fax.reread]`` table of ``data/ocr.toml``: a crisp binarised page's weak lines read a second time."""
    return dict(fax_settings().get("reread", {}))


def is_binarised(gray: np.ndarray, cfg: dict[str, Any]) -> bool:
    """Almost every pixel near black or near white (a 1-bit page, or one saved as a JPEG)."""
    lo, hi = cfg["grey_band"]
    inside = np.count_nonzero((gray > lo) & (gray < hi))
    return inside <= cfg["max_grey_share"] * gray.size


def dithered_text_height(gray: np.ndarray, cfg: dict[str, Any]) -> float | None:
    """The median height (pixels) of the page's character-sized ink blobs when the page is dithered (ink dots of
    one or two pixels at ``min_dots`` of its pixels or more: grey paper or grey print turned into dot patterns);
    None for a page that is not, or without enough characters."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n < 2:
        return None
    area, w, h = stats[1:, cv2.CC_STAT_AREA], stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]
    if np.count_nonzero(area <= 2) < cfg["min_dots"] * gray.size:
        return None
    keep = (h >= cfg["min_blob"]) & (h <= 0.05 * gray.shape[0]) & (w <= 3 * h) & (w >= 2)
    if np.count_nonzero(keep) < cfg["min_blobs"]:
        return None
    return float(np.median(h[keep]))


def restore(image: np.ndarray, settings: dict[str, Any] | None = None) -> tuple[np.ndarray, float]:
    """The page smoothed when it is binarised and dithered, with the Gaussian sigma applied (0.0: the page as it was)."""
    cfg = settings or fax_settings()
    if not cfg.get("enabled", True):
        return image, 0.0
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    if not is_binarised(gray, cfg):
        return image, 0.0
    height = dithered_text_height(gray, cfg)
    if height is None:
        return image, 0.0
    sigma = min(max(cfg["blur_per_height"] * height, cfg["min_blur"]), cfg["max_blur"])
    return cv2.GaussianBlur(image, (0, 0), sigma), sigma


@cache
def _header_patterns(key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in fax_settings().get("header", {}).get(key, ()))


def is_header_line(text: str) -> bool:
    """A fax machine's transmission line: a transmission time (``header.when``) and at least ``header.min_marks``
    of the marks (FROM/TO or 发件人, a page of pages, an international number)."""
    need = fax_settings().get("header", {}).get("min_marks", 1)
    if not any(p.search(text) for p in _header_patterns("when")):
        return False
    return sum(1 for p in _header_patterns("marks") if p.search(text)) >= need


def drop_header_lines(words: list[Word]) -> list[Word]:
    """``words`` without the fax header line at the top of each page: a text line above every other, within
    ``header.top_lines`` text lines of the page's first, that reads as a transmission line."""
    cfg = fax_settings()
    top = cfg.get("header", {}).get("top_lines", 2)
    out: list[Word] = []
    for page in sorted({w.page for w in words}):
        on = [w for w in words if w.page == page]
        lines = group_lines(on)
        if not lines:
            out += on
            continue
        h = median_height(on)
        first = min(ln.y0 for ln in lines)
        drop = {id(w) for ln in lines if ln.y0 <= first + top * 1.5 * h and is_header_line(ln.text)
                for w in ln.words}
        out += [w for w in on if id(w) not in drop]
    return out
