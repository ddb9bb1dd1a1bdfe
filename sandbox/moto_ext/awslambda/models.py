"""Lambda: a new IAM role is not usable at once, and functions start Pending.

IAM is eventually consistent ("Changes that I make are not always immediately
visible", IAM user guide, troubleshooting): Lambda's CreateFunction and
UpdateFunctionConfiguration with a role created seconds earlier fail with
``InvalidParameterValueException: The role defined for the function cannot be
assumed by Lambda.`` (terraform-provider-aws retries exactly this message for up
to IAM's propagation timeout, internal/service/lambda/function.go). The sandbox
refuses a role younger than ``SANDBOX_IAM_PROPAGATION`` seconds.

A new function is ``State: Pending`` and an updated one ``LastUpdateStatus:
InProgress`` for a while (Lambda developer guide, "Lambda function states");
``SANDBOX_TIMING=aws`` gives them their AWS duration (sandbox/timing.py), the fast
sandbox ``SANDBOX_DELAY`` as every other transitional state (none was kinder than AWS:
code that used a function before it was Active passed here).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from moto.awslambda.exceptions import InvalidParameterValueException
from moto.awslambda.models import LambdaBackend as MotoLambdaBackend
from moto.awslambda.models import LambdaFunction as MotoLambdaFunction

from ... import settings
from ..core.lifecycle import Lifecycle, States

# Lambda's State and LastUpdateStatus values (botocore model: State, LastUpdateStatus).
FUNCTION = States("Pending", "Active", "InProgress", "Inactive", None, updated="Successful")
CANNOT_ASSUME = "The role defined for the function cannot be assumed by Lambda."


class LambdaFunction(MotoLambdaFunction):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lifecycle = Lifecycle(FUNCTION, resource="lambda-function")

    @property  # type: ignore[override]
    def state(self) -> str:
        return "Pending" if self.lifecycle.creating else self._state

    @state.setter
    def state(self, value: str) -> None:
        self._state = value

    def update_configuration(self, config_updates: dict[str, Any]) -> dict[str, Any]:
        self.lifecycle.update()
        return super().update_configuration(config_updates)

    def get_configuration(self, on_create: bool = False) -> dict[str, Any]:
        config = super().get_configuration(on_create)
        if self.lifecycle.updating:
            config["LastUpdateStatus"] = "InProgress"
        return config


class LambdaBackend(MotoLambdaBackend):
    def _check_role_propagated(self, role_arn: str | None) -> None:
        seconds = settings.iam_propagation()
        if not seconds or not isinstance(role_arn, str):
            return
        from moto.iam.models import iam_backends

        try:
            role = iam_backends[self.account_id][self.partition].get_role_by_arn(role_arn)
        except Exception:  # an unknown role: moto's own check answers it
            return
        created = role.create_date if role.create_date.tzinfo else role.create_date.replace(tzinfo=timezone.utc)
        if (datetime.now(timezone.utc) - created).total_seconds() < seconds:
            raise InvalidParameterValueException(CANNOT_ASSUME)

    def create_function(self, spec: dict[str, Any]) -> Any:
        self._check_role_propagated(spec.get("Role"))
        return super().create_function(spec)

    def update_function_configuration(self, function_name: str, qualifier: str, body: dict[str, Any]) -> Any:
        self._check_role_propagated(body.get("Role"))
        return super().update_function_configuration(function_name, qualifier, body)
