"""The floor: only the imports that any maplanner command printing a Rich table of
pydantic models cannot avoid (typer, pydantic's BaseModel, rich's Console and Table).

It does nothing else. Its ratio to the reference shows how much of the reference's
time those imports take, and so how far below the reference such a command can get.
"""

import typer  # noqa: F401
from pydantic import BaseModel  # noqa: F401
from rich.console import Console  # noqa: F401
from rich.table import Table  # noqa: F401
