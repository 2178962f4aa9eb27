"""Who may change the data. Safe by default: a deployment that configures nothing is read-only to the world.

Editing is on for:
- a browser on the same machine as the server (a loopback client address and no
  proxy forwarding headers), which is how a researcher runs Parley on a laptop;
- a signed-in user whose e-mail is in the editors allowlist (`[parley] editors` in
  Streamlit's secrets, with `st.login` configured), on any deployment;
and off for everyone else. `PARLEY_READ_ONLY=1` turns it off for all.
A request that came through a reverse proxy is never treated as local, even if
the proxy itself connects from 127.0.0.1: it carries forwarding headers, or a
Host header that names a public host rather than this machine.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass

FORWARDING_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host", "x-forwarded-proto",
                      "x-client-ip", "cf-connecting-ip", "true-client-ip", "x-original-forwarded-for")
TRUTHY = ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Access:
    can_edit: bool
    reason: str


def is_loopback(ip: str | None) -> bool:
    if not ip:
        return False
    try:
        address = ipaddress.ip_address(ip.split("%")[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_loopback


def is_local_host(host: str) -> bool:
    """Whether a Host header names this machine: localhost, 127.x.y.z or [::1], with any port."""
    name = host.strip().lower()
    if name.startswith("["):
        name = name[1:name.find("]")] if "]" in name else name[1:]
    elif name.count(":") == 1:
        name = name.split(":")[0]
    return name == "localhost" or name.endswith(".localhost") or is_loopback(name)


def decide(ip: str | None, headers: Mapping[str, str], environ: Mapping[str, str], *,
           email: str | None = None, editors: list[str] | None = None) -> Access:
    if str(environ.get("PARLEY_READ_ONLY", "")).strip().lower() in TRUTHY:
        return Access(False, "this deployment is read-only (PARLEY_READ_ONLY is set)")
    allowed = {e.strip().lower() for e in (editors or []) if e and e.strip()}
    if email and email.strip().lower() in allowed:
        return Access(True, f"signed in as {email}, an editor")
    forwarded = [h for h in FORWARDING_HEADERS if any(k.lower() == h for k in headers)]
    if forwarded:
        return Access(False, "read-only: this page was reached through a proxy, so it is not a local session"
                      + ("; sign in as an editor to curate" if allowed else ""))
    host = next((v for k, v in headers.items() if k.lower() == "host"), "")
    if is_loopback(ip) and host and not is_local_host(host):
        return Access(False, f"read-only: the page was reached as {host}, not as this machine"
                      + ("; sign in as an editor to curate" if allowed else ""))
    if is_loopback(ip):
        return Access(True, "editing is on: the browser runs on the same machine as the server")
    return Access(False, "read-only: only a browser on the server's own machine, or a signed-in editor, may change "
                  "the data" + ("; sign in as an editor to curate" if allowed else ""))
