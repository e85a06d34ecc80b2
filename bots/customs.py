"""The customs filer: fill an export declaration on the single window from a declaration (a mapping of
header fields and items until the customs package's ``Declaration`` record exists), save it as a draft,
read back the pre-entry number (预录入编号), submit only when told, and poll the status until customs
accepts it (customs number) or returns it (退单, with the reason)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from playwright.sync_api import Page

from bots.browser import BotError, LocatorMissing, PortalSession, required
from bots.extract import extract
from bots.locators import resolve
from bots.profiles import Profile

FINAL = ("accepted", "returned")


class DeclarationRejected(BotError):
    """The single window refused the declaration's content (validation messages): not retried. ``stage`` is
    ``save`` (the entry checks: nothing kept there) or ``submit`` (the draft ``pre_entry_no`` is kept, not
    submitted: file the corrected declaration over it)."""

    def __init__(self, messages: list[str], stage: str = "save", pre_entry_no: str | None = None) -> None:
        self.messages, self.stage, self.pre_entry_no = messages, stage, pre_entry_no
        where = f" on submit (draft {pre_entry_no} kept, not submitted)" if stage == "submit" else ""
        super().__init__(f"the single window refused the declaration{where}: " + "; ".join(messages))

    def __reduce__(self) -> tuple[Any, ...]:  # the same refusal after a pickle (a task's result)
        return type(self), (self.messages, self.stage, self.pre_entry_no)


@dataclass
class Filing:
    """A declaration's state on the single window."""

    pre_entry_no: str
    status: str
    customs_no: str | None = None
    reason: str | None = None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def as_mapping(declaration: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Header fields and items of a declaration given as a mapping or as a record with those attributes."""
    if isinstance(declaration, Mapping):
        header, items = declaration.get("header", {}), declaration.get("items", [])
    else:
        data = declaration.model_dump() if hasattr(declaration, "model_dump") else vars(declaration)
        header, items = data.get("header", data), data.get("items", [])
    if not items:
        raise BotError("a declaration needs at least one item")
    return dict(header), [dict(i) for i in items]


class CustomsFiler:
    """Declarations on the single window, through one :class:`PortalSession`."""

    def __init__(self, session: PortalSession, profile: Profile) -> None:
        self.session, self.profile = session, profile
        self.entry = profile.data["entry"]

    def save_draft(self, declaration: Any, pre_entry_no: str | None = None) -> Filing:
        """Fill the form (new, or the draft ``pre_entry_no``) and save it; returns the draft's number."""
        header, items = as_mapping(declaration)
        unknown = sorted(set(header) - set(self.entry["header"]))
        if unknown:
            raise BotError(f"declaration header fields not on the form: {unknown}")
        url = self.entry["edit_url"].format(pre_entry_no=pre_entry_no) if pre_entry_no else self.entry["new_url"]

        def fill(page: Page) -> Filing:
            self.session.goto(page, url, self.entry["save"])
            for name, label in self.entry["header"].items():
                if name in header:
                    required(page, {"label": label}, f"header field {name}").fill(_text(header[name]))
            table = resolve(page, self.entry["items_table"]).first
            rows = table.locator("tbody tr")
            while rows.count() < len(items):
                required(page, self.entry["add_item"], "add item row").click()
            while rows.count() > len(items):
                rows.last.get_by_role("button", name="删除").click()
            for i, item in enumerate(items):
                row = rows.nth(i)
                for name, label in self.entry["items"].items():
                    cell = row.get_by_label(label, exact=True)
                    if not cell.count():
                        raise LocatorMissing(f"item cell label={label!r}", f"row {i + 1}")
                    cell.fill(_text(item.get(name)))
            required(page, self.entry["save"], "save draft").click()
            outcome = resolve(page, self.entry["saved"]).first.or_(resolve(page, self.entry["errors"]).first)
            self.session.wait_for(page, outcome)  # type: ignore[arg-type]
            errors = resolve(page, self.entry["errors"])
            if errors.count():
                messages = [t.strip() for t in errors.first.locator("li").all_inner_texts()] or [errors.first.inner_text()]
                raise DeclarationRejected(messages)
            return self._read_state(page)

        return self.session.step("customs: save draft", fill)

    def submit(self, pre_entry_no: str) -> Filing:
        """Submit a saved draft (the portal decides later: poll with :meth:`wait_for_decision`)."""

        def go(page: Page) -> Filing:
            self.session.goto(page, self.entry["edit_url"].format(pre_entry_no=pre_entry_no), self.entry["save"])
            state = self._read_state(page)
            if state.status != "draft":
                return state                      # already submitted (e.g. a retry after a lost answer)
            required(page, self.entry["submit"], "submit").click()
            self.session.wait_for(page, resolve(page, self.entry["saved"]).first.or_(
                resolve(page, self.entry["errors"]).first))  # type: ignore[arg-type]
            errors = resolve(page, self.entry["errors"])
            if errors.count():
                raise DeclarationRejected([t.strip() for t in errors.first.locator("li").all_inner_texts()],
                                          stage="submit", pre_entry_no=pre_entry_no)
            return self._read_state(page)

        return self.session.step(f"customs: submit {pre_entry_no}", go)

    def status(self, pre_entry_no: str) -> Filing:
        """The declaration's row on the query page."""
        spec = self.profile.data["query"]

        def read(page: Page) -> Filing:
            self.session.goto(page, spec["url"], spec["table"])
            got = extract(page, {"t": (spec["table"], "table")})["results"]["t"]
            if got is None:
                raise LocatorMissing(str(spec["table"]), "query page")
            for row in got["rows"]:
                if row["cells"].get(spec["number_column"]) == pre_entry_no:
                    status = spec["status"].get(row["cells"][spec["status_column"]])
                    if status is None:
                        raise LocatorMissing(spec["status_column"], f"unknown status {row['cells'][spec['status_column']]!r}")
                    return Filing(pre_entry_no, status, row["cells"].get(spec["customs_no_column"]) or None,
                                  row["cells"].get(spec["reason_column"]) or None)
            raise LocatorMissing(f"row {pre_entry_no} in {spec['table']}", "not on the query page")

        return self.session.step(f"customs: status of {pre_entry_no}", read)

    def wait_for_decision(self, pre_entry_no: str, *, timeout: float = 120, interval: float = 1.0) -> Filing:
        """Poll the query page until customs accepts or returns the declaration (or ``timeout`` passes)."""
        deadline = time.monotonic() + timeout
        while True:
            filing = self.status(pre_entry_no)
            if filing.status in FINAL:
                return filing
            if time.monotonic() > deadline:
                raise BotError(f"declaration {pre_entry_no}: still {filing.status} after {timeout:.0f} s")
            time.sleep(interval)

    def _read_state(self, page: Page) -> Filing:
        pairs = extract(page, {"p": ("body", "pairs")})["results"]["p"] or {}
        number = pairs.get(self.entry["number_label"], "")
        if not number.startswith("E"):
            raise LocatorMissing(f"label {self.entry['number_label']!r}", f"value {number!r}")
        status = self.profile.data["query"]["status"].get(pairs.get(self.entry["status_label"], ""), "draft")
        return Filing(number, status, pairs.get(self.entry["customs_no_label"]) or None,
                      pairs.get(self.entry["reason_label"]) or None)


def file_declaration(session: PortalSession, profile: Profile, declaration: Any, *, submit: bool = False,
                     wait: bool = True, timeout: float = 120) -> Filing:
    """Save a declaration as a draft; with ``submit`` also submit it and (with ``wait``) poll the decision."""
    filer = CustomsFiler(session, profile)
    filing = filer.save_draft(declaration)
    if not submit:
        return filing
    filing = filer.submit(filing.pre_entry_no)
    return filer.wait_for_decision(filing.pre_entry_no, timeout=timeout) if wait else filing
