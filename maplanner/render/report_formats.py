"""The formats a plan can be written in, and the one function that lays a plan out.

`maplanner report` and `maplanner batch --reports` both turn a `Report` into text
here, so a student's plan from a class roster is the same document, byte for byte,
as the one `report` writes from the same answers.
"""

from pathlib import Path
from typing import Literal

from maplanner.core.report import Report
from maplanner.errors import InputError

Format = Literal["md", "html", "json"]

#: File name endings and the format each one means.
EXTENSIONS: dict[str, Format] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}
#: --format values (any case) and the format each one means.
FORMATS: dict[str, Format] = {
    "md": "md",
    "markdown": "md",
    "html": "html",
    "htm": "html",
    "json": "json",
}
FORMAT_NAMES: dict[Format, str] = {"md": "Markdown", "html": "HTML", "json": "JSON"}


def choose_format(output: str, option: str | None, *, flag: str = "-o") -> Format:
    """md, html or json: --format if given, else the file name's ending."""
    if option is not None:
        chosen = FORMATS.get(option.strip().lower())
        if chosen is None:
            raise InputError(f"--format {option!r} is not a report format: use md, html or json")
        return chosen
    if output == "-":
        return "md"
    suffix = Path(output).suffix.lower()
    found = EXTENSIONS.get(suffix)
    if found is None:
        said = f"ends in {suffix!r}" if suffix else "has no ending"
        raise InputError(
            f"{flag} {output!r} {said}, so the format is unknown: end the name in "
            f"{', '.join(EXTENSIONS)}" + (", or add --format md|html|json" if flag == "-o" else "")
        )
    return found


def render_report(document: Report, kind: Format) -> str:
    """The plan as text in the format asked for, ending with a newline."""
    if kind == "html":
        from maplanner.render.report_html import render_html

        return render_html(document)
    if kind == "md":
        from maplanner.render.report_md import render_markdown

        return render_markdown(document)
    from maplanner.render.json_text import json_text

    return json_text(document) + "\n"
