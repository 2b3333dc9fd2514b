"""No module of the package binds a top-level name twice.

The coder's rule modules hold hundreds of module-level patterns. Twice in the twentieth round a
new pattern reused an existing name (``_AS_BEFORE`` in coder_background, a kind rule's constant in
coder_rules) and silently replaced the older rule for every caller; ruff does not flag a
rebinding, and only an unrelated contrast test happened to catch it. This test makes any second
top-level binding (assignment, ``def`` or ``class``) of a name fail with its file and lines.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "steppewatch"


def _top_level_bindings(tree: ast.Module) -> dict[str, list[int]]:
    bound: dict[str, list[int]] = defaultdict(list)
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            names = [node.target.id] if isinstance(node.target, ast.Name) else []
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = [node.name]
        else:
            names = []
        for name in names:
            bound[name].append(node.lineno)
    return bound


def test_no_top_level_name_is_bound_twice() -> None:
    twice = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name, lines in _top_level_bindings(tree).items():
            if len(lines) > 1:
                twice.append(f"{path.relative_to(PACKAGE.parent)}: {name} at lines {lines}")
    assert not twice, "a top-level name is bound twice (the later silently wins):\n" + "\n".join(
        twice
    )


def test_the_check_sees_a_rebound_pattern() -> None:
    tree = ast.parse(
        "import re\n_AS_BEFORE = re.compile('как и')\n"
        "def rule() -> None: ...\n_AS_BEFORE = re.compile('as')\n"
    )
    assert _top_level_bindings(tree)["_AS_BEFORE"] == [2, 4]
    assert _top_level_bindings(tree)["rule"] == [3]
