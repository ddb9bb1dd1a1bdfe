# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Services (vpc_lattice_service, vpc_lattice_service_info).

Operations: get_service, list_services, create_service, update_service
(authType, certificateArn, idleTimeoutSeconds), delete_service.  The custom
domain name cannot change (UpdateService has no customDomainName member): a
different one fails unless ``replace`` is set, which deletes the service (its
listeners and rules with it) and creates it again.  ListServices also returns services other accounts share with the
caller, so names are looked up among owned ones only.
"""

from .lattice_resource import LatticeManager


class ServiceManager(LatticeManager):
    description = "service"
    result_key = "service"
    id_prefix = "svc"
    identifier_member = "serviceIdentifier"
    get_operation = "get_service"
    list_operation = "list_services"
    create_operation = "create_service"
    update_operation = "update_service"
    delete_operation = "delete_service"
    in_use_advice = (
        "it is still associated with a service network; remove the association "
        "(vpc_lattice_service_network_service_association state=absent) first"
    )
    owned_only = True
    replaceable = True
    updatable = ("authType", "certificateArn", "idleTimeoutSeconds")
    # CreateService and UpdateService have idleTimeoutSeconds from botocore 1.43.37 (checked in PyPI's releases).
    botocore_minimums = {"idleTimeoutSeconds": "1.43.37"}
    immutable = ("customDomainName",)

    def request(self, resolve=True):
        return {
            "name": self.params.get("name"),
            "authType": self.params.get("auth_type"),
            "customDomainName": self.params.get("custom_domain_name"),
            "certificateArn": self.params.get("certificate_arn"),
            # 60-600 seconds (botocore model, IdleTimeoutSeconds; checked by validate_request).
            "idleTimeoutSeconds": self.params.get("idle_timeout_seconds"),
        }
