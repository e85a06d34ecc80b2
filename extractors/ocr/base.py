"""The OCR engine interface: an image in, positioned words (text segments) out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from extractors.words import Word


@dataclass
class OcrPage:
    """One page read by OCR: its words (in the upright page's pixels), the rotation applied to make it
    upright (0/90/180/270, clockwise), the deskew angle in degrees, and the page size in pixels."""

    words: list[Word]
    rotation: int = 0
    skew: float = 0.0
    width: int = 0
    height: int = 0
    #: share of the page's pixels that were seal ink, taken out before OCR (``extractors.ocr.seals``)
    seal_share: float = 0.0
    #: words of the unmasked page in the bands holding a seal (None: no seal was re-read)
    seal_words: list[Word] | None = None
    #: those bands, (y0, y1) in the upright page's pixels
    seal_bands: list[tuple[float, float]] = field(default_factory=list)

    @property
    def mean_confidence(self) -> float:
        return float(np.mean([w.confidence for w in self.words])) if self.words else 0.0


@runtime_checkable
class OcrEngine(Protocol):
    """What every OCR backend provides. Implementations load their models once, in ``__init__``."""

    name: str

    def read(self, image: np.ndarray, page: int = 1) -> OcrPage:
        """Words of one page image (BGR or grey ``uint8`` array), made upright first."""
        ...

    # optional: ``recognise(image, page) -> list[Word]``, the words of an image already upright; the seal
    # handling (``extractors.ocr.seals.read_page``) re-reads the unmasked bands of sealed pages with it


def load_image(source: Path | str | bytes | np.ndarray, frame: int = 0) -> np.ndarray:
    """A BGR ``uint8`` array from a path, encoded bytes or an array, turned as its EXIF orientation tag says (a
    phone's JPEG stores the sensor's pixels and the turn that makes them upright); ``frame``: the page of a
    multi-page image (TIFF, 0-based). Decompression bombs refused.

    Raises :class:`hub.errors.InputError` naming the file for what cannot be read as an image.
    """
    import cv2
    from PIL import Image, ImageOps

    from hub.errors import InputError

    if isinstance(source, np.ndarray):
        arr = source
    else:
        name = str(source) if not isinstance(source, bytes) else "image"
        try:
            import io

            Image.MAX_IMAGE_PIXELS = 60_000_000
            with Image.open(io.BytesIO(source) if isinstance(source, bytes) else Path(source)) as im:
                if frame:
                    im.seek(frame)
                im.load()
                arr = np.asarray(ImageOps.exif_transpose(im).convert("RGB"))[:, :, ::-1].copy()
        except Image.DecompressionBombError:
            raise InputError("the image is too large to be a document page (decompression bomb?)", source=name) from None
        except FileNotFoundError:
            raise InputError("no such file", source=name) from None
        except Exception as exc:
            raise InputError(f"not a readable image ({type(exc).__name__}: {exc})", source=name) from None
    if arr.ndim == 2:
        arr = cv2.cvtColor(arr, cv2.COLOR_GRAY2BGR)
    elif arr.shape[2] == 4:
        arr = cv2.cvtColor(arr, cv2.COLOR_BGRA2BGR)
    return np.ascontiguousarray(arr, dtype=np.uint8)


def image_frames(path: Path | str) -> int:
    """How many pages (frames) an image file holds: a multi-page TIFF's pages, 1 for other images."""
    from PIL import Image

    try:
        with Image.open(path) as im:
            return max(1, int(getattr(im, "n_frames", 1)))
    except Exception:  # unreadable: load_image says why
        return 1
