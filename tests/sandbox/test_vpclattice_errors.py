"""VPC Lattice errors answer with AWS's HTTP status, whichever code path (moto's or the extension's) raises them.

AWS: ValidationException 400, AccessDeniedException 403, ResourceNotFoundException 404,
ConflictException 409, ServiceQuotaExceededException 402. Retries and waiters look at the status.
"""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError

from sandbox.testing import error_code, http_status, unique

pytestmark = pytest.mark.sandbox

MISSING_SERVICE = "svc-0123456789abcdef0"
STATUS = {
    "ValidationException": 400,
    "AccessDeniedException": 403,
    "ResourceNotFoundException": 404,
    "ConflictException": 409,
    "ServiceQuotaExceededException": 402,
}


def expect(code, call, *args, **kwargs):
    with pytest.raises(ClientError) as info:
        call(*args, **kwargs)
    assert (error_code(info), http_status(info)) == (code, STATUS[code]), info.value
    return info


def missing_arn(sandbox, kind, resource_id):
    account = sandbox["accounts"]["provider"]["id"]
    return f"arn:aws:vpc-lattice:{sandbox['region']}:{account}:{kind}/{resource_id}"


def test_not_found_is_404_on_moto_and_extension_paths(provider, sandbox):
    service_arn = missing_arn(sandbox, "service", MISSING_SERVICE)
    # Operations whose handler and backend are moto's own.
    expect("ResourceNotFoundException", provider.get_access_log_subscription,
           accessLogSubscriptionIdentifier="als-0123456789abcdef0")
    expect("ResourceNotFoundException", provider.delete_access_log_subscription,
           accessLogSubscriptionIdentifier="als-0123456789abcdef0")
    expect("ResourceNotFoundException", provider.update_access_log_subscription,
           accessLogSubscriptionIdentifier="als-0123456789abcdef0",
           destinationArn="arn:aws:logs:eu-west-1:111122223333:log-group:lattice")
    expect("ResourceNotFoundException", provider.get_service_network_resource_association,
           serviceNetworkResourceAssociationIdentifier="snra-0123456789abcdef0")
    # Resource policies of resources that do not exist (moto stored one for any ARN).
    expect("ResourceNotFoundException", provider.put_resource_policy, resourceArn=service_arn, policy="{}")
    expect("ResourceNotFoundException", provider.get_resource_policy, resourceArn=service_arn)
    expect("ResourceNotFoundException", provider.delete_resource_policy, resourceArn=service_arn)
    # Extension paths.
    expect("ResourceNotFoundException", provider.get_service, serviceIdentifier=MISSING_SERVICE)
    expect("ResourceNotFoundException", provider.list_tags_for_resource, resourceArn=service_arn)
    expect("ResourceNotFoundException", provider.batch_update_rule, serviceIdentifier=MISSING_SERVICE,
           listenerIdentifier="listener-0123456789abcdef0",
           rules=[{"ruleIdentifier": "rule-0123456789abcdef0", "priority": 2}])


def test_resource_policy_of_an_existing_service(provider, service):
    policy = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "vpc-lattice:CreateServiceNetworkServiceAssociation",
         "Resource": service["arn"]}]})
    provider.put_resource_policy(resourceArn=service["arn"], policy=policy)
    assert json.loads(provider.get_resource_policy(resourceArn=service["arn"])["policy"]) == json.loads(policy)
    provider.delete_resource_policy(resourceArn=service["arn"])
    expect("ResourceNotFoundException", provider.get_resource_policy, resourceArn=service["arn"])


def test_validation_conflict_quota_and_access_statuses(provider, consumer, service):
    expect("ValidationException", provider.create_access_log_subscription,
           resourceIdentifier="tg-0123456789abcdef0",
           destinationArn="arn:aws:logs:eu-west-1:111122223333:log-group:lattice")
    expect("ValidationException", provider.create_target_group, name=unique("tg"), type="LAMBDA",
           config={"port": 80})
    expect("ConflictException", provider.create_service, name=service["name"])
    fixed = {"fixedResponse": {"statusCode": 404}}
    for port in (443, 8443):
        provider.create_listener(serviceIdentifier=service["id"], name=unique("l"), protocol="HTTPS", port=port,
                                 defaultAction=fixed)
    expect("ServiceQuotaExceededException", provider.create_listener, serviceIdentifier=service["id"],
           name=unique("l"), protocol="HTTPS", port=9443, defaultAction=fixed)
    # A service of another account, not shared with the caller.
    expect("AccessDeniedException", consumer.get_service, serviceIdentifier=service["arn"])


def test_batch_update_rule_reports_each_rule(provider, service):
    listener = provider.create_listener(
        serviceIdentifier=service["id"], name=unique("l"), protocol="HTTPS", port=443,
        defaultAction={"fixedResponse": {"statusCode": 404}},
    )
    path = {"serviceIdentifier": service["id"], "listenerIdentifier": listener["id"]}
    rules = [
        provider.create_rule(**path, name=unique("r"), priority=priority,
                             match={"httpMatch": {"pathMatch": {"match": {"prefix": f"/{priority}"}}}},
                             action={"fixedResponse": {"statusCode": 404}})
        for priority in (1, 2)
    ]
    result = provider.batch_update_rule(**path, rules=[
        {"ruleIdentifier": rules[0]["id"], "priority": 10},
        {"ruleIdentifier": rules[1]["id"], "priority": 10},  # taken by the first by now
        {"ruleIdentifier": "rule-0123456789abcdef0", "priority": 20},
    ])
    assert [(r["id"], r["priority"]) for r in result["successful"]] == [(rules[0]["id"], 10)]
    assert [(r["ruleIdentifier"], r["failureCode"]) for r in result["unsuccessful"]] == [
        (rules[1]["id"], "ConflictException"), ("rule-0123456789abcdef0", "ResourceNotFoundException"),
    ]
    assert provider.get_rule(**path, ruleIdentifier=rules[1]["id"])["priority"] == 2
