"""Editions as data: the bundled edition, a folder of later years, catalogues and scopes."""

from __future__ import annotations

import ast
import hashlib
import io
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import ondermijning_indicators as oi
from ondermijning_indicators import cli, errors
from ondermijning_indicators._editions import CATALOGUE_FORMAT, Catalogue
from ondermijning_indicators._registry import iter_metrics

from .conftest import ROOT

EXAMPLE = ROOT / "docs" / "examples" / "volgende-editie"
runner = CliRunner()


@pytest.fixture(scope="module")
def example() -> oi.Tables:
    return oi.load_tables(EXAMPLE)


@pytest.fixture(scope="module")
def computed(example: oi.Tables) -> oi.ComputeResult:
    return oi.compute(example)


def _supplied(folder: Path, table: str) -> pd.DataFrame:
    """A table of the example folder as its file says (Dutch notation), independent of the
    library's reader: the values to compare the library's output with."""
    raw = pd.read_csv(folder / "tables" / f"{table}.csv", sep=";", dtype=str)
    for column in ("bedrag_eur", "kg", "aantal"):
        if column in raw:
            raw[column] = raw[column].str.replace(".", "").str.replace(",", ".").astype(float)
    raw["jaar"] = raw["jaar"].astype(int)
    return raw


# --- the bundled editions ------------------------------------------------------------------------


def test_the_bundled_editions_are_listed_and_the_latest_is_every_default() -> None:
    listing = oi.list_editions()
    assert listing.index.tolist() == ["2023"]
    assert oi.latest_edition() == "2023"
    edition = oi.load_edition()
    assert (edition.id, edition.bundled, edition.published) == ("2023", True, "2023-06")
    assert oi.load_samples().edition is not None
    assert oi.load_samples().edition.id == edition.id  # type: ignore[union-attr]
    assert len(oi.reproduce()) == len(edition.records()) == 349


def test_the_edition_carries_its_text_and_notes() -> None:
    edition = oi.load_edition("2023")
    text, notes = edition.text(), edition.notes()
    assert text is not None
    assert "Voortgangsrapportage" in text or "ondermijnende criminaliteit" in text
    assert notes is not None
    assert notes.startswith("# Reading notes on the 2023 report")


def test_every_record_file_says_its_edition() -> None:
    records = oi.load_edition("2023").records()
    assert {r.edition for r in records} == {"2023"}
    assert not [r for r in records if r.problem]


@pytest.mark.parametrize("name", ["1999", "no/such/folder"])
def test_an_unknown_edition_lists_the_bundled_ones(name: str) -> None:
    with pytest.raises(errors.UnknownEditionError, match="the bundled editions are 2023"):
        oi.load_edition(name)


def test_tables_keep_their_edition_and_a_plain_mapping_has_no_catalogue() -> None:
    tables = oi.load_samples()
    assert tables.copy().edition is tables.edition
    assert "beslag" in tables.catalogue.tables
    assert oi.Tables({"beslag": tables["beslag"]}).catalogue == Catalogue()


# --- a folder of later years: the flow ------------------------------------------------


def test_the_folder_of_later_years_validates_from_the_command_line() -> None:
    out = runner.invoke(cli.app, ["validate", "--data", str(EXAMPLE)])
    assert out.exit_code == 0, out.output
    assert "OK: 9 tables" in out.output
    assert "jaar 2015-2027" in out.output


def test_every_supplied_target_comes_back_unchanged(computed: oi.ComputeResult) -> None:
    supplied = _supplied(EXAMPLE, "beslag_doelstellingen")
    path = computed.values.query(
        "metric == 'aangevuld_traject' and series.str.startswith('beslag')"
    )
    columns = ["partij", "year", "value", "filled_in"]
    got = {(p, int(y)): (v, f) for p, y, v, f in path[columns].itertuples(index=False)}
    for partij, jaar, bedrag in supplied[["partij", "jaar", "bedrag_eur"]].itertuples(index=False):
        assert got[(partij, jaar)] == (bedrag, False)  # exactly the supplied value, not filled
    assert not path["filled_in"].any()  # every year of the example has a supplied target


def test_the_seizure_realisation_of_every_year_with_amount_and_target(
    computed: oi.ComputeResult,
) -> None:
    beslag = _supplied(EXAMPLE, "beslag").query("soort == 'totaal'").set_index("jaar")
    doel = (
        _supplied(EXAMPLE, "beslag_doelstellingen")
        .query("partij == 'totaal'")
        .set_index("jaar")["bedrag_eur"]
    )
    both = sorted(set(beslag.index) & set(doel.index))
    got = computed.values.query("metric == 'beslag_realisatie'").set_index("year")["value"]
    assert got.index.tolist() == both == [2021, 2022, 2023, 2024]
    for year in both:
        assert got[year] == pytest.approx(beslag.loc[year, "bedrag_eur"] / doel[year])
    skipped = computed.skipped.query("metric == 'beslag_realisatie'")["reason"].tolist()
    assert skipped == ["jaar 2018, 2019, 2020 not computed: not every table it needs has the year"]


def test_a_caveat_reaches_only_the_values_of_its_rows(computed: oi.ComputeResult) -> None:
    catalogue = oi.load_edition(EXAMPLE).catalogue
    scoped = [
        (name, caveat)
        for name, meta in catalogue.tables.items()
        for caveat in meta.caveats
        if dict(caveat.where).get("jaar")
    ]
    assert len(scoped) == 2
    for name, caveat in scoped:
        (year,) = dict(caveat.where)["jaar"]
        carrying = computed.values[
            computed.values["caveats"].str.contains(caveat.text, regex=False)
        ]
        assert len(carrying) > 0
        for inputs in carrying["inputs"]:
            read = re.findall(rf"{name}:\w+\[jaar=([\d|]+)", inputs)
            assert any(year in years.split("|") for years in read), inputs


def test_no_value_of_a_folder_carries_a_caveat_of_the_bundled_edition(
    computed: oi.ComputeResult,
) -> None:
    bundled = {c.text for m in oi.load_edition("2023").catalogue.tables.values() for c in m.caveats}
    for caveats in computed.values["caveats"]:
        assert not any(text in caveats for text in bundled), caveats


def test_the_audit_of_the_folder_runs_what_its_data_supports() -> None:
    out = runner.invoke(cli.app, ["audit", "--data", str(EXAMPLE), "--all", "-f", "csv"])
    assert out.exit_code == 0, out.output
    result = pd.read_csv(io.StringIO(out.stdout), dtype=str, keep_default_na=False)
    assert set(result["kind"]) == {"total"}  # no misprint, no agreement, no figure missed
    findings = result[result["status"] == "finding"]
    assert findings[["id", "printed", "expected", "difference"]].to_numpy().tolist() == [
        ["total.uitspraken_totaal.2024", "1640", "1630", "10"]
    ]
    national = result[result["id"].str.startswith("total.drugsvangsten_nationaal")]
    assert len(national) == 12
    assert (national["status"] == "ok").all()
    assert not result["id"].str.contains("financieel|misprint").any()


def test_a_misprinted_total_is_loaded_and_only_strict_validation_refuses_it() -> None:
    strict = runner.invoke(cli.app, ["validate", "--data", str(EXAMPLE), "--strict"])
    assert strict.exit_code == 2
    assert "jaar=2024, column aantal: the printed total 1640 must equal the sum of uitspraken" in (
        strict.output
    )
    assert runner.invoke(cli.app, ["validate", "--data", str(EXAMPLE)]).exit_code == 0


def test_the_drafts_numbers_are_checked_against_the_folder() -> None:
    out = runner.invoke(cli.app, ["reproduce", "--data", str(EXAMPLE), "-f", "csv"])
    assert out.exit_code == 0, out.output
    rows = pd.read_csv(io.StringIO(out.stdout)).set_index("id")
    assert len(rows) == 8
    assert not rows["status"].isin(["discrepancy", "invalid"]).any()
    assert rows.loc["concept.beslag.totaal_2022", "status"] == "consistent_with_qualifier"


def test_a_folder_without_records_asks_for_them(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE / "tables", tmp_path / "tables")
    out = runner.invoke(cli.app, ["reproduce", "--data", str(tmp_path)])
    assert out.exit_code == 2
    assert "has no figure records (figures/*.toml); pass records= (--figures" in out.output
    with pytest.raises(errors.InvalidInputError, match="has no figure records"):
        oi.reproduce(oi.load_tables(tmp_path))  # the library says so, not only the CLI


def test_new_ports_drugs_and_seizure_types_are_accepted(computed: oi.ComputeResult) -> None:
    ports = computed.values.query("metric == 'aandeel_drugsvangst' and year == 2024")
    shares = ports.set_index(["haven", "drug"])["value"]
    assert shares[("eemshaven", "cocaine")] == pytest.approx(1050 / (44600 + 5100.5 + 1400 + 1050))
    assert shares[("rotterdam", "heroine")] == 1.0
    change = computed.values.query("metric == 'verandering' and soort == 'vastgoed'")
    assert change.set_index("year")["value"].to_dict() == {2024: 38_500_000 - 41_000_000}


# --- open and closed categories ------------------------------------------------------------------


@pytest.mark.parametrize("word", ["totaal", "nederland"])
def test_a_national_total_is_not_a_port(word: str) -> None:
    table = pd.DataFrame({"jaar": [2024], "haven": [word], "drug": ["cocaine"], "kg": [10.0]})
    with pytest.raises(
        errors.DataValidationError, match=f"'{word}' is a national total, not a port"
    ):
        oi.validate_tables({"drugsvangsten": table})


@pytest.mark.parametrize(
    ("table", "frame", "message"),
    [
        ("uitspraken", {"jaar": [2024] * 3, "uitkomst": ["schuldig", "vrijspraak", "geseponeerd"],
                        "aantal": [1, 1, 1]}, "'geseponeerd' must be one of schuldig"),
        ("vrijheidsstraffen", {"jaar": [2024] * 4, "duurklasse": ["minder_dan_1_jaar",
         "1_tot_2_jaar", "2_tot_5_jaar", "levenslang"], "aantal": [1, 1, 1, 1]},
         "'levenslang' must be one of "),
        ("beslag_doelstellingen", {"jaar": [2024], "partij": ["Politie"], "bedrag_eur": [1.0]},
         "must be a code: lower case, digits, _"),
    ],
)  # fmt: skip
def test_closed_categories_stay_closed_and_codes_keep_their_form(
    table: str, frame: dict[str, list[Any]], message: str
) -> None:
    with pytest.raises(errors.DataValidationError, match=message):
        oi.validate_tables({table: pd.DataFrame(frame)})


def test_a_national_total_below_its_ports_is_an_audit_finding() -> None:
    ports = pd.DataFrame(
        {"jaar": [2024, 2024], "haven": ["rotterdam", "eemshaven"], "drug": "cocaine",
         "kg": [100.0, 20.0]}
    )  # fmt: skip
    national = pd.DataFrame({"jaar": [2024], "drug": ["cocaine"], "kg": [110.0]})
    tables = oi.validate_tables({"drugsvangsten": ports, "drugsvangsten_nationaal": national})
    row = (
        oi.audit(tables, records=[])
        .set_index("id")
        .loc["total.drugsvangsten_nationaal.2024.cocaine"]
    )
    assert (row["status"], row["printed"], row["expected"], row["difference"]) == (
        "finding",
        "110",
        "120",
        "-10",
    )
    assert "a whole cannot be smaller than some of its parts" in row["finding"]


# --- the catalogue format ------------------------------------------------------------------------


def _catalogue(tmp_path: Path, text: str) -> Path:
    shutil.copytree(EXAMPLE / "tables", tmp_path / "tables")
    (tmp_path / "catalogue.toml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[edition\n", "not valid TOML"),
        ("[rapport]\ntitle = 'x'\n", r"unknown top-level keys \['rapport'\]"),
        ("[edition]\njaar = '2024'\n", r"\[edition\] may hold id, notes, published"),
        ("[edition]\nid = 2024\n", r"\[edition\] id must be non-empty text"),
        ("[tables.vonnissen]\n", "unknown table 'vonnissen'"),
        ("[tables.beslag]\nopmerking = 'x'\n", r"unknown keys \['opmerking'\]"),
        ("[tables.beslag]\ncaveats = [{ text = 'x', where = { haven = 'a' } }]\n",
         "where names the column 'haven', which beslag does not have"),
        ("[tables.beslag]\ncaveats = [{ tekst = 'x' }]\n", "a caveat is text, or"),
        ("[tables.beslag]\ncaveats = 'x'\n", "caveats must be a list"),
        ("[[tables.beslag.corrections]]\ncell = 'x'\n", "missing corrected, printed, reason"),
        ("[tables.beslag]\ntitle_nl = 3\n", r"title_nl must be text, got 3"),
    ],
)  # fmt: skip
def test_a_malformed_catalogue_names_the_file_and_the_key(
    tmp_path: Path, text: str, message: str
) -> None:
    folder = _catalogue(tmp_path, text)
    with pytest.raises(errors.CatalogueError, match=message) as info:
        oi.load_tables(folder)
    assert str(folder / "catalogue.toml") in str(info.value)
    out = runner.invoke(cli.app, ["validate", "--data", str(folder)])
    assert out.exit_code == 2
    assert "Traceback" not in out.output


def test_every_documented_catalogue_key_is_read(tmp_path: Path) -> None:
    keys = CATALOGUE_FORMAT
    text = (
        "[edition]\n"
        + "".join(f'{k} = "x"\n' for k in keys["[edition]"] if k != "id")
        + 'id = "e"\n\n[tables.beslag]\n'
        + "".join(f'{k} = "x"\n' for k in keys["[tables.NAME]"]
                  if k not in {"printed_labels", "corrections", "caveats"})
        + 'printed_labels = { totaal = "Totaal" }\n'
        + "caveats = [{ "
        + ", ".join(f'{k} = "x"' if k != "where" else "where = { jaar = 2024 }"
                    for k in keys["caveats = [{ ... }]"])
        + " }]\n\n[[tables.beslag.corrections]]\n"
        + "".join(f'{k} = "x"\n' if k != "where" else "where = { jaar = [2023, 2024] }\n"
                  for k in keys["[[tables.NAME.corrections]]"])
    )  # fmt: skip
    tables = oi.load_tables(_catalogue(tmp_path, text))
    assert tables.edition is not None
    meta = tables.catalogue.tables["beslag"]
    assert (tables.edition.id, meta.caveats[0].where) == ("e", (("jaar", ("2024",)),))
    assert meta.corrections[0].where == (("jaar", ("2023", "2024")),)


# --- generated editions: supplied values always win, no bundled words ------------------------

codes = st.from_regex(r"[a-z][a-z0-9_]{0,7}", fullmatch=True)


@st.composite
def edition_folders(draw: st.DrawFn) -> dict[str, pd.DataFrame]:
    first = draw(st.integers(1995, 2035))
    years = list(range(first, first + draw(st.integers(1, 6))))
    parties = draw(st.lists(codes, min_size=1, max_size=3, unique=True))
    targets = []
    for partij in parties:
        chosen = draw(st.lists(st.sampled_from(years), min_size=1, unique=True))
        for jaar in chosen:
            amount = draw(st.integers(1, 10**10))
            targets.append({"jaar": jaar, "partij": partij, "bedrag_eur": float(amount)})
    ports = draw(st.lists(codes.filter(lambda c: c not in {"totaal", "nederland"}), min_size=1,
                          max_size=3, unique=True))  # fmt: skip
    drugs = draw(st.lists(codes, min_size=1, max_size=2, unique=True))
    vangsten = [
        {"jaar": j, "haven": h, "drug": d, "kg": float(draw(st.integers(0, 10**6)))}
        for j in years
        for h in ports
        for d in drugs
    ]
    seized = [{"jaar": j, "soort": "totaal", "bedrag_eur": float(draw(st.integers(0, 10**10)))}
              for j in years]  # fmt: skip
    return {
        "beslag_doelstellingen": pd.DataFrame(targets),
        "drugsvangsten": pd.DataFrame(vangsten),
        "beslag": pd.DataFrame(seized),
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables=edition_folders(), notation=st.sampled_from(["nl", "machine"]))
def test_a_generated_edition_folder_keeps_every_supplied_value(
    tables: dict[str, pd.DataFrame], notation: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        oi.write_tables(tables, folder / "tables", notation=notation)  # type: ignore[arg-type]
        (folder / "catalogue.toml").write_text('[edition]\nid = "gegenereerd"\n', encoding="utf-8")
        loaded = oi.load_tables(folder)
        result = oi.compute(loaded)
    values = result.values
    path = values[values["metric"] == "aangevuld_traject"]
    got = {
        (p, int(y)): (v, f)
        for p, y, v, f in path[["partij", "year", "value", "filled_in"]].itertuples(index=False)
    }
    targets = tables["beslag_doelstellingen"][["partij", "jaar", "bedrag_eur"]]
    for partij, jaar, bedrag in targets.itertuples(index=False):
        assert got[(partij, jaar)] == (bedrag, False)  # the supplied value, as given
    filled = {key for key, (_, f) in got.items() if f}
    assert not filled & {(p, j) for p, j, _ in targets.itertuples(index=False)}
    # no caveat but the metrics' own: the folder's catalogue has none, the bundled one is apart
    own = {c for meta in iter_metrics() for c in meta.caveats}
    for caveats in values["caveats"]:
        assert set(filter(None, caveats.split(" | "))) <= own, caveats


# --- no year and no edition in the code --------------------------------------------------------


_YEAR_ID = re.compile(r"^[a-z0-9_]*[a-z]_(19|20)\d\d[a-z0-9_]*$|[=\[][a-z0-9_]*_(19|20)\d\d\b")
"""An id with a year in it ("acm_fte_2023"), alone or in a selection ("[id=acm_fte_2023]")."""


def test_the_code_names_no_year_and_no_edition() -> None:
    """No identifier with a year in it and no year as a number in the package's code.

    Docstrings and the texts of labels, definitions and captions may quote the report; an
    id such as "acm_fte_2023" or a literal 2023 in code is an edition fact in the wrong place.
    """
    package = ROOT / "src" / "ondermijning_indicators"
    found = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or id(node) in docstrings:
                continue
            value = node.value
            if isinstance(value, int) and not isinstance(value, bool) and 1991 <= value <= 2099:
                found.append(f"{path.name}:{node.lineno}: {value}")
            if isinstance(value, str) and re.search(_YEAR_ID, value):
                found.append(f"{path.name}:{node.lineno}: {value!r}")
    assert not found, found


def test_record_level_tables_are_those_the_aggregation_gives() -> None:
    from ondermijning_indicators import records

    verdicts = records.aggregate_verdicts(records.generate_verdicts(seed=1))
    assert tuple(verdicts) == records.RECORD_TABLES["verdicts"]
    seizures = records.aggregate_seizures(records.generate_seizures(seed=1))
    assert isinstance(seizures, pd.DataFrame)
    assert records.RECORD_TABLES["seizures"] == ("beslag",)


# --- the bundled tables are trusted by content: validated here, read fast at run time ---


@pytest.mark.parametrize("edition_id", oi.list_editions().index.tolist())
def test_every_bundled_table_is_recorded_as_validated_with_its_current_content(
    edition_id: str,
) -> None:
    from ondermijning_indicators._editions import validated_hashes
    from ondermijning_indicators._resources import edition_dir

    root = edition_dir(edition_id)
    files = sorted((root / "tables").iterdir())
    current = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    assert validated_hashes(root) == current, (
        "a bundled table changed since it was validated: run "
        "`.venv/bin/python scripts/refresh-validated.py`"
    )


@pytest.mark.parametrize("edition_id", oi.list_editions().index.tolist())
def test_the_fast_read_of_a_bundled_edition_equals_its_validation(edition_id: str) -> None:
    from ondermijning_indicators._editions import trusted_tables
    from ondermijning_indicators._folders import read_tables
    from ondermijning_indicators._resources import edition_dir

    root = edition_dir(edition_id)
    fast = trusted_tables(root)
    validated = read_tables(root / "tables", notation="machine")
    assert fast is not None
    assert list(fast) == list(validated)
    for name, frame in validated.items():
        pd.testing.assert_frame_equal(fast[name], frame, check_exact=True, obj=name)


@pytest.mark.parametrize(
    "damage",
    ["one byte of a table", "a table file added", "a listed table removed", "no list"],
)
def test_a_bundled_table_that_is_not_the_validated_content_is_validated_again(
    tmp_path: Path, damage: str
) -> None:
    from ondermijning_indicators._editions import VALIDATED, trusted_tables
    from ondermijning_indicators._resources import edition_dir

    root = tmp_path / "2023"
    shutil.copytree(edition_dir("2023"), root)
    tables = root / "tables"
    assert trusted_tables(root) is not None
    if damage == "one byte of a table":
        path = tables / "uitspraken.csv"
        path.write_bytes(path.read_bytes().replace(b"1238", b"1239"))
    elif damage == "a table file added":
        shutil.copy(tables / "uitspraken.csv", tables / "uitspraken_kopie.csv")
    elif damage == "a listed table removed":
        (tables / "beslag.csv").unlink()
    else:
        (root / VALIDATED).unlink()
    assert trusted_tables(root) is None


def test_an_empty_file_of_records_is_refused_not_called_reproduced(tmp_path: Path) -> None:
    empty = tmp_path / "draft.toml"
    empty.write_text("", encoding="utf-8")
    out = runner.invoke(cli.app, ["reproduce", "--figures", str(empty)])
    assert out.exit_code == 2
    assert "no figure records were given (an empty file of records?)" in out.output
    with pytest.raises(errors.InvalidInputError, match="nothing to check"):
        oi.reproduce(records=[])
