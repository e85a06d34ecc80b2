"""Held-out European supplier invoices (issue 14), written by hand as their issuers print them: a Dutch
factuur (buyer under ``Aan:``), a Spanish factura (``CIF: B50123456 - Tel. ...``), an Italian fattura
(``P.IVA ... - Cod. Fisc. ... - REA ...``, ``Prezzo unit.``) and a Swiss Rechnung (``MWST-Nr. CHE-...
MWST``, ``Total exkl./inkl. MWST``, ``CHF 4'800.00``, dated ``Winterthur, 10. März 2026``, our address
in the window with no label). Our company is the buyer of each. Every printed header field is asserted."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from extractors.documents import extract_document
from tests.extractors_documents.handmade import OUR_ACCOUNTS, OUR_TAX_ID, OURS, OURS_EN, draw_pdf, same

DOCS = {
"factuur_nl": ([
 (20, 15, 'Van der Berg Verpakkingen B.V.', 13, 'DVB'), (20, 21, 'Industrieweg 12 · 3044 AS Rotterdam · Nederland', 8),
 (20, 25, 'KvK 24312345 · BTW-nr. NL812345678B01 · IBAN NL91 ABNA 0417 1643 00', 8),
 (150, 40, 'FACTUUR', 16, 'DVB'),
 (20, 45, 'Aan:'), (20, 50, 'Suzhou Hengrui Precision Hardware Co., Ltd.'), (20, 55, 'No. 88 Xinghu Street'),
 (20, 60, '215000 Suzhou, China'),
 (120, 52, 'Factuurnummer:'), (160, 52, '2026-0387'), (120, 57, 'Factuurdatum:'), (160, 57, '12-03-2026'),
 (120, 62, 'Vervaldatum:'), (160, 62, '11-04-2026'), (120, 67, 'Klantnummer:'), (160, 67, '10442'),
 (20, 85, 'Omschrijving'), (-130, 85, 'Aantal'), (-160, 85, 'Prijs'), (-190, 85, 'Bedrag'),
 (20, 92, 'Golfkartonnen doos 400x300x200'), (-130, 92, '500'), (-160, 92, '€ 1,90'), (-190, 92, '€ 950,00'),
 (20, 98, 'Palletwikkelfolie 23 my'), (-130, 98, '20'), (-160, 98, '€ 15,00'), (-190, 98, '€ 300,00'),
 (120, 112, 'Subtotaal'), (-190, 112, '€ 1.250,00'), (120, 118, 'BTW 21%'), (-190, 118, '€ 262,50'),
 (120, 125, 'Totaal te betalen', 9, 'DVB'), (-190, 125, '€ 1.512,50', 9, 'DVB'),
 (20, 145, 'Wij verzoeken u het totaalbedrag binnen 30 dagen over te maken onder vermelding van het factuurnummer.', 7),
], [(20, 87, 190, 87), (120, 121, 190, 121)], "DV"),
"factura_es": ([
 (20, 15, 'INDUSTRIAS METÁLICAS EBRO, S.L.', 13, 'DVB'), (20, 21, 'C/ de la Industria, 45 - 50014 Zaragoza (España)', 8),
 (20, 25, 'CIF: B50123456 - Tel. +34 976 123 456', 8),
 (20, 40, 'FACTURA', 16, 'DVB'),
 (20, 50, 'Nº de factura:'), (55, 50, 'A-2026/0112'), (20, 55, 'Fecha de factura:'), (55, 55, '5 de marzo de 2026'),
 (20, 60, 'Fecha de vencimiento:'), (62, 60, '4 de abril de 2026'),
 (115, 50, 'Cliente:'), (115, 55, 'Suzhou Hengrui Precision Hardware Co., Ltd.'), (115, 60, 'No. 88 Xinghu Street, Suzhou (China)'),
 (20, 78, 'Concepto'), (-130, 78, 'Cantidad'), (-160, 78, 'Precio'), (-190, 78, 'Importe'),
 (20, 85, 'Chapa acero inoxidable AISI 304, 2 mm'), (-130, 85, '40'), (-160, 85, '72,50'), (-190, 85, '2.900,00'),
 (20, 91, 'Corte láser según plano'), (-130, 91, '1'), (-160, 91, '500,00'), (-190, 91, '500,00'),
 (120, 105, 'Base imponible'), (-190, 105, '3.400,00 €'), (120, 111, 'IVA 21%'), (-190, 111, '714,00 €'),
 (120, 118, 'Importe total', 9, 'DVB'), (-190, 118, '4.114,00 €', 9, 'DVB'),
 (20, 135, 'Forma de pago: transferencia bancaria a 30 días. IBAN ES91 2100 0418 4502 0005 1332', 7),
], [(20, 80, 190, 80), (120, 114, 190, 114)], "DV"),
"fattura_it": ([
 (20, 15, 'Meccanica Brianza S.r.l.', 13, 'DVB'), (20, 21, 'Via Monza 120 - 20900 Monza (MB) - Italia', 8),
 (20, 25, 'P.IVA IT07643520567 - Cod. Fisc. 07643520567 - REA MB-1874512', 8),
 (120, 40, 'Spett.le', 8), (120, 45, 'Suzhou Hengrui Precision Hardware Co., Ltd.'), (120, 50, 'No. 88 Xinghu Street'),
 (120, 55, '215000 Suzhou (Cina)'),
 (20, 45, 'FATTURA', 16, 'DVB'), (20, 55, 'Numero fattura'), (55, 55, '145/2026'), (20, 60, 'Data'), (55, 60, '03/03/2026'),
 (20, 78, 'Descrizione'), (-130, 78, 'Q.tà'), (-160, 78, 'Prezzo unit.'), (-190, 78, 'Importo'),
 (20, 85, 'Albero di trasmissione rettificato Ø 25'), (-130, 85, '60'), (-160, 85, '31,00'), (-190, 85, '1.860,00'),
 (20, 91, 'Trattamento termico'), (-130, 91, '1'), (-160, 91, '320,00'), (-190, 91, '320,00'),
 (120, 105, 'Imponibile'), (-190, 105, '2.180,00'), (120, 111, 'IVA 22%'), (-190, 111, '479,60'),
 (120, 118, 'Totale fattura €', 9, 'DVB'), (-190, 118, '2.659,60', 9, 'DVB'),
 (20, 130, 'Scadenza pagamento: 02/04/2026 - Bonifico bancario', 8),
], [(20, 80, 190, 80), (120, 114, 190, 114)], "DV"),
"rechnung_ch": ([
 (20, 15, 'Huber Feinmechanik AG', 13, 'DVB'), (20, 21, 'Bahnhofstrasse 5, 8400 Winterthur, Schweiz', 8),
 (20, 25, 'MWST-Nr. CHE-123.456.788 MWST', 8),
 (20, 50, 'Suzhou Hengrui Precision Hardware Co., Ltd.'), (20, 55, 'No. 88 Xinghu Street'), (20, 60, '215000 Suzhou, China'),
 (20, 75, 'Rechnung Nr. 26-1043', 13, 'DVB'), (130, 75, 'Winterthur, 10. März 2026'),
 (20, 88, 'Pos'), (32, 88, 'Bezeichnung'), (-140, 88, 'Menge'), (-165, 88, 'Preis CHF'), (-190, 88, 'Total CHF'),
 (20, 95, '10'), (32, 95, 'Präzisionsspindel Typ HS-40'), (-140, 95, '2'), (-165, 95, "1'950.00"), (-190, 95, "3'900.00"),
 (20, 101, '20'), (32, 101, 'Einrichtung und Prüfprotokoll'), (-140, 101, '1'), (-165, 101, '900.00'), (-190, 101, '900.00'),
 (110, 115, 'Total exkl. MWST'), (-190, 115, "CHF 4'800.00"), (110, 121, 'MWST 8.1%'), (-190, 121, 'CHF 388.80'),
 (110, 128, 'Total inkl. MWST', 9, 'DVB'), (-190, 128, "CHF 5'188.80", 9, 'DVB'),
 (20, 142, 'Zahlbar bis 09.04.2026 netto, ohne Abzug.', 8),
], [(20, 90, 190, 90), (110, 124, 190, 124)], "DV"),
}
EXPECTED = {
"factuur_nl": {"number": '2026-0387', "issue_date": date(2026, 3, 12), "due_date": date(2026, 4, 11), "seller_name": 'Van der Berg Verpakkingen B.V.', "seller_tax_id": 'NL812345678B01', "buyer_name": 'Suzhou Hengrui Precision Hardware Co., Ltd.', "currency": 'EUR', "net": D("1250.00"), "tax": D("262.50"), "total": D("1512.50")},
"factura_es": {"number": 'A-2026/0112', "issue_date": date(2026, 3, 5), "due_date": date(2026, 4, 4), "seller_name": 'INDUSTRIAS METÁLICAS EBRO, S.L.', "seller_tax_id": 'B50123456', "buyer_name": 'Suzhou Hengrui Precision Hardware Co., Ltd.', "currency": 'EUR', "net": D("3400.00"), "tax": D("714.00"), "total": D("4114.00")},
"fattura_it": {"number": '145/2026', "issue_date": date(2026, 3, 3), "due_date": date(2026, 4, 2), "seller_name": 'Meccanica Brianza S.r.l.', "seller_tax_id": 'IT07643520567', "buyer_name": 'Suzhou Hengrui Precision Hardware Co., Ltd.', "currency": 'EUR', "net": D("2180.00"), "tax": D("479.60"), "total": D("2659.60")},
"rechnung_ch": {"number": '26-1043', "issue_date": date(2026, 3, 10), "due_date": date(2026, 4, 9), "seller_name": 'Huber Feinmechanik AG', "seller_tax_id": 'CHE-123.456.788', "buyer_name": 'Suzhou Hengrui Precision Hardware Co., Ltd.', "currency": 'CHF', "net": D("4800.00"), "tax": D("388.80"), "total": D("5188.80")},
}


@pytest.fixture
def ours(our_companies):
    our_companies(OURS, tax_ids=(OUR_TAX_ID,), accounts=OUR_ACCOUNTS, name_en=OURS_EN)


@pytest.mark.parametrize("name", sorted(DOCS))
def test_european_supplier_invoice_reads_every_printed_field(tmp_path: Path, ours, name: str) -> None:
    items, rules, font = DOCS[name]
    result = extract_document(draw_pdf(tmp_path / f"{name}.pdf", items, rules, font))
    assert result.kind == "invoice"
    wrong = {f: (getattr(result.record, f), v, result.confidence.get(f)) for f, v in EXPECTED[name].items()
             if not same(getattr(result.record, f), v)}
    assert not wrong, (wrong, result.warnings)


def test_a_tax_id_label_holding_the_tax_word_gives_no_tax_amount(tmp_path: Path, ours) -> None:
    """``MWST-Nr. CHE-123.456.788 MWST`` is the issuer's VAT number: neither the label nor its digits are a tax."""
    items, rules, font = DOCS["rechnung_ch"]
    header = [i for i in items if i[1] <= 60]  # letterhead and window only: no totals printed
    result = extract_document(draw_pdf(tmp_path / "id.pdf", header + [(20, 75, "Rechnung Nr. 26-1043", 13, "DVB")],
                                       [], font))
    assert result.record.seller_tax_id == "CHE-123.456.788"
    assert result.record.tax in (None, D("0")) or result.confidence.get("tax", 0) < 0.9


def test_a_tax_figure_with_no_net_or_total_is_left_for_review(tmp_path: Path, ours) -> None:
    items = [(20, 15, "Huber Feinmechanik AG", 13, "DVB"), (20, 30, "Rechnung Nr. 26-1044", 13, "DVB"),
             (20, 40, "Datum: 11.03.2026"), (110, 60, "MWST 8.1%"), (-190, 60, "CHF 388.80")]
    result = extract_document(draw_pdf(tmp_path / "tax.pdf", items, [], "DV"))
    assert result.record.tax == D("388.80") and result.confidence["tax"] < 0.9
    assert "tax" in result.needs_review()
