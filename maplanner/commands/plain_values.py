"""Convert option values without pydantic, so start-up and tab completion stay light.

Typer 0.29 converts every option value through a pydantic ``TypeAdapter`` that it builds
the first time the option is processed: even when the option was not given (its value is
None) and even during tab completion, where no command runs. Building the first adapter
imports pydantic's schema machinery, which cost more than everything else completion does
(about 80 ms of 120 ms when measured with ``python -X importtime``).

maplanner's options are plain: a flag, text, a list of text, a path, or text passed to a
``parser=``. Converting those needs no pydantic, so `install()` puts a converter factory in
front of typer's that handles exactly those kinds of value the way typer does, and hands
anything else (another annotation, an unexpected value) to typer's own converter.

It relies on two typer internals, ``typer.core.build_runtime_param`` and
``typer._coercion.RuntimeParam``; `maplanner.cli.build_command` calls `install()` only if
this module imports, and tests/test_completion.py checks that the factory is in place.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import typer.core as typer_core
from typer._click import Context
from typer._click.exceptions import BadParameter
from typer._coercion import RuntimeParam, TypeDescriptor
from typer._coercion import build_runtime_param as typer_factory
from typer._param_types import coerce_cli_path

Kind = Literal["flag", "text", "texts", "path", "parsed"]
Factory = Callable[[TypeDescriptor], RuntimeParam]

#: Typer's own factory, kept for every value this module does not convert itself.
_typer_factory: Factory = typer_factory


@dataclass(frozen=True)
class PlainValue(RuntimeParam):
    """Converts the values a command line can carry for one plain option."""

    descriptor: TypeDescriptor
    kind: Kind

    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
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


def install() -> None:
    """Make typer use the plain converters for the rest of this process (idempotent)."""
    typer_core.build_runtime_param = build_runtime_param  # type: ignore[attr-defined]
