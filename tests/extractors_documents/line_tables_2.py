"""More hand-written item tables of real classes (issue 14 §4), drawn with ``line_tables.py``'s helpers, not the
generator: a German ``Pos. | Menge | Einheit | Bezeichnung | Einzelpreis | Gesamtpreis`` table with a separate
Rabatt line, a German table continued on a second page (header repeated, ``Übertrag`` at both ends), a Dutch
factuur in cell rectangles, a Spanish factura (``Código | Descripción | Cant. | Precio | Dto. | Importe``), a
增值税专用发票 whose 规格型号 wraps in a narrow ruled cell and whose unit prices are 含税, a German
tax-inclusive (brutto) table, discounts as separate negative lines with a negative unit price, a header row
wrapped into two lines (``Item / No.``, ``Unit / Price``, ``Line / Total``), a table with a blank SKU column on
some rows, descriptions wrapped over three lines, a table without ruling lines whose figures are right-aligned
under left-aligned headers, and a currency sign after the headers (``Einzelpreis €``). Each builder returns the
truth of every line (the record's amount is net of tax: on a brutto table, gross less the tax in it)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from tests.extractors_documents.line_tables import (
    OUR_TAX_ID,
    OURS,
    OURS_EN,
    Col,
    Pdf,
    _cn_foot,
    _cn_head,
    _en_head,
    _sum,
    ln,
    table,
)


def _de(v: D) -> str:
    """``1.234,56``: German / Dutch / Spanish figures."""
    return f"{v:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def _vat_totals(pdf: Pdf, y: float, lines: list[dict], rate: str, labels: tuple[str, str, str], fig=None,
               unit: str = " €") -> None:
    """Net, VAT at ``rate`` and total under a table (from ``y``), labelled ``labels``, figures as ``fig`` prints
    them (German by default) followed by ``unit``."""
    fig = fig or _de
    net = _sum(lines, "amount")
    tax = (net * D(rate)).quantize(D("0.01"))
    pdf.totals(130, y, [(label, f"{fig(v)}{unit}") for label, v in zip(labels, (net, tax, net + tax), strict=True)])


def de_pos_menge(path: Path) -> list[dict]:
    """A German supplier: Pos. | Menge | Einheit | Bezeichnung | Einzelpreis | Gesamtpreis (quantity and unit
    before the description), German figures, a header rule only, a Rabatt as a line of its own."""
    lines = [ln("Sechskantschraube DIN 933 M10x40, verzinkt", "142.50", qty="500", price="0.285"),
             ln("Scheibe DIN 125 A10,5", "38.00", qty="1000", price="0.038"),
             ln("Montagepaste, Dose 500 g", "89.70", qty="6", price="14.95"),
             ln("Rabatt 3 % auf Pos. 1-3", "-8.11")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Schrauben Keller GmbH", "Gewerbestr. 7, 70565 Stuttgart", "USt-IdNr. DE287654321"],
                 "RECHNUNG", [("Rechnungsnummer", "RE-2026-0815"), ("Rechnungsdatum", "10.03.2026"),
                              ("Kundennummer", "40117")], [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    cols = [Col("Pos.", 12, "c", "l"), Col("Menge", 16, "r", "r"), Col("Einheit", 16, "l", "l"),
            Col("Bezeichnung", 76, "l", "l"), Col("Einzelpreis", 24, "r", "r"), Col("Gesamtpreis", 26, "r", "r")]
    rows = [["1", "500", "Stk.", lines[0]["description"], "0,285", "142,50"],
            ["2", "1.000", "Stk.", lines[1]["description"], "0,038", "38,00"],
            ["3", "6", "Dose", lines[2]["description"], "14,95", "89,70"],
            ["", "", "", lines[3]["description"], "", "-8,11"]]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.2)
    _vat_totals(pdf, end + 8, lines, "0.19", ("Nettobetrag", "zzgl. 19 % MwSt.", "Rechnungsbetrag"))
    pdf.save()
    return lines


def de_uebertrag(path: Path) -> list[dict]:
    """A German table ruled by lines over two pages: Pos. | Artikel-Nr. | Bezeichnung | Menge | Einzelpreis € |
    Gesamt €, ``Übertrag`` under page 1's part and again as page 2's first row, the header repeated."""
    items = [("Kugellager 6204-2RS", "3.85"), ("Kugellager 6205-2RS", "4.40"), ("Wellendichtring 25x47x7", "1.95"),
             ("Sicherungsring DIN 471 A25", "0.32"), ("Passfeder DIN 6885 A8x7x40", "0.78"),
             ("Zahnriemen HTD 8M-800-20", "27.60"), ("Riemenscheibe HTD 8M 32 Z", "41.30")]
    lines = []
    for i in range(12):
        name, price = items[i % len(items)]
        qty = D((10, 20, 25, 50, 100)[i % 5])
        lines.append(ln(name, f"{qty * D(price):.2f}", qty=f"{qty}", price=price, sku=f"A-{3100 + i * 13}"))
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Antriebstechnik Brandt GmbH & Co. KG", "Am Hafen 3, 28217 Bremen", "USt-IdNr. DE114477882"],
                 "RECHNUNG", [("Rechnungs-Nr.", "2026-30412"), ("Datum", "18.03.2026")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    cols = [Col("Pos.", 12, "c"), Col("Artikel-Nr.", 22, "c"), Col("Bezeichnung", 64), Col("Menge", 16, "r"),
            Col("Einzelpreis €", 26, "r"), Col("Gesamt €", 30, "r")]

    def rows(part: list[dict], start: int) -> list[list]:
        return [[str(start + i + 1), t["sku"], t["description"], f"{t['quantity']}", _de(t["unit_price"]),
                 _de(t["amount"])] for i, t in enumerate(part)]

    first = _sum(lines[:8], "amount")
    end = table(pdf, 20, y, cols, [*rows(lines[:8], 0), ["", "", "Übertrag", "", "", _de(first)]], grid="lines")
    pdf.text(20, end + 8, "Fortsetzung auf Seite 2", 7)
    pdf.page()
    pdf.text(20, 20, "Rechnung 2026-30412, Seite 2", 9)
    end = table(pdf, 20, 30, cols, [["", "", "Übertrag", "", "", _de(first)], *rows(lines[8:], 8)], grid="lines")
    _vat_totals(pdf, end + 8, lines, "0.19", ("Nettobetrag", "MwSt. 19 %", "Gesamtbetrag €"), unit="")
    pdf.save()
    return lines


def nl_factuur(path: Path) -> list[dict]:
    """A Dutch factuur in cell rectangles: Artikelnr. | Omschrijving | Aantal | Prijs per stuk | BTW % | Bedrag,
    Dutch figures, a rate per line (21% and 9%)."""
    lines = [ln("Palletwikkelfolie 23 my, 500 mm", "300.00", qty="20", price="15.00", rate="0.21", sku="PW-23"),
             ln("Kartonnen doos 400x300x200", "950.00", qty="500", price="1.90", rate="0.21", sku="KD-432"),
             ln("Handleiding drukwerk", "45.00", qty="100", price="0.45", rate="0.09", sku="HD-01")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Van der Berg Verpakkingen B.V.", "Industrieweg 12, 3044 AS Rotterdam",
                       "BTW-nr. NL812345678B01"], "FACTUUR",
                 [("Factuurnummer", "2026-0412"), ("Factuurdatum", "16-03-2026"), ("Vervaldatum", "15-04-2026")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    cols = [Col("Artikelnr.", 22), Col("Omschrijving", 62), Col("Aantal", 16, "r"), Col("Prijs per stuk", 26, "r"),
            Col("BTW %", 16, "r"), Col("Bedrag", 28, "r")]
    rows = [[t["sku"], t["description"], f"{t['quantity']}", _de(t["unit_price"]), f"{t['tax_rate'] * 100:.0f}",
             _de(t["amount"])] for t in lines]
    end = table(pdf, 20, y, cols, rows, grid="rects")
    pdf.totals(130, end + 8, [("Subtotaal", "€ 1.295,00"), ("BTW 21%", "€ 262,50"), ("BTW 9%", "€ 4,05"),
                              ("Totaal", "€ 1.561,55")])
    pdf.save()
    return lines


def es_factura(path: Path) -> list[dict]:
    """A Spanish factura, header rule only: Código | Descripción | Cant. | Precio | Dto. | Importe, the discount a
    percentage per line, Spanish figures."""
    lines = [ln("Chapa acero inoxidable AISI 304, 2 mm", "2610.00", qty="40", sku="CH-304-2"),
             ln("Perfil aluminio 40x40 ranurado", "531.90", qty="60", sku="PA-4040"),
             ln("Corte láser según plano", "500.00", qty="1", price="500.00", sku="SV-LAS")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["INDUSTRIAS METÁLICAS EBRO, S.L.", "C/ de la Industria, 45 - 50014 Zaragoza",
                       "CIF: B50123456"], "FACTURA",
                 [("Nº de factura", "A-2026/0187"), ("Fecha de factura", "17/03/2026")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    cols = [Col("Código", 22, head="l"), Col("Descripción", 66, head="l"), Col("Cant.", 14, "r", "r"),
            Col("Precio", 22, "r", "r"), Col("Dto.", 16, "r", "r"), Col("Importe", 30, "r", "r")]
    rows = [["CH-304-2", lines[0]["description"], "40", "72,50", "10%", "2.610,00"],
            ["PA-4040", lines[1]["description"], "60", "9,00", "1,5%", "531,90"],
            ["SV-LAS", lines[2]["description"], "1", "500,00", "", "500,00"]]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.5)
    _vat_totals(pdf, end + 8, lines, "0.21", ("Base imponible", "IVA 21%", "Importe total"))
    pdf.save()
    return lines


def cn_inclusive_wrap(path: Path) -> list[dict]:
    """增值税专用发票 ruled by lines whose 规格型号 cell is narrow (the spec wraps over two or three lines) and whose
    unit price is printed 含税 (单价（含税）): quantity x that price is the amount with its tax, not the amount."""
    lines = [ln("*电机*三相异步电动机", "12389.38", qty="4", rate="0.13", tax="1610.62", spec="YE3-160M-4 11kW B3 380V"),
             ln("*轴承*深沟球轴承", "424.78", qty="40", rate="0.13", tax="55.22", spec="6309-2RS/C3"),
             ln("*机械零部件*弹性联轴器", "1061.95", qty="6", rate="0.13", tax="138.05", spec="LX3 Y42x112 J42x84")]
    prices = ["3500.00", "12.00", "200.00"]
    pdf = Pdf(path)
    y = _cn_head(pdf, "电子发票（增值税专用发票）", "26322000000012350017", "2026年03月21日",
                 (OURS, OUR_TAX_ID), ("常州市武进恒达电机有限公司", "91320412MA1MT6KQ5X"))
    cols = [Col("货物或应税劳务、服务名称", 48), Col("规格型号", 20), Col("单位", 10, "c"), Col("数量", 14, "r"),
            Col("单价（含税）", 24, "r"), Col("金额", 26, "r"), Col("税率", 14, "c"), Col("税额", 30, "r")]
    rows = [[t["description"], t["spec"], "台" if i == 0 else "套" if i == 2 else "个", f"{t['quantity']}", p,
             f"{t['amount']:.2f}", "13%", f"{t['tax']:.2f}"] for i, (t, p) in enumerate(zip(lines, prices, strict=True))]
    end = table(pdf, 12, y, cols, rows, grid="lines")
    _cn_foot(pdf, end, _sum(lines, "amount"), _sum(lines, "tax"), 12 + 48 + 20 + 10 + 14 + 24 + 26 - 1, 197)
    pdf.save()
    return lines


def de_brutto(path: Path) -> list[dict]:
    """A German shop's tax-inclusive table: Pos. | Artikel | Menge | Einzelpreis brutto | MwSt. | Gesamt brutto, a
    rate per line (19 % and 7 %); the VAT is printed only as ``enthaltene MwSt.`` under the table. A line's
    amount is its gross less the tax in it."""
    lines = [ln("Akku-Bohrschrauber 18 V", "200.00", qty="2", rate="0.19", tax="38.00"),
             ln("Bit-Satz 32-teilig", "50.00", qty="5", rate="0.19", tax="9.50"),
             ln("Fachbuch Zerspanungstechnik", "60.00", qty="2", rate="0.07", tax="4.20")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Werkzeug-Profi24 GmbH", "Lindenallee 40, 50968 Köln", "USt-IdNr. DE301234567"],
                 "RECHNUNG", [("Rechnungsnummer", "WP-884120"), ("Rechnungsdatum", "19.03.2026")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    cols = [Col("Pos.", 12, "c", "l"), Col("Artikel", 70, "l", "l"), Col("Menge", 16, "r", "r"),
            Col("Einzelpreis brutto", 30, "r", "r"), Col("MwSt.", 14, "r", "r"), Col("Gesamt brutto", 28, "r", "r")]
    rows = [["1", lines[0]["description"], "2", "119,00", "19 %", "238,00"],
            ["2", lines[1]["description"], "5", "11,90", "19 %", "59,50"],
            ["3", lines[2]["description"], "2", "32,10", "7 %", "64,20"]]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.5)
    pdf.totals(120, end + 8, [("Nettobetrag", "310,00 €"), ("enthaltene MwSt. 19 %", "47,50 €"),
                              ("enthaltene MwSt. 7 %", "4,20 €"), ("Gesamtbetrag", "361,70 €")])
    pdf.save()
    return lines


def en_discount_lines(path: Path) -> list[dict]:
    """A UK distributor ruled by lines: Description | Qty | Unit Price | Amount, discounts as separate lines with
    a negative unit price (``-25.00``) or a bracketed amount only."""
    lines = [ln("Industrial extension lead 25 m", "474.00", qty="12", price="39.50"),
             ln("Cable reel, 50 m, 16 A", "354.00", qty="4", price="88.50"),
             ln("Promotional discount, code SPRING26", "-50.00", qty="2", price="25.00"),
             ln("Trade discount 5%", "-38.90")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Northgate Electrical Wholesale Ltd", "18 Canal Street, Manchester M1 3HE",
                       "VAT Reg No. GB 402 1187 66"], "INVOICE",
                 [("Invoice No.", "NEW-310552"), ("Invoice Date", "20/03/2026")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    cols = [Col("Description", 96), Col("Qty", 16, "r"), Col("Unit Price", 26, "r"), Col("Amount", 32, "r")]
    rows = [[lines[0]["description"], "12", "39.50", "474.00"], [lines[1]["description"], "4", "88.50", "354.00"],
            [lines[2]["description"], "2", "-25.00", "-50.00"], [lines[3]["description"], "", "", "(38.90)"]]
    end = table(pdf, 20, y, cols, rows, grid="lines")
    pdf.totals(130, end + 8, [("Net total", "£739.10"), ("VAT 20%", "£147.82"), ("Invoice total", "£886.92")])
    pdf.save()
    return lines


def en_header_wrap(path: Path) -> list[dict]:
    """A US distributor, no rules but one under the header: the header row wraps into two lines (``Item`` /
    ``No.``, ``Unit`` / ``Price``, ``Line`` / ``Total``), so its first line reads as Item / Unit / Line."""
    lines = [ln("Digital torque wrench, 1/2 in drive", "1287.00", qty="3", price="429.00", sku="TW-1250D"),
             ln("Calibration certificate", "150.00", qty="3", price="50.00", sku="CAL-ISO"),
             ln("Socket set, impact, 19 pcs", "358.40", qty="4", price="89.60", sku="SS-19I")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Midwest Tool & Gauge Co.", "4410 W Roosevelt Rd, Chicago, IL 60624", "Tel (312) 555-0190"],
                 "INVOICE", [("Invoice No.", "MTG-220871"), ("Invoice Date", "03/12/2026"), ("Terms", "Net 30")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    cols = [Col("Item\nNo.", 26, head="l"), Col("Description", 80, head="l"), Col("Qty", 14, "r", "r"),
            Col("Unit\nPrice", 24, "r", "r"), Col("Line\nTotal", 26, "r", "r")]
    rows = [[t["sku"], t["description"], f"{t['quantity']}", f"{t['unit_price']:,.2f}", f"{t['amount']:,.2f}"]
            for t in lines]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.2)
    pdf.totals(130, end + 8, [("Subtotal", "$1,795.40"), ("Freight", "$0.00"), ("Total", "$1,795.40")])
    pdf.save()
    return lines


def en_blank_sku(path: Path) -> list[dict]:
    """A wholesaler, no rules, Part No. | Description | Qty | Unit Price | Amount, the part number blank on the
    freight and service lines: their descriptions stay descriptions."""
    lines = [ln("Pneumatic cylinder 32x100", "516.00", qty="12", price="43.00", sku="DSBC-32-100"),
             ln("Freight, pallet to Shanghai port", "185.00", qty="1", price="185.00"),
             ln("Solenoid valve 5/2, 24 V DC", "477.00", qty="9", price="53.00", sku="VUVG-L14"),
             ln("Assembly and test of the valve manifold", "240.00", qty="4", price="60.00")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Pacific Pneumatics Pte Ltd", "22 Tuas Avenue 8, Singapore 639231",
                       "GST Reg. No. 200412345M"], "TAX INVOICE",
                 [("Invoice No.", "PP-77104"), ("Date", "21 March 2026")], [OURS_EN, "88 Xinghu Street, Suzhou, China"])
    cols = [Col("Part No.", 30, head="l"), Col("Description", 76, head="l"), Col("Qty", 14, "r", "r"),
            Col("Unit Price", 24, "r", "r"), Col("Amount", 26, "r", "r")]
    rows = [[t["sku"] or "", t["description"], f"{t['quantity']}", f"{t['unit_price']:.2f}", f"{t['amount']:,.2f}"]
            for t in lines]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.5)
    pdf.totals(130, end + 8, [("Subtotal", "SGD 1,418.00"), ("GST 9%", "SGD 127.62"), ("Total", "SGD 1,545.62")])
    pdf.save()
    return lines


def en_wrap3(path: Path) -> list[dict]:
    """A service company, a header rule only: Description | Qty | Rate | Amount, descriptions wrapped over three
    lines at the line pitch, figures on the first line of each."""
    lines = [ln("Preventive maintenance of the 250 t stamping press: hydraulic oil change, filter elements and "
                "seals, safety light curtain test", "1840.00", qty="1", price="1840.00"),
             ln("Spare parts kit", "312.00", qty="2", price="156.00"),
             ln("Operator training for the new die change procedure, two sessions of four hours each, "
                "with handouts in Chinese", "960.00", qty="8", price="120.00")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Keystone Press Services Ltd.", "Unit 9, Riverside Park, Coventry CV1 2NT",
                       "VAT Reg No. GB 377 5521 08"], "INVOICE",
                 [("Invoice No.", "KPS-4418"), ("Invoice Date", "22/03/2026")], [OURS_EN, "Suzhou, China"])
    cols = [Col("Description", 84, head="l"), Col("Qty", 18, "r", "r"), Col("Rate", 30, "r", "r"),
            Col("Amount", 38, "r", "r")]
    rows = [[t["description"], f"{t['quantity']}", f"{t['unit_price']:,.2f}", f"{t['amount']:,.2f}"] for t in lines]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=3.6, pad=0.6)
    pdf.totals(130, end + 8, [("Subtotal", "£3,112.00"), ("VAT 20%", "£622.40"), ("Total", "£3,734.40")])
    pdf.save()
    return lines


def en_left_heads(path: Path) -> list[dict]:
    """No ruling lines at all, headers left-aligned and the figures right-aligned under them (each figure's
    right end past its header's end), a quantity with its unit (``1,200 pcs``)."""
    lines = [ln("Aluminium die-cast housing, machined", "25680.00", qty="1200", price="21.40"),
             ln("Powder coating, RAL 7035", "3840.00", qty="1200", price="3.20"),
             ln("Tooling amortisation", "4500.00", qty="1", price="4500.00")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Greenfield Castings Inc.", "1800 Foundry Road, Cleveland, OH 44105", "EIN 34-1187720"],
                 "INVOICE", [("Invoice No.", "GC-60418"), ("Invoice Date", "March 23, 2026")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, China"])
    pdf.text(20, y, "Description", 8, font="DVB")
    pdf.text(112, y, "Qty", 8, font="DVB")
    pdf.text(140, y, "Price", 8, font="DVB")
    pdf.text(166, y, "Amount", 8, font="DVB")
    for i, (t, q) in enumerate(zip(lines, ("1,200 pcs", "1,200 pcs", "1 lot"), strict=True)):
        yy = y + 7 + i * 5
        pdf.text(20, yy, t["description"], 8)
        pdf.text(134, yy, q, 8, "r")
        pdf.text(160, yy, f"{t['unit_price']:,.2f}", 8, "r")
        pdf.text(190, yy, f"{t['amount']:,.2f}", 8, "r")
    pdf.totals(130, y + 30, [("Subtotal", "$34,020.00"), ("Sales tax", "$0.00"), ("Total", "$34,020.00")])
    pdf.save()
    return lines


def fr_facture(path: Path) -> list[dict]:
    """A French facture, a header rule only: Réf. | Désignation | Qté | P.U. HT | Montant, figures grouped by
    blanks (``45 973,80 €``) as French software prints them, the amounts wider than their right-aligned header
    (the thousands group starts left of it)."""
    lines = [ln("Vérin pneumatique double effet Ø 63", "45973.80", qty="180", price="255.41", sku="VP-63"),
             ln("Électrovanne 5/2 monostable", "1236.00", qty="24", price="51.50", sku="EV-52M"),
             ln("Mise en service sur site", "650.00", qty="1", price="650.00", sku="MES")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Pneumatique Rhône SAS", "14 rue de l'Industrie, 69007 Lyon", "TVA FR40 512 345 678"],
                 "FACTURE", [("N° de facture", "F2026-0318"), ("Date de facture", "24/03/2026")],
                 [OURS_EN, "88 Xinghu Street, Suzhou 215000, Chine"])
    cols = [Col("Réf.", 22, head="l"), Col("Désignation", 76, head="l"), Col("Qté", 14, "r", "r"),
            Col("P.U. HT", 28, "r", "r"), Col("Montant", 30, "r", "r")]

    def fr(v: D) -> str:
        return _de(v).replace(".", " ")

    rows = [[t["sku"], t["description"], f"{t['quantity']}", fr(t["unit_price"]), f"{fr(t['amount'])} €"] for t in lines]
    end = table(pdf, 20, y, cols, rows, grid="none", lead=4.5)
    _vat_totals(pdf, end + 8, lines, "0.20", ("Total HT", "TVA 20 %", "Total TTC"), fr)
    pdf.save()
    return lines


def in_cgst_sgst(path: Path) -> list[dict]:
    """An Indian intra-state GST invoice, ruled by lines: Sl. No. | Description | HSN | Qty | Rate | Taxable Value
    | CGST | SGST | Total, CGST and SGST each over two sub-columns ``Rate`` / ``Amount``: a line's tax is both
    amounts, its rate both rates."""
    lines = [ln("Servo drive 1.5 kW", "38400.00", qty="2", price="19200.00", rate="0.18", tax="6912.00"),
             ln("Motor power cable 5 m", "2700.00", qty="6", price="450.00", rate="0.18", tax="486.00")]
    pdf = Pdf(path, font="DV")
    y = _en_head(pdf, ["Shakti Automation Pvt Ltd", "Plot 7, MIDC Chakan, Pune 410501", "GSTIN 27AAFCS7781K1Z4"],
                 "TAX INVOICE", [("Invoice No.", "SA/25-26/1182"), ("Invoice Date", "25-03-2026")],
                 [OURS_EN, "Unit 402, Lodha Supremus, Mumbai 400013", "GSTIN 27AAGCH8815M1Z1"])
    xs = [20, 30, 72, 88, 98, 116, 136, 148, 162, 174, 190]
    heads = [("Sl.", "No."), ("Description", ""), ("HSN", ""), ("Qty", ""), ("Rate", ""), ("Taxable", "Value")]
    for (a, b), x0, x1 in zip(heads, xs, xs[1:], strict=False):
        pdf.text((x0 + x1) / 2, y + 3.5, a, 7, "c", font="DVB")
        if b:
            pdf.text((x0 + x1) / 2, y + 7, b, 7, "c", font="DVB")
    for name, x0, x1, x2 in (("CGST", 136, 148, 162), ("SGST", 162, 174, 190)):
        pdf.text((x0 + x2) / 2, y + 3.5, name, 7, "c", font="DVB")
        pdf.text((x0 + x1) / 2, y + 7, "Rate", 6, "c", font="DVB")
        pdf.text((x1 + x2) / 2, y + 7, "Amount", 6, "c", font="DVB")
    pdf.text(198, y + 3.5, "Total", 7, "c", font="DVB")
    half = [t["tax"] / 2 for t in lines]
    body = y + 9
    for i, (t, h) in enumerate(zip(lines, half, strict=True)):
        yy = body + 5 + i * 6
        cells = [str(i + 1), t["description"], "85371000" if i == 0 else "85444999", f"{t['quantity']}",
                 f"{t['unit_price']:,.2f}", f"{t['amount']:,.2f}", "9%", f"{h:,.2f}", "9%", f"{h:,.2f}",
                 f"{t['amount'] + t['tax']:,.2f}"]
        for j, (v, x0, x1) in enumerate(zip(cells, xs, xs[1:] + [206], strict=False)):
            if j == 1:
                pdf.text(x0 + 1, yy, v, 7)
            else:
                pdf.text(x1 - 1, yy, v, 7, "r")
    end = body + 2 + 6 * len(lines)
    for yy in (y, body, end):
        pdf.line(20, yy, 206, yy, 0.3)
    for x in [*xs, 206]:
        pdf.line(x, y if x not in (148, 174) else y + 4.5, x, end, 0.3)
    pdf.line(136, y + 4.5, 190, y + 4.5, 0.3)
    net, tax = _sum(lines, "amount"), _sum(lines, "tax")
    pdf.totals(120, end + 8, [("Taxable Amount", f"{net:,.2f}"), ("CGST 9%", f"{tax / 2:,.2f}"),
                              ("SGST 9%", f"{tax / 2:,.2f}"), ("Total", f"₹{net + tax:,.2f}")])
    pdf.save()
    return lines


DOCUMENTS = {f.__name__: f for f in (de_pos_menge, de_uebertrag, nl_factuur, es_factura, cn_inclusive_wrap, de_brutto,
                                     en_discount_lines, en_header_wrap, en_blank_sku, en_wrap3, en_left_heads,
                                     fr_facture, in_cgst_sgst)}
