#!/bin/bash
# End-to-end tests of the ledger generator (sample-data/gen, build/gen):
# sizes S and M check clean, the same seed gives the same bytes, and the
# ledgers hold what the forms need. L and XL are made by `make bench` only.
. "$(dirname "$0")/../lib.sh"

GEN=${GEN:-$(dirname "$ZB")/gen}

# gen SIZE [SEED] > $T/SIZE-SEED.xml; the status in $RC
gen() {
    "$GEN" "$@" >"$T/$1-${2:-1}.xml" 2>"$ERR"
    RC=$?
    [ "$RC" -eq 86 ] && { echo "FAIL sanitizer: gen $*"; head -20 "$ERR"; }
    return 0
}

# count PATTERN FILE: lines matching PATTERN
count() { grep -c -- "$1" "$2"; }

expect_count() {
    local got
    got=$(count "$2" "$4")
    if [ "$got" -eq "$3" ]; then
        pass "$1"
    else
        fail "$1" "$got lines with “$2”, expected $3"
    fi
}

# ---- the sizes of the issue, checked clean -----------------------------------

gen S
expect_rc gen_s_runs 0
S=$T/S-1.xml
expect_count gen_s_staff '<person ' 30 "$S"
expect_count gen_s_computers '<computer ' 35 "$S"
zb check "$S"
expect_rc gen_s_checks 0
expect_in gen_s_clean "S-1.xml：0 个错误，0 个警告" "$OUT"
if xmllint --noout --schema "$TOP/forms/ledger.xsd" "$S" 2>"$T/xmllint"; then
    pass gen_s_xmllint_valid
else
    fail gen_s_xmllint_valid "$(head -3 "$T/xmllint")"
fi

gen M
expect_rc gen_m_runs 0
M=$T/M-1.xml
expect_count gen_m_staff '<person ' 300 "$M"
expect_count gen_m_computers '<computer ' 350 "$M"
zb check "$M"
expect_rc gen_m_checks 0
expect_in gen_m_clean "M-1.xml：0 个错误，0 个警告" "$OUT"

gen M 7
zb check "$T/M-7.xml"
expect_rc gen_m_seed7_checks 0

# ---- deterministic ------------------------------------------------------------

gen S 1
cp "$T/S-1.xml" "$T/again.xml"
gen S 1
if cmp -s "$T/S-1.xml" "$T/again.xml"; then
    pass gen_same_seed_same_bytes
else
    fail gen_same_seed_same_bytes "two runs of gen S 1 differ"
fi
gen S 2
if cmp -s "$T/S-1.xml" "$T/S-2.xml"; then
    fail gen_other_seed_other_ledger "seeds 1 and 2 give the same ledger"
else
    pass gen_other_seed_other_ledger
fi

"$GEN" S -o "$T/out.xml" >"$OUT" 2>"$ERR"
RC=$?
expect_rc gen_output_option 0
if cmp -s "$T/out.xml" "$S" && [ ! -s "$OUT" ]; then
    pass gen_output_file_same_bytes
else
    fail gen_output_file_same_bytes "-o wrote other bytes or printed the ledger"
fi

# ---- what the forms need: every kind of record --------------------------------

expect_in gen_m_donation '<donation kind="调剂"' "$M"
expect_in gen_m_gift '<donation kind="受赠"' "$M"
expect_in gen_m_software_disposed '<disposal date="2023-10-31"' "$M"
expect_in gen_m_expired_licence 'term="2022-06-30"' "$M"
expect_in gen_m_home_edition 'home="true"' "$M"
expect_in gen_m_free_by_department '<dept ref=' "$M"
expect_in gen_m_computer_disposed 'disposed="20' "$M"
expect_in gen_m_shared_computer '" dept="d' "$M"
if grep '<person ' "$M" | grep -vq 'pledged='; then
    pass gen_m_unpledged_staff
else
    fail gen_m_unpledged_staff "every person signed the pledge"
fi
expect_in gen_m_upgrade_request '<upgrade from="BG-MSO2016-01" to="BG-MSO2021-01"/>' "$M"
expect_in gen_m_free_upgrade 'fromVersion="V11" to="QT-FOXIT00" toVersion="V12"' "$M"
expect_in gen_m_refused_request 'agree="false"' "$M"
expect_in gen_m_deployment_upgrade '<upgrade from="SD-RX2021-01" to="SD-RX2022-01"/>' "$M"
expect_in gen_m_unauthorised 'unauthorised="true"' "$M"
expect_in gen_m_serial_on_install 'serial="MSO21-' "$M"
expect_in gen_m_confirmation '<confirmation id="QR2023-00001"' "$M"
expect_in gen_m_purchase_plan '<leaderApproval' "$M"
expect_in gen_m_demand '<demand id="XQ2023-001"' "$M"
expect_in gen_m_report '<document id="report-2023" kind="report"' "$M"
expect_in gen_m_notice 'kind="systems-notice"' "$M"
# an upgrade is an uninstall and an install on the same computer and day
grep -A1 'action="uninstall" software="SD-RX2021-01".*"DEP-2022-04"' "$M" |
    head -2 >"$T/pair"
if grep -q 'action="install" software="SD-RX2022-01"' "$T/pair" &&
    [ "$(grep -o 'computer="[^"]*" date="[^"]*"' "$T/pair" | sort -u | wc -l)" -eq 1 ]; then
    pass gen_m_upgrade_pair
else
    fail gen_m_upgrade_pair "$(cat "$T/pair")"
fi

# ---- usage --------------------------------------------------------------------

gen XXL
expect_rc gen_unknown_size 2
expect_in gen_usage_names_sizes "S|M|L|XL" "$ERR"
