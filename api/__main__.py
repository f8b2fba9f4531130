"""``python -m api serve`` runs the service; ``python -m api token`` mints a development token."""

from __future__ import annotations

import argparse
import sys

from pydantic import ValidationError


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m api")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="Run the service with uvicorn.")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    from api.token import add_arguments, token_from_arguments

    add_arguments(commands.add_parser("token", help="Print a development bearer token."))
    arguments = parser.parse_args(argv)

    from api.settings import Settings

    try:
        settings = Settings()
    except ValidationError as error:
        sys.exit("\n".join(f"Configuration error: {e['msg']}" for e in error.errors()))
    if arguments.command == "token":
        if settings.environment == "production":
            sys.exit("Development tokens are not minted in production.")
        print(token_from_arguments(arguments, settings))
        return

    import uvicorn

    if settings.environment == "development":
        token_arguments = argparse.Namespace(role=None, provider="NPS", staff_code="N07A001", agency=None,
                                             subject="dev-practitioner", name="Dev Practitioner", hours=8.0)
        token = token_from_arguments(token_arguments, settings)
        print("\nDevelopment token (PRACTITIONER, NPS, valid 8 hours). In GraphiQL, open Headers and paste:\n"
              f'  {{"Authorization": "Bearer {token}"}}\n'
              f"GraphiQL: http://{arguments.host}:{arguments.port}/graphql\n", flush=True)
    uvicorn.run("api.app:app", host=arguments.host, port=arguments.port, proxy_headers=False)


if __name__ == "__main__":
    main()
