# syntax=docker/dockerfile:1
# Multi-stage: dependencies are installed before the source is copied, so a source change does not
# reinstall them. Runs as a non-root user with production settings by default: it needs MONGODB_URI
# and an RS256/ES256 verification key (AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_FILE); see the README.
# scripts/check_image_recipe.sh runs these build steps in a fresh venv where Docker is unavailable.

FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /build
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY pyproject.toml constraints.txt ./
# Install the pinned dependencies alone first (cached layer), then the project itself.
RUN python - <<'PY' > requirements.txt
import tomllib
print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))
PY
RUN pip install -c constraints.txt -r requirements.txt
COPY README.md ./
COPY api ./api
COPY schema ./schema
COPY resolvers ./resolvers
COPY domain ./domain
COPY repositories ./repositories
RUN pip install --no-deps .

FROM python:3.11-slim AS runtime
RUN useradd --system --uid 10001 --home-dir /app probation
COPY --from=build /opt/venv /opt/venv
# GET /info reports it: docker build --build-arg GIT_COMMIT="$(git rev-parse HEAD)" .
ARG GIT_COMMIT=unknown
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    ENVIRONMENT=production \
    GRAPHIQL=false \
    GIT_COMMIT=$GIT_COMMIT
WORKDIR /app
USER probation
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health/live', timeout=2).status == 200 else 1)"
# The app writes the access log itself (JSON, with the request id) and drains on SIGTERM for
# SHUTDOWN_GRACE_SECONDS before uvicorn stops; give `docker stop -t` / the orchestrator more than that.
STOPSIGNAL SIGTERM
CMD ["uvicorn", "api.app:app", "--host", "0.0.0.0", "--port", "8000", "--proxy-headers", "--no-access-log", \
     "--timeout-graceful-shutdown", "1"]
