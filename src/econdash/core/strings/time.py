"""Interface strings of time: what a trend line draws (core/query/trend.py)."""

STRINGS: dict[str, tuple[str, str]] = {
    "trend.cum_growth": ("累计增速", "Cumulative growth"),
    "trend.like_span": ("同期值", "Same span, by year"),
    "trend.value": ("数值", "Value"),
    "trend.computed": ("按现价计算", "computed at current prices"),
    "time.short.cum_growth": ("增速", "growth"),
    "time.short.like_span": ("同期", "same span"),
    "time.short.value": ("数值", "value"),
    "time.range": ("范围 {low} ~ {high}", "range {low} to {high}"),
    "time.current": ("本期", "this period"),
    "time.current_not_on_line": ("（本期不在此线上）", "(this period is not on this line)"),
    "time.trend_col": ("走势（至本期）", "Trend (to this period)"),
    "time.computed_plain": ("按同期数值计算", "computed from like-span values"),
    "time.computed_note": ("* 增速由同期数值计算（金额按现价），非报告所载",
                           "* growth computed from like-span values (money at current prices), not stated by the report"),
    "time.headline_growth": ("主要指标 同比增速", "Headline figures: year-on-year growth"),
    "time.no_trend": ("只有一个可比时点，暂无走势", "Only one comparable point: no trend yet"),
}
