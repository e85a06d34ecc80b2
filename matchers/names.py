"""Company-name normalisation and payer-to-customer matching (Chinese, pinyin and English).

A name becomes a *key*: NFKC (full-width to half-width), lower case, punctuation and blanks removed,
legal suffixes (有限公司, Co., Ltd., GmbH ... from ``data/names.toml``) stripped, business words
(贸易 / maoyi / trading) made canonical, and Chinese characters also spelled in pinyin. Two names are
compared on their keys; a customer is found from a payer name through its legal name, English name
and aliases (learned ones included).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from hub.errors import InputError
from hub.records import Customer

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PUNCT = re.compile(r"[^\w\u3400-\u9fff]+", re.UNICODE)
_PARENS = re.compile(r"[()（）\[\]【】<>《》]")


@dataclass(frozen=True)
class NameRules:
    """Legal suffixes and business words, as data."""

    suffixes_zh: tuple[str, ...]
    suffixes_en: frozenset[str]
    descriptors: tuple[tuple[str, str], ...]  # (spelling, canonical), longest spelling first
    place_markers_zh: tuple[str, ...] = ()

    @property
    def by_first(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Descriptor spellings by their first character (longest first)."""
        cached = self.__dict__.get("_by_first")
        if cached is None:
            grouped: dict[str, list[tuple[str, str]]] = {}
            for spelling, canon in self.descriptors:
                grouped.setdefault(spelling[:1], []).append((spelling, canon))
            cached = {k: tuple(v) for k, v in grouped.items()}
            object.__setattr__(self, "_by_first", cached)
        return cached

    @classmethod
    def load(cls, path: str | Path | None = None) -> NameRules:
        """Read the rules from ``path`` or the packaged ``matchers/data/names.toml``."""
        try:
            if path is None:
                text = resources.files("matchers").joinpath("data/names.toml").read_text(encoding="utf-8")
            else:
                text = Path(path).read_text(encoding="utf-8")
            data = tomllib.loads(text)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise InputError(f"cannot read name rules: {exc}", source=str(path or "names.toml")) from None
        pairs = [(spelling.lower(), canon) for canon, spellings in data.get("descriptors", {}).items()
                 for spelling in [canon, *spellings]]
        pairs.sort(key=lambda p: -len(p[0]))
        return cls(
            suffixes_zh=tuple(sorted(data.get("legal_suffixes_zh", []), key=len, reverse=True)),
            suffixes_en=frozenset(s.lower() for s in data.get("legal_suffixes_en", [])),
            descriptors=tuple(pairs),
            place_markers_zh=tuple(data.get("place_markers_zh", [])),
        )


@lru_cache(maxsize=1)
def default_rules() -> NameRules:
    """The packaged rules (read once)."""
    return NameRules.load()


def _toneless(syllable: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", syllable) if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=100_000)
def _pinyin(text: str) -> tuple[str, ...]:
    """Pinyin without tones, phrase readings first (重庆 -> chong qing), from pypinyin's dictionaries.

    pypinyin's own converter costs about a millisecond a name; a greedy longest-phrase look-up in the same
    dictionaries gives the same readings for company names at a fraction of that.
    """
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    out: list[str] = []
    i = 0
    while i < len(text):
        for size in (4, 3, 2):
            word = text[i:i + size]
            if len(word) == size and word in PHRASES_DICT:
                out.extend(_toneless(p[0]) for p in PHRASES_DICT[word])
                i += size
                break
        else:
            reading = PINYIN_DICT.get(ord(text[i]))
            out.append(_toneless(reading.split(",")[0]) if reading else text[i])
            i += 1
    return tuple(out)


def _strip_zh(text: str, rules: NameRules) -> str:
    changed = True
    while changed and text:
        changed = False
        for suffix in rules.suffixes_zh:
            if text.endswith(suffix) and len(text) > len(suffix):
                text = text[: -len(suffix)]
                changed = True
                break
    # a name the bank cut short: drop a trailing piece of a suffix ("有限公" of "有限公司")
    for suffix in rules.suffixes_zh:
        for cut in range(len(suffix) - 1, 1, -1):
            if text.endswith(suffix[:cut]) and len(text) > cut + 1:
                return text[:-cut]
    return text


@lru_cache(maxsize=200_000)
def name_tokens(name: str, rules: NameRules | None = None) -> tuple[str, ...]:
    """The canonical words of a name: pinyin for Chinese, legal suffixes gone, business words canonical."""
    rules = rules or default_rules()
    text = unicodedata.normalize("NFKC", name).lower()
    text = _PARENS.sub(" ", text)
    han = "".join(_HAN.findall(text))
    if han and len(han) * 2 >= len(text.replace(" ", "")):
        text = _strip_zh(_PUNCT.sub("", text), rules)
        for marker in rules.place_markers_zh:
            text = text.replace(marker, "")
    words: list[str] = []
    for chunk in re.findall(r"[\u3400-\u9fff]+|[^\W_\u3400-\u9fff]+", text):
        if _HAN.match(chunk):
            rest, plain = chunk, ""
            while rest:
                for spelling, canon in rules.by_first.get(rest[0], ()):
                    if rest.startswith(spelling):
                        if plain:
                            words.extend(_pinyin(plain))
                            plain = ""
                        words.append(canon)
                        rest = rest[len(spelling):]
                        break
                else:
                    plain += rest[0]
                    rest = rest[1:]
            if plain:
                words.extend(_pinyin(plain))
        else:
            words.append(chunk)
    # pinyin names are often written as one word per syllable group: canonicalise descriptors in Latin
    canon = dict(rules.descriptors)
    words = [canon.get(w, w) for w in words]
    while len(words) > 1 and words[-1] in rules.suffixes_en:
        words.pop()
    return tuple(words)


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """One compact string for comparing names (``上海华源贸易有限公司`` -> ``shanghaihuayuantrading``)."""
    return "".join(name_tokens(name))


_REGION = re.compile(r"^(.+?)[（(]([^）)]{2,8})[）)](.*)$")


def name_variants(name: str) -> list[str]:
    """The name, and for ``德润五金（成都）有限公司`` also ``成都德润五金有限公司``: a place in brackets is
    often written first by payers (``CHENGDU DERUN WUJIN``)."""
    found = _REGION.match(unicodedata.normalize("NFKC", name))
    if not found:
        return [name]
    head, place, tail = found.groups()
    return [name, f"{place}{head}{tail}"]


def has_han(name: str) -> bool:
    """True when the name contains Chinese characters."""
    return bool(_HAN.search(name))


def name_similarity(a: str, b: str) -> float:
    """How alike two company names are, 0..1, after normalisation (order of words does not matter)."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    ratio = fuzz.ratio(ka, kb) / 100
    tokens = fuzz.token_sort_ratio(" ".join(name_tokens(a)), " ".join(name_tokens(b))) / 100
    # a name the bank cut short is a prefix of the full one
    prefix = 0.0
    short, long_ = sorted((ka, kb), key=len)
    if len(short) >= 6 and long_.startswith(short):
        prefix = 0.9
    return max(ratio, tokens, prefix)


@dataclass(frozen=True)
class NameHit:
    """A customer found for a payer name: how alike, and through which of its names."""

    customer_code: str
    score: float
    via: str  # "legal name", "English name", "alias"
    matched_name: str


@dataclass
class CustomerIndex:
    """Every name of every customer, by key, for exact and fuzzy look-ups."""

    customers: dict[str, Customer] = field(default_factory=dict)
    _by_key: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # key -> (code, via, name)
    _keys: list[str] = field(default_factory=list)
    _by_tax_id: dict[str, str] = field(default_factory=dict)
    _cache: dict[tuple[str, float, int], list[NameHit]] = field(default_factory=dict)

    @classmethod
    def build(cls, customers: Iterable[Customer]) -> CustomerIndex:
        """Index the customers' legal names, English names and aliases."""
        index = cls()
        for customer in customers:
            index.add(customer)
        return index

    def add(self, customer: Customer) -> None:
        """Add (or re-add, after an alias was learned) one customer."""
        self.customers[customer.code] = customer
        if customer.tax_id:
            self._by_tax_id[customer.tax_id.upper()] = customer.code
        names = [(customer.name, "legal name")]
        if customer.name_en:
            names.append((customer.name_en, "English name"))
        names += [(alias, "alias") for alias in customer.aliases]
        names = [(variant, via) for name, via in names for variant in name_variants(name)]
        for name, via in names:
            key = name_key(name)
            if not key:
                continue
            entries = self._by_key.setdefault(key, [])
            if not entries:
                self._keys.append(key)
            if (customer.code, via, name) not in entries:
                entries.append((customer.code, via, name))
        self._cache.clear()

    def sharing(self) -> list[list[str]]:
        """Codes of customers that share a name key (an alias or a group's name two of them go by)."""
        out = []
        for entries in self._by_key.values():
            codes = list(dict.fromkeys(code for code, _, _ in entries))
            if len(codes) > 1:
                out.append(codes)
        return out

    def by_tax_id(self, tax_id: str | None) -> str | None:
        """The customer code with this tax id, if any."""
        return self._by_tax_id.get(tax_id.upper()) if tax_id else None

    def lookup(self, name: str, *, min_score: float = 0.85, limit: int = 3) -> list[NameHit]:
        """Customers whose names match ``name``: exact key first, else the closest fuzzy keys."""
        if not name:
            return []
        cache_key = (name, min_score, limit)
        cached = self._cache.get(cache_key)
        if cached is not None:
            return cached
        key = name_key(name)
        hits: list[NameHit] = []
        if key in self._by_key:
            # several names of one customer may share a key: say the one spelled most like the payer's
            raw = unicodedata.normalize("NFKC", name).casefold()
            best: dict[str, NameHit] = {}
            for code, via, matched in sorted(self._by_key[key], key=lambda e: -fuzz.ratio(
                    raw, unicodedata.normalize("NFKC", e[2]).casefold())):
                best.setdefault(code, NameHit(code, 1.0, via, matched))
            hits = list(best.values())
        elif len(key) >= 4 and self._keys:
            found = process.extract(key, self._keys, scorer=fuzz.ratio, limit=limit * 2,
                                    score_cutoff=min_score * 100)
            seen: set[str] = set()
            for other, _score, _ in found:
                for code, via, matched in self._by_key[other]:
                    if code in seen:
                        continue
                    seen.add(code)
                    hits.append(NameHit(code, name_similarity(name, matched), via, matched))
            # a cut-short payer name: a prefix of a customer's key
            if not hits and len(key) >= 6:
                for other in self._keys:
                    if other.startswith(key):
                        for code, via, matched in self._by_key[other]:
                            hits.append(NameHit(code, 0.9, via, matched))
                        if len(hits) > limit:
                            break
            hits.sort(key=lambda h: -h.score)
            hits = [h for h in hits if h.score >= min_score][:limit]
        self._cache[cache_key] = hits
        return hits

    def score(self, name: str, customer_code: str | None) -> NameHit | None:
        """How well ``name`` fits one customer (best of its names), or None for an unknown customer."""
        customer = self.customers.get(customer_code or "")
        if customer is None or not name:
            return None
        for hit in self.lookup(name):
            if hit.customer_code == customer_code:
                return hit
        best: NameHit | None = None
        for candidate, via in [(v, via) for n, via in ([(customer.name, "legal name")]
                               + ([(customer.name_en, "English name")] if customer.name_en else [])
                               + [(a, "alias") for a in customer.aliases]) for v in name_variants(n)]:
            sim = name_similarity(name, candidate)
            if best is None or sim > best.score:
                best = NameHit(customer.code, sim, via, candidate)
        return best
