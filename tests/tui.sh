#!/bin/sh
# tui.sh: the workshop screens, driven by keys in tmux: a whole workshop from a
# new session to a locked canvas, private entry, a locked session, resizing,
# wide characters, a terminal too small, and quitting by signal.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

db="$WORK/w.db"

# --- a whole workshop, keys alone ------------------------------------------------
tui 100 30 --db "$db"
on_screen "No sessions yet" "an empty database"
keys a; type_text "Acme Q3"; keys Enter; type_text "Acme"; keys Enter w Enter
on_screen "Setup: who is in the room" "a new workshop starts at the setup"
keys a; type_text "Maya"; keys Enter 1 Enter
keys a; type_text "Priya"; keys Enter 3 Enter
on_screen "Sales" "Priya joined as sales"
keys Enter
on_screen "Step 1 of 5: Competitive alternatives" "Enter starts the first step"
keys a; type_text "Spreadsheets"; keys Enter; type_text "Do nothing"; keys Enter Escape
keys Tab a; type_text "Gorgias"; keys Enter Escape
keys r
on_screen "Reveal 1 of 5" "r reveals"
on_screen "Gorgias" "the reveal shows Priya's answer"
on_screen "Do nothing" "the reveal shows Maya's answer"
keys c
on_screen "Decide 1 of 5" "c goes on to the decision"
keys Enter; type_text " and email"; keys C-d
on_screen "Spreadsheets and email" "a decision started from an answer"
for n in 2 3 4 5; do
    keys "]" "]" "]" e; type_text "Decision $n"; keys C-d
done
on_screen "Decision 5" "every step decided"
keys "]" e; type_text "Brands drown in tickets."; keys C-d "]"
on_screen "Every step is decided: L locks it for good." "the canvas"
keys L
on_screen "Lock this canvas for good?" "locking asks first"
keys y
on_screen "LOCKED, read-only" "the canvas is locked"
on_screen "Digest sha256:" "the locked canvas shows its seal"
shown_digest=$(screen | grep -o 'sha256:[0-9a-f]*' | head -1)
keys q q
on_screen "samesong exited with 0" "q from the list quits"
run --db "$db" export acme-q3
stdout_has '"participants":[{"name":"Maya","role":"ceo"},{"name":"Priya","role":"sales"}]'
stdout_has '{"participant":"Maya","step":"alternatives","text":"Do nothing"}'
stdout_has '{"participant":"Priya","step":"alternatives","text":"Gorgias"}'
stdout_has '{"step":"alternatives","text":"Spreadsheets and email"}'
stdout_has '{"step":"category","text":"Decision 5"}'
stdout_has '"narrative":"Brands drown in tickets.","locked":true'
stdout_has "\"lock_digest\":\"$shown_digest\""
check '[ ${#shown_digest} -eq 71 ]' "the canvas shows the whole digest at 100 columns"
run --db "$db" verify acme-q3
status 0 "the session locked on the canvas verifies"
stdout_has "$shown_digest"

# --- a locked session opens read-only and refuses edits -------------------------------
tui 100 30 --db "$db" open acme-q3
on_screen "opens read-only" "a locked session says so"
keys "["; keys e
on_screen "This session is locked; it cannot be changed." "editing a locked narrative"
keys "[" "[" "[" a
on_screen "This session is locked; it cannot be changed." "adding to a locked step"
keys q q
run --db "$db" export acme-q3
stdout_has '"narrative":"Brands drown in tickets.","locked":true'

# --- private entry ------------------------------------------------------------------
demo="$WORK/demo.db"
"$SAMESONG" --db "$demo" demo >/dev/null
tui 100 30 --db "$demo" open replyline-positioning-workshop
on_screen "Maya's answers, private until the reveal" "Maya's turn"
on_screen "Shared Gmail inbox" "Maya's answers show"
not_on_screen "Zendesk" "Jonas's answer is hidden during Maya's turn"
not_on_screen "Richpanel" "the sales answers are hidden during Maya's turn"
keys Tab
on_screen "Jonas's answers, private until the reveal" "Tab moves to Jonas"
on_screen "Zendesk" "Jonas's answers show"
not_on_screen "Shared Gmail inbox" "Maya's answers are hidden during Jonas's turn"

# --- resize: 120x40 to 80x24 and back --------------------------------------------------
tmux -L "$SOCKET" resize-window -t 0 -x 120 -y 40; sleep 0.4
on_screen "Step 1 of 5: Competitive alternatives" "120x40"
tmux -L "$SOCKET" resize-window -t 0 -x 80 -y 24; sleep 0.4
on_screen "Jonas's answers" "80x24 redraws the same screen"
check '[ "$(screen | wc -L)" -le 80 ]' "nothing drawn past 80 columns"
on_screen "?:help" "the key line shows at 80x24"
tmux -L "$SOCKET" resize-window -t 0 -x 120 -y 40; sleep 0.4
on_screen "Jonas's answers" "back to 120x40"

# --- the same place after quitting -----------------------------------------------------
keys Tab Tab "]"
on_screen "Reveal 1 of 5" "on to the reveal"
keys q q
on_screen "samesong exited with 0" "quit"
tui 100 30 --db "$demo" open replyline-positioning-workshop
on_screen "Reveal 1 of 5" "reopening returns to the same screen"
keys "["
on_screen "Tom's answers" "and the same participant"

# --- wide characters and pasted text ---------------------------------------------------
keys a; type_text "Café 日本語 😀 ok"; keys Enter Escape
on_screen "Café 日本語 😀 ok" "wide characters typed and shown"
run --db "$demo" export replyline-positioning-workshop
stdout_has '{"participant":"Tom","step":"alternatives","text":"Café 日本語 😀 ok"}'
printf 'pasted line one\npasted line two' >"$WORK/paste.txt"
tmux -L "$SOCKET" load-buffer "$WORK/paste.txt"
keys a; tmux -L "$SOCKET" paste-buffer -p -t 0; sleep 0.3; keys Enter Escape
on_screen "pasted line one pasted line two" "a pasted line break stays inside one answer"
keys a; type_text "$(printf 'red \033[31m text \033]0;title\007 end')"; keys Enter Escape
on_screen "red  text  end" "an escape sequence typed into an answer is dropped whole"
on_screen "Tom's answers" "and none of its bytes ran as a key"
type_text "$(printf '\033[99~')"
on_screen "Tom's answers" "an unknown key sequence outside a field does nothing"
run --db "$demo" export replyline-positioning-workshop
stdout_has '"text":"red  text  end"'
check '! grep -q "u001b" "$OUT"' "no escape character reached the store"

# --- a terminal below the minimum ----------------------------------------------------
tui 50 15 --db "$demo"
on_screen "samesong needs at least 60x18" "too small says so"
on_screen "Make the window larger" "and what to do"
tmux -L "$SOCKET" resize-window -t 0 -x 80 -y 24; sleep 0.4
on_screen "positioning workshops" "growing the window shows the sessions"

# --- signals: SIGTERM and a closed terminal restore the terminal and lose nothing -----------
tui 100 30 --db "$demo" open replyline-positioning-workshop
keys a; type_text "Saved before the signal"; keys Enter Escape
pid=$(pgrep -f "^$SAMESONG --db $demo open" | head -1)
kill -TERM "$pid"
on_screen "samesong exited with 0" "SIGTERM ends it cleanly"
run --db "$demo" export replyline-positioning-workshop
stdout_has '"text":"Saved before the signal"'
tui 100 30 --db "$demo" open replyline-positioning-workshop
wait_for "Step 1 of 5"
pid=$(pgrep -f "^$SAMESONG --db $demo open" | head -1)
tmux -L "$SOCKET" kill-server
for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
check '! kill -0 "$pid" 2>/dev/null' "a closed terminal (SIGHUP) ends it at once, no spinning"

finish
