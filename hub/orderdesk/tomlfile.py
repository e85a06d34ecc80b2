"""Reading the order desk's TOML files so that every error names the file, the line and the reason.

``tomllib`` reports syntax errors with a line but forgets positions once parsed; :class:`TomlLines`
indexes where each key, table and array element starts, so a semantic error (unknown field, bad
operator, bad number) can name its line too.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from hub.errors import InputError
from hub.validation import to_decimal

Path_ = tuple[str | int, ...]
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")


def _split_key(raw: str) -> list[str]:
    return [part.strip().strip("\"'") for part in re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", raw)]


class TomlLines:
    """Where each key, table and array element of a TOML text starts (1-based line numbers)."""

    def __init__(self, text: str) -> None:
        self.lines: dict[Path_, int] = {}
        counters: dict[tuple[str, ...], int] = {}
        prefix: Path_ = ()
        rows = text.splitlines()
        i = 0
        while i < len(rows):
            line = rows[i]
            header = _HEADER.match(line) if line.lstrip().startswith("[") else None
            if header:
                parts = tuple(_split_key(header.group(2)))
                if header.group(1) == "[[":
                    index = counters.get(parts, -1) + 1
                    counters[parts] = index
                    prefix = (*parts, index)
                else:
                    prefix = parts
                self.lines.setdefault(prefix, i + 1)
                i += 1
                continue
            key = _KEY.match(line)
            if not key:
                i += 1
                continue
            path = (*prefix, *_split_key(key.group(1)))
            self.lines.setdefault(path, i + 1)
            i = self._value(rows, i, line[key.end():], path)

    def _value(self, rows: list[str], i: int, rest: str, path: Path_) -> int:
        """Scan a value (possibly over several lines); index array elements. Returns the next line."""
        depth, element, quote, row = 0, -1, "", i
        text, pos, started = rest, 0, False

        def start_element() -> None:
            nonlocal element, started
            if depth == 1 and not started:
                element, started = element + 1, True
                self.lines.setdefault((*path, element), row + 1)

        while True:
            while pos < len(text):
                ch = text[pos]
                if quote:
                    if quote == '"' and ch == "\\":
                        pos += 2
                        continue
                    if text.startswith(quote, pos):
                        pos += len(quote)
                        quote = ""
                        continue
                    pos += 1
                    continue
                if ch == "#":
                    break
                if ch in "\"'":
                    start_element()
                    triple = text[pos:pos + 3]
                    quote = triple if triple in ('"""', "'''") else ch
                    pos += len(quote)
                    continue
                if ch in "[{":
                    start_element()
                    depth += 1
                elif ch in "]}":
                    depth -= 1
                elif ch == ",":
                    started = False if depth == 1 else started
                elif not ch.isspace():
                    start_element()
                pos += 1
            if depth <= 0 and not quote:
                return row + 1
            row += 1
            if row >= len(rows):
                return row
            text, pos = rows[row], 0

    def line(self, *path: str | int) -> int | None:
        """The line of the longest known prefix of ``path`` (a key, a table or an array element)."""
        for end in range(len(path), 0, -1):
            found = self.lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return None


class TomlFile:
    """A parsed TOML file with its line index, collecting errors to raise them all at once."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        try:
            self.data: dict[str, Any] = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
            where = f"line {match.group(1)}" if match else "somewhere"
            reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc)) or "syntax error"
            raise InputError(f"{where}: TOML syntax error: {reason}; nothing of it was loaded",
                             source=source) from None
        self.index = TomlLines(text)
        self.errors: list[str] = []

    def error(self, path: Path_, reason: str) -> None:
        """Note an error at the line of ``path``."""
        line = self.index.line(*path)
        self.errors.append(f"line {line}: {reason}" if line else reason)

    def raise_errors(self) -> None:
        """Raise every noted error as one :class:`InputError` (the file is not loaded at all)."""
        if self.errors:
            raise InputError("; ".join(self.errors) + "; nothing of it was loaded", source=self.source)

    def number(self, value: Any, path: Path_, what: str) -> Decimal | None:
        """``value`` as a Decimal (TOML ints, floats and numeric strings), or note an error and None."""
        if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
            self.error(path, f"{what}: {value!r} is not a number")
            return None
        try:
            return to_decimal(str(value) if isinstance(value, float) else value)
        except ValueError:
            self.error(path, f"{what}: {value!r} is not a number")
            return None

    def unknown_keys(self, table: dict[str, Any], allowed: set[str] | frozenset[str], path: Path_,
                     what: str) -> None:
        """Note each key of ``table`` that is not in ``allowed``."""
        for key in table:
            if key not in allowed:
                self.error((*path, key), f"{what}: unknown key {key!r} (expected one of {', '.join(sorted(allowed))})")


def read_toml(path: str | Path | None, default: str) -> TomlFile:
    """Read a TOML file given by path, or the package's ``data/<default>``."""
    if path is None:
        text = resources.files("hub.orderdesk").joinpath(f"data/{default}").read_text(encoding="utf-8")
        return TomlFile(text, f"hub/orderdesk/data/{default}")
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such file", source=str(file)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read it: {exc}", source=str(file)) from None
    return TomlFile(text, str(file))
