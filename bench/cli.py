"""CLI start-up bench: ``orderhub --help`` (and ``--version``) against ``python -c pass``, as a ratio.

    python bench/cli.py              # 7 runs each, median
    python bench/cli.py --runs 15

Each run is a fresh process (the way a person types the command); the same interpreter runs both, so
the ratio says what orderhub adds to Python's own start-up on this machine, whatever its load. The
target is ``--help`` under 1 s on a developer's machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

MAIN = "from hub.cli import main; main()"


def timed(args: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of ``runs`` fresh processes, in seconds.
    CPU time hardly depends on the machine's load; wall time does."""
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([sys.executable, *args], capture_output=True, env=env, check=False)
        wall.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as home:
        env = os.environ | {"ORDERHUB_HOME": home, "COLUMNS": "100"}
        baseline = timed(["-c", "pass"], runs, env)
        rows = [("python -c pass", baseline)]
        for label, args in (("orderhub --version", ["--version"]), ("orderhub --help", ["--help"]),
                            ("orderhub customs --help", ["customs", "--help"]),
                            ("orderhub reconcile --help", ["reconcile", "--help"])):
            rows.append((label, timed(["-c", MAIN, *args], runs, env)))
    print(f"{'command':<28} {'wall s':>7} {'x python':>9} {'cpu s':>7} {'x python':>9}   "
          f"(median of {runs} runs, load {os.getloadavg()[0]:.1f})")
    for label, (wall, cpu) in rows:
        print(f"{label:<28} {wall:>7.3f} {wall / baseline[0]:>9.1f} {cpu:>7.3f} {cpu / baseline[1]:>9.1f}")


if __name__ == "__main__":
    main()
