#!/bin/sh
# screens_browse.sh: a reviewer in `samesong browse` is never offered a key
# that is then refused: every screen is reached, and every key its bottom line
# offers is pressed, each from a fresh start (driven by a script, no terminal).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

db="$WORK/team.db"
"$SAMESONG" --db "$db" demo >/dev/null
"$SAMESONG" --db "$db" export replyline-positioning-workshop -o "$WORK/q3.json"
sed 's/"name": *"Replyline positioning workshop"/"name": "Replyline Q4"/' "$WORK/q3.json" \
    >"$WORK/q4.json"
"$SAMESONG" --db "$db" import "$WORK/q4.json" >/dev/null
sum_before=$(cksum <"$db")

# Each place a reviewer can reach, as the keys that reach it from the start.
# The list is newest first: Replyline Q4, then the demo.
back_to_setup=$(printf '[ %.0s' $(seq 17))
places="list|
find|keys f
find|type gorgias
find|keys Enter
compare|keys c j c
canvas|keys Enter
narrative|keys Enter [
decide|keys Enter [ [
reveal|keys Enter [ [ [
suggestions|keys Enter [ [ [ s
group|keys Enter [ [ [ Enter
step|keys Enter [ [ [ [
dashboard|keys Enter A
chain|keys Enter C
chain|keys j
links|keys Enter [ [ l
setup|keys Enter $back_to_setup"

names=$(printf '%s\n' "$places" | cut -d'|' -f1 | uniq)
# path NAME: the script lines that reach the place.
path() { printf '%s\n' "$places" | awk -F'|' -v n="$1" '$1 == n && $2 != "" { print $2 }'; }

# What the screens say when they refuse a key (a message on opening a
# read-only session, "cannot be changed from here", is not a refusal).
refusal='nothing can be changed|locked; it cannot be changed|cannot start a session|no export, no editor'
for name in $names; do
    # Ctrl-L redraws, and clears the message the place may have opened with.
    { path "$name"; echo "keys C-l"; echo "dump here"; } | drive 100 30 --db "$db" browse
    status 0 "$name: the screens ran the script"
    check 'dumped here | grep -q .' "$name: reached"
    keys=$(offered_keys here)
    check '[ -n "$keys" ]' "$name: the bottom line offers keys: $(bottom_line here)"
    for key in $keys; do
        case "$key" in q|"]"|"[") continue ;; esac # leaving the place refuses nothing
        { path "$name"; echo "keys $key"; echo "dump after"; } | drive 100 30 --db "$db" browse
        line=$(bottom_line after)
        if printf '%s' "$line" | grep -qE "$refusal"; then
            bad "$name: $key was offered, then refused: $line"
        else
            ok
        fi
    done
done

# What is refused is not offered: the keys that change a session or leave the
# program are on no bottom line in browse.
{ echo "keys Enter"; echo "dump canvas"; echo "keys [ [ [";  echo "dump reveal"
  echo "keys s"; echo "dump suggestions"; } | drive 100 30 --db "$db" browse
check '! bottom_line canvas | grep -qE "(L:lock|x:export)"' "the canvas offers neither lock nor export"
check '! bottom_line reveal | grep -qE "(m:merge|V:vote|t:)"' "the reveal offers no merge and no vote"
check '! bottom_line suggestions | grep -qE "(merge|dismiss)"' "the suggestions offer no merge"
check '! dumped suggestions | grep -q "Enter merges"' "nor does their title"
check '[ "$(cksum <"$db")" = "$sum_before" ]' "browsing changed nothing in the file"
{ echo "keys Enter ["; echo "dump narrative"; echo "keys ["; echo "dump decide"
  echo "keys [ ["; echo "dump step"; } | drive 100 30 --db "$db" browse
check '! dumped narrative | grep -q "e writes it here"' "the narrative invites no writing"
check '! dumped decide | grep -qE "e writes it|Enter starts"' "nor does the decision"
check '! dumped step | grep -q "a adds one"' "nor the answers"
{ echo "keys Enter C"; echo "dump chain"; echo "keys Enter"; echo "dump mend"; } |
    drive 100 30 --db "$db" browse
shows chain "Chain check" "a reviewer opens the chain check from the canvas"
shows chain "The capabilities step is not decided yet." "and reads the breaks"
shows mend "Decide 2 of 5" "Enter opens the step's decision to read"
check '! dumped mend | grep -q "e writes it"' "which invites no writing"

# A session nobody has joined: every view of its reveal draws, and says why it is empty.
"$SAMESONG" --db "$WORK/empty.db" new "Empty one" >/dev/null
{ echo "keys Enter [ [ ["; echo "dump reveal"; echo "keys v"; echo "dump coverage"
  echo "keys v"; echo "dump heatmap"; echo "keys v v s"; echo "dump suggestions"
  echo "keys Escape Enter A"; echo "dump dashboard"; } | drive 100 30 --db "$WORK/empty.db" browse
status 0 "the screens of an empty session ran without a crash"
check 'dumped heatmap | grep -q "Nobody is in this session yet"' "the heatmap of nobody says so"
check 'dumped dashboard | grep -q "Alignment dashboard"' "and the dashboard opens"

# The canvas of a locked session shows its whole digest, even at 60 columns.
cat >"$WORK/sealed.json" <<'JSON'
{"format": "samesong-session/1", "name": "Sealed", "mode": "solo",
 "participants": [{"name": "Ana", "role": "ceo"}],
 "decisions": [{"step": "alternatives", "text": "a"}, {"step": "capabilities", "text": "b"},
               {"step": "value", "text": "c"}, {"step": "customers", "text": "d"},
               {"step": "category", "text": "e"}], "locked": true}
JSON
"$SAMESONG" --db "$WORK/sealed.db" import "$WORK/sealed.json" >/dev/null
digest=$("$SAMESONG" --db "$WORK/sealed.db" verify | grep -o 'sha256:[0-9a-f]*')
echo "dump canvas" | drive 60 18 --db "$WORK/sealed.db" open sealed
check 'dumped canvas | tr -d " \n" | grep -qF "$digest"' "at 60 columns the canvas shows the whole digest $digest"

finish
