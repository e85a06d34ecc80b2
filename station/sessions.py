"""Sessions kept in the station's memory: a random token in an HttpOnly, SameSite=Strict cookie, a CSRF
token per session that every form carries, and the reviewer once logged in. A restart logs everyone out."""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass, field

from hub.users import User

COOKIE = "orderhub_station"
IDLE_SECONDS = 8 * 3600
ANONYMOUS_SECONDS = 600  # a login page's session, before anyone logged in
PRUNE_AT = 2000


@dataclass
class Session:
    """One browser's session."""

    token: str
    csrf: str
    user: User | None = None
    seen: float = field(default_factory=time.monotonic)

    def csrf_ok(self, given: str | None) -> bool:
        """Whether a form's token is this session's (constant-time compare)."""
        return bool(given) and hmac.compare_digest(str(given), self.csrf)


class Sessions:
    """Tokens to sessions, thread-safe; idle sessions expire."""

    def __init__(self, idle: float = IDLE_SECONDS) -> None:
        self._by_token: dict[str, Session] = {}
        self._lock = threading.Lock()
        self.idle = idle

    def new(self, user: User | None = None) -> Session:
        """A fresh session (a new token: logging in never keeps the anonymous one)."""
        session = Session(secrets.token_urlsafe(32), secrets.token_urlsafe(32), user)
        with self._lock:
            if len(self._by_token) >= PRUNE_AT:  # anonymous login pages must not grow memory without end
                now = time.monotonic()
                for token in [t for t, s in self._by_token.items()
                              if now - s.seen > (self.idle if s.user else ANONYMOUS_SECONDS)]:
                    del self._by_token[token]
            self._by_token[session.token] = session
        return session

    def get(self, token: str | None) -> Session | None:
        """The live session of a token, or None."""
        if not token:
            return None
        now = time.monotonic()
        with self._lock:
            session = self._by_token.get(token)
            if session is None:
                return None
            if now - session.seen > self.idle:
                del self._by_token[token]
                return None
            session.seen = now
            return session

    def drop(self, token: str | None) -> None:
        """End a session (logout)."""
        with self._lock:
            self._by_token.pop(token or "", None)
