"""`maplanner guide` (being built)."""

SHORT = "guide"
HELP = SHORT


def guide() -> None:
    from maplanner.commands.shared import catalog

    catalog()
