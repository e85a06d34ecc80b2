"""A rule (or grading, lifecycle) file with an error is rejected as a whole, with its line and reason."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from hub.errors import InputError
from hub.orderdesk.grading import load_grading
from hub.orderdesk.lifecycle import load_lifecycle
from hub.orderdesk.rules import load_rules

SHIPPED = resources.files("hub.orderdesk").joinpath("data/review_rules.toml").read_text(encoding="utf-8")


def _with(tmp_path: Path, text: str, name: str = "rules.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def _reject(loader, path: Path) -> str:
    with pytest.raises(InputError) as exc:
        loader(path)
    message = str(exc.value)
    assert message.startswith(str(path)) and "nothing of it was loaded" in message
    return message


def test_the_shipped_rules_load() -> None:
    rules = load_rules()
    assert [r.id for r in rules.rules][:2] == ["large_order_non_a", "special_process"]
    assert rules.kind_of("freeze") == "hold"


def test_toml_syntax_error_names_its_line(tmp_path: Path) -> None:
    text = SHIPPED.replace('id = "special_process"', 'id = "special_process', 1)
    message = _reject(load_rules, _with(tmp_path, text))
    line = _line_of(text, 'id = "special_process')
    assert f"line {line}: TOML syntax error" in message


def test_unknown_field_names_its_line_and_the_field(tmp_path: Path) -> None:
    text = SHIPPED.replace('field = "order.lead_days"', 'field = "order.lead_time"', 1)
    message = _reject(load_rules, _with(tmp_path, text))
    assert f"line {_line_of(text, 'order.lead_time')}: rule short_lead_time: unknown field 'order.lead_time'" in message


def test_bad_operator_names_its_line(tmp_path: Path) -> None:
    text = SHIPPED.replace('{ field = "order.total_cny", op = ">"', '{ field = "order.total_cny", op = "=>"', 1)
    message = _reject(load_rules, _with(tmp_path, text))
    line = _line_of(text, 'op = "=>"')
    assert f"line {line}: rule large_order_non_a: bad operator '=>' for number field order.total_cny" in message


def test_operator_that_does_not_fit_the_field_type(tmp_path: Path) -> None:
    text = SHIPPED.replace('{ field = "customer.grade", op = "==", value = "A" }',
                           '{ field = "customer.grade", op = ">", value = "A" }', 1)
    message = _reject(load_rules, _with(tmp_path, text))
    assert "rule a_customer_urgent: bad operator '>' for text field customer.grade" in message


@pytest.mark.parametrize("bad", ['"5万"', '"50,000.00.1"', "true"])
def test_bad_number_names_its_line(tmp_path: Path, bad: str) -> None:
    text = SHIPPED.replace('op = ">", value = "50000"', f'op = ">", value = {bad}', 1)
    message = _reject(load_rules, _with(tmp_path, text))
    assert f"line {_line_of(text, f'value = {bad}')}: rule large_order_non_a: order.total_cny >: bad number" in message


def test_unknown_action_and_unknown_key_and_every_error_at_once(tmp_path: Path) -> None:
    text = SHIPPED.replace('action = "production_alert"', 'action = "alert_boss"', 1).replace(
        'id = "overdue_days"', 'id = "overdue_days"\nseverity = "high"', 1)
    message = _reject(load_rules, _with(tmp_path, text))
    assert f"line {_line_of(text, 'alert_boss')}: rule short_lead_time: unknown action 'alert_boss'" in message
    assert f"line {_line_of(text, 'severity')}: rule overdue_days: unknown key 'severity'" in message


def test_condition_missing_value_and_duplicate_id(tmp_path: Path) -> None:
    text = SHIPPED.replace('op = "<", value = 3 }', 'op = "<" }', 1).replace(
        'id = "stock_short"', 'id = "special_process"', 1)
    message = _reject(load_rules, _with(tmp_path, text))
    assert "rule short_lead_time: order.lead_days < needs a value" in message
    assert "the id is used twice" in message


def test_disabled_rule_is_skipped(tmp_path: Path) -> None:
    text = SHIPPED.replace('id = "a_customer_urgent"', 'id = "a_customer_urgent"\nenabled = false', 1)
    assert "a_customer_urgent" not in [r.id for r in load_rules(_with(tmp_path, text)).rules]


def test_missing_rule_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        load_rules("/nonexistent/rules.toml")


GRADING = resources.files("hub.orderdesk").joinpath("data/grading.toml").read_text(encoding="utf-8")


def test_grading_file_errors_name_their_lines(tmp_path: Path) -> None:
    text = GRADING.replace("[factors.margin]", "[factors.marge]").replace("A = 80", "A = 50").replace(
        'worst = "0.5"', 'worst = "half"')
    message = _reject(load_grading, _with(tmp_path, text, "grading.toml"))
    assert f"line {_line_of(text, '[factors.marge]')}: unknown factor 'marge'" in message
    assert f"line {_line_of(text, 'A = 50')}: grades.A (50) must be above grades.B (55)" in message
    assert f"line {_line_of(text, 'half')}: factor overdue_ratio.worst: 'half' is not a number" in message


def test_lifecycle_file_errors_name_their_lines(tmp_path: Path) -> None:
    text = resources.files("hub.orderdesk").joinpath("data/lifecycle.toml").read_text(encoding="utf-8")
    text = text.replace('requires = ["payment_confirmed"]', 'requires = ["payment_recieved"]')
    message = _reject(load_lifecycle, _with(tmp_path, text, "lifecycle.toml"))
    assert f"line {_line_of(text, 'payment_recieved')}: transition #5: unknown gate 'payment_recieved'" in message
