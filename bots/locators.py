"""Locators as data: a site profile names an element by role, label, text, placeholder or test id first,
CSS only as a last resort. ``{role = "button", name = "Sign in"}`` becomes ``page.get_by_role(...)``."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, Page

from hub.errors import InputError

KINDS = ("role", "label", "text", "placeholder", "test_id", "css")


def resolve(scope: Page | Locator, spec: dict[str, Any] | str | Locator) -> Locator:
    """The Playwright locator a spec names (a plain string is CSS; a Locator is taken as it is)."""
    if isinstance(spec, Locator):
        return spec
    if isinstance(spec, str):
        return scope.locator(spec)
    exact = spec.get("exact")
    if "role" in spec:
        kwargs: dict[str, Any] = {}
        if "name" in spec:
            kwargs["name"] = spec["name"]
        if exact is not None:
            kwargs["exact"] = exact
        loc = scope.get_by_role(spec["role"], **kwargs)
    elif "label" in spec:
        loc = scope.get_by_label(spec["label"], exact=bool(exact))
    elif "text" in spec:
        loc = scope.get_by_text(spec["text"], exact=bool(exact))
    elif "placeholder" in spec:
        loc = scope.get_by_placeholder(spec["placeholder"], exact=bool(exact))
    elif "test_id" in spec:
        loc = scope.get_by_test_id(spec["test_id"])
    elif "css" in spec:
        loc = scope.locator(spec["css"])
    else:
        raise InputError(f"a locator needs one of {', '.join(KINDS)}: {spec!r}")
    if "nth" in spec:
        loc = loc.nth(int(spec["nth"]))
    return loc


def describe(spec: dict[str, Any] | str | Locator) -> str:
    """A locator spec as one readable line, for errors."""
    if isinstance(spec, Locator):
        return str(spec)
    if isinstance(spec, str):
        return f"css={spec}"
    return ", ".join(f"{k}={v!r}" for k, v in spec.items())
