"""Hand-built Chinese VAT e-invoices whose item tables are of the kinds real issuers print and the
generator never made: a toll invoice (通行费) with plate, type and period columns between the
description and the amount, a form template and its values drawn as separate layers out of reading
order (glyph by glyph), discount lines (折扣, negative amounts), descriptions wrapped over two lines,
and a table that goes on on a second page. The truth is the dict each builder returns.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
C2 = Decimal("0.01")


def uscc(rng: random.Random) -> str:
    from hub.validation import USCC_ALPHABET, uscc_check_char

    body = "91" + "".join(rng.choice("0123456789") for _ in range(6)) + "".join(
        rng.choice(USCC_ALPHABET) for _ in range(9))
    return body + uscc_check_char(body)


@dataclass
class Canvas:
    """reportlab canvas, top-left coordinates; ``layer`` collects draw calls to emit out of order."""

    path: Path
    size: tuple[float, float] = (680, 420)
    deferred: list[tuple] = field(default_factory=list)

    def __post_init__(self) -> None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas

        if "wqy" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("wqy", FONT, subfontIndex=0))
        self.c = canvas.Canvas(str(self.path), pagesize=self.size)

    def text(self, x: float, y: float, s: str, size: float = 9, align: str = "left", glyphs: bool = False) -> None:
        """``s`` with its top at ``y``; ``glyphs`` draws it one character at a time in shuffled order."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        width = stringWidth(s, "wqy", size)
        x0 = x - width if align == "right" else x - width / 2 if align == "center" else x
        yy = self.size[1] - y - size
        self.c.setFont("wqy", size)
        if not glyphs:
            self.c.drawString(x0, yy, s)
            return
        pos, xs = x0, []
        for ch in s:
            xs.append((pos, ch))
            pos += stringWidth(ch, "wqy", size)
        random.Random(len(s) * 7 + int(x)).shuffle(xs)
        for px, ch in xs:
            self.c.drawString(px, yy, ch)

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        h = self.size[1]
        self.c.line(x0, h - y0, x1, h - y1)

    def rect(self, x: float, y: float, w: float, h: float) -> None:
        self.c.rect(x, self.size[1] - y - h, w, h)

    def page(self) -> None:
        self.c.showPage()

    def save(self) -> None:
        self.c.save()


TOLL_COLUMNS = [("description", "项目名称", 30, "left"), ("plate", "车牌号", 150, "left"),
                ("type", "类型", 215, "left"), ("from", "通行日期起", 255, "left"),
                ("to", "通行日期止", 320, "left"), ("amount", "金额", 440, "right"),
                ("tax_rate", "税率", 490, "right"), ("tax", "税额", 560, "right")]


def _parties(rng: random.Random) -> dict:
    names = ["浙江沪杭甬高速公路股份有限公司", "宁波海曙明达五金制品有限公司", "苏州工业园区新华电子科技有限公司",
             "深圳市南山区宏远贸易有限公司", "杭州西湖精密机械有限公司"]
    buyer, seller = rng.sample(names, 2)
    return dict(buyer_name=buyer, buyer_tax_id=uscc(rng), seller_name=seller, seller_tax_id=uscc(rng))


def _upper(total: Decimal) -> str:
    from extractors.parse import amount_to_chinese_upper

    return amount_to_chinese_upper(total)


def _head(cv: Canvas, inv: dict, *, glyphs: bool = False, values: bool = True, labels: bool = True) -> None:
    """Title, number, date and the two party blocks (labels and/or values)."""
    d = inv["issue_date"]
    if labels:
        cv.text(340, 18, "浙江增值税电子普通发票", 15, "center")
        cv.text(470, 40, "发票代码:", 9)
        cv.text(470, 54, "发票号码:", 9)
        cv.text(470, 68, "开票日期:", 9)
        cv.rect(20, 86, 640, 56)
        for i, ch in enumerate("购买方"):
            cv.text(26, 92 + i * 14, ch, 9)
        cv.text(44, 94, "名        称:", 9)
        cv.text(44, 112, "纳税人识别号:", 9)
    if values:
        cv.text(520, 40, inv["code"], 9, glyphs=glyphs)
        cv.text(520, 54, inv["number"], 9, glyphs=glyphs)
        cv.text(520, 68, f"{d[:4]}年{d[5:7]}月{d[8:10]}日", 9, glyphs=glyphs)
        cv.text(112, 94, inv["buyer_name"], 9, glyphs=glyphs)
        cv.text(112, 112, inv["buyer_tax_id"], 9, glyphs=glyphs)


def _foot(cv: Canvas, inv: dict, y: float, *, glyphs: bool = False, values: bool = True, labels: bool = True,
          net_x: float = 440, tax_x: float = 560) -> None:
    if labels:
        cv.line(20, y - 4, 660, y - 4)
        cv.text(60, y, "合        计", 9)
        cv.text(40, y + 20, "价税合计(大写)", 9)
        cv.text(470, y + 20, "(小写)", 9)
        cv.rect(20, y + 40, 640, 44)
        for i, ch in enumerate("销售方"):
            cv.text(26, y + 44 + i * 13, ch, 9)
        cv.text(44, y + 46, "名        称:", 9)
        cv.text(44, y + 64, "纳税人识别号:", 9)
        cv.text(40, y + 96, "收款人:", 9)
    if values:
        cv.text(net_x, y, f"¥{inv['net']:.2f}", 9, "right", glyphs=glyphs)
        cv.text(tax_x, y, f"¥{inv['tax']:.2f}", 9, "right", glyphs=glyphs)
        cv.text(130, y + 20, f"ⓧ{_upper(inv['total'])}", 9, glyphs=glyphs)
        cv.text(500, y + 20, f"¥{inv['total']:.2f}", 9, glyphs=glyphs)
        cv.text(112, y + 46, inv["seller_name"], 9, glyphs=glyphs)
        cv.text(112, y + 64, inv["seller_tax_id"], 9, glyphs=glyphs)


def _totals(inv: dict) -> dict:
    inv["net"] = sum((ln["amount"] for ln in inv["lines"]), Decimal("0"))
    inv["tax"] = sum((ln["tax"] for ln in inv["lines"]), Decimal("0"))
    inv["total"] = inv["net"] + inv["tax"]
    return inv


def _base(rng: random.Random) -> dict:
    return dict(code="0" + "".join(rng.choice("0123456789") for _ in range(11)),
                number="".join(rng.choice("0123456789") for _ in range(8)),
                issue_date=f"2018-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", **_parties(rng))


def toll_invoice(path: Path, seed: int = 1, n: int = 3) -> dict:
    """通行费 e-invoice: 项目名称 | 车牌号 | 类型 | 通行日期起 | 通行日期止 | 金额 | 税率 | 税额 (the dates are
    digits printed close to the amount)."""
    rng = random.Random(seed)
    inv = _base(rng)
    lines = []
    for _ in range(n):
        amount = Decimal(rng.randint(300, 9000)) / 100
        tax = (amount * Decimal("0.03")).quantize(C2)
        start = f"2018{rng.randint(1, 12):02d}{rng.randint(1, 20):02d}"
        lines.append(dict(description="*经营租赁*通行费", plate=f"浙B{rng.randint(10000, 99999)}", type="货车",
                          start=start, end=start[:6] + f"{int(start[6:]) + rng.randint(1, 8):02d}",
                          amount=amount, tax_rate=Decimal("0.03"), tax=tax))
    inv["lines"] = lines
    _totals(inv)
    cv = Canvas(path)
    _head(cv, inv)
    y = 152
    cv.line(20, y - 4, 660, y - 4)
    for _key, label, x, align in TOLL_COLUMNS:
        cv.text(x, y, label, 9, align)
    for ln in lines:
        y += 16
        vals = [ln["description"], ln["plate"], ln["type"], ln["start"], ln["end"], f"{ln['amount']:.2f}", "3%",
                f"{ln['tax']:.2f}"]
        for (_k, _l, x, align), v in zip(TOLL_COLUMNS, vals, strict=True):
            cv.text(x, y, v, 9, align)
    _foot(cv, inv, y + 24)
    cv.save()
    return inv


STD_COLUMNS = [("description", "货物或应税劳务、服务名称", 30, "left"), ("spec", "规格型号", 190, "left"),
               ("unit", "单位", 262, "left"), ("quantity", "数量", 330, "right"), ("unit_price", "单价", 395, "right"),
               ("amount", "金额", 470, "right"), ("tax_rate", "税率", 515, "right"), ("tax", "税额", 590, "right")]

GOODS = [("*五金制品*不锈钢六角螺栓", "M8x40", "个"), ("*电子元件*贴片电阻", "0603-10K", "个"),
         ("*机械设备*精密直线导轨滑块组件带防尘密封条", "HGH20CA", "套"), ("*塑料制品*聚丙烯包装箱", "600x400", "只"),
         ("*电线电缆*铜芯聚氯乙烯绝缘软电线", "RV1.5", "米"), ("*纸制品*瓦楞纸箱", "5层", "个")]


def _goods_line(rng: random.Random, i: int) -> dict:
    desc, spec, unit = GOODS[i % len(GOODS)]
    qty = Decimal(rng.choice([2, 10, 25, 100, 240]))
    price = Decimal(rng.randint(120, 9000)) / 100
    amount = (qty * price).quantize(C2)
    return dict(description=desc, spec=spec, unit=unit, quantity=qty, unit_price=price, amount=amount,
                tax_rate=Decimal("0.13"), tax=(amount * Decimal("0.13")).quantize(C2))


def _draw_rows(cv: Canvas, lines: list[dict], y: float, *, glyphs: bool = False, wrap: int = 14,
               dy: float = 0) -> float:
    """Item rows under STD_COLUMNS from ``y`` (the header's top); returns the last row's top."""
    for ln in lines:
        y += 16
        desc = ln["description"]
        parts = [desc[i:i + wrap] for i in range(0, len(desc), wrap)]
        if ln.get("discount"):
            vals = [parts[0], "", "", "", "", f"{ln['amount']:.2f}", "13%", f"{ln['tax']:.2f}"]
        else:
            vals = [parts[0], ln["spec"], ln["unit"], f"{ln['quantity']}", f"{ln['unit_price']}",
                    f"{ln['amount']:.2f}", "13%", f"{ln['tax']:.2f}"]
        for (_k, _l, x, align), v in zip(STD_COLUMNS, vals, strict=True):
            if v:
                cv.text(x, y + dy, v, 9, align, glyphs=glyphs)
        for extra in parts[1:]:
            y += 12
            cv.text(STD_COLUMNS[0][2], y + dy, extra, 9, glyphs=glyphs)
    return y


def _std_header(cv: Canvas, y: float) -> None:
    cv.line(20, y - 4, 660, y - 4)
    for _key, label, x, align in STD_COLUMNS:
        cv.text(x, y, label, 9, align)
    cv.line(20, y + 12, 660, y + 12)


def layered_invoice(path: Path, seed: int = 2, n: int = 3) -> dict:
    """The form template (labels, grid) drawn first, then every value glyph by glyph in shuffled order,
    a little below the template's baselines, as e-invoice printers fill a form."""
    rng = random.Random(seed)
    inv = _base(rng)
    inv["lines"] = [_goods_line(rng, i) for i in range(n)]
    _totals(inv)
    cv = Canvas(path)
    _head(cv, inv, values=False)
    last = 152 + 16 * n + 12 * sum(len(ln["description"]) > 14 for ln in inv["lines"])
    lefts = [20, 180, 255, 300, 345, 410, 480, 525]
    for x in [*lefts[1:], 600]:  # the grid's column rules; labels centred in their cells
        cv.line(x, 148, x, last + 14)
    cv.line(20, 148, 660, 148)
    cv.line(20, 164, 660, 164)
    for (_k, label, _x, _a), left, right in zip(STD_COLUMNS, lefts, [*lefts[1:], 600], strict=True):
        cv.text((left + right) / 2, 152, label, 9, "center")
    _foot(cv, inv, last + 24, values=False, net_x=470, tax_x=590)
    # the values layer: the rows from the bottom up, the header values last
    tops = [152]
    for ln in inv["lines"][:-1]:
        tops.append(tops[-1] + 16 + 12 * (len(ln["description"]) > 14))
    for i in reversed(range(n)):
        _draw_rows(cv, inv["lines"][i:i + 1], tops[i], glyphs=True, dy=1.5)
    _foot(cv, inv, last + 24, labels=False, glyphs=True, net_x=470, tax_x=590)
    _head(cv, inv, labels=False, glyphs=True)
    cv.save()
    return inv


def discount_invoice(path: Path, seed: int = 3, drop_discounts_from_net: bool = False) -> dict:
    """Goods lines each followed by a 折扣 line (negative amount and tax) and a description wrapped over two
    lines. ``drop_discounts_from_net``: the issuer's 合计 leaves the discounts out (lines do not sum)."""
    rng = random.Random(seed)
    inv = _base(rng)
    lines = []
    for i in (2, 0):
        ln = _goods_line(rng, i)
        lines.append(ln)
        off = -(ln["amount"] * Decimal(rng.choice(["0.02", "0.05", "0.1"]))).quantize(C2)
        lines.append(dict(description=ln["description"], discount=True, amount=off, tax_rate=Decimal("0.13"),
                          tax=(off * Decimal("0.13")).quantize(C2)))
    inv["lines"] = lines
    _totals(inv)
    if drop_discounts_from_net:
        inv["printed_net"] = inv["net"] = sum((ln["amount"] for ln in lines if ln["amount"] > 0), Decimal(0))
        inv["total"] = inv["net"] + inv["tax"]
    cv = Canvas(path)
    _head(cv, inv)
    _std_header(cv, 152)
    y = _draw_rows(cv, lines, 152, wrap=14)
    _foot(cv, inv, y + 24, net_x=470, tax_x=590)
    cv.save()
    return inv


def two_page_invoice(path: Path, seed: int = 4, first: int = 4, second: int = 3) -> dict:
    """The item table runs over onto page 2 (header repeated there); totals on page 2."""
    rng = random.Random(seed)
    inv = _base(rng)
    inv["lines"] = [_goods_line(rng, i) for i in range(first + second)]
    _totals(inv)
    cv = Canvas(path)
    _head(cv, inv)
    _std_header(cv, 152)
    _draw_rows(cv, inv["lines"][:first], 152)
    cv.text(340, 400, "第1页 共2页", 8, "center")
    cv.page()
    cv.text(340, 18, "浙江增值税电子普通发票(续)", 12, "center")
    cv.text(470, 40, f"发票号码: {inv['number']}", 9)
    _std_header(cv, 70)
    y = _draw_rows(cv, inv["lines"][first:], 70)
    _foot(cv, inv, y + 24, net_x=470, tax_x=590)
    cv.save()
    return inv
