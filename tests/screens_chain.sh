#!/bin/sh
# screens_chain.sh: the chain check's screen (issue 12): C on the canvas and
# on a decide screen lists every break by step, scrolls, and Enter opens the
# step to mend; locking a chain that breaks shows the breaks and asks first.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

db="$WORK/chain.db"
chain_files "$WORK"
# on_canvas FILE SLUG: the session file imported as SLUG and walked to its
# canvas (nobody answered: y reveals each step anyway), where it reopens.
on_canvas() {
    "$SAMESONG" --db "$db" import "$1" --slug "$2" >/dev/null
    drive 100 30 --db "$db" open "$2" <<'KEYS'
keys ] y ] ] ] y ] ] ] y ] ] ] y ] ] ] y ] ] ] ] ]
KEYS
}
on_canvas "$WORK/broken.json" broken
on_canvas "$WORK/mended.json" mended

# --- the canvas says how many breaks, and C lists them by step ---------------------------
drive 100 30 --db "$db" open broken <<'KEYS'
dump canvas
keys C
dump chain
keys q
dump back
KEYS
shows canvas "8 breaks in the chain (C shows them)." "the canvas counts the breaks"
shows canvas "C:chain" "and offers C"
shows chain "Chain check" "C opens the chain check"
shows chain "8 breaks in the chain. Enter opens the step's decision" "it counts them"
dumped chain | sed -n '/Competitive alternatives/,$p' | grep -v '^ *$' | sed 's/ *$//' >"$WORK/got"
cat >"$WORK/want" <<'TEXT'
  Competitive alternatives
    Holds.
  Differentiated capabilities
    The capability "Macros" beats no named alternative.
  Value themes
    The value theme "Answers in seconds" rests on "AI replies", a capability tagged roadmap, not
    today.
    The value theme "Scale without hiring" has no capability behind it.
    The value theme "Scale without hiring" has no proof.
    The value theme "Happier agents" rests on "Macros", a capability tagged not planned, not
    today.
    The value theme "Happier agents" has no proof.
  Best-fit customers
    The customer trait "Teams of 5-50" is tied to no value theme.
  Market category
    The category "Help desk for e-commerce" is tied to no value theme.
 ?:help  Enter:decide  q:back
TEXT
check 'cmp -s "$WORK/want" "$WORK/got"' "every break, under its step: $(diff "$WORK/want" "$WORK/got")"
shows back "Positioning canvas" "q goes back to the canvas"

# --- Enter on a break opens its step's decision; C there opens the list again -------------
drive 100 30 --db "$db" open broken <<'KEYS'
keys C j j j Enter
dump value
keys C
dump again
keys q
dump decide
keys C Escape
dump escaped
keys C G Enter
dump category
keys C g Enter
dump capabilities
KEYS
shows value "Decide 3 of 5: Value themes" "Enter on the fourth break opens the value step"
shows value "C:chain" "a decide screen offers C"
shows again "8 breaks in the chain." "C on a decide screen opens the list"
shows decide "Decide 3 of 5: Value themes" "q goes back to the decide screen"
shows escaped "Decide 3 of 5: Value themes" "so does Esc"
shows category "Decide 5 of 5: Market category" "G chooses the last break, the category's"
shows capabilities "Decide 2 of 5: Differentiated capabilities" "g the first, a capability's"

# --- a chain that holds says so --------------------------------------------------------------
drive 100 30 --db "$db" open mended <<'KEYS'
dump canvas
keys C
dump chain
keys q L
dump lock
keys n
KEYS
hides canvas "in the chain" "a canvas whose chain holds counts no breaks"
shows chain "The chain holds: every capability beats an alternative" "the list says it holds"
check '[ "$(dumped chain | grep -c "Holds\.")" -eq 5 ]' "each of the five steps holds"
shows lock "There is no sales pitch yet. Lock the canvas anyway? (y/n)" \
    "the lock asks only what it asked before"
hides lock "Chain check" "over the canvas"
sed 's/"name": "Mended"/"name": "Whole", "narrative": "Brands drown in tickets."/' \
    "$WORK/mended.json" >"$WORK/whole.json"
on_canvas "$WORK/whole.json" whole
drive 100 30 --db "$db" open whole <<'KEYS'
keys L
dump lock
keys y
dump locked
KEYS
shows lock "Lock this canvas for good? Nobody can change it afterwards. (y/n)" \
    "a chain that holds and a narrative: the plain question"
shows locked "Locked. The canvas is final" "y locks it"

# --- locking with breaks: the list, the question; n keeps it, y locks ----------------------
on_canvas "$WORK/broken.json" to-lock
drive 100 30 --db "$db" open to-lock <<'KEYS'
keys L
dump asked
keys n
dump kept
keys q
dump canvas
keys L y
dump locked
KEYS
shows asked "Chain check" "L shows the breaks"
shows asked "The value theme \"Happier agents\" has no proof." "the breaks themselves"
shows asked '8 breaks in the chain; "AI replies" is roadmap; no sales pitch. Lock anyway? (y/n)' \
    "and asks, with what else the lock warns of"
shows kept "Nothing was changed." "n locks nothing"
shows kept "Chain check" "and leaves the breaks in view to mend"
shows canvas "8 breaks in the chain (C shows them)." "q goes back to the canvas, unlocked"
shows locked "Locked. The canvas is final" "y locks"
shows locked "Positioning canvas" "and goes back to the canvas"
run --db "$db" export to-lock
stdout_has '"locked":true'
run --db "$db" export mended
stdout_has '"locked":false'

# --- a list longer than the window scrolls and says which lines show ------------------------
on_canvas "$WORK/broken.json" small
drive 60 18 --db "$db" open small <<'KEYS'
keys C
dump top
keys G
dump end
KEYS
shows top "lines 1-" "a short window says which lines show"
shows top "more below" "and that there is more"
hides top "Help desk for e-commerce" "the last break is below"
shows end "Help desk for e-commerce" "G scrolls to the last break"
shows end "(k, PgUp)" "at the end"
drive 60 18 --db "$db" open mended <<'KEYS'
keys C
dump top
keys G
dump end
keys Enter
dump enter
KEYS
shows top "more below" "a chain that holds, in a short window, says there is more"
hides top "Market category" "the last step is below"
shows end "Market category" "with no break to choose, G scrolls the page"
shows enter "The chain holds: there is no break to mend." "Enter says why it opens nothing"

# --- nothing decided yet: each undecided step is one break; C on the first decide screen --------------------------------
printf '%s' '{"format": "samesong-session/1", "name": "Half",
  "participants": [{"name": "Lena", "role": "ceo"}]}' >"$WORK/half.json"
"$SAMESONG" --db "$db" import "$WORK/half.json" >/dev/null
drive 100 30 --db "$db" open half <<'KEYS'
keys ] y ] C
dump chain
KEYS
shows chain "5 breaks in the chain." "nothing decided: five breaks"
shows chain "The alternatives step is not decided yet." "one for each step"
shows chain "The category step is not decided yet." "the last too"

finish
