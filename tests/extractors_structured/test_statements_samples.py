"""Every real-format statement sample imports with the amounts, signs, dates and counterparties its
project expects. Expected values are parsed from the samples' own expected outputs (beancount files of
double-entry-generator, the mt-940 library's expected JSON, the OCA CAMT importer's golden data)."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from extractors.statements import read_statement
from hub.records import StatementLine

CN = [
    ("icbc/credit/example-icbc-credit-records.csv", "icbc/credit/example-icbc-credit-output.beancount"),
    ("icbc/debit-v1/example-icbc-debit-v1-records.csv", "icbc/debit-v1/example-icbc-debit-v1-output.beancount"),
    ("icbc/debit-v2/example-icbc-debit-v2-records.csv", "icbc/debit-v2/example-icbc-debit-v2-output.beancount"),
    ("ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls", "ccb/example-ccb-output.beancount"),
    ("alipay/example-alipay-records.csv", "alipay/example-alipay-output.beancount"),
    ("wechat/example-wechat-records.csv", "wechat/example-wechat-output.beancount"),
    ("wechat/example-wechat-records.xlsx", "wechat/example-wechat-output.beancount"),
]


@dataclass
class Expected:
    day: date
    payee: str
    meta: dict[str, str]
    amount: Decimal  # the transaction's size: the sum of its positive postings

    @property
    def counterparty(self) -> str:
        name = self.meta.get("peerAccount", self.payee)
        return "" if name == "/" else name

    @property
    def sign(self) -> int:
        return {"收入": 1, "支出": -1}.get(self.meta.get("type", ""), 0)


def parse_beancount(text: str) -> list[Expected]:
    """Transactions of a beancount file: date, payee, metadata and postings."""
    out: list[Expected] = []
    for block in re.split(r"\n(?=\d{4}-\d{2}-\d{2} [*!])", text):
        head = re.match(r'(\d{4}-\d{2}-\d{2}) [*!] "((?:[^"\\]|\\.)*)"', block)
        if not head:
            continue
        meta = dict(re.findall(r'^\s+(\w+): "((?:[^"\\]|\\.)*)"', block, re.M))
        postings = [Decimal(a) for a in re.findall(r"^\s+[A-Z][\w:]+\s+(-?[\d.]+) [A-Z]{3}", block, re.M)]
        out.append(Expected(date.fromisoformat(head.group(1)), head.group(2).replace('\\"', '"'), meta,
                            sum((p for p in postings if p > 0), Decimal(0))))
    return out


def match(expected: list[Expected], lines: list[StatementLine]) -> tuple[list[Expected], list[str]]:
    """Pair expected transactions with imported lines; return the unmatched and the sign errors."""
    free = list(lines)
    missing, wrong_sign = [], []
    for exp in expected:
        found = next((ln for ln in free if ln.booking_date == exp.day and abs(ln.amount) == exp.amount
                      and ln.counterparty_name == exp.counterparty), None)
        if found is None:
            missing.append(exp)
            continue
        free.remove(found)
        if exp.sign and (found.amount > 0) != (exp.sign > 0):
            wrong_sign.append(f"{exp.day} {exp.payee} {found.amount}")
    return missing, wrong_sign


@pytest.mark.parametrize(("records", "output"), CN, ids=[c[0].split("/")[0] + ":" + Path(c[0]).suffix for c in CN])
def test_chinese_exports_match_expected(shared_dir: Path, records: str, output: str) -> None:
    base = shared_dir / "samples/bank-statements/cn"
    expected = parse_beancount((base / output).read_text(encoding="utf-8"))
    assert expected, "the expected file parsed to nothing"
    result = read_statement(base / records)
    missing, wrong_sign = match(expected, result.lines)
    assert not missing, [f"{m.day} {m.payee} {m.amount}" for m in missing]
    assert not wrong_sign
    assert result.bank != "unknown"
    assert all(ln.currency == "CNY" for ln in result.lines)
    assert len({ln.transaction_id for ln in result.lines}) == len(result.lines)


def test_icbc_placeholders_and_split_columns(shared_dir: Path) -> None:
    """ICBC debit: 交易金额 columns hold '-' placeholders, 记账金额 the money; the balance is masked."""
    result = read_statement(shared_dir / "samples/bank-statements/cn/icbc/debit-v1/example-icbc-debit-v1-records.csv")
    assert result.bank == "中国工商银行" and result.account == "1234****9876"
    assert any("balance" in w for w in result.warnings)
    assert any("合计" in s for s in result.skipped)


def test_alipay_closed_trades_are_skipped(shared_dir: Path) -> None:
    result = read_statement(shared_dir / "samples/bank-statements/cn/alipay/example-alipay-records.csv")
    assert result.bank == "支付宝"
    assert sum("交易关闭" in s for s in result.skipped) == 2


MT940 = sorted(p.name for p in (Path(__file__).resolve().parents[3] / "shared/samples/bank-statements/mt940/betterplace")
               .glob("*.sta")) or ["sepa_snippet.sta"]
_MARK_SIGN = {"C": 1, "RD": 1, "D": -1, "RC": -1}


@pytest.mark.parametrize("name", MT940)
def test_mt940_matches_expected_json(shared_dir: Path, name: str) -> None:
    base = shared_dir / "samples/bank-statements/mt940"
    expected = json.loads((base / "expected_json" / f"betterplace__{Path(name).stem}.json").read_text())
    result = read_statement(base / "betterplace" / name)
    txs = expected["transactions"]
    assert len(result.lines) == len(txs)
    for line, tx in zip(result.lines, txs, strict=True):
        assert abs(line.amount) == abs(Decimal(tx["amount"]["amount"]))
        assert line.amount * _MARK_SIGN[tx["status"]] > 0 or line.amount == 0
        assert line.currency == (tx["amount"]["currency"] or "XXX")
        assert line.value_date == date.fromisoformat(tx["date"])
        assert line.booking_date == date.fromisoformat(tx.get("entry_date") or tx.get("guessed_entry_date") or tx["date"])
        assert line.counterparty_name == " ".join((tx.get("applicant_name") or "").split())
        assert line.counterparty_account == tx.get("applicant_iban")


def test_mt940_reversal_signs_reconcile_every_block(shared_dir: Path) -> None:
    """sepa_mt9401 has RC (reversal of credit) entries: as debits, every block's balances reconcile."""
    result = read_statement(shared_dir / "samples/bank-statements/mt940/betterplace/sepa_mt9401.sta")
    assert not result.warnings
    assert any(ln.amount < 0 for ln in result.lines)


def test_mt940_broken_snippet_is_flagged(shared_dir: Path) -> None:
    result = read_statement(shared_dir / "samples/bank-statements/mt940/betterplace/sepa_snippet_broken.sta")
    assert len(result.lines) == 1
    assert result.warnings  # its closing balance does not follow from its lines


@pytest.mark.parametrize("name", ["test-camt053", "test-camt053-txdtls"])
def test_camt053_matches_golden(shared_dir: Path, name: str) -> None:
    base = shared_dir / "samples/bank-statements/camt"
    currency, account, statements = ast.literal_eval((base / f"golden-{name.removeprefix('test-')}.pydata").read_text())
    result = read_statement(base / name)
    expected = [tx for st in statements for tx in st["transactions"]]
    assert result.account == account
    assert len(result.lines) == len(expected)
    for line, tx in zip(result.lines, expected, strict=True):
        assert line.amount == Decimal(str(tx["amount"])).quantize(line.amount)
        assert line.booking_date == date.fromisoformat(tx["date"])
        assert line.counterparty_name == tx["partner_name"]
        assert line.counterparty_account == tx["account_number"]
        assert line.reference == tx["ref"]
        assert tx["payment_ref"] in line.description
        assert line.currency == currency


def test_camt053_other_schema_versions(shared_dir: Path, tmp_path: Path) -> None:
    """camt.053.001.08 (and later) differ in namespace only for these elements: same lines."""
    source = shared_dir / "samples/bank-statements/camt/test-camt053"
    newer = tmp_path / "camt053-v08.xml"
    newer.write_bytes(source.read_bytes().replace(b"camt.053.001.02", b"camt.053.001.08"))
    assert [ln.payload() for ln in read_statement(newer).lines] == [ln.payload() for ln in read_statement(source).lines]


def test_camt053_entity_expansion_is_refused(tmp_path: Path) -> None:
    from hub.errors import InputError

    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
                    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&b;'
                    "</BkToCstmrStmt></Document>", encoding="utf-8")
    with pytest.raises(InputError, match="unsafe XML"):
        read_statement(bomb)
