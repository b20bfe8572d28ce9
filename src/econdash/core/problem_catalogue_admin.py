"""Chinese for the English messages of import, init, new-period, export and the CLI.

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
}
