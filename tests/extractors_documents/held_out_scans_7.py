"""A seventh held-out scan set (issue 14 §1-§4, scans), written by hand for branch scans7: documents no scan set used
before, each with the paper accident it is scanned with (``bench/scans_held7.py`` applies it): a phone photo of a
bank receipt with perspective and a shadow, carbon copies in blue ink (a 机打 invoice's 第二联 and an English delivery
invoice), a red 发票专用章 over the total of a 数电 invoice and a company chop over an English Grand Total, a blue
财务专用章 over a seller's tax id and over a receipt's payer account, a stapled two-page invoice scanned as one file,
a phone photo of an English credit advice.

``DOCS``: name -> (items, rules, font, more pages, line width, kind, accident, the text the accident is centred on).
``TRUTH``: name -> every printed header field (a tuple: each printed form of it is right)."""

from __future__ import annotations

from tests.extractors_documents.handmade import OUR_TAX_ID, OURS, OURS_EN


def box(x1: float, y1: float, x2: float, y2: float) -> list[tuple[float, float, float, float]]:
    return [(x1, y1, x2, y1), (x1, y2, x2, y2), (x1, y1, x1, y2), (x2, y1, x2, y2)]


OUR_CCB = "32250198863600001234"


DOCS: dict[str, tuple] = {
# 1. 中国建设银行 网上银行电子回单, a credit to us, photographed on a desk (perspective, a shadow)
"ccb_receipt_photo": ([
    (55, 16, "中国建设银行网上银行电子回单", 14), (20, 27, "凭证号：CCB2026112700456", 8), (130, 27, "交易日期：2026-11-27", 8),
    (22, 37, "付款人", 9), (42, 37, "户名", 8), (57, 37, "无锡市新吴区金泰机电设备有限公司", 8),
    (42, 44, "账号", 8), (57, 44, "3205 0161 5236 0000 0789", 8), (42, 51, "开户行", 8), (57, 51, "中国建设银行无锡新区支行", 8),
    (112, 37, "收款人", 9), (130, 37, "户名", 8), (142, 37, OURS, 6.5),
    (130, 44, "账号", 8), (142, 44, "3225 0198 8636 0000 1234", 8), (130, 51, "开户行", 8), (142, 51, "中国建设银行苏州工业园区支行", 6.5),
    (22, 60, "金额（大写）", 8), (57, 60, "人民币叁万贰仟捌佰元整", 8), (130, 60, "（小写）", 8), (145, 60, "¥32,800.00", 9),
    (22, 68, "币种", 8), (57, 68, "人民币", 8), (130, 68, "交易渠道", 8), (150, 68, "网上银行", 8),
    (22, 76, "用途", 8), (57, 76, "货款 合同JT-2611-07", 8),
    (22, 90, "本回单可通过建行网站校验真伪，重复打印无效。", 7),
], [*box(20, 32, 190, 81), (40, 32, 40, 55), (110, 32, 110, 55), (128, 32, 128, 55), (20, 55, 190, 55), (20, 64, 190, 64),
    (20, 72, 190, 72)], "WQ", (), 0.6, "receipt", "photo", None),

# 2. a 机打 增值税普通发票 (折叠票), the buyer's 第二联 a carbon copy: blue, soft, uneven strokes on a tinted sheet
"cn_carbon_fapiao": ([
    (65, 15, "增值税普通发票", 15), (88, 22, "第二联：发票联", 8),
    (140, 14, "发票代码：032002600104", 8), (140, 19, "发票号码：04417382", 8), (140, 24, "开票日期：2026年11月24日", 8),
    (20, 34, "购买方", 8), (32, 34, "名　　称：" + OURS, 8), (32, 39, "纳税人识别号：" + OUR_TAX_ID, 8),
    (20, 52, "货物或应税劳务、服务名称", 8), (80, 52, "规格型号", 8), (100, 52, "单位", 8), (-122, 52, "数量", 8),
    (-142, 52, "单价", 8), (-162, 52, "金额", 8), (-172, 52, "税率", 8), (-190, 52, "税额", 8),
    (20, 58, "*劳动防护用品*防护手套", 8), (80, 58, "L-09", 8), (100, 58, "副", 8), (-122, 58, "600", 8), (-142, 58, "8.50", 8),
    (-162, 58, "5100.00", 8), (-172, 58, "3%", 8), (-190, 58, "153.00", 8),
    (20, 74, "合　　计", 8), (-162, 74, "¥5100.00", 8), (-190, 74, "¥153.00", 8),
    (20, 81, "价税合计（大写）", 8), (60, 81, "伍仟贰佰伍拾叁圆整", 8), (130, 81, "（小写）¥5253.00", 8),
    (20, 90, "销售方", 8), (32, 90, "名　　称：苏州市吴中区安达劳保用品经营部", 8), (32, 95, "纳税人识别号：92320506MA1Y8K3P5K", 8),
    (20, 106, "收款人：陈红　　复核：　　开票人：陈红　　销售方：（章）", 8),
], [(20, 30, 190, 30), (20, 46, 190, 46), (20, 78, 190, 78), (20, 86, 190, 86), (20, 101, 190, 101)],
    "WQ", (), 0.6, "invoice", "carbon", None),

# 3. an English delivery invoice from a Hong Kong trading house, the customer's carbon copy (blue)
"hk_carbon_invoice": ([
    (20, 16, "KOWLOON FASTENER TRADING CO.", 13, "DVB"), (20, 22, "Flat B, 9/F, Kwai Shing Ind. Bldg, Kwai Chung, N.T., Hong Kong", 7),
    (150, 16, "DELIVERY INVOICE", 11, "DVB"), (150, 24, "No.  KF-77412", 9), (150, 30, "Date: 24/11/2026", 9),
    (20, 36, "Sold to:", 9), (45, 36, OURS_EN, 9), (45, 41, "Room 5, 88 Xinghu Street, Suzhou", 8),
    (20, 54, "Qty", 9), (40, 54, "Description", 9), (-160, 54, "Unit Price", 9), (-190, 54, "Amount", 9),
    (20, 61, "5000", 9), (40, 61, "Hex nut M8 zinc plated", 9), (-160, 61, "0.12", 9), (-190, 61, "600.00", 9),
    (20, 67, "2000", 9), (40, 67, "Spring washer M8", 9), (-160, 67, "0.05", 9), (-190, 67, "100.00", 9),
    (120, 84, "TOTAL HK$", 10, "DVB"), (-190, 84, "700.00", 10, "DVB"),
    (20, 96, "Goods received in good order and condition", 8), (130, 106, "Received by: ______________", 8),
], [(20, 50, 190, 50), (20, 57, 190, 57), (20, 78, 190, 78)], "DV", (), 0.6, "invoice", "carbon", None),

# 4. a 数电 普通发票 (电子发票（普通发票）) printed and stamped: a red 发票专用章 pressed over the total in figures
"cn_sdp_seal_total": ([
    (62, 15, "电子发票（普通发票）", 14), (150, 24, "发票号码：26322000000077341205", 7), (150, 29, "开票日期：2026年11月20日", 7),
    (20, 38, "购买方信息", 8), (32, 38, "名称：" + OURS, 8), (32, 43, "统一社会信用代码/纳税人识别号：" + OUR_TAX_ID, 8),
    (110, 38, "销售方信息", 8), (122, 38, "名称：常州市武进区宏达包装材料有限公司", 7), (122, 43, "统一社会信用代码/纳税人识别号：", 7),
    (122, 48, "91320412MA1T7P2L6C", 8),
    (20, 58, "项目名称", 8), (75, 58, "规格型号", 8), (100, 58, "单位", 8), (-122, 58, "数量", 8), (-142, 58, "单价", 8),
    (-162, 58, "金额", 8), (-172, 58, "税率/征收率", 7), (-190, 58, "税额", 8),
    (20, 64, "*纸制品*瓦楞纸箱", 8), (75, 64, "600x400x400", 8), (100, 64, "个", 8), (-122, 64, "1200", 8), (-142, 64, "6.50", 8),
    (-162, 64, "7800.00", 8), (-172, 64, "13%", 8), (-190, 64, "1014.00", 8),
    (20, 80, "合　　计", 8), (-162, 80, "¥7800.00", 8), (-190, 80, "¥1014.00", 8),
    (20, 87, "价税合计（大写）", 8), (60, 87, "捌仟捌佰壹拾肆圆整", 8), (135, 87, "（小写）", 8), (152, 87, "¥8814.00", 9),
    (20, 95, "备注", 8), (35, 95, "订单号 HD-2611-203", 8), (20, 106, "开票人：周敏", 8),
], [(20, 34, 190, 34), (20, 54, 190, 54), (108, 34, 108, 54), (20, 84, 190, 84), (20, 91, 190, 91), (20, 100, 190, 100)],
    "WQ", (), 0.6, "invoice", "seal_red", ("¥8814.00", "发票专用章")),

# 5. an English commercial invoice from a Taiwanese supplier, its company chop (red) over the Grand Total
"tw_chop_total": ([
    (20, 16, "FORMOSA SPRING INDUSTRIAL CO., LTD.", 13, "DVB"), (20, 22, "No. 18, Gongye 3rd Rd., Taichung 407, Taiwan", 7),
    (20, 27, "VAT No. (統一編號) 24536806", 7),
    (140, 36, "COMMERCIAL INVOICE", 11, "DVB"), (140, 44, "Invoice No.: FS-261143", 8), (140, 49, "Date: Nov. 19, 2026", 8),
    (20, 44, "Messrs.", 8), (38, 44, OURS_EN, 8), (38, 49, "88 Xinghu Street, Suzhou Industrial Park, China", 7),
    (20, 62, "Item", 8), (40, 62, "Description", 8), (-130, 62, "Qty (pcs)", 8), (-158, 62, "Unit Price", 8), (-190, 62, "Amount", 8),
    (20, 68, "1", 8), (40, 68, "Compression spring SWP-B 1.2x8x25", 8), (-130, 68, "20,000", 8), (-158, 68, "0.085", 8),
    (-190, 68, "1,700.00", 8),
    (20, 74, "2", 8), (40, 74, "Torsion spring SUS304 0.8x6", 8), (-130, 74, "10,000", 8), (-158, 74, "0.060", 8), (-190, 74, "600.00", 8),
    (125, 88, "Grand Total (USD)", 9, "DVB"), (-190, 88, "US$2,300.00", 9, "DVB"),
    (20, 100, "SAY TOTAL U.S. DOLLARS TWO THOUSAND THREE HUNDRED ONLY.", 7), (20, 106, "Terms: FOB Taichung, T/T 30 days", 7),
], [(20, 58, 190, 58), (20, 65, 190, 65), (20, 82, 190, 82)], "WQ", (), 0.6, "invoice", "seal_red", ("US$2,300.00", "FORMOSA SPRING")),

# 6. a 增值税专用发票 (纸质) whose seller stamped a blue 财务专用章 over its own tax id
"cn_blue_seal_taxid": ([
    (62, 14, "浙江增值税专用发票", 15), (86, 21, "抵扣联", 9),
    (145, 14, "发票代码 3300261130", 8), (145, 19, "发票号码 02268514", 8), (145, 24, "开票日期 2026年11月18日", 8),
    (20, 34, "购买方", 8), (32, 34, "名　　称：" + OURS, 8), (32, 39, "纳税人识别号：" + OUR_TAX_ID, 8),
    (20, 54, "货物或应税劳务、服务名称", 8), (80, 54, "规格型号", 8), (100, 54, "单位", 8), (-122, 54, "数量", 8),
    (-142, 54, "单价", 8), (-162, 54, "金额", 8), (-172, 54, "税率", 8), (-190, 54, "税额", 8),
    (20, 60, "*金属制品*不锈钢拉手", 8), (80, 60, "SS-128", 8), (100, 60, "只", 8), (-122, 60, "3000", 8), (-142, 60, "4.20", 8),
    (-162, 60, "12600.00", 8), (-172, 60, "13%", 8), (-190, 60, "1638.00", 8),
    (20, 76, "合　　计", 8), (-162, 76, "¥12600.00", 8), (-190, 76, "¥1638.00", 8),
    (20, 83, "价税合计（大写）", 8), (60, 83, "壹万肆仟贰佰叁拾捌圆整", 8), (130, 83, "（小写）¥14238.00", 8),
    (20, 92, "销售方", 8), (32, 92, "名　　称：宁波市鄞州区恒通五金配件厂", 8), (32, 97, "纳税人识别号：91330212MA2H4K7D1N", 8),
    (20, 108, "收款人：吴芳　　复核：林杰　　开票人：吴芳", 8),
], [(20, 30, 190, 30), (20, 48, 190, 48), (20, 80, 190, 80), (20, 88, 190, 88), (20, 103, 190, 103)],
    "WQ", (), 0.6, "invoice", "seal_blue", ("纳税人识别号：91330212MA2H4K7D1N", "财务专用章")),

# 7. a 中国银行 国内支付业务收款回单 (credit to us), the payer's blue 财务专用章 over its account
"boc_receipt_blue_seal": ([
    (50, 16, "中国银行 国内支付业务收款回单", 14), (20, 27, "业务编号：BOC2611190033871", 8), (135, 27, "日期：2026年11月19日", 8),
    (20, 37, "付款人名称：嘉兴市秀洲区永固紧固件有限公司", 8), (20, 43, "付款人账号：3587 5839 1245", 8),
    (20, 49, "付款人开户行：中国银行嘉兴秀洲支行", 8),
    (20, 57, "收款人名称：" + OURS, 8), (20, 63, "收款人账号：1102 0201 0900 0123 456", 8),
    (20, 69, "收款人开户行：中国银行苏州工业园区支行", 8),
    (20, 77, "金额：CNY 19,450.00", 8), (110, 77, "大写：人民币壹万玖仟肆佰伍拾元整", 8),
    (20, 85, "附言：支付 YG-2611-019 货款", 8),
], [*box(18, 32, 192, 90)], "WQ", (), 0.6, "receipt", "seal_blue", ("付款人账号：3587 5839 1245", "财务专用章")),

# 8. a two-page invoice stapled at its top-left corner: the items on page 1, the totals on page 2, scanned as one PDF
"de_stapled_two_pages": ([
    (20, 16, "Rheinland Zerspanung GmbH", 13, "DVB"), (20, 22, "Industriestraße 41 · 41460 Neuss · USt-IdNr. DE287416539", 7),
    (140, 34, "RECHNUNG", 12, "DVB"), (140, 42, "Rechnungsnummer: RZ-26-0981", 8), (140, 47, "Rechnungsdatum: 23.11.2026", 8),
    (20, 40, "Hengrui Precision Europe GmbH", 9), (20, 45, "Am Sandtorkai 12, 20457 Hamburg", 8),
    (20, 60, "Pos.", 8), (32, 60, "Bezeichnung", 8), (-132, 60, "Menge", 8), (-160, 60, "Einzelpreis", 8), (-190, 60, "Gesamt", 8),
    (20, 66, "1", 8), (32, 66, "Drehteil Welle Ø20 x 140, 42CrMo4", 8), (-132, 66, "400", 8), (-160, 66, "11,50", 8), (-190, 66, "4.600,00", 8),
    (20, 72, "2", 8), (32, 72, "Frästeil Halteplatte AlMg3", 8), (-132, 72, "150", 8), (-160, 72, "24,00", 8), (-190, 72, "3.600,00", 8),
    (20, 90, "Fortsetzung auf Seite 2", 8), (170, 285, "Seite 1 von 2", 7),
], [(20, 56, 190, 56), (20, 62, 190, 62)], "DV", (([
    (20, 16, "Rheinland Zerspanung GmbH", 10, "DVB"), (120, 16, "Rechnung RZ-26-0981 · Seite 2", 8),
    (20, 30, "Pos.", 8), (32, 30, "Bezeichnung", 8), (-132, 30, "Menge", 8), (-160, 30, "Einzelpreis", 8), (-190, 30, "Gesamt", 8),
    (20, 36, "3", 8), (32, 36, "Verpackung und Versand", 8), (-132, 36, "1", 8), (-160, 36, "200,00", 8), (-190, 36, "200,00", 8),
    (120, 50, "Nettobetrag", 9), (-190, 50, "8.400,00 EUR", 9),
    (120, 56, "Umsatzsteuer 19 %", 9), (-190, 56, "1.596,00 EUR", 9),
    (120, 64, "Gesamtbetrag", 10, "DVB"), (-190, 64, "9.996,00 EUR", 10, "DVB"),
    (20, 80, "Zahlbar innerhalb 30 Tagen ohne Abzug.", 8), (170, 285, "Seite 2 von 2", 7),
], [(20, 26, 190, 26), (20, 32, 190, 32), (120, 60, 190, 60)]),), 0.6, "invoice", "stapled", None),

# 9. a Standard Chartered HK inward remittance credit advice photographed with a phone
"scb_advice_photo": ([
    (20, 15, "Standard Chartered", 15, "DVB"), (125, 15, "Standard Chartered Bank (Hong Kong) Limited", 7),
    (20, 28, "CREDIT ADVICE - INWARD TELEGRAPHIC TRANSFER", 11, "DVB"),
    (20, 38, OURS_EN.upper(), 8), (20, 43, "ROOM 5, 88 XINGHU STREET, SUZHOU", 8),
    (125, 38, "Advice Date:", 8), (152, 38, "25 Nov 2026", 8), (125, 43, "Our Ref:", 8), (152, 43, "TT2611250091734", 8),
    (20, 56, "Credited Account:", 8), (70, 56, "447-0-123456-9", 8),
    (20, 63, "Ordering Customer:", 8), (70, 63, "BALTIC HARDWARE SIA", 8),
    (20, 70, "Ordering Customer Account:", 8), (70, 70, "LV80 BANK 0000 4351 9500 1", 8),
    (20, 77, "Ordering Bank:", 8), (70, 77, "AS SWEDBANK, RIGA", 8),
    (20, 84, "Amount Credited:", 8), (70, 84, "EUR 12,960.00", 8),
    (20, 91, "Value Date:", 8), (70, 91, "25 Nov 2026", 8),
    (20, 98, "Details of Payment:", 8), (70, 98, "PAYMENT INV HR-EX-2610-118", 8),
    (20, 112, "Please check this advice and notify us of any discrepancy within 14 days.", 7),
], [(20, 50, 190, 50), (20, 104, 190, 104)], "DV", (), 0.6, "receipt", "photo", None),
}

TRUTH: dict[str, dict[str, object]] = {
"ccb_receipt_photo": {"payer_name": "无锡市新吴区金泰机电设备有限公司", "payer_account": "32050161523600000789",
    "payee_name": OURS, "payee_account": OUR_CCB, "amount": "32800.00", "currency": "CNY", "value_date": "2026-11-27",
    "transaction_id": "CCB2026112700456", "memo": "JT-2611-07", "bank": "中国建设银行"},
"cn_carbon_fapiao": {"number": "04417382", "issue_date": "2026-11-24", "seller_name": "苏州市吴中区安达劳保用品经营部",
    "seller_tax_id": "92320506MA1Y8K3P5K", "buyer_name": OURS, "buyer_tax_id": OUR_TAX_ID, "currency": "CNY",
    "net": "5100.00", "tax": "153.00", "total": "5253.00"},
"hk_carbon_invoice": {"number": "KF-77412", "issue_date": "2026-11-24", "seller_name": "KOWLOON FASTENER TRADING CO.",
    "buyer_name": OURS_EN, "currency": "HKD", "total": "700.00"},
"cn_sdp_seal_total": {"number": "26322000000077341205", "issue_date": "2026-11-20", "seller_name": "常州市武进区宏达包装材料有限公司",
    "seller_tax_id": "91320412MA1T7P2L6C", "buyer_name": OURS, "buyer_tax_id": OUR_TAX_ID, "currency": "CNY",
    "net": "7800.00", "tax": "1014.00", "total": "8814.00"},
"tw_chop_total": {"number": "FS-261143", "issue_date": "2026-11-19", "seller_name": "FORMOSA SPRING INDUSTRIAL CO., LTD.",
    "seller_tax_id": "24536806", "buyer_name": OURS_EN, "currency": "USD", "total": "2300.00"},
"cn_blue_seal_taxid": {"number": "02268514", "issue_date": "2026-11-18", "seller_name": "宁波市鄞州区恒通五金配件厂",
    "seller_tax_id": "91330212MA2H4K7D1N", "buyer_name": OURS, "buyer_tax_id": OUR_TAX_ID, "currency": "CNY",
    "net": "12600.00", "tax": "1638.00", "total": "14238.00"},
"boc_receipt_blue_seal": {"payer_name": "嘉兴市秀洲区永固紧固件有限公司", "payer_account": "358758391245",
    "payee_name": OURS, "payee_account": "1102020109000123456", "amount": "19450.00", "currency": "CNY",
    "value_date": "2026-11-19", "transaction_id": "BOC2611190033871", "memo": "YG-2611-019", "bank": "中国银行"},
"de_stapled_two_pages": {"number": "RZ-26-0981", "issue_date": "2026-11-23", "seller_name": "Rheinland Zerspanung GmbH",
    "seller_tax_id": "DE287416539", "buyer_name": "Hengrui Precision Europe GmbH", "currency": "EUR",
    "net": "8400.00", "tax": "1596.00", "total": "9996.00"},
"scb_advice_photo": {"payer_name": "BALTIC HARDWARE SIA", "payer_account": "LV80BANK0000435195001",
    "payee_name": OURS_EN.upper(), "payee_account": "44701234569", "amount": "12960.00", "currency": "EUR",
    "value_date": "2026-11-25", "transaction_id": "TT2611250091734", "memo": "HR-EX-2610-118",
    "bank": "Standard Chartered"},
}
