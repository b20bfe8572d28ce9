"""Every key econdash answers to, with its description in both languages.

One table feeds the bindings' footer labels and the `?` help screen, so the
two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KeyHelp:
    """A key, the action it runs, and what it does in zh/en."""

    keys: str  # as shown in help
    action: str
    zh: str
    en: str
    where: str = "all"  # "all" or a section name


KEYS: tuple[KeyHelp, ...] = (
    KeyHelp("1-6", "section", "切换栏目：总览/指标/增速/项目/企业/历史", "Sections: overview, indicators, growth, projects, enterprises, history"),
    KeyHelp("[ ]", "prev_period", "上一期 / 下一期", "Previous / next period"),
    KeyHelp("c", "compare", "对比两期（a/b 分别切换两期，[ ] 同时前后移）", "Compare two periods (a/b change one, [ ] move both)"),
    KeyHelp("p", "like_for_like", "对比中：与上年同期对比", "In compare: the same span a year earlier", "compare"),
    KeyHelp("e", "export", "导出当前表格显示的行（CSV/XLSX/Markdown）", "Export the rows the table shows (CSV/XLSX/Markdown)"),
    KeyHelp("r", "review", "核对草稿期：逐项接受(a)/删除(x)/更正(v)，全部接受(A)，定稿(w)", "Review a draft period: accept (a), reject (x), correct (v), accept all (A), write final (w)"),
    KeyHelp("l", "toggle_lang", "中文 / English", "Switch Chinese / English"),
    KeyHelp("/", "search", "在当前栏目搜索", "Search in this section"),
    KeyHelp("f", "next_filter", "切换筛选条件（再按 Tab 进入选择）", "Move to the next filter"),
    KeyHelp("Esc", "clear", "清除搜索和筛选（先清除计数中选的值）", "Clear search and filters (first a value picked in counts)"),
    KeyHelp("Enter", "select_cursor", "打开所选行的详情", "Open details of the selected row"),
    KeyHelp("s", "cycle_sort", "按光标所在列排序（升/降/原序）", "Sort by the cursor column (asc/desc/off)"),
    KeyHelp("Up Down PgUp PgDn Home End", "", "在表格中移动", "Move in a table"),
    KeyHelp("Left Right", "", "选择列（排序、计数、统计等用；第一列向右滚动时保持不动）", "Choose a column (for sorting, counts, statistics...; the first column stays while scrolling right)"),
    KeyHelp("S", "then_sort", "再按光标列排序，已有排序优先（再按：降序、取消）", "Sort also by the cursor column, the sort so far first (again: descending, off)"),
    KeyHelp("F", "column_counts", "光标列各值计数（行数、占比、条形），回车按该值筛选", "Counts of the cursor column's values (rows, share, bar); Enter filters to one"),
    KeyHelp("i", "column_stats", "光标列统计：行数、空值、不同值、最小/最大、合计、平均、中位数", "Column statistics: count, empty, distinct, min/max, sum, mean, median"),
    KeyHelp("ctrl+g", "goto_row", "跳到第几行", "Go to a row number"),
    KeyHelp("- +", "hide_column", "隐藏光标列 / 显示全部列", "Hide the cursor column / show every column"),
    KeyHelp("y Y", "copy_cell", "复制单元格 / 整行到剪贴板（远程终端中也可用）", "Copy the cell / the row to the clipboard (OSC 52, works over ssh)"),
    KeyHelp("v", "view_cell", "查看单元格的完整内容", "Show the cell's full text"),
    KeyHelp("h", "ladder", "跳到企业梯度（按级别和梯度排列）", "Go to the honour ladder (by level and rung)", "enterprises"),
    KeyHelp("e", "export_brief", "导出本期简报（Markdown，附头条指标）", "Export the period brief (Markdown, with the headline figures)", "overview"),
    KeyHelp("↑ ↓ ← → Tab", "", "在指标卡和各面板的行之间移动，回车打开详情", "Move between tiles and panel rows; Enter opens the detail", "overview"),
    KeyHelp("g", "next_category", "切换显示的类别", "Show the next category", "growth"),
    KeyHelp("Tab", "", "在筛选框和表格之间移动", "Move between filters and the table"),
    KeyHelp("ctrl+p", "command_palette", "命令面板：按名称跳到指标、项目或企业；切换主题", "Command palette: jump to an indicator, project or enterprise; themes"),
    KeyHelp("!", "problems", "查看数据问题", "Show problems found in the data"),
    KeyHelp("?", "help", "本帮助", "This help"),
    KeyHelp("q", "quit", "退出", "Quit"),
)

# Footer labels by action name (short).
FOOTER: dict[str, tuple[str, str]] = {
    "section": ("栏目", "Section"),
    "prev_period": ("上一期", "Prev period"),
    "next_period": ("下一期", "Next period"),
    "toggle_lang": ("English", "中文"),
    "search": ("搜索", "Search"),
    "clear": ("清除", "Clear"),
    "next_filter": ("筛选", "Filter"),
    "select_cursor": ("详情", "Details"),
    "cycle_sort": ("排序", "Sort"),
    "then_sort": ("再排序", "Then sort"),
    "column_counts": ("计数", "Counts"),
    "column_stats": ("统计", "Stats"),
    "goto_row": ("跳行", "Go to row"),
    "hide_column": ("隐藏列", "Hide column"),
    "show_columns": ("显示列", "Show columns"),
    "copy_cell": ("复制", "Copy"),
    "copy_row": ("复制行", "Copy row"),
    "view_cell": ("全文", "Cell text"),
    "clear_pins": ("清除", "Clear"),
    "ladder": ("梯度", "Ladder"),
    "next_category": ("类别", "Category"),
    "problems": ("问题", "Problems"),
    "help": ("帮助", "Help"),
    "quit": ("退出", "Quit"),
    "command_palette": ("命令", "Commands"),
    "close": ("关闭", "Close"),
    "compare": ("对比", "Compare"),
    "export": ("导出", "Export"),
    "review": ("核对", "Review"),
    "decide('accept')": ("接受", "Accept"),
    "decide('reject')": ("删除", "Reject"),
    "correct": ("更正", "Correct"),
    "accept_all": ("全部接受", "Accept all"),
    "write": ("定稿", "Write final"),
    "export_brief": ("导出简报", "Export brief"),
    "cycle('a')": ("换前期", "Earlier"),
    "cycle('b')": ("换本期", "Later"),
    "like_for_like": ("上年同期", "Year earlier"),
}


def footer_label(action: str, lang: str) -> str | None:
    """The footer label for an action (its name without arguments), or None."""
    pair = FOOTER.get(action) or FOOTER.get(action.split("(")[0])
    if pair is None:
        return None
    return pair[1] if lang == "en" else pair[0]
