#!/bin/bash
# `--timings`: the stages of a build on standard error, in pipeline order,
# nothing of it on standard output. (How long they take is for make bench.)
. "$(dirname "$0")/../lib.sh"

SAMPLE=$TOP/sample-data/county-medical-insurance-2023.xml

# NAME passes when the stages listed on standard error are EXPECTED.
expect_stages() {
    local stages
    stages=$(awk '/^  [a-z]/ {printf "%s ", $1}' "$ERR")
    if [ "$stages" = "$2" ]; then
        pass "$1"
    else
        fail "$1" "got: $stages"
    fi
}

zb build --timings --forms 1 --format xlsx "$SAMPLE" -o "$T/out"
expect_rc build_timings_builds 0
expect_stages build_timings_stages_in_order \
    "setup read parse validate model rules derive xslt layout xlsx commit total "
expect_not_in build_timings_not_on_stdout "timings:" "$OUT"

zb build --forms 1 --format xlsx "$SAMPLE" -o "$T/quiet"
expect_not_in build_no_timings_unasked "timings:" "$ERR"

# a red-header document's transformation, layout and PDF are counted too
zb build --timings --forms report-2023 "$SAMPLE" -o "$T/doc"
expect_rc build_timings_document_builds 0
expect_stages build_timings_document_stages \
    "setup read parse validate model rules derive xslt layout pdf commit total "
