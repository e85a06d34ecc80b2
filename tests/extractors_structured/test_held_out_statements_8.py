"""Held-out statement exports, eighth set (issue 14): every row of each file in
:mod:`tests.extractors_structured.held_out_statements_8` read through the real reader
(:func:`extractors.statements.read_statement`): date, signed amount, currency, counterparty, memo, balance and the
account where printed, no row warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.statements import read_statement
from tests.extractors_structured.exports import assert_reads, write_export
from tests.extractors_structured.held_out_statements_8 import DOCS, DOCS_TWO


def _read(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    return read_statement(write_export(tmp_path, next(d for d in DOCS + DOCS_TWO if d[0] == name)))


@pytest.mark.parametrize("name", [d[0] for d in DOCS + DOCS_TWO])
def test_held_out_export_reads_every_row(tmp_path: Path, name: str) -> None:
    """Round one (``DOCS``) and round two (``DOCS_TWO``, written after the fixes: Raiffeisen CZ, UniCredit Bulbank in
    Windows-1251, a JPY export grouped by dots)."""
    _, _, _, _, truth, account = next(d for d in DOCS + DOCS_TWO if d[0] == name)
    result = _read(tmp_path, name)
    assert_reads(result, truth, account)
    assert not result.row_warnings


TEXTS = [  # (text, the code page a bank writes it in)
    ("Název protiúčtu;Zpráva pro příjemce\nŘeznictví Dvořák s.r.o.;Úhrada faktury č. 2026017\n", "cp1250"),  # Czech
    ("Názov protiúčtu;Správa\nĽubomír Šťastný;Úhrada za tovar\n", "cp1250"),  # Slovak (ť: no Windows-1252 byte)
    ("Partner neve;Közlemény\nFőnix Gépgyártó Kft.;Számla kiegyenlítése\n", "cp1250"),  # Hungarian
    ("Naziv;Opis plaćanja\nĐurđević Metal d.o.o.;Plaćanje računa\n", "cp1250"),  # Croatian
    ("Prejemnik;Namen\nŽičnica Kranj d.o.o.;Plačilo računa\n", "cp1250"),  # Slovenian
    ("Kontrahent;Tytuł\nOpłata za prowadzenie rachunku;Płatność\n", "cp1250"),  # Polish
    ("Контрагент;Назначение платежа\nООО Техснаб-Урал;Оплата по счёту\n", "cp1251"),  # Russian
    ("Karşı Taraf;Açıklama\nÖzdemir Makine Şti.;fatura ödemesi Işık\n", "cp1254"),  # Turkish
    ("Empfänger;Verwendungszweck\nMüller GmbH;Überweisung Straße\n", "cp1252"),  # German
    ("Libellé;Détail\nPrélèvement échéance;Chèque reçu\n", "cp1252"),  # French
    ("Tekst;Beløb\nKøbmand Sørensen Müller;-120,00\n", "cp1252"),  # Danish (and a German name)
    ("Texti;Upphæð\nÞjónusta ehf. greiðsla;-120,00\n", "cp1252"),  # Icelandic
    ("Date,Description,Amount\n02/03/2026,Payment GBP£12.50 fee,-12.50\n02/03/2026,Fee £3.00,-3.00\n", "cp1252"),
]


@pytest.mark.parametrize(("text", "encoding"), TEXTS)
def test_single_byte_code_page_told_by_its_languages_letters(text: str, encoding: str) -> None:
    """Windows-1250 (Czech, Slovak, Hungarian, Croatian, Slovenian, Polish), 1251 and 1254 told from 1252 by the
    letters one language writes inside its words (extractors/data/alphabets.toml); on main Czech read as 1252
    (``Øeznictví``), Slovak as Shift-JIS, Russian and Turkish refused or misread."""
    from extractors.spreadsheets import decode_text

    assert decode_text(text.encode(encoding), "x.csv") == (text, encoding)


def test_headerless_columns_told_by_their_cells_are_for_review(tmp_path: Path) -> None:
    """ABN AMRO's TXT prints no header: the balance before and after told by the amount between them, the value date
    after the booking date, the currency and our account by their one value; below 0.9, warned (on main: refused)."""
    result = _read(tmp_path, "TXT260331104512.TAB")
    assert result.confidence["amount"] < 0.9 and any("no header row" in w for w in result.warnings)
    assert [str(ln.value_date) for ln in result.lines] == ["2026-03-02", "2026-03-05", "2026-03-31"]
    assert {ln.account for ln in result.lines} == {"541234567"}


def test_a_currency_code_column_headed_like_a_date(tmp_path: Path) -> None:
    """Nordea's ``Valuta`` holds SEK: the currency, at 1.0 (on main: a value-date column, the currency empty)."""
    result = _read(tmp_path, "export_nordea_2026-03.csv")
    assert {ln.currency for ln in result.lines} == {"SEK"} and {ln.value_date for ln in result.lines} == {None}
