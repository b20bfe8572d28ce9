"""Interface strings by feature, one module each (extract.py, excel.py …), each with a
`STRINGS: dict[str, tuple[str, str]]` of (Chinese, English). `core.i18n` merges every
module of this package at import, so features add text without touching one shared
file; a key defined twice is an error at import (tests/unit/test_i18n.py)."""
