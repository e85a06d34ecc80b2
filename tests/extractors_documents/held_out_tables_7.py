"""A seventh held-out set of item tables written by hand (issue 14 §4), of shapes no earlier set had, drawn with
``line_tables.py``'s reportlab helpers (never the generator): a 数电票 whose 数量 has 6 decimals and 单价 8; a
one-line invoice (详见销货清单) whose lines are on the 销售货物或者提供应税劳务清单 of page 2; 30 lines over three
pages, header repeated and a 小计 per page; 免税 and 不征税 lines with ``***`` as tax; six rates in one table; a
折扣 line under every item; names wrapped over three lines beside a 规格型号 over two; 含税单价 beside
不含税单价; 序号 first and 金额 before 单价; service lines with no 数量; a lease's 不动产权证号 and 租赁期 between
the name and the amount; ruling lines drawn with the words across them; a template and its values as separate
text layers (values first, column by column); an English commercial invoice with HS code, origin and net weight
between description and amount, ``1,200 PCS`` quantities and carried/brought forward at a page break; a
``Qty x Rate`` column; a German Rechnung with ``Pos.``, ``Rabatt %`` and ``MwSt.-Satz`` per line; a French
facture with ``PU HT``, ``Remise``, ``Total HT`` and two VAT rates. Each builder returns the truth of every line
(a discounted line keeps no list price: its unit price is ``None``, as in ``line_tables.en_discount_column``)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP
from decimal import Decimal as D
from functools import partial
from pathlib import Path

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
    cn_row,
    cols_of,
    ln,
    subtotal,
    table,
    x_of,
)
from tests.extractors_documents.line_tables_2 import _de

C2 = D("0.01")
BUYER = ("无锡天成机电设备有限公司", "91320205MA1Q2R3T46")
SELLER = ("常州润达电子科技有限公司", "91320411MA1P8K2X5D")


def _r(v: D) -> D:
    return v.quantize(C2, ROUND_HALF_UP)


def _goods(name: str, qty: str, price: str, rate: str, *, spec: str | None = None, unit: str = "个",
           amount: str | None = None) -> dict:
    """A goods line: amount = quantity x unit price rounded (or as given), tax = amount x rate rounded."""
    a = D(amount) if amount else _r(D(qty) * D(price))
    t = ln(name, f"{a:.2f}", qty=qty, price=price, rate=rate, tax=f"{_r(a * D(rate)):.2f}", spec=spec)
    t["unit"] = unit
    return t


#: 项目名称 | 规格型号 | 单位 | 数量 | 单价 | 金额 | 税率 | 税额 as printed, a line's unit only its own
_cn_row = partial(cn_row, unit="")
#: line_tables' column builders under the names held_out_tables_8 imports from here
_cols, _x_of = cols_of, x_of


STD = [("项目名称", 46), ("规格型号", 26), ("单位", 12, "c"), ("数量", 20, "r"), ("单价", 24, "r"), ("金额", 22, "r"),
       ("税率/征收率", 14, "c"), ("税额", 22, "r")]


def _shudian(pdf: Pdf, number: str, day: str, buyer: tuple[str, str] = BUYER,
             seller: tuple[str, str] = (OURS, OUR_TAX_ID)) -> float:
    return _cn_head(pdf, "电子发票（增值税专用发票）", number, day, buyer, seller)


def _box(pdf: Pdf, top: float, end: float) -> None:
    pdf.rect(12, top, 186, end - top)


def _one_table(path: Path, lines: list[dict], number: str, day: str, *, spec: list[tuple] = STD,
               rows: list[list] | None = None, grid: str = "box", title: str = "电子发票（增值税专用发票）",
               buyer: tuple[str, str] = BUYER, seller: tuple[str, str] = (OURS, OUR_TAX_ID)) -> list[dict]:
    """A one-page VAT invoice of ``lines`` in one table (``grid``: ``box`` an outer box and no inner rules, else
    as :func:`table` draws it; ``rows`` as printed, else :func:`_cn_row`), 合计 and 价税合计 under it."""
    pdf = Pdf(path)
    y = _cn_head(pdf, title, number, day, buyer, seller)
    cols = cols_of(spec)
    boxed = grid == "box"
    end = table(pdf, 12, y, cols, rows if rows is not None else [_cn_row(t) for t in lines],
                grid="none" if boxed else grid, head_rule=not boxed)
    if boxed:
        _box(pdf, y, end)
    _cn_foot(pdf, end, _sum(lines, "amount"), _sum(lines, "tax"), x_of(cols, "金额"), 197)
    pdf.save()
    return lines


# -- Chinese ---------------------------------------------------------------------------------------------
def cn_decimals(path: Path) -> list[dict]:
    """数电票, one outer box and no inner rules: 数量 printed with 6 decimals, 单价 with 8."""
    lines = [_goods("*电子元件*贴片电阻", "12.500000", "3.45132743", "0.13", spec="0603 10KΩ±1%", unit="千只"),
             _goods("*电子元件*铝电解电容", "2000.000000", "0.13274336", "0.13", spec="25V470μF", unit="只"),
             _goods("*电线电缆*屏蔽电缆", "305.500000", "2.65486726", "0.13", spec="RVVP4x0.5", unit="米"),
             _goods("*电子元件*贴片电容", "0.750000", "176.99115044", "0.13", spec="0805-100nF", unit="万只")]
    return _one_table(path, lines, "26322000000077001101", "2026年04月08日")


def cn_goods_list(path: Path) -> list[dict]:
    """A 普票 whose table shows one line ``（详见销货清单）`` with the totals; the lines are on page 2, the
    销售货物或者提供应税劳务清单, with 序号, 小计 and 总计 rows."""
    specs = [("*金属制品*不锈钢六角螺栓", "M10x30", "500", "0.86"), ("*金属制品*不锈钢六角螺母", "M10", "500", "0.31"),
             ("*金属制品*不锈钢平垫", "Φ10", "1000", "0.09"), ("*金属制品*不锈钢弹垫", "Φ10", "1000", "0.07"),
             ("*金属制品*膨胀螺栓", "M12x100", "200", "2.35"), ("*金属制品*化学锚栓", "M16x190", "60", "11.80"),
             ("*金属制品*U型抱箍", "DN80", "120", "4.60"), ("*金属制品*镀锌角钢支架", "L50x5", "40", "38.50"),
             ("*金属制品*不锈钢扎带", "4.6x300", "2000", "0.12")]
    lines = [_goods(n, q, p, "0.13", spec=s, unit="个") for n, s, q, p in specs]
    net, tax = _sum(lines, "amount"), _sum(lines, "tax")
    pdf = Pdf(path)
    y = _cn_head(pdf, "江苏增值税电子普通发票", "26327000000033445566", "2026年04月09日", BUYER, (OURS, OUR_TAX_ID))
    cols = cols_of([("货物或应税劳务、服务名称", 52), ("规格型号", 22), ("单位", 12, "c"), ("数量", 18, "r"),
                  ("单价", 20, "r"), ("金额", 24, "r"), ("税率", 14, "c"), ("税额", 24, "r")])
    end = table(pdf, 12, y, cols, [["（详见销货清单）", "", "", "", "", f"{net:.2f}", "13%", f"{tax:.2f}"]],
                grid="none", head_rule=False)
    end += 8
    _box(pdf, y, end)
    _cn_foot(pdf, end, net, tax, x_of(cols, "金额"), 197)
    pdf.page()
    pdf.text(105, 16, "销售货物或者提供应税劳务清单", 13, "c")
    pdf.text(14, 26, f"购买方名称：{BUYER[0]}", 8)
    pdf.text(14, 31, f"销售方名称：{OURS}", 8)
    pdf.text(14, 36, "所属增值税电子普通发票代码：032001900111    号码：33445566    共1页 第1页", 8)
    lcols = cols_of([("序号", 10, "c"), ("货物（劳务）名称", 46), ("规格型号", 20), ("单位", 10, "c"), ("数量", 18, "r"),
                   ("单价", 20, "r"), ("金额", 24, "r"), ("税率", 12, "c"), ("税额", 26, "r")])
    rows = [[str(i + 1), *_cn_row(t)] for i, t in enumerate(lines)]
    rows.append(["", "小计", "", "", "", "", f"{net:.2f}", "", f"{tax:.2f}"])
    rows.append(["", "总计", "", "", "", "", f"{net:.2f}", "", f"{tax:.2f}"])
    end = table(pdf, 12, 40, lcols, rows, grid="lines")
    pdf.text(14, end + 6, "备注：", 8)
    pdf.text(14, end + 14, "销售方（章）：", 8)
    pdf.text(130, end + 14, "填开日期：2026年04月09日", 8)
    pdf.save()
    return lines


def cn_three_pages(path: Path) -> list[dict]:
    """30 lines over three pages, no rules in the body: the header repeated on every page, a 小计 row under
    each page's part, 合计 at the end of page 3."""
    names = ["*塑料制品*PP周转箱", "*塑料制品*PE缠绕膜", "*纸制品*瓦楞纸箱", "*塑料制品*气泡垫", "*纸制品*护角条",
             "*塑料制品*打包带"]
    lines = []
    for i in range(30):
        qty = str((10, 24, 50, 120, 200, 36)[i % 6] + i)
        price = f"{D(137 + 211 * i % 900) / 100:.2f}"
        lines.append(_goods(names[i % 6], qty, price, "0.13", spec=f"{300 + i * 10}x200", unit="件"))
    cols = cols_of([("货物或应税劳务、服务名称", 50), ("规格型号", 22), ("单位", 12, "c"), ("数量", 16, "r"),
                  ("单价", 20, "r"), ("金额", 26, "r"), ("税率", 14, "c"), ("税额", 26, "r")])
    net_x, tax_x = x_of(cols, "金额"), 197
    pdf = Pdf(path)
    y = _shudian(pdf, "26322000000012300030", "2026年04月10日")
    end = 0.0
    for part, page_lines in enumerate((lines[:12], lines[12:24], lines[24:])):
        if part:
            pdf.page()
            pdf.text(105, 15, "电子发票（增值税专用发票）", 12, "c")
            pdf.text(150, 22, "发票号码：26322000000012300030", 8)
            pdf.text(150, 27, f"第{part + 1}页 共3页", 8)
            y = 32
        end = table(pdf, 12, y, cols, [_cn_row(t) for t in page_lines], grid="none")
        pdf.line(12, end, 198, end, 0.3)
        subtotal(pdf, end, page_lines, net_x, tax_x)
    _cn_foot(pdf, end + 8, _sum(lines, "amount"), _sum(lines, "tax"), net_x, tax_x)
    pdf.save()
    return lines


def cn_exempt(path: Path) -> list[dict]:
    """免税 lines (rate ``免税``, tax ``***``) and a 不征税 line (rate ``不征税``, tax ``***``) beside a 13% line:
    an exempt line's rate and tax are zero."""
    veg = _goods("*蔬菜*新鲜西兰花", "500", "6.80", "0", unit="千克")
    fruit = _goods("*水果*赣南脐橙", "320", "9.50", "0", unit="千克")
    card = ln("*预付卡销售*单用途商业预付卡", "5000.00", tax="0.00")
    tray = _goods("*金属制品*不锈钢托盘", "40", "56.00", "0.13", spec="600x400", unit="个")
    lines = [veg, fruit, card, tray]
    rows = [_cn_row(veg, rate="免税", tax="***"), _cn_row(fruit, rate="免税", tax="***"),
            _cn_row(card, rate="不征税", tax="***"), _cn_row(tray)]
    return _one_table(path, lines, "26327000000055001234", "2026年04月11日", rows=rows, title="电子发票（普通发票）",
                      buyer=(OURS, OUR_TAX_ID), seller=("苏州绿源农产品配送有限公司", "91320505MA1N6HT42W"))


def cn_six_rates(path: Path) -> list[dict]:
    """One table with 0%, 1%, 3%, 6%, 9% and 13% lines (a trading company's mixed sales), ruled by lines."""
    lines = [_goods("*金属制品*出口退货复运件", "10", "88.00", "0", unit="件"),
             _goods("*农产品*大豆", "1000", "4.20", "0.01", unit="千克"),
             _goods("*塑料制品*旧周转箱", "60", "15.00", "0.03", unit="个"),
             ln("*现代服务*仓储服务费", "2830.19", rate="0.06", tax="169.81"),
             ln("*运输服务*国内道路货物运输服务", "917.43", rate="0.09", tax="82.57"),
             _goods("*金属制品*碳钢法兰", "24", "132.74", "0.13", spec="DN100 PN16", unit="片")]
    lines[3]["unit"] = lines[4]["unit"] = "次"
    return _one_table(path, lines, "26322000000012306613", "2026年04月12日", grid="lines")


def cn_discount_each(path: Path) -> list[dict]:
    """A 折扣 line under every item: the same name, a negative amount and tax, the rate printed again."""
    items = [_goods("*日用杂品*劳保手套", "600", "3.50", "0.13", spec="涤纶浸胶", unit="双"),
             _goods("*日用杂品*防护口罩", "2000", "0.88", "0.13", spec="KN95", unit="只"),
             _goods("*服装*反光背心", "150", "18.00", "0.13", spec="XL", unit="件")]
    lines = []
    for t, off in zip(items, ("-105.00", "-88.00", "-135.00"), strict=True):
        lines += [t, ln(t["description"], off, rate="0.13", tax=f"{_r(D(off) * D('0.13')):.2f}")]
    return _one_table(path, lines, "26322000000012307744", "2026年04月13日")


def cn_wrap_three(path: Path) -> list[dict]:
    """Names wrapped over three lines in a narrow ruled cell while the 规格型号 beside them wraps over two."""
    lines = [_goods("*机械设备*全自动伺服数控转塔冲床送料机构组件", "2", "18600.00", "0.13",
                    spec="304不锈钢法兰球阀配件组", unit="套"),
             _goods("*机械零部件*直线导轨滑块及润滑油路总成", "16", "742.50", "0.13", spec="HGH25CA滑块加长型",
                    unit="件"),
             _goods("*电机*交流伺服电机", "4", "3250.00", "0.13", spec="750W", unit="台")]
    return _one_table(path, lines, "26322000000012308855", "2026年04月14日", grid="lines",
                      spec=[("项目名称", 30), ("规格型号", 22), ("单位", 12, "c"), ("数量", 16, "r"), ("单价", 26, "r"),
                            ("金额", 28, "r"), ("税率/征收率", 22, "c"), ("税额", 30, "r")])


def cn_two_prices(path: Path) -> list[dict]:
    """含税单价 and 不含税单价 side by side: the line's unit price is the price net of tax."""
    specs = [("*照明装置*LED工矿灯", "150W", "40", "226.00"), ("*照明装置*LED面板灯", "600x600", "120", "96.05"),
             ("*电线电缆*阻燃电线", "BV2.5", "30", "169.50")]
    lines, rows = [], []
    for n, s, q, gross in specs:
        price = (D(gross) / D("1.13")).quantize(D("0.00000001"), ROUND_HALF_UP)
        amount = _r(D(q) * D(gross) / D("1.13"))
        t = _goods(n, q, f"{price}", "0.13", spec=s, unit="盏" if "灯" in n else "卷", amount=f"{amount}")
        t["tax"] = _r(D(q) * D(gross)) - amount
        lines.append(t)
        rows.append([n, s, t["unit"], q, gross, f"{price}", f"{amount:.2f}", "13%", f"{t['tax']:.2f}"])
    return _one_table(path, lines, "26322000000012309966", "2026年04月15日", grid="lines", rows=rows,
                      spec=[("项目名称", 36), ("规格型号", 18), ("单位", 10, "c"), ("数量", 12, "r"),
                            ("含税单价", 20, "r"), ("不含税单价", 24, "r"), ("金额", 24, "r"), ("税率", 14, "c"),
                            ("税额", 28, "r")])


def cn_seq_amount_first(path: Path) -> list[dict]:
    """序号 first and 金额 before 单价: 序号 | 项目名称 | 规格型号 | 单位 | 数量 | 金额 | 单价 | 税率 | 税额."""
    lines = [_goods("*橡胶制品*O型密封圈", "1000", "0.65", "0.13", spec="NBR 20x2", unit="个"),
             _goods("*橡胶制品*骨架油封", "300", "4.80", "0.13", spec="TC35x52x7", unit="个"),
             _goods("*润滑油*锂基润滑脂", "12", "45.00", "0.13", spec="2#", unit="桶")]
    rows = []
    for i, t in enumerate(lines):
        r = _cn_row(t)
        rows.append([str(i + 1), *r[:4], r[5], r[4], *r[6:]])
    return _one_table(path, lines, "26322000000012301177", "2026年04月16日", grid="rects", rows=rows,
                      spec=[("序号", 10, "c"), ("项目名称", 44), ("规格型号", 24), ("单位", 12, "c"), ("数量", 16, "r"),
                            ("金额", 24, "r"), ("单价", 18, "r"), ("税率", 12, "c"), ("税额", 26, "r")])


def cn_service_no_qty(path: Path) -> list[dict]:
    """Service lines printing no 数量 or 单价 (one with its 单位, one without) between goods lines, at 6%, 9%
    and 13%."""
    lines = [_goods("*金属制品*定制钣金机箱", "20", "680.00", "0.13", spec="SPCC 1.2mm", unit="台"),
             ln("*现代服务*技术服务费", "15000.00", rate="0.06", tax="900.00"),
             ln("*运输服务*国内道路货物运输服务", "1834.86", rate="0.09", tax="165.14"),
             _goods("*金属制品*安装支架", "40", "35.00", "0.13", unit="套")]
    lines[1]["unit"] = "次"
    return _one_table(path, lines, "26322000000012302288", "2026年04月17日")


def cn_lease(path: Path) -> list[dict]:
    """不动产经营租赁: 项目名称 | 不动产权证号 | 租赁期起止 | 面积单位 | 数量 | 单价 | 金额 | 税率 | 税额; the
    certificate number and the period (digits) sit between the name and the amount."""
    lines = [_goods("*经营租赁*厂房租金", "1200", "23.85", "0.09", unit="平方米"),
             _goods("*经营租赁*仓库租金", "450", "17.43", "0.09", unit="平方米"),
             ln("*经营租赁*物业管理费", "1886.79", rate="0.06", tax="113.21")]
    lines[2]["unit"] = "月"
    certs = ["苏(2021)苏州市不动产权第0012345号", "苏(2021)苏州市不动产权第0012346号", ""]
    rows = []
    for t, cert in zip(lines, certs, strict=True):
        r = _cn_row(t)
        rows.append([r[0], cert, ["2026-04-01", "2026-04-30"], *r[2:]])
    return _one_table(path, lines, "26322000000012303399", "2026年04月01日", grid="lines", rows=rows,
                      buyer=(OURS, OUR_TAX_ID), seller=("苏州工业园区新创置业有限公司", "91320594MA1T3KQ88E"),
                      spec=[("项目名称", 30), ("不动产权证号", 34), ("租赁期起止", 24, "c"), ("面积单位", 14, "c"),
                            ("数量", 14, "r"), ("单价", 14, "r"), ("金额", 22, "r"), ("税率", 12, "c"), ("税额", 22, "r")])


def _draw_values(pdf: Pdf, cols: list[Col], rows: list[list[str]], y: float, *, dx: float, dy: float,
                 layer: bool, order: str = "rows", pitch: float = 5.6) -> None:
    """The values of a pre-printed grid, each at its cell (1 mm in) moved by ``dx``/``dy`` mm; ``order``
    ``columns`` draws them column by column."""
    bounds, x = [], 12.0
    for c in cols:
        bounds.append((x, x + c.w, c.align))
        x += c.w
    cells = [(n, k) for n in range(len(rows)) for k in range(len(cols))]
    if order == "columns":
        cells.sort(key=lambda nk: (nk[1], nk[0]))
    for n, k in cells:
        v = rows[n][k]
        if not v:
            continue
        x0, x1, align = bounds[k]
        px = x1 - 1 if align == "r" else (x0 + x1) / 2 if align == "c" else x0 + 1
        pdf.text(px + dx, y + 5.6 + n * pitch + 3.8 + dy, v, 8, align, layer=layer)


def cn_across_rules(path: Path) -> list[dict]:
    """A pre-printed grid and values printed 2.5 mm right and 1.2 mm up of their cells: right-aligned figures
    run over the rule into the next cell, names start left of their cell's rule."""
    lines = [_goods("*金属制品*不锈钢合页", "400", "7.85", "0.13", spec="4寸 304", unit="片"),
             _goods("*金属制品*铝合金拉手", "250", "12.60", "0.13", spec="128mm", unit="个"),
             _goods("*金属制品*门吸", "180", "9.40", "0.13", spec="304拉丝", unit="个")]
    pdf = Pdf(path)
    y = _shudian(pdf, "26322000000012304400", "2026年04月18日")
    cols = cols_of(STD)
    table(pdf, 12, y, cols, [[""] * 8 for _ in lines], grid="lines", lead=3.6)
    _draw_values(pdf, cols, [_cn_row(t) for t in lines], y, dx=2.5, dy=-1.2, layer=False)
    end = y + 5.6 * (len(lines) + 1)
    _cn_foot(pdf, end, _sum(lines, "amount"), _sum(lines, "tax"), x_of(cols, "金额"), 197)
    pdf.save()
    return lines


def cn_values_first(path: Path) -> list[dict]:
    """Values and template as separate text layers, the values first in the file and column by column (all
    names, then all specs ...), 1.4 mm below and 0.8 mm left of where the template meant them."""
    lines = [_goods("*仪器仪表*数字压力表", "30", "286.00", "0.13", spec="0-1.6MPa", unit="只"),
             _goods("*仪器仪表*双金属温度计", "45", "118.50", "0.13", spec="WSS-411", unit="只"),
             ln("*现代服务*仪表校验服务", "1886.79", rate="0.06", tax="113.21")]
    lines[2]["unit"] = "次"
    pdf = Pdf(path)
    y = 54.0
    cols = cols_of(STD)
    _draw_values(pdf, cols, [_cn_row(t) for t in lines], y, dx=-0.8, dy=1.4, layer=False, order="columns")
    net, tax = _sum(lines, "amount"), _sum(lines, "tax")
    pdf.text(x_of(cols, "金额") - 0.8, y + 5.6 * 4 + 5 + 1.4, f"¥{net:.2f}", 8, "r")
    pdf.text(197 - 0.8, y + 5.6 * 4 + 5 + 1.4, f"¥{tax:.2f}", 8, "r")
    # the template: header, grid, labels, then the header values (an issuer's software prints them last)
    _shudian(pdf, "26322000000012305511", "2026年04月19日", seller=("上海仪科自动化仪表有限公司", "91310112MA1GB7RP5K"),
             buyer=(OURS, OUR_TAX_ID))
    table(pdf, 12, y, cols, [[""] * 8 for _ in lines], grid="lines")
    end = y + 5.6 * (len(lines) + 1)
    from extractors.parse import amount_to_chinese_upper

    pdf.rect(12, end, 186, 7)
    pdf.rect(12, end + 7, 186, 7)
    pdf.text(20, end + 5, "合        计", 8)
    pdf.text(20, end + 12, "价税合计（大写）", 8)
    pdf.text(50, end + 12, f"⊗{amount_to_chinese_upper(net + tax)}", 8)
    pdf.text(140, end + 12, f"（小写）¥{net + tax:.2f}", 8)
    pdf.save()
    return lines


# -- English and European --------------------------------------------------------------------------------
def en_commercial(path: Path) -> list[dict]:
    """An exporter's commercial invoice over two pages: No. | Description of Goods | HS Code | Origin | N.W. (kg)
    | Quantity | Unit Price (USD) | Amount (USD); quantities with units (``1,200 PCS``), ``Carried forward`` at
    page 1's foot and ``Brought forward`` at page 2's head."""
    items = [("Stainless steel hex bolt M10x40", "7318158000", "1200", "PCS", "0.085", "52.8"),
             ("Stainless steel hex nut M10", "7318160000", "2400", "PCS", "0.031", "26.4"),
             ("Flat washer M10, A2", "7318220000", "5000", "PCS", "0.012", "11.5"),
             ("Spring washer M10, A2", "7318210000", "5000", "PCS", "0.010", "8.0"),
             ("Carbon steel flange DN100 PN16", "7307910000", "80", "SETS", "14.60", "512.0"),
             ("Pipe clamp with rubber, 2 in", "7326909000", "600", "PCS", "0.92", "96.0"),
             ("Threaded rod M12 x 1 m, zinc plated", "7318190000", "300", "PCS", "1.35", "246.0"),
             ("Anchor bolt M16x190", "7318150000", "400", "PCS", "2.40", "188.0"),
             ("U-bolt M8 for DN50 pipe", "7318150000", "1000", "PCS", "0.38", "74.0")]
    lines = [ln(n, f"{_r(D(q) * D(p)):.2f}", qty=q, price=p) for n, _hs, q, _u, p, _w in items]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, [OURS_EN, "88 Xinghu Street, Suzhou Industrial Park, Jiangsu 215000, China",
                       "Tel +86 512 6288 1234"], "COMMERCIAL INVOICE",
                 [("Invoice No.", "HR-CI-260418"), ("Date", "18 Apr 2026"), ("Terms", "FOB Shanghai")],
                 ["Nordic Fasteners AB", "Industrigatan 9, 212 35 Malmö, Sweden"])
    cols = [Col("No.", 8, "c"), Col("Description of Goods", 50, head="l"), Col("HS Code", 20, "c"),
            Col("Origin", 14, "c"), Col("N.W. (kg)", 16, "r", "r"), Col("Quantity", 22, "r", "r"),
            Col("Unit Price\n(USD)", 20, "r", "r"), Col("Amount\n(USD)", 24, "r", "r")]

    def rows(part: list, start: int) -> list[list]:
        return [[str(start + i + 1), n, hs, "China", w, f"{int(q):,} {u}", p, f"{_r(D(q) * D(p)):,.2f}"]
                for i, (n, hs, q, u, p, w) in enumerate(part)]

    first = _sum(lines[:6], "amount")
    end = table(pdf, 16, y, cols, [*rows(items[:6], 0)], grid="none", lead=4.4)
    pdf.line(16, end, 190, end, 0.3)
    pdf.text(26, end + 5, "Carried forward", 8)
    pdf.text(189, end + 5, f"{first:,.2f}", 8, "r")
    pdf.text(105, 285, "Page 1 of 2", 7, "c")
    pdf.page()
    pdf.text(16, 20, "Commercial Invoice HR-CI-260418 (continued)", 9)
    end = table(pdf, 16, 28, cols, [["", "Brought forward", "", "", "", "", "", f"{first:,.2f}"], *rows(items[6:], 6)],
                grid="none", lead=4.4)
    total = _sum(lines, "amount")
    pdf.line(16, end, 190, end, 0.3)
    pdf.totals(120, end + 7, [("Total N.W.", "1,214.7 kg"), ("TOTAL FOB SHANGHAI", f"USD {total:,.2f}")], step=6)
    pdf.text(16, end + 24, "Country of origin: China. We certify this invoice is true and correct.", 7)
    pdf.save()
    return lines


def en_qty_x_rate(path: Path) -> list[dict]:
    """A consultancy's invoice whose one column prints ``Qty x Rate`` (``12 hrs x $95.00``, ``1,200 PCS x
    $0.85``) before the amount."""
    lines = [ln("Fixture design, phase 2", "1140.00", qty="12", price="95.00"),
             ln("Sample parts, machined", "1020.00", qty="1200", price="0.85"),
             ln("Travel to plant (flat fee)", "350.00", qty="1", price="350.00")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Ridgeway Engineering LLC", "410 Commerce Dr, Greenville, SC 29607", "EIN 57-1180452"],
                 "INVOICE", [("Invoice #", "RE-3307"), ("Invoice Date", "April 20, 2026"), ("Due Date", "May 20, 2026")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    cols = [Col("Description", 90, head="l"), Col("Qty x Rate", 45, "r", "r"), Col("Amount", 35, "r", "r")]
    rows = [["Fixture design, phase 2", "12 hrs x $95.00", "$1,140.00"],
            ["Sample parts, machined", "1,200 PCS x $0.85", "$1,020.00"],
            ["Travel to plant (flat fee)", "1 x $350.00", "$350.00"]]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.6)
    pdf.totals(140, end + 8, [("Subtotal", "$2,510.00"), ("Sales Tax", "$0.00"), ("Total Due", "$2,510.00")])
    pdf.save()
    return lines


def de_rabatt(path: Path) -> list[dict]:
    """A German Rechnung: Pos. | Art.-Nr. | Bezeichnung | Menge | Einzelpreis | Rabatt % | MwSt.-Satz | Gesamtpreis,
    a discount and a rate (19 % / 7 %) per line, German figures; a discounted line keeps no list price."""
    items = [("HY-2210", "Hydraulikschlauch DN10, 1 m", "20", "18,40", "10", "19"),
             ("HY-2230", "Schlauchschelle 16-27 mm", "200", "0,45", "0", "19"),
             ("DR-0017", "Fachbuch Hydraulik, 3. Auflage", "2", "49,90", "5", "7"),
             ("SV-9000", "Kupplungsstecker NW10", "40", "6,75", "12,5", "19")]
    lines = []
    for sku, name, q, p, r, v in items:
        price = D(p.replace(",", "."))
        amount = _r(D(q) * price * (1 - D(r.replace(",", ".")) / 100))
        lines.append(ln(name, f"{amount:.2f}", qty=q, price=None if r != "0" else f"{price}",
                        rate=f"{D(v) / 100}", sku=sku))
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Hydraulik Sauer GmbH", "Ringstr. 44, 44145 Dortmund", "USt-IdNr. DE261177490"], "RECHNUNG",
                 [("Rechnungsnummer", "RG-26-04417"), ("Rechnungsdatum", "21.04.2026"), ("Kundennr.", "K-88410")],
                 [OURS_DE_NAME, "Am Sandtorkai 50, 20457 Hamburg"])
    cols = [Col("Pos.", 10, "c", "l"), Col("Art.-Nr.", 18, "l", "l"), Col("Bezeichnung", 52, "l", "l"),
            Col("Menge", 14, "r", "r"), Col("Einzelpreis", 20, "r", "r"), Col("Rabatt %", 16, "r", "r"),
            Col("MwSt.-Satz", 18, "r", "r"), Col("Gesamtpreis", 24, "r", "r")]
    rows = [[str(i + 1), sku, name, q, p, r, f"{v} %", _de(t["amount"])]
            for i, ((sku, name, q, p, r, v), t) in enumerate(zip(items, lines, strict=True))]
    end = table(pdf, 16, y, cols, rows, grid="none", lead=4.4)
    net = _sum(lines, "amount")
    t19 = _r(sum((t["amount"] for t in lines if t["tax_rate"] == D("0.19")), D(0)) * D("0.19"))
    t7 = _r(sum((t["amount"] for t in lines if t["tax_rate"] == D("0.07")), D(0)) * D("0.07"))
    pdf.totals(120, end + 8, [("Nettobetrag", f"{_de(net)} €"), ("MwSt. 19 %", f"{_de(t19)} €"),
                              ("MwSt. 7 %", f"{_de(t7)} €"), ("Rechnungsbetrag", f"{_de(net + t19 + t7)} €")])
    pdf.save()
    return lines


OURS_DE_NAME = "Hengrui Precision Europe GmbH"


def _fr(v: D) -> str:
    return f"{v:,.2f}".replace(",", " ").replace(".", ",")


def fr_two_rates(path: Path) -> list[dict]:
    """A French facture: Réf. | Désignation | Qté | PU HT | Remise | Total HT | TVA, ``Remise`` a percentage,
    lines at 20 % and 5,5 %, figures ``1 234,56``."""
    items = [("ECR-210", "Écrou borgne inox M8", "500", "0,62", "", "20"),
             ("VIS-455", "Vis tête fraisée TX M6x30", "1000", "0,19", "5 %", "20"),
             ("LIV-010", "Manuel technique (livre)", "3", "38,00", "", "5,5"),
             ("CHV-800", "Cheville à frapper 8x60", "2400", "0,09", "10 %", "20")]
    lines = []
    for sku, name, q, p, r, v in items:
        price = D(p.replace(",", "."))
        off = D(r.rstrip(" %")) / 100 if r else D(0)
        amount = _r(D(q) * price * (1 - off))
        lines.append(ln(name, f"{amount:.2f}", qty=q, price=None if r else f"{price}",
                        rate=f"{D(v.replace(',', '.')) / 100}", sku=sku))
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Visserie Dumont SAS", "12 rue des Forges, 69007 Lyon", "TVA FR 47 512 334 908"], "FACTURE",
                 [("N° de facture", "F-2026-0912"), ("Date de facture", "22/04/2026"), ("Échéance", "22/05/2026")],
                 [OURS_DE_NAME, "Am Sandtorkai 50, 20457 Hamburg"])
    cols = [Col("Réf.", 18, "l", "l"), Col("Désignation", 60, "l", "l"), Col("Qté", 14, "r", "r"),
            Col("PU HT", 18, "r", "r"), Col("Remise", 16, "r", "r"), Col("Total HT", 26, "r", "r"),
            Col("TVA", 14, "r", "r")]
    rows = [[sku, name, q, p, r, _fr(t["amount"]), f"{v} %"]
            for (sku, name, q, p, r, v), t in zip(items, lines, strict=True)]
    end = table(pdf, 20, y, cols, rows, grid="rects")
    net = _sum(lines, "amount")
    b20 = sum((t["amount"] for t in lines if t["tax_rate"] == D("0.2")), D(0))
    b55 = net - b20
    t20, t55 = _r(b20 * D("0.2")), _r(b55 * D("0.055"))
    pdf.totals(120, end + 8, [("Total HT", f"{_fr(net)} €"), ("TVA 20 %", f"{_fr(t20)} €"),
                              ("TVA 5,5 %", f"{_fr(t55)} €"), ("Total TTC", f"{_fr(net + t20 + t55)} €")])
    pdf.save()
    return lines


# -- round two: written after the first fixes, to see whether they hold on other shapes -----------------------
def de_lieferschein(path: Path) -> list[dict]:
    """An SAP-style German Rechnung: items numbered 10, 20, 30, a ``Lieferschein 80012 vom 02.04.2026`` row over
    each delivery's items (digits, no amount), a discount printed with a trailing minus (``12,50-``)."""
    lines = [ln("Zylinderschraube ISO 4762 M8x25", "96.00", qty="400", price="0.24", sku="100233"),
             ln("Sechskantmutter ISO 4032 M8", "36.00", qty="600", price="0.06", sku="100410"),
             ln("Sonderrabatt Lieferung 80012", "-12.50"),
             ln("Gewindestange DIN 976 M10x1000", "58.50", qty="30", price="1.95", sku="101877")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Würth Industrie Service Nord GmbH", "Hafenstr. 2, 24143 Kiel", "USt-IdNr. DE134466880"],
                 "RECHNUNG", [("Rechnungsnummer", "9400018812"), ("Rechnungsdatum", "06.04.2026"),
                              ("Kundennummer", "5517033")], [OURS_DE_NAME, "Am Sandtorkai 50, 20457 Hamburg"])
    cols = [Col("Pos.", 12, "l", "l"), Col("Materialnr.", 20, "l", "l"), Col("Bezeichnung", 66, "l", "l"),
            Col("Menge", 18, "r", "r"), Col("Preis", 20, "r", "r"), Col("Betrag", 30, "r", "r")]
    rows = [["", "", ["Lieferschein 80012 vom 02.04.2026"], "", "", ""],
            ["10", "100233", lines[0]["description"], "400 ST", "0,24", "96,00"],
            ["20", "100410", lines[1]["description"], "600 ST", "0,06", "36,00"],
            ["30", "", lines[2]["description"], "", "", "12,50-"],
            ["", "", ["Lieferschein 80057 vom 03.04.2026"], "", "", ""],
            ["40", "101877", lines[3]["description"], "30 ST", "1,95", "58,50"]]
    end = table(pdf, 16, y, cols, rows, grid="none", lead=4.4)
    net = _sum(lines, "amount")
    tax = _r(net * D("0.19"))
    pdf.totals(120, end + 8, [("Nettowert", f"{_de(net)} EUR"), ("MwSt. 19 %", f"{_de(tax)} EUR"),
                              ("Endbetrag", f"{_de(net + tax)} EUR")])
    pdf.save()
    return lines


def en_sections(path: Path) -> list[dict]:
    """An English invoice whose table has section heading rows (``Hardware``, ``Services``) with no figures
    between the item rows."""
    lines = [ln("Industrial PC, fanless, i5", "2780.00", qty="2", price="1390.00", sku="IPC-5020"),
             ln("24 in touch monitor", "1240.00", qty="2", price="620.00", sku="TM-24"),
             ln("On-site commissioning", "960.00", qty="8", price="120.00", sku="SV-COM"),
             ln("Operator training (remote)", "300.00", qty="3", price="100.00", sku="SV-TRN")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Brightline Automation Ltd", "Unit 9, Lakeside Park, Reading RG2 6UB", "VAT No. GB 227 4410 93"],
                 "INVOICE", [("Invoice No.", "BA-20417"), ("Invoice Date", "07/04/2026"), ("PO", "HR-PO-8812")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    cols = [Col("Item", 24, "l", "l"), Col("Description", 76, "l", "l"), Col("Qty", 14, "r", "r"),
            Col("Unit Price", 26, "r", "r"), Col("Amount", 30, "r", "r")]

    def row(t: dict) -> list:
        return [t["sku"], t["description"], f"{t['quantity']}", f"{t['unit_price']:,.2f}", f"{t['amount']:,.2f}"]

    rows = [["", ["Hardware"], "", "", ""], row(lines[0]), row(lines[1]), ["", ["Services"], "", "", ""],
            row(lines[2]), row(lines[3])]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.6)
    net = _sum(lines, "amount")
    pdf.totals(140, end + 8, [("Net", f"£{net:,.2f}"), ("VAT 20%", f"£{net * D('0.2'):,.2f}"),
                              ("Total", f"£{net * D('1.2'):,.2f}")])
    pdf.save()
    return lines


def it_fattura(path: Path) -> list[dict]:
    """An Italian fattura ruled in cell rectangles: Cod. articolo | Descrizione | Q.tà | Prezzo unitario | Sconto % |
    Importo | IVA %, rates 22 / 10 / 4, Italian figures."""
    items = [("A-1120", "Guarnizione piana DN50", "200", "1,35", "", "22"),
             ("A-2281", "Valvola a sfera 1\" ottone", "25", "14,80", "10", "22"),
             ("L-0044", "Manuale d'uso stampato", "10", "6,50", "", "4"),
             ("S-9001", "Manutenzione impianto", "1", "480,00", "", "10")]
    lines = []
    for sku, name, q, p, sc, v in items:
        price = D(p.replace(",", "."))
        amount = _r(D(q) * price * (1 - (D(sc) / 100 if sc else 0)))
        lines.append(ln(name, f"{amount:.2f}", qty=q, price=None if sc else f"{price}", rate=f"{D(v) / 100}", sku=sku))
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Idraulica Bergamasca S.r.l.", "Via Provinciale 12, 24040 Bergamo", "P.IVA IT03311220168"],
                 "FATTURA", [("Numero fattura", "FT 2026/0412"), ("Data fattura", "08/04/2026")],
                 [OURS_DE_NAME, "Am Sandtorkai 50, 20457 Hamburg"])
    cols = [Col("Cod. articolo", 22), Col("Descrizione", 56), Col("Q.tà", 12, "r"), Col("Prezzo unitario", 26, "r"),
            Col("Sconto %", 16, "r"), Col("Importo", 24, "r"), Col("IVA %", 14, "r")]
    rows = [[sku, name, q, p, sc, _de(t["amount"]), v] for (sku, name, q, p, sc, v), t in zip(items, lines, strict=True)]
    end = table(pdf, 20, y, cols, rows, grid="rects")
    net = _sum(lines, "amount")
    iva = sum((_r(sum((t["amount"] for t in lines if t["tax_rate"] == r), D(0)) * r)
               for r in {t["tax_rate"] for t in lines}), D(0))
    pdf.totals(120, end + 8, [("Imponibile", f"€ {_de(net)}"), ("IVA", f"€ {_de(iva)}"),
                              ("Totale documento", f"€ {_de(net + iva)}")])
    pdf.save()
    return lines


def cn_across_left(path: Path) -> list[dict]:
    """A pre-printed ruled grid and values printed 2.4 mm left of their cells (the other way from
    ``cn_across_rules``): each name starts left of its cell's rule, figures end short of theirs."""
    lines = [_goods("*塑料制品*PVC线槽", "300", "8.60", "0.13", spec="40x25", unit="米"),
             _goods("*塑料制品*PVC穿线管", "500", "3.25", "0.13", spec="Φ20", unit="米"),
             _goods("*电线电缆*网线", "12", "368.00", "0.13", spec="CAT6", unit="箱")]
    pdf = Pdf(path)
    y = _shudian(pdf, "26322000000012304411", "2026年04月20日")
    cols = cols_of([("项目名称", 40), ("规格型号", 26), ("单位", 12, "c"), ("数量", 20, "r"), ("单价", 24, "r"),
                  ("金额", 26, "r"), ("税率/征收率", 16, "c"), ("税额", 22, "r")])
    table(pdf, 12, y, cols, [[""] * 8 for _ in lines], grid="lines")
    _draw_values(pdf, cols, [_cn_row(t) for t in lines], y, dx=-2.4, dy=0.6, layer=False)
    end = y + 5.6 * (len(lines) + 1)
    _cn_foot(pdf, end, _sum(lines, "amount"), _sum(lines, "tax"), x_of(cols, "金额"), 197)
    pdf.save()
    return lines


def en_qty_at_price(path: Path) -> list[dict]:
    """A Dutch supplier's English invoice: Description | Qty @ Price | Total, cells ``40 pcs @ € 12.50``."""
    lines = [ln("Stainless hinge 100 mm", "500.00", qty="40", price="12.50"),
             ln("Gas spring 200 N", "378.00", qty="24", price="15.75"),
             ln("Assembly labour", "262.50", qty="3.5", price="75.00")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Holland Hardware Supply B.V.", "Kanaalweg 18, 3526 KM Utrecht", "VAT NL859012345B01"],
                 "INVOICE", [("Invoice No.", "HHS-26-0931"), ("Invoice Date", "09-04-2026")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    cols = [Col("Description", 90, head="l"), Col("Qty @ Price", 45, "r", "r"), Col("Total", 35, "r", "r")]
    rows = [["Stainless hinge 100 mm", "40 pcs @ € 12.50", "€ 500.00"], ["Gas spring 200 N", "24 pcs @ € 15.75", "€ 378.00"],
            ["Assembly labour", "3.5 hrs @ € 75.00", "€ 262.50"]]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.6)
    pdf.totals(140, end + 8, [("Subtotal", "€ 1,140.50"), ("VAT 21%", "€ 239.51"), ("Total", "€ 1,380.01")])
    pdf.save()
    return lines


def cn_spec_digits(path: Path) -> list[dict]:
    """A 普票 with one outer box: every 规格型号 begins with a figure (``304 不锈钢``, ``2.5 平方``, ``20 升``)
    left-aligned under a centred header, beside a short name."""
    lines = [_goods("*金属制品*焊管", "2.150", "4380.53097345", "0.13", spec="304 Φ25x1.2", unit="吨"),
             _goods("*电线电缆*铜芯线", "20", "185.84070796", "0.13", spec="2.5 平方 BV", unit="卷"),
             _goods("*化学品*切削液", "6", "176.99115044", "0.13", spec="20 升/桶", unit="桶")]
    return _one_table(path, lines, "26327000000055009988", "2026年04月21日", title="电子发票（普通发票）")


def es_iva_column(path: Path) -> list[dict]:
    """A Spanish factura: Ref. | Concepto | Uds. | Precio ud. | % IVA | Cuota IVA | Total, a tax amount and rate per
    line (21 % and 10 %), Spanish figures."""
    items = [("R-01", "Rodamiento 6205 ZZ", "50", "3,10", "21"), ("R-02", "Retén 30x47x7", "80", "0,95", "21"),
             ("P-10", "Palet de madera reutilizado", "4", "12,00", "10")]
    lines = []
    for sku, name, q, p, v in items:
        a = _r(D(q) * D(p.replace(",", ".")))
        lines.append(ln(name, f"{a:.2f}", qty=q, price=p.replace(",", "."), rate=f"{D(v) / 100}",
                        tax=f"{_r(a * D(v) / 100):.2f}", sku=sku))
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Suministros Industriales Levante, S.A.", "Av. del Puerto 221, 46023 Valencia", "NIF A46112233"],
                 "FACTURA", [("Nº factura", "2026-V-00881"), ("Fecha", "10/04/2026")],
                 [OURS_DE_NAME, "Am Sandtorkai 50, 20457 Hamburg"])
    cols = [Col("Ref.", 14, "l", "l"), Col("Concepto", 56, "l", "l"), Col("Uds.", 12, "r", "r"),
            Col("Precio ud.", 20, "r", "r"), Col("% IVA", 14, "r", "r"), Col("Cuota IVA", 22, "r", "r"),
            Col("Total", 26, "r", "r")]
    rows = [[sku, name, q, p, v, _de(t["tax"]), _de(t["amount"])]
            for (sku, name, q, p, v), t in zip(items, lines, strict=True)]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.6)
    net, tax = _sum(lines, "amount"), _sum(lines, "tax")
    pdf.totals(120, end + 8, [("Base imponible", f"{_de(net)} €"), ("IVA", f"{_de(tax)} €"),
                              ("Total factura", f"{_de(net + tax)} €")])
    pdf.save()
    return lines


def en_net_vat_total(path: Path) -> list[dict]:
    """A UK supplier: Description | Qty | Unit Price | Net | VAT | Total, the ``Total`` column with the VAT in it
    beside the net amount (a bare ``Total`` head is the amount only where no other column is)."""
    lines = [ln("Steel shelving unit 1800 mm", "447.00", qty="3", price="149.00", tax="89.40"),
             ln("Shelf dividers, pack of 10", "64.80", qty="6", price="10.80", tax="12.96"),
             ln("Delivery and assembly", "120.00", qty="1", price="120.00", tax="24.00")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Midland Storage Systems Ltd", "4 Tame Road, Birmingham B6 7HS", "VAT Reg No. GB 291 5580 12"],
                 "INVOICE", [("Invoice No.", "MSS-104433"), ("Invoice Date", "11/04/2026")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    cols = [Col("Description", 70, head="l"), Col("Qty", 14, "r", "r"), Col("Unit Price", 22, "r", "r"),
            Col("Net", 22, "r", "r"), Col("VAT", 20, "r", "r"), Col("Total", 22, "r", "r")]
    rows = [[t["description"], f"{t['quantity']}", f"{t['unit_price']:.2f}", f"{t['amount']:.2f}", f"{t['tax']:.2f}",
             f"{t['amount'] + t['tax']:.2f}"] for t in lines]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.6)
    net, tax = _sum(lines, "amount"), _sum(lines, "tax")
    pdf.totals(140, end + 8, [("Net total", f"£{net:,.2f}"), ("VAT 20%", f"£{tax:,.2f}"),
                              ("Invoice total", f"£{net + tax:,.2f}")])
    pdf.save()
    return lines


DOCUMENTS = {f.__name__: f for f in (cn_decimals, cn_goods_list, cn_three_pages, cn_exempt, cn_six_rates,
                                     cn_discount_each, cn_wrap_three, cn_two_prices, cn_seq_amount_first,
                                     cn_service_no_qty, cn_lease, cn_across_rules, cn_values_first, en_commercial,
                                     en_qty_x_rate, de_rabatt, fr_two_rates)}
#: round two, written after the first round's fixes (``bench/RESULTS.md``, tables7)
ROUND_TWO = {f.__name__: f for f in (de_lieferschein, en_sections, it_fattura, cn_across_left, en_qty_at_price,
                                     cn_spec_digits, es_iva_column, en_net_vat_total)}
#: our company on each: the Suzhou company, and its German subsidiary for the European invoices
OURS_DE = (OURS_DE_NAME, "DE815362741")
