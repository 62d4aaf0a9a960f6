#!/bin/sh
# screens_walk.sh: the walk as a facilitator met it (issue 10), driven by a
# script: revealing asks about who has not answered, a refused field stays
# open, setup's help lists Enter, the timer shows that time is up, removing
# someone with answers, pastes, and a solo thesis's wording.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

slug=replyline-positioning-workshop
n=0
# fresh: the demo in a new database
fresh() {
    n=$((n + 1))
    db="$WORK/team$n.db"
    "$SAMESONG" --db "$db" demo >/dev/null
}

# --- revealing asks when someone has not answered ----------------------------------------
cat >"$WORK/late.json" <<'JSON'
{"format": "samesong-session/1", "name": "Late",
 "participants": [{"name": "Maya", "role": "ceo"}, {"name": "Lena", "role": "product"},
                  {"name": "Tom", "role": "sales"}, {"name": "Ana", "role": "success"},
                  {"name": "Bo", "role": "other"}, {"name": "Cy", "role": "other"}],
 "inputs": [{"participant": "Maya", "step": "alternatives", "text": "Excel"},
            {"participant": "Lena", "step": "alternatives", "text": "Excel"},
            {"participant": "Tom", "step": "alternatives", "text": "Excel"},
            {"participant": "Ana", "step": "alternatives", "text": "Excel"},
            {"participant": "Bo", "step": "alternatives", "text": "Excel"},
            {"participant": "Maya", "step": "capabilities", "text": "Fast"}]}
JSON
fresh
"$SAMESONG" --db "$db" import "$WORK/late.json" >/dev/null
drive 100 30 --db "$db" open late <<'KEYS'
keys ]
dump one
keys n
dump refused
keys r
dump r-asks
keys y
dump revealed
keys ] ]
dump step2
keys ]
dump many
keys Escape
dump kept
KEYS
shows one "Cy has not answered; reveal anyway? (y/n)" "] names the one who has not answered"
hides one "Reveal 1 of 5" "and does not reveal by itself"
shows refused "Step 1 of 5" "n stays on the step"
shows r-asks "Cy has not answered; reveal anyway?" "r asks the same"
shows revealed "Reveal 1 of 5" "y reveals"
shows many "Lena, Tom, Ana and 2 others have not answered; reveal anyway?" "a few named, then how many others"
shows kept "Step 2 of 5" "Esc stays on the step"
# the next step opens on the first person, not on the last person of the step before (trial)
fresh
"$SAMESONG" --db "$db" import "$WORK/late.json" >/dev/null
drive 100 30 --db "$db" open late <<'KEYS'
keys Tab Tab Tab Tab Tab
dump on-cy
keys ] y ] ]
dump next-step
keys [ [ [
dump back
KEYS
shows on-cy "Cy's answers, private until the reveal" "Tab passes the turn to the last person"
shows next-step "Step 2 of 5" "] ] ] walks on to the next step"
shows next-step "Maya's answers, private until the reveal" "it opens on the first person, not on Cy"
shows back "Step 1 of 5" "[ walks back to the step before"
shows back "Maya's answers, private until the reveal" "which opens on the first person too"
# everyone answered: ] reveals at once, as the demo's first step shows
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys ]
dump all
KEYS
shows all "Reveal 1 of 5" "everyone answered: ] reveals"
hides all "reveal anyway" "without a question"

# --- a refused field stays open, so what is typed next goes into it -----------------------
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys [ j e C-u
type Maya
keys Enter
dump renamed
keys C-u
type Marco
keys Enter
dump setup
keys a
type Priya
keys Enter
dump added
keys Escape
KEYS
shows renamed "New name: Maya" "renaming to a taken name keeps the field open"
check '[ "$(bottom_line renamed)" = " Maya is already in this session" ]' "with the error on the bottom line"
shows setup "Marco                           Marketing" "Marco was typed into the field, not run as keys"
hides setup "Name of the participant" "a did not run"
shows added "Name of the participant: Priya" "adding a taken name keeps the field open"
shows added "Priya is already in this session." "and says why"
run --db "$db" export $slug
stdout_has '{"name":"Marco","role":"marketing"}'

fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys a
type   
keys Enter
dump answer
keys Escape ] R C-u
type   
keys Enter
dump group
keys Escape q a
type   
keys Enter
dump session
keys Escape
KEYS
shows answer "Maya:" "a spaces-only answer keeps the field open"
check '[ "$(bottom_line answer)" = " An answer cannot be empty." ]' "and says an answer cannot be empty"
shows group "New name of the group:" "a spaces-only group name keeps the field open"
shows session "New session name:" "a spaces-only session name keeps the field open"
shows session "The session name: empty text." "and says why"

# --- setup's help lists Enter ---------------------------------------------------------------
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys [ ?
dump help
KEYS
check 'dumped help | grep -q "Enter *start the first step"' "setup's help lists Enter"

# --- the timer: when time is up the header says so until t resets it ----------------------
# (a script's "wait N" moves the program's clock on N seconds, as if no key came)
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys - - - - t
wait 30
dump running
wait 31
dump up
wait 300
dump later
keys t
dump reset
keys t
wait 5
dump again
KEYS
shows running "0:30" "the timer counts down a minute"
shows up "0:00 time is up (t resets)" "time is up shows in the header"
shows up "Time is up: pens down." "and on the bottom line"
shows later "0:00 time is up (t resets)" "still shown minutes later, not reset to 1:00"
shows reset "1:00 (t starts)" "t resets it to its length"
shows reset "Timer reset to 1:00; t starts it." "and says so"
shows again "0:55" "t starts it again"

# --- removing someone with answers offers to remove them with their answers ----------------
fresh
drive 100 30 --db "$db" open $slug <<'KEYS'
keys [ j d
dump asked
keys n
dump kept
keys d y
dump removed
keys a
type Zoe
keys Enter 6 Enter d
dump plain
keys y
dump gone
KEYS
shows asked "Remove Jonas, their 11 answers and their rankings? This cannot be undone. (y/n)" \
    "d asks, telling how many answers and that his rankings go too"
shows kept "Jonas" "n keeps Jonas"
hides removed "Jonas" "y removes Jonas"
shows removed "Removed, with their answers." "and says so"
shows plain "Remove Zoe from this session? (y/n)" "someone without answers: a plain question"
hides gone "Zoe" "and y removes them"
run --db "$db" export $slug
check '! grep -q Jonas "$OUT"' "nothing of Jonas is left in the session"
stdout_has '"participant":"Maya"'

# --- pastes: several lines into an answer ask; a long one says it was cut ------------------
# ("paste" sends the text between the marks of a terminal's bracketed paste)
long=$(printf 'x%.0s' $(seq 1100))
fresh
drive 100 30 --db "$db" open $slug <<KEYS
keys Tab Tab Tab Tab a
paste Gorgias\n  Zendesk \n\nDo nothing
dump asked
keys y
dump each
paste one\ntwo
keys n
dump joined
keys Enter C-u
paste three\nfour
keys Escape
dump nothing
keys C-u
paste $long
dump cut
keys Escape Escape e C-u
paste five\nsix
dump edit
keys Escape
KEYS
shows asked "3 lines pasted: one answer per line? y: 3 answers  n: one answer  Esc: nothing" "pasting lines into an answer asks"
shows each "Saved 3 answers, one per line." "y saves one answer per line"
shows each "Lena:" "and the field stays open for the next"
shows joined "Lena: one two" "n joins the lines with spaces in the field"
shows nothing "Lena:" "Esc pastes nothing"
hides nothing "three" "nothing at all"
check '[ "$(bottom_line cut)" = " The paste was cut: this field holds at most 1000 characters." ]' "a long paste says it was cut, on the bottom line"
shows cut "1000/1000" "cut at the limit"
shows edit "Edit the answer: five six" "editing an answer takes a paste as one line, unasked"
run --db "$db" export $slug
stdout_has '{"participant":"Lena","step":"alternatives","text":"Gorgias"}'
stdout_has '{"participant":"Lena","step":"alternatives","text":"Zendesk"}'
stdout_has '{"participant":"Lena","step":"alternatives","text":"Do nothing"}'
stdout_has '{"participant":"Lena","step":"alternatives","text":"one two"}'
check '! grep -q "three" "$OUT"' "Esc saved nothing"

# --- solo: tags without a reveal; no "1 of 1"; a locked thesis is still a thesis ------------
# (undecided, t tags the selected answer; once decided, t asks about each item of the decision)
cat >"$WORK/solo.json" <<'JSON'
{"format": "samesong-session/1", "name": "Thesis", "mode": "solo",
 "participants": [{"name": "Ana", "role": "ceo"}],
 "inputs": [{"participant": "Ana", "step": "alternatives", "text": "Excel"},
            {"participant": "Ana", "step": "capabilities", "text": "Order lookup"},
            {"participant": "Ana", "step": "capabilities", "text": "AI replies"}],
 "decisions": [{"step": "alternatives", "text": "Excel"},
               {"step": "value", "text": "c"}, {"step": "customers", "text": "d"},
               {"step": "category", "text": "e"}],
 "narrative": "Teams drown in spreadsheets."}
JSON
fresh
"$SAMESONG" --db "$db" import "$WORK/solo.json" >/dev/null
drive 100 30 --db "$db" open thesis <<'KEYS'
keys g [ [ [ [ [ [ [ [ [ [ [ [ [ [ [ [ ] ] ]
dump decide
keys t j t t
dump tagged
keys Enter C-d t
dump item
keys Enter
dump walked
keys A
dump dashboard
keys q ] ] ] ] ] ] ] ] ] ] ] ] L y
dump locked
KEYS
shows decide "Decide 2 of 5: Differentiated capabilities" "the solo capabilities decision"
shows decide "t tags it today, roadmap or not planned" "invites tagging"
hides decide "1 of 1" "no count of one person"
shows tagged "AI replies: roadmap." "t tags a capability without a reveal"
shows item '"AI replies" (1 of 1): 1 today  2 roadmap  3 not planned (Enter keeps roadmap)' \
    "decided, t asks about the decision's item, which took its answer's tag"
hides item "t tags it today, roadmap or not planned" "the answers no longer invite tagging"
shows walked "Every capability of the decision is tagged." "Enter kept the tag, and t says so"
shows dashboard "A solo thesis has no alignment to measure." "the dashboard says why there is no alignment"
shows dashboard "2. Differentiated capabilities    2 answers, decided" "and how far each step is"
hides dashboard "two people must answer" "not that two people must answer"
hides dashboard "1 of 1" "no count of one person"
shows locked "Positioning thesis" "a locked thesis is still called a thesis in the header"
shows locked "This thesis is final and read-only." "as the text says"
run --db "$db" export thesis
stdout_has '{"group":"Order lookup","tag":"today"}'
stdout_has '{"group":"AI replies","tag":"roadmap"}'
stdout_has '"item_tags":[{"item":"AI replies","tag":"roadmap"}]'

finish
