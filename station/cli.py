"""``orderhub review`` (start the review station) and ``orderhub users add|list`` (its reviewers)."""

from __future__ import annotations

import os
import sys

import typer
from rich.console import Console

console = Console()


def register(app: typer.Typer) -> None:
    """Add ``review`` and ``users`` to the ``orderhub`` app."""
    app.command("review")(review)
    users_app = typer.Typer(help="Reviewers of the review station (name, role, password).", no_args_is_help=True)
    users_app.command("add")(users_add)
    users_app.command("list")(users_list)
    app.add_typer(users_app, name="users")


def review(
    host: str | None = typer.Option(None, "--host", help="Address to listen on (default 127.0.0.1, or "
                                    "ORDERHUB_STATION_HOST); anything else serves beyond this machine"),
    port: int | None = typer.Option(None, "--port", help="Port (default 8790, or ORDERHUB_STATION_PORT)"),
) -> None:
    """Start the review station: documents, payments and declarations that need a person, beside their page."""
    import uvicorn

    from hub.store import Store
    from hub.users import list_users
    from station.app import create_app
    from station.config import station_host, station_port

    store = Store()
    bind, at = host or station_host(), port or station_port()
    if not list_users(store):
        console.print("[yellow]no reviewer yet:[/] add one with `orderhub users add NAME --role finance|customs|admin`")
    console.print(f"复核台 review station on http://{bind}:{at}/ (store {store.settings.home}); Ctrl+C stops it",
                  highlight=False)
    uvicorn.run(create_app(store), host=bind, port=at, log_level="warning")


def users_add(
    name: str = typer.Argument(..., help="The reviewer's name (shown in the audit log)"),
    role: str = typer.Option(..., "--role", help="finance (documents, payments), customs (declarations) or admin"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input"),
) -> None:
    """Add a reviewer (or set a reviewer's role and password). The password is asked for (never echoed),
    read from stdin with --password-stdin, or taken from ORDERHUB_NEW_PASSWORD; it is stored only as a
    salted scrypt hash."""
    from hub.store import Store
    from hub.users import add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif os.environ.get("ORDERHUB_NEW_PASSWORD"):
        password = os.environ["ORDERHUB_NEW_PASSWORD"]
    else:
        password = typer.prompt("密码 Password", hide_input=True, confirmation_prompt=True)
    store = Store()
    user = add_user(store, name, role, password, by=store.settings.actor)
    console.print(f"reviewer {user.name} ({user.role}) saved in {store.settings.home}", highlight=False)


def users_list() -> None:
    """The reviewers and their roles."""
    from hub.store import Store
    from hub.users import list_users

    store = Store()
    found = list_users(store)
    if not found:
        console.print(f"no reviewers in {store.settings.home}; add one with `orderhub users add NAME --role ...`",
                      highlight=False)
    for user in found:
        typer.echo(f"{user.name}\t{user.role}")
