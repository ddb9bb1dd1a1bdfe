"""Domain verifications: a provider proves it owns a domain before its resource configurations use
it (or a subdomain) as a custom domain name.

Sources: VPC Lattice API reference (StartDomainVerification, GetDomainVerification,
ListDomainVerifications, DeleteDomainVerification: shapes, 201 on start, ``dv-`` IDs and the
``domainverification/`` ARN, statuses VERIFIED | PENDING | VERIFICATION_TIMED_OUT); the botocore model
(domainName 3-255, tags up to 200, clientToken); the VPC Lattice user guide, "Create and verify a
domain": StartDomainVerification answers PENDING and a ``txtMethodConfig`` (its example: name
``_11111aaaaaaaaa``, value ``vpc-lattice:1111aaaaaaa``); the owner completes it with that TXT record in
"your domain name's hosted zone"; "any subdomains are also verified"; deleting the TXT record takes the
verification away ("VPC Lattice sets your domain name verification status to UNVERIFIED", a value the API
model's enum lacks). terraform-provider-aws internal/service/vpclattice/domain_verification.go starts one
with a clientToken, reads it back with GetDomainVerification, treats ResourceNotFoundException on delete
as done, and waits for nothing (the TXT record is the user's to create).

What the sandbox does, the stricter of the plausible readings:
- the status is PENDING until the TXT record (name ``<txt name>.<domain>``, the value, quoted or not)
  exists in a PUBLIC Route 53 hosted zone of the sandbox, in any account (public DNS is the world's),
  and VERIFIED while it does; when the record goes away it is PENDING again (the enum's nearest value to
  the guide's UNVERIFIED). It never becomes VERIFIED by itself.
- VERIFICATION_TIMED_OUT is in the enum but no AWS page says after how long: not modelled (a verification
  stays PENDING), so code must treat PENDING as "not yet", never as "soon".
- a second StartDomainVerification of a domain the account is verifying: ConflictException (no AWS page
  says; the error is among the operation's).
- DeleteDomainVerification while a resource configuration of the account names the verification: no AWS
  page says; the sandbox refuses it with ConflictException, as it refuses deleting a resource gateway in use.
"""

from __future__ import annotations

import secrets
from typing import Any

from .common import LatticeResource, now, paginate, validate_name
from .exceptions import ConflictException, ValidationException

KIND = "domainverification"
TXT_NAME_PREFIX = "_"
TXT_VALUE_PREFIX = "vpc-lattice:"


def _public_txt_values(record_name: str) -> set[str]:
    """The TXT values of ``record_name`` in every account's public hosted zones (quotes stripped)."""
    from moto.route53.models import route53_backends

    wanted = record_name.lower().rstrip(".") + "."
    values: set[str] = set()
    for per_account in list(route53_backends.values()):
        for backend in list(per_account.values()):
            for zone in list(backend.zones.values()):
                if zone.private_zone:
                    continue
                for record in zone.rrsets:
                    if record.type == "TXT" and record.name.lower().rstrip(".") + "." == wanted:
                        for value in record.records or []:
                            text = value["Value"] if isinstance(value, dict) else value
                            values.add(text.strip('"'))
    return values


def covers(verified_domain: str, name: str) -> bool:
    """User guide: verifying a domain verifies its subdomains too."""
    verified, name = verified_domain.lower().rstrip("."), name.lower().rstrip(".")
    return name == verified or name.endswith("." + verified)


class DomainVerification(LatticeResource):
    kind = KIND
    has_status = False

    def __init__(self, domain_name: str) -> None:
        self.domain_name = domain_name
        self.txt_name = TXT_NAME_PREFIX + secrets.token_hex(7)
        self.txt_value = TXT_VALUE_PREFIX + secrets.token_hex(6)
        self.last_verified_time: str | None = None

    @property
    def txt_record_name(self) -> str:
        return f"{self.txt_name}.{self.domain_name}"

    @property
    def verification_status(self) -> str:
        if self.txt_value in _public_txt_values(self.txt_record_name):
            if self.last_verified_time is None:
                self.last_verified_time = now()
            return "VERIFIED"
        return "PENDING"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "arn": self.arn,
            "domainName": self.domain_name,
            "status": self.verification_status,
            "txtMethodConfig": {"name": self.txt_name, "value": self.txt_value},
            "createdAt": self.created_at,
            "lastVerifiedTime": self.last_verified_time,
        }


class DomainVerificationBackend:
    def start_domain_verification(
        self, domain_name: Any, client_token: str | None, tags: dict[str, str] | None
    ) -> DomainVerification:
        validate_name("DomainName", domain_name, "domainName")
        # A domain name is dot-separated labels of letters, digits and hyphens (RFC 1035, which the
        # PrivateLink guide's domain verification applies: "each DNS label can have up to 63 characters").
        labels = domain_name.rstrip(".").split(".")
        if len(labels) < 2 or not all(
            0 < len(label) <= 63 and label.replace("-", "").isalnum() and label.isascii()
            and not label.startswith("-") and not label.endswith("-")
            for label in labels
        ):
            raise ValidationException(f"Invalid domainName '{domain_name}': it is not a domain name")

        def make() -> DomainVerification:
            # No AWS page says whether a second verification of a domain is allowed (StartDomainVerification
            # lists ConflictException among its errors): the sandbox refuses it, the stricter reading.
            wanted = domain_name.rstrip(".").lower()
            for existing in self.domain_verifications.values():
                if existing.domain_name.lower() == wanted and not existing.lifecycle.gone:
                    raise ConflictException(
                        f"Domain {domain_name} already has a domain verification ({existing.id})",
                        "DOMAIN_VERIFICATION",
                        existing.id,
                    )
            verification = DomainVerification(domain_name.rstrip("."))
            verification.adopt(self.region_name, self.account_id)
            self.domain_verifications[verification.id] = verification
            self.tag_resource(verification.arn, tags or {})
            return verification

        request = {"domainName": domain_name, "tags": tags}
        return self.client_tokens.create("StartDomainVerification", client_token, request, make)

    def get_domain_verification(self, identifier: str) -> DomainVerification:
        # Another account's verification is refused (find: AccessDeniedException), as for the
        # resources RAM cannot share.
        return self.find(KIND, identifier, "domainVerificationIdentifier")

    def list_domain_verifications(
        self, max_results: int | None = None, next_token: str | None = None
    ) -> tuple[list[Any], str | None]:
        return paginate(list(self.domain_verifications.values()), max_results, next_token)

    def delete_domain_verification(self, identifier: str) -> None:
        verification = self.get_domain_verification(identifier)
        users = [c.id for c in self.resource_configurations.values()
                 if c.domain_verification_id == verification.id and not c.lifecycle.gone]
        if users:
            raise ConflictException(
                f"Domain verification {verification.id} is used by resource configurations: {', '.join(users)}",
                "DOMAIN_VERIFICATION",
                verification.id,
            )
        self.tagger.delete_all_tags_for_resource(verification.arn)
        verification.lifecycle.delete()

    def verification_for(self, identifier: str, domains: list[str], field: str) -> DomainVerification:
        """The caller's verification ``identifier`` names, checked to cover ``domains`` (the custom domain
        or group domain of a resource configuration). No AWS page gives the error for a verification of
        another domain; the sandbox refuses it (the guide: a verification lets its domain "and it's
        subdomains" be custom domain names)."""
        verification = self.find(KIND, identifier, field)
        for domain in domains:
            if not covers(verification.domain_name, domain):
                raise ValidationException(
                    f"{field} {verification.id} verifies {verification.domain_name}, which does not cover {domain}"
                )
        return verification


class DomainVerificationResponses:
    def start_domain_verification(self) -> tuple[str, dict[str, Any]]:
        verification = self.backend.start_domain_verification(
            self._get_param("domainName"), self._get_param("clientToken"), self._get_param("tags")
        )
        # HTTP 201, as the API reference and the model's responseCode give
        return self.dump_only(verification, "id", "arn", "domainName", "status", "txtMethodConfig"), {"status": 201}

    def get_domain_verification(self) -> str:
        verification = self.backend.get_domain_verification(self._get_param("domainVerificationIdentifier"))
        tags = self.backend.tagger.get_tag_dict_for_resource(verification.arn)
        return self.dump({**verification.to_dict(), "tags": tags or None})

    def list_domain_verifications(self) -> str:
        def summary(verification: DomainVerification) -> dict[str, Any]:
            tags = self.backend.tagger.get_tag_dict_for_resource(verification.arn)
            return {key: value for key, value in {**verification.to_dict(), "tags": tags or None}.items()
                    if value is not None}

        return self.page(self.backend.list_domain_verifications, summary)

    def delete_domain_verification(self) -> str:
        self.backend.delete_domain_verification(self._get_param("domainVerificationIdentifier"))
        return "{}"
