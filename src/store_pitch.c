/* store_pitch.c: the sales pitch's sections as written, and reading them
 * (with the objections the room heard) into a session. */
#include "pitch.h"
#include "store_internal.h"
#include "store_pitch.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

int store_set_pitch(struct store *st, int64_t session_id, enum pitch_section section,
                    const char *text)
{
    struct store_args a = {.session = session_id, .label = pitch_section_ids[section]};
    if (!text || !text[strspn(text, " \t\r\n")])
        return store_change(st, "DELETE FROM pitch WHERE session_id = :session AND"
                                " section = :label", &a, false, "", "redraft", a.label);
    char *clean = store_checked_text(st, "pitch", text, &TEXT_NARRATIVE);
    if (!clean)
        return -1;
    /* the draft it was written from, so a later change to the decisions shows */
    struct session s = {0};
    char digest[SHA256_HEX_LEN + 1];
    if (store_load_session(st, session_id, &s) < 0) {
        free(clean);
        return -1;
    }
    pitch_draft_digest(&s, section, digest);
    session_free(&s);
    a.text = clean;
    a.digest = digest;
    int rc = store_change(st, "INSERT INTO pitch (session_id, section, text, draft_digest)"
                              " VALUES (:session, :label, :text, :digest)"
                              " ON CONFLICT (session_id, section)"
                              " DO UPDATE SET text = excluded.text,"
                              " draft_digest = excluded.draft_digest",
                          &a, true, "", "pitch", a.label);
    free(clean);
    return rc;
}

/* The participant's index in the loaded session, or -1. */
static int participant_at(const struct session *s, int64_t id)
{
    for (size_t i = 0; i < s->participant_count; i++)
        if (s->participants[i].id == id)
            return (int)i;
    return -1;
}

int store_load_pitch(struct store *st, struct session *out)
{
    sqlite3_stmt *stmt = store_prepare(st, "SELECT section, text, draft_digest FROM pitch"
                                         " WHERE session_id = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, out->id);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        int section = pitch_section_from_id((const char *)sqlite3_column_text(stmt, 0));
        free(out->pitch[section]);
        out->pitch[section] = store_column_text(stmt, 1);
        free(out->pitch_digest[section]);
        out->pitch_digest[section] = sqlite3_column_type(stmt, 2) == SQLITE_NULL
                                         ? NULL
                                         : store_column_text(stmt, 2);
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return store_sql_fail(st, "cannot read the pitch");
    stmt = store_prepare(st, "SELECT o.id, o.participant_id, o.text FROM objections o"
                             " JOIN participants p ON p.id = o.participant_id"
                             " WHERE p.session_id = ? ORDER BY p.position, o.position, o.id");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, out->id);
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        int who = participant_at(out, sqlite3_column_int64(stmt, 1));
        if (who < 0)
            continue; /* unreachable: read in the same snapshot as the participants */
        struct objection *o = array_push(&out->objections, &out->objection_count,
                                         &out->objection_cap, sizeof *o);
        o->id = sqlite3_column_int64(stmt, 0);
        o->participant = (size_t)who;
        o->text = store_column_text(stmt, 2);
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return store_sql_fail(st, "cannot read the objections");
    stmt = store_prepare(st, "SELECT 1 FROM objections_revealed WHERE session_id = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, out->id);
    rc = sqlite3_step(stmt);
    out->objections_revealed = rc == SQLITE_ROW;
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read the reveal");
}
