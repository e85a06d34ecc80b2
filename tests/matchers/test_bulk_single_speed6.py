"""The single pass with its writer process (``reconcile_store(split="single")``, ``--split single``,
matchers/pipeline.py): one part decided in this process, the matches saved and written to ``--json`` by a
writer process in batches as they are decided. It gives what the evidence split's one part gives (the exact
answer) and what the small path stores, field for field, on real SQLite: digest, counts, stored matches,
audit events, ``--json`` lines; a second run saves nothing new; after a clerk's decisions the same again.
Batches and ``--json`` runs are made small here so that the world crosses many of each.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import matchers.bulk
import matchers.pipeline
from flows.reconcile_cli import Inputs, run_reconcile, run_reconcile_large
from hub.records import Match
from hub.store import Store
from matchers.bulk import digest, reconcile_store
from matchers.tolerance import load_profile
from tests.matchers.test_bulk import (
    _credit_sheet,
    _decide,
    _review_sheet,
    _stores,
    _world,
    match_fingerprints,
    ours,
)

__all__ = ["ours"]  # the fixture, used by name


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matchers.bulk, "SAVE_ROWS", 300)
    monkeypatch.setattr(matchers.pipeline, "RUN_LINES", 700)


def _lines(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        row["record"].pop("decided_at", None)
    return rows


def test_single_pass_is_the_evidence_splits_one_part(tmp_path: Path, load_bench, ours, small_batches) -> None:
    """Digest and counts as the evidence split cut into one part, under the default profile (automatic
    matches post, so they are sent as decided) and the strict one (nothing posts: every match is sent after
    the looking again); the matches a person sees are the same; nothing is listed beyond them."""
    records = _world(load_bench, 2500)
    for name in ("default", "strict"):
        profile = load_profile(name)
        single, evidence = _stores(tmp_path, records, [f"sqlite:///{tmp_path / f'{name}-{s}.db'}"
                                                       for s in ("single", "evidence")])
        one = reconcile_store(evidence, workers=1, parts=1, split="evidence", profile=profile, save=True,
                              fingerprints=True, list_max=0, json_out=tmp_path / f"{name}-evidence.jsonl")
        run = reconcile_store(single, workers=2, split="single", profile=profile, save=True, fingerprints=True,
                              list_max=0, json_out=tmp_path / f"{name}-single.jsonl")
        assert run.parts == 1 and one.parts == 1 and "writer" in run.rss_mb
        assert digest(run.fingerprints) == digest(one.fingerprints) and len(run.fingerprints) > 2000
        assert run.counts == one.counts and run.statuses == one.statuses
        assert run.counts["auto"] > 1000 and run.counts["review"] > 0, run.counts
        assert [m.payment_key for m in run.shown] == [m.payment_key for m in one.shown]
        assert {m.status for m in run.shown} <= {"review", "unmatched", "confirmed"}
        assert run.open_count == one.open_count and run.saved_new == one.saved_new
        assert match_fingerprints(single.all(Match)) == match_fingerprints(evidence.all(Match))
        assert single.audit_count() == evidence.audit_count()
        assert _lines(tmp_path / f"{name}-single.jsonl") == _lines(tmp_path / f"{name}-evidence.jsonl")
        again = reconcile_store(single, workers=2, split="single", profile=profile, save=True, list_max=0)
        assert again.saved_new == 0 and again.saved_unchanged > 0  # the reviews proposed again, unchanged
        assert single.audit_count() == evidence.audit_count()


def test_single_pass_stores_the_small_paths_matches(tmp_path: Path, load_bench, ours, small_batches) -> None:
    """Through the command's function (``--split single``): the small path's stored matches, review and
    credit-note sheets and ``--json`` lines; nothing new the second time; the same after a clerk's decisions."""
    small, large = _stores(tmp_path, _world(load_bench, 2500),
                           [f"sqlite:///{tmp_path / 'small.db'}", f"sqlite:///{tmp_path / 'large.db'}"])
    for step in ("first", "again", "after decisions"):
        if step == "after decisions":
            _decide(small)
            _decide(large)
        run = run_reconcile(Inputs.from_store(small), out=tmp_path / f"small-{step}.xlsx", store=small, save=True,
                            json_out=tmp_path / f"small-{step}.jsonl")
        big = run_reconcile_large(large, out=tmp_path / f"large-{step}.xlsx", save=True, workers=2, split="single",
                                  json_out=tmp_path / f"large-{step}.jsonl")
        assert big.run.parts == 1 and "writer" in big.run.rss_mb
        assert match_fingerprints(small.all(Match)) == match_fingerprints(large.all(Match)), step
        assert sorted(big.run.set_aside) == sorted(run.result.set_aside)
        assert _review_sheet(tmp_path / f"small-{step}.xlsx") == _review_sheet(tmp_path / f"large-{step}.xlsx")
        assert _credit_sheet(tmp_path / f"small-{step}.xlsx") == _credit_sheet(tmp_path / f"large-{step}.xlsx")
        got = _lines(tmp_path / f"large-{step}.jsonl")
        assert len(got) == len(large.all(Match))
        if step == "first":
            assert got == _lines(tmp_path / f"small-{step}.jsonl")
        else:
            assert run.new == 0 and big.run.saved_new == 0, step  # nothing proposed twice
    assert large.audit_count() == small.audit_count()


def test_command_takes_split_single(tmp_path: Path, load_bench) -> None:
    """``orderhub reconcile --from-store --large --split single --store``, twice: the second saves nothing."""
    home = tmp_path / "home"
    Store(f"sqlite:///{home / 'orderhub.db'}").upsert(_world(load_bench, 400)[:-1])
    env = {**os.environ, "ORDERHUB_HOME": str(home), "ORDERHUB_ACTOR": "tester",
           "ORDERHUB_OUR_COMPANIES": str(tmp_path / "none.toml")}
    env.pop("ORDERHUB_DATABASE_URL", None)
    cmd = [sys.executable, "-c", "from hub.cli import main; main()", "reconcile", "--from-store", "--large",
           "--split", "single", "--store", "--json", str(tmp_path / "m.jsonl")]
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr + first.stdout
    assert "writer:" in first.stdout and "proposals new or changed" in first.stdout, first.stdout
    lines = (tmp_path / "m.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(Store(f"sqlite:///{home / 'orderhub.db'}", migrate=False).all(Match)) > 300
    second = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr + second.stdout
    assert "store: 0 proposals new or changed" in second.stdout, second.stdout


def test_single_pass_reads_orders_statement_lines_and_deliveries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 small_batches) -> None:
    """The demo world's store (orders across channels, invoices printing no order reference, deliveries,
    statement lines beside the receipts): the small path's stored matches and ``--json`` lines, twice."""
    from fixtures.world import generate_world
    from tests.matchers.test_bulk_world import _digest, _json

    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(tmp_path / "none.toml"))
    records = generate_world(seed=7, orders=800).records()
    small, large = (Store(f"sqlite:///{tmp_path / name}") for name in ("small.db", "large.db"))
    for store in (small, large):
        store.upsert(records)
    for step in ("first", "again"):
        run = run_reconcile(Inputs.from_store(small), out=None, store=small, save=True,
                            json_out=tmp_path / f"small-{step}.jsonl")
        big = run_reconcile_large(large, out=None, save=True, split="single", json_out=tmp_path / f"large-{step}.jsonl")
        assert big.run.parts == 1 and not big.run.not_used
        assert _digest(small) == _digest(large), step
        assert {m.payment_kind for m in large.all(Match)} == {"receipt", "statement_line"}
        first = step == "first"
        assert _json(tmp_path / f"small-{step}.jsonl", first) == _json(tmp_path / f"large-{step}.jsonl", first)
        if not first:
            assert big.run.saved_new == 0 and run.new == 0
    assert large.audit_count() == small.audit_count()
