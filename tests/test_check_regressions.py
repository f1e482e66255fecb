"""What an outside attack on `check` found, each pinned: a wrong figure must not pass."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import ondermijning_indicators as oi
from ondermijning_indicators.cli import app
from ondermijning_indicators.drafts import Draft, DraftKind, find_numbers

from .report_positions import report_text

AANDEEL = "Het aandeel vrijheidsstraffen binnen het totaal aantal schuldigverklaringen"


def _row(text: str, phrase: str, previous: str | None = None) -> pd.Series:
    out = oi.check(Draft.from_text(text), previous=previous)
    hit = out[out["phrase"] == phrase]
    assert len(hit) == 1, out[["phrase", "status", "kind", "note"]].to_string()
    return hit.iloc[0]


# --- the draft is never destroyed ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["docx", "html", "csv"])
def test_the_output_cannot_be_the_draft_itself(tmp_path: Path, fmt: str) -> None:
    import docx

    draft = tmp_path / ("self.docx" if fmt == "docx" else "self.txt")
    if fmt == "docx":
        document = docx.Document()
        document.add_paragraph(
            "In 2022 sprak de rechter in 1.600 ondermijningszaken een vonnis uit."
        )
        document.save(str(draft))
    else:
        draft.write_text("In 2022 waren het er 1.600.\n", encoding="utf-8")
    before = draft.read_bytes()
    result = CliRunner().invoke(
        app, ["check", str(draft), "--format", fmt, "--out", str(draft), "--force"]
    )
    assert result.exit_code == 4, result.output
    assert "the draft itself" in result.output
    assert draft.read_bytes() == before


def test_an_empty_draft_file_is_refused(tmp_path: Path) -> None:
    for text in ("", "  \n\t\n"):
        draft = tmp_path / "leeg.txt"
        draft.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(app, ["check", str(draft)])
        assert result.exit_code == 2, result.output
        assert "no text" in result.output


# --- years ---------------------------------------------------------------------------------------


def test_a_year_before_a_full_stop_or_a_comma_is_the_sentence_s_year() -> None:
    row = _row(f"{AANDEEL} was 87% in 2022.", "87%")
    assert row["status"] == "discrepancy"
    assert row["linked_to"] == "metric:aandeel_vrijheidsstraffen[jaar=2022]"
    assert _row(f"{AANDEEL} was 87% in 2022, zo bleek.", "87%")["status"] == "discrepancy"


def test_a_year_of_the_sentence_before_does_not_win_over_the_sentence_s_own() -> None:
    row = _row(f"In 2021 was het beeld anders. {AANDEEL} was in 2022 81,4%.", "81,4%")
    assert row["linked_to"] == "metric:aandeel_vrijheidsstraffen[jaar=2022]"
    assert row["status"] == "discrepancy"


def test_a_change_is_taken_between_the_years_the_sentence_names() -> None:
    text = (
        "Het aantal uitspraken in ondermijningszaken steeg in 2022 met {}% ten opzichte van 2020."
    )
    right = _row(text.format(31), "31%")
    assert "2020-2022" in right["linked_to"]
    assert right["status"] == "within_rounding"
    assert _row(text.format(14), "14%")["status"] == "discrepancy"


def test_a_heading_without_a_full_stop_lends_no_year_to_the_sentence_under_it() -> None:
    text = (
        "Jaarverslag 2023\nEen regel zonder punt\nHet aantal uitspraken in ondermijningszaken "
        "is in 2022 verdubbeld ten opzichte van 2021."
    )
    row = _row(text, "verdubbeld")
    assert "2021-2022" in row["linked_to"]
    assert row["status"] == "decision_error"


def test_a_changed_year_outside_the_quote_moves_the_record_s_period() -> None:
    text = (
        "In 2021 sprak de rechter in 1.353 ondermijningszaken een vonnis uit, waarbij 1.238 "
        "verdachten schuldig werden bevonden en 201 verdachten werden vrijgesproken."
    )
    out = oi.check(Draft.from_text(text), previous="2023").set_index("phrase")
    assert out.loc["1.353", "status"] == "exact"  # 2021: 1.353 verdicts
    assert out.loc["1.238", "status"] == "discrepancy"  # 2021: 1.113 guilty
    assert out.loc["201", "status"] == "discrepancy"  # 2021: 178 acquitted
    assert "years shifted by -1" in str(out.loc["1.238", "linked_to"])


def test_the_report_with_one_year_changed_flags_the_numbers_of_that_sentence() -> None:
    text = report_text().replace("In 2022 sprak de rechter", "In 2021 sprak de rechter")
    out = oi.check(Draft.from_text(text), previous="2023")
    flagged = set(out[out["status"] == "discrepancy"]["phrase"])
    assert {"1.543", "1.238", "201"} <= flagged


def test_a_sentence_printed_twice_is_checked_twice() -> None:
    sentence = (
        "In 2022 sprak de rechter in 1.543 ondermijningszaken een vonnis uit, waarbij 1.238 "
        "verdachten schuldig werden bevonden en {} verdachten werden vrijgesproken."
    )
    text = sentence.format(210) + "\n\n" + sentence.format(201)
    out = oi.check(Draft.from_text(text), previous="2023")
    assert out[out["phrase"] == "210"].iloc[0]["status"] == "discrepancy"
    assert out[out["phrase"] == "201"].iloc[0]["status"] == "exact"
    assert (out["phrase"] == "1.543").sum() == 2
    assert set(out[out["phrase"] == "1.543"]["status"]) == {"exact"}


# --- real figures are not called something else --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Van de 1.238 zaken legde de rechter in 1.000 gevallen een straf op.", "1.000"),
        ("In totaal werden 2017 verdachten veroordeeld tot een vrijheidsstraf.", "2017"),
        ("Hierdoor kregen\n12 RIEC's een extra taak.", "12"),
        ("Het OM behandelde\n1.238 OM-zaken in totaal.", "1.238"),
        ("Het OM behandelde 4500 OM-zaken.", "4500"),
        ("Er werd voor 246mln beslag gelegd.", "246mln"),
        ("Er werd voor €3,5mln beslag gelegd.", "€3,5mln"),
        ("Er werd 500kg onderschept.", "500kg"),
        ("Er komen 120fte bij.", "120fte"),
        ("Het is 1,5x zo veel.", "1,5x zo veel"),
        ("Het is 2x zo hoog.", "2x zo hoog"),
    ],
)
def test_a_real_figure_is_a_figure(text: str, phrase: str) -> None:
    spans = [s for s in find_numbers(Draft.from_text(text)) if s.phrase == phrase]
    assert spans, [(s.phrase, s.kind, s.reason) for s in find_numbers(Draft.from_text(text))]
    assert spans[0].kind != "not_a_figure", spans[0].reason


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Er werd voor 246mln beslag gelegd.", "246mln", 246e6),
        ("Er werd voor €3,5mln beslag gelegd.", "€3,5mln", 3.5e6),
        ("Er werd 500kg onderschept.", "500kg", 500),
        ("Het saldo was -5%.", "-5%", -0.05),
        ("Het saldo was −5%.", "−5%", -0.05),
        ("Het waren 1\u00a0238 zaken.", "1\u00a0238", 1238),
        ("Het waren 1\u202f238 zaken.", "1\u202f238", 1238),
        ("Eén op de vijf verdachten.", "Eén op de vijf", 0.2),
        ("Bijna tweederde van de zaken.", "Bijna tweederde", 2 / 3),
        ("Het is 1/3 van het totaal.", "1/3", 1 / 3),
        ("Dat was ruim **81%** van de zaken.", "ruim **81%**", 0.81),
    ],
)
def test_the_value_of_a_figure_is_read_as_printed(text: str, phrase: str, value: float) -> None:
    spans = [s for s in find_numbers(Draft.from_text(text)) if s.kind != "not_a_figure"]
    assert [s.phrase for s in spans] == [phrase]
    assert math.isclose(spans[0].value, value, rel_tol=1e-12)


def test_a_qualifier_in_markdown_emphasis_is_kept() -> None:
    text = f"{AANDEEL} was in 2022 ruim **81%**."
    row = _row(text, "ruim **81%**")
    assert row["status"] == "discrepancy"  # 80,7%: not more than 81%


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Het waren er 8.0% meer.", "8.0%", None),
        ("Het ging om 2.0 miljoen euro.", "2.0 miljoen euro", None),
    ],
)
def test_a_dot_before_a_zero_is_not_dutch_notation_when_it_is_an_amount(
    text: str, phrase: str, value: float | None
) -> None:
    out = oi.check(Draft.from_text(text), previous=None)
    row = out[out["phrase"] == phrase].iloc[0]
    assert row["status"] == "invalid"


def test_what_is_not_a_figure_stays_so() -> None:
    text = "Om 12:30 uur, en om 12:30, zie [^3]. Jongerenwerk 3.0 helpt; dat werkt 24/7."
    spans = find_numbers(Draft.from_text(text, "x.md"))
    assert {s.phrase: s.kind for s in spans if s.kind != "not_a_figure"} == {}


def test_a_number_word_broken_over_a_line_or_joined_by_a_hyphen_is_read() -> None:
    spans = find_numbers(
        Draft.from_text("Er kwamen twee-\nhonderd zaken bij en vijf-jarige plannen.")
    )
    figures = {s.phrase: s.value for s in spans if s.kind != "not_a_figure"}
    assert figures["twee- honderd"] == 200
    assert figures["vijf"] == 5


# --- claims --------------------------------------------------------------------------------------


def test_from_a_level_to_a_level_is_two_levels_not_a_change() -> None:
    text = f"{AANDEEL} daalde van 81,4% in 2021 naar 80,7% in 2022."
    out = oi.check(Draft.from_text(text), previous=None).set_index("phrase")
    assert out.loc["81,4%", "kind"] == "percentage"
    assert out.loc["81,4%", "status"] == "within_rounding"
    assert out.loc["81,4%", "linked_to"] == "metric:aandeel_vrijheidsstraffen[jaar=2021]"
    assert out.loc["80,7%", "status"] == "within_rounding"
    assert out.loc["80,7%", "linked_to"] == "metric:aandeel_vrijheidsstraffen[jaar=2022]"


def test_a_change_in_percentage_points_is_the_difference_of_the_shares() -> None:
    text = f"{AANDEEL} daalde in 2022 met {{}} procentpunt ten opzichte van 2021."
    # the year between the verb and the number is a row of its own: the row is the number
    right = _row(text.format("0,7"), "0,7 procentpunt")
    assert (right["kind"], right["status"]) == ("change", "within_rounding"), right["note"]
    assert "aandeel_vrijheidsstraffen" in right["linked_to"]
    wrong = _row(text.format("5"), "5 procentpunt")
    assert wrong["status"] == "discrepancy"
    rise = _row(text.replace("daalde", "steeg").format("0,7"), "0,7 procentpunt")
    assert rise["status"] == "decision_error"


@pytest.mark.parametrize(
    ("claim", "status"),
    [
        ("bijna 100% van de beslagdoelstelling", "consistent_with_qualifier"),
        ("minder dan 100% van de beslagdoelstelling", "consistent_with_qualifier"),
        ("ruim 100% van de beslagdoelstelling", "decision_error"),
        ("130% van de beslagdoelstelling", "decision_error"),
        ("91% van de beslagdoelstelling", "within_rounding"),
    ],
)
def test_a_realisation_claims_what_its_qualifier_says(claim: str, status: str) -> None:
    text = f"In 2022 werd voor ruim 246 miljoen euro aan beslag gelegd, {claim}."
    assert _row(text, claim)["status"] == status


def test_a_split_verb_is_a_change() -> None:
    text = "Het aantal uitspraken in ondermijningszaken nam in 2022 met 14% toe."
    row = _row(text, "14%")  # the year between is a row of its own
    assert row["kind"] == "change"
    assert row["status"] == "within_rounding"
    down = _row(text.replace("toe", "af"), "14%")
    assert down["status"] == "decision_error"
    plain = _row(
        "Het aantal uitspraken in ondermijningszaken nam met 14% toe in 2022.", "nam met 14% toe"
    )
    assert plain["status"] == "within_rounding"


def test_crlf_line_ends_read_as_the_report_does() -> None:
    crlf = oi.check(Draft.from_text(report_text().replace("\n", "\r\n")), previous="2023")
    plain = oi.check(Draft.from_text(report_text()), previous="2023")
    assert len(crlf) == len(plain)
    assert (crlf["status"].value_counts() == plain["status"].value_counts()).all()


# --- the second attack -------------------------------------------------------------------------

HARC = (
    "Het Hit and Run Cargo-team (HARC) Rotterdam heeft in 2022 in totaal 46.789 kilo cocaïne "
    "onderschept in de Rotterdamse haven."
)


def test_a_reworded_sentence_links_the_number_at_its_place_or_none() -> None:
    text = HARC + " In de haven van Vlissingen werd 46.789 kilo ontdekt."
    out = oi.check(Draft.from_text(text), previous="2023")
    rows = out[out["phrase"] == "46.789 kilo"].sort_values("start")
    (rotterdam, to_rotterdam), (vlissingen, to_vlissingen) = zip(
        rows["status"].tolist(), rows["linked_to"].tolist(), strict=True
    )
    assert "rotterdam" in to_rotterdam, to_rotterdam
    assert rotterdam == "transcribed"
    assert "rotterdam" not in to_vlissingen
    assert vlissingen != "transcribed"


def test_an_inserted_reference_keeps_every_figure_of_the_sentence_linked() -> None:
    for sentence in (
        "Van de 1.238 strafzaken waarin de verdachte door de rechter schuldig werd bevonden "
        "legde de rechter in 999 gevallen, ofwel in 81% een vrijheidsstraf op.",
        HARC,
    ):
        plain = oi.check(Draft.from_text(sentence), previous="2023")
        first = sentence.index(" ")
        edited = sentence[:first] + " (zie tabel 2)" + sentence[first:]
        out = oi.check(Draft.from_text(edited), previous="2023")
        linked = plain[plain["linked_to"].str.startswith("record:")]
        for phrase, linked_to, status in zip(
            linked["phrase"], linked["linked_to"], linked["status"], strict=True
        ):
            hit = out[out["phrase"] == phrase]
            assert hit["linked_to"].str.split().str[0].tolist() == [str(linked_to).split()[0]]
            assert hit["status"].tolist() == [status]


def test_the_year_shift_comes_from_the_year_nearest_the_figure() -> None:
    # a table whose header lost the blank line above it (as in a PDF), under a web address
    text = (
        "Zie de weblog.\nwww.example.nl/weblog/2023/we-denken-mee\n"
        "2018 2019 2020 2021 2022\n< 1 jaar 436 431 307 379 364\n"
    )
    out = oi.check(Draft.from_text(text), previous="2023")
    figures = out[out["kind"] != "not_a_figure"]
    assert set(figures["status"]) == {"transcribed"}, figures[["phrase", "linked_to"]]
    assert not figures["linked_to"].str.contains("shifted").any()


def test_the_previous_edition_s_not_a_figure_patterns_hold_only_where_they_held() -> None:
    text = (
        "Vanaf 1 januari 2022 kunnen uithalers door de zogeheten Uithalerswet een maximum "
        "gevangenisstraf van 3 jaar krijgen."
    )
    row = _row(text, "3 jaar", previous="2023")
    assert row["kind"] != "not_a_figure"
    assert row["status"] == "discrepancy"  # the law says 2 years (kerncijfers)


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("In 2022 is verder 12,5 miljoen euro aan contanten en 3327 ton aan hard- en softdrugs "
         "in beslag genomen.", "3327 ton"),
    ],
)  # fmt: skip
def test_another_unit_than_last_year_s_is_not_the_same_figure(sentence: str, phrase: str) -> None:
    out = oi.check(Draft.from_text(sentence), previous="2023")
    row = out[out["phrase"] == phrase]
    assert len(row) == 1, out[["phrase", "status"]]
    assert row.iloc[0]["status"] in {"discrepancy", "not_checked"}, row.iloc[0]["note"]


def test_each_figure_takes_the_year_of_its_own_clause() -> None:
    text = f"In 2020 was {AANDEEL[4:].lower()} 84%, tegen 73% in 2018."
    out = oi.check(Draft.from_text(text), previous=None).set_index("phrase")
    assert out.loc["84%", "linked_to"] == "metric:aandeel_vrijheidsstraffen[jaar=2020]"
    assert out.loc["84%", "status"] == "within_rounding"  # 2020: 84,1%
    assert out.loc["73%", "linked_to"] == "metric:aandeel_vrijheidsstraffen[jaar=2018]"
    assert out.loc["73%", "status"] == "discrepancy"  # 2018: 84,2%


def test_a_change_is_measured_from_the_year_it_is_compared_with() -> None:
    text = (
        "In 2022 lag het aantal uitspraken in ondermijningszaken 14% hoger dan in 2021 en 31% "
        "hoger dan in 2020."
    )
    out = oi.check(Draft.from_text(text), previous=None).set_index("phrase")
    assert "2021-2022" in str(out.loc["14% hoger", "linked_to"])
    assert "2020-2022" in str(out.loc["31% hoger", "linked_to"])
    assert out.loc["31% hoger", "status"] == "within_rounding"


def test_a_short_template_matches_only_a_line_of_its_own() -> None:
    out = oi.check(Draft.from_text("In 2022 werkten 15 gemeenten met wijkrechtspraak."))
    assert not out["linked_to"].str.startswith("record:").any(), out[["phrase", "linked_to"]]
    table = "Overig 73 63 76 62 104\n"
    out = oi.check(Draft.from_text(table), previous="2023")
    assert set(out[out["kind"] != "not_a_figure"]["status"]) == {"transcribed"}


def test_toen_takes_the_year_of_the_sentence_before() -> None:
    text = (
        "In totaal werden 177 verdachten veroordeeld tot een gevangenisstraf van meer dan 5 "
        "jaar. Dat aandeel ligt fors hoger dan in 2021. Toen ging het bij ruim 10% van het "
        "aantal opgelegde vrijheidsstraffen om een duur van meer dan 5 jaar."
    )
    row = _row(text, "ruim 10%", previous="2023")
    assert "shifted" not in row["linked_to"]
    assert row["status"] == "consistent_with_qualifier"


def test_a_running_header_between_the_halves_of_a_sentence_does_not_hide_it() -> None:
    text = (
        "Van de 1.238 strafzaken waarin de verdachte door de rechter schuldig werd bevonden\n"
        "Voortgangsrapportage ondermijning 2023\n"
        "legde de rechter in 999 gevallen, ofwel in 81% een vrijheidsstraf op.\n"
    )
    start = text.index("Voortgangsrapportage")
    draft = Draft(text=text, furniture=((start, text.index("\nlegde")),))
    out = oi.check(draft, previous="2023").set_index("phrase")
    assert str(out.loc["999", "linked_to"]).startswith("record:"), out["linked_to"]
    assert out.loc["81%", "status"] == "within_rounding"


def test_a_year_in_the_heading_above_is_the_year_of_the_sentence_under_it() -> None:
    for year, status in ((2022, "transcribed"), (2021, "invalid")):  # no 2021 row: said
        text = (
            f"Drugsvangsten zeehavens {year}\n\nIn de haven van Vlissingen werd 4.157 kilo ontdekt."
        )
        row = _row(text, "4.157 kilo", previous="2023")
        assert row["status"] == status, row["note"]
        assert ("shifted by -1" in row["linked_to"]) == (year == 2021)


# --- the third attack ---------------------------------------------------------------------------


def test_a_change_with_a_long_subject_is_a_change() -> None:
    text = "In 2022 steeg het aantal schuldig bevonden verdachten met {}% ten opzichte van 2021."
    right = _row(text.format(11), "steeg het aantal schuldig bevonden verdachten met 11%")
    assert right["kind"] == "change"
    assert right["status"] == "within_rounding", right["note"]
    assert "uitspraken 2021-2022" in right["linked_to"]
    wrong = _row(text.format(80), "steeg het aantal schuldig bevonden verdachten met 80%")
    assert wrong["status"] == "discrepancy"


@pytest.mark.parametrize(
    ("text", "phrase", "years", "status"),
    [
        ("In 2020 was het aantal uitspraken 0,8 keer zo hoog als in 2019.", "0,8 keer zo hoog",
         "2019-2020", "within_rounding"),
        ("Het aantal uitspraken steeg van 2020 tot 2022 met 31%.", "31%", "2020-2022",
         "within_rounding"),
    ],
)  # fmt: skip
def test_the_year_measured_from_is_the_one_the_sentence_says(
    text: str, phrase: str, years: str, status: str
) -> None:
    row = _row(text, phrase)
    assert years in row["linked_to"]
    assert row["status"] == status, row["note"]


def test_a_running_header_s_year_does_not_shift_the_figures() -> None:
    text = (
        "Van de 1.283 strafzaken waarin de verdachte door de rechter schuldig werd bevonden\n"
        "Voortgangsrapportage ondermijning 2023\n"
        "legde de rechter in 999 gevallen, ofwel in 81% een vrijheidsstraf op.\n"
    )
    start = text.index("Voortgangsrapportage")
    draft = Draft(text=text, furniture=((start, text.index("\nlegde")),))
    out = oi.check(draft, previous="2023").set_index("phrase")
    assert out.loc["1.283", "status"] == "discrepancy"
    assert out.loc["81%", "status"] == "within_rounding"
    assert "shifted" not in str(out.loc["81%", "linked_to"])


@pytest.mark.parametrize(
    ("word", "value", "step"),
    [("honderdvijftig", 150, 10), ("negenhonderdtachtig", 980, 10), ("tweehonderd", 200, 100),
     ("twaalfhonderd", 1200, 100), ("vijftienhonderd", 1500, 100),
     ("twaalfhonderdachtendertig", 1238, 1)],
)  # fmt: skip
def test_a_compound_number_word_has_the_step_of_its_last_part(
    word: str, value: int, step: int
) -> None:
    spans = [s for s in find_numbers(Draft.from_text(f"Het zijn er {word}.")) if s.quantity]
    assert [(s.phrase, s.value, s.quantity.step if s.quantity else None) for s in spans] == [
        (word, value, step)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In 2022 is 91% van de beslagdoelstelling gerealiseerd.",
        "In 2022 is de beslagdoelstelling voor 91% gerealiseerd.",
    ],
)
def test_a_share_of_the_target_reached_is_not_called_the_target_met(text: str) -> None:
    out = oi.check(Draft.from_text(text), previous=None)
    claims = out[out["kind"] == "realisation"]
    assert len(claims) == 1, out[["phrase", "kind", "status"]]
    assert claims.iloc[0]["status"] == "within_rounding", claims.iloc[0]["note"]


@pytest.mark.parametrize(
    ("old", "new", "status"),
    [
        ("46.789 kilo cocaïne", "bijna 47.000 kilo cocaïne", "consistent_with_qualifier"),
        ("46.789 kilo cocaïne", "46,8 ton cocaïne", "within_rounding"),
        ("46.789 kilo cocaïne", "45.000 kilo cocaïne", "discrepancy"),
        ("ruim 10%", "10%", "within_rounding"),  # 10,49%
        ("ruim 10%", "11%", "discrepancy"),
        ("bijna 18%", "17,7%", "within_rounding"),
        ("3,5 miljard euro", "3,5 miljard dollar", "discrepancy"),
    ],
)
def test_a_figure_written_another_way_is_checked_as_what_it_says(
    old: str, new: str, status: str
) -> None:
    assert old in report_text(), old
    text = report_text().replace(old, new, 1)
    out = oi.check(Draft.from_text(text), previous="2023")
    at = report_text().index(old)
    hit = out[(out["start"] <= at + len(new) - 1) & (out["end"] > at)]
    figures = hit[hit["kind"] != "not_a_figure"]
    assert len(figures) == 1, hit[["phrase", "status"]]
    assert figures.iloc[0]["status"] == status, figures.iloc[0][["phrase", "linked_to", "note"]]


def test_a_markdown_table_row_is_read_as_the_table_s_row() -> None:
    row = "| Schuldig | 1.173 | 1.257 | 963 | 1.113 | 1.283 |\n"
    out = oi.check(Draft(text=row, kind=DraftKind.MARKDOWN), previous="2023").set_index("phrase")
    assert out.loc["1.283", "status"] == "discrepancy"
    assert out.loc["963", "status"] == "transcribed"


def test_a_thin_space_separates_thousands() -> None:
    spans = [s for s in find_numbers(Draft.from_text("Het waren 1\u2009238 zaken.")) if s.quantity]
    assert [(s.phrase, s.value) for s in spans] == [("1\u2009238", 1238)]


def test_last_year_s_list_number_does_not_hide_a_number_that_starts_with_it() -> None:
    text = "Sinds oktober 2022 zijn ongeveer \n1.250 medewerkers getraind."
    row = _row(text, "ongeveer 1.250", previous="2023")
    assert row["kind"] == "number"


def test_without_last_year_s_text_its_not_a_figure_texts_still_hold() -> None:
    from ondermijning_indicators.drafts._check import _as_printed

    patterns = _as_printed([("in 1.000 euro", "unit"), (re.compile(r"\d+ jaar"), "class")], None)
    assert [(p.pattern.count("1\\.000"), reason) for p, reason in patterns] == [(1, "unit")]
    assert patterns[0][0].search("bedragen in 1.000 euro")
