"""The access decision for the current browser session (the rules are in dashboard/curation/permissions.py)."""

from __future__ import annotations

import os

import streamlit as st

from dashboard.curation.permissions import Access, decide


def secrets_section(name: str):
    """A section of Streamlit's secrets, or None when it (or the whole secrets file) is absent."""
    try:
        return st.secrets.get(name)
    except Exception:  # no secrets file: Streamlit raises its own not-found error
        return None


def editors() -> list[str]:
    section = secrets_section("parley")
    value = section.get("editors", []) if section is not None else []
    return [str(e) for e in value] if isinstance(value, (list, tuple)) else []


def sign_in_configured() -> bool:
    return secrets_section("auth") is not None


def current_email() -> str | None:
    user = st.user
    return user.get("email") if user.get("is_logged_in") else None


def current_access() -> Access:
    headers = dict(st.context.headers or {})
    ip = st.context.ip_address
    if ip is None and headers:
        # Streamlit reports a loopback client (127.0.0.1, ::1) as None; with no request at all there are no headers
        ip = "127.0.0.1"
    return decide(ip, headers, os.environ, email=current_email(), editors=editors())
