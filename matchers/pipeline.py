"""The single pass over a large store (``reconcile_store(split="single")``, ``orderhub reconcile --from-store
--large --split single``): every payment decided in this process against every open item, as the evidence
split's one part decides them when it joins everything (the exact answer, by definition), with no union-find
and no worker holding a copy of the world; the second core saves.

A writer process (:class:`Writer`, forked before the world is read, so it holds none of it) takes the
decided matches in batches of :data:`matchers.bulk.SAVE_ROWS` (each batch one pickled ``bytes`` on a bounded
queue) and saves them (:func:`matchers.bulk.save_matches`: upserts, idempotent), writes their ``--json`` lines
(runs sorted by payment key, merged at the end), takes their fingerprints and runs the bench's truth check,
while the matcher goes on. A payment whose decision posts (``auto`` under the default profile) is never looked
at again (:func:`matchers.cash._decide_all`'s rule), so its match is sent as soon as it is decided and its
proposals are dropped; the others are sent after the looking again.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import queue
import resource
import time
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hub.records import Match
from hub.store import Store
from matchers.cash import POSTED, CashMatcher, Payment, Proposal, _decide_all, _gc_paused, _to_match

if TYPE_CHECKING:
    from matchers.bulk import PartOutcome, _World

#: batches waiting for the writer (what the matcher runs ahead, held in this process: about 2,000 matches,
#: 3 MB pickled, a batch)
QUEUE_BATCHES = 8
#: ``--json`` lines the writer sorts in memory before writing them as one run (merged at the end)
RUN_LINES = 50_000


def _rss_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _rss_now_mb() -> int:
    """This process's resident memory now (Linux; 0 elsewhere)."""
    try:
        return round(int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 2**20)
    except (OSError, ValueError, IndexError):
        return 0


@dataclass
class WriterOutcome:
    """What the writer did: saved (new or changed, unchanged), the matches' fingerprints, the truth checks
    (one a batch), the ``--json`` run files, its CPU and peak RSS."""

    saved_new: int = 0
    saved_unchanged: int = 0
    fingerprints: list[tuple[str, str]] = field(default_factory=list)
    checks: list[dict[str, Any]] = field(default_factory=list)
    runs: list[Path] = field(default_factory=list)
    matches: int = 0
    cpu_seconds: float = 0.0
    rss_mb: int = 0
    error: str = ""


class _Lines(list):
    """The ``lines`` sink :func:`matchers.bulk.save_matches` writes to (``writelines``), kept in memory."""

    def writelines(self, lines: Any) -> None:
        self.extend(lines)


def _write_run(folder: Path, number: int, lines: list[str]) -> Path:
    path = folder / f"single-{number:05d}.tsv"
    lines.sort(key=lambda line: line.split("\t", 1)[0])
    with path.open("w", encoding="utf-8") as fh:
        fh.writelines(lines)
    return path


def _writer_main(*args: Any) -> None:
    """The writer process (:func:`_write_batches`); with ``ORDERHUB_WRITER_PROFILE=FILE`` under cProfile,
    its statistics dumped to FILE (a bench's profile of the save)."""
    out = os.environ.get("ORDERHUB_WRITER_PROFILE")
    if not out:
        _write_batches(*args)
        return
    import cProfile

    prof = cProfile.Profile()
    prof.runcall(_write_batches, *args)
    prof.dump_stats(out)


def _write_batches(jobs: Any, results: Any, url: str, actor: str, save: bool, fingerprints: bool,
                   check: Callable[[list[Match]], dict[str, Any]] | None) -> None:
    """The writer process: the ``--json`` folder (or None) first, then batches of pickled matches until
    ``None``; then its :class:`WriterOutcome`."""
    from matchers.bulk import fingerprint, save_matches

    gc.freeze()  # what the fork brought along is never walked (the collector stays on: the store's
    # objects make cycles)
    c0 = time.process_time()
    done = WriterOutcome()
    lines = _Lines()
    try:
        store = Store(url, migrate=False) if save else None
        if store is not None:
            store.bulk_session()
        json_dir: Path | None = pickle.loads(jobs.get())
        while (blob := jobs.get()) is not None:
            batch: list[Match] = pickle.loads(blob)
            done.matches += len(batch)
            if check is not None:
                done.checks.append(check(batch))
            if fingerprints:
                done.fingerprints += [(m.payment_key, fingerprint(m)) for m in batch]
            sink = lines if json_dir is not None else None
            if store is not None:
                new, unchanged = save_matches(store, batch, actor, lines=sink,  # type: ignore[arg-type]
                                               dispose=False)
                done.saved_new += new
                done.saved_unchanged += unchanged
            elif sink is not None:
                from matchers.bulk import json_line

                sink.extend(f"{m.payment_key}\t{json_line(m)}\n" for m in batch)
            if json_dir is not None and len(lines) >= RUN_LINES:
                done.runs.append(_write_run(json_dir, len(done.runs), lines))
                lines = _Lines()
        if json_dir is not None and lines:
            done.runs.append(_write_run(json_dir, len(done.runs), lines))
        if store is not None:
            store.engine.dispose()
    except BaseException as exc:  # said to the parent, which raises it
        done.error = f"{type(exc).__name__}: {exc}"
        while jobs.get() is not None:  # let the parent finish sending (None ends)
            pass
    done.cpu_seconds = round(time.process_time() - c0, 1)
    done.rss_mb = _rss_mb()
    results.put(pickle.dumps(done, protocol=pickle.HIGHEST_PROTOCOL))


def _stop(process: Any) -> None:
    if process.is_alive():
        process.kill()
        process.join()


class Writer:
    """The writer process and its queue; :meth:`send` a batch of matches, :meth:`close` for its outcome.
    Start it before the world is read (it is forked: it should inherit little)."""

    def __init__(self, url: str, *, actor: str, save: bool, fingerprints: bool,
                 check: Callable[[list[Match]], dict[str, Any]] | None) -> None:
        ctx = multiprocessing.get_context("fork")
        self.jobs = ctx.Queue(QUEUE_BATCHES)
        self.results = ctx.Queue()
        self.process = ctx.Process(target=_writer_main, name="orderhub-writer", daemon=True,
                                   args=(self.jobs, self.results, url, actor, save, fingerprints, check))
        self.process.start()
        # a run that fails before it hands over (reading the world) leaves no writer behind waiting
        weakref.finalize(self, _stop, self.process)
        self._folder_sent = False
        self.sent = 0
        self.send_seconds = 0.0  # this process's time pickling and waiting on a full queue

    def folder(self, json_dir: Path | None) -> None:
        """Where the writer puts its ``--json`` runs (once, before any batch; none: no lines)."""
        self._put(pickle.dumps(json_dir))
        self._folder_sent = True

    def send(self, matches: list[Match]) -> None:
        if not matches:
            return
        if not self._folder_sent:
            self.folder(None)
        t0 = time.perf_counter()
        self._put(pickle.dumps(matches, protocol=pickle.HIGHEST_PROTOCOL))
        self.sent += len(matches)
        self.send_seconds += time.perf_counter() - t0

    def _put(self, blob: bytes | None) -> None:
        while True:
            try:
                self.jobs.put(blob, timeout=5)
                return
            except queue.Full:
                if not self.process.is_alive():
                    raise RuntimeError("the writer process ended early (nothing more is saved)") from None

    def close(self) -> WriterOutcome:
        if not self._folder_sent:
            self.folder(None)
        self._put(None)
        done: WriterOutcome = pickle.loads(self.results.get())
        self.process.join()
        if done.error:
            raise RuntimeError(f"the writer process failed: {done.error}")
        return done

    def abort(self) -> None:
        _stop(self.process)


class _Sender:
    """Matches as they are decided, sent to the writer :data:`matchers.bulk.SAVE_ROWS` at a time; counts by
    status and the matches a person sees (review and unmatched; every match when ``keep_all``)."""

    def __init__(self, writer: Writer, batch: int, keep_all: bool, profile: Any) -> None:
        self.writer = writer
        self.batch = batch
        self.keep_all = keep_all
        self.profile = profile
        self.pending: list[Match] = []
        self.counts: Counter[str] = Counter()
        self.shown: list[Match] = []
        self.build_seconds = 0.0
        self.matcher: CashMatcher | None = None  # its memo cache let go of each payment handed over

    def add(self, pay: Payment, status: str, ranked: list[Proposal]) -> None:
        t0 = time.perf_counter()
        match = _to_match(pay, status, ranked, self.profile)
        self.build_seconds += time.perf_counter() - t0
        self.counts[status] += 1
        if self.matcher is not None:
            self.matcher.forget(pay)
        if self.keep_all or status not in ("auto", "confirmed"):
            self.shown.append(match)
        self.pending.append(match)
        if len(self.pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        self.writer.send(self.pending)
        self.pending = []


def decide_single(world: _World, writer: Writer, progress: Callable[[str], None]) -> tuple[PartOutcome, WriterOutcome]:
    """Every payment of ``world`` decided in this process against every open item (the items are the
    world's own: the matcher takes money off them), the matches sent to ``writer`` as decided; the one
    part's outcome, with what the writer did."""
    from matchers.bulk import SAVE_ROWS, PartOutcome, _info

    t0, c0 = time.perf_counter(), time.process_time()
    profile = world.profile
    posted = tuple(dict.fromkeys(POSTED + profile.auto_post))
    pays, items = world.pays, world.items
    sender = _Sender(writer, SAVE_ROWS, world.keep_all, profile)
    rss = [_rss_now_mb()]
    with _gc_paused():
        matcher = sender.matcher = CashMatcher(items, world.cix, profile)
        t_index = time.perf_counter() - t0
        rss.append(_rss_now_mb())
        decided, by_key = _decide_all(matcher, pays, posted, emit=sender.add)
        t_decide = time.perf_counter() - t0 - t_index
        rss.append(_rss_now_mb())
        # the rest: not posting, or posting only when looked at again (those still hold their proposals)
        for key in sorted(k for k, (status, ranked, _v) in decided.items() if ranked or status not in posted):
            status, ranked, _ = decided[key]
            sender.add(by_key[key], status, ranked)
        sender.flush()
        new_amounts = set(matcher.new_amounts)
        del decided, by_key, matcher
        keys = {m.payment_key for m in sender.shown}
        infos = {p.key: _info(p) for p in pays if p.key in keys}
        still_open = [i for i in items if i.due > 0]
        open_count = len(still_open)
        del still_open[world.keep_open:]
    cpu = time.process_time() - c0
    wall = time.perf_counter() - t0
    progress(f"decided {len(pays):,} payments in this process ({wall:.1f} s, {cpu:.1f} CPU-s: indexes "
             f"{t_index:.1f} s, deciding {t_decide:.1f} s of which building matches {sender.build_seconds:.1f} s "
             f"and handing them to the writer {writer.send_seconds:.1f} s; RSS {rss[0]:,} MB with the world read, "
             f"{rss[1]:,} MB with the matcher's indexes, {rss[2]:,} MB decided); waiting for the writer")
    t1 = time.perf_counter()
    done = writer.close()
    progress(f"writer: {done.matches:,} matches, saved {done.saved_new:,} new or changed, {done.saved_unchanged:,} "
             f"unchanged ({done.cpu_seconds} CPU-s, {done.rss_mb} MB; {time.perf_counter() - t1:.1f} s after "
             "the matcher)")
    outcome = PartOutcome(0, len(pays), len(items), dict(sender.counts), sorted(sender.shown,
                          key=lambda m: m.payment_key), infos, still_open, open_count,
                          new_amounts, done.fingerprints)
    outcome.checked = _sum_checks(done.checks)
    outcome.saved_new, outcome.saved_unchanged = done.saved_new, done.saved_unchanged
    outcome.seconds = round(time.perf_counter() - t0, 1)
    outcome.cpu_seconds = round(cpu, 1)
    outcome.rss_mb = _rss_mb()
    return outcome, done


def _sum_checks(checks: list[dict[str, Any]]) -> dict[str, Any]:
    """The writer's per-batch truth checks as one: numbers summed, the rest listed."""
    out: dict[str, Any] = {}
    for c in checks:
        for k, v in c.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                out[k] = out.get(k, 0) + v
            else:
                out.setdefault(k, []).append(v)
    return out
