"""The quarantine: files that could not be read are copied aside with the reason beside them.

``<quarantine_dir>/<sha256 prefix>_<safe original name>`` plus ``... .reason.txt``. Nothing is ever
overwritten (the sha256 prefix makes equal names of different content distinct; the same content
quarantined twice finds its copy already there). The original file is left where it was.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

#: Hex characters of the sha256 that prefix a quarantined file's name.
PREFIX = 16


def safe_name(name: str, limit: int = 120) -> str:
    """A file name safe on every OS: no separators, control or reserved characters; CJK kept."""
    text = unicodedata.normalize("NFC", name)
    text = re.sub(r'[\x00-\x1f\x7f<>:"/\\|?*]+', "_", text).strip(" .")
    if not text:
        text = "file"
    if len(text) > limit:
        stem, dot, suffix = text.rpartition(".")
        text = (stem[: limit - len(suffix) - 1] + "." + suffix) if dot and len(suffix) <= 10 else text[:limit]
    return text


def quarantine_path(directory: Path, sha256: str, original: Path) -> Path:
    """Where a file goes in the quarantine."""
    return directory / f"{sha256[:PREFIX]}_{safe_name(original.name)}"


def quarantine_file(path: Path, sha256: str, reason: str, directory: Path, *, data: bytes | None = None) -> Path:
    """Copy ``path`` (or ``data``) into the quarantine with a ``.reason.txt`` beside it; return the copy's
    path. An existing copy or reason file is left as it is."""
    directory.mkdir(parents=True, exist_ok=True)
    target = quarantine_path(directory, sha256, path)
    if not target.exists():
        if data is not None:
            with open(target, "xb") as fh:
                fh.write(data)
        else:
            shutil.copy2(path, target)
    note = target.with_name(target.name + ".reason.txt")
    if not note.exists():
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        note.write_text(f"source: {path}\nsha256: {sha256}\nwhen: {stamp}\nreason: {reason}\n", encoding="utf-8")
    return target
