"""The ``ingest-documents`` flow on a real Prefect server and a real store, with the small world's files."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from extractors.ingest import ingest_folder
from hub.records import BankReceipt, Invoice, PackingList, SourceFile, StatementLine
from hub.schema import audit_events
from hub.settings import load_settings
from hub.store import Store

REPO = Path(__file__).resolve().parents[2]
KINDS = ("invoices", "receipts", "packing_lists")


def drop_folder(world, target: Path) -> Path:
    """The world's invoices, receipts, packing lists and statements, plus one corrupt PDF."""
    for kind in KINDS:
        shutil.copytree(world.path(f"documents/{kind}"), target / kind)
    shutil.copytree(world.path("statements"), target / "statements")
    (target / "scanner" / "broken.pdf").parent.mkdir(parents=True)
    (target / "scanner" / "broken.pdf").write_bytes(b"%PDF-1.4\n% the scanner stopped half way\n")
    return target


def counts(store: Store) -> dict[str, int]:
    return {cls.__name__: store.count(cls) for cls in (Invoice, BankReceipt, PackingList, StatementLine, SourceFile)}


def expected(world, folder: Path) -> dict[str, int]:
    files = sum(1 for p in folder.rglob("*") if p.is_file())
    return {"Invoice": len(world.invoices), "BankReceipt": len(world.receipts), "PackingList": len(world.packing_lists),
            "StatementLine": len(world.statement_lines), "SourceFile": files}


def created_twice(store: Store) -> list:
    """Records whose ``created`` audit event was written more than once."""
    query = (select(audit_events.c.kind, audit_events.c.key, func.count()).where(audit_events.c.action == "created")
             .group_by(audit_events.c.kind, audit_events.c.key).having(func.count() > 1))
    with store.engine.connect() as conn:
        return list(conn.execute(query))


def test_ingest_flow_stores_each_document_once_and_rerun_is_a_noop(prefect_server, small_world, tmp_path):
    from flows.ingest import ingest_documents_flow

    folder = drop_folder(small_world, tmp_path / "drop")
    home = tmp_path / "home"
    summary = ingest_documents_flow(folder=str(folder), home=str(home), chunk_size=40)
    store = Store(settings=load_settings(home))
    assert counts(store) == expected(small_world, folder)
    assert summary.chunks == -(-summary.files // 40) and summary.skipped == 0
    assert summary.result.by_kind["invoice"] == len(small_world.invoices)
    [bad] = summary.result.quarantined
    assert bad.source.endswith("broken.pdf") and bad.reason and Path(bad.copy).is_file()
    [quarantined] = store.all(SourceFile, status="quarantined")
    assert quarantined.path.endswith("broken.pdf") and quarantined.quarantine_reason == bad.reason
    report = Path(summary.report).read_text(encoding="utf-8")
    assert "broken.pdf" in report and bad.reason in report
    assert created_twice(store) == []

    events = store.audit_count()
    again = ingest_documents_flow(folder=str(folder), home=str(home), chunk_size=40)
    assert again.skipped == again.files == summary.files and again.chunks == 0
    assert again.result.stored == 0 and again.result.quarantined == [] and again.report is None
    assert store.audit_count() == events
    assert counts(store) == expected(small_world, folder)


def test_flow_and_library_give_the_same_result(prefect_server, small_world, tmp_path):
    from flows.ingest import ingest_documents_flow

    folder = tmp_path / "drop"
    shutil.copytree(small_world.path("documents/receipts"), folder)
    by_flow = ingest_documents_flow(folder=str(folder), home=str(tmp_path / "a"), chunk_size=7)
    direct = ingest_folder(Store(settings=load_settings(tmp_path / "b")), folder, load_settings(tmp_path / "b"),
                           chunk_size=7)
    assert by_flow.as_dict() | {"report": None} == direct.as_dict() | {"report": None}
    assert by_flow.result.stored == len(small_world.receipts)


def test_missing_folder_is_a_clear_error(prefect_server, tmp_path):
    from flows.ingest import ingest_documents_flow
    from hub.errors import InputError

    with pytest.raises(InputError, match="no such folder"):
        ingest_documents_flow(folder=str(tmp_path / "nowhere"), home=str(tmp_path / "home"))


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_stores_every_document_once(flow_env, small_world, tmp_path):
    from flows.ingest import ingest_documents_flow

    folder = drop_folder(small_world, tmp_path / "drop")
    home = tmp_path / "home"
    store = Store(settings=load_settings(home))
    code = ("import sys; from flows.ingest import ingest_documents_flow; "
            "ingest_documents_flow(folder=sys.argv[1], home=sys.argv[2], chunk_size=10)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(folder), str(home)], cwd=REPO, env=flow_env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while store.count(SourceFile) < 10:
            assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
            assert time.monotonic() < deadline, "the first chunk never committed"
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    partial = store.count(SourceFile)
    total = expected(small_world, folder)["SourceFile"]
    assert 10 <= partial < total, "the kill came too late to test anything"
    assert partial % 10 == 0, "a chunk was committed in part"

    summary = ingest_documents_flow(folder=str(folder), home=str(home), chunk_size=10)
    assert summary.skipped == partial
    assert counts(store) == expected(small_world, folder)
    assert created_twice(store) == []


@pytest.mark.slow
def test_bank_download_then_ingest(prefect_server, small_world, tmp_path, monkeypatch):
    from fixtures.portals.data import PortalData
    from fixtures.portals.server import USERS, serve_portals
    from flows.ingest import ingest_documents_flow

    monkeypatch.setenv("ORDERHUB_BANK_USER", USERS["bank"])
    monkeypatch.setenv("ORDERHUB_BANK_PASSWORD", "Bank-Flow-Pw!7713")
    home = tmp_path / "home"
    with serve_portals(PortalData.from_world(small_world), sites=("bank",), password="Bank-Flow-Pw!7713") as portals:
        summary = ingest_documents_flow(bank=True, bank_url=portals.urls["bank"], folder=str(tmp_path / "dl"),
                                        home=str(home))
        assert summary.result.by_kind == {"receipt": len(small_world.receipts), "statement": 1}
        store = Store(settings=load_settings(home))
        assert store.count(BankReceipt) == len(small_world.receipts)
        assert store.count(StatementLine) == len(small_world.statement_lines)
        again = ingest_documents_flow(bank=True, bank_url=portals.urls["bank"], folder=str(tmp_path / "dl"),
                                      home=str(home))
    # the receipts come again byte for byte and are skipped; the statement export is generated anew
    # (other bytes), so it is read again, and its lines are all unchanged
    assert again.skipped >= len(small_world.receipts)
    assert (again.result.records_inserted, again.result.records_updated) == (0, 0)
    assert store.count(StatementLine) == len(small_world.statement_lines)
