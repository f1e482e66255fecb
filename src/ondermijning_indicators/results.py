"""Every indicator for every year the tables support, as one tidy table.

:func:`compute` derives the inputs of each registered metric from validated tables
(the bundled samples, or an analyst's own folder with more years) and calls the
metric on Series indexed by year, so a new year is new rows and never new code. A
metric whose tables are absent, or that no table can feed, is listed as skipped
with the reason. :func:`write_results` writes the result as CSV, Parquet, JSON or
Excel with a frictionless ``datapackage.json`` beside it, atomically.
"""

from __future__ import annotations

import contextvars
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd

from . import metrics as m
from .data import sample_metadata
from .errors import InvalidInputError, UnknownSampleError
from .registry import get_metric, iter_metrics
from .schemas import DUURKLASSEN, UITKOMSTEN

__all__ = ["ComputeResult", "compute", "write_results"]

RESULT_COLUMNS = [
    "metric",
    "label_nl",
    "label_en",
    "jaar",
    "periode",
    "dimensie",
    "waarde",
    "unit",
    "caveats",
]

Frame = Mapping[str, pd.DataFrame]
Rows = list[tuple[str, str, float]]  # (periode, dimensie, waarde)


@dataclass(frozen=True)
class ComputeResult:
    """The indicators computed from a set of tables, and the metrics skipped."""

    values: pd.DataFrame
    skipped: pd.DataFrame


def _by_year(df: pd.DataFrame, column: str, **where: str) -> pd.Series:
    for key, value in where.items():
        df = df[df[key] == value]
    return df.groupby("jaar")[column].sum().astype("float64")


_DROPPED: contextvars.ContextVar[list[str]] = contextvars.ContextVar("dropped")


def _common(*series: pd.Series) -> list[pd.Series]:
    """Keep the years all inputs have; report, never drop silently, the others."""
    years = sorted(set.intersection(*(set(s.index) for s in series)))
    every = sorted(set.union(*(set(s.index) for s in series)))
    missing = [y for y in every if y not in years]
    if missing:
        _DROPPED.get().append(
            "jaar "
            + ", ".join(str(y) for y in missing)
            + " not computed: not every table it needs has the year"
        )
    return [s.loc[years] for s in series]


def _rows(result: pd.Series, dimensie: str = "") -> Rows:
    return [(str(y), dimensie, float(v)) for y, v in result.items()]


def _consecutive(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Pairs of consecutive years (previous, current), indexed by the current year."""
    s = series.sort_index()
    prev = s.copy()
    prev.index = prev.index + 1
    both = s.index.intersection(prev.index)
    return prev.loc[both], s.loc[both]


def _court_share(part_where: dict[str, str], whole: str, metric: Callable[..., Any]) -> Any:
    def derive(t: Frame) -> Rows:
        table = t["uitspraken"] if whole == "uitspraken" else t["vrijheidsstraffen"]
        part, total = _common(_by_year(table, "aantal", **part_where), _by_year(table, "aantal"))
        return _rows(metric(part, total))

    return derive


def _aandeel_vrijheidsstraffen(t: Frame) -> Rows:
    vs, sch = _common(
        _by_year(t["vrijheidsstraffen"], "aantal"),
        _by_year(t["uitspraken"], "aantal", uitkomst="schuldig"),
    )
    return _rows(m.aandeel_vrijheidsstraffen(vs, sch))


def _aandeel_duurklasse(t: Frame) -> Rows:
    v = t["vrijheidsstraffen"]
    rows: Rows = []
    for klasse in DUURKLASSEN:
        part, whole = _common(_by_year(v, "aantal", duurklasse=klasse), _by_year(v, "aantal"))
        rows += _rows(m.aandeel_duurklasse(part, whole), f"duurklasse={klasse}")
    return rows


def _aandeel_met_taakstraf(t: Frame) -> Rows:
    part, whole = _common(
        _by_year(t["vrijheidsstraffen_kenmerken"], "aantal", kenmerk="met_taakstraf"),
        _by_year(t["vrijheidsstraffen"], "aantal"),
    )
    return _rows(m.aandeel_met_taakstraf(part, whole))


def _year_on_year(metric: Callable[..., Any]) -> Callable[[Frame], Rows]:
    def derive(t: Frame) -> Rows:
        rows: Rows = []
        if "uitspraken" in t:
            for uitkomst in UITKOMSTEN:
                prev, cur = _consecutive(_by_year(t["uitspraken"], "aantal", uitkomst=uitkomst))
                rows += _rows(metric(prev, cur), f"uitspraken, uitkomst={uitkomst}")
        if "vrijheidsstraffen" in t:
            prev, cur = _consecutive(_by_year(t["vrijheidsstraffen"], "aantal"))
            rows += _rows(metric(prev, cur), "vrijheidsstraffen")
        if "beslag" in t:
            prev, cur = _consecutive(_by_year(t["beslag"], "bedrag_eur", soort="totaal"))
            rows += _rows(metric(prev, cur), "beslag, soort=totaal")
        return rows

    return derive


def _beslag(metric: Callable[..., Any]) -> Callable[[Frame], Rows]:
    def derive(t: Frame) -> Rows:
        beslag, doel = _common(
            _by_year(t["beslag"], "bedrag_eur", soort="totaal"),
            _by_year(t["beslag_doelstellingen"], "bedrag_eur", partij="totaal"),
        )
        return _rows(metric(beslag, doel))

    return derive


def _na_ijl(t: Frame) -> Rows:
    beslag = _by_year(t["beslag"], "bedrag_eur", soort="totaal")
    return _rows(m.na_ijl_projectie(beslag, 10.0), "jaren_na=10 (volgroeid)")


def _traject(t: Frame) -> Rows:
    police = _by_year(t["beslag_doelstellingen"], "bedrag_eur", partij="politie")
    if len(police) < 2:
        return []
    years = np.arange(int(police.index.min()), int(police.index.max()) + 1)
    values = m.traject(
        years,
        begin_jaar=int(police.index.min()),
        begin=float(police.iloc[0]),
        eind_jaar=int(police.index.max()),
        eind=float(police.iloc[-1]),
    )
    dim = "beslag_doelstellingen, partij=politie, lineair"
    return [(str(y), dim, float(v)) for y, v in zip(years, values, strict=True)]


def _drugs(t: Frame) -> Rows:
    d = t["drugsvangsten"]
    rows: Rows = []
    for haven in sorted(d["haven"].unique()):
        part, whole = _common(_by_year(d, "kg", haven=haven), _by_year(d, "kg"))
        rows += _rows(m.aandeel_drugsvangst(part, whole), f"haven={haven}")
    return rows


def _kern(t: Frame, key: str) -> tuple[float, int]:
    """Return a single figure and the year it refers to."""
    rows = t["kerncijfers"][t["kerncijfers"]["id"] == key]
    if rows.empty:
        raise KeyError(key)
    return float(rows["waarde"].iloc[0]), int(rows["jaar"].iloc[0])


def _street_value(t: Frame) -> Rows:
    value, year = _kern(t, "verstoren_straatwaarde_cocaine_2022")
    d = t["drugsvangsten"][t["drugsvangsten"]["jaar"] == year]
    if d.empty:
        return []
    readings = {
        "rotterdam": ["rotterdam"],
        "rotterdam+vlissingen": ["rotterdam", "vlissingen"],
        "alle havens": sorted(d["haven"].unique()),
    }
    rows: Rows = []
    for name, ports in readings.items():
        kg = float(d[d["haven"].isin(ports)]["kg"].sum())
        rows.append((str(year), f"lezing={name}", float(m.waarde_per_kilo(value, kg))))
    return rows


def _acm(metric: str) -> Callable[[Frame], Rows]:
    def derive(t: Frame) -> Rows:
        (begin, j0), (eind, j1) = _kern(t, "acm_fte_2023"), _kern(t, "acm_fte_2027_structureel")
        dim, periode = f"acm, {j0}-{j1}", str(j1)
        if metric == "groeifactor":
            return [(periode, dim, float(m.groeifactor(begin, eind)))]
        if metric == "jaarlijkse_groei":
            return [(periode, dim, float(m.jaarlijkse_groei(begin, eind, jaren=j1 - j0)))]
        groei = m.fte_groei(begin, eind, begin_jaar=j0, eind_jaar=j1)
        parts = ("absoluut", "factor", "jaarlijks")
        return [(periode, f"{dim}, {part}", float(getattr(groei, part))) for part in parts]

    return derive


def _themes(t: Frame) -> pd.DataFrame:
    b = t["financieel_besteding_thema"]
    return b.groupby(["periode", "thema"])["bedrag_k_eur"].sum().unstack("thema").astype(float)


def _aandeel_besteding(t: Frame) -> Rows:
    wide = _themes(t)
    total = wide.sum(axis=1)
    rows: Rows = []
    for thema in wide.columns:
        shares = m.aandeel_besteding(wide[thema], total)
        rows += [(str(p), f"thema={thema}", float(v)) for p, v in shares.items()]
    return rows


def _structureel_van_piek(t: Frame) -> Rows:
    wide = _themes(t)
    years = wide.drop(index="structureel", errors="ignore")
    if "structureel" not in wide.index or years.empty:
        return []
    structureel = cast(pd.Series, wide.loc["structureel"])
    piek = years.max()
    shares = m.aandeel_structureel_van_piek(structureel, piek)
    return [("structureel", f"thema={thema}", float(v)) for thema, v in shares.items()]


def _incidenteel_structureel(t: Frame) -> Rows:
    totals = t["financieel_herkomst"].groupby("periode")["bedrag_k_eur"].sum().astype(float)
    if not {"incidenteel", "structureel"} <= set(totals.index) or totals["structureel"] == 0:
        return []
    ratio = m.verhouding_incidenteel_structureel(totals["incidenteel"], totals["structureel"])
    return [("incidenteel", "financieel_herkomst, alle regels", float(ratio))]


def _totaal_over_periode(t: Frame) -> Rows:
    wide = _themes(t).drop(index="structureel", errors="ignore")
    wide.index = wide.index.astype(int)
    first, last = int(wide.index.min()), int(wide.index.max())
    totals = m.totaal_over_periode(wide.T, van=first, tot_en_met=last)  # a row per thema
    return [(f"{first}-{last}", f"thema={k}", float(v)) for k, v in totals.items()]


@dataclass(frozen=True)
class _Derivation:
    needs: tuple[str, ...]
    derive: Callable[[Frame], Rows]


DERIVATIONS: dict[str, _Derivation] = {
    "aandeel_vrijheidsstraffen": _Derivation(
        ("vrijheidsstraffen", "uitspraken"), _aandeel_vrijheidsstraffen
    ),
    "aandeel_duurklasse": _Derivation(("vrijheidsstraffen",), _aandeel_duurklasse),
    "aandeel_meer_dan_5_jaar": _Derivation(
        ("vrijheidsstraffen",),
        _court_share(
            {"duurklasse": "meer_dan_5_jaar"}, "vrijheidsstraffen", m.aandeel_meer_dan_5_jaar
        ),
    ),
    "aandeel_schuldig": _Derivation(
        ("uitspraken",), _court_share({"uitkomst": "schuldig"}, "uitspraken", m.aandeel_schuldig)
    ),
    "aandeel_vrijspraak": _Derivation(
        ("uitspraken",),
        _court_share({"uitkomst": "vrijspraak"}, "uitspraken", m.aandeel_vrijspraak),
    ),
    "aandeel_met_taakstraf": _Derivation(
        ("vrijheidsstraffen_kenmerken", "vrijheidsstraffen"), _aandeel_met_taakstraf
    ),
    "verandering": _Derivation((), _year_on_year(m.verandering)),
    "relatieve_verandering": _Derivation((), _year_on_year(m.relatieve_verandering)),
    "beslag_realisatie": _Derivation(
        ("beslag", "beslag_doelstellingen"), _beslag(m.beslag_realisatie)
    ),
    "beslag_tekort": _Derivation(("beslag", "beslag_doelstellingen"), _beslag(m.beslag_tekort)),
    "na_ijl_projectie": _Derivation(("beslag",), _na_ijl),
    "traject": _Derivation(("beslag_doelstellingen",), _traject),
    "aandeel_drugsvangst": _Derivation(("drugsvangsten",), _drugs),
    "waarde_per_kilo": _Derivation(("kerncijfers", "drugsvangsten"), _street_value),
    "groeifactor": _Derivation(("kerncijfers",), _acm("groeifactor")),
    "jaarlijkse_groei": _Derivation(("kerncijfers",), _acm("jaarlijkse_groei")),
    "fte_groei": _Derivation(("kerncijfers",), _acm("fte_groei")),
    "aandeel_besteding": _Derivation(("financieel_besteding_thema",), _aandeel_besteding),
    "aandeel_structureel_van_piek": _Derivation(
        ("financieel_besteding_thema",), _structureel_van_piek
    ),
    "verhouding_incidenteel_structureel": _Derivation(
        ("financieel_herkomst",), _incidenteel_structureel
    ),
    "totaal_over_periode": _Derivation(("financieel_besteding_thema",), _totaal_over_periode),
}

NOT_FROM_TABLES: dict[str, str] = {
    "zonder_uitschieter": (
        "no table gives a year's total together with the exceptional case it holds (the report "
        "prints neither the 2020 nor the 2021 digital seizures)"
    ),
    "bedrag_in_euro": "a unit conversion, not an indicator: apply it to any amount in 1.000 euro",
}


def _caveats(metric_id: str, needs: tuple[str, ...]) -> str:
    notes = list(get_metric(metric_id).caveats)
    for table in needs:
        try:
            notes += list(sample_metadata(table).caveats)
        except UnknownSampleError:
            continue
    return " | ".join(dict.fromkeys(notes))


def compute(tables: Mapping[str, pd.DataFrame] | None = None) -> ComputeResult:
    """Compute every registered metric for every year (and category) the tables support.

    Parameters
    ----------
    tables : mapping of str to DataFrame, optional
        Validated tables (from :func:`ondermijning_indicators.load_tables`); default
        the bundled samples.

    Returns
    -------
    ComputeResult
        ``values``: one row per metric, period and dimension (columns ``metric``,
        ``label_nl``, ``label_en``, ``jaar``, ``periode``, ``dimensie``, ``waarde``,
        ``unit``, ``caveats``); ``skipped``: one row per metric not computed, and
        per year a metric could not be computed for (a year one of its tables
        lacks), with the reason.

    Examples
    --------
    >>> import ondermijning_indicators as oi
    >>> result = oi.compute()
    >>> v = result.values.set_index(["metric", "jaar", "dimensie"])["waarde"]
    >>> round(float(v[("aandeel_vrijheidsstraffen", 2022, "")]), 4)
    0.8069
    >>> sorted(set(result.skipped["metric"]) - set(result.values["metric"]))
    ['bedrag_in_euro', 'zonder_uitschieter']
    """
    if tables is None:
        from .data import load_samples

        tables = load_samples()
    rows: list[dict[str, Any]] = []
    skipped: list[dict[str, str]] = []
    for meta in iter_metrics():
        if meta.id in NOT_FROM_TABLES:
            skipped.append({"metric": meta.id, "reason": NOT_FROM_TABLES[meta.id]})
            continue
        derivation = DERIVATIONS.get(meta.id)
        if derivation is None:
            skipped.append({"metric": meta.id, "reason": "no derivation from tables is defined"})
            continue
        missing = [n for n in derivation.needs if n not in tables]
        if missing:
            skipped.append(
                {"metric": meta.id, "reason": f"needs the table(s) {', '.join(missing)}"}
            )
            continue
        dropped: list[str] = []
        token = _DROPPED.set(dropped)
        try:
            derived = derivation.derive(tables)
        except KeyError as exc:
            skipped.append({"metric": meta.id, "reason": f"needs the kerncijfer {exc.args[0]}"})
            continue
        finally:
            _DROPPED.reset(token)
        skipped += [{"metric": meta.id, "reason": reason} for reason in dropped]
        if not derived:
            skipped.append({"metric": meta.id, "reason": "the tables give no year it applies to"})
            continue
        caveats = _caveats(meta.id, derivation.needs)
        for periode, dimensie, waarde in derived:
            rows.append(
                {
                    "metric": meta.id,
                    "label_nl": meta.label_nl,
                    "label_en": meta.label_en,
                    "jaar": int(periode) if periode.isdigit() else None,
                    "periode": periode,
                    "dimensie": dimensie,
                    "waarde": waarde,
                    "unit": str(meta.unit),
                    "caveats": caveats,
                }
            )
    values = pd.DataFrame(rows, columns=RESULT_COLUMNS).astype({"jaar": "Int64"})
    return ComputeResult(values=values, skipped=pd.DataFrame(skipped, columns=["metric", "reason"]))


_FIELD_DOCS = {
    "metric": ("string", "Id of the registered metric."),
    "label_nl": ("string", "Dutch label of the metric."),
    "label_en": ("string", "English label of the metric."),
    "jaar": ("integer", "Year, where the period is a year."),
    "periode": ("string", "Period: a year, 'structureel', 'incidenteel' or a span of years."),
    "dimensie": ("string", "Category the value is for (e.g. duurklasse=meer_dan_5_jaar); empty "
                           "for the whole."),
    "waarde": ("number", "The value, in the metric's unit."),
    "unit": ("string", "Unit of the value, with its scale."),
    "caveats": ("string", "Caveats of the metric and of the tables it reads, separated by |."),
}  # fmt: skip


def write_results(result: ComputeResult, path: str | os.PathLike[str]) -> list[Path]:
    """Write computed indicators, with ``datapackage.json`` beside them, atomically.

    The format follows the file's suffix: ``.csv``, ``.parquet``, ``.json`` or
    ``.xlsx``. Text cells a spreadsheet would run as a formula are neutralised in
    CSV and Excel output. On any error no file is left behind.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import ondermijning_indicators as oi
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "indicatoren.csv"
    >>> [p.name for p in oi.write_results(oi.compute(), out)]
    ['indicatoren.csv', 'datapackage.json']
    """
    from .folders import _neutralise

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in {".csv", ".parquet", ".json", ".xlsx"}:
        raise InvalidInputError(
            f"write_results: cannot write {target.name}; use .csv, .parquet, .json or .xlsx"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".writing-", dir=target.parent))
    try:
        data = staging / target.name
        values = result.values
        if suffix == ".csv":
            values.map(_neutralise).to_csv(data, index=False)
        elif suffix == ".xlsx":
            with pd.ExcelWriter(data, engine="openpyxl") as writer:
                values.map(_neutralise).to_excel(writer, sheet_name="indicatoren", index=False)
                result.skipped.map(_neutralise).to_excel(
                    writer, sheet_name="overgeslagen", index=False
                )
        elif suffix == ".parquet":
            values.to_parquet(data, index=False)
        else:
            data.write_text(values.to_json(orient="records", force_ascii=False, indent=1), "utf-8")
        package = {
            "name": "ondermijning-indicatoren",
            "title": (
                "Indicators of the Voortgangsrapportage georganiseerde, ondermijnende criminaliteit"
            ),
            "resources": [
                {
                    "name": "indicatoren",
                    "path": target.name,
                    "format": suffix.lstrip("."),
                    "schema": {
                        "fields": [
                            {"name": n, "type": t, "description": d}
                            for n, (t, d) in _FIELD_DOCS.items()
                        ],
                        "primaryKey": ["metric", "periode", "dimensie"],
                    },
                }
            ],
            "skipped": result.skipped.to_dict("records"),
        }
        meta = staging / "datapackage.json"
        meta.write_text(json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8")
        final = []
        for file in (data, meta):
            os.replace(file, target.parent / file.name)
            final.append(target.parent / file.name)
        return final
    finally:
        shutil.rmtree(staging, ignore_errors=True)
