"""Held-out statement exports, eighth set (issue 14): every row of each file in
:mod:`tests.extractors_structured.held_out_statements_8` read through the real reader
(:func:`extractors.statements.read_statement`): date, signed amount, currency, counterparty, memo, balance and the
account where printed, no row warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.statements import read_statement
from tests.extractors_structured.exports import assert_reads, write_export
from tests.extractors_structured.held_out_statements_8 import DOCS


def _read(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    return read_statement(write_export(tmp_path, next(d for d in DOCS if d[0] == name)))


@pytest.mark.parametrize("name", [d[0] for d in DOCS])
def test_held_out_export_reads_every_row(tmp_path: Path, name: str) -> None:
    _, _, _, _, truth, account = next(d for d in DOCS if d[0] == name)
    result = _read(tmp_path, name)
    assert_reads(result, truth, account)
    assert not result.row_warnings
