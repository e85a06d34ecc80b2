"""Pick the importer for a statement file by its content."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from extractors.statements.model import StatementImport
from hub.errors import InputError

_MT940_RE = re.compile(rb"(?m)^\s*:(?:20|21|25|28C?|60[FM]|61|62[FM]|64|65|86):")
#: the first bytes of the image files a scanned statement comes as (PNG, JPEG, TIFF)
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_CAMT_RE = re.compile(rb"urn:iso:std:iso:20022:tech:xsd:camt\.05[234]\.\d{3}\.\d{2}")


def detect_format(data: bytes) -> str | None:
    """``mt940``, ``camt053``, ``bai2``, ``ofx``, ``qif``, ``pdf``, ``scan`` (an image), ``table`` or None (not a statement format we know) from the bytes."""
    head = data[:65536]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(_IMAGE_MAGIC):
        return "scan"
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


#: the reader of each format: (module, function), imported when a file of it comes
READERS = {"camt053": ("extractors.statements.camt", "read_camt053"), "mt940": ("extractors.statements.swift", "read_mt940"),
           "bai2": ("extractors.statements.bai2", "read_bai2"), "ofx": ("extractors.statements.ofx", "read_ofx"),
           "qif": ("extractors.statements.qif", "read_qif"), "scan": ("extractors.statements.scanned", "read_scanned_statement"),
           "pdf": ("extractors.statements.pdf", "read_pdf_statement"),
           "table": ("extractors.statements.tables", "read_table_statement")}


def read_statement(path: Path, data: bytes | None = None, *, bank: str | None = None,
                   account: str | None = None) -> StatementImport:
    """Import one statement file (csv/xls/xlsx export, MT940, CAMT.053/052/054, BAI2, OFX/QFX, QIF, a PDF statement
    with a text layer, or a scanned one: page images, a photo, a TIFF) into signed StatementLines.

    ``bank``/``account`` override what the file says (needed when an export names neither).
    Raises :class:`hub.errors.InputError` naming the file and the reason when it cannot be read.
    """
    data = path.read_bytes() if data is None else data
    if not data:
        raise InputError("is empty (0 bytes)", source=str(path))
    kind = detect_format(data)
    if kind in READERS:
        module, name = READERS[kind]
        reader = getattr(importlib.import_module(module), name)
        return reader(path, data, bank=bank, account=account)
    raise InputError("is not a bank statement this importer knows (csv/xls/xlsx export, MT940, CAMT.053, BAI2, OFX, QIF, PDF)",
                     source=str(path))
