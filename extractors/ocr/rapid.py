"""The default OCR backend: PP-OCR models (shipped in the ``rapidocr`` wheel) on ONNX Runtime.

Pages are made upright before recognition: a text detection pass on a reduced image tells a page
turned by 90/270 degrees (most text boxes tall), the text-angle classifier over the detected lines
tells upside-down pages (180), and the median angle of the detected lines gives the skew, which is
undone by rotating the image. Only the packaged default models are used (other choices download).
"""

from __future__ import annotations

import logging
import math
from dataclasses import replace

import cv2
import numpy as np

from extractors.ocr.base import OcrPage
from extractors.ocr.blanks import char_ink
from extractors.ocr.faxes import fax_settings, is_binarised, reread_settings
from extractors.words import Word, normalize_text

#: Pages are detected for orientation at this size (longest side, pixels).
PROBE_SIDE = 1100
#: Skews smaller than this (degrees) are left alone.
MIN_SKEW = 0.3


class RapidOcrEngine:
    """``rapidocr`` 3.x with its default PP-OCR models; ``threads`` caps ONNX Runtime's threads."""

    name = "rapidocr"

    def __init__(self, threads: int | None = None) -> None:
        from rapidocr import RapidOCR

        params: dict[str, object] = {"Global.log_level": "error"}
        if threads:
            params["EngineConfig.onnxruntime.intra_op_num_threads"] = int(threads)
            params["EngineConfig.onnxruntime.inter_op_num_threads"] = 1
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        self.engine = RapidOCR(params=params)
        # load every model now, once per process
        self._det = self.engine._load_det_model()
        self._cls = self.engine._load_cls_model()
        self._rec = self.engine._load_rec_model()
        self._text_score = float(self.engine.text_score)  # rapidocr's own threshold: lines read below it are dropped

    def _reread(self, img: np.ndarray, boxes: list[np.ndarray], txts: list[str], scores: list[float],
                chars: list[tuple[float, ...]]) -> tuple[list[str], list[float], list[tuple[float, ...]]]:
        """The lines of a page of small print (the median line box at most ``max_line_height`` pixels high) whose
        reading scored under ``weak`` read a second time from their box scaled ``scale`` times (cubic) and
        lightly blurred (``blur`` pixels, Gaussian): the recogniser sees a 7-9 px character's strokes as grey
        ramps instead of 1-pixel steps. The second reading is taken where it scores ``min_gain`` more than the
        first and reads the same Chinese characters (the figures, codes and Latin words are what the larger crop
        reads better; a 7-9 px Chinese character is as often misread again: 付款方 read 付歌方, more sure);
        its character centres are then unknown (``()``). Settings: ``[fax.reread]`` of ``data/ocr.toml``."""
        from rapidocr.ch_ppocr_rec.typings import TextRecInput
        from rapidocr.utils.process_img import get_rotate_crop_image

        cfg = reread_settings()
        heights = [float(b[:, 1].max() - b[:, 1].min()) for b in boxes]
        if not heights or float(np.median(heights)) > cfg["max_line_height"]:
            return txts, scores, chars
        weak = [i for i, s in enumerate(scores) if s < cfg["weak"]]
        if not weak:
            return txts, scores, chars
        crops = []
        for i in weak:
            crop = get_rotate_crop_image(img, np.asarray(boxes[i], np.float32).copy())
            crop = cv2.resize(crop, None, fx=cfg["scale"], fy=cfg["scale"], interpolation=cv2.INTER_CUBIC)
            crops.append(cv2.GaussianBlur(crop, (0, 0), cfg["blur"]) if cfg["blur"] else crop)
        again = self._rec(TextRecInput(img=crops, return_word_box=False))
        txts, scores, chars = list(txts), list(scores), list(chars)
        for i, text, score in zip(weak, again.txts or (), again.scores, strict=False):
            if text.strip() and float(score) >= scores[i] + cfg["min_gain"] and _cjk(text) == _cjk(txts[i]):
                txts[i], scores[i], chars[i] = text, float(score), ()
        return txts, scores, chars

    # -- orientation --------------------------------------------------------------------------------
    def _probe(self, img: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
        h, w = img.shape[:2]
        scale = min(1.0, PROBE_SIDE / max(h, w))
        small = cv2.resize(img, (int(w * scale), int(h * scale))) if scale < 1 else img
        res = self._det(small)
        boxes = [] if res.boxes is None else list(res.boxes)
        return small, boxes

    def orient(self, img: np.ndarray) -> tuple[np.ndarray, int, float]:
        """The page turned upright and deskewed, with the rotation (clockwise degrees) and skew applied."""
        rotation = 0
        small, boxes = self._probe(img)
        if not boxes:
            return img, 0, 0.0
        tall = sum(1 for b in boxes if _side(b, tall=True))
        wide = sum(1 for b in boxes if _side(b, tall=False))
        if tall > wide:
            img = cv2.rotate(img, cv2.ROTATE_90_CLOCKWISE)
            rotation = 90
            small, boxes = self._probe(img)
        crops = [self.engine.crop_text_regions(small, [b])[0] for b in _widest(boxes, 40)]
        if crops:
            votes = self._cls(crops).cls_res or []
            flipped = sum(s for label, s in votes if "180" in label)
            upright = sum(s for label, s in votes if "180" not in label)
            if flipped > upright:
                img = cv2.rotate(img, cv2.ROTATE_180)
                rotation = (rotation + 180) % 360
                boxes = [np.array([small.shape[1], small.shape[0]]) - b[[2, 3, 0, 1]] for b in boxes]
        skew = _skew(boxes)
        if abs(skew) >= MIN_SKEW:
            img = _rotate(img, skew)
        else:
            skew = 0.0
        return img, rotation, skew

    def read(self, image: np.ndarray, page: int = 1) -> OcrPage:
        """Words of one page image, made upright; coordinates are the upright page's pixels. A crisp binarised
        page of small print (a threshold-binarised fax; a clean scan on white paper too) has its weak lines read a second time
        (:func:`extractors.ocr.faxes.reread_settings`)."""
        img, rotation, skew = self.orient(image)
        cfg = reread_settings()
        crisp = cfg.get("enabled", False) and is_binarised(_gray(img), fax_settings())
        return OcrPage(self.recognise(img, page, reread=crisp), rotation, skew, img.shape[1], img.shape[0])

    def recognise(self, img: np.ndarray, page: int = 1, reread: bool = False) -> list[Word]:
        """Words of an image already upright (a page, or a band of one), in its pixels; with ``reread``, lines of
        small print read weakly are read again from their box scaled up (:meth:`_reread`)."""
        out = self.engine(img, return_word_box=True, return_single_char_box=True,
                          text_score=0.0 if reread else self._text_score)
        words: list[Word] = []
        gray = _gray(img)
        if out.boxes is not None and out.txts:
            chars = _char_centres(out.boxes, out.txts, out.word_results or ())
            boxes, txts, scores = list(out.boxes), list(out.txts), [float(s) for s in out.scores]
            if reread:
                txts, scores, chars = self._reread(img, boxes, txts, scores, chars)
            for box, raw, score, cx in zip(boxes, txts, scores, chars, strict=True):
                if score < self._text_score:
                    continue
                text = normalize_text(raw)
                if not text:
                    continue
                if len(text.replace(" ", "")) != len(cx):
                    cx = ()
                xs, ys = box[:, 0], box[:, 1]
                word = Word(text, float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()),
                            float(score), page, cx)
                words.append(replace(word, char_ink=char_ink(gray, word)) if cx else word)
        return words


def _char_centres(boxes: np.ndarray, txts: tuple, word_results: tuple) -> list[tuple[float, ...]]:
    """Each line's character centres (x, page pixels) from rapidocr's single-character boxes, or () where
    they cannot be matched to the line with certainty (rapidocr leaves out lines without boxes, so its
    list is matched by text and position, in order)."""
    out: list[tuple[float, ...]] = []
    j = 0
    for box, txt in zip(boxes, txts, strict=True):
        got: tuple[float, ...] = ()
        if j < len(word_results):
            items = word_results[j]
            text = "".join(t for t, _, _ in items)
            centres = [(min(p[0] for p in b) + max(p[0] for p in b)) / 2 for _, _, b in items]
            inside = all(box[:, 0].min() - 2 <= c <= box[:, 0].max() + 2 for c in centres)
            if text == "".join(txt.split()) and inside and all(len(t) == 1 for t, _, _ in items):
                got = tuple(float(c) for c in centres)
                j += 1
            elif text == "".join(txt.split()) and inside:
                j += 1
        out.append(got)
    return out


def _cjk(text: str) -> str:
    """The CJK ideographs and kana of ``text``, in order."""
    return "".join(c for c in text if "\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff")


def _gray(img: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(img, cv2.COLOR_BGR2GRAY) if img.ndim == 3 else img


def _side(box: np.ndarray, tall: bool) -> bool:
    w = np.linalg.norm(box[1] - box[0])
    h = np.linalg.norm(box[3] - box[0])
    return h > 1.5 * w if tall else w > 1.5 * h


def _widest(boxes: list[np.ndarray], n: int) -> list[np.ndarray]:
    return sorted(boxes, key=lambda b: -float(np.linalg.norm(b[1] - b[0])))[:n]


def _skew(boxes: list[np.ndarray]) -> float:
    """Median angle (degrees, positive = text rises to the right) of the long text boxes."""
    angles = []
    for b in boxes:
        dx, dy = b[1] - b[0]
        if abs(dx) > 3 * np.linalg.norm(b[3] - b[0]):
            angles.append(math.degrees(math.atan2(-dy, dx)))
    return float(np.median(angles)) if len(angles) >= 3 else 0.0


def _rotate(img: np.ndarray, degrees: float) -> np.ndarray:
    """Rotate by ``degrees`` (counter-clockwise positive, as cv2) about the centre, white background."""
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), -degrees, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos), int(h * cos + w * sin)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(img, m, (nw, nh), flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255))
