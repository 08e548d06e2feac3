"""Claim keys: every form of a word gets one stem (model-free)."""

from __future__ import annotations

import pytest

from quotes.claims.normalize import claim_keys, stem, verb_forms
from quotes.errors import InputError
from quotes.lexicons import lines

# (form, lemma): irregular and short verbs, then regular words the suffix rules handle
SAME_STEM = [
    ("died", "die"), ("dies", "die"), ("dying", "die"), ("lied", "lie"), ("lying", "lie"),
    ("tied", "tie"), ("tying", "tie"), ("used", "use"), ("using", "use"),
    ("took", "take"), ("taken", "take"), ("takes", "take"), ("taking", "take"),
    ("made", "make"), ("makes", "make"), ("making", "make"),
    ("lost", "lose"), ("loses", "lose"), ("losing", "lose"),
    ("fled", "flee"), ("sought", "seek"), ("caught", "catch"), ("struck", "strike"),
    ("arose", "arise"), ("sent", "send"), ("spent", "spend"), ("paid", "pay"),
    ("saw", "see"), ("seen", "see"), ("fell", "fall"), ("fallen", "fall"),
    ("hid", "hide"), ("hidden", "hide"), ("wrote", "write"), ("written", "write"),
    ("began", "begin"), ("beginning", "begin"), ("won", "win"), ("winning", "win"),
    ("was", "be"), ("been", "be"), ("had", "have"), ("did", "do"), ("went", "go"),
    ("postponed", "postpone"), ("preparing", "prepare"), ("countries", "country"),
    ("called", "call"), ("stopped", "stop"), ("cancelled", "cancel"),
]
# forms left out on purpose: more often another word
NOT_THE_VERB = [("rose", "rise"), ("bit", "bite"), ("fed", "feed"), ("bound", "bind")]


@pytest.mark.parametrize("form,lemma", SAME_STEM)
def test_every_form_has_the_lemmas_stem(form, lemma):
    assert stem(form) == stem(lemma)


@pytest.mark.parametrize("form,lemma", NOT_THE_VERB)
def test_ambiguous_forms_are_not_mapped(form, lemma):
    assert stem(form) != stem(lemma)


def test_every_listed_verb_form_stems_as_its_lemma():
    forms = verb_forms()
    assert len(forms) > 300
    assert [f for f, lemma in forms.items() if stem(f) != stem(lemma)] == []


def test_the_verb_list_does_not_repeat_the_lemma_table():
    table = {ln.split("\t")[0] for ln in lines("claim_lemmas.tsv", extend=False)}
    assert table.isdisjoint(verb_forms())


@pytest.mark.parametrize("a,b", [
    ("The singer died in Lisbon", "The singer dies in Lisbon"),
    ("Putin took the decision", "Putin takes the decision"),
    ("The company lost the case", "The company is losing the case"),
])
def test_claims_in_other_tenses_have_the_same_keys(a, b):
    assert claim_keys(a).all == claim_keys(b).all


def test_a_malformed_verb_line_is_a_clear_error(tmp_path, monkeypatch):
    (tmp_path / "claim_verb_forms.tsv").write_text("swim\n")
    monkeypatch.setenv("QUOTES_LEXICONS", str(tmp_path))
    with pytest.raises(InputError, match="claim_verb_forms.tsv: expected 'lemma<TAB>forms'"):
        verb_forms()


def test_an_extra_verb_file_extends_the_list(tmp_path, monkeypatch):
    (tmp_path / "claim_verb_forms.tsv").write_text("slay\tslays slew slain slaying\n")
    monkeypatch.setenv("QUOTES_LEXICONS", str(tmp_path))
    assert verb_forms()["slain"] == "slay"
