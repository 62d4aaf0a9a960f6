/* store_groups.c: how answers are grouped: group labels, the capability tags
 * of the groups, and the merge suggestions the room dismissed. */
#include "method.h"
#include "similar.h"
#include "store_internal.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An answer of the session as it is grouped now: its step and its group's key. */
struct keyed {
    int64_t id;
    char *step;
    char *key;
};

static void keyed_free(struct keyed *list, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(list[i].step);
        free(list[i].key);
    }
    free(list);
}

static int load_keys(struct store *st, int64_t session_id, struct keyed **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    sqlite3_stmt *stmt = store_prepare(st, "SELECT i.id, i.step, coalesce(i.group_label, i.text)"
                                           " FROM inputs i JOIN participants p"
                                           " ON p.id = i.participant_id WHERE p.session_id = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct keyed *k = array_push(out, count, &cap, sizeof **out);
        k->id = sqlite3_column_int64(stmt, 0);
        k->step = store_column_text(stmt, 1);
        k->key = similar_normalize((const char *)sqlite3_column_text(stmt, 2));
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read the answers");
}

static bool listed(int64_t id, const int64_t *ids, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (ids[i] == id)
            return true;
    return false;
}

static bool step_has_key(const struct keyed *all, size_t count, const char *step, const char *key)
{
    for (size_t i = 0; i < count; i++)
        if (!strcmp(all[i].step, step) && !strcmp(all[i].key, key))
            return true;
    return false;
}

/* The keys the changed answers of step had that no answer of it has now:
 * the groups that went away (caller frees the array, not the keys). */
static size_t gone_keys(const struct keyed *before, size_t nbefore, const struct keyed *after,
                        size_t nafter, const char *step, const int64_t *ids, size_t count,
                        char ***out)
{
    size_t n = 0;
    *out = xcalloc(nbefore + 1, sizeof **out);
    for (size_t i = 0; i < nbefore; i++)
        if (!strcmp(before[i].step, step) && listed(before[i].id, ids, count) &&
            !step_has_key(after, nafter, step, before[i].key) &&
            !step_has_key(before, i, step, before[i].key)) /* once each */
            (*out)[n++] = before[i].key;
    return n;
}

/* Whether the change moves an answer of step. */
static bool touches(const struct keyed *before, size_t nbefore, const char *step,
                    const int64_t *ids, size_t count)
{
    for (size_t i = 0; i < nbefore; i++)
        if (!strcmp(before[i].step, step) && listed(before[i].id, ids, count))
            return true;
    return false;
}

/* Keeps the undo of each step the change touches, then relabels. */
static int relabel(struct store *st, int64_t session_id, const int64_t *input_ids, size_t count,
                   const char *label, const char *what, const struct keyed *before,
                   size_t nbefore)
{
    int rc = 0;
    for (int s = 0; s < STEP_COUNT && rc == 0; s++)
        if (touches(before, nbefore, session_steps[s].id, input_ids, count))
            rc = store_undo_save(st, session_id, session_steps[s].id, what);
    for (size_t i = 0; i < count && rc == 0; i++) {
        struct store_args a = {.session = session_id, .id = input_ids[i], .label = label};
        char missing[64];
        snprintf(missing, sizeof missing, "answer %lld is not in this session",
                 (long long)input_ids[i]);
        rc = store_run(st, "UPDATE inputs SET group_label = :label WHERE id = :id AND"
                           " participant_id IN (SELECT id FROM participants"
                           " WHERE session_id = :session)",
                       &a, true, missing);
    }
    return rc;
}

int store_regroup(struct store *st, int64_t session_id, const int64_t *input_ids, size_t count,
                  const char *label, const char *what)
{
    char *clean = label ? store_checked_text(st, "group label", label, &TEXT_NAME) : NULL;
    if (label && !clean)
        return -1;
    if (store_begin_change(st, session_id) < 0) {
        free(clean);
        return -1;
    }
    char *said = what ? xstrdup(what)
                 : clean ? xasprintf("grouping as \"%s\"", clean)
                         : xstrdup("taking answers out of their group");
    struct keyed *before = NULL, *after = NULL;
    size_t nbefore = 0, nafter = 0;
    int rc = load_keys(st, session_id, &before, &nbefore);
    if (rc == 0)
        rc = relabel(st, session_id, input_ids, count, clean, said, before, nbefore);
    if (rc == 0)
        rc = load_keys(st, session_id, &after, &nafter);
    /* The rankings follow: a group that went away is ranked as what it went into. */
    for (int s = 0; s < STEP_COUNT && rc == 0; s++) {
        if (!touches(before, nbefore, session_steps[s].id, input_ids, count))
            continue;
        char **gone;
        size_t n = gone_keys(before, nbefore, after, nafter, session_steps[s].id, input_ids,
                             count, &gone);
        if (n || clean)
            rc = store_votes_follow(st, session_id, session_steps[s].id, gone, n, clean);
        free(gone);
    }
    keyed_free(before, nbefore);
    keyed_free(after, nafter);
    rc = store_end_change(st, rc, session_id, 0, clean ? "group" : "ungroup", clean ? clean : "");
    free(clean);
    free(said);
    return rc;
}

int store_change_answers(struct store *st, int64_t session_id, const int64_t *ids, size_t count,
                         const char *sql, const struct store_args *a, const char *missing,
                         const char *label)
{
    struct keyed *before = NULL, *after = NULL;
    size_t nbefore = 0, nafter = 0;
    int rc = load_keys(st, session_id, &before, &nbefore);
    if (rc == 0)
        rc = store_run(st, sql, a, missing != NULL, missing ? missing : "");
    if (rc == 0)
        rc = load_keys(st, session_id, &after, &nafter);
    for (int s = 0; s < STEP_COUNT && rc == 0; s++) {
        char **gone;
        size_t n = gone_keys(before, nbefore, after, nafter, session_steps[s].id, ids, count,
                             &gone);
        if (n)
            rc = store_votes_follow(st, session_id, session_steps[s].id, gone, n, label);
        free(gone);
    }
    keyed_free(before, nbefore);
    keyed_free(after, nafter);
    return rc;
}

int store_set_group(struct store *st, int64_t session_id, const int64_t *input_ids, size_t count,
                    const char *label)
{
    return store_regroup(st, session_id, input_ids, count, label, NULL);
}

/* The decided capability of the same name as group, when it has a tag of
 * its own, takes the group's new tag, so the reveal and the decision do not
 * say two things of one capability; a group's tag taken away leaves it its own. */
static int retag_item_of_group(struct store *st, int64_t session_id, const char *group,
                               const char *tag)
{
    sqlite3_stmt *stmt =
        store_prepare(st, "SELECT rowid, item FROM item_tags WHERE session_id = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    int64_t found = 0;
    int rc = SQLITE_DONE;
    while (!found && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
        if (method_same_item((const char *)sqlite3_column_text(stmt, 1), group))
            found = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    if (!found && rc != SQLITE_DONE)
        return store_sql_fail(st, "cannot read the capabilities' tags");
    struct store_args a = {.id = found, .text = tag};
    return found ? store_run(st, "UPDATE item_tags SET tag = :text WHERE rowid = :id", &a, false,
                             "")
                 : 0;
}

int store_set_capability_tag(struct store *st, int64_t session_id, const char *group,
                             const char *tag)
{
    if (tag && method_tag_index(tag) < 0)
        return store_fail(st, "\"%s\" is not a tag; tags are today, roadmap, not planned", tag);
    if (store_begin_change(st, session_id) < 0)
        return -1;
    struct store_args a = {.session = session_id, .label = group, .text = tag};
    int rc = store_run(st, tag ? "INSERT INTO capability_tags (session_id, grp, tag)"
                                 " VALUES (:session, :label, :text)"
                                 " ON CONFLICT (session_id, grp) DO UPDATE SET tag = excluded.tag"
                               : "DELETE FROM capability_tags WHERE session_id = :session"
                                 " AND grp = :label",
                       &a, tag != NULL, "cannot tag the capability");
    if (rc == 0 && tag)
        rc = retag_item_of_group(st, session_id, group, tag);
    return store_end_change(st, rc, session_id, 0, tag ? "tag" : "untag", tag ? tag : group);
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
