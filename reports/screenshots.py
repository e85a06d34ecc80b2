"""Pictures of the workbooks as people see them: each visible sheet printed by headless LibreOffice to
PDF, its first page turned into a PNG by pdftoppm (Debian ``libreoffice-calc-nogui``, ``poppler-utils``;
``bash scripts/screenshots-env.sh`` installs both). Used to review the workbooks by looking."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from openpyxl import load_workbook

from hub.errors import InputError


def tools() -> tuple[str, str] | None:
    """The soffice and pdftoppm executables, or None when either is missing."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    return (soffice, pdftoppm) if soffice and pdftoppm else None


def _slug(title: str) -> str:
    latin = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()
    return latin or "sheet"


def _crop(png: Path, margin: int = 12) -> None:
    """Cut the blank paper around the printed cells."""
    from PIL import Image, ImageOps

    with Image.open(png) as im:
        box = ImageOps.invert(im.convert("L")).getbbox()
        if box:
            x0, y0, x1, y1 = box
            cut = im.crop((max(0, x0 - margin), max(0, y0 - margin), min(im.width, x1 + margin),
                           min(im.height, y1 + margin)))
            cut.save(png, optimize=True)


def screenshot_workbook(workbook: str | Path, out_dir: str | Path, *, dpi: int = 150, scale: int = 60,
                        timeout: float = 180) -> list[Path]:
    """One PNG per visible sheet of ``workbook`` in ``out_dir`` (``<stem>-<sheet>.png``); returns them."""
    found = tools()
    if found is None:
        raise InputError("needs LibreOffice and pdftoppm: run `bash scripts/screenshots-env.sh`")
    soffice, pdftoppm = found
    src = Path(workbook)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    titles = [ws.title for ws in load_workbook(src, read_only=True).worksheets if ws.sheet_state == "visible"]
    pictures = []
    with tempfile.TemporaryDirectory(prefix="orderhub-shot-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "HOME": str(work)}  # a private LibreOffice profile: no lock on the user's
        for n, title in enumerate(titles):
            wb = load_workbook(src)
            for ws in wb.worksheets:
                ws.sheet_state = "visible" if ws.title == title else "hidden"
                ws.page_setup.orientation = "landscape"
                ws.page_setup.paperSize = ws.PAPERSIZE_A3
                # the sheet as printed at a fixed scale: the first page shows the leftmost columns legibly
                # (fitting a 30-column sheet onto one page makes it unreadable)
                ws.sheet_properties.pageSetUpPr.fitToPage = False
                ws.page_setup.scale = scale
                ws.print_options.gridLines = True
            wb.active = wb.sheetnames.index(title)
            one = work / f"{src.stem}-{n}.xlsx"
            wb.save(one)
            subprocess.run([soffice, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(work),
                            str(one)], check=True, capture_output=True, timeout=timeout, env=env)
            pdf = one.with_suffix(".pdf")
            png = out / f"{src.stem}-{_slug(title)}"
            subprocess.run([pdftoppm, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(png)], check=True, capture_output=True, timeout=timeout)
            _crop(png.with_suffix(".png"))
            pictures.append(png.with_suffix(".png"))
    return pictures
