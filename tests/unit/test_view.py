"""`econdash.core.query.view.TableView`: the table's view state, without an app.

What a request computes (search, filters, sort), when it narrows the view shown
instead of scanning the frame, which results are stale, and what a new frame keeps.
"""

from __future__ import annotations

import polars as pl
import pytest

from econdash.core.query.filtering import compute_view, query_expr
from econdash.core.query.view import TableView, ViewRequest


def roster(n: int = 200) -> pl.DataFrame:
    return pl.DataFrame({"id": pl.int_range(0, n, eager=True)}).with_columns(
        name=pl.format("企业{}号", pl.col("id")),
        name_en=pl.format("Firm {}", pl.col("id")),
        town=pl.when(pl.col("id") % 2 == 0).then(pl.lit("溪口镇")).otherwise(pl.lit("江口")),
        value=(pl.col("id") * 37) % 101,
    )


def plain(frame: pl.DataFrame, search: str, columns: list[str] | None = None,
          filters: dict[str, str | None] | None = None,
          sort: tuple[str, bool] | None = None) -> pl.DataFrame:
    """The rows a full scan of the whole frame gives."""
    return compute_view(frame, query_expr(frame.schema, search, columns, filters or {}), sort)


def shown(state: TableView) -> ViewRequest:
    """Request the current view, compute it and apply it, as the table does."""
    request = state.request()
    assert state.apply(request, request.frame if request.shows_frame else request.compute())
    return request


def table(frame: pl.DataFrame | None = None) -> TableView:
    state = TableView()
    state.set_frame(roster() if frame is None else frame)
    shown(state)
    return state


def test_no_search_filter_or_sort_shows_the_frame_itself() -> None:
    state = table()
    state.set_query("", ["name"], {"town": None})
    request = shown(state)
    assert request.shows_frame
    assert state.view is state.frame
    state.sort_by("value")
    assert not state.request().shows_frame


def test_search_filters_and_sort_give_the_rows_of_a_full_scan() -> None:
    state = table()
    state.set_query("企业1", ["name"], {"town": "溪口镇"})
    state.sort_by("value", descending=True)
    shown(state)
    expected = plain(state.frame, "企业1", ["name"], {"town": "溪口镇"}, ("value", True))
    assert state.view.equals(expected)
    assert state.view.height == 55  # the even ids among 1, 10-19 and 100-199


@pytest.mark.parametrize("typed", [["企", "企业", "企业1", "企业12"], ["f", "Fi", "FIRM 1"]])
def test_a_growing_search_narrows_the_view_shown(typed: list[str]) -> None:
    state = table()
    state.sort_by("value")
    shown(state)
    for text in typed:
        before = state.view
        state.set_query(text, ["name", "name_en"])
        request = state.request()
        narrowed = text != typed[0]
        assert (request.base is before) is narrowed, text
        assert request.base_sorts == (() if narrowed else (("value", False),))
        assert state.apply(request, request.compute())
        assert state.view.equals(plain(state.frame, text, ["name", "name_en"],
                                       sort=("value", False))), text


@pytest.mark.parametrize("change", ["shorter", "other text", "columns", "filters", "sort",
                                    "frame"])
def test_anything_but_a_longer_search_scans_the_whole_frame(change: str) -> None:
    state = table()
    state.set_query("企业1", ["name"], {"town": None})
    shown(state)
    search, columns, filters = "企业12", ["name"], {"town": None}
    if change == "shorter":
        search = "企业"
    elif change == "other text":
        search = "企业2"
    elif change == "columns":
        columns = ["name", "name_en"]
    elif change == "filters":
        filters = {"town": "江口"}
    elif change == "sort":
        state.sort_by("value")
    else:
        state.set_frame(roster(300))
    state.set_query(search, columns, filters)
    request = state.request()
    assert request.base is state.frame
    assert request.base_sorts == state.sorts
    assert state.apply(request, request.compute())
    assert state.view.equals(plain(state.frame, search, columns, filters, state.sort))


def test_only_the_latest_request_applies() -> None:
    state = table()
    state.set_query("企业4")
    older = state.request()
    state.set_query("企业5")
    newer = state.request()
    assert not state.settled
    assert state.apply(newer, newer.compute())
    assert state.settled
    assert not state.is_current(older)
    assert not state.apply(older, older.compute())  # finished late: dropped
    assert state.view.equals(plain(state.frame, "企业5"))
    assert state.settled


def test_a_failed_request_keeps_the_view_and_is_not_narrowed_from() -> None:
    state = table()
    state.set_query("企业1")
    shown(state)
    before = state.view
    state.set_query("企业1", None, {"nope": "x"})
    failed = state.request()
    with pytest.raises(KeyError, match="nope"):
        failed.compute()
    assert state.view is before and not state.settled
    state.set_query("企业12")  # narrows from the view shown, not from the failed request
    request = state.request()
    assert request.base is before
    assert state.apply(request, request.compute())
    assert state.view.equals(plain(state.frame, "企业12"))


def test_a_new_frame_forgets_what_names_columns_it_lacks() -> None:
    state = table()
    state.set_query("企业", ["name", "name_en"], {"town": "溪口镇", "value": "3"})
    state.sort_by("name_en", descending=True)
    state.set_frame(roster().drop("name_en", "value"))
    assert state.query == ("企业", ["name"], {"town": "溪口镇"})
    assert state.sort is None
    state.sort_by("town")
    state.set_frame(roster())
    assert state.query == ("企业", ["name"], {"town": "溪口镇"}) and state.sort == ("town", False)


def test_search_facts_belong_to_one_frame() -> None:
    frame = roster()
    state = table(frame)
    facts = state.facts
    state.set_frame(frame)
    assert state.facts is facts  # the same frame again: what was learnt still holds
    state.set_frame(roster())
    assert state.facts is not facts and state.facts.frame is state.frame


def test_learning_records_few_valued_columns_and_keeps_the_rows() -> None:
    state = table()
    state.set_query("溪口", ["name", "town"])
    request = state.request()
    request.learn()
    assert state.facts.values("town").sort().to_list() == ["江口", "溪口镇"]
    assert state.facts.values("name") is None  # 200 distinct names: too many
    assert request.compute().equals(plain(state.frame, "溪口", ["name", "town"]))


def test_a_request_keeps_what_it_was_asked_for() -> None:
    state = table()
    state.set_query("企业1")
    request = state.request()
    first = state.frame
    state.set_frame(roster(50))
    state.set_query("企业2")
    assert request.frame is first and request.query[0] == "企业1"
    assert request.compute().equals(plain(first, "企业1"))
    state.request()
    assert not state.apply(request, request.compute())


def test_cycle_sort_goes_ascending_descending_then_unsorted() -> None:
    state = TableView()
    steps = []
    for key in ["value", "value", "value", "value", "name", "value"]:
        state.cycle_sort(key)
        steps.append(state.sort)
    assert steps == [("value", False), ("value", True), None, ("value", False),
                     ("name", False), ("value", False)]


def test_then_sort_keeps_the_first_column_as_the_main_key() -> None:
    state = TableView()
    state.set_frame(pl.DataFrame({"town": ["b", "a", "b", "a"], "n": [1, 2, 3, 4]}))
    state.sort_by("town")
    state.cycle_then_sort("n")
    assert state.sorts == (("town", False), ("n", False))
    state.cycle_then_sort("n")  # the tie-break turns descending
    request = state.request()
    assert state.apply(request, request.compute())
    assert state.view.rows() == [("a", 4), ("a", 2), ("b", 3), ("b", 1)]
    state.cycle_then_sort("n")  # then goes
    assert state.sorts == (("town", False),)
    state.cycle_sort("n")  # `s` sorts by that column alone
    assert state.sorts == (("n", False),)


def test_then_sort_without_a_sort_is_a_plain_sort() -> None:
    state = TableView()
    state.set_frame(pl.DataFrame({"n": [2, 1]}))
    state.cycle_then_sort("n")
    assert state.sorts == (("n", False),)


def test_pins_keep_exact_values_including_empty_ones() -> None:
    state = TableView()
    state.set_frame(pl.DataFrame({"level": ["市级", None, "国家级", "市级"], "year": [1, 2, 3, 4]}))
    state.pin("level", "市级")
    request = state.request()
    assert not request.shows_frame
    assert state.apply(request, request.compute())
    assert state.view.get_column("year").to_list() == [1, 4]
    state.pin("level", None)
    request = state.request()
    assert state.apply(request, request.compute())
    assert state.view.get_column("year").to_list() == [2]
    state.clear_pins()
    assert state.request().shows_frame


def test_pins_and_sorts_of_a_lost_column_are_forgotten() -> None:
    state = TableView()
    state.set_frame(pl.DataFrame({"a": [1], "b": [2]}))
    state.pin("b", 2)
    state.sort_by("a")
    state.cycle_then_sort("b")
    state.set_frame(pl.DataFrame({"a": [1]}))
    assert state.pins == {} and state.sorts == (("a", False),)
