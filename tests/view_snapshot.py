"""What every view shows, as text: each element's content in page order, for comparing two runs.

`python tests/view_snapshot.py` prints, for every view of the registry (on the bundled data and on a SYNTHETIC
dataset with more ties to break, and the Curate view after the assistant has read a seed article), every
element AppTest sees: its kind and its protobuf content (text, table bytes, chart JSON, widget options). Run
twice under different PYTHONHASHSEED values, the two outputs must be equal (tests/test_deterministic_output.py):
an order that depends on a process's hash seed would change from one server start to the next.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

VARIANTS = {"all": {}}  # every record: a filter shows a subset of the same, sorted, lists
# Streamlit's own per-run identifiers (a deferred download's file id is a fresh uuid): not the app's output
RUN_IDS = re.compile(r'deferred_file_id: "[0-9a-f]+"')


def element_lines(node, depth: int = 0) -> list[str]:
    """The element and its children, one line each: kind, then a digest of its content."""
    proto = getattr(node, "proto", None)
    content = RUN_IDS.sub("deferred_file_id: …", str(proto)) if proto is not None else ""
    lines = [f"{'  ' * depth}{getattr(node, 'type', type(node).__name__)} "
             f"{hashlib.sha256(content.encode()).hexdigest()[:16]} {content[:80]!r}"]
    for child in getattr(node, "children", {}).values():
        lines.extend(element_lines(child, depth + 1))
    return lines


def views(data_dir: Path | None = None, seeds_dir: Path | None = None, variants: dict = VARIANTS) -> list[str]:
    """Every view of the registry in each of `variants`, on the bundled data or on the given folders."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from dashboard.views.registry import views_for

    if data_dir is not None:
        os.environ.update(PARLEY_DATA_DIR=str(data_dir), PARLEY_SEEDS_DIR=str(seeds_dir))
    out = []
    for view in views_for("files"):
        for variant, query in variants.items():
            st.cache_data.clear()
            st.cache_resource.clear()
            at = AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=120)
            at.query_params.update(query)
            at.switch_page(view.file).run()  # the first run opens the view itself
            out.append(f"== {view.name} ({variant})")
            out.extend(element_lines(at._tree))
    return out


def curate_proposals() -> list[str]:
    """The Curate view after the assistant has read a seed article, and the assistant's JSON for every seed."""
    import json

    from streamlit.testing.v1 import AppTest

    from dashboard.dataset.articles import published_from_header, read_article
    from dashboard.dataset.loader import load_dataset
    from dashboard.extract import extract_article

    at = AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("views/curate.py").run()
    at.radio(key="curate-source").set_value("An article in the dataset").run()
    at.selectbox(key="curate-existing").set_value("src-001").run()
    at.button(key="propose-existing").click().run()
    out = ["== curate (proposals for src-001)", *element_lines(at._tree)]
    actors = load_dataset(REPO / "data", REPO / "seeds")["actors"]
    for path in sorted((REPO / "seeds").glob("*.txt")):
        article = read_article(path)
        result = extract_article(article.text, actors, published_from_header(article.header))
        out.append(f"== assistant on {path.name}")
        out.extend(json.dumps(result, ensure_ascii=False, sort_keys=False, default=str).split("}, {"))
    return out


def snapshot(synthetic_events: int = 200) -> list[str]:
    """The bundled data's views and proposals, then the views on a SYNTHETIC dataset (more ties to break)."""
    import tempfile

    from dashboard.dataset.synthetic import write

    os.environ.pop("PARLEY_DATABASE_URL", None)
    out = [*views(), *curate_proposals()]
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder), synthetic_events)
        out.extend(views(Path(folder) / "data", Path(folder) / "seeds", {"all": {}}))
    return out


if __name__ == "__main__":
    print("\n".join(snapshot()))
