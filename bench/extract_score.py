"""How well and how fast `econdash extract` reads real reports.

    python bench/extract_score.py [--all] [--shared DIR] [--no-speed]

For every report in shared/reports/ (each NAME.txt with NAME.truth.csv) and the
seed report (shared/seed/, truth 000_c7c8b67092e286f7.truth.csv), runs
`econdash extract REPORT -o TMP`, `econdash dump TMP` and shared/reports/score.py,
and prints the score (recall and wrong rate, the targets are ≥ 90% and ≤ 3%) and
the time each extract took. Then times the reading and proposing of a ~300 KB
text (the seed repeated) and of one twice as long, in process, to show the time
grows linearly (target: < 1 s for 300 KB).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = "000_c7c8b67092e286f7"


def shared_folder(given: str | None) -> Path | None:
    """The shared folder: --shared, $ECONDASH_SHARED, or a `shared/` beside a parent."""
    places = [Path(given)] if given else []
    if os.environ.get("ECONDASH_SHARED"):
        places.append(Path(os.environ["ECONDASH_SHARED"]))
    places += [parent / "shared" for parent in REPO.parents]
    return next((p for p in places if (p / "reports" / "score.py").is_file()), None)


def report_triples(shared: Path) -> list[tuple[Path, Path]]:
    """(report text, truth csv) for every scored report."""
    reports = shared / "reports"
    pairs = [(t, reports / (t.name[:-len(".truth.csv")] + ".txt"))
             for t in sorted(reports.glob("*.truth.csv"))]
    out = []
    for truth, text in pairs:
        if truth.name.startswith(SEED):
            text = shared / "seed" / f"{SEED}.txt"
        if text.is_file():
            out.append((text, truth))
    return out


def econdash(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "econdash", *args], capture_output=True,
                          text=True, cwd=REPO)


def score(shared: Path, show_all: bool) -> int:
    triples, times = [], []
    with tempfile.TemporaryDirectory(prefix="extract-score-") as tmp:
        for number, (text, truth) in enumerate(report_triples(shared)):
            out, dump = Path(tmp) / f"p{number}", Path(tmp) / f"p{number}.json"
            started = time.perf_counter()
            result = econdash("extract", str(text), "-o", str(out))
            times.append((text.name, time.perf_counter() - started))
            if result.returncode != 0:
                print(f"{text.name}: extract failed: {result.stderr.strip()}")
                dump.write_text("{}", encoding="utf-8")
            else:
                dumped = econdash("dump", str(out))
                dump.write_text(dumped.stdout, encoding="utf-8")
            triples += [str(truth), str(dump), str(text)]
        args = (["--all"] if show_all else []) + triples
        scored = subprocess.run([sys.executable, str(shared / "reports" / "score.py"), *args],
                                capture_output=True, text=True)
    print(scored.stdout.rstrip())
    for name, seconds in times:
        print(f"  time {name}: {seconds:.2f} s (a whole CLI run: start, extract, write)")
    return scored.returncode


def speed(shared: Path | None) -> None:
    """In-process time of read + propose for ~300 KB and ~600 KB of report text."""
    sys.path.insert(0, str(REPO / "src"))
    from econdash.core.extract.run import extract_text
    seed = (shared / "seed" / f"{SEED}.txt").read_text(encoding="utf-8") if shared else \
        "2022年1-5月，全区规上工业企业实现工业总产值397.3亿元，同比增长8.6%，列全市第三位。\n" * 60
    for target_kb in (300, 600):
        copies = max(1, (target_kb * 1024) // len(seed.encode("utf-8")) + 1)
        text = "\n".join([seed] * copies)
        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
            f.write(text)
        from econdash.core.extract.readers import read_report
        runs = []
        for _ in range(3):  # the best of three: the machine is shared
            started = time.perf_counter()
            source = read_report(Path(f.name))
            extraction = extract_text(source.text, source.source_file)
            runs.append(time.perf_counter() - started)
        seconds = min(runs)
        os.unlink(f.name)
        size = len(text.encode("utf-8")) / 1024
        print(f"speed: {size:.0f} KB read and proposed in {seconds:.2f} s "
              f"({len(extraction.figures)} figures; target < 1 s for 300 KB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="list every miss and error")
    parser.add_argument("--shared", help="the shared folder (default: found beside the repo)")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args(argv)
    shared = shared_folder(args.shared)
    if shared is None:
        print("shared/reports not found: pass --shared DIR; scoring skipped")
    else:
        score(shared, args.all)
    if not args.no_speed:
        speed(shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
