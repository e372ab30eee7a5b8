#!/bin/sh
# Builds fuzz/corpus/decode_envelope/ from the hand-written envelopes in
# bingads-gen/tests/corpus/: each file is prefixed with the selector byte of its decoder
# (operation index * 2, plus 1 for strict element order), in both modes, and once more for
# the schema-less XmlElement tree.
# Then fuzz/corpus/decode_json/ from the example program bingads-gen/examples/json_fuzz_seeds.rs:
# the example request of every Campaign Management operation and the strictly read requests,
# and the responses the target decodes (the model's example with every field set, and the
# corpus envelopes as JSON), each also with its members sorted so `Type` comes late.
set -eu
cd "$(dirname "$0")"
out=corpus/decode_envelope
mkdir -p "$out"
for f in ../bingads-gen/tests/corpus/*.xml; do
    name=$(basename "$f" .xml)
    case "${name%%__*}" in
        get_campaigns_by_account_id) op=0 ;;
        get_ads_by_ad_group_id) op=1 ;;
        get_user) op=2 ;;
        poll_generate_report) op=3 ;;
        get_keyword_ideas) op=4 ;;
        add_campaigns) op=5 ;;
        *) echo "skipping $f: unknown operation prefix" >&2; continue ;;
    esac
    for strict in 0 1; do
        selector=$((op * 2 + strict))
        { printf "\\$(printf '%03o' "$selector")"; cat "$f"; } > "$out/$name.$strict"
    done
    # Every envelope is also input for the schema-less tree (selector 12).
    { printf '\014'; cat "$f"; } > "$out/$name.tree"
done
echo "seeded $(ls "$out" | wc -l) inputs into fuzz/$out"

json_out=corpus/decode_json
mkdir -p "$json_out"
(cd .. && cargo run --quiet -p bingads-gen --features json --example json_fuzz_seeds -- "fuzz/$json_out")
