"""One benchmark measurement in a fresh process; prints (or writes to --result-fd) one JSON line.

    python bench/scenario.py NAME [--data PATH] [--csv PATH] [--rows N] [--result-fd FD]
                                  [--headless] [--profile FILE]

Times are `time.perf_counter()` values (CLOCK_MONOTONIC on Linux, shared by every
process), so the parent subtracts the moment it spawned this process to get
"from process start". A *frame* is one call of `App._display` with a compositor
update: the moment Textual hands a finished frame to its driver's writer thread (which
writes it to the pty when run under one; --headless composes it but writes nothing).
"Frame showing X" = the first frame composed while X holds; every state change below is
synchronous with the widget's refresh, so that frame contains it. Keys are sent the way Textual's driver sends
them (`driver.send_message(events.Key)`), without the parser's few microseconds.

Scenarios: hello, econ_start, econ_rows, filter, counts, reloads, read, read_tp, sparklines.
"""

import time  # noqa: E402 - the docstring above costs nothing; the clock starts here

T_TOP = time.perf_counter()  # before any other import

import argparse  # noqa: E402
import asyncio  # noqa: E402
import gc  # noqa: E402
import inspect  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
if (REPO / "src" / "econdash").is_dir():  # run from a checkout: use its econdash
    sys.path.insert(0, str(REPO / "src"))

WAIT_SECONDS = 300.0
CHINESE_QUERY = "华达精工"  # typed one character at a time (as an IME commits them)
ASCII_QUERY = "huada"  # the English names: case-insensitive ASCII search
SCROLL_KEYS = ["down"] * 5 + ["pagedown"] * 5 + ["end", "pageup", "home"] * 3
SPARK_COUNT, SPARK_POINTS, SPARK_UPDATES = 100, 120, 5


RELOADS = 20


def rss_mb() -> float:
    """Resident set size of this process now (Linux; else the peak)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return peak_rss_mb()
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def peak_rss_mb() -> float:
    """Peak resident set size of this process (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---- frames --------------------------------------------------------------------------


class Probe:
    """Wraps `app._display` to timestamp frames and check conditions as each is shown."""

    def __init__(self, app: Any) -> None:
        self.frames = 0
        self._waiters: list[tuple[Callable[[], bool], list[float]]] = []
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None:
                return
            now = time.perf_counter()
            self.frames += 1
            for waiter in list(self._waiters):
                condition, found = waiter
                try:
                    ok = condition()
                except Exception:  # noqa: BLE001 - e.g. a widget not mounted yet
                    ok = False
                if ok:
                    found.append(now)
                    self._waiters.remove(waiter)

        app._display = display

    def watch(self, condition: Callable[[], bool]) -> list[float]:
        """Start watching: the returned list gets the time of the first frame where it holds."""
        found: list[float] = []
        self._waiters.append((condition, found))
        return found

    async def wait(self, found: list[float], what: str) -> float:
        deadline = time.perf_counter() + WAIT_SECONDS
        while not found:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"no frame showing {what} within {WAIT_SECONDS:.0f} s")
            await asyncio.sleep(0.001)
        return found[0]


def send_key(app: Any, key: str) -> float:
    """Send a key as the driver would; returns the time it was sent."""
    import unicodedata

    from textual import events
    from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        char = key if len(key) == 1 else None
    event = events.Key(key, char)
    event.set_sender(app)
    sent = time.perf_counter()
    app._driver.send_message(event)
    return sent


async def settle(app: Any, seconds: float = 0.3) -> None:
    """Let startup work (workers, deferred refreshes) finish before timing keys."""
    await app.workers.wait_for_complete()
    await asyncio.sleep(seconds)


def run_app(app: Any, pilot: Callable, args: argparse.Namespace) -> None:
    if args.headless:
        app.run(headless=True, size=(120, 36), auto_pilot=pilot)
    else:
        app.run(auto_pilot=pilot)


# ---- the apps --------------------------------------------------------------------------


def econ_app(data: Path, section: str, watch: bool = False) -> Any:
    """The app as `econdash --data DATA` builds it: the load (or the overview snapshot) is
    started before Textual is imported."""
    from econdash.core.paths import DatasetChoice
    from econdash.core.startup import begin
    home = os.environ.get("ECONDASH_HOME")  # run.py points it into its temporary folder
    folder = Path(home) if home else Path(tempfile.mkdtemp(prefix="econdash-bench-"))
    settings = folder / f"settings-{os.getpid()}.toml"
    # As a person's saved settings (plain write: the bench's own set-up, not timed work).
    folder.mkdir(parents=True, exist_ok=True)
    settings.write_text(f'section = "{section}"\n', encoding="utf-8")
    gc.disable()  # as `econdash` does until the first frame (cli.run_dashboard)
    startup = begin(data, section)
    from econdash.tui.app import EcondashApp

    class BenchApp(EcondashApp):
        # Only so the CSS is found (CSS_PATH is relative to the file of the class); the
        # section is opened by the saved settings, as for a user.
        CSS_PATH = str(Path(inspect.getfile(EcondashApp)).parent / EcondashApp.CSS_PATH)

    return BenchApp(DatasetChoice(data, "--data"), settings_file=settings, startup=startup,
                    watch=watch)


def table_of(app: Any) -> Any:
    from econdash.tui.widgets.frame_table import FrameTable
    return app.screen.query_one(FrameTable)


def frames_handed(rows: int) -> list[float]:
    """Times of `FrameTable.set_frame` calls with a frame of `rows` rows, from now on
    (the method is wrapped in this process; call it once the app is built, so that
    Textual is still imported after the load has started, as `econdash` does)."""
    from econdash.tui.widgets.frame_table import FrameTable
    calls: list[float] = []
    original = FrameTable.set_frame

    def set_frame(self: Any, frame: Any, columns: Any = None) -> None:
        if frame.height == rows:
            calls.append(time.perf_counter())
        original(self, frame, columns)

    FrameTable.set_frame = set_frame
    return calls


def table_painted(app: Any, rows: int | None = None) -> bool:
    """Section 5's table is laid out with all `rows` of the loaded roster (None: with its
    first rows, as the preview of a big file shows them while the rest loads)."""
    if not app.loaded:
        return False
    count = table_of(app).total_count
    return (count > 0 if rows is None else count == rows) and shows(table_of(app))


def summary_shown(app: Any) -> bool:
    """Section 5's ladder and every filter's choices are in: a big roster's are summarised
    after all its rows show, and the keys timed after this are not competing with that."""
    from econdash.tui.screens.enterprises import LadderTree
    from econdash.tui.widgets.filter_bar import FilterBar
    screen = app.screen
    bar = screen.query_one(FilterBar)
    return bool(screen.query_one(LadderTree).root.children) and all(
        bar.options_of(column) or not app.current_period.enterprises[column].drop_nulls().len()
        for column in screen.SPEC.filters)


def shows(widget: Any) -> bool:
    """The widget is laid out on screen (so the frame being shown contains it)."""
    return widget.is_mounted and widget.region.area > 0


# ---- scenarios -----------------------------------------------------------------------------


def scenario_hello(args: argparse.Namespace) -> dict:
    """A bare Textual hello-world app: process start to its first frame."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Hello(App):
        def compose(self) -> ComposeResult:
            yield Static("Hello, World!", id="hello")

    app = Hello()
    probe = Probe(app)
    found = probe.watch(lambda: shows(app.query_one("#hello")))
    result: dict = {}

    async def pilot(_pilot: Any) -> None:
        result["frame"] = await probe.wait(found, "hello")
        result["done"] = True
        app.exit()

    run_app(app, pilot, args)
    return result


def scenario_econ_start(args: argparse.Namespace) -> dict:
    """econdash on a dataset: process start to the overview painted with its cards (from
    the snapshot of an earlier run when there is one), and to the loaded data shown."""
    from econdash.tui.widgets.kpi_card import KpiCards
    app = econ_app(args.data, "overview")
    probe = Probe(app)
    found = probe.watch(lambda: any(shows(c) and c.cards for c in app.screen.query(KpiCards)))
    loaded = probe.watch(lambda: app.dataset is not None
                         and any(shows(c) and c.cards for c in app.screen.query(KpiCards)))
    result: dict = {"snapshot": app.preview is not None}

    async def pilot(_pilot: Any) -> None:
        result["frame"] = await probe.wait(found, "the overview cards")
        result["loaded"] = await probe.wait(loaded, "the loaded overview")
        await settle(app, 0.05)  # the snapshot for the next start is written
        result["done"] = True
        app.exit()

    run_app(app, pilot, args)
    return result


def scenario_econ_rows(args: argparse.Namespace) -> dict:
    """econdash opening in the enterprises section: table painted, interactive, scrolling."""
    app = econ_app(args.data, "enterprises")
    handed = frames_handed(args.rows)
    probe = Probe(app)
    first = probe.watch(lambda: table_painted(app))
    painted = probe.watch(lambda: table_painted(app, args.rows))
    result: dict = {"scroll": {}}

    async def pilot(_pilot: Any) -> None:
        result["first"] = await probe.wait(first, "the enterprises table's first rows")
        table = table_of(app)
        # Interactive: a key sent the moment the table shows is answered in this frame.
        moved = probe.watch(lambda: table.cursor_row == 1)
        sent = send_key(app, "down")
        result["interactive"] = await probe.wait(moved, "the cursor on row 2")
        result["first_key_ms"] = (result["interactive"] - sent) * 1000
        result["frame"] = await probe.wait(painted, "all rows in the enterprises table")
        # The table's own share: the whole roster handed to it (columns measured, view
        # computed) until the frame that shows it.
        if handed:
            result["handed_ms"] = (result["frame"] - handed[0]) * 1000
        if not summary_shown(app):  # (a small roster's are in with the table)
            await probe.wait(probe.watch(lambda: summary_shown(app)), "the ladder and filters")
        await settle(app)
        for key in SCROLL_KEYS:
            before = table.cursor_row
            moved = probe.watch(lambda: table.cursor_row != before)
            sent = send_key(app, key)
            shown = await probe.wait(moved, f"the cursor moved by {key}")
            result["scroll"].setdefault(key, []).append((shown - sent) * 1000)
            await asyncio.sleep(0.05)
        result["done"] = True
        app.exit()

    run_app(app, pilot, args)
    result["rss_mb"] = peak_rss_mb()
    return result


def scenario_filter(args: argparse.Namespace) -> dict:
    """Typing into the enterprises search: key to echo, key to filtered table; polars alone."""
    from textual.widgets import Input

    from econdash.core.query.filtering import query_expr
    app = econ_app(args.data, "enterprises")
    probe = Probe(app)
    painted = probe.watch(lambda: table_painted(app, args.rows))
    result: dict = {"echo_ms": [], "filter_ms": [], "polars_ms": [], "polars_narrow_ms": [],
                    "polars_one_ms": [], "counts": []}

    async def type_query(query: str) -> None:
        table = table_of(app)
        search = app.screen.query_one(".filter-search", Input)
        focused = probe.watch(lambda: app.screen.focused is search)
        send_key(app, "/")
        await probe.wait(focused, "the search box focused")
        await asyncio.sleep(0.05)
        for end in range(1, len(query) + 1):
            prefix = query[:end]
            view = table.view_frame
            echo = probe.watch(lambda: search.value == prefix)
            filtered = probe.watch(lambda: table.view_frame is not view and search.value == prefix)
            sent = send_key(app, query[end - 1])
            result["echo_ms"].append((await probe.wait(echo, f"{prefix!r} echoed") - sent) * 1000)
            shown = await probe.wait(filtered, f"rows matching {prefix!r}")
            result["filter_ms"].append((shown - sent) * 1000)
            result["counts"].append(table.row_count)
            await asyncio.sleep(0.05)
        cleared = probe.watch(lambda: search.value == "" and table.row_count == args.rows)
        send_key(app, "escape")
        await probe.wait(cleared, "the search cleared")
        await settle(app, 0.1)

    async def pilot(_pilot: Any) -> None:
        await probe.wait(painted, "the enterprises table")
        if not summary_shown(app):  # (a small roster's are in with the table)
            await probe.wait(probe.watch(lambda: summary_shown(app)), "the ladder and filters")
        await settle(app)
        for query in (CHINESE_QUERY, ASCII_QUERY):
            await type_query(query)
        # The same searches with polars alone, on the frame the table shows.
        import polars as pl
        frame = app.current_period.enterprises
        columns = list(type(app.screen).SPEC.search_columns)
        for query in (CHINESE_QUERY, ASCII_QUERY):
            for end in range(1, len(query) + 1):
                prefix = query[:end]
                start = time.perf_counter()
                frame.filter(query_expr(frame.schema, prefix, columns, {}))
                result["polars_ms"].append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                frame.filter(pl.col("enterprise").str.contains(prefix, literal=True))
                result["polars_one_ms"].append((time.perf_counter() - start) * 1000)
            # What the table does since it narrows: each prefix filters the previous result.
            base = frame
            for end in range(1, len(query) + 1):
                start = time.perf_counter()
                base = base.filter(query_expr(frame.schema, query[:end], columns, {}))
                result["polars_narrow_ms"].append((time.perf_counter() - start) * 1000)
        result["done"] = True
        app.exit()

    run_app(app, pilot, args)
    return result


COUNT_COLUMNS = ("level", "town", "industry", "__programme", "year")
"""The table columns `F` is pressed on, each once: few values (level) to many (town);
`__programme` is the programme as shown (in the interface language)."""


def scenario_counts(args: argparse.Namespace) -> dict:
    """Counts by column (`F`) on the enterprises table: key to the frame showing the counts;
    then polars alone doing the same group_by on the same frame."""
    from econdash.core.query.column_stats import value_counts
    from econdash.tui.screens.column_counts import ColumnCountsScreen
    app = econ_app(args.data, "enterprises")
    probe = Probe(app)
    painted = probe.watch(lambda: table_painted(app, args.rows))
    result: dict = {"counts_ms": [], "polars_ms": [], "polars_econ_ms": [], "columns": []}

    def counts_shown() -> bool:
        screen = app.screen
        return (isinstance(screen, ColumnCountsScreen) and screen.counts is not None
                and table_of(app).row_count == screen.counts.height)

    async def pilot(_pilot: Any) -> None:
        await probe.wait(painted, "the enterprises table")
        if not summary_shown(app):
            await probe.wait(probe.watch(lambda: summary_shown(app)), "the ladder and filters")
        await settle(app)
        table = table_of(app)
        keys = [c.key for c in table.columns]
        for column in COUNT_COLUMNS:
            if column not in keys:
                continue
            table.cursor_column = keys.index(column)
            await asyncio.sleep(0.05)
            shown = probe.watch(counts_shown)
            sent = send_key(app, "F")
            result["counts_ms"].append((await probe.wait(shown, f"counts of {column}") - sent)
                                       * 1000)
            result["columns"].append(column)
            closed = probe.watch(lambda: not isinstance(app.screen, ColumnCountsScreen))
            send_key(app, "escape")
            await probe.wait(closed, "the counts closed")
            await settle(app, 0.1)
        # The same counts with polars alone, on the frame the table shows.
        import polars as pl
        frame = table.view_frame
        for column in result["columns"]:
            start = time.perf_counter()
            frame.group_by(column).agg(pl.len()).sort("len", descending=True)
            result["polars_ms"].append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            value_counts(frame, column)
            result["polars_econ_ms"].append((time.perf_counter() - start) * 1000)
        result["done"] = True
        app.exit()

    run_app(app, pilot, args)
    return result


def scenario_reloads(args: argparse.Namespace) -> dict:
    """Live reload: memory once the dataset is shown, then after each of RELOADS reloads
    (a file of the dataset rewritten, as an editor's autosave or a sync client does)."""
    app = econ_app(args.data, "enterprises", watch=True)
    type(app).RELOAD_SECONDS = 0.2  # (the app polls every 2 s: the same reloads, sooner)
    probe = Probe(app)
    painted = probe.watch(lambda: table_painted(app, args.rows))
    result: dict = {"rss_mb": []}
    note = args.data / "notes.txt"

    async def pilot(_pilot: Any) -> None:
        await probe.wait(painted, "the enterprises table")
        await settle(app, 0.5)
        result["rss_mb"].append(rss_mb())
        for number in range(RELOADS):
            shown = app.dataset
            note.write_text(f"edit {number}\n", encoding="utf-8")
            deadline = time.perf_counter() + WAIT_SECONDS
            while app.dataset is shown:
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"reload {number + 1} did not happen")
                await asyncio.sleep(0.02)
            await settle(app, 0.3)
            result["rss_mb"].append(rss_mb())
        note.unlink()
        result["done"] = True
        app.exit()

    run_app(app, pilot, args)
    return result


def scenario_read(args: argparse.Namespace) -> dict:
    """Only polars: import it and read the CSV."""
    import polars as pl
    frame = pl.read_csv(args.csv)
    done = time.perf_counter()
    return {"frame": done, "rows": frame.height, "rss_mb": peak_rss_mb()}


def scenario_read_tp(args: argparse.Namespace) -> dict:
    """The memory baseline: import textual (its App) and polars, read the CSV."""
    import polars as pl
    import textual.app  # noqa: F401
    frame = pl.read_csv(args.csv)
    return {"frame": time.perf_counter(), "rows": frame.height, "rss_mb": peak_rss_mb()}


def scenario_sparklines(args: argparse.Namespace) -> dict:
    """Mount 100 sparklines of 120 points in a grid, then replace their data."""
    import math

    from textual.app import App, ComposeResult
    from textual.containers import Grid
    from textual.widgets import Sparkline

    class Sparks(App):
        CSS = """
        Grid { grid-size: 4; grid-rows: 1; grid-gutter: 0 1; height: auto; }
        Sparkline { height: 1; }
        """

        def compose(self) -> ComposeResult:
            yield Grid(id="grid")

    def series(shift: int) -> list[float]:
        return [100 + 20 * math.sin((i + shift) / 7) + (i * 37 + shift) % 11
                for i in range(SPARK_POINTS)]

    app = Sparks()
    probe = Probe(app)
    result: dict = {"update_ms": []}

    async def pilot(_pilot: Any) -> None:
        await asyncio.sleep(0.2)
        sparks = [Sparkline(series(i), summary_function=max) for i in range(SPARK_COUNT)]
        mounted = probe.watch(lambda: all(shows(s) for s in sparks))
        start = time.perf_counter()
        await app.query_one("#grid").mount_all(sparks)
        result["mount_ms"] = (await probe.wait(mounted, "100 sparklines") - start) * 1000
        for update in range(1, SPARK_UPDATES + 1):
            await asyncio.sleep(0.1)
            done = [False]
            shown = probe.watch(lambda: done[0])
            start = time.perf_counter()
            for index, spark in enumerate(sparks):
                spark.data = series(index + update * 5)
            done[0] = True
            result["update_ms"].append((await probe.wait(shown, "new data") - start) * 1000)
        result["done"] = True
        app.exit()

    run_app(app, pilot, args)
    return result


SCENARIOS = {name.removeprefix("scenario_"): fn for name, fn in globals().items()
             if name.startswith("scenario_")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", choices=sorted(SCENARIOS))
    parser.add_argument("--data", type=Path, help="dataset folder (econ_* and filter)")
    parser.add_argument("--csv", type=Path, help="the enterprises.csv (read, read_tp)")
    parser.add_argument("--rows", type=int, default=0, help="rows the table should show")
    parser.add_argument("--result-fd", type=int, help="write the JSON line here (not stdout)")
    parser.add_argument("--headless", action="store_true", help="no terminal: 120x36 headless")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the scenario here")
    args = parser.parse_args()
    profiler = None
    if args.profile:
        import cProfile
        profiler = cProfile.Profile()
        profiler.enable()
    result = SCENARIOS[args.name](args)
    if not result.pop("done", args.name in ("read", "read_tp")):
        print(f"scenario {args.name} did not finish (see the app's error above)", file=sys.stderr)
        return 1
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(args.profile)
    result.update(top=T_TOP, end=time.perf_counter(), rss_end_mb=peak_rss_mb())
    line = json.dumps(result) + "\n"
    if args.result_fd is not None:
        with os.fdopen(args.result_fd, "w") as out:
            out.write(line)
    else:
        sys.stdout.write(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
