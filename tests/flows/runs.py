"""What a flow run left on the Prefect server: its name, log messages and artifacts, read once its logs arrived."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (
    ArtifactFilter,
    ArtifactFilterFlowRunId,
    LogFilter,
    LogFilterFlowRunId,
)


@dataclass
class RunSeen:
    name: str
    logs: list[str]
    artifacts: list[Any] = field(default_factory=list)  # in the order the API lists them, repeats kept

    @property
    def by_key(self) -> dict[str, Any]:
        return {a.key: a for a in self.artifacts}


def run_seen(flow_run_id: Any, last: str, *, timeout: float = 30) -> RunSeen:
    """The run's name, log messages and artifacts, once a message starting with ``last`` arrived (logs
    reach the API in batches, a moment after the run ends) or ``timeout`` seconds passed."""
    async def read() -> RunSeen:
        async with get_client() as client:
            run = await client.read_flow_run(flow_run_id)
            logs = await client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])))
            artifacts = await client.read_artifacts(
                artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
            return RunSeen(run.name, [log.message for log in logs], list(artifacts))

    deadline = time.monotonic() + timeout
    while True:
        seen = asyncio.run(read())
        if any(m.startswith(last) for m in seen.logs) or time.monotonic() > deadline:
            return seen
        time.sleep(0.5)
