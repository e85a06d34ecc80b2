"""A seventh held-out set of invoices (issue 14 §1-§4), written by hand as their issuers print them, not by the
generator: currencies of three decimals (an Omani tax invoice in ``OMR 1,234.500``, a Bahraini one in ``BD``),
a Saudi tax invoice whose figures are printed in Arabic-Indic digits only (``١٢٬٠٠٠٫٠٠ ر.س``), an Israeli
חשבונית מס (Hebrew, ע.מ., מע"מ 18%, ₪), a Taiwanese commercial invoice in English whose only tax id is the
bare 8-digit 統一編號 and whose amounts carry a plain ``$``, a Macau 發票 in 澳門元 (MOP$, no tax), a Swiss
facture in French (``CHE-… TVA``, 8,1 %, ``CHF 12’345.60`` with a typographic apostrophe), a Brunei invoice whose
amount in words disagrees with its figures, a 增值税普通发票(卷式) rolled ticket (no tax printed), a 数电 专票
with 差额征税 (the tax on the margin only), a Bangladeshi Mushak-6.3 (BIN, VAT 15%, Tk.), a Kazakh счет-фактура
(БИН, НДС 12%, тенге), a Moroccan facture (ICE, TVA 20%, DH), an Irish invoice (IE VAT with its check letter),
a Croatian račun (OIB, PDV 25%, JIR/ZKI), a Serbian faktura (PIB, PDV 20%, RSD), an Estonian arve (KMKR,
käibemaks 24%), a Lithuanian PVM sąskaita faktūra (serija/Nr., PVM 21%), a Ghanaian invoice (VAT 15% with
NHIL and GETFund levies, GH₵), an Ecuadorian factura (RUC, IVA 15%, ``$`` the US dollar), a Costa Rican
factura electrónica (cédula jurídica, IVA 13%, ₡) and a Dominican factura de crédito fiscal (RNC, NCF, ITBIS
18%, RD$). We are the buyer on every one (our five entities of the fourth set); the tests are in
test_held_out_invoices_7.py."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

from tests.extractors_documents.handmade import OUR_TAX_ID, OURS, OURS_DE, OURS_DE_VAT, OURS_EN
from tests.extractors_documents.held_out_harness import draw_document


def _rows(top: float, rows: list[tuple], cols: tuple[float, ...] = (20, -130, -160, -190), size: float = 8) -> list[tuple]:
    """Item rows: description, quantity, price, amount at the given columns, 6 mm apart."""
    out: list[tuple] = []
    for i, row in enumerate(rows):
        out += [(x, top + 6 * i, text, size) for x, text in zip(cols, row, strict=True)]
    return out


def _ar(text: str) -> str:
    """Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩) with the Arabic thousands separator and decimal mark."""
    return text.translate(str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫"))


def _rtl(text: str) -> str:
    """A right-to-left line as a Hebrew or Arabic PDF stores it, in visual order: the words from the left, each
    Hebrew or Arabic word's letters reversed, a number or a Latin word kept as it reads (Arabic unshaped: a
    shaping font's presentation forms fold back to these letters by NFKC)."""
    return " ".join(w[::-1] if any("\u0590" <= ch <= "\u06ff" for ch in w) else w for w in reversed(text.split()))


DOCS: dict[str, tuple] = {
# 1. an Omani tax invoice: VATIN OM…, VAT 5%, rials of three decimals (1 OMR = 1000 baisa)
"om_tax_invoice": ([
 (20, 15, 'Sohar Metal Industries LLC', 13, 'DVB'), (20, 21, 'Sohar Industrial Estate, Phase 4, Sohar, Sultanate of Oman', 8),
 (20, 25, 'C.R. No. 1234567   VATIN: OM1100012345', 8),
 (140, 15, 'TAX INVOICE', 13, 'DVB'), (148, 21, 'فاتورة ضريبية', 9),
 (130, 34, 'Invoice No.', 8), (160, 34, 'SMI/26/0412', 8), (130, 39, 'Invoice Date', 8), (160, 39, '01/12/2026', 8),
 (130, 44, 'Due Date', 8), (160, 44, '31/12/2026', 8),
 (20, 34, 'Bill To:', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, China', 8),
 (20, 60, 'Description', 8, 'DVB'), (-130, 60, 'Qty', 8, 'DVB'), (-160, 60, 'Unit Price', 8, 'DVB'), (-190, 60, 'Amount (OMR)', 8, 'DVB'),
 *_rows(67, [('Galvanised cable tray 300 mm', '120', '8.750', '1,050.000'), ('Support bracket, HDG', '300', '1.250', '375.000')]),
 (130, 85, 'Taxable Amount', 8), (-190, 85, '1,425.000', 8),
 (130, 90, 'VAT @ 5%', 8), (-190, 90, '71.250', 8),
 (118, 96, 'Total Amount Due', 9, 'DVB'), (-190, 96, 'OMR 1,496.250', 9, 'DVB'),
 (20, 110, 'Rial Omani One Thousand Four Hundred Ninety Six and Baisa Two Hundred Fifty Only', 7),
], [(20, 62, 190, 62), (20, 78, 190, 78)], "DV"),

# 2. a Bahraini tax invoice: VAT account number of 15 digits, VAT 10%, BD with three decimals
"bh_tax_invoice": ([
 (20, 15, 'Sitra Engineering Works W.L.L.', 13, 'DVB'), (20, 21, 'Building 1150, Road 115, Sitra Industrial Area, Kingdom of Bahrain', 8),
 (20, 25, 'VAT Account No.: 200012345600002', 8),
 (140, 15, 'TAX INVOICE', 13, 'DVB'),
 (130, 34, 'Invoice No.', 8), (160, 34, 'SEW-4471', 8), (130, 39, 'Date', 8), (160, 39, '1 December 2026', 8),
 (20, 34, 'Customer:', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, 'Suzhou Industrial Park, Jiangsu, China', 8),
 (20, 60, 'Description', 8, 'DVB'), (-130, 60, 'Qty', 8, 'DVB'), (-160, 60, 'Rate BD', 8, 'DVB'), (-190, 60, 'Amount BD', 8, 'DVB'),
 *_rows(67, [('Sandblasting and epoxy coating', '40', '22.500', '900.000'), ('Transport to Khalifa Port', '1', '100.000', '100.000')]),
 (130, 85, 'Total excluding VAT', 8), (-190, 85, 'BD 1,000.000', 8),
 (130, 90, 'VAT 10%', 8), (-190, 90, 'BD 100.000', 8),
 (118, 96, 'Total including VAT', 9, 'DVB'), (-190, 96, 'BD 1,100.000', 9, 'DVB'),
], [(20, 62, 190, 62), (20, 78, 190, 78)], "DV"),

# 3. a Saudi tax invoice, bilingual labels, every figure in Arabic-Indic digits
"sa_arabic_digits": ([
 (20, 15, 'Riyadh Valve Manufacturing Co.', 13, 'DVB'), (20, 21, 'Second Industrial City, Riyadh, Kingdom of Saudi Arabia', 8),
 (20, 25, 'VAT No.', 8), (33, 25, _rtl('الرقم الضريبي:'), 8), (62, 25, _ar('300456789100003'), 8),
 (135, 15, 'Tax Invoice', 12, 'DVB'), (163, 15, _rtl('فاتورة ضريبية'), 12, 'DVB'),
 (125, 32, 'Invoice No.', 8), (143, 32, _rtl('رقم الفاتورة'), 8), (170, 32, _ar('4412'), 8),
 (125, 37, 'Date', 8), (143, 37, _rtl('التاريخ'), 8), (170, 37, _ar('2026-12-01'), 8),
 (20, 36, 'Buyer', 8, 'DVB'), (32, 36, _rtl('المشتري'), 8, 'DVB'), (20, 41, OURS_EN, 8), (20, 46, 'Suzhou, China', 8),
 (20, 60, 'Description', 8, 'DVB'), (-130, 60, 'Qty', 8, 'DVB'), (-160, 60, 'Price', 8, 'DVB'), (-190, 60, 'Amount', 8, 'DVB'),
 (20, 64, _rtl('الوصف'), 7), (-130, 64, _rtl('الكمية'), 7), (-160, 64, _rtl('السعر'), 7), (-190, 64, _rtl('المبلغ'), 7),
 *_rows(71, [('Gate valve DN150 PN16', _ar('20'), _ar('1,800.00'), _ar('36,000.00')),
             ('Pressure test certificate', _ar('1'), _ar('4,000.00'), _ar('4,000.00'))]),
 (95, 89, 'Total (Excl. VAT)', 7), (120, 89, _rtl('الإجمالي غير شامل الضريبة'), 7), (-190, 89, _ar('40,000.00') + ' ' + _rtl('ر.س'), 8),
 (95, 94, 'VAT 15%', 7), (120, 94, _rtl('ضريبة القيمة المضافة'), 7), (-190, 94, _ar('6,000.00') + ' ' + _rtl('ر.س'), 8),
 (95, 100, 'Total (Incl. VAT)', 8, 'DVB'), (125, 100, _rtl('الإجمالي'), 8, 'DVB'),
 (-190, 100, _ar('46,000.00') + ' ' + _rtl('ر.س'), 9, 'DVB'),
], [(20, 66, 190, 66), (20, 82, 190, 82)], "DV"),

# 4. an Israeli חשבונית מס: Hebrew drawn right to left (each word's glyphs stored in visual order, as Hebrew PDFs
#    do), ע.מ./ח.פ. 9 digits with its check, מע"מ 18%, ₪
"il_heshbonit": ([
 (-190, 15, _rtl('נתניה מתכת בע"מ'), 13, 'DVB'), (-190, 21, _rtl('רחוב הברזל 12, אזור תעשייה, נתניה'), 8),
 (-190, 25, _rtl('ח.פ.: 512345679'), 8),
 (60, 15, _rtl('חשבונית מס מספר 321'), 13, 'DVB'),
 (-190, 36, _rtl('לכבוד:'), 8, 'DVB'), (-190, 41, OURS_EN, 8), (-190, 46, 'Suzhou, China', 8),
 (20, 36, _rtl('תאריך: 01/12/2026'), 8), (20, 41, _rtl('לתשלום עד: 31/12/2026'), 8),
 (-190, 60, _rtl('תיאור'), 8, 'DVB'), (-110, 60, _rtl('כמות'), 8, 'DVB'), (-80, 60, _rtl('מחיר'), 8, 'DVB'),
 (-45, 60, _rtl('סה"כ'), 8, 'DVB'),
 (-190, 67, _rtl('עיבוד שבבי CNC'), 8), (-110, 67, '50', 8), (-80, 67, '400.00', 8), (-45, 67, '20,000.00', 8),
 (-190, 73, _rtl('ציפוי אנודייז'), 8), (-110, 73, '50', 8), (-80, 73, '100.00', 8), (-45, 73, '5,000.00', 8),
 (-190, 88, _rtl('סה"כ לפני מע"מ'), 8), (-45, 88, '₪25,000.00', 8),
 (-190, 93, _rtl('מע"מ 18%'), 8), (-45, 93, '₪4,500.00', 8),
 (-190, 99, _rtl('סה"כ לתשלום'), 9, 'DVB'), (-45, 99, '₪29,500.00', 9, 'DVB'),
], [(20, 62, 190, 62), (20, 80, 190, 80)], "DV"),

# 5. a Taiwanese commercial invoice in English: the bare 8-digit 統一編號, a Taipei address, a plain $
"tw_english_ubn": ([
 (20, 15, 'Formosa Precision Tooling Co., Ltd.', 13, 'DVB'), (20, 21, 'No. 25, Lane 88, Sec. 3, Nanjing E. Rd., Taipei City 104', 8),
 (20, 25, 'Unified Business No.: 22099131', 8),
 (150, 15, 'INVOICE', 14, 'DVB'),
 (130, 34, 'Invoice No.', 8), (160, 34, 'FPT-261201', 8), (130, 39, 'Date', 8), (160, 39, '2026/12/01', 8),
 (130, 44, 'Payment Due', 8), (160, 44, '2026/12/31', 8),
 (20, 34, 'Bill To:', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, China', 8),
 (20, 60, 'Description', 8, 'DVB'), (-130, 60, 'Qty', 8, 'DVB'), (-160, 60, 'Unit Price', 8, 'DVB'), (-190, 60, 'Amount', 8, 'DVB'),
 *_rows(67, [('Carbide end mill D10 4F', '200', '$180', '$36,000'), ('Regrinding service', '100', '$140', '$14,000')]),
 (130, 85, 'Subtotal', 8), (-190, 85, '$50,000', 8),
 (130, 90, 'Business Tax 5%', 8), (-190, 90, '$2,500', 8),
 (130, 96, 'Total', 9, 'DVB'), (-190, 96, '$52,500', 9, 'DVB'),
], [(20, 62, 190, 62), (20, 78, 190, 78)], "DV"),

# 6. a Macau 發票 in patacas: 納稅人編號, MOP$, no tax (Macau has no VAT)
"mo_fapiao": ([
 (20, 15, '澳門精工五金有限公司', 14), (20, 22, '澳門黑沙環新街 52 號 工業大廈 8 樓 B 座', 8), (20, 27, '納稅人編號：12345678', 8),
 (150, 15, '發 票', 16), (145, 22, 'INVOICE', 9),
 (130, 36, '發票號碼：', 8), (155, 36, 'MP-261201', 8), (130, 41, '日期：', 8), (155, 41, '2026年12月1日', 8),
 (20, 36, '客戶：', 8), (35, 36, OURS, 8), (20, 41, '地址：', 8), (35, 41, '江蘇省蘇州市工業園區星湖街 88 號', 8),
 (20, 58, '貨品名稱', 8), (-130, 58, '數量', 8), (-160, 58, '單價', 8), (-190, 58, '金額', 8),
 *_rows(65, [('不銹鋼門鉸 SUS304', '500', '24.00', '12,000.00'), ('安裝配件', '1', '800.00', '800.00')]),
 (130, 85, '總額 澳門元', 9), (-190, 85, 'MOP$12,800.00', 9),
 (20, 100, '澳門元壹萬貳仟捌佰元正', 8),
], [(20, 60, 190, 60), (20, 78, 190, 78)], "WQ"),

# 7. a Swiss facture in French: CHE-… TVA with its check, TVA 8,1 %, CHF with a typographic apostrophe
"ch_facture": ([
 (20, 15, 'Mécanique de Précision Jura SA', 13, 'DVB'), (20, 21, 'Rue de l’Industrie 14, 2800 Delémont', 8),
 (20, 25, 'N° TVA: CHE-116.281.710 TVA', 8),
 (20, 45, OURS_DE, 9), (20, 50, 'Hafenstraße 12', 8), (20, 54, '28217 Brême, Allemagne', 8),
 (20, 70, 'Facture n° 2026-0871', 12, 'DVB'), (130, 70, 'Delémont, le 1er décembre 2026', 8),
 (20, 82, 'Désignation', 8, 'DVB'), (-130, 82, 'Quantité', 8, 'DVB'), (-160, 82, 'Prix unit.', 8, 'DVB'), (-190, 82, 'Montant', 8, 'DVB'),
 *_rows(89, [('Arbre rectifié 20h6', '100', '95.00', '9’500.00'), ('Contrôle tridimensionnel', '1', '1’920.00', '1’920.00')]),
 (120, 106, 'Total hors TVA', 8), (-190, 106, 'CHF 11’420.00', 8),
 (120, 111, 'TVA 8,1 %', 8), (-190, 111, 'CHF 925.00', 8),
 (120, 117, 'Total TTC', 9, 'DVB'), (-190, 117, 'CHF 12’345.00', 9, 'DVB'),
 (20, 130, 'Payable à 30 jours, soit jusqu’au 31.12.2026.', 8),
], [(20, 84, 190, 84), (20, 100, 190, 100)], "DV"),

# 8. a Brunei invoice whose amount in words disagrees with its figures (no tax in Brunei)
"bn_words_disagree": ([
 (20, 15, 'Syarikat Kejuruteraan Seria Sdn Bhd', 13, 'DVB'), (20, 21, 'Lot 4512, Jalan Tengah, Seria KB1133, Brunei Darussalam', 8),
 (150, 15, 'INVOICE', 14, 'DVB'),
 (130, 34, 'Invoice No.', 8), (160, 34, 'SKS-2026-118', 8), (130, 39, 'Date', 8), (160, 39, '01/12/2026', 8),
 (20, 34, 'To:', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, China', 8),
 (20, 60, 'Description', 8, 'DVB'), (-130, 60, 'Qty', 8, 'DVB'), (-160, 60, 'Unit Price', 8, 'DVB'), (-190, 60, 'Amount B$', 8, 'DVB'),
 *_rows(67, [('Pipe spool fabrication', '12', '870.00', '10,440.00'), ('Hydrotest and NDT', '1', '2,400.00', '2,400.00')]),
 (130, 85, 'TOTAL', 9, 'DVB'), (-190, 85, 'B$ 12,840.00', 9, 'DVB'),
 (20, 95, 'Amount in words: Brunei Dollars Twelve Thousand Four Hundred Eighty Only', 8),
], [(20, 62, 190, 62), (20, 78, 190, 78)], "DV"),

# 9. a 增值税普通发票(卷式): a rolled ticket 76 mm wide, no tax printed, the total in figures and in 大写
"cn_juanshi": ([
 (12, 12, '江苏增值税普通发票(卷式)', 9), (12, 18, '发票联', 7),
 (6, 25, '发票代码：032002600113', 6), (6, 29, '发票号码：08812345', 6), (6, 33, '机打号码：08812345', 6),
 (6, 37, '机器编号：661012345678', 6),
 (6, 41, '销售方名称：苏州吴中五金机电商行', 6), (6, 45, '纳税人识别号：92320506MA1P8KJ23T', 6),
 (6, 49, '开票日期：2026-12-01', 6), (6, 53, '收款员：李敏', 6),
 (6, 57, '购买方名称：' + OURS, 6), (6, 61, '纳税人识别号：' + OUR_TAX_ID, 6),
 (6, 67, '项目', 6), (30, 67, '单价', 6), (44, 67, '数量', 6), (58, 67, '金额', 6),
 (6, 72, '内六角扳手套装', 6), (30, 72, '45.00', 6), (44, 72, '10', 6), (58, 72, '450.00', 6),
 (6, 77, '钢丝钳 8寸', 6), (30, 77, '32.00', 6), (44, 77, '5', 6), (58, 77, '160.00', 6),
 (6, 84, '合计金额(小写)：¥610.00', 6), (6, 88, '合计金额(大写)：陆佰壹拾元整', 6),
 (6, 94, '校验码：12345 67890 12345 67890', 5),
], [(5, 64, 71, 64), (5, 81, 71, 81)], "WQ"),

# 10. a 数电 专票 with 差额征税: a service charged 105,000.00 with 100,000.00 deducted; the 6% VAT on the margin
"cn_chae": ([
 (60, 14, '电子发票（增值税专用发票）', 13), (150, 14, '发票号码：26322000000045678912', 7), (150, 19, '开票日期：2026年12月01日', 7),
 (20, 28, '购买方信息', 8), (28, 34, '名称：' + OURS, 8), (28, 39, '统一社会信用代码/纳税人识别号：' + OUR_TAX_ID, 7),
 (110, 28, '销售方信息', 8), (118, 34, '名称：上海锦程国际货运代理有限公司', 8), (118, 39, '统一社会信用代码/纳税人识别号：91310115MA1H9XKQ33', 7),
 (20, 50, '项目名称', 8), (75, 50, '单位', 8), (88, 50, '数量', 8), (103, 50, '单价', 8), (-145, 50, '金额', 8), (150, 50, '税率/征收率', 8),
 (-190, 50, '税额', 8),
 (20, 56, '*经纪代理服务*国际货运代理费', 8), (75, 56, '次', 8), (88, 56, '1', 8), (103, 56, '104716.98', 8), (-145, 56, '104716.98', 8),
 (152, 56, '***', 8), (-190, 56, '283.02', 8),
 (20, 70, '合计', 8), (-145, 70, '¥104716.98', 8), (-190, 70, '¥283.02', 8),
 (20, 77, '价税合计（大写）', 8), (55, 77, '壹拾万伍仟元整', 8), (120, 77, '（小写）¥105000.00', 8),
 (20, 86, '备注', 8), (35, 86, '差额征税：100000.00。代付海运费 100000.00 元', 7),
 (20, 96, '开票人：王磊', 8),
], [(18, 45, 192, 45), (18, 66, 192, 66), (18, 73, 192, 73), (18, 82, 192, 82)], "WQ"),

# 11. a Bangladeshi Mushak-6.3: BIN, VAT 15% in its column, Tk.
"bd_mushak": ([
 (60, 12, 'Government of the People\'s Republic of Bangladesh, National Board of Revenue', 7),
 (75, 17, 'Tax Invoice (Mushak-6.3)', 11, 'DVB'),
 (20, 27, 'Name of registered person: Chattogram Steel Engineering Ltd.', 8),
 (20, 31, 'BIN: 000123456-0101', 8), (20, 35, 'Address: Plot 12, BSCIC Industrial Estate, Kalurghat, Chattogram', 8),
 (20, 43, 'Name of buyer: ' + OURS_EN, 8), (20, 47, 'Buyer BIN: N/A (export)', 8),
 (130, 43, 'Invoice No.: CSE-6.3-2026-771', 8), (130, 47, 'Date of issue: 01/12/2026', 8),
 (20, 62, 'Description', 7, 'DVB'), (-112, 62, 'Qty', 5.5, 'DVB'), (-132, 62, 'Unit price (Tk.)', 5.5, 'DVB'),
 (-155, 62, 'Value (Tk.)', 5.5, 'DVB'), (-165, 62, 'VAT rate', 5.5, 'DVB'), (-190, 62, 'VAT amount (Tk.)', 5.5, 'DVB'),
 (20, 69, 'MS angle 50x50x5', 7), (-110, 69, '2,000', 7), (-132, 69, '450.00', 7), (-155, 69, '900,000.00', 7), (-165, 69, '15%', 7), (-190, 69, '135,000.00', 7),
 (20, 75, 'Fabrication charge', 7), (-110, 75, '1', 7), (-132, 75, '100,000.00', 7), (-155, 75, '100,000.00', 7), (-165, 75, '15%', 7), (-190, 75, '15,000.00', 7),
 (110, 90, 'Total value (excl. VAT)', 8), (-190, 90, 'Tk. 1,000,000.00', 8),
 (110, 95, 'Total VAT', 8), (-190, 95, 'Tk. 150,000.00', 8),
 (110, 101, 'Total value incl. VAT', 9, 'DVB'), (-190, 101, 'Tk. 1,150,000.00', 9, 'DVB'),
], [(20, 64, 190, 64), (20, 82, 190, 82)], "DV"),

# 12. a Kazakh счет-фактура: БИН of 12 digits with its check, НДС 12%, тенге
"kz_schet_faktura": ([
 (50, 14, 'Счет-фактура № 0457 от 01.12.2026', 12, 'DVB'),
 (20, 26, 'Поставщик: ТОО «Карагандинский машиностроительный завод»', 8), (20, 31, 'БИН поставщика: 070140001231', 8),
 (20, 36, 'Адрес: 100000, Республика Казахстан, г. Караганда, ул. Заводская, 5', 8),
 (20, 43, 'Получатель: ' + OURS_EN, 8), (20, 48, 'Адрес: 88 Xinghu Street, Suzhou, China', 8),
 (20, 53, 'Срок оплаты: 31.12.2026', 8),
 (20, 64, 'Наименование', 7, 'DVB'), (-105, 64, 'Кол-во', 5.5, 'DVB'), (-128, 64, 'Цена, тенге', 5.5, 'DVB'),
 (-150, 64, 'Стоимость без НДС', 5.5, 'DVB'), (-170, 64, 'Сумма НДС', 5.5, 'DVB'), (-190, 64, 'Всего', 5.5, 'DVB'),
 (20, 71, 'Звездочка приводная Z=24', 7), (-105, 71, '40', 7), (-128, 71, '25 000,00', 7), (-150, 71, '1 000 000,00', 7),
 (-170, 71, '120 000,00', 7), (-190, 71, '1 120 000,00', 7),
 (110, 88, 'Итого без НДС:', 8), (-190, 88, '1 000 000,00', 8),
 (110, 93, 'НДС 12%:', 8), (-190, 93, '120 000,00', 8),
 (110, 99, 'Всего к оплате, тенге:', 9, 'DVB'), (-190, 99, '1 120 000,00', 9, 'DVB'),
], [(20, 66, 190, 66), (20, 80, 190, 80)], "DV"),

# 13. a Moroccan facture: ICE of 15 digits, IF, RC, TVA 20%, DH, the total repeated in words (Arrêtée…)
"ma_facture": ([
 (20, 15, 'ATLAS MÉCANIQUE INDUSTRIELLE SARL', 12, 'DVB'), (20, 21, 'Zone Industrielle Sidi Bernoussi, Lot 45, Casablanca', 8),
 (20, 25, 'ICE : 001523456000078   IF : 40123456   RC : 345678', 8),
 (150, 15, 'FACTURE', 14, 'DVB'),
 (130, 34, 'Facture N° :', 8), (160, 34, 'FA-2026-0912', 8), (130, 39, 'Date :', 8), (160, 39, '01/12/2026', 8),
 (130, 44, 'Échéance :', 8), (160, 44, '31/12/2026', 8),
 (20, 34, 'Client :', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, Chine', 8),
 (20, 60, 'Désignation', 8, 'DVB'), (-130, 60, 'Qté', 8, 'DVB'), (-160, 60, 'P.U. HT', 8, 'DVB'), (-190, 60, 'Montant HT', 8, 'DVB'),
 *_rows(67, [('Poulie en fonte GG25', '80', '1 250,00', '100 000,00'), ('Équilibrage dynamique', '80', '250,00', '20 000,00')]),
 (130, 85, 'Total HT', 8), (-190, 85, '120 000,00 DH', 8),
 (130, 90, 'TVA 20 %', 8), (-190, 90, '24 000,00 DH', 8),
 (130, 96, 'Total TTC', 9, 'DVB'), (-190, 96, '144 000,00 DH', 9, 'DVB'),
 (20, 110, 'Arrêtée la présente facture à la somme de : cent quarante-quatre mille dirhams TTC.', 8),
], [(20, 62, 190, 62), (20, 78, 190, 78)], "DV"),

# 14. an Irish invoice: VAT IE with its check letter, 23%, €, our German company with its DE VAT in the window
"ie_invoice": ([
 (20, 15, 'Shannon Precision Engineering Ltd', 13, 'DVB'), (20, 21, 'Unit 7, Smithstown Industrial Estate, Shannon, Co. Clare, V14 XK62', 8),
 (20, 25, 'VAT Reg. No. IE 6388047V', 8),
 (150, 15, 'INVOICE', 14, 'DVB'),
 (20, 38, OURS_DE, 9), (20, 43, 'Hafenstraße 12, 28217 Bremen, Germany', 8), (20, 48, 'VAT No. ' + OURS_DE_VAT, 8),
 (130, 38, 'Invoice No.', 8), (160, 38, 'SPE-10882', 8), (130, 43, 'Invoice Date', 8), (160, 43, '01/12/2026', 8),
 (130, 48, 'Due Date', 8), (160, 48, '31/12/2026', 8),
 (20, 62, 'Description', 8, 'DVB'), (-130, 62, 'Qty', 8, 'DVB'), (-160, 62, 'Unit Price', 8, 'DVB'), (-190, 62, 'Net €', 8, 'DVB'),
 *_rows(69, [('Turned shaft EN24T', '150', '48.00', '7,200.00'), ('Certificate of conformity', '1', '80.00', '80.00')]),
 (130, 87, 'Net Total', 8), (-190, 87, '€7,280.00', 8),
 (130, 92, 'VAT @ 23%', 8), (-190, 92, '€1,674.40', 8),
 (130, 98, 'Invoice Total', 9, 'DVB'), (-190, 98, '€8,954.40', 9, 'DVB'),
], [(20, 64, 190, 64), (20, 80, 190, 80)], "DV"),

# 15. a Croatian račun: OIB with its ISO 7064 check, PDV 25%, €, JIR and ZKI of the fiscal receipt
"hr_racun": ([
 (20, 15, 'Metalska industrija Slavonija d.o.o.', 12, 'DVB'), (20, 21, 'Industrijska zona 8, 31000 Osijek, Hrvatska', 8),
 (20, 25, 'OIB: 69145298804', 8),
 (140, 15, 'RAČUN', 14, 'DVB'),
 (130, 32, 'Broj računa:', 8), (160, 32, '458/1/1', 8), (130, 37, 'Datum i vrijeme:', 8), (160, 37, '01.12.2026. 10:42', 8),
 (130, 42, 'Datum dospijeća:', 8), (160, 42, '31.12.2026.', 8),
 (20, 36, 'Kupac:', 8, 'DVB'), (20, 41, OURS_DE, 9), (20, 46, 'Hafenstraße 12, 28217 Bremen, Njemačka', 8),
 (20, 50, 'PDV ID: ' + OURS_DE_VAT, 8),
 (20, 62, 'Opis', 8, 'DVB'), (-130, 62, 'Kol.', 8, 'DVB'), (-160, 62, 'Cijena', 8, 'DVB'), (-190, 62, 'Iznos', 8, 'DVB'),
 *_rows(69, [('Zavareni nosač S235', '60', '85,00', '5.100,00'), ('Vruće cinčanje', '60', '15,00', '900,00')]),
 (130, 87, 'Osnovica:', 8), (-190, 87, '6.000,00 €', 8),
 (130, 92, 'PDV 25%:', 8), (-190, 92, '1.500,00 €', 8),
 (130, 98, 'Ukupno za platiti:', 9, 'DVB'), (-190, 98, '7.500,00 €', 9, 'DVB'),
 (20, 112, 'JIR: 3a5f8c12-7d4e-4b21-9f0a-6c2e1d8b7a45', 7), (20, 116, 'ZKI: 9e107d9d372bb6826bd81d3542a419d6', 7),
], [(20, 64, 190, 64), (20, 80, 190, 80)], "DV"),

# 16. a Serbian faktura: PIB with its check, matični broj, PDV 20%, RSD
"rs_faktura": ([
 (20, 15, 'Livnica Kikinda d.o.o.', 13, 'DVB'), (20, 21, 'Industrijska zona bb, 23300 Kikinda, Srbija', 8),
 (20, 25, 'PIB: 101234569   Matični broj: 08012345', 8),
 (140, 15, 'FAKTURA', 14, 'DVB'),
 (130, 32, 'Faktura br.:', 8), (160, 32, 'LK-2026-3318', 8), (130, 37, 'Datum izdavanja:', 8), (160, 37, '01.12.2026.', 8),
 (130, 42, 'Datum prometa:', 8), (160, 42, '30.11.2026.', 8), (130, 47, 'Valuta plaćanja:', 8), (160, 47, '31.12.2026.', 8),
 (20, 36, 'Kupac:', 8, 'DVB'), (20, 41, OURS_EN, 9), (20, 46, '88 Xinghu Street, Suzhou, Kina', 8),
 (20, 62, 'Naziv', 8, 'DVB'), (-130, 62, 'Količina', 8, 'DVB'), (-160, 62, 'Cena', 8, 'DVB'), (-190, 62, 'Vrednost', 8, 'DVB'),
 *_rows(69, [('Odlivak kućišta pumpe', '100', '8.500,00', '850.000,00'), ('Mehanička obrada', '100', '1.500,00', '150.000,00')]),
 (125, 87, 'Osnovica za PDV:', 8), (-190, 87, '1.000.000,00 RSD', 8),
 (125, 92, 'PDV 20%:', 8), (-190, 92, '200.000,00 RSD', 8),
 (115, 98, 'Ukupno za uplatu:', 9, 'DVB'), (-190, 98, '1.200.000,00 RSD', 9, 'DVB'),
], [(20, 64, 190, 64), (20, 80, 190, 80)], "DV"),

# 17. an Estonian arve: registrikood and KMKR EE…, käibemaks 24%, maksetähtaeg, €
"ee_arve": ([
 (20, 15, 'Tartu Metallitööd OÜ', 13, 'DVB'), (20, 21, 'Ringtee 75, 50105 Tartu, Eesti', 8),
 (20, 25, 'Reg. kood 12345678   KMKR: EE100345678', 8),
 (150, 15, 'ARVE', 14, 'DVB'),
 (130, 32, 'Arve nr', 8), (160, 32, '2026-1187', 8), (130, 37, 'Kuupäev', 8), (160, 37, '01.12.2026', 8),
 (130, 42, 'Maksetähtaeg', 8), (160, 42, '31.12.2026', 8),
 (20, 36, 'Maksja:', 8, 'DVB'), (20, 41, OURS_DE, 9), (20, 46, 'Hafenstraße 12, 28217 Bremen, Saksamaa', 8),
 (20, 62, 'Nimetus', 8, 'DVB'), (-130, 62, 'Kogus', 8, 'DVB'), (-160, 62, 'Hind', 8, 'DVB'), (-190, 62, 'Summa', 8, 'DVB'),
 *_rows(69, [('Keevitatud raam', '20', '310,00', '6 200,00'), ('Pulbervärvimine', '20', '40,00', '800,00')]),
 (130, 87, 'Summa käibemaksuta', 8), (-190, 87, '7 000,00', 8),
 (130, 92, 'Käibemaks 24%', 8), (-190, 92, '1 680,00', 8),
 (130, 98, 'Tasuda (EUR)', 9, 'DVB'), (-190, 98, '8 680,00', 9, 'DVB'),
], [(20, 64, 190, 64), (20, 80, 190, 80)], "DV"),

# 18. a Lithuanian PVM sąskaita faktūra: serija and Nr., PVM kodas LT…, PVM 21%, apmokėti iki
"lt_pvm_saskaita": ([
 (60, 14, 'PVM SĄSKAITA FAKTŪRA', 13, 'DVB'), (75, 20, 'Serija KMT Nr. 004512', 9), (80, 25, '2026 m. gruodžio 1 d.', 8),
 (20, 36, 'Pardavėjas:', 8, 'DVB'), (20, 41, 'UAB „Kauno metalo technika“', 9), (20, 46, 'Pramonės pr. 16, LT-51329 Kaunas', 8),
 (20, 50, 'Įmonės kodas: 302345678   PVM kodas: LT100005678911', 7),
 (110, 36, 'Pirkėjas:', 8, 'DVB'), (110, 41, OURS_DE, 9), (110, 46, 'Hafenstraße 12, 28217 Bremen, Vokietija', 8),
 (110, 50, 'PVM kodas: ' + OURS_DE_VAT, 7),
 (20, 64, 'Pavadinimas', 8, 'DVB'), (-130, 64, 'Kiekis', 8, 'DVB'), (-160, 64, 'Kaina', 8, 'DVB'), (-190, 64, 'Suma', 8, 'DVB'),
 *_rows(71, [('Suvirintas rėmas', '30', '250,00', '7 500,00'), ('Cinkavimas', '30', '50,00', '1 500,00')]),
 (130, 89, 'Suma be PVM', 8), (-190, 89, '9 000,00 €', 8),
 (130, 94, 'PVM 21 %', 8), (-190, 94, '1 890,00 €', 8),
 (130, 100, 'Iš viso su PVM', 9, 'DVB'), (-190, 100, '10 890,00 €', 9, 'DVB'),
 (20, 114, 'Apmokėti iki: 2026-12-31', 8),
], [(20, 66, 190, 66), (20, 82, 190, 82)], "DV"),

# 19. a Ghanaian invoice: TIN, VAT 15% plus the NHIL and GETFund levies (2.5% each) on the net, GH₵
"gh_invoice": ([
 (20, 15, 'Tema Steel Fabrication Ltd', 13, 'DVB'), (20, 21, 'Heavy Industrial Area, Tema, Greater Accra, Ghana', 8),
 (20, 25, 'TIN: C0012345678', 8),
 (140, 15, 'TAX INVOICE', 13, 'DVB'),
 (130, 34, 'Invoice No.', 8), (160, 34, 'TSF/2026/0771', 8), (130, 39, 'Date', 8), (160, 39, '01/12/2026', 8),
 (130, 44, 'Due Date', 8), (160, 44, '31/12/2026', 8),
 (20, 34, 'Bill To:', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, China', 8),
 (20, 60, 'Description', 8, 'DVB'), (-130, 60, 'Qty', 8, 'DVB'), (-160, 60, 'Unit Price', 8, 'DVB'), (-190, 60, 'Amount', 8, 'DVB'),
 *_rows(67, [('Steel staircase, galvanised', '2', '20,000.00', '40,000.00')]),
 (125, 80, 'Sub Total', 8), (-190, 80, 'GH₵ 40,000.00', 8),
 (125, 85, 'NHIL 2.5%', 8), (-190, 85, '1,000.00', 8),
 (125, 90, 'GETFund Levy 2.5%', 8), (-190, 90, '1,000.00', 8),
 (125, 95, 'VAT 15%', 8), (-190, 95, '6,000.00', 8),
 (125, 101, 'Total Amount', 9, 'DVB'), (-190, 101, 'GH₵ 48,000.00', 9, 'DVB'),
], [(20, 62, 190, 62), (20, 74, 190, 74)], "DV"),

# 20. an Ecuadorian factura: RUC of 13 digits, No. 001-001-…, clave de acceso, IVA 15%, $ = the US dollar
"ec_factura": ([
 (20, 15, 'METALMECÁNICA DEL PICHINCHA CIA. LTDA.', 11, 'DVB'), (20, 21, 'Av. Galo Plaza Lasso N45-120, Quito, Ecuador', 8),
 (130, 13, 'R.U.C.: 1791234561001', 9, 'DVB'), (130, 19, 'FACTURA', 11, 'DVB'), (130, 25, 'No. 001-001-000012345', 9),
 (130, 30, 'Clave de acceso:', 6), (130, 33, '0112202601179123456100120010010000123451234567811', 5),
 (20, 40, 'Razón Social:', 8), (50, 40, OURS_EN, 8), (20, 45, 'Fecha Emisión:', 8), (50, 45, '01/12/2026', 8),
 (20, 50, 'Dirección:', 8), (50, 50, 'Suzhou, China', 8),
 (20, 62, 'Descripción', 8, 'DVB'), (-130, 62, 'Cant.', 8, 'DVB'), (-160, 62, 'P. Unitario', 8, 'DVB'), (-190, 62, 'Precio Total', 8, 'DVB'),
 *_rows(69, [('Tanque de acero inoxidable 500 L', '4', '2,250.00', '9,000.00'), ('Flete Quito - Guayaquil', '1', '1,000.00', '1,000.00')]),
 (125, 87, 'SUBTOTAL 15%', 8), (-190, 87, '$ 10,000.00', 8),
 (125, 92, 'IVA 15%', 8), (-190, 92, '$ 1,500.00', 8),
 (125, 98, 'VALOR TOTAL', 9, 'DVB'), (-190, 98, '$ 11,500.00', 9, 'DVB'),
], [(20, 64, 190, 64), (20, 80, 190, 80)], "DV"),

# 21. a Costa Rican factura electrónica: cédula jurídica, consecutivo of 20 digits, clave of 50, IVA 13%, ₡
"cr_factura": ([
 (20, 15, 'Industrias Metálicas del Valle S.A.', 13, 'DVB'), (20, 21, 'Zona Franca Coyol, Alajuela, Costa Rica', 8),
 (20, 25, 'Cédula Jurídica: 3-101-123456', 8),
 (125, 15, 'FACTURA ELECTRÓNICA', 11, 'DVB'),
 (125, 22, 'Consecutivo: 00100001010000004512', 7),
 (125, 26, 'Clave: 50601122600310112345600100001010000004512112345678', 5),
 (125, 32, 'Fecha de emisión: 01/12/2026', 8),
 (20, 38, 'Receptor:', 8, 'DVB'), (20, 43, OURS_EN, 9), (20, 48, 'Suzhou, China', 8),
 (20, 62, 'Detalle', 8, 'DVB'), (-130, 62, 'Cantidad', 8, 'DVB'), (-160, 62, 'Precio', 8, 'DVB'), (-190, 62, 'Monto', 8, 'DVB'),
 *_rows(69, [('Estructura soldada', '5', '₡800.000,00', '₡4.000.000,00'), ('Pintura electrostática', '5', '₡200.000,00', '₡1.000.000,00')]),
 (125, 87, 'Total venta neta', 8), (-190, 87, '₡5.000.000,00', 8),
 (125, 92, 'Total impuesto (IVA 13%)', 8), (-190, 92, '₡650.000,00', 8),
 (125, 98, 'Total comprobante', 9, 'DVB'), (-190, 98, '₡5.650.000,00', 9, 'DVB'),
], [(20, 64, 190, 64), (20, 80, 190, 80)], "DV"),

# 22. a Dominican factura de crédito fiscal: RNC with its check, NCF B01…, ITBIS 18%, RD$
"do_factura": ([
 (20, 15, 'Metalúrgica del Cibao, S.R.L.', 13, 'DVB'), (20, 21, 'Av. Circunvalación 45, Santiago, República Dominicana', 8),
 (20, 25, 'RNC: 130-12345-4', 8),
 (125, 15, 'FACTURA DE CRÉDITO FISCAL', 10, 'DVB'),
 (125, 22, 'NCF: B0100000451', 8), (125, 27, 'Válida hasta: 31/12/2027', 8),
 (125, 32, 'Factura No.: MC-2026-0451', 8), (125, 37, 'Fecha: 01/12/2026', 8),
 (20, 38, 'Cliente:', 8, 'DVB'), (20, 43, OURS_EN, 9), (20, 48, 'Suzhou, China', 8),
 (20, 62, 'Descripción', 8, 'DVB'), (-130, 62, 'Cant.', 8, 'DVB'), (-160, 62, 'Precio', 8, 'DVB'), (-190, 62, 'Valor', 8, 'DVB'),
 *_rows(69, [('Rejilla de piso galvanizada', '50', '3,600.00', '180,000.00'), ('Corte a medida', '50', '400.00', '20,000.00')]),
 (125, 87, 'Subtotal', 8), (-190, 87, 'RD$ 200,000.00', 8),
 (125, 92, 'ITBIS 18%', 8), (-190, 92, 'RD$ 36,000.00', 8),
 (125, 98, 'Total a pagar', 9, 'DVB'), (-190, 98, 'RD$ 236,000.00', 9, 'DVB'),
], [(20, 64, 190, 64), (20, 80, 190, 80)], "DV"),
}

TRUTH: dict[str, dict] = {
"om_tax_invoice": {"number": "SMI/26/0412", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Sohar Metal Industries LLC", "seller_tax_id": "OM1100012345", "buyer_name": OURS_EN, "buyer_tax_id": None,
    "currency": "OMR", "net": D("1425.000"), "tax": D("71.250"), "total": D("1496.250")},
"bh_tax_invoice": {"number": "SEW-4471", "issue_date": date(2026, 12, 1), "seller_name": "Sitra Engineering Works W.L.L.",
    "seller_tax_id": "200012345600002", "buyer_name": OURS_EN, "buyer_tax_id": None, "currency": "BHD",
    "net": D("1000.000"), "tax": D("100.000"), "total": D("1100.000")},
"sa_arabic_digits": {"number": "4412", "issue_date": date(2026, 12, 1), "seller_name": "Riyadh Valve Manufacturing Co.",
    "seller_tax_id": "300456789100003", "buyer_name": OURS_EN, "buyer_tax_id": None, "currency": "SAR",
    "net": D("40000.00"), "tax": D("6000.00"), "total": D("46000.00")},
"il_heshbonit": {"number": ("321", "321 / 2026", "321/2026"), "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": 'נתניה מתכת בע"מ', "seller_tax_id": "512345679", "buyer_name": OURS_EN, "buyer_tax_id": None,
    "currency": "ILS", "net": D("25000.00"), "tax": D("4500.00"), "total": D("29500.00")},
"tw_english_ubn": {"number": "FPT-261201", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Formosa Precision Tooling Co., Ltd.", "seller_tax_id": "22099131", "buyer_name": OURS_EN, "buyer_tax_id": None,
    "currency": "TWD", "net": D("50000"), "tax": D("2500"), "total": D("52500")},
"mo_fapiao": {"number": "MP-261201", "issue_date": date(2026, 12, 1), "seller_name": "澳門精工五金有限公司",
    "seller_tax_id": "12345678", "buyer_name": OURS, "buyer_tax_id": None, "currency": "MOP",
    "net": (D("12800.00"), None), "tax": (None, D("0")), "total": D("12800.00")},
"ch_facture": {"number": "2026-0871", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Mécanique de Précision Jura SA", "seller_tax_id": "CHE-116.281.710", "buyer_name": OURS_DE, "buyer_tax_id": None,
    "currency": "CHF", "net": D("11420.00"), "tax": D("925.00"), "total": D("12345.00")},
"bn_words_disagree": {"number": "SKS-2026-118", "issue_date": date(2026, 12, 1), "seller_name": "Syarikat Kejuruteraan Seria Sdn Bhd",
    "seller_tax_id": None, "buyer_name": OURS_EN, "buyer_tax_id": None, "currency": "BND",
    "net": (D("12840.00"), None), "tax": (None, D("0")), "total": D("12840.00")},
"cn_juanshi": {"number": "08812345", "issue_date": date(2026, 12, 1), "seller_name": "苏州吴中五金机电商行",
    "seller_tax_id": "92320506MA1P8KJ23T", "buyer_name": OURS, "buyer_tax_id": OUR_TAX_ID, "currency": "CNY",
    "net": None, "tax": None, "total": D("610.00")},
"cn_chae": {"number": "26322000000045678912", "issue_date": date(2026, 12, 1), "seller_name": "上海锦程国际货运代理有限公司",
    "seller_tax_id": "91310115MA1H9XKQ33", "buyer_name": OURS, "buyer_tax_id": OUR_TAX_ID, "currency": "CNY",
    "net": D("104716.98"), "tax": D("283.02"), "total": D("105000.00")},
"bd_mushak": {"number": "CSE-6.3-2026-771", "issue_date": date(2026, 12, 1), "seller_name": "Chattogram Steel Engineering Ltd.",
    "seller_tax_id": ("000123456-0101", "0001234560101"), "buyer_name": OURS_EN, "buyer_tax_id": None, "currency": "BDT",
    "net": D("1000000.00"), "tax": D("150000.00"), "total": D("1150000.00")},
"kz_schet_faktura": {"number": "0457", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": ("ТОО «Карагандинский машиностроительный завод»", "Карагандинский машиностроительный завод"),
    "seller_tax_id": "070140001231", "buyer_name": OURS_EN, "buyer_tax_id": None, "currency": "KZT",
    "net": D("1000000.00"), "tax": D("120000.00"), "total": D("1120000.00")},
"ma_facture": {"number": "FA-2026-0912", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "ATLAS MÉCANIQUE INDUSTRIELLE SARL", "seller_tax_id": "001523456000078", "buyer_name": OURS_EN, "buyer_tax_id": None,
    "currency": "MAD", "net": D("120000.00"), "tax": D("24000.00"), "total": D("144000.00")},
"ie_invoice": {"number": "SPE-10882", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Shannon Precision Engineering Ltd", "seller_tax_id": "IE6388047V", "buyer_name": OURS_DE,
    "buyer_tax_id": OURS_DE_VAT, "currency": "EUR", "net": D("7280.00"), "tax": D("1674.40"), "total": D("8954.40")},
"hr_racun": {"number": "458/1/1", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Metalska industrija Slavonija d.o.o.", "seller_tax_id": ("69145298804", "HR69145298804"), "buyer_name": OURS_DE,
    "buyer_tax_id": OURS_DE_VAT, "currency": "EUR", "net": D("6000.00"), "tax": D("1500.00"), "total": D("7500.00")},
"rs_faktura": {"number": "LK-2026-3318", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Livnica Kikinda d.o.o.", "seller_tax_id": "101234569", "buyer_name": OURS_EN, "buyer_tax_id": None,
    "currency": "RSD", "net": D("1000000.00"), "tax": D("200000.00"), "total": D("1200000.00")},
"ee_arve": {"number": "2026-1187", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Tartu Metallitööd OÜ", "seller_tax_id": "EE100345678", "buyer_name": OURS_DE, "buyer_tax_id": None,
    "currency": "EUR", "net": D("7000.00"), "tax": D("1680.00"), "total": D("8680.00")},
"lt_pvm_saskaita": {"number": ("KMT 004512", "KMT004512", "004512", "KMT Nr. 004512"), "issue_date": date(2026, 12, 1),
    "due_date": date(2026, 12, 31), "seller_name": ("UAB „Kauno metalo technika“", 'UAB "Kauno metalo technika"'),
    "seller_tax_id": "LT100005678911", "buyer_name": OURS_DE, "buyer_tax_id": OURS_DE_VAT, "currency": "EUR",
    "net": D("9000.00"), "tax": D("1890.00"), "total": D("10890.00")},
"gh_invoice": {"number": "TSF/2026/0771", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Tema Steel Fabrication Ltd", "seller_tax_id": "C0012345678", "buyer_name": OURS_EN, "buyer_tax_id": None,
    "currency": "GHS", "net": D("40000.00"), "tax": D("8000.00"), "total": D("48000.00")},
"ec_factura": {"number": ("001-001-000012345", "001001000012345"), "issue_date": date(2026, 12, 1),
    "seller_name": "METALMECÁNICA DEL PICHINCHA CIA. LTDA.", "seller_tax_id": "1791234561001", "buyer_name": OURS_EN,
    "buyer_tax_id": None, "currency": "USD", "net": D("10000.00"), "tax": D("1500.00"), "total": D("11500.00")},
"cr_factura": {"number": ("00100001010000004512",), "issue_date": date(2026, 12, 1),
    "seller_name": "Industrias Metálicas del Valle S.A.", "seller_tax_id": ("3-101-123456", "3101123456"), "buyer_name": OURS_EN,
    "buyer_tax_id": None, "currency": "CRC", "net": D("5000000.00"), "tax": D("650000.00"), "total": D("5650000.00")},
"do_factura": {"number": ("B0100000451", "MC-2026-0451"), "issue_date": date(2026, 12, 1),
    "seller_name": "Metalúrgica del Cibao, S.R.L.", "seller_tax_id": ("130123454", "130-12345-4"), "buyer_name": OURS_EN,
    "buyer_tax_id": None, "currency": "DOP", "net": D("200000.00"), "tax": D("36000.00"), "total": D("236000.00")},
}

LINES: dict[str, list[tuple[str, D, D]]] = {
"om_tax_invoice": [("cable tray", D("120"), D("1050.000")), ("Support bracket", D("300"), D("375.000"))],
"tw_english_ubn": [("end mill", D("200"), D("36000")), ("Regrinding", D("100"), D("14000"))],
"ch_facture": [("Arbre rectifié", D("100"), D("9500.00")), ("Contrôle", D("1"), D("1920.00"))],
"cn_juanshi": [("内六角扳手", D("10"), D("450.00")), ("钢丝钳", D("5"), D("160.00"))],
"kz_schet_faktura": [("Звездочка", D("40"), D("1000000.00"))],
"ma_facture": [("Poulie", D("80"), D("100000.00")), ("Équilibrage", D("80"), D("20000.00"))],
"hr_racun": [("nosač", D("60"), D("5100.00")), ("cinčanje", D("60"), D("900.00"))],
"rs_faktura": [("kućišta", D("100"), D("850000.00")), ("obrada", D("100"), D("150000.00"))],
"lt_pvm_saskaita": [("rėmas", D("30"), D("7500.00")), ("Cinkavimas", D("30"), D("1500.00"))],
"do_factura": [("Rejilla", D("50"), D("180000.00")), ("Corte", D("50"), D("20000.00"))],
}


def build(name: str, folder: Path) -> Path:
    """The document ``name`` as a PDF in ``folder``."""
    return draw_document(DOCS, name, folder)
