"""Dataclasses as JSON and back, checked strictly against their type hints.

The caches in the user's cache folder are data, never code (a pickle runs whatever
its file says when it is read). `dumps` writes a dataclass as JSON objects; `loads`
rebuilds exactly that dataclass, and anything that does not match the class's type
hints field by field (a wrong type, a missing or extra field, text that is not JSON
or is cut short) raises `DecodeError`, so the caller can ignore the file.

Supported field types: str, int, float (an int is a float, as in type hints), bool,
None in a union (`X | None`), Literal strings, tuple[X, ...], fixed tuple[X, Y],
list[X], dict[str, X], datetime.date and nested dataclasses (not recursive ones).
Floats round-trip exactly (JSON writes their repr); NaN and the infinities are
written as Python's json module does (NaN, Infinity) and read back, so any float the
model holds survives. A type outside this list is a programming error (TypeError
when the decoder is built), not a bad file.

The decoder of each class is built once, with its type hints resolved once. Stdlib
only, so a snapshot is read before polars or Textual is imported.
"""

from __future__ import annotations

import builtins
import dataclasses
import datetime as dt
import functools
import json
import operator
import sys
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
Decoder = Callable[[Any], Any]

_DECODERS: dict[Any, Decoder] = {}
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


class DecodeError(ValueError):
    """The data does not describe the expected dataclass."""


def dumps(value: Any) -> bytes:
    """`value` (dataclasses, dates and JSON's own types) as compact ASCII JSON.

    Raises TypeError for anything else. ASCII keeps text that is not valid Unicode
    (file names with undecodable bytes) as \\u escapes, which read back unchanged."""
    return json.dumps(value, default=_plain, separators=(",", ":"),
                      check_circular=False).encode("ascii")


def loads(kind: type[T], data: bytes | str) -> T:
    """The `kind` dataclass that `data` describes; DecodeError if it describes anything else."""
    decode = decoder(kind)  # outside the try: an unsupported type is a bug, not bad data
    try:
        return decode(json.loads(data))
    except DecodeError:
        raise
    except (ValueError, TypeError, RecursionError) as exc:
        # Not JSON, cut short, nested too deep, or refused by the class itself
        # (Period checks its months in __post_init__).
        raise DecodeError(f"{exc.__class__.__name__}: {exc}") from None


def _plain(value: Any) -> Any:
    """What json.dumps calls for the types it doesn't know."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: getattr(value, name) for name in _field_names(type(value))}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot be written as cache data")


def _field_names(cls: type) -> tuple[str, ...]:
    """The fields a class's constructor takes (what is written, and read back)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.init)
    return names


def decoder(hint: Any) -> Decoder:
    """The function that checks and rebuilds a value of type `hint` from JSON data."""
    found = _DECODERS.get(hint)
    if found is None:
        found = _DECODERS[hint] = _build(hint)
    return found


def _build(hint: Any) -> Decoder:
    scalar = _scalar_types(hint)
    if scalar is not None:
        return _checked(scalar)
    if hint is dt.date:
        return _date
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _optional(hint, args)
    if origin is typing.Literal and all(type(a) is str for a in args):
        return _literal(frozenset(args))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _sequence(tuple, decoder(args[0]))
    if origin is tuple and args:
        return _fixed_tuple(tuple(decoder(a) for a in args))
    if origin is list and len(args) == 1:
        return _sequence(list, decoder(args[0]))
    if origin is dict and len(args) == 2 and args[0] is str:
        return _str_dict(decoder(args[1]))
    raise TypeError(f"{hint!r} is not a type econdash.core.jsondata can read back")


# The JSON types a value of these types is read as, compared with type() so that a bool
# is not an int, nor an int a bool; an int is a float, as in type hints.
_SCALARS: dict[Any, frozenset[type]] = {
    str: frozenset({str}), int: frozenset({int}), bool: frozenset({bool}),
    float: frozenset({float, int}),
}


def _scalar_types(hint: Any) -> frozenset[type] | None:
    """The exact types JSON data of type `hint` may have, when it is used as it is
    (str, int, float, bool, or one of them | None); None for anything to convert."""
    if hint in _SCALARS:
        return _SCALARS[hint]
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 2 \
            and type(None) in args:
        inner = args[1] if args[0] is type(None) else args[0]
        if inner in _SCALARS:
            return _SCALARS[inner] | {type(None)}
    return None


def _checked(allowed: frozenset[type]) -> Decoder:
    def decode(data: Any) -> Any:
        if type(data) not in allowed:
            raise DecodeError(f"got {type(data).__name__}")
        return data
    return decode


def _date(data: Any) -> dt.date:
    if type(data) is not str:
        raise DecodeError(f"expected a date, got {type(data).__name__}")
    value = dt.date.fromisoformat(data)
    if value.isoformat() != data:  # (fromisoformat also takes 20220704 and 2022-W27-1)
        raise DecodeError(f"{data!r} is not a date as written")
    return value


def _optional(hint: Any, args: tuple[Any, ...]) -> Decoder:
    others = [a for a in args if a is not type(None)]
    if len(others) != 1 or len(args) != 2:
        raise TypeError(f"{hint!r}: only X | None unions can be read back")
    inner = decoder(others[0])

    def decode(data: Any) -> Any:
        return None if data is None else inner(data)
    return decode


def _literal(allowed: frozenset[str]) -> Decoder:
    def decode(data: Any) -> Any:
        if type(data) is not str or data not in allowed:
            raise DecodeError(f"expected one of {sorted(allowed)}, got {data!r}")
        return data
    return decode


def _sequence(build: type, item: Decoder) -> Decoder:
    def decode(data: Any) -> Any:
        if type(data) is not list:
            raise DecodeError(f"expected a list, got {type(data).__name__}")
        return build(map(item, data))
    return decode


def _fixed_tuple(items: tuple[Decoder, ...]) -> Decoder:
    def decode(data: Any) -> Any:
        if type(data) is not list or len(data) != len(items):
            raise DecodeError(f"expected a list of {len(items)}")
        return tuple(item(value) for item, value in zip(items, data))
    return decode


def _str_dict(value: Decoder) -> Decoder:
    def decode(data: Any) -> Any:
        if type(data) is not dict:  # (JSON object keys are always text)
            raise DecodeError(f"expected an object, got {type(data).__name__}")
        return {key: value(item) for key, item in data.items()}
    return decode


def _dataclass(cls: type) -> Decoder:
    """Check the object's fields (plain values in place, the others converted) and make
    it the instance's __dict__, as unpickling does (several times faster than calling
    the class). __post_init__ still runs, so a class's own checks (Period's months) hold."""
    if "__slots__" in vars(cls) or len(_field_names(cls)) != len(dataclasses.fields(cls)):
        raise TypeError(f"{cls.__name__}: dataclasses with slots or init=False fields "
                        "cannot be read back")
    hints = field_types(cls)
    names = _field_names(cls)
    plain = tuple((n, t) for n in names if (t := _scalar_types(hints[n])) is not None)
    converted = tuple((n, decoder(hints[n])) for n in names if _scalar_types(hints[n]) is None)
    expected = frozenset(names)
    post_init = getattr(cls, "__post_init__", None)

    def decode(data: Any) -> Any:
        if type(data) is not dict or data.keys() != expected:
            raise DecodeError(f"not the fields of {cls.__name__}")
        for name, allowed in plain:
            if type(data[name]) not in allowed:
                raise DecodeError(f"{cls.__name__}.{name}: got {type(data[name]).__name__}")
        for name, convert in converted:
            data[name] = convert(data[name])
        instance: Any = object.__new__(cls)
        object.__setattr__(instance, "__dict__", data)
        if post_init is not None:
            instance.__post_init__()
        return instance
    return decode


def field_types(cls: type) -> dict[str, Any]:
    """The types of a class's annotated fields, as typing.get_type_hints resolves them.

    Names and `X | None` are looked up rather than compiled: compiling each annotation,
    as get_type_hints does, was most of the cost of reading the first snapshot."""
    found: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        namespace = vars(sys.modules[klass.__module__])
        for name, annotation in vars(klass).get("__annotations__", {}).items():
            found[name] = _resolve(annotation, namespace)
    return found


def _resolve(annotation: Any, namespace: dict[str, Any]) -> Any:
    if not isinstance(annotation, str):
        return annotation
    names = annotation.split(" | ")
    if all(name.replace(".", "").isidentifier() for name in names):
        return functools.reduce(operator.or_, (_lookup(n, namespace) for n in names))
    # (The annotations of econdash's own classes, evaluated as get_type_hints does.)
    return eval(annotation, namespace)  # noqa: S307


def _lookup(dotted: str, namespace: dict[str, Any]) -> Any:
    if dotted == "None":
        return None
    head, *attributes = dotted.split(".")
    value = namespace[head] if head in namespace else getattr(builtins, head)
    for attribute in attributes:
        value = getattr(value, attribute)
    return value
