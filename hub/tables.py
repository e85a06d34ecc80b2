"""Tables for the terminal that never cut what people copy (ids, amounts, dates).

:func:`print_table` keeps the id columns as wide as their longest cell and folds the others rather than
ending them in "…". When the terminal is too narrow even for that, each row is printed as a block of
``header: value`` lines (ids first) instead; ``wide`` prints one line per row whatever the width.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table

WIDE = 100_000
FOLDED_MIN = 12  # narrowest a folded (non-id) column may get


def _width(value: object) -> int:
    return max((cell_len(line) for line in str(value).splitlines()), default=0)


def print_table(title: str | None, headers: Sequence[str], rows: Sequence[Sequence[object]], *,
                ids: Sequence[int] = (0,), keep: Sequence[int] = (), right: Sequence[int] = (), wide: bool = False,
                out: Console | None = None) -> None:
    """Print ``rows`` under ``headers``; columns at ``ids`` (what names the row) and ``keep`` (amounts,
    dates) are never wrapped or cut; ``right``: right-aligned columns."""
    whole = {*ids, *keep}
    out = out or (Console(width=WIDE) if wide else Console())
    widths = [max([cell_len(h), *(_width(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    least = [widths[i] if i in whole else min(widths[i], max(FOLDED_MIN, cell_len(h))) for i, h in enumerate(headers)]
    needed = sum(least) + 3 * len(headers) + 1
    if wide or needed <= out.width:
        table = Table(title=title)
        for i, header in enumerate(headers):
            table.add_column(header, justify="right" if i in right else "left", overflow="fold",
                             no_wrap=i in whole or wide, min_width=least[i])
        for row in rows:
            table.add_row(*(escape(str(c)) for c in row))
        out.print(table)
        return
    if title:
        out.print(f"[bold]{escape(title)}[/]", highlight=False)
    label = max(cell_len(h) for h in headers)
    for row in rows:
        out.print("[bold]" + escape("  ".join(str(row[i]) for i in ids)) + "[/]", highlight=False, soft_wrap=True)
        for i, header in enumerate(headers):
            if i not in ids and str(row[i]):
                out.print(f"  {header:<{label}}  {escape(str(row[i]))}", highlight=False, soft_wrap=True)
