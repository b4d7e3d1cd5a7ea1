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
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
fixtures=${FIXTURES:-$root/../shared/fixtures}
max_len=${MAX_LEN:-65536}
corpus=$here/corpus

mkdir -p "$corpus"/slice_iter "$corpus"/stream_chunks "$corpus"/event_body "$corpus"/gtid_text
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

for t in slice_iter stream_chunks event_body gtid_text; do
    echo "$t: $(find "$corpus/$t" -type f | wc -l) files"
done
