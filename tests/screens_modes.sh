#!/bin/sh
# screens_modes.sh: the workshop screens beyond the main walk, driven by a
# script (no terminal): a solo thesis, the projector theme, the timer's keys,
# the help overlay, 600 answers, and what a first-time facilitator tripped over
# at 80x24. Colours, the running timer, $EDITOR, pastes, Ctrl-C, mouse clicks
# and another process writing are in tui_modes.sh.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

# --- a solo founder's thesis: no turns, no reveal ------------------------------------
db="$WORK/solo.db"
drive 100 30 --db "$db" <<'SCRIPT'
keys a
type Ana thesis
keys Enter Enter s Enter
type Ana
keys Enter
dump step
keys a
type Spreadsheets
keys Enter Escape r
dump reveal
keys ]
dump decide
# decide 1, then step and decide 2 to 5, the narrative, the canvas: ten more
keys ] ] ] ] ] ] ] ] ] ]
dump canvas
keys q q
SCRIPT
shows step "Your answers (a adds one)" "a solo session starts on the first step"
hides step "WHOSE TURN" "no participant switching when solo"
shows reveal "A solo session has no reveal" "r explains there is no reveal"
shows decide "Decide 1 of 5" "] goes straight to the decision"
shows canvas "Positioning thesis" "a solo canvas is a thesis until locked"
run --db "$db" export ana-thesis
stdout_has '"mode":"solo","participants":[{"name":"Ana","role":"ceo"}]'
stdout_has '{"participant":"Ana","step":"alternatives","text":"Spreadsheets"}'

# --- the projector theme: the title in block letters when there is room ---------------
demo="$WORK/demo.db"
"$SAMESONG" --db "$demo" demo >/dev/null
drive 140 40 --db "$demo" --theme projector open replyline-positioning-workshop <<'SCRIPT'
dump projector
keys T
dump off
keys T q q
SCRIPT
shows projector "█" "block letters on a projector-sized terminal"
hides off "█" "T turns the projector theme off"
shows off "Projector theme off." "and says so"

# --- the timer's keys and the help overlay ----------------------------------------------
drive 100 30 --db "$demo" open replyline-positioning-workshop <<'SCRIPT'
keys - - -
dump minus
keys t
dump started
keys t
dump paused
keys ?
dump help
keys x
dump closed
SCRIPT
shows minus "2:00 (t starts)" "- takes minutes off the timer"
shows started "Silent writing: 2:00" "t starts it"
shows paused "Timer paused." "t pauses it"
shows help "Keys on the step screen" "? opens the help"
shows help "start or pause the writing timer" "the help lists the step's keys"
hides closed "Keys on the step screen" "any key closes the help"

# --- found in review: 600 answers all reachable ---------------------------------------------
many="$WORK/many.db"
many_answers_db "$many" 600
drive 100 30 --db "$many" open many <<'SCRIPT'
keys End
dump end
keys d
dump asks
SCRIPT
shows end "600. answer 600" "the 600th answer is reachable and numbered clear of its text"
shows asks "Delete \"answer 600\"?" "d asks"

# --- found by a newcomer: what a first-time facilitator tripped over ------------------------
fresh="$WORK/fresh.db"
"$SAMESONG" --db "$fresh" demo >/dev/null
drive 80 24 --db "$fresh" open replyline-positioning-workshop <<'SCRIPT'
dump step
keys ?
dump help
keys G
dump help_end
keys x
keys t ] ] ]
dump step2
keys [
dump decide1
keys j Enter C-d
SCRIPT
shows step "r:reveal" "at 80x24 the key line still offers the reveal"
shows help "reveal everyone's answers" "the help fits the step's keys at 80x24"
shows help "back; quit from the session list" "each row whole at 80 columns (issue 10, item 17)"
shows help "lines 1-" "and when they do not all fit it says so"
shows help_end "show or hide the guidance" "G in it reaches the last keys"
shows step2 "5:00 (t starts)" "each step's timer starts afresh"
shows decide1 "Decide 1 of 5" "back from step 2 to the first decision"
run --db "$fresh" export replyline-positioning-workshop
stdout_has 'Among help desks, buyers mostly compare us with Gorgias.\nShared Gmail inbox"'

finish
