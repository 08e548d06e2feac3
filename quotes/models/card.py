"""Score the compact models and write ``MODEL_CARD.md`` next to them.

Scores come from stanza itself: the training logs' test-split lines for each
component, stanza's official CoNLL 2018 evaluator for the whole pipeline run from raw
text on UD English-EWT test, and the NER tagger's own entity F1 on UNER English-EWT test.

    python -m quotes.models.build --out data/models --stage card

A build run stage by stage, on several machines, keeps what earlier runs measured: a
component score missing from this work folder's logs, and a stage's wall time missing from
its ``timings.json`` (and the tagger's averaging, ``average.json``), are taken from the
``scores.json`` already in ``--out``.

When ``<work>/history.md`` exists (training runs made by hand rather than by one unattended
build, e.g. a stage continued from its saved model), the card quotes it as written.
"""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

from quotes.nlp.settings import AVERAGE_WINDOWS, MODEL_FILES, STAGE_ARGS, VECTORS

#: Whole pipeline from raw text (F1) and NER entity F1 the models are held to.
TARGETS = {"UPOS": 94.5, "LAS": 82.0, "NER F1": 75.0}


def _last(pattern: str, path: Path) -> str | None:
    if not path.exists():
        return None
    hits = re.findall(pattern, path.read_text(errors="replace"))
    return hits[-1] if hits else None


def _ud_eval():
    """stanza's CoNLL 2018 evaluator: ``udtools.udeval`` in stanza >= 1.11, else its own copy.
    Returns (load(file, name), evaluate(gold, system))."""
    try:
        from udtools import udeval as ev
        return (lambda fh, name: ev.load_conllu(fh, name, {})), ev.evaluate
    except ImportError:  # pragma: no cover - older stanza
        from stanza.utils import conll18_ud_eval as ev
        return (lambda fh, name: ev.load_conllu(fh)), ev.evaluate


def _after_header(path: Path, header: str, title: str | None = None) -> dict[str, str] | None:
    """The numbers under the last line matching ``header`` (names split on whitespace); with
    ``title``, only a header right under a line matching it (stanza's NER prints an entity
    table and a token table with the same header)."""
    if not path.exists():
        return None
    lines = [re.sub(r"^\S+ \S+ (INFO|DEBUG): ", "", ln) for ln in path.read_text(errors="replace").splitlines()]
    found = None
    for i, ln in enumerate(lines[:-1]):
        if title and (i == 0 or not re.fullmatch(title, lines[i - 1].strip())):
            continue
        if re.fullmatch(header, ln.strip()):
            names, vals = ln.split(), lines[i + 1].split()
            if len(vals) == len(names) and all(re.fullmatch(r"[\d.]+", v) for v in vals):
                found = dict(zip(names, vals))
    return found


#: What the card says of a component whose score no log (and no earlier card) has.
NOT_IN_LOG = "not in log"


def component_scores(work: Path) -> dict[str, str]:
    """Test-split scores printed by stanza's own scripts (as found in the build logs)."""
    logs = work / "logs"
    out = {}
    tok = _after_header(logs / "tokenize.log", r"Tokens\s+Sentences\s+Words")
    out["tokenizer (EWT test, raw text)"] = ", ".join(f"{k} {v}" for k, v in tok.items()) if tok else NOT_IN_LOG
    # the retag stage tags train, dev and test with the trained tagger: the last table is test
    pos = _after_header(logs / "retag.log", r"UPOS\s+XPOS\s+UFeats\s+AllTags")
    out["pos (EWT test, gold tokens)"] = ", ".join(f"{k} {v}" for k, v in pos.items()) if pos else NOT_IN_LOG
    lem = _last(r"Lemma score:\s*\n\S+ ([\d.]+)", logs / "lemma_test.log")
    out["lemma (EWT test, gold tags)"] = lem or NOT_IN_LOG
    dep = _after_header(logs / "depparse.log", r"UAS\s+LAS\s+CLAS\s+MLAS\s+BLEX") or \
        _after_header(logs / "depparse.log", r"LAS\s+MLAS\s+BLEX")
    out["depparse (EWT test, predicted tags)"] = ", ".join(f"{k} {v}" for k, v in dep.items()) if dep else NOT_IN_LOG
    ner = _after_header(logs / "ner_test.log", r"Prec\.\s+Rec\.\s+F1", title=r"Score by entity:")
    out["ner (UNER English-EWT test)"] = f"entity F1 {ner['F1']} (P {ner['Prec.']}, R {ner['Rec.']})" if ner \
        else NOT_IN_LOG
    return out


def carried_forward(comp: dict[str, str], times: dict[str, int], previous: dict) -> tuple[dict, dict]:
    """Component scores and stage timings of this run, completed by an earlier card's
    ``scores.json`` for the components and stages this run did not build.

    >>> carried_forward({"pos": "UPOS 95", "ner": NOT_IN_LOG}, {"pos": 60},
    ...                 {"components": {"pos": "UPOS 94", "ner": "F1 77"}, "timings": {"ner": 30, "pos": 50}})
    ({'pos': 'UPOS 95', 'ner': 'F1 77'}, {'ner': 30, 'pos': 60})
    """
    old = previous.get("components", {})
    comp = {k: old.get(k, v) if v == NOT_IN_LOG else v for k, v in comp.items()}
    return comp, {**previous.get("timings", {}), **times}


def pipeline_scores(out: Path, work: Path) -> dict[str, float]:
    """Whole pipeline from raw text on EWT test, scored by stanza's CoNLL 2018 evaluator."""
    import stanza
    from quotes.nlp.fastmst import install
    from quotes.nlp.vectors import vectors_cache
    install()  # the decoder quotes runs (same trees as stanza's, faster)
    load_conllu, evaluate = _ud_eval()

    d = {p: str(out / f) for p, f in MODEL_FILES.items()}
    nlp = stanza.Pipeline("en", dir=str(out), processors="tokenize,mwt,pos,lemma,depparse",
                          tokenize_model_path=d["tokenize"], mwt_model_path=d["mwt"], pos_model_path=d["pos"],
                          lemma_model_path=d["lemma"], depparse_model_path=d["depparse"],
                          pos_pretrain_path=d["pretrain"], depparse_pretrain_path=d["pretrain"],
                          foundation_cache=vectors_cache(d["pretrain"]), download_method=None, logging_level="WARN")
    raw = (work / "data" / "tokenize" / "en_ewt.test.txt").read_text(encoding="utf-8")
    t0 = time.time()
    doc = nlp(raw)
    secs = time.time() - t0
    for sent in doc.sentences:  # very long tokens (URLs) come back as <UNK>: restore them
        for tok in sent.tokens:
            if tok.text == "<UNK>" and tok.start_char is not None:
                tok.text = raw[tok.start_char:tok.end_char]
                if len(tok.words) == 1:
                    tok.words[0].text = tok.text
    system = "{:C}\n\n".format(doc)
    gold = load_conllu(open(work / "data" / "tokenize" / "en_ewt.test.gold.conllu", encoding="utf-8"), "gold")
    res = evaluate(gold, load_conllu(io.StringIO(system), "system"))
    scores = _scores(res)
    scores["tokens/s"] = round(sum(len(s.tokens) for s in doc.sentences) / secs)
    return scores


METRICS = ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "Lemmas", "UAS", "LAS")


def _scores(res) -> dict:
    """F1 and aligned accuracy (where defined) per metric, in percent."""
    out = {}
    for k in METRICS:
        if k not in res:
            continue
        out[k] = round(100 * res[k].f1, 2)
        if res[k].aligned_accuracy is not None and k not in ("Tokens", "Sentences", "Words"):
            out[k + " aligned"] = round(100 * res[k].aligned_accuracy, 2)
    return out


def rules_pipeline_scores(out: Path, work: Path) -> dict[str, float]:
    """The pipeline quotes itself runs: the rule tokenizer (quotes.nlp.tokenize), then the
    tagger, lemmatizer and parser, scored the same way. The raw test text is line-wrapped
    inside paragraphs, so single newlines become spaces first (the rule tokenizer ends a
    sentence at every newline, as news files put one paragraph per line)."""
    from quotes.nlp.pipeline import load_pipelines, parse, to_conllu
    load_conllu, evaluate = _ud_eval()

    raw = (work / "data" / "tokenize" / "en_ewt.test.txt").read_text(encoding="utf-8")
    raw = re.sub(r"(?<!\n)\n(?!\n)", " ", raw)
    load_pipelines(str(out), None, False)
    t0 = time.time()
    doc = parse([raw], models=str(out), ner=False)[0]
    secs = time.time() - t0
    gold = load_conllu(open(work / "data" / "tokenize" / "en_ewt.test.gold.conllu", encoding="utf-8"), "gold")
    res = evaluate(gold, load_conllu(io.StringIO(flat_unparsed(to_conllu(doc))), "system"))
    scores = _scores(res)
    scores["tokens/s"] = round(sum(len(s.words) for s in doc.sentences) / secs)
    return scores


def flat_unparsed(conllu: str) -> str:
    """Give the words of sentences left unparsed (read as a dateline, a byline...) a flat tree,
    so the evaluator can read the file; the tree and the missing tags count as errors.

    >>> print(flat_unparsed("1\\tA\\ta\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\n2\\tB\\tb\\t_\\t_\\t_\\t_\\t_\\t_\\t_\\n").split())
    ['1', 'A', 'a', 'X', '_', '_', '0', 'root', '_', '_', '2', 'B', 'b', 'X', '_', '_', '1', 'dep', '_', '_']
    """
    out = []
    for line in conllu.split("\n"):
        cols = line.split("\t")
        if len(cols) == 10 and cols[6] == "_" and cols[0].isdigit():
            first = cols[0] == "1"
            cols[3] = "X" if cols[3] == "_" else cols[3]
            cols[6], cols[7] = ("0", "root") if first else ("1", "dep")
        out.append("\t".join(cols))
    return "\n".join(out)


def write_card(work: Path, out: Path, corpora: Path) -> Path:
    scores = out / "scores.json"
    previous = json.loads(scores.read_text()) if scores.exists() else {}
    comp, times = carried_forward(component_scores(work), _timings(work), previous)
    averaged = _averaged(work) or previous.get("average")
    pipe = pipeline_scores(out, work)
    rules = rules_pipeline_scores(out, work)
    scores.write_text(json.dumps({"components": comp, "pipeline": pipe, "pipeline_rule_tokenizer": rules,
                                  "timings": times, "average": averaged}, indent=2) + "\n")
    lines = [
        "# Compact English stanza models: model card",
        "",
        "Trained offline on this project's machines with stanza's own training code "
        "(`python -m quotes.models.build --out data/models`), because stanza's official models "
        f"cannot be downloaded here. The tagger, parser and NER use pretrained word vectors: {VECTORS['name']}, "
        f"from the PyPI package `{VECTORS['package']}`, trimmed to the {VECTORS['top']:,} most frequent words "
        f"plus every training word (`{MODEL_FILES['pretrain']}`), stored as float16 and widened to float32 when "
        "loaded (`quotes.nlp.vectors`; the models train on the float32 vectors). No character language model.",
        "",
        "## Data and licences",
        "",
        "- UD English-EWT (CC BY-SA 4.0): tokenizer, MWT, POS, lemmatizer, dependency parser.",
        "- UNER English-EWT (CC BY-SA 4.0) together with open_ner_en (Broad Twitter Corpus, wikigold, "
        "WNUT17; CC BY 4.0): NER with PER/ORG/LOC. UNER's extra tags B-O, B-OTH, I-OTH map to O.",
        f"- Word vectors: {VECTORS['name']}, trained on Wikipedia 2014 and Gigaword 5 by the Stanford NLP "
        f"group; {VECTORS['licence']}. The trimmed file keeps that licence.",
        "- The trained models are derived from these data and carry their licences: "
        "CC BY-SA 4.0 (all but NER), CC BY-SA 4.0 and CC BY 4.0 (NER).",
        "",
        "## Scores",
        "",
        "Whole pipeline from raw text on UD English-EWT test, scored by stanza's CoNLL 2018 evaluator. "
        "F1 counts tokenization and sentence errors against the tags (a word the tokenizer got wrong is a "
        "wrong tag); aligned accuracy scores only the words the tokenizer got right. Targets are read "
        "against F1, the stricter figure.",
        "",
        "| metric | F1, stanza tokenizer | aligned acc. | F1, rule tokenizer | aligned acc. | target |",
        "|---|---|---|---|---|---|",
    ]
    for k in METRICS:
        if k not in pipe:
            continue
        lines.append(f"| {k} | {pipe[k]} | {pipe.get(k + ' aligned', '')} | {rules.get(k, '')} | "
                     f"{rules.get(k + ' aligned', '')} | {TARGETS.get(k, '')} |")
    lines += ["", f"Speed: {pipe['tokens/s']} tokens/s with stanza's tokenizer, {rules['tokens/s']} tokens/s with "
              "the rule tokenizer (`quotes.nlp.tokenize`, what extraction uses; the raw text's line-wrapped paragraphs "
              "joined first), all processors but NER, one process, one run.", "",
              "Per component, on the test splits (as printed by stanza's own scripts):", ""]
    for k, v in comp.items():
        lines.append(f"- {k}: {v}")
    lines += _sizes_and_settings(out, work, times, averaged)
    shortfalls = _shortfalls(rules, comp)
    lines += ["## Against the targets", ""] + (shortfalls or ["All targets met."]) + [""]
    path = out / "MODEL_CARD.md"
    path.write_text("\n".join(lines))
    print(f"[card] wrote {path}")
    return path



def _sizes_and_settings(out: Path, work: Path, times: dict[str, int], averaged: dict | None) -> list[str]:
    """The card's Sizes and Settings sections, and the training history when one is given."""
    sizes = {p: (out / f).stat().st_size / 1e6 for p, f in MODEL_FILES.items() if (out / f).exists()}
    lines: list[str] = []
    lines += ["", "## Sizes", "", "| processor | file | MB |", "|---|---|---|"]
    for p, f in MODEL_FILES.items():
        if p in sizes:
            lines.append(f"| {p} | {f} | {sizes[p]:.1f} |")
    lines.append(f"| total | | {sum(sizes.values()):.1f} |")
    lines += ["", "## Settings", "", "Every stage runs with `--cpu` and `--no_charlm`; the tagger, parser and NER "
              "with `--wordvec_pretrain_file` pointing at the trimmed vectors. Each trained stage stops when its "
              "dev score stops improving (stanza's own early stops; the first time the tagger stalls it goes back "
              "to its best weights and continues with a fresh optimiser at a lower learning rate, and the parser "
              "lowers its learning rate on plateaus) or at its step ceiling, and keeps its best dev model. Extra "
              "arguments per stage, and wall time on 2 CPU cores where a build run recorded it:", ""]
    for st, a in STAGE_ARGS.items():
        lines.append(stage_line(st, a, times.get(st), averaged if st == "pos" else None))
    lines += ["", "The parser is trained on UPOS/XPOS/features predicted by the trained tagger "
              "(`retag` stage), so it sees at training time the kind of tags it gets at run time.", ""]
    history = work / "history.md"
    if history.exists():  # runs made outside one unattended build, said as they happened
        lines += ["## How the committed files were trained", "", history.read_text(encoding="utf-8").strip(), ""]
    return lines


def stage_line(stage: str, args: tuple[str, ...], seconds: int | None = None, averaged: dict | None = None,
               windows: tuple[int, ...] = AVERAGE_WINDOWS) -> str:
    """The card's settings line of one stage; the pos line also says how its checkpoints are
    averaged, and which candidate a build kept when ``averaged`` (``<work>/average.json``) says.

    >>> stage_line("lemma", ("--num_epoch", "2"), 600)
    '- lemma (10 min): `--num_epoch 2`'
    >>> print(stage_line("pos", ("--save_each",), None, {"kept": 3, "candidates": [
    ...     {"n": 1, "dev_alltags": 93.1}, {"n": 3, "dev_alltags": 93.4}]}, (1, 2, 3, 4)))
    - pos: `--save_each`; then the best dev checkpoint is averaged with up to 3 preceding ones
      (windows of 1, 2, 3, 4 checkpoints) and an average replaces it when it scores better on dev
      (AllTags, stanza's own selection score); this build kept the average of 3 checkpoints
      (dev AllTags 93.4 against 93.1 for the best checkpoint alone)
    """
    took = f" ({seconds / 60:.0f} min)" if seconds is not None else ""
    line = f"- {stage}{took}: `{' '.join(args) or '(defaults)'}`"
    if stage != "pos" or max(windows, default=1) < 2:
        return line
    line += (f"; then the best dev checkpoint is averaged with up to {max(windows) - 1} preceding ones (windows of "
             f"{', '.join(map(str, windows))} checkpoints) and an average replaces it when it scores better on dev "
             "(AllTags, stanza's own selection score)")
    if averaged:
        dev = {c["n"]: c["dev_alltags"] for c in averaged.get("candidates", [])}
        kept, others = averaged.get("kept"), [v for n, v in dev.items() if n != 1]
        line += (f"; this build kept the best checkpoint alone (dev AllTags {dev.get(1)}, best average "
                 f"{max(others, default='none')})" if kept == 1 else
                 f"; this build kept the average of {kept} checkpoints (dev AllTags {dev.get(kept)} against "
                 f"{dev.get(1)} for the best checkpoint alone)")
    return line


def _averaged(work: Path) -> dict | None:
    path = work / "average.json"
    return json.loads(path.read_text()) if path.exists() else None


def _timings(work: Path) -> dict[str, int]:
    path = work / "timings.json"
    return json.loads(path.read_text()) if path.exists() else {}


def _shortfalls(rules: dict, comp: dict) -> list[str]:
    """The targets missed: UPOS and LAS read from raw text with the rule tokenizer (the one
    extraction uses), NER from the component scores.

    >>> (line,) = _shortfalls({"UPOS": 94.25, "UPOS aligned": 94.85, "LAS": 82.87},
    ...                       {"ner (UNER English-EWT test)": "77.67"})
    >>> line[:80]
    '- UPOS 94.25 (F1 from raw text with the rule tokenizer extraction uses) is below'
    """
    out = []
    for k in ("UPOS", "LAS"):
        if rules.get(k, 0) < TARGETS[k]:
            out.append(f"- {k} {rules[k]} (F1 from raw text with the rule tokenizer extraction uses) is below the "
                       f"{TARGETS[k]} target ({rules.get(k + ' aligned')} as aligned accuracy); see the component "
                       "scores above for how much of the gap is tokenization and sentence splitting.")
    m = re.search(r"([\d.]+)", comp.get("ner (UNER English-EWT test)", ""))
    if m and float(m.group(1)) * (100 if float(m.group(1)) <= 1 else 1) < TARGETS["NER F1"]:
        out.append(f"- NER entity F1 {m.group(1)} is below the {TARGETS['NER F1']} target.")
    return out
