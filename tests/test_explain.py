"""``quotes explain``: the parse of a sentence and the rules that fired or vetoed."""

import pytest

from quotes.cli import main
from quotes.errors import InputError
from quotes.extractors.explain import explain, explain_doc
from quotes.extractors.speaker_rules import SPEAKER_READINGS
from quotes.extractors.verbs import VETOES
from tests.conftest import EXAMPLES
from tests.test_rules import doc_from

USHAKOV = "Yuri Ushakov, told the Interfax news agency that"
NATO = EXAMPLES / "putin_nato_visit_postponed.txt"


def test_explain_a_hand_made_parse():
    text, doc = doc_from("Peskov/PROPN/2/nsubj said/VERB/0/root that/SCONJ/6/mark the/DET/5/det visit/NOUN/6/nsubj "
                         "ended/VERB/2/ccomp ./PUNCT/2/punct a/DET/9/det reported/VERB:VBN/10/amod deal/NOUN/0/root")
    (s,) = explain_doc(doc, sentence=1)
    (r,) = s.records
    assert (r.attribution.rule, r.speaker_rule) == ("complement_clause", "own_subject")
    fired = [x.rule for x in r.steps if x.outcome == "fired"]
    assert fired.index("own_subject") < fired.index("complement_clause") < fired.index("trim_edges")
    assert "speaker 'Peskov' (" in r.speaker_why() and "own_subject" in r.speaker_why()
    [(word, steps)] = s.unclaimed  # "reported" was tried and vetoed
    assert word.text == "reported" and ("attributive_participle", "vetoed") in [(x.rule, x.outcome) for x in steps]
    text_out = s.to_text()
    assert "speaker readings, in order: after_quote_subject no-match" in text_out
    assert "vetoed   attributive_participle" in text_out


@pytest.mark.parametrize("where, message", [({"sentence": 9}, "no sentence 9"), ({"at": 10_000}, "offset 10000")])
def test_explain_out_of_range_is_a_clear_error(where, message):
    text, doc = doc_from("Peskov/PROPN/2/nsubj said/VERB/0/root it/PRON/2/obj ./PUNCT/2/punct")
    with pytest.raises(InputError, match=message):
        explain_doc(doc, **where)


@pytest.mark.model
def test_explain_ushakov_told_interfax(nlp):
    text = NATO.read_text(encoding="utf-8")
    (s,) = explain(text, at=text.index(USHAKOV))
    assert USHAKOV in s.text
    (r,) = [r for r in s.records if r.attribution.content.startswith("the Russian president was considering")]
    assert r.attribution.cue == "told" and r.attribution.rule == "complement_clause"
    ran = [x.rule for x in r.steps]
    # the vetoes ran first (none vetoed), then the speaker readings in their stated order
    assert ran[:len(VETOES)] == [v.__name__ for v in VETOES]
    readings = [x for x in ran if x in {f.__name__ for f in SPEAKER_READINGS}]
    assert readings == [f.__name__ for f in SPEAKER_READINGS][:len(readings)]
    assert r.speaker_rule in ran and r.speaker_rule in r.speaker_why()
    assert repr(r.attribution.speaker.name) in r.speaker_why()
    out = s.to_text()
    assert "told" in out and "Ushakov" in out and "speaker readings, in order:" in out


@pytest.mark.model
def test_explain_command(nlp, capsys):
    assert main(["explain", str(NATO), "--sentence", "6"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# putin_nato_visit_postponed sentence 6") and "complement_clause" in out
    assert main(["explain", str(NATO), "--sentence", "999"]) != 0
    assert "no sentence 999" in capsys.readouterr().err
