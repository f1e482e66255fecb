"""Financieel overzicht: transcription, schemas, known answers, edge cases and properties."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import ondermijning_indicators as oi
from ondermijning_indicators import errors
from ondermijning_indicators import metrics as m
from ondermijning_indicators.published import format_dutch
from ondermijning_indicators.schemas import FINANCIEEL_THEMAS

from .conftest import REPORT

PROPERTY_TESTED = [
    "aandeel_besteding",
    "aandeel_structureel_van_piek",
    "bedrag_in_euro",
    "totaal_over_periode",
    "verhouding_incidenteel_structureel",
]

RATIOS = ["aandeel_besteding", "aandeel_structureel_van_piek", "verhouding_incidenteel_structureel"]
SHARES = ["aandeel_besteding", "aandeel_structureel_van_piek"]

LINES = REPORT.read_text(encoding="utf-8").splitlines()
_VALUE = re.compile(r"^(\d{1,3}(\.\d{3})*|-)$")
"""A printed cell: a number in Dutch notation (thousands dots) or a dash."""

# --- layer 0: the CSV files against the printed lines -------------------------------------------


def _printed_table(start: str, end: str | None) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Periods and rows of the table printed after the line ``start`` (up to ``end``).

    The first line after ``start`` names the columns; a caption with "Incidenteel" adds
    that column in front. A row is (label, cells) and ends on a line that ends in cells.
    """
    first = next(i for i, ln in enumerate(LINES) if ln.strip() == start) + 1
    last = next(i for i in range(first, len(LINES)) if LINES[i].strip() == end) if end else None
    header, *lines = [ln for ln in LINES[first:last] if ln.strip()]
    periods = (["incidenteel"] if "Incidenteel" in start else []) + header.split()
    rows: list[tuple[str, list[str]]] = []
    label: list[str] = []
    for line in lines:
        tokens = line.split()
        cells: list[str] = []
        while tokens and _VALUE.match(tokens[-1]):
            cells.insert(0, tokens.pop())
        label += tokens
        if cells:
            rows.append((" ".join(label).replace("- ", "-"), cells))
            label = []
    return periods, rows


def _cells(df: pd.DataFrame, periods: list[str]) -> list[str]:
    """One printed row from the long rows of one line: Dutch numbers, '-' for a dash."""
    amounts = dict(zip(df["periode"], df["bedrag_k_eur"].astype(float), strict=True))
    dashes = (
        set(df.loc[df["gedrukt_als"] == "streepje", "periode"]) if "gedrukt_als" in df else set()
    )
    cells: list[str | None] = []
    for p in periods:
        if p not in amounts:
            cells.append(None)
        else:
            cells.append("-" if p in dashes else format_dutch(amounts[p]))
    while cells and cells[-1] is None:
        cells.pop()  # empty printed cells close the row
    assert None not in cells, "an empty cell inside a row cannot be checked against the text"
    return [c for c in cells if c is not None]


def _expected_rows(
    table: str, group: str, line: str, periods: list[str], totals: list[tuple[str, str | None]]
) -> list[tuple[str, str, list[str]]]:
    """(group code, line code, cells) of every printed row, totals where the report has them."""
    df = oi.load_sample(table)
    out: list[tuple[str, str, list[str]]] = []
    codes = list(dict.fromkeys(df[line]))
    for i, code in enumerate(codes):
        rows = df[df[line] == code]
        grp = str(rows[group].iloc[0])
        out.append((grp, code, _cells(rows, periods)))
        last_of_group = (
            i + 1 == len(codes) or df.loc[df[line] == codes[i + 1], group].iloc[0] != grp
        )
        for total_table, by in totals:
            if not last_of_group or by is None:
                continue
            t = oi.load_sample(total_table)
            if grp in set(t[by]):
                out.append(("", "totaal", _cells(t[t[by] == grp], periods)))
    for total_table, by in totals:
        if by is None:
            out.append(("", "totaal", _cells(oi.load_sample(total_table), periods)))
    return out


@dataclass(frozen=True)
class Spec:
    """A printed table: its periods and rows, and how its sample names rows and totals."""

    printed: tuple[list[str], list[tuple[str, list[str]]]]
    group: str
    line: str
    totals: list[tuple[str, str | None]]


TABLES = {
    "financieel_besteding_thema": Spec(
        printed=_printed_table("in 1.000 euro", "Overzicht van geplande besteding per opgave"),
        group="thema",
        line="opgave",
        totals=[
            ("financieel_besteding_thema_totaal", "thema"),
            ("financieel_besteding_thema_eindtotaal", None),
        ],
    ),
    "financieel_herkomst": Spec(
        printed=_printed_table(
            "Middelen Ondermijning Omschrijving Incidenteel in 1.000 euro",
            "Overzicht van de herkomst van de middelen ondermijning",
        ),
        group="herkomst",
        line="omschrijving",
        totals=[("financieel_herkomst_totaal", None)],
    ),
    "financieel_besteding_herkomst": Spec(
        printed=_printed_table("Middelen Ondermijning Omschrijving in 1.000 euro", None),
        group="herkomst",
        line="omschrijving",
        totals=[("financieel_besteding_herkomst_totaal", None)],
    ),
}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_printed_row_matches_the_sample_in_order_label_and_cells(table: str) -> None:
    spec = TABLES[table]
    periods, printed = spec.printed
    expected = _expected_rows(table, spec.group, spec.line, periods, spec.totals)
    labels = oi.sample_metadata(table).printed_labels
    assert len(printed) == len(expected)
    for (label, cells), (group, code, want) in zip(printed, expected, strict=True):
        assert cells == want, (label, code)
        own = "totaal" if code == "totaal" else labels[code]
        assert label.endswith(own), (label, own)
        assert label.removesuffix(own).strip() in {"", labels.get(group, "")}, label


def test_the_periods_of_the_samples_are_the_printed_columns() -> None:
    assert TABLES["financieel_herkomst"].printed[0] == [
        "incidenteel",
        *map(str, range(2018, 2028)),
        "structureel",
    ]
    for table, spec in TABLES.items():
        periods = list(dict.fromkeys(oi.load_sample(table)["periode"]))
        assert periods == spec.printed[0], table


def test_every_dash_is_a_zero_and_every_zero_a_dash() -> None:
    for table, spec in TABLES.items():
        df = oi.load_sample(table)
        dashes = sum(cells.count("-") for _, cells in spec.printed[1])
        assert (df["gedrukt_als"] == "streepje").sum() == dashes, table
        assert ((df["bedrag_k_eur"] == 0) == (df["gedrukt_als"] == "streepje")).all(), table
    # The first table prints no dash, the second 49, the third 20.
    counts = {t: int((oi.load_sample(t)["gedrukt_als"] == "streepje").sum()) for t in TABLES}
    assert counts == {
        "financieel_besteding_thema": 0,
        "financieel_herkomst": 49,
        "financieel_besteding_herkomst": 20,
    }


def test_the_empty_cells_of_the_origin_table_have_no_rows() -> None:
    df = oi.load_sample("financieel_herkomst")
    line = df[df["omschrijving"] == "incidentele_bijdrage_ondermijning"]
    assert line[["periode", "bedrag_k_eur", "gedrukt_als"]].values.tolist() == [
        ["incidenteel", 100_000, "getal"]
    ]
    # The printed incidental total confirms that the lone 100.000 is in the Incidenteel column.
    total = oi.load_sample("financieel_herkomst_totaal").set_index("periode")["bedrag_k_eur"]
    assert total["incidenteel"] == df.query("periode == 'incidenteel'")["bedrag_k_eur"].sum()


def test_the_footnote_is_stored_with_its_parts() -> None:
    (line,) = [ln for ln in LINES if ln.startswith("*  Voor de brede preventieaanpak")]
    amounts = [
        int(a) for a in re.findall(r"(\d+) miljoen euro", line + LINES[LINES.index(line) + 1])
    ]
    assert amounts == [143, 82, 61]
    df = oi.load_sample("financieel_preventie_jeugdcriminaliteit").set_index("onderdeel")
    assert df["bedrag_eur"].to_dict() == {
        "preventie": 82_000_000,
        "brede_criminaliteitspreventie": 61_000_000,
    }
    assert df["bedrag_eur"].sum() == amounts[0] * 1_000_000


def test_financial_tables_are_typed_and_have_provenance() -> None:
    for name in [n for n in oi.list_samples().index if n.startswith("financieel_")]:
        df = oi.load_sample(name)
        column = "bedrag_eur" if name.endswith("jeugdcriminaliteit") else "bedrag_k_eur"
        assert str(df[column].dtype) == "int64", name
        meta = oi.sample_metadata(name)
        assert meta.unit == ("EUR" if column == "bedrag_eur" else "EUR thousand")
        assert meta.section.startswith("Financieel overzicht"), name


# --- the report's inconsistency is data, not a load failure ------------------------------------


def test_the_2022_grand_totals_differ_by_14_and_the_samples_still_load() -> None:
    tables = oi.load_samples()
    by_theme = tables["financieel_besteding_thema_eindtotaal"].set_index("periode")["bedrag_k_eur"]
    by_origin = tables["financieel_besteding_herkomst_totaal"].set_index("periode")["bedrag_k_eur"]
    difference = (by_origin - by_theme).to_dict()
    assert difference == {p: (14 if p == "2022" else 0) for p in by_theme.index}
    # Each printed grand total adds up to its own rows.
    for rows, totals in (
        ("financieel_besteding_thema", by_theme),
        ("financieel_besteding_herkomst", by_origin),
    ):
        sums = tables[rows].groupby("periode")["bedrag_k_eur"].sum()
        pd.testing.assert_series_equal(sums, totals, check_names=False)


def test_the_kasschuif_moves_cash_between_years_but_not_the_structural_level() -> None:
    def line(table: str, code: str) -> pd.Series:
        df = oi.load_sample(table)
        return df[df["omschrijving"] == code].set_index("periode")["bedrag_k_eur"]

    years = [str(y) for y in range(2023, 2028)]
    for code, shifts in (
        ("middelen_coalitieakkoord_2021", [-10_000, 2_500, 6_000, 1_500, 0]),
        ("botoc", [-4_000, -3_300, -3_500, 10_800, 0]),
    ):
        origin = line("financieel_herkomst", code)
        planned = line("financieel_besteding_herkomst", code)
        shift = m.verandering(origin[years], planned[years])
        assert shift.tolist() == shifts
        assert m.totaal_over_periode(shift) == 0.0
        assert origin["structureel"] == planned["structureel"]


def test_the_incidental_prinsjesdag_money_is_spread_over_2022_2027() -> None:
    origin = oi.load_sample("financieel_herkomst").query("herkomst == 'ontwerpbegroting_2022'")
    planned = oi.load_sample("financieel_besteding_herkomst").query(
        "herkomst == 'ontwerpbegroting_2022'"
    )
    years = [str(y) for y in range(2022, 2028)]
    allocated = m.totaal_over_periode(
        origin[origin["periode"].isin(years)].groupby("periode")["bedrag_k_eur"].sum()
    ) + float(origin.query("periode == 'incidenteel'")["bedrag_k_eur"].sum())
    spent = m.totaal_over_periode(
        planned[planned["periode"].isin(years)].groupby("periode")["bedrag_k_eur"].sum()
    )
    assert allocated == spent == 2_834_000


# --- validation: the rules across tables --------------------------------------------------------


def _tables() -> dict[str, pd.DataFrame]:
    return {n: df.astype(str) for n, df in oi.load_samples().items() if n.startswith("financieel")}


def _problem(tables: dict[str, pd.DataFrame], *, strict: bool = False) -> str:
    with pytest.raises(errors.DataValidationError, match=r"^\d+ problems? in the tables") as info:
        oi.validate_tables(tables, strict=strict)
    return str(info.value)


def _set(df: pd.DataFrame, value: str, **where: str) -> None:
    mask = pd.Series(True, index=df.index)
    for key, v in where.items():
        mask &= df[key] == v
    assert mask.sum() == 1
    df.loc[mask, "bedrag_k_eur" if "bedrag_k_eur" in df.columns else "bedrag_eur"] = value


def test_the_financial_tables_validate_on_their_own() -> None:
    validated = oi.validate_tables(_tables())
    assert len(validated) == 8


# A printed total that does not add up is loaded (the audit reports it, with the difference)
# and refused only by a strict validation.
TOTALS_BROKEN = [
    ("financieel_besteding_thema_totaal", {"thema": "voorkomen", "periode": "2022"}, "48850",
     r"financieel_besteding_thema_totaal, thema=voorkomen, periode=2022, column bedrag_k_eur: "
     r"the printed total 48850 must equal the sum of financieel_besteding_thema \(48849\), a "
     r"difference of 1", "total.financieel_besteding_thema_totaal.voorkomen.2022", "1"),
    ("financieel_besteding_thema_eindtotaal", {"periode": "2024"}, "766901",
     r"periode=2024, .*total 766901 must equal the sum of financieel_besteding_thema \(766900\)",
     "total.financieel_besteding_thema_eindtotaal.2024", "1"),
    ("financieel_herkomst_totaal", {"periode": "incidenteel"}, "615001",
     r"financieel_herkomst_totaal, periode=incidenteel, .*\(615000\), a difference of 1",
     "total.financieel_herkomst_totaal.incidenteel", "1"),
    ("financieel_besteding_herkomst", {"omschrijving": "botoc", "periode": "2022"}, "163790",
     r"financieel_besteding_herkomst_totaal, periode=2022, .*total 549209 must equal the sum of "
     r"financieel_besteding_herkomst \(549290\), a difference of -81",
     "total.financieel_besteding_herkomst_totaal.2022", "-81"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("table", "where", "value", "words", "finding", "difference"), TOTALS_BROKEN
)
def test_a_total_that_does_not_add_up_is_loaded_audited_and_refused_when_strict(
    table: str, where: dict[str, str], value: str, words: str, finding: str, difference: str
) -> None:
    tables = _tables()
    _set(tables[table], value, **where)
    validated = oi.validate_tables(tables)  # loaded: a report's own misprint can be audited
    row = oi.audit(validated, records=[]).set_index("id").loc[finding]
    assert (row["status"], row["difference"]) == ("finding", difference)
    assert re.search(words, _problem(tables, strict=True))


@pytest.mark.parametrize(
    ("table", "where", "value", "words"),
    [
        ("financieel_besteding_herkomst", {"omschrijving": "botoc", "periode": "structureel"},
         "150001", r"omschrijving botoc: a line's structural amount must be the same"),
        ("financieel_preventie_jeugdcriminaliteit", {"onderdeel": "preventie"}, "83000000",
         r"onderdeel preventie: a part of the footnote .* \(periode=structureel, "
         r"voetnoot_eur=83000000, tabel_eur=82000000\)"),
    ],
)  # fmt: skip
def test_a_broken_rule_across_tables_is_reported_with_its_numbers(
    table: str, where: dict[str, str], value: str, words: str
) -> None:
    tables = _tables()
    _set(tables[table], value, **where)
    assert re.search(words, _problem(tables))


def test_a_printed_total_without_rows_is_reported() -> None:
    tables = _tables()
    rows = tables["financieel_besteding_thema"]
    tables["financieel_besteding_thema"] = rows[rows["thema"] != "beschermen"]
    audited = oi.audit(oi.validate_tables(tables), records=[]).set_index("id")
    row = audited.loc["total.financieel_besteding_thema_totaal.beschermen.2022"]
    assert row["status"] == "finding"
    assert "is 91417, but financieel_besteding_thema has no part for it" in row["finding"]
    assert "thema=beschermen, periode=2022" in _problem(tables, strict=True)


def test_a_line_with_two_origins_is_reported() -> None:
    tables = _tables()
    df = tables["financieel_besteding_herkomst"]
    df.loc[df["omschrijving"] == "botoc", "herkomst"] = "najaarsnota_2019"
    assert "must have the same herkomst" in _problem(tables)


def _dash_not_zero(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(gedrukt_als=df["gedrukt_als"].where(df.index != 0, "streepje"))


def _two_themes(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(thema=df["thema"].where(df.index != 0, "bestraffen"))


def _missing_period(df: pd.DataFrame) -> pd.DataFrame:
    return df.drop(index=3).reset_index(drop=True)


def _bad_period(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(periode=df["periode"].where(df.index != 0, "2022-2023"))


def _dutch_notation(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(bedrag_k_eur=df["bedrag_k_eur"].where(df.index != 0, "45.449"))


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (_dash_not_zero, "a cell printed as '-' (gedrukt_als=streepje) must hold 0"),
        (_two_themes, "every opgave belongs to one thema"),
        (_missing_period, "every opgave must have every periode"),
        (_bad_period, "must have the form"),
        (_dutch_notation, "looks like Dutch notation with a thousands dot (meaning 45449)"),
    ],
)
def test_the_spending_table_rules(
    change: Callable[[pd.DataFrame], pd.DataFrame], words: str
) -> None:
    tables = _tables()
    tables["financieel_besteding_thema"] = change(tables["financieel_besteding_thema"])
    assert words in _problem(tables)


def test_a_dash_in_the_origin_table_must_be_zero() -> None:
    tables = _tables()
    df = tables["financieel_herkomst"]
    _set(df, "5", omschrijving="botoc_incidenteel", periode="2019")
    assert "must hold 0" in _problem(tables)


@st.composite
def spending_tables(draw: st.DrawFn) -> dict[str, pd.DataFrame]:
    """A consistent spending table by theme with its totals, drawn at random."""
    years = st.lists(st.integers(2000, 2040).map(str), min_size=1, max_size=6, unique=True)
    periods = [*draw(years), "structureel"]
    rows, totals = [], []
    for thema in draw(st.lists(st.sampled_from(FINANCIEEL_THEMAS), min_size=1, unique=True)):
        n = draw(st.integers(1, 3))
        for p in periods:
            amounts = draw(st.lists(st.integers(0, 10**7), min_size=n, max_size=n))
            rows += [(thema, f"{thema}_{i}", p, a, "getal") for i, a in enumerate(amounts)]
            totals.append((thema, p, sum(amounts)))
    frame = pd.DataFrame(
        rows, columns=["thema", "opgave", "periode", "bedrag_k_eur", "gedrukt_als"]
    )
    return {
        "financieel_besteding_thema": frame,
        "financieel_besteding_thema_totaal": pd.DataFrame(
            totals, columns=["thema", "periode", "bedrag_k_eur"]
        ),
        "financieel_besteding_thema_eindtotaal": frame.groupby("periode")["bedrag_k_eur"]
        .sum()
        .reset_index(),
    }


@given(tables=spending_tables(), data=st.data())
def test_consistent_spending_tables_validate_and_a_broken_total_is_caught(
    tables: dict[str, pd.DataFrame], data: st.DataObject
) -> None:
    oi.validate_tables(tables, strict=True)
    name = data.draw(
        st.sampled_from(
            ["financieel_besteding_thema_totaal", "financieel_besteding_thema_eindtotaal"]
        )
    )
    totals = tables[name].copy()
    row = data.draw(st.integers(0, len(totals) - 1))
    values = totals["bedrag_k_eur"].to_numpy().copy()
    values[row] += data.draw(st.sampled_from([1, 14, 1000]))
    totals["bedrag_k_eur"] = values
    periode = str(totals["periode"].iloc[row])
    broken = {**tables, name: totals}
    with pytest.raises(errors.DataValidationError, match=f"periode={periode}"):
        oi.validate_tables(broken, strict=True)
    findings = oi.audit(oi.validate_tables(broken), records=[]).query("status == 'finding'")
    assert findings["where"].str.contains(f"periode={periode}").any()


# --- layer 1: known answers from the report -----------------------------------------------------


def _wide(table: str, line: str) -> pd.DataFrame:
    return oi.load_sample(table).pivot(index=line, columns="periode", values="bedrag_k_eur")


def test_theme_shares_of_each_period_add_up_to_one() -> None:
    df = oi.load_sample("financieel_besteding_thema")
    per_theme = df.groupby(["periode", "thema"])["bedrag_k_eur"].sum()
    total = oi.load_sample("financieel_besteding_thema_eindtotaal").set_index("periode")[
        "bedrag_k_eur"
    ]
    shares = m.aandeel_besteding(
        per_theme, total.reindex(per_theme.index.get_level_values(0)).set_axis(per_theme.index)
    )
    np.testing.assert_allclose(shares.groupby(level="periode").sum(), 1.0, rtol=1e-12)
    assert shares[("structureel", "bestraffen")] == pytest.approx(265_476 / 694_000, rel=1e-12)
    assert shares[("2022", "bestraffen")] == pytest.approx(0.31021, abs=5e-6)


def test_structural_level_against_the_peak() -> None:
    wide = _wide("financieel_besteding_thema", "opgave")
    share = m.aandeel_structureel_van_piek(wide["structureel"], wide.max(axis=1))
    assert share["ondermijningsbeleid_monitoring_kennis_iv"] == pytest.approx(
        22_160 / 87_197, rel=1e-12
    )
    assert share["bewaken_en_beveiligen"] == 1.0
    assert share["berechting_en_detentie"] == pytest.approx(59_880 / 98_190, rel=1e-12)
    assert (share <= 1).all()
    assert share.idxmin() == "ondermijningsbeleid_monitoring_kennis_iv"


def test_incidental_against_structural_money() -> None:
    total = oi.load_sample("financieel_herkomst_totaal").set_index("periode")["bedrag_k_eur"]
    assert m.verhouding_incidenteel_structureel(
        total["incidenteel"], total["structureel"]
    ) == pytest.approx(615_000 / 694_000, rel=1e-12)


def test_totals_over_2023_2027_of_origin_and_planned_spending() -> None:
    origin = _wide("financieel_herkomst", "omschrijving")
    planned = _wide("financieel_besteding_herkomst", "omschrijving")
    years = [str(y) for y in range(2023, 2028)]
    o = m.totaal_over_periode(origin[years])
    p = m.totaal_over_periode(planned[years])
    same = ["botoc", "middelen_coalitieakkoord_2021", "versterking_ondermijning"]
    pd.testing.assert_series_equal(o[same], p[same])
    assert p["middelen_coalitieakkoord_2021"] == 420_000.0
    assert p["prinsjesdagmiddelen"] - o["prinsjesdagmiddelen"] == 63_160.0


def test_growth_of_the_grand_total_reuses_the_change_metrics() -> None:
    total = oi.load_sample("financieel_besteding_thema_eindtotaal").set_index("periode")[
        "bedrag_k_eur"
    ]
    assert m.relatieve_verandering(total["2022"], total["2023"]) == pytest.approx(
        705_900 / 549_195 - 1, rel=1e-12
    )
    assert m.verandering(total["2027"], total["structureel"]) == -29_000.0


def test_text_amounts_in_euro() -> None:
    assert m.bedrag_in_euro(40_000) == 40e6
    assert m.bedrag_in_euro(np.array([40_000, 100_000])).tolist() == [40e6, 100e6]


def test_the_records_of_the_section_reproduce() -> None:
    result = oi.reproduce().set_index("id")
    mine = result[result.index.str.startswith("financieel.")]
    assert len(mine) == 215
    assert mine["explained"].all()
    assert mine["status"].value_counts().to_dict() == {"transcribed": 211, "exact": 4}
    assert result.loc["financieel.coalitieakkoord.2023", "computed_value"] == 40e6
    note = str(result.loc["financieel.coalitieakkoord.2023", "note"])
    assert (
        "30.000.000, discrepancy" in note
    )  # the planned 2023 amount is the one after the kasschuif


# --- layer 2: edge cases ------------------------------------------------------------------------


def _f(metric_id: str) -> Callable[..., Any]:
    return getattr(m, metric_id)  # type: ignore[no-any-return]


def _years(*values: float, years: tuple[int, ...] = (2022, 2023)) -> pd.Series:
    return pd.Series(values, index=pd.Index(years, name="jaar"))


@pytest.mark.parametrize(
    ("metric_id", "args", "kwargs", "expected"),
    [
        ("aandeel_besteding", (0, 0), {}, errors.ZeroDenominatorError),
        ("aandeel_besteding", (0, 0), {"zero_division": "warn"}, errors.InvalidInputError),
        ("aandeel_besteding", (-1, 10), {}, errors.NegativeCountError),
        ("aandeel_besteding", (11, 10), {}, errors.PartExceedsWholeError),
        ("aandeel_besteding", (2.5, 10), {}, 0.25),
        ("aandeel_besteding", (10, 10), {}, 1.0),
        ("aandeel_besteding", (np.nan, 10), {}, math.nan),
        ("aandeel_besteding", ("1", 10), {}, errors.InvalidInputError),
        ("aandeel_besteding", (np.inf, 10), {}, errors.InvalidInputError),
        ("aandeel_structureel_van_piek", (0, 0), {}, errors.ZeroDenominatorError),
        ("aandeel_structureel_van_piek", (100, 90), {}, errors.PartExceedsWholeError),
        ("aandeel_structureel_van_piek", (0, 29_000), {}, 0.0),
        ("verhouding_incidenteel_structureel", (375_000, 0), {}, errors.ZeroDenominatorError),
        ("verhouding_incidenteel_structureel", (-1, 5), {}, errors.NegativeCountError),
        ("verhouding_incidenteel_structureel", (30, 10), {}, 3.0),
        ("bedrag_in_euro", (-2.5,), {}, -2500.0),
        ("bedrag_in_euro", (np.nan,), {}, math.nan),
        ("bedrag_in_euro", (True,), {}, errors.InvalidInputError),
        ("totaal_over_periode", (np.array([]),), {}, 0.0),
        ("totaal_over_periode", (np.array([1.5, -0.5]),), {}, 1.0),
        ("totaal_over_periode", (7,), {}, 7.0),
        ("totaal_over_periode", (np.array([1, np.nan]),), {}, math.nan),
        ("totaal_over_periode", (np.array([1, np.inf]),), {}, errors.InvalidInputError),
        ("totaal_over_periode", ("12",), {}, errors.InvalidInputError),
        ("totaal_over_periode", (np.array([1, 2]),), {"van": 2022}, errors.InvalidInputError),
        ("totaal_over_periode", (_years(1, 2),), {"van": 2023, "tot_en_met": 2022},
         errors.InvalidInputError),
        ("totaal_over_periode", (_years(1, 2),), {"van": 2021}, errors.MisalignedYearsError),
        ("totaal_over_periode", (_years(1, 2, years=(2022, 2024)),), {},
         errors.MisalignedYearsError),
        ("totaal_over_periode", (_years(1, 2, years=(2022, 2022)),), {}, errors.InvalidInputError),
        ("totaal_over_periode", (_years(1, 2),), {"van": "2022"}, errors.InvalidInputError),
        ("totaal_over_periode", (pd.Series([1, 2], index=["2022", "structureel"]),), {},
         errors.InvalidInputError),
        ("totaal_over_periode", (pd.Series([], dtype=float),), {}, 0.0),
        ("totaal_over_periode", (pd.Series(["1", "x"], index=[2022, 2023]),), {},
         errors.InvalidInputError),
        ("totaal_over_periode", (pd.Series([], dtype=float),), {"van": 2022},
         errors.MisalignedYearsError),
        ("totaal_over_periode", (_years(1, 2, years=(2024, 2022)),), {"tot_en_met": 2022}, 2.0),
    ],
)  # fmt: skip
def test_edge_cases(
    metric_id: str, args: tuple[Any, ...], kwargs: dict[str, Any], expected: Any
) -> None:
    if isinstance(expected, type) and issubclass(expected, Exception):
        with pytest.raises(expected, match=rf"^{metric_id}: "):
            _f(metric_id)(*args, **kwargs)
        return
    result = _f(metric_id)(*args, **kwargs)
    assert type(result) is float
    assert result == expected or (math.isnan(expected) and math.isnan(result))


@pytest.mark.parametrize("metric_id", RATIOS)
def test_zero_division_nan_warns_and_names_the_year(metric_id: str) -> None:
    with pytest.warns(errors.UndefinedMetricWarning, match=f"{metric_id}.*jaar 2022"):
        result = _f(metric_id)(_years(0, 1), _years(0, 4), zero_division=np.nan)
    assert math.isnan(result[2022])
    assert result[2023] == 0.25


@pytest.mark.parametrize("metric_id", RATIOS)
def test_ratios_reject_misaligned_years_and_mixed_kinds(metric_id: str) -> None:
    with pytest.raises(errors.MisalignedYearsError, match="2021"):
        _f(metric_id)(_years(1, 2), _years(3, 4, years=(2021, 2022)))
    with pytest.raises(errors.InvalidInputError, match="no years to align"):
        _f(metric_id)(_years(1, 2), np.array([3, 4]))


def test_missing_year_message_says_which_year_and_why() -> None:
    with pytest.raises(errors.MisalignedYearsError, match=r"^totaal_over_periode: ") as info:
        m.totaal_over_periode(_years(1, 2, years=(2023, 2025)))
    assert "2023-2025 lacks the year 2024" in str(info.value)
    assert "0 for a '-'" in str(info.value)


def test_structural_label_message_says_to_select_years() -> None:
    s = pd.Series([1, 2, 3], index=["2022", "2023", "structureel"])
    with pytest.raises(errors.InvalidInputError, match="'structureel', which is not a year"):
        m.totaal_over_periode(s)


def test_a_dataframe_gives_one_total_per_row_with_its_index() -> None:
    wide = _wide("financieel_besteding_thema", "opgave")
    totals = m.totaal_over_periode(wide.drop(columns="structureel"), van=2025)
    assert isinstance(totals, pd.Series)
    assert totals.index.equals(wide.index)
    assert totals["preventie"] == 90_900 + 90_000 + 82_000


# --- layer 3: properties ------------------------------------------------------------------------

amounts = st.floats(min_value=0, max_value=1e9, allow_nan=False)
scale = st.floats(min_value=1e-3, max_value=1e3, allow_nan=False)
signed = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False)


@st.composite
def part_and_whole(draw: st.DrawFn) -> tuple[float, float]:
    whole = draw(st.floats(min_value=1e-3, max_value=1e9, allow_nan=False))
    return draw(st.floats(min_value=0, max_value=whole)), whole


@st.composite
def aligned_pair(draw: st.DrawFn) -> tuple[pd.Series, pd.Series]:
    years = draw(st.lists(st.integers(1990, 2100), min_size=1, max_size=10, unique=True))
    pairs = draw(st.lists(part_and_whole(), min_size=len(years), max_size=len(years)))
    index = pd.Index(years, name="jaar")
    return pd.Series([p for p, _ in pairs], index=index), pd.Series(
        [w for _, w in pairs], index=index
    )


@st.composite
def yearly(draw: st.DrawFn) -> pd.Series:
    first = draw(st.integers(1990, 2090))
    values = draw(st.lists(signed, min_size=1, max_size=12))
    order = draw(st.permutations(range(len(values))))
    index = pd.Index([str(first + i) for i in order], name="periode")
    return pd.Series([values[i] for i in order], index=index)


@pytest.mark.parametrize("metric_id", SHARES)
@given(pw=part_and_whole())
def test_shares_are_in_zero_one(metric_id: str, pw: tuple[float, float]) -> None:
    assert 0.0 <= _f(metric_id)(*pw) <= 1.0


@pytest.mark.parametrize("metric_id", SHARES)
@given(pw=part_and_whole(), excess=st.floats(min_value=1e-3, max_value=1e6))
def test_a_part_above_its_whole_always_raises(
    metric_id: str, pw: tuple[float, float], excess: float
) -> None:
    _, whole = pw
    with pytest.raises(errors.PartExceedsWholeError, match=rf"^{metric_id}: .* is larger than"):
        _f(metric_id)(whole + excess, whole)


@pytest.mark.parametrize("metric_id", RATIOS)
@given(pw=part_and_whole(), k=scale)
def test_ratios_do_not_depend_on_the_scale(
    metric_id: str, pw: tuple[float, float], k: float
) -> None:
    part, whole = pw
    assume(whole * k > 0)
    assert _f(metric_id)(part * k, whole * k) == pytest.approx(
        _f(metric_id)(part, whole), rel=1e-9, abs=1e-12
    )


@given(a=amounts, b=amounts, c=st.floats(min_value=1.0, max_value=1e9))
def test_the_ratio_is_additive_in_the_incidental_money(a: float, b: float, c: float) -> None:
    f = m.verhouding_incidenteel_structureel
    assert f(a + b, c) == pytest.approx(f(a, c) + f(b, c), rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("metric_id", RATIOS)
@given(pair=aligned_pair())
def test_ratios_agree_on_scalars_arrays_and_series_and_leave_inputs_alone(
    metric_id: str, pair: tuple[pd.Series, pd.Series]
) -> None:
    part, whole = pair
    before = (part.copy(), whole.copy())
    arrays = (part.to_numpy().copy(), whole.to_numpy().copy())
    series = _f(metric_id)(part, whole)
    array = _f(metric_id)(*arrays)
    scalars = [_f(metric_id)(float(p), float(w)) for p, w in zip(part, whole, strict=True)]
    np.testing.assert_array_equal(series.to_numpy(), array)
    np.testing.assert_array_equal(array, np.array(scalars))
    assert series.index.equals(part.index)
    pd.testing.assert_series_equal(part, before[0])
    pd.testing.assert_series_equal(whole, before[1])
    np.testing.assert_array_equal(arrays[0], before[0].to_numpy())


@given(s=yearly(), data=st.data())
def test_totals_of_adjoining_periods_add_up(s: pd.Series, data: st.DataObject) -> None:
    years = sorted(int(y) for y in s.index)
    split = data.draw(st.integers(years[0], years[-1]))
    whole = m.totaal_over_periode(s)
    left = m.totaal_over_periode(s, tot_en_met=split)
    right = m.totaal_over_periode(s, van=split + 1) if split < years[-1] else 0.0
    assert left + right == pytest.approx(whole, rel=1e-9, abs=1e-3)


@given(s=yearly(), k=scale)
def test_a_total_scales_with_its_amounts_and_ignores_their_order(s: pd.Series, k: float) -> None:
    assert m.totaal_over_periode(s * k) == pytest.approx(
        k * m.totaal_over_periode(s), rel=1e-9, abs=1e-3
    )
    assert m.totaal_over_periode(s.sort_index()) == pytest.approx(
        m.totaal_over_periode(s), rel=1e-9, abs=1e-3
    )


@given(s=yearly())
def test_a_total_agrees_on_series_arrays_frames_and_leaves_inputs_alone(s: pd.Series) -> None:
    before = s.copy()
    frame = s.to_frame().T
    array = s.to_numpy().copy()
    total = m.totaal_over_periode(s)
    assert m.totaal_over_periode(array) == pytest.approx(total, rel=1e-12, abs=1e-6)
    assert m.totaal_over_periode(frame).iloc[0] == pytest.approx(total, rel=1e-12, abs=1e-6)
    np.testing.assert_allclose(
        m.totaal_over_periode(np.vstack([array, 2 * array])),
        [total, 2 * total],
        rtol=1e-9,
        atol=1e-3,
    )
    pd.testing.assert_series_equal(s, before)
    np.testing.assert_array_equal(array, before.to_numpy())


@given(a=signed, b=signed)
def test_amounts_in_euro_are_a_thousand_times_and_linear(a: float, b: float) -> None:
    assert m.bedrag_in_euro(a) == a * 1000
    # a + b may cancel: the tolerance is that of the terms, not of their sum
    assert m.bedrag_in_euro(a + b) == pytest.approx(
        m.bedrag_in_euro(a) + m.bedrag_in_euro(b), rel=1e-12, abs=1e-12 * 1000 * (abs(a) + abs(b))
    )


@given(pair=aligned_pair())
def test_amounts_in_euro_agree_on_every_kind_and_leave_inputs_alone(
    pair: tuple[pd.Series, pd.Series],
) -> None:
    s, _ = pair
    before = s.copy()
    series = m.bedrag_in_euro(s)
    np.testing.assert_array_equal(series.to_numpy(), m.bedrag_in_euro(s.to_numpy()))
    np.testing.assert_array_equal(series.to_numpy(), [m.bedrag_in_euro(float(x)) for x in s])
    assert series.index.equals(s.index)
    pd.testing.assert_series_equal(s, before)
