"""Reconciliation bench: quality on demo worlds, speed and memory at scale, and a peer for comparison.

    python bench/reconcile.py                      # quality on seeds 7 11 23 42, scale 10k/30k/100k, peer
    python bench/reconcile.py --seeds 7 --sizes 10000 --no-peer

Quality (ground truth from the generator): auto precision, auto rate over receipts with a true match,
true candidate in the top 3 of review items, allocations adding up exactly; three-way holds against the
injected variances; dedupe against the true duplicate groups and test orders.
Scale: N receipts against N open invoices of N/10 customers, synthesised with the generator's patterns
(memo references with typos/truncation/dropped zeros, missing memos, name spellings, grouped payments,
bank fees, partials); each size runs in a fresh process so peak RSS is its own.
Peer: recordlinkage (blocking on amount, string comparison on payer name and memo reference, a fixed
rule over the comparison vector) on the same receipt-to-invoice linkage; both F1 printed.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hub.records import BankReceipt, Customer, Invoice
from matchers.cash import reconcile


# -- quality on demo worlds --------------------------------------------------------------------------
def truth_sets(world) -> dict[str, dict]:
    """receipt key -> {"targets": set of invoice keys, "orders": set of order keys}."""
    out = {}
    for entry in world.truth["links"]["receipt_invoices"]:
        out[entry["receipt"]] = {"targets": {a["invoice"] for a in entry["allocations"]},
                                 "orders": {a.get("order") for a in entry["allocations"]},
                                 "scenario": entry.get("scenario")}
    return out


def _correct(targets: set[str], truth: dict) -> bool:
    if not truth["targets"]:
        return False
    return targets == truth["targets"] or (bool(targets) and targets <= truth["targets"] | truth["orders"]
                                           and len(targets) == len(truth["targets"]))


def score_cash(result, truth: dict[str, dict]) -> tuple[Counter, list[str]]:
    """Cash application against the truth: receipts, auto (right or not), review with the true candidate
    in the top 3, unmatched, over-allocated payments; and the misses, one line each."""
    stats: Counter = Counter()
    misses: list[str] = []
    for m in result.matches:
        t = truth.get(m.payment_key)
        if t is None:
            continue
        has_true = bool(t["targets"])
        stats["receipts"] += 1
        stats["with_true"] += has_true
        stats[m.status] += 1
        if m.status == "auto":
            ok = _correct({a.target_key for a in m.allocations}, t)
            stats["auto_ok"] += ok
            stats["auto_true"] += has_true
            if not ok:
                misses.append(f"AUTO WRONG {m.payment_key} [{t['scenario']}] {m.reason}")
        elif m.status == "review" and has_true:
            stats["review_true"] += 1
            top3 = any(_correct({a.target_key for a in c.allocations}, t) for c in m.candidates[:3])
            stats["review_top3"] += top3
            if not top3:
                misses.append(f"REVIEW MISS {m.payment_key} [{t['scenario']}] {m.reason}")
        elif m.status == "unmatched" and has_true:
            misses.append(f"UNMATCHED {m.payment_key} [{t['scenario']}] {m.reason}")
        paid = sum((a.amount for a in m.allocations), Decimal(0))
        if paid > m.payment_amount:
            stats["over_allocated"] += 1
    return stats, misses


def quality(seed: int, orders: int) -> dict:
    """Run cash application, three-way and dedupe on one world; compare with its truth."""
    from fixtures.world import generate_world
    from matchers.dedupe import dedupe_orders
    from matchers.threeway import three_way

    world = generate_world(seed=seed, orders=orders, scans=False, out=None)
    t0 = time.perf_counter()
    result = reconcile([*world.receipts, *world.statement_lines], world.invoices, world.orders, world.customers,
                       products=world.products)
    seconds = time.perf_counter() - t0
    stats, misses = score_cash(result, truth_sets(world))
    # every invoice: what was allocated + write-offs + still due == total
    settled: Counter = Counter()
    for m in result.matches:
        for a in m.allocations:
            settled[a.target_key] += a.target_amount if a.target_amount is not None else a.amount
        for w in m.write_offs:
            settled[w.target_key] += w.amount
    for item in result.items:
        if settled[item.key] + item.due != item.total:
            stats["sum_mismatch"] += 1
    # three-way
    holds = {r.invoice_key: r for r in three_way(world.invoices, world.orders, world.deliveries, world.products,
                                                 world.customers)}
    tw: Counter = Counter()
    injected = {v["invoice"] for v in world.truth["injected"]["three_way_variances"]}
    for v in world.truth["injected"]["three_way_variances"]:
        r = holds.get(v["invoice"])
        held = r is not None and r.status == "hold"
        key = "outside" if not v["within_typical_tolerance"] else "inside"
        tw[f"{key}"] += 1
        tw[f"{key}_held"] += held
    tw["clean_held"] = sum(1 for k, r in holds.items() if r.status == "hold" and k not in injected)
    tw["clean"] = sum(1 for k in holds if k not in injected)
    # dedupe
    dd = dedupe_orders(world.orders)
    true_groups = {frozenset(g) for g in world.truth["links"]["duplicates"]}
    found_groups = {frozenset([g.primary, *g.duplicates]) for g in dd.duplicates}
    true_tests, found_tests = set(world.truth["links"]["test_orders"]), {k for k, _, _ in dd.test_orders}
    return {"seed": seed, "seconds": round(seconds, 2), "stats": dict(stats), "misses": misses,
            "threeway": dict(tw),
            "dedupe": {"true_groups": len(true_groups), "found": len(found_groups),
                       "correct": len(true_groups & found_groups), "true_tests": len(true_tests),
                       "tests_found": len(found_tests & true_tests), "tests_false": len(found_tests - true_tests)}}


# -- synthetic scale set ----------------------------------------------------------------------------
SURNAMES = ["华源", "鑫达", "明达", "恒通", "远航", "金鼎", "瑞丰", "宏图", "永盛", "天成", "博远", "德润", "嘉禾", "中联",
            "东方", "新锐", "海川", "正泰", "安信", "凯盛", "祥和", "润达", "银河", "富源", "诚信", "弘毅", "锦程", "泰和"]
CITIES = ["上海", "苏州", "宁波", "杭州", "深圳", "广州", "无锡", "常州", "南京", "青岛", "厦门", "天津", "佛山", "东莞"]
TRADES = ["贸易", "机械", "电子科技", "五金制品", "实业", "进出口", "精密制造", "物流"]


def synth(n: int, seed: int = 1) -> tuple[list[BankReceipt], list[Invoice], list[Customer], dict[str, set[str]]]:
    """n receipts, n invoices, n/10 customers, and the true invoice set of each receipt."""
    rng = random.Random(seed)
    customers = []
    seen: set[str] = set()
    while len(customers) < max(n // 10, 10):
        name = f"{rng.choice(CITIES)}{rng.choice(SURNAMES)}{rng.choice(SURNAMES)}{rng.choice(TRADES)}有限公司"
        if name in seen:
            continue
        seen.add(name)
        customers.append(Customer(code=f"C{len(customers):05d}", name=name))
    invoices: list[Invoice] = []
    start = date(2026, 1, 1)
    for i in range(n):
        c = customers[rng.randrange(len(customers))]
        total = Decimal(rng.randint(500, 500_000)) + Decimal(rng.choice([0, 0, rng.randint(1, 99)])) / 100
        invoices.append(Invoice(kind="cn_vat_e", number=f"2632{rng.choice('27')}000000{1_000_000 + i * 7:09d}",
                                issue_date=start + timedelta(days=rng.randint(0, 150)), seller_name="Seller",
                                buyer_name=c.name, net=total, total=total))
    by_buyer: dict[str, list[Invoice]] = {}
    for inv in sorted(invoices, key=lambda i: i.issue_date):
        by_buyer.setdefault(inv.buyer_name, []).append(inv)
    receipts: list[BankReceipt] = []
    truth: dict[str, set[str]] = {}
    pending = list(invoices)
    rng.shuffle(pending)
    used: set[str] = set()
    def memo_for(group: list[Invoice]) -> str:
        if rng.random() <= 0.12:
            return rng.choice(["", "货款", "往来款"])
        refs = []
        for g in group:
            ref = g.number
            noise = rng.random()
            if noise < 0.08:
                i = rng.randrange(len(ref))
                ref = ref[:i] + rng.choice([d for d in "0123456789" if d != ref[i]]) + ref[i + 1:]
            elif noise < 0.16:
                ref = ref[: len(ref) - rng.randint(2, 5)]
            refs.append(ref)
        return rng.choice(["货款 发票号{}", "{}货款", "支付货款 {}", "发票号:{}"]).format(",".join(refs))

    def pay(group: list[Invoice], amount: Decimal, memo: str, after: date) -> None:
        payer = group[0].buyer_name
        if rng.random() < 0.25:
            payer = payer.replace("有限公司", "")
        key = f"T{len(receipts) + 1:08d}"
        receipts.append(BankReceipt(bank="ICBC", transaction_id=key, value_date=after + timedelta(
            days=rng.randint(0, 40)), payer_name=payer, amount=amount, memo=memo))
        truth[f"ICBC|{key}"] = {g.natural_key() for g in group}

    while len(receipts) < n and pending:
        inv = pending.pop()
        if inv.number in used:
            continue
        used.add(inv.number)
        group = [inv]
        scenario = rng.random()
        if scenario < 0.10:  # one payment for several invoices
            more = [o for o in by_buyer[inv.buyer_name] if o.number not in used][:rng.randint(1, 2)]
            group += more
            used.update(o.number for o in more)
        total = sum((g.total for g in group), Decimal(0))
        last = max(g.issue_date for g in group)
        if 0.10 <= scenario < 0.25 and total > 1000:  # deposit and balance, each naming the invoice
            first = (total * Decimal(rng.choice([20, 30, 50])) / 100).quantize(Decimal("0.01"))
            pay(group, first, "定金 " + memo_for(group), last - timedelta(days=20))
            pay(group, total - first, "尾款 " + memo_for(group), last)
            continue
        if 0.25 <= scenario < 0.33 and total > 1000:  # short by a bank fee
            total -= Decimal(rng.randint(15, 50))
        pay(group, total, memo_for(group), last)
    return receipts, invoices, customers, truth


def scale_one(n: int) -> dict:
    """One size, in this process: seconds, peak RSS, precision/recall of auto matches."""
    receipts, invoices, customers, truth = synth(n)
    t0, c0 = time.perf_counter(), time.process_time()
    result = reconcile(receipts, invoices, customers=customers)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    auto = [m for m in result.matches if m.status == "auto"]
    ok = sum(1 for m in auto if {a.target_key for a in m.allocations} == truth[m.payment_key])
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"n": n, "receipts": len(receipts), "invoices": len(invoices), "customers": len(customers),
            "seconds": round(seconds, 2), "cpu_seconds": round(cpu + kids.ru_utime + kids.ru_stime, 2),
            "load_avg_1min": round(__import__("os").getloadavg()[0], 1),
            "peak_rss_mb": round(max(rss, kids.ru_maxrss / 1024)), "auto": len(auto),
            "auto_precision": round(ok / len(auto), 5) if auto else None,
            "auto_rate": round(len(auto) / len(receipts), 4),
            "review": sum(1 for m in result.matches if m.status == "review")}


# -- peer: recordlinkage ----------------------------------------------------------------------------
def peer(n: int) -> dict:
    """recordlinkage on the same linkage (1:1 receipt-invoice pairs), and ours, both scored as F1."""
    import pandas as pd
    import recordlinkage

    receipts, invoices, customers, truth = synth(n)
    true_pairs = {(k, v) for k, vs in truth.items() for v in vs}
    t0 = time.perf_counter()
    a = pd.DataFrame({"key": [r.natural_key() for r in receipts], "payer": [r.payer_name for r in receipts],
                      "amount": [float(r.amount) for r in receipts], "memo": [r.memo for r in receipts]})
    b = pd.DataFrame({"key": [i.natural_key() for i in invoices], "payer": [i.buyer_name for i in invoices],
                      "amount": [float(i.total) for i in invoices], "memo": [i.number for i in invoices]})
    a["amount_block"] = a["amount"].round(0)
    b["amount_block"] = b["amount"].round(0)
    a["payer_block"] = a["payer"].str.replace("有限公司", "", regex=False)
    b["payer_block"] = b["payer"].str.replace("有限公司", "", regex=False)
    indexer = recordlinkage.Index()
    indexer.block("amount_block")  # same amount (to the unit) ...
    indexer.block("payer_block")   # ... or same payer: pairs from either block
    pairs = indexer.index(a, b)
    cmp = recordlinkage.Compare()
    cmp.string("payer", "payer", method="jarowinkler", threshold=0.85, label="name")
    cmp.string("memo", "memo", method="levenshtein", threshold=0.85, label="ref")
    cmp.numeric("amount", "amount", method="linear", offset=0.01, scale=50, label="amount")
    features = cmp.compute(pairs, a, b)
    chosen = features[((features["amount"] > 0.5) & ((features["name"] + features["ref"]) >= 1))
                      | ((features["ref"] + features["name"]) >= 2)]
    peer_pairs = {(a["key"].iat[i], b["key"].iat[j]) for i, j in chosen.index}
    peer_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = reconcile(receipts, invoices, customers=customers)
    ours_seconds = time.perf_counter() - t0
    our_pairs = {(m.payment_key, al.target_key) for m in result.matches if m.status == "auto" for al in m.allocations}

    def f1(found: set) -> float:
        tp = len(found & true_pairs)
        p = tp / len(found) if found else 0.0
        r = tp / len(true_pairs) if true_pairs else 0.0
        return round(2 * p * r / (p + r), 4) if p + r else 0.0

    return {"n": n, "peer": "recordlinkage " + recordlinkage.__version__, "peer_seconds": round(peer_seconds, 2),
            "peer_f1": f1(peer_pairs), "ours_seconds": round(ours_seconds, 2), "ours_f1": f1(our_pairs),
                    "note": "F1 over (receipt, invoice) pairs; ours counts auto matches only; the peer: blocks on amount or "
                    "payer, Jaro-Winkler payer, Levenshtein memo vs invoice number, a fixed rule"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=int, nargs="*", default=[7, 11, 23, 42])
    ap.add_argument("--orders", type=int, default=200)
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 30_000, 100_000])
    ap.add_argument("--peer-size", type=int, default=10_000)
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(scale_one(args.one)))
        return
    total: Counter = Counter()
    for seed in args.seeds:
        q = quality(seed, args.orders)
        s = q["stats"]
        total.update(s)
        tw, dd = q["threeway"], q["dedupe"]
        print(f"seed {seed}: receipts {s.get('receipts', 0)} (true match {s.get('with_true', 0)}) "
              f"auto {s.get('auto', 0)} ok {s.get('auto_ok', 0)} | review {s.get('review', 0)} "
              f"top3 {s.get('review_top3', 0)}/{s.get('review_true', 0)} | unmatched {s.get('unmatched', 0)} | "
              f"sum mismatches {s.get('sum_mismatch', 0)} over-allocated {s.get('over_allocated', 0)} | "
              f"{q['seconds']} s")
        print(f"  three-way: outside held {tw.get('outside_held', 0)}/{tw.get('outside', 0)}, inside held "
              f"{tw.get('inside_held', 0)}/{tw.get('inside', 0)}, clean invoices held "
              f"{tw.get('clean_held', 0)}/{tw.get('clean', 0)}")
        print(f"  dedupe: groups {dd['correct']}/{dd['true_groups']} found exactly ({dd['found']} proposed); "
              f"test orders {dd['tests_found']}/{dd['true_tests']} (+{dd['tests_false']} false)")
        if args.show_misses:
            for line in q["misses"]:
                print("   ", line)
    auto = total["auto"]
    if args.seeds:
        print("== Reconciliation quality over seeds", args.seeds)
        print(f"auto precision {total['auto_ok'] / auto:.4f} ({total['auto_ok']}/{auto})" if auto else "no auto")
        print(f"auto rate {total['auto_true'] / max(total['with_true'], 1):.4f} of receipts with a true match "
              f"({total['auto_true']}/{total['with_true']})")
        if total["review_true"]:
            print(f"true candidate in top 3 of review items {total['review_top3'] / total['review_true']:.4f} "
                  f"({total['review_top3']}/{total['review_true']})")
        print(f"allocations add up: {total['sum_mismatch'] == 0 and total['over_allocated'] == 0} "
              f"(mismatches {total['sum_mismatch']}, over-allocated {total['over_allocated']})")
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        print("scale", out.stdout.strip())
    if not args.no_peer:
        try:
            print("peer", json.dumps(peer(args.peer_size)))
        except ImportError as exc:
            print(f"peer skipped: {exc} (pip install -e '.[bench]')")


if __name__ == "__main__":
    main()
