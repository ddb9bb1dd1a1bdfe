"""Moto's VPC Lattice routes, served by the extended response class, plus the nested ones moto lacks."""

from moto.vpclattice.urls import url_bases, url_paths as moto_url_paths

from .responses import VPCLatticeResponse

__all__ = ["url_bases", "url_paths"]

url_paths = {path: VPCLatticeResponse.dispatch for path in moto_url_paths}
url_paths.update(
    {
        "{0}/services/(?P<serviceIdentifier>[^/]+)/listeners/(?P<listenerIdentifier>[^/]+)/rules/(?P<ruleIdentifier>[^/]+)$": VPCLatticeResponse.dispatch,
        "{0}/servicenetworkvpcendpointassociations$": VPCLatticeResponse.dispatch,
        "{0}/targetgroups/(?P<targetGroupIdentifier>[^/]+)/(?P<targetOperation>registertargets|deregistertargets|listtargets)$": VPCLatticeResponse.dispatch,
        "{0}/resourcegateways$": VPCLatticeResponse.dispatch,
        "{0}/resourcegateways/(?P<resourceGatewayIdentifier>.+)$": VPCLatticeResponse.dispatch,
        "{0}/resourceconfigurations$": VPCLatticeResponse.dispatch,
        "{0}/resourceconfigurations/(?P<resourceConfigurationIdentifier>.+)$": VPCLatticeResponse.dispatch,
        "{0}/domainverifications$": VPCLatticeResponse.dispatch,
        "{0}/domainverifications/(?P<domainVerificationIdentifier>.+)$": VPCLatticeResponse.dispatch,
    }
)
