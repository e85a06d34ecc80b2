"""A second held-out set of invoices (issue 14), written by hand as large issuers make them, not by the generator:
a cloud provider's monthly bill (2014, account id and billing period beside the number and the date), a hosting
company's invoice, an online retailer's Indian tax invoice (Sold By, GSTIN, ₹ and Rs.), an interior designer's
and a photographer's invoice (sole traders: a person's name, the latter with a factor's Remit to block), our
Hong Kong trading house's INVOICE (Inv. No., Grand Total (EUR) €, Say: EURO ... ONLY), a US invoice with sales
tax and a Remit to block, a UK credit note, and Chinese VAT invoices: a 2019 增值税电子普通发票 whose labels and
values are separate text layers, an issuer-first 开票方/受票方 layout, a grid with 购买方/销售方 as column heads,
a 2019 fuel invoice whose 销售方 名称 wraps in its cell, a 红字 (negative) 数电 invoice, and a Chinese supplier's
English commercial invoice naming us under its letterhead without a label. Our companies (three entities: the
Ningbo company, its Hong Kong and its Indian subsidiary) have a role in each. Every field the document prints
is asserted; a field the reader cannot get right must be left for review (confidence < 0.9)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from extractors.documents import extract_document, extract_documents
from tests.extractors_documents.handmade import draw_pdf as _pdf

OURS = "宁波海岳进出口有限公司"
OURS_EN = "Ningbo Haiyue Import & Export Co., Ltd."
OUR_TAX_ID = "91330201MA2H3K5P7J"
OUR_ACCOUNTS = ("3901140009000088123", "33050110863600000456")
OURS_HK = "海岳（香港）贸易有限公司"
OURS_HK_EN = "Haiyue (Hong Kong) Trading Limited"
OURS_HK_ACCOUNTS = ("004123456838",)
OURS_IN = "Haiyue India Private Limited"
OURS_IN_GSTIN = "27AAGCH8815M1Z1"




W = "WQ"

DOCS = {
# 1. a cloud provider's monthly bill, 2014: account id and billing period near the number and the date
"cloud_bill": ([
 (20, 16, 'Stratus Web Services Invoice', 15, 'DVB'),
 (130, 16, 'Account number:', 8), (-190, 16, '4417-2290-1863', 8),
 (20, 23, 'Email or talk to us about your account or bill, visit stratus-ws.com/contact-us', 7),
 (20, 36, 'Bill to Address:', 8, 'DVB'), (20, 41, 'ATTN: Accounts Payable', 8),
 (20, 46, 'Ningbo Haiyue Import & Export Co., Ltd.', 8), (20, 51, 'No. 518 Tiantong Road, Yinzhou District', 8),
 (20, 56, 'Ningbo, Zhejiang, 315100, CN', 8),
 (120, 36, 'Invoice Summary', 9, 'DVB'), (120, 42, 'Invoice Number:', 8), (-190, 42, '531846027', 8),
 (120, 47, 'Invoice Date:', 8), (-190, 47, 'August 3 , 2014', 8),
 (110, 54, 'TOTAL AMOUNT DUE ON August 3 , 2014', 7, 'DVB'), (-190, 54, '$4.11', 8, 'DVB'),
 (20, 70, 'This invoice is for the billing period July 1 - July 31 , 2014', 8),
 (20, 78, "Greetings from Stratus Web Services, we're writing to provide you with an electronic invoice for your use", 7),
 (20, 82, 'of Stratus services. Additional information about your bill, individual service charge details, and your', 7),
 (20, 86, 'account history are available on the Account Activity Page.', 7),
 (20, 98, 'Summary', 10, 'DVB'), (20, 106, 'Stratus Web Services Service Charges', 8), (-190, 106, '$4.11', 8),
 (20, 112, 'Charges', 8), (-190, 112, '$4.11', 8), (20, 117, 'Credits', 8), (-190, 117, '$0.00', 8),
 (20, 122, 'Tax *', 8), (-190, 122, '$0.00', 8),
 (20, 130, 'Total for this invoice', 9, 'DVB'), (-190, 130, '$4.11', 9, 'DVB'),
 (20, 145, 'Detail', 10, 'DVB'), (20, 152, 'Simple Storage Service', 8), (-190, 152, '$3.81', 8),
 (20, 157, 'Elastic Compute Cloud', 8), (-190, 157, '$0.30', 8),
 (20, 170, '* May include estimated US sales tax, VAT, GST and CT.', 7),
 (20, 270, 'Stratus Web Services, Inc. · 1200 Westlake Ave N · Seattle, WA 98109-5210 · US', 7),
 (20, 274, 'Federal Tax ID: 91-1646860', 7),
], [(20, 100, 190, 100), (20, 126, 190, 126), (20, 147, 190, 147)], "DV"),

# 2. a hosting company's invoice: Invoice #, Due Date, Amount Due, an Account ID
"hosting_invoice": ([
 (20, 18, 'INVOICE', 20, 'DVB'),
 (130, 16, 'Brightline Hosting LLC', 11, 'DVB'), (130, 22, '2200 Commerce Street, Suite 310', 8),
 (130, 26, 'Dallas, TX 75201, USA', 8), (130, 30, 'support@brightlinehosting.com', 8),
 (20, 40, 'Invoice #', 9), (55, 40, 'BH-4471902', 9), (20, 46, 'Invoice Date', 9), (55, 46, '02/01/2026', 9),
 (20, 52, 'Due Date', 9), (55, 52, '02/15/2026', 9), (20, 58, 'Account ID', 9), (55, 58, 'ACCT-88213', 9),
 (130, 40, 'Billed To:', 9, 'DVB'), (130, 46, 'Ningbo Haiyue Import & Export Co., Ltd.', 8),
 (130, 50, 'No. 518 Tiantong Road, Yinzhou District', 8), (130, 54, 'Ningbo 315100, China', 8),
 (20, 75, 'Description', 8, 'DVB'), (100, 75, 'Period', 8, 'DVB'), (-190, 75, 'Amount', 8, 'DVB'),
 (20, 82, 'Cloud VPS 8GB (vps-nb-01)', 8), (100, 82, '02/01/2026 - 02/28/2026', 8), (-190, 82, '$48.00', 8),
 (20, 88, 'Additional IPv4 address x2', 8), (100, 88, '02/01/2026 - 02/28/2026', 8), (-190, 88, '$6.00', 8),
 (20, 94, 'Daily backups', 8), (100, 94, '02/01/2026 - 02/28/2026', 8), (-190, 94, '$9.60', 8),
 (130, 108, 'Subtotal', 9), (-190, 108, '$63.60', 9), (130, 114, 'Tax', 9), (-190, 114, '$0.00', 9),
 (130, 120, 'Total', 9), (-190, 120, '$63.60', 9), (130, 126, 'Payments', 9), (-190, 126, '$0.00', 9),
 (130, 133, 'Amount Due', 10, 'DVB'), (-190, 133, '$63.60 USD', 10, 'DVB'),
 (20, 150, 'Your card on file will be charged automatically on the due date.', 8),
], [(20, 77, 190, 77), (20, 97, 190, 97), (130, 129, 190, 129)], "DV"),

# 3. an online retailer's Indian tax invoice: Sold By, Billing Address, Order Number, ₹ and Rs., GSTIN
"india_tax_invoice": ([
 (20, 15, 'Tax Invoice', 14, 'DVB'), (120, 15, 'Invoice Number # FAB2Z1T2600045871', 8),
 (20, 25, 'Sold By : Vyapaar Retail Private Limited ,', 8, 'DVB'),
 (20, 29, 'Plot No. 14, Sy. No. 88, Bommasandra Industrial Area, Bengaluru - 560099, Karnataka', 7),
 (20, 33, 'GSTIN - 29AAICA4872D1ZK', 7), (20, 37, 'PAN - AAICA4872D', 7),
 (20, 48, 'Order Number: OD428839127744562100', 8), (20, 53, 'Order Date: 12-03-2026', 8),
 (20, 58, 'Invoice Date: 14-03-2026', 8),
 (85, 48, 'Billing Address', 8, 'DVB'), (85, 53, 'Haiyue India Private Limited', 8),
 (85, 57, 'Unit 402, Lodha Supremus', 7), (85, 61, 'Lower Parel, Mumbai 400013, Maharashtra', 7),
 (85, 65, 'GSTIN: 27AAGCH8815M1Z1', 7),
 (145, 48, 'Shipping Address', 8, 'DVB'), (145, 53, 'Haiyue India Private Limited', 8),
 (145, 57, 'Warehouse 3, Bhiwandi Logistics Park', 7), (145, 61, 'Thane 421302, Maharashtra', 7),
 (20, 78, 'Product', 7, 'DVB'), (-110, 78, 'Qty', 7, 'DVB'), (-128, 75, 'Gross', 7, 'DVB'), (-128, 78, 'Amount ₹', 7, 'DVB'),
 (-145, 75, 'Discount', 7, 'DVB'), (-145, 78, '₹', 7, 'DVB'), (-163, 75, 'Taxable', 7, 'DVB'), (-163, 78, 'Value ₹', 7, 'DVB'),
 (-177, 78, 'IGST ₹', 7, 'DVB'), (-192, 78, 'Total ₹', 7, 'DVB'),
 (20, 85, 'Brother HL-L2321D Mono Laser Printer', 7), (-110, 85, '1', 7), (-128, 85, '12,499.00', 7),
 (-145, 85, '-500.00', 7), (-163, 85, '10,168.64', 7), (-177, 85, '1,830.36', 7), (-192, 85, '11,999.00', 7),
 (20, 89, 'HSN: 84433250 | IGST: 18.0 %', 6),
 (20, 95, 'Brother TN-2365 Toner Cartridge', 7), (-110, 95, '2', 7), (-128, 95, '3,150.00', 7),
 (-145, 95, '0.00', 7), (-163, 95, '2,669.49', 7), (-177, 95, '480.51', 7), (-192, 95, '3,150.00', 7),
 (20, 99, 'HSN: 84439959 | IGST: 18.0 %', 6),
 (20, 108, 'Total', 8, 'DVB'), (-110, 108, '3', 8), (-128, 108, '15,649.00', 8), (-145, 108, '-500.00', 8),
 (-163, 108, '12,838.13', 8), (-177, 108, '2,310.87', 8), (-192, 108, '15,149.00', 8),
 (120, 120, 'Grand Total', 10, 'DVB'), (-192, 120, 'Rs. 15,149.00', 10, 'DVB'),
 (20, 130, 'Amount in Words: Rupees Fifteen Thousand One Hundred Forty-Nine Only', 8),
 (20, 140, 'Vyapaar Retail Private Limited', 8), (20, 145, 'Authorized Signatory', 7),
 (20, 270, 'Registered office: Vyapaar Retail Private Limited, Bengaluru. E. & O.E.', 6),
], [(20, 80, 192, 80), (20, 103, 192, 103), (20, 110, 192, 110)], "DV"),

# 4. an interior designer's simple invoice: a sole trader (a person's name), Bill to, Balance Due
"designer_invoice": ([
 (20, 18, 'Clara Whitfield', 16, 'DVB'), (20, 25, 'Interior Design & Styling', 9),
 (20, 30, '48 Larchmont Avenue, Rye, NY 10580', 8), (20, 34, '(914) 555-0172 · clara@whitfieldinteriors.com', 8),
 (150, 18, 'INVOICE', 16, 'DVB'),
 (20, 50, 'Bill to', 9, 'DVB'), (20, 55, 'Ningbo Haiyue Import & Export Co., Ltd.', 9),
 (20, 60, 'Attn: Mr. Li Wei (showroom)', 8), (20, 64, 'No. 518 Tiantong Road, Yinzhou District, Ningbo', 8),
 (130, 50, 'Invoice No.', 9), (-190, 50, '0112', 9), (130, 55, 'Date', 9), (-190, 55, 'March 6, 2026', 9),
 (130, 60, 'Due', 9), (-190, 60, 'March 20, 2026', 9),
 (20, 80, 'Description', 8, 'DVB'), (-130, 80, 'Hours', 8, 'DVB'), (-158, 80, 'Rate', 8, 'DVB'),
 (-190, 80, 'Amount', 8, 'DVB'),
 (20, 87, 'Showroom concept & mood boards', 8), (-130, 87, '12', 8), (-158, 87, '$85.00', 8), (-190, 87, '$1,020.00', 8),
 (20, 93, 'Furniture sourcing and procurement', 8), (-130, 93, '6', 8), (-158, 93, '$85.00', 8), (-190, 93, '$510.00', 8),
 (20, 99, 'On-site styling, New York trade show booth', 8), (-130, 99, '8', 8), (-158, 99, '$95.00', 8),
 (-190, 99, '$760.00', 8),
 (130, 113, 'Subtotal', 9), (-190, 113, '$2,290.00', 9),
 (130, 121, 'Balance Due', 11, 'DVB'), (-190, 121, '$2,290.00', 11, 'DVB'),
 (20, 140, 'Thank you for your business! Please make checks payable to Clara Whitfield.', 8),
], [(20, 82, 190, 82), (20, 102, 190, 102)], "DV"),

# 5. a Hong Kong trading house (us) titled only INVOICE: Inv. No., Grand Total (EUR) ... €, Say: EURO ... ONLY
"hk_trading_invoice": ([
 (105, 15, 'HAIYUE (HONG KONG) TRADING LIMITED', 13, 'DVB'), (105, 21, '海岳（香港）貿易有限公司', 10, 'WQ'),
 (105, 27, 'Room 1203, 12/F, Tower 2, Lippo Centre, 89 Queensway, Admiralty, Hong Kong', 7),
 (105, 31, 'Tel: +852 2528 6610   Fax: +852 2528 6611   E-mail: sales@haiyue.com.hk', 7),
 (105, 42, 'INVOICE', 16, 'DVB'),
 (20, 55, 'Messrs:', 8), (38, 55, 'Keller & Voss Handelsgesellschaft mbH', 8),
 (38, 59, 'Am Sandtorkai 38, 20457 Hamburg, Germany', 8),
 (130, 55, 'Inv. No.:', 8), (155, 55, 'HY-HK-26-0311', 8), (130, 59, 'Date:', 8), (155, 59, '11 MAR 2026', 8),
 (130, 63, 'Your Order:', 8), (155, 63, 'KV-PO-8812', 8), (130, 67, 'Terms:', 8), (155, 67, 'T/T 30 days', 8),
 (20, 75, 'Shipped per: MSC ANNA V.612W    From: Ningbo, China    To: Hamburg, Germany', 8),
 (20, 85, 'Marks & Nos.', 7, 'DVB'), (48, 85, 'Description of Goods', 7, 'DVB'), (-138, 85, 'Quantity', 7, 'DVB'),
 (-163, 85, 'Unit Price (EUR)', 7, 'DVB'), (-190, 85, 'Amount (EUR)', 7, 'DVB'),
 (20, 92, 'K&V/HAM', 7), (48, 92, 'Stainless steel cabinet hinges 304, 35mm', 7), (-138, 92, '12,000 PCS', 7),
 (-163, 92, '0.42', 7), (-190, 92, '5,040.00', 7),
 (20, 97, 'C/No. 1-120', 7), (48, 97, 'Zinc alloy pull handles, satin nickel, 128mm', 7), (-138, 97, '8,000 PCS', 7),
 (-163, 97, '0.68', 7), (-190, 97, '5,440.00', 7),
 (20, 102, 'MADE IN CHINA', 7),
 (100, 114, 'Grand Total (EUR)', 9, 'DVB'), (-190, 114, '€ 10,480.00', 9, 'DVB'),
 (20, 124, 'Say: EURO TEN THOUSAND FOUR HUNDRED AND EIGHTY ONLY', 8),
 (20, 134, 'Price term: FOB Ningbo    Origin: China', 8),
 (20, 140, 'Beneficiary Bank: The Hongkong and Shanghai Banking Corporation Ltd, Hong Kong   SWIFT: HSBCHKHHHKH', 7),
 (20, 144, 'A/C No.: 004-123456-838', 7),
 (120, 160, 'For and on behalf of', 7), (120, 164, 'HAIYUE (HONG KONG) TRADING LIMITED', 7),
 (120, 180, 'Authorised Signature(s)', 7),
], [(20, 87, 190, 87), (20, 105, 190, 105), (100, 116, 190, 116)], "DV"),

# 6. a US invoice with Subtotal / Sales Tax (8.875%) / Total and a Remit to block beside the letterhead
"us_sales_tax_invoice": ([
 (20, 15, 'HUDSON RIVER LAB SUPPLY, INC.', 12, 'DVB'), (20, 21, '77 Water Street, 9th Floor', 8),
 (20, 25, 'New York, NY 10005', 8), (20, 29, 'Tel (212) 555-0148', 8),
 (130, 15, 'Remit to:', 8, 'DVB'), (130, 20, 'HRLS Receivables Dept.', 8), (130, 24, 'Lockbox 2231, P.O. Box 419220', 8),
 (130, 28, 'Boston, MA 02241-9220', 8),
 (20, 42, 'INVOICE', 14, 'DVB'),
 (20, 52, 'Invoice Number:', 8), (50, 52, '300-118842', 8), (110, 52, 'Invoice Date:', 8), (140, 52, '03/09/2026', 8),
 (20, 57, 'Customer No.:', 8), (50, 57, 'C-20417', 8), (110, 57, 'P.O. Number:', 8), (140, 57, 'NB-2603-07', 8),
 (20, 62, 'Terms:', 8), (50, 62, 'Net 30', 8), (110, 62, 'Due Date:', 8), (140, 62, '04/08/2026', 8),
 (20, 74, 'Sold To:', 8, 'DVB'), (20, 79, 'Ningbo Haiyue Import & Export Co., Ltd.', 8),
 (20, 83, 'No. 518 Tiantong Road, Ningbo 315100, China', 8),
 (110, 74, 'Ship To:', 8, 'DVB'), (110, 79, 'Haiyue Booth 2411, c/o Javits Center', 8),
 (110, 83, '429 11th Avenue, New York, NY 10001', 8),
 (20, 96, 'Qty', 8, 'DVB'), (35, 96, 'Item', 8, 'DVB'), (60, 96, 'Description', 8, 'DVB'),
 (-160, 96, 'Unit Price', 8, 'DVB'), (-190, 96, 'Extended', 8, 'DVB'),
 (20, 103, '10', 8), (35, 103, 'DC-150', 8), (60, 103, 'Digital caliper 0-150 mm, IP54', 8), (-160, 103, '42.50', 8),
 (-190, 103, '425.00', 8),
 (20, 108, '2', 8), (35, 108, 'TW-SET3', 8), (60, 108, 'Torque wrench set, 3/8" drive', 8), (-160, 108, '318.00', 8),
 (-190, 108, '636.00', 8),
 (130, 122, 'Subtotal', 8), (-190, 122, '1,061.00', 8), (130, 127, 'Sales Tax (8.875%)', 8), (-190, 127, '94.16', 8),
 (130, 133, 'Total', 10, 'DVB'), (-190, 133, '$1,155.16', 10, 'DVB'),
 (20, 150, 'Please return the remittance stub with your payment. Make checks payable to Hudson River Lab Supply, Inc.', 7),
], [(20, 98, 190, 98), (20, 112, 190, 112), (130, 130, 190, 130)], "DV"),

# 7. a credit note from a supplier to us: negative net, VAT and total
"credit_note": ([
 (20, 15, 'Galloway Fasteners Ltd', 13, 'DVB'), (20, 21, '14 Harbour Road, Stranraer DG9 7RA', 8),
 (20, 25, 'Scotland, United Kingdom', 8), (20, 29, 'VAT Reg No: GB 312 4587 73', 8),
 (140, 15, 'CREDIT NOTE', 15, 'DVB'),
 (130, 30, 'Credit Note No:', 8), (160, 30, 'CN-00731', 8), (130, 35, 'Date:', 8), (160, 35, '17/03/2026', 8),
 (130, 40, 'Against Invoice:', 8), (160, 40, 'INV-10822', 8), (130, 45, 'Customer Ref:', 8), (160, 45, 'HAIYUE-NB', 8),
 (20, 45, 'Customer:', 8, 'DVB'), (20, 50, 'Ningbo Haiyue Import & Export Co., Ltd.', 8),
 (20, 54, 'No. 518 Tiantong Road, Ningbo 315100, China', 8),
 (20, 70, 'Description', 8, 'DVB'), (-130, 70, 'Qty', 8, 'DVB'), (-158, 70, 'Unit Price', 8, 'DVB'),
 (-190, 70, 'Amount', 8, 'DVB'),
 (20, 77, 'Return: M8 flange nuts, A2 (2 cartons damaged in transit)', 8), (-130, 77, '2', 8),
 (-158, 77, '120.00', 8), (-190, 77, '-240.00', 8),
 (130, 92, 'Net', 8), (-190, 92, '-240.00', 8), (130, 97, 'VAT 20%', 8), (-190, 97, '-48.00', 8),
 (130, 104, 'Total credit', 10, 'DVB'), (-190, 104, '-£288.00', 10, 'DVB'),
 (20, 120, 'This amount has been credited to your account and will be offset against your next payment.', 8),
], [(20, 72, 190, 72), (20, 82, 190, 82), (130, 100, 190, 100)], "DV"),

# 8. 增值税电子普通发票 (2019): the form's labels drawn first, then all the filled values (text order != reading order)
"cn_e_ordinary_layered": ([
 # ---- the template layer
 (62, 16, '上海增值税电子普通发票', 15, W),
 (140, 12, '机器编号：', 7, W), (140, 16, '发票代码：', 7, W), (140, 20, '发票号码：', 7, W), (140, 24, '开票日期：', 7, W),
 (140, 28, '校 验 码：', 7, W),
 (14, 38, '购', 8, W), (14, 43, '买', 8, W), (14, 48, '方', 8, W),
 (22, 35, '名        称：', 7, W), (22, 40, '纳税人识别号：', 7, W), (22, 45, '地 址、电 话：', 7, W),
 (22, 50, '开户行及账号：', 7, W), (120, 38, '密', 8, W), (120, 44, '码', 8, W), (120, 50, '区', 8, W),
 (16, 58, '货物或应税劳务、服务名称', 7, W), (66, 58, '规格型号', 7, W), (86, 58, '单 位', 7, W), (100, 58, '数 量', 7, W),
 (118, 58, '单 价', 7, W), (146, 58, '金 额', 7, W), (162, 58, '税率', 7, W), (180, 58, '税 额', 7, W),
 (28, 82, '合            计', 7, W),
 (16, 89, '价税合计（大写）', 7, W), (130, 89, '（小写）', 7, W),
 (14, 96, '销', 8, W), (14, 101, '售', 8, W), (14, 106, '方', 8, W),
 (22, 95, '名        称：', 7, W), (22, 100, '纳税人识别号：', 7, W), (22, 105, '地 址、电 话：', 7, W),
 (22, 110, '开户行及账号：', 7, W), (120, 98, '备', 8, W), (120, 106, '注', 8, W),
 (16, 120, '收款人：', 7, W), (66, 120, '复核：', 7, W), (110, 120, '开票人：', 7, W), (150, 120, '销售方：（章）', 7, W),
 # ---- the values layer, in the order the printing program filled them
 (155, 12, '499099660821', 7), (155, 16, '031001900211', 7), (155, 20, '46139875', 7),
 (155, 24, '2019年08月26日', 7, W), (155, 28, '05412 83377 90215 66418', 7),
 (45, 95, '上海浦东新区晨光包装材料有限公司', 7, W), (45, 100, '91310115MA1K4D7E6Q', 7),
 (45, 105, '上海市浦东新区川沙路5558号 021-58971234', 7, W), (45, 110, '中国银行上海川沙支行 452168912345', 7, W),
 (45, 35, '宁波海岳进出口有限公司', 7, W), (45, 40, '91330201MA2H3K5P7J', 7),
 (45, 45, '宁波市鄞州区天童路518号 0574-88231456', 7, W), (45, 50, '工商银行宁波分行 3901140009000088123', 7, W),
 (127, 36, '03*5<2>9+-7/61<*24<8>+3/<9-*0>>5+9417*-1', 6), (127, 41, '<6/*0+2-58<01>9+/43*-7<<*1/0+96-*38-40', 6),
 (127, 46, '8*-3>0/27+<5>1*93-/4+06<>4*8*1-/9<+22>', 6), (127, 51, '+41-*9<>7/03*+5>-68/2<1*-0>93+*<7-41/5', 6),
 (16, 65, '*纸制品*瓦楞纸箱', 7, W), (66, 65, '600x400x400', 7), (86, 65, '个', 7, W), (-110, 65, '500', 7),
 (-138, 65, '7.07964602', 7), (-160, 65, '3539.82', 7), (164, 65, '13%', 7), (-195, 65, '460.18', 7),
 (16, 70, '*塑料制品*气泡膜', 7, W), (66, 70, '1.2m*100m', 7), (86, 70, '卷', 7, W), (-110, 70, '20', 7),
 (-138, 70, '44.24778761', 7), (-160, 70, '884.96', 7), (164, 70, '13%', 7), (-195, 70, '115.04', 7),
 (-160, 82, '¥4424.78', 7), (-195, 82, '¥575.22', 7),
 (50, 89, '⊗伍仟圆整', 7, W), (145, 89, '¥5000.00', 7),
 (127, 98, '订单号 HY-PO-1908-033', 7, W),
 (28, 120, '王丽', 7, W), (76, 120, '张强', 7, W), (122, 120, '赵敏', 7, W),
], [(12, 31, 198, 31), (12, 54, 198, 54), (118, 31, 118, 54), (12, 85, 198, 85), (12, 92, 198, 92),
    (12, 114, 198, 114), (118, 92, 118, 114), (12, 31, 12, 114), (198, 31, 198, 114), (20, 31, 20, 54),
    (20, 92, 20, 114)], W),

# 9. issuer first: 开票方/受票方 blocks, then the totals, then the items (我们是开票方)
"cn_issuer_first": ([
 (64, 15, '电子发票（普通发票）', 15, W),
 (20, 26, '发票号码：24332000000045612378', 8, W), (130, 26, '开票日期：2024年11月05日', 8, W),
 (20, 36, '开票方', 9, W), (20, 42, '名称：宁波海岳进出口有限公司', 8, W),
 (20, 47, '统一社会信用代码/纳税人识别号：91330201MA2H3K5P7J', 8, W),
 (110, 36, '受票方', 9, W), (110, 42, '名称：深圳市华南电子科技有限公司', 8, W),
 (110, 47, '统一社会信用代码/纳税人识别号：91440300MA5F9W2L1A', 8, W),
 (20, 60, '价税合计（大写）：贰万叁仟柒佰叁拾圆整', 8, W), (130, 60, '（小写）¥23730.00', 8, W),
 (20, 66, '合计金额：¥21000.00', 8, W), (80, 66, '合计税额：¥2730.00', 8, W),
 (20, 78, '项目名称', 8, W), (72, 78, '单位', 8, W), (-105, 78, '数量', 8, W), (-128, 78, '单价', 8, W),
 (-152, 78, '金额', 8, W), (-168, 78, '税率', 8, W), (-192, 78, '税额', 8, W),
 (20, 85, '*电子元件*贴片电容0805 100nF', 8, W), (72, 85, '盘', 8, W), (-105, 85, '100', 8, W), (-128, 85, '120.00', 8, W),
 (-152, 85, '12000.00', 8, W), (-168, 85, '13%', 8, W), (-192, 85, '1560.00', 8, W),
 (20, 91, '*电子元件*贴片电阻0603 10K', 8, W), (72, 91, '盘', 8, W), (-105, 91, '150', 8, W), (-128, 91, '60.00', 8, W),
 (-152, 91, '9000.00', 8, W), (-168, 91, '13%', 8, W), (-192, 91, '1170.00', 8, W),
 (20, 105, '备注：合同号 HY-S-2411-052', 8, W), (20, 115, '开票人：陈静', 8, W),
], [(15, 31, 195, 31), (15, 53, 195, 53), (105, 31, 105, 53), (15, 71, 195, 71), (15, 80, 195, 80),
    (15, 98, 195, 98)], W),

# 10. a grid: 名称/纳税人识别号 as row labels, 购买方 and 销售方 as the grid's column heads (我们是购买方)
"cn_grid_columns": ([
 (60, 15, '电子发票（增值税专用发票）', 15, W),
 (145, 24, '发票号码：25322000000007788991', 7, W), (145, 29, '开票日期：2025年06月18日', 7, W),
 (60, 40, '购买方', 9, W), (140, 40, '销售方', 9, W),
 (17, 47, '名称', 8, W), (50, 47, '宁波海岳进出口有限公司', 8, W), (130, 47, '苏州工业园区鑫达精密机械有限公司', 8, W),
 (17, 53, '统一社会信用代码', 8, W), (50, 53, '91330201MA2H3K5P7J', 8), (130, 53, '91320507MA1Y8N2R31', 8),
 (17, 59, '开户行及账号', 8, W), (50, 59, '工商银行宁波分行 3901140009000088123', 7, W),
 (130, 59, '农业银行苏州园区支行 10549801040012345', 7, W),
 (17, 72, '项目名称', 8, W), (65, 72, '规格型号', 8, W), (88, 72, '单位', 8, W), (-112, 72, '数量', 8, W),
 (-135, 72, '单价', 8, W), (-160, 72, '金额', 8, W), (-175, 72, '税率', 8, W), (-195, 72, '税额', 8, W),
 (17, 79, '*机械零部件*精密轴承座', 8, W), (65, 79, 'UCP205', 8), (88, 79, '个', 8, W), (-112, 79, '200', 8),
 (-135, 79, '85.00', 8), (-160, 79, '17000.00', 8), (-175, 79, '13%', 8), (-195, 79, '2210.00', 8),
 (17, 92, '合计', 8, W), (-160, 92, '¥17000.00', 8), (-195, 92, '¥2210.00', 8),
 (17, 100, '价税合计（大写）', 8, W), (55, 100, '⊗壹万玖仟贰佰壹拾圆整', 8, W), (130, 100, '（小写）¥19210.00', 8, W),
 (17, 108, '备注', 8, W), (40, 108, '采购订单 HY-P-2506-114', 8, W), (17, 120, '开票人：孙倩', 8, W),
], [(12, 35, 198, 35), (12, 43, 198, 43), (12, 50, 198, 50), (12, 56, 198, 56), (12, 63, 198, 63),
    (45, 35, 45, 63), (125, 35, 125, 63), (12, 67, 198, 67), (12, 95, 198, 95), (12, 103, 198, 103),
    (12, 112, 198, 112), (12, 35, 12, 112), (198, 35, 198, 112)], W),

# 11. 增值税电子普通发票 (2019) of a fuel station: the seller's 名称 wraps onto two lines in its cell
"cn_seller_name_wraps": ([
 (62, 16, '江苏增值税电子普通发票', 15, W),
 (140, 12, '机器编号：661725439918', 7, W), (140, 16, '发票代码：032001900104', 7, W),
 (140, 20, '发票号码：07654321', 7, W), (140, 24, '开票日期：2019年12月02日', 7, W),
 (140, 28, '校 验 码：61824 00937 55120 84417', 7, W),
 (14, 38, '购', 8, W), (14, 43, '买', 8, W), (14, 48, '方', 8, W),
 (22, 35, '名        称：宁波海岳进出口有限公司', 7, W), (22, 40, '纳税人识别号：91330201MA2H3K5P7J', 7, W),
 (22, 45, '地 址、电 话：', 7, W), (22, 50, '开户行及账号：', 7, W),
 (120, 38, '密', 8, W), (120, 44, '码', 8, W), (120, 50, '区', 8, W),
 (127, 38, '-7*<41+0/92>3*-<58+01/*36>-9', 6), (127, 44, '<2>8+*-61/0<93*4+>-7/58<*20', 6),
 (16, 58, '货物或应税劳务、服务名称', 7, W), (66, 58, '规格型号', 7, W), (86, 58, '单 位', 7, W), (100, 58, '数 量', 7, W),
 (118, 58, '单 价', 7, W), (146, 58, '金 额', 7, W), (162, 58, '税率', 7, W), (180, 58, '税 额', 7, W),
 (16, 65, '*汽油*92号车用汽油(VIB)', 7, W), (86, 65, '升', 7, W), (-110, 65, '120.35', 7), (-138, 65, '6.15929204', 7),
 (-160, 65, '741.28', 7), (164, 65, '13%', 7), (-195, 65, '96.37', 7),
 (28, 82, '合            计', 7, W), (-160, 82, '¥741.28', 7), (-195, 82, '¥96.37', 7),
 (16, 89, '价税合计（大写）', 7, W), (50, 89, '⊗捌佰叁拾柒圆陆角伍分', 7, W), (130, 89, '（小写）', 7, W),
 (145, 89, '¥837.65', 7),
 (14, 96, '销', 8, W), (14, 101, '售', 8, W), (14, 106, '方', 8, W),
 (22, 95, '名        称：', 7, W), (45, 95, '中国石化销售股份有限公司江苏苏州', 9, W), (45, 98.6, '石油分公司', 9, W),
 (22, 102, '纳税人识别号：91320500134789562X', 7, W), (22, 106, '地 址、电 话：苏州市干将西路1288号 0512-65231100', 7, W),
 (22, 110, '开户行及账号：中国工商银行苏州分行 1102020109000456789', 7, W),
 (101, 98, '备', 8, W), (101, 106, '注', 8, W), (106, 95, '油站：苏州东环加油站 卡号 1000113200012345678', 7, W),
 (16, 120, '收款人：刘洋', 7, W), (66, 120, '复核：', 7, W), (110, 120, '开票人：刘洋', 7, W), (150, 120, '销售方：（章）', 7, W),
], [(12, 31, 198, 31), (12, 54, 198, 54), (118, 31, 118, 54), (12, 85, 198, 85), (12, 92, 198, 92),
    (12, 114, 198, 114), (99, 92, 99, 114), (12, 31, 12, 114), (198, 31, 198, 114), (20, 31, 20, 54),
    (20, 92, 20, 114)], W),

# 12. a Chinese supplier's English commercial invoice to us: our name printed unlabelled right under its letterhead
"supplier_commercial": ([
 (105, 15, 'ZHEJIANG TIANYU HARDWARE CO., LTD.', 13, 'DVB'),
 (105, 21, 'No. 9 Jinhai Road, Beilun District, Ningbo, Zhejiang 315800, China', 7),
 (105, 25, 'Tel: +86 574 8618 2200   USCC: 91330212MA2CK7U93T', 7),
 (105, 36, 'COMMERCIAL INVOICE', 14, 'DVB'),
 (20, 48, 'NINGBO HAIYUE IMPORT & EXPORT CO., LTD.', 9, 'DVB'), (20, 53, 'No. 518 Tiantong Road, Yinzhou District', 8),
 (20, 57, 'Ningbo 315100, China', 8),
 (130, 48, 'Invoice No.:', 8), (158, 48, 'TY2603-118', 8), (130, 53, 'Date:', 8), (158, 53, 'Mar. 16, 2026', 8),
 (130, 58, 'Contract No.:', 8), (158, 58, 'HY-P-2603-12', 8),
 (20, 72, 'Item No.', 8, 'DVB'), (45, 72, 'Description', 8, 'DVB'), (-135, 72, 'Qty (PCS)', 8, 'DVB'),
 (-160, 72, 'Unit Price', 8, 'DVB'), (-190, 72, 'Amount', 8, 'DVB'),
 (20, 79, 'TY-H35', 8), (45, 79, 'Concealed hinge 35mm, soft close', 8), (-135, 79, '8,000', 8),
 (-160, 79, 'US$0.48', 8), (-190, 79, 'US$3,840.00', 8),
 (20, 85, 'TY-S450', 8), (45, 85, 'Ball bearing drawer slide 450mm', 8), (-135, 85, '1,200', 8),
 (-160, 85, 'US$2.40', 8), (-190, 85, 'US$2,880.00', 8),
 (100, 98, 'TOTAL FOB NINGBO', 9, 'DVB'), (-190, 98, 'US$6,720.00', 9, 'DVB'),
 (20, 108, 'SAY US DOLLARS SIX THOUSAND SEVEN HUNDRED AND TWENTY ONLY.', 8),
 (20, 118, 'Payment: 30% T/T in advance, balance against copy of B/L.', 8),
 (20, 122, 'Bank: Bank of Ningbo, Beilun Sub-branch   A/C No.: 51010122000987654   SWIFT: BKNBCN2N', 7),
 (130, 140, 'ZHEJIANG TIANYU HARDWARE CO., LTD.', 8), (130, 156, 'Authorized Signature', 7),
], [(20, 74, 190, 74), (20, 90, 190, 90), (100, 100, 190, 100)], "DV"),
# 13. a 红字 数电 invoice (our credit to a customer): the same title, negative amounts, the blue invoice named in 备注
"cn_red_credit": ([
 (64, 15, '电子发票（增值税专用发票）', 15, W),
 (150, 24, '发票号码：25332000000011223344', 7, W), (150, 29, '开票日期：2025年09月03日', 7, W),
 (15, 40, '购买方信息', 8, W), (30, 38, '名称：深圳市华南电子科技有限公司', 8, W), (30, 45, '统一社会信用代码/纳税人识别号：91440300MA5F9W2L1A', 8, W),
 (106, 40, '销售方信息', 8, W), (122, 38, '名称：宁波海岳进出口有限公司', 8, W), (122, 45, '统一社会信用代码/纳税人识别号：91330201MA2H3K5P7J', 8, W),
 (17, 58, '项目名称', 8, W), (-112, 58, '数量', 8, W), (-135, 58, '单价', 8, W), (-160, 58, '金额', 8, W), (-175, 58, '税率', 8, W),
 (-195, 58, '税额', 8, W),
 (17, 65, '*电子元件*贴片电容0805 100nF', 8, W), (-112, 65, '-10', 8), (-135, 65, '120.00', 8), (-160, 65, '-1200.00', 8),
 (-175, 65, '13%', 8), (-195, 65, '-156.00', 8),
 (17, 78, '合计', 8, W), (-160, 78, '¥-1200.00', 8), (-195, 78, '¥-156.00', 8),
 (17, 86, '价税合计（大写）', 8, W), (55, 86, '（负数）壹仟叁佰伍拾陆圆整', 8, W), (130, 86, '（小写）¥-1356.00', 8, W),
 (17, 94, '备注', 8, W), (30, 94, '被红冲蓝字数电发票号码：24332000000045612378 红字发票信息确认单编号：3302025090300012', 7, W),
 (17, 106, '开票人：陈静', 8, W),
], [(12, 33, 198, 33), (12, 51, 198, 51), (102, 33, 102, 51), (12, 81, 198, 81), (12, 89, 198, 89), (12, 100, 198, 100),
    (12, 33, 12, 100), (198, 33, 198, 100), (26, 33, 26, 51), (118, 33, 118, 51)], W),

# 14. a sole trader's invoice with a factoring company's "Remit to" block at the top right and a deposit paid
"trader_remit_invoice": ([
 (20, 16, 'Tomasz Nowicki', 15, 'DVB'), (20, 23, 'Photography & Trade Show Video', 9),
 (20, 28, '1190 Rand Road, Des Plaines, IL 60016', 8), (20, 32, 'tomasz@nowicki.studio · (847) 555-0133', 8),
 (130, 16, 'Remit to:', 8, 'DVB'), (130, 21, 'Prairie Capital Funding Corp.', 8), (130, 25, 'P.O. Box 88213', 8),
 (130, 29, 'Chicago, IL 60680-8213', 8),
 (20, 46, 'INVOICE', 14, 'DVB'), (20, 54, 'Invoice #', 8), (48, 54, '2026-017', 8), (20, 59, 'Date', 8),
 (48, 59, 'Feb 20, 2026', 8), (20, 64, 'Due Date', 8), (48, 64, 'Mar 22, 2026', 8),
 (120, 54, 'Bill to', 8, 'DVB'), (120, 59, 'Ningbo Haiyue Import & Export Co., Ltd.', 8),
 (120, 63, 'c/o Booth S-4417, McCormick Place, Chicago, IL', 8),
 (20, 80, 'Service', 8, 'DVB'), (-130, 80, 'Qty', 8, 'DVB'), (-158, 80, 'Rate', 8, 'DVB'), (-190, 80, 'Amount', 8, 'DVB'),
 (20, 87, 'Booth photography, 2 show days', 8), (-130, 87, '2', 8), (-158, 87, '650.00', 8), (-190, 87, '1,300.00', 8),
 (20, 93, 'Product video, 60 s edit', 8), (-130, 93, '1', 8), (-158, 93, '900.00', 8), (-190, 93, '900.00', 8),
 (130, 106, 'Subtotal', 8), (-190, 106, '2,200.00', 8), (130, 111, 'Sales Tax (0%)', 8), (-190, 111, '0.00', 8),
 (130, 116, 'Total', 8), (-190, 116, '2,200.00', 8), (130, 121, 'Deposit Paid', 8), (-190, 121, '-700.00', 8),
 (130, 128, 'Balance Due', 10, 'DVB'), (-190, 128, '$1,500.00', 10, 'DVB'),
 (20, 145, 'This invoice has been assigned to Prairie Capital Funding Corp. Remit payment only to the address above.', 7),
], [(20, 82, 190, 82), (20, 96, 190, 96), (130, 124, 190, 124)], "DV"),
}

#: the fields each document prints (kind included), and its lines' amounts (or (amount, tax))
TRUTH = {
"cloud_bill": ({"kind": "commercial", "number": "531846027", "issue_date": date(2014, 8, 3), "due_date": date(2014, 8, 3),
    "seller_name": "Stratus Web Services, Inc.", "seller_tax_id": "91-1646860", "buyer_name": OURS_EN, "currency": "USD",
    "net": D("4.11"), "tax": D("0.00"), "total": D("4.11")}, None),
"hosting_invoice": ({"kind": "commercial", "number": "BH-4471902", "issue_date": date(2026, 2, 1), "due_date": date(2026, 2, 15),
    "seller_name": "Brightline Hosting LLC", "buyer_name": OURS_EN, "currency": "USD",
    "net": D("63.60"), "tax": D("0.00"), "total": D("63.60")}, [D("48.00"), D("6.00"), D("9.60")]),
"india_tax_invoice": ({"kind": "commercial", "number": "FAB2Z1T2600045871", "issue_date": date(2026, 3, 14),
    "seller_name": "Vyapaar Retail Private Limited", "seller_tax_id": "29AAICA4872D1ZK", "buyer_name": OURS_IN,
    "buyer_tax_id": OURS_IN_GSTIN, "currency": "INR", "net": D("12838.13"), "tax": D("2310.87"), "total": D("15149.00")},
    [(D("10168.64"), D("1830.36")), (D("2669.49"), D("480.51"))]),
"designer_invoice": ({"kind": "commercial", "number": "0112", "issue_date": date(2026, 3, 6), "due_date": date(2026, 3, 20),
    "seller_name": "Clara Whitfield", "buyer_name": OURS_EN, "currency": "USD",
    "net": D("2290.00"), "tax": D("0"), "total": D("2290.00")}, [D("1020.00"), D("510.00"), D("760.00")]),
"hk_trading_invoice": ({"kind": "commercial", "number": "HY-HK-26-0311", "issue_date": date(2026, 3, 11),
    "seller_name": OURS_HK_EN, "buyer_name": "Keller & Voss Handelsgesellschaft mbH", "currency": "EUR",
    "net": D("10480.00"), "tax": D("0"), "total": D("10480.00")}, [D("5040.00"), D("5440.00")]),
"us_sales_tax_invoice": ({"kind": "commercial", "number": "300-118842", "issue_date": date(2026, 3, 9),
    "due_date": date(2026, 4, 8), "seller_name": "HUDSON RIVER LAB SUPPLY, INC.", "buyer_name": OURS_EN, "currency": "USD",
    "net": D("1061.00"), "tax": D("94.16"), "total": D("1155.16")}, [D("425.00"), D("636.00")]),
"credit_note": ({"kind": "commercial", "number": "CN-00731", "issue_date": date(2026, 3, 17),
    "seller_name": "Galloway Fasteners Ltd", "seller_tax_id": "GB312458773", "buyer_name": OURS_EN, "currency": "GBP",
    "net": D("-240.00"), "tax": D("-48.00"), "total": D("-288.00")}, [D("-240.00")]),
"cn_e_ordinary_layered": ({"kind": "cn_vat_ordinary", "number": "46139875", "code": "031001900211",
    "issue_date": date(2019, 8, 26), "seller_name": "上海浦东新区晨光包装材料有限公司", "seller_tax_id": "91310115MA1K4D7E6Q",
    "buyer_name": OURS, "buyer_tax_id": OUR_TAX_ID, "currency": "CNY", "net": D("4424.78"), "tax": D("575.22"),
    "total": D("5000.00")}, [(D("3539.82"), D("460.18")), (D("884.96"), D("115.04"))]),
"cn_issuer_first": ({"kind": "cn_vat_e", "number": "24332000000045612378", "issue_date": date(2024, 11, 5),
    "seller_name": OURS, "seller_tax_id": OUR_TAX_ID, "buyer_name": "深圳市华南电子科技有限公司",
    "buyer_tax_id": "91440300MA5F9W2L1A", "currency": "CNY", "net": D("21000.00"), "tax": D("2730.00"),
    "total": D("23730.00")}, [(D("12000.00"), D("1560.00")), (D("9000.00"), D("1170.00"))]),
"cn_grid_columns": ({"kind": "cn_vat_e", "number": "25322000000007788991", "issue_date": date(2025, 6, 18),
    "seller_name": "苏州工业园区鑫达精密机械有限公司", "seller_tax_id": "91320507MA1Y8N2R31", "buyer_name": OURS,
    "buyer_tax_id": OUR_TAX_ID, "currency": "CNY", "net": D("17000.00"), "tax": D("2210.00"), "total": D("19210.00")},
    [(D("17000.00"), D("2210.00"))]),
"cn_seller_name_wraps": ({"kind": "cn_vat_ordinary", "number": "07654321", "code": "032001900104",
    "issue_date": date(2019, 12, 2), "seller_name": "中国石化销售股份有限公司江苏苏州石油分公司",
    "seller_tax_id": "91320500134789562X", "buyer_name": OURS, "buyer_tax_id": OUR_TAX_ID, "currency": "CNY",
    "net": D("741.28"), "tax": D("96.37"), "total": D("837.65")}, [(D("741.28"), D("96.37"))]),
"supplier_commercial": ({"kind": "commercial", "number": "TY2603-118", "issue_date": date(2026, 3, 16),
    "seller_name": "ZHEJIANG TIANYU HARDWARE CO., LTD.", "seller_tax_id": "91330212MA2CK7U93T", "buyer_name": OURS_EN,
    "currency": "USD", "net": D("6720.00"), "tax": D("0"), "total": D("6720.00")}, [D("3840.00"), D("2880.00")]),
"cn_red_credit": ({"kind": "cn_vat_e", "number": "25332000000011223344", "issue_date": date(2025, 9, 3),
    "seller_name": OURS, "seller_tax_id": OUR_TAX_ID, "buyer_name": "深圳市华南电子科技有限公司", "buyer_tax_id": "91440300MA5F9W2L1A",
    "currency": "CNY", "net": D("-1200.00"), "tax": D("-156.00"), "total": D("-1356.00")}, [(D("-1200.00"), D("-156.00"))]),
"trader_remit_invoice": ({"kind": "commercial", "number": "2026-017", "issue_date": date(2026, 2, 20),
    "due_date": date(2026, 3, 22), "seller_name": "Tomasz Nowicki", "buyer_name": OURS_EN, "currency": "USD",
    "net": D("2200.00"), "tax": D("0.00"), "total": D("2200.00")}, [D("1300.00"), D("900.00")]),
}

#: credit notes: read as signed records (document_type credit_note, net, tax and total below zero)
CREDITS = {"credit_note", "cn_red_credit"}
#: fields the reader does not get right today, which must then be left for review (confidence < 0.9):
#: the cloud bill prints no net label (only "Charges")
FOR_REVIEW = {"cloud_bill": {"net"}}
#: item tables not read right today (owned by the line-item table reader): their lines are not asserted here
LINES_NOT_READ: set[str] = set()


@pytest.fixture
def ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.settings import OurCompany, write_our_companies

    path = write_our_companies([
        OurCompany(name=OURS, name_en=OURS_EN, tax_ids=(OUR_TAX_ID,), accounts=OUR_ACCOUNTS),
        OurCompany(name=OURS_HK, name_en=OURS_HK_EN, accounts=OURS_HK_ACCOUNTS),
        OurCompany(name=OURS_IN, tax_ids=(OURS_IN_GSTIN,))], tmp_path / "our_companies.toml")
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(path))


def _build(tmp_path: Path, name: str, items: list[tuple] | None = None) -> Path:
    doc_items, rules, font = DOCS[name]
    return _pdf(tmp_path / f"{name}.pdf", items if items is not None else doc_items, rules, font)


def _read(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    return extract_document(_build(tmp_path, name))


def _same(field: str, got: object, expected: object) -> bool:
    if field.endswith("tax_id") and isinstance(got, str) and isinstance(expected, str):
        return got.replace(" ", "").replace("-", "") == expected.replace("-", "")  # GB 312 4587 73, 91-1646860
    if isinstance(got, str) and isinstance(expected, str):
        return got.casefold() == expected.casefold()  # a letterhead in capitals names the same company
    return got == expected


@pytest.mark.parametrize("name", sorted(DOCS))
def test_held_out_invoice_reads_every_printed_field(tmp_path: Path, ours, name: str) -> None:
    result = _read(tmp_path, name)
    fields, lines = TRUTH[name]
    assert result.kind == "invoice"
    review = FOR_REVIEW.get(name, set())
    wrong = {f: (getattr(result.record, f), v, result.confidence.get(f)) for f, v in fields.items()
             if f not in review and not _same(f, getattr(result.record, f), v)}
    assert not wrong, (wrong, result.warnings)
    for f in review:  # not right: then not reported as sure
        if not _same(f, getattr(result.record, f), fields[f]):
            assert result.confidence.get(f, 0.0) < 0.9, (f, getattr(result.record, f), result.confidence.get(f))
    if lines is not None and name not in LINES_NOT_READ:
        got = [(ln.amount, ln.tax) if isinstance(lines[0], tuple) else ln.amount for ln in result.record.lines]
        assert got == lines
    assert result.record.seller_name != result.record.buyer_name


def test_buyer_and_seller_as_a_grids_column_heads(tmp_path: Path, ours) -> None:
    """购买方/销售方 printed as column heads over 名称/统一社会信用代码 row labels: each row's two values belong to
    the columns. The reading order gave the row's first value (ours) to the buyer, lost the seller's name, and
    the master then swapped our name and tax id onto the seller at 1.0."""
    rec = _read(tmp_path, "cn_grid_columns").record
    assert (rec.buyer_name, rec.buyer_tax_id) == (OURS, OUR_TAX_ID)
    assert (rec.seller_name, rec.seller_tax_id) == ("苏州工业园区鑫达精密机械有限公司", "91320507MA1Y8N2R31")


def test_grid_column_heads_place_the_parties_without_the_master(tmp_path: Path) -> None:
    """With no our-companies master the columns alone tell the sides: no reading-order doubt."""
    result = _read(tmp_path, "cn_grid_columns")
    assert result.record.seller_name == "苏州工业园区鑫达精密机械有限公司" and result.record.buyer_name == OURS
    assert not any("reading order" in w for w in result.warnings)
    assert result.confidence["seller_name"] >= 0.9 and result.confidence["buyer_name"] >= 0.9


def test_a_sellers_name_wrapped_in_its_cell_is_read_whole(tmp_path: Path, ours) -> None:
    """``中国石化销售股份有限公司江苏苏州`` / ``石油分公司``: the first line alone was the seller at 1.0."""
    assert _read(tmp_path, "cn_seller_name_wraps").record.seller_name == "中国石化销售股份有限公司江苏苏州石油分公司"


def test_a_credit_note_is_never_a_positive_total(tmp_path: Path, ours) -> None:
    """A UK credit note (``-£288.00``, a returned-goods line ``2 x 120.00 = -240.00``): it was refused whole (the
    line failed the record's check); read, its total came out +288.00 and its number as ``518`` (the
    buyer's street number); then its amounts were left empty for review. Now it is a credit note with signed
    amounts and the invoice it credits (``Against Invoice``), and so is the 红字 数电 invoice."""
    result = _read(tmp_path, "credit_note")
    rec = result.record
    assert rec.number == "CN-00731" and rec.seller_name == "Galloway Fasteners Ltd"
    assert rec.document_type == "credit_note" and rec.original_number == "INV-10822"
    assert (rec.tax, rec.total) == (D("-48.00"), D("-288.00")) and result.confidence["total"] >= 0.9
    red = _read(tmp_path, "cn_red_credit")  # a 红字 数电 invoice: the same title, negative figures
    assert red.record.document_type == "credit_note" and red.record.total == D("-1356.00")
    assert red.record.original_number == "24332000000045612378" and red.confidence["total"] >= 0.9


def test_one_unreadable_document_does_not_fail_the_batch(tmp_path: Path, ours,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The credit note's line raised a ValidationError, and that failed every document of its batch (each got
    the credit note's error). An unexpected error now costs its document only: one is injected here, a bug
    of ours on one file, since the credit note itself now reads."""
    from extractors.documents import readings

    real = readings.read_best

    def failing(words, second, kind, **options):  # type: ignore[no-untyped-def]
        if (options.get("source") or "").endswith("credit_note.pdf"):
            raise RuntimeError("a bug of ours on this file")
        return real(words, second, kind, **options)

    monkeypatch.setattr(readings, "read_best", failing)
    paths = [_build(tmp_path, "cloud_bill"), _build(tmp_path, "credit_note"), _build(tmp_path, "hk_trading_invoice")]
    out = extract_documents(paths, workers=1)
    assert getattr(out[0], "kind", None) == "invoice" and getattr(out[2], "kind", None) == "invoice"
    assert "a bug of ours" in str(out[1]) and "credit_note.pdf" in str(out[1])
    monkeypatch.setattr(readings, "read_best", real)  # without the fault, the credit note reads too
    assert all(getattr(r, "kind", None) == "invoice" for r in extract_documents(paths, workers=1))


def test_a_code_or_a_rate_is_not_the_tax(tmp_path: Path, ours) -> None:
    """``IGST: 18.0 %`` under a product line, ``Brother TN-2365 Toner`` under it: the tax was read as 2365 at 0.97.
    Then, no tax amount read, net = total and tax 0 were confirmed by their own sum at 0.99 although the
    invoice names IGST. The buyer's GSTIN on the line under its block was lost."""
    result = _read(tmp_path, "india_tax_invoice")
    rec = result.record
    assert rec.tax != D("2365")
    for field, want in (("net", D("12838.13")), ("tax", D("2310.87"))):  # read from the item table, or doubted
        assert getattr(rec, field) == want or result.confidence[field] < 0.9, field
    assert rec.buyer_tax_id == OURS_IN_GSTIN and rec.seller_tax_id == "29AAICA4872D1ZK"


def test_our_name_under_a_suppliers_letterhead_is_the_buyer(tmp_path: Path, ours) -> None:
    """A supplier's English invoice printing our name under its letterhead without ``To``/``Messrs``: the buyer
    was null; it is ours, placed by identity, and left for a look (< 0.9), the parties not swapped."""
    result = _read(tmp_path, "supplier_commercial")
    assert result.record.buyer_name.casefold() == OURS_EN.casefold()
    assert result.record.seller_name == "ZHEJIANG TIANYU HARDWARE CO., LTD."
    assert result.confidence["buyer_name"] < 0.9
    assert not any("swapped" in w for w in result.warnings)


def test_a_remit_to_block_is_not_the_issuer(tmp_path: Path, ours) -> None:
    """A photographer's invoice (his name as the letterhead, no company form) with a factor's ``Remit to``
    block beside it: the factor was the seller at 0.9."""
    result = _read(tmp_path, "trader_remit_invoice")
    assert result.record.seller_name == "Tomasz Nowicki"
    assert _read(tmp_path, "us_sales_tax_invoice").record.seller_name == "HUDSON RIVER LAB SUPPLY, INC."


def test_a_due_date_inside_the_totals_label(tmp_path: Path, ours) -> None:
    """``TOTAL AMOUNT DUE ON August 3 , 2014  $4.11``: the due date was not read."""
    rec = _read(tmp_path, "cloud_bill").record
    assert rec.due_date == date(2014, 8, 3) and rec.total == D("4.11")
