"""`render.fit`: a table is printed as it is only when no word of it would be cut.

The quick answer (every column at its widest cell fits the room, so Rich squeezes
nothing) must agree with the full check of every word against Rich's own widths.
"""

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table

from maplanner.render import fit
from tests.conftest import examples

WORDS = st.text(alphabet="abcdefghij", min_size=1, max_size=14)
CELLS = st.one_of(WORDS, st.lists(WORDS, min_size=1, max_size=6).map(" ".join))


def _table(rows: list[list[str]], ratio: bool, kind: type[Table] = Table) -> Table:
    table = kind(expand=ratio)
    for index in range(len(rows[0])):
        table.add_column(f"c{index}", ratio=1 if ratio and index == 0 else None)
    for row in rows:
        table.add_row(*row)
    return table


def _natural_width(table: Table) -> int:
    """The width at which every column has its widest cell's width."""
    console = Console(file=io.StringIO(), width=1000)
    measured = [table._measure_column(console, console.options, c) for c in table.columns]
    return sum(m.maximum for m in measured) + table._extra_width


@settings(max_examples=examples(100))
@given(
    columns=st.integers(min_value=1, max_value=4),
    data=st.data(),
    off_by=st.integers(min_value=-4, max_value=4),
    ratio=st.booleans(),
    fixed=st.booleans(),
)
def test_the_quick_answer_agrees_with_checking_every_word(
    columns: int, data: st.DataObject, off_by: int, ratio: bool, fixed: bool
) -> None:
    """Around the table's natural width, where Rich starts to squeeze columns."""
    row = st.lists(CELLS, min_size=columns, max_size=columns)
    rows = data.draw(st.lists(row, min_size=1, max_size=4))
    table = _table(rows, ratio)
    if fixed:
        table.columns[-1].width = 5
    width = max(10, _natural_width(table) + off_by)
    screen = io.StringIO()
    console = Console(file=screen, width=width)
    inner = console.options.update_width(max(1, width - table._extra_width))
    if fit._fits_at_natural_widths(table, console, inner):
        assert fit._every_word_fits(table, console, inner)
        console.print(table)
        words = {word for cells in rows for cell in cells for word in cell.split()}
        assert words <= set(screen.getvalue().replace("│", " ").split())  # none cut
    assert fit.fits(table, console, width) == fit._every_word_fits(table, console, inner)


def test_a_table_too_wide_for_its_words_is_stacked() -> None:
    table = _table([["a" * 30, "b" * 30]], ratio=False)
    screen = io.StringIO()
    console = Console(file=screen, width=40)
    assert not fit.fits(table, console, 40)
    console.print(fit.fit(table))
    assert "a" * 30 in screen.getvalue() and "b" * 30 in screen.getvalue()
    assert fit.fits(table, console, 80)


def test_the_quick_answer_at_the_natural_width_exactly() -> None:
    """One column too few and Rich cuts a word: the quick answer is yes only from the
    width at which every column has its widest cell."""
    table = _table([["a" * 14, "b" * 14]], ratio=False)
    natural = _natural_width(table)
    for width in range(natural - 3, natural + 2):
        console = Console(file=io.StringIO(), width=width)
        inner = console.options.update_width(width - table._extra_width)
        assert fit._fits_at_natural_widths(table, console, inner) == (width >= natural)
        assert fit.fits(table, console, width) == (width >= natural)


def _printed(renderable: object, width: int) -> str:
    screen = io.StringIO()
    Console(file=screen, width=width).print(renderable)
    return screen.getvalue()


@settings(max_examples=examples(60))
@given(
    columns=st.integers(min_value=1, max_value=4),
    data=st.data(),
    width=st.integers(min_value=12, max_value=90),
    ratio=st.booleans(),
)
def test_a_fitting_table_prints_as_a_table_given_to_fit(
    columns: int, data: st.DataObject, width: int, ratio: bool
) -> None:
    """FittingTable keeps the column widths it worked out for the check of its words, so
    Rich does not work them out again: what it prints is what `fit` prints, as a table
    or stacked, and a row added after a printing is in the next one."""
    row = st.lists(CELLS, min_size=columns, max_size=columns)
    rows = data.draw(st.lists(row, min_size=2, max_size=5))
    plain = _table(rows, ratio)
    fitting = _table(rows[:-1], ratio, fit.FittingTable)
    assert _printed(fitting, width) == _printed(fit.fit(_table(rows[:-1], ratio)), width)
    fitting.add_row(*rows[-1])
    assert _printed(fitting, width) == _printed(fit.fit(plain), width)
    assert _printed(fitting, width + 7) == _printed(fit.fit(plain), width + 7)
