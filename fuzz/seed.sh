#!/usr/bin/env bash
# Seeds the fuzz corpora, fuzz/corpus/<target>/, from the binlogs of ../shared/fixtures
# (not the oracles) and the project's fixtures/demo.bin. The corpus directory is
# gitignored: never commit fixture copies.
#
#   fuzz/seed.sh            # seed every target
#   MAX_LEN=16384 fuzz/seed.sh
#
# slice_iter     every binlog, cut to MAX_LEN bytes (default 65536, the -max_len we run with)
# stream_chunks  the same binlogs behind two chunk plans (one read for all; 19 bytes, a
#                pause, 1024 bytes, an I/O error, cyclically)
# event_body     single events of those binlogs as [type byte][body without header or
#                checksum], at most 40 per event type, deduplicated
# gtid_text      hand-written GTID sets and MariaDB GTID lists
# rows           every rows event of those binlogs (and of their TRANSACTION_PAYLOADs) with
#                its TABLE_MAP, as the target's input (at most 6 per table shape and event
#                type; tables of at most 16 columns), by fuzz/seedgen (a small Rust
#                program on binlogkit itself), plus a few hand-made ones
# json           every JSON document and JSON diff list in those rows (seedgen), plus a
#                few hand-written documents
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
fixtures=${FIXTURES:-$root/../shared/fixtures}
max_len=${MAX_LEN:-65536}
corpus=$here/corpus

mkdir -p "$corpus"/slice_iter "$corpus"/stream_chunks "$corpus"/event_body "$corpus"/gtid_text \
    "$corpus"/rows "$corpus"/json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every binlog: files that start with the binlog magic (fe 62 69 6e) or the encrypted one
# (fd 62 69 6e), gunzipping .gz files.
list=$work/binlogs.txt
: > "$list"
add() { # add PATH NAME
    local src=$1 name=$2 tmp=$work/one
    case $src in
        *.gz) gzip -dc "$src" > "$tmp" 2>/dev/null || return 0 ;;
        *) cat "$src" > "$tmp" ;;
    esac
    local magic
    magic=$(head -c 4 "$tmp" | od -An -tx1 | tr -d ' \n')
    case $magic in
        fe62696e | fd62696e) ;;
        *) return 0 ;;
    esac
    head -c "$max_len" "$tmp" > "$work/$name"
    echo "$work/$name" >> "$list"
}

n=0
if [ -f "$root/fixtures/demo.bin" ]; then
    add "$root/fixtures/demo.bin" demo.bin
fi
if [ -d "$fixtures" ]; then
    while IFS= read -r -d '' f; do
        rel=${f#"$fixtures"/}
        add "$f" "fixture-$(echo "$rel" | tr '/@ ' '___')"
        n=$((n + 1))
    done < <(find "$fixtures" -type f -not -path '*/oracles/*' \
        -not -name '*.md' -not -name '*.txt' -not -name '*.json' -print0 | sort -z)
else
    echo "seed.sh: $fixtures is absent; seeding from fixtures/demo.bin only" >&2
fi

while IFS= read -r f; do
    name=$(basename "$f")
    cp "$f" "$corpus/slice_iter/$name"
    # stream_chunks: first byte = number of plan bytes (low 4 bits), then the plan.
    { printf '\x00'; head -c $((max_len - 1)) "$f"; } > "$corpus/stream_chunks/$name.all"
    { printf '\x04\x13\x00\x81\xfd'; head -c $((max_len - 5)) "$f"; } \
        > "$corpus/stream_chunks/$name.plan"
done < "$list"

# event_body: split the binlogs into events. The header length comes from the format
# description (19 for v3/v4, 13 for v1); a file has CRC32 checksums when its format
# description's last four bytes are the CRC32 of the rest (in-use flag masked).
python3 - "$corpus/event_body" "$list" <<'EOF'
import hashlib, os, struct, sys, zlib

out, listing = sys.argv[1], sys.argv[2]
per_type = {}
written = 0
for path in open(listing).read().split():
    data = open(path, 'rb').read()
    if data[:4] != b'\xfebin' or len(data) < 4 + 13:
        continue
    pos = 4
    first = True
    header_len, crc = 19, False
    while pos + 13 <= len(data):
        size = struct.unpack_from('<I', data, pos + 9)[0]
        if size < 13 or pos + size > len(data):
            break
        frame = data[pos:pos + size]
        etype = frame[4]
        if first:
            first = False
            if etype == 1 and size < 19 + 56:
                header_len = 13
            if etype == 15 and size >= 19 + 57:
                header_len = max(19, frame[19 + 56])
                masked = frame[:17] + bytes([frame[17] & 0xfe]) + frame[18:-4]
                crc = zlib.crc32(masked) & 0xffffffff == struct.unpack('<I', frame[-4:])[0]
        body = frame[header_len:len(frame) - (4 if crc else 0)]
        pos += size
        if per_type.get(etype, 0) >= 40:
            continue
        seed = bytes([etype]) + body
        name = os.path.join(out, 'event-%d-%s' % (etype, hashlib.sha1(seed).hexdigest()[:16]))
        if not os.path.exists(name):
            open(name, 'wb').write(seed)
            per_type[etype] = per_type.get(etype, 0) + 1
            written += 1
print('event_body: %d events of %d types' % (written, len(per_type)))
EOF

# gtid_text: text before a '|' is the first operand, after it the second.
g=$corpus/gtid_text
u1=3e11fa47-71ca-11e1-9e33-c80aa9429562
u2=3E11FA47-71CA-11E1-9E33-C80AA9429563
printf '%s' "$u1:1-5:11" > "$g/set-simple"
printf '%s' "$u1:1-5:11,
$u1:tag_a:1-2" > "$g/set-tagged"
printf '%s' "$u1:1-5:11|$u1:3-20" > "$g/set-pair"
printf '%s' "$u1:1-10:Tag_B:3:5-7, $u2:0x10-0x20|$u2:017-020,$u1:tag_b:6" > "$g/set-pair-tags"
printf '%s' " $u1 : 1 - 9223372036854775806 |$u1:9223372036854775805" > "$g/set-max"
printf '%s' "$u1:5-3:7|" > "$g/set-reversed"
printf '%s' ",,$u1:1,,$u2:2,," > "$g/set-commas"
printf '%s' "$u1:3" > "$g/gtid-one"
printf '%s' "$u1:t:3" > "$g/gtid-tagged"
printf '%s' "0-1-100,1-2-200,0-3-50" > "$g/mariadb-list"
printf '%s' "0-1-100,1-2-200|0-1-150,2-1-1" > "$g/mariadb-pair"
printf '%s' " 0-1-18446744073709551615 ,
 4294967295-4294967295-0|0-1-1" > "$g/mariadb-max"
printf '%s' "" > "$g/empty"

# rows and json: seedgen reads the whole binlogs (not cut to MAX_LEN), so that it finds
# the table maps and rows of long files. It builds in fuzz/target/seedgen (gitignored).
full=$work/full.txt
: > "$full"
if [ -f "$root/fixtures/demo.bin" ]; then
    echo "$root/fixtures/demo.bin" >> "$full"
fi
if [ -d "$fixtures" ]; then
    while IFS= read -r -d '' f; do
        case $f in
            *.gz) gzip -dc "$f" > "$work/full-$(basename "$f" .gz)" 2>/dev/null &&
                echo "$work/full-$(basename "$f" .gz)" >> "$full" ;;
            *) echo "$f" >> "$full" ;;
        esac
    done < <(find "$fixtures" -type f -not -path '*/oracles/*' \
        -not -name '*.md' -not -name '*.txt' -not -name '*.json' -print0 | sort -z)
fi
CARGO_TARGET_DIR=$here/target/seedgen cargo run --quiet --release \
    --manifest-path "$here/seedgen/Cargo.toml" -- \
    "$corpus/rows" "$corpus/json" "$max_len" < "$full"

# Hand-made rows inputs (see RowsCase in src/checks.rs) and JSON documents.
python3 - "$corpus/rows" "$corpus/json" <<'EOF'
import os, struct, sys

rows_dir, json_dir = sys.argv[1], sys.argv[2]

def rows_input(types, metadata, selector, flags, sections=b'', rows=b'', optional=b''):
    return (bytes([len(types) - 1]) + bytes(types) + metadata + bytes([len(optional)])
            + optional + bytes([selector, flags]) + sections + rows)

# {"a": 1}: a small object, one key, an inlined int16.
obj = bytes([0x00, 0x01, 0x00, 0x0c, 0x00, 0x0b, 0x00, 0x01, 0x00, 0x05, 0x01, 0x00]) + b'a'
joe = b'\x0c\x03Joe'
# REPLACE $.age with 26.
diffs = b'\x00\x05$.age\x03\x05\x1a\x00'
le32 = lambda n: struct.pack('<I', n)

seeds = {
    # INT, VARCHAR(20): one WRITE_ROWS v2 row (1, 'ab').
    'int-varchar': rows_input([0x03, 0x0f], b'\x14\x00', 6, 0x00,
                              rows=b'\x00' + le32(1) + b'\x02ab'),
    # JSON: an UPDATE v2 row, {"a": 1} to "Joe".
    'json-update': rows_input([0xf5], b'\x04', 7, 0x00,
                              rows=b'\x00' + le32(len(obj)) + obj + b'\x00' + le32(len(joe)) + joe),
    # JSON: a PARTIAL_UPDATE_ROWS row, its after image a diff list.
    'json-partial': rows_input([0xf5], b'\x04', 9, 0x40, sections=b'\xff\x01',
                               rows=b'\x00' + le32(len(obj)) + obj
                               + b'\x01\x01\x00' + le32(len(diffs)) + diffs),
    # Pre-GA WRITE_ROWS (20) of a TINYINT: no TABLE_MAP metadata, hints: 1 engine null
    # byte, the column's engine null bit.
    'pre-ga-hints': rows_input([0x01], b'', 0, 0x0c, sections=b'\x01\x17', rows=b'\x00\x2a'),
    # Pre-GA UPDATE_ROWS (21) of a VARCHAR(20) whose metadata comes from a hint.
    'pre-ga-metadata-hint': rows_input([0x0f], b'\x14\x00', 1, 0x0c,
                                       sections=b'\x01\x37\x14\x00',
                                       rows=b'\x00\x02ab\x00\x02cd'),
    # MariaDB: a legacy DATETIME with 3 fractional digits (hint), WRITE_ROWS v1.
    'mariadb-legacy-fsp': rows_input([0x0c], b'', 3, 0x09, sections=b'\xff\x03',
                                     rows=b'\x00' + bytes(7)),
    # MariaDB compressed WRITE_ROWS v1 (166) of a VARCHAR(10), the harness compressing.
    'mariadb-compressed': rows_input([0x0f], b'\x0a\x00', 10, 0x11, rows=b'\x00\x03abc'),
}
for name, data in seeds.items():
    open(os.path.join(rows_dir, 'hand-' + name), 'wb').write(data)

docs = {
    'object': obj,
    'string': joe,
    'double': b'\x0b' + struct.pack('<d', 1.0),
    # [true, "x"]
    'array': bytes([0x02, 0x02, 0x00, 0x0c, 0x00, 0x04, 0x01, 0x00, 0x0c, 0x0a, 0x00]) + b'\x01x',
    # DECIMAL(4,2) 1.13 as an opaque value.
    'opaque-decimal': b'\x0f\xf6\x04\x04\x02\x81\x0d',
    'diffs': diffs + b'\x02\x03$.x',
}
for name, data in docs.items():
    open(os.path.join(json_dir, 'hand-' + name), 'wb').write(data)
EOF

for t in slice_iter stream_chunks event_body gtid_text rows json; do
    echo "$t: $(find "$corpus/$t" -type f | wc -l) files"
done
