"""Two processes upserting overlapping batches into one store at the same moment: no record twice, no
failure on a lock or the unique key, exactly one "created" audit event per record, links once."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from hub.records import Order
from hub.settings import load_settings
from hub.store import Store

# Each writer: wait for the common start time, then (mode "insert") upsert 6 batches of 60 orders (its
# range, in its order, overlapping the other writer's by half) and link each order to a customer, or
# (mode "rush") change every 7th order of its range, the overlap changed by both writers at once.
WRITER = r"""
import json, sys, time
from hub.records import Order
from hub.settings import load_settings
from hub.store import Store

url, start_at, first, last, step, home, mode = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6], sys.argv[7]
def order(i, note=None):
    return Order(channel="marketplace", external_id=f"MP-{i:06d}", customer_name="Nordic Fasteners AB",
                 order_date="2026-03-15", currency="USD", remarks=note or "",
                 lines=[{"line_no": 1, "description": "Hex bolt M8x30", "quantity": "1000", "unit_price": "0.052",
                         "amount": "52.00"}])
store = Store(url, settings=load_settings(home))
ids = list(range(first, last, step))
while time.time() < start_at:
    time.sleep(0.005)
stats = {"inserted": 0, "updated": 0, "unchanged": 0}
for n in (range(0, len(ids), 60) if mode == "insert" else ()):
    part = [order(i) for i in ids[n:n + 60]]
    r = store.upsert(part, actor=f"writer-{first}")
    for k in stats: stats[k] += len(getattr(r, k))
    def links(batch, part=part):
        for o in part:
            batch.link(o, "customer", ("customer", "nordic"))
    store.transaction(links)
if mode == "rush":
    r = store.upsert([order(i, note="rush") for i in ids if i % 7 == 0], actor=f"writer-{first}")
    stats["updated_rush"] = len(r.updated)
print(json.dumps(stats))
"""


def _race(url: str, home: Path, mode: str) -> list[dict]:
    start_at = time.time() + 3.0
    # writer A: 0..359 ascending; writer B: 180..539 descending (overlap 180..359, opposite lock order)
    args = [("0", "360", "1"), ("539", "179", "-1")]
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, url, str(start_at), *a, str(home), mode],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for a in args]
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr[-3000:]
        out.append(json.loads(stdout.strip().splitlines()[-1]))
    return out


def _writers(url: str, home: Path) -> list[dict]:
    Store(url, settings=load_settings(home)).engine.dispose()  # migrate once before the races
    inserted = _race(url, home, "insert")
    rush = _race(url, home, "rush")
    return [dict(a, updated_rush=b["updated_rush"]) for a, b in zip(inserted, rush, strict=True)]


def _check(store: Store, stats: list[dict]) -> None:
    assert store.count(Order) == 540
    with store.engine.connect() as conn:
        dup = conn.execute(text("SELECT key, count(*) FROM records GROUP BY kind, key HAVING count(*) > 1")).all()
        created = conn.execute(text("SELECT key, count(*) FROM audit_events WHERE action = 'created' "
                                    "GROUP BY kind, key")).all()
        links = conn.execute(text("SELECT count(*) FROM links")).scalar_one()
        link_events = conn.execute(text("SELECT count(*) FROM audit_events WHERE action = 'link:customer'")).scalar_one()
        updates = conn.execute(text("SELECT key, count(*) FROM audit_events WHERE action = 'updated' "
                                    "GROUP BY kind, key")).all()
    assert dup == []
    assert len(created) == 540 and all(n == 1 for _, n in created)
    assert links == 540 and link_events == 540
    # both writers inserted between them every order once; the overlap was seen by both
    assert sum(s["inserted"] for s in stats) == 540
    assert sum(s["unchanged"] for s in stats) == 180
    rush = {i for i in range(540) if i % 7 == 0}
    assert len(updates) == len(rush) and all(n == 1 for _, n in updates)
    assert sum(s["updated_rush"] for s in stats) == len(rush)
    assert all(store.get(Order, f"marketplace|MP-{i:06d}").remarks == "rush" for i in rush)


@pytest.mark.postgres
def test_two_writers_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    stats = _writers(pg_url, tmp_path)
    _check(Store(pg_url, settings=load_settings(tmp_path)), stats)


def test_two_writers_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    stats = _writers(url, tmp_path)
    _check(Store(url, settings=load_settings(tmp_path)), stats)
