"""Finding every number of a draft: figures, claims, and what is not a figure.

The text is read in two passes. The first marks what holds digits but states no
quantity (a date, a year, a footnote mark, a law, section, page or Kamerstuk number, a
phone number, a web address, a code such as "COVID-19", a running header); each is a
row with the reason. The second takes every other digit run and Dutch number word
(an *atom*) and grows it into the phrase it belongs to: the qualifier in front
("bijna", "ruim", "meer dan", ...), a magnitude and a unit after it ("miljoen euro",
"%", "kilo", "fte", "jaar"), and the claim around it: a range ("10 à 15 procent"), a
fraction ("twee op de drie", "een kwart"), a multiple ("1,2 keer zo veel",
"verdubbeld"), a percentage change ("steeg met bijna 48%") or a realisation ("bijna
130% van de doelstelling", "ruimschoots behaald"). Nothing is dropped: an atom that
fits no pattern is still a figure of its own.

The plain article "een" is not read as a number, except in "een extra"; "één" always
is.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from .._notation import DUTCH_NUMBER, Qualifier
from .._units import Unit
from ..errors import PhraseError
from ..published import Quantity, Semantics, parse_phrase
from ..published._phrase import number_word_value
from ._draft import Draft

__all__ = ["NUMBER_WORD", "Claim", "Kind", "Span", "find_numbers"]


class Kind(enum.StrEnum):
    """What a number-bearing span of a draft states."""

    NUMBER = "number"
    PERCENTAGE = "percentage"
    AMOUNT = "amount"
    RANGE = "range"
    FRACTION = "fraction"
    MULTIPLE = "multiple"
    CHANGE = "change"
    REALISATION = "realisation"
    NOT_A_FIGURE = "not_a_figure"


class Claim(enum.StrEnum):
    """The conclusion a phrase draws, which the data can reverse."""

    UP = "rise"
    DOWN = "fall"
    MET = "target met"
    MISSED = "target missed"
    MULTIPLE = "multiple"


@dataclass(frozen=True, slots=True)
class Span:
    """One number-bearing span of a draft.

    ``quantity`` is the plain quantity inside it (qualifier, number, magnitude, unit),
    as `ondermijning_indicators.published.parse_phrase` reads it, when it has one;
    ``value`` is what the whole span states (a change downwards is negative, a fraction
    a share, a realisation an attainment); ``high`` the upper end of a range.
    """

    start: int
    end: int
    phrase: str
    kind: Kind
    value: float
    unit: Unit | None = None
    quantity: Quantity | None = None
    claim: Claim | None = None
    high: float | None = None
    reason: str = ""
    problem: str = ""
    core: tuple[int, int] | None = None


_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_SMALL = "een|één|eén|twee|drie|vier|vijf|zes|zeven|acht|negen"
_TEENS = "tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien"
_TENS = "twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig"
_BELOW_100 = rf"(?:(?:{_SMALL})[eë]n(?:{_TENS})|{_TENS}|{_TEENS}|{_SMALL})"
_BELOW_1000 = rf"(?:(?:(?:{_SMALL}|{_TEENS})?honderd)(?:{_BELOW_100})?|{_BELOW_100})"
NUMBER_WORD = re.compile(
    # (the look-ahead at the first letter lets the scan pass other words at once)
    rf"(?<![\w])(?=[eéadhnvzt])(?:(?:(?:{_BELOW_1000})?duizend)(?:{_BELOW_1000})?|{_BELOW_1000})"
    r"(?![\w])",
    re.IGNORECASE,
)
"""A Dutch number word, one to 999.999 ("twaalf", "vijfentwintig", "tweehonderd")."""

_ATOM = re.compile(
    r"(?:(?<![\w.,)\]%-])[-−+](?=\d))?(?:\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:,\d+)?|\d(?:[\d.,]*\d)?)"
    rf"|{NUMBER_WORD.pattern}",
    re.IGNORECASE,
)
"""A digit run (with a sign, thousands dots or thin spaces, a decimal comma), or a number
word; a number word broken at a line's end ("twee-\\nhonderd") is `_BROKEN`'s."""
_LINE_END_HYPHEN = re.compile(r"-[ \t]*\n[ \t]*")
_WORD_END = re.compile(r"[^\W\d_]+$")
_BROKEN = re.compile(r"[^\W\d_]+-[ \t]*\n[ \t]*[^\W\d_]+(?![\w])")

_QUALIFIERS = (
    r"ruim\s+meer\s+dan|meer\s+dan|minder\s+dan|ten\s+minste|tenminste|minstens|minimaal"
    r"|maximaal|hooguit|ruimschoots|ongeveer|circa|ca\.|zo['’]n|rond|bijna|ruim"
)
_BEFORE = re.compile(
    rf"(?:(?<![\w])(?P<q>{_QUALIFIERS})\s+)?(?P<eur>€\s*)?(?P<emph>[*_]{{1,3}})?$", re.IGNORECASE
)
_AFTER = re.compile(
    r"^(?P<mag>\s+(?:duizend|miljoen|miljard)(?![\w])|\s*(?:mln\.?|mld\.?|mrd\.?)(?![\w]))?"
    r"(?P<unit>\s*%|\s*(?:kg|fte)(?![\w])"
    r"|\s+(?:procentpunten|procentpunt|procent|euro|kilo|ton|jaren|jaar)(?![\w]))?",
    re.IGNORECASE,
)
_UP = (
    r"steeg|stegen|gestegen|stijging|stijgt|stijgen|toename|toegenomen|nam\s+toe|namen\s+toe"
    r"|groei|groeide|groeiden|gegroeid|groeit"
)
_DOWN = (
    r"daalde|daalden|gedaald|daling|daalt|dalen|afname|afgenomen|nam\s+af|namen\s+af"
    r"|kromp|gekrompen"
)
_CHANGE_BEFORE = re.compile(
    rf"(?<![\w])(?:(?P<up>{_UP})|(?P<down>{_DOWN})|(?P<split>nam|namen|neemt|nemen))"
    rf"(?:\s+[^\s.;:]+){{0,8}}?\s+(?P<conn>met|van)\s+$",
    re.IGNORECASE,
)
_SPLIT_END = re.compile(r"^\s+(?:(?P<up>toe)|(?P<down>af))(?![\w])", re.IGNORECASE)
"""The particle that ends a split verb: "nam in 2022 met 14% toe"."""
_TO_LEVEL = re.compile(r"^(?:\s+[^\s.;:]+){0,3}?\s+(?:naar|tot)\s", re.IGNORECASE)
"""From one level to another ("daalde van 81,4% in 2021 naar 80,7%"): two levels, no change."""
_CHANGE_AFTER = re.compile(
    r"^\s+(?:(?P<up>hoger|meer|groter)|(?P<down>lager|minder|kleiner))(?![\w])"
    r"(?!\s+dan\s+(?:de\s+)?(?:doelstelling|norm))",
    re.IGNORECASE,
)
_TARGET = (
    r"(?:de\s+|het\s+)?(?:doelstelling(?:en)?|doel|norm|streefwaarde|ambitie|beslagdoelstelling)"
)
_OF_TARGET = re.compile(
    rf"^\s+van\s+{_TARGET}(?:\s+(?:is\s+|werd\s+|wordt\s+)?(?:gerealiseerd|behaald|gehaald))?"
    r"(?![\w])",
    re.IGNORECASE,
)
_REACHED_AFTER = re.compile(
    r"^\s+(?:is\s+|werd\s+|wordt\s+)?(?:gerealiseerd|behaald|gehaald)(?![\w])", re.IGNORECASE
)
"""After a percentage: "voor 91% gerealiseerd" (of a target the sentence names)."""
_REALISED = re.compile(
    rf"(?<![\w])(?:(?P<not>niet)\s+)?(?:(?P<q>ruimschoots|ruim|ver|net|nipt|royaal)\s+)?"
    rf"(?:(?P<met>behaald|gehaald|gerealiseerd)"
    rf"|(?P<above>boven|hoger\s+dan)\s+{_TARGET}|(?P<below>onder|lager\s+dan)\s+{_TARGET})"
    rf"(?![\w])",
    re.IGNORECASE,
)
_SHARE_BEFORE = re.compile(r"\d\s*(?:%|procent)[^.;]*$", re.IGNORECASE)
_TARGET_NEAR = re.compile(rf"{_TARGET}(?![\w])", re.IGNORECASE)
_MULTIPLE_AFTER = re.compile(
    r"^\s*(?:keer|maal|x)\s+(?:zo\s+(?:veel|groot|hoog)|zoveel|zo\s+veel|meer|groter|hoger)(?![\w])",
    re.IGNORECASE,
)
_MULTIPLE_WORDS = {
    "verdubbel": 2.0,
    "verdrievoudig": 3.0,
    "verviervoudig": 4.0,
    "vervijfvoudig": 5.0,
    "vertienvoudig": 10.0,
    "halvering": 0.5,
    "gehalveerd": 0.5,
    "halveerde": 0.5,
}
_MULTIPLE_WORD = re.compile(
    rf"(?<![\w])(?:(?P<q>{_QUALIFIERS})\s+)?"
    r"(?P<w>(?:ver(?:dubbel|drievoudig|viervoudig|vijfvoudig|tienvoudig))\w*|halvering|gehalveerd|halveerde)",
    re.IGNORECASE,
)
_FRACTION_WORDS = {"helft": 2, "derde": 3, "kwart": 4, "vijfde": 5, "tiende": 10}
_FRACTION = re.compile(
    rf"(?<![\w])(?:(?P<q>{_QUALIFIERS})\s+)?(?:(?P<half>de\s+helft|driekwart)"
    rf"|(?P<num>{_SMALL}|\d+)\s*(?P<den>derde|kwart|vijfde|tiende)"
    rf"|(?P<a>{_BELOW_100}|\d+)\s+(?:op|van)\s+de\s+(?P<b>{_BELOW_1000}|\d+)"
    rf"|(?<![\d.,/])(?P<sa>\d{{1,2}})/(?P<sb>\d{{1,3}})(?![\d/]))(?![\w])",
    re.IGNORECASE,
)
_RANGE = re.compile(r"^\s*(?:à|a|tot|-|–|en)\s*$", re.IGNORECASE)

# --- what holds digits but is not a figure -------------------------------------------------

_NOT_A_FIGURE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:https?://|www\.)\S*[^\s.,;:)]", re.IGNORECASE), "web address"),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"), "e-mail address"),
    (
        re.compile(rf"(?<![\w])\d{{1,2}}\s+(?:{_MONTHS})(?:\s+(?:19|20)\d\d)?(?![\w])", re.I),
        "date",
    ),
    (re.compile(rf"(?<![\w])(?:{_MONTHS})\s+(?:19|20)\d\d(?![\w])", re.I), "date (month and year)"),
    (re.compile(r"(?<![\w.,])\d{1,2}[-/]\d{1,2}[-/](?:19|20)?\d\d(?![\w])"), "date"),
    (re.compile(r"(?<![\w.,])\d{1,2}[.]\d{2}\s*uur(?![\w])", re.I), "time of day"),
    (re.compile(r"(?<![\w.,:])\d{1,2}:\d{2}(?:\s*uur)?(?![\w:]|[.,]\d)", re.I), "time of day"),
    (re.compile(r"\[\^\d+\]"), "footnote mark"),
    (
        re.compile(r"(?<![\w])\d{2}\s?\d{3}(?:-[A-Z]+)?,\s*nr\.\s*\d+(?![\w])"),
        "Kamerstuk number (parliamentary paper)",
    ),
    (re.compile(r"(?<![\w])(?:nr|nummer|no)\.?\s*\d+[a-z]?(?![\w])", re.I), "document number"),
    (
        re.compile(
            r"(?<![\w])(?:artikel(?:en)?|art\.|lid|leden|boek|titel|hoofdstuk|paragraaf|§"
            r"|bijlage|onderdeel|afdeling|sub)\s*\d+[a-z]?(?:[.:]\d+[a-z]?)*(?![\w])",
            re.I,
        ),
        "article, law or section number",
    ),
    (re.compile(r"(?<![\w])\d+:\d+[a-z]?\s+(?:BW|Awb|Sr|Sv|Wft)(?![\w])"), "article of a code"),
    (
        re.compile(r"(?<![\w])(?:pagina|blz\.|p\.)\s*\d+(?:\s*-\s*\d+)?(?![\w])", re.I),
        "page number",
    ),
    (re.compile(r"(?:\+31|(?<![\w.,])0\d{1,3})[\s-]?\d{6,8}(?![\w]|[.,]\d)"), "phone number"),
    (
        re.compile(r"(?<![\w.,])[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\w-])(?=\s+[A-Z][a-z])"),
        "postcode",
    ),
    (
        re.compile(r"(?<![\w.,])(?:in|x|×)\s+(?:€\s*1\.000|1\.000\s+euro)(?![\w]|[.,]\d)", re.I),
        "the unit of a table (amounts in thousands)",
    ),
    (re.compile(r"(?<![\w.,])\d+(?:e|ste|de)(?![\w])"), "ordinal (a rank, not a quantity)"),
    (
        re.compile(
            r"(?<=[A-Za-z] )\d\.0(?![\w%]|[.,]\d"
            r"|\s*(?:%|procent|miljoen|miljard|duizend|mln|mld|euro|kilo|kg|fte|jaar))"
        ),
        "version number (e.g. Jongerenwerk 3.0)",
    ),
    (re.compile(r"(?<![\w.,])24/7(?![\w])"), "around the clock (24/7)"),
    (re.compile(r"(?<![\w])één\s+op\s+één(?![\w])", re.I), "one-to-one (één op één), not a count"),
    (
        re.compile(r"[<>≤≥]\s*\d+(?:,\d+)?\s+jaar(?![\w])"),
        "the bound of a class (a category label)",
    ),
    (re.compile(r"(?m)^[ \t]*\d{1,2}[.)](?=[ \t]+[A-Z])"), "list number"),
    (
        re.compile(
            r"(?<=[A-Za-z])-?\d+(?:[.,]\d+)*"
            r"|\d+(?:[.,]\d+)*-?(?=[A-Za-z])(?!(?:e|ste|de|mln|mld|mrd|kg|fte|x)\b)"
        ),
        "part of a name, word or code (e.g. COVID-19, G4)",
    ),
    (re.compile(r"(?m)^[ \t]*#{1,6}[ \t]*\d+(?:\.\d+)*\.?(?=\s)"), "section number"),
    (
        re.compile(r"(?m)^[ \t]*(?!\d{1,3}(?:\.\d{3})+(?![\d.]))\d+(?:\.\d+)+\.?(?=[ \t]+[A-Z])"),
        "section number",
    ),
    (
        re.compile(r"(?<![\w.,])(?:19|20)\d\d\s*[-–/]\s*(?:19|20)?\d\d(?![\w.,])"),
        "years (a period)",
    ),
)

_EMAIL = _NOT_A_FIGURE[1][0]
_NEAR_DIGITS = frozenset(
    pattern
    for pattern, reason in _NOT_A_FIGURE
    if reason not in ("web address", "e-mail address", "one-to-one (één op één), not a count")
)
"""The patterns whose every match holds a digit within reach: the rest scan the whole text."""

_FOOTNOTE_MARK = (
    re.compile(r"(?<=[a-zà-ÿ)’'\"”]\.)\d{1,2}(?=\s|$)"),
    re.compile(r"(?<=[a-zà-ÿ]{3})\d{1,2}(?=[\s.,;:]|$)"),
    re.compile(r"(?<=(?<![\d.,])(?:19|20)\d\d\.)\d{1,2}(?=\s|$)"),
)
_FOOTNOTE_TEXT = re.compile(r"(?m)^[ \t]?(\d{1,2})[ \t]+(?=[A-Z]|www\.|http)")
_FOOTNOTE_START = re.compile(r"www\.|https?:|Zie\b|Tweede Kamer|Kamerstuk|Bron\b")
_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_BEFORE = re.compile(
    r"(?:(?<![\w])(?:in|sinds|vanaf|van|tot|t/m|tm|en|of|jaar|jaren|eind|begin|medio"
    r"|halverwege|voorjaar|najaar|zomer|winter|over|per|voor|na|uit|met|tussen|dit|het|rond"
    r"|peiljaar|kalenderjaar|boekjaar|jaarverslag|jaarbericht|editie|begroting|nota|akkoord"
    r"|agenda|voorjaarsnota|najaarsnota|coalitieakkoord|regeerakkoord|veiligheidsagenda"
    rf"|{_MONTHS})\s*[(\[]?|^|[(\[/–-]|(?<![\d.,])(?:19|20)\d\d)\s*$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"[ \t]+([a-zà-ÿ’']+)")
_PLURAL = re.compile(r"[a-zà-ÿ]{3,}(?:en|’s|'s|s)")
_NOT_NOUNS = frozenset(
    [
        "tegen",
        "binnen",
        "buiten",
        "boven",
        "beneden",
        "zonder",
        "sinds",
        "volgens",
        "tijdens",
        "wegens",
        "omtrent",
        "alsmede",
        "waren",
        "werden",
        "hebben",
        "zijn",
        "kunnen",
        "moeten",
        "worden",
        "bleven",
        "lagen",
        "stegen",
        "daalden",
        "gingen",
        "kwamen",
        "zullen",
        "willen",
        "mogen",
        "konden",
        "zouden",
        "waarin",
        "waarbij",
        "waardoor",
        "is",
        "was",
    ]
)
"""Words after a year that end like a plural noun but are none."""
_YEAR_AFTER = re.compile(
    r"\s*(?:[.,;:!?)\]’'/–-]|$|\n|(?:en|tot|t/m|of)(?![\w])|(?:19|20)\d\d(?![\d])|[A-Z])"
)


def _a_year(text: str, start: int, end: int) -> bool:
    """Tell whether 19xx or 20xx here names a year.

    A year follows "in", "sinds", a month ... or stands before a stop, another year or a
    capital; "In totaal werden 2017 verdachten" is a count.
    """
    if _YEAR_BEFORE.search(text, max(0, start - 30), start) or _YEAR_AFTER.match(text, end):
        return True
    word = _NEXT_WORD.match(text, end)
    # "2017 verdachten": before a plural noun, a count (one the house style would print 2.017)
    return not (word and _PLURAL.fullmatch(word.group(1)) and word.group(1) not in _NOT_NOUNS)


_DIGIT_RUNS = re.compile(r"\d+")
_BEFORE_DIGIT, _AFTER_DIGIT = 40, 60
"""How far a not-a-figure pattern reaches before its first digit ("september ", "artikel ")
and after its last ("uur", " euro"): the windows around the text's digits hold every match."""


def _digit_windows(text: str) -> list[tuple[int, int]]:
    """Return the stretches of the text around its digits, those close together merged."""
    windows: list[tuple[int, int]] = []
    for m in _DIGIT_RUNS.finditer(text):
        lo, hi = max(0, m.start() - _BEFORE_DIGIT), min(len(text), m.end() + _AFTER_DIGIT)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def _after_a_break(text: str, line_start: int) -> bool:
    """Tell whether the line before ``line_start`` is empty or ends a sentence (not wrapped)."""
    before = text[max(0, line_start - 200) : line_start].rstrip(" \t")
    if not before.endswith("\n"):
        return line_start == 0
    previous = before[:-1].rstrip()
    return not previous or previous.endswith((".", "!", "?", ":", ";", ")", "”", '"', "’"))


def _zones(
    draft: Draft, extra: Iterable[tuple[re.Pattern[str], str]]
) -> list[tuple[int, int, str]]:
    """Spans of the text that hold digits but state no quantity, with the reason."""
    text = draft.text
    zones = [(a, b, "page header or footer") for a, b in draft.furniture]
    marks: set[str] = set()
    for pattern in _FOOTNOTE_MARK:
        for m in pattern.finditer(text):
            zones.append((m.start(), m.end(), "footnote mark"))
            marks.add(m.group())
    for m in _FOOTNOTE_TEXT.finditer(text):
        if _FOOTNOTE_START.match(text, m.end()) or (
            m.group(1) in marks and _after_a_break(text, m.start())
        ):
            zones.append((m.start(1), m.end(1), "footnote mark (start of the footnote)"))
    if draft.kind == "markdown":
        for m in re.finditer(r"(?m)^[ \t]*\d+[.)](?=[ \t])", text):
            zones.append((m.start(), m.end(), "list number"))
    windows = _digit_windows(text)
    for pattern, reason in (*extra, *_NOT_A_FIGURE):
        found: Iterable[re.Match[str]]
        if pattern in _NEAR_DIGITS:  # a match holds a digit: look only near the digits
            found = (m for a, b in windows for m in pattern.finditer(text, a, b))
        elif pattern is _EMAIL and "@" not in text:
            continue
        else:
            found = pattern.finditer(text)
        zones.extend((m.start(), m.end(), reason) for m in found if m.group())
    zones.sort(key=lambda z: (z[0], -(z[1] - z[0])))
    merged: list[tuple[int, int, str]] = []
    for a, b, reason in zones:
        if merged and a < merged[-1][1]:
            continue  # inside or across an earlier zone: that zone holds it
        merged.append((a, b, reason))
    return merged


_EXTRA = re.compile(r"\s+extra(?![\w])", re.IGNORECASE)


def _broken(text: str) -> list[re.Match[str]]:
    r"""Return the number words broken at a line's end ("twee-\\nhonderd"), found by the break."""
    out = []
    for m in _LINE_END_HYPHEN.finditer(text):
        head = _WORD_END.search(text, max(0, m.start() - 30), m.start())
        if head is None or (head.start() and (text[head.start() - 1].isalnum())):
            continue
        word = _BROKEN.match(text, head.start())
        if word and number_word_value(re.sub(r"-\s*", "", word.group())) is not None:
            out.append(word)
    return out


def _atoms(text: str) -> Iterator[re.Match[str]]:
    """Yield every digit run and number word, and each number word broken at a line's end."""
    broken = _broken(text)
    taken = [(m.start(), m.end()) for m in broken]
    found: list[re.Match[str]] = list(broken)
    for m in _ATOM.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue  # a part of "twee-\nhonderd"
        word = m.group()
        if word[0] in "0123456789-−+" or number_word_value(word) is not None:
            if word.lower() == "een" and not _EXTRA.match(text, m.end()):
                continue  # the article
            found.append(m)
    if broken:
        found.sort(key=lambda m: m.start())
    yield from found


def _free_atoms(text: str, scanner: _Scanner) -> Iterator[re.Match[str]]:
    """Yield the atoms outside every zone.

    Of an atom partly inside one ("2026.13", a year and a footnote mark), the digit runs
    outside it.
    """
    for m in _atoms(text):
        if scanner.free(m.start(), m.end()):
            yield m
            continue
        for sub in _DIGIT_RUN.finditer(text, m.start(), m.end()):
            if scanner.free(sub.start(), sub.end()):
                yield sub
            else:
                for part in _DIGITS.finditer(text, sub.start(), sub.end()):
                    if scanner.free(part.start(), part.end()):
                        yield part


_DIGIT_RUN = re.compile(r"\d+(?:[.,]\d+)*")
_DIGITS = re.compile(r"\d+")


def _clean(text: str) -> str:
    """Return the text as printed, its line breaks and runs of spaces made one space."""
    return _SPACES.sub(" ", text).strip(" ")


_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_READ_AS = (
    (re.compile(r"−"), "-"),  # the minus sign
    (re.compile(r"[*_]"), ""),  # Markdown emphasis
    (re.compile(r"(?<=[^\W\d_])-\s+(?=[^\W\d_])"), ""),  # a word broken at a line's end
    (re.compile(r"(?<=\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))"), "."),  # a thin space for thousands
    (re.compile(r"(?<=\d)(?=[^\W\d_])"), " "),  # a unit glued on: "246mln", "500kg"
)


def _quantity(phrase: str) -> tuple[Quantity | None, str]:
    """Parse a phrase as printed, read the way `parse_phrase` reads a phrase."""
    for pattern, replacement in _READ_AS:
        phrase = pattern.sub(replacement, phrase)
    try:
        return parse_phrase(phrase), ""
    except PhraseError as exc:
        return None, str(exc)


@dataclass
class _Scanner:
    draft: Draft
    zones: list[tuple[int, int, str]]

    def __post_init__(self) -> None:
        self.text = self.draft.text
        self.mask = bytearray(len(self.text))
        """1 for each character a row holds already."""
        for a, b, _ in self.zones:
            self.take(a, b)

    def take(self, a: int, b: int) -> None:
        self.mask[a:b] = b"\x01" * (b - a)

    def free(self, a: int, b: int) -> bool:
        return self.mask.find(1, a, b) < 0

    def figure(self, m: re.Match[str]) -> Span:
        """Grow one atom into its phrase and claim."""
        text = self.text
        a, b = m.start(), m.end()
        before = _BEFORE.search(text[max(0, a - 40) : a])
        start = a
        if before and before.group():
            start = a - len(before.group())
        after = _AFTER.match(text[b : b + 40])
        end = b + (len(after.group()) if after else 0)
        emphasis = before.group("emph") if before else None
        if emphasis and text.startswith(emphasis, end):
            end += len(emphasis)  # "ruim **81%**": the closing mark of the emphasis
        core = (start, end)
        phrase = _clean(text[start:end])
        quantity, problem = _quantity(phrase)
        token = m.group()
        if quantity is None and token[0].isdigit() and not DUTCH_NUMBER.match(token):
            return Span(start, end, phrase, Kind.NUMBER, math.nan, problem=problem, core=core)
        if quantity is None:
            # a unit the phrase grammar does not combine ("€ 5 procent"): the number alone
            start, end, core = a, b, (a, b)
            phrase = _clean(token)
            quantity, problem = _quantity(phrase)
            if quantity is None:
                return Span(a, b, phrase, Kind.NUMBER, math.nan, problem=problem, core=core)
        kind = (
            Kind.PERCENTAGE
            if quantity.unit is Unit.SHARE
            else Kind.NUMBER
            if quantity.unit is Unit.NUMBER
            else Kind.AMOUNT
        )
        span = Span(start, end, phrase, kind, quantity.value, quantity.unit, quantity, core=core)
        return self.claim(span)

    def claim(self, span: Span) -> Span:
        """Widen a plain quantity to the claim it is part of."""
        text, q = self.text, span.quantity
        assert q is not None
        tail = text[span.end : span.end + 80]
        if q.unit is Unit.SHARE:
            target = _OF_TARGET.match(tail)
            if not target and _TARGET_NEAR.search(text, max(0, span.start - 120), span.start):
                target = _REACHED_AFTER.match(tail)
            if target:
                end = span.end + target.end()
                low, high, _, high_closed = Semantics().interval(q)
                claim = (
                    Claim.MET
                    if low >= 1
                    else Claim.MISSED
                    if high < 1 or (high == 1 and not high_closed)
                    else None  # "circa 100%": neither met nor missed
                )
                return _replace(span, end, text, Kind.REALISATION, q.value, Unit.ATTAINMENT, claim)
            points = "procentpunt" in span.phrase.lower()
            unit = Unit.SHARE if points else Unit.RELATIVE_CHANGE  # points: a difference of shares
            start_at = max(0, span.start - 140)
            head = _CHANGE_BEFORE.search(text[start_at : span.start])
            if head and head.group("conn").lower() == "van" and _TO_LEVEL.match(tail):
                head = None  # "daalde van 81,4% in 2021 naar 80,7%": levels, not a change
            end = span.end
            if head and head.group("split"):
                particle = _SPLIT_END.match(tail)
                up = bool(particle and particle.group("up"))
                end = span.end + particle.end() if particle else end
                head = head if particle else None
            elif head:
                up = bool(head.group("up"))
            if head:
                return _replace(
                    span,
                    end,
                    text,
                    Kind.CHANGE,
                    q.value if up else -q.value,
                    unit,
                    Claim.UP if up else Claim.DOWN,
                    start=start_at + head.start(),
                )
            after = _CHANGE_AFTER.match(tail)
            if after:
                up = bool(after.group("up"))
                return _replace(
                    span,
                    span.end + after.end(),
                    text,
                    Kind.CHANGE,
                    q.value if up else -q.value,
                    unit,
                    Claim.UP if up else Claim.DOWN,
                )
        if q.unit is Unit.NUMBER:
            times = _MULTIPLE_AFTER.match(tail)
            if times:
                return _replace(
                    span, span.end + times.end(), text, Kind.MULTIPLE, q.value, Unit.FACTOR,
                    Claim.MULTIPLE,
                )  # fmt: skip
        return span

    def ranges(self, spans: list[Span]) -> list[Span]:
        """Join "10 à 15 procent", "tussen 10 en 15%": two figures and a connector."""
        out: list[Span] = []
        for span in spans:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.quantity is not None
                and span.quantity is not None
                and prev.kind in (Kind.NUMBER, Kind.PERCENTAGE, Kind.AMOUNT)
                and span.kind in (Kind.NUMBER, Kind.PERCENTAGE, Kind.AMOUNT)
                and _RANGE.match(self.text[prev.end : span.start])
                and prev.quantity.qualifier is None
                and span.quantity.qualifier is None
                and (prev.quantity.unit is Unit.NUMBER or prev.quantity.unit is span.quantity.unit)
            ):
                connector = self.text[prev.end : span.start].strip().lower()
                if connector == "en" and not re.search(
                    r"tussen\s+$", self.text[max(0, prev.start - 10) : prev.start], re.I
                ):
                    out.append(span)
                    continue
                if connector == "en":
                    prev_start = prev.start - len(
                        re.search(
                            r"tussen\s+$", self.text[max(0, prev.start - 10) : prev.start], re.I
                        ).group()  # type: ignore[union-attr]
                    )
                else:
                    prev_start = prev.start
                unit = span.quantity.unit
                # "10 à 15 procent": the first number takes the second's scale and unit
                number = re.search(r"\d[\d.,]*|[^\W\d]+", span.phrase)
                bare = _quantity(number.group())[0] if number else None
                factor = span.value / bare.value if bare and bare.value else 1.0
                low = prev.value * factor if prev.quantity.unit is Unit.NUMBER else prev.value
                if not low < span.value:
                    out.append(span)
                    continue
                out[-1] = Span(
                    prev_start,
                    span.end,
                    _clean(self.text[prev_start : span.end]),
                    Kind.RANGE,
                    low,
                    unit,
                    span.quantity,
                    high=span.value,
                    core=(prev_start, span.end),
                )
                continue
            out.append(span)
        return out


def _replace(
    span: Span,
    end: int,
    text: str,
    kind: Kind,
    value: float,
    unit: Unit,
    claim: Claim | None,
    *,
    start: int | None = None,
) -> Span:
    start = span.start if start is None else start
    return Span(
        start, end, _clean(text[start:end]), kind, value, unit, span.quantity, claim,
        core=span.core,
    )  # fmt: skip


def _word_value(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    value = number_word_value(word)
    return None if value is None else float(value)


def _special(scanner: _Scanner) -> list[Span]:
    """Fractions, multiple words and realisations: claims that need no plain quantity."""
    text, out = scanner.text, []
    for m in _FRACTION.finditer(text):
        if m.group("half"):
            value = 0.5 if m.group("half").lower().startswith("de") else 0.75
        elif m.group("sa"):
            part, whole = int(m.group("sa")), int(m.group("sb"))
            if not 0 < part < whole:
                continue
            value = part / whole
        elif m.group("num"):
            num = _word_value(m.group("num").lower())
            value = (num or 0) / _FRACTION_WORDS[m.group("den").lower()]
        else:
            a, b = _word_value(m.group("a").lower()), _word_value(m.group("b").lower())
            if a is None or not b or a > b:
                continue
            value = a / b
        qualifier = m.group("q")
        start = m.start() if qualifier else m.start() + (m.group().find(m.group().lstrip()))
        if qualifier:
            start = m.start()
        if scanner.free(start, m.end()):
            # a fraction word is a round share: "een kwart" stands for 20-30%
            q = Quantity(_clean(m.group()), value, 0.1, _qualifier(qualifier), Unit.SHARE, 0.1)
            out.append(Span(start, m.end(), _clean(m.group()), Kind.FRACTION, value, Unit.SHARE, q))
    for m in _MULTIPLE_WORD.finditer(text):
        stem = next(k for k in _MULTIPLE_WORDS if m.group("w").lower().startswith(k))
        value = _MULTIPLE_WORDS[stem]
        if scanner.free(m.start(), m.end()):
            # "verdubbeld" is a factor of about two: [1,5; 2,5)
            q = Quantity(_clean(m.group()), value, 1.0, _qualifier(m.group("q")), Unit.FACTOR, 1.0)
            out.append(
                Span(
                    m.start(),
                    m.end(),
                    _clean(m.group()),
                    Kind.MULTIPLE,
                    value,
                    Unit.FACTOR,
                    q,
                    Claim.MULTIPLE,
                )
            )
    for m in _REALISED.finditer(text):
        if m.group("met"):
            sentence = text[max(0, m.start() - 200) : m.end() + 40]
            if not _TARGET_NEAR.search(sentence):
                continue  # "behaald" of something that is not a target
            if _SHARE_BEFORE.search(text, max(0, m.start() - 80), m.start()):
                continue  # "91% van de doelstelling gerealiseerd": the percentage's claim
        if not scanner.free(m.start(), m.end()):
            continue
        negated = bool(m.group("not"))
        met = bool(m.group("met") or m.group("above")) != negated
        qualifier = (m.group("q") or "").lower()
        value = 1.0
        if not met:
            q_word = Qualifier.MINDER_DAN  # missed: below the target
        elif qualifier in ("ruimschoots", "ver", "royaal"):
            q_word = Qualifier.RUIMSCHOOTS  # comfortably: at least 110% of it
        elif m.group("above") or qualifier == "ruim":
            q_word = Qualifier.MEER_DAN  # above it
        else:
            q_word = Qualifier.TEN_MINSTE  # reached
        q = Quantity(_clean(m.group()), value, 1.0, q_word, Unit.ATTAINMENT, 1.0)
        out.append(
            Span(
                m.start(),
                m.end(),
                _clean(m.group()),
                Kind.REALISATION,
                value,
                Unit.ATTAINMENT,
                q,
                Claim.MET if met else Claim.MISSED,
            )
        )
    return out


def _qualifier(word: str | None) -> Qualifier | None:
    if not word:
        return None
    try:
        return parse_phrase(f"{word} 1").qualifier
    except PhraseError:
        return None


def find_numbers(
    draft: Draft, *, not_a_figure: Sequence[tuple[re.Pattern[str], str]] = ()
) -> list[Span]:
    """Find every number-bearing span of a draft, in the order of the text.

    Parameters
    ----------
    draft : Draft
        The draft.
    not_a_figure : sequence of (pattern, reason)
        More patterns of what is not a figure (e.g. the previous edition's), tried before
        the library's own.

    Returns
    -------
    list of Span
        Figures and claims, and what is not a figure (``kind`` ``not_a_figure``, with
        the ``reason``); every digit run and number word of the text lies in one.

    Examples
    --------
    >>> from ondermijning_indicators.drafts import Draft, find_numbers
    >>> spans = find_numbers(Draft.from_text("Op 4 november 2022 steeg het met bijna 48%."))
    >>> [(s.phrase, str(s.kind), s.reason or round(s.value, 2)) for s in spans]
    [('4 november 2022', 'not_a_figure', 'date'), ('steeg het met bijna 48%', 'change', 0.48)]
    """
    zones = _zones(draft, not_a_figure)
    scanner = _Scanner(draft, zones)
    spans = [
        Span(a, b, _clean(draft.text[a:b]), Kind.NOT_A_FIGURE, math.nan, reason=reason)
        for a, b, reason in zones
        if _ATOM.search(draft.text, a, b)
    ]
    special = _special(scanner)
    for s in special:
        scanner.take(s.start, s.end)
    figures: list[Span] = []
    for m in _free_atoms(draft.text, scanner):
        if _YEAR.fullmatch(m.group()):
            after = _AFTER.match(draft.text[m.end() : m.end() + 40])
            before = _BEFORE.search(draft.text[max(0, m.start() - 40) : m.start()])
            if (
                not (after and after.group())
                and not (before and before.group())
                and _a_year(draft.text, m.start(), m.end())
            ):
                spans.append(
                    Span(m.start(), m.end(), m.group(), Kind.NOT_A_FIGURE, math.nan, reason="year")
                )
                scanner.take(m.start(), m.end())
                continue
        span = scanner.figure(m)
        if not scanner.free(span.start, span.end) and span.core and scanner.free(*span.core):
            # the claim's words reach over a year or a date ("steeg in 2022 met 14%"):
            # the row is the quantity, the claim is kept
            a, b = span.core
            span = replace(span, start=a, end=b, phrase=_clean(draft.text[a:b]))
        if not scanner.free(span.start, span.end):
            # the growth reached into a claim or a zone: keep the atom alone
            span = Span(m.start(), m.end(), _clean(m.group()), Kind.NUMBER, math.nan)
            quantity, problem = _quantity(span.phrase)
            if quantity is not None:
                kind = Kind.PERCENTAGE if quantity.unit is Unit.SHARE else Kind.NUMBER
                core = (span.start, span.end)
                span = Span(
                    *core, span.phrase, kind, quantity.value, quantity.unit, quantity, core=core
                )
            else:
                span = Span(
                    span.start, span.end, span.phrase, Kind.NUMBER, math.nan, problem=problem
                )
        figures.append(span)
        scanner.take(span.start, span.end)
    figures = scanner.ranges(figures)
    spans += figures + special
    spans.sort(key=lambda s: s.start)
    return spans
