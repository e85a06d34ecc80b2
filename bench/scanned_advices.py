"""Scanned remittance advices (issue 14 §2, scans; branch scans6): the hand-written advices of
``tests/extractors_structured/scanned_advices.py`` printed and scanned (JPEG, grey TIFF, PNG, a dithered fax, an
image-only PDF), read by the pipeline (``kind auto``, real OCR); every printed field and line value scored against
the truth with the confidence it came with.

    .venv/bin/python bench/scanned_advices.py [scan names...]
    PYTHONPATH=/tmp/base_tree .venv/bin/python bench/scanned_advices.py     # another tree (before)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))


def main(names: list[str]) -> None:
    from extractors.pipeline import Options, extract_paths
    from hub.settings import load_settings
    from tests.extractors_structured.scanned_advices import SCANS, scan, score

    right = total = wrong_high = refused = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for name in names or list(SCANS):
            doc = SCANS[name][0]
            path = scan(name, Path(tmp))
            [done] = extract_paths([path], load_settings(Path(tmp) / "home"), Options(workers=1, quarantine=False))
            record = done.records[0] if done.ok and done.kind == "remittance" and done.records else None
            refused += record is None
            conf = dict(done.confidence or {})
            r, n, misses = score(doc, record, conf)
            right, total = right + r, total + n
            for m in misses:
                field = m.split(" ", 1)[0]
                wrong_high += "refused" not in m and "= None" not in m and conf.get(field, 0.0) >= 0.9
            print(f"{name}: kind={done.kind} ok={done.ok} {r}/{n} error={done.error}")
            for m in misses:
                print("   ", m)
    elapsed = time.perf_counter() - started
    print(f"fields {right}/{total}, refused {refused}, wrong at >= 0.9: {wrong_high} ({elapsed:.0f} s)")


if __name__ == "__main__":
    main(sys.argv[1:])
