"""`maplanner paths` (being built)."""

SHORT = "paths"
HELP = SHORT


def paths() -> None:
    from maplanner.commands.shared import catalog

    catalog()
