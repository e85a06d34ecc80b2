"""A world drawn in layout families prints its own records: what a document says is what the world's record
says (parties, amount, memo), so an end-to-end run compares extraction with the truth, not with another
transaction the family made up. Family sets for the extraction bench keep their variants."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from fixtures.generator.assemble import assemble
from fixtures.generator.families import families


@pytest.fixture(scope="module")
def world_docs() -> list:
    built = assemble(11, 40, layouts="families")
    return [t for t in built.docs if t.kind in ("invoice", "receipt") and t.layout.startswith("family:")]


def _render(task):
    fam = families(task.kind)[task.layout.split(":", 1)[1]]
    return fam.render(task.record, task.ctx, random.Random(f"orderhub-doc:{task.path}"))


def test_world_receipts_print_the_record_money_in_and_its_memo(world_docs) -> None:
    receipts = [t for t in world_docs if t.kind == "receipt"]
    layouts = {t.layout for t in receipts}
    assert {"family:sides_e", "family:memo_invoice"} <= layouts, layouts
    for task in receipts:
        expected = _render(task).expected
        rec = task.record
        assert (expected["payer_name"], expected["payee_name"]) == (rec.payer_name, rec.payee_name), task.path
        assert expected["memo"] == (rec.memo or ""), task.path
        assert Decimal(str(expected["amount"])) == rec.amount, task.path


def test_world_invoices_are_never_drawn_as_toll_invoices(world_docs) -> None:
    invoices = [t for t in world_docs if t.kind == "invoice"]
    assert invoices
    assert not families("invoice")["cn_toll"].world
    assert all(t.layout != "family:cn_toll" for t in invoices)
    for task in invoices:
        expected = _render(task).expected
        assert Decimal(str(expected["total"])) == task.record.total, task.path
        assert expected["buyer_name"] == task.record.buyer_name, task.path


def test_family_sets_keep_debits_and_memos_naming_other_invoices(world_docs) -> None:
    """Outside a world (the extraction bench's family sets) the variants stay: 本方/对方 debits, memos that
    quote invoice numbers of the payer's own."""
    task = next(t for t in world_docs if t.kind == "receipt")
    ctx = {k: v for k, v in task.ctx.items() if k != "world_record"}
    sides = [families("receipt")["sides_e"].render(task.record, ctx, random.Random(n)).expected for n in range(12)]
    assert any(e["payer_name"] == task.record.payee_name for e in sides)  # some print the transfer as a debit
    memos = {families("receipt")["memo_invoice"].render(task.record, ctx, random.Random(n)).expected["memo"]
             for n in range(6)}
    assert (task.record.memo or "") not in memos
