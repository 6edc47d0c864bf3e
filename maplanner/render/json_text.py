"""A result model as JSON text: the document pydantic's ``model_dump_json(indent=2)`` writes.

Why not call pydantic: its first dump in a process builds a serializer for every model
in the result (and loads pydantic's plugin machinery), which costs `assess --json`
about a tenth of its run. maplanner's results are plain (text, numbers, flags, lists,
tuples, dicts and nested models; no aliases, custom serializers or computed fields),
so walking the fields in declaration order gives the same document. One pydantic rule
matters: a number in a field declared ``float`` is written as a float (``46.0``), as
the field's type says, even when the core stored the int 46.
tests/test_results_are_valid.py holds the output equal to pydantic's for every kind of
result: byte for byte for what the commands print, and as the same values in general
(Python spells a float below 0.0001 as 6.1e-05, pydantic as 0.000061).
"""

import functools
import json
import math
import types
import typing
from typing import Any

from pydantic import BaseModel


def json_text(result: BaseModel) -> str:
    """The result as indented JSON text (no trailing newline)."""
    return json.dumps(_plain(result, type(result)), indent=2, ensure_ascii=False)


def _plain(value: Any, annotation: Any) -> Any:
    if isinstance(value, BaseModel):
        hints = _field_types(type(value))
        return {name: _plain(getattr(value, name), hint) for name, hint in hints.items()}
    if isinstance(value, list | tuple):
        return [_plain(item, _item_type(annotation, index)) for index, item in enumerate(value)]
    if isinstance(value, dict):
        inner = _dict_value_type(annotation)
        return {str(key): _plain(item, inner) for key, item in value.items()}
    if isinstance(value, float):
        return value if math.isfinite(value) else None  # pydantic writes inf and nan as null
    if isinstance(value, int) and not isinstance(value, bool) and _wants_float(annotation):
        return float(value)
    return value


@functools.cache
def _field_types(model: type[BaseModel]) -> dict[str, Any]:
    return {name: field.annotation for name, field in model.model_fields.items()}


def _wants_float(annotation: Any) -> bool:
    """True when the declared type takes a float but not an int (float, float | None)."""
    if annotation is float:
        return True
    if _is_union(annotation):
        options = typing.get_args(annotation)
        return float in options and int not in options
    return False


def _is_union(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def _unwrap_optional(annotation: Any) -> Any:
    if _is_union(annotation):
        options = [option for option in typing.get_args(annotation) if option is not type(None)]
        if len(options) == 1:
            return options[0]
    return annotation


def _item_type(annotation: Any, index: int) -> Any:
    annotation = _unwrap_optional(annotation)
    arguments = typing.get_args(annotation)
    if typing.get_origin(annotation) is tuple and arguments and arguments[-1] is not Ellipsis:
        return arguments[index] if index < len(arguments) else Any
    return arguments[0] if arguments else Any


def _dict_value_type(annotation: Any) -> Any:
    arguments = typing.get_args(_unwrap_optional(annotation))
    return arguments[1] if len(arguments) == 2 else Any
