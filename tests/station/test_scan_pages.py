"""The station shows a scan's pages as the reader read them: every page of a multi-page TIFF (it showed none past
the first), and a phone's JPEG turned as its EXIF orientation says (the boxes are on the upright page)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

from hub.records import PageInfo, SourceFile
from station.pages import page_png, page_views


def _page(text: str, size: tuple[int, int] = (800, 1100)) -> Image.Image:
    img = Image.new("L", size, 255)
    ImageDraw.Draw(img).rectangle((40, 40, 40 + 60 * len(text), 140), fill=0)  # ink as wide as its text
    return img


def _png_size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as img:
        return img.size


def test_every_page_of_a_multi_page_tiff(tmp_path: Path) -> None:
    tif = tmp_path / "fax.tif"
    first, second = _page("p1"), _page("page two", (850, 1100))
    first.save(tif, save_all=True, append_images=[second], compression="tiff_lzw")
    source = SourceFile(sha256="a" * 64, path=str(tif), kind="invoice", ocr=True, pages=[
        PageInfo(number=1, width=800, height=1100, unit="px"), PageInfo(number=2, width=850, height=1100, unit="px")])
    assert _png_size(page_png(source, 1, tmp_path / "cache")) == (800, 1100)
    assert _png_size(page_png(source, 2, tmp_path / "cache")) == (850, 1100)  # page 2 itself, not page 1
    bare = source.model_copy(update={"sha256": "b" * 64, "pages": []})  # pages measured from the file
    assert [(v.number, v.width) for v in page_views(bare)] == [(1, 800.0), (2, 850.0)]


def test_a_jpeg_turned_by_its_exif_orientation(tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    upright = _page("upright").convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = 6  # stored turned: shown (and read) after a quarter turn clockwise
    upright.rotate(90, expand=True).save(photo, quality=90, exif=exif.tobytes())
    source = SourceFile(sha256="c" * 64, path=str(photo), kind="invoice", ocr=True)
    assert [(v.width, v.height) for v in page_views(source)] == [(800.0, 1100.0)]
    assert _png_size(page_png(source, 1, tmp_path / "cache")) == (800, 1100)
