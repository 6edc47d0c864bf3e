"""The floor: what any maplanner command that prints a Rich table of pydantic models
cannot avoid. It imports typer, pydantic and rich's Console and Table, and defines one
pydantic model class, as lazily as pydantic allows (``defer_build``: no validator is
built, no instance is made). It prints nothing.

Defining the first model class is not free: pydantic then imports its field and type
machinery. The floor's ratio to the reference is how far below the reference such a
command can possibly get.
"""

import typer  # noqa: F401
from pydantic import BaseModel, ConfigDict
from rich.console import Console  # noqa: F401
from rich.table import Table  # noqa: F401


class Row(BaseModel):
    model_config = ConfigDict(defer_build=True)

    name: str
    value: int
