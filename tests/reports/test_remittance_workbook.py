"""The reconciliation workbook shows advice-based allocations (issue 14 §2): a German payer's Excel Zahlungsavis
and a Chinese 付款通知书 (PDF) read from files, a receipt paying three invoices less a bank fee and a receipt
paying two; ``orderhub reconcile --advices DIR`` (and ``--from-store`` once the advices are extracted into the
store) splits each over the invoices its advice lists, the advice's reference in the Why column. Without the
advices the first receipt is a person's choice between two sets of invoices."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from hub.records import BankReceipt, Customer, Invoice, Match
from hub.settings import load_settings
from hub.store import Store
from tests.extractors_documents.handmade import draw_pdf
from tests.extractors_documents.lookalikes import NOT_INVOICES, OURS

D = Decimal


def _advice_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["Nordwind Maschinen GmbH"], ["Zahlungsavis"], [], ["Zahlungsreferenz", "ZA-2026-0412"],
                ["Zahlungsdatum", "07.04.2026"], ["Währung", "EUR"], [],
                ["Rechnungsnummer", "Rechnungsbetrag", "Zahlbetrag"], ["HR-EX-260301", 1200, 1200],
                ["HR-EX-260305", 850, 850], ["HR-EX-260311", 1550, 1550], ["Summe", 3600, 3600]):
        ws.append(row)
    wb.save(path)
    return path


def _records(tmp: Path) -> dict:
    invoices = [Invoice(kind="commercial", number=n, issue_date=date(2026, 3, d), seller_name=OURS,
                        buyer_name="Nordwind Maschinen GmbH", currency="EUR", net=D(t), total=D(t))
                for n, t, d in (("HR-EX-260301", "1200.00", 1), ("HR-EX-260305", "850.00", 5),
                                ("HR-EX-260311", "1550.00", 11), ("HR-EX-260318", "2750.00", 18))]
    invoices += [Invoice(kind="cn_vat_e", number=n, issue_date=date(2026, m, d), seller_name=OURS,
                         buyer_name="无锡新吴区宏泰机电设备有限公司", currency="CNY", net=D(t), total=D(t))
                 for n, t, m, d in (("26322000000031415926", "28250.00", 1, 12),
                                    ("26322000000031419011", "12430.00", 2, 5),
                                    ("26322000000031420000", "40680.00", 3, 1))]
    receipts = [BankReceipt(bank="BOC", transaction_id="T-1", value_date=date(2026, 4, 8), payer_name="NORDWIND MASCHINEN GMBH",
                            amount=D("3585.00"), currency="EUR", memo="ZAHLUNG LT AVIS"),
                BankReceipt(bank="BOC", transaction_id="T-2", value_date=date(2026, 4, 7),
                            payer_name="无锡新吴区宏泰机电设备有限公司", amount=D("40680.00"), currency="CNY",
                            memo="货款 FK20260406-003")]
    customers = [Customer(code="C1", name="Nordwind Maschinen GmbH", country="DE", currency="EUR"),
                 Customer(code="C2", name="无锡新吴区宏泰机电设备有限公司")]
    out: dict = {}
    for name, records in (("invoices", invoices), ("receipts", receipts), ("customers", customers)):
        out[f"{name}_records"] = records
        out[name] = tmp / f"{name}.jsonl"
        out[name].write_text("".join(json.dumps({"kind": r.KIND, "record": r.payload()}, ensure_ascii=False) + "\n"
                                     for r in records), encoding="utf-8")
    advices = tmp / "advices"
    advices.mkdir()
    _advice_xlsx(advices / "zahlungsavis.xlsx")
    items, rules, font, *_ = NOT_INVOICES["fukuan_tongzhi_cn"]
    draw_pdf(advices / "fukuan_tongzhi_cn.pdf", items, rules, font)
    out["advices"] = advices
    return out


def _run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"ORDERHUB_HOME": str(home), "PATH": "/usr/bin:/bin", "ORDERHUB_ACTOR": "tester"}
    return subprocess.run([sys.executable, "-c", "from hub.cli import main; main()", *args],
                          capture_output=True, text=True, env=env, timeout=600)


def _matched(workbook: Path) -> list[dict[str, object]]:
    ws = openpyxl.load_workbook(workbook)["已匹配 Matched"]
    rows = list(ws.iter_rows(values_only=True))
    at = next(i for i, r in enumerate(rows) if r and "说明 Why" in r)
    head = rows[at]
    return [dict(zip(head, r, strict=False)) for r in rows[at + 1:] if any(r)]


@pytest.mark.parametrize("from_store", [False, True])
def test_reconcile_splits_receipts_by_their_advices(tmp_path: Path, from_store: bool) -> None:
    files = _records(tmp_path)
    home, book = tmp_path / "home", tmp_path / "reconciliation.xlsx"
    common = ["--receipts", str(files["receipts"]), "--invoices", str(files["invoices"]),
              "--customers", str(files["customers"])]
    if from_store:  # the advices extracted into the store, like every other record
        assert _run("extract", str(files["advices"]), "--store", home=home).returncode == 0
        store = Store(settings=load_settings(home))
        store.upsert([r for name in ("customers", "invoices", "receipts") for r in files[f"{name}_records"]])
        done = _run("reconcile", "--from-store", "--store", "--out", str(book), home=home)
    else:
        done = _run("reconcile", *common, "--advices", str(files["advices"]), "--out", str(book), home=home)
    assert done.returncode == 0, done.stderr + done.stdout
    rows = _matched(book)
    why = {str(r["说明 Why"]) for r in rows}
    assert any("remittance advice ZA-2026-0412 of Nordwind Maschinen GmbH lists invoice HR-EX-260301: 1,200.00"
               in w and "bank fee 15.00" in w for w in why), why
    assert any("remittance advice FK20260406-003 of 无锡新吴区宏泰机电设备有限公司" in w for w in why), why
    if from_store:
        matches = {m.payment_key: m for m in Store(settings=load_settings(home)).all(Match)}
        assert [a.target_label for a in matches["BOC|T-1"].allocations] == ["HR-EX-260301", "HR-EX-260305",
                                                                          "HR-EX-260311"]
        assert [a.target_label for a in matches["BOC|T-2"].allocations] == ["26322000000031415926",
                                                                          "26322000000031419011"]


def test_without_the_advices_the_receipts_wait_or_go_elsewhere(tmp_path: Path) -> None:
    files = _records(tmp_path)
    out = tmp_path / "m.jsonl"
    done = _run("reconcile", "--receipts", str(files["receipts"]), "--invoices", str(files["invoices"]),
                "--customers", str(files["customers"]), "--json", str(out), home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    got = {m["record"]["payment_key"]: m["record"] for m in map(json.loads, out.read_text().splitlines())}
    assert got["BOC|T-1"]["status"] != "auto"
    two = got["BOC|T-2"]  # the amount of one other invoice: without the advice it pays that one, or waits
    assert two["status"] != "auto" or [a["target_label"] for a in two["allocations"]] == ["26322000000031420000"]


def test_the_reconcile_flow_reads_a_folder_of_advices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reconcile flow's matching step (its task's function, without a Prefect server) with ``advices=DIR``."""
    from flows.reconcile import match_task

    files = _records(tmp_path)
    home = tmp_path / "home"
    monkeypatch.setenv("ORDERHUB_HOME", str(home))
    Store(settings=load_settings(home)).upsert([r for name in ("customers", "invoices", "receipts")
                                                for r in files[f"{name}_records"]])
    summary = match_task.fn(tmp_path / "out", None, date(2026, 4, 9), advices=files["advices"])
    assert summary.statuses.get("auto") == 2
    matches = {m.payment_key: m for m in Store(settings=load_settings(home)).all(Match)}
    assert "remittance advice ZA-2026-0412" in matches["BOC|T-1"].reason
    assert "remittance advice FK20260406-003" in matches["BOC|T-2"].reason


def test_the_large_path_says_it_leaves_the_stores_advices_out(tmp_path: Path) -> None:
    """The large path reads no advices yet: a store holding them stays on the small path by itself, and an
    explicit --large says what it leaves out instead of dropping the advices silently."""
    files = _records(tmp_path)
    home = tmp_path / "home"
    assert _run("extract", str(files["advices"]), "--store", home=home).returncode == 0
    Store(settings=load_settings(home)).upsert(
        [r for name in ("customers", "invoices", "receipts") for r in files[f"{name}_records"]])
    done = _run("reconcile", "--from-store", "--large", "--workers", "1", "--out", str(tmp_path / "r.xlsx"), home=home)
    assert done.returncode == 0, done.stderr + done.stdout
    assert "not used: 2 remittance" in " ".join(done.stderr.split()), done.stderr
