"""Documents written by hand for the held-out tests (issue 14): our company's identity and a PDF drawn
from a list of texts at positions (no generator template)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONTS = {"DV": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DVB": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
         "WQ": "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"}
OURS = "苏州恒锐精密五金制品有限公司"
OURS_EN = "Suzhou Hengrui Precision Hardware Co., Ltd."
OUR_TAX_ID = "91320594MA1MXQ7K8G"
OUR_ACCOUNTS = ("1102020109000123456", "6226090512345678")
#: the Suzhou company's German and Indian subsidiaries (held-out sets 3 and 4)
OURS_DE = "Hengrui Precision Europe GmbH"
OURS_DE_VAT = "DE815362741"
OURS_IN = "Hengrui Precision India Private Limited"
OURS_IN_GSTIN = "27AADCH7735R1ZT"


def draw_pdf(path: Path, items: list[tuple], rules: list[tuple], font: str, line_width: float | None = None,
             more_pages: tuple[tuple[list[tuple], list[tuple]], ...] = ()) -> Path:
    """Text at (x mm, y mm from the top[, size, font]), drawn in list order (a layered form: labels first);
    a negative x right-aligns the text there; ruled lines (``line_width`` points, else reportlab's 1);
    ``more_pages``: the (items, rules) of each further page."""
    for name, file in FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, file))
    c = Canvas(str(path), pagesize=(210 * mm, 297 * mm))
    for page, (page_items, page_rules) in enumerate(((items, rules), *more_pages)):
        if page:
            c.showPage()
        for x, y, text, *rest in page_items:
            c.setFont(rest[1] if len(rest) > 1 else font, rest[0] if rest else 9)
            if x < 0:
                c.drawRightString(-x * mm, (297 - y) * mm, text)
            else:
                c.drawString(x * mm, (297 - y) * mm, text)
        if line_width is not None:
            c.setLineWidth(line_width)
        for x1, y1, x2, y2 in page_rules:
            c.line(x1 * mm, (297 - y1) * mm, x2 * mm, (297 - y2) * mm)
    c.save()
    return path


def same(got: object, expected: object) -> bool:
    """A field's value as printed: text compared without case (a letterhead in capitals names the same company)."""
    if isinstance(got, str) and isinstance(expected, str):
        return got.casefold() == expected.casefold()
    return got == expected


def _squash(value: object) -> str:
    return "".join(str(value).replace("-", "").split()).casefold()


def wrong_receipt_fields(result, truth: dict[str, str]) -> dict[str, tuple]:  # type: ignore[no-untyped-def]
    """The fields of a receipt read otherwise than printed: (read, printed, confidence). Amounts compare as
    numbers, dates as ISO dates, accounts without blanks and dashes, names case-insensitively; the memo must
    hold the printed 用途/附言 (a 摘要 may be joined to it); the issuing bank may be named short (HSBC)."""
    out = {}
    for name, want in truth.items():
        got = getattr(result.record, name)
        if name == "amount":
            ok = got == Decimal(want)
        elif name == "value_date":
            ok = got == date.fromisoformat(want)
        elif name == "memo":
            ok = _squash(want) in _squash(got or "")
        elif name == "bank":
            ok = got is not None and (_squash(want) in _squash(got) or _squash(got) in _squash(want))
        else:
            ok = got is not None and _squash(got) == _squash(want)
        if not ok:
            out[name] = (got, want, result.confidence.get(name))
    return out


def item_rows(top: float, rows: list[tuple], cols: tuple[float, ...] = (20, -130, -160, -190), size: float = 8,
              step: float = 6) -> list[tuple]:
    """Item rows for :func:`draw_pdf`: each row's texts at the given columns (a negative x right-aligns), ``step`` mm
    apart from ``top``."""
    out: list[tuple] = []
    for i, row in enumerate(rows):
        out += [(x, top + step * i, text, size) for x, text in zip(cols, row, strict=True)]
    return out
