"""``python -m api serve`` runs the service; ``python -m api token`` mints a development token."""

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
