#!/usr/bin/env bash
# Install a built wheel into a fresh virtual environment in a temporary folder, far from
# the checkout, and check that the bundled data and the CLI work from there.
set -euo pipefail
python="$1"
wheel="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet "$wheel"
cd "$work"
"$work/venv/bin/python" - <<'PY'
import pathlib
import ondermijning_indicators as oi

location = pathlib.Path(oi.__file__).resolve()
assert "site-packages" in location.parts, f"imported from the checkout: {location}"
from ondermijning_indicators._resources import editions_root

data = location.parent / "_data" / "editions"
assert editions_root() == data and data.is_dir(), f"data not from the wheel: {editions_root()}"
names = set(oi.list_samples().index)
for name in names:
    assert len(oi.load_sample(name)) > 0, name
editions = oi.list_editions()
assert oi.latest_edition() in editions.index, editions
edition = oi.load_edition()
assert edition.notes(), "the reading notes are installed"
assert edition.text() is None, "the report's text is not installed"
result = oi.reproduce()
assert bool(result["explained"].all()), result[~result["explained"]]
assert (result["status"] != "invalid").all(), result[result["status"] == "invalid"]
assert abs(oi.metrics.aandeel_vrijheidsstraffen(999, 1238) - 999 / 1238) < 1e-15
import importlib.util
from ondermijning_indicators import plots  # importable without the [plots] extra
if importlib.util.find_spec("matplotlib") is None:
    try:
        plots.uitspraken_per_uitkomst()
    except ImportError as exc:
        assert "ondermijning-indicators[plots]" in str(exc), exc
    else:
        raise AssertionError("drawing a chart without matplotlib did not raise ImportError")
print(
    f"wheel ok: edition {edition.id}, {len(names)} tables, {len(result)} published figures, "
    f"from {location.parent}"
)
PY
"$work/venv/bin/ondermijning-indicators" reproduce --format csv > "$work/out.csv"
echo "wheel ok: CLI wrote $(($(wc -l < "$work/out.csv") - 1)) records"
"$work/venv/bin/ondermijning-indicators" audit --format csv > "$work/audit.csv"
echo "wheel ok: CLI audit listed $(($(wc -l < "$work/audit.csv") - 1)) findings"
# check, without the report's text (not installed): the draft's number linked and exact
printf 'In 2022 sprak de rechter in 1.543 ondermijningszaken een vonnis uit,\nwaarbij 1.238 verdachten schuldig werden bevonden.\n' > "$work/draft.txt"
"$work/venv/bin/ondermijning-indicators" check "$work/draft.txt" --format csv > "$work/check.csv"
grep -q '^1.543,.*,exact,.*record:bestraffen.uitspraken.totaal_2022_tekst' "$work/check.csv"
grep -q '^1.238,.*,exact,' "$work/check.csv"
echo "wheel ok: CLI check found $(($(wc -l < "$work/check.csv") - 1)) numbers of a draft, both figures exact"
