"""compute(): every indicator for every year, and the files it writes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import ondermijning_indicators as oi
from ondermijning_indicators import cli, errors
from ondermijning_indicators import metrics as m
from ondermijning_indicators.schemas import DUURKLASSEN, UITKOMSTEN

SAMPLES = oi.load_samples()


@pytest.fixture(scope="module")
def result() -> oi.ComputeResult:
    return oi.compute()


def _value(result: oi.ComputeResult, metric: str, period: str, **where: str) -> float:
    v = result.values
    mask = (v["metric"] == metric) & (v["period"] == period)
    for column, value in where.items():
        mask &= v[column] == value
    rows = v[mask]
    assert len(rows) == 1, (metric, period, where, rows)
    return float(rows["value"].iloc[0])


def test_every_metric_is_computed_or_skipped_with_a_reason(result: oi.ComputeResult) -> None:
    computed = set(result.values["metric"])
    skipped = set(result.skipped["metric"])
    assert computed | skipped == set(oi.list_metrics().index)
    not_from_tables = {m for m in oi.list_metrics().index if oi.get_metric(m).inputs is None}
    assert (
        skipped - computed == not_from_tables == {"bedrag_in_euro", "traject", "zonder_uitschieter"}
    )
    assert result.skipped["reason"].str.len().gt(20).all()


def test_the_values_meet_their_schema_and_name_the_cells_they_read(
    result: oi.ComputeResult,
) -> None:
    from ondermijning_indicators._results import result_schema

    result_schema().validate(result.values)
    assert list(result.values.columns) == list(result_schema().columns)
    rows = result.values.query("metric == 'aandeel_duurklasse' and period == '2022'")
    row = rows[rows["duurklasse"] == "meer_dan_5_jaar"].iloc[0]
    assert row["inputs"] == (
        "in_klasse=vrijheidsstraffen:aantal[jaar=2022,duurklasse=meer_dan_5_jaar]; "
        "vrijheidsstraffen=vrijheidsstraffen:aantal[jaar=2022]"
    )
    assert row["value"] == pytest.approx(177 / 999)
    assert pd.isna(row["uitkomst"])
    assert pd.isna(row["series"])


def test_a_year_one_table_lacks_is_reported_not_dropped() -> None:
    extra = pd.DataFrame(
        {"jaar": [2023] * 3, "uitkomst": list(UITKOMSTEN), "aantal": [1300, 190, 90]}
    )
    tables = {**SAMPLES, "uitspraken": pd.concat([SAMPLES["uitspraken"], extra])}
    skipped = oi.compute(tables).skipped.set_index("metric")["reason"]
    assert skipped["aandeel_vrijheidsstraffen"] == (
        "jaar 2023 not computed: not every table it needs has the year"
    )


def test_a_zero_denominator_in_one_year_skips_that_value_only() -> None:
    tables = {k: v.copy() for k, v in SAMPLES.items()}
    u = tables["uitspraken"]
    u.loc[(u["jaar"] == 2020) & (u["uitkomst"] == "schuldig"), "aantal"] = 0
    v = tables["vrijheidsstraffen"]
    v.loc[v["jaar"] == 2020, "aantal"] = 0
    out = oi.compute(tables)
    shares = out.values.query("metric == 'aandeel_vrijheidsstraffen'")
    assert sorted(shares["period"]) == ["2018", "2019", "2021", "2022"]
    reasons = out.skipped.query("metric == 'aandeel_vrijheidsstraffen'")["reason"]
    assert reasons.str.contains(r"`schuldig` is 0 for jaar 2020").any()


def test_the_report_figures_come_out_of_compute(result: oi.ComputeResult) -> None:
    assert _value(result, "aandeel_vrijheidsstraffen", "2022") == pytest.approx(999 / 1238)
    assert _value(result, "aandeel_meer_dan_5_jaar", "2021") == pytest.approx(95 / 906)
    assert _value(result, "beslag_realisatie", "2022") == pytest.approx(246 / 271.6)
    assert _value(result, "aangevuld_traject", "2024", partij="politie") == pytest.approx(200e6)
    assert _value(result, "verandering", "2022", uitkomst="schuldig") == 125.0
    assert _value(result, "groeifactor", "2023-2027") == pytest.approx(130 / 22)
    assert _value(result, "fte_groei", "2023-2027", component="absoluut") == 108.0
    totals = SAMPLES["financieel_besteding_thema_totaal"].query("thema == 'voorkomen'")
    years = totals[totals["periode"] != "structureel"]["bedrag_k_eur"]
    assert len(years) == 6
    assert _value(result, "totaal_over_periode", "2022-2027", thema="voorkomen") == years.sum()


def test_a_table_caveat_travels_only_with_the_values_that_read_its_cells(
    result: oi.ComputeResult,
) -> None:
    realisation = result.values[result.values["metric"] == "beslag_realisatie"]
    assert realisation["caveats"].str.contains("narrower basis").all()  # its 2022 cells
    share = result.values.query("metric == 'aandeel_besteding'")
    scoped = share["caveats"].str.contains("grand total of this table")
    assert set(share.loc[scoped, "period"]) == {"2022"}  # the caveat about 2022 alone
    for caveats in result.values["caveats"]:
        parts = caveats.split(" | ")
        assert len(parts) == len(set(parts))  # never twice in one cell


def test_a_supplied_value_is_given_back_and_a_filled_in_year_is_marked(
    result: oi.ComputeResult,
) -> None:
    path = result.values.query("metric == 'aangevuld_traject' and partij == 'politie'")
    assert path.set_index("year")["filled_in"].to_dict() == {
        2023: False, 2024: True, 2025: True, 2026: False,
    }  # fmt: skip
    assert path.set_index("year")["inputs"][2024] == (
        "waarden=beslag_doelstellingen:bedrag_eur[jaar=2023|2026,partij=politie]"
    )


def test_metrics_whose_tables_are_absent_are_skipped_not_dropped() -> None:
    court = {k: SAMPLES[k] for k in ("uitspraken", "vrijheidsstraffen")}
    partial = oi.compute(court)
    reasons = partial.skipped.set_index("metric")["reason"]
    assert reasons["beslag_realisatie"] == "needs the table(s) beslag, beslag_doelstellingen"
    assert "verandering" in set(partial.values["metric"])  # on the series that are present
    assert "aandeel_vrijheidsstraffen" in set(partial.values["metric"])


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_new_year_gives_that_years_indicators_without_code_changes(data: st.DataObject) -> None:
    year = data.draw(st.integers(2023, 2040))
    outcomes = {u: data.draw(st.integers(1, 5000)) for u in UITKOMSTEN}
    remaining = outcomes["schuldig"]
    classes = {}
    for klasse in DUURKLASSEN:
        classes[klasse] = data.draw(st.integers(0, remaining))
        remaining -= classes[klasse]
    tables = dict(SAMPLES)
    new_u = pd.DataFrame(
        {"jaar": year, "uitkomst": list(outcomes), "aantal": list(outcomes.values())}
    )
    new_v = pd.DataFrame(
        {"jaar": year, "duurklasse": list(classes), "aantal": list(classes.values())}
    )
    tables["uitspraken"] = pd.concat([SAMPLES["uitspraken"], new_u], ignore_index=True)
    tables["vrijheidsstraffen"] = pd.concat(
        [SAMPLES["vrijheidsstraffen"], new_v], ignore_index=True
    )
    custodial = sum(classes.values())
    if custodial == 0:
        return
    validated = oi.validate_tables(tables)
    out = oi.compute(validated)
    assert _value(out, "aandeel_vrijheidsstraffen", str(year)) == pytest.approx(
        m.aandeel_vrijheidsstraffen(custodial, outcomes["schuldig"])
    )
    assert _value(out, "aandeel_schuldig", str(year)) == pytest.approx(
        outcomes["schuldig"] / sum(outcomes.values())
    )
    if year == 2023:  # consecutive to 2022: a year-on-year change
        assert _value(out, "verandering", "2023", uitkomst="schuldig") == (
            outcomes["schuldig"] - 1238
        )


# --- writing -------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".json", ".xlsx"])
def test_results_are_written_with_a_datapackage(
    tmp_path: Path, result: oi.ComputeResult, suffix: str
) -> None:
    out = tmp_path / f"indicatoren{suffix}"
    written = oi.write_results(result, out)
    assert [p.name for p in written] == [out.name, "datapackage.json"]
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    fields = [f["name"] for f in package["resources"][0]["schema"]["fields"]]
    assert fields == list(result.values.columns)
    types = {f["name"]: f["type"] for f in package["resources"][0]["schema"]["fields"]}
    assert (types["year"], types["value"], types["filled_in"]) == ("integer", "number", "boolean")
    assert {s["metric"] for s in package["skipped"]} == set(result.skipped["metric"])
    if suffix == ".csv":
        assert len(pd.read_csv(out)) == len(result.values)
    elif suffix == ".parquet":
        assert len(pd.read_parquet(out)) == len(result.values)


def test_hostile_cells_are_neutralised_in_the_output(tmp_path: Path) -> None:
    hostile = oi.ComputeResult(
        values=pd.DataFrame(
            {"metric": ["=cmd|' /C calc'!A0"], "label_nl": ["+x"], "label_en": ["@y"],
             "period": ["2022"], "year": [2022], "series": ["-1+1"], "value": [1.0],
             "unit": ["count"], "caveats": [""]}
        ),
        skipped=pd.DataFrame(columns=["metric", "reason"]),
    )  # fmt: skip
    oi.write_results(hostile, tmp_path / "uit.csv")
    back = pd.read_csv(tmp_path / "uit.csv", dtype=str).iloc[0]
    assert back["metric"].startswith("'=")
    assert back["label_nl"] == "'+x"
    assert back["label_en"] == "'@y"
    assert back["series"] == "'-1+1"


def test_an_unknown_output_format_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    with pytest.raises(errors.InvalidInputError, match=r"\.csv, \.parquet, \.json or \.xlsx"):
        oi.write_results(oi.compute(), tmp_path / "uit.docx")
    assert list(tmp_path.iterdir()) == []


# --- the whole flow from the command line ------------------------------------------------------

DRAFT = """
[[figure]]
id = "concept.vrijheidsstraffen.aandeel_2023"
section = "Bestraffen"
quote = "In 2023 kreeg 80% van de schuldigen een vrijheidsstraf."
phrase = "80%"
metric = "aandeel_vrijheidsstraffen"
inputs.vrijheidsstraffen = "vrijheidsstraffen:aantal[jaar=2023]"
inputs.schuldig = "uitspraken:aantal[jaar=2023,uitkomst=schuldig]"

[[figure]]
id = "concept.uitspraken.schuldig_2023"
section = "Bestraffen"
quote = "In 2023 werden 1.300 verdachten schuldig bevonden."
phrase = "1.300"
sum = "uitspraken:aantal[jaar=2023,uitkomst=schuldig]"
"""


def _folder_with_2023(tmp_path: Path) -> Path:
    u = pd.concat(
        [SAMPLES["uitspraken"],
         pd.DataFrame({"jaar": 2023, "uitkomst": list(UITKOMSTEN), "aantal": [1300, 190, 90]})],
        ignore_index=True,
    )  # fmt: skip
    v = pd.concat(
        [SAMPLES["vrijheidsstraffen"],
         pd.DataFrame({"jaar": 2023, "duurklasse": list(DUURKLASSEN),
                       "aantal": [380, 180, 300, 181]})],
        ignore_index=True,
    )  # fmt: skip
    t = pd.concat(
        [SAMPLES["uitspraken_totaal"], pd.DataFrame({"jaar": [2023], "aantal": [1580]})],
        ignore_index=True,
    )
    folder = tmp_path / "tabellen"
    oi.write_tables({"uitspraken": u, "vrijheidsstraffen": v, "uitspraken_totaal": t}, folder,
                    notation="nl")  # fmt: skip
    return folder


def test_validate_compute_and_reproduce_a_draft_from_the_command_line(tmp_path: Path) -> None:
    folder = _folder_with_2023(tmp_path)
    runner = CliRunner()
    ok = runner.invoke(cli.app, ["validate", "--data", str(folder)])
    assert ok.exit_code == 0, ok.output
    assert "jaar 2018-2023" in ok.output
    out = tmp_path / "uit" / "indicatoren.csv"
    computed = runner.invoke(cli.app, ["compute", "--data", str(folder), "--out", str(out)])
    assert computed.exit_code == 0, computed.output
    values = pd.read_csv(out)
    row = values[(values["metric"] == "aandeel_vrijheidsstraffen") & (values["year"] == 2023)]
    assert row["value"].iloc[0] == pytest.approx(1041 / 1300)
    draft = tmp_path / "concept.toml"
    draft.write_text(DRAFT, encoding="utf-8")
    checked = runner.invoke(
        cli.app, ["reproduce", "--figures", str(draft), "--data", str(folder), "-f", "csv"]
    )
    assert checked.exit_code == 0, checked.output
    assert "within_rounding" in checked.output
    assert "exact" in checked.output


def test_a_draft_record_with_an_unknown_table_names_its_id_and_line(tmp_path: Path) -> None:
    folder = _folder_with_2023(tmp_path)
    draft = tmp_path / "concept.toml"
    draft.write_text(DRAFT.replace('sum = "uitspraken:', 'sum = "vonnissen:'), "utf-8")
    out = CliRunner().invoke(
        cli.app,
        ["reproduce", "--figures", str(draft), "--data", str(folder), "-f", "csv"],
    )
    assert out.exit_code == 3  # a record is invalid; the other is still checked
    rows = pd.read_csv(io.StringIO(out.stdout)).set_index("id")
    assert rows.loc["concept.vrijheidsstraffen.aandeel_2023", "status"] == "within_rounding"
    note = str(rows.loc["concept.uitspraken.schuldig_2023", "note"])
    assert rows.loc["concept.uitspraken.schuldig_2023", "status"] == "invalid"
    assert "Record 'concept.uitspraken.schuldig_2023'" in note
    assert "line 11" in note  # the line of its [[figure]], after a blank line
    assert "no table 'vonnissen'" in note


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(
    year=st.integers(2023, 2040),
    beslag=st.floats(1e6, 1e9),
    doel=st.floats(1e6, 1e9),
    kilos=st.lists(st.floats(0, 1e5), min_size=3, max_size=3),
    taakstraf=st.integers(0, 200),
)
def test_a_new_year_in_the_other_tables_gives_their_indicators_too(
    year: int, beslag: float, doel: float, kilos: list[float], taakstraf: int
) -> None:
    if sum(kilos) == 0:
        return
    tables = dict(SAMPLES)
    new_beslag = pd.DataFrame({"jaar": [year], "soort": ["totaal"], "bedrag_eur": [beslag]})
    tables["beslag"] = pd.concat([SAMPLES["beslag"], new_beslag], ignore_index=True)
    tables["beslag_doelstellingen"] = pd.concat(
        [SAMPLES["beslag_doelstellingen"],
         pd.DataFrame({"jaar": [year], "partij": ["totaal"], "bedrag_eur": [doel]})],
        ignore_index=True,
    )  # fmt: skip
    ports = ["rotterdam", "vlissingen", "noordzeekanaalgebied"]
    tables["drugsvangsten"] = pd.concat(
        [SAMPLES["drugsvangsten"],
         pd.DataFrame({"jaar": year, "haven": ports, "drug": "cocaine", "kg": kilos})],
        ignore_index=True,
    )  # fmt: skip
    u, v = SAMPLES["uitspraken"].copy(), SAMPLES["vrijheidsstraffen"].copy()
    u["jaar"] = u["jaar"].where(u["jaar"] != 2022, year)  # the 2022 verdicts, moved to the year
    v["jaar"] = v["jaar"].where(v["jaar"] != 2022, year)
    tables["uitspraken"], tables["vrijheidsstraffen"] = u, v
    tables["uitspraken_totaal"] = SAMPLES["uitspraken_totaal"].assign(
        jaar=lambda d: d["jaar"].where(d["jaar"] != 2022, year)
    )
    tables["vrijheidsstraffen_kenmerken"] = pd.DataFrame(
        {"jaar": [year], "kenmerk": ["met_taakstraf"], "aantal": [min(taakstraf, 999)]}
    )
    out = oi.compute(oi.validate_tables(tables))
    assert _value(out, "beslag_realisatie", str(year)) == pytest.approx(beslag / doel)
    assert _value(out, "aandeel_drugsvangst", str(year), haven="rotterdam") == pytest.approx(
        kilos[0] / sum(kilos)
    )
    assert _value(out, "aandeel_met_taakstraf", str(year)) == pytest.approx(
        min(taakstraf, 999) / 999
    )


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_the_written_datapackage_is_valid_frictionless(
    tmp_path: Path, result: oi.ComputeResult, suffix: str
) -> None:
    import frictionless

    oi.write_results(result, tmp_path / f"indicatoren{suffix}")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_frictionless_finds_a_value_that_breaks_the_described_type(
    tmp_path: Path, result: oi.ComputeResult
) -> None:
    import frictionless

    written = oi.write_results(result, tmp_path / "indicatoren.csv")[0]
    text = written.read_text(encoding="utf-8").splitlines()
    assert ",2022,2022," in text[1]  # period, year
    text[1] = text[1].replace(",2022,2022,", ",2022,tweeduizend tweeëntwintig,", 1)
    written.write_text("\n".join(text) + "\n", encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert report.flatten(["type"])[0] == ["type-error"]
