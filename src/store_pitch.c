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

static void take_section(sqlite3_stmt *stmt, struct session *s)
{
    int section = pitch_section_from_id((const char *)sqlite3_column_text(stmt, 0));
    if (section < 0)
        return; /* a section this samesong does not know: the file was changed behind its back */
    free(s->pitch[section]);
    s->pitch[section] = store_column_text(stmt, 1);
    free(s->pitch_digest[section]);
    s->pitch_digest[section] = store_column_text(stmt, 2); /* NULL: written before schema 13 */
}

static void take_objection(sqlite3_stmt *stmt, struct session *s)
{
    struct objection *o = array_push(&s->objections, &s->objection_count, &s->objection_cap,
                                     sizeof *o);
    o->id = sqlite3_column_int64(stmt, 0);
    o->participant = store_participant_index(s, sqlite3_column_int64(stmt, 1));
    o->text = store_column_text(stmt, 2);
}

static void take_revealed(sqlite3_stmt *stmt, struct session *s)
{
    (void)stmt;
    s->objections_revealed = true;
}

int store_load_pitch(struct store *st, struct session *out)
{
    int rc = store_each_row(st, "SELECT section, text, draft_digest FROM pitch"
                                " WHERE session_id = ?1",
                            out->id, take_section, out, "cannot read the pitch");
    if (rc == 0)
        rc = store_each_row(st, "SELECT o.id, o.participant_id, o.text FROM objections o"
                                " JOIN participants p ON p.id = o.participant_id"
                                " WHERE p.session_id = ?1 ORDER BY p.position, o.position, o.id",
                            out->id, take_objection, out, "cannot read the objections");
    if (rc == 0)
        rc = store_each_row(st, "SELECT 1 FROM objections_revealed WHERE session_id = ?1",
                            out->id, take_revealed, out, "cannot read the reveal");
    return rc;
}
