"""Reviewers: ``orderhub users add`` stores a salted scrypt hash only; the password never reaches the
console, the audit log or the records."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from hub.settings import load_settings
from hub.store import Store
from hub.users import authenticate, check_password, hash_password

PASSWORD = "Zs9!review-pass-7731"


def run(args: list[str], home: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ORDERHUB_HOME": str(home), "ORDERHUB_ACTOR": "admin-tester"}
    env.pop("ORDERHUB_DATABASE_URL", None)
    env.pop("ORDERHUB_NEW_PASSWORD", None)
    return subprocess.run([sys.executable, "-c", "from hub.cli import main; main()", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=120)


def test_users_add_keeps_only_a_salted_hash(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = run(["users", "add", "王丽", "--role", "finance", "--password-stdin"], home, PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert PASSWORD not in done.stdout + done.stderr and "王丽" in done.stdout
    again = run(["users", "add", "赵强", "--role", "customs", "--password-stdin"], home, PASSWORD + "\n")
    assert again.returncode == 0, again.stderr
    db = sqlite3.connect(home / "orderhub.db")
    hashes = [row[0] for row in db.execute("SELECT password_hash FROM users ORDER BY name")]
    assert len(hashes) == 2 and all(h.startswith("scrypt$") and PASSWORD not in h for h in hashes)
    assert hashes[0] != hashes[1]  # salted: the same password hashes differently
    dumped = "\n".join(str(row) for row in db.execute("SELECT * FROM audit_events"))
    assert PASSWORD not in dumped and not any(h in dumped for h in hashes)
    assert "user:added" in dumped and "admin-tester" in dumped
    store = Store(settings=load_settings(home))
    assert authenticate(store, "王丽", PASSWORD).role == "finance"
    assert authenticate(store, "王丽", PASSWORD + "x") is None and authenticate(store, "nobody", PASSWORD) is None
    listed = run(["users", "list"], home)
    assert "王丽\tfinance" in listed.stdout and "赵强\tcustoms" in listed.stdout


def test_bad_role_and_short_password_are_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = run(["users", "add", "li", "--role", "boss", "--password-stdin"], home, PASSWORD + "\n")
    assert done.returncode == 1 and "finance, customs, admin" in done.stderr and "Traceback" not in done.stderr
    done = run(["users", "add", "li", "--role", "finance", "--password-stdin"], home, "short\n")
    assert done.returncode == 1 and "too short" in done.stderr and "short\n" not in done.stdout


def test_hash_check() -> None:
    stored = hash_password("correct horse")
    assert check_password("correct horse", stored) and not check_password("correct hors", stored)
    assert not check_password("correct horse", "plain-text") and not check_password("x", "scrypt$1$2$3$zz$zz")
