"""A document's pages as images for the browser, and the positioned words a reviewer can click: PDF
pages rendered with pypdfium2 (cached as PNG under the store's home), scans served as they are."""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hub.records import PageInfo, SourceFile

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}
RENDER_SCALE = 2.0  # 144 dpi: sharp enough to read 8 pt text beside the boxes
_pdfium_lock = threading.Lock()  # pdfium is not thread-safe


@dataclass(frozen=True)
class PageView:
    """A page as the template draws it: its number and size in the unit the boxes use."""

    number: int
    width: float
    height: float
    unit: str


def is_pdf(path: Path) -> bool:
    """Whether the file is a PDF (by its first bytes)."""
    try:
        with path.open("rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False


def page_views(source: SourceFile) -> list[PageView]:
    """The pages of a file: as the reader recorded them, else measured from the file itself."""
    if source.pages:
        return [PageView(p.number, p.width, p.height, p.unit) for p in source.pages]
    path = Path(source.path)
    if is_pdf(path):
        import pypdfium2 as pdfium

        with _pdfium_lock:
            pdf = pdfium.PdfDocument(str(path))
            try:
                return [PageView(i + 1, *pdf[i].get_size(), "pt") for i in range(len(pdf))]
            finally:
                pdf.close()
    if path.suffix.lower() in IMAGE_SUFFIXES and path.is_file():
        from PIL import Image, ImageOps

        from extractors.ocr.base import image_frames

        views = []
        with Image.open(path) as img:
            for n in range(image_frames(path)):  # a multi-page TIFF's every page
                img.seek(n)
                width, height = ImageOps.exif_transpose(img).size  # upright, as the reader saw it
                views.append(PageView(n + 1, float(width), float(height), "px"))
        return views
    return []


def _page_info(source: SourceFile, number: int) -> PageInfo | None:
    return next((p for p in source.pages if p.number == number), None)


def page_png(source: SourceFile, number: int, cache: Path) -> bytes:
    """PNG bytes of page ``number`` (1-based). Raises ``LookupError`` for a page the file does not have."""
    cached = cache / f"{source.sha256}-{number}.png"
    if cached.is_file():
        return cached.read_bytes()
    path = Path(source.path)
    info = _page_info(source, number)
    if is_pdf(path):
        import pypdfium2 as pdfium

        with _pdfium_lock:
            pdf = pdfium.PdfDocument(str(path))
            try:
                if not 1 <= number <= len(pdf):
                    raise LookupError(f"page {number} of {path.name}")
                image = pdf[number - 1].render(scale=RENDER_SCALE).to_pil()
            finally:
                pdf.close()
    else:
        from PIL import Image

        file, frame = _page_image(source, number)
        if file is None or not file.is_file():
            raise LookupError(f"page {number} of {path.name}")
        from extractors.ocr import load_image

        image = Image.fromarray(load_image(file, frame=frame)[:, :, ::-1])  # EXIF-turned, as the reader saw it
        if info is not None and info.rotation and info.unit == "px" and \
                (image.width > image.height) != (info.width > info.height):
            image = image.rotate(-info.rotation, expand=True)  # boxes are on the upright page
    buf = io.BytesIO()
    image.save(buf, "PNG", optimize=False)
    data = buf.getvalue()
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(data)
    return data


def page_words(source: SourceFile) -> dict[int, list[tuple[str, tuple[float, float, float, float]]]]:
    """The text-layer words of a PDF per page (text, box in pt, top-left origin); none for scans."""
    path = Path(source.path)
    if source.ocr or not is_pdf(path):
        return {}
    from extractors.pdfwords import read_pdf
    from hub.errors import InputError

    try:
        pages = read_pdf(path)
    except InputError:
        return {}
    return {p.number: [(w.text, (w.x0, w.y0, w.x1, w.y1)) for w in p.words] for p in pages}


_ocr_lock = threading.Lock()  # one OCR at a time in the station: the engine is loaded once and shared


def scan_words(source: SourceFile, cache: Path) -> dict[int, list[tuple[str, tuple[float, float, float, float]]]]:
    """The words of a scan's pages read by OCR (on the upright page, in pixels, as its fields' boxes), read
    once and cached beside the page images; none for PDFs with a text layer."""
    import json

    if not source.ocr:
        return {}
    cached = cache / f"{source.sha256}-words.json"
    if cached.is_file():
        return {int(k): [(t, tuple(b)) for t, b in v] for k, v in json.loads(cached.read_text("utf-8")).items()}
    from extractors.ocr import default_engine, load_image

    out: dict[int, list[tuple[str, tuple[float, float, float, float]]]] = {}
    path = Path(source.path)
    for view in page_views(source):
        if is_pdf(path):
            from extractors.pdfwords import render_pages

            image = load_image(_to_array(render_pages(path, [view.number])[0]))
        else:
            file, frame = _page_image(source, view.number)
            image = load_image(file or path, frame=frame)
        with _ocr_lock:
            page = default_engine().read(image, page=view.number)
        out[view.number] = [(w.text, (w.x0, w.y0, w.x1, w.y1)) for w in page.words]
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps({str(k): v for k, v in out.items()}, ensure_ascii=False), "utf-8")
    return out


def _page_image(source: SourceFile, number: int) -> tuple[Path | None, int]:
    """The image file of a scan's page ``number`` and its frame in it: the page's own image, else the page of
    a multi-page TIFF (frame ``number - 1``), else the file itself for page 1; (None, 0) for a page it has not."""
    from extractors.ocr.base import image_frames

    info = _page_info(source, number)
    if info is not None and info.image:
        return Path(info.image), 0
    path = Path(source.path)
    if number == 1:
        return path, 0
    if path.suffix.lower() in IMAGE_SUFFIXES and path.is_file() and number <= image_frames(path):
        return path, number - 1
    return None, 0


def _to_array(image: Any) -> Any:
    """A PIL image as the BGR array OCR reads."""
    import numpy as np

    return np.asarray(image.convert("RGB"))[:, :, ::-1].copy()


def labelled(source: SourceFile, values: dict[str, Any], cache: Path) -> dict[str, Any]:
    """The reviewer's corrections with the label each clicked box stood beside (what confirming them teaches
    about the issuer's layout: :func:`extractors.documents.learned.with_label`); a scan's words only when
    they were read for the page already (cached), never an OCR run inside the request."""
    from extractors.documents.learned import with_label
    from extractors.words import Word
    from hub.review import Correction

    if source.ocr:
        read = scan_words(source, cache) if (cache / f"{source.sha256}-words.json").is_file() else {}
    else:
        read = page_words(source)
    words = [Word(t, *b, page=n) for n, ws in read.items() for t, b in ws]
    if not words:
        return values
    return {k: with_label(v, words) if isinstance(v, Correction) else v for k, v in values.items()}
