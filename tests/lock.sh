#!/bin/sh
# lock.sh: a locked session holds against SQL typed into the sqlite3 shell, and
# `samesong verify` finds what was changed after dropping the guards.
. "$(dirname "$0")/lib.sh"

command -v sqlite3 >/dev/null || { echo "lock: the sqlite3 shell is needed (Debian package sqlite3)"; exit 1; }
db="$WORK/lock.db"
"$SAMESONG" --db "$db" demo >/dev/null
cat >"$WORK/sealed.json" <<'JSON'
{"format": "samesong-session/1", "name": "Sealed", "product": "Replyline", "mode": "workshop",
 "participants": [{"name": "Maya", "role": "ceo"}, {"name": "Priya", "role": "sales"}],
 "inputs": [{"participant": "Maya", "step": "alternatives", "text": "Spreadsheets"},
            {"participant": "Priya", "step": "alternatives", "text": "Gorgias", "group": "Help desks"},
            {"participant": "Priya", "step": "value", "text": "Fewer tickets"}],
 "votes": [{"participant": "Maya", "step": "alternatives", "ranking": ["Spreadsheets", "Help desks"]}],
 "decisions": [{"step": "alternatives", "text": "The status quo"}, {"step": "capabilities", "text": "Order edits"},
               {"step": "value", "text": "Fewer tickets"}, {"step": "customers", "text": "Shopify brands"},
               {"step": "category", "text": "Help desk for e-commerce"}],
 "narrative": "Brands drown in tickets.", "locked": true,
 "capability_tags": [{"group": "Order edits", "tag": "today"}]}
JSON
run --db "$db" import "$WORK/sealed.json" --slug sealed
status 0 "a locked session file imports"
run --db "$db" export sealed -o "$WORK/before.json"
sum_before=$(cksum <"$WORK/before.json")
run --db "$db" verify sealed
status 0 "verify passes on an untouched locked session"
stdout_has "intact  sealed  locked "
stdout_has "sha256:"
digest=$(sed -n 's/.*"lock_digest":"\(sha256:[0-9a-f]*\)".*/\1/p' "$WORK/before.json")
check '[ ${#digest} -eq 71 ]' "the export carries the 71-character lock digest"
stdout_has "$digest"

# Rows of the sealed session, for the statements below.
S=$(sqlite3 "$db" "SELECT id FROM sessions WHERE slug = 'sealed'")
IN=$(sqlite3 "$db" "SELECT min(i.id) FROM inputs i JOIN participants p ON p.id = i.participant_id WHERE p.session_id = $S")
P=$(sqlite3 "$db" "SELECT min(id) FROM participants WHERE session_id = $S")
# The demo workshop under way is the open session (demo puts in a locked one too).
OPEN=$(sqlite3 "$db" "SELECT id FROM sessions WHERE slug = 'replyline-positioning-workshop'")
OPEN_P=$(sqlite3 "$db" "SELECT min(id) FROM participants WHERE session_id = $OPEN AND name NOT IN ('Maya', 'Priya')")
OPEN_IN=$(sqlite3 "$db" "SELECT min(id) FROM inputs WHERE participant_id = $OPEN_P")

# attempt SQL: the statement is refused by SQLite and the session's export is unchanged.
attempt() {
    out=$(sqlite3 "$db" "$1" 2>&1)
    # refused by a trigger, or because only samesong has the function its guard calls
    if printf '%s' "$out" | grep -qE "session is locked|are fixed|lock digest|out of range|no such function: samesong_locking"; then ok
    else bad "not refused: $1 ($out)"; fi
    "$SAMESONG" --db "$db" export sealed -o "$WORK/after.json" 2>/dev/null
    check '[ "$(cksum <"$WORK/after.json")" = "$sum_before" ]' "the locked session changed after: $1"
}
attempt "REPLACE INTO sessions (id, slug, name, status) VALUES ($S, 'sealed', 'x', 'open')"
attempt "INSERT OR REPLACE INTO sessions (slug, name) VALUES ('sealed', 'taken over')"
attempt "UPDATE OR REPLACE sessions SET slug = 'sealed' WHERE id = $OPEN"
attempt "UPDATE OR REPLACE sessions SET id = $S WHERE id = $OPEN"
attempt "INSERT INTO sessions (slug, name, status) VALUES ('forged', 'Forged', 'locked')"
attempt "UPDATE sessions SET status = 'open', locked_at = NULL WHERE id = $S"
attempt "INSERT OR REPLACE INTO inputs (id, participant_id, step, position, text) VALUES ($IN, $OPEN_P, 'value', 9, 'moved')"
attempt "UPDATE OR REPLACE inputs SET id = $IN WHERE id = $OPEN_IN"
attempt "UPDATE inputs SET participant_id = $P WHERE id = $OPEN_IN"
attempt "INSERT INTO inputs (participant_id, step, position, text) VALUES ($P, 'value', 9, 'late')"
attempt "UPDATE participants SET session_id = $S WHERE id = $OPEN_P"
attempt "INSERT OR REPLACE INTO participants (id, session_id, name, role, position) VALUES ($P, $OPEN, 'Zed', 'ceo', 9)"
attempt "UPDATE OR REPLACE participants SET id = $P WHERE id = $OPEN_P"
attempt "INSERT OR REPLACE INTO decisions (session_id, step, text) VALUES ($S, 'value', 'rewritten')"
attempt "INSERT INTO decisions (session_id, step, text) VALUES ($S, 'value', 'y') ON CONFLICT DO UPDATE SET text = 'y'"
attempt "INSERT INTO decisions (session_id, step, text) VALUES ($OPEN, 'capabilities', 'b') ON CONFLICT DO NOTHING; UPDATE OR REPLACE decisions SET rowid = (SELECT rowid FROM decisions WHERE session_id = $S LIMIT 1) WHERE session_id = $OPEN AND step = 'capabilities'"
attempt "UPDATE OR REPLACE decisions SET session_id = $S WHERE session_id = $OPEN AND step = 'alternatives'"
attempt "INSERT OR REPLACE INTO votes (participant_id, step, rank, label) VALUES ($P, 'alternatives', 1, 'forged')"
attempt "INSERT INTO votes (participant_id, step, rank, label) VALUES ($OPEN_P, 'value', 99, 'zz'); UPDATE OR REPLACE votes SET rowid = (SELECT min(v.rowid) FROM votes v JOIN participants p ON p.id = v.participant_id WHERE p.session_id = $S) WHERE label = 'zz'"
attempt "UPDATE votes SET participant_id = $P WHERE label = 'zz'"
attempt "INSERT OR REPLACE INTO capability_tags (session_id, grp, tag) VALUES ($S, 'Gorgias', 'today')"
attempt "INSERT INTO capability_tags VALUES ($OPEN, 'zz', 'today'); UPDATE capability_tags SET session_id = $S WHERE grp = 'zz'"
attempt "UPDATE events SET detail = 'forged' WHERE session_id = $S"
attempt "DELETE FROM events WHERE session_id = $S"
attempt "UPDATE events SET session_id = $S WHERE session_id = $OPEN"
attempt "INSERT INTO dismissed (session_id, step, key_a, key_b) VALUES ($S, 'value', 'a', 'b')"
attempt "PRAGMA foreign_keys = OFF; UPDATE steps SET id = 'worth' WHERE id = 'value'"
attempt "PRAGMA foreign_keys = OFF; DELETE FROM steps WHERE id = 'value'"
attempt "PRAGMA foreign_keys = OFF; UPDATE roles SET id = 'boss' WHERE id = 'ceo'"
attempt "DELETE FROM lock_digests"
attempt "UPDATE lock_digests SET digest = 'sha256:' || lower(hex(zeroblob(32)))"
attempt "INSERT OR REPLACE INTO lock_digests (session_id, digest) VALUES ($S, 'sha256:' || lower(hex(zeroblob(32))))"
attempt "PRAGMA recursive_triggers = ON; REPLACE INTO sessions (id, slug, name) VALUES ($S, 'sealed', 'x')"
# Only samesong locks a session or writes a digest (review: a forged lock).
attempt "UPDATE sessions SET status = 'locked', locked_at = '2020-01-01T00:00:00Z' WHERE id = $OPEN"
attempt "INSERT INTO lock_digests (session_id, digest) VALUES (99, 'sha256:' || lower(hex(zeroblob(32))))"
check '[ "$(sqlite3 "$db" "SELECT status FROM sessions WHERE id = $OPEN")" = open ]' "the open session stays open"
# No answer may take a decision's place in the search index.
attempt "INSERT OR REPLACE INTO inputs (id, participant_id, step, position, text) VALUES (1099511627776 + $S * 8 + 5, $OPEN_P, 'category', 99, 'x')"
run --db "$db" add sealed --as Maya --step value "after the lock"
status 1 "samesong add is still refused on the locked session"
run --db "$db" verify
status 0 "after every refused statement, verify still passes"

# The search index is a virtual table no trigger guards: words written into
# it are not shown as the session's, and verify names the change.
sqlite3 "$db" "UPDATE search SET text = 'we promise zeppelins' WHERE rowid = $IN"
run --db "$db" search zeppelins
stdout_has "Nothing matches."
run --db "$db" verify sealed
status 1 "verify finds the search index edited by hand"
stderr_has "search index do"
stderr_one_line
sqlite3 "$db" "UPDATE search SET text = (SELECT text FROM inputs WHERE id = $IN) WHERE rowid = $IN"

# With a guard dropped the content can change, and verify says so.
cp "$db" "$WORK/tampered.db"
sqlite3 "$WORK/tampered.db" "DROP TRIGGER inputs_locked_update; UPDATE inputs SET text = 'Changed' WHERE id = $IN"
run --db "$WORK/tampered.db" verify sealed
status 1 "verify fails on a changed locked session"
stderr_has "the database's schema is not as samesong made it: trigger inputs_locked_update was dropped or changed"
stderr_has "sealed was changed after it was locked: its content no longer matches its lock digest $digest"
cp "$db" "$WORK/planted.db"
sqlite3 "$WORK/planted.db" "CREATE TRIGGER zz_audit BEFORE UPDATE OF status ON sessions WHEN NEW.status = 'locked' BEGIN UPDATE decisions SET text = 'cheapest' WHERE session_id = NEW.id; END;"
run --db "$WORK/planted.db" verify
status 1 "verify finds a trigger that samesong did not make"
stderr_has "trigger zz_audit was added"
run --db "$WORK/tampered.db" export sealed -o "$WORK/tampered.json"
run --db "$db" import "$WORK/tampered.json" --slug again
status 1 "a sealed file changed after the lock is not imported"
stderr_has "was changed after it was locked"
stderr_one_line
run --db "$db" import "$WORK/before.json" --slug again
status 0 "the unchanged sealed file imports"
run --db "$db" verify again
status 0 "and verifies with the same digest"
stdout_has "$digest"

# A digest written by hand is never shown as it is.
cp "$db" "$WORK/junk.db"
sqlite3 "$WORK/junk.db" "PRAGMA ignore_check_constraints = ON; DROP TRIGGER lock_digests_update;
    UPDATE lock_digests SET digest = 'sha256:' || char(27) || '[31m' || substr(hex(zeroblob(32)), 1, 59) WHERE session_id = $S"
run --db "$WORK/junk.db" verify sealed
status 1 "a malformed digest fails verify"
check '! grep -q "$(printf "\033")" "$ERR"' "the escape in a digest never reaches the terminal"
stderr_has "(not a digest)"

run --db "$db" verify $OPEN
status 1 "an open session has nothing to verify"
stderr_has "is not locked; only a locked session has a digest to check"
run --db "$db" export sealed --format md -o "$WORK/sealed.md"
check 'grep -qF "Lock digest: \`$digest\`" "$WORK/sealed.md"' "the Markdown canvas carries the digest"
run --db "$WORK/nowhere.db" verify
status 1 "verify on a mistyped path"
stderr_has "no such database"
check '[ ! -e "$WORK/nowhere.db" ]' "verify makes no database"
run --db "$db" verify one two
status 2 "verify takes one session at most"

finish
