"""A long fuzz run of the loaders: far more examples than the test suite runs.

Three targets, each a Hypothesis property run for --examples examples:

  parse_number     any TOML value (text as reports write numbers, huge integers,
                   floats, booleans, dates, lists ...): a finite float, None, or
                   ValueError, as documented
  parse_period_id  any text, and text shaped like ids: a Period, or ValueError;
                   a Period's canonical id parses back to the same Period
  load_dataset     the bundled dataset's files, mutated (slices deleted, random
                   characters and bytes inserted, lines doubled and swapped,
                   numbers made odd, re-encoded as UTF-8 / BOM / GB18030 /
                   UTF-16 / Big5 / Shift-JIS / Latin-1), laid out as a dataset,
                   a single period, two periods, with a stray folder, a folder
                   where a file should be, a dataset.toml and a series.csv: a
                   Dataset, or EcondashError (DatasetError) - never any other
                   exception; every problem located and printable, and
                   `econdash check`'s text built without error

A failure is shrunk to a minimal example and printed; the run then carries on
(the same failure, by exception type and econdash source line, is counted but
no longer stops the run) until the budget of examples is spent, so one run
reports every distinct failure it finds. Nothing is written outside a
temporary folder (no Hypothesis database).

Run from the repository root:

    python scripts/fuzz.py                       # 20000 examples per target
    python scripts/fuzz.py --examples 500 --targets parse_number
    python scripts/fuzz.py --seed 1              # reproducible

Exit status: 0 when nothing was found, 1 when anything was.
"""

from __future__ import annotations

import argparse
import difflib
import math
import shutil
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st
from hypothesis.errors import HypothesisException
from hypothesis.reporting import with_reporter

from econdash.core.errors import EcondashError
from econdash.core.loaders import load_dataset
from econdash.core.loaders.numbers import parse_number
from econdash.core.model.dataset import Dataset
from econdash.core.model.period import Period, parse_period_id
from econdash.core.output.check import check_report
from econdash.core.paths import DatasetChoice, bundled_dataset

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from mutations import LINE_EDITS, mutated  # noqa: E402 - the suite's edits, shared

SEED_FOLDER = bundled_dataset() / "2022-H1"
SEED_FILES = {name: (SEED_FOLDER / name).read_text(encoding="utf-8")
              for name in ("report.toml", "projects.csv", "enterprises.csv")}
SEED_FILES["dataset.toml"] = (bundled_dataset() / "dataset.toml").read_text(encoding="utf-8")
SEED_FILES["series.csv"] = (
    "indicator,year,first_month,last_month,value,unit,yoy_pct\n"
    "above_scale_output,2020,1,12,700.2,亿元,5.1\n"
    "above_scale_output,2021,1,6,\"1,234.5\",亿元,下降7.44%\n"
    "above_scale_output,2021,5,5,１２.５,亿元,—\n"
)

# Failures seen before this script existed (xfailed in tests/unit/test_fuzz.py, test_cli.py).
KNOWN = [
    ("OverflowError", "int too large to convert to float",
     "huge TOML integer (xfail test_fuzz.py::test_huge_integer_in_report, "
     "test_cli.py::test_huge_integer_is_a_plain_error)"),
    ("DuplicateError", "",
     "CSV header equal after trimming / column named '__row' (xfail "
     "test_fuzz.py::test_header_duplicate_after_trimming, test_column_named_row_index)"),
]

# ---------------------------------------------------------------- strategies

SPICY = ['[', ']', '"', "'", '=', ',', '#', '\n', '\r', '\t', ' ', '.', '-', '+', '%', 'e', 'E',
         '{', '}', '\\', '0', '1', '9', '，', '＂', '－', '１', '—', '下降', '增长', '\x00',
         '\ufeff', '\u3000', '年', '“', '”', '＝', '［', '］', '\u2028', '\x85', '\x0c']
ODD_NUMBERS = ["1e999", "-1e999", "9" * 400, "1" + "0" * 309, "nan", "inf", "-inf", "0x10",
               "1_000", "1,2", "1,,2", "１２.５", "－１.２", "1.2.3", "+-1", "--1", "%", "8.6%%",
               "下降", "下降-5", "1e-999", "0e0", ".", "-.", "1e", "١٢٣", "〇", "二", "", "—"]
ENCODINGS = ["utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "big5",
             "shift_jis", "latin-1"]

snippet = st.lists(st.one_of(st.sampled_from(SPICY), st.characters()), min_size=1,
                   max_size=12).map("".join)


def mutated_text(text: str) -> st.SearchStrategy[str]:
    """`text` with up to four edits: the test suite's line edits (tests/mutations.py),
    longer deletions, and odd numbers, truncation and blank lines."""
    return mutated(text, snippet, edits=(0, 4), max_delete=200, extra=_extra_edit,
                   actions=LINE_EDITS + ("odd_number", "truncate", "blank_line"))


def _extra_edit(draw, action: str, text: str, lines: list[str]) -> str:
    if action == "odd_number":
        digits = [i for i, c in enumerate(text) if c.isdigit()]
        if digits:
            at = draw(st.sampled_from(digits))
            end = at
            while end < len(text) and (text[end].isdigit() or text[end] == "."):
                end += 1
            text = text[:at] + draw(st.sampled_from(ODD_NUMBERS)) + text[end:]
    elif action == "truncate" and text:
        text = text[:draw(st.integers(0, len(text)))]
    elif action == "blank_line" and lines:
        i = draw(st.integers(0, len(lines)))
        text = "".join(lines[:i] + [draw(st.sampled_from(["\n", "\r\n", "\r", ",,,\n"]))]
                       + lines[i:])
    return text


@st.composite
def mutated_bytes(draw, data: bytes) -> bytes:
    """`data` with a few byte-level edits (most examples get none)."""
    for _ in range(draw(st.integers(0, 2))):
        action = draw(st.sampled_from(["insert", "delete", "flip"]))
        if action == "insert":
            at = draw(st.integers(0, len(data)))
            data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
        elif action == "delete" and data:
            at = draw(st.integers(0, len(data) - 1))
            data = data[:at] + data[at + draw(st.integers(1, 16)):]
        elif action == "flip" and data:
            at = draw(st.integers(0, len(data) - 1))
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
    return data


@st.composite
def mutated_file(draw, name: str) -> bytes:
    text = draw(mutated_text(SEED_FILES[name]))
    encoding = draw(st.sampled_from(ENCODINGS))
    return draw(mutated_bytes(text.encode(encoding, errors="replace")))


LAYOUTS = ["dataset", "single", "two_periods", "stray_folder", "folder_for_file", "with_meta",
           "with_series"]


@dataclass
class Layout:
    """What to write: files by relative path (bytes, or None for a folder), and what to load."""

    files: dict[str, bytes | None]
    load: str  # relative path given to load_dataset

    def __repr__(self) -> str:
        shown = {k: (v if v is None or len(v) <= 300 else v[:300] + b"...") for k, v in
                 self.files.items() if v is None or v != _seed_bytes(k)}
        return f"Layout(load={self.load!r}, changed={shown!r})"


def _seed_bytes(path: str) -> bytes | None:
    name = path.rsplit("/", 1)[-1]
    return SEED_FILES[name].encode("utf-8") if name in SEED_FILES else None


@st.composite
def layouts(draw) -> Layout:
    period = {name: SEED_FILES[name].encode("utf-8")
              for name in ("report.toml", "projects.csv", "enterprises.csv")}
    for name in draw(st.lists(st.sampled_from(list(period)), min_size=1, max_size=3,
                              unique=True)):
        period[name] = draw(mutated_file(name))
    kind = draw(st.sampled_from(LAYOUTS))
    files: dict[str, bytes | None] = {f"2022-H1/{k}": v for k, v in period.items()}
    load = "."
    if kind == "single":
        load = "2022-H1"
    elif kind == "two_periods":
        second = SEED_FILES["report.toml"]
        if draw(st.booleans()):  # another period, not a duplicate
            second = second.replace("months = [1, 6]", "months = [1, 12]", 1)
        files["2022-FY/report.toml"] = draw(mutated_bytes(second.encode("utf-8")))
    elif kind == "stray_folder":
        files["drafts/projects.csv"] = draw(mutated_file("projects.csv"))
    elif kind == "folder_for_file":
        files[f"2022-H1/{draw(st.sampled_from(['projects.csv', 'enterprises.csv']))}"] = None
    elif kind == "with_meta":
        files["dataset.toml"] = draw(mutated_file("dataset.toml"))
    elif kind == "with_series":
        files["series.csv"] = draw(mutated_file("series.csv"))
    return Layout(files, load)


toml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.dates(), st.datetimes(),
    st.integers(min_value=10**300, max_value=10**400).map(lambda n: n * (-1) ** (n % 2)),
    st.times(), snippet,
    st.sampled_from(ODD_NUMBERS),
    st.builds(lambda a, b, c: a + b + c, st.sampled_from(["", "下降", "增长", "-", "+", "－"]),
              st.from_regex(r"\A[0-9０-９,，.．]{0,12}\Z"),
              st.sampled_from(["", "%", "％", " ", "亿元"])),
)
toml_values = st.one_of(toml_scalars, st.lists(toml_scalars, max_size=3),
                        st.dictionaries(st.text(max_size=3), toml_scalars, max_size=2))

period_texts = st.one_of(
    st.text(alphabet=list("0123456789FHQMYfhqmy-－ \t\n_/年月") + ["０", "１", "２", "Ｑ", "Ｍ",
                                                                "\u3000", "\x00"], max_size=16),
    st.from_regex(r"\A\s*\d{1,5}(FY|H\d|Q\d|M\d{1,3}(-M?\d{1,3})?)\s*\Z"),
    st.text(max_size=16),
)

# ---------------------------------------------------------------- properties


def check_parse_number(raw: Any) -> None:
    try:
        value = parse_number(raw)
    except ValueError as exc:
        assert str(exc), "empty ValueError message"
        return
    assert value is None or (isinstance(value, float) and math.isfinite(value)), repr(value)


def check_parse_period_id(text: str) -> None:
    try:
        period = parse_period_id(text)
    except ValueError as exc:
        assert str(exc), "empty ValueError message"
        return
    assert isinstance(period, Period)
    assert parse_period_id(period.id) == period, f"{text!r} -> {period.id!r} does not parse back"


def check_load_dataset(layout: Layout) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="econdash-fuzz-"))
    try:
        for relative, data in layout.files.items():
            path = tmp / relative
            if data is None:
                path.mkdir(parents=True, exist_ok=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
        root = tmp / layout.load
        try:
            dataset = load_dataset(root)
        except EcondashError as exc:
            assert exc.message, "an EcondashError without a message"
            return
        assert isinstance(dataset, Dataset)
        for problem in dataset.problems:
            assert problem.file and problem.message, repr(problem)
            str(problem)
        check_report(dataset, DatasetChoice(root, "--data"), strict=False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@dataclass
class Target:
    name: str
    strategy: st.SearchStrategy
    check: Callable[[Any], None]


TARGETS = {
    "parse_number": Target("parse_number", toml_values, check_parse_number),
    "parse_period_id": Target("parse_period_id", period_texts, check_parse_period_id),
    "load_dataset": Target("load_dataset", layouts(), check_load_dataset),
}

# ---------------------------------------------------------------- running


def signature(exc: BaseException) -> tuple[str, str]:
    """Exception type and the innermost econdash source line it came from."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/econdash/" in f.filename.replace("\\", "/")
            and "/scripts/" not in f.filename.replace("\\", "/")]
    frame = (ours or frames or [None])[-1]
    where = f"{Path(frame.filename).name}:{frame.lineno} ({frame.name})" if frame else "?"
    return type(exc).__name__, where


def known(exc: BaseException) -> str | None:
    for name, text, what in KNOWN:
        if type(exc).__name__ == name and text in str(exc):
            return what
    return None


@dataclass
class Finding:
    target: str
    signature: tuple[str, str]
    error: str
    example: str
    known: str | None
    hits: int = 1
    trace: str = ""


@dataclass
class Outcome:
    target: str
    examples: int = 0
    seconds: float = 0.0
    findings: list[Finding] = field(default_factory=list)


def run_target(target: Target, examples: int, seed: int | None, max_rounds: int) -> Outcome:
    outcome = Outcome(target.name)
    seen: dict[tuple[str, str], Finding] = {}
    hits: Counter[tuple[str, str]] = Counter()
    start = time.monotonic()
    budget = examples
    for round_number in range(1, max_rounds + 1):
        if budget <= 0:
            break
        calls = {"n": 0}
        failing: dict[str, Any] = {}

        def prop(value: Any) -> None:
            calls["n"] += 1
            try:
                target.check(value)
            except HypothesisException:
                raise
            except BaseException as exc:  # noqa: BLE001 - everything else is a finding
                if isinstance(exc, KeyboardInterrupt):
                    raise
                sig = signature(exc)
                if sig in seen:
                    hits[sig] += 1
                    return
                failing["value"] = value  # the last one raised is the shrunk one, replayed
                raise

        test = settings(max_examples=budget, deadline=None, database=None,
                        report_multiple_bugs=False, print_blob=False,
                        suppress_health_check=list(HealthCheck),
                        phases=[Phase.generate, Phase.shrink])(given(target.strategy)(prop))
        if seed is not None:
            test = hypothesis_seed(seed + round_number)(test)
        reports: list[str] = []
        try:
            with with_reporter(reports.append):
                test()
        except KeyboardInterrupt:
            print("  interrupted", flush=True)
            budget = 0
        except BaseException as exc:  # noqa: BLE001
            sig = signature(exc)
            example = describe(failing["value"]) if "value" in failing else "\n".join(
                n for n in getattr(exc, "__notes__", []) if "value=" in n)
            finding = Finding(target.name, sig, f"{type(exc).__name__}: {str(exc)[:500]}",
                              example.strip() or "(no example reported)", known(exc),
                              trace=("".join(traceback.format_tb(exc.__traceback__))
                                     + f"{type(exc).__name__}: {str(exc)[:500]}")[-3000:])
            seen[sig] = finding
            outcome.findings.append(finding)
            print(f"  [{target.name}] round {round_number}: found {sig[0]} at {sig[1]}"
                  f"{' (known)' if finding.known else ''}", flush=True)
        else:
            budget -= calls["n"]
            outcome.examples += calls["n"]
            break
        budget -= calls["n"]
        outcome.examples += calls["n"]
    for finding in outcome.findings:
        finding.hits += hits[finding.signature]
    outcome.seconds = time.monotonic() - start
    return outcome


def _decoded(data: bytes) -> tuple[str, str]:
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="backslashreplace"), "bytes, shown as UTF-8"


def describe(value: Any) -> str:
    """A failing input as a person can read it: for a layout, what differs from the seed."""
    if not isinstance(value, Layout):
        text = repr(value)
        return text if len(text) <= 2000 else text[:2000] + " ..."
    lines = [f"load_dataset(<tmp>/{value.load})"]
    for relative, data in value.files.items():
        seed = _seed_bytes(relative)
        if data is None:
            lines.append(f"{relative}: a folder, where a file is expected")
        elif seed is None:
            lines.append(f"{relative}: {data[:400]!r}")
        elif data != seed:
            text, encoding = _decoded(data)
            diff = list(difflib.unified_diff(seed.decode("utf-8").splitlines(),
                                             text.splitlines(), lineterm="", n=0))[2:]
            lines.append(f"{relative}: the bundled file, changed ({encoding}):")
            lines.extend("    " + (line if len(line) <= 300 else line[:300] + " ...")
                         for line in diff[:40])
            if len(diff) > 40:
                lines.append(f"    ... {len(diff) - 40} more diff lines")
    return "\n".join(lines)


def print_summary(outcomes: list[Outcome], verbose: bool) -> None:
    print("\n" + "=" * 78)
    print("econdash fuzz summary")
    print("=" * 78)
    for outcome in outcomes:
        new = [f for f in outcome.findings if not f.known]
        old = [f for f in outcome.findings if f.known]
        print(f"{outcome.target:16} {outcome.examples:7} examples  {outcome.seconds:7.1f}s  "
              f"{len(new)} new failure(s), {len(old)} known")
    for outcome in outcomes:
        for finding in outcome.findings:
            print("\n" + "-" * 78)
            tag = f"KNOWN: {finding.known}" if finding.known else "NEW"
            print(f"[{finding.target}] {finding.signature[0]} at {finding.signature[1]}  ({tag})")
            print(f"  seen {finding.hits} time(s)")
            print(f"  {finding.error}")
            print("  minimal example:")
            for line in finding.example.splitlines():
                print(f"    {line}")
            if verbose:
                print("  traceback (end):")
                for line in finding.trace.splitlines():
                    print(f"    {line}")
    if not any(o.findings for o in outcomes):
        print("\nNo failures: every input gave a result or a documented error.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=20000,
                        help="examples per target (default 20000)")
    parser.add_argument("--targets", nargs="+", choices=list(TARGETS), default=list(TARGETS))
    parser.add_argument("--seed", type=int, default=None, help="make the run reproducible")
    parser.add_argument("--max-rounds", type=int, default=20,
                        help="distinct failures to look for per target (default 20)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print tracebacks")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", message="Generating overly large repr")
    outcomes = []
    for name in args.targets:
        print(f"fuzzing {name}: {args.examples} examples ...", flush=True)
        outcome = run_target(TARGETS[name], args.examples, args.seed, args.max_rounds)
        print(f"  done: {outcome.examples} examples in {outcome.seconds:.1f}s, "
              f"{len(outcome.findings)} failure(s)", flush=True)
        outcomes.append(outcome)
    print_summary(outcomes, args.verbose)
    return 1 if any(o.findings for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
