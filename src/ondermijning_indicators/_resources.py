"""Where the bundled editions are: one folder per edition under ``_data/editions``.

Only locations, no reading: every layer may ask where the bundled data is, and the
editions layer (`ondermijning_indicators._editions`) reads it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CATALOGUE = "catalogue.toml"
"""The file that makes a folder an edition: its catalogue."""
TABLES = "tables"
"""The folder of an edition that holds its tables (one file per table)."""
FIGURES = "figures"
"""The folder of an edition that holds its published-figure records (TOML)."""


def editions_root() -> Path:
    """Return the folder of the bundled editions.

    An installed wheel has them in the package, ``_data/editions`` (the wheel ships the
    repository's ``data/`` there); a source checkout or an editable install reads the
    repository's ``data/editions``, two folders above this file. The first that exists.
    """
    installed = Path(str(resources.files("ondermijning_indicators"))) / "_data" / "editions"
    checkout = Path(__file__).resolve().parents[2] / "data" / "editions"
    for root in (installed, checkout):
        if root.is_dir():
            return root
    raise FileNotFoundError(
        f"the bundled editions are missing: neither {installed} (an installed package) nor "
        f"{checkout} (a source checkout) is a folder; reinstall ondermijning-indicators"
    )


def bundled_edition_ids() -> list[str]:
    """Return the ids of the bundled editions, oldest first (an id is the edition's year)."""
    root = editions_root()
    ids = [p.name for p in root.iterdir() if (p / CATALOGUE).is_file()]
    return sorted(ids, key=lambda i: (len(i), i))


def latest_edition_id() -> str:
    """Return the id of the newest bundled edition."""
    ids = bundled_edition_ids()
    if not ids:  # pragma: no cover - the package ships at least one edition
        raise FileNotFoundError(f"no bundled edition in {editions_root()}")
    return ids[-1]


def edition_dir(edition_id: str) -> Path:
    """Return the folder of the bundled edition ``edition_id`` (it may not exist)."""
    return editions_root() / edition_id
