/* store_read.c: reading sessions: the list, finding one, loading one whole. */
#include "store_internal.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

int store_list_sessions(struct store *st, struct session_summary **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT s.id, s.slug, s.name, s.product, s.mode, s.status,"
            " (SELECT count(*) FROM participants p WHERE p.session_id = s.id),"
            " s.created_at, coalesce((SELECT max(at) FROM events e WHERE e.session_id = s.id),"
            " s.created_at), s.locked_at"
            " FROM sessions s ORDER BY s.created_at DESC, s.id DESC");
    if (!stmt)
        return -1;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct session_summary *s = array_push(out, count, &cap, sizeof **out);
        s->id = sqlite3_column_int64(stmt, 0);
        s->slug = store_column_text(stmt, 1);
        s->name = store_column_text(stmt, 2);
        s->product = store_column_text(stmt, 3);
        s->solo = strcmp((const char *)sqlite3_column_text(stmt, 4), "solo") == 0;
        s->locked = strcmp((const char *)sqlite3_column_text(stmt, 5), "locked") == 0;
        s->participants = sqlite3_column_int(stmt, 6);
        s->created_at = store_column_text(stmt, 7);
        s->changed_at = store_column_text(stmt, 8);
        s->locked_at = store_column_text(stmt, 9);
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        store_summaries_free(*out, *count);
        *out = NULL;
        *count = 0;
        return store_sql_fail(st, "cannot list the sessions");
    }
    return 0;
}

void store_summaries_free(struct session_summary *list, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(list[i].slug);
        free(list[i].name);
        free(list[i].product);
        free(list[i].created_at);
        free(list[i].changed_at);
        free(list[i].locked_at);
    }
    free(list);
}

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

int store_find_session(struct store *st, const char *ref, int64_t *id)
{
    bool by_number = all_digits(ref);
    sqlite3_stmt *stmt = store_prepare(st, by_number ? "SELECT id FROM sessions WHERE id = ?"
                                                     : "SELECT id FROM sessions WHERE slug = ?");
    if (!stmt)
        return -1;
    if (by_number)
        sqlite3_bind_int64(stmt, 1, strtoll(ref, NULL, 10));
    else
        sqlite3_bind_text(stmt, 1, ref, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    if (rc == SQLITE_ROW)
        return 0;
    if (rc != SQLITE_DONE)
        return store_sql_fail(st, "cannot find the session");
    /* Long digit runs would overflow; either way there is no such session. */
    return store_fail(st, "no session %s%s; 'samesong list' shows them",
                      by_number ? "number " : "", ref);
}

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
    sqlite3_stmt *stmt = store_prepare(st, "SELECT step, text FROM decisions WHERE session_id = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, out->id);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        int step = step_from_id((const char *)sqlite3_column_text(stmt, 0));
        free(out->decisions[step]);
        out->decisions[step] = store_column_text(stmt, 1);
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
        rc = load_decisions(st, out);
    if (rc == 0)
        rc = load_tags(st, out);
    sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    free(ids);
    if (rc < 0)
        session_free(out);
    return rc;
}

int store_list_json(struct store *st, char **json_out)
{
    *json_out = NULL;
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT json_group_array(json_object('id', id, 'slug', slug, 'name', name,"
            " 'product', product, 'mode', mode, 'status', status, 'participants', participants,"
            " 'created', created_at, 'changed', changed_at, 'locked_at', locked_at))"
            " FROM (SELECT s.*, (SELECT count(*) FROM participants p WHERE p.session_id = s.id)"
            "   AS participants, coalesce((SELECT max(at) FROM events e"
            "   WHERE e.session_id = s.id), s.created_at) AS changed_at"
            " FROM sessions s ORDER BY s.created_at DESC, s.id DESC)");
    if (!stmt)
        return -1;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *json_out = store_column_text(stmt, 0);
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW ? 0 : store_sql_fail(st, "cannot list the sessions");
}

int store_load_position(struct store *st, int64_t session_id, struct store_position *pos)
{
    memset(pos, 0, sizeof *pos);
    pos->step = -1;
    sqlite3_stmt *stmt =
        store_prepare(st, "SELECT screen, step, participant_id FROM positions WHERE session_id = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        pos->screen = store_column_text(stmt, 0);
        if (sqlite3_column_type(stmt, 1) != SQLITE_NULL)
            pos->step = step_from_id((const char *)sqlite3_column_text(stmt, 1));
        pos->participant_id = sqlite3_column_int64(stmt, 2);
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read the position");
}

int store_data_version(struct store *st, int64_t *version)
{
    sqlite3_stmt *stmt = store_prepare(st, "PRAGMA data_version");
    if (!stmt)
        return -1;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *version = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW ? 0 : store_sql_fail(st, "cannot read the data version");
}

const char *const attribution_ids[3] = {"names", "roles", "anonymous"};

int store_get_attribution(struct store *st, int64_t session_id, enum attribution *out)
{
    *out = ATTRIBUTE_ROLES; /* roles only: the default on a projector */
    sqlite3_stmt *stmt = store_prepare(st, "SELECT attribution FROM display WHERE session_id = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        for (int i = 0; i < 3; i++)
            if (!strcmp((const char *)sqlite3_column_text(stmt, 0), attribution_ids[i]))
                *out = (enum attribution)i;
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read the display");
}

int store_load_dismissed(struct store *st, int64_t session_id, enum step step, char ***pairs,
                         size_t *count)
{
    *pairs = NULL;
    *count = 0;
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT key_a || char(10) || key_b FROM dismissed WHERE session_id = ? AND step = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    sqlite3_bind_text(stmt, 2, step_ids[step], -1, SQLITE_STATIC);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        *(char **)array_push(pairs, count, &cap, sizeof **pairs) = store_column_text(stmt, 0);
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read dismissed suggestions");
}

/* The user's words as an FTS5 query: each quoted (so no word is taken for
 * syntax), all required, the last also as a prefix. */
static char *fts_query(const char *query)
{
    struct strbuf b = {0};
    const char *p = query;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        const char *end = p;
        while (*end && *end != ' ' && *end != '\t')
            end++;
        strbuf_puts(&b, b.len ? " \"" : "\"");
        for (const char *c = p; c < end; c++)
            strbuf_add(&b, *c == '"' ? "\"\"" : c, *c == '"' ? 2 : 1);
        strbuf_puts(&b, *end ? "\"" : "\"*");
        p = end;
    }
    return strbuf_take(&b);
}

int store_search(struct store *st, const char *query, int limit, struct search_hit **hits,
                 size_t *count)
{
    *hits = NULL;
    *count = 0;
    char *match = fts_query(query);
    if (!*match) {
        free(match);
        return 0;
    }
    /* A hit counts only when its text is still what it indexes: the index is
     * a virtual table no trigger can guard, so a row written into it by hand
     * must not put words into a session's mouth, a locked one least of all. */
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT s.id, s.slug, s.name, f.kind, f.step, p.name,"
            " snippet(search, 0, '" STORE_MATCH_START "', '" STORE_MATCH_END "', '...', 24)"
            " FROM search f JOIN sessions s ON s.id = f.session_id"
            " LEFT JOIN participants p ON p.id = f.participant_id"
            " LEFT JOIN inputs i ON f.kind = 'answer' AND i.id = f.rowid"
            " AND i.participant_id = p.id AND p.session_id = s.id"
            " LEFT JOIN decisions d ON f.kind = 'decision' AND d.session_id = s.id"
            " AND d.step = f.step"
            " WHERE search MATCH ?1 AND f.text IS CASE f.kind WHEN 'answer' THEN i.text"
            " WHEN 'decision' THEN d.text WHEN 'narrative' THEN s.narrative END"
            " ORDER BY f.rowid DESC LIMIT ?2");
    if (!stmt) {
        free(match);
        return -1;
    }
    sqlite3_bind_text(stmt, 1, match, -1, SQLITE_STATIC);
    sqlite3_bind_int(stmt, 2, limit);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct search_hit *h = array_push(hits, count, &cap, sizeof *h);
        h->session_id = sqlite3_column_int64(stmt, 0);
        h->slug = store_column_text(stmt, 1);
        h->session_name = store_column_text(stmt, 2);
        h->kind = store_column_text(stmt, 3);
        h->step = sqlite3_column_type(stmt, 4) == SQLITE_NULL
                      ? -1 : step_from_id((const char *)sqlite3_column_text(stmt, 4));
        h->participant = store_column_text(stmt, 5);
        h->snippet = store_column_text(stmt, 6);
    }
    sqlite3_finalize(stmt);
    free(match);
    if (rc != SQLITE_DONE) {
        store_search_free(*hits, *count);
        *hits = NULL;
        *count = 0;
        return store_sql_fail(st, "cannot search");
    }
    return 0;
}

void store_search_free(struct search_hit *hits, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(hits[i].slug);
        free(hits[i].session_name);
        free(hits[i].kind);
        free(hits[i].participant);
        free(hits[i].snippet);
    }
    free(hits);
}
