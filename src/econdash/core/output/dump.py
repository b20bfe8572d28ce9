"""The normalised JSON form of a dataset (`econdash dump`), per the contract."""

from __future__ import annotations

import dataclasses
import json
import math
from typing import Any

import polars as pl

from econdash.core.model.dataset import Dataset, Indicator, PeriodData
from econdash.core.safetext import CONTROL


def dataset_to_dict(dataset: Dataset) -> dict[str, Any]:
    """Everything the dashboard shows, as plain JSON-able values."""
    return {
        "dataset": {"name": dataset.name, "name_en": dataset.name_en, "region": dataset.region,
                    "region_en": dataset.region_en, "source": dataset.source,
                    "root": str(dataset.root)},
        "periods": [_period(p) for p in dataset.periods],
        "series": _rows(dataset.series),
        "errors": [str(p) for p in dataset.errors],
        "warnings": [str(p) for p in dataset.warnings],
    }


def dump_json(dataset: Dataset) -> str:
    """The dataset as pretty, UTF-8 (not \\u-escaped) JSON, safe to print: control
    characters that JSON leaves raw (DEL, C1, bidi overrides) are \\u-escaped too."""
    text = json.dumps(dataset_to_dict(dataset), ensure_ascii=False, indent=1, default=str)
    return text.translate(_JSON_ESCAPES)


_JSON_ESCAPES = str.maketrans({c: f"\\u{ord(c):04x}" for c in CONTROL if ord(c) >= 0x20})


def _period(period: PeriodData) -> dict[str, Any]:
    return {
        "id": period.id, "year": period.period.year,
        "first_month": period.period.first_month, "last_month": period.period.last_month,
        "label": period.title("zh"), "label_en": period.period.label_en,
        "region": period.region, "source": period.source,
        "published": period.published.isoformat() if period.published else None,
        "folder": period.folder.name, "encodings": period.encodings,
        # (a draft's figures are all here, marked, so a script can score the proposals)
        "status": period.status, "source_file": period.source_file,
        "indicators": [_indicator(i) for i in period.indicators],
        "tiers": [dataclasses.asdict(t) for t in period.tiers],
        "projects": _rows(period.projects),
        "enterprises": _rows(period.enterprises),
    }


def _indicator(ind: Indicator) -> dict[str, Any]:
    row = dataclasses.asdict(ind)
    span = row.pop("span")
    row.pop("line")
    row["first_month"], row["last_month"] = span["first_month"], span["last_month"]
    row["span_id"] = ind.span.id
    return row


def _rows(frame: pl.DataFrame) -> list[dict[str, Any]]:
    return [{k: _clean(v) for k, v in row.items()} for row in frame.to_dicts()]


def _clean(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
