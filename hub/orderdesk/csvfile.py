"""Reading the order desk's CSV data files: the package's own under ``data/`` or a user's by path."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from hub.errors import InputError


def read_csv_text(path: str | Path | None, default: str) -> tuple[str, str]:
    """The text of the CSV file ``path`` (a BOM dropped), or of the package's ``data/<default>``, and its name
    for errors; raises :class:`InputError` naming the file when it cannot be read."""
    if path is None:
        return (resources.files("hub.orderdesk").joinpath(f"data/{default}").read_text(encoding="utf-8"),
                f"hub/orderdesk/data/{default}")
    try:
        return Path(path).read_text(encoding="utf-8-sig"), str(path)
    except OSError as exc:
        raise InputError(f"cannot read it: {exc.strerror or exc}", source=str(path)) from None
