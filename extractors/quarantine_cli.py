"""``orderhub quarantine list|retry``: the files that could not be read, and reading one again.

``list`` shows each quarantined file (the copy in ``ORDERHUB_HOME/quarantine`` with its ``.reason.txt``,
and any file the store marks quarantined) with its reason and date. ``retry FILE`` reads it again through
the same pipeline as ``orderhub extract --store`` (the original where it still is with the same content,
else the quarantined copy); when it is read, its copy and reason leave the quarantine. Records are
upserted by their natural keys, so a retry never duplicates anything.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from hub.errors import InputError

quarantine_app = typer.Typer(help="Files that could not be read: list them, read one again.", no_args_is_help=True)
console = Console()


@dataclass
class Quarantined:
    """One quarantined file: its copy (if any), the original path, the content hash, when and why."""

    sha256: str
    source: str
    when: str
    reason: str
    copy: Path | None = None

    @property
    def handle(self) -> str:
        """What ``retry`` takes: the hash prefix the copy's name starts with."""
        from extractors.quarantine import PREFIX

        return self.sha256[:PREFIX]

    def describe_reason(self) -> str:
        return " ".join(self.reason.split())


def _read_note(note: Path) -> Quarantined | None:
    text = note.read_text(encoding="utf-8", errors="replace")
    values: dict[str, str] = {}
    head, _, reason = text.partition("\nreason: ")
    for line in head.splitlines():
        key, sep, value = line.partition(": ")
        if sep:
            values[key.strip()] = value.strip()
    copy = note.with_name(note.name.removesuffix(".reason.txt"))
    sha = values.get("sha256", "")
    if not sha:
        return None
    return Quarantined(sha, values.get("source", copy.name), values.get("when", ""), reason.strip(),
                       copy if copy.is_file() else None)


def quarantined_files(settings=None, store=None) -> list[Quarantined]:
    """Every quarantined file: those in the quarantine folder, then those only the store knows; oldest first."""
    from hub.settings import load_settings

    settings = settings or load_settings()
    found: dict[str, Quarantined] = {}
    folder = settings.quarantine_dir
    if folder.is_dir():
        for note in sorted(folder.glob("*.reason.txt")):
            entry = _read_note(note)
            if entry is not None and entry.sha256 not in found:
                found[entry.sha256] = entry
    if store is not None:
        from hub.records import SourceFile

        for f in store.all(SourceFile, status="quarantined"):
            if f.sha256 not in found:
                when = f.received_at.isoformat(timespec="seconds") if f.received_at else ""
                found[f.sha256] = Quarantined(f.sha256, f.path, when, f.quarantine_reason or "")
    return sorted(found.values(), key=lambda q: (q.when, q.source))


def find(entries: list[Quarantined], name: str) -> Quarantined:
    """The entry ``name`` means: a hash prefix (6+ characters), the copy's name or path, or the original's."""
    wanted = name.strip()
    path = Path(wanted)
    matches = [q for q in entries
               if (len(wanted) >= 6 and q.sha256.startswith(wanted.lower()))
               or (q.copy is not None and (q.copy.name == path.name and (len(path.parts) == 1 or
                                                                           q.copy.resolve() == path.resolve())))
               or q.source == wanted or (path.exists() and Path(q.source).resolve() == path.resolve())
               or (len(path.parts) == 1 and Path(q.source).name == wanted)]
    if not matches:
        raise InputError(f"{name!r} is not in the quarantine (see `orderhub quarantine list`)")
    if len(matches) > 1:
        raise InputError(f"{name!r} names {len(matches)} quarantined files; give its id: "
                         + ", ".join(q.handle for q in matches))
    return matches[0]


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _file_to_read(entry: Quarantined, home: Path) -> Path:
    """The original when it is still there with the same content, else the copy under its original name
    (``ORDERHUB_HOME/retry/<id>/``: the extractors never read inside the quarantine folder)."""
    original = Path(entry.source)
    if original.is_file() and _sha256(original) == entry.sha256:
        return original
    if entry.copy is None:
        raise InputError(f"{entry.source}: neither the original (moved or changed) nor a quarantined copy is left")
    staged = home / "retry" / entry.handle / original.name
    staged.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(entry.copy, staged)
    return staged


@quarantine_app.command("list")
def list_cmd(
    wide: bool = typer.Option(False, "--wide", help="One line per file, however wide the terminal"),
) -> None:
    """Each quarantined file with its id (for retry), the date it was set aside and the reason."""
    from hub.settings import load_settings
    from hub.store import Store
    from hub.tables import print_table
    from hub.where import nothing_in

    settings = load_settings()
    store = Store(settings=settings)
    entries = quarantined_files(settings, store)
    if not entries:
        console.print(nothing_in(store, "quarantined files") + f"; folder {settings.quarantine_dir}",
                      highlight=False, soft_wrap=True)
        return
    rows = [(q.handle, Path(q.source).name, q.when.replace("T", " ")[:19], q.describe_reason())
            + ((str(q.source),) if wide else ()) for q in entries]
    print_table(f"隔离文件 Quarantined files ({len(rows)})", ("id", "file", "when", "reason", "from")[:len(rows[0])],
                rows, ids=(0,), keep=(1, 2), wide=wide)
    console.print("Read one again: orderhub quarantine retry ID [--kind … --customer … --bank …]",
                  highlight=False, soft_wrap=True)


@quarantine_app.command("retry")
def retry_cmd(
    file: str = typer.Argument(..., help="The file's id from `quarantine list`, its name or its path"),
    kind: str = typer.Option("auto", "--kind", help="Read it as this kind (see `orderhub extract --help`)"),
    channel: str = typer.Option("dealer", "--channel", help="Channel of the orders in an order export"),
    customer: str | None = typer.Option(None, "--customer", help="Buyer of an order export without one"),
    bank: str | None = typer.Option(None, "--bank", help="Bank of a statement that names none"),
    account: str | None = typer.Option(None, "--account", help="Our account number for such a statement"),
    force_kind: bool = typer.Option(False, "--force-kind", help="Read it as --kind even where its title says "
                                    "another kind (a true invoice refused as 'not an invoice: a quotation')"),
) -> None:
    """Read a quarantined file again (as `orderhub extract --store` does); once read, it leaves the quarantine."""
    from extractors.pipeline import Options, extract_paths
    from extractors.registry import KINDS
    from hub.settings import load_settings
    from hub.store import Store

    if kind not in KINDS:
        raise InputError(f"--kind {kind!r} is not one of: {', '.join(KINDS)}")
    settings = load_settings()
    store = Store(settings=settings)
    entry = find(quarantined_files(settings, store), file)
    path = _file_to_read(entry, settings.home)
    options = Options(kind=kind, channel=channel, customer=customer, bank=bank, account=account, force_kind=force_kind)
    try:
        outcome = extract_paths([path], settings, options, store=store)[0]
    finally:
        if path.parent.parent == settings.home / "retry":
            shutil.rmtree(path.parent, ignore_errors=True)
    name = Path(entry.source).name
    if not outcome.ok:
        raise InputError(f"{name}: still cannot be read: {outcome.error}; it stays in the quarantine")
    for leftover in (entry.copy, entry.copy.with_name(entry.copy.name + ".reason.txt") if entry.copy else None):
        if leftover is not None:
            leftover.unlink(missing_ok=True)
    stored = outcome.stored or {}
    review = outcome.needs_review(options.threshold)
    console.print(f"{escape(name)}: read as {outcome.kind}, {len(outcome.records)} records (stored "
                  f"{stored.get('inserted', 0)} new, {stored.get('updated', 0)} changed, "
                  f"{stored.get('unchanged', 0)} unchanged); removed from the quarantine"
                  + (f"; check: {', '.join(review)}" if review else ""), highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add ``orderhub quarantine``."""
    app.add_typer(quarantine_app, name="quarantine")
