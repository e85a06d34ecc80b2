"""Bank, card and wallet statement exports (Chinese and Hong Kong banks, Alipay, WeChat Pay, JD and
alike) from csv, xls and xlsx.

The shapes handled: preamble lines before the header; Chinese, English or bilingual headers (a header's
bracketed part never stops the mapping); one signed amount, one unsigned amount with a direction column
(收/支, 借/贷, ``贷 Cr``, ``DEBIT``/``CREDIT``, ``D``/``C``, 付/收 ...), or separate income and expense
columns; card statements, whose spending is money out even when printed positive; dates without a year,
which take it from the statement's period (preamble or file name); amounts with annotations
(``131.77(已退款89.84)``: the note goes to the description) or currencies; ``-`` placeholders, padded
cells, thousands separators, totals rows after the data. A balance column is checked row to row: it
settles the sign of rows whose direction cannot be read and flags rows whose direction it contradicts.

A row that cannot be read is a row warning (row, column, cell, reason); every other row is imported.
Column names, directions, statuses, account kinds and banks are data (``statement_columns.toml``,
``statement_rules.toml``)."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractors.columns import (
    FieldSpec,
    HeaderMap,
    RowProblem,
    bracket_parts,
    find_header,
    is_blank,
    load_fields,
    map_headers,
    normalise_header,
)
from extractors.parse import find_currency, infer_dayfirst, parse_currency, parse_date
from extractors.spreadsheets import Cell, Sheet, cell_text, read_sheets
from extractors.statements.balances import Entry, check_balances
from extractors.statements.carried import balances_in, printed_balances
from extractors.statements.cells import (
    AmountCell,
    Period,
    Yearless,
    direction_of,
    find_period,
    full_date,
    read_amount,
    rules,
    settle_yearless,
    squash,
    yearless,
)
from extractors.statements.details import party_in_details
from extractors.statements.headerless import infer_header
from extractors.statements.model import LineIds, StatementImport
from hub.errors import InputError, describe_validation_error
from hub.records import StatementLine
from hub.validation import currencies

COLUMNS = "statement_columns.toml"
#: fields whose columns name the other party of a line
PARTY_FIELDS = ("counterparty_name", "payer_name", "payee_name", "merchant", "place")
#: the text columns whose cells a statement converted from its PDF wraps onto the rows below
WRAPPING_FIELDS = ("item", "summary", "memo", "counterparty_name", "merchant", "place")
#: confidence of a currency the export does not print: a bank's home currency, a default
HOME_CURRENCY_CONFIDENCE = 0.9
#: the counterparty read from a details text after a type or label we know; the text whole (no type known)
DETAILS_PARTY_CONFIDENCE = 0.9
WHOLE_TEXT_PARTY_CONFIDENCE = 0.5
#: the amounts' confidence when the closing balance printed does not follow from the lines
CARRIED_MISMATCH_CONFIDENCE = 0.5
#: an ISO code in the file's name (``OCBC_SGD_601234567001_Mar2026.csv``), an IBAN's country
FILE_NAME_CURRENCY_CONFIDENCE = 0.9
IBAN_CURRENCY_CONFIDENCE = 0.85
#: a row whose currency cell is blank, in the one currency the column prints on the other rows
BLANK_CELL_CURRENCY_CONFIDENCE = 0.85
#: the one ISO currency printed beside the preamble's opening or closing balance
BALANCE_CURRENCY_CONFIDENCE = 0.95
#: the one ISO currency the rows print where the bank's home currency was the guess (for review)
PRINTED_ELSEWHERE_CONFIDENCE = 0.85
#: the one ISO currency printed on the preamble's account line (``Account Number: 015-... HKD Current Account``), or
#: on the heading of a section of the table (``外币账户(美元)交易明细``, ``Sub-account | USD Savings``)
ACCOUNT_LINE_CURRENCY_CONFIDENCE = 0.95
SECTION_CURRENCY_CONFIDENCE = 0.95
#: the amounts of an export read in minor units (cents) by its provider's convention, not by anything printed
MINOR_UNITS_CONFIDENCE = 0.85
#: the columns whose figures an export in minor units prints so
MONEY_FIELDS = ("amount", "credit", "debit", "fee", "net", "balance")

__all__ = ["COLUMNS", "detect_bank", "read_table_statement", "rules"]


def _norm(text: str) -> str:
    return squash(text)


def _row_text(row: Sequence[Cell]) -> str:
    return " ".join(cell_text(c) for c in row if c is not None)


def _preamble_value(lines: list[str], labels: list[str], *, digits: bool = False) -> str | None:
    """The value after ``label:`` in the preamble (cells joined by ``¦``), or in the cell after a label cell
    (``Currency | USD``); ``digits`` joins grouped digits and takes an IBAN after its label and a blank."""
    # an account's label and its IBAN printed as one text (``IBAN DE44 5019 ...``: a PDF's close words)
    spaced = r"|\s+(?=[A-Z]{2}\d{2}\s?[A-Z0-9]{4})" if digits else ""
    for line in lines:
        compact = line.replace("\u3000", "")
        for label in labels:
            match = re.search(rf"(?<![\w]){re.escape(label)}\.?\s*(?:\[[^\]]*\]|\([^)]*\))?\s*(?:[:：]\s*(?:¦\s*)?|¦\s*{spaced})"
                              r"\[?([^¦\[\],，]+)", compact, re.I)
            if match and match.group(1).strip():
                value = match.group(1).strip()
                if digits and not re.search(r"\d", value):
                    # the label's cell names the account's kind (``Compte courant``) and its IBAN follows on the line;
                    # else the value stands (a wallet's login or nickname: 微信昵称)
                    rest = compact[match.end():]
                    later = re.search(r"[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?![\w])", rest)
                    if later:
                        return re.sub(r"\s", "", later.group())
                iban = re.match(r"[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?![\w])", value)
                if digits and iban:  # an IBAN keeps its country and check digits (AT61 1904 3002 3457 3201)
                    return re.sub(r"\s", "", iban.group())
                if digits:
                    # the number among words (``USD Current Account 015-123-4-567890``, ``1088... 户名：...``)
                    number = re.search(r"(?<![\w-])[\d*xX](?:[\d*xX]|[ \-](?=[\d*xX])){5,}(?![\w-])", value)
                    if number and sum(ch.isdigit() for ch in number.group()) >= 6:
                        value = re.sub(r"[ \-]", "", number.group())
                return value.split()[0] if not digits else value
    return None


def _bank(text: str) -> dict[str, Any] | None:
    spaced = unicodedata.normalize("NFKC", text)
    compact = _norm(text)
    for bank in rules()["banks"]:
        for pattern in bank.get("patterns", []):  # a bank of many (农商行): its name as printed
            named = re.search(pattern, spaced)
            if named:
                return {**bank, "name": named.group()}
        for marker in bank.get("markers", []):
            norm = _norm(marker)
            if norm.isascii():
                body = r"\s*".join(re.escape(ch) for ch in norm)
                if re.search(rf"(?<![A-Za-z]){body}(?![A-Za-z])", spaced, re.I):
                    return bank
            elif norm in compact:
                return bank
    return None


def detect_bank(text: str) -> str | None:
    """The bank or wallet whose markers appear in ``text`` (file name, preamble, header); first entry wins.
    Latin markers match as whole words (``CCB`` not inside ``ACCBX``), Chinese ones anywhere."""
    found = _bank(text)
    return found["name"] if found else None


@dataclass
class _Draft:
    """A row read, before its sign is settled against the other rows."""

    number: int
    seq: int
    row: Sequence[Cell]
    booking: date
    value_date: date | None
    size: Decimal
    sign: int | None  # +1 money in, -1 money out, None not known yet
    how: str  # split, direction, marker, printed, card, neutral, unknown
    balance: Decimal | None
    currency: str
    notes: list[str] = field(default_factory=list)
    printed: Decimal = Decimal(0)  # the amount as printed (signed), for card statements
    direction_cell: str | None = None
    direction_reason: str | None = None
    #: the text of the rows under it that carry neither date nor amount (details wrapped over rows): field, text
    more: list[tuple[str, str]] = field(default_factory=list)
    #: what the balance moved by when a fee is printed beside the amount (the Net column, else amount - |fee|)
    net: Decimal | None = None
    #: the account of the section the row stands in, where the sections are accounts of their own
    account: str | None = None

    @property
    def explicit(self) -> bool:
        return self.how in ("split", "direction", "marker")


_DATE_FIELDS = ("booking_date", "transaction_date", "value_date")


def _currency_columns(header: HeaderMap, rows: Sequence[Sequence[Cell]]) -> HeaderMap:
    """``header`` with a date-named column whose every cell is a currency code read as the currency: ``Valuta``
    is the value date at ING and a currency at Nordea (``SEK``); the cells say which."""
    body = rows[header.row + 1:header.row + 51]
    moved = []
    for name in _DATE_FIELDS:
        for index in header.columns.get(name, []):
            cells = [cell_text(r[index]) for r in body if index < len(r) and not is_blank(r[index])]
            if cells and all(re.fullmatch(r"[A-Z]{3}", c) and find_currency(c) == c for c in cells):
                moved.append((name, index))
    if not moved:
        return header
    columns = {k: list(v) for k, v in header.columns.items()}
    for name, index in moved:
        columns[name].remove(index)
        columns.setdefault("currency", []).append(index)
    return dataclasses.replace(header, columns={k: v for k, v in columns.items() if v})


class _TableReader:
    def __init__(self, path: Path, sheet: Sheet, header: HeaderMap, *, bank: str | None, account: str | None,
                 workbook: bool = False, fields: dict[str, FieldSpec] | None = None, row_offset: int = 0):
        self.path, self.sheet, self.header = path, sheet, _currency_columns(header, sheet.rows)
        #: rows put above the file's own (a header row told from the cells of a file that prints none)
        self.row_offset = row_offset
        self.fields = fields
        self.account_given = account
        self.source = str(path)
        self.sheet_name = sheet.name if workbook else None
        preamble = [" ¦ ".join(cell_text(c) for c in r if c is not None) for r in sheet.rows[: header.row]]
        labels = rules()["preamble"]
        marker_text = " ".join([path.stem, *preamble, *header.headers])
        found = _bank(marker_text)
        #: the account kind is told by the file name, the header and the preamble's short lines (titles,
        #: labels), not its notes ("信用卡还款等交易，将计入中性交易" is a wallet's note)
        kind_text = " ".join([path.stem, *(p for p in preamble if len(_norm(p)) <= 40), *header.headers])
        self.account = account if account is not None else (_preamble_value(preamble, labels["account"], digits=True)
                                                             or _preamble_iban(preamble))
        if not bank and not found:  # a file naming no bank (Deutsche Bank's csv): its IBAN's bank code says which
            by_iban = iban_bank(self.account or self._first_row_account())
            found = next((b for b in rules()["banks"] if b["name"] == by_iban), {"name": by_iban}) if by_iban else None
        self.bank = bank or (found["name"] if found else None) or "unknown"
        self.holder = _preamble_value(preamble, labels["holder"])
        self.result = StatementImport(self.source, "table", self.bank, self.account)
        if self.bank == "unknown":
            self.result.warnings.append("the export names no bank we know; lines are stored under bank 'unknown'")
        self.currency, self.currency_confidence = self._currency(preamble, found if not bank else _bank(bank))
        #: a wallet's or a platform's own account (支付宝, 抖店, 京东): its rows' texts name goods and fees
        self.wallet = bool((found or {}).get("wallet"))
        self.card = not self.wallet and self._is_card(kind_text)
        #: the export prints its money in minor units (Stripe's API-style ``amount`` in cents)
        self.minor_units = self._in_minor_units((found or {}).get("minor_units", []))
        self.period: Period = find_period(preamble, path.stem)
        self.ids = LineIds()
        self.bad_balances = 0
        self.amount_cap = 1.0
        self._settled = False
        self._ours: tuple[set[str], set[str]] | None = None
        self.dayfirst = self._dayfirst()
        self.yearless_dayfirst = self._yearless_dayfirst()
        self.yearless_used: set[str] = set()
        self._last_number = -1  # the last row of the last transaction read (the rows wrapped under it join it)
        #: balances printed in or out with their figure: (transaction rows read before it, the figure)
        self.carried: list[tuple[int, Decimal]] = []
        #: the opening and closing balances the preamble prints (``期初余额：500,000.00`` above the table)
        self.printed = printed_balances(preamble)
        #: the rows' order and the balance's polarity the running-balance check found (None: not found)
        self.order: str | None = None
        self.polarity = -1 if self.card else 1
        #: the row number of each line read (the lines in file order)
        self.line_rows: list[int] = []
        #: rows whose currency cell is blank and took the one currency the column prints
        self.blank_currency_rows: list[int] = []
        self._drafts_read = 0
        #: lines whose party came from the details text by a type or label, or is that text whole (no type known)
        self.parties_read: Counter[str] = Counter()
        settled = {normalise_header(s) for s in rules().get("amounts", {}).get("settled", [])}
        #: the amount column is what the account was paid (结算金额): it wins over income and refund columns
        self.settled = any(normalise_header(header.headers[c]) in settled for c in header.columns.get("amount", [])[:1])
        #: the header repeated below the first (rows -> the currency its section's heading names), the headings
        self.repeats: dict[int, str | None] = {}
        self.headings: set[int] = set()
        self.section_currency: str | None = None
        #: the account a section's headings name (``Account: 848-123456-001 USD Savings``), by the repeated header
        self.repeat_accounts: dict[int, str] = {}
        self.section_account: str | None = None
        #: a second header row naming the fields each transaction's second row holds (column -> field)
        self.second_line: dict[int, str] = {}
        self.second_scores: dict[str, float] = {}
        #: a debit column printing its figures positive, where a negative one is a reversal (红字冲正): money back in
        self.red_debits = False
        self.reversal_rows: list[int] = []
        #: rows whose currency their amount cell prints (``4 250,00 PLN``)
        self.cell_currency_rows: set[int] = set()

    # -- file-wide readings -------------------------------------------------------------------------
    def _first_row_account(self) -> str:
        """The first of our accounts printed on the rows (an ``IBAN/BBAN`` column), else ''."""
        cols = self.header.columns.get("own_account", [])
        rows = self.sheet.rows[self.header.row + 1:self.header.row + 50]
        return next((cell_text(r[cols[0]]) for r in rows if cols and cols[0] < len(r) and iban_bank(cell_text(r[cols[0]]))),
                    "")

    def _currency(self, preamble: list[str], bank: dict[str, Any] | None) -> tuple[str | None, float]:
        """The statement's currency when a row does not say: the preamble's, the amount header's
        (``金额(元)``, ``Amount (HKD)``), the bank's home currency, an ISO code in the file's name, the country of
        the account's IBAN (for review), else None (needs review: never a default)."""
        ccy = _preamble_value(preamble, rules()["preamble"]["currency"])
        if ccy:
            try:
                return parse_currency(ccy), 1.0
            except ValueError:
                found = find_currency(ccy)
                if found:
                    return found, 1.0
        for name in ("amount", "credit", "debit", "balance"):
            for col in self.header.columns.get(name, []):
                # the bracketed unit first: ``valor (R$)`` is BRL, where a search of the text finds its ``$``
                found = _unit_currency(self.header.headers[col]) or find_currency(self.header.headers[col])
                if found and not (found == "USD" and "US" not in self.header.headers[col].upper()):
                    return found, 1.0
        on_account = self._account_line_currencies(preamble)
        if len(on_account) == 1:  # ``Account Number: 015-512-68-12345-6 HKD Current Account``
            return on_account.pop(), ACCOUNT_LINE_CURRENCY_CONFIDENCE
        beside = self._balance_currencies(preamble)
        if len(beside) == 1:  # printed with the preamble's balance (``Opening balance | HKD 120,500.00``)
            return beside.pop(), BALANCE_CURRENCY_CONFIDENCE
        if bank and bank.get("currency"):
            home = bank["currency"]
            printed = self._printed_currencies()
            if bank.get("wallet") or not printed or home in printed:
                return home, 1.0 if bank.get("wallet") else HOME_CURRENCY_CONFIDENCE
            # a bank's home currency is a guess: the file prints another one (``Closing Balance USD``)
            other = sorted(printed)
            self.result.warnings.append(f"the export prints no currency column; the bank's home currency is {home} "
                                        f"but the file names {', '.join(other)}: check it")
            return (other[0], PRINTED_ELSEWHERE_CONFIDENCE) if len(other) == 1 else (None, 0.0)
        named = currency_in_name(self.path.stem)
        if named:
            return named, FILE_NAME_CURRENCY_CONFIDENCE
        by_iban = iban_currency(self.account)
        if by_iban and "currency" not in self.header.columns:
            self.result.warnings.append(f"the export prints no currency; {by_iban} from the IBAN's country: check it")
            return by_iban, IBAN_CURRENCY_CONFIDENCE
        if "currency" not in self.header.columns:  # else each row says its own
            self.result.warnings.append("the export prints no currency and names no bank we know: the lines' "
                                        "currency is empty and needs review")
        return None, 0.0

    def _in_minor_units(self, headers: list[str]) -> bool:
        """Whether the amount column is headed as its provider's API prints amounts in minor units (``amount``,
        exactly: ``[[banks]] minor_units``) and every figure in it is a whole number (``24000``, no separator)."""
        cols = self.header.columns.get("amount", [])
        if not cols or self.header.headers[cols[0]].strip() not in headers:
            return False
        cells = [row[cols[0]] for row in self.sheet.rows[self.header.row + 1:] if cols[0] < len(row)]
        cells = [c for c in cells if not is_blank(c)]  # printed text only (a workbook's 240.00 may be stored as 240)
        return bool(cells) and all(isinstance(c, str) and re.fullmatch(r"-?\d+", c.strip()) for c in cells)

    def _whole_figures(self) -> None:
        """Figures of a currency without minor units (VND, KRW, JPY) grouped by dots (``55.000``, ``12.500.000``):
        the dots group thousands, never a decimal point (read so, ``55.000`` would be 55)."""
        h, known = self.header, currencies()
        for index in range(h.row + 1, len(self.sheet.rows)):
            row = self.sheet.rows[index]
            try:
                ccy = parse_currency(cell_text(h.first(row, "currency"))) if h.first(row, "currency") else self.currency
            except ValueError:
                ccy = self.currency
            if not ccy or known.get(ccy, 2) != 0:
                continue
            cells = list(row)
            for name in MONEY_FIELDS:
                for col in h.columns.get(name, []):
                    text = cell_text(cells[col]).strip() if col < len(cells) else ""
                    if re.fullmatch(r"[-+]?\d{1,3}(?:\.\d{3})+", text):
                        cells[col] = text.replace(".", "")
            self.sheet.rows[index] = cells

    def _to_major_units(self) -> None:
        """The money cells of an export in minor units, in major units (``24000`` USD cents -> ``240.00``), by
        each row's currency's minor units (JPY none); said in a warning, the amounts for review."""
        h, known = self.header, currencies()
        for index in range(h.row + 1, len(self.sheet.rows)):
            row = list(self.sheet.rows[index])
            try:
                ccy = parse_currency(cell_text(h.first(row, "currency"))) if h.first(row, "currency") else self.currency
            except ValueError:
                ccy = self.currency
            exponent = known.get(ccy or "", 2)
            for name in MONEY_FIELDS:
                for col in h.columns.get(name, []):
                    text = cell_text(row[col]).strip() if col < len(row) else ""
                    if re.fullmatch(r"-?\d+", text):
                        row[col] = (Decimal(text) / Decimal(10) ** exponent).quantize(Decimal(1).scaleb(-exponent))
            self.sheet.rows[index] = row
        self.amount_cap = min(self.amount_cap, MINOR_UNITS_CONFIDENCE)
        self.result.warnings.append(f"the amounts ({self.col('amount')}) are whole numbers in an export that prints "
                                    "them in minor units (cents): read as such, check them")

    @staticmethod
    def _account_line_currencies(preamble: list[str]) -> set[str]:
        """ISO currencies printed on the preamble's line of the account (its label, then the number and kind)."""
        from extractors.parse.currencies import currency_mentions

        known = currencies()
        labels = [_norm(lb).casefold() for lb in rules()["preamble"]["account"]]
        found: set[str] = set()
        for line in preamble:
            key = _norm(line).casefold()
            if any(key.startswith(lb) for lb in labels) and re.search(r"\d{6}", re.sub(r"[\s\-]", "", line)):
                found.update(m for m in currency_mentions(line) if m in known)
        return found

    @staticmethod
    def _balance_currencies(preamble: list[str]) -> set[str]:
        """ISO currencies printed on the preamble's lines of an opening or closing balance."""
        from extractors.parse.currencies import currency_mentions

        known = currencies()
        return {m for line in preamble if balances_in([line]) for m in currency_mentions(line) if m in known}

    def _column_currency_only(self) -> str | None:
        """The one currency the currency column prints, where some rows leave it blank (an Amazon settlement
        prints it on its first line only): those rows take it. None when it prints none or several."""
        found = set()
        for row in self.sheet.rows[self.header.row + 1:]:
            cell = self.header.first(row, "currency")
            if cell is not None:
                try:
                    found.add(parse_currency(cell_text(cell)))
                except ValueError:
                    continue
        return found.pop() if len(found) == 1 else None

    def _printed_currencies(self) -> set[str]:
        """ISO currencies the rows below the header print with their money: in an amount or balance cell (``USD
        1,200.00``) or on a line that is no transaction (``Closing Balance USD`` under a PDF's table). A
        transaction's own text is left out: an exporter's CNY account names the USD it converts (结汇 USD)."""
        from extractors.parse.currencies import currency_mentions

        cols = self.header.columns
        money = {c for f in ("amount", "credit", "debit", "balance") for c in cols.get(f, [])}
        dates = [c for f in ("booking_date", "transaction_date", "value_date") for c in cols.get(f, [])]
        known = currencies()
        found: set[str] = set()
        for row in self.sheet.rows[self.header.row + 1:]:
            dated = any(c < len(row) and row[c] not in (None, "") for c in dates)
            for col, cell in enumerate(row):
                if isinstance(cell, str) and (col in money or not dated) and any(ch.isalpha() for ch in cell):
                    found.update(m for m in currency_mentions(cell) if m in known)
        return found

    def _is_card(self, text: str) -> bool:
        """Whether the export is a card statement: card words in its name, preamble or header (信用卡,
        credit card, 到期还款日 ...), or a card-style column (the card's last digits) and no balance."""
        kinds = rules()["account_kind"]
        key = _norm(text).casefold()
        if any(_norm(w).casefold() in key for w in kinds["not_card"]):
            return False
        if any(_norm(w).casefold() in key for w in kinds["card"]):
            return True
        columns = self.header.columns
        if "balance" in columns:
            return False
        if any(f in columns for f in kinds["card_fields"]):
            return True
        # a transaction date and a posting date, one amount, no party and no direction: a card's bill
        return all(f in columns for f in kinds["card_dates"]) and not any(
            f in columns for f in (*kinds["not_card_fields"], *PARTY_FIELDS[:3]))

    def _date_texts(self) -> list[str]:
        return [cell_text(c) for row in self.sheet.rows[self.header.row + 1:]
                for name in ("booking_date", "transaction_date", "value_date") for c in self.header.all(row, name)]

    def _dayfirst(self) -> bool:
        """Day/month order of the whole file's numeric dates (03/04/2026), from the dates that settle it."""
        texts = self._date_texts()
        found = infer_dayfirst(texts)
        if found is None and any(re.fullmatch(r"\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}.*", t) for t in texts):
            self.result.warnings.append("numeric dates such as 03/04/2026 could be day/month or month/day; "
                                        "read day-first (no date in the file settles it)")
            return True
        self._settled = found is not None
        return True if found is None else found

    def _yearless_dayfirst(self) -> bool:
        """Day/month order of dates printed without a year (``05/12``): settled by the file's dates, else
        month/day under Chinese headers and day/month under English ones (Hong Kong)."""
        found = [y for t in self._date_texts() if (y := yearless(t)) is not None]
        settled = settle_yearless(found)
        if settled is not None:
            return settled
        if self._settled:
            return self.dayfirst
        english = not any(re.search(r"[\u3400-\u9fff]", h) for h in self.header.headers if h)
        if any(y.a is not None and y.a != y.b for y in found):
            order = "day/month" if english else "month/day"
            self.result.warnings.append(f"dates without a year such as {found[0].text!r} could be day/month or "
                                        f"month/day; read {order} (the headers' language; no date settles it)")
        return english

    def col(self, name: str) -> str:
        cols = self.header.columns.get(name)
        return self.header.headers[cols[0]] if cols else name

    def col_of(self, row: Sequence[Cell], name: str) -> str:
        """The header of the column ``name`` was taken from in ``row`` (its first non-blank column)."""
        for index in self.header.columns.get(name, []):
            if index < len(row) and not is_blank(row[index]):
                return self.header.headers[index]
        return self.col(name)

    def _column_currency(self, row: Sequence[Cell], name: str) -> str | None:
        """The currency in the header of the column a row's ``name`` was taken from, where the export has several
        such columns (RBC's ``CAD$`` and ``USD$``): each row is in its own column's currency."""
        if len(self.header.columns.get(name, [])) < 2:
            return None
        header = self.col_of(row, name)
        return find_currency(header) or _unit_currency(header)

    def raw(self, row: Sequence[Cell], name: str) -> Cell:
        """The cell of the preferred column of ``name``, placeholders (``/``, ``-``) included."""
        cols = self.header.columns.get(name)
        return row[cols[0]] if cols and cols[0] < len(row) else None

    # -- the rows -------------------------------------------------------------------------------------
    def run(self) -> StatementImport:
        h = self.header
        footers = [_norm(m) for m in rules()["footer"]["markers"]]
        page_number = re.compile(rules()["pdf"]["page_number"], re.I)
        skip_status = {_norm(s).casefold() for s in rules()["status"]["skip"]}
        drafts: list[_Draft] = []
        seq = 0
        labels_row = -1
        if self.minor_units:
            self._to_major_units()
        self._whole_figures()
        self._find_sections()
        self._find_second_line()
        self.red_debits = self._red_debits()
        for index in range(h.row + 1, len(self.sheet.rows)):
            row = self.sheet.rows[index]
            number = index + 1 - self.row_offset
            if all(is_blank(c) for c in row):
                continue
            if index in self.headings:
                self.result.skipped.append(f"row {number}: a page or section heading ({_row_text(row)[:60]!r})")
                continue
            if index in self.repeats:
                self.section_currency = self.repeats[index]
                self.section_account = self.repeat_accounts.get(index, self.section_account)
                self.result.skipped.append(f"row {number}: the header repeated (a page or a section)")
                continue
            if self.second_line and index == h.row + 1:
                self.result.skipped.append(f"row {number}: the header's second row (each transaction's second row)")
                continue
            second = self._second_row(row) if drafts and self._last_number == number - 1 else None
            if second:
                drafts[-1].more += second
                self._last_number = number
                continue
            first = next(cell_text(c) for c in row if not is_blank(c))
            if (any(m in _norm(first) for m in footers) or page_number.fullmatch(first.strip())) \
                    and self._dates_or_none(row) is None:  # a totals row, a note, a page's footer (第1页/共2页)
                self.result.skipped.append(f"row {number}: totals/footer row {first!r}")
                if not any(re.search(r"\d", cell_text(c)) for c in row):
                    labels_row = number  # a row of totals labels: its figures are on the row under it
                continue
            if self._balance_row(row):
                self.result.skipped.append(f"row {number}: balance carried in or out ({_row_text(row)[:60]!r})")
                continue
            # every status column (PayPal: ``Status`` Completed and ``Balance Impact`` Memo, a void moving nothing)
            status = next((s for s in h.all(row, "status") if _norm(cell_text(s)).casefold() in skip_status), None)
            if status is not None:
                self.result.skipped.append(f"row {number}: status {cell_text(status)!r} moved no money")
                continue
            wrapped = self._wrapped(row) if drafts and self._last_number == number - 1 else None
            if wrapped:
                drafts[-1].more += wrapped
                self._last_number = number
                continue
            seq += 1
            try:
                draft = self.draft(row, number, seq)
            except RowProblem as exc:
                if labels_row == number - 1 and self._dates_or_none(row) is None:  # no transaction: no date
                    self.result.skipped.append(f"row {number}: the figures of the totals row above ({_row_text(row)[:60]!r})")
                else:
                    self.row_warning(number, exc)
                continue
            if draft is not None:
                drafts.append(draft)
                self._last_number = number
                self._drafts_read = len(drafts)
        self.settle_card_signs(drafts)
        self.settle_with_balances(drafts)
        for draft in drafts:
            if draft.sign is None:
                self.row_warning(draft.number, RowProblem(
                    f"{draft.direction_reason or 'the direction cannot be read'}, and no running balance settles "
                    "the sign", self.col("direction"), draft.direction_cell))
                continue
            try:
                self.result.lines.append(self.line(draft))
                self.line_rows.append(draft.number)
            except RowProblem as exc:
                self.row_warning(draft.number, exc)
        self.check_carried()
        if self.reversal_rows:
            self.result.warnings.append(f"row(s) {_rows(self.reversal_rows)}: a negative figure in the debit column "
                                        f"({self.col('debit')}), whose other figures are positive, is a reversal "
                                        "(红字冲正): money back in")
        if self.blank_currency_rows:
            self.result.warnings.append(f"row(s) {_rows(self.blank_currency_rows)}: the currency cell is blank; "
                                        "took the one currency the other rows print: check it")
        if self.bad_balances:
            self.result.warnings.append(f"{self.bad_balances} balance value(s) are not numbers ({self.col('balance')}); "
                                        "balances left empty")
        if self.yearless_used:
            where = f"the {self.period.source}" if self.period.source else "the rows' other dates"
            self.result.warnings.append(f"dates printed without a year ({', '.join(sorted(self.yearless_used)[:3])}) "
                                        f"took it from {where}")
        accounts = {ln.account for ln in self.result.lines}
        if not self.result.account and len(accounts) == 1:  # the one account every row prints (Commerzbank's IBAN)
            self.result.account = accounts.pop()
        if self.line_rows and set(self.line_rows) <= self.cell_currency_rows and self.currency_confidence < 1.0:
            # every line's amount prints its currency (mBank's ``-1 180,00 PLN``): the file needs no currency of its own
            self.currency_confidence = 1.0
            self.result.warnings = [w for w in self.result.warnings if "prints no currency" not in w]
        self.result.confidence = self.confidence()
        return self.result

    def _find_sections(self) -> None:
        """The header printed again below the first: a page break (光大银行's ``第2页 共2页`` and the header on every
        page) or a section per sub-account or currency (Hang Seng's ``Sub-account | USD Savings``, a card bill's
        ``外币账户(美元)交易明细``). The rows right above a repeated header that carry no date and no amount are its
        headings; the one currency a section's headings name is its rows' currency (the first section's is named on
        the line right above the first header)."""
        from extractors.parse.currencies import currency_mentions

        h, rows = self.header, self.sheet.rows
        keys = [_norm(x).casefold() for x in h.headers]
        named = sum(1 for k in keys if k)
        known = currencies()

        def currency_of(texts: list[str]) -> str | None:
            found = {m for text in texts for m in currency_mentions(text) if m in known}
            return found.pop() if len(found) == 1 else None

        for index in range(h.row + 1, len(rows)):
            cells = [_norm(cell_text(c)).casefold() for c in rows[index]]
            same = sum(1 for i, c in enumerate(cells) if c and i < len(keys) and c == keys[i])
            if same < 2 or same * 2 < named:
                continue
            above: list[int] = []
            j = index - 1
            while j > h.row and len(above) < 3:
                if not all(is_blank(c) for c in rows[j]):
                    # a dated row, one with an amount, or the details of the row above wrapped under it: no heading
                    if self._dates_or_none(rows[j]) is not None or self._has_amount(rows[j]) or self._wrapped(rows[j]):
                        break
                    above.append(j)
                j -= 1
            self.headings.update(above)
            texts = [" ¦ ".join(cell_text(c) for c in rows[k] if c is not None) for k in above]
            self.repeats[index] = currency_of(texts)
            account = _preamble_value(texts, rules()["preamble"]["account"], digits=True)
            if account and re.search(r"\d{6}", account) and self.account_given is None:
                self.repeat_accounts[index] = account
        if not any(self.repeats.values()):
            return
        first = next((r for r in reversed(rows[:h.row]) if not all(is_blank(c) for c in r)), None)
        self.section_currency = currency_of([_row_text(first)]) if first is not None else None
        sections = [self.section_currency, *self.repeats.values()]
        if all(sections):
            self.currency_confidence = SECTION_CURRENCY_CONFIDENCE
            self.result.warnings = [w for w in self.result.warnings if "the bank's home currency is" not in w]
        else:
            self.currency_confidence = min(self.currency_confidence, SECTION_CURRENCY_CONFIDENCE)
        self.result.warnings.append("the table is printed in sections, each with its header; each section's rows "
                                    f"are in the currency its heading names ({', '.join(c or '-' for c in sections)})")

    def _red_debits(self) -> bool:
        """Whether the debit column prints its figures positive, so that a negative one among them is a reversal
        (a county bank's 冲正 row: ``-9,000.00`` under 借方发生额), not a debit printed with its minus (Deutsche Bank's
        ``Soll`` prints every debit so): most of its figures are positive and some negative."""
        if "debit" not in self.header.columns or "credit" not in self.header.columns:
            return False
        signs: Counter[int] = Counter()
        for row in self.sheet.rows[self.header.row + 1:]:
            try:
                cell = read_amount(self.header.first(row, "debit"))
            except ValueError:
                continue
            if cell is not None and cell.value:
                signs[1 if cell.value > 0 else -1] += 1
        return 0 < signs[-1] < signs[1]

    def _find_second_line(self) -> None:
        """A second header row under the first naming other fields in the same columns (交通银行: ``对方户名``
        under ``对方账号``, ``附言`` under ``摘要``): each transaction goes on on a second row, whose cells are
        those fields."""
        h, rows = self.header, self.sheet.rows
        if self.fields is None or h.row + 1 >= len(rows):
            return
        row = rows[h.row + 1]
        cells = {i for i, c in enumerate(row) if not is_blank(c)}
        if not cells or any(not isinstance(row[i], str) or re.search(r"\d", row[i]) for i in cells):
            return
        mapped = map_headers(row, self.fields, h.row + 1)
        where = {c: name for name, cols in mapped.columns.items() for c in cols}
        if set(where) != cells or not any(name not in h.columns for name in where.values()):
            return
        self.second_line = {c: name for c, name in where.items() if name not in h.columns}
        self.second_scores = {name: mapped.scores[name] for name in self.second_line.values()}

    def _second_row(self, row: Sequence[Cell]) -> list[tuple[str, str]] | None:
        """A transaction's second row (see :meth:`_find_second_line`): its cells by field, else None."""
        if not self.second_line:
            return None
        cells = [(i, cell_text(c)) for i, c in enumerate(row) if not is_blank(c)]
        if not cells or any(i not in self.second_line for i, _ in cells) or self._dates_or_none(row) is not None:
            return None
        return [(self.second_line[i], text) for i, text in cells]

    def _wrapped(self, row: Sequence[Cell]) -> list[tuple[str, str]] | None:
        """A row that goes on with the transaction above it (a statement converted from its PDF, whose
        ``Transaction Details`` wrap over rows: ``CREDIT TRANSFER`` / ``MUELLER ANLAGENBAU GMBH`` / ``INVOICE
        ...``): no date, and text only in the text columns (details, summary, memo, party, place). Its cells
        by field, else None."""
        h = self.header
        where = {c: name for name in WRAPPING_FIELDS for c in h.columns.get(name, [])}
        cells = [(i, cell_text(c)) for i, c in enumerate(row) if not is_blank(c)]
        if not cells or any(i not in where for i, _ in cells) or self._dates_or_none(row) is not None:
            return None
        return [(where[i], text) for i, text in cells]

    def _balance_row(self, row: Sequence[Cell]) -> bool:
        """A row carrying the balance over (承前页, 过次页, ``BALANCE B/F``) with no amount, whatever its date
        cell holds (PSBC prints 承前页 in it); or a row printing the balance in or out with its figure under a
        money column (``Alter Saldo 48.210,00``, ``Closing Balance USD 85,660.00``: ``[footer] balance_figures``),
        whose figure is kept for the check of the lines against it (:meth:`check_carried`)."""
        text = _norm(_row_text(row)).casefold()
        footer = rules()["footer"]
        starts = [_norm(cell_text(c)).casefold() for c in row if not is_blank(c)]
        markers = [_norm(m).casefold() for m in footer.get("balance_figures", [])]
        # a transaction may name a balance in its text (INTEREST ON CLOSING BALANCE): with an amount read, the
        # marker must begin a cell
        if any(m in text for m in markers) and (not self._has_amount(row) or any(
                c.startswith(m) for c in starts for m in markers)):
            figure = self._carried_figure(row)
            if figure is not None:
                self.carried.append((self._drafts_read, figure))
                return True
        if any(not is_blank(c) for name in ("amount", "credit", "debit") for c in self.header.all(row, name)):
            return False
        return any(_norm(m).casefold() in text for m in footer.get("balance_rows", []))

    def _has_amount(self, row: Sequence[Cell]) -> bool:
        for name in ("amount", "credit", "debit"):
            for cell in self.header.all(row, name):
                try:
                    if read_amount(cell) is not None:
                        return True
                except ValueError:
                    continue
        return False

    def _carried_figure(self, row: Sequence[Cell]) -> Decimal | None:
        """The balance a balance row prints: under the balance column, else under an amount, credit or debit
        column (a debit balance negative), else after its label and a colon in the row's text."""
        for name, sign in (("balance", 1), ("amount", 1), ("credit", 1), ("debit", -1)):
            for cell in self.header.all(row, name):
                try:
                    value = read_amount(cell)
                except ValueError:
                    continue
                if value is not None:
                    return sign * value.value
        # a figure after its label in a text: 期末余额：441,677.83, ``Closing balance 85,660.00``
        found = balances_in([_row_text(row)])
        return found[0][1] if found else None

    def check_carried(self) -> None:
        """The lines against the balances printed before and after them, in the table (balance rows) or above
        and below it (the preamble's ``期初余额``, a footer's ``Closing balance``): the oldest line's balance must
        follow from the opening balance by its amount, the newest line's balance must be the closing balance, and
        the opening balance plus the lines must give the closing one. A mismatch is warned (naming the row) and
        the amounts need review; an agreement is noted. The rows' order is the running balance's, else the dates'."""
        lines = self.result.lines
        if not lines:
            return
        before = [f for seen, f in self.carried if seen == 0]
        after = [f for seen, f in self.carried if seen >= self._drafts_read > 0]
        opening = before[0] if before else self.printed.opening
        closing = after[-1] if after else self.printed.closing
        if opening is None and closing is None:
            return
        if len({ln.currency for ln in lines}) > 1:
            self.result.warnings.append("the statement prints an opening or closing balance but its lines are in "
                                        "several currencies: the lines were not checked against it")
            return
        newest_first = self.order == "newest first" if self.order else lines[0].booking_date > lines[-1].booking_date
        oldest, newest = (len(lines) - 1, 0) if newest_first else (0, len(lines) - 1)
        problems = []
        if opening is not None and lines[oldest].balance is not None:
            expected = opening + self.polarity * lines[oldest].amount
            if expected != lines[oldest].balance:
                problems.append(f"row {self.line_rows[oldest]} (the oldest) holds the balance {lines[oldest].balance} "
                                f"where the opening balance {opening} {'+' if lines[oldest].amount >= 0 else '-'} "
                                f"{abs(lines[oldest].amount)} gives {expected}")
        if closing is not None and lines[newest].balance is not None and lines[newest].balance != closing:
            problems.append(f"the last line's balance is {lines[newest].balance} (row {self.line_rows[newest]}, "
                            "the newest)")
        if opening is not None and closing is not None:
            total = opening + self.polarity * sum((ln.amount for ln in lines), Decimal(0))
            if total != closing:
                problems.append(f"the opening balance {opening} plus the lines gives {total}")
        said = f"the closing balance printed is {closing}" if closing is not None else \
            f"the opening balance printed is {opening}"
        if problems:
            self.result.warnings.append(f"{said}, but {'; '.join(problems)}: rows may be missing or misread")
            self.amount_cap = min(self.amount_cap, CARRIED_MISMATCH_CONFIDENCE)
        else:
            self.result.skipped += [f"{what} balance {value} agrees with the lines"
                                    for what, value in (("closing", closing), ("opening", opening)) if value is not None]

    def row_warning(self, number: int, exc: RowProblem) -> None:
        self.result.row_warnings.append(exc.warning(number, self.sheet_name))

    def confidence(self) -> dict[str, float]:
        s = self.header.scores
        amount = max((s.get(k, 0.0) for k in ("amount", "credit", "debit")), default=0.0)
        date_score = max(s.get("booking_date", 0.0), s.get("transaction_date", 0.0), s.get("value_date", 0.0))
        out = {"booking_date": date_score, "amount": amount}
        for name in ("counterparty_name", "counterparty_account", "balance", "transaction_id"):
            if name in s:
                out[name] = s[name]
            elif name in self.second_scores:
                out[name] = self.second_scores[name]
        out["currency"] = s["currency"] if "currency" in s else self.currency_confidence
        if any(ln.currency is None for ln in self.result.lines):  # a blank currency cell: nothing says it
            out["currency"] = 0.0
        elif self.blank_currency_rows:
            out["currency"] = min(out["currency"], BLANK_CELL_CURRENCY_CONFIDENCE)
        if self.parties_read["whole text"]:  # a details text with no type we know: the party is a guess to review
            out["counterparty_name"] = min(out.get("counterparty_name", 1.0), WHOLE_TEXT_PARTY_CONFIDENCE)
        elif self.parties_read["details"]:
            out["counterparty_name"] = min(out.get("counterparty_name", 1.0), DETAILS_PARTY_CONFIDENCE)
        if self.yearless_used and not (self.period.end or self.period.start):
            out["booking_date"] = min(out["booking_date"], 0.8)  # a year from the file name's year alone
        out["amount"] = min(out["amount"], self.amount_cap)
        return out

    # -- dates ----------------------------------------------------------------------------------------
    def _dates_or_none(self, row: Sequence[Cell]) -> date | None:
        try:
            return self.dates(row)[0]
        except RowProblem:
            return None

    def dates(self, row: Sequence[Cell]) -> tuple[date | None, date | None]:
        """(booking date, value date) of a row: the booking date or the transaction date or, for exports
        that print only a value date, that one. Dates without a year take it from the row's other dates,
        else from the statement's period. Raises :class:`RowProblem` for a date cell nothing reads."""
        h = self.header
        full: dict[str, date] = {}
        partial: dict[str, tuple[Yearless, str]] = {}
        bad: tuple[str, str] | None = None
        for name in ("booking_date", "transaction_date", "value_date"):
            for index in h.columns.get(name, []):
                cell = row[index] if index < len(row) else None
                if is_blank(cell):
                    continue
                found = full_date(cell, self.dayfirst, serial=True)
                if found is not None:
                    full.setdefault(name, found)
                    break
                text = cell_text(cell)
                part = yearless(text)
                if part is not None and name not in partial:
                    partial[name] = (part, h.headers[index])
                elif part is None and not re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?", text):
                    bad = bad or (h.headers[index], text)
        for name, (part, column) in partial.items():
            if name in full:
                continue
            anchor = next((full[n] for n in ("booking_date", "transaction_date", "value_date") if n in full), None)
            month, day = part.month, part.day
            if month is None:
                a, b = part.a or 0, part.b or 0
                day, month = (a, b) if (self.yearless_dayfirst or b > 12) and a <= 31 and b <= 12 else (b, a)
            try:
                full[name] = self.period.year_for(month, day, anchor)
            except ValueError as exc:
                raise RowProblem(f"date {exc}", column, part.text) from None
            if anchor is None:
                self.yearless_used.add(part.text)
        booking = full.get("booking_date") or full.get("transaction_date") or full.get("value_date")
        if booking is None and bad is not None:
            try:
                parse_date(bad[1], dayfirst=self.dayfirst)
                reason = f"{bad[1]!r} is not a date"
            except ValueError as exc:
                reason = str(exc)
            raise RowProblem(reason, bad[0], bad[1])
        return booking, full.get("value_date") or full.get("transaction_date")

    # -- amounts --------------------------------------------------------------------------------------
    def _read(self, row: Sequence[Cell], name: str):  # type: ignore[no-untyped-def]
        cell = self.header.first(row, name)
        try:
            return read_amount(cell)
        except ValueError as exc:
            raise RowProblem(str(exc), self.col_of(row, name), cell_text(cell)) from None

    def draft(self, row: Sequence[Cell], number: int, seq: int) -> _Draft | None:
        h = self.header
        booking, value_date = self.dates(row)
        credit, debit = self._read(row, "credit"), self._read(row, "debit")
        notes = [c.note for c in (credit, debit) if c is not None and c.note]
        cell_ccy = next((c.currency for c in (credit, debit) if c is not None and c.currency), None)
        size: Decimal | None = None
        sign: int | None = None
        how = "split"
        printed = Decimal(0)
        direction_cell = direction_reason = None
        settled = self.settled and self._read(row, "amount") is not None  # 结算金额: income and refund are its parts
        if not settled and ((credit and credit.value) or (debit and debit.value)):
            paid = abs(debit.value) if debit else Decimal(0)
            if debit and debit.value < 0 and self.red_debits:  # a reversal printed in red (冲正 -9,000.00): money in
                paid = debit.value
                self.reversal_rows.append(number)
            value = (credit.value if credit else Decimal(0)) - paid
            size, sign = abs(value), (1 if value >= 0 else -1)
        else:
            amount = self._read(row, "amount")
            if amount is None:
                if credit is not None or debit is not None:
                    size, sign = Decimal("0.00"), 1
            else:
                notes += [amount.note] if amount.note else []
                cell_ccy = cell_ccy or amount.currency or self._column_currency(row, "amount")
                amount = self._refunded(row) or amount
                size, printed = abs(amount.value), amount.value
                raw_direction = self.raw(row, "direction")
                try:
                    direction = direction_of(raw_direction)
                except ValueError as exc:
                    direction, direction_cell = "unknown", cell_text(raw_direction)
                    direction_reason = f"direction {exc}"
                    if "balance" not in h.columns:
                        raise RowProblem(str(exc), self.col("direction"), cell_text(raw_direction)) from None
                if direction in ("in", "out"):
                    sign, how = (1 if direction == "in" else -1), "direction"
                elif direction == "neutral":
                    text = " ".join(cell_text(c) for c in h.all(row, "summary") + h.all(row, "item") + h.all(row, "memo"))
                    keywords = rules()["direction"]["neutral_in_keywords"]
                    sign, how = (1 if any(k in text for k in keywords) else -1), "neutral"
                elif direction == "unknown":
                    how = "unknown"
                elif amount.direction is not None:
                    sign, how = (1 if amount.direction == "in" else -1), "marker"
                elif self.card:
                    sign, how = None, "card"
                elif amount.value >= 0 and "direction" in h.columns:
                    # an unsigned amount whose direction cell is empty: the balance may tell, nothing else
                    how, direction_cell, direction_reason = "unknown", "", "no direction"
                    if "balance" not in h.columns:
                        raise RowProblem("no direction for an unsigned amount", self.col("direction"), "")
                else:
                    sign, how = (1 if amount.value >= 0 else -1), "printed"
        if booking is None:
            if size is None:
                self.result.skipped.append(f"row {number}: no date and no amount ({_row_text(row)[:60]!r})")
                return None
            column = self.col("booking_date") if "booking_date" in h.columns else self.col("transaction_date")
            raise RowProblem("the row has an amount but no date", column, "")
        if size is None:
            text = _norm(_row_text(row)).casefold()
            if any(_norm(m).casefold() in text for m in rules()["footer"].get("balance_rows", [])):
                self.result.skipped.append(f"row {number}: balance carried in or out ({_row_text(row)[:60]!r})")
                return None
            raise RowProblem("the row has a date but no amount",
                            self.col("amount") if "amount" in h.columns else self.col("credit"), "")
        currency = self.section_currency or self.currency
        ccy = h.first(row, "currency")
        if ccy is not None:
            try:
                currency = parse_currency(cell_text(ccy))
            except ValueError:
                self.result.warnings.append(f"row {number}: unknown currency {cell_text(ccy)!r}, used {currency}")
        elif cell_ccy:
            currency = cell_ccy
            self.cell_currency_rows.add(number)
        elif currency is None and "currency" in h.columns:
            currency = self._column_currency_only()
            if currency is not None:
                self.blank_currency_rows.append(number)
        balance = None
        raw_balance = h.first(row, "balance")
        if raw_balance is not None:
            try:
                cell = read_amount(raw_balance)
                balance = None if cell is None else -abs(cell.value) if cell.direction == "out" else cell.value
            except ValueError:
                self.bad_balances += 1
        draft = _Draft(number, seq, row, booking, value_date, size, sign, how, balance, currency, notes, printed,
                       direction_cell, direction_reason, account=self._row_account(row) or self.section_account)
        self._fee(draft)
        return draft

    def _refunded(self, row: Sequence[Cell]) -> AmountCell | None:
        """The refund of a row whose status says it is one (WeChat Pay's REFUND row repeats its order's amount
        beside its 退款金额): that amount, out; None for any other row."""
        refund = {_norm(s).casefold() for s in rules()["status"].get("refund", [])}
        if not any(_norm(cell_text(s)).casefold() in refund for s in self.header.all(row, "status")):
            return None
        cell = self._read(row, "refund_amount")
        return AmountCell(-abs(cell.value), cell.currency, "out", cell.note) if cell is not None and cell.value else None

    def _row_account(self, row: Sequence[Cell]) -> str | None:
        """Our account printed on the row (Barclays' ``Account``, Rabobank's ``IBAN/BBAN``), blanks and dashes
        dropped; None when the cell holds no account number (Revolut's ``EUR Main``)."""
        text = cell_text(self.header.first(row, "own_account"))
        iban = re.fullmatch(r"[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?", text.strip())
        if iban or sum(ch.isdigit() for ch in text) >= 6 and re.fullmatch(r"[\d\s\-]+", text.strip()):
            return re.sub(r"[\s\-]", "", text)
        return None

    def _fee(self, d: _Draft) -> None:
        """A fee printed beside the amount (Gross / Fee / Net): noted in the description; the balance moves by the
        Net column, else by the amount less the fee (a fee is a cost whichever sign it is printed with)."""
        fee, net = self._read(d.row, "fee"), self._read(d.row, "net")
        if fee is not None and fee.value:
            d.notes.append(f"fee {-abs(fee.value)}")
        if d.sign is None:
            return
        if net is not None:
            d.net = net.value
        elif fee is not None and fee.value:
            d.net = d.size * d.sign - abs(fee.value)

    # -- signs ----------------------------------------------------------------------------------------
    def _text(self, row: Sequence[Cell]) -> str:
        names = ("summary", "item", "merchant", "memo", "counterparty_name", "place")
        return " ".join(cell_text(c) for n in names for c in self.header.all(row, n))

    def settle_card_signs(self, drafts: list[_Draft]) -> None:
        """Card statements with one signed amount column: spending is the sign most rows carry unless
        the payments and refunds (还款, 退款, Payment ...) say otherwise; unsigned amounts: payments and
        refunds are money in, the rest money out."""
        rows = [d for d in drafts if d.how == "card"]
        if not rows:
            return
        keywords = [w.casefold() for w in rules()["account_kind"]["card_in_keywords"]]
        paying = [d for d in rows if any(k in self._text(d.row).casefold() for k in keywords)]
        if not any(d.printed < 0 for d in rows):  # unsigned: the words decide, and a person checks
            for d in rows:
                d.sign = 1 if d in paying else -1
            if paying:
                self.amount_cap = min(self.amount_cap, 0.85)
                self.result.warnings.append(f"card statement with unsigned amounts and no direction: row(s) "
                                            f"{_rows([d.number for d in paying])} read as payments or refunds "
                                            "(money in) by their words, the others as spending")
            return
        pos = sum(1 for d in paying if d.printed > 0)
        neg = sum(1 for d in paying if d.printed < 0)
        if pos != neg:
            spend_positive = neg > pos
        else:
            spend_positive = sum(1 for d in rows if d.printed > 0) >= sum(1 for d in rows if d.printed < 0)
        for d in rows:
            d.sign = (-1 if d.printed >= 0 else 1) if spend_positive else (1 if d.printed >= 0 else -1)

    def settle_with_balances(self, drafts: list[_Draft]) -> None:
        """The running balance: rows whose direction could not be read take the sign it implies; rows it
        contradicts take its sign too, with a warning and the amount's confidence lowered."""
        if "balance" not in self.header.columns or len(drafts) < 2:
            return
        balances = list(dict.fromkeys((d.currency, d.account) for d in drafts))
        if len(balances) > 1:  # a multi-currency wallet (Payoneer, Wise), sub-accounts: one balance per currency, account
            for key in balances:
                self.settle_with_balances_of([d for d in drafts if (d.currency, d.account) == key], renumber=True)
            return
        self.settle_with_balances_of(drafts)

    def settle_with_balances_of(self, drafts: list[_Draft], *, renumber: bool = False) -> None:
        """:meth:`settle_with_balances` on rows of one balance (``renumber``: the rows of one currency, each
        following the one before it in that currency's balance)."""
        if len(drafts) < 2:
            return
        entries = [Entry(i if renumber else d.seq, d.size, d.sign, d.explicit, d.balance) if d.net is None or d.net == 0
                   else Entry(i if renumber else d.seq, abs(d.net), 1 if d.net > 0 else -1, d.explicit, d.balance)
                   for i, d in enumerate(drafts)]
        check = check_balances(entries, prefer_polarity=-1 if self.card else 1)
        if not renumber and check.order is not None:
            self.order, self.polarity = check.order, check.polarity
        with_balance = sum(1 for d in drafts if d.balance is not None)
        if check.order is None:
            if with_balance >= 3:
                self.result.warnings.append(f"the balances ({self.col('balance')}) do not follow from the amounts row "
                                            "to row; the signs were not checked against them")
            return
        settled, contradicted = [], []
        for index, sign in check.implied.items():
            d = drafts[index]
            if d.sign is None:
                d.sign, d.how = sign, "balance"
                settled.append(d.number)
            elif d.sign != sign:
                if check.agreement < 0.75:
                    contradicted.append(d.number)
                    continue
                d.sign, d.how = sign, "balance"
                contradicted.append(d.number)
        if settled:
            self.result.warnings.append(f"row(s) {_rows(settled)}: the direction could not be read; the sign follows "
                                        f"the running balance ({self.col('balance')})")
        if contradicted:
            what = "taken from the balance" if check.agreement >= 0.75 else "left as read"
            self.result.warnings.append(f"row(s) {_rows(contradicted)}: the direction read contradicts the running "
                                        f"balance ({self.col('balance')}); sign {what}: check them")
            self.amount_cap = 0.6
        if check.mismatched and len(check.mismatched) <= max(3, check.checkable // 5):
            rows = [drafts[i].number for i in check.mismatched]
            self.result.warnings.append(f"row(s) {_rows(rows)}: the balance change differs from the amount "
                                        "(rows missing from the export, or a misread amount)")

    # -- the parties and the line ---------------------------------------------------------------------
    def is_ours(self, name: str, account: str) -> bool:
        """Whether a party printed on a line is the statement's own account (its number or holder), or one
        of our companies (:func:`our_parties`)."""
        mine = re.sub(r"\D", "", self.account)
        theirs = re.sub(r"[\s\-]", "", account)
        if mine and theirs and (theirs == self.account.replace(" ", "") or (len(mine) >= 8 and mine == re.sub(r"\D", "", theirs))):
            return True
        if self._ours is None:
            self._ours = our_parties()
        names, accounts = self._ours
        if theirs and theirs in accounts:
            return True
        key = _norm(name).casefold()
        return bool(key) and (key == _norm(self.holder or "").casefold() or key in names)

    def party(self, row: Sequence[Cell], sign: int, more: Sequence[tuple[str, str]] = ()) -> tuple[str, str, str]:
        """(name, account, bank) of the other party: the counterparty columns, else the payer of money in
        and the payee of money out (exports printing both sides; never our own side), else the one side
        an export prints, else the merchant or the place, else the party the details text names
        (:func:`party_in_details`), else (no party column at all) the details text itself; a cell wrapped
        over rows (``more``) whole."""
        h = self.header

        def get(name: str) -> str:
            return join_wrapped([cell_text(h.first(row, name)), *(t for n, t in more if n == name)])

        name, account, bank = get("counterparty_name"), get("counterparty_account"), get("counterparty_bank")
        both = "payer_name" in h.columns and "payee_name" in h.columns
        if both:
            side, other = ("payer", "payee") if sign > 0 else ("payee", "payer")
            if self.is_ours(get(f"{side}_name"), get(f"{side}_account")) and \
                    not self.is_ours(get(f"{other}_name"), get(f"{other}_account")):
                self.result.warnings.append(f"a line's {side} is our own account; its counterparty is the {other}")
                side = other
            name = name or get(f"{side}_name")
            account = account or get(f"{side}_account")
            bank = bank or get(f"{side}_bank")
        else:
            for side in ("payer", "payee"):
                name, account, bank = name or get(f"{side}_name"), account or get(f"{side}_account"), \
                    bank or get(f"{side}_bank")
        if not name and account:
            name, account = _name_in_account(account)
        name = name or get("merchant") or get("place")
        if not name:  # the party named inside the details text (the description, else the summary)
            field = "item" if "item" in h.columns else "summary"
            named = party_in_details([cell_text(h.first(row, field)), *(t for n, t in more if n == field)])
            if named and not self.is_ours(named, ""):
                name = named
                self.parties_read["details"] += 1
            elif not self.wallet and not any(f in h.columns for f in (*PARTY_FIELDS, "counterparty_account")):
                # (a wallet's or platform's details are goods and fees, never a party: 抖店, 京东 settlements)
                name = get("item") or (get("summary") if self.card else "")
                self.parties_read["whole text" if name and not self.card else "none"] += 1
        return name, account, bank

    def line(self, d: _Draft) -> StatementLine:
        h, row = self.header, d.row
        assert d.sign is not None
        amount = d.size * d.sign
        counterparty, account, cp_bank = self.party(row, d.sign, d.more)
        place = cell_text(h.first(row, "place"))
        merchant = cell_text(h.first(row, "merchant"))
        parts = [cell_text(c) for c in h.all(row, "summary")]
        if merchant and merchant != counterparty:
            parts.append(merchant)
        if place and place != counterparty:
            parts.append(place)
        parts += [cell_text(c) for c in h.all(row, "channel") + h.all(row, "item") + h.all(row, "method")]
        parts += [text for name, text in d.more if name in ("item", "summary")]
        parts += d.notes
        description = " | ".join(dict.fromkeys(p for p in parts if p))
        memo = " | ".join(dict.fromkeys([cell_text(c) for c in h.all(row, "memo")]
                                        + [text for name, text in d.more if name == "memo"]))
        bank_id = cell_text(h.first(row, "transaction_id"))
        reference = memo or cell_text(h.first(row, "reference")) or None
        tid = self.ids.make(bank_id, d.account or self.account, d.booking, amount, d.balance)
        try:
            return StatementLine(
                bank=self.bank, account=d.account or self.account, transaction_id=tid, booking_date=d.booking,
                value_date=d.value_date, amount=amount, currency=d.currency, counterparty_name=counterparty,
                counterparty_account=account or None, counterparty_bank=cp_bank or None,
                description=description, reference=reference, balance=d.balance, source_line=d.number)
        except ValidationError as exc:
            raise RowProblem(describe_validation_error(exc, "StatementLine")) from None


_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def join_wrapped(parts: Sequence[str]) -> str:
    """A cell's text wrapped over rows, joined: with a blank, but none between Chinese characters
    (``杭州西湖精密机械`` / ``有限公司``)."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        glue = "" if out and _CJK_RE.match(out[-1]) and _CJK_RE.match(part[0]) else " "
        out = f"{out}{glue}{part}" if out else part
    return out


def _unit_currency(header: str) -> str | None:
    """The currency a header's bracketed unit or last word names (``입금액(원)``, ``金額(新臺幣)``, ``Débit euros``), by
    the currency signs table."""
    outer, inner = bracket_parts(header)
    for part in [*inner, *outer.split()[-1:]]:  # 입금액(원); Débit euros
        try:
            return parse_currency(part)
        except ValueError:
            continue
    return None


def currency_in_name(stem: str) -> str | None:
    """The one ISO 4217 code written as a word of a file's name (``OCBC_SGD_601234567001_Mar2026``), else None."""
    found = {w for w in re.split(r"[^A-Za-z]+", stem) if len(w) == 3 and w.isupper() and w in currencies()}
    return found.pop() if len(found) == 1 else None


def _preamble_iban(preamble: list[str]) -> str:
    """The one valid IBAN (its check digits right) the preamble prints with no label (Société Générale's first line:
    ``="FR76 3000 ..."``), else ''."""
    from extractors.parse.accounts import check_iban

    found = set()
    for line in preamble:
        for match in re.finditer(r"(?<![A-Z0-9])[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?![A-Z0-9])", line):
            try:
                found.add(check_iban(match.group().replace(" ", "")))
            except ValueError:
                continue
    return found.pop() if len(found) == 1 else ""


def iban_currency(account: str) -> str | None:
    """The currency of the country of an IBAN (``AT61 1904 ...`` -> EUR), from ``[iban_currency]``, else None."""
    compact = re.sub(r"[\s\-]", "", account or "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
        return None
    for code, countries in rules().get("iban_currency", {}).items():
        if compact[:2] in countries:
            return code
    return None


def iban_bank(account: str) -> str | None:
    """The bank of an IBAN by its country and national bank code (``DE91 1007 0000 ...`` -> Deutsche Bank), from
    ``[[iban_banks]]``, else None."""
    compact = re.sub(r"[\s\-]", "", account or "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
        return None
    return next((entry["name"] for entry in rules().get("iban_banks", [])
                 if entry["country"] == compact[:2] and re.match(entry["code"], compact[4:])), None)


def _name_in_account(account: str) -> tuple[str, str]:
    """(name, account) of an account cell that holds both (Alipay's 对方账号 ``宁波甬江五金商行(yjwj***@163.com)``),
    else ("", account)."""
    found = re.fullmatch(r"\s*(.*?[A-Za-z\u3400-\u9fff].*?)\s*[(（]([^()（）]*[@\d*][^()（）]*)[)）]\s*", account)
    if not found or re.search(r"\d{6}", found.group(1)):
        return "", account
    return found.group(1).strip(), found.group(2).strip()


def _rows(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:8])
    return shown + (f" and {len(numbers) - 8} more" if len(numbers) > 8 else "")


def our_parties() -> tuple[set[str], set[str]]:
    """Our companies' names (squashed, case-folded) and bank accounts, from the settings' our-companies
    master when there is one (hook: statements tell "which side is us" by it), else nothing."""
    try:
        from hub import settings as hub_settings

        loader = getattr(hub_settings, "our_companies", None)
        companies = loader() if callable(loader) else []
    except Exception:  # a missing or unreadable master must not stop a statement import
        companies = []
    names: set[str] = set()
    accounts: set[str] = set()
    for company in companies or []:
        for attr in ("name", "name_en", "names", "aliases"):
            value = getattr(company, attr, None)
            for item in [value] if isinstance(value, str) else (value or []):
                names.add(_norm(str(item)).casefold())
        for attr in ("accounts", "bank_accounts", "account"):
            value = getattr(company, attr, None)
            for item in [value] if isinstance(value, str) else (value or []):
                names_or_acct = getattr(item, "account", item)
                accounts.add(re.sub(r"[\s\-]", "", str(names_or_acct)))
    return names, accounts


def read_table_statement(path: Path, data: bytes | None = None, *, bank: str | None = None,
                         account: str | None = None, columns: str | Path = COLUMNS,
                         sheets: list[Sheet] | None = None) -> StatementImport:
    """Import a csv/xls/xlsx statement export: every sheet with a statement header row (exports of more
    than 65,536 rows continue on further sheets), in sheet order. Rows that cannot be read are row
    warnings; a file with no statement header is refused (:class:`InputError`). ``sheets``: the tables
    when they come from elsewhere (a PDF's page, :mod:`extractors.statements.pdf`)."""
    fields = load_fields(columns)
    sheets = read_sheets(path, data) if sheets is None else sheets
    first_error: InputError | None = None
    combined: StatementImport | None = None
    ids = LineIds()
    workbook = all(sheet.encoding is None for sheet in sheets)
    for sheet in sheets:
        offset = 0
        try:
            header = find_header(sheet.rows, fields, source=str(path), what="statement")
        except InputError as exc:
            inferred = infer_header(sheet.rows)
            if inferred is None:
                first_error = first_error or exc
                continue
            headers, header = inferred  # a csv printing no header row: its columns told by their cells
            sheet, offset = Sheet(sheet.name, [list(headers), *sheet.rows], sheet.encoding), 1
        reader = _TableReader(path, sheet, header, bank=bank or (combined.bank if combined else None),
                              account=account if account is not None or combined is None else combined.account,
                              workbook=workbook, fields=fields, row_offset=offset)
        reader.ids = ids
        part = reader.run()
        if offset:
            told = ", ".join(f"{header.headers[cols[0]]} = column {cols[0] + 1}" for cols in header.columns.values())
            part.warnings.insert(0, f"the export prints no header row; its columns were told by their cells ({told}): "
                                    "check them")
        if combined is None:
            combined = part
            continue
        prefix = f"sheet {sheet.name!r}: "
        combined.lines += part.lines
        combined.warnings += [prefix + w for w in part.warnings if w not in combined.warnings]
        combined.skipped += [prefix + k for k in part.skipped]
        combined.row_warnings += part.row_warnings
        combined.confidence = {k: min(v, part.confidence.get(k, v)) for k, v in combined.confidence.items()}
    if combined is None:
        raise first_error or InputError("has no sheets", source=str(path))
    return combined
