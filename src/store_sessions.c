/* store_sessions.c: sessions as a whole: creating one (with its slug), the
 * list, finding one by slug or number. */
#include "store_internal.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool slug_taken(struct store *st, const char *slug)
{
    sqlite3_stmt *stmt = store_prepare(st, "SELECT 1 FROM sessions WHERE slug = ?");
    if (!stmt)
        return false;
    sqlite3_bind_text(stmt, 1, slug, -1, SQLITE_STATIC);
    bool taken = sqlite3_step(stmt) == SQLITE_ROW;
    sqlite3_finalize(stmt);
    return taken;
}

/* The slug to use: the one asked for, checked, or one made from the name. */
static char *choose_slug(struct store *st, const char *name, const char *asked)
{
    if (asked) {
        if (!text_is_slug(asked)) {
            store_fail(st,
                       "\"%s\" is not a valid slug; use lower-case letters, digits and single "
                       "hyphens, at most %d characters, with at least one letter",
                       asked, TEXT_SLUG_MAX);
            return NULL;
        }
        return xstrdup(asked);
    }
    char *slug = text_slugify(name);
    if (!text_is_slug(slug)) { /* empty, or digits only: it would read as a number */
        char *prefixed = xasprintf("session%s%s", *slug ? "-" : "", slug);
        free(slug);
        slug = prefixed;
        slug[TEXT_SLUG_MAX] = '\0';
    }
    return slug;
}

int store_insert_session(struct store *st, const char *name, const char *product, bool solo,
                         const char *asked_slug, char **slug_out, int64_t *id_out)
{
    char *slug = choose_slug(st, name, asked_slug);
    if (!slug)
        return -1;
    if (slug_taken(st, slug)) {
        store_fail(st, "a session with slug %s already exists; choose another with --slug",
                   slug);
        free(slug);
        return -1;
    }
    struct store_args a = {.label = slug, .name = name, .text = product ? product : "",
                           .role = solo ? "solo" : "workshop"};
    if (store_run(st, "INSERT INTO sessions (slug, name, product, mode)"
                      " VALUES (:label, :name, :text, :role)", &a, false, "") < 0) {
        free(slug);
        return -1;
    }
    *id_out = sqlite3_last_insert_rowid(st->db);
    *slug_out = slug;
    return 0;
}

int store_create_session(struct store *st, const char *name, const char *product, bool solo,
                         const char *slug, char **slug_out)
{
    *slug_out = NULL;
    char *clean_name = store_checked_text(st, "session name", name, &TEXT_NAME);
    char *clean_product = clean_name ? store_checked_text(st, "product", product ? product : "",
                                               &TEXT_PRODUCT) : NULL;
    int64_t id;
    int rc = -1;
    if (clean_product && store_begin(st) == 0) {
        rc = store_insert_session(st, clean_name, clean_product, solo, slug, slug_out, &id);
        if (rc == 0)
            rc = store_log_event(st, id, 0, "create", clean_name);
        rc = rc == 0 ? store_commit(st) : (store_rollback(st), -1);
        if (rc < 0 && *slug_out) {
            free(*slug_out);
            *slug_out = NULL;
        }
    }
    free(clean_name);
    free(clean_product);
    return rc;
}

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

int store_session_exists(struct store *st, int64_t id)
{
    sqlite3_stmt *stmt = store_prepare(st, "SELECT 1 FROM sessions WHERE id = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, id);
    int rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        return rc == SQLITE_ROW;
    return store_sql_fail(st, "cannot find the session");
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
