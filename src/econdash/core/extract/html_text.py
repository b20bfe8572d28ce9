"""The main text of a saved web page, with the stdlib HTML parser.

Navigation, headers, footers, sidebars, scripts, styles and forms are dropped
(by tag, and by class/id words such as nav, menu, footer, breadcrumb); block
elements end a line, table cells are joined with ，.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SKIP_TAGS = {"script", "style", "nav", "footer", "header", "aside", "noscript", "form", "select",
             "button", "iframe", "svg", "template", "head"}
BOILERPLATE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|header|head|breadcrumb|crumb|"
                         r"sidebar|side|copyright|share|toolbar|topbar|banner|links?|login|search|"
                         r"related|relate|recommend|hot|xgxw|xglj|comment|pager|pagination|ads?|"
                         r"advert)"
                         r"(?:$|[\s_-])", re.I)
BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
         "table", "ul", "ol", "blockquote", "pre", "dd", "dt", "hr", "title", "main"}
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
        "track", "wbr", "param"}


class _MainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_stack: list[str] = []
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if tag in VOID:
            if tag in BLOCK and not self.skip_stack:
                self.parts.append("\n")
            return
        attributes = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        if self.skip_stack or tag in SKIP_TAGS or BOILERPLATE.search(attributes):
            self.skip_stack.append(tag)
            return
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if self.skip_stack:
            if tag in self.skip_stack:
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
            return
        if tag in ("td", "th"):
            self.parts.append("，")
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if not self.skip_stack:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def main_text(html: str) -> str:
    """The readable main text of `html`, one block per line, the page title first."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    body = "".join(parser.parts)
    lines = [line.strip(" ，") for line in body.split("\n")]
    title = " ".join("".join(parser.title).split())
    text = "\n".join(line for line in lines if line)
    return (title + "\n" + text) if title and not text.startswith(title) else text


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)


def html_encoding(data: bytes) -> str | None:
    """The encoding a page declares in its first 4 KB, if any."""
    match = META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    return "gb18030" if name in ("gb2312", "gbk", "gb18030", "x-gbk") else name
