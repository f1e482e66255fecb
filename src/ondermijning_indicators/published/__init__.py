"""Published figures: Dutch quantity phrases, their meaning, and their reproduction.

Every number the report prints is a *record* in a TOML file (the 2023 edition's
are bundled): the phrase exactly as printed, where it stands, and how the library
checks it. A selection ``table:column[key=value,...]`` picks the rows where every
key has its value; ``key=a|b`` accepts either value, and the rows picked are summed
(the grammar is that of `Selection`, shared with the metrics' declared inputs and the
catalogues). A record has one of

``cell = "table:column[key=value,...]"``
    the printed number was transcribed into this cell of a table; the check is that
    the cell holds what the phrase says, its qualifier included where the table has a
    ``kwalificatie`` column (status ``transcribed``);
``sum = "table:column[key=value,...]"``
    the sum of the matching cells must give the printed number (for example a
    number in the text that a table also gives); a single cell stored as a bound
    ("ruim 246 miljoen") is compared as the interval it stands for;
``metric = "id"`` with ``where = { jaar = 2022, ... }``
    a registered metric, applied to its declared inputs for that year (and those
    categories), must give it; ``inputs = { arg = "table:column[...]", ... }`` instead
    of ``where`` names other inputs (another reading of the sentence);
``not_derivable = "why"``
    no published table gives it; the reason is reported.

Optional keys: ``note``; ``known_discrepancy = "why"`` for a discrepancy of the
report itself, which then counts as explained; ``finding = "what"`` for an
inconsistency of the report that the record shows even where its own status is
fine (it is listed by `ondermijning_indicators._audit`); and ``[[figure.reading]]`` tables
(``label`` plus ``sum`` or ``metric``/``inputs``) for other readings of an
ambiguous sentence, each computed and reported in the note; with
``compare = false`` a reading is computed for information only (e.g. the value
per kilo that a printed street value implies), not compared with the phrase. A
file's ``edition`` key names the edition it belongs to.

A record that cannot be read or evaluated is reported as ``invalid`` with the
reason; it never stops the others.

The value of a record is always parsed from its phrase (`parse_phrase`),
never typed a second time; `compare` applies the rounding and qualifier
semantics of `ondermijning_indicators.published._semantics`.
"""

from ._phrase import Qualifier, Quantity, format_dutch, parse_phrase
from ._records import FigureRecord, Reading, Selection, load_records
from ._reproduce import reproduce_records, summarize
from ._semantics import Comparison, Semantics, Status, compare, compare_bounds

__all__ = [
    "Comparison",
    "FigureRecord",
    "Qualifier",
    "Quantity",
    "Reading",
    "Selection",
    "Semantics",
    "Status",
    "compare",
    "compare_bounds",
    "format_dutch",
    "load_records",
    "parse_phrase",
    "reproduce_records",
    "summarize",
]
