"""The report.toml template `econdash new-period` writes: the latest period's indicators
with empty values, for a person to fill in."""

from __future__ import annotations

import tomli_w

from econdash.core.model.dataset import PeriodData
from econdash.core.model.period import Period


def period_template(period: Period, latest: PeriodData | None) -> str:
    """report.toml text for `period`: its span and label, `latest`'s region, and each of
    `latest`'s indicators with `value` and `yoy_pct` left as "" (missing)."""
    document: dict = {"period": {"year": period.year,
                                 "months": [period.first_month, period.last_month],
                                 "label": period.label_zh}}
    if latest is not None and latest.region:
        document["period"]["region"] = latest.region
    indicators = []
    for ind in latest.indicators if latest else ():
        entry = {"id": ind.id, "name": ind.name, "category": ind.category,
                 "value": "", "yoy_pct": ""}
        if ind.name_en:
            entry["name_en"] = ind.name_en
        if ind.unit:
            entry["unit"] = ind.unit
        if ind.parent:
            entry["parent"] = ind.parent
        if ind.headline:
            entry["headline"] = True
        indicators.append(entry)
    if indicators:
        document["indicator"] = indicators
    header = (f"# {period.label_zh} ({period.id}): fill in value and yoy_pct; \"\" means missing.\n"
              "# Written by econdash new-period from the latest period's indicators.\n\n")
    return header + tomli_w.dumps(document)
