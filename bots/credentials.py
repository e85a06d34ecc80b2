"""Credentials for the portals: from environment variables (or values the flows layer resolved from a
Prefect Secret block). A password is a :class:`Secret` that prints as ``***``; every secret value in use
is registered with the log filter, which blanks it out of any log record."""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass

from hub.errors import InputError

MASK = "***"
_known: set[str] = set()
_lock = threading.Lock()


class Secret:
    """A secret string: ``str()``/``repr()`` show ``***``; :meth:`reveal` gives the value to type it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not value:
            raise InputError("an empty secret")
        self._value = value
        with _lock:
            _known.add(value)

    def reveal(self) -> str:
        """The value itself: only to type it into a field."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("secret", len(self._value)))


@dataclass(frozen=True)
class Credentials:
    """A login: user name and password (a :class:`Secret`)."""

    username: str
    password: Secret

    @classmethod
    def from_env(cls, user_var: str, password_var: str) -> Credentials:
        """Read both from the environment; a clear error names the variable that is missing."""
        user, password = os.environ.get(user_var, "").strip(), os.environ.get(password_var, "")
        missing = [name for name, value in ((user_var, user), (password_var, password)) if not value]
        if missing:
            raise InputError(f"set the environment variable(s) {', '.join(missing)} (the portal login)")
        return cls(user, Secret(password))

    def __repr__(self) -> str:
        return f"Credentials(username={self.username!r}, password=***)"


def scrub(text: str) -> str:
    """``text`` with every known secret value replaced by ``***``."""
    with _lock:
        values = sorted(_known, key=len, reverse=True)
    for value in values:
        if value in text:
            text = text.replace(value, MASK)
    return text


class RedactSecrets(logging.Filter):
    """A log filter that blanks known secrets out of messages and arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: leave it to logging
            return True
        cleaned = scrub(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


def install_log_filter(logger: logging.Logger | None = None) -> None:
    """Attach :class:`RedactSecrets` to ``logger`` (default: the ``bots`` logger) once."""
    target = logger or logging.getLogger("bots")
    if not any(isinstance(f, RedactSecrets) for f in target.filters):
        target.addFilter(RedactSecrets())
