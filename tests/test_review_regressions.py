"""Inputs that once gave a number, or a verdict, where they should give an error."""

from __future__ import annotations

import math
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

import ondermijning_indicators as oi
from ondermijning_indicators import cli, errors
from ondermijning_indicators import metrics as m
from ondermijning_indicators.published import Status, compare, parse_phrase

JAAR = pd.Index([2022], name="jaar")


def test_a_2d_part_against_a_1d_whole_is_refused_not_broadcast_along_columns() -> None:
    wide = np.array([[431, 207], [307, 154]])
    with pytest.raises(errors.InvalidInputError, match="different numbers of dimensions"):
        m.aandeel_duurklasse(wide, wide.sum(axis=1))
    shares = m.aandeel_duurklasse(wide, wide.sum(axis=1)[:, None])
    np.testing.assert_allclose(shares.sum(axis=1), [1.0, 1.0])


@pytest.mark.parametrize(
    "bad",
    [pd.Series([True], index=JAAR), pd.Series([" 999 "], index=JAAR), ["999"], np.array([True])],
    ids=["bool Series", "text Series", "list of text", "bool array"],
)
def test_booleans_and_text_inside_series_and_lists_are_refused(bad: object) -> None:
    whole = pd.Series([1238], index=JAAR) if isinstance(bad, pd.Series) else [1238]
    with pytest.raises(errors.InvalidInputError, match="must hold numbers"):
        m.aandeel_vrijheidsstraffen(bad, whole)  # type: ignore[type-var]


def test_an_infinite_result_is_a_discrepancy_not_exact() -> None:
    assert compare(parse_phrase("1.238"), math.inf).status is Status.DISCREPANCY


def test_behaald_alone_means_the_target_was_reached() -> None:
    assert compare(parse_phrase("behaald"), 0.6).status is Status.DISCREPANCY
    assert compare(parse_phrase("behaald"), 1.0).status is Status.CONSISTENT


def test_excel_number_cells_are_numbers_even_in_dutch_notation(tmp_path: Path) -> None:
    table = oi.load_sample("drugsvangsten").astype({"kg": object})
    table.loc[0, "kg"] = 46.789  # a number cell: 46.789 kilo
    table.loc[1, "kg"] = "4.157"  # a Dutch text cell: 4157 kilo
    table.to_excel(tmp_path / "drugsvangsten.xlsx", index=False, sheet_name="drugsvangsten")
    loaded = oi.load_tables(tmp_path, notation="nl")["drugsvangsten"]["kg"].tolist()
    assert loaded[:2] == [46.789, 4157.0]


@pytest.mark.parametrize(
    ("values", "message"),
    [([True, False], "is True/False, not a number"), (["1e400", "5"], "too large"),
     ([np.inf, 5.0], "too large")],
)  # fmt: skip
def test_booleans_and_infinities_in_number_columns_are_refused(
    values: list[object], message: str
) -> None:
    table = pd.DataFrame({"jaar": [2022, 2022], "soort": ["totaal", "digitaal"],
                          "bedrag_eur": values})  # fmt: skip
    with pytest.raises(errors.DataValidationError, match=message):
        oi.validate_tables({"beslag": table})


def test_a_count_too_large_to_store_is_refused() -> None:
    table = oi.load_sample("uitspraken").astype(str)
    table.loc[0, "aantal"] = "99999999999999999999"
    with pytest.raises(errors.DataValidationError, match="too large"):
        oi.validate_tables({"uitspraken": table})


def test_growth_metrics_take_the_zero_division_they_advise() -> None:
    with pytest.raises(errors.ZeroDenominatorError, match="zero_division"):
        m.jaarlijkse_groei(0, 5, jaren=2)
    with pytest.warns(errors.UndefinedMetricWarning):
        assert math.isnan(m.jaarlijkse_groei(0, 5, jaren=2, zero_division=np.nan))
    with pytest.warns(errors.UndefinedMetricWarning):
        groei = m.fte_groei(0, 5, begin_jaar=2023, eind_jaar=2027, zero_division=np.nan)
    assert math.isnan(groei.factor)


@pytest.mark.parametrize("year", [2023.7, "2023", True])
def test_years_must_be_whole_years(year: object) -> None:
    with pytest.raises(errors.InvalidInputError, match="whole year"):
        m.fte_groei(22, 130, begin_jaar=year, eind_jaar=2027)  # type: ignore[arg-type]


def test_a_bool_is_not_a_number_of_years() -> None:
    with pytest.raises(errors.InvalidInputError, match="jaren"):
        m.jaarlijkse_groei(22, 130, jaren=True)


def test_each_problem_of_a_dutch_file_is_reported_once_with_a_hint(tmp_path: Path) -> None:
    (tmp_path / "uitspraken.csv").write_text(
        "jaar;uitkomst;aantal\n2022;schuldig;1 238\n2022;vrijspraak;-\n2022;overig;\n",
        encoding="utf-8",
    )
    with pytest.raises(errors.DataValidationError, match=r"^3 problems in the tables") as info:
        oi.load_tables(tmp_path)
    message = str(info.value)
    assert "has spaces between the digits ('1 238'); write it without spaces" in message
    assert "is a dash ('-'), not a number; write 0 if it means zero" in message
    assert "uitspraken (uitspraken.csv, Dutch notation), line 4, column aantal: is empty" in message


def test_rounding_noise_in_a_count_gets_its_own_advice() -> None:
    table = oi.load_sample("uitspraken").astype({"aantal": float})
    table.loc[0, "aantal"] = 1238.0000001
    with pytest.raises(errors.DataValidationError, match="rounding noise; round it to 1238"):
        oi.validate_tables({"uitspraken": table})


@pytest.mark.parametrize("written", ["1173.0", "1173.00", "1.173e3"])
def test_a_whole_count_written_with_decimals_is_not_called_noise(
    tmp_path: Path, written: str
) -> None:
    # the number is exact; only its spelling is not a count's
    (tmp_path / "uitspraken_totaal.csv").write_text(f"jaar,aantal\n2022,{written}\n")
    with pytest.raises(
        errors.DataValidationError, match="is not a whole number as written"
    ) as info:
        oi.load_tables(tmp_path, required=())
    message = str(info.value)
    assert (
        f"is not a whole number as written ('{written}'): a count is written without "
        "decimals; write 1173" in " ".join(message.split())
    )
    assert "noise" not in message


# --- the outside review of the editions work --------------------------------------------------


def _records_file(tmp_path: Path, body: str) -> list[Any]:
    from ondermijning_indicators.published import load_records

    path = tmp_path / "figures.toml"
    path.write_text(body, encoding="utf-8")
    return load_records([path])


_PIEK = """
[[figure]]
id = "t.piek"
section = "F"
quote = "86%"
phrase = "86%"
metric = "aandeel_structureel_van_piek"
where = { thema = "voorkomen" }

[[figure]]
id = "t.max"
section = "F"
quote = "121.749"
phrase = "121.749"
sum = "max(financieel_besteding_thema:bedrag_k_eur[thema=voorkomen])"
"""


def test_a_record_applies_the_reducer_of_its_selection(tmp_path: Path) -> None:
    out = oi.reproduce(records=_records_file(tmp_path, _PIEK)).set_index("id")
    computed = oi.compute().values.query(
        "metric == 'aandeel_structureel_van_piek' and thema == 'voorkomen'"
    )
    assert out.loc["t.piek", "computed_value"] == pytest.approx(float(computed["value"].iloc[0]))
    assert out.loc["t.piek", "status"] == "within_rounding"
    assert out.loc["t.max", "computed_value"] == 121_749  # the highest year, not the sum
    assert out.loc["t.max", "status"] == "exact"


@pytest.mark.parametrize(
    ("metric", "inputs"),
    [
        ("fte_groei", 'begin = "kerncijfers:waarde[indicator=acm_fte_extra,jaar=2023]", '
                      'eind = "kerncijfers:waarde[indicator=acm_fte_extra,jaar=2027]"'),
        ("traject", 'jaar = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"'),
    ],
)  # fmt: skip
def test_a_record_on_a_metric_it_cannot_call_is_invalid_not_a_crash(
    tmp_path: Path, metric: str, inputs: str
) -> None:
    body = (
        f'[[figure]]\nid = "t.x"\nsection = "B"\nquote = "38 fte"\nphrase = "38 fte"\n'
        f'metric = "{metric}"\ninputs = {{ {inputs} }}\n\n'
        '[[figure]]\nid = "t.y"\nsection = "B"\nquote = "999"\nphrase = "999"\n'
        'sum = "vrijheidsstraffen:aantal[jaar=2022]"\n'
    )
    out = oi.reproduce(records=_records_file(tmp_path, body)).set_index("id")
    assert out.loc["t.x", "status"] == "invalid"
    assert "keyword arguments" in str(out.loc["t.x", "note"])
    assert out.loc["t.y", "status"] == "exact"


def test_a_part_of_a_single_figure_is_never_added_to_its_whole() -> None:
    kern = pd.DataFrame(
        {
            "indicator": ["acm_fte_extra"] * 3,
            "jaar": [2023, 2023, 2027],
            "categorie": [None, "politie", None],
            "thema": ["Bestraffen"] * 3,
            "waarde": [22.0, 15.0, 130.0],
            "eenheid": ["fte"] * 3,
            "omschrijving": ["x", "waarvan politie", "x"],
        }
    )
    values = oi.compute(oi.validate_tables({"kerncijfers": kern})).values
    path = values.query("metric == 'aangevuld_traject'").set_index("year")["value"]
    assert path[2023] == 22.0  # the supplied whole, not 22 + 15
    growth = values.query("metric == 'groeifactor'")["value"]
    assert growth.tolist() == [pytest.approx(130 / 22)]


def test_a_caveat_reaches_only_values_that_read_its_rows(tmp_path: Path) -> None:
    seized = pd.DataFrame(
        {
            "jaar": [2021, 2022],
            "soort": ["totaal", "totaal"],
            "bedrag_eur": [200e6, 246e6],
            "kwalificatie": [None, "ruim"],
        }
    )
    targets = pd.DataFrame({"jaar": [2021, 2022], "partij": "totaal", "bedrag_eur": [250e6, 270e6]})
    oi.write_tables({"beslag": seized, "beslag_doelstellingen": targets}, tmp_path)
    (tmp_path / "catalogue.toml").write_text(
        '[tables.beslag]\ncaveats = [{ where = { kwalificatie = "ruim" }, text = "RUIM" }]\n',
        encoding="utf-8",
    )
    values = oi.compute(oi.load_tables(tmp_path)).values
    realisation = values.query("metric == 'beslag_realisatie'").set_index("year")["caveats"]
    assert "RUIM" in realisation[2022]
    assert "RUIM" not in realisation[2021]


def test_tables_without_an_edition_carry_no_records(tmp_path: Path) -> None:
    file = tmp_path / "beslag_doelstellingen.csv"
    oi.load_sample("beslag_doelstellingen").to_csv(file, index=False)
    tables = oi.load_tables(file)
    assert tables.edition is None
    assert oi.audit(tables).empty  # no record of any edition is checked against it
    with pytest.raises(errors.InvalidInputError, match="carry no figure records"):
        oi.reproduce(tables)
    out = CliRunner().invoke(cli.app, ["audit", "--data", str(file), "-f", "csv"])
    assert out.exit_code == 0
    assert out.output.strip() == ",".join(oi.audit(tables).columns)


def test_nothing_to_compute_is_an_empty_result_not_a_crash() -> None:
    result = oi.compute({})
    assert result.values.empty
    assert list(result.values.columns)[:3] == ["metric", "label_nl", "label_en"]
    assert len(result.skipped) == len(oi.list_metrics())


def test_the_audit_reports_a_record_that_names_an_unknown_table(tmp_path: Path) -> None:
    body = (
        '[[figure]]\nid = "t.z"\nsection = "B"\nquote = "1"\nphrase = "1"\n'
        'sum = "beslagen:bedrag_eur[jaar=2022]"\n'
    )
    result = oi.audit(oi.load_samples(), records=_records_file(tmp_path, body))
    row = result.set_index("id").loc["record.t.z"]
    assert row["status"] == "finding"
    assert "no table 'beslagen'" in row["finding"]


def test_a_folder_without_a_catalogue_keeps_the_edition_its_records_name(tmp_path: Path) -> None:
    oi.write_tables({"uitspraken": oi.load_sample("uitspraken")}, tmp_path)
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "c.toml").write_text(
        'edition = "2025"\n[[figure]]\nid = "c.x"\nsection = "B"\nquote = "1.238"\n'
        'phrase = "1.238"\nsum = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]"\n',
        encoding="utf-8",
    )
    out = oi.reproduce(oi.load_tables(tmp_path))
    assert out["status"].tolist() == ["exact"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ('sum = "uitspraken:aantal[jaar]"', "figures.toml"),
        ('metric = "aandeel_vrijheidsstraffen"\nwhere = { jaar = [2021, 2022] }', "one value"),
    ],
)
def test_a_record_problem_names_its_file(tmp_path: Path, body: str, words: str) -> None:
    text = '[ [figure] ]\nid = "t.w"\nsection = "B"\nquote = "81%"\nphrase = "81%"\n' + body
    (rec,) = _records_file(tmp_path, text.replace("[ [figure] ]", "[[ figure ]]"))
    assert rec.problem is not None
    assert words in rec.problem
    assert "(line 1)" in rec.problem


def test_notes_with_brackets_and_paths_are_printed_as_they_are(tmp_path: Path) -> None:
    path = tmp_path / "rec.toml"
    path.write_text(
        '[[figure]]\nid = "t.n"\nsection = "B"\nquote = "bijna 1000"\nphrase = "bijna 1000"\n'
        'sum = "vrijheidsstraffen:aantal[jaar=2022]"\nnote = "zie [/noot] en [bold]x"\n',
        encoding="utf-8",
    )
    out = CliRunner().invoke(cli.app, ["reproduce", "--figures", str(path)], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    assert "[/noot]" in out.output
    (rec,) = oi.published.load_records([path])
    assert oi.reproduce(records=[rec])["how"].iloc[0] == ("sum vrijheidsstraffen:aantal[jaar=2022]")


@pytest.mark.parametrize("value", ["2023.0", "true", "[2022.5]"])
def test_a_catalogue_where_that_could_never_match_is_refused(tmp_path: Path, value: str) -> None:
    oi.write_tables({"beslag": oi.load_sample("beslag")}, tmp_path)
    (tmp_path / "catalogue.toml").write_text(
        f'[tables.beslag]\ncaveats = [{{ where = {{ jaar = {value} }}, text = "x" }}]\n',
        encoding="utf-8",
    )
    with pytest.raises(errors.CatalogueError, match="must be a value \\(text or a whole number\\)"):
        oi.load_tables(tmp_path)


def test_table_files_beside_a_tables_folder_are_refused_not_left_out(tmp_path: Path) -> None:
    oi.write_tables({"beslag": oi.load_sample("beslag")}, tmp_path / "tables")
    oi.write_tables({"uitspraken": oi.load_sample("uitspraken")}, tmp_path)
    with pytest.raises(errors.InvalidInputError, match=r"holds table files \(uitspraken.csv\)"):
        oi.load_tables(tmp_path)


def test_an_unreadable_table_file_is_not_also_called_missing(tmp_path: Path) -> None:
    (tmp_path / "uitspraken.csv").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "uitspraken_totaal.csv").write_text("jaar,aantal\n2022,1543\n")
    with pytest.raises(errors.DataValidationError, match="is not UTF-8 text") as info:
        oi.load_tables(tmp_path)
    message = str(info.value)
    assert message.startswith("1 problem in the tables:")
    assert "uitspraken.csv is not UTF-8 text" in message
    assert "missing" not in message
    (tmp_path / "uitspraken.csv").unlink()  # without the file, it is missing
    with pytest.raises(errors.DataValidationError, match="required table 'uitspraken' is missing"):
        oi.load_tables(tmp_path)


def test_an_infinite_count_is_called_infinite_not_too_large(tmp_path: Path) -> None:
    pd.DataFrame({"jaar": [2022, 2021], "aantal": [float("inf"), 2.0**60]}).to_parquet(
        tmp_path / "uitspraken_totaal.parquet"
    )
    with pytest.raises(errors.DataValidationError, match="is infinite, not a count") as info:
        oi.load_tables(tmp_path)
    message = " ".join(str(info.value).split())
    assert "row 1, column aantal: is infinite, not a count" in message
    assert "row 2, column aantal: is too large to count exactly: above 2^53" in message


def test_a_table_with_a_header_only_is_one_problem_not_five(tmp_path: Path) -> None:
    from ondermijning_indicators._resources import edition_dir

    shutil.copytree(edition_dir("2023") / "tables", tmp_path, dirs_exist_ok=True)
    (tmp_path / "uitspraken.csv").write_text("jaar,uitkomst,aantal\n")
    with pytest.raises(errors.DataValidationError, match="has a header but no rows") as info:
        oi.load_tables(tmp_path)
    message = " ".join(str(info.value).split())
    assert message == (
        "1 problem in the tables: - uitspraken (uitspraken.csv, machine notation): has a "
        "header but no rows; give its rows, or leave the table out"
    )
