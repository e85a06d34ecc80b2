"""The words people read for the store's values (``auto``, ``statement_line``, ``BANK_FEE``): Chinese
first, then English, from ``reports/data/words.toml``. A value not listed is shown as it is."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def _table() -> dict[str, dict[str, str]]:
    return tomllib.loads((resources.files("reports") / "data" / "words.toml").read_text(encoding="utf-8"))


def word(group: str, value: str | None) -> str:
    """``word("outcome", "auto")`` -> ``"自动匹配 auto"``; unknown values come back unchanged ('' for None)."""
    if value is None:
        return ""
    return _table().get(group, {}).get(value, value)


def value_of(group: str, text: str) -> str | None:
    """The store's value for a word as a person may type it: the bilingual word, its Chinese or its
    English part, or the value itself (case and spaces ignored). None when nothing fits."""
    want = " ".join(text.split()).casefold()
    if not want:
        return None
    for value, shown in _table().get(group, {}).items():
        zh, _, en = shown.partition(" ")
        if want in (value.casefold(), shown.casefold(), zh.casefold(), en.casefold()):
            return value
    return None
