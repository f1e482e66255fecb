"""Reading and writing Dutch quantity phrases as the report prints them.

A phrase is an optional qualifier, a number in Dutch notation (or a Dutch number
word), an optional magnitude word and an optional unit::

    "81%"            0.81 (a share), printed to 1 percentage point
    "bijna 18%"      0.18, qualifier "bijna"
    "1.238"          1238 (the dot separates thousands)
    "3,5 miljard"    3.5e9 (the comma is the decimal mark), printed to 0.1e9
    "12,5 miljoen euro", "3327 kilo", "22 fte", "twee jaar", "bijna duizend"

Percentages are read as shares (``0.81``), so that they compare directly with
metrics whose unit is "share (0-1)".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from .._notation import DOT_NOT_THOUSANDS, DUTCH_NUMBER, Qualifier, format_number
from .._units import Unit
from ..errors import PhraseError

__all__ = ["Qualifier", "Quantity", "format_dutch", "parse_phrase"]


# Spelling variants, longest first so that "ruim meer dan" is not read as "ruim".
_QUALIFIER_WORDS: tuple[tuple[str, Qualifier], ...] = (
    ("ruim meer dan", Qualifier.MEER_DAN),
    ("meer dan", Qualifier.MEER_DAN),
    ("minder dan", Qualifier.MINDER_DAN),
    ("ten minste", Qualifier.TEN_MINSTE),
    ("tenminste", Qualifier.TEN_MINSTE),
    ("minstens", Qualifier.TEN_MINSTE),
    ("minimaal", Qualifier.TEN_MINSTE),
    ("maximaal", Qualifier.HOOGUIT),
    ("hooguit", Qualifier.HOOGUIT),
    ("ruimschoots", Qualifier.RUIMSCHOOTS),
    ("ongeveer", Qualifier.CIRCA),
    ("circa", Qualifier.CIRCA),
    ("ca.", Qualifier.CIRCA),
    ("zo'n", Qualifier.CIRCA),
    ("zo’n", Qualifier.CIRCA),
    ("rond", Qualifier.CIRCA),
    ("bijna", Qualifier.BIJNA),
    ("ruim", Qualifier.RUIM),
)

_MAGNITUDES: dict[str, Decimal] = {
    "duizend": Decimal(10**3),
    "miljoen": Decimal(10**6),
    "mln": Decimal(10**6),
    "mln.": Decimal(10**6),
    "miljard": Decimal(10**9),
    "mld": Decimal(10**9),
    "mld.": Decimal(10**9),
    "mrd": Decimal(10**9),
    "mrd.": Decimal(10**9),
}

# unit word -> (unit name, factor applied to the number)
_PERCENT = Decimal("0.01")
_ONE = Decimal(1)
_UNITS: dict[str, tuple[Unit, Decimal]] = {
    "%": (Unit.SHARE, _PERCENT),
    "procent": (Unit.SHARE, _PERCENT),
    "procentpunt": (Unit.SHARE, _PERCENT),
    "procentpunten": (Unit.SHARE, _PERCENT),
    "euro": (Unit.EUR, _ONE),
    "kilo": (Unit.KG, _ONE),
    "kg": (Unit.KG, _ONE),
    "ton": (Unit.KG, Decimal(1000)),
    "fte": (Unit.FTE, _ONE),
    "jaar": (Unit.YEAR, _ONE),
    "jaren": (Unit.YEAR, _ONE),
}

_NUMBER_WORDS: dict[str, int] = {
    "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
    "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17,
    "achttien": 18, "negentien": 19, "twintig": 20, "dertig": 30, "veertig": 40,
    "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90,
    "honderd": 100, "duizend": 1000,
}  # fmt: skip

_UNITS_WORDS = {k: v for k, v in _NUMBER_WORDS.items() if v < 10}
_TEEN_WORDS = {k: v for k, v in _NUMBER_WORDS.items() if 10 < v < 20}
"""Hundreds may be counted in teens: "twaalfhonderd" is 1200."""
_TENS_WORDS = {k: v for k, v in _NUMBER_WORDS.items() if v >= 20 and v < 100}


def _below_thousand(word: str) -> int | None:
    if not word:
        return 0
    if word in _NUMBER_WORDS and _NUMBER_WORDS[word] < 1000:
        return _NUMBER_WORDS[word]
    head, sep, tail = word.partition("honderd")
    if sep:
        hundreds = (_UNITS_WORDS.get(head) or _TEEN_WORDS.get(head)) if head else 1
        rest = _below_thousand(tail)
        if hundreds is None or rest is None or rest >= 100:
            return None
        return hundreds * 100 + rest
    for tens_word, tens in _TENS_WORDS.items():
        if word.endswith(tens_word):
            unit = word[: -len(tens_word)]
            for joiner in ("en", "ën"):
                if unit.endswith(joiner) and unit[: -len(joiner)] in _UNITS_WORDS:
                    return _UNITS_WORDS[unit[: -len(joiner)]] + tens
    return None


def number_word_value(word: str) -> int | None:
    """Return the value of a Dutch number word, 1 to 999.999; None if it is none.

    Examples
    --------
    >>> from ondermijning_indicators.published._phrase import number_word_value
    >>> number_word_value("twaalf"), number_word_value("vijfentwintig")
    (12, 25)
    >>> number_word_value("tweehonderdvijftig"), number_word_value("Drieduizend")
    (250, 3000)
    >>> number_word_value("tafel") is None
    True
    """
    word = word.lower()
    head, sep, tail = word.partition("duizend")
    if sep:
        thousands = _below_thousand(head) if head else 1
        rest = _below_thousand(tail)
        if not thousands or rest is None:
            return None
        return thousands * 1000 + rest
    value = _below_thousand(word)
    return value or None


# Dutch notation: optional sign, digits with thousands dots in groups of three (or
# none), optional decimal comma.
_ACHIEVED = {"behaald", "gehaald"}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A parsed printed quantity.

    Attributes
    ----------
    phrase : str
        The phrase as printed.
    value : float
        The number it states, in ``unit`` (percentages as shares).
    step : float
        The unit of the last printed digit, in the same scale as ``value``:
        0.01 for "81%", 1 for "1.238", 1e8 for "3,5 miljard". Half of it is the
        printed rounding.
    qualifier : Qualifier or None
        The word in front of the number, normalised ("ongeveer" becomes circa).
    unit : Unit
        The unit the phrase names (a percentage is `Unit.SHARE`), `Unit.NUMBER`
        when it names none.
    significance : float
        The unit of the last non-zero printed digit: 100 for "700", 10 for "250",
        equal to ``step`` when the number has decimals. A round number is often
        rounded further than its last digit; the qualifiers use this, the
        printed rounding uses ``step``.
    """

    phrase: str
    value: float
    step: float
    qualifier: Qualifier | None
    unit: Unit
    significance: float


def _parse_number(token: str, phrase: str) -> tuple[Decimal, Decimal]:
    """Return (value, step) of a Dutch number or number word, exactly."""
    n = number_word_value(token)
    if n is not None:
        # "twaalf" is exactly 12; a round word ("twintig", "honderd", "duizend") is
        # printed to its last part, like "20" in "ongeveer twintig": "honderdvijftig" to
        # tens, "tweehonderd" to hundreds
        step = 1
        while n >= 20 and n % (step * 10) == 0:
            step *= 10
        return Decimal(n), Decimal(step)
    if not DUTCH_NUMBER.match(token):
        hint = ""
        if DOT_NOT_THOUSANDS.match(token):
            hint = (
                f"; in Dutch notation a dot separates thousands in groups of three and "
                f"the comma is the decimal mark: did you mean {token.replace('.', ',')!r}?"
            )
        elif re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", token):
            hint = "; this looks like English notation: write 1.238 for 1238 and 3,5 for 3.5"
        raise PhraseError(f"cannot read the number {token!r} in phrase {phrase!r}{hint}")
    whole, _, frac = token.partition(",")
    value = Decimal(whole.replace(".", "") + "." + frac)  # "12." is 12
    return value, Decimal(1).scaleb(-len(frac))


def _significance(token: str, value: Decimal, step: Decimal) -> Decimal:
    """Return the unit of the last non-zero digit ("700" gives 100); with decimals, ``step``."""
    if "," in token:
        return step
    return Decimal(1).scaleb(int(value.normalize().as_tuple().exponent))


def parse_phrase(phrase: str) -> Quantity:
    """Parse a printed Dutch quantity phrase.

    Parameters
    ----------
    phrase : str
        The phrase exactly as printed, e.g. ``"bijna 18%"``, ``"1.238"``,
        ``"3,5 miljard euro"``, ``"ongeveer twintig"``, ``"ruimschoots behaald"``.

    Returns
    -------
    Quantity
        Value, printed step, qualifier and unit.

    Raises
    ------
    PhraseError
        If the phrase has no number, an unknown word, or a number that is not in
        Dutch notation (``"1.5"``: a dot can only separate groups of three digits).

    Examples
    --------
    >>> from ondermijning_indicators.published import parse_phrase
    >>> q = parse_phrase("bijna 18%")
    >>> q.value, q.step, str(q.qualifier), q.unit
    (0.18, 0.01, 'bijna', <Unit.SHARE: 'share (0-1)'>)
    >>> parse_phrase("1.238").value
    1238.0
    >>> parse_phrase("3,5 miljard euro").value
    3500000000.0
    >>> parse_phrase("1.5")
    Traceback (most recent call last):
    ...
    ondermijning_indicators.errors.PhraseError: cannot read the number '1.5' in phrase '1.5'; ...
    """
    if not isinstance(phrase, str) or not phrase.strip():
        raise PhraseError(f"a phrase must be non-empty text, got {phrase!r}")
    text = " ".join(phrase.split())
    rest = text.lower()
    qualifier: Qualifier | None = None
    for word, q in _QUALIFIER_WORDS:
        if rest == word or rest.startswith(word + " "):
            qualifier = q
            rest = rest[len(word) :].strip()
            break
    if rest in _ACHIEVED:
        # "ruimschoots behaald": a target (attainment 1) reached, with a qualifier.
        # "behaald" alone claims the target was reached: attainment of at least 1.
        return Quantity(phrase, 1.0, 1.0, qualifier or Qualifier.TEN_MINSTE, Unit.ATTAINMENT, 1.0)
    euro_prefix = rest.startswith("€")
    if euro_prefix:
        rest = rest[1:].strip()
    # Split a glued percent sign: "81%" -> "81 %".
    tokens = re.sub(r"(?<=\d)%", " %", rest).split()
    if not tokens:
        raise PhraseError(f"no number in phrase {phrase!r}")
    value, step = _parse_number(tokens[0], phrase)
    significance = _significance(tokens[0], value, step)
    tokens = tokens[1:]
    if tokens and tokens[0] in _MAGNITUDES:
        factor = _MAGNITUDES[tokens[0]]
        value, step, significance = value * factor, step * factor, significance * factor
        tokens = tokens[1:]
    unit = Unit.EUR if euro_prefix else Unit.NUMBER
    if tokens:
        if len(tokens) > 1 or tokens[0] not in _UNITS:
            known = ", ".join(sorted(_UNITS))
            raise PhraseError(
                f"cannot read {' '.join(tokens)!r} in phrase {phrase!r}: after the number "
                f"a phrase may have a magnitude (duizend, miljoen, miljard) and one unit "
                f"({known}); leave other words out of the phrase"
            )
        unit, factor = _UNITS[tokens[0]]
        if euro_prefix and unit is not Unit.EUR:
            raise PhraseError(f"phrase {phrase!r} has both '€' and the unit {tokens[0]!r}")
        value, step, significance = value * factor, step * factor, significance * factor
    # Decimal arithmetic above keeps "18%" at exactly 0.18 (not 0.18000000000000002).
    return Quantity(phrase, float(value), float(step), qualifier, unit, float(significance))


def format_dutch(value: float, decimals: int = 0) -> str:
    """Format a number in Dutch notation: thousands dot, decimal comma.

    Examples
    --------
    >>> from ondermijning_indicators.published import format_dutch
    >>> format_dutch(1238)
    '1.238'
    >>> format_dutch(3.5, 1)
    '3,5'
    >>> format_dutch(-1234567.891, 2)
    '-1.234.567,89'
    """
    if not math.isfinite(value):
        raise ValueError(f"cannot format {value!r} as a Dutch number")
    return format_number(value, decimals=decimals)  # Dutch: the default
