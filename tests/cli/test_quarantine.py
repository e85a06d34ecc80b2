"""`orderhub quarantine list|retry` as the operator runs them: reason and date; a retry reads the file
through the same pipeline, takes it out of the quarantine once read, and duplicates nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hub.records import Order, SourceFile
from hub.settings import load_settings
from hub.store import Store

EXPORT = ("订单号,下单日期,商品名称,数量,单价,金额\n"
          "D20260301,2026-03-01,六角螺栓 M8x30,100,0.35,35.00\n"
          "D20260302,2026-03-02,平垫圈 M8,200,0.05,10.00\n")


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"ORDERHUB_HOME": str(home), "COLUMNS": "120"}
    env.pop("ORDERHUB_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-c", "from hub.cli import main; main()", *args], capture_output=True,
                          text=True, env=env, timeout=120)


@pytest.mark.parametrize("original_kept", [True, False])
def test_list_then_retry_reads_the_file_once_and_empties_the_quarantine(tmp_path: Path, original_kept: bool) -> None:
    home, export = tmp_path / "home", tmp_path / "inbox" / "dealer-march.csv"
    export.parent.mkdir()
    export.write_text(EXPORT, encoding="utf-8")
    first = run("extract", str(export), "--store", home=home)
    assert first.returncode == 1 and "names no buyer" in first.stdout.replace("\n", " ").replace("│", "")

    listed = run("quarantine", "list", "--wide", home=home)
    assert listed.returncode == 0, listed.stderr
    row = next(line for line in listed.stdout.splitlines() if "dealer-march.csv" in line)
    handle = row.split("│")[1].strip()
    assert len(handle) == 16 and "names no buyer" in row and str(export) in row
    assert any(part.strip()[:4] == "2026" and len(part.strip()) == 19 for part in row.split("│"))  # its date

    again = run("quarantine", "retry", handle, home=home)
    assert again.returncode == 1 and "still cannot be read" in again.stderr and "stays in the quarantine" in again.stderr
    assert handle in run("quarantine", "list", home=home).stdout

    if not original_kept:
        export.unlink()  # the operator moved it: the quarantined copy is read
    done = run("quarantine", "retry", "dealer-march.csv", "--customer", "苏州恒达精密机械有限公司", home=home)
    assert done.returncode == 0, done.stderr
    assert "2 records (stored 2 new" in done.stdout and "removed from the quarantine" in done.stdout
    assert list((home / "quarantine").glob("*dealer-march*")) == []
    assert "0 quarantined files" in run("quarantine", "list", home=home).stdout
    assert not (home / "retry").exists() or not any((home / "retry").iterdir())

    store = Store(settings=load_settings(home))
    orders = store.all(Order)
    assert sorted(o.external_id for o in orders) == ["D20260301", "D20260302"]
    assert {o.customer_name for o in orders} == {"苏州恒达精密机械有限公司"}
    files = store.all(SourceFile)
    assert len(files) == 1 and files[0].status == "stored" and files[0].quarantine_reason is None
    if original_kept:
        assert files[0].path == str(export.resolve())

    twice = run("quarantine", "retry", handle, home=home)
    assert twice.returncode == 1 and "is not in the quarantine" in twice.stderr
    assert len(Store(settings=load_settings(home)).all(Order)) == 2


def test_an_empty_quarantine_names_its_store_and_folder(tmp_path: Path) -> None:
    result = run("quarantine", "list", home=tmp_path)
    assert result.returncode == 0
    assert "0 quarantined files in" in result.stdout and str(tmp_path / "quarantine") in result.stdout
