"""The PaddleOCR backend on a real page (runs where the ``paddle`` extra is installed, e.g. in CI)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("paddleocr") is None or importlib.util.find_spec("rapidocr_paddle") is None,
    reason="the PaddleOCR backend needs the 'paddle' extra (paddleocr, paddlepaddle==3.2.2, rapidocr_paddle)",
)


def test_prepared_model_folders_have_inference_yml(tmp_path: Path) -> None:
    from extractors.ocr.paddle import prepare_models

    det, rec = prepare_models(tmp_path)
    assert (det / "inference.yml").read_text(encoding="utf-8").startswith("Global:")
    text = (rec / "inference.yml").read_text(encoding="utf-8")
    assert "CTCLabelDecode" in text and '  - "发"' in text
    assert any(p.suffix in (".pdmodel", ".json") for p in det.iterdir())


@pytest.mark.slow
def test_paddle_backend_reads_an_invoice(docs, tmp_path: Path) -> None:
    from extractors.documents import read_words
    from extractors.ocr import load_image, make_engine

    inv = docs.make_invoice(31, n_lines=1)
    img = docs.scan(docs.render_vat_e_invoice(inv, tmp_path / "e.pdf"), tmp_path / "e.png")
    engine = make_engine("paddle", model_dir=tmp_path / "models")
    page = engine.read(load_image(img))
    result = read_words(page.words, "invoice", source=str(img), ocr=True)
    assert result.record.number == inv["number"]
    assert result.record.total == inv["total"]
    assert result.record.seller_tax_id == inv["seller_tax_id"]
