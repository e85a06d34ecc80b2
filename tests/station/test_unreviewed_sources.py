"""A declaration whose invoice or packing list is still in review (never confirmed, or reopened) is approved by
nobody: not by the demo's automatic review, not by a clerk, in the station or by the library. It carries a
blocking warning naming the document, linked to its page in the station; confirming the document there lifts it.
Real SQLite store, the world's own PDFs read by the extraction pipeline, the station through Starlette's
TestClient."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from starlette.testclient import TestClient

from hub.errors import InputError
from hub.records import Declaration, SourceFile
from tests.station.client import PASSWORDS, csrf, export_case, login


@pytest.fixture
def unreviewed(small_world, tmp_path: Path):
    """One clean export order's commercial invoice and packing list read from their PDFs and left in review (as
    the demo's ingest leaves a document it doubts), and its draft declaration."""
    from customs.filing import prefill_and_store

    store, order = export_case(small_world, tmp_path / "home")
    for source in store.all(SourceFile):                       # as a doubtful read leaves them: in review
        if source.status != "needs_review":
            store.upsert([source.model_copy(update={"status": "needs_review"})], actor="ingest")
    [decl] = prefill_and_store(store, [order.natural_key()], actor="prefill").declarations
    files = {s.kind: s for s in store.all(SourceFile)}
    return store, decl, files["invoice"], files["packing-list"]


def test_a_declaration_is_not_approved_while_a_source_document_waits_for_review(unreviewed) -> None:
    from customs.filing import approve, clean

    store, decl, invoice, packing = unreviewed
    waiting = [w for w in decl.warnings if w.rule == "source_in_review"]
    assert [w for w in decl.warnings if w.rule != "source_in_review"] == []     # clean but for its documents
    assert [(w.field, w.value, w.blocking) for w in waiting] == [
        ("invoice.document", Path(invoice.path).name, True), ("packing_list.document", Path(packing.path).name, True)]
    assert waiting[0].message.startswith(f"源单据发票 invoice {Path(invoice.path).name} 待复核 needs review：确认后才能批准")
    assert not clean(decl)                                       # the demo's automatic review leaves it
    with pytest.raises(InputError, match=f"{Path(invoice.path).name} \\(needs review\\).*is in review"):
        approve(store, decl.number, by="赵强")
    assert store.get(Declaration, decl.number).status == "draft"


def test_the_station_links_the_waiting_document_and_confirming_it_lifts_the_block(unreviewed) -> None:
    from customs.filing import reopen_source
    from station.app import create_app

    store, decl, invoice, packing = unreviewed
    url = f"/declarations/{quote(decl.number)}"
    with TestClient(create_app(store), follow_redirects=False) as client:
        login(client, "赵强")
        page = client.get(url)
        warnings = page.text.split('class="warnings decl-warnings"', 1)[1].split("</div>", 1)[0]
        assert 'data-rule="source_in_review"' in warnings and f'href="/documents/{invoice.sha256}"' in warnings
        assert f'href="/documents/{packing.sha256}"' in warnings and Path(packing.path).name in warnings
        held = client.post(f"{url}/decide", data={"csrf": csrf(page.text), "action": "approve"})
        assert held.status_code == 422 and "is in review; confirm it first" in held.text
        assert store.get(Declaration, decl.number).status == "draft"

        login(client, "李娜")                                     # finance confirms the invoice as printed
        doc = client.get(f"/documents/{invoice.sha256}")
        confirmed = client.post(f"/documents/{invoice.sha256}/confirm", data={"csrf": csrf(doc.text)})
        assert confirmed.status_code == 200 and "报关单已更新 declarations updated: " + decl.number in confirmed.text
        left = store.get(Declaration, decl.number)
        assert [w.field for w in left.warnings if w.rule == "source_in_review"] == ["packing_list.document"]
        doc = client.get(f"/documents/{packing.sha256}")
        client.post(f"/documents/{packing.sha256}/confirm", data={"csrf": csrf(doc.text)})
        assert store.get(Declaration, decl.number).warnings == []

        login(client, "赵强")                                     # reopened: blocked again at once, said so
        reopen_source(store, decl.number, packing.sha256, by="赵强", reason="毛重有误")
        [again] = store.get(Declaration, decl.number).warnings
        assert again.rule == "source_in_review" and "已重新打开复核 reopened" in again.message
        page = client.get(url)
        assert client.post(f"{url}/decide", data={"csrf": csrf(page.text), "action": "approve"}).status_code == 422
        doc = client.get(f"/documents/{packing.sha256}")
        client.post(f"/documents/{packing.sha256}/confirm", data={"csrf": csrf(doc.text)})
        page = client.get(url)
        approved = client.post(f"{url}/decide", data={"csrf": csrf(page.text), "action": "approve"})
        assert approved.status_code == 200 and "已批准" in approved.text
    assert store.get(Declaration, decl.number).status == "approved"


@pytest.mark.slow
def test_the_clerk_sees_the_waiting_document_first_and_opens_it_in_chromium(unreviewed, browser) -> None:
    """On real chromium: the declaration's page says first that its documents wait for review, each linked;
    the link opens the document's page in the station. Screenshot to look at."""
    import tempfile

    from station.server import serve_station

    store, decl, invoice, _packing = unreviewed
    shots = Path(tempfile.gettempdir()) / "orderhub-station-shots"
    shots.mkdir(parents=True, exist_ok=True)
    with serve_station(store) as station:
        context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
        page = context.new_page()
        page.goto(f"{station.url}/")
        page.fill("input[name=name]", "赵强")
        page.fill("input[name=password]", PASSWORDS["赵强"])
        page.click("button[type=submit]")
        page.wait_for_url(f"{station.url}/")
        page.goto(f"{station.url}/declarations/{quote(decl.number)}")
        first = page.locator(".decl-warnings li").first
        assert first.get_attribute("data-rule") == "source_in_review" and first.get_attribute("class") == "bad"
        assert f"源单据发票 invoice {Path(invoice.path).name} 待复核 needs review" in first.inner_text()
        page.screenshot(path=str(shots / "station-declaration-source-in-review.png"))
        with context.expect_page() as opened:
            first.locator(f"a[href='/documents/{invoice.sha256}']").click()
        doc = opened.value
        doc.wait_for_selector("#doc-form")
        assert f"/documents/{invoice.sha256}" in doc.url and Path(invoice.path).name in doc.inner_text("main")
        context.close()


def test_an_approved_declaration_whose_document_comes_again_for_review_is_held_not_filed(unreviewed, tmp_path) -> None:
    """Approved after its documents were confirmed, then a new reading of its packing list arrives (another file
    of the same packing list, left for review): the next prefill withdraws the approval (``customs:held``, said
    in the audit log), so the filing bot does not file it; the warning names the new file."""
    from customs.filing import approve, prefill_and_store
    from extractors.pipeline import Options, extract_paths
    from hub.review import confirm_document

    store, decl, invoice, packing = unreviewed
    for source in (invoice, packing):
        confirm_document(store, source.sha256, {}, by="李娜")
    prefill_and_store(store, [decl.order_key], actor="prefill")
    assert approve(store, decl.number, by="赵强").status == "approved"

    again = tmp_path / "again" / "PL-again.pdf"                         # the same packing list, sent again
    again.parent.mkdir()
    again.write_bytes(Path(packing.path).read_bytes() + b"\n% sent again\n")
    extract_paths([again], store.settings, Options(), store=store)
    [new] = [s for s in store.all(SourceFile) if s.path.endswith("PL-again.pdf")]
    assert set(new.record_keys) == set(packing.record_keys)
    store.upsert([new.model_copy(update={"status": "needs_review"})], actor="ingest")

    # before any prefill runs again, the filing bot's task refuses it (never opening the portal)
    from flows.customs_prefill import file_task

    with pytest.raises(InputError, match=r"PL-again\.pdf is in review again"):
        file_task.fn(str(tmp_path / "home"), decl.number, "http://127.0.0.1:9", "U", "P", str(tmp_path / "bot"), 1, 1)
    assert store.get(Declaration, decl.number).status == "approved" and not (tmp_path / "bot").exists()

    done = prefill_and_store(store, actor="prefill")
    assert done.held == [decl.number]
    held = store.get(Declaration, decl.number)
    assert held.status == "draft" and held.approved_by is None
    assert [(w.rule, w.value) for w in held.warnings] == [("source_in_review", "PL-again.pdf")]
    [event] = [e for e in store.history(held, include_linked=False) if e.action == "customs:held"]
    assert event.before == {"status": "approved", "approved_by": "赵强"} and "PL-again.pdf in review" in event.note
    assert prefill_and_store(store, actor="prefill").held == []           # once: a draft now, nothing more to hold
