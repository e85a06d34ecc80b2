"""The customer split's parts decided in windows of the single pass's order (optimistic parallel simulation).

The single pass (:func:`matchers.cash._decide_all`) decides every payment at a *time*: (round of looking
again, the payment's place in its order ``(-prescore, value date, key)``). A part of the customer split
holds its own customers' items and the other customers' items its payments may look at (shared items). A
window is a span of that time. Every part decides its payments of the window against its items as they
stood at the window's start, plus its own postings and the other parts' postings it knows of, each applied
at its time. At the window's end the parts exchange what they posted there. A part that read an item, a
customer's open items or an amount after another part's posting changed it *in that window* undoes the
window (an undo log, no copy) and decides it again with those postings replayed at their times; a part whose
changed postings it never read after their time takes them in place (:meth:`PartClock.fix`). This repeats
until no part has to decide again, and the window is kept. A part never runs from the start again: the work
is one pass plus the windows redone.

Exactness rests on what a decision reads: the items in its pool (memo hits, the payer's customers' first
items, the first :data:`matchers.cash.EQUAL_AMOUNT_POOL` items open for its amount), the open items of the
customers it looks up (``_live``), the list of items open for its amount, and, when it looks again, the
versions of its proposals' items. Each is stamped with its time. The list of items open for an amount keeps
the single pass's order: every entry carries the time it was appended.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from matchers.cash import CashMatcher, OpenItem, Payment, Proposal, _decide, q

#: a time before every payment's (``()`` sorts before any tuple), and one after (rounds are 0-5)
BEFORE: tuple = ()
AFTER: tuple = (99,)
#: (time, item position in the world, due after): one posting
Event = tuple[tuple, int, Decimal]


class TimedMatcher(CashMatcher):
    """A part's matcher that stamps what it reads and posts with the time being decided (``now``), logs
    every change of its state so a window can be undone, and keeps, beside each list of items open for an
    amount, the time each entry was appended."""

    def __init__(self, items: list[OpenItem], *args: Any, **kwargs: Any) -> None:
        super().__init__(items, *args, **kwargs)
        self.now: tuple = BEFORE
        self.undo: list[tuple] = []
        self.stamps: dict[tuple[str, Decimal], list[tuple]] = {k: [BEFORE] * len(v) for k, v in self.by_amount.items()}
        self.first: dict[int, tuple[Decimal, int]] = {}  # an item's (due, version) at the window's start
        # when this window read each item, each customer's open items, each amount's list (in time order)
        self.item_reads: dict[int, list[tuple]] = defaultdict(list)
        self.customer_reads: dict[str, list[tuple]] = defaultdict(list)
        self.amount_reads: dict[tuple[str, Decimal], list[tuple]] = defaultdict(list)
        self.codes: list[str] = []  # the customers the payment being decided looked up
        self.ever: set[int] = set()  # every item any payment read, and every customer looked up (figures)
        self.ever_codes: set[str] = set()
        self.events: list[tuple[tuple, int, Decimal]] = []  # this window's own postings (local item idx)

    # -- the undo log ------------------------------------------------------------------------------------
    def keep(self, item: OpenItem) -> None:
        self.first.setdefault(item.idx, (item.due, item.version))
        self.undo.append(("item", item, item.due, item.version))

    def insert(self, key: tuple[str, Decimal], idx: int, when: tuple) -> int:
        stamps = self.stamps.setdefault(key, [])
        at = bisect.bisect_right(stamps, when)
        stamps.insert(at, when)
        self.by_amount[key].insert(at, idx)
        self.undo.append(("amount", key, at))
        return at

    def remove(self, key: tuple[str, Decimal], idx: int, when: tuple) -> None:
        stamps, idxs = self.stamps[key], self.by_amount[key]
        at = next(n for n in range(bisect.bisect_left(stamps, when), len(stamps)) if idxs[n] == idx)
        del stamps[at], idxs[at]
        self.undo.append(("removed", key, at, idx, when))

    def rollback(self) -> None:
        """Back to the window's start."""
        for entry in reversed(self.undo):
            if entry[0] == "item":
                entry[1].due, entry[1].version = entry[2], entry[3]
            elif entry[0] == "amount":
                del self.stamps[entry[1]][entry[2]], self.by_amount[entry[1]][entry[2]]
            elif entry[0] == "removed":
                self.stamps[entry[1]].insert(entry[2], entry[4])
                self.by_amount[entry[1]].insert(entry[2], entry[3])
            elif entry[0] == "customer":
                if entry[2] is None:
                    self._open_by_customer.pop(entry[1], None)
                else:
                    self._open_by_customer[entry[1]] = entry[2]
        self.commit()

    def commit(self) -> None:
        """The window kept: its log, reads and postings forgotten."""
        self.undo.clear()
        self.first.clear()
        self.item_reads.clear()
        self.customer_reads.clear()
        self.amount_reads.clear()
        self.events.clear()

    # -- hooks on what the matcher reads and changes ----------------------------------------------------
    def post(self, prop: Proposal) -> None:
        for item, _, _ in prop.parts:
            self.keep(item)
        super().post(prop)
        # :meth:`CashMatcher.post` appended an entry to an amount's list for each item left open: stamp them
        for item, _, _ in prop.parts:
            if item.due > 0:
                stamps = self.stamps.setdefault(key := (item.currency, q(item.due)), [])
                self.undo.append(("amount", key, len(stamps)))
                stamps.append(self.now)
        self.events.extend((self.now, item.idx, item.due) for item, _, _ in prop.parts)

    def _live(self, code: str) -> list[OpenItem]:
        self.read_customers((code,))
        self.codes.append(code)
        before = self._open_by_customer.get(code)
        live = super()._live(code)
        if self._open_by_customer.get(code) is not before:
            self.undo.append(("customer", code, before))
        return live

    def read(self, pay: Payment, items: Iterable[int]) -> None:
        now = self.now
        items = list(items)
        self.ever.update(items)
        for i in items:
            if not (times := self.item_reads[i]) or times[-1] != now:
                times.append(now)
        if not (times := self.amount_reads[(pay.currency, q(pay.amount))]) or times[-1] != now:
            times.append(now)

    def read_customers(self, codes: Iterable[str]) -> None:
        now = self.now
        self.ever_codes.update(codes)
        for code in codes:
            if not (times := self.customer_reads[code]) or times[-1] != now:
                times.append(now)

    def first_read_after(self, reads: Mapping[Any, list[tuple]], what: Any, when: tuple) -> tuple | None:
        """The first time this window read ``what`` after ``when``."""
        times = reads.get(what)
        if not times:
            return None
        at = bisect.bisect_right(times, when)
        return times[at] if at < len(times) else None

    def replay(self, when: tuple, idx: int, due: Decimal) -> None:
        """Another part's posting on one of this part's items, at its time."""
        item = self.items[idx]
        self.keep(item)
        item.due = due
        item.version += 1
        if due > 0:
            self.insert((item.currency, q(due)), idx, when)

    def reopen(self, item: OpenItem) -> None:
        """An item whose due a corrected posting raised again: back among its customer's open items."""
        code = item.customer_code
        if code and code in self.by_customer:
            self.undo.append(("customer", code, self._open_by_customer.get(code)))
            self._open_by_customer[code] = [self.items[i] for i in self.by_customer[code]]


class PartClock:
    """One part of the customer split decided window by window: its matcher, its payments in the single
    pass's order, the decisions so far, and the window being decided (where it started, the other parts'
    postings replayed in it)."""

    def __init__(self, matcher: TimedMatcher, pays: Sequence[Payment], position: list[int],
                 posted: tuple[str, ...], final: Callable[[Payment, tuple], None] | None = None) -> None:
        self.matcher = matcher
        #: called with each posted decision of a window kept (final: no round looks at it again); its
        #: proposals are then dropped (the part holds only its items and the decisions still open)
        self.final = final
        self.position = position  # local item idx -> position in the world
        self.local = {g: n for n, g in enumerate(position)}
        self.posted = posted
        rank = {p.key: (-matcher.prescore(p), p.value_date, p.key) for p in pays}  # before anything posts
        order = sorted(pays, key=lambda p: rank[p.key])
        self.by_key = {p.key: p for p in order}
        self.keys = [p.key for p in order]
        self.ranks = [rank[k] for k in self.keys]
        self.decided: dict[str, tuple[str, list, dict[int, int]]] = {}
        self.round = 0
        self.at = 0  # next payment of this round
        self.start = 0  # where the window started
        self.until: tuple | None = None  # the window's end (a rank; None: the round's end)
        self.incoming: list[Event] = []  # the other parts' postings of this window on our items (world positions)
        self.changed = False  # a decision changed its status in this window (rounds of looking again)
        #: this window's payments that looked at items: (decision, items read, customers looked up)
        self.trace: dict[str, tuple[tuple, list[int], list[str]]] = {}
        self._log: list[tuple[str, Any]] = []
        self.redone = 0
        self.proposed = 0  # payments looked at (propose), in every window run, redone ones too

    # -- the windows -------------------------------------------------------------------------------------
    def begin(self, round_: int, until: tuple | None) -> tuple[list[Event], bool]:
        """Decide this part's payments up to ``until`` (a rank) in round ``round_``, with what is known of
        the other parts' postings (nothing yet): its own postings and whether a decision changed."""
        self._keep()
        if round_ != self.round:
            self.round, self.at = round_, 0
        self.start, self.until, self.incoming, self.trace = self.at, until, [], {}
        return self._run()

    def _keep(self) -> None:
        """The window decided last is kept: its log forgotten, its posted decisions handed on."""
        self.matcher.commit()
        if self.final is not None:
            for key in self.trace:
                value = self.decided[key]
                if value[0] in self.posted and value[1]:
                    self.final(self.by_key[key], value)
                    self.decided[key] = (value[0], [], {})
        self.trace = {}

    def finish(self) -> None:
        """The last window kept."""
        self._keep()

    def fix(self, incoming: list[Event], added: Sequence[tuple[int, OpenItem]] = (),
            ) -> tuple[bool, list[Event], bool]:
        """The other parts' postings of this window as they now stand (and items that became shared with
        this part, held from now on as they stood at the window's start). A changed posting this window
        never read after its time is taken in place; else the window is decided again, each payment before
        the first read of what changed as it was (its decision and postings taken again, not looked for),
        the others looked at again. Returns whether it was decided again, its postings and whether a
        decision changed."""
        if not added and incoming == self.incoming:
            return False, [], self.changed
        for g, item in added:
            self._add(g, item)
        first = self._first_changed_read(self.incoming, incoming)
        if first is None and self._patch(self.incoming, incoming):
            self.incoming = incoming
            return False, self._events(), self.changed
        self.matcher.rollback()
        self.at = self.start
        self._undo_decisions()
        self.incoming = incoming
        self.redone += 1
        return (True, *self._run(first or AFTER))

    def _add(self, g: int, item: OpenItem) -> None:
        """An item another part's posting left open for an amount this part looks up (the single pass
        appends it to that amount's list then): held from now on, as it stood at the window's start."""
        m = self.matcher
        item.idx = len(m.items)
        m.items.append(item)
        self.local[g] = item.idx
        self.position.append(g)

    def _run(self, reuse_until: tuple = BEFORE) -> tuple[list[Event], bool]:
        """Decide the window's payments (those before ``reuse_until`` that looked at items before, as they
        were decided then: nothing they read changed)."""
        m, posted, inc = self.matcher, self.posted, self.incoming
        before, self.trace = self.trace, {}
        self.changed = False
        self._log = []
        n = 0
        while self.at < len(self.keys) and (self.until is None or self.ranks[self.at] < self.until):
            key = self.keys[self.at]
            m.now = now = (self.round, *self.ranks[self.at])
            while n < len(inc) and inc[n][0] < now:
                m.replay(inc[n][0], self.local[inc[n][1]], inc[n][2])
                n += 1
            self.at += 1
            pay = self.by_key[key]
            old = self.decided.get(key)
            if now < reuse_until and (seen := before.get(key)) is not None:
                value, reads, codes = seen
                m.read(pay, reads)
                m.read_customers(codes)
                if value[0] in posted or value[0] == "auto":
                    m.post(value[1][0])
            else:
                if self.round:
                    status, _ranked, versions = old  # type: ignore[misc]
                    if status in posted:
                        continue
                    m.read(pay, versions)
                    if not any(m.items[i].version != v for i, v in versions.items()):
                        continue
                m.codes = []
                self.proposed += 1
                ranked, looked = m.propose(pay)
                m.read(pay, looked)
                value = _decide(m, ranked, looked, posted)
                reads = [*looked, *(old[2] if self.round else ())]  # type: ignore[index]
                codes = m.codes
            self.trace[key] = (value, reads, codes)
            self._log.append((key, old))
            self.decided[key] = value
            if self.round and value[0] != old[0]:  # type: ignore[index]
                self.changed = True
        while n < len(inc):
            m.replay(inc[n][0], self.local[inc[n][1]], inc[n][2])
            n += 1
        return self._events(), self.changed

    def _undo_decisions(self) -> None:
        for key, old in reversed(self._log):
            if old is None:
                del self.decided[key]
            else:
                self.decided[key] = old
        self._log = []

    def _events(self) -> list[Event]:
        return [(when, self.position[idx], due) for when, idx, due in self.matcher.events]

    # -- what a changed posting touches -----------------------------------------------------------------
    @staticmethod
    def _by_item(events: Iterable[Event]) -> dict[int, list[tuple[tuple, Decimal]]]:
        out: dict[int, list[tuple[tuple, Decimal]]] = defaultdict(list)
        for when, g, due in events:
            out[g].append((when, due))
        return out

    @staticmethod
    def _first_change(a: list, b: list) -> int:
        return next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))

    def _changes(self, old: list[Event], new: list[Event]) -> Iterable[tuple[int, list, list, int]]:
        a, b = self._by_item(old), self._by_item(new)
        for g in a.keys() | b.keys():
            x, y = a.get(g, []), b.get(g, [])
            if x != y:
                yield g, x, y, self._first_change(x, y)

    def _first_changed_read(self, old: list[Event], new: list[Event]) -> tuple | None:
        """The first time this window read an item, its customer's open items or an amount after a posting
        on it changed (a payment decided then may decide otherwise); None if it never did."""
        m = self.matcher
        found: list[tuple] = []
        for g, x, y, first in self._changes(old, new):
            when = min(e[0] for e in (*x[first:first + 1], *y[first:first + 1]))
            idx = self.local[g]
            item = m.items[idx]
            found.append(m.first_read_after(m.item_reads, idx, when) or AFTER)
            if item.customer_code:
                found.append(m.first_read_after(m.customer_reads, item.customer_code, when) or AFTER)
            for at, due in (*x[first:], *y[first:]):
                if due > 0:
                    found.append(m.first_read_after(m.amount_reads, (item.currency, q(due)), at) or AFTER)
        earliest = min(found, default=AFTER)
        return None if earliest == AFTER else earliest

    def _patch(self, old: list[Event], new: list[Event]) -> bool:
        """Changed postings this window never read after their time, taken in place: each item's due and
        version as the merged postings leave them, its entries in the amount lists moved. False where an
        entry's place is not certain (two entries of one time): the window is decided again instead."""
        m = self.matcher
        own = self._by_item(self._events())
        for g, x, y, first in list(self._changes(old, new)):
            idx = self.local[g]
            item = m.items[idx]
            if any(due > 0 and self._clash((item.currency, q(due)), at, idx) for at, due in (*x[first:], *y[first:])):
                return False
            start_due, start_version = m.first.get(idx, (item.due, item.version))
            was_open = item.due > 0
            for at, due in x[first:]:
                if due > 0:
                    m.remove((item.currency, q(due)), idx, at)
            for at, due in y[first:]:
                if due > 0:
                    m.insert((item.currency, q(due)), idx, at)
            merged = sorted([*own.get(g, []), *y], key=lambda e: e[0])
            m.keep(item)
            item.due = merged[-1][1] if merged else start_due
            item.version = start_version + len(merged)
            if item.due > 0 and not was_open:
                m.reopen(item)
        return True

    def _clash(self, key: tuple[str, Decimal], when: tuple, idx: int) -> bool:
        """Whether another item's entry in an amount's list has the same time (their order is not known)."""
        stamps, idxs = self.matcher.stamps.get(key, []), self.matcher.by_amount.get(key, [])
        n = bisect.bisect_left(stamps, when)
        while n < len(stamps) and stamps[n] == when:
            if idxs[n] != idx:
                return True
            n += 1
        return False
