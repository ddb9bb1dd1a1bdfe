"""Moto's Lambda routes, unchanged (models.py adds no API operation)."""

from moto.awslambda.urls import url_bases, url_paths  # noqa: F401
