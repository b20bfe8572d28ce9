"""Interface strings of time: what a trend line draws (core/query/trend.py)."""

STRINGS: dict[str, tuple[str, str]] = {
    "trend.cum_growth": ("累计增速", "Cumulative growth"),
    "trend.like_span": ("同期值", "Same span, by year"),
    "trend.value": ("数值", "Value"),
    "trend.computed": ("按现价计算", "computed at current prices"),
}
