"""What the CLI prints when a command fails: one line a person can act on, never a traceback.

Errors of input and known failures (:class:`~hub.errors.OrderhubError`, a record that fails validation)
print their own message. Anything else prints one line naming the exception and the log file
(``errors.log`` in ``ORDERHUB_HOME``) where the traceback was written.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from hub.errors import OrderhubError

INTERRUPTED = 130


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _oserror(exc: OSError) -> str:
    where = f": {exc.filename}" if exc.filename else ""
    if isinstance(exc, FileNotFoundError):
        return f"no such file or folder{where}"
    if isinstance(exc, PermissionError):
        return f"permission denied{where}"
    if isinstance(exc, IsADirectoryError):
        return f"is a folder, not a file{where}"
    reason = exc.strerror or _first_line(str(exc)) or type(exc).__name__
    return f"{reason[0].lower()}{reason[1:]}{where}"


def _database_error(exc: BaseException) -> str | None:
    """A database the store cannot use (locked, unreachable, not a database): name the store."""
    if "sqlalchemy" not in sys.modules:
        return None
    from sqlalchemy.exc import DBAPIError, OperationalError

    if not isinstance(exc, OperationalError | DBAPIError):
        return None
    from hub.settings import load_settings

    settings = load_settings()
    url = settings.database_url
    shown = url.split("@")[-1] if "@" in url else url.removeprefix("sqlite:///")
    reason = _first_line(str(getattr(exc, "orig", None) or exc))
    return f"the store {shown} could not be used ({reason}); set ORDERHUB_HOME or ORDERHUB_DATABASE_URL"


def _newer_schema(exc: BaseException) -> str | None:
    """A store whose schema is newer than this orderhub (Alembic cannot find its revision)."""
    text = str(exc)
    if type(exc).__name__ != "CommandError" or "Can't locate revision" not in text:
        return None
    from hub.settings import load_settings

    revision = text.split("identified by", 1)[-1].strip(" '\"")
    place = load_settings().database_url.removeprefix("sqlite:///").rsplit("@", 1)[-1]
    advice = "update orderhub, or set ORDERHUB_HOME to use another store"
    return f"the store {place} was written by a newer orderhub (schema {revision!r}); {advice}"


def log_path() -> Path:
    """``errors.log`` in ``ORDERHUB_HOME`` (created if need be)."""
    from hub.settings import load_settings

    home = load_settings().home
    home.mkdir(parents=True, exist_ok=True)
    return home / "errors.log"


def write_details(exc: BaseException, argv: Sequence[str]) -> Path | None:
    """Append the command line and the traceback to :func:`log_path`; ``None`` if it cannot be written."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    entry = f"--- {time.strftime('%Y-%m-%dT%H:%M:%S%z')} orderhub {' '.join(argv[1:])}\n{text}\n"
    try:
        path = log_path()
        with path.open("a", encoding="utf-8") as fh:
            fh.write(entry)
        os.chmod(path, 0o600)
        return path
    except OSError:
        return None


def describe_failure(exc: BaseException, argv: Sequence[str]) -> tuple[str, int]:
    """The one line to print for ``exc`` and the exit status (1, or 130 when interrupted)."""
    from pydantic import ValidationError

    from hub.errors import describe_validation_error

    if isinstance(exc, KeyboardInterrupt):
        return "interrupted", INTERRUPTED
    if isinstance(exc, OrderhubError):
        return str(exc), 1
    if isinstance(exc, ValidationError):
        return describe_validation_error(exc), 1
    details = write_details(exc, argv)
    where = f" (details in {details})" if details else ""
    if isinstance(exc, OSError):
        return f"{_oserror(exc)}{where}", 1
    newer = _newer_schema(exc)
    if newer:
        return f"{newer}{where}", 1
    database = _database_error(exc)
    if database:
        return f"{database}{where}", 1
    message = _first_line(str(exc))
    shown = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return f"unexpected failure, {shown}{where}", 1


def report_failure(exc: BaseException, argv: Sequence[str]) -> int:
    """Print ``exc`` as one red line on stderr; return the exit status."""
    from rich.console import Console
    from rich.text import Text

    line, status = describe_failure(exc, argv)
    Console(stderr=True).print("[bold red]error:[/]", Text(line), highlight=False, soft_wrap=True)
    return status
