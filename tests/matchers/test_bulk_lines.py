"""The large path's --json lines written while saving (from the payloads saved) are the lines write_lines
writes, and the matches saved are the matches given (issue 16: one payload() a match at a million)."""

from __future__ import annotations

from pathlib import Path

from hub.records import Match
from hub.store import Store
from matchers.bulk import save_matches, write_lines
from tests.hub.test_store_save import _matches


def test_lines_written_while_saving_equal_write_lines(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'hub.db'}")
    matches = _matches(5)
    write_lines(tmp_path / "plain.tsv", matches)
    with (tmp_path / "saved.tsv").open("w", encoding="utf-8") as fh:
        assert save_matches(store, matches, "reconcile", lines=fh) == (5, 0)
    assert (tmp_path / "saved.tsv").read_text(encoding="utf-8") == (tmp_path / "plain.tsv").read_text(encoding="utf-8")
    assert store.all(Match) == matches
    assert save_matches(Store(store.url, migrate=False), matches, "reconcile") == (0, 5)
