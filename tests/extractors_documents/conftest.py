"""Documents rendered for the tests: real PDFs (reportlab + the CJK font) and scans made from them.

Layouts follow the public anatomy of each document kind (数电发票, the older VAT invoice, commercial
invoices, 电子回单, packing lists); the values are drawn from a seeded random generator so no test
hard-codes what the extractor must return: the truth comes from the same dict that was rendered.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

COMPANIES = [
    "宁波海曙明达五金制品有限公司", "苏州工业园区新华电子科技有限公司", "深圳市南山区宏远贸易有限公司",
    "杭州西湖精密机械有限公司", "广州白云恒通包装材料有限公司", "东莞市长安镇华利塑胶制品厂",
]
EN_COMPANIES = ["Harbor Lights Trading GmbH", "Pacific Rim Imports LLC", "Nordic Tools AB", "Atlas Hardware Ltd."]
ITEMS = [("*电子元件*贴片电阻", "0603-10K", "个"), ("*五金制品*不锈钢六角螺栓", "M8x40", "个"),
         ("*塑料制品*聚丙烯包装箱", "600x400x300", "只"), ("*机械设备*精密直线导轨滑块组件", "HGH20CA", "套"),
         ("*纸制品*瓦楞纸箱", "5层 K=K", "个"), ("*电线电缆*铜芯聚氯乙烯绝缘软电线", "RV 1.5mm²", "米")]
EN_ITEMS = [("Stainless steel hex bolt M8x40", "BLT-M840", "PCS"), ("LED panel light 600x600 40W", "LED-6640", "PCS"),
            ("Linear guide rail with carriage block HGH20CA, length 1000 mm", "LGR-20", "SET"),
            ("Corrugated carton 5-ply", "CTN-5P", "PCS")]
BANKS = ["中国工商银行", "中国建设银行", "中国银行", "招商银行", "中国农业银行"]


def uscc(rng: random.Random) -> str:
    from hub.validation import USCC_ALPHABET, uscc_check_char

    body = "91" + "".join(rng.choice("0123456789") for _ in range(6)) + "".join(
        rng.choice(USCC_ALPHABET) for _ in range(9))
    return body + uscc_check_char(body)


def money(value: Decimal) -> str:
    return f"{value:,.2f}"


def make_invoice(seed: int, n_lines: int = 2, kind: str = "cn_vat_e") -> dict:
    """An invoice as a dict of the values the rendered document will show."""
    rng = random.Random(seed)
    buyer, seller = rng.sample(COMPANIES, 2)
    lines = []
    items = EN_ITEMS if kind == "commercial" else ITEMS
    for i in range(n_lines):
        desc, spec, unit = items[(seed + i) % len(items)]
        qty = Decimal(rng.choice([10, 25, 100, 240, 1000, 3]))
        price = Decimal(rng.randint(50, 90000)) / 100
        amount = (qty * price).quantize(Decimal("0.01"))
        rate = Decimal("0.13") if kind != "commercial" else None
        tax = (amount * rate).quantize(Decimal("0.01")) if rate else None
        lines.append(dict(line_no=i + 1, description=desc, spec=spec, unit=unit, quantity=qty,
                          unit_price=price, amount=amount, tax_rate=rate, tax=tax))
    net = sum((ln["amount"] for ln in lines), Decimal("0"))
    tax = sum((ln["tax"] or Decimal("0") for ln in lines), Decimal("0"))
    inv = dict(kind=kind, number="".join(rng.choice("0123456789") for _ in range(20)),
               code=None, issue_date=f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
               buyer_name=buyer, buyer_tax_id=uscc(rng), seller_name=seller, seller_tax_id=uscc(rng),
               currency="CNY", net=net, tax=tax, total=net + tax, lines=lines, remarks="订单号 PO-2026-" +
               str(rng.randint(1000, 9999)), drawer=rng.choice(["张伟", "李娜", "王芳"]))
    if kind in ("cn_vat_special", "cn_vat_ordinary"):
        inv["code"] = "".join(rng.choice("0123456789") for _ in range(12))
        inv["number"] = "".join(rng.choice("0123456789") for _ in range(8))
    if kind == "commercial":
        inv.update(buyer_name=rng.choice(EN_COMPANIES), buyer_tax_id=None, seller_name="Ningbo Mingda Hardware Co., Ltd.",
                   seller_tax_id=None, currency="USD", number=f"CI-2026-{rng.randint(100, 999)}", tax=Decimal("0"),
                   total=net, order_ref=f"PO-{rng.randint(10000, 99999)}", remarks="")
        for ln in lines:
            ln["spec"] = None
    else:
        inv["order_ref"] = inv["remarks"].split()[-1]
    return inv


class Pdf:
    """A thin reportlab canvas wrapper with the CJK font registered."""

    def __init__(self, path: Path, size: tuple[float, float]):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas

        if "wqy" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("wqy", FONT, subfontIndex=0))
        self.c = canvas.Canvas(str(path), pagesize=size)
        self.h = size[1]

    def text(self, x: float, y: float, s: str, size: float = 9, align: str = "left") -> None:
        """Draw ``s`` with its top-left (``align`` left) at x, y measured from the page top."""
        self.c.setFont("wqy", size)
        yy = self.h - y - size
        if align == "right":
            self.c.drawRightString(x, yy, s)
        elif align == "center":
            self.c.drawCentredString(x, yy, s)
        else:
            self.c.drawString(x, yy, s)

    def rect(self, x: float, y: float, w: float, h: float) -> None:
        self.c.rect(x, self.h - y - h, w, h)

    def hline(self, x0: float, x1: float, y: float) -> None:
        self.c.line(x0, self.h - y, x1, self.h - y)

    def new_page(self) -> None:
        self.c.showPage()

    def save(self) -> None:
        self.c.save()


def _wrap(text: str, width: int) -> list[str]:
    """Chinese text wraps at any character (cell width), English at blanks."""
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return [text[i:i + width] for i in range(0, len(text), width)] or [""]
    import textwrap

    return textwrap.wrap(text, width) or [""]


def render_vat_e_invoice(inv: dict, path: Path, *, wrap: int = 99, rows_per_page: int = 99,
                         upper: str | None = None) -> Path:
    """A 数电发票 page like the tax bureau's layout: parties side by side, item table, 价税合计."""
    from extractors.parse import amount_to_chinese_upper

    pdf = Pdf(path, (680, 400))
    title = "电子发票（增值税专用发票）" if inv["kind"] != "cn_vat_ordinary_e" else "电子发票（普通发票）"
    d = inv["issue_date"]
    date_cn = f"{d[:4]}年{d[5:7]}月{d[8:10]}日"
    cols = [(40, "项目名称"), (200, "规格型号"), (280, "单位"), (320, "数量"), (380, "单价"), (460, "金额"),
            (530, "税率/征收率"), (600, "税额")]

    def header(first: bool) -> float:
        pdf.text(340, 20, title, 16, "center")
        pdf.text(500, 22, f"发票号码：{inv['number']}", 9)
        pdf.text(500, 38, f"开票日期：{date_cn}", 9)
        if not first:
            pdf.text(40, 60, "（续页）", 9)
            return 80
        pdf.rect(20, 60, 640, 70)
        for i, ch in enumerate("购买方信息"):
            pdf.text(26, 64 + i * 12, ch, 9)
        for i, ch in enumerate("销售方信息"):
            pdf.text(346, 64 + i * 12, ch, 9)
        pdf.text(44, 72, f"名称：{inv['buyer_name']}", 9)
        pdf.text(44, 100, f"统一社会信用代码/纳税人识别号：{inv['buyer_tax_id']}", 9)
        pdf.text(364, 72, f"名称：{inv['seller_name']}", 9)
        pdf.text(364, 100, f"统一社会信用代码/纳税人识别号：{inv['seller_tax_id']}", 9)
        return 140

    y = header(True)
    pdf.text(cols[0][0], y, cols[0][1], 9)
    for x, label in cols[1:]:
        pdf.text(x, y, label, 9)
    y += 18
    row = 0
    for ln in inv["lines"]:
        if row == rows_per_page:
            pdf.new_page()
            y = header(False)
            for x, label in cols:
                pdf.text(x, y, label, 9)
            y += 18
            row = 0
        parts = _wrap(ln["description"], wrap)
        rate = f"{int(ln['tax_rate'] * 100)}%"
        vals = [ln["spec"], ln["unit"], f"{ln['quantity']}", f"{ln['unit_price']}", f"{ln['amount']:.2f}", rate,
                f"{ln['tax']:.2f}"]
        pdf.text(cols[0][0], y, parts[0], 9)
        for (x, _), v in zip(cols[1:], vals, strict=True):
            pdf.text(x, y, v, 9)
        for extra in parts[1:]:
            y += 13
            pdf.text(cols[0][0], y, extra, 9)
        y += 16
        row += 1
    y += 6
    pdf.text(50, y, "合 计", 9)
    pdf.text(460, y, f"¥{inv['net']:.2f}", 9)
    pdf.text(600, y, f"¥{inv['tax']:.2f}", 9)
    y += 22
    words = upper or amount_to_chinese_upper(inv["total"])
    pdf.text(40, y, "价税合计（大写）", 9)
    pdf.text(150, y, f"ⓧ{words}", 9)
    pdf.text(460, y, f"（小写）¥{inv['total']:.2f}", 9)
    y += 24
    pdf.text(40, y, "备注", 9)
    pdf.text(90, y, inv["remarks"], 9)
    pdf.text(40, y + 30, f"开票人：{inv['drawer']}", 9)
    pdf.save()
    return path


def item_table(pdf: Pdf, heads: list[tuple[float, str]], lines: list[dict], y: float, *, tax_suffix: str = "") -> float:
    """A VAT invoice's item table at ``y``: the eight column heads ``(x, label)``, then one row per line
    (name, spec, unit, quantity, price, amount, rate, tax + ``tax_suffix``); returns the y under the last row."""
    for x, label in heads:
        pdf.text(x, y, label, 9)
    y += 18
    for ln in lines:
        vals = [ln["description"], ln["spec"], ln["unit"], f"{ln['quantity']}", f"{ln['unit_price']}",
                f"{ln['amount']:.2f}", f"{int(ln['tax_rate'] * 100)}%", f"{ln['tax']:.2f}{tax_suffix}"]
        for (x, _), v in zip(heads, vals, strict=True):
            pdf.text(x, y, v, 9)
        y += 16
    return y


def render_old_vat_invoice(inv: dict, path: Path) -> Path:
    """A pre-2023 VAT invoice: 发票代码 + 发票号码, buyer block on top, seller block at the bottom."""
    from extractors.parse import amount_to_chinese_upper

    pdf = Pdf(path, (680, 420))
    title = "增值税专用发票" if inv["kind"] == "cn_vat_special" else "增值税普通发票"
    d = inv["issue_date"]
    pdf.text(340, 18, title, 16, "center")
    pdf.text(480, 16, f"发票代码 {inv['code']}", 9)
    pdf.text(480, 30, f"发票号码 {inv['number']}", 9)
    pdf.text(480, 44, f"开票日期: {d[:4]} 年 {d[5:7]} 月 {d[8:10]} 日", 9)
    pdf.text(26, 66, "购", 9)
    pdf.text(26, 80, "买", 9)
    pdf.text(26, 94, "方", 9)
    pdf.text(44, 66, f"名        称: {inv['buyer_name']}", 9)
    pdf.text(44, 82, f"纳税人识别号: {inv['buyer_tax_id']}", 9)
    pdf.text(44, 98, "地 址、电 话: 宁波市海曙区中山西路 88 号 0574-87654321", 9)
    heads = [(40, "货物或应税劳务、服务名称"), (200, "规格型号"), (270, "单位"), (310, "数 量"), (370, "单 价"),
             (450, "金 额"), (520, "税率"), (580, "税 额")]
    y = item_table(pdf, heads, inv["lines"], 130)
    pdf.text(60, y + 4, "合        计", 9)
    pdf.text(450, y + 4, f"¥{inv['net']:.2f}", 9)
    pdf.text(580, y + 4, f"¥{inv['tax']:.2f}", 9)
    y += 26
    pdf.text(40, y, "价税合计(大写)", 9)
    pdf.text(140, y, f"⊗{amount_to_chinese_upper(inv['total'])}", 9)
    pdf.text(450, y, f"(小写) ¥{inv['total']:.2f}", 9)
    y += 26
    pdf.text(26, y, "销", 9)
    pdf.text(26, y + 14, "售", 9)
    pdf.text(26, y + 28, "方", 9)
    pdf.text(44, y, f"名        称: {inv['seller_name']}", 9)
    pdf.text(44, y + 16, f"纳税人识别号: {inv['seller_tax_id']}", 9)
    pdf.text(44, y + 32, "开户行及账号: 中国银行宁波分行 3582 0012 3456", 9)
    pdf.text(470, y, "备注", 9)
    pdf.text(500, y, inv["remarks"], 9)
    pdf.text(40, y + 60, f"收款人: 王五    复核: 李四    开票人: {inv['drawer']}", 9)
    pdf.save()
    return path


def render_commercial_invoice(inv: dict, path: Path, buyer_label: str = "Bill To:") -> Path:
    """An English commercial invoice: seller block on top, buyer below (under ``buyer_label``), item table,
    total."""
    from reportlab.lib.pagesizes import A4

    pdf = Pdf(path, A4)
    pdf.text(40, 40, inv["seller_name"], 14)
    pdf.text(40, 60, "No. 88 Zhongshan West Road, Haishu District, Ningbo, China", 9)
    pdf.text(297, 100, "COMMERCIAL INVOICE", 16, "center")
    pdf.text(40, 140, buyer_label, 9)
    pdf.text(40, 154, inv["buyer_name"], 9)
    pdf.text(40, 168, "Hafenstrasse 12, 20457 Hamburg, Germany", 9)
    pdf.text(360, 140, f"Invoice No.: {inv['number']}", 9)
    from datetime import date

    pdf.text(360, 154, f"Date: {date.fromisoformat(inv['issue_date']).strftime('%b %d, %Y')}", 9)
    pdf.text(360, 168, f"PO No.: {inv['order_ref']}", 9)
    pdf.text(360, 182, "Terms: FOB Ningbo", 9)
    y = 220
    heads = [(40, "No."), (70, "Description"), (300, "Quantity"), (370, "Unit"), (420, "Unit Price"), (500, "Amount")]
    for x, label in heads:
        pdf.text(x, y, label, 9)
    pdf.hline(40, 560, y + 14)
    y += 20
    for ln in inv["lines"]:
        parts = _wrap(ln["description"], 38)
        vals = [str(ln["line_no"]), parts[0], f"{ln['quantity']}", ln["unit"], f"USD {ln['unit_price']}",
                f"USD {money(ln['amount'])}"]
        for (x, _), v in zip(heads, vals, strict=True):
            pdf.text(x, y, v, 9)
        for extra in parts[1:]:
            y += 12
            pdf.text(70, y, extra, 9)
        y += 16
    pdf.hline(40, 560, y)
    y += 8
    pdf.text(420, y, "Total:", 9)
    pdf.text(500, y, f"USD {money(inv['total'])}", 9)
    pdf.text(40, y + 40, "SAY TOTAL U.S. DOLLARS ONLY.", 9)
    pdf.save()
    return path


def make_receipt(seed: int) -> dict:
    rng = random.Random(seed)
    payer, payee = rng.sample(COMPANIES, 2)
    amount = Decimal(rng.randint(10000, 9999999)) / 100
    return dict(bank=rng.choice(BANKS), receipt_no=f"{rng.randint(10**11, 10**12 - 1)}",
                transaction_id=f"{rng.randint(10**15, 10**16 - 1)}",
                value_date=f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                payer_name=payer, payer_account=" ".join(str(rng.randint(1000, 9999)) for _ in range(4)) +
                f" {rng.randint(100, 999)}", payer_bank=rng.choice(BANKS) + "宁波分行营业部",
                payee_name=payee, payee_account=str(rng.randint(10**18, 10**19 - 1)),
                payee_bank=rng.choice(BANKS) + "杭州分行", amount=amount, currency="CNY",
                memo=f"货款 INV{rng.randint(100000, 999999)}")


def render_receipt(rc: dict, path: Path) -> Path:
    """A bank 电子回单 (客户回单): payer on the left, payee on the right, amounts, dates, memo."""
    from extractors.parse import amount_to_chinese_upper

    pdf = Pdf(path, (600, 300))
    pdf.text(300, 20, f"{rc['bank']}  电子回单", 14, "center")
    pdf.text(40, 50, f"回单编号：{rc['receipt_no']}", 9)
    pdf.text(330, 50, f"交易流水号：{rc['transaction_id']}", 9)
    pdf.rect(20, 68, 560, 80)
    for i, ch in enumerate("付款人"):
        pdf.text(28, 78 + i * 20, ch, 9)
    for i, ch in enumerate("收款人"):
        pdf.text(308, 78 + i * 20, ch, 9)
    pdf.text(48, 78, f"户名：{rc['payer_name']}", 9)
    pdf.text(48, 100, f"账号：{rc['payer_account']}", 9)
    pdf.text(48, 122, f"开户行：{rc['payer_bank']}", 9)
    pdf.text(328, 78, f"户名：{rc['payee_name']}", 9)
    pdf.text(328, 100, f"账号：{rc['payee_account']}", 9)
    pdf.text(328, 122, f"开户行：{rc['payee_bank']}", 9)
    d = rc["value_date"]
    pdf.text(40, 162, f"金额（大写）：人民币{amount_to_chinese_upper(rc['amount'])}", 9)
    pdf.text(330, 162, f"金额（小写）：¥{money(rc['amount'])}", 9)
    pdf.text(40, 184, "币种：人民币", 9)
    pdf.text(330, 184, f"交易日期：{d[:4]}年{d[5:7]}月{d[8:10]}日", 9)
    pdf.text(40, 206, f"用途：{rc['memo']}", 9)
    pdf.text(40, 240, "本回单不作为收款方发货依据，请勿重复记账。", 8)
    pdf.save()
    return path


def make_packing_list(seed: int, n_lines: int = 2) -> dict:
    rng = random.Random(seed)
    lines = []
    for i in range(n_lines):
        desc, sku, unit = EN_ITEMS[(seed + i) % len(EN_ITEMS)]
        cartons = rng.randint(1, 40)
        qty = Decimal(cartons * rng.choice([10, 20, 50]))
        nw = Decimal(rng.randint(100, 9000)) / 10
        lines.append(dict(line_no=i + 1, description=desc, sku=sku, quantity=qty, unit=unit, cartons=cartons,
                          net_weight_kg=nw, gross_weight_kg=nw + Decimal(cartons)))
    return dict(number=f"PL-2026-{rng.randint(100, 999)}", invoice_number=f"CI-2026-{rng.randint(100, 999)}",
                issue_date=f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                seller_name="Ningbo Mingda Hardware Co., Ltd.", buyer_name=rng.choice(EN_COMPANIES), lines=lines,
                total_cartons=sum(ln["cartons"] for ln in lines),
                total_net_weight_kg=sum((ln["net_weight_kg"] for ln in lines), Decimal("0")),
                total_gross_weight_kg=sum((ln["gross_weight_kg"] for ln in lines), Decimal("0")))


def render_packing_list(pl: dict, path: Path) -> Path:
    """A bilingual packing list (装箱单 / PACKING LIST) with a carton/weight table and totals."""
    from reportlab.lib.pagesizes import A4, landscape

    pdf = Pdf(path, landscape(A4))
    pdf.text(420, 30, "装箱单 PACKING LIST", 16, "center")
    pdf.text(40, 70, "Seller 卖方:", 9)
    pdf.text(120, 70, pl["seller_name"], 9)
    pdf.text(40, 86, "Buyer 买方:", 9)
    pdf.text(120, 86, pl["buyer_name"], 9)
    pdf.text(520, 70, f"P/L No.: {pl['number']}", 9)
    pdf.text(520, 86, f"Invoice No.: {pl['invoice_number']}", 9)
    pdf.text(520, 102, f"Date: {pl['issue_date']}", 9)
    y = 140
    heads = [(40, "Item"), (80, "Description"), (330, "Quantity"), (400, "Unit"), (450, "Cartons"),
             (520, "N.W.(kg)"), (600, "G.W.(kg)")]
    for x, label in heads:
        pdf.text(x, y, label, 9)
    y += 20
    for ln in pl["lines"]:
        parts = _wrap(ln["description"], 40)
        vals = [str(ln["line_no"]), parts[0], f"{ln['quantity']}", ln["unit"], str(ln["cartons"]),
                f"{ln['net_weight_kg']}", f"{ln['gross_weight_kg']}"]
        for (x, _), v in zip(heads, vals, strict=True):
            pdf.text(x, y, v, 9)
        for extra in parts[1:]:
            y += 12
            pdf.text(80, y, extra, 9)
        y += 16
    y += 6
    pdf.text(80, y, "TOTAL:", 9)
    pdf.text(450, y, str(pl["total_cartons"]), 9)
    pdf.text(520, y, f"{pl['total_net_weight_kg']}", 9)
    pdf.text(600, y, f"{pl['total_gross_weight_kg']}", 9)
    pdf.save()
    return path


def scan(pdf_path: Path, out: Path, *, rotate: float = 0, dpi: int = 200, seed: int = 0, noise: int = 12) -> Path:
    """Print-and-scan a PDF page: render, rotate (degrees, counter-clockwise), add grain, blur, JPEG."""
    import numpy as np
    from PIL import Image, ImageFilter

    from extractors.pdfwords import render_pages

    img = render_pages(pdf_path, [1], dpi=dpi)[0].convert("L")
    if rotate:
        img = img.rotate(rotate, expand=True, fillcolor=255, resample=Image.BICUBIC)
    arr = np.asarray(img).astype(np.int16)
    rng = np.random.default_rng(seed)
    arr = np.clip(arr + rng.normal(0, noise, arr.shape), 0, 255).astype(np.uint8)
    img = Image.fromarray(arr).filter(ImageFilter.GaussianBlur(0.6))
    img.save(out, quality=85) if out.suffix.lower() in (".jpg", ".jpeg") else img.save(out)
    return out


def image_pdf(image_path: Path, out: Path) -> Path:
    """Wrap a scan into a PDF without a text layer (what a scanner's 'save as PDF' does)."""
    from PIL import Image

    Image.open(image_path).convert("RGB").save(out, "PDF", resolution=200)
    return out


@pytest.fixture(scope="session")
def ocr_engine():
    """The default OCR backend, loaded once for the whole test session."""
    from extractors.ocr import default_engine

    return default_engine()


@pytest.fixture(scope="session")
def docs():
    """This module's renderers and makers (``docs.make_invoice(...)``, ``docs.render_vat_e_invoice(...)``)."""
    import sys

    return sys.modules[__name__]


@pytest.fixture
def our_companies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Set the our-companies master (hub.settings) for one test: ``our_companies(name, tax_ids=..., accounts=...)``."""
    from hub.settings import OurCompany, write_our_companies

    def set_ours(name: str, tax_ids: tuple[str, ...] = (), accounts: tuple[str, ...] = (), name_en: str = "") -> None:
        path = write_our_companies([OurCompany(name=name, name_en=name_en, tax_ids=tax_ids, accounts=accounts)],
                                   tmp_path / "our_companies.toml")
        monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(path))

    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(tmp_path / "none.toml"))  # no master unless set
    return set_ours
