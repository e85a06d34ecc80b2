"""The Declaration record: validation, sources, storage, and the shape the customs filer and single window take."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from pydantic import ValidationError

from customs.prefill import prefill_order
from fixtures.portals.customs import validate
from hub.records import RECORD_TYPES, Declaration, DeclarationItem

PROFILE = Path(__file__).resolve().parents[2] / "bots" / "profiles" / "customs.toml"


@pytest.fixture
def decl(world_store, export_case) -> Declaration:
    order, _, _ = export_case
    return prefill_order(world_store, order.external_id)[0]


def item(**changes) -> dict:
    base = {"item_no": 1, "hs_code": "7318160000", "name": "六角螺母", "quantity": "5000", "unit": "007",
            "unit_price": "0.0121", "total": "60.50", "currency": "USD", "dest": "USA"}
    return base | changes


def test_hs_code_is_ten_digits():
    assert DeclarationItem(**item(hs_code="7318.16.0000")).hs_code == "7318160000"
    assert DeclarationItem(**item(hs_code="")).hs_code is None
    for bad in ("73181600", "731816000X", "73181600001"):
        with pytest.raises(ValidationError, match="must be 10 digits"):
            DeclarationItem(**item(hs_code=bad))


def test_items_numbered_from_one_and_amounts_decimal():
    header = {"number": "CD-1", "consignor": "恒锐", "consignor_code": "91320594MA1MXQ7K8G",
              "overseas_consignee": "Great Lakes Machinery Inc."}
    with pytest.raises(ValidationError, match="项号 must run 1..2"):
        Declaration(**header, items=[item(), item(item_no=3)])
    with pytest.raises(ValidationError, match="negative"):
        Declaration(**header, items=[item(total="-1")])
    with pytest.raises(ValidationError):
        Declaration(**header, items=[item()], status="lost")
    assert "declaration" in RECORD_TYPES


def test_filing_form_matches_the_filer_profile_and_passes_the_single_window(decl):
    profile = tomllib.loads(PROFILE.read_text(encoding="utf-8"))
    form = decl.filing_form()
    assert set(form["header"]) == set(profile["entry"]["header"])
    assert all(set(i) == set(profile["entry"]["items"]) for i in form["items"])
    assert all(isinstance(v, str) for v in form["header"].values())
    assert validate(form["header"], form["items"]) == {}


def test_sources_name_the_document(decl, export_case):
    _, invoice, packing = export_case
    assert decl.source_of("packages") == f"packing_list:{packing.number} total_cartons"
    assert decl.source_of("overseas_consignee") == f"invoice:{invoice.number} buyer_name"
    assert decl.source_of("item.1.total") == f"invoice:{invoice.number} line 1"
    assert decl.source_of("item.1.origin") == "default"
    assert all(decl.source_of(f"item.{i.item_no}.hs_code") for i in decl.items)


def test_stored_once_and_read_back_equal(world_store, decl):
    first = world_store.upsert([decl])
    second = world_store.upsert([decl])
    assert first.inserted == [decl.number] and second.unchanged == [decl.number]
    assert world_store.get(Declaration, decl.number) == decl
    assert world_store.all(Declaration, status="draft") == [decl]
