# payloads.sh: the terminal-injection payloads, named, in one place, and the
# check that output holds none of them raw. Sourced by tests after lib.sh.
command -v perl >/dev/null || { echo "perl is needed for the injection tests"; exit 1; }

# The names, in order; "payload NAME" prints its bytes (printf formats: a
# NUL cannot be an argument, so it is only in session files and the database).
PAYLOADS="osc0 osc8 osc52 csi2j c1raw c1utf8 rlo zwsp zwj bom ff trunc3 trunc4 overlong2 overlong3"
payload() {
    case $1 in
    osc0) printf '\033]0;pwned\007' ;;                               # set the window title
    osc8) printf '\033]8;;https://evil.example/\033\\click\033]8;;\033\\' ;; # a hyperlink
    osc52) printf '\033]52;c;cHduZWQ=\007' ;;                  # "pwned" to the clipboard
    csi2j) printf '\033[2J' ;;                                      # clear the screen
    c1raw) printf '\2332J' ;;                                       # 0x9B: 8-bit CSI, a raw byte
    c1utf8) printf '\302\2332J' ;;                                  # U+009B as UTF-8 (C2 9B)
    rlo) printf '\342\200\256evil' ;;                               # U+202E right-to-left override
    zwsp) printf 'z\342\200\213w' ;;                                # U+200B zero-width space
    zwj) printf 'z\342\200\215j' ;;                                 # U+200D zero-width joiner
    bom) printf 'b\357\273\277m' ;;                                 # U+FEFF, zero width
    ff) printf 'f\377f' ;;                                          # a lone 0xFF: never UTF-8
    trunc3) printf 't\342\202t' ;;                                  # a 3-byte sequence cut short
    trunc4) printf 't\360\237\230t' ;;                              # a 4-byte sequence cut short
    overlong2) printf 'o\300\257o' ;;                               # "/" as an overlong C0 AF
    overlong3) printf 'o\340\200\257o' ;;                           # "/" as an overlong E0 80 AF
    *) echo "payload: no payload named $1" >&2; return 1 ;;
    esac
}

# payload_json NAME: the payload as a JSON string's contents; control and
# invisible characters as \u escapes, invalid bytes as they are (the file is
# then no valid UTF-8, which a session file must not be).
payload_json() {
    payload "$1" | perl -0777 -pe 's/\\/\\\\/g; s/([\x00-\x1f\x7f])/sprintf("\\u%04x", ord $1)/ge;
        s/\xc2\x9b/\\u009b/g; s/\xe2\x80\xae/\\u202e/g; s/\xe2\x80\x8b/\\u200b/g;
        s/\xe2\x80\x8d/\\u200d/g; s/\xef\xbb\xbf/\\ufeff/g'
}

# ALL_PAYLOADS: every payload in one string, each after a letter, and a NUL
# only where a string may hold one (the sqlite3 shell's char(0)).
ALL_PAYLOADS=$(for p in $PAYLOADS; do printf 'x'; payload "$p"; done; printf 'x')

# unsafe FILE...: prints, for each file that holds something that could drive
# a terminal, "FILE line N: WHAT", and succeeds when one does: a C0 control but
# tab and line feed, DEL, a C1 control (a raw byte or UTF-8 for U+0080..U+009F),
# invalid UTF-8 (overlong forms, surrogates, cut sequences), a direction mark,
# embedding, override or isolate, or a zero-width character. JSON's \u escapes
# are text, and pass.
unsafe() {
    perl -e '
        my $found = 0;
        for my $f (@ARGV) {
            open(my $fh, "<:raw", $f) or die "$f: $!";
            local $/; my $s = <$fh> // "";
            my ($what, $at);
            if ($s =~ /[\x00-\x08\x0b-\x1f\x7f]/) {
                ($what, $at) = (sprintf("control U+%04X", ord $&), $-[0]);
            }
            RUN: while ($s =~ /[\x80-\xff]+/g) { # the rest is ASCII: decode only these
                my ($run, $start) = ($&, $-[0]);
                last if defined $at && $start > $at;
                while ($run =~ /\G(?:([\xc2-\xdf][\x80-\xbf])|(\xe0[\xa0-\xbf][\x80-\xbf]
                        |[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf])
                        |(\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}
                        |\xf4[\x80-\x8f][\x80-\xbf]{2})|(.))/gsx) {
                    my ($bad, $c);
                    if (defined $4) { $bad = sprintf("invalid UTF-8 byte 0x%02X", ord $4); }
                    else {
                        my @b = map { ord } split //, $&;
                        $c = @b == 2 ? (($b[0] & 0x1f) << 6) | ($b[1] & 0x3f)
                           : @b == 3 ? (($b[0] & 0x0f) << 12) | (($b[1] & 0x3f) << 6)
                                   | ($b[2] & 0x3f)
                           : (($b[0] & 0x07) << 18) | (($b[1] & 0x3f) << 12)
                             | (($b[2] & 0x3f) << 6) | ($b[3] & 0x3f);
                        $bad = sprintf("control U+%04X", $c) if $c <= 0x9f;
                        $bad = sprintf("invisible U+%04X", $c)
                            if $c == 0xad || $c == 0x61c || ($c >= 0x200b && $c <= 0x200f)
                            || ($c >= 0x202a && $c <= 0x202e) || ($c >= 0x2060 && $c <= 0x2064)
                            || ($c >= 0x2066 && $c <= 0x2069) || $c == 0xfeff
                            || ($c >= 0xe0000 && $c <= 0xe007f);
                    }
                    next unless defined $bad;
                    ($what, $at) = ($bad, $start + $-[0]) if !defined $at || $start + $-[0] < $at;
                    last RUN;
                }
            }
            next unless defined $what;
            my $line = 1 + (substr($s, 0, $at) =~ tr/\n//);
            print "$f line $line: $what\n";
            $found = 1;
        }
        exit($found ? 0 : 1);' "$@"
}

# clean WHAT FILE...: one assertion, that the files hold nothing unsafe; kept
# and judged at clean_flush (one perl for them all), so call that before finish.
CLEAN_DIR="$WORK/clean"
CLEANS=0
mkdir -p "$CLEAN_DIR"
clean() {
    CLEANS=$((CLEANS + 1))
    printf '%s\n' "$1" >"$CLEAN_DIR/$CLEANS.what"
    shift
    cat "$@" >"$CLEAN_DIR/$CLEANS.out"
}
clean_flush() {
    [ "$CLEANS" -eq 0 ] && return
    unsafe $(seq -f "$CLEAN_DIR/%g.out" "$CLEANS") >"$CLEAN_DIR/found"
    PASSED=$((PASSED + CLEANS - $(wc -l <"$CLEAN_DIR/found")))
    while read -r file why; do
        FAILED=$((FAILED + 1))
        i=$(basename "$file" .out)
        echo "FAIL: $(cat "$CLEAN_DIR/$i.what"): raw on the terminal, $why"
        cat -v "$CLEAN_DIR/$i.out" | head -5 | cut -c1-200 | sed 's/^/  | /'
    done <"$CLEAN_DIR/found"
    CLEANS=0
}

# plant DB SPARE (needs the sqlite3 shell): appends every payload and a NUL to
# each text column of each table of DB, NULLs included, but those whose
# "table.column" SPARE (a grep -E pattern) matches; the lock triggers are lifted
# for the while and the CHECKs ignored.
plant() {
    hex=$(printf '%s' "$ALL_PAYLOADS" | od -An -tx1 | tr -d ' \n')
    sqlite3 "$1" "SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p
                  WHERE m.type = 'table' AND m.name NOT LIKE 'search_%'
                  AND m.name NOT LIKE 'sqlite%' AND (p.type = 'TEXT'
                  OR (m.name = 'search' AND p.name IN ('text', 'kind', 'step')))" |
        grep -vE "$2" >"$WORK/columns"
    sed "s/^\(.*\)\.\(.*\)$/UPDATE \"\1\" SET \"\2\" = 'r' || coalesce(\"\2\", '')\\
        || CAST(X'${hex}0074' AS TEXT);/" \
        "$WORK/columns" >"$WORK/plant.sql"
    sqlite3 "$1" <<SQL
PRAGMA ignore_check_constraints = 1;
BEGIN;
.output $WORK/triggers.sql
SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger';
.output $WORK/drop.sql
SELECT 'DROP TRIGGER "' || name || '";' FROM sqlite_master WHERE type = 'trigger';
.output stdout
.read $WORK/drop.sql
.read $WORK/plant.sql
.read $WORK/triggers.sql
COMMIT;
SQL
}

# PLANT_FREE_TEXT: for plant, the columns that are not free text: the keys to the
# method's fixed words, codes, dates.
PLANT_FREE_TEXT='^(steps|roles|pitch_sections)\.|\.(step|role|section|mode|status|attribution|'
PLANT_FREE_TEXT="${PLANT_FREE_TEXT}tag|kind|style|sealed|digest|deadline|code_hash|salt|"
PLANT_FREE_TEXT="${PLANT_FREE_TEXT}created_at|revoked_at|joined_at|at|"
PLANT_FREE_TEXT="${PLANT_FREE_TEXT}decided_at|done_at|locked_at)$"
