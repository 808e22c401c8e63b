# Two commands for a newcomer: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
# Python 3.10 (Rasa 3.6 needs < 3.11): PATH first, then pyenv's copy.
PYTHON310 ?= $(shell for p in python3.10 $$HOME/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10; do \
	"$$p" -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1 && { echo "$$p"; break; }; done)

RASA_DATA := $(shell find data -type f -name '*.yml' -not -path 'data/tagger/*' 2>/dev/null)
RASA_MODEL := models/rasa/consultation.tar.gz
TAGGER_DATA := $(shell find data/tagger -type f 2>/dev/null) $(shell find bot/tagging -name '*.py' -o -name '*.yml' 2>/dev/null)
TAGGER_MODEL := models/tagger/meta.json
SEEDS := $(wildcard seeds/*.yml)
# Removing a training file changes no modification time, so each model also depends on a
# list of its input files, rewritten only when that list changes: a deleted file retrains.
define input_list
$(shell mkdir -p models && printf '%s\n' $(sort $(2)) > $(1).new && \
	{ cmp -s $(1).new $(1) && rm -f $(1).new || mv $(1).new $(1); })
endef
$(call input_list,models/.rasa-inputs,$(RASA_DATA))
$(call input_list,models/.tagger-inputs,$(TAGGER_DATA))

export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 3

.PHONY: setup train run test test-fast lint validate benchmark clean setup-production run-production

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	@test -n "$(PYTHON310)" || { echo "Python 3.10 not found (Rasa 3.6 needs it)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON310) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip==24.3.1" "wheel==0.45.1"
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	$(BIN)/python -m bot.tagging.assets
	touch $@

train: $(RASA_MODEL) $(TAGGER_MODEL)

$(TAGGER_MODEL): $(VENV)/.installed $(TAGGER_DATA) $(SEEDS) models/.tagger-inputs
	$(BIN)/bucks-lis train-tagger

$(RASA_MODEL): $(VENV)/.installed $(RASA_DATA) config.yml domain.yml $(SEEDS) models/.rasa-inputs
	$(BIN)/rasa train --domain domain.yml --data data --config config.yml \
		--out models/rasa --fixed-model-name consultation

run: setup train
	$(BIN)/bucks-lis run

# The production topology on this machine (bot/production/): Debian's PostgreSQL, Redis and
# HAProxy (as root), then RASA_REPLICAS Rasa replicas and ACTION_SERVERS action servers
# behind http://localhost:$${PUBLIC_PORT:-8080}. The Debian services stay stopped: we run our own.
setup-production: setup
	command -v haproxy >/dev/null && command -v redis-server >/dev/null \
	  && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends postgresql redis-server haproxy >/dev/null; }
	-(service postgresql stop; service redis-server stop; service haproxy stop) >/dev/null 2>&1

run-production: setup-production train
	$(BIN)/bucks-lis run-production

validate: setup
	$(BIN)/rasa data validate --domain domain.yml --data data --fail-on-warnings

lint: setup
	$(BIN)/ruff check bot actions tests benchmarks
	$(BIN)/ruff format --check bot actions tests benchmarks
	$(BIN)/mypy

test: setup train lint
	$(BIN)/rasa data validate --domain domain.yml --data data --fail-on-warnings
	$(BIN)/pytest -q -ra --durations=15

test-fast: setup
	$(BIN)/pytest -q -m "not slow and not browser"

benchmark: setup train
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf models/rasa models/tagger models/tagger-previous var .pytest_cache
