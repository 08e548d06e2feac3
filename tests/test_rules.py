"""Extraction rules on hand-written parses: no model needed.

Each case gives a sentence with its parse in a compact form (word/UPOS/head/deprel), so
the rules are tested apart from the parser's mistakes.
"""

import dataclasses

import pytest

from quotes.extractors import attributions, cues, is_candidate, rules, speaker_rules, verbs
from quotes.extractors.cues import sentence_cues
from quotes.extractors.layout import layout_cues
from quotes.nlp.pipeline import from_conllu
from quotes.types import NoSpan, Sentence, Word


def doc_from(spec: str, lemmas: dict[str, str] | None = None, tail: str = "", lead: str = ""):
    """'Peskov/PROPN/2/nsubj said/VERB/0/root ...' -> ParsedDoc with offsets (``tail``:
    unparsed text after the sentence)."""
    lemmas = {"said": "say", "told": "tell", "says": "say", "confirmed": "confirm", "denied": "deny",
              "reported": "report", "added": "add", "could": "could", "confirm": "confirm",
              "refused": "refuse", "wrote": "write", "accused": "accuse", "described": "describe", "complained": "complain", "warned": "warn", "comment": "comment", "threatened": "threaten", "continued": "continue", "urges": "urge", "adding": "add", "refusing": "refuse", "reporting": "report", "noted": "note", "saying": "say", "telling": "tell", "asserted": "assert", "announced": "announce", "asked": "ask", "charged": "charge", "criticized": "criticize", "comments": "comment", "remarks": "remark", "responded": "respond", "times": "time", "agreed": "agree", "charge": "charge", **(lemmas or {})}
    text, lines = lead, []  # ``lead``: unparsed text before the sentence
    for i, tok in enumerate(spec.split(), start=1):
        form, upos, head, rel = tok.rsplit("/", 3)
        upos, _, tag = upos.partition(":")  # "VERB:VBN": a tag of its own
        form = form.replace("_", " ")
        if text and not (form in ",.:;”’" or text.endswith(("“", "‘"))):
            text += " "
        start = len(text)
        text += form
        lemma = lemmas.get(form.lower(), form if upos == "PROPN" else form.lower())
        xpos = tag or ("VBG" if upos == "VERB" and form.endswith("ing") else "_")  # participles are told apart by it
        lines.append("\t".join([str(i), form, lemma, upos, xpos, "_", head, rel, "_",
                                f"start_char={start}|end_char={len(text)}"]))
    return text + tail, from_conllu(text + tail, "\n".join(lines) + "\n")


CASES = [
    # X said (that) Y
    ("Peskov/PROPN/2/nsubj said/VERB/0/root that/SCONJ/6/mark the/DET/5/det visit/NOUN/6/nsubj "
     "continued/VERB/2/ccomp ./PUNCT/2/punct",
     [("Peskov", "the visit continued", "indirect", "asserts", [])]),
    # Y, X said
    ("The/DET/2/det visit/NOUN/3/nsubj continued/VERB/0/root ,/PUNCT/6/punct Peskov/PROPN/6/nsubj "
     "said/VERB/3/parataxis ./PUNCT/3/punct",
     [("Peskov", "The visit continued", "indirect", "asserts", [])]),
    # X told Tass that he could not confirm Y
    ("Peskov/PROPN/2/nsubj told/VERB/0/root Tass/PROPN/2/iobj that/SCONJ/8/mark he/PRON/8/nsubj "
     "could/AUX/8/aux not/PART/8/advmod confirm/VERB/2/ccomp reports/NOUN/8/obj ./PUNCT/2/punct",
     []),  # no clause after 'reports': nothing to attribute
    # according to X, Y
    ("According/VERB/3/case to/ADP/1/fixed Tass/PROPN/6/obl ,/PUNCT/3/punct talks/NOUN/6/nsubj "
     "resumed/VERB/0/root ./PUNCT/6/punct",
     [("Tass", "talks resumed", "indirect", "asserts", [])]),
    # a quotation with its cue: direct
    ("“/PUNCT/3/punct We/PRON/3/nsubj act/VERB/7/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct "
     "Peskov/PROPN/7/nsubj said/VERB/0/root ./PUNCT/7/punct",
     [("Peskov", "We act", "direct", "asserts", [])]),
    # Tass reported that a source had confirmed a report that Y: nesting
    ("Tass/PROPN/2/nsubj reported/VERB/0/root that/SCONJ/7/mark a/DET/5/det source/NOUN/7/nsubj "
     "had/AUX/7/aux confirmed/VERB/2/ccomp a/DET/9/det report/NOUN/7/obj that/SCONJ/13/mark "
     "the/DET/12/det visit/NOUN/13/nsubj:pass ended/VERB/9/acl ./PUNCT/2/punct",
     [("a source", "the visit ended", "indirect", "confirms", ["Tass"]),
      ("a report", "the visit ended", "indirect", "asserts", ["Tass", "a source"])]),
    # X denied Y
    ("Ankara/PROPN/2/nsubj denied/VERB/0/root that/SCONJ/5/mark talks/NOUN/5/nsubj failed/VERB/2/ccomp "
     "./PUNCT/2/punct",
     [("government of Turkey", "talks failed", "indirect", "denies", [])]),
    # neither confirm nor deny: cannot_confirm, even with 'deny' misparsed as xcomp
    ("The/DET/2/det ministry/NOUN/5/nsubj would/AUX/5/aux neither/ADV/5/advmod confirm/VERB/0/root "
     "nor/PART/7/cc deny/VERB/5/xcomp that/SCONJ/10/mark talks/NOUN/10/nsubj stalled/VERB/7/ccomp "
     "./PUNCT/5/punct",
     [("The ministry", "talks stalled", "indirect", "cannot_confirm", [])]),
    # refused to confirm or deny
    ("Morin/PROPN/2/nsubj refused/VERB/0/root to/PART/4/mark confirm/VERB/2/xcomp or/CCONJ/6/cc "
     "deny/VERB/4/conj that/SCONJ/10/mark Apple/PROPN/10/nsubj is/AUX/10/aux buying/VERB/6/ccomp "
     "Path/PROPN/10/obj ./PUNCT/2/punct",
     [("Morin", "Apple is buying Path", "indirect", "cannot_confirm", [])]),
    # an object with an adjunct clause is no speech: "wrote a letter about how ..."
    ("Lego/PROPN/2/nsubj wrote/VERB/0/root a/DET/4/det letter/NOUN/2/obj about/ADP/8/mark how/ADV/8/advmod "
     "gender/NOUN/8/nsubj works/VERB/2/advcl ./PUNCT/2/punct",
     []),
    # ... but "said" + object + clause is a misparsed clause, and what was said
    ("Figueroa/PROPN/2/nsubj said/VERB/0/root the/DET/4/det campaign/NOUN/2/obj planned/VERB/2/xcomp "
     "to/PART/7/mark appeal/VERB/5/xcomp ./PUNCT/2/punct",
     [("Figueroa", "the campaign planned to appeal", "indirect", "asserts", [])]),
    # evaluative speech acts: the object with what follows it is what was said
    ("Trump/PROPN/2/nsubj accused/VERB/0/root her/PRON/2/obj of/SCONJ/5/mark lying/VERB/2/advcl "
     "about/ADP/7/case Benghazi/PROPN/5/obl ./PUNCT/2/punct",
     [("Trump", "her of lying about Benghazi", "indirect", "asserts", [])]),
    ("Ham/PROPN/2/nsubj described/VERB/0/root Clinton/PROPN/2/obj as/ADP/6/case a/DET/6/det "
     "politician/NOUN/2/obl ./PUNCT/2/punct",
     [("Ham", "Clinton as a politician", "indirect", "asserts", [])]),
    # after a closing quotation mark: the nearest subject, or the noun after the verb
    ("“/PUNCT/4/punct Bad/ADJ/8/nsubj things/NOUN/4/nsubj happen/VERB/0/root ,/PUNCT/8/punct ”/PUNCT/8/punct "
     "Trump/PROPN/8/nsubj warned/VERB/4/parataxis ./PUNCT/4/punct",
     [("Trump", "Bad things happen", "direct", "asserts", [])]),
    ("“/PUNCT/4/punct Debate/NOUN/4/nsubj is/AUX/4/cop small/ADJ/0/root ,/PUNCT/7/punct ”/PUNCT/7/punct "
     "wrote/VERB/4/conj Easley/PROPN/7/obj ./PUNCT/4/punct",
     [("Easley", "Debate is small", "direct", "asserts", [])]),
    # '“...,” said X': the speaker after the verb, not a word of the quotation parsed as its subject
    ("“/PUNCT/3/punct Legend/NOUN/7/nsubj is/VERB/0/root clear/ADJ/3/xcomp ,/PUNCT/7/punct ”/PUNCT/7/punct "
     "said/VERB/3/parataxis Barrett/PROPN/7/obj ./PUNCT/3/punct",
     [("Barrett", "Legend is clear", "direct", "asserts", [])]),
    # "X, Y, said he cannot comment on ...": the complement, not a reporting tail; one speaker
    ("Chairman/NOUN/4/nsubj ,/PUNCT/3/punct Lovas/PROPN/1/appos said/VERB/0/root he/PRON/8/nsubj "
     "can/AUX/8/aux not/PART/8/advmod comment/VERB/4/ccomp on/ADP/10/case letter/NOUN/8/obl ./PUNCT/4/punct",
     [("Lovas", "he can not comment on letter", "indirect", "asserts", []),
      ("Lovas", "on letter", "indirect", "cannot_confirm", [])]),
    # a time clause after the verb is not what was said; the title before the name is no speaker
    ("“/PUNCT/3/punct Subpoenas/NOUN/3/nsubj matter/VERB/8/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct "
     "panel/NOUN/3/appos Chaffetz/PROPN/6/flat said/VERB/0/root after/ADP/10/case Pagliano/PROPN/11/nsubj "
     "left/VERB/8/ccomp ./PUNCT/8/punct",
     [("Chaffetz", "Subpoenas matter", "direct", "asserts", [])]),
    # a quotation the parse hung off the audience: "told his audience, “...”"
    ("Limbaugh/PROPN/2/nsubj told/VERB/0/root his/PRON/4/nmod:poss audience/NOUN/2/obj ,/PUNCT/8/punct "
     "“/PUNCT/8/punct it/PRON/8/nsubj happened/VERB/4/acl:relcl ./PUNCT/8/punct ”/PUNCT/8/punct",
     [("Limbaugh", "it happened.", "direct", "asserts", [])]),
    # a speech act about a topic
    ("Trump/PROPN/2/nsubj complained/VERB/0/root about/ADP/5/case his/PRON/5/nmod:poss microphone/NOUN/2/obl "
     "./PUNCT/2/punct",
     [("Trump", "his microphone", "indirect", "asserts", [])]),
    # the object of 'threaten' is its victim; 'continued to' is aspect, not speech
    ("Officials/NOUN/2/nsubj threatened/VERB/0/root the/DET/4/det family/NOUN/2/obj with/ADP/6/case "
     "charges/NOUN/2/obl ./PUNCT/2/punct",
     []),
    ("Protesters/NOUN/2/nsubj continued/VERB/0/root to/PART/4/mark march/VERB/2/xcomp through/ADP/6/case "
     "downtown/NOUN/4/obl ./PUNCT/2/punct",
     []),
    # the speaker after a closing mark, with an apposition, parsed inside the quotation's clause
    ("“/PUNCT/4/punct It/PRON/4/nsubj ’s/AUX/4/cop invasion/NOUN/14/ccomp ,/PUNCT/4/punct ”/PUNCT/7/punct "
     "Scott/PROPN/7/compound Pruitt/PROPN/4/appos ,/PUNCT/12/punct the/DET/12/det attorney/NOUN/12/compound "
     "general/NOUN/7/appos ,/PUNCT/14/punct said/VERB/0/root ./PUNCT/14/punct",
     [("Scott Pruitt", "It ’s invasion", "direct", "asserts", [])]),
    # a quotation right after 'said,' is what was said, however the parse attached it
    ("To/ADP/2/case which/PRON/4/obl she/PRON/4/nsubj said/VERB/7/advcl ,/PUNCT/4/punct “/PUNCT/4/punct "
     "Thank/VERB/0/root God/PROPN/7/obj ./PUNCT/7/punct ”/PUNCT/7/punct",
     [("she", "Thank God.", "direct", "asserts", [])]),
    # a time word parsed as the subject is skipped for the name before the verb
    ("“/PUNCT/3/punct Vetoes/NOUN/3/nsubj fail/VERB/8/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct "
     "Mitch/PROPN/7/compound McConnell/PROPN/3/conj said/VERB/0/root Tuesday/PROPN/8/nsubj ./PUNCT/8/punct",
     [("Mitch McConnell", "Vetoes fail", "direct", "asserts", [])]),
    # a participle speaks for its head's subject, not for a word inside the quotation before it
    ("Peabody/PROPN/2/nsubj said/VERB/0/root :/PUNCT/7/punct “/PUNCT/7/punct It/PRON/7/nsubj was/AUX/7/cop "
     "huge/ADJ/2/ccomp a/DET/9/det decade/NOUN/13/nsubj ago/ADV/9/advmod ,/PUNCT/13/punct ”/PUNCT/13/punct "
     "adding/VERB/2/ccomp that/SCONJ/16/mark value/NOUN/16/nsubj rose/VERB/13/ccomp ./PUNCT/2/punct",
     [("Peabody", "It was huge a decade ago", "direct", "asserts", []),
      ("Peabody", "value rose", "indirect", "asserts", [])]),
    # a that-clause opening with 'because' is still the complement
    ("Obama/PROPN/2/nsubj said/VERB/0/root that/SCONJ/7/mark because/SCONJ/7/mark terrorists/NOUN/7/nsubj "
     "exist/VERB/7/advcl means/VERB/2/ccomp little/ADJ/7/obj ./PUNCT/2/punct",
     [("Obama", "because terrorists exist means little", "indirect", "asserts", [])]),
    # 'urges X to do Y': whom, and what they are urged to do
    ("She/PRON/2/nsubj urges/VERB/0/root her/PRON/4/nmod:poss husband/NOUN/2/obj to/PART/6/mark "
     "leave/VERB/2/advcl ./PUNCT/2/punct",
     [("She", "her husband to leave", "indirect", "asserts", [])]),
    # a quotation after the verb's own few words: 'says of Clinton, “...”'
    ("He/PRON/2/nsubj says/VERB/0/root of/ADP/4/case Clinton/PROPN/2/obl ,/PUNCT/8/punct “/PUNCT/8/punct "
     "she/PRON/8/nsubj sells/VERB/2/parataxis ./PUNCT/8/punct ”/PUNCT/8/punct",
     [("He", "she sells.", "direct", "asserts", [])]),
    # 'for refusing': the object of the verb it hangs off refused
    ("Panel/NOUN/2/nsubj held/VERB/0/root Pagliano/PROPN/2/obj for/SCONJ/5/mark refusing/VERB/2/advcl "
     "to/PART/7/mark appear/VERB/5/xcomp ./PUNCT/2/punct",
     [("Pagliano", "to appear", "indirect", "cannot_confirm", [])]),
    # a phrase with a preposition parsed as the subject is none: the clause's own subject speaks
    ("Companies/NOUN/2/nsubj hid/VERB/0/root havens/NOUN/2/obj ,/PUNCT/8/punct in/ADP/7/case many/ADJ/7/amod "
     "cases/NOUN/8/nsubj reporting/VERB/2/advcl that/SCONJ/11/mark profits/NOUN/11/nsubj fell/VERB/8/ccomp "
     "./PUNCT/2/punct",
     [("Companies", "profits fell", "indirect", "asserts", [])]),
    # '“...,” Name, an apposition, said' with "said" hung off the name and the apposition its subject
    ("“/PUNCT/3/punct Deals/NOUN/3/nsubj fail/VERB/0/root ,/PUNCT/3/punct ”/PUNCT/6/punct Jim/PROPN/3/appos "
     "Jordan/PROPN/6/flat ,/PUNCT/11/punct an/DET/11/det panel/NOUN/11/compound member/NOUN/13/nsubj "
     ",/PUNCT/11/punct said/VERB/6/acl:relcl ./PUNCT/3/punct",
     [("Jim Jordan", "Deals fail", "direct", "asserts", [])]),
    # what was said around its own reporting clause, the parse making the topic the subject
    ("The/DET/2/det museum/NOUN/5/nsubj ,/PUNCT/4/punct Obama/PROPN/5/nsubj said/VERB/0/root ,/PUNCT/8/punct "
     "would/AUX/8/aux teach/VERB/5/ccomp us/PRON/8/obj ./PUNCT/5/punct",
     [("Obama", "The museum, Obama said, would teach us", "indirect", "asserts", [])]),
    # ... with "and" after the interruption, and a quoted fragment on one side
    ("Prices/NOUN/2/nsubj rose/VERB/0/root ,/PUNCT/5/punct the/DET/5/det agency/NOUN/6/nsubj said/VERB/2/parataxis "
     ",/PUNCT/10/punct and/CCONJ/10/cc wages/NOUN/10/nsubj fell/VERB/2/conj “/PUNCT/12/punct sharply/ADV/10/advmod "
     "”/PUNCT/12/punct ./PUNCT/2/punct",
     [("the agency", "Prices rose, the agency said, and wages fell “sharply”", "mixed", "asserts", [])]),
    # ... ", as X pointed out," too, with a one-word subject before it
    ("Hawaii/PROPN/8/nsubj ,/PUNCT/5/punct as/SCONJ/5/mark advisers/NOUN/5/nsubj noted/VERB/0/root ,/PUNCT/8/punct "
     "rarely/ADV/8/advmod gets/VERB/5/parataxis storms/NOUN/8/obj ./PUNCT/5/punct",
     [("advisers", "Hawaii, as advisers noted, rarely gets storms", "indirect", "asserts", [])]),
    # ... but not a participle naming something between commas
    ("His/PRON/2/nmod:poss group/NOUN/7/nsubj ,/PUNCT/4/punct called/VERB/2/acl Fund/PROPN/4/xcomp "
     ",/PUNCT/4/punct owns/VERB/0/root land/NOUN/7/obj ./PUNCT/7/punct",
     []),
    # when and where is not what was said
    ("Trump/PROPN/2/nsubj said/VERB/0/root this/DET/4/det month/NOUN/2/obj on/ADP/6/case "
     "CNBC/PROPN/4/nmod ./PUNCT/2/punct",
     []),
    # how something was said is not what was said: "said, referring to ..."
    ("Kerry/PROPN/2/nsubj said/VERB/0/root ,/PUNCT/4/punct referring/VERB/2/advcl to/ADP/7/case "
     "the/DET/7/det name/NOUN/4/obl ./PUNCT/2/punct",
     []),
    # the clause whose subject follows the verb, hung elsewhere by the parse
    ("Dean/PROPN/2/nsubj began/VERB/0/root by/SCONJ/4/mark saying/VERB/2/advcl he/PRON/7/nsubj "
     "would/AUX/7/aux diagnose/VERB/2/parataxis nobody/PRON/7/obj ./PUNCT/2/punct",
     [("Dean", "he would diagnose nobody", "indirect", "asserts", [])]),
    # ... or opens with "that" after the verb's audience
    ("He/PRON/2/nsubj won/VERB/0/root by/SCONJ/4/mark telling/VERB/2/advcl them/PRON/4/iobj that/SCONJ/8/mark "
     "lives/NOUN/8/nsubj improve/VERB/2/conj ./PUNCT/2/punct",
     [("He", "lives improve", "indirect", "asserts", [])]),
    # a word after "that" parsed as the verb's subject belongs to what was said; the speaker
    # is the subject of the verb it is coordinated with
    ("Strada/PROPN/2/nsubj wept/VERB/0/root and/CCONJ/4/cc asserted/VERB/2/conj that/SCONJ/8/mark "
     "she/PRON/4/nsubj was/AUX/8/cop tired/ADJ/4/ccomp ./PUNCT/2/punct",
     [("Strada", "she was tired", "indirect", "asserts", [])]),
    # a reporting clause ending the sentence, "announced" hung off the time word as a modifier
    ("Records/NOUN/2/nsubj come/VERB/0/root soon/ADV/2/advmod ,/PUNCT/6/punct a/DET/6/det spokesman/NOUN/2/appos "
     "announced/VERB/8/amod Monday/PROPN/2/obl:tmod ./PUNCT/2/punct",
     [("a spokesman", "Records come soon", "indirect", "asserts", [])]),
    # 'asked the candidates to discuss ...' with the infinitive hung off the object
    ("Lauer/PROPN/2/nsubj asked/VERB/0/root the/DET/4/det candidates/NOUN/2/obj to/PART/6/mark "
     "discuss/VERB/4/acl ideas/NOUN/6/obj ./PUNCT/2/punct",
     [("Lauer", "the candidates to discuss ideas", "indirect", "asserts", [])]),
    # a finite relative clause is a speech act, its "which" standing for the noun
    ("Officials/NOUN/0/root of/ADP/3/case Riyadh/PROPN/1/nmod ,/PUNCT/7/punct which/PRON/7/nsubj has/AUX/7/aux "
     "denied/VERB/3/acl:relcl any/DET/9/det involvement/NOUN/7/obj ./PUNCT/1/punct",
     [("government of Saudi Arabia", "any involvement", "indirect", "denies", [])]),
    # a passive speech act: the subject and what follows the verb, from an unnamed source ...
    ("Quiros/PROPN/3/nsubj:pass was/AUX/3/aux:pass accused/VERB/0/root of/SCONJ/5/mark "
     "lying/VERB/3/advcl to/ADP/7/case investors/NOUN/5/obl ./PUNCT/3/punct",
     [("unnamed sources", "Quiros was accused of lying to investors", "indirect", "hedged", [])]),
    # ... or from its "by" phrase
    ("The/DET/2/det story/NOUN/4/nsubj:pass was/AUX/4/aux:pass reported/VERB/0/root by/ADP/6/case "
     "Tass/PROPN/4/obl:agent ./PUNCT/4/punct",
     [("Tass", "The story", "indirect", "asserts", [])]),
    # ... not when negated, nor in a relative clause, nor a bare pronoun
    ("He/PRON/4/nsubj:pass has/AUX/4/aux never/ADV/4/advmod charged/VERB/0/root with/ADP/7/case "
     "any/DET/7/det crime/NOUN/4/obl ./PUNCT/4/punct", []),
    ("History/NOUN/0/root that/PRON/4/nsubj:pass is/AUX/4/aux:pass told/VERB/1/acl:relcl in/ADP/6/case "
     "schools/NOUN/4/obl ./PUNCT/1/punct", []),
    ("He/PRON/3/nsubj:pass was/AUX/3/aux:pass criticized/VERB/0/root ./PUNCT/3/punct", []),
    # ... and the subject of "was told" is the audience
    ("Aides/NOUN/3/nsubj:pass were/AUX/3/aux:pass told/VERB/0/root that/SCONJ/7/mark the/DET/6/det "
     "deal/NOUN/7/nsubj collapsed/VERB/3/ccomp ./PUNCT/3/punct",
     [("unnamed sources", "the deal collapsed", "indirect", "hedged", [])]),
    # a speech noun's topic when it has no clause: "his comments on the shooting" ...
    ("His/PRON/2/nmod:poss comments/NOUN/6/nsubj on/ADP/5/case police/NOUN/5/compound shootings/NOUN/2/nmod "
     "angered/VERB/0/root many/ADJ/6/obj ./PUNCT/6/punct",
     [("His comments", "police shootings", "indirect", "asserts", [])]),
    # ... but not when ("remarks on Saturday")
    ("His/PRON/2/nmod:poss remarks/NOUN/5/nsubj on/ADP/4/case Saturday/PROPN/2/nmod angered/VERB/0/root "
     "police/NOUN/5/obj ./PUNCT/5/punct", []),
    # a noun's that-clause the parse hung elsewhere opens right after it
    ("Contrary/ADJ/9/advcl to/ADP/3/case claim/NOUN/1/obl that/SCONJ/6/mark people/NOUN/6/nsubj "
     "learn/VERB/9/advcl ,/PUNCT/9/punct they/PRON/9/nsubj know/VERB/0/root ./PUNCT/9/punct",
     [("claim", "people learn", "indirect", "asserts", [])]),
    # a speech act somebody is allowed or required to make is not one made
    ("Rules/NOUN/2/nsubj allow/VERB/0/root firms/NOUN/2/obj to/PART/5/mark tell/VERB/2/xcomp "
     "investors/NOUN/5/obj that/SCONJ/9/mark profits/NOUN/9/nsubj rose/VERB/5/ccomp ./PUNCT/2/punct", []),
    # "according to a speech she delivered" with the source inside the relative clause's parse
    ("Taxes/NOUN/2/nsubj rose/VERB/0/root sharply/ADV/2/advmod ,/PUNCT/9/punct according/VERB/7/case "
     "to/ADP/5/fixed a/DET/7/det speech/NOUN/9/obl Clinton/PROPN/9/nsubj delivered/VERB/2/advcl in/ADP/12/case "
     "New/PROPN/12/compound York/PROPN/9/obl last/ADJ/14/amod July/PROPN/9/obl:tmod ./PUNCT/2/punct",
     [("Clinton", "Taxes rose sharply", "indirect", "asserts", [])]),
    # a name right before a subjectless verb, hung off the phrase before it, is the speaker
    ("In/ADP/2/case meeting/NOUN/8/obl with/ADP/7/case the/DET/7/det Washington/PROPN/7/compound "
     "Post/PROPN/7/compound Trump/PROPN/2/nmod said/VERB/0/root taxes/NOUN/10/nsubj rose/VERB/8/ccomp "
     "./PUNCT/8/punct",
     [("Trump", "taxes rose", "indirect", "asserts", [])]),
    # "said Friday afternoon" parsed with the time as the object: the clause before is what
    # was said (and a dateline with a horizontal bar is not)
    ("WASHINGTON/PROPN/4/nsubj ―/PUNCT/1/punct Taxes/NOUN/4/nsubj rose/VERB/0/root ,/PUNCT/7/punct "
     "many/ADJ/7/amod lawmakers/NOUN/8/nsubj said/VERB/4/parataxis Friday/PROPN/10/compound "
     "afternoon/NOUN/8/obj ./PUNCT/4/punct",
     [("many lawmakers", "Taxes rose", "indirect", "asserts", [])]),
    # "responded with ...": the reply itself
    ("Trump/PROPN/2/nsubj responded/VERB/0/root with/ADP/4/case attacks/NOUN/2/obl on/ADP/6/case "
     "Machado/PROPN/4/nmod ./PUNCT/2/punct",
     [("Trump", "with attacks on Machado", "indirect", "asserts", [])]),
    # the speaker after a dateline the parse joined to the subject
    ("FLINT/PROPN/10/nsubj ,/PUNCT/3/punct Mich./PROPN/1/conj (/PUNCT/5/punct UPI/PROPN/1/appos )/PUNCT/5/punct "
     "—/PUNCT/5/punct Bill/PROPN/1/conj Clinton/PROPN/8/flat criticized/VERB/0/root the/DET/13/det "
     "health/NOUN/13/compound law/NOUN/10/obj ./PUNCT/10/punct",
     [("Bill Clinton", "the health law", "indirect", "asserts", [])]),
    # "The Times" lemmatized as "time" speaks; "on Saturday" does not
    ("The/DET/2/det Times/NOUN/5/nsubj on/ADP/4/case Saturday/PROPN/2/nmod wrote/VERB/0/root that/SCONJ/8/mark "
     "taxes/NOUN/8/nsubj rose/VERB/5/ccomp ./PUNCT/5/punct",
     [("The New York Times", "taxes rose", "indirect", "asserts", [])]),
    # '“A,” Smith said, adding that B': the participle is a speech act of its own, not what
    # "said" says
    ("“/PUNCT/3/punct We/PRON/3/nsubj win/VERB/7/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct Smith/PROPN/7/nsubj "
     "said/VERB/0/root ,/PUNCT/9/punct adding/VERB/7/ccomp that/SCONJ/12/mark taxes/NOUN/12/nsubj "
     "rose/VERB/9/ccomp ./PUNCT/7/punct",
     [("Smith", "We win", "direct", "asserts", []), ("Smith", "taxes rose", "indirect", "asserts", [])]),
    # "said the politics ... would be intense" parsed as an object and a subjectless clause
    ("Fowler/PROPN/2/nsubj said/VERB/0/root the/DET/4/det politics/NOUN/2/obj would/AUX/7/aux be/AUX/7/cop "
     "intense/ADJ/2/ccomp ./PUNCT/2/punct",
     [("Fowler", "the politics would be intense", "indirect", "asserts", [])]),
    # "all" can speak ("all agreed that ..."); "that" and "this" cannot
    ("Experts/NOUN/2/nsubj met/VERB/0/root ;/PUNCT/5/punct all/PRON/5/nsubj agreed/VERB/2/parataxis "
     "that/SCONJ/8/mark taxes/NOUN/8/nsubj rose/VERB/5/ccomp ./PUNCT/2/punct",
     [("all", "taxes rose", "indirect", "confirms", [])]),
    # what is charged, and what is reported, can be a noun phrase
    ("Prosecutors/NOUN/2/nsubj charged/VERB/0/root two/NUM/4/nummod developers/NOUN/2/obj with/SCONJ/6/mark "
     "defrauding/VERB/2/advcl investors/NOUN/6/obj ./PUNCT/2/punct",
     [("Prosecutors", "two developers with defrauding investors", "indirect", "asserts", [])]),
    ("Tass/PROPN/3/nsubj first/ADV/3/advmod reported/VERB/0/root the/DET/5/det story/NOUN/3/obj ./PUNCT/3/punct",
     [("Tass", "the story", "indirect", "asserts", [])]),
    # ... but not one somebody was asked to make
    ("Congress/PROPN/2/nsubj asked/VERB/0/root prosecutors/NOUN/2/obj to/PART/5/mark charge/VERB/2/xcomp "
     "the/DET/7/det aide/NOUN/5/obj ./PUNCT/2/punct",
     [("Congress", "prosecutors to charge the aide", "indirect", "asserts", [])]),
    # an adverb between the interrupting speaker and the verb ("Mr. Obama often says")
    ("Climate/PROPN/2/compound change/NOUN/6/nsubj ,/PUNCT/2/punct Obama/PROPN/2/conj often/ADV/6/advmod "
     "says/VERB/0/root ,/PUNCT/10/punct is/AUX/10/cop the/DET/10/det threat/NOUN/6/ccomp ./PUNCT/6/punct",
     [("Obama", "Climate change, Obama often says, is the threat", "indirect", "asserts", [])]),
    # a name tagged as a verb right before 'said'
    ("In/ADP/2/case statement/NOUN/5/obl ,/PUNCT/2/punct Husted/VERB/5/ccomp said/VERB/0/root "
     "voters/NOUN/7/nsubj died/VERB/5/ccomp ./PUNCT/5/punct",
     [("Husted", "voters died", "indirect", "asserts", [])]),
    # relative_clause_content: a relative clause after the speaker is not what was said, but the
    # quotation before the verb is
    ("“/PUNCT/3/punct Buyer/NOUN/3/compound beware/NOUN/6/nsubj ,/PUNCT/3/punct ”/PUNCT/3/punct said/VERB/0/root "
     "Sunshine/PROPN/6/nsubj ,/PUNCT/10/punct who/PRON/10/nsubj knows/VERB/6/ccomp him/PRON/10/obj ./PUNCT/6/punct",
     [("Sunshine", "Buyer beware", "direct", "asserts", [])]),
    # verb_after_quotation: a speech verb's form tagged as a noun after its subject speaks the quotation
    ("“/PUNCT/3/punct We/PRON/3/nsubj wait/VERB/0/root ,/PUNCT/3/punct ”/PUNCT/3/punct Conway/PROPN/7/nsubj "
     "notes/NOUN/3/parataxis ./PUNCT/3/punct",
     [("Conway", "We wait", "direct", "asserts", [])]),
    # a relative clause set off by commas between the quotation and its verb describes the speaker
    ("“/PUNCT/3/punct We/PRON/3/nsubj wait/VERB/0/root ,/PUNCT/3/punct ”/PUNCT/3/punct Warren/PROPN/3/appos "
     ",/PUNCT/10/punct who/PRON/10/nsubj has/AUX/10/aux endorsed/VERB/6/acl:relcl nobody/PRON/10/obj "
     ",/PUNCT/13/punct told/VERB/3/conj reporters/NOUN/13/obj ./PUNCT/3/punct",
     [("Warren", "We wait", "direct", "asserts", [])]),
    # ... and hung off a subject mid-sentence, it speaks for the subject's clause
    ("Other/ADJ/2/amod cleavages/NOUN/8/nsubj ,/PUNCT/6/punct according/VERB/6/case to/ADP/6/case "
     "Gallup/PROPN/2/nmod ,/PUNCT/6/punct include/VERB/0/root age/NOUN/8/obj and/CCONJ/11/cc "
     "gender/NOUN/9/conj ./PUNCT/8/punct",
     [("Gallup", "include age and gender", "indirect", "asserts", [])]),
    # a quotation mark the parse hung off the verb does not cut what was said short (longest_run)
    ("Putin/PROPN/2/nsubj spoke/VERB/0/root ,/PUNCT/4/punct saying/VERB/2/advcl it/PRON/8/nsubj “/PUNCT/4/punct "
     "could/AUX/8/aux happen/VERB/2/conj ./PUNCT/8/punct ”/PUNCT/8/punct",
     [("Putin", "it “could happen.”", "mixed", "asserts", [])]),
    # a title and the name after it parsed as two subjects are one speaker, also for a verb
    # that inherits them (Tree.title_then_name_subject)
    ("Kremlin/PROPN/2/compound spokesman/NOUN/5/nsubj Dmitry/PROPN/5/nsubj Peskov/PROPN/3/flat told/VERB/0/root "
     "Tass/PROPN/5/obj that/SCONJ/9/mark talks/NOUN/9/nsubj failed/VERB/5/ccomp ,/PUNCT/12/punct but/CCONJ/12/cc "
     "said/VERB/5/conj :/PUNCT/16/punct “/PUNCT/16/punct We/PRON/16/nsubj continue/VERB/12/ccomp ./PUNCT/16/punct "
     "”/PUNCT/16/punct",
     [("Dmitry Peskov", "talks failed", "indirect", "asserts", ["Tass"]),
      ("Dmitry Peskov", "We continue.", "direct", "asserts", ["Tass"])]),
    # a month is no speaker, however the parse hangs it ("said Dec. 5 that ...": time_word)
    ("Clinton/PROPN/2/dep said/VERB/0/root Dec./PROPN/2/nsubj 5/NUM/3/nummod that/SCONJ/7/mark talks/NOUN/7/nsubj "
     "failed/VERB/2/ccomp ./PUNCT/2/punct",
     [("Clinton", "talks failed", "indirect", "asserts", [])]),
    # the complement's subject the parse gave the reporting verb is the complement's
    # (complement_subject_on_verb)
    ("Kiedis/PROPN/2/nsubj said/VERB/0/root his/PRON/4/nmod:poss band/NOUN/2/nsubj played/VERB/2/ccomp "
     "songs/NOUN/5/obj ./PUNCT/2/punct",
     [("Kiedis", "his band played songs", "indirect", "asserts", [])]),
    # "<title> of <object> <name>": the name after the title's object, however the parse hangs it
    # (names.after_title_object, proper_run)
    ("US/PROPN/2/compound Secretary/PROPN/7/nsubj of/ADP/4/case State/PROPN/5/nmod:desc Antony/PROPN/2/nmod "
     "Blinken/PROPN/5/flat said/VERB/0/root talks/NOUN/10/nsubj had/AUX/10/aux failed/VERB/7/ccomp ./PUNCT/7/punct",
     [("Antony Blinken", "talks had failed", "indirect", "asserts", [])]),
    # a quantity word tagged as an adverb still speaks for its group (not_nominal, quantity_speakers)
    ("Nearly/ADV/2/advmod half/ADV/3/nsubj said/VERB/0/root they/PRON/5/nsubj prefer/VERB/3/ccomp "
     "experience/NOUN/5/obj ./PUNCT/3/punct",
     [("half", "they prefer experience", "indirect", "asserts", [])]),
    # "Y, X announced" with the comma hung off the subject's title (is_reporting_tail)
    ("Russia/PROPN/3/nsubj has/AUX/3/aux accepted/VERB/0/root talks/NOUN/3/obj ,/PUNCT/7/punct "
     "Kremlin/PROPN/7/compound spokesman/NOUN/8/nmod:desc Dmitry/PROPN/10/nsubj Peskov/PROPN/8/flat "
     "announced/VERB/3/conj ./PUNCT/3/punct",
     [("Dmitry Peskov", "Russia has accepted talks", "indirect", "asserts", [])]),
    # the clause opened right after the verb, its subject parsed as an object (clause_opened_after)
    ("Putin/PROPN/2/nsubj spoke/VERB/0/root ,/PUNCT/4/punct saying/VERB/2/advcl it/PRON/7/obj “/PUNCT/4/punct "
     "could/AUX/7/aux happen/VERB/2/conj ./PUNCT/7/punct ”/PUNCT/7/punct",
     [("Putin", "it “could happen.”", "mixed", "asserts", [])]),
    # "could not confirm reports that Y" with Y hung off "told": the noun's clause (complements.noun_clause)
    ("Peskov/PROPN/2/nsubj told/VERB/0/root Tass/PROPN/2/iobj that/SCONJ/8/mark he/PRON/8/nsubj could/AUX/8/aux "
     "not/PART/8/advmod confirm/VERB/2/ccomp reports/NOUN/8/obj that/SCONJ/13/mark talks/NOUN/13/nsubj "
     "had/AUX/13/aux failed/VERB/2/ccomp ./PUNCT/2/punct",
     [("Peskov", "talks had failed", "indirect", "cannot_confirm", ["Tass"])]),
]


@pytest.mark.parametrize("spec, expected", CASES)
def test_rules(spec, expected):
    text, doc = doc_from(spec)
    got = [(r.speaker.name, r.content, r.type, r.stance, [c.name for c in r.chain]) for r in attributions(doc)]
    for r in attributions(doc):
        assert text[r.start:r.end] == r.content
    assert sorted(got) == sorted(expected)


@pytest.mark.parametrize("spec, side", [
    # "Y, according to X." speaks for all of Y, whatever word of it the parse hangs X off
    ("Aides/NOUN/2/nsubj told/VERB/0/root her/PRON/2/obj talks/NOUN/5/nsubj failed/VERB/2/ccomp ,/PUNCT/7/punct "
     "according/VERB/9/case to/ADP/7/fixed Gallup/PROPN/5/obl ./PUNCT/2/punct", "Aides told her talks failed"),
    # "According to X, Y." for all of Y
    ("According/VERB/3/case to/ADP/1/fixed Gallup/PROPN/6/obl ,/PUNCT/3/punct age/NOUN/6/nsubj "
     "matters/VERB/0/root most/ADV/6/advmod ./PUNCT/6/punct", "age matters most"),
    # mid-sentence: the parse decides
    ("Talks/NOUN/5/nsubj ,/PUNCT/4/punct according/VERB/4/case to/ADP/3/fixed Gallup/PROPN/1/nmod ,/PUNCT/4/punct "
     "failed/VERB/0/root ./PUNCT/6/punct", None),
])
def test_according_to_at_a_sentence_edge_speaks_for_the_rest(spec, side):
    from quotes.extractors.according import sentence_side
    from quotes.extractors.tree import Tree
    text, doc = doc_from(spec)
    t = Tree(doc.sentences[0])
    w = next(x for x in t.words if x.text.lower() == "according")
    src = next(x for x in t.words if x.text == "Gallup")
    got = sentence_side(t, w, t.subtree(src.id))
    assert (text[t.w(got[0]).start:t.w(got[-1]).end] if got else None) == side


def test_reportedly_is_hedged_and_anonymous():
    text, doc = doc_from("The/DET/2/det visit/NOUN/5/nsubj:pass was/AUX/5/aux:pass reportedly/ADV/5/advmod "
                         "canceled/VERB/0/root ./PUNCT/5/punct")
    (r,) = attributions(doc)
    assert (r.stance, r.speaker.kind, r.cue) == ("hedged", "anonymous", "reportedly")
    assert r.content == "The visit was reportedly canceled"


def test_headline_report():
    text, doc = doc_from("Putin/PROPN/3/nsubj visit/NOUN/3/nsubj postponed/VERB/0/root :/PUNCT/5/punct "
                         "report/NOUN/3/parataxis", {"report": "report"})
    (r,) = attributions(doc)
    assert (r.speaker.name, r.stance, r.cue, r.content) == ("report", "hedged", ":", "Putin visit postponed")


@pytest.mark.parametrize("text, speaker, content", [
    ("WALLACE: Will she be at the debate tomorrow?", "WALLACE", "Will she be at the debate tomorrow?"),
    ("“He scares me every single day.” ― Krystal Correa", "Krystal Correa", "He scares me every single day."),
    ("Poll: Wealthy Voters Abandon Republican Party", "Poll", "Wealthy Voters Abandon Republican Party"),
])
def test_layout_cues(text, speaker, content):
    (c,) = list(layout_cues(text))
    assert (c.speaker, text[c.start:c.end]) == (speaker, content)


@pytest.mark.parametrize("text", [
    "India: 400 men cut off their testicles to follow a guru",   # a topic, not a speaker
    "UPDATE: The story was changed at noon today",
])
def test_topic_labels_are_not_speakers(text):
    assert list(layout_cues(text)) == []


@pytest.mark.parametrize("words, expected", [
    (["He", "said", "so", "."], True),
    (["“", "Go", "home", ".", "”"], False),  # one whole quotation: nothing to parse
    (["They", "want", "“", "justice", "”"], True),  # a quoted fragment may be mixed speech
    (["The", "report", "that", "he", "left"], True),
    (["The", "report", "is", "long"], False),
    (["Lynch", "notes", "they", "left"], True),   # an ambiguous form after a name is a verb
    (["he", "charges", "it", "failed"], True),
    (["Several", "reports", "are", "long"], False),
    (["Video", "shows", "a", "dog"], False),       # an evidence verb after a name is no speech
    (["It", "rained", "."], False),
    (["Sources", ":", "a", "plan"], True),
])
def test_candidate_sentences(words, expected):
    ws, pos = [], 0
    for i, w in enumerate(words, 1):
        ws.append(Word(i, w, pos, pos + len(w)))
        pos += len(w) + 1
    assert is_candidate(Sentence(0, 0, pos, ws, parsed=False)) is expected


def test_interrupted_quotation_is_one_record():
    # “A,” he said. “B ...”: the quotation goes on after its cue
    text, doc = doc_from(
        "“/PUNCT/3/punct We/PRON/3/nsubj act/VERB/7/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct he/PRON/7/nsubj "
        "said/VERB/0/root ./PUNCT/7/punct", tail=" “And we will win again.”")
    (r,) = list(attributions(doc))
    assert r.type == "direct" and r.speaker.mention == "he"
    assert [text[s:e] for s, e in r.parts] == ["We act", "And we will win again."]
    assert r.statement == "We act And we will win again." and text[r.start:r.end] == r.content
    from quotes.types import Attribution
    back = Attribution.from_dict(r.to_dict())
    assert (back.parts, back.start, back.end, back.content) == (r.parts, r.start, r.end, r.content)


def test_quotation_resumed_after_its_cue_in_one_sentence():
    # '“A,” she wrote, “and B.”': the second piece does not open a sentence
    text, doc = doc_from(
        "“/PUNCT/3/punct We/PRON/3/nsubj act/VERB/7/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct she/PRON/7/nsubj "
        "wrote/VERB/0/root ,/PUNCT/7/punct", lemmas={"wrote": "write"}, tail=" “and we will win.”")
    (r,) = list(attributions(doc))
    assert [text[s:e] for s, e in r.parts] == ["We act", "and we will win."]


def test_negation_inside_the_quotation_is_not_the_cues():
    text, doc = doc_from(
        "“/PUNCT/3/punct Probably/ADV/3/advmod not/PART/7/advmod ,/PUNCT/3/punct ”/PUNCT/3/punct she/PRON/7/nsubj "
        "said/VERB/0/root ./PUNCT/7/punct")
    (r,) = list(attributions(doc))
    assert (r.cue, r.stance) == ("said", "asserts")


@pytest.mark.parametrize("spec, speaker", [
    # a capitalised sentence opener is not part of the name
    ("Meanwhile/PROPN/2/compound Trump/PROPN/3/nsubj said/VERB/0/root it/PRON/5/nsubj failed/VERB/3/ccomp "
     "./PUNCT/3/punct", "Trump"),
    # a title word after a given name is a surname
    ("Charlie/PROPN/3/nsubj King/PROPN/1/flat said/VERB/0/root it/PRON/5/nsubj failed/VERB/3/ccomp "
     "./PUNCT/3/punct", "Charlie King"),
    # a modifier set off by a comma is not part of the phrase ("Cement makers, for instance, argue")
    ("Cement/NOUN/2/compound makers/NOUN/7/nsubj ,/PUNCT/5/punct for/ADP/5/case instance/NOUN/2/nmod "
     ",/PUNCT/2/punct argue/VERB/0/root it/PRON/9/nsubj failed/VERB/7/ccomp ./PUNCT/7/punct", "Cement makers"),
    # capitalised common nouns joined as a compound inside a sentence are a name
    ("the/DET/3/det Tax/NOUN/3/compound Foundation/NOUN/4/nsubj said/VERB/0/root it/PRON/6/nsubj "
     "failed/VERB/4/ccomp ./PUNCT/4/punct", "Tax Foundation"),
    # ... but a name the parse hung the same way is an apposition, and names the speaker
    ("One/NUM/6/nsubj ,/PUNCT/3/punct Unity/PROPN/1/nmod ,/PUNCT/1/punct has/AUX/6/aux threatened/VERB/0/root "
     "to/PART/8/mark leave/VERB/6/xcomp ./PUNCT/6/punct", "Unity"),
])
def test_speaker_names(spec, speaker):
    _, doc = doc_from(spec, lemmas={"failed": "fail"})
    (r,) = list(attributions(doc))
    assert r.speaker.name == speaker


@pytest.mark.parametrize("text, second_cue, records", [
    # the quotation goes on in the next paragraph with no cue of its own: one statement
    # (as PolNeAR annotates it)
    ("“We act,” he said.\n\n“And we win.”", None, 1),
    # ... but not past a paragraph of other words, nor when it has a cue of its own
    ("“We act,” he said.\n\nIt rained.\n\n“And we win.”", None, 2),
    ("“We act,” he said.\n\n“And we win.”", "said", 2),
])
def test_quotation_continued_in_the_next_paragraph(text, second_cue, records):
    from quotes.extractors.direct import join_interrupted
    from quotes.types import Attribution, Speaker
    sp = Speaker("Al", "he", start=10, end=12)
    a = Attribution("d", "direct", "We act", 1, 7, "said", "asserts", sp, cue_start=13, cue_end=17)
    s = text.index("And")
    b = Attribution("d", "direct", "And we win.", s, s + 11, second_cue, "asserts", sp,
                    cue_start=None if second_cue is None else 13, cue_end=None if second_cue is None else 17)
    assert text[b.start:b.end] == b.content
    assert len(join_interrupted([a, b], text)) == records


def test_quotation_after_a_non_breaking_space_opens_a_sentence():
    # '“A,” Gorka urged.\xa0“B.”': the second quotation continues the same speaker
    text, doc = doc_from("“/PUNCT/3/punct We/PRON/3/nsubj act/VERB/7/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct "
                         "Gorka/PROPN/7/nsubj urged/VERB/0/root ./PUNCT/7/punct", lemmas={"urged": "urge"},
                         tail="\xa0“This is a woman who is responsible.”")
    (r,) = list(attributions(doc))
    assert r.speaker.mention == "Gorka" and text[r.parts[-1][0]:r.parts[-1][1]] == "This is a woman who is responsible."


def test_continuation_is_the_last_quoted_speakers_even_an_anonymous_one():
    # '“A,” the source said. “B.”' continues "the source", not a named speaker quoted earlier
    text, doc = doc_from("“/PUNCT/3/punct We/PRON/3/nsubj act/VERB/8/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct "
                         "the/DET/7/det source/NOUN/8/nsubj said/VERB/0/root ./PUNCT/8/punct",
                         lead="“Taxes will rise,” Rubio said.\n\nIt rained.\n\n", tail=" “We will win it all.”")
    recs = [r for r in attributions(doc) if "win" in r.content]
    assert [r.speaker.mention for r in recs] == ["the source"]


@pytest.mark.parametrize("between, mention", [
    ("Later she spoke of her plans for the campaign.", "she"),  # latest_mention: named again as "she"
    ("Later Melanie spoke of her plans for the campaign.", "Melanie"),  # ... by name, the later mention
    ("Later he spoke of his plans for the campaign.", "Melanie"),  # "he" is no woman: the first mention
    ("It rained all day long over the whole of the campaign.", "Melanie"),  # not named again
])
def test_continuation_is_said_by_the_latest_mention_of_its_speaker(between, mention):
    # '“A,” Melanie said.\nLater she ...\n“B.”': "she" (sources.latest_mention) says B
    text, doc = doc_from(_CONTINUED, tail=f"\n{between}\n“I would do it again, Donald.”")
    (r,) = [r for r in attributions(doc) if r.rule == "continuation"]
    assert (r.speaker.name, r.speaker.mention, text[r.speaker.start:r.speaker.end]) == ("Melanie", mention, mention)
    assert r.speaker.start == (text.index(between) + between.index(mention) if mention in between
                               else text.index("Melanie"))


@pytest.mark.parametrize("outer, mention", [
    ("Ann/PROPN/3/nsubj Lee/PROPN/1/flat", "Ann Lee"),  # chains.own_statement_mention: the outer mention
    ("Tass/PROPN/3/nsubj also/ADV/3/advmod", "she"),  # someone else relays her: her own mention (Tass is the chain)
])
def test_a_speaker_who_relays_her_own_statement_is_its_outer_mention(outer, mention):
    # 'Ann Lee said she denied that talks failed': "Ann Lee" says it, not "she"
    text, doc = doc_from(f"{outer} said/VERB/0/root she/PRON/5/nsubj denied/VERB/3/ccomp that/SCONJ/8/mark "
                         "talks/NOUN/8/nsubj failed/VERB/5/ccomp ./PUNCT/3/punct")
    (r,) = [r for r in attributions(doc) if r.cue == "denied"]
    assert (r.content, text[r.speaker.start:r.speaker.end]) == ("talks failed", mention)


@pytest.mark.parametrize("subject, mention", [
    ("Ann/PROPN/2/compound Lee/PROPN/3/nsubj", "Ann Lee"),  # sources.named_subject_before: a name
    ("The/DET/2/det crowd/NOUN/3/nsubj", "Melanie"),  # no name: the quotation continues Melanie
])
def test_a_quotation_after_a_sentence_with_a_named_subject_is_that_sources(subject, mention):
    # '“We act,” Melanie said.\nAnn Lee listed reasons.\n“We will win it all.”': Ann Lee says it
    first, before = doc_from(_CONTINUED)
    text, doc = doc_from(f"{subject} listed/VERB/0/root reasons/NOUN/3/obj ./PUNCT/3/punct",
                         lead=first + "\n", tail="\n“We will win it all.”")
    doc.sentences = [dataclasses.replace(s, index=i) for i, s in enumerate(before.sentences + doc.sentences)]
    (r,) = [r for r in attributions(doc) if r.rule == "continuation"]
    assert (r.content, text[r.speaker.start:r.speaker.end]) == ("We will win it all.", mention)


def test_a_bare_cue_whose_sentence_ends_claims_no_quotation_after_it():
    # '“A,” Oliver barked. “Honestly,” he continued, ...': "Honestly" is not what he barked
    text, doc = doc_from("“/PUNCT/3/punct You/PRON/3/nsubj lie/VERB/7/parataxis ,/PUNCT/3/punct ”/PUNCT/3/punct "
                         "Oliver/PROPN/7/nsubj barked/VERB/0/root ./PUNCT/7/punct", lemmas={"barked": "bark"},
                         tail=" “Honestly,” he continued, “we lose.”")
    assert [(r.content, r.rule) for r in attributions(doc) if r.cue == "barked"] == [("You lie", "verb_beside")]


def test_relative_pronoun_is_the_mention_and_its_noun_the_name():
    # like "he said", "who argue" keeps the word of its own clause as the mention
    text, doc = doc_from("Economists/NOUN/0/root ,/PUNCT/4/punct who/PRON/4/nsubj argue/VERB/1/acl:relcl "
                         "taxes/NOUN/6/nsubj fall/VERB/4/ccomp ./PUNCT/1/punct", lemmas={"argue": "argue"})
    (r,) = list(attributions(doc))
    assert (r.speaker.name, r.speaker.mention, r.content) == ("Economists", "who", "taxes fall")
    assert text[r.speaker.start:r.speaker.end] == "who"


def test_dash_signature_after_a_wrong_way_opening_mark():
    text = "”Mr. Trump’s performance confirms where he stands.” ― Veronica Cruz\n"
    (c,) = list(layout_cues(text))
    assert c.speaker == "Veronica Cruz" and text[c.start:c.end] == "Mr. Trump’s performance confirms where he stands."


def test_a_quotation_before_a_cued_one_is_the_same_speakers():
    # '“A.” “B,” she said.': the first quotation has no cue of its own; it is hers, one statement
    text, doc = doc_from("“/PUNCT/3/punct We/PRON/3/nsubj win/VERB/7/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct "
                         "she/PRON/7/nsubj said/VERB/0/root ./PUNCT/7/punct", lead="“We act now.” ")
    (r,) = list(attributions(doc))
    assert r.speaker.mention == "she" and [text[s:e] for s, e in r.parts] == ["We act now.", "We win"]


def test_statement_interrupted_by_its_reporting_clause_has_two_parts():
    text, doc = doc_from("The/DET/2/det museum/NOUN/5/nsubj ,/PUNCT/4/punct Obama/PROPN/5/nsubj said/VERB/0/root "
                         ",/PUNCT/8/punct would/AUX/8/aux teach/VERB/5/ccomp us/PRON/8/obj ./PUNCT/5/punct")
    (r,) = list(attributions(doc))
    assert [text[s:e] for s, e in r.parts] == ["The museum", "would teach us"]
    assert r.statement == "The museum would teach us" and r.speaker.mention == "Obama"


@pytest.mark.parametrize("between", [
    # "Mrs." ends no sentence (a cue clause this long may hold one sentence end)
    " said Smith, the director of the centrist Tax Policy Center at the Urban Institute, of Mrs. Jones's plan. ",
    " said Smith, speaking of the plan. ",                # the cue clause's own statement sits between
    " said Smith, who recalled Jones's temper. ",         # ... or one of somebody else nested in it
])
def test_quotation_joined_across_its_cue_clause(between):
    from quotes.extractors.direct import join_interrupted
    from quotes.types import Attribution, Speaker
    text = "“We act,”" + between + "“We win.”"
    sp = Speaker("Smith", "Smith", start=text.index("Smith"), end=text.index("Smith") + 5)
    cue = text.index("said")
    a = Attribution("d", "direct", "We act", 1, 7, "said", "asserts", sp, cue_start=cue, cue_end=cue + 4)
    b = Attribution("d", "direct", "We win.", len(text) - 8, len(text) - 1, None, "asserts", sp)
    records = [a, b]
    if "speaking" in between:
        s = text.index("speaking")
        records.append(Attribution("d", "indirect", text[s:s + 21], s, s + 21, "said", "asserts", sp,
                                   cue_start=cue, cue_end=cue + 4))
    if "recalled" in between:
        s, r = text.index("Jones"), text.index("recalled")
        records.append(Attribution("d", "indirect", "Jones's temper", s, s + 14, "recalled", "asserts",
                                   Speaker("who", "who", start=r - 4, end=r - 1), cue_start=r, cue_end=r + 8))
    joined = [r for r in join_interrupted(records, text) if r.type == "direct"]
    assert len(joined) == 1 and [text[s:e] for s, e in joined[0].parts] == ["We act", "We win."]


def test_one_word_first_piece_of_an_interrupted_quotation():
    # '“That,” he added, “promises ...”': "That," is the first piece, not a scare quote
    text, doc = doc_from("“/PUNCT/2/punct That/PRON/9/nsubj ,/PUNCT/2/punct ”/PUNCT/2/punct he/PRON/6/nsubj "
                         "added/VERB/9/advcl ,/PUNCT/2/punct “/PUNCT/9/punct promises/VERB/0/root help/NOUN/9/obj "
                         "./PUNCT/9/punct ”/PUNCT/9/punct", lemmas={"added": "add"})
    (r,) = list(attributions(doc))
    assert r.speaker.mention == "he" and [text[s:e] for s, e in r.parts] == ["That", "promises help."]


def test_three_word_quotation_continues_its_speaker():
    text, doc = doc_from("“/PUNCT/3/punct We/PRON/3/nsubj act/VERB/7/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct "
                         "Melanie/PROPN/7/nsubj said/VERB/0/root ./PUNCT/7/punct", tail=" “I would, Donald.”")
    (r,) = list(attributions(doc))
    assert [text[s:e] for s, e in r.parts] == ["We act", "I would, Donald."]


# --- every record names its rule ------------------------------------------------------

def test_records_name_their_rule():
    text, doc = doc_from("Peskov/PROPN/2/nsubj said/VERB/0/root that/SCONJ/6/mark the/DET/5/det visit/NOUN/6/nsubj "
                         "ended/VERB/2/ccomp ./PUNCT/2/punct")
    recs = list(attributions(doc))
    assert [r.rule for r in recs] == ["complement_clause"]
    assert recs[0].to_dict()["rule"] == "complement_clause"


def test_rule_field_round_trips_and_old_json_loads():
    from quotes.types import Attribution, Speaker
    a = Attribution("d", "indirect", "x", 0, 1, "said", "asserts", Speaker("A", "A"), rule="according_to")
    assert Attribution.from_dict(a.to_dict()) == a
    old = a.to_dict()
    del old["rule"]
    assert Attribution.from_dict(old).rule is None


# --- rule rows: each named rule of the extraction layer on a hand-made parse -----------------
# A row names its module, the sequence that holds the rule and the rule; it passes with the
# rules as they are and must fail once that rule is taken out of its sequence.

from quotes.extractors import attribute, direct, interrupted, passive, phrases, speakers  # noqa: E402
from quotes.extractors.phrases import NP, describe  # noqa: E402
from quotes.extractors.tree import Tree  # noqa: E402
from quotes.lexicons import load  # noqa: E402
from quotes.types import ANONYMOUS, DOCUMENT, OUTLET, PERSON, UNKNOWN, Speaker  # noqa: E402


def _parse(spec: str) -> tuple[Tree, str]:
    """'Peskov/PROPN/2/nsubj said/VERB/0/root' -> a hand-made parse and its text."""
    toks = [tok.rsplit("/", 3) for tok in spec.split()]
    text = " ".join(f.replace("_", " ") for f, *_ in toks)
    return Tree.of(text, [(f.replace("_", " "), u, int(h), r) for f, u, h, r in toks]), text


def _around(spec: str, verb: int):
    t, text = _parse(spec)
    got = interrupted.around_reporting_clause(t, t.w(verb))
    return got and (got[0].text, [text[s:e] for s, e in got[1]])


def _passive_parts(spec: str, verb: int, subj: int):
    t, text = _parse(spec)
    got = passive.passive_statement(t, t.w(verb), t.w(subj), audience_object=False)
    return got and [text[s:e] for s, e in got.parts]


def _phrase(spec: str, head: int, ner: str = "O"):
    t, text = _parse(spec)
    t.w(head).ner = ner
    np = describe(t, t.w(head), text, load())
    return np.mention, np.name, np.role, np.kind


def _resolved(np: NP, people=(), spoke=()) -> str:
    r = speakers.Resolver()
    for name, role in people:
        r.register(name, role, PERSON, 0)
    r.speakers.extend(spoke)
    return speakers.resolve(np, r, load()).name


def _resolved_kind(np: NP, outlets=()) -> str:
    r = speakers.Resolver()
    r.outlets.update(outlets)
    return speakers.resolve(np, r, load()).kind


def _records(spec: str, **kw):
    text, doc = doc_from(spec, **kw)
    return sorted((r.speaker.name, r.content, r.parts, tuple(c.name for c in r.chain)) for r in attributions(doc))


_SAID = "Peskov/PROPN/2/nsubj said/VERB/0/root that/SCONJ/6/mark the/DET/5/det visit/NOUN/6/nsubj " \
        "continued/VERB/2/ccomp ./PUNCT/2/punct"
_NESTED = "Tass/PROPN/2/nsubj reported/VERB/0/root that/SCONJ/7/mark a/DET/5/det source/NOUN/7/nsubj " \
          "had/AUX/7/aux confirmed/VERB/2/ccomp a/DET/9/det report/NOUN/7/obj that/SCONJ/13/mark " \
          "the/DET/12/det visit/NOUN/13/nsubj:pass ended/VERB/9/acl ./PUNCT/2/punct"
_CONTINUED = ("“/PUNCT/3/punct We/PRON/3/nsubj act/VERB/7/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct "
              "Melanie/PROPN/7/nsubj said/VERB/0/root ./PUNCT/7/punct")
_KREMLIN = "Kremlin/PROPN/2/compound spokesman/NOUN/4/compound Dmitry/PROPN/4/compound Peskov/PROPN/0/root"
_INTERFAX = "the/DET/4/det Interfax/PROPN/4/compound news/NOUN/4/compound agency/NOUN/0/root"
_PESKOV = [("Dmitry Peskov", "Kremlin spokesman")]

STAGE_RULE_ROWS = [
    # interrupted.VETOES: a clause between commas that reports no statement around it
    (interrupted, "VETOES", "quotation_follows", lambda: _around(
        "Prices/NOUN/4/nsubj ,/PUNCT/4/punct he/PRON/4/nsubj said/VERB/0/root ,/PUNCT/4/punct “/PUNCT/9/punct "
        "prices/NOUN/9/nsubj will/AUX/9/aux rise/VERB/4/ccomp ./PUNCT/4/punct", 4), None),
    (interrupted, "VETOES", "quotation_before", lambda: _around(
        "“/PUNCT/2/punct Prices/NOUN/9/nsubj ”/PUNCT/2/punct ,/PUNCT/6/punct he/PRON/6/nsubj said/VERB/0/root "
        ",/PUNCT/6/punct will/AUX/9/aux rise/VERB/6/ccomp ./PUNCT/6/punct", 6), None),
    (interrupted, "VETOES", "little_before", lambda: _around(
        "So/ADV/4/advmod ,/PUNCT/4/punct he/PRON/4/nsubj said/VERB/0/root ,/PUNCT/4/punct prices/NOUN/8/nsubj "
        "will/AUX/8/aux rise/VERB/4/ccomp ./PUNCT/4/punct", 4), None),
    (interrupted, "VETOES", "little_after", lambda: _around(
        "Prices/NOUN/6/nsubj ,/PUNCT/4/punct he/PRON/4/nsubj said/VERB/0/root ,/PUNCT/4/punct rose/VERB/4/ccomp "
        "./PUNCT/4/punct", 4), None),
    (interrupted, "VETOES", "clause_after", lambda: _around(
        "The/DET/2/det plan/NOUN/5/obj ,/PUNCT/5/punct he/PRON/5/nsubj said/VERB/0/root ,/PUNCT/5/punct "
        "while/SCONJ/9/mark we/PRON/9/nsubj wait/VERB/5/advcl ./PUNCT/5/punct", 5), None),
    (interrupted, "VETOES", "no_verb_after", lambda: _around(
        "The/DET/2/det plan/NOUN/3/nsubj failed/VERB/0/root ,/PUNCT/5/punct say/VERB/3/parataxis "
        "officials/NOUN/5/nsubj ,/PUNCT/9/punct a/DET/9/det team/NOUN/6/appos of/ADP/11/case "
        "advisers/NOUN/9/nmod ./PUNCT/3/punct", 5), None),
    # interrupted.SPEAKER_RULES: who in the clause speaks
    (interrupted, "SPEAKER_RULES", "verb_subject", lambda: _around(
        "Prices/NOUN/9/nsubj ,/PUNCT/3/punct say/VERB/9/parataxis Obama/PROPN/6/nmod:poss 's/PART/4/case "
        "advisers/NOUN/3/nsubj ,/PUNCT/3/punct will/AUX/9/aux rise/VERB/0/root ./PUNCT/9/punct", 3),
     ("advisers", ["Prices", "will rise"])),
    (interrupted, "SPEAKER_RULES", "head_before_preposition", lambda: _around(
        "Prices/NOUN/9/nsubj ,/PUNCT/6/punct Obama/PROPN/5/nmod:poss 's/PART/3/case advisers/NOUN/6/obl "
        "said/VERB/9/parataxis ,/PUNCT/6/punct will/AUX/9/aux rise/VERB/0/root ./PUNCT/9/punct", 6),
     ("advisers", ["Prices", "will rise"])),
    (interrupted, "SPEAKER_RULES", "first_name", lambda: _around(
        "Prices/NOUN/7/nsubj ,/PUNCT/3/punct say/VERB/7/parataxis officials/NOUN/3/obj ,/PUNCT/3/punct "
        "will/AUX/7/aux rise/VERB/0/root ./PUNCT/7/punct", 3), ("officials", ["Prices", "will rise"])),
    # passive.VETOES: a passive speech verb that reports nothing
    (passive, "VETOES", "relative_subject", lambda: _passive_parts(
        "which/PRON/3/nsubj:pass was/AUX/3/aux:pass denounced/VERB/0/root as/ADP/6/case a/DET/6/det "
        "betrayal/NOUN/3/obl of/ADP/8/case trust/NOUN/6/nmod", 3, 1), None),
    (passive, "VETOES", "modifier", lambda: _passive_parts(
        "the/DET/2/det deal/NOUN/0/root announced/VERB/2/acl as/ADP/7/case a/DET/7/det major/ADJ/7/amod "
        "breakthrough/NOUN/3/obl", 3, 2), None),
    (passive, "VETOES", "negated", lambda: _passive_parts(
        "Quiros/PROPN/4/nsubj:pass was/AUX/4/aux:pass never/ADV/4/advmod accused/VERB/0/root of/ADP/6/case "
        "fraud/NOUN/4/obl", 4, 1), None),
    (passive, "VETOES", "nobody", lambda: _passive_parts(
        "No/DET/2/det charges/NOUN/4/nsubj:pass were/AUX/4/aux:pass announced/VERB/0/root against/ADP/7/case "
        "the/DET/7/det officers/NOUN/4/obl", 4, 2), None),
    # phrases.DESCRIBE_STEPS: how a speaker's phrase is read
    (phrases, "DESCRIBE_STEPS", "name_run", lambda: _phrase(_KREMLIN, 4)[1], "Dmitry Peskov"),
    (phrases, "DESCRIBE_STEPS", "name_after_title_noun", lambda: _phrase(
        "Kremlin/ADJ/2/amod spokesman/NOUN/0/root Dmitry/PROPN/2/flat Peskov/PROPN/3/flat", 2)[1:],
     ("Dmitry Peskov", "Kremlin spokesman", PERSON)),
    (phrases, "DESCRIBE_STEPS", "outlet_before_speaker", lambda: _phrase(
        "Washington/PROPN/3/compound Post/PROPN/3/compound Trump/PROPN/0/root", 3)[0], "Trump"),
    (phrases, "DESCRIBE_STEPS", "outlet_cut_short", lambda: _phrase(
        "USA/PROPN/3/nsubj TODAY/NOUN/3/obl reported/VERB/0/root", 1)[:2], ("USA TODAY", "USA TODAY")),
    (phrases, "DESCRIBE_STEPS", "role_before_name", lambda: _phrase(_KREMLIN, 4)[2], "Kremlin spokesman"),
    (phrases, "DESCRIBE_STEPS", "apposition", lambda: _phrase(
        "an/DET/2/det adviser/NOUN/0/root ,/PUNCT/4/punct Yuri/PROPN/2/appos Ushakov/PROPN/4/flat", 2)[:3],
     ("Yuri Ushakov", "Yuri Ushakov", "an adviser")),
    (phrases, "DESCRIBE_STEPS", "kind", lambda: _phrase("Peskov/PROPN/0/root", 1)[3], PERSON),
    (phrases, "DESCRIBE_STEPS", "modifier_run", lambda: _phrase(
        "Senator/PROPN/0/root from/ADP/3/case Texas/PROPN/1/nmod", 1)[1:], (None, None, ANONYMOUS)),
    (phrases, "DESCRIBE_STEPS", "cut_name", lambda: _phrase(
        "the/DET/3/det Supreme/ADJ/3/amod Court/PROPN/0/root", 3)[1], "Supreme Court"),
    (phrases, "DESCRIBE_STEPS", "title_then_name", lambda: _phrase(
        "Attorney/PROPN/2/compound General/PROPN/5/nsubj Eric/PROPN/4/compound Schneiderman/PROPN/5/obl "
        "said/VERB/0/root", 2)[1:3], ("Eric Schneiderman", "Attorney General")),
    (phrases, "DESCRIBE_STEPS", "title_cut_off", lambda: _phrase(
        "and/CCONJ/3/cc US/PROPN/3/compound Secretary/PROPN/0/root of/ADP/7/case State/PROPN/6/compound "
        "Antony/PROPN/3/nmod Blinken/PROPN/6/flat", 6)[:3],
     ("US Secretary of State Antony Blinken", "Antony Blinken", "US Secretary of State")),
    (phrases, "DESCRIBE_STEPS", "bare_title", lambda: _phrase("Judge/NOUN/0/root", 1)[1], "a judge"),
    (phrases, "DESCRIBE_STEPS", "canonical_name", lambda: _phrase(_INTERFAX, 4)[1], "Interfax"),
    # phrases.KIND_RULES: what sort of source a phrase names
    (phrases, "KIND_RULES", "outlet_named", lambda: _phrase("Tass/PROPN/0/root", 1)[3], OUTLET),
    (phrases, "KIND_RULES", "outlet_name_word", lambda: _phrase("10/NUM/2/nummod News/PROPN/0/root", 2)[1:],
     ("10 News", None, OUTLET)),
    (phrases, "KIND_RULES", "acronym", lambda: _phrase("NAACP/PROPN/0/root", 1)[3], "organization"),
    (phrases, "KIND_RULES", "org_name_word", lambda: _phrase(
        "Harvard/PROPN/2/compound University/PROPN/0/root", 2)[3], "organization"),
    (phrases, "KIND_RULES", "outlet_head", lambda: _phrase("the/DET/2/det newspaper/NOUN/0/root", 2)[3], OUTLET),
    (phrases, "KIND_RULES", "organization_named", lambda: _phrase("the/DET/2/det Pentagon/PROPN/0/root", 2)[3],
     "organization"),
    (phrases, "KIND_RULES", "named_org_head", lambda: _phrase(
        "the/DET/4/det rival/ADJ/4/amod Trump/PROPN/4/compound campaign/X/0/root", 4)[3], "organization"),
    (phrases, "KIND_RULES", "organization_entity", lambda: _phrase(
        "NATO/PROPN/3/compound Allied/PROPN/3/compound Command/PROPN/0/root", 3, ner="E-ORG")[3],
     "organization"),
    (phrases, "KIND_RULES", "person_named", lambda: _phrase("Peskov/PROPN/0/root", 1)[3], PERSON),
    (phrases, "KIND_RULES", "org_head", lambda: _phrase("the/DET/2/det ministry/NOUN/0/root", 2)[3],
     "organization"),
    (phrases, "KIND_RULES", "document", lambda: _phrase("the/DET/2/det report/NOUN/0/root", 2)[3], DOCUMENT),
    (phrases, "KIND_RULES", "anonymous_head", lambda: _phrase("officials/NOUN/0/root", 1)[3], ANONYMOUS),
    (phrases, "KIND_RULES", "organization_mentioned", lambda: _phrase(
        "the/DET/2/det Pentagon/PROPN/4/nmod:poss 's/PART/2/case budget/NOUN/0/root", 4)[3], "organization"),
    # speakers.RESOLVE_RULES: whom a phrase refers to
    (speakers, "RESOLVE_RULES", "personal_pronoun", lambda: _resolved(
        NP("he", 40, 42, None, None, UNKNOWN, "he", pronoun=True), _PESKOV), "Dmitry Peskov"),
    (speakers, "RESOLVE_RULES", "group_pronoun", lambda: _resolved(
        NP("it", 40, 42, None, None, UNKNOWN, "it", pronoun=True), spoke=[Speaker("Tass", "Tass", OUTLET)]), "Tass"),
    (speakers, "RESOLVE_RULES", "place_government", lambda: _resolved(
        NP("Moscow", 0, 6, "Moscow", None, PERSON, "Moscow")), "government of Russia"),
    (speakers, "RESOLVE_RULES", "outlet_by_use", lambda: _resolved_kind(
        NP("Newsline", 0, 8, "Newsline", None, PERSON, "Newsline"), outlets={"newsline"}), OUTLET),
    (speakers, "RESOLVE_RULES", "named_person", lambda: _resolved(
        NP("Peskov", 40, 46, "Peskov", None, PERSON, "Peskov"), _PESKOV), "Dmitry Peskov"),
    (speakers, "RESOLVE_RULES", "person_by_role", lambda: _resolved(
        NP("the spokesman", 40, 53, None, None, ANONYMOUS, "spokesman", definite=True), _PESKOV), "Dmitry Peskov"),
    (speakers, "RESOLVE_RULES", "same_document", lambda: _resolved(
        NP("the report", 40, 50, None, None, DOCUMENT, "report", definite=True),
        spoke=[Speaker("a Reuters report", "a Reuters report", DOCUMENT)]), "a Reuters report"),
    # direct.UNCLAIMED_RULES: who says a quotation no cue claimed
    (direct, "UNCLAIMED_RULES", "verb_beside", lambda: _records(
        "Melanie/PROPN/2/nsubj said/VERB/0/root ./PUNCT/2/punct", lead="“We act now,” "),
     [("Melanie", "We act now", (), ())]),
    (direct, "UNCLAIMED_RULES", "interrupted_rest", lambda: _records(
        _CONTINUED.replace("./PUNCT/7/punct", ",/PUNCT/7/punct"), tail=" “and we will win.”")[0][2],
     ((1, 7), (25, 41))),
    (direct, "UNCLAIMED_RULES", "before_cued_quotation", lambda: _records(
        _CONTINUED.replace("act", "win"), lead="“We act now.” ")[0][2], ((1, 12), (16, 22))),
    (direct, "UNCLAIMED_RULES", "continuation", lambda: _records(_CONTINUED, tail=" “I would, Donald.”")[0][2],
     ((1, 7), (25, 41))),
    # attribute.STAGES: the pipeline
    (attribute, "STAGES", "find_cues", lambda: _records(_SAID), [("Peskov", "the visit continued", (), ())]),
    (attribute, "STAGES", "snap_cues", lambda: _records(
        "Peskov/PROPN/2/nsubj said/VERB/0/root the/DET/4/det breaks/NOUN/6/nsubj were/AUX/6/cop wrong/ADJ/2/ccomp "
        "for/ADP/9/case Trump/PROPN/9/compound voters/NOUN/2/obl ./PUNCT/2/punct")[0][1],
     "the breaks were wrong for Trump voters"),
    (attribute, "STAGES", "nest_cues", lambda: [r[3] for r in _records(_NESTED)], [("Tass", "a source"), ("Tass",)]),
    (attribute, "STAGES", "find_speakers", lambda: _records(_SAID), [("Peskov", "the visit continued", (), ())]),
    (attribute, "STAGES", "build_chains", lambda: _records(_SAID), [("Peskov", "the visit continued", (), ())]),
    (attribute, "STAGES", "cue_statements", lambda: _records(_SAID), [("Peskov", "the visit continued", (), ())]),
    (attribute, "STAGES", "layout_statements", lambda: [r[0] for r in _records(
        _SAID, tail="\nWALLACE: Will she be there tonight?")], ["Peskov", "Wallace"]),
    (attribute, "STAGES", "unclaimed_quotations", lambda: [r[2] for r in _records(
        _CONTINUED, tail=" “I would, Donald.”")], [((1, 7), (25, 41))]),
    (attribute, "STAGES", "dedupe_records", lambda: _records(
        "Peskov/PROPN/2/nsubj said/VERB/0/root no/INTJ/2/ccomp ./PUNCT/2/punct"), []),
    (attribute, "STAGES", "join_pieces", lambda: len(_records(_CONTINUED, tail=" “I would, Donald.”")), 1),
]


def _row_id(row) -> str:
    return f"{row[0].__name__.rsplit('.', 1)[-1]}.{row[2]}"


@pytest.mark.parametrize("row", STAGE_RULE_ROWS, ids=_row_id)
def test_stage_rule_row(row):
    _, _, _, call, expected = row
    assert call() == expected


@pytest.mark.parametrize("row", STAGE_RULE_ROWS, ids=_row_id)
def test_stage_rule_row_fails_without_its_rule(row, monkeypatch):
    module, sequence, rule, call, expected = row
    rules = getattr(module, sequence)
    assert rule in [r.__name__ for r in rules]
    monkeypatch.setattr(module, sequence, tuple(r for r in rules if r.__name__ != rule))
    try:
        got = call()
    except Exception:  # a stage the next ones need, or a rule list left with no answer
        return
    assert got != expected


@pytest.mark.parametrize("module", [attribute, direct, interrupted, passive, phrases, speakers],
                         ids=lambda m: m.__name__)
def test_every_stage_rule_has_a_row(module):
    named = {(seq, r.__name__) for seq in module.RULE_SEQUENCES for r in getattr(module, seq)}
    rows = {(seq, rule) for m, seq, rule, _, _ in STAGE_RULE_ROWS if m is module}
    assert named <= rows


@pytest.mark.parametrize("spec, kw, rules", [
    ("Melanie/PROPN/2/nsubj said/VERB/0/root ./PUNCT/2/punct", {"lead": "“We act now,” "}, ["verb_beside"]),
    (_SAID, {"tail": "\nWALLACE: Will she be there tonight?"}, ["clause_after_verb", "speaker_label"]),
    (_SAID, {"tail": "\n“Trump scares me a lot.” ― Krystal Correa"}, ["clause_after_verb", "dash_signature"]),
    (_CONTINUED, {"tail": "\nIt rained.\n“I would do it again, Donald.”"}, ["complement_clause", "continuation"]),
])
def test_records_of_quotations_and_layout_name_their_rule(spec, kw, rules):
    text, doc = doc_from(spec, **kw)
    assert [r.rule for r in attributions(doc)] == rules


# --- one row per named rule -----------------------------------------------------------
# Each row names a rule of a sequence (quotes.extractors.verbs, .speaker_rules, .cues) and
# gives a parse whose cues (cue words, speaker, what was said, stance) that rule decides:
# with the rule removed from its sequence the row must come out differently.

CUE_RULE_ROWS = [  # (rule, parse, lemmas, cues)
    ('unrealized_speech',
     'Rules/NOUN/2/nsubj allow/VERB/0/root firms/NOUN/2/obj to/PART/5/mark tell/VERB/2/xcomp investors/NOUN/5/obj that/SCONJ/9/mark profits/NOUN/9/nsubj rose/VERB/5/ccomp ./PUNCT/2/punct',
     None, []),
    ('asked_participle',
     'Peskov/PROPN/2/nsubj said/VERB/0/root ,/PUNCT/5/punct when/SCONJ/5/mark asked/VERB:VBN/2/advcl about/ADP/7/case talks/NOUN/5/obl ,/PUNCT/10/punct they/PRON/10/nsubj failed/VERB/2/ccomp ./PUNCT/2/punct',
     None, [('said', 'Peskov', 'they failed', 'asserts')]),
    ('attributive_participle',
     'Peskov/PROPN/2/nsubj denied/VERB/0/root the/DET/6/det Tass/PROPN/5/nsubj reported/VERB:VBN/6/amod deal/NOUN/2/obj on/ADP/8/case gas/NOUN/5/obl ./PUNCT/2/punct',
     None, [('denied', 'Peskov', 'the Tass reported deal on gas', 'denies')]),
    ('evidence_description',
     'Tass/PROPN/2/nsubj aired/VERB/0/root video/NOUN/2/obj that/PRON/5/nsubj shows/VERB/3/acl troops/NOUN/7/nsubj left/VERB/5/ccomp ./PUNCT/2/punct',
     {'shows': 'show'}, [('aired', 'Tass', '<bare>', 'asserts')]),
    ('opening_participle',
     'Asked/VERB:VBD/6/advcl about/ADP/3/case talks/NOUN/1/obl ,/PUNCT/1/punct Peskov/PROPN/6/nsubj said/VERB/0/root no/INTJ/6/obj ./PUNCT/6/punct',
     None, [('said', 'Peskov', '<bare>', 'asserts')]),
    ('name_over_apposition',
     '“/PUNCT/3/punct Deals/NOUN/3/nsubj fail/VERB/0/root ,/PUNCT/3/punct ”/PUNCT/6/punct Jim/PROPN/3/appos Jordan/PROPN/6/flat ,/PUNCT/11/punct an/DET/11/det panel/NOUN/11/compound member/NOUN/13/nsubj ,/PUNCT/11/punct said/VERB/6/acl:relcl ./PUNCT/3/punct',
     None, [('said', 'Jordan', '<bare>', 'asserts')]),
    ('participle_with_tail',
     'Records/NOUN/2/nsubj come/VERB/0/root soon/ADV/2/advmod ,/PUNCT/6/punct a/DET/6/det spokesman/NOUN/2/appos announced/VERB/8/amod Monday/PROPN/2/obl:tmod ./PUNCT/2/punct',
     None, [('announced', 'spokesman', 'Records come soon', 'asserts')]),
    ('passive_speech',
     'Quiros/PROPN/3/nsubj:pass was/AUX/3/aux:pass accused/VERB/0/root of/SCONJ/5/mark lying/VERB/3/advcl to/ADP/7/case investors/NOUN/5/obl ./PUNCT/3/punct',
     None, [('was accused', None, 'Quiros was accused of lying to investors', 'hedged')]),
    ('quotation_after_verb',
     'To/ADP/2/case which/PRON/4/obl she/PRON/4/nsubj said/VERB/7/advcl ,/PUNCT/4/punct “/PUNCT/4/punct Thank/VERB/0/root God/PROPN/7/obj ./PUNCT/7/punct ”/PUNCT/7/punct',
     None, [('said', 'she', '<follows>', 'asserts')]),
    ('interrupting_clause',
     'The/DET/2/det museum/NOUN/5/nsubj ,/PUNCT/4/punct Obama/PROPN/5/nsubj said/VERB/0/root ,/PUNCT/8/punct would/AUX/8/aux teach/VERB/5/ccomp us/PRON/8/obj ./PUNCT/5/punct',
     None, [('said', 'Obama', 'The museum, Obama said, would teach us', 'asserts')]),
    ('title_before_name',
     'Mr./PROPN/3/nsubj McKinley/PROPN/1/flat said/VERB/0/root that/SCONJ/6/mark talks/NOUN/6/nsubj failed/VERB/3/ccomp ./PUNCT/3/punct',
     None, [('said', 'McKinley', 'talks failed', 'asserts')]),
    ('complement_clause',
     '“/PUNCT/3/punct We/PRON/3/nsubj act/VERB/7/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct Peskov/PROPN/7/nsubj said/VERB/0/root ./PUNCT/7/punct',
     None, [('said', 'Peskov', '“We act,”', 'asserts')]),
    ('question_clause',
     'He/PRON/2/nsubj asked/VERB/0/root workers/NOUN/2/obj if/SCONJ/6/mark they/PRON/6/nsubj voted/VERB/2/advcl ./PUNCT/2/punct',
     {'voted': 'vote'}, [('asked', 'He', 'if they voted', 'asserts')]),
    ('complement_clause',  # an adjunct that opens the sentence before the statement is the statement's
     'With/ADP/2/case systems/NOUN/10/obl ,/PUNCT/2/punct “/PUNCT/6/punct nothing/PRON/6/nsubj fails/VERB/10/ccomp ,/PUNCT/6/punct ”/PUNCT/6/punct he/PRON/10/nsubj said/VERB/0/root ./PUNCT/10/punct',
     {'fails': 'fail'}, [('said', 'he', 'With systems, “nothing fails,”', 'asserts')]),
    ('bidden_infinitive',
     'She/PRON/2/nsubj urges/VERB/0/root her/PRON/4/nmod:poss husband/NOUN/2/obj to/PART/6/mark leave/VERB/2/advcl ./PUNCT/2/punct',
     None, [('urges', 'She', 'her husband to leave', 'asserts')]),
    ('quoted_clause_child',
     'Peskov/PROPN/2/nsubj said/VERB/0/root :/PUNCT/5/punct talks/NOUN/5/nsubj failed/VERB/2/parataxis ./PUNCT/2/punct',
     None, [('said', 'Peskov', 'talks failed', 'asserts')]),
    ('quoted_clause_child',  # a quotation before the verb hung as an adverbial clause with no mark
     '“/PUNCT/3/punct Talks/NOUN/3/nsubj failed/VERB/7/advcl ,/PUNCT/3/punct ”/PUNCT/3/punct Peskov/PROPN/7/nsubj wrote/VERB/0/root in/ADP/10/case an/DET/10/det email/NOUN/7/obl ./PUNCT/7/punct',
     {'failed': 'fail', 'wrote': 'write'}, [('wrote', 'Peskov', '“Talks failed,”', 'asserts')]),
    ('that_clause_elsewhere',
     'Peskov/PROPN/2/nsubj announced/VERB/0/root a/DET/4/det deal/NOUN/2/obj and/CCONJ/8/cc that/SCONJ/8/mark talks/NOUN/8/nsubj failed/VERB/2/conj ./PUNCT/2/punct',
     None, [('announced', 'Peskov', 'and that talks failed', 'asserts')]),
    ('object_noun_clause',
     'Tass/PROPN/2/nsubj reported/VERB/0/root that/SCONJ/7/mark a/DET/5/det source/NOUN/7/nsubj had/AUX/7/aux confirmed/VERB/2/ccomp a/DET/9/det report/NOUN/7/obj that/SCONJ/13/mark the/DET/12/det visit/NOUN/13/nsubj:pass ended/VERB/9/acl ./PUNCT/2/punct',
     None, [('reported', 'Tass', 'a source had confirmed a report that the visit ended', 'asserts'), ('had confirmed', 'source', 'the visit ended', 'confirms'), ('report', 'report', 'the visit ended', 'asserts')]),
    ('clause_of_adjunct',
     'May/PROPN/2/nsubj said/VERB/0/root this/DET/4/det week/NOUN/2/obl:unmarked that/SCONJ/7/mark it/PRON/7/nsubj quits/VERB/4/acl:relcl ./PUNCT/2/punct',
     {'quits': 'quit'}, [('said', 'May', 'it quits', 'asserts')]),
    ('clause_of_audience',
     'Trump/PROPN/2/nsubj told/VERB/0/root reporters/NOUN/2/iobj he/PRON/5/nsubj won/VERB/3/acl:relcl ./PUNCT/2/punct',
     {'won': 'win'}, [('told', 'Trump', 'he won', 'asserts')]),
    ('clause_after_verb',
     'Figueroa/PROPN/2/nsubj said/VERB/0/root the/DET/4/det campaign/NOUN/2/obj planned/VERB/2/xcomp to/PART/7/mark appeal/VERB/5/xcomp ./PUNCT/2/punct',
     None, [('said', 'Figueroa', 'the campaign planned to appeal', 'asserts')]),
    ('object_and_complement',
     'Trump/PROPN/2/nsubj accused/VERB/0/root her/PRON/2/obj of/SCONJ/5/mark lying/VERB/2/advcl about/ADP/7/case Benghazi/PROPN/5/obl ./PUNCT/2/punct',
     None, [('accused', 'Trump', 'her of lying about Benghazi', 'asserts')]),
    ('topic_object',
     'The/DET/2/det ministry/NOUN/5/nsubj would/AUX/5/aux neither/ADV/5/advmod confirm/VERB/0/root nor/PART/7/cc deny/VERB/5/xcomp that/SCONJ/10/mark talks/NOUN/10/nsubj stalled/VERB/7/ccomp ./PUNCT/5/punct',
     None, [('would neither confirm', 'ministry', 'nor deny that talks stalled', 'cannot_confirm'), ('deny', 'ministry', 'talks stalled', 'cannot_confirm')]),
    ('topic_object',  # "to comment" tagged as a preposition and a noun
     'A/DET/2/det spokeswoman/NOUN/3/nsubj declined/VERB/0/root to/ADP/5/case comment/NOUN/3/obl ./PUNCT/3/punct',
     None, [('declined', 'spokeswoman', 'to comment', 'cannot_confirm')]),
    ('reporting_clause_tail',
     'The/DET/2/det visit/NOUN/3/nsubj continued/VERB/0/root ,/PUNCT/6/punct Peskov/PROPN/6/nsubj said/VERB/3/parataxis ./PUNCT/3/punct',
     None, [('continued', 'visit', 'Peskov said', 'asserts'), ('said', 'Peskov', 'The visit continued', 'asserts')]),
    ('bidden_infinitive',  # a clause after the bidden infinitive is no complement of the verb
     'He/PRON/2/nsubj asked/VERB/0/root them/PRON/2/obj to/PART/5/mark leave/VERB/3/acl ,/PUNCT/9/punct a/DET/8/det request/NOUN/9/nsubj:pass honored/VERB/2/ccomp ./PUNCT/2/punct',
     {'honored': 'honor', 'leave': 'leave'}, [('asked', 'He', 'them to leave', 'asserts')]),
    ('bidden_infinitive',  # what stands before a colon is a label, not what the verb after it reports
     'The/DET/2/det Latest/ADJ/0/root :/PUNCT/5/punct Trump/PROPN/5/nsubj urges/VERB/2/parataxis voters/NOUN/5/obj to/PART/8/mark vote/VERB/5/xcomp ./PUNCT/2/punct',
     {'vote': 'vote'}, [('urges', 'Trump', 'voters to vote', 'asserts')]),
    ('reporting_clause_tail',  # ... unless nothing follows the verb
     '“/PUNCT/3/punct We/PRON/3/nsubj win/VERB/0/root ”/PUNCT/3/punct :/PUNCT/6/punct Trump/PROPN/6/nsubj says/VERB/3/parataxis',
     {'win': 'win'}, [('says', 'Trump', '“We win”', 'asserts')]),
    ('inverted_tail',
     'Officials/NOUN/2/nsubj felt/VERB/0/root fine/ADJ/2/xcomp ,/PUNCT/5/punct said/VERB/2/conj Barrett/PROPN/5/nsubj ,/PUNCT/9/punct the/DET/9/det lawyer/NOUN/6/appos ./PUNCT/2/punct',
     {'felt': 'feel'}, [('said', 'Barrett', 'Officials felt fine', 'asserts')]),
    ('clause_before_comma',
     'That/DET/2/det kind/NOUN/9/nsubj of/ADP/4/case tie/NOUN/2/nmod has/AUX/6/aux helped/VERB/2/acl ,/PUNCT/2/punct donors/NOUN/9/nsubj said/VERB/0/root ./PUNCT/9/punct',
     {'helped': 'help'}, [('said', 'donors', 'That kind of tie has helped', 'asserts')]),
    ('clause_before_comma',  # the reported clause hung on the verb as an adverbial clause: tensed, own subject, no mark
     'The/DET/2/det port/NOUN/4/nsubj will/AUX:MD/4/aux close/VERB/7/advcl ,/PUNCT/4/punct Reuters/PROPN/7/nsubj reported/VERB/0/root ./PUNCT/7/punct',
     {'close': 'close'}, [('reported', 'Reuters', 'The port will close', 'asserts')]),
    ('colon_ends_sentence',
     'Peskov/PROPN/2/nsubj said/VERB/0/root on/ADP/4/case Monday/PROPN/2/obl :/PUNCT/2/punct',
     None, [('said', 'Peskov', '<follows>', 'asserts')]),
    ('as_clause',
     'But/CCONJ/8/cc as/SCONJ/4/mark Clyburn/PROPN/4/nsubj noted/VERB/8/advcl ,/PUNCT/4/punct voters/NOUN/8/nsubj will/AUX/8/aux return/VERB/0/root ./PUNCT/8/punct',
     {'noted': 'note'}, [('noted', 'Clyburn', 'voters will return', 'asserts')]),
    ('about_topic',
     'Chairman/NOUN/4/nsubj ,/PUNCT/3/punct Lovas/PROPN/1/appos said/VERB/0/root he/PRON/8/nsubj can/AUX/8/aux not/PART/8/advmod comment/VERB/4/ccomp on/ADP/10/case letter/NOUN/8/obl ./PUNCT/4/punct',
     None, [('said', 'Chairman', 'he can not comment on letter', 'asserts'), ('can not comment', 'he', 'on letter', 'cannot_confirm')]),
    ('clause_opened_after',
     'Dean/PROPN/2/nsubj began/VERB/0/root by/SCONJ/4/mark saying/VERB/2/advcl he/PRON/7/nsubj would/AUX/7/aux diagnose/VERB/2/parataxis nobody/PRON/7/obj ./PUNCT/2/punct',
     None, [('saying', 'Dean', 'he would diagnose nobody', 'asserts')]),
    ('bare_cue',
     'Peskov/PROPN/2/nsubj said/VERB/0/root that/SCONJ/6/mark the/DET/5/det visit/NOUN/6/nsubj continued/VERB/2/ccomp ./PUNCT/2/punct',
     None, [('said', 'Peskov', 'the visit continued', 'asserts'), ('continued', 'visit', '<bare>', 'asserts')]),
    ('subject_in_complement',
     'Strada/PROPN/2/nsubj wept/VERB/0/root and/CCONJ/4/cc asserted/VERB/2/conj that/SCONJ/8/mark she/PRON/4/nsubj was/AUX/8/cop tired/ADJ/4/ccomp ./PUNCT/2/punct',
     None, [('asserted', 'Strada', 'she was tired', 'asserts')]),
    ('fronted_adverbial',
     'Kohl/PROPN/2/nsubj noted/VERB/0/root that/SCONJ/9/mark ,/PUNCT/6/punct in/ADP/6/case March/PROPN/2/obl ,/PUNCT/6/punct costs/NOUN/9/nsubj rose/VERB/2/ccomp ./PUNCT/2/punct',
     {'rose': 'rise'}, [('noted', 'Kohl', 'in March, costs rose', 'asserts')]),
    ('quoted_reason',
     'He/PRON/2/nsubj said/VERB/0/root “/PUNCT/5/punct talks/NOUN/5/nsubj failed/VERB/2/ccomp ”/PUNCT/5/punct because/SCONJ/10/mark they/PRON/10/nsubj “/PUNCT/10/punct lied/VERB/2/advcl ”/PUNCT/10/punct ./PUNCT/2/punct',
     {'failed': 'fail', 'lied': 'lie'}, [('said', 'He', '“talks failed” because they “lied”', 'asserts')]),
    ('infinitive_with_gap',
     'They/PRON/2/nsubj met/VERB/0/root the/DET/4/det target/NOUN/2/obj it/PRON/6/nsubj pledged/VERB/4/acl:relcl to/PART/8/mark reach/VERB/6/xcomp in/ADP/10/case Paris/PROPN/8/obl ./PUNCT/2/punct',
     {'met': 'meet', 'pledged': 'pledge'}, []),
    ('trim_edges',
     'Peskov/PROPN/2/nsubj said/VERB/0/root that/SCONJ/6/mark the/DET/5/det visit/NOUN/6/nsubj continued/VERB/2/ccomp ./PUNCT/2/punct',
     None, [('said', 'Peskov', 'the visit continued', 'asserts'), ('continued', 'visit', '<bare>', 'asserts')]),
    ('longest_run',
     '“/PUNCT/4/punct Bad/ADJ/7/amod things/NOUN/4/nsubj happen/VERB/0/root ,/PUNCT/8/punct ”/PUNCT/8/punct Trump/PROPN/8/nsubj warned/VERB/4/parataxis ./PUNCT/4/punct',
     None, [('warned', 'Trump', 'things happen', 'asserts')]),
    ('reporting_clause_tail',  # a subject of the reported clause hung on the verb too: its words stay said
     'The/DET/2/det meeting/NOUN/3/nsubj ends/VERB/0/root when/ADV/7/advmod the/DET/6/det situation/NOUN/10/nsubj allows/VERB/3/advcl ,/PUNCT/10/punct Peskov/PROPN/10/nsubj said/VERB/3/conj ./PUNCT/3/punct',
     None, [('said', 'Peskov', 'The meeting ends when the situation allows', 'asserts')]),
    ('quotation_before_speaker',
     '“/PUNCT/3/punct Subpoenas/NOUN/3/nsubj matter/VERB/8/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct panel/NOUN/3/appos Chaffetz/PROPN/6/flat said/VERB/0/root after/ADP/10/case Pagliano/PROPN/11/nsubj left/VERB/8/ccomp ./PUNCT/8/punct',
     None, [('said', 'Chaffetz', '“Subpoenas matter,”', 'asserts')]),
    ('evidence_without_finding',
     'The/DET/2/det poll/NOUN/3/nsubj shows/VERB/0/root support/NOUN/3/obj for/ADP/6/case Clinton/PROPN/4/nmod ./PUNCT/3/punct',
     {'shows': 'show'}, []),
    ('when_or_where',
     'Peskov/PROPN/2/nsubj commented/VERB/0/root on/ADP/4/case Monday/PROPN/2/obl ./PUNCT/2/punct',
     {'commented': 'comment'}, [('commented', 'Peskov', '<bare>', 'asserts')]),
    ('it_was_reported',
     'It/PRON/3/nsubj:pass was/AUX/3/aux:pass reported/VERB/0/root that/SCONJ/6/mark talks/NOUN/6/nsubj failed/VERB/3/ccomp ./PUNCT/3/punct',
     None, [('was reported', None, 'talks failed', 'hedged')]),
    ('is_said_to',
     'Putin/PROPN/3/nsubj:pass is/AUX/3/aux:pass said/VERB/0/root to/PART/5/mark be/AUX/6/cop ill/ADJ/3/xcomp ./PUNCT/3/punct',
     None, [('is said', None, 'to be ill', 'hedged')]),
    ('speaker_before_verb',
     'In/ADP/2/case meeting/NOUN/8/obl with/ADP/7/case the/DET/7/det Washington/PROPN/7/compound Post/PROPN/7/compound Trump/PROPN/2/nmod said/VERB/0/root taxes/NOUN/10/nsubj rose/VERB/8/ccomp ./PUNCT/8/punct',
     None, [('said', 'Trump', 'taxes rose', 'asserts')]),
    ('speaker_before_verb',  # "report released last year" parsed as a clause of "found": the participle's subject speaks
     'A/DET/2/det report/NOUN/3/nsubj released/VERB:VBD/6/ccomp last/ADJ/5/amod year/NOUN/3/obl:unmarked found/VERB/0/root that/SCONJ/9/mark taxes/NOUN/9/nsubj rose/VERB/6/ccomp ./PUNCT/6/punct',
     {'released': 'release', 'found': 'find', 'rose': 'rise'}, [('found', 'report', 'taxes rose', 'asserts')]),
    ('relative_clause_content',
     'Peskov/PROPN/2/nsubj said/VERB/0/root ,/PUNCT/5/punct who/PRON/5/nsubj knew/VERB/2/ccomp ./PUNCT/2/punct',
     None, []),
    ('after_quote_subject',
     'Peskov/PROPN/8/nsubj :/PUNCT/1/punct “/PUNCT/5/punct Talks/NOUN/5/nsubj failed/VERB/8/ccomp ,/PUNCT/5/punct ”/PUNCT/5/punct said/VERB/0/root Barrett/PROPN/8/obj ./PUNCT/8/punct',
     None, [('said', 'Barrett', '“Talks failed,”', 'asserts')]),
    ('for_gerund_object',
     'Panel/NOUN/2/nsubj held/VERB/0/root Pagliano/PROPN/2/obj for/SCONJ/5/mark refusing/VERB/2/advcl to/PART/7/mark appear/VERB/5/xcomp ./PUNCT/2/punct',
     None, [('refusing', 'Pagliano', 'to appear', 'cannot_confirm')]),
    ('with_absolute_subject',
     'Voters/NOUN/2/nsubj backed/VERB/0/root her/PRON/2/obj ,/PUNCT/8/punct with/ADP/7/case 50/NUM/7/nummod percent/NOUN/2/obl saying/VERB:VBG/2/advcl she/PRON/11/nsubj is/AUX/11/cop ready/ADJ/8/ccomp ./PUNCT/2/punct',
     {"backed": "back"}, [('saying', 'percent', 'she is ready', 'asserts')]),
    ('participle_main_verb_subject',
     'Only/ADV/3/advmod 52/NUM/3/nummod percent/NOUN/0/root of/ADP/6/case registered/VERB/6/amod voters/NOUN/3/nmod agreed/VERB:VBN/6/acl that/SCONJ/10/mark it/PRON/10/nsubj failed/VERB/7/ccomp ./PUNCT/3/punct',
     {"agreed": "agree", "failed": "fail", "registered": "register"}, [('agreed', 'percent', 'it failed', 'confirms')]),
    ('subject_after_dateline',
     'FLINT/PROPN/10/nsubj ,/PUNCT/3/punct Mich./PROPN/1/conj (/PUNCT/5/punct UPI/PROPN/1/appos )/PUNCT/5/punct —/PUNCT/5/punct Bill/PROPN/1/conj Clinton/PROPN/8/flat criticized/VERB/0/root the/DET/13/det health/NOUN/13/compound law/NOUN/10/obj ./PUNCT/10/punct',
     None, [('criticized', 'Bill', 'the health law', 'asserts')]),
    ('clause_before_expletive',
     'It/PRON/3/nsubj is/AUX/3/cop odd/ADJ/0/root that/SCONJ/6/mark Lee/PROPN/6/nsubj asks/VERB/3/ccomp yet/ADV/8/advmod refuses/VERB/3/conj to/PART/10/mark pay/VERB/8/xcomp ./PUNCT/3/punct',
     {"refuses": "refuse", "asks": "ask"}, [('asks', 'Lee', '<bare>', 'asserts'), ('refuses', 'Lee', 'to pay', 'cannot_confirm')]),
    ('participle_agent',
     'As/SCONJ/2/mark reported/VERB:VBN/7/advcl by/ADP/4/case Politico/PROPN/2/obl:agent ,/PUNCT/2/punct voters/NOUN/7/nsubj returned/VERB/0/root home/ADV/7/advmod ./PUNCT/7/punct',
     {'reported': 'report'}, [('reported', 'Politico', 'voters returned home', 'asserts')]),
    ('own_subject',
     'Peskov/PROPN/2/nsubj said/VERB/0/root that/SCONJ/6/mark the/DET/5/det visit/NOUN/6/nsubj continued/VERB/2/ccomp ./PUNCT/2/punct',
     None, [('said', 'Peskov', 'the visit continued', 'asserts'), ('continued', 'visit', '<bare>', 'asserts')]),
    ('inverted_subject',
     'Talks/NOUN/2/nsubj failed/VERB/0/root ,/PUNCT/4/punct said/VERB/2/parataxis Ushakov/PROPN/4/obj ./PUNCT/2/punct',
     None, [('said', 'Ushakov', 'Talks failed', 'asserts')]),
    ('comma_tail_subject',  # "said" a conj of the reported clause's verb, its source parsed as the object
     'Talks/NOUN/2/nsubj failed/VERB/0/root ,/PUNCT/4/punct said/VERB/2/conj one/NUM/6/nummod source/NOUN/4/obj ./PUNCT/2/punct',
     None, [('said', 'source', 'Talks failed', 'asserts')]),
    ('inverted_tail',  # ... also when an "and" before the reported clause's second half hangs on "said"
     'Talks/NOUN/2/nsubj failed/VERB/0/root ,/PUNCT/8/punct and/CCONJ/8/cc aides/NOUN/6/nsubj left/VERB/2/conj ,/PUNCT/8/punct said/VERB/2/conj a/DET/10/det source/NOUN/8/obj ./PUNCT/2/punct',
     {'left': 'leave'}, [('said', 'source', 'Talks failed', 'asserts')]),
    ('name_after_quotation',
     '“/PUNCT/3/punct Subpoenas/NOUN/3/nsubj matter/VERB/8/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct panel/NOUN/3/appos Chaffetz/PROPN/6/flat said/VERB/0/root after/ADP/10/case Pagliano/PROPN/11/nsubj left/VERB/8/ccomp ./PUNCT/8/punct',
     None, [('said', 'Chaffetz', '“Subpoenas matter,”', 'asserts')]),
    ('participle_head_subject',
     'Peabody/PROPN/2/nsubj said/VERB/0/root :/PUNCT/7/punct “/PUNCT/7/punct It/PRON/7/nsubj was/AUX/7/cop huge/ADJ/2/ccomp a/DET/9/det decade/NOUN/13/nsubj ago/ADV/9/advmod ,/PUNCT/13/punct ”/PUNCT/13/punct adding/VERB/2/ccomp that/SCONJ/16/mark value/NOUN/16/nsubj rose/VERB/13/ccomp ./PUNCT/2/punct',
     None, [('said', 'Peabody', '<follows>', 'asserts'), ('adding', 'Peabody', 'value rose', 'asserts')]),
    ('conj_head_subject',
     'Strada/PROPN/6/nsubj ,/PUNCT/4/punct the/DET/4/det director/NOUN/1/appos ,/PUNCT/4/punct wept/VERB/0/root and/CCONJ/8/cc asserted/VERB/6/conj that/SCONJ/12/mark she/PRON/8/nsubj was/AUX/12/cop tired/ADJ/8/ccomp ./PUNCT/6/punct',
     None, [('asserted', 'Strada', 'she was tired', 'asserts')]),
    ('time_word',
     '“/PUNCT/3/punct Vetoes/NOUN/3/nsubj fail/VERB/8/ccomp ,/PUNCT/3/punct ”/PUNCT/3/punct Mitch/PROPN/7/compound McConnell/PROPN/3/conj said/VERB/0/root Tuesday/PROPN/8/nsubj ./PUNCT/8/punct',
     None, [('said', 'McConnell', '“Vetoes fail,”', 'asserts')]),
    ('year_number',
     '2016/NUM/2/nsubj said/VERB/0/root talks/NOUN/4/nsubj failed/VERB/2/ccomp ./PUNCT/2/punct',
     None, []),
    ('prepositional_phrase',
     'Companies/NOUN/2/nsubj hid/VERB/0/root havens/NOUN/2/obj ,/PUNCT/8/punct in/ADP/7/case many/ADJ/7/amod cases/NOUN/8/nsubj reporting/VERB/2/advcl that/SCONJ/11/mark profits/NOUN/11/nsubj fell/VERB/8/ccomp ./PUNCT/2/punct',
     None, [('reporting', 'Companies', 'profits fell', 'asserts')]),
    ('word_of_quotation',
     'Peabody/PROPN/2/nsubj said/VERB/0/root :/PUNCT/7/punct “/PUNCT/7/punct It/PRON/7/nsubj was/AUX/7/cop huge/ADJ/2/ccomp a/DET/9/det decade/NOUN/13/nsubj ago/ADV/9/advmod ,/PUNCT/13/punct ”/PUNCT/13/punct adding/VERB/2/ccomp that/SCONJ/16/mark value/NOUN/16/nsubj rose/VERB/13/ccomp ./PUNCT/2/punct',
     None, [('said', 'Peabody', '<follows>', 'asserts'), ('adding', 'Peabody', 'value rose', 'asserts')]),
    ('word_of_complement',
     'Strada/PROPN/2/nsubj wept/VERB/0/root and/CCONJ/4/cc asserted/VERB/2/conj that/SCONJ/8/mark she/PRON/4/nsubj was/AUX/8/cop tired/ADJ/4/ccomp ./PUNCT/2/punct',
     None, [('asserted', 'Strada', 'she was tired', 'asserts')]),
    ('inside_dateline',
     'MOSCOW/PROPN/6/nsubj —/PUNCT/6/punct Talks/NOUN/4/nsubj failed/VERB/6/ccomp ,/PUNCT/6/punct said/VERB/0/root Peskov/PROPN/6/obj ./PUNCT/6/punct',
     None, [('said', 'Peskov', 'Talks failed', 'asserts')]),
    ('audience_object',
     '“/PUNCT/3/punct We/PRON/3/nsubj wait/VERB/0/root ,/PUNCT/3/punct ”/PUNCT/3/punct Warren/PROPN/3/appos ,/PUNCT/10/punct who/PRON/10/nsubj has/AUX/10/aux endorsed/VERB/6/acl:relcl nobody/PRON/10/obj ,/PUNCT/13/punct told/VERB/3/conj CNN/PROPN/13/obj ./PUNCT/3/punct',
     {'endorsed': 'endorse'}, [('told', 'Warren', '<bare>', 'asserts')]),
    ('named_before_conjunct',
     'The/DET/2/det report/NOUN/3/nsubj came/VERB/0/root after/ADP/5/case one/NUM/3/obl ,/PUNCT/7/punct Yuri/PROPN/5/appos Ushakov/PROPN/7/flat ,/PUNCT/7/punct told/VERB/3/conj Tass/PROPN/10/obj that/SCONJ/15/mark talks/NOUN/15/nsubj had/AUX/15/aux failed/VERB/10/ccomp ./PUNCT/3/punct',
     None, [('told', 'Yuri', 'talks had failed', 'asserts')]),
    ('second_subject_clause',
     'Aides/NOUN/2/nsubj said/VERB/0/root the/DET/4/det minister/NOUN/2/nsubj stood/VERB/4/acl by/ADP/7/case it/PRON/5/obl ./PUNCT/2/punct',
     {'stood': 'stand'}, [('said', 'Aides', 'the minister stood by it', 'asserts')]),
    ('second_subject_clause',
     'Trump/PROPN/2/nsubj charges/VERB/0/root that/SCONJ/6/mark countries/NOUN/2/nsubj that/PRON/6/nsubj gave/VERB/4/acl:relcl money/NOUN/6/obj ./PUNCT/2/punct',
     {'charges': 'charge', 'gave': 'give'}, [('charges', 'Trump', 'countries that gave money', 'asserts')]),
    ('clause_of_medium',
     'Awad/PROPN/2/nsubj says/VERB/0/root in/ADP/5/case a/DET/5/det statement/NOUN/2/obl that/SCONJ/9/mark the/DET/8/det rhetoric/NOUN/9/nsubj crossed/VERB/5/acl the/DET/11/det line/NOUN/9/obj ./PUNCT/2/punct',
     {'crossed': 'cross'}, [('says', 'Awad', 'the rhetoric crossed the line', 'asserts')]),
    ('medium_noun',
     'Awad/PROPN/2/nsubj says/VERB/0/root in/ADP/5/case a/DET/5/det statement/NOUN/2/obl that/SCONJ/9/mark the/DET/8/det rhetoric/NOUN/9/nsubj crossed/VERB/5/acl the/DET/11/det line/NOUN/9/obj ./PUNCT/2/punct',
     {'crossed': 'cross'}, [('says', 'Awad', 'the rhetoric crossed the line', 'asserts')]),
    ('subject_of_complement',
     'Warren/PROPN/2/dep said/VERB/0/root the/DET/4/det nominee/NOUN/2/nsubj was/AUX/7/cop a/DET/7/det failure/NOUN/2/ccomp ./PUNCT/2/punct',
     None, [('said', 'Warren', 'the nominee was a failure', 'asserts')]),
    ('subject_before_complement',
     'Debates/NOUN/6/nsubj are/AUX/4/cop not/PART/4/advmod likely/ADJ/6/ccomp ,/PUNCT/1/punct noted/VERB/0/root Chinni/PROPN/6/obj ./PUNCT/6/punct',
     None, [('noted', 'Chinni', 'are not likely', 'asserts')]),
    ('not_nominal',
     'The/DET/2/det rule/NOUN/3/nsubj normalizes/VERB/5/nsubj ,/PUNCT/5/punct said/VERB/0/root talks/NOUN/7/nsubj failed/VERB/5/ccomp ./PUNCT/5/punct',
     None, []),
    ('speech_verb',
     'Peskov/PROPN/2/nsubj said/VERB/0/root that/SCONJ/6/mark the/DET/5/det visit/NOUN/6/nsubj continued/VERB/2/ccomp ./PUNCT/2/punct',
     None, [('said', 'Peskov', 'the visit continued', 'asserts'), ('continued', 'visit', '<bare>', 'asserts')]),
    ('according',
     'According/VERB/3/case to/ADP/1/fixed Tass/PROPN/6/obl ,/PUNCT/3/punct talks/NOUN/6/nsubj resumed/VERB/0/root ./PUNCT/6/punct',
     None, [('According to', 'Tass', 'talks resumed', 'asserts')]),
    ('verb_after_quotation',
     '“/PUNCT/2/punct Go/VERB/7/parataxis home/ADV/2/advmod ,/PUNCT/2/punct ”/PUNCT/2/punct Oliver/PROPN/7/nsubj barked/VERB/0/root ./PUNCT/7/punct',
     {'barked': 'bark'}, [('barked', 'Oliver', '<bare>', 'asserts')]),
    ('verb_before_colon',
     'He/PRON/2/nsubj played/VERB/0/root up/ADP/2/compound:prt his/PRON/5/nmod:poss odds/NOUN/2/obj :/PUNCT/8/punct “/PUNCT/8/punct We/PRON/9/nsubj win/VERB/2/parataxis ./PUNCT/9/punct ”/PUNCT/9/punct',
     {'played': 'play'}, [('played', 'He', '<follows>', 'asserts')]),
    ('quoted_characterization',
     'Reid/PROPN/2/nsubj pounded/VERB/0/root Trump/PROPN/2/obj as/ADP/8/case a/DET/8/det “/PUNCT/8/punct con/NOUN/8/compound artist/NOUN/2/obl ”/PUNCT/8/punct ./PUNCT/2/punct',
     {'pounded': 'pound'}, [('pounded', 'Reid', 'Trump as a “con artist”', 'asserts')]),
    ('colon_after_name',
     'Tass/PROPN/2/compound reports/NOUN/0/root :/PUNCT/2/punct',
     None, [('reports', 'Tass', '<follows>', 'asserts')]),
    ('reporting_noun',
     'Tass/PROPN/2/nsubj reported/VERB/0/root that/SCONJ/7/mark a/DET/5/det source/NOUN/7/nsubj had/AUX/7/aux confirmed/VERB/2/ccomp a/DET/9/det report/NOUN/7/obj that/SCONJ/13/mark the/DET/12/det visit/NOUN/13/nsubj:pass ended/VERB/9/acl ./PUNCT/2/punct',
     None, [('reported', 'Tass', 'a source had confirmed a report that the visit ended', 'asserts'), ('had confirmed', 'source', 'the visit ended', 'confirms'), ('report', 'report', 'the visit ended', 'asserts')]),
    ('hedge_word',
     'The/DET/2/det visit/NOUN/5/nsubj:pass was/AUX/5/aux:pass reportedly/ADV/5/advmod canceled/VERB/0/root ./PUNCT/5/punct',
     None, [('reportedly', 'reportedly', 'The visit was reportedly canceled', 'hedged')]),
]


CUE_RULE_MODULES = (verbs, speaker_rules, cues)


def cue_rows(spec: str, lemmas: dict[str, str] | None = None) -> list[tuple]:
    """(cue words, speaker, what was said, stance) of every cue in the parse ``spec``."""
    text, doc = doc_from(spec, lemmas)
    out = []
    for s in doc.sentences:
        for c in sentence_cues(s, text):
            speaker = c.source_text or (s.words[c.speaker - 1].text if c.speaker else None)
            content = {NoSpan.FOLLOWS: "<follows>", NoSpan.BARE: "<bare>"}.get(c.content_start) \
                or text[c.content_start:c.content_end]
            out.append((c.text, speaker, content, c.stance))
    return out


CUE_ROW_IDS = [row[0] for row in CUE_RULE_ROWS]


@pytest.mark.parametrize("spec, lemmas, expected", [
    # a participle hung off the clause as a conjunct keeps the clause's subject, not a place
    # in apposition before it ('spoke in Tulsa, Oklahoma, arguing that ...')
    ("Clinton/PROPN/2/nsubj spoke/VERB/0/root in/ADP/4/case Tulsa/PROPN/2/obl ,/PUNCT/6/punct "
     "Oklahoma/PROPN/4/appos ,/PUNCT/8/punct arguing/VERB/2/conj that/SCONJ/11/mark "
     "it/PRON/11/nsubj failed/VERB/8/ccomp ./PUNCT/2/punct", {"spoke": "speak", "arguing": "argue"},
     [("arguing", "Clinton", "it failed", "asserts")]),
    # a participle after an infinitive that modifies an object speaks for the clause's subject
    ("Times/PROPN/2/nsubj filed/VERB/0/root a/DET/4/det motion/NOUN/2/obj to/PART/6/mark unseal/VERB/4/acl "
     "records/NOUN/6/obj ,/PUNCT/9/punct arguing/VERB/6/advcl it/PRON/11/nsubj mattered/VERB/9/ccomp "
     "./PUNCT/2/punct", {"arguing": "argue", "filed": "file", "mattered": "matter"},
     [("arguing", "Times", "it mattered", "asserts")]),
    # a clausal subject is not the speaker when the verb has a nominal one too
    ("Campaigning/VERB/5/csubj in/ADP/3/case 2012/NUM/1/obl ,/PUNCT/1/punct he/PRON/6/nsubj "
     "mentioned/VERB/0/root climate/NOUN/8/compound change/NOUN/6/obj ./PUNCT/6/punct", {"mentioned": "mention"},
     [("mentioned", "he", "climate change", "asserts")]),
])
def test_speaker_of_participle_and_clausal_subject(spec, lemmas, expected):
    assert cue_rows(spec, lemmas) == expected


@pytest.mark.parametrize("spec, lemmas, expected", [
    # a clause parsed as parataxis is what was said ...
    ("Peskov/PROPN/2/nsubj said/VERB/0/root :/PUNCT/5/punct talks/NOUN/5/nsubj failed/VERB/2/parataxis "
     "./PUNCT/2/punct", None, [("said", "Peskov", "talks failed", "asserts")]),
    # ... not one with a mark of its own: a purpose, no complement
    ("Companies/NOUN/2/nsubj agreed/VERB/0/root to/PART/4/mark pay/VERB/2/xcomp so/ADV/8/mark "
     "Clarke/PROPN/8/nsubj could/AUX/8/aux start/VERB/2/parataxis ./PUNCT/2/punct", {"agreed": "agree"},
     [("agreed", "Companies", "to pay", "confirms")]),
])
def test_parataxis_with_a_mark_is_no_complement(spec, lemmas, expected):
    assert cue_rows(spec, lemmas) == expected


@pytest.mark.parametrize("spec, lemmas", [
    # a relative clause after a question word or a pronoun is no clause told to an audience
    ("He/PRON/3/nsubj is/AUX/3/aux saying/VERB/0/root what/DET/5/det techniques/NOUN/3/obj he/PRON/7/nsubj "
     "backs/VERB/5/acl:relcl ./PUNCT/3/punct", {"backs": "back"}),
    ("They/PRON/2/nsubj told/VERB/0/root us/PRON/2/iobj nothing/PRON/2/obj we/PRON/6/nsubj knew/VERB/4/acl:relcl "
     "./PUNCT/2/punct", {"knew": "know"}),
])
def test_clause_of_audience_is_no_relative_clause(spec, lemmas):
    with rules.tracing() as trace:
        cue_rows(spec, lemmas)
    assert "clause_of_audience" not in {s.rule for s in trace.steps if s.outcome == rules.FIRED}


@pytest.mark.parametrize("spec, lemmas, expected", [
    # "..., as X reported" after the clause it speaks for
    ("Voters/NOUN/3/nsubj will/AUX/3/aux return/VERB/0/root ,/PUNCT/7/punct as/SCONJ/7/mark "
     "Politico/PROPN/7/nsubj reported/VERB/3/advcl ./PUNCT/3/punct", {"reported": "report"},
     [("reported", "Politico", "Voters will return", "asserts")]),
    # "as" of time with a verb that takes no clause, and an "as" clause with no comma: no speech
    ("As/SCONJ/3/mark Trump/PROPN/3/nsubj spoke/VERB/6/advcl ,/PUNCT/3/punct crowds/NOUN/6/nsubj "
     "left/VERB/0/root ./PUNCT/6/punct", {"spoke": "speak"}, []),
    ("Voters/NOUN/3/nsubj will/AUX/3/aux return/VERB/0/root as/SCONJ/6/mark Politico/PROPN/6/nsubj "
     "reported/VERB/3/advcl ./PUNCT/3/punct", {"reported": "report"}, []),
])
def test_as_clause_is_set_off_and_takes_a_clause(spec, lemmas, expected):
    assert cue_rows(spec, lemmas) == expected


@pytest.mark.parametrize("spec, lemmas, expected", [
    # an oblique stands for the object ('referred to him as “...”'); the closing mark hung elsewhere is kept
    ("A/DET/2/det friend/NOUN/3/nsubj referred/VERB/0/root to/ADP/5/case him/PRON/3/obl as/ADP/8/case "
     "“/PUNCT/8/punct soul/NOUN/3/obl ”/PUNCT/3/punct ./PUNCT/3/punct", {"referred": "refer"},
     [("referred", "friend", "to him as “soul”", "asserts")]),
    # a passive, an "as" phrase with no object, an unquoted "as" phrase: no speech
    ("The/DET/2/det event/NOUN/4/nsubj:pass was/AUX/4/aux:pass billed/VERB/0/root as/ADP/7/case "
     "“/PUNCT/7/punct Hard/ADJ/7/amod Hats/NOUN/4/obl ”/PUNCT/7/punct", {"billed": "bill"}, []),
    ("Voters/NOUN/2/nsubj register/VERB/0/root as/ADP/5/case “/PUNCT/5/punct undeclared/ADJ/2/obl "
     "”/PUNCT/5/punct ./PUNCT/2/punct", None, []),
    ("Reid/PROPN/2/nsubj pounded/VERB/0/root Trump/PROPN/2/obj as/ADP/5/case rival/NOUN/2/obl "
     "./PUNCT/2/punct", {"pounded": "pound"}, []),
])
def test_quoted_characterization_needs_an_object_and_a_quotation(spec, lemmas, expected):
    assert cue_rows(spec, lemmas) == expected


@pytest.mark.parametrize("rule, spec, lemmas, expected", CUE_RULE_ROWS, ids=CUE_ROW_IDS)
def test_cue_rule_row(rule, spec, lemmas, expected):
    with rules.tracing() as trace:
        assert cue_rows(spec, lemmas) == expected
    assert rule in {s.rule for s in trace.steps if s.outcome != rules.NO_MATCH}  # the rule decided


def test_every_cue_rule_has_a_row():
    named = {row[0] for row in CUE_RULE_ROWS}
    for mod in CUE_RULE_MODULES:
        for seq in rules.sequences(mod).values():
            assert {r.__name__ for r in seq} <= named


@pytest.mark.parametrize("rule, spec, lemmas, expected", CUE_RULE_ROWS, ids=CUE_ROW_IDS)
def test_cue_rule_row_fails_without_its_rule(monkeypatch, rule, spec, lemmas, expected):
    removed = 0
    for mod in CUE_RULE_MODULES:
        for name, seq in rules.sequences(mod).items():
            if any(r.__name__ == rule for r in seq):
                monkeypatch.setattr(mod, name, tuple(r for r in seq if r.__name__ != rule))
                removed += 1
    assert removed == 1
    try:
        got = cue_rows(spec, lemmas)
    except IndexError:  # (without "trim_edges" nothing guards an empty span)
        return
    assert got != expected


# A subject coordinated with a speaker's name that the parse hung under an adverbial clause
# (the example article's 'Peskov said “...” because NATO Secretary-General Jens Stoltenberg
# and US Secretary of State Antony Blinken “unequivocally said about the rejection”'): the
# quotation opening on the predicate leaves the verb its speakers (snapping.quoted_predicate),
# and the conjuncts of the phrase the name is the head of speak too (sources.phrase_head).
_BECAUSE = ("Peskov/PROPN/2/nsubj said/VERB/0/root hopes/NOUN/4/nsubj fade/VERB/2/ccomp because/ADP/6/case "
            "Jens/PROPN/3/nmod Stoltenberg/PROPN/6/flat and/CCONJ/9/cc Secretary/PROPN/6/conj of/ADP/12/case "
            "State/PROPN/12/compound Antony/PROPN/9/nmod Blinken/PROPN/12/flat “/PUNCT/6/punct "
            "flatly/ADV/16/advmod said/VERB/2/ccomp about/ADP/19/case the/DET/19/det rejection/NOUN/16/obl "
            "./PUNCT/2/punct ”/PUNCT/2/punct")


@pytest.mark.parametrize("speaker", ["Jens Stoltenberg", "Antony Blinken"])
def test_coordinated_names_under_an_adverbial_clause_speak(speaker):
    got = [(name, chain) for name, content, _, chain in _records(_BECAUSE) if content.endswith("rejection.")]
    assert (speaker, ("Peskov",)) in got, _records(_BECAUSE)


# The same sentence shape as another parser reads it: the title is the subject and the name
# its apposition ("UN Secretary-General Maria Lund" read as "UN Secretary" with "Maria Lund"
# under it), the second name hung off the first name rather than off the title. The
# apposition names the title (phrases.apposition) and its conjuncts speak too
# (sources.coordinated).
_TITLE_APPOS = ("Ortiz/PROPN/2/nsubj said/VERB/0/root hopes/NOUN/4/nsubj fade/VERB/2/ccomp because/SCONJ/21/mark "
                "UN/PROPN/7/compound Secretary/PROPN/21/nsubj -/PUNCT/10/punct General/ADJ/10/nmod:desc "
                "Maria/PROPN/7/appos Lund/PROPN/10/flat and/CCONJ/14/cc EU/PROPN/14/compound "
                "Secretary/PROPN/10/conj of/ADP/16/case Trade/PROPN/14/nmod Hans/PROPN/14/nmod Berg/PROPN/17/flat "
                "“/PUNCT/18/punct flatly/ADV/21/advmod said/VERB/2/ccomp about/ADP/24/case the/DET/24/det "
                "refusal/NOUN/21/obl ./PUNCT/2/punct ”/PUNCT/2/punct")


@pytest.mark.parametrize("speaker", ["Maria Lund", "Hans Berg"])
def test_names_in_apposition_to_a_title_speak(speaker):
    got = [name for name, content, _, _ in _records(_TITLE_APPOS) if content.endswith("refusal.")]
    assert speaker in got and "UN Secretary" not in got, _records(_TITLE_APPOS)


@pytest.mark.parametrize("text, typ, expected", [
    ("President Recep Tayyip Erdoğan", "PERSON", "Recep Tayyip Erdoğan"),
    ("Sen. Mitch Harlan", "PERSON", "Mitch Harlan"),
    ("Foreign Minister Sergei Lavrov", "PERSON", "Foreign Minister Sergei Lavrov"),   # "foreign" is no title
    ("President", "PERSON", "President"),                                             # a title alone stays
    ("President Hotel", "ORG", "President Hotel"),                                    # persons only
])
def test_person_entity_starts_after_its_titles(text, typ, expected):
    from quotes.lexicons import load
    from quotes.nlp.entities import untitled
    from quotes.types import Entity
    e = untitled(Entity(text, typ, 5, 5 + len(text), 0), load())
    assert (e.text, e.end - e.start, e.end) == (expected, len(expected), 5 + len(text))


@pytest.mark.parametrize("spec", [
    # a conjunct of an earlier quotation: "“A,” and “B,” he wrote" read as its own clause
    '“/PUNCT/4/punct and/CCONJ/4/cc talks/NOUN/4/nsubj failed/VERB/8/advcl ,/PUNCT/4/punct ”/PUNCT/4/punct he/PRON/8/nsubj wrote/VERB/0/root ./PUNCT/8/punct',
    # a quotation that does not end where the speaker begins
    '“/PUNCT/3/punct Talks/NOUN/3/nsubj failed/VERB/8/advcl ,/PUNCT/3/punct ”/PUNCT/3/punct then/ADV/8/advmod he/PRON/8/nsubj wrote/VERB/0/root ./PUNCT/8/punct',
])
def test_quotation_hung_as_adverbial_clause_is_said_only_right_before_its_speaker(spec):
    assert cue_rows(spec, {"failed": "fail", "wrote": "write"}) == [("wrote", "he", "<bare>", "asserts")]


@pytest.mark.parametrize("spec, that", [
    # the clause has its object already: "that" only marks it
    ("statement/NOUN/0/root that/PRON/5/obj he/PRON/5/nsubj had/AUX/5/aux reached/VERB/1/acl:relcl deal/NOUN/5/obj", True),
    # ... and its subject already
    ("claim/NOUN/0/root that/PRON/4/nsubj voters/NOUN/4/nsubj lied/VERB/1/acl:relcl", True),
    # a relative pronoun with a role of its own
    ("deal/NOUN/0/root that/PRON/4/obj he/PRON/4/nsubj reached/VERB/1/acl:relcl", False),
    # a verb with two objects: "the threat that Trump offers our country"
    ("threat/NOUN/0/root that/PRON/4/obj Trump/PROPN/4/nsubj offers/VERB/1/acl:relcl/offer country/NOUN/4/obj", False),
])
def test_that_read_as_a_pronoun_is_a_complementizer_when_its_role_is_taken(spec, that):
    from quotes.extractors.complements import that_read_as_pronoun
    from quotes.extractors.tree import Tree
    t = Tree.from_spec(spec)
    k = next(w for w in t.words if w.deprel == "acl:relcl")
    assert (that_read_as_pronoun(t, k) is not None) == that


def test_the_object_that_is_the_speaker_is_not_what_was_said():
    # "..., said one source" read with the source as the object: it speaks, it is not said
    rows = cue_rows("Talks/NOUN/2/nsubj failed/VERB/0/root ,/PUNCT/4/punct said/VERB/2/conj one/NUM/6/nummod "
                    "source/NOUN/4/obj ./PUNCT/2/punct")
    assert rows == [("said", "source", "Talks failed", "asserts")]
