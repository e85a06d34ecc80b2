"""A declaration approved in the review station is filed by the next customs-prefill run on the demo single
window (real Prefect server, real chromium for the reviewer and for the filer), and the station shows it
accepted."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from fixtures.portals.data import PortalData
from fixtures.portals.server import USERS, serve_portals
from hub.records import Declaration
from hub.settings import load_settings
from hub.store import Store
from hub.users import add_user

SECRET = "Cu5-St!Pw-1182"


@pytest.mark.slow
def test_station_approval_is_filed_by_the_next_run(prefect_server, small_world, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from playwright.sync_api import sync_playwright

    from bots.browser import CHROMIUM, CHROMIUM_ARGS
    from customs.filing import prefill_and_store
    from flows.customs_prefill import customs_prefill_flow
    from station.server import serve_station

    store = Store(settings=load_settings(str(tmp_path)))
    store.upsert(small_world.records(), actor="test")
    add_user(store, "赵强", "customs", "zhao-customs-pw", by="test")
    done = prefill_and_store(store, actor="prefill")
    clean = next(d for d in done.declarations if d.status == "draft" and not d.warnings)
    with serve_station(store) as station, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=list(CHROMIUM_ARGS))
        page = browser.new_page()
        page.goto(f"{station.url}/declarations/{quote(clean.number)}")
        page.fill("input[name=name]", "赵强")
        page.fill("input[name=password]", "zhao-customs-pw")
        page.click("button[type=submit]")
        page.wait_for_selector("#approve")
        page.click("#approve")
        page.wait_for_selector(".flash.ok")
        assert store.get(Declaration, clean.number).status == "approved"

        monkeypatch.setenv("ORDERHUB_CUSTOMS_USER", USERS["customs"])
        monkeypatch.setenv("ORDERHUB_CUSTOMS_PASSWORD", SECRET)
        with serve_portals(PortalData.from_world(small_world), sites=("customs",), password=SECRET) as portals:
            portals.portals["customs"].review_seconds = 0.3
            summary = customs_prefill_flow(review="none", portal_url=portals.urls["customs"], home=str(tmp_path),
                                           out_dir=str(tmp_path / "out"), poll_seconds=0.3, decision_timeout=30)
        assert clean.number in summary.accepted, summary
        filed = store.get(Declaration, clean.number)
        assert filed.status == "accepted" and filed.approved_by == "赵强" and filed.customs_no
        assert set(summary.accepted) == {clean.number}  # nothing a person did not approve was filed
        page.goto(f"{station.url}/declarations")
        assert filed.customs_no in page.inner_text("body") and "已放行 accepted" in page.inner_text("body")
        browser.close()
