/* store_import.c: writing a parsed session file into the database as a new session. */
#include "files.h"
#include "store_internal.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

static int insert_participants(struct store *st, int64_t session_id, const struct session *doc,
                               int64_t *ids)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "INSERT INTO participants (session_id, name, role, position) VALUES (?, ?, ?, ?)");
    if (!stmt)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < doc->participant_count && rc == 0; i++) {
        sqlite3_bind_int64(stmt, 1, session_id);
        sqlite3_bind_text(stmt, 2, doc->participants[i].name, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 3, role_ids[doc->participants[i].role], -1, SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 4, (int64_t)i);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            rc = store_sql_fail(st, "cannot add a participant");
        ids[i] = sqlite3_last_insert_rowid(st->db);
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    return rc;
}

static int insert_inputs(struct store *st, const struct session *doc, const int64_t *ids)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "INSERT INTO inputs (participant_id, step, position, text, group_label)"
            " VALUES (?, ?, ?, ?, ?)");
    if (!stmt)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < doc->input_count && rc == 0; i++) {
        const struct input *in = &doc->inputs[i];
        sqlite3_bind_int64(stmt, 1, ids[in->participant]);
        sqlite3_bind_text(stmt, 2, step_ids[in->step], -1, SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 3, (int64_t)i); /* file order is answer order */
        sqlite3_bind_text(stmt, 4, in->text, -1, SQLITE_STATIC);
        if (in->group)
            sqlite3_bind_text(stmt, 5, in->group, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(stmt, 5);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            rc = store_sql_fail(st, "cannot add an answer");
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    return rc;
}

static int insert_votes(struct store *st, const struct session *doc, const int64_t *ids)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "INSERT INTO votes (participant_id, step, rank, label) VALUES (?, ?, ?, ?)");
    if (!stmt)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < doc->vote_count && rc == 0; i++) {
        const struct vote *v = &doc->votes[i];
        for (size_t r = 0; r < v->ranking_count && rc == 0; r++) {
            sqlite3_bind_int64(stmt, 1, ids[v->participant]);
            sqlite3_bind_text(stmt, 2, step_ids[v->step], -1, SQLITE_STATIC);
            sqlite3_bind_int64(stmt, 3, (int64_t)r + 1);
            sqlite3_bind_text(stmt, 4, v->ranking[r], -1, SQLITE_STATIC);
            if (sqlite3_step(stmt) != SQLITE_DONE)
                rc = store_sql_fail(st, "cannot add a vote");
            sqlite3_reset(stmt);
        }
    }
    sqlite3_finalize(stmt);
    return rc;
}

static int insert_decisions_and_narrative(struct store *st, int64_t session_id,
                                          const struct session *doc)
{
    sqlite3_stmt *stmt =
        store_prepare(st, "INSERT INTO decisions (session_id, step, text) VALUES (?, ?, ?)");
    if (!stmt)
        return -1;
    int rc = 0;
    for (int step = 0; step < STEP_COUNT && rc == 0; step++) {
        if (!doc->decisions[step])
            continue;
        sqlite3_bind_int64(stmt, 1, session_id);
        sqlite3_bind_text(stmt, 2, step_ids[step], -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 3, doc->decisions[step], -1, SQLITE_STATIC);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            rc = store_sql_fail(st, "cannot add a decision");
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    if (rc < 0)
        return rc;
    stmt = store_prepare(st, "UPDATE sessions SET narrative = ? WHERE id = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_text(stmt, 1, doc->narrative ? doc->narrative : "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, session_id);
    rc = sqlite3_step(stmt) == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot save the narrative");
    sqlite3_finalize(stmt);
    return rc;
}

static int insert_tags(struct store *st, int64_t session_id, const struct session *doc)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "INSERT INTO capability_tags (session_id, grp, tag) VALUES (?, ?, ?)");
    if (!stmt)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < doc->tag_count && rc == 0; i++) {
        sqlite3_bind_int64(stmt, 1, session_id);
        sqlite3_bind_text(stmt, 2, doc->tags[i].group, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 3, doc->tags[i].tag, -1, SQLITE_STATIC);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            rc = store_sql_fail(st, "cannot add a capability tag");
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    return rc;
}

/* A file that carries a lock digest must still hold what was locked: the
 * digest of what was imported is compared with the one the file claims. */
static int check_digest(struct store *st, int64_t session_id, const char *claimed)
{
    char digest[STORE_DIGEST_SIZE];
    if (store_content_digest(st, session_id, digest) < 0)
        return -1;
    if (strcmp(digest, claimed) != 0)
        return store_fail(st, "lock_digest: the file was changed after it was locked (its content "
                              "no longer matches its lock digest)");
    return 0;
}

int store_import_session(struct store *st, const struct session *doc, const char *slug,
                         char **slug_out)
{
    *slug_out = NULL;
    if (store_begin(st) < 0)
        return -1;
    int64_t session_id;
    int64_t *ids = xcalloc(doc->participant_count, sizeof *ids);
    int rc = store_insert_session(st, doc->name, doc->product, doc->solo, slug, slug_out,
                                  &session_id);
    if (rc == 0)
        rc = insert_participants(st, session_id, doc, ids);
    if (rc == 0)
        rc = insert_inputs(st, doc, ids);
    if (rc == 0)
        rc = insert_votes(st, doc, ids);
    if (rc == 0)
        rc = insert_decisions_and_narrative(st, session_id, doc);
    if (rc == 0)
        rc = insert_tags(st, session_id, doc);
    if (rc == 0)
        rc = store_log_event(st, session_id, 0, "import", doc->name);
    if (rc == 0 && doc->locked)
        rc = store_lock_in_transaction(st, session_id);
    if (rc == 0 && doc->lock_digest)
        rc = check_digest(st, session_id, doc->lock_digest);
    free(ids);
    if (rc == 0)
        rc = store_commit(st);
    else
        store_rollback(st);
    if (rc < 0) {
        free(*slug_out);
        *slug_out = NULL;
    }
    return rc;
}

int store_import_file(struct store *st, const char *path, const char *slug, char **slug_out)
{
    *slug_out = NULL;
    const char *shown = strcmp(path, "-") == 0 ? "standard input" : path;
    size_t len;
    char *json = file_read(path, &len);
    if (!json)
        return store_fail(st, "cannot read %s: %s", shown, strerror(errno));
    struct session doc;
    char err[512];
    int rc = store_parse_session_file(json, len, &doc, err, sizeof err);
    if (rc < 0) {
        store_fail(st, "%s: %s", shown, err);
    } else {
        rc = store_import_session(st, &doc, slug, slug_out);
        if (rc < 0) {
            char why[sizeof st->err];
            snprintf(why, sizeof why, "%s", st->err);
            store_fail(st, "%s: %s", shown, why);
        }
        session_free(&doc);
    }
    free(json);
    return rc;
}
