"""Reviewers: a name, a role, and a salted scrypt hash of the password (the password itself is never
stored, logged or echoed). The review station logs people in against these."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from hub.errors import InputError
from hub.schema import users
from hub.store import Store

#: What each role may decide (admin: everything).
ROLES: dict[str, frozenset[str]] = {
    "finance": frozenset({"documents", "payments"}),
    "customs": frozenset({"declarations"}),
    "admin": frozenset({"documents", "payments", "declarations", "users"}),
}
_N, _R, _P = 2**14, 8, 1
MIN_PASSWORD = 8


@dataclass(frozen=True)
class User:
    """A reviewer as the station knows them."""

    name: str
    role: str

    def may(self, area: str) -> bool:
        """Whether this reviewer may decide in ``area`` (documents, payments, declarations, users)."""
        return area in ROLES.get(self.role, frozenset())


def hash_password(password: str) -> str:
    """``scrypt$n$r$p$salt$hash`` with a fresh 16-byte salt."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches a hash made by :func:`hash_password` (constant-time compare)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(digest) // 2)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def add_user(store: Store, name: str, role: str, password: str, *, by: str) -> User:
    """Add a reviewer, or set a known reviewer's role and password; audited (without the password)."""
    name = name.strip()
    if not name:
        raise InputError("a user needs a name")
    if role not in ROLES:
        raise InputError(f"role {role!r} is not one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise InputError(f"the password is too short (at least {MIN_PASSWORD} characters)")
    hashed = hash_password(password)
    with store.batch(by) as batch:
        conn = batch._conn
        row = conn.execute(select(users.c.id, users.c.role).where(users.c.name == name)).first()
        if row is None:
            conn.execute(users.insert().values(name=name, role=role, password_hash=hashed, active=1,
                                               created_at=datetime.now(UTC)))
            batch.event("user:added", ("user", name), after={"role": role})
        else:
            conn.execute(users.update().where(users.c.id == row.id).values(role=role, password_hash=hashed,
                                                                            active=1))
            batch.event("user:changed", ("user", name), before={"role": row.role}, after={"role": role},
                        note="role and password set")
    return User(name, role)


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The reviewer when ``name`` and ``password`` match an active user, else None."""
    with store.engine.connect() as conn:
        row = conn.execute(select(users.c.name, users.c.role, users.c.password_hash, users.c.active)
                           .where(users.c.name == name.strip())).first()
    if row is None:
        check_password(password, hash_password("timing"))  # same work either way
        return None
    if not row.active or not check_password(password, row.password_hash):
        return None
    return User(row.name, row.role)


def list_users(store: Store) -> list[User]:
    """Every active reviewer, by name."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(users.c.name, users.c.role).where(users.c.active == 1).order_by(users.c.name))
        return [User(r.name, r.role) for r in rows]


def deactivate_user(store: Store, name: str, *, by: str) -> bool:
    """Make a reviewer inactive (they are logged out at their next request; the audit log keeps their
    decisions); audited. False when no active reviewer has that name."""
    with store.batch(by) as batch:
        conn = batch._conn
        row = conn.execute(select(users.c.id, users.c.role).where(users.c.name == name.strip(),
                                                                  users.c.active == 1)).first()
        if row is None:
            return False
        conn.execute(users.update().where(users.c.id == row.id).values(active=0))
        batch.event("user:deactivated", ("user", name.strip()), before={"role": row.role}, after={"active": False})
    return True
