"""`maplanner batch`: assess a whole class from a roster file.

Exit codes: 0 every row was written; 1 some rows were rejected (they are listed on
stderr and in the errors file, and every other row is still written), or the roster
is missing, unreadable, not UTF-8 or not CSV; 2 a usage problem (a missing column,
an output that exists without --force).
"""

from pathlib import Path
from typing import Annotated

import typer

SHORT = "Assess a whole class from a roster CSV file."
HELP = f"""{SHORT}

Reads ROSTER.csv (a header row, then one person per row) and writes
one result per row to RESULTS.csv: tier, estimated wage percentile,
wage range, top next step, and the pay percentile when pay is given.
A summary of the class is printed at the end.

Columns (header names in any case, any order, extra columns ignored):
id, years, certifications (separated by ;), setting, specialty, leads,
and optionally pay, education and accredited (yes/no). Blank
certifications, specialty and leads mean none; setting student means in
an MA program, not working yet (years 0).

Rows that cannot be assessed are never dropped: each is reported with
its line number and reason on stderr and in RESULTS.errors.csv, and
the other rows are still written.

A row whose id an earlier row already used is assessed too, and named
in a warning on stderr (the summary counts them): an id should name
one person.

Exit status: 0 all rows written; 1 some rows rejected, or the roster
cannot be read; 2 a usage problem, such as a missing column or an
output file that exists (add --force to replace it).

Example: maplanner batch examples/class-roster.csv -o results.csv
"""


def batch(
    roster: Annotated[
        Path,
        typer.Argument(
            metavar="ROSTER.csv",
            help="The class roster: a CSV file in UTF-8 with a header row.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="RESULTS.csv",
            help="Where to write the results (one row per valid roster row). Rejected "
            "rows go to RESULTS.errors.csv beside it.",
            show_default=False,
        ),
    ],
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Replace RESULTS.csv and its errors file if they already exist."
        ),
    ] = False,
    json_output: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Write the results (and errors) as JSON lines, one object per row, and "
            "print the summary as one JSON document.",
        ),
    ] = False,
) -> None:
    from maplanner.batch_io import check_files, run_batch
    from maplanner.commands.shared import catalog
    from maplanner.errors import MaplannerError
    from maplanner.render.batch import StderrReporter, should_show_progress, stderr_is_terminal

    files = check_files(roster, output, force=force, json_lines=json_output)
    data = catalog()
    import gc

    gc.enable()  # the edge pauses the collector for start-up; a roster has no size limit
    show = should_show_progress(stderr_is_terminal(), files.size)
    with StderrReporter(show_progress=show, total_bytes=files.size) as reporter:
        summary = run_batch(files, data, reporter)
    if json_output:
        from maplanner.render.output import emit_json

        emit_json(summary)
    else:
        from maplanner.render.batch import render_summary
        from maplanner.render.output import console

        render_summary(summary, console())
    if summary.rows_rejected:
        raise MaplannerError(
            f"{summary.rows_rejected:,} of {summary.rows_in:,} rows were rejected and are "
            f"listed in {summary.errors}; the other {summary.rows_written:,} are in "
            f"{summary.results}"
        )
