"""A sixth held-out set of invoices (issue 14 §1-§4), written by hand as their issuers print them, not by the
generator: the ``$`` of other currencies (an Argentine factura A with CUIT and IVA 21%, a Chilean factura
electrónica with RUT and pesos without decimals, a Colombian factura with NIT and IVA 19%, a Canadian invoice
with HST and a plain ``$``, a New Zealand tax invoice whose items run over two pages with the header repeated),
a Peruvian factura (RUC, IGV 18%, ``S/``), a Philippine BIR sales invoice (VAT-inclusive, ``Amount Due`` above
``TOTAL AMOUNT DUE``, ₱), a Pakistani sales tax invoice (NTN, STRN, ``Rs.``), a Kenyan KRA invoice (PIN, eTIMS
control unit numbers, a ``Disc %`` column, Ksh), a Nigerian invoice (TIN, VAT 7.5%, ordinal dates, ₦), an
Egyptian e-invoice (tax registration number, ``ج.م``), a Danish faktura (CVR, moms, ``kr.``), a Finnish lasku
(Y-tunnus, ALV 25,5 %, eräpäivä, viitenumero), a Russian счёт-фактура (ИНН/КПП, НДС 20%, ``01 декабря 2026 г.``),
a Ukrainian рахунок на оплату (ЄДРПОУ, ПДВ, грн), a Belgian factuur (BTW BE0… with its mod-97 check), a Chinese
机动车销售统一发票 and a 数电 航空运输电子客票行程单 (票价 + 燃油附加费 + 民航发展基金, VAT computed), and an
Austrian Rechnung with a ``Rabatt %`` column and a negative ``Rabatt`` line, a Uruguayan e-factura (RUT, IVA 22%,
``$``) and a Sri Lankan tax invoice (``Value of Supply``, ``Rs.``). The documents, their truth and our
companies (the five entities of the fourth set; we are the buyer on every one); the tests are in
test_held_out_invoices_6.py."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

from tests.extractors_documents.handmade import OUR_TAX_ID, OURS, OURS_DE, OURS_DE_VAT, OURS_EN
from tests.extractors_documents.held_out_harness import draw_document

_ROWS = [("SA-1001", "Bracket, laser cut S355", 40, "12.50", "500.00"), ("SA-1002", "Bracket, folded S355", 40, "15.00", "600.00"),
         ("SA-1003", "Base plate 200x200x12", 20, "35.00", "700.00"), ("SA-1004", "Gusset 80x80x8", 100, "4.00", "400.00"),
         ("SA-1005", "Shaft collar 40 mm", 50, "9.00", "450.00"), ("SA-1006", "Pin, hardened 12x60", 200, "1.75", "350.00"),
         ("SA-1007", "Bush, bronze 30x40x30", 60, "12.50", "750.00"), ("SA-1008", "Spacer tube 25x3", 80, "5.00", "400.00"),
         ("SA-1009", "Hinge weldment", 10, "85.00", "850.00"), ("SA-1010", "Guard panel, mesh", 12, "75.00", "900.00"),
         ("SA-1011", "Galvanising per kg", 500, "1.20", "600.00"), ("SA-1012", "Crating and packing", 1, "500.00", "500.00")]


def _nz_rows(rows: list[tuple], top: float) -> list[tuple]:
    out: list[tuple] = []
    for i, (sku, desc, qty, price, amount) in enumerate(rows):
        y = top + 6 * i
        out += [(20, y, sku, 8), (45, y, desc, 8), (-135, y, str(qty), 8), (-160, y, price, 8), (-190, y, amount, 8)]
    return out


def _nz_head(page: int) -> list[tuple]:
    return [
        (20, 15, 'Southern Alps Engineering Ltd', 13, 'DVB'), (20, 21, '42 Kaiapoi Road, Christchurch 8011, New Zealand', 8),
        (20, 25, 'GST No. 123-456-789', 8),
        (140, 15, 'TAX INVOICE' if page == 1 else 'TAX INVOICE (continued)', 12 if page == 1 else 10, 'DVB'),
        (130, 34, 'Invoice No.', 8), (160, 34, 'SAE-7781', 8), (130, 39, 'Invoice Date', 8), (160, 39, '1 December 2026', 8),
        (130, 44, 'Page', 8), (160, 44, f'{page} of 2', 8),
        (20, 64, 'Code', 8, 'DVB'), (45, 64, 'Description', 8, 'DVB'), (-135, 64, 'Qty', 8, 'DVB'), (-160, 64, 'Unit Price', 8, 'DVB'),
        (-190, 64, 'Amount', 8, 'DVB'),
    ]


DOCS: dict[str, tuple] = {
# 1. an Argentine factura A: CUIT with its check digit, Punto de Venta / Comp. Nro, IVA 21%, $ with a comma
#    decimal, a CAE's own expiry date beside the payment's
"ar_factura_a": ([
 (20, 15, 'METALÚRGICA ROSARIO S.A.', 11, 'DVB'), (20, 21, 'Av. Circunvalación 25 de Mayo 4120 - Rosario, Santa Fe', 8),
 (20, 25, 'IVA Responsable Inscripto', 8),
 (103, 15, 'A', 18, 'DVB'), (101, 21, 'COD. 01', 6),
 (130, 15, 'FACTURA', 15, 'DVB'),
 (130, 24, 'Punto de Venta: 0003   Comp. Nro: 00001234', 8), (130, 29, 'Fecha de Emisión: 01/12/2026', 8),
 (130, 34, 'CUIT: 30-71234567-1', 8), (130, 38, 'Ingresos Brutos: 021-123456-7', 8),
 (130, 42, 'Fecha de Inicio de Actividades: 01/03/2012', 8),
 (20, 50, 'Apellido y Nombre / Razón Social:', 8), (76, 50, OURS_EN, 8),
 (20, 55, 'Condición frente al IVA: Cliente del Exterior', 8), (20, 60, 'Domicilio: 88 Xinghu Street, Suzhou, China', 8),
 (20, 65, 'Condición de venta: Transferencia bancaria', 8), (120, 65, 'Fecha de Vto. para el pago: 31/12/2026', 8),
 (20, 78, 'Código', 7, 'DVB'), (35, 78, 'Producto / Servicio', 7, 'DVB'), (-100, 78, 'Cantidad', 7, 'DVB'),
 (-122, 78, 'Precio Unit.', 7, 'DVB'), (-135, 78, '% Bonif', 7, 'DVB'), (-155, 78, 'Subtotal', 7, 'DVB'),
 (-168, 78, 'Alícuota', 7, 'DVB'), (-190, 78, 'Subtotal c/IVA', 7, 'DVB'),
 (20, 85, 'MR-080', 7), (35, 85, 'Brida SAE 1045 DN80', 7), (-100, 85, '200,00', 7), (-122, 85, '4.500,00', 7), (-135, 85, '0,00', 7),
 (-155, 85, '900.000,00', 7), (-168, 85, '21%', 7), (-190, 85, '1.089.000,00', 7),
 (20, 91, 'MR-CNC', 7), (35, 91, 'Mecanizado CNC', 7), (-100, 91, '1,00', 7), (-122, 91, '350.000,00', 7), (-135, 91, '0,00', 7),
 (-155, 91, '350.000,00', 7), (-168, 91, '21%', 7), (-190, 91, '423.500,00', 7),
 (115, 108, 'Importe Neto Gravado: $', 8), (-190, 108, '1.250.000,00', 8),
 (115, 113, 'IVA 21%: $', 8), (-190, 113, '262.500,00', 8),
 (115, 118, 'Importe Otros Tributos: $', 8), (-190, 118, '0,00', 8),
 (115, 124, 'Importe Total: $', 9, 'DVB'), (-190, 124, '1.512.500,00', 9, 'DVB'),
 (20, 140, 'CAE N°: 76481234567890', 8), (20, 145, 'Fecha de Vto. de CAE: 11/12/2026', 8),
], [(20, 80, 190, 80), (20, 100, 190, 100), (98, 10, 112, 10), (98, 24, 112, 24), (98, 10, 98, 24), (112, 10, 112, 24),
    (105, 24, 105, 46)], "DV"),

# 2. a Chilean factura electrónica: RUT in the SII box, Folio N°, a date in words with ``del``, pesos without decimals
"cl_factura": ([
 (20, 15, 'MAESTRANZA LOS ANDES SpA', 13, 'DVB'), (20, 21, 'Giro: Fabricación de piezas metálicas', 8),
 (20, 25, 'Av. Américo Vespucio 1501, Quilicura, Santiago', 8),
 (135, 13, 'R.U.T.: 76.543.210-3', 10, 'DVB'), (135, 19, 'FACTURA ELECTRÓNICA', 10, 'DVB'), (135, 25, 'N° 4521', 10, 'DVB'),
 (138, 33, 'S.I.I. - SANTIAGO NORTE', 7),
 (20, 42, 'Fecha Emisión:', 8), (55, 42, '1 de Diciembre del 2026', 8),
 (20, 47, 'Señor(es):', 8), (55, 47, OURS_EN, 8), (20, 52, 'Dirección:', 8), (55, 52, '88 Xinghu Street, Suzhou, China', 8),
 (20, 57, 'Condición de Pago:', 8), (55, 57, '30 días', 8), (120, 57, 'Fecha Vencimiento:', 8), (150, 57, '31/12/2026', 8),
 (20, 70, 'Código', 8, 'DVB'), (40, 70, 'Descripción', 8, 'DVB'), (-125, 70, 'Cantidad', 8, 'DVB'), (-150, 70, 'Precio', 8, 'DVB'),
 (-165, 70, '%Desc.', 8, 'DVB'), (-190, 70, 'Valor', 8, 'DVB'),
 (20, 77, 'EJ-40', 8), (40, 77, 'Eje de transmisión 40Cr', 8), (-125, 77, '10', 8), (-150, 77, '85.000', 8), (-165, 77, '0', 8),
 (-190, 77, '850.000', 8),
 (20, 83, 'TT-01', 8), (40, 83, 'Tratamiento térmico', 8), (-125, 83, '10', 8), (-150, 83, '15.000', 8), (-165, 83, '0', 8),
 (-190, 83, '150.000', 8),
 (130, 100, 'MONTO NETO', 8), (-190, 100, '$ 1.000.000', 8),
 (130, 105, 'I.V.A. 19%', 8), (-190, 105, '$ 190.000', 8),
 (130, 111, 'TOTAL', 9, 'DVB'), (-190, 111, '$ 1.190.000', 9, 'DVB'),
 (20, 125, 'Timbre Electrónico SII · Res. 80 de 2014 · Verifique documento: www.sii.cl', 7),
], [(20, 72, 190, 72), (20, 90, 190, 90)], "DV"),

# 3. a Colombian factura electrónica de venta: NIT with its check digit, CUFE, IVA 19%, $ with a comma decimal
"co_factura": ([
 (20, 15, 'Forjas y Aceros de Antioquia S.A.S.', 13, 'DVB'), (20, 21, 'NIT: 900.456.789-4 · Responsable de IVA', 8),
 (20, 25, 'Carrera 50 # 12 Sur 45, Itagüí, Antioquia, Colombia', 8),
 (125, 15, 'FACTURA ELECTRÓNICA DE VENTA', 9, 'DVB'), (125, 21, 'No. FEV 8812', 9, 'DVB'),
 (125, 30, 'Fecha de emisión:', 8), (160, 30, '2026-12-01', 8), (125, 35, 'Fecha de vencimiento:', 8), (160, 35, '2026-12-31', 8),
 (125, 40, 'Forma de pago:', 8), (160, 40, 'Crédito 30 días', 8),
 (20, 40, 'Adquiriente:', 8, 'DVB'), (20, 45, OURS_EN, 8), (20, 50, '88 Xinghu Street, Suzhou, China', 8),
 (20, 64, 'Descripción', 8, 'DVB'), (-125, 64, 'Cantidad', 8, 'DVB'), (-155, 64, 'Vr. Unitario', 8, 'DVB'), (-190, 64, 'Vr. Total', 8, 'DVB'),
 (20, 71, 'Tubo sin costura ASTM A106 2"', 8), (-125, 71, '100', 8), (-155, 71, '$ 38.000,00', 8), (-190, 71, '$ 3.800.000,00', 8),
 (20, 77, 'Corte y biselado', 8), (-125, 77, '100', 8), (-155, 77, '$ 2.000,00', 8), (-190, 77, '$ 200.000,00', 8),
 (125, 92, 'Subtotal', 8), (-190, 92, '$ 4.000.000,00', 8),
 (125, 97, 'IVA 19%', 8), (-190, 97, '$ 760.000,00', 8),
 (125, 103, 'Total a pagar', 9, 'DVB'), (-190, 103, '$ 4.760.000,00', 9, 'DVB'),
 (20, 118, 'CUFE: 8f3a2b1c9d0e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b', 5),
 (20, 123, 'Resolución DIAN 18764000001234 del 2026-01-15, prefijo FEV, rango 1 al 50000', 7),
], [(20, 66, 190, 66), (20, 84, 190, 84)], "DV"),

# 4. a Canadian invoice from Ontario: HST 13%, a business number with RT, amounts in a plain $
"ca_hst": ([
 (20, 15, 'Lakeshore Tool & Die Ltd.', 13, 'DVB'), (20, 21, '1180 Dundas St E, Mississauga, ON L4Y 2C1', 8),
 (20, 25, 'HST Reg. No. 81234 5676 RT0001', 8),
 (150, 15, 'INVOICE', 15, 'DVB'),
 (130, 34, 'Invoice No.', 8), (160, 34, 'LTD-55120', 8), (130, 39, 'Date', 8), (160, 39, 'Dec 1, 2026', 8),
 (130, 44, 'Due', 8), (160, 44, 'Dec 31, 2026', 8),
 (20, 34, 'Sold To:', 8, 'DVB'), (20, 39, OURS_EN, 8), (20, 43, 'c/o Hengrui Canada Office, 200 Bay St, Toronto, ON M5J 2J2', 8),
 (20, 60, 'Qty', 8, 'DVB'), (35, 60, 'Description', 8, 'DVB'), (-160, 60, 'Unit Price', 8, 'DVB'), (-190, 60, 'Amount', 8, 'DVB'),
 (20, 67, '12', 8), (35, 67, 'Progressive die repair, station 4', 8), (-160, 67, '$450.00', 8), (-190, 67, '$5,400.00', 8),
 (20, 73, '1', 8), (35, 73, 'Freight, Mississauga to Toronto', 8), (-160, 73, '$600.00', 8), (-190, 73, '$600.00', 8),
 (130, 88, 'Subtotal', 8), (-190, 88, '$6,000.00', 8),
 (130, 93, 'HST 13%', 8), (-190, 93, '$780.00', 8),
 (130, 99, 'Total', 9, 'DVB'), (-190, 99, '$6,780.00', 9, 'DVB'),
 (20, 115, 'Payment by EFT: TD Canada Trust, transit 10202, institution 004, account 5212345', 7),
], [(20, 62, 190, 62), (20, 80, 190, 80)], "DV"),

# 5. a Peruvian factura electrónica: RUC box with the serie-número F001-..., Op. Gravada, I.G.V. 18%, S/
"pe_factura": ([
 (20, 15, 'FUNDICIÓN CALLAO S.A.C.', 13, 'DVB'), (20, 21, 'Av. Argentina 3250, Callao, Perú', 8),
 (135, 13, 'R.U.C. 20601234565', 10, 'DVB'), (135, 19, 'FACTURA ELECTRÓNICA', 10, 'DVB'), (138, 25, 'F001-00004512', 10, 'DVB'),
 (20, 40, 'Fecha de Emisión:', 8), (55, 40, '01/12/2026', 8), (110, 40, 'Fecha de Vencimiento:', 8), (150, 40, '31/12/2026', 8),
 (20, 45, 'Señor(es):', 8), (55, 45, OURS_EN, 8), (20, 50, 'Dirección:', 8), (55, 50, '88 Xinghu Street, Suzhou, China', 8),
 (20, 55, 'Tipo de Moneda:', 8), (55, 55, 'SOLES', 8),
 (20, 68, 'Cantidad', 8, 'DVB'), (40, 68, 'Unidad', 8, 'DVB'), (55, 68, 'Descripción', 8, 'DVB'), (-160, 68, 'Valor Unitario', 8, 'DVB'),
 (-190, 68, 'Importe', 8, 'DVB'),
 (20, 75, '50', 8), (40, 75, 'UND', 8), (55, 75, 'Carcasa de bomba fundida', 8), (-160, 75, '320.00', 8), (-190, 75, '16,000.00', 8),
 (20, 81, '50', 8), (40, 81, 'UND', 8), (55, 81, 'Impulsor de bronce', 8), (-160, 81, '80.00', 8), (-190, 81, '4,000.00', 8),
 (130, 96, 'Op. Gravada', 8), (-190, 96, 'S/ 20,000.00', 8),
 (130, 101, 'I.G.V. 18%', 8), (-190, 101, 'S/ 3,600.00', 8),
 (130, 107, 'Importe Total', 9, 'DVB'), (-190, 107, 'S/ 23,600.00', 9, 'DVB'),
 (20, 120, 'SON: VEINTITRÉS MIL SEISCIENTOS Y 00/100 SOLES', 8),
 (20, 125, 'Representación impresa de la Factura Electrónica, consulte en www.sunat.gob.pe', 7),
], [(20, 70, 190, 70), (20, 88, 190, 88)], "DV"),

# 6. a Philippine BIR sales invoice: VAT Reg. TIN, VAT-inclusive prices, ``Amount Due`` (net) above ``TOTAL AMOUNT DUE``
"ph_bir": ([
 (20, 15, 'CEBU PRECISION METALWORKS, INC.', 13, 'DVB'), (20, 21, 'M.C. Briones St., Mandaue City, Cebu 6014, Philippines', 8),
 (20, 25, 'VAT Reg. TIN: 008-123-456-000', 8),
 (140, 15, 'SALES INVOICE', 12, 'DVB'), (140, 21, 'No. 0004512', 10, 'DVB'),
 (20, 38, 'Sold to:', 8), (42, 38, OURS_EN, 8), (130, 38, 'Date:', 8), (145, 38, 'December 1, 2026', 8),
 (20, 43, 'Address:', 8), (42, 43, '88 Xinghu Street, Suzhou, China', 8), (130, 43, 'Terms:', 8), (145, 43, '30 days', 8),
 (20, 48, 'TIN:', 8),
 (20, 60, 'Qty', 8, 'DVB'), (35, 60, 'Unit', 8, 'DVB'), (50, 60, 'Articles', 8, 'DVB'), (-160, 60, 'Unit Price', 8, 'DVB'),
 (-190, 60, 'Amount', 8, 'DVB'),
 (20, 67, '400', 8), (35, 67, 'pcs', 8), (50, 67, 'Stainless bracket SUS304', 8), (-160, 67, '140.00', 8), (-190, 67, '56,000.00', 8),
 (20, 73, '400', 8), (35, 73, 'pcs', 8), (50, 73, 'Powder coating, black', 8), (-160, 73, '28.00', 8), (-190, 73, '11,200.00', 8),
 (20, 90, 'VATable Sales', 7), (-85, 90, '60,000.00', 7), (20, 95, 'VAT-Exempt Sales', 7), (-85, 95, '0.00', 7),
 (20, 100, 'Zero Rated Sales', 7), (-85, 100, '0.00', 7), (20, 105, 'VAT Amount', 7), (-85, 105, '7,200.00', 7),
 (115, 90, 'Total Sales (VAT Inclusive)', 7), (-190, 90, '67,200.00', 7), (115, 95, 'Less: VAT', 7), (-190, 95, '7,200.00', 7),
 (115, 100, 'Amount: Net of VAT', 7), (-190, 100, '60,000.00', 7), (115, 105, 'Less: SC/PWD Discount', 7), (-190, 105, '0.00', 7),
 (115, 110, 'Amount Due', 7), (-190, 110, '60,000.00', 7), (115, 115, 'Add: VAT', 7), (-190, 115, '7,200.00', 7),
 (115, 121, 'TOTAL AMOUNT DUE', 8, 'DVB'), (-190, 121, '₱67,200.00', 8, 'DVB'),
 (20, 135, 'BIR Authority to Print No. 072AU20260000012345 · Date Issued 01/02/2026', 6),
], [(20, 62, 190, 62), (20, 82, 190, 82)], "DV"),

# 7. a Pakistani sales tax invoice: NTN and STRN, 18% in a column, ``Rs.`` (the Pakistani rupee, not the Indian)
"pk_sales_tax": ([
 (20, 15, 'Lahore Engineering Works (Pvt.) Ltd.', 13, 'DVB'), (20, 21, '23-B Kot Lakhpat Industrial Area, Lahore, Pakistan', 8),
 (20, 25, 'NTN: 1234567-8   STRN: 03-04-8761-123-45', 8),
 (135, 15, 'SALES TAX INVOICE', 11, 'DVB'),
 (130, 30, 'Invoice No:', 8), (158, 30, 'LEW/ST/2026/0891', 8), (130, 35, 'Date:', 8), (158, 35, '01-12-2026', 8),
 (20, 38, "Buyer's Name:", 8), (45, 38, OURS_EN, 8), (20, 43, "Buyer's Address:", 8), (45, 43, '88 Xinghu Street, Suzhou, China', 8),
 (20, 48, "Buyer's NTN / STRN:", 8), (50, 48, 'N/A (export)', 8),
 (20, 62, 'S.No', 7, 'DVB'), (30, 62, 'Description', 7, 'DVB'), (-95, 62, 'Qty', 7, 'DVB'), (-125, 62, 'Value Excl. S.Tax', 7, 'DVB'),
 (-137, 62, 'Rate', 7, 'DVB'), (-160, 62, 'Sales Tax', 7, 'DVB'), (-190, 62, 'Value Incl. S.Tax', 7, 'DVB'),
 (20, 69, '1', 7), (30, 69, 'Cast iron pulley 12"', 7), (-95, 69, '150', 7), (-125, 69, '675,000.00', 7), (-137, 69, '18%', 7),
 (-160, 69, '121,500.00', 7), (-190, 69, '796,500.00', 7),
 (20, 75, '2', 7), (30, 75, 'Dynamic balancing', 7), (-95, 75, '150', 7), (-125, 75, '75,000.00', 7), (-137, 75, '18%', 7),
 (-160, 75, '13,500.00', 7), (-190, 75, '88,500.00', 7),
 (110, 90, 'Total Value Excluding Sales Tax', 8), (-190, 90, 'Rs. 750,000.00', 8),
 (110, 95, 'Sales Tax @ 18%', 8), (-190, 95, 'Rs. 135,000.00', 8),
 (110, 101, 'Total Value Including Sales Tax', 9, 'DVB'), (-190, 101, 'Rs. 885,000.00', 9, 'DVB'),
 (20, 115, 'Rupees Eight Hundred Eighty Five Thousand Only', 8),
], [(20, 64, 190, 64), (20, 82, 190, 82)], "DV"),

# 8. a Kenyan KRA tax invoice: PIN, eTIMS control unit serial and invoice numbers, a Disc % column, Ksh
"ke_kra": ([
 (20, 15, 'Thika Steel Fabricators Ltd', 13, 'DVB'), (20, 21, 'P.O. Box 1234-01000, Thika, Kenya', 8),
 (20, 25, 'KRA PIN: P051234567X', 8),
 (150, 15, 'TAX INVOICE', 12, 'DVB'),
 (130, 30, 'Invoice No:', 8), (158, 30, 'TSF/INV/3318', 8), (130, 35, 'Date:', 8), (158, 35, '01/12/2026', 8),
 (130, 40, 'Due Date:', 8), (158, 40, '31/12/2026', 8),
 (20, 34, 'Customer:', 8, 'DVB'), (20, 39, OURS_EN, 8), (20, 43, '88 Xinghu Street, Suzhou, China', 8), (20, 47, 'Customer PIN: -', 8),
 (20, 60, 'Item', 8, 'DVB'), (40, 60, 'Description', 8, 'DVB'), (-120, 60, 'Qty', 8, 'DVB'), (-145, 60, 'Unit Price', 8, 'DVB'),
 (-160, 60, 'Disc %', 8, 'DVB'), (-190, 60, 'Amount', 8, 'DVB'),
 (20, 67, 'TSF-01', 8), (40, 67, 'Steel gate 3 x 2 m', 8), (-120, 67, '4', 8), (-145, 67, '85,000.00', 8), (-160, 67, '10', 8),
 (-190, 67, '306,000.00', 8),
 (20, 73, 'TSF-02', 8), (40, 73, 'Installation', 8), (-120, 73, '1', 8), (-145, 73, '40,000.00', 8), (-160, 73, '0', 8),
 (-190, 73, '40,000.00', 8),
 (125, 88, 'Total Excl. VAT', 8), (-190, 88, '346,000.00', 8),
 (125, 93, 'VAT 16%', 8), (-190, 93, '55,360.00', 8),
 (125, 99, 'Total (Ksh)', 9, 'DVB'), (-190, 99, '401,360.00', 9, 'DVB'),
 (20, 112, 'CU Serial No: KRACU0100001234', 7), (20, 116, 'CU Invoice No: 0100001234000004512', 7),
 (20, 122, 'M-Pesa Paybill 522522 · Account 1234567890 (KCB Thika)', 7),
], [(20, 62, 190, 62), (20, 80, 190, 80)], "DV"),

# 9. a Nigerian invoice: RC and TIN, VAT 7.5%, ordinal dates (``1st December, 2026``), ₦
"ng_invoice": ([
 (20, 15, 'Lagos Industrial Valves Limited', 13, 'DVB'), (20, 21, '14 Oba Akran Avenue, Ikeja, Lagos, Nigeria', 8),
 (20, 25, 'RC 1234567 · TIN: 12345678-0001', 8),
 (150, 15, 'INVOICE', 15, 'DVB'),
 (130, 30, 'Invoice No:', 8), (160, 30, 'LIV-26-0412', 8), (130, 35, 'Invoice Date:', 8), (160, 35, '1st December, 2026', 8),
 (130, 40, 'Due Date:', 8), (160, 40, '31st December, 2026', 8),
 (20, 34, 'Bill To:', 8, 'DVB'), (20, 39, OURS_EN, 8), (20, 43, '88 Xinghu Street, Suzhou, China', 8),
 (20, 60, 'Description', 8, 'DVB'), (-125, 60, 'Qty', 8, 'DVB'), (-155, 60, 'Rate', 8, 'DVB'), (-190, 60, 'Amount', 8, 'DVB'),
 (20, 67, 'Gate valve 4" PN16', 8), (-125, 67, '20', 8), (-155, 67, '₦185,000.00', 8), (-190, 67, '₦3,700,000.00', 8),
 (20, 73, 'Hydrostatic pressure test', 8), (-125, 73, '20', 8), (-155, 73, '₦15,000.00', 8), (-190, 73, '₦300,000.00', 8),
 (125, 88, 'Sub Total', 8), (-190, 88, '₦4,000,000.00', 8),
 (125, 93, 'VAT (7.5%)', 8), (-190, 93, '₦300,000.00', 8),
 (125, 99, 'Total', 9, 'DVB'), (-190, 99, '₦4,300,000.00', 9, 'DVB'),
 (20, 112, 'Bank: Zenith Bank Plc · Account No: 1012345678 · Lagos Industrial Valves Limited', 7),
], [(20, 62, 190, 62), (20, 80, 190, 80)], "DV"),

# 10. an Egyptian e-invoice (ETA printout): Tax Registration Number, Internal ID, UUID, T1 14%, ج.م
"eg_einvoice": ([
 (20, 15, 'Delta Precision Castings S.A.E.', 13, 'DVB'), (20, 21, 'Industrial Zone B3, 10th of Ramadan City, Sharqia, Egypt', 8),
 (20, 25, 'Tax Registration Number: 123-456-789', 8),
 (145, 15, 'E-INVOICE', 13, 'DVB'), (145, 21, 'فاتورة ضريبية', 10),
 (120, 32, 'Internal ID:', 8), (150, 32, 'DPC-2026-771', 8), (120, 37, 'Issuance Date:', 8), (150, 37, '01/12/2026', 8),
 (120, 42, 'UUID:', 7), (133, 42, '3KF7X2P9QW8M1TZ6R4YB0NCEJG', 7),
 (20, 35, 'Receiver', 8, 'DVB'), (20, 40, OURS_EN, 8), (20, 44, 'Type: Foreign · China', 8),
 (20, 60, 'Code', 8, 'DVB'), (40, 60, 'Description', 8, 'DVB'), (-125, 60, 'Quantity', 8, 'DVB'), (-155, 60, 'Unit Price', 8, 'DVB'),
 (-190, 60, 'Total', 8, 'DVB'),
 (20, 67, 'EG-1120', 8), (40, 67, 'Ductile iron housing GGG50', 8), (-125, 67, '100', 8), (-155, 67, '1,250.00', 8),
 (-190, 67, '125,000.00', 8),
 (120, 84, 'Total Sales', 8), (-190, 84, '125,000.00 ج.م', 8),
 (120, 89, 'Total Discount', 8), (-190, 89, '0.00 ج.م', 8),
 (120, 94, 'Net Amount', 8), (-190, 94, '125,000.00 ج.م', 8),
 (120, 99, 'Value Added Tax (T1) 14%', 8), (-190, 99, '17,500.00 ج.م', 8),
 (120, 105, 'Total Amount', 9, 'DVB'), (-190, 105, '142,500.00 ج.م', 9, 'DVB'),
], [(20, 62, 190, 62), (20, 76, 190, 76)], "DV"),

# 11. a Danish faktura: CVR-nr. with its mod-11 check, moms 25%, ``At betale kr.``
"dk_faktura": ([
 (20, 15, 'Fynsk Metalvarefabrik ApS', 13, 'DVB'), (20, 21, 'Industrivej 14, 5260 Odense S, Danmark', 8),
 (20, 25, 'CVR-nr. 28651317', 8),
 (150, 15, 'FAKTURA', 15, 'DVB'),
 (130, 30, 'Fakturanr.', 8), (160, 30, '20261187', 8), (130, 35, 'Fakturadato', 8), (160, 35, '01.12.2026', 8),
 (130, 40, 'Forfaldsdato', 8), (160, 40, '31.12.2026', 8), (130, 45, 'Kundenr.', 8), (160, 45, '10442', 8),
 (20, 34, OURS_DE, 9), (20, 39, 'Hafenstraße 12, 28217 Bremen, Tyskland', 8), (20, 43, 'Moms-nr. ' + OURS_DE_VAT, 8),
 (20, 60, 'Varenr.', 8, 'DVB'), (40, 60, 'Beskrivelse', 8, 'DVB'), (-130, 60, 'Antal', 8, 'DVB'), (-160, 60, 'Enhedspris', 8, 'DVB'),
 (-190, 60, 'Beløb', 8, 'DVB'),
 (20, 67, 'FM-220', 8), (40, 67, 'Svejset beslag, galv.', 8), (-130, 67, '300', 8), (-160, 67, '45,00', 8), (-190, 67, '13.500,00', 8),
 (20, 73, 'FM-310', 8), (40, 73, 'Monteringssæt', 8), (-130, 73, '300', 8), (-160, 73, '5,00', 8), (-190, 73, '1.500,00', 8),
 (125, 88, 'Subtotal', 8), (-190, 88, '15.000,00', 8),
 (125, 93, 'Moms 25%', 8), (-190, 93, '3.750,00', 8),
 (125, 99, 'At betale kr.', 9, 'DVB'), (-190, 99, '18.750,00', 9, 'DVB'),
 (20, 112, 'Betalingsbetingelser: Netto 30 dage · Bank: Reg.nr. 5301 Kontonr. 0001234567', 7),
], [(20, 62, 190, 62), (20, 80, 190, 80)], "DV"),

# 12. a Finnish lasku: Y-tunnus with its check, ALV 25,5 %, eräpäivä, a viitenumero beside the number
"fi_lasku": ([
 (20, 15, 'Pirkanmaan Konepaja Oy', 13, 'DVB'), (20, 21, 'Hatanpään valtatie 34, 33100 Tampere', 8),
 (20, 25, 'Y-tunnus 2614533-9 · ALV rek.', 8),
 (150, 15, 'LASKU', 15, 'DVB'),
 (125, 30, 'Laskun numero', 8), (160, 30, '40871', 8), (125, 35, 'Laskun päivämäärä', 8), (160, 35, '1.12.2026', 8),
 (125, 40, 'Eräpäivä', 8), (160, 40, '31.12.2026', 8), (125, 45, 'Viitenumero', 8), (160, 45, '40 8712', 8),
 (125, 50, 'Maksuehto', 8), (160, 50, '30 pv netto', 8),
 (20, 34, OURS_DE, 9), (20, 39, 'Hafenstraße 12, 28217 Bremen, Saksa', 8), (20, 43, 'ALV-tunniste ' + OURS_DE_VAT, 8),
 (20, 64, 'Tuote', 8, 'DVB'), (40, 64, 'Kuvaus', 8, 'DVB'), (-120, 64, 'Määrä', 8, 'DVB'), (-145, 64, 'Yksikköhinta', 8, 'DVB'),
 (-160, 64, 'ALV %', 8, 'DVB'), (-190, 64, 'Yhteensä', 8, 'DVB'),
 (20, 71, 'HS-80', 8), (40, 71, 'Hydraulisylinteri HS-80', 8), (-120, 71, '10', 8), (-145, 71, '1 200,00', 8), (-160, 71, '25,5', 8),
 (-190, 71, '12 000,00', 8),
 (20, 77, 'AT-01', 8), (40, 77, 'Asennustarvikkeet', 8), (-120, 77, '10', 8), (-145, 77, '80,00', 8), (-160, 77, '25,5', 8),
 (-190, 77, '800,00', 8),
 (125, 92, 'Veroton yhteensä', 8), (-190, 92, '12 800,00', 8),
 (125, 97, 'ALV 25,5 %', 8), (-190, 97, '3 264,00', 8),
 (125, 103, 'Yhteensä', 9, 'DVB'), (-190, 103, '16 064,00 €', 9, 'DVB'),
 (20, 118, 'IBAN FI21 1234 5600 0007 85 · BIC NDEAFIHH', 7),
], [(20, 66, 190, 66), (20, 84, 190, 84)], "DV"),

# 13. a Russian счёт-фактура: number and date on the title line, ИНН/КПП of both, НДС 20%, ``Всего к оплате``
"ru_schet_faktura": ([
 (20, 15, 'СЧЕТ-ФАКТУРА № 1187 от 01 декабря 2026 г.', 12, 'DVB'), (20, 21, 'ИСПРАВЛЕНИЕ № -- от --', 8),
 (20, 30, 'Продавец: ООО «Уральский литейный завод»', 8),
 (20, 35, 'Адрес: 620026, г. Екатеринбург, ул. Куйбышева, д. 44', 8),
 (20, 40, 'ИНН/КПП продавца: 6671234569/667101001', 8),
 (20, 45, 'Грузоотправитель и его адрес: он же', 8), (20, 50, 'Грузополучатель и его адрес: ' + OURS_DE + ', Бремен', 8),
 (20, 55, 'Покупатель: ' + OURS_DE, 8), (20, 60, 'Адрес: Hafenstraße 12, 28217 Bremen, Германия', 8),
 (20, 65, 'ИНН/КПП покупателя:', 8), (20, 70, 'Валюта: наименование, код: Российский рубль, 643', 8),
 (20, 82, 'Наименование товара', 7, 'DVB'), (-88, 82, 'Ед.', 7, 'DVB'), (-102, 82, 'Кол-во', 7, 'DVB'), (-118, 82, 'Цена', 7, 'DVB'),
 (-142, 79, 'Стоимость', 7, 'DVB'), (-142, 82, 'без налога', 7, 'DVB'), (-153, 82, 'Ставка', 7, 'DVB'),
 (-170, 79, 'Сумма', 7, 'DVB'), (-170, 82, 'налога', 7, 'DVB'),
 (-192, 82, 'С налогом', 7, 'DVB'),
 (20, 89, 'Корпус задвижки чугунный', 7), (-88, 89, 'шт', 7), (-102, 89, '100', 7), (-118, 89, '2 500,00', 7),
 (-142, 89, '250 000,00', 7), (-153, 89, '20%', 7), (-170, 89, '50 000,00', 7), (-192, 89, '300 000,00', 7),
 (20, 97, 'Всего к оплате', 7, 'DVB'), (-142, 97, '250 000,00', 7, 'DVB'), (-170, 97, '50 000,00', 7, 'DVB'),
 (-192, 97, '300 000,00', 7, 'DVB'),
 (20, 112, 'Руководитель организации ______ Петров А.В.     Главный бухгалтер ______ Иванова Е.С.', 7),
], [(20, 75, 190, 75), (20, 84, 190, 84), (20, 93, 190, 93), (20, 100, 190, 100)], "DV"),

# 14. a Ukrainian рахунок на оплату: код за ЄДРПОУ and ІПН, ``від 01 грудня 2026 р.``, ПДВ 20%, грн
"ua_rakhunok": ([
 (20, 15, 'Рахунок на оплату № 452 від 01 грудня 2026 р.', 12, 'DVB'),
 (20, 28, 'Постачальник:', 8), (50, 28, 'ТОВ «Харківметалпром»', 8, 'DVB'),
 (50, 33, 'код за ЄДРПОУ 38154672, ІПН 381546720358', 8), (50, 38, '61001, м. Харків, вул. Плеханівська, 92', 8),
 (50, 43, 'IBAN UA213223130000026007233566001, АТ «Укрсиббанк»', 8),
 (20, 50, 'Покупець:', 8), (50, 50, OURS_DE, 8, 'DVB'), (50, 55, 'Hafenstraße 12, 28217 Bremen, Німеччина', 8),
 (20, 67, '№', 8, 'DVB'), (28, 67, 'Товари (роботи, послуги)', 8, 'DVB'), (-125, 67, 'Кіл-сть', 8, 'DVB'), (-135, 67, 'Од.', 8, 'DVB'),
 (-160, 67, 'Ціна без ПДВ', 8, 'DVB'), (-190, 67, 'Сума без ПДВ', 8, 'DVB'),
 (20, 74, '1', 8), (28, 74, 'Фланець сталевий DN100', 8), (-125, 74, '200', 8), (-135, 74, 'шт', 8), (-160, 74, '450,00', 8),
 (-190, 74, '90 000,00', 8),
 (20, 80, '2', 8), (28, 80, 'Болт М16х70', 8), (-125, 80, '1600', 8), (-135, 80, 'шт', 8), (-160, 80, '12,50', 8),
 (-190, 80, '20 000,00', 8),
 (130, 95, 'Разом:', 8), (-190, 95, '110 000,00', 8),
 (130, 100, 'Сума ПДВ:', 8), (-190, 100, '22 000,00', 8),
 (130, 106, 'Всього із ПДВ:', 9, 'DVB'), (-190, 106, '132 000,00', 9, 'DVB'),
 (20, 118, 'Всього на суму: Сто тридцять дві тисячі гривень 00 копійок', 8), (20, 123, 'у т.ч. ПДВ: 22 000,00 грн.', 8),
], [(20, 69, 190, 69), (20, 87, 190, 87)], "DV"),

# 15. a Belgian factuur: BTW BE 0412.345.614 (mod 97), Vervaldag, ``Te betalen``
"be_factuur": ([
 (20, 15, 'Antwerpse Draaierij NV', 13, 'DVB'), (20, 21, 'Noorderlaan 133, 2030 Antwerpen, België', 8),
 (20, 25, 'BTW BE 0412.345.614 · RPR Antwerpen', 8),
 (150, 15, 'FACTUUR', 15, 'DVB'),
 (130, 30, 'Factuurnr.:', 8), (158, 30, '26/0318', 8), (130, 35, 'Datum:', 8), (158, 35, '01/12/2026', 8),
 (130, 40, 'Vervaldag:', 8), (158, 40, '31/12/2026', 8),
 (20, 34, 'Klant:', 8, 'DVB'), (20, 39, OURS_DE, 9), (20, 43, 'Hafenstraße 12, 28217 Bremen, Duitsland', 8),
 (20, 47, 'BTW ' + OURS_DE_VAT, 8),
 (20, 60, 'Omschrijving', 8, 'DVB'), (-120, 60, 'Aantal', 8, 'DVB'), (-145, 60, 'Eenheidsprijs', 8, 'DVB'), (-160, 60, 'BTW', 8, 'DVB'),
 (-190, 60, 'Totaal excl. BTW', 8, 'DVB'),
 (20, 67, 'Gedraaide as Ø40 x 300, C45', 8), (-120, 67, '250', 8), (-145, 67, '€ 36,00', 8), (-160, 67, '21%', 8),
 (-190, 67, '€ 9.000,00', 8),
 (20, 73, 'Verpakking en palletisering', 8), (-120, 73, '1', 8), (-145, 73, '€ 150,00', 8), (-160, 73, '21%', 8),
 (-190, 73, '€ 150,00', 8),
 (125, 88, 'Totaal excl. BTW', 8), (-190, 88, '€ 9.150,00', 8),
 (125, 93, 'BTW 21%', 8), (-190, 93, '€ 1.921,50', 8),
 (125, 99, 'Te betalen', 9, 'DVB'), (-190, 99, '€ 11.071,50', 9, 'DVB'),
 (20, 112, 'Gelieve te betalen op BE68 5390 0754 7034 met vermelding van het factuurnummer.', 7),
], [(20, 62, 190, 62), (20, 80, 190, 80)], "DV"),

# 16. a 机动车销售统一发票: a grid of vehicle fields (车辆识别代号 of 17 characters), 不含税价, 价税合计 大写/小写
"cn_jidongche": ([
 (70, 14, '机动车销售统一发票', 15), (88, 21, '发 票 联', 9),
 (20, 30, '开票日期', 8), (38, 30, '2026-12-01', 8), (110, 30, '发票代码', 8), (128, 30, '132052160011', 8),
 (110, 35, '发票号码', 8), (128, 35, '00451287', 8), (20, 35, '机打代码', 8), (38, 35, '132052160011', 8),
 (20, 40, '机打号码', 8), (38, 40, '00451287', 8), (110, 40, '机器编号', 8), (128, 40, '661234567890', 8),
 (20, 50, '购买方名称及身份证号码/组织机构代码', 7), (75, 50, OURS, 8),
 (20, 56, '纳税人识别号/统一社会信用代码', 7), (75, 56, OUR_TAX_ID, 8),
 (20, 62, '车辆类型', 7), (38, 62, '内燃平衡重式叉车', 7), (80, 62, '厂牌型号', 7), (96, 62, '合力牌CPCD30', 7),
 (135, 62, '产地', 7), (145, 62, '安徽合肥', 7),
 (20, 68, '合格证号', 7), (38, 68, 'WAH1234567890', 7), (80, 68, '发动机号码', 7), (100, 68, 'C240-2612345', 7),
 (20, 74, '车辆识别代号/车架号码', 7), (60, 74, 'LHC7A2B31N0123456', 7),
 (20, 82, '价税合计', 8), (40, 82, '⊗壹拾伍万捌仟贰佰圆整', 8), (130, 82, '小写', 8), (142, 82, '¥158200.00', 8),
 (20, 90, '销货单位名称', 7), (45, 90, '苏州工业园区众诚机械设备销售有限公司', 7),
 (120, 90, '电话', 7), (130, 90, '0512-62581234', 7),
 (20, 96, '纳税人识别号', 7), (45, 96, '91320594MA1TQ8R2XQ', 7), (120, 96, '账号', 7), (130, 96, '10551201040012345', 7),
 (20, 102, '地址', 7), (45, 102, '苏州工业园区唯亭镇青丘街 19 号', 7), (120, 102, '开户银行', 7), (135, 102, '中国农业银行苏州园区支行', 7),
 (20, 108, '增值税税率或征收率', 7), (52, 108, '13%', 7), (65, 108, '增值税税额', 7), (85, 108, '¥18200.00', 7),
 (115, 108, '主管税务机关及代码', 7), (148, 108, '国家税务总局苏州工业园区税务局 13205940000', 6),
 (20, 114, '不含税价', 7), (40, 114, '小写', 7), (50, 114, '¥140000.00', 7), (85, 114, '完税凭证号码', 7),
 (115, 114, '吨位', 7), (125, 114, '3', 7), (140, 114, '限乘人数', 7), (158, 114, '1', 7),
 (20, 124, '销货单位盖章', 7), (80, 124, '开票人：李敏', 7), (130, 124, '备注：一车一票', 7),
], [(18, 46, 192, 46), (18, 78, 192, 78), (18, 86, 192, 86), (18, 118, 192, 118)], "WQ"),

# 17. a 数电 航空运输电子客票行程单: fare + fuel surcharge (VAT 9% inside) + 民航发展基金 (no VAT) = 合计
"cn_air_itinerary": ([
 (45, 14, '电子发票（航空运输电子客票行程单）', 13),
 (140, 24, '发票号码：', 8), (158, 24, '26312000000087654321', 8), (140, 29, '开票日期：', 8), (158, 29, '2026年12月01日', 8),
 (20, 24, '国内国际标识：国内', 8),
 (20, 36, '旅客姓名：王丽', 8), (80, 36, '有效身份证件号码：320502199001011234', 8),
 (20, 42, '购买方名称：', 8), (42, 42, OURS, 8), (110, 42, '统一社会信用代码/纳税人识别号：', 8), (160, 42, OUR_TAX_ID, 7),
 (20, 54, '自', 7), (28, 54, '至', 7), (40, 54, '承运人', 7), (55, 54, '航班号', 7), (72, 54, '座位等级', 7), (88, 54, '日期', 7),
 (108, 54, '时间', 7), (122, 54, '客票级别/客票类别', 7), (152, 54, '免费行李', 7),
 (20, 60, '上海浦东', 7), (28, 66, '深圳', 7), (40, 60, '东航', 7), (55, 60, 'MU5331', 7), (72, 60, 'Y', 7), (88, 60, '2026-12-03', 7),
 (108, 60, '08:30', 7), (122, 60, 'Y', 7), (152, 60, '20K', 7),
 (20, 78, '票价', 7), (35, 78, '燃油附加费', 7), (55, 78, '增值税税率', 7), (75, 78, '增值税税额', 7), (95, 78, '民航发展基金', 7),
 (118, 78, '其他税费', 7), (140, 78, '合计', 7),
 (20, 84, '1,230.00', 7), (35, 84, '120.00', 7), (55, 84, '9%', 7), (75, 84, '111.47', 7), (95, 84, '50.00', 7), (118, 84, '0.00', 7),
 (140, 84, '1,400.00', 7),
 (20, 94, '电子客票号码：7812345678901', 7), (80, 94, '验证码：4821', 7), (120, 94, '保险费：', 7),
 (20, 100, '销售网点代号：SHA999', 7), (80, 100, '填开单位：中国东方航空股份有限公司', 7), (150, 100, '填开日期：2026-12-01', 7),
], [(18, 50, 192, 50), (18, 72, 192, 72), (18, 90, 192, 90)], "WQ"),

# 18. a New Zealand tax invoice whose items run over two pages: letterhead, number and column head repeated
"nz_two_pages": (
 [*_nz_head(1),
  (20, 34, 'Bill To:', 8, 'DVB'), (20, 39, OURS_EN, 8), (20, 43, '88 Xinghu Street, Suzhou, China', 8),
  (130, 49, 'Due Date', 8), (160, 49, '20 January 2027', 8),
  *_nz_rows(_ROWS[:8], 71),
  (120, 125, 'Continued on page 2', 7)],
 [(20, 66, 190, 66)], "DV",
 (([*_nz_head(2), *_nz_rows(_ROWS[8:], 71),
    (125, 102, 'Subtotal', 8), (-190, 102, '$7,000.00', 8),
    (125, 107, 'GST 15%', 8), (-190, 107, '$1,050.00', 8),
    (125, 113, 'Total Due', 9, 'DVB'), (-190, 113, '$8,050.00', 9, 'DVB'),
    (20, 126, 'Direct credit: ANZ 01-0802-0123456-00 · Southern Alps Engineering Ltd', 7)],
   [(20, 66, 190, 66), (20, 96, 190, 96)]),),
),

# 19. an Austrian Rechnung: UID ATU…, a Rabatt % column, a negative ``Rabatt`` line, USt 20%
"at_rabatt": ([
 (20, 15, 'Steirische Präzisionsteile GmbH', 13, 'DVB'), (20, 21, 'Industriestraße 8, 8020 Graz, Österreich', 8),
 (20, 25, 'UID: ATU65432105 · FN 123456a · Landesgericht Graz', 8),
 (150, 15, 'RECHNUNG', 14, 'DVB'),
 (130, 30, 'Rechnungsnr.', 8), (160, 30, '2026-04471', 8), (130, 35, 'Rechnungsdatum', 8), (160, 35, '01.12.2026', 8),
 (130, 40, 'Fällig am', 8), (160, 40, '31.12.2026', 8),
 (20, 34, OURS_DE, 9), (20, 39, 'Hafenstraße 12, 28217 Bremen, Deutschland', 8), (20, 43, 'UID-Nr. ' + OURS_DE_VAT, 8),
 (20, 60, 'Pos', 8, 'DVB'), (30, 60, 'Bezeichnung', 8, 'DVB'), (-120, 60, 'Menge', 8, 'DVB'), (-145, 60, 'Einzelpreis', 8, 'DVB'),
 (-162, 60, 'Rabatt %', 8, 'DVB'), (-190, 60, 'Gesamtpreis', 8, 'DVB'),
 (20, 67, '1', 8), (30, 67, 'Drehteil 1.4305 Ø25', 8), (-120, 67, '1.000', 8), (-145, 67, '4,80', 8), (-162, 67, '10', 8),
 (-190, 67, '4.320,00', 8),
 (20, 73, '2', 8), (30, 73, 'Frästeil AlMg3', 8), (-120, 73, '500', 8), (-145, 73, '9,60', 8), (-162, 73, '5', 8),
 (-190, 73, '4.560,00', 8),
 (20, 79, '3', 8), (30, 79, 'Rabatt Jahresvereinbarung', 8), (-120, 79, '1', 8), (-145, 79, '-380,00', 8),
 (-190, 79, '-380,00', 8),
 (125, 94, 'Nettobetrag', 8), (-190, 94, '8.500,00', 8),
 (125, 99, 'USt 20%', 8), (-190, 99, '1.700,00', 8),
 (125, 105, 'Rechnungsbetrag EUR', 9, 'DVB'), (-190, 105, '10.200,00', 9, 'DVB'),
 (20, 118, 'Zahlbar bis 31.12.2026 ohne Abzug · IBAN AT61 1904 3002 3457 3201', 7),
], [(20, 62, 190, 62), (20, 86, 190, 86)], "DV"),

# 20. a Uruguayan e-factura: RUT of 12 digits, IVA 22% (tasa básica), $ of Uruguayan pesos
"uy_efactura": ([
 (20, 15, 'Metalúrgica del Plata S.A.', 13, 'DVB'), (20, 21, 'Camino Carrasco 5600, Montevideo, Uruguay', 8),
 (135, 13, 'RUT 214356780017', 10, 'DVB'), (135, 19, 'e-Factura', 10, 'DVB'), (135, 25, 'Serie A N° 0004512', 10, 'DVB'),
 (20, 40, 'Fecha:', 8), (45, 40, '01/12/2026', 8), (110, 40, 'Vencimiento:', 8), (140, 40, '31/12/2026', 8),
 (20, 45, 'Cliente:', 8), (45, 45, OURS_EN, 8), (20, 50, 'Moneda:', 8), (45, 50, 'Pesos uruguayos', 8),
 (20, 64, 'Descripción', 8, 'DVB'), (-130, 64, 'Cantidad', 8, 'DVB'), (-160, 64, 'Precio', 8, 'DVB'), (-190, 64, 'Importe', 8, 'DVB'),
 (20, 71, 'Perfil de acero galvanizado', 8), (-130, 71, '100', 8), (-160, 71, '$ 1.250,00', 8), (-190, 71, '$ 125.000,00', 8),
 (125, 86, 'Subtotal gravado 22%', 8), (-190, 86, '$ 125.000,00', 8),
 (125, 91, 'IVA 22%', 8), (-190, 91, '$ 27.500,00', 8),
 (125, 97, 'Total a pagar', 9, 'DVB'), (-190, 97, '$ 152.500,00', 9, 'DVB'),
], [(20, 66, 190, 66), (20, 78, 190, 78)], "DV"),

# 21. a Sri Lankan tax invoice: TIN and VAT No., VAT 18%, Rs.
"lk_tax_invoice": ([
 (20, 15, 'Lanka Precision Engineering (Pvt) Ltd', 13, 'DVB'), (20, 21, '45 Old Road, Ratmalana, Sri Lanka', 8),
 (20, 25, 'TIN: 134567890 · VAT Reg. No. 134567890-7000', 8),
 (150, 15, 'TAX INVOICE', 12, 'DVB'),
 (130, 30, 'Invoice No:', 8), (158, 30, 'LPE/26/0771', 8), (130, 35, 'Date:', 8), (158, 35, '01.12.2026', 8),
 (20, 34, 'Purchaser:', 8, 'DVB'), (20, 39, OURS_EN, 8), (20, 43, '88 Xinghu Street, Suzhou, China', 8),
 (20, 60, 'Description', 8, 'DVB'), (-130, 60, 'Qty', 8, 'DVB'), (-160, 60, 'Unit Price', 8, 'DVB'), (-190, 60, 'Amount', 8, 'DVB'),
 (20, 67, 'Rubber-bonded bush', 8), (-130, 67, '500', 8), (-160, 67, '1,200.00', 8), (-190, 67, '600,000.00', 8),
 (125, 82, 'Value of Supply', 8), (-190, 82, 'Rs. 600,000.00', 8),
 (125, 87, 'VAT 18%', 8), (-190, 87, 'Rs. 108,000.00', 8),
 (125, 93, 'Total Amount Payable', 9, 'DVB'), (-190, 93, 'Rs. 708,000.00', 9, 'DVB'),
], [(20, 62, 190, 62), (20, 74, 190, 74)], "DV"),
}

TRUTH: dict[str, dict] = {
"ar_factura_a": {"number": ("0003-00001234", "00001234", "0003 00001234", "000300001234"), "issue_date": date(2026, 12, 1),
    "due_date": date(2026, 12, 31), "seller_name": "METALÚRGICA ROSARIO S.A.", "seller_tax_id": "30712345671",
    "buyer_name": OURS_EN, "buyer_tax_id": None, "currency": "ARS", "net": D("1250000.00"), "tax": D("262500.00"),
    "total": D("1512500.00")},
"cl_factura": {"number": "4521", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "MAESTRANZA LOS ANDES SpA", "seller_tax_id": "765432103", "buyer_name": OURS_EN, "buyer_tax_id": None,
    "currency": "CLP", "net": D("1000000"), "tax": D("190000"), "total": D("1190000")},
"co_factura": {"number": ("FEV 8812", "FEV8812"), "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Forjas y Aceros de Antioquia S.A.S.", "seller_tax_id": ("9004567894", "900456789"), "buyer_name": OURS_EN,
    "buyer_tax_id": None, "currency": "COP", "net": D("4000000.00"), "tax": D("760000.00"), "total": D("4760000.00")},
"ca_hst": {"number": "LTD-55120", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Lakeshore Tool & Die Ltd.", "seller_tax_id": "812345676RT0001", "buyer_name": OURS_EN, "buyer_tax_id": None,
    "currency": "CAD", "net": D("6000.00"), "tax": D("780.00"), "total": D("6780.00")},
"pe_factura": {"number": ("F001-00004512", "F00100004512"), "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "FUNDICIÓN CALLAO S.A.C.", "seller_tax_id": "20601234565", "buyer_name": OURS_EN, "buyer_tax_id": None,
    "currency": "PEN", "net": D("20000.00"), "tax": D("3600.00"), "total": D("23600.00")},
"ph_bir": {"number": "0004512", "issue_date": date(2026, 12, 1), "seller_name": "CEBU PRECISION METALWORKS, INC.",
    "seller_tax_id": ("008123456000", "008123456"), "buyer_name": OURS_EN, "buyer_tax_id": None, "currency": "PHP",
    "net": D("60000.00"), "tax": D("7200.00"), "total": D("67200.00")},
"pk_sales_tax": {"number": "LEW/ST/2026/0891", "issue_date": date(2026, 12, 1), "seller_name": "Lahore Engineering Works (Pvt.) Ltd.",
    "seller_tax_id": ("12345678", "0304876112345"), "buyer_name": OURS_EN, "buyer_tax_id": None, "currency": "PKR",
    "net": D("750000.00"), "tax": D("135000.00"), "total": D("885000.00")},
"ke_kra": {"number": "TSF/INV/3318", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Thika Steel Fabricators Ltd", "seller_tax_id": "P051234567X", "buyer_name": OURS_EN, "buyer_tax_id": None,
    "currency": "KES", "net": D("346000.00"), "tax": D("55360.00"), "total": D("401360.00")},
"ng_invoice": {"number": "LIV-26-0412", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Lagos Industrial Valves Limited", "seller_tax_id": "123456780001", "buyer_name": OURS_EN, "buyer_tax_id": None,
    "currency": "NGN", "net": D("4000000.00"), "tax": D("300000.00"), "total": D("4300000.00")},
"eg_einvoice": {"number": "DPC-2026-771", "issue_date": date(2026, 12, 1), "seller_name": "Delta Precision Castings S.A.E.",
    "seller_tax_id": "123456789", "buyer_name": OURS_EN, "buyer_tax_id": None, "currency": "EGP", "net": D("125000.00"),
    "tax": D("17500.00"), "total": D("142500.00")},
"dk_faktura": {"number": "20261187", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Fynsk Metalvarefabrik ApS", "seller_tax_id": ("28651317", "DK28651317"), "buyer_name": OURS_DE,
    "buyer_tax_id": OURS_DE_VAT, "currency": "DKK", "net": D("15000.00"), "tax": D("3750.00"), "total": D("18750.00")},
"fi_lasku": {"number": "40871", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Pirkanmaan Konepaja Oy", "seller_tax_id": ("26145339", "FI26145339"), "buyer_name": OURS_DE,
    "buyer_tax_id": OURS_DE_VAT, "currency": "EUR", "net": D("12800.00"), "tax": D("3264.00"), "total": D("16064.00")},
"ru_schet_faktura": {"number": "1187", "issue_date": date(2026, 12, 1),
    "seller_name": ("ООО «Уральский литейный завод»", 'ООО "Уральский литейный завод"'),
    "seller_tax_id": ("6671234569", "6671234569667101001"), "buyer_name": OURS_DE, "buyer_tax_id": None, "currency": "RUB",
    "net": D("250000.00"), "tax": D("50000.00"), "total": D("300000.00")},
"ua_rakhunok": {"number": "452", "issue_date": date(2026, 12, 1), "seller_name": ("ТОВ «Харківметалпром»", 'ТОВ "Харківметалпром"'),
    "seller_tax_id": ("38154672", "381546720358"), "buyer_name": OURS_DE, "buyer_tax_id": None, "currency": "UAH",
    "net": D("110000.00"), "tax": D("22000.00"), "total": D("132000.00")},
"be_factuur": {"number": "26/0318", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Antwerpse Draaierij NV", "seller_tax_id": "BE0412345614", "buyer_name": OURS_DE, "buyer_tax_id": OURS_DE_VAT,
    "currency": "EUR", "net": D("9150.00"), "tax": D("1921.50"), "total": D("11071.50")},
"cn_jidongche": {"number": ("00451287", "13205216001100451287"), "issue_date": date(2026, 12, 1),
    "seller_name": "苏州工业园区众诚机械设备销售有限公司", "seller_tax_id": "91320594MA1TQ8R2XQ", "buyer_name": OURS,
    "buyer_tax_id": OUR_TAX_ID, "currency": "CNY", "net": D("140000.00"), "tax": D("18200.00"), "total": D("158200.00")},
"cn_air_itinerary": {"number": "26312000000087654321", "issue_date": date(2026, 12, 1), "seller_name": "中国东方航空股份有限公司",
    "seller_tax_id": None, "buyer_name": OURS, "buyer_tax_id": OUR_TAX_ID, "currency": "CNY", "net": D("1288.53"),
    "tax": D("111.47"), "total": D("1400.00")},
"nz_two_pages": {"number": "SAE-7781", "issue_date": date(2026, 12, 1), "due_date": date(2027, 1, 20),
    "seller_name": "Southern Alps Engineering Ltd", "seller_tax_id": "123456789", "buyer_name": OURS_EN, "buyer_tax_id": None,
    "currency": "NZD", "net": D("7000.00"), "tax": D("1050.00"), "total": D("8050.00")},
"at_rabatt": {"number": "2026-04471", "issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
    "seller_name": "Steirische Präzisionsteile GmbH", "seller_tax_id": "ATU65432105", "buyer_name": OURS_DE,
    "buyer_tax_id": OURS_DE_VAT, "currency": "EUR", "net": D("8500.00"), "tax": D("1700.00"), "total": D("10200.00")},
"uy_efactura": {"number": ("0004512", "A 0004512", "A0004512", "A-0004512"), "issue_date": date(2026, 12, 1),
    "due_date": date(2026, 12, 31), "seller_name": "Metalúrgica del Plata S.A.", "seller_tax_id": "214356780017",
    "buyer_name": OURS_EN, "buyer_tax_id": None, "currency": "UYU", "net": D("125000.00"), "tax": D("27500.00"),
    "total": D("152500.00")},
"lk_tax_invoice": {"number": "LPE/26/0771", "issue_date": date(2026, 12, 1), "seller_name": "Lanka Precision Engineering (Pvt) Ltd",
    "seller_tax_id": ("134567890", "1345678907000"), "buyer_name": OURS_EN, "buyer_tax_id": None, "currency": "LKR",
    "net": D("600000.00"), "tax": D("108000.00"), "total": D("708000.00")},
}

#: the item lines printed (description fragment, quantity, amount) where the set scores them
LINES: dict[str, list[tuple[str, D, D]]] = {
"ar_factura_a": [("Brida", D("200"), D("900000.00")), ("Mecanizado", D("1"), D("350000.00"))],
"cl_factura": [("Eje de transmisión", D("10"), D("850000")), ("Tratamiento", D("10"), D("150000"))],
"ke_kra": [("Steel gate", D("4"), D("306000.00")), ("Installation", D("1"), D("40000.00"))],
"ph_bir": [("Stainless bracket", D("400"), D("56000.00")), ("Powder coating", D("400"), D("11200.00"))],
"pk_sales_tax": [("pulley", D("150"), D("675000.00")), ("balancing", D("150"), D("75000.00"))],
"ru_schet_faktura": [("Корпус задвижки", D("100"), D("250000.00"))],
"ua_rakhunok": [("Фланець", D("200"), D("90000.00")), ("Болт", D("1600"), D("20000.00"))],
"fi_lasku": [("Hydraulisylinteri", D("10"), D("12000.00")), ("Asennustarvikkeet", D("10"), D("800.00"))],
"nz_two_pages": [(desc.split()[0], D(qty), D(amount)) for _, desc, qty, _, amount in _ROWS],  # (a size may be its spec)
"lk_tax_invoice": [("Rubber-bonded bush", D("500"), D("600000.00"))],
"at_rabatt": [("Drehteil", D("1000"), D("4320.00")), ("Frästeil", D("500"), D("4560.00")), ("Rabatt", D("1"), D("-380.00"))],
}


def build(name: str, folder: Path) -> Path:
    """The document ``name`` as a PDF in ``folder``."""
    return draw_document(DOCS, name, folder)
