"""VPC Lattice errors with the HTTP status and body fields of the API model.

Moto's own ValidationException/ResourceNotFoundException answer 400 for both;
botocore reads the code from the body either way, but clients that look at the
status (retries, waiters) expect AWS's 404/409/403/402.
"""

from __future__ import annotations

import json

from moto.core.exceptions import JsonRESTError
from moto.vpclattice import exceptions as moto_exceptions


class LatticeError(JsonRESTError):
    code = 400
    error_type = "ValidationException"

    def __init__(self, message: str, **fields: str) -> None:
        super().__init__(self.error_type, message)
        self.description = json.dumps({"__type": self.error_type, "message": message, **fields})


class ValidationException(LatticeError):
    def __init__(self, message: str) -> None:
        super().__init__(message, reason="fieldValidationFailed")


class ResourceNotFoundException(LatticeError):
    code = 404
    error_type = "ResourceNotFoundException"

    def __init__(self, resource_type: str, resource_id: str) -> None:
        super().__init__(
            f"{resource_type} '{resource_id}' not found",
            resourceId=resource_id,
            resourceType=resource_type,
        )


class ConflictException(LatticeError):
    code = 409
    error_type = "ConflictException"

    def __init__(self, message: str, resource_type: str, resource_id: str) -> None:
        super().__init__(message, resourceId=resource_id, resourceType=resource_type)


class AccessDeniedException(LatticeError):
    code = 403
    error_type = "AccessDeniedException"


class ServiceQuotaExceededException(LatticeError):
    code = 402
    error_type = "ServiceQuotaExceededException"

    def __init__(self, message: str, resource_type: str, quota_code: str) -> None:
        super().__init__(message, resourceType=resource_type, serviceCode="vpc-lattice", quotaCode=quota_code)


class MotoResourceNotFoundException(moto_exceptions.ResourceNotFoundException):
    """What moto's own code paths raise instead of its 400 (``install()`` swaps it in)."""

    code = 404
