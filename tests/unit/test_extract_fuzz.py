"""Whatever the text, extract proposes without crashing and writes a report.toml that
loads: report-like fragments shuffled at random (hypothesis)."""

from __future__ import annotations

import tomllib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from econdash.core.extract.run import extract_text
from econdash.core.extract.writer import report_document
from econdash.core.loaders.report import load_report

FRAGMENTS = ["2023年", "1-5月", "一季度", "上半年", "，", "、", "；", "。", "\n", "：", "（", "）",
             "全区", "规上工业增加值", "实现", "完成", "同比增长", "下降", "增幅", "个百分点", "分别增长",
             "列全市第", "三位", "居全省第", "位、", "珠三角第", "全省最多", "家", "户", "亿元", "万元/亩",
             "%", "倍", "翻番", "12.5", "-3", "0", "7", "1,234.5", "等", "企业", "入选", "省级",
             "专精特新", "“小巨人”", "新增", "累计", "总数达到", "目标是", "完成年任务的", "环比",
             "较一季度提高", "——", "甲乙有限公司", "园", "为二星级", "截至", "9月底", "當月", "增長",
             "億元", "第", "批", "過", "以上", "两", "四家", "分别", "和"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60))
def test_any_fragments_extract_and_load(tmp_path_factory, parts) -> None:
    text = "".join(parts)
    extraction = extract_text(text, "fuzz.txt")
    document = report_document(extraction)
    import tomli_w
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "report.toml").write_text(tomli_w.dumps(document), encoding="utf-8")
    report = load_report(folder / "report.toml", "report.toml")
    errors = [p for p in report.problems if p.severity == "error"]
    assert not errors, errors
    assert tomllib.loads((folder / "report.toml").read_text(encoding="utf-8"))["period"]
