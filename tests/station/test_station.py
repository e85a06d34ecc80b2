"""The review station in real chromium against real uvicorn and a real SQLite store: documents beside
their page, payments with their candidates, declarations; roles, CSRF, and two reviewers on one item."""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import quote

from hub.records import Declaration, Invoice, Match, SourceFile
from hub.store import Store

#: Screenshots of these pages on the test's small store, to look at; the docs' ones (docs/screenshots/station-*.png)
#: are taken on the demo's store by tests/station/test_clear_demo.py.
SHOTS = Path(tempfile.gettempdir()) / "orderhub-station-shots"


def _clean_draft(store: Store) -> Declaration:
    return next(d for d in store.all(Declaration, status="draft") if not d.blocking)


def _doc(store: Store) -> SourceFile:
    return next(s for s in store.all(SourceFile) if s.path.endswith("blue-harbour.pdf"))


def test_login_is_required_and_a_wrong_password_refused(browser, station) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{station.url}/documents")
    assert "/login" in page.url
    page.fill("input[name=name]", "li")
    page.fill("input[name=password]", "not-the-password")
    page.click("button[type=submit]")
    assert "用户名或密码不对" in page.content()
    context.close()


def test_correct_a_document_by_clicking_its_boxes(login, review_store: Store) -> None:
    page = login("li")
    page.click("text=待复核单据 Documents")
    page.wait_for_selector("table.queue")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "station-documents.png"))
    source = _doc(review_store)
    page.click(f"a[href='/documents/{source.sha256}']")
    page.wait_for_selector(".page img")
    page.wait_for_function("document.querySelector('.page img').complete && "
                           "document.querySelector('.page img').naturalWidth > 0")
    # every field read with a box is drawn on the page; every word of the text layer is clickable
    field_boxes = page.locator(".box.field")
    assert field_boxes.count() >= 2
    assert page.locator(".box.field[data-field=total]").count() == 1
    assert page.locator(".box.word").count() >= 20
    # low confidence and missing fields first
    first = page.locator(".fieldrow").first.get_attribute("data-field")
    assert first in set(source.review_fields)
    page.screenshot(path=str(SHOTS / "station-document.png"), full_page=False)
    # the number: the clerk focuses the field and clicks the reference printed on the page
    page.focus("input[data-field=number]")
    page.click(".box.word[data-text='BH-2026-0314']")
    assert page.input_value("input[data-field=number]") == "BH-2026-0314"
    # the seller: one word clicked, the others added with Shift+click
    page.focus("input[data-field=seller_name]")
    page.click(".box.word[data-text='BLUE']")
    for word in ("HARBOUR", "CONSULTING", "LTD."):
        page.click(f".box.word[data-text='{word}']", modifiers=["Shift"])
    assert page.input_value("input[data-field=seller_name]") == "BLUE HARBOUR CONSULTING LTD."
    page.fill("input[data-field=currency]", "EUR")
    page.focus("input[data-field=currency]")
    page.keyboard.press("Enter")                                     # confirm, and on to the next document
    page.wait_for_selector(".flash.ok")
    assert "已确认" in page.inner_text(".flash.ok") and "blue-harbour.pdf" in page.inner_text(".flash.ok")
    other = next(s for s in review_store.all(SourceFile) if s.path.endswith("blue-harbour-2.pdf"))
    assert page.url.split("?")[0].endswith(other.sha256)
    after = review_store.get(SourceFile, source.sha256)
    assert after is not None and after.status == "stored" and after.review_fields == []
    assert after.fields["number"].confidence == 1.0 and after.fields["number"].text == "BH-2026-0314"
    assert after.fields["number"].box is not None and after.fields["number"].page == 1  # the box it came from
    [ref] = after.record_keys
    invoice = review_store.get(Invoice, ref.split(":", 1)[1])
    assert invoice is not None and invoice.number == "BH-2026-0314" and invoice.currency == "EUR"
    assert invoice.seller_name == "BLUE HARBOUR CONSULTING LTD." and str(invoice.total) == "1250.00"
    assert review_store.get(Invoice, f"file:{source.sha256}") is None  # the partial record was replaced
    events = [e for e in review_store.history(("source_file", source.sha256)) if e.action == "document:confirmed"]
    assert len(events) == 1 and events[0].actor == "li" and events[0].after["number"] == "BH-2026-0314"


def test_a_second_decision_on_a_decided_document_is_refused(login, review_store: Store) -> None:
    source = _doc(review_store)
    assert source.status == "stored"  # confirmed by the test before
    page = login("wang")
    response = page.request.get(f"{page.url.rstrip('/')}/documents/{source.sha256}")
    token = page.goto(f"{page.url.rstrip('/')}/documents/{source.sha256}") and \
        page.locator("input[name=csrf]").first.get_attribute("value")
    response = page.request.post(f"{page.url.split('/documents')[0]}/documents/{source.sha256}/confirm",
                                 form={"csrf": token, "f.number": "SOMETHING-ELSE"})
    assert response.status == 409 and "已由他人处理" in response.text() and "li" in response.text()
    assert review_store.get(SourceFile, source.sha256).status == "stored"
    assert not any(i.number == "SOMETHING-ELSE" for i in review_store.all(Invoice))


def test_decide_a_payment_and_the_second_reviewer_is_told(login, review_store: Store) -> None:
    match = next(m for m in review_store.all(Match, status="review") if m.payment_key.endswith("ICBC20260320001"))
    key = quote(match.natural_key(), safe="")
    first, second = login("li"), login("wang")
    second.goto(f"{second.url.rstrip('/')}/payments/{key}")        # the second reviewer has the page open too
    first.click("text=待复核收款 Payments")
    first.click("text=宁波明达五金制品有限公司")
    first.wait_for_selector("table.cands")
    assert first.locator("tr.cand").count() >= 2
    assert "reference" in first.inner_text("table.cands") or "参考号" in first.inner_text("table.cands")
    first.screenshot(path=str(SHOTS / "station-payment.png"))
    first.keyboard.press("2")                                        # confirm candidate 2 from the keyboard
    first.wait_for_selector(".flash.ok")
    decided = review_store.get(Match, match.natural_key())
    assert decided is not None and decided.status == "confirmed" and decided.decided_by == "li"
    assert [a.target_key for a in decided.allocations] == [a.target_key for a in match.candidates[1].allocations]
    events = [e for e in review_store.history(decided, include_linked=False) if e.action.startswith("decision:")]
    assert len(events) == 1 and events[0].actor == "li"
    second.click("#confirm-1")
    second.wait_for_selector(".flash.err")
    assert "li" in second.inner_text(".flash.err") and "Not applied" in second.inner_text(".flash.err")
    again = review_store.get(Match, match.natural_key())
    assert again.decided_by == "li" and [a.target_key for a in again.allocations] == \
        [a.target_key for a in decided.allocations]
    assert len([e for e in review_store.history(again, include_linked=False) if e.action.startswith("decision:")]) == 1


def test_write_off_the_difference_with_a_reason_code(login, review_store: Store) -> None:
    match = next(m for m in review_store.all(Match, status="review") if m.payment_key.endswith("CCB20260321007"))
    page = login("li")
    page.goto(f"{page.url.rstrip('/')}/payments/{quote(match.natural_key(), safe='')}")
    page.click("button:has-text(\"核销 Write off\")")                    # without a reason: refused, nothing applied
    assert review_store.get(Match, match.natural_key()).status == "review"
    page.select_option("select[name=reason]", "BANK_FEE")
    page.locator(".decide-more input[name=note]").first.fill("客户承担手续费")
    page.click("button:has-text(\"核销 Write off\")")
    page.wait_for_selector(".flash.ok")
    decided = review_store.get(Match, match.natural_key())
    assert decided.status == "confirmed" and decided.decided_by == "li"
    [write_off] = decided.write_offs
    assert write_off.reason_code == "BANK_FEE" and str(write_off.amount) == "50.00"
    assert "客户承担手续费" in write_off.note


def test_a_form_without_its_csrf_token_is_refused(login, review_store: Store) -> None:
    page = login("wang")
    base = page.url.rstrip("/")
    decl = _clean_draft(review_store)
    response = page.request.post(f"{base}/declarations/{quote(decl.number)}/decide", form={"action": "approve"})
    assert response.status == 403 and "CSRF" in response.text()
    response = page.request.post(f"{base}/declarations/{quote(decl.number)}/decide",
                                 form={"action": "approve", "csrf": "forged"})
    assert response.status == 403
    assert review_store.get(Declaration, decl.number).status == "draft"


def test_finance_may_not_decide_declarations(login, review_store: Store) -> None:
    page = login("li")
    assert page.locator("text=报关单 Declarations").count() == 0
    decl = _clean_draft(review_store)
    response = page.goto(f"{page.url.rstrip('/')}/declarations/{quote(decl.number)}")
    assert response.status == 403 and "不能处理" in page.content()
    token = page.locator("input[name=csrf]").first.get_attribute("value")
    response = page.request.post(f"{page.url.split('/declarations')[0]}/declarations/{quote(decl.number)}/decide",
                                 form={"action": "approve", "csrf": token})
    assert response.status == 403
    assert review_store.get(Declaration, decl.number).status == "draft"


def test_declaration_warnings_come_first_with_their_fields(login, review_store: Store) -> None:
    warned = [d for d in review_store.all(Declaration, status="draft") if d.warnings]
    assert warned, "the small world's declarations all came out clean"
    page = login("zhao")
    page.click("text=报关单 Declarations")
    first_row = page.locator("table.queue tbody tr").first.inner_text()
    assert warned[0].number in first_row or any(d.number in first_row for d in warned)  # warnings first
    page.goto(f"{page.url.rstrip('/')}/{quote(warned[0].number)}")
    page.wait_for_selector(".decl-warnings")
    text = page.inner_text(".decl-warnings")
    assert all(w.message in text for w in warned[0].warnings)
    page.screenshot(path=str(SHOTS / "station-declaration-warnings.png"))
    # coded fields read as code and name, as the workbook's dropdowns show them
    assert " " in page.input_value("#h-transport_mode")


def test_approve_a_declaration_once(login, review_store: Store) -> None:
    decl = _clean_draft(review_store)
    clerk, admin = login("zhao"), login("wang")
    admin.goto(f"{admin.url.rstrip('/')}/declarations/{quote(decl.number)}")
    clerk.click("text=报关单 Declarations")
    clerk.click(f"text={decl.number}")
    clerk.wait_for_selector("#decl-form")
    clerk.screenshot(path=str(SHOTS / "station-declaration.png"))
    clerk.click("#approve")
    clerk.wait_for_selector(".flash.ok")
    approved = review_store.get(Declaration, decl.number)
    assert approved.status == "approved" and approved.approved_by == "zhao"
    events = [e for e in review_store.history(approved, include_linked=False) if e.action == "customs:approved"]
    assert len(events) == 1 and events[0].actor == "zhao"
    admin.click("#approve")
    admin.wait_for_selector(".flash.err")
    assert "zhao" in admin.inner_text(".flash.err")
    assert len([e for e in review_store.history(approved, include_linked=False)
                if e.action == "customs:approved"]) == 1


def test_home_lists_the_decisions_with_their_reviewers(login) -> None:
    page = login("wang")
    body = page.inner_text("main")
    assert "确认单据 document confirmed" in body and "blue-harbour.pdf" in body
    assert "确认收款 payment confirmed #2" in body and "宁波明达五金制品有限公司 · 5,000.00 CNY" in body
    assert "批准报关单 declaration approved" in body and "zhao" in body
    assert "receipt|" not in body  # no store keys for people
    page.screenshot(path=str(SHOTS / "station-home.png"))
    page.click("text=我的 mine")
    assert "还没有决定" in page.inner_text("main")  # the admin decided nothing that went through
    clerk = login("zhao")
    clerk.goto(clerk.url.rstrip("/") + "/?who=me")
    mine = clerk.inner_text("main")
    assert "批准报关单 declaration approved" in mine and "确认单据" not in mine


def test_apply_a_payment_without_candidates_to_any_open_invoice_by_number(login, review_store: Store) -> None:
    """A payment the matcher found nothing for is cleared in the station by naming the invoice it pays,
    part of it too; the same library decision as the workbook's 指定单号 column, audited with the clerk."""
    from datetime import date
    from decimal import Decimal

    from hub.records import BankReceipt, Customer

    customer = Customer(code="C077", name="青岛海川机电有限公司")
    invoice = Invoice(kind="cn_vat_e", number="26332000000000000977", issue_date=date(2026, 3, 4),
                      seller_name="苏州恒锐精密五金有限公司", seller_tax_id="91320594MA1MXQ7K8G", buyer_name=customer.name,
                      net=Decimal("3539.82"), tax=Decimal("460.18"), total=Decimal("4000.00"))
    receipt = BankReceipt(bank="中国银行", transaction_id="BOC20260322011", value_date=date(2026, 3, 22),
                          payer_name="海川贸易（个人代付）", amount=Decimal("1500.00"), memo="货款")
    match = Match(payment_kind="receipt", payment_key=receipt.natural_key(), payment_amount=receipt.amount,
                  status="unmatched", reason="payer not known, memo names nothing")
    review_store.upsert([customer, invoice, receipt, match], actor="test")
    page = login("li")
    page.goto(f"{page.url.rstrip('/')}/payments/{quote(match.natural_key(), safe='')}")
    page.fill("#apply-to input[name=targets]", "26332000000000009999")          # no such open invoice: refused
    page.click("#apply-to button")
    page.wait_for_selector(".flash.err")
    assert review_store.get(Match, match.natural_key()).status == "unmatched"
    page.fill("#apply-to input[name=targets]", invoice.number)
    page.fill("#apply-to input[name=note]", "客户电话确认 confirmed by phone")
    page.click("#apply-to button")
    page.wait_for_selector(".flash.ok")
    decided = review_store.get(Match, match.natural_key())
    assert decided.status == "confirmed" and decided.decided_by == "li"
    assert [(a.target_key, a.amount) for a in decided.allocations] == [(invoice.natural_key(), Decimal("1500.00"))]
    events = [e for e in review_store.history(decided, include_linked=False) if e.actor == "li"]
    assert events, "the manual match is an audit event with the reviewer's name"


def test_a_rejected_declaration_leaves_the_queue_and_a_correction_brings_it_back(login, review_store: Store) -> None:
    decl = next(d for d in review_store.all(Declaration, status="draft") if d.warnings)
    page = login("zhao")
    page.goto(f"{page.url.rstrip('/')}/declarations/{quote(decl.number)}")
    page.click("button[value=reject]")                                    # a reason is needed
    page.wait_for_selector(".flash.err")
    assert review_store.get(Declaration, decl.number).status == "draft"
    page.fill("input[name=reason]", "装箱单不对，等新的 wrong packing list")
    page.click("button[value=reject]")
    page.wait_for_selector(".flash.ok")
    rejected = review_store.get(Declaration, decl.number)
    assert rejected.status == "rejected"
    [event] = [e for e in review_store.history(rejected, include_linked=False) if e.action == "customs:rejected"]
    assert event.actor == "zhao"
    page.click("text=报关单 Declarations")
    queue = page.locator("table.queue")
    assert queue.count() == 0 or decl.number not in queue.inner_text()
    assert decl.number in page.inner_text("main")                         # listed with the decided ones
    page.goto(f"{page.url.rstrip('/')}/{quote(decl.number)}")
    page.click("button[value=reject]")                                    # rejecting twice: told, nothing changes
    page.wait_for_selector(".flash.err")
    remarks = page.input_value("#h-remarks")
    page.fill("#h-remarks", (remarks or "") + " / REV")
    page.click("button[value=save]")                                      # a correction: a draft again
    page.wait_for_selector(".flash.ok")
    assert review_store.get(Declaration, decl.number).status == "draft"


def test_an_admin_adds_and_deactivates_a_reviewer(login, browser, station, review_store: Store) -> None:
    from hub.users import authenticate

    clerk = login("li")
    assert clerk.goto(f"{station.url}/users").status == 403                  # finance may not
    admin = login("wang")
    admin.click("text=复核人 Reviewers")
    admin.fill(".add-user input[name=name]", "陈静")
    admin.select_option(".add-user select[name=role]", "customs")
    admin.fill(".add-user input[name=password]", "short")
    admin.click(".add-user button[type=submit]")                              # the browser asks for 8 characters
    assert authenticate(review_store, "陈静", "short") is None
    admin.fill(".add-user input[name=password]", "chen-customs-pw")
    admin.click(".add-user button[type=submit]")
    admin.wait_for_selector(".flash.ok")
    assert "陈静" in admin.inner_text("table.users-grid")
    assert authenticate(review_store, "陈静", "chen-customs-pw").role == "customs"
    admin.on("dialog", lambda d: d.accept())
    admin.locator("tr:has-text('陈静') button[value=deactivate]").click()
    admin.wait_for_selector(".flash.ok")
    assert "陈静" not in admin.inner_text("table.users-grid")
    assert authenticate(review_store, "陈静", "chen-customs-pw") is None
    actions = [e.action for e in review_store.history(("user", "陈静"))]
    assert actions == ["user:added", "user:deactivated"]


def test_an_item_total_off_quantity_times_price_is_the_first_thing_the_clerk_sees(login, review_store: Store) -> None:
    """A unit price typed x10 in the station (its total left) is refused at approval by our own linter, not
    first by the single window: the page comes back with the blocking warning on top, Chinese first, the item's
    total row flagged, both values and where the total came from."""
    from decimal import Decimal

    decl = next(d for d in review_store.all(Declaration, status="draft") if d.warnings)
    item = decl.items[0]
    page = login("zhao")
    page.goto(f"{page.url.rstrip('/')}/declarations/{quote(decl.number)}")
    page.fill("#i-1-unit_price", format(item.unit_price * 10, "f"))
    page.click("#approve")
    page.wait_for_selector(".flash.err")
    assert "not approved" in page.inner_text(".flash.err") and "corrections saved" in page.inner_text(".flash.err")
    after = review_store.get(Declaration, decl.number)
    assert after.status == "draft" and after.items[0].unit_price == item.unit_price * 10
    assert after.items[0].sources["unit_price"] == "clerk:zhao"
    expected = (item.quantity * item.unit_price * 10).quantize(Decimal("0.01"))
    shown = page.locator(".decl-warnings li[data-rule=item_total_quantity_price]")
    assert shown.count() == 1 and shown.get_attribute("class") == "bad" and shown.get_attribute("data-field") == "item.1.total"
    text = shown.inner_text()
    assert text.index("第1项总价与成交数量×单价不符") < text.index("the total differs from quantity × unit price")
    assert f"= {expected}" in text and str(item.total) in text
    first = page.locator(".decl-warnings li").first
    assert first.get_attribute("class") == "bad"                                 # blocking ones first
    warnings_box, form = page.locator(".decl-warnings").bounding_box(), page.locator("#decl-form").bounding_box()
    assert warnings_box["y"] < form["y"]                                         # above every field
    assert "flagged" in page.locator("[id='item.1.total']").get_attribute("class")
    page.screenshot(path=str(SHOTS / "station-declaration-item-total.png"))
    page.fill("#i-1-unit_price", format(item.unit_price, "f"))                   # the clerk puts it right
    page.click("button[value=save]")
    page.wait_for_selector(".flash.ok")
    assert page.locator(".decl-warnings li[data-rule=item_total_quantity_price]").count() == 0
    assert review_store.get(Declaration, decl.number).items[0].unit_price == item.unit_price
