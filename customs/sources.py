"""A declaration's source documents (its commercial invoice and packing list, as read from files) and whether a
person has reviewed them: while one is still in review (``needs_review``: never confirmed, or reopened), the
declaration carries a blocking warning naming it, so neither the demo's automatic review nor a clerk approves
values nobody has looked at. The warning's ``source`` (``invoice:<number>``) is what the review station links to
the document's page."""

from __future__ import annotations

from dataclasses import dataclass

from hub.records import Declaration, DeclarationWarning, SourceFile
from hub.review import is_reopened
from hub.store import Store

#: The rule id of the warning a declaration carries while one of its source documents is in review.
SOURCE_IN_REVIEW = "source_in_review"
KIND_LABELS = {"invoice": "发票 invoice", "packing_list": "装箱单 packing list"}


@dataclass(frozen=True)
class InReview:
    """A source document of a declaration that waits for review."""

    kind: str                 # invoice | packing_list
    number: str               # the document's number, from its record key
    file: SourceFile
    reopened: bool

    @property
    def name(self) -> str:
        return self.file.path.rsplit("/", 1)[-1]


def source_keys(decl: Declaration) -> dict[str, str]:
    """``{"invoice:<key>": "invoice", "packing_list:<key>": "packing_list"}`` of the declaration's documents (as a
    source file lists them in its record keys)."""
    keys = {}
    if decl.invoice_key:
        keys[f"invoice:{decl.invoice_key}"] = "invoice"
    if decl.packing_list_key:
        keys[f"packing_list:{decl.packing_list_key}"] = "packing_list"
    return keys


def waiting_files(store: Store) -> dict[str, SourceFile]:
    """Every file in review, by each record key it produced (read once for many declarations)."""
    return {key: f for f in store.all(SourceFile, status="needs_review") for key in f.record_keys}


def in_review(store: Store, decl: Declaration, waiting: dict[str, SourceFile] | None = None) -> list[InReview]:
    """The declaration's source documents still in review, invoice first."""
    waiting = waiting_files(store) if waiting is None else waiting
    found = []
    for key, kind in source_keys(decl).items():
        file = waiting.get(key)
        if file is not None:
            number = key.split(":", 1)[1].rsplit("|", 1)[-1]
            found.append(InReview(kind, number, file, is_reopened(store, file.sha256)))
    return found


def review_warnings(store: Store, decl: Declaration,
                    waiting: dict[str, SourceFile] | None = None) -> list[DeclarationWarning]:
    """One blocking warning per source document in review, naming it (Chinese first)."""
    out = []
    for doc in in_review(store, decl, waiting):
        state = "已重新打开复核 reopened" if doc.reopened else "待复核 needs review"
        out.append(DeclarationWarning(
            rule=SOURCE_IN_REVIEW, severity="error", field=f"{doc.kind}.document", value=doc.name,
            expected="已确认 confirmed", source=f"{doc.kind}:{doc.number}",
            message=f"源单据{KIND_LABELS[doc.kind]} {doc.name} {state}：确认后才能批准 / the source document is still in "
                    "review: confirm it (the declaration is then prefilled from it) before approving"))
    return out


def with_review_warnings(store: Store, decl: Declaration,
                         waiting: dict[str, SourceFile] | None = None) -> Declaration:
    """The declaration with its source-in-review warnings as they are now (the old ones replaced)."""
    kept = [w for w in decl.warnings if w.rule != SOURCE_IN_REVIEW]
    return decl.model_copy(update={"warnings": [*kept, *review_warnings(store, decl, waiting)]})
