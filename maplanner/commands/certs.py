"""`maplanner certs`: which certifications, when, and what they take."""

SHORT = "Which certifications to earn, when, and what they take."
HELP = SHORT


def certs() -> None:
    from maplanner.commands.shared import catalog

    catalog()
