# zhengban - build, run, test, install.
#
#   make run       install missing Debian packages, build, render the sample ledger into out/
#   make check     install missing Debian packages, build (also with ASan+UBSan), run every test
#   make bench     time check, stats and build on generated ledgers of every size
#   make install   PREFIX=/usr/local DESTDIR=
#   make clean

VERSION  = 0.1.0
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/zhengban
MANDIR   = $(PREFIX)/share/man/man1

SAMPLE   = sample-data/county-medical-insurance-2023.xml
OUT      = out

# Debian packages: to build and run, and in addition to test. LibreOffice
# (about 25 s to install) opens the test workbooks as a real client would.
# nettle-dev gives the SHA-256 of SHA256SUMS, libzip-dev the submission
# bundle's zip (written and read), libdeflate-dev deflates the PDFs' page
# contents two and a half times as fast as zlib (README → Performance). The tests also use procps (pgrep: kill a
# worker) and fonts-wqy-zenhei (a .ttc font named with its index in a font
# configuration); a minimal Debian has neither.
BUILD_DEPS = gcc make pkg-config libxml2-dev libxslt1-dev libhpdf-dev \
             libxlsxwriter-dev zlib1g-dev libdeflate-dev nettle-dev libzip-dev \
             fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-droid-fallback \
             fonts-dejavu-core fonts-wqy-microhei
TEST_DEPS  = poppler-utils qpdf python3-openpyxl libxml2-utils \
             libreoffice-calc-nogui procps fonts-wqy-zenhei
# make bench measures each run with GNU time (/usr/bin/time -f).
BENCH_DEPS = time

PKGS     = libxml-2.0 libxslt libexslt xlsxwriter nettle libzip libdeflate
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

# make V=1 shows the commands.
Q = $(if $(V),,@)

CC      ?= cc
CFLAGS  ?= -O2 -g
# ZB_FREE_AT_EXIT: free everything before exiting (src/core/lifetime.h)
SANFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
           -fno-sanitize-recover=all -DZB_FREE_AT_EXIT
ZB_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror \
            -DZB_VERSION='"$(VERSION)"' -DZB_DATADIR='"$(DATADIR)"' \
            $(PKG_CFLAGS) -MMD -MP
LIBS     = $(PKG_LIBS) -lhpdf -lz -lm

SRCS      := $(sort $(shell find src -name '*.c'))
LIB_SRCS  := $(filter-out src/main.c,$(SRCS))
TEST_SRCS := $(sort $(wildcard tests/unit/test_*.c))
GEN_SRCS  := $(sort $(wildcard sample-data/gen/*.c))

OBJS       = $(SRCS:%.c=build/obj/%.o)
ASAN_OBJS  = $(SRCS:%.c=build/asan/obj/%.o)
GEN_OBJS   = $(GEN_SRCS:%.c=build/obj/%.o) $(filter build/obj/src/core/%,$(OBJS))
ASAN_GEN_OBJS = $(GEN_SRCS:%.c=build/asan/obj/%.o) \
                $(filter build/asan/obj/src/core/%,$(ASAN_OBJS))

# make bench: ledger sizes, runs of each command (median and spread).
BENCH_SIZES ?= S M L XL
BENCH_RUNS  ?= 5
TESTS      = $(TEST_SRCS:tests/unit/%.c=build/tests/%)
ASAN_TESTS = $(TEST_SRCS:tests/unit/%.c=build/asan/tests/%)

.PHONY: all asan tests run check bench install uninstall clean deps-build deps-bench \
        deps-test

all: build/zhengban build/gen

asan: build/asan/zhengban build/asan/gen $(ASAN_TESTS)

tests: $(TESTS)

build/zhengban: $(OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

build/asan/zhengban: $(ASAN_OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(SANFLAGS) -o $@ $^ $(LIBS)

# The ledger generator (sample-data/gen): synthetic ledgers of any size.
build/gen: $(GEN_OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

build/asan/gen: $(ASAN_GEN_OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(SANFLAGS) -o $@ $^ $(LIBS)

build/obj/%.o: %.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(ZB_CFLAGS) $(CFLAGS) -c $< -o $@

build/asan/obj/%.o: %.c
	@mkdir -p $(@D)
	@echo "  CC asan $<"
	$(Q)$(CC) $(ZB_CFLAGS) $(SANFLAGS) -c $< -o $@

build/tests/%: tests/unit/%.c $(filter-out build/obj/src/main.o,$(OBJS))
	@mkdir -p $(@D)
	@echo "  TEST    $@"
	$(Q)$(CC) $(ZB_CFLAGS) $(CFLAGS) -Isrc -o $@ $^ $(LIBS)

build/asan/tests/%: tests/unit/%.c $(filter-out build/asan/obj/src/main.o,$(ASAN_OBJS))
	@mkdir -p $(@D)
	@echo "  TEST    $@"
	$(Q)$(CC) $(ZB_CFLAGS) $(SANFLAGS) -Isrc -o $@ $^ $(LIBS)

run: deps-build
	@$(MAKE) --no-print-directory -j2 all
	build/zhengban build $(SAMPLE) -o $(OUT)

check: deps-build deps-test
	@$(MAKE) --no-print-directory -j2 all asan
	@tests/run.sh

# Generated ledgers are cached: made again only when the generator changes.
build/bench/ledger-%.xml: build/gen
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	$(Q)build/gen $* -o $@

bench: deps-build deps-test deps-bench
	@$(MAKE) --no-print-directory -j2 all \
	  $(BENCH_SIZES:%=build/bench/ledger-%.xml)
	@BENCH_RUNS=$(BENCH_RUNS) tests/bench/bench.sh $(BENCH_SIZES)

# Install the Debian packages that are missing: apt-get as root, through
# sudo otherwise; a clear message when neither is possible.
define install_missing
	@missing=""; \
	if ! command -v dpkg-query >/dev/null 2>&1; then \
	  echo "提示：不是 Debian 系统，请自行安装：$(1)"; exit 0; fi; \
	for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	[ -z "$$missing" ] && exit 0; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	else echo "缺少软件包：$$missing" >&2; \
	  echo "请以 root 身份运行：apt-get install$$missing" >&2; exit 1; fi; \
	echo "安装缺少的软件包：$$missing"; \
	$$sudo apt-get update -qq && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	  --no-install-recommends $$missing
endef

deps-build:
	$(call install_missing,$(BUILD_DEPS))

deps-test:
	$(call install_missing,$(TEST_DEPS))

deps-bench:
	$(call install_missing,$(BENCH_DEPS))

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 755 build/zhengban $(DESTDIR)$(BINDIR)/zhengban
	cp -R forms stylesheets $(DESTDIR)$(DATADIR)/
	install -m 644 src/zhengban.1 $(DESTDIR)$(MANDIR)/zhengban.1

uninstall:
	rm -rf $(DESTDIR)$(BINDIR)/zhengban $(DESTDIR)$(DATADIR) \
	       $(DESTDIR)$(MANDIR)/zhengban.1

clean:
	rm -rf build $(OUT)

-include $(OBJS:.o=.d) $(ASAN_OBJS:.o=.d) $(GEN_OBJS:.o=.d) \
         $(ASAN_GEN_OBJS:.o=.d)
