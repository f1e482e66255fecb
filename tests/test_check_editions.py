"""The checker against a changed report and against a next edition made from the 2023 one."""

from __future__ import annotations

import math
import random
import re
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ondermijning_indicators as oi
from ondermijning_indicators._notation import format_number
from ondermijning_indicators.drafts import Draft
from ondermijning_indicators.drafts._templates import shift_record
from ondermijning_indicators.published import compare, parse_phrase
from ondermijning_indicators.published._phrase import number_word_value
from ondermijning_indicators.schemas import time_column

from .report_positions import Placed, placed_records, report_text
from .test_check import report_check

FLAGGED = {"discrepancy", "decision_error"}
_WORDS = {
    1: "één", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht",
    9: "negen", 10: "tien", 11: "elf", 12: "twaalf", 13: "dertien", 14: "veertien",
    15: "vijftien", 16: "zestien", 17: "zeventien", 18: "achttien", 19: "negentien",
    20: "twintig", 30: "dertig", 40: "veertig", 50: "vijftig",
}  # fmt: skip
_NUMBER = re.compile(r"\d[\d.,]*\d|\d|[^\W\d]+")
_LOWER_BOUNDS = ("meer dan", "ruim", "ten minste", "minimaal", "minstens", "ruimschoots")
_UPPER_BOUNDS = ("minder dan", "hooguit", "maximaal")


def _number_token(phrase: str) -> re.Match[str]:
    """The number of a phrase: its digits, or its number word."""
    for m in _NUMBER.finditer(phrase):
        if m.group()[0].isdigit() or number_word_value(m.group()) is not None:
            return m
    raise AssertionError(phrase)


def _write_number(value: Decimal, like: str) -> str:
    """``value`` written as ``like`` is: a word for a word, else digits with its decimals."""
    if not like[0].isdigit():
        if value == value.to_integral_value() and int(value) in _WORDS:
            word = _WORDS[int(value)]
            return word.capitalize() if like[0].isupper() else word
        like = "1"
    decimals = len(like.partition(",")[2])
    return format_number(float(value), decimals=decimals)


def _reword(phrase: str, number: Decimal) -> str:
    m = _number_token(phrase)
    return phrase[: m.start()] + _write_number(number, m.group()) + phrase[m.end() :]


# --- the report mutated --------------------------------------------------------------------------


def _sites() -> list[tuple[int, int, str, str]]:
    """Places that can be changed: (start, end, text, what it is), checked figures only."""
    result = report_check("2023")
    rows = result[
        result["linked_to"].str.startswith(("record:", "metric:"))
        & ~result["status"].isin(["not_derivable", "invalid"])
    ]
    text = report_text()
    records: list[dict[Any, Any]] = rows.to_dict("records")
    return [(r["start"], r["end"], text[r["start"] : r["end"]], r["kind"]) for r in records]


def _mutate(phrase: str, kind: str, rng: random.Random) -> str:
    """A change of the phrase that the data cannot bear out (the claim moves far)."""
    low = phrase.lower()
    if kind == "realisation":
        swaps = {"lager dan": "hoger dan", "hoger dan": "lager dan", "onder": "boven"}
        for a, b in swaps.items():
            if low.startswith(a):
                return b + phrase[len(a) :]
        raise AssertionError(phrase)
    qualifier = next(
        (q for q in (*_LOWER_BOUNDS, *_UPPER_BOUNDS, "bijna") if low.startswith(q + " ")), None
    )
    swap = {"bijna": "ruim", "ruim": "bijna", "meer dan": "minder dan", "minder dan": "meer dan"}
    if qualifier in swap and rng.random() < 0.4:
        new = swap[qualifier]
        return (new.capitalize() if phrase[0].isupper() else new) + phrase[len(qualifier) :]
    m = _number_token(phrase)
    value = parse_phrase(m.group()).value
    if qualifier in _UPPER_BOUNDS:
        factor = Decimal(1) / Decimal(rng.choice([3, 10]))
    else:
        factor = Decimal(rng.choice([3, 5, 10]))
    number = (Decimal(repr(value)) * factor).quantize(Decimal(1), ROUND_FLOOR) or Decimal(1)
    if "," in m.group():
        number = (Decimal(repr(value)) * factor).quantize(
            Decimal(10) ** -len(m.group().partition(",")[2])
        )
    return _reword(phrase, number)


@settings(max_examples=12, derandomize=True, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 6))
def test_every_changed_figure_is_flagged_and_every_other_keeps_its_status(
    seed: int, changes: int
) -> None:
    rng = random.Random(seed)
    sites = _sites()
    chosen = sorted(rng.sample(sites, changes), reverse=True)
    text = report_text()
    changed: dict[int, str] = {}
    for start, end, phrase, kind in chosen:  # from the end: the offsets before stay
        new = _mutate(phrase, kind, rng)
        assert new != phrase
        text = text[:start] + new + text[end:]
        changed[start] = new
    before = report_check("2023")
    after = oi.check(Draft.from_text(text, "report.txt"), previous="2023")
    # the offsets of everything before the first change are unchanged; compare by link
    keep = before[~before["start"].isin(changed)].set_index("linked_to")
    flagged = after[after["status"].isin(FLAGGED)]
    for start, new in changed.items():
        shift = sum(len(changed[s]) - (e - s) for s, e, _, _ in chosen if s < start)
        hit = after[after["start"] == start + shift]
        assert len(hit) == 1, (new, start)
        assert hit.iloc[0]["status"] in FLAGGED, (new, hit.iloc[0]["status"], hit.iloc[0]["note"])
    assert len(flagged) == len(changed) + int((before["status"].isin(FLAGGED)).sum()) - int(
        before[before["start"].isin(changed)]["status"].isin(FLAGGED).sum()
    )
    same = after[after["linked_to"].isin(keep.index) & ~after["linked_to"].eq("")]
    kept: list[dict[Any, Any]] = same.to_dict("records")
    for row in kept:
        if row["linked_to"].startswith("record:") and row["phrase"] not in changed.values():
            assert row["status"] == keep.loc[row["linked_to"], "status"], row["linked_to"]


# --- a next edition ---------------------------------------------------------------------------


def _next_tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The 2023 tables a year on, every amount doubled (so every share stays the same)."""
    out = {}
    for name, frame in tables.items():
        frame = frame.copy()
        time = time_column(name)
        if time is not None:
            periods = frame[time]
            if pd.api.types.is_integer_dtype(periods):
                frame[time] = periods + 1
            else:
                frame[time] = [str(int(v) + 1) if str(v).isdigit() else v for v in periods]
        for column in ("aantal", "bedrag_eur", "bedrag_k_eur", "kg", "waarde"):
            if column in frame.columns and name != "preventie_met_gezag_gemeenten":
                # (a municipality counts once: the count of municipalities stays)
                frame[column] = frame[column] * 2
        out[name] = frame
    return out


@pytest.fixture(scope="module")
def next_edition(tmp_path_factory: pytest.TempPathFactory) -> oi.Tables:
    folder = tmp_path_factory.mktemp("edition-2024")
    oi.write_tables(_next_tables(dict(oi.load_edition("2023").tables())), folder)
    return oi.load_tables(folder)


def _printed(placed: Placed, value: float, status: str) -> str:
    """The record's phrase with the number that ``value`` gives, printed as the report prints."""
    rec = placed.record
    q = rec.quantity
    assert q is not None
    token = _number_token(rec.phrase)
    factor = Decimal(repr(q.value)) / Decimal(repr(parse_phrase(token.group()).value))
    exact = Decimal(repr(value)) / factor
    if status == "transcribed":
        return _reword(rec.phrase, exact)
    decimals = len(token.group().partition(",")[2])
    step = Decimal(10) ** -decimals
    qualifier = str(q.qualifier) if q.qualifier else ""
    rounding = {"bijna": ROUND_CEILING, "minder dan": ROUND_CEILING, "hooguit": ROUND_CEILING}
    rounding |= dict.fromkeys(_LOWER_BOUNDS, ROUND_FLOOR)
    number = exact.quantize(step, rounding.get(qualifier, ROUND_HALF_UP))
    if qualifier in ("bijna", "minder dan") and number == exact:
        number += step
    if qualifier in ("ruim", "meer dan") and number == exact:
        number -= step
    phrase = _reword(rec.phrase, number)
    if compare(parse_phrase(phrase), value).status.value == "discrepancy":
        bare = phrase[len(qualifier) :].strip() if qualifier else phrase
        phrase = _reword(bare, exact.quantize(step, ROUND_HALF_UP))
    return phrase


@cache
def _next_draft_parts() -> tuple[str, tuple[tuple[int, int, str], ...]]:
    return report_text(), ()


def _next_draft(tables: oi.Tables) -> tuple[str, list[tuple[int, str]]]:
    """The report a year on: every year plus one, every figure recomputed from ``tables``."""
    text = re.sub(
        r"(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d{3})",  # "2026.13": a year, a footnote mark
        lambda m: str(int(m.group()) + 1),
        report_text(),
    )
    placed = placed_records()
    shifted = [shift_record(p.record, 1) for p in placed]
    values = oi.reproduce(tables, records=shifted)
    was = oi.reproduce().set_index("id")["status"]  # how the 2023 report printed each
    edits = []
    rows: list[dict[Any, Any]] = values.to_dict("records")
    for p, row in zip(placed, rows, strict=True):
        computed = float(row["computed_value"])
        if row["status"] in ("not_derivable", "invalid") or not math.isfinite(computed):
            continue
        new = _printed(p, computed, str(was[p.record.id]))
        edits.append((p.offset, p.record.phrase, new))
    new_offsets = []
    for offset, old, new in sorted(edits, reverse=True):
        printed = re.compile(r"\s+".join(map(re.escape, old.split()))).match(text, offset)
        assert printed, (offset, old)
        text = text[:offset] + new + text[printed.end() :]
        new_offsets.append((offset, new))
    return text, new_offsets


def test_a_next_edition_made_from_this_one_has_no_discrepancy(next_edition: oi.Tables) -> None:
    text, edits = _next_draft(next_edition)
    assert sum(old != new for (_, new), old in zip(edits, [None] * len(edits), strict=True)) > 300
    result = oi.check(Draft.from_text(text, "draft-2024.txt"), next_edition, previous="2023")
    problems = result[result["status"].isin(FLAGGED | {"invalid"})]
    assert problems.empty, problems[["phrase", "line", "status", "linked_to", "note"]].to_string()
    linked = result[result["linked_to"].str.startswith("record:")]
    assert len(linked) == 349
    assert (linked["linked_to"].str.contains("years shifted by \\+1")).sum() > 300


def test_a_next_edition_with_one_number_wrong_has_exactly_one_discrepancy(
    next_edition: oi.Tables,
) -> None:
    text, edits = _next_draft(next_edition)
    offset, phrase = next((o, p) for o, p in edits if p.replace(".", "").isdigit() and len(p) > 3)
    wrong = _reword(phrase, Decimal(parse_phrase(phrase).value) * 3)
    text = text[:offset] + wrong + text[offset + len(phrase) :]
    result = oi.check(Draft.from_text(text, "draft-2024.txt"), next_edition, previous="2023")
    flagged = result[result["status"].isin(FLAGGED)]
    assert flagged["phrase"].tolist() == [wrong]


def test_the_next_edition_tables_are_a_folder_of_their_own(next_edition: oi.Tables) -> None:
    assert (
        Path(str(next_edition.edition.root if next_edition.edition else "")).name.startswith(
            "edition-2024"
        )
        or next_edition.edition is None
    )
    assert int(next_edition["uitspraken"]["jaar"].max()) == 2023


@settings(max_examples=8, derandomize=True, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_a_reference_put_into_a_sentence_leaves_its_figures_as_they_were(seed: int) -> None:
    """ "(zie tabel 2)" after the first word of a quoted sentence: a number more, the same links."""
    rng = random.Random(seed)
    before = report_check("2023")
    sentences = [  # a table's row edited is a row no template knows: not_checked
        p
        for p in placed_records()
        if p.record.reading is not None and len(re.findall(r"[^\W\d_]{2,}", p.record.quote)) >= 6
    ]
    target = rng.choice(sentences)
    words = re.compile(r"\s+".join(map(re.escape, target.record.quote.split())))
    found = words.search(report_text())
    assert found is not None
    cut = report_text().index(" ", found.start())
    text = report_text()[:cut] + " (zie tabel 2)" + report_text()[cut:]
    after = oi.check(Draft.from_text(text), previous="2023")
    moved = after.assign(start=[s - 14 if s > cut else s for s in after["start"]])
    merged = before.merge(moved, on="start", suffixes=("", "_after"))
    linked = merged[merged["linked_to"].str.startswith("record:")]
    assert len(linked) == 349
    same_link = (
        linked["linked_to"].str.split().str[0] == linked["linked_to_after"].str.split().str[0]
    )
    assert same_link.all(), linked[~same_link][["phrase", "linked_to", "linked_to_after"]]
    assert (linked["status"] == linked["status_after"]).all()
