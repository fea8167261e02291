#!/bin/sh
# Compile time that a strata figure adds to a LaTeX document: the best of RUNS compiles of a
# two-column article holding the figure (already drawn and cached, as on every run after the
# first) minus the best of RUNS compiles of the same article without it. Also times the first
# compile, which runs strata.
# usage: latex_compile_time.sh STRATA_BINARY MODEL_JSON LATEX_DIR [ENGINE] [RUNS]
set -eu
strata=$(realpath "$1") model=$2 latex_dir=$(realpath "$3") engine=${4:-pdflatex} runs=${5:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$model" "$work/model.json"
for kind in with without; do
  figure=''
  [ "$kind" = with ] && figure='\begin{figure}\strataFigure[legend]{model.json}\caption{A model.}\end{figure}'
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
best() {
  b=1000
  i=0
  while [ $i -lt "$runs" ]; do
    s=$(now); compile "$1" -no-shell-escape; t=$(awk "BEGIN{print $(now) - $s}")
    b=$(awk "BEGIN{print ($t < $b) ? $t : $b}")
    i=$((i + 1))
  done
  echo "$b"
}
with=$(best with.tex)
without=$(best without.tex)
awk "BEGIN{printf \"%s, %s: first compile (runs strata) %.3f s; with the figure %.3f s, without %.3f s: the figure adds %.3f s\n\", \"$engine\", \"$(basename "$model")\", $first, $with, $without, $with - $without}"
