"""Scans of the real world's quality (issue 14 §1-§4): hand-written documents rendered, degraded as office
scans and phone photos are, and read through ``orderhub extract --json`` (the real rapidocr engine).

    python bench/scans_real.py build DIR            # the held-out pages: DIR/pages/*, DIR/truth.json
    python bench/scans_real.py run DIR --out A.jsonl [--python PY]   # orderhub extract --json over DIR/pages
    python bench/scans_real.py score DIR A.jsonl [B.jsonl]           # fields right per family (before -> after)

The documents are the hand-written held-out invoices and receipts of ``tests/extractors_documents``
(``draw_pdf``, never the generator). Each is rendered at 200 dpi as a clean scan and in four degradation
families of the twelve below (round robin), each with a random strength (seeded):
fax150/fax100 (binarised, JPEG), rotated (90/180/270 and 1-6 degrees of skew), photo (perspective, uneven
light and a shadow, the desk around the page), seal (a red stamp over the total or a name), crease (a fold
line), tiff (every page in one multi-page TIFF), pdfimg (a PDF of page images, one per page), exif (a JPEG
stored turned, with its EXIF orientation tag), grey (low contrast, grey paper), pen (a handwritten tick and a
signature over a field).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.extractors_documents.degrade import (  # noqa: E402
    DPI,
    _grain,
    _paper,
    _u8,
    clean,
    crease,
    exif,
    fax,
    grey,
    pen,
    photo,
    rotated,
    seal,
)

FAMILIES = ("fax150", "fax100", "rotated", "photo", "seal", "crease", "tiff", "pdfimg", "exif", "grey", "pen")
PER_DOC = 4


# -- the documents ------------------------------------------------------------------------------------------

def documents() -> dict[str, tuple[Path | None, tuple, dict, str]]:
    """name -> (None, (items, rules, font, more_pages, line_width), truth, kind): every hand-written held-out
    invoice and receipt with its printed truth."""
    from tests.extractors_documents import test_held_out_invoices_3 as inv3
    from tests.extractors_documents import test_held_out_receipts as rc1
    from tests.extractors_documents import test_held_out_receipts_third as rc3

    out: dict[str, tuple] = {}
    for name, spec in inv3.DOCS.items():
        items, rules, font, *more = spec
        truth = {k: (v.isoformat() if isinstance(v, date) else str(v)) for k, v in inv3.TRUTH[name].items()}
        also = {f: v for (n, f), v in inv3.ALSO.items() if n == name}
        out[f"i_{name}"] = (None, (items, rules, font, more[0] if more else (), None), truth, "invoice", also)
    for module, prefix in ((rc1, "r1"), (rc3, "r3")):
        for name, (spec, truth) in module.DOCS.items():
            items, rules, font = spec
            out[f"{prefix}_{name}"] = (None, (items, rules, font, (), 0.6), dict(truth), "receipt", {})
    for name in TABLES:
        out[f"t_{name}"] = (None, None, {}, "table", {})
    return out


#: hand-written item tables (tests/extractors_documents/line_tables*.py), scored on their lines
TABLES = ("in_cgst_sgst", "cn_wrap_grid", "cn_toll_grid", "en_sku_vat")
LINE_FIELDS = ("description", "spec", "quantity", "unit_price", "amount", "tax_rate", "tax")


def _table(name: str, pdf: Path) -> dict:
    """Draw the item table ``name`` into ``pdf``; its lines' printed values as ``lines[i].field`` truth."""
    from tests.extractors_documents import line_tables, line_tables_2

    make = line_tables.DOCUMENTS.get(name) or line_tables_2.DOCUMENTS[name]
    truth = {}
    for i, line in enumerate(make(pdf)):
        for f in LINE_FIELDS:
            if line.get(f) is not None:
                truth[f"lines[{i}].{f}"] = str(line[f])
        truth[f"lines[{i}].spec?"] = "none" if line.get("spec") is None else "printed"
    return truth


def our_companies(path: Path) -> Path:
    """One our-companies master for every set: the Suzhou company (every account the sets print), its German and
    Indian subsidiaries."""
    from hub.settings import OurCompany, write_our_companies
    from tests.extractors_documents import test_held_out_invoices_3 as inv3
    from tests.extractors_documents import test_held_out_receipts as rc1
    from tests.extractors_documents import test_held_out_receipts_third as rc3

    accounts = tuple(dict.fromkeys((*inv3.OUR_ACCOUNTS, *rc1.OUR_ACCOUNTS, *rc3.OUR_ACCOUNTS)))
    return write_our_companies([
        OurCompany(name=inv3.OURS, name_en=inv3.OURS_EN, tax_ids=(inv3.OUR_TAX_ID,), accounts=accounts),
        OurCompany(name=inv3.OURS_DE, tax_ids=(inv3.OURS_DE_VAT,)),
        OurCompany(name=inv3.OURS_IN, tax_ids=(inv3.OURS_IN_GSTIN,))], path)


# -- degradations: tests/extractors_documents/degrade.py

# -- build -------------------------------------------------------------------------------------------------

def build(folder: Path, seed: int = 14) -> None:
    from extractors.pdfwords import render_pages
    from tests.extractors_documents.handmade import draw_pdf

    pages_dir = folder / "pages"
    pdf_dir = folder / "pdf"
    pages_dir.mkdir(parents=True, exist_ok=True)
    pdf_dir.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict] = {}
    docs = documents()
    for index, (name, (_, spec, want, kind, also)) in enumerate(sorted(docs.items())):
        items, rules, font, more, lw = spec or ([], [], "", (), None)
        if kind == "table":
            import pdfplumber

            pdf = pdf_dir / f"{name}.pdf"
            want = _table(name[2:], pdf)
            items, also = [], {}
            with pdfplumber.open(pdf) as doc:
                n_pages = len(doc.pages)
        else:
            pdf = draw_pdf(pdf_dir / f"{name}.pdf", items, rules, font, line_width=lw, more_pages=more)
            n_pages = 1 + len(more)
        imgs = render_pages(pdf, list(range(1, 1 + n_pages)), dpi=DPI)
        families = [FAMILIES[(index * PER_DOC + k) % len(FAMILIES)] for k in range(PER_DOC)]
        if kind == "table":  # no printed total to stamp over: the other families
            families = [f if f not in ("seal", "pen") else "fax150" if f == "seal" else "photo" for f in families]
            families = list(dict.fromkeys(families))
        if len(imgs) > 1:  # a document of several pages: always also as a multi-page TIFF and a PDF of images
            families = list(dict.fromkeys(["tiff", "pdfimg", *families]))
        for family in ["clean", *families]:
            stem = f"{name}__{family}"
            sub = np.random.default_rng([seed, index, FAMILIES.index(family) if family in FAMILIES else 99])
            note = ""
            files: list[Path] = []
            if family in ("tiff", "pdfimg"):
                scans = [_u8(_grain(_paper(im), sub, 5)).convert("L") for im in imgs]
                if family == "tiff":
                    path = pages_dir / f"{stem}.tif"
                    scans[0].save(path, save_all=True, append_images=scans[1:], compression="tiff_lzw", dpi=(DPI, DPI))
                    note = f"{len(scans)} pages, LZW grey"
                else:
                    path = pages_dir / f"{stem}.pdf"
                    scans[0].convert("RGB").save(path, save_all=True, append_images=[s.convert("RGB") for s in scans[1:]],
                                                 resolution=DPI)
                    note = f"{len(scans)} page images"
                files.append(path)
            else:
                for number, im in enumerate(imgs, start=1):
                    if family == "clean" or (number > 1 and family in ("seal", "pen")):  # stamped on page 1
                        data, ext = clean(im, sub), "jpg"
                    elif family == "fax150":
                        data, ext, note = fax(im, sub, 150)
                    elif family == "fax100":
                        data, ext, note = fax(im, sub, 100)
                    elif family == "rotated":
                        data, ext, note = rotated(im, sub)
                    elif family == "photo":
                        data, ext, note = photo(im, sub)
                    elif family == "seal":
                        data, ext, note = seal(pdf, items, want, kind, sub, folder)
                    elif family == "crease":
                        data, ext, note = crease(im, sub)
                    elif family == "grey":
                        data, ext, note = grey(im, sub)
                    elif family == "pen":
                        data, ext, note = pen(pdf, im, items, want, kind, sub)
                    elif family == "exif":
                        data, ext, note = exif(im, sub)
                    else:
                        raise ValueError(family)
                    suffix = f"_p{number}" if len(imgs) > 1 else ""
                    path = pages_dir / f"{stem}{suffix}.{ext}"
                    path.write_bytes(data)
                    files.append(path)
            truth[stem] = {"doc": name, "family": family, "kind": kind, "fields": want, "also": also, "note": note,
                           "files": [p.name for p in files], "pages": len(imgs)}
    (folder / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    our_companies(folder / "our_companies.toml")
    print(f"{len(docs)} documents, {len(truth)} scans, {sum(len(t['files']) for t in truth.values())} files in {pages_dir}")


# -- run and score ---------------------------------------------------------------------------------------------

def run(folder: Path, out: Path, tree: Path, workers: int) -> None:
    """``orderhub extract --json`` of the source tree ``tree`` (this venv's Python) over every page."""
    folder, out = folder.resolve(), out.resolve()
    env = dict(os.environ, ORDERHUB_OUR_COMPANIES=str(folder / "our_companies.toml"),
               ORDERHUB_HOME=str(folder / f"home-{out.stem}"), PYTHONPATH=str(tree))
    cmd = [sys.executable, "-c", "import sys; from hub.cli import main; sys.argv[0] = 'orderhub'; main()",
           "extract", str(folder / "pages"), "--json", "--workers", str(workers)]
    t0 = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        proc = subprocess.run(cmd, stdout=fh, stderr=subprocess.PIPE, env=env, text=True, cwd=tree)
    took = time.perf_counter() - t0
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    pages = sum(t["pages"] for t in truth.values())
    print(f"rc {proc.returncode}, {pages} pages in {took:.0f} s: {pages / took:.3f} pages/s (whole extract, {workers} workers)")
    if proc.returncode not in (0, 1, 3):
        print(proc.stderr[-3000:])


def _squash(value: object) -> str:
    return "".join(str(value).replace("-", "").replace(".", "").split()).casefold() if value is not None else ""


def right(field: str, got: object, want: str, kind: str, also: str | None) -> bool:
    if got is None:
        return False
    if field in ("total", "net", "tax", "amount") or field.rsplit(".", 1)[-1] in ("quantity", "unit_price", "amount",
                                                                                    "tax_rate", "tax"):
        try:
            return Decimal(str(got)) == Decimal(want)
        except InvalidOperation:
            return False
    if kind == "receipt" and field == "memo":
        return _squash(want) in _squash(got)
    if kind == "receipt" and field == "bank":
        return _squash(want) in _squash(got) or _squash(got) in _squash(want)
    if field.endswith("tax_id") or field.endswith("account") or field in ("transaction_id", "number", "code"):
        return _squash(got) == _squash(want)
    if kind == "receipt":
        return _squash(got) == _squash(want)
    if kind == "table":
        return unicodedata.normalize("NFKC", str(got)).casefold() == unicodedata.normalize("NFKC", want).casefold()
    ok = str(got).casefold() == want.casefold()
    return ok or (also is not None and str(got).casefold() == also.casefold())


def _value(record: dict, field: str, truth: dict) -> object:
    """A record's field; ``lines[i].f`` of its item lines (a description with the spec split off where the
    table prints none counts whole)."""
    m = re.fullmatch(r"lines\[(\d+)\]\.(\w+)", field)
    if not m:
        return record.get(field)
    i, f = int(m.group(1)), m.group(2)
    lines = record.get("lines") or []
    if i >= len(lines):
        return None
    line = lines[i]
    if f == "description" and truth.get(f"lines[{i}].spec?") == "none" and line.get("spec"):
        return f"{line.get('description')} {line.get('spec')}"
    return line.get(f)


def _load(path: Path, folder: Path) -> dict[str, dict]:
    """The extract output by scan stem (a multi-file scan: its first page's object)."""
    out: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip().startswith("{"):
            continue
        obj = json.loads(line)
        name = Path(obj["source"]).name
        stem = name.rsplit(".", 1)[0]
        stem = stem.rsplit("_p", 1)[0] if stem.endswith(("_p1", "_p2")) else stem
        if obj.get("part_of"):
            continue
        out[stem] = obj
    return out


def tally(truth: dict[str, dict], got: dict[str, dict], groups_of: Callable[[dict], list[str]]
          ) -> tuple[dict[str, list[int]], list[str]]:
    """One run's score per group (``groups_of(truth of a document)``): right, fields, wrong at >= 0.9, refused;
    and its misses. A truth field holds what was printed, or a list of the forms that read the same; a field
    ending in ``?`` is a note, not scored; a refused document counts all its fields."""
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    misses: list[str] = []
    for stem, t in sorted(truth.items()):
        obj = got.get(stem) or {}
        groups = groups_of(t)
        record, conf = obj.get("record") or {}, obj.get("confidence") or {}
        if obj.get("error") or not record:
            for g in groups:
                per[g][1] += len(t["fields"])
                per[g][3] += 1
            misses.append(f"{stem}: REFUSED {obj.get('error')!r}")
            continue
        for field, want in t["fields"].items():
            if field.endswith("?"):
                continue
            options = want if isinstance(want, list) else [want]
            value = _value(record, field, t["fields"])
            ok = any(right(field, value, w, t["kind"], (t.get("also") or {}).get(field)) for w in options)
            c = conf.get(field, 0.0)
            for g in groups:
                per[g][1] += 1
                per[g][0] += ok
                per[g][2] += (not ok) and value is not None and c >= 0.9
            if not ok:
                misses.append(f"{stem}: {field} = {value!r} (printed {options[0]!r}) conf {c}")
    return per, misses


def print_table(first: str, tables: list[tuple[Path, dict[str, list[int]], list[str]]], groups: list[str]) -> None:
    """The score table (Markdown): a row per group, a column per run (``tables``: run, tally, misses)."""
    print((f"| {first} | " if first else "| | ") + " | ".join(p.stem for p, _, _ in tables) + " |")
    print("|---|" + "---|" * len(tables))
    for g in groups:
        cells = [f"{r}/{n} ({w} wrong >= 0.9, {q} refused)" for r, n, w, q in (per.get(g, [0, 0, 0, 0])
                                                                               for _, per, _ in tables)]
        print(f"| {g} | " + " | ".join(cells) + " |")


def print_misses(tables: list[tuple[Path, dict[str, list[int]], list[str]]]) -> None:
    for path, _, misses in tables:
        print(f"\n### misses of {path.stem} ({len(misses)})")
        for line in misses:
            print("-", line)


def score(folder: Path, runs: list[Path]) -> None:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    tables = [(path, *tally(truth, _load(path, folder), lambda t: [t["family"]])) for path in runs]
    fams = ["clean", *FAMILIES]
    print_table("family", tables, fams)
    totals = [[sum(per.get(fam, [0, 0, 0, 0])[k] for fam in fams) for k in range(4)] for _, per, _ in tables]
    print("| **all** | " + " | ".join(f"**{r}/{n} ({100 * r / max(n, 1):.1f}%), {w} wrong >= 0.9, {q} refused**"
                                      for r, n, w, q in totals) + " |")
    print_misses(tables)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("folder", type=Path)
    b.add_argument("--seed", type=int, default=14)
    r = sub.add_parser("run")
    r.add_argument("folder", type=Path)
    r.add_argument("--out", type=Path, required=True)
    r.add_argument("--tree", type=Path, default=ROOT, help="the source tree to measure (default: this one)")
    r.add_argument("--workers", type=int, default=2)
    s = sub.add_parser("score")
    s.add_argument("folder", type=Path)
    s.add_argument("runs", type=Path, nargs="+")
    args = ap.parse_args()
    if args.cmd == "build":
        build(args.folder, args.seed)
    elif args.cmd == "run":
        run(args.folder, args.out, args.tree.resolve(), args.workers)
    else:
        score(args.folder, args.runs)


if __name__ == "__main__":
    main()
