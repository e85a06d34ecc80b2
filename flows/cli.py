"""Commands that flows adds to `orderhub`."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    """Add flows's commands to the `orderhub` app."""
    from flows import reconcile_cli

    reconcile_cli.register(app)  # reconcile, reconcile apply, match3

    @app.command("server")
    def server_cmd(
        port: int = typer.Option(4200, "--port", help="Port of the Prefect API and UI"),
        database_url: str | None = typer.Option(
            None, "--database-url", help="PostgreSQL URL, e.g. postgresql+asyncpg://user:pw@host/prefect "
                                         "(default: SQLite under PREFECT_HOME)"),
        deployments: Path | None = typer.Option(None, "--deployments", help="Your own deployments.toml"),
        log: Path | None = typer.Option(None, "--log", help="Append the server's output to this file"),
        pool: str | None = typer.Option(None, "--pool", help="Deploy the flows to this Prefect process work "
                                        "pool (created if missing) for `orderhub worker` to run, instead of "
                                        "serving them here"),
        host: str = typer.Option("127.0.0.1", "--host", help="Bind address (0.0.0.0 for workers elsewhere)"),
    ) -> None:
        """Start the Prefect server and UI and serve every flow as a scheduled deployment (Ctrl-C stops)."""
        if pool:
            from flows.pool import serve_pool

            serve_pool(pool, port, database_url, deployments, log, host=host)
            return
        from flows.server import serve_all

        serve_all(port, database_url, deployments, log)

    from flows.pool_cli import register as register_worker

    register_worker(app)  # worker
