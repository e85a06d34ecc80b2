"""``orderhub demo`` end to end on a small world (real portals, chromium, Prefect's embedded server): demo/out
holds the workbooks and the quarantine report, the summary names the UI command, and a re-run stores
nothing twice."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hub.records import BankReceipt, Declaration, Invoice, Match, Order, SourceFile, StatementLine
from hub.settings import load_settings
from hub.store import Store

REPO = Path(__file__).resolve().parents[2]


def _demo(out: Path, env: dict[str, str]) -> str:
    done = subprocess.run([str(REPO / ".venv" / "bin" / "orderhub"), "demo", "--out", str(out), "--orders", "30"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Traceback" not in done.stdout + done.stderr, "no traceback reaches the demo's user"
    return done.stdout


def _counts(out: Path) -> dict[str, int]:
    store = Store(settings=load_settings(out / "home"))
    return {cls.__name__: store.count(cls) for cls in (Order, Invoice, BankReceipt, StatementLine, SourceFile, Match, Declaration)}


@pytest.mark.slow
def test_demo_runs_end_to_end_and_rerun_is_safe(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "ORDERHUB_"))}
    env.update(PREFECT_HOME=str(tmp_path / "prefect"), COLUMNS="120")
    out = tmp_path / "demo"
    printed = _demo(out, env)
    files = out / "out"
    rec = load_workbook(files / "reconciliation.xlsx", read_only=True)
    assert {"待复核 Needs review", "已匹配 Matched"} <= set(rec.sheetnames)
    auto = rec["已匹配 Matched"]
    assert auto.max_row > 5  # the world's payments were matched
    holds = load_workbook(files / "three-way-holds.xlsx", read_only=True)
    assert holds.worksheets[0].max_row >= 1
    assert load_workbook(files / "integrity-report.xlsx", read_only=True).sheetnames
    report = (files / "quarantine-report.md").read_text(encoding="utf-8")
    assert report.startswith("# 隔离文件 Quarantined files") and "# 待复核 Stored for review" in report
    for name, reason in (("invoice_cut_short.pdf", "not a readable PDF"), ("receipt_photo.pdf", "not a readable PDF"),
                         ("colleague_notes.csv", "headers seen")):
        assert any(name in line and reason in line for line in report.splitlines()), name
    for text in ("import-orders", "customs-prefill:", "reconcile:", "Customer grades", "Integrity report", "orderhub server",
                 "http://127.0.0.1:4200"):
        assert text in printed, text
    first = _counts(out)
    assert first["Order"] > 20 and first["Invoice"] > 10 and first["Match"] > 5
    # customs: the export orders' declarations were prefilled with review workbooks; clean ones were filed on
    # the single window and accepted, the rest wait for a clerk, and none is filed with a warning
    decls = Store(settings=load_settings(out / "home")).all(Declaration)
    assert decls and len(list((files / "customs").glob("CD-*.xlsx"))) == len(decls)
    assert any(d.status == "accepted" and d.customs_no for d in decls)
    assert all(not d.warnings for d in decls if d.status in ("filed", "accepted"))
    statuses = {d.number: d.status for d in decls}
    assert (tmp_path / "prefect").is_dir()  # the runs were recorded in PREFECT_HOME for `orderhub server`

    _demo(out, env)
    again = _counts(out)
    # records are never stored twice; the bank's statement export is new bytes on every download (the xlsx
    # carries its creation time), so it is kept once more as a file - with no new statement lines
    assert {k: v for k, v in again.items() if k != "SourceFile"} == {k: v for k, v in first.items() if k != "SourceFile"}
    assert first["SourceFile"] <= again["SourceFile"] <= first["SourceFile"] + 1
    # nothing filed twice: declarations already accepted keep their status and customs number
    assert {d.number: d.status for d in Store(settings=load_settings(out / "home")).all(Declaration)} == statuses
