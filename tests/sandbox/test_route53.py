"""Route 53 private hosted zones and record deletes are as strict in the sandbox as on AWS."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from sandbox.testing import error_code, unique

pytestmark = pytest.mark.sandbox


def _zone(route53, name, vpc_id, region):
    return route53.create_hosted_zone(
        Name=name, CallerReference=unique("ref"), HostedZoneConfig={"PrivateZone": True},
        VPC={"VPCRegion": region, "VPCId": vpc_id},
    )["HostedZone"]["Id"]


def test_private_zones_need_a_real_vpc_and_one_zone_per_name_and_vpc(aws_client, sandbox):
    route53, ec2, region = aws_client("consumer", "route53"), aws_client("consumer", "ec2"), sandbox["region"]
    vpc_id = ec2.create_vpc(CidrBlock="10.30.0.0/16")["Vpc"]["VpcId"]
    name = f"{unique('z')}.example.internal"
    with pytest.raises(ClientError) as info:  # API reference, CreateHostedZone: InvalidVPCId
        _zone(route53, name, "vpc-0123456789abcdef0", region)
    assert error_code(info) == "InvalidVPCId"
    zone = _zone(route53, name, vpc_id, region)
    assert route53.get_hosted_zone(Id=zone)["VPCs"] == [{"VPCRegion": region, "VPCId": vpc_id}]
    with pytest.raises(ClientError) as info:  # same name, same VPC: ConflictingDomainExists
        _zone(route53, name, vpc_id, region)
    assert error_code(info) == "ConflictingDomainExists"
    route53.delete_hosted_zone(Id=zone)


def test_a_delete_repeats_the_record_exactly(aws_client, sandbox):
    route53, ec2, region = aws_client("consumer", "route53"), aws_client("consumer", "ec2"), sandbox["region"]
    vpc_id = ec2.create_vpc(CidrBlock="10.31.0.0/16")["Vpc"]["VpcId"]
    name = f"{unique('z')}.example.internal"
    zone = _zone(route53, name, vpc_id, region)
    alias = {"HostedZoneId": "Z0123456789ABCDEFGHIJ", "DNSName": "svc.on.aws.", "EvaluateTargetHealth": False}
    record = {"Name": name, "Type": "A", "AliasTarget": alias}

    def change(action, record_set):
        route53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={"Changes": [
            {"Action": action, "ResourceRecordSet": record_set}]})

    change("CREATE", record)
    for wrong in (dict(record, AliasTarget=dict(alias, DNSName="other.on.aws.")), dict(record, Type="AAAA")):
        with pytest.raises(ClientError) as info:
            change("DELETE", wrong)
        assert error_code(info) == "InvalidChangeBatch"
    with pytest.raises(ClientError) as info:  # a zone with records cannot be deleted
        route53.delete_hosted_zone(Id=zone)
    assert error_code(info) == "HostedZoneNotEmpty"
    with pytest.raises(ClientError) as info:  # CREATE of an existing record
        change("CREATE", record)
    assert error_code(info) == "InvalidChangeBatch"
    change("DELETE", record)
    change("CREATE", record)  # deleted, it can be created again (moto's journal refused it)
    change("DELETE", record)
    route53.delete_hosted_zone(Id=zone)
