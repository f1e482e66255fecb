"""Checking a draft: every number found, linked, recomputed; the 2023 report as the draft."""

from __future__ import annotations

import itertools
import math
import re
from functools import cache

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ondermijning_indicators as oi
from ondermijning_indicators.drafts import CHECK_COLUMNS, CheckStatus, Draft, find_numbers
from ondermijning_indicators.drafts._extract import NUMBER_WORD
from ondermijning_indicators.errors import InvalidInputError

from .report_positions import placed_records, report_text

FLAGGED = {"discrepancy", "decision_error"}


@cache
def report_check(previous: str | None) -> pd.DataFrame:
    return oi.check(Draft.from_text(report_text(), "report.txt"), previous=previous)


def _row_at(result: pd.DataFrame, offset: int) -> pd.DataFrame:
    return result[(result["start"] <= offset) & (result["end"] > offset)]


# --- the report itself -------------------------------------------------------------------------


def test_the_result_has_the_documented_columns_and_statuses() -> None:
    result = report_check(None)
    assert list(result.columns) == CHECK_COLUMNS
    assert set(result["status"]) <= {str(s) for s in CheckStatus}
    ranks = result["status"].map({str(s): s.rank for s in CheckStatus})
    assert ranks.is_monotonic_increasing, "sorted by severity, the worst first"


def test_every_printed_figure_is_found_with_its_value_without_templates() -> None:
    result = report_check(None)
    placed = placed_records()
    assert len(placed) == 349
    for p in placed:
        hit = _row_at(result, p.offset)
        assert len(hit) == 1, p.record.id
        row = hit.iloc[0]
        assert row["kind"] != "not_a_figure", (p.record.id, row["phrase"], row["note"])
        assert p.record.quantity is not None
        assert math.isclose(row["value"], p.record.quantity.value, rel_tol=1e-12), p.record.id
        assert row["line"] == report_text().count("\n", 0, row["start"]) + 1


def test_with_the_previous_edition_every_figure_is_linked_and_keeps_its_status() -> None:
    result = report_check("2023")
    expected = oi.reproduce().set_index("id")["status"]
    for p in placed_records():
        row = _row_at(result, p.offset).iloc[0]
        assert row["linked_to"] == f"record:{p.record.id}", (p.record.id, row["linked_to"])
        assert row["status"] == expected[p.record.id], p.record.id
    linked = result[result["linked_to"].str.startswith("record:")]
    assert len(linked) == 349


def test_the_default_previous_edition_is_the_latest() -> None:
    pd.testing.assert_frame_equal(report_check("latest"), report_check("2023"))


_DIGITS = re.compile(r"\d+")


def _uncovered(text: str, result: pd.DataFrame) -> list[str]:
    spans = sorted(zip(result["start"], result["end"], strict=True))
    starts = [a for a, _ in spans]
    import bisect

    missing = []
    words = [
        m
        for m in NUMBER_WORD.finditer(text)
        if m.group().lower() != "een" or text[m.end() :].lstrip().lower().startswith("extra")
    ]
    for m in [*_DIGITS.finditer(text), *words]:
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or not (spans[i][0] <= m.start() and m.end() <= spans[i][1]):
            missing.append(f"{m.group()!r} at {m.start()}")
    return missing


def test_every_digit_run_and_number_word_of_the_report_is_in_a_row() -> None:
    for previous in (None, "2023"):
        assert _uncovered(report_text(), report_check(previous)) == []


def test_what_the_edition_lists_as_not_a_figure_is_not_a_figure() -> None:
    result = report_check(None)
    not_figures = result[result["status"] == "not_a_figure"]
    assert set(not_figures["note"]) >= {
        "year",
        "date",
        "footnote mark",
        "web address",
        "Kamerstuk number (parliamentary paper)",
    }
    assert (not_figures["kind"] == "not_a_figure").all()
    assert not_figures["linked_to"].eq("").all()


# --- extraction ---------------------------------------------------------------------------------

EXTRACTION = [
    # text, phrase, kind, value
    ("In 2022 waren er 1.238 vrijheidsstraffen.", "1.238", "number", 1238),
    ("Dat is bijna 18% van het totaal.", "bijna 18%", "percentage", 0.18),
    ("Het ging om 3,5 miljard euro.", "3,5 miljard euro", "amount", 3.5e9),
    ("Er is € 12,5 miljoen beschikbaar.", "€ 12,5 miljoen", "amount", 12.5e6),
    ("Samen 46.789 kilo cocaïne.", "46.789 kilo", "amount", 46789),
    ("Een straf van 27 jaar.", "27 jaar", "amount", 27),
    ("Het aantal steeg met bijna 48%.", "steeg met bijna 48%", "change", 0.48),
    ("Het aantal daalde met 34%.", "daalde met 34%", "change", -0.34),
    ("Dat is 12% hoger.", "12% hoger", "change", 0.12),
    (
        "Het beslag was bijna 130% van de doelstelling.",
        "bijna 130% van de doelstelling",
        "realisation",
        1.3,
    ),
    ("De doelstelling is ruimschoots behaald.", "ruimschoots behaald", "realisation", 1.0),
    (
        "Het beslag lag ruim boven de doelstelling.",
        "ruim boven de doelstelling",
        "realisation",
        1.0,
    ),
    ("Het aantal is ruim verdubbeld.", "ruim verdubbeld", "multiple", 2.0),
    ("Er waren er 1,2 keer zo veel.", "1,2 keer zo veel", "multiple", 1.2),
    ("Het gaat om een kwart van de zaken.", "een kwart", "fraction", 0.25),
    ("Twee op de drie gemeenten doen mee.", "Twee op de drie", "fraction", 2 / 3),
    ("Dat is de helft.", "de helft", "fraction", 0.5),
    ("Het gaat om 10 à 15 procent.", "10 à 15 procent", "range", 0.10),
    ("Het is tussen 10 en 20%.", "tussen 10 en 20%", "range", 0.10),
    ("Er komt een extra liaison officer.", "een", "number", 1),
    ("Er doen twaalf gemeenten mee.", "twaalf", "number", 12),
    ("Er doen vijfentwintig gemeenten mee.", "vijfentwintig", "number", 25),
    ("Ongeveer tweehonderd zaken.", "Ongeveer tweehonderd", "number", 200),
    ("Het zijn er meer dan 250.", "meer dan 250", "number", 250),
]


@pytest.mark.parametrize(("text", "phrase", "kind", "value"), EXTRACTION)
def test_each_kind_of_figure_is_found_with_its_value(
    text: str, phrase: str, kind: str, value: float
) -> None:
    spans = [s for s in find_numbers(Draft.from_text(text)) if s.kind != "not_a_figure"]
    assert [(s.phrase, str(s.kind)) for s in spans] == [(phrase, kind)]
    assert math.isclose(spans[0].value, value, rel_tol=1e-12)
    assert text[spans[0].start : spans[0].end].split() == phrase.split()


NOT_FIGURES = [
    ("Op 4 november 2022 is de Kamer geïnformeerd.", "4 november 2022", "date"),
    ("In april 2023 begon het.", "april 2023", "date (month and year)"),
    ("Het is vastgelegd in artikel 13b van de Opiumwet.", "artikel 13b", "article"),
    ("Zie Kamerstukken II 2022/23, 29 911, nr. 379.", "29 911, nr. 379", "Kamerstuk"),
    (
        "Zie www.om.nl/actueel/nieuws/2023/bijna-47000-kilo.",
        "www.om.nl/actueel/nieuws/2023/bijna-47000-kilo",
        "web address",
    ),
    ("Bel 070-3456789 voor meer informatie.", "070-3456789", "phone number"),
    ("De aanpak van COVID-19 liep mee.", "-19", "part of a name"),
    ("De aanpak werkt.1 Daarna volgt meer.", "1", "footnote mark"),
    ("Het loopt tot 2026.13 De diensten volgen.", "13", "footnote mark"),
    ("Zoals in de tabel (in 1.000 euro) staat.", "in 1.000 euro", "the unit of a table"),
    ("Het overzicht op pagina 43 laat het zien.", "pagina 43", "page number"),
    ("Het was de 3e keer.", "3e", "ordinal"),
    ("## 2.1 Verstoren", "## 2.1", "section number"),
    ("Het adres is 2511 DP Den Haag.", "2511 DP", "postcode"),
    ("Om 10:00 uur begint het.", "10:00 uur", "time of day"),
]


@pytest.mark.parametrize(("text", "phrase", "reason"), NOT_FIGURES)
def test_what_is_not_a_figure_is_a_row_with_its_reason(text: str, phrase: str, reason: str) -> None:
    spans = find_numbers(Draft.from_text(text))
    hit = [s for s in spans if s.phrase == phrase]
    assert hit, [(s.phrase, s.reason) for s in spans]
    assert hit[0].kind == "not_a_figure"
    assert hit[0].reason.startswith(reason), hit[0].reason


def test_a_thousands_dot_read_as_a_decimal_point_is_invalid_and_says_so() -> None:
    out = oi.check(Draft.from_text("Het beslag bedroeg 1.5 miljoen euro."), previous=None)
    row = out[out["phrase"] == "1.5 miljoen euro"].iloc[0]
    assert row["status"] == "invalid"
    assert "did you mean '1,5'" in row["note"]


_FRAGMENTS = st.sampled_from(
    [
        "In", "2022", "waren", "er", "1.238", "bijna", "18%", "ruim", "3,5", "miljard",
        "euro", "€", "12,5", "miljoen", "kilo", "fte", "jaar", "twaalf", "vijfentwintig",
        "één", "een", "extra", "kwart", "de", "helft", "op", "drie", "twee", "à", "tot",
        "steeg", "met", "daalde", "verdubbeld", "keer", "zo", "veel", "van", "doelstelling",
        "behaald", "4", "november", "artikel", "13b", "www.om.nl/x-1", "COVID-19", "nr.",
        "379", "29", "911,", "2026.13", "1.5", "3.0", "24/7", "070-3456789", "(", ")", ".",
        ",", ";", "\n", "-\n", "0,906", "100.000", "1-2", "<", "5", "%", "procent", "mln",
    ]
)  # fmt: skip


@settings(max_examples=200)
@given(st.lists(_FRAGMENTS, max_size=40), st.sampled_from([" ", "", "  ", "\n"]))
def test_every_digit_run_and_number_word_of_any_text_is_in_a_row(
    words: list[str], glue: str
) -> None:
    text = glue.join(words)
    out = oi.check(Draft.from_text(text), previous=None)
    assert _uncovered(text, out) == []
    spans = sorted(zip(out["start"], out["end"], strict=True))
    for (_, b), (c, _) in itertools.pairwise(spans):
        assert b <= c, "rows do not overlap"


# --- linking and decisions ---------------------------------------------------------------------

DECISIONS = [
    # a claim, its status, and what it is linked to
    ("Het beslag was in 2022 hoger dan de doelstelling.", "decision_error", "beslag_realisatie"),
    (
        "Het beslag was in 2022 lager dan de doelstelling.",
        "consistent_with_qualifier",
        "beslag_realisatie",
    ),
    ("De beslagdoelstelling is in 2022 behaald.", "decision_error", "beslag_realisatie"),
    ("Het aantal uitspraken is in 2022 verdubbeld.", "decision_error", "groeifactor"),
    ("Het aantal uitspraken steeg in 2022 met 14%.", "within_rounding", "relatieve_verandering"),
    ("Het aantal uitspraken daalde in 2022 met 14%.", "decision_error", "relatieve_verandering"),
    ("Het aantal uitspraken steeg in 2022 met 30%.", "discrepancy", "relatieve_verandering"),
]


@pytest.mark.parametrize(("text", "status", "metric"), DECISIONS)
def test_a_claim_the_data_reverse_is_a_decision_error(text: str, status: str, metric: str) -> None:
    out = oi.check(Draft.from_text(text), previous=None)
    claim = out[out["kind"] != "not_a_figure"].iloc[0]
    assert claim["status"] == status, claim["note"]
    assert metric in claim["linked_to"]
    if status == "decision_error":
        assert out.iloc[0]["status"] == "decision_error", "sorted first"


def test_a_sentence_naming_a_metric_and_a_year_is_checked_against_it() -> None:
    text = (
        "Het aandeel vrijheidsstraffen binnen het totaal aantal schuldigverklaringen was in "
        "2022 87%."
    )
    out = oi.check(Draft.from_text(text), previous=None)
    row = out[out["phrase"] == "87%"].iloc[0]
    assert row["status"] == "discrepancy"
    assert row["linked_to"] == "metric:aandeel_vrijheidsstraffen[jaar=2022]"
    assert row["computed"] == pytest.approx(999 / 1238)


def test_a_cell_the_sentence_names_is_linked_by_value_and_year() -> None:
    out = oi.check(
        Draft.from_text("In 2022 waren er 1.238 schuldig bevonden in ondermijningszaken."),
        previous=None,
    )
    row = out[out["phrase"] == "1.238"].iloc[0]
    assert row["status"] == "exact"
    assert row["linked_to"] == "cell:uitspraken:aantal[jaar=2022,uitkomst=schuldig]"


def test_a_figure_nothing_links_is_not_checked_with_the_reason() -> None:
    out = oi.check(Draft.from_text("Er kwamen 77 nieuwe fietsen bij."), previous=None)
    row = out.iloc[0]
    assert row["status"] == "not_checked"
    assert "names no year" in row["note"]


def test_a_missing_draft_or_an_unknown_previous_edition_is_refused_in_words(
    tmp_path: pytest.TempPathFactory,
) -> None:
    with pytest.raises(InvalidInputError, match="no file"):
        oi.check("no-such-draft.txt")
    with pytest.raises(InvalidInputError, match="neither a bundled edition"):
        oi.check(Draft.from_text("81%"), previous="1999")


def test_a_draft_without_numbers_gives_no_rows_with_the_columns() -> None:
    for text in ("", "   \n", "Geen getallen in deze zin."):
        out = oi.check(Draft.from_text(text))
        assert out.empty
        assert list(out.columns) == CHECK_COLUMNS


def test_the_tables_are_not_changed_and_the_result_is_the_same_twice() -> None:
    tables = dict(oi.load_edition().tables())
    before = {name: frame.copy(deep=True) for name, frame in tables.items()}
    draft = Draft.from_text(report_text())
    first = oi.check(draft, tables)
    second = oi.check(draft, tables)
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(frame, before[name])
    pd.testing.assert_frame_equal(first, second)


@pytest.mark.parametrize("how", ["id", "folder", "records"])
def test_the_previous_edition_is_an_id_a_folder_or_its_records(how: str) -> None:
    from .conftest import EDITION

    previous: object = {
        "id": "2023",
        "folder": str(EDITION),
        "records": oi.published.load_records(),
    }[how]
    text = (
        "Van de 1.238 strafzaken legde de rechter in 999 gevallen, ofwel in 81% een "
        "vrijheidsstraf op."
    )
    out = oi.check(Draft.from_text(text), previous=previous)  # type: ignore[arg-type]
    row = out[out["phrase"] == "81%"].iloc[0]
    assert row["linked_to"].startswith("record:bestraffen.vrijheidsstraffen.aandeel_2022")
    assert row["status"] == "within_rounding"


def test_a_sentence_broken_over_lines_with_hyphens_is_linked_to_its_record() -> None:
    text = (
        "In 2022 sprak de rechter in 1.543 ondermijnings-\n"
        "zaken een vonnis uit, waarbij 1.238 ver-\n"
        "dachten schuldig werden bevonden en 201 verdachten werden vrijgespro-\n"
        "ken."
    )
    out = oi.check(Draft.from_text(text), previous="2023")
    linked = out[out["kind"] != "not_a_figure"].set_index("phrase")
    assert linked.loc["1.543", "linked_to"] == "record:bestraffen.uitspraken.totaal_2022_tekst"
    assert linked.loc["1.238", "linked_to"] == "record:bestraffen.uitspraken.schuldig_2022_tekst"
    assert linked.loc["201", "linked_to"] == "record:bestraffen.uitspraken.vrijspraak_2022_tekst"
    assert set(linked["status"]) == {"exact"}
    assert linked.loc["201", "line"] == 3


def test_importing_the_package_loads_no_draft_reader() -> None:
    import subprocess
    import sys

    code = (
        "import sys, ondermijning_indicators as oi; oi.reproduce(); "
        "loaded = [m for m in ('ondermijning_indicators.drafts', 'rapidfuzz', 'docx', 'pypdf') "
        "if m in sys.modules]; assert not loaded, loaded; "
        "assert oi.check.__module__ == 'ondermijning_indicators.drafts._check'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
