"""`maplanner guide`: the guides' other advice, as topics to browse."""

from typing import Annotated

import typer

from maplanner.commands import completion
from maplanner.commands.shared import JsonOption

SHORT = "Advice: a day in the work, pros and cons, getting hired, FAQ."
HELP = f"""{SHORT}

Two forms:

  maplanner guide          the topics: id, title and what each covers

  maplanner guide TOPIC    one topic (for example: maplanner guide faq)

TOPIC is an id, title or alias in any case; a fragment that fits one topic
picks it (maplanner guide mistakes). The advice is in maplanner's own words,
from the two career guides; pay and outlook figures come from the BLS tables
maplanner ships, never from older figures in the guides.
"""


def guide(
    topic: Annotated[
        str | None,
        typer.Argument(
            metavar="TOPIC",
            autocompletion=completion.guide_topics,
            help="A topic id, title, alias or fragment (for example faq, hired, mistakes).",
            show_default=False,
        ),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    from maplanner.commands.shared import catalog
    from maplanner.core import guide as core
    from maplanner.render import guide as render
    from maplanner.render.output import emit_json

    data = catalog()
    if topic is None:
        listing = core.list_topics(data)
        if json_output:
            emit_json(listing)
        else:
            render.render_list(listing)
        return
    detail = core.topic_detail(data, core.find_topic(data, topic))
    if json_output:
        emit_json(detail)
    else:
        render.render_topic(detail)
