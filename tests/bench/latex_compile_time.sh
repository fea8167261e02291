#!/bin/bash
# Compile time that a strata figure adds to a LaTeX document: the best of RUNS compiles of a
# two-column article holding the figure (already drawn and cached, as on every run after the
# first) minus the best of RUNS compiles of the same article without it, as processor time
# (user + system, steadier than the clock on a busy machine) and as elapsed time. Also times
# the first compile, which runs strata, and a document with twenty copies of the figure, whose
# extra time divided by twenty is the cost of one figure with less noise.
# usage: latex_compile_time.sh STRATA_BINARY MODEL_JSON LATEX_DIR [ENGINE] [RUNS]
set -eu
strata=$(realpath "$1") model=$2 latex_dir=$(realpath "$3") engine=${4:-pdflatex} runs=${5:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$model" "$work/model.json"
one='\begin{figure}\strataFigure[legend]{model.json}\caption{A model.}\end{figure}'
for kind in with without twenty; do
  figure=''
  [ "$kind" = with ] && figure=$one
  [ "$kind" = twenty ] && for i in $(seq 20); do figure="$figure$one\clearpage"; done
  cat >"$work/$kind.tex" <<DOC
\documentclass[twocolumn]{article}
\usepackage[T1]{fontenc}\usepackage{lmodern}
\usepackage{strata}\strataset{program=$strata}
\begin{document}
Text.
$figure
\end{document}
DOC
done
export TEXINPUTS="$latex_dir//:"
now() { date +%s.%N; }
compile() { (cd "$work" && $engine $2 -interaction=nonstopmode -halt-on-error "$1" >/dev/null); }
start=$(now); compile with.tex -shell-escape; first=$(awk "BEGIN{print $(now) - $start}")
TIMEFORMAT='%R %U %S'
# Prints the best elapsed and the best processor time of RUNS compiles of $1.
best() {
  local wall=1000 cpu=1000 i=0 t
  while [ $i -lt "$runs" ]; do
    t=$({ time compile "$1" -no-shell-escape; } 2>&1)
    wall=$(echo "$t $wall" | awk '{print ($1 < $4) ? $1 : $4}')
    cpu=$(echo "$t $cpu" | awk '{c = $2 + $3; print (c < $4) ? c : $4}')
    i=$((i + 1))
  done
  echo "$wall $cpu"
}
read -r with_wall with_cpu <<<"$(best with.tex)"
read -r without_wall without_cpu <<<"$(best without.tex)"
read -r twenty_wall twenty_cpu <<<"$(best twenty.tex)"
awk "BEGIN{printf \"%s, %s: first compile (runs strata) %.2f s; the figure adds %.3f s of processor time (%.3f - %.3f) and %.3f s elapsed (%.3f - %.3f)\n\", \"$engine\", \"$(basename "$model")\", $first, $with_cpu - $without_cpu, $with_cpu, $without_cpu, $with_wall - $without_wall, $with_wall, $without_wall}"
awk "BEGIN{printf \"  twenty copies of the figure: %.3f s of processor time per figure, %.3f s elapsed\n\", ($twenty_cpu - $without_cpu) / 20, ($twenty_wall - $without_wall) / 20}"
