"""Field parsers: amounts (figures and Chinese uppercase), dates, tax ids, invoice numbers, bank
accounts and currencies, as printed on Chinese and English documents.

Every parser returns the value or raises ``ValueError`` whose message names the text and the reason.
:func:`read_field` wraps a parser and returns a :class:`ParsedField` with a confidence and warnings.
"""

from extractors.parse.accounts import check_iban, parse_bank_account
from extractors.parse.amounts import (
    Money,
    amount_to_chinese_upper,
    chinese_upper_to_amount,
    format_amount,
    is_chinese_upper,
    parse_amount,
    parse_money,
)
from extractors.parse.currencies import find_currency, parse_currency
from extractors.parse.dates import AmbiguousDateError, infer_dayfirst, parse_date, read_date
from extractors.parse.fields import ParsedField, read_field
from extractors.parse.numbers import (
    parse_document_number,
    parse_uscc,
    parse_vat_invoice_code,
    parse_vat_invoice_number,
)

__all__ = [
    "AmbiguousDateError", "Money", "ParsedField", "amount_to_chinese_upper", "check_iban", "chinese_upper_to_amount",
    "find_currency", "format_amount", "infer_dayfirst", "is_chinese_upper", "parse_amount", "parse_bank_account", "parse_currency",
    "parse_date", "parse_document_number", "parse_money", "parse_uscc", "parse_vat_invoice_code",
    "parse_vat_invoice_number", "read_date", "read_field",
]
