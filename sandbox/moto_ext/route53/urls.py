"""Moto's Route 53 routes, unchanged (models.py adds no API operation)."""

from moto.route53.urls import url_bases, url_paths  # noqa: F401
