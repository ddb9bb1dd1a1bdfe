"""Moto's EC2 route, on the extended handler."""

from moto.ec2.urls import url_bases  # noqa: F401

from .responses import EC2Response

url_paths = {"{0}/": EC2Response.dispatch}
