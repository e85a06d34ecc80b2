"""Sessions: a random token in an HttpOnly, SameSite=Strict cookie; a CSRF token per session that every form
carries; and, once a reviewer logged in, the login kept in the store (``station_sessions``: the token's
SHA-256, never the token, the reviewer, an expiry moved on as they work). So a restart of the station logs
no one out, and every station process on one store knows every login. Logout deletes the row.

A session before login holds nothing: any well-formed token is one, its CSRF token derived from it (the
login form works whichever process serves it). The reviewer's role and whether they are still active are
read from ``users`` on every request, so a reviewer removed or given another role is so at once."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import delete, select, update

from hub.schema import station_sessions, users
from hub.store import Store
from hub.users import User

COOKIE = "orderhub_station"
IDLE_SECONDS = 8 * 3600
TOUCH_SECONDS = 60  # a session's expiry is moved on at most once a minute (one write, not one per request)
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,128}")
_CSRF_KEY = b"orderhub-station-csrf"


def token_hash(token: str) -> str:
    """What the store keeps of a session token: its SHA-256 (hex)."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def csrf_of(token: str) -> str:
    """The CSRF token of a session: derived from its token (which only the reviewer's cookie holds)."""
    return hmac.new(_CSRF_KEY, token.encode("ascii"), hashlib.sha256).hexdigest()


@dataclass
class Session:
    """One browser's session."""

    token: str
    csrf: str
    user: User | None = None
    seen: float = field(default_factory=time.time)

    def csrf_ok(self, given: str | None) -> bool:
        """Whether a form's token is this session's (constant-time compare)."""
        return bool(given) and hmac.compare_digest(str(given), self.csrf)


class Sessions:
    """Sessions of one store; a login expires after ``idle`` seconds without a request."""

    def __init__(self, store: Store, idle: float = IDLE_SECONDS, *, clock: Callable[[], float] = time.time) -> None:
        self.store, self.idle, self.clock = store, idle, clock

    def _ms(self) -> int:
        return int(self.clock() * 1000)

    def new(self, user: User | None = None) -> Session:
        """A fresh session (a new token: logging in never keeps the anonymous one); a login is stored."""
        token = secrets.token_urlsafe(32)
        if user is not None:
            now = self._ms()
            with self.store.engine.begin() as conn:
                conn.execute(delete(station_sessions).where(station_sessions.c.expires_at_ms < now))
                conn.execute(station_sessions.insert().values(token_hash=token_hash(token), user_name=user.name,
                                                              created_at_ms=now,
                                                              expires_at_ms=now + int(self.idle * 1000)))
        return Session(token, csrf_of(token), user, self.clock())

    def get(self, token: str | None) -> Session | None:
        """The session of a token: logged in while its login lasts (and its reviewer is active), else a
        session before login; None for no token or a malformed one."""
        if not token or not _TOKEN.fullmatch(token):
            return None
        digest, now = token_hash(token), self._ms()
        with self.store.engine.connect() as conn:
            row = conn.execute(select(station_sessions.c.expires_at_ms, users.c.name, users.c.role, users.c.active)
                               .join(users, users.c.name == station_sessions.c.user_name)
                               .where(station_sessions.c.token_hash == digest)).first()
        user = None
        if row is not None and row.expires_at_ms >= now and row.active:
            user = User(row.name, row.role)
            fresh = now + int(self.idle * 1000)
            if fresh - row.expires_at_ms > TOUCH_SECONDS * 1000:
                with self.store.engine.begin() as conn:
                    conn.execute(update(station_sessions).where(station_sessions.c.token_hash == digest)
                                 .values(expires_at_ms=fresh))
        elif row is not None:
            self.drop(token)  # expired, or its reviewer was removed: logged out
        return Session(token, csrf_of(token), user, self.clock())

    def drop(self, token: str | None) -> None:
        """End a session (logout): its stored login is deleted."""
        if not token or not _TOKEN.fullmatch(token):
            return
        with self.store.engine.begin() as conn:
            conn.execute(delete(station_sessions).where(station_sessions.c.token_hash == token_hash(token)))
