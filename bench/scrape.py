"""Scraping bench: orders a minute against the demo marketplace with added latency, sequential and with
parallel browser contexts, as a ratio of the server-bound limit; browser memory over a long scrape.

    python bench/scrape.py                          # 100 ms latency; 1, 2 and 4 workers; world seed 7 (200 orders)
    python bench/scrape.py --workers 1 2 --orders 400
    python bench/scrape.py --long 5000              # plus a 5,000-order scrape sampling chromium's RSS
    python bench/scrape.py --workers 1 2 --fetch 0 6  # rendered detail pages (baseline) vs 6 fetched at once

The portals run in a child process (own interpreter, so the server does not share the bench's GIL).
pages = list pages + one detail page per order; server-bound limit = pages x latency / parallelism;
ratio = limit / measured wall time (browser start and login included). ``--fetch N`` reads N detail pages at
once per context without rendering them (the profile's ``detail.fetch``; 0 = open each page); the first
value is the baseline the "x base" column compares against (same worker count, same run). Downloads are off (invoice PDFs
and the export are measured by the tests, not here); traces are on unless --no-trace.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bots.credentials import Credentials, Secret
from bots.profiles import load_profile
from bots.scraper import Scraper
from fixtures.portals.faults import FaultProfile
from fixtures.portals.server import USERS, portals_process

PASSWORD = "bench-password-1"


def descendants(root: int) -> list[int]:
    """Process ids below ``root`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        kids = [p for p, pp in parents.items() if pp == pid]
        out += kids
        todo += kids
    return out


def browser_rss_mb(root: int) -> tuple[float, int]:
    """Summed RSS (MB) and count of the chromium processes below ``root``."""
    total, n = 0, 0
    for pid in descendants(root):
        try:
            with open(f"/proc/{pid}/comm") as f:
                comm = f.read().strip()
            if "chrom" not in comm and "headless" not in comm:
                continue
            with open(f"/proc/{pid}/status") as f:
                rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
            total, n = total + rss, n + 1
        except (OSError, StopIteration):
            continue
    return total / 1024, n


def scrape_once(url: str, workers: int, out: Path, trace: bool, latency_ms: int, recycle: int,
                fetch: int | None = None) -> dict:
    prof = load_profile("marketplace")
    scraper = Scraper(prof, url, Credentials(USERS["marketplace"], Secret(PASSWORD)), out, workers=workers,
                      downloads=False, trace=trace, recycle_after=recycle, fetch=fetch)
    started, cpu0 = time.monotonic(), _cpu()
    result = scraper.run()
    wall, cpu = time.monotonic() - started, _cpu() - cpu0
    pages = result.pages + len(result.orders)
    limit = pages * latency_ms / 1000 / workers
    return {"workers": workers, "orders": len(result.orders), "pages": pages, "seconds": wall,
            "orders_per_min": len(result.orders) / wall * 60, "limit_s": limit, "ratio": limit / wall,
            "retries": result.stats["retries"], "contexts": result.stats["contexts"], "cpu_ms_per_page": cpu / pages * 1000}


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the Playwright driver and chromium)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--latency", type=int, default=100, help="added latency per page/API call (ms)")
    ap.add_argument("--workers", type=int, nargs="*", default=[1, 2, 4])
    ap.add_argument("--orders", type=int, default=200, help="orders of the generated world (all channels)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-trace", action="store_true")
    ap.add_argument("--long", type=int, default=0, help="also scrape this many marketplace orders, sampling RSS")
    ap.add_argument("--long-workers", type=int, default=2)
    ap.add_argument("--fetch", type=int, nargs="*", default=[0, 6],
                    help="detail pages fetched at once per context (0 = render each; the first is the baseline)")
    ap.add_argument("--long-fetch", type=int, default=None, help="--fetch of the long scrape (default: the profile's)")
    args = ap.parse_args()
    trace = not args.no_trace
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; latency {args.latency} ms; "
          f"traces {'on' if trace else 'off'}")
    source = {"kind": "world", "seed": args.seed, "orders": args.orders}
    with (contextlib.nullcontext({}) if not args.workers else portals_process(source, FaultProfile(latency_ms=args.latency), sites=("marketplace",),
                         password=PASSWORD)) as urls, tempfile.TemporaryDirectory() as tmp:
        print("| contexts | fetch | orders | pages | wall s | orders/min | server-bound limit s | ratio | x base | retries "
              "| client CPU ms/page |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        for n in args.workers:
            base = None
            for f in args.fetch:
                r = scrape_once(urls["marketplace"], n, Path(tmp) / f"w{n}f{f}", trace, args.latency, 250, f)
                base = base or r["seconds"]
                print(f"| {n} | {f} | {r['orders']} | {r['pages']} | {r['seconds']:.1f} | {r['orders_per_min']:.0f} | "
                      f"{r['limit_s']:.1f} | {r['ratio']:.2f} | {base / r['seconds']:.2f} | {r['retries']} | "
                      f"{r['cpu_ms_per_page']:.0f} |", flush=True)
    if args.long:
        source = {"kind": "sample", "seed": args.seed, "orders": args.long}
        with portals_process(source, FaultProfile(latency_ms=args.latency), sites=("marketplace",),
                             password=PASSWORD) as urls, tempfile.TemporaryDirectory() as tmp:
            samples: list[tuple[float, float, int]] = []
            stop = threading.Event()
            t0 = time.monotonic()

            def sample() -> None:
                while not stop.wait(2.0):
                    mb, n = browser_rss_mb(os.getpid())
                    samples.append((time.monotonic() - t0, mb, n))

            threading.Thread(target=sample, daemon=True).start()
            r = scrape_once(urls["marketplace"], args.long_workers, Path(tmp) / "long", trace, args.latency, 250,
                            args.long_fetch)
            stop.set()
        print(f"\nlong scrape: {r['orders']} orders, {r['pages']} pages, {args.long_workers} contexts, "
              f"{r['seconds']:.0f} s, {r['orders_per_min']:.0f} orders/min, ratio {r['ratio']:.2f}, "
              f"{r['contexts']} contexts opened (recycled every 250 steps)")
        print("| elapsed s | chromium RSS MB | processes |")
        print("|---|---|---|")
        step = max(1, len(samples) // 12)
        for t, mb, n in samples[::step] + samples[-1:]:
            print(f"| {t:.0f} | {mb:.0f} | {n} |")
        if samples:
            first_half = [mb for t, mb, _ in samples[: len(samples) // 2]]
            second_half = [mb for t, mb, _ in samples[len(samples) // 2:]]
            print(f"peak {max(mb for _, mb, _ in samples):.0f} MB; mean first half {sum(first_half) / max(1, len(first_half)):.0f} MB, "
                  f"second half {sum(second_half) / max(1, len(second_half)):.0f} MB")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
