"""Map a table's header row to record fields through a bilingual alias table (a TOML data file),
with rapidfuzz for renamed headers, and find the header row below any preamble lines.

Alias file format::

    [fields.order_id]
    aliases = ["订单号", "Order No.", ...]   # earlier aliases win when two columns match one field
    required = true                           # the table is unusable without it

    [fields.credit]
    qualifies = ["amount", "debit"]           # ``发生额(收入)``, ``借方发生额(支出)``: a bracketed part
                                              # naming this field wins over the rest naming one of these

A bracketed part of a header (``(收入)``, ``[ Value Date ]``, ``(HKD)``) never stops the mapping: the
header is also read without it, and a currency code or unit in brackets is dropped.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz

from extractors.spreadsheets import Cell, cell_text
from hub.errors import InputError
from hub.records import RowWarning
from hub.validation import currencies

#: Headers scoring at least this (0-100) against an alias map to its field.
FUZZY_THRESHOLD = 84.0
_UNIT_SUFFIX_RE = re.compile(r"[(\[（【](?:元|万元|¥|￥|\$|人民币|港币|港元|美元|欧元|[a-z]{3}|pcs|个)[)\]）】]$")
_CODE_SUFFIX_RE = re.compile(r"^(.*?[a-z].*?)\s+(?:(?:in|en)\s+)?([A-Z]{3})$")
_BRACKET_RE = re.compile(r"[(\[（【]([^()\[\]（）【】]*)[)\]）】]")


@dataclass(frozen=True)
class FieldSpec:
    """One field of the alias table."""

    name: str
    aliases: tuple[str, ...]
    required: bool = False
    #: alternatives: the field is satisfied when any of these fields is mapped instead
    or_fields: tuple[str, ...] = ()
    #: fields this one overrides when it is named in a header's brackets (``发生额(收入)``)
    qualifies: tuple[str, ...] = ()


@dataclass
class HeaderMap:
    """Where each field sits: columns in preference order, and how sure the mapping is (0-1)."""

    row: int
    headers: list[str]
    columns: dict[str, list[int]] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)

    def first(self, row: Sequence[Cell], name: str) -> Cell:
        """The first non-blank value of ``name`` in ``row`` (columns in preference order)."""
        for index in self.columns.get(name, []):
            value = row[index] if index < len(row) else None
            if not is_blank(value):
                return value
        return None

    def all(self, row: Sequence[Cell], name: str) -> list[Cell]:
        """Every non-blank value of ``name`` in ``row``."""
        values = []
        for index in self.columns.get(name, []):
            value = row[index] if index < len(row) else None
            if not is_blank(value):
                values.append(value)
        return values

    @property
    def fuzzy(self) -> dict[str, str]:
        """Fields mapped by a fuzzy (not exact) header match, with the header text."""
        return {name: self.headers[cols[0]] for name, cols in self.columns.items() if self.scores[name] < 0.99}


class RowProblem(Exception):
    """A row of a table that cannot be read: the column (its header as printed), the cell's text and the
    reason. Importers turn it into a :class:`hub.records.RowWarning` and go on with the next row."""

    def __init__(self, reason: str, column: str | None = None, cell: str | None = None) -> None:
        super().__init__(reason)
        self.reason, self.column, self.cell = reason, column, cell

    def warning(self, row: int | None, sheet: str | None = None) -> RowWarning:
        """The row warning for row ``row`` (1-based) of ``sheet``."""
        return RowWarning(row=row, column=self.column or None, cell=self.cell or None, reason=self.reason,
                          sheet=sheet)


PLACEHOLDERS = {"", "-", "--", "—", "/", "\\", "null", "none", "n/a", "nan"}


def is_blank(value: Cell) -> bool:
    """True for empty cells and the placeholders exports print for 'nothing' (``-``, ``/``)."""
    return value is None or (isinstance(value, str) and value.strip().lower() in PLACEHOLDERS)


def normalise_header(text: str) -> str:
    """Header text for comparison: NFKC, lower case, no blanks or trailing colon, no unit suffix."""
    norm = unicodedata.normalize("NFKC", text).lower()
    norm = re.sub(r"[\s\u3000_]+", "", norm).rstrip(":：*")
    norm = re.sub(r"^#(?=[^\W\d_])", "", norm)  # mBank's ``#Data operacji`` (a ``#`` column stays ``#``)
    return _UNIT_SUFFIX_RE.sub("", norm)


@cache
def _load(path: str) -> dict[str, FieldSpec]:
    if path.startswith("pkg:"):
        text = resources.files("extractors").joinpath("data", path[4:]).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    data = tomllib.loads(text)
    specs = {}
    for name, body in data.get("fields", {}).items():
        specs[name] = FieldSpec(name, tuple(body.get("aliases", [])), bool(body.get("required", False)),
                                tuple(body.get("or_fields", [])), tuple(body.get("qualifies", [])))
    return specs


def load_fields(name_or_path: str | Path) -> dict[str, FieldSpec]:
    """An alias table: a file name inside ``extractors/data`` or a path to the user's own TOML."""
    text = str(name_or_path)
    if Path(text).is_file():
        return _load(str(Path(text).resolve()))
    return _load("pkg:" + text)


_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def header_variants(header: str) -> list[tuple[str, float]]:
    """Ways to read one header, with a small penalty for partial readings: the whole header, its Chinese
    and its other-language half (``交易日期[ Transaction Date ]``, ``订单号 Order No.``), and its ``/`` parts."""
    norm = normalise_header(header)
    variants = [(norm, 0.0)]
    raw = unicodedata.normalize("NFKC", header)
    chinese = "".join(_CJK_RE.findall(re.sub(r"[\[(（【].*?[\])）】]", "", raw)))
    if chinese and _CJK_RE.sub("", raw).strip(" []()（）【】:：/"):
        variants.append((normalise_header(chinese), 0.3))
        other = _CJK_RE.sub(" ", raw).strip()
        other = re.sub(r"^[\[(（【\s]+|[\])）】\s]+$", "", other)
        if other:
            variants.append((normalise_header(other), 0.6))
    # ``Amount AUD``, ``Balance AUD``, ``Gutschrift in CHF``: the currency after the name
    coded = _CODE_SUFFIX_RE.match(raw.strip())
    if coded and coded.group(2) in currencies():
        variants.append((normalise_header(coded.group(1)), 0.2))
    outer = _BRACKET_RE.sub("", raw).strip()
    if outer and outer != raw.strip():
        variants.append((normalise_header(outer), 0.2))
    if "/" in norm:
        variants += [(part, 0.9) for part in norm.split("/") if len(part) >= 2]
    return variants


def bracket_parts(header: str) -> tuple[str, list[str]]:
    """A header without its bracketed parts, and those parts (``借方发生额(支出)`` -> ``借方发生额``, [``支出``])."""
    raw = unicodedata.normalize("NFKC", header)
    inner = [part.strip() for part in _BRACKET_RE.findall(raw) if part.strip()]
    return _BRACKET_RE.sub("", raw).strip(), inner


class Reading(NamedTuple):
    """How a header reads: its best alias's score (0-100), that alias's priority and field, and the other fields a
    fuzzy reading of the whole header scores as high (none for an exact alias, nor for a bracketed qualifier)."""

    score: float
    priority: int
    name: str
    ties: frozenset[str] = frozenset()


class _Matcher:
    """The aliases of one field table, normalised once, scored with rapidfuzz in bulk."""

    def __init__(self, specs: tuple[FieldSpec, ...]) -> None:
        self.aliases: list[str] = []
        self.meta: list[tuple[str, int, bool]] = []
        self.qualifies = {spec.name: set(spec.qualifies) for spec in specs}
        for spec in specs:
            for priority, alias in enumerate(spec.aliases):
                norm = normalise_header(alias)
                self.aliases.append(norm)
                self.meta.append((spec.name, priority, _CJK_RE.fullmatch(norm) is not None))
        self.cjk = [i for i, (_, _, cjk) in enumerate(self.meta) if cjk]

    def best(self, header: str) -> Reading | None:
        """The best alias at or above the threshold, or None. A bracketed qualifier naming a field that
        ``qualifies`` the rest's field wins (``发生额(收入)``)."""
        best = self._best(header)
        if best is not None and best.score >= 100.0:  # the whole header is an alias
            return best
        outer, inner = bracket_parts(header)
        if outer and inner and len(inner) == 1:
            base = self._best(outer) if outer != header else None
            qualifier = self._best(inner[0])
            if base and qualifier and base.name in self.qualifies.get(qualifier.name, set()):
                reading = Reading(min(base.score, qualifier.score) - 0.5, qualifier.priority, qualifier.name)
                return best if best is not None and best[:3] == reading[:3] else reading
        return best

    def _best(self, header: str) -> Reading | None:
        from rapidfuzz import process

        best: tuple[float, int, str] | None = None
        scores: dict[str, float] = {}  # every field's best score: the fields tied with the best are ``ties``
        for norm, penalty in header_variants(header):
            if not norm:
                continue
            ratios = process.cdist([norm], self.aliases, scorer=fuzz.ratio)[0]
            header_cjk = _CJK_RE.fullmatch(norm) is not None
            candidates = {int(i) for i in (ratios >= FUZZY_THRESHOLD - 10).nonzero()[0]}
            if header_cjk:
                candidates.update(i for i in self.cjk if norm.endswith(self.aliases[i]))
            for index in candidates:
                alias = self.aliases[index]
                ratio = float(ratios[index])
                name, priority, cjk = self.meta[index]
                if norm == alias:
                    score = 100.0
                elif header_cjk and cjk and len(alias) >= 2 and norm.endswith(alias) and len(norm) - len(alias) <= 2:
                    score = 86.0
                elif len(norm) < 3 or len(alias) < 3:
                    continue
                else:
                    score = ratio + (10.0 if header_cjk and cjk and len(norm) >= 4 and len(alias) >= 4 else 0.0)
                score -= penalty
                if score >= FUZZY_THRESHOLD and (best is None or (score, -priority) > (best[0], -best[1])):
                    best = (score, priority, name)
                if score >= FUZZY_THRESHOLD and score > scores.get(name, 0.0):
                    scores[name] = score
        if best is None:
            return None
        return Reading(*best, frozenset(n for n, sc in scores.items() if n != best[2] and sc == best[0] < 100.0))


@cache
def _matcher(specs: tuple[FieldSpec, ...]) -> _Matcher:
    return _Matcher(specs)


@cache
def _best(specs: tuple[FieldSpec, ...], header: str) -> Reading | None:
    return _matcher(specs).best(header)


def map_headers(cells: Sequence[Cell], fields: dict[str, FieldSpec], row: int = 0) -> HeaderMap:
    """Assign each header cell to its best-scoring field (exact alias first, then fuzzy)."""
    headers = [cell_text(c) for c in cells]
    specs = tuple(fields.values())
    result = HeaderMap(row, headers)
    picks: list[tuple[float, int, str, int]] = []
    ties: dict[int, set[str]] = {}
    for col, header in enumerate(headers):
        if not header or len(header) > 80:
            continue
        best = _best(specs, header)
        if best:
            picks.append((best[0], best[1], best[2], col))
            ties[col] = set(best.ties)
    # a fuzzy reading tied between fields (OCR's 货方发生额 is as near 借方发生额 as 贷方发生额) goes to the tied
    # field that no surer column holds, when there is exactly one such
    for i, (score, priority, name, col) in enumerate(picks):
        held = {n for sc, _, n, c in picks if c != col and sc > score}
        if ties.get(col) and name in held:
            free = sorted(ties[col] - held)
            if len(free) == 1:
                picks[i] = (score, priority, free[0], col)
    for score, _priority, name, col in sorted(picks, key=lambda p: (-p[0], p[1], p[3])):
        result.columns.setdefault(name, []).append(col)
        result.scores[name] = max(result.scores.get(name, 0.0), score / 100)
    # within a field, columns in alias-preference order (exact and earlier aliases first)
    order = {col: (-score, priority) for score, priority, _, col in picks}
    for name in result.columns:
        result.columns[name].sort(key=lambda c: order[c])
    return result


def missing_required(header: HeaderMap, fields: dict[str, FieldSpec]) -> list[str]:
    """Required fields the header does not provide (directly or through an alternative)."""
    missing = []
    for name, spec in fields.items():
        if spec.required and name not in header.columns and not any(o in header.columns for o in spec.or_fields):
            missing.append(name)
    return missing


def _sub_header(top: Sequence[Cell], below: Sequence[Cell]) -> bool:
    """Whether ``below`` is the second row of a two-row header over ``top``: text only (no figure, no date),
    two cells or more, and at least one group whose top cell was merged across it (``发生额`` over
    ``借方发生额(支出)`` and ``贷方发生额(收入)``: the top row blank where the row below goes on)."""
    texts = [cell_text(c) for c in below]
    filled = [t for t in texts if t]
    if len(filled) < 2 or any(not isinstance(c, str) or re.search(r"\d", c) for c in below if cell_text(c)):
        return False
    heads = [cell_text(c) for c in top] + [""] * max(0, len(below) - len(top))
    return any(heads[j] and not heads[j + 1] and texts[j] and texts[j + 1] for j in range(len(texts) - 1))


def _joined_header(top: Sequence[Cell], below: Sequence[Cell], fields: dict[str, FieldSpec]) -> list[Cell]:
    """One header from two rows: a cell merged down (``交易时间``) keeps the top's text; a sub-header under a
    group reads as itself, the group and itself (``Counterparty`` + ``Name``) or a head of the group and
    itself (``对方``信息 + ``户名`` = 对方户名), whichever names a field best."""
    specs = tuple(fields.values())
    heads = [cell_text(c) for c in top] + [""] * max(0, len(below) - len(top))
    out: list[Cell] = []
    group = ""
    for j, cell in enumerate(below):
        sub, head = cell_text(cell), heads[j]
        if head:
            group = head
        if not sub:
            out.append(head or None)
            continue
        tries = [sub, group + sub] + [group[:n] + sub for n in range(2, len(group)) if _CJK_RE.fullmatch(group[:n])]
        scored = [(_best(specs, t), -i, t) for i, t in enumerate(tries) if group or i == 0]
        scored = [(b[0], i, t) for b, i, t in scored if b]
        out.append(max(scored)[2] if scored else sub)
    return out


def find_header(rows: Sequence[Sequence[Cell]], fields: dict[str, FieldSpec], *, source: str,
                scan: int = 80, what: str = "table") -> HeaderMap:
    """The header row among the first ``scan`` rows: the one mapping the most fields, with every
    required field present; a two-row header (a group merged over its sub-headers) is read as one, its
    data starting under the second row. Raises :class:`InputError` listing the headers seen when none
    qualifies."""
    best: HeaderMap | None = None
    best_partial: HeaderMap | None = None
    for index, row in enumerate(rows[:scan]):
        if best is not None and index > best.row + 3:
            break  # the header is the first qualifying row; a few rows below cannot beat it by much
        texts = [c for c in row if isinstance(c, str)]
        if len(texts) < 2:
            continue
        header = map_headers(row, fields, index)
        if index + 1 < len(rows) and _sub_header(row, rows[index + 1]):
            joined = map_headers(_joined_header(row, rows[index + 1], fields), fields, index + 1)
            if len(joined.columns) > len(header.columns) and not missing_required(joined, fields):
                joined.headers = [cell_text(c) for c in _joined_header(row, rows[index + 1], fields)]
                header = joined
        if not header.columns:
            continue
        if missing_required(header, fields):
            if best_partial is None or len(header.columns) > len(best_partial.columns):
                best_partial = header
            continue
        if best is None or len(header.columns) > len(best.columns):
            best = header
    if best is not None:
        return best
    if best_partial is not None:
        seen = [h for h in best_partial.headers if h]
        need = ", ".join(f"{name} ({' / '.join(fields[name].aliases[:3])})"
                         for name in missing_required(best_partial, fields))
        raise InputError(f"{what} header (row {best_partial.row + 1}) has no column for {need}; headers seen: "
                         f"{seen}", source=source)
    required = [f"{n} ({' / '.join(s.aliases[:2])})" for n, s in fields.items() if s.required]
    raise InputError(f"no {what} header row found in the first {min(scan, len(rows))} rows (looked for "
                     f"{', '.join(required)})", source=source)
