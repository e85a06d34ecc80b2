"""A small held-out world written by hand for the end-to-end measure (issue 14: "end to end it reaches 37%"):
ten customers (Chinese and foreign; names with and without legal suffixes, aliases, a group's parent that pays),
their orders, our sales invoices drawn as PDFs in seven hand-written layouts (Chinese 数电 grid, old 专票 with
大写, issuer-first 开票方/受票方 with totals above the items, 普票 stacked, an English letterhead commercial invoice,
a Hong Kong style ``INVOICE`` with ``Inv. No.`` and ``Grand Total (EUR)``, a German Rechnung), a few as scans,
and the money: bank receipts (side-by-side 付款人/收款人, 本方/对方, a 中国银行 stacked 收款回执, an English credit
advice), two overlapping 招商银行 csv exports, an HSBC xlsx export and a Deutsche Bank MT940, with the mess of
real payments. The truth (which payment pays what) is written by hand in :data:`PAYMENTS`.

``build(folder, part)`` writes the files a user has: ``docs/`` (invoices, receipts, scans), ``statements/``,
``customers.jsonl``, ``orders.jsonl`` and ``our_companies.toml``; part ``"main"`` is the set the fixes were
made on, ``"all"`` adds eight payments and five invoices written afterwards, scored untouched.
Used by ``bench/end_to_end_handmade.py`` and ``tests/matchers/test_end_to_end_e2e8.py``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal as D
from pathlib import Path

from fixtures.generator.money_words import cn_upper
from hub.validation import uscc_check_char
from tests.extractors_documents.handmade import OUR_TAX_ID, OURS, OURS_EN, draw_pdf


def uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


ICBC_ACC = "1102020109000123456"
CMB_ACC = "755912345610801"
HSBC_ACC = "848-123456-838"
DB_IBAN = "DE89370400440532013000"
OUR_ADDR = "苏州市吴中区木渎镇金枫南路 1258 号 0512-66881234"


@dataclass(frozen=True)
class Cust:
    code: str
    name: str
    country: str = "CN"
    tax_id: str | None = None
    currency: str = "CNY"
    name_en: str | None = None
    aliases: tuple[str, ...] = ()
    address: str = ""
    account: str = ""
    bank: str = ""


CUSTOMERS = [
    Cust("C01", "宁波海曙宏远机电有限公司", tax_id=uscc("91330203MA2GQ8L7X"), aliases=("宏远机电",),
         address="宁波市海曙区望春工业园区杉杉路 88 号 0574-87651234", account="3901140109000456789", bank="中国工商银行宁波海曙支行"),
    Cust("C02", "杭州临安振华五金工具厂", tax_id=uscc("92330185MA27W3K5P"),
         address="杭州市临安区锦城街道石镜街 21 号", account="19045101040012345", bank="中国农业银行临安支行"),
    Cust("C03", "上海嘉定华亿汽车零部件有限公司", tax_id=uscc("91310114MA1GT4R2Y"),
         address="上海市嘉定区安亭镇墨玉路 185 号", account="3160380003124455", bank="上海银行嘉定支行"),
    Cust("C04", "常州武进凯达精密铸造有限公司", tax_id=uscc("91320412MA1W8N6C3"),
         address="常州市武进区湖塘镇长虹西路 9 号", account="320412010400123877", bank="江苏银行常州武进支行"),
    Cust("C05", "深圳市创新电子科技有限公司", tax_id=uscc("91440300MA5F2J9B1"), name_en="Shenzhen Chuangxin Electronics Co., Ltd.",
         aliases=("创新电子",), address="深圳市南山区科技园高新南七道 12 号", account="755920123410602", bank="招商银行深圳科技园支行"),
    Cust("C06", "PACIFIC RIM INDUSTRIAL SUPPLY INC.", country="US", tax_id="94-3175812", currency="USD",
         address="2150 Harbor Blvd, Costa Mesa, CA 92627, USA"),
    Cust("C07", "Rheinland Antriebstechnik GmbH & Co. KG", country="DE", tax_id="DE812345675", currency="EUR",
         address="Industriestraße 14, 41460 Neuss, Germany"),
    Cust("C08", "Kowloon Bay Trading Co. Limited", country="HK", currency="USD", aliases=("九龍灣貿易有限公司",),
         address="Unit 1203, 12/F, Kowloon Bay Industrial Centre, 15 Wang Hoi Road, Kowloon Bay, Hong Kong"),
    Cust("C09", "Tanjong Engineering Pte Ltd", country="SG", currency="USD",
         address="21 Tuas South Avenue 6, Singapore 637019"),
    Cust("C10", "Brighton Fluid Systems", country="GB", currency="EUR",
         address="Unit 7, Hollingbury Park, Brighton BN1 8AA, United Kingdom"),
]
BY_CODE = {c.code: c for c in CUSTOMERS}


@dataclass(frozen=True)
class Inv:
    """One order and the sales invoice that bills it (``layout`` None: an order not invoiced yet)."""

    number: str | None
    customer: str
    order: str
    issued: date
    item: str
    qty: int
    price: str
    layout: str | None
    scan: bool = False
    part: str = "main"
    rate: str = "0.13"

    @property
    def net(self) -> D:
        return (self.qty * D(self.price)).quantize(D("0.01"))

    @property
    def currency(self) -> str:
        return BY_CODE[self.customer].currency

    @property
    def tax(self) -> D:
        return (self.net * D(self.rate)).quantize(D("0.01")) if self.currency == "CNY" else D("0.00")

    @property
    def total(self) -> D:
        return self.net + self.tax


N = "263220000000045"  # the first 15 digits of our 数电 invoice numbers
INVOICES = [
    Inv(N + "10001", "C01", "HY-PO-2611-001", date(2026, 11, 2), "不锈钢六角螺栓 M12×50", 20000, "0.60", "cn_sd_grid"),
    Inv(N + "10002", "C01", "HY-PO-2611-002", date(2026, 11, 3), "法兰螺母 M12", 16900, "0.50", "cn_sd_grid"),
    Inv("04518831", "C02", "ZH-2611-11", date(2026, 11, 3), "冲压支架 ZJ-40", 1400, "4.00", "cn_old_vat"),
    Inv("04518832", "C02", "ZH-2611-12", date(2026, 11, 4), "折弯件 ZW-22", 800, "4.00", "cn_old_vat"),
    Inv(N + "10005", "C03", "JDHY-PO-26-0871", date(2026, 11, 4), "铝合金压铸壳体 AL-300", 3000, "7.00", "cn_issuer_first"),
    Inv(N + "10006", "C03", "JDHY-PO-26-0872", date(2026, 11, 5), "铝合金端盖 AL-301", 2000, "7.90", "cn_issuer_first"),
    Inv(N + "10007", "C04", "KD-PO-2611-07", date(2026, 11, 5), "精密铸件 ZG-15", 499, "20.00", "cn_sd_grid"),
    Inv("04518837", "C04", "KD-PO-2611-08", date(2026, 11, 6), "铸件机加工 JG-08", 200, "22.00", "cn_old_vat", scan=True),
    Inv(N + "10009", "C05", "CX-20261106", date(2026, 11, 6), "电子元件屏蔽罩 PB-12", 12000, "2.50", "cn_issuer_first"),
    Inv(N + "10010", "C05", "CX-20261107", date(2026, 11, 7), "接地弹片 JD-3", 5000, "1.45", "cn_sd_grid", scan=True),
    Inv("HR-EX-26-1111", "C06", "PRS-PO-55120", date(2026, 11, 9), "Stainless hex bolts M10x40, A2-70", 46000, "0.40", "en_letterhead"),
    Inv("HR-EX-26-1112", "C06", "PRS-PO-55121", date(2026, 11, 10), "Wing nuts M8, zinc plated", 25000, "0.25", "en_letterhead"),
    Inv("RE-2026-1113", "C07", "RA-4500018812", date(2026, 11, 10), "Gehäusedeckel Zinkdruckguss ZD-90", 1410, "7.00", "de_rechnung"),
    Inv("RE-2026-1114", "C07", "RA-4500018813", date(2026, 11, 11), "Flanschplatte FP-120, verzinkt", 412, "10.00", "de_rechnung"),
    Inv("HK-26-0115", "C08", "KBT-8841", date(2026, 11, 11), "Brass cable glands M20", 11300, "1.00", "hk_inv"),
    Inv("HK-26-0116", "C08", "KBT-8842", date(2026, 11, 12), "Brass lock nuts M20", 6200, "0.40", "hk_inv"),
    Inv("HR-EX-26-1117", "C09", "TE-PO-2026-331", date(2026, 11, 12), "Machined aluminium spacers", 3880, "2.00", "en_letterhead"),
    Inv("HK-26-0118", "C10", "BFS-7731", date(2026, 11, 13), "Hydraulic fitting bodies, steel", 890, "6.00", "hk_inv"),
    Inv(N + "10019", "C01", "HY-PO-2611-019", date(2026, 11, 13), "弹簧垫圈 M12", 23000, "0.10", "cn_pu_e"),
    Inv(N + "10020", "C03", "JDHY-PO-26-0890", date(2026, 11, 16), "铝合金支架 AL-220", 1100, "6.00", "cn_sd_grid"),
    Inv("04518841", "C05", "CX-20261117", date(2026, 11, 17), "屏蔽罩组件 PB-20", 5000, "2.50", "cn_old_vat"),
    Inv(N + "10022", "C02", "ZH-2611-22", date(2026, 11, 17), "加强筋板 JQ-9", 470, "4.00", "cn_issuer_first"),
    Inv("HR-EX-26-1123", "C06", "PRS-PO-55190", date(2026, 11, 18), "Serrated flange nuts M10", 21000, "0.15", "en_letterhead", scan=True),
    Inv(N + "10024", "C04", "KD-PO-2611-24", date(2026, 11, 18), "砂芯铸件 SX-5", 1240, "5.00", "cn_pu_e"),
    # an order billed by no invoice yet: its deposit names the order
    Inv(None, "C05", "CX-20261125", date(2026, 11, 25), "屏蔽罩 PB-30 (年度订单)", 20000, "2.50", None),
    # written after the first measurement (part "later"), scored untouched
    Inv(N + "10026", "C01", "HY-PO-2612-026", date(2026, 12, 1), "不锈钢垫片 M16", 30000, "0.12", "cn_issuer_first", part="later"),
    Inv(N + "10027", "C01", "HY-PO-2612-027", date(2026, 12, 1), "六角螺母 M16", 20000, "0.18", "cn_sd_grid", part="later"),
    Inv("04518851", "C03", "JDHY-PO-26-0911", date(2026, 12, 2), "压铸支座 AL-410", 900, "12.00", "cn_old_vat", part="later", scan=True),
    Inv("HR-EX-26-1229", "C09", "TE-PO-2026-350", date(2026, 12, 2), "Stainless dowel pins 8x30", 12000, "0.35", "en_letterhead", part="later"),
    Inv("RE-2026-1230", "C07", "RA-4500019020", date(2026, 12, 3), "Lagerschild LS-60, lackiert", 300, "15.00", "de_rechnung", part="later"),
]
BY_NUMBER = {i.number: i for i in INVOICES if i.number}
BY_ORDER = {i.order: i for i in INVOICES}


@dataclass(frozen=True)
class Pay:
    """One payment as its document prints it, and what it truly pays: ``pays`` (invoice number or order id,
    amount in the payment's currency); empty: nothing of ours (must never be matched automatically)."""

    id: str  # the bank's transaction id
    via: str  # receipt layout, or the statement file it is a line of
    day: date
    payer: str
    amount: str
    memo: str
    pays: tuple[tuple[str, str], ...]
    currency: str = "CNY"
    payer_account: str = ""
    payer_bank: str = ""
    scan: bool = False
    part: str = "main"
    fee: str = ""  # a charge the bank prints (advices)
    why: str = ""  # the mess it stands for

    @property
    def targets(self) -> frozenset[str]:
        return frozenset(t for t, _ in self.pays)


def _c(code: str) -> Cust:
    return BY_CODE[code]


PAYMENTS = [
    Pay("ICBC20261120000111", "rc_icbc_side", date(2026, 11, 20), _c("C01").name, "23108.50",
        f"货款 发票{N}10001 {N}10002", ((N + "10001", "13560.00"), (N + "10002", "9548.50")),
        payer_account=_c("C01").account, payer_bank=_c("C01").bank, why="two invoices"),
    Pay("CEB0000000201126", "rc_ours_theirs", date(2026, 11, 26), _c("C02").name, "6328.00",
        "付发票04518831货款", (("04518831", "6328.00"),), payer_account=_c("C02").account, payer_bank=_c("C02").bank,
        why="exact, invoice number"),
    Pay("ICBC20261123000187", "rc_icbc_side", date(2026, 11, 23), "华亿控股集团有限公司", "23730.00",
        f"代上海嘉定华亿汽车零部件有限公司付货款 发票号{N}10005", ((N + "10005", "23730.00"),),
        payer_account="31001520313050012345", payer_bank="中国建设银行上海嘉定支行", why="the customer's parent pays"),
    Pay("BOC2026112400563", "rc_boc_stacked", date(2026, 11, 24), _c("C03").name, "8000.00",
        f"发票{N}10006部分货款", ((N + "10006", "8000.00"),), payer_account=_c("C03").account, payer_bank=_c("C03").bank,
        why="part payment"),
    Pay("CMB26112500031", "cmb_nov", date(2026, 11, 25), _c("C04").name, "11277.40", "货款 订单KD-PO-2611-07",
        ((N + "10007", "11277.40"),), payer_account=_c("C04").account, why="memo names the order"),
    Pay("CEB0000000201204", "rc_ours_theirs", date(2026, 12, 4), _c("C04").name, "4972.00", "付04518873号发票款",
        (("04518837", "4972.00"),), payer_account=_c("C04").account, payer_bank=_c("C04").bank, scan=True,
        why="memo with a typo (04518873 for 04518837), scan"),
    Pay("CMB26112700044", "cmb_nov", date(2026, 11, 27), "创新电子", "33900.00", "货款",
        ((N + "10009", "33900.00"),), payer_account=_c("C05").account, why="payer by its short name (alias), no reference"),
    Pay("CMB26112900052", "cmb_nov", date(2026, 11, 29), _c("C05").name, "8192.50", f"发票{N}10010",
        ((N + "10010", "8192.50"),), payer_account=_c("C05").account, why="in both overlapping exports"),
    Pay("HSBC-FT2611300012", "rc_en_advice", date(2026, 11, 30), "PACIFIC RIM INDUSTRIAL SUPPLY INC", "18375.00",
        "INV HR-EX-26-1111", (("HR-EX-26-1111", "18375.00"),), currency="USD", payer_account="1234567890",
        payer_bank="WELLS FARGO BANK, N.A.", fee="25.00", why="a fee deducted"),
    Pay("HK2612020031", "hsbc_usd", date(2026, 12, 2), "PACIFIC RIM INDUSTRIAL SUPPLY", "6250.00",
        "PAYMENT HR-EX-26-1112", (("HR-EX-26-1112", "6250.00"),), currency="USD", why="exact, English export"),
    Pay("DB261201-0007", "db_eur", date(2026, 12, 1), "RHEINLAND ANTRIEBSTECHNIK GMBH + CO. KG", "9870.00",
        "RECHNUNG RE-2026-1113 KD 10442", (("RE-2026-1113", "9870.00"),), currency="EUR",
        payer_account="DE44300500000001234567", why="exact, MT940"),
    Pay("ICBC20261204000233", "rc_icbc_side", date(2026, 12, 4), "BRIGHTON FLUID SYSTEMS LTD", "41280.00",
        "INV HK-26-0118", (("HK-26-0118", "41280.00"),), payer_account="GB29NWBK60161331926819",
        payer_bank="NATWEST BANK PLC", why="pays a EUR invoice in CNY"),
    Pay("HSBC-FT2612030021", "rc_en_advice", date(2026, 12, 3), "GLOBAL TRADE SERVICES (HK) LIMITED", "11300.00",
        "ON BEHALF OF KOWLOON BAY TRADING INV HK-26-0115", (("HK-26-0115", "11300.00"),), currency="USD",
        payer_account="012-345-6-789012", payer_bank="BANK OF CHINA (HONG KONG) LIMITED", why="an agent pays"),
    Pay("HK2612040044", "hsbc_usd", date(2026, 12, 4), "KOWLOON BAY TRADING CO LTD", "2480.00", "",
        (("HK-26-0116", "2480.00"),), currency="USD", why="no memo; CO LTD for Co. Limited"),
    Pay("HK2612050051", "hsbc_usd", date(2026, 12, 5), "TANJONG ENGINEERING PTE. LTD.", "7745.00",
        "INV HR-EX-26-1117", (("HR-EX-26-1117", "7745.00"),), currency="USD", why="a fee deducted (15.00)"),
    Pay("DB261204-0011", "db_eur", date(2026, 12, 4), "RHEINLAND ANTRIEBSTECHNIK GMBH + CO. KG", "4120.00",
        "RE-NR. RE2026-1114", (("RE-2026-1114", "4120.00"),), currency="EUR", payer_account="DE44300500000001234567",
        why="number without its dash"),
    Pay("ICBC20261201000091", "rc_icbc_side", date(2026, 12, 1), _c("C01").name, "2599.00", "货款",
        ((N + "10019", "2599.00"),), payer_account=_c("C01").account, payer_bank=_c("C01").bank, why="no reference"),
    Pay("CMB26120200013", "cmb_dec", date(2026, 12, 2), _c("C03").name, "7458.00", "JDHY-PO-26-0890 货款",
        ((N + "10020", "7458.00"),), payer_account=_c("C03").account, why="memo names the order"),
    Pay("BOC2026120300771", "rc_boc_stacked", date(2026, 12, 3), _c("C05").name, "14125.00", "发票号码04518841",
        (("04518841", "14125.00"),), payer_account=_c("C05").account, payer_bank=_c("C05").bank, scan=True, why="scan"),
    Pay("CMB26112700061", "cmb_nov", date(2026, 11, 27), "李建国", "3000.00", "退押金", (),
        payer_account="6222021102004567890", why="nothing of ours"),
    Pay("CMB26120300024", "cmb_dec", date(2026, 12, 3), _c("C02").name, "2124.40", f"振华五金 发票{N}10022",
        ((N + "10022", "2124.40"),), payer_account=_c("C02").account, why="exact"),
    Pay("HK2612070012", "hsbc_usd", date(2026, 12, 7), "PACIFIC RIM INDUSTRIAL SUPPLY INC.", "3150.00",
        "INV HR-EX-26-1123", (("HR-EX-26-1123", "3150.00"),), currency="USD", why="its invoice a scan"),
    Pay("ICBC20261207000154", "rc_icbc_side", date(2026, 12, 7), _c("C04").name, "7006.00", f"{N}10024",
        ((N + "10024", "7006.00"),), payer_account=_c("C04").account, payer_bank=_c("C04").bank, why="bare number"),
    Pay("CMB26120400037", "cmb_dec", date(2026, 12, 4), _c("C05").name, "16950.00", "CX-20261125 预付款30%",
        (("CX-20261125", "16950.00"),), payer_account=_c("C05").account, why="deposit naming an order not invoiced"),
    # part "later": written after the fixes, scored untouched
    Pay("ICBC20261215000301", "rc_icbc_side", date(2026, 12, 15), _c("C01").name, "7658.00",
        f"货款 {N}10026 {N}10027", ((N + "10026", "4068.00"), (N + "10027", "3590.00")),
        payer_account=_c("C01").account, payer_bank=_c("C01").bank, part="later",
        why="two invoices, the second paid in part"),
    Pay("CEB0000000201216", "rc_ours_theirs", date(2026, 12, 16), "华亿控股集团有限公司", "12204.00",
        "代付嘉定华亿 订单JDHY-PO-26-0911", (("04518851", "12204.00"),), payer_account="31001520313050012345",
        payer_bank="中国建设银行上海嘉定支行", part="later", why="parent pays, memo names the order"),
    Pay("HK2612170033", "hsbc_usd", date(2026, 12, 17), "TANJONG ENGINEERING", "4185.00", "HREX261229",
        (("HR-EX-26-1229", "4185.00"),), currency="USD", part="later", why="fee deducted, number squashed"),
    Pay("DB261218-0021", "db_eur", date(2026, 12, 18), "RHEINLAND ANTRIEBSTECHNIK GMBH + CO. KG", "2000.00",
        "ANZAHLUNG RE-2026-1230", (("RE-2026-1230", "2000.00"),), currency="EUR",
        payer_account="DE44300500000001234567", part="later", why="part payment (Anzahlung)"),
    Pay("CMB26121800041", "cmb_dec", date(2026, 12, 18), _c("C03").name, "9854.00", f"发票{N}10006余款",
        ((N + "10006", "9854.00"),), payer_account=_c("C03").account, part="later",
        why="the balance of the part-paid invoice"),
    Pay("HSBC-FT2612190041", "rc_en_advice", date(2026, 12, 19), "KOWLOON BAY TRADING CO., LIMITED", "5000.00",
        "ADVANCE PAYMENT", (), currency="USD", payer_bank="HANG SENG BANK LIMITED", part="later",
        why="an advance naming nothing open"),
    Pay("CMB26121900052", "cmb_dec", date(2026, 12, 19), "深圳市创新电子科技有限公司", "16950.00", "CX-20261125 预付款30%",
        (), payer_account=_c("C05").account, part="later", why="the deposit paid twice (a second transaction)"),
]

def payments(part: str) -> list[Pay]:
    """The payments of ``part`` ("main", "later") or of the whole world ("all")."""
    return [p for p in PAYMENTS if p.part == part or part == "all"]


# ---------------------------------------------------------------------------------------------- invoices
def _m(v: D) -> str:
    return f"{v:,.2f}"


def _cn_date(d: date) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def _rate(inv: Inv) -> str:
    return f"{int(D(inv.rate) * 100)}%"


def cn_sd_grid(inv: Inv) -> tuple:
    """数电 电子发票（增值税专用发票）: buyer and seller side by side in one grid."""
    c = _c(inv.customer)
    items = [
        (62, 16, "电子发票（增值税专用发票）", 15), (150, 14, "发票号码：", 8), (168, 14, inv.number, 8),
        (150, 19, "开票日期：", 8), (168, 19, _cn_date(inv.issued), 8),
        (12, 32, "购", 9), (12, 37, "买", 9), (12, 42, "方", 9), (12, 47, "信", 9), (12, 52, "息", 9),
        (20, 36, "名称：", 8), (32, 36, c.name, 8), (20, 45, "统一社会信用代码/纳税人识别号：", 8), (20, 50, c.tax_id or "", 8),
        (107, 32, "销", 9), (107, 37, "售", 9), (107, 42, "方", 9), (107, 47, "信", 9), (107, 52, "息", 9),
        (115, 36, "名称：", 8), (127, 36, OURS, 8), (115, 45, "统一社会信用代码/纳税人识别号：", 8), (115, 50, OUR_TAX_ID, 8),
        (14, 62, "项目名称", 8), (62, 62, "规格型号", 8), (84, 62, "单位", 8), (-112, 62, "数量", 8), (-134, 62, "单价", 8),
        (-158, 62, "金额", 8), (-172, 62, "税率/征收率", 8), (-196, 62, "税额", 8),
        (14, 69, "*金属制品*" + inv.item, 8), (84, 69, "个", 8), (-112, 69, str(inv.qty), 8), (-134, 69, inv.price, 8),
        (-158, 69, f"{inv.net:.2f}", 8), (-170, 69, _rate(inv), 8), (-196, 69, f"{inv.tax:.2f}", 8),
        (14, 96, "合", 8), (30, 96, "计", 8), (-158, 96, f"¥{inv.net:.2f}", 8), (-196, 96, f"¥{inv.tax:.2f}", 8),
        (14, 104, "价税合计（大写）", 8), (50, 104, "ⓧ" + cn_upper(inv.total), 8), (140, 104, "（小写）", 8),
        (155, 104, f"¥{inv.total:.2f}", 8),
        (12, 114, "备", 8), (12, 119, "注", 8), (20, 116, f"订单号：{inv.order}", 8), (20, 132, "开票人：王芳", 8),
    ]
    rules = [(10, 28, 200, 28), (10, 57, 200, 57), (10, 100, 200, 100), (10, 108, 200, 108), (10, 124, 200, 124),
             (10, 28, 10, 124), (200, 28, 200, 124), (105, 28, 105, 57), (18, 28, 18, 57), (113, 28, 113, 57)]
    return items, rules, "WQ"


def cn_old_vat(inv: Inv) -> tuple:
    """Old-style 增值税专用发票: 发票代码 and an 8-digit number, 购买方 block on top, 销售方 block at the bottom, 大写."""
    c = _c(inv.customer)
    items = [
        (70, 14, "江苏增值税专用发票", 15), (88, 21, "发 票 联", 10),
        (14, 14, "3200262130", 9), (150, 12, "No", 10), (160, 12, inv.number, 12),
        (150, 22, "开票日期：", 8), (168, 22, _cn_date(inv.issued), 8),
        (14, 32, "购", 9), (14, 37, "买", 9), (14, 42, "方", 9),
        (22, 31, "名　　称：", 8), (45, 31, c.name, 8), (22, 36, "纳税人识别号：", 8), (45, 36, c.tax_id or "", 8),
        (22, 41, "地 址、电 话：", 8), (45, 41, c.address, 8), (22, 46, "开户行及账号：", 8), (45, 46, f"{c.bank} {c.account}", 8),
        (18, 56, "货物或应税劳务、服务名称", 8), (78, 56, "规格型号", 8), (98, 56, "单位", 8), (-122, 56, "数量", 8),
        (-140, 56, "单价", 8), (-162, 56, "金额", 8), (-172, 56, "税率", 8), (-196, 56, "税额", 8),
        (18, 63, inv.item, 8), (98, 63, "件", 8), (-122, 63, str(inv.qty), 8), (-140, 63, inv.price, 8),
        (-162, 63, f"{inv.net:.2f}", 8), (-172, 63, _rate(inv), 8), (-196, 63, f"{inv.tax:.2f}", 8),
        (40, 88, "合　　计", 8), (-162, 88, f"¥{inv.net:.2f}", 8), (-196, 88, f"¥{inv.tax:.2f}", 8),
        (18, 96, "价税合计（大写）", 8), (55, 96, "⊗ " + cn_upper(inv.total), 8), (140, 96, "（小写）", 8),
        (155, 96, f"¥{inv.total:.2f}", 8),
        (14, 106, "销", 9), (14, 111, "售", 9), (14, 116, "方", 9),
        (22, 105, "名　　称：", 8), (45, 105, OURS, 8), (22, 110, "纳税人识别号：", 8), (45, 110, OUR_TAX_ID, 8),
        (22, 115, "地 址、电 话：", 8), (45, 115, OUR_ADDR, 8), (22, 120, "开户行及账号：", 8),
        (45, 120, f"中国工商银行苏州木渎支行 {ICBC_ACC}", 8), (140, 108, "备注", 8), (150, 113, f"合同号 {inv.order}", 8),
        (20, 130, "收款人：李娜", 8), (70, 130, "复核：张敏", 8), (120, 130, "开票人：王芳", 8), (160, 130, "销售方：（章）", 8),
    ]
    rules = [(12, 27, 200, 27), (12, 51, 200, 51), (12, 92, 200, 92), (12, 100, 200, 100), (12, 125, 200, 125),
             (12, 27, 12, 125), (200, 27, 200, 125), (20, 27, 20, 51), (20, 100, 20, 125), (136, 100, 136, 125)]
    return items, rules, "WQ"


def cn_issuer_first(inv: Inv) -> tuple:
    """The issuer block first (开票方), then 受票方, totals above the items."""
    c = _c(inv.customer)
    items = [
        (75, 14, "电子发票（普通发票）", 15), (14, 26, "发票号码", 8), (40, 26, inv.number, 8),
        (120, 26, "开票日期", 8), (145, 26, _cn_date(inv.issued), 8),
        (14, 36, "开票方", 9), (14, 42, "名称", 8), (40, 42, OURS, 8), (14, 47, "纳税人识别号", 8), (40, 47, OUR_TAX_ID, 8),
        (14, 57, "受票方", 9), (14, 63, "名称", 8), (40, 63, c.name, 8), (14, 68, "纳税人识别号", 8), (40, 68, c.tax_id or "", 8),
        (14, 80, "价税合计（大写）", 8), (50, 80, cn_upper(inv.total), 8), (130, 80, "（小写）", 8), (148, 80, f"¥{inv.total:.2f}", 8),
        (14, 86, "金额合计", 8), (40, 86, f"¥{inv.net:.2f}", 8), (100, 86, "税额合计", 8), (125, 86, f"¥{inv.tax:.2f}", 8),
        (14, 98, "项目名称", 8), (-110, 98, "数量", 8), (-130, 98, "单价", 8), (-155, 98, "金额", 8), (-170, 98, "税率", 8),
        (-196, 98, "税额", 8),
        (14, 105, "*金属制品*" + inv.item, 8), (-110, 105, str(inv.qty), 8), (-130, 105, inv.price, 8),
        (-155, 105, f"{inv.net:.2f}", 8), (-170, 105, _rate(inv), 8), (-196, 105, f"{inv.tax:.2f}", 8),
        (14, 122, "备注", 8), (30, 122, f"客户订单号 {inv.order}", 8), (14, 134, "开票人：王芳", 8),
    ]
    rules = [(12, 32, 200, 32), (12, 52, 200, 52), (12, 74, 200, 74), (12, 92, 200, 92), (12, 116, 200, 116)]
    return items, rules, "WQ"


def cn_pu_e(inv: Inv) -> tuple:
    """数电 普票 stacked: 购买方 above 销售方, each a labelled row."""
    c = _c(inv.customer)
    items = [
        (60, 14, "电子发票（普通发票）", 15), (14, 26, "发票号码：", 8), (34, 26, inv.number, 8),
        (130, 26, "开票日期：", 8), (150, 26, _cn_date(inv.issued), 8),
        (14, 36, "购买方名称：", 8), (40, 36, c.name, 8), (120, 36, "统一社会信用代码：", 8), (150, 36, c.tax_id or "", 8),
        (14, 42, "销售方名称：", 8), (40, 42, OURS, 8), (120, 42, "统一社会信用代码：", 8), (150, 42, OUR_TAX_ID, 8),
        (14, 54, "项目名称", 8), (-110, 54, "数量", 8), (-130, 54, "单价", 8), (-155, 54, "金额", 8), (-170, 54, "税率", 8),
        (-196, 54, "税额", 8),
        (14, 61, "*金属制品*" + inv.item, 8), (-110, 61, str(inv.qty), 8), (-130, 61, inv.price, 8),
        (-155, 61, f"{inv.net:.2f}", 8), (-170, 61, _rate(inv), 8), (-196, 61, f"{inv.tax:.2f}", 8),
        (14, 80, "合计", 8), (-155, 80, f"¥{inv.net:.2f}", 8), (-196, 80, f"¥{inv.tax:.2f}", 8),
        (14, 87, "价税合计（大写）", 8), (50, 87, cn_upper(inv.total), 8), (130, 87, "（小写）", 8), (148, 87, f"¥{inv.total:.2f}", 8),
        (14, 96, "备注：", 8), (28, 96, f"订单 {inv.order}", 8),
    ]
    return items, [(12, 50, 200, 50), (12, 75, 200, 75), (12, 91, 200, 91)], "WQ"


def en_letterhead(inv: Inv) -> tuple:
    """An English commercial invoice on our letterhead."""
    c = _c(inv.customer)
    d = inv.issued
    items = [
        (20, 14, OURS_EN.upper(), 12, "DVB"), (20, 20, "No. 1258 Jinfeng South Road, Mudu Town, Suzhou 215101, China", 8),
        (20, 24, f"Tel +86 512 6688 1234   USCC {OUR_TAX_ID}", 8),
        (80, 38, "COMMERCIAL INVOICE", 14, "DVB"),
        (20, 50, "Bill To:", 9, "DVB"), (20, 55, c.name, 9), (20, 60, c.address, 8),
        (130, 50, "Invoice No.:", 9), (158, 50, inv.number, 9), (130, 55, "Date:", 9), (158, 55, f"{d:%B} {d.day}, {d.year}", 9),
        (130, 60, "Your PO:", 9), (158, 60, inv.order, 9), (130, 65, "Terms:", 9), (158, 65, "T/T 30 days", 9),
        (20, 78, "Description", 9, "DVB"), (-130, 78, "Qty", 9, "DVB"), (-158, 78, "Unit Price", 9, "DVB"),
        (-190, 78, "Amount (USD)", 9, "DVB"),
        (20, 85, inv.item, 9), (-130, 85, f"{inv.qty:,}", 9), (-158, 85, inv.price, 9), (-190, 85, _m(inv.net), 9),
        (120, 105, "TOTAL USD", 10, "DVB"), (-190, 105, _m(inv.total), 10, "DVB"),
        (20, 115, f"Say: US Dollars {inv.total:.2f} only", 8),
        (20, 125, "Please quote the invoice number with your payment.", 8),
        (20, 130, f"Beneficiary bank: HSBC Hong Kong, account {HSBC_ACC}, SWIFT HSBCHKHHHKH", 8),
    ]
    return items, [(20, 80, 190, 80), (20, 100, 190, 100)], "DV"


def hk_inv(inv: Inv) -> tuple:
    """A Hong Kong trading-house ``INVOICE``: ``Inv. No.``, ``Grand Total (CCY)`` with its sign."""
    c = _c(inv.customer)
    sign = {"EUR": "€", "USD": "US$"}[inv.currency]
    items = [
        (20, 14, "HENGRUI PRECISION (SUZHOU)", 12, "DVB"), (20, 19, OURS_EN, 8), (20, 23, "Suzhou, Jiangsu, China", 8),
        (160, 16, "INVOICE", 14, "DVB"),
        (20, 38, "To:", 9), (32, 38, c.name, 9), (32, 43, c.address, 8),
        (140, 38, "Inv. No.", 9), (162, 38, inv.number, 9), (140, 43, "Inv. Date", 9), (162, 43, f"{inv.issued:%d-%b-%Y}", 9),
        (140, 48, "Cust. Ref.", 9), (162, 48, inv.order, 9),
        (20, 62, "Item", 9, "DVB"), (30, 62, "Description", 9, "DVB"), (-140, 62, "Qty", 9, "DVB"),
        (-165, 62, "Price", 9, "DVB"), (-190, 62, "Total", 9, "DVB"),
        (20, 69, "1", 9), (30, 69, inv.item, 9), (-140, 69, f"{inv.qty:,}", 9), (-165, 69, inv.price, 9),
        (-190, 69, _m(inv.net), 9),
        (120, 90, f"Grand Total ({inv.currency})", 10, "DVB"), (-190, 90, f"{sign} {_m(inv.total)}", 10, "DVB"),
        (20, 105, "E.&O.E.  Goods sold are not returnable.", 8),
    ]
    return items, [(20, 64, 190, 64), (20, 84, 190, 84)], "DV"


def de_rechnung(inv: Inv) -> tuple:
    """A German Rechnung of our European sales (export, no VAT)."""
    c = _c(inv.customer)
    items = [
        (20, 14, OURS_EN, 11, "DVB"), (20, 19, "Suzhou, China · USt-frei (Ausfuhrlieferung)", 8),
        (20, 36, c.name, 9), (20, 41, c.address, 8),
        (130, 36, "Rechnungsnummer:", 9), (163, 36, inv.number, 9), (130, 41, "Rechnungsdatum:", 9),
        (163, 41, f"{inv.issued:%d.%m.%Y}", 9), (130, 46, "Ihre Bestellung:", 9), (163, 46, inv.order, 9),
        (20, 58, "Rechnung", 14, "DVB"),
        (20, 70, "Pos.", 9, "DVB"), (32, 70, "Bezeichnung", 9, "DVB"), (-135, 70, "Menge", 9, "DVB"),
        (-160, 70, "Einzelpreis", 9, "DVB"), (-190, 70, "Betrag", 9, "DVB"),
        (20, 77, "1", 9), (32, 77, inv.item, 9), (-135, 77, str(inv.qty), 9),
        (-160, 77, inv.price.replace(".", ","), 9), (-190, 77, _m(inv.net).replace(",", "X").replace(".", ",").replace("X", "."), 9),
        (120, 95, "Gesamtbetrag EUR", 10, "DVB"),
        (-190, 95, _m(inv.total).replace(",", "X").replace(".", ",").replace("X", "."), 10, "DVB"),
        (20, 108, "Steuerfreie Ausfuhrlieferung gemäß § 6 UStG.", 8),
        (20, 113, f"Zahlbar innerhalb 30 Tagen auf IBAN {DB_IBAN}, Deutsche Bank.", 8),
    ]
    return items, [(20, 72, 190, 72), (20, 90, 190, 90)], "DV"


INVOICE_LAYOUTS = {"cn_sd_grid": cn_sd_grid, "cn_old_vat": cn_old_vat, "cn_issuer_first": cn_issuer_first,
                   "cn_pu_e": cn_pu_e, "en_letterhead": en_letterhead, "hk_inv": hk_inv, "de_rechnung": de_rechnung}


# ---------------------------------------------------------------------------------------------- receipts
def _cn_amount(p: Pay) -> str:
    return f"{D(p.amount):,.2f}"


def rc_icbc_side(p: Pay) -> tuple:
    """ICBC 网上银行电子回单: 付款人 | 收款人 side by side."""
    items = [
        (60, 14, "中国工商银行网上银行电子回单", 14), (14, 24, "电子回单号码：", 8), (40, 24, "0" + p.id[-12:], 8),
        (14, 34, "付", 9), (14, 40, "款", 9), (14, 46, "人", 9),
        (22, 32, "户名", 8), (36, 32, p.payer, 8), (22, 39, "账号", 8), (36, 39, p.payer_account, 8),
        (22, 46, "开户银行", 8), (36, 46, p.payer_bank, 8),
        (106, 34, "收", 9), (106, 40, "款", 9), (106, 46, "人", 9),
        (114, 32, "户名", 8), (128, 32, OURS, 8), (114, 39, "账号", 8), (128, 39, ICBC_ACC, 8),
        (114, 46, "开户银行", 8), (128, 46, "中国工商银行苏州木渎支行", 8),
        (14, 56, "金额", 8), (36, 56, f"人民币（大写）{cn_upper(D(p.amount))}", 8), (128, 56, f"¥{_cn_amount(p)}", 8),
        (14, 63, "用途", 8), (36, 63, p.memo, 8), (14, 70, "交易流水号", 8), (36, 70, p.id, 8),
        (114, 70, "交易日期", 8), (128, 70, p.day.isoformat(), 8), (14, 80, "记账柜员 00018  记账网点 1102", 7),
    ]
    rules = [(12, 28, 200, 28), (12, 51, 200, 51), (12, 60, 200, 60), (12, 75, 200, 75), (104, 28, 104, 51),
             (12, 28, 12, 75), (200, 28, 200, 75)]
    return items, rules, "WQ"


def rc_ours_theirs(p: Pay) -> tuple:
    """A 光大银行 style receipt labelled 本方/对方, with a 借贷 mark."""
    items = [
        (70, 14, "中国光大银行 电子回单", 14), (14, 26, "交易日期：", 8), (34, 26, _cn_date(p.day), 8),
        (120, 26, "流水号：", 8), (136, 26, p.id, 8),
        (14, 36, "本方户名：", 8), (34, 36, OURS, 8), (110, 36, "本方账号：", 8), (130, 36, "3761 0188 0000 6543 21", 8),
        (14, 43, "对方户名：", 8), (34, 43, p.payer, 8), (110, 43, "对方账号：", 8), (130, 43, p.payer_account, 8),
        (14, 50, "对方开户行：", 8), (38, 50, p.payer_bank, 8),
        (14, 57, "借贷标志：", 8), (34, 57, "贷", 8), (110, 57, "币种：", 8), (130, 57, "人民币", 8),
        (14, 64, "交易金额：", 8), (34, 64, _cn_amount(p), 8), (110, 64, "金额大写：", 8), (130, 64, cn_upper(D(p.amount)), 8),
        (14, 71, "摘要：", 8), (34, 71, p.memo, 8),
    ]
    return items, [(12, 31, 200, 31), (12, 76, 200, 76)], "WQ"


def rc_boc_stacked(p: Pay) -> tuple:
    """中国银行 国内支付业务收款回执: stacked 付款人 then 收款人 rows."""
    items = [
        (55, 14, "中国银行 国内支付业务收款回执", 14), (14, 24, "日期：", 8), (26, 24, p.day.strftime("%Y/%m/%d"), 8),
        (130, 24, "业务流水号：", 8), (154, 24, p.id, 8),
        (14, 34, "付款人名称：", 8), (40, 34, p.payer, 8), (14, 40, "付款人账号：", 8), (40, 40, p.payer_account, 8),
        (14, 46, "付款人开户行：", 8), (40, 46, p.payer_bank, 8),
        (14, 54, "收款人名称：", 8), (40, 54, OURS, 8), (14, 60, "收款人账号：", 8), (40, 60, "5302 6321 8877", 8),
        (14, 66, "收款人开户行：", 8), (40, 66, "中国银行苏州吴中支行", 8),
        (14, 74, "币种：人民币", 8), (60, 74, "金额：", 8), (72, 74, _cn_amount(p), 8),
        (14, 80, "金额（大写）：", 8), (40, 80, cn_upper(D(p.amount)), 8),
        (14, 86, "附言：", 8), (26, 86, p.memo, 8),
    ]
    return items, [(12, 29, 200, 29), (12, 50, 200, 50), (12, 70, 200, 70), (12, 91, 200, 91)], "WQ"


def rc_en_advice(p: Pay) -> tuple:
    """An English inward remittance credit advice of our HSBC Hong Kong USD account."""
    gross = D(p.amount) + D(p.fee or "0")
    items = [
        (20, 14, "The Hongkong and Shanghai Banking Corporation Limited", 10, "DVB"),
        (20, 26, "CREDIT ADVICE - INWARD REMITTANCE", 12, "DVB"),
        (20, 38, "Value Date", 9), (70, 38, f"{p.day:%d %b %Y}".upper(), 9),
        (20, 44, "Our Reference", 9), (70, 44, p.id, 9),
        (20, 50, "Beneficiary", 9), (70, 50, OURS_EN, 9), (20, 56, "Account Number", 9), (70, 56, HSBC_ACC, 9),
        (20, 62, "Ordering Customer", 9), (70, 62, p.payer, 9), (20, 68, "Ordering Bank", 9), (70, 68, p.payer_bank, 9),
        (20, 74, "Remittance Amount", 9), (70, 74, f"{p.currency} {gross:,.2f}", 9),
        (20, 80, "Charges Deducted", 9), (70, 80, f"{p.currency} {D(p.fee or '0'):,.2f}", 9),
        (20, 86, "Credit Amount", 9, "DVB"), (70, 86, f"{p.currency} {D(p.amount):,.2f}", 9, "DVB"),
        (20, 92, "Details of Payment", 9), (70, 92, p.memo or "-", 9),
        (20, 106, "This advice is computer generated and requires no signature.", 7),
    ]
    return items, [(20, 32, 190, 32), (20, 98, 190, 98)], "DV"


RECEIPT_LAYOUTS = {"rc_icbc_side": rc_icbc_side, "rc_ours_theirs": rc_ours_theirs, "rc_boc_stacked": rc_boc_stacked,
                   "rc_en_advice": rc_en_advice}


# ---------------------------------------------------------------------------------------------- statements
def _cmb_ledger(rows: list[Pay], extra: list[tuple]) -> list[tuple]:
    """Every line of our 招商银行 account in booking order, with its running balance."""
    entries = [(p.day, None, D(p.amount), p.payer, p.payer_account, p.memo, p.id) for p in rows]
    entries += [(d, D(out), None, who, acc, memo, txn) for d, out, who, acc, memo, txn in extra]
    entries.sort(key=lambda e: (e[0], e[6]))
    balance, out = D("180000.00"), []
    for e in entries:
        balance += (e[2] or D(0)) - (e[1] or D(0))
        out.append((*e, balance))
    return out


def _cmb(ledger: list[tuple], period: tuple[date, date]) -> str:
    """A 招商银行 csv export of ``period``: preamble lines, 借方发生额(支出)/贷方发生额(收入) headers."""
    lines = [f"账号：{CMB_ACC}", f"户名：{OURS}", "币种：人民币", f"起止日期：{period[0]:%Y-%m-%d} 至 {period[1]:%Y-%m-%d}", "",
             "交易日期,交易时间,借方发生额(支出),贷方发生额(收入),余额,对方户名,对方账号,摘要,流水号"]
    for d, out, inn, who, acc, memo, txn, balance in ledger:
        if period[0] <= d <= period[1]:
            lines.append(",".join([f"{d:%Y%m%d}", "10:15:02", f"{out:.2f}" if out else "", f"{inn:.2f}" if inn else "",
                                   f"{balance:.2f}", who, acc, memo, txn]))
    return "\n".join(lines) + "\n"


def _hsbc_xlsx(rows: list[Pay], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["HSBC HK Business Banking - Account Activity"])
    ws.append(["Account", f"{HSBC_ACC} USD SAVINGS", "", "Currency", "USD"])
    ws.append([])
    ws.append(["Date", "Description", "Withdrawals", "Deposits", "Balance", "Reference"])
    bal = D("52310.20")
    for p in sorted(rows, key=lambda p: p.day):
        bal += D(p.amount)
        ws.append([p.day.strftime("%d/%m/%Y"), f"TT CREDIT {p.payer} {p.memo}".strip(), "", f"{D(p.amount):,.2f}",
                   f"{bal:,.2f}", p.id])
    bal -= D("35.00")
    ws.append(["07/12/2026", "SERVICE CHARGE", "35.00", "", f"{bal:,.2f}", "SC261207"])
    wb.save(path)


def _mt940(rows: list[Pay]) -> str:
    out = [":20:STMT261231", f":25:37040044/{DB_IBAN[-10:]}", ":28C:00112/001", ":60F:C261130EUR12500,00"]
    bal = D("12500.00")
    for p in sorted(rows, key=lambda p: p.day):
        bal += D(p.amount)
        amt = f"{D(p.amount):.2f}".replace(".", ",")
        out.append(f":61:{p.day:%y%m%d}{p.day:%m%d}CR{amt}NTRFNONREF//{p.id}")
        out.append(f":86:166?00GUTSCHRIFT?20{p.memo[:27]}?21{p.memo[27:54]}?30COBADEFFXXX?31{p.payer_account}"
                   f"?32{p.payer[:27]}?33{p.payer[27:54]}")
    out.append(f":62F:C261231EUR{f'{bal:.2f}'.replace('.', ',')}")
    return "\n".join(out) + "\n-\n"


# ---------------------------------------------------------------------------------------------- the world
def our_companies(path: Path) -> Path:
    from hub.settings import OurCompany, write_our_companies

    return write_our_companies([OurCompany(name=OURS, name_en=OURS_EN, tax_ids=[OUR_TAX_ID],
                                           accounts=[ICBC_ACC, CMB_ACC, HSBC_ACC, DB_IBAN, "37610188000065432",
                                                     "530263218877"],
                                           aliases=["恒锐精密", "HENGRUI PRECISION (SUZHOU)"])], path)


def _scan(pdf: Path, seed: int) -> Path:
    import numpy as np

    from extractors.pdfwords import render_pages
    from tests.extractors_documents.degrade import clean

    img = render_pages(pdf, [1], dpi=200)[0]
    out = pdf.with_suffix(".jpg")
    out.write_bytes(clean(img, np.random.default_rng(seed)))
    pdf.unlink()
    return out


@dataclass
class World:
    folder: Path
    docs: Path
    statements: Path
    customers: Path
    orders: Path
    companies: Path
    invoices: list[Inv] = field(default_factory=list)
    payments: list[Pay] = field(default_factory=list)


def build(folder: Path, part: str = "main") -> World:
    """Write the files of part ``"main"`` or of ``"all"`` (main and later: the world a month on, scored on the
    later payments)."""
    parts = {"main": ("main",), "all": ("main", "later")}[part]
    w = World(folder, folder / "docs", folder / "statements", folder / "customers.jsonl", folder / "orders.jsonl",
              our_companies(folder / "our_companies.toml"))
    w.docs.mkdir(parents=True, exist_ok=True)
    w.statements.mkdir(parents=True, exist_ok=True)
    w.invoices = [i for i in INVOICES if i.part in parts]
    w.payments = payments(part)
    with w.customers.open("w", encoding="utf-8") as fh:
        for c in CUSTOMERS:
            rec = {"code": c.code, "name": c.name, "country": c.country, "tax_id": c.tax_id, "currency": c.currency,
                   "name_en": c.name_en, "aliases": list(c.aliases), "address": c.address or None}
            fh.write(json.dumps({"kind": "customer", "record": rec}, ensure_ascii=False) + "\n")
    with w.orders.open("w", encoding="utf-8") as fh:
        for i in w.invoices:
            c = _c(i.customer)
            rec = {"channel": "direct", "external_id": i.order, "customer_code": c.code, "customer_name": c.name,
                   "order_date": (i.issued.replace(day=1)).isoformat(), "currency": i.currency,
                   "lines": [{"line_no": 1, "description": i.item, "quantity": str(i.qty), "unit_price": i.price,
                              "amount": str(i.net)}] if i.currency != "CNY" else
                   [{"line_no": 1, "description": i.item, "quantity": str(i.qty),
                     "unit_price": str((D(i.price) * (1 + D(i.rate))).quantize(D("0.0001"))), "amount": str(i.total)}]}
            fh.write(json.dumps({"kind": "order", "record": rec}, ensure_ascii=False) + "\n")
    for n, inv in enumerate(i for i in w.invoices if i.layout):
        path = draw_pdf(w.docs / f"inv_{inv.layout}_{inv.number}.pdf", *INVOICE_LAYOUTS[inv.layout](inv))
        if inv.scan:
            _scan(path, n)
    for n, p in enumerate(w.payments):
        if p.via in RECEIPT_LAYOUTS:
            path = draw_pdf(w.docs / f"rc_{p.via[3:]}_{p.id}.pdf", *RECEIPT_LAYOUTS[p.via](p))
            if p.scan:
                _scan(path, 100 + n)
    by_file: dict[str, list[Pay]] = {}
    for p in w.payments:
        by_file.setdefault(p.via, []).append(p)
    ledger = _cmb_ledger(by_file.get("cmb_nov", []) + by_file.get("cmb_dec", []),
                         [(date(2026, 11, 30), "28.00", "", "", "账户管理费", "CMB26113000099")])
    (w.statements / "招商银行_交易明细_202611.csv").write_text(
        _cmb(ledger, (date(2026, 11, 1), date(2026, 11, 30))), encoding="utf-8")
    # the December export was taken from 11-29: it repeats the lines of 11-29 and 11-30
    (w.statements / "招商银行_交易明细_20261129-20261220.csv").write_text(
        _cmb(ledger, (date(2026, 11, 29), date(2026, 12, 20))), encoding="utf-8")
    if by_file.get("hsbc_usd"):
        _hsbc_xlsx(by_file["hsbc_usd"], w.statements / f"HSBC_{part}_activity.xlsx")
    if by_file.get("db_eur"):
        (w.statements / f"deutsche_bank_{part}.sta").write_text(_mt940(by_file["db_eur"]), encoding="utf-8")
    return w
