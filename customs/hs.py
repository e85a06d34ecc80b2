"""HS code (商品编号) suggestion: past approved declarations first, then the product master, then a fuzzy
search (rapidfuzz) over the tariff table.

The tariff table is a CSV file with a header row:

| column | required | what |
|---|---|---|
| ``code`` | yes | 6 to 10 digits (dots and spaces ignored); shorter codes are padded with zeros to 10 |
| ``name`` | yes | the tariff's description (Chinese in the national table; any language works) |
| ``unit1`` | no | legal first unit (法定第一计量单位), e.g. ``千克``, ``个``, ``台`` |
| ``unit2`` | no | legal second unit, empty when the code has none |
| ``name_en`` | no | an English description, searched as well |
| ``elements`` | no | the required 申报要素 names, separated by ``;`` |

The UN's HS nomenclature file (columns ``hscode``, ``description``, ``level``) is read as well: its
6-digit subheadings (level 6) become codes padded to 10 digits. The default table
(``customs/data/tariff.csv``) covers the demo's product range only; give the full national tariff by path.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rapidfuzz import fuzz, process, utils

from hub.errors import InputError
from hub.records import RECORD_TYPES, Product

if TYPE_CHECKING:
    from hub.store import Store

DEFAULT_TARIFF = Path(__file__).parent / "data" / "tariff.csv"
Source = Literal["approved", "product", "tariff"]
#: Declaration statuses whose items count as approved codes.
APPROVED_STATUSES = ("approved", "filed", "submitted", "accepted")
_COLUMN_ALIASES = {"hscode": "code", "hs_code": "code", "商品编号": "code", "description": "name",
                   "商品名称": "name", "第一计量单位": "unit1", "第二计量单位": "unit2", "申报要素": "elements"}
_PRODUCT_MIN, _APPROVED_MIN, _TARIFF_MIN = 82.0, 90.0, 40.0


@dataclass(frozen=True)
class TariffEntry:
    """One code of the tariff table."""

    code: str
    name: str
    unit1: str | None = None
    unit2: str | None = None
    name_en: str | None = None
    elements: tuple[str, ...] = ()


@dataclass(frozen=True)
class HsSuggestion:
    """A suggested code with its score (0-1) and where it came from."""

    code: str
    description: str
    score: float
    source: Source


def normalise_code(value: str, *, where: str = "HS code") -> str:
    """Digits of an HS code, padded to 10; :class:`InputError` unless it has 6 to 10 digits."""
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", str(value)) if ch not in ". \t")
    if not digits.isdigit() or not 6 <= len(digits) <= 10:
        raise InputError(f"{where} {value!r} must be 6 to 10 digits")
    return digits.ljust(10, "0")


def _norm(text: str) -> str:
    return utils.default_process(unicodedata.normalize("NFKC", text or ""))


_CJK = re.compile(r"[\u4e00-\u9fff]+")
_STOP = {"and", "or", "of", "the", "for", "with", "other", "not", "than", "their", "whether", "be", "in", "as",
         "by", "to", "a", "an", "its", "excl", "incl", "including", "on", "no", "nes", "etc"}


def _terms(text: str) -> set[str]:
    """Words (singular-ish, stop words dropped) and Chinese character pairs of a normalised text."""
    terms = set()
    for word in _CJK.sub(" ", text).split():
        if len(word) > 1 and word not in _STOP and not word.isdigit():
            terms.add(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word)
    for run in _CJK.findall(text):
        terms.update(run[i:i + 2] for i in range(len(run) - 1)) if len(run) > 1 else terms.add(run)
    return terms


class _TermIndex:
    """IDF-weighted term overlap: how much of the query's (rarer) words a text holds, words matched fuzzily."""

    def __init__(self, texts: list[str]) -> None:
        self.postings: dict[str, set[int]] = {}
        self.sizes = []
        for i, text in enumerate(texts):
            terms = _terms(text)
            self.sizes.append(len(terms))
            for term in terms:
                self.postings.setdefault(term, set()).add(i)
        n = max(len(texts), 1)
        self.idf = {t: math.log(1 + n / len(ids)) for t, ids in self.postings.items()}
        self.vocabulary = list(self.postings)

    def scores(self, query: str) -> dict[int, float]:
        terms = _terms(query)
        if not terms:
            return {}
        weights = {t: self.idf.get(t, math.log(1 + len(self.sizes))) for t in terms}
        total = sum(weights.values())
        got: dict[int, float] = {}
        for term, weight in weights.items():
            matches = {term: 100.0} if term in self.postings else {}
            if not matches and len(term) > 3:
                matches = {v: s for v, s, _ in process.extract(term, self.vocabulary, scorer=fuzz.ratio, limit=3,
                                                               score_cutoff=85)}
            for vocab, sim in matches.items():
                for i in self.postings[vocab]:
                    got[i] = got.get(i, 0.0) + weight / total * sim / 100
        return {i: s * 0.85 + 0.15 * min(1.0, len(terms) / max(self.sizes[i], 1)) for i, s in got.items()}


@lru_cache(maxsize=8)
def _read_tariff(path: Path, mtime: float) -> dict[str, TariffEntry]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the tariff table: {exc}", source=str(path)) from exc
    rows = csv.DictReader(text.splitlines())
    fields = {_COLUMN_ALIASES.get((f or "").strip().lower(), (f or "").strip().lower()) for f in rows.fieldnames or []}
    if not {"code", "name"} <= fields:
        raise InputError(f"the tariff table needs the columns code and name (found {rows.fieldnames})",
                         source=str(path))
    entries: dict[str, TariffEntry] = {}
    for line, raw in enumerate(rows, start=2):
        row = {_COLUMN_ALIASES.get((k or "").strip().lower(), (k or "").strip().lower()): (v or "").strip()
               for k, v in raw.items()}
        if row.get("level") and row["level"] != "6":
            continue                                  # HS nomenclature: chapters and headings are not codes
        code = normalise_code(row["code"], where=f"{path} row {line}: code")
        if not row["name"]:
            raise InputError(f"row {line}: code {code} has no name", source=str(path))
        entries[code] = TariffEntry(code, row["name"], row.get("unit1") or None, row.get("unit2") or None,
                                    row.get("name_en") or None,
                                    tuple(e.strip() for e in row.get("elements", "").split(";") if e.strip()))
    if not entries:
        raise InputError("the tariff table has no codes", source=str(path))
    return entries


def load_tariff(path: Path | None = None) -> dict[str, TariffEntry]:
    """The tariff table by 10-digit code (the default table when ``path`` is None)."""
    path = Path(path or DEFAULT_TARIFF)
    if not path.is_file():
        raise InputError("tariff table not found", source=str(path))
    return _read_tariff(path.resolve(), path.stat().st_mtime)


def approved_from_store(store: Store) -> list[tuple[str, str | None, str]]:
    """``(name, sku, code)`` of every item on declarations the store holds as approved (or later)."""
    cls = RECORD_TYPES.get("declaration")
    if cls is None:
        return []
    found = []
    for decl in store.all(cls):
        if getattr(decl, "status", "approved") not in APPROVED_STATUSES:
            continue
        for item in getattr(decl, "items", []):
            code, name = getattr(item, "hs_code", None), getattr(item, "name", None)
            if code and name:
                found.append((str(name), getattr(item, "sku", None), str(code)))
    return found


class HsIndex:
    """Suggests HS codes for a product name (Chinese or English), optionally its SKU and 申报要素."""

    def __init__(self, tariff: dict[str, TariffEntry], products: Iterable[Product] = (),
                 approved: Iterable[tuple[str, str | None, str]] = ()) -> None:
        self.tariff = tariff
        self._tariff_codes = [e.code for e in tariff.values() for _ in (0, 1)]
        self._tariff_texts = [_norm(t) for e in tariff.values() for t in (e.name, e.name_en or "")]
        self._terms = _TermIndex(self._tariff_texts)
        self._products: dict[str, Product] = {}
        self._product_names: list[tuple[str, str]] = []       # (normalised name, sku)
        for product in products:
            if product.hs_code:
                self._products[product.sku] = product
                for name in {product.name_zh, product.name_en}:
                    self._product_names.append((_norm(name), product.sku))
        self._approved_sku: dict[str, str] = {}
        self._approved_name: dict[str, str] = {}
        for name, sku, code in approved:
            self.learn(name, code, sku=sku)

    @classmethod
    def load(cls, tariff_csv: Path | None = None, store: Store | None = None,
             products: Iterable[Product] | None = None,
             approved: Iterable[tuple[str, str | None, str]] = ()) -> HsIndex:
        """An index over the tariff table, the product master (``products``, else the store's) and the codes
        of approved declarations in ``store`` plus ``approved`` ``(name, sku, code)`` triples."""
        if products is None:
            products = store.all(Product) if store is not None else []
        past = [*approved_from_store(store)] if store is not None else []
        return cls(load_tariff(tariff_csv), products, [*past, *approved])

    def learn(self, name: str, code: str, *, sku: str | None = None) -> None:
        """Remember an approved (or corrected) code: later suggestions for this name or SKU prefer it."""
        code = normalise_code(code)
        if sku:
            self._approved_sku[sku] = code
        if name.strip():
            self._approved_name[_norm(name)] = code

    def describe(self, code: str) -> str:
        """The tariff's description of ``code`` ('' when it is not in the table)."""
        entry = self.tariff.get(code)
        return entry.name if entry else ""

    def suggest(self, name: str, *, sku: str | None = None, elements: str | None = None,
                limit: int = 3) -> list[HsSuggestion]:
        """Up to ``limit`` codes, best first: approved before, then product master, then tariff matches."""
        query = _norm(name)
        if not query and not sku:
            raise InputError("HS code suggestion needs a product name or SKU")
        found: list[HsSuggestion] = []
        found += self._from_approved(query, sku)
        found += self._from_products(query, sku)
        found += self._from_tariff(query, _norm(elements or ""), limit)
        best: dict[str, HsSuggestion] = {}
        for s in found:
            best.setdefault(s.code, s)
        return list(best.values())[:limit]

    def _suggestion(self, code: str, score: float, source: Source, fallback: str) -> HsSuggestion:
        return HsSuggestion(code, self.describe(code) or fallback, round(score, 3), source)

    def _from_approved(self, query: str, sku: str | None) -> list[HsSuggestion]:
        out = []
        if sku and sku in self._approved_sku:
            out.append(self._suggestion(self._approved_sku[sku], 1.0, "approved", sku))
        if query and self._approved_name:
            hits = process.extract(query, list(self._approved_name), scorer=fuzz.WRatio, limit=3,
                                   score_cutoff=_APPROVED_MIN)
            out += [self._suggestion(self._approved_name[n], score / 100, "approved", n) for n, score, _ in hits]
        return out

    def _from_products(self, query: str, sku: str | None) -> list[HsSuggestion]:
        out = []
        product = self._products.get(sku or "")
        if product and product.hs_code:
            out.append(self._suggestion(normalise_code(product.hs_code), 1.0, "product", product.name_zh))
        if query and self._product_names:
            hits = process.extract(query, [n for n, _ in self._product_names], scorer=fuzz.WRatio, limit=6,
                                   score_cutoff=_PRODUCT_MIN)
            hits.sort(key=lambda h: (-h[1], -fuzz.ratio(query, h[0])))
            for _, score, i in hits:
                hit = self._products[self._product_names[i][1]]
                out.append(self._suggestion(normalise_code(hit.hs_code or ""), score / 100, "product", hit.name_zh))
        return out

    def _from_tariff(self, query: str, elements: str, limit: int) -> list[HsSuggestion]:
        """Best of a character-level fuzzy score (short Chinese names) and the weighted word overlap."""
        if not query:
            return []
        scores: dict[str, float] = {}
        for i, value in self._terms.scores(f"{query} {elements}" if elements else query).items():
            code = self._tariff_codes[i]
            scores[code] = max(scores.get(code, 0.0), value)
        if _CJK.search(query):
            for _, score, i in process.extract(query, self._tariff_texts, scorer=fuzz.WRatio, limit=limit * 4,
                                               score_cutoff=_TARIFF_MIN):
                code = self._tariff_codes[i]
                scores[code] = max(scores.get(code, 0.0), score / 100 * 0.9)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        return [self._suggestion(code, score, "tariff", code) for code, score in ranked[:limit]]
