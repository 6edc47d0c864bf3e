"""The yardstick: a minimal Typer app that imports typer, rich and pydantic and prints one table.

maplanner's start-up is reported as a ratio to this app, timed in the same loop, so
the figures mean the same on a fast laptop and a slow CI machine.
"""

import pydantic
import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


class Row(pydantic.BaseModel):
    name: str
    value: int


@app.command()
def show() -> None:
    """Print one small Rich table."""
    row = Row(name="median", value=44200)
    table = Table("name", "value")
    table.add_row(row.name, f"{row.value:,}")
    Console().print(table)


if __name__ == "__main__":
    app()
