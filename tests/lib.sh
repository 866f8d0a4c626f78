# Helpers for end-to-end tests; source this file first.
#
#   zb check x.xml            run the program under test; output in $OUT, $ERR,
#                             exit status in $RC
#   expect_rc NAME 1          PASS if $RC is 1
#   expect_in NAME TEXT FILE  PASS if FILE contains TEXT (fixed string)
#   expect_not_in NAME TEXT FILE
#   check_pdf NAME            the checks every PDF $T/NAME.pdf must pass
#   pass NAME / fail NAME WHY
#   wait_for 'TEST'           wait (at most 60 s) until TEST holds
#
# $T is a scratch directory removed at exit; $TOP the source tree.

TOP=${ZB_TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
ZB=${ZB:-$TOP/build/zhengban}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
OUT=$T/stdout
ERR=$T/stderr
RC=0

pass() { echo "PASS $1"; }

# wait_for SHELL-TEST: true once the test holds, tried every 0.1 s for up
# to 60 s; false if it never does
wait_for() {
    local i
    for i in $(seq 600); do
        eval "$1" && return 0
        sleep 0.1
    done
    return 1
}
fail() { echo "FAIL $1: $2"; }

zb() {
    "$ZB" "$@" >"$OUT" 2>"$ERR"
    RC=$?
    if [ "$RC" -eq 86 ]; then
        echo "FAIL sanitizer: zhengban $*"
        sed 's/^/    /' "$ERR" | head -40
    fi
    return 0
}

expect_rc() {
    if [ "$RC" -eq "$2" ]; then
        pass "$1"
    else
        fail "$1" "exit status $RC, expected $2"
        sed 's/^/    /' "$ERR" | head -10
    fi
}

expect_in() {
    if grep -qF -- "$2" "$3"; then
        pass "$1"
    else
        fail "$1" "“$2” not in $(basename "$3")"
        sed 's/^/    /' "$3" | head -10
    fi
}

expect_not_in() {
    if grep -qF -- "$2" "$3"; then
        fail "$1" "“$2” found in $(basename "$3")"
    else
        pass "$1"
    fi
}

# check_pdf NAME: the structural checks every rendered PDF must pass
check_pdf() {
    local name=$1 pdf=$T/$1.pdf
    if [ "$RC" -ne 0 ] || [ ! -s "$pdf" ]; then
        fail "$name renders" "exit status $RC"
        sed 's/^/    /' "$ERR" | head -10
        return
    fi
    pass "$name renders"
    if qpdf --check "$pdf" >"$T/qpdf" 2>&1; then
        pass "$name qpdf --check"
    else
        fail "$name qpdf --check" "$(tail -3 "$T/qpdf")"
    fi
    if pdffonts "$pdf" | awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes" ||
                                         $(NF-2) != "yes") {bad = 1}
                              END {exit bad}'; then
        pass "$name fonts embedded, subset, with ToUnicode"
    else
        fail "$name fonts embedded, subset, with ToUnicode" "$(pdffonts "$pdf")"
    fi
    pdftotext "$pdf" "$T/$name.txt" 2>"$T/$name.warn"
    if [ -s "$T/$name.warn" ]; then
        fail "$name pdftotext silent" "$(head -3 "$T/$name.warn")"
    else
        pass "$name pdftotext silent"
    fi
}
