"""`orderhub scrape` and `orderhub bank download` as a user runs them (subprocess, env credentials)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hub.records import Order
from hub.settings import load_settings
from hub.store import Store

SECRET = "Zq7-Secret-Pw!9041"  # conftest.py's portal password


def run(*args: str, home: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = os.environ | {"ORDERHUB_HOME": str(home), "COLUMNS": "200"} | env
    full.pop("ORDERHUB_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-c", "from hub.cli import main; main()", *args], capture_output=True,
                          text=True, env=full, timeout=300)


@pytest.mark.slow
def test_scrape_to_store_and_bank_download(portals, world, tmp_path):
    env = {"ORDERHUB_WEBSHOP_USER": "admin", "ORDERHUB_WEBSHOP_PASSWORD": SECRET,
           "ORDERHUB_BANK_USER": "cz0001", "ORDERHUB_BANK_PASSWORD": SECRET}
    out = tmp_path / "scrape"
    result = run("scrape", "webshop", "--url", portals.urls["webshop"], "--out", str(out), "--store", "--workers", "2",
                 home=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    truth = [o for o in world.orders if o.channel == "webshop"]
    assert f"{len(truth)} orders (portal says {len(truth)})" in result.stdout
    assert SECRET not in result.stdout + result.stderr
    stored = Store(settings=load_settings(tmp_path)).all(Order)
    assert sorted(o.external_id for o in stored) == sorted(o.external_id for o in truth)
    assert json.loads((out / "run.json").read_text())["orders"] == len(truth) and (out / "orders.xlsx").is_file()
    bank = run("bank", "download", "--url", portals.urls["bank"], "--out", str(tmp_path / "bank"), home=tmp_path,
               env=env)
    assert bank.returncode == 0, bank.stderr
    assert f"{len(world.receipts)} receipts (portal says {len(world.receipts)})" in bank.stdout


@pytest.mark.slow
def test_missing_credentials_and_bad_dates_are_one_clear_line(tmp_path):
    env = {"ORDERHUB_WEBSHOP_USER": "", "ORDERHUB_WEBSHOP_PASSWORD": ""}
    result = run("scrape", "webshop", "--url", "http://127.0.0.1:9", home=tmp_path, env=env)
    assert result.returncode == 1 and "ORDERHUB_WEBSHOP_PASSWORD" in result.stderr and "Traceback" not in result.stderr
    result = run("scrape", "webshop", "--since", "2026-13-01", home=tmp_path, env=env)
    assert result.returncode == 1 and "--since" in result.stderr and "Traceback" not in result.stderr
    result = run("scrape", "nosuchsite", home=tmp_path, env=env)
    assert result.returncode == 1 and "no site profile" in result.stderr
