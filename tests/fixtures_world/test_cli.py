"""`orderhub fixtures world`: writes a world, and refuses bad arguments with one clear line."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from fixtures.cli import register
from hub.errors import InputError

ORDERHUB = shutil.which("orderhub")


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test app."""

    register(app)
    return app


def test_world_command_writes_a_world(tmp_path: Path) -> None:
    out = tmp_path / "w"
    result = CliRunner().invoke(_app(), ["fixtures", "world", "--seed", "3", "--orders", "6", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "world written" in result.output
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    assert truth["seed"] == 3 and truth["documents"]
    again = CliRunner().invoke(_app(), ["fixtures", "world", "--orders", "6", "--out", str(out)])
    assert isinstance(again.exception, InputError) and "--force" in str(again.exception)
    for args, message in ((["--orders", "0"], "--orders must be at least 1"),
                          (["--orders", "-5"], "--orders must be at least 1"),
                          (["--workers", "0"], "--workers must be at least 1")):
        bad = CliRunner().invoke(_app(), ["fixtures", "world", "--out", str(tmp_path / "x"), *args])
        assert isinstance(bad.exception, InputError) and message in str(bad.exception)
    assert not (tmp_path / "x").exists()


@pytest.mark.skipif(ORDERHUB is None, reason="the orderhub console script is not installed")
def test_a_non_number_is_a_usage_error(tmp_path: Path) -> None:
    proc = subprocess.run([ORDERHUB, "fixtures", "world", "--out", str(tmp_path / "w"), "--orders", "lots"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "Invalid value for '--orders'" in " ".join(proc.stderr.replace("│", " ").split())
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(ORDERHUB is None, reason="the orderhub console script is not installed")
def test_non_empty_folder_is_refused_without_force(tmp_path: Path) -> None:
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "notes.txt").write_text("keep me")
    proc = subprocess.run([ORDERHUB, "fixtures", "world", "--orders", "3", "--out", str(tmp_path / "w")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    text = " ".join(proc.stderr.split())
    assert "is not empty" in text and "--force" in text and "Traceback" not in text
    assert not (tmp_path / "w" / "world.json").exists()
