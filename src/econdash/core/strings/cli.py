"""Interface strings of the command line: check's report, export's lines, and the
Chinese of cli.py's help texts (`HELP_ZH`, keyed by the English as cli.py writes it)
and of argparse's own words (`ARGPARSE_ZH`). See econdash/cli_lang.py."""

STRINGS: dict[str, tuple[str, str]] = {
    "check.dataset": ("数据集：{root}（{origin}）", "Dataset: {root} ({origin})"),
    "check.origin.--data": ("由 --data 或 PATH 指定", "given with --data or PATH"),
    "check.origin.ECONDASH_DATA": ("来自 $ECONDASH_DATA", "from $ECONDASH_DATA"),
    "check.origin.user": ("我的数据集", "your dataset"),
    "check.origin.bundled": ("内置种子数据集", "the bundled seed dataset"),
    "check.origin.example": ("内置示例", "a bundled example"),
    "check.loaded": ("  已加载 {id} {title}（来自 {folder}/）：{indicators} 个指标，{tiers} 个梯度，"
                     "{projects} 个项目，{honours} 项荣誉",
                     "  loaded {id} {title} from {folder}/: {indicators} indicators, {tiers} "
                     "tiers, {projects} projects, {honours} honours"),
    "check.series": ("  {files}：{count} 个指标的 {rows} 个观测值",
                     "  {files}: {rows} observations of {count} indicators"),
    "check.more_files": ("{names} 等（另有 {more} 个文件）", "{names} and {more} more files"),
    "check.nothing": ("  未加载任何内容", "  nothing loaded"),
    "check.ok": ("通过", "OK"),
    "check.failed": ("未通过", "FAILED"),
    "check.verdict": ("{verdict}：{errors} 个错误，{warnings} 条提示{suffix}",
                      "{verdict}: {errors} error(s), {warnings} warning(s){suffix}"),
    "check.strict": ("（--strict：提示也算未通过）", " (--strict: warnings fail)"),
    "cli.error": ("econdash：{message}", "econdash: {message}"),
    "export.wrote": ("已把 {period} 的 {table} 表 {rows} / {total} 行写入 {path}",
                     "Wrote {rows} of {total} {table} rows of {period} to {path}"),
    "export.warning": ("提示：{line}", "warning: {line}"),
    "export.no_rows": ("没有符合筛选条件的行（{period} 的 {table} 表共 {total} 行）；未写入文件",
                       "No row matches the filters ({total} {table} rows in {period}); "
                       "nothing was written"),
    "export.bad_column": ("{table} 表没有列 {column}；可用的列：{columns}",
                          "the {table} table has no column {column}; its columns: {columns}"),
    "export.bad_filter": ("--filter {text}：请写成 列=值，例如 镇街=溪口镇",
                          "--filter {text}: write it as COLUMN=VALUE, e.g. town=溪口镇"),
}

HELP_ZH: dict[str, str] = {
    "A terminal dashboard for a district economy bureau's work reports. With no command, "
    "opens the dashboard.": "区县经信局工作报告的终端仪表盘。不带命令时打开仪表盘。",
    "Data is looked for in: --data DIR, then $ECONDASH_DATA, then your own dataset (econdash "
    "init), then the bundled 2022 H1 seed report.":
        "数据查找顺序：--data DIR，然后 $ECONDASH_DATA，然后您自己的数据集（econdash init），"
        "最后是内置的 2022 年上半年种子报告。",
    "dataset folder to open": "要打开的数据集文件夹",
    "open a bundled example dataset: three-cities (丽水/衢州/宁德 industry 2011-2019)":
        "打开内置示例数据集：three-cities（丽水/衢州/宁德 2011-2019 年工业）",
    "interface language (default: the saved one, else zh)": "界面语言（默认：上次保存的语言，否则 zh）",
    "validate a dataset; exit 1 if it does not load": "校验数据集；无法加载时退出码为 1",
    "Validate a dataset without opening the dashboard. Exit 0 when it loads (warnings printed), "
    "1 when it does not.": "不打开仪表盘，只校验数据集。能加载时退出码为 0（并列出提示），否则为 1。",
    "dataset or period folder (default: the one econdash would open)":
        "数据集或时期文件夹（默认：econdash 将打开的那个）",
    "warnings fail too": "有提示也算未通过",
    "print the dataset as normalised JSON": "以规范化 JSON 输出数据集",
    "Print the loaded dataset as JSON on stdout.": "把加载的数据集以 JSON 输出到标准输出。",
    "copy the bundled dataset to your own dataset folder": "把内置数据集复制到您自己的数据集文件夹",
    "Start your own dataset (in your user data folder) from the bundled seed report. Refuses "
    "if one exists.": "以内置种子报告为起点，建立您自己的数据集（在用户数据文件夹中）。已有数据集时拒绝执行。",
    "create it here instead": "改为在此处创建",
    "add a period, a dataset or a statistics export": "加入一个时期、一个数据集或一份统计数据导出文件",
    "Validate SRC, then add it to your dataset atomically. SRC is a period folder (with "
    "report.toml), a dataset folder, or a CSV exported from the National Bureau of Statistics "
    "data portal.": "校验 SRC，然后以原子方式加入您的数据集。SRC 可以是时期文件夹（含 report.toml）、"
                    "数据集文件夹，或从国家统计局数据网站导出的 CSV。",
    "replace a period that exists (the old folder goes to .backup/)":
        "替换已有的时期（旧文件夹移到 .backup/）",
    "dataset to add to (default: your dataset)": "要加入的数据集（默认：您的数据集）",
    "add a table (.xlsx, .xls, .csv) to this period, e.g. 2022FY: a roster, a project list or "
    "an indicator table": "把表格（.xlsx、.xls、.csv）加入此时期，例如 2022FY：企业名单、项目清单"
                          "或指标表",
    "what the table is (default: detected from its headers)": "表格的类型（默认：根据表头识别）",
    "import only this sheet of a workbook": "只导入工作簿中的这个工作表",
    "write a draft report.toml for a new period": "为新一期写一份 report.toml 草稿",
    "Create PERIOD_ID/report.toml in your dataset: a draft with every indicator (id, names, "
    "unit, category, span pattern, rank scope, notes) and honour tier of the latest period, "
    "figures and counts empty. The dashboard marks it and does not open on it while a final "
    "period exists; check lists the empty figures. Never overwrites.":
        "在您的数据集中创建 PERIOD_ID/report.toml：一份草稿，含最新一期的全部指标（编号、名称、"
        "单位、类别、时段写法、排名范围、备注）和荣誉梯度，数值和家数留空。仪表盘会标明它是草稿，"
        "只要还有定稿的时期就不会打开它；check 会列出尚未填写的数值。从不覆盖。",
    "e.g. 2022M01-M09, 2022Q3, 2022H2, 2022FY": "例如 2022M01-M09、2022Q3、2022H2、2022FY",
    "export a table to CSV, XLSX or Markdown": "把表格导出为 CSV、XLSX 或 Markdown",
    "Write the rows of one table of one period, as the dashboard would show them with the same "
    "search and filters.": "写出某一期某张表的行，与仪表盘在相同搜索和筛选下显示的一致。",
    "period id, e.g. 2022H1 (default: latest)": "时期编号，例如 2022H1（默认：最新一期）",
    "which table": "哪张表",
    "default: from the file suffix of -o": "默认：由 -o 的文件后缀决定",
    "the file to write": "要写入的文件",
    "keep rows containing this text": "只保留包含此文字的行",
    "keep rows where COLUMN equals VALUE (repeatable; COLUMN as the dashboard or the export "
    "header names it, in either language)":
        "只保留 列 等于 值 的行（可重复；列名可用仪表盘或导出表头中的名称，中英文均可）",
    "language of the headers and of the messages": "表头和提示信息的语言",
    "propose a period's figures from a report file": "从报告文件中提取一期数值的建议值",
    "Read a report (.docx, .txt, .html, .pdf), propose each figure with its source sentence, "
    "and write a draft period.": "读取一份报告（.docx、.txt、.html、.pdf），为每个数值给出建议值"
                                "及其出处原句，并写成一个草稿时期。",
    "the report file: .docx, .txt, .html/.htm or .pdf with a text layer":
        "报告文件：.docx、.txt、.html/.htm，或带文字层的 .pdf",
    "the period when the text does not say it, e.g. 2022H1, 2022Q1, 2022M01-M05":
        "正文未写明时期时用它指定，例如 2022H1、2022Q1、2022M01-M05",
    "write a new period folder here": "在此处写一个新的时期文件夹",
    "add the draft period to this dataset": "把草稿时期加入此数据集",
    "write a synthetic dataset at any scale": "生成任意规模的合成数据集",
    "Write a clearly labelled synthetic dataset, seeded.": "生成一个明确标注为合成的数据集（可指定随机种子）。",
    "folder to write (new or empty)": "要写入的文件夹（新的或空的）",
    "number of enterprise honours": "企业荣誉条数",
    "number of projects": "项目数",
    "number of periods": "时期数",
    "number of indicators per period": "每期指标数",
    "random seed": "随机种子",
}

ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示此帮助信息并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少以下参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "最多只能有一个值",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可匹配 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "必须提供参数 %s 之一",
    "ignored explicit argument %r": "忽略了显式参数 %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的命令 %(parser_name)r（可选：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开 '%(filename)s'：%(error)s",
}

STRINGS.update({
    # export headers that have no string of their own in the dashboard
    "export.name_zh": ("中文名称", "Chinese name"),
    "export.yoy_pct": ("同比(%)", "YoY (%)"),
    "export.rank_scope": ("排名范围", "Ranked in"),
    "export.invest_unit": ("投资单位", "Investment unit"),
    "export.enterprise_en": ("企业（英文）", "Enterprise (English)"),
})
