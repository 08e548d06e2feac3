"""Every attribution in the two example articles, spelled out (model tests).

Each row: article, a snippet of the content, canonical speaker, type(s), stance, chain
(outermost first). A record matches a row when its content contains the snippet and its
speaker is the expected one.
"""

import pytest

pytestmark = pytest.mark.model

AA = "aa_putin_accepts_invitation"
NW = "putin_nato_visit_postponed"
PESKOV, PUTIN = "Dmitry Peskov", "Vladimir Putin"
ANY = None


EXPECTED = [
    # --- Anadolu: Putin accepts Erdogan's invitation --------------------------------------
    (AA, "presidential visit may be accompanied", PESKOV, "indirect", "asserts", []),
    (AA, "Putin has accepted the invitation", PESKOV, "indirect", "asserts", []),  # after the dateline
    (AA, "The meeting will be held when", PESKOV, "indirect", "asserts", []),
    (AA, "President Putin gratefully accepted this invitation", PESKOV, "direct", "asserts", []),  # "he said"
    (AA, "a certain pause", PESKOV, "mixed", "asserts", []),
    (AA, "he was ready to host all these events", "Recep Tayyip Erdogan", "indirect", "asserts", [PESKOV]),
    (AA, "not so many reasons for optimism", PESKOV, "mixed", "asserts", []),
    (AA, "rejection", "Jens Stoltenberg", ANY, "asserts", [PESKOV]),  # parsed as a modifier of 'reasons'
    (AA, "rejection", "Antony Blinken", ANY, "asserts", [PESKOV]),  # hung under 'of State' in the title
    (AA, "From what our colleagues said yesterday", PESKOV, ("direct", "mixed"), "asserts", []),
    (AA, "the relevant bodies will thoroughly examine the documents", PESKOV, "indirect", "asserts", []),
    (AA, "Putin may have consultations", PESKOV, "indirect", "asserts", []),
    (AA, "In the current conditions, one can really only dream", PESKOV, "direct", "asserts", []),  # the spokesman
    (AA, "there can likely be some talks at the working level", PESKOV, "indirect", "asserts", []),
    (AA, "There are no agreements about a new meeting", PESKOV, "indirect", "asserts", []),
    (AA, "The presidents will decide for themselves", PESKOV, "direct", "asserts", []),  # no cue: continuation
    # --- Newsweek: Putin's NATO visit postponed -----------------------------------------------
    (NW, "Putin's first NATO visit in four years postponed", "report", "indirect", "hedged", []),
    (NW, "was postponed on Friday", "a report", "indirect", "hedged", []),
    (NW, "Putin's visit to the NATO country was canceled", "a diplomatic source in Turkey", "indirect",
     "confirms", ["Tass"]),
    (NW, "reportedly scheduled for February 12", ANY, "indirect", "hedged", []),
    (NW, "the Russian president was considering traveling to Turkey", "Yuri Ushakov", "indirect", "asserts",
     ["Interfax"]),  # 'one of Putin's top advisers, Yuri Ushakov, told ...': the appositive names the speaker
    (NW, "A visit is being prepared", "Yuri Ushakov", "direct", "asserts", ["Interfax"]),
    (NW, "Ukrainian issues will probably be one of the main topics", "Yuri Ushakov", "direct", "asserts",
     ["Interfax"]),  # no cue: continuation
    (NW, "Putin and Erdoğan met in Sochi", "Tass", "indirect", "asserts", []),
    (NW, "We are determined to continue our efforts", "Recep Tayyip Erdoğan", "direct", "asserts", ["Tass"]),
    (NW, "We have already acted as a host country", "Recep Tayyip Erdoğan", "direct", "asserts", ["Tass"]),
    (NW, "Putin's meeting with Erdoğan in Turkey had been postponed", PESKOV, "indirect", "cannot_confirm",
     ["Tass"]),
    (NW, "We continue to prepare contacts at the highest level", PESKOV, "direct", "asserts", ["Tass"]),
    (NW, "could take place early next year", PUTIN, "mixed", "asserts", []),
    (NW, "I think we will be able to meet", PUTIN, "direct", "asserts", []),
    (NW, "Indeed, I am planning this", PUTIN, "direct", "asserts", []),
    (NW, "it was a possibility", "Bill Clinton", "indirect", "asserts", [PUTIN]),
    (NW, "it was unlikely", "Bill Clinton", "indirect", "asserts", [PUTIN]),
    (NW, "If he had said yes, the process of rapprochement", PUTIN, "direct", "asserts", []),
]

NOT_ATTRIBUTED = [
    (AA, "By Elena Teslova"),
    (AA, "Be the first to comment"),
    (AA, "Türkçe karakter kullanılmayan"),
    (AA, "UYARI"),
    (NW, "In this photograph distributed by Russian state agency Sputnik"),
    (NW, "special military operation"),
    (NW, "News week contacted the foreign ministries"),
    (AA, "Politics News"),
    (NW, "date 2024-02-09 Connect with us"),
]


def _find(records, snippet, speaker):
    hits = [r for r in records if snippet in r.content]
    if speaker is not None:
        hits = [r for r in hits if r.speaker.name == speaker]
    return hits


def _id(row):
    d, s, sp = (row.values if hasattr(row, "values") else row)[:3]
    return f"{d[:2]}:{s[:30]}:{sp}"


@pytest.mark.parametrize("doc, snippet, speaker, types, stance, chain", EXPECTED, ids=[_id(r) for r in EXPECTED])
def test_attribution(example_records, doc, snippet, speaker, types, stance, chain):
    records = example_records[doc]
    hits = _find(records, snippet, speaker)
    found = [(r.speaker.name, r.type, r.stance, [c.name for c in r.chain], r.content[:60])
             for r in records if snippet in r.content]
    assert hits, f"no record with {snippet!r} by {speaker!r}; records with the snippet: {found}"
    r = hits[0]
    if types is not None:
        assert r.type in ((types,) if isinstance(types, str) else types), found
    assert r.stance == stance, found
    assert [c.name for c in r.chain] == chain, found


def test_headline_report_is_anonymous(example_records):
    (r,) = _find(example_records[NW], "Putin's first NATO visit in four years postponed", None)
    assert r.speaker.kind == "anonymous" and r.cue == ":"


def test_speaker_kinds(example_records):
    kinds = {(r.speaker.name, r.speaker.kind) for rs in example_records.values() for r in rs}
    assert (PESKOV, "person") in kinds and ("Yuri Ushakov", "person") in kinds
    assert ("Tass", "outlet") in kinds
    assert ("a diplomatic source in Turkey", "anonymous") in kinds


def test_he_said_is_peskov(example_records):
    (r,) = _find(example_records[AA], "President Putin gratefully accepted", None)
    assert r.speaker.mention == "he" and r.speaker.name == PESKOV and r.cue == "said"


@pytest.mark.parametrize("doc, snippet", NOT_ATTRIBUTED)
def test_not_attributed(example_records, example_texts, doc, snippet):
    text = example_texts[doc]
    a = text.index(snippet)
    b = a + len(snippet)
    assert not [r for r in example_records[doc] if r.start < b and a < r.end], snippet


def test_offsets_index_the_text(example_records, example_texts):
    for doc, records in example_records.items():
        text = example_texts[doc]
        for r in records:
            assert text[r.start:r.end] == r.content
            sp = r.speaker
            if sp.start is not None:
                assert text[sp.start:sp.end] == sp.mention
