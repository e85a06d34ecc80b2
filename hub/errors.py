"""Errors a user can read: each names the file or field and the reason, never a bare traceback."""

from __future__ import annotations

from pydantic import ValidationError


class OrderhubError(Exception):
    """Base of every error the CLI reports as one clear line (exit status 1)."""


class InputError(OrderhubError):
    """Bad input: a file, a value or an argument that cannot be used, with the reason."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class StoreError(OrderhubError):
    """The store refused a write (conflict, unreachable database, failed migration)."""


def describe_validation_error(exc: ValidationError, title: str | None = None) -> str:
    """One line per problem: ``Record.field[0].sub: reason (value: 'x')``."""
    name = title or exc.title
    lines = []
    for err in exc.errors(include_url=False):
        loc = ".".join(str(p) for p in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        value = err.get("input")
        shown = "" if isinstance(value, dict | list) or value is None else f" (value: {value!r})"
        lines.append(f"{name}.{loc}: {msg}{shown}" if loc else f"{name}: {msg}")
    return "; ".join(lines)


class RecordError(InputError):
    """A record that failed validation; the message names each field, its value and the reason."""

    def __init__(self, exc: ValidationError, *, source: str | None = None) -> None:
        self.validation_error = exc
        super().__init__(describe_validation_error(exc), source=source)
