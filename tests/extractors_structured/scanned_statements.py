"""Scanned bank statements, written by hand as banks print them (issue 14 §1, §5; never the generator), then
printed and scanned: rendered at 200 or 300 dpi, some skewed 1-3 degrees, some with a bank's red seal over a
row, one of two pages with the header repeated, one phone photo; wrapped as image-only PDFs, PNG, JPEG and TIFF.
``SCANNED[name] = (pages, font, scan, truth)``: ``pages`` as in :mod:`tests.extractors_structured.statement_pdfs`;
``scan`` how it is scanned (dpi, skew degrees, seal row or None, ``photo``, the file's format); ``truth`` the
account and each line's (date, signed amount, currency, counterparty or description, balance)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from tests.extractors_documents.handmade import OURS, OURS_EN, draw_pdf
from tests.extractors_structured.statement_pdfs import W, rules, table


def _cn(title: str, account: str, cols: list, rows: list, y0: float = 46) -> list[tuple]:
    return [([(50, 14, title, 14, W), (16, 26, f"户名：{OURS}", 8, W), (120, 26, f"账号：{account}", 8, W),
              (16, 32, "币种：人民币", 8, W), (120, 32, "期间：2026-04-01至2026-04-30", 8, W),
              *table(cols, rows, y0, font=W)], rules(y0, len(rows)))]


ICBC_COLS = [(16, "交易日期"), (38, "摘要"), (56, "对方户名"), (-136, "借方发生额"), (-162, "贷方发生额"), (-190, "余额")]
CCB_COLS = [(16, "交易日期"), (40, "对方户名"), (-120, "支出"), (-148, "收入"), (-176, "账户余额"), (180, "摘要")]
BOC_COLS = [(16, "记账日"), (36, "对方账户名称"), (-126, "借方发生额"), (-154, "贷方发生额"), (-182, "余额"), (184, "用途")]
ABC_COLS = [(16, "交易日期"), (38, "对方户名"), (-124, "支出金额"), (-152, "收入金额"), (-180, "余额"), (182, "摘要")]
CMB_COLS = [(16, "交易日"), (34, "交易类型"), (-80, "借方金额"), (-104, "贷方金额"), (-130, "余额"), (134, "收(付)方名称")]
HSBC_COLS = [(20, "Date"), (40, "Details"), (-140, "Withdrawal"), (-165, "Deposit"), (-190, "Balance")]
DE_COLS = [(20, "Buchungstag"), (44, "Wert"), (66, "Verwendungszweck"), (-165, "Soll"), (-190, "Haben")]


def _hsbc(account: str, rows: list, extra: list[tuple] = ()) -> list[tuple]:
    return [([(20, 14, "The Hongkong and Shanghai Banking Corporation Limited", 10, "DVB"),
              (20, 24, OURS_EN, 8), (120, 24, "Account Number", 8), (-190, 24, account, 8),
              (120, 29, "Currency", 8), (-190, 29, "HKD", 8), (120, 34, "Statement Period", 8),
              (-190, 34, "01 Apr 2026 - 30 Apr 2026", 8), *table(HSBC_COLS, rows, 46), *extra], rules(46, len(rows)))]


SCANNED: dict[str, tuple] = {
"icbc_200": (_cn("中国工商银行对公客户对账单", "1102020309000778812", ICBC_COLS, [
    ["2026-04-02", "货款", "无锡新吴精工机械有限公司", "", "45,800.00", "245,800.00"],
    ["2026-04-09", "水费", "苏州工业园区清源华衍水务有限公司", "1,276.40", "", "244,523.60"],
    ["2026-04-17", "税款", "国家金库苏州市中心支库", "18,930.55", "", "225,593.05"],
    ["2026-04-26", "货款", "昆山开发区金盛模具有限公司", "", "9,640.00", "235,233.05"]]), W,
 {"dpi": 200, "skew": 0, "seal": None, "as": "pdf"},
 {"account": "1102020309000778812", "lines": [
    ("2026-04-02", "45800.00", "CNY", "无锡新吴精工机械有限公司", "245800.00"),
    ("2026-04-09", "-1276.40", "CNY", "苏州工业园区清源华衍水务有限公司", "244523.60"),
    ("2026-04-17", "-18930.55", "CNY", "国家金库苏州市中心支库", "225593.05"),
    ("2026-04-26", "9640.00", "CNY", "昆山开发区金盛模具有限公司", "235233.05")]}),
"icbc_300_seal": (_cn("中国工商银行对公客户对账单", "1102020309000778812", ICBC_COLS, [
    ["2026-04-03", "货款", "常熟市虞山轴承有限公司", "", "12,300.00", "112,300.00"],
    ["2026-04-12", "手续费", "", "35.00", "", "112,265.00"],
    ["2026-04-20", "货款", "张家港保税区瑞丰化工有限公司", "27,480.00", "", "84,785.00"]]), W,
 {"dpi": 300, "skew": 1.5, "seal": 2, "as": "png"},
 {"account": "1102020309000778812", "lines": [
    ("2026-04-03", "12300.00", "CNY", "常熟市虞山轴承有限公司", "112300.00"),
    ("2026-04-12", "-35.00", "CNY", "", "112265.00"),
    ("2026-04-20", "-27480.00", "CNY", "张家港保税区瑞丰化工有限公司", "84785.00")]}),
"ccb_200_skew": (_cn("中国建设银行单位客户对账单", "32250198853600001234", CCB_COLS, [
    ["2026-04-01", "南通崇川宏远纺织有限公司", "", "66,000.00", "166,000.00", "货款"],
    ["2026-04-15", "中国电信股份有限公司苏州分公司", "2,418.90", "", "163,581.10", "通讯费"],
    ["2026-04-28", "苏州吴中区兴旺包装材料厂", "7,350.00", "", "156,231.10", "采购款"]]), W,
 {"dpi": 200, "skew": -2.0, "seal": None, "as": "jpg"},
 {"account": "32250198853600001234", "lines": [
    ("2026-04-01", "66000.00", "CNY", "南通崇川宏远纺织有限公司", "166000.00"),
    ("2026-04-15", "-2418.90", "CNY", "中国电信股份有限公司苏州分公司", "163581.10"),
    ("2026-04-28", "-7350.00", "CNY", "苏州吴中区兴旺包装材料厂", "156231.10")]}),
"ccb_300_seal": (_cn("中国建设银行单位客户对账单", "32250198853600001234", CCB_COLS, [
    ["2026-04-06", "杭州萧山永固五金有限公司", "", "8,812.00", "58,812.00", "货款"],
    ["2026-04-13", "苏州市社会保险基金管理中心", "14,206.38", "", "44,605.62", "社保"],
    ["2026-04-22", "宁波北仑港通国际物流有限公司", "3,900.00", "", "40,705.62", "运费"]]), W,
 {"dpi": 300, "skew": 0, "seal": 1, "as": "tif"},
 {"account": "32250198853600001234", "lines": [
    ("2026-04-06", "8812.00", "CNY", "杭州萧山永固五金有限公司", "58812.00"),
    ("2026-04-13", "-14206.38", "CNY", "苏州市社会保险基金管理中心", "44605.62"),
    ("2026-04-22", "-3900.00", "CNY", "宁波北仑港通国际物流有限公司", "40705.62")]}),
"boc_200": (_cn("中国银行对公账户对账单", "5368 7712 0094", BOC_COLS, [
    ["2026-04-07", "东莞长安协和电子有限公司", "", "21,560.00", "321,560.00", "货款"],
    ["2026-04-14", "上海浦东嘉和报关有限公司", "1,850.00", "", "319,710.00", "报关费"],
    ["2026-04-29", "常州武进恒力钢材有限公司", "52,000.00", "", "267,710.00", "材料款"]]), W,
 {"dpi": 200, "skew": 1.0, "seal": None, "as": "pdf"},
 {"account": "536877120094", "lines": [
    ("2026-04-07", "21560.00", "CNY", "东莞长安协和电子有限公司", "321560.00"),
    ("2026-04-14", "-1850.00", "CNY", "上海浦东嘉和报关有限公司", "319710.00"),
    ("2026-04-29", "-52000.00", "CNY", "常州武进恒力钢材有限公司", "267710.00")]}),
"abc_300": (_cn("中国农业银行对公账户对账单", "10540101040098765", ABC_COLS, [
    ["2026-04-08", "扬州邗江双盛机电有限公司", "", "4,275.00", "54,275.00", "货款"],
    ["2026-04-16", "江苏省电力公司苏州供电分公司", "9,813.62", "", "44,461.38", "电费"],
    ["2026-04-27", "徐州鼓楼华通运输有限公司", "1,200.00", "", "43,261.38", "运费"]]), W,
 {"dpi": 300, "skew": 0, "seal": None, "as": "png"},
 {"account": "10540101040098765", "lines": [
    ("2026-04-08", "4275.00", "CNY", "扬州邗江双盛机电有限公司", "54275.00"),
    ("2026-04-16", "-9813.62", "CNY", "江苏省电力公司苏州供电分公司", "44461.38"),
    ("2026-04-27", "-1200.00", "CNY", "徐州鼓楼华通运输有限公司", "43261.38")]}),
"cmb_200_skew_seal": (_cn("招商银行账户交易明细", "512908765410399", CMB_COLS, [
    ["20260403", "汇入汇款", "", "31,000.00", "131,000.00", "合肥蜀山天正机械有限公司"],
    ["20260411", "转账汇款", "6,720.00", "", "124,280.00", "苏州相城顺丰速运有限公司"],
    ["20260424", "汇入汇款", "", "2,980.50", "127,260.50", "嘉善县魏塘恒达五金厂"]], 44), W,
 {"dpi": 200, "skew": 2.5, "seal": 1, "as": "pdf"},
 {"account": "512908765410399", "lines": [
    ("2026-04-03", "31000.00", "CNY", "合肥蜀山天正机械有限公司", "131000.00"),
    ("2026-04-11", "-6720.00", "CNY", "苏州相城顺丰速运有限公司", "124280.00"),
    ("2026-04-24", "2980.50", "CNY", "嘉善县魏塘恒达五金厂", "127260.50")]}),
"hsbc_200": (_hsbc("511-204877-838", [
    ["01 Apr", "BALANCE BROUGHT FORWARD", "", "", "80,000.00"],
    ["04 Apr", "CHATS CR KINGLY HARDWARE LTD", "", "23,400.00", "103,400.00"],
    ["11 Apr", "FPS DR HOP LEE TRANSPORT", "3,150.00", "", "100,250.00"],
    ["23 Apr", "TT DR NAGOYA SEIKI CO LTD", "41,870.25", "", "58,379.75"]]), "DV",
 {"dpi": 200, "skew": 0, "seal": None, "as": "pdf"},
 {"account": "511204877838", "lines": [
    ("2026-04-04", "23400.00", "HKD", "CHATS CR KINGLY HARDWARE LTD", "103400.00"),
    ("2026-04-11", "-3150.00", "HKD", "FPS DR HOP LEE TRANSPORT", "100250.00"),
    ("2026-04-23", "-41870.25", "HKD", "TT DR NAGOYA SEIKI CO LTD", "58379.75")]}),
"hsbc_300_skew": (_hsbc("511-204877-838", [
    ["01 Apr", "BALANCE BROUGHT FORWARD", "", "", "9,500.00"],
    ["09 Apr", "AUTOPAY HK ELECTRIC", "1,204.80", "", "8,295.20"],
    ["18 Apr", "CHATS CR EVERBRIGHT TOOLS LTD", "", "15,760.00", "24,055.20"]]), "DV",
 {"dpi": 300, "skew": -1.2, "seal": None, "as": "jpg"},
 {"account": "511204877838", "lines": [
    ("2026-04-09", "-1204.80", "HKD", "AUTOPAY HK ELECTRIC", "8295.20"),
    ("2026-04-18", "15760.00", "HKD", "CHATS CR EVERBRIGHT TOOLS LTD", "24055.20")]}),
"hsbc_photo": (_hsbc("511-204877-838", [
    ["01 Apr", "BALANCE BROUGHT FORWARD", "", "", "42,000.00"],
    ["07 Apr", "FPS CR WING ON METALS", "", "6,380.00", "48,380.00"],
    ["21 Apr", "CHQ 000812 CLEARED", "12,500.00", "", "35,880.00"]]), "DV",
 {"dpi": 200, "skew": 0, "seal": None, "as": "photo"},
 {"account": "511204877838", "lines": [
    ("2026-04-07", "6380.00", "HKD", "FPS CR WING ON METALS", "48380.00"),
    ("2026-04-21", "-12500.00", "HKD", "CHQ 000812 CLEARED", "35880.00")]}),
"kontoauszug_200": ([([(20, 14, "Deutsche Bank AG", 12, "DVB"), (120, 14, "Kontoauszug 04/2026", 12, "DVB"),
    (20, 24, "Hengrui Precision Europe GmbH", 8), (120, 24, "IBAN", 8), (-190, 24, "DE27 1007 0000 0123 4567 89", 8),
    (120, 29, "Währung", 8), (-190, 29, "EUR", 8),
    *table(DE_COLS, [["02.04.2026", "02.04.2026", "Gutschrift Weber Maschinenbau GmbH", "", "6.420,00"],
                     ["14.04.2026", "14.04.2026", "Lastschrift Vodafone GmbH", "74,99", ""],
                     ["27.04.2026", "28.04.2026", "Überweisung Spedition Braun KG", "1.880,00", ""]], 44)],
    rules(44, 3))], "DV",
 {"dpi": 200, "skew": 1.0, "seal": None, "as": "pdf"},
 {"account": "DE27100700000123456789", "lines": [
    ("2026-04-02", "6420.00", "EUR", "Gutschrift Weber Maschinenbau GmbH", None),
    ("2026-04-14", "-74.99", "EUR", "Lastschrift Vodafone GmbH", None),
    ("2026-04-27", "-1880.00", "EUR", "Überweisung Spedition Braun KG", None)]}),
"icbc_two_pages": ([
    (_cn("中国工商银行对公客户对账单", "1102020309000778812", ICBC_COLS, [
        ["2026-04-01", "货款", "太仓港区华源纸业有限公司", "", "7,700.00", "57,700.00"],
        ["2026-04-05", "运费", "苏州高新区德邦物流有限公司", "880.00", "", "56,820.00"]])[0][0]
     + [(150, 285, "第 1 页 共 2 页", 7, W)], rules(46, 2)),
    ([(50, 14, "中国工商银行对公客户对账单", 12, W), (120, 20, "账号：1102020309000778812", 8, W),
      *table(ICBC_COLS, [["2026-04-19", "货款", "吴江盛泽恒丰丝绸有限公司", "", "3,460.00", "60,280.00"],
                         ["2026-04-30", "利息", "", "", "12.35", "60,292.35"]], 30, font=W),
      (150, 285, "第 2 页 共 2 页", 7, W)], rules(30, 2))], W,
 {"dpi": 200, "skew": 0, "seal": None, "as": "pdf"},
 {"account": "1102020309000778812", "lines": [
    ("2026-04-01", "7700.00", "CNY", "太仓港区华源纸业有限公司", "57700.00"),
    ("2026-04-05", "-880.00", "CNY", "苏州高新区德邦物流有限公司", "56820.00"),
    ("2026-04-19", "3460.00", "CNY", "吴江盛泽恒丰丝绸有限公司", "60280.00"),
    ("2026-04-30", "12.35", "CNY", "", "60292.35")]}),
}


def _seal(img: Image.Image, row_y_mm: float, dpi: int) -> Image.Image:
    """A bank's round red seal (转讫章) stamped over a row of the table."""
    px = dpi / 25.4
    img = img.convert("RGB")
    over = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(over)
    cx, cy, r = 118 * px, row_y_mm * px, 17 * px
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=(215, 40, 40, 170), width=max(2, int(1.2 * px)))
    d.ellipse([cx - 0.8 * r, cy - 0.8 * r, cx + 0.8 * r, cy + 0.8 * r], outline=(215, 40, 40, 120), width=max(1, int(0.5 * px)))
    d.regular_polygon((cx, cy, 0.25 * r), 5, fill=(215, 40, 40, 170))
    return Image.alpha_composite(img.convert("RGBA"), over).convert("RGB")


def scan(name: str, tmp: Path) -> Path:
    """The statement ``name`` printed and scanned into ``tmp``: the file finance receives."""
    import pypdfium2 as pdfium

    pages, font, how, _truth = SCANNED[name]
    pdf = draw_pdf(tmp / f"{name}.src.pdf", pages[0][0], pages[0][1], font, more_pages=tuple(pages[1:]))
    doc = pdfium.PdfDocument(str(pdf))
    images: list[Image.Image] = []
    rng = np.random.default_rng(sum(map(ord, name)))
    for number in range(len(doc)):
        img = doc[number].render(scale=how["dpi"] / 72).to_pil().convert("RGB")
        if how["seal"] is not None and number == 0:
            items = pages[0][0]
            y0 = min(y for _x, y, text, *_ in items if text in ("交易日期", "交易日", "记账日", "Date", "Buchungstag"))
            img = _seal(img, y0 + 6 * how["seal"], how["dpi"])
        if how["skew"]:
            img = img.rotate(how["skew"], expand=True, fillcolor=(250, 250, 248), resample=Image.Resampling.BICUBIC)
        images.append(img)
    kind = how["as"]
    if kind == "photo":
        from tests.extractors_documents.degrade import photo

        data, _ext, _desc = photo(images[0], rng)
        out = tmp / f"{name}.jpg"
        out.write_bytes(data)
        return out
    out = tmp / f"{name}.{kind}"
    if kind == "pdf":
        images[0].save(out, "PDF", resolution=how["dpi"], save_all=True, append_images=images[1:])
    elif kind == "tif":
        images[0].save(out, "TIFF", compression="tiff_lzw", save_all=True, append_images=images[1:], dpi=(how["dpi"],) * 2)
    elif kind == "jpg":
        buf = io.BytesIO()
        images[0].save(buf, "JPEG", quality=85)
        out.write_bytes(buf.getvalue())
    else:
        images[0].save(out, "PNG")
    return out
