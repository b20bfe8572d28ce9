"""The synthetic demo dataset: valid, labelled, seeded, at any scale, never over data."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl
import pytest

from econdash.core.admin.demo import generate
from econdash.core.admin.demo.generate import write_demo_dataset
from econdash.core.admin.demo.reports import END_YEAR
from econdash.core.errors import EcondashError
from econdash.core.loaders import load_dataset
from econdash.core.query.tables import tier_ladder

SMALL = dict(enterprises=800, projects=40, periods=14, indicators=45)


def digests(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("demo") / "small"
    return out, write_demo_dataset(out, seed=3, **SMALL)


def test_small_dataset_loads_without_problems(small):
    out, _ = small
    dataset = load_dataset(out)
    assert dataset.problems == ()
    assert len(dataset.periods) == SMALL["periods"]
    assert all(len(p.indicators) == SMALL["indicators"] for p in dataset.periods)


def test_periods_are_monthly_cumulative_and_roll_over_years(small):
    out, _ = small
    periods = load_dataset(out).periods
    spans = [(p.period.year, p.period.first_month, p.period.last_month) for p in periods]
    assert spans[0] == (END_YEAR - 1, 1, 11)
    assert spans[1] == (END_YEAR - 1, 1, 12)
    assert spans[2] == (END_YEAR, 1, 1)
    assert spans[-1] == (END_YEAR, 1, 12)
    assert (out / f"{END_YEAR}-M01-M05" / "report.toml").is_file()


def test_tables_only_in_the_newest_period_with_the_right_counts(small):
    out, _ = small
    periods = load_dataset(out).periods
    newest = periods[-1]
    assert newest.enterprises.height == SMALL["enterprises"]
    assert newest.projects.height == SMALL["projects"]
    assert all(p.enterprises.height == 0 and p.projects.height == 0 for p in periods[:-1])
    csvs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.csv"))
    assert csvs == [f"{END_YEAR}-M01-M12/enterprises.csv",
                    f"{END_YEAR}-M01-M12/projects.csv"]


def test_tier_counts_match_the_roster(small):
    out, _ = small
    periods = load_dataset(out).periods
    ladder = tier_ladder(periods[-1])
    assert ladder.height > 5
    assert ladder["reported"].to_list() == ladder["named"].to_list()
    earlier = tier_ladder(periods[0])  # fewer firms then; no roster of its own
    assert (earlier["reported"] <= ladder["reported"]).all()


def test_clearly_labelled_synthetic(small):
    out, lines = small
    dataset = load_dataset(out)
    assert "Synthetic" in (dataset.name or "") and "合成" in (dataset.name or "")
    meta = (out / "dataset.toml").read_text("utf-8")
    assert "random" in meta and "随机" in meta
    assert any("random" in line for line in lines)
    assert any(str(out) in line for line in lines)


def test_indicators_are_plausible(small):
    out, _ = small
    periods = load_dataset(out).periods
    first = periods[-1].indicators
    assert [i.id for i in first[:3]] == ["ind_001", "ind_002", "ind_003"]
    assert first[0].name == "规上工业总产值" and first[0].unit == "亿元"
    assert any(i.headline for i in first)
    assert any(i.rank is not None and 1 <= i.rank <= 10 and i.rank_scope == "全市"
               for i in first)
    assert {"工业", "投资", "数字经济", "产业集群", "企业培育"} <= {i.category for i in first}
    # A cumulative flow grows month by month within a year.
    year = [p for p in periods if p.period.year == END_YEAR]
    output = [p.indicator("ind_001").value for p in year]
    assert output == sorted(output) and len(year) == 12
    growth = [p.indicator("ind_001").yoy_pct for p in periods]
    assert all(g is not None and -40 < g < 60 for g in growth)


def test_names_look_like_chinese_enterprises(small):
    out, _ = small
    roster = load_dataset(out).periods[-1].enterprises
    names = roster["enterprise"]
    assert names.str.ends_with("有限公司").all()
    assert names.str.contains(r"^(宁波|浙江|杭州|温州|台州|绍兴|嘉兴|演示)").all()
    assert roster["town"].str.contains("(镇|街道)$").all()
    assert roster["programme"].is_in(["制造业单项冠军", "专精特新小巨人", "高新技术企业",
                                      "科技型中小企业", "专精特新中小企业", "隐形冠军",
                                      "绿色工厂", "数字化车间", "智能工厂", "创新型中小企业",
                                      "首台套", "雄鹰企业", "亩均效益A类企业"]).all()
    assert roster["year"].max() <= END_YEAR
    # An enterprise's honours are all different.
    assert not roster.select(pl.struct("enterprise", "programme", "level", "status")
                             .is_duplicated().any()).item()


def test_same_seed_same_bytes_other_seed_differs(tmp_path: Path):
    scale = dict(enterprises=500, projects=20, periods=3, indicators=10)
    write_demo_dataset(tmp_path / "a", seed=7, **scale)
    write_demo_dataset(tmp_path / "b", seed=7, **scale)
    write_demo_dataset(tmp_path / "c", seed=8, **scale)
    a, b, c = (digests(tmp_path / name) for name in "abc")
    assert a == b
    assert a.keys() == c.keys()
    assert all(a[name] != c[name] for name in a)


def test_large_roster_shape(tmp_path: Path):
    """200k rows are written (the speed is measured by bench/, not asserted here)."""
    write_demo_dataset(tmp_path / "big", enterprises=200_000, projects=0, periods=1,
                       indicators=1, seed=1)
    frame = pl.read_csv(tmp_path / "big" / f"{END_YEAR}-M01-M12" / "enterprises.csv")
    assert frame.shape == (200_000, 12)
    assert frame["enterprise"].n_unique() == 125_000
    assert frame.null_count()["enterprise"].item() == 0
    assert not (tmp_path / "big" / f"{END_YEAR}-M01-M12" / "projects.csv").exists()


def test_many_indicators_get_unique_names(tmp_path: Path):
    write_demo_dataset(tmp_path / "wide", enterprises=0, projects=0, periods=2, indicators=150)
    dataset = load_dataset(tmp_path / "wide")
    assert dataset.problems == ()
    names = [i.name for i in dataset.periods[-1].indicators]
    assert len(names) == 150 and len(set(names)) == 150
    assert dataset.periods[-1].tiers == ()


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path):
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("keep me")
    with pytest.raises(EcondashError, match="not empty"):
        write_demo_dataset(target, enterprises=10)
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_refuses_a_file_and_accepts_an_empty_folder(tmp_path: Path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(EcondashError, match="is a file"):
        write_demo_dataset(tmp_path / "file")
    (tmp_path / "empty").mkdir()
    write_demo_dataset(tmp_path / "empty", enterprises=5, projects=5, periods=1, indicators=2)
    assert load_dataset(tmp_path / "empty").problems == ()


@pytest.mark.parametrize("arguments", [dict(periods=0), dict(indicators=0),
                                       dict(enterprises=-1), dict(seed=-1),
                                       dict(projects=1.5), dict(periods=True)])
def test_bad_arguments_are_refused(tmp_path: Path, arguments):
    with pytest.raises(EcondashError):
        write_demo_dataset(tmp_path / "out", **arguments)
    assert not (tmp_path / "out").exists()


def test_a_failed_run_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def broken(path: Path, frame: pl.DataFrame) -> None:
        raise OSError("disk full")
    monkeypatch.setattr(generate, "_write_csv", broken)
    with pytest.raises(OSError):
        write_demo_dataset(tmp_path / "out", enterprises=10, projects=10, periods=2)
    assert list(tmp_path.iterdir()) == []
