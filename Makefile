# The two commands that matter: `make run` and `make test`. Both install what is missing first.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
LISTEN ?= 127.0.0.1:8080
DB ?= sqlite:disha.db

CMAKE_FLAGS = -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

.PHONY: setup configure build run test test-unit bench fuzz clean format

setup:
	@scripts/setup

configure: setup
	@cmake $(CMAKE_FLAGS) > /dev/null

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/src/disha serve --seed --listen $(LISTEN) --db $(DB)

# Every test: unit, integration on SQLite and on a throwaway PostgreSQL server.
test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

test-unit: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS) -L unit

# Load and micro benchmarks; writes docs/benchmarks.md.
bench: configure
	@scripts/setup bench
	cmake --build $(BUILD_DIR) -j $(JOBS) --target disha benchmarks
	bench/run $(BUILD_DIR)

# Each fuzz target for five minutes.
fuzz: build
	for target in http_request graphql_parse graphql_validate; do \
	  tests/fuzz/run $(BUILD_DIR)/fuzz $$target -max_total_time=300 || exit 1; \
	done

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD_DIR)
