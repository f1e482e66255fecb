"""Published-figure records and their reproduction."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import ondermijning_indicators as oi
from ondermijning_indicators._selection import rows_of
from ondermijning_indicators.errors import FigureRecordError
from ondermijning_indicators.published import Status, load_records, summarize

from .conftest import EDITION, REPORT

_TOKEN = re.compile(
    r"(?<![\w.,/-])(?:\d[\d.,]*\d|\d)(?![\w/-])"
    r"|\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien"
    r"|vijftien|zestien|zeventien|achttien|negentien|twintig|dertig|veertig|vijftig"
    r"|honderd|duizend)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(19|20)\d\d")
RECORD_FILES = sorted((EDITION / "figures").glob("*.toml"))


def _section_text(start: str, end: str | None) -> str:
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    first = next(i for i, ln in enumerate(lines) if ln.strip() == start) + 1 if start else 0
    last = (
        next(i for i, ln in enumerate(lines) if i >= first and ln.strip() == end)
        if end
        else len(lines)
    )
    return "\n".join(lines[first:last])


def numbers_in(text: str) -> Counter[str]:
    """Every number the text prints (digits or a Dutch number word), years left out."""
    tokens = [t.lower().rstrip(".,") for t in _TOKEN.findall(text)]
    return Counter(t for t in tokens if not _YEAR.fullmatch(t))


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda p: p.name)
def test_every_number_of_a_section_has_exactly_one_record(path: Path) -> None:
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    text = _section_text(doc["report_section"]["start"], doc["report_section"].get("end"))
    for entry in doc.get("not_a_figure", []):
        assert entry.get("reason"), entry
        text = (
            text.replace(entry["text"], " ")
            if "text" in entry
            else re.sub(entry["pattern"], " ", text)
        )
    printed = numbers_in(text)
    recorded = Counter(t for rec in load_records([path]) for t in numbers_in(rec.phrase).elements())
    missing, extra = printed - recorded, recorded - printed
    assert not missing, f"printed but not recorded: {dict(missing)}"
    assert not extra, f"recorded but not printed (or excluded): {dict(extra)}"


def test_the_bestraffen_section_has_66_numbers_and_one_claim() -> None:
    records = load_records([EDITION / "figures" / "bestraffen.toml"])
    assert len(records) == 67
    assert sum(sum(numbers_in(r.phrase).values()) for r in records) == 66


@pytest.fixture(scope="module")
def result() -> pd.DataFrame:
    return oi.reproduce().set_index("id")


def test_every_quote_is_printed_in_the_report(report_text: str) -> None:
    for rec in load_records():
        assert " ".join(rec.quote.split()) in report_text, rec.id


def test_every_figure_of_the_2023_edition_is_reproduced_or_explained(
    result: pd.DataFrame,
) -> None:
    assert result["explained"].all(), result[~result["explained"]]


@pytest.mark.parametrize(
    ("record_id", "status"),
    [
        ("bestraffen.vrijheidsstraffen.aandeel_2022", Status.WITHIN_ROUNDING),
        ("bestraffen.vrijheidsstraffen.aandeel_meer_dan_5_jaar_2022", Status.CONSISTENT),
        ("bestraffen.vrijheidsstraffen.aandeel_meer_dan_5_jaar_2021", Status.CONSISTENT),
        ("bestraffen.vrijheidsstraffen.aantal_2022_tekst", Status.EXACT),
        ("bestraffen.uitspraken.totaal_2022_tekst", Status.EXACT),
        ("bestraffen.tabel_uitspraken.totaal_2019", Status.TRANSCRIBED),
        ("bestraffen.csv.doelstelling_2022", Status.NOT_DERIVABLE),
        ("bestraffen.vrijheidsstraffen.drugs_tot_1_jaar_2022", Status.NOT_DERIVABLE),
    ],
)
def test_status_of_key_figures(result: pd.DataFrame, record_id: str, status: Status) -> None:
    assert result.loc[record_id, "status"] == status


def test_the_swapped_duration_percentages_are_reported_with_both_readings(
    result: pd.DataFrame,
) -> None:
    note = str(result.loc["bestraffen.vrijheidsstraffen.drugs_tot_1_jaar_2022", "note"])
    assert "Reading '< 1 jaar as a share of all 999" in note
    assert "0,364364, discrepancy" in note  # 'bijna 29%' is not the < 1 jaar share
    assert "0,288288, consistent_with_qualifier" in note  # but it is the 2-5 jaar share
    note35 = str(result.loc["bestraffen.vrijheidsstraffen.drugs_2_tot_5_jaar_2022", "note"])
    assert "0,288288, discrepancy" in note35
    assert "0,364364, consistent_with_qualifier" in note35


def test_printed_values_come_from_the_phrase(result: pd.DataFrame) -> None:
    assert result.loc["bestraffen.vrijheidsstraffen.aandeel_2022", "printed_value"] == 0.81
    assert result.loc["bestraffen.fit.contanten_2022", "printed_value"] == 12.5e6


def test_summary_counts_every_record(result: pd.DataFrame) -> None:
    summary = summarize(result.reset_index())
    assert summary["records"] == len(result) == len(load_records())
    assert summary["unexplained"] == 0
    statuses = [str(s) for s in Status]
    assert summary[statuses].sum() == summary["records"]
    # one row per count, in a fixed order; named, so that to_frame() has a column 'count'
    assert summary.name == "count"
    assert summary.index.tolist() == ["records", *statuses, "unexplained"]


def test_changed_data_turns_into_discrepancies() -> None:
    tables = oi.load_samples()
    u = tables["uitspraken"]
    u.loc[(u["jaar"] == 2022) & (u["uitkomst"] == "schuldig"), "aantal"] = 1300
    changed = oi.reproduce(tables).set_index("id")
    assert changed.loc["bestraffen.vrijheidsstraffen.aandeel_2022", "status"] == "discrepancy"
    assert changed.loc["bestraffen.tabel_uitspraken.schuldig_2022", "status"] == "discrepancy"
    note = str(changed.loc["bestraffen.tabel_uitspraken.schuldig_2022", "note"])
    assert "The cell holds 1.300 " in note
    assert not changed["explained"].all()


# --- the record format -------------------------------------------------------------------------


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "figures.toml"
    path.write_text(body, encoding="utf-8")
    return path


_BASE = """
[[figure]]
id = "test.aandeel"
section = "Bestraffen"
quote = "in 81% een vrijheidsstraf"
phrase = "81%"
"""


def test_a_custom_record_file_is_checked(tmp_path: Path) -> None:
    body = _BASE + (
        'metric = "aandeel_vrijheidsstraffen"\n'
        'inputs = { vrijheidsstraffen = "vrijheidsstraffen:aantal[jaar=2022]", '
        'schuldig = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]" }\n'
    )
    records = load_records([_write(tmp_path, body)])
    out = oi.reproduce(records=records)
    assert out["status"].tolist() == ["within_rounding"]


def test_a_known_discrepancy_is_explained_until_it_is_fixed(tmp_path: Path) -> None:
    body = _BASE.replace("81%", "82%") + (
        'sum = "uitspraken:aantal[jaar=2022]"\nknown_discrepancy = "a test"\n'
    ).replace(
        'sum = "uitspraken:aantal[jaar=2022]"',
        'metric = "aandeel_vrijheidsstraffen"\n'
        'inputs = { vrijheidsstraffen = "vrijheidsstraffen:aantal[jaar=2022]", '
        'schuldig = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]" }',
    )
    body = body.replace("in 81% een", "in 82% een")
    out = oi.reproduce(records=load_records([_write(tmp_path, body)]))
    assert out["status"].tolist() == ["discrepancy"]
    assert out["explained"].tolist() == [True]
    fixed = body.replace("82%", "81%")
    out = oi.reproduce(records=load_records([_write(tmp_path, fixed)]))
    assert out["explained"].tolist() == [False]
    assert "reproduces now" in out["note"].iloc[0]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('sum = "vonnissen:aantal[jaar=2022]"', "no table 'vonnissen'"),
        ('sum = "uitspraken:bedrag[jaar=2022]"', "has no column 'bedrag'"),
        ('sum = "uitspraken:aantal[jaar=1999]"', "matches no row"),
        ('cell = "uitspraken:aantal[jaar=2022]"', "matches 3 rows"),
        ('sum = "uitspraken aantal"', "cannot read the selection"),
        ('sum = "uitspraken:aantal[jaar]"', "must be key=value"),
        ('metric = "aandeel_onbekend"\ninputs = { a = "uitspraken:aantal" }', "no metric"),
        ('metric = "aandeel_vrijheidsstraffen"', "needs where"),
        (
            'metric = "aandeel_vrijheidsstraffen"\nwhere = { jaar = 2022, soort = "x" }',
            "where names soort, which no input",
        ),
        ('metric = "aandeel_duurklasse"\nwhere = { jaar = 2022 }', "is per duurklasse"),
        ('metric = "verandering"\nwhere = { jaar = 2022 }', "applied to whole series"),
        ('sum = "vrijheidsstraffen:aantal[duurklasse=*]"', "a record names one number"),
        (
            'metric = "aandeel_vrijheidsstraffen"\ninputs = { x = "uitspraken:aantal" }',
            "takes schuldig, vrijheidsstraffen",
        ),
        ('not_derivable = "x"\nsum = "uitspraken:aantal"', "exactly one of"),
        ("", "exactly one of"),
        ('sum = "uitspraken:aantal"\nremark = "x"', "unknown keys"),
    ],
)
def test_malformed_records_name_the_record(tmp_path: Path, extra: str, message: str) -> None:
    path = _write(tmp_path, _BASE + extra + "\n" + _OTHER)
    out = oi.reproduce(records=load_records([path])).set_index("id")
    row = out.loc["test.aandeel"]
    assert (row["status"], row["explained"]) == ("invalid", False)
    note = str(row["note"])
    assert re.search(message, note), note
    assert "test.aandeel" in note
    # the record beside it is still checked
    assert out.loc["test.ander", "status"] == "exact"


_OTHER = """
[[figure]]
id = "test.ander"
section = "Bestraffen"
quote = "legde de rechter in 999 gevallen"
phrase = "999"
sum = "vrijheidsstraffen:aantal[jaar=2022]"
"""


def test_strict_loading_raises_on_the_first_unreadable_record(tmp_path: Path) -> None:
    path = _write(tmp_path, _BASE + 'sum = "uitspraken:aantal"\nremark = "x"\n')
    with pytest.raises(FigureRecordError, match=r"record 'test.aandeel' has unknown keys"):
        load_records([path], strict=True)


def test_a_file_of_another_edition_is_refused_for_every_record(tmp_path: Path) -> None:
    path = _write(tmp_path, 'edition = "2022"\n' + _BASE + 'sum = "uitspraken:aantal"\n')
    (rec,) = load_records([path], edition="2023")
    assert rec.problem == f"{path}: the file says edition '2022' but belongs to edition '2023'"
    (rec,) = load_records([path])  # read on its own, the file's edition is kept
    assert (rec.problem, rec.edition) == (None, "2022")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (_BASE.replace('phrase = "81%"', 'phrase = "82%"') + "not_derivable = 'x'\n",
         "does not occur in its quote"),
        (_BASE.replace("81%", "81.5%") + "not_derivable = 'x'\n", "did you mean"),
        (_BASE + "not_derivable = 'x'\n" + _BASE + "not_derivable = 'x'\n", "used twice"),
        (_BASE.replace('id = "test.aandeel"', 'id = "Test Aandeel"'), "needs an id"),
        ("[[figure]\n", "not valid TOML"),
        (_BASE.replace('quote = "in 81% een vrijheidsstraf"\n', "") + "not_derivable='x'\n",
         "needs a non-empty 'quote'"),
    ],
)  # fmt: skip
def test_malformed_record_files_fail_with_the_file_named(
    tmp_path: Path, body: str, message: str
) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(FigureRecordError, match=message) as info:
        load_records([path], strict=True)
    assert str(path) in str(info.value)
    out = oi.reproduce(records=load_records([path]))
    assert (out["status"] == "invalid").any()
    assert out.loc[out["status"] == "invalid", "note"].str.contains(str(path)).all()


def test_a_metric_record_must_match_the_unit_of_its_phrase(tmp_path: Path) -> None:
    body = _BASE.replace("81%", "81") + (
        'metric = "aandeel_vrijheidsstraffen"\n'
        'inputs = { vrijheidsstraffen = "vrijheidsstraffen:aantal[jaar=2022]", '
        'schuldig = "uitspraken:aantal[jaar=2022,uitkomst=schuldig]" }\n'
    )
    out = oi.reproduce(records=load_records([_write(tmp_path, body)]))
    assert out["status"].tolist() == ["invalid"]
    assert (
        "metric 'aandeel_vrijheidsstraffen' gives share (0-1), but the phrase '81' is an "
        in (out["note"].iloc[0])
    )


def test_the_record_files_cover_the_whole_report_without_gaps() -> None:
    sections = []
    for path in RECORD_FILES:
        bounds = tomllib.loads(path.read_text(encoding="utf-8"))["report_section"]
        sections.append((bounds["start"], bounds.get("end")))
    starts = {start for start, _ in sections}
    ends = {end for _, end in sections}
    assert "" in starts, "no file starts at the beginning of the report"
    assert None in ends, "no file runs to the end of the report"
    assert len(starts) == len(sections), "two files cover the same section"
    # every section ends where another begins, so together they tile the text
    assert {end for end in ends if end is not None} == starts - {""}


def test_every_row_of_every_sample_table_is_read_by_a_record() -> None:
    """Every number in data/samples traces to a printed figure of the report.

    Cells printed as a dash are the exception: they hold 0 and are checked against
    the printed lines of the financial tables in test_financieel.
    """
    tables = oi.load_samples()
    read: dict[str, set[object]] = {name: set() for name in tables}
    for rec in load_records():
        for reading in (r for r in (rec.reading, *rec.alternatives) if r is not None):
            for sel in reading.inputs.values():
                df = tables[sel.table]
                read[sel.table] |= set(df.index[rows_of(sel, df)])
    for name, df in tables.items():
        unread = df.loc[sorted(set(df.index) - read[name])]
        if "gedrukt_als" in unread:
            unread = unread[unread["gedrukt_als"] != "streepje"]
        assert unread.empty, f"{name}: rows no record reads:\n{unread}"


# --- a figure printed as a bound keeps its bound -------------------------------------------------

_BESLAG = """
[[figure]]
id = "test.beslag"
section = "Verstoren"
quote = "In 2022 is er {phrase} aan beslag gelegd."
phrase = "{phrase}"
{kind} = "beslag:bedrag_eur[jaar=2022,soort=totaal]"
"""


@pytest.mark.parametrize(
    ("kind", "phrase", "status"),
    [
        ("sum", "ruim 246 miljoen euro", "consistent_with_qualifier"),  # was a discrepancy
        ("sum", "bijna 246 miljoen euro", "discrepancy"),
        ("sum", "246 miljoen euro", "consistent_with_qualifier"),  # the bound allows it
        ("cell", "ruim 246 miljoen euro", "transcribed"),
        ("cell", "246 miljoen euro", "discrepancy"),  # the transcription would lose "ruim"
    ],
)
def test_a_phrase_checked_against_a_bound_cell_honours_the_bound(
    tmp_path: Path, kind: str, phrase: str, status: str
) -> None:
    body = _BESLAG.format(phrase=phrase, kind=kind)
    out = oi.reproduce(records=load_records([_write(tmp_path, body)]))
    assert out["status"].tolist() == [status]
    if kind == "cell" and status == "discrepancy":
        assert "the transcription lost or changed the bound" in out["note"].iloc[0]


def test_a_metric_on_a_bound_input_says_so(tmp_path: Path) -> None:
    body = (
        '[[figure]]\nid = "test.realisatie"\nsection = "Verstoren"\n'
        'quote = "91% van de doelstelling"\nphrase = "91%"\n'
        'metric = "beslag_realisatie"\nwhere = { jaar = 2022 }\n'
    )
    out = oi.reproduce(records=load_records([_write(tmp_path, body)]))
    assert out["status"].tolist() == ["within_rounding"]
    assert "Input beslag (ruim) is printed as a bound or an approximation" in out["note"].iloc[0]
