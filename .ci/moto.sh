#!/usr/bin/env bash
# moto (an independent AWS emulator) for the Secrets Manager contract test, per shared/BUILD.md's recipe:
# Debian trixie's python3-moto 5.1.x and its bookworm dependencies are unpacked into $MOTO_HOME (default
# /tmp/cw-lifecycle-moto) with apt's own -o options, so the system's apt sources, lists and packages stay as they
# are. moto.server then runs on a free 127.0.0.1 port with the system python, and MOTO_ENDPOINT names it.
#
#   . .ci/moto.sh           start (or reuse) moto and export MOTO_ENDPOINT into the calling shell
#   eval "$(.ci/moto.sh)"   the same from a shell that does not source scripts
#   .ci/moto.sh stop        stop the moto this script started
#
# Safe to run twice: an unpacked moto is reused, and so is a running one (its data and IAM switch are reset).

cw_moto() (
    set -euo pipefail
    home=${MOTO_HOME:-/tmp/cw-lifecycle-moto}
    site="$home/root/usr/lib/python3/dist-packages"
    python=/usr/bin/python3   # the system python: apt's packages are built for it (a pyenv python3 may come first)
    log() { echo "moto.sh: $*" >&2; }

    stop() {
        if [[ -f "$home/moto.pid" ]] && kill -0 "$(cat "$home/moto.pid")" 2>/dev/null; then
            kill "$(cat "$home/moto.pid")"
            log "stopped moto (pid $(cat "$home/moto.pid"))"
        fi
        rm -f "$home/moto.pid" "$home/moto.port"
    }

    # apt-get against our own sources file, lists and cache; the system's apt configuration is only read.
    apt_own() {
        local name=$1; shift
        apt-get -qq -o Dir::Etc::sourcelist="$home/apt/$name.sources" -o Dir::Etc::sourceparts=- \
            -o Dir::State::Lists="$home/apt/$name/lists" -o Dir::Cache="$home/apt/$name/cache" \
            -o APT::Sandbox::User="$(id -un)" "$@"
    }

    sources() {
        local name=$1 suites=$2
        mkdir -p "$home/apt/$name/lists/partial" "$home/apt/$name/cache/archives/partial"
        cat >"$home/apt/$name.sources" <<EOF
Types: deb
URIs: http://deb.debian.org/debian
Suites: $suites
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    }

    installed() {
        PYTHONPATH="$site" "$python" -c 'import moto.server, moto.secretsmanager, moto.iam' 2>/dev/null
    }

    install() {
        log "unpacking moto into $home (once)"
        rm -rf "$home/root" "$home/debs"
        mkdir -p "$home/root" "$home/debs"
        sources trixie trixie
        apt_own trixie update >&2
        (cd "$home/debs" && apt_own trixie download python3-moto python3-jsonpath-ng >&2)
        # Download-only resolves the dependencies missing from this system without installing anything; it
        # leaves dpkg alone, so it needs no dpkg lock (nor root).
        sources bookworm "bookworm bookworm-updates"
        apt_own bookworm update >&2
        apt_own bookworm -o Debug::NoLocking=1 install --download-only --no-install-recommends -y python3-boto3 python3-botocore \
            python3-cryptography python3-dateutil python3-flask python3-jinja2 python3-requests python3-responses \
            python3-werkzeug python3-xmltodict python3-yaml python3-flask-cors python3-antlr4 python3-ply \
            python3-multipart python3-jsondiff python3-pyparsing >&2
        for deb in "$home"/debs/*.deb "$home"/apt/bookworm/cache/archives/*.deb; do
            dpkg -x "$deb" "$home/root"
        done
        installed || { log "moto does not import after unpacking"; return 1; }
    }

    # POST to moto's own API; doubles as the readiness probe.
    moto_api() {
        "$python" - "$1" "$2" <<'EOF'
import sys, urllib.request
direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback never goes through a proxy
direct.open(urllib.request.Request(sys.argv[1], data=sys.argv[2].encode(), method="POST",
                                   headers={"Content-Type": "text/plain"}), timeout=2)
EOF
    }

    running() {
        [[ -f "$home/moto.pid" && -f "$home/moto.port" ]] && kill -0 "$(cat "$home/moto.pid")" 2>/dev/null \
            && moto_api "http://127.0.0.1:$(cat "$home/moto.port")/moto-api/reset" "" 2>/dev/null
    }

    free_port() {
        "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
    }

    start() {
        local port attempt probe
        for attempt in 1 2 3; do
            port=$(free_port)
            PYTHONPATH="$site" nohup "$python" -m moto.server -H 127.0.0.1 -p "$port" >"$home/moto.log" 2>&1 &
            echo $! >"$home/moto.pid"
            echo "$port" >"$home/moto.port"
            for probe in $(seq 1 50); do
                if moto_api "http://127.0.0.1:$port/moto-api/reset" "" 2>/dev/null; then
                    log "moto $(PYTHONPATH="$site" "$python" -c 'import moto; print(moto.__version__)') listens on" \
                        "127.0.0.1:$port (pid $(cat "$home/moto.pid"), log $home/moto.log)"
                    return 0
                fi
                kill -0 "$(cat "$home/moto.pid")" 2>/dev/null || break
                sleep 0.2
            done
            log "moto did not come up on port $port (attempt $attempt): $(tail -n 3 "$home/moto.log")"
            stop
        done
        return 1
    }

    mkdir -p "$home"
    if [[ "${1:-}" == stop ]]; then
        stop
        return 0
    fi
    [[ -x "$python" ]] || { log "$python is missing: install Debian's python3"; return 1; }
    installed || install
    if running; then
        log "reusing moto on 127.0.0.1:$(cat "$home/moto.port") (pid $(cat "$home/moto.pid")), data reset"
    else
        stop
        start
    fi
    # A test that died while moto enforced IAM would leave every later call refused.
    moto_api "http://127.0.0.1:$(cat "$home/moto.port")/moto-api/reset-auth" inf
    echo "http://127.0.0.1:$(cat "$home/moto.port")"
)

# Not inside an if: errexit is ignored in a condition, and cw_moto relies on it.
cw_moto_endpoint=$(cw_moto "${1:-start}")
cw_moto_status=$?
if [[ "${1:-}" == stop ]]; then
    :
elif [[ $cw_moto_status -eq 0 && -n "$cw_moto_endpoint" ]]; then
    export MOTO_ENDPOINT="$cw_moto_endpoint"
    # Executed rather than sourced: hand the export to the caller's eval.
    (return 0 2>/dev/null) || echo "export MOTO_ENDPOINT=$MOTO_ENDPOINT"
else
    echo "moto.sh: could not start moto" >&2
    unset -f cw_moto
    unset cw_moto_endpoint cw_moto_status
    return 1 2>/dev/null || exit 1
fi
unset -f cw_moto
unset cw_moto_endpoint cw_moto_status
