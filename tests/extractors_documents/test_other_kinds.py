"""Documents that are not what they are offered as (issue 14 §1-§2): a quotation, a purchase order, an order
confirmation, a payment reminder, a statement of account, a payer's remittance advice, a contract, a 收据 for cash,
an expense report or a bank statement PDF prints an invoice number, a total and two parties; each is refused
with its kind named ("not an invoice: a quotation"), never stored as an invoice or a receipt. The true invoices
and receipts that look like them (a proforma invoice, an invoice naming its purchase order, a 数电发票 whose 备注
names the contract, an ``INVOICE`` with a reminder footnote, a 回单 whose memo pays invoices) read as before.
A user's mixed folder through ``orderhub extract`` and the ingest: each file its reason, the batch goes on, the
exit status says something needs a look. The documents are written by hand (tests/extractors_documents/
lookalikes.py), not by the generator."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.documents import extract_document
from extractors.ingest import ingest_folder
from extractors.pipeline import Options
from hub.errors import InputError
from hub.records import BankReceipt, Invoice, SourceFile
from hub.settings import load_settings
from hub.store import Store
from tests.extractors_documents.handmade import draw_pdf
from tests.extractors_documents.lookalikes import LOOKALIKES, NOT_INVOICES

#: what each refusal must name, per kind (the words of data/kinds.toml [other.*] what)
WHAT = {"quotation": "a quotation", "purchase_order": "a purchase order", "order_confirmation": "an order confirmation",
        "payment_reminder": "a payment reminder", "statement_of_account": "a statement of account",
        "remittance_advice": "a remittance advice", "contract": "a contract", "cash_receipt": "a receipt for cash",
        "expense_report": "an expense report", "bank_statement": "a bank statement"}
REFUSED = {name: spec for name, spec in NOT_INVOICES.items() if spec[3] in WHAT}
#: bank statements printed as PDFs whose table the statement reader finds (extractors/statements/pdf.py): read as
#: statements, not refused (all four: the Kontoauszug without a balance column by its value-date column); a bank
#: statement whose table is not found is refused naming a bank statement
READ_AS_STATEMENTS = {"bank_statement_cn", "jiaoyi_mingxi_cn", "bank_statement_en", "kontoauszug_de"}
#: a payer's remittance advice: refused as an invoice or a receipt by the document reader, read by the pipeline as a
#: remittance advice (kind ``remittance``, extractors/remittances.py) and stored for the matcher
READ_AS_REMITTANCES = {name for name, spec in NOT_INVOICES.items() if spec[3] == "remittance_advice"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every document of lookalikes.py as a PDF in one folder (a user's mixed folder)."""
    out = tmp_path_factory.mktemp("mixed")
    for name, (items, rules, font, *_rest) in {**NOT_INVOICES, **LOOKALIKES}.items():
        draw_pdf(out / f"{name}.pdf", items, rules, font)
    return out


def test_every_class_is_covered() -> None:
    assert {spec[3] for spec in REFUSED.values()} == set(WHAT)
    assert {spec[3] for spec in NOT_INVOICES.values()} - set(WHAT) == {"delivery"}
    assert len(REFUSED) >= 20 and len(LOOKALIKES) >= 10


@pytest.mark.parametrize("name", sorted(set(REFUSED) - READ_AS_STATEMENTS))
def test_not_an_invoice_is_refused_with_its_kind(folder: Path, name: str) -> None:
    kind = REFUSED[name][3]
    with pytest.raises(InputError) as err:
        extract_document(folder / f"{name}.pdf")
    reason = str(err.value)
    assert f": {WHAT[kind]}" in reason and "titled" in reason, reason
    assert reason.split(": ")[1].startswith("not ")  # "not an invoice: ...", "not a bank receipt: ..."


@pytest.mark.parametrize("name", ["quotation_en", "purchase_order_cn", "payment_reminder_en", "contract_cn",
                                  "bank_statement_cn"])
def test_asked_as_an_invoice_it_is_still_not_one(folder: Path, name: str) -> None:
    with pytest.raises(InputError, match=f"not an invoice: {WHAT[REFUSED[name][3]]}"):
        extract_document(folder / f"{name}.pdf", kind="invoice")


def test_lists_of_invoices_are_named_in_the_reason(folder: Path) -> None:
    """A payer's remittance advice (a bank's is a receipt) and a reminder: the invoices they list are in the reason."""
    for name, numbers in (("remittance_advice_en", ("HR-EX-260112", "HR-EX-260203")),
                          ("fukuan_tongzhi_cn", ("26322000000031415926", "26322000000031419011")),
                          ("payment_reminder_en", ("HR-EX-260112", "HR-EX-260203"))):
        with pytest.raises(InputError) as err:
            extract_document(folder / f"{name}.pdf")
        assert f"lists invoices {', '.join(numbers)}" in str(err.value)


def test_a_delivery_note_that_prints_the_invoice_number_is_a_delivery_note(folder: Path) -> None:
    result = extract_document(folder / "delivery_note_cn.pdf")
    assert result.kind == "delivery" and result.record.delivery_no == "SH20260325-011"  # as on main: a guard
    assert result.record.order_ref == "PO2026031100418"


@pytest.mark.parametrize("name", sorted(LOOKALIKES))
def test_true_lookalikes_read_as_what_they_are(folder: Path, name: str) -> None:
    *_layout, kind, fields = LOOKALIKES[name]
    result = extract_document(folder / f"{name}.pdf")
    assert result.kind == kind
    assert isinstance(result.record, Invoice if kind == "invoice" else BankReceipt)
    for field, want in fields.items():
        assert getattr(result.record, field) == want, field
        assert result.confidence[field] >= 0.9, field


def _run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"ORDERHUB_HOME": str(home), "PATH": "/usr/bin:/bin", "ORDERHUB_ACTOR": "tester"}
    return subprocess.run([sys.executable, "-c", "from hub.cli import main; main()", *args],
                          capture_output=True, text=True, env=env, timeout=600)


def _with_corrupt(folder: Path, tmp_path: Path) -> Path:
    mixed = tmp_path / "inbox"
    mixed.mkdir()
    for pdf in folder.glob("*.pdf"):
        (mixed / pdf.name).write_bytes(pdf.read_bytes())
    (mixed / "broken.pdf").write_bytes(b"%PDF-1.4\n% cut off in the mail\n")
    return mixed


def test_mixed_folder_through_orderhub_extract(folder: Path, tmp_path: Path) -> None:
    mixed = _with_corrupt(folder, tmp_path)
    done = _run("extract", str(mixed), "--json", home=tmp_path / "home")
    assert done.returncode == 1, done.stderr  # something needs a look
    out = {Path(o["source"]).stem: o for o in map(json.loads, done.stdout.splitlines())}
    assert len(out) == len(NOT_INVOICES) + len(LOOKALIKES) + 1  # the batch went on past every refusal
    for name in READ_AS_STATEMENTS:  # a bank's statement PDF with its table: its lines, never an invoice
        assert out[name]["kind"] == "statement" and out[name]["records"] and "error" not in out[name], name
    for name in READ_AS_REMITTANCES:  # a payer's remittance advice: its record, for the matcher
        assert out[name]["kind"] == "remittance" and out[name]["record"]["lines"] and "error" not in out[name], name
    for name, spec in REFUSED.items():
        if name in READ_AS_STATEMENTS | READ_AS_REMITTANCES:
            continue
        assert "record" not in out[name] or out[name]["record"] is None, name
        assert f": {WHAT[spec[3]]}" in out[name]["error"], (name, out[name]["error"])
        assert out[name]["quarantined"], name
    for name, spec in LOOKALIKES.items():
        assert out[name]["kind"] == spec[3] and "error" not in out[name], name
    assert out["delivery_note_cn"]["kind"] == "delivery"
    assert "error" in out["broken"] and "a quotation" not in out["broken"]["error"]
    reasons = list((tmp_path / "home" / "quarantine").glob("*.reason.txt"))
    assert len(reasons) == len(REFUSED) - len(READ_AS_STATEMENTS) - len(READ_AS_REMITTANCES) + 1
    assert any("not an invoice: a quotation" in r.read_text(encoding="utf-8") for r in reasons)


def test_mixed_folder_through_the_ingest(folder: Path, tmp_path: Path) -> None:
    """What the ingest-documents flow runs: refusals are quarantined with their reasons in the store, the true
    invoices and receipts are stored, nothing else."""
    mixed = _with_corrupt(folder, tmp_path)
    settings = load_settings(tmp_path / "home")
    store = Store(settings=settings)
    summary = ingest_folder(store, mixed, settings, chunk_size=16, options=Options(workers=1))
    quarantined = {Path(q.source).stem: q.reason for q in summary.result.quarantined}
    refused = set(REFUSED) - READ_AS_STATEMENTS - READ_AS_REMITTANCES
    assert set(quarantined) == refused | {"broken"}
    for name in refused:
        assert WHAT[REFUSED[name][3]] in quarantined[name]
    # the true invoices and receipts, the delivery note and the statements read from their PDFs
    assert summary.result.stored == len(LOOKALIKES) + 1 + len(READ_AS_STATEMENTS) + len(READ_AS_REMITTANCES)
    kinds = {Path(sf.path).stem: (sf.kind, sf.status, sf.quarantine_reason) for sf in store.all(SourceFile)}
    for name in refused:
        assert kinds[name][1] == "quarantined" and "not " in kinds[name][2]
    assert {kinds[name][0] for name in READ_AS_STATEMENTS} == {"statement"}
    assert {kinds[name][0] for name in READ_AS_REMITTANCES} == {"remittance"} and len(READ_AS_REMITTANCES) == 2
    assert {kinds[name][0] for name in LOOKALIKES} == {"invoice", "receipt"}
    invoices = {inv.number for inv in store.all(Invoice)}
    assert invoices == {spec[4]["number"] for spec in LOOKALIKES.values() if spec[3] == "invoice"}
    assert summary.report is not None and "a quotation" in Path(summary.report).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["quotation_cn", "shouju_cn", "payment_reminder_en", "invoice_po_en"])
def test_scans_are_told_apart_by_their_title_too(folder: Path, tmp_path: Path, docs, name: str) -> None:  # type: ignore[no-untyped-def]
    """Printed and scanned, read by the real OCR: the title's height on the page image decides as on a PDF."""
    image = docs.scan(folder / f"{name}.pdf", tmp_path / f"{name}.jpg", seed=3)
    if name in LOOKALIKES:
        result = extract_document(image)
        assert result.ocr and result.kind == LOOKALIKES[name][3]
        assert result.record.number == LOOKALIKES[name][4]["number"]
        return
    with pytest.raises(InputError, match=WHAT[REFUSED[name][3]]):
        extract_document(image)


def test_a_person_may_force_the_kind_of_a_refused_file(folder: Path, tmp_path: Path) -> None:
    """A true invoice refused by its title (here a quotation, as a person who knows better would push it through)
    is read again from the quarantine with ``--kind invoice --force-kind``: stored as an invoice, the forcing said
    on the record, out of the quarantine. Forcing without a document kind is refused."""
    home = tmp_path / "home"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "quotation_en.pdf").write_bytes((folder / "quotation_en.pdf").read_bytes())
    assert _run("extract", str(inbox), "--store", home=home).returncode == 1  # refused: quarantined
    wrong = _run("extract", str(inbox), "--force-kind", home=home)
    assert wrong.returncode != 0 and "forcing a kind needs a document kind" in wrong.stderr
    done = _run("quarantine", "retry", "quotation_en.pdf", "--kind", "invoice", "--force-kind", home=home)
    assert done.returncode == 0, done.stderr
    assert "read as invoice" in done.stdout and "removed from the quarantine" in done.stdout
    store = Store(settings=load_settings(home))
    [source] = [sf for sf in store.all(SourceFile) if sf.path.endswith("quotation_en.pdf") and sf.status != "quarantined"]
    assert source.kind == "invoice" and any("forced the kind" in w and "a quotation" in w for w in source.warnings)
    assert len(store.all(Invoice)) == 1
