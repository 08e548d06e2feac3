"""The SQLite store: schema, idempotent writes, derived tables, queries (model-free)."""

from __future__ import annotations

import sqlite3

import pytest

from fake_extract import fake_extract
from quotes.claims.corpus import Corpus
from quotes.errors import StoreError
from quotes.store.sqlite import DERIVED, TABLES, Store, article_hash, load_corpus
from quotes.types import Article

ARTICLES = [
    Article("a1", 'Ann Lee said the bridge in Ankara was closed. "We are ready," Bo Chen said.',
            publisher="Daily"),
    Article("a2", "Cy Dunn said that the bridge in Ankara was closed.", publisher="Herald"),
    Article("a3", "Nothing was said here.", publisher="Daily", date="2024-01-02", title="Quiet"),
]


def pairs(arts=ARTICLES):
    return [(a, fake_extract(a)) for a in arts]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "q.db") as st:
        yield st


def test_new_store_has_every_table(store):
    assert set(store.counts()) == set(TABLES)
    assert store.counts()["articles"] == 0 and not store.stale


def test_write_refresh_and_round_trip(store):
    assert store.write(pairs(), extractor="fake") == 3
    assert store.stale
    assert store.refresh() and not store.stale
    assert store.refresh() is False  # nothing changed since
    c = store.counts()
    assert (c["articles"], c["attributions"]) == (3, 3)
    assert c["claims"] == 2 and c["claim_statements"] == 3 and c["sources"] >= 5 and c["edges"] > 0
    assert list(store.articles()) == ARTICLES
    assert store.attributions() == [a for _, atts in pairs() for a in atts]
    assert store.lookup("a1") == (article_hash(ARTICLES[0]), "fake")


def test_stored_corpus_answers_like_the_in_memory_one(store):
    store.write(pairs(), extractor="fake")
    store.refresh()
    mem, stored = Corpus(pairs()), store.corpus()
    assert [c.to_dict() for c in stored.claims()] == [c.to_dict() for c in mem.claims()]
    assert stored.trace("bridge Ankara closed").paths() == mem.trace("bridge Ankara closed").paths()
    assert stored.said_by("Ann Lee").to_records() == mem.said_by("Ann Lee").to_records()
    assert stored.claims().to_frame().equals(mem.claims().to_frame())
    assert sorted(stored.graph.edges(keys=True)) == sorted(mem.graph.edges(keys=True))
    # the persisted claims and edges agree with the rebuilt ones
    rows = store.conn.execute("SELECT id, text, statements FROM claims ORDER BY rank").fetchall()
    assert rows == [(c.id, c.text, len(c.statements)) for c in mem.claims()]
    flags = store.conn.execute("SELECT claim, flag FROM claim_flags").fetchall()
    assert sorted(flags) == sorted((c.id, f) for c in mem.claims() for f in c.flag_names)
    assert store.counts()["edges"] == mem.graph.number_of_edges()
    assert len(load_corpus(store.path)) == 3


def test_rewrite_replaces_old_attributions(store):
    store.write(pairs(), extractor="fake")
    changed = Article("a1", "Ann Lee said the bridge was open.", publisher="Daily")
    store.write([(changed, fake_extract(changed))], extractor="fake")
    store.refresh()
    atts = store.attributions("a1")
    assert [a.content for a in atts] == ["the bridge was open"]
    assert store.counts()["attributions"] == 2
    assert not store.conn.execute("SELECT * FROM claim_statements WHERE doc='a1' AND n > 0").fetchall()


def test_same_write_twice_changes_nothing(store):
    store.write(pairs(), extractor="fake")
    store.refresh()
    before = store.snapshot()
    store.write(pairs(), extractor="fake")
    store.refresh()
    assert store.snapshot() == before


def test_failed_write_leaves_nothing_half_written(store):
    store.write(pairs(ARTICLES[:1]), extractor="fake")
    store.refresh()
    before = store.snapshot()

    def items():
        yield ARTICLES[1], fake_extract(ARTICLES[1])
        raise RuntimeError("crash in the middle of a batch")

    with pytest.raises(RuntimeError):
        store.write(items(), extractor="fake")
    assert store.snapshot() == before


def test_derived_tables_are_rebuilt_not_appended(store):
    store.write(pairs(), extractor="fake")
    store.refresh()
    first = {t: store.snapshot()[t] for t in DERIVED}
    store.refresh(force=True)
    assert {t: store.snapshot()[t] for t in DERIVED} == first


def test_bad_files_raise_store_error(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a quotes store"):
        Store(junk)
    with pytest.raises(StoreError, match="no store at"):
        Store(tmp_path / "missing.db", create=False)
    old = tmp_path / "old.db"
    Store(old).close()
    con = sqlite3.connect(old)
    con.execute("UPDATE meta SET value='0' WHERE key='schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="schema version 0"):
        Store(old)
