# One command installs everything, one runs the tests (README, .ci/run).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: setup test bench clean

# Debian packages: headless Chromium (and a font) for the browser tests of the web view.
DEBIAN_PACKAGES = chromium fonts-dejavu-core

setup:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(DEBIAN_PACKAGES); \
	  else echo "make setup: run 'apt-get install $(DEBIAN_PACKAGES)' as root for the browser tests"; fi; \
	fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	# The CPU build of torch first: a bare "torch" requirement would pull several GB of CUDA.
	$(BIN)/pip install "torch==2.13.0"
	$(BIN)/pip install -e ".[dev]"

test:
	$(BIN)/ruff check quotes tests scripts benchmarks
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
