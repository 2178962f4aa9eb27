"""Each dependency declared where it belongs: what the app imports in requirements.txt (which the Dockerfile
and Streamlit Community Cloud install), the test tools only in requirements-dev.txt."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements(name: str) -> set[str]:
    """Distribution names a requirements file asks for (its `-r` includes left out)."""
    names = set()
    for line in (REPO / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            names.add(_norm(re.split(r"[<>=!~\[; ]", line)[0]))
    return names


def third_party_imports(*folders: Path) -> set[str]:
    """Top-level modules imported by the files under `folders` that are neither the standard library nor ours."""
    ours = {"dashboard"} | {p.stem for folder in folders for p in folder.rglob("*.py")}
    ours |= {d.name for folder in folders for d in folder.rglob("*") if d.is_dir()}  # tests/outputs/, …
    found = set()
    for folder in folders:
        for path in folder.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m not in ours and m != "__future__"}


def distributions_of(modules: set[str]) -> dict[str, set[str]]:
    installed = packages_distributions()
    return {module: {_norm(d) for d in installed.get(module, [])} for module in modules}


def test_every_library_the_app_imports_is_a_runtime_requirement():
    runtime = requirements("requirements.txt")
    for module, dists in distributions_of(third_party_imports(REPO / "dashboard")).items():
        assert dists, f"dashboard/ imports {module}, which no installed distribution provides"
        assert dists & runtime, f"dashboard/ imports {module} ({', '.join(dists)}): name it in requirements.txt"


def test_every_library_the_tests_import_is_declared_and_test_tools_stay_out_of_the_runtime():
    runtime, dev = requirements("requirements.txt"), requirements("requirements-dev.txt")
    assert "-r requirements.txt" in (REPO / "requirements-dev.txt").read_text()
    for module, dists in distributions_of(third_party_imports(REPO / "tests", REPO / ".ci")).items():
        assert dists & (runtime | dev), f"the tests import {module}: name it in requirements-dev.txt"
    assert {"pytest", "playwright", "hypothesis", "pypdf", "bibtexparser", "ruff"} <= dev
    assert not runtime & dev, "a requirement is named twice"


def test_html_articles_are_cleaned_with_the_stock_pip_of_python_3_11():
    """pip 23.2 skips `lxml[html_clean]` (an extra lxml stopped declaring), so the cleaner is named itself."""
    assert {"lxml-html-clean", "trafilatura", "dateparser"} <= requirements("requirements.txt")


def test_the_image_installs_the_runtime_requirements_only():
    installs = re.findall(r"pip install ([^\n]+)", (REPO / "Dockerfile").read_text())
    assert installs == ["-r requirements.txt"]
    ignored = (REPO / ".dockerignore").read_text().split()
    assert {"tests", ".ci", "requirements-dev.txt"} <= set(ignored)
