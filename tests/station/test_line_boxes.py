"""Line cells boxed on the page: a stored invoice's line items carry where each cell was read, and the
station's document page draws them (the reviewer clicks a cell's box as a header field's)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from extractors.pipeline import Options, extract_paths
from hub.records import SourceFile
from hub.review import document_record
from hub.settings import load_settings
from hub.store import Store
from station import queues

_spec = importlib.util.spec_from_file_location(
    "vat_tables", Path(__file__).parents[1] / "extractors_documents" / "vat_tables.py")
vat_tables = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("vat_tables", vat_tables)
_spec.loader.exec_module(vat_tables)


def test_line_cells_of_a_stored_invoice_have_their_boxes(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "home")
    store = Store(settings=settings)
    docs = tmp_path / "docs"
    docs.mkdir()
    inv = vat_tables.two_page_invoice(docs / "two.pdf")
    [outcome] = extract_paths([docs], settings, Options(kind="invoice"), store=store)
    assert outcome.status() in ("stored", "needs_review")
    [source] = store.all(SourceFile)
    table = queues.document_lines(source, document_record(store, source))
    assert table is not None and len(table.rows) == len(inv["lines"])
    amounts = [next(c for c in row if c.name.endswith(".amount")) for row in table.rows]
    assert all(c.box is not None and c.page in (1, 2) and c.text for c in amounts)
    assert {c.page for c in amounts} == {1, 2}  # the table continues on page 2, and so do its boxes
