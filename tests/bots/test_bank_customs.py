"""The bank downloader and the customs filer on real chromium against the demo bank and single window."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from bots.bank import BankDownloader, bank_site, download_bank
from bots.browser import Browser, LoginError, PortalSession
from bots.credentials import Credentials, Secret
from bots.customs import CustomsFiler, DeclarationRejected, file_declaration
from bots.profiles import load_profile
from bots.scraper import site_for
from fixtures.portals.faults import FaultProfile
from fixtures.portals.server import USERS, serve_portals

SECRET = "Zq7-Secret-Pw!9041"  # conftest.py's portal password


def test_bank_receipts_and_statement_match_the_world(portals, world, creds, tmp_path):
    result = download_bank(portals.urls["bank"], creds("bank"), tmp_path)
    assert result.receipt_count == len(world.receipts) == len(result.receipts)
    assert all(p.read_bytes().startswith(b"%PDF") for p in result.receipts)
    assert {p.name for p in result.receipts} == {f"电子回单_{r.transaction_id}.pdf" for r in world.receipts}
    sheet = load_workbook(result.statement).active
    ids = {row[2] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert ids == {s.transaction_id for s in world.statement_lines}


def test_bank_date_range_and_single_receipt(portals, world, creds, tmp_path):
    days = sorted(r.value_date for r in world.receipts)
    since, until = days[len(days) // 3], days[2 * len(days) // 3]
    expected = [r for r in world.receipts if since <= r.value_date <= until]
    prof = load_profile("bank")
    with Browser() as browser, PortalSession(browser, bank_site(prof, portals.urls["bank"]), creds("bank"),
                                             tmp_path) as session:
        bot = BankDownloader(session, prof, tmp_path)
        files, count = bot.receipts(since, until)
        assert count == len(expected) == len(files)
        one = bot.receipt(expected[0].transaction_id, since, until)
        assert one.read_bytes().startswith(b"%PDF") and expected[0].transaction_id in one.name


def test_bank_wrong_password_is_a_login_error(portals, tmp_path):
    with pytest.raises(LoginError, match="操作员号或登录密码错误"):
        download_bank(portals.urls["bank"], Credentials(USERS["bank"], Secret("wrong-pass")), tmp_path)


def test_bank_under_faults(data, world, tmp_path):
    faults = FaultProfile(seed=4, error_rate=0.15, maintenance_rate=0.1, session_expiry_requests=3, download_kbps=512,
                          variant_markup=True)
    with serve_portals(data, faults, sites=("bank",), password=SECRET) as run:
        result = download_bank(run.urls["bank"], Credentials(USERS["bank"], Secret(SECRET)), tmp_path)
    assert len(result.receipts) == len(world.receipts)


DECLARATION = {
    "header": {"consignor": "苏州恒锐精密五金制品有限公司", "consignor_code": "91330201MA2H3K4L5K",
               "overseas_consignee": "Iberica Suministros Industriales S.L.", "exit_port": "2248",
               "trade_mode": "0110", "transport_mode": "2", "contract_no": "PI-2026-0107", "trade_country": "ESP",
               "dest_country": "ESP", "dest_port": "Valencia", "incoterm": "3", "package_type": "22",
               "packages": 18, "gross_weight": "612.5", "net_weight": "580"},
    "items": [
        {"hs_code": "7318158090", "name": "六角头螺栓", "spec": "材质:碳钢|规格:M12×40|等级:4.8", "quantity": 20000,
         "unit": "007", "unit_price": "0.07", "total": "1400.00", "currency": "USD", "origin": "CHN", "dest": "ESP"},
        {"hs_code": "7318220000", "name": "平垫圈", "spec": "材质:碳钢|规格:Φ12", "quantity": 2000, "unit": "007",
         "unit_price": "0.01", "total": "20.00", "currency": "USD", "origin": "CHN", "dest": "ESP"},
    ],
}


@pytest.fixture
def customs(data):
    """A customs single window of its own (declarations are state), deciding in half a second."""
    with serve_portals(data, sites=("customs",), password=SECRET) as run:
        run.portals["customs"].review_seconds = 0.5
        yield run


def _filer(run, tmp_path):
    prof = load_profile("customs")
    browser = Browser()
    session = PortalSession(browser, site_for(prof, run.urls["customs"]), Credentials(USERS["customs"], Secret(SECRET)),
                            tmp_path)
    return browser, session, CustomsFiler(session, prof), prof


def test_customs_draft_then_submit_then_accepted(customs, tmp_path):
    declaration = {**DECLARATION, "header": {**DECLARATION["header"], "trade_country": "USA", "dest_country": "USA",
                                              "dest_port": "Los Angeles"},
                   "items": [{**i, "dest": "USA"} for i in DECLARATION["items"]]}
    browser, session, filer, prof = _filer(customs, tmp_path)
    try:
        draft = filer.save_draft(declaration)
        assert draft.pre_entry_no.startswith("E") and draft.status == "draft"
        stored = customs.portals["customs"].declarations[draft.pre_entry_no]
        assert stored.status == "draft" and len(stored.items) == 2          # saved, not submitted
        assert stored.header["exit_port"] == "2248" and stored.items[1]["spec"] == "材质:碳钢|规格:Φ12"
        assert filer.status(draft.pre_entry_no).status == "draft"
        filer.submit(draft.pre_entry_no)
        final = filer.wait_for_decision(draft.pre_entry_no, timeout=20, interval=0.3)
        assert final.status == "accepted" and final.customs_no and final.reason is None
    finally:
        session.close()
        browser.close()


def test_customs_returned_with_reason(customs, tmp_path):
    declaration = {**DECLARATION, "header": {**DECLARATION["header"], "trade_country": "USA", "dest_country": "USA"},
                   "items": [{**DECLARATION["items"][0], "spec": "", "dest": "USA"}]}
    browser, session, _filer_, prof = _filer(customs, tmp_path)
    try:
        final = file_declaration(session, prof, declaration, submit=True, timeout=20)
        assert final.status == "returned" and "规格型号" in final.reason
    finally:
        session.close()
        browser.close()


def test_customs_validation_messages_come_back_as_an_error(customs, tmp_path):
    bad = {**DECLARATION, "header": {**DECLARATION["header"], "trade_country": "USA", "dest_country": "USA",
                                      "gross_weight": "100"},
           "items": [{**DECLARATION["items"][0], "hs_code": "73181", "dest": "USA"}]}
    browser, session, filer, prof = _filer(customs, tmp_path)
    try:
        with pytest.raises(DeclarationRejected) as info:
            filer.save_draft(bad)
        assert any("毛重不能小于净重" in m for m in info.value.messages)
        assert any("商品编号应为10位数字" in m for m in info.value.messages)
        assert not customs.portals["customs"].declarations                    # nothing saved
    finally:
        session.close()
        browser.close()


def test_customs_cycle_under_faults_files_exactly_once(data, tmp_path):
    """500s, maintenance pages and a session that dies every 4 requests: still one draft, one submission."""
    faults = FaultProfile(seed=6, error_rate=0.15, maintenance_rate=0.05, session_expiry_requests=4, variant_markup=True)
    with serve_portals(data, faults, sites=("customs",), password=SECRET) as run:
        run.portals["customs"].review_seconds = 0.3
        declaration = {**DECLARATION, "header": {**DECLARATION["header"], "trade_country": "USA", "dest_country": "USA"},
                       "items": [{**i, "dest": "USA"} for i in DECLARATION["items"]]}
        browser, session, filer, prof = _filer(run, tmp_path)
        try:
            final = file_declaration(session, prof, declaration, submit=True, timeout=30)
        finally:
            session.close()
            browser.close()
        stored = run.portals["customs"].declarations
        assert list(stored) == [final.pre_entry_no] and final.status == "accepted"
        assert session.stats.retries >= 1 and session.stats.logins >= 2


def test_customs_refused_on_submit_keeps_the_draft_and_the_corrected_one_is_filed_over_it(customs, tmp_path):
    """A tariff revision retired an item's HS code: the draft is saved (the entry checks pass), submitting it is
    refused with the portal's message, the draft stays unsubmitted; the corrected declaration is saved over the
    same draft and submitted once: one declaration on the single window, accepted."""
    portal = customs.portals["customs"]
    portal.retired_hs = {"7318158090": {"since": "2026-01-01", "successor": "7318159090"}}
    declaration = {**DECLARATION, "header": {**DECLARATION["header"], "trade_country": "USA", "dest_country": "USA"},
                   "items": [{**i, "dest": "USA"} for i in DECLARATION["items"]]}
    browser, session, filer, prof = _filer(customs, tmp_path)
    try:
        draft = filer.save_draft(declaration)
        with pytest.raises(DeclarationRejected) as info:
            filer.submit(draft.pre_entry_no)
        refusal = info.value
        assert refusal.stage == "submit" and refusal.pre_entry_no == draft.pre_entry_no
        assert refusal.messages == ["第1项商品编号 7318158090 自 2026-01-01 起已停用（税则转版），请按现行税则申报"
                                    "（可改按 7318159090 申报）"]
        assert f"on submit (draft {draft.pre_entry_no} kept, not submitted)" in str(refusal)
        assert list(portal.declarations) == [draft.pre_entry_no] and portal.declarations[draft.pre_entry_no].status == "draft"
        assert filer.status(draft.pre_entry_no).status == "draft"
        fixed = {**declaration, "items": [{**declaration["items"][0], "hs_code": "7318159090"}, declaration["items"][1]]}
        again = filer.save_draft(fixed, pre_entry_no=draft.pre_entry_no)
        assert again.pre_entry_no == draft.pre_entry_no
        filer.submit(again.pre_entry_no)
        final = filer.wait_for_decision(again.pre_entry_no, timeout=20, interval=0.3)
        assert final.status == "accepted" and final.customs_no
        assert list(portal.declarations) == [draft.pre_entry_no]                      # filed once, over the draft
        assert portal.declarations[draft.pre_entry_no].items[0]["hs_code"] == "7318159090"
    finally:
        session.close()
        browser.close()
