"""Reading a page in one round trip: a small resolver for the profile's locator specs (role + name,
label, text, test id, CSS) and readers for label/value pairs and tables, run in the page as one script.
It is the fast path: when it finds nothing, callers fall back to Playwright's own locators, which wait
and give the diagnostics (and cost a first-query setup of ~100 ms per page on a small machine)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

#: The page's text as the readers compare it: blanks collapsed, ends trimmed.
_CLEAN = r"""const clean = s => (s || '').replace(/\s+/g, ' ').trim();"""

#: Label/value pairs under ``root``: ``<dt>``/``<dd>`` and ``<th>``/``<td>`` side by side (uses ``clean``).
_PAIRS = r"""root => {
  const out = {};
  for (const dt of root.querySelectorAll('dt')) {
    const dd = dt.nextElementSibling;
    if (dd && dd.tagName === 'DD') out[clean(dt.innerText)] = clean(dd.innerText);
  }
  for (const tr of root.querySelectorAll('tr')) {
    const c = [...tr.children];
    for (let i = 0; i + 1 < c.length; i++)
      if (c[i].tagName === 'TH' && c[i + 1].tagName === 'TD') out[clean(c[i].innerText)] = clean(c[i + 1].innerText);
  }
  return out;
}"""

#: A table's header cells and, per body row of as many cells, its texts and links by header (uses ``clean``).
_TABLE = r"""t => {
  const heads = [...t.querySelectorAll('thead th')].map(th => clean(th.innerText));
  const rows = [];
  for (const tr of t.querySelectorAll('tbody tr')) {
    const cells = [...tr.children];
    if (cells.length !== heads.length) continue;
    const row = {cells: {}, links: {}};
    cells.forEach((td, i) => {
      row.cells[heads[i]] = clean(td.innerText);
      const a = td.querySelector('a[href]');
      if (a) row.links[heads[i]] = {text: clean(a.innerText), href: a.href};
    });
    rows.push(row);
  }
  return {heads, rows};
}"""

EXTRACT_JS = r"""({markers, targets}) => {
  const ROLES = {table: 'table,[role=table],[role=grid]', region: 'section,[role=region]', navigation: 'nav,[role=navigation]',
                 link: 'a[href],[role=link]', button: 'button,[role=button],input[type=submit],input[type=button]',
                 alert: '[role=alert]', status: '[role=status],output', heading: 'h1,h2,h3,h4,h5,h6,[role=heading]',
                 textbox: 'input:not([type]),input[type=text],input[type=email],input[type=password],textarea,[role=textbox]',
                 row: 'tr,[role=row]', cell: 'td,[role=cell]', columnheader: 'th,[role=columnheader]'};
  """ + _CLEAN + r"""
  const name = el => {
    if (el.getAttribute('aria-label')) return clean(el.getAttribute('aria-label'));
    const by = el.getAttribute('aria-labelledby');
    if (by) return clean(by.split(/\s+/).map(id => (document.getElementById(id) || {}).textContent).join(' '));
    if (el.tagName === 'TABLE' && el.caption) return clean(el.caption.textContent);
    if (['A', 'BUTTON'].includes(el.tagName) || el.getAttribute('role') === 'button' || el.getAttribute('role') === 'link')
      return clean(el.textContent);
    if (el.tagName === 'INPUT') return clean(el.value);
    return '';
  };
  const matches = (text, wanted, exact) => exact ? text === wanted : text.toLowerCase().includes(String(wanted).toLowerCase());
  const visible = el => !el.hidden && !el.closest('[hidden]');
  const find = spec => {
    let found = [];
    if (typeof spec === 'string') found = [...document.querySelectorAll(spec)];
    else if (spec.css) found = [...document.querySelectorAll(spec.css)];
    else if (spec.test_id) found = [...document.querySelectorAll(`[data-testid="${CSS.escape(spec.test_id)}"]`)];
    else if (spec.role) {
      const sel = ROLES[spec.role];
      if (!sel) return undefined;                                   // a role this reader does not know
      found = [...document.querySelectorAll(sel)].filter(el => {
        if (spec.role === 'region' && el.tagName === 'SECTION' && !name(el)) return false;
        return spec.name === undefined || matches(name(el), spec.name, spec.exact);
      });
    } else if (spec.label) {
      for (const label of document.querySelectorAll('label')) {
        if (!matches(clean(label.textContent), spec.label, spec.exact)) continue;
        const el = label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector('input,select,textarea');
        if (el) found.push(el);
      }
      found.push(...[...document.querySelectorAll('[aria-label]')].filter(el => el.tagName !== 'SECTION' &&
                 matches(clean(el.getAttribute('aria-label')), spec.label, spec.exact)));
    } else if (spec.text) {
      found = [...document.querySelectorAll('body *')].filter(el => matches(clean(el.textContent), spec.text, spec.exact));
      found = found.filter(el => ![...el.children].some(c => found.includes(c)));
    } else return undefined;
    found = found.filter(visible);
    return found[spec.nth || 0] || null;
  };
  const pairs = """ + _PAIRS + r""";
  const table = """ + _TABLE + r""";
  const body = document.body ? document.body.textContent : '';
  const marker = (markers || []).find(t => body.includes(t)) || null;
  const results = {};
  for (const [key, {spec, kind}] of Object.entries(targets || {})) {
    const el = find(spec);
    if (!el) { results[key] = null; continue; }
    results[key] = kind === 'pairs' ? pairs(el) : kind === 'table' ? table(el) : kind === 'text' ? clean(el.innerText)
                 : kind === 'href' ? el.href || null : true;
  }
  return {marker, results};
}"""

TABLE_JS = "(t) => {\n" + _CLEAN + "\nreturn (" + _TABLE + ")(t);\n}"

PAIRS_JS = "(root) => {\n" + _CLEAN + "\nreturn (" + _PAIRS + ")(root);\n}"


def extract(page: Page, targets: dict[str, tuple[Any, str]], markers: list[str] | tuple[str, ...] = ()) -> dict:
    """One round trip: ``{"marker": the first transient text on the page or None, "results": {key: data or
    None}}`` for targets ``{key: (locator spec, "pairs" | "table" | "text" | "href" | "exists")}``."""
    args = {"markers": list(markers), "targets": {k: {"spec": spec, "kind": kind} for k, (spec, kind) in targets.items()}}
    return page.evaluate(EXTRACT_JS, args)
