"""VPC Lattice extension (see models.py): gets, updates, deletes, targets, rules,
statuses, validation, conflicts and cross-account use through RAM."""


def install() -> None:
    from moto.vpclattice import models as moto_models

    from .. import use_backend
    from .exceptions import MotoResourceNotFoundException
    from .models import VPCLatticeBackend

    # Moto's methods the extension still calls raise this by its module-level name: 404 like AWS.
    moto_models.ResourceNotFoundException = MotoResourceNotFoundException
    use_backend(moto_models.vpclattice_backends, VPCLatticeBackend)
