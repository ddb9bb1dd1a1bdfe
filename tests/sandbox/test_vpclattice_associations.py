"""Service network associations (VPC and service) behave like AWS in the sandbox."""

from __future__ import annotations

import functools
import re

import pytest
from botocore.exceptions import ClientError

from sandbox.testing import ID_FORMAT, error_code, unique, wait_gone, wait_status

pytestmark = pytest.mark.sandbox


def test_vpc_association_lifecycle(consumer, service_network, vpc):
    created = consumer.create_service_network_vpc_association(
        serviceNetworkIdentifier=service_network["arn"],
        vpcIdentifier=vpc["id"],
        securityGroupIds=vpc["security_groups"][:1],
    )
    assert re.fullmatch(ID_FORMAT.format("snva"), created["id"]) and created["status"] == "CREATE_IN_PROGRESS"
    read = functools.partial(
        consumer.get_service_network_vpc_association, serviceNetworkVpcAssociationIdentifier=created["id"]
    )

    with pytest.raises(ClientError) as info:  # not while it is being created
        consumer.delete_service_network_vpc_association(serviceNetworkVpcAssociationIdentifier=created["id"])
    assert error_code(info) == "ConflictException"
    wait_status(read)

    updated = consumer.update_service_network_vpc_association(
        serviceNetworkVpcAssociationIdentifier=created["arn"], securityGroupIds=vpc["security_groups"]
    )
    assert updated["status"] == "UPDATE_IN_PROGRESS" and updated["id"] == created["id"]
    with pytest.raises(ClientError) as info:  # not while it is being updated
        consumer.delete_service_network_vpc_association(serviceNetworkVpcAssociationIdentifier=created["id"])
    assert error_code(info) == "ConflictException"
    assert sorted(wait_status(read)["securityGroupIds"]) == sorted(vpc["security_groups"])

    network = consumer.get_service_network(serviceNetworkIdentifier=service_network["id"])
    assert network["numberOfAssociatedVPCs"] == 1
    listed = consumer.list_service_network_vpc_associations(vpcIdentifier=vpc["id"])["items"]
    assert [(a["id"], a["serviceNetworkName"]) for a in listed] == [(created["id"], service_network["name"])]

    with pytest.raises(ClientError) as info:  # in use
        consumer.delete_service_network(serviceNetworkIdentifier=service_network["id"])
    assert error_code(info) == "ConflictException"

    deleted = consumer.delete_service_network_vpc_association(serviceNetworkVpcAssociationIdentifier=created["id"])
    assert deleted["status"] == "DELETE_IN_PROGRESS"
    wait_gone(read)
    consumer.delete_service_network(serviceNetworkIdentifier=service_network["id"])


def test_a_vpc_joins_one_service_network_only(consumer, service_network, vpc):
    consumer.create_service_network_vpc_association(
        serviceNetworkIdentifier=service_network["id"], vpcIdentifier=vpc["id"]
    )
    other = consumer.create_service_network(name=unique("other"))
    with pytest.raises(ClientError) as info:
        consumer.create_service_network_vpc_association(serviceNetworkIdentifier=other["id"], vpcIdentifier=vpc["id"])
    assert error_code(info) == "ConflictException"


def test_at_most_five_security_groups(consumer, service_network, vpc):
    groups = [
        vpc["ec2"].create_security_group(GroupName=unique("sg"), Description="x", VpcId=vpc["id"])["GroupId"]
        for _index in range(6)
    ]
    with pytest.raises(ClientError) as info:
        consumer.create_service_network_vpc_association(
            serviceNetworkIdentifier=service_network["id"], vpcIdentifier=vpc["id"], securityGroupIds=groups
        )
    assert error_code(info) == "ServiceQuotaExceededException"


def test_security_groups_must_belong_to_the_vpc(consumer, service_network, vpc):
    elsewhere = vpc["ec2"].create_vpc(CidrBlock="10.30.0.0/16")["Vpc"]["VpcId"]
    group = vpc["ec2"].create_security_group(GroupName=unique("sg"), Description="x", VpcId=elsewhere)["GroupId"]
    with pytest.raises(ClientError) as info:
        consumer.create_service_network_vpc_association(
            serviceNetworkIdentifier=service_network["id"], vpcIdentifier=vpc["id"], securityGroupIds=[group]
        )
    assert error_code(info) == "ValidationException"


def test_association_lists_need_a_filter(consumer):
    with pytest.raises(ClientError) as info:
        consumer.list_service_network_service_associations()
    assert error_code(info) == "ValidationException"


def test_vpc_association_private_dns_settings(consumer, service_network, vpc):
    # API reference, DnsOptions: only with private DNS enabled; specified domains only (and, strictly, always)
    # with the two SPECIFIED preferences; UpdateServiceNetworkVpcAssociation takes both.
    base = {"serviceNetworkIdentifier": service_network["id"], "vpcIdentifier": vpc["id"]}
    refused = [
        {"dnsOptions": {"privateDnsPreference": "ALL_DOMAINS"}},
        {"privateDnsEnabled": True, "dnsOptions": {"privateDnsPreference": "SPECIFIED_DOMAINS_ONLY"}},
        {"privateDnsEnabled": True, "dnsOptions": {
            "privateDnsPreference": "ALL_DOMAINS", "privateDnsSpecifiedDomains": ["a.example.com"]}},
    ]
    for extra in refused:
        with pytest.raises(ClientError) as info:
            consumer.create_service_network_vpc_association(**base, **extra)
        assert error_code(info) == "ValidationException", extra
    dns = {"privateDnsPreference": "SPECIFIED_DOMAINS_ONLY", "privateDnsSpecifiedDomains": ["a.example.com"]}
    created = consumer.create_service_network_vpc_association(**base, privateDnsEnabled=True, dnsOptions=dns)
    assert (created["privateDnsEnabled"], created["dnsOptions"]) == (True, dns)
    read = functools.partial(
        consumer.get_service_network_vpc_association, serviceNetworkVpcAssociationIdentifier=created["id"]
    )
    assert wait_status(read)["dnsOptions"] == dns
    listed = consumer.list_service_network_vpc_associations(vpcIdentifier=vpc["id"])["items"]
    assert listed[0]["privateDnsEnabled"] is True

    all_domains = {"privateDnsPreference": "ALL_DOMAINS"}
    updated = consumer.update_service_network_vpc_association(
        serviceNetworkVpcAssociationIdentifier=created["id"], dnsOptions=all_domains
    )
    assert updated["status"] == "UPDATE_IN_PROGRESS" and updated["dnsOptions"] == all_domains
    assert wait_status(read)["dnsOptions"] == all_domains
    consumer.update_service_network_vpc_association(
        serviceNetworkVpcAssociationIdentifier=created["id"], privateDnsEnabled=False
    )
    after = wait_status(read)
    assert after["privateDnsEnabled"] is False and "dnsOptions" not in after
    with pytest.raises(ClientError) as info:  # options without private DNS, on update too
        consumer.update_service_network_vpc_association(
            serviceNetworkVpcAssociationIdentifier=created["id"], dnsOptions=all_domains
        )
    assert error_code(info) == "ValidationException"
    consumer.delete_service_network_vpc_association(serviceNetworkVpcAssociationIdentifier=created["id"])
    wait_gone(read)


def test_lists_answer_summaries_not_what_get_answers(consumer, service_network, vpc):
    # botocore's model: ServiceNetworkVpcAssociationSummary has no securityGroupIds, no summary has
    # failureCode or failureMessage, ServiceNetworkSummary no authType: what a module needs of
    # those it must read with the Get operation, on AWS as here.
    created = consumer.create_service_network_vpc_association(
        serviceNetworkIdentifier=service_network["id"], vpcIdentifier=vpc["id"],
        securityGroupIds=vpc["security_groups"][:1],
    )
    wait_status(functools.partial(
        consumer.get_service_network_vpc_association, serviceNetworkVpcAssociationIdentifier=created["id"]
    ))
    try:
        (listed,) = consumer.list_service_network_vpc_associations(vpcIdentifier=vpc["id"])["items"]
        assert listed["id"] == created["id"] and listed["status"] == "ACTIVE"
        assert "securityGroupIds" not in listed
        networks = consumer.list_service_networks()["items"]
        assert service_network["id"] in {n["id"] for n in networks}
        assert not any("authType" in n for n in networks)
    finally:
        consumer.delete_service_network_vpc_association(serviceNetworkVpcAssociationIdentifier=created["id"])
