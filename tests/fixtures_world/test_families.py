"""Layout families: the registry, a family set with its truth, and the per-family bench on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fixtures.generator.families import Rendered, families, family
from fixtures.generator.family_set import generate_family_set


def test_every_family_renders_and_its_expected_payload_is_a_record(tmp_path: Path) -> None:
    from hub.records import RECORD_TYPES

    truth = generate_family_set(tmp_path, per_family=1, orders=30)
    written = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    assert written["kind"] == "family_set" and written["documents"] == truth["documents"]
    by_family = {}
    for rel, doc in truth["documents"].items():
        assert (tmp_path / rel).is_file()
        by_family.setdefault(doc["layout"], []).append(doc)
        if doc["record_kind"] in RECORD_TYPES:  # the expected values validate as the record they stand for
            RECORD_TYPES[doc["record_kind"]].model_validate(doc["fields"])
    assert {"vat_e", "vat_old", "commercial_a", "icbc"} <= set(by_family)
    for name, about in truth["families"].items():
        assert about["description"], name


def test_names_are_unique_per_kind() -> None:
    name = next(iter(families("invoice")))
    with pytest.raises(ValueError, match="registered twice"):
        family("invoice", name, "again")(lambda r, c, g: Rendered(b"", {}))
