"""An English invoice's description cell holding name and specification: a split shown by the cell (a
title-cased product name, then a measure of a known shape) is reported with confidence; a split guessed
from the wording alone stays for review. Real PDFs rendered here, read by the real extractor."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from extractors.documents import extract_document

#: (cell as printed, name, spec): the spec starts with a measure (thread, size, diameter, unit figure)
SHOWN = [("Ball Valve DN25 PN40 stainless", "Ball Valve", "DN25 PN40 stainless"),
         ("Socket Set Screw M6x10 A2", "Socket Set Screw", "M6x10 A2"),
         ("Solenoid Coil 24V DC IP65", "Solenoid Coil", "24V DC IP65"),
         ("Rubber Control Cable H05RR 3x1.5mm2", "Rubber Control Cable", "H05RR 3x1.5mm2")]
#: cells whose split is only a guess: lower-case names, a spec without a measure, a bare number
GUESSED = ["Deep Groove Ball Bearing sealed both sides", "Stainless steel pipe clamp Φ42", "Spare Parts Kit 2 sets"]


def _invoice(docs, seed: int, cells: list[str]) -> dict:
    inv = docs.make_invoice(seed, n_lines=len(cells), kind="commercial")
    for ln, cell in zip(inv["lines"], cells, strict=True):
        ln["description"] = cell
    return inv


def test_a_measure_after_a_product_name_shows_the_split(docs, tmp_path: Path) -> None:
    inv = _invoice(docs, 41, [cell for cell, _, _ in SHOWN])
    result = extract_document(docs.render_commercial_invoice(inv, tmp_path / "ci.pdf"))
    lines = result.record.lines
    assert [(ln.description, ln.spec) for ln in lines] == [(name, spec) for _, name, spec in SHOWN]
    assert [ln.amount for ln in lines] == [ln["amount"] for ln in inv["lines"]]
    for i in range(len(lines)):
        assert result.confidence[f"lines[{i}].description"] >= 0.9
        assert result.confidence[f"lines[{i}].spec"] >= 0.9
    assert sum((ln.amount for ln in lines), Decimal(0)) == result.record.net


def test_a_split_guessed_from_the_wording_stays_for_review(docs, tmp_path: Path) -> None:
    inv = _invoice(docs, 42, GUESSED)
    result = extract_document(docs.render_commercial_invoice(inv, tmp_path / "ci.pdf"))
    lines = result.record.lines
    assert [" ".join(filter(None, [ln.description, ln.spec])) for ln in lines] == GUESSED  # nothing lost
    for i, ln in enumerate(lines):
        if ln.spec is not None:
            assert f"lines[{i}].spec" in result.needs_review()
            assert f"lines[{i}].description" in result.needs_review()
    assert any(ln.spec for ln in lines)  # some were split (a guess), and those are the ones for review
