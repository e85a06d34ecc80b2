"""Reading a field where a reviewer's correction taught its issuer prints it.

A reviewer who corrects a field by clicking its box on the page teaches where this issuer prints it
(stored by :mod:`hub.layouts`): the label beside the value (:func:`label_near` finds it on the corrected
document) and the value's box as fractions of the page. On the issuer's next document a field that the
reader missed, or read with low confidence, is read there (:func:`apply_learned`):

- beside the learned label (right of it or below it, as learned), parsed as the field's values are and
  shape-checked against the learned sample: confidence ``label`` of ``data/learned_fields.toml``;
- else at the learned place on the page: a suggestion, reported below the review threshold.

Every value read so says how in a warning and in its :class:`hub.records.FieldSource` (``learned``).
A field read confidently by the reader itself is not replaced, unless the correction it was learned from
overruled such a confident reading (``overruled``): then the learned label decides (a confident reading beside
it replaces the reader's), and without it the reader's value goes to review. Another issuer's documents are not
affected (what is learned is keyed by the issuer).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from pydantic import ValidationError

from extractors.documents.common import first_token, parse_order_ref, text_value
from extractors.documents.result import DocumentResult
from extractors.layout import Labels, Layout, Value
from extractors.parse import parse_amount, parse_currency, parse_date, parse_document_number
from extractors.words import Word, group_lines, median_height, normalize_text
from hub.layouts import LearnedField, issuer_keys, learnable, learned_for
from hub.records import FieldSource, PageInfo
from hub.review import Correction
from hub.store import Store

_MAX_LABEL_WORDS = 6
_MAX_LABEL_CHARS = 60


@cache
def settings() -> dict[str, Any]:
    """``data/learned_fields.toml``: parsers by field, shape-checked fields, confidences."""
    text = resources.files("extractors").joinpath("data/learned_fields.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _token(text: str) -> str:
    token = text_value(text).split()[0]
    return token.strip(" :：;；,，")


_PARSERS: dict[str, Callable[[str], Any]] = {
    "document_number": first_token(parse_document_number), "order_ref": parse_order_ref,
    "currency": parse_currency, "token": _token, "amount": parse_amount, "date": parse_date, "text": text_value,
}


def _type_of(annotation: Any) -> str:
    """``amount``, ``date`` or ``text`` from a record field's annotation (``Amount | None`` ...)."""
    stack = [annotation]
    while stack:
        item = stack.pop()
        if item is Decimal:
            return "amount"
        if item is dt.date:
            return "date"
        stack.extend(typing.get_args(item))
    return "text"


def parser_for(record_cls: type, name: str) -> Callable[[str], Any]:
    """How a value of field ``name`` is parsed from the text found at its learned place."""
    named = settings().get("parsers", {}).get(name)
    if named:
        return _PARSERS[named]
    info = record_cls.model_fields.get(name)
    return _PARSERS[_type_of(info.annotation) if info is not None else "text"]


def shape(text: str) -> str:
    """Letters as ``A``, digits as ``9``, blanks dropped: ``NF-26-00417`` -> ``AA-99-99999``."""
    return re.sub(r"\d", "9", re.sub(r"[^\W\d_]", "A", "".join(str(text).split()).upper()))


# -- learning: the label beside a clicked box ----------------------------------------------------------
def label_near(words: Sequence[Word], page: int, box: tuple[float, float, float, float],
               value: str | None = None) -> tuple[str, str] | None:
    """The label a value clicked at ``box`` on ``page`` stood beside, and the side the value was on:
    ``(label, "right")`` for text left of it on its line (or before the value inside the clicked word, as
    OCR joins ``Ref: BH-0314``), ``(label, "below")`` for the line above it; None when there is none."""
    on_page = [w for w in words if w.page == page and w.text.strip()]
    if not on_page:
        return None
    x0, y0, x1, y1 = box
    inside = sorted((w for w in on_page if x0 - 0.5 <= w.cx <= x1 + 0.5 and y0 - 0.5 <= w.cy <= y1 + 0.5),
                    key=lambda w: w.x0)
    h = median_height(inside or on_page) or (y1 - y0) or 1.0
    if inside and value:
        text = normalize_text(" ".join(w.text for w in inside))
        at = text.casefold().find(normalize_text(value).casefold())
        if at < 0 and _alnum(value) not in _alnum(text):
            return None  # the reviewer typed something else than the text clicked: no label to learn from it
        if at > 0 and _label_like(text[:at]):
            return _clean_label(text[:at]), "right"
    taken = {id(w) for w in inside}
    for line in group_lines(on_page):
        if not (line.y0 < y1 and y0 < line.y1) or min(line.y1, y1) - max(line.y0, y0) < 0.4 * min(h, y1 - y0 or h):
            continue
        left = [w for w in line.words if id(w) not in taken and w.x1 <= x0 + 0.2 * h]
        while left and not any(ch.isalnum() for ch in left[-1].text):  # the ":" printed apart from its label
            left.pop()
        if not left or x0 - left[-1].x1 > 15 * h:
            continue
        picked = [left[-1]]
        for w in reversed(left[:-1]):
            if picked[0].x0 - w.x1 > 1.0 * h or len(picked) >= _MAX_LABEL_WORDS:
                break
            picked.insert(0, w)
        text = " ".join(w.text for w in picked)
        if _label_like(text):
            return _clean_label(text), "right"
    above = [w for w in on_page if id(w) not in taken and w.y1 <= y0 + 0.2 * h and y0 - w.y1 < 2.5 * h
             and w.x1 > x0 - h and w.x0 < x1]
    if above:
        lowest = max(w.y1 for w in above)
        row = sorted((w for w in above if lowest - w.y1 < 0.5 * h), key=lambda w: w.x0)
        text = " ".join(w.text for w in row[:_MAX_LABEL_WORDS])
        if _label_like(text):
            return _clean_label(text), "below"
    return None


def _alnum(text: str) -> str:
    """Letters and digits only, folded (``1,250.00`` and ``1250.00`` compare equal)."""
    return "".join(ch for ch in normalize_text(text).casefold() if ch.isalnum())


def _label_like(text: str) -> bool:
    """Short, with letters, and not mostly digits (``USD 18,240.00`` above a value is a value, not its label)."""
    text = text.strip()
    letters, digits = sum(ch.isalpha() for ch in text), sum(ch.isdigit() for ch in text)
    return 0 < len(text) <= _MAX_LABEL_CHARS and letters > 0 and digits <= letters


def _clean_label(text: str) -> str:
    return normalize_text(text).strip()


# -- reading: a learned field on the next document ------------------------------------------------------
@dataclass
class Reading:
    """A value read at a learned place: parsed value, where, how, and the confidence it is reported with."""

    value: Any
    found: Value
    how: str
    confidence: float


def _labels(name: str, label: str) -> Labels:
    variants = tuple(dict.fromkeys([label, label.rstrip(" :：.")]))
    return Labels(kind="learned", fields={name: variants}, scoped={}, sections={}, section_order={}, columns={},
                  row_key=(), table_end=(), title={})


def read_learned(words: Sequence[Word], pages: Sequence[PageInfo], entry: LearnedField,
                 parse: Callable[[str], Any]) -> Reading | None:
    """``entry``'s field read from ``words``: beside its learned label, else at its learned place."""
    conf = settings()["confidence"]
    checked = entry.field in settings().get("shape", {}).get("fields", [])

    def judged(value: Any, found: Value, how: str, best: float) -> Reading:
        c = best if found.confidence >= 0.9 else min(best, found.confidence)
        if checked and entry.sample and shape(value) != shape(entry.sample):
            c = min(c, float(conf["shape_differs"]))
        return Reading(value, found, how, c)

    if entry.label:
        layout = Layout(list(words), _labels(entry.field, entry.label))
        size = {p.number: (p.width, p.height) for p in pages}
        target = entry.box

        def distance(hit: Any) -> float:  # the hit nearest the learned place first
            w, h = size.get(hit.page, (0.0, 0.0))
            if target is None or not w or not h:
                return 0.0
            return abs(hit.x1 / w - target[0]) + abs(hit.y0 / h - target[1]) + (0 if hit.page == entry.page else 2)

        for hit in sorted(layout.hits_for(entry.field), key=distance):
            found = layout.value_below(hit) if entry.side == "below" else layout.value_right(hit)
            value = _parsed(parse, found)
            if value is not None and found is not None:
                return judged(value, found, f"label {entry.label!r}", float(conf["label"]))
    found = _at_place(words, pages, entry)
    value = _parsed(parse, found)
    if value is not None and found is not None:
        return judged(value, found, "place on the page", float(conf["position"]))
    return None


def _parsed(parse: Callable[[str], Any], found: Value | None) -> Any:
    if found is None or not found.text.strip():
        return None
    try:
        value = parse(found.text)
    except (ValueError, ArithmeticError):
        return None
    return None if value in (None, "") else value


def _at_place(words: Sequence[Word], pages: Sequence[PageInfo], entry: LearnedField) -> Value | None:
    """The words at the learned box (scaled to this document's page), joined left to right."""
    info = next((p for p in pages if p.number == entry.page), None)
    if entry.box is None or info is None or not info.width or not info.height:
        return None
    bx0, by0, bx1, by1 = (entry.box[0] * info.width, entry.box[1] * info.height, entry.box[2] * info.width,
                          entry.box[3] * info.height)
    on_page = [w for w in words if w.page == entry.page and w.text.strip()]
    h = median_height(on_page) or (by1 - by0) or 1.0
    picked = sorted((w for w in on_page if by0 - 0.3 * h <= w.cy <= by1 + 0.3 * h  # mostly inside, across
                     and min(w.x1, bx1 + 0.5 * h) - max(w.x0, bx0 - 0.5 * h) >= 0.5 * w.width),
                    key=lambda w: (round(w.y0 / h), w.x0))
    if not picked:
        return None
    return Value(" ".join(w.text for w in picked), min(w.confidence for w in picked), "learned", entry.page,
                 min(w.x0 for w in picked), min(w.y0 for w in picked), max(w.x1 for w in picked),
                 max(w.y1 for w in picked))


def apply_learned(result: DocumentResult, words: Sequence[Word], learned: dict[str, LearnedField],
                  threshold: float = 0.9) -> list[str]:
    """Read each learned field that ``result`` lacks or holds below ``threshold`` at its learned place, and
    put what reads (and validates) into the result; returns the fields read so. ``result`` is changed."""
    record = result.record
    cls = type(record)
    data = record.model_dump()
    taken: list[str] = []
    notes: list[str] = []

    def doubt(name: str, before: Any, entry: LearnedField) -> None:
        """The reader's confident value of a field a reviewer once overruled, unconfirmed: to review."""
        doubted = float(settings()["confidence"]["overruled_unconfirmed"])
        result.confidence[name] = min(result.confidence.get(name, 0.0), doubted)
        if name in result.sources:
            result.sources[name] = result.sources[name].model_copy(update={"confidence": result.confidence[name]})
        notes.append(f"{name}: read {before!s} as before, which a reviewer corrected on this issuer's document "
                     f"({entry.describe()}); its learned label is not found: please check")

    for name, entry in sorted(learned.items()):
        if name not in cls.model_fields or not learnable(record.KIND, name):
            continue
        before, conf = data.get(name), result.confidence.get(name, 0.0)
        confident = before not in (None, "") and conf >= threshold
        if confident and not entry.overruled:
            continue
        reading = read_learned(words, result.pages, entry, parser_for(cls, name))
        if confident:  # a reviewer overruled the reader's confident reading of this issuer's field before
            if reading is not None and str(reading.value) == str(before):
                continue
            if reading is None or not reading.how.startswith("label") or reading.confidence < threshold:
                doubt(name, before, entry)
                continue
        if reading is None:
            continue
        if before not in (None, "") and reading.confidence < threshold and str(before) != str(reading.value):
            continue  # a place alone does not overrule what the reader found
        trial = {**data, name: reading.value}
        try:
            cls.model_validate(trial)
        except ValidationError:
            if confident:
                doubt(name, before, entry)
            continue
        data = trial
        result.confidence[name] = max(reading.confidence, conf) if str(before) == str(reading.value) \
            else reading.confidence
        f = reading.found
        result.sources[name] = FieldSource(confidence=round(result.confidence[name], 3), page=f.page,
                                           box=(f.x0, f.y0, f.x1, f.y1) if f.x1 > f.x0 else None, text=f.text,
                                           learned=reading.how)
        review = "" if reading.confidence >= threshold else "; please check"
        instead = f", not {before!s} as the reader had it" if confident else ""
        notes.append(f"{name}: read {f.text.strip()!r} by its {reading.how}{instead} ({entry.describe()}){review}")
        taken.append(name)
    if notes:
        result.warnings.extend(notes)
        data["warnings"] = [*data.get("warnings", []), *notes]
        result.record = cls.model_validate(data)
    return taken


class StoreLayouts:
    """Applies what the store has learned about each document's issuer (see :func:`apply_learned`);
    called by :func:`extractors.documents.extract_documents` as ``layouts(result, words)``."""

    def __init__(self, store: Store, threshold: float = 0.9) -> None:
        self.store, self.threshold = store, threshold

    def __call__(self, result: DocumentResult, words: Sequence[Word]) -> list[str]:
        kind = result.record.KIND
        learned = learned_for(self.store, kind, issuer_keys(kind, result.record))
        return apply_learned(result, words, learned, self.threshold) if learned else []




def with_label(correction: Correction, words: Sequence[Word]) -> Correction:
    """``correction`` with the label its clicked box stood beside on ``words``' page (:func:`label_near`), so
    that confirming it teaches where the issuer prints the field; unchanged without a box or a label."""
    if correction.box is None or correction.page is None or correction.label:
        return correction
    found = label_near(words, correction.page, correction.box, correction.value)
    return correction if found is None else replace(correction, label=found[0], side=found[1])


__all__ = ["Reading", "StoreLayouts", "apply_learned", "label_near", "read_learned", "with_label"]
