"""Mint a development token: ``python -m api token --role PRACTITIONER`` (or ``probation-token``).

HS256 with AUTH_JWT_SECRET: for development and tests only; production tokens come from the
identity provider."""

from __future__ import annotations

import argparse
from datetime import timedelta

from api.auth import mint_token
from api.settings import Settings
from domain.core.enums import Agency, Provider, Role

DEFAULT_STAFF_CODE = "N07A001"


def dev_identity(roles: list[str]) -> tuple[str, str]:
    """A subject and name that say which roles the token carries: ``dev-senior-manager``,
    "Dev Senior Manager" (several roles: joined with "and")."""
    words = [role.replace("_", " ").title() for role in roles]
    return "dev-" + "-".join(role.lower().replace("_", "-") for role in roles), "Dev " + " and ".join(words)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--role", action="append", choices=[r.value for r in Role],
                        help="A role to grant (repeat for several). Default: PRACTITIONER.")
    parser.add_argument("--provider", choices=[p.value for p in Provider],
                        help="Provider (default NPS for a PRACTITIONER or SENIOR_MANAGER, none for other roles).")
    parser.add_argument("--staff-code", help=f"Staff code (default {DEFAULT_STAFF_CODE} for a PRACTITIONER or "
                                             "SENIOR_MANAGER, none for other roles).")
    parser.add_argument("--agency", choices=[a.value for a in Agency], help="Partner agency (PARTNER role).")
    parser.add_argument("--subject", help="Token subject (default: dev-<role>, e.g. dev-senior-manager).")
    parser.add_argument("--name", help="Display name (default: Dev <Role>, e.g. Dev Senior Manager).")
    parser.add_argument("--hours", type=float, default=8.0, help="Lifetime in hours (default 8).")


def token_from_arguments(arguments: argparse.Namespace, settings: Settings) -> str:
    roles = arguments.role or [Role.PRACTITIONER.value]
    # Only roles that hold a caseload carry a provider and a staff code unless one is asked for: an
    # auditor's or administrator's token naming a practitioner's code would be a confusing example.
    caseload = bool({Role.PRACTITIONER.value, Role.SENIOR_MANAGER.value} & set(roles))
    subject, name = dev_identity(roles)
    return mint_token(settings.auth_jwt_secret.get_secret_value(), subject=arguments.subject or subject,
                      name=arguments.name or name,
                      roles=roles, issuer=settings.auth_jwt_issuer, audience=settings.auth_jwt_audience,
                      provider=arguments.provider or ("NPS" if caseload else None),
                      staff_code=arguments.staff_code or (DEFAULT_STAFF_CODE if caseload else None),
                      agency=arguments.agency, lifetime=timedelta(hours=arguments.hours))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    add_arguments(parser)
    settings = Settings()
    if settings.environment == "production":
        parser.error("development tokens are not minted in production")
    print(token_from_arguments(parser.parse_args(argv), settings))


if __name__ == "__main__":
    main()
