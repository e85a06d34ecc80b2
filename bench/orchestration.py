"""Orchestration overhead: a 1,000-document ingest through the ``ingest-documents`` Prefect flow against
the same work called directly from the library (``extractors.ingest.ingest_folder``).

Documents: digital PDFs (invoices, bank receipts, packing lists) and statement exports of a generated
world without scans (no OCR), so the figure is the flow's overhead, not OCR time. Both runs use the same
chunk size and a fresh store each; a warm-up ingest first loads the extractors in this process; rounds
alternate which of the two goes first and the totals are compared. The
Prefect server (``prefect_test_harness``) is started before timing and its startup reported apart.

    .venv/bin/python bench/orchestration.py [--docs 1000] [--orders 560] [--chunk 50] [--rounds 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from flows.environment import apply_defaults

KINDS = ("documents/invoices", "documents/receipts", "documents/packing_lists", "statements")


def drop_folder(world_dir: Path, target: Path, docs: int) -> int:
    """Copy the first ``docs`` cheap documents of the world into ``target``; returns how many."""
    files = sorted(p for kind in KINDS for p in (world_dir / kind).glob("*") if p.is_file())
    if len(files) < docs:
        raise SystemExit(f"the world has only {len(files)} documents; raise --orders")
    for path in files[:docs]:
        dest = target / path.parent.name / path.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--orders", type=int, default=560)
    parser.add_argument("--chunk", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="orderhub-orchestration-"))
    os.environ.setdefault("PREFECT_HOME", str(work / "prefect"))
    apply_defaults()
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

    from extractors.ingest import ingest_folder
    from fixtures.world import generate_world
    from hub.settings import load_settings
    from hub.store import Store

    started = time.perf_counter()
    generate_world(seed=7, orders=args.orders, scans=False, out=work / "world")
    folder = work / "drop"
    n = drop_folder(work / "world", folder, args.docs)
    print(f"world: seed 7, {args.orders} orders, {n} documents (digital PDFs + statements) "
          f"in {time.perf_counter() - started:.1f} s")

    def fresh(name: str):
        settings = load_settings(work / name)
        return Store(settings=settings), settings

    warm = work / "warm"
    shutil.copytree(folder / "invoices", warm / "invoices")
    store, settings = fresh("warm-home")
    ingest_folder(store, warm, settings, chunk_size=args.chunk)  # import and load the extractors

    from prefect.testing.utilities import prefect_test_harness

    t = time.perf_counter()
    with prefect_test_harness(server_startup_timeout=120):
        print(f"Prefect server started in {time.perf_counter() - t:.1f} s (not counted)")
        from flows.ingest import ingest_documents_flow

        ingest_documents_flow(folder=str(warm), home=str(work / "warm-flow"), chunk_size=args.chunk)
        rows = []
        for r in range(args.rounds):
            def run_direct(r: int = r):
                store, settings = fresh(f"direct-{r}")
                t = time.perf_counter()
                return ingest_folder(store, folder, settings, chunk_size=args.chunk), time.perf_counter() - t

            def run_flow(r: int = r):
                t = time.perf_counter()
                result = ingest_documents_flow(folder=str(folder), home=str(work / f"flow-{r}"), chunk_size=args.chunk)
                return result, time.perf_counter() - t

            if r % 2 == 0:  # alternate which goes first, so warm caches favour neither
                (direct, direct_s), (by_flow, flow_s) = run_direct(), run_flow()
            else:
                (by_flow, flow_s), (direct, direct_s) = run_flow(), run_direct()
            same = (direct.result.stored, direct.result.records_inserted) == (
                by_flow.result.stored, by_flow.result.records_inserted)
            rows.append((direct_s, flow_s))
            print(f"round {r + 1}: direct {direct_s:.1f} s, flow {flow_s:.1f} s, ratio {flow_s / direct_s:.3f}x "
                  f"({direct.chunks} chunks of {args.chunk}; {direct.result.stored} files, "
                  f"{direct.result.records_inserted} records; same result: {same})")
    direct_s = sum(d for d, _ in rows)
    flow_s = sum(f for _, f in rows)
    load = os.getloadavg()[0]
    print(f"total: direct {direct_s:.1f} s, flow {flow_s:.1f} s, flow/direct = {flow_s / direct_s:.3f}x "
          f"(target <= 1.15x); {args.docs / direct_s:.1f} docs/s direct; load average {load:.1f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
