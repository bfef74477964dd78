#!/usr/bin/env bash
# Measures issue 14's loop on real documents: an editor reviews one document, `train --db` learns from it, and its siblings
# (same collection, never trained on) are scored before and after. Reads ../shared (never copied); run from the repository
# root after `dotnet build PolicyMiner.sln -c Release`. Usage: tests/Scripts/review-then-train.sh [COLLECTION REVIEWED SIBLING...]
# Default: city-reports-2024, reviewing 南通市_2024, siblings 宜昌市_2024 湖州市_2024. The scripted verdicts are the gold
# (`review --from-gold`): what an editor who agrees with the annotator would do.
set -euo pipefail
pm=(dotnet src/PolicyMiner.Cli/bin/Release/net10.0/policyminer.dll)
shared=../shared/real
collection=${1:-city-reports-2024}
reviewed=${2:-南通市_2024}
shift 2 2>/dev/null || true
siblings=("$@")
[ ${#siblings[@]} -gt 0 ] || siblings=(宜昌市_2024 湖州市_2024)
[ -d "$shared/$collection/gold" ] || { echo "review-then-train: $shared/$collection/gold not found; skipped" >&2; exit 0; }

work=$(mktemp -d /tmp/pm-review-train.XXXXXX)
trap 'rm -rf "$work"' EXIT
folder=$shared/$collection
manifest=(); [ -f "$folder/meta.jsonl" ] && manifest=(--manifest "$folder/meta.jsonl")

# Gold for training: every gold folder, minus the extraction hold-out (HOLDOUT.md), the reviewed document and its siblings.
gold=(--gold ../shared/gold ../shared/corpus)
for f in "$shared"/*/; do f=${f%/}; [ -d "$f/gold" ] || continue; gold+=(--gold "$f/gold" "$f"); [ -f "$f/meta.jsonl" ] && gold+=(--manifest "$f/meta.jsonl"); done
hold=(遵义市_2024 保定市易县_2018 山东省_2022_11)
for n in 03 06 09 12 15 18 21 24 27 30 33 36 39 42 45 48 51 54 57 60; do hold+=("govcn-$n"); done
hold+=("$reviewed" "${siblings[@]}")

# The review session: ingest the document, review every target as the gold says.
mkdir "$work/docs"
cp "$folder/$reviewed".* "$work/docs/"
"${pm[@]}" ingest "$work/docs" --db "$work/review.db" --no-progress "${manifest[@]}" >/dev/null
echo "review session ($reviewed):"
"${pm[@]}" review --from-gold "$folder/gold" --db "$work/review.db" --user script

echo; echo "before: trained on gold only"
"${pm[@]}" train "${gold[@]}" --hold-out "${hold[@]}" --out "$work/before.zip" | grep -E '^(training set|indicator spans|ranker)'
echo "after: the same gold + the reviews (train --db)"
"${pm[@]}" train "${gold[@]}" --hold-out "${hold[@]}" --db "$work/review.db" --out "$work/after.zip" | grep -E '^(training set|indicator spans|ranker)'

files=(); for s in "${siblings[@]}"; do files+=("$folder/$s".*); done
for m in none before after; do
  model=$m; [ "$m" = none ] || model=$work/$m.zip
  echo; echo "siblings (${siblings[*]}) with --model $m:"
  "${pm[@]}" eval --model "$model" --gold "$folder/gold" "${manifest[@]}" "${files[@]}" \
    | grep -E '^(precision|recall|F1|indicator|whole record|whole-record F1|calibration)'
done
