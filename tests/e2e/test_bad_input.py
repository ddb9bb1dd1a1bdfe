"""Bad input, tried as a new user would: every case is rejected before any mutating call,
with a message that names the option or role variable and says what is allowed, and
never with a Python traceback.

All cases run in ONE ansible-playbook run against the session's sandbox (each task
with ignore_errors, each role include in a block/rescue); the results are written to a
file and checked here case by case, and the call log of the whole run must hold no
mutating call. Prints the figure "bad inputs: N tried, N rejected cleanly".
"""

from __future__ import annotations

import json
import sys

import pytest
from test_pattern import playbook

from sandbox import testing

REGION = "eu-west-1"
COLLECTION = "lattice.multi_account"

# Filled in by the fixture: names and ARNs of resources that exist in the sandbox.
NETWORK = "{network}"
SERVICE_ARN_OTHER = "{provider_service_arn}"
SERVICE_NAME_OTHER = "{provider_service}"
VPC = "{vpc}"
ACCOUNT = "{account}"

BAD_SERVICE_ARN = "arn:aws:vpc-lattice:eu-west-1:123456789012:service/not-an-id"
BAD_LISTENER_ARN = "arn:aws:vpc-lattice:eu-west-1:123456789012:service/svc-0123456789abcdef0/listener/oops"
LAMBDA_ARN = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:some-function"
FORWARD = {"forward": {"target_groups": [{"target_group": "some-targets"}]}}
MATCH = {"http_match": {"path_match": {"match": {"prefix": "/"}}}}
POLICY_STATEMENT = {"Effect": "Allow", "Principal": "*", "Action": "vpc-lattice-svcs:Invoke", "Resource": "*"}
IP_CONFIG = {"port": 80, "protocol": "HTTP", "vpc_identifier": VPC}

# (module, options, what the message must name, a word of what is allowed)
MODULE_CASES = [
    # names that break AWS's rules, per resource type
    ("vpc_lattice_service", {"name": "Bad_Service"}, "name", "pattern"),
    ("vpc_lattice_service", {"name": "ab"}, "name", "3"),
    ("vpc_lattice_service", {"name": "svc-myservice"}, "name", "pattern"),
    ("vpc_lattice_service", {"name": "s" * 41}, "name", "40"),
    ("vpc_lattice_service", {"name": "my--service"}, "name", "pattern"),
    ("vpc_lattice_service_network", {"name": "Network_1"}, "name", "pattern"),
    ("vpc_lattice_service_network", {"name": "-network"}, "name", "pattern"),
    ("vpc_lattice_target_group", {"name": "tg-targets", "type": "LAMBDA"}, "name", "pattern"),
    ("vpc_lattice_listener", {"service": "some-service", "name": "listener-1", "protocol": "HTTP", "port": 80,
                              "default_action": FORWARD}, "name", "pattern"),
    ("ram_resource_share", {"name": "   "}, "name", "empty"),
    # unknown choices
    ("vpc_lattice_service", {"name": "my-service", "auth_type": "KERBEROS"}, "auth_type", "AWS_IAM"),
    ("vpc_lattice_service_network", {"name": "my-network", "auth_type": "IAM"}, "auth_type", "AWS_IAM"),
    ("vpc_lattice_target_group", {"name": "my-targets", "type": "LAMBDA2"}, "type", "LAMBDA"),
    ("vpc_lattice_target_group", {"name": "my-targets", "type": "IP", "config": dict(IP_CONFIG, protocol="FTP")},
     "protocol", "HTTPS"),
    ("vpc_lattice_listener", {"service": "some-service", "name": "my-listener", "protocol": "SMTP", "port": 25,
                              "default_action": FORWARD}, "protocol", "HTTPS"),
    # tags (AWS tag limits)
    ("vpc_lattice_service", {"name": "my-service", "tags": {"owner": "x" * 257}}, "tags", "256"),
    ("vpc_lattice_service", {"name": "my-service", "tags": {"k" * 129: "v"}}, "tags", "128"),
    ("vpc_lattice_service_network", {"name": "my-network", "tags": {"aws:owner": "me"}}, "tags", "reserved"),
    ("ram_resource_share", {"name": "my-share", "tags": {"note": "n" * 300}}, "tags", "256"),
    # ports, weights, priorities out of range
    ("vpc_lattice_listener", {"service": "some-service", "name": "my-listener", "protocol": "HTTP", "port": 0,
                              "default_action": FORWARD}, "port", "minimum 1"),
    ("vpc_lattice_listener", {"service": "some-service", "name": "my-listener", "protocol": "HTTP", "port": 65536,
                              "default_action": FORWARD}, "port", "maximum 65535"),
    ("vpc_lattice_listener", {"service": "some-service", "name": "my-listener", "protocol": "HTTP", "port": 80,
                              "default_action": {"forward": {"target_groups": [
                                  {"target_group": "some-targets", "weight": 1000}]}}}, "weight", "maximum 999"),
    ("vpc_lattice_listener", {"service": "some-service", "name": "my-listener", "protocol": "HTTP", "port": 80,
                              "default_action": {"fixed_response": {"status_code": 403}}}, "status_code", "404"),
    ("vpc_lattice_listener_rule", {"service": "some-service", "listener": "some-listener", "name": "my-rule",
                                   "priority": 0, "match": MATCH, "action": FORWARD}, "priority", "minimum 1"),
    ("vpc_lattice_listener_rule", {"service": "some-service", "listener": "some-listener", "name": "my-rule",
                                   "priority": 2001, "match": MATCH, "action": FORWARD}, "priority", "maximum 2000"),
    ("vpc_lattice_target_group", {"name": "my-targets", "type": "IP", "config": dict(IP_CONFIG, port=70000)},
     "port", "maximum 65535"),
    ("vpc_lattice_target_group", {"name": "my-targets", "type": "IP", "config": IP_CONFIG,
                                  "targets": [{"id": "10.77.1.3", "port": 0}]}, "port", "minimum 1"),
    ("vpc_lattice_service", {"name": "my-service", "wait_timeout": 0}, "wait_timeout", "positive"),
    ("vpc_lattice_service", {"name": "my-service", "idle_timeout_seconds": 601}, "idle_timeout_seconds",
     "maximum 600"),
    # private DNS options that AWS takes only together
    ("vpc_lattice_service_network_vpc_association",
     {"service_network": "some-network", "vpc_id": VPC, "dns_options": {"private_dns_preference": "ALL_DOMAINS"}},
     "dns_options", "private_dns_enabled=true"),
    # targets that are not what the group type registers
    ("vpc_lattice_target_group", {"name": "my-targets", "type": "LAMBDA", "targets": [{"id": "my-function"}]},
     "targets[0].id", "ARN of a Lambda function"),
    ("vpc_lattice_target_group", {"name": "my-targets", "type": "IP", "config": IP_CONFIG,
                                  "targets": [{"id": "10.77.1.300"}]}, "targets[0].id", "IPv4 or IPv6"),
    ("vpc_lattice_target_group", {"name": "my-targets", "type": "INSTANCE", "config": IP_CONFIG,
                                  "targets": [{"id": "my-instance"}]}, "targets[0].id", "instance ID"),
    ("vpc_lattice_target_group", {"name": "my-targets", "type": "LAMBDA", "config": {"port": 80}},
     "config.port", "LAMBDA"),
    ("vpc_lattice_target_group", {"name": "my-targets", "type": "LAMBDA", "targets": [{"id": LAMBDA_ARN, "port": 80}]},
     "targets[0].port", "no port"),
    # malformed ARNs, named by their option
    ("vpc_lattice_listener", {"service": BAD_SERVICE_ARN, "name": "my-listener", "protocol": "HTTP", "port": 80,
                              "default_action": FORWARD}, "service", "ARN"),
    ("vpc_lattice_listener_rule", {"service": "some-service", "listener": BAD_LISTENER_ARN, "name": "my-rule",
                                   "priority": 10, "match": MATCH, "action": FORWARD}, "listener", "ARN"),
    ("vpc_lattice_auth_policy", {"service": BAD_SERVICE_ARN, "policy": {"Statement": [POLICY_STATEMENT]}},
     "service", "ARN"),
    ("vpc_lattice_access_log_subscription", {"service_network": "arn:aws:vpc-lattice:eu-west-1:1:servicenetwork/x",
                                             "destination_arn": f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:g"},
     "service_network", "ARN"),
    ("vpc_lattice_service_network_service_association", {"service_network": NETWORK, "service": BAD_SERVICE_ARN},
     "service", "ARN"),
    ("vpc_lattice_service", {"name": "my-service", "certificate_arn": "arn:aws:acm:certificate"},
     "certificate_arn", "pattern"),
    ("ram_resource_share", {"name": "my-share", "resource_arns": ["not-an-arn"]}, "resource_arns[0]", "resource ARN"),
    ("ram_resource_share", {"name": "my-share", "permission_arns": ["arn:aws:iam::aws:policy/x"]},
     "permission_arns[0]", "RAM permission ARN"),
    # a service of another account given by name where an ARN is required
    ("vpc_lattice_service_network_service_association", {"service_network": NETWORK, "service": SERVICE_NAME_OTHER},
     "service", "ARN"),
    # auth policies that are not JSON, or not a policy
    ("vpc_lattice_auth_policy", {"service_network": NETWORK, "policy": "{not json"}, "policy", "JSON"),
    ("vpc_lattice_auth_policy", {"service_network": NETWORK, "policy": {"Allow": "everyone"}}, "policy", "Statement"),
    ("vpc_lattice_auth_policy", {"service_network": NETWORK, "policy": {"Statement": "allow all"}}, "policy",
     "statement object"),
    ("vpc_lattice_auth_policy", {"service_network": NETWORK,
                                 "policy": {"Statement": [dict(POLICY_STATEMENT, Effect="Maybe")]}}, "policy", "Allow"),
    ("vpc_lattice_auth_policy", {"service_network": NETWORK,
                                 "policy": {"Version": "2024-01-01", "Statement": [POLICY_STATEMENT]}}, "policy",
     "2012-10-17"),
    # unsupported destinations and resource types
    ("vpc_lattice_access_log_subscription", {"service_network": NETWORK,
                                             "destination_arn": f"arn:aws:sqs:{REGION}:{ACCOUNT}:my-queue"},
     "destination_arn", "CloudWatch Logs"),
    ("ram_resource_share", {"name": "my-share", "resource_arns": [f"arn:aws:iam::{ACCOUNT}:role/my-role"]},
     "resource_arns[0]", "cannot share"),
    ("ram_resource_share", {"name": "my-share", "resource_arns": [f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:f"]},
     "resource_arns[0]", "cannot share"),
    # share principals that are neither an account, the organization nor an OU
    ("ram_resource_share", {"name": "my-share", "principals": ["everyone"]}, "principals[0]", "account ID"),
    ("ram_resource_share", {"name": "my-share", "principals": ["12345"]}, "principals[0]", "account ID"),
    ("ram_resource_share", {"name": "my-share", "principals": ["ou-abcd-12345678"]}, "principals[0]", "OU ARN"),
    # VPC associations: bad IDs, too many security groups
    ("vpc_lattice_service_network_vpc_association", {"service_network": NETWORK, "vpc_id": "vpc-NOPE!"},
     "vpc_id", "pattern"),
    ("vpc_lattice_service_network_vpc_association", {
        "service_network": NETWORK, "vpc_id": VPC,
        "security_group_ids": [f"sg-0000000{i}" for i in range(6)]}, "security_group_ids", "at most 5"),
    ("vpc_lattice_service_network_vpc_association", {
        "service_network": NETWORK, "vpc_id": VPC, "security_group_ids": ["my-group"]},
     "security_group_ids[0]", "pattern"),
    # wrong types
    ("vpc_lattice_listener", {"service": "some-service", "name": "my-listener", "protocol": "HTTP", "port": "eighty",
                              "default_action": FORWARD}, "port", "int"),
    # (a string where a list of dicts is expected is not here: ansible-core's message for it names no option)
    ("vpc_lattice_target_group", {"name": "my-targets", "type": "LAMBDA", "purge_targets": "sometimes"},
     "purge_targets", "bool"),
    ("ram_resource_share", {"name": "my-share", "allow_external_principals": "perhaps"},
     "allow_external_principals", "bool"),
    # options that exclude each other
    ("vpc_lattice_auth_policy", {"service": "some-service", "service_network": NETWORK,
                                 "policy": {"Statement": [POLICY_STATEMENT]}}, "service_network", "mutually exclusive"),
    ("vpc_lattice_listener", {"service": "some-service", "name": "my-listener", "protocol": "HTTP", "port": 80,
                              "default_action": dict(FORWARD, fixed_response={"status_code": 404})},
     "fixed_response", "mutually exclusive"),
    # missing required options
    ("vpc_lattice_service", {"auth_type": "NONE"}, "name", "required"),
    ("vpc_lattice_target_group", {"name": "my-targets"}, "type", "state is present"),
    ("vpc_lattice_listener", {"service": "some-service", "name": "my-listener", "protocol": "HTTP", "port": 80},
     "default_action", "state is present"),
    ("vpc_lattice_target_group", {"name": "my-targets", "type": "IP", "config": {"port": 80, "protocol": "HTTP"}},
     "config.vpc_identifier", "required"),
    ("vpc_lattice_access_log_subscription", {"destination_arn": f"arn:aws:s3:::{ACCOUNT}-logs"},
     "service_network", "one of"),
]

PROVIDER_SERVICE = {"name": "good-service"}
SUBNET = {"name": "s", "cidr": "10.0.0.0/24", "az": "a", "role": "workload", "route_table": "r"}
# (role, variables, what the message must name, a word of what is allowed)
ROLE_CASES = [
    ("aws_account", {"aws_max_attempts": 0}, "aws_max_attempts", "at least 1"),
    ("provider", {"provider_services": [{"name": "Bad_Service"}]}, "provider_services[0]", "lowercase"),
    ("provider", {"provider_services": [{"name": "s" * 41}]}, "provider_services[0]", "3-40"),
    ("provider", {"provider_services": [dict(PROVIDER_SERVICE, listener_port=70000)]}, "provider_services[0]",
     "1-65535"),
    ("provider", {"provider_services": [dict(PROVIDER_SERVICE, function_name="my function")]},
     "provider_services[0]", "function_name"),
    ("provider", {"provider_services": [PROVIDER_SERVICE, PROVIDER_SERVICE]}, "provider_services", "same name"),
    ("provider", {"provider_services": "good-service"}, "provider_services", "dict"),
    ("provider", {"provider_services": [{"function_name": "f"}]}, "provider_services", "name"),
    ("provider", {"provider_services": [dict(PROVIDER_SERVICE, custom_domain_name="not a domain")]},
     "provider_services[0]", "custom_domain_name"),
    ("provider", {"provider_services": [dict(PROVIDER_SERVICE, custom_domain_name="api.example.com")]},
     "provider_services[0]", "certificate_arn"),
    ("provider", {"provider_services": [dict(PROVIDER_SERVICE, idle_timeout_seconds=30)]},
     "provider_services[0]", "60-600"),
    ("provider", {"provider_share_principals": ["everyone"]}, "provider_share_principals[0]", "account ID"),
    ("provider", {"provider_tags": {"owner": "x" * 300}}, "provider_tags", "256"),
    ("provider", {"provider_consumer_account_ids": ["12345"]}, "provider_consumer_account_ids", "12 digits"),
    ("provider", {"provider_state": "maybe"}, "provider_state", "present"),
    ("provider", {"provider_state": "absent", "provider_wait_delay": 0}, "provider_wait_delay", "1 or more"),
    ("consumer", {"consumer_vpc_cidr": "10.0.0.0/33"}, "consumer_vpc_cidr", "/16 to /28"),
    ("consumer", {"consumer_vpc_cidr": "banana"}, "consumer_vpc_cidr", "CIDR"),
    ("consumer", {"consumer_vpc_cidr": "10.0.0.0/8"}, "consumer_vpc_cidr", "/16 to /28"),
    ("consumer", {"consumer_subnets": [dict(SUBNET, cidr="192.168.0.0/24")]}, "consumer_subnets[0]",
     "inside consumer_vpc_cidr"),
    ("consumer", {"consumer_subnets": [dict(SUBNET, az="eu-west-1a")]}, "consumer_subnets[0]", "one letter"),
    ("consumer", {"consumer_subnets": "10.0.0.0/24"}, "consumer_subnets", "dict"),
    ("consumer", {"consumer_service_arns": ["my-service"]}, "consumer_service_arns", "service ARNs"),
    ("consumer", {"consumer_service_network_name": "Bad_Network"}, "consumer_service_network_name", "lowercase"),
    ("consumer", {"consumer_expected_providers": ["provider"]}, "consumer_expected_providers", "12 digits"),
    ("consumer", {"consumer_tags": {"aws:team": "x"}}, "consumer_tags", "aws:"),
]


def _fill(value, names):
    if isinstance(value, str):
        return value.format(**names) if "{" in value and "}" in value and not value.startswith("{not") else value
    if isinstance(value, list):
        return [_fill(v, names) for v in value]
    if isinstance(value, dict):
        return {_fill(k, names): _fill(v, names) for k, v in value.items()}
    return value


def _playbook(names, results_file):
    tasks = []
    for index, (module, options, _param, _allowed) in enumerate(MODULE_CASES):
        tasks.append({
            "name": f"case {index}: {module}",
            f"{COLLECTION}.{module}": _fill(options, names),
            "register": f"case_{index}",
            "ignore_errors": True,
        })
    for index, (role, variables, _param, _allowed) in enumerate(ROLE_CASES):
        tasks.append({
            "name": f"role case {index}: {role}",
            "block": [{
                "name": f"role case {index}: {role} role",
                "ansible.builtin.include_role": {"name": f"{COLLECTION}.{role}"},
                "vars": dict(variables, aws_profile=role),
            }],
            "rescue": [{
                "name": f"role case {index}: record the failure",
                "ansible.builtin.set_fact": {f"role_case_{index}": "{{ ansible_failed_result }}"},
            }],
        })
    collected = {f"case_{i}": f"{{{{ case_{i} }}}}" for i in range(len(MODULE_CASES))}
    collected.update({
        f"role_case_{i}": f"{{{{ role_case_{i} | default({{'failed': false, 'msg': 'not rejected'}}) }}}}"
        for i in range(len(ROLE_CASES))
    })
    tasks.append({
        "name": "Write the results",
        "ansible.builtin.copy": {"content": "{{ collected | to_json }}", "dest": str(results_file), "mode": "0600"},
        "vars": {"collected": collected},
    })
    return [{
        "name": "Bad inputs",
        "hosts": "localhost",
        "gather_facts": False,
        "vars": {"aws_region": REGION, "lattice_sandbox": True, "ansible_python_interpreter": sys.executable},
        "module_defaults": {f"group/{COLLECTION}.aws": {"profile": "consumer", "region": REGION}},
        "tasks": tasks,
    }]


def _messages(result):
    """Every message of a failed task (a loop's items each have their own)."""
    messages = [str(result.get("msg", ""))]
    messages += [str(item.get("msg", "")) for item in result.get("results", []) if isinstance(item, dict)]
    return " ".join(" ".join(messages).split())


@pytest.fixture(scope="module")
def existing(sandbox, aws_client):
    """A service network and a VPC of the consumer, a service of the provider (another account)."""
    network = aws_client("consumer", "vpc-lattice").create_service_network(name=testing.unique("badinput"))
    service = aws_client("provider", "vpc-lattice").create_service(name=testing.unique("badinput"))
    vpc = aws_client("consumer", "ec2").create_vpc(CidrBlock="10.99.0.0/16")["Vpc"]["VpcId"]
    yield {
        "network": network["name"], "provider_service": service["name"], "provider_service_arn": service["arn"],
        "vpc": vpc, "account": sandbox["accounts"]["consumer"]["id"],
    }
    aws_client("consumer", "vpc-lattice").delete_service_network(serviceNetworkIdentifier=network["id"])
    aws_client("provider", "vpc-lattice").delete_service(serviceIdentifier=service["id"])
    aws_client("consumer", "ec2").delete_vpc(VpcId=vpc)


@pytest.mark.sandbox
def test_bad_inputs_are_rejected_cleanly_before_any_change(sandbox, existing, calls, tmp_path):
    cases = [(f"case_{i}", c) for i, c in enumerate(MODULE_CASES)]
    cases += [(f"role_case_{i}", c) for i, c in enumerate(ROLE_CASES)]
    assert len(cases) >= 40

    playbook_file = tmp_path / "bad_inputs.yml"
    playbook_file.write_text(json.dumps(_playbook(existing, tmp_path / "results.json"), indent=1))
    inventory = tmp_path / "hosts.yml"
    inventory.write_text(json.dumps({"all": {"hosts": {"localhost": {"ansible_connection": "local"}}}}))

    mark = calls.mark()
    returncode, output, _recap = playbook(sandbox, playbook_file, inventory)
    assert returncode == 0, output[-10000:]
    mutating = [(c["service"], c["operation"]) for c in calls.mutating(since=mark)]
    results = json.loads((tmp_path / "results.json").read_text())

    problems = []
    for key, (target, options, param, allowed) in cases:
        result = results[key]
        text = _messages(result)
        why = []
        if not result.get("failed"):
            why.append("not rejected")
        if "Traceback" in json.dumps(result) or "MODULE FAILURE" in text:
            why.append("a Python traceback")
        if param not in text:
            why.append(f"the message does not name {param}")
        if allowed.lower() not in text.lower():
            why.append(f"the message does not say what is allowed ({allowed!r})")
        if why:
            problems.append(f"{key} {target} {json.dumps(options)[:120]}: {', '.join(why)}; message: {text[:400]}")

    print(f"\nbad inputs: {len(cases)} tried, {len(cases) - len(problems)} rejected cleanly")
    assert (mutating, problems) == ([], []), f"mutating calls: {mutating}\n" + "\n".join(problems)
