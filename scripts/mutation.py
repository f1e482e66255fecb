#!/usr/bin/env python3
"""Mutation testing of ``metrics/`` and ``published/`` with mutmut (``make mutation``).

mutmut skips every decorated function, and every metric in ``metrics/`` is decorated
with ``@register(...)``. This script therefore works on a throw-away copy of the
repository (``build/mutation``):

(a) copy the committed HEAD (or, with --working-tree, the files as they are);
(b) rewrite, in the copy, each module-level ``@register(...) def f`` into ``def f``
    followed by ``f = register(...)(f)`` (the same behaviour and registration order),
    so that mutmut mutates the metric bodies too;
(c) add a ``[tool.mutmut]`` table to the copy's pyproject.toml, and a root
    conftest.py that drops the duplicate doctests of mutmut's function copies;
(d) run ``mutmut run`` in the copy (Hypothesis profile "dev", a fixed seed);
(e) print the score per module: (killed + timeout) / (mutants - skipped - not checked);
(f) list every surviving mutant with its diff (``build/mutation/survivors.txt``) and
    check it against ``docs/mutation.md``, which explains each survivor as equivalent.

The run fails (exit 1) when a module scores below --minimum (default 90%) or a
survivor is not explained. Usage::

    python scripts/mutation.py                       # everything, from HEAD
    python scripts/mutation.py --only metrics/_inputs.py published/_semantics.py
    python scripts/mutation.py --report-only         # (e)-(f) on the last run
    python scripts/mutation.py --resume              # after a change: only what it touched
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

PKG = "src/ondermijning_indicators"
MUTATED_DIRS = [f"{PKG}/metrics", f"{PKG}/published"]

# Every test that exercises the metrics and the published figures. Left out: the
# documentation build (test_docs), record-level engines and their Dask cluster
# (test_records) and the charts (test_plots), which call the metrics only through
# code that other tests cover, at a far higher cost per mutant.
TESTS = [
    "tests/test_api.py",
    "tests/test_audit.py",
    "tests/test_boundary.py",
    "tests/test_cli.py",
    "tests/test_cli_output.py",
    "tests/test_data.py",
    "tests/test_editions.py",
    "tests/test_financieel.py",
    "tests/test_messages.py",
    "tests/test_metrics_edge.py",
    "tests/test_metrics_known.py",
    "tests/test_metrics_properties.py",
    "tests/test_notation.py",
    "tests/test_one_place.py",
    "tests/test_phrase.py",
    "tests/test_registry.py",
    "tests/test_reproduce.py",
    "tests/test_results.py",
    "tests/test_selection_index.py",
    "tests/test_semantics.py",
    "tests/test_snapshots.py",
    "tests/test_review_regressions.py",
    "tests/test_verstoren_groei.py",
    # the doctests of the mutated modules (addopts has --doctest-modules)
    *MUTATED_DIRS,
]

IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "venv",
    "mutants",
    "__pycache__",
    ".hypothesis",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    "site",
    "*.egg-info",
    "build",
    "dist",
)

# mutmut 3.8.1, mutmut/stats.py: status_by_exit_code
STATUS_BY_EXIT_CODE = {
    1: "killed",
    3: "killed",
    0: "survived",
    5: "no tests",
    2: "check was interrupted by user",
    None: "not checked",
    33: "no tests",
    34: "skipped",
    35: "suspicious",
    36: "timeout",
    37: "caught by type check",
    -24: "timeout",
    24: "timeout",
    152: "timeout",
    255: "timeout",
    -11: "segfault",
    -9: "segfault",
}


def status_of(exit_code: int | None) -> str:
    """Return mutmut's word for an exit code of a mutant's test run."""
    return STATUS_BY_EXIT_CODE.get(exit_code, "suspicious")


# --------------------------------------------------------------------------- (a) copy
def copy_repo(root: Path, work: Path, working_tree: bool = False) -> None:
    """Copy the committed HEAD (git clone), or with working_tree the files as they are now.

    HEAD is the default: a working tree that is being edited may be half-way a change.
    The data are the repository's data/, which the package finds from the checkout.
    """
    if work.exists():
        shutil.rmtree(work)
    if working_tree or not (root / ".git").exists():
        shutil.copytree(root, work, symlinks=True, ignore=IGNORE)
    else:
        subprocess.run(
            ["git", "clone", "--quiet", "--no-hardlinks", str(root), str(work)], check=True
        )


# --------------------------------------------------------------------------- (b) undecorate
def _is_register(dec: ast.expr) -> bool:
    return isinstance(dec, ast.Call) and (
        (isinstance(dec.func, ast.Name) and dec.func.id == "register")
        or (isinstance(dec.func, ast.Attribute) and dec.func.attr == "register")
    )


def undecorate_source(source: str, filename: str = "<src>") -> tuple[str, list[str]]:
    """Turn each module-level ``@register(...) def f`` into ``def f`` + ``f = register(...)(f)``.

    Line based, guided by ``ast`` positions; refuses anything it does not understand
    (a second decorator next to ``register``, code or comments between decorator and def).
    Returns the new source and the names rewritten.
    """
    tree = ast.parse(source, filename)
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, int, str]] = []  # (dec_start, def_start, end, name) 0-based
    names: list[str] = []
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        regs = [d for d in node.decorator_list if _is_register(d)]
        if not regs:
            continue
        if len(node.decorator_list) != 1:
            raise SystemExit(f"{filename}: {node.name} has more decorators than @register")
        dec = regs[0]
        dec_start = dec.lineno - 1  # the '@' line
        if not lines[dec_start][: dec.col_offset].strip() == "@" or dec.col_offset != 1:
            raise SystemExit(f"{filename}:{dec.lineno}: unexpected decorator layout")
        def_start = node.lineno - 1  # the 'def' line (3.8+: not the decorator's)
        if (
            dec.end_lineno != node.lineno - 1
            or lines[dec.end_lineno - 1][dec.end_col_offset :].strip()
        ):
            raise SystemExit(f"{filename}:{dec.lineno}: something between @register and def")
        edits.append((dec_start, def_start, node.end_lineno, node.name))
        names.append(node.name)

    for dec_start, def_start, end, name in reversed(edits):
        dec_lines = lines[dec_start:def_start]
        call = "".join(dec_lines)
        assert call.startswith("@")
        call = call[1:].rstrip("\n")
        # ``f = register(...)(f)`` at module level, right after the function body
        assignment = f"\n{name} = {call}({name})\n"
        lines[end:end] = [assignment]
        del lines[dec_start:def_start]
    return "".join(lines), names


def undecorate_tree(work: Path) -> dict[str, list[str]]:
    """Rewrite every module of MUTATED_DIRS in ``work``; return the functions rewritten."""
    done: dict[str, list[str]] = {}
    for d in MUTATED_DIRS:
        for path in sorted((work / d).glob("*.py")):
            src = path.read_text(encoding="utf-8")
            new, names = undecorate_source(src, str(path))
            if names:
                compile(new, str(path), "exec")  # still valid Python
                path.write_text(new, encoding="utf-8")
                done[str(path.relative_to(work))] = names
    return done


# --------------------------------------------------------------------------- (c) config
CONFTEST = '''\
"""Added by mutation.py for mutmut (not part of the project).

mutmut copies every mutated function into ``x_<name>__mutmut_orig`` and
``x_<name>__mutmut_<n>`` (one per mutant), each with the original docstring, so
--doctest-modules collects the same doctest once per copy, besides the one under the
public name (mutmut's trampoline, which functools.wraps gave the docstring).  They all
run the same examples, which call the public name and so the active mutant.  Keep the
doctest under the public name, as in the project's own run (same node ids), and drop
the ``x_<name>__mutmut_*`` copies: otherwise a surviving mutant of a function with N
mutants runs its doctest N + 2 times.
"""

import re

_DUPLICATE = re.compile(r"\\.x_\\w+__mutmut_(orig|\\d+)$")


def pytest_collection_modifyitems(config, items):
    keep, drop = [], []
    for item in items:
        (drop if _DUPLICATE.search(item.name) else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
'''


def mutmut_config(only: list[str] | None) -> str:
    """Return the ``[tool.mutmut]`` table for the copy."""
    only_mutate = [f"{PKG}/{o}" for o in only] if only else [f"{d}/*.py" for d in MUTATED_DIRS]
    cfg = {
        # the whole package must be copied to mutants/src (mutants/src goes first on
        # sys.path); only_mutate narrows what is mutated.
        "source_paths": ["src"],
        "only_mutate": only_mutate,
        # data/: the package reads it from the checkout (_resources), and
        # tests/conftest.py reads ROOT/data/editions/2023/report.txt; README.md: the CLI
        # tests check the exit codes it documents; scripts/: the tests of this script;
        # docs/: test_metrics_properties imports every test module, and test_docs reads
        # docs/getting-started.md at import
        "also_copy": ["data", "docs", "scripts", "conftest.py", "README.md"],
        "pytest_add_cli_args_test_selection": TESTS,
        # fixed seed: every run draws the same hypothesis examples, and with a forced
        # seed hypothesis does not use its example database (no replay across mutants)
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "--hypothesis-seed=0"],
        "use_git_change_detection": False,
    }
    out = ["", "[tool.mutmut]  # added by mutation.py"]
    for k, v in cfg.items():
        out.append(f"{k} = {json.dumps(v)}")
    return "\n".join(out) + "\n"


def write_config(work: Path, only: list[str] | None) -> None:
    """Add the ``[tool.mutmut]`` table and the doctest-dropping conftest.py to the copy."""
    pp = work / "pyproject.toml"
    text = pp.read_text(encoding="utf-8")
    if "[tool.mutmut]" in text:
        raise SystemExit("pyproject.toml already has [tool.mutmut]")
    pp.write_text(text + mutmut_config(only), encoding="utf-8")
    if (work / "conftest.py").exists():
        raise SystemExit("the repo already has a root conftest.py")
    (work / "conftest.py").write_text(CONFTEST, encoding="utf-8")


# --------------------------------------------------------------------------- (d) run
def env_for_run() -> dict[str, str]:
    """Return the environment of a run: the "dev" Hypothesis profile, no PYTHONPATH."""
    env = dict(os.environ)
    env["HYPOTHESIS_PROFILE"] = "dev"
    env.pop("PYTHONPATH", None)
    env.pop("MUTANT_UNDER_TEST", None)
    return env


def run_mutmut(work: Path, venv: Path, max_children: int, log: Path) -> float:
    """Run ``mutmut run`` in ``work``; return its wall time in seconds."""
    cmd = [str(venv / "bin" / "mutmut"), "run", "--max-children", str(max_children)]
    print(f"$ (cd {work} && HYPOTHESIS_PROFILE=dev {' '.join(cmd)})  > {log}", flush=True)
    t0 = time.monotonic()
    with open(log, "w") as f:
        rc = subprocess.call(cmd, cwd=work, env=env_for_run(), stdout=f, stderr=subprocess.STDOUT)
    wall = time.monotonic() - t0
    if rc != 0:
        print(log.read_text()[-4000:])
        raise SystemExit(f"mutmut run failed with exit code {rc}")
    return wall


def sanity_check(work: Path, venv: Path) -> None:
    """Run the selected tests on the rewritten copy; stop if they fail."""
    cmd = [
        str(venv / "bin" / "python"),
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--hypothesis-seed=0",
        *TESTS,
    ]
    env = env_for_run()
    env["PYTHONPATH"] = str(work / "src")  # the rewritten copy, not the installed one
    r = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True)
    print("sanity: " + (r.stdout.strip().splitlines() or ["?"])[-1], flush=True)
    if r.returncode != 0:
        print(r.stdout[-4000:], r.stderr[-2000:])
        raise SystemExit("the rewritten copy fails its tests; not running mutmut")


# --------------------------------------------------------------------------- (e) results
COLUMNS = [
    "mutants",
    "killed",
    "survived",
    "timeout",
    "no tests",
    "suspicious",
    "segfault",
    "skipped",
    "not checked",
]


def read_results(work: Path) -> dict[str, dict[str, str]]:
    """{source path: {mutant name: status}} from mutants/**/*.py.meta."""
    out: dict[str, dict[str, str]] = {}
    for meta in sorted((work / "mutants").rglob("*.py.meta")):
        data = json.loads(meta.read_text())
        src = str(meta.relative_to(work / "mutants"))[: -len(".meta")]
        out[src] = {k: status_of(v) for k, v in data["exit_code_by_key"].items()}
    return out


def score(c: Counter[str]) -> float | None:
    """(killed + timeout) / (mutants - skipped - not checked), i.e. mutmut's badge score.

    "no tests", "survived" and "suspicious" count as not detected; "segfault" (mutmut
    maps a SIGKILL after the CPU limit to it) counts as detected, like a timeout.
    """
    tested = c["mutants"] - c["skipped"] - c["not checked"]
    detected = c["killed"] + c["timeout"] + c["segfault"]
    return None if tested <= 0 else detected / tested


def table(results: dict[str, dict[str, str]]) -> str:
    """Return the table of counts and scores per module."""
    rows = []
    total: Counter[str] = Counter()
    for src, by_name in results.items():
        c: Counter[str] = Counter(by_name.values())
        c["mutants"] = len(by_name)
        total.update(c)
        rows.append((src.removeprefix(PKG + "/"), c))
    rows.append(("TOTAL", total))
    cols = ["file", *COLUMNS, "score"]
    w0 = max(len(r[0]) for r in rows)
    fmt = f"{{:<{w0}}}" + "".join(f" {{:>{max(len(h), 6)}}}" for h in cols[1:])
    lines = [fmt.format(*cols)]
    for name, c in rows:
        s = score(c)
        lines.append(fmt.format(name, *[c[k] for k in COLUMNS], "-" if s is None else f"{s:.1%}"))
    return "\n".join(lines)


# --------------------------------------------------------------------------- (f) survivors
_TOKEN = re.compile(
    r"""[rbfu]*"(?:[^"\\]|\\.)*"|[rbfu]*'(?:[^'\\]|\\.)*'|\w+|==|!=|<=|>=|\*\*|//|->|\S"""
)


def _changed(a: str, b: str) -> str:
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op != "equal":
            parts.append(f"`{' '.join(ta[i1:i2]) or '∅'}` -> `{' '.join(tb[j1:j2]) or '∅'}`")
    return "; ".join(parts)


_STRING = re.compile(r"""^[rbfuRBFU]*["']""")
CATEGORIES = [
    "cast type",
    "string literal",
    "string -> None",
    "value -> None",
    "argument removed",
    "operator/number/logic",
]


def _minus_plus(diff: str) -> tuple[list[str], list[str]]:
    body = [ln for ln in diff.splitlines() if ln[:1] in "+- " and not ln.startswith(("---", "+++"))]
    return (
        [ln[1:].strip() for ln in body if ln.startswith("-")],
        [ln[1:].strip() for ln in body if ln.startswith("+")],
    )


def category(diff: str) -> str:
    """Return a rough kind of mutant, from the changed tokens (see CATEGORIES)."""
    minus, plus = _minus_plus(diff)
    ta, tb = _TOKEN.findall(" ".join(minus)), _TOKEN.findall(" ".join(plus))
    a, b = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op != "equal":
            a += ta[i1:i2]
            b += tb[j1:j2]
    if a == ["M"] and b == ["None"] and "cast(None" in " ".join(plus):
        return "cast type"  # typing.cast(None, x) is x: equivalent
    if a and b and all(_STRING.match(t) for t in a + b):
        return "string literal"
    if b == ["None"] and len(a) == 1 and _STRING.match(a[0]):
        return "string -> None"
    if b == ["None"]:
        return "value -> None"
    if not b or (not plus and minus):
        return "argument removed"
    return "operator/number/logic"


def describe(diff: str) -> str:
    """One line: the tokens the mutant changed, and the mutated line."""
    minus, plus = _minus_plus(diff)
    if len(minus) == 1 and len(plus) == 1:
        return f"{_changed(minus[0], plus[0])}   in: {plus[0]}"
    line = " ".join(plus) or "(lines removed) " + " ".join(minus)
    return f"{_changed(' '.join(minus), ' '.join(plus))}   in: {line}"


# What `mutmut show NAME` runs (mutmut/__main__.py: show), for many names in one process:
# one `mutmut show` process per mutant costs ~1 s each, mostly start-up.
_SHOW_MANY = """
import json, sys
from mutmut.mutation.diff_apply import find_mutant, get_diff_for_mutant
from mutmut.stats import status_by_exit_code
out = {}
for name in json.load(sys.stdin):
    m = find_mutant(name)
    out[name] = (f"# {name}: {status_by_exit_code[m.exit_code_by_key[name]]}\\n"
                 + get_diff_for_mutant(name, path=m.path) + "\\n")
json.dump(out, sys.stdout)
"""


def show_many(work: Path, venv: Path, names: list[str]) -> dict[str, str]:
    """Return the ``mutmut show`` text of each mutant, read in one process."""
    r = subprocess.run(
        [str(venv / "bin" / "python"), "-c", _SHOW_MANY],
        cwd=work,
        env=env_for_run(),
        input=json.dumps(names),
        capture_output=True,
        text=True,
    )
    if r.returncode == 0:
        return json.loads(r.stdout)
    print(r.stderr[-2000:], "\nfalling back to one `mutmut show` per mutant", flush=True)
    mutmut = str(venv / "bin" / "mutmut")
    return {
        n: subprocess.run(
            [mutmut, "show", n], cwd=work, env=env_for_run(), capture_output=True, text=True
        ).stdout
        for n in names
    }


def write_survivors(
    work: Path,
    venv: Path,
    results: dict[str, dict[str, str]],
    out: Path,
    statuses: tuple[str, ...] = ("survived", "no tests", "suspicious"),
) -> None:
    """Write every survivor with its diff to ``out``, and print them counted by kind."""
    bad = {
        src: [(n, s) for n, s in by_name.items() if s in statuses]
        for src, by_name in results.items()
    }
    bad = {src: v for src, v in bad.items() if v}
    diffs = show_many(work, venv, [n for v in bad.values() for n, _ in v])
    summary, chunks = [], []
    kinds: dict[str, Counter[str]] = {src: Counter() for src in bad}
    for src, items in bad.items():
        summary.append(f"\n## {src}  ({len(items)})")
        chunks.append(f"\n{'=' * 78}\n## {src}\n{'=' * 78}")
        for name, status in items:
            kind = category(diffs[name])
            kinds[src][kind] += 1
            summary.append(
                f"  {name.rpartition('.')[2]} [{status}] ({kind}): {describe(diffs[name])}"
            )
            chunks.append(diffs[name].rstrip())
    w0 = max((len(src.removeprefix(PKG + "/")) for src in kinds), default=5)
    ktable = [f"{'file':<{w0}}" + "".join(f" | {c}" for c in CATEGORIES) + " | total"]
    for src, c in [*kinds.items(), ("TOTAL", sum(kinds.values(), Counter()))]:
        ktable.append(
            f"{src.removeprefix(PKG + '/'):<{w0}}"
            + "".join(f" | {c[k]:>{len(k)}}" for k in CATEGORIES)
            + f" | {sum(c.values()):>5}"
        )
    print("survivors by kind:\n" + "\n".join(ktable))
    header = (
        f"# mutants with status in {statuses}; mutmut 3.8.1; work dir {work}\n"
        "# kinds (rough, from the changed tokens; 'cast type' = typing.cast(None, x), "
        "an equivalent mutant):\n" + "\n".join("#   " + ln for ln in ktable) + "\n"
        "# per file: mutant [status] (kind): `original tokens` -> `mutated tokens`"
        "   in: the mutated line\n# then the full `mutmut show` diff of each\n"
    )
    out.write_text(
        header + "\n".join(summary) + "\n\n# diffs (mutmut show)\n" + "\n".join(chunks) + "\n",
        encoding="utf-8",
    )


# --------------------------------------------------------------------------- resume
def refresh(repo: Path, work: Path, working_tree: bool) -> int:
    """Bring a finished run's copy up to the repository's HEAD, keeping its verdicts.

    The source (rewritten as in (b)) and the tests are copied over the old ones;
    mutmut then re-mutates the functions whose source changed and keeps every other
    verdict. A mutant that survived (or had no tests) is set back to "not checked",
    so that the next ``mutmut run`` tries it against the tests as they are now; a
    killed mutant stays killed, which holds as long as tests are only added or
    tightened. Returns the number of mutants set back.
    """
    fresh = work.with_name(work.name + ".fresh")
    copy_repo(repo, fresh, working_tree)
    undecorate_tree(fresh)
    for sub in ("src", "tests"):
        shutil.rmtree(work / sub)
        shutil.copytree(fresh / sub, work / sub, symlinks=True, ignore=IGNORE)
    shutil.rmtree(fresh)
    reset = 0
    for meta in (work / "mutants").rglob("*.py.meta"):
        data = json.loads(meta.read_text())
        codes = data["exit_code_by_key"]
        for name, code in codes.items():
            if status_of(code) in ("survived", "no tests", "suspicious"):
                codes[name] = None
                reset += 1
        meta.write_text(json.dumps(data))
    return reset


# --------------------------------------------------------------------------- main
# --------------------------------------------------------------------------- explained
EXPLAINED = Path("docs/mutation.md")
_ENTRY = re.compile(r"^(?P<function>[\w.ǁ]+): (?P<change>.+)$")
_MODULE = re.compile(r"^### (?P<module>\S+\.py)\s*$")


def function_of(name: str) -> str:
    """Return the function a mutant is in: ``x_align__mutmut_7`` -> ``align``."""
    short = name.rpartition(".")[2].rsplit("__mutmut_", 1)[0]
    return short.removeprefix("x_").removeprefix("xǁ").replace("ǁ", ".")


def change_of(diff: str) -> str:
    """Return the tokens a mutant changed, as in the survivors file: `a` -> `b`."""
    minus, plus = _minus_plus(diff)
    return _changed(" ".join(minus), " ".join(plus)).replace("`", "")


def read_explained(path: Path) -> dict[tuple[str, str, str], str]:
    """Return the survivors docs/mutation.md explains: (module, function, change) -> why.

    In a ```text block under a ``### metrics/_inputs.py`` heading, an entry is a line
    ``function: a -> b`` and the explanation on the indented lines after it.
    """
    out: dict[tuple[str, str, str], str] = {}
    module, key, fenced = "", None, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced, key = not fenced, None
            continue
        heading = _MODULE.match(line)
        if heading and not fenced:
            module = heading["module"]
            continue
        if not fenced or not module:
            continue
        entry = _ENTRY.match(line)
        if entry:
            key = (module, entry["function"], entry["change"].strip())
            out[key] = ""
        elif key and line.startswith("    "):
            out[key] = (out[key] + " " + line.strip()).strip()
    return out


def check_explained(
    work: Path, venv: Path, results: dict[str, dict[str, str]], path: Path
) -> list[str]:
    """Survivors without an explanation, and explanations without a survivor (stale)."""
    explained = read_explained(path) if path.is_file() else {}
    survivors = [
        (src, n)
        for src, by in results.items()
        for n, st in by.items()
        if st in ("survived", "no tests", "suspicious")
    ]
    diffs = show_many(work, venv, [n for _, n in survivors]) if survivors else {}
    found: set[tuple[str, str, str]] = set()
    problems = []
    for src, name in survivors:
        key = (src.removeprefix(PKG + "/"), function_of(name), change_of(diffs[name]))
        found.add(key)
        if key not in explained:
            problems.append(f"not explained: {key[0]} {key[1]}: {key[2]}")
        elif not explained[key]:
            problems.append(f"no explanation given: {key[0]} {key[1]}: {key[2]}")
    mutated = {src.removeprefix(PKG + "/") for src in results}
    for key in sorted(set(explained) - found):
        if key[0] in mutated:
            problems.append(f"explained but no longer surviving: {key[0]} {key[1]}: {key[2]}")
    return problems


def main() -> None:
    """Run (a)-(f) and exit 1 on a module below the minimum or a survivor unexplained."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "repo",
        type=Path,
        nargs="?",
        default=Path("."),
        help="the repository (left untouched); default the current folder",
    )
    ap.add_argument("--work", type=Path, default=Path("build/mutation"))
    ap.add_argument(
        "--venv",
        type=Path,
        default=Path(sys.prefix),
        help="the environment with mutmut and the test dependencies",
    )
    ap.add_argument(
        "--only",
        nargs="*",
        help="files under src/ondermijning_indicators to "
        "mutate, e.g. metrics/_inputs.py (default: metrics/*.py published/*.py)",
    )
    ap.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--minimum", type=float, default=0.90, help="the least score per module")
    ap.add_argument(
        "--working-tree",
        action="store_true",
        help="copy the repo's files as they are, not its committed HEAD",
    )
    ap.add_argument("--report-only", action="store_true", help="skip (a)-(d)")
    ap.add_argument(
        "--resume",
        action="store_true",
        help="keep the last run's verdicts: refresh its copy from HEAD and try "
        "again only the changed functions and the survivors",
    )
    ap.add_argument("--no-sanity", action="store_true", help="skip the clean test run of the copy")
    args = ap.parse_args()
    repo = args.repo.resolve()
    work = (repo / args.work).resolve() if not args.work.is_absolute() else args.work
    venv = args.venv.resolve()

    if args.resume:
        if not (work / "mutants").is_dir():
            raise SystemExit(f"nothing to resume in {work}: run without --resume first")
        print(f"(a-c) refresh {work} from {repo}", flush=True)
        print(f"    {refresh(repo, work, args.working_tree)} survivors to try again", flush=True)
        wall = run_mutmut(work, venv, args.max_children, work / "mutmut-run.log")
        print(f"    mutmut run: {wall:.0f} s wall", flush=True)
    elif not args.report_only:
        print(f"(a) copy {repo} -> {work}", flush=True)
        copy_repo(repo, work, args.working_tree)
        print("(b) undo @register", flush=True)
        for path, names in undecorate_tree(work).items():
            print(f"    {path}: {', '.join(names)}")
        print("(c) [tool.mutmut] + conftest.py", flush=True)
        write_config(work, args.only)
        print(mutmut_config(args.only))
        if not args.no_sanity:
            sanity_check(work, venv)
        print("(d) mutmut run", flush=True)
        wall = run_mutmut(work, venv, args.max_children, work / "mutmut-run.log")
        print(f"    mutmut run: {wall:.0f} s wall", flush=True)

    results = read_results(work)
    print("\n(e) score = (killed + timeout + segfault) / (mutants - skipped - not checked)")
    print(table(results))
    survivors = work / "survivors.txt"
    print(f"\n(f) survivors -> {survivors}", flush=True)
    write_survivors(work, venv, results, survivors)
    problems = check_explained(work, venv, results, repo / EXPLAINED)
    for src, by_name in results.items():
        c: Counter[str] = Counter(by_name.values())
        c["mutants"] = len(by_name)
        s = score(c)
        if s is not None and s < args.minimum:
            problems.append(
                f"{src.removeprefix(PKG + '/')} scores {s:.1%}, below {args.minimum:.0%}"
            )
    print("\n".join(problems) if problems else f"every survivor is explained in {EXPLAINED}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
