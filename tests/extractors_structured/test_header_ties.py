"""A header cell that OCR misread reads as near two fields alike: it takes the one no surer column holds."""
from extractors.columns import load_fields, map_headers


def test_a_misread_credit_head_beside_an_exact_debit_head_is_the_credit() -> None:
    # 货方发生额 is 贷方发生额 with 贷 misread as 货: as near 借方发生额 (debit) as 贷方发生额 (credit)
    header = map_headers(["交易日期", "摘要", "借方发生额", "货方发生额", "余额"], load_fields("statement_columns.toml"))
    assert header.columns["debit"] == [2]
    assert header.columns["credit"] == [3]


def test_a_misread_head_alone_keeps_its_first_reading() -> None:
    # no surer column holds either field: nothing tells them apart, the reading is as before
    header = map_headers(["交易日期", "货方发生额", "余额"], load_fields("statement_columns.toml"))
    assert sum(len(v) for k, v in header.columns.items() if k in ("debit", "credit")) == 1
