"""Custom domain names in the data plane: resolved through the VPC's private hosted zones, TLS names the domain."""

from __future__ import annotations

import json

import pytest

from sandbox.testing import unique

from sandbox.dataplane.testing import MESSAGE, Pattern

pytestmark = pytest.mark.sandbox

CERTIFICATE = "arn:aws:acm:eu-west-1:000000000000:certificate/0123abcd-0000-0000-0000-000000000000"


@pytest.fixture
def pattern(sandbox, aws_client):
    return Pattern(sandbox, aws_client)


@pytest.fixture
def domain():
    return f"{unique('orders')}.example.internal"


def test_custom_domain_resolves_through_the_vpcs_private_zone(pattern, domain):
    built = pattern.build(customDomainName=domain, certificateArn=CERTIFICATE)
    url = f"https://{domain}/"
    # no zone yet: nothing resolves the custom domain, the generated name still works
    assert pattern.request(built["instance"], url)["exit_code"] == 6
    assert pattern.request(built["instance"], built["url"])["status"] == 200

    zone = pattern.private_zone(domain, built["vpc"])
    # a zone for the domain without the record: NXDOMAIN, no fall-back
    assert pattern.request(built["instance"], url)["exit_code"] == 6
    pattern.alias(zone, domain, built["service"]["dnsEntry"])
    answer = pattern.request(built["instance"], url)
    assert answer["status"] == 200, answer
    assert json.loads(answer["body"]) == {"message": MESSAGE}

    # another VPC of the same account, not associated with the zone, does not resolve it
    other = pattern.network()
    assert pattern.request(other["instance"], url)["exit_code"] == 6


def test_parent_domain_zone_and_the_most_specific_zone_answers(pattern, domain):
    built = pattern.build(customDomainName=domain, certificateArn=CERTIFICATE)
    parent = domain.split(".", 1)[1]
    zone = pattern.private_zone(parent, built["vpc"])
    pattern.alias(zone, domain, built["service"]["dnsEntry"], types=("AAAA",))
    assert pattern.request(built["instance"], f"https://{domain}")["status"] == 200
    # a more specific empty zone hides the parent's record
    pattern.private_zone(domain, built["vpc"])
    assert pattern.request(built["instance"], f"https://{domain}")["exit_code"] == 6


def test_alias_to_the_wrong_hosted_zone_does_not_resolve(pattern, domain):
    built = pattern.build(customDomainName=domain, certificateArn=CERTIFICATE)
    zone = pattern.private_zone(domain, built["vpc"])
    pattern.alias(zone, domain, dict(built["service"]["dnsEntry"], hostedZoneId="Z0000000000000000000"))
    assert pattern.request(built["instance"], f"https://{domain}")["exit_code"] == 6


def test_https_to_a_custom_domain_needs_the_services_certificate(pattern, domain):
    built = pattern.build(customDomainName=domain)
    zone = pattern.private_zone(domain, built["vpc"])
    pattern.alias(zone, domain, built["service"]["dnsEntry"])
    answer = pattern.request(built["instance"], f"https://{domain}")
    assert (answer["status"], answer["exit_code"]) == (None, 60), answer
    assert domain in answer["message"]
    # the generated name keeps Lattice's own certificate
    assert pattern.request(built["instance"], built["url"])["status"] == 200
