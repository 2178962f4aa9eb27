"""The layers of dashboard/ and the one direction their imports go (README.md, "Where things are").

A lower layer never imports a higher one, and nothing below `ui/` imports Streamlit,
so the core runs (and is tested) as plain Python.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Each layer and the layers it may import (besides itself).
ALLOWED = {
    "dataset": set(),
    "analysis": {"dataset"},
    "outputs": {"dataset", "analysis"},
    "extract": {"dataset"},
    "curation": {"dataset", "extract"},  # review turns the assistant's proposals into rows
    "db": {"dataset", "analysis", "curation"},  # analysis: the passages and query language search shares
    "importers": {"dataset", "extract", "curation", "db"},  # agreements from datasets, saved through a store
    "ui": {"dataset", "analysis", "outputs", "extract", "curation", "db", "importers"},
    "views": {"dataset", "analysis", "outputs", "extract", "curation", "db", "importers", "ui"},
    "app": {"ui", "views"},  # the navigation is built from views/registry.py
}
UI_LAYERS = {"ui", "views", "app"}  # the only ones that may import Streamlit
UI_LIBRARIES = {"streamlit"}


def layer_of(path: Path, package: Path) -> str:
    parts = path.relative_to(package).parts
    return "app" if parts == ("app.py",) else parts[0]


def imported_modules(path: Path, package: Path) -> set[str]:
    """Absolute names of every module `path` imports, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    here = [package.name, *path.relative_to(package).with_suffix("").parts]
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[:-node.level]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def violations(package: Path) -> list[str]:
    """Every import in `package` that goes up a layer, sideways between layers, or to Streamlit below ui/."""
    name = package.name
    found = []
    for path in sorted(package.rglob("*.py")):
        if path == package / "__init__.py":
            continue
        layer = layer_of(path, package)
        assert layer in ALLOWED, f"{path.relative_to(package)} is in no known layer: add it to ALLOWED"
        for module in sorted(imported_modules(path, package)):
            top = module.split(".")[0]
            if top in UI_LIBRARIES and layer not in UI_LAYERS:
                found.append(f"{path.relative_to(package.parent)} ({layer}) imports {module}")
            parts = module.split(".")
            if top == name and len(parts) > 1:
                target = "app" if parts[1] == "app" else parts[1]
                if target in ALLOWED and target != layer and target not in ALLOWED[layer]:
                    found.append(f"{path.relative_to(package.parent)} ({layer}) imports {module} ({target})")
    return found


def test_every_import_in_dashboard_goes_down_the_layers():
    assert violations(REPO / "dashboard") == []


def test_every_module_belongs_to_a_layer():
    layers = {layer_of(p, REPO / "dashboard") for p in (REPO / "dashboard").rglob("*.py")}
    assert layers - {"__init__.py"} <= set(ALLOWED)
    assert {"dataset", "analysis", "outputs", "extract", "curation", "db", "ui", "views", "app"} <= layers


def test_the_check_catches_an_upward_import_and_streamlit_in_the_core(tmp_path):
    package = tmp_path / "dashboard"
    for layer in ("dataset", "analysis", "ui"):
        (package / layer).mkdir(parents=True)
        (package / layer / "__init__.py").write_text("")
    (package / "dataset" / "schema.py").write_text("from dashboard.analysis.filters import Filters\n")
    (package / "dataset" / "plain.py").write_text("from . import schema\nimport pandas\n")
    (package / "analysis" / "filters.py").write_text("import streamlit as st\nfrom ..dataset import schema\n")
    (package / "ui" / "state.py").write_text("import streamlit as st\nfrom dashboard.analysis import filters\n")
    assert violations(package) == [
        "dashboard/analysis/filters.py (analysis) imports streamlit",
        "dashboard/dataset/schema.py (dataset) imports dashboard.analysis.filters (analysis)",
        "dashboard/dataset/schema.py (dataset) imports dashboard.analysis.filters.Filters (analysis)",
    ]
