"""Allow ``python -m ondermijning_indicators``."""

from .cli import main

main()
