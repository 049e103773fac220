# mali-caac: two commands on a fresh machine (Python 3.11 with pip and venv):
#   make figures   builds every figure (English and French, PNG, SVG and PDF) into figures/
#   make test      runs every test (library, data checks, notebooks under nbval)
#   make lab       installs JupyterLab (the `lab` extra, pinned) and opens notebooks/ in it
#   make site      the published report, English and French, in build/site/ (after make figures)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SITE_STAMP := $(VENV)/.installed-site

# Keep matplotlib and Jupyter from writing to the home folder.
export MPLBACKEND := agg
export MPLCONFIGDIR := $(CURDIR)/.cache/matplotlib
export IPYTHONDIR := $(CURDIR)/.cache/ipython
export JUPYTER_CONFIG_DIR := $(CURDIR)/.cache/jupyter/config
export JUPYTER_DATA_DIR := $(CURDIR)/.cache/jupyter/data
export JUPYTER_RUNTIME_DIR := $(CURDIR)/.cache/jupyter/runtime
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: setup test figures site translations validate benchmark clean lab

$(STAMP): pyproject.toml constraints.txt
	mkdir -p $(MPLCONFIGDIR) $(IPYTHONDIR) $(JUPYTER_CONFIG_DIR) $(JUPYTER_DATA_DIR) $(JUPYTER_RUNTIME_DIR)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

setup: $(STAMP)

figures: $(STAMP)
	$(BIN)/mali-caac build

$(SITE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[site]'
	touch $@

site: $(SITE_STAMP)
	$(BIN)/mali-caac site

# Maintainers: after editing a notebook's prose, extract it into locales/fr/LC_MESSAGES/*.po, then translate.
translations: $(SITE_STAMP)
	$(BIN)/mali-caac translations

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile

benchmark: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[bench,site]'
	$(BIN)/python tools/benchmark.py
	$(BIN)/python tools/benchmark_data.py
	$(BIN)/python tools/benchmark_site.py

# JupyterLab is kept out of the set-up: it slows every import of jsonschema (and so pytest and papermill).
LAB_STAMP := $(VENV)/.lab-installed
$(LAB_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[lab]'
	touch $@

LAB_ARGS ?=  # e.g. --no-browser --ServerApp.port=8890
lab: $(LAB_STAMP)
	JUPYTERLAB_SETTINGS_DIR=$(CURDIR)/.cache/jupyter/lab/settings \
	JUPYTERLAB_WORKSPACES_DIR=$(CURDIR)/.cache/jupyter/lab/workspaces \
	$(BIN)/jupyter lab --ServerApp.root_dir=$(CURDIR)/notebooks $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

validate: $(STAMP)
	$(BIN)/mali-caac validate

clean:
	rm -rf build .cache .pytest_cache
