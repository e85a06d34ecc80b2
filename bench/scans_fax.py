"""Faxed pages (issue 14 §1-§4, scans): a held-out set of hand-written invoices and receipts sent through a fax
machine (``degrade.fax_machine``: the sender's header line on top, a slight skew, 100-200 dpi, dithered to one
bit, stored as JPEG or as a Group 4 TIFF), read through ``orderhub extract --json`` (the real rapidocr engine).

    python bench/scans_fax.py build DIR          # DIR/pages/*, DIR/truth.json, DIR/our_companies.toml
    python bench/scans_real.py run DIR --out A.jsonl [--tree TREE]     # the same runner as the scans set
    python bench/scans_fax.py score DIR A.jsonl [B.jsonl]              # fields right per resolution

The documents are hand-written held-out documents that ``bench/scans_real.py`` does not use: invoices of
``held_out_4`` and ``held_out_5`` and the receipts of ``test_held_out_receipts_fourth`` (``draw_pdf``, never the
generator); every printed header field is scored (a field printed in several forms is right in any of them).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scans_real import _load, print_misses, print_table, tally  # noqa: E402

INVOICES_4 = ("ca_gst_qst", "pl_faktura", "fr_net_a_payer", "us_balance_due", "jp_qualified", "de_uebertrag")
INVOICES_5 = ("pt_fatura", "cn_sdp_stacked", "za_tax_invoice", "my_sst", "cn_daxie_only")
#: each document is faxed twice: once at 100 dpi, once at the next of these (resolution, mode)
SECOND = ((200, "fine"), (150, "fine"), (200, "standard"))
SENDERS = ("+49 421 3344 5566", "+86 512 6688 1234", "+1 603 555 0142", "+852 2123 4567")


def _texts(value: object) -> list[str]:
    values = value if isinstance(value, tuple) else (value,)
    return [v.isoformat() if isinstance(v, date) else str(v) for v in values]


def documents() -> dict[str, tuple[list, list, str, tuple, float | None, dict[str, list[str]], str]]:
    """name -> (items, rules, font, more pages, line width, truth (every printed form), kind)."""
    from tests.extractors_documents import held_out_4 as h4
    from tests.extractors_documents import held_out_5 as h5
    from tests.extractors_documents import test_held_out_receipts_fourth as rc4

    out: dict[str, tuple] = {}
    for module, names in ((h4, INVOICES_4), (h5, INVOICES_5)):
        for name in names:
            items, rules, font, *more = module.DOCS[name]
            truth = {f: _texts(v) for f, v in module.TRUTH[name].items() if v is not None and f != "document_type"}
            out[f"i_{name}"] = (items, rules, font, more[0] if more else (), None, truth, "invoice")
    for name, ((items, rules, font), truth) in rc4.DOCS.items():
        out[f"r_{name}"] = ([i for i in items if i[2]], rules, font, (), 0.6, {f: [v] for f, v in truth.items()}, "receipt")
    return out


def build(folder: Path, seed: int = 66) -> None:
    from PIL import Image

    from extractors.pdfwords import render_pages
    from tests.extractors_documents.degrade import DPI, fax_machine
    from tests.extractors_documents.handmade import draw_pdf

    pages, pdfs = folder / "pages", folder / "pdf"
    pages.mkdir(parents=True, exist_ok=True)
    pdfs.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict] = {}
    for index, (name, (items, rules, font, more, lw, want, kind)) in enumerate(sorted(documents().items())):
        pdf = draw_pdf(pdfs / f"{name}.pdf", items, rules, font, line_width=lw, more_pages=more)
        imgs = render_pages(pdf, list(range(1, 2 + len(more))), dpi=DPI)
        for dpi, mode in ((100, "fine"), SECOND[index % len(SECOND)]):
            rng = np.random.default_rng([seed, index, dpi, mode == "standard"])
            faxed, note = fax_machine(imgs, rng, dpi, mode, sender=SENDERS[index % len(SENDERS)])
            stem = f"{name}__fax{dpi}{'s' if mode == 'standard' else ''}"
            if len(faxed) > 1 or rng.random() < 0.4:  # a Group 4 TIFF (every page in one file)
                path = pages / f"{stem}.tif"
                faxed[0].save(path, save_all=True, append_images=faxed[1:], compression="group4", dpi=(dpi, dpi))
                note += ", TIFF G4"
            else:
                path = pages / f"{stem}.jpg"
                q = int(rng.integers(45, 80))
                faxed[0].convert("L").save(path, "JPEG", quality=q, dpi=(dpi, dpi))
                note += f", JPEG q{q}"
            assert Image.open(path).size[0] > 0
            truth[stem] = {"doc": name, "family": stem.rsplit("__", 1)[1], "kind": kind, "fields": want, "note": note,
                           "files": [path.name], "pages": len(faxed)}
    (folder / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    our_companies(folder / "our_companies.toml")
    print(f"{len(truth)} faxes, {sum(t['pages'] for t in truth.values())} pages in {pages}")


def our_companies(path: Path, more_accounts: tuple[str, ...] = ()) -> Path:
    """Our entities as held_out_4 has them, with every account the fourth receipts print (and ``more_accounts``)."""
    from hub.settings import OurCompany, write_our_companies
    from tests.extractors_documents import held_out_4 as h4
    from tests.extractors_documents import test_held_out_receipts_fourth as rc4
    from tests.extractors_documents.handmade import (
        OUR_ACCOUNTS,
        OUR_TAX_ID,
        OURS,
        OURS_DE,
        OURS_DE_VAT,
        OURS_EN,
        OURS_IN,
        OURS_IN_GSTIN,
    )

    accounts = tuple(dict.fromkeys((*OUR_ACCOUNTS, *rc4.OUR_ACCOUNTS, *more_accounts)))
    return write_our_companies([
        OurCompany(name=OURS, name_en=OURS_EN, tax_ids=(OUR_TAX_ID,), accounts=accounts),
        OurCompany(name=OURS_DE, tax_ids=(OURS_DE_VAT,)),
        OurCompany(name=OURS_IN, tax_ids=(OURS_IN_GSTIN,)),
        OurCompany(name=h4.OURS_TW, tax_ids=(h4.OURS_TW_UBN,)),
        OurCompany(name=h4.OURS_KR, tax_ids=(h4.OURS_KR_BRN.replace("-", ""),))], path)


def score(folder: Path, runs: list[Path]) -> None:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    tables = [(path, *tally(truth, _load(path, folder), lambda t: [t["family"], t["kind"], "all"])) for path in runs]
    print_table("", tables, sorted({g for _, per, _ in tables for g in per if g != "all"}) + ["all"])
    print_misses(tables)


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("folder", type=Path)
    b.add_argument("--seed", type=int, default=66)
    s = sub.add_parser("score")
    s.add_argument("folder", type=Path)
    s.add_argument("runs", type=Path, nargs="+")
    args = ap.parse_args()
    if args.cmd == "build":
        build(args.folder, args.seed)
    else:
        score(args.folder, args.runs)


if __name__ == "__main__":
    main()
