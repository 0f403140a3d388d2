"""`scrapy stats SITE --chart FILE.png`: what the archive holds, as a chart for a report.

``chart_data`` is pure: it turns the store's ``site_stats`` into the numbers drawn, and
the same numbers go into the PNG as a text chunk (``DATA_KEY``), so a reader or a test
can check the chart against the archive without reading pixels. ``write_chart`` draws
with matplotlib's Agg canvas directly — no pyplot, so no display, no GUI backend and no
global state, which is what a cron job or a server needs. matplotlib is the optional
extra ``charts``; ``matplotlib_missing`` says so in one line.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

UNDATED = "undated"  # the store's month for stories with no date
DATA_KEY = "newscrawl-chart-data"  # the PNG text chunk holding ChartData as JSON
# matplotlib draws Arabic letters unjoined and left to right; shaping needs
# arabic-reshaper and python-bidi, which newscrawl does not depend on for one label.
_MONTH = re.compile(r"\d{4}-\d{2}")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


@dataclass(frozen=True)
class ChartData:
    site: str
    total: int
    months: list[str]  # every month from the oldest shown to the newest, oldest first; "undated" last
    stories: dict[str, list[int]]  # section → stories in each of ``months``
    coverage: dict[str, float]  # field → share of the site's stories that have it
    runs: list[dict]  # the last runs, oldest first: start, archived, exit_status


def recent_months(counts: Mapping[tuple[str, str], int], last: int) -> list[str]:
    """The last ``last`` months that hold stories, newest first, as `scrapy stats` lists them."""
    return sorted({month for _, month in counts}, reverse=True)[:last]


def chart_data(site: str, counts: Mapping[tuple[str, str], int], coverage: Mapping[str, int], total: int,
               runs: Iterable[tuple], last: int) -> ChartData:
    """The chart's numbers from ``site_stats``' result: stories per section over the same
    months the table shows, with the months between them that hold no story as zeros (a
    time axis that skipped them would draw a gap as a steady stream), and sections with
    no story in them left out."""
    shown = recent_months(counts, last)
    dated = sorted(m for m in shown if _MONTH.fullmatch(m))
    months = [*(_month_range(dated[0], dated[-1]) if dated else []),
              *sorted(m for m in shown if not _MONTH.fullmatch(m))]
    sections = sorted({section for section, _ in counts})
    stories = {s: [counts.get((s, m), 0) for m in months] for s in sections}
    return ChartData(
        site=site, total=total, months=months,
        stories={s: row for s, row in stories.items() if any(row)},
        coverage={f: (n / total if total else 0.0) for f, n in coverage.items()},
        runs=[{"start": str(start), "archived": archived, "exit_status": status}
              for start, archived, status, *_ in reversed(list(runs))],
    )


def _month_range(first: str, last: str) -> list[str]:
    year, month = map(int, first.split("-"))
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def chart_label(name: str, number: int) -> str:
    """``name`` as the chart can print it: an Arabic name would come out unjoined and
    backwards, so it becomes «section N» (the PNG's data keeps the real name)."""
    return f"section {number} (Arabic name)" if _ARABIC.search(name) else name


def matplotlib_missing() -> str | None:
    """Why a chart cannot be drawn here, in one line; None when it can."""
    try:
        import matplotlib  # noqa: F401, PLC0415 - the optional extra "charts"
    except ImportError:
        return "--chart needs matplotlib: pip install 'newscrawl[charts]' (or pip install matplotlib)"
    return None


def folder_problem(path: Path) -> str | None:
    """Why ``path``'s folder cannot take the chart (missing, not writable), or None."""
    if not path.parent.is_dir():
        return f"no folder {path.parent}"
    try:  # a real write: permission bits say nothing for root or a read-only mount
        handle, probe = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        return f"{error.strerror or error}"
    os.close(handle)
    os.unlink(probe)
    return None


def write_chart(data: ChartData, path: Path) -> None:
    """Draw ``data`` into the PNG ``path``, whole or not at all (a temporary file beside
    it, moved into place when complete). OSError says why the folder cannot take it."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            figure(data).savefig(stream, format="png", dpi=100,
                                 metadata={DATA_KEY: json.dumps(asdict(data))})  # ASCII: PNG text is Latin-1
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def figure(data: ChartData) -> Figure:
    """The chart: stories per month stacked by section above, field coverage and the last
    runs below. A matplotlib Figure on an Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415 - optional extra
    from matplotlib.figure import Figure  # noqa: PLC0415

    fig = Figure(figsize=(12, 8), layout="constrained")
    FigureCanvasAgg(fig)
    grid = fig.add_gridspec(2, 2, height_ratios=(3, 2))
    _stories(fig.add_subplot(grid[0, :]), data)
    _coverage(fig.add_subplot(grid[1, 0]), data)
    _runs(fig.add_subplot(grid[1, 1]), data)
    return fig


def _stories(ax, data: ChartData) -> None:
    positions = range(len(data.months))
    bottom = [0] * len(data.months)
    colours = _colours(len(data.stories))
    for number, (section, row) in enumerate(data.stories.items(), start=1):
        ax.bar(positions, row, bottom=bottom, label=chart_label(section, number), color=colours[number - 1])
        bottom = [b + n for b, n in zip(bottom, row, strict=True)]
    ax.set_title(f"{data.site}: {data.total} stories — stories per month, by section")
    ax.set_ylabel("stories")
    ax.yaxis.get_major_locator().set_params(integer=True)  # stories come whole
    # At most ~36 month labels stay readable across the width; label every k-th month beyond.
    step = max(1, -(-len(data.months) // 36))
    ax.set_xticks(list(positions)[::step], data.months[::step], rotation=90 if len(data.months) > 12 else 0)
    ax.margins(x=0.01)
    if data.stories:
        ax.legend(title="section", loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
    else:
        ax.text(0.5, 0.5, "no stories", transform=ax.transAxes, ha="center")


def _coverage(ax, data: ChartData) -> None:
    fields = list(data.coverage)[::-1]  # first field at the top
    shares = [data.coverage[f] * 100 for f in fields]
    ax.barh(fields, shares, color="#4c72b0")
    for y, share in enumerate(shares):  # inside a long bar, beside a short one
        inside = share >= 15
        ax.text(share - 1 if inside else share + 1, y, f"{share:.0f}%", va="center", fontsize="small",
                ha="right" if inside else "left", color="white" if inside else "black")
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of stories with the field")
    ax.set_title("field coverage")


def _runs(ax, data: ChartData) -> None:
    ax.set_title("last runs: stories archived (red: failed)")
    if not data.runs:
        ax.text(0.5, 0.5, "no runs recorded", transform=ax.transAxes, ha="center")
        return
    ax.bar(range(len(data.runs)), [r["archived"] for r in data.runs],
           color=["#55a868" if r["exit_status"] == 0 else "#c44e52" for r in data.runs])
    ax.set_xlim(-0.5, max(len(data.runs), 10) - 0.5)  # one run is one narrow bar, not a block
    ax.yaxis.get_major_locator().set_params(integer=True)
    # "2026-12-06T04:24:04Z" → "12-06 04:24": the year and seconds only crowd the axis.
    ax.set_xticks(range(len(data.runs)), [r["start"][5:16].replace("T", " ") for r in data.runs],
                  rotation=45, ha="right", fontsize="small")
    ax.set_ylabel("stories")


def _colours(count: int) -> list:
    from matplotlib import colormaps  # noqa: PLC0415

    palette = colormaps["tab10" if count <= 10 else "tab20"]
    return [palette(i % palette.N) for i in range(count)]
