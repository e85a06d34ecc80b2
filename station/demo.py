"""The demo's reviewers and what the demo prints about the station."""

from __future__ import annotations

from hub.records import Declaration, Match, SourceFile
from hub.store import Store
from hub.users import add_user, list_users
from station.config import station_url

#: Demo reviewers: one per role.
DEMO_REVIEWERS = {"finance": "finance", "customs": "customs", "admin": "admin"}


def add_demo_reviewers(store: Store, password: str) -> list[str]:
    """One reviewer per role (named after the role), unless the store has reviewers already."""
    if list_users(store):
        return []
    return [add_user(store, name, role, password, by="demo").name for name, role in DEMO_REVIEWERS.items()]


def station_waiting(store: Store, password_hint: str) -> str:
    """What the demo's summary says about the review station: who logs in and what waits there."""
    docs = len(store.all(SourceFile, status="needs_review"))
    pays = len(store.all(Match, status=["review", "unmatched"]))
    decls = len(store.all(Declaration, status=["draft", "returned"]))
    return (f"Review station (复核台, {station_url('/')}): log in as finance, customs or admin ({password_hint}); "
            f"waiting: {docs} documents, {pays} payments, {decls} declarations")
