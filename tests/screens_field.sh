#!/bin/sh
# screens_field.sh: the multi-line field as it is drawn (trial, issue 12): it
# wraps at spaces, cutting a word only when it is longer than a row, and Up,
# Down, Home and End move along the rows as drawn. The editing itself is in
# check_field.c.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

db="$WORK/field.db"
"$SAMESONG" --db "$db" new Thesis --solo --slug thesis >/dev/null
# 60 columns: the field's rows are 56 wide
drive 60 24 --db "$db" open thesis <<'KEYS'
keys ] e
type Brands lose customers while their support queue grows every week
dump typed
keys Up
type ^
dump up
keys Home
type <
keys Down End
type >
dump home-end
keys C-u C-k
type Supercalifragilisticexpialidociousnessissimoextraordinarilylong word
dump long
KEYS
shows typed "  Brands lose customers while their support queue grows" "a row ends after a whole word"
shows typed "  every week" "and the next starts with the word that did not fit"
hides typed "  ery week" "no word is cut"
shows up "  Brands los^e customers while their support queue grows" \
    "Up goes to the row above, in the same column"
shows home-end "  <Brands los^e customers while their support queue grows" "Home: the row's start"
shows home-end "  every week>" "Down and End: the end of the row below"
shows long "  Supercalifragilisticexpialidociousnessissimoextraordinar" \
    "a word longer than a row is cut at the edge"
shows long "  ilylong word" "and goes on in the row below"

finish
