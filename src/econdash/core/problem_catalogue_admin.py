"""Chinese for the English messages of import (folders and tables), init, new-period, export,
review, extract and the CLI.

Same form as `problem_catalogue.LOADERS` (source template with `{}` → Chinese); kept
apart so neither file grows past a screenful of screens.
"""

from __future__ import annotations

ADMIN: dict[str, str] = {
    # dataset_lock.py
    "cannot create the dataset folder {}: {}": "无法创建数据集文件夹 {}：{}",
    "cannot write to {}: {}": "无法写入 {}：{}",
    "cannot lock {} for writing: {}": "无法锁定 {} 以便写入：{}",
    "{} is a link; econdash keeps its lock there: remove the link and try again":
        "{} 是一个链接；econdash 在那里放置锁：请删除该链接后重试",
    # demo/generate.py
    "{} is a file; give a new or empty folder for the demo data":
        "{} 是一个文件；请为演示数据给出一个新的或空的文件夹",
    "{} is not empty; demo data is written only into a new or empty folder, so nothing of "
    "yours is overwritten": "{} 不是空文件夹；演示数据只写入新的或空的文件夹，以免覆盖您的文件",
    "{} must be a whole number from {} to {}, not {}": "{} 应为 {} 到 {} 之间的整数，而不是 {}",
    # export_import.py / folder_import.py / import_target.py / importing.py
    "{}: not a period folder, a dataset folder or a statistics export econdash recognises":
        "{}：不是 econdash 能识别的时期文件夹、数据集文件夹或统计数据导出文件",
    "{}: no figures could be read from the export (see below); nothing was imported":
        "{}：导出文件中读不到任何数值（见下文）；未导入任何内容",
    "{}: nothing was imported": "{}：未导入任何内容",
    "cannot write {}: {}; nothing was imported": "无法写入 {}：{}；未导入任何内容",
    "{}: {} cannot be imported; nothing was imported": "{}：{} 无法导入；未导入任何内容",
    "{} has errors; nothing was imported": "{} 有错误；未导入任何内容",
    "{} holds no period to import": "{} 中没有可导入的时期",
    "{} is a folder, where this import would put a series file; move it away (nothing was "
    "imported)": "{} 是一个文件夹，而本次导入要在该处放置序列文件；请将其移走（未导入任何内容）",
    "{} already has period {}; use --replace to replace it (the old folder is kept in "
    ".backup/)": "{} 中已有时期 {}；使用 --replace 替换（旧文件夹保留在 .backup/）",
    "{} already has {}; use --replace to replace it (the old file is kept in .backup/); "
    "nothing was imported": "{} 中已有 {}；使用 --replace 替换（旧文件保留在 .backup/）；未导入任何内容",
    "cannot create {}: {}; nothing was imported": "无法创建 {}：{}；未导入任何内容",
    "{}: no such file or folder": "{}：没有这个文件或文件夹",
    "{}: not a file or a folder (a link that leads nowhere, a named pipe or a device?); "
    "nothing was imported": "{}：既不是文件也不是文件夹（断开的链接、命名管道或设备？）；未导入任何内容",
    "{} is a file; init needs a folder that is empty or absent": "{} 是一个文件；init 需要一个空的或不存在的文件夹",
    "{} already holds a dataset; init never overwrites it": "{} 中已有数据集；init 从不覆盖它",
    "period {} already exists in {}; new-period never overwrites":
        "时期 {} 已存在于 {}；new-period 从不覆盖",
    "cannot write {}: {}": "无法写入 {}：{}",
    # placing.py / staging.py
    "the copy of {} is missing from {}; nothing was imported": "{} 的副本不在 {} 中；未导入任何内容",
    "cannot {}: {}": "无法{}：{}",
    "{} (the journal of an import that was interrupted) cannot be read: {}. Look in {}'s hidden "
    "{}* folders for anything you need, then delete that file":
        "{}（一次中断的导入的日志）无法读取：{}。请在 {} 的隐藏文件夹 {}* 中找回需要的内容，然后删除该文件",
    "{}; nothing was imported: the dataset is as it was": "{}；未导入任何内容：数据集保持原样",
    "cannot finish the import into {} that was interrupted ({}); fix that and run this again "
    "(nothing is lost)": "无法完成向 {} 的中断导入（{}）；请修正后重新运行（没有丢失任何内容）",
    "cannot swap {} back on this system": "在此系统上无法换回 {}",
    "{}; undoing the import failed too ({}). Nothing is lost: the next econdash import, init or "
    "new-period on {} finishes this import":
        "{}；撤销导入也失败了（{}）。没有丢失任何内容：下一次对 {} 运行 econdash import、init 或 "
        "new-period 时会完成这次导入",
    "the import could not put its copies in place ({})": "导入无法把副本放到位（{}）",
    "the path {} leads outside the dataset": "路径 {} 指向数据集之外",
    "{} is not a staging name": "{} 不是暂存名称",
    "{} is not in {}/": "{} 不在 {}/ 中",
    "{} is not an inode": "{} 不是 inode",
    "cannot copy {} (for {}): {}; nothing was imported": "无法复制 {}（用于 {}）：{}；未导入任何内容",
    "not enough free space for this import in {}: it needs about {} and {} are free; free some "
    "space and run it again (nothing was imported)":
        "{} 的可用空间不足以完成本次导入：约需 {}，只有 {} 可用；请腾出空间后重试（未导入任何内容）",
    "is not a folder that can be read": "不是可读取的文件夹",
    "is a link to {}, outside the folder; copy the folder itself in or remove the link":
        "是指向文件夹之外 {} 的链接；请把文件夹本身复制进来或删除该链接",
    "cannot be read": "无法读取",
    "is a folder, not a file": "是文件夹，不是文件",
    "{} changed while it was being imported: it is no longer a file; nothing was imported":
        "{} 在导入过程中被改动：它已不再是文件；未导入任何内容",
    "is a link to {}, outside the folder; copy the {} itself in or remove the link":
        "是指向文件夹之外 {} 的链接；请把该{}本身复制进来或删除该链接",
    "is a link to {}, a folder that holds the link itself (a loop); remove the link":
        "是指向 {} 的链接，该文件夹包含此链接本身（循环）；请删除该链接",
    "is {}, not a file; only files and folders are imported: remove it from the folder":
        "是{}，不是文件；只导入文件和文件夹：请将其从文件夹中移除",
    "is a link to {}, which does not exist; copy the file itself in or remove the link":
        "是指向 {} 的链接，但目标不存在；请把文件本身复制进来或删除该链接",
    "is a link to {} that leads back to itself (a loop); remove the link":
        "是指向 {} 的链接，又指回自身（循环）；请删除该链接",
    # success lines of import / init / new-period
    "Replaced {}: the old file is kept at {}": "已替换 {}：旧文件保留在 {}",
    "Replaced {}: the old folder is kept at {}": "已替换 {}：旧文件夹保留在 {}",
    "Imported {} observations of {} indicators from {} into {}":
        "已从 {2} 导入 {1} 个指标的 {0} 个观测值到 {3}",
    "  (named {}: a series file whose name starts with '.' is never read)":
        "  （命名为 {}：以 '.' 开头的序列文件不会被读取）",
    "Copied {} to {} ({} had none)": "已把 {} 复制到 {}（{} 原先没有）",
    "Added {} {} ({} indicators, {} projects, {} honours) as {}":
        "已添加 {} {}（{} 个指标、{} 个项目、{} 项荣誉），位于 {}",
    "Added the series in {} as {}": "已添加 {} 中的序列，位于 {}",
    "{} now holds {} ({}); delete the ones you no longer need, or all of them with: rm -r {}":
        "{} 中现有 {}（{}）；可删除不再需要的，或用以下命令全部删除：rm -r {}",
    "Created your dataset at {}": "已在 {} 创建您的数据集",
    "  from the bundled 2022 H1 seed report": "  来自内置的 2022 年上半年种子报告",
    "Open it with: econdash": "打开方式：econdash",
    "Wrote {}: fill in the values, then run econdash check": "已写入 {}：填好数值后运行 econdash check",
    "Finished an import into {} that had been interrupted:": "已完成一次向 {} 的中断导入：",
    # core/fs.py
    "{} already exists": "{} 已存在",
    "{} holds entries that cannot be copied; nothing was copied": "{} 中有无法复制的条目；未复制任何内容",
    "cannot create {}: {}": "无法创建 {}：{}",
    "cannot write to {}, where --replace keeps the old copies: {}; make it writable (or move it "
    "away) and run this again (nothing was imported)":
        "无法写入 --replace 保存旧副本的 {}：{}；请使其可写（或移走）后重试（未导入任何内容）",
    # output/formats.py, table_export.py
    "{}: unknown export format {}; use csv, xlsx or md": "{}：未知的导出格式 {}；请使用 csv、xlsx 或 md",
    "{} rows do not fit in one Excel sheet (at most {}); filter first or export CSV":
        "{} 行放不进一个 Excel 工作表（最多 {} 行）；请先筛选，或导出为 CSV",
    "{} columns do not fit in one Excel sheet (at most {}); export CSV":
        "{} 列放不进一个 Excel 工作表（最多 {} 列）；请导出为 CSV",
    "{}: cannot be written as {}: {}": "{}：无法写成 {}：{}",
    "{}: cannot be written: {}": "{}：无法写入：{}",
    "{}: no period loaded; run econdash check": "{}：没有加载任何时期；请运行 econdash check",
    "no period {} in {}; it has: {}": "{1} 中没有时期 {0}；现有：{2}",
    "1 cell is longer than Excel's limit of {} characters and was cut":
        "1 个单元格超过 Excel 每格 {} 字的上限，已截断",
    "{} cells are longer than Excel's limit of {} characters and were cut":
        "{} 个单元格超过 Excel 每格 {} 字的上限，已截断",
    "{} in {} (first: {}, column {}); export CSV or Markdown to keep the whole text":
        "{}，见 {}（第一个在{}，列 {}）；要保留全文请导出 CSV 或 Markdown",
    "the header": "表头", "row {}": "第 {} 行",
    # cli.py
    "the dashboard needs a terminal, and this input or output is not one; in scripts use "
    "econdash check, dump or export": "仪表盘需要在终端中运行，而当前输入或输出不是终端；"
                                      "在脚本中请使用 econdash check、dump 或 export",
    "no example called {}; there are: {}": "没有名为 {} 的示例；现有：{}",
    "--{} must not be negative": "--{} 不能为负数",
    "--periods must be at least 1": "--periods 至少为 1",
    "cannot write or read{}: {}": "无法读写{}：{}",
    "internal error: {}: {}": "内部错误：{}：{}",
    "  This is a bug in econdash; run again with ECONDASH_DEBUG=1 to see details.":
        "  这是 econdash 的程序错误；设置 ECONDASH_DEBUG=1 重新运行可查看详情。",
    "internal error while loading {}: {}: {}": "加载 {} 时发生内部错误：{}：{}",
    "{}: say which period the table belongs to with --period ID (e.g. --period 2022FY); "
    "nothing was imported": "{}：请用 --period ID 指明表格所属的时期（例如 --period 2022FY）；"
                            "未导入任何内容",
    # admin/table_read.py (econdash import TABLE --period ID)
    "{}: {} cannot be read; in WPS choose 文件 → 另存为 → Excel 工作簿 (*.xlsx) and import that "
    "file; nothing was imported": "{}：无法读取 {}；请在 WPS 中选择 文件 → 另存为 → Excel 工作簿 "
                                  "(*.xlsx)，再导入另存的文件；未导入任何内容",
    "a WPS spreadsheet (.et)": "WPS 表格文件（.et）",
    "a WPS spreadsheet template (.ett)": "WPS 表格模板（.ett）",
    "a WPS text document (.wps)": "WPS 文字文档（.wps）",
    "a WPS text template (.wpt)": "WPS 文字模板（.wpt）",
    "a WPS presentation (.dps)": "WPS 演示文稿（.dps）",
    "{}: cannot be read; nothing was imported": "{}：无法读取；未导入任何内容",
    "{}: not a table econdash reads (.xlsx, .xls or .csv); nothing was imported":
        "{}：不是 econdash 能读取的表格（.xlsx、.xls 或 .csv）；未导入任何内容",
    "{}: the file is empty (0 bytes); nothing was imported": "{}：文件为空（0 字节）；未导入任何内容",
    "{}: the workbook is password-protected (encrypted); open it in Excel or WPS, remove the "
    "password (文件 → 信息 → 保护工作簿 → 用密码进行加密, clear it), save, and import again; "
    "nothing was imported": "{}：工作簿设有密码（已加密）；请在 Excel 或 WPS 中打开，取消密码"
                            "（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码），保存后"
                            "重新导入；未导入任何内容",
    "{}: the file {} (corrupt, or renamed); open it in Excel and save it as .xlsx, then import "
    "that; nothing was imported": "{}：该文件{}（文件已损坏，或扩展名被改过）；请在 Excel 中打开并"
                                  "另存为 .xlsx，再导入另存的文件；未导入任何内容",
    "is an .xlsx file named {}": "其实是 .xlsx 文件，扩展名却是 {}",
    "is an .xls (or a WPS .et) file named {}": "其实是 .xls（或 WPS .et）文件，扩展名却是 {}",
    "is not an {} workbook": "不是有效的 {} 工作簿",
    "{}: cannot be read as a workbook ({}); the file may be corrupt or only partly saved: open "
    "it in Excel, save it again as .xlsx, and import that; nothing was imported":
        "{}：无法作为工作簿读取（{}）；文件可能已损坏或未完整保存：请在 Excel 中打开，重新另存为 "
        ".xlsx，再导入另存的文件；未导入任何内容",
    "{}: the workbook has no cells with anything in them; nothing was imported":
        "{}：工作簿中没有任何有内容的单元格；未导入任何内容",
    "{}: cannot be read as CSV ({}); nothing was imported": "{}：无法作为 CSV 读取（{}）；未导入任何内容",
    "{}: the file has no cells with anything in them; nothing was imported":
        "{}：文件中没有任何有内容的单元格；未导入任何内容",
    # admin/table_import.py
    "{}: no sheet named {} (its sheets: {}); nothing was imported":
        "{}：没有名为 {} 的工作表（现有工作表：{}）；未导入任何内容",
    "the sheet is empty": "工作表为空",
    "the headers ({}) do not make a {}: missing {}": "表头（{}）不足以构成{}：缺少 {}",
    "roster, project list or indicator table": "企业名单、项目清单或指标表",
    "the headers ({}) do not make a roster: missing {} (headers meaning it: {})":
        "表头（{}）不足以构成企业名单：缺少 {}（表示该列的表头：{}）",
    "the headers ({}) do not make a projects: missing {} (headers meaning it: {})":
        "表头（{}）不足以构成项目清单：缺少 {}（表示该列的表头：{}）",
    "the headers ({}) do not make a indicators: missing {} (headers meaning it: {})":
        "表头（{}）不足以构成指标表：缺少 {}（表示该列的表头：{}）",
    "{}: no table could be imported; nothing was imported": "{}：没有可导入的表格；未导入任何内容",
    "no sheet holds a roster, a project list or an indicator table":
        "没有哪个工作表是企业名单、项目清单或指标表",
    "{}: {} cell(s) cannot be imported; nothing was imported": "{}：有 {} 个单元格无法导入；未导入任何内容",
    "period {} in {} already has {}; use --replace to replace (the old folder is kept in "
    ".backup/); nothing was imported": "{1} 中的时期 {0} 已有 {2}；使用 --replace 替换（旧文件夹"
                                       "保留在 .backup/）；未导入任何内容",
    "its figures (report.toml)": "数值（report.toml）",
    "{}, its figures (report.toml)": "{} 及数值（report.toml）",
    "{}: cannot be copied; nothing was imported": "{}：无法复制；未导入任何内容",
    "{}: the period it would make does not load; nothing was imported":
        "{}：导入后的时期无法加载；未导入任何内容",
    "Sheet {}: roster, header in row {}, {} rows": "工作表 {}：企业名单，表头在第 {} 行，共 {} 行",
    "Sheet {}: roster, header in row {}-{}, {} rows": "工作表 {}：企业名单，表头在第 {}-{} 行，共 {} 行",
    "Sheet {}: projects, header in row {}, {} rows": "工作表 {}：项目清单，表头在第 {} 行，共 {} 行",
    "Sheet {}: projects, header in row {}-{}, {} rows": "工作表 {}：项目清单，表头在第 {}-{} 行，共 {} 行",
    "Sheet {}: indicators, header in row {}, {} rows": "工作表 {}：指标表，表头在第 {} 行，共 {} 行",
    "Sheet {}: indicators, header in row {}-{}, {} rows":
        "工作表 {}：指标表，表头在第 {}-{} 行，共 {} 行",
    "Wrote {} rows to {}": "已向 {1} 写入 {0} 行",
    "Figures: {} rows, {} matched to known indicators by name (their series continue), {} new":
        "数值：{} 行，其中 {} 行按名称对应到已有指标（序列接续），新增 {} 个",
    "Imported into {} ({})": "已导入 {}（{}）",
    "Imported into {} ({}); the old folder is kept at {}": "已导入 {}（{}）；旧文件夹保留在 {}",
    # admin/review.py (making a draft period final)
    "{} proposal(s) are still pending: accept or reject each (or accept all) before writing":
        "还有 {} 条建议值未处理：写入前请逐条接受或拒绝（或全部接受）",
    "cannot read {}: {}": "无法读取 {}：{}",
    "{} changed since the review opened it; nothing was written (open the review again)":
        "{} 在打开审核后被改动过；未写入任何内容（请重新打开审核）",
    "cannot write {}: {}; nothing was changed": "无法写入 {}：{}；未做任何改动",
    "{} is not a draft; there is nothing to review": "{} 不是草稿，没有需要审核的内容",
    "cannot read {} for review: {}": "无法读取 {} 进行审核：{}",
    "{} changed since it was loaded; wait for the reload and open the review again":
        "{} 在加载后被改动过；请等重新加载完成后再打开审核",
    "a corrected value is missing": "缺少更正后的数值",
    "cannot write beside {}: {}": "无法在 {} 所在位置写入：{}",
    "the final {} would not load; nothing was written": "定稿后的 {} 将无法加载；未写入任何内容",
    # extract/readers.py, extract/pdf.py (the SAVE_AS advice is a value of many of them)
    "open it in Word or WPS and 另存为 (save as) .docx, or as .txt (UTF-8), then run extract again":
        "在 Word 或 WPS 中打开它，另存为 .docx 或 .txt（UTF-8），然后重新运行 extract",
    "open the original in Word or WPS and 另存为 (save as) .docx, then run extract again":
        "在 Word 或 WPS 中打开原文件，另存为 .docx，然后重新运行 extract",
    "{}: no such file": "{}：文件不存在",
    "{}: not a file; give the report file (.docx, .txt, .html, .pdf)":
        "{}：不是文件；请给出报告文件（.docx、.txt、.html、.pdf）",
    "{}: the file is empty; save the report again and retry": "{}：文件为空；请重新保存报告后再试",
    "{}: {} MB is too large for a report; give the report's text (.docx or .txt)":
        "{}：{} MB，作为报告太大；请提供报告的文字版（.docx 或 .txt）",
    "{}: the file is encrypted (password-protected); remove the password in Word or WPS (文件 → "
    "信息 → 保护文档), then {}": "{}：文件已加密（设有密码）；请在 Word 或 WPS 中取消密码"
                                "（文件 → 信息 → 保护文档），然后{}",
    "{}: this is an old Word/WPS format (.doc, .wps, .et) that extract cannot read; {}":
        "{}：这是 extract 无法读取的旧版 Word/WPS 格式（.doc、.wps、.et）；请{}",
    "{}: {} files cannot be read; {}": "{}：无法读取 {} 文件；请{}",
    "{}: no Chinese text found in the {} file; is it the report? (a scanned document needs OCR "
    "first)": "{}：在这个 {} 文件中找不到中文；这是报告吗？（扫描件需先做 OCR 文字识别）",
    "{}: this is a binary file, not a report's text; {}": "{}：这是二进制文件，不是报告的文字；请{}",
    "{}: the text is neither UTF-8 nor GB18030; save it as UTF-8 text":
        "{}：文字的编码既不是 UTF-8 也不是 GB18030；请另存为 UTF-8 文本",
    "{}: a zip file without a Word document in it; {}": "{}：这是 zip 文件，其中没有 Word 文档；请{}",
    "{}: the .docx file is damaged or not a Word file; {}": "{}：该 .docx 文件已损坏或不是 Word 文件；请{}",
    "{}: the Word document inside is damaged; {}": "{}：其中的 Word 文档已损坏；请{}",
    "{}: reading PDF needs the pypdf package (pip install pypdf)":
        "{}：读取 PDF 需要 pypdf 软件包（pip install pypdf）",
    "{}: the PDF is encrypted (password-protected); remove the password, or {}":
        "{}：PDF 已加密（设有密码）；请取消密码，或{}",
    "{}: the PDF cannot be read ({}); {}": "{}：无法读取该 PDF（{}）；请{}",
    "{}: the PDF has no text layer (a scanned document?); run OCR on it first, or {}":
        "{}：该 PDF 没有文字层（是扫描件？）；请先做 OCR 文字识别，或{}",
    # extract/run.py
    "--period {}: {}": "--period {} 无效：{}",
    "{} already exists; extract never overwrites: choose a new folder for -o":
        "{} 已存在；extract 从不覆盖：请为 -o 另选一个新文件夹",
    "{} already has period {}": "{} 中已有时期 {}",
    "{}; extract never replaces a period: pass --period for another one, or write the draft with "
    "-o DIR to compare it": "{}；extract 从不替换已有的时期：请用 --period 指定另一个时期，或用 "
                           "-o DIR 写出草稿以便对照",
}
