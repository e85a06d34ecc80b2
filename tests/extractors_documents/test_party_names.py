"""A buyer whose legal form is of another country (Turkish A.Ş., Czech a.s., Polish Sp. z o.o., Malaysian
Sdn. Bhd.) reads as a company, as a GmbH or Ltd does; a person's name stays a guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.documents import extract_document


@pytest.mark.parametrize("buyer", ["Anadolu Makina Sanayi ve Ticaret A.Ş.", "Ege Kalip Ltd. Şti.",
                                   "Brněnské strojírny a.s.", "Narzędzia Kraków Sp. z o.o.",
                                   "Penang Precision Tooling Sdn. Bhd."])
def test_foreign_legal_forms_name_a_company(docs, tmp_path: Path, buyer: str) -> None:
    inv = docs.make_invoice(31, n_lines=2, kind="commercial")
    inv["buyer_name"] = buyer
    result = extract_document(docs.render_commercial_invoice(inv, tmp_path / "ci.pdf"))
    assert result.record.buyer_name == buyer
    assert result.confidence["buyer_name"] >= 0.9


def test_a_person_as_buyer_is_left_for_review(docs, tmp_path: Path) -> None:
    inv = docs.make_invoice(32, n_lines=1, kind="commercial")
    inv["buyer_name"] = "Jan Novák"
    result = extract_document(docs.render_commercial_invoice(inv, tmp_path / "ci.pdf"))
    assert result.record.buyer_name == "Jan Novák"
    assert "buyer_name" in result.needs_review()
