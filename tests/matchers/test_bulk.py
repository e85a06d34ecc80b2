"""`orderhub reconcile --from-store` on the large path (matchers/bulk.py: rows streamed from the store, parts
joined by their evidence, on worker processes) stores the same matches as the small path, field for field,
on real SQLite (and PostgreSQL): a world of bench/reconcile.py's generator with money-rule receipts, a receipt
we paid, a partly read receipt and a receipt whose amount was read with low confidence; run twice (nothing
new the second time), then after a clerk's decisions. The workbook's review and credit-note sheets are the
small path's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from flows.reconcile_cli import Inputs, run_reconcile, run_reconcile_large
from hub.records import BankReceipt, Invoice, Match, SourceFile
from hub.settings import OurCompany, write_our_companies
from hub.store import Store
from matchers.bulk import digest, fingerprint, reconcile_store
from matchers.decisions import ClerkDecision, apply_decisions
from reports.reconciliation import CREDITS_SHEET

OURS = "苏州恒锐精密五金制品有限公司"


def _world(load_bench, n: int):
    receipts, invoices, customers, _truth = load_bench("reconcile").synth(n, seed=5)
    extra = [
        BankReceipt(bank="ICBC", transaction_id="TAX1", value_date=date(2026, 3, 2), payer_name="国家金库苏州中心支库",
                    amount=Decimal("12345.67"), memo="出口退税 免抵退"),
        BankReceipt(bank="ICBC", transaction_id="INT1", value_date=date(2026, 3, 21), payer_name="中国工商银行",
                    amount=Decimal("3.21"), memo="结息"),
        BankReceipt(bank="ICBC", transaction_id="OURS1", value_date=date(2026, 3, 3), payer_name=OURS,
                    payee_name=customers[0].name, amount=Decimal("500.00"), memo="退款"),
        BankReceipt(bank="ICBC", transaction_id="PART1", value_date=date(2026, 3, 4), payer_name=customers[1].name,
                    amount=None, memo=invoices[1].number),
    ]
    # a credit note (its own row, no open item) takes 130.00 off its invoice: the payment of the rest
    bill = invoices[2].model_copy(update={"number": "INV-CRN-1", "total": Decimal("1130.00"), "net": None,
                                          "tax": None, "lines": []})
    note = bill.model_copy(update={"number": "CRN-1", "document_type": "credit_note", "original_number": "INV-CRN-1",
                                   "total": Decimal("-130.00")})
    extra += [bill, note, BankReceipt(bank="ICBC", transaction_id="CRN1", value_date=date(2026, 3, 5),
                                      payer_name=bill.buyer_name, amount=Decimal("1000.00"), memo="货款")]
    unsure = receipts[7]  # its amount was read with low confidence: no automatic match rests on it
    files = [SourceFile(sha256="a" * 64, path="scan.pdf", kind="receipt", status="needs_review",
                        review_fields=["amount"], record_keys=[f"receipt:{unsure.natural_key()}"])]
    return [*customers, *invoices, *receipts, *extra, *files]


def _stores(tmp_path: Path, records: list, urls: list[str]) -> list[Store]:
    stores = []
    for url in urls:
        store = Store(url)
        store.upsert(records)
        stores.append(store)
    return stores


def match_fingerprints(matches: list[Match]) -> list[tuple[str, str]]:
    """Every field of every match (but when a clerk's decision was stamped), by payment key."""
    return sorted((m.payment_key, fingerprint(m)) for m in matches)


def bill_key(store: Store) -> str:
    """The key of the invoice the world's credit note reduces."""
    return next(inv.natural_key() for inv in store.all(Invoice) if inv.number == "INV-CRN-1")


def _decide(store: Store) -> None:
    """A clerk confirms the first review's top candidate and rejects the second review."""
    reviews = sorted(store.all(Match, status="review"), key=lambda m: m.payment_key)
    first, second = reviews[0], reviews[1]
    keys = " + ".join(sorted(a.target_key for a in first.candidates[0].allocations))
    apply_decisions(store, [
        ClerkDecision(first.payment_kind, first.payment_key, "confirm 1", 1, keys, "王丽", where="row 2"),
        ClerkDecision(second.payment_kind, second.payment_key, "reject", None, "", "王丽", where="row 3")])


def _review_sheet(path: Path) -> list[tuple]:
    ws = load_workbook(path)["待复核 Needs review"]
    return [tuple(row) for row in ws.iter_rows(values_only=True)]


def _credit_sheet(path: Path) -> list[tuple]:
    ws = load_workbook(path)[CREDITS_SHEET]
    return [tuple(row) for row in ws.iter_rows(values_only=True)]


@pytest.fixture
def ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_our_companies([OurCompany(name=OURS)], tmp_path / "our_companies.toml")
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(path))


def test_large_path_stores_the_small_paths_matches(tmp_path: Path, load_bench, ours) -> None:
    small, large = _stores(tmp_path, _world(load_bench, 2500),
                           [f"sqlite:///{tmp_path / 'small.db'}", f"sqlite:///{tmp_path / 'large.db'}"])
    for step in ("first", "again", "after decisions"):
        if step == "after decisions":
            _decide(small)
            _decide(large)
        run = run_reconcile(Inputs.from_store(small), out=tmp_path / f"small-{step}.xlsx", store=small, save=True)
        big = run_reconcile_large(large, out=tmp_path / f"large-{step}.xlsx", save=True, workers=2)
        fps = match_fingerprints(small.all(Match))
        assert fps == match_fingerprints(large.all(Match)), step
        assert big.run.parts > 1 and big.run.merges == 0
        assert sorted(big.run.set_aside) == sorted(run.result.set_aside)
        assert _review_sheet(tmp_path / f"small-{step}.xlsx") == _review_sheet(tmp_path / f"large-{step}.xlsx")
        # the credit note and the invoice it reduces, as on the small path's sheet
        assert _credit_sheet(tmp_path / f"small-{step}.xlsx") == _credit_sheet(tmp_path / f"large-{step}.xlsx")
        assert any("CRN-1" in str(cell) for row in _credit_sheet(tmp_path / f"large-{step}.xlsx")[1:] for cell in row)
        if step == "first":
            statuses = {m.payment_key: m.status for m in large.all(Match)}
            assert statuses["ICBC|TAX1"] == "confirmed" and statuses["ICBC|INT1"] == "confirmed"  # money rules
            assert "ICBC|OURS1" not in statuses and "ICBC|PART1" not in statuses  # set aside
            paid = next(m for m in large.all(Match) if m.payment_key == "ICBC|CRN1")
            assert paid.status == "auto" and {a.target_key for a in paid.allocations} == {bill_key(large)}
            assert len(big.run.shown) < len(statuses) + len(big.run.kept) or big.run.listed_all
        else:
            assert run.new == 0 and big.run.saved_new == 0, step  # nothing proposed twice
    assert large.audit_count() == small.audit_count()


def test_customer_split_is_the_single_pass(tmp_path: Path, load_bench, ours) -> None:
    """Parts by customer, each holding the other customers' items its payments may look at (a truncated memo
    number fits invoices of several customers, items open for the payment's amount, the payer's customers) and
    replaying the postings other parts make on them when the single pass would: the single pass's matches,
    field for field, in more and smaller parts than the evidence split's. Before, a part resolved memos among
    its own invoices only: a truncated number that fits several customers' invoices named one and posted."""
    (store,) = _stores(tmp_path, _world(load_bench, 2500), [f"sqlite:///{tmp_path / 'a.db'}"])
    single = reconcile_store(store, workers=1, parts=1, fingerprints=True)
    evidence = reconcile_store(store, workers=2, fingerprints=True)
    customers = reconcile_store(store, workers=2, split="customers", parts=8, fingerprints=True)
    assert single.parts == 1 and customers.parts >= 8 and customers.largest_part < evidence.largest_part
    assert digest(customers.fingerprints) == digest(evidence.fingerprints) == digest(single.fingerprints)
    assert customers.counts == single.counts and customers.merges > 0  # parts ran again on others' postings
    assert sorted(customers.set_aside) == sorted(single.set_aside)


def test_customer_split_in_windows_is_the_single_pass(tmp_path: Path, load_bench, ours,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The customer split's parts decided in windows of 100 payments of the single pass's order, postings
    exchanged at each window's end: parts that read an item another part's posting changed in the window
    decide it again from that read, and the result is the single pass's, match for match, in worker
    processes and in this one. No part runs from the start again: the payments looked at are about the
    single pass's (each once, plus the windows redone), not a multiple."""
    import matchers.bulk as bulk

    monkeypatch.setattr(bulk, "WINDOW_PAYMENTS", 100)
    (store,) = _stores(tmp_path, _world(load_bench, 2500), [f"sqlite:///{tmp_path / 'a.db'}"])
    single = reconcile_store(store, workers=1, parts=1, fingerprints=True)
    for workers in (2, 1):
        customers = reconcile_store(store, workers=workers, split="customers", parts=8, fingerprints=True)
        assert digest(customers.fingerprints) == digest(single.fingerprints), workers
        assert customers.counts == single.counts
        assert customers.windows > 25 and customers.merges > 0  # several windows, some redone
        assert customers.looked_at < 1.3 * 2500, customers.looked_at


def test_large_path_on_postgresql(tmp_path: Path, load_bench, ours, pg_url: str) -> None:
    small, large = _stores(tmp_path, _world(load_bench, 800), [f"sqlite:///{tmp_path / 'small.db'}", pg_url])
    run_reconcile(Inputs.from_store(small), out=None, store=small, save=True)
    run_reconcile_large(large, out=None, save=True, workers=2)
    assert match_fingerprints(small.all(Match)) == match_fingerprints(large.all(Match))
    assert run_reconcile_large(large, out=None, save=True, workers=2).run.saved_new == 0


def test_command_takes_the_large_path(tmp_path: Path, load_bench) -> None:
    home = tmp_path / "home"
    Store(f"sqlite:///{home / 'orderhub.db'}").upsert(_world(load_bench, 600)[:-1])
    env = {**os.environ, "ORDERHUB_HOME": str(home), "ORDERHUB_ACTOR": "tester",
           "ORDERHUB_OUR_COMPANIES": str(tmp_path / "none.toml")}
    env.pop("ORDERHUB_DATABASE_URL", None)
    command = [sys.executable, "-c", "from hub.cli import main; main()", "reconcile", "--from-store", "--large",
               "--workers", "2", "--store", "--out", str(tmp_path / "r.xlsx")]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "split (evidence)" in done.stdout and "part 1/" in done.stdout and "wrote" in done.stdout
    assert "proposals new or changed" in done.stdout
    again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "store: 0 proposals new or changed" in again.stdout
    assert _review_sheet(tmp_path / "r.xlsx")[1:]  # the review items, with their candidates
