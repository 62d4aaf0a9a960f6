/* store_schema.c: the database schema, as migrations run in order on open. */
#include "store_internal.h"
#include "store_search_rows.h"

/* A trigger body that refuses any change to a locked session. */
#define REFUSE_IF_LOCKED(session_expr) \
    " WHEN (SELECT status FROM sessions WHERE id = " session_expr ") = 'locked'" \
    " BEGIN SELECT RAISE(ABORT, 'session is locked'); END;"
#define SESSION_OF_PARTICIPANT(p) "(SELECT session_id FROM participants WHERE id = " p ")"
#define NOW "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"

static const char migration_1[] =
    "CREATE TABLE steps ("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL UNIQUE"
    ") STRICT;"
    "INSERT INTO steps VALUES ('alternatives', 1), ('capabilities', 2), ('value', 3),"
    "  ('customers', 4), ('category', 5);"
    "CREATE TABLE roles ("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL UNIQUE"
    ") STRICT;"
    "INSERT INTO roles VALUES ('ceo', 1), ('marketing', 2), ('sales', 3), ('product', 4),"
    "  ('success', 5), ('other', 6);"

    "CREATE TABLE sessions ("
    "  id INTEGER PRIMARY KEY,"
    "  slug TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  product TEXT NOT NULL DEFAULT '',"
    "  mode TEXT NOT NULL DEFAULT 'workshop' CHECK (mode IN ('workshop', 'solo')),"
    "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'locked')),"
    "  narrative TEXT NOT NULL DEFAULT '',"
    "  created_at TEXT NOT NULL DEFAULT " NOW ","
    "  locked_at TEXT"
    ") STRICT;"
    "CREATE TABLE participants ("
    "  id INTEGER PRIMARY KEY,"
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  name TEXT NOT NULL,"
    "  role TEXT NOT NULL REFERENCES roles(id),"
    "  position INTEGER NOT NULL,"
    "  UNIQUE (session_id, name)"
    ") STRICT;"
    "CREATE TABLE inputs ("
    "  id INTEGER PRIMARY KEY,"
    "  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,"
    "  step TEXT NOT NULL REFERENCES steps(id),"
    "  position INTEGER NOT NULL,"
    "  text TEXT NOT NULL,"
    "  group_label TEXT,"
    "  created_at TEXT NOT NULL DEFAULT " NOW
    ") STRICT;"
    "CREATE INDEX inputs_by_participant ON inputs (participant_id, step, position);"
    "CREATE TABLE votes ("
    "  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,"
    "  step TEXT NOT NULL REFERENCES steps(id),"
    "  rank INTEGER NOT NULL CHECK (rank >= 1),"
    "  label TEXT NOT NULL,"
    "  PRIMARY KEY (participant_id, step, rank),"
    "  UNIQUE (participant_id, step, label)"
    ") STRICT;"
    "CREATE TABLE decisions ("
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  step TEXT NOT NULL REFERENCES steps(id),"
    "  text TEXT NOT NULL,"
    "  decided_at TEXT NOT NULL DEFAULT " NOW ","
    "  PRIMARY KEY (session_id, step)"
    ") STRICT;"
    "CREATE TABLE events ("
    "  id INTEGER PRIMARY KEY,"
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,"
    "  action TEXT NOT NULL,"
    "  detail TEXT NOT NULL DEFAULT '',"
    "  at TEXT NOT NULL DEFAULT " NOW
    ") STRICT;"
    "CREATE INDEX events_by_session ON events (session_id, at);"

    /* A locked session is final: SQLite itself refuses every change to it,
     * whichever program or connection tries. */
    "CREATE TRIGGER sessions_locked_update BEFORE UPDATE ON sessions"
    REFUSE_IF_LOCKED("OLD.id")
    "CREATE TRIGGER sessions_locked_delete BEFORE DELETE ON sessions"
    REFUSE_IF_LOCKED("OLD.id")
    "CREATE TRIGGER participants_locked_insert BEFORE INSERT ON participants"
    REFUSE_IF_LOCKED("NEW.session_id")
    "CREATE TRIGGER participants_locked_update BEFORE UPDATE ON participants"
    REFUSE_IF_LOCKED("OLD.session_id")
    "CREATE TRIGGER participants_locked_delete BEFORE DELETE ON participants"
    REFUSE_IF_LOCKED("OLD.session_id")
    "CREATE TRIGGER inputs_locked_insert BEFORE INSERT ON inputs"
    REFUSE_IF_LOCKED(SESSION_OF_PARTICIPANT("NEW.participant_id"))
    "CREATE TRIGGER inputs_locked_update BEFORE UPDATE ON inputs"
    REFUSE_IF_LOCKED(SESSION_OF_PARTICIPANT("OLD.participant_id"))
    "CREATE TRIGGER inputs_locked_delete BEFORE DELETE ON inputs"
    REFUSE_IF_LOCKED(SESSION_OF_PARTICIPANT("OLD.participant_id"))
    "CREATE TRIGGER votes_locked_insert BEFORE INSERT ON votes"
    REFUSE_IF_LOCKED(SESSION_OF_PARTICIPANT("NEW.participant_id"))
    "CREATE TRIGGER votes_locked_update BEFORE UPDATE ON votes"
    REFUSE_IF_LOCKED(SESSION_OF_PARTICIPANT("OLD.participant_id"))
    "CREATE TRIGGER votes_locked_delete BEFORE DELETE ON votes"
    REFUSE_IF_LOCKED(SESSION_OF_PARTICIPANT("OLD.participant_id"))
    "CREATE TRIGGER decisions_locked_insert BEFORE INSERT ON decisions"
    REFUSE_IF_LOCKED("NEW.session_id")
    "CREATE TRIGGER decisions_locked_update BEFORE UPDATE ON decisions"
    REFUSE_IF_LOCKED("OLD.session_id")
    "CREATE TRIGGER decisions_locked_delete BEFORE DELETE ON decisions"
    REFUSE_IF_LOCKED("OLD.session_id")
    "CREATE TRIGGER events_locked_insert BEFORE INSERT ON events"
    REFUSE_IF_LOCKED("NEW.session_id");

/* Where the facilitator was in each session, so reopening returns there. It
 * records the room's place, not its answers, so a locked session may still
 * have it updated. */
static const char migration_2[] =
    "CREATE TABLE positions ("
    "  session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,"
    "  screen TEXT NOT NULL,"
    "  step TEXT REFERENCES steps(id),"
    "  participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,"
    "  at TEXT NOT NULL DEFAULT " NOW
    ") STRICT;";

/* What the misalignment views need: how answers are attributed on screen
 * (a display setting, changeable even on a locked session), the product
 * person's reality check of each capability (session content, so locked with
 * it), and the merge suggestions the room dismissed. */
static const char migration_3[] =
    "CREATE TABLE display ("
    "  session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,"
    "  attribution TEXT NOT NULL DEFAULT 'roles'"
    "    CHECK (attribution IN ('names', 'roles', 'anonymous'))"
    ") STRICT;"
    "CREATE TABLE capability_tags ("
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  grp TEXT NOT NULL,"
    "  tag TEXT NOT NULL CHECK (tag IN ('today', 'roadmap', 'not planned')),"
    "  PRIMARY KEY (session_id, grp)"
    ") STRICT;"
    "CREATE TRIGGER capability_tags_locked_insert BEFORE INSERT ON capability_tags"
    REFUSE_IF_LOCKED("NEW.session_id")
    "CREATE TRIGGER capability_tags_locked_update BEFORE UPDATE ON capability_tags"
    REFUSE_IF_LOCKED("OLD.session_id")
    "CREATE TRIGGER capability_tags_locked_delete BEFORE DELETE ON capability_tags"
    REFUSE_IF_LOCKED("OLD.session_id")
    "CREATE TABLE dismissed ("
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  step TEXT NOT NULL REFERENCES steps(id),"
    "  key_a TEXT NOT NULL,"
    "  key_b TEXT NOT NULL,"
    "  PRIMARY KEY (session_id, step, key_a, key_b)"
    ") STRICT;";

/* Full-text search over answers, decisions and narratives, kept in step by
 * triggers. Each row is found again by its rowid, so a change never scans the
 * index: an answer's is its id; a decision's and a narrative's are 2^40 +
 * session * 8 + step position (0 for the narrative). Results come newest rowid
 * first, which puts decisions and narratives, then recent answers, on top. */
#define HIGH "1099511627776"
#define DECISION_ROWID(session, step) \
    "(" HIGH " + " session " * 8 + (SELECT position FROM steps WHERE id = " step "))"
#define SEARCH_ANSWER(row) \
    "INSERT INTO search (rowid, text, session_id, kind, step, participant_id)" \
    " SELECT " row ".id, " row ".text, p.session_id, 'answer', " row ".step, p.id" \
    " FROM participants p WHERE p.id = " row ".participant_id;"
#define SEARCH_DECISION(row) \
    "INSERT INTO search (rowid, text, session_id, kind, step, participant_id) VALUES (" \
    DECISION_ROWID(row ".session_id", row ".step") ", " row ".text, " row ".session_id," \
    " 'decision', " row ".step, NULL);"
#define SEARCH_NARRATIVE(row) \
    "INSERT INTO search (rowid, text, session_id, kind, step, participant_id)" \
    " SELECT " HIGH " + " row ".id * 8, " row ".narrative, " row ".id, 'narrative', NULL, NULL" \
    " WHERE " row ".narrative != '';"

static const char migration_4[] =
    "CREATE VIRTUAL TABLE search USING fts5(text, session_id UNINDEXED, kind UNINDEXED,"
    "  step UNINDEXED, participant_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');"
    "CREATE TRIGGER search_answer_insert AFTER INSERT ON inputs BEGIN "
    SEARCH_ANSWER("NEW") " END;"
    "CREATE TRIGGER search_answer_update AFTER UPDATE OF text ON inputs BEGIN"
    " DELETE FROM search WHERE rowid = OLD.id; " SEARCH_ANSWER("NEW") " END;"
    "CREATE TRIGGER search_answer_delete AFTER DELETE ON inputs BEGIN"
    " DELETE FROM search WHERE rowid = OLD.id; END;"
    "CREATE TRIGGER search_decision_insert AFTER INSERT ON decisions BEGIN "
    SEARCH_DECISION("NEW") " END;"
    "CREATE TRIGGER search_decision_update AFTER UPDATE OF text ON decisions BEGIN"
    " DELETE FROM search WHERE rowid = " DECISION_ROWID("OLD.session_id", "OLD.step") "; "
    SEARCH_DECISION("NEW") " END;"
    "CREATE TRIGGER search_decision_delete AFTER DELETE ON decisions BEGIN"
    " DELETE FROM search WHERE rowid = " DECISION_ROWID("OLD.session_id", "OLD.step") "; END;"
    "CREATE TRIGGER search_narrative_update AFTER UPDATE OF narrative ON sessions BEGIN"
    " DELETE FROM search WHERE rowid = " HIGH " + OLD.id * 8; " SEARCH_NARRATIVE("NEW") " END;"
    "CREATE TRIGGER search_narrative_delete AFTER DELETE ON sessions BEGIN"
    " DELETE FROM search WHERE rowid = " HIGH " + OLD.id * 8; END;"
    /* what the file already holds */
    "INSERT INTO search (rowid, text, session_id, kind, step, participant_id)"
    " SELECT i.id, i.text, p.session_id, 'answer', i.step, p.id FROM inputs i"
    " JOIN participants p ON p.id = i.participant_id;"
    "INSERT INTO search (rowid, text, session_id, kind, step, participant_id)"
    " SELECT " HIGH " + d.session_id * 8 + t.position, d.text, d.session_id, 'decision', d.step,"
    " NULL"
    " FROM decisions d JOIN steps t ON t.id = d.step;"
    "INSERT INTO search (rowid, text, session_id, kind, step, participant_id)"
    " SELECT " HIGH " + id * 8, narrative, id, 'narrative', NULL, NULL FROM sessions"
    " WHERE narrative != '';";

/* Schema 5: the lock holds against any statement, not only the program's own.
 * Every table of a session's content refuses a change when the row it had
 * (OLD) or the row it would have (NEW) belongs to a locked session, and when
 * the row a REPLACE would silently delete does (REPLACE fires no delete
 * trigger); a locked session cannot be made by insertion; the steps and
 * roles never change (with foreign keys off, renaming a step would rewrite a
 * locked session); and lock_digests keeps the SHA-256 of the locked content,
 * written once when the session locks, so that `samesong verify` detects
 * even a change made after dropping these triggers. */
#define IS_LOCKED(session) "(SELECT status FROM sessions WHERE id = " session ") = 'locked'"
#define LOCKED_ROW_AT(table, session_col, rowid) \
    "EXISTS (SELECT 1 FROM " table " x WHERE x.rowid = " rowid \
    " AND " IS_LOCKED("x." session_col) ")"
#define LOCKED_INPUT_AT(table, rowid) \
    "EXISTS (SELECT 1 FROM " table " x WHERE x.rowid = " rowid \
    " AND " IS_LOCKED(SESSION_OF_PARTICIPANT("x.participant_id")) ")"
#define REFUSE " BEGIN SELECT RAISE(ABORT, 'session is locked'); END;"

/* Guards for a table whose rows name their session in column col. */
#define GUARD_BY_SESSION(table, col) \
    "CREATE TRIGGER " table "_locked_insert BEFORE INSERT ON " table \
    " WHEN " IS_LOCKED("NEW." col) " OR " LOCKED_ROW_AT(table, col, "NEW.rowid") REFUSE \
    "CREATE TRIGGER " table "_locked_update BEFORE UPDATE ON " table \
    " WHEN " IS_LOCKED("OLD." col) " OR " IS_LOCKED("NEW." col) \
    " OR " LOCKED_ROW_AT(table, col, "NEW.rowid") REFUSE \
    "CREATE TRIGGER " table "_locked_delete BEFORE DELETE ON " table \
    " WHEN " IS_LOCKED("OLD." col) REFUSE
/* Guards for a table whose rows name their participant. */
#define GUARD_BY_PARTICIPANT(table) \
    "CREATE TRIGGER " table "_locked_insert BEFORE INSERT ON " table \
    " WHEN " IS_LOCKED(SESSION_OF_PARTICIPANT("NEW.participant_id")) \
    " OR " LOCKED_INPUT_AT(table, "NEW.rowid") REFUSE \
    "CREATE TRIGGER " table "_locked_update BEFORE UPDATE ON " table \
    " WHEN " IS_LOCKED(SESSION_OF_PARTICIPANT("OLD.participant_id")) \
    " OR " IS_LOCKED(SESSION_OF_PARTICIPANT("NEW.participant_id")) \
    " OR " LOCKED_INPUT_AT(table, "NEW.rowid") REFUSE \
    "CREATE TRIGGER " table "_locked_delete BEFORE DELETE ON " table \
    " WHEN " IS_LOCKED(SESSION_OF_PARTICIPANT("OLD.participant_id")) REFUSE
#define LOCKED_SESSION_NAMED(row) \
    "EXISTS (SELECT 1 FROM sessions x WHERE (x.id = " row ".id OR x.slug = " row ".slug)" \
    " AND x.status = 'locked')"
#define FIXED(table, what) \
    "CREATE TRIGGER " table "_fixed_insert BEFORE INSERT ON " table \
    " BEGIN SELECT RAISE(ABORT, 'the " what " are fixed'); END;" \
    "CREATE TRIGGER " table "_fixed_update BEFORE UPDATE ON " table \
    " BEGIN SELECT RAISE(ABORT, 'the " what " are fixed'); END;" \
    "CREATE TRIGGER " table "_fixed_delete BEFORE DELETE ON " table \
    " BEGIN SELECT RAISE(ABORT, 'the " what " are fixed'); END;"

static const char migration_5[] =
    "DROP TRIGGER sessions_locked_update; DROP TRIGGER sessions_locked_delete;"
    "DROP TRIGGER participants_locked_insert; DROP TRIGGER participants_locked_update;"
    "DROP TRIGGER participants_locked_delete;"
    "DROP TRIGGER inputs_locked_insert; DROP TRIGGER inputs_locked_update;"
    "DROP TRIGGER inputs_locked_delete;"
    "DROP TRIGGER votes_locked_insert; DROP TRIGGER votes_locked_update;"
    "DROP TRIGGER votes_locked_delete;"
    "DROP TRIGGER decisions_locked_insert; DROP TRIGGER decisions_locked_update;"
    "DROP TRIGGER decisions_locked_delete;"
    "DROP TRIGGER events_locked_insert;"
    "DROP TRIGGER capability_tags_locked_insert; DROP TRIGGER capability_tags_locked_update;"
    "DROP TRIGGER capability_tags_locked_delete;"

    "CREATE TRIGGER sessions_locked_insert BEFORE INSERT ON sessions"
    " WHEN NEW.status = 'locked' OR " LOCKED_SESSION_NAMED("NEW") REFUSE
    "CREATE TRIGGER sessions_locked_update BEFORE UPDATE ON sessions"
    " WHEN OLD.status = 'locked' OR " LOCKED_SESSION_NAMED("NEW") REFUSE
    "CREATE TRIGGER sessions_locked_delete BEFORE DELETE ON sessions"
    " WHEN OLD.status = 'locked'" REFUSE
    GUARD_BY_SESSION("participants", "session_id")
    GUARD_BY_PARTICIPANT("inputs")
    GUARD_BY_PARTICIPANT("votes")
    GUARD_BY_SESSION("decisions", "session_id")
    GUARD_BY_SESSION("capability_tags", "session_id")
    GUARD_BY_SESSION("events", "session_id")
    GUARD_BY_SESSION("dismissed", "session_id")
    FIXED("steps", "steps")
    FIXED("roles", "roles")

    /* Only samesong locks a session or writes a digest: the function these
     * triggers call exists only on samesong's own connections, so in any
     * other program the statement fails ("no such function"); dropping the
     * triggers to get round it is what verify finds. */
    "CREATE TRIGGER sessions_lock_by_samesong BEFORE UPDATE OF status ON sessions"
    " WHEN NEW.status = 'locked' AND OLD.status IS NOT 'locked'"
    " BEGIN SELECT RAISE(ABORT, 'only samesong locks a session') WHERE NOT samesong_locking();"
    " END;"
    /* The search index finds a decision or a narrative by a rowid above 2^40:
     * no answer's id may reach there, or a REPLACE of that answer would take
     * a locked session's row out of the index. */
    "CREATE TRIGGER inputs_id_range BEFORE INSERT ON inputs WHEN NEW.id >= " HIGH
    " BEGIN SELECT RAISE(ABORT, 'an answer id out of range'); END;"
    "CREATE TRIGGER inputs_id_range_update BEFORE UPDATE OF id ON inputs WHEN NEW.id >= " HIGH
    " BEGIN SELECT RAISE(ABORT, 'an answer id out of range'); END;"
    "CREATE TABLE lock_digests ("
    "  session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,"
    "  digest TEXT NOT NULL CHECK (digest GLOB 'sha256:*' AND length(digest) = 71),"
    /* 'upgrade' for sessions locked before schema 5, sealed as they were found */
    "  sealed TEXT NOT NULL DEFAULT 'lock' CHECK (sealed IN ('lock', 'upgrade'))"
    ") STRICT;"
    "CREATE TRIGGER lock_digests_insert BEFORE INSERT ON lock_digests"
    " WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) IS NOT 'locked'"
    " OR EXISTS (SELECT 1 FROM lock_digests WHERE session_id = NEW.session_id)"
    " OR NOT samesong_locking()"
    " BEGIN SELECT RAISE(ABORT, 'a lock digest is written once, when its session locks'); END;"
    "CREATE TRIGGER lock_digests_update BEFORE UPDATE ON lock_digests"
    " BEGIN SELECT RAISE(ABORT, 'a lock digest cannot change'); END;"
    "CREATE TRIGGER lock_digests_delete BEFORE DELETE ON lock_digests"
    " BEGIN SELECT RAISE(ABORT, 'a lock digest cannot change'); END;";

/* Schema 6: the last grouping change of each step (a merge, a rename, a group
 * taken apart or an answer taken out) can be undone, even after the file is
 * closed: undo_groupings says what it was, undo_labels and undo_votes hold
 * the step's group labels and rankings as they were before it. The session's
 * content, so locked with it. */
static const char migration_6[] =
    "CREATE TABLE undo_groupings ("
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  step TEXT NOT NULL REFERENCES steps(id),"
    "  what TEXT NOT NULL,"
    "  PRIMARY KEY (session_id, step)"
    ") STRICT;"
    "CREATE TABLE undo_labels ("
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  step TEXT NOT NULL REFERENCES steps(id),"
    "  input_id INTEGER PRIMARY KEY REFERENCES inputs(id) ON DELETE CASCADE,"
    "  label TEXT"
    ") STRICT;"
    "CREATE TABLE undo_votes ("
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  step TEXT NOT NULL REFERENCES steps(id),"
    "  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,"
    "  rank INTEGER NOT NULL CHECK (rank >= 1),"
    "  label TEXT NOT NULL,"
    "  PRIMARY KEY (participant_id, step, rank)"
    ") STRICT;"
    GUARD_BY_SESSION("undo_groupings", "session_id")
    GUARD_BY_SESSION("undo_labels", "session_id")
    GUARD_BY_SESSION("undo_votes", "session_id");

/* Schema 7: find looks people up by name, any case, in every session; without
 * an index that read every participant (12 ms a word in 10,000 sessions). */
static const char migration_7[] =
    "CREATE INDEX participants_by_name ON participants (name COLLATE NOCASE);";

/* Schema 8: room mode. Each participant may join from their own terminal
 * with a code of their own, kept only as a salted hash (invites); wrong codes
 * are counted per session to slow guessing (join_failures); the facilitator's
 * reveal of a step opens it on every joined terminal (revealed); each person
 * says from their terminal when they are writing or done (readiness); and a
 * session may have a deadline for answering before the meeting (room). */
static const char migration_8[] =
    "CREATE TABLE invites ("
    "  participant_id INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,"
    "  code_hash TEXT NOT NULL,"
    "  salt TEXT NOT NULL,"
    "  created_at TEXT NOT NULL DEFAULT " NOW ","
    "  revoked_at TEXT,"
    "  joined_at TEXT"
    ") STRICT;"
    "CREATE TABLE join_failures ("
    "  id INTEGER PRIMARY KEY,"
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  at REAL NOT NULL DEFAULT (julianday('now'))"
    ") STRICT;"
    "CREATE INDEX join_failures_by_session ON join_failures (session_id, at);"
    "CREATE TABLE revealed ("
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  step TEXT NOT NULL REFERENCES steps(id),"
    "  at TEXT NOT NULL DEFAULT " NOW ","
    "  PRIMARY KEY (session_id, step)"
    ") STRICT;"
    "CREATE TABLE readiness ("
    "  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,"
    "  step TEXT NOT NULL REFERENCES steps(id),"
    "  writing INTEGER NOT NULL DEFAULT 0 CHECK (writing IN (0, 1)),"
    "  done_at TEXT,"
    "  PRIMARY KEY (participant_id, step)"
    ") STRICT;"
    "CREATE TABLE room ("
    "  session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,"
    "  deadline TEXT CHECK (deadline IS NULL OR deadline GLOB"
    "    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')"
    ") STRICT;"
    GUARD_BY_PARTICIPANT("invites")
    GUARD_BY_SESSION("revealed", "session_id")
    GUARD_BY_PARTICIPANT("readiness")
    GUARD_BY_SESSION("room", "session_id");

/* Schema 9: walk-ins. The facilitator may give a session one room code
 * that lets anyone new add themselves (each then gets a personal code in
 * invites); like a personal code it is kept only as a salted hash, and
 * taking it back stamps revoked_at. Locked with the session. */
static const char migration_9[] =
    "CREATE TABLE walk_ins ("
    "  session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,"
    "  code_hash TEXT NOT NULL,"
    "  salt TEXT NOT NULL,"
    "  created_at TEXT NOT NULL DEFAULT " NOW ","
    "  revoked_at TEXT"
    ") STRICT;"
    GUARD_BY_SESSION("walk_ins", "session_id");

/* Schema 10: the method's chain. A decision's items (its lines) link back to
 * the items of the decision they build on (decision_links, by item text, so
 * an edit that keeps a line keeps its links); value themes have proof; each
 * decision may keep its why and any dissent; the customers step names the
 * champion and the category step the positioning style (positioning). */
static const char migration_10[] =
    "ALTER TABLE decisions ADD COLUMN rationale TEXT;"
    "CREATE TABLE decision_links ("
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  step TEXT NOT NULL REFERENCES steps(id)"
    "    CHECK (step IN ('capabilities', 'value', 'customers', 'category')),"
    "  item TEXT NOT NULL,"
    "  target TEXT NOT NULL,"
    "  PRIMARY KEY (session_id, step, item, target)"
    ") STRICT;"
    "CREATE TABLE proofs ("
    "  id INTEGER PRIMARY KEY,"
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  item TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('quote', 'number', 'case')),"
    "  text TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX proofs_by_session ON proofs (session_id, item);"
    "CREATE TABLE dissents ("
    "  id INTEGER PRIMARY KEY,"
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  step TEXT NOT NULL REFERENCES steps(id),"
    "  who TEXT NOT NULL,"
    "  what TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX dissents_by_session ON dissents (session_id, step);"
    "CREATE TABLE positioning ("
    "  session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,"
    "  champion_role TEXT,"
    "  champion_why TEXT,"
    "  style TEXT CHECK (style IS NULL OR style IN ('head-to-head', 'big-fish', 'new-category')),"
    "  style_why TEXT"
    ") STRICT;"
    GUARD_BY_SESSION("decision_links", "session_id")
    GUARD_BY_SESSION("proofs", "session_id")
    GUARD_BY_SESSION("dissents", "session_id")
    GUARD_BY_SESSION("positioning", "session_id");

/* Schema 11: rounds of the vote. Starting a new round on a step keeps the
 * current rankings in vote_rounds under the round's number, and each person
 * ranks again in votes; closed rounds follow regroups as votes do, so an undo
 * keeps them too (undo_rounds). consensus holds the Kendall's W at which the
 * room calls it consensus, when the facilitator set one. All locked with the
 * session. */
static const char migration_11[] =
    "CREATE TABLE vote_rounds ("
    "  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,"
    "  step TEXT NOT NULL REFERENCES steps(id),"
    "  round INTEGER NOT NULL CHECK (round >= 1),"
    "  rank INTEGER NOT NULL CHECK (rank >= 1),"
    "  label TEXT NOT NULL,"
    "  PRIMARY KEY (participant_id, step, round, rank),"
    "  UNIQUE (participant_id, step, round, label)"
    ") STRICT;"
    "CREATE TABLE undo_rounds ("
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  step TEXT NOT NULL REFERENCES steps(id),"
    "  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,"
    "  round INTEGER NOT NULL CHECK (round >= 1),"
    "  rank INTEGER NOT NULL CHECK (rank >= 1),"
    "  label TEXT NOT NULL,"
    "  PRIMARY KEY (participant_id, step, round, rank)"
    ") STRICT;"
    "CREATE TABLE consensus ("
    "  session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,"
    "  threshold REAL NOT NULL CHECK (threshold > 0 AND threshold <= 1)"
    ") STRICT;"
    GUARD_BY_PARTICIPANT("vote_rounds")
    GUARD_BY_SESSION("undo_rounds", "session_id")
    GUARD_BY_SESSION("consensus", "session_id");

/* Schema 12: the sales pitch. Each of its seven sections as the room wrote
 * it (pitch; a section with no row shows its draft, made from the decisions
 * when shown, never stored); the objections each participant hears from
 * buyers, in their order (objections); and whether the room has seen them
 * all (objections_revealed). The session's content, so locked with it. */
static const char migration_12[] =
    "CREATE TABLE pitch_sections ("
    "  id TEXT PRIMARY KEY,"
    "  position INTEGER NOT NULL UNIQUE"
    ") STRICT;"
    "INSERT INTO pitch_sections VALUES ('insight', 1), ('alternatives', 2),"
    "  ('perfect-world', 3), ('product', 4), ('value', 5), ('objections', 6), ('ask', 7);"
    "CREATE TABLE pitch ("
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  section TEXT NOT NULL REFERENCES pitch_sections(id),"
    "  text TEXT NOT NULL,"
    "  PRIMARY KEY (session_id, section)"
    ") STRICT;"
    "CREATE TABLE objections ("
    "  id INTEGER PRIMARY KEY,"
    "  participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  text TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX objections_by_participant ON objections (participant_id, position);"
    "CREATE TABLE objections_revealed ("
    "  session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,"
    "  at TEXT NOT NULL DEFAULT " NOW
    ") STRICT;"
    FIXED("pitch_sections", "pitch sections")
    GUARD_BY_SESSION("pitch", "session_id")
    GUARD_BY_PARTICIPANT("objections")
    GUARD_BY_SESSION("objections_revealed", "session_id");

/* Schema 13: each written section keeps the SHA-256 of its draft when it was
 * written, so a section whose decisions changed since reads stale. NULL:
 * written before this schema, and never called stale. */
static const char migration_13[] = "ALTER TABLE pitch ADD COLUMN draft_digest TEXT;";

/* Schema 14: tags on the capabilities decision's items, so a tag follows the
 * item the room decided rather than the wording of an answer group: an item
 * kept in another case keeps it, an item that goes takes it along. A group's
 * tag (capability_tags) still counts for the item of the same name that has
 * none of its own, so sessions tagged before keep their tags and digests. */
static const char migration_14[] =
    "CREATE TABLE item_tags ("
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  item TEXT NOT NULL,"
    "  tag TEXT NOT NULL CHECK (tag IN ('today', 'roadmap', 'not planned')),"
    "  PRIMARY KEY (session_id, item)"
    ") STRICT;"
    GUARD_BY_SESSION("item_tags", "session_id");

/* Schema 15: search finds the whole method, not only answers, decisions and
 * narratives: each pitch section as written, each decision's why, dissents,
 * proofs, the champion and the positioning style, and the objections people
 * hear (kept private in room mode until they are revealed, as answers are).
 * The rows are laid out anew (store_search_rows.h): the room's texts first,
 * then proofs and dissents, objections, answers. The index is rebuilt from
 * what the file holds, so an older session is found by all of it. */
#define SEARCH_TRIGGERS(name, table, columns, when, old_rows, new_rows) \
    "CREATE TRIGGER search_" name "_insert AFTER INSERT ON " table " BEGIN" \
    " DELETE FROM search WHERE rowid IN (" new_rows ");" \
    " " SEARCH_INSERT "SELECT " columns("NEW") " WHERE " when("NEW") "; END;" \
    "CREATE TRIGGER search_" name "_update AFTER UPDATE ON " table " BEGIN" \
    " DELETE FROM search WHERE rowid IN (" old_rows ");" \
    " " SEARCH_INSERT "SELECT " columns("NEW") " WHERE " when("NEW") "; END;" \
    "CREATE TRIGGER search_" name "_delete AFTER DELETE ON " table " BEGIN" \
    " DELETE FROM search WHERE rowid IN (" old_rows "); END;"
#define ALWAYS(r) "1"
#define SEARCH_OBJECTION_SELECT(r) SEARCH_OBJECTION_COLUMNS(r) " FROM participants p"
#define OBJECTION_OF_PARTICIPANT(r) "p.id = " r ".participant_id"
#define ID_RANGE(table) \
    "CREATE TRIGGER " table "_id_range BEFORE INSERT ON " table " WHEN NEW.id >= " \
    SEARCH_2_40 " BEGIN SELECT RAISE(ABORT, 'an id out of range'); END;" \
    "CREATE TRIGGER " table "_id_range_update BEFORE UPDATE OF id ON " table \
    " WHEN NEW.id >= " SEARCH_2_40 " BEGIN SELECT RAISE(ABORT, 'an id out of range'); END;"
/* A decision's two rows (its text and its why) and positioning's two (the
 * champion and the style), each written when there is something to find. */
#define DECISION_COLUMNS_AND_WHY(r) \
    SEARCH_RATIONALE_COLUMNS(r) " WHERE " SEARCH_RATIONALE_WHEN(r) " UNION ALL SELECT " \
    SEARCH_DECISION_COLUMNS(r)
#define POSITIONING_COLUMNS(r) \
    SEARCH_CHAMPION_COLUMNS(r) " WHERE " SEARCH_CHAMPION_WHEN(r) " UNION ALL SELECT " \
    SEARCH_STYLE_COLUMNS(r)

static const char migration_15[] =
    "DROP TRIGGER search_decision_insert; DROP TRIGGER search_decision_update;"
    "DROP TRIGGER search_decision_delete;"
    "DROP TRIGGER search_narrative_update; DROP TRIGGER search_narrative_delete;"
    SEARCH_TRIGGERS("decision", "decisions", DECISION_COLUMNS_AND_WHY, ALWAYS,
                    SEARCH_DECISION_ROW("OLD") ", " SEARCH_RATIONALE_ROW("OLD"),
                    SEARCH_DECISION_ROW("NEW") ", " SEARCH_RATIONALE_ROW("NEW"))
    SEARCH_TRIGGERS("narrative", "sessions", SEARCH_NARRATIVE_COLUMNS, SEARCH_NARRATIVE_WHEN,
                    SEARCH_NARRATIVE_ROW("OLD.id"), SEARCH_NARRATIVE_ROW("NEW.id"))
    SEARCH_TRIGGERS("positioning", "positioning", POSITIONING_COLUMNS, SEARCH_STYLE_WHEN,
                    SEARCH_CHAMPION_ROW("OLD.session_id") ", " SEARCH_STYLE_ROW("OLD.session_id"),
                    SEARCH_CHAMPION_ROW("NEW.session_id") ", " SEARCH_STYLE_ROW("NEW.session_id"))
    SEARCH_TRIGGERS("pitch", "pitch", SEARCH_PITCH_COLUMNS, ALWAYS, SEARCH_PITCH_ROW("OLD"),
                    SEARCH_PITCH_ROW("NEW"))
    SEARCH_TRIGGERS("proof", "proofs", SEARCH_PROOF_COLUMNS, ALWAYS, SEARCH_PROOF_ROW("OLD.id"),
                    SEARCH_PROOF_ROW("NEW.id"))
    SEARCH_TRIGGERS("dissent", "dissents", SEARCH_DISSENT_COLUMNS, ALWAYS,
                    SEARCH_DISSENT_ROW("OLD.id"), SEARCH_DISSENT_ROW("NEW.id"))
    SEARCH_TRIGGERS("objection", "objections", SEARCH_OBJECTION_SELECT, OBJECTION_OF_PARTICIPANT,
                    SEARCH_OBJECTION_ROW("OLD.id"), SEARCH_OBJECTION_ROW("NEW.id"))
    ID_RANGE("objections")
    ID_RANGE("proofs")
    ID_RANGE("dissents")
    "DELETE FROM search;"
    SEARCH_INSERT SEARCH_EVERY_ROW(SEARCH_ANY_SESSION) ";";

const char *const store_migrations[STORE_SCHEMA_VERSION] = {
    migration_1,
    migration_2,
    migration_3,
    migration_4,
    migration_5,
    migration_6,
    migration_7,
    migration_8,
    migration_9,
    migration_10,
    migration_11,
    migration_12,
    migration_13,
    migration_14,
    migration_15,
};
