"""References in payment memos: invoice numbers, order numbers, marketplace order ids, PI numbers.

Memos are written by people and cut by banks: a reference may be mistyped (one character), truncated,
or lose its leading zeros. :func:`memo_tokens` finds the reference-like tokens of a memo and
:class:`ReferenceIndex` finds what each one names:

- ``exact``: same letters and digits (case, blanks and separators ignored);
- ``digits``: same digits once letters and leading zeros are dropped (``INV-000123`` ~ ``123``... at
  least ``min_digits`` long);
- ``truncated``: the memo holds the first (or last) part of a reference, at least ``min_truncated``
  characters and half of it;
- ``one char off``: one character inserted, dropped or replaced, or two neighbours swapped, where the
  edit leaves the reference's second half intact (found through buckets keyed on length and second
  half) or its head, all but the last ``TAIL`` characters. The latter are found by spelling out the
  memo token's one-edit variants in its last characters and looking them up (a few hundred set
  look-ups for each of the few tokens that get this far), and once that has cost about what buckets on
  the head and every deletion of the tail cost (symmetric deletes), through those buckets: the same
  forms either way. Sequential numbers share their heads, so nothing is keyed on a head alone.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

_TOKEN = re.compile(r"[A-Z0-9][A-Z0-9\-/_#]*[A-Z0-9]")
_SEP = re.compile(r"[^A-Z0-9]")
_DIGIT = re.compile(r"[0-9]")
_SPLIT = re.compile(r"[/#]")
_NORMAL = re.compile(r"[A-Z0-9]+")
_ZERO_RUN = re.compile(r"(?<![0-9])0+(?=[0-9])")
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2"})

#: How much a hit of each kind counts as evidence (0..1).
HOW_SCORES = {"exact": 1.0, "digits": 0.95, "one char off": 0.85, "truncated": 0.8}
_HOW_RANK = {how: rank for rank, how in enumerate(HOW_SCORES)}
HOW_WORDS = {"exact": "", "digits": " (leading zeros/prefix differ)", "one char off": " (one character off)",
             "truncated": " (truncated)"}


@functools.lru_cache(maxsize=1 << 16)  # the matcher normalises the same references once per proposal
def normalize_ref(text: str) -> str:
    """Upper case, half width, letters and digits only: ``inv-2026/0012`` -> ``INV20260012``."""
    return _SEP.sub("", unicodedata.normalize("NFKC", text).upper())


def ref_digits(text: str) -> str:
    """The digits of a reference without leading zeros: ``PI-000456`` -> ``456``."""
    return "".join(ch for ch in normalize_ref(text) if ch.isdigit()).lstrip("0")


def strip_zero_runs(norm: str) -> str:
    """Leading zeros of every digit run dropped: ``PI00456`` -> ``PI456``."""
    return _ZERO_RUN.sub("", norm)


def _unconfuse(token: str) -> str:
    """Letters typed or read for digits inside a number (``2026OO42`` -> ``20260042``)."""
    found = _DIGIT.search(token)
    if found is None:
        return token
    first = found.start()
    return token[:first] + token[first:].translate(_CONFUSABLE)


def memo_tokens(memo: str, *, min_digits: int = 3) -> list[str]:
    """The reference-like tokens of a memo (normalised), in order, without repeats."""
    text = unicodedata.normalize("NFKC", memo or "").upper()
    seen: list[str] = []
    for raw in _TOKEN.findall(text):
        parts = [raw] + [p for p in _SPLIT.split(raw) if p != raw] if ("/" in raw or "#" in raw) else [raw]
        for part in parts:
            # the text is already NFKC and upper case: a part of letters and digits only is its token
            token = part if part.isalnum() else _SEP.sub("", part)
            if token.isdigit():  # nothing to unconfuse, every character a digit
                if len(token) >= min_digits and token not in seen:
                    seen.append(token)
                continue
            for variant in (token, _unconfuse(token)):
                if variant not in seen and len(_DIGIT.findall(variant)) >= min_digits:
                    seen.append(variant)
    return seen


@dataclass(frozen=True)
class RefHit:
    """A token of a memo that names a target (an invoice or an order)."""

    target: Hashable
    reference: str  # the reference as the target spells it
    token: str  # what the memo said
    how: str  # exact, digits, truncated, one char off

    @property
    def score(self) -> float:
        """How strong this hit is as evidence."""
        return HOW_SCORES[self.how]


@dataclass
class ReferenceIndex:
    """References of open items, for look-ups from memo tokens."""

    min_digits: int = 5
    min_truncated: int = 6
    max_targets: int = 12
    _exact: dict[str, list[tuple[Hashable, str]]] = field(default_factory=dict)
    _digits: dict[str, list[tuple[Hashable, str]]] = field(default_factory=dict)
    _halves: dict[tuple[int, str], list[str]] = field(default_factory=dict)
    _forms: dict[str, int] = field(default_factory=dict)  # every form -> the order it was indexed in
    _chars: set[str] = field(default_factory=set)
    _tails: dict[tuple[str, str], list[str]] | None = None
    _spelled: int = 0
    _pending: list[str] = field(default_factory=list)
    _sorted: list[str] = field(default_factory=list)
    _sorted_rev: list[str] = field(default_factory=list)
    _dirty: bool = False

    def add(self, reference: str, target: Hashable) -> None:
        """Make ``reference`` (an invoice number, order id ...) point at ``target``."""
        norm = normalize_ref(reference)
        if len(norm) < 3:
            return
        entry = (target, reference)
        bucket = self._exact.get(norm)
        if bucket is None:
            bucket = self._exact[norm] = []
        elif entry in bucket:
            return
        bucket.append(entry)
        if norm.isdigit():
            stripped = digits = norm.lstrip("0")
        else:
            stripped = strip_zero_runs(norm)
            digits = "".join(ch for ch in norm if ch.isdigit()).lstrip("0")
        if stripped != norm:
            self._digits.setdefault(stripped, []).append(entry)
        if digits != stripped and len(digits) >= self.min_digits:
            self._digits.setdefault(digits, []).append(entry)
        if len(bucket) == 1:
            self._pending.append(norm)
            self._sorted.append(norm)
            self._sorted_rev.append(norm[::-1])
            if digits != norm and len(digits) >= self.min_digits:
                self._pending.append(digits)
                self._sorted.append(digits)
                self._sorted_rev.append(digits[::-1])
            self._dirty = True

    def _index_edits(self) -> None:
        """What one-character-off look-ups read, built when first needed: the forms by length and second
        half, every form, the characters they are written with (and their tails' deletions, once
        spelling out variants has cost as much as those buckets do)."""
        halves, forms, chars = self._halves, self._forms, self._chars
        for form in self._pending:
            n = len(form)
            # an edit in the first half leaves the (selective) second half intact
            halves.setdefault((n, form[n // 2:]), []).append(form)
            forms.setdefault(form, len(forms))
            chars.update(form)
        if self._tails is not None:
            self._index_tails(self._pending)
        self._pending.clear()

    def _index_tails(self, new_forms: Iterable[str]) -> None:
        """Buckets keyed on head and one deletion of the tail (symmetric deletes)."""
        tails = self._tails
        assert tails is not None
        for form in new_forms:
            cut = len(form) - min(TAIL, len(form))
            head, tail = form[:cut], form[cut:]
            for variant in _deletions(tail):
                tails.setdefault((head, variant), []).append(form)

    def _edited_tails(self, form: str) -> set[str]:
        """Forms one edit from ``form`` that keep their own head (all but their last ``TAIL`` characters)
        intact, and more: the head the same and the tails one deletion apart (an edit within the tails
        puts them so; the OSA check after this sorts out the rest)."""
        if self._tails is None and self._spelled > SPELL_BUDGET * len(self._forms):
            self._tails = {}
            self._index_tails(self._forms)
        if self._tails is not None:
            found: set[str] = set()
            for n in (len(form) - 1, len(form), len(form) + 1):
                cut = n - min(TAIL, n)
                head, tail = form[:cut], form[cut:]
                for variant in _deletions(tail):
                    found.update(self._tails.get((head, variant), ()))
            return found
        return self._spell_tails(form)

    def _spell_tails(self, form: str) -> set[str]:
        """The forms one edit from ``form`` in their tail, spelled out and looked up: ``form`` with a
        character of its last ``TAIL`` replaced or swapped with the next one, one of its last ``TAIL`` + 1
        dropped, or one inserted before one of its last ``TAIL`` - 1 or at the end (an edit further left
        that leaves the head intact, in a run of one character, spells the same form)."""
        forms, chars, size = self._forms, self._chars, len(form)
        found: set[str] = set()
        same, shorter, longer = size - min(TAIL, size), size - 1 - min(TAIL, size - 1), size + 1 - min(TAIL, size + 1)
        self._spelled += (size - same + size + 1 - longer) * (len(chars) + 1) + size - shorter
        for i in range(same, size):  # same length: replaced, or swapped with the next one
            head, here, rest = form[:i], form[i], form[i + 1:]
            for ch in chars:
                if ch != here and (other := head + ch + rest) in forms:
                    found.add(other)
            if rest and rest[0] != here and (other := head + rest[0] + here + rest[1:]) in forms:
                found.add(other)
        for i in range(shorter, size):  # one shorter: dropped
            if (other := form[:i] + form[i + 1:]) in forms:
                found.add(other)
        for i in range(longer, size + 1):  # one longer: inserted
            head, rest = form[:i], form[i:]
            for ch in chars:
                if (other := head + ch + rest) in forms:
                    found.add(other)
        return found

    def _targets(self, form: str) -> list[tuple[Hashable, str]]:
        return self._exact.get(form, []) + self._digits.get(form, [])

    def lookup(self, token: str) -> list[RefHit]:
        """What one memo token names, best kind of hit first; empty when it names too many things."""
        if self._dirty:
            self._sorted.sort()
            self._sorted_rev.sort()
            self._dirty = False
        norm = token if _NORMAL.fullmatch(token) else normalize_ref(token)
        digits = norm.lstrip("0") if norm.isdigit() else "".join(ch for ch in norm if ch.isdigit()).lstrip("0")
        found: dict[Hashable, RefHit] = {}
        # the memo's form first, then its digits: the first form to find a target names it
        forms = (norm,) if digits in ("", norm) else (norm, digits)

        def put(entries: Iterable[tuple[Hashable, str]], how: str) -> None:
            for target, ref in entries:
                if target not in found:
                    found[target] = RefHit(target, ref, token, how)

        exact, by_digits = self._exact, self._digits
        if entries := exact.get(norm):
            put(entries, "exact")
        if entries := by_digits.get(strip_zero_runs(norm)):
            put(entries, "digits")
        if len(digits) >= self.min_digits:
            if entries := by_digits.get(digits):
                put(entries, "digits")
            if entries := exact.get(digits):
                put(entries, "digits")
        if not found:
            for form in forms:
                if len(form) >= self.min_truncated:
                    for other in _prefixed(self._sorted, form, self.max_targets):
                        if len(form) * 2 >= len(other):
                            put(self._targets(other), "truncated")
                    for other in _prefixed(self._sorted_rev, form[::-1], self.max_targets):
                        other = other[::-1]
                        if len(form) * 2 >= len(other):
                            put(self._targets(other), "truncated")
        if not found:
            for form in forms:
                if len(form) < self.min_digits:
                    continue
                if self._pending:
                    self._index_edits()
                others = self._edited_tails(form)
                for n in (len(form) - 1, len(form), len(form) + 1):
                    others.update(self._halves.get((n, form[len(form) - (n - n // 2):]), ()))
                # in the order the forms were indexed (items in order, each item's own number first), not a
                # set's: which of a target's references names it when two are one character off the token
                # must not follow the process's string hash seed
                for other in sorted(others, key=self._forms.__getitem__):
                    if other != form and OSA.distance(form, other, score_cutoff=1) <= 1:
                        put(self._targets(other), "one char off")
        if len(found) > self.max_targets:
            return []
        if len(found) < 2:
            return list(found.values())
        return sorted(found.values(), key=lambda h: _HOW_RANK[h.how])

    def lookup_memo(self, memo: str) -> list[RefHit]:
        """Every target a memo names, best hit per target."""
        best: dict[Hashable, RefHit] = {}
        for token in memo_tokens(memo):
            for hit in self.lookup(token):
                kept = best.get(hit.target)
                if kept is None or HOW_SCORES[hit.how] > HOW_SCORES[kept.how]:
                    best[hit.target] = hit
        return list(best.values())


#: one memo's hits resolved elsewhere: (target key, reference, token, how), in the index's order
ResolvedHits = tuple[tuple[Hashable, str, str, str], ...]


@dataclass(frozen=True)
class ResolvedMemos:
    """What memos name, looked up once in a :class:`ReferenceIndex` over *every* open item, for a matcher
    that holds only some of the items (one partition, :mod:`matchers.partition`).

    Whether a memo token names something depends on every reference there is: a truncated number that
    fits thirteen invoices names none of them, a cut-off prefix is searched among all numbers, a kind of
    hit is tried only when the better kinds found nothing. Counts alone do not reproduce those choices;
    the hits of the index over all items do, and they are small (a few target keys per memo). Targets
    are stable keys (an item's key and which occurrence of it), not list positions.
    """

    by_memo: Mapping[str, ResolvedHits]

    @classmethod
    def resolve(cls, index: ReferenceIndex, memos: Iterable[str],
                key_of: Callable[[Hashable], Hashable]) -> ResolvedMemos:
        """Every memo looked up in ``index`` (targets renamed by ``key_of``)."""
        by_memo: dict[str, ResolvedHits] = {}
        for memo in memos:
            if memo not in by_memo:
                by_memo[memo] = tuple((key_of(h.target), h.reference, h.token, h.how)
                                      for h in index.lookup_memo(memo))
        return cls(by_memo)

    def only(self, memos: Iterable[str]) -> ResolvedMemos:
        """The hits of these memos alone (what one partition needs)."""
        return ResolvedMemos({m: self.by_memo[m] for m in set(memos)})

    def lookup_memo(self, memo: str, position: Mapping[Hashable, int]) -> list[RefHit]:
        """The hits of ``memo``, targets as positions (``position``: target key -> the matcher's position).
        A memo resolved without its targets, or not resolved at all, raises: a partition missing an item
        its payments name would decide differently, silently."""
        found = self.by_memo.get(memo)
        if found is None:
            raise KeyError(f"memo not resolved against the global references: {memo!r}")
        return [RefHit(position[target], reference, token, how) for target, reference, token, how in found]


TAIL = 8
#: variants spelled out per form indexed before the tails' deletion buckets are built instead (a form's
#: buckets cost about as much as this many spelled variants)
SPELL_BUDGET = 20


def _deletions(text: str) -> set[str]:
    """The text and every string one deletion away from it."""
    return {text} | {text[:i] + text[i + 1:] for i in range(len(text))}


def _prefixed(sorted_forms: list[str], prefix: str, limit: int) -> list[str]:
    out: list[str] = []
    i = bisect.bisect_left(sorted_forms, prefix)
    while i < len(sorted_forms) and sorted_forms[i].startswith(prefix) and len(out) <= limit:
        if sorted_forms[i] != prefix:
            out.append(sorted_forms[i])
        i += 1
    return out
