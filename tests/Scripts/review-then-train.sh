#!/usr/bin/env bash
# Measures issue 14's loop on real documents: an editor reviews ONE document of a collection, `train --db` learns from it, and
# the collection's other graded documents (its siblings, never trained on) are scored before and after re-extraction.
# Per collection: its graded documents outside the extraction hold-out (HOLDOUT.md) are ingested into a fresh store; each in turn
# is the reviewed one (`review --from-gold` with that document's gold only: accept, correct, reject, add, through the store's
# review API); "before" is a model trained on every other collection's gold, "after" the same gold plus the store's reviews.
# Reads ../shared (never copied); run from the repository root after `dotnet build PolicyMiner.sln -c Release`.
# Usage: tests/Scripts/review-then-train.sh [COLLECTION...]   (default: city-reports-2024 hebei-baoding-reports shandong-plans)
set -euo pipefail
pm=(dotnet src/PolicyMiner.Cli/bin/Release/net10.0/policyminer.dll)
shared=../shared/real
collections=("$@")
[ ${#collections[@]} -gt 0 ] || collections=(city-reports-2024 hebei-baoding-reports shandong-plans)
hold=(遵义市_2024 保定市易县_2018 山东省_2022_11)
for n in 03 06 09 12 15 18 21 24 27 30 33 36 39 42 45 48 51 54 57 60; do hold+=("govcn-$n"); done
held() { local s; for s in "${hold[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

work=$(mktemp -d /tmp/pm-review-train.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Whole-record F1 and "whole record right/total" of eval's text output, as "F1 right/total".
score() { awk '/^whole-record F1/ {f=$3} /^whole record / {r=$4} END {print f, r}'; }

for collection in "${collections[@]}"; do
  folder=$shared/$collection
  [ -d "$folder/gold" ] || { echo "review-then-train: $folder/gold not found; skipped" >&2; continue; }
  manifest=(); [ -f "$folder/meta.jsonl" ] && manifest=(--manifest "$folder/meta.jsonl")
  # The collection's graded documents outside the hold-out.
  docs=()
  for g in "$folder"/gold/*.jsonl; do
    stem=$(basename "$g" .jsonl); held "$stem" && continue
    for f in "$folder/$stem".*; do [ -f "$f" ] && docs+=("$f"); done
  done
  [ ${#docs[@]} -ge 2 ] || { echo "$collection: fewer than two graded documents outside the hold-out; skipped" >&2; continue; }

  # Training gold: every other collection's (and ../shared's), minus the hold-out; this collection never trains "before".
  gold=(--gold ../shared/gold ../shared/corpus)
  for f in "$shared"/*/; do f=${f%/}; [ "$f" = "$folder" ] && continue; [ -d "$f/gold" ] || continue
    gold+=(--gold "$f/gold" "$f"); [ -f "$f/meta.jsonl" ] && gold+=(--manifest "$f/meta.jsonl"); done
  "${pm[@]}" train "${gold[@]}" --hold-out "${hold[@]}" --min-leaf 5 --threshold 0 --out "$work/before.zip" >/dev/null

  echo "== $collection (${#docs[@]} graded documents outside the hold-out)"
  printf '%-22s %-28s %-28s %s\n' reviewed "siblings before (wF1 right)" "siblings after (wF1 right)" "siblings broken (per document record-F1 down)"
  for reviewed in "${docs[@]}"; do
    stem=$(basename "${reviewed%.*}")
    rm -rf "$work/store" "$work/gold1"; mkdir -p "$work/store" "$work/gold1"
    for d in "${docs[@]}"; do cp "$d" "$work/store/"; done
    cp "$folder/gold/$stem".* "$work/gold1/"
    "${pm[@]}" ingest "$work/store" --db "$work/review.db" --no-progress "${manifest[@]}" >/dev/null
    "${pm[@]}" review --from-gold "$work/gold1" --db "$work/review.db" --user script >"$work/review.txt"
    "${pm[@]}" train "${gold[@]}" --hold-out "${hold[@]}" --min-leaf 5 --threshold 0 --db "$work/review.db" --out "$work/after.zip" >"$work/train.txt"
    siblings=(); for d in "${docs[@]}"; do [ "$d" = "$reviewed" ] || siblings+=("$d"); done
    for m in before after; do
      "${pm[@]}" eval --per-document --model "$work/$m.zip" --gold "$folder/gold" "${manifest[@]}" "${siblings[@]}" >"$work/$m.txt" || true
    done
    broken=$(join <(awk '/^per document/ {p=1; next} p && NF>=10 && $1 != "document" {print $1, $NF}' "$work/before.txt" | sort) \
                  <(awk '/^per document/ {p=1; next} p && NF>=10 && $1 != "document" {print $1, $NF}' "$work/after.txt" | sort) \
             | awk '$3 < $2 - 1e-9 {printf "%s %s→%s ", $1, $2, $3}')
    printf '%-22s %-28s %-28s %s\n' "$stem" "$(score <"$work/before.txt")" "$(score <"$work/after.txt")" "${broken:-none}"
    echo "    review: $(cut -d: -f2- "$work/review.txt")"
    echo "    $(grep '^lessons' "$work/train.txt")"
    rm -f "$work/review.db"*
  done
done
