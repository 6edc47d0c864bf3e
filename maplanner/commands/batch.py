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

Columns (header names in any case, any order): id and years are required;
certifications (separated by ;, each optionally with the month earned, as
in "CMA 2023-04"), setting, specialty, leads, pay and program_ends (the
day a student finishes, YYYY-MM-DD), education and accredited (yes/no)
are optional. Blank certifications, specialty and leads mean none; a
blank setting with years 0 means a student (in an MA program, not
working yet); other rows need a setting. Any
other column (name, email, cohort...) is copied to the results unchanged;
a name column also names the student in their plan.

--reports DIR writes each student's printable plan (the HTML that
'maplanner report' writes) into DIR, one file per student named from the
id. --summary FILE writes the class report (.html, .md or .json): the class
on the wage chart, tiers, readiness, the next steps most often needed and
the students who need attention.

Rows that cannot be assessed are never dropped: each is reported with
its line number and reason on stderr and in RESULTS.errors.csv, and
the other rows are still written.

A row whose id an earlier row already used is assessed too, and named
in a warning on stderr (the summary counts them): an id should name
one person.

Exit status: 0 all rows written; 1 some rows rejected, or the roster
cannot be read; 2 a usage problem, such as a missing column, an output
file that exists or a reports folder that holds files (--force replaces
them).

Example: maplanner batch examples/class-roster.csv -o results.csv
  --reports plans --summary class.html
"""


def batch(
    roster: Annotated[
        Path,
        typer.Argument(
            metavar="ROSTER.csv",
            help="The class roster: a CSV file in UTF-8 with a header row.",
            show_default=False,
            readable=False,  # checked by batch_io: an unreadable roster is exit 1, named
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
    reports: Annotated[
        Path | None,
        typer.Option(
            "--reports",
            metavar="DIR",
            help="Also write each student's printable plan (HTML) into this folder.",
            show_default=False,
        ),
    ] = None,
    summary_file: Annotated[
        str | None,
        typer.Option(
            "--summary",
            metavar="FILE",
            help="Also write the class report to FILE: .html (printable), .md or .json.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Replace RESULTS.csv, its errors file and the class report if they "
            "exist, and write plans into a folder that holds files.",
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
    raw_csv: Annotated[
        bool,
        typer.Option(
            "--raw-csv",
            help="Write CSV cells exactly as they are. By default a cell that a "
            "spreadsheet would run as a formula (starting with =, +, -, @, a tab or a "
            "carriage return) gets a leading apostrophe; plain numbers are left alone.",
        ),
    ] = False,
) -> None:
    from maplanner.batch_io import check_files, run_batch
    from maplanner.commands.shared import catalog
    from maplanner.errors import InputError, MaplannerError
    from maplanner.render.batch import StderrReporter, should_show_progress, stderr_is_terminal

    files = check_files(roster, output, force=force, json_lines=json_output, raw_csv=raw_csv)
    class_target = None
    class_kind = None
    if summary_file is not None:
        from maplanner.document_files import check_target
        from maplanner.render.report_formats import choose_format

        class_kind = choose_format(summary_file, None, flag="--summary")
        class_target = check_target(
            summary_file, force=force, flag="--summary", example="class.html"
        )
        others = {files.roster, files.results, files.errors}
        if class_target.resolve() in {path.resolve() for path in others}:
            raise InputError(
                f"--summary {summary_file} is the roster or a results file: choose another "
                "name, like class.html"
            )
    if reports is not None:
        from maplanner.plan_files import check_folder

        check_folder(reports, force=force)
    data = catalog()
    import gc

    gc.enable()  # the edge pauses the collector for start-up; a roster has no size limit
    from maplanner.store import today

    day = today()
    plans = None
    if reports is not None:
        from maplanner.plan_files import PlanWriter

        plans = PlanWriter(reports, data, day)
    klass = None
    if class_target is not None:
        from maplanner.core.class_report import ClassTally

        klass = ClassTally(data, day)
    show = should_show_progress(stderr_is_terminal(), files.size)
    from maplanner.commands.shared import data_override

    with StderrReporter(show_progress=show, total_bytes=files.size) as reporter:
        summary = run_batch(
            files, data, reporter, plans=plans, klass=klass, override=data_override()
        )
    if plans is not None:
        summary = summary.model_copy(
            update={"reports": str(reports), "reports_written": plans.written}
        )
    if klass is not None and class_target is not None and class_kind is not None:
        from maplanner.document_files import write_atomically
        from maplanner.render.class_report import render_class_report

        document = klass.report(summary)
        write_atomically(class_target, render_class_report(document, class_kind), force=force)
        summary = summary.model_copy(update={"class_report": str(class_target)})
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
