"""bench/splink_compare.py at a tiny size: orderhub's side always; splink's side (the optional `bench` extra)
skips with its reason where splink or duckdb is not installed."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def bench(load_bench):
    return load_bench("splink_compare")


@pytest.fixture(scope="module")
def ours(bench) -> dict:
    """orderhub on the tiny world both sides are run on."""
    return bench.run_orderhub(600, seed=3)


def _needs_splink() -> None:
    for name in ("splink", "duckdb"):
        pytest.importorskip(name, reason=f"{name} is in the optional extra: pip install -e '.[bench]'")


def test_pair_scores(bench) -> None:
    truth = {("r1", "i1"), ("r2", "i2"), ("r2", "i3"), ("r3", "i4")}
    s = bench.score({("r1", "i1"), ("r2", "i2"), ("r3", "i9")}, truth)
    assert (s["pairs"], s["right"], s["precision"], s["recall"]) == (3, 2, 0.6667, 0.5)
    assert s["f1"] == round(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5), 4)
    assert bench.score(set(), truth)["f1"] == 0.0
    assert bench.true_pairs({"r2": {"i2", "i3"}}) == {("r2", "i2"), ("r2", "i3")}


def test_orderhub_side_at_a_tiny_size(ours) -> None:
    out = ours
    assert out["receipts"] >= 600 and out["true_pairs"] > out["receipts"]  # grouped payments settle several
    assert out["auto"]["precision"] >= 0.995
    assert out["proposed"]["recall"] >= out["auto"]["recall"]


def test_best_invoice_per_receipt_drops_ties_and_keeps_deposit_and_balance(bench) -> None:
    _needs_splink()
    import duckdb

    con = duckdb.connect()
    con.execute("create table pairs (receipt varchar, invoice varchar, p double, w double)")
    con.executemany("insert into pairs values (?, ?, ?, ?)", [
        ("r1", "i1", 0.99, 9.0), ("r1", "i2", 0.90, 4.0),   # clear winner
        ("r2", "i3", 0.95, 6.0), ("r2", "i4", 0.95, 6.0),   # tie at the top: no guess
        ("r3", "i5", 0.99, 8.0), ("r4", "i5", 0.98, 7.0),   # deposit and balance of one invoice
        ("r5", "i6", 0.30, 1.0)])                           # below the threshold
    assert bench.best_invoice_per_receipt(con, 0.5) == {("r1", "i1"), ("r3", "i5"), ("r4", "i5")}


def test_splink_side_at_a_tiny_size(bench, ours) -> None:
    _needs_splink()
    out = bench.run_splink(600, seed=3, thresholds=[0.5, 0.9], u_pairs=2e5)
    assert out["true_pairs"] > 600
    rows = {row["threshold"]: row for row in out["by_threshold"]}
    for row in rows.values():
        # one invoice per receipt can only be below the ceiling; strict 1:1 at most the one-per-receipt answer
        assert row["best_per_receipt"]["recall"] <= out["recall_ceiling_one_per_receipt"]
        assert row["one_to_one"]["pairs"] <= row["best_per_receipt"]["pairs"] <= row["every_pair"]["pairs"]
    assert rows[0.9]["every_pair"]["pairs"] <= rows[0.5]["every_pair"]["pairs"]
    # the trained model links this world's plain cases: exact amounts with the invoice number in the memo
    assert rows[0.5]["every_pair"]["precision"] >= 0.95 and rows[0.5]["every_pair"]["f1"] >= 0.8
    assert out["m_u"]["ref"]["same number"] > out["m_u"]["ref"]["prefix of 12+ digits"]
    lines = "\n".join(bench.table(ours, out))
    assert "orderhub: auto matches" in lines and "splink p>=0.9: best invoice per receipt" in lines
