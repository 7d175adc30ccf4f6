"""SSRF guard: a webhook URL is https and every address its host resolves to is public.

Checked when an endpoint is saved and again before each attempt, and the attempt connects to
the address that was checked (the Host header and TLS name stay the URL's), so a DNS answer
that changes in between cannot point a delivery at the internal network.
"""

import ipaddress
import socket
from dataclasses import dataclass, field
from urllib.parse import SplitResult, urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeUrl(ValueError):
    """The URL may not receive webhooks; the message says why, for the user."""


@dataclass(frozen=True)
class Target:
    """Where an attempt connects: the URL to request, plus the headers that keep its identity."""

    url: str
    headers: dict[str, str] = field(default_factory=dict)
    extensions: dict[str, str] = field(default_factory=dict)


def parse(url: str) -> SplitResult:
    """The URL's parts if it is an absolute http(s) URL with a host."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number or out of range
    except ValueError as exc:
        raise UnsafeUrl(f"not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeUrl("must be an absolute http or https URL")
    if parts.username is not None or parts.password is not None:
        raise UnsafeUrl("must not carry credentials; verify the signature instead")
    return parts


def _is_public(ip: IPAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved)


def _resolve(host: str, port: int) -> list[IPAddress]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError):
        raise UnsafeUrl(f"the host '{host}' does not resolve") from None
    found: list[IPAddress] = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if ip not in found:
            found.append(ip)
    return found


def check(url: str, allow_private: bool) -> Target:
    """Refuse a URL that is not https or reaches a non-public address, unless allowed."""
    parts = parse(url)
    if allow_private:
        return Target(url)
    if parts.scheme != "https":
        raise UnsafeUrl("must use https")
    host = parts.hostname or ""
    addresses = _resolve(host, parts.port or 443)
    blocked = [ip for ip in addresses if not _is_public(ip)]
    if blocked or not addresses:
        shown = blocked[0] if blocked else host
        raise UnsafeUrl(
            f"the host resolves to a private, loopback, link-local or reserved address ({shown})"
        )
    pinned = addresses[0]
    netloc = f"[{pinned}]" if pinned.version == 6 else str(pinned)
    if parts.port is not None:
        netloc += f":{parts.port}"
    host_header = f"[{host}]" if ":" in host else host
    if parts.port is not None:
        host_header += f":{parts.port}"
    return Target(
        url=parts._replace(netloc=netloc).geturl(),
        headers={"host": host_header},
        extensions={"sni_hostname": host},
    )
