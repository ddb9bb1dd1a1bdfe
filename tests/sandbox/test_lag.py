"""SANDBOX_LAG: what was just created is not readable at once (core/consistency.py).

One sandbox with a lag of LAG seconds. Each draw is random per resource, so a test
makes a few resources and expects that some are missing at first and all are there
once the lag has passed.
"""

from __future__ import annotations

import time

import pytest
from botocore.exceptions import ClientError

from sandbox import testing
from sandbox.testing import error_code, unique, wait_until

pytestmark = pytest.mark.sandbox

LAG = 1.5
COUNT = 4


@pytest.fixture(scope="module")
def lagging(private_sandbox):
    info = private_sandbox(lag=LAG, iam_propagation=0)
    clients = {}

    def client(profile, service):
        if (profile, service) not in clients:
            clients[profile, service] = testing.client(info, profile, service)
        return clients[profile, service]

    # Moto builds an account's backend on its first call, which can take longer than the lag:
    # build them now, so that the tests measure the lag and not that.
    for profile in ("provider", "consumer", "outsider"):
        client(profile, "ram").get_resource_shares(resourceOwner="OTHER-ACCOUNTS")
        client(profile, "vpc-lattice").list_services()
    client("consumer", "ec2").describe_instance_connect_endpoints()
    return info, client


def found(read) -> bool:
    try:
        read()
    except ClientError as error:
        if error_code_of(error) in ("ResourceNotFoundException", "InvalidInstanceConnectEndpointId.NotFound"):
            return False
        raise
    return True


def error_code_of(error: ClientError) -> str:
    return error.response["Error"]["Code"]


def settle(reads) -> tuple[int, float]:
    """How many of ``reads`` fail at first, and how long until all succeed."""
    started = time.monotonic()
    missing = sum(not found(read) for read in reads)
    wait_until(lambda: all(found(read) for read in reads), bool, timeout=LAG + 3)
    return missing, time.monotonic() - started


def test_the_setting_is_recorded(lagging):
    info, _client = lagging
    assert (info["lag"], info["iam_propagation"], info["faults"], info["timing"]) == (LAG, 0, "", "")


def test_new_lattice_resources_are_not_found_for_a_while(lagging):
    _info, client = lagging
    lattice = client("provider", "vpc-lattice")
    services = [lattice.create_service(name=unique("lag")) for _index in range(COUNT)]
    reads = [lambda s=s: lattice.get_service(serviceIdentifier=s["id"]) for s in services]
    missing, took = settle(reads)
    assert missing >= 1 and took <= LAG + 1
    listed = {s["id"] for s in lattice.list_services()["items"]}
    assert {s["id"] for s in services} <= listed

    networks = [lattice.create_service_network(name=unique("lag")) for _index in range(COUNT)]
    listed_at_once = {n["id"] for n in lattice.list_service_networks()["items"]}
    assert not {n["id"] for n in networks} <= listed_at_once
    wait_until(lambda: {n["id"] for n in lattice.list_service_networks()["items"]},
               lambda ids: {n["id"] for n in networks} <= ids, timeout=LAG + 3)


def test_a_new_share_reaches_its_principals_after_a_while(lagging):
    info, client = lagging
    lattice, ram, consumer_ram = client("provider", "vpc-lattice"), client("provider", "ram"), client("consumer", "ram")
    consumer_lattice = client("consumer", "vpc-lattice")
    services = [lattice.create_service(name=unique("shared")) for _index in range(COUNT)]
    time.sleep(LAG)  # the services themselves are readable now
    shares = [
        ram.create_resource_share(name=unique("share"), resourceArns=[s["arn"]],
                                  principals=[info["organization"]["arn"]])["resourceShare"]["resourceShareArn"]
        for s in services
    ]

    def statuses():
        return [a["status"] for a in ram.get_resource_share_associations(
            associationType="PRINCIPAL", resourceShareArns=shares)["resourceShareAssociations"]]

    first = statuses()
    assert "ASSOCIATING" in first and set(first) <= {"ASSOCIATING", "ASSOCIATED"}
    seen_at_once = {s["resourceShareArn"] for s in consumer_ram.get_resource_shares(
        resourceOwner="OTHER-ACCOUNTS")["resourceShares"]}
    assert not set(shares) <= seen_at_once
    with pytest.raises(ClientError) as denied:  # not (yet) shared: another account's resource
        for service in services:
            consumer_lattice.get_service(serviceIdentifier=service["arn"])
    assert error_code(denied) == "AccessDeniedException"

    wait_until(statuses, lambda found: found == ["ASSOCIATED"] * COUNT, timeout=2 * LAG + 3)
    wait_until(lambda: {r["arn"] for r in consumer_ram.list_resources(resourceOwner="OTHER-ACCOUNTS")["resources"]},
               lambda arns: {s["arn"] for s in services} <= arns, timeout=2 * LAG + 3)
    for service in services:
        assert consumer_lattice.get_service(serviceIdentifier=service["arn"])["id"] == service["id"]

    ram.disassociate_resource_share(resourceShareArn=shares[0], principals=[info["organization"]["arn"]])
    ram.disassociate_resource_share(resourceShareArn=shares[1], principals=[info["organization"]["arn"]])
    leaving = statuses()
    assert "DISASSOCIATING" in leaving
    wait_until(statuses, lambda found: found.count("DISASSOCIATED") == 2, timeout=LAG + 3)


def test_an_outsiders_invitation_arrives_after_a_while(lagging):
    info, client = lagging
    lattice, ram = client("provider", "vpc-lattice"), client("provider", "ram")
    outsider = client("outsider", "ram")
    service = lattice.create_service(name=unique("out"))
    time.sleep(LAG)
    shares = {
        ram.create_resource_share(name=unique("share"), resourceArns=[service["arn"]], allowExternalPrincipals=True,
                                  principals=[info["accounts"]["outsider"]["id"]])["resourceShare"]["resourceShareArn"]
        for _index in range(COUNT)
    }

    def invited():
        return {i["resourceShareArn"] for i in outsider.get_resource_share_invitations()["resourceShareInvitations"]}

    assert not shares <= invited()
    wait_until(invited, lambda arns: shares <= arns, timeout=LAG + 3)


def test_a_new_instance_connect_endpoint_is_not_described_for_a_while(lagging):
    _info, client = lagging
    ec2 = client("consumer", "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.61.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.61.{index}.0/24")["Subnet"]["SubnetId"]
               for index in range(COUNT)]
    endpoints = [ec2.create_instance_connect_endpoint(SubnetId=subnet)["InstanceConnectEndpoint"]
                 ["InstanceConnectEndpointId"] for subnet in subnets]
    reads = [lambda e=e: ec2.describe_instance_connect_endpoints(InstanceConnectEndpointIds=[e]) for e in endpoints]
    missing, took = settle(reads)
    assert missing >= 1 and took <= LAG + 1
