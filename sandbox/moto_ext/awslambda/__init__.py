"""Lambda extension: IAM role propagation and the Pending / InProgress states (see models.py)."""


def install() -> None:
    from moto.awslambda import models as moto_models

    from .. import use_backend
    from .models import LambdaBackend, LambdaFunction

    # Moto builds functions by this module-level name: the extended model takes its place.
    moto_models.LambdaFunction = LambdaFunction
    use_backend(moto_models.lambda_backends, LambdaBackend)
