"""``bench/scale.py reconcile`` at a tiny size: one command runs the partitioned "million" and, in the same
run, orderhub and splink on the receipt-to-invoice linkage, and prints both engines' wall time, peak RSS and
precision/recall/F1; where splink is not installed it says so loudly and still prints orderhub's side."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TINY = ["--skip-compare", "--million", "4000", "--million-parts", "2", "--processes", "1", "--linkage", "300"]


def _run(tmp_path: Path, *extra: str, hide_splink: bool = False) -> tuple[str, str]:
    env = None
    if hide_splink:  # a module named splink first on the path that fails to import, as a missing one does
        (tmp_path / "hide").mkdir()
        (tmp_path / "hide" / "splink.py").write_text('raise ImportError("No module named \'splink\'")\n')
        env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path / "hide")}
    out = subprocess.run([sys.executable, str(REPO / "bench" / "scale.py"), "reconcile", *TINY, *extra],
                         cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=True)
    return out.stdout, out.stderr


def _line(stdout: str, start: str) -> str:
    found = [line for line in stdout.splitlines() if line.startswith(start)]
    assert found, f"no line starting {start!r} in:\n{stdout}"
    return found[0]


def test_without_splink_the_run_says_so_and_prints_orderhubs_side(tmp_path: Path) -> None:
    stdout, stderr = _run(tmp_path, "--from-store", "--store-dir", str(tmp_path / "store"), hide_splink=True)
    assert "splink is NOT installed" in stdout and "pip install -e '.[bench]'" in stdout
    assert "splink is NOT installed" in stderr
    million = _line(stdout, "  wall ")
    assert "MB a worker" in million and "auto precision" in million
    assert "x 4,000 invoices, 400 customers, 2 partitions" in _line(stdout, "million: ")
    assert "on the linkage, same run: auto rate" in _line(stdout, "orderhub at ")
    row = _line(stdout, "orderhub: auto matches").split()
    wall, cpu, rss, pairs, precision, recall, f1 = row[3:]
    assert float(wall) > 0 and int(rss) > 0 and int(pairs) > 300
    assert float(precision) >= 0.995 and 0.9 <= float(recall) <= 1 and float(f1) >= 0.95
    assert not [line for line in stdout.splitlines() if line.startswith("splink p>=")]
    assert _line(stdout, "whole command: ")


def test_with_splink_both_engines_are_in_the_same_run(tmp_path: Path) -> None:
    for name in ("splink", "duckdb"):
        pytest.importorskip(name, reason=f"{name} is in the optional extra: pip install -e '.[bench]'")
    stdout, _ = _run(tmp_path)
    assert "NOT installed" not in stdout
    assert "MB the largest process" in _line(stdout, "  wall ")
    assert _line(stdout, "orderhub: auto matches")
    row = _line(stdout, "splink p>=0.5: every pair above").split()
    wall, cpu, rss, pairs, precision, recall, f1 = row[5:]
    assert float(wall) > 0 and int(rss) > 0 and int(pairs) > 0
    assert 0.9 <= float(precision) <= 1 and 0 < float(recall) <= 1 and 0 < float(f1) <= 1
    assert _line(stdout, "splink p>=0.99: best invoice per receipt")


def _part_digests(stdout: str) -> list[str]:
    import json

    return sorted(json.loads(line.split(" ", 1)[1])["digest"] for line in stdout.splitlines()
                  if line.startswith("part "))


def test_streaming_from_postgresql_decides_as_from_sqlite(tmp_path: Path, pg_url: str) -> None:
    """The million's store on PostgreSQL (written by COPY, read by Store.stream on psycopg): every
    partition's match digest is the one the SQLite store gives for the same world."""
    tiny = ["--linkage", "0", "--from-store"]
    on_pg, _ = _run(tmp_path, *tiny, "--store-dir", str(tmp_path / "pg"), "--store-url", pg_url)
    on_sqlite, _ = _run(tmp_path, *tiny, "--store-dir", str(tmp_path / "sqlite"))
    assert pg_url.rsplit("@", 1)[-1] in _line(on_pg, "written ") and "records_written\": 8400" in _line(on_pg, "written ")
    assert len(_part_digests(on_pg)) == 2 and _part_digests(on_pg) == _part_digests(on_sqlite)

    def rates(stdout: str) -> str:  # "auto rate 99.30%, auto precision 100.0000% (0 wrong of 3,972)"
        return _line(stdout, "  wall ").split(", auto rate")[1].rsplit(", load", 1)[0]

    assert rates(on_pg) == rates(on_sqlite)
