"""Exceptions and warnings of ondermijning-indicators.

Every error the library raises on purpose derives from `IndicatorError`,
so ``except IndicatorError`` catches them all. Each specific error also derives
from the builtin exception a Python user would expect, so ``except ValueError``
keeps working::

    IndicatorError (Exception)
    ├── InvalidInputError (ValueError)        a metric argument is unusable
    │   ├── NegativeCountError                a count below zero
    │   ├── PartExceedsWholeError             a part larger than its whole
    │   ├── ZeroDenominatorError              a share or ratio over zero
    │   │                                     (also ZeroDivisionError)
    │   └── MisalignedYearsError              years in one input, not the other
    ├── DataValidationError (ValueError)      a table breaks its schema
    ├── UnknownSampleError (KeyError)         no bundled table of that name
    │   └── UnknownEditionError               no bundled edition of that name
    ├── CatalogueError (ValueError)           a catalogue file is malformed
    ├── OutputExistsError (FileExistsError)   output would replace a file unasked
    ├── MetadataError (TypeError)             a metric's metadata is incomplete
    │   └── DuplicateMetricError              two metrics share an id
    ├── PhraseError (ValueError)              a Dutch quantity phrase is unreadable
    ├── SelectionError (ValueError)           a selection of cells is malformed or
    │                                         names a column the table lacks
    └── FigureRecordError (ValueError)        a published-figure record is malformed

    IndicatorWarning (UserWarning)
    └── UndefinedMetricWarning                a value set to NaN on request
                                              (``zero_division=nan``)
"""

from __future__ import annotations

__all__ = [
    "CatalogueError",
    "DataValidationError",
    "DuplicateMetricError",
    "FigureRecordError",
    "IndicatorError",
    "IndicatorWarning",
    "InvalidInputError",
    "MetadataError",
    "MisalignedYearsError",
    "NegativeCountError",
    "OutputExistsError",
    "PartExceedsWholeError",
    "PhraseError",
    "SelectionError",
    "UndefinedMetricWarning",
    "UnknownEditionError",
    "UnknownSampleError",
    "ZeroDenominatorError",
]


class IndicatorError(Exception):
    """Root of every error raised on purpose by ondermijning-indicators."""


class InvalidInputError(IndicatorError, ValueError):
    """A metric received an argument it cannot compute with."""


class NegativeCountError(InvalidInputError):
    """A count or amount that must be non-negative is below zero."""


class PartExceedsWholeError(InvalidInputError):
    """A part (numerator) is larger than the whole it belongs to."""


class ZeroDenominatorError(InvalidInputError, ZeroDivisionError):
    """A share or ratio was asked for with a denominator of zero."""


class MisalignedYearsError(InvalidInputError):
    """Two inputs indexed by year do not cover the same years."""


class DataValidationError(IndicatorError, ValueError):
    """A table breaks the rules of its schema.

    Attributes
    ----------
    table : str
        Name of the table that was validated.
    failures : pandas.DataFrame
        One row per failure: column, check, row, value and a message in words.
    """

    def __init__(self, message: str, *, table: str, failures: object) -> None:
        super().__init__(message)
        self.table = table
        self.failures = failures


class UnknownSampleError(IndicatorError, KeyError):
    """No bundled sample table has the requested name."""

    def __str__(self) -> str:  # KeyError quotes its argument; keep the sentence readable.
        return str(self.args[0]) if self.args else ""


class UnknownEditionError(UnknownSampleError):
    """No bundled edition has the requested name, and no folder has that path."""


class CatalogueError(IndicatorError, ValueError):
    """A catalogue file (``catalogue.toml``) is malformed; the message names file and key."""


class OutputExistsError(IndicatorError, FileExistsError):
    """Writing would replace an existing file; the caller did not ask for that (``--force``)."""


class MetadataError(IndicatorError, TypeError):
    """A metric was registered with incomplete or invalid metadata."""


class DuplicateMetricError(MetadataError):
    """Two metrics were registered under the same id."""


class PhraseError(IndicatorError, ValueError):
    """A printed Dutch quantity phrase could not be read."""


class SelectionError(IndicatorError, ValueError):
    """A selection of table cells (``table:column[key=value]``) cannot be read or applied."""


class FigureRecordError(IndicatorError, ValueError):
    """A published-figure record is malformed or refers to something unknown."""


class IndicatorWarning(UserWarning):
    """Root of the warnings issued by ondermijning-indicators."""


class UndefinedMetricWarning(IndicatorWarning):
    """A metric value is undefined (e.g. a zero denominator) and was set to NaN.

    Issued only when the caller asked for it with ``zero_division=numpy.nan``;
    by default an undefined value raises `ZeroDenominatorError`.
    """
