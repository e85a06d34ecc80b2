"""Statement csv files with no header row at all (Wells Fargo's ``date, amount, *, check, description``, HSBC UK's
``date, description, amount``, TD's ``date, description, withdrawal, deposit, balance``): the columns are told by
what their cells hold, on every row. A date column whose every cell is a date; one amount column whose every cell is
a figure with two decimals (a second one to its right is the running balance), or two figure columns taking turns
(one of them filled on each row) beside a running balance that says which is money in; the longest text column is
the description. Anything less certain (two columns taking turns and no balance to tell them apart, a text in a
number column) is no such file: the caller refuses it as before. The mapping is a guess from the cells, so each
field it names is reported below sure (``INFERRED_CONFIDENCE``: for review)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from extractors.columns import HeaderMap, is_blank
from extractors.parse import find_currency
from extractors.spreadsheets import Cell, cell_text
from extractors.statements.cells import full_date, read_amount

#: how sure a column told by its cells alone is (below 0.9: the file needs a look)
INFERRED_CONFIDENCE = 0.85
#: a figure with two decimals, signed or in parentheses, with an optional dollar or pound sign
_FIGURE_RE = re.compile(r"^[-+]?\(?[-+]?[$£€]?\d{1,3}(?:,?\d{3})*\.\d{2}\)?(?:\s?(?:CR|DR))?$"
                        r"|^[-+]?\d{1,3}(?:\.?\d{3})*,\d{2}$", re.I)  # or with a decimal comma (ABN AMRO: 2450,00)
#: the names the inferred columns are given (shown as the headers in messages)
_NAMES = {"booking_date": "(date)", "value_date": "(value date)", "amount": "(amount)", "debit": "(money out)",
          "credit": "(money in)", "balance": "(balance)", "item": "(description)", "currency": "(currency)",
          "own_account": "(account)"}


def _dates(cells: Sequence[Cell]) -> bool:
    return all(full_date(c, False) is not None or full_date(c, True) is not None for c in cells)


def infer_header(rows: Sequence[Sequence[Cell]]) -> tuple[list[str], HeaderMap] | None:
    """A header row for ``rows`` when none is printed, and its map (with the header at row 0 of the rows put
    under it), or None when the columns cannot be told apart for sure."""
    body = [list(r) for r in rows if not all(is_blank(c) for c in r)]
    if len(body) < 2:
        return None
    width, count = Counter(len(r) for r in body).most_common(1)[0]
    if count < len(body) or width < 3:  # every row of one width: a bare table, no notes above or below it
        return None
    columns = [[r[i] for r in body] for i in range(width)]
    dates = [i for i, col in enumerate(columns) if _dates(col)]
    figures = [i for i, col in enumerate(columns) if i not in dates and all(_FIGURE_RE.match(cell_text(c).strip())
                                                                          for c in col if not is_blank(c))
               and any(not is_blank(c) for c in col)]
    full = [i for i in figures if not any(is_blank(c) for c in columns[i])]
    turns = [i for i in figures if i not in full]
    if not 1 <= len(dates) <= 2:  # a booking date, and a value date after it (ABN AMRO prints both)
        return None
    place: dict[str, int] = {"value_date": dates[1]} if len(dates) == 2 else {}
    moved = _before_after(columns, full) if len(full) == 3 and not turns else None
    if moved is not None:  # the balance before, the balance after and the amount between them, on every row
        place |= {"amount": moved[0], "balance": moved[1]}
    elif not turns and 1 <= len(full) <= 2:
        place |= {"amount": full[0]} | ({"balance": full[1]} if len(full) == 2 else {})
    elif len(turns) == 2 and len(full) == 1 and full[0] > max(turns):
        sides = _sides(columns, turns, full[0])
        if sides is None:
            return None
        place |= {"debit": sides[0], "credit": sides[1], "balance": full[0]}
    else:
        return None
    texts = [i for i in range(width) if i not in dates and i not in figures]
    for i in texts:  # a column of one currency code, one account number of ours on every row
        cells = {cell_text(c).strip() for c in columns[i]}
        one = cells.pop() if len(cells) == 1 else ""
        if re.fullmatch(r"[A-Z]{3}", one) and find_currency(one) == one:
            place["currency"] = i
        elif re.fullmatch(r"\d{7,}", one):
            place["own_account"] = i
    texts = [i for i in texts if i not in place.values()]
    worded = [i for i in texts if sum(bool(re.search(r"[^\W\d_]{2}", cell_text(c))) for c in columns[i]) >= len(body) / 2]
    if not worded:
        return None
    item = max(worded, key=lambda i: sum(len(cell_text(c)) for c in columns[i]))
    place |= {"booking_date": dates[0], "item": item}
    headers = [""] * width
    for name, col in place.items():
        headers[col] = _NAMES[name]
    header = HeaderMap(0, headers, {name: [col] for name, col in place.items()},
                       {name: INFERRED_CONFIDENCE for name in place})
    return headers, header


def _sides(columns: list[list[Cell]], turns: list[int], balance: int) -> tuple[int, int] | None:
    """(money out, money in) of two figure columns taking turns (one filled on each row), by the running balance:
    the column whose figures the balance grows by is money in; None when the rows do not take turns or the balance
    does not say (it agrees with neither reading, or with both)."""
    first, second = columns[turns[0]], columns[turns[1]]
    if any(is_blank(a) == is_blank(b) for a, b in zip(first, second, strict=True)):
        return None

    def value(cell: Cell) -> Decimal:
        found = read_amount(cell)
        return abs(found.value) if found else Decimal(0)
    balances = [found.value if (found := read_amount(c)) else Decimal(0) for c in columns[balance]]
    agree = {0: 0, 1: 0}  # 0: the first column is money out; 1: it is money in
    for k in range(1, len(balances)):
        moved = balances[k] - balances[k - 1]
        agree[0] += moved == value(second[k]) - value(first[k])
        agree[1] += moved == value(first[k]) - value(second[k])
    rows = len(balances) - 1
    if agree[0] == rows and agree[1] < rows:
        return turns[0], turns[1]
    if agree[1] == rows and agree[0] < rows:
        return turns[1], turns[0]
    return None


def _before_after(columns: list[list[Cell]], full: list[int]) -> tuple[int, int, int] | None:
    """(amount, balance after, balance before) of three figure columns where, on every row, one is another plus the
    third (the balance after is the one before plus the amount), else None."""
    values = [[found.value if (found := read_amount(c)) else Decimal(0) for c in columns[i]] for i in full]
    for after in range(3):
        for before in range(3):
            amount = 3 - after - before
            if len({after, before, amount}) == 3 and all(
                    values[after][k] == values[before][k] + values[amount][k] for k in range(len(values[0]))):
                return full[amount], full[after], full[before]
    return None
