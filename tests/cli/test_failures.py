"""`orderhub` as a user runs it (a subprocess): every failure is one line, never a traceback."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, home: Path, code: str = "from hub.cli import main; main()",
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = os.environ | {"ORDERHUB_HOME": str(home), "COLUMNS": "200"} | (env or {})
    full.pop("ORDERHUB_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=full,
                          timeout=300, cwd=home.parent)


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    return errors[0]


def test_an_unexpected_failure_is_one_line_and_its_traceback_goes_to_errors_log(tmp_path: Path) -> None:
    home = tmp_path / "home"
    # a command of a plugin with a bug: registered and run the way every plugin's command is
    code = ("import sys\nfrom hub.cli import app, main\n"
            "@app.command('boom')\ndef boom():\n    {}['missing-key']\nmain()")
    result = run("boom", home=home, code=code)
    assert result.returncode == 1
    line = one_error_line(result)
    log = home / "errors.log"
    assert "KeyError" in line and f"details in {log}" in line
    text = log.read_text()
    assert "orderhub boom" in text and "Traceback" in text and "KeyError: 'missing-key'" in text


def test_a_store_that_is_not_a_database_is_named(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "orderhub.db").write_bytes(b"this is a spreadsheet, not a database\n" * 200)
    result = run("orders", "list", home=home)
    assert result.returncode == 1
    line = one_error_line(result)
    assert f"the store {home / 'orderhub.db'} could not be used" in line and "not a database" in line
    assert "ORDERHUB_HOME" in line and (home / "errors.log").is_file()


def test_extract_of_a_missing_path_says_no_such_file_and_quarantines_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    missing = tmp_path / "inbox" / "发票-0001.pdf"
    result = run("extract", str(missing), "--store", home=home)
    assert result.returncode == 1
    line = one_error_line(result)
    assert line == f"error: no such file or folder: {missing}"
    assert "quarantin" not in (result.stdout + result.stderr).lower() and "隔离" not in result.stdout
    assert not (home / "quarantine").exists() or not any((home / "quarantine").iterdir())


def test_version(tmp_path: Path) -> None:
    from importlib.metadata import version

    result = run("--version", home=tmp_path / "home")
    assert result.returncode == 0 and result.stdout.strip() == f"orderhub {version('orderhub')}"


HEAVY = ("prefect", "playwright", "pdfplumber", "openpyxl", "pandas", "rapidocr", "onnxruntime", "cv2")


@pytest.mark.parametrize("args", [["--help"], ["customs", "--help"], []])
def test_help_imports_no_heavy_module(tmp_path: Path, args: list[str]) -> None:
    code = ("import sys\nfrom hub.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print('LOADED', sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)")
    result = run(*args, home=tmp_path / "home", code=code)
    assert "Commands" in result.stdout or "Usage" in result.stdout, result.stderr
    assert "LOADED []" in result.stderr, result.stderr


def test_every_command_is_listed_and_lazy_ones_run(tmp_path: Path) -> None:
    result = run("--help", home=tmp_path / "home")
    for name in ("extract", "reconcile", "match3", "orders", "grades", "history", "customs", "demo", "server",
                 "scrape", "bank", "fixtures", "portals", "report", "db"):
        assert f" {name} " in result.stdout, name
    rec = run("reconcile", "--help", home=tmp_path / "home")
    assert rec.returncode == 0 and "--receipts" in rec.stdout and "apply" in rec.stdout
    match3 = run("match3", "--help", home=tmp_path / "home")
    assert match3.returncode == 0 and "--deliveries" in match3.stdout or "--from-store" in match3.stdout
    typo = run("reconcil", home=tmp_path / "home")
    assert typo.returncode == 2 and "reconcile" in typo.stderr and "Traceback" not in typo.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_an_unreachable_portal_names_the_address_the_reason_the_step_and_the_evidence(tmp_path: Path) -> None:
    home, out = tmp_path / "home", tmp_path / "scrape"
    url = f"http://127.0.0.1:{_free_port()}"
    env = {"ORDERHUB_MARKETPLACE_USER": "seller", "ORDERHUB_MARKETPLACE_PASSWORD": "Zq7-Secret-Pw!9041"}
    result = run("scrape", "marketplace", "--url", url, "--out", str(out), home=home, env=env)
    assert result.returncode == 1
    line = one_error_line(result)
    assert line.startswith(f"error: could not reach {url}/login (connection refused) at step 'login'"), line
    shot = Path(line.split("screenshot: ")[1].split(";")[0])
    note = Path(line.split("note: ")[1].strip())
    assert shot.is_file() and shot.parent == out / "failures" and shot.stat().st_size > 1000
    assert json.loads(note.read_text())["reason"] == f"could not reach {url}/login (connection refused)"
    assert "Zq7-Secret-Pw!9041" not in result.stderr + note.read_text()


def test_a_store_of_a_newer_orderhub_is_named(tmp_path: Path) -> None:
    import sqlite3

    from hub.settings import load_settings
    from hub.store import Store

    home = tmp_path / "home"
    Store(settings=load_settings(home))
    with sqlite3.connect(home / "orderhub.db") as conn:
        conn.execute("update alembic_version set version_num = '0099_future'")
    result = run("orders", "list", home=home)
    assert result.returncode == 1
    line = one_error_line(result)
    assert f"the store {home / 'orderhub.db'} was written by a newer orderhub (schema '0099_future')" in line
