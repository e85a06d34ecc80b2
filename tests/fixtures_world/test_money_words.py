"""Amounts in words as the generator prints them (大写 on invoices and receipts, SAY ... ONLY)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.parse.amounts import chinese_upper_to_amount
from fixtures.generator.money_words import cn_upper, en_words


@pytest.mark.parametrize("amount, words", [
    ("0", "零圆整"), ("0.50", "伍角"), ("10.05", "壹拾圆零伍分"), ("1005", "壹仟零伍圆整"),
    ("100000", "壹拾万圆整"), ("100100", "壹拾万零壹佰圆整"), ("10200.50", "壹万零贰佰圆伍角"),
    ("1010.40", "壹仟零壹拾圆肆角"), ("1234567.89", "壹佰贰拾叁万肆仟伍佰陆拾柒圆捌角玖分"),
    ("100010001", "壹亿零壹万零壹圆整"), ("20000000.06", "贰仟万圆零陆分"),
])
def test_cn_upper(amount: str, words: str) -> None:
    assert cn_upper(Decimal(amount)) == words


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=10**11 - 1))
def test_cn_upper_reads_back(cents: int) -> None:
    amount = Decimal(cents) / 100
    assert chinese_upper_to_amount(cn_upper(amount)) == amount
    assert chinese_upper_to_amount("人民币" + cn_upper(amount, yuan="元")) == amount


def test_en_words() -> None:
    assert en_words(Decimal("12345.60"), "USD") == (
        "SAY US DOLLARS TWELVE THOUSAND THREE HUNDRED AND FORTY-FIVE AND CENTS SIXTY ONLY")
    assert en_words(Decimal("1000000"), "EUR") == "SAY EUROS ONE MILLION ONLY"
