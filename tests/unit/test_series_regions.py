"""Regions in series (issue 15 item 4): 浙江 and 江苏 exports side by side."""

from __future__ import annotations

import shutil

from shared_material import REALDATA, needs

from econdash.cli import main
from econdash.core.loaders import load_dataset
from econdash.core.query.series import series_points, series_summary

ZJ = REALDATA / "nbs_fsyd_realestate_浙江.csv"
JS = REALDATA / "nbs_fsyd_realestate_江苏.csv"


@needs("realdata/nbs_fsyd_realestate_浙江.csv")
def test_two_regions_live_side_by_side(tmp_path, capsys) -> None:
    target = tmp_path / "ds"
    assert main(["import", str(ZJ), "--to", str(target)]) == 0
    assert main(["import", str(JS), "--to", str(target)]) == 0
    dataset = load_dataset(target)
    assert not [p for p in dataset.problems if "more than one series file" in p.message]
    summary = series_summary(dataset, "zh")
    assert sorted(set(summary["region"].to_list())) == ["江苏省", "浙江省"]
    assert summary.height == 4
    row = summary.row(0, named=True)
    points = series_points(dataset, row["indicator"], row["kind"], row["region"])
    assert len(points) == row["points"]
    # The same region's export under another name replaces its file, only with --replace.
    again = tmp_path / "浙江-again.csv"
    shutil.copy(ZJ, again)
    capsys.readouterr()
    assert main(["import", str(again), "--to", str(target)]) == 1
    assert "--replace" in capsys.readouterr().err
    assert main(["import", str(again), "--to", str(target), "--replace"]) == 0
    assert sorted(p.name for p in (target / "series").iterdir()) == sorted([ZJ.name, JS.name])
