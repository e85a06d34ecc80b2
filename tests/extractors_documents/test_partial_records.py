"""A readable document always yields a record: fields it does not show are None with confidence 0, the
file is stored in the needs-review state (never quarantined as unreadable), and re-reading it changes
nothing. Documents that are not of the kind asked are still refused."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from extractors.documents import extract_document
from hub.errors import InputError
from hub.records import Invoice, SourceFile
from hub.settings import load_settings
from hub.store import Store


def _pdf(path: Path, lines: list[tuple[float, float, str]]) -> Path:
    c = Canvas(str(path), pagesize=(210 * mm, 297 * mm))
    c.setFont("Helvetica", 10)
    for x, y, text in lines:
        c.drawString(x * mm, (297 - y) * mm, text)
    c.save()
    return path


def _invoice_without_number(path: Path) -> Path:
    """A letterhead invoice that prints no invoice number and no currency anywhere."""
    return _pdf(path, [
        (20, 20, "BLUE HARBOUR CONSULTING LTD."), (20, 26, "12 Quay Street, Galway"),
        (140, 20, "INVOICE"), (140, 30, "Invoice Date: 14/03/2026"),
        (20, 45, "Bill To: Suzhou Hengrui Precision Hardware Co., Ltd."),
        (20, 70, "Description"), (150, 70, "Amount"),
        (20, 78, "Design review of packaging line"), (150, 78, "1,250.00"),
        (120, 100, "Total"), (150, 100, "1,250.00"),
    ])


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"ORDERHUB_HOME": str(home), "PATH": "/usr/bin:/bin", "ORDERHUB_ACTOR": "tester"}
    return subprocess.run([sys.executable, "-c", "from hub.cli import main; main()", *args],
                          capture_output=True, text=True, env=env, timeout=300)


def test_missing_fields_are_none_with_zero_confidence(tmp_path: Path) -> None:
    result = extract_document(_invoice_without_number(tmp_path / "inv.pdf"))  # kind by structure: an invoice
    inv = result.record
    assert isinstance(inv, Invoice)
    assert inv.number is None and result.confidence["number"] == 0.0
    assert inv.currency is None and result.confidence["currency"] == 0.0  # no symbol, no code: no default
    assert inv.total == Decimal("1250.00") and str(inv.issue_date) == "2026-03-14"
    assert {"number", "currency"} <= set(result.needs_review())
    assert inv.missing() == ["number", "currency"]
    # where the values were read, for a reviewer: the total's box is on page 1, right of its label
    src = result.sources["total"]
    assert src.page == 1 and src.box is not None and src.box[0] > 140 * 72 / 25.4 - 5
    assert result.pages and result.pages[0].unit == "pt" and result.pages[0].width == pytest.approx(595.3, abs=1)


def test_needs_review_file_is_stored_not_quarantined_and_rerun_is_safe(tmp_path: Path) -> None:
    pdf = _invoice_without_number(tmp_path / "in" / "inv.pdf") if (tmp_path / "in").mkdir() is None else None
    home = tmp_path / "home"
    first = run("extract", str(pdf), "--json", "--store", home=home)
    assert first.returncode == 3, first.stderr  # read, but something needs a person
    out = json.loads(first.stdout)
    assert out["status"] == "needs_review" and "number" in out["needs_review"] and "error" not in out
    assert out["record"]["number"] is None and out["record"]["file_sha256"] == out["sha256"]
    store = Store(settings=load_settings(home))
    sf = store.get(SourceFile, out["sha256"])
    assert sf is not None and sf.status == "needs_review" and sf.quarantine_reason is None
    assert "number" in sf.review_fields and sf.fields["number"].confidence == 0.0
    assert sf.fields["total"].box is not None and sf.pages[0].unit == "pt"
    assert sf.record_keys == [f"invoice:file:{out['sha256']}"]
    assert not (home / "quarantine").exists() or not any((home / "quarantine").iterdir())
    again = run("extract", str(pdf), "--json", "--store", home=home)
    assert json.loads(again.stdout)["stored"] == {"inserted": 0, "updated": 0, "unchanged": 1}
    assert len(store.all(Invoice)) == 1
    table = run("extract", str(pdf), home=home)
    assert "needs review" in table.stdout and "number" in table.stdout


def test_a_page_that_is_not_an_invoice_is_still_refused(tmp_path: Path) -> None:
    letter = _pdf(tmp_path / "letter.pdf", [(20, 20, "Dear Sir or Madam,"),
                                            (20, 30, "thank you for your visit to our plant last week."),
                                            (20, 40, "Kind regards, the sales team")])
    with pytest.raises(InputError, match="does not read as an invoice"):
        extract_document(letter, "invoice")
    done = run("extract", str(letter), "--kind", "invoice", "--json", "--store", home=tmp_path / "home")
    assert done.returncode == 1 and json.loads(done.stdout)["quarantined"]
