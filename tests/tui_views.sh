#!/bin/sh
# tui_views.sh: the misalignment views in a real terminal (tmux), resized from
# 100x30 to 80x24 and to 200x60 and legible at each. The views themselves,
# with their numbers, are driven by a script in screens_views.sh.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"
. "$(dirname "$0")/script.sh"

demo="$WORK/demo.db"
slug=replyline-positioning-workshop
"$SAMESONG" --db "$demo" demo >/dev/null
# The capabilities reveal with a group tagged roadmap, where the session then
# reopens (a script: no waiting).
drive 100 30 --db "$demo" open $slug <<'SCRIPT'
keys ] ] ] r G k t t
SCRIPT

# --- legible at 80x24 and at 200x60 -------------------------------------------------------------
tui 100 30 --db "$demo" open $slug
reached "Macro suggestions (roadmap) [roadmap]" "the capabilities reveal, tagged"
tmux -L "$SOCKET" resize-window -t 0 -x 80 -y 24; sleep 0.4
on_screen "CEO     Mktg    Sales 1 Sales 2 Product Success" "80x24: every column of the grid"
check '[ "$(screen | wc -L)" -le 80 ]' "80x24: nothing past 80 columns"
tmux -L "$SOCKET" resize-window -t 0 -x 200 -y 60; sleep 0.4
on_screen "Macro suggestions (roadmap) [roadmap]" "200x60: the grid"
keys v
on_screen "How many named each group, by role" "200x60: coverage"
keys v
on_screen "Between departments" "200x60: the heatmap"
keys q q

finish
