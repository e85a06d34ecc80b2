"""The password never lands in anything a run leaves behind: traces (unzipped), screenshots, state files,
downloads, logs, exception messages; after a successful run and after failed ones."""

from __future__ import annotations

import base64
import json
import logging
import zipfile
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

from bots.bank import download_bank
from bots.browser import BotError, StepError
from bots.credentials import Credentials, Secret
from bots.orders import to_orders
from bots.profiles import load_profile
from bots.scraper import Scraper
from fixtures.portals.faults import FaultProfile
from fixtures.portals.server import USERS, serve_portals

SECRET = "Zq7-Secret-Pw!9041"  # conftest.py's portal password


def forms(secret: str) -> list[bytes]:
    """The secret as it could be written: plain, URL-encoded, JSON-escaped, base64 (every alignment)."""
    out = {secret, quote(secret), quote_plus(secret), quote(secret, safe=""), json.dumps(secret)[1:-1]}
    raw = secret.encode()
    for shift in range(3):
        b64 = base64.b64encode(b"\0" * shift + raw).decode()
        out.add(b64[4 * ((shift + 2) // 3):][:-4] if len(b64) > 8 else b64)
    return [f.encode() for f in out if f]


def blobs(folder: Path):
    """Every file under ``folder`` as bytes, zips (traces, downloads) opened member by member."""
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        yield str(path), data
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                for name in zf.namelist():
                    yield f"{path}!{name}", zf.read(name)


def assert_clean(folder: Path, texts: list[str]) -> int:
    needles = forms(SECRET)
    seen = 0
    for where, data in blobs(folder):
        seen += 1
        for needle in needles:
            assert needle not in data, f"the password is in {where}"
    for text in texts:
        assert SECRET not in text and quote_plus(SECRET) not in text
    return seen


def test_nothing_a_run_leaves_behind_holds_the_password(data, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    errors: list[str] = []
    faults = FaultProfile(seed=9, error_rate=0.05, session_expiry_requests=8)   # re-logins mid-trace
    with serve_portals(data, faults, password=SECRET) as run:
        creds = Credentials(USERS["marketplace"], Secret(SECRET))
        # 1. a successful scrape with downloads, traces on, several logins
        days = sorted(o.order_date for o in data.orders["marketplace"])
        since, until = days[len(days) // 3], days[2 * len(days) // 3]     # a third of the orders keeps it quick
        ok = Scraper(load_profile("marketplace"), run.urls["marketplace"], creds, tmp_path / "ok").run(since, until)
        assert to_orders(ok.orders, "marketplace", "t") and ok.stats["logins"] >= 2
        # 2. a failed scrape: the page changed under the profile (trace + screenshot saved)
        text = load_profile("marketplace").path.read_text(encoding="utf-8").replace('"Incoterm" =', '"Trade term" =')
        (tmp_path / "changed.toml").write_text(text, encoding="utf-8")
        with pytest.raises(StepError) as failed:
            Scraper(load_profile(tmp_path / "changed.toml"), run.urls["marketplace"], creds, tmp_path / "failed").run()
        errors.append(str(failed.value))
        assert failed.value.trace and failed.value.screenshot
        # 3. a bank login that fails after the password was typed (the SMS code is never right)
        with pytest.raises(BotError) as bank_failed:
            download_bank(run.urls["bank"], Credentials(USERS["bank"], Secret(SECRET)), tmp_path / "bank",
                          sms=lambda page, url, user: "000000")
        errors.append(str(bank_failed.value))
        assert list((tmp_path / "bank" / "failures").glob("*.png"))
    logs = [r.getMessage() for r in caplog.records] + [caplog.text]
    files = assert_clean(tmp_path, errors + logs)
    assert files > 20                     # traces, screenshots, invoices, exports, state files were all looked at
    assert any(p.suffix == ".zip" for p in (tmp_path / "failed" / "failures").iterdir())
