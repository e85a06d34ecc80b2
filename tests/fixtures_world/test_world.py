"""The demo world: records that validate, truth that resolves, files that open and say what truth says."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import unicodedata
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook

from fixtures.generator.render.documents import SUMMARY_STYLES
from fixtures.world import World, generate_world, load_world
from hub.errors import InputError
from hub.records import RECORD_TYPES
from hub.validation import check_uscc


def _hashes(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_and_other_seed_differs(tmp_path: Path) -> None:
    a = generate_world(seed=5, orders=25, out=tmp_path / "a")
    b = generate_world(seed=5, orders=25, out=tmp_path / "b")
    c = generate_world(seed=6, orders=25, out=tmp_path / "c")
    ha, hb, hc = _hashes(a.root), _hashes(b.root), _hashes(c.root)
    assert len(ha) > 60
    assert {p.split("/")[0] for p in ha} >= {"world.json", "truth.json", "channels", "documents", "statements"}
    assert ha == hb
    assert ha["world.json"] != hc["world.json"]
    shared = set(ha) & set(hc)
    assert sum(ha[p] != hc[p] for p in shared) > len(shared) * 0.8


def test_in_memory_world_equals_written_world(small_world: World) -> None:
    mem = generate_world(seed=small_world.seed, orders=60)
    assert mem.root is None
    assert [o.payload() for o in mem.orders] == [o.payload() for o in small_world.orders]
    assert [r.payload() for r in mem.statement_lines] == [r.payload() for r in small_world.statement_lines]
    assert mem.truth["links"] == small_world.truth["links"]


def test_load_world_reads_back_the_same_records(small_world: World) -> None:
    loaded = load_world(small_world.root)
    assert loaded.seed == small_world.seed
    assert [r.fingerprint() for r in loaded.records()] == [r.fingerprint() for r in small_world.records()]
    assert loaded.truth == json.loads((small_world.root / "truth.json").read_text(encoding="utf-8"))
    assert loaded.our_company["tax_id"] == small_world.our_company["tax_id"]


def test_records_validate(small_world: World) -> None:
    for rec in small_world.records():
        type(rec).model_validate(rec.payload())  # line totals, dates, currencies, tax ids re-checked
        assert rec.KIND in RECORD_TYPES
    cn = [c for c in small_world.customers if c.country == "CN"]
    assert len(cn) >= 8
    for c in cn:
        assert check_uscc(c.tax_id) == c.tax_id
    check_uscc(small_world.our_company["tax_id"])
    customs = small_world.truth["injected"]["customs"]
    total_mismatch = {i["invoice"].split("|")[1] for i in customs if i["kind"] == "invoice_total_mismatch"}
    no_elements = {i["sku"] for i in customs if i["kind"] == "missing_elements"}
    for inv in small_world.invoices:
        assert inv.net + inv.tax == inv.total
        if inv.number not in total_mismatch:    # injected on purpose: customs must catch it
            assert sum(ln.amount for ln in inv.lines) == inv.net
        assert sum((ln.tax or Decimal(0)) for ln in inv.lines) == inv.tax
        if inv.kind.startswith("cn_vat"):
            check_uscc(inv.buyer_tax_id)
            assert inv.total_in_words and inv.total_in_words.endswith(("整", "角", "分"))
        if inv.kind == "cn_vat_e":
            assert len(inv.number) == 20 and inv.number.isdigit() and inv.code is None
        if inv.kind in ("cn_vat_special", "cn_vat_ordinary"):
            assert inv.code and len(inv.number) == 8
    for order in small_world.orders:
        assert order.total == sum(ln.amount for ln in order.lines)
    kinds = Counter(inv.kind for inv in small_world.invoices)
    assert kinds["cn_vat_e"] and kinds["commercial"]
    rates = {ln.tax_rate for inv in small_world.invoices for ln in inv.lines if ln.tax_rate is not None}
    assert Decimal("0.13") in rates
    for p in small_world.products:
        assert p.hs_code and len(p.hs_code) == 10 and p.name_zh and p.name_en
        assert p.declaration_elements or p.sku in no_elements


def test_customers_are_spelled_differently_across_channels(small_world: World) -> None:
    spellings = small_world.truth["links"]["customer_spellings"]
    by_code = {c.code: c for c in small_world.customers}
    assert set(spellings) == set(by_code)
    for o in small_world.orders:
        if o.customer_code:
            assert o.customer_name in spellings[o.customer_code]
    for entry in small_world.truth["links"]["statement_line_invoices"]:
        if entry["customer"] and entry["scenario"] != "third_party_payer":
            line = small_world.by_key("statement_lines")[entry["statement_line"]]
            assert line.counterparty_name in spellings[entry["customer"]]
    unknown = [name for code, names in spellings.items() for name in names
               if name not in by_code[code].all_names()]
    assert len(unknown) >= 5, "channels and banks should use spellings the customer master does not list"
    assert any(n.isascii() and n.isupper() for n in unknown), "some payers are named in pinyin or English"
    assert any("(" in n for n in unknown) or any("（" in n for n in unknown)


def test_truth_references_resolve(small_world: World) -> None:
    t = small_world.truth
    orders = small_world.by_key("orders")
    invoices = small_world.by_key("invoices")
    receipts = small_world.by_key("receipts")
    lines = small_world.by_key("statement_lines")
    deliveries = small_world.by_key("deliveries")
    links = t["links"]
    assert set(links["invoice_order"]) == set(invoices)
    assert all(o in orders for o in links["invoice_order"].values())
    assert set(links["delivery_order"]) == set(deliveries)
    for dno, okey in links["delivery_order"].items():
        assert deliveries[dno].order_ref == orders[okey].external_id
    for group in links["duplicates"]:
        assert len(group) >= 2 and all(k in orders for k in group)
    assert all(k in orders for k in links["test_orders"])
    assert set(links["receipt_invoices"][i]["receipt"] for i in range(len(links["receipt_invoices"]))) == set(receipts)
    for r, ln in links["receipt_statement_line"].items():
        assert receipts[r].transaction_id == lines[ln].transaction_id
        assert receipts[r].amount == lines[ln].amount
    for entry in links["statement_line_invoices"]:
        line = lines[entry["statement_line"]]
        allocated = sum(Decimal(a["amount"]) for a in entry["allocations"])
        fee = Decimal(entry["write_off"]["amount"]) if entry["write_off"] else Decimal(0)
        if entry["allocations"]:
            assert allocated == line.amount
            assert all(a["invoice"] in invoices and a["order"] in orders for a in entry["allocations"])
            assert all(invoices[a["invoice"]].currency == line.currency for a in entry["allocations"])
        else:
            assert entry["unrelated"]
        if fee:
            assert entry["write_off"]["reason_code"] == "BANK_FEE"
    for path, doc in t["documents"].items():
        section = {"invoice": "invoices", "receipt": "receipts", "delivery": "deliveries",
                   "packing_list": "packing_lists"}[doc["record_kind"]]
        rec = small_world.by_key(section)[doc["record_key"]]
        expected = rec.payload()
        if doc["record_kind"] == "receipt" and not rec.memo and doc["layout"] in SUMMARY_STYLES:
            # no 用途/附言: the bank's 摘要 the receipt prints is its memo
            with pdfplumber.open(small_world.root / path) as pdf:
                assert doc["fields"]["memo"] and doc["fields"]["memo"] in pdf.pages[0].extract_text()
            expected["memo"] = doc["fields"]["memo"]
        assert doc["fields"] == expected
        assert (small_world.root / path).is_file()
    for path, f in t["files"].items():
        assert (small_world.root / path).is_file()
        target = orders if f["record_kind"] == "order" else lines
        assert all(k in target for k in f["record_keys"])


def test_hard_cases_are_present(small_world: World) -> None:
    t = small_world.truth
    orders = small_world.by_key("orders")
    assert t["links"]["duplicates"] and t["links"]["test_orders"]
    for group in t["links"]["duplicates"]:
        first, *copies = (orders[k] for k in group)
        for dup in copies:
            assert dup.channel != first.channel and dup.external_id != first.external_id
            assert dup.total == first.total and len(dup.lines) == len(first.lines)
            assert abs((dup.order_date - first.order_date).days) <= 1
    assert all(orders[k].is_test for k in t["links"]["test_orders"])
    assert sum(o.is_test for o in small_world.orders) == len(t["links"]["test_orders"])
    assert {o.channel for o in small_world.orders} == {"marketplace", "webshop", "dealer"}
    assert any(len(o.lines) > 3 for o in small_world.orders)
    assert any(o.export and o.incoterm in ("FOB", "CIF", "EXW") and o.currency in ("USD", "EUR")
               for o in small_world.orders)
    scen = t["injected"]["payment_scenarios"]
    assert {"exact", "unrelated"} <= set(scen)
    assert t["injected"]["three_way_variances"] or t["injected"]["shipments"]
    for v in t["injected"]["three_way_variances"]:
        limit = Decimal(v["typical_tolerance_pct"])
        assert (Decimal(v["deviation_pct"]) <= limit) == v["within_typical_tolerance"]


def test_bigger_world_has_every_case() -> None:
    world = generate_world(seed=2, orders=300)
    t = world.truth
    assert set(t["injected"]["payment_scenarios"]) >= {"exact", "bank_fee", "partial", "deposit", "balance",
                                                        "grouped", "unrelated", "third_party_payer"}
    assert {n["kind"] for n in t["injected"]["memo_noise"]} >= {"mistyped", "truncated", "leading_zeros_dropped",
                                                                 "missing"}
    assert {s["kind"] for s in t["injected"]["shipments"]} >= {"partial", "partial_open", "short"}
    within = {v["within_typical_tolerance"] for v in t["injected"]["three_way_variances"]}
    assert within == {True, False}
    assert {inv.kind for inv in world.invoices} >= {"cn_vat_e", "cn_vat_special", "commercial"}
    assert t["links"]["repeat_orders"]
    fees = [e for e in t["links"]["statement_line_invoices"] if e["write_off"]]
    assert any(e["currency"] == "USD" for e in fees) or any(e["currency"] == "EUR" for e in fees)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("orders", [1, 17])
def test_any_seed_and_size_gives_a_consistent_world(seed: int, orders: int) -> None:
    world = generate_world(seed=seed, orders=orders)
    assert sum(1 for o in world.orders if not o.is_test) >= orders
    invoices, lines = world.by_key("invoices"), world.by_key("statement_lines")
    for entry in world.truth["links"]["statement_line_invoices"]:
        line = lines[entry["statement_line"]]
        assert line.amount > 0
        if entry["allocations"]:
            assert sum(Decimal(a["amount"]) for a in entry["allocations"]) == line.amount
    paid: dict[str, Decimal] = {}
    for entry in world.truth["links"]["statement_line_invoices"]:
        for a in entry["allocations"]:
            paid[a["invoice"]] = paid.get(a["invoice"], Decimal(0)) + Decimal(a["amount"])
        if entry["write_off"]:
            inv = entry["allocations"][0]["invoice"]
            paid[inv] += Decimal(entry["write_off"]["amount"])
    for key, amount in paid.items():
        assert amount <= invoices[key].total, f"{key} is paid more than it asks"
    outgoing = set(world.truth["links"]["outgoing_statement_lines"])
    assert all(lines[k].amount < 0 for k in outgoing)
    assert len(outgoing) + len(world.truth["links"]["statement_line_invoices"]) == len(lines)


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "")


def test_every_pdf_opens_and_shows_its_truth(small_world: World) -> None:
    checked = Counter()
    for path, doc in small_world.truth["documents"].items():
        if doc["scan"]:
            continue
        with pdfplumber.open(small_world.root / path) as pdf:
            assert len(pdf.pages) == doc["pages"]
            text = _norm("\n".join(page.extract_text() or "" for page in pdf.pages))
        f = doc["fields"]
        if doc["kind"] == "invoice":
            expected = [f["number"], f["total"], f["buyer_name"].replace(" ", "")]
            expected += [ln["amount"] for ln in f["lines"]]  # every line printed (none lost off the page)
            if f["code"]:
                expected.append(f["code"])
            if f["kind"] != "commercial":
                expected += [f["buyer_tax_id"], f["total_in_words"], f["net"], f["tax"]]
        elif doc["kind"] == "receipt":
            expected = [f["transaction_id"], f["amount"], f["receipt_no"]]
        elif doc["kind"] == "delivery":
            expected = [f["delivery_no"], f["order_ref"]] + [ln["quantity"] for ln in f["lines"]]
        else:
            expected = [f["number"], f["total_gross_weight_kg"], f["invoice_number"]]
        for value in expected:
            assert _norm(str(value)) in text, f"{path}: {value!r} not in the PDF text"
        checked[doc["kind"]] += 1
    assert set(checked) == {"invoice", "receipt", "delivery", "packing_list"}


def test_statements_and_dealer_files_hold_their_lines(small_world: World) -> None:
    lines = small_world.by_key("statement_lines")
    formats = set()
    for path, f in small_world.truth["files"].items():
        full = small_world.root / path
        if f["kind"] == "statement":
            formats.add(f["format"])
            if path.endswith(".xlsx"):
                rows = [[("" if v is None else str(v)) for v in r]
                        for r in load_workbook(full, read_only=True).active.iter_rows(values_only=True)]
            else:
                rows = list(csv.reader(io.StringIO(full.read_bytes().decode(f["encoding"]).lstrip("\ufeff"))))
            for key in f["record_keys"]:
                line = lines[key]
                assert line.transaction_id in rows[line.source_line - 1], f"{path} row {line.source_line}"
        elif f["kind"] == "dealer_orders":
            ws = load_workbook(full, read_only=True).active
            cells = {str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None}
            orders = small_world.by_key("orders")
            assert all(orders[k].external_id in cells for k in f["record_keys"])
        else:
            data = json.loads(full.read_text(encoding="utf-8"))
            text = json.dumps(data, ensure_ascii=False)
            assert all(k.split("|", 1)[1] in text for k in f["record_keys"])
    assert formats == {"icbc_xlsx", "cmb_csv", "boc_csv"}
    headers = set()
    for path, f in small_world.truth["files"].items():
        if f["kind"] == "dealer_orders":
            ws = load_workbook(small_world.root / path, read_only=True).active
            headers |= {str(v) for row in ws.iter_rows(values_only=True, max_row=4) for v in row if v}
    assert len({"订单号", "单号", "Order No.", "客户订单号 PO No."} & headers) >= 2


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="orders"):
        generate_world(seed=1, orders=0)
    with pytest.raises(InputError, match="seed"):
        generate_world(seed="x", orders=3)  # type: ignore[arg-type]
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    with pytest.raises(InputError, match="not empty"):
        generate_world(seed=1, orders=2, out=tmp_path / "full")
    with pytest.raises(InputError, match="world.json"):
        load_world(tmp_path / "full")
    w = generate_world(seed=1, orders=2, out=tmp_path / "full", force=True)
    assert (tmp_path / "full" / "keep.txt").read_text() == "mine" and w.orders


def test_missing_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from fixtures.generator.render import fonts

    monkeypatch.setenv("ORDERHUB_CJK_FONT", str(tmp_path / "no-such-font.ttc"))
    fonts.font_path.cache_clear()
    try:
        with pytest.raises(InputError, match="fonts-wqy-microhei"):
            fonts.font_path()
    finally:
        fonts.font_path.cache_clear()


def test_payers_ibans_pass_their_check(small_world: World) -> None:
    """A foreign payer's account is an IBAN whose mod-97 check holds, as every bank's does."""
    from extractors.parse.accounts import check_iban

    ibans = {r.payer_account for r in small_world.receipts if r.payer_account and r.payer_account[:2].isalpha()}
    assert ibans, "the world has foreign payers paying from IBANs"
    for account in ibans:
        check_iban(account)


def test_demo_world_prints_every_invoice_line(tmp_path: Path) -> None:
    """The demo's world (seed 2026, 120 orders) has an old-style VAT invoice whose wrapped specs do not fit its
    table: its rows go on a 销货清单 rather than off the page (the 合计 counted a line that was not printed)."""
    world = generate_world(seed=2026, orders=120, out=tmp_path / "world")
    listed = 0
    for path, doc in world.truth["documents"].items():
        if doc["kind"] != "invoice" or doc["scan"]:
            continue
        with pdfplumber.open(world.root / path) as pdf:
            text = _norm("\n".join(page.extract_text() or "" for page in pdf.pages))
        for ln in doc["fields"]["lines"]:
            assert _norm(ln["amount"]) in text, f"{path}: line {ln['line_no']} ({ln['amount']}) not printed"
        listed += "销售货物或者提供应税劳务、服务清单" in text and len(doc["fields"]["lines"]) <= 8
    assert listed, "a list for rows that did not fit"
