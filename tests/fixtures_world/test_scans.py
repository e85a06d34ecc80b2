"""Scanned copies: deterministic, readable images with the degradations truth.json lists."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from fixtures.world import generate_world


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("scanned")
    return generate_world(seed=21, orders=8, scans=True, out=root / "a", workers=1), root


def test_scans_open_and_match_truth(scanned) -> None:
    world, _ = scanned
    scans = {p: d for p, d in world.truth["documents"].items() if d["scan"]}
    assert len(scans) >= 8
    kinds = {d["kind"] for d in scans.values()}
    assert {"invoice", "delivery"} <= kinds
    for path, doc in scans.items():
        assert "/scans/" in path and (world.root / doc["source_pdf"]).is_file()
        with Image.open(world.root / path) as img:
            img.load()
            dpi = int(next(d for d in doc["degradations"] if d.startswith("dpi:")).split(":")[1])
            assert round(img.info["dpi"][0]) == dpi
            assert img.format == ("PNG" if path.endswith(".png") else "JPEG")
            assert min(img.size) > dpi * 3  # at least 3 inches: a whole page, not a thumbnail
            if any(d.startswith("seal:") for d in doc["degradations"]) and img.mode == "RGB" and doc["kind"] != "receipt":
                a = np.asarray(img).astype(int)
                red = (a[..., 0] > 150) & (a[..., 1] < 110) & (a[..., 2] < 110)
                assert red.sum() > 300, f"{path}: no red seal to be seen"
        assert any(d.startswith("rotate:") and 0.5 <= abs(float(d.split(":")[1])) <= 3 for d in doc["degradations"])


def test_scans_are_deterministic_with_a_pool(scanned) -> None:
    world, root = scanned
    again = generate_world(seed=21, orders=8, scans=True, out=root / "b", workers=2)

    def digest(base: Path) -> dict[str, str]:
        return {str(p.relative_to(base)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(base.rglob("*")) if p.is_file()}

    assert digest(world.root) == digest(again.root)
