/* store_load.c: one session read whole, in one snapshot: what the screens,
 * the reports and the exports work from. */
#include "store_internal.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Index of a participant id in the loaded list. */
static size_t participant_index(const int64_t *ids, size_t count, int64_t id)
{
    for (size_t i = 0; i < count; i++)
        if (ids[i] == id)
            return i;
    return 0; /* unreachable: foreign keys tie every row to a participant */
}

static int load_header(struct store *st, int64_t id, struct session *out)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT slug, name, product, mode, status, created_at, locked_at, narrative,"
            " (SELECT digest FROM lock_digests WHERE session_id = sessions.id)"
            " FROM sessions WHERE id = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, id);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        out->id = id;
        out->slug = store_column_text(stmt, 0);
        out->name = store_column_text(stmt, 1);
        out->product = store_column_text(stmt, 2);
        out->solo = strcmp((const char *)sqlite3_column_text(stmt, 3), "solo") == 0;
        out->locked = strcmp((const char *)sqlite3_column_text(stmt, 4), "locked") == 0;
        out->created_at = store_column_text(stmt, 5);
        out->locked_at = store_column_text(stmt, 6);
        out->narrative = store_column_text(stmt, 7);
        out->lock_digest = store_column_text(stmt, 8);
        if (out->lock_digest && !store_digest_valid(out->lock_digest)) {
            free(out->lock_digest); /* written by hand: never shown as it is */
            out->lock_digest = xstrdup("(not a digest)");
        }
    }
    sqlite3_finalize(stmt);
    if (rc == SQLITE_DONE)
        return store_fail(st, "no session number %lld", (long long)id);
    return rc == SQLITE_ROW ? 0 : store_sql_fail(st, "cannot read the session");
}

static int load_participants(struct store *st, struct session *out, int64_t **ids)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT id, name, role FROM participants WHERE session_id = ? ORDER BY position, id");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, out->id);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct participant *p =
            array_push(&out->participants, &out->participant_count, &out->participant_cap,
                       sizeof *p);
        *ids = xrealloc(*ids, out->participant_count * sizeof **ids);
        (*ids)[out->participant_count - 1] = sqlite3_column_int64(stmt, 0);
        p->id = (*ids)[out->participant_count - 1];
        p->name = store_column_text(stmt, 1);
        p->role = role_from_id((const char *)sqlite3_column_text(stmt, 2));
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read the participants");
}

static int load_inputs(struct store *st, struct session *out, const int64_t *ids)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT i.participant_id, i.step, i.text, i.group_label, i.id FROM inputs i"
            " JOIN participants p ON p.id = i.participant_id JOIN steps s ON s.id = i.step"
            " WHERE p.session_id = ? ORDER BY s.position, p.position, i.position, i.id");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, out->id);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct input *in =
            array_push(&out->inputs, &out->input_count, &out->input_cap, sizeof *in);
        in->participant =
            participant_index(ids, out->participant_count, sqlite3_column_int64(stmt, 0));
        in->step = step_from_id((const char *)sqlite3_column_text(stmt, 1));
        in->text = store_column_text(stmt, 2);
        in->group = store_column_text(stmt, 3);
        in->id = sqlite3_column_int64(stmt, 4);
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read the answers");
}

static int load_votes(struct store *st, struct session *out, const int64_t *ids)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT v.participant_id, v.step, v.label FROM votes v"
            " JOIN participants p ON p.id = v.participant_id JOIN steps s ON s.id = v.step"
            " WHERE p.session_id = ? ORDER BY s.position, p.position, v.rank");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, out->id);
    int rc;
    struct vote *v = NULL;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        size_t who = participant_index(ids, out->participant_count, sqlite3_column_int64(stmt, 0));
        enum step step = step_from_id((const char *)sqlite3_column_text(stmt, 1));
        if (!v || v->participant != who || v->step != step) {
            v = array_push(&out->votes, &out->vote_count, &out->vote_cap, sizeof *v);
            v->participant = who;
            v->step = step;
        }
        v->ranking = xrealloc(v->ranking, (v->ranking_count + 1) * sizeof *v->ranking);
        v->ranking[v->ranking_count++] = store_column_text(stmt, 2);
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read the votes");
}

static int load_decisions(struct store *st, struct session *out)
{
    sqlite3_stmt *stmt = store_prepare(st, "SELECT step, text, rationale FROM decisions"
                                           " WHERE session_id = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, out->id);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        int step = step_from_id((const char *)sqlite3_column_text(stmt, 0));
        free(out->decisions[step]);
        out->decisions[step] = store_column_text(stmt, 1);
        free(out->rationale[step]);
        out->rationale[step] = store_column_text(stmt, 2);
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read the decisions");
}

static int load_tags(struct store *st, struct session *out)
{
    sqlite3_stmt *stmt =
        store_prepare(st, "SELECT grp, tag FROM capability_tags WHERE session_id = ? ORDER BY grp");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, out->id);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct capability_tag *t = array_push(&out->tags, &out->tag_count, &out->tag_cap, sizeof *t);
        t->group = store_column_text(stmt, 0);
        t->tag = store_column_text(stmt, 1);
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read the capability tags");
}

int store_load_session(struct store *st, int64_t id, struct session *out)
{
    memset(out, 0, sizeof *out);
    int64_t *ids = NULL;
    /* One read transaction, so the parts agree even while others write. */
    if (sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return store_sql_fail(st, "cannot read the session");
    int rc = load_header(st, id, out);
    if (rc == 0)
        rc = load_participants(st, out, &ids);
    if (rc == 0)
        rc = load_inputs(st, out, ids);
    if (rc == 0)
        rc = load_votes(st, out, ids);
    if (rc == 0)
        rc = store_load_rounds(st, out, ids);
    if (rc == 0)
        rc = load_decisions(st, out);
    if (rc == 0)
        rc = load_tags(st, out);
    if (rc == 0)
        rc = store_load_method(st, out);
    if (rc == 0)
        rc = store_load_pitch(st, out);
    sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    free(ids);
    if (rc < 0)
        session_free(out);
    return rc;
}

