"""A customs clerk reopens a source document confirmed as printed from its declaration's page, corrects it on the
document page, and the draft declaration is prefilled again from the corrected document; an approved declaration's
approval is withdrawn on the way (said on the page and in the audit log); a filed one refuses. Real SQLite store,
the world's own PDFs read by the extraction pipeline, the station through Starlette's TestClient."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import pytest
from starlette.testclient import TestClient

from hub.records import Declaration, PackingList, SourceFile
from tests.station.client import csrf, export_case, login


@pytest.fixture
def case(small_world, tmp_path: Path):
    """A store with the world's master data and orders, one clean export order's commercial invoice and packing
    list read from their PDFs and confirmed as printed (status stored), and its draft declaration."""
    from customs.filing import prefill_and_store
    from hub.review import confirm_document

    store, order = export_case(small_world, tmp_path / "home")
    for source in store.all(SourceFile, status="needs_review"):         # a finance clerk confirmed it as printed
        confirm_document(store, source.sha256, {}, by="李娜")
    assert [s.status for s in store.all(SourceFile)] == ["stored", "stored"]
    [decl] = prefill_and_store(store, [order.natural_key()], actor="prefill").declarations
    packing = next(s for s in store.all(SourceFile) if s.kind == "packing-list")
    return store, decl, packing



def test_reopen_a_confirmed_packing_list_from_its_declaration_and_the_draft_takes_the_correction(case) -> None:
    from station.app import create_app

    store, decl, packing = case
    url = f"/declarations/{quote(decl.number)}"
    with TestClient(create_app(store), follow_redirects=False) as client:
        login(client, "赵强")
        page = client.get(url)
        assert page.status_code == 200 and "源单据 Source documents" in page.text
        assert f'name="sha" value="{packing.sha256}"' in page.text            # a reopen form per source document
        token = csrf(page.text)
        assert client.post(f"{url}/reopen", data={"sha": packing.sha256}).status_code == 403     # no CSRF token
        assert store.get(SourceFile, packing.sha256).status == "stored"

        done = client.post(f"{url}/reopen", data={"csrf": token, "sha": packing.sha256, "note": "毛重有误"})
        assert done.status_code == 303 and done.headers["location"].startswith(f"/documents/{packing.sha256}?")
        assert store.get(SourceFile, packing.sha256).status == "needs_review"
        [event] = [e for e in store.history(("source_file", packing.sha256), include_linked=False)
                   if e.action == "document:reopened"]
        assert event.actor == "赵强" and "毛重有误" in event.note
        again = client.post(f"{url}/reopen", data={"csrf": token, "sha": packing.sha256})
        assert again.status_code == 409 and "already open" in again.text and "赵强" in again.text

        held = client.post(f"{url}/decide", data={"csrf": token, "action": "approve"})
        assert held.status_code == 422 and "is in review; confirm it first" in held.text     # not approved meanwhile
        assert store.get(Declaration, decl.number).status == "draft"

        doc = client.get(done.headers["location"])                     # the customs clerk may correct it
        weight_input = re.search(r'<input[^>]*name="f\.total_gross_weight_kg"[^>]*>', doc.text).group(0)
        assert "重新打开" in doc.text and "disabled" not in weight_input
        record = store.get(PackingList, packing.record_keys[0].split(":", 1)[1])
        weighed = record.total_gross_weight_kg + Decimal("12.5")
        confirmed = client.post(f"/documents/{packing.sha256}/confirm",
                                data={"csrf": csrf(doc.text), "f.total_gross_weight_kg": str(weighed)})
        assert confirmed.status_code == 200, confirmed.text
        assert "报关单已更新 declarations updated: " + decl.number in confirmed.text
    fresh = store.get(Declaration, decl.number)
    assert fresh.status == "draft" and fresh.gross_weight == weighed
    assert fresh.source_of("gross_weight").startswith("packing_list:")
    assert store.get(SourceFile, packing.sha256).status == "stored"


def test_a_finance_clerk_may_not_reopen_from_a_declaration(case) -> None:
    from station.app import create_app

    store, decl, packing = case
    with TestClient(create_app(store), follow_redirects=False) as client:
        login(client, "李娜")
        token = csrf(client.get("/").text)
        refused = client.post(f"/declarations/{quote(decl.number)}/reopen", data={"csrf": token, "sha": packing.sha256})
        assert refused.status_code == 403
    assert store.get(SourceFile, packing.sha256).status == "stored"


def test_an_approved_declaration_is_withdrawn_and_a_filed_one_refuses(case) -> None:
    from customs.filing import approve, record_filing
    from station.app import create_app

    store, decl, packing = case
    approve(store, decl.number, by="赵强")
    url = f"/declarations/{quote(decl.number)}"
    with TestClient(create_app(store), follow_redirects=False) as client:
        login(client, "赵强")
        page = client.get(url)
        assert "将撤回批准 — withdraws the approval" in page.text                # said before the click
        done = client.post(f"{url}/reopen", data={"csrf": csrf(page.text), "sha": packing.sha256})
        assert done.status_code == 303
        doc = client.get(done.headers["location"])
        assert "approval withdrawn, back to draft (not filed)" in doc.text and decl.number in doc.text
        back = store.get(Declaration, decl.number)
        assert back.status == "draft" and back.approved_by is None         # the filing bot files only approved
        [event] = [e for e in store.history(back, include_linked=False) if e.action == "customs:reopened"]
        assert event.actor == "赵强" and event.before["status"] == "approved"

        # confirmed again unchanged, approved and filed: the single window has its values now
        client.post(f"/documents/{packing.sha256}/confirm", data={"csrf": csrf(doc.text)})
        approve(store, decl.number, by="赵强")
        record_filing(store, decl.number, pre_entry_no="I20260000001", status="filed", customs_no=None, reason=None,
                      actor="customs bot")
        page = client.get(url)
        assert "已申报，不能重新打开" in page.text and 'action="' + url + '/reopen"' not in page.text
        refused = client.post(f"{url}/reopen", data={"csrf": csrf(page.text), "sha": packing.sha256})
        assert refused.status_code == 422 and "went to customs" in refused.text
    assert store.get(SourceFile, packing.sha256).status == "stored"
    assert store.get(Declaration, decl.number).status == "filed"
