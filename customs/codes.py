"""Customs code tables (运输方式, 监管方式, 征免性质, 成交方式, 币制, 包装种类, 计量单位, countries, ports ...) as
data: one CSV per table in ``customs/data`` with the columns ``code``, ``name`` and optional ``aliases``
(separated by ``;``; other columns are kept but not needed). A user replaces any table with a file of the same
name in their own folder (``--codes DIR`` or ``ORDERHUB_CUSTOMS_CODES``); tables not in it stay the defaults.
``defaults.toml`` holds the header values a declaration starts from.
"""

from __future__ import annotations

import csv
import os
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hub.errors import InputError

DATA = Path(__file__).parent / "data"
ENV = "ORDERHUB_CUSTOMS_CODES"
#: Table name -> what it is (the CSV is ``<name>.csv``).
TABLES: dict[str, str] = {
    "transport_modes": "运输方式", "trade_modes": "监管方式", "levy_natures": "征免性质", "levy_modes": "征免方式",
    "incoterms": "成交方式", "currencies": "币制", "package_types": "包装种类", "units": "计量单位",
    "countries": "国别（地区）", "customs_offices": "关别", "departure_ports": "离境口岸", "dest_ports": "指运港",
    "regions": "境内货源地",
}
#: Which table each declaration field's code belongs to (header fields, then ``item.`` fields).
FIELD_TABLES: dict[str, str] = {
    "exit_port": "customs_offices", "transport_mode": "transport_modes", "trade_mode": "trade_modes",
    "levy_nature": "levy_natures", "trade_country": "countries", "dest_country": "countries",
    "dest_port": "dest_ports", "departure_port": "departure_ports", "package_type": "package_types",
    "incoterm": "incoterms", "currency": "currencies",
    "item.unit": "units", "item.legal_unit1": "units", "item.legal_unit2": "units", "item.currency": "currencies",
    "item.origin": "countries", "item.dest": "countries", "item.source_region": "regions", "item.levy": "levy_modes",
}


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().upper()


@dataclass
class CodeTable:
    """One table: codes to names, and every spelling (name, alias) to its code."""

    name: str
    path: Path
    names: dict[str, str]
    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    spellings: dict[str, str] = field(default_factory=dict)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self.names

    def lookup(self, text: str | None) -> str | None:
        """The code for a code, a name or an alias (``FOB`` -> ``3``, ``US`` -> ``USA``, ``PCS`` -> ``007``)."""
        if not text:
            return None
        text = text.strip()
        if text in self.names:
            return text
        head = text.split(" ", 1)[0]
        if head in self.names:                        # "3104 北仑海关" as written in a workbook
            return head
        return self.spellings.get(_key(text))

    def label(self, code: str | None) -> str:
        """``"code name"`` as the dropdowns show it ('' for None; the bare code when unknown)."""
        if not code:
            return ""
        return f"{code} {self.names[code]}" if code in self.names else code

    def choices(self) -> list[str]:
        """Every ``"code name"``, in file order."""
        return [f"{code} {name}" for code, name in self.names.items()]


def read_table(name: str, path: Path) -> CodeTable:
    """Read one table; :class:`InputError` names the file, the line and the reason when it is broken."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read the code table: {exc.strerror or exc}", source=str(path)) from None
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or not {"code", "name"} <= set(reader.fieldnames):
        raise InputError("line 1: the header must name the columns code and name (aliases optional)",
                         source=str(path))
    table = CodeTable(name, path, {})
    for line, row in enumerate(reader, start=2):
        code, label = (row.get("code") or "").strip(), (row.get("name") or "").strip()
        if not code or not label:
            raise InputError(f"line {line}: needs a code and a name", source=str(path))
        if code in table.names:
            raise InputError(f"line {line}: code {code!r} appears twice", source=str(path))
        table.names[code] = label
        table.rows[code] = {k: (v or "").strip() for k, v in row.items() if k}
        for spelling in [label, *(row.get("aliases") or "").split(";")]:
            if spelling.strip():
                table.spellings.setdefault(_key(spelling), code)
    if not table.names:
        raise InputError("the code table has no codes", source=str(path))
    return table


@dataclass
class CodeTables:
    """Every table, and the default header values."""

    tables: dict[str, CodeTable]
    defaults: dict[str, dict[str, Any]]

    def __getitem__(self, name: str) -> CodeTable:
        return self.tables[name]

    def for_field(self, field_name: str) -> CodeTable | None:
        """The table of a declaration field (``incoterm``, ``item.unit`` ...), or None for free text."""
        table = FIELD_TABLES.get(field_name)
        return self.tables[table] if table else None

    @classmethod
    def load(cls, folder: str | Path | None = None) -> CodeTables:
        """The default tables, each replaced by ``<folder>/<name>.csv`` when that file exists.

        ``folder`` defaults to ``ORDERHUB_CUSTOMS_CODES``; a folder that does not exist is an error.
        """
        folder = folder or os.environ.get(ENV) or None
        own = Path(folder).expanduser() if folder else None
        if own is not None and not own.is_dir():
            raise InputError("the customs code folder does not exist", source=str(own))
        tables = {}
        for name in TABLES:
            path = own / f"{name}.csv" if own is not None and (own / f"{name}.csv").is_file() else DATA / f"{name}.csv"
            tables[name] = read_table(name, path)
        defaults_path = own / "defaults.toml" if own is not None and (own / "defaults.toml").is_file() \
            else DATA / "defaults.toml"
        try:
            defaults = tomllib.loads(defaults_path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"not valid TOML: {exc}", source=str(defaults_path)) from None
        loaded = cls(tables, {"header": defaults.get("header", {}), "item": defaults.get("item", {}),
                              "consignors": defaults.get("consignors", {}), "charges": defaults.get("charges", {})})
        for section in ("header", "item"):
            values = loaded.defaults[section]
            for name, value in values.items():
                table = loaded.for_field(name if section == "header" else f"item.{name}")
                if table is not None and value and value not in table:
                    raise InputError(f"[{section}] {name} = {value!r} is not a code of {table.path.name}",
                                     source=str(defaults_path))
        return loaded
