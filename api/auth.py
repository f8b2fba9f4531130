"""Bearer-token authentication (API.md, Authentication).

Development and tests: HS256 with AUTH_JWT_SECRET. Claims: ``sub``, ``name``, ``roles``,
``provider`` and ``staffCode`` for probation staff, ``agency`` for partners; ``exp`` is required.
Asymmetric production keys (RS256/ES256 from a JWKS) come with the access-control issue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import jwt

from domain.enums import Agency, Provider, Role
from domain.principal import Principal

ALGORITHM = "HS256"


class AuthenticationError(Exception):
    """The request carries no valid token; the message is safe to show the caller."""


@dataclass(frozen=True)
class TokenVerifier:
    secret: str
    issuer: str
    audience: str
    leeway_seconds: int = 30

    def principal_from_header(self, authorization: str | None) -> Principal:
        if not authorization:
            raise AuthenticationError("Missing Authorization header: send 'Authorization: Bearer <token>'.")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthenticationError("Malformed Authorization header: expected 'Bearer <token>'.")
        return self.principal_from_token(token.strip())

    def principal_from_token(self, token: str) -> Principal:
        try:
            claims = jwt.decode(token, self.secret, algorithms=[ALGORITHM], audience=self.audience,
                                issuer=self.issuer, leeway=self.leeway_seconds,
                                options={"require": ["exp", "sub", "iss", "aud"]})
        except jwt.ExpiredSignatureError as error:
            raise AuthenticationError("Token has expired.") from error
        except jwt.InvalidTokenError as error:
            raise AuthenticationError(f"Invalid token: {error}.") from error
        return principal_from_claims(claims)


def principal_from_claims(claims: dict) -> Principal:
    try:
        roles = frozenset(Role(role) for role in claims.get("roles", []))
        provider = Provider(claims["provider"]) if claims.get("provider") else None
        agency = Agency(claims["agency"]) if claims.get("agency") else None
    except (ValueError, TypeError) as error:
        raise AuthenticationError(f"Invalid token claims: {error}.") from error
    if not roles:
        raise AuthenticationError("Invalid token claims: 'roles' must name at least one role.")
    name = claims.get("name")
    if not isinstance(name, str) or not name.strip():
        raise AuthenticationError("Invalid token claims: 'name' is required.")
    return Principal(subject=str(claims["sub"]), name=name, roles=roles, provider=provider,
                     staff_code=claims.get("staffCode"), agency=agency)


def mint_token(secret: str, *, subject: str, name: str, roles: list[str], issuer: str, audience: str,
               provider: str | None = None, staff_code: str | None = None, agency: str | None = None,
               lifetime: timedelta = timedelta(hours=8), now: datetime | None = None) -> str:
    """A signed HS256 token for development and tests."""
    issued = now or datetime.now(tz=timezone.utc)
    claims: dict = {"sub": subject, "name": name, "roles": roles, "iss": issuer, "aud": audience,
                    "iat": issued, "nbf": issued, "exp": issued + lifetime}
    if provider:
        claims["provider"] = provider
    if staff_code:
        claims["staffCode"] = staff_code
    if agency:
        claims["agency"] = agency
    return jwt.encode(claims, secret, algorithm=ALGORITHM)
