#!/bin/sh
# tui.sh: the workshop screens in a real terminal (tmux), for what only a
# terminal shows: resizing, pasted text, escape sequences typed, a terminal
# growing past the minimum and shrinking below it, and quitting by signal.
# The rest of the walk is driven by a script in screens_workshop.sh.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
. "$(dirname "$0")/script.sh"

demo="$WORK/demo.db"
"$SAMESONG" --db "$demo" demo >/dev/null
# Jonas's turn on the first step, where the session reopens (a script: no waiting)
printf 'keys Tab\n' | drive 100 30 --db "$demo" open replyline-positioning-workshop

# --- resize: 120x40 to 80x24 and back --------------------------------------------------
tui 100 30 --db "$demo" open replyline-positioning-workshop
reached "Jonas's answers" "the session reopens on Jonas's turn"
tmux -L "$SOCKET" resize-window -t 0 -x 120 -y 40; sleep 0.4
on_screen "Step 1 of 5: Competitive alternatives" "120x40"
tmux -L "$SOCKET" resize-window -t 0 -x 80 -y 24; sleep 0.4
on_screen "Jonas's answers" "80x24 redraws the same screen"
check '[ "$(screen | wc -L)" -le 80 ]' "nothing drawn past 80 columns"
on_screen "?:help" "the key line shows at 80x24"
tmux -L "$SOCKET" resize-window -t 0 -x 120 -y 40; sleep 0.4
on_screen "Jonas's answers" "back to 120x40"

# --- pasted text and escape sequences typed --------------------------------------------
keys Tab Tab "]" "["
reached "Tom's answers" "Tom's turn"
printf 'pasted line one\npasted line two' >"$WORK/paste.txt"
tmux -L "$SOCKET" load-buffer "$WORK/paste.txt"
keys a; tmux -L "$SOCKET" paste-buffer -p -t 0; sleep 0.3
on_screen "2 lines pasted: one answer per line?" "two pasted lines in an answer ask how to take them"
keys n Enter Escape
on_screen "pasted line one pasted line two" "n keeps the pasted lines in one answer"
keys a; type_text "$(printf 'red \033[31m text \033]0;title\007 end')"; keys Enter Escape
on_screen "red  text  end" "an escape sequence typed into an answer is dropped whole"
on_screen "Tom's answers" "and none of its bytes ran as a key"
type_text "$(printf '\033[99~')"
on_screen "Tom's answers" "an unknown key sequence outside a field does nothing"
# Ctrl-S is no flow control here: the screen does not freeze until Ctrl-Q (room-mode trial)
keys C-s "?"
on_screen "Keys on the step screen" "after Ctrl-S the next key still reaches the screen"
keys Escape
run --db "$demo" export replyline-positioning-workshop
stdout_has '"text":"red  text  end"'
check '! grep -q "u001b" "$OUT"' "no escape character reached the store"

# --- a terminal below the minimum, growing and shrinking -----------------------------------
tui 50 15 --db "$demo"
reached "samesong needs at least 60x18" "too small says so"
tmux -L "$SOCKET" resize-window -t 0 -x 80 -y 24; sleep 0.4
on_screen "positioning workshops" "growing the window shows the sessions"
tmux -L "$SOCKET" resize-window -t 0 -x 50 -y 15; sleep 0.4
on_screen "samesong needs at least 60x18" "shrinking it below the minimum says so again"

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
