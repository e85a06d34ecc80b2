"""A user's own rules file: every operator on every type of fact, evaluated on real orders."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.orderdesk.desk import Desk
from hub.orderdesk.review import Reviewer
from hub.orderdesk.rules import load_rules

RULES = """
[actions.check]
kind = "alert"
label = "检查 / Check"
owner = "sales"

[[rule]]
id = "dealer_or_marketplace"
action = "check"
when = [{ field = "order.channel", op = "in", value = ["dealer", "marketplace"] }]

[[rule]]
id = "not_cny"
action = "check"
when = [{ field = "order.currency", op = "not_in", value = ["CNY"] }]

[[rule]]
id = "sample_in_text"
action = "check"
when = [{ field = "order.text", op = "contains", value = "样品" }]

[[rule]]
id = "ecoat_listed"
action = "check"
when = [{ field = "order.special_processes", op = "contains", value = "电泳 (electrophoretic coating)" }]

[[rule]]
id = "no_promise"
action = "check"
when = [{ field = "order.lead_days", op = "empty" }]

[[rule]]
id = "export_two_lines_or_more"
action = "check"
when = [
  { field = "order.export", op = "==", value = true },
  { field = "order.line_count", op = ">=", value = 1 },
]

[[rule]]
id = "unknown_customer"
action = "check"
when = [{ field = "customer.known", op = "==", value = false }]

[[rule]]
id = "exactly_100"
action = "check"
when = [{ field = "order.total", op = "==", value = "100.00" }]

[[rule]]
id = "not_100_and_small"
action = "check"
when = [
  { field = "order.total", op = "!=", value = 100 },
  { field = "order.total_cny", op = "<=", value = "1000" },
]
"""


@pytest.fixture
def rules(tmp_path: Path):
    path = tmp_path / "my_rules.toml"
    path.write_text(RULES, encoding="utf-8")
    return load_rules(path)


@pytest.mark.parametrize(("kw", "expected"), [
    ({"channel": "dealer"}, {"dealer_or_marketplace", "no_promise", "exactly_100"}),
    ({"currency": "USD", "promised": "x"}, {"not_cny", "exactly_100"}),
    ({"remarks": "先寄样品 2 件, 电泳黑"}, {"sample_in_text", "ecoat_listed", "no_promise", "exactly_100"}),
    ({"export": True, "customer": "C999"}, {"export_two_lines_or_more", "unknown_customer", "no_promise",
                                             "exactly_100"}),
    ({"total": "99.99"}, {"no_promise", "not_100_and_small"}),
])
def test_operators(k, store, put, rules, kw, expected) -> None:
    put(k.customer())
    if kw.pop("promised", None):
        kw["promised"] = k.AS_OF + k.days(10)
    order = k.order("X1", kw.pop("total", "100.00"), **kw)
    hits = Reviewer(Desk.load(store, as_of=k.AS_OF), rules).review(order).hits
    assert {h.rule for h in hits} == expected
