"""Extraction: from a report as received (.docx, .txt, .html, .pdf) to a draft period.

Textual-free. `readers` reads files, `chinese`/`segments`/`spans` prepare the
text, `patterns`/`figures`/`names` find figures, `honours` makes tiers and
named rows, `ids` continues series, `writer` writes the period, `run` ties it
together for the CLI. See docs/extract.md.
"""
