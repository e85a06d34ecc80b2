"""A seventh held-out scan set (issue 14 §1-§4, scans; branch scans7): 9 documents written by hand that no scan set
used (``tests/extractors_documents/held_out_scans_7.py``), each scanned with its own paper accident: a phone photo
with perspective and a shadow (``degrade.photo``), a carbon copy in blue ink (uneven pressure, soft strokes, a tinted
sheet), a red 发票专用章 or company chop over the total and a blue 财务专用章 over a tax id or an account
(``test_seals._sealed_scan``), a stapled two-page invoice (staple, a dog-eared corner) scanned as one PDF of images.

    python bench/scans_held7.py build DIR                        # DIR/pages/*, DIR/truth.json, DIR/our_companies.toml
    python bench/scans_real.py run DIR --out A.jsonl [--tree T]  # orderhub extract --json (the real rapidocr engine)
    python bench/scans_fax.py score DIR A.jsonl [B.jsonl]        # fields right, wrong at >= 0.9, refused
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scans_fax import our_companies  # noqa: E402

CARBON_BLUE = np.array((38, 58, 150), np.float32)
TINTS = ((250, 242, 205), (250, 228, 232), (238, 244, 250))


def carbon(img, rng: np.random.Generator) -> tuple[bytes, str]:  # type: ignore[no-untyped-def]
    """A carbon copy: the strokes blue, soft (the carbon spreads) and of uneven pressure across the sheet, on a
    tinted copy sheet with carbon smudges, scanned (grain, a slight turn, JPEG)."""
    import cv2
    from PIL import Image

    ink = 1.0 - np.asarray(img.convert("L"), np.float32) / 255
    h, w = ink.shape
    field = cv2.resize(rng.uniform(0.4, 1.0, (6, 5)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    spread = float(rng.uniform(0.7, 1.1))
    ink = np.clip(cv2.GaussianBlur(ink, (0, 0), spread) * 1.15, 0, 1) * np.clip(field, 0.35, 1.0)
    smudge = cv2.GaussianBlur((rng.random((h, w)) < 0.0008).astype(np.float32), (0, 0), 2.5) * 6
    ink = np.clip(ink + np.clip(smudge, 0, 0.35), 0, 1)[..., None]
    paper = np.array(TINTS[int(rng.integers(len(TINTS)))], np.float32)
    arr = paper * (1 - ink) + CARBON_BLUE * ink + rng.normal(0, 5, (h, w, 1))
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).rotate(
        float(rng.uniform(-1.2, 1.2)), expand=True, fillcolor=tuple(int(c) for c in paper),
        resample=Image.Resampling.BICUBIC)
    buf = io.BytesIO()
    q = int(rng.integers(72, 86))
    out.save(buf, "JPEG", quality=q)
    return buf.getvalue(), f"carbon blur {spread:.2f}, q{q}"


def stapled(imgs: list, rng: np.random.Generator) -> tuple[bytes, str]:  # type: ignore[no-untyped-def]
    """Two pages stapled at the top-left corner and scanned as one PDF: the staple's bar and its shadow, the
    corner of each page dog-eared (folded over: the paper's back, a fold line and its shadow), each page a little
    turned and grainy."""
    from PIL import Image, ImageDraw

    from tests.extractors_documents.degrade import PAPER

    pages = []
    for img in imgs:
        page = img.convert("RGB")
        w, _ = page.size
        mm = w / 210
        fold = float(rng.uniform(14, 19)) * mm
        d = ImageDraw.Draw(page)
        d.polygon([(0, 0), (fold, 0), (0, fold)], fill=(205, 203, 198))
        d.line([(fold, 0), (0, fold)], fill=(120, 118, 112), width=max(2, round(0.5 * mm)))
        d.line([(fold + 0.8 * mm, 0), (0, fold + 0.8 * mm)], fill=(175, 173, 168), width=max(2, round(0.7 * mm)))
        x, y = 9 * mm, 9 * mm
        d.line([(x, y + 10 * mm), (x + 10 * mm, y)], fill=(70, 70, 75), width=max(3, round(0.8 * mm)))
        d.line([(x + 1 * mm, y + 10.8 * mm), (x + 10.8 * mm, y + 1 * mm)], fill=(160, 160, 160), width=max(2, round(0.4 * mm)))
        arr = np.asarray(page, np.float32) * np.asarray(PAPER, np.float32) / 255 + rng.normal(0, 5, (page.size[1], page.size[0], 1))
        turned = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).rotate(
            float(rng.uniform(-1.5, 1.5)), expand=True, fillcolor=PAPER, resample=Image.Resampling.BICUBIC)
        pages.append(turned)
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", save_all=True, append_images=pages[1:], resolution=200, quality=85)
    return buf.getvalue(), f"stapled, {len(pages)} pages in one PDF"


def build(folder: Path, seed: int = 77) -> None:
    from extractors.pdfwords import render_pages
    from tests.extractors_documents import held_out_scans_7 as h7
    from tests.extractors_documents.degrade import DPI, photo
    from tests.extractors_documents.handmade import draw_pdf
    from tests.extractors_documents.test_seals import _sealed_scan

    pages, pdfs = folder / "pages", folder / "pdf"
    pages.mkdir(parents=True, exist_ok=True)
    pdfs.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict] = {}
    for index, (name, (items, rules, font, more, lw, kind, accident, seal)) in enumerate(sorted(h7.DOCS.items())):
        rng = np.random.default_rng([seed, index])
        pdf = draw_pdf(pdfs / f"{name}.pdf", [i for i in items if i[2]], rules, font, line_width=lw, more_pages=more)
        imgs = render_pages(pdf, list(range(1, 2 + len(more))), dpi=DPI)
        want = h7.TRUTH[name]
        if accident == "photo":
            data, ext, note = photo(imgs[0], rng)
        elif accident == "carbon":
            (data, note), ext = carbon(imgs[0], rng), "jpg"
        elif accident == "stapled":
            (data, note), ext = stapled(imgs, rng), "pdf"
        else:
            needle, label = seal
            owner = str(want.get("seller_name") or want.get("payer_name"))
            out = _sealed_scan(pdf, pdfs / f"{name}.jpg", __import__("re").escape(needle),
                               str(rng.choice(["round", "oval"])), accident.split("_")[1], (owner, "", label),
                               dx=float(rng.uniform(-0.2, 0.2)), seed=int(rng.integers(1000)))
            data, ext, note = out.read_bytes(), "jpg", f"{accident} over {needle!r}"
        stem = f"{name}__{accident}"
        (pages / f"{stem}.{ext}").write_bytes(data)
        truth[stem] = {"doc": name, "family": accident, "kind": kind, "note": note, "files": [f"{stem}.{ext}"],
                       "pages": len(imgs) if accident == "stapled" else 1,
                       "fields": {f: [str(v)] for f, v in want.items()}}
    (folder / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    our_companies(folder / "our_companies.toml", (h7.OUR_CCB,))
    print(f"{len(truth)} scans in {pages}")


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=["build"])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--seed", type=int, default=77)
    args = ap.parse_args()
    build(args.folder, args.seed)


if __name__ == "__main__":
    main()
