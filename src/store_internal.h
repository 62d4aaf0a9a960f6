/* store_internal.h: what the store*.c files share and nothing else may see. */
#ifndef SAMESONG_STORE_INTERNAL_H
#define SAMESONG_STORE_INTERNAL_H

#include "store.h"

#include <sqlite3.h>

struct store {
    sqlite3 *db;
    char *path;
    bool read_only;
    bool read_only_by_itself;
    char err[512];
};

/* Sets the error message and returns -1. */
int store_fail(struct store *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Sets "what: SQLite's message" and returns -1. */
int store_sql_fail(struct store *st, const char *what);

/* Prepares a statement, or returns NULL with the error set. */
sqlite3_stmt *store_prepare(struct store *st, const char *sql);

/* Fails with a clear message when the store is read-only. */
int store_check_writable(struct store *st);

/* BEGIN IMMEDIATE / COMMIT, both retried while another process holds the lock. */
int store_begin(struct store *st);
int store_commit(struct store *st);
void store_rollback(struct store *st);

/* Fails with a clear message when the session is locked. */
int store_check_open_session(struct store *st, int64_t session_id);

/* Starts a change to a session: BEGIN IMMEDIATE, then refuses (rolling back)
 * when the store is read-only or the session locked. */
int store_begin_change(struct store *st, int64_t session_id);

/* Appends to the event log (inside the caller's transaction). */
int store_log_event(struct store *st, int64_t session_id, int64_t participant_id,
                    const char *action, const char *detail);

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

/* The migrations, in order: migration i brings user_version from i to i + 1. */
extern const char *const store_migrations[STORE_SCHEMA_VERSION];

#endif
