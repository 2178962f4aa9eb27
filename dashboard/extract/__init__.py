"""The extraction assistant; see `assistant.py` for how it reads an article and `cues.py` for its words."""

from dashboard.extract.assistant import extract_article, reference_date

__all__ = ["extract_article", "reference_date"]
