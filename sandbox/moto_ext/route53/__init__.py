"""Route 53 extension (see models.py)."""


def install() -> None:
    from moto.route53.models import route53_backends

    from .. import use_backend
    from .models import Route53Backend

    use_backend(route53_backends, Route53Backend)
