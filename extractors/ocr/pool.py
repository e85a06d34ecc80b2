"""Pages read in parallel: a process pool whose workers load the OCR models once, at start.

Each worker runs ONNX Runtime on one thread, so ``workers`` processes use ``workers`` cores without
oversubscription, and keeps the memory it frees for the next page (:func:`keep_freed_memory`). The largest
pages start first. Progress is reported through a callback (the CLI draws a Rich bar with it; the library
stays free of UI).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import numpy as np

from extractors.ocr.base import OcrPage, load_image
from extractors.ocr.seals import read_page

#: A page to read: an image file, a (pdf file or multi-page image, 1-based page number) pair, or an image array.
PageSource = str | Path | tuple[str | Path, int] | np.ndarray
Progress = Callable[[int, int], None]

_ENGINE = None

# glibc's mallopt parameters (malloc.h)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3

#: Resolution image-only PDF pages are rendered at for OCR.
PDF_DPI = 200
A4_INCHES = (8.27, 11.69)


def keep_freed_memory() -> bool:
    """Let this process's allocator keep and reuse freed memory instead of handing it back to the system.

    ONNX Runtime allocates each page's buffers afresh (hundreds of MB); by default glibc maps big blocks
    anew and unmaps them on free, so every page faults in and zeroes fresh memory: about 15% of a page's
    time in the kernel, and more when two workers do it at once. Kept, the next page reuses them (the
    worker's peak memory grows ~15%). Meant for dedicated OCR processes; False where glibc is absent.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return False
    return bool(libc.mallopt(_M_MMAP_THRESHOLD, 1 << 30)) and bool(libc.mallopt(_M_TRIM_THRESHOLD, 1 << 31))


def _init(backend: str, threads: int | None) -> None:
    global _ENGINE
    import cv2

    keep_freed_memory()

    from extractors.ocr import make_engine

    if threads:
        cv2.setNumThreads(threads)  # OpenCV's resizes and rotations too: one worker, one core

    options = {"threads": threads} if threads else {}
    _ENGINE = make_engine(backend, **options)


def load_page(source: PageSource) -> np.ndarray:
    """The page image (BGR array) for a page source; PDF pages rendered at :data:`PDF_DPI`, a multi-page
    image's page taken from its frames."""
    if isinstance(source, tuple):
        path, number = source
        if Path(path).suffix.lower() != ".pdf":
            return load_image(path, frame=number - 1)
        from extractors.pdfwords import render_pages

        return load_image(np.asarray(render_pages(path, [number], dpi=PDF_DPI)[0])[:, :, ::-1])
    return load_image(source)


def _read(source: PageSource, page: int) -> OcrPage:
    assert _ENGINE is not None, "worker not initialised"
    return read_page(_ENGINE, load_page(source), page)


def read_here(sources: Sequence[PageSource], backend: str = "rapidocr") -> list[OcrPage]:
    """Read pages in this process with the engine it keeps (loaded on the first call, as a pool worker
    loads it: one ONNX thread, freed memory kept). Meant for long-lived worker processes that are not
    this pool's, e.g. Dask workers (``flows/ocr_dask.py``): each loads the models once."""
    if _ENGINE is None or getattr(_ENGINE, "name", None) != backend:
        _init(backend, 1)
    return [_read(src, _page_no(src)) for src in sources]


def _pixels(source: PageSource) -> int:
    """The page's size in pixels, from the image header alone (a rough measure of its OCR time)."""
    if isinstance(source, np.ndarray):
        return source.shape[0] * source.shape[1]
    if isinstance(source, tuple) and Path(source[0]).suffix.lower() == ".pdf":
        return int(A4_INCHES[0] * A4_INCHES[1] * PDF_DPI**2)  # a scanned PDF page, rendered
    if isinstance(source, tuple):
        source = source[0]  # a multi-page image's page: about the size of its first
    from PIL import Image

    try:
        with warnings.catch_warnings():  # a huge image is the worker's to refuse, not this estimate's
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(source) as im:  # reads the header, not the pixels
                return im.width * im.height
    except Exception:  # unreadable: the worker reports why
        return 0


def _page_no(source: PageSource) -> int:
    return source[1] if isinstance(source, tuple) else 1


class OcrPool:
    """A pool of OCR worker processes (models loaded once per worker); use as a context manager."""

    def __init__(self, workers: int | None = None, backend: str = "rapidocr") -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.backend = backend
        ctx = multiprocessing.get_context("spawn")  # ONNX Runtime's threads do not survive fork
        self.executor = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init,
                                            initargs=(backend, 1))

    def map(self, sources: Sequence[PageSource], progress: Progress | None = None,
            return_exceptions: bool = False) -> list:
        """Read every page; results in the order of ``sources``. A page that fails raises, or with
        ``return_exceptions`` its exception takes its place in the list."""
        # largest pages first: the last pages to start are then small ones, and no worker is left
        # reading a big page alone while the others idle
        order = sorted(range(len(sources)), key=lambda i: -_pixels(sources[i]))
        futures = {self.executor.submit(_read, sources[i], _page_no(sources[i])): i for i in order}
        out: list = [None] * len(sources)
        done = 0
        for fut in as_completed(futures):
            exc = fut.exception()
            if exc is not None and not return_exceptions:
                raise exc
            out[futures[fut]] = exc if exc is not None else fut.result()
            done += 1
            if progress:
                progress(done, len(sources))
        return out

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> OcrPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def ocr_pages(sources: Sequence[PageSource], *, workers: int | None = None, backend: str = "rapidocr",
              progress: Progress | None = None, return_exceptions: bool = False) -> list:
    """OCR ``sources`` on ``workers`` processes (all cores by default); ``workers=1`` runs in this
    process with the engine it keeps loaded. With ``return_exceptions`` a failed page's exception
    stands in its place instead of being raised."""
    if not sources:
        return []
    if workers == 1 or len(sources) == 1:
        from extractors.ocr import default_engine

        engine = default_engine(backend)
        out = []
        for i, src in enumerate(sources, start=1):
            try:
                out.append(read_page(engine, load_page(src), _page_no(src)))
            except Exception as exc:
                if not return_exceptions:
                    raise
                out.append(exc)
            if progress:
                progress(i, len(sources))
        return out
    with OcrPool(min(workers or os.cpu_count() or 1, len(sources)), backend) as pool:
        return pool.map(sources, progress, return_exceptions)
