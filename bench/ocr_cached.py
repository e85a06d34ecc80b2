"""Bench aid (dev only, not library code): run ``bench/extraction.py`` with each page's OCR output kept on disk.

    python bench/ocr_cached.py CACHE_DIR -- [bench/extraction.py options]

The seal-cost timing at the end of a family run and a world run's OCR scaling pass (both OCR pages again,
uncached) are left out.

The first run OCRs and stores every page's ``OcrPage`` (pickled, keyed by the page file's bytes and page
number); later runs read the stored pages instead, so before/after figures of readers compare the same OCR
output (OCR is the slow, noisy part).
"""

from __future__ import annotations

import hashlib
import pickle
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _key(src: object) -> str:
    path, page = (src if isinstance(src, tuple) else (src, None))
    digest = hashlib.sha256(Path(str(path)).read_bytes()).hexdigest()[:24]
    return f"{digest}-{page}"


def install(cache: Path) -> None:
    """Replace ``extractors.ocr.ocr_pages`` by a reader of ``cache`` that OCRs (and stores) only missing pages."""
    import extractors.ocr as ocr

    real = ocr.ocr_pages
    cache.mkdir(parents=True, exist_ok=True)

    def cached(sources, *, workers=None, backend="rapidocr", progress=None, return_exceptions=False):
        keys = [_key(s) for s in sources]
        missing = [i for i, k in enumerate(keys) if not (cache / k).exists()]
        if missing:
            got = real([sources[i] for i in missing], workers=workers, backend=backend, progress=progress,
                       return_exceptions=return_exceptions)
            for i, page in zip(missing, got, strict=True):
                if not isinstance(page, Exception):
                    (cache / keys[i]).write_bytes(pickle.dumps(page))
        out = []
        for i, k in enumerate(keys):
            f = cache / k
            out.append(pickle.loads(f.read_bytes()) if f.exists() else RuntimeError(f"OCR failed on {sources[i]}"))
        print(f"# OCR cache {cache}: {len(keys) - len(missing)} pages read from it, {len(missing)} OCR'd",
              file=sys.stderr)
        return out

    ocr.ocr_pages = cached


if __name__ == "__main__":
    cache_dir, rest = Path(sys.argv[1]), sys.argv[sys.argv.index("--") + 1:]
    install(cache_dir)
    sys.argv = [str(ROOT / "bench" / "extraction.py"), *rest]
    bench = runpy.run_path(sys.argv[0], run_name="bench_extraction")
    bench["main"].__globals__["seal_cost"] = lambda world: "seal cost: not measured (OCR read from the cache)"
    # a world run's OCR scaling pass OCRs pages again, uncached: left out (its line then reads 0 pages)
    bench["main"].__globals__["ocr_scaling"] = lambda world, pages: {
        "pages": 0, "one": 1.0, "ones": [], "two": 1.0, "twos": [], "two_cold": 0.0, "one_default_threads": 0.0}
    bench["main"]()
