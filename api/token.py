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
    parser.add_argument("--provider", choices=[p.value for p in Provider], default="NPS")
    parser.add_argument("--staff-code", default=DEFAULT_STAFF_CODE)
    parser.add_argument("--agency", choices=[a.value for a in Agency], help="Partner agency (PARTNER role).")
    parser.add_argument("--subject", help="Token subject (default: dev-<role>, e.g. dev-senior-manager).")
    parser.add_argument("--name", help="Display name (default: Dev <Role>, e.g. Dev Senior Manager).")
    parser.add_argument("--hours", type=float, default=8.0, help="Lifetime in hours.")


def token_from_arguments(arguments: argparse.Namespace, settings: Settings) -> str:
    roles = arguments.role or [Role.PRACTITIONER.value]
    is_partner = roles == [Role.PARTNER.value]
    subject, name = dev_identity(roles)
    return mint_token(settings.auth_jwt_secret.get_secret_value(), subject=arguments.subject or subject,
                      name=arguments.name or name,
                      roles=roles, issuer=settings.auth_jwt_issuer, audience=settings.auth_jwt_audience,
                      provider=None if is_partner else arguments.provider,
                      staff_code=None if is_partner else arguments.staff_code,
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
