"""Statement import bench: every real-format sample in ``../shared/samples/bank-statements`` imported and
checked against its project's expected output, plus the demo world's statement exports against its
ground truth; transactions matched vs expected (target 100%) and the time taken.

    python bench/statements.py                    # shared samples + demo world (seed 7, 200 orders)
    python bench/statements.py --no-world --repeat 20
    python bench/statements.py --families 12      # + 12 files of each statement export family
    python bench/statements.py --families 12 --only card_yearless --no-samples --no-world

Expected values come from the samples' own files: beancount outputs of double-entry-generator (cn/),
the mt-940 library's expected JSON (mt940/), the OCA CAMT importer's golden data (camt/). A transaction
counts as matched when an imported line has its date, amount, sign (where the source states one) and
counterparty; extra imported lines are reported (the beancount outputs omit rows their rules ignore).

With ``--families N`` it renders N files of each statement export family
(``fixtures/generator/families/statements.py``) and prints per family: transactions expected, right (the
imported line of that row has its date, signed amount, currency and counterparty), wrong, rows lost
(neither imported nor reported), extra lines, row warnings expected vs got (same row and column), files
refused, and files stored for review (a row warning, or a field's confidence under 0.9).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.statements import read_statement
from hub.records import StatementLine

SHARED = Path(os.environ.get("ORDERHUB_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CN = [
    ("icbc/credit/example-icbc-credit-records.csv", "icbc/credit/example-icbc-credit-output.beancount"),
    ("icbc/debit-v1/example-icbc-debit-v1-records.csv", "icbc/debit-v1/example-icbc-debit-v1-output.beancount"),
    ("icbc/debit-v2/example-icbc-debit-v2-records.csv", "icbc/debit-v2/example-icbc-debit-v2-output.beancount"),
    ("ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls", "ccb/example-ccb-output.beancount"),
    ("alipay/example-alipay-records.csv", "alipay/example-alipay-output.beancount"),
    ("wechat/example-wechat-records.csv", "wechat/example-wechat-output.beancount"),
    ("wechat/example-wechat-records.xlsx", "wechat/example-wechat-output.beancount"),
]
MARK_SIGN = {"C": 1, "RD": 1, "D": -1, "RC": -1}


def beancount(text: str) -> list[dict]:
    """Expected transactions of a beancount file: date, counterparty, size, sign (0: not stated)."""
    out = []
    for block in re.split(r"\n(?=\d{4}-\d{2}-\d{2} [*!])", text):
        head = re.match(r'(\d{4}-\d{2}-\d{2}) [*!] "((?:[^"\\]|\\.)*)"', block)
        if not head:
            continue
        meta = dict(re.findall(r'^\s+(\w+): "((?:[^"\\]|\\.)*)"', block, re.M))
        postings = [Decimal(a) for a in re.findall(r"^\s+[A-Z][\w:]+\s+(-?[\d.]+) [A-Z]{3}", block, re.M)]
        name = meta.get("peerAccount", head.group(2).replace('\\"', '"'))
        out.append({"date": date.fromisoformat(head.group(1)), "counterparty": "" if name == "/" else name,
                    "amount": sum((p for p in postings if p > 0), Decimal(0)),
                    "sign": {"收入": 1, "支出": -1}.get(meta.get("type", ""), 0)})
    return out


def match(expected: list[dict], lines: list[StatementLine], *, ordered: bool = False) -> int:
    """How many expected transactions an imported line reproduces."""
    if ordered:
        return sum(1 for exp, ln in zip(expected, lines, strict=False) if _same(exp, ln))
    free, found = list(lines), 0
    for exp in expected:
        hit = next((ln for ln in free if _same(exp, ln)), None)
        if hit is not None:
            free.remove(hit)
            found += 1
    return found


def _same(exp: dict, ln: StatementLine) -> bool:
    sign_ok = exp["sign"] == 0 or (ln.amount > 0) == (exp["sign"] > 0)
    return (ln.booking_date == exp["date"] and abs(ln.amount) == exp["amount"] and sign_ok
            and ln.counterparty_name == exp["counterparty"]
            and (exp.get("account") is None or ln.counterparty_account == exp["account"]))


def samples() -> list[tuple[str, Path, list[dict], bool]]:
    """(label, file, expected transactions, compare in order) for every shared sample."""
    base = SHARED / "samples/bank-statements"
    out = []
    for records, output in CN:
        out.append((f"cn/{records}", base / "cn" / records,
                    beancount((base / "cn" / output).read_text(encoding="utf-8")), False))
    for sta in sorted((base / "mt940/betterplace").glob("*.sta")):
        data = json.loads((base / "mt940/expected_json" / f"betterplace__{sta.stem}.json").read_text())
        exp = [{"date": date.fromisoformat(t.get("entry_date") or t.get("guessed_entry_date") or t["date"]),
                "amount": abs(Decimal(t["amount"]["amount"])), "sign": MARK_SIGN[t["status"]],
                "counterparty": " ".join((t.get("applicant_name") or "").split()), "account": t.get("applicant_iban")}
               for t in data["transactions"]]
        out.append((f"mt940/{sta.name}", sta, exp, True))
    for name in ("test-camt053", "test-camt053-txdtls"):
        _, _, statements = ast.literal_eval((base / "camt" / f"golden-{name.removeprefix('test-')}.pydata").read_text())
        exp = [{"date": date.fromisoformat(t["date"]), "amount": abs(Decimal(str(t["amount"]))),
                "sign": 1 if t["amount"] > 0 else -1, "counterparty": t["partner_name"], "account": t["account_number"]}
               for st in statements for t in st["transactions"]]
        out.append((f"camt/{name}", base / "camt" / name, exp, True))
    return out


def bench_samples(repeat: int) -> tuple[int, int, float]:
    import defusedxml.ElementTree  # noqa: F401  (library imports are not part of an import's time)
    import mt940  # noqa: F401
    import openpyxl  # noqa: F401
    import xlrd  # noqa: F401

    total_exp = total_found = 0
    elapsed = 0.0
    print(f"{'sample':58} {'expected':>8} {'matched':>8} {'imported':>8}  ms/import")
    for label, path, expected, ordered in samples():
        start = time.perf_counter()
        for _ in range(repeat):
            result = read_statement(path)
        took = (time.perf_counter() - start) / repeat
        elapsed += took
        found = match(expected, result.lines, ordered=ordered)
        total_exp += len(expected)
        total_found += found
        flag = "" if found == len(expected) else "   <-- MISSING"
        print(f"{label:58} {len(expected):8} {found:8} {len(result.lines):8}  {took * 1000:8.1f}{flag}")
    return total_exp, total_found, elapsed


def bench_world(seed: int, orders: int) -> tuple[int, int, float]:
    from fixtures.world import generate_world

    with tempfile.TemporaryDirectory() as tmp:
        world = generate_world(seed=seed, orders=orders, scans=False, out=Path(tmp) / "w")
        truth = {ln.natural_key(): ln for ln in world.statement_lines}
        files = sorted((Path(tmp) / "w/statements").iterdir())
        start = time.perf_counter()
        lines = [ln for f in files for ln in read_statement(f).lines]
        took = time.perf_counter() - start
    fields = ("booking_date", "amount", "currency", "counterparty_name", "counterparty_account", "reference", "balance")
    found = sum(1 for ln in lines if ln.natural_key() in truth
                and all(getattr(ln, f) == getattr(truth[ln.natural_key()], f) for f in fields))
    print(f"demo world seed {seed} ({orders} orders): {len(files)} files, {len(truth)} lines expected, "
          f"{found} exact (key + {', '.join(fields)}), {len(lines)} imported, {took * 1000:.0f} ms")
    return len(truth), found, took


def _equal(got: object, want: object, name: str) -> bool:
    if name == "amount":
        return Decimal(str(got)) == Decimal(str(want))
    return got == want


def bench_families(per_family: int, seed: int, only: list[str] | None) -> tuple[int, int]:
    """Render ``per_family`` files of each statement family, import them, compare with their truth."""
    from fixtures.generator.families.statements import generate_statement_set

    fields = ("booking_date", "amount", "currency", "counterparty_name")
    total_exp = total_right = 0
    print(f"\n{'family':24} {'files':>5} {'expected':>8} {'right':>6} {'wrong':>5} {'lost':>4} {'extra':>5} "
          f"{'warn exp':>8} {'warn got':>8} {'warn ok':>7} {'refused':>7} {'review':>6}  ms/file")
    with tempfile.TemporaryDirectory() as tmp:
        truth = generate_statement_set(Path(tmp), seed=seed, per_family=per_family, only=only)
        by_family: dict[str, list[tuple[str, dict]]] = {}
        for rel, doc in truth["documents"].items():
            by_family.setdefault(doc["layout"], []).append((rel, doc))
        misses: list[str] = []
        for name, docs in sorted(by_family.items()):
            exp = right = wrong = lost = extra = w_exp = w_got = w_ok = refused = review = 0
            took = 0.0
            for rel, doc in docs:
                expected, warnings = doc["fields"]["lines"], doc["fields"]["row_warnings"]
                exp += len(expected)
                w_exp += len(warnings)
                start = time.perf_counter()
                try:
                    result = read_statement(Path(tmp) / rel)
                except Exception as exc:  # a refusal of a readable file is what this bench counts
                    refused += 1
                    lost += len(expected)
                    misses.append(f"{rel}: refused ({exc})")
                    continue
                finally:
                    took += time.perf_counter() - start
                review += bool(result.row_warnings or any(v < 0.9 for v in result.confidence.values()))
                got = {ln.source_line: ln.payload() for ln in result.lines}
                warned = {(w.row, w.column) for w in result.row_warnings}
                w_got += len(result.row_warnings)
                w_ok += sum(1 for w in warnings if (w["row"], w["column"]) in warned)
                expected_rows = {e["source_line"] for e in expected} | {w["row"] for w in warnings}
                extra += sum(1 for row in got if row not in expected_rows)
                for e in expected:
                    line = got.get(e["source_line"])
                    if line is None:
                        lost += 1
                        why = next((w.describe() for w in result.row_warnings if w.row == e["source_line"]), "")
                        misses.append(f"{rel} row {e['source_line']}: lost {why}")
                    elif all(_equal(line[f], e[f], f) for f in fields):
                        right += 1
                    else:
                        wrong += 1
                        diff = {f: (line[f], e[f]) for f in fields if not _equal(line[f], e[f], f)}
                        misses.append(f"{rel} row {e['source_line']}: wrong {diff}")
            total_exp += exp
            total_right += right
            print(f"{name:24} {len(docs):5} {exp:8} {right:6} {wrong:5} {lost:4} {extra:5} {w_exp:8} {w_got:8} "
                  f"{w_ok:7} {refused:7} {review:6}  {took * 1000 / max(len(docs), 1):7.1f}")
        for miss in misses[:30]:
            print("   ", miss)
        if len(misses) > 30:
            print(f"    ... {len(misses) - 30} more")
    print(f"families: {total_right}/{total_exp} transactions right ({100 * total_right / max(total_exp, 1):.1f}%)")
    return total_exp, total_right


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="imports per sample for the timing")
    parser.add_argument("--no-world", action="store_true", help="skip the demo world")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--orders", type=int, default=200)
    parser.add_argument("--families", type=int, default=0, metavar="N", help="N files of each statement family")
    parser.add_argument("--only", nargs="*", help="only these families")
    parser.add_argument("--no-samples", action="store_true", help="skip the shared samples")
    args = parser.parse_args()
    print(f"load average: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    if not args.no_samples:
        if not (SHARED / "samples/bank-statements").is_dir():
            sys.exit(f"needs the shared samples at {SHARED}/samples/bank-statements (set ORDERHUB_SHARED)")
        expected, found, elapsed = bench_samples(args.repeat)
        print(f"\nreal-format samples: {found}/{expected} transactions matched ({100 * found / expected:.1f}%), "
              f"{elapsed * 1000:.0f} ms to import all {len(samples())} files once")
    if args.families:
        bench_families(args.families, args.seed, args.only)
    if not args.no_world:
        w_exp, w_found, _ = bench_world(args.seed, args.orders)
        print(f"demo world: {w_found}/{w_exp} statement lines exact ({100 * w_found / max(w_exp, 1):.1f}%)")


if __name__ == "__main__":
    main()
