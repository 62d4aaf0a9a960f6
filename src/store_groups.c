/* store_groups.c: how answers are grouped: group labels, the capability tags
 * of the groups, and the merge suggestions the room dismissed. */
#include "store_internal.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int store_set_group(struct store *st, int64_t session_id, const int64_t *input_ids, size_t count,
                    const char *label)
{
    char *clean = label ? store_checked_text(st, "group label", label, &TEXT_NAME) : NULL;
    if (label && !clean)
        return -1;
    if (store_begin_change(st, session_id) < 0) {
        free(clean);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < count && rc == 0; i++) {
        struct store_args a = {.session = session_id, .id = input_ids[i], .label = clean};
        char missing[64];
        snprintf(missing, sizeof missing, "answer %lld is not in this session",
                 (long long)input_ids[i]);
        rc = store_run(st, "UPDATE inputs SET group_label = :label WHERE id = :id AND"
                           " participant_id IN (SELECT id FROM participants"
                           " WHERE session_id = :session)",
                       &a, true, missing);
    }
    rc = store_end_change(st, rc, session_id, 0, clean ? "group" : "ungroup", clean ? clean : "");
    free(clean);
    return rc;
}

int store_set_capability_tag(struct store *st, int64_t session_id, const char *group,
                             const char *tag)
{
    if (tag && strcmp(tag, "today") && strcmp(tag, "roadmap") && strcmp(tag, "not planned"))
        return store_fail(st, "\"%s\" is not a tag; tags are today, roadmap, not planned", tag);
    struct store_args a = {.session = session_id, .label = group, .text = tag};
    if (!tag)
        return store_change(st,
                            "DELETE FROM capability_tags WHERE session_id = :session"
                            " AND grp = :label",
                            &a, false, "", "untag", group);
    return store_change(st,
                        "INSERT INTO capability_tags (session_id, grp, tag)"
                        " VALUES (:session, :label, :text)"
                        " ON CONFLICT (session_id, grp) DO UPDATE SET tag = excluded.tag",
                        &a, true, "cannot tag the capability", "tag", tag);
}

/* Not the session's content, so not logged; the lock still refuses it, as
 * nothing is suggested on a locked session. */
int store_dismiss_suggestion(struct store *st, int64_t session_id, enum step step,
                             const char *key_a, const char *key_b)
{
    struct store_args a = {.session = session_id, .step = session_steps[step].id, .text = key_a,
                           .label = key_b};
    return store_set_setting(st,
                             "INSERT OR IGNORE INTO dismissed (session_id, step, key_a, key_b)"
                             " VALUES (:session, :step, :text, :label)",
                             &a);
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
    sqlite3_bind_text(stmt, 2, session_steps[step].id, -1, SQLITE_STATIC);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        *(char **)array_push(pairs, count, &cap, sizeof **pairs) = store_column_text(stmt, 0);
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read dismissed suggestions");
}
