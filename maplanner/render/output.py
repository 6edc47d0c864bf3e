"""Where results are written: a Rich console on stdout, or one JSON document."""

import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from pydantic import BaseModel

if TYPE_CHECKING:
    from rich.console import Console


#: Characters a terminal may act on (C0 but tab and newline, DEL, C1): never printed.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` without control characters: data (an override, a roster cell) may hold
    escape sequences that would clear the screen or retitle the window."""
    return _CONTROL.sub("", text)


#: The end of a line made only of spaces and colour codes (codes hold no spaces).
_TAIL = re.compile(r"(?: |\x1b\[[0-9;]*m)*$")
#: Every character such an end can hold.
_TAIL_CHARACTERS = " \x1b[0123456789;m"


def _trim(line: str) -> str:
    """The line without its trailing spaces; colour codes among them are kept.

    The end can only start where the line's last run of `_TAIL_CHARACTERS` does, so
    the search starts there: from the line's start it would try every position, each
    over the spaces that follow (about 3 ms for the lines of assess's screen).
    """
    tail = _TAIL.search(line, len(line.rstrip(_TAIL_CHARACTERS)))
    assert tail is not None  # the pattern matches the empty string at the end
    return line[: tail.start()] + tail.group().replace(" ", "")


class _TrimmedLines:
    """A stdout wrapper that drops the spaces Rich pads lines with before each newline.

    Rich fills table and grid rows out to the full width; on a terminal that is
    invisible, but piped into a file or an email every line ends in a run of spaces.
    Everything else (isatty, encoding, fileno) is the real stream's, so Rich still
    sees the terminal it is writing to.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._pending = ""

    def write(self, text: str) -> int:
        *lines, self._pending = (self._pending + text).split("\n")
        for line in lines:
            self._stream.write(_trim(line) + "\n")
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._stream.write(self._pending)
            self._pending = ""
        self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _PrintableHook:
    """A Rich render hook: every renderable printed has control characters stripped
    from its text after layout; Rich's own colour codes come later and are kept."""

    def process_renderables(self, renderables: list[Any]) -> list[Any]:
        return [_Printable(renderable) for renderable in renderables]


class _Printable:
    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __rich_console__(self, console: "Console", options: Any) -> Iterator[Any]:
        from rich.segment import Segment

        for segment in console.render(self.inner, options):
            text = segment.text
            if segment.control or not _CONTROL.search(text):
                yield segment
            else:
                yield Segment(printable(text), segment.style)


def console() -> "Console":
    """A stdout console. Rich honours NO_COLOR and TERM=dumb, and uses 80 columns when piped.

    ``markup=False`` and ``emoji=False``: text from the data, a roster or a note is
    printed as written ("[draft]" stays "[draft]", ":ok:" stays ":ok:"; maplanner's
    own styles are Text styles, never markup), Rich need not parse every string it
    measures and draws, and it need not load its emoji table. Rich itself is imported here,
    not above, so that `--json` runs never load it.
    """
    from rich.console import Console

    out = Console(
        file=_TrimmedLines(sys.stdout),  # type: ignore[arg-type]
        markup=False,
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )
    out.push_render_hook(_PrintableHook())  # type: ignore[arg-type]
    return out


def emit_json(result: BaseModel) -> None:
    """Print a result model as one JSON document, and nothing else, on stdout."""
    from maplanner.render.json_text import json_text

    sys.stdout.write(json_text(result) + "\n")
