"""`orderhub reconcile` and `orderhub match3` from the command line, on JSON Lines of records."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from hub.records import BankReceipt, Customer, Delivery, DeliveryLine, Invoice, InvoiceLine, Order, OrderLine

ORDERHUB = [sys.executable, "-c", "from hub.cli import main; main()"]


def run(args: list[str], home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "ORDERHUB_HOME": str(home), "ORDERHUB_ACTOR": "tester"}
    env.pop("ORDERHUB_DATABASE_URL", None)
    return subprocess.run([*ORDERHUB, *args], capture_output=True, text=True, env=env, timeout=120)


def jsonl(path: Path, records: list) -> Path:
    path.write_text("".join(json.dumps({"kind": r.KIND, "record": r.payload()}, ensure_ascii=False) + "\n"
                            for r in records), encoding="utf-8")
    return path


def test_reconcile_and_match3_commands(tmp_path: Path) -> None:
    line = InvoiceLine(line_no=1, description="*紧固件*六角螺母", quantity=Decimal(100), unit_price=Decimal("1.00"),
                       amount=Decimal("100.00"))
    inv = Invoice(kind="cn_vat_e", number="26322000000000000777", issue_date=date(2026, 3, 5), seller_name="恒锐",
                  buyer_name="上海华源贸易有限公司", net=Decimal("100.00"), total=Decimal("100.00"), lines=[line],
                  order_ref="WS20260301001")
    order = Order(channel="webshop", external_id="WS20260301001", customer_name="上海华源贸易有限公司",
                  order_date=date(2026, 3, 1), lines=[OrderLine(line_no=1, description="六角螺母", quantity=Decimal(100),
                                                                unit_price=Decimal("1.00"), amount=Decimal("100.00"))])
    delivery = Delivery(delivery_no="SH1", order_ref="WS20260301001", shipped_date=date(2026, 3, 4),
                        lines=[DeliveryLine(line_no=1, order_line_no=1, description="六角螺母", quantity=Decimal(90))])
    receipt = BankReceipt(bank="ICBC", transaction_id="T1", value_date=date(2026, 3, 9),
                          payer_name="SHANGHAI HUAYUAN TRADING CO LTD", amount=Decimal("100.00"),
                          memo="=HYPERLINK(\"x\") 26322000000000000777")
    customer = Customer(code="C001", name="上海华源贸易有限公司", name_en="Shanghai Huayuan Trading Co., Ltd.")
    files = {name: jsonl(tmp_path / f"{name}.jsonl", recs) for name, recs in
             [("receipts", [receipt]), ("invoices", [inv]), ("orders", [order]), ("customers", [customer]),
              ("deliveries", [delivery])]}
    done = run(["reconcile", "--receipts", str(files["receipts"]), "--invoices", str(files["invoices"]),
                "--orders", str(files["orders"]), "--customers", str(files["customers"]), "--deliveries",
                str(files["deliveries"]), "--store", "--out", str(tmp_path / "r.xlsx"), "--json",
                str(tmp_path / "m.jsonl")], tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert "auto 1" in done.stdout
    wb = load_workbook(tmp_path / "r.xlsx")
    auto = wb["已匹配 Matched"]
    assert auto.cell(row=2, column=7).value.startswith("=HYPERLINK") and auto.cell(row=2, column=7).data_type == "s"
    holds = wb["三单暂挂 Three-way holds"]
    assert holds.cell(row=2, column=7).value == "暂挂 hold" and "数量 quantity" in holds.cell(row=2, column=8).value
    match = json.loads((tmp_path / "m.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert match["kind"] == "match" and match["record"]["status"] == "auto"

    again = run(["reconcile", "--from-store", "--store", "--out", str(tmp_path / "r2.xlsx")], tmp_path / "home")
    assert again.returncode == 0, again.stderr
    assert "kept as decided 1" in again.stdout.replace("\n", " ")

    m3 = run(["match3", "--from-store", "--out", str(tmp_path / "m3.xlsx")], tmp_path / "home")
    assert m3.returncode == 0 and "1 on hold" in m3.stdout

    # a person undoes the auto match by its bank transaction id, with a reason; twice is refused
    undo = run(["reconcile", "undo", "T1", "--reason", "付款人说是另一张发票", "--by", "王强"], tmp_path / "home")
    assert undo.returncode == 0 and "open again" in undo.stdout, undo.stdout + undo.stderr
    twice = run(["reconcile", "undo", "T1", "--reason", "again", "--by", "王强"], tmp_path / "home")
    assert twice.returncode == 1 and "not posted" in twice.stdout and "Traceback" not in twice.stderr


def test_bad_input_is_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "r.jsonl"
    bad.write_text('{"bank": "ICBC", "amount": "twelve"}\nnot json\n', encoding="utf-8")
    done = run(["reconcile", "--receipts", str(bad), "--invoices", str(bad), "--out", str(tmp_path / "x.xlsx")],
               tmp_path / "home")
    assert done.returncode == 1
    assert "r.jsonl:1" in done.stderr and "Traceback" not in done.stderr
    done = run(["reconcile", "apply", str(tmp_path / "missing.xlsx")], tmp_path / "home")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    said = " ".join(done.stderr.split())
    assert "missing.xlsx" in said and "no such file" in said and "Errno" not in said
    (tmp_path / "bad.xlsx").write_text("not a workbook", encoding="utf-8")
    done = run(["reconcile", "apply", str(tmp_path / "bad.xlsx")], tmp_path / "home")
    assert done.returncode == 1 and "not a readable reconciliation workbook" in " ".join(done.stderr.split())
    assert "Errno" not in done.stderr and "Traceback" not in done.stderr


def _invoice_777() -> Invoice:
    return Invoice(kind="cn_vat_e", number="26322000000000000777", issue_date=date(2026, 3, 5), seller_name="恒锐",
                   buyer_name="上海华源贸易有限公司", net=Decimal("100.00"), total=Decimal("100.00"))


def _statement(path: Path) -> Path:
    path.write_text("账号,6222000011112222\n户名,恒锐机械有限公司\n交易日期,摘要,对方户名,收入金额,支出金额,余额,币种\n"
                    "2026-03-09,货款 26322000000000000777,上海华源贸易有限公司,100.00,,1100.00,CNY\n", encoding="utf-8")
    return path


def test_reconcile_folder_with_unreadable_files_quarantines_them_and_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "bank"
    folder.mkdir()
    _statement(folder / "stmt.csv")
    (folder / "notes.txt").write_text("meeting notes, not a statement\n", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nbroken")
    invoices = jsonl(tmp_path / "inv.jsonl", [_invoice_777()])
    home = tmp_path / "home"
    done = run(["reconcile", "--receipts", str(folder), "--invoices", str(invoices), "--out",
                str(tmp_path / "r.xlsx")], home)
    assert done.returncode == 0, done.stderr
    assert "auto 1" in done.stdout
    err = done.stderr.replace("\n", " ")
    assert "broken.pdf" in err and "not a readable PDF" in err and "notes.txt" in err
    assert "Traceback" not in done.stderr
    quarantined = sorted(p.name for p in (home / "quarantine").iterdir() if not p.name.endswith(".json"))
    assert any(n.endswith("broken.pdf") for n in quarantined) and any(n.endswith("notes.txt") for n in quarantined)


def test_one_mixed_extract_json_serves_both_options(tmp_path: Path) -> None:
    receipt = BankReceipt(bank="ICBC", transaction_id="T9", value_date=date(2026, 3, 9),
                          payer_name="上海华源贸易有限公司", amount=Decimal("100.00"), memo="26322000000000000777")
    mixed = tmp_path / "extracted.jsonl"
    lines = [{"source": "a.pdf", "sha256": "a", "kind": "receipt", "record_kind": "receipt", "record": receipt.payload()},
             {"source": "b.pdf", "sha256": "b", "kind": "invoice", "record_kind": "invoice",
              "record": _invoice_777().payload()},
             {"source": "c.pdf", "sha256": "c", "kind": "document", "error": "not a readable PDF"}]
    mixed.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    done = run(["reconcile", "--receipts", str(mixed), "--invoices", str(mixed), "--out", str(tmp_path / "r.xlsx")],
               tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert "auto 1" in done.stdout and "Traceback" not in done.stderr
    err = done.stderr.replace("\n", " ")
    assert "--receipts: ignored records of another kind (1 invoice)" in err
    assert "--invoices: ignored records of another kind (1 receipt)" in err


def test_several_paths_after_one_flag(tmp_path: Path) -> None:
    from flows.reconcile_cli import spread_paths

    assert spread_paths(["--receipts", "a", "b", "--invoices", "c", "--out", "x"]) == \
        ["--receipts", "a", "--receipts", "b", "--invoices", "c", "--out", "x"]
    r1 = BankReceipt(bank="ICBC", transaction_id="T1", value_date=date(2026, 3, 9), payer_name="上海华源贸易有限公司",
                     amount=Decimal("100.00"), memo="26322000000000000777")
    r2 = BankReceipt(bank="ICBC", transaction_id="T2", value_date=date(2026, 3, 10), payer_name="上海华源贸易有限公司",
                     amount=Decimal("55.00"), memo="other")
    a, b = jsonl(tmp_path / "a.jsonl", [r1]), jsonl(tmp_path / "b.jsonl", [r2])
    invoices = jsonl(tmp_path / "inv.jsonl", [_invoice_777()])
    done = run(["reconcile", "--receipts", str(a), str(b), "--invoices", str(invoices), "--out",
                str(tmp_path / "r.xlsx")], tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert "payments: 2 proposed" in done.stdout and "auto 1" in done.stdout
