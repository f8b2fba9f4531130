"""Token edge cases (issue 6): asymmetric production keys (public key, JWKS), refused HS256 and
`none`, expiry and not-before with bounded skew, missing claims, unknown roles, wrong issuer or
audience. Each refusal is a 401 with a JSON error and no data, and is audited."""

import json
from datetime import datetime, timedelta, timezone

import httpx
import jwt
import pytest
from asgi_lifespan import LifespanManager
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from api.app import create_app
from api.auth import REASONS, AuthenticationError, TokenVerifier, mint_token
from api.settings import Settings

ISSUER, AUDIENCE = "https://idp.example/probation", "probation-case-records"
RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC_KEY = ec.generate_private_key(ec.SECP256R1())
OTHER_RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def pem_public(key) -> str:
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def token(key=RSA_KEY, algorithm="RS256", now=None, lifetime=timedelta(minutes=10), issuer=ISSUER, audience=AUDIENCE,
          roles=("PRACTITIONER",), headers=None, **claims):
    return mint_token(key, subject="u-9", name="Riley", roles=list(roles), issuer=issuer, audience=audience,
                      provider=claims.get("provider", "NPS"), agency=claims.get("agency"), lifetime=lifetime, now=now,
                      algorithm=algorithm, headers=headers)


def verifier(**overrides) -> TokenVerifier:
    base = dict(secret="unused-in-production", issuer=ISSUER, audience=AUDIENCE, leeway_seconds=30,
                algorithms=("RS256", "ES256"), public_key=pem_public(RSA_KEY))
    return TokenVerifier(**{**base, **overrides})


def test_rs256_with_a_public_key_is_accepted():
    assert verifier().principal_from_token(token()).subject == "u-9"


def test_es256_from_a_jwks_is_accepted_by_kid():
    jwk = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(EC_KEY.public_key()))
    jwks = {"keys": [{**jwk, "kid": "ec-1", "alg": "ES256", "use": "sig"}]}
    accepted = verifier(public_key=None, jwks=jwks).principal_from_token(token(EC_KEY, "ES256", headers={"kid": "ec-1"}))
    assert accepted.name == "Riley"
    with pytest.raises(AuthenticationError) as refused:
        verifier(public_key=None, jwks=jwks).principal_from_token(token(EC_KEY, "ES256", headers={"kid": "other"}))
    assert refused.value.reason == "UNKNOWN_KEY"


def unsigned() -> str:
    claims = jwt.decode(token(), options={"verify_signature": False})
    return jwt.encode(claims, key=None, algorithm="none")


@pytest.mark.parametrize("make, reason", [
    (lambda: mint_token("a-shared-secret-of-plenty-of-length-123456", subject="u", name="n", roles=["PRACTITIONER"],
                        issuer=ISSUER, audience=AUDIENCE), "ALGORITHM_NOT_ACCEPTED"),
    (unsigned, "ALGORITHM_NOT_ACCEPTED"),
    (lambda: token(OTHER_RSA_KEY), "BAD_SIGNATURE"),
    (lambda: token(now=datetime.now(tz=timezone.utc) - timedelta(hours=1)), "TOKEN_EXPIRED"),
    (lambda: token(now=datetime.now(tz=timezone.utc) + timedelta(minutes=5)), "TOKEN_NOT_YET_VALID"),
    (lambda: token(issuer="https://evil.example"), "WRONG_ISSUER"),
    (lambda: token(audience="someone-else"), "WRONG_AUDIENCE"),
    (lambda: token(roles=()), "INVALID_CLAIMS"),
    (lambda: token(roles=("JUDGE",)), "INVALID_CLAIMS"),
    (lambda: token(roles=("PARTNER",)), "INVALID_CLAIMS"),
])
def test_production_refuses(make, reason):
    with pytest.raises(AuthenticationError) as refused:
        verifier().principal_from_token(make())
    assert refused.value.reason == reason
    assert str(refused.value) == REASONS[reason]  # fixed text: nothing from the token is echoed


def test_clock_skew_is_bounded():
    slightly_early = token(now=datetime.now(tz=timezone.utc) + timedelta(seconds=20))
    assert verifier().principal_from_token(slightly_early).subject == "u-9"  # within 30 s


def test_missing_claims_are_refused():
    claims = {"sub": "u", "name": "n", "roles": ["PRACTITIONER"], "iss": ISSUER, "aud": AUDIENCE}
    with pytest.raises(AuthenticationError) as refused:
        verifier().principal_from_token(jwt.encode(claims, RSA_KEY, algorithm="RS256"))
    assert refused.value.reason == "MISSING_CLAIM" and "exp" in refused.value.detail


async def test_production_app_answers_401_json_and_audits_the_refusal(tmp_path):
    jwks_file = tmp_path / "jwks.json"
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(RSA_KEY.public_key()))
    jwks_file.write_text(json.dumps({"keys": [{**jwk, "kid": "rsa-1"}]}))
    settings = Settings(environment="development", auth_jwt_algorithms=["RS256"], auth_jwks_file=str(jwks_file),
                        auth_jwt_issuer=ISSUER, auth_jwt_audience=AUDIENCE)
    app = create_app(settings)
    async with LifespanManager(app) as manager:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=manager.app), base_url="http://t") as client:
            good = await client.post("/graphql", json={"query": "{ __typename }"},
                                     headers={"Authorization": f"Bearer {token(headers={'kid': 'rsa-1'})}"})
            assert good.status_code == 200 and good.json()["data"] == {"__typename": "Query"}
            hs = mint_token("x" * 40, subject="u", name="n", roles=["ADMIN"], issuer=ISSUER, audience=AUDIENCE)
            refused = await client.post("/graphql", json={"query": "{ __typename }"}, headers={"Authorization": f"Bearer {hs}"})
            assert refused.status_code == 401 and "data" not in refused.json()
            events = await app.state.store.audit.collection.find({"kind": "REFUSAL"}).to_list(length=None)
            assert [e["operation"] for e in events] == ["authenticate"] and "ALGORITHM_NOT_ACCEPTED" in events[0]["reason"]


@pytest.mark.parametrize("roles, subject, name", [
    (None, "dev-practitioner", "Dev Practitioner"),
    (["SENIOR_MANAGER"], "dev-senior-manager", "Dev Senior Manager"),
    (["VICTIM_LIAISON_OFFICER"], "dev-victim-liaison-officer", "Dev Victim Liaison Officer"),
    (["PRACTITIONER", "SENIOR_MANAGER"], "dev-practitioner-senior-manager", "Dev Practitioner and Senior Manager"),
])
def test_each_dev_token_names_its_role(roles, subject, name):
    import argparse

    from api.settings import Settings
    from api.token import add_arguments, token_from_arguments

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    arguments = parser.parse_args([argument for role in roles or [] for argument in ("--role", role)])
    claims = jwt.decode(token_from_arguments(arguments, Settings()), options={"verify_signature": False})
    assert (claims["sub"], claims["name"]) == (subject, name)


@pytest.mark.parametrize("argv, provider, staff_code, agency", [
    ([], "NPS", "N07A001", None),
    (["--role", "SENIOR_MANAGER"], "NPS", "N07A001", None),
    (["--provider", "CRC", "--staff-code", "C12A004"], "CRC", "C12A004", None),
    (["--role", "AUDITOR"], None, None, None),
    (["--role", "ADMIN"], None, None, None),
    (["--role", "PARTNER", "--agency", "POLICE"], None, None, "POLICE"),
])
def test_only_caseload_roles_carry_a_provider_and_staff_code_by_default(argv, provider, staff_code, agency):
    import argparse

    from api.settings import Settings
    from api.token import add_arguments, token_from_arguments

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    claims = jwt.decode(token_from_arguments(parser.parse_args(argv), Settings()), options={"verify_signature": False})
    assert (claims.get("provider"), claims.get("staffCode"), claims.get("agency")) == (provider, staff_code, agency)
