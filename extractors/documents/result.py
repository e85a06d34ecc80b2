"""What a document extractor returns: the record, a confidence per field, and the warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hub.records import FieldSource, PageInfo, Record
from hub.records.files import field_sources

#: Confidence given to a value that a cross-check confirmed (check digit, totals, 大写 = figure).
CONFIRMED = 0.99
#: The most a value gets when a cross-check it takes part in failed.
DOUBTFUL = 0.6
#: The most a value read by OCR gets when nothing confirmed it: OCR scores are high even for a misread
#: character or a word put in the wrong column, so such values are left for a person to look at.
OCR_UNCONFIRMED = 0.85


@dataclass
class DocumentResult:
    """One document read: ``record`` (an Invoice, BankReceipt or PackingList), per-field confidences
    (0-1, keyed by the record's field names, e.g. ``total`` or ``lines[2].amount``), warnings, and
    whether the words came from OCR."""

    kind: str
    record: Record
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    ocr: bool = False
    #: where each field's value was read (page, box, text); fields not found have none
    sources: dict[str, FieldSource] = field(default_factory=dict)
    #: the pages as read (size and unit), for drawing the boxes on them
    pages: list[PageInfo] = field(default_factory=list)
    #: the further receipts of a page that prints several (each its own record, in the order printed)
    more: list[DocumentResult] = field(default_factory=list)

    def needs_review(self, threshold: float = 0.9) -> list[str]:
        """The fields whose confidence is below ``threshold`` (fields not found have confidence 0)."""
        return sorted(k for k, v in self.confidence.items() if v < threshold)

    def field_sources(self) -> dict[str, FieldSource]:
        """Every field with a confidence, with where it was read when known."""
        return field_sources(self.confidence, self.sources)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: kind, record payload, confidence, warnings."""
        return {"kind": self.kind, "record": self.record.payload(),
                "confidence": {k: round(v, 3) for k, v in sorted(self.confidence.items())},
                "warnings": list(self.warnings), "ocr": self.ocr}


class Fields:
    """Collects parsed values with their confidence while a document is read."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.confidence: dict[str, float] = {}
        self.warnings: list[str] = []
        self.confirmed: set[str] = set()
        self.doubted: set[str] = set()
        self.sources: dict[str, FieldSource] = {}
        #: party fields whose side the document's structure gives without a label of their own (the
        #: window address under a sender line is the recipient): as telling as a label for roles
        self.placed: set[str] = set()

    def set(self, name: str, value: Any, confidence: float, where: Any = None) -> None:
        """Keep ``value`` for ``name``; ``where`` (a layout ``Value``) tells where it was read."""
        self.values[name] = value
        self.confidence[name] = max(0.0, min(1.0, confidence))
        if where is not None and getattr(where, "x1", 0) > getattr(where, "x0", 0):
            self.sources[name] = FieldSource(confidence=self.confidence[name], page=where.page,
                                             box=(where.x0, where.y0, where.x1, where.y1), text=where.text)

    def locate(self, name: str, where: Any) -> None:
        """Record where ``name``'s value was read (a layout ``Value``, e.g. a table cell) without changing
        its value or confidence, so that a reviewer sees its box on the page."""
        if where is not None and getattr(where, "x1", 0) > getattr(where, "x0", 0):
            self.sources[name] = FieldSource(confidence=self.confidence.get(name, 0.0), page=where.page,
                                             box=(where.x0, where.y0, where.x1, where.y1), text=where.text)

    def derive(self, name: str, value: Any, confidence: float, parts: list[str]) -> None:
        """Keep a value printed nowhere, computed from the fields ``parts`` (e.g. the line cells it is the sum
        of), so that a reviewer is shown where it comes from."""
        self.set(name, value, confidence)
        self.sources[name] = FieldSource(confidence=self.confidence[name], computed_from=list(parts))

    def drop(self, name: str, reason: str | None = None) -> None:
        """Forget a value that turned out wrong: the field is not found (None, confidence 0)."""
        self.values.pop(name, None)
        self.sources.pop(name, None)
        self.confirmed.discard(name)
        self.confidence[name] = 0.0
        if reason:
            self.warnings.append(reason)

    def missing(self, *names: str) -> None:
        """Fields the document did not show: confidence 0, so that they are listed for review."""
        for n in names:
            if self.values.get(n) is None:
                self.values.pop(n, None)
                self.confidence[n] = 0.0

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def confirm(self, *names: str) -> None:
        """A cross-check these fields take part in held: raise their confidence."""
        for n in names:
            if n in self.confidence and n not in self.doubted:
                self.confidence[n] = max(self.confidence[n], CONFIRMED)
                self.confirmed.add(n)

    def doubt(self, message: str, *names: str) -> None:
        """A cross-check failed: warn and cap the confidence of the fields involved."""
        self.warnings.append(message)
        for n in names:
            self.doubted.add(n)
            self.confirmed.discard(n)
            if n in self.confidence:
                self.confidence[n] = min(self.confidence[n], DOUBTFUL)

    def final(self, ocr: bool, keep: Any = None) -> dict[str, float]:
        """The confidences to report: for OCR, values no cross-check confirmed are capped at
        :data:`OCR_UNCONFIRMED`. ``keep(name)`` filters the names reported."""
        out = {}
        for name, value in self.confidence.items():
            if keep is not None and not keep(name):
                continue
            if ocr and name not in self.confirmed and name != "kind":
                value = min(value, OCR_UNCONFIRMED)
            out[name] = value
        return out
