"""Rich output for `maplanner guide`: the topic list, or one topic's advice.

A topic is its headings with dash bullets that wrap under their own text, then the
sources it leans on, so it reads the same piped, in a narrow terminal or without
colour. Advice text is never read as Rich markup.
"""

from rich.console import Console
from rich.table import Table
from rich.text import Text

from maplanner.core.guide import TopicDetail, TopicList
from maplanner.render.fit import fit
from maplanner.render.output import console as stdout_console


def render_list(result: TopicList, out: Console | None = None) -> None:
    out = out or stdout_console()
    table = Table(title=f"Guide topics ({len(result.topics)})", title_justify="left", expand=True)
    table.add_column("Id", no_wrap=True)
    table.add_column("Topic", ratio=2, overflow="fold")
    table.add_column("What it covers", ratio=4, overflow="fold")
    for topic in result.topics:
        table.add_row(topic.id, Text(topic.title), Text(topic.summary))
    out.print(fit(table))
    out.print(
        "Read one: maplanner guide ID (a fragment works too: maplanner guide mistakes).",
        markup=False,
    )


def render_topic(result: TopicDetail, out: Console | None = None) -> None:
    out = out or stdout_console()
    topic = result.topic
    out.print(Text(topic.title, style="bold"))
    out.print(topic.summary, markup=False)
    for section in topic.sections:
        out.print()
        out.print(Text(section.heading, style="bold"))
        for point in section.points:
            out.print(_bullet(point))
    out.print()
    out.print(Text("Sources", style="bold"))
    for source in result.sources:
        out.print(_bullet(f"{source.publisher}: {source.title} ({source.period})."))


def _bullet(text: str) -> Table:
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row("-", Text(text))
    return grid
