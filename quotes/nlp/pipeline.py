"""The NLP layer: model resolution, one cached stanza pipeline per process, batched parsing.

Models are looked up in one documented order (:func:`resolve_models`):

1. a models directory given explicitly (``models=`` argument, ``--models`` option, or the
   ``QUOTES_MODELS`` environment variable);
2. stanza's official English models, if installed in stanza's resources directory
   (``stanza.download("en")`` where there is network; ``STANZA_RESOURCES_DIR`` moves it);
3. the project's compact English models in ``data/models/``.

Parsing is two-pass: every sentence is tokenized (offsets into the original text are
kept), and only the sentences a ``select`` predicate picks get POS tags, lemmas,
dependencies and entities. With ``select=None`` every sentence is fully parsed.

What reaches the parser is bounded: the parser's memory grows with the square of a
sentence's length (a line of 2,000 quotation marks took 15 GB), so a sentence longer than
:data:`MAX_WORDS` words (news sentences stay under ~230) is parsed in pieces of at most
that many, cut after punctuation where there is some, and a warning names the article
and the offset (logger ``quotes``). A long run of marks with no word in it is not parsed.

>>> from quotes.types import Word, Sentence
>>> s = Sentence(0, 0, 9, [Word(1, "He", 0, 2), Word(2, "said", 3, 7)], parsed=False)
>>> [w.text for w in s.words]
['He', 'said']
"""

from __future__ import annotations

import functools
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from quotes.nlp.caps import MAX_WORDS, cap_sentences, wordless  # noqa: F401 (MAX_WORDS: named here too)
from quotes.nlp.casing import tagger_case
from quotes.nlp.tags import agree_tags
from quotes.nlp.conllu import NER_TYPES, entities_of, from_conllu, to_conllu  # noqa: F401 (named here too)
from quotes.errors import ModelError
from quotes.nlp.settings import MODEL_FILES, VECTORS
from quotes.nlp.structure import structured
from quotes.types import Entity, ParsedDoc, Sentence, Word

ENV_MODELS = "QUOTES_MODELS"
#: The compact models shipped with the project (a source checkout or editable install).
COMPACT_DIR = Path(__file__).resolve().parents[2] / "data" / "models"
Select = Callable[[Sentence], bool]


@dataclass(frozen=True)
class ModelSet:
    """Which models are used: ``source`` is ``explicit``, ``stanza`` or ``compact``."""

    source: str
    path: Path
    files: dict[str, str] = field(default_factory=dict)

    def describe(self) -> str:
        lines = [f"models: {self.source} ({self.path})"]
        for proc, f in self.files.items():
            lines.append(f"  {proc:9s} {f}")
        lines.append(f"  vectors   {self.vectors()}")
        return "\n".join(lines)

    def vectors(self) -> str:
        """The pretrained word vectors the tagger, parser and NER use.

        >>> ModelSet("explicit", Path("m"), {"pos": "m/t.pt"}).vectors()
        'none (models trained without pretrained vectors)'
        """
        if self.source == "stanza":
            return "those of stanza's official models"
        if "pretrain" in self.files:
            return f"{VECTORS['name']}, trimmed ({VECTORS['licence']})"
        return "none (models trained without pretrained vectors)"


#: Processors a models directory may lack: without mwt, tokens are not split into
#: syntactic words; without ner, entities come from the lexicons and the parse alone;
#: without pretrain, the tagger, parser and NER must have been trained without vectors.
OPTIONAL = ("mwt", "ner", "pretrain")


def _own_layout(path: Path) -> dict[str, str] | None:
    if all((path / f).is_file() for p, f in MODEL_FILES.items() if p not in OPTIONAL):
        return {p: str(path / f) for p, f in MODEL_FILES.items() if (path / f).is_file()}
    return None


def _stanza_dir(path: Path) -> bool:
    return (path / "resources.json").is_file() and (path / "en").is_dir() and any((path / "en").iterdir())


def stanza_resources_dirs() -> list[Path]:
    """Where stanza keeps downloaded models (its default first, then the legacy home folder)."""
    dirs = []
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        dirs.append(Path(env))
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR
        dirs.append(Path(DEFAULT_MODEL_DIR))
    except Exception:  # pragma: no cover - stanza missing is reported at load time
        pass
    dirs.append(Path.home() / "stanza_resources")
    return dirs


def resolve_models(models: str | os.PathLike | None = None) -> ModelSet:
    """Find the models to use, in the documented order, or raise :class:`ModelError`.

    >>> resolve_models("/nonexistent")
    Traceback (most recent call last):
    ...
    quotes.errors.ModelError: models directory /nonexistent does not exist ...
    """
    explicit = models if models is not None else os.environ.get(ENV_MODELS) or None
    if explicit is not None:
        path = Path(explicit).expanduser()
        where = "given" if models is not None else f"set by {ENV_MODELS}"
        if not path.is_dir():
            raise ModelError(f"models directory {path} does not exist ({where}); "
                             f"expected the files {', '.join(MODEL_FILES.values())} or a stanza resources dir")
        files = _own_layout(path)
        if files:
            return ModelSet("explicit", path, files)
        if _stanza_dir(path):
            return ModelSet("explicit", path, {"stanza": "official English models (resources.json)"})
        missing = [f for p, f in MODEL_FILES.items() if p not in OPTIONAL and not (path / f).is_file()]
        raise ModelError(f"models directory {path} ({where}) lacks {', '.join(missing)} "
                         "and is not a stanza resources directory")
    for d in stanza_resources_dirs():
        if _stanza_dir(d):
            return ModelSet("stanza", d, {"stanza": "official English models (resources.json)"})
    files = _own_layout(COMPACT_DIR)
    if files:
        return ModelSet("compact", COMPACT_DIR, files)
    raise ModelError(
        "no English models found. Either run `python -c \"import stanza; stanza.download('en')\"` "
        f"(needs network), or point --models / {ENV_MODELS} at a models directory, or build the "
        f"compact models with `python -m quotes.models.build --out {COMPACT_DIR}`")


def _threads(threads: int | None) -> None:
    import torch
    if threads:
        torch.set_num_threads(threads)


#: Lemmatizers: "model" (the dictionary, then the seq2seq model for unknown words) or
#: "dictionary" (the dictionary alone, unknown words stay as they are: a tenth of the parse
#: time saved; extraction repairs the lemmas of speech verbs from the lexicon).
LEMMAS = ("model", "dictionary")


@functools.lru_cache(maxsize=4)
def load_pipelines(models: str | None = None, threads: int | None = None, ner: bool = True,
                   lemmas: str = "model"):
    """Load (once per process and settings) the tokenizer and the tagging/parsing pipeline.

    Returns ``(tokenizer, tagger, ModelSet)``: two stanza Pipelines, the first
    tokenizing raw text (only used with ``tokenizer="stanza"``), the second tagging,
    lemmatizing (see :data:`LEMMAS`), parsing and (with ``ner``) finding entities in
    pretokenized sentences. Extraction runs without NER and with dictionary lemmas: compact
    NER is weak on news, and speakers come from the parse and the lexicons.
    """
    if lemmas not in LEMMAS:
        raise ValueError(f"unknown lemmatizer {lemmas!r}; expected one of {', '.join(LEMMAS)}")
    ms = resolve_models(models)
    try:
        import stanza
    except ImportError as err:  # pragma: no cover
        raise ModelError(f"stanza is not installed ({err}); run the README's install command") from None
    _threads(threads)
    from quotes.nlp.fastmst import install
    from quotes.nlp.vectors import vectors_cache
    install()  # exact tree decoding, with a cycle finder that is not the parser's bottleneck
    logging.getLogger("stanza").setLevel(logging.WARNING)
    common = dict(lang="en", download_method=None, logging_level="ERROR", use_gpu=False)
    try:
        if ms.source != "stanza" and "tokenize" in ms.files:
            f = ms.files
            empty = _empty_resources_dir()
            mwt = {"mwt_model_path": f["mwt"]} if "mwt" in f else {}
            tok = stanza.Pipeline(dir=empty, processors="tokenize,mwt" if mwt else "tokenize",
                                  tokenize_model_path=f["tokenize"], **mwt, **common)
            vectors = f.get("pretrain")  # None: models trained without pretrained vectors
            ner = dict(ner_model_path=f["ner"], ner_pretrain_path=vectors, ner_forward_charlm_path=None,
                       ner_backward_charlm_path=None) if "ner" in f and ner else {}
            tag = stanza.Pipeline(dir=empty, processors="tokenize,pos,lemma,depparse" + (",ner" if ner else ""),
                                  tokenize_pretokenized=True, tokenize_model_path=f["tokenize"],
                                  pos_model_path=f["pos"],
                                  lemma_model_path=f["lemma"], depparse_model_path=f["depparse"],
                                  pos_pretrain_path=vectors, depparse_pretrain_path=vectors,
                                  # small batches: the parser's biaffine scores grow with batch x length^2;
                                  # 500 words per batch measured faster and ~550 MB lighter than 3000
                                  pos_batch_size=500, depparse_batch_size=500,
                                  lemma_dict_only=lemmas == "dictionary", foundation_cache=vectors_cache(vectors),
                                  **ner, **common)
        else:
            tok = stanza.Pipeline(dir=str(ms.path), processors="tokenize,mwt", **common)
            tag = stanza.Pipeline(dir=str(ms.path), processors="tokenize,pos,lemma,depparse" + (",ner" if ner else ""),
                                  tokenize_pretokenized=True, lemma_dict_only=lemmas == "dictionary", **common)
    except Exception as err:
        raise ModelError(f"could not load the stanza models from {ms.path}: {err}") from None
    return tok, tag, ms


def unload_pipelines() -> None:
    """Forget the pipelines :func:`load_pipelines` loaded in this process (the next call
    loads them again); the memory goes back to the system once nothing else holds them.

    >>> unload_pipelines()  # nothing loaded: nothing to do
    >>> loaded_pipelines()
    0
    """
    load_pipelines.cache_clear()


def loaded_pipelines() -> int:
    """How many sets of pipelines (one per settings) :func:`load_pipelines` holds here."""
    return load_pipelines.cache_info().currsize


@functools.lru_cache(maxsize=1)
def _empty_resources_dir() -> str:
    # stanza reads <dir>/resources.json even when every model path is given.
    import tempfile
    d = Path(tempfile.mkdtemp(prefix="quotes-stanza-"))
    (d / "resources.json").write_text(json.dumps({}))
    return str(d)


#: Tokenizers: "rules" (fast, quotes.nlp.tokenize) or "stanza" (the neural tokenizer + MWT).
TOKENIZERS = ("rules", "stanza")
#: Curly marks the EWT-trained tagger rarely saw, mapped one character to one.
_TAGGER_FORMS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "„": '"'})


def _tagger_form(word: str) -> str:
    """How a word is shown to the tagger: curly and doubled marks as the plain ones EWT uses."""
    if word in ("''", "``"):
        return '"'
    return word.translate(_TAGGER_FORMS)


def tokenize(texts: Sequence[str], *, models: str | None = None, threads: int | None = None,
             tokenizer: str = "rules", ner: bool = True, lemmas: str = "model") -> list[list[Sentence]]:
    """Split texts into sentences of words (not parsed), keeping offsets into each text.

    ``tokenizer="rules"`` (default) uses :mod:`quotes.nlp.tokenize` (hundreds of thousands of
    tokens per second, EWT conventions); ``"stanza"`` the neural tokenizer of the models.
    Datelines, bylines, captions and boilerplate are segments of their own, which are never
    parsed (:mod:`quotes.nlp.structure`).

    >>> [[w.text for w in s.words] for s in tokenize(["Peskov said no. It rained."])[0]]
    [['Peskov', 'said', 'no', '.'], ['It', 'rained', '.']]
    >>> [(s.role, len(s.words)) for s in tokenize(["WASHINGTON — Peskov said no."])[0]]
    [('dateline', 2), ('sentence', 4)]
    """
    if tokenizer == "rules":
        from quotes.nlp.tokenize import tokenize as rule_tokenize
        out = []
        for text in texts:
            sents = []
            for i, toks in enumerate(rule_tokenize(text)):
                words = [Word(id=k + 1, text=text[a:b], start=a, end=b, lemma=text[a:b].lower())
                         for k, (a, b) in enumerate(toks)]
                sents.append(Sentence(index=i, start=toks[0][0], end=toks[-1][1], words=words, parsed=False))
            out.append(structured(text, sents))
        return out
    if tokenizer != "stanza":
        raise ValueError(f"unknown tokenizer {tokenizer!r}; expected one of {', '.join(TOKENIZERS)}")
    tok, _, _ = load_pipelines(models, threads, ner, lemmas)
    out = []
    import stanza
    docs = [stanza.Document([], text=t) for t in texts]
    if docs:
        docs = tok(docs) if len(docs) > 1 else [tok(docs[0])]
    for doc in docs:
        out.append(structured(doc.text, [_sentence(i, s) for i, s in enumerate(doc.sentences)]))
    return out


def _sentence(index: int, sent) -> Sentence:
    words: list[Word] = []
    for token in sent.tokens:
        for w in token.words:
            words.append(Word(id=len(words) + 1, text=w.text, start=token.start_char, end=token.end_char,
                              lemma=w.text.lower()))
    return Sentence(index=index, start=sent.tokens[0].start_char, end=sent.tokens[-1].end_char,
                    words=words, parsed=False)


def _fill(sent: Sentence, parsed) -> None:
    """Copy tags, lemmas, heads and entity tags from a stanza sentence into ``sent``, the tags
    made to agree (:func:`quotes.nlp.tags.agree_tags`)."""
    for w, pw in zip(sent.words, parsed.words):
        w.lemma = pw.lemma or w.text.lower()
        w.upos = pw.upos or ""
        w.xpos = pw.xpos or ""
        w.feats = pw.feats or ""
        w.head = pw.head if pw.head is not None else 0
        w.deprel = pw.deprel or ""
    agree_tags(sent.words)
    for tok in parsed.tokens:
        tag = getattr(tok, "ner", None) or "O"
        for pw in tok.words:
            sent.words[pw.id - 1].ner = tag
    sent.parsed = True


def parse(texts: Sequence[str], *, ids: Sequence[str] | None = None, select: Select | None = None,
          models: str | None = None, threads: int | None = None, tokenizer: str = "rules",
          ner: bool = True, lemmas: str = "model") -> list[ParsedDoc]:
    """Parse texts into :class:`ParsedDoc` records, fully or only where ``select`` says.

    All selected sentences of the batch go through the tagger and parser together.
    """
    ids = list(ids) if ids is not None else [str(i) for i in range(len(texts))]
    sentence_lists = [cap_sentences(sents, doc_id) for doc_id, sents in zip(ids, tokenize(
        texts, models=models, threads=threads, tokenizer=tokenizer, ner=ner, lemmas=lemmas))]
    _, tag, _ = load_pipelines(models, threads, ner, lemmas)
    todo = [s for sents in sentence_lists for s in sents
            if s.prose and (select is None or select(s)) and not wordless(s)]
    if todo:
        parsed = tag([tagger_case([_tagger_form(w.text) for w in s.words]) for s in todo])
        for s, ps in zip(todo, parsed.sentences):
            _fill(s, ps)
    docs = []
    for doc_id, text, sents in zip(ids, texts, sentence_lists):
        ents = []
        for s in sents:
            if s.parsed:
                for e in entities_of(s):
                    ents.append(Entity(text=text[e.start:e.end], type=e.type, start=e.start, end=e.end,
                                       sentence=e.sentence))
        docs.append(ParsedDoc(id=doc_id, text=text, sentences=sents, entities=ents))
    return docs
