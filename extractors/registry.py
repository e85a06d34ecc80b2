"""Which extractor reads which kind of file. Structured kinds (statements, order exports) are built in;
document kinds (invoice, receipt, packing list, delivery note: PDFs and scans) come from ``extractors.documents``.
Other code may register its own batch reader for a kind with :func:`register`.

A batch reader is called as ``reader(paths, kind, workers=..., progress=...)`` and returns, in order,
one :class:`extractors.documents.result.DocumentResult` or :class:`hub.errors.InputError` per path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

#: Kinds the CLI accepts, as users type them.
KINDS = ("auto", "invoice", "receipt", "statement", "orders", "packing-list", "delivery", "remittance")
#: Kinds read from PDFs and images.
DOCUMENT_KINDS = ("invoice", "receipt", "packing-list", "delivery")

BatchReader = Callable[..., list[Any]]
_readers: dict[str, BatchReader] = {}


def register(kind: str, reader: BatchReader) -> None:
    """Make ``reader`` the batch reader of document ``kind`` (``auto`` reads and classifies)."""
    _readers[kind] = reader


def builtin(kind: str) -> bool:
    """Whether ``kind`` is read by ``extractors.documents`` (which also takes ``layouts=``), not a registered reader."""
    return kind not in _readers


def document_reader(kind: str) -> BatchReader | None:
    """The batch reader for a document kind (``auto`` included), or None when none is installed."""
    if kind in _readers:
        return _readers[kind]
    try:
        from extractors.documents import extract_documents
    except ImportError:
        return None

    def read(paths: Sequence[Path], kind_: str, **options: Any) -> list[Any]:
        return extract_documents(list(paths), kind_.replace("-", "_"), **options)

    return read
