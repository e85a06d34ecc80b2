"""An eighth held-out set of invoices (issue 14 §1-§4), written by hand as their issuers print them, not by the
generator, weighted toward signs and totals that are easy to read wrong: ``¥`` on a Japanese 請求書 (登録番号 T…,
消費税 10% and 8% reduced, the ご請求金額 boxed above the items) and on a Chinese supplier's English invoice (USCC);
a plain ``$`` from British Columbia (GST BN … RT0001 and PST, a discount, shipping and a deposit before the balance
due), Australia (ABN, the amount due boxed above the items, an amount already paid), Mexico billing in dollars
(``Moneda: USD``, IVA 16% and IVA retenido), Singapore (GST Reg No, 9%) and New Zealand (a credit note against an
invoice); ``kr`` from Sweden (momsreg, öresavrundning), Norway (a kreditnota, org.nr MVA) and Iceland (kennitala,
VSK 24%, no decimals); ``R`` on a South African debit note and ``R$`` on a Brazilian NFS-e with withheld taxes;
export paperwork (our commercial invoice with Incoterms, HS codes, CTNs, N.W./G.W. columns; an Italian and a Danish
proforma; a Korean commercial invoice whose total is on page 2; a Hong Kong invoice in USD with its CNY
equivalent); a Chinese 商业发票 with tax-inclusive (含税) prices; a Thai tax invoice with withholding tax deducted
and the currency only in its words; a UK invoice printing no currency sign. The tests are in
test_held_out_invoices_8.py."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

from tests.extractors_documents.handmade import OUR_TAX_ID, OURS, OURS_EN, draw_pdf, item_rows
from tests.extractors_documents.held_out_4 import our_companies, right  # noqa: F401  (the same five entities)

_RULES = [(20, 62, 190, 62), (20, 80, 190, 80)]

DOCS: dict[str, tuple] = {
# 1. a Japanese 請求書: the amount billed boxed above the items, 10% and 8% (reduced, ※) taxed apart, yen
"jp_seikyusho_box": ([
 (88, 15, '請 求 書', 18), (20, 30, OURS + '　御中', 10),
 (140, 28, '請求日　2026年12月1日', 8), (140, 33, '請求書番号　2612-0451', 8),
 (130, 42, '株式会社浪速精密工業', 10), (130, 47, '〒550-0012 大阪府大阪市西区立売堀1-2-3', 7), (130, 51, '登録番号：T9010401012345', 7),
 (20, 42, '下記の通りご請求申し上げます。', 8),
 (20, 52, 'ご請求金額（税込）', 9), (58, 52, '¥164,400-', 14), (20, 60, 'お支払期限：2026年12月31日', 8),
 (20, 72, '品名', 8), (-130, 72, '数量', 8), (-160, 72, '単価', 8), (-190, 72, '金額', 8),
 *item_rows(79, [('アルミダイカスト部品 AD-12', '1,000', '95', '95,000'), ('バリ取り加工', '1,000', '25', '25,000'),
                 ('工場用飲料水 ※', '100', '300', '30,000')]),
 (120, 104, '小計', 8), (-190, 104, '150,000', 8), (120, 109, '10%対象', 8), (-160, 109, '120,000', 8),
 (165, 109, '消費税', 7), (-190, 109, '12,000', 8), (120, 114, '8%対象', 8), (-160, 114, '30,000', 8),
 (165, 114, '消費税', 7), (-190, 114, '2,400', 8), (120, 120, '合計', 9), (-190, 120, '164,400', 9),
 (20, 128, '※は軽減税率（8%）対象品目です。', 7),
], [(20, 48, 95, 48), (20, 55, 95, 55), (20, 74, 190, 74), (20, 97, 190, 97)], "WQ"),

# 2. a Chinese supplier's English invoice: ¥ is the yuan here (USCC, a Ningbo address), VAT 13%
"cn_english_yen": ([
 (20, 15, 'Ningbo Beilun Haitong Fasteners Co., Ltd.', 13, 'DVB'),
 (20, 21, 'No. 18 Mingzhou Road, Beilun District, Ningbo, Zhejiang, China', 8),
 (20, 25, 'Unified Social Credit Code: 91330206MA2CJ5W90B', 8), (150, 15, 'INVOICE', 14, 'DVB'),
 (130, 34, 'Invoice No.', 8), (160, 34, 'HT20261201-07', 8), (130, 39, 'Date', 8), (160, 39, 'Dec. 1, 2026', 8),
 (20, 34, 'Bill To:', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, 'Tax ID: ' + OUR_TAX_ID, 8),
 (20, 58, 'Description', 8, 'DVB'), (-130, 58, 'Qty', 8, 'DVB'), (-160, 58, 'Unit Price', 8, 'DVB'), (-190, 58, 'Amount', 8, 'DVB'),
 *item_rows(66, [('Hex bolt M12x50 8.8 zinc', '20,000', '¥1.20', '¥24,000.00'), ('Flange nut M12', '20,000', '¥0.65', '¥13,000.00'),
                 ('Spring washer M12', '20,000', '¥0.15', '¥3,000.00')]),
 (130, 88, 'Subtotal', 8), (-190, 88, '¥40,000.00', 8), (130, 93, 'VAT 13%', 8), (-190, 93, '¥5,200.00', 8),
 (130, 99, 'Total', 9, 'DVB'), (-190, 99, '¥45,200.00', 9, 'DVB'), (20, 110, 'Payment: bank transfer within 30 days', 8),
], [(20, 60, 190, 60), (20, 82, 190, 82)], "DV"),

# 3. a British Columbia invoice: GST 5% and PST 7% after a discount and shipping, a deposit before the balance due
"ca_bc_deposit": ([
 (20, 15, 'Fraser River Fabrication Ltd.', 13, 'DVB'), (20, 21, '7420 River Road, Delta, BC V4G 1C3', 8),
 (20, 25, 'GST Reg. No. 123456782 RT0001   PST No. PST-1234-5678', 8), (150, 15, 'INVOICE', 14, 'DVB'),
 (130, 34, 'Invoice #', 8), (160, 34, 'FRF-10442', 8), (130, 39, 'Invoice Date', 8), (160, 39, 'December 1, 2026', 8),
 (130, 44, 'Due Date', 8), (160, 44, 'December 31, 2026', 8),
 (20, 34, 'Bill To', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, China', 8),
 (20, 58, 'Description', 8, 'DVB'), (-130, 58, 'Qty', 8, 'DVB'), (-160, 58, 'Rate', 8, 'DVB'), (-190, 58, 'Amount', 8, 'DVB'),
 *item_rows(66, [('Laser-cut bracket, 6 mm plate', '400', '18.75', '7,500.00'), ('Powder coating, RAL 9005', '400', '6.25', '2,500.00')]),
 (130, 88, 'Subtotal', 8), (-190, 88, '10,000.00', 8), (130, 93, 'Discount (5%)', 8), (-190, 93, '-500.00', 8),
 (130, 98, 'Shipping', 8), (-190, 98, '250.00', 8), (130, 103, 'GST 5%', 8), (-190, 103, '487.50', 8),
 (130, 108, 'PST 7%', 8), (-190, 108, '682.50', 8), (130, 114, 'Total', 9, 'DVB'), (-190, 114, '$10,920.00', 9, 'DVB'),
 (130, 119, 'Deposit received', 8), (-190, 119, '-3,000.00', 8),
 (130, 125, 'Balance Due', 10, 'DVB'), (-190, 125, '$7,920.00', 10, 'DVB'),
], [(20, 60, 190, 60), (20, 78, 190, 78), (128, 111, 190, 111)], "DV"),

# 4. an Australian tax invoice as accounting software prints it: the amount due boxed top right, above the
#    items, after an amount already paid; our name under the title without a label; ABN with its check
"au_box_above": ([
 (20, 15, 'TAX INVOICE', 16, 'DVB'), (20, 25, OURS_EN, 9), (20, 29, '88 Xinghu Street, Suzhou, China', 8),
 (140, 15, 'Amount Due', 8), (140, 22, '$3,785.00', 14, 'DVB'), (140, 28, 'Due 31 Dec 2026', 8),
 (20, 40, 'Invoice Date', 7, 'DVB'), (20, 44, '1 Dec 2026', 8), (55, 40, 'Invoice Number', 7, 'DVB'), (55, 44, 'INV-0815', 8),
 (130, 40, 'Moreton Bay Hydraulics Pty Ltd', 9, 'DVB'), (130, 44, 'ABN 51 824 753 556', 8), (130, 48, '14 Boundary Rd, Narangba QLD 4504', 8),
 (20, 58, 'Description', 8, 'DVB'), (-120, 58, 'Quantity', 8, 'DVB'), (-145, 58, 'Unit Price', 8, 'DVB'),
 (-165, 58, 'GST', 8, 'DVB'), (-190, 58, 'Amount', 8, 'DVB'),
 *item_rows(66, [('Hydraulic cylinder 80/45x300', '6', '550.00', '10%', '3,300.00'), ('Hose assembly 1/2in 2 m', '30', '30.00', '10%', '900.00'),
                 ('Freight', '1', '150.00', '10%', '150.00')], cols=(20, -120, -145, -165, -190)),
 (135, 90, 'Subtotal', 8), (-190, 90, '4,350.00', 8), (135, 95, 'TOTAL GST 10%', 8), (-190, 95, '435.00', 8),
 (135, 101, 'TOTAL', 9, 'DVB'), (-190, 101, '4,785.00', 9, 'DVB'), (135, 106, 'Less Amount Paid', 8), (-190, 106, '1,000.00', 8),
 (135, 112, 'AMOUNT DUE', 9, 'DVB'), (-190, 112, '3,785.00', 9, 'DVB'),
], [(138, 11, 190, 11), (138, 31, 190, 31), (20, 60, 190, 60), (20, 84, 190, 84)], "DV"),

# 5. a Mexican CFDI printout billing in US dollars (``Moneda: USD``, a plain $), IVA 16% and IVA retenido 4%
"mx_usd_retencion": ([
 (20, 15, 'Transportes y Maquinados del Bajío, S.A. de C.V.', 12, 'DVB'), (20, 21, 'RFC: TMB150312AB4', 8),
 (20, 25, 'Régimen Fiscal: 601 General de Ley Personas Morales', 8), (20, 29, 'Av. Industrias 450, Parque Industrial, León, Gto., México', 8),
 (165, 15, 'FACTURA', 14, 'DVB'), (130, 22, 'Serie A   Folio 2381', 8),
 (130, 27, 'Fecha de emisión: 2026-12-01T10:15:22', 7), (130, 31, 'Folio fiscal: 6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B', 6),
 (20, 38, 'Receptor:', 8, 'DVB'), (40, 38, OURS_EN, 8), (20, 42, 'RFC: XEXX010101000   Uso CFDI: G03', 8),
 (20, 47, 'Moneda: USD   Tipo de cambio: 17.2500   Forma de pago: 03 Transferencia   Método de pago: PPD', 7),
 (20, 58, 'Descripción', 8, 'DVB'), (-130, 58, 'Cantidad', 8, 'DVB'), (-160, 58, 'Valor unitario', 8, 'DVB'), (-190, 58, 'Importe', 8, 'DVB'),
 *item_rows(66, [('Flete terrestre León - Laredo', '2', '$2,500.00', '$5,000.00'), ('Maquinado de bridas', '100', '$50.00', '$5,000.00')]),
 (125, 88, 'Subtotal', 8), (-190, 88, '$10,000.00', 8), (125, 93, 'IVA Trasladado 16%', 8), (-190, 93, '$1,600.00', 8),
 (125, 98, 'IVA Retenido 4%', 8), (-190, 98, '$400.00', 8), (125, 104, 'Total', 9, 'DVB'), (-190, 104, '$11,200.00', 9, 'DVB'),
 (20, 112, 'ONCE MIL DOSCIENTOS DÓLARES 00/100 USD', 8),
], [(20, 60, 190, 60), (20, 80, 190, 80)], "DV"),

# 6. a Singapore tax invoice: UEN and GST Reg No (M2-…), GST 9%, a plain $
"sg_gst9": ([
 (20, 15, 'Jurong Precision Engineering Pte. Ltd.', 13, 'DVB'), (20, 21, '21 Tuas Avenue 8, Singapore 639231', 8),
 (20, 25, 'UEN: 201912345K   GST Reg No: M2-0123456-7', 8), (140, 15, 'TAX INVOICE', 13, 'DVB'),
 (130, 34, 'Invoice No', 8), (160, 34, 'JPE-26-1207', 8), (130, 39, 'Date', 8), (160, 39, '01 Dec 2026', 8),
 (130, 44, 'Terms', 8), (160, 44, '30 days', 8),
 (20, 34, 'Bill To:', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, China', 8),
 (20, 58, 'Description', 8, 'DVB'), (-130, 58, 'Qty', 8, 'DVB'), (-160, 58, 'Unit Price', 8, 'DVB'), (-190, 58, 'Amount', 8, 'DVB'),
 *item_rows(66, [('CNC turned shaft SUS316', '500', '9.00', '4,500.00'), ('Passivation', '500', '1.00', '500.00')]),
 (125, 88, 'Sub-total', 8), (-190, 88, '5,000.00', 8), (125, 93, 'GST 9%', 8), (-190, 93, '450.00', 8),
 (125, 99, 'Total Amount Payable', 9, 'DVB'), (-190, 99, '$5,450.00', 9, 'DVB'),
], _RULES[:1] + [(20, 78, 190, 78)], "DV"),

# 7. a New Zealand credit note against an invoice: GST No 9 digits, 15%, amounts printed positive
"nz_credit_note": ([
 (20, 15, 'Canterbury Castings Limited', 13, 'DVB'), (20, 21, '55 Hayton Road, Wigram, Christchurch 8042, New Zealand', 8),
 (20, 25, 'GST No: 123-456-785', 8), (140, 15, 'CREDIT NOTE', 13, 'DVB'),
 (130, 34, 'Credit Note No.', 8), (160, 34, 'CN-00412', 8), (130, 39, 'Date', 8), (160, 39, '01/12/2026', 8),
 (130, 44, 'Against Invoice', 8), (160, 44, 'INV-20931', 8),
 (20, 34, 'To:', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, China', 8),
 (20, 58, 'Description', 8, 'DVB'), (-130, 58, 'Qty', 8, 'DVB'), (-160, 58, 'Unit Price', 8, 'DVB'), (-190, 58, 'Amount', 8, 'DVB'),
 *item_rows(66, [('Returned bronze bushing B-45', '40', '25.00', '1,000.00'), ('Freight credit', '1', '80.00', '80.00')]),
 (125, 88, 'Subtotal', 8), (-190, 88, '1,080.00', 8), (125, 93, 'GST 15%', 8), (-190, 93, '162.00', 8),
 (125, 99, 'Total Credit', 9, 'DVB'), (-190, 99, '$1,242.00', 9, 'DVB'),
], [(20, 60, 190, 60), (20, 78, 190, 78)], "DV"),

# 8. a Swedish faktura in kr: momsreg SE…01, moms 25%, öresavrundning to whole kronor before ``Att betala``
"se_oresavrundning": ([
 (20, 15, 'Mälardalens Svets & Plåt AB', 13, 'DVB'), (20, 21, 'Verkstadsgatan 14, 721 30 Västerås', 8),
 (20, 25, 'Org.nr 556677-8899   Momsreg.nr SE556677889901   Godkänd för F-skatt', 8), (150, 15, 'FAKTURA', 14, 'DVB'),
 (130, 34, 'Fakturanr', 8), (160, 34, '40217', 8), (130, 39, 'Fakturadatum', 8), (160, 39, '2026-12-01', 8),
 (130, 44, 'Förfallodatum', 8), (160, 44, '2026-12-31', 8),
 (20, 34, 'Kund', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, Kina', 8),
 (20, 58, 'Benämning', 8, 'DVB'), (-130, 58, 'Antal', 8, 'DVB'), (-160, 58, 'À-pris', 8, 'DVB'), (-190, 58, 'Belopp', 8, 'DVB'),
 *item_rows(66, [('Svetsad ram, S355', '3', '845,10', '2 535,30'), ('Bockning och kantpressning', '13', '71,00', '923,00')]),
 (125, 88, 'Netto', 8), (-190, 88, '3 458,30', 8), (125, 93, 'Moms 25 %', 8), (-190, 93, '864,58', 8),
 (125, 98, 'Öresavrundning', 8), (-190, 98, '0,12', 8), (125, 104, 'Att betala', 9, 'DVB'), (-190, 104, '4 323,00 kr', 9, 'DVB'),
 (20, 115, 'Bankgiro 5050-1055   OCR 402170', 8),
], [(20, 60, 190, 60), (20, 78, 190, 78)], "DV"),

# 9. a Norwegian kreditnota against an invoice: org.nr … MVA (mod 11), MVA 25%, negative amounts in kr
"no_kreditnota": ([
 (20, 15, 'Vestlandet Maskin AS', 13, 'DVB'), (20, 21, 'Industrivegen 7, 5200 Os', 8),
 (20, 25, 'Org.nr. 987 654 325 MVA', 8), (145, 15, 'KREDITNOTA', 14, 'DVB'),
 (130, 34, 'Kreditnotanr.', 8), (160, 34, '7719', 8), (130, 39, 'Dato', 8), (160, 39, '01.12.2026', 8),
 (130, 44, 'Gjelder faktura nr.', 8), (162, 44, '7655', 8),
 (20, 34, 'Kunde', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, Kina', 8),
 (20, 58, 'Beskrivelse', 8, 'DVB'), (-130, 58, 'Antall', 8, 'DVB'), (-160, 58, 'Pris', 8, 'DVB'), (-190, 58, 'Beløp', 8, 'DVB'),
 *item_rows(66, [('Retur: hydraulikkventil HV-20', '4', '3 125,00', '-12 500,00')]),
 (125, 88, 'Sum ekskl. mva', 8), (-190, 88, '-12 500,00', 8), (125, 93, 'MVA 25 %', 8), (-190, 93, '-3 125,00', 8),
 (125, 99, 'Totalt å kreditere', 9, 'DVB'), (-190, 99, 'kr -15 625,00', 9, 'DVB'),
], [(20, 60, 190, 60), (20, 78, 190, 78)], "DV"),

# 10. a Danish proformafaktura for an export: CVR, no moms, DKK
"dk_proformafaktura": ([
 (20, 15, 'Aarhus Pumpeteknik ApS', 13, 'DVB'), (20, 21, 'Søren Frichs Vej 40, 8230 Åbyhøj', 8),
 (20, 25, 'CVR-nr. 13585628', 8), (130, 15, 'PROFORMAFAKTURA', 14, 'DVB'),
 (130, 34, 'Nr.', 8), (160, 34, 'PF-2026-044', 8), (130, 39, 'Dato', 8), (160, 39, '1. december 2026', 8),
 (20, 34, 'Kunde', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, Kina', 8),
 (20, 58, 'Beskrivelse', 8, 'DVB'), (-130, 58, 'Antal', 8, 'DVB'), (-160, 58, 'Pris', 8, 'DVB'), (-190, 58, 'Beløb DKK', 8, 'DVB'),
 *item_rows(66, [('Centrifugalpumpe CP-80', '4', '11.000,00', '44.000,00'), ('Eksportemballage', '1', '4.000,00', '4.000,00')]),
 (125, 88, 'I alt DKK', 9, 'DVB'), (-190, 88, '48.000,00', 9, 'DVB'),
 (20, 100, 'Levering ab fabrik (EXW Aarhus). Betaling forud; fakturaen udstedes ved afsendelse.', 8),
], [(20, 60, 190, 60), (20, 78, 190, 78)], "DV"),

# 11. a South African debit note (an extra charge on an invoice): VAT No 4…, VAT 15%, R
"za_debit_note": ([
 (20, 15, 'Highveld Steel Services (Pty) Ltd', 13, 'DVB'), (20, 21, '12 Steel Road, Vanderbijlpark, 1911, South Africa', 8),
 (20, 25, 'VAT No: 4023456785   Reg No: 2009/012345/07', 8), (145, 15, 'DEBIT NOTE', 13, 'DVB'),
 (130, 34, 'Debit Note No', 8), (160, 34, 'DN-0087', 8), (130, 39, 'Date', 8), (160, 39, '2026/12/01', 8),
 (130, 44, 'Original Invoice', 8), (160, 44, 'INV-55120', 8),
 (20, 34, 'Customer:', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, China', 8),
 (20, 58, 'Description', 8, 'DVB'), (-130, 58, 'Qty', 8, 'DVB'), (-160, 58, 'Price', 8, 'DVB'), (-190, 58, 'Amount', 8, 'DVB'),
 *item_rows(66, [('Additional galvanising (weight difference)', '1', 'R 4,000.00', 'R 4,000.00'),
                 ('Storage after late collection', '5', 'R 200.00', 'R 1,000.00')]),
 (125, 88, 'Subtotal', 8), (-190, 88, 'R 5,000.00', 8), (125, 93, 'VAT 15%', 8), (-190, 93, 'R 750.00', 8),
 (125, 99, 'Total', 9, 'DVB'), (-190, 99, 'R 5,750.00', 9, 'DVB'),
], [(20, 60, 190, 60), (20, 78, 190, 78)], "DV"),

# 12. a Brazilian NFS-e: R$, CNPJ, ISS 5% inside the service value, federal taxes withheld (Valor Líquido)
"br_nfse": ([
 (20, 12, 'PREFEITURA MUNICIPAL DE CAMPINAS', 9, 'DVB'), (20, 17, 'NOTA FISCAL DE SERVIÇOS ELETRÔNICA - NFS-e', 11, 'DVB'),
 (145, 12, 'Número da Nota', 7), (145, 16, '00004521', 9, 'DVB'), (145, 21, 'Data e Hora de Emissão', 7), (145, 25, '01/12/2026 14:32:10', 8),
 (145, 30, 'Código de Verificação: A1B2-C3D4', 7),
 (20, 30, 'PRESTADOR DE SERVIÇOS', 8, 'DVB'), (20, 35, 'Razão Social: Campinas Engenharia de Automação Ltda.', 8),
 (20, 39, 'CNPJ: 11.222.333/0001-81   Inscrição Municipal: 123456', 8), (20, 43, 'Rua Barão de Jaguara 1200, Campinas - SP', 8),
 (20, 50, 'TOMADOR DE SERVIÇOS', 8, 'DVB'), (20, 55, 'Razão Social: ' + OURS_EN, 8), (20, 59, 'Endereço: 88 Xinghu Street, Suzhou, China', 8),
 (20, 68, 'DISCRIMINAÇÃO DOS SERVIÇOS', 8, 'DVB'), (20, 74, 'Serviço de integração de célula robotizada, conforme proposta 118/2026', 8),
 (20, 90, 'VALOR TOTAL DA NOTA = R$ 20.000,00', 10, 'DVB'),
 (20, 98, 'PIS (R$) 130,00   COFINS (R$) 600,00   IR (R$) 300,00   CSLL (R$) 200,00', 7),
 (20, 104, 'Base de Cálculo (R$) 20.000,00   Alíquota 5,00%   Valor do ISS (R$) 1.000,00', 7),
 (20, 110, 'Valor Líquido (R$) 18.770,00', 8, 'DVB'),
], [(20, 28, 190, 28), (20, 48, 190, 48), (20, 66, 190, 66), (20, 86, 190, 86)], "DV"),

# 13. our export commercial invoice: FOB Shanghai (Incoterms 2020), HS codes, CTNs, N.W./G.W. in kg, USD
"cn_export_ci": ([
 (20, 15, OURS_EN, 12, 'DVB'), (20, 21, '88 Xinghu Street, Suzhou Industrial Park, Jiangsu, China', 8),
 (20, 25, 'USCC: ' + OUR_TAX_ID, 8), (75, 33, 'COMMERCIAL INVOICE', 14, 'DVB'),
 (130, 42, 'Invoice No.:', 8), (155, 42, 'HR-EX-261201', 8), (130, 47, 'Date:', 8), (155, 47, '2026-12-01', 8),
 (20, 42, 'Buyer:', 8, 'DVB'), (20, 47, 'Rheinland Beschläge GmbH', 9), (20, 51, 'Industriestraße 12, 42699 Solingen, Germany', 8),
 (20, 55, 'VAT ID: DE136695976', 8),
 (20, 61, 'Terms of Delivery: FOB Shanghai (Incoterms 2020)   Payment: T/T 30 days   From Shanghai to Hamburg', 7),
 (20, 70, 'Description', 7, 'DVB'), (62, 70, 'HS Code', 7, 'DVB'), (-97, 70, 'CTNs', 7, 'DVB'), (-115, 70, 'N.W.(kg)', 7, 'DVB'),
 (-133, 70, 'G.W.(kg)', 7, 'DVB'), (-152, 70, 'Qty (pcs)', 7, 'DVB'), (-170, 70, 'Unit Price', 7, 'DVB'), (-190, 70, 'Amount', 7, 'DVB'),
 *item_rows(77, [('Stainless hinge 100x75', '8302100000', '120', '1,080.00', '1,176.00', '24,000', 'USD 0.85', 'USD 20,400.00'),
                 ('Door handle set', '8302419000', '80', '960.00', '1,032.00', '8,000', 'USD 2.10', 'USD 16,800.00')],
            cols=(20, 62, -97, -115, -133, -152, -170, -190), size=7),
 (20, 95, 'TOTAL', 8, 'DVB'), (-97, 95, '200', 8), (-115, 95, '2,040.00', 8), (-133, 95, '2,208.00', 8), (-152, 95, '32,000', 8),
 (-190, 95, 'USD 37,200.00', 8, 'DVB'),
 (20, 104, 'SAY US DOLLARS THIRTY SEVEN THOUSAND TWO HUNDRED ONLY', 8),
], [(20, 72, 190, 72), (20, 90, 190, 90)], "DV"),

# 14. an Italian pro-forma for a machine: bilingual title, EUR, non-taxable export, a 30% advance
"it_proforma": ([
 (20, 15, 'Officine Meccaniche Brianza S.r.l.', 13, 'DVB'), (20, 21, 'Via per Monza 88, 20841 Carate Brianza (MB), Italia', 8),
 (20, 25, 'P.IVA IT00743110157', 8), (115, 15, 'FATTURA PROFORMA / PRO-FORMA INVOICE', 10, 'DVB'),
 (130, 34, 'N.', 8), (160, 34, 'PF 112/2026', 8), (130, 39, 'Data', 8), (160, 39, '01/12/2026', 8),
 (20, 34, 'Cliente / Customer', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, China', 8),
 (20, 58, 'Descrizione / Description', 8, 'DVB'), (-130, 58, 'Q.tà', 8, 'DVB'), (-160, 58, 'Prezzo', 8, 'DVB'), (-190, 58, 'Importo', 8, 'DVB'),
 *item_rows(66, [('Pressa idraulica 250 t', '1', '186.000,00', '186.000,00'), ('Imballo marittimo', '1', '4.000,00', '4.000,00')]),
 (115, 88, 'Totale imponibile', 8), (-190, 88, '190.000,00', 8),
 (115, 93, 'IVA non imponibile art. 8 c.1 lett. a DPR 633/72', 7), (-190, 93, '0,00', 8),
 (115, 99, 'Totale EUR', 9, 'DVB'), (-190, 99, '190.000,00', 9, 'DVB'),
 (20, 110, "Acconto 30% alla conferma d'ordine / 30% advance payment: EUR 57.000,00", 8),
], [(20, 60, 190, 60), (20, 78, 190, 78)], "DV"),
}

_KR_ITEMS = [(f'Ball screw BS-{16 + 4 * i} C5, L=800', '20', f'{300 + 50 * i}.00', f'{(300 + 50 * i) * 20:,}.00') for i in range(8)]

DOCS.update({
# 15. a Korean exporter's commercial invoice whose items run onto page 2, where its total is
"kr_two_pages": ([
 (20, 15, 'Changwon Precision Machinery Co., Ltd.', 13, 'DVB'), (20, 21, '45, Changwon-daero, Seongsan-gu, Changwon-si, Korea', 8),
 (20, 25, 'Business Reg. No.: 214-86-18758', 8), (80, 8, 'COMMERCIAL INVOICE', 13, 'DVB'),
 (130, 34, 'Invoice No.', 8), (160, 34, 'CPM-2612-03', 8), (130, 39, 'Date', 8), (160, 39, 'DEC. 01, 2026', 8),
 (20, 34, 'Messrs.', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, China', 8),
 (20, 58, 'Description', 8, 'DVB'), (-130, 58, 'Qty', 8, 'DVB'), (-160, 58, 'Unit Price (USD)', 8, 'DVB'), (-190, 58, 'Amount (USD)', 8, 'DVB'),
 *item_rows(66, _KR_ITEMS[:6]), (20, 110, 'Continued on page 2', 8), (-190, 285, 'Page 1 of 2', 7),
], [(20, 60, 190, 60)], "DV", (([
 (20, 15, 'Changwon Precision Machinery Co., Ltd.', 9, 'DVB'), (130, 15, 'Invoice No. CPM-2612-03', 8),
 (20, 28, 'Description', 8, 'DVB'), (-130, 28, 'Qty', 8, 'DVB'), (-160, 28, 'Unit Price (USD)', 8, 'DVB'), (-190, 28, 'Amount (USD)', 8, 'DVB'),
 *item_rows(36, _KR_ITEMS[6:]),
 (125, 56, 'TOTAL', 9, 'DVB'), (-190, 56, 'USD 76,000.00', 9, 'DVB'),
 (20, 66, 'SAY US DOLLARS SEVENTY SIX THOUSAND ONLY', 8), (20, 72, 'Terms: CIF Shanghai, T/T 60 days', 8),
 (-190, 285, 'Page 2 of 2', 7),
], [(20, 30, 190, 30), (20, 50, 190, 50)]),)),

# 16. a Hong Kong trading house billing in USD with the CNY equivalent printed under the total
"hk_usd_cny": ([
 (20, 15, 'Pearl Delta Trading Limited', 13, 'DVB'), (20, 21, 'Unit 1203, 12/F, Tower 2, Harbour Centre, Hung Hom, Kowloon, Hong Kong', 8),
 (150, 15, 'INVOICE', 14, 'DVB'),
 (130, 34, 'Invoice No.', 8), (160, 34, 'PDT-26-0918', 8), (130, 39, 'Date', 8), (160, 39, '1 Dec 2026', 8),
 (20, 34, 'Bill To:', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, China', 8),
 (20, 58, 'Description', 8, 'DVB'), (-130, 58, 'Qty', 8, 'DVB'), (-160, 58, 'Unit Price', 8, 'DVB'), (-190, 58, 'Amount', 8, 'DVB'),
 *item_rows(66, [('Servo motor 750W', '20', 'USD 300.00', 'USD 6,000.00'), ('Servo drive 750W', '20', 'USD 300.00', 'USD 6,000.00')]),
 (120, 88, 'TOTAL', 9, 'DVB'), (-190, 88, 'USD 12,000.00', 9, 'DVB'),
 (120, 94, 'Total in CNY (at 7.1000)', 8), (-190, 94, 'CNY 85,200.00', 8),
 (20, 104, 'Payment in USD to HSBC Hong Kong, account 004-123-456789-838', 8),
], [(20, 60, 190, 60), (20, 78, 190, 78)], "DV"),

# 17. a Chinese 商业发票 with tax-inclusive (含税) prices; net and tax only in the summary
"cn_hanshui": ([
 (20, 15, '深圳市宝安区精模塑胶模具有限公司', 13), (20, 22, '深圳市宝安区福永街道凤凰工业区 8 栋', 8),
 (20, 27, '纳税人识别号：91440300MA5FK2L70H', 8), (150, 15, '商业发票', 14),
 (130, 34, '单号：', 8), (150, 34, 'JM-2612-018', 8), (130, 39, '日期：', 8), (150, 39, '2026-12-01', 8),
 (20, 34, '购货单位：', 8), (40, 34, OURS, 8), (20, 39, '税号：' + OUR_TAX_ID, 8),
 (20, 58, '品名', 8), (-130, 58, '数量', 8), (-160, 58, '含税单价', 8), (-190, 58, '含税金额', 8),
 *item_rows(66, [('注塑模具 A-101', '1', '67,800.00', '67,800.00'), ('模具修改费', '1', '45,200.00', '45,200.00')]),
 (120, 88, '合计（含税13%）', 9), (-190, 88, '¥113,000.00', 9),
 (120, 94, '其中：不含税金额', 8), (-190, 94, '¥100,000.00', 8), (120, 99, '税额', 8), (-190, 99, '¥13,000.00', 8),
], [(20, 60, 190, 60), (20, 78, 190, 78)], "WQ"),

# 18. a Thai tax invoice for services: VAT 7%, withholding tax 3% deducted, the currency only in its words
"th_withholding": ([
 (20, 15, 'Siam Industrial Automation Co., Ltd.', 13, 'DVB'),
 (20, 21, '88/8 Moo 4, Bangna-Trad Rd., Bang Phli, Samut Prakan 10540, Thailand', 8),
 (20, 25, 'Tax ID: 0105561234560 (Head Office)', 8), (145, 15, 'TAX INVOICE', 13, 'DVB'),
 (130, 34, 'No.', 8), (160, 34, 'SIA-IV2612-031', 8), (130, 39, 'Date', 8), (160, 39, '01/12/2026', 8),
 (20, 34, 'Customer:', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, China', 8),
 (20, 58, 'Description', 8, 'DVB'), (-130, 58, 'Qty', 8, 'DVB'), (-160, 58, 'Unit Price', 8, 'DVB'), (-190, 58, 'Amount', 8, 'DVB'),
 *item_rows(66, [('PLC programming service', '1', '60,000.00', '60,000.00'), ('On-site commissioning (days)', '4', '10,000.00', '40,000.00')]),
 (120, 88, 'Total', 8), (-190, 88, '100,000.00', 8), (120, 93, 'VAT 7%', 8), (-190, 93, '7,000.00', 8),
 (120, 99, 'Grand Total', 9, 'DVB'), (-190, 99, '107,000.00', 9, 'DVB'),
 (120, 104, 'Less Withholding Tax 3%', 8), (-190, 104, '3,000.00', 8),
 (120, 110, 'Net Amount Payable', 9, 'DVB'), (-190, 110, '104,000.00', 9, 'DVB'),
 (20, 120, '(One Hundred Seven Thousand Baht Only)', 8),
], [(20, 60, 190, 60), (20, 78, 190, 78)], "DV"),

# 19. a UK invoice printing no currency sign or code anywhere (GB VAT number, VAT 20%)
"gb_no_sign": ([
 (20, 15, 'Midlands Fastener Supplies Ltd', 13, 'DVB'),
 (20, 21, 'Unit 4, Tame Valley Industrial Estate, Tamworth B77 5BY, United Kingdom', 8),
 (20, 25, 'VAT Reg No: GB 980 7806 84', 8), (150, 15, 'INVOICE', 14, 'DVB'),
 (130, 34, 'Invoice No', 8), (160, 34, 'MFS-118204', 8), (130, 39, 'Invoice Date', 8), (160, 39, '01/12/2026', 8),
 (130, 44, 'Due Date', 8), (160, 44, '31/12/2026', 8),
 (20, 34, 'Invoice To:', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, China', 8),
 (20, 58, 'Description', 8, 'DVB'), (-130, 58, 'Qty', 8, 'DVB'), (-160, 58, 'Unit Price', 8, 'DVB'), (-190, 58, 'Net', 8, 'DVB'),
 *item_rows(66, [('Socket cap screw M8x30 A4 (box 100)', '60', '25.00', '1,500.00'), ('Nyloc nut M8 A4 (box 100)', '60', '15.00', '900.00')]),
 (125, 88, 'Sub Total', 8), (-190, 88, '2,400.00', 8), (125, 93, 'VAT @ 20%', 8), (-190, 93, '480.00', 8),
 (125, 99, 'Invoice Total', 9, 'DVB'), (-190, 99, '2,880.00', 9, 'DVB'),
], [(20, 60, 190, 60), (20, 78, 190, 78)], "DV"),

# 20. an Icelandic reikningur: kennitala, VSK 24%, kr. without decimals, dots grouping thousands
"is_reikningur": ([
 (20, 15, 'Hafnarfjarðar Vélsmiðja ehf.', 13, 'DVB'), (20, 21, 'Hvaleyrarbraut 22, 220 Hafnarfjörður', 8),
 (20, 25, 'Kennitala: 550169-2829   VSK-númer: 12345', 8), (145, 15, 'REIKNINGUR', 14, 'DVB'),
 (130, 34, 'Reikningur nr.', 8), (160, 34, '10451', 8), (130, 39, 'Dagsetning', 8), (160, 39, '01.12.2026', 8),
 (130, 44, 'Gjalddagi', 8), (160, 44, '31.12.2026', 8),
 (20, 34, 'Kaupandi', 8, 'DVB'), (20, 39, OURS_EN, 9), (20, 44, '88 Xinghu Street, Suzhou, Kína', 8),
 (20, 58, 'Lýsing', 8, 'DVB'), (-130, 58, 'Magn', 8, 'DVB'), (-160, 58, 'Einingarverð', 8, 'DVB'), (-190, 58, 'Upphæð', 8, 'DVB'),
 *item_rows(66, [('Ryðfrír stálrammi', '2', '450.000', '900.000'), ('Uppsetning (klst.)', '10', '15.000', '150.000')]),
 (120, 88, 'Samtals án VSK', 8), (-190, 88, '1.050.000', 8), (120, 93, 'VSK 24%', 8), (-190, 93, '252.000', 8),
 (120, 99, 'Samtals til greiðslu', 9, 'DVB'), (-190, 99, '1.302.000 kr.', 9, 'DVB'),
], [(20, 60, 190, 60), (20, 78, 190, 78)], "DV"),
})

_US = {"buyer_name": OURS_EN, "buyer_tax_id": None, "issue_date": date(2026, 12, 1)}
TRUTH: dict[str, dict] = {
"jp_seikyusho_box": {**_US, "number": "2612-0451", "due_date": date(2026, 12, 31), "seller_name": "株式会社浪速精密工業",
    "seller_tax_id": "T9010401012345", "buyer_name": OURS, "currency": "JPY",
    "net": D("150000"), "tax": D("14400"), "total": D("164400")},
"cn_english_yen": {**_US, "number": "HT20261201-07", "seller_name": "Ningbo Beilun Haitong Fasteners Co., Ltd.",
    "seller_tax_id": "91330206MA2CJ5W90B", "buyer_tax_id": OUR_TAX_ID, "currency": "CNY",
    "net": D("40000.00"), "tax": D("5200.00"), "total": D("45200.00")},
"ca_bc_deposit": {**_US, "number": "FRF-10442", "due_date": date(2026, 12, 31), "seller_name": "Fraser River Fabrication Ltd.",
    "seller_tax_id": "123456782RT0001", "currency": "CAD", "net": D("9750.00"), "tax": D("1170.00"), "total": D("10920.00")},
"au_box_above": {**_US, "number": "INV-0815", "due_date": date(2026, 12, 31), "seller_name": "Moreton Bay Hydraulics Pty Ltd",
    "seller_tax_id": ("51824753556", "ABN51824753556"), "currency": "AUD", "net": D("4350.00"), "tax": D("435.00"), "total": D("4785.00")},
"mx_usd_retencion": {**_US, "number": ("A2381", "A 2381", "2381", "A-2381"), "seller_name": "Transportes y Maquinados del Bajío, S.A. de C.V.",
    "seller_tax_id": "TMB150312AB4", "buyer_tax_id": ("XEXX010101000", None), "currency": "USD",
    "net": D("10000.00"), "tax": (D("1600.00"), D("1200.00")), "total": D("11200.00")},
"sg_gst9": {**_US, "number": "JPE-26-1207", "seller_name": "Jurong Precision Engineering Pte. Ltd.",
    "seller_tax_id": ("201912345K", "M201234567"), "currency": "SGD", "net": D("5000.00"), "tax": D("450.00"), "total": D("5450.00")},
"nz_credit_note": {**_US, "document_type": "credit_note", "number": "CN-00412", "original_number": "INV-20931",
    "seller_name": "Canterbury Castings Limited", "seller_tax_id": "123456785", "currency": "NZD",
    "net": D("-1080.00"), "tax": D("-162.00"), "total": D("-1242.00")},
"se_oresavrundning": {**_US, "number": "40217", "due_date": date(2026, 12, 31), "seller_name": "Mälardalens Svets & Plåt AB",
    "seller_tax_id": "SE556677889901", "currency": "SEK", "net": D("3458.30"), "tax": D("864.58"),
    "total": (D("4323.00"), D("4322.88"))},
"no_kreditnota": {**_US, "document_type": "credit_note", "number": "7719", "original_number": "7655",
    "seller_name": "Vestlandet Maskin AS", "seller_tax_id": ("987654325", "987654325MVA", "NO987654325MVA"), "currency": "NOK",
    "net": D("-12500.00"), "tax": D("-3125.00"), "total": D("-15625.00")},
"dk_proformafaktura": {**_US, "kind": "proforma", "number": "PF-2026-044", "seller_name": "Aarhus Pumpeteknik ApS",
    "seller_tax_id": ("13585628", "DK13585628"), "currency": "DKK", "net": (D("48000.00"), None), "tax": (D("0"), None),
    "total": D("48000.00")},
"za_debit_note": {**_US, "number": "DN-0087", "seller_name": "Highveld Steel Services (Pty) Ltd", "seller_tax_id": "4023456785",
    "currency": "ZAR", "net": D("5000.00"), "tax": D("750.00"), "total": D("5750.00")},
"br_nfse": {**_US, "number": ("00004521", "4521"), "seller_name": "Campinas Engenharia de Automação Ltda.",
    "seller_tax_id": "11222333000181", "currency": "BRL", "net": (D("19000.00"), D("20000.00"), None),
    "tax": (D("1000.00"), None), "total": D("20000.00")},
"cn_export_ci": {"number": "HR-EX-261201", "issue_date": date(2026, 12, 1), "seller_name": OURS_EN, "seller_tax_id": OUR_TAX_ID,
    "buyer_name": "Rheinland Beschläge GmbH", "buyer_tax_id": "DE136695976", "currency": "USD",
    "net": (D("37200.00"), None), "tax": (D("0"), None), "total": D("37200.00")},
"it_proforma": {**_US, "kind": "proforma", "number": ("PF 112/2026", "PF112/2026"), "seller_name": "Officine Meccaniche Brianza S.r.l.",
    "seller_tax_id": "IT00743110157", "currency": "EUR", "net": D("190000.00"), "tax": (D("0"), D("0.00")), "total": D("190000.00")},
"kr_two_pages": {**_US, "number": "CPM-2612-03", "seller_name": "Changwon Precision Machinery Co., Ltd.",
    "seller_tax_id": "2148618758", "currency": "USD", "net": (D("76000.00"), None), "tax": (D("0"), None), "total": D("76000.00")},
"hk_usd_cny": {**_US, "number": "PDT-26-0918", "seller_name": "Pearl Delta Trading Limited", "seller_tax_id": None,
    "currency": "USD", "net": (D("12000.00"), None), "tax": (D("0"), None), "total": D("12000.00")},
"cn_hanshui": {**_US, "number": "JM-2612-018", "seller_name": "深圳市宝安区精模塑胶模具有限公司", "seller_tax_id": "91440300MA5FK2L70H",
    "buyer_name": OURS, "buyer_tax_id": OUR_TAX_ID, "currency": "CNY",
    "net": D("100000.00"), "tax": D("13000.00"), "total": D("113000.00")},
"th_withholding": {**_US, "number": "SIA-IV2612-031", "seller_name": "Siam Industrial Automation Co., Ltd.",
    "seller_tax_id": "0105561234560", "currency": "THB", "net": D("100000.00"), "tax": D("7000.00"), "total": D("107000.00")},
"gb_no_sign": {**_US, "number": "MFS-118204", "due_date": date(2026, 12, 31), "seller_name": "Midlands Fastener Supplies Ltd",
    "seller_tax_id": "GB980780684", "currency": ("GBP", None), "net": D("2400.00"), "tax": D("480.00"), "total": D("2880.00")},
"is_reikningur": {**_US, "number": "10451", "due_date": date(2026, 12, 31), "seller_name": "Hafnarfjarðar Vélsmiðja ehf.",
    "seller_tax_id": ("5501692829", "550169-2829"), "currency": "ISK",
    "net": D("1050000"), "tax": D("252000"), "total": D("1302000")},
}

#: printed item lines: (a fragment of the description, quantity, amount)
LINES: dict[str, list[tuple[str, D, D]]] = {
"jp_seikyusho_box": [("AD-12", D("1000"), D("95000")), ("バリ取り", D("1000"), D("25000")), ("飲料水", D("100"), D("30000"))],
"cn_english_yen": [("Hex bolt", D("20000"), D("24000.00")), ("Flange nut", D("20000"), D("13000.00")),
                   ("Spring washer", D("20000"), D("3000.00"))],
"au_box_above": [("cylinder", D("6"), D("3300.00")), ("Hose", D("30"), D("900.00")), ("Freight", D("1"), D("150.00"))],
"cn_export_ci": [("hinge", D("24000"), D("20400.00")), ("handle", D("8000"), D("16800.00"))],
"kr_two_pages": [(f"BS-{16 + 4 * i}", D("20"), D((300 + 50 * i) * 20)) for i in range(8)],
"is_reikningur": [("stálrammi", D("2"), D("900000")), ("Uppsetning", D("10"), D("150000"))],
"se_oresavrundning": [("Svetsad ram", D("3"), D("2535.30")), ("Bockning", D("13"), D("923.00"))],
}


def build(name: str, folder: Path) -> Path:
    """The document ``name`` as a PDF in ``folder``."""
    items, rules, font, *more = DOCS[name]
    return draw_pdf(folder / f"{name}.pdf", items, rules, font, more_pages=more[0] if more else ())
