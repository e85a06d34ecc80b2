"""``orderhub worker``: a Prefect worker on a process work pool, with orderhub's environment."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add ``orderhub worker`` to the app."""

    @app.command("worker")
    def worker_cmd(
        pool: str = typer.Option(..., "--pool", help="The process work pool to take flow runs from"),
        api_url: str | None = typer.Option(None, "--api-url", help="Prefect API, e.g. http://prefect.internal:4200/api "
                                           "(default: PREFECT_API_URL)"),
        database_url: str | None = typer.Option(None, "--database-url", help="orderhub's store, e.g. postgresql+psycopg"
                                                "://orderhub@db.internal/orderhub (default: ORDERHUB_DATABASE_URL)"),
        home: str | None = typer.Option(None, "--home", help="ORDERHUB_HOME of the flow runs (quarantine, reports)"),
        name: str | None = typer.Option(None, "--name", help="Worker name shown in the UI"),
        limit: int | None = typer.Option(None, "--limit", help="At most this many flow runs at once on this worker"),
    ) -> None:
        """Run a Prefect worker for ``--pool`` until Ctrl-C (flow runs in subprocesses of this machine)."""
        from flows.pool import run_worker

        run_worker(pool, api_url=api_url, database_url=database_url, home=home, name=name, limit=limit)
