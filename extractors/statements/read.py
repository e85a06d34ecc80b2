"""Pick the importer for a statement file by its content."""

from __future__ import annotations

import re
from pathlib import Path

from extractors.statements.model import StatementImport
from hub.errors import InputError

_MT940_RE = re.compile(rb"(?m)^\s*:(?:20|21|25|28C?|60[FM]|61|62[FM]|64|65|86):")
_CAMT_RE = re.compile(rb"urn:iso:std:iso:20022:tech:xsd:camt\.05[234]\.\d{3}\.\d{2}")


def detect_format(data: bytes) -> str | None:
    """``mt940``, ``camt053``, ``bai2``, ``ofx``, ``qif``, ``pdf``, ``table`` or None (not a statement format we know) from the bytes."""
    head = data[:65536]
    if head.startswith(b"%PDF"):
        return "pdf"
    if _CAMT_RE.search(head) or (head.lstrip().startswith(b"<") and re.search(rb"BkToCstmr(?:Stmt|AcctRpt|DbtCdtNtfctn)", head)):
        return "camt053"
    if _MT940_RE.search(head) or head.lstrip().startswith(b"{1:"):
        return "mt940"
    from extractors.statements.bai2 import looks_like_bai2
    from extractors.statements.ofx import looks_like_ofx
    from extractors.statements.qif import looks_like_qif

    if looks_like_bai2(head):
        return "bai2"
    if looks_like_ofx(head):
        return "ofx"
    if looks_like_qif(head):
        return "qif"
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return "table"
    if b"\x00" not in head[:4096] or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "table"
    return None


def read_statement(path: Path, data: bytes | None = None, *, bank: str | None = None,
                   account: str | None = None) -> StatementImport:
    """Import one statement file (csv/xls/xlsx export, MT940, CAMT.053/052/054, BAI2, OFX/QFX, QIF, or a PDF statement
    with a text layer) into signed StatementLines.

    ``bank``/``account`` override what the file says (needed when an export names neither).
    Raises :class:`hub.errors.InputError` naming the file and the reason when it cannot be read.
    """
    data = path.read_bytes() if data is None else data
    if not data:
        raise InputError("is empty (0 bytes)", source=str(path))
    kind = detect_format(data)
    if kind == "camt053":
        from extractors.statements.camt import read_camt053

        return read_camt053(path, data, bank=bank, account=account)
    if kind == "mt940":
        from extractors.statements.swift import read_mt940

        return read_mt940(path, data, bank=bank, account=account)
    if kind == "bai2":
        from extractors.statements.bai2 import read_bai2

        return read_bai2(path, data, bank=bank, account=account)
    if kind == "ofx":
        from extractors.statements.ofx import read_ofx

        return read_ofx(path, data, bank=bank, account=account)
    if kind == "qif":
        from extractors.statements.qif import read_qif

        return read_qif(path, data, bank=bank, account=account)
    if kind == "pdf":
        from extractors.statements.pdf import read_pdf_statement

        return read_pdf_statement(path, data, bank=bank, account=account)
    if kind == "table":
        from extractors.statements.tables import read_table_statement

        return read_table_statement(path, data, bank=bank, account=account)
    raise InputError("is not a bank statement this importer knows (csv/xls/xlsx export, MT940, CAMT.053, BAI2, OFX, QIF)",
                     source=str(path))
