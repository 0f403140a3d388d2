"""newscrawl.export.chart: the numbers a `scrapy stats --chart` draws, from the archive's counts."""

from __future__ import annotations

import pytest

from newscrawl.export.chart import ChartData, chart_data, chart_label, recent_months

COUNTS = {("News", "2024-01"): 3, ("News", "2024-03"): 1, ("Sports", "2024-03"): 2, ("Sports", "2023-12"): 4,
          ("Opinion", "2020-05"): 7}
RUNS = [("2026-12-06T04:24:04Z", 5, 0, []), ("2026-12-05T04:00:00Z", 0, 3, ["the crawl did not finish"])]


@pytest.mark.parametrize(("counts", "last", "months", "stories"), [
    # The table's last N months with stories, oldest first, the empty months between them as zeros.
    (COUNTS, 3, ["2023-12", "2024-01", "2024-02", "2024-03"],
     {"News": [0, 3, 0, 1], "Sports": [4, 0, 0, 2]}),  # Opinion has none in them: no empty series
    (COUNTS, 1, ["2024-03"], {"News": [1], "Sports": [2]}),
    ({("News", "2023-11"): 1, ("News", "2024-02"): 1}, 12, ["2023-11", "2023-12", "2024-01", "2024-02"],
     {"News": [1, 0, 0, 1]}),
    # Undated stories stay visible, after the months, as in the table.
    ({("News", "2024-01"): 2, ("News", "undated"): 5}, 12, ["2024-01", "undated"], {"News": [2, 5]}),
    ({("News", "undated"): 5}, 12, ["undated"], {"News": [5]}),
    ({}, 12, [], {}),
])
def test_stories_per_month_per_section(counts, last, months, stories):
    data = chart_data("elaph", counts, {}, sum(counts.values()), [], last)
    assert data.months == months
    assert data.stories == stories
    assert list(data.stories) == sorted(data.stories)  # the legend in the table's column order


def test_every_story_of_the_window_is_drawn_once():
    data = chart_data("elaph", COUNTS, {}, 17, [], 600)
    assert sum(map(sum, data.stories.values())) == sum(COUNTS.values())
    assert data.months[0] == "2020-05" and data.months[-1] == "2024-03" and len(data.months) == 47


def test_the_months_are_the_tables():
    assert recent_months(COUNTS, 2) == ["2024-03", "2024-01"]  # newest first, months with stories only


def test_coverage_as_shares_and_runs_oldest_first():
    data = chart_data("elaph", COUNTS, {"headline": 17, "summary": 4}, 17, RUNS, 12)
    assert data.coverage == {"headline": 1.0, "summary": 4 / 17}
    assert data.runs == [{"start": "2026-12-05T04:00:00Z", "archived": 0, "exit_status": 3},
                         {"start": "2026-12-06T04:24:04Z", "archived": 5, "exit_status": 0}]
    assert chart_data("elaph", {}, {"headline": 0}, 0, [], 12).coverage == {"headline": 0.0}


@pytest.mark.parametrize(("name", "label"), [
    ("News", "News"),
    ("Économie", "Économie"),
    ("أخبار", "section 3 (Arabic name)"),  # matplotlib would draw it unjoined and backwards
    ("News-عربي", "section 3 (Arabic name)"),
])
def test_labels_never_hold_unshaped_arabic(name, label):
    assert chart_label(name, 3) == label


def test_the_figure_draws_exactly_the_data():
    pytest.importorskip("matplotlib")
    from newscrawl.export.chart import figure

    data = ChartData("elaph", 10, ["2024-01", "2024-02"], {"News": [3, 0], "Sports": [1, 6]},
                     {"headline": 1.0}, [{"start": "2026-12-06T04:24:04Z", "archived": 10, "exit_status": 0}])
    stories = figure(data).axes[0]
    bars = {container.get_label(): [patch.get_height() for patch in container] for container in stories.containers}
    assert bars == {"News": [3, 0], "Sports": [1, 6]}
    assert [t.get_text() for t in stories.get_xticklabels()] == ["2024-01", "2024-02"]
