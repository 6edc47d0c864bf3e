"""Convert option values without pydantic, so start-up and tab completion stay light.

Typer 0.29 converts every option value through a pydantic ``TypeAdapter`` that it builds
the first time the option is processed: even when the option was not given (its value is
None) and even during tab completion, where no command runs. Building those adapters
makes tab completion about twice as slow (measured with typer 0.29.2 on 2 cores:
a Tab on ``assess --setting`` took 130 ms with this module and 287 ms without; see
docs/performance.md). Typer 0.27 and 0.28 convert without pydantic and need none of this.

maplanner's options are plain: a flag, text, a list of text, a path, or text passed to a
``parser=``. Converting those needs no pydantic, so `install()` puts a converter factory in
front of typer's that handles exactly those kinds of value the way typer does, and hands
anything else (another annotation, an unexpected value) to typer's own converter.

This is the one module of maplanner that uses typer internals (``typer._coercion`` and
``typer.core.build_runtime_param``, which have no public equivalent). It is an optional
speed-up, so typer is not pinned for it: `install()` changes nothing unless the running
typer is a release it was checked against (`CHECKED_TYPER`); with any other release,
typer converts values itself, correctly but more slowly, and tests/test_plain_values.py
fails to say the speed-up needs checking again.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import typer
import typer.core as typer_core
from typer import BadParameter
from typer._coercion import RuntimeParam, TypeDescriptor
from typer._coercion import build_runtime_param as typer_factory
from typer._param_types import coerce_cli_path

#: The typer minor releases whose internals this module was checked against.
CHECKED_TYPER = ("0.29.",)

Kind = Literal["flag", "text", "texts", "path", "parsed"]
Factory = Callable[[TypeDescriptor], RuntimeParam]

#: Typer's own factory, kept for every value this module does not convert itself.
_typer_factory: Factory = typer_factory


@dataclass(frozen=True)
class PlainValue(RuntimeParam):
    """Converts the values a command line can carry for one plain option."""

    descriptor: TypeDescriptor
    kind: Kind

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        kind = self.kind
        if kind == "flag" and isinstance(value, bool):
            return value
        if kind == "text" and isinstance(value, str):
            return value
        plain_texts = isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
        if kind == "texts" and plain_texts:
            return list(value)
        if kind == "parsed" and isinstance(value, str):
            parser = self.parameter_info.parser
            assert parser is not None
            try:
                return parser(value)
            except ValueError as error:  # typer's adapter turns these into usage errors too
                raise BadParameter(str(error), ctx=ctx, param=param) from None
        if kind == "path" and isinstance(value, str):
            path = Path(value)
            try:
                return coerce_cli_path(
                    path, self.parameter_info, path_type=Path, param=param, ctx=ctx
                )
            except ValueError:  # a NUL byte: no such file can exist; the command says so
                if self.parameter_info.exists:
                    raise BadParameter(
                        f"{value!r} does not exist.", ctx=ctx, param=param
                    ) from None
                return path
        return _typer_factory(self.descriptor)._coerce_value(value, param=param, ctx=ctx)


def plain_kind(descriptor: TypeDescriptor) -> Kind | None:
    """Which plain kind an option is, or None when typer should convert it."""
    info = descriptor.parameter_info
    annotation = descriptor.annotation
    if descriptor.file_annotation is not None:
        return None
    if info.parser is not None:
        return "parsed"
    if annotation is bool:
        return "flag"
    if annotation is str:
        return "text"
    if annotation == list[str]:
        return "texts"
    if annotation is Path and info.path_type is None:
        return "path"
    return None


def build_runtime_param(descriptor: TypeDescriptor) -> RuntimeParam:
    """The converter for one option: plain where possible, else typer's own."""
    kind = plain_kind(descriptor)
    if kind is None:
        return _typer_factory(descriptor)
    return PlainValue(
        parameter_info=descriptor.parameter_info,
        annotation=descriptor.annotation,
        descriptor=descriptor,
        kind=kind,
    )


def install() -> bool:
    """Make typer use the plain converters for the rest of this process (idempotent).

    Returns whether it did: only for a typer release in `CHECKED_TYPER`.
    """
    if not typer.__version__.startswith(CHECKED_TYPER):
        return False
    typer_core.build_runtime_param = build_runtime_param  # type: ignore[attr-defined]
    return True
