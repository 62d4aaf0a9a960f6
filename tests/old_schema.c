/* old_schema.c: makes a database as samesong's schema VERSION left it, with one
 * session ("old") of five people and ANSWERS answers, for tests that upgrade
 * it (a crash in the middle of the migration must leave it whole).
 *   old_schema DB VERSION ANSWERS */
#include "store.h"
#include "store_internal.h" /* the migrations */

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

static int fail(sqlite3 *db, const char *what)
{
    fprintf(stderr, "old_schema: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
    sqlite3_close(db);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: old_schema DB VERSION ANSWERS\n");
        return 2;
    }
    int version = atoi(argv[2]), answers = atoi(argv[3]);
    if (version < 1 || version >= STORE_SCHEMA_VERSION || answers < 0) {
        fprintf(stderr, "old_schema: VERSION from 1 to %d, ANSWERS from 0\n", STORE_SCHEMA_VERSION - 1);
        return 2;
    }
    sqlite3 *db;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK)
        return fail(db, "open");
    if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return fail(db, "begin");
    for (int v = 0; v < version; v++)
        if (sqlite3_exec(db, store_migrations[v], NULL, NULL, NULL) != SQLITE_OK)
            return fail(db, "migration");
    /* The columns used here are all in schema 1. */
    char *sql = sqlite3_mprintf(
        "PRAGMA user_version = %d; PRAGMA application_id = %d;"
        "INSERT INTO sessions (id, slug, name, product) VALUES (1, 'old', 'Old workshop', 'Replyline');"
        "INSERT INTO participants (session_id, name, role, position) VALUES"
        " (1, 'Maya', 'ceo', 1), (1, 'Leo', 'marketing', 2), (1, 'Priya', 'sales', 3),"
        " (1, 'Tom', 'product', 4), (1, 'Ines', 'success', 5);"
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
        " INSERT INTO inputs (participant_id, step, position, text)"
        " SELECT 1 + i %% 5, (SELECT id FROM steps WHERE position = 1 + i %% 5), i,"
        "  'answer ' || i FROM n WHERE %d > 0;"
        "INSERT INTO decisions (session_id, step, text) SELECT 1, id, 'agreed ' || id FROM steps;"
        "COMMIT;",
        version, STORE_APPLICATION_ID, answers, answers);
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_free(sql);
    if (rc != SQLITE_OK)
        return fail(db, "fill");
    return sqlite3_close(db) == SQLITE_OK ? 0 : fail(db, "close");
}
