"""Two readings of a sealed scan, and the value that validates.

A page with a seal is OCR'd with the seal's ink taken out (``extractors.ocr.seals``); the bands holding a
seal are also read on the unmasked page. The document is read from both word lists, and field by field:

- the readings agree: the value stays, with the better confidence of the two (a cross-check that held in
  either reading confirms it);
- they differ: the value a cross-check confirmed (check digit, net + tax = total, 大写 = figure ...) wins;
  when neither or both are confirmed the seal-masked reading's value stays, capped at
  :data:`~extractors.documents.result.DOUBTFUL` and flagged for review, with a warning naming both;
- only one reading found the field: that value, confirmed or capped likewise;
- they differ only in spacing: the unmasked reading's spacing (the mask changes no character, but the
  grey it leaves between words can move OCR's spaces).

So a seal can neither replace a field with its own text nor drop a digit at high confidence.
"""

from __future__ import annotations

from extractors.documents.result import CONFIRMED, DOUBTFUL, DocumentResult
from extractors.words import Word
from hub.errors import InputError

#: Fields compared between the readings (the rest are bookkeeping or compared as a whole).
SKIP = {"kind", "file_sha256", "warnings", "lines"}


def read_best(words: list[Word], second: list[Word] | None, kind: str = "auto", *, source: str | None = None,
              ocr: bool = False, rules: dict[int, list[tuple[float, float, float]]] | None = None,
              insist: bool = False) -> DocumentResult:
    """Read ``words`` (the seal-masked reading) and, when given, ``second`` (the same pages with the seals'
    bands read unmasked), keeping per field the value that validates (see the module's doc)."""
    from extractors.documents import read_words

    if second is None or _same_words(words, second):
        return read_words(words, kind, source=source, ocr=ocr, rules=rules, insist=insist)
    try:
        first = read_words(words, kind, source=source, ocr=ocr, rules=rules, insist=insist)
    except InputError:
        other = read_words(second, kind, source=source, ocr=ocr, rules=rules, insist=insist)  # raises if neither reads
        for name, conf in other.confidence.items():
            if name != "kind" and conf < CONFIRMED:
                other.confidence[name] = min(conf, DOUBTFUL)
        other.warnings.append("read from the unmasked seal bands only (the seal-masked page did not read)")
        return other
    try:
        other = read_words(second, first.kind, source=source, ocr=ocr, rules=rules, insist=insist)
    except InputError:
        return first
    return merge(first, other)


def merge(first: DocumentResult, other: DocumentResult) -> DocumentResult:
    """``first`` with each field settled against ``other`` (see the module's doc); ``first`` is changed."""
    a, b = first.record.payload(), other.record.payload()
    update = {}
    for name in sorted(set(a) | set(b)):
        if name in SKIP:
            continue
        va, vb = a.get(name) if a.get(name) != "" else None, b.get(name) if b.get(name) != "" else None
        ca, cb = first.confidence.get(name, 0.0), other.confidence.get(name, 0.0)
        if va == vb:
            if va is not None and cb > ca:
                first.confidence[name] = cb
            continue
        if isinstance(va, str) and isinstance(vb, str) and _squash(va) == _squash(vb):
            update[name] = getattr(other.record, name)  # spacing only: the mask moved no character
            continue
        a_ok, b_ok = va is not None and ca >= CONFIRMED, vb is not None and cb >= CONFIRMED
        if vb is not None and (va is None or (b_ok and not a_ok)):
            update[name] = getattr(other.record, name)
            first.confidence[name] = cb if b_ok else min(cb, DOUBTFUL)
            if name in other.sources:
                first.sources[name] = other.sources[name]
            else:
                first.sources.pop(name, None)
            if not b_ok:
                first.warnings.append(f"{name}: found only where a seal lies ({vb!r}); please check")
            continue
        if vb is not None and not a_ok:
            first.confidence[name] = min(ca, DOUBTFUL)
            first.warnings.append(f"{name}: read {va!r} with the seal masked but {vb!r} under it; please check")
    if update:
        first.record = first.record.model_copy(update=update)
    return first


def _squash(text: str) -> str:
    return "".join(text.split())


def _same_words(a: list[Word], b: list[Word]) -> bool:
    key = lambda w: (w.page, round(w.y0), round(w.x0), w.text)  # noqa: E731
    return sorted(map(key, a)) == sorted(map(key, b))


__all__ = ["merge", "read_best"]
