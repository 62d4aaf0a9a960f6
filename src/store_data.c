/* store_data.c: reading the data files (steps.json, synonyms.json) with SQLite's JSON functions. */
#include "files.h"
#include "store_internal.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A data file's text bound as ?1 of sql, prepared on an in-memory database:
 * only SQLite's JSON functions are used. NULL with err filled on failure;
 * otherwise release with close_json_query. */
struct json_query {
    sqlite3 *db;
    sqlite3_stmt *stmt;
    char *json;
};

static int open_json_query(struct json_query *q, const char *path, const char *sql, char *err,
                           size_t errlen)
{
    memset(q, 0, sizeof *q);
    size_t len;
    q->json = file_read(path, &len);
    if (!q->json) {
        snprintf(err, errlen, "%s: %m", path);
        return -1;
    }
    if (sqlite3_open(":memory:", &q->db) != SQLITE_OK ||
        sqlite3_prepare_v2(q->db, sql, -1, &q->stmt, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, q->db ? sqlite3_errmsg(q->db) : "out of memory");
        return -1;
    }
    sqlite3_bind_text(q->stmt, 1, q->json, (int)len, SQLITE_STATIC);
    return 0;
}

static void close_json_query(struct json_query *q)
{
    sqlite3_finalize(q->stmt);
    sqlite3_close(q->db);
    free(q->json);
}

static const char steps_sql[] =
    "SELECT s.key, json_extract(s.value, '$.id'), json_extract(s.value, '$.title'),"
    " json_extract(s.value, '$.question'), g.value"
    " FROM json_each(?1) s LEFT JOIN json_each(s.value, '$.guidance') g"
    " WHERE json_valid(?1) ORDER BY s.id, g.id";

static int load(sqlite3_stmt *stmt, struct step_text out[STEP_COUNT], const char *path, char *err,
                size_t errlen)
{
    int rc = 0, seen = 0;
    long long current = -1;
    while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
        long long index = sqlite3_column_int64(stmt, 0);
        const char *id = (const char *)sqlite3_column_text(stmt, 1);
        if (index >= STEP_COUNT || !id || strcmp(id, session_steps[index].id) != 0) {
            snprintf(err, errlen, "%s: step %lld should be %s", path, index + 1,
                     index < STEP_COUNT ? session_steps[index].id : "absent");
            rc = -1;
            break;
        }
        struct step_text *t = &out[index];
        if (index != current) {
            current = index;
            seen++;
            t->title = store_column_text(stmt, 2);
            t->question = store_column_text(stmt, 3);
        }
        if (sqlite3_column_type(stmt, 4) != SQLITE_NULL) {
            t->guidance = xrealloc(t->guidance, (t->guidance_count + 1) * sizeof *t->guidance);
            t->guidance[t->guidance_count++] = store_column_text(stmt, 4);
        }
    }
    if (rc == 0 && seen != STEP_COUNT) {
        snprintf(err, errlen, "%s: expected a JSON array of the %d steps", path, STEP_COUNT);
        rc = -1;
    }
    for (int i = 0; rc == 0 && i < STEP_COUNT; i++)
        if (!out[i].title || !out[i].question) {
            snprintf(err, errlen, "%s: %s lacks a title or question", path, session_steps[i].id);
            rc = -1;
        }
    return rc;
}

int store_load_steps(const char *path, struct step_text out[STEP_COUNT], char *err, size_t errlen)
{
    memset(out, 0, STEP_COUNT * sizeof *out);
    struct json_query q;
    int rc = open_json_query(&q, path, steps_sql, err, errlen);
    if (rc == 0)
        rc = load(q.stmt, out, path, err, errlen);
    close_json_query(&q);
    if (rc < 0)
        store_steps_free(out);
    return rc;
}

void store_steps_free(struct step_text steps[STEP_COUNT])
{
    for (int i = 0; i < STEP_COUNT; i++) {
        free(steps[i].title);
        free(steps[i].question);
        for (size_t j = 0; j < steps[i].guidance_count; j++)
            free(steps[i].guidance[j]);
        free(steps[i].guidance);
    }
    memset(steps, 0, STEP_COUNT * sizeof *steps);
}

int store_load_synonym_terms(const char *path, char ***terms, size_t **sets, size_t *count,
                             char *err, size_t errlen)
{
    *terms = NULL;
    *sets = NULL;
    *count = 0;
    struct json_query q;
    const char *sql = "SELECT s.key, t.value FROM json_each(?1) s, json_each(s.value) t"
                      " WHERE json_valid(?1) AND s.type = 'array' AND t.type = 'text'"
                      " ORDER BY s.id, t.id";
    int rc = open_json_query(&q, path, sql, err, errlen);
    size_t cap = 0;
    while (rc == 0 && sqlite3_step(q.stmt) == SQLITE_ROW) {
        if (*count == cap) {
            cap = cap ? cap * 2 : 64;
            *terms = xrealloc(*terms, cap * sizeof **terms);
            *sets = xrealloc(*sets, cap * sizeof **sets);
        }
        (*sets)[*count] = (size_t)sqlite3_column_int64(q.stmt, 0);
        (*terms)[(*count)++] = store_column_text(q.stmt, 1);
    }
    if (rc == 0 && *count == 0) {
        snprintf(err, errlen, "%s: expected a JSON array of arrays of terms", path);
        rc = -1;
    }
    close_json_query(&q);
    return rc;
}
