"""The package's layout keeps the pipeline visible: four stages, small folders, imports only downward."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dossier"
# The stages in pipeline order; each may import only those before it. The modules at the top of
# the package are the shared ground below every stage (`problems`, `worker_process`) and the
# command line above them all (`cli`).
STAGES = ["read", "link", "render", "publish"]
SHARED = {"dossier.problems", "dossier.worker_process"}
# Editor tools beside the stages (`start`: new records from a page or an excerpt, coverage;
# `upkeep`: link checking and archiving), each allowed the stages before the one named here; no
# stage imports a tool, and only `cli` uses them.
TOOLS = {"start": "render", "upkeep": "render"}
MAX_MODULES = 15


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str) -> set[str]:
    """Every project module `name` imports, at the top or inside a function."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([node.module] if node.module else []))
            for target in [base] + [f"{base}.{alias.name}" for alias in node.names]:
                if target in MODULES and target != name:
                    found.add(target)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in MODULES}
    return found


GRAPH = {name: imports_of(name) for name in MODULES}


def stage_of(name: str) -> int | None:
    parts = name.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else None


def tool_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in TOOLS else None


def test_the_folder_tree_shows_the_four_stages_and_the_tools() -> None:
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert packages == sorted(STAGES + list(TOOLS))


@pytest.mark.parametrize(
    "folder", [PACKAGE, *(PACKAGE / stage for stage in STAGES + list(TOOLS))], ids=lambda p: p.name
)
def test_no_folder_holds_more_than_fifteen_modules(folder: Path) -> None:
    assert len(list(folder.glob("*.py"))) <= MAX_MODULES


@pytest.mark.parametrize("stage", ["dossier", *(f"dossier.{s}" for s in STAGES + list(TOOLS))])
def test_every_package_says_what_it_does(stage: str) -> None:
    doc = ast.get_docstring(ast.parse(MODULES[stage].read_text(encoding="utf-8")))
    assert doc is not None and len(doc.splitlines()) >= 3, stage


def backward_imports(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Imports that point up the pipeline: a stage importing a later one, or the shared ground importing any stage."""
    wrong = []
    for name, targets in sorted(graph.items()):
        for target in sorted(targets):
            mine, theirs = stage_of(name), stage_of(target)
            if target == "dossier.cli" or (name in SHARED and target not in SHARED and target != "dossier"):
                wrong.append((name, target))
            elif tool_of(target) and tool_of(target) != tool_of(name) and name != "dossier.cli":
                wrong.append((name, target))  # a tool is used by the command line only
            elif tool_of(name) and theirs is not None and theirs >= STAGES.index(TOOLS[tool_of(name) or ""]):
                wrong.append((name, target))
            elif mine is not None and theirs is not None and theirs > mine:
                wrong.append((name, target))
    return wrong


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle a depth-first walk meets: a module imported again while still on its own path."""
    cycles: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for target in sorted(graph.get(name, set()) - {"dossier"}):  # `from dossier import x` names x
            if state.get(target) == "open":
                cycles.append(path[path.index(target) :] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    return cycles


def test_no_stage_imports_a_later_one() -> None:
    assert backward_imports(GRAPH) == []


def test_no_module_imports_one_that_imports_it_back() -> None:
    assert find_cycles(GRAPH) == []


def test_the_checks_find_what_they_look_for() -> None:
    # On a made-up graph with one of each fault, so the two tests above can fail.
    graph = {
        "dossier.read.loader": {"dossier.read.load_worker"},
        "dossier.read.load_worker": {"dossier.read.loader"},
        "dossier.read.spec": {"dossier.render.markup"},
        "dossier.problems": {"dossier.read.spec"},
        "dossier.render.site": {"dossier.read.spec", "dossier.problems"},
        "dossier.start.place": {"dossier.render.markup", "dossier.link.excerpts"},
        "dossier.link.check": {"dossier.start.place"},
        "dossier.cli": {"dossier.start.place"},
    }
    assert find_cycles(graph) == [["dossier.read.load_worker", "dossier.read.loader", "dossier.read.load_worker"]]
    assert backward_imports(graph) == [
        ("dossier.link.check", "dossier.start.place"),
        ("dossier.problems", "dossier.read.spec"),
        ("dossier.read.spec", "dossier.render.markup"),
        ("dossier.start.place", "dossier.render.markup"),
    ]
    # And the real graph is read from the source, lazy imports inside functions included.
    assert "dossier.read.records" in GRAPH["dossier.read.load_worker"]
    assert "dossier.render.site" in GRAPH["dossier.cli"]
