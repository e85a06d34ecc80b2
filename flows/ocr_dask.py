"""OCR fan-out on a Dask cluster through ``prefect-dask``'s ``DaskTaskRunner``.

Pages go out in batches (one Prefect task per batch: the server records ~15 task runs a second, so never
one task per page at scale); each batch runs :func:`extractors.ocr.pool.read_here` on a Dask worker,
which loads the OCR models once per worker process and keeps them. By default a ``LocalCluster`` with one
single-threaded worker process per core; give ``address`` (or ``ORDERHUB_DASK_ADDRESS``), e.g.
``tcp://dask-scheduler.internal:8786``, for a real cluster whose workers have orderhub installed.
"""

from __future__ import annotations

import os
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from extractors.ocr.base import OcrPage
from extractors.ocr.pool import PageSource, read_here

DEFAULT_BATCH = 4


def dask_runner(address: str | None = None, workers: int | None = None) -> Any:
    """A ``DaskTaskRunner``: the cluster at ``address`` (or ``$ORDERHUB_DASK_ADDRESS``), else a
    ``LocalCluster`` of ``workers`` processes (default: every core), one thread each."""
    from prefect_dask import DaskTaskRunner

    address = address or os.environ.get("ORDERHUB_DASK_ADDRESS") or None
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_class="distributed.LocalCluster", cluster_kwargs={
        "n_workers": workers or os.cpu_count() or 1, "threads_per_worker": 1, "processes": True,
        "dashboard_address": None})


@task(name="ocr-batch", task_run_name="ocr pages {first}..{last}", cache_policy=NO_CACHE)
def ocr_batch_task(sources: list[PageSource], backend: str, first: int, last: int) -> list[OcrPage]:
    """Read a batch of pages on whichever Dask worker takes it (its models loaded once)."""
    return read_here(sources, backend)


@flow(name="ocr-fanout")
def ocr_fanout_flow(sources: list[PageSource], batch_size: int = DEFAULT_BATCH,
                    backend: str = "rapidocr") -> list[OcrPage]:
    """Every page, in the order given, read in batches by the flow's task runner."""
    futures = [ocr_batch_task.submit(sources[i:i + batch_size], backend, i + 1, min(i + batch_size, len(sources)))
               for i in range(0, len(sources), batch_size)]
    return [page for fut in futures for page in fut.result()]


def ocr_on_dask(sources: list[PageSource], *, address: str | None = None, workers: int | None = None,
                batch_size: int = DEFAULT_BATCH, backend: str = "rapidocr") -> list[OcrPage]:
    """Run :func:`ocr_fanout_flow` on :func:`dask_runner` (a local cluster unless ``address``)."""
    runner = dask_runner(address, workers)
    return ocr_fanout_flow.with_options(task_runner=runner)(list(sources), batch_size, backend)
