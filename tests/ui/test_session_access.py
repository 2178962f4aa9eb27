"""How the browser session's request becomes an access decision (dashboard/ui/session_access.py)."""

from types import SimpleNamespace

import pytest

from dashboard.ui import session_access


class NoSecrets:
    def get(self, name, default=None):
        raise FileNotFoundError("no secrets.toml")


def fake_streamlit(ip, headers, user=None, secrets=None):
    return SimpleNamespace(context=SimpleNamespace(ip_address=ip, headers=headers),
                           user=user or {"is_logged_in": False}, secrets=secrets or NoSecrets())


@pytest.mark.parametrize(("ip", "headers", "can_edit"), [
    (None, {"Host": "localhost:8501", "User-Agent": "x"}, True),  # Streamlit reports loopback clients as None
    (None, {}, False),  # no request at all: nothing proves the client is local
    (None, {"Host": "localhost:8501", "X-Forwarded-For": "203.0.113.9"}, False),
    (None, {"Host": "parley.example.org"}, False),
    ("203.0.113.9", {"Host": "parley.example.org"}, False),
])
def test_session_access(monkeypatch, ip, headers, can_edit):
    monkeypatch.delenv("PARLEY_READ_ONLY", raising=False)
    monkeypatch.setattr(session_access, "st", fake_streamlit(ip, headers))
    assert session_access.current_access().can_edit is can_edit


def test_signed_in_editor_from_secrets(monkeypatch):
    secrets = {"parley": {"editors": ["ed@example.org"]}, "auth": {"redirect_uri": "x"}}
    user = {"is_logged_in": True, "email": "ed@example.org"}
    monkeypatch.setattr(session_access, "st", fake_streamlit("203.0.113.9", {"Host": "parley.example.org",
                                                                        "X-Forwarded-For": "x"}, user, secrets))
    assert session_access.current_access().can_edit
    assert session_access.sign_in_configured()
