"""report/build._heap_reused and _gc_spaced: glibc keeps large arrays in the heap and young
garbage collections are spaced out while the report runs; the defaults come back afterwards
(malloc is left alone when the user tuned it)."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pytest

from steppewatch.report import build


class _FakeLibc:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int, int]] = []

    def mallopt(self, param: int, value: int) -> int:
        self.calls.append(("mallopt", param, value))
        return 1

    def malloc_trim(self, pad: int) -> int:
        self.calls.append(("malloc_trim", pad, 0))
        return 1


@pytest.fixture
def libc(monkeypatch: pytest.MonkeyPatch) -> _FakeLibc:
    fake = _FakeLibc()
    monkeypatch.setattr(ctypes, "CDLL", lambda _name: fake)
    for name in build._MALLOC_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return fake


def test_heap_kept_while_running_then_defaults(libc: _FakeLibc) -> None:
    with build._heap_reused():
        assert libc.calls == [
            ("mallopt", -4, 0),  # M_MMAP_MAX: no mapping of its own per large array
            ("mallopt", -1, 2**31 - 1),  # M_TRIM_THRESHOLD: free memory kept for reuse
        ]
    assert libc.calls[2:] == [
        ("mallopt", -4, 65536),
        ("mallopt", -1, 128 * 1024),
        ("malloc_trim", 0, 0),  # what the report freed given back
    ]


def test_defaults_back_after_a_failure(libc: _FakeLibc) -> None:
    with pytest.raises(RuntimeError), build._heap_reused():
        raise RuntimeError("SW611")
    assert libc.calls[-1] == ("malloc_trim", 0, 0)


def test_left_alone_when_the_user_tuned_malloc(
    libc: _FakeLibc, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MALLOC_MMAP_MAX_", "0")
    with build._heap_reused():
        pass
    assert libc.calls == []


def test_nothing_done_without_mallopt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ctypes, "CDLL", lambda _name: object())  # no mallopt (not glibc)
    for name in build._MALLOC_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    with build._heap_reused():
        pass


def test_young_collections_spaced_while_running_then_as_before() -> None:
    import gc

    before = gc.get_threshold()
    with build._gc_spaced():
        assert gc.get_threshold() == (max(before[0], 50_000), *before[1:])
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), build._gc_spaced():
        raise RuntimeError("SW612")
    assert gc.get_threshold() == before


def test_heap_kept_only_from_millions_of_events(
    libc: _FakeLibc, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.analysis.fixture_events import fixture_store

    monkeypatch.setenv("STEPPEWATCH_CHART_WORKERS", "0")
    store = fixture_store(tmp_path / "t.db")
    build.build_report(tmp_path / "small", store=store)
    assert libc.calls == []  # a few events: glibc's own thresholds
    monkeypatch.setattr(build, "_HEAP_KEPT_FROM_EVENTS", 1)
    build.build_report(tmp_path / "large", store=store)
    assert [c[0] for c in libc.calls] == ["mallopt"] * 4 + ["malloc_trim"]
    assert libc.calls[0] == ("mallopt", -4, 0) and libc.calls[-2] == ("mallopt", -1, 128 * 1024)
    assert (tmp_path / "large" / "index.html").read_bytes() == (
        tmp_path / "small" / "index.html"
    ).read_bytes()
