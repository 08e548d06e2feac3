"""Rules as named, ordered data, and the trace that explains them.

How to write rules
------------------

A **rule** is a plain module-level function with a docstring. Its first docstring paragraph
says in a few words what it reads or rejects (the trace shows it as the rule's *why*);
the rest of the docstring gives a runnable example on a hand-made parse (``Tree.of``).
It returns ``None`` when it does not apply, anything else when it does.

A **sequence** is a module-level tuple of rules, tried in the order written::

    VETOES = (unrealized_speech, asked_participle, ...)     # reasons a word is no cue
    CONTENT_READINGS = (complement_clause, bidding, ...)    # where what was said hangs
    FILTERS = (evidence_without_finding, ...)               # checks on what was read

and a module lists its sequences by name in ``RULE_SEQUENCES`` (tests remove each rule in
turn and check that its own test row then fails: ``tests/test_rules.py``). Code that
applies a sequence reads the module global when it runs (never a default argument), so
tests can monkeypatch it. Three ways to apply one:

- :func:`first_veto` -- the first rule that returns a truthy value; its name, or ``None``;
- :func:`first_match` -- ``(rule, value)`` of the first rule with a value, or ``None``;
- :func:`run_filters` -- each filter in turn (it may change its state) until one returns a :class:`Stop`;
- :func:`tried` -- one rule on its own, traced (for rules applied in a fixed place).

Every record remembers its rule: :attr:`~quotes.types.Cue.rule` and
:attr:`~quotes.types.Attribution.rule` hold the name of the rule that produced it.

Tracing
-------

Nothing is recorded unless a trace is on: :func:`tracing` switches it on for the code run
inside its ``with`` block (a context variable, so it costs one look-up per rule when off).
Each rule tried adds a :class:`Step` (rule, outcome -- ``fired``, ``vetoed`` or
``no-match`` -- and a short why) at the position set by :func:`at`:

>>> def short(word):
...     '''A word of three letters or fewer.'''
...     return word if len(word) <= 3 else None
>>> def capital(word):
...     '''A capitalised word.'''
...     return word if word[:1].isupper() else None
>>> READINGS = (short, capital)
>>> with tracing() as trace:
...     at(0, 1)
...     found = first_match(READINGS, "Moscow")
>>> found[0].__name__, found[1]
('capital', 'Moscow')
>>> [(s.rule, s.outcome, s.why) for s in trace.steps]
[('short', 'no-match', 'A word of three letters or fewer.'), ('capital', 'fired', 'A capitalised word.')]
>>> first_match(READINGS, "Tass")[1]        # no trace on: nothing recorded, same answer
'Tass'
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Callable, Iterator

#: Outcomes of trying one rule.
FIRED = "fired"
VETOED = "vetoed"
NO_MATCH = "no-match"

Rule = Callable[..., Any]


@dataclass(frozen=True, slots=True)
class Stop:
    """A rule's verdict that ends the search with ``value`` as the answer: a rule that claims
    the case returns ``Stop(result)``; :data:`VETO` (``Stop(None)``) claims it for nothing."""

    value: Any = None
    #: why, when the rule's summary does not say it (the trace shows it)
    why: str | None = None


#: The verdict of a rule that claims a case and finds that nothing comes of it.
VETO = Stop()


def veto(why: str) -> Stop:
    """:data:`VETO` with a reason for the trace: ``return rules.veto("no clause after the noun")``."""
    return Stop(None, why)


@dataclass(frozen=True, slots=True)
class Step:
    """One rule tried: its name, what came of it, why, and where (sentence index, word id)."""

    rule: str
    outcome: str
    why: str
    sentence: int | None = None
    word: int | None = None


@dataclass
class Trace:
    """The steps recorded while :func:`tracing` was on, in the order the rules ran."""

    steps: list[Step] = field(default_factory=list)
    sentence: int | None = None
    word: int | None = None

    def at_word(self, sentence: int, word: int) -> list[Step]:
        """The steps recorded for word ``word`` of sentence ``sentence``."""
        return [s for s in self.steps if s.sentence == sentence and s.word == word]


_CURRENT: ContextVar[Trace | None] = ContextVar("quotes_rule_trace", default=None)


@contextmanager
def tracing() -> Iterator[Trace]:
    """Record every rule tried inside the ``with`` block into the :class:`Trace` it yields."""
    trace = Trace()
    token = _CURRENT.set(trace)
    try:
        yield trace
    finally:
        _CURRENT.reset(token)


def active() -> Trace | None:
    """The trace being recorded, or ``None`` (the usual case: nothing to do)."""
    return _CURRENT.get()


def at(sentence: int, word: int | None) -> None:
    """Where the next steps happen: word ``word`` (an id) of sentence ``sentence``."""
    trace = _CURRENT.get()
    if trace is not None:
        trace.sentence, trace.word = sentence, word


def name(rule: Rule | str) -> str:
    """A rule's name: the function's name (a string stands for itself).

    >>> name(name), name("bare cue")
    ('name', 'bare cue')
    """
    return rule if isinstance(rule, str) else rule.__name__


def summary(rule: Rule | str) -> str:
    """The first paragraph of a rule's docstring, on one line: what the trace shows as its
    why.

    >>> summary(summary)
    "The first paragraph of a rule's docstring, on one line: what the trace shows as its why."
    """
    doc = "" if isinstance(rule, str) else (rule.__doc__ or "")
    return " ".join(doc.strip().split("\n\n")[0].split())


def record(rule: Rule | str, outcome: str, why: str | None = None) -> None:
    """Add a step for ``rule`` to the current trace, if one is on (``why``: its summary)."""
    trace = _CURRENT.get()
    if trace is not None:
        trace.steps.append(Step(name(rule), outcome, why if why is not None else summary(rule),
                                trace.sentence, trace.word))


def first_veto(rules: tuple[Rule, ...], *args: Any) -> Rule | None:
    """The first rule of ``rules`` that returns a truthy value for ``args`` (it vetoes), or None.

    >>> def empty(s):
    ...     '''Nothing at all.'''
    ...     return not s
    >>> first_veto((empty,), "").__name__, first_veto((empty,), "x")
    ('empty', None)
    """
    trace = _CURRENT.get()
    for rule in rules:
        hit = rule(*args)
        if trace is not None:
            record(rule, VETOED if hit else NO_MATCH, hit if isinstance(hit, str) else None)
        if hit:
            return rule
    return None


def first_match(rules: tuple[Rule, ...], *args: Any) -> tuple[Rule, Any] | None:
    """``(rule, value)`` for the first rule of ``rules`` whose value for ``args`` is not None
    (a :class:`Stop` counts; the trace shows :data:`VETO` as vetoed)."""
    trace = _CURRENT.get()
    for rule in rules:
        value = rule(*args)
        if trace is not None:
            record(rule, _outcome(value), _why(value))
        if value is not None:
            return rule, value
    return None


def run_filters(filters: tuple[Rule, ...], *args: Any) -> Stop | None:
    """Apply each filter in turn (a filter may change the state it is given); the first
    :class:`Stop` a filter returns ends the run and is returned. A filter returns ``None``
    when it does not apply, any other value when it applied and the run goes on.

    >>> def nothing_left(xs):
    ...     "Nothing is left."
    ...     return VETO if not xs else None
    >>> run_filters((nothing_left,), []) is VETO, run_filters((nothing_left,), [1])
    (True, None)
    """
    trace = _CURRENT.get()
    for f in filters:
        value = f(*args)
        if trace is not None:
            record(f, _outcome(value), _why(value))
        if isinstance(value, Stop):
            return value
    return None


def tried(rule: Rule, *args: Any, outcome: str = FIRED) -> Any:
    """``rule(*args)``, traced as ``outcome`` when it gives a value (a veto: ``outcome=VETOED``)."""
    value = rule(*args)
    if _CURRENT.get() is not None:
        got = _outcome(value)
        record(rule, outcome if got == FIRED else got)
    return value


def _why(value: Any) -> str | None:
    return value.why if isinstance(value, Stop) else None


def _outcome(value: Any) -> str:
    if value is None or value is False:
        return NO_MATCH
    return VETOED if isinstance(value, Stop) and value.value is None else FIRED


def sequences(module: ModuleType) -> dict[str, tuple[Rule, ...]]:
    """The rule sequences a module declares in ``RULE_SEQUENCES``, by name, as they stand now."""
    return {n: getattr(module, n) for n in getattr(module, "RULE_SEQUENCES", ())}
