"""Render the README's pictures of the dashboard: docs/screenshots/*.png (and their SVGs).

Run from the repository root:  .venv/bin/python scripts/screenshots.py

Set-up (once): the PNGs need `rsvg-convert` and a monospace font whose Chinese glyphs
are exactly two cells wide and whose Latin letters and box-drawing lines are exactly
one, so borders stay straight: Noto Sans Mono CJK SC, from Debian's `fonts-noto-cjk`
(`sudo apt-get install fonts-noto-cjk librsvg2-bin`). The script installs them with
apt-get when it runs as root and they are missing, and otherwise says what to install.

Textual writes the SVG (`app.save_screenshot`) for Fira Code, which has no Chinese: a
renderer then draws Chinese in some other font, whose glyphs are not two cells wide,
and every line with Chinese in it pushes the box border after it out of line. So the
SVG is rewritten so each character sits at its own cell: Latin letters and box lines
in DejaVu Sans Mono (one cell wide; Noto's box lines are two), each Chinese character
in Noto Sans Mono CJK SC at the size where it is exactly two cells wide.
"""

from __future__ import annotations

import asyncio
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from rich.cells import cell_len

from econdash.core.loaders import load_dataset
from econdash.core.paths import bundled_dataset, bundled_examples
from econdash.tui.app import EcondashApp

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
FONT = "Noto Sans Mono CJK SC"
PACKAGES = ["fonts-noto-cjk", "librsvg2-bin"]
CELL = 12.2  # Rich's cell width in the SVG (font size 20 × aspect 0.61)
SHOTS = [  # (file name, dataset, language, keys, size)
    ("overview", "seed", "zh", [], (120, 36)),
    ("indicators", "seed", "zh", ["2"], (120, 36)),
    ("enterprises", "seed", "zh", ["5"], (120, 36)),
    ("enterprises-en", "seed", "en", ["5"], (120, 36)),
    ("compare", "three-cities", "zh", ["c"], (120, 36)),
]


def set_up() -> str:
    """The path of rsvg-convert, once the font and it are installed (or an exit)."""
    def ready() -> bool:
        fonts = subprocess.run(["fc-list", FONT], capture_output=True, text=True).stdout
        return bool(fonts.strip()) and shutil.which("rsvg-convert") is not None
    if not ready() and shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", *PACKAGES], check=True)
    if not ready():
        sys.exit(f"screenshots need the font {FONT!r} and rsvg-convert: "
                 f"sudo apt-get install {' '.join(PACKAGES)}")
    return shutil.which("rsvg-convert")  # type: ignore[return-value]


TEXT = re.compile(r'<text class="([^"]*)" x="([\d.]+)" y="([\d.]+)" textLength="[^"]*" '
                  r'clip-path="([^"]*)">([^<]*)</text>')
WIDE_STYLE = f"font-family: '{FONT}'; font-size: {2 * CELL:g}px"


def for_cjk_font(svg: str) -> str:
    """Textual's SVG with every character at its own cell: Latin letters and box lines in
    a Latin monospace font one cell wide, each Chinese character in FONT at the size
    that makes it exactly two cells wide."""
    svg = re.sub(r"font-family:[^;]*;", f'font-family: "DejaVu Sans Mono", "{FONT}", monospace;',
                 svg)
    return TEXT.sub(_per_cell, svg)


def _per_cell(match: re.Match[str]) -> str:
    css, x, y, clip, text = match.groups()
    out, cell = [], 0
    for char in html.unescape(text):
        width = cell_len(char)
        if not char.isspace():
            style = f' style="{WIDE_STYLE}"' if width == 2 else ""
            out.append(f'<text class="{css}" x="{float(x) + cell * CELL:.1f}" y="{y}"{style} '
                       f'clip-path="{clip}">{html.escape(char)}</text>')
        cell += width
    return "".join(out)


async def shoot(name: str, source: str, lang: str, keys: list[str],
                size: tuple[int, int]) -> Path:
    root = bundled_dataset() if source == "seed" else bundled_examples() / source
    app = EcondashApp(dataset=load_dataset(root), lang=lang)
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.5)
        path = OUT / f"{name}.svg"
        app.save_screenshot(str(path))
    path.write_text(for_cjk_font(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def main() -> int:
    converter = set_up()
    OUT.mkdir(parents=True, exist_ok=True)
    for shot in SHOTS:
        svg = asyncio.run(shoot(*shot))
        png = svg.with_suffix(".png")
        subprocess.run([converter, "-o", str(png), str(svg)], check=True)
        print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
