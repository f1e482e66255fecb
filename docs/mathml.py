r"""Render every formula of the site as MathML when the site is built (an mkdocs hook).

``pymdownx.arithmatex`` (generic mode) wraps a formula in ``<span class="arithmatex">\(...\)
</span>`` or ``<div class="arithmatex">\[...\]</div>``; this hook replaces the LaTeX inside
with the MathML that ``latex2mathml`` makes of it. Browsers show MathML themselves, so the
formulas need no script and no network, and read the same from a server or from disk.

A formula that does not convert completely (LaTeX left in the MathML) fails the build,
naming the page and the formula.
"""

from __future__ import annotations

import html
import re
from typing import Any

from latex2mathml.converter import convert
from mkdocs.exceptions import PluginError

_FORMULA = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*\\(?P<open>[(\[])(?P<tex>.*?)\\[)\]]\s*</(?P=tag)>',
    flags=re.S,
)
# Characters LaTeX escapes in text mode (\text{kg\_haven} is "kg_haven"); latex2mathml keeps
# the backslash.
_TEXT_ESCAPE = re.compile(r"\\([_%&#$])")


def to_mathml(tex: str, *, block: bool) -> str:
    """Return the MathML of one formula; PluginError if LaTeX is left in it."""
    try:
        mathml = convert(tex.strip(), display="block" if block else "inline")
    except Exception as err:  # latex2mathml raises its own errors and plain ones alike
        raise PluginError(f"formula not converted to MathML: {tex.strip()!r} ({err})") from err
    mathml = _TEXT_ESCAPE.sub(r"\1", mathml)
    if "\\" in mathml:
        raise PluginError(f"formula not converted to MathML completely: {tex.strip()!r}")
    return mathml


def on_page_content(html_text: str, page: Any, **_: Any) -> str:
    """Replace every arithmatex formula of a page with MathML."""

    def replace(match: re.Match[str]) -> str:
        tag = match["tag"]
        tex = html.unescape(match["tex"])
        try:
            mathml = to_mathml(tex, block=match["open"] == "[")
        except PluginError as err:
            raise PluginError(f"{page.file.src_uri}: {err}") from err
        return f'<{tag} class="arithmatex">{mathml}</{tag}>'

    return _FORMULA.sub(replace, html_text)
