"""Interface strings of Excel import and regions in series (issue 15)."""

STRINGS: dict[str, tuple[str, str]] = {
    "excel.region": ("地区", "Region"),
}
