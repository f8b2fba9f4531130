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
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from domain.core.enums import Agency, Provider, Role
from domain.core.principal import Principal

ASYMMETRIC = ("RS256", "ES256")


# One fixed message per reason: a 401 never echoes what the client sent (a 60 KB ``alg`` came
# back whole, and went into the audit trail, before this).
REASONS = {
    "MISSING_TOKEN": "Missing Authorization header: send 'Authorization: Bearer <token>'.",
    "MALFORMED_HEADER": "Malformed Authorization header: expected 'Bearer <token>'.",
    "INVALID_TOKEN": "Invalid token: it is not a well-formed, correctly signed JWT for this service.",
    "ALGORITHM_NOT_ACCEPTED": "Invalid token: its signature algorithm is not accepted.",
    "UNKNOWN_KEY": "Invalid token: no configured key matches its kid.",
    "KEY_UNAVAILABLE": "Invalid token: the signing key could not be fetched.",
    "BAD_SIGNATURE": "Invalid token: its signature does not verify.",
    "WRONG_ISSUER": "Invalid token: it was not issued by the accepted issuer (iss).",
    "WRONG_AUDIENCE": "Invalid token: it is not meant for this service (aud).",
    "MISSING_CLAIM": "Invalid token: it lacks a required claim (exp, sub, iss and aud are required).",
    "TOKEN_EXPIRED": "Token has expired.",
    "TOKEN_NOT_YET_VALID": "Token is not valid yet (nbf).",
    "INVALID_CLAIMS": "Invalid token claims: 'roles' must name known roles, 'name' is required, and "
                      "'provider'/'agency' must be known (a partner token names its 'agency').",
}


class AuthenticationError(Exception):
    """The request carries no valid token. ``reason`` is a code from ``REASONS``; the message is
    that reason's fixed text, safe to show the caller and to store."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(REASONS[reason])
        self.reason = reason
        # The library's own words, for a debug log line only: bounded, never sent or stored.
        self.detail = detail[:200]


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
                raise AuthenticationError("UNKNOWN_KEY")
            return match[0].key
        if self.jwks_url:
            if self._jwks_client is None:
                # PyJWT caches the fetched key set for five minutes. Not its per-kid cache too: that one
                # never expires, so a key the provider withdrew would verify tokens until a restart.
                self._jwks_client = jwt.PyJWKClient(self.jwks_url)
            return self._jwks_client.get_signing_key_from_jwt(token).key
        raise AuthenticationError("UNKNOWN_KEY")

    def principal_from_header(self, authorization: str | None) -> Principal:
        if not authorization:
            raise AuthenticationError("MISSING_TOKEN")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthenticationError("MALFORMED_HEADER")
        return self.principal_from_token(token.strip())

    def principal_from_token(self, token: str) -> Principal:
        try:
            algorithm = jwt.get_unverified_header(token).get("alg")
            if algorithm not in self.algorithms:
                raise AuthenticationError("ALGORITHM_NOT_ACCEPTED")
            claims = jwt.decode(token, self._key_for(token, algorithm), algorithms=[algorithm], audience=self.audience,
                                issuer=self.issuer, leeway=self.leeway_seconds,
                                options={"require": ["exp", "sub", "iss", "aud"]})
        except jwt.ExpiredSignatureError as error:
            raise AuthenticationError("TOKEN_EXPIRED") from error
        except jwt.ImmatureSignatureError as error:
            raise AuthenticationError("TOKEN_NOT_YET_VALID") from error
        except jwt.InvalidSignatureError as error:
            raise AuthenticationError("BAD_SIGNATURE", str(error)) from error
        except jwt.InvalidIssuerError as error:
            raise AuthenticationError("WRONG_ISSUER", str(error)) from error
        except jwt.InvalidAudienceError as error:
            raise AuthenticationError("WRONG_AUDIENCE", str(error)) from error
        except jwt.MissingRequiredClaimError as error:
            raise AuthenticationError("MISSING_CLAIM", str(error)) from error
        except jwt.InvalidTokenError as error:
            raise AuthenticationError("INVALID_TOKEN", str(error)) from error
        except jwt.PyJWKClientError as error:
            raise AuthenticationError("KEY_UNAVAILABLE", str(error)) from error
        return principal_from_claims(claims)


def verifier_from_settings(settings) -> TokenVerifier:
    """Raises ``ValueError`` saying which setting is unusable (an unreadable JWKS file, a public
    key that is not PEM), so the service refuses to start rather than refusing every token."""
    jwks = None
    if settings.auth_jwks_file:
        try:
            jwks = json.loads(Path(settings.auth_jwks_file).read_text())
            jwt.PyJWKSet.from_dict(jwks)
        except (OSError, ValueError, jwt.PyJWKSetError) as error:
            raise ValueError(f"AUTH_JWKS_FILE: cannot read a JWKS document from {settings.auth_jwks_file} "
                             f"({type(error).__name__})") from None
    if settings.auth_jwt_public_key:
        try:
            load_pem_public_key(settings.auth_jwt_public_key.get_secret_value().encode())
        except ValueError:
            raise ValueError("AUTH_JWT_PUBLIC_KEY: not a PEM public key") from None
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
        raise AuthenticationError("INVALID_CLAIMS", str(error)) from error
    if not roles:
        raise AuthenticationError("INVALID_CLAIMS")
    name = claims.get("name")
    if not isinstance(name, str) or not name.strip():
        raise AuthenticationError("INVALID_CLAIMS")
    if Role.PARTNER in roles and agency is None:
        raise AuthenticationError("INVALID_CLAIMS")
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
