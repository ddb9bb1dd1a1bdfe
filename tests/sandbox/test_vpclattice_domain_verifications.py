"""VPC Lattice domain verifications: PENDING until the TXT record AWS gave exists in a public zone, then
VERIFIED; what a resource configuration may name (sandbox/moto_ext/vpclattice/domain_verifications.py)."""

from __future__ import annotations

import re

import pytest
from botocore.exceptions import ClientError

from sandbox.testing import ID_FORMAT, error_code, unique, wait_status
from sandbox.wire import WireRecorder, all_violations

pytestmark = pytest.mark.sandbox


def _txt(route53, zone_id, name, value, action="CREATE"):
    route53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={"Changes": [{
        "Action": action,
        "ResourceRecordSet": {"Name": name, "Type": "TXT", "TTL": 300, "ResourceRecords": [{"Value": f'"{value}"'}]},
    }]})


def test_verification_waits_for_the_txt_record_in_a_public_zone(aws_client, account_ids, sandbox):
    # every answer is also checked against the botocore output shapes (timestamps, enums, required members)
    recorder = WireRecorder()
    provider = recorder.attach(aws_client("provider", "vpc-lattice"))
    domain = f"{unique('orders')}.example"
    started = provider.start_domain_verification(domainName=domain, clientToken=domain, tags={"team": "a"})
    assert re.fullmatch(ID_FORMAT.format("dv"), started["id"])
    assert started["arn"] == (
        f"arn:aws:vpc-lattice:{sandbox['region']}:{account_ids['provider']}:domainverification/{started['id']}")
    assert (started["status"], started["ResponseMetadata"]["HTTPStatusCode"]) == ("PENDING", 201)
    assert set(started["txtMethodConfig"]) == {"name", "value"}
    # the same client token and request answer the same verification; another start of the domain is refused
    assert provider.start_domain_verification(domainName=domain, clientToken=domain, tags={"team": "a"})["id"] == \
        started["id"]
    with pytest.raises(ClientError) as info:
        provider.start_domain_verification(domainName=domain.upper())
    assert error_code(info) == "ConflictException"
    record = f"{started['txtMethodConfig']['name']}.{domain}"
    value = started["txtMethodConfig"]["value"]

    # the record in a private zone of the same name, or with another value, verifies nothing
    route53, ec2 = aws_client("consumer", "route53"), aws_client("consumer", "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.77.0.0/16")["Vpc"]["VpcId"]
    private = route53.create_hosted_zone(Name=domain, CallerReference=unique("p"), HostedZoneConfig={
        "PrivateZone": True}, VPC={"VPCRegion": sandbox["region"], "VPCId": vpc})["HostedZone"]["Id"]
    _txt(route53, private, record, value)
    public = route53.create_hosted_zone(Name=domain, CallerReference=unique("z"))["HostedZone"]["Id"]
    _txt(route53, public, record, "vpc-lattice:wrong")
    assert provider.get_domain_verification(domainVerificationIdentifier=started["id"])["status"] == "PENDING"

    # the right record in a public zone, here of another account (public DNS is everyone's), verifies it
    _txt(route53, public, record, value, action="UPSERT")
    got = provider.get_domain_verification(domainVerificationIdentifier=started["arn"])
    assert (got["status"], got["domainName"], got["tags"]) == ("VERIFIED", domain, {"team": "a"})
    assert got["lastVerifiedTime"] >= got["createdAt"]
    listed = [v for v in provider.list_domain_verifications()["items"] if v["id"] == started["id"]]
    assert [v["status"] for v in listed] == ["VERIFIED"]
    # removing the record takes the verification away
    _txt(route53, public, record, value, action="DELETE")
    assert provider.get_domain_verification(domainVerificationIdentifier=started["id"])["status"] == "PENDING"

    provider.delete_domain_verification(domainVerificationIdentifier=started["id"])
    with pytest.raises(ClientError) as info:
        provider.get_domain_verification(domainVerificationIdentifier=started["id"])
    assert error_code(info) == "ResourceNotFoundException"
    assert list(all_violations(recorder.answers)) == []


def test_bad_requests_and_other_accounts(provider, consumer):
    for domain in ("not a domain", "nodot", "x" * 256):
        with pytest.raises(ClientError) as info:
            provider.start_domain_verification(domainName=domain)
        assert error_code(info) == "ValidationException", domain
    started = provider.start_domain_verification(domainName=f"{unique('shop')}.example")
    with pytest.raises(ClientError) as info:
        consumer.get_domain_verification(domainVerificationIdentifier=started["arn"])
    assert error_code(info) == "AccessDeniedException"
    with pytest.raises(ClientError) as info:
        provider.get_domain_verification(domainVerificationIdentifier="dv-0123456789abcdef0")
    assert error_code(info) == "ResourceNotFoundException"
    provider.delete_domain_verification(domainVerificationIdentifier=started["arn"])


def test_resource_configuration_names_a_verification_of_its_domain(provider, aws_client):
    ec2 = aws_client("provider", "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.78.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.78.1.0/24")["Subnet"]["SubnetId"]
    gateway = provider.create_resource_gateway(name=unique("gw"), vpcIdentifier=vpc, subnetIds=[subnet])
    wait_status(lambda: provider.get_resource_gateway(resourceGatewayIdentifier=gateway["id"]))
    domain = f"{unique('orders')}.example"
    verification = provider.start_domain_verification(domainName=domain)

    def create(custom_domain, verification_id):
        return provider.create_resource_configuration(
            name=unique("db"), type="SINGLE", resourceGatewayIdentifier=gateway["id"], portRanges=["5432"],
            resourceConfigurationDefinition={"ipResource": {"ipAddress": "10.78.1.10"}},
            customDomainName=custom_domain, domainVerificationIdentifier=verification_id)

    for custom_domain, verification_id, code in [
        ("db.shop.example", verification["id"], "ValidationException"),  # another domain
        (f"db.{domain}", "dv-0123456789abcdef0", "ResourceNotFoundException"),
    ]:
        with pytest.raises(ClientError) as info:
            create(custom_domain, verification_id)
        assert error_code(info) == code
    # a subdomain of the verified domain is covered
    created = create(f"db.{domain}", verification["arn"])
    assert (created["domainVerificationId"], created["domainVerificationArn"]) == (
        verification["id"], verification["arn"])
    got = provider.get_resource_configuration(resourceConfigurationIdentifier=created["id"])
    assert got["domainVerificationStatus"] == "PENDING"
    # the verification cannot go while a configuration names it
    with pytest.raises(ClientError) as info:
        provider.delete_domain_verification(domainVerificationIdentifier=verification["id"])
    assert error_code(info) == "ConflictException"
