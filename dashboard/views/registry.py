"""The one list of Parley's views: the entry point builds its navigation from it, and the tests and the scale
benchmark read it, so a view added here is shown, tested and measured without another list to update.

Each view is a script in this folder (not `pages/`, which Streamlit would auto-discover), run by
`st.navigation` from `dashboard/app.py`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    name: str  # how tests and benchmarks name it; also its address (`url_path`), except for the default view
    file: str  # the script, relative to dashboard/: views/<name>.py, so an address names the script it runs
    title: str
    icon: str
    default: bool = False  # the view at the app's root address
    database_only: bool = False  # listed only when the store is a team's database
    edits: bool = False  # it changes the data (saving is offered to editors only)

    @property
    def url_path(self) -> str:
        """The view's address after the app's root: "" for the default view."""
        return "" if self.default else self.name


VIEWS: tuple[View, ...] = (
    View("overview", "views/overview.py", "Overview", ":material/dashboard:", default=True),
    View("timeline", "views/timeline.py", "Timeline", ":material/timeline:"),
    View("positions", "views/positions.py", "Positions", ":material/compare_arrows:"),
    View("standing", "views/standing.py", "Where talks stand", ":material/balance:"),
    View("mediators", "views/mediators.py", "Mediators and venues", ":material/hub:"),
    View("changes", "views/changes.py", "What changed", ":material/update:"),
    View("sources", "views/sources.py", "Sources", ":material/article:"),
    View("search", "views/search.py", "Search", ":material/search:"),
    View("data", "views/data.py", "Data", ":material/table:"),
    View("curate", "views/curate.py", "Curate", ":material/edit_note:", edits=True),
    View("status", "views/status.py", "Update a status", ":material/event_repeat:", edits=True),
    View("history", "views/history.py", "History", ":material/history:", database_only=True),
)
BY_NAME = {view.name: view for view in VIEWS}


def views_for(store_kind: str) -> list[View]:
    """The views a store offers: every view, the database-only ones (History) only on a database."""
    return [view for view in VIEWS if not view.database_only or store_kind == "database"]
