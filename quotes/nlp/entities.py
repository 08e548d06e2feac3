"""The entity layer: stanza's NER corrected by the project's lexicons.

Compact NER is weak on news ("Kremlin spokesman Dmitry Peskov" comes back as one ORG),
so entities are rebuilt from three sources, strongest first: the outlet and
organisation lexicons (Tass and Interfax are OUTLETs wherever they appear), proper-noun
runs after a title ("spokesman Dmitry Peskov" is a PERSON), then stanza's own labels, a
person's starting after any titles the model took in.
Users extend the lexicons (see :mod:`quotes.lexicons`), not this code.

>>> from quotes.nlp.pipeline import from_conllu
>>> text = "Tass said so."
>>> d = from_conllu(text, "1\\tTass\\tTass\\tPROPN\\t_\\t_\\t2\\tnsubj\\t_\\tstart_char=0|end_char=4|ner=S-LOC\\n"
...                       "2\\tsaid\\tsay\\tVERB\\t_\\t_\\t0\\troot\\t_\\tstart_char=5|end_char=9\\n")
>>> [(e.text, e.type) for e in corrected_entities(d)]
[('Tass', 'OUTLET')]
"""

from __future__ import annotations

from quotes.lexicons import Lexicon, fold, load
from quotes.types import Entity, ParsedDoc, Sentence, Word


def _lexicon_hits(doc: ParsedDoc, lex: Lexicon) -> list[Entity]:
    out = []
    for rx, table, typ in ((lex._outlet_re, lex.outlets, "OUTLET"), (lex._org_re, lex.organizations, "ORG")):
        if rx is None:
            continue
        from quotes.lexicons import norm
        for s in doc.sentences:
            seg = doc.text[s.start:s.end]
            normed = norm(seg)
            if len(normed) != len(seg):
                # accents or spacing changed the length: match word by word instead
                for w in s.words:
                    m = rx.fullmatch(norm(w.text))
                    if m and w.text[:1].isupper():
                        out.append(Entity(w.text, typ, w.start, w.end, s.index))
                continue
            for m in rx.finditer(normed):
                a, b = s.start + m.start(), s.start + m.end()
                if doc.text[a:a + 1].isupper() or doc.text[a:a + 3] == "the":
                    if doc.text[a:a + 4] == "the ":
                        a += 4
                    out.append(Entity(doc.text[a:b], typ, a, b, s.index))
    return out


def _titled_people(doc: ParsedDoc, lex: Lexicon) -> list[Entity]:
    """People named next to a title, sentence by sentence: after it, then in apposition to it."""
    out = []
    for s in doc.sentences:
        if s.parsed:
            out += _after_title(doc, s, lex) + _in_apposition(doc, s, lex)
    return out


def _is_title(word: str, lex: Lexicon) -> bool:
    return fold(word).rstrip(".") in lex.titles or fold(word) in lex.titles


def _after_title(doc: ParsedDoc, s: Sentence, lex: Lexicon) -> list[Entity]:
    """"spokesman Dmitry Peskov": the proper nouns right after a title (not an outlet's name)."""
    out = []
    ws = s.words
    i = 0
    while i < len(ws):
        if not _is_title(ws[i].text, lex):
            i += 1
            continue
        j = i + 1
        while j < len(ws) and ws[j].upos == "PROPN" and fold(ws[j].text) not in lex.titles:
            j += 1
        run = ws[i + 1:j]
        if run and not lex.outlet_name(" ".join(x.text for x in run)):
            a, b = run[0].start, run[-1].end
            out.append(Entity(doc.text[a:b], "PERSON", a, b, s.index))
        i = j
    return out


def _titled_head(ws: list[Word], h: Word, lex: Lexicon) -> bool:
    """``h`` is a title, or has a title as its nominal modifier ("one of Putin's top advisers")."""
    return h.lemma.lower() in lex.titles or any(ws[k.head - 1] is h and k.lemma.lower() in lex.titles
                                                for k in ws if k.deprel == "nmod" and k.head)


def _in_apposition(doc: ParsedDoc, s: Sentence, lex: Lexicon) -> list[Entity]:
    """"one of Putin's top advisers, Yuri Ushakov": a name in apposition to a title."""
    out = []
    ws = s.words
    for w in ws:
        if not (w.upos == "PROPN" and w.deprel == "appos" and w.head and _titled_head(ws, ws[w.head - 1], lex)):
            continue
        run = [x for x in ws if x is w or (x.head == w.id and x.upos == "PROPN"
                                           and x.deprel in ("flat", "compound", "flat:name"))]
        a, b = min(x.start for x in run), max(x.end for x in run)
        if not lex.outlet_name(doc.text[a:b]):
            out.append(Entity(doc.text[a:b], "PERSON", a, b, s.index))
    return out


def untitled(e: Entity, lex: Lexicon) -> Entity:
    """A person tagged with the titles before the name ("President Recep Tayyip Erdoğan"):
    the person starts after them. Other entities, and a span of titles alone, stay as they are.

    >>> e = Entity("President Recep Tayyip Erdoğan", "PERSON", 10, 40, 0)
    >>> untitled(e, load())
    Entity(text='Recep Tayyip Erdoğan', type='PERSON', start=20, end=40, sentence=0)
    >>> [untitled(e, load()).text for e in (Entity("President", "PERSON", 0, 9, 0),
    ...                                      Entity("President Hotel", "ORG", 0, 15, 0))]
    ['President', 'President Hotel']
    """
    words = e.text.split(" ")
    k = 0
    while e.type == "PERSON" and k < len(words) - 1 and _is_title(words[k], lex):
        k += 1
    cut = len(" ".join(words[:k])) + 1 if k else 0
    return Entity(e.text[cut:], e.type, e.start + cut, e.end, e.sentence)


def corrected_entities(doc: ParsedDoc, lex: Lexicon | None = None) -> list[Entity]:
    """Entities of ``doc`` after lexicon correction, in text order, without overlaps."""
    lex = lex or load()
    ranked = [(0, e) for e in _lexicon_hits(doc, lex)] + [(1, e) for e in _titled_people(doc, lex)]
    for e in doc.entities:
        typ = e.type
        if lex.outlet_name(e.text):
            typ = "OUTLET"
        ranked.append((2, untitled(Entity(e.text, typ, e.start, e.end, e.sentence), lex)))
    taken: list[Entity] = []
    for _, e in sorted(ranked, key=lambda x: (x[0], x[1].start)):
        if any(e.start < t.end and t.start < e.end for t in taken):
            # an NER span swallowing a lexicon/title span: keep the remainder if it is a name
            continue
        taken.append(e)
    return sorted(taken, key=lambda e: e.start)
