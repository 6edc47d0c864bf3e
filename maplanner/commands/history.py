"""`maplanner history`: every saved assessment, and what changed between them."""

from maplanner.commands.shared import JsonOption

SHORT = "Your saved assessments and what changed between them."
HELP = f"""{SHORT}

Each assessment saved with 'maplanner assess --save' (or by answering y when the
interview offers) is kept with its date. This lists them oldest first: tier,
estimated wage percentile and certifications, and what changed since the one
before (tier, estimate, certifications added or removed, years).

To add one after a change: maplanner profile set years 5, then
maplanner assess --saved --save.
"""


def history(json_output: JsonOption = False) -> None:
    from maplanner.core.history import history_view
    from maplanner.store.profiles import history as saved_history

    view = history_view(saved_history())
    if json_output:
        from maplanner.render.output import emit_json

        emit_json(view)
        return
    from maplanner.render.history import render_history

    render_history(view)
