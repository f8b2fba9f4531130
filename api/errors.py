"""The one shape of every error the HTTP edge answers itself (before or instead of GraphQL):
``{"errors": [{"message", "extensions": {"code", ...}}]}`` as ``application/json``. Messages are
fixed text chosen by the server: nothing the client sent is echoed back."""

from __future__ import annotations

from starlette.responses import JSONResponse


def error_response(status: int, code: str, message: str, *, headers: dict[str, str] | None = None,
                   **extensions: str) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code, **extensions}}]},
                        status_code=status, headers=headers)
