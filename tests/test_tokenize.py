"""Tests for quotes.nlp.tokenize: EWT-style tokens, sentence splits, offsets."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.nlp.tokenize import sentences, token_texts, tokenize

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "data" / "examples").glob("*.txt"))

PESKOV = (
    "Kremlin spokesman Dmitry Peskov told Tass on Wednesday that he could not "
    "confirm reports that Putin's meeting with Erdoğan in Turkey had been "
    "postponed, but said: “We continue to prepare contacts at the highest "
    "level. The dates will be agreed.”"
)


def flat(text):
    return [tok for sent in token_texts(text) for tok in sent]


def check_offsets(text, sents):
    prev = 0
    for sent in sents:
        assert sent, "empty sentence"
        for s, e in sent:
            assert prev <= s < e <= len(text)
            tok = text[s:e]
            assert tok and not any(c.isspace() for c in tok)
            prev = e


@pytest.mark.parametrize(
    "text, expected",
    [
        (PESKOV, [
            "Kremlin", "spokesman", "Dmitry", "Peskov", "told", "Tass", "on", "Wednesday",
            "that", "he", "could", "not", "confirm", "reports", "that", "Putin", "'s",
            "meeting", "with", "Erdoğan", "in", "Turkey", "had", "been", "postponed", ",",
            "but", "said", ":", "“", "We", "continue", "to", "prepare", "contacts", "at",
            "the", "highest", "level", ".", "The", "dates", "will", "be", "agreed", ".", "”",
        ]),
        # punctuation, brackets, quotes
        ("Hello, world; (yes) [no] {x}!", ["Hello", ",", "world", ";", "(", "yes", ")", "[", "no", "]", "{", "x", "}", "!"]),
        ('He said "no" and \'maybe\'.', ["He", "said", '"', "no", '"', "and", "'", "maybe", "'", "."]),
        ("«Non» ‘quoted’ “double”", ["«", "Non", "»", "‘", "quoted", "’", "“", "double", "”"]),
        # dashes
        ("war—again – and--then", ["war", "—", "again", "–", "and", "--", "then"]),
        # numbers, money, percentages, times
        ("It cost $100, or 3.5% of 1,000,000 at 10:30.", ["It", "cost", "$", "100", ",", "or", "3.5", "%", "of", "1,000,000", "at", "10:30", "."]),
        ("In the 1990s and the '90s, on 9/11.", ["In", "the", "1990s", "and", "the", "'90s", ",", "on", "9/11", "."]),
        ("Call 713-853-3989 now", ["Call", "713-853-3989", "now"]),
        # URLs, e-mails, handles, hashtags
        ("See https://www.aa.com.tr/en/a-b?id=1. Or www.x.org.", ["See", "https://www.aa.com.tr/en/a-b?id=1", ".", "Or", "www.x.org", "."]),
        ("Mail bob.smith@example.co.uk or @AP_news #MeToo", ["Mail", "bob.smith@example.co.uk", "or", "@AP_news", "#MeToo"]),
        # abbreviations and initials
        ("Mr. and Mrs. Smith met Sen. Jones of the U.S. Senate at 9 a.m. on Jan. 5, e.g. today.",
         ["Mr.", "and", "Mrs.", "Smith", "met", "Sen.", "Jones", "of", "the", "U.S.", "Senate",
          "at", "9", "a.m.", "on", "Jan.", "5", ",", "e.g.", "today", "."]),
        ("J. R. R. Tolkien wrote it.", ["J.", "R.", "R.", "Tolkien", "wrote", "it", "."]),
        ("He said no. No. 10 Downing St. agreed.", ["He", "said", "no", ".", "No.", "10", "Downing", "St.", "agreed", "."]),
        # clitics, straight and curly
        ("Clinton's aides don't know.", ["Clinton", "'s", "aides", "do", "n't", "know", "."]),
        ("Erdogan’s aide didn’t say", ["Erdogan", "’s", "aide", "did", "n’t", "say"]),
        ("I can't, he won't, I'm sure", ["I", "ca", "n't", ",", "he", "wo", "n't", ",", "I", "'m", "sure"]),
        ("we're, you've, they'll, she'd", ["we", "'re", ",", "you", "'ve", ",", "they", "'ll", ",", "she", "'d"]),
        ("The leaders' summit", ["The", "leaders", "'", "summit"]),
        ("I cannot go. O'Brien's dog", ["I", "can", "not", "go", ".", "O'Brien", "'s", "dog"]),
        # hyphens: split as in EWT, except bound prefixes and phone numbers
        ("Russian-Turkish ties, COVID-19, al-Qaeda", ["Russian", "-", "Turkish", "ties", ",", "COVID", "-", "19", ",", "al", "-", "Qaeda"]),
        ("his re-election by e-mail, non-stop, anti-war", ["his", "re-election", "by", "e-mail", ",", "non-stop", ",", "anti-war"]),
        ("U.S.-led 1969-1970", ["U.S.", "-", "led", "1969", "-", "1970"]),
        # ellipsis and repeated punctuation
        ("Wait... what?! Really!!", ["Wait", "...", "what", "?!", "Really", "!!"]),
        ("in Word format.? Thanks", ["in", "Word", "format", ".?", "Thanks"]),
        # EWT conventions: a sentence-final abbreviation gives up its period, clock times
        # split from am/pm, doubled curly quotes, emoticons, names with "!"
        ("apples, pears, etc.", ["apples", ",", "pears", ",", "etc", "."]),
        ("apples, etc. and pears", ["apples", ",", "etc.", "and", "pears"]),
        ("at 5pm or 7 AM or 11AM", ["at", "5", "pm", "or", "7", "AM", "or", "11", "AM"]),
        ("’’ ‘‘", ["’’", "‘‘"]),
        ("so :-) and =) ^_^", ["so", ":-)", "and", "=)", "^_^"]),
        ("Yahoo! Mail", ["Yahoo!", "Mail"]),
        # rule "fused word" (lexicons/fused_words.tsv): contractions without their apostrophe
        ("i dont know, I cant and it wont", ["i", "do", "nt", "know", ",", "I", "ca", "nt", "and", "it", "wo", "nt"]),
        ("im sure thats why hes gonna go", ["i", "m", "sure", "that", "s", "why", "he", "s", "gon", "na", "go"]),
        ("I dunno, I'm outta here", ["I", "du", "n", "no", ",", "I", "'m", "out", "ta", "here"]),
        # ... "its" only before a word that never follows the possessive, "lets" only capitalised
        ("its not its own, its a trap", ["it", "s", "not", "its", "own", ",", "it", "s", "a", "trap"]),
        ("its all-time high", ["its", "all", "-", "time", "high"]),
        ("Lets go. It lets them in", ["Let", "s", "go", ".", "It", "lets", "them", "in"]),
        # rule "measure": a unit glued to a number is a word, ordinals and decades are not
        ("5kg for $70k, 24hrs on 3.5mm", ["5", "kg", "for", "$", "70", "k", ",", "24", "hrs", "on", "3.5", "mm"]),
        ("the 21st, 1990s, 3G, 4x4", ["the", "21st", ",", "1990s", ",", "3G", ",", "4x4"]),
        # rule "decade": "the 70's" is one token
        ("the 70's and 1960's", ["the", "70's", "and", "1960's"]),
        # symbol runs: "$$$", a mixed rule of "-" and "="
        ("all about the $$$ now", ["all", "about", "the", "$$$", "now"]),
        ("News==---- The", ["News", "==----", "The"]),
        # abbreviations: an ellipsis after one takes its period; company and extension forms
        ("food, drinks etc... fine", ["food", ",", "drinks", "etc", "...", "fine"]),
        ("Gases PVT. LTD., ext. 37625", ["Gases", "PVT.", "LTD.", ",", "ext.", "37625"]),
        # rule "ratio": a slash between numbers splits unless they read as a date
        ("on 9/11, 12/25/2000 and 5/18, open 24/7, 20/20 vision", ["on", "9/11", ",", "12/25/2000", "and", "5/18", ",",
                                                                  "open", "24", "/", "7", ",", "20", "/", "20", "vision"]),
        # heights split at the apostrophe; country codes and area codes with a slash stay whole
        ("5'2 tall, call +44 20 7946 or 503/464-7927", ["5", "'", "2", "tall", ",", "call", "+44", "20", "7946", "or",
                                                       "503/464-7927"]),
        # currency with a country prefix, file extensions written apart, "eg."
        ("US$5 (draft .doc) eg. this", ["US$", "5", "(", "draft", ".doc", ")", "eg.", "this"]),
        # an extension number, slash abbreviations (lexicons/slash_abbreviations.txt); "self-" splits
        ("call (3-5213) w/ him b/c w/o it, self-driven", ["call", "(", "3-5213", ")", "w/", "him", "b/c", "w/o", "it",
                                                         ",", "self", "-", "driven"]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_tokens(text, expected):
    assert flat(text) == expected
    check_offsets(text, tokenize(text))


@pytest.mark.parametrize(
    "text, n_sentences",
    [
        (PESKOV, 2),
        ("“Yes,” he said. “We will.”", 2),
        ("“Why?” he asked. Nobody answered.", 2),
        ("He left. She stayed! Did they? Yes.", 4),
        ("Mr. Smith met Dr. Jones and Gov. Brown in St. Louis.", 1),
        ("The U.S. Senate and the U.N. Security Council met at 9 a.m. Tuesday.", 1),
        ("Apple Inc. Co. Ltd. Corp. vs. No. 5.", 1),
        ("On Jan. 5 and Sept. 3 and Dec. 1 it rained.", 1),
        ("J. Smith spoke.", 1),
        ("Revenue was 3.5 percent. 2024 was better.", 2),
        ("He said: “Go.” Then he left.", 2),
        ("He arrived (late.) Then he left.", 2),
        ("Headline without a period\nFirst paragraph. Second sentence.", 3),
        ("Peskov said:\nThe visit is off", 2),
        ("one\ntwo\r\nthree\n\n\nfour", 4),
        ("apples, pears, etc. The end.", 2),
        ("he left. then he came back.", 2),
        ("The new model sold well. iPhone sales rose.", 2),
        ("Yahoo! said nothing", 1),
        # rule "abbreviation at a sentence end": only before a sentence starter
        ("He joined Apple Inc. The company grew.", 2),
        ("We met at 5 p.m. We left at 6 p.m. Tuesday.", 2),
        ("Sen. Warren and the U.S. Senate met.", 1),
        # "?" and "!" end a sentence before lower case too (web text), not before a closing quote
        ("Where are we going? he asked", 2),
        ("are you kidding? why would you want one?", 2),
        ("“Where are we going?” he asked.", 1),
        ("what a night! we loved it", 2),
        # currency, bullets and signature dashes open a sentence after a sentence end
        ("The campaign ended in March. $200m was spent.", 2),
        ("That is all for now. -- Liz", 2),
        # an emoticon ends a sentence before a capital
        ("nature hates a void :) I agree.", 2),
        ("see you soon :) bye", 1),
        # rule "list marker": "1." opening a sentence ends none
        ("Please note the following. 1. The forms are short. 2. The law changed.", 3),
        # a period glued between a lower-case word and a capitalised one
        ("it may give you a hint.Winging it is fine.", 2),
        ("Visit amazon.com or Node.js today.", 1),
        # rule "e-mail time stamp": a sentence of its own, or the end of the one it closes
        ("Tana Jones 04/16/2001 03:11 PM Samuel Schott wrote", 3),
        ("Chris@enron.com on 01/25/2002 03:13:58 PM Funny.", 2),
        # after a URL or e-mail address, a sentence ends before a capitalised word only
        ("Register at www.risk.com/aus Beth has the forms.", 2),
        ("Write to bob@example.com or call.", 1),
        ("Links: http://a.org/x http://b.org/y", 2),
        # rule "closing": a letter's closing and its comma before the signature
        ("Please advise. Best regards, Anne Clayton", 3),
        ("Thanks, I know you did.", 1),
        ("“Thanks,” he said.", 1),
        # rule "separator"
        ("He was replaced. *** Bush also nominated Kramer.", 3),
        ("Thanks ====== John Smith", 3),
        ("Secure Usenet News==---- The Service", 1),
    ],
)
def test_sentence_count(text, n_sentences):
    sents = tokenize(text)
    assert len(sents) == n_sentences, token_texts(text)
    assert len(sentences(text)) == n_sentences
    check_offsets(text, sents)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_files(path):
    text = path.read_text(encoding="utf-8")
    sents = tokenize(text)
    assert sum(map(len, sents)) > 100
    check_offsets(text, sents)
    for sent in sents:
        # no sentence crosses a newline
        assert "\n" not in text[sent[0][0]:sent[-1][1]]
    # curly apostrophes behave like straight ones
    toks = {tok for sent in token_texts(text) for tok in sent}
    assert not any(t.endswith(("’s", "n’t")) and len(t) > 3 for t in toks)


def test_examples_present():
    assert len(EXAMPLES) == 2


def test_sentences_spans():
    text = "One two. Three four!\nFive"
    assert [text[s:e] for s, e in sentences(text)] == ["One two.", "Three four!", "Five"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_property_arbitrary_text(text):
    sents = tokenize(text)
    check_offsets(text, sents)
    for sent in sents:
        assert not any(c in text[sent[0][0]:sent[-1][1]] for c in "\n\r")


_NEWSY = st.lists(
    st.sampled_from(list("aAbZ09 .,'’\"“”-—:;!?()$%@#/\n") + ["Mr.", "U.S.", "n't", "'s", "http://x.y", " "]),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_NEWSY, max_size=5).map("".join))
def test_property_newsy_text(text):
    sents = tokenize(text)
    check_offsets(text, sents)
    # every non-space character is covered by exactly one token
    covered = sum(e - s for sent in sents for s, e in sent)
    assert covered == sum(1 for c in text if not c.isspace())


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("I don't know", ["I", "don't", "know"]),
        ("Putin's plan is gonna work", ["Putin's", "plan", "is", "gonna", "work"]),
        ("i dont know, its not ok", ["i", "dont", "know", ",", "its", "not", "ok"]),
        ("its own U.S. plan", ["its", "own", "U.S.", "plan"]),
    ],
)
def test_multiword_tokens(text, tokens):
    """CoNLL-U output writes a written word split into several words as one multiword token."""
    from quotes.nlp.conllu import to_conllu
    from quotes.nlp.pipeline import tokenize as pipeline_tokenize
    from quotes.types import ParsedDoc

    out = to_conllu(ParsedDoc("d", text, pipeline_tokenize([text])[0]))
    rows = [line.split("\t") for line in out.splitlines() if line and not line.startswith("#")]
    inside: set[int] = set()
    for r in rows:
        if "-" in r[0]:
            a, b = map(int, r[0].split("-"))
            inside |= set(range(a, b + 1))
    assert [r[1] for r in rows if "-" in r[0] or int(r[0]) not in inside] == tokens
