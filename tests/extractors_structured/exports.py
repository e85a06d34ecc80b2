"""Exports written by hand for the structured-input tests: a csv in a given encoding, an xlsx of rows
(with merged cells where a bank merges its header)."""

from __future__ import annotations

import csv
from collections.abc import Collection
from pathlib import Path

import openpyxl


def write_csv(path: Path, rows: list[list[str]], encoding: str) -> Path:
    """``rows`` as a csv file in ``encoding`` (GBK, GB18030, UTF-8 with a BOM ... as the bank writes it)."""
    with open(path, "w", newline="", encoding=encoding) as fh:
        csv.writer(fh).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list], merges: tuple[str, ...] = ()) -> Path:
    """``rows`` on the first sheet of a new workbook, the cell ranges in ``merges`` merged (``"A5:A6"``)."""
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    for cells in merges:
        book.active.merge_cells(cells)
    book.save(path)
    return path


def write_xlsx_sheets(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A workbook with one sheet per entry of ``sheets`` (name -> rows), in order (a bank's sheet per month)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def write_export(folder: Path, doc: tuple) -> Path:
    """A held-out export ``(file name, how, content, encoding, ...)`` under ``folder``: ``xlsx`` rows, ``sheets``
    (name -> rows), ``csv`` rows in the encoding, else the text encoded as it is (OFX, QIF, ``;`` or UTF-16
    exports, HTML "xls")."""
    file, how, content, encoding = doc[:4]
    path = folder / file
    if how == "xlsx":
        return write_xlsx(path, content)
    if how == "sheets":
        return write_xlsx_sheets(path, content)
    if how == "csv":
        return write_csv(path, content, encoding)
    path.write_bytes(content.encode(encoding))
    return path


def squash(text: str | None) -> str:
    """Text compared without blanks and case."""
    return "".join((text or "").split()).casefold()


def assert_reads(result, truth: list[tuple], account: str = "") -> None:  # type: ignore[no-untyped-def]
    """A statement import against its truth, line by line in file order: (date, signed amount, currency,
    counterparty or ``*`` when none is printed, memo or ``""``[, balance or None]: a truth of five holds no
    balance, which is then not asserted); the account when printed."""
    import re
    from datetime import date
    from decimal import Decimal

    with_balance = all(len(row) == 6 for row in truth)
    assert [(ln.booking_date, ln.amount, ln.currency, ln.balance)[:4 if with_balance else 3] for ln in result.lines] == [
        (date.fromisoformat(d), Decimal(a), c, *((Decimal(b[0]) if b[0] else None,) if with_balance else ()))
        for d, a, c, _, _, *b in truth]
    for ln, (_, _, _, party, memo, *_) in zip(result.lines, truth, strict=True):
        if party != "*":
            assert squash(ln.counterparty_name) == squash(party), (ln.counterparty_name, party)
        if memo:
            assert squash(memo) in squash(f"{ln.description} {ln.reference or ''}"), (ln.description, ln.reference, memo)
    if account:
        assert re.sub(r"\W", "", result.account) == account


def held_out(docs: list[tuple], name: str) -> tuple:
    """The export ``name`` of a held-out set's ``docs`` (file name, how, content, encoding, truth, account)."""
    return next(d for d in docs if d[0] == name)


def write_held_out(folder: Path, docs: list[tuple], name: str) -> Path:
    """The export ``name`` of ``docs`` written under ``folder``."""
    return write_export(folder, held_out(docs, name))


def assert_held_out_reads(result, doc: tuple, no_bank: Collection[str] | None = None) -> None:  # type: ignore[no-untyped-def]
    """A held-out export read right (the check every statement set makes): every row as :func:`assert_reads`, a
    file printing no currency empty at confidence 0, no row warning, and, unless ``no_bank`` is None, a bank we
    know but for the files named in ``no_bank`` (they print no bank's name)."""
    truth, account = doc[4], doc[5]
    assert_reads(result, truth, account)
    if any(c is None for _, _, c, *_ in truth):  # the export prints no currency: empty, and not sure
        assert result.confidence["currency"] == 0.0
    assert not result.row_warnings
    if no_bank is not None:
        assert result.bank != "unknown" or doc[0] in no_bank, result.bank
