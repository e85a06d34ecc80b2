"""Degradations of real office scans and phone photos, applied to a page rendered from a hand-written document
(``handmade.draw_pdf``): each takes the 200-dpi render (a PIL image) and a seeded random generator and returns the
encoded file, its extension and a note of the strength drawn. Used by the scan tests and ``bench/scans_real.py``."""

from __future__ import annotations

import io
import math
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

DPI = 200
PAPER = (244, 242, 236)


def _paper(img: Image.Image) -> np.ndarray:
    """The render printed on slightly warm paper, as float RGB."""
    arr = np.asarray(img.convert("RGB"), np.float32)
    return arr * np.asarray(PAPER, np.float32) / 255


def _grain(arr: np.ndarray, rng: np.random.Generator, sigma: float) -> np.ndarray:
    return np.clip(arr + rng.normal(0, sigma, arr.shape[:2])[..., None], 0, 255)


def _u8(arr: np.ndarray) -> Image.Image:
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _jpeg(img: Image.Image, quality: int, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, **kw)
    return buf.getvalue()


def fax(img: Image.Image, rng: np.random.Generator, dpi: int) -> tuple[bytes, str, str]:
    """Down to ``dpi``, binarised at a random level, specks, JPEG-compressed."""
    w, h = img.size
    small = img.convert("L").resize((round(w * dpi / DPI), round(h * dpi / DPI)), Image.Resampling.BILINEAR)
    arr = np.asarray(small, np.float32)
    level = float(rng.uniform(110, 175))
    bw = np.where(arr < level, 0, 255).astype(np.float32)
    specks = rng.random(bw.shape) < rng.uniform(0.0005, 0.003)
    bw[specks] = 255 - bw[specks]
    q = int(rng.integers(35, 70))
    return _jpeg(_u8(bw), q, dpi=(dpi, dpi)), "jpg", f"level {level:.0f}, q{q}"


def rotated(img: Image.Image, rng: np.random.Generator) -> tuple[bytes, str, str]:
    turn = int(rng.choice([90, 180, 270]))
    skew = float(rng.uniform(1, 6) * rng.choice([-1, 1]))
    arr = _grain(_paper(img), rng, 5)
    out = _u8(arr).rotate(skew, expand=True, fillcolor=PAPER, resample=Image.Resampling.BICUBIC).rotate(turn, expand=True)
    q = int(rng.integers(70, 90))
    return _jpeg(out.filter(ImageFilter.GaussianBlur(0.4)), q), "jpg", f"turn {turn}, skew {skew:+.1f}, q{q}"


def photo(img: Image.Image, rng: np.random.Generator) -> tuple[bytes, str, str]:
    """A phone photo of the page on a desk: perspective, the desk around it, light falling off and a shadow."""
    import cv2

    page = _paper(img)
    h, w = page.shape[:2]
    margin = int(0.12 * w)
    W, H = w + 2 * margin, h + 2 * margin
    desk = np.empty((H, W, 3), np.float32)
    desk[:] = np.array(rng.choice([(120, 92, 64), (90, 90, 95), (150, 130, 105)]), np.float32)
    desk = _grain(desk, rng, 12)
    k = float(rng.uniform(0.02, 0.07))
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    jitter = rng.uniform(-k, k, (4, 2)) * np.array([w, h])
    dst = np.float32(src + margin + jitter)
    m = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(page, m, (W, H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))
    inside = cv2.warpPerspective(np.ones((h, w), np.float32), m, (W, H), flags=cv2.INTER_NEAREST) > 0.5
    out = np.where(inside[..., None], warped, desk)
    # light: a gradient across the photo and a soft shadow (a hand, the phone) on one side
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    angle = float(rng.uniform(0, 2 * math.pi))
    grad = (np.cos(angle) * xx / W + np.sin(angle) * yy / H)
    grad = (grad - grad.min()) / (np.ptp(grad) + 1e-6)
    dim = float(rng.uniform(0.15, 0.35))
    light = 1.0 - dim * grad
    cx, cy, r = rng.uniform(0, W), rng.uniform(0, H), rng.uniform(0.25, 0.45) * W
    shadow = 1.0 - float(rng.uniform(0.1, 0.3)) * np.exp(-(((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * r * r)))
    out = _grain(out * (light * shadow)[..., None], rng, 4)
    scale = float(rng.uniform(0.75, 0.95))
    photo_img = _u8(out).resize((int(W * scale), int(H * scale)), Image.Resampling.BILINEAR).filter(ImageFilter.GaussianBlur(0.6))
    q = int(rng.integers(75, 90))
    return _jpeg(photo_img, q), "jpg", f"perspective {k:.2f}, light -{dim:.2f}, scale {scale:.2f}, q{q}"


def _needle(items: list[tuple], truth: dict, kind: str) -> str:
    """A printed text to stamp over: the item printing the total (receipts: the amount), else a party's name."""
    want = truth.get("total") or truth.get("amount")
    if want:
        digits = Decimal(want).normalize()
        for _, _, text, *_ in items:
            cleaned = "".join(ch for ch in text if ch.isdigit() or ch == ".")
            try:
                if cleaned and Decimal(cleaned.strip(".") or "x").normalize() == digits:
                    return text
            except InvalidOperation:
                continue
            flat = text.replace(",", "").replace(" ", "")
            if str(Decimal(want)) in flat:
                return text
    for name in (truth.get("buyer_name"), truth.get("payer_name"), truth.get("seller_name")):
        for _, _, text, *_ in items:
            if name and name.casefold() in text.casefold():
                return text
    return items[0][2]


def seal(pdf: Path, items: list[tuple], truth: dict, kind: str, rng: np.random.Generator, tmp: Path) -> tuple[bytes, str, str]:
    from tests.extractors_documents.test_seals import _sealed_scan

    needle = _needle(items, truth, kind)
    shape = str(rng.choice(["round", "oval", "rect"]))
    dx = float(rng.uniform(-0.25, 0.25))
    out = tmp / "sealed.jpg"
    _sealed_scan(pdf, out, re.escape(needle), shape, "red", ("ACCOUNTS DEPARTMENT", "", "财务专用章"), dx=dx, seed=int(rng.integers(1000)))
    return out.read_bytes(), "jpg", f"{shape} over {needle!r}, dx {dx:+.2f}"


def crease(img: Image.Image, rng: np.random.Generator) -> tuple[bytes, str, str]:
    """A letter folded in three and flattened again: a dark fold line, its shadow on one side, light on the other."""
    arr = _paper(img)
    h, w = arr.shape[:2]
    y = int(h * rng.choice([1 / 3, 2 / 3]) + rng.uniform(-0.05, 0.05) * h)
    tilt = float(rng.uniform(-0.01, 0.01))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    d = yy - (y + tilt * (xx - w / 2))
    depth = float(rng.uniform(40, 110))
    line = depth * np.exp(-(d ** 2) / (2 * 1.5 ** 2))
    shade = float(rng.uniform(10, 35)) * np.exp(-np.clip(d, 0, None) / 25) * (d > 0)
    arr = arr - (line + shade)[..., None]
    q = int(rng.integers(70, 88))
    return _jpeg(_u8(_grain(arr, rng, 5)), q), "jpg", f"fold at y {y}, depth {depth:.0f}, q{q}"


def grey(img: Image.Image, rng: np.random.Generator) -> tuple[bytes, str, str]:
    """Low contrast: grey paper, faded toner."""
    arr = np.asarray(img.convert("L"), np.float32) / 255
    paper = float(rng.uniform(165, 205))
    ink = float(rng.uniform(85, 135))
    out = ink + (paper - ink) * arr
    q = int(rng.integers(70, 88))
    out_img = _u8(_grain(np.repeat(out[..., None], 3, axis=2), rng, 4)).filter(ImageFilter.GaussianBlur(0.5))
    return _jpeg(out_img, q), "jpg", f"paper {paper:.0f}, ink {ink:.0f}, q{q}"


def pen(pdf: Path, img: Image.Image, items: list[tuple], truth: dict, kind: str, rng: np.random.Generator) -> tuple[bytes, str, str]:
    """A tick beside the total and a signature scrawled across a party's name, in blue or black ballpoint."""
    import pdfplumber

    arr = _paper(img)
    out = _u8(arr)
    d = ImageDraw.Draw(out)
    colour = (30, 45, 150) if rng.random() < 0.6 else (25, 25, 30)
    scale = DPI / 72
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        total = page.search(re.escape(_needle(items, truth, kind)))
        names = [t for t in (truth.get("buyer_name"), truth.get("payer_name"), truth.get("seller_name")) if t]
        name_hit = next((hits[0] for n in names if (hits := page.search(re.escape(n[:12])))), None)
    if total:
        t = total[0]
        x, y = t["x1"] * scale + 15, t["top"] * scale
        hh = (t["bottom"] - t["top"]) * scale
        d.line([(x, y + hh * 0.5), (x + hh * 0.5, y + hh * 1.1), (x + hh * 1.6, y - hh * 0.6)], fill=colour, width=4)
    what = "tick"
    if name_hit:
        x0, y0, x1 = name_hit["x0"] * scale, name_hit["top"] * scale, name_hit["x1"] * scale
        hh = (name_hit["bottom"] - name_hit["top"]) * scale
        pts = []
        n = 60
        amp = float(rng.uniform(0.6, 1.4)) * hh
        for i in range(n):
            t_ = i / (n - 1)
            pts.append((x0 + (x1 - x0) * 0.9 * t_ + 20, y0 + hh * 0.5 + amp * math.sin(t_ * rng.uniform(9, 15)) * (0.4 + 0.6 * t_)))
        d.line(pts, fill=colour, width=3, joint="curve")
        what = "tick and signature"
    q = int(rng.integers(75, 90))
    return _jpeg(_u8(_grain(np.asarray(out, np.float32), rng, 5)), q), "jpg", f"{what}, ink {colour}, q{q}"


def exif(img: Image.Image, rng: np.random.Generator) -> tuple[bytes, str, str]:
    """A phone JPEG stored as the sensor saw it, with the EXIF orientation that makes it upright."""
    tag = int(rng.choice([3, 6, 8]))
    # stored pixels: the upright page turned so that applying ``tag`` gives it back
    stored = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}[tag]
    out = _u8(_grain(_paper(img), rng, 5)).transpose(stored)
    ex = Image.Exif()
    ex[0x0112] = tag
    q = int(rng.integers(78, 92))
    return _jpeg(out, q, exif=ex.tobytes()), "jpg", f"orientation {tag}, q{q}"


def clean(img: Image.Image, rng: np.random.Generator) -> bytes:
    return _jpeg(_u8(_grain(_paper(img), rng, 4)), 88)


FAX_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"


def fax_machine(imgs: list[Image.Image], rng: np.random.Generator, dpi: int, mode: str = "fine",
                sender: str = "+86 512 6688 1234", when: str = "DEC-07-2026 10:32") -> tuple[list[Image.Image], str]:
    """Pages as a fax machine sends them: the sender's header line printed over the top margin (date, time, number,
    page of pages), a slight skew (the sheet fed crooked), the page scanned at ``dpi`` and dithered to one bit
    (Floyd-Steinberg, so grey print and anti-aliased edges become dot patterns), a few specks. ``mode`` "standard"
    is a standard-resolution fax (half the vertical resolution) stretched back to square pixels, as fax-to-mail
    services store it. Returns the 1-bit pages and a note of the strength drawn."""
    from PIL import ImageFont

    skew = float(rng.uniform(0.3, 1.6) * rng.choice([-1, 1]))
    out: list[Image.Image] = []
    for number, img in enumerate(imgs, start=1):
        page = img.convert("L")
        w, h = page.size
        draw = ImageDraw.Draw(page)
        font = ImageFont.truetype(FAX_FONT, max(10, round(h * 0.0085)))
        head = f"{when}   FROM: {sender}   TO: 0512 6789 0000   P.{number:03d}/{len(imgs):03d}"
        draw.text((round(w * 0.04), round(h * 0.006)), head, fill=0, font=font)
        page = page.rotate(skew, expand=False, fillcolor=255, resample=Image.Resampling.BICUBIC)
        sw, sh = round(w * dpi / DPI), round(h * dpi / DPI)
        if mode == "standard":
            page = page.resize((sw, sh // 2), Image.Resampling.BILINEAR).resize((sw, sh), Image.Resampling.NEAREST)
        else:
            page = page.resize((sw, sh), Image.Resampling.BILINEAR)
        arr = np.asarray(page, np.float32) * float(rng.uniform(0.95, 1.0))
        bw = np.asarray(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).convert("1"), np.uint8) * 255
        specks = rng.random(bw.shape) < rng.uniform(0.0003, 0.0015)
        bw[specks] = 255 - bw[specks]
        out.append(Image.fromarray(bw).convert("1"))
    return out, f"{dpi} dpi {mode}, skew {skew:+.1f}"
