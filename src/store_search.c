/* store_search.c: finding words in every answer, decision and narrative,
 * through the FTS5 index the schema's triggers keep in step; a word that is a
 * participant's name finds what that person said. */
#include "store_internal.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 16 /* more words than anyone types; the rest are ignored */

/* The query split on blanks; the words point into a copy the caller frees. */
static size_t split_words(char *copy, char *words[MAX_WORDS])
{
    size_t n = 0;
    for (char *p = strtok(copy, " \t\r\n"); p && n < MAX_WORDS; p = strtok(NULL, " \t\r\n"))
        words[n++] = p;
    return n;
}

/* Words as an FTS5 query: each quoted (so no word is taken for syntax), all
 * required, the last of the user's words also as a prefix. */
static char *fts_query(char *const words[], size_t count, bool last_is_prefix)
{
    struct strbuf b = {0};
    for (size_t i = 0; i < count; i++) {
        strbuf_puts(&b, b.len ? " \"" : "\"");
        for (const char *c = words[i]; *c; c++)
            strbuf_add(&b, *c == '"' ? "\"\"" : c, *c == '"' ? 2 : 1);
        strbuf_puts(&b, last_is_prefix && i + 1 == count ? "\"*" : "\"");
    }
    return strbuf_take(&b);
}

/* A LIKE pattern for a name whose first word is word: "Lena %" finds "Lena Berg". */
static char *first_word_pattern(const char *word)
{
    struct strbuf b = {0};
    for (const char *c = word; *c; c++) {
        if (*c == '%' || *c == '_' || *c == '\\')
            strbuf_add(&b, "\\", 1);
        strbuf_add(&b, c, 1);
    }
    strbuf_puts(&b, " %");
    return strbuf_take(&b);
}

/* A participant is named by a word that is their whole name or its first word,
 * in any case (the index participants_by_name answers both). */
#define NAMED_BY(word, first) \
    "(name = " word " COLLATE NOCASE OR name LIKE " first " ESCAPE '\\')"

/* Whether some participant, in any session, is named by word. */
static int is_name_word(struct store *st, const char *word, bool *yes)
{
    sqlite3_stmt *stmt =
        store_prepare(st, "SELECT 1 FROM participants WHERE " NAMED_BY("?1", "?2") " LIMIT 1");
    if (!stmt)
        return -1;
    char *pattern = first_word_pattern(word);
    sqlite3_bind_text(stmt, 1, word, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, pattern, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    *yes = rc == SQLITE_ROW;
    sqlite3_finalize(stmt);
    free(pattern);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot search");
}

/* Line breaks and tabs in a snippet become single spaces: a hit is one line. */
static void one_line(char *s)
{
    char *out = s;
    for (const char *in = s; *in; in++) {
        bool blank = *in == '\n' || *in == '\r' || *in == '\t';
        if (blank && (out == s || out[-1] == ' '))
            continue;
        *out++ = blank ? ' ' : *in;
    }
    *out = '\0';
}

/* Runs stmt (columns: session id, slug, name, kind, step, participant, snippet,
 * answer id) and appends its rows, skipping answers already found. */
static int collect(struct store *st, sqlite3_stmt *stmt, struct search_hit **hits, size_t *count,
                   size_t *cap)
{
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        int64_t answer = sqlite3_column_type(stmt, 7) == SQLITE_NULL
                             ? 0 : sqlite3_column_int64(stmt, 7);
        bool seen = false;
        for (size_t i = 0; answer && i < *count && !seen; i++)
            seen = (*hits)[i].answer_id == answer;
        if (seen)
            continue;
        struct search_hit *h = array_push(hits, count, cap, sizeof *h);
        h->session_id = sqlite3_column_int64(stmt, 0);
        h->slug = store_column_text(stmt, 1);
        h->session_name = store_column_text(stmt, 2);
        h->kind = store_column_text(stmt, 3);
        h->step = sqlite3_column_type(stmt, 4) == SQLITE_NULL
                      ? -1 : step_from_id((const char *)sqlite3_column_text(stmt, 4));
        h->participant = store_column_text(stmt, 5);
        h->snippet = store_column_text(stmt, 6);
        h->answer_id = answer;
        one_line(h->snippet);
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot search");
}

/* Room mode (a join code given, or walk-ins allowed): an answer of a step the
 * room has not revealed stays on its person's terminal, so find does not show
 * it (a locked session has none). */
#define PRIVATE(step) \
    "(s.status != 'locked' AND NOT EXISTS (SELECT 1 FROM revealed r" \
    " WHERE r.session_id = s.id AND r.step = " step ") AND (EXISTS (SELECT 1 FROM invites v" \
    " JOIN participants q ON q.id = v.participant_id WHERE q.session_id = s.id)" \
    " OR EXISTS (SELECT 1 FROM walk_ins w WHERE w.session_id = s.id)))"

#define SNIPPET "snippet(search, 0, '" STORE_MATCH_START "', '" STORE_MATCH_END "', '...', 24)"

/* Binds names[] to the placeholders from ?first on, two a name, into patterns[]. */
static void bind_names(sqlite3_stmt *stmt, int first, char *const names[], size_t name_count,
                       char *patterns[])
{
    for (size_t i = 0; i < name_count; i++) {
        patterns[i] = first_word_pattern(names[i]);
        sqlite3_bind_text(stmt, first + 2 * (int)i, names[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, first + 2 * (int)i + 1, patterns[i], -1, SQLITE_STATIC);
    }
}

/* "name = ?3 ... OR name LIKE ?4 ..." for name_count names, placeholders only. */
static void named_condition(struct strbuf *sql, size_t name_count)
{
    for (size_t i = 0; i < name_count; i++) {
        char word[16], first[16];
        snprintf(word, sizeof word, "?%zu", 2 * i + 3);
        snprintf(first, sizeof first, "?%zu", 2 * i + 4);
        strbuf_printf(sql, "%s" NAMED_BY("%s", "%s"), i ? " OR " : "", word, first);
    }
}

/* How many participants the names name, counting no further than limit. */
static int count_named(struct store *st, char *const names[], size_t name_count, int limit,
                       int *count)
{
    struct strbuf sql = {0};
    strbuf_puts(&sql, "SELECT count(*) FROM (SELECT 1 FROM participants WHERE ");
    named_condition(&sql, name_count);
    strbuf_puts(&sql, " LIMIT ?2)");
    char *text = strbuf_take(&sql);
    sqlite3_stmt *stmt = store_prepare(st, text);
    free(text);
    if (!stmt)
        return -1;
    char *patterns[MAX_WORDS];
    sqlite3_bind_int(stmt, 2, limit);
    bind_names(stmt, 3, names, name_count, patterns);
    int rc = sqlite3_step(stmt);
    *count = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
    sqlite3_finalize(stmt);
    for (size_t i = 0; i < name_count; i++)
        free(patterns[i]);
    return rc == SQLITE_ROW ? 0 : store_sql_fail(st, "cannot search");
}

/* Up to this many people found by name, their answers are read person by
 * person; beyond it (a name in hundreds of sessions) reading the newest
 * answers, or the index's matches, until enough are found is faster. */
#define FEW_PEOPLE 50

/* The answers of the people named by any of names[], holding the other words
 * too when there are any: "Lena" is what Lena said, "Lena Tom" what either did. */
static int search_people(struct store *st, char *const names[], size_t name_count,
                         char *const words[], size_t word_count, bool prefix, int limit,
                         struct search_hit **hits, size_t *count, size_t *cap)
{
    int people;
    if (count_named(st, names, name_count, FEW_PEOPLE + 1, &people) < 0)
        return -1;
    bool few = people <= FEW_PEOPLE;
    /* the statement's text holds placeholders only, two per name */
    struct strbuf sql = {0};
    strbuf_puts(&sql, "SELECT s.id, s.slug, s.name, 'answer', i.step, p.name, ");
    if (word_count && few)
        strbuf_puts(&sql, SNIPPET ", i.id FROM participants p CROSS JOIN inputs i"
                          " ON i.participant_id = p.id CROSS JOIN search f ON f.rowid = i.id");
    else if (word_count)
        strbuf_puts(&sql, SNIPPET ", i.id FROM search f JOIN inputs i ON i.id = f.rowid"
                          " JOIN participants p ON p.id = i.participant_id");
    else
        strbuf_printf(&sql, "i.text, i.id FROM %s JOIN participants p"
                            " ON p.id = i.participant_id",
                      few ? "inputs i" : "inputs i NOT INDEXED");
    strbuf_puts(&sql, " JOIN sessions s ON s.id = p.session_id"
                      " WHERE p.id IN (SELECT id FROM participants WHERE ");
    named_condition(&sql, name_count);
    strbuf_puts(&sql, ")");
    if (word_count)
        strbuf_puts(&sql, " AND f.kind = 'answer' AND f.text IS i.text AND search MATCH ?1");
    strbuf_puts(&sql, " AND NOT " PRIVATE("i.step"));
    strbuf_puts(&sql, word_count && !few ? " ORDER BY f.rowid DESC" : " ORDER BY i.id DESC");
    strbuf_puts(&sql, " LIMIT ?2");
    char *text = strbuf_take(&sql);
    sqlite3_stmt *stmt = store_prepare(st, text);
    free(text);
    if (!stmt)
        return -1;
    char *match = fts_query(words, word_count, prefix), *patterns[MAX_WORDS];
    if (word_count)
        sqlite3_bind_text(stmt, 1, match, -1, SQLITE_STATIC);
    sqlite3_bind_int(stmt, 2, limit);
    bind_names(stmt, 3, names, name_count, patterns);
    int rc = collect(st, stmt, hits, count, cap);
    for (size_t i = 0; i < name_count; i++)
        free(patterns[i]);
    free(match);
    return rc;
}

/* Every answer, decision and narrative holding all the words. */
static int search_text(struct store *st, char *const words[], size_t word_count, int limit,
                       struct search_hit **hits, size_t *count, size_t *cap)
{
    /* A hit counts only when its text is still what it indexes: the index is
     * a virtual table no trigger can guard, so a row written into it by hand
     * must not put words into a session's mouth, a locked one least of all. */
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT s.id, s.slug, s.name, f.kind, f.step, p.name, " SNIPPET ", i.id"
            " FROM search f JOIN sessions s ON s.id = f.session_id"
            " LEFT JOIN participants p ON p.id = f.participant_id"
            " LEFT JOIN inputs i ON f.kind = 'answer' AND i.id = f.rowid"
            " AND i.participant_id = p.id AND p.session_id = s.id"
            " LEFT JOIN decisions d ON f.kind = 'decision' AND d.session_id = s.id"
            " AND d.step = f.step"
            " WHERE search MATCH ?1 AND f.text IS CASE f.kind WHEN 'answer' THEN i.text"
            " WHEN 'decision' THEN d.text WHEN 'narrative' THEN s.narrative END"
            " AND (f.kind != 'answer' OR NOT " PRIVATE("f.step") ")"
            " ORDER BY f.rowid DESC LIMIT ?2");
    if (!stmt)
        return -1;
    char *match = fts_query(words, word_count, true);
    sqlite3_bind_text(stmt, 1, match, -1, SQLITE_STATIC);
    sqlite3_bind_int(stmt, 2, limit);
    int rc = collect(st, stmt, hits, count, cap);
    free(match);
    return rc;
}

int store_search(struct store *st, const char *query, int limit, struct search_hit **hits,
                 size_t *count)
{
    *hits = NULL;
    *count = 0;
    char *copy = xstrdup(query), *words[MAX_WORDS], *names[MAX_WORDS], *others[MAX_WORDS];
    size_t n = split_words(copy, words), name_count = 0, other_count = 0, cap = 0;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        bool name = false;
        rc = is_name_word(st, words[i], &name);
        if (name)
            names[name_count++] = words[i];
        else
            others[other_count++] = words[i];
    }
    /* what the named people said first, then every text with all the words */
    bool prefix = other_count && others[other_count - 1] == words[n - 1];
    if (rc == 0 && name_count)
        rc = search_people(st, names, name_count, others, other_count, prefix, limit, hits,
                           count, &cap);
    if (rc == 0 && n && (int)*count < limit)
        rc = search_text(st, words, n, limit - (int)*count, hits, count, &cap);
    free(copy);
    if (rc < 0) {
        store_search_free(*hits, *count);
        *hits = NULL;
        *count = 0;
    }
    return rc;
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
