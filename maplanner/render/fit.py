"""Tables that never cut a word in two: in a narrow terminal each row becomes a block.

Rich shares a table's width out by column ratios and folds any word longer than its
column ("(alternati" / "ve)"). `fit` checks, before printing, whether every column
is at least as wide as the longest word it holds; when one is not, the same cells are
printed one row after another instead (the first cell, with any short no-wrap cells
beside it, then the rest indented below), so the words are the same at 40 columns
as at 200, only laid out differently. A table built to be printed so is a
`FittingTable`, which also works out its column widths only once.
"""

from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

#: A width no terminal has: measuring at it gives a cell's own widths, untrimmed.
UNLIMITED = 1_000_000
#: What separates the header names, and the short cells on a block's first line.
SEPARATOR = " · "


class Fitted:
    """A table that decides, when printed, whether its words fit the room it is given.

    Deciding at print time means the room is right wherever the table sits: the whole
    terminal, inside a panel, or a cell of another grid.
    """

    def __init__(self, table: Table) -> None:
        self.table = table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if fits(self.table, console, options.max_width, options):
            yield self.table
        else:
            yield stacked(self.table)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table)


def fit(table: Table) -> Fitted:
    """`table` as it is when every word fits its column, else one block per row (for a
    table built as a plain Rich Table; a `FittingTable` does this itself)."""
    return Fitted(table)


def fits(
    table: Table, console: Console, width: int, options: ConsoleOptions | None = None
) -> bool:
    """Whether Rich would lay `table` out at `width` without folding or cropping a word.

    Uses Rich's own column-width calculation (a private method, stable for years), so
    the answer is the layout Rich will actually print. `options` are those the table is
    printed with (the console's when not given).
    """
    options = (options or console.options).update_width(width)
    inner = options.update_width(max(1, width - table._extra_width))
    return _fits_at_natural_widths(table, console, inner) or _every_word_fits(
        table, console, inner
    )


def _every_word_fits(table: Table, console: Console, inner: ConsoleOptions) -> bool:
    """Whether every cell's longest word fits the width Rich would give its column."""
    try:
        widths = table._calculate_column_widths(console, inner)
    except AttributeError:  # a Rich without it: blocks always fit
        return False
    for index, (column, column_width) in enumerate(zip(table.columns, widths, strict=True)):
        room = column_width - table._get_padding_width(index)
        cells = [column.header, *column._cells] if table.show_header else column._cells
        for cell in cells:
            if _longest_word(console, inner, cell) > room:
                return False
    return True


def _fits_at_natural_widths(table: Table, console: Console, options: ConsoleOptions) -> bool:
    """True when every column can have its widest cell's width: Rich then squeezes no
    column, so no word can be cut, and the check of every word is not needed (it costs
    a third of printing the table). Columns with a set width or ratio are sized by Rich
    otherwise, so for them this says nothing (False)."""
    columns = table.columns
    if any(c.width is not None or c.ratio or c.max_width is not None for c in columns):
        return False
    # Measured without a limit: Rich trims a measurement to the room it is given, and a
    # cell trimmed to fit would look as if it fitted.
    unlimited = options.update_width(UNLIMITED)
    try:
        measured = [table._measure_column(console, unlimited, column) for column in columns]
    except AttributeError:  # a Rich without it
        return False
    return sum(measurement.maximum for measurement in measured) <= options.max_width


def _longest_word(console: Console, options: ConsoleOptions, cell: RenderableType) -> int:
    """The narrowest the cell can be without cutting a word.

    Rich's Columns (typer puts an option's help in one) says nothing of its words when
    measured, so its parts are measured one by one.
    """
    parts = getattr(cell, "renderables", None)
    if isinstance(parts, list) and parts:
        return max(_longest_word(console, options, part) for part in parts)
    return Measurement.get(console, options, _renderable(cell)).minimum


def _renderable(cell: RenderableType) -> RenderableType:
    return Text(cell) if isinstance(cell, str) else cell


def _text(cell: RenderableType) -> Text:
    if isinstance(cell, Text):
        return cell
    return Text(str(cell))


def stacked(table: Table) -> Group:
    """The table's title, its header names on one line, then one block per row."""
    parts: list[RenderableType] = []
    if table.title:
        parts.append(_text(table.title))
    columns = table.columns
    if table.show_header:
        names = [str(column.header) for column in columns if str(column.header)]
        if names:
            parts.append(Text(SEPARATOR.join(names), style="bold"))
    short = [index > 0 and column.no_wrap for index, column in enumerate(columns)]
    for number, row in enumerate(zip(*(column._cells for column in columns), strict=True)):
        head = [
            _text(cell)
            for index, cell in enumerate(row)
            if (index == 0 or short[index]) and _is_text(cell)
        ]
        if number or parts:
            parts.append(Text(""))
        parts.append(Text(SEPARATOR).join(text for text in head if text.plain))
        for index, cell in enumerate(row):
            if index == 0 and _is_text(cell):
                continue
            if short[index] and _is_text(cell):
                continue
            if _is_text(cell) and not _text(cell).plain.strip():
                continue
            parts.append(Padding(_text(cell) if _is_text(cell) else cell, (0, 0, 0, 2)))
    return Group(*parts)


def _is_text(cell: RenderableType) -> bool:
    return isinstance(cell, str | Text)


class FittingTable(Table):
    """A Rich Table that prints as blocks where its words would not fit.

    Unlike `fit(table)`, it works out its column widths once a printing: the check of
    its words needs the widths Rich will give its columns, and Rich's drawing then asks
    for the same ones (working them out twice was a tenth of drawing assess's screen).
    Typer's help tables are made of it too (maplanner.cli).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Column widths by what they depend on: the room, whether a str cell is read as
        #: markup, and the rows; forgotten when a printing starts (a new console).
        self._widths: dict[tuple[int, bool | None, int], list[int]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        self._widths.clear()
        if fits(self, console, options.max_width, options):
            yield from super().__rich_console__(console, options)
        else:
            yield stacked(self)

    def _calculate_column_widths(self, console: Console, options: ConsoleOptions) -> list[int]:
        key = (options.max_width, options.markup, len(self.rows))
        if key not in self._widths:
            self._widths[key] = super()._calculate_column_widths(console, options)
        return list(self._widths[key])
