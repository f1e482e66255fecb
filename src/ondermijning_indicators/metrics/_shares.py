"""The one formula behind every share metric: part over whole, checked."""

from __future__ import annotations

from typing import cast

from ._inputs import (
    M,
    ZeroDivision,
    align,
    check_non_negative,
    check_part_le_whole,
    check_whole_number,
    divide,
)


def share_of_counts(
    part_name: str,
    part: M,
    whole_name: str,
    whole: M | float,
    *,
    zero_division: ZeroDivision,
    counts: bool = True,
) -> M:
    """Compute ``part / whole`` with every check a share needs.

    Both arguments must be non-negative, with the part at most the whole; with
    ``counts=True`` (the default) they must also be whole numbers, which catches a
    Dutch thousands dot read as a decimal point. Pass ``counts=False`` for amounts
    (euro, kg). A zero whole raises unless ``zero_division`` gives a value. The
    messages name the metric being called (see `align`).
    """
    aligned = align(**{part_name: part, whole_name: whole})
    for name in (part_name, whole_name):
        check_non_negative(aligned, name)
        if counts:
            check_whole_number(aligned, name)
    check_part_le_whole(aligned, part_name, whole_name)
    result = aligned.wrap(divide(aligned, part_name, whole_name, zero_division=zero_division))
    return cast(M, result)
