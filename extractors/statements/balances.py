"""The running-balance check of a statement export: the signed amounts must agree with the balance
column row to row. It tells the rows' order (oldest first or newest first), whether the balance rises
with money in (an account) or with spending (a card's debt), and for every row whose amount the balance
change matches, the sign the balances imply: that settles rows whose direction could not be read and
exposes rows whose direction was read wrongly."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

#: share of the checkable rows whose amounts must match the balance changes for the order to count
MIN_SHARE = 0.6


@dataclass(frozen=True)
class Entry:
    """One row as the check sees it: its position among the data rows (rows not read leave a gap),
    its amount's size, the sign read (None: not known), whether the file said it (a direction word,
    separate income/expense columns) and its balance."""

    seq: int
    size: Decimal
    sign: int | None
    explicit: bool
    balance: Decimal | None


@dataclass
class BalanceCheck:
    """What the balance column says about the rows."""

    #: ``oldest first``, ``newest first`` or None when the balances do not follow from the amounts
    order: str | None = None
    #: +1 when the balance rises with money in, -1 when it rises with spending (a card's debt)
    polarity: int = 1
    #: index (in the entries given) -> the sign the balances imply
    implied: dict[int, int] = field(default_factory=dict)
    #: rows whose size does not match their balance change (indexes)
    mismatched: list[int] = field(default_factory=list)
    #: rows that could be checked (a balance before or after them, depending on the order)
    checkable: int = 0
    #: share of the rows with a known sign that agree with the balances (1.0 when none is known)
    agreement: float = 1.0


def check_balances(entries: list[Entry], *, prefer_polarity: int = 1) -> BalanceCheck:
    """Check ``entries`` (in file order) against their balances; see :class:`BalanceCheck`."""
    result = BalanceCheck(polarity=prefer_polarity)
    pairs = [(i, i + 1) for i in range(len(entries) - 1)
             if entries[i].balance is not None and entries[i + 1].balance is not None
             and entries[i + 1].seq == entries[i].seq + 1]
    if not pairs:
        return result
    readings: dict[str, dict[int, int]] = {"oldest first": {}, "newest first": {}}
    misses: dict[str, list[int]] = {"oldest first": [], "newest first": []}
    counted = {"oldest first": 0, "newest first": 0}
    for a, b in pairs:
        before, after = entries[a].balance, entries[b].balance
        assert before is not None and after is not None
        for order, row, delta in (("oldest first", b, after - before), ("newest first", a, before - after)):
            size = entries[row].size
            if size == 0:
                continue
            counted[order] += 1
            if abs(delta) == size:
                readings[order][row] = 1 if delta > 0 else -1
            else:
                misses[order].append(row)
    hits = {order: len(found) for order, found in readings.items()}
    order = max(hits, key=lambda o: (hits[o], o == "oldest first"))
    other = "newest first" if order == "oldest first" else "oldest first"
    if hits[order] == 0 or hits[order] == hits[other] or hits[order] < MIN_SHARE * counted[order]:
        return result  # the balances do not follow from the amounts (or follow both ways)
    raw = readings[order]
    weights = {1: 0.0, -1: 0.0}
    for index, sign in raw.items():
        read = entries[index].sign
        if read is None:
            continue
        weight = 2.0 if entries[index].explicit else 1.0
        weights[1 if read == sign else -1] += weight
    polarity = prefer_polarity if weights[1] == weights[-1] else (1 if weights[1] > weights[-1] else -1)
    known = weights[1] + weights[-1]
    result.order, result.polarity = order, polarity
    result.implied = {index: sign * polarity for index, sign in raw.items()}
    result.mismatched = misses[order]
    result.checkable = counted[order]
    result.agreement = (weights[polarity] / known) if known else 1.0
    return result
