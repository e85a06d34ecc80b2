"""Positioned words from a PDF's text layer (pdfplumber); pages without text are flagged for OCR."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from extractors.words import Glyph, Word, words_from_glyphs
from hub.errors import InputError

#: Fewer text characters than this on a page that carries an image: the page is a scan.
MIN_TEXT_CHARS = 8


@dataclass(slots=True)
class PdfPage:
    """One page: its words (empty for an image-only page), size in points, and whether it needs OCR."""

    number: int
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    image_only: bool = False
    #: vertical ruling lines (x, top, bottom): where an item table draws its grid (extractors.tables)
    rules: list[tuple[float, float, float]] = field(default_factory=list)


def _open(path: Path):
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    if not path.is_file():
        raise InputError("no such file", source=str(path))
    if path.stat().st_size == 0:
        raise InputError("the file is empty (0 bytes)", source=str(path))
    try:
        pdf = pdfplumber.open(path)
        _ = pdf.pages  # forces the page tree to load: corrupt files fail here
    except PdfminerException as exc:
        inner = exc.args[0] if exc.args else exc
        if isinstance(inner, PDFPasswordIncorrect) or "password" in str(inner).lower():
            raise InputError("the PDF is password-protected", source=str(path)) from None
        raise InputError(f"not a readable PDF ({type(inner).__name__}: {inner})", source=str(path)) from None
    except PDFPasswordIncorrect:
        raise InputError("the PDF is password-protected", source=str(path)) from None
    except Exception as exc:  # pdfminer raises many unrelated types on truncated files
        raise InputError(f"not a readable PDF ({type(exc).__name__}: {exc})", source=str(path)) from None
    return pdf


def vertical_rules(page) -> list[tuple[float, float, float]]:
    """The page's vertical ruling lines (x, top, bottom) from its lines, rectangles and curves' edges."""
    out = []
    for e in page.edges:
        if e.get("orientation") == "v" and float(e["bottom"]) - float(e["top"]) > 4:
            out.append((float(e["x0"]), float(e["top"]), float(e["bottom"])))
    return out


def page_words(page, number: int, rules: list[tuple[float, float, float]] | None = None) -> list[Word]:
    """One pdfplumber page's words, built from its characters' positions (not the file's text order) and
    split at its vertical ruling lines (see :func:`extractors.words.words_from_glyphs`)."""
    glyphs = [Glyph(c["text"], float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"]),
                    float(c.get("size") or 0), bool(c.get("upright", True))) for c in page.chars]
    return words_from_glyphs(glyphs, number, vertical_rules(page) if rules is None else rules, float(page.width))


def read_pdf(path: Path | str) -> list[PdfPage]:
    """The words of every page of ``path``; pages with images and (almost) no text are ``image_only``.

    Raises :class:`InputError` for missing, empty, corrupt or password-protected files.
    """
    path = Path(path)
    pdf = _open(path)
    pages: list[PdfPage] = []
    try:
        for number, page in enumerate(pdf.pages, start=1):
            try:
                rules = vertical_rules(page)
                words = page_words(page, number, rules)
            except Exception as exc:
                raise InputError(f"page {number} cannot be read ({exc})", source=str(path)) from None
            chars = sum(len(w.text) for w in words)
            image_only = chars < MIN_TEXT_CHARS and bool(page.images)
            pages.append(PdfPage(number, float(page.width), float(page.height),
                                 [] if image_only else words, image_only, [] if image_only else rules))
    finally:
        pdf.close()
    if not pages:
        raise InputError("the PDF has no pages", source=str(path))
    return pages


def is_image_only(path: Path | str) -> bool:
    """True when every page of the PDF is an image without a text layer (a scan saved as PDF)."""
    return all(p.image_only for p in read_pdf(path))


def render_pages(path: Path | str, numbers: list[int], dpi: int = 200):
    """Render the given pages (1-based) to RGB ``PIL.Image`` objects for OCR."""
    path = Path(path)
    pdf = _open(path)
    try:
        return [pdf.pages[n - 1].to_image(resolution=dpi).original.convert("RGB") for n in numbers]
    finally:
        pdf.close()
