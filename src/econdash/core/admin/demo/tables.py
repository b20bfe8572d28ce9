"""The demo dataset's CSV tables: the enterprise honour roster and the projects.

Built with whole-column polars operations (hashes of a row index picking from the
word lists in `names`), so a million rows take a few seconds. Same seed, same rows
(within one polars version: the draws come from `Series.hash(seed)`).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from econdash.core.admin.demo import names as words
from econdash.core.admin.demo.reports import END_YEAR

HONOURS_PER_FIRM = 1.6
"""Roster rows per enterprise: each firm holds one or two honours."""
NAME_MULTIPLIER = 2_654_435_761
"""A prime (Knuth's): firm number × it modulo the name space is a bijection that scatters
neighbouring numbers over every word list, so names are unique and look random (up to
the 2,304,000 names the word lists make, i.e. rosters of about 3.6M rows; beyond, names
repeat)."""


def _hash(keys: pl.Series, seed: int, stream: int) -> pl.Series:
    """Seeded pseudo-random UInt64 per key; `stream` makes independent draws."""
    return keys.hash(seed * 1000 + stream)


def _pick(values: Sequence[object], index: pl.Series) -> pl.Series:
    return pl.Series(values).gather(index)


def _weighted_table(weights: Sequence[int]) -> pl.Series:
    """Indices repeated by weight: table[hash % len] is a weighted draw."""
    return pl.Series([i for i, w in enumerate(weights) for _ in range(w)], dtype=pl.UInt32)


def _unit(hashes: pl.Series) -> pl.Series:
    """Uniform floats in [0, 1) from hashes."""
    return (hashes // 2**11).cast(pl.Float64) / float(2**53)


def _name_digits(ids: pl.Series, seed: int, radices: Sequence[int]) -> list[pl.Series]:
    """Mixed-radix digits of a seeded bijection of `ids` (unique while ids < the product)."""
    space = math.prod(radices)
    offset = random.Random(seed).randrange(space)
    code = (ids.cast(pl.Int64) % space * NAME_MULTIPLIER + offset) % space
    digits = []
    for radix in radices:
        digits.append((code % radix).cast(pl.UInt32))
        code = code // radix
    return digits


def firm_names(ids: pl.Series, seed: int) -> tuple[pl.Series, pl.Series, pl.Series]:
    """(Chinese name, English name, industry) of each firm id, e.g. 宁波华达精工机械有限公司."""
    lists = (words.NAME_PREFIXES, words.CORE_FIRST, words.CORE_SECOND, words.MIDDLE_WORDS,
             words.INDUSTRY_WORDS)
    prefix, first, second, middle, industry = _name_digits(ids, seed, [len(x) for x in lists])
    joint_stock = (_hash(ids, seed, 1) % 10 == 0).cast(pl.UInt32)

    def part(values: list, digit: pl.Series, column: int) -> pl.Series:
        return _pick([v[column] for v in values], digit)

    zh = pl.DataFrame([part(words.NAME_PREFIXES, prefix, 0), part(words.CORE_FIRST, first, 0),
                       part(words.CORE_SECOND, second, 0), part(words.MIDDLE_WORDS, middle, 0),
                       part(words.INDUSTRY_WORDS, industry, 0),
                       part(words.LEGAL_SUFFIXES, joint_stock, 0)]
                      ).select(pl.concat_str(pl.all()).alias("zh")).to_series()
    en = pl.DataFrame({
        "prefix": part(words.NAME_PREFIXES, prefix, 1), "first": part(words.CORE_FIRST, first, 1),
        "second": part(words.CORE_SECOND, second, 1), "middle": part(words.MIDDLE_WORDS, middle, 1),
        "industry": part(words.INDUSTRY_WORDS, industry, 1),
        "suffix": part(words.LEGAL_SUFFIXES, joint_stock, 1),
    }).select(pl.concat_str([pl.col("prefix"), pl.lit(" "), pl.col("first"), pl.col("second"),
                             pl.col("middle"), pl.lit(" "), pl.col("industry"), pl.lit(" "),
                             pl.col("suffix")]).alias("en")).to_series()
    return zh, en, part(words.INDUSTRY_WORDS, industry, 2)


@dataclass(frozen=True)
class Roster:
    """The enterprises.csv table, its number of firms and the firms named per rung."""

    frame: pl.DataFrame
    firms: int
    tiers: list[tuple[words.Rung, int]]


def enterprise_roster(rows: int, seed: int) -> Roster:
    """The honour roster: `rows` rows, one or two honours per firm, listed by programme.

    Everything is decided on integer columns (sorted while still integers) and
    the text is gathered from the word lists last, which keeps 1M rows fast.
    """
    firms = max(1, math.ceil(rows / HONOURS_PER_FIRM))
    row = pl.int_range(rows, dtype=pl.Int64, eager=True)
    rungs = words.RUNGS
    table = _weighted_table([r.weight for r in rungs])
    plan = pl.DataFrame({
        "firm": row * firms // rows,  # consecutive rows belong to one firm
        "rung": table.gather(_hash(row, seed, 5) % table.len()),
        "year_draw": _hash(row, seed, 6),
        "note_draw": _hash(row, seed, 7),
        "order": _hash(row, seed, 8),
    }).with_columns(second=pl.col("firm") == pl.col("firm").shift(1))
    # A firm's second honour is on another rung than its first: redraw from the
    # table without the first rung's block of entries (same weights otherwise).
    weights = [r.weight for r in rungs]
    starts = [sum(weights[:i]) for i in range(len(rungs))]
    block_start = pl.col("rung").replace_strict(dict(enumerate(starts)), return_dtype=pl.UInt64)
    block = pl.col("rung").replace_strict(dict(enumerate(weights)), return_dtype=pl.UInt64)
    other = pl.col("redraw") % (table.len() - block)
    plan = plan.with_columns(redraw=_hash(row, seed, 9)).with_columns(
        pl.when(pl.col("second") & (pl.col("rung") == pl.col("rung").shift(1)))
        .then(pl.lit(table).gather(other + pl.when(other >= block_start).then(block).otherwise(0)))
        .otherwise(pl.col("rung")).alias("rung"))
    since = pl.col("rung").replace_strict(
        {i: r.since for i, r in enumerate(rungs)}, return_dtype=pl.Int64)
    plan = plan.with_columns(
        year=pl.lit(END_YEAR) - (pl.col("year_draw") % (END_YEAR - since + 1)).cast(pl.Int64),
    ).with_columns(
        batch=(pl.col("year") - since).clip(0, len(words.BATCH_NUMERALS) - 1).cast(pl.UInt32),
        note=pl.when(pl.col("note_draw") % 50 == 0)
        .then(pl.col("note_draw") // 64 % len(words.ENTERPRISE_NOTES))
        .otherwise(len(words.ENTERPRISE_NOTES)).cast(pl.UInt32),  # the last entry: no note
    )
    # Listed by rung, then newest year first, then at random: one packed integer key
    # (5 bits rung, 6 bits years back, 53 random bits) sorts fastest.
    assert len(rungs) <= 31 and END_YEAR - min(r.since for r in rungs) < 64
    plan = plan.sort((pl.col("rung").cast(pl.UInt64) * 2**59)
                     + ((END_YEAR - pl.col("year")).cast(pl.UInt64) * 2**53)
                     + pl.col("order") // 2**11, maintain_order=True)
    named = plan.group_by("rung").agg(pl.col("firm").n_unique()).sort("rung")
    tiers = [(rungs[rung], count) for rung, count in named.iter_rows()]

    ids = pl.int_range(firms, dtype=pl.Int64, eager=True)
    name_zh, name_en, industry = firm_names(ids, seed)
    town = (_hash(ids, seed, 2) % len(words.TOWNS)).cast(pl.UInt32)
    in_park = _hash(ids, seed, 4) % 10 < 4
    park_slot = town * 2 + (_hash(ids, seed, 3) % 2).cast(pl.UInt32)
    park = pl.Series(words.PARKS + [None], dtype=pl.String).gather(  # last entry: no park
        pl.select(pl.when(in_park).then(park_slot).otherwise(len(words.PARKS))).to_series())
    firm, rung = plan["firm"].cast(pl.UInt32), plan["rung"]
    frame = pl.DataFrame({
        "enterprise": name_zh.gather(firm),
        "enterprise_en": name_en.gather(firm),
        "programme": _pick([r.programme for r in rungs], rung),
        "programme_en": _pick([r.programme_en for r in rungs], rung),
        "level": _pick([r.level for r in rungs], rung),
        "status": _pick([r.status for r in rungs], rung),
        "year": plan["year"],
        "batch": _pick([f"第{n}批" for n in words.BATCH_NUMERALS], plan["batch"]),
        "industry": industry.gather(firm),
        "town": _pick(words.TOWNS, town).gather(firm),
        "park": park.gather(firm),
        "note": pl.Series(words.ENTERPRISE_NOTES + [None], dtype=pl.String).gather(plan["note"]),
    })
    return Roster(frame, firms, tiers)


def project_frame(rows: int, seed: int) -> pl.DataFrame:
    """Projects and parks of the newest period: investment, status and rating."""
    row = pl.int_range(rows, dtype=pl.Int64, eager=True)
    core_first = (_hash(row, seed, 9) % len(words.CORE_FIRST)).cast(pl.UInt32)
    core_second = (_hash(row, seed, 10) % len(words.CORE_SECOND)).cast(pl.UInt32)
    core = pl.DataFrame([_pick([c for c, _ in words.CORE_FIRST], core_first),
                         _pick([c for c, _ in words.CORE_SECOND], core_second)]
                        ).select(pl.concat_str(pl.all())).to_series()
    core_en = pl.DataFrame([_pick([p for _, p in words.CORE_FIRST], core_first),
                            _pick([p for _, p in words.CORE_SECOND], core_second)]
                           ).select(pl.concat_str(pl.all())).to_series()
    categories = _weighted_table([w for _, w in words.PROJECT_CATEGORIES])
    category = categories.gather(_hash(row, seed, 11) % categories.len())
    statuses = _weighted_table([w for _, w in words.PROJECT_STATUSES])
    status = statuses.gather(_hash(row, seed, 12) % statuses.len())
    product = (_hash(row, seed, 13) % len(words.PRODUCTS)).cast(pl.UInt32)
    kind = (_hash(row, seed, 14) % len(words.PROJECT_KINDS)).cast(pl.UInt32)
    park_kind = (_hash(row, seed, 15) % len(words.PARK_KINDS)).cast(pl.UInt32)
    amount = (_hash(row, seed, 16) % 50 + 1).cast(pl.String)
    size = _unit(_hash(row, seed, 17))
    progress = _unit(_hash(row, seed, 18))
    rating = (_hash(row, seed, 19) % 6).cast(pl.UInt32)
    frame = pl.DataFrame({
        "core": core, "core_en": core_en, "category": category, "status": status,
        "product": _pick([p for p, _, _ in words.PRODUCTS], product),
        "product_unit": _pick([u for _, u, _ in words.PRODUCTS], product),
        "product_en": _pick([e for _, _, e in words.PRODUCTS], product),
        "kind": _pick([k for k, _ in words.PROJECT_KINDS], kind),
        "kind_en": _pick([e for _, e in words.PROJECT_KINDS], kind),
        "park_kind": _pick([k for k, _ in words.PARK_KINDS], park_kind),
        "park_kind_en": _pick([e for _, e in words.PARK_KINDS], park_kind),
        "amount": amount, "size": size, "progress": progress, "rating_index": rating,
        "town": _pick(words.TOWNS, (_hash(row, seed, 20) % len(words.TOWNS)).cast(pl.UInt32)),
        "start_year": END_YEAR - (_hash(row, seed, 21) % 5).cast(pl.Int64),
    })
    is_park = pl.col("category") == len(words.PROJECT_CATEGORIES) - 1
    planned = (0.3 * (200.0 ** pl.col("size"))).round(2)  # 0.3 to 60 亿元, mostly small
    done = pl.col("status").replace_strict(
        {0: 0.0, 1: 0.05, 2: 0.3, 3: 1.0}, return_dtype=pl.Float64)
    spread = pl.col("status").replace_strict({0: 0.0, 1: 0.25, 2: 0.6, 3: 0.0},
                                             return_dtype=pl.Float64)
    return frame.select(
        pl.when(is_park).then(pl.concat_str("core", "park_kind"))
        .otherwise(pl.concat_str("core", pl.lit("年产"), "amount", pl.lit("万"), "product_unit",
                                 "product", "kind")).alias("name"),
        pl.when(is_park).then(pl.concat_str("core_en", pl.lit(" "), "park_kind_en"))
        .otherwise(pl.concat_str("core_en", pl.lit(" "), "product_en", pl.lit(" "), "kind_en",
                                 pl.lit(" project"))).alias("name_en"),
        pl.col("category").replace_strict(
            dict(enumerate(c for c, _ in words.PROJECT_CATEGORIES)), return_dtype=pl.String),
        "town",
        pl.col("status").replace_strict(
            dict(enumerate(s for s, _ in words.PROJECT_STATUSES)), return_dtype=pl.String),
        planned.alias("planned_invest"),
        (planned * (done + spread * pl.col("progress"))).round(2).alias("completed_invest"),
        pl.lit("亿元").alias("invest_unit"),
        pl.when(is_park & (pl.col("rating_index") < 3))
        .then(pl.col("rating_index").replace_strict(dict(enumerate(words.PARK_RATINGS)),
                                                    default=None, return_dtype=pl.String))
        .when(~is_park & (pl.col("rating_index") < 3))
        .then(pl.col("rating_index").replace_strict(dict(enumerate(words.PROJECT_RATINGS)),
                                                    default=None, return_dtype=pl.String))
        .alias("rating"),
        "start_year",
    )

