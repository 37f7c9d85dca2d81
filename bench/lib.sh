# Shell functions the load benchmarks share (sourced by bench/catalog and bench/graphql). The
# caller sets `work` (a scratch directory) and `threads`, `connections`, `duration` for wrk.

server_pid=""
stop_server() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2> /dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2> /dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2> /dev/null || true
    wait "$server_pid" 2> /dev/null || true
    server_pid=""
  fi
}

now_ns() { date +%s%N; }

# Starts "$@" in the background as server_pid and waits until URL answers 200; sets startup_ms
# to the milliseconds from exec to that answer.
start_server() {  # URL LOG COMMAND...
  local url=$1 log=$2
  shift 2
  local started
  started=$(now_ns)
  server_started_ns=$started
  "$@" > "$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 6000); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "$url" 2> /dev/null) == 200 ]]; then
      startup_ms=$((($(now_ns) - started) / 1000000))
      return 0
    fi
    if ! kill -0 "$server_pid" 2> /dev/null; then
      echo "bench: $1 exited before $url answered; its log:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.01
  done
  echo "bench: $url did not answer 200 within 60 s; log: $log" >&2
  cat "$log" >&2
  return 1
}

# Resident memory of a process and its children (the peer's cluster workers), in MiB.
rss_mib() {  # PID
  local total=0 pid kb
  for pid in "$1" $(pgrep -P "$1" || true); do
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2> /dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  awk -v kb="$total" 'BEGIN { printf "%.0f MiB", kb / 1024 }'
}

# wrk --latency on URL (with a wrk Lua SCRIPT when given); sets rps p50 p99 and bad (empty when
# every response was 2xx/3xx, else a description of what went wrong).
run_wrk() {  # NAME URL [SCRIPT]
  local out="$work/$1.wrk"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency ${3:+-s "$3"} "$2" > "$out" 2>&1 || true
  cp "$out" "$work/last.wrk"
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  local total non2xx errors status
  total=$(awk '/requests in/ {print $1}' "$out")
  non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' "$out")
  errors=$(awk '/Socket errors/ {sub(/^ *Socket errors: */, ""); print}' "$out")
  bad=""
  if [[ -z $rps || -z $total ]]; then
    bad="wrk failed: $(tr '\n' ' ' < "$out" | cut -c1-200)"
  elif [[ -n $non2xx ]]; then
    status=$(curl -s -o /dev/null -w '%{http_code}' "$2" || true)
    bad="$non2xx of $total responses were not 2xx/3xx (a single request answers HTTP $status)"
  fi
  [[ -n $errors ]] && bad="${bad:+$bad; }socket errors: $errors"
  return 0
}

# One table row: a number when every response was good, a FAILED line otherwise.
row() {  # SERVER ENDPOINT RPS P50 P99 BAD RSS STARTUP
  if [[ -n $6 ]]; then
    echo "| $1 | $2 | **FAILED**: $6 | – | – | $7 | $8 |"
  else
    echo "| $1 | $2 | $3 | $4 | $5 | $7 | $8 |"
  fi
}

# Latency as wrk prints it (850.00us, 1.23ms, 2.00s) in milliseconds.
to_ms() {
  awk -v t="$1" 'BEGIN {
    if (t ~ /us$/) { sub(/us$/, "", t); print t / 1000 }
    else if (t ~ /ms$/) { sub(/ms$/, "", t); print t + 0 }
    else if (t ~ /m$/) { sub(/m$/, "", t); print t * 60000 }
    else if (t ~ /s$/) { sub(/s$/, "", t); print t * 1000 }
    else print "" }'
}

