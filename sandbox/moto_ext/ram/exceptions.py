"""RAM errors moto does not define (codes from the RAM API reference)."""

from moto.core.exceptions import JsonRESTError
from moto.ram.exceptions import (  # noqa: F401  re-exported for the extension's modules
    InvalidParameterException,
    MalformedArnException,
    UnknownResourceException,
)


class RamError(JsonRESTError):
    code = 400

    def __init__(self, message: str) -> None:
        super().__init__(type(self).__name__, message)


class OperationNotPermittedException(RamError):
    pass


class IdempotentParameterMismatchException(RamError):
    pass


class ResourceShareInvitationArnNotFoundException(RamError):
    pass


class ResourceShareInvitationAlreadyAcceptedException(RamError):
    pass


class ResourceShareInvitationAlreadyRejectedException(RamError):
    pass


ORGANIZATION_ONLY = (
    "The resource you are attempting to share can only be shared within your AWS Organization. "
    "This error may also occur if you have not enabled sharing with your AWS organization, "
    "or that onboarding process is still in progress."
)
