"""The development-token command (``python -m api token``; issue 17, api.token survivors): what
``--help`` promises (each default), that it refuses unknown values, and that it refuses to mint in
production."""

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from api.token import main
from domain.core.enums import Agency, Provider, Role


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # argparse wraps help to the terminal: keep each option on one line


def help_text(capsys) -> str:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    return " ".join(capsys.readouterr().out.split()) + " "


@pytest.mark.parametrize("option_help", [
    " A role to grant (repeat for several). Default: PRACTITIONER. ",
    " --provider {NPS,CRC} Provider (default NPS for a PRACTITIONER or SENIOR_MANAGER, none for other roles). ",
    " --staff-code STAFF_CODE Staff code (default N07A001 for a PRACTITIONER or SENIOR_MANAGER, none for other roles). ",
    " Partner agency (PARTNER role). ",
    " --subject SUBJECT Token subject (default: dev-<role>, e.g. dev-senior-manager). ",
    " --name NAME Display name (default: Dev <Role>, e.g. Dev Senior Manager). ",
    " --hours HOURS Lifetime in hours (default 8). ",
])
def test_help_states_each_option_s_default(capsys, option_help):
    assert option_help in help_text(capsys)


def test_help_says_the_tokens_are_for_development_only(capsys):
    text = help_text(capsys)
    assert " Mint a development token: " in text
    assert " HS256 with AUTH_JWT_SECRET: for development and tests only; production tokens come from the identity provider. " in text


def test_help_lists_the_roles_and_agencies_offered(capsys):
    text = help_text(capsys)
    for option, enum in [("--role", Role), ("--provider", Provider), ("--agency", Agency)]:
        assert f" {option} {{{','.join(member.value for member in enum)}}} " in text


@pytest.mark.parametrize("argv", [["--role", "JUDGE"], ["--provider", "ACME"], ["--agency", "MI5"]])
def test_an_unknown_role_provider_or_agency_is_refused(capsys, argv):
    with pytest.raises(SystemExit) as refused:
        main(argv)
    assert refused.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_a_token_lasts_eight_hours_by_default(capsys):
    main([])
    claims = jwt.decode(capsys.readouterr().out.strip(), options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 8 * 3600


def test_no_development_token_is_minted_in_production(capsys, monkeypatch):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    pem = key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    # Production settings that load: an asymmetric algorithm with its public key, and a MongoDB URI
    # (never connected to: the command only reads settings).
    monkeypatch.setenv("ENVIRONMENT", "production")
    monkeypatch.setenv("AUTH_JWT_ALGORITHMS", '["RS256"]')
    monkeypatch.setenv("AUTH_JWT_PUBLIC_KEY", pem)
    monkeypatch.setenv("MONGODB_URI", "mongodb://db.invalid:27017")
    with pytest.raises(SystemExit) as refused:
        main(["--role", "ADMIN"])
    captured = capsys.readouterr()
    assert refused.value.code == 2 and captured.out == ""
    assert captured.err.endswith(" error: development tokens are not minted in production\n")
