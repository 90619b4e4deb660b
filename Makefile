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
PKGS     = libxml-2.0 libzip nettle
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lm

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

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

# Debian packages: to build, and to run the tests with real readers.
DEPS_BUILD = gcc make pkg-config libxml2-dev libzip-dev libhpdf-dev nettle-dev
DEPS_TEST  = libcmocka-dev libxml2-utils poppler-utils qpdf unzip strace \
	     libreoffice-writer-nogui fonts-open-sans python3

.PHONY: all check demo deps deps-build install clean unit golden
.DELETE_ON_ERROR:

all: $(B)/parcours

$(B)/obj/%.o: gen/%.c $(wildcard gen/*.h) | $(B)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/parcours: $(B)/obj/main.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(B)/tests/%: tests/unit/%.c $(LIB) $(wildcard gen/*.h) | $(B)/tests
	$(CC) $(ALL_CFLAGS) -Igen -o $@ $< $(LIB) $(PKG_LIBS) -lcmocka

$(B)/obj $(B)/tests:
	mkdir -p $@

deps:
	@sh tests/deps.sh $(DEPS_BUILD) $(DEPS_TEST)

deps-build:
	@sh tests/deps.sh $(DEPS_BUILD)

demo: deps-build
	@$(MAKE) --no-print-directory all
	$(B)/parcours validate samples/
	@echo "demo: every sample dossier is valid (build/parcours validate samples/)"

check: deps
	@$(MAKE) --no-print-directory all unit golden

# Every test program runs, even after a failure, so one report shows all.
unit: $(UNIT_BIN)
	@failed=; for t in $(UNIT_BIN); do echo "== $$t"; \
		$$t || failed="$$failed $${t##*/}"; done; \
	if [ -n "$$failed" ]; then echo "unit: failed:$$failed"; exit 1; fi

golden: $(B)/parcours
	@PARCOURS=$(B)/parcours sh tests/golden.sh

install: $(B)/parcours
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates \
		$(DESTDIR)$(DATADIR)/fonts $(DESTDIR)$(DATADIR)/schema
	install -m 755 $(B)/parcours $(DESTDIR)$(BINDIR)/parcours
	install -m 644 schema/*.rng $(DESTDIR)$(DATADIR)/schema/
	for f in templates/* fonts/*; do \
		[ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(DATADIR)/"$$f"; \
	done; true

clean:
	rm -rf $(B) out
