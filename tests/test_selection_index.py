"""Selections answered from an index give the rows the plain comparison gives."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

import ondermijning_indicators as oi
from ondermijning_indicators._selection import Selection, index_of, indexed, mask_of
from ondermijning_indicators.published import load_records

_WORDS = st.sampled_from(["a", "b", "", "2022", "+2022", "nan", "٢٠٢٢"])


@given(
    years=st.lists(st.integers(2018, 2024), min_size=1, max_size=12),
    data=st.data(),
)
def test_an_indexed_selection_keeps_the_rows_the_plain_one_keeps(
    years: list[int], data: st.DataObject
) -> None:
    n = len(years)
    kinds = data.draw(st.lists(st.one_of(_WORDS, st.none()), min_size=n, max_size=n))
    frame = pd.DataFrame(
        {"jaar": years, "soort": pd.array(kinds, dtype="str"), "aantal": np.arange(n)}
    )
    wanted_years = data.draw(st.lists(st.sampled_from(["2020", "2022", "+2022", "x"]), min_size=1))
    wanted_kinds = data.draw(st.lists(_WORDS, min_size=1, max_size=3))
    text = f"t:aantal[jaar={'|'.join(wanted_years)},soort={'|'.join(wanted_kinds)}]"
    try:
        selection = Selection.parse(text)
    except Exception:  # a value the grammar refuses: nothing to compare
        return
    plain = mask_of(selection, frame, whole="soort")
    with indexed([frame]):
        assert index_of(frame) is not None
        first = mask_of(selection, frame, whole="soort")
        again = mask_of(selection, frame, whole="soort")  # from the kept masks
    assert index_of(frame) is None  # the index lives only inside the block
    np.testing.assert_array_equal(first, plain)
    np.testing.assert_array_equal(again, plain)


def test_every_record_of_the_edition_reads_the_same_rows_with_and_without_the_index() -> None:
    from ondermijning_indicators._validation import selected_mask

    tables = oi.load_samples()
    selections = {
        sel
        for rec in load_records()
        for reading in (rec.reading, *rec.alternatives)
        if reading is not None
        for sel in reading.inputs.values()
        if sel.table in tables
    }
    assert len(selections) > 300
    plain = {sel: selected_mask(sel, tables[sel.table]) for sel in selections}
    with indexed(tables.values()):
        for sel in selections:
            np.testing.assert_array_equal(selected_mask(sel, tables[sel.table]), plain[sel])


def test_a_frame_outside_the_block_is_not_answered_from_another_frames_index() -> None:
    one = pd.DataFrame({"jaar": [2022], "aantal": [1]})
    other = pd.DataFrame({"jaar": [2021], "aantal": [1]})
    with indexed([one]):
        assert index_of(other) is None
        sel = Selection.parse("t:aantal[jaar=2021]")
        assert mask_of(sel, other).tolist() == [True]
        assert mask_of(sel, one).tolist() == [False]
