"""Claim keys: every form of a word gets one stem (model-free)."""

from __future__ import annotations

import pytest

from quotes.claims.normalize import claim_keys, stem, verb_forms
from quotes.claims import quantities
from quotes.claims.quantities import canonical
from quotes.errors import InputError
from quotes.lexicons import lines, patterns

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


# (text, key): a quantity is one key however it is written (quotes/lexicons/claim_quantities.tsv)
QUANTITIES = [
    ("72M", "72000000"), ("72 million", "72000000"), ("72,000,000", "72000000"), ("72m", "72000000"),
    ("$1.5bn", "1500000000"), ("1.5 billion", "1500000000"), ("50k", "50000"), ("a million", "1000000"),
    ("two hundred thousand", "200000"), ("a dozen", "12"), ("10%", "10pct"), ("10 per cent", "10pct"),
    ("ten percent", "10pct"), ("forty-one percent", "41pct"), ("twenty five", "25"), ("3.5", "3d5"),
    ("one percent", "1pct"), ("2,500", "2500"),
]
# texts whose words are not quantities: 'one' alone, 'a' without a scale, hyphenated adjectives
NOT_QUANTITIES = ["no one came", "one of them", "a percent", "a two-day visit", "Two-thirds", "the 72-year-old",
                  "an hour"]


@pytest.mark.parametrize("text,key", QUANTITIES)
def test_a_quantity_is_one_key(text, key):
    assert canonical(text).lstrip("$") == key
    assert key in claim_keys(f"the deal cost {text}").words


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_words_that_are_no_quantity_stay(text):
    assert canonical(text) == text


@pytest.mark.parametrize("a,b", [
    ("Trump got 72M votes", "Trump got 72 million votes"),
    ("Unemployment rose to 10%", "unemployment rose to ten per cent"),
])
def test_claims_with_numbers_written_differently_have_the_same_keys(a, b):
    assert claim_keys(a).all == claim_keys(b).all


@pytest.fixture
def fresh_quantities():
    quantities.table.cache_clear(), quantities.pattern.cache_clear()
    yield
    quantities.table.cache_clear(), quantities.pattern.cache_clear()


@pytest.mark.parametrize("line,problem", [
    ("gazillion\tplenty\t1", "with a kind of number"),
    ("gazillion\tscale\tlots", "expected a number as the value of 'gazillion'"),
])
def test_a_malformed_quantity_line_is_a_clear_error(tmp_path, monkeypatch, fresh_quantities, line, problem):
    (tmp_path / "claim_quantities.tsv").write_text(line + "\n")
    monkeypatch.setenv("QUOTES_LEXICONS", str(tmp_path))
    with pytest.raises(InputError, match=f"claim_quantities.tsv: .*{problem}"):
        quantities.table()


def test_an_extra_quantity_file_extends_the_words(tmp_path, monkeypatch, fresh_quantities):
    (tmp_path / "claim_quantities.tsv").write_text("lakh\tscale\t100000\n")
    monkeypatch.setenv("QUOTES_LEXICONS", str(tmp_path))
    assert canonical("5 lakh") == "500000"


# (entries, hyphens, text, what the word-list pattern finds): longest entry first, a trailing
# * a prefix, a whole-word edge after letters and digits, any white space for a space
WORD_LIST_MATCHES = [
    (["per", "per cent"], False, "up 3 per  cent", ["per  cent"]),
    (["deni*"], False, "it was denied", ["denied"]),
    (["hoax"], False, "a hoaxer", []),
    (["report:"], False, "Report:rumours", ["Report:"]),
    (["anti-vaccine"], True, "an anti vaccine group", ["anti vaccine"]),
    (["anti-vaccine"], False, "an anti vaccine group", []),
]


@pytest.mark.parametrize("entries, hyphens, text, found", WORD_LIST_MATCHES)
def test_word_list_patterns(entries, hyphens, text, found):
    assert patterns.words(entries, hyphens=hyphens).findall(text) == found
