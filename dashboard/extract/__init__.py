"""The extraction assistant; see `assistant.py` for how it reads an article and `cues.py` for its words.

`extract` gives the typed records of `result.py`; `extract_article` the same as the JSON of data/README.md."""

from dashboard.extract.assistant import extract, extract_article, reference_date

__all__ = ["extract", "extract_article", "reference_date"]
