#!/bin/sh
# cli_html.sh: `samesong export --format html`: one self-contained page (no script, nothing
# fetched) that validates (tidy, and html5lib's strict parser), with the canvas, the pitch,
# the alignment bars, who said what and the votes; every user field through it holds
# <script>, an <img onerror>, </title>, &amp; and the terminal payloads, and each shows as
# text. And the formats' one table: --format's error and help, the canvas's x by extension.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/payloads.sh"
. "$(dirname "$0")/script.sh"

# The validators are Debian packages (tidy, python3-html5lib; ./bootstrap installs them).
command -v tidy >/dev/null || { echo "cli_html: skipped: tidy is not installed (Debian package tidy)"; exit 77; }
command -v sqlite3 >/dev/null || { echo "cli_html: skipped: the sqlite3 shell is not installed"; exit 77; }
PY=""
for p in /usr/bin/python3 python3; do
    if "$p" -c 'import html5lib' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "cli_html: skipped: python3-html5lib is not installed"; exit 77; }

# valid WHAT FILE: tidy finds nothing to say (no error, no warning) and html5lib's strict
# parser reads it through.
valid() {
    if tidy -q -e "$2" >"$WORK/tidy" 2>&1; then ok
    else bad "$1: tidy: $(head -3 "$WORK/tidy")"; fi
    if "$PY" -c 'import sys, html5lib
html5lib.HTMLParser(strict=True).parse(open(sys.argv[1], "rb").read())' "$2" 2>"$WORK/strict"
    then ok; else bad "$1: html5lib: $(tail -1 "$WORK/strict")"; fi
}

# self_contained WHAT FILE: nothing that fetches or runs: no script, link, img or frame, no
# src, href or handler in a tag, no url() or @import in the style. (Every < of user text is
# escaped, so a < in the file opens a real tag.)
self_contained() {
    if grep -qiE '<(script|link|img|iframe|object|embed|base)|<[^>]*[[:space:]](src|href|on[a-z]+)=|url\(|@import' "$2"
    then bad "$1: fetches or runs something: $(grep -oiE '.{0,30}(<script|<link|<img|<[^>]*[[:space:]](src|href|on[a-z]+)=|url\(|@import).{0,30}' "$2" | head -2)"
    else ok; fi
}

# The page's tree, read as a browser reads it (html5lib): no element that runs or fetches,
# no event handler or address in any attribute, a style attribute only as a bar's width;
# and the payload as text in each of the places named on the command line.
cat >"$WORK/tree.py" <<'PY'
import re, sys, html5lib
path, payload = sys.argv[1], sys.argv[2]
tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(open(path, "rb").read())
fails = 0
def fail(what):
    global fails
    fails += 1
    print("FAIL: " + what)
for el in tree.iter():
    if not isinstance(el.tag, str):
        continue
    if el.tag in ("script", "img", "iframe", "object", "embed", "link", "svg", "math", "form",
                  "input", "base", "meta") and not (el.tag == "meta" and el.get("name") in
                                                     (None, "viewport", "generator")):
        fail("an element <%s>" % el.tag)
    for name, value in el.attrib.items():
        if name.startswith("on") or name in ("src", "href", "srcset", "action", "formaction"):
            fail("an attribute %s=%r on <%s>" % (name, value, el.tag))
        if name == "style" and not re.fullmatch(r"width:\d+(\.\d)?%", value):
            fail("a style attribute %r" % value)
def text(el):
    return "".join(el.itertext())
def has_class(el, c):
    return c in (el.get("class") or "").split()
def inside(trail, c):  # an element round it has class c
    return any(c in cls.split() for cls in trail[:-1])
# each place: a name, and which elements (with the classes of those round them) are it
places = {
    "title": lambda el, tr: el.tag == "title",
    "h1 (the session's name)": lambda el, tr: el.tag == "h1",
    "the product": lambda el, tr: el.tag == "p" and has_class(el, "kind"),
    "the participants in the head": lambda el, tr: el.tag == "p" and has_class(el, "meta"),
    "a decision's item": lambda el, tr: has_class(el, "item"),
    "an item's links": lambda el, tr: has_class(el, "links"),
    "a capability's tag group": lambda el, tr: has_class(el, "aside"),
    "a proof": lambda el, tr: el.tag == "li" and inside(tr, "proofs"),
    "why": lambda el, tr: has_class(el, "note") and text(el).startswith("Why:"),
    "the champion": lambda el, tr: has_class(el, "note") and text(el).startswith("Champion:"),
    "the style's why": lambda el, tr: has_class(el, "note")
                                      and text(el).startswith("Positioning style:"),
    "a dissent": lambda el, tr: has_class(el, "dissent"),
    "a pitch section": lambda el, tr: el.tag == "p" and inside(tr, "pitch-part"),
    "an objection": lambda el, tr: el.tag == "li" and inside(tr, "objections"),
    "a person in a grid's head": lambda el, tr: el.tag == "th" and has_class(el, "person"),
    "a group in a grid": lambda el, tr: el.tag == "th" and el.get("scope") == "row"
                                        and inside(tr, "grid"),
    "a ranked group": lambda el, tr: el.tag == "li" and inside(tr, "order"),
    "the slug": lambda el, tr: el.tag == "code",
}
def walk(el, trail):  # html5lib's elements have no parent: carry the classes down
    yield el, trail
    for child in el:
        if isinstance(child.tag, str):
            yield from walk(child, trail + [child.get("class") or ""])
for place in sys.argv[3:]:
    if not any(places[place](el, tr) and payload in text(el) for el, tr in walk(tree, [""])):
        fail("the payload is not shown as text in " + place)
sys.exit(1 if fails else 0)
PY
# tree WHAT FILE PAYLOAD PLACE...: tree.py's checks, one assertion each place.
tree() {
    what=$1
    shift
    if "$PY" "$WORK/tree.py" "$@" >"$WORK/tree.out" 2>&1; then ok
    else bad "$what: $(head -5 "$WORK/tree.out")"; fi
}

db="$WORK/html.db"
fin=replyline-finished-canvas
run --db "$db" demo; status 0 "demo"
stdout_has "samesong --db $db export $fin --format html -o canvas.html" # it says how

# --- the finished demo as a page ---------------------------------------------------------
run --db "$db" export $fin --format html; status 0 "export --format html"
page="$WORK/demo.html"
cp "$OUT" "$page"
check 'head -1 "$page" | grep -qx "<!DOCTYPE html>"' "it starts as an HTML5 document"
stdout_has '<html lang="en">'
stdout_has '<meta charset="utf-8">'
stdout_has '<title>Positioning canvas: Replyline positioning workshop, finished</title>'
stdout_has '<h1>Replyline positioning workshop, finished</h1>'
stdout_has '<span class="badge">Locked</span>'
stdout_has 'sha256:'
digest=$("$SAMESONG" --db "$db" export $fin | sed -n 's/.*"lock_digest": *"\(sha256:[0-9a-f]*\)".*/\1/p')
check '[ -n "$digest" ] && grep -qF "$digest" "$page"' "the lock's digest is on the page"
for h2 in "The canvas" "Sales pitch" "Alignment" "Who said what" "Votes"; do
    check 'grep -qE "<h2 id=\"[a-z]+\">$h2</h2>" "$page"' "a heading for each part: $h2"
done
check '[ "$(grep -c "<h1>" "$page")" -eq 1 ]' "one h1"
for title in "Competitive alternatives" "Differentiated capabilities" "Value themes" \
             "Best-fit customers" "Market category"; do
    check '[ "$(grep -c "$title" "$page")" -ge 3 ]' "$title: a card, a bar and a grid"
done
# the canvas's parts, as the Markdown canvas has them
stdout_has '<span class="item">Order lookup inside every ticket</span> <span class="tag">today</span>'
stdout_has 'beats: Shared Gmail inbox and spreadsheets, Zendesk'
stdout_has '<span class="proof-kind">number</span> Northwind Coffee'
stdout_has '<strong>Champion:</strong> Head of CX or support lead'
stdout_has '<strong>Positioning style:</strong> Big fish in a small pond'
stdout_has '<strong>Dissent, Jonas:</strong> Leaving out'
stdout_has 'AI auto-replies <span class="tag later">roadmap</span>'
stdout_has 'The chain holds'
stdout_has '<h3>The ask</h3>'
stdout_has '<h3>Objections the room hears</h3>'
stdout_has 'We just renewed Gorgias for a year.'
# a bar per step, as wide as its alignment, with the number written beside it
"$SAMESONG" --db "$db" report $fin --json >"$WORK/report.json"
sqlite3 :memory: "SELECT printf('%.1f', json_extract(value, '\$.alignment'))
                  FROM json_each(json_extract(readfile('$WORK/report.json'), '\$.steps'))" \
    >"$WORK/alignments"
check '[ "$(wc -l <"$WORK/alignments")" -eq 5 ]' "report --json has five steps' alignment"
while read -r a; do
    stdout_has "<div class=\"fill\" style=\"width:$a%\"></div></div><span class=\"pct\">$a%</span>"
done <"$WORK/alignments"
# who said what: a table per step, its headers scoped
check '[ "$(grep -c "<table class=\"grid\">" "$page")" -eq 5 ]' "five who-said-what tables"
stdout_has '<th scope="col" class="person"><span class="upright">Maya<span class="hidden">, CEO</span></span></th>'
stdout_has '<tr><th scope="row">Spreadsheets</th><td class="count">5</td>'
check '! grep -q "<th>" "$page"' "every th has a scope"
# the votes, with the rounds
stdout_has '<li>Faster answers <span class="muted">(rank sum 7)</span></li>'
stdout_has '<tr><th scope="row">3</th><td>0.81 almost perfect</td><td>+0.63</td>'
stdout_has 'Round 3: almost perfect agreement; consensus reached (W 0.81 &gt;= 0.70).'
# print: a page size and margins
stdout_has '@page{size:A4;margin:'
stdout_has '@media print{'
valid "the demo" "$page"
self_contained "the demo" "$page"
check '! grep -qi "http" "$page"' "the demo names no address at all"
tree "the demo's tree" "$page" "Replyline" "title" "h1 (the session's name)" "the product"

# A draft says so; a solo thesis has no alignment but its own answers.
run --db "$db" export replyline-positioning-workshop --format html; status 0 "a draft"
stdout_has '<span class="badge draft">Draft</span> not locked'
stdout_has '<p class="undecided">Not decided yet.</p>'
cp "$OUT" "$WORK/draft.html"; valid "the draft" "$WORK/draft.html"
printf '%s' '{"format": "samesong-session/1", "name": "Solo", "mode": "solo",
  "participants": [{"name": "Me", "role": "ceo"}],
  "inputs": [{"participant": "Me", "step": "value", "text": "Fast"}]}' >"$WORK/solo.json"
"$SAMESONG" --db "$db" import "$WORK/solo.json" --slug solo >/dev/null
run --db "$db" export solo --format html; status 0 "a solo thesis"
stdout_has '<title>Positioning thesis: Solo</title>'
stdout_has '<h2 id="answers">Your answers</h2>'
stdout_has '<li>Fast</li>'
check '! grep -q "<h2 id=\"alignment\">" "$OUT"' "no alignment for one voice"
cp "$OUT" "$WORK/solo.html"; valid "the solo thesis" "$WORK/solo.html"
"$SAMESONG" --db "$db" new "Empty" >/dev/null
run --db "$db" export empty --format html; status 0 "a session with nothing in it yet"
stdout_has 'Workshop, nobody in it yet.'
stdout_has '<p class="undecided">Nobody has ranked yet.</p>'
cp "$OUT" "$WORK/empty.html"; valid "the empty session" "$WORK/empty.html"

# --- a hostile session file: the payload in every free-text field ---------------------------
# H breaks out of an element, an attribute and the title, and is an entity already; the
# invisible payloads (which a session keeps) come after it.
H='<script>alert(1)</script>"><img src=x onerror=alert(1)></title>&amp;'"'"
"$SAMESONG" --db "$db" export $fin -o "$WORK/finished.json"
kept=$(for p in rlo zwsp zwj bom; do payload "$p"; done)
# every text but the fixed words, each of its lines (a decision's items, linked by their
# text) ending with the payload
sqlite3 :memory: >/dev/null <<SQL
CREATE TABLE h (v TEXT);
INSERT INTO h VALUES (CAST(X'$(printf '%s%s' "$H" "$kept" | od -An -tx1 | tr -d ' \n')' AS TEXT));
CREATE TABLE doc (json TEXT);
INSERT INTO doc VALUES (json_remove(readfile('$WORK/finished.json'), '\$.locked', '\$.lock_digest'));
CREATE TABLE f AS SELECT row_number() OVER () AS n, fullkey, value FROM json_tree((SELECT json FROM doc))
    WHERE type = 'text' AND key NOT IN ('format', 'mode', 'role', 'step', 'tag', 'kind',
        'positioning_style', 'section');
WITH RECURSIVE apply(i, json) AS (
    SELECT 0, (SELECT json FROM doc)
    UNION ALL
    SELECT i + 1, json_set(json, (SELECT fullkey FROM f WHERE n = i + 1),
        replace((SELECT value FROM f WHERE n = i + 1), char(10), (SELECT v FROM h) || char(10))
        || (SELECT v FROM h))
    FROM apply WHERE i < (SELECT count(*) FROM f))
SELECT writefile('$WORK/hostile.json', json) FROM apply ORDER BY i DESC LIMIT 1;
SQL
check 'grep -q "onerror=alert" "$WORK/hostile.json"' "the hostile session file is made"
run --db "$db" import "$WORK/hostile.json" --slug hostile; status 0 "the hostile session imports"
run --db "$db" export hostile --format html; status 0 "and exports as a page"
cp "$OUT" "$WORK/hostile.html"
clean "the hostile page" "$WORK/hostile.html"
check '! grep -qi "<script" "$WORK/hostile.html"' "no <script> tag"
check '! grep -qiE "<img|<[^>]*onerror" "$WORK/hostile.html"' "no <img>, no onerror inside a tag"
stdout_has '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/title&gt;&amp;amp;&#39;'
check '[ "$(grep -c "</title>" "$WORK/hostile.html")" -eq 1 ]' "the title ends once"
check '! grep -q "$(printf "\342\200\256\|\342\200\213\|\342\200\215\|\357\273\277")" "$WORK/hostile.html"' \
    "no direction override or zero-width character"
valid "the hostile page" "$WORK/hostile.html"
self_contained "the hostile page" "$WORK/hostile.html"
tree "the hostile page" "$WORK/hostile.html" "$H" "title" "h1 (the session's name)" \
    "the product" "the participants in the head" "a decision's item" "an item's links" \
    "a capability's tag group" "a proof" "why" "the champion" "the style's why" "a dissent" \
    "a pitch section" "an objection" "a person in a grid's head" "a group in a grid" \
    "a ranked group"

# --- the terminal payloads, planted in every free-text column of the database ---------------
planted="$WORK/planted.db"
sqlite3 "$db" "VACUUM INTO '$planted'"
ALL_PAYLOADS="$ALL_PAYLOADS$H"
plant "$planted" "$PLANT_FREE_TEXT"
for s in $fin hostile replyline-positioning-workshop; do
    id=$(sqlite3 "$db" "SELECT id FROM sessions WHERE slug = '$s'")
    run --db "$planted" --read-only export "$id" --format html; status 0 "planted $s: exports"
    cp "$OUT" "$WORK/planted-$s.html"
    clean "planted $s: the page" "$WORK/planted-$s.html"
    check '! grep -qiE "<script|<img|<[^>]*onerror" "$WORK/planted-$s.html"' \
        "planted $s: no script, no img, no handler"
    stdout_has 'x^[]0;pwned^Gx^[]8;;https://evil.example/^[\click'
    stdout_has '&lt;script&gt;alert(1)'
    valid "planted $s" "$WORK/planted-$s.html"
    self_contained "planted $s" "$WORK/planted-$s.html"
    tree "planted $s" "$WORK/planted-$s.html" "$H" "title" "h1 (the session's name)" \
        "the participants in the head" "a person in a grid's head" "a group in a grid" "the slug"
done
clean_flush

# --- the formats' one table: --format, the help, -o, the canvas's x ------------------------
run --db "$db" export $fin --format pdf; status 2 "an unknown format"
stderr_one_line
stderr_has 'unknown format "pdf"; formats are json, md, html'
run export --help; status 0 "export --help"
stdout_has "json, md, html or csv (default: -o's extension, else json)"
stdout_has "web page"
run --db "$db" export $fin --format html -o "$WORK/out.html"; status 0 "export -o FILE.html"
check 'cmp -s "$WORK/out.html" "$page"' "-o writes the same page"
run --db "$db" export $fin -o "$WORK/bare.html"; status 0 "export -o FILE.html without --format"
check 'cmp -s "$WORK/bare.html" "$page"' "-o's .html says the format when --format doesn't"
run --db "$db" export $fin -o "$WORK/bare.CSV"; status 0 "export -o FILE.CSV without --format"
check 'head -1 "$WORK/bare.CSV" | grep -q "session,step,participant"' "-o's .CSV says CSV"
run --db "$db" export $fin -o "$WORK/bare.txt"; status 0 "export -o FILE.txt without --format"
check 'head -c 1 "$WORK/bare.txt" | grep -q "{"' "any other extension gets the session file"
run --db "$db" export $fin --format md -o "$WORK/forced.html"; status 0 "--format beats -o's extension"
check 'head -1 "$WORK/forced.html" | grep -q "^# "' "--format md into a .html name writes Markdown"
drive 100 30 --db "$db" open $fin <<KEYS
keys x C-u
type $WORK/x.html
keys Enter
dump html
keys x C-u
type $WORK/x.json
keys Enter
keys x C-u
type $WORK/x.md
keys Enter
keys x
dump ask
KEYS
shows ask "Export to (.json session file, .md Markdown, .html page, .csv spreadsheet):" \
    "x's prompt names every format"
shows html "Wrote $WORK/x.html." "x writes a page"
check 'cmp -s "$WORK/x.html" "$page"' "the canvas's x picks HTML by the extension"
check 'head -c 1 "$WORK/x.json" | grep -q "{"' "and JSON for .json"
check 'head -1 "$WORK/x.md" | grep -q "^# Positioning canvas"' "and Markdown for .md"

finish
