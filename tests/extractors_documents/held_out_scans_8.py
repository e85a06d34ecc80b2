"""An eighth held-out scan set (issue 14 §1-§4, scans), written by hand for branch scans8: documents no scan set used
before, each with the paper accident it is scanned with (``bench/scans_held8.py`` applies it): a thermal till receipt
(narrow, faded), a Japanese 請求書 scanned grey, a Dutch factuur and a 浦发 回单 scanned 3-5 degrees skewed with the
scanner lid's dark border, an Indian GST invoice photographed off a screen-printed sheet under uneven light (a moire),
a 数电 专票 with a pencil note in its margin, an Australian tax invoice printed in two columns, a 工商银行 回单 saved as a
JPEG at quality 30.

``DOCS``: name -> (items, rules, font, more pages, line width, kind, accident).
``TRUTH``: name -> every printed header field."""

from __future__ import annotations

from tests.extractors_documents.handmade import OUR_TAX_ID, OURS, OURS_EN, OURS_IN, OURS_IN_GSTIN


def box(x1: float, y1: float, x2: float, y2: float) -> list[tuple[float, float, float, float]]:
    return [(x1, y1, x2, y1), (x1, y2, x2, y2), (x1, y1, x1, y2), (x2, y1, x2, y2)]


OUR_SPDB = "89010078801200004321"
OUR_ICBC = "1102020109000123456"

DOCS: dict[str, tuple] = {
# 1. a till receipt on thermal paper (80 mm wide), faded towards its end, from a Singapore hardware shop
"sg_till_thermal": ([
    (14, 12, "TAN BROTHERS HARDWARE", 10, "DVB"), (12, 17, "PTE LTD", 9, "DVB"), (8, 22, "Blk 3017 Bedok North St 5 #01-22", 6.5),
    (8, 26, "GST Reg No: 201912345K", 6.5), (8, 32, "TAX INVOICE", 8, "DVB"),
    (8, 37, "Receipt No: R0045-118273", 7), (8, 41, "Date: 2026-11-28  14:32", 7), (8, 45, "Cashier: 03 MEI LING", 7),
    (8, 51, "M10 anchor bolt x 20", 7), (-72, 51, "36.00", 7), (8, 55, "Cable tie 300mm x 5", 7), (-72, 55, "17.50", 7),
    (8, 59, "Masking tape 48mm x 6", 7), (-72, 59, "32.90", 7),
    (8, 66, "TOTAL SGD", 9, "DVB"), (-72, 66, "86.40", 9, "DVB"), (8, 71, "GST 9% incl.", 7), (-72, 71, "7.13", 7),
    (8, 76, "NETS", 7), (-72, 76, "86.40", 7), (10, 84, "Thank you! Goods sold are not", 6.5), (14, 88, "refundable.", 6.5),
], [(8, 47, 72, 47), (8, 62, 72, 62)], "DV", (), 0.6, "invoice", "thermal"),

# 2. a Japanese 請求書 (with its 登録番号 for the qualified-invoice system), scanned grey
"jp_seikyusho": ([
    (85, 16, "請求書", 16), (140, 26, "請求書番号：SK-2611-0457", 8), (140, 31, "請求日：2026年11月30日", 8),
    (20, 30, OURS + " 御中", 9), (20, 40, "下記の通りご請求申し上げます。", 8),
    (120, 40, "株式会社大阪精機製作所", 10), (120, 46, "〒550-0013 大阪府大阪市西区新町2-4-8", 7),
    (120, 51, "登録番号：T4120001098765", 8),
    (20, 52, "ご請求金額", 9), (50, 52, "¥528,000", 11),
    (20, 64, "品名", 8), (-125, 64, "数量", 8), (-150, 64, "単価", 8), (-185, 64, "金額", 8),
    (20, 70, "精密ベアリング 6204ZZ", 8), (-125, 70, "800", 8), (-150, 70, "450", 8), (-185, 70, "360,000", 8),
    (20, 76, "シャフトカラー SC-20", 8), (-125, 76, "400", 8), (-150, 76, "300", 8), (-185, 76, "120,000", 8),
    (120, 88, "小計", 8), (-185, 88, "¥480,000", 8), (120, 94, "消費税（10%）", 8), (-185, 94, "¥48,000", 8),
    (120, 100, "合計", 9), (-185, 100, "¥528,000", 9),
    (20, 112, "お振込先：三菱UFJ銀行 西長堀支店 普通 1234567", 7), (20, 117, "お支払期限：2026年12月31日", 7),
], [(20, 60, 190, 60), (20, 67, 190, 67), (20, 82, 190, 82), (118, 97, 190, 97)], "WQ", (), 0.6, "invoice", "grey_scan"),

# 3. a Dutch factuur scanned skewed with the scanner's lid open (a dark border on two sides)
"nl_factuur_skew": ([
    (20, 16, "Van der Berg Metaaltechniek B.V.", 13, "DVB"), (20, 22, "Industrieweg 17, 3044 AS Rotterdam", 7),
    (20, 26, "BTW-nummer: NL853927461B01  ·  KvK 24351879", 7),
    (140, 36, "FACTUUR", 12, "DVB"), (140, 44, "Factuurnummer: 2026-1187", 8), (140, 49, "Factuurdatum: 26-11-2026", 8),
    (140, 54, "Vervaldatum: 26-12-2026", 8),
    (20, 40, "Aan:", 8), (20, 45, OURS_EN, 8), (20, 50, "88 Xinghu Street, Suzhou, China", 8),
    (20, 64, "Omschrijving", 8), (-125, 64, "Aantal", 8), (-155, 64, "Prijs", 8), (-190, 64, "Bedrag", 8),
    (20, 70, "Lasersnijden RVS plaat 3 mm", 8), (-125, 70, "250", 8), (-155, 70, "8,40", 8), (-190, 70, "2.100,00", 8),
    (20, 76, "Kanten en afbramen", 8), (-125, 76, "250", 8), (-155, 76, "2,60", 8), (-190, 76, "650,00", 8),
    (120, 90, "Subtotaal", 9), (-190, 90, "€ 2.750,00", 9), (120, 96, "BTW 0% (ICL, verlegd)", 9), (-190, 96, "€ 0,00", 9),
    (120, 104, "Totaal", 10, "DVB"), (-190, 104, "€ 2.750,00", 10, "DVB"),
    (20, 118, "Gelieve te betalen op IBAN NL91 ABNA 0417 1643 00 o.v.v. het factuurnummer.", 7),
], [(20, 60, 190, 60), (20, 67, 190, 67), (20, 84, 190, 84), (118, 100, 190, 100)], "DV", (), 0.6, "invoice", "skew_border"),

# 4. an Indian GST tax invoice photographed off a printed sheet under a desk lamp (uneven light, a moire)
"in_gst_moire": ([
    (20, 16, "SHREE GANESH AUTO COMPONENTS", 13, "DVB"), (20, 22, "Plot 44, MIDC Bhosari, Pune 411026, Maharashtra", 7),
    (20, 26, "GSTIN: 27AAKFS4431M1Z9", 8),
    (145, 36, "TAX INVOICE", 12, "DVB"), (145, 44, "Invoice No.: SGAC/26-27/1142", 8), (145, 49, "Invoice Date: 21-Nov-2026", 8),
    (20, 40, "Bill To:", 8), (20, 45, OURS_IN, 8), (20, 50, "GSTIN: " + OURS_IN_GSTIN, 8),
    (20, 64, "Description", 8), (95, 64, "HSN", 8), (-130, 64, "Qty", 8), (-155, 64, "Rate", 8), (-190, 64, "Taxable Value", 8),
    (20, 70, "Brake lever bracket BLB-7", 8), (95, 70, "87141090", 8), (-130, 70, "1,200", 8), (-155, 70, "85.00", 8),
    (-190, 70, "1,02,000.00", 8),
    (120, 86, "Taxable Value", 9), (-190, 86, "1,02,000.00", 9),
    (120, 92, "CGST @ 9%", 9), (-190, 92, "9,180.00", 9), (120, 98, "SGST @ 9%", 9), (-190, 98, "9,180.00", 9),
    (120, 106, "Invoice Total (INR)", 10, "DVB"), (-190, 106, "1,20,360.00", 10, "DVB"),
    (20, 118, "Rupees One Lakh Twenty Thousand Three Hundred Sixty Only", 7),
], [(20, 60, 190, 60), (20, 67, 190, 67), (20, 80, 190, 80), (118, 102, 190, 102)], "DV", (), 0.6, "invoice", "moire"),

# 5. a 数电 增值税专用发票 printed, with a low-contrast pencil note in its right margin (a paid mark and another figure)
"cn_sdz_pencil": ([
    (55, 15, "电子发票（增值税专用发票）", 14), (150, 24, "发票号码：26322000000091846732", 7), (150, 29, "开票日期：2026年11月26日", 7),
    (20, 38, "购买方信息", 8), (37, 38, "名称：" + OURS, 8), (37, 43, "统一社会信用代码/纳税人识别号：" + OUR_TAX_ID, 7),
    (110, 38, "销售方信息", 8), (127, 38, "名称：昆山市玉山镇鑫源模具加工厂", 7), (127, 43, "统一社会信用代码/纳税人识别号：", 7),
    (127, 48, "92320583MA7KQ4T31U", 8),
    (20, 58, "项目名称", 8), (75, 58, "规格型号", 8), (100, 58, "单位", 8), (-122, 58, "数量", 8), (-142, 58, "单价", 8),
    (-160, 58, "金额", 8), (-178, 58, "税率/征收率", 6.5), (-190, 58, "税额", 8),
    (20, 64, "*模具*冲压模具修复", 8), (75, 64, "CM-12", 8), (100, 64, "套", 8), (-122, 64, "2", 8), (-142, 64, "1650.00", 8),
    (-160, 64, "3300.00", 8), (-176, 64, "13%", 8), (-190, 64, "429.00", 8),
    (20, 80, "合　　计", 8), (-160, 80, "¥3300.00", 8), (-190, 80, "¥429.00", 8),
    (20, 87, "价税合计（大写）", 8), (60, 87, "叁仟柒佰贰拾玖圆整", 8), (135, 87, "（小写）", 8), (152, 87, "¥3729.00", 9),
    (20, 95, "备注", 8), (35, 95, "合同号 XY-2611-05", 8), (20, 106, "开票人：顾建", 8),
], [(20, 34, 190, 34), (20, 54, 190, 54), (108, 34, 108, 54), (20, 84, 190, 84), (20, 91, 190, 91), (20, 100, 190, 100)],
    "WQ", (), 0.6, "invoice", "pencil"),

# 6. an Australian tax invoice laid out in two columns (the parties and payment left, the details and totals right)
"au_two_column": ([
    (20, 16, "Southern Cross Packaging Pty Ltd", 13, "DVB"), (20, 22, "ABN 53 004 085 616", 8),
    (20, 26, "14 Garden Street, Dandenong VIC 3175", 7),
    (115, 16, "TAX INVOICE", 14, "DVB"),
    (20, 40, "BILL TO", 8, "DVB"), (20, 45, OURS_EN, 8), (20, 50, "88 Xinghu Street, Suzhou 215000, China", 7),
    (20, 62, "PAYMENT", 8, "DVB"), (20, 67, "BSB 063-182  Account 1049 7731", 7), (20, 71, "Reference: INV-40912", 7),
    (20, 75, "Terms: 14 days", 7),
    (115, 40, "Invoice number", 8), (160, 40, "INV-40912", 8), (115, 45, "Invoice date", 8), (160, 45, "18 Nov 2026", 8),
    (115, 50, "Due date", 8), (160, 50, "2 Dec 2026", 8),
    (115, 62, "Stretch film 500mm x 300m", 7), (-190, 62, "1,240.00", 7), (115, 67, "Pallet wrap core plugs", 7),
    (-190, 67, "180.00", 7),
    (115, 76, "Subtotal (excl. GST)", 8), (-190, 76, "1,420.00", 8), (115, 81, "GST 10%", 8), (-190, 81, "142.00", 8),
    (115, 88, "TOTAL AUD", 10, "DVB"), (-190, 88, "1,562.00", 10, "DVB"),
], [(108, 36, 108, 92), (20, 58, 100, 58), (115, 58, 190, 58), (115, 84, 190, 84)], "DV", (), 0.6, "invoice", "two_column"),

# 7. a 工商银行 电子回单 (a credit to us), saved as a JPEG at quality 30
"icbc_receipt_q30": ([
    (55, 16, "中国工商银行 网上银行电子回单", 14), (20, 27, "电子回单号码：0189-2611-2930-4471", 8), (135, 27, "交易时间：2026-11-29", 8),
    (22, 37, "付款人", 9), (42, 37, "户名", 8), (57, 37, "南通市通州区瑞丰机械配件有限公司", 8),
    (42, 44, "账号", 8), (57, 44, "1111 3201 0901 2345 678", 8), (42, 51, "开户行", 8), (57, 51, "中国工商银行南通通州支行", 8),
    (112, 37, "收款人", 9), (130, 37, "户名", 8), (142, 37, OURS, 6.5),
    (130, 44, "账号", 8), (142, 44, "1102 0201 0900 0123 456", 8), (130, 51, "开户行", 8), (142, 51, "中国工商银行苏州工业园区支行", 6.5),
    (22, 60, "金额", 8), (57, 60, "¥46,320.00", 9), (110, 60, "人民币（大写）", 8), (135, 60, "肆万陆仟叁佰贰拾元整", 8),
    (22, 68, "币种", 8), (57, 68, "人民币", 8), (110, 68, "摘要", 8), (135, 68, "货款", 8),
    (22, 76, "用途", 8), (57, 76, "支付RF-2611-33货款", 8),
    (22, 90, "打印日期：2026-11-30　　重复打印，注意核对。", 7),
], [*box(20, 32, 190, 81), (40, 32, 40, 55), (110, 32, 110, 55), (128, 32, 128, 55), (20, 55, 190, 55), (20, 64, 190, 64),
    (20, 72, 190, 72)], "WQ", (), 0.6, "receipt", "jpeg30"),

# 8. a 浦发银行 业务回单 (our payment out), scanned skewed with the lid's dark border
"spdb_receipt_skew": ([
    (60, 16, "上海浦东发展银行 业务回单（付款）", 13), (20, 27, "回单编号：SPDB26112500872", 8), (135, 27, "日期：2026年11月25日", 8),
    (20, 37, "付款人全称：" + OURS, 8), (20, 43, "付款人账号：8901 0078 8012 0000 4321", 8),
    (20, 49, "付款人开户行：上海浦东发展银行苏州分行", 8),
    (20, 57, "收款人全称：太仓市浏河镇顺发物流有限公司", 8), (20, 63, "收款人账号：6223 0954 1200 8837", 8),
    (20, 69, "收款人开户行：中国农业银行太仓浏河支行", 8),
    (20, 77, "金额（小写）：CNY 8,650.00", 8), (110, 77, "金额（大写）：人民币捌仟陆佰伍拾元整", 8),
    (20, 85, "用途：运费 SF-2611-118", 8),
], [*box(18, 32, 192, 90)], "WQ", (), 0.6, "receipt", "skew_border"),
}

TRUTH: dict[str, dict[str, object]] = {
"sg_till_thermal": {"number": "R0045-118273", "issue_date": "2026-11-28", "seller_name": "TAN BROTHERS HARDWARE PTE LTD",
    "seller_tax_id": "201912345K", "currency": "SGD", "tax": "7.13", "total": "86.40"},
"jp_seikyusho": {"number": "SK-2611-0457", "issue_date": "2026-11-30", "seller_name": "株式会社大阪精機製作所",
    "seller_tax_id": "T4120001098765", "buyer_name": OURS, "currency": "JPY", "net": "480000", "tax": "48000",
    "total": "528000"},
"nl_factuur_skew": {"number": "2026-1187", "issue_date": "2026-11-26", "seller_name": "Van der Berg Metaaltechniek B.V.",
    "seller_tax_id": "NL853927461B01", "buyer_name": OURS_EN, "currency": "EUR", "net": "2750.00", "total": "2750.00"},
"in_gst_moire": {"number": "SGAC/26-27/1142", "issue_date": "2026-11-21", "seller_name": "SHREE GANESH AUTO COMPONENTS",
    "seller_tax_id": "27AAKFS4431M1Z9", "buyer_name": OURS_IN, "buyer_tax_id": OURS_IN_GSTIN, "currency": "INR",
    "net": "102000.00", "tax": "18360.00", "total": "120360.00"},
"cn_sdz_pencil": {"number": "26322000000091846732", "issue_date": "2026-11-26", "seller_name": "昆山市玉山镇鑫源模具加工厂",
    "seller_tax_id": "92320583MA7KQ4T31U", "buyer_name": OURS, "buyer_tax_id": OUR_TAX_ID, "currency": "CNY",
    "net": "3300.00", "tax": "429.00", "total": "3729.00"},
"au_two_column": {"number": "INV-40912", "issue_date": "2026-11-18", "seller_name": "Southern Cross Packaging Pty Ltd",
    "seller_tax_id": "53004085616", "buyer_name": OURS_EN, "currency": "AUD", "net": "1420.00", "tax": "142.00",
    "total": "1562.00"},
"icbc_receipt_q30": {"payer_name": "南通市通州区瑞丰机械配件有限公司", "payer_account": "1111320109012345678",
    "payee_name": OURS, "payee_account": OUR_ICBC, "amount": "46320.00", "currency": "CNY", "value_date": "2026-11-29",
    "transaction_id": "0189-2611-2930-4471", "memo": "RF-2611-33", "bank": "中国工商银行"},
"spdb_receipt_skew": {"payer_name": OURS, "payer_account": OUR_SPDB, "payee_name": "太仓市浏河镇顺发物流有限公司",
    "payee_account": "6223095412008837", "amount": "8650.00", "currency": "CNY", "value_date": "2026-11-25",
    "transaction_id": "SPDB26112500872", "memo": "SF-2611-118", "bank": "上海浦东发展银行"},
}
