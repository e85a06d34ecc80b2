"""Addresses of the station's pages, for artifacts, workbooks and the demo (no web imports here)."""

from __future__ import annotations

from urllib.parse import quote

from station.config import station_url


def document_link(sha256: str) -> str:
    """The review page of a file (by its content hash)."""
    return station_url(f"/documents/{sha256}")


def payment_link(match_key: str) -> str:
    """The review page of a payment's proposal (``receipt|<receipt key>``)."""
    return station_url(f"/payments/{quote(match_key, safe='')}")


def declaration_link(number: str) -> str:
    """The review page of a declaration."""
    return station_url(f"/declarations/{quote(number, safe='')}")


def queue_link(area: str) -> str:
    """A queue: ``documents``, ``payments`` or ``declarations``."""
    return station_url(f"/{area}")
