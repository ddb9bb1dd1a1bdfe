"""End to end: playbooks/status.yml on the 2+2 inventory (inventories/sandbox-large).

One deployment, one test: a 2+2 deployment is the expensive part, and under
pytest-xdist two tests sharing a module fixture may each get their own worker and
deploy twice. After the deployment, status reports no drift and its diagram names
every account, service and association; then changes are made behind the
collection's back with boto3, and status reports exactly those changes and exits
non-zero. Every status run is checked in the sandbox's call log to make no mutating
call.
"""

from __future__ import annotations

import json

import pytest
import instance_connect_stand_ins
from test_pattern import Account, ok, playbook, start_sandbox

from sandbox import control, testing

ACCOUNTS = ("provider-a", "provider-b", "consumer-a", "consumer-b")
SERVICES = {"provider-a": "service-orders", "provider-b": "service-billing"}
CONSUMERS = ("consumer-a", "consumer-b")
LATTICE_SG = "consumer-lattice-sg-vpclattice-distributed-consumer"
INSTANCE_SG = "consumer-instance-sg-vpclattice-distributed-consumer"


def status(info, tmp_path, *args, env_extra=None):
    """Run the status playbook; returns (returncode, output, report, diagram) and checks
    that it made no mutating call."""
    log = testing.CallLog(info["calls_log"])
    mark = log.mark()
    diagram, report = tmp_path / "topology.md", tmp_path / "status.json"
    returncode, output, _recap = playbook(info, "status", "sandbox-large", "-e", f"status_diagram_path={diagram}",
                                          "-e", f"status_report_path={report}", *args, env_extra=env_extra)
    calls = log(since=mark)
    assert calls, "the status run read nothing"
    # The data-plane calls (vpc-lattice-svcs Invoke, GET) are requests to the services, not API changes.
    assert [c for c in log.mutating(since=mark) if c["service"] != "vpc-lattice-svcs"] == [], output[-5000:]
    probes = [(c["account"], c["status"]) for c in calls if c["service"] == "vpc-lattice-svcs"]
    assert report.is_file(), output[-15000:]
    # Each consumer called each service it associates, from one of its instances (status_data_plane).
    associated = sum(len(n["service_associations"]) for n in json.loads(report.read_text())["model"]["networks"])
    # (at least: an association being deleted may still be listed, and is called too)
    assert associated > 0 and len(probes) >= associated, (probes, output[-5000:])
    return returncode, output, json.loads(report.read_text()), diagram.read_text()


def drift_keys(report):
    return sorted((d["account"], d["kind"], d["resource"]) for d in report["drift"])


def paths(report):
    return {(p["consumer"], p["service"]): p["broken"] for p in report["model"]["paths"]}


@pytest.mark.sandbox
# Measured alone on the 2-core machine, lightly loaded: 173 s wall, 2 min 53 s of CPU.
@pytest.mark.slow(180)
def test_status_reports_no_drift_after_a_deploy_then_exactly_the_changes_made_behind_its_back(tmp_path_factory):
    state_dir, info = start_sandbox(tmp_path_factory, "e2e-status", ACCOUNTS)
    try:
        ok(playbook(info, "deploy", "sandbox-large"))
        # Two status runs of the 2+2 accounts (a run is the expensive part): the clean one calls
        # the services the AWS way, the one after the drift through the sandbox's data plane.
        check_no_drift_calling_the_services_the_aws_way_through_instance_connect(
            info, tmp_path_factory.mktemp("status-clean"))
        check_changes_behind_the_collections_back_are_reported_exactly(info, tmp_path_factory.mktemp("status-drift"))
    finally:
        control.stop(state_dir)


def check_no_drift_calling_the_services_the_aws_way_through_instance_connect(deployed, tmp_path):
    """No drift, and the diagram names every account, service and association. The
    data-plane calls take the AWS path (lattice_sandbox false: `aws ec2-instance-connect
    send-ssh-public-key`, then ssh through the open-tunnel ProxyCommand running a signed
    curl), with stand-ins for the AWS CLI and ssh (instance_connect_stand_ins.py) that
    check what the real tools need and carry the request to the sandbox's data plane.
    verify.yml (consumer_verify_data_plane) calls the same task file
    (roles/consumer/tasks/call_services.yml) as status.yml (status_data_plane)."""
    stand_in_log = tmp_path / "stand-ins.jsonl"
    env = instance_connect_stand_ins.install(tmp_path / "bin", deployed["endpoint_url"], stand_in_log)
    returncode, output, report, diagram = status(deployed, tmp_path, "-e", "lattice_sandbox=false",
                                                 "-e", "status_data_plane=true", env_extra=env)
    assert returncode == 0, output[-15000:]
    assert report["drift"] == []
    assert "DRIFT: none" in output
    # Every consumer reaches every service, the data plane agreeing (HTTP 200).
    assert paths(report) == {(c, s): [] for c in CONSUMERS for s in SERVICES.values()}
    assert all(p["checks"].get("data_plane") is True for p in report["model"]["paths"]), report["model"]["paths"]
    # The console table has one row per consumer and service.
    rows = [line for line in output.splitlines() if line.strip().startswith("- consumer-")]
    assert len(rows) == 4 and all(row.rstrip().endswith("yes") for row in rows), rows

    assert diagram.startswith("# VPC Lattice topology\n\n```mermaid\nflowchart LR\n")
    for name in ACCOUNTS:
        assert f'subgraph acct_{name.replace("-", "_")}["{name} · {Account(deployed, name).id}' in diagram
    for provider, service in SERVICES.items():
        assert f"service {service}<br/>HTTPS:443" in diagram
        for consumer in CONSUMERS:
            # The share and the service association, as labelled arrows.
            assert (f"share_{provider.replace('-', '_')}_service_resource_share -->|\"RAM share to {consumer}\"| "
                    f"sn_{consumer.replace('-', '_')}_service_network") in diagram
            assert (f"sn_{consumer.replace('-', '_')}_service_network -->|\"service association ACTIVE\"| "
                    f"svc_{provider.replace('-', '_')}_{service.replace('-', '_')}") in diagram
    assert diagram.count('-->|"VPC association ACTIVE"|') == 2
    assert "-.->" not in diagram and "linkStyle" not in diagram

    calls = [json.loads(line) for line in stand_in_log.read_text().splitlines()]
    # Each consumer sends a key for one of its own instances, in its own account, then
    # curls each of the two services through it.
    key_accounts = [c["account"] for c in calls if c["tool"] == "aws"]
    assert sorted(key_accounts) == sorted(Account(deployed, name).id for name in CONSUMERS), calls
    curls = [c for c in calls if c["tool"] == "ssh"]
    assert len(curls) == 4 and {c["status"] for c in curls} == {200}, calls


def check_changes_behind_the_collections_back_are_reported_exactly(deployed, tmp_path):
    """Three changes in three accounts, then one status run (a status run of the 2+2
    accounts is the expensive part): each change is reported, with its detail and its
    broken paths, and nothing else is."""
    consumer_a, consumer_b, provider_b = (Account(deployed, n) for n in ("consumer-a", "consumer-b", "provider-b"))

    # 1. A security group rule removed: consumer-a's Lattice security group no longer lets HTTPS in.
    ec2 = consumer_a("ec2")
    group = ec2.describe_security_groups(Filters=[{"Name": "group-name", "Values": [LATTICE_SG]}])["SecurityGroups"][0]
    ec2.revoke_security_group_ingress(GroupId=group["GroupId"], IpPermissions=group["IpPermissions"])

    # 2. A service association deleted: consumer-b's network loses service-orders.
    lattice = consumer_b("vpc-lattice")
    network = lattice.list_service_networks()["items"][0]
    association = next(a for a in lattice.list_service_network_service_associations(
        serviceNetworkIdentifier=network["id"])["items"] if a["serviceName"] == "service-orders")
    lattice.delete_service_network_service_association(serviceNetworkServiceAssociationIdentifier=association["id"])

    # 3. A principal removed from a share: provider-b's share no longer goes to the organization.
    ram = provider_b("ram")
    share = ram.get_resource_shares(resourceOwner="SELF", name="service-resource-share")["resourceShares"][0]
    ram.disassociate_resource_share(resourceShareArn=share["resourceShareArn"],
                                    principals=[deployed["organization"]["arn"]])
    testing.wait_until(
        lambda: ram.list_principals(resourceOwner="SELF", resourceShareArns=[share["resourceShareArn"]])["principals"],
        lambda principals: principals == [])

    returncode, output, report, diagram = status(deployed, tmp_path)
    assert returncode != 0
    assert drift_keys(report) == [
        ("consumer-a", "changed", f"security group {LATTICE_SG}"),
        ("consumer-b", "missing", "service association service-network - service-orders"),
        ("provider-b", "changed", "share service-resource-share"),
    ]
    detail = {d["account"]: d["detail"] for d in report["drift"]}
    assert detail["consumer-a"] == f"ingress rules [], expected ['tcp 443-443 from {INSTANCE_SG}']"
    assert detail["provider-b"] == "principals [], expected ['organization']"
    assert f"consumer-a: changed security group {LATTICE_SG}" in output
    assert "Drift from the inventory (3)" in output

    # What each change breaks: consumer-a's security group blocks both services;
    # consumer-b no longer reaches service-orders; nobody is shared service-billing.
    broken = paths(report)
    # The data plane sees what the control plane predicts: consumer-a's requests time out,
    # and nobody's request to service-billing resolves any more.
    assert broken[("consumer-a", "service-orders")] == ["data_plane", "security_group"]
    assert broken[("consumer-b", "service-orders")] == ["service_association"]
    assert all({"share", "data_plane"} <= set(broken[(c, "service-billing")]) for c in CONSUMERS), broken
    assert "VPC association ACTIVE · SG blocks 443" in diagram and "linkStyle" in diagram
    assert '-.->|"x service_association"| svc_provider_a_service_orders' in diagram
    assert "x RAM share not visible to consumer-a" in diagram
