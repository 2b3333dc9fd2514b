"""web/ reads the database only through the store's public API (issue 16 point 3): no module of
``steppewatch.web`` imports a submodule of ``steppewatch.store``, and every name it imports from
``steppewatch.store`` is one the package exports."""

from __future__ import annotations

import ast
from pathlib import Path

import steppewatch.store
import steppewatch.web

WEB = Path(steppewatch.web.__file__).parent


def store_imports(source: str) -> list[tuple[int, str]]:
    """(line, what) of every import of the store that is not ``from steppewatch.store import
    <public name>``."""
    bad: list[tuple[int, str]] = []
    public = set(steppewatch.store.__all__)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("steppewatch.store"):
                    bad.append((node.lineno, f"import {alias.name}"))
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("steppewatch.store."):
                bad.append((node.lineno, f"from {node.module} import ..."))
            elif node.module == "steppewatch.store":
                for alias in node.names:
                    if alias.name not in public:
                        bad.append((node.lineno, f"from steppewatch.store import {alias.name}"))
    return bad


def test_the_check_finds_every_kind_of_private_import() -> None:
    source = (
        "from steppewatch.store.store import ORDERS\n"
        "import steppewatch.store.tables\n"
        "def f():\n"
        "    from steppewatch.store import records\n"  # a submodule, not an exported name
        "from steppewatch.store import EventFilter, Store\n"
    )
    assert [line for line, _ in store_imports(source)] == [1, 2, 4]


def test_web_imports_only_the_public_store_api() -> None:
    found = {
        f"{path.name}:{line}: {what}"
        for path in sorted(WEB.rglob("*.py"))
        for line, what in store_imports(path.read_text(encoding="utf-8"))
    }
    assert len(list(WEB.rglob("*.py"))) > 10  # the web package was found
    assert not found, "web/ must use `from steppewatch.store import <public name>`:\n" + "\n".join(
        sorted(found)
    )
