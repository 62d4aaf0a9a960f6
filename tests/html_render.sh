#!/bin/sh
# html_render.sh: the HTML export as a browser shows and prints it (headless Chromium):
# the finished demo's title band is there and readable (contrast 4.5:1 or more), each
# alignment bar is as wide as its number says, nothing runs off the side of a narrow
# window, and it prints on two pages at most, A4 and Letter. Skipped (77) without Chromium;
# not a cli*/screens_* test, so the sanitizers' run, which has no browser, leaves it out.
. "$(dirname "$0")/lib.sh"

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] ||
    { echo "html_render: skipped: no Chromium at $CHROMIUM (Debian package chromium)"; exit 77; }
command -v pdfinfo >/dev/null ||
    { echo "html_render: skipped: no pdfinfo (Debian package poppler-utils)"; exit 77; }
command -v sqlite3 >/dev/null || { echo "html_render: skipped: no sqlite3 shell"; exit 77; }
PY=$(command -v python3) || { echo "html_render: skipped: no python3"; exit 77; }
PROBE="$(dirname "$0")/png_probe.py"

# chromium ARGS...: headless, offline, a profile of its own; as root it needs --no-sandbox.
chromium() {
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --force-device-scale-factor=1 \
        --user-data-dir="$WORK/profile" "$@" >"$WORK/chromium.log" 2>&1
}
probe() { "$PY" "$PROBE" "$@"; }

db="$WORK/html.db"
"$SAMESONG" --db "$db" demo >/dev/null
fin=replyline-finished-canvas
"$SAMESONG" --db "$db" export $fin --format html -o "$WORK/demo.html"

# --- on a wide screen -------------------------------------------------------------------
chromium --screenshot="$WORK/wide.png" --window-size=1200,3200 "file://$WORK/demo.html"
check '[ -s "$WORK/wide.png" ]' "Chromium draws the page ($(tail -1 "$WORK/chromium.log"))"
# the title band: the head's pale ground across the page, the title dark on it
band=$(probe "$WORK/wide.png" band f2f5f8)
read -r top bottom left right <<EOF
$band
EOF
check '[ $((bottom - top)) -ge 80 ] && [ $((right - left)) -ge 900 ]' \
    "a title band at the top, 900 pixels wide or more, 80 high or more ($band)"
dark=$(probe "$WORK/wide.png" dark "$left" "$top" $((right - left)) $((bottom - top)))
check '[ "$dark" -ge 2000 ]' "the title band is not blank: $dark dark pixels"
ratio=$(probe "$WORK/wide.png" contrast "$left" "$top" $((right - left)) 60)
check 'awk "BEGIN { exit !($ratio >= 4.5) }"' "the title on the band: contrast $ratio, 4.5 or more"
# the band's last lines (who was there, the digest) are the muted grey on the band
ratio=$(probe "$WORK/wide.png" contrast "$left" $((bottom - 45)) $((right - left)) 40)
check 'awk "BEGIN { exit !($ratio >= 4.5) }"' "the muted lines of the head: contrast $ratio, 4.5 or more"
# each step's bar, filled as far as its alignment, within 1.5 points
"$SAMESONG" --db "$db" report $fin --json >"$WORK/report.json"
sqlite3 :memory: "SELECT json_extract(value, '\$.alignment')
                  FROM json_each(json_extract(readfile('$WORK/report.json'), '\$.steps'))" \
    >"$WORK/alignments"
probe "$WORK/wide.png" bars 2b5f91 5f6b78 >"$WORK/bars"
check '[ "$(wc -l <"$WORK/bars")" -eq 5 ]' "five bars drawn ($(tr '\n' ' ' <"$WORK/bars"))"
paste -d ' ' "$WORK/alignments" "$WORK/bars" >"$WORK/both"
while read -r want filled inner; do
    check 'awk "BEGIN { got = 100 * $filled / $inner; d = got - $want; exit !(d < 1.5 && d > -1.5 && $inner > 200) }"' \
        "a bar of $want% fills $filled of $inner pixels"
done <"$WORK/both"
# the page's sides stay white below the band: nothing wider than the window
probe "$WORK/wide.png" size >"$WORK/size"
read -r w h <"$WORK/size"
check '[ "$(probe "$WORK/wide.png" strip $((w - 12)) "$w" $((bottom + 4)) "$h")" -eq 0 ]' \
    "nothing reaches the right edge at 1200 pixels"

# --- in a phone's width, with words too long for it ----------------------------------------
long=$(printf 'W%.0s' $(seq 190))
cat >"$WORK/long.json" <<JSON
{"format": "samesong-session/1", "name": "Long $long", "product": "P$long",
 "participants": [{"name": "N$long", "role": "ceo"}, {"name": "Bo", "role": "sales"}],
 "inputs": [{"participant": "N$long", "step": "value", "text": "A$long"},
            {"participant": "Bo", "step": "value", "text": "A$long"}],
 "decisions": [{"step": "value", "text": "D$long", "why": "Y$long"}],
 "narrative": "S$long"}
JSON
"$SAMESONG" --db "$db" import "$WORK/long.json" --slug long >/dev/null
# fourteen people: a grid's column each
people="" answers=""
for i in $(seq 14); do
    people="$people${people:+,}{\"name\": \"Person $i\", \"role\": \"sales\"}"
    answers="$answers${answers:+,}{\"participant\": \"Person $i\", \"step\": \"value\", \"text\": \"Answer $((i % 3))\"}"
done
printf '{"format": "samesong-session/1", "name": "Crowd", "participants": [%s], "inputs": [%s]}' \
    "$people" "$answers" >"$WORK/crowd.json"
"$SAMESONG" --db "$db" import "$WORK/crowd.json" --slug crowd >/dev/null
for s in $fin long crowd; do
    "$SAMESONG" --db "$db" export $s --format html -o "$WORK/$s.html"
    chromium --screenshot="$WORK/narrow-$s.png" --window-size=400,4000 "file://$WORK/$s.html"
    probe "$WORK/narrow-$s.png" size >"$WORK/size"
    read -r w h <"$WORK/size"
    band=$(probe "$WORK/narrow-$s.png" band f2f5f8)
    read -r top bottom left right <<EOF
$band
EOF
    check '[ $((bottom - top)) -ge 80 ] && [ "$w" -eq 400 ]' \
        "$s at 400 pixels: the band ($band), the width ($w)"
    # the page's padding, right and left, stays white: nothing overflows it
    check '[ "$(probe "$WORK/narrow-$s.png" strip $((w - 10)) "$w" $((bottom + 4)) "$h")" -eq 0 ]' \
        "$s at 400 pixels: nothing runs past the right edge"
    check '[ "$(probe "$WORK/narrow-$s.png" strip 0 10 $((bottom + 4)) "$h")" -eq 0 ]' \
        "$s at 400 pixels: nor the left"
done

# --- printed: two pages at most, A4 and Letter ------------------------------------------
chromium --print-to-pdf="$WORK/demo.pdf" --no-pdf-header-footer "file://$WORK/demo.html"
pdfinfo "$WORK/demo.pdf" >"$WORK/pdfinfo"
pages=$(sed -n 's/^Pages: *//p' "$WORK/pdfinfo")
check '[ -n "$pages" ] && [ "$pages" -le 2 ]' "the demo prints on two A4 pages at most ($pages)"
check 'grep -q "^Page size:.*(A4)" "$WORK/pdfinfo"' "on A4, as its @page says"
sed 's/@page{size:A4;/@page{size:letter;/' "$WORK/demo.html" >"$WORK/letter.html"
check '! cmp -s "$WORK/demo.html" "$WORK/letter.html"' "the page's size can be set to Letter"
chromium --print-to-pdf="$WORK/letter.pdf" --no-pdf-header-footer "file://$WORK/letter.html"
pdfinfo "$WORK/letter.pdf" >"$WORK/pdfinfo"
pages=$(sed -n 's/^Pages: *//p' "$WORK/pdfinfo")
check '[ -n "$pages" ] && [ "$pages" -le 2 ]' "and on two Letter pages at most ($pages)"
check 'grep -q "^Page size:.*letter" "$WORK/pdfinfo"' "on Letter"

finish
