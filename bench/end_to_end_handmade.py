"""End to end on a small held-out world written by hand (``tests/matchers/held_out_world_e2e8.py``): the path a
user runs, ``orderhub extract docs statements --store --json``, then ``orderhub reconcile`` on what it read with
the customer master and the orders, ``--store --out reconciliation.xlsx --json matches.jsonl``.

    python bench/end_to_end_handmade.py               # part "main" (the set the fixes were made on)
    python bench/end_to_end_handmade.py --part all    # main and the later payments; scored on the later ones too
    python bench/end_to_end_handmade.py --keep /tmp/e2e8w   # keep the world, the store and the workbook there

Prints: documents extracted right (invoices, receipts, statement lines, field by field against the truth), then
the matches: precision of automatic matches, auto rate (over payments that pay something), what went to review
and why, what stayed unmatched, every wrong automatic match (the worst outcome)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.matchers.held_out_world_e2e8 import BY_CODE, BY_NUMBER, Pay, World, build  # noqa: E402

ORDERHUB = str(Path(sys.executable).with_name("orderhub"))


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    got = subprocess.run([ORDERHUB, *args], env=env, capture_output=True, text=True)
    if got.returncode not in (0, 3):
        raise SystemExit(f"orderhub {' '.join(args)} failed ({got.returncode}):\n{got.stdout[-3000:]}\n{got.stderr[-3000:]}")
    return got


def run_world(w: World, home: Path) -> tuple[list[dict], list[dict]]:
    """The user's two commands on the world's files; returns the extract lines and the match records."""
    env = {**os.environ, "ORDERHUB_HOME": str(home), "ORDERHUB_OUR_COMPANIES": str(w.companies)}
    got = _run(["extract", str(w.docs), str(w.statements), "--store", "--json", "--workers", "2"], env)
    extracted = w.folder / "extracted.jsonl"
    extracted.write_text(got.stdout, encoding="utf-8")
    lines = [json.loads(x) for x in got.stdout.splitlines() if x.strip().startswith("{")]
    matches = w.folder / "matches.jsonl"
    _run(["reconcile", "--receipts", str(extracted), "--invoices", str(extracted), "--orders", str(w.orders),
          "--customers", str(w.customers), "--store", "--out", str(w.folder / "reconciliation.xlsx"),
          "--json", str(matches)], env)
    return lines, [json.loads(x)["record"] for x in matches.read_text(encoding="utf-8").splitlines() if x.strip()]


# ------------------------------------------------------------------------------------------- documents
def read_ids(lines: list[dict], w: World) -> dict[str, str]:
    """Transaction id as read -> the payment's id in the truth: a statement that prints no transaction id
    (the HSBC export's lines are hashed) is the payment of the same file kind, amount and booking date."""
    out: dict[str, str] = {}
    ids = {p.id for p in w.payments}
    for obj in lines:
        for r in ([obj["record"]] if obj.get("record") else list(obj.get("records") or [])):
            txn = r.get("transaction_id") or ""
            if obj.get("record_kind") not in ("receipt", "statement_line") or txn in ids:
                continue
            day = r.get("value_date") or r.get("booking_date")
            hit = [p for p in w.payments if p.via not in ("rc_icbc_side", "rc_ours_theirs", "rc_boc_stacked",
                                                              "rc_en_advice") and _num(r.get("amount")) == Decimal(p.amount)
                   and day == p.day.isoformat()]
            if len(hit) == 1:
                out[txn] = hit[0].id
    return out


def _num(v: object) -> Decimal | None:
    return None if v in (None, "") else Decimal(str(v))


def _same_name(got: object, want: str) -> bool:
    return isinstance(got, str) and "".join(got.split()).casefold() == "".join(want.split()).casefold()


def score_documents(lines: list[dict], w: World) -> tuple[Counter, list[str]]:
    """Fields right per kind, and each wrong or missing field (file, field, read, truth, confidence)."""
    st: Counter = Counter()
    notes: list[str] = []
    pays = {p.id: p for p in w.payments}
    ids = read_ids(lines, w)
    seen_lines: Counter = Counter()
    for obj in lines:
        name = Path(obj.get("source", "?")).name
        if obj.get("error"):
            notes.append(f"REFUSED {name}: {obj['error']}")
            st["refused"] += 1
            continue
        conf = obj.get("confidence") or {}
        recs = [obj["record"]] if obj.get("record") else list(obj.get("records") or [])
        kind = obj.get("record_kind")
        for r in recs:
            if kind == "invoice":
                inv = BY_NUMBER.get(r.get("number") or "") or next(
                    (i for i in w.invoices if i.number and i.number in name), None)
                if inv is None:
                    notes.append(f"INVOICE ? {name}: number {r.get('number')!r}")
                    st["invoice_wrong"] += 6
                    continue
                truth = {"number": inv.number, "issue_date": inv.issued.isoformat(), "buyer_name": BY_CODE[inv.customer].name,
                         "currency": inv.currency, "total": inv.total, "order_ref": inv.order}
                for f, want in truth.items():
                    got = r.get(f)
                    ok = _num(got) == want if f == "total" else (_same_name(got, want) if f == "buyer_name" else got == want)
                    st["invoice_right" if ok else "invoice_wrong"] += 1
                    if not ok:
                        notes.append(f"INVOICE {name} {f}: read {got!r}, truth {want!r} (conf {conf.get(f)})")
            elif kind in ("receipt", "statement_line"):
                txn = r.get("transaction_id") or ""
                p = pays.get(ids.get(txn, txn)) or next((q for q in w.payments if q.id in name), None)
                if p is None:
                    if kind == "statement_line" and (r.get("amount") or "").startswith("-") or \
                            kind == "statement_line" and _num(r.get("amount")) is not None and _num(r.get("amount")) < 0:
                        continue  # a fee line
                    notes.append(f"PAYMENT ? {name}: {txn} {r.get('amount')}")
                    continue
                seen_lines[p.id] += 1
                payer = r.get("payer_name") if kind == "receipt" else r.get("counterparty_name")
                memo = r.get("memo") if kind == "receipt" else " ".join(
                    x for x in (r.get("description"), r.get("reference")) if x)
                date_f = "value_date" if kind == "receipt" else "booking_date"
                checks = {"amount": _num(r.get("amount")) == Decimal(p.amount), "currency": r.get("currency") == p.currency,
                          "payer": _same_name(payer, p.payer), date_f: r.get(date_f) == p.day.isoformat(),
                          "memo": "".join(p.memo.split()).casefold() in "".join((memo or "").split()).casefold()}
                for f, ok in checks.items():
                    st["payment_right" if ok else "payment_wrong"] += 1
                    if not ok:
                        shown = {"amount": r.get("amount"), "currency": r.get("currency"), "payer": payer,
                                 date_f: r.get(date_f), "memo": memo}[f]
                        notes.append(f"PAYMENT {name} {p.id} {f}: read {shown!r} (conf {conf.get(f)})")
    for p in w.payments:
        if not seen_lines[p.id]:
            notes.append(f"PAYMENT NOT READ {p.id} ({p.via})")
            st["payment_missing"] += 1
    st["statement_lines_twice"] = sum(1 for n in seen_lines.values() if n > 1)
    return st, notes


# ------------------------------------------------------------------------------------------- matches
@dataclass
class Outcome:
    stats: Counter = field(default_factory=Counter)
    lines: list[str] = field(default_factory=list)


def _targets(m: dict) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for a in m.get("allocations") or []:
        label = a.get("target_label") or a["target_key"].split("|")[-1]
        out[label] = out.get(label, Decimal(0)) + Decimal(a["amount"])
    return out


def _truth(p: Pay) -> dict[str, Decimal]:
    return {t: Decimal(a) for t, a in p.pays}


def score_matches(matches: list[dict], w: World, part: str, ids: dict[str, str]) -> Outcome:
    """Each payment of ``part`` against its truth: auto right / auto wrong / review / unmatched / not seen. A
    payment whose statement line came in twice counts wrong when both copies were applied."""
    o = Outcome()
    by_txn: dict[str, list[dict]] = {}
    for m in matches:
        txn = m["payment_key"].split("|")[-1]
        by_txn.setdefault(ids.get(txn, txn), []).append(m)
    for p in w.payments:
        if part != "all" and p.part != part:
            continue
        got = by_txn.get(p.id, [])
        truth = _truth(p)
        o.stats["payments"] += 1
        o.stats["with_truth"] += bool(truth)
        if not got:
            o.stats["not_seen"] += 1
            o.lines.append(f"NOT SEEN   {p.id} {p.amount} {p.currency} ({p.why})")
            continue
        autos = [m for m in got if m["status"] in ("auto", "confirmed")]
        if len(got) > 1:
            o.stats["twice"] += 1
        for m in autos:
            o.stats["auto"] += 1
            alloc = _targets(m)
            right = bool(truth) and set(alloc) == set(truth) and all(alloc[t] == truth[t] for t in truth)
            if right and m is autos[0]:
                o.stats["auto_right"] += 1
                o.lines.append(f"auto ok    {p.id} ({p.why})")
            else:
                o.stats["auto_wrong"] += 1
                o.lines.append(f"AUTO WRONG {p.id} {p.amount} {p.currency} ({p.why}): applied "
                               f"{ {k: str(v) for k, v in alloc.items()} }, truth { {k: str(v) for k, v in truth.items()} }"
                               f"; {m.get('reason', '')}")
        if autos:
            continue
        m = got[0]
        o.stats[m["status"]] += 1
        best = _targets(m["candidates"][0]) if m.get("candidates") else {}
        top_right = bool(truth) and set(best) == set(truth)
        o.stats["review_top_right"] += m["status"] == "review" and top_right
        o.lines.append(f"{m['status']:<10} {p.id} {p.amount} {p.currency} ({p.why}): top "
                       f"{ {k: str(v) for k, v in best.items()} }{' (right)' if top_right else ''}; {m.get('reason', '')[:160]}")
    return o


def report(part: str, keep: Path | None) -> dict:
    folder = keep or Path(tempfile.mkdtemp(prefix="orderhub-e2e8-"))
    w = build(folder / "world", "all" if part in ("all", "later") else "main")
    lines, matches = run_world(w, folder / "home")
    doc_st, doc_notes = score_documents(lines, w)
    inv_n = doc_st["invoice_right"] + doc_st["invoice_wrong"]
    pay_n = doc_st["payment_right"] + doc_st["payment_wrong"]
    print(f"\n## part {part}: {len(w.invoices)} orders, {sum(1 for i in w.invoices if i.layout)} invoices, "
          f"{len(w.payments)} payments (world in {folder})")
    print(f"files: {len(lines)}; refused {doc_st['refused']}; invoice fields right {doc_st['invoice_right']}/{inv_n}; "
          f"payment fields right {doc_st['payment_right']}/{pay_n}; payments not read {doc_st['payment_missing']}; "
          f"statement lines read twice {doc_st['statement_lines_twice']}")
    for n in doc_notes:
        print("   ", n)
    out = {"documents": dict(doc_st)}
    for scored in ([part] if part != "all" else ["main", "later", "all"]):
        o = score_matches(matches, w, scored, read_ids(lines, w))
        s = o.stats
        precision = s["auto_right"] / max(1, s["auto"])
        rate = s["auto_right"] / max(1, s["with_truth"])
        print(f"\n### matches, {scored} payments: {s['payments']} ({s['with_truth']} pay something)")
        print(f"auto {s['auto']}: right {s['auto_right']}, WRONG {s['auto_wrong']}; precision {100 * precision:.1f}%; "
              f"auto rate {100 * rate:.1f}% ({s['auto_right']}/{s['with_truth']}); review {s['review']} "
              f"(top candidate right {s['review_top_right']}); unmatched {s['unmatched']}; not seen {s['not_seen']}; "
              f"seen twice {s['twice']}")
        for line in sorted(o.lines):
            print("   ", line)
        out[scored] = dict(s)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", default="main", choices=["main", "later", "all"])
    ap.add_argument("--keep", type=Path, help="folder for the world, store and workbook (else a temporary one)")
    args = ap.parse_args()
    report(args.part, args.keep)


if __name__ == "__main__":
    main()
