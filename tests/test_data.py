"""Sample tables: transcription, provenance, schemas and validation messages."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ondermijning_indicators as oi
from ondermijning_indicators import errors
from ondermijning_indicators.schemas import DUURKLASSEN, SCHEMAS, UITKOMSTEN

from .conftest import REPORT

YEARS = [2018, 2019, 2020, 2021, 2022]


def _printed_row(label: str) -> list[int]:
    """Numbers of the one report line that starts with ``label``, read the Dutch way."""
    lines = [
        ln for ln in REPORT.read_text(encoding="utf-8").splitlines() if ln.startswith(label + " ")
    ]
    assert len(lines) == 1, (label, lines)
    return [int(tok.replace(".", "")) for tok in lines[0][len(label) :].split()]


def _wide(table: str, column: str) -> pd.DataFrame:
    return oi.load_sample(table).pivot(index=column, columns="jaar", values="aantal")


@pytest.mark.parametrize(
    ("label", "code"),
    [("Schuldig", "schuldig"), ("Vrijspraak", "vrijspraak"), ("Overig", "overig")],
)
def test_verdicts_match_the_printed_table(label: str, code: str) -> None:
    assert list(_wide("uitspraken", "uitkomst").loc[code][YEARS]) == _printed_row(label)


def test_printed_total_matches_the_report() -> None:
    totals = oi.load_sample("uitspraken_totaal").set_index("jaar")["aantal"]
    assert totals.loc[YEARS].tolist() == _printed_row("Totaal")


@pytest.mark.parametrize(
    ("label", "code"), [("< 1 jaar", DUURKLASSEN[0]), ("1-2 jaar", DUURKLASSEN[1]),
                        ("2-5 jaar", DUURKLASSEN[2]), ("> 5 jaar", DUURKLASSEN[3])],
)  # fmt: skip
def test_durations_match_the_printed_table(label: str, code: str) -> None:
    assert list(_wide("vrijheidsstraffen", "duurklasse").loc[code][YEARS]) == _printed_row(label)


def test_the_header_misprint_is_recorded_with_its_printed_form() -> None:
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    # Both court tables print the same header, with 2018 twice and no 2019.
    assert [ln.strip() for ln in lines if ln.startswith("2018 2018")] == [
        "2018 2018 2020 2021 2022",
        "2018 2018 2020 2021 2022",
    ]
    for name in ("uitspraken", "vrijheidsstraffen"):
        (corr,) = oi.sample_metadata(name).corrections
        assert (corr.printed, corr.corrected) == ("2018", "2019")
        assert "2018 2018 2020 2021 2022" in corr.reason


def test_every_table_of_the_edition_has_provenance() -> None:
    listing = oi.list_samples()
    assert set(listing.index) == set(oi.load_samples()) <= set(SCHEMAS)
    for name in listing.index:
        meta = oi.sample_metadata(name)
        for text in (meta.section, meta.table, meta.producer, meta.unit):
            assert text.strip(), name
        assert list(meta.key) == [c for c in meta.key if c in SCHEMAS[name].columns]


def test_loaded_tables_are_typed() -> None:
    df = oi.load_sample("uitspraken")
    assert str(df["jaar"].dtype) == "int64"
    assert str(df["aantal"].dtype) == "int64"
    assert len(df) == 15


def test_load_sample_returns_a_fresh_copy() -> None:
    first = oi.load_sample("uitspraken")
    first.loc[:, "aantal"] = -1
    assert (oi.load_sample("uitspraken")["aantal"] >= 0).all()


def test_unknown_sample_names_the_known_ones() -> None:
    with pytest.raises(errors.UnknownSampleError, match="uitspraken") as info:
        oi.load_sample("vonnissen")
    assert isinstance(info.value, KeyError)


# --- validation -------------------------------------------------------------------------------


def _tables() -> dict[str, pd.DataFrame]:
    return {name: df.astype(str) for name, df in oi.load_samples().items()}


def _problems(tables: dict[str, pd.DataFrame], *, strict: bool = False) -> tuple[str, pd.DataFrame]:
    with pytest.raises(errors.DataValidationError, match=r"^\d+ problems? in the tables") as info:
        oi.validate_tables(tables, sources={n: f"{n}.csv" for n in tables}, strict=strict)
    assert isinstance(info.value, ValueError)
    return str(info.value), info.value.failures  # type: ignore[return-value]


def test_samples_as_text_validate_back_to_the_same_tables() -> None:
    validated = oi.validate_tables(_tables())
    for name, df in oi.load_samples().items():
        pd.testing.assert_frame_equal(validated[name], df)


def test_every_problem_in_every_table_is_reported_at_once() -> None:
    tables = _tables()
    u = tables["uitspraken"]
    u.loc[0, "aantal"] = "1.173"  # thousands dot
    u.loc[1, "aantal"] = "22,5"  # decimal comma
    u.loc[2, "uitkomst"] = "sepot"  # unknown category
    v = tables["vrijheidsstraffen"]
    v.loc[3, "aantal"] = "-93"  # negative count
    v.loc[4, "aantal"] = "veel"  # text
    k = tables["kerncijfers"]
    tables["kerncijfers"] = k.drop(columns=["eenheid"]).assign(bron="x")  # missing + unknown
    message, failures = _problems(tables)
    assert message.startswith(f"{len(failures)} problems in the tables:")
    expected = [
        r"uitspraken \(uitspraken.csv\), line 2, column aantal: .*'1.173' looks like Dutch "
        r"notation with a thousands dot \(meaning 1173\)",
        r"line 3, column aantal: is not a whole number: .22,5. has a decimal comma",
        r"line 4, column uitkomst: 'sepot' must be one of schuldig, vrijspraak, overig",
        r"vrijheidsstraffen \(vrijheidsstraffen.csv\), line 5, column aantal: -93 must be at "
        r"least 0",
        r"line 6, column aantal: is not a whole number \('veel'\)",
        r"kerncijfers \(kerncijfers.csv\), header, column bron: unknown column 'bron'",
        r"kerncijfers .*required column 'eenheid' is missing",
    ]
    for pattern in expected:
        assert re.search(pattern, message), pattern
    assert set(failures.columns) == {"table", "row", "column", "value", "rule", "message"}


def test_duplicate_keys_are_reported_with_the_key() -> None:
    tables = _tables()
    u = tables["uitspraken"]
    tables["uitspraken"] = pd.concat([u, u.iloc[[0]]], ignore_index=True)
    message, _ = _problems(tables)
    assert "more than one row for jaar=2018, uitkomst=schuldig" in message


def test_a_year_without_every_outcome_is_reported() -> None:
    tables = _tables()
    tables["uitspraken"] = tables["uitspraken"].iloc[1:].reset_index(drop=True)
    message, _ = _problems(tables)
    assert (
        "every year must have each outcome (schuldig, vrijspraak, overig) exactly once" in message
    )


def test_printed_total_that_differs_from_its_parts_is_audited_and_refused_when_strict() -> None:
    tables = _tables()
    t = tables["uitspraken_totaal"]
    t.loc[t["jaar"] == "2020", "aantal"] = "1183"
    loaded = oi.validate_tables(tables)  # a misprinted total is loaded, to be audited
    row = oi.audit(loaded, records=[]).set_index("id").loc["total.uitspraken_totaal.2020"]
    assert (row["status"], row["printed"], row["expected"], row["difference"]) == (
        "finding",
        "1183",
        "1182",
        "1",
    )
    message, failures = _problems(tables, strict=True)
    assert (
        "uitspraken_totaal (uitspraken_totaal.csv), jaar=2020, column aantal: the printed "
        "total 1183 must equal " in message
    )
    assert "the sum of uitspraken (1182), a difference of 1" in message
    assert failures["row"].tolist() == ["jaar=2020"]


def test_custodial_sentences_above_guilty_verdicts_are_reported() -> None:
    tables = _tables()
    v = tables["vrijheidsstraffen"]
    mask = (v["jaar"] == "2021") & (v["duurklasse"] == "minder_dan_1_jaar")
    v.loc[mask, "aantal"] = "1000"
    message, _ = _problems(tables)
    assert re.search(r"jaar 2021: custodial sentences .* cannot exceed the guilty", message)


def test_a_year_with_sentences_but_no_verdicts_is_reported() -> None:
    tables = _tables()
    extra = tables["vrijheidsstraffen"].query("jaar == '2022'").assign(jaar="2023")
    tables["vrijheidsstraffen"] = pd.concat([tables["vrijheidsstraffen"], extra], ignore_index=True)
    message, _ = _problems(tables)
    assert "jaar 2023" in message


def test_long_sentences_above_their_class_are_reported() -> None:
    tables = _tables()
    k = tables["vrijheidsstraffen_kenmerken"]
    k.loc[k["kenmerk"] == "duur_30_jaar", "aantal"] = "140"
    message, _ = _problems(tables)
    assert "cannot exceed the class > 5 jaar" in message


def test_an_unknown_table_is_reported() -> None:
    message, _ = _problems({"vonnissen": pd.DataFrame({"a": [1]})})
    assert "unknown table 'vonnissen'" in message


@st.composite
def court_tables(draw: st.DrawFn) -> dict[str, pd.DataFrame]:
    years = draw(st.lists(st.integers(1990, 2100), min_size=1, max_size=6, unique=True))
    rows_u, rows_t, rows_v = [], [], []
    for year in years:
        counts = {u: draw(st.integers(0, 10_000)) for u in UITKOMSTEN}
        rows_u += [(year, u, c) for u, c in counts.items()]
        rows_t.append((year, sum(counts.values())))
        remaining = counts["schuldig"]
        for klasse in DUURKLASSEN:
            c = draw(st.integers(0, remaining))
            remaining -= c
            rows_v.append((year, klasse, c))
    return {
        "uitspraken": pd.DataFrame(rows_u, columns=["jaar", "uitkomst", "aantal"]),
        "uitspraken_totaal": pd.DataFrame(rows_t, columns=["jaar", "aantal"]),
        "vrijheidsstraffen": pd.DataFrame(rows_v, columns=["jaar", "duurklasse", "aantal"]),
    }


@given(tables=court_tables(), data=st.data())
def test_consistent_tables_validate_and_a_broken_total_is_always_caught(
    tables: dict[str, pd.DataFrame], data: st.DataObject
) -> None:
    oi.validate_tables(tables, strict=True)
    totals = tables["uitspraken_totaal"].copy()
    row = data.draw(st.integers(0, len(totals) - 1))
    values = totals["aantal"].to_numpy().copy()
    delta = data.draw(st.sampled_from([-1, 1, 1000]))
    values[row] = values[row] + delta if values[row] + delta >= 0 else values[row] + 1
    totals["aantal"] = values
    year = int(totals["jaar"].to_numpy()[row])
    broken = {**tables, "uitspraken_totaal": totals}
    with pytest.raises(errors.DataValidationError, match=f"jaar={year}"):
        oi.validate_tables(broken, strict=True)
    audited = oi.audit(oi.validate_tables(broken), records=[]).set_index("id")
    assert audited.loc[f"total.uitspraken_totaal.{year}", "status"] == "finding"


def test_preventie_met_gezag_municipalities_are_the_ones_the_report_names() -> None:
    table = oi.load_sample("preventie_met_gezag_gemeenten")
    text = " ".join(REPORT.read_text(encoding="utf-8").split())
    start = text.index("Vijftien gemeenten zijn in 2022 begonnen")
    listing = text[start : text.index("In 2023 volgen", start)]
    named_2022 = table.query("startjaar == 2022")["gemeente"].tolist()
    assert len(named_2022) == 15
    for name in named_2022:
        assert name in listing, name
    uitbreiding = text[text.index("Uitbreiding in 2023") :][:400]
    for name in table.query("startjaar == 2023")["gemeente"]:
        assert name in uitbreiding, name
    assert table.query("startjaar == 2024")["aantal"].tolist() == [8]


def test_a_fractional_count_in_a_number_column_is_refused_not_truncated() -> None:
    table = oi.load_sample("vrijheidsstraffen").astype({"aantal": "float64"})
    table.loc[0, "aantal"] = 1.238  # what a Dutch "1.238" becomes when read as a decimal
    with pytest.raises(errors.DataValidationError, match=r"'1.238' looks like Dutch notation"):
        oi.validate_tables({"vrijheidsstraffen": table})


def test_tables_without_printed_totals_validate_but_a_total_without_parts_fails() -> None:
    tables = _tables()
    without_total = {k: v for k, v in tables.items() if k != "uitspraken_totaal"}
    oi.validate_tables(without_total)
    extra = pd.DataFrame({"jaar": ["2023"], "aantal": ["100"]})
    totals = pd.concat([tables["uitspraken_totaal"], extra], ignore_index=True)
    message, _ = _problems({**tables, "uitspraken_totaal": totals}, strict=True)
    assert "jaar=2023, column aantal: the printed total 100 has no part in uitspraken" in message
    audited = oi.audit(oi.validate_tables({**tables, "uitspraken_totaal": totals}), records=[])
    finding = audited.set_index("id").loc["total.uitspraken_totaal.2023", "finding"]
    assert finding == (
        "The printed total of uitspraken_totaal for jaar=2023 is 100, but uitspraken has no "
        "part for it."
    )
