"""Statement csv files with no header row at all (Wells Fargo's ``date, amount, *, check, description``, HSBC UK's
``date, description, amount``): the columns are told by what their cells hold, on every row. A date column whose
every cell is a date, one amount column whose every cell is a figure with two decimals (a second one to its right is
the running balance), the longest text column is the description. Anything less certain (two amount columns that
take turns, a text column in a number column) is no such file: the caller refuses it as before. The mapping is a
guess from the cells, so each field it names is reported below sure (``INFERRED_CONFIDENCE``: for review)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from extractors.columns import HeaderMap, is_blank
from extractors.spreadsheets import Cell, cell_text
from extractors.statements.cells import full_date

#: how sure a column told by its cells alone is (below 0.9: the file needs a look)
INFERRED_CONFIDENCE = 0.85
#: a figure with two decimals, signed or in parentheses, with an optional dollar or pound sign
_FIGURE_RE = re.compile(r"^[-+]?\(?[-+]?[$£€]?\d{1,3}(?:,?\d{3})*\.\d{2}\)?(?:\s?(?:CR|DR))?$", re.I)
#: the names the inferred columns are given (shown as the headers in messages)
_NAMES = {"booking_date": "(date)", "amount": "(amount)", "balance": "(balance)", "item": "(description)"}


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
    figures = [i for i, col in enumerate(columns)
               if i not in dates and all(_FIGURE_RE.match(cell_text(c).strip()) for c in col)]
    if len(dates) != 1 or not 1 <= len(figures) <= 2:
        return None
    amount, balance = figures[0], (figures[1] if len(figures) == 2 else None)
    texts = [i for i in range(width) if i not in dates and i not in figures]
    worded = [i for i in texts if sum(bool(re.search(r"[^\W\d_]{2}", cell_text(c))) for c in columns[i]) >= len(body) / 2]
    if not worded:
        return None
    item = max(worded, key=lambda i: sum(len(cell_text(c)) for c in columns[i]))
    place = {"booking_date": dates[0], "amount": amount, "item": item}
    if balance is not None:
        place["balance"] = balance
    headers = [""] * width
    for name, col in place.items():
        headers[col] = _NAMES[name]
    header = HeaderMap(0, headers, {name: [col] for name, col in place.items()},
                       {name: INFERRED_CONFIDENCE for name in place})
    return headers, header
