"""The optional start-up speed-up for typer 0.29 converts option values as typer would.

maplanner/commands/plain_values.py is the one module that uses typer internals; these
tests compare it with typer's own converter, so they need those internals too and are
skipped where the running typer lacks them. On any typer release, the commands work
without it.
"""

from pathlib import Path

import pytest
import typer
import typer.core
from hypothesis import given, settings
from hypothesis import strategies as st
from typer import BadParameter
from typer.models import OptionInfo

coercion = pytest.importorskip("typer._coercion")

from maplanner.catalog.loader import packaged_data_dir  # noqa: E402
from maplanner.cli import build_command  # noqa: E402
from maplanner.commands import plain_values  # noqa: E402
from maplanner.commands.profile_options import _years_value  # noqa: E402
from tests.conftest import Runner, examples  # noqa: E402

typer_factory = coercion.build_runtime_param
resolve_type_descriptor = coercion.resolve_type_descriptor


def test_plain_option_values_are_in_place() -> None:
    build_command()
    assert typer.core.build_runtime_param is plain_values.build_runtime_param  # type: ignore[attr-defined]


def _both(annotation: object, info: OptionInfo, value: object) -> tuple[object, object]:
    """The value as typer's own converter and as the plain one convert it."""
    descriptor = resolve_type_descriptor(annotation, info)
    plain = plain_values.build_runtime_param(descriptor)
    assert isinstance(plain, plain_values.PlainValue)
    command = build_command()
    param = command.params[0]
    context = command.make_context("maplanner", [], resilient_parsing=True)
    outcomes: list[object] = []
    for converter in (typer_factory(descriptor), plain):
        try:
            outcomes.append(converter.coerce(value, param=param, ctx=context))
        except BadParameter as error:
            outcomes.append(("error", error.message))
    return outcomes[0], outcomes[1]


#: What a command line can carry: no NUL, and surrogates only for undecodable bytes.
TEXT = st.one_of(
    st.text(st.characters(codec="utf-8", blacklist_characters="\x00"), max_size=20),
    st.sampled_from(["\udcff", "caf\udce9", "-", "", " ", "~/x", "../..", "/"]),
)


@settings(max_examples=examples(60), deadline=None)
@given(TEXT)
def test_plain_values_match_typer_for_text_and_paths(value: str) -> None:
    typers, plain = _both(str, OptionInfo(), value)
    assert typers == plain
    typers, plain = _both(Path, OptionInfo(), value)
    assert typers == plain
    typers, plain = _both(list[str], OptionInfo(), [value, value])
    assert typers == plain
    typers, plain = _both(bool, OptionInfo(), value == "")
    assert typers == plain


@settings(max_examples=examples(60), deadline=None)
@given(st.one_of(TEXT, st.sampled_from(["4", "2.5", "-1", "nan", "1e9", " 3 "])))
def test_plain_values_match_typer_for_parsed_years(value: str) -> None:
    typers, plain = _both(float, OptionInfo(parser=_years_value), value)
    assert typers == plain or (typers != typers and plain != plain)  # nan == nan


def test_a_nul_byte_in_a_path_is_kept_for_the_command_to_judge() -> None:
    _, plain = _both(Path, OptionInfo(), "a\x00b")
    assert plain == Path("a\x00b")


def test_an_unchecked_typer_release_converts_values_itself(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(typer, "__version__", "0.99.0")
    monkeypatch.setattr(typer.core, "build_runtime_param", typer_factory)
    build_command.cache_clear()
    try:
        assert plain_values.install() is False
        assert typer.core.build_runtime_param is typer_factory  # type: ignore[attr-defined]
        result = run("--data-dir", str(packaged_data_dir()), "salary", "--percentile", "75")
        assert (result.code, result.err) == (0, "")
        assert "$49,180" in result.out  # May 2025, published
        assert run("certs", "--year", "x").code == 2
    finally:
        build_command.cache_clear()
