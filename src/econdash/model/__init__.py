"""The frozen, Textual-free model: periods, indicators, tiers and datasets."""

from econdash.model.dataset import Dataset, Indicator, PeriodData, Tier
from econdash.model.period import Period, parse_period_id

__all__ = ["Dataset", "Indicator", "Period", "PeriodData", "Tier", "parse_period_id"]
