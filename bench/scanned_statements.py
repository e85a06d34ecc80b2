"""Scanned bank statements (issue 14 §1, §5; branch scanstatements): the held-out set of
``tests/extractors_structured/scanned_statements.py`` printed and scanned, read by the pipeline (``kind auto``,
real OCR), every row field (date, signed amount, currency, counterparty or description, balance) scored against
the truth with the confidence it came with.

    .venv/bin/python bench/scanned_statements.py [names...]
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))

FIELDS = ("booking_date", "amount", "currency", "text", "balance")


def _family(name: str) -> str:
    return "en_hk" if name.startswith("hsbc") else "de" if name.startswith("konto") else "cn"


def main(names: list[str]) -> None:
    from extractors.pipeline import Options, extract_paths
    from hub.settings import load_settings
    from tests.extractors_structured.scanned_statements import SCANNED, scan

    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    rows_right: Counter[str] = Counter()
    rows: Counter[str] = Counter()
    wrong_high = 0
    refused = 0
    wrong_sign = 0
    pages = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for name in names or list(SCANNED):
            truth = SCANNED[name][3]
            path = scan(name, Path(tmp))
            pages += len(SCANNED[name][0])
            [done] = extract_paths([path], load_settings(Path(tmp) / "home"), Options(workers=1, quarantine=False))
            family = _family(name)
            got = list(done.records) if done.ok and done.kind == "statement" else []
            if not got:
                refused += 1
            print(f"{name}: kind={done.kind} ok={done.ok} lines={len(got)}/{len(truth['lines'])} "
                  f"error={done.error} row_warnings={len(done.row_warnings or [])}")
            party = any(ch > "\u2e80" for line in truth["lines"] for ch in line[3])
            for i, want in enumerate(truth["lines"]):
                ln = got[i] if i < len(got) else None
                values = (None, None, None, None, None) if ln is None else (
                    str(ln.booking_date), str(ln.amount), ln.currency,
                    (ln.counterparty_name if party else ln.description or ln.reference) or "",
                    None if ln.balance is None else str(ln.balance))
                ok_row = True
                rows[family] += 1
                for field, value, expected in zip(FIELDS, values, want, strict=True):
                    total[field] += 1
                    key = ("counterparty_name" if party else "description") if field == "text" else field
                    conf = float((done.confidence or {}).get(key, 0.0)) if ln is not None else 0.0
                    if value == expected:
                        right[field] += 1
                    else:
                        ok_row = False
                        wrong_high += conf >= 0.9 and value is not None
                        if field == "amount" and value is not None and (value.startswith("-") != expected.startswith("-")):
                            wrong_sign += 1
                        print(f"    row {i + 1} {field}: got {value!r} want {expected!r} conf {conf:.2f}")
                rows_right[family] += ok_row
    elapsed = time.perf_counter() - started
    print("fields:", ", ".join(f"{f} {right[f]}/{total[f]}" for f in FIELDS),
          f"| all {sum(right.values())}/{sum(total.values())}")
    print("rows right:", ", ".join(f"{f} {rows_right[f]}/{rows[f]}" for f in sorted(rows)))
    print(f"refused {refused}, wrong signs {wrong_sign}, wrong at >= 0.9: {wrong_high}")
    print(f"{pages} pages in {elapsed:.1f} s: {pages / elapsed:.2f} pages/s (each page OCR'd as read)")


if __name__ == "__main__":
    main(sys.argv[1:])
