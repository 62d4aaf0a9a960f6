/* store_internal.h: what the store*.c files share and nothing else may see. */
#ifndef SAMESONG_STORE_INTERNAL_H
#define SAMESONG_STORE_INTERNAL_H

#include "store.h"
#include "store_room.h" /* ROOM_CODE_LEN */

#include <sqlite3.h>
#include <sys/types.h>

struct store {
    sqlite3 *db;
    char *path;
    bool read_only;
    bool read_only_by_itself;
    bool locking;       /* inside store_lock: samesong_locking() is true */
    int lock_fd;        /* DB-lock, for the writers' lock; -1 when read-only */
    bool writing;       /* this process holds the writers' lock */
    int wal_frames;     /* the -wal's length after the last commit */
    char err[512];
};

/* The time now as the schema keeps it, for statements that stamp a row. */
#define STORE_NOW "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"

/* Sets the error message and returns -1. */
int store_fail(struct store *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Sets "what: SQLite's message" and returns -1. */
int store_sql_fail(struct store *st, const char *what);

/* Prepares a statement, or returns NULL with the error set. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql);

/* Fails with a clear message when the store is read-only. */
int store_check_writable(struct store *st);

/* One samesong writer at a time, and the only checkpoints (store_writers.c):
 * open sets up a writable connection; lock waits up to 5 s for the other
 * writers; unlock checkpoints when the -wal has grown, then lets go; close
 * empties the -wal when no one reads it. */
int store_writers_open(struct store *st);
int store_writers_lock(struct store *st);
void store_writers_unlock(struct store *st);
void store_writers_close(struct store *st);

/* BEGIN IMMEDIATE / COMMIT, both retried while another process holds the
 * lock, inside the writers' lock. */
int store_begin(struct store *st);
int store_commit(struct store *st);
void store_rollback(struct store *st);

/* The values a change binds, by parameter name: :session, :id, :number,
 * :round, :participant (0 binds NULL), :text, :name, :step, :role, :label (a
 * NULL string binds NULL). A statement names only those it needs. */
struct store_args {
    int64_t session, id, participant, number, round;
    const char *text, *name, *step, *role, *label, *digest;
};

/* Binds a's values to a prepared statement, runs it once and resets it, for
 * a statement run for many rows (an import); "what: SQLite's message" on failure. */
int store_step(struct store *st, sqlite3_stmt *stmt, const struct store_args *a,
               const char *what);

/* Runs sql once with a's values, inside the caller's transaction; with
 * want_one, fails with missing unless exactly one row changed. */
int store_run(struct store *st, const char *sql, const struct store_args *a, bool want_one,
              const char *missing);

/* Fails with a clear message when the session is locked. */
int store_check_open_session(struct store *st, int64_t session_id);

/* Starts a change to a session: BEGIN IMMEDIATE, then refuses (rolling back)
 * when the store is read-only or the session locked. */
int store_begin_change(struct store *st, int64_t session_id);

/* Ends a change begun with store_begin_change: when rc is 0 it logs the
 * event and commits, else it rolls back. Returns 0 or -1. */
int store_end_change(struct store *st, int rc, int64_t session_id, int64_t participant_id,
                     const char *action, const char *detail);

/* A change of one statement to session a->session: begin, run, log, commit. */
int store_change(struct store *st, const char *sql, const struct store_args *a, bool want_one,
                 const char *missing, const char *action, const char *detail);

/* A write that is not the session's content (how it is shown, where the room
 * was): one statement in its own transaction, not logged; a locked session
 * may still have it. */
int store_set_setting(struct store *st, const char *sql, const struct store_args *a);

/* Appends to the event log (inside the caller's transaction). */
int store_log_event(struct store *st, int64_t session_id, int64_t participant_id,
                    const char *action, const char *detail);

/* Adds the participant to the session unless they are in it (role -1 takes
 * any role, ROLE_OTHER for a newcomer); *id_out gets their id. Inside the
 * caller's change. */
int store_ensure_participant(struct store *st, int64_t session_id, const char *name, int role,
                             int64_t *id_out);

/* Adds name (checked, and refused when someone in the session has it in any
 * case) with role at the end of the session's participants, inside the
 * caller's change; *id_out (when not NULL) gets their id. */
int store_insert_participant(struct store *st, int64_t session_id, const char *name,
                             enum role role, int64_t *id_out);

/* Inserts a session row with a free slug; shared by create and import. */
int store_insert_session(struct store *st, const char *name, const char *product, bool solo,
                         const char *slug, char **slug_out, int64_t *id_out);

/* Locks the session inside the caller's transaction and seals it with its
 * digest; every step must be decided. */
int store_lock_in_transaction(struct store *st, int64_t session_id);

/* True for "sha256:" and 64 lower-case hex digits, the only form a digest takes. */
bool store_digest_valid(const char *digest);

/* Seals every locked session that has no digest yet (those locked before
 * schema 5), inside the caller's transaction. */
int store_seal_unsealed_locks(struct store *st);

/* Checks user text with the store's rules and returns the trimmed copy
 * (caller frees), or NULL with "what: why" as the error. */
struct text_rule;
char *store_checked_text(struct store *st, const char *what, const char *text,
                         const struct text_rule *rule);

/* A malloc'd copy of a text column, or NULL for SQL NULL. */
char *store_column_text(sqlite3_stmt *stmt, int col);

/* The undo of a step's last grouping change, inside the caller's change:
 * save keeps the step's group labels and rankings as they are now, described
 * by what; forget drops it (a vote since would be lost by undoing). */
int store_undo_save(struct store *st, int64_t session_id, const char *step_id, const char *what);
int store_undo_forget(struct store *st, int64_t session_id, const char *step_id);

/* After a regroup of step, inside the caller's change: a ranked group whose
 * key is in gone (it went away) becomes label, or leaves the ranking when
 * label is NULL (taken apart); a label of label's own key takes its text. A
 * ranking that now names a group twice keeps the better rank and the later
 * ranks close up. The rankings of closed rounds follow too, so that rounds
 * compare the same groups. */
int store_votes_follow(struct store *st, int64_t session_id, const char *step_id,
                       char *const *gone, size_t gone_count, const char *label);

/* Runs sql, which changes the answers ids (edits, deletes), inside the
 * caller's change; then the rankings follow: a group the change made go away
 * is ranked as label (an answer edited into new words), or leaves the
 * rankings when label is NULL. missing: as store_run's, NULL for any count. */
int store_change_answers(struct store *st, int64_t session_id, const int64_t *ids, size_t count,
                         const char *sql, const struct store_args *a, const char *missing,
                         const char *label);

/* Join codes (store_room.c): a person's own, and a session's walk-in code
 * (store_walk_in.c). */
/* A new code to show once, as "KMX-4QT", and what the store keeps of it: a
 * salt and the hash (caller frees). */
int store_code_make(struct store *st, char code[ROOM_CODE_LEN + 1], char salt[17], char **hash);
/* Inside the caller's change: the participant's new code, which replaces
 * (and so revokes) any earlier one. */
int store_code_give(struct store *st, int64_t participant_id, char code[ROOM_CODE_LEN + 1]);
/* Begins a change to the session and finds whose live code typed is: *owner
 * gets the participant, or 0 for the session's walk-in code; the caller ends
 * the change. A wrong code is refused and counted, as is any code while the
 * session waits after wrong ones; nothing is left begun then. */
int store_code_check(struct store *st, int64_t session_id, const char *typed, int64_t *owner);

/* Reading a session (store_load.c): runs sql with session_id as ?1 and hands
 * each row to take, which fills out; what names the failure. */
int store_each_row(struct store *st, const char *sql, int64_t session_id,
                   void (*take)(sqlite3_stmt *, struct session *), struct session *out,
                   const char *what);
/* The index in s's participants of the one with this id (loaded first). */
size_t store_participant_index(const struct session *s, int64_t id);

/* Reads the session's consensus threshold into out (store_rounds.c). */
int store_load_consensus(struct store *st, struct session *out);

/* Reads the method's chain of the session out->id into out: its links,
 * proof, dissent, champion and style (store_load_method.c). */
int store_load_method(struct store *st, struct session *out);
/* Reads the pitch's written sections, the objections and whether they were
 * revealed into out, whose participants are loaded (store_pitch.c). */
int store_load_pitch(struct store *st, struct session *out);

/* Damage and files that are not ours (store_damage.c). */
void store_note_trouble(enum store_trouble trouble);
/* Fails (-1, message in err) when the file at path is shorter than its
 * SQLite header says: it was cut off. */
int store_check_length(const char *path, char *err, size_t errlen);
/* True for SQLite's codes that mean the file is malformed. */
bool store_is_damage(int sqlite_code);
/* Sets the message for a damaged file and returns -1. */
int store_damage_fail(struct store *st);
/* True when the file system under path (or, before it is made, its folder)
 * has no file locks: SQLite then says only "database is locked", after
 * waiting 5 s (store_writers.c). */
bool store_locks_missing(const char *path);
/* The message for a file system that has no file locks (some network shares). */
#define STORE_NO_LOCKS "%s is on a file system without file locks, which samesong needs to keep " \
                       "its writers apart; keep the database on a local disk"


/* The migrations, in order: migration i brings user_version from i to i + 1. */
extern const char *const store_migrations[STORE_SCHEMA_VERSION];

#endif
