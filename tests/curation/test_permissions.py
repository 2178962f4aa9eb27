import pytest

from dashboard.curation.permissions import decide, is_local_host, is_loopback


@pytest.mark.parametrize("ip", ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"])
def test_loopback_addresses(ip):
    assert is_loopback(ip)


@pytest.mark.parametrize("ip", [None, "", "10.0.0.2", "192.168.1.4", "8.8.8.8", "::ffff:10.0.0.1", "localhost", "x"])
def test_other_addresses(ip):
    assert not is_loopback(ip)


def test_local_browser_may_edit():
    assert decide("127.0.0.1", {"Host": "localhost:8501"}, {}).can_edit


def test_request_through_a_proxy_is_not_local():
    for header in ("X-Forwarded-For", "Forwarded", "X-Real-IP"):
        assert not decide("127.0.0.1", {header: "203.0.113.9"}, {}).can_edit


def test_remote_viewer_is_read_only_by_default():
    access = decide("203.0.113.9", {}, {})
    assert not access.can_edit and "read-only" in access.reason


def test_read_only_switch_wins_over_everything():
    env = {"PARLEY_READ_ONLY": "1"}
    assert not decide("127.0.0.1", {}, env).can_edit
    assert not decide("127.0.0.1", {}, env, email="ed@example.org", editors=["ed@example.org"]).can_edit


def test_signed_in_editor_may_edit_anywhere_and_others_may_not():
    editors = ["Ed@Example.org"]
    assert decide("203.0.113.9", {"X-Forwarded-For": "x"}, {}, email="ed@example.org", editors=editors).can_edit
    assert not decide("203.0.113.9", {}, {}, email="viewer@example.org", editors=editors).can_edit
    assert not decide("203.0.113.9", {}, {}, email="ed@example.org", editors=[]).can_edit


@pytest.mark.parametrize(("host", "local"), [("localhost:8501", True), ("127.0.0.1:8599", True), ("[::1]:8501", True),
                                            ("LOCALHOST", True), ("parley.example.org", False),
                                            ("203.0.113.9:443", False)])
def test_host_header_names_this_machine(host, local):
    assert is_local_host(host) is local


def test_local_proxy_without_forwarding_headers_is_caught_by_the_host_header():
    assert not decide("127.0.0.1", {"Host": "parley.example.org"}, {}).can_edit
