"""Every real article the assistant must survive: the seeds and the corpus (../shared/corpus)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("PARLEY_CORPUS_DIR", REPO.parent / "shared" / "corpus"))


def all_articles() -> list[Path]:
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    corpus = sorted((CORPUS / "articles").glob("*.txt"))
    assert corpus, f"no corpus articles at {CORPUS}/articles: set PARLEY_CORPUS_DIR to the corpus folder"
    return seeds + corpus
