#!/bin/sh
# A scripted CA helper speaking certmonger's protocol, one behaviour per exit code (reference §4.3).
# Usage: helper-ca.sh MODE CADIR   MODE: issue | wait-then-issue | 1 | 2 | 3 | 4 | 5 | 6 | 16 | 17 | 9 | garbage | wrong-key
# CADIR holds ca.crt and ca.key (created by the test with openssl); "issue" signs CERTMONGER_CSR with them.
mode="$1"
cadir="$2"
log="$cadir/helper.log"
echo "op=$CERTMONGER_OPERATION ca=$CERTMONGER_CA_NICKNAME mode=$mode cookie=$CERTMONGER_CA_COOKIE profile=$CERTMONGER_CA_PROFILE subject=$CERTMONGER_REQ_SUBJECT hostname=$CERTMONGER_REQ_HOSTNAME keytype=$CERTMONGER_KEY_TYPE" >> "$log"

issue() {
    tmp=$(mktemp -d)
    printf '%s\n' "$CERTMONGER_CSR" > "$tmp/req.csr"
    printf 'basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:%s\n' "${CERTMONGER_REQ_HOSTNAME:-localhost}" > "$tmp/ext"
    openssl x509 -req -in "$tmp/req.csr" -CA "$cadir/ca.crt" -CAkey "$cadir/ca.key" -set_serial "0x$(openssl rand -hex 8)" \
        -days 90 -extfile "$tmp/ext" 2>>"$log" || { rm -rf "$tmp"; echo "openssl failed"; exit 4; }
    cat "$cadir/ca.crt"
    rm -rf "$tmp"
    exit 0
}

case "$CERTMONGER_OPERATION" in
    IDENTIFY) echo "scripted-helper 1.0 ($mode)"; exit 0 ;;
    FETCH-ROOTS) echo "Scripted Test CA"; cat "$cadir/ca.crt"; exit 0 ;;
    GET-SUPPORTED-TEMPLATES) echo "caServerCert,caUserCert"; exit 0 ;;
    GET-DEFAULT-TEMPLATE) echo "caServerCert"; exit 0 ;;
    SUBMIT|POLL) ;;
    *) exit 6 ;;
esac

case "$mode" in
    issue) issue ;;
    wait-then-issue)
        if [ "$CERTMONGER_OPERATION" = POLL ] && [ "$CERTMONGER_CA_COOKIE" = "cookie-42" ]; then issue; fi
        echo "cookie-42"; exit 1 ;;
    1) echo "cookie-1"; exit 1 ;;
    2) echo "Request denied by policy (test)"; exit 2 ;;
    3) echo "connection refused (test)"; exit 3 ;;
    4) echo "missing server URL (test)"; exit 4 ;;
    5) printf '3600\ncookie-5\n'; exit 5 ;;
    6) exit 6 ;;
    16) exit 16 ;;
    17) echo "key too weak (test)"; exit 17 ;;
    garbage) echo "this is not a certificate"; exit 0 ;;
    wrong-key) cat "$cadir/ca.crt"; exit 0 ;;
    *) echo "something odd (test)"; exit "$mode" ;;
esac
