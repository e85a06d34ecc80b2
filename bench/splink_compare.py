"""orderhub's cash matcher against splink on DuckDB, on the same receipt-to-invoice linkage, in one run.

    python bench/splink_compare.py                  # 100k receipts x 100k invoices (10k customers)
    python bench/splink_compare.py --n 10000 --thresholds 0.5 0.9 0.99

`bench/scale.py reconcile` runs the same comparison (``compare``) after the million, in the same run.

The world is bench/reconcile.py's `synth` (memo references with typos/truncation, missing memos, payer
names without 有限公司, grouped payments, deposits and balances, bank fees); its truth is the set of
(receipt, invoice) pairs. Each engine runs in its own fresh process on the same seeded world, so its wall
time and peak RSS are its own (world generation is not timed).

- orderhub: `matchers.cash.reconcile`; scored are its automatic matches, and all it proposes (the automatic
  matches plus the top candidate of every review item).
- splink (link_only on DuckDB, the way a data team would set it up): receipts and invoices in DuckDB,
  references pulled out of the memo with a regex, the legal suffix stripped from names; blocking on the
  amount in cents, on the cleaned name and on the reference; comparisons on amount (exact / within a bank
  fee), name (exact / Jaro-Winkler), reference (exact / one typo / prefix), date difference; u by random
  sampling, m by EM on two blocking rules, the prior from deterministic rules; predicted at each threshold,
  then (a) every pair above it, (b) the best invoice per receipt, (c) splink's strict one-to-one
  (`cluster_using_single_best_links`, one receipt and one invoice per cluster).

F1 is over (receipt, invoice) pairs against the truth. A pair-level one-invoice-per-receipt answer cannot
reach recall 1 here: grouped payments settle 2-3 invoices (the ceiling is printed).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from reconcile import synth  # noqa: E402

Pair = tuple[str, str]


# -- scoring -----------------------------------------------------------------------------------------
def true_pairs(truth: dict[str, set[str]]) -> set[Pair]:
    """Every (receipt key, invoice key) the generator paid."""
    return {(r, i) for r, invoices in truth.items() for i in invoices}


def score(found: set[Pair], truth: set[Pair]) -> dict:
    """Pairs proposed, right, precision, recall, F1."""
    tp = len(found & truth)
    p = tp / len(found) if found else 0.0
    r = tp / len(truth) if truth else 0.0
    return {"pairs": len(found), "right": tp, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _usage() -> dict:
    return {"peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "load_avg_1min": round(os.getloadavg()[0], 1)}


# -- orderhub ----------------------------------------------------------------------------------------
def run_orderhub(n: int, seed: int) -> dict:
    """orderhub's reconcile on the world: seconds, and the F1 of its auto matches and of all it proposes."""
    from matchers.cash import reconcile

    receipts, invoices, customers, truth = synth(n, seed=seed)
    want = true_pairs(truth)
    t0, c0 = time.perf_counter(), time.process_time()
    result = reconcile(receipts, invoices, customers=customers)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    auto = {(m.payment_key, a.target_key) for m in result.matches if m.status == "auto" for a in m.allocations}
    # as bench/scale.py's million counts it: an automatic match is right when it names every invoice paid
    auto_right = sum(1 for m in result.matches if m.status == "auto"
                     and {a.target_key for a in m.allocations} == truth[m.payment_key])
    review = {(m.payment_key, a.target_key) for m in result.matches
              if m.status == "review" and m.candidates for a in m.candidates[0].allocations}
    return {"engine": "orderhub", "n": n, "receipts": len(receipts), "invoices": len(invoices),
            "true_pairs": len(want), "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "auto": score(auto, want), "proposed": score(auto | review, want),
            "auto_receipts": sum(1 for m in result.matches if m.status == "auto"), "auto_receipts_right": auto_right,
            "review_receipts": sum(1 for m in result.matches if m.status == "review"), **_usage()}


# -- splink ------------------------------------------------------------------------------------------
# Columns both tables carry (splink compares like-named columns): the cleaned name, the amount in cents,
# the first reference and every reference (a receipt's memo may name several invoices), the date.
_PREP = """
create or replace table {table} as
select uid as unique_id,
       trim(regexp_replace(name, '(股份有限公司|有限责任公司|有限公司|公司)$', '')) as name,
       cents as amount_cents,
       nullif(regexp_extract_all(ref_text, '[0-9]{{8,}}'), []) as refs,
       nullif(regexp_extract_all(ref_text, '[0-9]{{8,}}'), [])[1] as ref,
       day as day
from {raw}
"""


def _raw_tables(con, receipts, invoices) -> None:
    """Receipts and invoices into DuckDB as the raw columns a bank export and a ledger export give."""
    import pyarrow as pa

    con.register("raw_receipts", pa.table({
        "uid": [r.natural_key() for r in receipts], "name": [r.payer_name for r in receipts],
        "cents": [int(r.amount * 100) for r in receipts], "ref_text": [r.memo for r in receipts],
        "day": [r.value_date for r in receipts]}))
    con.register("raw_invoices", pa.table({
        "uid": [i.natural_key() for i in invoices], "name": [i.buyer_name for i in invoices],
        "cents": [int(i.total * 100) for i in invoices], "ref_text": [i.number for i in invoices],
        "day": [i.issue_date for i in invoices]}))
    con.execute(_PREP.format(table="receipts", raw="raw_receipts"))
    con.execute(_PREP.format(table="invoices", raw="raw_invoices"))
    con.unregister("raw_receipts")
    con.unregister("raw_invoices")


def _any_ref(condition: str) -> str:
    """SQL: some reference on the left and some on the right satisfy `condition` (over x and y)."""
    return (f"list_bool_or(list_transform(refs_l, lambda x: "
            f"list_bool_or(list_transform(refs_r, lambda y: {condition}))))")


def _prefix(digits: int) -> str:
    return f"least(length(x), length(y)) >= {digits} and (starts_with(x, y) or starts_with(y, x))"


def splink_settings(fee_cents: int = 6000, name_thresholds: tuple[float, ...] = (0.92, 0.8), name_tf: bool = False):
    """The splink model: link_only, three blocking rules, four comparisons (term frequencies on the name
    exact level when asked)."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    amount = cl.CustomComparison(output_column_name="amount", comparison_levels=[
        cll.NullLevel("amount_cents"),
        cll.ExactMatchLevel("amount_cents"),
        {"sql_condition": f"abs(amount_cents_l - amount_cents_r) <= {fee_cents}",
         "label_for_charts": "within a bank fee"},
        cll.ElseLevel()])
    reference = cl.CustomComparison(output_column_name="ref", comparison_levels=[
        cll.NullLevel("refs"),
        {"sql_condition": "list_has_any(refs_l, refs_r)", "label_for_charts": "same number"},
        {"sql_condition": _any_ref("length(x) = length(y) and levenshtein(x, y) <= 1"),
         "label_for_charts": "one typo"},
        # a memo cuts the number short: a long prefix names few invoices, a short one many
        {"sql_condition": _any_ref(_prefix(17)), "label_for_charts": "prefix of 17+ digits"},
        {"sql_condition": _any_ref(_prefix(12)), "label_for_charts": "prefix of 12+ digits"},
        cll.ElseLevel()])
    return SettingsCreator(
        link_type="link_only",
        unique_id_column_name="unique_id",
        comparisons=[
            amount,
            cl.JaroWinklerAtThresholds("name", list(name_thresholds)).configure(
                term_frequency_adjustments=name_tf),
            reference,
            cl.AbsoluteDateDifferenceAtThresholds("day", input_is_string=False, metrics=["day", "day", "day"],
                                                  thresholds=[10, 45, 120]),
        ],
        blocking_rules_to_generate_predictions=[block_on("amount_cents"), block_on("name"), block_on("ref")],
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
    )


def best_invoice_per_receipt(con, threshold: float) -> set[Pair]:
    """From the DuckDB table ``pairs(receipt, invoice, p, w)``: each receipt's highest-weighted invoice at
    probability >= threshold; a receipt whose top weight is shared by two invoices gets none (no guess
    between equals). An invoice may keep several receipts (deposit and balance)."""
    return set(con.execute("""
        select receipt, invoice from (
            select receipt, invoice, rank() over (partition by receipt order by w desc) as k,
                   count(*) over (partition by receipt, w) as ties
            from pairs where p >= ?) where k = 1 and ties = 1""", [threshold]).fetchall())


def run_splink(n: int, seed: int, thresholds: list[float], u_pairs: float = 1e6, strict: bool = True,
               name_tf: bool = False) -> dict:
    """splink on DuckDB on the world: time of each step, and the F1 of its answer at each threshold."""
    import duckdb
    import splink
    from splink import DuckDBAPI, Linker, block_on

    receipts, invoices, customers, truth = synth(n, seed=seed)
    want = true_pairs(truth)
    del customers
    steps: dict[str, float] = {}
    c_all, t0 = time.process_time(), time.perf_counter()
    con = duckdb.connect()
    _raw_tables(con, receipts, invoices)
    del receipts, invoices
    db_api = DuckDBAPI(connection=con)
    linker = Linker([db_api.register("invoices", dataset_display_name="invoices"),
                     db_api.register("receipts", dataset_display_name="receipts")],
                    splink_settings(name_tf=name_tf), log_level=None)
    steps["prepare"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    # the prior: pairs that share the exact invoice number, or amount and name, are matches (recall guessed)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("ref"), block_on("amount_cents", "name")], recall=0.8)
    steps["train_prior"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    linker.training.estimate_u_using_random_sampling(max_pairs=u_pairs, seed=seed)
    steps["train_u"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    # m by EM: pairs of one customer (trains amount, reference, date), pairs of one amount (name, ref, date)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("name"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("amount_cents"))
    steps["train_em"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    low = min(thresholds)
    predicted = linker.inference.predict(threshold_match_probability=low)
    steps["predict"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    # a pair row names the receipt on whichever side its source dataset fell
    con.execute(f"""
        create or replace table pairs as
        select case when source_dataset_l = 'receipts' then unique_id_l else unique_id_r end as receipt,
               case when source_dataset_l = 'receipts' then unique_id_r else unique_id_l end as invoice,
               match_probability as p, match_weight as w
        from {predicted.physical_name}""")  # noqa: S608 (a table name splink made)
    steps["pairs_table"] = time.perf_counter() - t0
    core = sum(steps.values())
    training = sum(v for k, v in steps.items() if k.startswith("train"))
    cpu = time.process_time() - c_all  # DuckDB's threads included
    by_threshold = []
    for th in sorted(thresholds):
        t0 = time.perf_counter()
        every = set(con.execute("select receipt, invoice from pairs where p >= ?", [th]).fetchall())
        best = best_invoice_per_receipt(con, th)
        answer = time.perf_counter() - t0
        row = {"threshold": th, "every_pair": score(every, want), "best_per_receipt": score(best, want),
               "seconds": round(core + answer, 2),
               "seconds_without_training": round(core - training + answer, 2)}
        if strict:
            t0 = time.perf_counter()
            clusters = linker.clustering.cluster_using_single_best_links(
                predicted, duplicate_free_datasets=["invoices", "receipts"], threshold_match_probability=th,
                ties_method="drop")
            rows = con.execute(f"""
                select max(case when source_dataset = 'receipts' then unique_id end),
                       max(case when source_dataset = 'invoices' then unique_id end)
                from {clusters.physical_name} group by cluster_id having count(*) = 2""").fetchall()  # noqa: S608
            row["one_to_one"] = score(set(rows), want)
            row["one_to_one_seconds"] = round(core + time.perf_counter() - t0, 2)
        by_threshold.append(row)
    n_pairs = con.execute("select count(*) from pairs").fetchone()[0]
    ceiling = len({r for r, _ in want}) / len(want)
    return {"engine": f"splink {splink.__version__} on duckdb {duckdb.__version__}", "n": n,
            "true_pairs": len(want), "recall_ceiling_one_per_receipt": round(ceiling, 4),
            "seconds_to_pairs": round(core, 2), "cpu_seconds_to_pairs": round(cpu, 2),
            "steps": {k: round(v, 2) for k, v in steps.items()}, "settings": {"u_pairs": u_pairs, "name_tf": name_tf},
            "predicted_pairs_at_lowest": n_pairs, "lowest_threshold": low,
            "m_u": _m_u(linker), "by_threshold": by_threshold, **_usage()}


def _m_u(linker) -> dict:
    """What the training learnt: the match weight (log2 of m/u) of each comparison level."""
    out = {}
    for comparison in linker._settings_obj.comparisons:
        levels = {}
        for level in comparison.comparison_levels:
            if level.is_null_level:
                continue
            weight = level._log2_bayes_factor
            levels[level.label_for_charts] = round(weight, 2) if isinstance(weight, float) else None
        out[comparison.output_column_name] = levels
    return out


# -- the run -----------------------------------------------------------------------------------------
#: what the comparison prints, loud, where the optional extra is not installed
SPLINK_MISSING = "splink is NOT installed, its rows are missing from this run: pip install -e '.[bench]'"


def _in_fresh_process(engine: str, n: int, seed: int, thresholds: list[float], u_pairs: float, strict: bool,
                      name_tf: bool) -> dict:
    cmd = [sys.executable, __file__, "--engine", engine, "--n", str(n), "--seed", str(seed),
           "--thresholds", *map(str, thresholds), "--u-pairs", str(u_pairs)]
    cmd += ["--no-strict"] * (not strict) + ["--name-tf"] * name_tf
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{engine} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def compare(n: int = 100_000, seed: int = 1, thresholds: list[float] | None = None, u_pairs: float = 1e6,
            strict: bool = True, name_tf: bool = False) -> tuple[dict, dict | None, str | None]:
    """orderhub, then splink, each in a fresh process on the same world: their figures, and why splink's
    are missing (``None`` when they are there)."""
    thresholds = thresholds or [0.2, 0.5, 0.9, 0.99]
    ours = _in_fresh_process("orderhub", n, seed, thresholds, u_pairs, strict, name_tf)
    peer = _in_fresh_process("splink", n, seed, thresholds, u_pairs, strict, name_tf)
    if "skipped" in peer:
        return ours, None, f"{SPLINK_MISSING} ({peer['skipped']})"
    return ours, peer, None


def table(ours: dict, peer: dict | None) -> list[str]:
    """The comparison as printable lines: wall and CPU seconds of the engine up to that answer, its
    process's peak RSS, and the pair-level figures."""
    lines = [f"receipt-to-invoice linkage: {ours['receipts']:,} receipts x {ours['invoices']:,} invoices, "
             f"{ours['true_pairs']:,} true (receipt, invoice) pairs; load {ours['load_avg_1min']}",
             f"{'engine: answer':52} {'wall s':>7} {'CPU s':>7} {'RSS MB':>7} {'pairs':>8} {'prec':>7} "
             f"{'recall':>7} {'F1':>7}"]

    def line(name: str, s: dict, seconds=None, cpu=None, rss=None) -> str:
        cells = [f"{v:7.1f}" if isinstance(v, float) else f"{v:7d}" if isinstance(v, int) else " " * 7
                 for v in (seconds, cpu, rss)]
        return (f"{name:52} {' '.join(cells)} {s['pairs']:8d} {s['precision']:7.4f} {s['recall']:7.4f} "
                f"{s['f1']:7.4f}")

    lines.append(line("orderhub: auto matches", ours["auto"], ours["seconds"], ours["cpu_seconds"],
                      ours["peak_rss_mb"]))
    lines.append(line("orderhub: auto + top review candidate", ours["proposed"], ours["seconds"]))
    if peer is None:
        return lines
    for row in peer["by_threshold"]:
        th = row["threshold"]
        lines.append(line(f"splink p>={th}: every pair above", row["every_pair"], peer["seconds_to_pairs"],
                          peer["cpu_seconds_to_pairs"], peer["peak_rss_mb"]))
        lines.append(line(f"splink p>={th}: best invoice per receipt", row["best_per_receipt"], row["seconds"]))
        if "one_to_one" in row:
            lines.append(line(f"splink p>={th}: strict 1:1 (single best links)", row["one_to_one"],
                              row["one_to_one_seconds"]))
    lines.append(f"{peer['engine']} {peer['settings']}: steps {peer['steps']} s; load {peer['load_avg_1min']}; "
                 f"recall ceiling of one invoice per receipt {peer['recall_ceiling_one_per_receipt']}")
    lines.append("splink with the model already trained (prepare, predict, best invoice per receipt): " + ", ".join(
        f"p>={row['threshold']} {row['seconds_without_training']} s" for row in peer["by_threshold"]))
    lines.append("match weights learnt (log2 m/u): " + json.dumps(peer["m_u"], ensure_ascii=False))
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.2, 0.5, 0.9, 0.99])
    ap.add_argument("--u-pairs", type=float, default=1e6, help="pairs sampled for splink's u estimate (its default)")
    ap.add_argument("--no-strict", action="store_true", help="skip splink's strict one-to-one clustering")
    ap.add_argument("--name-tf", action="store_true", help="splink: term-frequency adjustments on the name")
    ap.add_argument("--engine", choices=["orderhub", "splink"], help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true", help="print the raw figures too")
    args = ap.parse_args()
    if args.engine == "orderhub":
        print(json.dumps(run_orderhub(args.n, args.seed)))
        return
    if args.engine == "splink":
        try:
            import duckdb  # noqa: F401
            import splink  # noqa: F401
        except ImportError as exc:
            print(json.dumps({"skipped": str(exc)}))
            return
        print(json.dumps(run_splink(args.n, args.seed, args.thresholds, args.u_pairs, not args.no_strict,
                                    args.name_tf)))
        return
    ours, peer, missing = compare(args.n, args.seed, args.thresholds, args.u_pairs, not args.no_strict, args.name_tf)
    if missing:
        print(missing)
        print(missing, file=sys.stderr)
    print("\n".join(table(ours, peer)))
    if args.json:
        print(json.dumps({"orderhub": ours, "splink": peer}, indent=1))


if __name__ == "__main__":
    main()
