"""The demo portals over HTTP (real uvicorn, httpx): logins, pagination, filters, downloads, customs rules."""

from __future__ import annotations

import io
import re
import time
import zipfile

import httpx
import pytest
from openpyxl import load_workbook

from fixtures.portals.faults import FaultProfile, load_profile
from fixtures.portals.server import USERS, serve_portals
from hub.errors import InputError

PASSWORD = "Portal-Test-Pw-4417"  # conftest.py sets it as the portals' password


@pytest.fixture(scope="module")
def portals(portal_data):
    with serve_portals(portal_data, password=PASSWORD) as running:
        yield running


def _csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def login_marketplace(url: str, password: str = PASSWORD) -> httpx.Client:
    client = httpx.Client(base_url=url, follow_redirects=True, timeout=20)
    form = client.get("/login").text
    client.post("/login", data={"csrf_token": _csrf(form), "email": USERS["marketplace"], "password": password})
    return client


def test_marketplace_login_needs_csrf_and_the_right_password(portals):
    url = portals.urls["marketplace"]
    with httpx.Client(base_url=url) as c:
        assert c.get("/orders").status_code == 303
        assert c.post("/login", data={"email": USERS["marketplace"], "password": PASSWORD}).status_code == 400
        bad = c.post("/login", data={"csrf_token": _csrf(c.get("/login").text), "email": USERS["marketplace"],
                                     "password": "wrong"})
        assert bad.status_code == 401 and "Incorrect email or password" in bad.text
    client = login_marketplace(url)
    assert client.get("/orders").status_code == 200


def test_marketplace_api_pages_and_filters_every_order_once(portals, portal_data):
    client = login_marketplace(portals.urls["marketplace"])
    truth = portal_data.channel("marketplace")
    first = client.get("/api/orders", params={"page": 1}).json()
    assert first["total"] == len(truth)
    seen = [o["id"] for p in range(1, first["pages"] + 1) for o in client.get("/api/orders", params={"page": p}).json()["orders"]]
    assert sorted(seen) == sorted(o.external_id for o in truth)
    day = truth[len(truth) // 2].order_date.isoformat()
    only = client.get("/api/orders", params={"from": day, "to": day, "size": 100}).json()
    assert only["total"] == sum(o.order_date.isoformat() == day for o in truth) >= 1
    assert {o["date"] for o in only["orders"]} == {day}


def test_marketplace_export_and_invoice_downloads(portals, portal_data):
    client = login_marketplace(portals.urls["marketplace"])
    response = client.get("/orders/export.xlsx")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    truth = portal_data.channel("marketplace")
    assert len(rows) - 1 == sum(len(o.lines) for o in truth)
    assert {r[0] for r in rows[1:]} == {o.external_id for o in truth}
    pdf = client.get(f"/orders/{truth[0].external_id}/invoice.pdf")
    assert pdf.content.startswith(b"%PDF") and pdf.headers["content-type"] == "application/pdf"


def test_webshop_pages_and_status_filter(portals, portal_data):
    with httpx.Client(base_url=portals.urls["webshop"], follow_redirects=True) as c:
        c.post("/login", data={"username": USERS["webshop"], "password": PASSWORD})
        page = c.get("/admin/orders").text
        truth = portal_data.channel("webshop")
        assert f"共 {len(truth)} 条" in page and "订单编号" in page
        status = truth[0].status
        filtered = c.get("/admin/orders", params={"status": status}).text
        expected = sum(o.status == status for o in truth)
        assert f"共 {expected} 条" in filtered
        detail = c.get(f"/admin/orders/{truth[0].external_id}").text
        assert all(line.description in detail for line in truth[0].lines)


def test_bank_login_needs_the_sms_code_from_the_mailbox(portals, portal_data):
    url = portals.urls["bank"]
    with httpx.Client(base_url=url, follow_redirects=True) as c:
        form = {"csrf_token": _csrf(c.get("/login").text), "username": USERS["bank"], "password": PASSWORD,
                "sms_code": "000000"}
        assert "短信验证码错误" in c.post("/login", data=form).text
        assert c.post("/login/sms", data={"username": USERS["bank"]}).json()["ok"]
        code = c.get("/dev/mailbox.json").json()[0]["code"]
        form.update(csrf_token=_csrf(c.get("/login").text), sms_code=code)
        assert "账户明细查询" in c.post("/login", data=form).text
        receipts = portal_data.receipts
        archive = zipfile.ZipFile(io.BytesIO(c.get("/ebank/receipts.zip").content))
        assert len(archive.namelist()) == len(receipts)
        assert all(archive.read(n).startswith(b"%PDF") for n in archive.namelist()[:3])
        sheet = load_workbook(io.BytesIO(c.get("/ebank/statement.xlsx").content)).active
        assert sheet.max_row - 3 == len(portal_data.statement_lines)


GOOD_HEADER = {"consignor": "宁波示范制造有限公司", "consignor_code": "91330201MA2H3K4L5K",
               "overseas_consignee": "Acme Industrial Supply LLC", "exit_port": "3104 北仑海关", "trade_mode": "0110",
               "transport_mode": "2", "contract_no": "PI-2026-001", "trade_country": "USA", "dest_country": "USA",
               "dest_port": "Los Angeles", "incoterm": "3", "package_type": "22", "packages": "12",
               "gross_weight": "380", "net_weight": "350"}


def _item(spec: str = "材质:不锈钢|规格:M8×40") -> dict[str, str]:
    return {"item_hs_code": "7318158090", "item_name": "不锈钢螺栓", "item_spec": spec, "item_quantity": "1000",
            "item_unit": "007", "item_unit_price": "0.85", "item_total": "850.00", "item_currency": "USD",
            "item_origin": "CHN", "item_dest": "USA"}


@pytest.mark.parametrize("spec,final", [("材质:不锈钢|规格:M8×40", "accepted"), ("", "returned")])
def test_customs_validates_saves_drafts_and_decides_later(portal_data, spec, final):
    with serve_portals(portal_data, sites=("customs",), password=PASSWORD) as running:
        running.portals["customs"].review_seconds = 0.3
        with httpx.Client(base_url=running.urls["customs"], follow_redirects=True) as c:
            c.post("/login", data={"username": USERS["customs"], "password": PASSWORD})
            bad = c.post("/declarations/new", data={**GOOD_HEADER, "gross_weight": "300", "exit_port": "9999",
                                                    **_item()})
            assert bad.status_code == 422
            assert "毛重不能小于净重" in bad.text and "出境关别代码“9999”不存在" in bad.text
            saved = c.post("/declarations/new", data={**GOOD_HEADER, **_item(spec)})
            number = re.search(r'id="pre-entry-no"[^>]*>(E\d+)<', saved.text).group(1)
            assert "暂存成功" in saved.text
            submitted = c.post(f"/declarations/{number}/submit")
            assert "已申报" in submitted.text
            time.sleep(0.4)
            query = c.get("/declarations").text
            assert number in query
            assert ("海关入库成功" if final == "accepted" else "规格型号") in query


def test_fault_profiles_load_and_reject_unknown_knobs(tmp_path):
    flaky = load_profile("flaky")
    assert flaky.error_rate > 0 and flaky.session_expiry_requests == 50 and flaky.variant_markup
    bad = tmp_path / "bad.toml"
    bad.write_text("[faults]\nerror_rat = 0.1\n")
    with pytest.raises(InputError, match="unknown fault knobs"):
        load_profile(bad)
    with pytest.raises(InputError, match="no fault profile"):
        load_profile("nope")


def _status_codes(portal_data, profile: FaultProfile, n: int = 60) -> list[int]:
    with serve_portals(portal_data, profile, sites=("webshop",), password=PASSWORD) as running:
        with httpx.Client(base_url=running.urls["webshop"]) as c:
            c.post("/login", data={"username": USERS["webshop"], "password": PASSWORD})
            return [c.get("/admin/orders", params={"page": i % 3 + 1}).status_code for i in range(n)]


def test_faults_are_seeded_errors_and_session_expiry(portal_data):
    profile = FaultProfile(seed=3, error_rate=0.2, session_expiry_requests=25)
    first, second = _status_codes(portal_data, profile), _status_codes(portal_data, profile)
    assert first == second                        # reproducible
    assert 0 < first.count(500) < 30              # some 500s, not all
    assert 303 in first[20:]                      # the session died and the page sends us to the login


def test_variant_markup_renames_classes_and_maintenance_page(portal_data):
    profile = FaultProfile(variant_markup=True, maintenance_rate=1.0)
    with serve_portals(portal_data, profile, sites=("webshop",), password=PASSWORD) as running:
        with httpx.Client(base_url=running.urls["webshop"], follow_redirects=True) as c:
            assert "系统维护中" not in c.get("/login").text  # the login page is exempt
            c.post("/login", data={"username": USERS["webshop"], "password": PASSWORD})
            page = c.get("/admin/orders").text
            assert "系统维护中" in page
            css = c.get("/static/portal.css").text
            assert ".data-table" not in css and "data-table" not in page
