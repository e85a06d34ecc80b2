"""Where the station listens and what it shows for internal names (data, in ``station/data``)."""

from __future__ import annotations

import os
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8790


def station_port() -> int:
    """``ORDERHUB_STATION_PORT`` or 8790."""
    return int(os.environ.get("ORDERHUB_STATION_PORT") or DEFAULT_PORT)


def station_host() -> str:
    """``ORDERHUB_STATION_HOST`` or 127.0.0.1: nothing is served beyond this machine unless configured."""
    return os.environ.get("ORDERHUB_STATION_HOST") or DEFAULT_HOST


def station_url(path: str = "") -> str:
    """The station's address as people open it (``ORDERHUB_STATION_URL``, else http://127.0.0.1:PORT),
    with ``path`` appended; artifacts and the demo link to it."""
    base = (os.environ.get("ORDERHUB_STATION_URL") or f"http://{DEFAULT_HOST}:{station_port()}").rstrip("/")
    return base + path


@cache
def labels() -> dict[str, dict[str, str]]:
    """The label tables (fields, signals, kinds, statuses, roles, write-off reasons)."""
    custom = os.environ.get("ORDERHUB_STATION_LABELS")
    text = Path(custom).read_text(encoding="utf-8") if custom else \
        (resources.files("station") / "data" / "labels.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def label(table: str, name: str) -> str:
    """``中文 English`` for ``name`` in ``table``, or the name itself when the table lacks it."""
    return labels().get(table, {}).get(name, name)


def field_label(kind: str, name: str) -> str:
    """A document field's ``中文 English`` label on a document of ``kind`` (``[fields_by_kind.<kind>]``, else
    ``[fields]``)."""
    return labels().get("fields_by_kind", {}).get(kind, {}).get(name) or label("fields", name)
