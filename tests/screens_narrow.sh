#!/bin/sh
# screens_narrow.sh: an 80x24 terminal (issue 10, item 17): the session list's
# last change whole and its names told apart, a long question on a line of its own, the answers view
# saying Left/Right scroll it, and the fifth person reachable with the projector
# theme.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/script.sh"

slug=replyline-positioning-workshop
n=0
fresh() {
    n=$((n + 1))
    db="$WORK/narrow$n.db"
    "$SAMESONG" --db "$db" demo >/dev/null
}

# --- the session list's last change fits -----------------------------------------------------
fresh
drive 80 24 --db "$db" <<'KEYS'
dump list
KEYS
check 'dumped list | grep -q "Replyline.* [0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]$"' \
    "the last change shows whole, date and time, at 80 columns"
# the name has the room the other columns do not need, so the two demo sessions are told
# apart by name, not only by their mode (trial); the product gives way to it
shows list "  Replyline positioning workshop       workshop " "the workshop under way's name whole"
shows list "  Replyline positioning workshop, fin… workshop, locked" "the finished one's told apart"
hides list "PRODUCT" "the product column gave way to the names"
drive 120 24 --db "$db" <<'KEYS'
dump wide
KEYS
shows wide "  Replyline positioning workshop, finished Replyline workshop, locked 6 " \
    "at 120 columns every column whole, each as wide as it needs"

# --- the role question is whole --------------------------------------------------------------
fresh
drive 80 24 --db "$db" open $slug <<'KEYS'
keys [ a
type Zed
keys Enter
dump role
keys 3 Enter
dump added
KEYS
shows role "1 CEO  2 marketing  3 sales  4 product  5 success  6 other:" \
    "the role question shows every role at 80 columns"
shows added "Zed                             Sales" "and 3 answers it"

# --- the answers view says that Left/Right show the others ------------------------------------
fresh
drive 80 24 --db "$db" open $slug <<'KEYS'
keys ] v v v v
dump answers
keys Right
dump right
KEYS
shows answers "view: answers" "v four times is the answers view"
shows answers "1-3 of 6, Left/Right" "it says which of the six are shown and how to see the rest"
shows right "2-4 of 6, Left/Right" "Right shows the next"

# --- the projector theme: the fifth person is reachable ----------------------------------------
fresh
drive 80 24 --db "$db" open $slug <<'KEYS'
keys T Tab Tab Tab Tab
dump fifth
KEYS
shows fifth "Lena's answers" "Tab reaches the fifth person with the projector theme at 80x24"
check 'dumped fifth | grep -q "^  Lena  *[0-9]"' "and the list shows her row"

# --- two of one role: their columns can be told apart -------------------------------------
db="$WORK/roles.db"
"$SAMESONG" --db "$db" new Roles >/dev/null
for who in "Ann success" "Bea success" "Cy product" "Di product"; do
    set -- $who
    "$SAMESONG" --db "$db" add roles --as "$1" --role "$2" --step alternatives "Excel" >/dev/null
done
drive 80 24 --db "$db" open roles <<'KEYS'
keys ]
dump grid
KEYS
shows grid "Succ 1" "the first of two in success"
shows grid "Succ 2" "the second, told apart from the first"
shows grid "Prod 2" "and in product"
hides grid "Succes…" "no label cut to the same thing"

finish
