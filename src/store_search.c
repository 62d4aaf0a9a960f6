/* store_search.c: finding words in every text of every session (answers,
 * decisions, narratives and the whole method), through the FTS5 index the
 * schema's triggers keep in step; a word that is a participant's name finds
 * what that person said. And checking that index against the texts. */
#include "pitch.h"
#include "store_internal.h"
#include "store_search_rows.h"
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

/* Runs stmt (columns: session id, slug, name, kind, step, participant,
 * snippet, row in the index) and appends its rows, skipping rows already found. */
static int collect(struct store *st, sqlite3_stmt *stmt, struct search_hit **hits, size_t *count,
                   size_t *cap)
{
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        int64_t row = sqlite3_column_int64(stmt, 7);
        bool seen = false;
        for (size_t i = 0; i < *count && !seen; i++)
            seen = (*hits)[i].row == row;
        if (seen)
            continue;
        struct search_hit *h = array_push(hits, count, cap, sizeof *h);
        h->session_id = sqlite3_column_int64(stmt, 0);
        h->slug = store_column_text(stmt, 1);
        h->session_name = store_column_text(stmt, 2);
        h->kind = store_column_text(stmt, 3);
        const char *place = (const char *)sqlite3_column_text(stmt, 4);
        bool pitch = !strcmp(h->kind, "pitch");
        h->step = place && !pitch ? step_from_id(place) : -1;
        h->section = place && pitch ? pitch_section_from_id(place) : -1;
        h->participant = store_column_text(stmt, 5);
        h->snippet = store_column_text(stmt, 6);
        h->row = row;
        one_line(h->snippet);
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot search");
}

/* Room mode (a join code given, or walk-ins allowed) in an open session:
 * what each person writes stays on their terminal until the room reveals
 * it, so find does not show it either (a locked session has no secrets). */
#define ROOM_SECRET(revealed) \
    "(s.status != 'locked' AND NOT EXISTS " revealed " AND (EXISTS (SELECT 1 FROM invites v" \
    " JOIN participants q ON q.id = v.participant_id WHERE q.session_id = s.id)" \
    " OR EXISTS (SELECT 1 FROM walk_ins w WHERE w.session_id = s.id)))"
/* an answer of a step the room has not revealed */
#define PRIVATE(step) \
    ROOM_SECRET("(SELECT 1 FROM revealed r WHERE r.session_id = s.id AND r.step = " step ")")
/* an objection before the room has seen them all */
#define PRIVATE_OBJECTION \
    ROOM_SECRET("(SELECT 1 FROM objections_revealed r WHERE r.session_id = s.id)")

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

/* What a person says, as search_people reads it: their answers, and the
 * objections they hear; each table's row i, its row in the index, its step. */
struct said {
    const char *table, *kind;
    const char *row, *id_of_row; /* i's row in the index, and the id of f's row */
    const char *step, *secret;
    bool few_of_them;            /* fewer than the index's matches, whoever is named */
};
/* Objections are few, often none: reading the index's matches newest first
 * until enough are found would read them all when none is an objection (250
 * ms for "person refund" in 10,000 sessions), so with many people named the
 * objections are read instead, each looked up in the index. */
static const struct said said_kinds[] = {
    {"objections", "objection", SEARCH_OBJECTION_ROW("i.id"), "f.rowid - " SEARCH_2_40, "NULL",
     PRIVATE_OBJECTION, true},
    {"inputs", "answer", "i.id", "f.rowid", "i.step", PRIVATE("i.step"), false},
};

/* What the people named by any of names[] said (of one kind), holding the
 * other words too when there are any: "Lena" is what Lena said, "Lena Tom"
 * what either did. */
static int search_people_said(struct store *st, const struct said *k, bool few,
                              char *const names[], size_t name_count, char *const words[],
                              size_t word_count, bool prefix, int limit,
                              struct search_hit **hits, size_t *count, size_t *cap)
{
    /* the statement's text holds placeholders only, two per name */
    struct strbuf sql = {0};
    strbuf_printf(&sql, "SELECT s.id, s.slug, s.name, '%s', %s, p.name, ", k->kind, k->step);
    if (word_count && few)
        strbuf_printf(&sql, SNIPPET ", f.rowid FROM participants p CROSS JOIN %s i"
                                " ON i.participant_id = p.id CROSS JOIN search f ON f.rowid = %s",
                      k->table, k->row);
    else if (word_count && k->few_of_them)
        strbuf_printf(&sql, SNIPPET ", f.rowid FROM %s i NOT INDEXED CROSS JOIN participants p"
                                " ON p.id = i.participant_id CROSS JOIN search f ON f.rowid = %s",
                      k->table, k->row);
    else if (word_count)
        strbuf_printf(&sql, SNIPPET ", f.rowid FROM search f JOIN %s i ON i.id = %s"
                                " JOIN participants p ON p.id = i.participant_id",
                      k->table, k->id_of_row);
    else
        strbuf_printf(&sql, "i.text, %s FROM %s i%s JOIN participants p"
                            " ON p.id = i.participant_id",
                      k->row, k->table, few ? "" : " NOT INDEXED");
    strbuf_puts(&sql, " JOIN sessions s ON s.id = p.session_id"
                      " WHERE p.id IN (SELECT id FROM participants WHERE ");
    named_condition(&sql, name_count);
    strbuf_puts(&sql, ")");
    if (word_count)
        strbuf_printf(&sql, " AND f.kind = '%s' AND f.text IS i.text AND search MATCH ?1",
                      k->kind);
    strbuf_printf(&sql, " AND NOT %s", k->secret);
    strbuf_puts(&sql, word_count && !few && !k->few_of_them ? " ORDER BY f.rowid DESC"
                                                            : " ORDER BY i.id DESC");
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

/* What the people named said: their objections (fewer, and the method's),
 * then their answers, up to limit in all. */
static int search_people(struct store *st, char *const names[], size_t name_count,
                         char *const words[], size_t word_count, bool prefix, int limit,
                         struct search_hit **hits, size_t *count, size_t *cap)
{
    int people;
    if (count_named(st, names, name_count, FEW_PEOPLE + 1, &people) < 0)
        return -1;
    int rc = 0;
    for (size_t k = 0; k < sizeof said_kinds / sizeof said_kinds[0] && rc == 0; k++)
        if ((int)*count < limit)
            rc = search_people_said(st, &said_kinds[k], people <= FEW_PEOPLE, names, name_count,
                                    words, word_count, prefix, limit - (int)*count, hits, count,
                                    cap);
    return rc;
}

/* The text a row of the index stands for, as its table holds it now (NULL
 * when there is none): found by the row's rowid, session and step. */
#define CURRENT_TEXT \
    "CASE f.kind" \
    " WHEN 'answer' THEN (SELECT x.text FROM inputs x JOIN participants q" \
    "  ON q.id = x.participant_id WHERE x.id = f.rowid AND q.id = f.participant_id" \
    "  AND q.session_id = f.session_id)" \
    " WHEN 'objection' THEN (SELECT x.text FROM objections x JOIN participants q" \
    "  ON q.id = x.participant_id WHERE x.id = f.rowid - " SEARCH_2_40 \
    "  AND q.id = f.participant_id AND q.session_id = f.session_id)" \
    " WHEN 'proof' THEN (SELECT x.text FROM proofs x WHERE x.id = (f.rowid - " SEARCH_2_41 \
    ") / 2 AND " SEARCH_PROOF_ROW("x.id") " = f.rowid AND x.session_id = f.session_id)" \
    " WHEN 'dissent' THEN (SELECT " SEARCH_DISSENT_TEXT("x") " FROM dissents x" \
    "  WHERE x.id = (f.rowid - " SEARCH_2_41 ") / 2 AND " SEARCH_DISSENT_ROW("x.id") " = f.rowid" \
    "  AND x.session_id = f.session_id AND x.step = f.step)" \
    " WHEN 'decision' THEN (SELECT x.text FROM decisions x WHERE x.session_id = f.session_id" \
    "  AND x.step = f.step)" \
    " WHEN 'rationale' THEN (SELECT x.rationale FROM decisions x" \
    "  WHERE x.session_id = f.session_id AND x.step = f.step)" \
    " WHEN 'champion' THEN (SELECT " SEARCH_CHAMPION_TEXT("x") " FROM positioning x" \
    "  WHERE x.session_id = f.session_id)" \
    " WHEN 'style' THEN (SELECT " SEARCH_STYLE_TEXT("x") " FROM positioning x" \
    "  WHERE x.session_id = f.session_id)" \
    " WHEN 'pitch' THEN (SELECT x.text FROM pitch x WHERE x.session_id = f.session_id" \
    "  AND x.section = f.step)" \
    " WHEN 'narrative' THEN s.narrative END"

/* Every text holding all the words. */
static int search_text(struct store *st, char *const words[], size_t word_count, int limit,
                       struct search_hit **hits, size_t *count, size_t *cap)
{
    /* A hit counts only when its text is still what it indexes: the index is
     * a virtual table no trigger can guard, so a row written into it by hand
     * must not put words into a session's mouth, a locked one least of all. */
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT s.id, s.slug, s.name, f.kind, f.step, p.name, " SNIPPET ", f.rowid"
            " FROM search f JOIN sessions s ON s.id = f.session_id"
            " LEFT JOIN participants p ON p.id = f.participant_id AND p.session_id = s.id"
            " WHERE search MATCH ?1 AND f.text IS " CURRENT_TEXT
            " AND (f.kind != 'answer' OR NOT " PRIVATE("f.step") ")"
            " AND (f.kind != 'objection' OR NOT " PRIVATE_OBJECTION ")"
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

/* What the index holds for a session, and what it should: the rows of the
 * triggers (store_search_rows.h). */
#define INDEXED \
    "SELECT rowid, text, session_id, kind, step, participant_id FROM search" \
    " WHERE session_id = ?1"
#define EXPECTED SEARCH_EVERY_ROW(SEARCH_ONE_SESSION)

int store_check_search_index(struct store *st, int64_t session_id, int *stale)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT (SELECT count(*) FROM (" INDEXED " EXCEPT SELECT * FROM (" EXPECTED ")))"
            " + (SELECT count(*) FROM (SELECT * FROM (" EXPECTED ") EXCEPT " INDEXED "))");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    int rc = sqlite3_step(stmt);
    *stale = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW ? 0 : store_sql_fail(st, "cannot check the search index");
}
