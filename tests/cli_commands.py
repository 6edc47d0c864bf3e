"""What the robustness tests know about the CLI.

Commands and their options are found by walking the built Click group, so a command
added later is fuzzed, run in every output mode and run without a network with no edit
here. `samples()` adds, for the commands that exist today, a successful invocation and
a few words its output must contain (single tokens, so a narrow terminal may wrap the
text around them but must not break or drop them).
"""

from dataclasses import dataclass
from pathlib import Path

from typer.core import TyperCommand
from typer.core import TyperGroup as Group

from maplanner.cli import build_command

#: A command or a group, as typer builds them.
Command = TyperCommand | Group

#: Options of the root command that act on the user's shell set-up, not on maplanner's
#: data: tested on their own in tests/test_completion.py with a fake HOME.
SHELL_SETUP_OPTIONS = frozenset({"--install-completion", "--show-completion"})


@dataclass(frozen=True)
class Sample:
    """One invocation that should succeed, and tokens its stdout must contain."""

    args: tuple[str, ...]
    expect: tuple[str, ...]

    @property
    def name(self) -> str:
        return " ".join(self.args)


def command_paths() -> list[tuple[str, ...]]:
    """Every visible command and sub-command, as the words that name it."""
    found: list[tuple[str, ...]] = []

    def walk(command: Command, path: tuple[str, ...]) -> None:
        if isinstance(command, Group):
            for name, sub in sorted(command.commands.items()):
                if not sub.hidden:
                    found.append((*path, name))
                    walk(sub, (*path, name))

    walk(build_command(), ())
    return found


def command_at(path: tuple[str, ...]) -> Command:
    """The Click command that a path of command words names."""
    command: Command = build_command()
    for word in path:
        assert isinstance(command, Group)
        command = command.commands[word]
    return command


def option_names(command: Command) -> list[str]:
    """Every option spelling a command accepts (--years, -p, --json, --help, ...)."""
    names: list[str] = []
    for param in command.params:
        if param.param_type_name == "option":
            names += [*param.opts, *param.secondary_opts]
    return sorted(set(names) - SHELL_SETUP_OPTIONS)


def root_option_names() -> list[str]:
    return option_names(build_command())


def all_option_names() -> list[str]:
    """Option names of every command: passing one to another command must be handled."""
    names = set(root_option_names())
    for path in command_paths():
        names.update(option_names(command_at(path)))
    return sorted(names)


#: Sample arguments that start with this are paths inside the test's work directory.
WORK = "WORK/"


def prepare_work(work: Path) -> None:
    """Write the files the samples read (a small class roster) into `work`."""
    (work / "roster.csv").write_text(
        "id,years,certifications,setting,specialty,leads,pay\n"
        "S1,0,,family-practice,,,\n"
        "S2,4,CMA,hospital,,,46k\n",
        encoding="utf-8",
    )


def in_work(args: tuple[str, ...], work: Path) -> tuple[str, ...]:
    """The sample's arguments with WORK/ paths placed in the work directory."""
    return tuple(
        str(work / arg.removeprefix(WORK)) if arg.startswith(WORK) else arg for arg in args
    )


SAMPLES = (
    Sample(("salary", "--percentile", "75"), ("$49,180", "$23.65", "75th")),
    Sample(
        ("salary", "--wage", "46k", "--setting", "hospital"),
        ("$46,000", "$46,910", "$45,690", "52nd"),
    ),
    Sample(("certs",), ("CMA", "RMA", "CCMA", "COA", "BLS")),
    Sample(("certs", "--year", "2"), ("COA", "2")),
    Sample(("certs", "cma"), ("CMA:", "AAMA")),
    Sample(("paths",), ("lead-ma", "practice-manager")),
    Sample(("paths", "rn"), ("NCLEX-RN",)),
    Sample(("guide",), ("faq",)),
    Sample(("guide", "faq"), ("CCMA",)),
    Sample(
        (
            "plan",
            "--goal",
            "practice-manager",
            "--years",
            "4",
            "--cert",
            "CMA",
            "--setting",
            "family-practice",
        ),
        ("practice-manager", "ICD-10"),
    ),
    Sample(
        (
            "assess",
            "--years",
            "4",
            "--cert",
            "CMA",
            "--setting",
            "family-practice",
            "--pay",
            "46k",
        ),
        ("Mid", "38th", "$46,000", "52nd"),
    ),
    Sample(("profile",), ("MAPLANNER_HOME",)),
    Sample(("history",), ("assess",)),
    Sample(
        ("batch", f"{WORK}roster.csv", "-o", f"{WORK}results.csv", "--force"),
        ("Entry", "Mid", "50%"),
    ),
)


def samples() -> list[Sample]:
    """The samples whose command exists in this build."""
    known = {path[0] for path in command_paths()}
    return [sample for sample in SAMPLES if sample.args[0] in known]
