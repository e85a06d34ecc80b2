"""A fourth held-out set of invoices (issue 14 §1-§3), written by hand as their issuers print them, not by the
generator: a Taiwanese 電子發票證明聯 (民國 dates, 統一編號), a Hong Kong 發票 in traditional characters, a
Japanese 適格請求書 (登録番号, 令和 dates, 軽減税率, full-width yen), a Korean 전자세금계산서 (공급자 | 공급받는자 side
by side), a Canadian invoice with GST and QST, a Polish Faktura VAT, a French facture ending at ``Net à payer``,
a US invoice with an accounting-negative discount and payments received before the ``Amount Due``, a US credit
memo, an electricity bill whose amount due holds a previous balance, a Swedish faktura with list price,
discount and gross/net columns, a German Rechnung carried over (``Übertrag``) to its second page, a Mexican
CFDI printout, a Brazilian DANFE, an Indian tax invoice with its IGST rate only in the descriptions and lakh
grouping, an Australian tax invoice with GST-inclusive prices. The documents, their truth and our companies;
the tests are in test_held_out_invoices_4.py."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

from tests.extractors_documents.handmade import (
    OUR_ACCOUNTS,
    OUR_TAX_ID,
    OURS,
    OURS_DE,
    OURS_DE_VAT,
    OURS_EN,
    OURS_IN,
    OURS_IN_GSTIN,
)
from tests.extractors_documents.held_out_harness import draw_document, right  # noqa: F401  (right: its sets' rule)

OURS_TW = "恆銳精密科技股份有限公司"
OURS_TW_UBN = "24536783"
OURS_KR = "헝루이정밀코리아 주식회사"
OURS_KR_BRN = "605-81-30424"
#: our Suzhou company as a Hong Kong issuer writes it, in traditional characters
OURS_TRAD = "蘇州恒銳精密五金製品有限公司"

DOCS: dict[str, tuple] = {
# 1. a Taiwanese B2B e-invoice proof: seller on top, 發票號碼 AB-12345678, 民國 date, 統一編號 of both, 總計 新臺幣
"tw_einvoice": ([
 (20, 14, '台灣精工螺絲股份有限公司', 13), (20, 20, '統一編號：53212534', 8), (20, 24, '地址：台南市永康區中正南路 358 號', 8),
 (80, 36, '電子發票證明聯', 16), (88, 43, '115年11-12月', 10),
 (20, 54, '發票號碼：', 9), (45, 54, 'AB-12345678', 9), (120, 54, '發票日期：', 9), (145, 54, '115年12月01日', 9),
 (20, 60, '買　　方：', 9), (45, 60, OURS_TW, 9), (120, 60, '統一編號：', 9), (145, 60, OURS_TW_UBN, 9),
 (20, 66, '地　　址：', 9), (45, 66, '新竹縣竹北市台元一街 8 號 5 樓', 9), (120, 66, '格　　式：', 9), (145, 66, '25', 9),
 (20, 78, '品名', 9), (-120, 78, '數量', 9), (-145, 78, '單價', 9), (-170, 78, '金額', 9), (175, 78, '備註', 9),
 (20, 85, '不鏽鋼六角螺栓 M10×40', 9), (-120, 85, '2,000', 9), (-145, 85, '3.5', 9), (-170, 85, '7,000', 9),
 (20, 91, '彈簧墊圈 M10', 9), (-120, 91, '2,000', 9), (-145, 91, '0.5', 9), (-170, 91, '1,000', 9),
 (20, 104, '銷售額合計', 9), (-170, 104, '8,000', 9),
 (20, 110, '營業稅', 9), (60, 110, '應稅 ✓', 9), (90, 110, '零稅率', 9), (115, 110, '免稅', 9), (-170, 110, '400', 9),
 (20, 116, '總計', 9), (-170, 116, '8,400', 9),
 (20, 122, '總計新臺幣（中文大寫）', 9), (75, 122, '捌仟肆佰元整', 9),
 (20, 140, '※ 應稅、零稅率、免稅之銷售額應分別開立統一發票，並應於各該欄打「✓」。', 7),
], [(20, 80, 190, 80), (20, 99, 190, 99), (20, 118, 190, 118)], "WQ"),

# 2. a Hong Kong trading house's 發票 in traditional characters: our name in traditional script, 總額 HK$
"hk_trad": ([
 (20, 14, '寶昌五金貿易有限公司', 14), (20, 20, 'PO CHEONG HARDWARE TRADING CO. LIMITED', 8),
 (20, 25, '香港九龍觀塘開源道 62 號駱駝漆大廈 3 座 12 樓', 8), (20, 29, '電話：2345 6789　商業登記號碼：61238875', 8),
 (92, 40, '發票', 16), (91, 46, 'INVOICE', 9),
 (20, 56, '客戶：', 9), (35, 56, OURS_TRAD, 9), (20, 61, '地址：', 9), (35, 61, '中國江蘇省蘇州市星湖街 88 號', 9),
 (130, 56, '發票編號：', 9), (155, 56, 'PC26-1201', 9), (130, 61, '日期：', 9), (155, 61, '2026年12月1日', 9),
 (130, 66, '付款條件：', 9), (155, 66, '月結 30 天', 9),
 (20, 78, '貨品編號', 8), (45, 78, '貨品描述', 8), (-130, 78, '數量', 8), (-160, 78, '單價 (HK$)', 8), (-190, 78, '金額 (HK$)', 8),
 (20, 85, 'PC-3310', 8), (45, 85, '不銹鋼合頁 3 吋', 8), (-130, 85, '1,200', 8), (-160, 85, '12.80', 8), (-190, 85, '15,360.00', 8),
 (20, 91, 'PC-4402', 8), (45, 91, '門鎖鎖芯 60mm', 8), (-130, 91, '200', 8), (-160, 91, '40.00', 8), (-190, 91, '8,000.00', 8),
 (130, 104, '小計', 9), (-190, 104, '23,360.00', 9),
 (130, 111, '總額', 10), (-190, 111, 'HK$ 23,360.00', 10),
 (20, 125, '港幣貳萬叁仟叁佰陸拾元正', 9),
 (20, 140, '支票抬頭請寫「寶昌五金貿易有限公司」。', 8), (130, 160, '寶昌五金貿易有限公司', 8), (135, 175, '授權簽署', 8),
], [(20, 80, 190, 80), (20, 96, 190, 96), (130, 107, 190, 107)], "WQ"),

# 3. a Japanese qualified invoice (適格請求書): 御中, 令和 dates, 登録番号 T+13, 10%/8% 軽減税率, full-width ￥
"jp_qualified": ([
 (85, 16, '請求書', 18), (83, 23, '（適格請求書）', 9),
 (20, 36, 'Suzhou Hengrui Precision Hardware Co., Ltd.　御中', 10), (20, 42, '〒215000 中国江蘇省蘇州市星湖街88号', 8),
 (130, 34, '請求書番号', 8), (155, 34, 'HS-26120107', 8), (130, 39, '請求日', 8), (155, 39, '令和8年12月1日', 8),
 (130, 44, 'お支払期限', 8), (155, 44, '令和8年12月28日', 8),
 (130, 54, '株式会社北辰精機', 11), (130, 60, '〒464-0850 愛知県名古屋市千種区今池1-2-3', 7), (130, 64, 'TEL 052-123-4567', 7),
 (130, 68, '登録番号：T1180001023456', 7),
 (20, 56, '下記のとおりご請求申し上げます。', 8),
 (20, 66, 'ご請求金額（税込）', 10), (68, 66, '￥１２２，９６０－', 13),
 (20, 82, '品名', 8), (-130, 82, '数量', 8), (-158, 82, '単価', 8), (-190, 82, '金額', 8),
 (20, 89, '精密シャフト SF-12', 8), (-130, 89, '100', 8), (-158, 89, '800', 8), (-190, 89, '80,000', 8),
 (20, 95, '軸受ハウジング BH-30', 8), (-130, 95, '20', 8), (-158, 95, '1,000', 8), (-190, 95, '20,000', 8),
 (20, 101, '会議用弁当 ※', 8), (-130, 101, '12', 8), (-158, 101, '1,000', 8), (-190, 101, '12,000', 8),
 (110, 112, '10%対象', 8), (-158, 112, '100,000', 8), (160, 112, '消費税', 8), (-190, 112, '10,000', 8),
 (110, 117, '8%対象', 8), (-158, 117, '12,000', 8), (160, 117, '消費税', 8), (-190, 117, '960', 8),
 (110, 124, '合計', 9), (-190, 124, '￥122,960', 9),
 (20, 132, '※は軽減税率（8%）対象です。', 7),
 (20, 140, '振込先：三菱UFJ銀行 今池支店 普通 1234567 カ）ホクシンセイキ', 7),
], [(20, 84, 190, 84), (20, 105, 190, 105), (110, 120, 190, 120)], "WQ"),

# 4. a Korean electronic tax invoice: 공급자 | 공급받는자 side by side, 승인번호, 공급가액/세액/합계금액
"kr_tax_invoice": ([
 (70, 15, '전자세금계산서', 16), (130, 24, '승인번호', 7), (148, 24, '20261201-41000012-00005712', 7),
 (20, 34, '공급자', 9), (105, 34, '공급받는자', 9),
 (20, 40, '등록번호', 7), (40, 40, '214-86-01752', 7), (105, 40, '등록번호', 7), (125, 40, OURS_KR_BRN, 7),
 (20, 45, '상호', 7), (40, 45, '대한정밀기계 주식회사', 7), (75, 45, '성명 김민수', 7),
 (105, 45, '상호', 7), (125, 45, OURS_KR, 7), (165, 45, '성명 왕리', 7),
 (20, 50, '사업장', 7), (40, 50, '경기도 화성시 향남읍 제약단지로 55', 7), (105, 50, '사업장', 7), (125, 50, '인천광역시 연수구 송도과학로 32', 7),
 (20, 55, '업태', 7), (40, 55, '제조', 7), (60, 55, '종목 기계부품', 7), (105, 55, '업태', 7), (125, 55, '도소매', 7),
 (20, 66, '작성일자', 7), (50, 66, '공급가액', 7), (85, 66, '세액', 7), (110, 66, '수정사유', 7),
 (20, 71, '2026-12-01', 7), (-75, 71, '3,250,000', 7), (-100, 71, '325,000', 7),
 (20, 82, '월', 7), (28, 82, '일', 7), (36, 82, '품목', 7), (-120, 82, '수량', 7), (-145, 82, '단가', 7),
 (-170, 82, '공급가액', 7), (-190, 82, '세액', 7),
 (20, 88, '12', 7), (28, 88, '01', 7), (36, 88, '유압 실린더 HC-50', 7), (-120, 88, '10', 7), (-145, 88, '250,000', 7),
 (-170, 88, '2,500,000', 7), (-190, 88, '250,000', 7),
 (20, 93, '12', 7), (28, 93, '01', 7), (36, 93, '씰 키트 SK-50', 7), (-120, 93, '50', 7), (-145, 93, '15,000', 7),
 (-170, 93, '750,000', 7), (-190, 93, '75,000', 7),
 (20, 104, '합계금액', 8), (50, 104, '현금', 7), (70, 104, '수표', 7), (90, 104, '어음', 7), (110, 104, '외상미수금', 7),
 (20, 110, '₩3,575,000', 8), (-125, 110, '3,575,000', 7), (140, 110, '이 금액을 (청구) 함', 7),
], [(20, 37, 190, 37), (20, 61, 190, 61), (20, 84, 190, 84), (20, 100, 190, 100)], "WQ"),

# 5. a Canadian invoice (Québec): GST and QST lines, both registration numbers, C$ and CAD
"ca_gst_qst": ([
 (20, 15, 'Maple Ridge Industrial Supply Inc.', 13, 'DVB'), (20, 21, '2250 rue Guénette, Saint-Laurent, QC H4R 2E9', 8),
 (20, 25, 'Tel. 514-555-0187', 8),
 (150, 15, 'INVOICE', 15, 'DVB'),
 (130, 34, 'Invoice #:', 8), (160, 34, 'MR-104877', 8), (130, 39, 'Invoice Date:', 8), (160, 39, '2026-12-01', 8),
 (130, 44, 'Terms:', 8), (160, 44, 'Net 30', 8), (130, 49, 'Due Date:', 8), (160, 49, '2026-12-31', 8),
 (20, 36, 'Bill To:', 8, 'DVB'), (20, 41, OURS_EN, 8), (20, 45, 'c/o Hengrui Canada Office, 400 Boul. de Maisonneuve O.', 8),
 (20, 49, 'Montréal, QC H3A 1L4', 8),
 (20, 64, 'Item', 8, 'DVB'), (45, 64, 'Description', 8, 'DVB'), (-140, 64, 'Qty', 8, 'DVB'), (-165, 64, 'Unit Price', 8, 'DVB'),
 (-190, 64, 'Amount', 8, 'DVB'),
 (20, 71, 'MR-5520', 8), (45, 71, 'Safety valve 3/4" NPT', 8), (-140, 71, '30', 8), (-165, 71, '95.00', 8), (-190, 71, '2,850.00', 8),
 (20, 76, 'MR-7110', 8), (45, 76, 'Pressure gauge 0-300 psi', 8), (-140, 76, '45', 8), (-165, 76, '30.00', 8), (-190, 76, '1,350.00', 8),
 (120, 90, 'Subtotal', 8), (-190, 90, 'C$4,200.00', 8),
 (120, 95, 'GST 5% (No. 812345676 RT0001)', 8), (-190, 95, 'C$210.00', 8),
 (120, 100, 'QST 9.975% (No. 1234567890 TQ0001)', 8), (-190, 100, 'C$418.95', 8),
 (120, 107, 'Total CAD', 9, 'DVB'), (-190, 107, 'C$4,828.95', 9, 'DVB'),
 (20, 125, 'Please remit by EFT to RBC Royal Bank, transit 00011, institution 003, account 1234567.', 7),
], [(20, 66, 190, 66), (20, 80, 190, 80), (120, 103, 190, 103)], "DV"),

# 6. a Polish Faktura VAT: Sprzedawca | Nabywca side by side, NIP, comma decimals, Do zapłaty ... zł
"pl_faktura": ([
 (20, 15, 'Faktura VAT nr FV/2026/12/0457', 14, 'DVB'),
 (130, 24, 'Data wystawienia:', 8), (165, 24, '01.12.2026', 8), (130, 29, 'Data sprzedaży:', 8), (165, 29, '30.11.2026', 8),
 (130, 34, 'Miejsce wystawienia:', 8), (165, 34, 'Poznań', 8),
 (20, 44, 'Sprzedawca:', 9, 'DVB'), (110, 44, 'Nabywca:', 9, 'DVB'),
 (20, 50, 'Wielkopolskie Zakłady Metalowe Sp. z o.o.', 8), (110, 50, OURS_DE, 8),
 (20, 54, 'ul. Głogowska 218, 60-104 Poznań', 8), (110, 54, 'Hanauer Landstraße 291, 60314 Frankfurt am Main', 8),
 (20, 58, 'NIP: 525-273-74-12', 8), (110, 58, 'NIP UE: DE815362741', 8),
 (20, 72, 'Lp.', 7, 'DVB'), (28, 72, 'Nazwa towaru lub usługi', 7, 'DVB'), (-95, 72, 'Ilość', 7, 'DVB'),
 (-113, 72, 'Cena netto', 7, 'DVB'), (-134, 72, 'Wartość netto', 7, 'DVB'), (-143, 72, 'VAT', 7, 'DVB'),
 (-165, 72, 'Kwota VAT', 7, 'DVB'), (-192, 72, 'Wartość brutto', 7, 'DVB'),
 (20, 79, '1', 7), (28, 79, 'Montaż linii spawalniczej', 7), (-95, 79, '1', 7), (-113, 79, '9 800,00', 7),
 (-134, 79, '9 800,00', 7), (-143, 79, '23%', 7), (-165, 79, '2 254,00', 7), (-192, 79, '12 054,00', 7),
 (20, 84, '2', 7), (28, 84, 'Uchwyty spawalnicze UX-4', 7), (-95, 84, '20', 7), (-113, 84, '130,00', 7),
 (-134, 84, '2 600,00', 7), (-143, 84, '23%', 7), (-165, 84, '598,00', 7), (-192, 84, '3 198,00', 7),
 (80, 93, 'Razem:', 8, 'DVB'), (-134, 93, '12 400,00', 8), (-165, 93, '2 852,00', 8), (-192, 93, '15 252,00', 8),
 (20, 106, 'Do zapłaty:', 11, 'DVB'), (55, 106, '15 252,00 zł', 11, 'DVB'),
 (20, 112, 'Słownie: piętnaście tysięcy dwieście pięćdziesiąt dwa zł 00/100', 8),
 (20, 118, 'Sposób płatności: przelew', 8), (20, 122, 'Termin płatności: 31.12.2026', 8),
 (20, 126, 'Nr konta: PL61 1090 1014 0000 0712 1981 2874', 8),
], [(20, 74, 192, 74), (20, 88, 192, 88)], "DV"),

# 7. a French facture: SIRET/TVA intracom in the footer, Total HT, TVA 20 %, Net à payer, 1 234,56 €
"fr_net_a_payer": ([
 (20, 15, 'Usinage Précis du Rhône', 14, 'DVB'), (20, 21, '14 rue de l\'Industrie, 69007 Lyon', 8),
 (20, 25, 'Tél. 04 72 00 11 22 – contact@upr-lyon.fr', 8),
 (120, 40, 'Hengrui Precision Europe GmbH', 9), (120, 45, 'Hanauer Landstraße 291', 8), (120, 49, '60314 Frankfurt am Main', 8),
 (120, 53, 'Allemagne', 8), (120, 57, 'N° TVA client : DE815362741', 8),
 (20, 70, 'FACTURE N° F-2026-1207', 13, 'DVB'),
 (20, 77, 'Lyon, le 1er décembre 2026', 8), (20, 81, 'Date d\'échéance : 31/12/2026', 8),
 (20, 92, 'Désignation', 8, 'DVB'), (-130, 92, 'Qté', 8, 'DVB'), (-160, 92, 'P.U. HT', 8, 'DVB'), (-190, 92, 'Montant HT', 8, 'DVB'),
 (20, 99, 'Rectification de portées d\'arbres', 8), (-130, 99, '12', 8), (-160, 99, '610,00', 8), (-190, 99, '7 320,00', 8),
 (20, 104, 'Traitement thermique', 8), (-130, 104, '1', 8), (-160, 104, '2 970,00', 8), (-190, 104, '2 970,00', 8),
 (120, 116, 'Total HT', 8), (-190, 116, '10 290,00 €', 8),
 (120, 121, 'TVA 20 %', 8), (-190, 121, '2 058,00 €', 8),
 (120, 128, 'Net à payer', 10, 'DVB'), (-190, 128, '12 348,00 €', 10, 'DVB'),
 (20, 140, 'Pénalités de retard : trois fois le taux d\'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.', 6),
 (20, 268, 'Usinage Précis du Rhône SAS au capital de 50 000 € – SIRET 412 356 784 00014 – RCS Lyon 412 356 784', 6),
 (20, 272, 'TVA intracommunautaire : FR70 412356784 – IBAN FR76 3000 4000 0312 3456 7890 143', 6),
], [(20, 94, 190, 94), (20, 110, 190, 110), (120, 124, 190, 124)], "DV"),

# 8. a US invoice: a discount line in accounting negatives, payments received, Amount Due after them
"us_payments_due": ([
 (20, 15, 'Granite State Tool & Die, LLC', 13, 'DVB'), (20, 21, '41 Industrial Park Drive, Nashua, NH 03062', 8),
 (20, 25, '(603) 555-0142 · billing@granitestatetool.com', 8),
 (150, 15, 'INVOICE', 15, 'DVB'),
 (130, 33, 'Invoice No.', 8), (160, 33, 'GST-88213', 8), (130, 38, 'Invoice Date', 8), (160, 38, '12/01/2026', 8),
 (130, 43, 'Due Date', 8), (160, 43, '12/31/2026', 8), (130, 48, 'Terms', 8), (160, 48, 'Net 30', 8),
 (20, 36, 'BILL TO', 8, 'DVB'), (20, 41, OURS_EN, 8), (20, 45, 'No. 88 Xinghu Street, Suzhou 215000, China', 8),
 (20, 62, 'Description', 8, 'DVB'), (-130, 62, 'Qty', 8, 'DVB'), (-160, 62, 'Rate', 8, 'DVB'), (-190, 62, 'Amount', 8, 'DVB'),
 (20, 69, 'Progressive die, bracket HR-221', 8), (-130, 69, '1', 8), (-160, 69, '$3,840.00', 8), (-190, 69, '$3,840.00', 8),
 (20, 74, 'Die tryout and PPAP samples (hours)', 8), (-130, 74, '12', 8), (-160, 74, '$120.00', 8), (-190, 74, '$1,440.00', 8),
 (20, 79, 'Loyalty discount 10% on die', 8), (-190, 79, '($384.00)', 8),
 (120, 92, 'Subtotal', 8), (-190, 92, '$4,896.00', 8),
 (120, 97, 'Sales Tax (export, 0%)', 8), (-190, 97, '$0.00', 8),
 (120, 102, 'Total', 9, 'DVB'), (-190, 102, '$4,896.00', 9, 'DVB'),
 (120, 107, 'Payments/Credits', 8), (-190, 107, '($2,000.00)', 8),
 (120, 114, 'Amount Due', 10, 'DVB'), (-190, 114, '$2,896.00', 10, 'DVB'),
 (20, 130, 'Deposit of $2,000.00 received 10/15/2026 (check #10442). Thank you for your business!', 7),
], [(20, 64, 190, 64), (20, 84, 190, 84), (120, 110, 190, 110)], "DV"),

# 9. a US credit memo: Credit Memo #, Invoice Reference, amounts in parentheses
"us_credit_memo": ([
 (20, 15, 'Pacific Coast Fasteners Inc.', 13, 'DVB'), (20, 21, '1870 Harbor Blvd, Long Beach, CA 90813', 8),
 (20, 25, 'EIN 95-4412873', 8),
 (140, 15, 'CREDIT MEMO', 14, 'DVB'),
 (130, 33, 'Credit Memo #', 8), (162, 33, 'CM-20931', 8), (130, 38, 'Date', 8), (162, 38, 'December 1, 2026', 8),
 (130, 43, 'Invoice Reference', 8), (162, 43, 'INV-77412', 8), (130, 48, 'Customer PO', 8), (162, 48, 'PO-HR-26-301', 8),
 (20, 36, 'Customer', 8, 'DVB'), (20, 41, OURS_EN, 8), (20, 45, 'No. 88 Xinghu Street, Suzhou 215000, China', 8),
 (20, 62, 'Description', 8, 'DVB'), (-130, 62, 'Qty', 8, 'DVB'), (-160, 62, 'Unit Price', 8, 'DVB'), (-190, 62, 'Amount', 8, 'DVB'),
 (20, 69, 'Returned: hex bolts M8x30 zinc (damaged in transit)', 8), (-130, 69, '2,000', 8), (-160, 69, '$0.42', 8),
 (-190, 69, '($840.00)', 8),
 (20, 74, 'Freight refund', 8), (-130, 74, '1', 8), (-160, 74, '$60.00', 8), (-190, 74, '($60.00)', 8),
 (120, 88, 'Subtotal', 8), (-190, 88, '($900.00)', 8), (120, 93, 'Sales Tax', 8), (-190, 93, '$0.00', 8),
 (120, 100, 'Total Credit', 9, 'DVB'), (-190, 100, '($900.00)', 9, 'DVB'),
 (20, 115, 'This credit will be applied to your next invoice unless a refund is requested.', 7),
], [(20, 64, 190, 64), (20, 80, 190, 80), (120, 96, 190, 96)], "DV"),

# 10. an electricity bill: previous balance, payment, current charges with VAT, amount due (not the total)
"utility_previous_balance": ([
 (130, 14, 'Severn Valley Energy', 14, 'DVB'), (130, 20, 'Business Customer Services', 8), (130, 24, 'PO Box 4410, Worcester WR1 9ZZ', 8),
 (20, 44, OURS_DE, 9), (20, 49, 'UK Sales Office, Unit 4 Riverside Park', 8), (20, 54, 'Manchester M17 1FL', 8),
 (130, 40, 'Account number', 8), (-190, 40, '4410 2287 6612', 8), (130, 45, 'Bill number', 8), (-190, 45, '90012377841', 8),
 (130, 50, 'Bill date', 8), (-190, 50, '1 December 2026', 8), (130, 55, 'Billing period', 8), (-190, 55, '1 Sep - 30 Nov 2026', 8),
 (20, 70, 'Your account summary', 11, 'DVB'),
 (20, 78, 'Previous balance', 8), (-190, 78, '£412.30', 8),
 (20, 83, 'Payment received 18 Nov 2026 - thank you', 8), (-190, 83, '-£200.00', 8),
 (20, 88, 'Balance brought forward', 8), (-190, 88, '£212.30', 8),
 (20, 93, 'Current charges (details overleaf)', 8), (-190, 93, '£386.40', 8),
 (20, 101, 'Amount due', 11, 'DVB'), (-190, 101, '£598.70', 11, 'DVB'),
 (20, 108, 'Please pay by 22 December 2026.', 8),
 (20, 122, 'Your current charges', 10, 'DVB'),
 (20, 129, 'Electricity 2,840 kWh at 10.50p', 8), (-190, 129, '£298.20', 8),
 (20, 134, 'Standing charge 91 days at 26.15p', 8), (-190, 134, '£23.80', 8),
 (20, 139, 'Charges before VAT', 8), (-190, 139, '£322.00', 8),
 (20, 144, 'VAT at 20%', 8), (-190, 144, '£64.40', 8),
 (20, 150, 'Total current charges', 9, 'DVB'), (-190, 150, '£386.40', 9, 'DVB'),
 (20, 270, 'Severn Valley Energy Ltd. Registered in England No. 07755123. Registered office: 2 Foregate St, Worcester WR1 1DB.', 6),
 (20, 274, 'VAT Registration No. GB 245 7718 32', 6),
], [(20, 72, 190, 72), (20, 97, 190, 97), (20, 124, 190, 124), (20, 146, 190, 146)], "DV"),

# 11. a Swedish faktura: list price, discount %, gross and net columns, "Summa brutto" above the net, Att betala
"se_list_discount": ([
 (20, 15, 'Norrlands Verktyg AB', 14, 'DVB'), (20, 21, 'Storgatan 12, 903 26 Umeå, Sverige', 8),
 (150, 15, 'FAKTURA', 15, 'DVB'),
 (130, 30, 'Fakturanummer', 8), (165, 30, '100482', 8), (130, 35, 'Fakturadatum', 8), (165, 35, '2026-12-01', 8),
 (130, 40, 'Förfallodatum', 8), (165, 40, '2026-12-31', 8), (130, 45, 'Kundnummer', 8), (165, 45, '3307', 8),
 (20, 36, 'Kund', 8, 'DVB'), (20, 41, OURS_EN, 8), (20, 45, 'No. 88 Xinghu Street, 215000 Suzhou, Kina', 8),
 (20, 62, 'Art.nr', 7, 'DVB'), (40, 62, 'Benämning', 7, 'DVB'), (-110, 62, 'Antal', 7, 'DVB'), (-132, 62, 'Listpris', 7, 'DVB'),
 (-150, 62, 'Rabatt %', 7, 'DVB'), (-170, 62, 'Brutto', 7, 'DVB'), (-190, 62, 'Netto', 7, 'DVB'),
 (20, 69, 'A-1102', 7), (40, 69, 'Borrchuck 13 mm', 7), (-110, 69, '10', 7), (-132, 69, '450,00', 7), (-150, 69, '15', 7),
 (-170, 69, '4 500,00', 7), (-190, 69, '3 825,00', 7),
 (20, 74, 'A-2208', 7), (40, 74, 'Fräs HSS 8 mm', 7), (-110, 74, '25', 7), (-132, 74, '120,00', 7), (-150, 74, '10', 7),
 (-170, 74, '3 000,00', 7), (-190, 74, '2 700,00', 7),
 (120, 88, 'Summa brutto', 8), (-190, 88, '7 500,00', 8),
 (120, 93, 'Rabatt', 8), (-190, 93, '-975,00', 8),
 (120, 98, 'Summa netto', 8), (-190, 98, '6 525,00', 8),
 (120, 103, 'Moms 0 % (export)', 8), (-190, 103, '0,00', 8),
 (120, 110, 'Att betala SEK', 10, 'DVB'), (-190, 110, '6 525,00', 10, 'DVB'),
 (20, 268, 'Norrlands Verktyg AB · Org.nr 556677-8899 · Momsreg.nr SE556677889901 · Godkänd för F-skatt', 6),
 (20, 272, 'Bankgiro 5050-1055 · IBAN SE45 5000 0000 0583 9825 7466', 6),
], [(20, 64, 190, 64), (20, 80, 190, 80), (120, 106, 190, 106)], "DV"),

# 12. a German Rechnung carried over to page 2: page 1 ends at Übertrag, page 2 starts with it, totals there
"de_uebertrag": ([
 (20, 15, 'Rheinische Drehteile GmbH', 14, 'DVB'), (20, 21, 'Industriestraße 40 · 50735 Köln', 8),
 (20, 34, 'Rheinische Drehteile GmbH · Industriestraße 40 · 50735 Köln', 6),
 (20, 40, OURS_DE, 9), (20, 45, 'Hanauer Landstraße 291', 8), (20, 50, '60314 Frankfurt am Main', 8),
 (130, 40, 'Rechnungsnummer', 8), (165, 40, 'RD-2026-4471', 8), (130, 45, 'Rechnungsdatum', 8), (165, 45, '01.12.2026', 8),
 (130, 50, 'Kundennummer', 8), (165, 50, '10233', 8), (130, 55, 'Seite', 8), (165, 55, '1 von 2', 8),
 (20, 66, 'Rechnung', 14, 'DVB'),
 (20, 78, 'Pos.', 8, 'DVB'), (32, 78, 'Bezeichnung', 8, 'DVB'), (-135, 78, 'Menge', 8, 'DVB'), (-162, 78, 'Einzelpreis', 8, 'DVB'),
 (-190, 78, 'Gesamt', 8, 'DVB'),
 (20, 85, '1', 8), (32, 85, 'Drehteil Welle W-12, Stahl 1.4305', 8), (-135, 85, '400', 8), (-162, 85, '12,60', 8), (-190, 85, '5.040,00', 8),
 (20, 91, '2', 8), (32, 91, 'Drehteil Buchse B-8, Messing', 8), (-135, 91, '600', 8), (-162, 91, '6,00', 8), (-190, 91, '3.600,00', 8),
 (120, 104, 'Übertrag', 8, 'DVB'), (-190, 104, '8.640,00', 8, 'DVB'),
 (20, 280, 'Rheinische Drehteile GmbH · Amtsgericht Köln HRB 81234 · USt-IdNr. DE281175436 · Geschäftsführer: Jan Becker', 6),
], [(20, 80, 190, 80), (120, 100, 190, 100)], "DV", (([
 (20, 15, 'Rheinische Drehteile GmbH', 10, 'DVB'), (130, 15, 'Rechnung RD-2026-4471 · Seite 2 von 2', 8),
 (20, 28, 'Pos.', 8, 'DVB'), (32, 28, 'Bezeichnung', 8, 'DVB'), (-135, 28, 'Menge', 8, 'DVB'), (-162, 28, 'Einzelpreis', 8, 'DVB'),
 (-190, 28, 'Gesamt', 8, 'DVB'),
 (120, 35, 'Übertrag', 8, 'DVB'), (-190, 35, '8.640,00', 8, 'DVB'),
 (20, 42, '3', 8), (32, 42, 'Gewindestift M6 gehärtet', 8), (-135, 42, '5.000', 8), (-162, 42, '0,45', 8), (-190, 42, '2.250,00', 8),
 (20, 48, '4', 8), (32, 48, 'Verpackung und Versand', 8), (-135, 48, '1', 8), (-162, 48, '400,00', 8), (-190, 48, '400,00', 8),
 (120, 60, 'Nettobetrag', 8), (-190, 60, '11.290,00', 8),
 (120, 65, 'zzgl. 19 % USt.', 8), (-190, 65, '2.145,10', 8),
 (120, 72, 'Rechnungsbetrag', 10, 'DVB'), (-190, 72, '13.435,10 EUR', 10, 'DVB'),
 (20, 85, 'Zahlbar bis 31.12.2026 ohne Abzug.', 8),
 (20, 280, 'Rheinische Drehteile GmbH · Amtsgericht Köln HRB 81234 · USt-IdNr. DE281175436 · Geschäftsführer: Jan Becker', 6),
], [(20, 30, 190, 30), (120, 55, 190, 55), (120, 68, 190, 68)]),)),

# 13. a Mexican CFDI printout: Emisor/Receptor RFC, Serie + Folio, UUID folio fiscal, IVA 16%, MXN
"mx_cfdi": ([
 (20, 15, 'Aceros y Troqueles del Bajío, S.A. de C.V.', 12, 'DVB'), (20, 21, 'RFC: ATB950323KJ4', 8),
 (20, 25, 'Régimen fiscal: 601 General de Ley Personas Morales', 8), (20, 29, 'Blvd. Adolfo López Mateos 2410, León, Gto., C.P. 37290', 8),
 (140, 15, 'FACTURA', 14, 'DVB'), (140, 22, 'Serie: A   Folio: 2291', 8),
 (20, 40, 'Folio fiscal (UUID):', 7), (60, 40, '5F3C2A1B-8D4E-4F21-9A7B-1C2D3E4F5A6B', 7),
 (20, 44, 'No. de serie del CSD:', 7), (60, 44, '00001000000512345678', 7),
 (20, 48, 'Fecha y hora de emisión:', 7), (60, 48, '2026-12-01T10:22:31', 7),
 (20, 52, 'Lugar de expedición:', 7), (60, 52, '37290', 7),
 (20, 62, 'Receptor', 8, 'DVB'), (20, 67, 'Nombre:', 7), (40, 67, OURS_EN, 7), (20, 71, 'RFC:', 7), (40, 71, 'XEXX010101000', 7),
 (20, 75, 'Uso CFDI:', 7), (40, 75, 'G03 Gastos en general', 7),
 (20, 88, 'Clave', 7, 'DVB'), (40, 88, 'Cant.', 7, 'DVB'), (55, 88, 'Unidad', 7, 'DVB'), (72, 88, 'Descripción', 7, 'DVB'),
 (-165, 88, 'Valor unitario', 7, 'DVB'), (-190, 88, 'Importe', 7, 'DVB'),
 (20, 94, '31201610', 7), (40, 94, '2', 7), (55, 94, 'H87', 7), (72, 94, 'Troquel progresivo TP-44', 7),
 (-165, 94, '21,500.00', 7), (-190, 94, '43,000.00', 7),
 (20, 99, '81141601', 7), (40, 99, '1', 7), (55, 99, 'E48', 7), (72, 99, 'Servicio de ajuste', 7),
 (-165, 99, '5,500.00', 7), (-190, 99, '5,500.00', 7),
 (130, 112, 'Subtotal', 8), (-190, 112, '$ 48,500.00', 8),
 (130, 117, 'IVA Trasladado 16%', 8), (-190, 117, '$ 7,760.00', 8),
 (130, 123, 'Total', 9, 'DVB'), (-190, 123, '$ 56,260.00', 9, 'DVB'),
 (20, 112, 'Moneda: MXN Peso Mexicano', 7), (20, 116, 'Forma de pago: 03 Transferencia electrónica', 7),
 (20, 120, 'Método de pago: PUE Pago en una sola exhibición', 7),
 (20, 126, 'CINCUENTA Y SEIS MIL DOSCIENTOS SESENTA PESOS 00/100 M.N.', 7),
 (20, 140, 'Este documento es una representación impresa de un CFDI', 6),
], [(20, 90, 190, 90), (20, 104, 190, 104), (130, 120, 190, 120)], "DV"),

# 14. a Brazilian DANFE: boxes with small labels above their values, Nº and SÉRIE, chave de acesso 44 digits, CNPJ
"br_danfe": ([
 (20, 14, 'Metalúrgica Paulista de Precisão Ltda.', 8, 'DVB'), (20, 19, 'Rua Voluntários da Pátria 1420 - Santana', 7),
 (20, 23, 'São Paulo - SP - CEP 02011-000', 7),
 (95, 13, 'DANFE', 12, 'DVB'), (88, 18, 'Documento Auxiliar da', 6), (88, 21, 'Nota Fiscal Eletrônica', 6),
 (88, 25, '0 - ENTRADA  1 - SAÍDA   1', 6), (88, 29, 'Nº 000.012.345', 7, 'DVB'), (88, 32, 'SÉRIE 001   FOLHA 1/1', 6),
 (125, 13, 'CHAVE DE ACESSO', 5), (125, 17, '3526 1212 3456 7800 0195 5500 1000 0123 4510 0012 3457', 6),
 (125, 24, 'Consulta de autenticidade no portal nacional da NF-e', 5),
 (20, 38, 'NATUREZA DA OPERAÇÃO', 5), (20, 42, 'VENDA DE MERCADORIA - EXPORTAÇÃO', 7),
 (125, 38, 'PROTOCOLO DE AUTORIZAÇÃO DE USO', 5), (125, 42, '135260001234567 - 01/12/2026 10:22:31', 7),
 (20, 48, 'INSCRIÇÃO ESTADUAL', 5), (20, 52, '123.456.789.110', 7), (125, 48, 'CNPJ', 5), (125, 52, '12.345.678/0001-95', 7),
 (20, 60, 'DESTINATÁRIO / REMETENTE', 6, 'DVB'),
 (20, 64, 'NOME / RAZÃO SOCIAL', 5), (20, 68, OURS_EN.upper(), 7), (125, 64, 'CNPJ / CPF', 5),
 (165, 64, 'DATA DA EMISSÃO', 5), (165, 68, '01/12/2026', 7),
 (20, 72, 'ENDEREÇO', 5), (20, 76, 'NO. 88 XINGHU STREET - SUZHOU - CHINA', 7), (165, 72, 'DATA DA SAÍDA', 5), (165, 76, '02/12/2026', 7),
 (20, 84, 'CÁLCULO DO IMPOSTO', 6, 'DVB'),
 (20, 88, 'BASE DE CÁLC. DO ICMS', 5), (-55, 92, '0,00', 7), (60, 88, 'VALOR DO ICMS', 5), (-90, 92, '0,00', 7),
 (95, 88, 'VALOR DO IPI', 5), (-125, 92, '0,00', 7), (130, 88, 'VALOR TOTAL DOS PRODUTOS', 5), (-190, 92, '86.400,00', 7),
 (20, 96, 'VALOR DO FRETE', 5), (-55, 100, '0,00', 7), (60, 96, 'VALOR DO SEGURO', 5), (-90, 100, '0,00', 7),
 (95, 96, 'DESCONTO', 5), (-125, 100, '0,00', 7), (130, 96, 'VALOR TOTAL DA NOTA', 5), (-190, 100, '86.400,00', 7),
 (20, 108, 'DADOS DOS PRODUTOS / SERVIÇOS', 6, 'DVB'),
 (20, 112, 'CÓDIGO', 5), (38, 112, 'DESCRIÇÃO', 5), (100, 112, 'NCM', 5), (115, 112, 'CFOP', 5), (-145, 112, 'QUANT.', 5),
 (-168, 112, 'V. UNITÁRIO', 5), (-190, 112, 'V. TOTAL', 5),
 (20, 117, 'MP-7730', 6), (38, 117, 'FLANGE DE AÇO FORJADO 4"', 6), (100, 117, '73079100', 6), (115, 117, '7101', 6),
 (-145, 117, '1.200', 6), (-168, 117, '72,00', 6), (-190, 117, '86.400,00', 6),
 (20, 130, 'DADOS ADICIONAIS', 6, 'DVB'), (20, 134, 'Não incidência do ICMS e do IPI - exportação (art. 3º, II, LC 87/96).', 6),
], [(20, 35, 190, 35), (20, 45, 190, 45), (20, 58, 190, 58), (20, 82, 190, 82), (20, 94, 190, 94), (20, 106, 190, 106),
    (20, 114, 190, 114)], "DV"),

# 15. an Indian tax invoice: the IGST rate only in each description, Taxable Value / IGST, lakh grouping
"in_igst_in_description": ([
 (20, 15, 'Deccan Precision Castings Pvt. Ltd.', 13, 'DVB'), (20, 21, 'Plot 44, KIADB Industrial Area, Bommasandra, Bengaluru 560099', 8),
 (20, 25, 'GSTIN: 29AAGCD4417M1ZB   PAN: AAGCD4417M', 8),
 (150, 15, 'TAX INVOICE', 12, 'DVB'),
 (130, 34, 'Invoice No.:', 8), (155, 34, 'DPC/26-27/0912', 8), (130, 39, 'Invoice Date:', 8), (155, 39, '01-Dec-2026', 8),
 (130, 44, 'Place of Supply:', 8), (155, 44, 'Maharashtra (27)', 8),
 (20, 36, 'Buyer (Bill to):', 8, 'DVB'), (20, 41, OURS_IN, 8), (20, 45, 'Plot 12, MIDC Chakan Phase II, Pune 410501', 8),
 (20, 49, 'GSTIN: 27AADCH7735R1ZT', 8),
 (20, 62, 'Sl', 7, 'DVB'), (28, 62, 'Description of Goods', 7, 'DVB'), (-115, 62, 'HSN/SAC', 7, 'DVB'), (-135, 62, 'Qty', 7, 'DVB'),
 (-160, 62, 'Rate', 7, 'DVB'), (-190, 62, 'Amount', 7, 'DVB'),
 (20, 69, '1', 7), (28, 69, 'Grey iron castings GC-220 (IGST @18%)', 7), (-115, 69, '7325', 7), (-135, 69, '400', 7),
 (-160, 69, '185.00', 7), (-190, 69, '74,000.00', 7),
 (20, 74, '2', 7), (28, 74, 'Machining charges (IGST @18%)', 7), (-115, 74, '998873', 7), (-135, 74, '400', 7),
 (-160, 74, '35.00', 7), (-190, 74, '14,000.00', 7),
 (120, 88, 'Taxable Value', 8), (-190, 88, '88,000.00', 8),
 (120, 93, 'IGST', 8), (-190, 93, '15,840.00', 8),
 (120, 100, 'Total', 9, 'DVB'), (-190, 100, '₹ 1,03,840.00', 9, 'DVB'),
 (20, 110, 'Amount Chargeable (in words): Indian Rupees One Lakh Three Thousand Eight Hundred Forty Only', 7),
 (120, 130, 'for Deccan Precision Castings Pvt. Ltd.', 7), (140, 145, 'Authorised Signatory', 7),
], [(20, 64, 190, 64), (20, 80, 190, 80), (120, 96, 190, 96)], "DV"),

# 16. an Australian tax invoice with GST-inclusive prices: "Total includes GST of A$...", Amount payable
"au_gst_inclusive": ([
 (20, 15, 'Harbourside Electrical Wholesale Pty Ltd', 12, 'DVB'), (20, 21, '22 Parramatta Road, Annandale NSW 2038', 8),
 (20, 25, 'ABN 43 004 128 663', 8),
 (150, 15, 'Tax Invoice', 14, 'DVB'),
 (130, 33, 'Invoice No', 8), (160, 33, '204417', 8), (130, 38, 'Date', 8), (160, 38, '01/12/2026', 8),
 (130, 43, 'Payment due', 8), (160, 43, '31/12/2026', 8),
 (20, 36, 'Invoice to', 8, 'DVB'), (20, 41, OURS_EN, 8), (20, 45, 'Attn: Sydney project office, Level 3, 9 Hunter St', 8),
 (20, 62, 'Item', 8, 'DVB'), (-130, 62, 'Qty', 8, 'DVB'), (-160, 62, 'Price inc GST', 8, 'DVB'), (-190, 62, 'Amount inc GST', 8, 'DVB'),
 (20, 69, 'Cable tray 300 mm x 3 m, galvanised', 8), (-130, 69, '40', 8), (-160, 69, 'A$33.00', 8), (-190, 69, 'A$1,320.00', 8),
 (20, 74, 'Cable ties 300 mm (pack of 100)', 8), (-130, 74, '30', 8), (-160, 74, 'A$11.00', 8), (-190, 74, 'A$330.00', 8),
 (120, 88, 'Total (inc GST)', 9, 'DVB'), (-190, 88, 'A$1,650.00', 9, 'DVB'),
 (120, 93, 'Total includes GST of', 8), (-190, 93, 'A$150.00', 8),
 (120, 100, 'Amount payable', 10, 'DVB'), (-190, 100, 'A$1,650.00', 10, 'DVB'),
], [(20, 64, 190, 64), (20, 80, 190, 80)], "DV"),

# -- written after the first round of fixes, to check them on other issuers of the same classes ------------------
# 17. a second Japanese 請求書: 様 after our German name, a legal form before the seller's name with a blank,
# a Gregorian date and a 令和 due date, 小計 / 消費税（10%） / 合計金額, 登録番号 at the foot
"jp_seikyusho_sama": ([
 (20, 16, '請求書', 18),
 (20, 30, 'Hengrui Precision Europe GmbH　様', 11), (20, 36, 'Hanauer Landstraße 291, 60314 Frankfurt, Germany', 8),
 (130, 28, '有限会社 山田製作所', 11), (130, 34, '〒577-0011 大阪府東大阪市荒本北1-4-1', 7), (130, 38, 'TEL 06-6789-0123', 7),
 (130, 48, '請求番号', 8), (158, 48, 'YS-2612-015', 8), (130, 53, '発行日', 8), (158, 53, '2026年12月5日', 8),
 (130, 58, 'お支払期日', 8), (158, 58, '令和9年1月31日', 8),
 (20, 66, '合計金額', 10), (50, 66, '￥２４２，０００', 13),
 (20, 80, '品名', 8), (-130, 80, '数量', 8), (-158, 80, '単価', 8), (-190, 80, '金額', 8),
 (20, 87, 'プレス金型 修理', 8), (-130, 87, '1', 8), (-158, 87, '180,000', 8), (-190, 87, '180,000', 8),
 (20, 93, '部品交換 パンチ', 8), (-130, 93, '20', 8), (-158, 93, '2,000', 8), (-190, 93, '40,000', 8),
 (120, 106, '小計', 8), (-190, 106, '220,000', 8),
 (120, 111, '消費税（10%）', 8), (-190, 111, '22,000', 8),
 (120, 118, '合計', 9), (-190, 118, '￥242,000', 9),
 (20, 140, '登録番号：T5122002003344　振込先：りそな銀行 東大阪支店 普通 7654321', 7),
], [(20, 82, 190, 82), (20, 100, 190, 100), (120, 114, 190, 114)], "WQ"),

# 18. a Taiwanese 三聯式統一發票: 買受人, 統一編號, 中華民國 date, 銷售額合計, 營業稅, 總計 NT$
"tw_triplicate": ([
 (60, 14, '統一發票（三聯式）', 15), (70, 21, '中華民國115年11-12月', 9),
 (20, 32, '發票號碼：', 9), (45, 32, 'ZX-87654321', 9), (120, 32, '中華民國115年12月05日', 9),
 (20, 39, '買 受 人：', 9), (45, 39, OURS_TW, 9), (120, 39, '統一編號：', 9), (145, 39, OURS_TW_UBN, 9),
 (20, 46, '地　　址：', 9), (45, 46, '新竹縣竹北市台元一街 8 號 5 樓', 9),
 (20, 58, '品名', 9), (-120, 58, '數量', 9), (-145, 58, '單價', 9), (-170, 58, '金額', 9),
 (20, 65, '鋁合金壓鑄件 AD-220', 9), (-120, 65, '500', 9), (-145, 65, '24', 9), (-170, 65, '12,000', 9),
 (20, 78, '銷售額合計', 9), (-170, 78, '12,000', 9),
 (20, 84, '營業稅', 9), (-170, 84, '600', 9),
 (20, 90, '總計', 9), (-170, 90, 'NT$12,600', 9),
 (20, 100, '總計新臺幣（中文大寫）：壹萬貳仟陸佰元整', 9),
 (20, 118, '營業人蓋用統一發票專用章', 8), (20, 124, '賣　方：永豐壓鑄工業股份有限公司', 9), (20, 130, '統一編號：88642102', 9),
 (20, 136, '地　址：台中市西屯區工業區一路 77 號', 9),
], [(20, 60, 190, 60), (20, 74, 190, 74), (20, 94, 190, 94)], "WQ"),

# 19. a Czech faktura - daňový doklad: Dodavatel | Odběratel side by side, IČO/DIČ, Kč, Celkem k úhradě
"cz_faktura": ([
 (20, 15, 'Faktura - daňový doklad č. 2026120331', 13, 'DVB'),
 (20, 28, 'Dodavatel:', 8, 'DVB'), (110, 28, 'Odběratel:', 8, 'DVB'),
 (20, 34, 'Moravské strojírny s.r.o.', 8), (110, 34, OURS_DE, 8),
 (20, 38, 'Hlavní 1520/12, 602 00 Brno', 8), (110, 38, 'Hanauer Landstraße 291, 60314 Frankfurt am Main', 8),
 (20, 42, 'IČO: 27183459   DIČ: CZ27183459', 8), (110, 42, 'DIČ: DE815362741', 8),
 (20, 54, 'Datum vystavení:', 8), (60, 54, '03.12.2026', 8), (110, 54, 'Datum splatnosti:', 8), (150, 54, '02.01.2027', 8),
 (20, 58, 'Datum zdanitelného plnění:', 8), (60, 58, '03.12.2026', 8), (110, 58, 'Forma úhrady:', 8), (150, 58, 'převodem', 8),
 (20, 70, 'Označení dodávky', 7, 'DVB'), (-120, 70, 'Množství', 7, 'DVB'), (-145, 70, 'Cena za MJ', 7, 'DVB'),
 (-165, 70, 'DPH %', 7, 'DVB'), (-190, 70, 'Celkem bez DPH', 7, 'DVB'),
 (20, 76, 'Obrábění přírub DN80', 7), (-120, 76, '150', 7), (-145, 76, '420,00', 7), (-165, 76, '0', 7), (-190, 76, '63 000,00', 7),
 (120, 90, 'Celkem bez DPH', 8), (-190, 90, '63 000,00', 8),
 (120, 95, 'DPH 0 %', 8), (-190, 95, '0,00', 8),
 (120, 102, 'Celkem k úhradě', 10, 'DVB'), (-190, 102, '63 000,00 Kč', 10, 'DVB'),
 (20, 115, 'Dodání zboží do jiného členského státu - daň odvede zákazník.', 7),
], [(20, 72, 190, 72), (20, 82, 190, 82), (120, 98, 190, 98)], "DV"),

# 20. a US invoice: a credit line in accounting negatives, "Less: Payment received", Balance Due
"us_balance_due": ([
 (20, 15, 'Lakeshore Industrial Coatings, Inc.', 13, 'DVB'), (20, 21, '900 W. Fulton Market, Chicago, IL 60607', 8),
 (150, 15, 'INVOICE', 15, 'DVB'),
 (130, 30, 'Invoice #', 8), (158, 30, 'LIC-30417', 8), (130, 35, 'Date', 8), (158, 35, 'Dec 2, 2026', 8),
 (130, 40, 'Due', 8), (158, 40, 'Jan 1, 2027', 8),
 (20, 33, 'Bill To', 8, 'DVB'), (20, 38, OURS_EN, 8), (20, 42, 'No. 88 Xinghu Street, Suzhou, China', 8),
 (20, 58, 'Description', 8, 'DVB'), (-190, 58, 'Amount', 8, 'DVB'),
 (20, 65, 'Powder coating, 1,200 brackets', 8), (-190, 65, '$4,800.00', 8),
 (20, 70, 'Credit: rework of lot 2241 (RMA 5512)', 8), (-190, 70, '($250.00)', 8),
 (120, 84, 'Invoice Total', 9, 'DVB'), (-190, 84, '$4,550.00', 9, 'DVB'),
 (120, 90, 'Less: Payment received', 8), (-190, 90, '($1,500.00)', 8),
 (120, 97, 'Balance Due', 10, 'DVB'), (-190, 97, '$3,050.00', 10, 'DVB'),
], [(20, 60, 190, 60), (20, 76, 190, 76)], "DV"),
}

#: the documents written after the first round of fixes
LATER = ("jp_seikyusho_sama", "tw_triplicate", "cz_faktura", "us_balance_due")

#: the fields as printed; a tuple holds every form that reads the same (a Serie + Folio, a Nº with its dots);
#: None: not printed, so none is read (and it is left for review)
TRUTH: dict[str, dict] = {
"tw_einvoice": {"number": "AB-12345678", "issue_date": date(2026, 12, 1), "seller_name": "台灣精工螺絲股份有限公司",
    "seller_tax_id": "53212534", "buyer_name": OURS_TW, "buyer_tax_id": OURS_TW_UBN, "currency": "TWD",
    "net": D("8000"), "tax": D("400"), "total": D("8400")},
"hk_trad": {"number": "PC26-1201", "issue_date": date(2026, 12, 1), "seller_name": ("寶昌五金貿易有限公司",
    "PO CHEONG HARDWARE TRADING CO. LIMITED"), "seller_tax_id": "61238875", "buyer_name": OURS_TRAD, "currency": "HKD",
    "net": D("23360.00"), "tax": D("0"), "total": D("23360.00")},
"jp_qualified": {"number": "HS-26120107", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 28),
    "seller_name": "株式会社北辰精機", "seller_tax_id": "T1180001023456", "buyer_name": OURS_EN, "currency": "JPY",
    "net": D("112000"), "tax": D("10960"), "total": D("122960")},
"kr_tax_invoice": {"number": "20261201-41000012-00005712", "issue_date": date(2026, 12, 1),
    "seller_name": "대한정밀기계 주식회사", "seller_tax_id": "2148601752", "buyer_name": OURS_KR, "buyer_tax_id": "6058130424",
    "currency": "KRW", "net": D("3250000"), "tax": D("325000"), "total": D("3575000")},
"ca_gst_qst": {"number": "MR-104877", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Maple Ridge Industrial Supply Inc.", "seller_tax_id": "812345676RT0001", "buyer_name": OURS_EN,
    "currency": "CAD", "net": D("4200.00"), "tax": D("628.95"), "total": D("4828.95")},
"pl_faktura": {"number": "FV/2026/12/0457", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Wielkopolskie Zakłady Metalowe Sp. z o.o.", "seller_tax_id": "5252737412", "buyer_name": OURS_DE,
    "buyer_tax_id": OURS_DE_VAT, "currency": "PLN", "net": D("12400.00"), "tax": D("2852.00"), "total": D("15252.00")},
"fr_net_a_payer": {"number": "F-2026-1207", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": ("Usinage Précis du Rhône", "Usinage Précis du Rhône SAS"), "seller_tax_id": "FR70412356784",
    "buyer_name": OURS_DE, "buyer_tax_id": OURS_DE_VAT, "currency": "EUR", "net": D("10290.00"), "tax": D("2058.00"),
    "total": D("12348.00")},
"us_payments_due": {"number": "GST-88213", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Granite State Tool & Die, LLC", "buyer_name": OURS_EN, "currency": "USD", "net": D("4896.00"),
    "tax": D("0.00"), "total": D("4896.00")},
"us_credit_memo": {"document_type": "credit_note", "number": "CM-20931", "original_number": "INV-77412",
    "issue_date": date(2026, 12, 1), "seller_name": "Pacific Coast Fasteners Inc.", "seller_tax_id": "954412873",
    "buyer_name": OURS_EN, "currency": "USD", "net": D("-900.00"), "tax": D("0.00"), "total": D("-900.00")},
"utility_previous_balance": {"number": "90012377841", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 22),
    "seller_name": ("Severn Valley Energy", "Severn Valley Energy Ltd."), "seller_tax_id": "GB245771832",
    "buyer_name": OURS_DE, "currency": "GBP", "net": D("322.00"), "tax": D("64.40"), "total": D("386.40")},
"se_list_discount": {"number": "100482", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Norrlands Verktyg AB", "seller_tax_id": "SE556677889901", "buyer_name": OURS_EN, "currency": "SEK",
    "net": D("6525.00"), "tax": D("0.00"), "total": D("6525.00")},
"de_uebertrag": {"number": "RD-2026-4471", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Rheinische Drehteile GmbH", "seller_tax_id": "DE281175436", "buyer_name": OURS_DE, "currency": "EUR",
    "net": D("11290.00"), "tax": D("2145.10"), "total": D("13435.10")},
"mx_cfdi": {"number": ("A2291", "A-2291", "2291"), "issue_date": date(2026, 12, 1),
    "seller_name": "Aceros y Troqueles del Bajío, S.A. de C.V.", "seller_tax_id": "ATB950323KJ4", "buyer_name": OURS_EN,
    "buyer_tax_id": "XEXX010101000", "currency": "MXN", "net": D("48500.00"), "tax": D("7760.00"), "total": D("56260.00")},
"br_danfe": {"number": ("000.012.345", "000012345", "12345"), "issue_date": date(2026, 12, 1),
    "seller_name": "Metalúrgica Paulista de Precisão Ltda.", "seller_tax_id": "12345678000195", "buyer_name": OURS_EN,
    "currency": "BRL", "net": D("86400.00"), "tax": D("0.00"), "total": D("86400.00")},
"in_igst_in_description": {"number": "DPC/26-27/0912", "issue_date": date(2026, 12, 1),
    "seller_name": "Deccan Precision Castings Pvt. Ltd.", "seller_tax_id": "29AAGCD4417M1ZB", "buyer_name": OURS_IN,
    "buyer_tax_id": OURS_IN_GSTIN, "currency": "INR", "net": D("88000.00"), "tax": D("15840.00"), "total": D("103840.00")},
"au_gst_inclusive": {"number": "204417", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Harbourside Electrical Wholesale Pty Ltd", "seller_tax_id": "43004128663", "buyer_name": OURS_EN,
    "currency": "AUD", "net": None, "tax": D("150.00"), "total": D("1650.00")},  # no net printed: none read
"jp_seikyusho_sama": {"number": "YS-2612-015", "issue_date": date(2026, 12, 5), "due_date": date(2027, 1, 31),
    "seller_name": ("有限会社 山田製作所", "有限会社山田製作所"), "seller_tax_id": "T5122002003344", "buyer_name": OURS_DE,
    "currency": "JPY", "net": D("220000"), "tax": D("22000"), "total": D("242000")},
"tw_triplicate": {"number": "ZX-87654321", "issue_date": date(2026, 12, 5), "seller_name": "永豐壓鑄工業股份有限公司",
    "seller_tax_id": "88642102", "buyer_name": OURS_TW, "buyer_tax_id": OURS_TW_UBN, "currency": "TWD",
    "net": D("12000"), "tax": D("600"), "total": D("12600")},
"cz_faktura": {"number": "2026120331", "issue_date": date(2026, 12, 3), "due_date": date(2027, 1, 2),
    "seller_name": "Moravské strojírny s.r.o.", "seller_tax_id": "CZ27183459", "buyer_name": OURS_DE,
    "buyer_tax_id": OURS_DE_VAT, "currency": "CZK", "net": D("63000.00"), "tax": D("0.00"), "total": D("63000.00")},
"us_balance_due": {"number": "LIC-30417", "issue_date": date(2026, 12, 2), "due_date": date(2027, 1, 1),
    "seller_name": "Lakeshore Industrial Coatings, Inc.", "buyer_name": OURS_EN, "currency": "USD",
    "net": D("4550.00"), "tax": D("0"), "total": D("4550.00")},
}


def build(name: str, folder: Path) -> Path:
    """The document ``name`` as a PDF in ``folder``."""
    return draw_document(DOCS, name, folder)


def our_companies(path: Path) -> Path:
    """Our entities as the settings hold them: the Suzhou company and its German, Indian, Taiwanese and
    Korean subsidiaries."""
    from hub.settings import OurCompany, write_our_companies

    return write_our_companies([
        OurCompany(name=OURS, name_en=OURS_EN, tax_ids=(OUR_TAX_ID,), accounts=OUR_ACCOUNTS),
        OurCompany(name=OURS_DE, tax_ids=(OURS_DE_VAT,)),
        OurCompany(name=OURS_IN, tax_ids=(OURS_IN_GSTIN,)),
        OurCompany(name=OURS_TW, tax_ids=(OURS_TW_UBN,)),
        OurCompany(name=OURS_KR, tax_ids=(OURS_KR_BRN.replace("-", ""),))], path)
