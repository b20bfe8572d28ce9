"""Write an SVG (and a PNG where rsvg-convert exists) of each section to screenshots/.

Run from the repository root: python scripts/screenshots.py
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from pathlib import Path

from econdash.tui.app import EcondashApp
from econdash.core.loaders import load_dataset
from econdash.core.paths import bundled_dataset, bundled_examples

OUT = Path(__file__).resolve().parents[1] / "screenshots"
SHOTS = [  # (file name, dataset, language, keys, size)
    ("overview", "seed", "zh", [], (120, 36)),
    ("overview-80x24", "seed", "zh", [], (80, 24)),
    ("indicators", "seed", "zh", ["2"], (120, 36)),
    ("growth", "seed", "zh", ["3"], (120, 36)),
    ("projects", "seed", "zh", ["4"], (120, 36)),
    ("enterprises", "seed", "zh", ["5"], (120, 36)),
    ("enterprises-en", "seed", "en", ["5"], (120, 36)),
    ("help", "seed", "zh", ["question_mark"], (120, 36)),
    ("three-cities-overview", "three-cities", "zh", [], (120, 36)),
    ("three-cities-compare", "three-cities", "zh", ["c"], (120, 36)),
]


async def shoot(name: str, source: str, lang: str, keys: list[str], size: tuple[int, int]) -> Path:
    root = bundled_dataset() if source == "seed" else bundled_examples() / source
    app = EcondashApp(dataset=load_dataset(root), lang=lang)
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        path = OUT / f"{name}.svg"
        app.save_screenshot(str(path))
    return path


def main() -> int:
    OUT.mkdir(exist_ok=True)
    converter = shutil.which("rsvg-convert")
    for shot in SHOTS:
        svg = asyncio.run(shoot(*shot))
        if converter:
            subprocess.run([converter, "-o", str(svg.with_suffix(".png")), str(svg)], check=True)
        print(f"wrote {svg}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
