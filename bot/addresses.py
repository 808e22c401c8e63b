"""Which client an address belongs to, for limits counted per client (the chat channels'
flood limit, the staff sign-in throttle).

An IPv6 client is given a whole /64 network (2^64 addresses) and may take a new address for
every request: counted per address, a flood or a password guesser spread over its network
was never limited (attack probe s44). So an IPv6 address counts as its /64, and the IPv4
address written as IPv6 (`::ffff:203.0.113.9`, as a dual-stack server may see it) as that
IPv4 address. Anything else (not an address) counts as itself.
"""

from __future__ import annotations

import ipaddress

IPV6_CLIENT_PREFIX = 64  # what one household, office or server is given


def client_network(address: str | None) -> str | None:
    """The key one client's requests share: an IPv4 address as it is, an IPv6 one's /64."""
    if not address:
        return address
    try:
        parsed = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((parsed, IPV6_CLIENT_PREFIX), strict=False))
    return str(parsed)
