"""Site profiles (TOML, as data): how to log in, where the list is, how it pages, which columns and
detail labels hold which order fields, what to download. ``bots/profiles/<name>.toml`` or any path."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hub.errors import InputError

PROFILE_DIR = Path(__file__).parent / "profiles"
REQUIRED = {"site": ("name",), "login": ("url", "success")}
#: What a profile for the generic scraper needs on top.
SCRAPE_REQUIRED = {"site": ("name", "channel"), "login": ("url", "steps", "success"),
                   "list": ("url", "table", "count", "key")}


@dataclass(frozen=True)
class Profile:
    """A parsed site profile (the TOML tables, checked)."""

    name: str
    path: Path
    data: dict[str, Any]

    @property
    def site(self) -> dict[str, Any]:
        return self.data["site"]

    @property
    def login(self) -> dict[str, Any]:
        return self.data["login"]

    @property
    def list(self) -> dict[str, Any]:
        return self.data["list"]

    @property
    def detail(self) -> dict[str, Any]:
        return self.data.get("detail", {})

    @property
    def values(self) -> dict[str, Any]:
        return self.data.get("values", {})

    @property
    def channel(self) -> str:
        return self.site["channel"]

    def base_url(self, override: str | None = None) -> str:
        """The portal's address: the argument, else ``$<base_url_env>``, else the profile's default."""
        url = override or os.environ.get(self.site.get("base_url_env", ""), "") or self.site.get("base_url", "")
        if not url.startswith(("http://", "https://")):
            raise InputError(f"no portal address (set {self.site.get('base_url_env')} or pass --url)",
                             source=str(self.path))
        return url.rstrip("/")


def load_profile(name_or_path: str | Path) -> Profile:
    """A site profile by name (``marketplace``, ``webshop``) or by path to a ``.toml``."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = PROFILE_DIR / f"{name_or_path}.toml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in PROFILE_DIR.glob("*.toml")))
        raise InputError(f"no site profile {str(name_or_path)!r} (known: {known}, or a path to a .toml)")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", source=str(path)) from exc
    _require(data, REQUIRED, path)
    return Profile(name=data["site"]["name"], path=path, data=data)


def _require(data: dict[str, Any], required: dict[str, tuple[str, ...]], path: Path) -> None:
    for table, keys in required.items():
        if not isinstance(data.get(table), dict):
            raise InputError(f"missing the [{table}] table", source=str(path))
        missing = [k for k in keys if k not in data[table]]
        if missing:
            raise InputError(f"[{table}] lacks {', '.join(missing)}", source=str(path))


def check_scrape_profile(profile: Profile) -> None:
    """Raise :class:`InputError` unless the profile has what the generic scraper needs."""
    _require(profile.data, SCRAPE_REQUIRED, profile.path)
