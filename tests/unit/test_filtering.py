"""The search shortcuts of `econdash.core.query.filtering.SearchFacts` never change which rows match."""

from __future__ import annotations

import random

import polars as pl
import pytest

from econdash.core.query.filtering import FEW_VALUES, SearchFacts, needs_non_ascii, query_expr

COLUMNS = ["name", "name_en", "kind", "kind_en", "note", "tag"]


def roster(rows: int, seed: int) -> pl.DataFrame:
    """Chinese and English names (many values), kinds (few), notes (mostly null)."""
    rng = random.Random(seed)
    syllables = ["华", "达", "精", "工", "有限", "公司", "科技", "A", "k", "ß"]
    words = ["Hua", "da", "Precise", "TECH", "co", "Ltd", "K"]  # pure ASCII
    kinds = ["绿色工厂", "专精特新", "A类企业", None]
    kinds_en = ["Green factory", "Specialised SME", "Class-A enterprise", "Kelvin K", None]

    def pick(items: list, count: int) -> str:
        return "".join(rng.choice(items) for _ in range(count))

    return pl.DataFrame(
        {
            "name": [pick(syllables, rng.randint(1, 5)) for _ in range(rows)],
            "name_en": [" ".join(rng.choice(words) for _ in range(3)) for _ in range(rows)],
            "kind": [rng.choice(kinds) for _ in range(rows)],
            "kind_en": [rng.choice(kinds_en) for _ in range(rows)],
            "note": [rng.choice(["华达", "note A"]) if rng.random() < 0.05 else None
                     for _ in range(rows)],
            "tag": [rng.choice(["甲", "b"]) for _ in range(rows)],
        },
        schema_overrides={"tag": pl.Categorical},
    )


QUERIES = ["华", "华达", "精工", "h", "hu", "HUA", "a", "A类", "k", "K", "\u212a", "ss", "ß",
           "green", "e", "E", "绿色", "专精特新", "co ltd", "zzz", "甲", "B", "工 "]


@pytest.mark.parametrize("seed", [1, 2])
def test_facts_give_the_rows_of_a_plain_scan(seed: int) -> None:
    frame = roster(3000, seed)
    facts = SearchFacts(frame)
    for query in QUERIES:
        facts.learn(query, COLUMNS)
        plain = frame.filter(query_expr(frame.schema, query, COLUMNS, {}))
        fast = frame.filter(query_expr(frame.schema, query, COLUMNS, {}, facts))
        assert fast.equals(plain), query
        # A view narrowed from the frame uses the frame's facts.
        longer = query + "达"
        narrowed = plain.filter(query_expr(frame.schema, longer, COLUMNS, {}, facts))
        assert narrowed.equals(frame.filter(query_expr(frame.schema, longer, COLUMNS, {}))), longer


def test_facts_are_learnt_once_and_used() -> None:
    frame = roster(2000, 3)
    facts = SearchFacts(frame)
    assert query_expr(frame.schema, "华", COLUMNS, {}, facts).meta.root_names().count(
        "name_en") == 1  # nothing learnt yet: every column is scanned
    facts.learn("华", COLUMNS)
    assert facts.values("kind") is not None and facts.values("kind").len() == 3
    assert facts.values("name") is None  # many values
    assert facts.ascii_only("name_en") and facts.ascii_only("kind_en")
    assert not facts.ascii_only("name")
    # Chinese text can't be in pure ASCII columns; no kind_en value contains it either.
    roots = query_expr(frame.schema, "华", COLUMNS, {}, facts).meta.root_names()
    assert "name_en" not in roots and "kind_en" not in roots and "name" in roots
    # No kind contains "xyz": the kind columns drop out of the search.
    roots = query_expr(frame.schema, "xyz", COLUMNS, {}, facts).meta.root_names()
    assert "kind" not in roots and "kind_en" not in roots


def test_many_distinct_values_are_not_listed() -> None:
    frame = pl.DataFrame({"code": [f"c{i % (FEW_VALUES + 10)}" for i in range(50_000)]})
    facts = SearchFacts(frame)
    facts.learn("c1", ["code"])
    assert facts.values("code") is None
    few = pl.DataFrame({"code": [f"c{i % FEW_VALUES}" for i in range(50_000)]})
    facts = SearchFacts(few)
    facts.learn("c1", ["code"])
    assert facts.values("code") is not None and facts.values("code").len() == FEW_VALUES


def test_needs_non_ascii() -> None:
    assert needs_non_ascii("华达") and needs_non_ascii("a华")
    assert not needs_non_ascii("huada") and not needs_non_ascii("")
    # Unicode case folding pairs these with ASCII letters (K, s, I): they may match ASCII.
    assert not needs_non_ascii("\u212a") and not needs_non_ascii("\u017f")
    assert not needs_non_ascii("\u0131")
    assert needs_non_ascii("Ä") and needs_non_ascii("é")
