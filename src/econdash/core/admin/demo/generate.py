"""`econdash demo-data`: a synthetic, clearly labelled dataset at any scale.

Monthly cumulative periods (1-1月, 1-2月 … 全年, rolling over years) ending in
December of `END_YEAR`, each with the same indicators and the tier counts of
its enterprise roster; the newest period also holds projects.csv and
enterprises.csv. Same seed, same bytes (within one polars version: the rows
come from `Series.hash(seed)`).

The CSV tables are built with whole-column polars operations (hashes of a row
index picking from word lists), so a million rows take a few seconds; only the
small report.toml files are written in Python loops.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import os
import random
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import polars as pl

from econdash.core.admin.demo import names as words
from econdash.core.errors import EcondashError
from econdash.core.fs import TEMP_PREFIX, atomic_write_bytes, atomic_write_text

END_YEAR = 2025
"""The newest demo period ends in December of this year (fixed, so output is repeatable)."""
HONOURS_PER_FIRM = 1.6
"""Roster rows per enterprise: each firm holds one or two honours."""
SEASON = [0.62, 0.70, 0.95, 0.98, 1.00, 1.03, 1.00, 0.97, 1.02, 1.04, 1.10, 1.22]
"""Monthly shape of a flow (low around the Spring Festival, high in December)."""
NAME_MULTIPLIER = 2_654_435_761
"""A prime (Knuth's): firm number × it modulo the name space is a bijection that scatters
neighbouring numbers over every word list, so names are unique and look random (up to
the 2,304,000 names the word lists make, i.e. rosters of about 3.6M rows; beyond, names
repeat)."""
MAX_PERIODS = 1200
LIMITS = {"enterprises": 50_000_000, "projects": 10_000_000, "indicators": 9_999}


def write_demo_dataset(out: Path, *, enterprises: int = 10_000, projects: int = 500,
                       periods: int = 12, indicators: int = 40, seed: int = 0) -> list[str]:
    """Write a synthetic dataset into `out` (new or empty); returns lines to print.

    `enterprises` is the number of roster rows (honours) in the newest period,
    `projects` its number of projects. Raises EcondashError for a bad argument
    or a folder that is not empty; a run that fails leaves nothing behind.
    """
    _check_arguments(enterprises, projects, periods, indicators, seed)
    out = Path(out).expanduser()
    _check_target(out)
    spans = period_spans(periods)
    roster = enterprise_roster(enterprises, seed) if enterprises else None
    project_table = project_frame(projects, seed) if projects else None
    latest_tiers = roster.tiers if roster is not None else []
    series = indicator_series(indicator_specs(indicators), spans, seed)

    temp = out.parent / f"{TEMP_PREFIX}{out.name}-{uuid.uuid4().hex[:8]}"
    try:
        atomic_write_text(temp / "dataset.toml", dataset_toml(seed))
        for index, (year, month) in enumerate(spans):
            folder = temp / folder_name(year, month)
            growth = 0.75 + 0.25 * index / (len(spans) - 1) if len(spans) > 1 else 1.0
            tiers = [(rung, round(count * growth)) for rung, count in latest_tiers]
            atomic_write_text(folder / "report.toml",
                              report_toml(year, month, [s[index] for s in series], tiers))
        newest = temp / folder_name(*spans[-1])
        if project_table is not None:
            _write_csv(newest / "projects.csv", project_table)
        if roster is not None:
            _write_csv(newest / "enterprises.csv", roster.frame)
        if out.exists():
            out.rmdir()  # checked empty above
        os.rename(temp, out)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return _summary(out, spans, indicators, roster, projects, seed)


# ---- arguments and target --------------------------------------------------------


def _check_arguments(enterprises: int, projects: int, periods: int, indicators: int,
                     seed: int) -> None:
    for name, value, low, high in (
            ("enterprises", enterprises, 0, LIMITS["enterprises"]),
            ("projects", projects, 0, LIMITS["projects"]),
            ("periods", periods, 1, MAX_PERIODS),
            ("indicators", indicators, 1, LIMITS["indicators"]),
            ("seed", seed, 0, 2**32 - 1)):
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise EcondashError(f"{name} must be a whole number from {low:,} to {high:,}, "
                                f"not {value!r}")


def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise EcondashError(f"{out} is a file; give a new or empty folder for the demo data")
    if out.is_dir() and any(out.iterdir()):
        raise EcondashError(f"{out} is not empty; demo data is written only into a new or "
                            "empty folder, so nothing of yours is overwritten")


# ---- periods and indicators --------------------------------------------------------


def period_spans(periods: int) -> list[tuple[int, int]]:
    """(year, last month) of each cumulative period, oldest first, ending Dec END_YEAR."""
    last = END_YEAR * 12 + 11
    return [(month // 12, month % 12 + 1) for month in range(last - periods + 1, last + 1)]


def folder_name(year: int, month: int) -> str:
    """2025-M01 for January alone, 2025-M01-M05 for January to May."""
    return f"{year}-M01" if month == 1 else f"{year}-M01-M{month:02d}"


def indicator_specs(count: int) -> list[tuple[str, words.IndicatorSpec]]:
    """(id, spec) of `count` indicators: the list, then per-town figures."""
    width = max(3, len(str(count)))
    specs = list(words.INDICATORS)
    extra = count - len(specs)
    for index in range(max(extra, 0)):
        name, name_en, unit, kind, base = words.TOWN_TEMPLATES[index % len(words.TOWN_TEMPLATES)]
        town = (index // len(words.TOWN_TEMPLATES)) % len(words.TOWNS)
        group = index // (len(words.TOWN_TEMPLATES) * len(words.TOWNS))
        suffix, suffix_en = (f"（第{group + 1}组）", f" (set {group + 1})") if group else ("", "")
        scale = 0.5 + (town % 5) * 0.25
        specs.append(words.IndicatorSpec(
            f"{words.TOWNS[town]}{name}{suffix}",
            f"{words.TOWNS_EN[town]}: {name_en}{suffix_en}", "乡镇街道", unit, kind,
            round(base * scale, 1)))
    return [(f"ind_{i + 1:0{width}d}", spec) for i, spec in enumerate(specs[:count])]


@dataclass(frozen=True)
class Figure:
    """One indicator's entry in one period's report."""

    id: str
    spec: words.IndicatorSpec
    value: float | None
    yoy_pct: float | None
    rank: int | None
    target: float | None
    headline: bool


def indicator_series(specs: list[tuple[str, words.IndicatorSpec]], spans: list[tuple[int, int]],
                     seed: int) -> list[list[Figure]]:
    """Per indicator, its figure in each period (plausible, seeded, growing)."""
    first_year = spans[0][0]
    years = END_YEAR - first_year + 2  # one more year before the first, for growth rates
    result = []
    for position, (ind_id, spec) in enumerate(specs):
        rng = random.Random(f"{seed}/{ind_id}")
        monthly = _monthly_levels(spec, rng, years)
        ranked = position % 7 == 1 and spec.kind != "rate"
        rank = rng.randint(1, 10)
        target = (round(rng.uniform(5, 10)) + 0.0
                  if position % 5 == 0 and spec.kind in ("flow", "growth") else None)
        figures = []
        for year, month in spans:
            t = (year - first_year + 1) * 12 + month - 1  # index into monthly
            value, yoy = _figure(spec, monthly, t)
            if ranked:
                rank = min(max(rank + rng.choice((-1, 0, 0, 0, 1)), 1), 10)
            figures.append(Figure(ind_id, spec, value, yoy, rank if ranked else None, target,
                                  position < words.HEADLINE_COUNT))
        result.append(figures)
    return result


def _monthly_levels(spec: words.IndicatorSpec, rng: random.Random, years: int) -> list[float]:
    """A monthly series: flows are one month's amount, stocks and rates the level."""
    trend = spec.base if spec.kind == "growth" else rng.uniform(-1.0, 11.0)
    level, levels = spec.base, []
    for _ in range(years):
        growth = (trend + rng.gauss(0, 2.5)) / 100
        for month in range(12):
            step = (1 + growth) ** (1 / 12)
            if spec.kind == "flow":
                levels.append(level * SEASON[month] / 12 * (1 + rng.gauss(0, 0.04)))
                level *= step
            elif spec.kind == "stock":
                level *= step * (1 + rng.gauss(0, 0.004))
                levels.append(level)
            elif spec.kind == "rate":
                level = max(level + rng.gauss(0.02, 0.15), 0.1)
                levels.append(level)
            else:  # growth: the rate itself
                levels.append(growth * 100 + rng.gauss(0, 0.4))
    return levels


def _figure(spec: words.IndicatorSpec, monthly: list[float],
            t: int) -> tuple[float | None, float | None]:
    """(value, yoy_pct) of the cumulative period ending at month index `t`."""
    if spec.kind == "growth":
        return None, _pct(monthly[t])
    if spec.kind == "rate":
        return round(monthly[t], 1), None
    if spec.kind == "stock":
        now, before = round(monthly[t]), round(monthly[t - 12])
        return float(now), _pct((now / before - 1) * 100) if before else None
    month = t % 12
    now = sum(monthly[t - month:t + 1])
    before = sum(monthly[t - 12 - month:t - 12 + 1])
    decimals = 1 if now >= 100 else 2
    return round(now, decimals), _pct((now / before - 1) * 100)


def _pct(value: float) -> float:
    """One decimal, and never -0.0."""
    return round(value, 1) + 0.0


# ---- TOML --------------------------------------------------------------------------


def _text(value: str) -> str:
    """A TOML basic string (JSON escapes are valid TOML ones)."""
    return json.dumps(value, ensure_ascii=False)


def dataset_toml(seed: int) -> str:
    note = ("本数据集由 econdash demo-data 随机生成（种子 {seed}）：所有数字、企业、项目和地名都是虚构的，"
            "仅用于演示和性能测试。The figures are random: every number, enterprise, project and "
            "place is made up, for demonstration and benchmarks only.").format(seed=seed)
    return "\n".join([
        "# Synthetic demo data written by `econdash demo-data`. Nothing here is real.",
        f"name = {_text('演示数据（合成）/ Synthetic demo data')}",
        f"name_en = {_text('Synthetic demo data (random figures)')}",
        f"region = {_text(words.REGION)}",
        f"region_en = {_text(words.REGION_EN)}",
        f"source = {_text(f'econdash demo-data --seed {seed} (合成数据 / synthetic)')}",
        f"note = {_text(note)}",
        "",
    ])


def report_toml(year: int, month: int, figures: Sequence[Figure],
                tiers: Sequence[tuple[words.Rung, int]]) -> str:
    published = dt.date(year + month // 12, month % 12 + 1, 15)
    lines = [
        "# Synthetic demo report written by `econdash demo-data`: every figure is random.",
        "[period]",
        f"year = {year}",
        f"months = [1, {month}]",
        f"region = {_text(words.REGION)}",
        f"source = {_text('合成演示数据（随机生成，非真实统计）')}",
        f"published = {published.isoformat()}",
        "",
    ]
    for fig in figures:
        spec = fig.spec
        lines += ["[[indicator]]", f"id = {_text(fig.id)}", f"name = {_text(spec.name)}",
                  f"name_en = {_text(spec.name_en)}", f"category = {_text(spec.category)}"]
        if fig.value is not None:
            value = int(fig.value) if spec.kind == "stock" else fig.value
            lines.append(f"value = {value!r}")
        if spec.unit:
            lines.append(f"unit = {_text(spec.unit)}")
        if fig.yoy_pct is not None:
            lines.append(f"yoy_pct = {fig.yoy_pct!r}")
        if fig.rank is not None:
            lines += [f"rank = {fig.rank}", f"rank_scope = {_text('全市')}"]
        if fig.target is not None:
            lines.append(f"target = {fig.target!r}")
        if fig.headline:
            lines.append("headline = true")
        lines.append("")
    for rung, count in tiers:
        lines += ["[[tier]]", f"programme = {_text(rung.programme)}",
                  f"programme_en = {_text(rung.programme_en)}", f"level = {_text(rung.level)}",
                  f"status = {_text(rung.status)}", f"count = {count}", ""]
    return "\n".join(lines)


# ---- CSV tables (vectorised) -------------------------------------------------------


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


def _write_csv(path: Path, frame: pl.DataFrame) -> None:
    buffer = io.BytesIO()
    frame.write_csv(buffer, float_precision=2, batch_size=65_536)
    atomic_write_bytes(path, buffer.getbuffer())


def _summary(out: Path, spans: list[tuple[int, int]], indicators: int,
             roster: Roster | None, projects: int, seed: int) -> list[str]:
    first, last = spans[0], spans[-1]
    newest = folder_name(*last)
    lines = [
        f"Wrote a synthetic demo dataset (seed {seed}) to {out}; every figure in it is random.",
        f"  {len(spans)} period(s), {folder_name(*first)} … {newest}, "
        f"{indicators} indicator(s) each",
    ]
    if roster is not None:
        lines.append(f"  {newest}/enterprises.csv: {roster.frame.height:,} honour rows "
                     f"of {roster.firms:,} enterprises")
    if projects:
        lines.append(f"  {newest}/projects.csv: {projects:,} projects")
    lines.append(f"Open it with: econdash --data {out}")
    return lines
