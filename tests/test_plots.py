"""Charts: they draw the tables' numbers, in Dutch or English, purely, with matplotlib optional."""

from __future__ import annotations

import doctest
import inspect
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

import ondermijning_indicators as oi
from ondermijning_indicators import errors, plots
from ondermijning_indicators.schemas import DUURKLASSEN, FINANCIEEL_THEMAS, UITKOMSTEN

Chart = Callable[..., Figure]

CHARTS: dict[str, Chart] = {
    "uitspraken_per_uitkomst": plots.uitspraken_per_uitkomst,
    "vrijheidsstraffen_per_duur": plots.vrijheidsstraffen_per_duur,
    "beslag_tegen_doelstelling": plots.beslag_tegen_doelstelling,
    "fte_groei_traject": plots.fte_groei_traject,
    "besteding_per_thema": plots.besteding_per_thema,
}

TABLE_ARGUMENTS: list[tuple[Chart, str, str]] = [
    (plots.uitspraken_per_uitkomst, "uitspraken", "uitspraken"),
    (plots.vrijheidsstraffen_per_duur, "vrijheidsstraffen", "vrijheidsstraffen"),
    (plots.beslag_tegen_doelstelling, "beslag", "beslag"),
    (plots.beslag_tegen_doelstelling, "doelstellingen", "beslag_doelstellingen"),
    (plots.besteding_per_thema, "besteding", "financieel_besteding_thema"),
]
"""(chart, keyword argument, sample table) for every table a chart accepts."""


def _ax(fig: Figure) -> Axes:
    assert len(fig.axes) == 1
    return fig.axes[0]


def _bars(ax: Axes) -> list[BarContainer]:
    return [c for c in ax.containers if isinstance(c, BarContainer)]


def _heights(container: BarContainer) -> list[float]:
    return [float(bar.get_height()) for bar in container]


def _bottoms(container: BarContainer) -> list[float]:
    return [float(bar.get_y()) for bar in container]


def _centres(container: BarContainer) -> list[float]:
    return [float(bar.get_x() + bar.get_width() / 2) for bar in container]


def _line(ax: Axes, label: str) -> Line2D:
    (line,) = [line for line in ax.get_lines() if line.get_label() == label]
    return line


def _x(line: Line2D) -> list[float]:
    return [float(v) for v in np.asarray(line.get_xdata(), dtype="float64")]


def _y(line: Line2D) -> list[float]:
    return [float(v) for v in np.asarray(line.get_ydata(), dtype="float64")]


def _legend(ax: Axes) -> list[str]:
    legend = ax.get_legend()
    assert legend is not None
    return [text.get_text() for text in legend.get_texts()]


def _wide(table: str, column: str, order: tuple[str, ...]) -> pd.DataFrame:
    df = oi.load_sample(table)
    return df.pivot(index="jaar", columns=column, values="aantal")[list(order)].sort_index()


# --------------------------------------------------------------------------- the data drawn


@pytest.mark.parametrize(
    ("chart", "table", "column", "order"),
    [
        (plots.uitspraken_per_uitkomst, "uitspraken", "uitkomst", UITKOMSTEN),
        (plots.vrijheidsstraffen_per_duur, "vrijheidsstraffen", "duurklasse", DUURKLASSEN),
    ],
)
def test_court_charts_stack_the_sample_counts_per_year(
    chart: Chart, table: str, column: str, order: tuple[str, ...]
) -> None:
    wide = _wide(table, column, order)
    bars = _bars(_ax(chart()))
    assert len(bars) == len(order)
    bottom = np.zeros(len(wide))
    for container, category in zip(bars, order, strict=True):
        assert _centres(container) == pytest.approx(wide.index.tolist())
        assert _heights(container) == wide[category].tolist()
        assert _bottoms(container) == pytest.approx(bottom.tolist())
        bottom += wide[category].to_numpy()
    tops = [b + h for b, h in zip(_bottoms(bars[-1]), _heights(bars[-1]), strict=True)]
    assert tops == wide.sum(axis=1).tolist()


def test_verdicts_chart_tops_are_the_printed_totals() -> None:
    printed = oi.load_sample("uitspraken_totaal").set_index("jaar")["aantal"].sort_index()
    top = _bars(_ax(plots.uitspraken_per_uitkomst()))[-1]
    tops = [b + h for b, h in zip(_bottoms(top), _heights(top), strict=True)]
    assert tops == printed.tolist()


def test_custodial_chart_2022_sums_to_999() -> None:
    bars = _bars(_ax(plots.vrijheidsstraffen_per_duur()))
    assert sum(_heights(c)[-1] for c in bars) == 999


def test_seizure_chart_draws_seizures_targets_and_the_police_trajectory() -> None:
    ax = _ax(plots.beslag_tegen_doelstelling(taal="en"))
    seized, digital = _bars(ax)
    beslag = oi.load_sample("beslag").set_index(["soort", "jaar"])["bedrag_eur"] / 1e6
    assert _centres(seized) == [2022]
    assert _heights(seized) == pytest.approx([beslag["totaal", 2022]])
    assert _heights(digital) == pytest.approx([beslag["digitaal", 2022]])
    assert _heights(seized) == pytest.approx([246.0])  # "ruim 246 miljoen euro"
    assert _heights(digital) == pytest.approx([13.9])

    target = _line(ax, "Target")
    assert _x(target) == [2022]
    assert _y(target) == pytest.approx([271.6])

    police = _line(ax, "Police trajectory (Veiligheidsagenda)")
    assert _x(police) == [2023, 2024, 2025, 2026]
    assert _y(police) == pytest.approx([190.0, 200.0, 210.0, 220.0])
    printed_points = [
        line for line in ax.get_lines() if _x(line) == [2023, 2026] and line.get_marker() == "o"
    ]
    assert len(printed_points) == 1
    assert _y(printed_points[0]) == pytest.approx([190.0, 220.0])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2022", "2023", "2024", "2025", "2026"]


def test_seizure_chart_draws_a_user_trajectory_between_its_printed_end_points() -> None:
    doelstellingen = pd.DataFrame(
        {
            "jaar": [2024, 2028],
            "partij": ["politie", "politie"],
            "bedrag_eur": [100e6, 300e6],
        }
    )
    ax = _ax(plots.beslag_tegen_doelstelling(doelstellingen=doelstellingen, taal="en"))
    police = _line(ax, "Police trajectory (Veiligheidsagenda)")
    assert _x(police) == [2024, 2025, 2026, 2027, 2028]
    assert _y(police) == pytest.approx([100, 150, 200, 250, 300])
    assert _x(_line(ax, "Target")) == []


def test_seizure_chart_marks_a_single_police_target_as_a_point() -> None:
    doelstellingen = pd.DataFrame({"jaar": [2024], "partij": ["politie"], "bedrag_eur": [5e7]})
    ax = _ax(plots.beslag_tegen_doelstelling(doelstellingen=doelstellingen, taal="en"))
    police = _line(ax, "Police trajectory (Veiligheidsagenda)")
    assert (_x(police), _y(police)) == ([2024], [50.0])
    (point,) = [line for line in ax.get_lines() if line.get_marker() == "o"]
    assert (_x(point), _y(point), point.get_linestyle()) == ([2024], [50.0], "None")


def test_seizure_chart_keeps_every_supplied_target_and_draws_a_new_party() -> None:
    doelstellingen = pd.DataFrame(
        {
            "jaar": [2019, 2020, 2021, 2021, 2023],
            "partij": ["politie", "politie", "politie", "fiod", "fiod"],
            "bedrag_eur": [140e6, 171e6, 170e6, 20e6, 30e6],
        }
    )
    ax = _ax(plots.beslag_tegen_doelstelling(doelstellingen=doelstellingen, taal="en"))
    police = _line(ax, "Police trajectory (Veiligheidsagenda)")
    assert _y(police) == pytest.approx([140, 171, 170])  # not a line over the end points
    fiod = _line(ax, "doelstelling_fiod")  # a party without a label: shown by its code
    assert _x(fiod) == [2021, 2022, 2023]
    assert _y(fiod) == pytest.approx([20, 25, 30])


def _annotations(ax: Axes) -> list[Any]:
    """The notes on the data (the source line under the chart is not one)."""
    return [t for t in ax.texts if hasattr(t, "xy") and t.get_gid() != "bron"]


def _narrower_basis() -> Any:
    (caveat,) = [c for c in oi.sample_metadata("beslag").caveats if c.where]
    return caveat


def test_seizure_chart_annotates_2022_with_the_catalogue_caveat() -> None:
    caveat = _narrower_basis()
    assert caveat.where == (("jaar", ("2022",)),)
    ax = _ax(plots.beslag_tegen_doelstelling(taal="en"))
    (note,) = _annotations(ax)
    assert note.xy == pytest.approx((2022, 246.0))
    text = " ".join(note.get_text().split())
    assert text == re.sub(r"\s*\([^)]*\)", "", caveat.text)
    assert text.startswith("2022 was registered on a narrower basis")
    assert text.endswith(": not comparable with earlier years nor with the 2022 target.")
    assert "(" not in text  # shortened: the parenthesis left out


def test_seizure_chart_caveat_in_dutch_is_the_reports_own_words(report_text: str) -> None:
    ax = _ax(plots.beslag_tegen_doelstelling())
    (note,) = _annotations(ax)
    text = " ".join(note.get_text().split())
    assert text == _narrower_basis().text_nl
    assert "op een smallere basis" in text
    assert "gerapporteerd wordt op een smallere basis" in report_text
    assert "niet vergeleken worden met de cijfers van voorgaande jaren" in report_text


def test_seizure_chart_has_no_caveat_without_2022() -> None:
    beslag = pd.DataFrame({"jaar": [2023], "soort": ["totaal"], "bedrag_eur": [300e6]})
    ax = _ax(plots.beslag_tegen_doelstelling(beslag=beslag))
    assert _annotations(ax) == []
    assert _heights(_bars(ax)[0]) == [300.0]


def test_a_users_own_2022_carries_no_caveat_of_the_bundled_edition() -> None:
    beslag = pd.DataFrame({"jaar": [2022], "soort": ["totaal"], "bedrag_eur": [250e6]})
    assert _annotations(_ax(plots.beslag_tegen_doelstelling(beslag=beslag))) == []


def test_fte_chart_draws_both_paths_through_the_printed_end_points() -> None:
    ax = _ax(plots.fte_groei_traject())
    linear, geometric = _line(ax, "Lineair"), _line(ax, "Geometrisch")
    years = [2023, 2024, 2025, 2026, 2027]
    assert _x(linear) == years
    assert _y(linear) == pytest.approx([22, 49, 76, 103, 130])
    expected = [22 * (130 / 22) ** ((y - 2023) / 4) for y in years]
    assert _y(geometric) == pytest.approx(expected)
    assert _y(geometric)[2] == pytest.approx(53.5, abs=0.05)
    ends = [line for line in ax.get_lines() if _x(line) == [2023, 2027]]
    assert len(ends) == 1
    assert _y(ends[0]) == [22, 130]
    assert [t.get_text() for t in _annotations(ax)] == ["22 fte", "130 fte"]


def test_fte_chart_takes_another_series_and_keeps_its_supplied_years() -> None:
    ax = _ax(plots.fte_groei_traject(waarden=pd.Series({2020: 10.0, 2022: 40.0})))
    assert _y(_line(ax, "Lineair")) == pytest.approx([10, 25, 40])
    assert _y(_line(ax, "Geometrisch")) == pytest.approx([10, 20, 40])
    ax = _ax(plots.fte_groei_traject(waarden=pd.Series({2020: 10.0, 2021: 12.0, 2023: 40.0})))
    assert _y(_line(ax, "Lineair")) == pytest.approx([10, 12, 26, 40])


@pytest.mark.parametrize(
    ("waarden", "message"),
    [
        (pd.Series({2023: 22.0}), "at least two years"),
        (pd.Series({2023: 0.0, 2027: 130.0}), "geometric path needs positive values"),
        ([22, 130], "must be a Series of fte by year"),
    ],
)
def test_fte_chart_refuses_an_undefined_trajectory(waarden: Any, message: str) -> None:
    with pytest.raises(errors.InvalidInputError, match=message):
        plots.fte_groei_traject(waarden=waarden)


def test_spending_chart_stacks_the_themes_per_period() -> None:
    ax = _ax(plots.besteding_per_thema())
    df = oi.load_sample("financieel_besteding_thema")
    sums = df.groupby(["thema", "periode"])["bedrag_k_eur"].sum() / 1000
    periods = ["2022", "2023", "2024", "2025", "2026", "2027", "structureel"]
    bars = _bars(ax)
    assert len(bars) == len(FINANCIEEL_THEMAS)
    assert _legend(ax) == [  # top of the stack first, as printed
        "Ondermijningsbeleid",
        "Beschermen",
        "Bestraffen",
        "Verstoren van netwerken en verdienmodellen",
        "Voorkomen",
    ]
    for container, theme in zip(bars, FINANCIEEL_THEMAS, strict=True):
        assert _heights(container) == pytest.approx([sums[theme, p] for p in periods])
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == [*periods[:-1], "Structureel"]


def test_spending_chart_agrees_with_the_printed_totals() -> None:
    """The theme bars equal the printed theme totals; the stacks the printed grand total."""
    bars = dict(zip(FINANCIEEL_THEMAS, _bars(_ax(plots.besteding_per_thema())), strict=True))
    periods = ["2022", "2023", "2024", "2025", "2026", "2027", "structureel"]
    totals = oi.load_sample("financieel_besteding_thema_totaal")
    for thema, periode, amount in zip(
        totals["thema"], totals["periode"], totals["bedrag_k_eur"].astype(float), strict=True
    ):
        height = _heights(bars[str(thema)])[periods.index(str(periode))]
        assert height == pytest.approx(amount / 1000)
    eindtotaal = oi.load_sample("financieel_besteding_thema_eindtotaal")
    grand = eindtotaal.set_index("periode")["bedrag_k_eur"].astype(float)
    top = bars[FINANCIEEL_THEMAS[-1]]
    tops = [b + h for b, h in zip(_bottoms(top), _heights(top), strict=True)]
    expected = [grand[p] / 1000 for p in periods]
    assert tops == pytest.approx(expected, abs=1e-9)


def test_spending_chart_sums_tasks_and_leaves_out_absent_themes() -> None:
    besteding = pd.DataFrame(
        {
            "thema": ["verstoren"] * 4 + ["voorkomen"] * 2,
            "opgave": ["a", "a", "b", "b", "c", "c"],
            "periode": ["2024", "structureel"] * 3,
            "bedrag_k_eur": ["1500", "0", "500", "100", "3000", "0"],  # text, as from a CSV
            "gedrukt_als": ["getal", "streepje", "getal", "getal", "getal", "streepje"],
        }
    )
    ax = _ax(plots.besteding_per_thema(besteding=besteding, taal="en"))
    voorkomen, verstoren = _bars(ax)
    assert _legend(ax) == ["Disrupt", "Prevent"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2024", "Structural"]
    assert _heights(voorkomen) == [3.0, 0.0]
    assert _heights(verstoren) == pytest.approx([2.0, 0.1])
    assert _bottoms(verstoren) == [3.0, 0.0]


def test_court_chart_draws_user_data() -> None:
    uitspraken = oi.load_sample("uitspraken").astype(str)  # text, as read from a CSV file
    uitspraken = uitspraken[uitspraken["jaar"] == "2020"]
    bars = _bars(_ax(plots.uitspraken_per_uitkomst(uitspraken=uitspraken)))
    assert [_heights(c) for c in bars] == [[963.0], [143.0], [76.0]]
    assert _centres(bars[0]) == [2020]


# --------------------------------------------------------------------------- labels


def test_custodial_labels_are_the_printed_labels() -> None:
    printed = oi.sample_metadata("vrijheidsstraffen").printed_labels
    ax = _ax(plots.vrijheidsstraffen_per_duur())
    assert _legend(ax) == [printed[k] for k in reversed(DUURKLASSEN)]
    assert _legend(ax) == ["> 5 jaar", "2-5 jaar", "1-2 jaar", "< 1 jaar"]
    ax_en = _ax(plots.vrijheidsstraffen_per_duur(taal="en"))
    assert _legend(ax_en) == ["> 5 years", "2-5 years", "1-2 years", "< 1 year"]


def test_verdict_labels_in_dutch_and_english() -> None:
    nl = _ax(plots.uitspraken_per_uitkomst())
    en = _ax(plots.uitspraken_per_uitkomst(taal="en"))
    assert _legend(nl) == ["Overig", "Vrijspraak", "Schuldig"]
    assert _legend(en) == ["Other", "Acquitted", "Guilty"]
    meta = oi.sample_metadata("uitspraken")
    assert nl.get_title() == meta.title_nl
    assert en.get_title() == meta.title_en


EXPECTED_AXIS_LABELS = {
    "uitspraken_per_uitkomst": (("Jaar", "Aantal verdachten"), ("Year", "Number of suspects")),
    "vrijheidsstraffen_per_duur": (("Jaar", "Aantal verdachten"), ("Year", "Number of suspects")),
    "beslag_tegen_doelstelling": (("Jaar", "Miljoen euro"), ("Year", "Million euro")),
    "fte_groei_traject": (("Jaar", "fte"), ("Year", "FTE")),
    "besteding_per_thema": (("Periode", "Miljoen euro"), ("Period", "Million euro")),
}


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_labels_are_dutch_by_default_and_english_on_request(name: str) -> None:
    chart = CHARTS[name]
    (nl_x, nl_y), (en_x, en_y) = EXPECTED_AXIS_LABELS[name]
    default, nl, en = _ax(chart()), _ax(chart(taal="nl")), _ax(chart(taal="en"))
    assert (default.get_xlabel(), default.get_ylabel()) == (nl_x, nl_y)
    assert (nl.get_xlabel(), nl.get_ylabel()) == (nl_x, nl_y)
    assert (en.get_xlabel(), en.get_ylabel()) == (en_x, en_y)
    assert default.get_title() == nl.get_title() != en.get_title()
    assert _legend(default) == _legend(nl) != _legend(en)


@pytest.mark.parametrize("name", sorted(CHARTS))
@pytest.mark.parametrize("taal", ["de", "NL", "", None])
def test_an_unknown_language_is_refused(name: str, taal: object) -> None:
    with pytest.raises(errors.InvalidInputError, match=rf"taal must be 'nl'.*got {taal!r}"):
        CHARTS[name](taal=taal)


CATEGORY_TABLES = {
    "uitspraken": UITKOMSTEN,
    "vrijheidsstraffen": DUURKLASSEN,
    "financieel_besteding_thema": FINANCIEEL_THEMAS,
}


def test_every_label_has_both_languages() -> None:
    codes = {*UITKOMSTEN, *DUURKLASSEN, *FINANCIEEL_THEMAS}
    assert codes <= set(plots.LABELS["en"])
    # In Dutch the categories are labelled as printed, from the edition's catalogue.
    for table, table_codes in CATEGORY_TABLES.items():
        assert set(table_codes) <= set(oi.sample_metadata(table).printed_labels), table
    # Caveats are not labels: the charts take them from the edition's catalogue.
    assert set(plots.LABELS["en"]) == set(plots.LABELS["nl"]) | codes
    for taal, labels in plots.LABELS.items():
        assert all(text.strip() for text in labels.values()), taal


def test_each_label_is_stated_once() -> None:
    """No label of the charts repeats one of the edition's catalogue or the metric catalogue."""
    stated: set[str] = set()
    for table in oi.list_samples().index:
        meta = oi.sample_metadata(table)
        stated |= {meta.title_nl, meta.title_en, *meta.printed_labels.values()}
    metrics = oi.list_metrics()
    stated |= {*metrics["label_nl"], *metrics["label_en"]}
    for taal, labels in plots.LABELS.items():
        assert not set(labels.values()) & stated, taal


@pytest.mark.parametrize("chart", [plots.uitspraken_per_uitkomst, plots.besteding_per_thema])
def test_dutch_categories_are_labelled_as_printed(chart: Chart) -> None:
    table = "uitspraken" if chart is plots.uitspraken_per_uitkomst else "financieel_besteding_thema"
    printed = oi.sample_metadata(table).printed_labels
    ax = _ax(chart())
    assert _legend(ax) == [printed[code] for code in reversed(CATEGORY_TABLES[table])]


# --------------------------------------------------------------------------- source, legend, axis


def _source_text(ax: Axes) -> str:
    (source,) = [t for t in ax.texts if t.get_gid() == "bron"]
    return " ".join(source.get_text().split())


def _catalogue_source(name: str, taal: str) -> list[str]:
    """What the source line of a chart of the bundled tables must name, from the catalogues."""
    edition = oi.load_edition()
    named = [edition.publisher, edition.title, edition.published]
    if name == "fte_groei_traject":
        source = oi.get_metric("fte_groei").source
        return [*named, source.section, source.table]
    tables = {
        "uitspraken_per_uitkomst": ["uitspraken"],
        "vrijheidsstraffen_per_duur": ["vrijheidsstraffen"],
        "beslag_tegen_doelstelling": ["beslag", "beslag_doelstellingen"],
        "besteding_per_thema": ["financieel_besteding_thema"],
    }[name]
    for table in tables:
        meta = oi.sample_metadata(table)
        named += [meta.section.split(" > ")[0], meta.title_nl if taal == "nl" else meta.title_en]
    return named


@pytest.mark.parametrize("taal", ["nl", "en"])
@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_names_its_source_under_it(name: str, taal: str) -> None:
    fig = CHARTS[name](taal=taal)
    ax = _ax(fig)
    text = _source_text(ax)
    assert text.startswith({"nl": "Bron: ", "en": "Source: "}[taal])
    for part in _catalogue_source(name, taal):
        assert " ".join(part.split()) in text, part
    # under the chart: below the x-axis label, inside the figure
    fig.draw_without_rendering()
    (source,) = [t for t in ax.texts if t.get_gid() == "bron"]
    box = source.get_window_extent()
    assert box.y1 <= ax.xaxis.label.get_window_extent().y0
    assert box.y0 >= 0
    assert box.x0 == pytest.approx(ax.get_window_extent().x0, abs=1)


def test_a_chart_of_your_own_table_names_it_as_own_data() -> None:
    uitspraken = oi.load_sample("uitspraken")
    assert _source_text(_ax(plots.uitspraken_per_uitkomst(uitspraken=uitspraken))) == (
        "Bron: eigen gegevens (uitspraken)."
    )
    en = _ax(plots.fte_groei_traject(waarden=pd.Series({2020: 1.0, 2021: 2.0}), taal="en"))
    assert _source_text(en) == "Source: own data (waarden)."
    doelstellingen = pd.DataFrame({"jaar": [2024], "partij": ["politie"], "bedrag_eur": [5e7]})
    mixed = _source_text(_ax(plots.beslag_tegen_doelstelling(doelstellingen=doelstellingen)))
    assert mixed.endswith("; eigen gegevens (beslag_doelstellingen).")
    assert oi.sample_metadata("beslag").title_nl in mixed


STACKED = ["besteding_per_thema", "uitspraken_per_uitkomst", "vrijheidsstraffen_per_duur"]


@pytest.mark.parametrize("taal", ["nl", "en"])
@pytest.mark.parametrize("name", STACKED)
def test_the_legend_lists_the_stack_from_the_top(name: str, taal: str) -> None:
    ax = _ax(CHARTS[name](taal=taal))
    bars = _bars(ax)
    assert _legend(ax) == [str(c.get_label()) for c in reversed(bars)]
    # as seen: in every bar, the segment higher up comes first in the legend
    for i in range(len(bars[0])):
        segments = [(c[i].get_y(), c.get_label()) for c in bars if c[i].get_height() > 0]
        seen = [label for _, label in sorted(segments, reverse=True)]
        assert seen == [label for label in _legend(ax) if label in seen]


def _drawn_top(ax: Axes) -> float:
    """The highest value drawn: a bar's (a stack's) top, a line's or a marker's value."""
    tops = [float(b.get_y() + b.get_height()) for c in _bars(ax) for b in c]
    tops += [v for line in ax.get_lines() for v in _y(line)]
    return max(tops)


@pytest.mark.parametrize("taal", ["nl", "en"])
@pytest.mark.parametrize("name", sorted(CHARTS))
def test_the_y_axis_fits_the_data(name: str, taal: str) -> None:
    """From 0 (counts and amounts; bars start there) to at most 8% above the highest value."""
    ax = _ax(CHARTS[name](taal=taal))
    low, high = ax.get_ylim()
    top = _drawn_top(ax)
    assert low == 0
    assert top <= high <= top * 1.08, (top, high)


def test_a_stacked_chart_fits_the_stacks_total() -> None:
    ax = _ax(plots.besteding_per_thema())
    total = oi.load_sample("financieel_besteding_thema_eindtotaal")["bedrag_k_eur"].max() / 1000
    assert _drawn_top(ax) == pytest.approx(total)
    assert total < ax.get_ylim()[1] <= total * 1.08


# --------------------------------------------------------------------------- validation, purity


def _break(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``df`` with one bad cell: a Dutch thousands dot, or a negative amount."""
    bad = df.astype(str)
    if table == "financieel_besteding_thema":
        bad.loc[bad.index[0], "bedrag_k_eur"] = "45.449"
    elif "aantal" in bad.columns:
        bad.loc[bad.index[-1], "aantal"] = "1.238"
    else:
        bad.loc[bad.index[-1], "bedrag_eur"] = "-5"
    return bad


@pytest.mark.parametrize(
    ("chart", "argument", "table"), TABLE_ARGUMENTS, ids=[a for _, a, _ in TABLE_ARGUMENTS]
)
def test_a_broken_user_table_raises_the_packages_validation_error(
    chart: Chart, argument: str, table: str
) -> None:
    bad = _break(table, oi.load_sample(table))
    with pytest.raises(errors.DataValidationError, match=table) as info:
        chart(**{argument: bad})
    failures = info.value.failures
    assert isinstance(failures, pd.DataFrame)
    assert set(failures["table"]) == {table}
    assert len(failures) == 1


@pytest.mark.parametrize(
    ("chart", "argument", "table"), TABLE_ARGUMENTS, ids=[a for _, a, _ in TABLE_ARGUMENTS]
)
def test_a_table_of_another_kind_is_refused(chart: Chart, argument: str, table: str) -> None:
    with pytest.raises(errors.DataValidationError, match="missing"):
        chart(**{argument: oi.load_sample("drugsvangsten")})
    with pytest.raises(errors.InvalidInputError, match=f"{table}.*DataFrame.*got dict"):
        chart(**{argument: {"jaar": [2022]}})


@pytest.mark.parametrize(
    ("chart", "argument", "table"), TABLE_ARGUMENTS, ids=[a for _, a, _ in TABLE_ARGUMENTS]
)
def test_charts_do_not_change_their_inputs(chart: Chart, argument: str, table: str) -> None:
    for given in (oi.load_sample(table), oi.load_sample(table).astype(str)):
        before = given.copy(deep=True)
        chart(**{argument: given})
        pd.testing.assert_frame_equal(given, before)


def test_charts_do_not_change_the_bundled_samples() -> None:
    before = oi.load_samples()
    for chart in CHARTS.values():
        chart()
    after = oi.load_samples()
    for name, df in before.items():
        pd.testing.assert_frame_equal(after[name], df)


# --------------------------------------------------------------------------- figures, axes


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_each_chart_is_a_new_figure_not_known_to_pyplot(name: str) -> None:
    first, second = CHARTS[name](), CHARTS[name]()
    assert isinstance(first, Figure)
    assert first is not second
    assert getattr(first.canvas, "manager", None) is None


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_each_chart_draws_into_a_given_axes(name: str) -> None:
    fig = Figure()
    left, right = fig.subplots(1, 2)
    returned = CHARTS[name](ax=right)
    assert returned is fig
    assert right.has_data()
    assert not left.has_data()
    assert len(fig.axes) == 2


def test_a_chart_in_a_subfigure_returns_the_whole_figure() -> None:
    fig = Figure()
    sub = fig.subfigures(1, 2, squeeze=False)[0, 1]
    ax = sub.add_subplot()
    assert plots.uitspraken_per_uitkomst(ax=ax) is fig
    assert len(_bars(ax)) == 3


def test_charts_render_without_a_gui(tmp_path: Any) -> None:
    for name, chart in CHARTS.items():
        path = tmp_path / f"{name}.png"
        chart().savefig(path)
        assert path.stat().st_size > 0


# --------------------------------------------------------------------------- matplotlib optional


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_importing_the_package_does_not_import_matplotlib() -> None:
    out = _run(
        """
        import sys
        import ondermijning_indicators
        from ondermijning_indicators import plots
        print(sorted(m for m in sys.modules if m.split(".")[0] == "matplotlib"))
        """
    )
    assert out == "[]"


def test_drawing_does_not_import_pyplot() -> None:
    out = _run(
        """
        import sys
        from ondermijning_indicators import plots
        for name in plots.__all__:
            if name != "LABELS":
                getattr(plots, name)()
        print("matplotlib.figure" in sys.modules, "matplotlib.pyplot" in sys.modules)
        """
    )
    assert out == "True False"


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_without_matplotlib_a_chart_says_how_to_install_it(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for module in [m for m in sys.modules if m.split(".")[0] == "matplotlib"]:
        monkeypatch.setitem(sys.modules, module, None)  # makes `import` fail
    with pytest.raises(
        ImportError, match=re.escape('pip install "ondermijning-indicators[plots]"')
    ):
        CHARTS[name]()


# --------------------------------------------------------------------------- public surface


def test_the_module_exports_every_chart_with_a_doctest() -> None:
    functions = {n for n in plots.__all__ if inspect.isfunction(getattr(plots, n))}
    assert functions == set(CHARTS)
    assert plots.__all__ == sorted(plots.__all__, key=lambda n: (not n.isupper(), n))
    for name in functions:
        doc = inspect.getdoc(getattr(plots, name)) or ""
        assert doctest.DocTestParser().get_examples(doc), name
        assert "Returns" in doc, name


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart_arguments_are_keyword_only(name: str) -> None:
    parameters = inspect.signature(CHARTS[name]).parameters.values()
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters)
    assert {"taal", "ax"} <= {p.name for p in parameters}
