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
    ) -> None:
        """Start the Prefect server and UI and serve every flow as a scheduled deployment (Ctrl-C stops)."""
        from flows.server import serve_all

        if files_port is None:
            serve_all(port, database_url, deployments, log)
            return
        from flows.files import FileServer

        with FileServer(files_root, files_port) as files:
            typer.echo(f"Files (workbooks, reports, evidence): {files.url} serves {files.root}")
            serve_all(port, database_url, deployments, log)
