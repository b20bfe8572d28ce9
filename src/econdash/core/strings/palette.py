"""Interface strings of the command palette: Textual's own system commands, translated
(tui/system_commands.py), and the palette's prompts."""

STRINGS: dict[str, tuple[str, str]] = {
    "palette.placeholder": ("搜索命令，或输入指标、项目、企业名称...",
                            "Search commands, or type an indicator, project or enterprise..."),
    "palette.themes": ("搜索主题...", "Search for themes..."),
    "palette.no_matches": ("没有匹配项", "No matches found"),
    "syscmd.theme": ("主题", "Theme"),
    "syscmd.theme_help": ("更换配色主题", "Change the colour theme"),
    "syscmd.quit": ("退出", "Quit"),
    "syscmd.quit_help": ("退出 econdash", "Quit econdash"),
    "syscmd.keys": ("按键", "Keys"),
    "syscmd.keys_help": ("列出所有按键及其作用", "List every key and what it does"),
    "syscmd.maximize": ("最大化", "Maximize"),
    "syscmd.maximize_help": ("最大化当前焦点所在的部件", "Maximize the focused widget"),
    "syscmd.minimize": ("还原", "Minimize"),
    "syscmd.minimize_help": ("把部件还原为正常大小", "Restore the widget to its normal size"),
    "syscmd.screenshot": ("截图", "Screenshot"),
    "syscmd.screenshot_help": ("把当前屏幕保存为 SVG 图片", "Save an SVG picture of the screen"),
    "syscmd.language": ("切换语言：English", "Language: 中文"),
    "syscmd.language_help": ("界面改用另一种语言", "Switch the interface to the other language"),
}
