"""Which key verifies a token (issue 17, api.auth survivors): HS256 with the secret, RS256/ES256 with
the configured public key, or the JWKS key its ``kid`` names (a file, or a URL fetched and cached),
and which reason code each library error becomes. A JWKS URL is served by a local HTTP server
(TEST_JWKS_PORT, default: any free port)."""

import json
import os
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from pydantic import SecretStr

from api.auth import REASONS, AuthenticationError, TokenVerifier, mint_token, verifier_from_settings
from api.settings import Settings

ISSUER, AUDIENCE = "https://idp.example/probation", "probation-case-records"
SECRET = "a-development-secret-long-enough-0123456789"
RSA_A = rsa.generate_private_key(public_exponent=65537, key_size=2048)
RSA_B = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC_KEY = ec.generate_private_key(ec.SECP256R1())


def pem_public(key) -> str:
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def jwk(key, kid: str, **extra) -> dict:
    algorithm = jwt.algorithms.ECAlgorithm if isinstance(key, ec.EllipticCurvePrivateKey) else jwt.algorithms.RSAAlgorithm
    return {**json.loads(algorithm.to_jwk(key.public_key())), "kid": kid, "use": "sig", **extra}


def token(key=RSA_A, algorithm="RS256", kid=None, now=None, lifetime=timedelta(minutes=10)):
    return mint_token(key, subject="u-7", name="Sam", roles=["PRACTITIONER"], issuer=ISSUER, audience=AUDIENCE,
                      provider="NPS", algorithm=algorithm, now=now, lifetime=lifetime,
                      headers={"kid": kid} if kid else None)


def verifier(**overrides) -> TokenVerifier:
    base = dict(secret=SECRET, issuer=ISSUER, audience=AUDIENCE, algorithms=("RS256", "ES256"))
    return TokenVerifier(**{**base, **overrides})


def refusal(verifier_: TokenVerifier, token_: str) -> AuthenticationError:
    with pytest.raises(AuthenticationError) as refused:
        verifier_.principal_from_token(token_)
    assert str(refused.value) == REASONS[refused.value.reason]
    return refused.value


# HS256 and the public key.

def test_hs256_tokens_are_verified_with_the_secret():
    hs = verifier(algorithms=("HS256",), public_key=pem_public(RSA_A))
    assert hs.principal_from_token(mint_token(SECRET, subject="u-1", name="Al", roles=["ADMIN"], issuer=ISSUER,
                                              audience=AUDIENCE)).subject == "u-1"
    forged = mint_token("another-secret-of-the-same-good-length-98765", subject="u-1", name="Al", roles=["ADMIN"],
                        issuer=ISSUER, audience=AUDIENCE)
    assert refusal(hs, forged).reason == "BAD_SIGNATURE"


def test_the_public_key_is_used_even_when_a_jwks_is_configured_too():
    both = verifier(public_key=pem_public(RSA_A), jwks={"keys": [jwk(RSA_B, "b")]})
    assert both.principal_from_token(token(RSA_A, kid="b")).subject == "u-7"
    assert refusal(both, token(RSA_B, kid="b")).reason == "BAD_SIGNATURE"


def test_an_es256_token_verifies_with_an_ec_public_key():
    assert verifier(public_key=pem_public(EC_KEY)).principal_from_token(token(EC_KEY, "ES256")).name == "Sam"


def test_an_algorithm_outside_the_accepted_list_is_refused_before_any_key_is_chosen():
    rs_only = verifier(algorithms=("RS256",), public_key=pem_public(EC_KEY))
    assert refusal(rs_only, token(EC_KEY, "ES256")).reason == "ALGORITHM_NOT_ACCEPTED"


def test_without_any_configured_key_an_asymmetric_token_names_no_known_key():
    assert refusal(verifier(), token()).reason == "UNKNOWN_KEY"


# A JWKS document (AUTH_JWKS_FILE).

TWO_KEYS = {"keys": [jwk(RSA_A, "a"), jwk(RSA_B, "b"), jwk(EC_KEY, "e")]}


@pytest.mark.parametrize("key, algorithm, kid", [(RSA_A, "RS256", "a"), (RSA_B, "RS256", "b"), (EC_KEY, "ES256", "e")])
def test_the_jwks_key_named_by_kid_verifies_the_token(key, algorithm, kid):
    assert verifier(jwks=TWO_KEYS).principal_from_token(token(key, algorithm, kid=kid)).subject == "u-7"


def test_a_token_verified_against_another_kid_s_key_has_a_bad_signature():
    assert refusal(verifier(jwks=TWO_KEYS), token(RSA_B, kid="a")).reason == "BAD_SIGNATURE"


def test_a_kid_the_jwks_does_not_hold_is_an_unknown_key():
    assert refusal(verifier(jwks=TWO_KEYS), token(RSA_A, kid="z")).reason == "UNKNOWN_KEY"


def test_a_token_without_kid_is_checked_against_the_first_jwks_key():
    jwks = verifier(jwks=TWO_KEYS)
    assert jwks.principal_from_token(token(RSA_A)).subject == "u-7"
    assert refusal(jwks, token(RSA_B)).reason == "BAD_SIGNATURE"


def settings(**values) -> Settings:
    return Settings(auth_jwt_issuer=ISSUER, auth_jwt_audience=AUDIENCE, **values)


def test_the_verifier_takes_every_setting():
    built = verifier_from_settings(settings(auth_jwt_secret=SecretStr(SECRET), auth_clock_skew_seconds=7,
                                            auth_jwt_algorithms=["RS256", "ES256"],
                                            auth_jwt_public_key=SecretStr(pem_public(RSA_A)),
                                            auth_jwks_url="http://127.0.0.1:1/jwks.json"))
    assert (built.secret, built.issuer, built.audience, built.leeway_seconds, built.algorithms, built.public_key,
            built.jwks, built.jwks_url) == (SECRET, ISSUER, AUDIENCE, 7, ("RS256", "ES256"), pem_public(RSA_A), None,
                                            "http://127.0.0.1:1/jwks.json")
    bare = verifier_from_settings(settings())
    assert (bare.algorithms, bare.public_key, bare.jwks, bare.jwks_url) == (("HS256",), None, None, None)


def test_the_jwks_file_is_read_once_at_start_up(tmp_path):
    path = tmp_path / "jwks.json"
    path.write_text(json.dumps(TWO_KEYS))
    built = verifier_from_settings(settings(auth_jwt_algorithms=["RS256"], auth_jwks_file=str(path)))
    assert built.jwks == TWO_KEYS
    path.unlink()  # already read: tokens still verify
    assert built.principal_from_token(token(RSA_B, kid="b")).subject == "u-7"


@pytest.mark.parametrize("content, error", [
    (None, "FileNotFoundError"),
    ("{not json", "JSONDecodeError"),
    ('{"keys": []}', "PyJWKSetError"),
])
def test_an_unusable_jwks_file_stops_start_up_naming_the_setting(tmp_path, content, error):
    path = tmp_path / "jwks.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(ValueError) as refused:
        verifier_from_settings(settings(auth_jwt_algorithms=["RS256"], auth_jwks_file=str(path)))
    assert str(refused.value) == f"AUTH_JWKS_FILE: cannot read a JWKS document from {path} ({error})"
    assert refused.value.__cause__ is None and refused.value.__suppress_context__


def test_a_public_key_that_is_not_pem_stops_start_up():
    with pytest.raises(ValueError) as refused:
        verifier_from_settings(settings(auth_jwt_algorithms=["RS256"], auth_jwt_public_key=SecretStr("not a key")))
    assert str(refused.value) == "AUTH_JWT_PUBLIC_KEY: not a PEM public key"
    assert refused.value.__cause__ is None and refused.value.__suppress_context__


# A JWKS URL (AUTH_JWKS_URL): fetched on the first token, then cached.

class JwksServer:
    def __init__(self, document: dict) -> None:
        self.document, self.fetches = document, 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                server.fetches += 1
                body = json.dumps(server.document).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", int(os.environ.get("TEST_JWKS_PORT", "0"))), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/jwks.json"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@pytest.fixture
def jwks_server():
    server = JwksServer({"keys": [jwk(RSA_A, "a"), jwk(EC_KEY, "e")]})
    yield server
    server.close()


class Clock:
    """Stands in for the ``time`` module in PyJWT's JWKS cache, so a test can move past its lifespan."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


def test_the_jwks_url_is_fetched_once_for_many_tokens(jwks_server):
    from_url = verifier(jwks_url=jwks_server.url)
    assert jwks_server.fetches == 0  # nothing is fetched before the first token
    for key, algorithm, kid in [(RSA_A, "RS256", "a"), (EC_KEY, "ES256", "e"), (RSA_A, "RS256", "a")]:
        assert from_url.principal_from_token(token(key, algorithm, kid=kid)).subject == "u-7"
    assert jwks_server.fetches == 1


def test_a_key_withdrawn_from_the_jwks_url_is_refused_once_the_cached_set_expires(jwks_server, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(jwt.api_jwk, "time", clock)
    monkeypatch.setattr(jwt.jwk_set_cache, "time", clock)
    monkeypatch.setattr(jwt.jwks_client, "time", clock)
    from_url = verifier(jwks_url=jwks_server.url)
    assert from_url.principal_from_token(token(RSA_A, kid="a")).subject == "u-7"
    jwks_server.document = {"keys": [jwk(RSA_B, "b")]}  # the identity provider rotates its key
    assert from_url.principal_from_token(token(RSA_A, kid="a")).subject == "u-7"  # still cached
    clock.now += 301  # past the cached set's five minutes
    refused = refusal(from_url, token(RSA_A, kid="a"))
    assert refused.reason == "KEY_UNAVAILABLE" and '"a"' in refused.detail
    assert from_url.principal_from_token(token(RSA_B, kid="b")).subject == "u-7"
    assert jwks_server.fetches == 2


def test_a_kid_the_jwks_url_does_not_hold_cannot_be_fetched(jwks_server):
    refused = refusal(verifier(jwks_url=jwks_server.url), token(RSA_B, kid="b"))
    assert refused.reason == "KEY_UNAVAILABLE" and "Unable to find a signing key" in refused.detail


def test_an_unreachable_jwks_url_refuses_the_token_as_key_unavailable(jwks_server):
    url = jwks_server.url
    jwks_server.close()
    refused = refusal(verifier(jwks_url=url), token(RSA_A, kid="a"))
    assert refused.reason == "KEY_UNAVAILABLE" and "Fail to fetch data from the url" in refused.detail


# Each library error becomes its reason, keeping the library's words for the debug log only.

def claims_token(key=RSA_A, **claims) -> str:
    now = datetime.now(tz=timezone.utc)
    base = {"sub": "u-7", "name": "Sam", "roles": ["PRACTITIONER"], "iss": ISSUER, "aud": AUDIENCE,
            "iat": now, "exp": now + timedelta(minutes=10)}
    return jwt.encode({key_: value for key_, value in {**base, **claims}.items() if value is not None}, key,
                      algorithm="RS256")


@pytest.mark.parametrize("make, reason, detail", [
    (lambda: token(now=datetime.now(tz=timezone.utc) - timedelta(hours=1)), "TOKEN_EXPIRED", ""),
    (lambda: token(now=datetime.now(tz=timezone.utc) + timedelta(minutes=5)), "TOKEN_NOT_YET_VALID", ""),
    (lambda: token(RSA_B), "BAD_SIGNATURE", "Signature verification failed"),
    (lambda: claims_token(iss="https://evil.example"), "WRONG_ISSUER", "Invalid issuer"),
    (lambda: claims_token(aud="someone-else"), "WRONG_AUDIENCE", "Audience doesn't match"),
    (lambda: claims_token(exp=None), "MISSING_CLAIM", 'Token is missing the "exp" claim'),
    (lambda: claims_token(sub=None), "MISSING_CLAIM", 'Token is missing the "sub" claim'),
    (lambda: claims_token(iss=None), "MISSING_CLAIM", 'Token is missing the "iss" claim'),
    (lambda: claims_token(aud=None), "MISSING_CLAIM", 'Token is missing the "aud" claim'),
    (lambda: "not.a.jwt", "INVALID_TOKEN", "Invalid header padding"),
    (lambda: claims_token(exp="tomorrow"), "INVALID_TOKEN", "Expiration Time claim (exp) must be an integer"),
])
def test_each_library_error_has_its_reason(make, reason, detail):
    refused = refusal(verifier(public_key=pem_public(RSA_A)), make())
    assert refused.reason == reason
    if detail:
        assert detail in refused.detail
    else:  # expiry and not-before keep no detail: the reason says it all
        assert refused.detail == ""


def test_the_detail_kept_for_the_log_is_bounded_to_200_characters():
    assert AuthenticationError("INVALID_TOKEN", "x" * 500).detail == "x" * 200
    assert AuthenticationError("INVALID_TOKEN", "y" * 200).detail == "y" * 200
    assert AuthenticationError("TOKEN_EXPIRED").detail == ""


def test_a_minted_token_s_times_are_utc_whatever_the_local_zone(monkeypatch):
    import calendar
    import time

    monkeypatch.setenv("TZ", "Etc/GMT-5")  # five hours east of UTC
    time.tzset()
    try:
        claims = jwt.decode(token(), options={"verify_signature": False})
        now = calendar.timegm(time.gmtime())
    finally:
        monkeypatch.undo()
        time.tzset()
    assert abs(claims["iat"] - now) < 3600  # a local-time clock would be 5 hours out


def test_the_clock_skew_is_the_configured_leeway():
    early = token(now=datetime.now(tz=timezone.utc) + timedelta(seconds=60))
    assert refusal(verifier(public_key=pem_public(RSA_A)), early).reason == "TOKEN_NOT_YET_VALID"  # default 30 s
    assert verifier(public_key=pem_public(RSA_A), leeway_seconds=120).principal_from_token(early).subject == "u-7"


# The Authorization header.

@pytest.mark.parametrize("header", ["Bearer {t}", "bearer {t}", "BEARER {t}", "Bearer  {t}", "Bearer {t} "])
def test_the_bearer_scheme_is_case_insensitive_and_spaces_around_the_token_are_ignored(header):
    assert verifier(public_key=pem_public(RSA_A)).principal_from_header(header.format(t=token())).subject == "u-7"


@pytest.mark.parametrize("header, reason", [
    ("", "MISSING_TOKEN"), (None, "MISSING_TOKEN"), ("Bearer", "MALFORMED_HEADER"), ("Bearer   ", "MALFORMED_HEADER"),
    ("Basic {t}", "MALFORMED_HEADER"), ("Bearer {t} extra", "INVALID_TOKEN"),
])
def test_a_missing_or_malformed_header_is_refused(header, reason):
    with pytest.raises(AuthenticationError) as refused:
        verifier(public_key=pem_public(RSA_A)).principal_from_header(header.format(t=token()) if header else header)
    assert refused.value.reason == reason
