"""Where results are written: a Rich console on stdout, or one JSON document."""

import sys
from typing import TYPE_CHECKING

from pydantic import BaseModel

if TYPE_CHECKING:
    from rich.console import Console


def console() -> "Console":
    """A stdout console. Rich honours NO_COLOR and TERM=dumb, and uses 80 columns when piped.

    ``emoji=False``: text from the data is printed as written (":ok:" stays ":ok:"), and
    Rich need not load its emoji table (5 ms of start-up). Rich itself is imported here,
    not above, so that `--json` runs never load it.
    """
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, emoji=False)


def emit_json(result: BaseModel) -> None:
    """Print a result model as one JSON document, and nothing else, on stdout."""
    sys.stdout.write(result.model_dump_json(indent=2) + "\n")
