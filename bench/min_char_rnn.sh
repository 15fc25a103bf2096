#!/usr/bin/env bash
# MinCharRnn (C#, TfRnn's np) beside NumPy's min-char-rnn on the same text and iteration count, in one run:
# both print `done: N iterations, R it/s, smooth loss X`; this prints each round, the medians and the ratios.
#   bench/min_char_rnn.sh                      # GPL-3, 6000 iterations, 3 rounds
#   ITERATIONS=2000 ROUNDS=1 DATA=input.txt bench/min_char_rnn.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/usr/share/common-licenses/GPL-3}
ITERATIONS=${ITERATIONS:-6000}
ROUNDS=${ROUNDS:-3}
PYTHON=/usr/bin/python3   # Debian's own python3, with Debian's python3-numpy on OpenBLAS
LOCK=/tmp/tfrnn-build.lock

if ! "$PYTHON" -c "import numpy" 2>/dev/null; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y python3-numpy libopenblas0-pthread
fi

flock "$LOCK" dotnet build -c Release examples/MinCharRnn -v quiet -nologo > /dev/null
DLL=$(find examples/MinCharRnn/bin/Release -name MinCharRnn.dll | head -n 1)

echo "text: $DATA ($(wc -c < "$DATA") bytes), $ITERATIONS iterations, sample every 100, seed 1"
echo "numpy $("$PYTHON" -c 'import numpy; print(numpy.__version__)'), BLAS: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
# NumPy runs twice per round: as Debian installs it (OpenBLAS with a thread per core, the ratio of record) and with
# OPENBLAS_NUM_THREADS=1, which is faster for these 100-wide products on 2 cores (the threads spin in the kernel).
ours=(); theirs=(); single=(); ratios=(); single_ratios=()
for round in $(seq "$ROUNDS"); do
  # Each run holds the shared build lock, so no build on the machine slows one side only; ours runs first in odd
  # rounds and last in even ones, so no side always gets the same place in the round.
  run_ours() { line_ours=$(flock "$LOCK" dotnet "$DLL" --data "$DATA" --iterations "$ITERATIONS" | tail -n 1); }
  run_numpy() {
    line_numpy=$(flock "$LOCK" "$PYTHON" bench/python/min_char_rnn.py --data "$DATA" --iterations "$ITERATIONS" | tail -n 1)
    line_single=$(OPENBLAS_NUM_THREADS=1 flock "$LOCK" "$PYTHON" bench/python/min_char_rnn.py --data "$DATA" --iterations "$ITERATIONS" | tail -n 1)
  }
  if (( round % 2 == 1 )); then run_ours; run_numpy; else run_numpy; run_ours; fi
  echo "round $round  TfRnn: $line_ours"
  echo "round $round  NumPy: $line_numpy"
  echo "round $round  NumPy, OPENBLAS_NUM_THREADS=1: $line_single"
  ours+=("$(awk '{print $4}' <<< "$line_ours")")
  theirs+=("$(awk '{print $4}' <<< "$line_numpy")")
  single+=("$(awk '{print $4}' <<< "$line_single")")
  ratios+=("$(awk -v a="${ours[-1]}" -v b="${theirs[-1]}" 'BEGIN {print a / b}')")
  single_ratios+=("$(awk -v a="${ours[-1]}" -v b="${single[-1]}" 'BEGIN {print a / b}')")
done
# Medians of each column, and of the per-round ratios (the machine's speed drifts between rounds, not within a pair).
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
echo "median it/s  TfRnn $(median "${ours[@]}")  NumPy $(median "${theirs[@]}")  NumPy 1 thread $(median "${single[@]}")"
LC_ALL=C printf 'median ratio  %.2fx NumPy, %.2fx NumPy on 1 thread\n' "$(median "${ratios[@]}")" "$(median "${single_ratios[@]}")"
