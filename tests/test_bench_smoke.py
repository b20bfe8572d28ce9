"""The benchmark still runs: `bench/run.py --quick --no-write` exits 0 with every scenario.

Not a timed test: the numbers are ignored, only that every scenario produced a row
with samples (a benchmark nobody can run rots quietly).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
RUN = REPO / "bench" / "run.py"
LIMIT = 900  # seconds: only a runner that hangs reaches this

# (scenario, words of its measure) of every row run.py prints.
ROWS = [
    ("cold start", "hello-world"),
    ("cold start", "overview with data"),
    ("10,000 rows table", "pl.read_csv"),
    ("10,000 rows table", "table painted"),
    ("10,000 rows table", "interactive"),
    ("10,000 rows table", "all 10,000 rows"),
    ("10,000 rows table", "handed to the table"),
    ("10,000 rows table", "first open (no cached reports): first rows painted"),
    ("10,000 rows table", "first open: all 10,000 rows"),
    ("filter as you type, 1,000 rows", "filtered table painted"),
    ("filter as you type, 1,000 rows", "echo"),
    ("filter as you type, 10,000 rows", "filtered table painted"),
    ("filter as you type, 10,000 rows", "echo"),
    ("filter as you type, 10,000 rows", "polars alone"),
    ("scrolling, 10,000 rows", "down"),
    ("scrolling, 10,000 rows", "pagedown"),
    ("scrolling, 10,000 rows", "end"),
    ("scrolling, 10,000 rows", "home"),
    ("scrolling, 10,000 rows", "pageup"),
    ("memory, 10,000 rows", "baseline"),
    ("memory, 10,000 rows", "peak RSS"),
    ("live reload", "memory once the table is shown"),
    ("live reload", "memory after 20 reloads"),
    ("100 sparklines", "mount"),
    ("100 sparklines", "new data"),
    ("VisiData", ""),
]


@pytest.mark.skipif(sys.platform == "win32", reason="the benchmark uses a pseudo-terminal")
def test_quick_benchmark_runs(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "ECONDASH"))}
    env["ECONDASH_HOME"] = str(tmp_path / "home")
    env["TMPDIR"] = str(tmp_path)  # its scratch data goes with the test's folder
    # No tight timeout (a busy machine is slow, not broken); the runner's scenarios end
    # with it (bench/run.py), and its whole process group is killed if it overstays.
    with subprocess.Popen([sys.executable, str(RUN), "--quick", "--no-write"], cwd=tmp_path,
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          start_new_session=True) as runner:
        try:
            stdout, stderr = runner.communicate(timeout=LIMIT)
        except subprocess.TimeoutExpired:
            os.killpg(runner.pid, signal.SIGKILL)
            stdout, stderr = runner.communicate()
    assert runner.returncode == 0, stdout[-3000:] + stderr[-3000:]
    lines = [line for line in stdout.splitlines() if line.startswith("| ")]
    for scenario, measure in ROWS:
        found = [line for line in lines
                 if line.startswith(f"| {scenario}") and measure in line]
        assert found, f"no row for {scenario} / {measure} in:\n{stdout}"
        cells = [cell.strip() for cell in found[0].strip("|").split("|")]
        if scenario != "VisiData":
            assert int(cells[2]) > 0, f"no samples: {found[0]}"
    assert "FAILED" not in stdout
