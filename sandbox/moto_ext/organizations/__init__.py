"""Organizations extension (see models.py)."""


def install() -> None:
    from moto.organizations.models import organizations_backends

    from .. import use_backend
    from .models import OrganizationsBackend

    use_backend(organizations_backends, OrganizationsBackend)
