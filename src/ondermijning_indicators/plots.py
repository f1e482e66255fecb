"""Charts of the report's tables, drawn with matplotlib.

Every function draws one chart of the bundled sample data, or of your own table of
the same form, and returns a `matplotlib.figure.Figure`. Labels are Dutch by
default (``taal="nl"``) and English on request (``taal="en"``); all of them come from
`LABELS`, the edition's catalogue (titles, the categories as the report prints them,
caveats) and the metric catalogue, each stated once. A chart of your own table carries
no caveat of a bundled edition; a category code without a label (a port or party a new
edition names) is shown as its code.

Under every chart is its source (an annotation with the gid ``"bron"``): the report, the
section and the table drawn, from the edition's catalogue, or "eigen gegevens" ("own
data") for a table of your own. The legend of stacked bars lists the segments from the
top of the stack down, as they are seen; the y-axis runs from 0 to just above the
highest value drawn (the highest stack).

matplotlib is an optional dependency: install it with
``pip install "ondermijning-indicators[plots]"``. It is imported only when a chart is
drawn, so ``import ondermijning_indicators`` works without it.

The functions are pure: they keep no pyplot state (each figure is a
`Figure` of its own, not registered with ``pyplot``), and
they do not change the tables they are given. Pass ``ax`` to draw into an Axes of
your own; the figure that holds it is returned.

Examples
--------
>>> from ondermijning_indicators import plots
>>> fig = plots.uitspraken_per_uitkomst(taal="en")
>>> fig.axes[0].get_ylabel()
'Number of suspects'
>>> fig.savefig("uitspraken.png")  # doctest: +SKIP
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final, Literal

import numpy as np
import pandas as pd

# The package's public names (not its private modules, which may move)
from . import get_metric, load_edition, load_sample, metrics, sample_metadata, validate_tables
from .errors import InvalidInputError
from .schemas import DUURKLASSEN, FINANCIEEL_THEMAS, UITKOMSTEN

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "LABELS",
    "beslag_tegen_doelstelling",
    "besteding_per_thema",
    "fte_groei_traject",
    "uitspraken_per_uitkomst",
    "vrijheidsstraffen_per_duur",
]

Taal = Literal["nl", "en"]

LABELS: Final[Mapping[str, Mapping[str, str]]] = {
    "nl": {
        # categories: the codes of the tables (those the report prints: the catalogue's
        # printed_labels, not here)
        "beslag_totaal": "Beslag",
        "beslag_digitaal": "Waarvan digitaal",
        "doelstelling_totaal": "Doelstelling",
        "doelstelling_politie": "Stijgende lijn politie (Veiligheidsagenda)",
        "structureel": "Structureel",
        "lineair": "Lineair",
        "geometrisch": "Geometrisch",
        # axes, titles, notes
        "jaar": "Jaar",
        "periode": "Periode",
        "aantal_verdachten": "Aantal verdachten",
        "miljoen_euro": "Miljoen euro",
        "fte": "fte",
        "titel_besteding_per_thema": "Geplande besteding per thema",
        "bron": "Bron",
        "eigen_gegevens": "eigen gegevens",
    },
    "en": {
        "schuldig": "Guilty",
        "vrijspraak": "Acquitted",
        "overig": "Other",
        "minder_dan_1_jaar": "< 1 year",
        "1_tot_2_jaar": "1-2 years",
        "2_tot_5_jaar": "2-5 years",
        "meer_dan_5_jaar": "> 5 years",
        "beslag_totaal": "Seized",
        "beslag_digitaal": "Of which digital",
        "doelstelling_totaal": "Target",
        "doelstelling_politie": "Police trajectory (Veiligheidsagenda)",
        "voorkomen": "Prevent",
        "verstoren": "Disrupt",
        "bestraffen": "Punish",
        "beschermen": "Protect",
        "ondermijningsbeleid": "Undermining policy",
        "structureel": "Structural",
        "lineair": "Linear",
        "geometrisch": "Geometric",
        "jaar": "Year",
        "periode": "Period",
        "aantal_verdachten": "Number of suspects",
        "miljoen_euro": "Million euro",
        "fte": "FTE",
        "titel_besteding_per_thema": "Planned spending by theme",
        "bron": "Source",
        "eigen_gegevens": "own data",
    },
}
"""Every label the charts print, by language (``"nl"``, ``"en"``) and key.

Category keys are the codes of the tables (``"schuldig"``, ``"minder_dan_1_jaar"``,
``"verstoren"``, ...); the others name an axis, a title or a note. In Dutch, a category
the report prints (an outcome, a duration class, a theme) is labelled as printed, from
the ``printed_labels`` of the table in the edition's catalogue, and has no key here.
Caveats and sources are not labels: they come from the catalogue of the edition drawn.
"""

_INSTALL_HINT = 'pip install "ondermijning-indicators[plots]"'
_MILJOEN = 1e6
_TITLE_WIDTH = 60
_SOURCE_WIDTH = 110
_SOURCE_GID = "bron"
_Y_MARGIN = 0.05
"""Room above the highest value drawn, as a share of it (matplotlib's own margin)."""


# --------------------------------------------------------------------------- helpers


def _figure_class() -> type[Figure]:
    """Import matplotlib on first use; say how to install it when it is missing."""
    try:
        from matplotlib.figure import Figure
    except ImportError as err:
        raise ImportError(
            f"the charts of ondermijning_indicators.plots need matplotlib; install it with "
            f"{_INSTALL_HINT}"
        ) from err
    return Figure


def _labels(taal: str) -> Mapping[str, str]:
    if taal not in LABELS:
        raise InvalidInputError(
            f"taal must be 'nl' (Dutch labels) or 'en' (English labels), got {taal!r}"
        )
    return LABELS[taal]


def _label(labels: Mapping[str, str], key: str) -> str:
    """Return the label of a code, or the code itself for one the labels do not know."""
    return labels.get(key, key)


def _category_labels(table: str, taal: Taal) -> Mapping[str, str]:
    """Return the labels, with the codes of ``table`` as printed when in Dutch."""
    labels = _labels(taal)
    if taal == "nl":
        return {**labels, **sample_metadata(table).printed_labels}
    return labels


def _report() -> str:
    """Return the report of the latest edition: publisher, title and date."""
    edition = load_edition()
    return f"{edition.publisher}, {edition.title} ({edition.published})"


def _source(drawn: Mapping[str, bool], labels: Mapping[str, str], taal: Taal) -> str:
    """Return the source line of a chart of the tables ``drawn`` (name: whether bundled).

    A bundled table is cited by the report, its section and its title in the catalogue
    (a section inside another one cited is left out, and a title that ends its section);
    a table of your own as own data.
    """
    metas = [sample_metadata(name) for name, bundled in drawn.items() if bundled]
    parts = []
    if metas:
        sections: list[str] = []
        for meta in metas:
            if not any(meta.section in cited for cited in sections):
                sections.append(meta.section)
        titles = [meta.title_nl if taal == "nl" else meta.title_en for meta in metas]
        named = [t for t in titles if not any(s.rsplit(" > ", 1)[-1] == t for s in sections)]
        parts.append(
            f"{_report()}, {'; '.join(sections)}" + (f": {'; '.join(named)}" if named else "")
        )
    parts += [
        f"{labels['eigen_gegevens']} ({name})" for name, bundled in drawn.items() if not bundled
    ]
    return f"{labels['bron']}: {'; '.join(parts)}."


def _source_note(ax: Axes, text: str) -> None:
    """Write the source under the chart: below the x-axis label, from the axes' left edge."""
    ax.annotate(
        textwrap.fill(text, _SOURCE_WIDTH),
        xy=(0.0, 0.0),
        xycoords=("axes fraction", ax.xaxis.label),
        xytext=(0.0, -4.0),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize="x-small",
        color="0.3",
        gid=_SOURCE_GID,
    )


def _fit_y(ax: Axes, top: float) -> None:
    """Run the y-axis from 0 to just above ``top``, the highest value drawn."""
    ax.set_ylim(0.0, top * (1 + _Y_MARGIN) if top > 0 else 1.0)


def _axes(ax: Axes | None) -> tuple[Figure, Axes]:
    """Return a new figure with one Axes, or the given Axes and the figure holding it."""
    figure_class = _figure_class()
    if ax is None:
        fig = figure_class(figsize=(8.0, 4.5), layout="constrained")
        return fig, fig.add_subplot()
    parent = ax.figure
    while not isinstance(parent, figure_class):  # a SubFigure: go up to its Figure
        parent = parent.figure
    return parent, ax


def _table(name: str, df: pd.DataFrame | None) -> pd.DataFrame:
    """Return the bundled sample ``name``, or ``df`` validated against its schema.

    A user table is validated on its own: the rules across tables run only when the
    tables they compare are both given.
    """
    if df is None:
        return load_sample(name)
    if not isinstance(df, pd.DataFrame):
        raise InvalidInputError(
            f"{name} must be a pandas DataFrame with the columns of the table {name!r}, "
            f"got {type(df).__name__}"
        )
    return validate_tables({name: df})[name]


def _title(text: str) -> str:
    return textwrap.fill(text, _TITLE_WIDTH)


def _stacked_bars(
    ax: Axes, wide: pd.DataFrame, x: np.ndarray, labels: Mapping[str, str], *, width: float
) -> None:
    """One bar container per column of ``wide``, stacked in column order."""
    bottom = np.zeros(len(wide), dtype="float64")
    for column in wide.columns:
        heights = wide[column].to_numpy(dtype="float64")
        ax.bar(
            x, heights.tolist(), width=width, bottom=bottom.tolist(), label=_label(labels, column)
        )
        bottom = bottom + heights


def _legend_outside(ax: Axes, *, stacked: bool = False) -> None:
    """Put the legend right of the axes; for stacked bars, the top of the stack first."""
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        frameon=False,
        fontsize="small",
        reverse=stacked,
    )


def _year_axis(ax: Axes, years: np.ndarray, labels: Mapping[str, str]) -> None:
    ax.set_xticks(years, [str(int(y)) for y in years])
    ax.set_xlabel(labels["jaar"])


# --------------------------------------------------------------------------- charts


def _counts_per_year(
    name: str,
    df: pd.DataFrame | None,
    category: str,
    order: tuple[str, ...],
    taal: Taal,
    ax: Axes | None,
) -> Figure:
    """Stacked bars of a court table: suspects per year, one segment per category."""
    labels = _category_labels(name, taal)
    table = _table(name, df)
    fig, axes = _axes(ax)
    wide = (
        table.pivot(index="jaar", columns=category, values="aantal")
        .reindex(columns=list(order))
        .sort_index()
    )
    years = wide.index.to_numpy()
    _stacked_bars(axes, wide, years, labels, width=0.7)
    _year_axis(axes, years, labels)
    _fit_y(axes, float(wide.sum(axis=1).max()) if len(wide) else 0.0)
    axes.set_ylabel(labels["aantal_verdachten"])
    meta = sample_metadata(name)
    axes.set_title(_title(meta.title_nl if taal == "nl" else meta.title_en))
    _legend_outside(axes, stacked=True)
    _source_note(axes, _source({name: df is None}, labels, taal))
    return fig


def uitspraken_per_uitkomst(
    *,
    uitspraken: pd.DataFrame | None = None,
    taal: Taal = "nl",
    ax: Axes | None = None,
) -> Figure:
    """Court verdicts per year, by outcome, as stacked bars.

    Parameters
    ----------
    uitspraken : DataFrame, default=None
        Table ``uitspraken`` (columns ``jaar``, ``uitkomst``, ``aantal``); validated
        against its schema. None draws the bundled sample.
    taal : {"nl", "en"}, default="nl"
        Language of the labels.
    ax : matplotlib Axes, default=None
        Axes to draw into; None makes a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        One bar container per outcome (schuldig, vrijspraak, overig, stacked in that
        order), one bar per year; heights are counts of suspects.

    Raises
    ------
    DataValidationError
        If ``uitspraken`` breaks its schema.
    InvalidInputError
        If ``taal`` is not "nl" or "en".

    References
    ----------
    Bestraffen, Ontwikkelingen opsporing en vervolging: table "Aantal uitspraken
    rechter in ondermijningszaken".

    Examples
    --------
    >>> from ondermijning_indicators import plots
    >>> fig = plots.uitspraken_per_uitkomst()
    >>> ax = fig.axes[0]
    >>> len(ax.containers), ax.get_ylabel()
    (3, 'Aantal verdachten')
    >>> ax.containers[0].datavalues.tolist()  # schuldig, 2018-2022
    [1173.0, 1257.0, 963.0, 1113.0, 1238.0]
    """
    return _counts_per_year("uitspraken", uitspraken, "uitkomst", UITKOMSTEN, taal, ax)


def vrijheidsstraffen_per_duur(
    *,
    vrijheidsstraffen: pd.DataFrame | None = None,
    taal: Taal = "nl",
    ax: Axes | None = None,
) -> Figure:
    """Custodial sentences per year, by duration class, as stacked bars.

    Parameters
    ----------
    vrijheidsstraffen : DataFrame, default=None
        Table ``vrijheidsstraffen`` (columns ``jaar``, ``duurklasse``, ``aantal``);
        validated against its schema. None draws the bundled sample.
    taal : {"nl", "en"}, default="nl"
        Language of the labels.
    ax : matplotlib Axes, default=None
        Axes to draw into; None makes a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        One bar container per duration class, stacked from short to long
        (< 1 jaar, 1-2 jaar, 2-5 jaar, > 5 jaar), one bar per year; heights are
        counts of suspects.

    Raises
    ------
    DataValidationError
        If ``vrijheidsstraffen`` breaks its schema.
    InvalidInputError
        If ``taal`` is not "nl" or "en".

    References
    ----------
    Bestraffen, Ontwikkelingen opsporing en vervolging: table "Aantal veroordelingen
    tot een vrijheidsstraf in ondermijningszaken".

    Examples
    --------
    >>> from ondermijning_indicators import plots
    >>> fig = plots.vrijheidsstraffen_per_duur()
    >>> ax = fig.axes[0]
    >>> [text.get_text() for text in ax.get_legend().get_texts()]  # top of the stack first
    ['> 5 jaar', '2-5 jaar', '1-2 jaar', '< 1 jaar']
    >>> int(sum(container.datavalues[-1] for container in ax.containers))  # 2022
    999
    """
    return _counts_per_year(
        "vrijheidsstraffen", vrijheidsstraffen, "duurklasse", DUURKLASSEN, taal, ax
    )


def _year_caveats(name: str, taal: Taal) -> dict[int, str]:
    """Return the bundled edition's caveats about single years of table ``name``, short."""
    out: dict[int, str] = {}
    for caveat in sample_metadata(name).caveats:
        years = dict(caveat.where).get("jaar", ())
        if len(caveat.where) != 1 or len(years) != 1:
            continue
        if taal == "nl" and caveat.text_nl:
            text = caveat.text_nl
        else:
            text = re.sub(r"\s*\([^)]*\)", "", caveat.text)  # drop the parenthesis
        out[int(years[0])] = text
    return out


def beslag_tegen_doelstelling(
    *,
    beslag: pd.DataFrame | None = None,
    doelstellingen: pd.DataFrame | None = None,
    taal: Taal = "nl",
    ax: Axes | None = None,
) -> Figure:
    """Criminal assets seized per year against the targets, in million euro.

    The seizures are bars (the digital part drawn inside the total); the overall
    target of a year is a marker; the target of each party (the police trajectory of
    the Veiligheidsagenda) is a line through its supplied years, linear in between
    (`ondermijning_indicators.metrics.aangevuld_traject`), with the supplied points
    marked. For the bundled tables, a year the edition's catalogue has a caveat about
    (the year registered on a narrower basis) carries that caveat.

    Parameters
    ----------
    beslag : DataFrame, default=None
        Table ``beslag`` (columns ``jaar``, ``soort``, ``bedrag_eur``); validated against
        its schema. None draws the bundled edition's, with its caveats.
    doelstellingen : DataFrame, default=None
        Table ``beslag_doelstellingen`` (columns ``jaar``, ``partij``, ``bedrag_eur``);
        validated against its schema. None draws the bundled edition's.
    taal : {"nl", "en"}, default="nl"
        Language of the labels.
    ax : matplotlib Axes, default=None
        Axes to draw into; None makes a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        Bar containers for the total and the digital seizures, lines for the overall
        target and the police trajectory (labelled as in the legend); amounts in
        million euro.

    Raises
    ------
    DataValidationError
        If a table breaks its schema.
    InvalidInputError
        If ``taal`` is not "nl" or "en".

    Notes
    -----
    Between supplied targets the line is an assumption (see the caveats of
    ``aangevuld_traject``); a supplied target is drawn as given. Amounts exclude the
    lag effect (na-ijleffect).

    References
    ----------
    Verstoren, Aanpak criminele geldstromen en verdienmodellen: Beslaglegging
    crimineel vermogen.

    Examples
    --------
    >>> from ondermijning_indicators import plots
    >>> fig = plots.beslag_tegen_doelstelling()
    >>> ax = fig.axes[0]
    >>> ax.get_ylabel()
    'Miljoen euro'
    >>> ax.containers[0].datavalues.tolist()  # 2022
    [246.0]
    >>> line = next(l for l in ax.get_lines() if l.get_label().startswith("Stijgende"))
    >>> line.get_xdata().tolist(), line.get_ydata().tolist()
    ([2023, 2024, 2025, 2026], [190.0, 200.0, 210.0, 220.0])
    """
    labels = _labels(taal)
    seized = _table("beslag", beslag)
    targets = _table("beslag_doelstellingen", doelstellingen)
    fig, ax = _axes(ax)

    def per_year(df: pd.DataFrame, column: str, value: str) -> pd.Series:
        rows = df[df[column] == value]
        return (rows.set_index("jaar")["bedrag_eur"] / _MILJOEN).sort_index()

    totaal = per_year(seized, "soort", "totaal")
    digitaal = per_year(seized, "soort", "digitaal")
    doel = per_year(targets, "partij", "totaal")
    parties = sorted(set(targets["partij"]) - {"totaal"})

    width = 0.6
    ax.bar(totaal.index.to_numpy(), totaal.tolist(), width=width, label=labels["beslag_totaal"])
    ax.bar(
        digitaal.index.to_numpy(),
        digitaal.tolist(),
        width=width * 0.6,
        label=labels["beslag_digitaal"],
    )
    ax.plot(
        doel.index.to_numpy(),
        doel.to_numpy(),
        linestyle="none",
        marker="D",
        color="black",
        label=labels["doelstelling_totaal"],
    )
    drawn = [totaal, digitaal, doel]
    for partij in parties:
        supplied = per_year(targets, "partij", partij)
        label = _label(labels, f"doelstelling_{partij}")
        path = metrics.aangevuld_traject(supplied)
        (line,) = ax.plot(path.index.to_numpy(), path.to_numpy(), label=label)
        ax.plot(
            supplied.index.to_numpy(),
            supplied.to_numpy(),
            linestyle="none",
            marker="o",
            color=line.get_color(),
        )
        drawn.append(path)

    caveats = _year_caveats("beslag", taal) if beslag is None else {}
    annotated = [y for y in caveats if y in totaal.index]
    for year in annotated:  # in the lower right, below the targets, clear of the bars
        ax.annotate(
            textwrap.fill(caveats[year], 38),
            xy=(year, float(totaal[year])),
            xytext=(0.98, 0.04),
            textcoords="axes fraction",
            ha="right",
            va="bottom",
            fontsize="small",
            arrowprops={"arrowstyle": "->", "color": "0.3"},
        )

    plotted = {int(y) for series in drawn for y in series.index}
    if plotted:
        _year_axis(ax, np.arange(min(plotted), max(plotted) + 1), labels)
    _fit_y(ax, max([0.0, *(float(v) for series in drawn for v in series.to_numpy())]))
    ax.set_ylabel(labels["miljoen_euro"])
    meta = sample_metadata("beslag")
    ax.set_title(_title(meta.title_nl if taal == "nl" else meta.title_en))
    _legend_outside(ax)
    drawn_tables = {"beslag": beslag is None, "beslag_doelstellingen": doelstellingen is None}
    _source_note(ax, _source(drawn_tables, labels, taal))
    return fig


def fte_groei_traject(
    *,
    waarden: pd.Series | None = None,
    taal: Taal = "nl",
    ax: Axes | None = None,
) -> Figure:
    """Capacity ramp in fte: the linear and the geometric path through the supplied years.

    By default the series is the extra capacity for tackling criminal power structures
    (Aanpak Criminele Machtsstructuren, indicator ``acm_fte_extra`` of the bundled
    edition's ``kerncijfers``).

    Parameters
    ----------
    waarden : Series, default=None
        Capacity in fte by year (at least two years; values > 0 for the geometric
        path). None draws the bundled edition's ``acm_fte_extra`` series.
    taal : {"nl", "en"}, default="nl"
        Language of the labels.
    ax : matplotlib Axes, default=None
        Axes to draw into; None makes a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        Two lines, one value a year (linear, then geometric, from
        `ondermijning_indicators.metrics.aangevuld_traject`), and the supplied
        points marked and labelled.

    Raises
    ------
    InvalidInputError
        If ``taal`` is not "nl" or "en", the series has fewer than two years, or a
        path is undefined (see `ondermijning_indicators.metrics.aangevuld_traject`).

    Notes
    -----
    Only the supplied years are given; how the growth is spread over the years in
    between is not said. The two paths bracket the usual assumptions: equal steps
    (linear) and an equal growth rate (geometric).

    References
    ----------
    Bestraffen, Aanpak Criminele Machtsstructuren: "oplopend van 22 fte in 2023 tot
    structureel 130 fte in 2027".

    Examples
    --------
    >>> from ondermijning_indicators import plots
    >>> fig = plots.fte_groei_traject()
    >>> lineair, geometrisch = fig.axes[0].get_lines()[:2]
    >>> lineair.get_label(), lineair.get_ydata().tolist()
    ('Lineair', [22.0, 49.0, 76.0, 103.0, 130.0])
    >>> round(float(geometrisch.get_ydata()[2]), 1)
    53.5
    """
    labels = _labels(taal)
    bundled = waarden is None
    if waarden is None:
        kern = load_sample("kerncijfers")
        waarden = kern[kern["indicator"] == "acm_fte_extra"].set_index("jaar")["waarde"]
    if not isinstance(waarden, pd.Series) or waarden.dropna().size < 2:
        raise InvalidInputError(
            "fte_groei_traject: waarden must be a Series of fte by year with at least two "
            f"years, got {waarden!r}"
        )
    supplied = waarden.dropna().sort_index()
    paths = {
        pad: metrics.aangevuld_traject(supplied, pad=pad) for pad in ("lineair", "geometrisch")
    }
    fig, ax = _axes(ax)
    for pad, values in paths.items():
        ax.plot(values.index.to_numpy(), values.to_numpy(), marker=".", label=labels[pad])
    ends_x = [int(y) for y in supplied.index]
    ends_y = [float(v) for v in supplied.to_numpy()]
    ax.plot(ends_x, ends_y, linestyle="none", marker="o", markersize=8, color="black")
    last = len(ends_x) - 1
    for i, (x, y) in enumerate(zip(ends_x, ends_y, strict=True)):
        # inside the axes: the last point's label left of it, the others' below them
        ax.annotate(
            f"{y:g} {labels['fte']}",
            xy=(x, y),
            xytext=(-8, 0) if i == last else (0, -8),
            textcoords="offset points",
            ha="right" if i == last else "center",
            va="center" if i == last else "top",
        )
    years = paths["lineair"].index.to_numpy()
    _year_axis(ax, years, labels)
    _fit_y(ax, max(float(v) for path in paths.values() for v in path.to_numpy()))
    ax.set_ylabel(labels["fte"])
    meta = get_metric("fte_groei")
    ax.set_title(_title(meta.label_nl if taal == "nl" else meta.label_en))
    ax.legend(loc="upper left", fontsize="small")
    if bundled:
        source = f"{labels['bron']}: {_report()}, {meta.source.section}: {meta.source.table}."
    else:
        source = _source({"waarden": False}, labels, taal)
    _source_note(ax, source)
    return fig


def besteding_per_thema(
    *,
    besteding: pd.DataFrame | None = None,
    taal: Taal = "nl",
    ax: Axes | None = None,
) -> Figure:
    """Planned spending per theme and period, as stacked bars in million euro.

    The amounts of the tasks (opgaven) of a theme are summed per period; the years
    come first, then the structural (recurring) amount.

    Parameters
    ----------
    besteding : DataFrame, default=None
        Table ``financieel_besteding_thema`` (columns ``thema``, ``opgave``,
        ``periode``, ``bedrag_k_eur``, ``gedrukt_als``); validated against its schema.
        None draws the bundled sample.
    taal : {"nl", "en"}, default="nl"
        Language of the labels.
    ax : matplotlib Axes, default=None
        Axes to draw into; None makes a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        One bar container per theme present (in the report's order: voorkomen,
        verstoren, bestraffen, beschermen, ondermijningsbeleid), one bar per period;
        heights in million euro. A theme without a row for a period adds nothing to
        that bar.

    Raises
    ------
    DataValidationError
        If ``besteding`` breaks its schema.
    InvalidInputError
        If ``taal`` is not "nl" or "en".

    Notes
    -----
    Excludes the granted wage and price adjustments (loon- en prijsbijstellingen),
    as the table does.

    References
    ----------
    Financieel overzicht: "Overzicht van geplande besteding per opgave".

    Examples
    --------
    >>> from ondermijning_indicators import plots
    >>> fig = plots.besteding_per_thema(taal="en")
    >>> ax = fig.axes[0]
    >>> [tick.get_text() for tick in ax.get_xticklabels()][-2:]
    ['2027', 'Structural']
    >>> round(float(ax.containers[0].datavalues[0]), 3)  # voorkomen, 2022
    48.849
    """
    labels = _category_labels("financieel_besteding_thema", taal)
    df = _table("financieel_besteding_thema", besteding)
    fig, ax = _axes(ax)
    sums = df.groupby(["periode", "thema"])["bedrag_k_eur"].sum()
    wide = sums.unstack("thema")
    themes = [t for t in FINANCIEEL_THEMAS if t in wide.columns]
    themes += sorted(t for t in wide.columns if t not in FINANCIEEL_THEMAS)
    periods = sorted(p for p in wide.index if p != "structureel")
    periods += [p for p in wide.index if p == "structureel"]
    k_eur = wide.reindex(index=periods, columns=themes).fillna(0)
    wide = pd.DataFrame(
        {
            theme: metrics.bedrag_in_euro(k_eur[theme].astype("float64")) / _MILJOEN
            for theme in themes
        }
    )
    x = np.arange(len(periods), dtype="float64")
    _stacked_bars(ax, wide, x, labels, width=0.7)
    ax.set_xticks(x, [labels["structureel"] if p == "structureel" else p for p in periods])
    ax.set_xlabel(labels["periode"])
    _fit_y(ax, float(wide.sum(axis=1).max()) if len(wide) else 0.0)
    ax.set_ylabel(labels["miljoen_euro"])
    ax.set_title(_title(labels["titel_besteding_per_thema"]))
    _legend_outside(ax, stacked=True)
    _source_note(ax, _source({"financieel_besteding_thema": besteding is None}, labels, taal))
    return fig
