"""The NER model on the two example articles (issue 14, acceptance 1): every person named in
them is tagged a person by the model itself, and the news agencies come out as outlets once
the lexicon has corrected the entities."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

AA, NW = "aa_putin_accepts_invitation", "putin_nato_visit_postponed"

PERSONS = [
    (AA, "Vladimir Putin"), (AA, "Recep Tayyip Erdogan"), (AA, "Dmitry Peskov"),
    (AA, "Jens Stoltenberg"), (AA, "Antony Blinken"),
    (NW, "Vladimir Putin"), (NW, "Recep Tayyip Erdoğan"), (NW, "Dmitry Peskov"),
    (NW, "Yuri Ushakov"), (NW, "Tucker Carlson"), (NW, "Bill Clinton"),
]

OUTLETS = [(NW, "Tass"), (NW, "Interfax"), (NW, "Sputnik"), (NW, "Fox News"), (AA, "AA")]


@pytest.fixture(scope="module")
def parsed(nlp, example_texts):
    from quotes.nlp.pipeline import parse
    ids = sorted(example_texts)
    return dict(zip(ids, parse([example_texts[i] for i in ids], ner=True)))


@pytest.mark.parametrize("doc, name", PERSONS)
def test_person_is_tagged_person(parsed, doc, name):
    """The model tags the person PER, never another type: its span the name, the name after
    titles ("President Recep Tayyip Erdoğan") or the name's last words ("Tayyip Erdoğan", a
    first name left out); the corrected entities name the person whole."""
    from quotes.lexicons import fold, load
    from quotes.nlp.entities import corrected_entities
    titles = load().titles
    found = {e.text: e.type for e in parsed[doc].entities if e.text.endswith(name.split()[-1])}
    named = {t: typ for t, typ in found.items() if (" " + name).endswith(" " + t) or t.endswith(name)
             and all(fold(w).rstrip(".") in titles for w in t[:-len(name)].split())}
    assert named and set(named.values()) == {"PERSON"}, found
    assert {e.type for e in corrected_entities(parsed[doc]) if e.text == name} == {"PERSON"}


@pytest.mark.parametrize("doc, name", OUTLETS)
def test_agency_is_an_outlet(parsed, doc, name):
    from quotes.nlp.entities import corrected_entities
    types = {e.type for e in corrected_entities(parsed[doc]) if e.text == name}
    assert types == {"OUTLET"}, types


def test_no_person_is_tagged_otherwise(parsed):
    """No person's surname is tagged a place or an organisation anywhere (the old model read
    "Peskov" as a place and "State Antony Blinken" as one)."""
    surnames = {name.split()[-1] for _, name in PERSONS}
    wrong = [(d, e.text, e.type) for d, doc in parsed.items() for e in doc.entities
             if e.type != "PERSON" and surnames & set(e.text.split())]
    assert not wrong, wrong
