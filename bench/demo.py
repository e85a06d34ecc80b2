"""Demo bench: wall time and peak memory of ``orderhub demo`` (fresh, then re-run) under ``/usr/bin/time -v``.

    python bench/demo.py                 # the default demo size (120 orders)
    python bench/demo.py --orders 40

Baseline, measured in the same run: ``orderhub fixtures world`` generating the same world (the demo's first
step), so the ratio says what the flows (portals, scraping, ingest, reconcile, order desk) add on top.
Peak RSS is ``/usr/bin/time``'s "Maximum resident set size": the largest single process of the tree (the
CLI, the embedded Prefect server or chromium), not their sum.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ORDERHUB = REPO / ".venv" / "bin" / "orderhub"


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one command under ``/usr/bin/time -v``."""
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", *args], cwd=REPO, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    return wall, int(rss.group(1)) / 1024 if rss else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orders", type=int, default=120)
    parser.add_argument("--seed", type=int, default=2026)
    opts = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="demo-bench-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "ORDERHUB_"))}
    env.update(PREFECT_HOME=str(base / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    load = os.getloadavg()[0]
    world = timed([str(ORDERHUB), "fixtures", "world", "--out", str(base / "world"), "--seed", str(opts.seed),
                   "--orders", str(opts.orders)], env)
    demo_args = [str(ORDERHUB), "demo", "--out", str(base / "demo"), "--seed", str(opts.seed),
                 "--orders", str(opts.orders)]
    fresh = timed(demo_args, env)
    again = timed(demo_args, env)
    print(f"demo bench: {opts.orders} orders, seed {opts.seed}, {os.cpu_count()} cores, load {load:.2f} at start")
    print(f"{'run':<34}{'wall s':>9}{'x baseline':>12}{'peak RSS MiB':>14}")
    for name, (wall, rss) in (("baseline: world generation only", world), ("orderhub demo (fresh)", fresh),
                              ("orderhub demo (re-run)", again)):
        print(f"{name:<34}{wall:>9.1f}{wall / world[0]:>12.1f}{rss:>14.0f}")
    print(f"re-run / fresh: {again[0] / fresh[0]:.2f}")


if __name__ == "__main__":
    main()
