"""Settings from the environment, with defaults that work on a fresh checkout."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """Where orderhub keeps its data and which database it talks to."""

    home: Path
    database_url: str
    actor: str

    @property
    def quarantine_dir(self) -> Path:
        """Where rejected files are moved, with a reason file beside each."""
        return self.home / "quarantine"


def load_settings(home: str | Path | None = None) -> Settings:
    """Read ``ORDERHUB_HOME``, ``ORDERHUB_DATABASE_URL`` and ``ORDERHUB_ACTOR`` (with defaults).

    The default home is ``./.orderhub``; the default database is a SQLite file inside it.
    """
    base = Path(home or os.environ.get("ORDERHUB_HOME") or ".orderhub").expanduser().resolve()
    url = os.environ.get("ORDERHUB_DATABASE_URL") or f"sqlite:///{base / 'orderhub.db'}"
    actor = os.environ.get("ORDERHUB_ACTOR") or os.environ.get("USER") or "orderhub"
    return Settings(home=base, database_url=url, actor=actor)


# -- our companies --------------------------------------------------------------------------------------
#: The file of our own companies, in ORDERHUB_HOME unless ``ORDERHUB_OUR_COMPANIES`` names another.
OUR_COMPANIES_FILE = "our_companies.toml"


@dataclass(frozen=True)
class OurCompany:
    """One of our own legal entities: how documents name it, its tax ids and its bank accounts. Documents
    use it to tell roles apart (on a sales invoice we are the seller, on a credit receipt the payee)."""

    name: str
    name_en: str = ""
    tax_ids: tuple[str, ...] = ()
    #: bank account numbers (digits or IBANs, printed blanks and dashes removed)
    accounts: tuple[str, ...] = ()
    #: other spellings: short names, former names, the bank's spelling, pinyin
    aliases: tuple[str, ...] = ()

    def all_names(self) -> tuple[str, ...]:
        """Every name this company goes by (name, English name, aliases), empty ones left out."""
        return tuple(n for n in (self.name, self.name_en, *self.aliases) if n)


def our_companies_path(home: str | Path | None = None) -> Path:
    """Where the our-companies master is read from: ``ORDERHUB_OUR_COMPANIES``, else
    ``<ORDERHUB_HOME>/our_companies.toml``."""
    named = os.environ.get("ORDERHUB_OUR_COMPANIES")
    if named and home is None:
        return Path(named).expanduser().resolve()
    return load_settings(home).home / OUR_COMPANIES_FILE


_CACHE: dict[Path, tuple[float, list[OurCompany]]] = {}


def _strings(value: object, path: Path, what: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else None
    if items is None or not all(isinstance(v, str | int) for v in items):
        raise ValueError(f"{path}: {what} must be a string or a list of strings")
    return tuple(str(v).strip() for v in items if str(v).strip())


def our_companies(home: str | Path | None = None) -> list[OurCompany]:
    """Our own companies from the master file (``[[company]]`` tables with name, name_en, tax_ids,
    accounts, aliases); an empty list when there is no file. A malformed file raises ``ValueError``
    naming the file and the reason."""
    import re
    import tomllib

    path = our_companies_path(home)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return []
    cached = _CACHE.get(path)
    if cached and cached[0] == mtime:
        return list(cached[1])
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{path}: not a readable our-companies file ({exc})") from None
    out = []
    for n, row in enumerate(data.get("company", []), start=1):
        if not isinstance(row, dict) or not isinstance(row.get("name"), str) or not row["name"].strip():
            raise ValueError(f"{path}: company {n} has no name")
        out.append(OurCompany(
            name=row["name"].strip(), name_en=str(row.get("name_en", "")).strip(),
            tax_ids=tuple(t.upper() for t in _strings(row.get("tax_ids", []), path, "tax_ids")),
            accounts=tuple(re.sub(r"[\s\-]", "", a).upper() for a in _strings(row.get("accounts", []), path, "accounts")),
            aliases=_strings(row.get("aliases", []), path, "aliases")))
    _CACHE[path] = (mtime, out)
    return list(out)


def write_our_companies(companies: list[OurCompany], path: str | Path | None = None) -> Path:
    """Write the our-companies master (to :func:`our_companies_path` unless ``path``); returns the path."""
    import json

    target = Path(path) if path else our_companies_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Our own companies: documents use them to tell roles apart (seller, payee ...).", ""]
    for c in companies:
        lines.append("[[company]]")
        lines.append(f"name = {json.dumps(c.name, ensure_ascii=False)}")
        if c.name_en:
            lines.append(f"name_en = {json.dumps(c.name_en, ensure_ascii=False)}")
        for key in ("tax_ids", "accounts", "aliases"):
            lines.append(f"{key} = {json.dumps(list(getattr(c, key)), ensure_ascii=False)}")
        lines.append("")
    target.write_text("\n".join(lines), encoding="utf-8")
    _CACHE.pop(target.resolve(), None)
    return target
