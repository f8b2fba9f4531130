"""``python -m api serve`` runs the service; ``python -m api token`` mints a development token;
``python -m api tiers recalculate`` recalculates every case's tier (after a rule version change);
``python -m api jobs run-once`` runs the daily job once (cron-style deployments; docs/events.md)."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m api")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="Run the service with uvicorn.")
    serve.add_argument("--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1; 0.0.0.0 in a container).")
    serve.add_argument("--port", type=int, default=8000, help="Port to listen on (default 8000).")
    from api.token import add_arguments, token_from_arguments

    add_arguments(commands.add_parser("token", help="Print a development bearer token."))
    tiers = commands.add_parser("tiers", help="Tier maintenance (TIER-1).")
    tiers.add_argument("action", choices=["recalculate"],
                       help="recalculate: every case's tier, recording RULES_CHANGED where the rule version changed.")
    jobs = commands.add_parser("jobs", help="The daily job (time-driven recalculation, docs/events.md).")
    jobs.add_argument("action", choices=["run-once"],
                      help="run-once: run it now (cron-style deployments; takes the same lease as the in-process loop).")
    arguments = parser.parse_args(argv)

    from api.settings import ConfigurationError, load_settings

    try:
        settings = load_settings()
    except ConfigurationError as error:
        sys.exit("\n".join(error.lines))
    if arguments.command == "token":
        if settings.environment == "production":
            sys.exit("Development tokens are not minted in production.")
        print(token_from_arguments(arguments, settings))
        return
    if arguments.command == "tiers":
        import asyncio

        from api.tiers import recalculate_all
        from domain.core.ports import SystemClock
        from domain.risk.tiering import RULE_VERSION

        if settings.embedded_store:
            print("Warning: no MONGODB_URI, so this runs on an empty embedded store (nothing to recalculate).",
                  file=sys.stderr)
        counts = asyncio.run(recalculate_all(settings, SystemClock()))
        print(f"Rule version {RULE_VERSION}: {counts['cases']} cases read, {counts['recalculated']} recalculated, "
              f"{counts['failed']} failed.")
        if counts["failed"]:
            sys.exit(1)
        return

    if arguments.command == "jobs":
        import asyncio

        from api.jobs import run_from_settings

        if settings.embedded_store:
            print("Warning: no MONGODB_URI, so this runs on an empty embedded store (nothing to do).", file=sys.stderr)
        counts = asyncio.run(run_from_settings(settings))
        if counts is None:
            sys.exit("Another instance holds the daily-job lease (it is running now); nothing done.")
        print(" ".join(f"{name}={value}" for name, value in counts.items()))
        if counts["failed"]:
            sys.exit(1)
        return

    import uvicorn

    if settings.environment == "development" and "HS256" in settings.auth_jwt_algorithms:
        practitioner = token_from_arguments(argparse.Namespace(
            role=None, provider="NPS", staff_code="N07A001", agency=None, subject=None, name=None, hours=8.0), settings)
        admin = token_from_arguments(argparse.Namespace(
            role=["ADMIN"], provider=None, staff_code=None, agency=None, subject=None, name=None, hours=8.0), settings)
        print("\nDevelopment tokens (valid 8 hours). In GraphiQL, open Headers and paste one:\n"
              f'  PRACTITIONER, NPS (sees NPS and unallocated cases):\n  {{"Authorization": "Bearer {practitioner}"}}\n'
              f'  ADMIN (sees and changes every case):\n  {{"Authorization": "Bearer {admin}"}}\n'
              "Other roles: .venv/bin/python -m api token --role SENIOR_MANAGER (or PARTNER --agency POLICE, AUDITOR, ...)\n"
              f"GraphiQL: http://{arguments.host}:{arguments.port}/graphql\n", flush=True)
    # Logging is set up by api.app (log_config=None keeps uvicorn's own out of the way); the
    # middleware writes the access log. Graceful shutdown is api.lifecycle's: by the time uvicorn
    # hears SIGTERM the requests in flight have had their grace period.
    uvicorn.run("api.app:app", host=arguments.host, port=arguments.port, proxy_headers=False, log_config=None,
                access_log=False, timeout_graceful_shutdown=1)


if __name__ == "__main__":
    main()
