"""The flag rules of a claim (quotes.claims.flags.FLAG_RULES), one row per rule: each row is
evidence that raises the rule's flag, and the flag goes when the rule is taken out of the list."""

from __future__ import annotations

import pytest

from quotes.claims import flags
from quotes.claims.flags import FLAG_RULES, flags_of
from quotes.types import ASSERTS, OUTLET, DENIES, Attribution, ChainLink, Speaker


def st(doc: str, name: str, kind: str = "person", stance: str = ASSERTS, chain=()) -> Attribution:
    return Attribution(doc, "indirect", "x", 0, 1, "said", stance, Speaker(name, name, kind),
                       tuple(ChainLink(c, OUTLET) for c in chain))


@pytest.mark.parametrize("rule, stances, publishers", [
    ("unconfirmed", [(st("a", "officials", "anonymous"), ASSERTS)], None),
    ("contradicted", [(st("a", "Ann Lee"), ASSERTS), (st("b", "Bo Chen", stance=DENIES), DENIES)], None),
    ("confirmed", [(st("a", "Ann Lee"), ASSERTS), (st("b", "Bo Chen"), ASSERTS)], None),
    ("single_source", [(st(d, "Ann Lee", chain=["AP"]), ASSERTS) for d in "abc"], {d: f"Outlet {d}" for d in "abc"}),
])
def test_flag_rule(rule, stances, publishers, monkeypatch):
    assert rule in [r.__name__ for r in FLAG_RULES]
    assert rule in [f.name for f in flags_of(stances, publishers)]
    monkeypatch.setattr(flags, "FLAG_RULES", tuple(r for r in FLAG_RULES if r.__name__ != rule))
    assert rule not in [f.name for f in flags_of(stances, publishers)]


def test_flags_come_in_rule_order():
    stances = [(st("a", "Ann Lee"), ASSERTS), (st("b", "Bo Chen"), DENIES)]
    assert [f.name for f in flags_of(stances)] == ["contradicted", "single_source"]
