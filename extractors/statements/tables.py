"""Chinese bank and wallet statement exports (ICBC, CCB, Alipay, WeChat Pay and alike) from csv, xls
and xlsx: preamble lines before the header, padded cells, split 收入/支出 columns or one amount with a
收/支 column or a signed amount, ``-`` placeholders, thousands separators, totals rows after the data.
Column names, directions, statuses and bank markers are data (``statement_columns.toml``,
``statement_rules.toml``)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractors.columns import HeaderMap, find_header, is_blank, load_fields
from extractors.parse import infer_dayfirst, parse_amount, parse_currency, parse_date
from extractors.spreadsheets import Cell, Sheet, cell_text, read_sheets
from extractors.statements.model import LineIds, StatementImport
from hub.errors import InputError, RecordError
from hub.records import StatementLine

COLUMNS = "statement_columns.toml"


@cache
def rules() -> dict[str, Any]:
    """The statement rules data file (directions, statuses, footers, preamble labels, banks)."""
    text = resources.files("extractors").joinpath("data", "statement_rules.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _norm(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", unicodedata.normalize("NFKC", text))


def _row_text(row: Sequence[Cell]) -> str:
    return " ".join(cell_text(c) for c in row if c is not None)


def _preamble_value(lines: list[str], labels: list[str], *, digits: bool = False) -> str | None:
    """The value after ``label:`` in the preamble (cells joined by ``¦``); ``digits`` joins grouped digits."""
    for line in lines:
        compact = line.replace("\u3000", "")
        for label in labels:
            match = re.search(rf"(?<![\w]){re.escape(label)}\s*(?:\[[^\]]*\]|\([^)]*\))?\s*[:：]\s*(?:¦\s*)?\[?([^¦\[\],，]+)", compact, re.I)
            if match and match.group(1).strip():
                value = match.group(1).strip()
                if digits and re.fullmatch(r"[\d*xX][\d*xX \-]*", value):
                    value = re.sub(r"[ \-]", "", value)
                return value.split()[0] if not digits else value
    return None


def detect_bank(text: str) -> str | None:
    """The bank or wallet whose markers appear in ``text`` (file name, preamble, header); first entry wins.
    Latin markers match as whole words (``CCB`` not inside ``ACCBX``), Chinese ones anywhere."""
    spaced = unicodedata.normalize("NFKC", text)
    compact = _norm(text)
    for bank in rules()["banks"]:
        for marker in bank["markers"]:
            norm = _norm(marker)
            if norm.isascii():
                body = r"\s*".join(re.escape(ch) for ch in norm)
                if re.search(rf"(?<![A-Za-z]){body}(?![A-Za-z])", spaced, re.I):
                    return bank["name"]
            elif norm in compact:
                return bank["name"]
    return None


def _to_date(value: Cell, dayfirst: bool = True) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, Decimal) and not (19000101 <= value <= 21001231):
        return None
    try:
        return parse_date(cell_text(value), dayfirst=dayfirst)
    except ValueError:
        return None


def _amount(value: Cell, where: str, source: str) -> Decimal | None:
    if is_blank(value):
        return None
    if isinstance(value, Decimal):  # a number cell of a workbook: at least two places, as printed
        return value.quantize(Decimal("0.01")) if value == value.quantize(Decimal("0.01")) else value
    try:
        return parse_amount(value)
    except ValueError as exc:
        raise InputError(f"{where}: {exc}", source=source) from None


def _direction(value: Cell) -> str | None:
    if value is None:
        return None
    text = _norm(cell_text(value)).lower()
    table = rules()["direction"]
    for key in ("in", "out", "neutral"):
        if text in {_norm(v).lower() for v in table[key]}:
            return key
    return None


class _TableReader:
    def __init__(self, path: Path, sheet: Sheet, header: HeaderMap, *, bank: str | None, account: str | None):
        self.path, self.sheet, self.header = path, sheet, header
        self.source = str(path)
        preamble = [" ¦ ".join(cell_text(c) for c in r if c is not None) for r in sheet.rows[: header.row]]
        labels = rules()["preamble"]
        self.bank = bank or detect_bank(" ".join([path.stem, *preamble, *header.headers])) or "unknown"
        self.account = account if account is not None else (_preamble_value(preamble, labels["account"], digits=True) or "")
        ccy = _preamble_value(preamble, labels["currency"])
        self.currency = "CNY"
        if ccy:
            try:
                self.currency = parse_currency(ccy)
            except ValueError:
                pass
        self.result = StatementImport(self.source, "table", self.bank, self.account)
        if self.bank == "unknown":
            self.result.warnings.append("the export names no bank we know; lines are stored under bank 'unknown'")
        self.ids = LineIds()
        self.bad_balances = 0
        self.dayfirst = self._dayfirst()

    def _dayfirst(self) -> bool:
        """Day/month order of the whole file's numeric dates (03/04/2026), from the dates that settle it."""
        texts = [cell_text(c) for row in self.sheet.rows[self.header.row + 1:]
                 for name in ("booking_date", "transaction_date", "value_date") for c in self.header.all(row, name)]
        found = infer_dayfirst(texts)
        if found is None and any(re.fullmatch(r"\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}.*", t) for t in texts):
            self.result.warnings.append("numeric dates such as 03/04/2026 could be day/month or month/day; "
                                        "read day-first (no date in the file settles it)")
            return True
        return True if found is None else found

    def col(self, name: str) -> str:
        cols = self.header.columns.get(name)
        return self.header.headers[cols[0]] if cols else name

    def run(self) -> StatementImport:
        h = self.header
        footers = [_norm(m) for m in rules()["footer"]["markers"]]
        skip_status = {_norm(s) for s in rules()["status"]["skip"]}
        for index in range(h.row + 1, len(self.sheet.rows)):
            row = self.sheet.rows[index]
            number = index + 1
            if all(is_blank(c) for c in row):
                continue
            first = next(cell_text(c) for c in row if not is_blank(c))
            if any(m in _norm(first) for m in footers) and self.dates(row)[0] is None:
                self.result.skipped.append(f"row {number}: totals/footer row {first!r}")
                continue
            status = h.first(row, "status")
            if status is not None and _norm(cell_text(status)) in skip_status:
                self.result.skipped.append(f"row {number}: status {cell_text(status)!r} moved no money")
                continue
            line = self.line(row, number)
            if line is not None:
                self.result.lines.append(line)
        if self.bad_balances:
            self.result.warnings.append(f"{self.bad_balances} balance value(s) are not numbers ({self.col('balance')}); "
                                        "balances left empty")
        self.result.confidence = self.confidence()
        return self.result

    def raw(self, row: Sequence[Cell], name: str) -> Cell:
        """The cell of the preferred column of ``name``, placeholders (``/``, ``-``) included."""
        cols = self.header.columns.get(name)
        return row[cols[0]] if cols and cols[0] < len(row) else None

    def confidence(self) -> dict[str, float]:
        s = self.header.scores
        amount = max((s.get(k, 0.0) for k in ("amount", "credit", "debit")), default=0.0)
        out = {"booking_date": max(s.get("booking_date", 0.0), s.get("transaction_date", 0.0)), "amount": amount}
        for name in ("counterparty_name", "counterparty_account", "balance", "currency", "transaction_id"):
            if name in s:
                out[name] = s[name]
        return out

    def dates(self, row: Sequence[Cell]) -> tuple[date | None, date | None]:
        h = self.header
        first = self.dayfirst
        booking = next((d for c in h.all(row, "booking_date") if (d := _to_date(c, first))), None)
        traded = next((d for c in h.all(row, "transaction_date") if (d := _to_date(c, first))), None)
        value = next((d for c in h.all(row, "value_date") if (d := _to_date(c, first))), None)
        return booking or traded, value or traded

    def amount(self, row: Sequence[Cell], number: int) -> Decimal | None:
        h = self.header
        credit = debit = None
        for value, name in ((h.first(row, "credit"), "credit"), (h.first(row, "debit"), "debit")):
            parsed = _amount(value, f"row {number}, column {self.col(name)}", self.source)
            if name == "credit":
                credit = parsed
            else:
                debit = parsed
        if credit or debit:
            return (credit or Decimal(0)) - abs(debit or Decimal(0))
        raw = h.first(row, "amount")
        amount = _amount(raw, f"row {number}, column {self.col('amount')}", self.source)
        if amount is None:
            return Decimal(0) if (credit is not None or debit is not None) else None
        raw_direction = self.raw(row, "direction")
        direction = _direction(raw_direction)
        if direction is None and raw_direction is not None and not is_blank(raw_direction):
            raise InputError(f"row {number}, column {self.col('direction')}: "
                             f"{cell_text(h.first(row, 'direction'))!r} is neither money in nor money out",
                             source=self.source)
        if direction == "in":
            return abs(amount)
        if direction == "out":
            return -abs(amount)
        if direction == "neutral":
            text = " ".join(cell_text(c) for c in h.all(row, "summary") + h.all(row, "item") + h.all(row, "memo"))
            keywords = rules()["direction"]["neutral_in_keywords"]
            return abs(amount) if any(k in text for k in keywords) else -abs(amount)
        return amount

    def line(self, row: Sequence[Cell], number: int) -> StatementLine | None:
        h = self.header
        booking, value_date = self.dates(row)
        amount = self.amount(row, number)
        if booking is None:
            if amount is None:
                self.result.skipped.append(f"row {number}: no date and no amount ({_row_text(row)[:60]!r})")
                return None
            raw = h.first(row, "booking_date") or h.first(row, "transaction_date")
            raise InputError(f"row {number}: no readable date ({cell_text(raw)!r})", source=self.source)
        if amount is None:
            raise InputError(f"row {number}: no amount in {self.col('amount')}", source=self.source)
        currency = self.currency
        ccy = h.first(row, "currency")
        if ccy is not None:
            try:
                currency = parse_currency(cell_text(ccy))
            except ValueError:
                self.result.warnings.append(f"row {number}: unknown currency {cell_text(ccy)!r}, used {currency}")
        balance = None
        raw_balance = h.first(row, "balance")
        if raw_balance is not None:
            try:
                balance = _amount(raw_balance, "balance", self.source)
            except (ValueError, InputError):
                self.bad_balances += 1
        side = "payer" if amount > 0 else "payee"
        counterparty = cell_text(h.first(row, "counterparty_name")) or cell_text(h.first(row, f"{side}_name"))
        account = cell_text(h.first(row, "counterparty_account")) or cell_text(h.first(row, f"{side}_account"))
        cp_bank = cell_text(h.first(row, "counterparty_bank")) or cell_text(h.first(row, f"{side}_bank"))
        place = cell_text(h.first(row, "place"))
        parts = [cell_text(c) for c in h.all(row, "summary")]
        if counterparty and place:
            parts.append(place)
        parts += [cell_text(c) for c in h.all(row, "item") + h.all(row, "method")]
        description = " | ".join(dict.fromkeys(p for p in parts if p))
        memo = " | ".join(dict.fromkeys(cell_text(c) for c in h.all(row, "memo")))
        bank_id = cell_text(h.first(row, "transaction_id"))
        reference = memo or cell_text(h.first(row, "reference")) or None
        tid = self.ids.make(bank_id, booking, amount, counterparty or place, description, balance)
        try:
            return StatementLine(
                bank=self.bank, account=self.account, transaction_id=tid, booking_date=booking,
                value_date=value_date, amount=amount, currency=currency, counterparty_name=counterparty or place,
                counterparty_account=account or None, counterparty_bank=cp_bank or None,
                description=description, reference=reference, balance=balance, source_line=number)
        except ValidationError as exc:
            raise RecordError(exc, source=f"{self.source} row {number}") from None


def read_table_statement(path: Path, data: bytes | None = None, *, bank: str | None = None,
                         account: str | None = None, columns: str | Path = COLUMNS) -> StatementImport:
    """Import a csv/xls/xlsx statement export: every sheet with a statement header row (exports of more
    than 65,536 rows continue on further sheets), in sheet order."""
    fields = load_fields(columns)
    sheets = read_sheets(path, data)
    first_error: InputError | None = None
    combined: StatementImport | None = None
    ids = LineIds()
    for sheet in sheets:
        try:
            header = find_header(sheet.rows, fields, source=str(path), what="statement")
        except InputError as exc:
            first_error = first_error or exc
            continue
        reader = _TableReader(path, sheet, header, bank=bank or (combined.bank if combined else None),
                              account=account if account is not None or combined is None else combined.account)
        reader.ids = ids
        part = reader.run()
        if combined is None:
            combined = part
            continue
        prefix = f"sheet {sheet.name!r}: "
        combined.lines += part.lines
        combined.warnings += [prefix + w for w in part.warnings if w not in combined.warnings]
        combined.skipped += [prefix + k for k in part.skipped]
        combined.confidence = {k: min(v, part.confidence.get(k, v)) for k, v in combined.confidence.items()}
    if combined is None:
        raise first_error or InputError("has no sheets", source=str(path))
    return combined
