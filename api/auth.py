"""Bearer-token authentication (docs/api.md, Authentication).

Development and tests: HS256 with AUTH_JWT_SECRET. Production: RS256/ES256 from a configured
public key or JWKS (file or URL), never HS256 or ``none``. Every token must carry ``exp``,
``sub``, ``iss`` and ``aud``; ``nbf`` is checked when present; clock skew is bounded (settings).
Claims: ``sub``, ``name``, ``roles``, ``provider`` and ``staffCode`` for probation staff,
``agency`` for partners.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import jwt

from domain.core.enums import Agency, Provider, Role
from domain.core.principal import Principal

ASYMMETRIC = ("RS256", "ES256")


class AuthenticationError(Exception):
    """The request carries no valid token; the message is safe to show the caller."""


@dataclass
class TokenVerifier:
    secret: str
    issuer: str
    audience: str
    leeway_seconds: int = 30
    algorithms: tuple[str, ...] = ("HS256",)
    public_key: str | None = None
    jwks: dict[str, Any] | None = None
    jwks_url: str | None = None
    _jwks_client: Any = field(default=None, repr=False)

    def _key_for(self, token: str, algorithm: str):
        if algorithm == "HS256":
            return self.secret
        if self.public_key:
            return self.public_key
        kid = jwt.get_unverified_header(token).get("kid")
        if self.jwks is not None:
            keys = jwt.PyJWKSet.from_dict(self.jwks).keys
            match = [k for k in keys if kid is None or k.key_id == kid]
            if not match:
                raise AuthenticationError("Invalid token: no key in the JWKS matches its kid.")
            return match[0].key
        if self.jwks_url:
            if self._jwks_client is None:
                self._jwks_client = jwt.PyJWKClient(self.jwks_url, cache_keys=True)
            return self._jwks_client.get_signing_key_from_jwt(token).key
        raise AuthenticationError(f"Invalid token: no key configured for {algorithm}.")

    def principal_from_header(self, authorization: str | None) -> Principal:
        if not authorization:
            raise AuthenticationError("Missing Authorization header: send 'Authorization: Bearer <token>'.")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthenticationError("Malformed Authorization header: expected 'Bearer <token>'.")
        return self.principal_from_token(token.strip())

    def principal_from_token(self, token: str) -> Principal:
        try:
            algorithm = jwt.get_unverified_header(token).get("alg")
            if algorithm not in self.algorithms:
                raise AuthenticationError(f"Invalid token: algorithm {algorithm!r} is not accepted "
                                          f"(accepted: {', '.join(self.algorithms)}).")
            claims = jwt.decode(token, self._key_for(token, algorithm), algorithms=[algorithm], audience=self.audience,
                                issuer=self.issuer, leeway=self.leeway_seconds,
                                options={"require": ["exp", "sub", "iss", "aud"]})
        except jwt.ExpiredSignatureError as error:
            raise AuthenticationError("Token has expired.") from error
        except jwt.ImmatureSignatureError as error:
            raise AuthenticationError("Token is not valid yet (nbf).") from error
        except jwt.InvalidTokenError as error:
            raise AuthenticationError(f"Invalid token: {error}.") from error
        except jwt.PyJWKClientError as error:
            raise AuthenticationError(f"Invalid token: signing key unavailable ({error}).") from error
        return principal_from_claims(claims)


def verifier_from_settings(settings) -> TokenVerifier:
    jwks = json.loads(Path(settings.auth_jwks_file).read_text()) if settings.auth_jwks_file else None
    return TokenVerifier(secret=settings.auth_jwt_secret.get_secret_value(), issuer=settings.auth_jwt_issuer,
                         audience=settings.auth_jwt_audience, leeway_seconds=settings.auth_clock_skew_seconds,
                         algorithms=tuple(settings.auth_jwt_algorithms),
                         public_key=settings.auth_jwt_public_key.get_secret_value() if settings.auth_jwt_public_key else None,
                         jwks=jwks, jwks_url=settings.auth_jwks_url)


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
    if Role.PARTNER in roles and agency is None:
        raise AuthenticationError("Invalid token claims: a partner token names its 'agency'.")
    return Principal(subject=str(claims["sub"]), name=name, roles=roles, provider=provider,
                     staff_code=claims.get("staffCode"), agency=agency)


def mint_token(secret: str, *, subject: str, name: str, roles: list[str], issuer: str, audience: str,
               provider: str | None = None, staff_code: str | None = None, agency: str | None = None,
               lifetime: timedelta = timedelta(hours=8), now: datetime | None = None,
               algorithm: str = "HS256", headers: dict | None = None) -> str:
    """A signed token for development and tests (HS256 with a secret, or RS256/ES256 with a
    private key)."""
    issued = now or datetime.now(tz=timezone.utc)
    claims: dict = {"sub": subject, "name": name, "roles": roles, "iss": issuer, "aud": audience,
                    "iat": issued, "nbf": issued, "exp": issued + lifetime}
    if provider:
        claims["provider"] = provider
    if staff_code:
        claims["staffCode"] = staff_code
    if agency:
        claims["agency"] = agency
    return jwt.encode(claims, secret, algorithm=algorithm, headers=headers)
