"""The harness every held-out invoice set shares (issue 14 §1-§4): draw a set's document as a PDF, set our
entities, read the document, and the three checks each set makes (every printed header field, the item lines, one
class the set found).

A set's data module (``held_out_N.py``) holds ``DOCS``, ``TRUTH`` and ``LINES`` and builds with
:func:`draw_document`; its test module takes the fixture by assignment (``ours = held.ours``: pytest finds it by
that name) and calls the checks::

    @pytest.mark.parametrize("name", sorted(DOCS))
    def test_held_out_invoice_reads_every_printed_field(tmp_path, ours, name):
        held.assert_every_printed_field(held.read(DOCS, name, tmp_path), TRUTH[name], UNREAD.get(name, ()))
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

import pytest

from extractors.documents import extract_document
from tests.extractors_documents.handmade import draw_pdf


def draw_document(docs: dict[str, tuple], name: str, folder: Path) -> Path:
    """The document ``name`` of a set's ``docs`` (items, rules, font[, more pages]) as a PDF in ``folder``."""
    items, rules, font, *more = docs[name]
    return draw_pdf(folder / f"{name}.pdf", items, rules, font, more_pages=more[0] if more else ())


def read(docs: dict[str, tuple], name: str, folder: Path) -> Any:
    """The document ``name`` of ``docs`` drawn in ``folder`` and read (``extract_document``'s result)."""
    return extract_document(draw_document(docs, name, folder))


@pytest.fixture
def ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Our five entities (:func:`held_out_4.our_companies`) as the settings hold them, for one test."""
    from tests.extractors_documents.held_out_4 import our_companies

    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(our_companies(tmp_path / "our_companies.toml")))


def _canon(field: str, value: object) -> object:
    if field.endswith("tax_id") and isinstance(value, str):
        return "".join(value.replace("-", "").replace(".", "").replace("/", "").split()).upper()
    if isinstance(value, str):
        return value.casefold()
    return value


def right(field: str, got: object, expected: object) -> bool:
    """A field read as printed: names without case, tax ids without blanks, dots, dashes and slashes; a tuple
    of truths holds the forms that read the same."""
    options = expected if isinstance(expected, tuple) else (expected,)
    return any(_canon(field, got) == _canon(field, e) for e in options)


def assert_every_printed_field(result: Any, truth: dict[str, object], unread: Collection[str] = (),
                               doubtful: Collection[str] = ()) -> None:
    """An invoice whose every printed header field is right, but those in ``unread`` (left null at confidence 0
    for review) and ``doubtful`` (wrong, known, below 0.9); none wrong at confidence >= 0.9; a field not printed
    (``None`` in ``truth``) null at confidence 0; seller and buyer not the same name."""
    assert result.kind == "invoice" and result.record is not None, result.warnings
    truth = {"document_type": "invoice", **truth}
    wrong = {f: (getattr(result.record, f), v, result.confidence.get(f)) for f, v in truth.items()
             if not right(f, getattr(result.record, f), v)}
    left = {f for f, (got, _, conf) in wrong.items() if got is None and not conf}
    assert all((c or 0) < 0.9 for _, _, c in wrong.values()), wrong
    assert set(wrong) - left <= set(doubtful), (wrong, result.warnings)
    assert left <= set(unread), wrong
    for f, v in truth.items():
        if v is None:  # not printed: none made up
            assert getattr(result.record, f) is None and not result.confidence.get(f), f
    assert result.record.seller_name != result.record.buyer_name


def assert_lines(record: Any, expected: list[tuple]) -> None:
    """Each expected line (a fragment of description, SKU or spec; quantity; amount) read, and no other line (no
    summary row read as an item)."""
    lines = record.lines
    got = [((ln.description or "") + " " + (ln.sku or "") + " " + (ln.spec or ""), ln.quantity, ln.amount) for ln in lines]
    for frag, qty, amount in expected:
        assert any(frag.casefold() in d.casefold() and q == qty and a == amount for d, q, a in got), (frag, got)
    assert len(lines) == len(expected), got


def assert_class(result: Any, want: dict[str, object]) -> None:
    """The fields of one class a set found read right; one wanted ``None`` (not printed) at confidence 0."""
    assert result.record is not None, result.warnings
    got = {f: getattr(result.record, f) for f in want}
    assert all(right(f, got[f], v) for f, v in want.items()), (got, result.warnings)
    for f, v in want.items():
        if v is None:
            assert not result.confidence.get(f), f
