"""Stance toward a claim: the sentence rules (one row per rule), the article judgement,
relatedness, the model file, and the FNC-1 scorer (model-free)."""

from __future__ import annotations

import json

import pytest

from quotes.claims.stance import article_stance, relatedness, statement_stance
from quotes.claims.stance_model import load_model
from quotes.claims.stance_rules import RULES, sentence_stance
from quotes.cli import main
from quotes.errors import InputError, QuotesError
from quotes.evaluation.fnc import make_split, read_fnc, read_split, score_fnc, select
from quotes.types import (
    ANONYMOUS, ASSERTS, CANNOT_CONFIRM, HEDGED, CLAIM_STANCES, CONFIRMS, DENIES, INDIRECT, ORGANIZATION,
    PERSON, REPORTS, SUPPORTS, UNKNOWN, UNRELATED, Article, Attribution, Speaker,
)

BREAST = "A woman had a third breast implanted"


def att(text, content, speaker, kind, stance, cue="said", offset=0):
    start = text.index(content) + offset
    return Attribution("d", INDIRECT, content, start, start + len(content), cue, stance,
                       Speaker(speaker, speaker, kind))


# (sentence, claim, record as (content, speaker, kind, stance, cue) or None, stance, rule)
SENTENCE_RULES = [
    ("Pope Francis did NOT say our pets are going to heaven", "Pope Francis told a boy that pets go to heaven",
     ("our pets are going to heaven", "Pope Francis", PERSON, CANNOT_CONFIRM, "did NOT say"),
     DENIES, "claim_speaker_unsaid"),
    ("Peskov could not confirm that the visit was postponed", "Putin's visit was postponed",
     ("that the visit was postponed", "Peskov", PERSON, CANNOT_CONFIRM, "could not confirm"),
     CANNOT_CONFIRM, "cannot_confirm_record"),
    ("That she had a third breast implanted could not be verified", BREAST, None,
     CANNOT_CONFIRM, "unconfirmed_words"),
    ("The third breast story was a hoax", BREAST, None, DENIES, "denial_words"),
    ("The claim is false", "The claim about the Batmobile theft", None, DENIES, "denial_words"),
    ("Agency questions whether the crater was made by a meteorite", "A meteorite made the crater", None,
     DENIES, "denial_words"),
    ("Real or hoax?", BREAST, None, REPORTS, "hedge_words"),
    # doubting_question: a yes/no question whether the story is false, not an alternative ("Real or hoax?")
    ("Was the viral video of the homeless man all a hoax?", "A homeless man spent 100 dollars on food", None,
     DENIES, "doubting_question"),
    ("Update: Did the site make up this story?", "A professor sent a racist email", None, DENIES, "doubting_question"),
    ("Is it real or a hoax?", BREAST, None, REPORTS, "hedge_words"),
    # hedge_words: a yes/no question before its answer still asks (yes_no_question)
    ("Is this Crabzilla? Giant crab spotted off British coast", "A giant crab was photographed", None,
     REPORTS, "hedge_words"),
    # dismissed_reports: set against the reports of the claim ("despite ... rumours"), not "amid rumors"
    ("Playboy founder makes it to film night despite mortality rumours", "Playboy founder Hugh Hefner is dead",
     None, DENIES, "dismissed_reports"),
    ("Twitter catches fire amid rumors of Castro's death", "Fidel Castro has died", None, REPORTS, "hedge_words"),
    # ... also when the reports are a record's cue ("rumor")
    ("Director makes fun of stolen Batmobile rumor with new photo", "The Batmobile was stolen",
     ("Director makes fun of stolen Batmobile rumor with new photo", "unnamed sources", ANONYMOUS, HEDGED, "rumor"),
     DENIES, "dismissed_reports"),
    ("Studio head kills stolen car rumor with one photo", "The car was stolen",
     ("Studio head kills stolen car rumor with one photo", "unnamed sources", ANONYMOUS, HEDGED, "rumor"),
     DENIES, "dismissed_reports"),
    ("She did not have a third breast implanted", BREAST, None, DENIES, "negated_proposition"),
    ("Banksy was not arrested", "Banksy was arrested in London", None, DENIES, "negated_proposition"),
    # the noun of the claim's verb: "threats" for "threatened" (claim_synonyms.tsv)
    ("Spokesman: No threats were made to the families", "The agency threatened the families of hostages", None,
     DENIES, "negated_proposition"),
    # a negation about something else is not a denial of the claim
    ("I don't want to date anymore", BREAST, None, SUPPORTS, "own_voice"),
    ("The accuser, who has not been publicly identified, said the doctor took a selfie",
     "Joan Rivers' doctor took a selfie during surgery", None, REPORTS, "hedge_words"),
    ("Hugh Hefner is alive and well", "Hugh Hefner is dead", None, DENIES, "contradiction"),
    ("Israel denies opening dams", "Israel opened dams in Gaza",
     ("opening dams", "Israel", ORGANIZATION, DENIES, "denies"), DENIES, "first_attribution"),
    ("White House confirms authenticity of ISIS video", "The ISIS video is authentic",
     ("authenticity of ISIS video", "White House", ORGANIZATION, CONFIRMS, "confirms"),
     SUPPORTS, "first_attribution"),
    ("Small meteorite strikes Nicaragua, government says", "A meteorite struck Nicaragua",
     ("Small meteorite strikes Nicaragua", "government", ANONYMOUS, ASSERTS, "says"), REPORTS,
     "first_attribution"),
    ("Apple rumored to add engravings", "Apple will add engravings", None, REPORTS, "hedge_words"),
    # a modal hedges what follows it: the claim, or something else
    ("Fisherman could have caught a giant catfish", "A fisherman caught a catfish", None, REPORTS, "hedge_words"),
    ("Fisherman lands catfish which could be a world record", "A fisherman landed a catfish", None,
     SUPPORTS, "own_voice"),
    ("Loggers cut down oldest tree", "Loggers cut down the oldest tree", None, SUPPORTS, "own_voice"),
    # a leak is no hedge: what leaked is out ("features leaked", "a new leak reveals")
    ("Next-generation iPhone features leaked", "The next iPhone will have a dual-lens camera", None, SUPPORTS,
     "own_voice"),
    # negated_proposition: the claim's own subject right before the negation (SUBJECT_REACH) ...
    ("Paul Rudd Is Not the Viral Video Hero", "Paul Rudd helped take down the Dallas airport homophobe", None,
     DENIES, "negated_proposition"),
    # ... but not across a comma, nor an alternative ("may or may not")
    ("Police did not comment, Banksy arrested in London", "Banksy was arrested in London", None,
     SUPPORTS, "own_voice"),
    # ... nor from a comma's segment that holds too little of the claim ("..., that app you don't use")
    ("Apple may buy Path, that social app you don't use", "Apple is buying Path", None, REPORTS, "hedge_words"),
    ("Apple May Or May Not Hold An Event In February", "Apple will hold an event in February", None,
     REPORTS, "hedge_words"),
    # denial_words: a denial word that is itself negated affirms (negated_denial)
    ("Woman vows footage will prove her third breast is no hoax", BREAST, None, SUPPORTS, "own_voice"),
    # denial_words: words that call a claim false or a deception ("inaccurate", "misinformation", "libel")
    ("Comcast calls the story wildly inaccurate", "Comcast blocks Tor users", None, DENIES, "denial_words"),
    ("The flood libel propagandists of 2015", "Israel caused flooding in Gaza", None, DENIES, "denial_words"),
    # claim_event: a record whose cue the claim itself uses is the claim's event, not an attribution
    ("Suspended boy threatened to make a student disappear", "A boy was suspended after threatening a student",
     ("to make a student disappear", "boy", PERSON, ASSERTS, "threatened"), SUPPORTS, "own_voice"),
    # act_event: a speech act that tells of an act ("vows to", "calls 911", "denounces the killing")
    # is the headline's own event, not a report of the claim (stance_act_verbs.txt)
    ("Cameron vows to hunt down IS monsters after Haines murder", "ISIS murdered aid worker David Haines",
     ("to hunt down IS monsters after Haines murder", "Cameron", PERSON, ASSERTS, "vows"), SUPPORTS, "own_voice"),
    ("Mom calls 911 on teenage son, boy charged", "A boy was charged after his mother called police",
     ("911 on teenage son, boy charged", "Mom", UNKNOWN, ASSERTS, "calls"), SUPPORTS, "own_voice"),
    # confirmation: a revealing verb by a named or unknown subject confirms (stance_revelation_verbs.txt),
    # an unnamed source's does not (anonymous_heads.txt)
    ("DNA results confirm Michael Jackson is the father of Bruno Mars", "A DNA test proved Bruno Mars is Jackson's son",
     ("Michael Jackson is the father of Bruno Mars", "DNA results", UNKNOWN, CONFIRMS, "confirm"),
     SUPPORTS, "first_attribution"),
    ("Satellite picture reveals giant crab off the coast", "A giant crab was photographed off the coast",
     ("giant crab off the coast", "Satellite picture", UNKNOWN, ASSERTS, "reveals"), SUPPORTS, "first_attribution"),
    ("Senior Intelligence Official Confirms Rapper Is A Suspect", "The rapper killed the journalist",
     ("Rapper Is A Suspect", "Intelligence Official", PERSON, CONFIRMS, "Confirms"), REPORTS, "first_attribution"),
    # hedge_words: a question the claim itself quotes is no question of the headline's (claims_question);
    # a hedge opening a hyphenated compound is no hedge (compound_word)
    ("Teen wakes up in surgery and asks doctors How's it going?",
     "A woman woke up during brain surgery and asked the surgeons How's it going?", None, SUPPORTS, "own_voice"),
    ("Would-be rapist has penis severed by angry mob", "A crowd chopped off a would be rapist's penis", None,
     SUPPORTS, "own_voice"),
    ("Pizza delivery man gets tipped 2,000 dollars", "A pizza delivery man received a 2,000 dollar tip", None,
     SUPPORTS, "own_voice"),
    ("Lenovo tipped to make a bid for BlackBerry", "Lenovo will bid for BlackBerry", None, REPORTS, "hedge_words"),
    # hedge_words: "set to" says what a claim in the future tense says (scheduled_future); a noun for
    # a person ("suspect") hedges only before what is suspected (person_noun)
    ("Seth Rogen set to play Steve Wozniak", "Seth Rogen will play Steve Wozniak", None, SUPPORTS, "own_voice"),
    ("Seth Rogen set to play Steve Wozniak", "Seth Rogen played Steve Wozniak", None, REPORTS, "hedge_words"),
    ("Soldier killed, suspect dead in shooting near Parliament", "A soldier was shot in Ottawa", None,
     SUPPORTS, "own_voice"),
    ("British rapper a suspect in ISIS beheading", "The rapper beheaded the journalist", None, REPORTS, "hedge_words"),
    # speaker_label: a speaker before the colon who is not in the claim speaks what follows
    ("Senator: Detainees swapped for Bergdahl have contacted militants",
     "A detainee swapped for Bergdahl contacted militants", None, REPORTS, "speaker_label"),
    ("Congressman: At least 10 ISIS fighters caught at border", "ISIS fighters were caught at the border", None,
     REPORTS, "speaker_label"),
    ("Jihadi John: Isis fighter named as Mohammed Emwazi", "Jihadi John is named Mohammed Emwazi", None,
     SUPPORTS, "own_voice"),
    # negated_proposition: a negation of a feeling, or one that tells the reader what to do, is no denial
    # (negates_reader_or_attitude)
    ("Apple isn't happy with the battery life of its watch", "The Apple Watch battery lasts one day", None,
     SUPPORTS, "own_voice"),
    ("Don't reset all settings in iOS 8 unless you want to lose your files",
     "Reset all settings in iOS 8 deletes files", None, SUPPORTS, "own_voice"),
    ("Everybody relax, Banksy wasn't arrested", "Banksy was arrested", None, DENIES, "negated_proposition"),
    # denial_words: "BS", "a lie" call it false (stance_denial_words.txt)
    ("Three boobs are most likely two boobs and a lie", BREAST, None, DENIES, "denial_words"),
    ("Fox News floats BS story about fleeing Marines", "Marines handed their weapons to the rebels", None,
     DENIES, "denial_words"),
    # intention_only: an intention or attempt states less than a claim of the outcome, not less than a
    # claim of intention; "eyes" after a possessive is no intention
    ("Seth Rogen in talks to star as Steve Wozniak", "Seth Rogen will play Steve Wozniak", None,
     REPORTS, "intention_only"),
    ("Steve Jobs biopic eyes Seth Rogen to play Wozniak", "Seth Rogen will play Steve Wozniak", None,
     REPORTS, "intention_only"),
    ("J.J. Abrams eyes a summer release for Star Wars", "J.J. Abrams wants a summer release for Star Wars", None,
     SUPPORTS, "own_voice"),
    ("A bullet between his eyes for Jihadi John", "Jihadi John was shot", None, SUPPORTS, "own_voice"),
    # label_only: two words or fewer name the story without stating it
    ("Ghost Ship", "A ghost ship full of rats is heading for Florida", None, REPORTS, "label_only"),
    ("Kanye banned", "Kanye West was banned from award shows", None, SUPPORTS, "own_voice"),
    # label_only: an outlet's name or a byline in place of the headline names no story (masthead)
    ("Staff Reporter", "A viral photo shows a worker at an app-ranking farm", None, SUPPORTS, "own_voice"),
    ("Gateway Pundit", "The rapper beheaded the journalist", None, SUPPORTS, "own_voice"),
    # hedge_words: a yes/no question is sought past an abbreviation's period (clauses: "Vs.")
    ("Has The Batman Vs. Superman Batmobile Been Stolen In Detroit? UPDATE", "The Batmobile was stolen", None,
     REPORTS, "hedge_words"),
    # hedge_words: a closing question to the reader ("Will you ...?") does not ask whether the claim holds
    ("Apple Watch pricing: Will you spend 5000 for the gold edition?", "The gold Apple Watch will cost 5,000",
     None, SUPPORTS, "own_voice"),
    ("Apple Watch pricing: Will the gold edition cost 5000?", "The gold Apple Watch will cost 5,000",
     None, REPORTS, "hedge_words"),
    # hedge_words: a modal whose verb has the reader as its object tells what the thing does to the
    # reader (reader_consequence)
    ("iOS 8 bug could delete your iCloud Drive files", "A setting in iOS 8 deletes iWork files", None,
     SUPPORTS, "own_voice"),
    ("iOS 8 bug could delete iCloud Drive files", "A setting in iOS 8 deletes iWork files", None,
     REPORTS, "hedge_words"),
    # story_about: a story, rumour or report about the claim names it as something told
    ("The story of the Argentinean president, werewolves and seventh sons",
     "The president of Argentina adopted a boy so he would not become a werewolf", None, REPORTS, "story_about"),
    ("There's a weird story going around about how Argentina's president saved a boy from becoming a werewolf",
     "The president of Argentina adopted a boy so he would not become a werewolf", None, REPORTS, "story_about"),
    ("Argentina's president adopts a boy to stop him becoming a werewolf",
     "The president of Argentina adopted a boy so he would not become a werewolf", None, SUPPORTS, "own_voice"),
]


def test_every_rule_has_a_row():
    assert {r for *_, r in SENTENCE_RULES} == {rule.__name__ for rule in RULES}


@pytest.mark.parametrize("text,claim,record,stance,rule", SENTENCE_RULES)
def test_sentence_rules(text, claim, record, stance, rule):
    records = [att(text, *record)] if record else []
    got = sentence_stance(text, records, claim, publisher="example.com")
    assert got[:2] == (stance, rule), got[2]
    assert got[2]  # every decision is explained


def test_sentence_offsets_inside_an_article():
    text = "Nothing new. Israel denies opening dams"
    record = att(text, "opening dams", "Israel", ORGANIZATION, DENIES, "denies")
    start = text.index("Israel")
    assert sentence_stance(text[start:], [record], "Israel opened dams", offset=start)[0] == DENIES


# (article text, claim, expected label, (sentence stance, rule) of the deciding evidence or None)
ARTICLES = [
    ("Woman had a third breast implanted", BREAST, SUPPORTS, (SUPPORTS, "own_voice")),
    ("The third breast is a hoax, TMZ reports", BREAST, DENIES, (DENIES, "denial_words")),
    ("Tampa woman says she had a third breast implanted", BREAST, REPORTS, (REPORTS, "hedge_words")),
    ("Stocks fell sharply in Tokyo on Monday", BREAST, UNRELATED, None),
    ("", BREAST, UNRELATED, None),
]


@pytest.mark.parametrize("text,claim,label,evidence", ARTICLES)
def test_article_stance(text, claim, label, evidence):
    j = article_stance(claim, Article("a", text, publisher="example.com"))
    assert j.label == label, j.reasons
    assert j.reasons
    if evidence:
        assert (j.evidence[0].stance, j.evidence[0].rule) == evidence
        e = j.evidence[0]
        assert text[e.start:e.end] == e.text


def test_long_article_evidence_and_reasons():
    text = ("Jasmine Tridevil says she had a third breast implanted. She hopes for a reality show. "
            "The story is a hoax, TMZ reports. Her lost driver's licence shows a woman with two breasts.")
    j = article_stance(BREAST, Article("a", text))
    assert j.label in CLAIM_STANCES and j.label != UNRELATED
    assert any(e.rule == "denial_words" and text[e.start:e.end] == e.text for e in j.evidence)
    assert j.reasons[0].startswith("about the claim")
    assert json.dumps(j.to_dict())  # JSON-ready


def test_records_feed_the_sentence_rules():
    text = "Israel denies opening dams."
    record = att(text, "opening dams", "Israel", ORGANIZATION, DENIES, "denies")
    j = article_stance("Israel opened dams in Gaza", Article("a", text), [record])
    assert j.label == DENIES and j.evidence[0].attributions == (record,)


@pytest.mark.parametrize("claim", ["", "   ", "the of and", "it is what it is"])
def test_bad_claims_raise_a_clear_error(claim):
    with pytest.raises(InputError, match="claim"):
        article_stance(claim, Article("a", "Banksy was arrested"))


def test_claim_in_another_script_is_unrelated():
    assert statement_stance("Путин отложил визит", "Putin postponed his visit to Turkey").label == UNRELATED


@pytest.mark.parametrize("claim,text,low,high", [
    ("Banksy was arrested in London", "Police in London arrested Banksy.", 1.0, 1.0),
    ("Banksy was arrested in London", "Banksy arrested", 0.5, 0.7),
    ("Banksy was arrested in London", "Stocks fell in Tokyo", 0.0, 0.0),
])
def test_relatedness(claim, text, low, high):
    assert low <= relatedness(claim, text) <= high


def test_model_file_errors(tmp_path):
    bad = tmp_path / "m.json"
    bad.write_text("{not json")
    with pytest.raises(InputError, match="cannot read the stance model"):
        load_model(str(bad))
    bad.write_text(json.dumps({"related": {"features": ["cover"], "weights": [1, 2], "bias": 0},
                               "stance": {"classes": ["supports"], "features": [], "weights": [[]], "bias": [0]}}))
    with pytest.raises(InputError, match="weights do not match"):
        load_model(str(bad))


def test_model_records_its_training():
    info = load_model().info
    assert "command" in info and "trained_on" in info


# --- FNC-1 scorer ---------------------------------------------------------------------------

@pytest.mark.parametrize("gold,pred,fnc,related", [
    (["agree", "unrelated"], ["agree", "unrelated"], 1.0, 1.0),
    (["agree", "unrelated"], ["discuss", "unrelated"], 0.4, 1.0),
    (["disagree", "unrelated"], ["unrelated", "agree"], 0.0, 0.0),
    (["unrelated"] * 4, ["unrelated"] * 4, 1.0, 1.0),
])
def test_fnc_score(gold, pred, fnc, related):
    s = score_fnc(gold, pred)
    assert s.fnc_score == pytest.approx(fnc) and s.related_accuracy == pytest.approx(related)
    assert "macro-F1" in s.format()


def _fnc_folder(tmp_path, prefix="train", stances=None):
    (tmp_path / f"{prefix}_bodies.csv").write_text(
        'Body ID,articleBody\n1,"Banksy was arrested in London, police say. The artist denies it."\n'
        '2,"Stocks fell in Tokyo on Monday."\n', encoding="utf-8")
    (tmp_path / f"{prefix}_stances.csv").write_text(stances or (
        "Headline,Body ID,Stance\nBanksy arrested in London,1,discuss\nBanksy arrested in London,2,unrelated\n"),
        encoding="utf-8")
    return tmp_path


def test_fnc_reader_and_split(tmp_path):
    pairs, bodies, test = read_fnc(_fnc_folder(tmp_path))
    assert len(pairs) == 2 and not test and bodies["2"].startswith("Stocks")
    split_file = tmp_path / "split.tsv"
    split_file.write_text("# comment\nheadline\tsplit\nBanksy arrested in London\theldout\n", encoding="utf-8")
    assert len(select(pairs, read_split(split_file), "heldout")) == 2
    assert select(pairs, read_split(split_file), "train") == []
    assert make_split(["a", "b", "c"]) == make_split(["c", "b", "a"])


def test_shipped_split_holds_out_a_fifth():
    split = read_split()
    assert sum(v == "heldout" for v in split.values()) == round(len(split) / 5)
    assert split == make_split(split)  # the committed file is what make_split gives


@pytest.mark.parametrize("stances,message", [
    ("Headline,Body,Stance\nx,1,agree\n", "needs columns"),
    ("Headline,Body ID,Stance\nx,1,maybe\n", "unknown stance"),
    ("Headline,Body ID,Stance\nx,9,agree\n", "not in train_bodies.csv"),
])
def test_fnc_bad_input(tmp_path, stances, message):
    with pytest.raises(QuotesError, match=message):
        read_fnc(_fnc_folder(tmp_path, stances=stances))


def test_eval_fnc_command(tmp_path, capsys):
    folder = _fnc_folder(tmp_path, prefix="competition_test")
    assert main(["eval", "fnc", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "competition test files, scored whole" in out and "FNC-1 score" in out


def test_eval_fnc_missing_folder(tmp_path, capsys):
    assert main(["eval", "fnc", str(tmp_path / "nope")]) == 2
    assert "not a folder" in capsys.readouterr().err
