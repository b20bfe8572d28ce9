"""load_dataset: what counts as a dataset, its folders and files, and the dump JSON shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from econdash.core.errors import DatasetError
from econdash.core.loaders import load_dataset
from econdash.core.model.period import Period
from econdash.core.output.dump import dataset_to_dict, dump_json

SERIES_HEADER = "indicator,year,first_month,last_month,value,unit,yoy_pct\n"


# ---------------------------------------------------------------- what is a dataset

def test_single_period_folder_is_a_dataset(tmp_path, write_period, report_text, indicator) -> None:
    folder = write_period(tmp_path / "2022-H1", report_text(indicator("x", value=1)))
    dataset = load_dataset(folder)
    assert dataset.root == folder
    assert [p.id for p in dataset.periods] == ["2022M01-M06"]
    assert dataset.problems == ()


def test_single_period_region_becomes_the_dataset_region(tmp_path, write_period) -> None:
    folder = write_period(tmp_path / "p", '[period]\nyear = 2022\nmonths = [1, 6]\nregion = "XX区"\n')
    assert load_dataset(folder).region == "XX区"


def test_path_to_report_toml(tmp_path, write_period) -> None:
    folder = write_period(tmp_path / "2022-H1")
    dataset = load_dataset(folder / "report.toml")
    assert dataset.root == folder and len(dataset.periods) == 1


def test_string_path(tmp_path, write_period) -> None:
    write_period(tmp_path / "a")
    assert len(load_dataset(str(tmp_path)).periods) == 1


def test_nonexistent_path(tmp_path) -> None:
    with pytest.raises(DatasetError, match="no such folder"):
        load_dataset(tmp_path / "nope")


def test_a_file_path(tmp_path) -> None:
    path = tmp_path / "projects.csv"
    path.write_text("name,category\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="is a file"):
        load_dataset(path)


def test_empty_folder(tmp_path) -> None:
    with pytest.raises(DatasetError) as info:
        load_dataset(tmp_path)
    assert "report.toml" in info.value.message
    assert "no period folders" in info.value.message


def test_folder_without_report_but_with_csvs_warns(tmp_path, write_period) -> None:
    write_period(tmp_path / "2022-H1")
    write_period(tmp_path / "2022-FY", report=None, projects="name,category\nA,B\n")
    dataset = load_dataset(tmp_path)
    [warning] = dataset.warnings
    assert warning.file == "2022-FY/" and "has no report.toml" in warning.message
    assert len(dataset.periods) == 1


def test_only_folders_without_reports_is_no_dataset(tmp_path, write_period) -> None:
    write_period(tmp_path / "2022-FY", report=None, projects="name,category\nA,B\n")
    with pytest.raises(DatasetError):
        load_dataset(tmp_path)


def test_unrelated_folders_are_ignored_quietly(tmp_path, write_period) -> None:
    write_period(tmp_path / "2022-H1")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.txt").write_text("hi", encoding="utf-8")
    assert load_dataset(tmp_path).problems == ()


@pytest.mark.parametrize("hidden", [".backup", "_old"])
def test_hidden_folders_ignored(tmp_path, write_period, report_text, hidden: str) -> None:
    write_period(tmp_path / "2022-H1")
    write_period(tmp_path / hidden, report_text(year=2020) + "broken = = =\n")
    dataset = load_dataset(tmp_path)
    assert dataset.problems == ()
    assert [p.period.year for p in dataset.periods] == [2022]


def test_periods_sorted_oldest_first(tmp_path, write_period, report_text) -> None:
    for folder, year, months in [("a", 2022, (1, 6)), ("b", 2021, (1, 12)), ("c", 2022, (1, 3)),
                                 ("d", 2022, (4, 6)), ("e", 2022, (5, 5))]:
        write_period(tmp_path / folder, report_text(year=year, months=months))
    ids = [p.id for p in load_dataset(tmp_path).periods]
    # By the month each span ends; of two ending together, the cumulative one comes last.
    assert ids == ["2021FY", "2022Q1", "2022M05", "2022Q2", "2022M01-M06"]


def test_period_data(tmp_path, write_period, report_text, indicator) -> None:
    folder = write_period(
        tmp_path / "2022-H1",
        report_text(indicator("x", value=1)).replace("[period]\n", '[period]\nlabel = "上半年报告"\n'),
        projects="name,category\nA,B\n",
        enterprises="enterprise,programme,year\n甲,专精特新,2021\n".encode("gb18030"))
    period = load_dataset(folder).periods[0]
    assert period.period == Period(2022, 1, 6)
    assert period.title("zh") == "上半年报告" and period.title("en") == "2022 H1"
    assert period.indicator("x").value == 1 and period.indicator("nope") is None
    assert period.projects.height == 1 and period.enterprises["year"].to_list() == [2021]
    assert period.encodings == {"report.toml": "utf-8", "projects.csv": "utf-8",
                                "enterprises.csv": "gb18030"}


def test_known_columns_always_present(tmp_path, write_period) -> None:
    period = load_dataset(write_period(tmp_path / "p")).periods[0]
    assert {"name", "category", "planned_invest", "start_year"} <= set(period.projects.columns)
    assert {"enterprise", "programme", "year"} <= set(period.enterprises.columns)
    assert period.projects.height == 0


# ---------------------------------------------------------------- series.csv

def test_series_loads(tmp_path, write_period) -> None:
    write_period(tmp_path / "2022-H1")
    (tmp_path / "series.csv").write_text(
        SERIES_HEADER + "house_invest,2019,1,12,\"10,682.97\",亿元,7.4\n"
        "house_invest,2019,1,6,5166.87,亿元,下降1%\n", encoding="utf-8")
    dataset = load_dataset(tmp_path)
    assert dataset.problems == ()
    assert dataset.series.height == 2
    first = dataset.series.row(0, named=True)
    assert {k: first[k] for k in SERIES_HEADER.strip().split(",")} == {
        "indicator": "house_invest", "year": 2019, "first_month": 1, "last_month": 12,
        "value": 10682.97, "unit": "亿元", "yoy_pct": 7.4}
    assert dataset.series["yoy_pct"].to_list() == [7.4, -1.0]


def test_series_alone_is_a_dataset(tmp_path) -> None:
    (tmp_path / "series.csv").write_text(SERIES_HEADER + "gdp,2019,1,12,1,亿元,\n", encoding="utf-8")
    dataset = load_dataset(tmp_path)
    assert dataset.periods == () and dataset.series.height == 1


@pytest.mark.parametrize("months", ["6,3", "0,5", "1,13"])
def test_series_bad_months_are_an_error_with_row(tmp_path, write_period, months: str) -> None:
    write_period(tmp_path / "2022-H1")
    (tmp_path / "series.csv").write_text(
        SERIES_HEADER + "gdp,2019,1,12,1,亿元,\n" + f"gdp,2020,{months},1,亿元,\n", encoding="utf-8")
    dataset = load_dataset(tmp_path)
    [error] = dataset.errors
    assert (error.file, error.row) == ("series.csv", 3)
    assert "not a span within 1..12" in error.message
    assert dataset.series.height == 0
    assert len(dataset.periods) == 1  # the periods still load


def test_series_bad_number(tmp_path, write_period) -> None:
    write_period(tmp_path / "2022-H1")
    (tmp_path / "series.csv").write_text(SERIES_HEADER + "gdp,2019,1,12,很多,亿元,\n", encoding="utf-8")
    [error] = load_dataset(tmp_path).errors
    assert (error.row, error.column) == (2, "value")


# ---------------------------------------------------------------- dataset.toml

def test_dataset_toml(tmp_path, write_period) -> None:
    write_period(tmp_path / "2022-H1")
    (tmp_path / "dataset.toml").write_text(
        'name = "XX区经信局工作报告"\nname_en = "XX reports"\nregion = "XX区"\nregion_en = "XX"\n'
        'note = "free text"\n', encoding="utf-8")
    dataset = load_dataset(tmp_path)
    assert dataset.problems == ()
    assert (dataset.name, dataset.name_en, dataset.region, dataset.region_en) == (
        "XX区经信局工作报告", "XX reports", "XX区", "XX")
    assert dataset.title("zh") == "XX区经信局工作报告" and dataset.title("en") == "XX reports"


def test_no_dataset_toml_titles_by_folder(tmp_path, write_period) -> None:
    write_period(tmp_path / "my-district" / "2022-H1")
    assert load_dataset(tmp_path / "my-district").title("zh") == "my-district"


def test_misspelt_key_in_dataset_toml(tmp_path, write_period) -> None:
    write_period(tmp_path / "2022-H1")
    (tmp_path / "dataset.toml").write_text('name = "N"\nregoin = "XX区"\n', encoding="utf-8")
    dataset = load_dataset(tmp_path)
    [problem] = dataset.problems
    assert problem.file == "dataset.toml" and problem.line == 2
    assert "did you mean 'region'" in problem.message
    assert dataset.name == "N" and len(dataset.periods) == 1


def test_dataset_toml_syntax_error(tmp_path, write_period) -> None:
    write_period(tmp_path / "2022-H1")
    (tmp_path / "dataset.toml").write_text('name = "N\n', encoding="utf-8")
    dataset = load_dataset(tmp_path)
    [problem] = dataset.problems
    assert problem.line == 1 and "TOML syntax error" in problem.message
    assert len(dataset.periods) == 1


# ---------------------------------------------------------------- dump

@pytest.fixture
def full_dataset(tmp_path, write_period, report_text, indicator) -> Path:
    body = (indicator("above_scale_output", value=397.3, unit="亿元", yoy_pct=8.6, months=[1, 5])
            + '[[tier]]\nprogramme = "制造业单项冠军"\nlevel = "国家级"\nstatus = "认定"\ncount = 1\n')
    write_period(tmp_path / "2022-H1", report_text(body).replace("[period]\n", '[period]\nregion = "XX区"\n'),
                 projects="name,category,planned_invest,负责人\n园区A,小微企业园,3.5,张三\n",
                 enterprises="enterprise,programme,level,备注\n甲,专精特新,省级,二〇二一\n")
    (tmp_path / "series.csv").write_text(SERIES_HEADER + "gdp,2019,1,12,10682.97,亿元,7.4\n",
                                         encoding="utf-8")
    write_period(tmp_path / "stray", report=None, projects="name,category\n")  # one warning
    return tmp_path


def test_dump_matches_the_contract_shape(full_dataset: Path) -> None:
    data = json.loads(dump_json(load_dataset(full_dataset)))
    assert {"periods", "series", "warnings"} <= set(data)
    [period] = data["periods"]
    assert {k: period[k] for k in ("id", "year", "first_month", "last_month", "label", "region")} == {
        "id": "2022M01-M06", "year": 2022, "first_month": 1, "last_month": 6,
        "label": "2022年上半年", "region": "XX区"}
    [ind] = period["indicators"]
    assert {k: ind[k] for k in ("id", "name", "category", "value", "unit", "yoy_pct",
                                "first_month", "last_month", "rank")} == {
        "id": "above_scale_output", "name": "ABOVE_SCALE_OUTPUT", "category": "工业",
        "value": 397.3, "unit": "亿元", "yoy_pct": 8.6, "first_month": 1, "last_month": 5,
        "rank": None}
    assert period["tiers"] == [{"programme": "制造业单项冠军", "level": "国家级", "status": "认定",
                                "count": 1, "programme_en": None, "note": None,
                                "kind": None, "quote": None, "quote_line": None}]
    [project] = period["projects"]
    assert (project["name"], project["category"], project["planned_invest"]) == ("园区A", "小微企业园", 3.5)
    [honour] = period["enterprises"]
    assert (honour["enterprise"], honour["programme"], honour["level"]) == ("甲", "专精特新", "省级")
    assert data["series"] == [{"indicator": "gdp", "year": 2019, "first_month": 1, "last_month": 12,
                               "value": 10682.97, "unit": "亿元", "yoy_pct": 7.4, "name": None,
                               "name_en": None, "category": None, "source": None,
                               "region": None}]
    assert len(data["warnings"]) == 1 and "stray/" in data["warnings"][0]
    assert all(isinstance(w, str) for w in data["warnings"])


def test_unknown_csv_columns_appear_in_dump(full_dataset: Path) -> None:
    period = dataset_to_dict(load_dataset(full_dataset))["periods"][0]
    assert period["projects"][0]["负责人"] == "张三"
    assert period["enterprises"][0]["备注"] == "二〇二一"


def test_dump_is_unescaped_utf8(full_dataset: Path) -> None:
    text = dump_json(load_dataset(full_dataset))
    assert "小微企业园" in text and "\\u" not in text


def test_dump_empty_dataset_parts(tmp_path, write_period) -> None:
    data = json.loads(dump_json(load_dataset(write_period(tmp_path / "p"))))
    [period] = data["periods"]
    assert period["indicators"] == [] and period["projects"] == [] and period["enterprises"] == []
    assert data["series"] == [] and data["warnings"] == []


# ---------------------------------------------------------------- the bundled seed dataset

def test_bundled_seed_facts(bundled: Path) -> None:
    dataset = load_dataset(bundled)
    assert dataset.errors == ()
    assert "2022M01-M06" in [p.id for p in dataset.periods]
    output = dataset.period("2022M01-M06").indicator("above_scale_output")
    assert output is not None
    assert (output.value, output.unit, output.yoy_pct) == (397.3, "亿元", 8.6)
    assert (output.span.first_month, output.span.last_month) == (1, 5)
