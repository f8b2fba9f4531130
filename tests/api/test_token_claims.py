"""Tokens with missing or unusual claims (api/auth.py, issue 17): what each claim becomes on the
principal, and which claims refuse the token (INVALID_CLAIMS) rather than grant a narrower or a
wider scope by accident."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import jwt
import pytest

from api.auth import AuthenticationError, mint_token, principal_from_claims
from domain.core.enums import Agency, Provider, Role

BASE = {"sub": "u-1", "name": "Pat", "roles": ["PRACTITIONER"]}


def principal(**claims):
    return principal_from_claims({**BASE, **claims})


@pytest.mark.parametrize("claims, provider, agency, staff_code", [
    ({}, None, None, None),  # no provider claim: sees no provider's cases
    ({"provider": ""}, None, None, None),
    ({"provider": None}, None, None, None),
    ({"provider": "CRC"}, Provider.CRC, None, None),
    ({"provider": "NPS", "staffCode": "N07A001"}, Provider.NPS, None, "N07A001"),
    ({"roles": ["PARTNER"], "agency": "POLICE"}, None, Agency.POLICE, None),
    ({"agency": ""}, None, None, None),
    ({"agency": "PRISON"}, None, Agency.PRISON, None),
])
def test_each_claim_becomes_the_principal_s_scope(claims, provider, agency, staff_code):
    p = principal(**claims)
    assert (p.provider, p.agency, p.staff_code) == (provider, agency, staff_code)


@pytest.mark.parametrize("claims", [
    {"roles": []}, {"roles": ["SUPERUSER"]}, {"roles": "PRACTITIONER"}, {"roles": ["PRACTITIONER", "ROOT"]},
    {"provider": "MOJ"}, {"provider": 7}, {"agency": "FBI"},
    {"name": ""}, {"name": "   "}, {"name": 42}, {"name": None},
    {"roles": ["PARTNER"]},  # a partner must name its agency
])
def test_an_unusual_claim_refuses_the_token(claims):
    with pytest.raises(AuthenticationError) as refused:
        principal(**claims)
    assert refused.value.reason == "INVALID_CLAIMS"


def test_a_bad_claim_value_is_kept_for_the_debug_log_only():
    with pytest.raises(AuthenticationError) as refused:
        principal(agency="FBI")
    assert "FBI" in refused.value.detail and "FBI" not in str(refused.value)


def test_minted_tokens_carry_exactly_the_claims_given():
    issued = datetime(2026, 11, 20, 9, tzinfo=timezone.utc)
    token = mint_token("s" * 40, subject="u-1", name="Pat", roles=["PARTNER"], issuer="i", audience="a",
                       provider="NPS", staff_code="N1", agency="POLICE", now=issued)
    claims = jwt.decode(token, "s" * 40, algorithms=["HS256"], audience="a", options={"verify_exp": False})
    assert claims == {"sub": "u-1", "name": "Pat", "roles": ["PARTNER"], "iss": "i", "aud": "a", "provider": "NPS",
                      "staffCode": "N1", "agency": "POLICE", "iat": int(issued.timestamp()),
                      "nbf": int(issued.timestamp()), "exp": int((issued + timedelta(hours=8)).timestamp())}
    bare = jwt.decode(mint_token("s" * 40, subject="u-2", name="Al", roles=["AUDITOR"], issuer="i", audience="a"),
                      "s" * 40, algorithms=["HS256"], audience="a")
    assert not {"provider", "staffCode", "agency"} & set(bare)


def test_the_token_command_mints_the_asked_claims(capsys):
    from api.settings import Settings
    from api.token import main
    main(["--role", "PARTNER", "--agency", "PRISON", "--hours", "2", "--name", "Parole Desk", "--subject", "prison-1"])
    token = capsys.readouterr().out.strip()
    claims = jwt.decode(token, options={"verify_signature": False})
    assert (claims["sub"], claims["name"], claims["roles"], claims["agency"]) == ("prison-1", "Parole Desk", ["PARTNER"],
                                                                                 "PRISON")
    assert "provider" not in claims and "staffCode" not in claims and claims["exp"] - claims["iat"] == 7200
    main(["--provider", "CRC", "--staff-code", "C12A004"])
    claims = jwt.decode(capsys.readouterr().out.strip(), options={"verify_signature": False})
    assert (claims["roles"], claims["provider"], claims["staffCode"]) == (["PRACTITIONER"], "CRC", "C12A004")
    assert claims["iss"] == Settings().auth_jwt_issuer and claims["aud"] == Settings().auth_jwt_audience
