/* store_data.c: reading the data files (steps.json, synonyms.json) with SQLite's JSON functions. */
#include "files.h"
#include "store_internal.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int load(sqlite3 *db, const char *json, struct step_text out[STEP_COUNT], const char *path,
                char *err, size_t errlen)
{
    sqlite3_stmt *stmt = NULL;
    const char *sql =
        "SELECT s.key, json_extract(s.value, '$.id'), json_extract(s.value, '$.title'),"
        " json_extract(s.value, '$.question'), g.value"
        " FROM json_each(?1) s LEFT JOIN json_each(s.value, '$.guidance') g"
        " WHERE json_valid(?1) ORDER BY s.id, g.id";
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, sqlite3_errmsg(db));
        return -1;
    }
    sqlite3_bind_text(stmt, 1, json, -1, SQLITE_STATIC);
    int rc = 0, seen = 0;
    long long current = -1;
    while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
        long long index = sqlite3_column_int64(stmt, 0);
        const char *id = (const char *)sqlite3_column_text(stmt, 1);
        if (index >= STEP_COUNT || !id || strcmp(id, step_ids[index]) != 0) {
            snprintf(err, errlen, "%s: step %lld should be %s", path, index + 1,
                     index < STEP_COUNT ? step_ids[index] : "absent");
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
    sqlite3_finalize(stmt);
    if (rc == 0 && seen != STEP_COUNT) {
        snprintf(err, errlen, "%s: expected a JSON array of the %d steps", path, STEP_COUNT);
        rc = -1;
    }
    for (int i = 0; rc == 0 && i < STEP_COUNT; i++)
        if (!out[i].title || !out[i].question) {
            snprintf(err, errlen, "%s: %s lacks a title or question", path, step_ids[i]);
            rc = -1;
        }
    return rc;
}

int store_load_steps(const char *path, struct step_text out[STEP_COUNT], char *err, size_t errlen)
{
    memset(out, 0, STEP_COUNT * sizeof *out);
    size_t len;
    char *json = file_read(path, &len);
    if (!json) {
        snprintf(err, errlen, "%s: %m", path);
        return -1;
    }
    sqlite3 *db = NULL;
    int rc = -1;
    if (sqlite3_open(":memory:", &db) == SQLITE_OK)
        rc = load(db, json, out, path, err, errlen);
    else
        snprintf(err, errlen, "cannot start SQLite: out of memory");
    sqlite3_close(db);
    free(json);
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
    size_t len;
    char *json = file_read(path, &len);
    if (!json) {
        snprintf(err, errlen, "%s: %m", path);
        return -1;
    }
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    int rc = -1;
    const char *sql = "SELECT s.key, t.value FROM json_each(?1) s, json_each(s.value) t"
                      " WHERE json_valid(?1) AND s.type = 'array' AND t.type = 'text'"
                      " ORDER BY s.id, t.id";
    if (sqlite3_open(":memory:", &db) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
        sqlite3_bind_text(stmt, 1, json, (int)len, SQLITE_STATIC);
        size_t cap = 0;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            if (*count == cap) {
                cap = cap ? cap * 2 : 64;
                *terms = xrealloc(*terms, cap * sizeof **terms);
                *sets = xrealloc(*sets, cap * sizeof **sets);
            }
            (*sets)[*count] = (size_t)sqlite3_column_int64(stmt, 0);
            (*terms)[(*count)++] = store_column_text(stmt, 1);
        }
        rc = *count ? 0 : -1;
        if (rc < 0)
            snprintf(err, errlen, "%s: expected a JSON array of arrays of terms", path);
    } else {
        snprintf(err, errlen, "cannot start SQLite: %s", db ? sqlite3_errmsg(db) : "out of memory");
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    free(json);
    return rc;
}
