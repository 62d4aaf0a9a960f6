/* store_schema.c: the database schema, as migrations run in order on open. */
#include "store_internal.h"

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

const char *const store_migrations[STORE_SCHEMA_VERSION] = {
    migration_1,
    migration_2,
    migration_3,
};
