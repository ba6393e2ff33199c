"""Records: value classes declared like dataclasses, built without generating code.

``@dataclass`` compiles an ``__init__``, ``__eq__``, ``__repr__`` and more for every class it
decorates: about 0.7 ms each, which for the fifteen classes loaded before the board is first
drawn was a fifth of the program's start-up. A ``Record`` subclass reads its annotated fields
once and shares generic methods. Type checkers see it as a dataclass (``dataclass_transform``).

    class Point(Record):                  # frozen, compared and hashed by value
        x: int
        y: int = 0

    class Tally(Record, frozen=False):    # mutable, compared by value, not hashable
        seen: list[int] = field(default_factory=list)
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import Any, ClassVar, TypeVar, dataclass_transform

R = TypeVar("R", bound="Record")
_NO_DEFAULT = object()


class _Factory:
    def __init__(self, make: Any) -> None:
        self.make = make


def field(*, default: Any = _NO_DEFAULT, default_factory: Any = None) -> Any:
    """A field's default, or a factory making a fresh default for each record."""
    return _Factory(default_factory) if default_factory is not None else default


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
class Record:
    FIELDS: ClassVar[tuple[str, ...]] = ()
    _DEFAULTS: ClassVar[dict[str, Any]] = {}
    _FROZEN: ClassVar[bool] = True

    def __init_subclass__(cls, frozen: bool = True, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = [name for name, kind in cls.__dict__.get("__annotations__", {}).items()
               if "ClassVar" not in str(kind)]
        defaults = dict(cls._DEFAULTS)
        for name in own:
            if name in cls.__dict__:
                value = cls.__dict__[name]
                if value is not _NO_DEFAULT and not isinstance(value, property):
                    defaults[name] = value
        cls.FIELDS = tuple(dict.fromkeys((*cls.FIELDS, *own)))
        cls._DEFAULTS = defaults
        cls._FROZEN = frozen
        setattr(cls, "__match_args__", cls.FIELDS)  # noqa: B010 (mypy: not assignable)
        if not frozen:
            setattr(cls, "__hash__", None)  # noqa: B010 (mutable and compared by value)
            # Plain attribute writes: a mutable record's fields change often (scores, state).
            setattr(cls, "__setattr__", object.__setattr__)  # noqa: B010

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        names = self.FIELDS
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__} takes at most {len(names)} fields")
        values = dict(zip(names, args, strict=False))
        for name, value in kwargs.items():
            if name not in names or name in values:
                raise TypeError(f"{type(self).__name__}: unexpected or repeated field {name!r}")
            values[name] = value
        if len(values) != len(names):
            for name in names:
                if name not in values:
                    if name not in self._DEFAULTS:
                        raise TypeError(f"{type(self).__name__}: missing field {name!r}")
                    default = self._DEFAULTS[name]
                    values[name] = default.make() if isinstance(default, _Factory) else default
        self.__dict__.update(values)

    def __setattr__(self, name: str, value: Any) -> None:
        if self._FROZEN:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(self) is not type(other):
            return NotImplemented
        mine, theirs = self.__dict__, other.__dict__
        return all(mine[name] == theirs[name] for name in self.FIELDS)

    def __hash__(self) -> int:
        return hash((type(self), *(self.__dict__[name] for name in self.FIELDS)))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in self.FIELDS)
        return f"{type(self).__name__}({shown})"


def replace(record: R, **changes: Any) -> R:
    """A copy with some fields changed (like dataclasses.replace)."""
    unknown = set(changes) - set(record.FIELDS)
    if unknown:
        raise TypeError(f"{type(record).__name__}: no field {', '.join(sorted(unknown))}")
    values = {name: record.__dict__[name] for name in record.FIELDS}
    values.update(changes)
    return type(record)(**values)


def asdict(record: Record) -> dict[str, Any]:
    """The fields and their values (shallow)."""
    return {name: record.__dict__[name] for name in record.FIELDS}
