"""CoNLL-U in and out of :class:`~quotes.types.ParsedDoc` records, and entity spans from
BIOES tags (the parser's output and hand-written parses of rule tests read the same way).

>>> from quotes.types import Word, Sentence
>>> s = Sentence(0, 0, 9, [Word(1, "Tass", 0, 4, ner="S-GPE")])
>>> [(e.type, e.start, e.end) for e in entities_of(s)]
[('LOC', 0, 4)]
"""

from __future__ import annotations

from quotes.nlp.fused import multiword_tokens
from quotes.types import Entity, ParsedDoc, Sentence, Word

#: stanza's and OntoNotes' entity labels, folded to the project's few types.
NER_TYPES = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC",
             "FAC": "LOC", "NORP": "MISC"}


def entities_of(sent: Sentence) -> list[Entity]:
    """Entity spans from a parsed sentence's BIOES tags, with folded types."""
    out, cur = [], None
    for w in sent.words:
        tag = w.ner or "O"
        if tag == "O" or "-" not in tag:
            cur = None
            continue
        pos, typ = tag.split("-", 1)
        typ = NER_TYPES.get(typ, "MISC")
        if pos in ("B", "S") or cur is None or cur[0] != typ:
            cur = [typ, w.start, w.end]
            out.append(cur)
        else:
            cur[2] = w.end
        if pos in ("E", "S"):
            cur = None
    return [Entity(text="", type=t, start=s, end=e, sentence=sent.index) for t, s, e in out]


def to_conllu(doc: ParsedDoc) -> str:
    """Render a parsed document as CoNLL-U (offsets in MISC as ``start_char``/``end_char``;
    a written word split into several words gets a multiword token's range line, as in
    EWT: ``1-2 don't``, then ``1 do`` and ``2 n't``).

    >>> from quotes.types import ParsedDoc, Sentence, Word
    >>> w = Word(1, "Hi", 0, 2, lemma="hi", upos="INTJ", head=0, deprel="root")
    >>> print(to_conllu(ParsedDoc("d", "Hi", [Sentence(0, 0, 2, [w])])).strip())
    # sent_id = 1
    # text = Hi
    1	Hi	hi	INTJ	_	_	0	root	_	start_char=0|end_char=2|ner=O
    """
    lines = []
    for s in doc.sentences:
        lines.append(f"# sent_id = {s.index + 1}")
        lines.append(f"# text = {' '.join(doc.text[s.start:s.end].split())}")
        if not s.prose:
            lines.append(f"# parsed = no ({s.role}: no sentence of the article)")
        elif not s.parsed:
            lines.append("# parsed = no (no attribution cue in this sentence)")
        tokens = multiword_tokens(doc.text, [(w.start, w.end) for w in s.words])
        for k, w in enumerate(s.words):
            if k in tokens:  # a multiword token's range line ("1-2 don't") before its words
                last = s.words[tokens[k]]
                lines.append(f"{w.id}-{last.id}\t{doc.text[w.start:last.end]}" + "\t_" * 8)
            head = "_" if w.head is None else str(w.head)
            lines.append("\t".join([str(w.id), w.text, w.lemma or "_", w.upos or "_", w.xpos or "_",
                                    w.feats or "_", head, w.deprel or "_", "_",
                                    f"start_char={w.start}|end_char={w.end}|ner={w.ner}"]))
        lines.append("")
    return "\n".join(lines) + "\n"


def from_conllu(text: str, conllu: str, doc_id: str = "doc") -> ParsedDoc:
    """Build a :class:`ParsedDoc` from CoNLL-U whose MISC column holds ``start_char``/``end_char``.

    Used by rule tests that need no model: the parse is written out by hand.

    >>> d = from_conllu("Hi", "1\\tHi\\thi\\tINTJ\\t_\\t_\\t0\\troot\\t_\\tstart_char=0|end_char=2\\n")
    >>> d.sentences[0].words[0].deprel
    'root'
    """
    sents: list[Sentence] = []
    words: list[Word] = []

    def close():
        if words:
            sents.append(Sentence(len(sents), words[0].start, words[-1].end, list(words)))
            words.clear()

    for line in conllu.splitlines():
        if not line.strip():
            close()
            continue
        if line.startswith("#"):
            continue
        c = line.split("\t")
        if "-" in c[0] or "." in c[0]:
            continue
        misc = dict(kv.split("=", 1) for kv in c[9].split("|") if "=" in kv)
        words.append(Word(id=int(c[0]), text=c[1], start=int(misc["start_char"]), end=int(misc["end_char"]),
                          lemma=c[2] if c[2] != "_" else c[1].lower(), upos=c[3] if c[3] != "_" else "",
                          xpos=c[4] if c[4] != "_" else "", feats=c[5] if c[5] != "_" else "",
                          head=int(c[6]) if c[6] != "_" else None, deprel=c[7] if c[7] != "_" else "",
                          ner=misc.get("ner", "O")))
    close()
    doc = ParsedDoc(id=doc_id, text=text, sentences=sents)
    for s in sents:
        doc.entities.extend(Entity(text=text[e.start:e.end], type=e.type, start=e.start, end=e.end,
                                   sentence=e.sentence) for e in entities_of(s))
    return doc
