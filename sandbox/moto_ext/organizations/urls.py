"""Moto's Organizations routes, unchanged (models.py adds no API operation)."""

from moto.organizations.urls import url_bases, url_paths  # noqa: F401
