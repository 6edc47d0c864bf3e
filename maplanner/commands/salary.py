"""`maplanner salary`: what a percentile pays, and where a wage stands."""

SHORT = "What a percentile pays, and where a wage stands."
HELP = SHORT


def salary() -> None:
    from maplanner.commands.shared import catalog

    catalog()
