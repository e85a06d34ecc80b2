"""Hand-written invoices whose item tables are drawn the way real issuers draw them, not the generator's way:
ruled grids (cell rectangles or lines), a rate header wider than its cell, a toll table's plate/type/period
columns, discount lines, descriptions wrapped in fixed-width cells, a table over two pages with its header
repeated, a 合计 row inside the grid, a template and its values as separate layers; and English tables
(Description / Qty / Unit price / Amount, Hours / Rate, a SKU column, a per-line VAT % column, a discount
line, a sub-description in smaller type under its line). Each builder returns the truth of every line.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal as D
from pathlib import Path

FONTS = {"WQ": "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "DV": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
         "DVB": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"}
MM = 72 / 25.4
OURS = "苏州恒锐精密五金制品有限公司"
OUR_TAX_ID = "91320594MA1MXQ7K8G"
OURS_EN = "Suzhou Hengrui Precision Hardware Co., Ltd."


def width(s: str, size: float, font: str) -> float:
    """Width of ``s`` in mm."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(s, font, size) / MM


@dataclass
class Pdf:
    """A reportlab canvas in mm from the top left; ``later`` holds draw calls emitted after everything else
    (a value layer), glyph by glyph in shuffled order."""

    path: Path
    size: tuple[float, float] = (210, 297)
    font: str = "WQ"
    later: list[tuple] = field(default_factory=list)

    def __post_init__(self) -> None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen.canvas import Canvas

        for name, file in FONTS.items():
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, file))
        self.c = Canvas(str(self.path), pagesize=(self.size[0] * MM, self.size[1] * MM))

    def text(self, x: float, y: float, s: str, size: float = 8, align: str = "l", font: str | None = None,
             layer: bool = False) -> None:
        """``s`` with its baseline at ``y`` mm; align l/r/c about ``x``."""
        font = font or self.font
        w = width(s, size, font)
        x0 = x - w if align == "r" else x - w / 2 if align == "c" else x
        if layer:
            self.later.append((x0, y, s, size, font))
            return
        self.c.setFont(font, size)
        self.c.drawString(x0 * MM, (self.size[1] - y) * MM, s)

    def totals(self, x: float, y: float, rows: list[tuple[str, str]], step: float = 5, bold: bool = True) -> None:
        """The totals under a table: each label at ``x`` and its figure right-aligned at 190 mm, from ``y``
        down by ``step`` mm; the last row (the total) in 9 pt, bold unless ``bold`` is false."""
        for i, (label, figure) in enumerate(rows):
            last = i == len(rows) - 1
            size, font = (9, "DVB" if bold else None) if last else (8, None)
            self.text(x, y + i * step, label, size, font=font)
            self.text(190, y + i * step, figure, size, "r", font=font)

    def line(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.5) -> None:
        self.c.setLineWidth(w)
        self.c.line(x0 * MM, (self.size[1] - y0) * MM, x1 * MM, (self.size[1] - y1) * MM)

    def rect(self, x: float, y: float, w: float, h: float, lw: float = 0.4) -> None:
        self.c.setLineWidth(lw)
        self.c.rect(x * MM, (self.size[1] - y - h) * MM, w * MM, h * MM, stroke=1, fill=0)

    def page(self) -> None:
        self._flush()
        self.c.showPage()

    def _flush(self) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        for x0, y, s, size, font in self.later:
            pos, glyphs = x0, []
            for ch in s:
                glyphs.append((pos, ch))
                pos += stringWidth(ch, font, size) / MM
            random.Random(len(s) * 7 + int(x0)).shuffle(glyphs)
            for px, ch in glyphs:
                self.c.setFont(font, size)
                self.c.drawString(px * MM, (self.size[1] - y) * MM, ch)
        self.later = []

    def save(self) -> Path:
        self._flush()
        self.c.save()
        return self.path


@dataclass
class Col:
    label: str
    w: float  # mm
    align: str = "l"  # of the cells: l / r / c
    head: str = "c"  # of the header


def wrap_cjk(s: str, room: float, size: float, font: str = "WQ") -> list[str]:
    """Greedy wrapping as e-invoice software does: Chinese at any character, a blank kept as a possible
    break (dropped at the break), Latin words whole."""
    out, cur = [], ""
    tokens: list[str] = []
    word = ""
    for ch in s:
        if ord(ch) > 0x2E80 or ch == " ":
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        else:
            word += ch
    if word:
        tokens.append(word)
    for t in tokens:
        if width((cur + t).rstrip(), size, font) <= room:
            cur += t
        else:
            out.append(cur.rstrip())
            cur = t.lstrip()
    if cur.strip():
        out.append(cur.rstrip())
    return out


def table(pdf: Pdf, x: float, y: float, cols: list[Col], rows: list[list], *, size: float = 8, grid: str = "lines",
          head_size: float | None = None, pad: float = 1.0, lead: float = 3.6, layer: bool = False,
          head_rule: bool = True, sub_rows: dict[int, str] | None = None) -> float:
    """A header and rows; a cell is a string (wrapped to its column when too wide) or a list of lines.
    ``grid``: ``lines`` (vertical and horizontal rules), ``rects`` (each cell its own rectangle), ``none``.
    ``layer``: cell values drawn as a later layer, glyph by glyph. ``sub_rows``: row index -> a smaller
    sub-description printed under the row's description. Returns the y under the table."""
    hs = head_size or size
    head_lines = [c.label.split("\n") for c in cols]
    head_h = max(len(h) for h in head_lines) * lead + 2 * pad
    xs = [x]
    for c in cols:
        xs.append(xs[-1] + c.w)
    for c, lines, x0, x1 in zip(cols, head_lines, xs, xs[1:], strict=False):
        for i, ln in enumerate(lines):
            ty = y + pad + lead * (i + 1) - 0.8
            px = (x0 + x1) / 2 if c.head == "c" else x1 - pad if c.head == "r" else x0 + pad
            pdf.text(px, ty, ln, hs, c.head)
    top, cy = y, y + head_h
    row_tops = [top, cy]
    for n, row in enumerate(rows):
        cells = []
        for c, v in zip(cols, row, strict=True):
            if isinstance(v, list):
                cells.append(v)
            elif v and width(v, size, pdf.font) > c.w - 2 * pad:
                cells.append(wrap_cjk(v, c.w - 2 * pad, size, pdf.font))
            else:
                cells.append([v] if v else [])
        extra = 1 if sub_rows and n in sub_rows else 0
        h = (max(1, *(len(c) for c in cells)) + extra) * lead + 2 * pad
        for c, lines, x0, x1 in zip(cols, cells, xs, xs[1:], strict=False):
            for i, ln in enumerate(lines):
                ty = cy + pad + lead * (i + 1) - 0.8
                px = x1 - pad if c.align == "r" else (x0 + x1) / 2 if c.align == "c" else x0 + pad
                pdf.text(px, ty, ln, size, c.align, layer=layer)
        if extra:
            ty = cy + pad + lead * (max(len(c) for c in cells) + 1) - 0.8
            pdf.text(xs[0] + pad + 2, ty, sub_rows[n], size * 0.75, layer=layer)
        cy += h
        row_tops.append(cy)
    if grid == "lines":
        for yy in row_tops:
            pdf.line(xs[0], yy, xs[-1], yy, 0.3)
        for xx in xs:
            pdf.line(xx, top, xx, cy, 0.3)
    elif grid == "rects":
        for y0, y1 in zip(row_tops, row_tops[1:], strict=False):
            for x0, x1 in zip(xs, xs[1:], strict=False):
                pdf.rect(x0, y0, x1 - x0, y1 - y0, 0.3)
    elif head_rule:
        pdf.line(xs[0], top + head_h, xs[-1], top + head_h, 0.5)
    return cy


# -- the lines' truth ----------------------------------------------------------------------------------
def ln(description: str, amount: str, *, qty: str | None = None, price: str | None = None, rate: str | None = None,
       tax: str | None = None, spec: str | None = None, sku: str | None = None) -> dict:
    return {"description": description, "spec": spec, "sku": sku, "quantity": D(qty) if qty else None,
            "unit_price": D(price) if price else None, "amount": D(amount),
            "tax_rate": D(rate) if rate else None, "tax": D(tax) if tax else None}


def _cn_head(pdf: Pdf, title: str, number: str, day: str, buyer: tuple[str, str], seller: tuple[str, str],
             y: float = 12) -> float:
    pdf.text(105, y + 4, title, 14, "c")
    pdf.text(150, y + 10, f"发票号码：{number}", 8)
    pdf.text(150, y + 15, f"开票日期：{day}", 8)
    top = y + 20
    pdf.rect(12, top, 186, 22)
    pdf.line(105, top, 105, top + 22)
    for i, ch in enumerate("购买方信息"):
        pdf.text(14, top + 5 + i * 4, ch, 7)
    for i, ch in enumerate("销售方信息"):
        pdf.text(107, top + 5 + i * 4, ch, 7)
    pdf.text(20, top + 8, f"名称：{buyer[0]}", 8)
    pdf.text(20, top + 16, f"统一社会信用代码/纳税人识别号：{buyer[1]}", 7)
    pdf.text(113, top + 8, f"名称：{seller[0]}", 8)
    pdf.text(113, top + 16, f"统一社会信用代码/纳税人识别号：{seller[1]}", 7)
    return top + 22


def _cn_foot(pdf: Pdf, y: float, net: D, tax: D, net_x: float, tax_x: float, *, ruled: bool = True) -> None:
    from extractors.parse import amount_to_chinese_upper

    if ruled:
        pdf.rect(12, y, 186, 7)
        pdf.rect(12, y + 7, 186, 7)
    pdf.text(20, y + 5, "合        计", 8)
    pdf.text(net_x, y + 5, f"¥{net:.2f}", 8, "r")
    pdf.text(tax_x, y + 5, f"¥{tax:.2f}", 8, "r")
    pdf.text(20, y + 12, "价税合计（大写）", 8)
    pdf.text(50, y + 12, f"⊗{amount_to_chinese_upper(net + tax)}", 8)
    pdf.text(140, y + 12, f"（小写）¥{net + tax:.2f}", 8)
    pdf.text(20, y + 24, "开票人：王芳", 8)


def _fig(v: D | None, pct: bool = False) -> str:
    if v is None:
        return ""
    return f"{v * 100:.0f}%" if pct else f"{v:.2f}"


def cn_row(t: dict, *, with_spec: bool = True, unit: str = "个", rate: str | None = None,
           tax: str | None = None) -> list[str]:
    """项目名称 | 规格型号 | 单位 | 数量 | 单价 | 金额 | 税率 | 税额 as printed (规格型号 only ``with_spec``): a line
    with a quantity and no unit of its own in ``unit``; ``rate`` and ``tax`` as printed instead of the figures
    (``免税``, ``***``)."""
    return [t["description"], *([t["spec"] or ""] if with_spec else []),
            t.get("unit") or ("" if t["quantity"] is None else unit),
            "" if t["quantity"] is None else f"{t['quantity']:f}", "" if t["unit_price"] is None else f"{t['unit_price']:f}",
            _fig(t["amount"]), rate if rate is not None else _fig(t["tax_rate"], True),
            tax if tax is not None else _fig(t["tax"])]


def _cn_rows(lines: list[dict], with_spec: bool = True) -> list[list]:
    return [cn_row(t, with_spec=with_spec) for t in lines]


def cols_of(spec: list[tuple]) -> list[Col]:
    """Columns from ``(label, width[, align, head])`` tuples."""
    return [Col(*s) for s in spec]


def x_of(cols: list[Col], label: str, x0: float = 12) -> float:
    """The right edge of the column ``label`` (where its figures end, 1 mm in) of a table starting at ``x0``."""
    x = x0
    for c in cols:
        x += c.w
        if c.label == label:
            return x - 1
    raise KeyError(label)


def _sum(lines: list[dict], key: str) -> D:
    return sum((t[key] or D(0) for t in lines), D(0))


def subtotal(pdf: Pdf, y: float, lines: list[dict], net_x: float, tax_x: float) -> None:
    """A page's 小计 row at ``y``: its lines' amounts and taxes under the 金额 and 税额 columns."""
    pdf.text(20, y + 5, "小        计", 8)
    pdf.text(net_x, y + 5, f"¥{_sum(lines, 'amount'):.2f}", 8, "r")
    pdf.text(tax_x, y + 5, f"¥{_sum(lines, 'tax'):.2f}", 8, "r")


# -- Chinese ---------------------------------------------------------------------------------------------
def cn_grid_overflow(path: Path) -> list[dict]:
    """数电专票, every cell its own rectangle; ``税率/征收率`` printed in a cell narrower than it, over the 金额 and
    税额 cells' edges; a discount line."""
    lines = [ln("*金属制品*不锈钢内六角螺钉", "4620.00", qty="12", price="385", rate="0.13", tax="600.60", spec="M6x20 A2-70"),
             ln("*金属制品*碳钢法兰面螺母", "3795.00", qty="30", price="126.5", rate="0.13", tax="493.35", spec="M8 8级 镀锌"),
             ln("*金属制品*不锈钢内六角螺钉", "-115.00", rate="0.13", tax="-14.95")]
    pdf = Pdf(path)
    y = _cn_head(pdf, "电子发票（增值税专用发票）", "26322000000012345601", "2026年03月10日",
                 ("无锡天成机电设备有限公司", "91320205MA1Q2R3T46"), (OURS, OUR_TAX_ID))
    cols = [Col("项目名称", 50), Col("规格型号", 28), Col("单位", 12, "c"), Col("数量", 16, "r"), Col("单价", 20, "r"),
            Col("金额", 24, "r"), Col("税率/征收率", 10, "c"), Col("税额", 26, "r")]
    rows = _cn_rows(lines)
    rows[0][2] = rows[1][2] = "千件"
    end = table(pdf, 12, y, cols, rows, grid="rects")
    _cn_foot(pdf, end, _sum(lines, "amount"), _sum(lines, "tax"), 12 + 50 + 28 + 12 + 16 + 20 + 24 - 1, 197)
    pdf.save()
    return lines


def cn_toll_grid(path: Path) -> list[dict]:
    """通行费 电子普票 ruled by lines: 项目名称 | 车牌号 | 类型 | 通行日期起 | 通行日期止 | 金额 | 税率 | 税额, the dates
    centred in cells next to the amount's."""
    lines = [ln("*经营租赁*通行费", "86.20", rate="0.03", tax="2.59"), ln("*经营租赁*通行费", "113.59", rate="0.03", tax="3.41"),
             ln("*经营租赁*通行费", "7.77", rate="0.03", tax="0.23"), ln("*经营租赁*通行费", "1250.49", rate="0.03", tax="37.51")]
    periods = [("20260201", "20260208"), ("20260209", "20260215"), ("20260216", "20260216"), ("20260217", "20260228")]
    pdf = Pdf(path)
    y = _cn_head(pdf, "浙江增值税电子普通发票", "26332000000076543210", "2026年03月02日",
                 (OURS, OUR_TAX_ID), ("浙江沪杭甬高速公路股份有限公司", "91330000142916567N"))
    cols = [Col("项目名称", 34), Col("车牌号", 20, "c"), Col("类型", 12, "c"), Col("通行日期起", 22, "c"),
            Col("通行日期止", 22, "c"), Col("金额", 28, "r"), Col("税率", 14, "c"), Col("税额", 34, "r")]
    rows = [[t["description"], "苏E8K2Q7", "货车", a, b, _fig(t["amount"]), "3%", _fig(t["tax"])]
            for t, (a, b) in zip(lines, periods, strict=True)]
    end = table(pdf, 12, y, cols, rows, grid="lines", pad=0.6)
    _cn_foot(pdf, end, _sum(lines, "amount"), _sum(lines, "tax"), 12 + 34 + 20 + 12 + 22 + 22 + 28 - 1, 197)
    pdf.save()
    return lines


def cn_wrap_grid(path: Path) -> list[dict]:
    """电子普票 ruled by lines: names wrapped in a narrow cell at any character, a spec whose blank falls at
    the wrap (the line above had room for the next character: the blank is printed), a spec wrapped where the
    line is full (no blank), discount lines of -2.92."""
    lines = [ln("*传感器*铂电阻温度传感器组件", "10987.61", qty="86", price="127.76291", rate="0.13", tax="1428.39",
                spec="Φ8x300mm 三线制 带变送器"),
             ln("*传感器*铂电阻温度传感器组件", "-2.92", rate="0.13", tax="-0.38"),
             ln("*传感器*电感式接近开关", "5837.17", qty="400", price="14.592925", rate="0.13", tax="758.83",
                spec="M30 NPN常闭 检测距离15mm"),
             ln("*紧固件*不锈钢外六角螺栓（全螺纹）", "398.23", qty="500", price="0.79646", rate="0.13", tax="51.77",
                spec="M12x40 A2-70"),
             ln("*紧固件*不锈钢外六角螺栓（全螺纹）", "-12.50", rate="0.13", tax="-1.63")]
    pdf = Pdf(path)
    y = _cn_head(pdf, "电子发票（普通发票）", "26327000000001257099", "2026年04月02日",
                 ("无锡天成机电设备有限公司", "91320205MA1Q2R3T46"), (OURS, OUR_TAX_ID))
    cols = [Col("项目名称", 34), Col("规格型号", 30), Col("单位", 10, "c"), Col("数量", 14, "r"), Col("单价", 22, "r"),
            Col("金额", 24, "r"), Col("税率/征收率", 22, "c"), Col("税额", 30, "r")]
    rows = _cn_rows(lines)
    # the spec cell is 28 mm of text: `Φ8x300mm 三线制 ` then 带 would fit without the blank
    rows[0][1] = ["Φ8x300mm 三线制", "带变送器"]
    rows[2][1] = ["M30 NPN常闭 检测距", "离15mm"]
    end = table(pdf, 12, y, cols, rows, grid="lines", pad=1.2)
    _cn_foot(pdf, end, _sum(lines, "amount"), _sum(lines, "tax"), 12 + 34 + 30 + 10 + 14 + 22 + 24 - 1.2, 196.8)
    pdf.save()
    return lines


def cn_multipage_grid(path: Path) -> list[dict]:
    """销售 specialised invoice whose table runs over two pages: the header repeated on page 2, 小计 under each
    page's part inside the grid, 合计 at the end."""
    rng = random.Random(5)
    names = ["*紧固件*六角螺母", "*紧固件*平垫圈", "*紧固件*弹簧垫圈", "*紧固件*外六角螺栓", "*金属制品*铜套轴衬"]
    lines = []
    for i in range(16):
        qty = D(rng.choice([10, 20, 50, 100, 200]))
        price = D(rng.randint(50, 5000)) / 100
        amount = qty * price
        lines.append(ln(names[i % 5], f"{amount:.2f}", qty=f"{qty}", price=f"{price}", rate="0.13",
                        tax=f"{(amount * D('0.13')).quantize(D('0.01')):.2f}", spec=f"M{8 + i % 5 * 2}"))
    cols = [Col("货物或应税劳务、服务名称", 46), Col("规格型号", 20), Col("单位", 12, "c"), Col("数量", 16, "r"),
            Col("单价", 20, "r"), Col("金额", 26, "r"), Col("税率", 14, "c"), Col("税额", 32, "r")]
    pdf = Pdf(path)
    y = _cn_head(pdf, "电子发票（增值税专用发票）", "26322000000012349876", "2026年03月20日",
                 ("无锡天成机电设备有限公司", "91320205MA1Q2R3T46"), (OURS, OUR_TAX_ID))
    net_x, tax_x = 12 + 46 + 20 + 12 + 16 + 20 + 26 - 1, 197
    for part, page_lines in enumerate((lines[:10], lines[10:])):
        if part:
            pdf.page()
            pdf.text(105, 15, "电子发票（增值税专用发票）（续）", 12, "c")
            pdf.text(150, 22, "发票号码：26322000000012349876", 8)
            y = 28
        end = table(pdf, 12, y, cols, _cn_rows(page_lines), grid="lines")
        pdf.rect(12, end, 186, 7)
        subtotal(pdf, end, page_lines, net_x, tax_x)
    _cn_foot(pdf, end + 7, _sum(lines, "amount"), _sum(lines, "tax"), net_x, tax_x)
    pdf.save()
    return lines


def cn_layers_grid(path: Path) -> list[dict]:
    """A template (grid, headers, labels) drawn first and the values as a later layer, glyph by glyph in
    shuffled order and printed 1 mm right of where the template meant (a printer's offset)."""
    lines = [ln("*劳务*设备安装调试服务", "28301.89", qty="1", price="28301.89", rate="0.06", tax="1698.11"),
             ln("*现代服务*技术咨询费", "4716.98", qty="2", price="2358.49", rate="0.06", tax="283.02"),
             ln("*现代服务*技术咨询费", "-300.00", rate="0.06", tax="-18.00")]
    pdf = Pdf(path)
    y = _cn_head(pdf, "电子发票（增值税专用发票）", "26322000000012340042", "2026年03月28日",
                 (OURS, OUR_TAX_ID), ("上海精工自动化工程有限公司", "91310115MA1H7LQY3C"))
    cols = [Col("项目名称", 56), Col("规格型号", 18), Col("单位", 12, "c"), Col("数量", 14, "r"), Col("单价", 24, "r"),
            Col("金额", 24, "r"), Col("税率/征收率", 16, "c"), Col("税额", 22, "r")]
    rows = _cn_rows(lines)
    rows[0][2] = "次"
    rows[1][2] = "项"
    table(pdf, 12, y, cols, [[""] * 8 for _ in lines], grid="lines")  # the template: grid and headers
    x = 12.0
    bounds = []
    for c in cols:
        bounds.append((x, x + c.w, c.align))
        x += c.w
    head_h = 3.6 + 2
    for n, row in enumerate(rows):
        ty = y + head_h + n * (3.6 + 2) + 1 + 3.6 - 0.8 + 0.4
        for (x0, x1, align), v in zip(bounds, row, strict=True):
            if not v:
                continue
            px = x1 - 1 if align == "r" else (x0 + x1) / 2 if align == "c" else x0 + 1
            pdf.text(px + 1, ty, v, 8, align, layer=True)
    end = y + head_h + len(rows) * (3.6 + 2)
    _cn_foot(pdf, end, _sum(lines, "amount"), _sum(lines, "tax"), 12 + 56 + 18 + 12 + 14 + 24 + 24 - 1, 197)
    pdf.save()
    return lines


def cn_total_in_grid(path: Path) -> list[dict]:
    """普票 of a small-scale taxpayer (征收率 3%) whose 合计 row is the grid's last row, a header wrapped in two
    lines (规格 / 型号) and a 单价 header with a qualifier (单价（不含税）) wider than its cell."""
    lines = [ln("*塑料制品*聚丙烯周转箱", "1553.40", qty="120", price="12.945", rate="0.03", tax="46.60", spec="600x400x280"),
             ln("*塑料制品*周转箱盖", "679.61", qty="120", price="5.66341667", rate="0.03", tax="20.39", spec="600x400")]
    pdf = Pdf(path)
    y = _cn_head(pdf, "电子发票（普通发票）", "26442000000098765400", "2026年02月27日",
                 (OURS, OUR_TAX_ID), ("东莞市长安镇顺和塑胶制品厂", "92441900MA52XYT01X"))
    cols = [Col("项目名称", 50), Col("规格\n型号", 20), Col("单位", 10, "c"), Col("数量", 16, "r"),
            Col("单价（不含税）", 18, "r"), Col("金额（不含税）", 26, "r"), Col("征收率", 16, "c"), Col("税额", 30, "r")]
    rows = _cn_rows(lines)
    net, tax = _sum(lines, "amount"), _sum(lines, "tax")
    rows.append(["合        计", "", "", "", "", f"¥{net:.2f}", "", f"¥{tax:.2f}"])
    end = table(pdf, 12, y, cols, rows, grid="lines")
    from extractors.parse import amount_to_chinese_upper

    pdf.rect(12, end, 186, 7)
    pdf.text(20, end + 5, "价税合计（大写）", 8)
    pdf.text(50, end + 5, f"⊗{amount_to_chinese_upper(net + tax)}", 8)
    pdf.text(140, end + 5, f"（小写）¥{net + tax:.2f}", 8)
    pdf.save()
    return lines


def _special_lines() -> list[dict]:
    return [ln("*金属制品*不锈钢内六角螺钉", "4620.00", qty="12", price="385", rate="0.13", tax="600.60", spec="M6x20 A2-70"),
            ln("*金属制品*碳钢法兰面螺母", "3795.00", qty="30", price="126.5", rate="0.13", tax="493.35", spec="M8 8级 镀锌"),
            ln("*金属制品*不锈钢内六角螺钉", "-115.00", rate="0.13", tax="-14.95")]


def _special_cols() -> list[Col]:
    return [Col("项目名称", 50), Col("规格型号", 28), Col("单位", 12, "c"), Col("数量", 16, "r"), Col("单价", 20, "r"),
            Col("金额", 24, "r"), Col("税率/征收率", 10, "c"), Col("税额", 26, "r")]


def cn_header_box(path: Path) -> list[dict]:
    """The overflowing ``税率/征收率`` again, the header row one plain box (no lines in it), the body ruled."""
    lines, cols = _special_lines(), _special_cols()
    pdf = Pdf(path)
    y = _cn_head(pdf, "电子发票（增值税专用发票）", "26322000000012345603", "2026年03月11日",
                 ("无锡天成机电设备有限公司", "91320205MA1Q2R3T46"), (OURS, OUR_TAX_ID))
    end = table(pdf, 12, y, cols, _cn_rows(lines), grid="none", head_rule=False)
    pdf.rect(12, y, 186, 3.6 + 2)
    x = 12.0
    for c in [None, *cols]:
        x += c.w if c else 0
        pdf.line(x, y + 5.6, x, end, 0.3)
    pdf.line(12, end, 198, end)
    _cn_foot(pdf, end, _sum(lines, "amount"), _sum(lines, "tax"), 12 + 50 + 28 + 12 + 16 + 20 + 24 - 1, 197)
    pdf.save()
    return lines


def cn_partial_grid(path: Path) -> list[dict]:
    """The overflowing ``税率/征收率`` with vertical lines only around the figure columns (金额, 税率, 税额)."""
    lines, cols = _special_lines(), _special_cols()
    pdf = Pdf(path)
    y = _cn_head(pdf, "电子发票（增值税专用发票）", "26322000000012345604", "2026年03月12日",
                 ("无锡天成机电设备有限公司", "91320205MA1Q2R3T46"), (OURS, OUR_TAX_ID))
    end = table(pdf, 12, y, cols, _cn_rows(lines), grid="none")
    for x in (12 + 50 + 28 + 12 + 16 + 20, 12 + 50 + 28 + 12 + 16 + 20 + 24, 12 + 50 + 28 + 12 + 16 + 20 + 34, 198):
        pdf.line(x, y, x, end, 0.3)
    pdf.line(12, end, 198, end)
    _cn_foot(pdf, end, _sum(lines, "amount"), _sum(lines, "tax"), 12 + 50 + 28 + 12 + 16 + 20 + 24 - 1, 197)
    pdf.save()
    return lines


# -- English ---------------------------------------------------------------------------------------------
def _en_head(pdf: Pdf, seller: list[str], title: str, fields: list[tuple[str, str]], bill_to: list[str]) -> float:
    pdf.text(20, 20, seller[0], 12, font="DVB")
    for i, s in enumerate(seller[1:]):
        pdf.text(20, 26 + i * 5, s, 8)
    pdf.text(190, 20, title, 16, "r", font="DVB")
    for i, (k, v) in enumerate(fields):
        pdf.text(130, 32 + i * 5, k, 8)
        pdf.text(190, 32 + i * 5, v, 8, "r")
    pdf.text(20, 55, "Bill To", 8, font="DVB")
    for i, s in enumerate(bill_to):
        pdf.text(20, 60 + i * 5, s, 8)
    return 80


def en_unruled(path: Path) -> list[dict]:
    """A US distributor's invoice, no rules: Description / Qty / Unit price / Amount right-aligned, each item
    with a sub-description in smaller type under it (its spec), a discount line in brackets."""
    lines = [ln("Hydraulic gear pump", "1890.00", qty="6", price="315.00", spec="20 cc/rev, SAE B flange", sku="GP-20"),
             ln("Pressure relief valve", "742.50", qty="15", price="49.50", spec="Cartridge type, 3000 psi, 1/2 in NPT"),
             ln("Volume discount", "-263.25")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Great Lakes Fluid Power Inc.", "2100 Industrial Pkwy, Toledo, OH 43612", "EIN 34-2209876"],
                 "INVOICE", [("Invoice No.", "GLF-58213"), ("Invoice Date", "March 6, 2026"), ("Terms", "Net 30")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    cols = [Col("Description", 100, head="l"), Col("Qty", 20, "r", "r"), Col("Unit price", 25, "r", "r"),
            Col("Amount", 25, "r", "r")]
    rows = [["Hydraulic gear pump", "6", "$315.00", "$1,890.00"], ["Pressure relief valve", "15", "$49.50", "$742.50"],
            ["Volume discount", "", "", "($263.25)"]]
    subs = {0: "Model GP-20, 20 cc/rev, SAE B flange", 1: lines[1]["spec"]}  # the model is read as the SKU
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.2, sub_rows=subs)
    pdf.line(120, end + 2, 190, end + 2)
    pdf.totals(150, end + 7, [("Subtotal", "$2,369.25"), ("Sales tax (0%)", "$0.00"), ("Total Due", "$2,369.25")])
    pdf.save()
    return lines


def en_hours(path: Path) -> list[dict]:
    """A consultancy's invoice: Date | Description | Hours | Rate | Amount, descriptions wrapped over two
    lines, a header rule only."""
    lines = [ln("On-site commissioning of the press line, Suzhou plant", "3000.00", qty="16", price="187.50"),
             ln("Remote PLC program review", "468.75", qty="2.5", price="187.50"),
             ln("Travel time", "562.50", qty="6", price="93.75")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Brightwater Automation Consulting Pte. Ltd.", "10 Anson Road #21-07, Singapore 079903",
                       "GST Reg. No. 201912345K"], "Tax Invoice",
                 [("Invoice Number", "BAC-2026-041"), ("Date", "12 March 2026"), ("Due Date", "11 April 2026")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    cols = [Col("Date", 22, head="l"), Col("Description", 78, head="l"), Col("Hours", 18, "r", "r"),
            Col("Rate", 22, "r", "r"), Col("Amount", 30, "r", "r")]
    rows = [["02/03/2026", ["On-site commissioning of the", "press line, Suzhou plant"], "16.00", "187.50", "3,000.00"],
            ["05/03/2026", "Remote PLC program review", "2.50", "187.50", "468.75"],
            ["06/03/2026", "Travel time", "6.00", "93.75", "562.50"]]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.2)
    pdf.totals(140, end + 8, [("Subtotal", "SGD 4,031.25"), ("GST 9%", "SGD 362.81"), ("Total", "SGD 4,394.06")])
    pdf.save()
    return lines


def en_sku_vat(path: Path) -> list[dict]:
    """A UK wholesaler: SKU | Description | Qty | Unit Price | VAT % | Net, a VAT rate per line, each cell a
    rectangle."""
    lines = [ln("Nitrile gloves, box of 100", "118.00", qty="20", price="5.90", rate="0.20", sku="NG-100-L"),
             ln("First aid kit, workplace", "57.00", qty="3", price="19.00", rate="0.20", sku="FAK-BS50"),
             ln("Safety signage booklet", "24.00", qty="4", price="6.00", rate="0", sku="BK-SIGN"),
             ln("Hand sanitiser 5 l", "43.50", qty="3", price="14.50", rate="0.05", sku="HS-5L")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Mercia Safety Supplies Ltd", "Unit 4, Kingsbury Road, Birmingham B24 9QB",
                       "VAT Reg No. GB 318 2290 41"], "INVOICE",
                 [("Invoice No.", "MSS-77120"), ("Invoice Date", "09/03/2026"), ("Account", "HENG01")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    cols = [Col("SKU", 24), Col("Description", 66), Col("Qty", 14, "r"), Col("Unit Price", 22, "r"),
            Col("VAT %", 16, "r"), Col("Net", 28, "r")]
    rows = [[t["sku"], t["description"], f"{t['quantity']:f}", f"{t['unit_price']:.2f}",
             f"{t['tax_rate'] * 100:.0f}", f"{t['amount']:.2f}"] for t in lines]
    end = table(pdf, 20, y, cols, rows, grid="rects")
    pdf.totals(150, end + 8, [("Net total", "£242.50"), ("VAT", "£37.18"), ("Invoice total", "£279.68")])
    pdf.save()
    return lines


def en_grid_multipage(path: Path) -> list[dict]:
    """A German supplier's English invoice, ruled by lines: Pos. | Art. No. | Description | Qty | Unit price EUR
    | Amount EUR over two pages (header repeated, ``Carried forward`` under page 1), the total row inside the
    grid."""
    rng = random.Random(9)
    items = ["Carbide end mill 4 flutes", "HSS twist drill set", "Tap M8 spiral flute", "Collet ER32",
             "Indexable insert CNMG 120408", "Boring bar holder"]
    lines = []
    for i in range(13):
        qty = D(rng.choice([1, 2, 5, 10, 20]))
        price = D(rng.randint(500, 30000)) / 100
        lines.append(ln(items[i % 6], f"{qty * price:.2f}", qty=f"{qty}", price=f"{price}", sku=f"{40100 + i * 7}"))
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Hoffmann Zerspanung GmbH", "Industriestr. 12, 73760 Ostfildern, Germany", "VAT ID DE812345678"],
                 "INVOICE", [("Invoice No.", "RE-2026-10417"), ("Invoice Date", "16.03.2026"), ("Customer No.", "K-3301")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    cols = [Col("Pos.", 12, "c"), Col("Art. No.", 20, "c"), Col("Description", 70), Col("Qty", 14, "r"),
            Col("Unit price\nEUR", 24, "r"), Col("Amount\nEUR", 30, "r")]

    def rows(part: list[dict], start: int) -> list[list]:
        return [[str(start + i + 1), t["sku"], t["description"], f"{t['quantity']}", f"{t['unit_price']:,.2f}",
                 f"{t['amount']:,.2f}"] for i, t in enumerate(part)]

    end = table(pdf, 20, y, cols, rows(lines[:8], 0), grid="lines")
    first = _sum(lines[:8], "amount")
    pdf.rect(20, end, 170, 6)
    pdf.text(22, end + 4.3, "Carried forward", 8)
    pdf.text(189, end + 4.3, f"{first:,.2f}", 8, "r")
    pdf.page()
    pdf.text(20, 20, "Invoice RE-2026-10417, page 2", 9)
    end = table(pdf, 20, 30, cols, [["", "", "Brought forward", "", "", f"{first:,.2f}"], *rows(lines[8:], 8)],
                grid="lines")
    total = _sum(lines, "amount")
    pdf.rect(20, end, 170, 6)
    pdf.text(22, end + 4.3, "Total net", 8)
    pdf.text(189, end + 4.3, f"{total:,.2f}", 8, "r")
    tax = (total * D("0.19")).quantize(D("0.01"))
    pdf.totals(140, end + 14, [("VAT 19%", f"{tax:,.2f}"), ("Total EUR", f"{total + tax:,.2f}")], step=6)
    pdf.save()
    return lines


def en_discount_column(path: Path) -> list[dict]:
    """An Indian GST invoice, unruled: Item & Description | Qty | Rate | Disc. % | Tax % | Amount; quantity x rate
    less the discount is the amount (the record keeps no list price: the unit price is left out)."""
    lines = [ln("Servo motor 750 W", "1710.00", qty="4", rate="0.18"),
             ln("Encoder cable 5 m", "243.00", qty="6", rate="0.18")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Vardhman Motion Controls Pvt Ltd", "Plot 22, MIDC Bhosari, Pune 411026", "GSTIN 27AABCV1234F1Z5"],
                    "TAX INVOICE", [("Invoice#", "INV-000912"), ("Invoice Date", "13 Mar 2026")], [OURS_EN, "Suzhou, China"])
    cols = [Col("Item & Description", 70, head="l"), Col("Qty", 16, "r", "r"), Col("Rate", 22, "r", "r"),
            Col("Disc. %", 16, "r", "r"), Col("Tax %", 16, "r", "r"), Col("Amount", 30, "r", "r")]
    rows = [["Servo motor 750 W", "4.00", "475.00", "10", "18", "1,710.00"], ["Encoder cable 5 m", "6.00", "45.00", "10", "18", "243.00"]]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.5)
    pdf.totals(150, end + 8, [("Sub Total", "1,953.00"), ("IGST18 (18%)", "351.54"), ("Total", "₹2,304.54")], bold=False)
    pdf.save()
    return lines

def en_hrs_gst(path: Path) -> list[dict]:
    """An Australian tax invoice in cell rectangles: Description | Hrs | Rate | GST | Amount, GST an amount."""
    lines = [ln("Design review workshop", "900.00", qty="6", price="150.00", tax="90.00"),
             ln("Drawing updates", "450.00", qty="4.5", price="100.00", tax="45.00")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Harbour Design Studio Pty Ltd", "5 George St, Sydney NSW 2000", "ABN 51 824 753 556"],
                    "TAX INVOICE", [("Invoice No.", "HDS-2291"), ("Date", "14/03/2026")], [OURS_EN, "Suzhou, China"])
    cols = [Col("Description", 74), Col("Hrs", 16, "r"), Col("Rate", 22, "r"), Col("GST", 22, "r"), Col("Amount", 36, "r")]
    rows = [["Design review workshop", "6.0", "150.00", "90.00", "900.00"], ["Drawing updates", "4.5", "100.00", "45.00", "450.00"]]
    end = table(pdf, 20, y, cols, rows, grid="rects")
    pdf.totals(150, end + 8, [("Subtotal", "A$1,350.00"), ("GST", "A$135.00"), ("Total", "A$1,485.00")], bold=False)
    pdf.save()
    return lines


DOCUMENTS = {f.__name__: f for f in (cn_grid_overflow, cn_header_box, cn_partial_grid, cn_toll_grid, cn_wrap_grid,
                                     cn_multipage_grid, cn_layers_grid, cn_total_in_grid, en_unruled, en_hours, en_sku_vat,
                                     en_grid_multipage, en_discount_column, en_hrs_gst)}
