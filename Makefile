# crosscheck — top-level commands. `make demo` and `make test` are all a newcomer needs.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
CROSSCHECK = $(BUILD_DIR)/crosscheck

PREFIX ?= /usr/local

.PHONY: all deps build demo test bench clean format asan install

all: build

deps:
	@./scripts/install-deps

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	@mkdir -p $(BUILD_DIR)/demo
	$(CROSSCHECK) analyze examples/paris-talks --md $(BUILD_DIR)/demo/report.md \
	  --html $(BUILD_DIR)/demo/report.html --json $(BUILD_DIR)/demo/report.json
	@cat $(BUILD_DIR)/demo/report.md
	@echo
	@echo "HTML report: $(BUILD_DIR)/demo/report.html   JSON report: $(BUILD_DIR)/demo/report.json"

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

bench: build
	./bench/run $(BUILD_DIR)

# The binary, models and data files under $(PREFIX) (bin/, share/crosscheck/).
install: build
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

asan:
	$(MAKE) test BUILD_DIR=build-asan BUILD_TYPE=Debug CMAKE_FLAGS=-DCROSSCHECK_SANITIZE=ON

format:
	find src bench -name '*.cc' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) build-asan
