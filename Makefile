# parcours — GNU make, one Makefile, no recursion into directories.
#
#   make            build build/parcours
#   make demo       install what is missing, build, run on samples/
#   make check      install what tests need, run every test
#   make install    PREFIX=/usr/local DESTDIR=

PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/parcours
MANDIR   = $(PREFIX)/share/man/man1

VERSION  = 0.1.0
CC      ?= cc
B        = build

# pkg-config is expanded when a recipe runs, after `make deps` has had the
# chance to install the -dev packages.
PKGS     = libxml-2.0 libzip libcrypto libcurl libical zlib
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lcsv -lhyphen -lm

WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ifdef CI
WARN    += -Werror
endif
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) \
	     -DPARCOURS_VERSION='"$(VERSION)"' \
	     -DPARCOURS_DATADIR='"$(DATADIR)"' $(PKG_CFLAGS)

LIB_SRC  = $(filter-out gen/main.c,$(wildcard gen/*.c))
LIB_OBJ  = $(LIB_SRC:gen/%.c=$(B)/obj/%.o)
LIB      = $(B)/libparcours.a

# The rules layer (rules.md) and the pure helpers it needs: libc alone.
# `make check-rules` builds it and its tests without any pkg-config flag
# or library, so that a dependency creeping into the law fails there.
RULES_SRC = $(wildcard gen/rules_*.c) gen/date.c gen/dossier.c gen/arena.c \
	    gen/grow.c
RULES_OBJ = $(RULES_SRC:gen/%.c=$(B)/rules/obj/%.o)
RULES_LIB = $(B)/rules/librules.a
RULES_TEST_BIN = $(patsubst tests/unit/%.c,$(B)/rules/%, \
	$(wildcard tests/unit/test_rules_*.c))
RULES_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS)

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

# Debian packages: to build, and to run the tests with real readers.
# icc-profiles-free holds the sRGB profile that --pdfa embeds; libhyphen-dev
# and hyphen-fr the hyphenation of justified French text.
DEPS_BUILD = gcc make pkg-config libxml2-dev libzip-dev libhpdf-dev libssl-dev \
	     libcurl4-openssl-dev icc-profiles-free libcsv-dev libical-dev \
	     zlib1g-dev libhyphen-dev hyphen-fr
DEPS_TEST  = libcmocka-dev libxml2-utils poppler-utils qpdf unzip strace \
	     libreoffice-writer-nogui fonts-open-sans python3 \
	     clang libclang-rt-14-dev valgrind time openssl libnss3-tools \
	     chromium python3-icalendar clang-format-14

.PHONY: all check demo deps deps-build install clean unit golden seal \
	format lint check-rules check-messages fault
.DELETE_ON_ERROR:

all: $(B)/parcours

# Each object depends on the headers it includes, as the compiler saw them
# (-MMD); -MP keeps a removed header from breaking the build.
DEPFLAGS = -MMD -MP

$(B)/obj/%.o: gen/%.c | $(B)/obj
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/parcours: $(B)/obj/main.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(B)/tests/%: tests/unit/%.c $(LIB) | $(B)/tests
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -Igen -o $@ $< $(LIB) $(PKG_LIBS) -lcmocka

# libical's own check of the invitations (tests/ics/check.sh).
$(B)/tests/ics-check: tests/ics/ics_check.c | $(B)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(PKG_LIBS)

$(B)/rules/obj/%.o: gen/%.c | $(B)/rules/obj
	$(CC) $(RULES_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(RULES_LIB): $(RULES_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/rules/test_%: tests/unit/test_%.c $(RULES_LIB) | $(B)/rules/obj
	$(CC) $(RULES_CFLAGS) $(DEPFLAGS) -Igen -o $@ $< $(RULES_LIB) -lcmocka

$(B)/obj $(B)/tests $(B)/rules/obj:
	mkdir -p $@

deps:
	@sh tests/deps.sh $(DEPS_BUILD) $(DEPS_TEST)
	@sh tests/dashboard/deps.sh

deps-build:
	@sh tests/deps.sh $(DEPS_BUILD)

demo: deps-build
	@$(MAKE) --no-print-directory all
	$(B)/parcours validate samples/
	@echo "demo: every sample dossier is valid (build/parcours validate samples/)"
	$(B)/parcours all samples/ -o out
	@echo "demo: every document of every sample is in out/ (a directory per"
	@echo "      dossier, letters-merged.odt, status.csv, recap.csv, stats.csv;"
	@echo "      the campaign dashboard: open out/index.html in a browser);"
	@echo "      out/manifest.csv lists them: $(B)/parcours verify out/"

# The plain suites run with PARCOURS_MSG_TRACE set: every process they
# start appends the name of each message it prints to $(MSG_TRACE), and
# check-messages then fails on a message of gen/msg.h that none printed.
# The sanitizer and fuzz runs after them do not trace.
MSG_TRACE = $(B)/msg-trace

check: deps
	@rm -f $(MSG_TRACE)
	@PARCOURS_MSG_TRACE=$(CURDIR)/$(MSG_TRACE) $(MAKE) --no-print-directory \
		lint check-rules all unit golden seal fault
	@$(MAKE) --no-print-directory check-messages $(CHECK_EXTRA)

# Every message of the table was printed by some test of the plain suites
# (run `make check` first, which gathers $(MSG_TRACE)), or is listed with
# its reason in tests/msg/untested.txt; a message listed "not yet" that a
# test produces fails too, so that the list only shrinks, as does a
# listed name that is no message.
MSG_UNTESTED = tests/msg/untested.txt
check-messages: $(B)/tests/msg-names
	@[ -s $(MSG_TRACE) ] || { echo "check-messages: no $(MSG_TRACE):" \
		"run make check"; exit 1; }
	@$(B)/tests/msg-names | sort >$(MSG_TRACE).all
	@sort -u $(MSG_TRACE) >$(MSG_TRACE).seen
	@sed -n 's/^\(MSG_[A-Z0-9_]*\).*/\1/p' $(MSG_UNTESTED) | sort \
		>$(MSG_TRACE).listed
	@sort -m $(MSG_TRACE).seen $(MSG_TRACE).listed | \
		comm -23 $(MSG_TRACE).all - >$(MSG_TRACE).missing
	@sed -n 's/^\(MSG_[A-Z0-9_]*\) not yet.*/\1/p' $(MSG_UNTESTED) | \
		sort | comm -12 $(MSG_TRACE).seen - >$(MSG_TRACE).stale
	@comm -13 $(MSG_TRACE).all $(MSG_TRACE).listed >>$(MSG_TRACE).stale
	@if [ -s $(MSG_TRACE).missing ]; then \
		echo "check-messages: produced by no test:"; \
		sed 's/^/  /' $(MSG_TRACE).missing; fi
	@if [ -s $(MSG_TRACE).stale ]; then \
		echo "check-messages: in $(MSG_UNTESTED) but tested, or no" \
			"message:"; \
		sed 's/^/  /' $(MSG_TRACE).stale; fi
	@[ ! -s $(MSG_TRACE).missing ] && [ ! -s $(MSG_TRACE).stale ]
	@echo "check-messages: $$(wc -l <$(MSG_TRACE).all) messages in" \
		"gen/msg.h, $$(wc -l <$(MSG_TRACE).seen) produced by a test," \
		"$$(wc -l <$(MSG_TRACE).listed) in $(MSG_UNTESTED)"

$(B)/tests/msg-names: tests/msg/names.c $(LIB) | $(B)/tests
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -Igen -o $@ $< $(LIB) $(PKG_LIBS)

# The rules' tests, linked with the rules layer and libc alone.
check-rules: $(RULES_TEST_BIN)
	@failed=; for t in $(RULES_TEST_BIN); do echo "== $$t"; \
		$$t || failed="$$failed $${t##*/}"; done; \
	if [ -n "$$failed" ]; then echo "check-rules: failed:$$failed"; exit 1; fi

# Every test program runs, even after a failure, so one report shows all.
unit: $(UNIT_BIN)
	@failed=; for t in $(UNIT_BIN); do echo "== $$t"; \
		$$t || failed="$$failed $${t##*/}"; done; \
	if [ -n "$$failed" ]; then echo "unit: failed:$$failed"; exit 1; fi

# The PDF goldens read what the unit program test_pdf writes; the
# dashboard's browser test, the npm packages tests/dashboard/deps.sh puts
# in build/dashboard (so that `make golden` works on a clean clone).
DASHBOARD_NPM = build/dashboard/node_modules/.installed
$(DASHBOARD_NPM): tests/dashboard/package.json
	@sh tests/dashboard/deps.sh

golden: $(B)/parcours $(B)/tests/test_pdf $(B)/tests/ics-check $(DASHBOARD_NPM)
	@PARCOURS=$(B)/parcours sh tests/golden.sh

# The employer's seal with a throw-away CA and a local TSA: pdfsig, qpdf,
# verify --trust, tampering, refusals (tests/seal/run.sh).
seal: $(B)/parcours $(B)/tests/p12-mismatch
	@PARCOURS=$(B)/parcours P12_MISMATCH=$(B)/tests/p12-mismatch \
		sh tests/seal/run.sh

# A PKCS#12 whose key is not its certificate's, for the seal suite.
$(B)/tests/p12-mismatch: tests/seal/p12_mismatch.c | $(B)/tests
	$(CC) $(ALL_CFLAGS) -o $@ $< $(PKG_LIBS)

# System faults no input causes, made by a preloaded shim of libc (never
# linked into parcours): each message, exit status and what stays on
# disk (tests/fault/run.sh).  Not under ASan, whose runtime loads first.
$(B)/tests/fault.so: tests/fault/fault.c | $(B)/tests
	$(CC) $(WARN) $(CFLAGS) -fPIC -shared -o $@ $< -ldl

fault: $(B)/parcours $(B)/tests/fault.so
	@PARCOURS=$(B)/parcours FAULT_SO=$(B)/tests/fault.so sh tests/fault/run.sh

# The layout of the C sources is .clang-format's: `make format` applies
# it, `make lint` fails when a file has drifted from it.  The version is
# pinned because another clang-format lays out the same code differently.
CLANG_FORMAT ?= clang-format-14
FORMAT_SRC = $(wildcard gen/*.c gen/*.h tests/unit/*.c tests/msg/*.c fuzz/*.c \
	tests/fault/*.c tests/seal/*.c)

format:
	$(CLANG_FORMAT) -i $(FORMAT_SRC)

lint:
	@$(CLANG_FORMAT) --dry-run --Werror $(FORMAT_SRC) && \
		echo "lint: $(words $(FORMAT_SRC)) files as .clang-format lays them out"

install: $(B)/parcours
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates \
		$(DESTDIR)$(DATADIR)/fonts $(DESTDIR)$(DATADIR)/schema \
		$(DESTDIR)$(MANDIR)
	install -m 755 $(B)/parcours $(DESTDIR)$(BINDIR)/parcours
	install -m 644 doc/parcours.1 $(DESTDIR)$(MANDIR)/parcours.1
	install -m 644 schema/*.rng $(DESTDIR)$(DATADIR)/schema/
	for f in templates/* fonts/*; do \
		[ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(DATADIR)/"$$f"; \
	done; true

-include $(LIB_OBJ:.o=.d) $(B)/obj/main.d $(UNIT_BIN:=.d) $(B)/tests/msg-names.d \
	$(RULES_OBJ:.o=.d) $(RULES_TEST_BIN:=.d)

clean:
	rm -rf $(B) out

# Peak memory of `all` on 1 000 and 10 000 generated dossiers (minutes,
# about 8 GB of output in RSS_DIR): not part of `make check`.
RSS_DIR ?= /tmp/parcours-rss
rss: $(B)/parcours
	@sh tests/batch/rss.sh $(B)/parcours $(RSS_DIR)
.PHONY: rss

# ---- Hostile input: fuzzing, sanitizers, valgrind -------------------------
#
#   make fuzz            each libFuzzer harness of fuzz/ for FUZZ_SECONDS
#                        (default 600; `make -j2 fuzz` runs two at a time)
#   make fuzz-short      the same for 30 s each (part of `make check`)
#   make check-asan      everything built into build-asan/ with ASan and
#                        UBSan, then the unit and golden suites with it
#   make check-valgrind  `all` on samples/ and on the hostile corpus, and
#                        `validate` on samples/invalid/, under memcheck
#   make hostile         the hostile corpus (tests/hostile/) alone

FUZZ_SECONDS ?= 600
FUZZ_B     = build-fuzz
FUZZ_CC    = clang
FUZZ_SAN   = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_FLAGS = -O1 -g -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZERS    = dossier template date documents import stream
FUZZ_BIN   = $(FUZZERS:%=$(FUZZ_B)/fuzz_%)
FUZZ_DICT_dossier   = dossier
FUZZ_DICT_documents = dossier
FUZZ_DICT_template  = template
FUZZ_DICT_date      = date
FUZZ_DICT_import    = import
FUZZ_DICT_stream    = dossier
# Sanitizer findings stop the run at once, with a stack.
# libhyphen loses a few bytes of every dictionary it loads (Debian 12's
# 2.8.8, hnj_hyphen_load_line): suppressed there, and only there.
SAN_ENV = ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=0 \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/libhyphen.lsan.supp:print_suppressions=0
ASAN_FLAGS = -O1 -g -fno-omit-frame-pointer \
	     -fsanitize=address,undefined -fno-sanitize-recover=all

# What `make check` runs after the plain suites (whose golden tests
# include the hostile corpus); CHECK_EXTRA= skips it.
CHECK_EXTRA ?= fuzz-short check-asan check-valgrind

.PHONY: fuzz fuzz-short fuzz-build fuzz-lib fuzz-seeds check-asan \
	check-valgrind hostile $(FUZZERS:%=fuzz-run-%)

# The library again, instrumented for libFuzzer, in its own build dir.
fuzz-lib:
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=$(FUZZ_CC) \
		CFLAGS="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" \
		$(FUZZ_B)/libparcours.a

$(FUZZ_B)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_common.c fuzz/fuzz_common.h \
		fuzz-lib
	$(FUZZ_CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(FUZZ_FLAGS) \
		-fsanitize=fuzzer -Igen -DFUZZ_SRCDIR='"$(CURDIR)"' \
		$(PKG_CFLAGS) -o $@ $< fuzz/fuzz_common.c \
		$(FUZZ_B)/libparcours.a $(PKG_LIBS)

fuzz-build: $(FUZZ_BIN)

fuzz-seeds:
	@python3 fuzz/seeds.py $(FUZZ_B)/corpus

# Each run adds what it finds to $(FUZZ_B)/found/NAME (kept between
# runs); a crash leaves its input as $(FUZZ_B)/crash-NAME-* and fails.
$(FUZZERS:%=fuzz-run-%): fuzz-run-%: $(FUZZ_B)/fuzz_% fuzz-seeds
	@mkdir -p $(FUZZ_B)/found/$*
	$(SAN_ENV) $(FUZZ_B)/fuzz_$* -max_total_time=$(FUZZ_SECONDS) \
		-timeout=20 -rss_limit_mb=2560 -print_final_stats=1 \
		-dict=$(FUZZ_B)/corpus/$(FUZZ_DICT_$*).dict \
		-artifact_prefix=$(FUZZ_B)/crash-$*- \
		$(FUZZ_B)/found/$* $(FUZZ_B)/corpus/$* \
		>$(FUZZ_B)/fuzz-$*.log 2>&1 || \
		{ tail -60 $(FUZZ_B)/fuzz-$*.log; exit 1; }
	@echo "fuzz_$*: $$(grep -o '^Done [0-9]* runs in [0-9]* second' \
		$(FUZZ_B)/fuzz-$*.log), $$(grep -o 'cov: [0-9]* ft: [0-9]*' \
		$(FUZZ_B)/fuzz-$*.log | tail -1), $$(ls $(FUZZ_B)/found/$* | \
		wc -l) inputs kept, no crash"

fuzz: $(FUZZERS:%=fuzz-run-%)

fuzz-short:
	@$(MAKE) --no-print-directory FUZZ_SECONDS=30 fuzz

# The same suites, every object built with the sanitizers.
check-asan:
	@$(MAKE) --no-print-directory B=build-asan \
		CFLAGS="$(ASAN_FLAGS)" LDFLAGS="$(ASAN_FLAGS)" all
	@$(SAN_ENV) $(MAKE) --no-print-directory B=build-asan \
		CFLAGS="$(ASAN_FLAGS)" LDFLAGS="$(ASAN_FLAGS)" unit golden

check-valgrind: $(B)/parcours
	@PARCOURS=$(B)/parcours sh tests/hostile/valgrind.sh

hostile: $(B)/parcours
	@PARCOURS=$(B)/parcours sh tests/hostile/run.sh

clean: clean-hostile
clean-hostile:
	rm -rf $(FUZZ_B) build-asan
.PHONY: clean-hostile

# ---- Benchmark against the tools HR would otherwise use -----------------
#
#   make bench   parcours beside LibreOffice, Carbone and pdfkit on the
#                same generated dossiers (1 000 and 10 000): a table on
#                standard output and $(B)/bench.csv (bench/README.md).
#                Installs what it needs: time, LibreOffice, Node.js, and
#                the npm packages into $(B)/bench/node_modules.
#                BENCH_ARGS="--sizes 1000" for a shorter run.
#                Timing is never part of make check.

BENCH_ARGS ?=

.PHONY: bench
bench: deps-build
	@sh tests/deps.sh python3 time openssl
	@$(MAKE) --no-print-directory all
	python3 bench/bench.py --build $(B) $(BENCH_ARGS)
