/* store_search.c: finding words in every answer, decision and narrative,
 * through the FTS5 index the schema's triggers keep in step. */
#include "store_internal.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

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
