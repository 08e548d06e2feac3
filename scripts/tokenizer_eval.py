"""Score the rule tokenizer (sentences, tokens, words) on UD English-EWT from raw text.

The raw text is rebuilt from the treebank the way stanza's training scripts do
(``stanza.utils.datasets.conllu_to_text``: paragraphs separated by blank lines, lines
wrapped at 80 characters), then prepared as the model card does (single newlines inside
a paragraph become spaces), tokenized exactly as extraction tokenizes
(``quotes.nlp.pipeline.tokenize``: the rule tokenizer, the article-structure step and the
parser's length cap) and scored with stanza's CoNLL 2018 evaluator. No tagging or parsing:
a run takes seconds.

    python scripts/tokenizer_eval.py --split dev --ud ../shared/corpora/UD_English-EWT
    python scripts/tokenizer_eval.py --split dev --ud PATH --errors 30   # also show sentence errors
    python scripts/tokenizer_eval.py --split dev --ud PATH --parse       # also tag and parse (as the card)

Sentences the structure step reads as a dateline, byline, caption or boilerplate are never
parsed; they are counted (the model card scores them as errors).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
from pathlib import Path


def raw_text(conllu: Path) -> str:
    """EWT's raw text as stanza's tokenizer training sees it, paragraphs' line wraps joined."""
    from stanza.utils.datasets.conllu_to_text import convert_text
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "raw.txt"
        convert_text(str(conllu), str(out))
        raw = out.read_text(encoding="utf-8")
    return re.sub(r"(?<!\n)\n(?!\n)", " ", raw)


def system_conllu(raw: str):
    """The sentences extraction would make of ``raw``, as CoNLL-U with flat trees."""
    from quotes.models.card import flat_unparsed
    from quotes.nlp.caps import cap_sentences
    from quotes.nlp.conllu import to_conllu
    from quotes.nlp.pipeline import tokenize
    from quotes.types import ParsedDoc
    sents = cap_sentences(tokenize([raw])[0])
    return flat_unparsed(to_conllu(ParsedDoc("ewt", raw, sents))), sents


def sentence_errors(gold, system, raw: str, limit: int) -> list[str]:
    """Up to ``limit`` gold sentences the system did not reproduce, shown as the system cut
    the text around them (``|`` marks a system sentence boundary, ``[ ]`` the gold sentence)."""
    sspans = [(s.start, s.end) for s in system.sentences]
    found = set(sspans)
    at = [i for i, c in enumerate(raw) if not c.isspace()]  # evaluator's character -> raw offset
    out = []
    for g in gold.sentences:
        if len(out) >= limit:
            break
        if (g.start, g.end) in found:
            continue
        lo = min((s for s, e in sspans if e > g.start), default=g.start)
        hi = max((e for s, e in sspans if s < g.end), default=g.end)
        lo, hi = max(lo, g.start - 60), min(hi, g.end + 60)
        cuts = {s for s, _ in sspans if lo < s < hi}
        text = "".join(("|" if i in cuts else "") + ("[" if i == g.start else "") + raw[at[i]:at[i + 1]].rstrip()
                       + ("]" if i == g.end - 1 else "") + (" " if raw[at[i] + 1:at[i] + 2].isspace() else "")
                       for i in range(lo, hi))
        out.append(text)
    return out


def parse_scores(raw: str, gold_path: Path, models: str) -> dict:
    """The whole pipeline extraction runs (rule tokenizer, structure, tagger, lemmatizer,
    parser) on ``raw``, scored as the model card scores it (``rules_pipeline_scores``)."""
    from quotes.models.card import _scores, _ud_eval, flat_unparsed
    from quotes.nlp.conllu import to_conllu
    from quotes.nlp.pipeline import load_pipelines, parse
    load, evaluate = _ud_eval()
    load_pipelines(models, None, False)
    doc = parse([raw], models=models, ner=False)[0]
    gold = load(open(gold_path, encoding="utf-8"), "gold")
    return _scores(evaluate(gold, load(io.StringIO(flat_unparsed(to_conllu(doc))), "system")))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ud", type=Path, required=True, help="the UD_English-EWT folder (holds en_ewt-ud-*.conllu)")
    ap.add_argument("--split", default="dev", choices=("train", "dev", "test"))
    ap.add_argument("--errors", type=int, default=0, help="show this many gold sentences split wrongly")
    ap.add_argument("--parse", action="store_true", help="also tag and parse, and print UPOS, XPOS, lemma, "
                    "UAS and LAS F1 (aligned accuracy in brackets), as the model card does; takes minutes")
    ap.add_argument("--models", default=str(Path(__file__).resolve().parents[1] / "data" / "models"),
                    help="the models directory for --parse (default: the repository's data/models)")
    args = ap.parse_args(argv)
    gold_path = args.ud / f"en_ewt-ud-{args.split}.conllu"
    if not gold_path.is_file():
        print(f"error: {gold_path} not found (expected the UD_English-EWT folder)", file=sys.stderr)
        return 2
    from quotes.models.card import _ud_eval
    load, evaluate = _ud_eval()
    raw = raw_text(gold_path)
    conllu, sents = system_conllu(raw)
    gold = load(open(gold_path, encoding="utf-8"), "gold")
    system = load(io.StringIO(conllu), "system")
    res = evaluate(gold, system)
    print(f"UD English-EWT {args.split}, rule tokenizer, raw text (F1):")
    for k in ("Tokens", "Sentences", "Words"):
        r = res[k]
        print(f"  {k:<10} {100 * r.f1:6.2f}   (P {100 * r.precision:6.2f}, R {100 * r.recall:6.2f})")
    unparsed = [s for s in sents if not s.prose]
    roles: dict[str, int] = {}
    for s in unparsed:
        roles[s.role] = roles.get(s.role, 0) + 1
    print(f"  left unparsed by the structure step: {len(unparsed)} of {len(sents)} segments "
          f"({', '.join(f'{k} {v}' for k, v in sorted(roles.items())) or 'none'})")
    for line in sentence_errors(gold, system, raw, args.errors):
        print("  " + line)
    if args.parse:
        scores = parse_scores(raw, gold_path, args.models)
        for k in ("UPOS", "XPOS", "Lemmas", "UAS", "LAS"):
            print(f"  {k:<10} {scores[k]:6.2f}   (aligned accuracy {scores[k + ' aligned']:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
