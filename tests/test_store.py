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
    rows = store.conn.execute("SELECT id, text, statements, label FROM claims ORDER BY rank").fetchall()
    assert rows == [(c.id, c.text, len(c.statements), c.label) for c in mem.claims()]
    assert all(label for *_, label in rows)
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


# --- full-text search, views and JSON columns (for SQL, pandas and Datasette users) ---------

DATED = [
    Article("d1", "Ann Lee said the bridge in Ankara was closed.", publisher="Daily",
            date="2024-02-09", title="Bridge shut", url="https://daily.example/d1"),
    Article("d2", "Cy Dunn said that the bridge in Ankara was closed.", publisher="Herald",
            date="2024-01-30", title="Ankara news", url="https://herald.example/d2"),
    Article("d3", 'Résumé: "We are ready," Ann Lee said.', publisher="Daily", date="2024-03-01"),
]


@pytest.fixture
def dated(tmp_path):
    with Store(tmp_path / "q.db") as st:
        st.write([(a, fake_extract(a)) for a in DATED], extractor="fake")
        st.refresh()
        yield st


@pytest.mark.parametrize("text,where,want", [
    ("bridge closed", ("statements",), {("statement", "d1"), ("statement", "d2")}),
    ("BRIDGE", ("articles",), {("article", "d1"), ("article", "d2")}),
    ("resume", ("articles",), {("article", "d3")}),          # accents ignored
    ("ready", ("statements", "articles"), {("statement", "d3"), ("article", "d3")}),
    ("Ankara Paris", ("statements", "articles"), set()),      # every word must occur
    ("it's \"bridge\" (closed) OR", ("statements",), set()),  # FTS syntax is taken as words
])
def test_search(dated, text, where, want):
    hits = dated.search(text, where=where)
    assert {(r["match"], r["doc"]) for r in hits} == want
    for r in hits:
        assert "[" in r["snippet"] and r["publisher"] in ("Daily", "Herald")


def test_search_rows_carry_claim_and_metadata(dated):
    hit = next(r for r in dated.search("bridge", where=("statements",)) if r["doc"] == "d2")
    assert hit["speaker"] == "Cy Dunn" and hit["claim"] and hit["date"] == "2024-01-30"
    assert hit["url"] == "https://herald.example/d2"
    with pytest.raises(quotes_errors().InputError):
        dated.search("  ...  ")


def quotes_errors():
    import quotes.errors
    return quotes.errors


def test_said_by_in_sql_matches_the_graph(dated):
    sql = dated.said_by("ann lee")
    graph = dated.corpus().said_by("Ann Lee")
    assert sql.rows == graph.rows
    assert {r["doc"] for r in sql} == {"d1", "d3"} and all(r["publisher"] == "Daily" for r in sql)
    with pytest.raises(quotes_errors().NotFoundError):
        dated.said_by("Nobody Here")


def test_views_join_claims_statements_and_articles(dated):
    rows = dated.conn.execute(
        "SELECT speaker, claim_text, publisher, date FROM statement_details ORDER BY doc").fetchall()
    assert rows[0] == ("Ann Lee", "the bridge in Ankara was closed", "Daily", "2024-02-09")
    claim = dated.conn.execute(
        "SELECT text, statements, sources, articles, publishers, first_seen, last_seen "
        "FROM claim_details ORDER BY rank").fetchone()
    assert claim == ("the bridge in Ankara was closed", 2, 2, 2, '["Herald", "Daily"]',
                     "2024-01-30", "2024-02-09")
    srcs = dated.conn.execute("SELECT speaker, stance, publisher FROM claim_sources "
                              "WHERE claim_text LIKE '%bridge%' ORDER BY date").fetchall()
    assert srcs == [("Cy Dunn", "asserts", "Herald"), ("Ann Lee", "asserts", "Daily")]


def test_json_columns_are_json(dated):
    import json
    for (chain,) in dated.conn.execute("SELECT chain FROM attributions"):
        assert isinstance(json.loads(chain), list)
    for flags, pubs in dated.conn.execute("SELECT flags, publishers FROM claims"):
        assert isinstance(json.loads(flags), list) and isinstance(json.loads(pubs), list)
    # SQLite's JSON functions read them
    n = dated.conn.execute("SELECT COUNT(*) FROM claims, json_each(claims.flags) "
                           "WHERE json_each.value = 'single_source'").fetchone()[0]
    assert n >= 1


def test_stale_store_refuses_to_search(dated):
    dated.write([(DATED[0], [])], extractor="fake")
    with pytest.raises(StoreError, match="lags behind"):
        dated.search("bridge")


def test_schema_2_store_is_upgraded(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as st:
        st.write([(a, fake_extract(a)) for a in DATED], extractor="fake")
        st.refresh()
        # make it look like a store written by the previous release
        st.conn.executescript("""
            DROP VIEW statement_details; DROP VIEW claim_details; DROP VIEW claim_sources;
            DROP TABLE statements_fts; DROP TABLE articles_fts;
            UPDATE attributions SET chain = '';
            CREATE TABLE c1 AS SELECT id, rank, text, statements, flags FROM claims;
            DROP TABLE claims; ALTER TABLE c1 RENAME TO claims;
            UPDATE meta SET value = '2' WHERE key = 'schema_version';""")
    with Store(path) as st:
        meta = dict(st.snapshot()["meta"])
        assert (meta["schema_version"], meta["stale"]) == ("4", "0") and meta["own_voice_code"]
        assert [r["doc"] for r in st.search("ready", where=("statements",))] == ["d3"]
        assert st.conn.execute("SELECT COUNT(*) FROM claim_details").fetchone()[0] == 2


def test_schema_3_store_gets_claim_labels(tmp_path):
    from quotes.claims.group import label_of
    path = tmp_path / "v3.db"
    with Store(path) as st:
        st.write([(a, fake_extract(a)) for a in DATED], extractor="fake")
        st.refresh()
        want = st.conn.execute("SELECT id, label FROM claims ORDER BY rank").fetchall()
        # make it look like a store written by release 3 (no label column, views without it)
        st.conn.executescript("""
            DROP VIEW statement_details; DROP VIEW claim_details; DROP VIEW claim_sources;
            ALTER TABLE claims DROP COLUMN label;
            UPDATE meta SET value = '3' WHERE key = 'schema_version';""")
    with pytest.raises(StoreError, match="version 3.*bring it to version 4"):
        Store(path, readonly=True)
    with Store(path) as st:  # opened for writing: migrated in place, no refresh needed
        meta = dict(st.snapshot()["meta"])
        assert (meta["schema_version"], meta["stale"]) == ("4", "0")
        assert st.conn.execute("SELECT id, label FROM claims ORDER BY rank").fetchall() == want
        texts = st.conn.execute("SELECT text, label FROM claims").fetchall()
        assert all(label == label_of(text) for text, label in texts)
        details = st.conn.execute("SELECT id, label FROM claim_details ORDER BY rank").fetchall()
        assert details == want
        assert {r[0] for r in st.conn.execute("SELECT claim_label FROM claim_sources")} == {w[1] for w in want}


def test_cli_search_and_said_by_on_a_store(dated, capsys):
    import json
    from quotes.cli import main
    db = dated.path
    assert main(["search", "bridge Ankara", "--db", db, "--format", "jsonl"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(h["match"], h["doc"]) for h in hits} == {("statement", "d1"), ("statement", "d2"),
                                                      ("article", "d1"), ("article", "d2")}
    assert main(["search", "bridge", "--db", db, "--in", "articles", "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("match,doc,id") and len(out) == 3
    assert main(["search", "nowhere", "--db", db]) == 1  # nothing found
    assert main(["said-by", "Ann Lee", "--db", db, "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "the bridge in Ankara was closed" in out and "We are ready" in out and "d3" in out
    assert main(["said-by", "Nobody", "--db", db]) == 5
    assert "no source named 'Nobody'" in capsys.readouterr().err
    assert main(["search", "x", "--db", str(tmp_missing(db))]) == 4


def tmp_missing(db):
    import pathlib
    return pathlib.Path(db).with_name("missing.db")


def test_the_readme_sql_query_runs(dated):
    import re
    from pathlib import Path
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    sql = re.search(r"```sql\n(.*?)```", readme, re.S).group(1)
    dated.conn.execute("UPDATE claims SET flags = '[\"unconfirmed\"]' WHERE rank = 0")
    rows = dated.conn.execute(sql).fetchall()
    assert [r[1] for r in rows] == ["Cy Dunn", "Ann Lee"]  # earliest first
    assert rows[0][0] == "the bridge in Ankara was closed" and rows[0][4:] == ("Herald", "2024-01-30")
