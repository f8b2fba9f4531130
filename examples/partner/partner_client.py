"""A partner agency's client for the probation case records API, with a standard GraphQL client
library (gql over its httpx transport): discover what your agency may ask (``sharingPolicy``),
then fetch the shared risk summaries of a batch of CRNs (``sharedRiskSummaries``, at most
``maxBatchSize`` per request, so a longer list is sent in chunks) and print one line per CRN.

    python examples/partner/partner_client.py --url http://127.0.0.1:8000/graphql \\
        --purpose PUBLIC_PROTECTION D000001 D000002 D000003 X999999

The token: your identity provider issues it (``--token`` or the PROBATION_TOKEN variable). Against a
development server only, the client can mint one itself from the server's development secret
(``--dev-secret`` or AUTH_JWT_SECRET) for the agency you name (``--agency``): an HS256 token with the
claims a partner token carries (sub, name, roles: [PARTNER], agency, iss, aud, exp).

It needs only ``gql[httpx]`` (and PyJWT to mint a development token); nothing from the service.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from datetime import datetime, timedelta, timezone

from gql import Client, gql
from gql.transport.exceptions import TransportQueryError
from gql.transport.httpx import HTTPXAsyncTransport

POLICY = gql("""
query SharingPolicy {
  sharingPolicy { agency purposes fields withheldFields rowFilter maxBatchSize }
}""")

SUMMARIES = gql("""
query SharedRiskSummaries($crns: [String!]!, $purpose: SharingPurpose!) {
  sharedRiskSummaries(crns: $crns, purpose: $purpose) {
    crn
    summary {
      caseVersion updatedAt
      pncNumber dateOfBirth
      roshLevel roshAssessedOn mappaCategory mappaLevel
      safeguarding restrictions { type startsOn endsOn details }
      managingProvider withheldFields
    }
  }
}""")


def development_token(secret: str, agency: str, *, issuer: str = "probation-case-records",
                      audience: str = "probation-case-records", hours: float = 1) -> str:
    """A development partner token (HS256). Production tokens come from the identity provider."""
    import jwt

    now = datetime.now(tz=timezone.utc)
    claims = {"sub": f"partner-{agency.lower()}", "name": f"{agency.replace('_', ' ').title()} (example client)",
              "roles": ["PARTNER"], "agency": agency, "iss": issuer, "aud": audience,
              "iat": now, "nbf": now, "exp": now + timedelta(hours=hours)}
    return jwt.encode(claims, secret, algorithm="HS256")


def describe(result: dict) -> str:
    """One line for one CRN. A null summary means: no case you may see under that CRN (unknown,
    malformed, outside your agency's row filter, or restricted: the API does not say which)."""
    summary = result["summary"]
    if summary is None:
        return f"{result['crn']}: no case you may see"
    withheld = set(summary["withheldFields"])

    def shown(field: str, text: str) -> str:
        return f"{field} withheld" if field in withheld else text

    rosh = shown("roshLevel", f"RoSH {summary['roshLevel']} (assessed {summary['roshAssessedOn']})"
                 if summary["roshLevel"] else "RoSH not assessed")
    mappa = shown("mappaCategory", f"MAPPA {summary['mappaCategory']}/{summary['mappaLevel']}"
                  if summary["mappaCategory"] else "no MAPPA")
    restrictions = "; ".join(f"{r['type']} {r['startsOn']}..{r['endsOn']}" for r in summary["restrictions"]) or "none"
    who = (f"{shown('pncNumber', 'PNC ' + (summary['pncNumber'] or 'none recorded'))}, "
           f"{shown('dateOfBirth', 'born ' + str(summary['dateOfBirth']))}")
    return (f"{result['crn']} (v{summary['caseVersion']}, as of {summary['updatedAt']}): {who}; {rosh}; {mappa}; "
            f"{shown('safeguarding', 'safeguarding ' + (', '.join(summary['safeguarding']) or 'none'))}; "
            f"{shown('restrictions', 'restrictions ' + restrictions)}; "
            f"{shown('managingProvider', 'managed by ' + (summary['managingProvider'] or 'not allocated yet'))}")


async def fetch(url: str, token: str, purpose: str, crns: list[str]) -> tuple[dict, list[dict]]:
    transport = HTTPXAsyncTransport(url=url, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    async with Client(transport=transport) as session:
        policy = (await session.execute(POLICY))["sharingPolicy"]
        if purpose not in policy["purposes"]:
            raise SystemExit(f"{policy['agency']} may not ask for {purpose}; it may ask for: {', '.join(policy['purposes'])}")
        results: list[dict] = []
        size = policy["maxBatchSize"]
        for start in range(0, len(crns), size):
            chunk = crns[start:start + size]
            answer = await session.execute(SUMMARIES, variable_values={"crns": chunk, "purpose": purpose})
            results += answer["sharedRiskSummaries"]  # in the order asked
        return policy, results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("crns", nargs="+", help="Case reference numbers (any number: sent in batches).")
    parser.add_argument("--url", default="http://127.0.0.1:8000/graphql")
    parser.add_argument("--purpose", default="RISK_MANAGEMENT", help="Why you need them (REC-4), e.g. PUBLIC_PROTECTION.")
    parser.add_argument("--token", default=os.environ.get("PROBATION_TOKEN"), help="A partner bearer token.")
    parser.add_argument("--dev-secret", default=os.environ.get("AUTH_JWT_SECRET"),
                        help="Development only: mint a token with the server's secret instead.")
    parser.add_argument("--agency", default="POLICE", help="The agency of a minted development token.")
    arguments = parser.parse_args(argv)
    token = arguments.token or (development_token(arguments.dev_secret, arguments.agency) if arguments.dev_secret else None)
    if token is None:
        parser.error("give --token (or PROBATION_TOKEN), or --dev-secret (or AUTH_JWT_SECRET) against a development server")
    try:
        policy, results = asyncio.run(fetch(arguments.url, token, arguments.purpose, arguments.crns))
    except TransportQueryError as error:  # a GraphQL error: its extensions.code says which (FORBIDDEN, BAD_USER_INPUT)
        raise SystemExit(f"refused: {error.errors}") from None
    print(f"{policy['agency']}: purposes {', '.join(policy['purposes'])}; receives {', '.join(policy['fields'])}; "
          f"cases: {policy['rowFilter']}")
    for result in results:
        print(describe(result))


if __name__ == "__main__":
    sys.exit(main())
