"""Bank statements to :class:`hub.records.StatementLine` records: Chinese bank and wallet exports
(csv/xls/xlsx), SWIFT MT940 and ISO 20022 CAMT.053. Amounts are signed: positive is money in."""

from extractors.statements.model import StatementImport, line_id
from extractors.statements.read import detect_format, read_statement

__all__ = ["StatementImport", "detect_format", "line_id", "read_statement"]
