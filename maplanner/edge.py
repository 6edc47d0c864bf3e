"""The one place where errors become messages and exit codes.

Exit codes: 0 success; 1 a data, file or store problem (or a bug); 2 a bad option
value or usage; 130 interrupted with Ctrl-C. Results go to stdout, every diagnostic
to stderr, and no path a user can reach prints a traceback (set MAPLANNER_DEBUG=1 to
see one when reporting a bug).
"""

import contextlib
import gc
import os
import re
import sys
from typing import NoReturn

PROG = "maplanner"

#: A word of a parser message longer than this is shortened (Click quotes what was typed).
LONGEST_QUOTED_WORD = 200
_LONG_WORD = re.compile(rf"[^\s()'\"]{{{LONGEST_QUOTED_WORD + 1},}}")
#: Characters a terminal may act on (C0 and C1 controls, DEL): shown as \xNN instead.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def main(argv: list[str] | None = None) -> NoReturn:
    """Console-script entry point.

    Start-up makes many objects that live until exit (modules, classes, the app) and
    almost no garbage cycles, so the cyclic collector is paused: it would walk them again
    and again (about a tenth of a run). Commands with unbounded work turn it back on
    (batch). Otherwise it stays off to the end of the process: turned back on, its first
    collection would walk every object start-up made, all still in the youngest
    generation (about 30 ms of an `assess`, seen with gc.callbacks), to find almost no
    garbage just before the process ends.
    """
    gc.disable()
    _end(_guarded(argv))


def _end(code: int) -> NoReturn:
    """End the process as soon as what was written is out, without Python's teardown.

    After a command, the interpreter would tear down every module, class and object
    the run made, one by one (about 10 ms of an `assess`, more than drawing a table),
    only for the operating system to free the memory anyway. Nothing maplanner does
    waits for that teardown: files and the database are closed where they are used,
    part files are committed or removed by then, no thread runs, and no exit handler
    is registered. So the buffered output is flushed here and the process ends. A
    reader that went away is quiet, as during the run; any other failure to write the
    output (a full disk) is said on stderr, with exit code 1; Ctrl-C is exit code 130.
    """
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
        code = 1
    except OSError as error:
        _say(f"cannot write the output ({error.strerror or error})")
        code = 1
    except KeyboardInterrupt:  # Ctrl-C while a slow terminal takes the output
        _say("interrupted")
        code = 130
    with contextlib.suppress(OSError):
        sys.stderr.flush()
    os._exit(code)


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code instead of raising.

    For callers that go on in the same process (tests, scripts): the collector is
    paused as in `main`, and runs again afterwards if it ran before.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _guarded(argv)
    finally:
        if collecting:
            gc.enable()


def _guarded(argv: list[str] | None) -> int:
    """Run the CLI with every way it can end turned into an exit code and one line."""
    # pydantic looks for plugins in every installed package's metadata the first time
    # a model class is made, which costs more than maplanner's own start-up work.
    # maplanner uses no plugins (set PYDANTIC_DISABLE_PLUGINS yourself to decide).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _say_notes(quiet=True)  # notes from before this run (a caller in the same process)
    try:
        return _run(argv)
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except BrokenPipeError:
        _quiet_broken_pipe()
        return 1
    except SystemExit as stop:  # tab completion and --install-completion end this way
        return _exit_code(stop.code)
    finally:
        _say_notes()


def _run(argv: list[str] | None) -> int:
    import typer

    from maplanner.cli import build_command, invoked_command
    from maplanner.errors import MaplannerError

    command = build_command(invoked_command(sys.argv[1:] if argv is None else argv))
    try:
        result = command.main(args=argv, prog_name=PROG, standalone_mode=False)
    except MaplannerError as error:
        _say(error.message, error.hint)
        return error.exit_code
    except typer.TyperException as error:  # the parser's: usage (exit 2) or a file
        return _parser_error(error, command, argv)
    except typer.Abort:
        _say("input ended before an answer was given")
        return 1
    except EOFError:
        _say("input ended before an answer was given")
        return 1
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise
        _say(
            f"{error.strerror or error}: {error.filename}"
            if error.filename
            else error.strerror or str(error)
        )
        return 1
    except Exception as error:  # a bug: say so in one line, unless debugging
        if os.environ.get("MAPLANNER_DEBUG"):
            raise
        _say(
            f"internal error ({type(error).__name__}: {error}); please report it, "
            "and set MAPLANNER_DEBUG=1 to see the details"
        )
        return 1
    if result == 130:
        _say("interrupted")
    return result if isinstance(result, int) else 0


def _parser_error(error: Exception, command: object, argv: list[str] | None) -> int:
    """Say what the command-line parser refused, and return its exit code.

    Typer's public `TyperException` is the base of every parser error; those about
    usage carry exit code 2 and the context of the command they concern. `maplanner`
    with no arguments at all "fails" that way too (no_args_is_help): its help goes to
    stdout with exit 0, as `--help` would.
    """
    message = error.format_message() if hasattr(error, "format_message") else str(error)
    code = getattr(error, "exit_code", 1)
    if code != 2:
        _say(message)
        return code if isinstance(code, int) else 1
    ctx = getattr(error, "ctx", None)
    words = sys.argv[1:] if argv is None else argv
    if ctx is not None and not words and getattr(ctx.command, "no_args_is_help", False):
        sys.stdout.write(ctx.get_help() + "\n")
        return 0
    where = ctx.command_path if ctx is not None else _command_path(command, argv)
    _say(f"{_shorten_long_words(message).rstrip('.')} (see '{where} --help')")
    return 2


def _shorten_long_words(message: str) -> str:
    """The parser's message with any word it quotes from the command line kept short.

    Click repeats what was typed ("No such option: --...", "Got unexpected extra
    argument (...)"); a value of 150,000 characters must not become a line as long.
    """
    return _LONG_WORD.sub(
        lambda found: f"{found.group()[:40]}… ({len(found.group()):,} characters)", message
    )


def _exit_code(code: object) -> int:
    """What sys.exit(code) would make the exit status: None is 0, text is said and 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    _say(str(code))
    return 1


def _command_path(group: object, argv: list[str] | None) -> str:
    """'maplanner salary' for an error the parser raised without saying where.

    Some usage errors (an option given without its value) come without a context;
    the help to point at is the deepest command named on the command line.
    """
    path = [PROG]
    for word in sys.argv[1:] if argv is None else argv:
        commands = getattr(group, "commands", None)
        if isinstance(commands, dict) and word in commands:
            group = commands[word]
            path.append(word)
    return " ".join(path)


def _say_notes(*, quiet: bool = False) -> None:
    """Say which names were taken from part of what was typed ("taking --setting ...").

    The matching code only records them (domain code never prints); they are said
    here, before any error and at the end of a run. Skipped when no name was matched.
    """
    matching = sys.modules.get("maplanner.core.matching")
    if matching is None:
        return
    for note in matching.take_notes():
        if quiet:
            continue
        sys.stderr.write(f"{PROG}: {_printable(note)}\n")
    sys.stderr.flush()


def _say(message: str, hint: str | None = None) -> None:
    """Write one diagnostic line (and an optional hint line) to stderr."""
    _say_notes()
    sys.stderr.write(f"{PROG}: {_printable(message)}\n")
    if hint:
        sys.stderr.write(f"{PROG}: hint: {_printable(hint)}\n")
    sys.stderr.flush()


def _printable(text: str) -> str:
    """One line that any stderr can write and no terminal will act on.

    Messages quote what the user typed or what a data file holds, so they may carry
    bytes that were not UTF-8 (Python keeps them as lone surrogates, which a strict
    stream refuses to write) or control characters (an escape sequence could recolour
    or clear the terminal). The first are shown as \\xff, the second as \\x1b.
    """
    line = " ".join(text.split())
    try:
        raw = line.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no undecodable byte produces
        raw = line.encode("utf-8", "backslashreplace")
    line = raw.decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", line)


def _quiet_broken_pipe() -> None:
    """After the reader of our stdout went away, stop Python complaining at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
