"""Draft period folders for tests: report.toml files as the extractor writes them
(`[period] status = "draft"`, `source_file`, `quote`/`quote_line` on each proposal)."""

from __future__ import annotations

from pathlib import Path

FINAL_REPORT = """\
[period]
year = 2022
months = [1, 6]
label = "2022年上半年"

[[indicator]]
id = "above_scale_value_added"
name = "规上工业增加值"
category = "工业"
value = 150.0
unit = "亿元"
yoy_pct = 6.0
headline = true
"""

DRAFT_REPORT = """\
# Proposed by econdash extract from 工作总结.docx
[period]
year = 2022
months = [1, 9]
status = "draft"
source_file = "工作总结.docx"

[[indicator]]
id = "above_scale_value_added"
name = "规上工业增加值"
category = "工业"  # kept as written
value = 171.7
unit = "亿元"
yoy_pct = 7
headline = true
quote = "实现规上工业增加值171.7亿元、同比增长7%，列全市第三位"
quote_line = 12

[[indicator]]
id = "industrial_investment"
name = "工业投资"
category = "投资"
value = 20.1
unit = "亿元"
yoy_pct = 15.3
quote = "完成工业投资20.1亿元，同比增长15.3%"
quote_line = 20

[[tier]]
programme = "制造业单项冠军"
level = "国家级"
status = "认定"
count = 1
quote = "我区拥有国家级制造业单项冠军企业1家"
quote_line = 31
"""


def make_dataset(root: Path, draft: str = DRAFT_REPORT, final: str | None = FINAL_REPORT) -> Path:
    """A dataset of a final 2022 H1 period (unless `final` is None) and a draft 2022 Q1-Q3."""
    if final is not None:
        (root / "2022-H1").mkdir(parents=True)
        (root / "2022-H1" / "report.toml").write_text(final, encoding="utf-8")
    (root / "2022-Q3").mkdir(parents=True)
    (root / "2022-Q3" / "report.toml").write_text(draft, encoding="utf-8")
    return root
