"""Chinese for the English sentences the loaders put in `Problem`s (see problem_text.py).

Each key is a message template exactly as the source writes it, with `{}` where an
f-string puts a value; the value is Chinese with `{}` (same order) or `{0}`, `{1}` …
tests/unit/test_problem_text.py reads every message template of the loaders' source
and fails when one is missing here.
"""

from __future__ import annotations

LOADERS: dict[str, str] = {
    # toml_table.py: a key of a table
    "must be a table of keys, not {}": "应为由键组成的表，而不是 {}",
    "unknown key{}": "未知的键{}",
    "unknown key; ignored": "未知的键，已忽略",
    "the required key {} is missing": "缺少必填的键 {}",
    "the required key {} is missing (e.g. months = [1, 6] for 上半年)":
        "缺少必填的键 {}（例如上半年写 months = [1, 6]）",
    "must be text in quotes, not {}": "应为加引号的文字，而不是 {}",
    "must not be empty": "不能为空",
    "contains control characters (shown as {})": "含有控制字符（显示为 {}）",
    "must be a whole number, not {}": "应为整数，而不是 {}",
    "must be a whole number": "应为整数",
    "must be true or false, not {}": "应为 true 或 false，而不是 {}",
    "must be two whole months like [1, 5], not {}": "应为两个整数月份，如 [1, 5]，而不是 {}",
    "months must be between 1 and 12, not {}": "月份应在 1 到 12 之间，而不是 {}",
    "the first month comes after the last in {}; write [{}, {}]?":
        "{} 中起始月份晚于结束月份；是否应写成 [{}, {}]？",
    "must be a date like 2022-07-04, not {}": "应为日期，如 2022-07-04，而不是 {}",
    " (did you mean {}?)": "（是否应为 {}？）",
    # numbers.py (a value's reason, after the value)
    "{} is not a number": "{} 不是数字",
    "{} is too large to be a figure": "{} 太大，不像是一个数值",
    "the number is not a number": "该数不是有效数字",
    "is ambiguous: it has two signs ({}); write one": "有歧义：有两个正负号（{}）；请只写一个",
    "is ambiguous: the word {} and the sign {} both give its sign; write one of them":
        "有歧义：词语 {} 和符号 {} 都表示正负；请只写其中之一",
    "{} is ambiguous: it has two signs ({}); write one": "{} 有歧义：有两个正负号（{}）；请只写一个",
    "{} is ambiguous: the word {} and the sign {} both give its sign; write one of them":
        "{} 有歧义：词语 {} 和符号 {} 都表示正负；请只写其中之一",
    "is not a number": "不是数字",
    "is too large to be a figure": "太大，不像是一个数值",
    "is not a whole number": "不是整数",
    "{} is not a whole number": "{} 不是整数",
    "is empty": "为空",
    # report.py
    "is saved as GB18030; TOML files should be UTF-8 (it was read anyway)":
        "以 GB18030 编码保存；TOML 文件应为 UTF-8（仍已读取）",
    "values are nested more than {} levels deep; a report needs two or three (are brackets "
    "repeated by mistake?)": "数值嵌套超过 {} 层；报告只需两到三层（是否误重复了方括号？）",
    "a number of {} digits is too long to read; a figure has at most 15 digits before the "
    "decimal point": "一个 {} 位的数字过长，无法读取；数值的整数部分最多 15 位",
    "TOML syntax error: {}": "TOML 语法错误：{}",
    "“ ” are Chinese quotes; TOML text needs straight quotes: \"...\"":
        "“ ” 是中文引号；TOML 文字需用英文直引号：\"...\"",
    "the text is not closed; add the closing \" at the end of the line":
        "文字没有闭合；请在行尾加上 \"",
    "{} is given twice in this table; keep one": "{} 在此表中出现两次；请只保留一个",
    "{} (column {})": "{}（第 {} 列）",
    "the [period] table is missing; it says which year and months the report covers, e.g. "
    "[period] year = 2022, months = [1, 6]":
        "缺少 [period] 表；它说明报告所属的年份和月份，例如 [period] year = 2022, months = [1, 6]",
    "period: write [period] with single brackets; a report has one period":
        "period：请用单层方括号写 [period]；一份报告只有一个时期",
    "must be written as [[{}]] tables": "应写成 [[{}]] 表",
    "{} is not a plausible year": "{} 不是合理的年份",
    "must be \"yoy_pct\" or \"value\", not {}": "应为 \"yoy_pct\" 或 \"value\"，而不是 {}",
    "must use only a-z, 0-9 and _ so it stays the same across periods{}":
        "只能使用 a-z、0-9 和 _，以便各期保持一致{}",
    " (e.g. {})": "（例如 {}）",
    "a count of enterprises cannot be negative ({})": "企业数量不能为负数（{}）",
    # validate.py
    "indicator id {} is used again (first at line {})": "指标编号 {} 重复使用（首次在第 {} 行）",
    "indicator {}: rank {} is below 1": "指标 {}：排名 {} 小于 1",
    "indicator {}: rank {} is above {}; is it another figure written as the rank?":
        "指标 {}：排名 {} 大于 {}；是否把其他数值写成了排名？",
    "indicator {}: growth {}% is below -100%, which no figure can fall by":
        "指标 {}：增速 {}% 低于 -100%，任何数值都不可能降这么多",
    "indicator {}: growth {}% is above {}%; is this a value written as growth?":
        "指标 {}：增速 {}% 高于 {}%；是否把数值写成了增速？",
    "indicator {}: parent {} is not an indicator of this report":
        "指标 {}：上级指标 {} 不在本报告中",
    "parts of {} add up to {} ({}), not its {}": "{} 的构成合计 {}（{}），与其数值 {} 不一致",
    "indicator {} has different units in different periods: {} (its series would mix them)":
        "指标 {} 在不同时期单位不同：{}（其序列会混用单位）",
    # dataset.py
    "{}: no such folder": "{}：没有这个文件夹",
    "{}: is a file; give the dataset folder that holds the period folders (or one period "
    "folder with report.toml)": "{}：这是一个文件；请给出包含各期文件夹的数据集文件夹（或一个含 "
                               "report.toml 的时期文件夹）",
    "{}: cannot be read: {}": "{}：无法读取：{}",
    "has no {}, so it is not read as a period": "没有 {}，因此不作为一个时期读取",
    "{}: no period folders found; a period folder holds {} (see docs/dataset-format.md)":
        "{}：没有找到时期文件夹；时期文件夹中应有 {}（见 docs/dataset-format.md）",
    "{}; it is not read": "{}；未读取",
    "claims period {} ({}), which {}/ already holds; this folder is not shown":
        "声明的时期 {}（{}）已由 {}/ 占用；此文件夹不显示",
    "{} observations appear in more than one series file; the first one read is used":
        "有 {} 个观测值出现在多个序列文件中；使用最先读到的",
    "months {}..{} are not a span within 1..12 with the first not after the last":
        "月份 {}..{} 不是 1..12 内的有效时段（起始月份不能晚于结束月份）",
    "{} is not a plausible year (as in report.toml: {}..{})":
        "{} 不是合理的年份（与 report.toml 相同：{}..{}）",
    "indicator id {} {}": "指标编号 {} {}",
    "has neither value nor yoy_pct; row skipped": "既无 value 也无 yoy_pct；该行已跳过",
    "and {} more such rows (column {})": "另有 {} 行同类问题（列 {}）",
    "cannot be read: {}": "无法读取：{}",
    # csvfile.py / csvread.py
    "is empty; it needs at least a header row: {}": "为空；至少需要一行表头：{}",
    "the cells are separated by {}, not commas; save it from Excel as \"CSV UTF-8 (comma "
    "delimited)\"": "单元格以 {} 分隔，而不是逗号；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
    "required column {} is missing; the header has {}: is that a misspelling of {}?":
        "缺少必需的列 {}；表头中有 {}：是否是 {} 的拼写错误？",
    "required column {} is missing; the header has: {}": "缺少必需的列 {}；表头中有：{}",
    "unknown column {} kept as it is{}": "未知的列 {} 按原样保留{}",
    "and {} more unknown columns whose names are close to known ones":
        "另有 {} 个名称与已知列相近的未知列",
    "and {} more rows where {} {}": "另有 {} 行的 {} {}",
    "cannot be read as CSV: {}": "无法作为 CSV 读取：{}",
    "{} control characters that could act on a terminal; they are shown as escapes such as {}":
        "{} 个可能影响终端的控制字符；已显示为转义形式，如 {}",
    "a quote (\") opens this cell but is never closed": "此单元格以引号（\"）开头，但引号没有闭合",
    "has {} cells but the header has {}; {}": "有 {} 个单元格，但表头有 {} 列；{}",
    "has {} cells but the header has {}; extra cells ignored": "有 {} 个单元格，但表头有 {} 列；多余的单元格已忽略",
    "has {} cells but the header has {}; missing cells left empty":
        "有 {} 个单元格，但表头有 {} 列；缺少的单元格留空",
    "extra cells ignored": "多余的单元格已忽略",
    "missing cells left empty": "缺少的单元格留空",
    "contains NUL bytes: this is a binary file (an .xlsx?), not text; save it as CSV UTF-8 or "
    "CSV from Excel": "含有 NUL 字节：这是二进制文件（.xlsx？），不是文本；请从 Excel 另存为 CSV UTF-8 或 CSV",
    "the header names column {} more than once": "表头中列 {} 出现了不止一次",
    "and {} more rows with the wrong number of cells": "另有 {} 行的单元格数不对",
    "column {} has no name in the header; shown as {}": "第 {} 列在表头中没有名称；显示为 {}",
    "the name of column {} holds control characters; it is shown as '{}'":
        "第 {} 列的名称含有控制字符；显示为 '{}'",
    "column {} is shown as {} (that name has a special meaning in tables)":
        "列 {} 显示为 {}（该名称在表格中有特殊含义）",
    # nbs.py / nbs_layouts.py (statistics exports)
    "is empty: not a statistics export": "为空：不是统计数据导出文件",
    "has no figures: every cell under the periods is empty or not a number":
        "没有数值：各时期下的单元格都为空或不是数字",
    "has no figures econdash can read: the period headers ({}) were not understood, so the "
    "figures under them were skipped; periods look like 2019年12月, 2019年1-2月, 2019年第一季度, "
    "1Q 2026 or 2019年": "没有 econdash 能读取的数值：无法识别时期表头（{}），其下的数值已跳过；"
                         "时期应形如 2019年12月、2019年1-2月、2019年第一季度、1Q 2026 或 2019年",
    "{} and {} more": "{} 等（另有 {} 个）",
    "{} ({}) {}; cell skipped": "{}（{}）{}；该单元格已跳过",
    "and {} more cells that are not numbers, skipped": "另有 {} 个不是数字的单元格，已跳过",
    "{} {}年{}-{}月 is given twice with different figures ({} and {}); the first is kept":
        "{} {}年{}-{}月 出现两次且数值不同（{} 和 {}）；保留第一个",
    "the unit is not in the file for {} indicator(s) ({}); their unit is left empty: add it "
    "where these figures are used": "文件中没有 {} 个指标的单位（{}）；其单位留空：请在使用这些数值处补上",
    "not a statistics export: no 指标 header row found (nor a row of indicator names above "
    "rows labelled like 1978年)": "不是统计数据导出文件：没有找到“指标”表头行（也没有在形如 1978年 "
                                 "的行上方找到指标名称行）",
    "a row of figures has no indicator name; row skipped": "一行数值没有指标名称；该行已跳过",
    "has {} figures but the header has {} periods; the extra ones at the end are ignored":
        "有 {} 个数值，但表头只有 {} 个时期；末尾多出的已忽略",
    "the {} header row has no period columns like 2019年12月, 1Q 2026 or 2019年":
        "{} 表头行中没有形如 2019年12月、1Q 2026 或 2019年 的时期列",
    "column {} is not a period like 2019年12月; its cells are skipped":
        "列 {} 不是形如 2019年12月 的时期；其单元格已跳过",
    "row label {} is not a period like 1978年; row skipped": "行标签 {} 不是形如 1978年 的时期；该行已跳过",
    # text.py (reading any file)
    "is a link that loops": "是一个循环链接",
    "is a folder, but a file is expected here": "是一个文件夹，但这里需要文件",
    "is not an ordinary file ({}); econdash reads only ordinary files":
        "不是普通文件（{}）；econdash 只读取普通文件",
    "a named pipe": "命名管道", "a character device": "字符设备", "a block device": "块设备",
    "a socket": "套接字", "a special file": "特殊文件",
    "is too large to read ({}; econdash reads {} files of up to {})":
        "太大，无法读取（{}；econdash 读取的 {} 文件最大为 {}）",
    "more than {}": "超过 {}",
    "is a link to {}, which does not exist": "是指向 {} 的链接，但目标不存在",
    "is a link to a {} outside the dataset ({}); copy the {} in instead":
        "是指向数据集之外的{}的链接（{}）；请改为把该{}复制进来",
    "folder": "文件夹", "file": "文件",
    "is neither UTF-8 nor GB18030 text (byte {} cannot be decoded); save it as UTF-8":
        "既不是 UTF-8 也不是 GB18030 文本（字节 {} 无法解码）；请另存为 UTF-8",
    "is UTF-16 text (Excel's \"Unicode Text\"); save it as CSV UTF-8":
        "是 UTF-16 文本（Excel 的“Unicode 文本”）；请另存为 CSV UTF-8",
    # model/period.py
    "months must run from 1 to 12 with the first not after the last, got [{}, {}]":
        "月份应在 1 到 12 之间且起始月份不晚于结束月份，实际为 [{}, {}]",
    "{}: {} is not a plausible year": "{}：{} 不是合理的年份",
    "{} is not a period id; use e.g. 2022M01-M05, 2022M05, 2022Q2, 2022H1 or 2022FY":
        "{} 不是时期编号；请使用如 2022M01-M05、2022M05、2022Q2、2022H1 或 2022FY",
    # report.py: status, extended figures, tiers
    'must be "final" or "draft", not {}': '应为 "final" 或 "draft"，而不是 {}',
    'must be "value" or "growth", not {}': '应为 "value" 或 "growth"，而不是 {}',
    "must be written as [[indicator.ranks]] tables": "应写成 [[indicator.ranks]] 表",
    'must be "new" (新增) or "total" (累计/总数), not {}':
        '应为 "new"（新增）或 "total"（累计/总数），而不是 {}',
    # query/drafts.py (check's warnings on a draft period)
    "draft {}: indicator {} ({}) has no value and no yoy_pct yet; fill them in or remove the "
    "indicator": "草稿 {}：指标 {}（{}）尚未填写 value 和 yoy_pct；请填上，或删除该指标",
    "draft {}: tier {} has no count yet": "草稿 {}：梯度 {} 尚未填写 count",
}

# The kinds of TOML table a message names ("indicator 3 'gdp', key 'value': …").
SUBJECTS: dict[str, str] = {
    "indicator": "指标", "tier": "梯度", "period": "时期", "report": "报告",
    "dataset": "数据集", "cluster": "集群", "project": "项目",
}
