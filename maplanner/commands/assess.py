"""`maplanner assess` (being built)."""

SHORT = "assess"
HELP = SHORT


def assess() -> None:
    from maplanner.commands.shared import catalog

    catalog()
