"""Moto's RAM routes plus the operations this extension adds, all on the extended handler."""

from moto.ram.urls import url_bases, url_paths as moto_url_paths  # noqa: F401

from .responses import ResourceAccessManagerResponse

ADDED = (
    "associateresourceshare",
    "disassociateresourceshare",
    "listresources",
    "listprincipals",
    "getresourceshareinvitations",
    "acceptresourceshareinvitation",
    "rejectresourceshareinvitation",
    "tagresource",
    "untagresource",
    "getpermission",
    "listresourcesharepermissions",
    "associateresourcesharepermission",
)

url_paths = {path: ResourceAccessManagerResponse.dispatch for path in moto_url_paths}
url_paths.update({f"{{0}}/{operation}$": ResourceAccessManagerResponse.dispatch for operation in ADDED})
