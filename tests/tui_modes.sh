#!/bin/sh
# tui_modes.sh: the workshop screens beyond the main walk, in a real terminal
# (tmux), for what only a terminal shows: the plain theme and NO_COLOR without
# colours and the default with them, the timer counting down, another process
# writing, the pitch in $EDITOR, mouse clicks, pastes and Ctrl-C. The rest
# is driven by a script in screens_modes.sh.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
. "$(dirname "$0")/script.sh"

demo="$WORK/demo.db"
"$SAMESONG" --db "$demo" demo >/dev/null

# --- plain and NO_COLOR: no colour codes at all ---------------------------------------
tui 100 30 --db "$demo" --theme plain open replyline-positioning-workshop
wait_for "Step 1 of 5"
check '! tmux -L "$SOCKET" capture-pane -e -p -t 0 | grep -q "\[3[0-7]m\|\[38;5"' \
    "the plain theme draws no colours"
keys q q
tmux -L "$SOCKET" kill-server
RUNS=$((RUNS + 1)); SOCKET="$BASE_SOCKET-$RUNS"
tmux -L "$SOCKET" -f /dev/null new-session -d -x 100 -y 30 \
    "env TERM=$TERM NO_COLOR=1 SAMESONG_DATA_DIR='$SAMESONG_DATA_DIR' '$SAMESONG' --db '$demo' open replyline-positioning-workshop; sleep 600"
wait_for "Step 1 of 5"
check '! tmux -L "$SOCKET" capture-pane -e -p -t 0 | grep -q "\[3[0-7]m\|\[38;5"' \
    "NO_COLOR draws no colours"
check 'tmux -L "$SOCKET" capture-pane -e -p -t 0 | grep -q "\[7m\|\[1m"' \
    "but still marks the selection and titles (reverse, bold)"

# --- the timer counts down --------------------------------------------------------------
keys - - - t
reached "Silent writing: 2:00" "the timer runs from 2:00"
sleep 2.2
check 'screen | grep -q "1:5[0-9]"' "the timer counts down"
keys t
reached "Timer paused." "t pauses it"

# --- another process writes: the screen follows ------------------------------------------
"$SAMESONG" --db "$demo" add replyline-positioning-workshop --as Maya --step alternatives \
    "Added from another terminal" >/dev/null
on_screen "Added from another terminal" "a change by another process appears without a key"

# --- the pitch in $EDITOR --------------------------------------------------------------
cat >"$WORK/editor.sh" <<'SCRIPT'
#!/bin/sh
printf 'Brands drown in where-is-my-order tickets.\nReplyline answers them in the ticket.\n' >"$1"
SCRIPT
chmod +x "$WORK/editor.sh"
tmux -L "$SOCKET" kill-server
# from step 1: its reveal and decision, three screens for each of steps 2 to 5, the
# pitch, where the session then reopens (a script: no waiting)
drive 100 30 --db "$demo" open replyline-positioning-workshop <<'SCRIPT'
keys ] ] ] ] ] ] ] ] ] ] ] ] ] ] ]
dump narrative
SCRIPT
shows narrative "Sales pitch" "the pitch screen"
TUI_ENV="EDITOR='$WORK/editor.sh'" tui 100 30 --db "$demo" open replyline-positioning-workshop
reached "Sales pitch" "the session reopens on the pitch"
keys E
on_screen "Insight saved." "the editor's text is saved as the chosen section"
on_screen "Replyline answers them in the ticket." "and shown"
run --db "$demo" export replyline-positioning-workshop
stdout_has '"pitch":[{"section":"insight","text":"Brands drown in where-is-my-order tickets.\nReplyline answers them in the ticket."}]'
# after the editor, quitting still gives the terminal back
keys q q
on_screen "samesong exited with 0" "q q quits after the editor"
check '[ "$(tmux -L "$SOCKET" display -p -t 0 "#{alternate_on}")" = 0 ]' \
    "after the editor and quitting, the terminal is out of the alternate screen"
tui 100 30 --db "$demo" open replyline-positioning-workshop
reached "Sales pitch" "the session opens where it was left"

# --- mouse: a click selects a row -------------------------------------------------------
keys q
on_screen "positioning workshops" "back on the session list"
"$SAMESONG" --db "$demo" new "Second session" >/dev/null
on_screen "Second session" "the list follows a session made by another process"
# an X10 mouse report: button 1 pressed at column 5, row 5 (the second session row)
type_text "$(printf '\033[M %s%s' "$(printf "\\$(printf %o $((33 + 4)))")" "$(printf "\\$(printf %o $((33 + 4)))")")"
type_text "$(printf '\033[M#%s%s' "$(printf "\\$(printf %o $((33 + 4)))")" "$(printf "\\$(printf %o $((33 + 4)))")")"
keys Enter
on_screen "· Replyline positioning workshop" "a click on a row, then Enter, opens that session"

# --- found in review: pastes never act as keys ---------------------------------------------
many="$WORK/many.db"
many_answers_db "$many" 600
tui 100 30 --db "$many" open many
keys End d
reached "Delete \"answer 600\"?" "d asks about the 600th answer"
printf 'dy' >"$WORK/dy.txt"
tmux -L "$SOCKET" load-buffer "$WORK/dy.txt"
tmux -L "$SOCKET" paste-buffer -p -t 0; sleep 0.4
run --db "$many" export many
check '[ "$(grep -o "answer 600" "$OUT" | wc -l)" -eq 1 ]' "a paste at the question deleted nothing"
on_screen "Delete \"answer 600\"?" "and the question still waits for y or n"
keys n e
printf 'X\004dy' >"$WORK/ctrl-d.txt"
tmux -L "$SOCKET" load-buffer "$WORK/ctrl-d.txt"
tmux -L "$SOCKET" paste-buffer -p -t 0; sleep 0.4
on_screen "Edit the answer:" "a Ctrl-D inside a paste did not save the field"
keys Escape
run --db "$many" export many
check '[ "$(grep -o "\"text\":" "$OUT" | wc -l)" -eq 600 ]' "and nothing ran as keys: still 600 answers"
check '! grep -q "answer 600X" "$OUT"' "nor was the edit saved"
keys q q

# --- found by a newcomer: colours, a paste outside a field, Ctrl-C ------------------------------
fresh="$WORK/fresh.db"
"$SAMESONG" --db "$fresh" demo >/dev/null
tui 80 24 --db "$fresh" open replyline-positioning-workshop
wait_for "Step 1 of 5"
check 'tmux -L "$SOCKET" capture-pane -e -p -t 0 | grep -q "\[3[0-7]m"' \
    "the default theme really draws colours"
printf 'hello dd world' >"$WORK/paste2.txt"
tmux -L "$SOCKET" load-buffer "$WORK/paste2.txt"
tmux -L "$SOCKET" paste-buffer -p -t 0; sleep 0.3
on_screen "Pasted text goes into a field" "a paste outside a field is not run as keys"
not_on_screen "Edit the answer" "no key of the paste ran"
keys C-c
on_screen "Quit samesong?" "Ctrl-C asks first"
keys n
on_screen "Step 1 of 5" "n stays"
keys a; type_text "half typed"; keys C-c
on_screen "What is being typed is not saved." "Ctrl-C in a field says what would be lost"
keys n Escape
keys C-c y
on_screen "samesong exited with 0" "Ctrl-C then y quits"

finish
