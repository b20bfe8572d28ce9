"""The demo dataset's periods and figures, and its TOML files (`econdash demo-data`).

Monthly cumulative periods (1-1月, 1-2月 … 全年, rolling over years) ending in
December of `END_YEAR`, each with the same indicators: plausible seeded series
(flows, stocks, rates and growth rates), a few ranked or with a target. The
dataset.toml and report.toml texts are written line by line (a report is small):
tomli_w would lay short [[indicator]] tables out inline and long ones as tables,
where every demo report should read like one a person writes. Polars-free.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass

from econdash.core.admin.demo import names as words

END_YEAR = 2025
"""The newest demo period ends in December of this year (fixed, so output is repeatable)."""
SEASON = [0.62, 0.70, 0.95, 0.98, 1.00, 1.03, 1.00, 0.97, 1.02, 1.04, 1.10, 1.22]
"""Monthly shape of a flow (low around the Spring Festival, high in December)."""


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
    this_year = sum(monthly[t - month:t + 1])
    last_year = sum(monthly[t - 12 - month:t - 12 + 1])
    decimals = 1 if this_year >= 100 else 2
    return round(this_year, decimals), _pct((this_year / last_year - 1) * 100)


def _pct(value: float) -> float:
    """One decimal, and never -0.0."""
    return round(value, 1) + 0.0


# ---- TOML --------------------------------------------------------------------------


def _text(value: str) -> str:
    """A TOML basic string (JSON escapes are valid TOML ones)."""
    return json.dumps(value, ensure_ascii=False)


def dataset_toml(seed: int) -> str:
    note = (f"本数据集由 econdash demo-data 随机生成（种子 {seed}）：所有数字、企业、项目和地名都是虚构的，"
            "仅用于演示和性能测试。The figures are random: every number, enterprise, project and "
            "place is made up, for demonstration and benchmarks only.")
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

