"""OCR fan-out on a two-worker Dask ``LocalCluster`` (prefect-dask's DaskTaskRunner) reads the same words
as the one-process engine on the same pages: real pages (reportlab, rasterised, noised), real OCR."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pypdfium2
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
BANKS = ["中国工商银行", "招商银行", "Bank of Ningbo", "HSBC China"]
PAYERS = ["宁波海曙明达五金制品有限公司", "Harbor Lights Trading GmbH", "杭州西湖精密机械有限公司", "Nordic Tools AB"]


def _page(seed: int, out: Path) -> Path:
    """A bank advice page (Chinese and English) with seeded values, scanned at 200 dpi with noise."""
    rng = random.Random(seed)
    pdfmetrics.registerFont(TTFont("wqy", FONT))
    pdf = out.with_suffix(".pdf")
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("wqy", 16)
    c.drawString(60, 780, f"{rng.choice(BANKS)} 电子回单 Payment Advice")
    c.setFont("wqy", 11)
    lines = [f"交易流水号 Ref: {rng.randint(10**11, 10**12 - 1)}",
             f"付款人 Payer: {rng.choice(PAYERS)}",
             f"账号 Account: 6222 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)} {rng.randint(100, 999)}",
             f"金额 Amount: CNY {rng.randint(1000, 999999):,}.{rng.randint(0, 99):02d}",
             f"日期 Date: 2026-0{rng.randint(1, 9)}-{rng.randint(10, 28)}",
             f"用途 Memo: 货款 INV-{rng.randint(10000, 99999)}"]
    for i, text in enumerate(lines):
        c.drawString(60, 730 - 24 * i, text)
    c.showPage()
    c.save()
    image = pypdfium2.PdfDocument(str(pdf))[0].render(scale=200 / 72).to_pil().convert("L")
    pixels = np.asarray(image, dtype=np.int16) + np.random.default_rng(seed).integers(-18, 18, image.size[::-1])
    png = out.with_suffix(".png")
    Image.fromarray(pixels.clip(0, 255).astype(np.uint8)).save(png)
    return png


def _words(pages) -> list[list[tuple]]:
    return [[(w.text, round(w.x0), round(w.y0), round(w.x1), round(w.y1)) for w in p.words] for p in pages]


@pytest.mark.slow
def test_two_dask_workers_read_the_words_of_the_one_process_engine(prefect_server, tmp_path: Path) -> None:
    from extractors.ocr import make_engine
    from extractors.ocr.pool import load_page
    from flows.ocr_dask import ocr_on_dask

    pages = [str(_page(seed, tmp_path / f"page{seed}")) for seed in range(6)]
    engine = make_engine("rapidocr", threads=1)
    alone = [engine.read(load_page(p), page=1) for p in pages]
    fanned = ocr_on_dask(pages, workers=2, batch_size=2)
    assert len(fanned) == len(pages)
    assert all(len(p.words) >= 6 for p in alone), "the pages were not read at all"
    assert _words(fanned) == _words(alone)
    for a, b in zip(alone, fanned, strict=True):
        assert [w.confidence for w in b.words] == pytest.approx([w.confidence for w in a.words], abs=1e-3)
