"""Validate the tables of each bundled edition and record their hashes as validated.

A bundled edition's ``validated.sha256`` lists the SHA-256 of every table file that
passed validation; the library reads a bundled table with that content without
validating it again (its cold start), and validates any other content. Run this after
changing a bundled table; it writes the file only when every table is valid:

    .venv/bin/python scripts/refresh-validated.py
"""

from __future__ import annotations

import hashlib
import sys

from ondermijning_indicators._editions import VALIDATED
from ondermijning_indicators._folders import read_tables
from ondermijning_indicators._resources import TABLES, bundled_edition_ids, edition_dir
from ondermijning_indicators.errors import DataValidationError


def main() -> int:
    """Validate every bundled edition's tables; write their hashes; 1 if one is invalid."""
    for edition_id in bundled_edition_ids():
        root = edition_dir(edition_id)
        try:
            read_tables(root / TABLES, notation="machine", strict=False)
        except DataValidationError as exc:
            print(f"edition {edition_id}: not recorded as validated:\n{exc}", file=sys.stderr)
            return 1
        files = sorted(p for p in (root / TABLES).iterdir() if not p.name.startswith("."))
        lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in files]
        (root / VALIDATED).write_text("".join(lines), encoding="utf-8")
        print(f"edition {edition_id}: {len(files)} tables validated and recorded")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
