"""RAM extension: associations, OTHER-ACCOUNTS views, invitations (see models.py)."""


def install() -> None:
    from moto.ram.models import ram_backends

    from .. import use_backend
    from .models import ResourceAccessManagerBackend

    use_backend(ram_backends, ResourceAccessManagerBackend)
