"""`orderhub customs` as a clerk runs it: prefill to a workbook, edit, apply with a name, list, show; clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from hub.errors import InputError
from hub.records import Declaration
from hub.settings import load_settings
from hub.store import Store


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """The real command in its own process (for how errors print)."""
    env = os.environ | {"ORDERHUB_HOME": str(home), "COLUMNS": "200", "ORDERHUB_ACTOR": "tester"}
    env.pop("ORDERHUB_DATABASE_URL", None)
    env.pop("ORDERHUB_CUSTOMS_CODES", None)
    return subprocess.run([sys.executable, "-c", "from hub.cli import main; main()", "customs", *args],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def invoke(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """The same app in this process (fast): returns the result; an error comes back as ``result.exception``."""
    from hub import commands  # noqa: F401
    from hub.cli import _load_plugins, app

    if not any(getattr(g, "name", None) == "customs" for g in app.registered_groups):
        _load_plugins()
    monkeypatch.setenv("ORDERHUB_HOME", str(tmp_path))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("ORDERHUB_DATABASE_URL", raising=False)
    monkeypatch.delenv("ORDERHUB_CUSTOMS_CODES", raising=False)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, ["customs", *args])


def seed(home: Path, world) -> Store:
    store = Store(settings=load_settings(home))
    store.upsert([*world.customers, *world.products, *world.orders, *world.invoices, *world.packing_lists])
    return store


def test_prefill_apply_list_show(tmp_path: Path, small_world, export_case, invoke) -> None:
    order, invoice, packing = export_case
    store = seed(tmp_path, small_world)
    book = tmp_path / "out" / "declaration.xlsx"
    result = invoke("prefill", order.external_id, "--out", str(book))
    assert result.exit_code == 0, result.output
    number = f"CD-{invoice.number}"
    assert f"{number} draft" in result.output and "0 blocking / 0 warning(s)" in result.output
    assert book.is_file()

    wb = load_workbook(book)
    ws = wb["表头 Header"]
    cell = next(row[2] for row in ws.iter_rows(min_row=2) if row[1].value == "bill_no")
    cell.value = "COSU6312345670"
    wb.save(book)
    result = invoke("apply", str(book), "--by", "王丽娟", "--approve")
    assert result.exit_code == 0, result.output
    assert "corrected bill_no: None -> COSU6312345670" in result.output or "corrected bill_no:  -> COSU" in \
        result.output
    assert "status approved" in result.output
    decl = store.get(Declaration, number)
    assert decl.status == "approved" and decl.approved_by == "王丽娟" and decl.bill_no == "COSU6312345670"
    assert {e.actor for e in store.history(decl) if e.action.startswith("customs:")} == {"王丽娟"}

    again = invoke("prefill", order.external_id)          # re-run: the approved one is kept
    assert again.exit_code == 0 and "kept: already approved" in again.output
    assert store.get(Declaration, number) == decl

    listed = invoke("list", "--json")
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert [(r["number"], r["status"]) for r in rows] == [(number, "approved")]
    shown = invoke("show", number)
    assert shown.exit_code == 0 and "毛重（千克）" in shown.output
    assert f"packing_list:{packing.number}" in shown.output and "clerk:王丽娟" in shown.output
    assert "customs:correction" in shown.output and "customs:approved" in shown.output
    linked = [e for e in store.history(("order", order.natural_key())) if e.kind == "declaration"]
    assert {"customs:correction", "customs:approved"} <= {e.action for e in linked}


def test_errors_are_clear(tmp_path: Path, small_world, invoke) -> None:
    seed(tmp_path, small_world)
    for args, message in [
        (("prefill", "NOPE-1"), "no order 'NOPE-1'"),
        (("show", "CD-NONE"), "no declaration 'CD-NONE'"),
        (("list", "--status", "lost"), "--status 'lost' is not one of"),
        (("apply", str(tmp_path / "missing.xlsx"), "--by", "李明"), "cannot read the workbook: no such file"),
        (("prefill", "x", "--codes", str(tmp_path / "nowhere")), "the customs code folder does not exist"),
    ]:
        result = invoke(*args)
        assert isinstance(result.exception, InputError), (args, result.output)
        assert message in str(result.exception)


def test_an_error_prints_as_one_red_line(tmp_path: Path, small_world) -> None:
    seed(tmp_path, small_world)
    result = run("prefill", "NOPE-1", home=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "error: no order 'NOPE-1' in the store"


def test_own_code_tables_replace_the_defaults(tmp_path: Path, small_world, export_case, invoke) -> None:
    order, _, _ = export_case
    seed(tmp_path, small_world)
    own = tmp_path / "codes"
    own.mkdir()
    (own / "incoterms.csv").write_text("code,name,aliases\n1,CIF,\n2,C&F,\n7,EXW,\n", encoding="utf-8")
    result = invoke("prefill", order.external_id, "--codes", str(own))
    assert result.exit_code == 0, result.output
    assert "'FOB' has no code in incoterms.csv" in result.output
    (own / "units.csv").write_text("code,name\n007,个\n007,件\n", encoding="utf-8")
    result = invoke("prefill", order.external_id, "--codes", str(own))
    assert "units.csv: line 3: code '007' appears twice" in str(result.exception)
