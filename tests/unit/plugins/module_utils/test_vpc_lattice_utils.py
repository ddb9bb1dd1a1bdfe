"""plugins/module_utils/_vpc_lattice: validation, errors, API wrappers, transforms."""

from types import SimpleNamespace

import botocore.session
import pytest
from botocore.stub import ANY
from botocore.stub import Stubber

from ansible_collections.amazon.aws.plugins.module_utils.retries import RetryingBotoClientWrapper

from ansible_collections.lattice.multi_account.plugins.module_utils._core.errors import InvalidParameter
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.client import AnsibleLatticeError
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.lattice_resource import id_of
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.lattice_resource import is_subset
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.lattice_resource import to_ansible
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.service import ServiceManager
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.service_network import (
    ServiceNetworkManager,
)
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.target_group import TargetGroupManager
from ansible_collections.lattice.multi_account.plugins.module_utils._vpc_lattice.validation import validate_request

MODEL = botocore.session.get_session().get_service_model("vpc-lattice")
SN_ID = "sn-0123456789abcdef0"


def invalid(operation, request, names=None):
    with pytest.raises(InvalidParameter) as exc:
        validate_request(MODEL, operation, request, names)
    return str(exc.value)


class TestValidation:
    def test_valid_requests_pass(self):
        validate_request(MODEL, "CreateService", {"name": "service-lattice", "authType": "NONE"})
        validate_request(
            MODEL,
            "CreateTargetGroup",
            {"name": "target-lambda", "type": "LAMBDA", "config": {"lambdaEventStructureVersion": "V2"}},
        )

    @pytest.mark.parametrize(
        "name, problem",
        [
            ("ab", "shorter than 3"),
            ("a" * 41, "longer than 40"),
            ("svc-reserved", "pattern"),
            ("Upper", "pattern"),
            ("double--hyphen", "pattern"),
            ("-leading", "pattern"),
            ("trailing-", "pattern"),
        ],
    )
    def test_service_names_follow_the_model(self, name, problem):
        message = invalid("CreateService", {"name": name})
        assert message.startswith("Invalid value for parameter 'name'")
        assert problem in message

    def test_nested_option_is_named_in_snake_case(self):
        message = invalid("CreateTargetGroup", {"name": "web", "type": "IP", "config": {"port": 0}})
        assert "'config.port'" in message and "minimum 1" in message
        message = invalid(
            "CreateTargetGroup",
            {"name": "web", "type": "IP", "config": {"healthCheck": {"healthCheckIntervalSeconds": 301}}},
        )
        assert "'config.health_check.health_check_interval_seconds'" in message

    def test_enum(self):
        assert "not one of NONE, AWS_IAM" in invalid("CreateServiceNetwork", {"name": "net", "authType": "OPEN"})

    def test_list_items_are_indexed_and_references_renamed(self):
        request = {"defaultAction": {"forward": {"targetGroups": [{"targetGroupIdentifier": "web", "weight": 1000}]}}}
        message = invalid(
            "CreateListener", dict(request, name="web", protocol="HTTP"), {"targetGroupIdentifier": "target_group"}
        )
        assert "'default_action.forward.target_groups[0].weight'" in message and "maximum 999" in message

    def test_references_accept_names_ids_and_arns(self):
        for reference in (
            "target-lambda",
            "tg-0123456789abcdef0",
            "arn:aws:vpc-lattice:eu-west-1:123456789012:targetgroup/tg-0123456789abcdef0",
        ):
            action = {"forward": {"targetGroups": [{"targetGroupIdentifier": reference, "weight": 1}]}}
            validate_request(MODEL, "CreateListener", {"name": "web", "protocol": "HTTP", "defaultAction": action})

    def test_reference_that_is_nothing_valid(self):
        action = {"forward": {"targetGroups": [{"targetGroupIdentifier": "Not A Name"}]}}
        message = invalid(
            "CreateListener",
            {"name": "web", "protocol": "HTTP", "defaultAction": action},
            {"targetGroupIdentifier": "target_group"},
        )
        assert "neither a name nor an ID or ARN" in message

    def test_list_length(self):
        groups = [f"sg-0000000{i}" for i in range(6)]
        assert "at most 5 items" in invalid(
            "CreateServiceNetworkVpcAssociation",
            {"serviceNetworkIdentifier": "net", "vpcIdentifier": "vpc-01234567", "securityGroupIds": groups},
        )

    def test_vpc_id_pattern_still_applies(self):
        assert "'vpc_id'" in invalid(
            "CreateServiceNetworkVpcAssociation",
            {"serviceNetworkIdentifier": "net", "vpcIdentifier": "my-vpc"},
            {"vpcIdentifier": "vpc_id"},
        )


class TestAdvice:
    def test_conflict_on_delete_says_what_depends(self, lattice):
        make, stubber = lattice
        stubber.add_client_error("delete_service_network", "ConflictException", "has associations", 409)
        with pytest.raises(AnsibleLatticeError) as exc:
            make(ServiceNetworkManager).delete({"id": "sn-1"})
        message = exc.value.message
        assert "sn-1 is still in use" in message
        assert "vpc_lattice_service_network_vpc_association" in message

    def test_conflict_on_delete_of_target_group(self, lattice):
        make, stubber = lattice
        stubber.add_client_error("delete_target_group", "ConflictException", "in use", 409)
        with pytest.raises(AnsibleLatticeError) as exc:
            make(TargetGroupManager).delete({"id": "tg-0123456789abcdef0"})
        assert "listener or listener rule still forwards to it" in exc.value.message

    def test_access_denied_points_at_ram(self, lattice):
        make, stubber = lattice
        stubber.add_client_error("get_service", "AccessDeniedException", http_status_code=403)
        with pytest.raises(AnsibleLatticeError) as exc:
            make(ServiceManager).get_raw("svc-0123456789abcdef0")
        assert "AWS RAM" in exc.value.message

    def test_unknown_code(self, lattice):
        make, stubber = lattice
        stubber.add_client_error("get_service", "UnknownOperationException", http_status_code=400)
        with pytest.raises(AnsibleLatticeError) as exc:
            make(ServiceManager).get_raw("svc-0123456789abcdef0")
        assert exc.value.message == "Failed to get service svc-0123456789abcdef0"


class TestTransforms:
    def test_to_ansible_fixes_the_vpcs_acronym_and_sets_tags(self):
        result = to_ansible(
            {"numberOfAssociatedVPCs": 1, "dnsEntry": {"domainName": "d", "hostedZoneId": "z"}}, {"A": "b"}
        )
        assert result == {
            "number_of_associated_vpcs": 1,
            "dns_entry": {"domain_name": "d", "hosted_zone_id": "z"},
            "tags": {"A": "b"},
        }

    def test_is_subset(self):
        assert is_subset(
            {"port": 80, "health_check": {"path": "/"}},
            {"port": 80, "protocol": "HTTP", "health_check": {"path": "/", "enabled": True}},
        )
        assert not is_subset({"port": 81}, {"port": 80})
        assert is_subset(["sg-2", "sg-1"], ["sg-1", "sg-2"])
        assert not is_subset([{"weight": 1}], [{"weight": 1}, {"weight": 2}])
        assert is_subset("arn:aws:vpc-lattice:eu-west-1:1:targetgroup/tg-1", "tg-1")

    def test_identifiers(self):
        assert ServiceManager.is_identifier("svc-0123456789abcdef0")
        assert ServiceManager.is_identifier("arn:aws:vpc-lattice:eu-west-1:123456789012:service/svc-0123456789abcdef0")
        assert not ServiceManager.is_identifier("svc-short")
        assert not ServiceManager.is_identifier("service-lattice")
        assert id_of("arn:aws:vpc-lattice:eu-west-1:1:service/svc-1/listener/listener-2") == "listener-2"


class CallerIdentity:
    calls = 0

    def get_caller_identity(self, aws_retry=False):
        CallerIdentity.calls += 1
        return {"Account": "123456789012"}


@pytest.fixture
def lattice():
    """``make(ManagerClass, **params)`` builds a manager on a Stubber-backed vpc-lattice client."""
    client = botocore.session.get_session().create_client(
        "vpc-lattice", region_name="eu-west-1", aws_access_key_id="a", aws_secret_access_key="b"
    )

    agents = {}

    def make_client(service, retry_decorator, config=None):
        # AnsibleAWSModule.client merges ``config`` into amazon.aws's own (its user agent).
        agents[service] = config.user_agent_extra
        return CallerIdentity() if service == "sts" else RetryingBotoClientWrapper(client, retry_decorator)

    def make(manager_class, **params):
        module = SimpleNamespace(client=make_client, params=dict(dict(wait=True, wait_timeout=60), **params),
                                 check_mode=False, warn=lambda message: None,
                                 _name="lattice.multi_account.vpc_lattice_service_network", agents=agents)
        return manager_class(module)

    with Stubber(client) as stubber:
        yield make, stubber
        stubber.assert_no_pending_responses()


def network(n, name, account="123456789012"):
    return {
        "id": f"sn-{n:017x}",
        "arn": f"arn:aws:vpc-lattice:eu-west-1:{account}:servicenetwork/sn-{n:017x}",
        "name": name,
    }


class TestApi:
    def test_requests_name_the_collection_and_the_module(self, lattice):
        # CloudTrail's userAgent (and `make bench`'s per-module read counts) tell this
        # collection's calls from amazon.aws's by it.
        make, stubber = lattice
        stubber.add_response("list_service_networks", {"items": [network(1, "wanted")]}, {})
        manager = make(ServiceNetworkManager)
        manager.find_id(ServiceNetworkManager, "wanted")
        assert manager.module.agents == {"vpc-lattice": "lattice.multi_account/vpc_lattice_service_network",
                                         "sts": "lattice.multi_account/vpc_lattice_service_network"}

    def test_find_by_name_reads_every_page(self, lattice):
        make, stubber = lattice
        stubber.add_response("list_service_networks", {"items": [network(1, "other")], "nextToken": "t"}, {})
        stubber.add_response("list_service_networks", {"items": [network(2, "wanted")]}, {"nextToken": "t"})
        manager = make(ServiceNetworkManager)
        assert manager.find_id(ServiceNetworkManager, "wanted") == network(2, "wanted")["id"]

    def test_find_by_name_ignores_what_other_accounts_share(self, lattice):
        make, stubber = lattice
        shared = network(5, "wanted", account="999999999999")
        stubber.add_response("list_service_networks", {"items": [shared, network(6, "wanted")]}, {})
        assert make(ServiceNetworkManager).find_id(ServiceNetworkManager, "wanted") == network(6, "wanted")["id"]

    def test_one_of_that_name_with_readable_tags_is_the_callers_without_sts(self, lattice):
        """VPC Lattice refuses the tags of another account's resource: readable tags tell the
        caller's own; describing it then uses them (Stubber fails on a second tags call)."""
        make, stubber = lattice
        own = dict(network(7, "wanted"), authType="NONE")
        stubber.add_response("list_service_networks", {"items": [network(7, "wanted")]}, {})
        stubber.add_response("get_service_network", own, {"serviceNetworkIdentifier": own["id"]})
        stubber.add_response("list_tags_for_resource", {"tags": {"team": "a"}}, {"resourceArn": own["arn"]})
        manager = make(ServiceNetworkManager, name="wanted")
        before = CallerIdentity.calls
        assert manager.get()["tags"] == {"team": "a"}
        assert CallerIdentity.calls == before

    def test_one_of_that_name_with_refused_tags_is_told_by_its_account(self, lattice):
        make, stubber = lattice
        shared = dict(network(8, "wanted", account="999999999999"), authType="NONE")
        stubber.add_response("list_service_networks", {"items": [network(8, "wanted", account="999999999999")]}, {})
        stubber.add_response("get_service_network", shared, {"serviceNetworkIdentifier": shared["id"]})
        stubber.add_client_error("list_tags_for_resource", "AccessDeniedException", http_status_code=403,
                                 expected_params={"resourceArn": shared["arn"]})
        manager = make(ServiceNetworkManager, name="wanted")
        before = CallerIdentity.calls
        assert manager.get() is None
        assert CallerIdentity.calls == before + 1

    def test_find_by_arn_gets_directly(self, lattice):
        make, stubber = lattice
        arn = network(3, "xxx")["arn"]
        stubber.add_response("get_service_network", network(3, "xxx"), {"serviceNetworkIdentifier": arn})
        manager = make(ServiceNetworkManager)
        assert manager.reference(ServiceNetworkManager, "service_network", arn) == arn
        assert manager.get_raw(arn)["name"] == "xxx"

    def test_missing_is_none(self, lattice):
        make, stubber = lattice
        stubber.add_client_error("get_service_network", "ResourceNotFoundException", http_status_code=404)
        assert make(ServiceNetworkManager).get_raw(SN_ID) is None

    def test_create_sends_a_client_token(self, lattice):
        make, stubber = lattice
        expected = {"name": "net", "clientToken": ANY}
        stubber.add_response("create_service_network", network(4, "net"), expected)
        stubber.add_response("get_service_network", network(4, "net"), {"serviceNetworkIdentifier": network(4, "net")["id"]})
        stubber.add_response("list_tags_for_resource", {"tags": {}}, {"resourceArn": network(4, "net")["arn"]})
        assert make(ServiceNetworkManager, name="net", auth_type=None).create()["name"] == "net"

    def test_delete_conflict_explains_dependents(self, lattice):
        make, stubber = lattice
        stubber.add_client_error("delete_service_network", "ConflictException", "has associations", 409)
        with pytest.raises(AnsibleLatticeError) as exc:
            make(ServiceNetworkManager).delete({"id": SN_ID})
        assert exc.value.message.startswith(
            f"Failed to delete service network {SN_ID}: service network {SN_ID} is still in use"
        )

    def test_delete_missing_is_not_an_error(self, lattice):
        make, stubber = lattice
        stubber.add_client_error("delete_service_network", "ResourceNotFoundException", http_status_code=404)
        make(ServiceNetworkManager).delete({"id": SN_ID})

    def test_tags_of_a_foreign_resource_are_unknown(self, lattice):
        make, stubber = lattice
        stubber.add_client_error("list_tags_for_resource", "AccessDeniedException", http_status_code=403)
        assert (
            make(ServiceManager).api.tags("arn:aws:vpc-lattice:eu-west-1:111122223333:service/svc-0123456789abcdef0")
            is None
        )

    def test_retries_throttling(self, lattice, monkeypatch):
        monkeypatch.setattr("time.sleep", lambda s: None)
        make, stubber = lattice
        stubber.add_client_error("get_service_network", "ThrottlingException", http_status_code=400)
        stubber.add_response("get_service_network", network(5, "xxx"), {"serviceNetworkIdentifier": SN_ID})
        assert make(ServiceNetworkManager).get_raw(SN_ID)["name"] == "xxx"
