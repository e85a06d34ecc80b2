"""An eighth held-out scan set (issue 14 §1-§4, scans; branch scans8): 8 documents written by hand that no scan set
used (``tests/extractors_documents/held_out_scans_8.py``), each scanned with its own accident: a thermal till receipt
(cut to its 80 mm, the print faded unevenly, warm paper), a grey scan, a page scanned 3-5 degrees skewed with the
scanner lid open (a dark border on two sides), a photo under a desk lamp with a moire (a halftone beat across the
page), a pencil note in the margin, a two-column invoice scanned as an office scanner does, a JPEG at quality 30.

    python bench/scans_held8.py build DIR                        # DIR/pages/*, DIR/truth.json, DIR/our_companies.toml
    python bench/scans_real.py run DIR --out A.jsonl [--tree T]  # orderhub extract --json (the real rapidocr engine)
    python bench/scans_fax.py score DIR A.jsonl [B.jsonl]        # fields right, wrong at >= 0.9, refused
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scans_fax import our_companies  # noqa: E402
from tests.extractors_documents.degrade import DPI, PAPER, _grain, _jpeg, _paper, _u8, grey  # noqa: E402

MM = DPI / 25.4


def thermal(img, rng: np.random.Generator) -> tuple[bytes, str]:  # type: ignore[no-untyped-def]
    """A till receipt on thermal paper: the 80 mm strip of the page, the print faded (more towards one end, as heat
    and light fade it), a warm off-white paper with a curl's shading, scanned (grain, a soft focus, JPEG)."""
    from PIL import Image, ImageFilter

    strip = img.convert("L").crop((0, 0, round(80 * MM), round(96 * MM)))
    ink = 1.0 - np.asarray(strip, np.float32) / 255
    h, w = ink.shape
    start, end = float(rng.uniform(0.55, 0.75)), float(rng.uniform(0.30, 0.45))
    fade = np.linspace(start, end, h, dtype=np.float32)[:, None] * rng.uniform(0.85, 1.0, (1, w)).astype(np.float32)
    paper = np.array((246, 243, 232), np.float32)
    curl = 1.0 - 0.06 * np.sin(np.linspace(0, math.pi, w, dtype=np.float32))[None, :]
    arr = paper * curl[..., None] * (1 - ink * fade)[..., None]
    arr = _grain(arr, rng, 4)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.5))
    q = int(rng.integers(70, 85))
    return _jpeg(out, q), f"thermal fade {start:.2f}->{end:.2f}, q{q}"


def skew_border(img, rng: np.random.Generator) -> tuple[bytes, str]:  # type: ignore[no-untyped-def]
    """Scanned with the lid open: the page turned 3-5 degrees on the glass, the uncovered glass black along two
    sides (the page offset into the bed), grain, JPEG."""
    from PIL import Image

    turn = float(rng.uniform(3, 5) * rng.choice([-1, 1]))
    page = _u8(_grain(_paper(img), rng, 4)).rotate(turn, expand=True, fillcolor=(18, 18, 20),
                                                     resample=Image.Resampling.BICUBIC)
    w, h = page.size
    bed = Image.new("RGB", (w + round(12 * MM), h + round(9 * MM)), (14, 14, 16))
    bed.paste(page, (round(12 * MM), round(9 * MM)))
    arr = _grain(np.asarray(bed, np.float32), rng, 3)
    q = int(rng.integers(75, 88))
    return _jpeg(_u8(arr), q), f"skew {turn:+.1f}, lid open, q{q}"


def moire(img, rng: np.random.Generator) -> tuple[bytes, str]:  # type: ignore[no-untyped-def]
    """A photo of the page under a desk lamp (light falling off from a corner) with a moire: the beat of a halftone
    screen and the camera's pixel grid, two slanted sinusoids across the page, then a phone's resize and JPEG."""
    from PIL import ImageFilter

    page = _paper(img)
    h, w = page.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a1, a2 = float(rng.uniform(0.2, 0.5)), float(rng.uniform(1.0, 1.4))
    p1, p2 = float(rng.uniform(9, 14)), float(rng.uniform(11, 17))
    beat = 0.5 * (np.sin(2 * math.pi * (xx * math.cos(a1) + yy * math.sin(a1)) / p1)
                  + np.sin(2 * math.pi * (xx * math.cos(a2) + yy * math.sin(a2)) / p2))
    depth = float(rng.uniform(0.05, 0.09))
    cx, cy = float(rng.choice([0, w])), float(rng.choice([0, h]))
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / math.hypot(w, h)
    dim = float(rng.uniform(0.3, 0.45))
    light = 1.0 - dim * dist
    out = page * (light * (1 + depth * beat))[..., None]
    scale = float(rng.uniform(0.8, 0.9))
    pic = _u8(_grain(out, rng, 5)).resize((int(w * scale), int(h * scale))).filter(ImageFilter.GaussianBlur(0.5))
    q = int(rng.integers(72, 85))
    return _jpeg(pic, q), f"moire depth {depth:.2f} periods {p1:.0f}/{p2:.0f} px, lamp -{dim:.2f}, q{q}"


def pencil(img, rng: np.random.Generator) -> tuple[bytes, str]:  # type: ignore[no-untyped-def]
    """A pencil note in the right margin, low contrast (graphite grey, thin, broken strokes): a paid mark with a date
    and another figure, then an office scan (grain, JPEG)."""
    from PIL import ImageDraw, ImageFont

    page = img.convert("RGB")
    layer = page.copy()
    d = ImageDraw.Draw(layer)
    font = ImageFont.truetype("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", round(3.2 * MM))
    level = int(rng.integers(150, 175))
    x, y = round(193 * MM), round(60 * MM)
    for i, text in enumerate(("已付", "11/30", "¥3,000", "余729")):
        d.text((x, y + i * round(5 * MM)), text, fill=(level, level, level + 4), font=font)
    d.line([(x - 4, y - 6), (x + round(14 * MM), y - 12)], fill=(level, level, level), width=2)
    arr = np.asarray(layer, np.float32)
    broken = rng.random(arr.shape[:2]) < 0.25  # graphite leaves gaps in the stroke
    pencil_px = np.any(arr < 200, axis=2) & ~np.any(np.asarray(page, np.float32) < 200, axis=2)
    arr[pencil_px & broken] = 255
    out = _grain(arr * np.asarray(PAPER, np.float32) / 255, rng, 4)
    q = int(rng.integers(78, 88))
    return _jpeg(_u8(out), q), f"pencil grey {level}, q{q}"


def office(img, rng: np.random.Generator) -> tuple[bytes, str]:  # type: ignore[no-untyped-def]
    """An office scanner's copy: warm paper, grain, a turn under a degree, a soft focus, JPEG."""
    from PIL import Image, ImageFilter

    turn = float(rng.uniform(-0.8, 0.8))
    out = _u8(_grain(_paper(img), rng, 5)).rotate(turn, expand=True, fillcolor=PAPER, resample=Image.Resampling.BICUBIC)
    q = int(rng.integers(75, 88))
    return _jpeg(out.filter(ImageFilter.GaussianBlur(0.45)), q), f"office turn {turn:+.1f}, q{q}"


def jpeg30(img, rng: np.random.Generator) -> tuple[bytes, str]:  # type: ignore[no-untyped-def]
    """Saved at 150 dpi as a JPEG of quality 30 (blocks and ringing round every stroke)."""
    from PIL import Image

    w, h = img.size
    small = _u8(_grain(_paper(img), rng, 3)).resize((round(w * 0.75), round(h * 0.75)), Image.Resampling.BILINEAR)
    return _jpeg(small, 30, dpi=(150, 150)), "150 dpi, q30"


ACCIDENTS = {"thermal": thermal, "skew_border": skew_border, "moire": moire, "pencil": pencil, "two_column": office,
             "jpeg30": jpeg30}


def build(folder: Path, seed: int = 88) -> None:
    from extractors.pdfwords import render_pages
    from tests.extractors_documents import held_out_scans_8 as h8
    from tests.extractors_documents.handmade import draw_pdf

    pages, pdfs = folder / "pages", folder / "pdf"
    pages.mkdir(parents=True, exist_ok=True)
    pdfs.mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict] = {}
    for index, (name, (items, rules, font, more, lw, kind, accident)) in enumerate(sorted(h8.DOCS.items())):
        rng = np.random.default_rng([seed, index])
        pdf = draw_pdf(pdfs / f"{name}.pdf", items, rules, font, line_width=lw, more_pages=more)
        img = render_pages(pdf, [1], dpi=DPI)[0]
        if accident == "grey_scan":
            data, _, note = grey(img, rng)
        else:
            data, note = ACCIDENTS[accident](img, rng)
        stem = f"{name}__{accident}"
        (pages / f"{stem}.jpg").write_bytes(data)
        truth[stem] = {"doc": name, "family": accident, "kind": kind, "note": note, "files": [f"{stem}.jpg"],
                       "pages": 1, "fields": {f: [str(v)] for f, v in h8.TRUTH[name].items()}}
    (folder / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    our_companies(folder / "our_companies.toml", (h8.OUR_SPDB,))
    print(f"{len(truth)} scans in {pages}")


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=["build"])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--seed", type=int, default=88)
    args = ap.parse_args()
    build(args.folder, args.seed)


if __name__ == "__main__":
    main()
