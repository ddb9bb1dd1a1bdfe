# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Service networks and services: top-level resources found by name."""

from .api import SERVICE
from .api import SERVICE_NETWORK
from .resource import LatticeManager


class ServiceNetworkManager(LatticeManager):
    kind = SERVICE_NETWORK
    result_key = "service_network"
    updatable = ("authType",)

    def request(self, resolve=True):
        return {"name": self.params.get("name"), "authType": self.params.get("auth_type")}


class ServiceManager(LatticeManager):
    kind = SERVICE
    result_key = "service"
    updatable = ("authType", "certificateArn")
    immutable = ("customDomainName",)

    def request(self, resolve=True):
        return {
            "name": self.params.get("name"),
            "authType": self.params.get("auth_type"),
            "customDomainName": self.params.get("custom_domain_name"),
            "certificateArn": self.params.get("certificate_arn"),
        }
