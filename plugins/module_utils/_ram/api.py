# -*- coding: utf-8 -*-

# Copyright: Contributors to the lattice.multi_account project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""AWS RAM and AWS Organizations calls used by the ram_* modules: retries, pagination, advice on errors."""

import uuid

from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError
from ansible_collections.amazon.aws.plugins.module_utils.retries import AWSRetry

from .._resource import AdvisingErrorHandler

RAM_SERVICE_PRINCIPAL = "ram.amazonaws.com"

_EXTERNAL = "set allow_external_principals: true to share with accounts outside your AWS Organization, or remove them"
_ORG_SHARING = (
    "organization and OU principals need sharing with AWS Organizations enabled: run "
    "lattice.multi_account.ram_organization_sharing with the management account's credentials"
)


class AnsibleRAMError(AnsibleAWSError):
    pass


class RAMErrorHandler(AdvisingErrorHandler):
    _CUSTOM_EXCEPTION = AnsibleRAMError
    MISSING_CODES = ("UnknownResourceException", "ResourceShareInvitationArnNotFoundException")
    ADVICE = {
        "UnknownResourceException": (
            "a resource share, resource, principal or permission given does not exist; check the ARNs and account "
            "IDs (a resource must be in the region the module runs in)"
        ),
        "MalformedArnException": "an ARN is malformed or its resource type cannot be shared; check resource_arns and permission_arns",
        "InvalidParameterException": "AWS rejected a parameter; check it against the module documentation",
        "InvalidStateTransitionException": "the resource share is being changed or deleted; wait a little and run the task again",
        "ResourceShareLimitExceededException": "a RAM quota is exhausted; delete unused shares or request a quota increase",
        "TagPolicyViolationException": "the tags break a tag policy of your organization; fix tags",
        "UnmatchedPolicyPermissionException": "permission_arns do not match the resource types being shared; use a permission for each resource type",
        "ResourceShareInvitationAlreadyRejectedException": "the invitation was rejected; the owner must share with this account again",
        "ResourceShareInvitationExpiredException": "the invitation expired; the owner must share with this account again",
        "AccessDeniedException": "the credentials may not do this; check the IAM permissions of the calling role",
    }

    @classmethod
    def advice(cls, code, aws_message, description):
        if code != "OperationNotPermittedException":
            return super().advice(code, aws_message, description)
        lowered = aws_message.lower()
        if "external" in lowered or "outside" in lowered:
            return _EXTERNAL
        if "organization" in lowered:
            return f"{_EXTERNAL}; {_ORG_SHARING}"
        return f"only the owner of a resource can share it (a resource shared with you cannot be shared again); {_EXTERNAL}"


class OrganizationsErrorHandler(AdvisingErrorHandler):
    _CUSTOM_EXCEPTION = AnsibleRAMError
    MISSING_CODES = ("AWSOrganizationsNotInUseException",)
    ADVICE = {
        "AccessDeniedException": (
            "only the organization's management account (or a delegated administrator) may do this; "
            "run the task with the management account's credentials"
        ),
    }


def _call(handler, description, method, **kwargs):
    return handler.common_error_handler(description)(method)(aws_retry=True, **kwargs)


def _listing(handler, description, client, operation, key, **kwargs):
    @handler.list_error_handler(description, default_value=[])
    @AWSRetry.jittered_backoff()
    def read():
        return client.get_paginator(operation).paginate(**kwargs).build_full_result().get(key, [])

    return read()


class RAM:
    """A RAM client (and an Organizations one, for the organization lookups) with the calls the modules need."""

    def __init__(self, module):
        self.module = module
        self.client = module.client("ram", retry_decorator=AWSRetry.jittered_backoff())
        self._organizations = None

    @property
    def organizations(self):
        if self._organizations is None:
            self._organizations = self.module.client("organizations", retry_decorator=AWSRetry.jittered_backoff())
        return self._organizations

    # --- shares ---------------------------------------------------------------
    def shares(self, owner, name=None, arns=None, status=None):
        kwargs = dict(resourceOwner=owner)
        if name:
            kwargs["name"] = name
        if arns:
            kwargs["resourceShareArns"] = list(arns)
        if status:
            kwargs["resourceShareStatus"] = status
        return self._list("list resource shares", "get_resource_shares", "resourceShares", **kwargs)

    def _do(self, description, method, **kwargs):
        return _call(RAMErrorHandler, description, method, **kwargs)

    def _list(self, description, operation, key, **kwargs):
        return _listing(RAMErrorHandler, description, self.client, operation, key, **kwargs)

    def associations(self, share_arn, association_type):
        description = f"list the {association_type.lower()} associations of resource share {share_arn}"
        return self._list(description, "get_resource_share_associations", "resourceShareAssociations",
                          associationType=association_type, resourceShareArns=[share_arn])

    def resources(self, owner, share_arn):
        return self._list(f"list the resources of resource share {share_arn}", "list_resources", "resources",
                          resourceOwner=owner, resourceShareArns=[share_arn])

    def principals(self, owner, share_arn):
        return self._list(f"list the principals of resource share {share_arn}", "list_principals", "principals",
                          resourceOwner=owner, resourceShareArns=[share_arn])

    def permissions(self, share_arn):
        description = f"list the permissions of resource share {share_arn}"
        permissions, token = [], None
        # ListResourceSharePermissions has no botocore paginator.
        while True:
            kwargs = dict(resourceShareArn=share_arn, **({"nextToken": token} if token else {}))
            page = self._do(description, self.client.list_resource_share_permissions, **kwargs)
            permissions.extend(page.get("permissions", []))
            token = page.get("nextToken")
            if not token:
                return permissions

    def permission_resource_type(self, permission_arn):
        permission = self._do(
            f"get permission {permission_arn}", self.client.get_permission, permissionArn=permission_arn
        )
        return permission["permission"].get("resourceType")

    def create_share(self, **request):
        return self._do(
            f"create resource share {request['name']}",
            self.client.create_resource_share,
            clientToken=str(uuid.uuid4()),
            **request,
        )["resourceShare"]

    def update_share(self, share_arn, allow_external_principals):
        return self._do(
            f"update allow_external_principals of resource share {share_arn}",
            self.client.update_resource_share,
            resourceShareArn=share_arn,
            allowExternalPrincipals=allow_external_principals,
            clientToken=str(uuid.uuid4()),
        )["resourceShare"]

    def delete_share(self, share_arn):
        return RAMErrorHandler.deletion_error_handler(f"delete resource share {share_arn}")(self.client.delete_resource_share)(
            aws_retry=True, resourceShareArn=share_arn, clientToken=str(uuid.uuid4())
        )

    def _change_associations(self, method, verb, share_arn, resource_arns, principals):
        kwargs = {}
        if resource_arns:
            kwargs["resourceArns"] = sorted(resource_arns)
        if principals:
            kwargs["principals"] = sorted(principals)
        if not kwargs:
            return
        self._do(
            f"{verb} {', '.join(kwargs.get('resourceArns', []) + kwargs.get('principals', []))} "
            f"{'to' if verb == 'associate' else 'from'} resource share {share_arn}",
            method,
            resourceShareArn=share_arn,
            clientToken=str(uuid.uuid4()),
            **kwargs,
        )

    def associate(self, share_arn, resource_arns=(), principals=()):
        self._change_associations(self.client.associate_resource_share, "associate", share_arn, resource_arns, principals)

    def disassociate(self, share_arn, resource_arns=(), principals=()):
        self._change_associations(
            self.client.disassociate_resource_share, "disassociate", share_arn, resource_arns, principals
        )

    def associate_permission(self, share_arn, permission_arn):
        self._do(f"associate permission {permission_arn} with resource share {share_arn}",
                 self.client.associate_resource_share_permission, resourceShareArn=share_arn,
                 permissionArn=permission_arn, replace=True, clientToken=str(uuid.uuid4()))

    def tag(self, share_arn, tags):
        self._do(f"tag resource share {share_arn}", self.client.tag_resource, resourceShareArn=share_arn,
                 tags=[{"key": k, "value": v} for k, v in sorted(tags.items())])

    def untag(self, share_arn, keys):
        self._do(f"untag resource share {share_arn}", self.client.untag_resource, resourceShareArn=share_arn,
                 tagKeys=sorted(keys))

    # --- invitations ----------------------------------------------------------
    def invitations(self, share_arn=None, invitation_arn=None):
        kwargs = {"resourceShareArns": [share_arn]} if share_arn else {}
        if invitation_arn:
            kwargs["resourceShareInvitationArns"] = [invitation_arn]
        return self._list(
            "list resource share invitations", "get_resource_share_invitations", "resourceShareInvitations", **kwargs
        )

    def answer_invitation(self, invitation_arn, accept):
        method = self.client.accept_resource_share_invitation if accept else self.client.reject_resource_share_invitation
        return self._do(
            f"{'accept' if accept else 'reject'} resource share invitation {invitation_arn}",
            method,
            resourceShareInvitationArn=invitation_arn,
            clientToken=str(uuid.uuid4()),
        )["resourceShareInvitation"]

    # --- organization ---------------------------------------------------------
    def enable_sharing_with_organization(self):
        return self._do(
            "enable sharing with AWS Organizations",
            self.client.enable_sharing_with_aws_organization,
        ).get("returnValue", False)

    def organization(self):
        """The caller's organization (DescribeOrganization), or None outside any organization."""
        read = OrganizationsErrorHandler.list_error_handler("describe the organization of this account")(
            self.organizations.describe_organization
        )
        found = read(aws_retry=True)
        return found["Organization"] if found else None

    def caller_account(self):
        sts = self.module.client("sts", retry_decorator=AWSRetry.jittered_backoff())
        return self._do("identify the calling account", sts.get_caller_identity)["Account"]

    def organization_sharing_enabled(self):
        """True when ram.amazonaws.com has trusted access to the organization (management account only)."""
        enabled = _listing(
            OrganizationsErrorHandler,
            "list the AWS services with access to the organization",
            self.organizations,
            "list_aws_service_access_for_organization",
            "EnabledServicePrincipals",
        )
        return any(entry.get("ServicePrincipal") == RAM_SERVICE_PRINCIPAL for entry in enabled)
