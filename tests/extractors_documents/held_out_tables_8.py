"""An eighth held-out set of item tables written by hand (issue 14 §4), of shapes no earlier set had, drawn with
``line_tables.py``'s reportlab helpers and tables7's builders (never the generator): a table over three pages
with its header repeated and 过次页 / 承上页 rows; group heading rows and 小计 rows inside the table; a 含税单价
beside a net 金额; quantity and unit in one cell (``12 箱``, ``3.5 kg``); the amount column left of the
description; a landscape page; a table without rules whose right-aligned figures' edges wander; a commercial
invoice and packing list (CTNs, N.W., G.W., CBM, HS code); a discount percentage and a discount amount per line;
a USD amount beside its CNY equivalent; a serial-number column of long digit strings beside the quantity; a
description in Chinese and English on two lines; a two-row header (``Amount`` over ``Net | Tax | Gross``); a row
holding only a dash; a 货物运输服务 invoice with its 运输工具 block. Each builder returns the truth of every line
(a discounted line, or one printing only a tax-inclusive unit price, keeps no unit price: ``None``)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from tests.extractors_documents.held_out_tables_7 import (
    BUYER,
    OURS_DE_NAME,
    STD,
    _box,
    _cn_row,
    _cols,
    _goods,
    _one_table,
    _r,
    _shudian,
    _x_of,
)
from tests.extractors_documents.line_tables import (
    OUR_TAX_ID,
    OURS,
    OURS_EN,
    Col,
    Pdf,
    _cn_foot,
    _cn_head,
    _en_head,
    _sum,
    ln,
    table,
)

_CUSTOMER = [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"]


def _money(v: D) -> str:
    return f"{v:,.2f}"


# -- Chinese ---------------------------------------------------------------------------------------------
def cn_carried_three(path: Path) -> list[dict]:
    """24 lines over three pages ruled by lines, the header repeated on each page, a ``过次页`` row closing pages
    1 and 2 and a ``承上页`` row opening pages 2 and 3, each with the running amount and tax."""
    names = ["*钢材*热轧钢板", "*钢材*冷拔圆钢", "*钢材*镀锌方管", "*钢材*不锈钢卷板"]
    lines = [_goods(names[i % 4], str(3 + i % 5), f"{D(4210 + 37 * i) / 1:.2f}", "0.13", spec=f"Q235 {6 + i}mm",
                    unit="吨") for i in range(24)]
    cols = _cols(STD)
    pdf = Pdf(path)
    y = _shudian(pdf, "26322000000088000301", "2026年05月06日")
    run_a, run_t = D(0), D(0)
    for part in range(3):
        page_lines = lines[part * 8:(part + 1) * 8]
        rows = []
        if part:
            pdf.page()
            pdf.text(105, 15, "电子发票（增值税专用发票）", 12, "c")
            pdf.text(150, 22, "发票号码：26322000000088000301", 8)
            pdf.text(150, 27, f"共3页 第{part + 1}页", 8)
            y = 32
            rows.append(["承上页", "", "", "", "", f"{run_a:.2f}", "", f"{run_t:.2f}"])
        rows += [_cn_row(t) for t in page_lines]
        run_a += _sum(page_lines, "amount")
        run_t += _sum(page_lines, "tax")
        if part < 2:
            rows.append(["过次页", "", "", "", "", f"{run_a:.2f}", "", f"{run_t:.2f}"])
        end = table(pdf, 12, y, cols, rows, grid="lines")
    _cn_foot(pdf, end, _sum(lines, "amount"), _sum(lines, "tax"), _x_of(cols, "金额"), 197)
    pdf.save()
    return lines


def cn_group_subtotals(path: Path) -> list[dict]:
    """Group heading rows (``一、钢材类``) and a ``小计`` row under each group inside a ruled table: neither is an
    item, and the second group continues after the first 小计."""
    steel = [_goods("*钢材*热镀锌角钢", "2.4", "4650.00", "0.13", spec="L50x5", unit="吨"),
             _goods("*钢材*H型钢", "5.1", "4380.00", "0.13", spec="HW200x200", unit="吨"),
             _goods("*钢材*槽钢", "1.8", "4420.00", "0.13", spec="[10#", unit="吨")]
    parts = [_goods("*金属制品*高强度螺栓", "800", "3.60", "0.13", spec="M20x80 10.9级", unit="套"),
             _goods("*金属制品*化学锚栓", "240", "12.50", "0.13", spec="M16x190", unit="套")]
    rows = [["一、钢材类", "", "", "", "", "", "", ""], *[_cn_row(t) for t in steel],
            ["小计", "", "", "", "", f"{_sum(steel, 'amount'):.2f}", "", f"{_sum(steel, 'tax'):.2f}"],
            ["二、紧固件类", "", "", "", "", "", "", ""], *[_cn_row(t) for t in parts],
            ["小计", "", "", "", "", f"{_sum(parts, 'amount'):.2f}", "", f"{_sum(parts, 'tax'):.2f}"]]
    return _one_table(path, steel + parts, "26322000000088000302", "2026年05月07日", grid="lines", rows=rows)


def cn_gross_price_only(path: Path) -> list[dict]:
    """Only a 含税单价 is printed, beside a 金额 net of tax: quantity x it is amount + tax; the line keeps no unit
    price."""
    specs = [("*五金工具*电动扳手", "DW-500", "台", "6", "1130.00"), ("*五金工具*角磨机", "100mm", "台", "10", "395.50"),
             ("*五金工具*合金钻头套装", "13件", "套", "25", "84.75")]
    lines, rows = [], []
    for n, s, u, q, gprice in specs:
        gross = _r(D(q) * D(gprice))
        amount = _r(gross / D("1.13"))
        t = ln(n, f"{amount}", qty=q, rate="0.13", tax=f"{gross - amount}", spec=s)
        t["unit"] = u
        lines.append(t)
        rows.append([n, s, u, q, gprice, f"{amount:.2f}", "13%", f"{gross - amount:.2f}"])
    return _one_table(path, lines, "26322000000088000303", "2026年05月08日", rows=rows,
                      spec=[("项目名称", 46), ("规格型号", 24), ("单位", 12, "c"), ("数量", 16, "r"),
                            ("含税单价", 24, "r"), ("金额", 26, "r"), ("税率", 14, "c"), ("税额", 24, "r")])


def cn_qty_unit_cell(path: Path) -> list[dict]:
    """No 单位 column: the 数量 cell prints the quantity with its unit (``12 箱``, ``3.5 千克``, ``200 个``)."""
    lines = [_goods("*食品*瓶装饮用水", "12", "28.00", "0.13", spec="550ml*24", unit="箱"),
             _goods("*食品*白砂糖", "3.5", "8.80", "0.13", unit="千克"),
             _goods("*日用品*一次性纸杯", "200", "0.35", "0.13", spec="9盎司", unit="个")]
    rows = [[t["description"], t["spec"] or "", f"{t['quantity']} {t['unit']}", f"{t['unit_price']}",
             f"{t['amount']:.2f}", "13%", f"{t['tax']:.2f}"] for t in lines]
    return _one_table(path, lines, "26327000000088000304", "2026年05月09日", grid="lines", rows=rows,
                      title="电子发票（普通发票）", buyer=(OURS, OUR_TAX_ID), seller=("苏州万家福商贸有限公司", "91320506MA1X7Y8Z9Q"),
                      spec=[("项目名称", 50), ("规格型号", 26), ("数量", 22, "r"), ("单价", 20, "r"), ("金额", 26, "r"),
                            ("税率", 16, "c"), ("税额", 26, "r")])


def _landscape_head(pdf: Pdf, number: str, day: str) -> None:
    """Title, number, date and the two parties of a VAT invoice across a landscape page (297 mm)."""
    pdf.text(148, 16, "电子发票（增值税专用发票）", 14, "c")
    pdf.text(230, 22, f"发票号码：{number}", 8)
    pdf.text(230, 27, f"开票日期：{day}", 8)
    pdf.rect(12, 32, 273, 20)
    pdf.line(148, 32, 148, 52)
    pdf.text(16, 40, f"购买方名称：{BUYER[0]}", 8)
    pdf.text(16, 47, f"统一社会信用代码/纳税人识别号：{BUYER[1]}", 7)
    pdf.text(152, 40, f"销售方名称：{OURS}", 8)
    pdf.text(152, 47, f"统一社会信用代码/纳税人识别号：{OUR_TAX_ID}", 7)


def _landscape_foot(pdf: Pdf, cols: list[Col], end: float, lines: list[dict]) -> None:
    """合计 and 价税合计 under a landscape page's table ending at ``end``."""
    from extractors.parse import amount_to_chinese_upper

    net, tax = _sum(lines, "amount"), _sum(lines, "tax")
    pdf.rect(12, end, 273, 7)
    pdf.rect(12, end + 7, 273, 7)
    pdf.text(20, end + 5, "合        计", 8)
    pdf.text(_x_of(cols, "金额"), end + 5, f"¥{net:.2f}", 8, "r")
    pdf.text(_x_of(cols, "税额"), end + 5, f"¥{tax:.2f}", 8, "r")
    pdf.text(20, end + 12, "价税合计（大写）", 8)
    pdf.text(50, end + 12, f"⊗{amount_to_chinese_upper(net + tax)}", 8)
    pdf.text(200, end + 12, f"（小写）¥{net + tax:.2f}", 8)


def cn_landscape(path: Path) -> list[dict]:
    """A landscape A4 page (297 x 210 mm) with a wide ruled table: 序号 | 项目名称 | 规格型号 | 单位 | 数量 | 单价 |
    金额 | 税率 | 税额 | 备注 (a remark per line)."""
    lines = [_goods("*仪器仪表*超声波流量计", "2", "6850.00", "0.13", spec="DN150 一体式", unit="台"),
             _goods("*仪器仪表*电磁流量计", "3", "5120.00", "0.13", spec="DN80 分体式", unit="台"),
             _goods("*仪器仪表*压力变送器", "12", "980.00", "0.13", spec="0-2.5MPa 4-20mA", unit="只"),
             ln("*现代服务*安装调试服务", "4716.98", rate="0.06", tax="283.02")]
    lines[3]["unit"] = "项"
    pdf = Pdf(path, size=(297, 210))
    _landscape_head(pdf, "26322000000088000305", "2026年05月10日")
    cols = _cols([("序号", 12, "c"), ("项目名称", 56), ("规格型号", 36), ("单位", 14, "c"), ("数量", 18, "r"),
                  ("单价", 26, "r"), ("金额", 30, "r"), ("税率", 16, "c"), ("税额", 28, "r"), ("备注", 37)])
    remarks = ["合同HT-2605-01", "合同HT-2605-01", "含校验报告", "现场"]
    rows = [[str(i + 1), *_cn_row(t), r] for i, (t, r) in enumerate(zip(lines, remarks, strict=True))]
    end = table(pdf, 12, 52, cols, rows, grid="lines")
    _landscape_foot(pdf, cols, end, lines)
    pdf.text(20, end + 24, "开票人：李娜", 8)
    pdf.save()
    return lines


def cn_serial_numbers(path: Path) -> list[dict]:
    """A 序列号 column of 15-digit serial numbers right beside 单位 and 数量, one outer box and no inner rules: the
    serial's digits must not glue to the quantity."""
    lines = [_goods("*计算机设备*工业平板电脑", "1", "5680.00", "0.13", spec="IPC-1021", unit="台"),
             _goods("*计算机设备*工业平板电脑", "1", "5680.00", "0.13", spec="IPC-1021", unit="台"),
             _goods("*通信设备*工业路由器", "2", "1260.00", "0.13", spec="R200-4G", unit="台")]
    serials = ["860123456789012", "860123456789029", "352099001761481"]
    rows = [[r[0], r[1], sn, *r[2:]] for r, sn in zip((_cn_row(t) for t in lines), serials, strict=True)]
    return _one_table(path, lines, "26322000000088000306", "2026年05月11日", rows=rows,
                      spec=[("项目名称", 38), ("规格型号", 18), ("序列号", 30), ("单位", 10, "c"), ("数量", 12, "r"),
                            ("单价", 18, "r"), ("金额", 20, "r"), ("税率", 14, "c"), ("税额", 26, "r")])


def cn_bilingual(path: Path) -> list[dict]:
    """An exporter's 普票 whose 项目名称 cell holds the Chinese name and the English name on two lines."""
    items = [("*金属制品*不锈钢六角螺栓", "Stainless hex bolt", "M8x25", "2000", "0.42"),
             ("*金属制品*不锈钢法兰螺母", "Stainless flange nut", "M8", "2000", "0.28"),
             ("*橡胶制品*密封垫片", "Rubber sealing gasket", "DN50", "300", "1.60")]
    lines, rows = [], []
    for cn, en, s, q, p in items:
        t = _goods(f"{cn} {en}", q, p, "0.13", spec=s, unit="个")
        lines.append(t)
        r = _cn_row(t)
        rows.append([[cn, en], *r[1:]])
    return _one_table(path, lines, "26327000000088000307", "2026年05月12日", grid="lines", rows=rows,
                      title="电子发票（普通发票）")


def cn_dash_rows(path: Path) -> list[dict]:
    """Rows holding only a dash (``-`` under every head, or ``—`` in the name alone) between and after the items, as
    some billing software fills a fixed-height grid."""
    lines = [_goods("*纸制品*复印纸", "50", "23.50", "0.13", spec="A4 70g", unit="包"),
             _goods("*文具*中性笔", "200", "1.20", "0.13", spec="0.5mm", unit="支"),
             _goods("*文具*文件夹", "60", "4.80", "0.13", spec="A4 双夹", unit="个")]
    rows = [_cn_row(lines[0]), ["-"] * 8, _cn_row(lines[1]), _cn_row(lines[2]), ["—", "", "", "", "", "", "", ""],
            ["-"] * 8]
    return _one_table(path, lines, "26327000000088000308", "2026年05月13日", grid="lines", rows=rows,
                      title="电子发票（普通发票）")


def cn_transport(path: Path) -> list[dict]:
    """A 货物运输服务 数电票: the 运输工具种类 | 运输工具牌号 | 起运地 | 到达地 | 运输货物名称 block (plates with
    digits) sits between the parties and the item table; its rows are no items."""
    lines = [ln("*运输服务*国内道路货物运输服务", "8256.88", rate="0.09", tax="743.12"),
             ln("*运输服务*国内道路货物运输服务", "2752.29", rate="0.09", tax="247.71")]
    for t in lines:
        t["unit"] = "次"
    pdf = Pdf(path)
    y = _cn_head(pdf, "电子发票（增值税专用发票）", "26322000000088000309", "2026年05月14日", (OURS, OUR_TAX_ID),
                 ("苏州顺达物流有限公司", "91320507MA1R2D8T3M"))
    tcols = _cols([("运输工具种类", 30, "c"), ("运输工具牌号", 30, "c"), ("起运地", 40), ("到达地", 40),
                   ("运输货物名称", 46)])
    y = table(pdf, 12, y + 2, tcols, [["公路运输", "苏E5K831", "江苏省苏州市工业园区", "上海市浦东新区", "五金配件"],
                                      ["公路运输", "苏E7M206", "江苏省苏州市工业园区", "浙江省宁波市北仑区", "五金配件"]],
              grid="lines")
    cols = _cols(STD)
    end = table(pdf, 12, y + 3, cols, [_cn_row(t) for t in lines], grid="none", head_rule=True)
    _box(pdf, y + 3, end + 4)
    _cn_foot(pdf, end + 4, _sum(lines, "amount"), _sum(lines, "tax"), _x_of(cols, "金额"), 197)
    pdf.save()
    return lines


# -- English ---------------------------------------------------------------------------------------------
def en_amount_left(path: Path) -> list[dict]:
    """A trading house's invoice whose first figure column, the amount, stands left of the description: No. |
    Amount (USD) | Description | Qty | Unit Price."""
    lines = [ln("Brass ball valve 1/2 in", "1470.00", qty="600", price="2.45"),
             ln("Brass ball valve 3/4 in", "1656.00", qty="450", price="3.68"),
             ln("PTFE thread seal tape", "216.00", qty="1200", price="0.18")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Pacific Rim Trading Co., Ltd.", "Unit 1203, 18 Harbour Road, Wan Chai, Hong Kong",
                       "Tel +852 2511 0088"], "INVOICE",
                 [("Inv. No.", "PRT-26-0517"), ("Date", "15 May 2026"), ("Terms", "T/T 30 days")], _CUSTOMER)
    cols = [Col("No.", 10, "c"), Col("Amount (USD)", 28, "r", "r"), Col("Description", 72, head="l"),
            Col("Qty", 24, "r", "r"), Col("Unit Price", 28, "r", "r")]
    rows = [[str(i + 1), _money(t["amount"]), t["description"], f"{t['quantity']:,}", f"{t['unit_price']:.2f}"]
            for i, t in enumerate(lines)]
    end = table(pdf, 20, y, cols, rows, grid="lines")
    pdf.totals(130, end + 8, [("Total Amount", f"USD {_money(_sum(lines, 'amount'))}")])
    pdf.save()
    return lines


def en_ragged_unruled(path: Path) -> list[dict]:
    """No ruling lines at all, the heads left-aligned over right-aligned figures of very different widths
    (``9.50`` under ``12,480.00``), whose right edges wander by up to 1 mm."""
    lines = [ln("Industrial air compressor 7.5 kW", "12480.00", qty="2", price="6240.00"),
             ln("Air filter element", "9.50", qty="1", price="9.50"),
             ln("Refrigerated air dryer", "3395.00", qty="1", price="3395.00"),
             ln("Quick coupling, 1/4 in", "171.00", qty="36", price="4.75")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Atlas Pneumatics Pty Ltd", "14 Foundry Road, Seven Hills NSW 2147", "ABN 62 101 334 908"],
                 "TAX INVOICE", [("Invoice No.", "AP-77310"), ("Invoice Date", "16/05/2026")], _CUSTOMER)
    heads = [("Description", 20), ("Qty", 122), ("Unit Price", 138), ("Amount", 166)]
    for label, x in heads:
        pdf.text(x, y + 4, label, 8, font="DVB")
    wander = [0.0, -0.9, 0.6, -0.4]
    for i, (t, dx) in enumerate(zip(lines, wander, strict=True)):
        ty = y + 11 + i * 5.5
        pdf.text(20, ty, t["description"], 8)
        pdf.text(130 + dx, ty, f"{t['quantity']}", 8, "r")
        pdf.text(158 - dx, ty, _money(t["unit_price"]), 8, "r")
        pdf.text(189 + dx, ty, _money(t["amount"]), 8, "r")
    end = y + 11 + len(lines) * 5.5
    net = _sum(lines, "amount")
    tax = _r(net / 10)
    pdf.totals(130, end + 6, [("Subtotal", f"A${_money(net)}"), ("GST 10%", f"A${_money(tax)}"),
                              ("Total", f"A${_money(net + tax)}")])
    pdf.save()
    return lines


def en_packing_ci(path: Path) -> list[dict]:
    """A commercial invoice and packing list in one table: Marks | Description | HS Code | CTNs | Qty | N.W. (kg) |
    G.W. (kg) | CBM | Unit Price | Amount; the weights, cartons and volume are no amounts."""
    items = [("Cabinet hinge 35 mm", "8302100000", "40", "8000", "PCS", "312.5", "336.0", "1.12", "0.32"),
             ("Drawer slide 450 mm", "8302420000", "60", "1200", "PRS", "540.0", "578.4", "2.05", "2.15"),
             ("Handle 128 mm, zinc", "8302420000", "25", "5000", "PCS", "287.5", "301.0", "0.64", "0.46")]
    lines = [ln(n, f"{_r(D(q) * D(p)):.2f}", qty=q, price=p) for n, _hs, _c, q, _u, _nw, _gw, _m, p in items]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, [OURS_EN, "88 Xinghu Street, Suzhou Industrial Park, Jiangsu 215000, China"],
                 "COMMERCIAL INVOICE / PACKING LIST",
                 [("Invoice No.", "HR-CI-260520"), ("Date", "20 May 2026"), ("Terms", "CIF Hamburg")],
                 ["Kuechen Beschlag Handel GmbH", "Grosse Elbstrasse 145, 22767 Hamburg, Germany"])
    cols = [Col("Marks", 14, "c"), Col("Description", 38, head="l"), Col("HS Code", 18, "c"), Col("CTNs", 10, "r", "r"),
            Col("Qty", 20, "r", "r"), Col("N.W.\n(kg)", 14, "r", "r"), Col("G.W.\n(kg)", 14, "r", "r"),
            Col("CBM", 12, "r", "r"), Col("Unit Price\n(USD)", 18, "r", "r"), Col("Amount\n(USD)", 22, "r", "r")]
    rows = [["N/M", n, hs, c, f"{int(q):,} {u}", nw, gw, m, p, _money(_r(D(q) * D(p)))]
            for n, hs, c, q, u, nw, gw, m, p in items]
    end = table(pdf, 10, y, cols, rows, grid="lines", lead=4.2)
    total = _sum(lines, "amount")
    pdf.text(12, end + 6, "TOTAL: 125 CTNS   N.W. 1,140.0 KGS   G.W. 1,215.4 KGS   3.81 CBM", 8)
    pdf.totals(120, end + 14, [("TOTAL CIF HAMBURG", f"USD {_money(total)}")])
    pdf.save()
    return lines


def en_discount_amount(path: Path) -> list[dict]:
    """Description | Qty | Unit Price | Disc. % | Discount | Net Amount: a discount rate and a discount amount per
    line; a discounted line keeps no unit price."""
    items = [("Safety helmet, white", "100", "8.40", "10"), ("Hi-vis jacket, L", "80", "15.00", "0"),
             ("Safety boots S3, size 42", "40", "38.50", "15")]
    lines, rows = [], []
    for n, q, p, d in items:
        gross = _r(D(q) * D(p))
        off = _r(gross * D(d) / 100)
        lines.append(ln(n, f"{gross - off}", qty=q, price=None if d != "0" else p))
        rows.append([n, q, p, f"{d}%", _money(off) if off else "-", _money(gross - off)])
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Sentinel Workwear Ltd", "22 Mill Lane, Leeds LS12 4HT", "VAT Reg No. GB 402 1177 30"],
                 "INVOICE", [("Invoice No.", "SW-50931"), ("Invoice Date", "21/05/2026")], _CUSTOMER)
    cols = [Col("Description", 66, head="l"), Col("Qty", 14, "r", "r"), Col("Unit Price", 22, "r", "r"),
            Col("Disc. %", 16, "r", "r"), Col("Discount", 24, "r", "r"), Col("Net Amount", 28, "r", "r")]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.6)
    net = _sum(lines, "amount")
    pdf.totals(130, end + 8, [("Net total", f"£{_money(net)}"), ("VAT 20%", f"£{_money(_r(net / 5))}"),
                              ("Invoice total", f"£{_money(net + _r(net / 5))}")])
    pdf.save()
    return lines


def en_two_currencies(path: Path) -> list[dict]:
    """An export invoice in USD printing each line's CNY equivalent at the stated rate: Description | Qty | Unit
    Price (USD) | Amount (USD) | Amount (CNY); the line's amount is the invoice currency's."""
    lines = [ln("LED panel light 600x600", "2160.00", qty="400", price="5.40"),
             ln("LED tube T8 1.2 m", "1750.00", qty="2500", price="0.70"),
             ln("Emergency driver module", "798.00", qty="140", price="5.70")]
    fx = D("7.1050")
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, [OURS_EN, "88 Xinghu Street, Suzhou Industrial Park, Jiangsu 215000, China"], "INVOICE",
                 [("Invoice No.", "HR-EX-260522"), ("Date", "22 May 2026"), ("Rate", "USD 1 = CNY 7.1050")],
                 ["Lumen Distribution Inc.", "500 Harbor Blvd, Long Beach, CA 90802, USA"])
    cols = [Col("Description", 62, head="l"), Col("Qty", 18, "r", "r"), Col("Unit Price\n(USD)", 22, "r", "r"),
            Col("Amount\n(USD)", 28, "r", "r"), Col("Amount\n(CNY)", 32, "r", "r")]
    rows = [[t["description"], f"{t['quantity']:,}", f"{t['unit_price']:.2f}", _money(t["amount"]),
             _money(_r(t["amount"] * fx))] for t in lines]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.6)
    total = _sum(lines, "amount")
    pdf.totals(120, end + 8, [("Total (CNY equivalent)", f"CNY {_money(_r(total * fx))}"),
                              ("TOTAL", f"USD {_money(total)}")])
    pdf.save()
    return lines


def en_two_row_header(path: Path) -> list[dict]:
    """A header in two rows: ``Amount (EUR)`` centred over ``Net | VAT | Gross`` beside one-row heads (Item No. |
    Description | Qty | Unit Price); the net is the line's amount, VAT its tax."""
    items = [("71-2201", "Gear motor 0.37 kW", "4", "286.00"), ("71-3310", "Frequency inverter 0.75 kW", "4", "198.50"),
             ("71-9001", "Mounting kit", "4", "22.00")]
    lines = []
    for sku, n, q, p in items:
        a = _r(D(q) * D(p))
        lines.append(ln(n, f"{a}", qty=q, price=p, tax=f"{_r(a * D('0.19'))}", sku=sku))
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Rheinland Antriebstechnik GmbH", "Hafenstr. 8, 47119 Duisburg", "VAT ID DE813377290"],
                 "INVOICE", [("Invoice No.", "RA-2026-3318"), ("Invoice Date", "23.05.2026")],
                 [OURS_DE_NAME, "Am Sandtorkai 50, 20457 Hamburg"])
    cols = [Col("Item No.", 20, head="l"), Col("Description", 56, head="l"), Col("Qty", 12, "r", "r"),
            Col("Unit Price", 22, "r", "r"), Col("\nNet", 22, "r", "r"), Col("\nVAT", 20, "r", "r"),
            Col("\nGross", 24, "r", "r")]
    rows = [[t["sku"], t["description"], f"{t['quantity']}", f"{t['unit_price']:.2f}", _money(t["amount"]),
             _money(t["tax"]), _money(t["amount"] + t["tax"])] for t in lines]
    x_amount = 20 + 20 + 56 + 12 + 22
    pdf.text(x_amount + 33, y + 3.8, "Amount (EUR)", 8, "c")
    pdf.line(x_amount + 2, y + 4.8, x_amount + 64, y + 4.8, 0.3)
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.2)
    net, tax = _sum(lines, "amount"), _sum(lines, "tax")
    pdf.totals(130, end + 8, [("Net", f"€ {_money(net)}"), ("VAT 19%", f"€ {_money(tax)}"),
                              ("Total", f"€ {_money(net + tax)}")])
    pdf.save()
    return lines


# -- round two: written after round one's fixes, scored as first read -----------------------------------
def _rotated(path: Path) -> Pdf:
    """A landscape layout (297 x 210 mm, drawn as :class:`Pdf` draws) on a portrait page turned by ``/Rotate 90``:
    the content is drawn turned a quarter the other way, as printers' drivers write landscape pages."""
    from reportlab.pdfgen.canvas import Canvas

    from tests.extractors_documents.line_tables import MM

    pdf = Pdf(path, size=(297, 210))
    pdf.c = Canvas(str(path), pagesize=(210 * MM, 297 * MM))
    pdf.c.setPageRotation(90)
    pdf.c.translate(210 * MM, 0)
    pdf.c.rotate(90)
    return pdf


def cn_rotated_landscape(path: Path) -> list[dict]:
    """A landscape 销售清单-style VAT invoice on a portrait page turned by ``/Rotate 90``: its characters lie
    sideways in the page's own coordinates."""
    lines = [_goods("*机械设备*数控车床", "1", "186000.00", "0.13", spec="CK6150x1000", unit="台"),
             _goods("*机械零部件*三爪卡盘", "2", "3650.00", "0.13", spec="K11-250", unit="个"),
             _goods("*刀具*数控车刀套装", "5", "1280.00", "0.13", spec="20x20 10件", unit="套")]
    pdf = _rotated(path)
    _landscape_head(pdf, "26322000000088000321", "2026年05月25日")
    cols = _cols([("项目名称", 66), ("规格型号", 40), ("单位", 16, "c"), ("数量", 20, "r"), ("单价", 32, "r"),
                  ("金额", 36, "r"), ("税率", 20, "c"), ("税额", 43, "r")])
    end = table(pdf, 12, 52, cols, [_cn_row(t) for t in lines], grid="lines")
    _landscape_foot(pdf, cols, end, lines)
    pdf.save()
    return lines


def en_qty_units(path: Path) -> list[dict]:
    """An English invoice without rules whose Quantity column prints the unit after the figure (``12 pcs``,
    ``3.5 kg``, ``2 rolls``) under a left-aligned head."""
    lines = [ln("Silicone sealant, clear", "54.00", qty="12", price="4.50"),
             ln("Copper wire, bare 2.5 mm", "66.50", qty="3.5", price="19.00"),
             ln("Insulation tape, black", "5.90", qty="2", price="2.95")]
    for t, u in zip(lines, ("pcs", "kg", "rolls"), strict=True):
        t["unit"] = u
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Harbourside Trade Supplies Ltd", "7 Quay Street, Auckland 1010", "GST No. 112-334-556"],
                 "TAX INVOICE", [("Invoice No.", "HTS-20931"), ("Date", "26/05/2026")], _CUSTOMER)
    cols = [Col("Description", 80, head="l"), Col("Quantity", 26, "r", "l"), Col("Unit Price", 30, "r", "r"),
            Col("Amount", 34, "r", "r")]
    rows = [[t["description"], f"{t['quantity']} {t['unit']}", f"{t['unit_price']:.2f}", _money(t["amount"])]
            for t in lines]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.6)
    net = _sum(lines, "amount")
    tax = _r(net * D("0.15"))
    pdf.totals(130, end + 8, [("Subtotal", f"NZ${_money(net)}"), ("GST 15%", f"NZ${_money(tax)}"),
                              ("Total", f"NZ${_money(net + tax)}")])
    pdf.save()
    return lines


def cn_export_invoice(path: Path) -> list[dict]:
    """A Chinese exporter's 商业发票 with packing columns: 品名 | HS编码 | 数量 | 单位 | 件数 | 净重(KG) | 毛重(KG) |
    体积(CBM) | 单价(USD) | 金额(USD); weights, cartons and volume are no amounts."""
    items = [("不锈钢合页", "8302100000", "6000", "只", "30", "270.0", "291.5", "0.86", "0.41"),
             ("铝合金拉手", "8302420000", "3000", "只", "20", "195.0", "210.0", "0.52", "0.88"),
             ("门吸", "8302500000", "1500", "只", "15", "180.0", "193.5", "0.40", "0.75")]
    lines = []
    for n, _hs, q, u, *_rest, p in items:
        t = ln(n, f"{_r(D(q) * D(p)):.2f}", qty=q, price=p)
        t["unit"] = u
        lines.append(t)
    pdf = Pdf(path)
    pdf.text(105, 18, OURS, 12, "c")
    pdf.text(105, 24, OURS_EN, 8, "c")
    pdf.text(105, 33, "商业发票 COMMERCIAL INVOICE", 13, "c")
    pdf.text(14, 44, "买方 Buyer：Haus & Tuer Beschlaege GmbH, Hamburg", 8)
    pdf.text(140, 44, "发票号 Invoice No.：HR-CI-260527", 8)
    pdf.text(140, 50, "日期 Date：2026-05-27", 8)
    pdf.text(14, 50, "贸易方式：FOB 上海", 8)
    cols = _cols([("品名", 26), ("HS编码", 22, "c"), ("数量", 16, "r"), ("单位", 10, "c"), ("件数", 12, "r"),
                  ("净重(KG)", 17, "r"), ("毛重(KG)", 17, "r"), ("体积(CBM)", 18, "r"), ("单价(USD)", 20, "r"),
                  ("金额(USD)", 28, "r")])
    rows = [[n, hs, q, u, c, nw, gw, m, p, _money(_r(D(q) * D(p)))] for n, hs, q, u, c, nw, gw, m, p in items]
    end = table(pdf, 12, 56, cols, rows, grid="lines")
    total = _sum(lines, "amount")
    pdf.text(14, end + 6, "合计 TOTAL：65 箱   净重 645.0 KG   毛重 695.0 KG   1.78 CBM", 8)
    pdf.text(14, end + 12, f"总金额 TOTAL AMOUNT：USD {_money(total)}", 9)
    pdf.save()
    return lines


def cn_amount_group_head(path: Path) -> list[dict]:
    """A header in two rows: ``金额（元）`` centred over ``不含税 | 税额 | 含税`` beside one-row heads, ruled by
    lines; the 不含税 figure is the line's amount."""
    lines = [_goods("*包装材料*瓦楞纸箱", "800", "3.20", "0.13", spec="五层 600x400x400", unit="个"),
             _goods("*包装材料*珍珠棉", "120", "9.50", "0.13", spec="EPE 10mm", unit="卷"),
             _goods("*包装材料*封箱胶带", "300", "2.60", "0.13", spec="48mmx100m", unit="卷")]
    for t in lines:
        t["tax_rate"] = None  # no rate printed
    pdf = Pdf(path)
    y = _shudian(pdf, "26322000000088000323", "2026年05月28日")
    cols = _cols([("项目名称", 40), ("规格型号", 30), ("单位", 10, "c"), ("数量", 14, "r"), ("单价", 16, "r"),
                  ("\n不含税", 24, "r"), ("\n税额", 24, "r"), ("\n含税", 28, "r")])
    rows = [[*_cn_row(t)[:5], f"{t['amount']:.2f}", f"{t['tax']:.2f}", f"{t['amount'] + t['tax']:.2f}"]
            for t in lines]
    x0 = 12 + 40 + 30 + 10 + 14 + 16
    pdf.text(x0 + 38, y + 3.6, "金额（元）", 8, "c")
    pdf.line(x0, y + 4.6, x0 + 76, y + 4.6, 0.3)
    end = table(pdf, 12, y, cols, rows, grid="lines")
    _cn_foot(pdf, end, _sum(lines, "amount"), _sum(lines, "tax"), x0 + 23, x0 + 47)
    pdf.save()
    return lines


def en_carried_three(path: Path) -> list[dict]:
    """18 lines over three pages ruled by lines, the header repeated on each page, ``Carried forward`` closing pages 1
    and 2 and ``Brought forward`` opening pages 2 and 3."""
    names = ["Cable gland M20", "Cable gland M25", "Junction box IP66", "DIN rail 1 m", "Terminal block 4 mm2",
             "End stop"]
    lines = [ln(names[i % 6], f"{_r(D(5 + 3 * i) * D(120 + 17 * i) / 100):.2f}", qty=f"{5 + 3 * i}",
                price=f"{D(120 + 17 * i) / 100:.2f}", sku=f"EL-{3100 + i}") for i in range(18)]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Northern Electrical Wholesale Ltd", "Unit 9, Trafford Park, Manchester M17 1AB",
                       "VAT Reg No. GB 377 2018 44"], "INVOICE",
                 [("Invoice No.", "NEW-88120"), ("Invoice Date", "29/05/2026")], _CUSTOMER)
    cols = [Col("Code", 24), Col("Description", 70), Col("Qty", 16, "r"), Col("Unit Price", 26, "r"),
            Col("Amount", 34, "r")]
    run = D(0)
    for part in range(3):
        page_lines = lines[part * 6:(part + 1) * 6]
        rows = []
        if part:
            pdf.page()
            pdf.text(20, 20, f"Invoice NEW-88120 (page {part + 1} of 3)", 9)
            y = 28
            rows.append(["", "Brought forward", "", "", _money(run)])
        rows += [[t["sku"], t["description"], f"{t['quantity']}", f"{t['unit_price']:.2f}", _money(t["amount"])]
                 for t in page_lines]
        run += _sum(page_lines, "amount")
        if part < 2:
            rows.append(["", "Carried forward", "", "", _money(run)])
        end = table(pdf, 20, y, cols, rows, grid="lines")
    tax = _r(run / 5)
    pdf.totals(130, end + 8, [("Net total", f"£{_money(run)}"), ("VAT 20%", f"£{_money(tax)}"),
                              ("Invoice total", f"£{_money(run + tax)}")])
    pdf.save()
    return lines


# -- round three: written after round two's fixes, scored as first read ----------------------------------
def en_serial_numbers(path: Path) -> list[dict]:
    """Item | Description | Serial No. | Qty | Unit Price | Amount without rules: 12- and 16-digit serial numbers right
    beside a one-digit quantity."""
    lines = [ln("Barcode scanner, cordless", "389.00", qty="1", price="389.00", sku="BS-3600"),
             ln("Barcode scanner, cordless", "389.00", qty="1", price="389.00", sku="BS-3600"),
             ln("Label printer 203 dpi", "1140.00", qty="2", price="570.00", sku="LP-2040")]
    serials = ["202605170011", "202605170012", "4711092800331208"]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Keystone Retail Systems Inc.", "1800 Corporate Blvd, Reno, NV 89502", "EIN 88-0412277"],
                 "INVOICE", [("Invoice #", "KRS-61520"), ("Invoice Date", "May 30, 2026")], _CUSTOMER)
    cols = [Col("Item", 20, head="l"), Col("Description", 52, head="l"), Col("Serial No.", 34, head="l"),
            Col("Qty", 12, "r", "r"), Col("Unit Price", 24, "r", "r"), Col("Amount", 28, "r", "r")]
    rows = [[t["sku"], t["description"], sn, f"{t['quantity']}", _money(t["unit_price"]), _money(t["amount"])]
            for t, sn in zip(lines, serials, strict=True)]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.6)
    net = _sum(lines, "amount")
    pdf.totals(130, end + 8, [("Subtotal", f"${_money(net)}"), ("Sales Tax", "$0.00"), ("Total Due", f"${_money(net)}")])
    pdf.save()
    return lines


def en_group_subtotals(path: Path) -> list[dict]:
    """Section heading rows (``Hardware``, ``Installation``) with a ``Subtotal`` row under each section inside a
    table ruled by lines, then Net / VAT / Total under the table."""
    hw = [ln("Access control panel, 4 doors", "1280.00", qty="2", price="640.00"),
          ln("Card reader, MIFARE", "702.00", qty="9", price="78.00")]
    inst = [ln("Cabling per door", "540.00", qty="9", price="60.00"),
            ln("Commissioning (day rate)", "850.00", qty="1", price="850.00")]
    lines = hw + inst
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Citadel Security Installations Ltd", "3 Dock Road, Cardiff CF10 4DN",
                       "VAT Reg No. GB 255 8812 09"], "INVOICE",
                 [("Invoice No.", "CSI-30417"), ("Invoice Date", "31/05/2026")], _CUSTOMER)
    cols = [Col("Description", 86), Col("Qty", 16, "r"), Col("Unit Price", 30, "r"), Col("Amount", 38, "r")]

    def rows(part: list[dict]) -> list[list[str]]:
        return [[t["description"], f"{t['quantity']}", _money(t["unit_price"]), _money(t["amount"])] for t in part]

    body = [["Hardware", "", "", ""], *rows(hw), ["Subtotal", "", "", _money(_sum(hw, "amount"))],
            ["Installation", "", "", ""], *rows(inst), ["Subtotal", "", "", _money(_sum(inst, "amount"))]]
    end = table(pdf, 20, y, cols, body, grid="lines")
    net = _sum(lines, "amount")
    tax = _r(net / 5)
    pdf.totals(130, end + 8, [("Net", f"£{_money(net)}"), ("VAT 20%", f"£{_money(tax)}"),
                              ("Total", f"£{_money(net + tax)}")])
    pdf.save()
    return lines


def cn_discount_columns(path: Path) -> list[dict]:
    """项目名称 | 规格型号 | 单位 | 数量 | 单价 | 折扣率 | 折扣额 | 金额 | 税率 | 税额: a discount rate and amount per line,
    the 金额 after the discount (a discounted line keeps no unit price)."""
    items = [("*电机*三相异步电动机", "YE3-132M-4", "台", "4", "2380.00", "5"),
             ("*电机*变频器", "ACS580 7.5kW", "台", "4", "3650.00", "8"), ("*电线电缆*电力电缆", "YJV 3x6", "米", "200", "26.50", "0")]
    lines, rows = [], []
    for n, s, u, q, p, d in items:
        gross = _r(D(q) * D(p))
        off = _r(gross * D(d) / 100)
        a = gross - off
        t = ln(n, f"{a}", qty=q, price=None if d != "0" else p, rate="0.13", tax=f"{_r(a * D('0.13'))}", spec=s)
        t["unit"] = u
        lines.append(t)
        rows.append([n, s, u, q, p, f"{d}%", f"{off:.2f}" if off else "", f"{a:.2f}", "13%", f"{t['tax']:.2f}"])
    return _one_table(path, lines, "26322000000088000331", "2026年06月01日", grid="lines", rows=rows,
                      spec=[("项目名称", 34), ("规格型号", 24), ("单位", 9, "c"), ("数量", 11, "r"), ("单价", 18, "r"),
                            ("折扣率", 13, "c"), ("折扣额", 18, "r"), ("金额", 22, "r"), ("税率", 12, "c"),
                            ("税额", 25, "r")])


def en_landscape_packing(path: Path) -> list[dict]:
    """A landscape commercial invoice (297 x 210 mm page) with Marks & Nos. | Description | HS Code | CTNs | Qty |
    N.W. (kg) | G.W. (kg) | Meas. (m3) | Unit Price | Amount, unruled but for the header rule."""
    items = [("Ceramic floor tile 600x600, matt", "6907211000", "120", "1440", "M2", "25920", "26400", "21.6", "6.80"),
             ("Ceramic wall tile 300x600, gloss", "6907221000", "80", "960", "M2", "14400", "14720", "14.4", "5.90"),
             ("Tile adhesive C2TE, 25 kg bag", "3214900000", "40", "400", "BAGS", "10000", "10200", "8.2", "4.10")]
    lines = [ln(n, f"{_r(D(q) * D(p)):.2f}", qty=q, price=p) for n, _hs, _c, q, _u, _nw, _gw, _m, p in items]
    for t, it in zip(lines, items, strict=True):
        t["unit"] = it[4]
    pdf = Pdf(path, size=(297, 210), font="DV")
    pdf.text(20, 20, "Foshan Lianhua Ceramics Co., Ltd.", 12, font="DVB")
    pdf.text(20, 26, "No. 3 Jihua Road, Chancheng District, Foshan, Guangdong, China", 8)
    pdf.text(277, 20, "COMMERCIAL INVOICE", 16, "r", font="DVB")
    for i, (k, v) in enumerate([("Invoice No.", "LH-CI-2606-018"), ("Date", "2 June 2026"), ("Terms", "FOB Foshan")]):
        pdf.text(215, 30 + i * 5, k, 8)
        pdf.text(277, 30 + i * 5, v, 8, "r")
    pdf.text(20, 38, "Bill To", 8, font="DVB")
    pdf.text(20, 43, OURS_EN, 8)
    pdf.text(20, 48, "88 Xinghu Street, Suzhou 215000, China", 8)
    cols = [Col("Marks & Nos.", 24, head="l"), Col("Description", 62, head="l"), Col("HS Code", 22, "c"),
            Col("CTNs", 14, "r", "r"), Col("Qty", 18, "r", "r"), Col("Unit", 14, "c"), Col("N.W. (kg)", 20, "r", "r"),
            Col("G.W. (kg)", 20, "r", "r"), Col("Meas. (m3)", 20, "r", "r"), Col("Unit Price\n(USD)", 20, "r", "r"),
            Col("Amount\n(USD)", 23, "r", "r")]
    rows = [["LH/SZ", n, hs, c, f"{int(q):,}", u, f"{int(nw):,}", f"{int(gw):,}", m, p, _money(_r(D(q) * D(p)))]
            for n, hs, c, q, u, nw, gw, m, p in items]
    end = table(pdf, 20, 56, cols, rows, grid="none", lead=4.4)
    total = _sum(lines, "amount")
    pdf.line(20, end + 1, 277, end + 1, 0.3)
    pdf.text(22, end + 7, "TOTAL 240 CTNS, N.W. 50,320 KG, G.W. 51,320 KG, 44.2 M3", 8)
    pdf.totals(200, end + 14, [("TOTAL FOB FOSHAN", f"USD {_money(total)}")])
    pdf.save()
    return lines


def cn_qty_gross_price(path: Path) -> list[dict]:
    """A 普票 with no 单位 column whose 数量 cells print the unit (``2 箱``, ``0.5 吨``) and whose only price is 单价（含税）,
    beside a net 金额, with one outer box."""
    specs = [("*饮料*矿泉水", "2", "箱", "45.20"), ("*肥料*复合肥", "0.5", "吨", "3390.00"), ("*种子*玉米种子", "40", "袋", "56.50")]
    lines, rows = [], []
    for n, q, u, gp in specs:
        gross = _r(D(q) * D(gp))
        a = _r(gross / D("1.13"))
        t = ln(n, f"{a}", qty=q, rate="0.13", tax=f"{gross - a}")
        t["unit"] = u
        lines.append(t)
        rows.append([n, f"{q} {u}", gp, f"{a:.2f}", "13%", f"{gross - a:.2f}"])
    return _one_table(path, lines, "26327000000088000333", "2026年06月03日", rows=rows, title="电子发票（普通发票）",
                      spec=[("项目名称", 56), ("数量", 24, "r"), ("单价（含税）", 28, "r"), ("金额", 28, "r"),
                            ("税率", 18, "c"), ("税额", 32, "r")])


# -- round four: written after round three, scored as first read -----------------------------------------
def cn_headless_continuation(path: Path) -> list[dict]:
    """Two pages ruled by lines; page 2 repeats no header: it opens with a ``承上页`` row and ends with 合计."""
    names = ["*化学品*环氧树脂", "*化学品*固化剂", "*化学品*稀释剂"]
    lines = [_goods(names[i % 3], str(20 + 5 * i), f"{D(3150 + 95 * i) / 100:.2f}", "0.13", spec=f"{200 + i}kg/桶",
                    unit="桶") for i in range(14)]
    cols = _cols(STD)
    pdf = Pdf(path)
    y = _shudian(pdf, "26322000000088000341", "2026年06月04日")
    first = lines[:9]
    a, t = _sum(first, "amount"), _sum(first, "tax")
    table(pdf, 12, y, cols, [*[_cn_row(x) for x in first], ["过次页", "", "", "", "", f"{a:.2f}", "", f"{t:.2f}"]],
          grid="lines")
    pdf.page()
    pdf.text(150, 14, "发票号码：26322000000088000341  第2页", 8)
    end = table(pdf, 12, 12, [Col("", c.w, c.align) for c in cols],
                [["承上页", "", "", "", "", f"{a:.2f}", "", f"{t:.2f}"], *[_cn_row(x) for x in lines[9:]]], grid="lines")
    _cn_foot(pdf, end, _sum(lines, "amount"), _sum(lines, "tax"), _x_of(cols, "金额"), 197)
    pdf.save()
    return lines


def cn_yen_cells(path: Path) -> list[dict]:
    """Every 单价, 金额 and 税额 cell printed with ``¥`` and thousands separators, 数量 with separators (``1,200``), in cell
    rectangles."""
    lines = [_goods("*塑料制品*PE自封袋", "12000", "0.08", "0.13", spec="10x15cm", unit="只"),
             _goods("*塑料制品*PP打包带", "1200", "3.65", "0.13", spec="15mm", unit="卷"),
             _goods("*纸制品*牛皮纸", "350", "12.40", "0.13", spec="80g 1.2m", unit="千克")]
    rows = [[t["description"], t["spec"], t["unit"], f"{t['quantity']:,}", f"¥{t['unit_price']}",
             f"¥{t['amount']:,.2f}", "13%", f"¥{t['tax']:,.2f}"] for t in lines]
    return _one_table(path, lines, "26322000000088000342", "2026年06月05日", grid="rects", rows=rows)


def en_qty_first(path: Path) -> list[dict]:
    """A US invoice with the quantity first: Qty | Item # | Description | Unit Price | Line Total, a header rule only."""
    lines = [ln("Pallet jack, 5500 lb", "1098.00", qty="2", price="549.00", sku="PJ-5500"),
             ln("Stretch wrap 18 in x 1500 ft", "323.40", qty="12", price="26.95", sku="SW-18"),
             ln("Corner boards, 36 in (bundle)", "86.25", qty="3", price="28.75", sku="CB-36")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Midwest Warehouse Supply Co.", "4400 W 38th St, Indianapolis, IN 46254", "EIN 35-2270115"],
                 "INVOICE", [("Invoice #", "MWS-204471"), ("Invoice Date", "06/05/2026"), ("Terms", "Net 30")], _CUSTOMER)
    cols = [Col("Qty", 14, "r", "r"), Col("Item #", 24, head="l"), Col("Description", 74, head="l"),
            Col("Unit Price", 28, "r", "r"), Col("Line Total", 30, "r", "r")]
    rows = [[f"{t['quantity']}", t["sku"], t["description"], f"${t['unit_price']:.2f}", f"${_money(t['amount'])}"]
            for t in lines]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.6)
    net = _sum(lines, "amount")
    pdf.totals(130, end + 8, [("Subtotal", f"${_money(net)}"), ("Sales Tax (0%)", "$0.00"), ("Total", f"${_money(net)}")])
    pdf.save()
    return lines


def en_gross_price_net_amount(path: Path) -> list[dict]:
    """Description | Qty | Unit Price (incl. GST) | GST | Amount (excl. GST): a tax-inclusive unit price beside the net
    amount and the line's tax (the line keeps no unit price)."""
    specs = [("Hi-vis vest, class D/N", "20", "16.50"), ("Safety glasses, clear", "50", "6.90"), ("Ear muffs, Class 5", "10", "34.50")]
    lines, rows = [], []
    for n, q, gp in specs:
        gross = _r(D(q) * D(gp))
        a = _r(gross / D("1.1"))
        lines.append(ln(n, f"{a}", qty=q, tax=f"{gross - a}"))
        rows.append([n, q, gp, _money(gross - a), _money(a)])
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Southern Cross Safety Pty Ltd", "21 Boundary Rd, Laverton North VIC 3026", "ABN 43 118 902 337"],
                 "TAX INVOICE", [("Invoice No.", "SCS-90812"), ("Date", "07/06/2026")], _CUSTOMER)
    cols = [Col("Description", 64, head="l"), Col("Qty", 14, "r", "r"), Col("Unit Price\n(incl. GST)", 28, "r", "r"),
            Col("GST", 24, "r", "r"), Col("Amount\n(excl. GST)", 34, "r", "r")]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.6)
    net, tax = _sum(lines, "amount"), _sum(lines, "tax")
    pdf.totals(130, end + 8, [("Subtotal (excl. GST)", f"A${_money(net)}"), ("GST", f"A${_money(tax)}"),
                              ("Total (incl. GST)", f"A${_money(net + tax)}")])
    pdf.save()
    return lines


def en_vat_codes(path: Path) -> list[dict]:
    """A UK invoice with a ``VAT Code`` column of letters (``S``, ``Z``) and a VAT % column beside it: the letters are no
    rates, the percentages are."""
    lines = [ln("Office chair, mesh back", "358.00", qty="2", price="179.00", rate="0.20"),
             ln("Printed manuals (books)", "96.00", qty="8", price="12.00", rate="0"),
             ln("Desk lamp, LED", "87.00", qty="3", price="29.00", rate="0.20")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Oakfield Office Furniture Ltd", "12 Canal St, Nottingham NG1 7EH", "VAT Reg No. GB 184 2270 35"],
                 "INVOICE", [("Invoice No.", "OOF-7731"), ("Invoice Date", "08/06/2026")], _CUSTOMER)
    cols = [Col("Description", 66, head="l"), Col("Qty", 12, "r", "r"), Col("Unit Price", 24, "r", "r"),
            Col("VAT Code", 18, "c"), Col("VAT %", 16, "r", "r"), Col("Net", 28, "r", "r")]
    rows = [[t["description"], f"{t['quantity']}", _money(t["unit_price"]), "S" if t["tax_rate"] else "Z",
             f"{t['tax_rate'] * 100:.0f}", _money(t["amount"])] for t in lines]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.6)
    net = _sum(lines, "amount")
    tax = _r((D("358.00") + D("87.00")) / 5)
    pdf.totals(130, end + 8, [("Net total", f"£{_money(net)}"), ("VAT", f"£{_money(tax)}"),
                              ("Invoice total", f"£{_money(net + tax)}")])
    pdf.save()
    return lines


# -- round five: written after round four, scored as first read -----------------------------------------
def cn_page_widths_differ(path: Path) -> list[dict]:
    """Two pages whose repeated header is drawn with other column widths on page 2 (the 金额 column 6 mm further left,
    the name wider), no inner rules, a rule under each header."""
    names = ["*阀门*不锈钢球阀", "*阀门*铸铁闸阀", "*阀门*止回阀"]
    lines = [_goods(names[i % 3], str(4 + i), f"{D(18500 + 1350 * i) / 100:.2f}", "0.13", spec=f"DN{25 + 5 * i} PN16",
                    unit="只") for i in range(10)]
    pdf = Pdf(path)
    y = _shudian(pdf, "26322000000088000351", "2026年06月09日")
    cols1 = _cols(STD)
    table(pdf, 12, y, cols1, [_cn_row(t) for t in lines[:6]], grid="none")
    pdf.page()
    pdf.text(105, 15, "电子发票（增值税专用发票）", 12, "c")
    pdf.text(150, 22, "发票号码：26322000000088000351  第2页", 8)
    cols2 = _cols([("项目名称", 54), ("规格型号", 24), ("单位", 10, "c"), ("数量", 18, "r"), ("单价", 22, "r"),
                   ("金额", 22, "r"), ("税率/征收率", 16, "c"), ("税额", 20, "r")])
    end = table(pdf, 12, 30, cols2, [_cn_row(t) for t in lines[6:]], grid="none")
    _cn_foot(pdf, end + 2, _sum(lines, "amount"), _sum(lines, "tax"), _x_of(cols2, "金额"), _x_of(cols2, "税额"))
    pdf.save()
    return lines


def en_subtotal_then_freight(path: Path) -> list[dict]:
    """Items, ``Subtotal``, then ``Freight`` (an amount only), ``VAT 20%`` and ``Total``: the freight under the subtotal
    is no item line."""
    lines = [ln("Hydraulic hose 1/2 in, per m", "186.00", qty="30", price="6.20"),
             ln("Hose fitting, JIC 1/2 in", "114.00", qty="60", price="1.90")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Pennine Hydraulics Ltd", "Unit 2, Calder Park, Wakefield WF2 7AW", "VAT Reg No. GB 331 0918 62"],
                 "INVOICE", [("Invoice No.", "PH-22093"), ("Invoice Date", "10/06/2026")], _CUSTOMER)
    cols = [Col("Description", 90, head="l"), Col("Qty", 16, "r", "r"), Col("Unit Price", 28, "r", "r"),
            Col("Amount", 36, "r", "r")]
    rows = [[t["description"], f"{t['quantity']}", _money(t["unit_price"]), _money(t["amount"])] for t in lines]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.6)
    net = _sum(lines, "amount")
    pdf.totals(130, end + 8, [("Subtotal", f"£{_money(net)}"), ("Freight", "£45.00"), ("VAT 20%", "£69.00"),
                              ("Total", f"£{_money(net + D('45.00') + D('69.00'))}")])
    pdf.save()
    return lines


def en_bottom_aligned(path: Path) -> list[dict]:
    """Descriptions wrapped over two or three lines with the row's figures on its last line (bottom-aligned cells),
    ruled by lines."""
    lines = [ln("Stainless steel worktable with undershelf and splashback, 1800 x 700 mm", "1470.00", qty="3",
                price="490.00"),
             ln("Wall shelf, 1200 mm", "258.00", qty="4", price="64.50"),
             ln("Mobile rack, 16 tray, with brake castors and side guards", "1185.00", qty="2", price="592.50")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Kitchenline Fabrication Ltd", "40 Foundry Lane, Sheffield S3 8RJ", "VAT Reg No. GB 288 1455 90"],
                 "INVOICE", [("Invoice No.", "KF-10382"), ("Invoice Date", "11/06/2026")], _CUSTOMER)
    xs = [20, 110, 128, 156, 190]
    for label, x, al in (("Description", 21, "l"), ("Qty", 127, "r"), ("Unit Price", 155, "r"), ("Amount", 189, "r")):
        pdf.text(x, y + 4, label, 8, al, font="DVB")
    from tests.extractors_documents.line_tables import wrap_cjk

    cy = y + 6
    tops = [y, cy]
    for t in lines:
        parts = wrap_cjk(t["description"], 86, 8, "DV")
        for i, part in enumerate(parts):
            pdf.text(21, cy + 4 + i * 3.8, part, 8)
        last = cy + 4 + (len(parts) - 1) * 3.8
        pdf.text(127, last, f"{t['quantity']}", 8, "r")
        pdf.text(155, last, _money(t["unit_price"]), 8, "r")
        pdf.text(189, last, _money(t["amount"]), 8, "r")
        cy = last + 2.2
        tops.append(cy)
    for yy in tops:
        pdf.line(20, yy, 190, yy, 0.3)
    for xx in xs:
        pdf.line(xx, y, xx, cy, 0.3)
    net = _sum(lines, "amount")
    pdf.totals(130, cy + 8, [("Net total", f"£{_money(net)}"), ("VAT 20%", f"£{_money(_r(net / 5))}"),
                             ("Invoice total", f"£{_money(net + _r(net / 5))}")])
    pdf.save()
    return lines


def cn_digit_sku(path: Path) -> list[dict]:
    """A 货号 column of digit-only codes (``600123``) right before 数量 and a 规格型号 column, no inner rules: the codes
    must not glue to the quantity."""
    items = [("*五金*不锈钢门合页", "600123", "4寸", "120", "8.60"), ("*五金*门锁锁体", "600877", "7255", "40", "46.00"),
             ("*五金*门把手", "601050", "L型", "40", "38.50")]
    lines, rows = [], []
    for n, sku, sp, q, p in items:
        t = _goods(n, q, p, "0.13", spec=sp, unit="个")
        t["sku"] = sku
        lines.append(t)
        r = _cn_row(t)
        rows.append([r[0], r[1], sku, *r[2:]])
    return _one_table(path, lines, "26322000000088000354", "2026年06月12日", rows=rows,
                      spec=[("项目名称", 40), ("规格型号", 20), ("货号", 18), ("单位", 10, "c"), ("数量", 14, "r"),
                            ("单价", 18, "r"), ("金额", 22, "r"), ("税率", 14, "c"), ("税额", 30, "r")])


def cn_remarks_figures(path: Path) -> list[dict]:
    """Under 合计 a 备注 block printing figures (``预付款 5000.00``, ``合同号 HT20260613``, ``订单 4500012345``): no lines."""
    lines = [_goods("*机械零部件*同步带轮", "50", "86.00", "0.13", spec="HTD8M-32", unit="个"),
             _goods("*机械零部件*同步带", "50", "58.00", "0.13", spec="HTD8M-1200", unit="条")]
    pdf = Pdf(path)
    y = _shudian(pdf, "26322000000088000355", "2026年06月13日")
    cols = _cols(STD)
    end = table(pdf, 12, y, cols, [_cn_row(t) for t in lines], grid="lines")
    _cn_foot(pdf, end, _sum(lines, "amount"), _sum(lines, "tax"), _x_of(cols, "金额"), 197)
    pdf.rect(12, end + 16, 186, 16)
    pdf.text(14, end + 21, "备注：", 8)
    pdf.text(26, end + 21, "合同号 HT20260613    订单 4500012345", 8)
    pdf.text(26, end + 26, "预付款 5000.00    余款 3276.00", 8)
    pdf.save()
    return lines


DOCUMENTS = {f.__name__: f for f in (cn_carried_three, cn_group_subtotals, cn_gross_price_only, cn_qty_unit_cell,
                                     cn_landscape, cn_serial_numbers, cn_bilingual, cn_dash_rows, cn_transport,
                                     en_amount_left, en_ragged_unruled, en_packing_ci, en_discount_amount,
                                     en_two_currencies, en_two_row_header)}
#: round two, written after the first round's fixes (``bench/RESULTS.md``, tables8)
ROUND_TWO = {f.__name__: f for f in (cn_rotated_landscape, en_qty_units, cn_export_invoice, cn_amount_group_head,
                                     en_carried_three)}
#: round three, written after round two's fixes (``bench/RESULTS.md``, tables8)
ROUND_THREE = {f.__name__: f for f in (en_serial_numbers, en_group_subtotals, cn_discount_columns, en_landscape_packing,
                                       cn_qty_gross_price)}
#: round four, written after round three (``bench/RESULTS.md``, tables8)
ROUND_FOUR = {f.__name__: f for f in (cn_headless_continuation, cn_yen_cells, en_qty_first, en_gross_price_net_amount,
                                      en_vat_codes)}
#: round five, written after round four (``bench/RESULTS.md``, tables8)
ROUND_FIVE = {f.__name__: f for f in (cn_page_widths_differ, en_subtotal_then_freight, en_bottom_aligned, cn_digit_sku,
                                      cn_remarks_figures)}
