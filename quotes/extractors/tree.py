"""Small helpers over one parsed sentence: children, subtrees, spans, trimming.

>>> from quotes.types import Sentence, Word
>>> ws = [Word(1, "He", 0, 2, upos="PRON", head=2, deprel="nsubj"),
...       Word(2, "left", 3, 7, upos="VERB", head=0, deprel="root"),
...       Word(3, ".", 7, 8, upos="PUNCT", head=2, deprel="punct")]
>>> t = Tree(Sentence(0, 0, 8, ws))
>>> sorted(t.subtree(2)), t.span(t.subtree(2))
([1, 2, 3], (0, 8))
"""

from __future__ import annotations

from quotes.lexicons import load
from quotes.types import Sentence, Word

QUOTE_MARKS = {"“", "”", "\"", "''", "``", "«", "»"}
#: Tokens that open or close a quotation in a parse (straight marks do both).
OPEN_QUOTES = frozenset({"“", "\"", "``", "''"})
CLOSE_QUOTES = frozenset({"”", "\"", "''"})
#: Characters of the punctuation trimmed from the edges of a span.
EDGE_PUNCT = set(",.;:—–-()[]…")


class Tree:
    """A parsed sentence with its children index."""

    __slots__ = ("sent", "words", "kids")

    def __init__(self, sent: Sentence):
        self.sent = sent
        self.words = sent.words
        self.kids: dict[int, list[Word]] = {}
        for w in sent.words:
            if w.head is not None:
                self.kids.setdefault(w.head, []).append(w)

    @classmethod
    def of(cls, text: str, tokens) -> "Tree":
        """A tree from ``(form, upos, head, deprel[, lemma[, xpos]])`` tokens in the order
        they occur in ``text``, offsets found by search: a small hand-made parse for examples
        and tests (the lemma defaults to the lower-cased form, the xpos to nothing).

        >>> t = Tree.of("He said it.", [("He", "PRON", 2, "nsubj"), ("said", "VERB", 0, "root", "say", "VBD"),
        ...                             ("it", "PRON", 2, "obj"), (".", "PUNCT", 2, "punct")])
        >>> [(w.text, w.start, w.end, w.lemma) for w in t.words][:2]
        [('He', 0, 2, 'he'), ('said', 3, 7, 'say')]
        """
        words, pos = [], 0
        for i, (form, upos, head, rel, *more) in enumerate(tokens, 1):
            pos = text.index(form, pos)
            lemma = more[0] if more else form.lower()
            xpos = more[1] if len(more) > 1 else ""
            words.append(Word(i, form, pos, pos + len(form), lemma, upos, xpos, "", head, rel))
            pos += len(form)
        return cls(Sentence(0, 0, len(text), words, parsed=True))

    @classmethod
    def from_spec(cls, spec: str) -> "Tree":
        """A hand-made parse written compactly: ``form/UPOS[:XPOS]/head/deprel[/lemma]`` tokens
        separated by spaces (the text is the forms joined by spaces, none before closing
        punctuation or after an opening quotation mark; "_" in a form is a space).

        >>> t = Tree.from_spec("He/PRON/2/nsubj said/VERB:VBD/0/root/say it/PRON/2/obj")
        >>> [(w.text, w.xpos, w.lemma) for w in t.words][1], t.sent.end
        (('said', 'VBD', 'say'), 10)
        """
        tokens, text = [], ""
        for tok in spec.split():
            form, upos, head, rel, *lemma = tok.split("/")
            form = form.replace("_", " ")
            upos, _, xpos = upos.partition(":")
            default = form if upos == "PROPN" else form.lower()
            tokens.append((form, upos, int(head), rel, lemma[0] if lemma else default, xpos))
            if text and not (form in ",.:;”’" or text.endswith(("“", "‘"))):
                text += " "  # no space before closing punctuation nor after an opening mark
            text += form
        return cls.of(text, tokens)

    def w(self, wid: int) -> Word:
        return self.words[wid - 1]

    def root(self) -> Word | None:
        """The sentence's root word, or None when the parse gave it none.

        >>> Tree.of("It rained", [("It", "PRON", 2, "expl"), ("rained", "VERB", 0, "root")]).root().text
        'rained'
        """
        return next((x for x in self.words if x.deprel == "root"), None)

    def clause_opened_by(self, x: Word, after: int) -> Word | None:
        """The head of the clause whose first word is ``x`` (a verb, auxiliary or adjective
        after word ``after``), however the parse attached that clause: "claim that people
        would ...", "by telling them that their lives are ...".

        >>> t = Tree.of("claim that we left", [("claim", "NOUN", 0, "root"), ("that", "SCONJ", 4, "mark"),
        ...                                    ("we", "PRON", 4, "nsubj"), ("left", "VERB", 1, "acl")])
        >>> t.clause_opened_by(t.w(2), after=1).text, t.clause_opened_by(t.w(3), after=1)
        ('left', None)
        """
        if not x.head or x.head <= after or min(self.subtree(x.head)) != x.id:
            return None
        head = self.w(x.head)
        return head if head.upos in ("VERB", "AUX", "ADJ") else None

    def children(self, wid: int, *deprels: str) -> list[Word]:
        ks = self.kids.get(wid, [])
        if not deprels:
            return ks
        return [k for k in ks if k.deprel in deprels or k.deprel.split(":")[0] in deprels]

    def child(self, wid: int, *deprels: str) -> Word | None:
        ks = self.children(wid, *deprels)
        return ks[0] if ks else None

    def subtree(self, wid: int, skip: set[int] | frozenset[int] = frozenset()) -> set[int]:
        out, stack = set(), [wid]
        while stack:
            i = stack.pop()
            if i in out or i in skip:
                continue
            out.add(i)
            stack.extend(k.id for k in self.kids.get(i, []))
        return out

    def span(self, ids) -> tuple[int, int]:
        ws = [self.words[i - 1] for i in ids]
        return min(w.start for w in ws), max(w.end for w in ws)

    def trimmed(self, ids: set[int], drop_lead: tuple[str, ...] = ("that",)) -> list[int]:
        """Ids in order, without edge punctuation (quote marks kept) and a leading 'that'."""
        order = sorted(ids)
        trailing = load().words("trailing_conjunctions")
        while order and (self._edge(order[0]) or self.w(order[0]).text.lower() in drop_lead
                         and (self.w(order[0]).deprel in ("mark", "case") or self._complementizer(order[0]))):
            order.pop(0)
        while order and (self._edge(order[-1]) or self.w(order[-1]).upos == "CCONJ"
                         or self.w(order[-1]).text.lower() in trailing):
            order.pop()
        return order

    def _complementizer(self, wid: int) -> bool:
        """A "that" read as a relative pronoun whose clause has a subject of its own after it:
        the clause's complementizer ("told lawmakers that the troops would stay" parsed with
        "that" the object of "stay").

        >>> t = Tree.from_spec("told/VERB/0/root lawmakers/NOUN/1/iobj that/PRON/6/obj the/DET/5/det "
        ...                    "troops/NOUN/6/nsubj stay/VERB/2/acl:relcl")
        >>> t.trimmed({3, 4, 5, 6})
        [4, 5, 6]
        """
        w = self.w(wid)
        return w.text.lower() == "that" and w.deprel in ("obj", "obl") and w.head > wid and any(
            k.id > wid and k.deprel.startswith("nsubj") for k in self.children(w.head))

    def _edge(self, wid: int) -> bool:
        t = self.w(wid).text
        return all(c in EDGE_PUNCT for c in t)

    def contiguous_runs(self, ids: set[int]) -> list[list[int]]:
        runs: list[list[int]] = []
        for i in sorted(ids):
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        return runs

    def negated(self, wid: int) -> bool:
        """Whether ``wid`` has a negation of its own (not one inside a quotation before it:
        '“Probably not,” Ms. Moore said')."""
        neg = load().words("negations")
        return any((k.lemma.lower() in neg or k.text.lower() in neg) and not self.quote_between(k.id, wid)
                   for k in self.children(wid, "advmod", "neg", "aux", "det", "cc"))

    def quote_between(self, a: int, b: int) -> bool:
        """Whether a quotation mark stands between words ``a`` and ``b``."""
        lo, hi = min(a, b), max(a, b)
        return any(self.w(i).text in QUOTE_MARKS for i in range(lo + 1, hi))

    def subject(self, wid: int, depth: int = 0) -> Word | None:
        """The subject of ``wid``, inherited through xcomp/advcl/conj/acl chains when missing
        ("..., adding that", "declined to confirm", "said A and added B"); a nominal subject
        before a clausal one ("Campaigning in 2012, he barely mentioned it" parsed with both).

        >>> Tree.from_spec("Campaigning/VERB/4/csubj ,/PUNCT/1/punct he/PRON/4/nsubj mentioned/VERB/0/root "
        ...                "it/PRON/4/obj").subject(4).text
        'he'
        """
        subjects = self.children(wid, "nsubj") or self.children(wid, "csubj")
        if subjects:
            return self.title_then_name_subject(subjects)
        w = self.w(wid)
        if depth < 4 and w.head and w.deprel.split(":")[0] in ("xcomp", "conj", "advcl"):
            h = self.w(w.head)
            if h.upos in ("VERB", "AUX", "ADJ") or w.deprel.startswith(("xcomp", "conj")):
                return self.subject(w.head, depth + 1)
        return self._infinitive_of_object_subject(w, depth)

    def _infinitive_of_object_subject(self, w: Word, depth: int) -> Word | None:
        """Reached from a participle, the subject of the verb whose object an infinitive
        modifies ("The Times filed a motion to unseal the records, arguing ...": the Times).

        >>> t = Tree.from_spec("Times/PROPN/2/nsubj filed/VERB/0/root motion/NOUN/2/obj to/PART/5/mark "
        ...                    "unseal/VERB/3/acl records/NOUN/5/obj ,/PUNCT/8/punct arguing/VERB/5/advcl")
        >>> t.subject(8).text
        'Times'
        """
        if depth == 0 or depth >= 4 or w.deprel != "acl" or not w.head or self.child(w.id, "mark") is None \
                or self.child(w.id, "mark").text.lower() != "to":
            return None
        noun = self.w(w.head)
        if noun.deprel.split(":")[0] != "obj" or not noun.head:
            return None
        return self.subject(noun.head, depth + 1)

    def title_then_name_subject(self, subjects: list[Word]) -> Word:
        """Of a verb's subjects, the first; but a title and the name right after it parsed as
        two subjects ("Kremlin spokesman | Dmitry Peskov told") are one: the name.

        >>> t = Tree.from_spec("Kremlin/PROPN/2/compound spokesman/NOUN/5/nsubj Dmitry/PROPN/5/nsubj "
        ...                    "Peskov/PROPN/3/flat told/VERB/0/root/tell Tass/PROPN/5/obj")
        >>> t.subject(5).text
        'Dmitry'
        """
        first = subjects[0]
        for nxt in subjects[1:]:
            if not (first.upos == "NOUN" and nxt.upos == "PROPN" and
                    max(self.subtree(first.id)) + 1 == min(self.subtree(nxt.id))):
                break
            first = nxt
        return first

