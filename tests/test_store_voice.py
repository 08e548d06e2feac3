"""Own-voice statements kept in the store and read back by `quotes check --db` (model-free)."""

from __future__ import annotations

import pytest

from fake_extract import fake_extract
from quotes.claims.corpus import Corpus
from quotes.store import check as store_check
from quotes.store.check import check_store
from quotes.store.sqlite import Store
from quotes.store.voice import fingerprint, stored_own_voice
from quotes.types import Article

ARTICLES = [
    Article("a1", "The bridge over the river in Ankara was closed on Monday. Ann Lee said the bridge "
                  "in Ankara was closed.", publisher="Daily"),
    Article("a2", "The story of the closed bridge in Ankara was a hoax. Cy Dunn said that the bridge "
                  "in Ankara was closed.", publisher="Herald"),
    Article("a3", "Parliament passed the budget on Tuesday after a long debate.", publisher="Post"),
]
CLAIMS = ["the bridge in Ankara was closed", "parliament passed the budget", "the river bridge hoax"]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "q.db"
    with Store(path) as st:
        st.write([(a, fake_extract(a)) for a in ARTICLES], extractor="fake")
        st.refresh()
    return path


def test_refresh_keeps_each_articles_own_voice(db):
    mem = Corpus([(a, fake_extract(a)) for a in ARTICLES])
    with Store(db) as st:
        stored = stored_own_voice(st.conn, [a.id for a in ARTICLES])
    assert stored is not None
    assert {d: list(v) for d, v in stored.items()} == {
        a.id: list(mem.own_voice_statements(a.id)) for a in ARTICLES}
    assert sum(len(v) for v in stored.values()) >= 3


@pytest.mark.parametrize("claim", CLAIMS)
def test_check_reads_the_same_as_it_finds(db, claim, monkeypatch):
    kept = check_store(db, claim).to_dict()
    monkeypatch.setattr(store_check, "stored_own_voice", lambda conn, docs: None)
    assert check_store(db, claim).to_dict() == kept


def test_other_code_or_word_lists_find_them_afresh(db, tmp_path, monkeypatch):
    with Store(db) as st:
        st.conn.execute("UPDATE meta SET value = 'older code' WHERE key = 'own_voice_code'")
        assert stored_own_voice(st.conn, ["a1"]) is None
    extra = tmp_path / "lexicons"
    extra.mkdir()
    (extra / "claim_stopwords.txt").write_text("bridge\n")
    before = fingerprint()
    monkeypatch.setenv("QUOTES_LEXICONS", str(extra))
    assert fingerprint() != before


def test_a_stale_store_finds_them_afresh(db):
    with Store(db) as st:
        st.write([(Article("a1", "Nothing was said here at all today."), [])], extractor="fake")
        assert st.stale and stored_own_voice(st.conn, ["a1"]) is None
