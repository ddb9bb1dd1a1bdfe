"""Listener and rules: which action answers a request.

- The listener is the service's listener on the port the client connected to;
  its protocol must be the client's (VPC Lattice User Guide, "Listeners for VPC
  Lattice services": HTTP, HTTPS or TLS_PASSTHROUGH on a port). A port without a
  listener accepts no connection.
- Rules are evaluated in priority order, lowest value first, and the default
  action applies when none matches ("Listener rules": "Rules are evaluated in
  priority order, from the lowest value to the highest value. The default rule
  is evaluated last").
- A match (``HttpMatch`` in the API reference) combines its conditions with AND:
  ``method``; ``pathMatch`` (``exact`` or ``prefix``, ``caseSensitive`` default
  true); ``headerMatches`` (``exact`` / ``prefix`` / ``contains``,
  ``caseSensitive`` default false, header names compared case-insensitively).
- A forward to several target groups spreads requests by weight ("Weighted
  target groups"; ``WeightedTargetGroup.weight`` in the API reference).
"""

from __future__ import annotations

import random
from typing import Any

from .model import COULD_NOT_CONNECT, PEER_FAILED_VERIFICATION, SSL_CONNECT_ERROR, HttpRequest, TransportError

SCHEMES = {"HTTP": "http", "HTTPS": "https"}


def listener_for(backend: Any, service: Any, request: HttpRequest) -> Any:
    listener = next(
        (l for l in backend.listeners.values() if l.service_arn == service.arn and l.port == request.port), None
    )
    if listener is None:
        raise TransportError(
            COULD_NOT_CONNECT,
            f"curl: (7) Failed to connect to {request.host} port {request.port}: Connection refused",
            "ConnectionRefused",
        )
    if SCHEMES.get(listener.protocol) != request.scheme:
        # TLS_PASSTHROUGH hands TLS to the target, an HTTPS listener expects TLS: any other
        # pairing fails the handshake or the first read. curl reports it as an SSL/connect error.
        raise TransportError(
            SSL_CONNECT_ERROR,
            f"curl: (35) {request.scheme.upper()} to a {listener.protocol} listener on port {request.port} failed",
            "ProtocolMismatch",
        )
    return listener


def check_certificate(route: Any, request: HttpRequest) -> None:
    """HTTPS to a custom domain needs the service's own certificate (see resolution's docstring).

    The sandbox has no ACM certificates to read, so a certificate ARN counts as one that matches.
    """
    if request.scheme == "https" and route.custom_domain and not route.service.certificate_arn:
        raise TransportError(
            PEER_FAILED_VERIFICATION,
            f"curl: (60) SSL: no alternative certificate subject name matches target host name '{route.server_name}'",
            "CertificateMismatch",
        )


def _text_matches(match: dict[str, Any], value: str, case_sensitive: bool) -> bool:
    if not case_sensitive:
        value = value.lower()
        match = {kind: text.lower() for kind, text in match.items()}
    if "exact" in match:
        return value == match["exact"]
    if "prefix" in match:
        return value.startswith(match["prefix"])
    return "contains" in match and match["contains"] in value


def matches(http_match: dict[str, Any], request: HttpRequest) -> bool:
    if http_match.get("method") and http_match["method"].upper() != request.method:
        return False
    path_match = http_match.get("pathMatch")
    if path_match and not _text_matches(path_match["match"], request.path, path_match.get("caseSensitive", True)):
        return False
    for header in http_match.get("headerMatches") or []:
        value = request.header(header["name"])
        if value is None or not _text_matches(header["match"], value, header.get("caseSensitive", False)):
            return False
    return True


def action_for(backend: Any, listener: Any, request: HttpRequest) -> dict[str, Any]:
    rules = sorted((r for r in backend.rules.values() if r.listener_arn == listener.arn), key=lambda r: r.priority)
    for rule in rules:
        if matches(rule.match.get("httpMatch", {}), request):
            return rule.action
    return listener.default_action


def pick_target_group(backend: Any, forward: dict[str, Any], chooser: random.Random | None = None) -> Any:
    """One of the forward's target groups, drawn by weight (a weight of 0 gets no traffic)."""
    groups = [g for g in forward["targetGroups"] if g.get("weight", 1) > 0]
    if not groups:
        return None
    chosen = (chooser or random).choices(groups, weights=[g.get("weight", 1) for g in groups])[0]
    return backend.find("targetgroup", chosen["targetGroupIdentifier"], "targetGroupIdentifier")
