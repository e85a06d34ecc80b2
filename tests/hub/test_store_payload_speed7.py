"""A payload's two JSON texts (branch speed7): :class:`hub.store.Payload` dumps once with ``ensure_ascii=False``
(the ``--json`` line's) and derives the stored text (``json.dumps``'s ASCII) from it; both must be what
``json.dumps`` writes, for every character."""

import json
import random

from hub.store import Payload, json_text
from matchers.bulk import json_line

#: the characters where the two escapes differ or are easy to get wrong
EDGES = ["天津有限公司", "x\"y\\z\n\t\r\b\f\x00\x01\x1f", "\x7f", "é ü ÿ \x80", "\u2028\u2029", "😀 天", "\ud800 lone",
         "\\u5929 written out", "天 \\x41 \\U0001", "—≥€", ""]


def _samples() -> list[dict]:
    rng = random.Random(16)
    out: list[dict] = [{"s": e, e: [e, 1, 2.5, None, True]} for e in EDGES]
    for _ in range(5000):
        chars = [chr(rng.choice([rng.randint(0, 0x7f), rng.randint(0x80, 0x3ff), rng.randint(0x400, 0xffff),
                                 rng.randint(0x10000, 0x10ffff)])) for _ in range(rng.randint(0, 12))]
        text = "".join(chars)
        out.append({"s": text, "n": rng.random(), "l": [text, text[::-1], {"k": text}], text: 1})
    return out


def test_payload_texts_are_json_dumps() -> None:
    for sample in _samples():
        payload = Payload(sample)
        assert payload.plain() == json.dumps(sample, ensure_ascii=False)
        assert payload.text() == json.dumps(sample) == json_text(payload)
        assert json_line(None, payload) == json.dumps({"kind": "match", "record": sample},  # type: ignore[arg-type]
                                                      ensure_ascii=False)


def test_json_text_of_other_values() -> None:
    assert json_text(None) == json.dumps(None) == "null"
    assert json_text({"a": "天"}) == json.dumps({"a": "天"})
