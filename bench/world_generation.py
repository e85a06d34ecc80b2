"""World-generation bench: how long the demo world takes, without and with scans.

    python bench/world_generation.py                    # 200 orders without scans, 1000 orders with scans
    python bench/world_generation.py --small 200 --large 0 --workers 2

Prints, for each run: wall time, CPU time (this process and its render workers; on a busy machine the wall
time says more about the neighbours than about the generator), documents (PDFs and scans) written,
documents per second, bytes written, and peak RSS of this process and of the render workers.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixtures.world import generate_world


def run(seed: int, orders: int, scans: bool, workers: int | None, keep: Path | None) -> dict[str, float]:
    """Generate one world into a fresh folder and measure it."""
    base = Path(tempfile.mkdtemp(prefix="world-bench-"))
    out = keep or base / "world"
    try:
        cpu0 = _cpu()
        started = time.perf_counter()
        world = generate_world(seed=seed, orders=orders, scans=scans, out=out, force=keep is not None,
                               workers=workers)
        wall = time.perf_counter() - started
        cpu = _cpu() - cpu0
        docs = world.truth["documents"]
        n_scans = sum(1 for d in docs.values() if d["scan"])
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        files = sum(1 for p in out.rglob("*") if p.is_file())
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return {"orders": orders, "records": len(world.records()), "pdfs": len(docs) - n_scans, "scans": n_scans,
            "files": files, "mb": size / 1e6, "wall_s": wall, "cpu_s": cpu, "docs_per_s": len(docs) / wall,
            "load": os.getloadavg()[0]}


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the render workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--small", type=int, default=200, help="orders of the world without scans (0: skip)")
    ap.add_argument("--large", type=int, default=1000, help="orders of the world with scans (0: skip)")
    ap.add_argument("--workers", type=int, default=None, help="render processes (default: all cores)")
    ap.add_argument("--keep", type=Path, default=None, help="write the large world here and keep it")
    args = ap.parse_args()
    print(f"cores: {os.cpu_count()}  workers: {args.workers or 'all cores'}  seed: {args.seed}")
    plan = [("without scans", args.small, False, None), ("with scans", args.large, True, args.keep)]
    for label, orders, scans, keep in plan:
        if not orders:
            continue
        r = run(args.seed, orders, scans, args.workers, keep)
        print(f"{r['orders']:>5} orders {label:<13}: {r['wall_s']:6.1f} s wall, {r['cpu_s']:6.1f} s CPU "
              f"(load avg {r['load']:.1f}), {r['records']} records, {r['pdfs']} PDFs + {r['scans']} scans "
              f"({r['files']} files, {r['mb']:.0f} MB), {r['docs_per_s']:.1f} docs/s", flush=True)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: main {own:.0f} MB, largest render worker {kids:.0f} MB")


if __name__ == "__main__":
    main()
