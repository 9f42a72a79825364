# syntax=docker/dockerfile:1
# Summit KB's API. The image carries the seed loaded into SQLite, so `docker run` serves at once;
# set DATABASE_URL to serve from PostgreSQL instead (README, "Deployment").
# scripts/docker-steps.sh runs these same steps without a container engine.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH=/opt/venv/bin:$PATH
WORKDIR /app
RUN python -m venv /opt/venv
# Dependencies from pyproject.toml first, against an empty package, so that a change to the code
# alone reuses this layer. The install is editable: migrations, alembic.ini and seed/ stay in /app.
COPY pyproject.toml README.md ./
RUN mkdir app && touch app/__init__.py && pip install --no-cache-dir -e ".[postgres]"
COPY app ./app
COPY alembic.ini ./
COPY migrations ./migrations
COPY seed ./seed
ENV DATABASE_URL=sqlite:////app/var/summitkb.db
RUN summitkb migrate && summitkb load seed

FROM ${PYTHON_IMAGE} AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    DATABASE_URL=sqlite:////app/var/summitkb.db \
    LOG_FORMAT=json \
    PROMETHEUS_MULTIPROC_DIR=/tmp/summitkb-metrics
RUN groupadd --system --gid 10001 summitkb \
    && useradd --system --no-log-init --uid 10001 --gid 10001 --home-dir /app \
        --shell /usr/sbin/nologin summitkb \
    && mkdir /tmp/summitkb-metrics && chown 10001:10001 /tmp/summitkb-metrics
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app/alembic.ini ./
COPY --from=build /app/app ./app
COPY --from=build /app/migrations ./migrations
COPY --from=build /app/seed ./seed
# Only the database folder is writable (a new folder, so --chown applies to it too): SQLite keeps
# its WAL and shared-memory files beside the database.
COPY --from=build --chown=10001:10001 /app/var ./var
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["summitkb", "serve", "--host", "0.0.0.0", "--port", "8000"]
