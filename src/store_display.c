/* store_display.c: how a session is shown and where the room was in it (the
 * attribution, the saved place, whether another process wrote): settings a
 * locked session may still change, never its content. */
#include "store_internal.h"

#include <string.h>

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

int store_set_attribution(struct store *st, int64_t session_id, enum attribution a)
{
    struct store_args args = {.session = session_id, .text = attribution_ids[a]};
    return store_set_setting(st,
                             "INSERT INTO display (session_id, attribution) VALUES (:session, :text)"
                             " ON CONFLICT (session_id) DO UPDATE SET"
                             " attribution = excluded.attribution",
                             &args);
}

int store_save_position(struct store *st, int64_t session_id, const struct store_position *pos)
{
    if (st->read_only)
        return 0; /* a reader's place is not worth a write */
    struct store_args a = {.session = session_id, .name = pos->screen,
                           .step = pos->step >= 0 ? session_steps[pos->step].id : NULL,
                           .participant = pos->participant_id};
    return store_set_setting(st,
                             "INSERT INTO positions (session_id, screen, step, participant_id)"
                             " VALUES (:session, :name, :step, :participant)"
                             " ON CONFLICT (session_id) DO UPDATE SET"
                             " screen = excluded.screen, step = excluded.step,"
                             " participant_id = excluded.participant_id, at = excluded.at",
                             &a);
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
