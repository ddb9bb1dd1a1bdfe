# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Domain verifications (vpc_lattice_domain_verification, vpc_lattice_domain_verification_info).

Operations: start_domain_verification, get_domain_verification, list_domain_verifications,
delete_domain_verification; no update (a verification is of one domain; only its tags change).
A verification has no name: the module finds it by its domain name.  It is PENDING until the
owner of the domain publishes the TXT record AWS gave (``txtMethodConfig``) in the domain's public
DNS, then VERIFIED (VPC Lattice user guide, "Create and verify a domain"); the module returns
that record so that a later task can create it, and can wait for VERIFIED.
"""

from functools import partial

from .._core.resource import run
from .._core.waiting import NOT_FOUND_GRACE
from .._core.waiting import wait_until
from .lattice_resource import LatticeManager

# botocore CHANGELOG: the domain verification operations came with custom domain names for
# resource configurations, in 1.40.69.
MINIMUM_BOTOCORE = "1.40.69"


def require_botocore(module):
    module.require_botocore_at_least(MINIMUM_BOTOCORE, reason="to manage VPC Lattice domain verifications")


def txt_record(verification):
    """The DNS record that completes ``verification``: its name under the domain, and the value."""
    config = (verification or {}).get("txt_method_config")
    if not config:
        return {}
    return {"txt_record": {
        "name": f"{config['name']}.{verification['domain_name']}",
        "type": "TXT",
        "value": config["value"],
    }}


def verification_failure(verification):
    if verification.get("status") == "VERIFICATION_TIMED_OUT":
        return (
            "is VERIFICATION_TIMED_OUT: AWS no longer looks for its TXT record; delete it (state=absent) "
            "and start a new one"
        )
    return None


class DomainVerificationManager(LatticeManager):
    description = "domain verification"
    result_key = "domain_verification"
    id_prefix = "dv"
    identifier_member = "domainVerificationIdentifier"
    get_operation = "get_domain_verification"
    list_operation = "list_domain_verifications"
    create_operation = "start_domain_verification"
    delete_operation = "delete_domain_verification"
    in_use_advice = (
        "resource configurations name it as their domain_verification; delete them or create them without it first"
    )
    option_names = {"domainName": "domain_name"}

    @property
    def ident(self):
        return self.params.get("domain_name")

    def request(self, resolve=True):
        return {"domainName": self.params.get("domain_name")}

    def validate(self):
        require_botocore(self.module)
        super().validate()

    def same_domain(self, item):
        return item["domainName"].rstrip(".").lower() == self.ident.rstrip(".").lower()

    def lookup(self):
        """The verification of ``domain_name``: a VERIFIED one when there are several."""
        items = self.api.paginate(self.list_operation, "items", "list domain verifications")
        matches = [item for item in items if self.same_domain(item)]
        matches.sort(key=lambda item: item.get("status") != "VERIFIED")
        return self.get_raw(matches[0]["id"]) if matches else None

    def extra(self, raw):
        # Get answers the TXT record, and so does Start (describe_response): None only for a prediction.
        if raw is None:
            return {}
        return txt_record({"domain_name": raw["domainName"], "txt_method_config": raw.get("txtMethodConfig")})

    def describe_response(self, response):
        return dict(super().describe_response(response), **self.extra(response))

    def predict(self):
        # StartDomainVerification answers PENDING; the TXT record's name and value come from AWS.
        return dict(super().predict(), status="PENDING")

    def read_created(self, created):
        # Even without ``wait``: the next run finds the verification by listing, and a list that does not
        # see it yet (eventual consistency) would start a second one.
        return wait_until(
            partial(self.read, created["id"]),
            f"{self.description} {created['id']}",
            ready=lambda verification: verification is not None,
            goal="to be readable after its creation",
            timeout=min(self.wait_timeout, NOT_FOUND_GRACE),
        )

    def wait_ready(self, resource):
        return wait_until(
            partial(self.read, resource["id"]),
            f"{self.description} {resource['id']} of {resource['domain_name']}",
            ready=lambda verification: verification is not None and verification.get("status") == "VERIFIED",
            goal="to become VERIFIED (its TXT record must be in the domain's public DNS)",
            failure=verification_failure,
            timeout=self.wait_timeout,
            current=resource,
        )

    def wait_gone(self, resource):
        # DeleteDomainVerification has no in-progress state (API reference): nothing to wait for.
        return None

    def converge(self, check_mode):
        """``run``, then with ``wait`` wait for VERIFIED also when the verification already existed
        (``run`` waits only after a create or an update)."""
        result = run(self, check_mode)
        after = result[self.result_key]
        if after and self.wait and not check_mode and after.get("status") != "VERIFIED":
            after = self.wait_ready(after)
            result[self.result_key] = result["diff"]["after"] = after
        return result
