"""The contract's CSV files: which columns are required, known and numeric."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CsvSpec:
    """What the contract says about one kind of CSV file."""

    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    integers: tuple[str, ...] = ()

    @property
    def known(self) -> tuple[str, ...]:
        """Every column the contract recognises, required first."""
        return self.required + self.optional


PROJECTS = CsvSpec(
    required=("name", "category"),
    optional=("name_en", "town", "status", "planned_invest", "completed_invest",
              "invest_unit", "rating", "start_year", "note"),
    numbers=("planned_invest", "completed_invest"),
    integers=("start_year",),
)
ENTERPRISES = CsvSpec(
    required=("enterprise", "programme"),
    optional=("enterprise_en", "programme_en", "level", "status", "year", "batch",
              "industry", "town", "note"),
    integers=("year",),
)
SERIES = CsvSpec(
    required=("indicator", "year", "first_month", "last_month"),
    optional=("value", "unit", "yoy_pct", "name", "name_en", "category", "source", "region"),
    numbers=("value", "yoy_pct"),
    integers=("year", "first_month", "last_month"),
)
