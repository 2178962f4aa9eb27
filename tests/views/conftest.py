"""Fixtures the view tests share."""

from __future__ import annotations

import pytest

from dashboard.curation.permissions import Access


@pytest.fixture
def editing(monkeypatch):
    """The session may edit, as a browser on the server's own machine may (AppTest reports no client address)."""
    from dashboard.ui import session_access

    monkeypatch.setattr(session_access, "current_access", lambda: Access(True, "editing is on (test)"))
