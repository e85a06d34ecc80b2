"""Memo look-ups (matchers/references.py) in one partition of bench/reconcile.py's world.

    python bench/memo_refs.py partition                  # synth 50k, seed 1000, through reconcile_rows
    python bench/memo_refs.py hits --out FILE            # every memo's hits, for comparing two versions
    python bench/memo_refs.py hits --letters --out FILE  # references of letters and digits instead
    python bench/memo_refs.py same FILE_A FILE_B
    ... --refs FILE                                      # another matchers/references.py in its place
                                                         # (git show main:matchers/references.py > FILE)

partition: CPU seconds of ``reconcile_rows`` on the partition, and of the reference part in it
(``ReferenceIndex.add`` and ``lookup_memo``, timed around each call), the digest of its decisions, peak
RSS. hits: the world's memos and one-edit, truncated, re-spelled variants of its references looked up
in a ReferenceIndex of its invoices' references, each memo's hits written as a set of (target,
reference, token, how). same: how many memos' hits differ. Before branch ``scale`` (2026-12-04) the
reference a target is named by, when two of its forms are one character off the token, followed the
order of a set of strings, so the hash seed: compare such versions with the same PYTHONHASHSEED; now
the forms are tried in the order they were indexed, and any two seeds give the same hits.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _world(n: int, seed: int, letters: bool) -> tuple[list[list[str]], list[str]]:
    """Each invoice's references (as the matcher adds them) and the receipts' memos."""
    if letters:  # invoice, PI, marketplace numbers, bare numbers and random codes; memos naming two each
        rng = random.Random(seed)
        refs = []
        for i in range(n or 6000):
            kind = i % 5
            number = (f"INV-2026-{i:06d}" if kind == 0 else f"HR-PI{26 + i % 3}{i:04d}" if kind == 1
                      else f"MP-{2026400000 + 7 * i}" if kind == 2 else f"{rng.randrange(10 ** 9):0{rng.randrange(5, 10)}d}"
                      if kind == 3 else "".join(rng.choice(LETTERS) for _ in range(rng.randrange(5, 24))))
            refs.append([number] + ([f"SO{i:07d}"] if i % 2 else []))
        memos = [" ".join(f"付款 {r[0] if rng.random() < 0.5 else r[0][:-1]}" for r in rng.sample(refs, 2))
                 for _ in range(3000)]
        return refs, memos
    receipts, invoices, _, _ = _load("bench_reconcile", ROOT / "bench" / "reconcile.py").synth(n, seed=seed)
    refs = [([inv.number] if inv.number else []) + ([inv.order_ref] if inv.order_ref else [])
            + ([inv.code + inv.number] if inv.code and inv.number else []) for inv in invoices]
    return refs, list(dict.fromkeys(r.memo or "" for r in receipts))


def _variants(refs: list[list[str]], seed: int) -> list[str]:
    """Memos that name a sample of the references mistyped, cut short, re-spelled."""
    rng = random.Random(seed)
    out = []
    for forms in refs[:: max(1, len(refs) // 4000)]:
        for ref in forms:
            s = ref.upper()
            i = rng.randrange(len(s))
            ch = rng.choice(LETTERS)
            out += [s[:i] + s[i + 1:], s[:i] + ch + s[i:], s[:i] + ch + s[i + 1:], s[:i] + s[i + 1:i + 2] + s[i:i + 1]
                    + s[i + 2:], s[: len(s) // 2 + 1], s[len(s) // 2 - 1:], "pay " + s.lower().replace("-", " "),
                    s.replace("0", "O"), "00" + s, s + "/" + s[::-1]]
    return out


def partition(n: int, seed: int) -> dict:
    import matchers.references as references
    from matchers.cash import INVOICE_FIELDS, RECEIPT_FIELDS, reconcile_rows
    from matchers.partition import match_digest

    spent = [0.0]

    def timed(fn):
        def wrap(*args, **kwargs):
            c0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - c0
        return wrap

    references.ReferenceIndex.add = timed(references.ReferenceIndex.add)
    references.ReferenceIndex.lookup_memo = timed(references.ReferenceIndex.lookup_memo)
    receipts, invoices, customers, _ = _load("bench_reconcile", ROOT / "bench" / "reconcile.py").synth(n, seed=seed)
    receipt_rows = [(r.natural_key(), *(getattr(r, f) for f in RECEIPT_FIELDS)) for r in receipts]
    invoice_rows = [(i.natural_key(), *(getattr(i, f) for f in INVOICE_FIELDS)) for i in invoices]
    c0 = time.process_time()
    rows = reconcile_rows(receipt_rows, invoice_rows, customers)
    return {"n": n, "seed": seed, "partition_cpu_seconds": round(time.process_time() - c0, 2),
            "references_cpu_seconds": round(spent[0], 2), "digest": match_digest(rows),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def hits(n: int, seed: int, letters: bool, out: str) -> dict:
    from matchers.references import ReferenceIndex

    refs, memos = _world(n, seed, letters)
    memos += _variants(refs, seed)
    c0 = time.process_time()
    index = ReferenceIndex()
    for target, forms in enumerate(refs):
        for ref in forms:
            index.add(ref, target)
    found = [{(h.target, h.reference, h.token, h.how) for h in index.lookup_memo(m)} for m in memos]
    cpu = time.process_time() - c0
    Path(out).write_bytes(pickle.dumps(found))
    return {"memos": len(memos), "hits": sum(map(len, found)), "cpu_seconds": round(cpu, 2), "out": out}


def same(a: str, b: str) -> dict:
    one, two = (pickle.loads(Path(p).read_bytes()) for p in (a, b))
    pairs = list(zip(one, two, strict=True))  # the same world's memos, in order
    kinds = sum({(t, how) for t, _, _, how in x} != {(t, how) for t, _, _, how in y} for x, y in pairs)
    return {"memos": len(one), "hits_differ": sum(x != y for x, y in pairs), "targets_or_kinds_differ": kinds}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["partition", "hits", "same"])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--n", type=int, default=50_000)
    ap.add_argument("--seed", type=int, default=1000)
    ap.add_argument("--letters", action="store_true", help="hits: references of letters and digits")
    ap.add_argument("--out", help="hits: where to write them")
    ap.add_argument("--refs", help="another matchers/references.py to time or compare")
    args = ap.parse_args()
    if args.refs:
        _load("matchers.references", Path(args.refs))
    if args.what == "partition":
        print(json.dumps(partition(args.n, args.seed)))
    elif args.what == "hits":
        print(json.dumps(hits(args.n, args.seed, args.letters, args.out)))
    else:
        print(json.dumps(same(*args.files)))


if __name__ == "__main__":
    main()
