"""How long AWS keeps each resource type in each transitional state (``SANDBOX_TIMING=aws``).

One table, ``AWS``: resource type -> transitional state -> :class:`Duration`
(typical seconds on AWS and where that figure comes from). The sandbox's
lifecycles read it through :func:`seconds`; a benchmark can import ``AWS`` to
compute the critical path of a deployment (``AWS["lattice-service"]["CREATE_IN_PROGRESS"].seconds``).

Without ``SANDBOX_TIMING=aws`` every transitional state lasts ``SANDBOX_DELAY``
seconds (the fast default). With it, each lasts its AWS duration times
``SANDBOX_TIME_SCALE``.

The figures are typical values, not guarantees: AWS publishes no durations for
these states. Where a source gives a range, the table takes its middle; where the
only source is a total (a terraform acceptance test that creates and destroys a
resource), it is split between create and delete and says so.
"""

from __future__ import annotations

from typing import NamedTuple

from . import settings


class Duration(NamedTuple):
    seconds: float
    source: str


TF_ACC = "terraform-provider-aws acceptance test output in the PR that added the resource"
TF_LATTICE = (
    "terraform-provider-aws internal/service/vpclattice: create/delete waiters poll *_IN_PROGRESS "
    "with default timeouts of minutes"
)

AWS: dict[str, dict[str, Duration]] = {
    "lattice-service-network": {
        # CreateServiceNetwork has no status in its output; terraform has no waiter for it.
        "CREATE_IN_PROGRESS": Duration(0, "CreateServiceNetwork output has no status (botocore model); no tf waiter"),
        "UPDATE_IN_PROGRESS": Duration(0, "UpdateServiceNetwork output has no status (botocore model)"),
        "DELETE_IN_PROGRESS": Duration(0, "DeleteServiceNetwork is synchronous (no status in the output, no tf waiter)"),
    },
    "lattice-service": {
        "CREATE_IN_PROGRESS": Duration(10, f"{TF_LATTICE} (service.go waitServiceCreated); users see ACTIVE within ~10 s"),
        "UPDATE_IN_PROGRESS": Duration(5, "estimate: an update re-publishes the service configuration"),
        "DELETE_IN_PROGRESS": Duration(10, f"{TF_LATTICE} (service.go waitServiceDeleted)"),
    },
    "lattice-target-group": {
        "CREATE_IN_PROGRESS": Duration(10, f"{TF_LATTICE} (target_group.go waitTargetGroupCreated)"),
        "UPDATE_IN_PROGRESS": Duration(5, "estimate: UpdateTargetGroup answers UPDATE_IN_PROGRESS (botocore enum)"),
        "DELETE_IN_PROGRESS": Duration(10, f"{TF_LATTICE} (target_group.go waitTargetGroupDeleted)"),
    },
    "lattice-listener": {
        # CreateListener / CreateRule outputs carry no status: they are in place when the call returns.
        "CREATE_IN_PROGRESS": Duration(0, "CreateListener output has no status (botocore model)"),
        "UPDATE_IN_PROGRESS": Duration(0, "UpdateListener output has no status (botocore model)"),
        "DELETE_IN_PROGRESS": Duration(0, "DeleteListener output is empty (botocore model)"),
    },
    "lattice-rule": {
        "CREATE_IN_PROGRESS": Duration(0, "CreateRule output has no status (botocore model)"),
        "UPDATE_IN_PROGRESS": Duration(0, "UpdateRule output has no status (botocore model)"),
        "DELETE_IN_PROGRESS": Duration(0, "DeleteRule output is empty (botocore model)"),
    },
    "lattice-service-network-service-association": {
        "CREATE_IN_PROGRESS": Duration(
            45, f"{TF_LATTICE} (service_network_service_association.go); users report 30-60 s"
        ),
        "DELETE_IN_PROGRESS": Duration(45, f"{TF_LATTICE}; users report 30-60 s"),
    },
    "lattice-service-network-vpc-association": {
        "CREATE_IN_PROGRESS": Duration(
            60, f"{TF_LATTICE} (service_network_vpc_association.go); users report about a minute"
        ),
        "UPDATE_IN_PROGRESS": Duration(30, "estimate: security group changes re-program the VPC's ENIs"),
        "DELETE_IN_PROGRESS": Duration(60, f"{TF_LATTICE}; users report about a minute"),
    },
    "lattice-resource-gateway": {
        # A resource gateway places ENIs in each of its subnets, as an interface endpoint does.
        "CREATE_IN_PROGRESS": Duration(60, f"{TF_LATTICE} (resource_gateway.go); estimate: ENIs in each subnet"),
        "UPDATE_IN_PROGRESS": Duration(30, "estimate: security group changes re-program the gateway's ENIs"),
        "DELETE_IN_PROGRESS": Duration(60, f"{TF_LATTICE} (resource_gateway.go); estimate: ENIs removed"),
    },
    "lattice-resource-configuration": {
        "CREATE_IN_PROGRESS": Duration(10, f"{TF_LATTICE} (resource_configuration.go: waits for ACTIVE twice)"),
        "UPDATE_IN_PROGRESS": Duration(10, f"{TF_LATTICE} (resource_configuration.go: update waiter)"),
        "DELETE_IN_PROGRESS": Duration(10, f"{TF_LATTICE} (resource_configuration.go: delete waiter)"),
    },
    "lattice-service-network-resource-association": {
        "CREATE_IN_PROGRESS": Duration(
            45, f"{TF_LATTICE} (service_network_resource_association.go); as a service association"
        ),
        "DELETE_IN_PROGRESS": Duration(45, f"{TF_LATTICE}; as a service association"),
    },
    "lattice-target": {
        # Lattice's default deregistration delay (connection draining) is 300 s, as ELB's
        # (CreateTargetGroup has no setting for it); terraform-provider-aws #41601 reports
        # that DeleteTargetGroup fails while targets drain. Taken at the documented default.
        "DRAINING": Duration(300, "VPC Lattice user guide, target groups: deregistration delay 300 s; tf #41601"),
    },
    "ec2-instance": {
        "pending": Duration(15, "EC2 user guide, instance lifecycle: pending until running, typically 10-30 s"),
        "shutting-down": Duration(45, "EC2 user guide, instance lifecycle: shutting-down typically under a minute"),
    },
    "ec2-instance-connect-endpoint": {
        # TestAccEC2InstanceConnectEndpoint_basic: 259 s for create + destroy (tf PR #32105).
        "create-in-progress": Duration(150, f"{TF_ACC} #32105: 254-259 s per create+delete test"),
        "update-in-progress": Duration(60, "estimate: ModifyInstanceConnectEndpoint replaces the ENI configuration"),
        "delete-in-progress": Duration(105, f"{TF_ACC} #32105: 254-259 s per create+delete test"),
    },
    "lambda-function": {
        "Pending": Duration(5, "Lambda developer guide, function states: Pending while resources (ENIs for VPC) are made"),
        "InProgress": Duration(5, "Lambda developer guide, LastUpdateStatus InProgress after an update"),
    },
    "ram-association": {
        "ASSOCIATING": Duration(
            10, "terraform-provider-aws internal/service/ram: waiters retry ASSOCIATING; users see seconds"
        ),
        "DISASSOCIATING": Duration(10, "terraform-provider-aws internal/service/ram: waiters retry DISASSOCIATING"),
    },
}


def seconds(resource: str, state: str, fast: float | None = None) -> float:
    """How long ``resource`` stays in ``state`` in this sandbox.

    Without SANDBOX_TIMING=aws: ``fast`` when given (a state the fast sandbox skips or
    ties to another setting), else SANDBOX_DELAY.
    """
    if settings.timing() != "aws":
        return settings.delay() if fast is None else fast
    return AWS[resource][state].seconds * settings.time_scale()
