#!/bin/sh
# screens_scroll.sh: screens longer than an 80x24 window scroll and say which
# lines show (issue 10, item 6): a group's answers, the heatmap, compare and
# the pitch; in the group's answers u takes out the answer shown selected.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

# pages KEYS ARGS...: samesong ARGS at 80x24, dumped as top after KEYS, as
# down after j, as end after G.
pages() {
    first=$1
    shift
    drive 80 24 "$@" <<KEYS
keys $first
dump top
keys j
dump down
keys G
dump end
KEYS
}

# twenty people who all named the same group in the first step
db="$WORK/twenty.db"
"$SAMESONG" --db "$db" new S >/dev/null
for i in $(seq 20); do
    "$SAMESONG" --db "$db" add s --as "Person $i" --step alternatives --group Spreadsheets \
        "answer $i" >/dev/null
done

# --- a group's answers: the list keeps the selection in view, u takes out that one --------
cp "$db" "$WORK/group.db"
drive 80 24 --db "$WORK/group.db" open s <<'KEYS'
keys ] Enter
dump top
keys G
dump end
keys u
dump took
KEYS
status 0 "the group's answers ran"
shows top "lines 1-17 of 20, more below" "a group longer than the popup says which lines show"
shows top "answer 1  (joined" "it starts at the first answer"
shows end "answer 20  (joined" "G reaches the last answer"
hides end "answer 1  (joined" "and the first scrolled away"
shows end "lines 4-20 of 20" "saying which lines show"
# After G the selection is the last row shown: u takes out that answer.
last=$(dumped end | grep -o 'answer [0-9]*  (joined' | tail -n 1 | sed 's/  (joined//')
shows took "Took \"$last\" out of the group." "u takes out the answer shown selected ($last)"

# --- the heatmap: the people's rows and the departments scroll --------------------------
pages "] v v" --db "$db" open s
shows top "view: heatmap" "v v shows the heatmap"
shows top "more below (j, PgDn)" "a heatmap taller than the window says so"
# a person's row starts with the label and spaces; the column labels follow one another
shows top "  Other 1     " "it starts at the first person's row"
hides down "  Other 1     " "j scrolls the first person's row away"
shows end "Other 20" "G reaches the last person"
shows end "Between departments (mean of their pairs):" "and the departments under them"
shows end "of 24 (k, PgUp)" "saying which lines show"

# --- compare: the decisions whole, and the product's trend at the end ----------------------
reviewer_db "$WORK/two.db"
pages "c j c" --db "$WORK/two.db" browse
shows top "more below (j, PgDn)" "compare taller than the window says so"
shows top "agent. Among help desks, buyers" "a decision shows whole, not one line"
shows top "1. Competitive alternatives: changed" "it starts at the first step"
hides down "1. Competitive alternatives: changed" "j scrolls the first step away"
shows end "Overall alignment of Replyline across its sessions:" "G reaches the product's trend"
shows end "replyline-q4" "down to its last session"
shows end "(k, PgUp)" "saying which lines show"

# --- the pitch: seven sections and the earlier narrative, chosen with j and G ---------------
cat >"$WORK/decided.json" <<'JSON'
{"format": "samesong-session/1", "name": "Decided", "mode": "solo",
 "participants": [{"name": "Ana", "role": "ceo"}],
 "narrative": "Teams outgrow the shared inbox. Replyline is the help desk for small teams that want answers fast without the weight of an enterprise suite.",
 "decisions": [
  {"step": "alternatives", "text": "Alpha: a shared inbox with spreadsheets, or hiring another agent; among help desks, Gorgias."},
  {"step": "capabilities", "text": "Bravo: replies drafted from the team's own past answers, in its tone, reviewed before sending."},
  {"step": "value", "text": "Charlie: answers in minutes, not hours; fewer agents for the same volume; customers who return."},
  {"step": "customers", "text": "Delta: e-commerce teams of five to fifty agents who answer in email and chat every day."},
  {"step": "category", "text": "Echo: an AI help desk for small teams."}]}
JSON
"$SAMESONG" --db "$WORK/story.db" import "$WORK/decided.json" >/dev/null
pages "] ] ] ] ] ] ] ] ] ] ] [" --db "$WORK/story.db" open decided
shows top "Sales pitch" "the walk reaches the pitch"
shows top "more below (j, PgDn)" "a pitch taller than the window says so"
shows top "▸ 1. Insight  (draft)" "it starts at the top, on the first section"
shows top "The context: Echo: an AI help desk for small teams." "its draft from the decisions"
shows down "▸ 2. Alternatives  (draft)" "j chooses the next section"
shows end "▸ Sales narrative, written before the pitch" "G chooses the earlier narrative, last"
shows end "without the weight of an enterprise suite." "whole, over more lines"
shows end "(k, PgUp)" "saying which lines show"

finish
