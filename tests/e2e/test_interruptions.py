"""The interruption matrix (issue 13): deploys and teardowns stopped at many points.

Each test deploys 1 provider + 1 consumer (inventories/sandbox) on its own sandbox and
stops ansible-playbook right after a given API call has been answered, watching the
sandbox's call log: after each call that creates something, and in the middle of the
long waits (instances pending, Instance Connect endpoint create-in-progress, VPC and
service associations CREATE_IN_PROGRESS, the RAM share still ASSOCIATING, not yet
seen by the consumer). A stop is either SIGINT to the process group, as Ctrl-C in a
terminal (ansible-playbook may finish its current task: that is the real behaviour),
or SIGKILL to the process group, as AWX does when it cancels or loses a job (nothing
finishes).

What each state must allow, checked with boto3 in every account, BOTH paths from every
state: the sandbox saves the state right after the stop (sandbox/snapshot.py) and puts it
back, as it was at the stop, between the two paths:
- right after the signal, for a stop inside a long operation (Stop.in_progress): its
  resource is read in its transitional state (the stop landed inside the wait);
- right after the stop: no resource exists twice (each type counts at most as many
  as the whole pattern has);
- the teardown path: teardown leaves every account empty;
- the re-deploy path, from the state put back: the next deploy copes with what was left.
  It is the deploy stopped at the following state, when that state continues from this
  one, so each re-deploy is checked up to the next stop; the last one, and one whose
  following state starts afresh, runs to the end: the whole pattern with exactly one of
  each resource, and (the last of a group) a further deploy with changed=0.
- a teardown stopped at a point: a second teardown finishes the job (every account
  empty); then, from the state put back, the next teardown is stopped at the next point.

Budget (the whole matrix is ``make test-interruptions``; ``make test`` runs a sample of it
in tests/e2e/test_reference_pattern.py, SAMPLE_* below): SIGINT and SIGKILL alternate
along each group's stopped runs. The figure printed says how many states got which signal and
path. One state is a deploy that fails on its own (an AMI parameter that does not exist)
with the message that names the parameter.

States stopped in the provider's play are checked on provider + consumer (deploy.yml
builds the consumer's network first, so it is part of each of them); states stopped in the
consumer's plays run on a sandbox whose provider was deployed first, with ``--limit consumer``.

The figures, one line per test: "interruption matrix <group>: N states tried ..., K
left something behind or made a duplicate" (K must be 0).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, replace

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from test_pattern import (ROOT, Account, changed, check_consumer, check_empty, check_no_secret, check_provider,
                          live_instances, non_default_vpcs, ok, playbook, playbook_command, recap)

from sandbox import control, testing

# Roles' own knobs, so that a re-run spends its time on the calls, not in sleeps: the
# waits read every second instead of every 10 (the sandbox's transitional states last
# `delay` seconds here, not AWS's minutes).
FAST = ["-e", json.dumps({"consumer_wait_delay": 1, "consumer_share_wait_delay": 1,
                          "provider_iam_propagation_delay": 1, "provider_wait_delay": 1})]
# How long a stopped run may take to exit (SIGINT lets the current task finish).
EXIT_TIMEOUT = 120
# How long a run may take to reach its stop point.
STOP_TIMEOUT = 600


@dataclass(frozen=True)
class Stop:
    """Stop a deploy or teardown once the calls ``after`` (operation names, in this order,
    each answered 2xx, the n-th time when given as ``"Operation#n"``) have been made
    since it started; or, without ``after``, let it fail on its own with ``extra`` vars
    and expect ``message`` in its output. ``in_progress``: what the stop must find still
    in its transitional state (the stop landed inside the wait, not after it). ``fresh``:
    the deploy stopped here starts from the state its group started in (not from the state
    before it): a wait is only reached by the deploy that asked for what it waits on."""
    name: str
    after: tuple[str, ...] = ()
    fresh: bool = False
    extra: dict | None = None
    message: str = ""
    # A stop inside a long operation: (kind, status) that one of the kind's resources
    # (IN_PROGRESS) must be seen in right after the signal, or the stop missed the wait.
    in_progress: tuple[str, str] = ()


MISSING_AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/no-such-image"

# In the order the deploy makes them (roles/provider/tasks/present.yml, service.yml). A
# module's calls follow each other within milliseconds, so a state is named after what
# is sure to exist; what the module does next may exist too.
PROVIDER_STOPS = [
    Stop("provider: Lambda execution role created", ("CreateRole",)),
    Stop("provider: function created (Pending)", ("CreateFunction",), in_progress=("lambda functions", "Pending")),
    Stop("provider: Lattice service CREATE_IN_PROGRESS, no target group", ("CreateService",),
         in_progress=("lattice services", "CREATE_IN_PROGRESS")),
    Stop("provider: target group created, no invoke permission", ("CreateTargetGroup",)),
    Stop("provider: invoke permission given, no listener", ("AddPermission",)),
    Stop("provider: listener created, nothing shared", ("CreateListener",)),
    Stop("provider: RAM share ASSOCIATING, not yet seen by the consumer", ("CreateResourceShare",),
         in_progress=("ram principal associations", "ASSOCIATING")),
]

# roles/consumer/tasks/vpc_network.yml (deploy.yml runs it before the providers), then
# present.yml and the files it includes, in order. Each state is followed by one its
# re-deploy reaches (the next one's calls are still to make).
CONSUMER_NETWORK_STOPS = [
    Stop("consumer: VPC created", ("CreateVpc",)),
    Stop("consumer: 2 of 4 subnets", ("CreateSubnet#2",)),
    # The endpoint's group first, then the endpoint, then the other groups (vpc_network.yml):
    # the endpoint's state comes from an empty consumer (fresh), the one before has it made.
    Stop("consumer: the endpoint's group, the endpoint, 2 of 3 groups", ("CreateSecurityGroup#2",)),
    Stop("consumer: Instance Connect endpoint create-in-progress, no other group", ("CreateInstanceConnectEndpoint",),
         fresh=True, in_progress=("instance connect endpoints", "create-in-progress")),
    # The service network and the VPC's association come before the route tables.
    Stop("consumer: VPC association CREATE_IN_PROGRESS, no route table", ("CreateServiceNetworkVpcAssociation",),
         in_progress=("vpc associations", "CREATE_IN_PROGRESS")),
    Stop("consumer: a route table created", ("CreateRouteTable",)),
    # The deploy fails on its own once the network, the endpoint and the instances' role
    # exist, before the instances: the AMI cannot be read (a parameter that does not exist,
    # under the path iam/consumer.json lets the consumer read, so that the least-privilege
    # run of this state fails on the missing parameter, not on a refusal).
    Stop("consumer: failed at the AMI lookup, before the instances",
         extra={"consumer_ami_ssm_parameter": MISSING_AMI_PARAMETER},
         message=f"could not be read from the SSM parameter {MISSING_AMI_PARAMETER}"),
]
# The service network and the VPC's association come with the network (vpc_network.yml),
# before the instances. The waits (roles/consumer/tasks/wait.yml) start after the last
# association is asked for. Each wait starts from an empty consumer (fresh): a re-deploy
# from the state before would find what it waits on made and complete, and wait.yml skips
# a wait for what its module found complete.
CONSUMER_WORKLOAD_STOPS = [
    Stop("consumer: service network, VPC association not yet asked for", ("CreateServiceNetwork",)),
    Stop("consumer: 1 of 2 instances pending", ("RunInstances",), in_progress=("instances", "pending")),
    Stop("consumer: waiting for the endpoint",
         ("CreateServiceNetworkServiceAssociation", "DescribeInstanceConnectEndpoints"), fresh=True),
    Stop("consumer: waiting for the VPC association",
         ("CreateServiceNetworkServiceAssociation", "ListServiceNetworkVpcAssociations"), fresh=True),
    Stop("consumer: waiting for the instances (pending)",
         ("CreateServiceNetworkServiceAssociation", "DescribeInstances"), fresh=True),
]

# roles/consumer/tasks/absent.yml, vpc_absent.yml, then roles/provider/tasks/absent.yml:
# each teardown is stopped at the next point, from what the previous one left.
# In teardown.yml's order: the consumers' long deletes start, the providers are removed
# while they run, then the consumers wait for them and remove the rest.
TEARDOWN_STOPS = [
    Stop("teardown: endpoint delete-in-progress, instances running", ("DeleteInstanceConnectEndpoint",),
         in_progress=("instance connect endpoints", "delete-in-progress")),
    Stop("teardown: instances shutting-down", ("TerminateInstances",), in_progress=("instances", "shutting-down")),
    Stop("teardown: service association DELETE_IN_PROGRESS", ("DeleteServiceNetworkServiceAssociation",),
         in_progress=("service associations", "DELETE_IN_PROGRESS")),
    Stop("teardown: service DELETE_IN_PROGRESS, target group left", ("DeleteService",),
         in_progress=("lattice services", "DELETE_IN_PROGRESS")),
    Stop("teardown: service network deleted, the endpoint's group and subnet and the VPC left",
         ("DeleteServiceNetwork",)),
    Stop("teardown: the consumer's VPC deleted (its last delete)", ("DeleteVpc",)),
]

# What the whole pattern has, per account and type (../shared/seed/resources.md): two
# instances (one per workload subnet), four subnets and route tables, three groups.
PROVIDER_COUNTS = {"iam roles": 1, "lambda functions": 1, "lattice services": 1, "target groups": 1,
                   "listeners": 1, "ram shares": 1}
CONSUMER_COUNTS = {"iam roles": 1, "instance profiles": 1, "vpcs": 1, "subnets": 4, "route tables": 4,
                   "security groups": 3, "instances": 2, "instance connect endpoints": 1, "service networks": 1,
                   "vpc associations": 1, "service associations": 1}


# Stop.in_progress's kinds: the account that holds them and how their statuses are read.
def _association_statuses(kind):
    def read(client):
        lattice = client("vpc-lattice")
        listing = getattr(lattice, f"list_service_network_{kind}_associations")
        return [a["status"] for n in lattice.list_service_networks()["items"]
                for a in listing(serviceNetworkIdentifier=n["id"])["items"]]
    return read


IN_PROGRESS = {
    "lattice services": ("provider", lambda client: [
        s["status"] for s in client("vpc-lattice").list_services()["items"]]),
    "lambda functions": ("provider", lambda client: [
        client("lambda").get_function_configuration(FunctionName=f["FunctionName"])["State"]
        for f in client("lambda").list_functions()["Functions"]]),
    "ram principal associations": ("provider", lambda client: [
        a["status"] for a in client("ram").get_resource_share_associations(
            associationType="PRINCIPAL")["resourceShareAssociations"]]),
    "instance connect endpoints": ("consumer", lambda client: [
        e["State"] for e in client("ec2").describe_instance_connect_endpoints()["InstanceConnectEndpoints"]]),
    "vpc associations": ("consumer", _association_statuses("vpc")),
    "service associations": ("consumer", _association_statuses("service")),
    "instances": ("consumer", lambda client: [
        i["State"]["Name"] for r in client("ec2").describe_instances()["Reservations"] for i in r["Instances"]]),
}
# The probe reads once per call: a throttle or an injected fault is answered by its next
# read, not by a backoff's sleep that could outlast the transitional state.
ONE_ATTEMPT = Config(retries={"mode": "standard", "max_attempts": 1})


def seconds_until_in_progress(info, kind, status):
    """Read ``kind``'s statuses until one is ``status``; the seconds that took. Fails with
    the statuses last read when the sandbox's transitional state (``delay``) and its
    read-after-write lag (``lag``: a resource just made is not listed at once) have both
    passed first: the stop came after the wait, not inside it."""
    profile, read = IN_PROGRESS[kind]
    clients = {}

    def client(service):
        if service not in clients:
            clients[service] = testing.client(info, profile, service, config=ONE_ATTEMPT)
        return clients[service]
    started = time.monotonic()
    within = float(info["delay"]) + float(info.get("lag") or 0)
    seen = None
    while time.monotonic() - started <= within:
        try:
            seen = read(client)
        except ClientError:
            pass
        if seen and status in seen:
            return time.monotonic() - started
        time.sleep(0.05)
    raise AssertionError(f"no {kind} {status} within {within:.1f} s of the stop (last read: {seen})")


# The consumer role's default consumer_stack_name (roles/consumer/defaults/main.yml).
STACK = "vpclattice-distributed-consumer"


# ---------------------------------------------------------------- stopping a run

def _matches(call, wanted):
    return call.get("operation") == wanted.partition("#")[0] and not call.get("fault") and 200 <= int(call.get("status") or 0) < 300


def run_stopped(info, name, inventory, *args, stop, signum, env_extra=None, at_signal=None):
    """Run a playbook and send ``signum`` to its process group as soon as the calls of
    ``stop`` have been answered, then call ``at_signal()`` (while the run exits); returns
    (returncode, output, recap) of the stopped run. Fails when the run ends before
    reaching the stop point."""
    cmd, env = playbook_command(info, name, inventory, *args, env_extra=env_extra)
    log_path = info["calls_log"]
    offset = os.path.getsize(log_path) if os.path.exists(log_path) else 0
    with tempfile.TemporaryFile("w+") as out:
        # Its own process group, as a terminal's foreground job or an AWX job: the signal
        # reaches ansible-playbook and every worker and module process it started.
        process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, text=True,
                                   start_new_session=True)
        wanted = list(stop.after)
        seen = {}
        deadline = time.monotonic() + STOP_TIMEOUT
        pending = ""
        while wanted and process.poll() is None and time.monotonic() < deadline:
            chunk = ""
            if os.path.exists(log_path):  # the sandbox writes it at its first call
                with open(log_path, encoding="utf-8") as log:
                    log.seek(offset)
                    chunk = log.read()
                    offset = log.tell()
            lines = (pending + chunk).split("\n")
            pending = lines.pop()
            for line in lines:
                if not wanted:
                    break
                call = json.loads(line)
                if _matches(call, wanted[0]):
                    operation, nth = wanted[0].partition("#")[::2]
                    seen[operation] = seen.get(operation, 0) + 1
                    if seen[operation] >= int(nth or 1):
                        wanted.pop(0)
            if wanted:
                time.sleep(0.02)
        reached = not wanted
        if reached and process.poll() is None:
            os.killpg(process.pid, signum)
            if at_signal is not None:
                at_signal()
        try:
            returncode = process.wait(timeout=EXIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            returncode = process.wait()
            pytest.fail(f"{name} did not exit {EXIT_TIMEOUT} s after {signal.Signals(signum).name} at {stop.name}")
        out.seek(0)
        output = out.read()
    assert reached, f"{name} ended (rc={returncode}) before reaching {stop.name}: {stop.after}\n" + output[-5000:]
    return returncode, output, recap(output)


# ---------------------------------------------------------------- what is left

def counts(account):
    """How many of each resource type the pattern makes exist in ``account``."""
    iam, lam, lattice, ram, ec2 = (account(s) for s in ("iam", "lambda", "vpc-lattice", "ram", "ec2"))
    vpc_ids = [v["VpcId"] for v in non_default_vpcs(ec2)]
    in_vpcs = [{"Name": "vpc-id", "Values": vpc_ids}]
    # ListServices also lists services shared with this account: the owner is in the ARN.
    services = [s for s in lattice.list_services()["items"] if s["arn"].split(":")[4] == account.id]
    networks = lattice.list_service_networks()["items"]
    found = {
        "iam roles": len([r for r in iam.list_roles()["Roles"] if r["RoleName"] in account.role_names]),
        "instance profiles": len(iam.list_instance_profiles()["InstanceProfiles"]),
        "lambda functions": len(lam.list_functions()["Functions"]),
        "lattice services": len(services),
        "target groups": len(lattice.list_target_groups()["items"]),
        "listeners": sum(len(lattice.list_listeners(serviceIdentifier=s["id"])["items"]) for s in services),
        "ram shares": len([s for s in ram.get_resource_shares(resourceOwner="SELF")["resourceShares"]
                           if s["status"] not in ("DELETED", "DELETING")]),
        "vpcs": len(vpc_ids),
        "subnets": len(ec2.describe_subnets(Filters=in_vpcs)["Subnets"]) if vpc_ids else 0,
        "route tables": len([t for t in ec2.describe_route_tables(Filters=in_vpcs)["RouteTables"]
                             if not any(a.get("Main") for a in t["Associations"])]) if vpc_ids else 0,
        "security groups": len([g for g in ec2.describe_security_groups()["SecurityGroups"]
                                if g["GroupName"] != "default"]),
        "instances": len(live_instances(ec2)),
        "instance connect endpoints": len([e for e in ec2.describe_instance_connect_endpoints()[
            "InstanceConnectEndpoints"] if e["State"] not in ("delete-complete", "delete-in-progress")]),
        "service networks": len(networks),
        "vpc associations": sum(len(lattice.list_service_network_vpc_associations(
            serviceNetworkIdentifier=n["id"])["items"]) for n in networks),
        "service associations": sum(len(lattice.list_service_network_service_associations(
            serviceNetworkIdentifier=n["id"])["items"]) for n in networks),
        "hosted zones": len(account("route53").list_hosted_zones()["HostedZones"]),
    }
    return {kind: number for kind, number in found.items() if number}


def duplicates(account, whole):
    """The types of which ``account`` holds more than the whole pattern has."""
    return {kind: number for kind, number in counts(account).items() if number > whole.get(kind, 0)}


class Matrix:
    """One group of states on its own sandbox; records what each state left behind.
    ``inventory`` and ``env_extra``: how the runs reach the accounts (playbook_command);
    the inventory's hosts are named provider and consumer."""

    def __init__(self, info, group, inventory="sandbox", env_extra=None):
        self.info = info
        self.group = group
        self.inventory = inventory
        self.env_extra = env_extra
        self.provider = Account(info, "provider")
        self.consumer = Account(info, "consumer")
        self.provider.role_names = {"lambda-vpc-lattice-role"}
        self.consumer.role_names = {"consumer-instance-role-" + STACK}
        self.tried = []  # (state, signal, path)
        self.problems = []  # (state, what was wrong)
        self.runs = []  # every run's result, for the secrets scan
        self.seconds = []  # (run, wall seconds)
        self.signalled = 0  # stopped runs so far
        self.in_progress = []  # (state, seconds after the signal its Stop.in_progress was seen)

    def check(self, state, what):
        """Run the check ``what``; a failure is recorded against ``state``, not raised."""
        try:
            what()
        except AssertionError as error:
            self.problems.append((state, str(error)[:3000]))

    def no_duplicates(self, state):
        def check():
            found = {"provider": duplicates(self.provider, PROVIDER_COUNTS),
                     "consumer": duplicates(self.consumer, CONSUMER_COUNTS)}
            assert found == {"provider": {}, "consumer": {}}, f"duplicates after the stop: {found}"
        self.check(state, check)

    def stopped(self, name, stop, *args):
        """Run ``name`` stopped at ``stop``: SIGINT and SIGKILL alternate along the group's
        stopped runs, deploys and teardowns alike."""
        signum = signal.SIGINT if self.signalled % 2 == 0 else signal.SIGKILL
        self.signalled += 1
        started = time.monotonic()
        result = run_stopped(self.info, name, self.inventory, *FAST, *args, stop=stop, signum=signum,
                             env_extra=self.env_extra, at_signal=lambda: self.check(stop.name, lambda: self.seen(stop)))
        self.runs.append(result)
        self.seconds.append((f"{name} stopped: {stop.name}", time.monotonic() - started))
        return signum, result

    def seen(self, stop):
        """Stop.in_progress, read right after the signal."""
        if stop.in_progress:
            self.in_progress.append((stop.name, seconds_until_in_progress(self.info, *stop.in_progress)))

    def run(self, name, *args):
        started = time.monotonic()
        result = playbook(self.info, name, self.inventory, *FAST, *args, env_extra=self.env_extra)
        self.runs.append(result)
        self.seconds.append((f"{name} {' '.join(args)}", time.monotonic() - started))
        return result

    def figure(self):
        left = sorted({state for state, _problem in self.problems})
        by_signal = {s: sum(1 for _state, how, _path in self.tried if how == s) for s in ("SIGINT", "SIGKILL", "failure")}
        by_path = {p: sum(1 for _state, _sig, path in self.tried if path == p) for p in ("both", "teardown")}
        print(f"\ninterruption matrix {self.group}: {len(self.tried)} states tried "
              f"(SIGINT {by_signal['SIGINT']}, SIGKILL {by_signal['SIGKILL']}, failed on its own {by_signal['failure']}; "
              f"{by_path['both']} deploy states each torn down and re-deployed, "
              f"{by_path['teardown']} teardown states each finished by a second teardown), "
              f"{len(left)} left something behind or made a duplicate")
        if self.in_progress:
            latest = max(seconds for _state, seconds in self.in_progress)
            print(f"  inside the wait at the stop: {len(self.in_progress)} states, their resource read in its "
                  f"transitional state {latest:.1f} s after the signal at most")
        for state, problem in self.problems:
            print(f"  {state}: {problem}")
        print("  runs: " + ", ".join(f"{run} {seconds:.0f} s" for run, seconds in self.seconds))
        assert self.problems == [], f"{len(left)} states left something behind or made a duplicate: {left}"
        check_no_secret(self.info, *self.runs)

    def empty(self, state, *limit):
        """Every account the runs acted in (``limit``: ``"--limit", "host,..."``, else both)
        holds nothing of the pattern. Limited to the consumer, the provider's service shared
        with it stays, and is not the consumer's: what the consumer holds is counted."""
        hosts = limit[-1].split(",") if limit else ["provider", "consumer"]
        if "consumer" in hosts:
            self.check(state, lambda: counts(self.consumer) == {} or pytest.fail(f"left: {counts(self.consumer)}"))
        if "provider" in hosts:
            self.check(state, lambda: check_empty(self.provider))
        if not limit:
            self.check(state, lambda: check_empty(self.consumer))

    def deploy_states(self, stops, *limit, to_the_end=True):
        """Each state in turn, then both of its paths (module docstring):

        1. a deploy stopped there, from the state before it (the first one, and a ``fresh``
           one, from the state the group started in);
        2. the teardown path: a teardown, then every account of the run is empty;
        3. the state put back as it was at the stop (sandbox snapshot), then the re-deploy
           path: the next state's stopped deploy, or, for a state whose next state is fresh,
           a deploy to the end (``converge``). The last state's re-deploy path: a deploy to
           the end and a further one with changed=0, or (``to_the_end=False``) the caller's
           next deploy.
        """
        control.snapshot(self.info, "group")
        for index, stop in enumerate(stops):
            if index and stop.fresh:
                control.restore(self.info, "group")
            if stop.after:
                signum, _result = self.stopped("deploy", stop, *limit)
                how = signum.name
            else:
                failed = self.run("deploy", "-e", json.dumps(stop.extra), *limit)
                how = "failure"
                self.check(stop.name, lambda failed=failed, stop=stop: failed[0] != 0 and stop.message in failed[1]
                           or pytest.fail(f"expected a failure with {stop.message!r}\n" + failed[1][-5000:]))
            self.tried.append((stop.name, how, "both"))
            self.no_duplicates(stop.name)
            self.teardown_path(stop, *limit)
            following = stops[index + 1] if index + 1 < len(stops) else None
            if following is not None and following.fresh:
                self.converge(stop.name, *limit, again=False)
            elif following is None and to_the_end:
                self.converge(stop.name, *limit)

    def teardown_path(self, stop, *limit):
        """From the state just reached: a teardown to the end, every account of the run
        empty; then the state is put back as it was, for what comes next."""
        control.snapshot(self.info, "state")
        torn = self.run("teardown", *limit)
        self.check(stop.name, lambda: ok(torn))
        self.empty(stop.name, *limit)
        control.restore(self.info, "state")

    def converge(self, state, *limit, again=True):
        """A deploy to the end: the whole pattern, exactly one of each resource, then a
        further deploy with changed=0 (``again=False``: the caller proves that instead)."""
        deployed = self.run("deploy", *limit)
        self.check(state, lambda: ok(deployed))

        def whole():
            service_arn, _auth = check_provider(self.provider, org_arn=self.info["organization"]["arn"])
            check_consumer(self.consumer, [service_arn])
            assert counts(self.provider) == PROVIDER_COUNTS, counts(self.provider)
            assert counts(self.consumer) == CONSUMER_COUNTS, counts(self.consumer)
        self.check(state, whole)
        if not again:
            return
        further = self.run("deploy", *limit)
        self.check(state, lambda: ok(further))
        self.check(state, lambda: set(changed(further).values()) == {0} or pytest.fail(
            f"a further deploy changed {changed(further)}\n" + further[1][-8000:]))

    def teardown_states(self, stops):
        """Teardowns of the whole deployment, each stopped at the next point, from what the
        previous one left; from each state, a teardown to the end (every account empty),
        then the state is put back for the next stopped teardown. The last state's
        teardown to the end is the one that stays."""
        for index, stop in enumerate(stops):
            signum, _result = self.stopped("teardown", stop)
            self.tried.append((stop.name, signum.name, "teardown"))
            self.no_duplicates(stop.name)
            if index + 1 < len(stops):
                self.teardown_path(stop)
        torn = self.run("teardown")
        self.check(stops[-1].name, lambda: ok(torn))
        self.empty(stops[-1].name)


def sandbox_for(tmp_path_factory, name, delay):
    """A private sandbox as hard as AWS (testing.AWS_LIKE) whose transitional states last
    ``delay`` seconds: long enough for a stop to find the resources of the waits still
    in progress, short enough for the budget."""
    state_dir = tmp_path_factory.mktemp(name)
    return state_dir, control.start(state_dir, control.free_port(), accounts=("provider", "consumer"),
                                    delay=delay, **testing.AWS_LIKE)


# ---------------------------------------------------------------- the tests

# The sample `make test` runs: the whole matrix does not fit the 20 minutes of `make test`,
# so 15 of its 25 states run in tests/e2e/test_reference_pattern.py, in two tests side by
# side (test_interruption_sample_*), each with both paths as in the whole matrix: 12 deploy
# states, with a stop inside each long operation, and 3 teardown stops.
# - The provider's 7 states, among them the service CREATE_IN_PROGRESS and the share
#   ASSOCIATING.
# - 5 consumer states: 2 of 4 subnets, the Instance Connect endpoint create-in-progress,
#   the VPC association CREATE_IN_PROGRESS, the deploy that fails on its own, and the wait
#   for the pending instances (its deploy asks for the service association before it
#   waits).
# - 3 of the 6 teardown stops, among them the wait for a service association's delete.
# Each deploy state is reached from the one before (none is fresh: neither the endpoint's
# state nor the instances' wait needs to start afresh here, since the state before has not
# made what it waits on). The other 10 are left to the whole matrix: `make test-interruptions`.
SAMPLE_PROVIDER_STOPS = PROVIDER_STOPS
SAMPLE_CONSUMER_STOPS = [replace(stop, fresh=False) for stop in (
    *[CONSUMER_NETWORK_STOPS[i] for i in (1, 3, 4, 6)], CONSUMER_WORKLOAD_STOPS[-1])]
SAMPLE_TEARDOWN_STOPS = [TEARDOWN_STOPS[i] for i in (1, 2, 5)]


# slow(seconds): measured on the shared machine (load average 10 on 2 cores), see the report.
# The whole matrix (marker interruptions): `make test-interruptions`, not `make test`.
@pytest.mark.interruptions
@pytest.mark.sandbox
@pytest.mark.slow(1580)
def test_deploy_and_teardown_stopped_in_the_provider(tmp_path_factory):
    """Every provider state (the consumer's network is built first, deploy.yml), the deploy
    to the end, then the teardowns stopped one after the other from that whole deployment."""
    state_dir, info = sandbox_for(tmp_path_factory, "stop-provider", 2.0)
    try:
        matrix = Matrix(info, "provider + teardown")
        matrix.deploy_states(PROVIDER_STOPS)
        matrix.teardown_states(TEARDOWN_STOPS)
        matrix.figure()
    finally:
        control.stop(state_dir)


@pytest.mark.interruptions
@pytest.mark.sandbox
@pytest.mark.parametrize("group", [pytest.param("network", marks=pytest.mark.slow(1600)),
                                   pytest.param("workload", marks=pytest.mark.slow(1640))])
def test_deploy_stopped_in_the_consumer(tmp_path_factory, group):
    """The consumer states of ``group``, on a deployed provider (``--limit consumer``),
    the last one's re-deploy to the end."""
    state_dir, info = sandbox_for(tmp_path_factory, f"stop-consumer-{group}", 6.0)
    try:
        matrix = Matrix(info, f"consumer {group}")
        ok(matrix.run("deploy", "--limit", "management-account,provider"))
        stops = CONSUMER_NETWORK_STOPS if group == "network" else CONSUMER_WORKLOAD_STOPS
        matrix.deploy_states(stops, "--limit", "consumer")
        matrix.figure()
    finally:
        control.stop(state_dir)
