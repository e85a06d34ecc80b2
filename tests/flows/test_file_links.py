"""Workbook links in artifacts open: `orderhub server --files-port` serves the output folder, and the
flows' link artifacts point at it (http://, not a file:// link a browser refuses from a web page)."""

from __future__ import annotations

import asyncio
import os
import socket
from datetime import date
from pathlib import Path

import httpx
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

from flows.files import FILES_URL_ENV, FileServer, file_link
from flows.orderdesk import integrity_report_flow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_served_files_open_and_nothing_outside_the_folder_does(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    (root / "out").mkdir(parents=True)
    book = root / "out" / "对账 reconciliation.xlsx"
    book.write_bytes(b"PK\x03\x04 workbook bytes")
    (tmp_path / "secret.txt").write_text("outside")
    with FileServer(root, _free_port()) as files:
        link = file_link(book)
        assert link.startswith(files.url + "/out/") and " " not in link
        assert httpx.get(link).content == book.read_bytes()
        assert file_link(tmp_path / "secret.txt").startswith("file://")
        assert httpx.get(f"{files.url}/../secret.txt").status_code == 404
        assert httpx.get(f"{files.url}/%2e%2e/secret.txt").status_code == 404
    assert FILES_URL_ENV not in os.environ and file_link(book).startswith("file://")


def test_the_integrity_workbook_artifact_links_to_the_file_server(prefect_server, tmp_path: Path,
                                                                   monkeypatch) -> None:
    monkeypatch.setenv("ORDERHUB_HOME", str(tmp_path / "home"))
    out = tmp_path / "demo" / "out" / "integrity-report.xlsx"
    with FileServer(tmp_path / "demo", _free_port()) as files:
        state = integrity_report_flow(as_of=date(2026, 3, 31), out=out, return_state=True)
        state.result()

        async def read():
            async with get_client() as client:
                flt = ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id]))
                return await client.read_artifacts(artifact_filter=flt)

        links = [a for a in asyncio.run(read()) if a.key == "integrity-workbook"]
        assert len(links) == 1 and f"({files.url}/out/integrity-report.xlsx)" in links[0].data
        served = httpx.get(f"{files.url}/out/integrity-report.xlsx")
        assert served.status_code == 200 and served.content == out.read_bytes()
