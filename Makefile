# Thin front over CMake. The README's two commands:
#   make run   — set up, build, run the main job on the bundled sample (examples/), print where outputs are
#   make test  — set up, build, run every test
BUILD ?= build
JOBS ?= $(shell nproc)
OUT ?= out/sample
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: setup configure build run test bench clean

setup:
	@bash scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) > /dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/cli/dateline run examples/articles -o $(OUT)
	@echo "outputs in $(OUT)/ (events.jsonl, events.tsv, timeline.md, timeline.html, dateline.db, run.json, rejected.jsonl)"
	@echo "browse them: ./$(BUILD)/cli/dateline serve --db $(OUT)/dateline.db   then open http://127.0.0.1:8080/"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	bash bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD)
