"""econdash benchmark: ratios measured in one run, each measurement in a fresh process.

    python bench/run.py [--quick] [--repeats N] [--rows N] [--no-write] [--headless]

Generates the demo datasets once (in a temporary folder outside the repository),
runs every scenario of bench/scenario.py `--repeats` times in fresh processes
(interleaved, so a busy moment of the machine hits every scenario alike), prints
a markdown table of medians and p95s beside the targets, and writes it with the
machine's description to bench/RESULTS.md. A hand-written analysis below the
`ANALYSIS_MARKER` line of an existing RESULTS.md is kept.

This is not a test: nothing here fails because a number is slow. `--quick`
(10k rows, 2 repeats) is what tests/test_bench_smoke.py runs so the script keeps
working; its numbers mean little.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SRC = REPO / "src"
if (SRC / "econdash").is_dir():
    sys.path.insert(0, str(SRC))

RESULTS = HERE / "RESULTS.md"
ANALYSIS_MARKER = "<!-- analysis: text below this line is kept when run.py rewrites the file -->"
SIZE = (120, 36)


# ---- running one measurement --------------------------------------------------------


@dataclass
class Run:
    """One child process: when it was spawned and what it reported."""

    spawned: float
    result: dict

    def since_spawn(self, key: str) -> float:
        """Seconds from spawning the process to the child's timestamp `key`."""
        return self.result[key] - self.spawned


class ChildFailed(Exception):
    pass


def spawn(args: list[str], *, headless: bool, timeout: float, env: dict[str, str]) -> Run:
    """Run `scenario.py ARGS` in a fresh process (under a 120x36 pty unless headless)."""
    read_end, write_end = os.pipe()
    command = [sys.executable, str(HERE / "scenario.py"), *args, "--result-fd", str(write_end)]
    output = bytearray()
    master = None
    if headless:
        command.append("--headless")
        streams = dict(stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    else:
        import fcntl
        import pty
        import struct
        import termios
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        streams = dict(stdin=slave, stdout=slave, stderr=slave)  # Textual writes to stderr
    spawned = time.perf_counter()
    process = subprocess.Popen(command, pass_fds=(write_end,), env=env, cwd=REPO,
                               start_new_session=True, preexec_fn=_die_with_parent, **streams)
    os.close(write_end)
    if master is not None:
        os.close(slave)
    source = master if master is not None else process.stdout.fileno()
    drain = threading.Thread(target=_drain, args=(source, output), daemon=True)
    drain.start()
    line = _read_line(read_end, timeout)
    try:
        code = process.wait(timeout=max(timeout - (time.perf_counter() - spawned), 5))
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        process.wait()
        code = "killed after timeout"
    drain.join(timeout=5)
    if master is not None:
        os.close(master)
    if code != 0 or not line:
        raise ChildFailed(f"scenario.py {' '.join(args)} failed ({code}):\n"
                          + _plain_tail(bytes(output)))
    return Run(spawned, json.loads(line))


def _die_with_parent() -> None:
    """In a scenario's process: end it when this runner ends, however it ends (killed by a
    timeout included; a scenario left behind kept a core busy). Linux only."""
    try:
        import ctypes
        import signal
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _drain(fd: int, into: bytearray) -> None:
    """Read the child's terminal (or pipe) so it never blocks on a full buffer."""
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            return
        if not data:
            return
        into.extend(data)


def _read_line(fd: int, timeout: float) -> str:
    result: list[str] = []

    def read() -> None:
        with os.fdopen(fd, "r", encoding="utf-8") as handle:
            result.append(handle.readline())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout)
    return result[0] if result else ""


def _plain_tail(data: bytes, lines: int = 40) -> str:
    """The end of what the child wrote, without terminal escape sequences."""
    import re
    text = re.sub(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]", "",
                  data.decode("utf-8", "replace"))
    kept = [line.rstrip() for line in text.replace("\r", "\n").splitlines() if line.strip()]
    return "\n".join(kept[-lines:])


# ---- statistics ---------------------------------------------------------------------------


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile (with 5 samples: the largest)."""
    ordered = sorted(values)
    return ordered[max(math.ceil(0.95 * len(ordered)) - 1, 0)]


# ---- the plan --------------------------------------------------------------------------


@dataclass
class Samples:
    """Samples of every measure, by name."""

    values: dict[str, list[float]] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, *values: float) -> None:
        self.values.setdefault(name, []).extend(values)

    def get(self, name: str) -> list[float]:
        return self.values.get(name, [])


@dataclass
class Job:
    """One scenario run per repeat and how its report becomes samples."""

    key: str
    args: list[str]
    collect: Callable[[Run, Samples], None]
    fresh_home: bool = False  # a new ECONDASH_HOME each run: no snapshot, no settings


def plan(data: dict[str, Path], rows: int, filter_rows: list[int]) -> list[Job]:
    big = data[f"rows{rows}"]
    csv = next(big.glob("*/enterprises.csv"))

    def hello(run: Run, s: Samples) -> None:
        s.add("hello_s", run.since_spawn("frame"))

    def start(run: Run, s: Samples) -> None:
        s.add("start_s", run.since_spawn("frame"))
        s.add("start_loaded_s", run.since_spawn("loaded"))
        s.add("start_from_snapshot", 1.0 if run.result.get("snapshot") else 0.0)

    def first_start(run: Run, s: Samples) -> None:
        s.add("first_start_s", run.since_spawn("frame"))

    def big_table(run: Run, s: Samples) -> None:
        s.add("rows_first_s", run.since_spawn("first"))
        s.add("rows_interactive_s", run.since_spawn("interactive"))
        s.add("rows_painted_s", run.since_spawn("frame"))
        s.add("rows_rss_mb", run.result["rss_mb"])
        if "handed_ms" in run.result:  # (missing: the roster never reached set_frame whole)
            s.add("rows_handed_ms", run.result["handed_ms"])
        for key, values in run.result["scroll"].items():
            s.add(f"scroll_{key}_ms", *values)

    def big_table_first_open(run: Run, s: Samples) -> None:
        s.add("rows_first_cold_s", run.since_spawn("first"))
        s.add("rows_painted_cold_s", run.since_spawn("frame"))

    def read(run: Run, s: Samples) -> None:
        s.add("read_s", run.since_spawn("frame"))

    def read_tp(run: Run, s: Samples) -> None:
        s.add("baseline_rss_mb", run.result["rss_mb"])

    def typing(n: int) -> Callable[[Run, Samples], None]:
        def collect(run: Run, s: Samples) -> None:
            for name in ("echo_ms", "filter_ms", "polars_ms", "polars_narrow_ms",
                         "polars_one_ms"):
                s.add(f"{name}_{n}", *run.result[name])
        return collect

    def reloads(run: Run, s: Samples) -> None:
        # RSS after any one reload varies by ±15% (when the allocator hands memory back),
        # so the first and the last reloads are each the median of three.
        shown, *after = run.result["rss_mb"]
        first, last = median(after[:3]), median(after[-3:])
        s.add("reload_shown_mb", shown)
        s.add("reload_first_mb", first)
        s.add("reload_last_mb", last)
        s.add("reload_ratio", last / first)

    def counts(run: Run, s: Samples) -> None:
        s.add("counts_ms", *run.result["counts_ms"])
        s.add("counts_polars_ms", *run.result["polars_ms"])
        s.add("counts_polars_econ_ms", *run.result["polars_econ_ms"])

    def sparks(run: Run, s: Samples) -> None:
        s.add("spark_mount_ms", run.result["mount_ms"])
        s.add("spark_update_ms", *run.result["update_ms"])

    jobs = [
        Job("hello", ["hello"], hello),
        Job("start", ["econ_start", "--data", str(data["bundled"])], start),
        Job("first_start", ["econ_start", "--data", str(data["bundled"])], first_start,
            fresh_home=True),
        Job("rows", ["econ_rows", "--data", str(big), "--rows", str(rows)], big_table),
        Job("rows_first_open", ["econ_rows", "--data", str(big), "--rows", str(rows)],
            big_table_first_open, fresh_home=True),
        Job("counts", ["counts", "--data", str(big), "--rows", str(rows)], counts),
        Job("read", ["read", "--csv", str(csv)], read),
        Job("read_tp", ["read_tp", "--csv", str(csv)], read_tp),
        Job("sparklines", ["sparklines"], sparks),
        Job("reloads", ["reloads", "--data", str(data["reload"]), "--rows",
                        str(data["reload_rows"])], reloads),
    ]
    for n in filter_rows:
        jobs.append(Job(f"filter{n}", ["filter", "--data", str(data[f"rows{n}"]), "--rows", str(n)],
                        typing(n)))
    return jobs


def visidata(csv: Path, repeats: int, samples: Samples, timeout: float) -> str | None:
    """VisiData loading the same file in batch mode (no screen), if `vd` is installed."""
    vd = shutil.which("vd")
    if vd is None:
        return None
    for _ in range(repeats):
        out = csv.parent / "vd-out.tsv"
        start = time.perf_counter()
        done = subprocess.run([vd, "-b", str(csv), "-o", str(out)], capture_output=True,
                              timeout=timeout)
        if done.returncode != 0:
            samples.failures["visidata"] = done.stderr.decode("utf-8", "replace")[-500:]
            return vd
        samples.add("vd_s", time.perf_counter() - start)
        out.unlink(missing_ok=True)
    return vd


# ---- report --------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    from importlib.metadata import version
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return {"cpus": str(os.cpu_count()), "model": model, "memory": memory,
            "os": platform.platform(), "python": platform.python_version(),
            "textual": version("textual"), "polars": version("polars"), "load": load}


def fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"
    return f"{value:.0f} MB"


@dataclass
class Row:
    scenario: str
    measure: str
    samples: list[float]
    unit: str
    target: str = ""
    met: str = ""


def rows_of(samples: Samples, rows: int, filter_rows: list[int], vd: str | None) -> list[Row]:
    s = samples.get
    table: list[Row] = []

    def med(name: str) -> float | None:
        return median(s(name)) if s(name) else None

    def verdict(ok: bool, detail: str) -> str:
        return ("yes" if ok else "**no**") + (f" ({detail})" if detail else "")

    def paired(a: str, b: str, combine: Callable[[float, float], float]) -> list[float]:
        """Per-repeat comparisons of two measures run one after the other (robust to a
        machine that gets busier or quieter during the run); [] if a run failed."""
        if not s(a) or len(s(a)) != len(s(b)):
            return []
        return [combine(x, y) for x, y in zip(s(a), s(b))]

    hello = med("hello_s")
    table.append(Row("cold start", "bare Textual hello-world: first frame", s("hello_s"), "s"))
    from_snapshot = int(sum(s("start_from_snapshot")))
    for key, measure in (
            ("start_s", "econdash, bundled dataset: overview with data (drawn from the "
                        f"snapshot of an earlier start in {from_snapshot} of "
                        f"{len(s('start_from_snapshot'))} runs)"),
            ("first_start_s", "econdash, first start (no snapshot yet): overview read from "
                              "the one-period dataset's report")):
        row = Row("cold start", measure, s(key), "s", "≤ 1.5 × hello-world")
        ratios = paired(key, "hello_s", lambda econ, bare: econ / bare)
        if hello and ratios:
            ratio = median(ratios)
            row.target += f" (= {1.5 * hello:.2f} s)"
            row.met = verdict(ratio <= 1.5, f"{ratio:.2f}×, median of the per-repeat ratios "
                              f"{min(ratios):.2f}-{max(ratios):.2f}×")
        table.append(row)
    table.append(Row("cold start", "econdash, bundled dataset: the loaded data on screen "
                     "(after the snapshot)", s("start_loaded_s"), "s"))

    label = f"{rows:,} rows"
    read = med("read_s")
    table.append(Row(f"{label} table", "polars only: import polars + pl.read_csv", s("read_s"),
                     "s"))
    def first_rows(key: str, measure: str) -> Row:
        """A 'first rows painted' row, judged against 1.0 s and against polars' read."""
        row = Row(f"{label} table", measure, s(key), "s", "≤ 1.0 s and ≤ polars read + 0.3 s")
        painted = med(key)
        gaps = paired(key, "read_s", lambda econ, bare: econ - bare)
        if painted is not None and read is not None and gaps:
            gap = median(gaps)
            row.target += f" (= {read + 0.3:.2f} s)"
            row.met = verdict(painted <= 1.0 and gap <= 0.3, f"{painted - 1.0:+.2f} s vs 1.0 s; "
                              f"{gap - 0.3:+.2f} s vs read + 0.3 s, median of the per-repeat "
                              "gaps")
        return row

    table.append(first_rows("rows_first_s", "econdash: enterprises table painted with the "
                            "file's first rows (the rest loading)"))
    table.append(Row(f"{label} table", "econdash: first key answered (interactive)",
                     s("rows_interactive_s"), "s"))
    table.append(Row(f"{label} table", f"econdash: all {label} in the table",
                     s("rows_painted_s"), "s"))
    table.append(Row(f"{label} table", f"econdash: all {label} handed to the table "
                     "(set_frame) to painted", s("rows_handed_ms"), "ms"))
    table.append(first_rows("rows_first_cold_s", "econdash, first open (no cached reports): "
                            "first rows painted"))
    table.append(Row(f"{label} table", f"econdash, first open: all {label} in the table",
                     s("rows_painted_cold_s"), "s"))

    for n in filter_rows:
        name = f"{n:,} rows"
        row = Row(f"filter as you type, {name}", "key to filtered table painted",
                  s(f"filter_ms_{n}"), "ms", "p50 ≤ 100 ms, p95 ≤ 200 ms")
        if s(f"filter_ms_{n}"):
            p50, top = median(s(f"filter_ms_{n}")), p95(s(f"filter_ms_{n}"))
            row.met = verdict(p50 <= 100 and top <= 200, f"p50 {p50 - 100:+.0f} ms, "
                              f"p95 {top - 200:+.0f} ms")
        table.append(row)
        row = Row(f"filter as you type, {name}", "key to echo in the search box",
                  s(f"echo_ms_{n}"), "ms", "p95 ≤ 50 ms")
        if s(f"echo_ms_{n}"):
            top = p95(s(f"echo_ms_{n}"))
            row.met = verdict(top <= 50, f"{top - 50:+.0f} ms")
        table.append(row)
        table.append(Row(f"filter as you type, {name}", "polars alone: the table's search "
                         "(5 columns, case-insensitive)", s(f"polars_ms_{n}"), "ms"))
        table.append(Row(f"filter as you type, {name}", "polars alone: the same, each key "
                         "narrowing the previous result", s(f"polars_narrow_ms_{n}"), "ms"))
        table.append(Row(f"filter as you type, {name}", "polars alone: "
                         "pl.col('enterprise').str.contains", s(f"polars_one_ms_{n}"), "ms"))

    row = Row(f"counts by column, {label}", "F to the counts painted (level, town, industry, "
              "programme, year)", s("counts_ms"), "ms", "≤ 500 ms")
    if s("counts_ms"):
        top = max(s("counts_ms"))
        row.met = verdict(top <= 500, f"slowest {top - 500:+.0f} ms")
    table.append(row)
    table.append(Row(f"counts by column, {label}", "polars alone: group_by(column).agg(len)"
                     ".sort, same columns", s("counts_polars_ms"), "ms"))
    table.append(Row(f"counts by column, {label}", "econdash's value_counts alone (nulls "
                     "last, shares, ties in value order)", s("counts_polars_econ_ms"), "ms"))

    for key in ("down", "pagedown", "end", "pageup", "home"):
        row = Row(f"scrolling, {label}", f"{key}: key to frame", s(f"scroll_{key}_ms"), "ms",
                  "p95 ≤ 50 ms")
        if s(f"scroll_{key}_ms"):
            top = p95(s(f"scroll_{key}_ms"))
            row.met = verdict(top <= 50, f"{top - 50:+.0f} ms")
        table.append(row)

    base, used = med("baseline_rss_mb"), med("rows_rss_mb")
    table.append(Row(f"memory, {label}", "baseline: import textual + polars, pl.read_csv",
                     s("baseline_rss_mb"), "MB"))
    row = Row(f"memory, {label}", "econdash peak RSS (table shown, scrolled)", s("rows_rss_mb"),
              "MB", "≤ 1.5 × baseline")
    if base and used:
        row.target += f" = {1.5 * base:.0f} MB"
        row.met = verdict(used <= 1.5 * base, f"{used / base:.2f}×")
    table.append(row)

    reload_rows = min(rows, RELOAD_ROWS)
    table.append(Row(f"live reload, {reload_rows:,} rows", "memory once the table is shown",
                     s("reload_shown_mb"), "MB"))
    table.append(Row(f"live reload, {reload_rows:,} rows", "memory after the first reloads "
                     "(old and new data held at once while one loads; median of reloads 1-3)",
                     s("reload_first_mb"), "MB"))
    row = Row(f"live reload, {reload_rows:,} rows", "memory after 20 reloads (median of "
              "reloads 18-20)", s("reload_last_mb"), "MB", "≤ 1.2 × after the first reloads")
    if s("reload_ratio"):
        ratio = median(s("reload_ratio"))
        row.met = verdict(ratio <= 1.2, f"{ratio:.2f}×")
    table.append(row)

    row = Row("100 sparklines × 120 points", "mount to painted", s("spark_mount_ms"), "ms",
              "≤ 500 ms")
    if s("spark_mount_ms"):
        m = median(s("spark_mount_ms"))
        row.met = verdict(m <= 500, f"{m - 500:+.0f} ms")
    table.append(row)
    table.append(Row("100 sparklines × 120 points", "new data for all 100 to painted",
                     s("spark_update_ms"), "ms"))

    if vd is None:
        table.append(Row(f"VisiData, {label}", "not installed (no `vd` on PATH)", [], "s"))
    elif "visidata" in samples.failures:
        table.append(Row(f"VisiData, {label}", "failed: " + samples.failures["visidata"][:80],
                         [], "s"))
    else:
        table.append(Row(f"VisiData, {label}", "vd -b FILE -o OUT.tsv (load + save, no screen)",
                         s("vd_s"), "s"))
    return table


def markdown(table: list[Row]) -> str:
    lines = ["| Scenario | Measure | n | median | p95 | Target | Met |",
             "| --- | --- | ---: | ---: | ---: | --- | --- |"]
    for row in table:
        if row.samples:
            cells = [str(len(row.samples)), fmt(median(row.samples), row.unit),
                     fmt(p95(row.samples), row.unit)]
        else:
            cells = ["0", "-", "-"]
        lines.append(f"| {row.scenario} | {row.measure} | " + " | ".join(cells)
                     + f" | {row.target} | {row.met} |")
    return "\n".join(lines)


METHOD = """\
## How each scenario measures

Every measurement is a fresh process: `bench/run.py` spawns `python bench/scenario.py NAME`
under a {width}x{height} pseudo-terminal ({mode}) and the child reports
`time.perf_counter()` timestamps (CLOCK_MONOTONIC, the same clock in both processes) on a
pipe; "from process start" is child timestamp minus the parent's timestamp just before
`Popen`, so interpreter start-up and every import are included (econdash's modules are
byte-compiled first, as `pip install` does for it and did for Textual and polars). A
*frame* is a call of Textual's `App._display` with a compositor update, i.e. the moment a
composed frame (as escape sequences) is handed to the driver's writer thread, which writes
it to the pty;
"frame showing X" is the first frame composed while X holds.
Both apps of a comparison are run the same way (`App.run()` with an `auto_pilot`
coroutine that only watches, sends keys and exits). Keys are sent as the terminal
driver sends them (`driver.send_message(events.Key(...))`), 50 ms apart, each after the
previous one is on screen.

- **cold start**: hello-world = `App` with one `Static`, until the frame containing it;
  econdash = what `econdash --data BUNDLED` does (`loading.begin`, then `EcondashApp`), until
  a frame contains the overview's cards (`KpiCards`) laid out. One untimed start first writes the
  overview snapshot (as any earlier use would), so the timed starts draw the cards from it
  and load the dataset after that frame; "loaded data on screen" is the frame where the
  loaded dataset is shown. "First start" runs each time with a new empty ECONDASH_HOME:
  no snapshot, so the cards come from the bundled dataset's one report.toml, read without
  polars (a dataset of several periods would wait for the load instead).
- **{rows} rows table**: `econdash demo-data` dataset (12 periods; the newest has a roster
  of {rows} rows, 12 columns, {csv_mb} MB) opened straight in section 5 (by a saved
  section). A table file this big is shown first with the rows in its first 256 KB (every
  report read in full, the rows checked as always; the status line says the rest is being
  read), then with all rows once the whole file is read and checked. Timed: the frame where
  the `FrameTable` is laid out with those first rows; `down` sent at once and the frame with
  the moved cursor ("interactive"); the frame with all rows, also timed from the moment
  the whole roster is handed to the table (`FrameTable.set_frame`: its columns measured
  and its view computed, then painted). One untimed run first, as a
  person who opened the dataset before (its parsed reports are cached); "first open" runs
  each time with a new empty ECONDASH_HOME. Compared with a process that imports polars and
  runs `pl.read_csv` on the same file (time to the end of the read).
- **filter as you type**: in section 5 (once its ladder and filters are in, as for
  scrolling), `/` then the search is typed a character at a
  time: `华达精工` (4 keys, as an IME commits them) and `huada` (5 keys, matching the
  English names). Echo = first frame whose search box holds the new text; filtered =
  first frame whose table holds a new view for that text (`FrameTable.view_frame`
  replaced). Compared with polars alone timing, in the same process, the table's
  predicate (`query_expr` over its 5 search columns) on the whole roster, the same
  predicate on the previous key's result (what the table does while the text grows),
  and a one-column `pl.col("enterprise").str.contains(text, literal=True)` on the whole roster.
- **scrolling**: in the {rows}-row table, 5 × `down`, 5 × `pagedown`, then `end`,
  `pageup`, `home` three times; key to the first frame with the cursor moved. Timed once
  the section's start-up work is done: all rows in, and the honour ladder and filter
  choices (which a big roster gets from a worker after its rows show) on screen. Keys pressed while those
  are put on screen (one filter a frame) wait for that frame: about 25 ms each.
- **counts by column**: in the {rows}-row table (once its ladder and filters are in, as
  for scrolling), the cursor on 级别 (level), then 镇 (town), 行业 (industry), 荣誉/项目
  (programme) and 年份 (year), `F` each time: key to the first frame showing the counts
  dialog with all its rows (a polars group_by in a worker); Esc between. Compared with
  polars alone, in the same process, `group_by(column).agg(pl.len()).sort(...)` on the
  frame the table shows, and econdash's own `value_counts` (shares, nulls last, ties in
  value order) without the screen.
- **memory**: peak RSS (`ru_maxrss`) of the {rows}-row process at its end, against a process
  that imports `textual.app` and polars and reads the same CSV.
- **sparklines**: a bare app with a 4-column `Grid`; 100 `Sparkline`s of 120 points are
  mounted (`mount_all`) and timed to the frame where all are laid out; then all 100 get new
  data ({updates} times), timed to the next frame.
- **VisiData**: `vd -b FILE -o OUT.tsv` on the same CSV when `vd` is on PATH.

Medians and nearest-rank p95 over all samples (keystrokes pooled over repeats; with 5
samples p95 is the largest). Repeats are interleaved across scenarios, and the two
comparisons with another process (cold start, table vs polars read) are judged per repeat
(each econdash run against the baseline run just before it) and the median taken, so a
machine that gets busier during the run does not tilt them. A target given as one number
is judged on the median, except echo and scrolling, judged on p95 (every keystroke should
feel immediate).
"""


def write_results(path: Path, table: list[Row], info: dict[str, str], args: argparse.Namespace,
                  details: dict[str, str], started: str, duration: float) -> None:
    kept = ""
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if ANALYSIS_MARKER in old:
            kept = old.split(ANALYSIS_MARKER, 1)[1]
    text = "\n".join([
        "# econdash benchmark results",
        "",
        f"Run {started} ({duration / 60:.1f} min) with "
        f"`python bench/run.py {' '.join(sys.argv[1:])}`.",
        "",
        f"Machine: {info['cpus']} CPUs ({info['model']}), {info['memory']} RAM, {info['os']}; "
        f"Python {info['python']}, Textual {info['textual']}, polars {info['polars']}. "
        f"Load average at start {details['load_start']}, at end {info['load']}.",
        "",
        markdown(table),
        "",
        METHOD.format(**details),
        ANALYSIS_MARKER,
    ]) + (kept if kept else "\n")
    path.write_text(text, encoding="utf-8")


# ---- main ----------------------------------------------------------------------------------


def compile_sources(env: dict[str, str]) -> None:
    """Byte-compile econdash and the scenarios first, as `pip install` does.

    Textual and polars are installed with their bytecode; a checkout's econdash is not,
    and with PYTHONDONTWRITEBYTECODE set (as on some CI machines) every start would
    compile it from source again: a cost no installed econdash has.
    """
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src"), str(HERE)],
                   env=env, check=False, stdout=subprocess.DEVNULL)


RELOAD_ROWS = 200_000
"""Roster rows of the live-reload memory scenario (the size the hostile test used; fewer
when the whole run uses fewer)."""


def make_data(root: Path, sizes: list[int], reload_rows: int) -> dict[str, Any]:
    from econdash.core.admin.demo.generate import write_demo_dataset
    from econdash.core.paths import bundled_dataset
    data: dict[str, Any] = {"bundled": bundled_dataset()}
    for n in sorted(set(sizes)):
        target = root / f"demo-{n}"
        write_demo_dataset(target, enterprises=n, projects=500, periods=12, indicators=40)
        data[f"rows{n}"] = target
    # Its own copy: the reload scenario writes a file into it.
    data["reload"] = root / "reload"
    write_demo_dataset(data["reload"], enterprises=reload_rows, projects=500, periods=2,
                       indicators=40)
    data["reload_rows"] = reload_rows
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k rows, 2 repeats (smoke test)")
    parser.add_argument("--repeats", type=int, help="runs per scenario (default 5; quick 2)")
    parser.add_argument("--rows", type=int, help="roster rows (default 1,000,000; quick 10,000)")
    parser.add_argument("--no-write", action="store_true", help="do not write bench/RESULTS.md")
    parser.add_argument("--headless", action="store_true",
                        help="run the apps headless instead of under a pseudo-terminal")
    parser.add_argument("--only", help="comma-separated job keys (hello,start,first_start,rows,"
                        "rows_first_open,counts,read,read_tp,sparklines,reloads,filterN) for a partial "
                        "run")
    parser.add_argument("--results", type=Path, default=RESULTS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    rows = args.rows or (10_000 if args.quick else 1_000_000)
    repeats = args.repeats or (2 if args.quick else 5)
    headless = args.headless or sys.platform == "win32"
    filter_rows = sorted({max(rows // 10, 1), rows})
    timeout = 120.0 if args.quick else 900.0
    started = dt.datetime.now().isoformat(timespec="seconds")
    clock = time.perf_counter()
    load_start = machine()["load"]

    with tempfile.TemporaryDirectory(prefix="econdash-bench-") as temp:
        root = Path(temp)
        print(f"Writing demo datasets ({', '.join(f'{n:,}' for n in filter_rows)} rows) "
              f"in {root} ...", file=sys.stderr, flush=True)
        data = make_data(root, filter_rows, min(rows, RELOAD_ROWS))
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "ECONDASH"))}
        env.update(ECONDASH_HOME=str(root / "home"), TERM="xterm-256color",
                   COLUMNS=str(SIZE[0]), LINES=str(SIZE[1]), PYTHONUNBUFFERED="1")
        compile_sources(env)
        jobs = plan(data, rows, filter_rows)
        if args.only:
            wanted = set(args.only.split(","))
            jobs = [job for job in jobs if job.key in wanted]
        samples = Samples()
        # A person has used econdash before: the overview snapshot and the parsed reports
        # of the datasets are in the user cache (first_start and rows_first_open run without).
        warm_ups = {"start": ["econ_start", "--data", str(data["bundled"])],
                    "rows": ["econ_rows", "--data", str(data[f"rows{rows}"]),
                             "--rows", str(rows)]}
        for key, warm_up in warm_ups.items():
            if not any(job.key == key for job in jobs):
                continue
            print(f"warming up: one untimed {key} run ...", file=sys.stderr, flush=True)
            try:
                spawn(warm_up, headless=headless, timeout=timeout, env=env)
            except ChildFailed as failure:
                samples.failures[key] = str(failure)
                print(failure, file=sys.stderr)
        for repeat in range(1, repeats + 1):
            for job in jobs:
                if job.key in samples.failures:
                    continue
                print(f"[{repeat}/{repeats}] {job.key} ...", file=sys.stderr, flush=True)
                run_env = env
                if job.fresh_home:
                    run_env = {**env, "ECONDASH_HOME": str(root / f"home-{job.key}-{repeat}")}
                try:
                    job.collect(spawn(job.args, headless=headless, timeout=timeout, env=run_env),
                                samples)
                except ChildFailed as failure:
                    samples.failures[job.key] = str(failure)
                    print(failure, file=sys.stderr)
        csv = next(data[f"rows{rows}"].glob("*/enterprises.csv"))
        vd = visidata(csv, repeats, samples, timeout)
        details = dict(width=SIZE[0], height=SIZE[1], rows=f"{rows:,}",
                       mode="headless" if headless else "a real terminal driver",
                       csv_mb=f"{csv.stat().st_size / 1e6:.0f}", updates=5,
                       load_start=load_start)

    table = rows_of(samples, rows, filter_rows, vd)
    print(markdown(table))
    for key, failure in samples.failures.items():
        print(f"\nFAILED {key}: {failure}")
    if not args.no_write:
        write_results(args.results, table, machine(), args, details, started,
                      time.perf_counter() - clock)
        print(f"\nWrote {args.results}", file=sys.stderr)
    return 1 if any(k != "visidata" for k in samples.failures) else 0


if __name__ == "__main__":
    sys.exit(main())
