"""`orderhub extract` end to end: a folder of good and bad files, JSON Lines out, quarantine, the store,
and a second run that changes nothing."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from PIL import Image
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from extractors.pipeline import Options, collect_paths, extract_paths
from hub.records import Order, SourceFile, StatementLine
from hub.settings import load_settings
from hub.store import Store

GBK_STATEMENT = ("中国农业银行 账户明细\n账号：6228480123456789012\n\n"
                 "交易日期,收入金额,支出金额,账户余额,对方户名,摘要,附言\n"
                 "2026-03-02,\"12,500.00\",-,\"112,500.00\",宁波星辰进出口有限公司,汇入汇款,发票号 26327000000001376424\n"
                 "2026-03-05,-,88.00,\"112,412.00\",,手续费,\n")


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"ORDERHUB_HOME": str(home), "COLUMNS": "200", "ORDERHUB_ACTOR": "tester"}
    env.pop("ORDERHUB_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-c", "from hub.cli import main; main()", *args],
                          capture_output=True, text=True, env=env, timeout=300)


def _png_bomb(path: Path) -> None:
    """A tiny PNG whose header claims 100000 x 100000 pixels."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
                     + chunk(b"IEND", b""))


def _orders_xlsx(path: Path, *, formula: bool = False) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["苏州德润工贸有限公司采购订单汇总"])
    ws.append(["单号", "日期", "产品名称", "型号", "数量(个)", "单价(元)", "小计"])
    ws.append(["HT-2603-001", "2026年3月12日", "多芯屏蔽控制电缆", "RVVP 6x0.75mm²", 1750, 5.51, 9642.5])
    ws.append(["HT-2603-002", "2026年3月15日", "十字盘头自攻螺钉", "ST3.5x13 镀锌", 10000, 0.03, "=E4*F4" if formula else 300])
    book.save(path)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder as users drop it: good exports and every kind of bad input."""
    folder = tmp_path / "inbox"
    (folder / "bank").mkdir(parents=True)
    (folder / "bank" / "农行3月.csv").write_bytes(GBK_STATEMENT.encode("gbk"))
    _orders_xlsx(folder / "德润工贸_202603_采购单.xlsx")
    bad = folder / "bad"
    bad.mkdir()
    (bad / "empty.pdf").write_bytes(b"")
    c = canvas.Canvas(str(tmp_path / "ok.pdf"))
    c.drawString(72, 720, "INVOICE No. CI-2026-0042")
    c.save()
    (bad / "truncated.pdf").write_bytes((tmp_path / "ok.pdf").read_bytes()[:400])
    locked = canvas.Canvas(str(bad / "locked.pdf"), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    locked.drawString(72, 720, "发票 invoice")
    locked.save()
    Image.new("RGB", (40, 30), "white").save(bad / "icon.png")
    _png_bomb(bad / "bomb.png")
    _orders_xlsx(bad / "formulas.xlsx", formula=True)
    with zipfile.ZipFile(folder / "德润工贸_202603_采购单.xlsx") as src, \
            zipfile.ZipFile(bad / "macros.xlsm", "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\x00" * 60)
    # a European bank's Windows-1252 export is read (issue 14); bytes no text encoding decodes are not
    (folder / "eu").mkdir()
    (folder / "eu" / "latin1.csv").write_bytes("Buchungstag;Empfänger;Betrag\n01.03.2026;Müller;-12,50\n".encode("cp1252"))
    (bad / "garbled.csv").write_bytes(b"Date;Amount\n\x81\n\x8d\n\x90;\x9d\n")
    (bad / "no_header.csv").write_text("2026-03-01,12.00,x\n2026-03-02,13.00,y\n", encoding="utf-8")
    (bad / "scan.jpg").write_bytes(b"<html>a saved web page, not a photo</html>")
    return folder


BAD = {"empty.pdf": "empty", "truncated.pdf": "PDF", "locked.pdf": "password", "icon.png": "small",
       "bomb.png": "bomb", "formulas.xlsx": "formula", "macros.xlsm": "macros", "garbled.csv": "encoding",
       "no_header.csv": "header", "scan.jpg": "not a readable image"}


def test_extract_batch_cli(batch: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run("extract", str(batch), "--json", "--store", home=home)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    rows = {Path(r["source"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert set(rows) == set(BAD) | {"农行3月.csv", "德润工贸_202603_采购单.xlsx", "latin1.csv"}
    for name, word in BAD.items():
        row = rows[name]
        assert word.lower() in row["error"].lower(), (name, row["error"])
        assert len(row["sha256"]) == 64 and "record" not in row and "records" not in row
        copy = Path(row["quarantined"])
        assert copy.exists() and copy.name.startswith(row["sha256"][:16])
        assert row["error"] in copy.with_name(copy.name + ".reason.txt").read_text(encoding="utf-8")
    statement = rows["农行3月.csv"]
    assert statement["kind"] == "statement" and statement["record_kind"] == "statement_line"
    assert [r["amount"] for r in statement["records"]] == ["12500.00", "-88.00"]
    assert statement["records"][0]["reference"] == "发票号 26327000000001376424"
    assert statement["stored"] == {"inserted": 2, "updated": 0, "unchanged": 0}
    assert set(statement["confidence"]) >= {"booking_date", "amount"} and statement["needs_review"] == []
    orders = rows["德润工贸_202603_采购单.xlsx"]
    assert orders["kind"] == "orders" and len(orders["records"]) == 2
    assert orders["records"][0]["customer_name"] == "苏州德润工贸有限公司"
    assert orders["needs_review"] == ["customer_name"]  # read from the title row, not a column

    store = Store(settings=load_settings(home))
    files = {Path(f.path).name: f for f in store.all(SourceFile)}
    assert files["bomb.png"].status == "quarantined" and "bomb" in files["bomb.png"].quarantine_reason
    assert files["农行3月.csv"].status == "stored" and len(files["农行3月.csv"].record_keys) == 2
    # 农行's two lines and the Windows-1252 export's one, stored with no currency (it prints none: needs review)
    assert store.count(StatementLine) == 3 and store.count(Order) == 2
    assert rows["latin1.csv"]["records"][0]["currency"] is None and rows["latin1.csv"]["status"] == "needs_review"
    before = (store.count(), store.audit_count(), sorted(p.name for p in (home / "quarantine").iterdir()))

    again = run("extract", str(batch), "--json", "--store", home=home)
    assert again.returncode == 1
    rows2 = {Path(r["source"]).name: r for r in map(json.loads, again.stdout.splitlines())}
    assert rows2["农行3月.csv"]["stored"] == {"inserted": 0, "updated": 0, "unchanged": 2}
    assert (store.count(), store.audit_count(), sorted(p.name for p in (home / "quarantine").iterdir())) == before


def test_human_output_and_kind_mismatch(batch: Path, tmp_path: Path) -> None:
    result = run("extract", str(batch / "bank"), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "农行3月.csv" in result.stdout and "statement" in result.stdout
    wrong = run("extract", str(batch / "bank"), "--kind", "invoice", "--json", home=tmp_path)
    assert wrong.returncode == 1
    assert "needs a PDF or an image" in json.loads(wrong.stdout)["error"]
    unknown = run("extract", str(batch), "--kind", "cheque", home=tmp_path)
    assert unknown.returncode == 1 and "cheque" in unknown.stderr and "Traceback" not in unknown.stderr


def test_collect_paths_skips_hidden_and_quarantine(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.csv").write_text("x", encoding="utf-8")
    (tmp_path / "a" / ".hidden.csv").write_text("x", encoding="utf-8")
    (tmp_path / "quarantine").mkdir()
    (tmp_path / "quarantine" / "old.csv").write_text("x", encoding="utf-8")
    found = collect_paths([tmp_path, tmp_path / "a" / "x.csv"], exclude=tmp_path / "quarantine")
    assert [p.name for p in found] == ["x.csv"]


def test_world_statements_and_a_document(tmp_path: Path) -> None:
    """The demo world's statement exports import to exactly its statement lines; a digital invoice PDF
    goes to the document extractors (a record or a clear error, never a crash)."""
    from fixtures.world import generate_world

    world = generate_world(seed=5, orders=30, scans=False, out=tmp_path / "w")
    truth = {ln.natural_key(): ln for ln in world.statement_lines}
    invoice = next(p for p in sorted((tmp_path / "w/documents/invoices").glob("*.pdf")))
    outcomes = extract_paths([tmp_path / "w/statements", invoice], load_settings(tmp_path / "home"), Options())
    lines = [r for o in outcomes if o.kind == "statement" for r in o.records]
    assert all(o.ok for o in outcomes if o.kind == "statement")
    assert sorted(ln.natural_key() for ln in lines) == sorted(truth)
    for line in lines:
        exp = truth[line.natural_key()]
        assert (line.booking_date, line.amount, line.currency, line.counterparty_name, line.counterparty_account,
                line.reference, line.balance) == (exp.booking_date, exp.amount, exp.currency, exp.counterparty_name,
                                                  exp.counterparty_account, exp.reference, exp.balance)
    doc = next(o for o in outcomes if o.source == str(invoice))
    payload = doc.to_json()
    assert ("record" in payload and payload["record_kind"] == "invoice") or payload["error"]


def test_duplicates_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "m.csv").write_bytes(GBK_STATEMENT.encode("gbk"))
    (tmp_path / "a" / "copy of m.csv").write_bytes(GBK_STATEMENT.encode("gbk"))
    settings = load_settings(tmp_path / "home")
    outcomes = extract_paths([tmp_path / "a", tmp_path / "missing.csv"], settings, Options(),
                             store=Store(settings=settings))
    by_name = {Path(o.source).name: o for o in outcomes}
    # files are read in sorted order: "copy of m.csv" first, so "m.csv" is the repeat
    first, repeat, missing = by_name["copy of m.csv"], by_name["m.csv"], by_name["missing.csv"]
    assert len(first.records) == 2 and first.stored == {"inserted": 2, "updated": 0, "unchanged": 0}
    assert repeat.ok and repeat.records == [] and repeat.to_json()["duplicate_of"] == first.source
    assert repeat.kind == "statement"
    assert not missing.ok and "No such file" in missing.error and missing.to_json()["sha256"] == ""


def test_bank_and_account_for_exports_that_name_neither(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Date,Amount,Payee\n2026-03-04,10.00,ACME Corp.\n", encoding="utf-8")
    settings = load_settings(tmp_path / "home")
    (plain,) = extract_paths([path], settings, Options())
    assert plain.records[0].bank == "unknown" and any("no bank" in w for w in plain.warnings)
    (named,) = extract_paths([path], settings, Options(bank="汇丰银行", account="808-123456-001"))
    assert (named.records[0].bank, named.records[0].account) == ("汇丰银行", "808-123456-001")


def test_extract_records_for_library_callers(tmp_path: Path) -> None:
    from extractors.pipeline import extract_records
    from hub.errors import InputError

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "m.csv").write_bytes(GBK_STATEMENT.encode("gbk"))
    records = extract_records(tmp_path / "in", settings=load_settings(tmp_path / "home"))
    assert [type(r).__name__ for r in records] == ["StatementLine", "StatementLine"]
    (tmp_path / "in" / "empty.csv").write_bytes(b"")
    with pytest.raises(InputError, match="empty.csv: is empty"):
        extract_records(tmp_path / "in", settings=load_settings(tmp_path / "home"))
    assert not (tmp_path / "home" / "quarantine").exists()
