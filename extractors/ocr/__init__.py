"""OCR: an :class:`OcrEngine` interface, the default ``rapidocr`` backend (PP-OCR on ONNX Runtime), the
optional PaddleOCR backend, and a process pool that reads pages on every core.

    from extractors.ocr import default_engine, ocr_pages
    page = default_engine().read(load_image("scan.jpg"))      # one page, in this process
    pages = ocr_pages(["a.jpg", ("b.pdf", 1)], workers=2)      # many pages, in parallel
"""

from __future__ import annotations

import importlib
from functools import cache

from extractors.ocr.base import OcrEngine, OcrPage, load_image
from extractors.ocr.pool import OcrPool, ocr_pages

#: Backends by name: ``module:class``.
BACKENDS = {"rapidocr": "extractors.ocr.rapid:RapidOcrEngine", "paddle": "extractors.ocr.paddle:PaddleOcrEngine"}


def make_engine(backend: str = "rapidocr", **options) -> OcrEngine:
    """A new engine of ``backend`` (models load now); raises ``InputError`` for an unknown or missing one."""
    from hub.errors import InputError

    if backend not in BACKENDS:
        raise InputError(f"unknown OCR backend {backend!r} (known: {', '.join(BACKENDS)})")
    module, cls = BACKENDS[backend].split(":")
    return getattr(importlib.import_module(module), cls)(**options)


@cache
def default_engine(backend: str = "rapidocr") -> OcrEngine:
    """This process's engine of ``backend``, loaded on first use and kept."""
    return make_engine(backend)


def prepare_words(words: list) -> list:
    """OCR's words of a page as every reader takes them: the fax machine's header line dropped
    (:mod:`extractors.ocr.faxes`), levelled where the page still slopes (:mod:`extractors.ocr.level`), the blanks
    their character spacing shows put back (:mod:`extractors.ocr.blanks`)."""
    from extractors.ocr.blanks import put_blanks
    from extractors.ocr.faxes import drop_header_lines
    from extractors.ocr.level import level

    return put_blanks(level(drop_header_lines(words)))


__all__ = ["BACKENDS", "OcrEngine", "OcrPage", "OcrPool", "default_engine", "load_image", "make_engine", "ocr_pages", "prepare_words"]
