"""`maplanner plan` (being built)."""

SHORT = "plan"
HELP = SHORT


def plan() -> None:
    from maplanner.commands.shared import catalog

    catalog()
