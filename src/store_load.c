/* store_load.c: one session read whole, in one snapshot: what the screens,
 * the reports and the exports work from. */
#include "store_internal.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

int store_each_row(struct store *st, const char *sql, int64_t session_id,
                   void (*take)(sqlite3_stmt *, struct session *), struct session *out,
                   const char *what)
{
    sqlite3_stmt *stmt = store_prepare(st, sql);
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        take(stmt, out);
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? 0 : store_sql_fail(st, what);
}

size_t store_participant_index(const struct session *s, int64_t id)
{
    for (size_t i = 0; i < s->participant_count; i++)
        if (s->participants[i].id == id)
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

static void take_participant(sqlite3_stmt *stmt, struct session *s)
{
    struct participant *p =
        array_push(&s->participants, &s->participant_count, &s->participant_cap, sizeof *p);
    p->id = sqlite3_column_int64(stmt, 0);
    p->name = store_column_text(stmt, 1);
    p->role = role_from_id((const char *)sqlite3_column_text(stmt, 2));
    if ((int)p->role < 0) /* a file changed behind samesong's back: the person stays */
        p->role = ROLE_OTHER;
}

static void take_input(sqlite3_stmt *stmt, struct session *s)
{
    if (step_from_id((const char *)sqlite3_column_text(stmt, 1)) < 0)
        return; /* a step this samesong does not know: the file was changed behind its back */
    struct input *in = array_push(&s->inputs, &s->input_count, &s->input_cap, sizeof *in);
    in->participant = store_participant_index(s, sqlite3_column_int64(stmt, 0));
    in->step = step_from_id((const char *)sqlite3_column_text(stmt, 1));
    in->text = store_column_text(stmt, 2);
    in->group = store_column_text(stmt, 3);
    in->id = sqlite3_column_int64(stmt, 4);
}

/* One row of a ranking (participant, step, round, label, in rank order):
 * a ranking goes on where the row before left off, else a new one starts. */
static void take_ranked(sqlite3_stmt *stmt, struct session *s, struct vote **list,
                        size_t *count, size_t *cap)
{
    size_t who = store_participant_index(s, sqlite3_column_int64(stmt, 0));
    if (step_from_id((const char *)sqlite3_column_text(stmt, 1)) < 0)
        return; /* as take_input */
    enum step step = (enum step)step_from_id((const char *)sqlite3_column_text(stmt, 1));
    int round = sqlite3_column_int(stmt, 2);
    struct vote *v = *count ? &(*list)[*count - 1] : NULL;
    if (!v || v->participant != who || v->step != step || v->round != round) {
        v = array_push(list, count, cap, sizeof *v);
        v->participant = who;
        v->step = step;
        v->round = round;
    }
    v->ranking = xrealloc(v->ranking, (v->ranking_count + 1) * sizeof *v->ranking);
    v->ranking[v->ranking_count++] = store_column_text(stmt, 3);
}

static void take_vote(sqlite3_stmt *stmt, struct session *s)
{
    take_ranked(stmt, s, &s->votes, &s->vote_count, &s->vote_cap);
}

static void take_round(sqlite3_stmt *stmt, struct session *s)
{
    take_ranked(stmt, s, &s->rounds, &s->round_count, &s->round_cap);
}

/* The current round's rankings (round 0) and the closed rounds' alike. */
static int load_rankings(struct store *st, struct session *out)
{
    int rc = store_each_row(st, "SELECT v.participant_id, v.step, 0, v.label FROM votes v"
                                " JOIN participants p ON p.id = v.participant_id"
                                " JOIN steps s ON s.id = v.step"
                                " WHERE p.session_id = ?1 ORDER BY s.position, p.position, v.rank",
                            out->id, take_vote, out, "cannot read the votes");
    if (rc == 0)
        rc = store_each_row(st, "SELECT v.participant_id, v.step, v.round, v.label"
                                " FROM vote_rounds v"
                                " JOIN participants p ON p.id = v.participant_id"
                                " JOIN steps s ON s.id = v.step WHERE p.session_id = ?1"
                                " ORDER BY s.position, v.round, p.position, v.rank",
                            out->id, take_round, out, "cannot read the rounds of the vote");
    return rc;
}

static void take_decision(sqlite3_stmt *stmt, struct session *s)
{
    int step = step_from_id((const char *)sqlite3_column_text(stmt, 0));
    if (step < 0)
        return; /* as take_input */
    free(s->decisions[step]);
    s->decisions[step] = store_column_text(stmt, 1);
    free(s->rationale[step]);
    s->rationale[step] = store_column_text(stmt, 2);
}

static void take_tag(sqlite3_stmt *stmt, struct session *s)
{
    /* the schema's CHECK allows only these; a file changed behind samesong's back may not */
    const char *tag = (const char *)sqlite3_column_text(stmt, 1);
    if (!tag || (strcmp(tag, "today") && strcmp(tag, "roadmap") && strcmp(tag, "not planned")))
        return;
    struct capability_tag *t = array_push(&s->tags, &s->tag_count, &s->tag_cap, sizeof *t);
    t->group = store_column_text(stmt, 0);
    t->tag = store_column_text(stmt, 1);
}

int store_load_session(struct store *st, int64_t id, struct session *out)
{
    memset(out, 0, sizeof *out);
    /* One read transaction, so the parts agree even while others write. */
    if (sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return store_sql_fail(st, "cannot read the session");
    int rc = load_header(st, id, out);
    if (rc == 0)
        rc = store_each_row(st, "SELECT id, name, role FROM participants WHERE session_id = ?1"
                                " ORDER BY position, id",
                            id, take_participant, out, "cannot read the participants");
    if (rc == 0)
        rc = store_each_row(st, "SELECT i.participant_id, i.step, i.text, i.group_label, i.id"
                                " FROM inputs i JOIN participants p ON p.id = i.participant_id"
                                " JOIN steps s ON s.id = i.step WHERE p.session_id = ?1"
                                " ORDER BY s.position, p.position, i.position, i.id",
                            id, take_input, out, "cannot read the answers");
    if (rc == 0)
        rc = load_rankings(st, out);
    if (rc == 0)
        rc = store_load_consensus(st, out);
    if (rc == 0)
        rc = store_each_row(st, "SELECT step, text, rationale FROM decisions WHERE session_id = ?1",
                            id, take_decision, out, "cannot read the decisions");
    if (rc == 0)
        rc = store_each_row(st, "SELECT grp, tag FROM capability_tags WHERE session_id = ?1"
                                " ORDER BY grp",
                            id, take_tag, out, "cannot read the capability tags");
    if (rc == 0)
        rc = store_load_method(st, out);
    if (rc == 0)
        rc = store_load_pitch(st, out);
    sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    if (rc < 0)
        session_free(out);
    return rc;
}

