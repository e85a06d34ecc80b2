"""Tables never cut the ids people copy: at 80 columns the key is whole on one line; --wide keeps rows whole."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hub.records import Declaration, Order
from hub.settings import load_settings
from hub.store import Store

KEY = "marketplace|MP2026031500000012345678"


def run(*args: str, home: Path, columns: int = 80) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"ORDERHUB_HOME": str(home), "COLUMNS": str(columns)}
    env.pop("ORDERHUB_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-c", "from hub.cli import main; main()", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def _seed(home: Path) -> None:
    orders = [Order(channel="marketplace", external_id=f"MP20260315000000123456{i:02d}",
                    customer_name="苏州恒达精密机械有限公司 Suzhou Hengda Precision Machinery Co., Ltd.",
                    order_date="2026-03-15", promised_date="2026-04-15",
                    lines=[{"line_no": 1, "description": "六角螺栓 M8x30", "quantity": "100000",
                            "unit_price": "1234.35", "amount": "123435000"}]) for i in (78, 79)]
    Store(settings=load_settings(home)).upsert(orders, actor="importer")


def test_order_keys_and_amounts_are_whole_at_80_columns(tmp_path: Path) -> None:
    _seed(tmp_path)
    result = run("orders", "list", home=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(KEY in line for line in lines), result.stdout
    assert any("marketplace|MP2026031500000012345679" in line for line in lines)
    assert any("123,435,000.00 CNY" in line for line in lines) and "…" not in result.stdout
    assert any("2026-03-15" in line for line in lines) and any("2026-04-15" in line for line in lines)


def test_wide_keeps_each_row_on_one_line(tmp_path: Path) -> None:
    _seed(tmp_path)
    result = run("orders", "list", "--wide", home=tmp_path, columns=60)
    rows = [line for line in result.stdout.splitlines() if "MP20260315" in line]
    assert len(rows) == 2
    assert all("Suzhou Hengda Precision Machinery Co., Ltd." in row and "123,435,000.00 CNY" in row for row in rows)


def test_declaration_numbers_are_whole(tmp_path: Path) -> None:
    store = Store(settings=load_settings(tmp_path))
    decl = Declaration.model_validate({
        "number": "CD-INV-2026-0315-000123456", "order_key": KEY, "status": "draft", "currency": "USD",
        "consignor": "苏州恒锐精密机械有限公司", "consignor_code": "91320594MA1MXQ7K8G",
        "overseas_consignee": "ACME Industrial Supplies (Hamburg) GmbH & Co. KG",
        "items": [{"item_no": 1, "hs_code": "7318158090", "name": "六角螺栓", "quantity": "1000", "unit": "千克",
                   "unit_price": "2.5", "total": "2500", "currency": "USD"}]})
    store.upsert([decl], actor="customs")
    result = run("customs", "list", home=tmp_path, columns=70)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any("CD-INV-2026-0315-000123456" in line for line in lines), result.stdout
    assert any(KEY in line for line in lines) and "…" not in result.stdout
