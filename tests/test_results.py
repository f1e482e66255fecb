"""compute(): every indicator for every year, and the files it writes."""

from __future__ import annotations

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


def _value(result: oi.ComputeResult, metric: str, periode: str, dimensie: str = "") -> float:
    v = result.values
    rows = v[(v["metric"] == metric) & (v["periode"] == periode) & (v["dimensie"] == dimensie)]
    assert len(rows) == 1, (metric, periode, dimensie)
    return float(rows["waarde"].iloc[0])


def test_every_metric_is_computed_or_skipped_with_a_reason(result: oi.ComputeResult) -> None:
    computed = set(result.values["metric"])
    skipped = set(result.skipped["metric"])
    assert computed | skipped == set(oi.list_metrics().index)
    assert skipped - computed == {"bedrag_in_euro", "zonder_uitschieter"}
    assert result.skipped["reason"].str.len().gt(20).all()


def test_a_year_one_table_lacks_is_reported_not_dropped() -> None:
    extra = pd.DataFrame(
        {"jaar": [2023] * 3, "uitkomst": list(UITKOMSTEN), "aantal": [1300, 190, 90]}
    )
    tables = {**SAMPLES, "uitspraken": pd.concat([SAMPLES["uitspraken"], extra])}
    skipped = oi.compute(tables).skipped.set_index("metric")["reason"]
    assert skipped["aandeel_vrijheidsstraffen"] == (
        "jaar 2023 not computed: not every table it needs has the year"
    )


def test_the_report_figures_come_out_of_compute(result: oi.ComputeResult) -> None:
    assert _value(result, "aandeel_vrijheidsstraffen", "2022") == pytest.approx(999 / 1238)
    assert _value(result, "aandeel_meer_dan_5_jaar", "2021") == pytest.approx(95 / 906)
    assert _value(result, "beslag_realisatie", "2022") == pytest.approx(246 / 271.6)
    assert _value(result, "traject", "2024", "beslag_doelstellingen, partij=politie, lineair") == (
        pytest.approx(200e6)
    )
    assert _value(result, "verandering", "2022", "uitspraken, uitkomst=schuldig") == 125.0


def test_a_table_caveat_travels_with_every_value_that_reads_it(
    result: oi.ComputeResult,
) -> None:
    rows = result.values[result.values["metric"] == "beslag_realisatie"]
    assert rows["caveats"].str.contains("narrower basis").all()


def test_metrics_whose_tables_are_absent_are_skipped_not_dropped() -> None:
    court = {k: SAMPLES[k] for k in ("uitspraken", "vrijheidsstraffen")}
    partial = oi.compute(court)
    reasons = partial.skipped.set_index("metric")["reason"]
    assert reasons["beslag_realisatie"] == "needs the table(s) beslag, beslag_doelstellingen"
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
        assert _value(out, "verandering", "2023", "uitspraken, uitkomst=schuldig") == (
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
    assert {s["metric"] for s in package["skipped"]} == set(result.skipped["metric"])
    if suffix == ".csv":
        assert len(pd.read_csv(out)) == len(result.values)
    elif suffix == ".parquet":
        assert len(pd.read_parquet(out)) == len(result.values)


def test_hostile_cells_are_neutralised_in_the_output(tmp_path: Path) -> None:
    hostile = oi.ComputeResult(
        values=pd.DataFrame(
            {"metric": ["=cmd|' /C calc'!A0"], "label_nl": ["+x"], "label_en": ["@y"],
             "jaar": [2022], "periode": ["2022"], "dimensie": ["-1+1"], "waarde": [1.0],
             "unit": ["count"], "caveats": [""]}
        ),
        skipped=pd.DataFrame(columns=["metric", "reason"]),
    )  # fmt: skip
    oi.write_results(hostile, tmp_path / "uit.csv")
    back = pd.read_csv(tmp_path / "uit.csv", dtype=str).iloc[0]
    assert back["metric"].startswith("'=")
    assert back["label_nl"] == "'+x"
    assert back["label_en"] == "'@y"
    assert back["dimensie"] == "'-1+1"


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
    ok = runner.invoke(cli.app, ["validate", str(folder)])
    assert ok.exit_code == 0, ok.output
    assert "jaar 2018-2023" in ok.output
    out = tmp_path / "uit" / "indicatoren.csv"
    computed = runner.invoke(cli.app, ["compute", str(folder), "--out", str(out)])
    assert computed.exit_code == 0, computed.output
    values = pd.read_csv(out)
    row = values[(values["metric"] == "aandeel_vrijheidsstraffen") & (values["jaar"] == 2023)]
    assert row["waarde"].iloc[0] == pytest.approx(1041 / 1300)
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
    out = CliRunner().invoke(cli.app, ["reproduce", "--figures", str(draft), "--data", str(folder)])
    assert out.exit_code == 2
    assert "record 'concept.uitspraken.schuldig_2023'" in out.output
    assert "line 12" in out.output  # the line of its id
    assert "no table 'vonnissen'" in out.output


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
    assert _value(out, "aandeel_drugsvangst", str(year), "haven=rotterdam") == pytest.approx(
        kilos[0] / sum(kilos)
    )
    assert _value(out, "aandeel_met_taakstraf", str(year)) == pytest.approx(
        min(taakstraf, 999) / 999
    )
