"""Seals and stamps on scans: find seal-coloured ink (red, blue, purple), take it out before OCR, keeping
the text under it, and tell where the seals were so that those bands can be read a second time.

    found = find_seals(image)            # None when the page holds no seal ink
    clean = found.cleaned                # the page with the ink replaced by what lies under it
    read_page(engine, image)             # OcrPage of the cleaned page, with the unmasked seal bands re-read

Seal ink is multiply-like: over paper it takes away the channels it absorbs (red ink takes green and
blue), over black text the text stays black. A masked pixel's brightest channel is therefore close to the
grey under the ink, dimmed by the ink's transmission in that channel; dividing by that transmission
(estimated on the page) gives back paper where there was paper and strokes where there was text.
Thresholds live in ``extractors/data/seals.toml``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from extractors.ocr.base import OcrPage
from extractors.words import Word


@cache
def seal_settings(path: str | None = None) -> dict[str, Any]:
    """The seal settings: ``path``, else ``ORDERHUB_SEALS``, else the packaged ``data/seals.toml``;
    ``ORDERHUB_SEAL_MASK=0`` turns the mask off."""
    path = path or os.environ.get("ORDERHUB_SEALS")
    text = Path(path).read_text(encoding="utf-8") if path else \
        resources.files("extractors").joinpath("data/seals.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    if os.environ.get("ORDERHUB_SEAL_MASK", "").strip().lower() in ("0", "false", "off", "no"):
        data["mask"]["enabled"] = False
    return data


@dataclass
class Seals:
    """The seal ink found on a page: the ink mask, the page with the ink taken out, the seals' boxes
    (x0, y0, x1, y1 in pixels) and the share of the page that is ink."""

    mask: np.ndarray
    cleaned: np.ndarray
    boxes: list[tuple[int, int, int, int]] = field(default_factory=list)
    share: float = 0.0


def ink_mask(image: np.ndarray, settings: dict[str, Any] | None = None, *, faint: bool = False) -> np.ndarray:
    """Boolean mask of seal-coloured pixels of a BGR ``image``: saturated, bright enough to be ink on
    paper, in one of the seal inks' hue bands (not black or grey text, not brown template print). With
    ``faint``, weakly saturated pixels next to such ink count too (thin or worn strokes)."""
    cfg = (settings or seal_settings())["mask"]
    hsv = cv2.cvtColor(image, cv2.COLOR_BGR2HSV)

    def bands(min_sat: int) -> np.ndarray:
        out = None
        for lo, hi in cfg["hues"]:
            band = cv2.inRange(hsv, (int(lo), int(min_sat), int(cfg["min_value"])), (int(hi), 255, 255))
            out = band if out is None else cv2.bitwise_or(out, band)
        return out

    strong = bands(cfg["min_saturation"])
    if not faint or not cfg.get("weak_saturation"):
        return strong > 0
    n = int(cfg.get("near", 0))
    near = cv2.dilate(strong, np.ones((2 * n + 1, 2 * n + 1), np.uint8)) if n else strong
    return cv2.bitwise_or(strong, cv2.bitwise_and(bands(cfg["weak_saturation"]), near)) > 0


def find_seals(image: np.ndarray, settings: dict[str, Any] | None = None) -> Seals | None:
    """The seal ink on a BGR page ``image`` and the page without it, or None when there is (almost) none
    (grey pages included: their seals cannot be told from text by colour).

    The page is looked at in a quarter resolution first; only the patches holding ink are then masked
    and restored at full resolution, so the cost follows the seals' area, not the page's."""
    cfg = settings or seal_settings()
    m = cfg["mask"]
    if image.ndim != 3 or not m["enabled"]:
        return None
    H, W = image.shape[:2]
    small = cv2.resize(image, (max(1, W // 4), max(1, H // 4)), interpolation=cv2.INTER_NEAREST)
    seen = ink_mask(small, cfg)
    share = float(seen.mean())
    if share < m["min_share"]:
        return None
    grow = int(m["grow"])
    kernel = np.ones((2 * grow + 1, 2 * grow + 1), np.uint8)
    mask = np.zeros((H, W), dtype=bool)
    rois = []
    for x0, y0, x1, y1 in _components(seen.astype(np.uint8), 1, 0.0):
        x0, y0, x1, y1 = max(0, 4 * x0 - 8), max(0, 4 * y0 - 8), min(W, 4 * x1 + 8), min(H, 4 * y1 + 8)
        ink = ink_mask(image[y0:y1, x0:x1], cfg, faint=True)
        wide = cv2.dilate(ink.astype(np.uint8), kernel).astype(bool) if grow else ink
        mask[y0:y1, x0:x1] |= wide
        rois.append((slice(y0, y1), slice(x0, x1), ink))
    outside = _bright(small)[~seen]
    paper = max(float(np.percentile(outside, cfg["restore"]["paper_percentile"])) if outside.size else 255.0, 1.0)
    inked = np.concatenate([image[ys, xs][ink].max(axis=1) for ys, xs, ink in rois]) if rois else np.zeros(0)
    trans = _transmission(inked, paper, cfg)
    cleaned = image.copy()
    for ys, xs, _ in rois:  # patches may overlap: restore from the original pixels, once each
        cleaned[ys, xs] = restore(image[ys, xs], None, mask[ys, xs], cfg, paper, trans)
    j = max(1, int(m["join"]) // 4)
    boxes = [(4 * x0, 4 * y0, 4 * x1, 4 * y1) for x0, y0, x1, y1 in _components(seen.astype(np.uint8), j,
                                                                                  m["min_region_share"])]
    return Seals(mask, cleaned, boxes, share)


def _transmission(inked: np.ndarray, paper: float, settings: dict[str, Any]) -> float:
    """The ink's transmission in its brightest channel: a low percentile of the ink pixels' brightest
    channel (the densest ink) over the paper's level, within the configured bounds."""
    cfg = settings["restore"]
    trans = float(np.percentile(inked, cfg["ink_percentile"])) / paper if inked.size else 1.0
    return min(max(trans, cfg["min_transmission"]), cfg["max_transmission"])


def _bright(image: np.ndarray) -> np.ndarray:
    """Each pixel's brightest channel."""
    b, g, r = cv2.split(image)
    return cv2.max(cv2.max(b, g), r)


def restore(image: np.ndarray, ink: np.ndarray | None, wide: np.ndarray, settings: dict[str, Any] | None = None,
            paper: float | None = None, trans: float | None = None) -> np.ndarray:
    """``image`` with the pixels of ``wide`` replaced by the grey under the ink (see the module's doc).
    ``paper`` is the paper's level (brightest channel; measured outside ``wide`` when not given), ``trans``
    the ink's transmission (measured on the ``ink`` pixels, the ungrown mask, when not given)."""
    cfg = settings or seal_settings()
    where = np.nonzero(wide)
    if not where[0].size:
        return image.copy()
    bright = image[where].max(axis=1)
    if paper is None:
        outside = _bright(image)[~wide]
        paper = max(float(np.percentile(outside, cfg["restore"]["paper_percentile"])) if outside.size else 255.0, 1.0)
    if trans is None:
        trans = _transmission(image[ink].max(axis=1) if ink is not None else bright, paper, cfg)
    under = np.minimum(bright.astype(np.float32) / trans, paper)
    under[under >= cfg["restore"]["paper_from"] * paper] = paper
    out = image.copy()
    out[where] = under.astype(np.uint8)[:, None]
    return out


def _components(mask: np.ndarray, join: int, min_share: float) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, y0, x1, y1) of the connected patches of ``mask`` after closing gaps of ``join`` pixels,
    those covering at least ``min_share`` of the mask's area."""
    if join > 1:
        mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((2 * join + 1, 2 * join + 1), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask)
    area = mask.shape[0] * mask.shape[1]
    return [(int(x), int(y), int(x + w), int(y + h)) for x, y, w, h, _ in stats[1:n] if w * h >= min_share * area]


# -- reading a sealed page ----------------------------------------------------------------------------

def upright(image: np.ndarray, rotation: int, skew: float) -> np.ndarray:
    """``image`` turned as an engine turned the page (``rotation`` clockwise, then ``skew`` undone)."""
    from extractors.ocr.rapid import _rotate

    turns = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    if rotation in turns:
        image = cv2.rotate(image, turns[rotation])
    return _rotate(image, skew) if skew else image


def read_page(engine: Any, image: np.ndarray, page: int = 1, settings: dict[str, Any] | None = None) -> OcrPage:
    """OCR one page with its seals taken out; the bands of the unmasked page holding a seal are read
    again (``OcrPage.seal_words``, ``seal_bands``) so that a value the mask harmed has a second reading.
    Pages without seal ink are read as they are. Works with any engine that has ``read``; the re-read
    needs the engine's ``recognise`` (words of an upright image)."""
    from extractors.ocr.faxes import restore

    image, _ = restore(image)  # a fax's small binarised print scaled up first: every pixel below is the page's
    cfg = settings or seal_settings()
    found = find_seals(image, cfg)
    if found is None:
        return engine.read(image, page=page)
    out = engine.read(found.cleaned, page=page)
    out.seal_share = found.share
    recognise = getattr(engine, "recognise", None)
    if not cfg["reread"]["enabled"] or recognise is None or not found.boxes:
        return out
    turned = upright(image, out.rotation, out.skew)
    again = find_seals(turned, cfg)  # the boxes in the upright page's pixels
    if again is None or not again.boxes:
        return out
    bands = _bands(again.boxes, turned.shape[0], cfg["reread"]["pad"])
    words: list[Word] = []
    for y0, y1 in bands:
        for w in recognise(turned[y0:y1], page=page):
            # the seal's ink is among the characters' there: their ink extents are not the characters' own
            words.append(replace(w, y0=w.y0 + y0, y1=w.y1 + y0, char_ink=()))
    out.seal_bands = [(float(y0), float(y1)) for y0, y1 in bands]
    out.seal_words = words
    return out


def _bands(boxes: list[tuple[int, int, int, int]], height: int, pad: float) -> list[tuple[int, int]]:
    """Row bands covering the boxes (each padded by ``pad`` of its height), overlapping ones merged."""
    spans = sorted((max(0, int(y0 - pad * (y1 - y0))), min(height, int(y1 + pad * (y1 - y0)))) for _, y0, _, y1 in boxes)
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def second_reading(words: list[Word], seal_words: list[Word], bands: list[tuple[float, float]]) -> list[Word]:
    """The page's words with those inside the re-read bands replaced by the unmasked page's words there.
    A word counts as inside when its vertical centre is; words cut by a band's edge (centre within a
    tenth of the band's height from it) are taken from the first reading."""
    def inner(w: Word) -> bool:
        c = (w.y0 + w.y1) / 2
        return any(a + 0.1 * (b - a) <= c <= b - 0.1 * (b - a) for a, b in bands)

    return [w for w in words if not inner(w)] + [w for w in seal_words if inner(w)]


__all__ = ["Seals", "find_seals", "ink_mask", "read_page", "restore", "second_reading", "seal_settings", "upright"]
