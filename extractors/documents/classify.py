"""Which kind of document this is (invoice, receipt, packing list, delivery note), from the words on it.

Each kind's title words and their weights are in ``data/labels.toml`` (``[<kind>.title]``); the kind
with the highest score wins, provided it reaches :data:`MIN_SCORE`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from extractors.layout import Labels, default_labels
from extractors.words import Word

#: Below this score a document is not recognised.
MIN_SCORE = 3.0

#: Document kinds this module tells apart, with the names the CLI uses.
KINDS = {"invoice": "invoice", "receipt": "receipt", "packing_list": "packing-list", "delivery": "delivery"}


def _compact(words: Iterable[Word]) -> str:
    return "".join("".join(unicodedata.normalize("NFKC", w.text).lower().split()) for w in words)


def scores(words: Iterable[Word], labels: dict[str, Labels] | None = None) -> dict[str, float]:
    """Score of each document kind for these words (sum of the weights of the title words found)."""
    labels = labels or default_labels()
    text = _compact(words)
    out = {}
    for kind in KINDS:
        spec = labels.get(kind)
        if spec is None:
            continue
        out[kind] = sum(w for k, w in spec.title.items() if "".join(unicodedata.normalize("NFKC", k).lower().split())
                        in text)
    return out


def classify(words: Iterable[Word], labels: dict[str, Labels] | None = None) -> str | None:
    """``invoice``, ``receipt``, ``packing_list`` or ``delivery``, or None when no kind scores :data:`MIN_SCORE`."""
    found = scores(list(words), labels)
    if not found:
        return None
    kind, best = max(found.items(), key=lambda kv: kv[1])
    return kind if best >= MIN_SCORE else None
