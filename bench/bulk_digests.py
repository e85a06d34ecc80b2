"""The large path's digests on a copy of a bench/scale.py store (issue 16, branch speed5): ``reconcile_store`` with the
customer split on WORK_DIR/orderhub.db (copied from WORLD_DIR/million.db), then sha256 digests of every match
proposed, of the stored match rows and their audit events and of the ``--json`` lines (each with ``decided_at``
left out), to show a change to the save path or the matcher leaves every result as it was.

    python bench/bulk_digests.py WORLD_DIR WORK_DIR [--save] [--json] [--workers N] [--profile OUT.prof]
        [--split customers|evidence|single] [--parts N]

(WORLD_DIR from ``bench/scale.py reconcile --skip-compare --from-store --write-only --million N --store-dir DIR``.)
"""
import argparse
import cProfile
import hashlib
import json
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ap = argparse.ArgumentParser()
ap.add_argument("world")
ap.add_argument("work")
ap.add_argument("--save", action="store_true")
ap.add_argument("--json", action="store_true")
ap.add_argument("--workers", type=int, default=1)
ap.add_argument("--profile")
ap.add_argument("--split", default="customers")
ap.add_argument("--parts", type=int, default=None)
args = ap.parse_args()

work = Path(args.work)
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
db = work / "orderhub.db"
shutil.copy(Path(args.world) / "million.db", db)

import hub  # noqa: E402
from hub.store import Store  # noqa: E402
from matchers.bulk import digest, reconcile_store  # noqa: E402

store = Store(f"sqlite:///{db}", migrate=False)
json_out = work / "matches.jsonl" if args.json else None
prof = cProfile.Profile() if args.profile else None
t0, c0 = time.perf_counter(), time.process_time()
if prof:
    prof.enable()
run = reconcile_store(store, workers=args.workers, split=args.split, parts=args.parts, fingerprints=True, save=args.save,
                      list_max=0, json_out=json_out, progress=lambda line: print(line, file=sys.stderr, flush=True))
if prof:
    prof.disable()
    prof.dump_stats(args.profile)
wall = time.perf_counter() - t0
out = {"wall": round(wall, 1), "cpu_parent": round(time.process_time() - c0, 1), "seconds": run.seconds,
       "counts": dict(run.counts), "rss": run.rss_mb, "match_digest": digest(run.fingerprints)}
store.engine.dispose()
if args.save:
    con = sqlite3.connect(db)
    h = hashlib.sha256()
    n = 0
    for key, payload in con.execute("SELECT key, payload FROM records WHERE kind='match' ORDER BY key"):
        p = json.loads(payload)
        p.pop("decided_at", None)
        h.update(f"{key}\t{json.dumps(p, sort_keys=True, ensure_ascii=False)}\n".encode())
        n += 1
    out["stored"] = n
    out["stored_digest"] = h.hexdigest()
    h = hashlib.sha256()
    ev = 0
    for kind, key, action, after, note, actor in con.execute(
            "SELECT kind, key, action, after, note, actor FROM audit_events WHERE kind='match' ORDER BY key, id"):
        p = json.loads(after) if after else None
        if isinstance(p, dict):
            p.pop("decided_at", None)
        h.update(f"{kind}\t{key}\t{action}\t{json.dumps(p, sort_keys=True, ensure_ascii=False)}\t{note}\t{actor}\n"
                 .encode())
        ev += 1
    out["audit_events"] = ev
    out["audit_digest"] = h.hexdigest()
    con.close()
if json_out:
    h = hashlib.sha256()
    n = 0
    with json_out.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            obj["record"].pop("decided_at", None)
            h.update((json.dumps(obj, sort_keys=True, ensure_ascii=False) + "\n").encode())
            n += 1
    out["json_lines"] = n
    out["json_digest"] = h.hexdigest()
out["hub"] = hub.__file__  # which code ran (PYTHONPATH)
print(json.dumps(out))
