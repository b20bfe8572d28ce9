"""The dashboard's sections, in the order of their number keys (1-6).

The one list: the App's modes and keys, the top bar and the remembered section
(settings.toml) all come from it. Textual-free and import-free.
"""

from __future__ import annotations

SECTIONS = ("overview", "indicators", "growth", "projects", "enterprises", "history")
"""Section names, in key order: key 1 is the overview."""
