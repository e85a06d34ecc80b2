"""Scale-out bench: partitioned reconciliation at a million, and OCR on Dask against the in-process pool.

    python bench/scale.py reconcile                   # 10k single vs partitioned, 1M x 1M partitioned, then
                                                      # orderhub and splink on the 100k linkage
    python bench/scale.py reconcile --from-store --store-dir DIR   # the million streamed from a SQLite store
    python bench/scale.py reconcile --skip-million    # the 10k comparison only
    python bench/scale.py reconcile --million 20000 --million-parts 4 --linkage 2000   # the same, small
    python bench/scale.py reconcile --million-parts 20 --processes 2
    python bench/scale.py ocr --pages 12              # pages/s: in-process pool (2), Dask 1 and 2 workers
    python bench/scale.py ingest --orders 800         # ~2,000 digital documents: 1 process vs 2 sharing by claims
    python bench/scale.py ingest --backend sqlite --rounds 1,2,2,1 --drop DIR
    python bench/scale.py prefect --drop DIR --docs 500   # server start, per flow run / task, flow vs bare, pool run
    python bench/scale.py pool --orders 800           # the ingest through a process work pool: 1 vs 2 workers

reconcile: (1) on one 10k world (bench/reconcile.py's synth), the single pass against the partitioned run
(matchers/partition.py, 8 partitions joined by the evidence, 2 processes): digest of every decided payment
and of every field of every match, how many differ, how the parts came out, auto precision against the truth. (2) 1,000,000 receipts against 1,000,000 open invoices of
100,000 customers as ``--million-parts`` partitions of disjoint customers, each generated *inside* its worker
process (nothing holds the whole million), reconciled there, only tuples sent back: wall time, peak RSS of
the largest process, auto rate and precision (``--from-store``: written to a SQLite store first, timed
apart, then routed by customer and streamed from it). (3) In the same run, after the million:
bench/splink_compare.py's receipt-to-invoice linkage at ``--linkage`` receipts, orderhub's ``reconcile``
and splink on DuckDB each in a fresh process: wall and CPU seconds, peak RSS, precision, recall and F1 of
each; splink is in the optional extra (``pip install -e '.[bench]'``) and the run says so loudly when it
is missing. Last, a summary of those figures.
pool: the fanned-out ``ingest-documents`` through Prefect's process work pool (server and store on
PostgreSQL) with 1, then 2, 2, 1 ``prefect worker --limit 1`` processes (one flow run at a time: a worker
stands for one machine's core), a fresh store per round, after the same ingest without Prefect (``ingest``
in 1 and 2 processes); per round wall, docs/s, stored, written twice, chunk runs and states, CPU of the
workers, their flow runs, the server and the parent run.
ocr: the same noised pages read by the in-process pool (OcrPool(2), warmed), by Dask LocalClusters of 1
and 2 single-threaded workers (prefect-dask's DaskTaskRunner, through the ocr-fanout flow on an ephemeral
Prefect server; the first batch of each cluster warms its models and is not timed).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reconcile_bench():
    return _bench("reconcile")


def _precision(rows, truth) -> tuple[int, int, float | None]:
    auto = [r for r in rows if r[1] == "auto"]
    ok = sum(1 for key, _, allocs in auto if {t for t, _ in allocs} == truth[key])
    return len(auto), ok, (round(ok / len(auto), 5) if auto else None)


#: digest of every decided payment of the single pass on synth(10_000, seed=5), from the matcher as it was on
#: main at e6103dd (before branch million): the check that the matcher's speed-ups changed no decision. A
#: change of scoring changes it on purpose; then say so and pin the new one.
DIGEST_10K_SEED5 = "c7cebbd079fc763ed120d7bea4a1fc8e35bd78e70f4479234784196141675bbb"


def _crossing(receipts, invoices, customers) -> dict:
    """How many payments the matcher shows items of customers other than the ones their payer name finds:
    through memo references (by kind of hit) and through items open for their amount."""
    from collections import Counter

    from matchers.cash import EQUAL_AMOUNT_POOL, CashMatcher, build_items, payments_from, q
    from matchers.names import CustomerIndex
    from matchers.tolerance import load_profile

    cix = CustomerIndex.build(customers)
    items = build_items(invoices, (), cix, {})
    matcher = CashMatcher(items, cix, load_profile())
    refs: Counter[str] = Counter()
    amounts = 0
    pays = payments_from(receipts)[0]
    for pay in pays:
        own = {h.customer_code for h in cix.lookup(pay.payer)[:2]}
        refs.update({h.how for h in matcher.refs.lookup_memo(pay.memo) if items[h.target].customer_code not in own})
        equal = matcher.by_amount.get((pay.currency, q(pay.amount)), [])[:EQUAL_AMOUNT_POOL]
        amounts += any(items[i].customer_code not in own for i in equal)
    return {"payments": len(pays), "memo_names_other_customers_items": dict(refs),
            "equal_amount_items_of_other_customers": amounts}


def compare_10k(n: int, partitions: int, processes: int) -> dict:
    from matchers.cash import INVOICE_FIELDS, RECEIPT_FIELDS, reconcile, reconcile_rows
    from matchers.partition import match_digest, match_fingerprints, rows_of, run_partitioned, split

    receipts, invoices, customers, truth = _reconcile_bench().synth(n, seed=5)
    t0, c0 = time.perf_counter(), time.process_time()
    matches = reconcile(receipts, invoices, customers=customers).matches
    single, single_fp = sorted(rows_of(matches)), match_fingerprints(matches)
    t_single, c_single = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    from_rows = reconcile_rows([(r.natural_key(), *(getattr(r, f) for f in RECEIPT_FIELDS)) for r in receipts],
                               [(i.natural_key(), *(getattr(i, f) for f in INVOICE_FIELDS)) for i in invoices],
                               customers)
    t_rows, c_rows = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    parts = split(receipts, invoices, customers, partitions)
    t_split, c_split = time.perf_counter() - t0, time.process_time() - c0
    run = run_partitioned(parts, processes)
    t_part = time.perf_counter() - t0
    parted = run.rows
    differ = [(a, b) for a, b in zip(single, parted, strict=True) if a != b]
    largest = max(len(p.payments) for p in parts)
    return {"n": n, "partitions": partitions, "processes": processes, "single_seconds": round(t_single, 1),
            "partitioned_seconds": round(t_part, 1), "split_seconds": round(t_split, 1),
            "single_cpu_seconds": round(c_single, 1), "split_cpu_seconds": round(c_split, 1),
            "rows_seconds": round(t_rows, 1), "rows_cpu_seconds": round(c_rows, 1),
            "single_digest": match_digest(single),
            "single_same_as_pinned": match_digest(single) == DIGEST_10K_SEED5 if n == 10_000 else None,
            "rows_same_as_single": match_digest(from_rows) == match_digest(single),
            "same_digest": match_digest(single) == match_digest(parted),
            "same_full_digest": match_digest(single_fp) == match_digest(run.fingerprints),
            "payments_differ": len(differ), "parts": [len(p.payments) for p in parts],
            "largest_part_share": round(largest / len(receipts), 3), "merges": run.merges,
            "single_auto_ok_precision": _precision(single, truth),
            "partitioned_auto_ok_precision": _precision(parted, truth),
            "differ_examples": [f"{a[0]}: single {a[1]}, partitioned {b[1]}" for a, b in differ[:3]],
            "load_avg_1min": round(os.getloadavg()[0], 1), "crossing": _crossing(receipts, invoices, customers)}


def _million_part(args: tuple[int, int]) -> dict:
    """One partition of the million: generated here, reconciled here; counts and tuples' summary back."""
    from matchers.cash import reconcile
    from matchers.partition import match_digest, rows_of

    number, size = args
    receipts, invoices, customers, truth = _reconcile_bench().synth(size, seed=1000 + number)
    t0 = time.perf_counter()
    rows = rows_of(reconcile(receipts, invoices, customers=customers).matches)
    seconds = time.perf_counter() - t0
    auto, ok, _ = _precision(rows, truth)
    return {"part": number, "receipts": len(receipts), "invoices": len(invoices), "customers": len(customers),
            "auto": auto, "auto_ok": ok, "reconcile_seconds": round(seconds, 1), "digest": match_digest(rows),
            "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def million(total: int, parts: int, processes: int) -> dict:
    size = total // parts
    t0 = time.perf_counter()
    with ProcessPoolExecutor(processes, max_tasks_per_child=1) as pool:  # a fresh process per partition
        done = list(pool.map(_million_part, [(p, size) for p in range(parts)]))
    wall = time.perf_counter() - t0
    receipts = sum(d["receipts"] for d in done)
    auto = sum(d["auto"] for d in done)
    ok = sum(d["auto_ok"] for d in done)
    return {"receipts": receipts, "invoices": sum(d["invoices"] for d in done),
            "customers": sum(d["customers"] for d in done), "partitions": parts, "processes": processes,
            "wall_seconds": round(wall, 1), "reconcile_seconds_sum": round(sum(d["reconcile_seconds"] for d in done), 1),
            "peak_rss_mb_largest_process": max(d["rss_mb"] for d in done),
            "auto_rate": round(auto / receipts, 4), "auto_precision": round(ok / auto, 5) if auto else None,
            "auto": auto, "auto_wrong": auto - ok, "load_avg_1min": round(os.getloadavg()[0], 1)}


# -- the linkage against splink, in the same run ----------------------------------------------------
def linkage(n: int, seed: int) -> dict:
    """bench/splink_compare.py's comparison: orderhub's ``reconcile``, then splink on DuckDB, each in a
    fresh process (after the million, so each has the cores to itself) on ``synth(n, seed)``; and the
    table it prints. ``splink_missing`` says why splink's figures are absent."""
    compare = _bench("splink_compare")
    t0 = time.perf_counter()
    ours, peer, missing = compare.compare(n, seed)
    return {"n": n, "seed": seed, "wall_seconds_both": round(time.perf_counter() - t0, 1), "orderhub": ours,
            "splink": peer, "splink_missing": missing, "table": compare.table(ours, peer)}


def summary(million_out: dict | None, link: dict | None) -> list[str]:
    """The figures the issue asks for, as lines: the million's wall, peak RSS, auto rate and precision
    beside orderhub's at the linkage's size, and the linkage table (both engines' wall, RSS, P/R/F1)."""
    lines = []
    if million_out:
        m = million_out
        wall = m.get("wall_seconds_route_read_reconcile", m.get("wall_seconds"))
        rss = (f"{m['peak_rss_mb_worker']} MB a worker, {m['peak_rss_mb_parent']} MB the parent"
               if "peak_rss_mb_worker" in m else f"{m['peak_rss_mb_largest_process']} MB the largest process")
        lines += [f"million: {m['receipts']:,} receipts x {m['invoices']:,} invoices, {m['customers']:,} customers, "
                  f"{m['partitions']} partitions on {m['processes']} processes",
                  f"  wall {wall} s, peak RSS {rss}, auto rate {m['auto_rate']:.2%}, auto precision "
                  f"{(m['auto'] - m['auto_wrong']) / m['auto']:.4%} ({m['auto_wrong']} wrong of {m['auto']:,}), "
                  f"load {m['load_avg_1min']}"]
    if link:
        o = link["orderhub"]
        auto = o["auto_receipts"]
        lines.append(f"orderhub at {o['receipts']:,} on the linkage, same run: auto rate {auto / o['receipts']:.2%}, "
                     f"auto precision {o['auto_receipts_right'] / auto:.4%} ({auto - o['auto_receipts_right']} wrong "
                     f"of {auto:,}; an automatic match is right when it names every invoice paid, as above)")
        if link["splink_missing"]:
            lines.append("!! " + link["splink_missing"])
        lines += link["table"]
    return lines


# -- the million from a store ------------------------------------------------------------------------
#: districts that make each block's customer names its own (block b inserts REGIONS[b] after the city)
REGIONS = ["浦东", "闵行", "宝山", "嘉定", "松江", "青浦", "奉贤", "金山", "崇明", "徐汇", "长宁", "静安", "普陀", "虹口",
           "杨浦", "黄浦", "滨江", "萧山", "余杭", "江宁", "鼓楼", "玄武", "秦淮", "建邺", "栖霞", "雨花", "江北", "海曙"]
_LONG_DIGITS = __import__("re").compile(r"\d{10,}")


def million_block(number: int, size: int):
    """Block ``number`` of the million: bench/reconcile.py's world of ``size`` receipts, invoices and
    size/10 customers, made globally unique: codes ``B07C00042``, names with the block's district after
    the city (上海闵行华源鑫达贸易有限公司, the payers' spellings alike), invoice numbers with the block in
    digits 6-7 (the memos' references rewritten alike: a typo there is lost), transaction ids ``B07T...``."""
    receipts, invoices, customers, truth = _reconcile_bench().synth(size, seed=1000 + number)
    region, tag = REGIONS[number], f"{number:02d}"

    def name(text: str) -> str:
        return text[:2] + region + text[2:]

    def digits(text: str) -> str:
        return _LONG_DIGITS.sub(lambda m: m[0][:5] + tag + m[0][7:], text)

    customers = [c.model_copy(update={"code": f"B{tag}{c.code}", "name": name(c.name)}) for c in customers]
    new_keys = {}
    out_inv = []
    for inv in invoices:
        moved = inv.model_copy(update={"number": digits(inv.number), "buyer_name": name(inv.buyer_name)})
        new_keys[inv.natural_key()] = moved.natural_key()
        out_inv.append(moved)
    out_rec, out_truth = [], {}
    for rec in receipts:
        moved = rec.model_copy(update={"transaction_id": f"B{tag}{rec.transaction_id}", "memo": digits(rec.memo),
                                       "payer_name": name(rec.payer_name)})
        out_rec.append(moved)
        out_truth[moved.natural_key()] = sorted(new_keys[k] for k in truth[rec.natural_key()])
    return out_rec, out_inv, customers, out_truth


def _write_block(args: tuple[int, int]) -> tuple[list[tuple], list[tuple[str, str]]]:
    """One block as store rows (the columns an upsert writes: hub.store.row_columns) and its truth rows."""
    from datetime import UTC, datetime

    from hub.store import row_columns

    number, size = args
    receipts, invoices, customers, truth = million_block(number, size)
    now = datetime.now(UTC)
    stamp = now.strftime("%Y-%m-%d %H:%M:%S.%f")  # how SQLAlchemy keeps a DateTime in SQLite
    rows = []
    for record in [*customers, *invoices, *receipts]:
        c = row_columns(record, now)
        rows.append((record.KIND, record.natural_key(), c["status"], c["party"], c["doc_date"],
                     None if c["amount"] is None else str(c["amount"]), c["currency"], c["fingerprint"],
                     json.dumps(c["payload"], ensure_ascii=False), 1, stamp, stamp))
    return rows, [(k, json.dumps(v)) for k, v in truth.items()]


class _SqliteRows:
    """Rows into a SQLite store's records table: executemany, one transaction a block."""

    def __init__(self, url: str) -> None:
        import sqlite3

        self.path = url.removeprefix("sqlite:///")
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")

    def write(self, rows: list[tuple]) -> None:
        self.db.executemany("INSERT INTO records (kind, key, status, party, doc_date, amount, currency, fingerprint,"
                            " payload, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        self.db.commit()

    def close(self) -> float:
        self.db.close()
        return Path(self.path).stat().st_size / 2**20


class _PostgresRows:
    """Rows into a PostgreSQL store's records table: COPY, one transaction a block, then ANALYZE."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.db = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1))

    def write(self, rows: list[tuple]) -> None:
        with self.db.cursor() as cur, cur.copy(
                "COPY records (kind, key, status, party, doc_date, amount, currency, fingerprint, payload, version,"
                " created_at, updated_at) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        self.db.commit()

    def close(self) -> float:
        self.db.autocommit = True
        self.db.execute("ANALYZE records")
        size = self.db.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        self.db.close()
        return size / 2**20


def write_million(url: str, truth_path: str, total: int, blocks: int, processes: int) -> dict:
    """The million into a fresh store (SQLite, or PostgreSQL for a ``postgresql+psycopg://`` URL): blocks
    generated in ``processes`` processes, their rows inserted in one transaction per block (a bench-only
    first load: executemany or COPY on the records table, no audit events; the upserts' own path reads
    before each write and audits every record). The truth goes to a separate SQLite file."""
    import sqlite3

    from hub.store import Store

    Store(url).engine.dispose()  # the schema, by the store's migrations
    db = _PostgresRows(url) if url.startswith("postgresql") else _SqliteRows(url)
    truth_db = sqlite3.connect(truth_path)
    truth_db.execute("CREATE TABLE truth (receipt TEXT PRIMARY KEY, invoices TEXT)")
    t0 = time.perf_counter()
    stored = 0
    with ProcessPoolExecutor(processes) as pool:
        for rows, truth in pool.map(_write_block, [(b, total // blocks) for b in range(blocks)]):
            db.write(rows)
            truth_db.executemany("INSERT INTO truth VALUES (?, ?)", truth)
            truth_db.commit()
            stored += len(rows)
            print(f"  block written: {stored} records, {time.perf_counter() - t0:.0f} s", flush=True)
    db_mb = db.close()
    seconds = time.perf_counter() - t0
    truth_db.close()
    return {"records_written": stored, "write_seconds": round(seconds, 1), "db_mb": round(db_mb),
            "load_avg_1min": round(os.getloadavg()[0], 1)}


class _TruthCheck:
    """A part's automatic matches against the truth (run in the worker on its matches, by
    matchers.bulk's ``check``): counts, and the digest of the part's decisions."""

    def __init__(self, truth_path: str) -> None:
        self.truth_path = truth_path

    def __call__(self, matches) -> dict:
        import sqlite3

        from matchers.partition import match_digest, rows_of

        rows = rows_of(matches)
        auto = [(key, applied) for key, status, applied in rows if status == "auto"]
        truth_db = sqlite3.connect(self.truth_path)
        ok = 0
        for i in range(0, len(auto), 900):
            batch = auto[i:i + 900]
            truth = dict(truth_db.execute("SELECT receipt, invoices FROM truth WHERE receipt IN "
                                          "(SELECT value FROM json_each(?))", [json.dumps([k for k, _ in batch])]))
            ok += sum(1 for key, applied in batch if sorted(t for t, _ in applied) == json.loads(truth[key]))
        truth_db.close()
        return {"auto": len(auto), "auto_ok": ok, "review": sum(1 for r in rows if r[1] == "review"),
                "digest": match_digest(rows)}


def million_from_store(total: int, parts: int, processes: int, folder: str | None, chunk: int,
                       write_only: bool = False, store_url: str | None = None, split: str = "customers") -> dict:
    """Write the million to a store (timed apart), then reconcile it streaming from the store through the
    library's large path (matchers.bulk.reconcile_store, what ``orderhub reconcile --from-store --large``
    runs, without saving): ``parts`` partitions cut by ``split`` (``customers``: bench/scale.py's routing
    by customer, as before it moved into the library) on ``processes`` processes forked after the split.
    The store is ``million.db`` (SQLite) in ``folder``, or ``store_url`` (PostgreSQL: an empty database,
    written once; the truth in ``folder``)."""
    import tempfile

    from hub.records import Invoice
    from hub.store import Store
    from matchers.bulk import reconcile_store

    tmp = Path(folder or tempfile.mkdtemp(prefix="bench-million-"))
    tmp.mkdir(parents=True, exist_ok=True)
    url, truth_path = store_url or f"sqlite:///{tmp / 'million.db'}", str(tmp / "truth.db")
    out: dict = {"store": url.split("@")[-1]}
    if not Path(truth_path).exists():
        out["write"] = write_million(url, truth_path, total, parts, processes)
    print("written", json.dumps(out), flush=True)
    if write_only:
        return out
    t0, c0 = time.perf_counter(), time.process_time()
    store = Store(url, migrate=False)
    run = reconcile_store(store, workers=processes, parts=parts, split=split, chunk=chunk,  # type: ignore[arg-type]
                          check=_TruthCheck(truth_path), list_max=0,
                          progress=lambda line: print("progress", line, flush=True))
    wall = time.perf_counter() - t0
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    for n, checked in enumerate(run.checks):
        print("part", json.dumps({"part": n, **checked}), flush=True)
    receipts = sum(run.counts.values())
    auto = sum(d["auto"] for d in run.checks)
    ok = sum(d["auto_ok"] for d in run.checks)
    out.update({"split": split, "receipts": receipts, "invoices": store.count(Invoice),
                "customers": len(run.customer_names), "partitions": run.parts, "processes": processes,
                "largest_part": run.largest_part, "seconds": run.seconds,
                "wall_seconds_route_read_reconcile": round(wall, 1),
                "cpu_seconds_parent_and_workers": round(time.process_time() - c0 + kids.ru_utime + kids.ru_stime, 1),
                "peak_rss_mb_worker": run.rss_mb["worker"], "peak_rss_mb_parent": run.rss_mb["parent"],
                "auto_rate": round(auto / receipts, 4), "auto_precision": round(ok / auto, 5) if auto else None,
                "auto": auto, "auto_wrong": auto - ok, "review": run.counts.get("review", 0),
                "load_avg_1min": round(os.getloadavg()[0], 1)})
    store.engine.dispose()
    return out


def ocr(pages_n: int) -> dict:
    import tempfile

    sys.path.insert(0, str(ROOT / "tests" / "flows"))
    from test_ocr_dask import _page  # the test's page maker: noised Chinese/English bank advices

    from extractors.ocr import OcrPool
    from flows.ocr_dask import ocr_on_dask

    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-ocr-"))
    pages = [str(_page(seed, tmp / f"p{seed}")) for seed in range(pages_n)]
    out: dict = {"pages": pages_n}
    with OcrPool(2) as pool:
        pool.map(pages[:2])
        t0 = time.perf_counter()
        pool.map(pages)
        out["pool2_pages_per_s"] = round(pages_n / (time.perf_counter() - t0), 3)
    from distributed import LocalCluster

    for workers in (1, 2):
        # one cluster per size, reached by address: a warm-up run loads each worker's models, then the
        # timed run reads every page on the same workers
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            t0 = time.perf_counter()
            ocr_on_dask(pages[:workers], address=cluster.scheduler_address, batch_size=1)
            out[f"dask{workers}_warmup_seconds"] = round(time.perf_counter() - t0, 1)
            t0 = time.perf_counter()
            ocr_on_dask(pages, address=cluster.scheduler_address, batch_size=2)
            out[f"dask{workers}_pages_per_s"] = round(pages_n / (time.perf_counter() - t0), 3)
    out["dask2_cost_over_pool"] = round(out["pool2_pages_per_s"] / out["dask2_pages_per_s"] - 1, 3)
    return out


def _ingest_worker(args: tuple[str, str, list[list[str]], str, int, float]) -> dict:
    """One process walking every chunk from its own starting chunk, claiming what is free (the claims
    share the work); its wall time, CPU time and how long it waited to start."""
    started = time.time()
    from extractors.ingest import ingest_chunk
    from extractors.pipeline import Options
    from hub.claims import default_owner
    from hub.settings import load_settings
    from hub.store import Store

    url, home, chunks, name, offset, submitted = args
    settings = load_settings(home)
    store = Store(url, settings=settings)
    owner = default_owner(name)
    stored = chunks_done = 0
    t0, cpu0 = time.perf_counter(), time.process_time()
    for chunk in chunks[offset:] + chunks[:offset]:
        result = ingest_chunk(store, chunk, settings, Options(workers=1), owner=owner)
        stored += result.stored
        chunks_done += result.stored > 0
    store.engine.dispose()
    return {"name": name, "stored": stored, "chunks": chunks_done, "start_wait_s": round(started - submitted, 2),
            "work_s": round(time.perf_counter() - t0, 1), "cpu_s": round(time.process_time() - cpu0, 1),
            "session": os.getsid(0)}


def _drop(orders: int, drop: str | None, tmp: Path) -> Path:
    """The digital documents of a generated world (invoices, receipts, packing lists, deliveries)."""
    import shutil

    from fixtures.world import generate_world

    if drop:
        return Path(drop)
    world = generate_world(seed=21, orders=orders, scans=False, out=tmp / "world")
    folder = tmp / "drop"
    for kind in ("invoices", "receipts", "packing_lists", "deliveries"):
        if world.path(f"documents/{kind}").exists():
            shutil.copytree(world.path(f"documents/{kind}"), folder / kind)
    return folder


def ingest(orders: int, pg: str, chunk_size: int, *, rounds: list[int], backend: str, drop: str | None = None,
           own_sessions: bool = True) -> dict:
    """The same digital documents ingested by 1 process and by 2 sharing the work through claims, in the
    order of ``rounds`` (1,2,2,1 interleaves them on a shared machine), each run into a fresh database
    (PostgreSQL at ``pg``, or a SQLite file). Each worker process starts in its own session
    (``own_sessions``) as separate ``orderhub worker`` processes and Prefect's flow-run processes do: with
    the kernel's autogroup scheduling a session, not a process, gets a fair share of a busy machine, so
    two workers in one session get no more CPU than one."""
    import tempfile
    import uuid

    from sqlalchemy import create_engine, text

    from extractors.ingest import plan_ingest
    from hub.records import SourceFile
    from hub.settings import load_settings
    from hub.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-ingest-"))
    folder = _drop(orders, drop, tmp)
    out: dict = {"backend": backend, "files": sum(1 for p in folder.rglob("*") if p.is_file()),
                 "chunk_size": chunk_size, "own_sessions": own_sessions, "runs": []}
    admin = create_engine(pg, isolation_level="AUTOCOMMIT") if backend == "postgresql" else None
    for number, processes in enumerate(rounds):
        name = f"bench_ingest_{uuid.uuid4().hex[:8]}"
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            url = pg.rsplit("/", 1)[0] + f"/{name}"
        else:
            url = f"sqlite:///{tmp / name}.db"
        home = str(tmp / f"home{number}")
        store = Store(url, settings=load_settings(home))
        plan = plan_ingest(store, folder, load_settings(home), chunk_size)
        load_before = os.getloadavg()[0]
        t0 = time.perf_counter()
        with ProcessPoolExecutor(processes, initializer=os.setsid if own_sessions else None) as pool:
            done = list(pool.map(_ingest_worker, [(url, home, plan.chunks, f"p{i}", i * len(plan.chunks) // processes,
                                                   time.time()) for i in range(processes)]))
        wall = time.perf_counter() - t0
        stored = store.count(SourceFile)
        with store.engine.connect() as conn:
            created_twice = conn.execute(text("SELECT count(*) FROM (SELECT kind, key FROM audit_events WHERE "
                                              "action = 'created' GROUP BY kind, key HAVING count(*) > 1) d")).scalar()
        out["runs"].append({"processes": processes, "wall_s": round(wall, 1), "docs_per_s": round(out["files"] / wall, 2),
                            "stored": stored, "created_twice": created_twice,
                            "cpu_s_sum": round(sum(d["cpu_s"] for d in done), 1),
                            "load_1min": [round(load_before, 1), round(os.getloadavg()[0], 1)], "by_process": done})
        print("run", json.dumps(out["runs"][-1]), flush=True)
        store.engine.dispose()
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    walls = {n: [r["wall_s"] for r in out["runs"] if r["processes"] == n] for n in set(rounds)}
    if 1 in walls and 2 in walls:
        out["speedup_2_over_1"] = round(sum(walls[1]) / len(walls[1]) / (sum(walls[2]) / len(walls[2])), 2)
        cpu = {n: [r["cpu_s_sum"] for r in out["runs"] if r["processes"] == n] for n in (1, 2)}
        out["cpu_2_over_1"] = round(sum(cpu[2]) / len(cpu[2]) / (sum(cpu[1]) / len(cpu[1])), 2)
    return out


def prefect_costs(drop: str, chunk_size: int, docs: int, noop_runs: int, worker_runs: int) -> dict:
    """What the Prefect server costs around the same chunks: ``prefect server start`` until healthy; a task
    run and a flow run with nothing in them (in-process, against that server); ``ingest-documents`` over
    ``docs`` documents of ``drop`` in chunks against the bare :func:`extractors.ingest.ingest_folder` on
    the same chunks (fresh SQLite stores, alternating which goes first); and a chunk run through a
    process work pool (``ingest-chunk/pool`` with no files, one ``prefect worker``): submitted to started
    and to finished, i.e. the worker's pick-up and its flow-run subprocess."""
    import shutil
    import subprocess
    import tempfile

    from flows.environment import apply_defaults

    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-prefect-"))
    os.environ["PREFECT_HOME"] = str(tmp / "prefect")
    apply_defaults()
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    sub, warm = tmp / "drop", tmp / "warm"
    for number, path in enumerate(sorted(p for p in Path(drop).rglob("*") if p.is_file())[:docs]):
        for folder in (sub, warm) if number < chunk_size else (sub,):
            (folder / path.parent.name).mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, folder / path.parent.name / path.name)
    from prefect import flow, task
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from extractors.ingest import ingest_folder
    from flows.ingest import ingest_documents_flow
    from flows.pool import deploy_to_pool, ensure_pool, worker_command, worker_env
    from flows.server import ServerPlan, server_env, start_server, stop_server
    from hub.settings import load_settings
    from hub.store import Store

    port = _free_port()
    out: dict = {"docs": docs, "chunk_size": chunk_size, "load_1min_start": round(os.getloadavg()[0], 1)}
    t0 = time.perf_counter()
    server = start_server(port, None, tmp / "server.log")
    out["server_start_s"] = round(time.perf_counter() - t0, 1)
    api = server_env(port, None)["PREFECT_API_URL"]
    os.environ["PREFECT_API_URL"] = api
    worker = None
    try:
        with temporary_settings(updates={PREFECT_API_URL: api}):
            @task
            def nothing(i: int) -> int:
                return i

            @flow
            def tasks_flow(n: int) -> int:
                return sum(nothing(i) for i in range(n))

            @flow
            def empty_flow() -> int:
                return 0

            empty_flow()  # the client's first connection
            t0 = time.perf_counter()
            for _ in range(noop_runs):
                empty_flow()
            out["flow_run_s"] = round((time.perf_counter() - t0) / noop_runs, 3)
            t0 = time.perf_counter()
            tasks_flow(noop_runs * 5)
            out["task_run_s"] = round((time.perf_counter() - t0 - out["flow_run_s"]) / (noop_runs * 5), 3)

            ingest_folder(Store(settings=load_settings(tmp / "warm-home")), warm, load_settings(tmp / "warm-home"),
                          chunk_size=chunk_size)  # one chunk first: extractors loaded, caches warm
            times: dict[str, list[float]] = {"bare": [], "flow": []}
            for number, first in enumerate(("bare", "flow", "flow", "bare")):
                home = tmp / f"home{number}"
                t0 = time.perf_counter()
                if first == "bare":
                    settings = load_settings(home)
                    ingest_folder(Store(settings=settings), sub, settings, chunk_size=chunk_size)
                else:
                    ingest_documents_flow(folder=str(sub), home=str(home), chunk_size=chunk_size, workers=1)
                times[first].append(round(time.perf_counter() - t0, 1))
            out["ingest_bare_s"], out["ingest_flow_s"] = times["bare"], times["flow"]
            out["flow_over_bare"] = round(sum(times["flow"]) / sum(times["bare"]), 3)

            pool = "bench-scale"
            ensure_pool(pool)
            deploy_to_pool(ServerPlan([], {}), pool)
            env = worker_env(api, None, str(tmp / "worker-home"))
            worker = subprocess.Popen(worker_command(pool, "bench-worker"), env=env, stdout=subprocess.DEVNULL,
                                      stderr=open(tmp / "worker.log", "wb"), start_new_session=True)
            from prefect.client.orchestration import get_client
            from prefect.deployments import run_deployment

            waits, runs_s, t0 = [], [], time.perf_counter()
            for _ in range(worker_runs):
                run = run_deployment("ingest-chunk/pool", parameters={"paths": [], "home": str(tmp / "worker-home")},
                                     timeout=600)
                with get_client(sync_client=True) as client:
                    run = client.read_flow_run(run.id)
                waits.append(round((run.start_time - run.created).total_seconds(), 1))
                runs_s.append(round((run.end_time - run.start_time).total_seconds(), 1))
            out["pool_run_total_s"] = round((time.perf_counter() - t0) / worker_runs, 1)
            out["pool_created_to_start_s"], out["pool_start_to_end_s"] = waits, runs_s
            out["pool_states"] = str(run.state.type.value)
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
        stop_server(server)
    out["load_1min_end"] = round(os.getloadavg()[0], 1)
    return out


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state first), or None once the process is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def process_cpu(pid: int) -> tuple[float, float]:
    """CPU seconds (user + system) of process ``pid`` itself and of the children it has reaped (a worker's
    flow-run processes once they ended), from /proc."""
    fields = _stat(pid)
    if fields is None:
        return 0.0, 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    return int(fields[11]) / ticks + int(fields[12]) / ticks, int(fields[13]) / ticks + int(fields[14]) / ticks


def session_cpu(sid: int) -> float:
    """CPU seconds of the live processes of session ``sid`` and of the children they reaped (the Prefect
    server: ``prefect server start`` and its uvicorn process)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        fields = _stat(int(stat.parent.name))
        if fields is not None and int(fields[3]) == sid:
            total += sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return total


def children(pid: int) -> list[int]:
    """The live child processes of ``pid``."""
    return [int(s.parent.name) for s in Path("/proc").glob("[0-9]*/stat")
            if (f := _stat(int(s.parent.name))) is not None and int(f[1]) == pid]


#: what a Prefect worker logs when it takes a flow run from its pool (prefect/workers/base.py)
SUBMITTED = __import__("re").compile(r"submitting flow run '([0-9a-f-]{36})'")


def store_checks(url: str) -> dict:
    """What a fanned-out ingest must not do, read from the store: source files written more than once
    (a SourceFile with two "created"/"updated" audit events), records with two "created" events, files
    claimed again (a lease ran out and another run took the file)."""
    from sqlalchemy import create_engine, text

    from hub.records import SourceFile

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            stored = conn.execute(text("SELECT count(*) FROM records WHERE kind = :k"), {"k": SourceFile.KIND}).scalar()
            stored_twice = conn.execute(text(
                "SELECT count(*) FROM (SELECT key FROM audit_events WHERE kind = :k AND action IN ('created', 'updated') "
                "GROUP BY key HAVING count(*) > 1) d"), {"k": SourceFile.KIND}).scalar()
            created_twice = conn.execute(text(
                "SELECT count(*) FROM (SELECT kind, key FROM audit_events WHERE action = 'created' "
                "GROUP BY kind, key HAVING count(*) > 1) d")).scalar()
            claimed_again = conn.execute(text("SELECT count(*) FROM claims WHERE attempts > 1")).scalar()
            owners = dict(conn.execute(text("SELECT owner, count(*) FROM claims WHERE done_at_ms IS NOT NULL "
                                            "GROUP BY owner")).all())
    finally:
        engine.dispose()
    return {"stored": stored, "stored_twice": stored_twice, "created_twice": created_twice,
            "claimed_again": claimed_again, "done_by_owner": owners}


def _chunk_runs(parent_id) -> tuple[list, dict[str, list[float]]]:
    """The chunk runs (subflows) of the fanned-out ingest run ``parent_id``, and from their state histories
    per run: seconds queued (Scheduled until a worker took it: Pending), starting (Pending to Running: the
    worker's new interpreter importing Prefect and orderhub) and running (Running to Completed)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterParentFlowRunId

    runs, offset = [], 0
    phases: dict[str, list[float]] = {"queued_s": [], "starting_s": [], "running_s": []}
    with get_client(sync_client=True) as client:
        while True:
            page = client.read_flow_runs(flow_run_filter=FlowRunFilter(
                parent_flow_run_id=FlowRunFilterParentFlowRunId(any_=[parent_id])), offset=offset, limit=200)
            runs += page
            offset += len(page)
            if len(page) < 200:
                break
        for run in runs:
            first = {}
            for state in sorted(client.read_flow_run_states(run.id), key=lambda st: st.timestamp):
                first.setdefault(state.type.value, state.timestamp)
            for phase, (a, b) in {"queued_s": ("SCHEDULED", "PENDING"), "starting_s": ("PENDING", "RUNNING"),
                                  "running_s": ("RUNNING", "COMPLETED")}.items():
                if a in first and b in first:
                    phases[phase].append((first[b] - first[a]).total_seconds())
    return runs, phases


def _spread(values: list[float]) -> list[float] | None:
    """Least, median and largest, rounded."""
    values = sorted(values)
    return [round(values[0], 1), round(values[len(values) // 2], 1), round(values[-1], 1)] if values else None


def _wait_online(pool: str, names: list[str], procs: list, timeout: float = 180) -> float:
    """Seconds until every worker of ``names`` is ONLINE in the pool (each worker process still alive)."""
    from prefect.client.orchestration import get_client

    t0 = time.perf_counter()
    with get_client(sync_client=True) as client:
        while time.perf_counter() - t0 < timeout:
            for proc, log in procs:
                if proc.poll() is not None:
                    raise SystemExit(f"worker exited with {proc.returncode}: {log.read_text()[-2000:]}")
            online = {w.name for w in client.read_workers_for_work_pool(pool) if str(w.status.value) == "ONLINE"}
            if set(names) <= online:
                return round(time.perf_counter() - t0, 1)
            time.sleep(0.5)
    raise SystemExit(f"workers {names} not online in pool {pool!r} within {timeout:.0f} s")


def _pool_round(number: int, workers: int, *, pg: str, pool: str, deployment: str, api: str, folder: Path, tmp: Path,
                chunk_size: int, server_pid: int, lease_seconds: float | None, query_seconds: float | None) -> dict:
    """One round: a fresh store database, ``workers`` ``prefect worker --limit 1`` processes (each its own
    session, started and ONLINE before the clock starts), the fanned-out ``ingest-documents`` run from this
    process, then the checks; the workers stopped and the database dropped after."""
    import signal
    import subprocess
    import uuid
    from collections import Counter

    from sqlalchemy import create_engine, text

    from flows.ingest import ingest_documents_flow
    from flows.pool import worker_command, worker_env
    from hub.settings import load_settings
    from hub.store import Store

    name = f"bench_pool_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = pg.rsplit("/", 1)[0] + f"/{name}"
    home = tmp / f"home{number}"
    Store(url, settings=load_settings(home)).engine.dispose()  # migrated before any worker writes
    env = worker_env(api, url, str(home)) | {"PREFECT_LOGGING_LEVEL": "INFO"}
    if query_seconds:
        env["PREFECT_WORKER_QUERY_SECONDS"] = str(query_seconds)
    names = [f"r{number + 1}-w{i + 1}" for i in range(workers)]
    procs = []
    try:
        for wname in names:
            log = tmp / f"{wname}.log"
            with log.open("wb") as out:  # the worker holds its own handle
                procs.append((subprocess.Popen(worker_command(pool, wname, limit=1), env=env, stdout=out,
                                               stderr=subprocess.STDOUT, start_new_session=True), log))
        online_s = _wait_online(pool, names, procs)
        os.environ["ORDERHUB_DATABASE_URL"] = url  # the parent run's store
        load_before, server0, cpu0 = os.getloadavg()[0], session_cpu(server_pid), time.process_time()
        t0 = time.perf_counter()
        state = ingest_documents_flow(folder=str(folder), home=str(home), chunk_size=chunk_size,
                                      fan_out=deployment, return_state=True,
                                      **({"lease_seconds": lease_seconds} if lease_seconds else {}))
        wall = time.perf_counter() - t0
        parent_cpu, server_cpu = time.process_time() - cpu0, session_cpu(server_pid) - server0
        summary = state.result()
        runs, phases = _chunk_runs(state.state_details.flow_run_id)
        for proc, _ in procs:  # the last flow-run processes reaped, so their CPU is their worker's
            deadline = time.monotonic() + 30
            while children(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.2)
        by_worker = []
        checks = store_checks(url)
        for wname, (proc, log) in zip(names, procs, strict=True):
            own, flow_runs = process_cpu(proc.pid)
            taken = set(SUBMITTED.findall(log.read_text(errors="replace")))
            by_worker.append({"name": wname, "chunk_runs": len(taken & {str(r.id) for r in runs}),
                              "docs": sum(n for owner, n in checks["done_by_owner"].items()
                                          if any(owner.endswith(t) for t in taken)),
                              "worker_cpu_s": round(own, 1), "flow_runs_cpu_s": round(flow_runs, 1)})
    finally:
        for proc, _ in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc, _ in procs:  # an idle worker takes a minute to stop on SIGTERM; nothing of it is needed
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    checks.pop("done_by_owner")
    return {"workers": workers, "wall_s": round(wall, 1), "docs_per_s": round(summary.files / wall, 2),
            "files": summary.files, **checks, "quarantined": len(summary.result.quarantined),
            "chunks": summary.chunks, "chunk_runs": len(runs),
            "chunk_run_states": dict(Counter(r.state.type.value if r.state else "NONE" for r in runs)),
            "resubmitted": summary.result.taken_elsewhere,
            **{phase: _spread(values) for phase, values in phases.items()},
            "starting_s_sum": round(sum(phases["starting_s"]), 1), "running_s_sum": round(sum(phases["running_s"]), 1),
            "workers_online_s": online_s, "parent_cpu_s": round(parent_cpu, 1), "server_cpu_s": round(server_cpu, 1),
            "flow_runs_cpu_s_sum": round(sum(w["flow_runs_cpu_s"] for w in by_worker), 1),
            "load_1min": [round(load_before, 1), round(os.getloadavg()[0], 1)], "by_worker": by_worker}


def _means_ratio(runs: list[dict], key: str, field: str = "wall_s") -> float | None:
    """Mean ``field`` of the runs with ``key`` 1 over that of the runs with ``key`` 2."""
    by = {n: [r[field] for r in runs if r[key] == n] for n in (1, 2)}
    if not by[1] or not by[2]:
        return None
    return round(sum(by[1]) / len(by[1]) / (sum(by[2]) / len(by[2])), 2)


def pool_ingest(orders: int, pg: str, chunk_size: int, *, rounds: list[int], bare_rounds: list[int],
                drop: str | None = None, lease_seconds: float | None = None,
                query_seconds: float | None = None) -> dict:
    """The same digital documents through Prefect's process work pool: a Prefect server on PostgreSQL, the
    ``ingest-chunk/pool`` deployment, and per round (``rounds``: worker counts, in order) that many
    ``prefect worker --limit 1`` processes (``orderhub worker``'s command: one flow run at a time, one
    worker standing for one machine's core) taking the chunk runs of a fanned-out ``ingest-documents``,
    each round into a fresh store database. First (``bare_rounds``) the same folder and chunks through
    :func:`ingest` (``ingest_chunk`` in 1 and 2 forked processes, no Prefect), so the Prefect cost is a
    ratio within one run."""
    import tempfile
    import uuid

    from sqlalchemy import create_engine, text

    from flows.environment import apply_defaults

    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-pool-"))
    folder = _drop(orders, drop, tmp)
    files = sum(1 for p in folder.rglob("*") if p.is_file())
    out: dict = {"drop": str(folder), "files": files, "chunk_size": chunk_size, "chunks": -(-files // chunk_size),
                 "worker_limit": 1,
                 "query_seconds": query_seconds or "prefect default", "rounds": rounds, "bare_rounds": bare_rounds,
                 "load_1min_start": round(os.getloadavg()[0], 1)}
    if bare_rounds:
        bare = ingest(orders, pg, chunk_size, rounds=bare_rounds, backend="postgresql", drop=str(folder))
        out["bare"] = [{k: r[k] for k in ("processes", "wall_s", "docs_per_s", "stored", "created_twice", "cpu_s_sum",
                                          "load_1min")} for r in bare["runs"]]
        print("bare", json.dumps(out["bare"]), flush=True)
    os.environ["PREFECT_HOME"] = str(tmp / "prefect")
    apply_defaults()
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")  # this process; the workers log at INFO
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.pool import deploy_to_pool, ensure_pool
    from flows.server import ServerPlan, start_server, stop_server

    prefect_db = f"bench_pool_prefect_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{prefect_db}"'))
    port, pool = _free_port(), "bench-pool"
    api = f"http://127.0.0.1:{port}/api"
    server = None
    try:
        t0 = time.perf_counter()
        server = start_server(port, (pg.rsplit("/", 1)[0] + f"/{prefect_db}").replace("+psycopg", "+asyncpg"),
                              tmp / "server.log")
        out["server_start_s"] = round(time.perf_counter() - t0, 1)
        os.environ["PREFECT_API_URL"] = api
        with temporary_settings(updates={PREFECT_API_URL: api}):
            ensure_pool(pool)
            deployment = deploy_to_pool(ServerPlan([], {}), pool)[-1]  # ingest-chunk/pool
            out["runs"] = []
            for number, workers in enumerate(rounds):
                out["runs"].append(_pool_round(number, workers, pg=pg, pool=pool, deployment=deployment, api=api,
                                               folder=folder, tmp=tmp,
                                               chunk_size=chunk_size, server_pid=server.pid,
                                               lease_seconds=lease_seconds, query_seconds=query_seconds))
                print("run", json.dumps(out["runs"][-1]), flush=True)
    finally:
        if server is not None:
            stop_server(server)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{prefect_db}" WITH (FORCE)'))
        admin.dispose()
    runs = out["runs"]
    out["speedup_2_over_1"] = _means_ratio(runs, "workers")
    pairs = [sorted((a, b), key=lambda r: r["workers"]) for a, b in zip(runs[::2], runs[1::2], strict=False)]
    out["speedup_by_pair"] = [round(one["wall_s"] / two["wall_s"], 2) for one, two in pairs
                              if (one["workers"], two["workers"]) == (1, 2)]
    if bare_rounds:
        for n in (1, 2):
            pool_walls = [r["wall_s"] for r in runs if r["workers"] == n]
            bare_walls = [r["wall_s"] for r in out["bare"] if r["processes"] == n]
            if pool_walls and bare_walls:
                out[f"pool_over_bare_{n}"] = round(sum(pool_walls) / len(pool_walls) /
                                                   (sum(bare_walls) / len(bare_walls)), 2)
    out["load_1min_end"] = round(os.getloadavg()[0], 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["reconcile", "ocr", "ingest", "prefect", "pool"])
    ap.add_argument("--docs", type=int, default=500, help="prefect: documents of --drop ingested both ways")
    ap.add_argument("--noop-runs", type=int, default=20, help="prefect: empty flow runs (and 5x as many tasks)")
    ap.add_argument("--worker-runs", type=int, default=4, help="prefect: empty chunk runs through a work pool")
    ap.add_argument("--orders", type=int, default=800, help="ingest: world size (about 2,000 documents)")
    ap.add_argument("--chunk-size", type=int, default=None, help="documents a chunk (default 50; pool: 200)")
    ap.add_argument("--rounds", default="1,2,2,1", help="ingest: process counts, pool: worker counts, in order")
    ap.add_argument("--bare-rounds", default="1,2",
                    help="pool: process counts of the same ingest without Prefect first ('' for none)")
    ap.add_argument("--lease-seconds", type=float, default=None, help="pool: the chunk runs' claim lease")
    ap.add_argument("--query-seconds", type=float, default=None,
                    help="pool: PREFECT_WORKER_QUERY_SECONDS of the workers (default Prefect's, 10 s)")
    ap.add_argument("--backend", choices=["postgresql", "sqlite"], default="postgresql")
    ap.add_argument("--drop", help="ingest: a folder of documents to use instead of generating a world")
    ap.add_argument("--same-session", action="store_true",
                    help="ingest: keep the worker processes in this session (one autogroup share between them)")
    ap.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:54329/postgres",
                    help="ingest: a PostgreSQL server URL (scripts/postgres.sh prints one)")
    ap.add_argument("--compare-size", type=int, default=10_000)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--million", type=int, default=1_000_000)
    ap.add_argument("--million-parts", type=int, default=20)
    ap.add_argument("--skip-compare", action="store_true")
    ap.add_argument("--skip-million", action="store_true",
                    help="reconcile: the 10k comparison only (no million, no linkage)")
    ap.add_argument("--linkage", type=int, default=100_000,
                    help="reconcile: receipts of the receipt-to-invoice linkage that orderhub and splink on DuckDB "
                         "run after the million, in the same run (bench/splink_compare.py's; 0: not run)")
    ap.add_argument("--linkage-seed", type=int, default=1)
    ap.add_argument("--from-store", action="store_true",
                    help="reconcile: write the million to a SQLite store first (timed apart), then stream from it")
    ap.add_argument("--store-dir", default=None, help="--from-store: folder of million.db (reused when there)")
    ap.add_argument("--write-only", action="store_true", help="--from-store: only write the store")
    ap.add_argument("--chunk-size-rows", type=int, default=5000, help="--from-store: rows per fetchmany")
    ap.add_argument("--store-url", default=None,
                    help="--from-store: the store's database (an empty PostgreSQL database, written by COPY; "
                         "default: SQLite million.db in --store-dir, which then holds only the truth)")
    ap.add_argument("--split", choices=["customers", "evidence"], default="customers",
                    help="--from-store: how matchers.bulk cuts the million (customers: by customer, bounded memory; "
                         "evidence: the single pass's result, one part where the evidence joins everything)")
    ap.add_argument("--pages", type=int, default=12)
    args = ap.parse_args()
    if args.chunk_size is None:
        args.chunk_size = 200 if args.what == "pool" else 50
    if args.what == "reconcile":
        t0 = time.perf_counter()
        if not args.skip_compare:
            print("compare", json.dumps(compare_10k(args.compare_size, args.partitions, args.processes)), flush=True)
        if args.skip_million:
            return
        if args.from_store:
            big = million_from_store(args.million, args.million_parts, args.processes, args.store_dir,
                                     args.chunk_size_rows, args.write_only, args.store_url, args.split)
            print("million_from_store", json.dumps(big), flush=True)
            if args.write_only:
                return
        else:
            big = million(args.million, args.million_parts, args.processes)
            print("million", json.dumps(big), flush=True)
        link = None
        if args.linkage:
            link = linkage(args.linkage, args.linkage_seed)
            print("linkage", json.dumps({k: v for k, v in link.items() if k != "table"}), flush=True)
            if link["splink_missing"]:
                print(link["splink_missing"], file=sys.stderr)
        print("\n".join(summary(big, link)))
        print(f"whole command: {time.perf_counter() - t0:.1f} s", flush=True)
    elif args.what == "prefect":
        if not args.drop:
            raise SystemExit("prefect: give --drop DIR (the documents of an ingest run)")
        print("prefect", json.dumps(prefect_costs(args.drop, args.chunk_size, args.docs, args.noop_runs,
                                                  args.worker_runs)), flush=True)
    elif args.what == "pool":
        print("pool", json.dumps(pool_ingest(
            args.orders, args.pg, args.chunk_size, drop=args.drop, rounds=[int(n) for n in args.rounds.split(",")],
            bare_rounds=[int(n) for n in args.bare_rounds.split(",") if n], lease_seconds=args.lease_seconds,
            query_seconds=args.query_seconds)), flush=True)
    elif args.what == "ingest":
        print("ingest", json.dumps(ingest(args.orders, args.pg, args.chunk_size, backend=args.backend, drop=args.drop,
                                          rounds=[int(n) for n in args.rounds.split(",")],
                                          own_sessions=not args.same_session)), flush=True)
    else:
        print("ocr", json.dumps(ocr(args.pages)), flush=True)


if __name__ == "__main__":
    main()
