"""Customs bench: prefilled declarations against the generator's truth on several seeds' demo worlds.

    python bench/customs.py                      # seeds 7 11 23 42, 200 orders each
    python bench/customs.py --seeds 7 --orders 100

Per world: the records go into a fresh SQLite store; every export order is prefilled (customs.prefill, which
lints) and compared with ``truth.declarations`` (fields equal on clean declarations, before any human edit),
``truth.injected.customs`` (linter recall: a warning on the injected field) and ``customs_bad_inputs`` (a
blocking warning, so never filed); warning rate = clean declarations with any warning.
HS codes: the suggestion for every declared item three ways - as prefill asks (invoice description + SKU,
product master, approved codes), by name only against the master and tariff, and against the tariff alone
(Chinese and English names; the baseline the master and approved codes improve on). Speed: prefill time per
declaration as a ratio to reading the same records from the store (baseline, same run).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from customs.hs import HsIndex
from customs.prefill import Context, prefill_order
from fixtures.world import generate_world
from hub.records import Customer, Declaration, Invoice, Order, PackingList, Product
from hub.settings import load_settings
from hub.store import Store

HEADER = ("consignor", "consignor_code", "overseas_consignee", "exit_port", "departure_port", "trade_mode",
          "transport_mode", "levy_nature", "contract_no", "trade_country", "dest_country", "incoterm", "currency",
          "freight", "insurance", "package_type", "packages", "gross_weight", "net_weight", "remarks")
ITEM = ("hs_code", "name", "spec", "legal_qty1", "legal_unit1", "legal_qty2", "legal_unit2", "quantity", "unit",
        "unit_price", "total", "currency", "origin", "dest", "source_region", "levy")
#: Injected kind -> words of the warning field that show the linter caught it.
CAUGHT_BY = {"cartons_mismatch": ("packages", "cartons"), "weights_mismatch": ("net_weight",),
             "gross_below_net": ("gross_weight", "net_weight"), "invoice_total_mismatch": ("total", "amount"),
             "freight_on_fob": ("freight",), "missing_elements": ("spec",), "unknown_hs": ("hs_code",)}


def same(a: Any, b: Any) -> bool:
    """Equal as declared values: numbers by value, text stripped, empty and None alike."""
    a = None if a in ("", None) else a
    b = None if b in ("", None) else b
    if a is None or b is None:
        return a is b
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except (InvalidOperation, ValueError):
        return str(a).strip() == str(b).strip()


def world_figures(seed: int, orders: int, ctx: Context) -> dict[str, Any]:
    world = generate_world(seed=seed, orders=orders, scans=False, out=None)
    truth = world.truth
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/bench.db", settings=load_settings(tmp))
        with store.batch("bench") as batch:
            batch.upsert(world.records())
        export_orders = sorted({d["order"] for d in truth["declarations"].values()}
                               | {b["order"] for b in truth["injected"]["customs_bad_inputs"]})
        t0 = time.perf_counter()
        for cls in (Order, Invoice, PackingList, Customer, Product):
            store.all(cls)
        read_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        decls: dict[str, Declaration] = {}
        errors: list[str] = []
        for key in export_orders:
            try:
                for d in prefill_order(store, key, context=ctx):
                    decls[d.invoice_key or d.number] = d
            except Exception as exc:  # a crash is a finding: count it, go on with the other orders
                errors.append(f"{key}: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
        prefill_s = time.perf_counter() - t0
    f = Counter()
    field_miss: Counter = Counter()
    warn_rules: Counter = Counter()
    examples: list[str] = []
    for key, exp in truth["declarations"].items():
        decl = decls.get(key)
        if not exp["clean"]:
            continue
        f["clean"] += 1
        f["clean_warned"] += bool(decl and decl.warnings)
        f["clean_warnings"] += len(decl.warnings) if decl else 0
        for w in decl.warnings if decl else []:
                warn_rules[w.rule] += 1
        for name in HEADER:
            f["fields"] += 1
            ok = decl is not None and same(getattr(decl, name, None), exp["header"].get(name))
            f["fields_ok"] += ok
            field_miss[name] += not ok
            if not ok and len(examples) < 6:
                examples.append(f"{key} {name}: {getattr(decl, name, None)!s} vs {exp['header'].get(name)}")
        for i, item in enumerate(exp["items"]):
            got = decl.items[i] if decl and i < len(decl.items) else None
            for name in ITEM:
                f["fields"] += 1
                ok = got is not None and same(getattr(got, name, None), item.get(name))
                f["fields_ok"] += ok
                field_miss[f"item.{name}"] += not ok
                if not ok and len(examples) < 6:
                    examples.append(f"{key} item {i + 1} {name}: {getattr(got, name, None)!s} vs {item.get(name)}")
            f["hs_decl"] += 1
            f["hs_decl_ok"] += got is not None and got.hs_code == item["hs_code"]
    for inj in truth["injected"]["customs"]:
        decl = decls.get(inj["invoice"])
        words = CAUGHT_BY[inj["kind"]]
        caught = decl is not None and any(any(w in x.field for w in words) for x in decl.warnings)
        f[f"inj:{inj['kind']}"] += 1
        f[f"inj_ok:{inj['kind']}"] += caught
    for bad in truth["injected"]["customs_bad_inputs"]:
        decl = decls.get(bad["invoice"])
        f[f"bad:{bad['kind']}"] += 1
        f[f"bad_ok:{bad['kind']}"] += decl is not None and bool(decl.blocking)
    f |= hs_figures(world, ctx)
    return {"counts": f, "field_miss": field_miss, "prefill_s": prefill_s, "read_s": read_s,
            "declarations": len(decls), "warn_rules": warn_rules, "examples": examples, "errors": errors}


def hs_figures(world, ctx: Context) -> Counter:
    """Top-1/top-3 of the HS suggestion for every declared item: prefill's way, names only, tariff only."""
    f: Counter = Counter()
    unknown = {i["sku"] for i in world.truth["injected"]["customs"] if i["kind"] == "unknown_hs"}
    full = HsIndex(ctx.tariff, world.products)
    tariff_only = HsIndex(ctx.tariff)
    invoices = {f"{i.seller_tax_id}|{i.number}": i for i in world.invoices}
    for key, exp in world.truth["declarations"].items():
        inv = invoices[key]
        for item, line in zip(exp["items"], inv.lines, strict=True):
            if item["sku"] in unknown:
                continue
            code = item["hs_code"]
            runs = {"sku": full.suggest(line.description, sku=line.sku),
                    "name_en": full.suggest(line.description), "name_zh": full.suggest(item["name"]),
                    "tariff_en": tariff_only.suggest(line.description), "tariff_zh": tariff_only.suggest(item["name"])}
            f["hs_items"] += 1
            for how, got in runs.items():
                codes = [s.code for s in got]
                f[f"hs1:{how}"] += bool(codes) and codes[0] == code
                f[f"hs3:{how}"] += code in codes[:3]
    return f


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.2f}% ({a}/{b})" if b else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, nargs="+", default=[7, 11, 23, 42])
    parser.add_argument("--orders", type=int, default=200)
    args = parser.parse_args()
    ctx = Context()
    total: Counter = Counter()
    misses: Counter = Counter()
    rules: Counter = Counter()
    examples: list[str] = []
    errors: list[str] = []
    prefill_s = read_s = 0.0
    n_decl = 0
    for seed in args.seeds:
        got = world_figures(seed, args.orders, ctx)
        c = got["counts"]
        print(f"seed {seed}: {got['declarations']} declarations, fields {pct(c['fields_ok'], c['fields'])}, "
              f"clean with warnings {pct(c['clean_warned'], c['clean'])}, "
              f"HS top-1 (sku) {pct(c['hs1:sku'], c['hs_items'])}", flush=True)
        total.update(c)
        misses.update(got["field_miss"])
        rules.update(got["warn_rules"])
        examples += got["examples"]
        errors += got["errors"]
        prefill_s += got["prefill_s"]
        read_s += got["read_s"]
        n_decl += got["declarations"]
    t = total
    print(f"\n== Customs, seeds {args.seeds}, {args.orders} orders each ==")
    print(f"export orders whose prefill raised: {len(errors)}" + "".join(f"\n    {e}" for e in errors[:5]))
    print(f"fields equal to truth before any edit (clean declarations): {pct(t['fields_ok'], t['fields'])}"
          "  [target >= 98%]")
    worst = [(k, v) for k, v in misses.most_common(8) if v]
    print("  most missed fields: " + (", ".join(f"{k} {v}" for k, v in worst) or "none"))
    for line in examples[:6]:
        print(f"    e.g. {line}")
    print(f"HS code on the prefilled items of clean declarations: {pct(t['hs_decl_ok'], t['hs_decl'])}")
    for how, label in (("sku", "as prefill asks (description + SKU, master, approved)"),
                       ("name_en", "English name only (master + tariff)"), ("name_zh", "Chinese name only"),
                       ("tariff_en", "tariff alone, English name (baseline)"),
                       ("tariff_zh", "tariff alone, Chinese name (baseline)")):
        print(f"HS {label}: top-1 {pct(t['hs1:' + how], t['hs_items'])}, top-3 {pct(t['hs3:' + how], t['hs_items'])}")
    print("  [targets: top-1 >= 95%, top-3 >= 99%]")
    kinds = sorted(k.split(":", 1)[1] for k in t if k.startswith("inj:"))
    caught = sum(t[f"inj_ok:{k}"] for k in kinds)
    print(f"linter recall on injected inconsistencies: {pct(caught, sum(t[f'inj:{k}'] for k in kinds))}"
          "  [target 100%]")
    for k in kinds:
        print(f"  {k}: {pct(t[f'inj_ok:{k}'], t[f'inj:{k}'])}")
    bads = sorted(k.split(":", 1)[1] for k in t if k.startswith("bad:"))
    for k in bads:
        print(f"bad input {k}: blocked {pct(t[f'bad_ok:{k}'], t[f'bad:{k}'])}")
    print(f"clean declarations with any warning: {pct(t['clean_warned'], t['clean'])}"
          f" ({t['clean_warnings']} warnings)  [target <= 2%]")
    if rules:
        print("  rules that fired on clean declarations: " + ", ".join(f"{k} {v}" for k, v in rules.most_common()))
    per = prefill_s / max(n_decl, 1)
    print(f"prefill: {per * 1000:.1f} ms per declaration; {prefill_s / max(read_s, 1e-9):.1f}x the time to read "
          f"the same record types from the store once per world (baseline {read_s:.2f} s, same run)")


if __name__ == "__main__":
    main()
