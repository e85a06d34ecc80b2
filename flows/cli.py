"""Commands that flows adds to `orderhub`."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    """Add flows's commands to the `orderhub` app."""
    from hub.cli import lazy_command

    # reconcile, reconcile apply, match3: imported (with openpyxl, the matchers, the store) when they run
    lazy_command(app, "reconcile", "flows.reconcile_cli:register",
                 "Cash application: receipts and statement lines against open invoices and orders.")
    lazy_command(app, "match3", "flows.reconcile_cli:register",
                 "Three-way match (order <-> delivery <-> invoice) with tolerance keys; holds into a workbook.")

    @app.command("server")
    def server_cmd(
        port: int = typer.Option(4200, "--port", help="Port of the Prefect API and UI"),
        database_url: str | None = typer.Option(
            None, "--database-url", help="PostgreSQL URL, e.g. postgresql+asyncpg://user:pw@host/prefect "
                                         "(default: SQLite under PREFECT_HOME)"),
        deployments: Path | None = typer.Option(None, "--deployments", help="Your own deployments.toml"),
        log: Path | None = typer.Option(None, "--log", help="Append the server's output to this file"),
        files_port: int | None = typer.Option(None, "--files-port",
                                              help="Also serve --files-root on this port, so that the workbook "
                                                   "links in the runs' artifacts open (e.g. 4280)"),
        files_root: Path = typer.Option(Path("."), "--files-root", help="The folder --files-port serves"),
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

        if files_port is None:
            serve_all(port, database_url, deployments, log)
            return
        from flows.files import FileServer

        with FileServer(files_root, files_port) as files:
            typer.echo(f"Files (workbooks, reports, evidence): {files.url} serves {files.root}")
            serve_all(port, database_url, deployments, log)

    from flows.pool_cli import register as register_worker

    register_worker(app)  # worker
