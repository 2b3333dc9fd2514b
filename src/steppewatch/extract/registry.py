"""Coders are swappable components with one small interface, registered by versioned name.

Like scikit-learn estimators: ``__init__`` stores parameters, ``fit`` learns from annotated
examples and returns ``self`` (learned attributes end in ``_``; a rule-based coder's ``fit`` may
do nothing), ``code`` turns one extracted document into a ``CodedDocument``. Every registered
coder must pass the conformance test in ``tests/extract/test_coder_conformance.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar, runtime_checkable

from steppewatch.errors import SteppewatchError

__all__ = ["Coder", "register_coder", "get_coder", "coder_names", "DEFAULT_CODER"]

DEFAULT_CODER = "steppewatch.codebook_coder.v1"


@runtime_checkable
class Coder(Protocol):
    name: str  # registered name, e.g. "steppewatch.codebook_coder.v1"
    version: str  # implementation version, stored with every coded record

    def fit(self, examples: Iterable[Any]) -> Coder: ...

    def code(self, document: Any) -> Any:  # ExtractedDocument -> CodedDocument
        ...


_REGISTRY: dict[str, Callable[..., Coder]] = {}
C = TypeVar("C", bound=Callable[..., Coder])


def register_coder(name: str) -> Callable[[C], C]:
    """Class decorator: ``@register_coder("steppewatch.codebook_coder.v1")``."""

    def decorate(factory: C) -> C:
        _REGISTRY[name] = factory
        return factory

    return decorate


def _load_builtin_coders() -> None:
    # Importing the modules registers their coders. Kept lazy so importing the registry is cheap.
    import importlib

    for module in ("steppewatch.extract.codebook_coder", "steppewatch.extract.trained_coder"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as error:
            if error.name != module:
                raise


def coder_names() -> list[str]:
    _load_builtin_coders()
    return sorted(_REGISTRY)


def get_coder(name: str = DEFAULT_CODER, **params: Any) -> Coder:
    """A new coder registered as ``name`` with ``params``; ``study`` (the study to code for)
    is passed only to coders that take one."""
    _load_builtin_coders()
    try:
        factory = _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY)) or "none"
        raise SteppewatchError(
            f"unknown coder '{name}'",
            hint=f"choose one of: {known}",
            code="SW401",
        ) from None
    if "study" in params and params["study"] is not None and not _takes_study(factory):
        params = {k: v for k, v in params.items() if k != "study"}  # a coder of no study
    elif "study" in params and params["study"] is None:
        params = {k: v for k, v in params.items() if k != "study"}
    return factory(**params)


def _takes_study(factory: Callable[..., Coder]) -> bool:
    """Does the coder take a ``study`` (the built-in coders do; a plugged-in one may not)?"""
    import inspect

    try:
        parameters = inspect.signature(factory).parameters
    except (TypeError, ValueError):
        return False
    return "study" in parameters or any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()
    )
