/* check_main.h: what every Check suite shares: temporary folders, a main()
 * that prints the suite's one-line summary to the terminal as well as its
 * log, and for the store's suites a session in a fresh store. */
#ifndef SAMESONG_CHECK_MAIN_H
#define SAMESONG_CHECK_MAIN_H

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A fresh folder for one test (the test runs in its own process). */
static inline char *make_temp_folder(void)
{
    const char *base = getenv("TMPDIR");
    char *path = malloc(4096);
    snprintf(path, 4096, "%s/samesong-test-XXXXXX", base && *base ? base : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(path));
    return path;
}

static inline void remove_temp_folder(char *path)
{
    char *cmd = malloc(strlen(path) + 16);
    sprintf(cmd, "rm -rf '%s'", path);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", path);
    free(cmd);
    free(path);
}

/* Runs the suite; make check's harness gives us fd 9 for the terminal. */
static inline int run_suite(Suite *suite, const char *name)
{
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int run = srunner_ntests_run(runner);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    char line[128];
    int n = snprintf(line, sizeof line, "%s: %d passed, %d failed\n", name, run - failed, failed);
    if (fcntl(9, F_GETFD) != -1 && write(9, line, (size_t)n) != n)
        fputs("could not write the summary\n", stderr);
    return failed == 0 && run > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif

/* For a suite's tests of the store's parts (the method, the pitch, the
 * rounds): a store in a fresh folder with one workshop session, whose
 * product is Replyline. The suite defines CHECK_STORE_FIXTURE and includes
 * this file again where those tests begin; their setup calls open_session,
 * and teardown is the fixture's other half. */
#if defined(CHECK_STORE_FIXTURE) && !defined(SAMESONG_CHECK_STORE_FIXTURE)
#define SAMESONG_CHECK_STORE_FIXTURE
#include "store.h"
#include "store_internal.h"

#include <sqlite3.h>

static char *folder, *db_path;
static struct store *st;
static char err[512];
static int64_t sid; /* the session open_session made */

static inline void open_session(const char *name, const char *slug)
{
    folder = make_temp_folder();
    db_path = malloc(strlen(folder) + 16);
    sprintf(db_path, "%s/test.db", folder);
    ck_assert_msg(store_open(db_path, 0, &st, err, sizeof err) == 0, "%s", err);
    char *made;
    ck_assert_int_eq(store_create_session(st, name, "Replyline", false, slug, &made), 0);
    free(made);
    ck_assert_int_eq(store_find_session(st, slug, &sid), 0);
}

static void teardown(void)
{
    store_close(st);
    free(db_path);
    remove_temp_folder(folder);
}

/* A session file (json) imported as slug (NULL: made from its name): its
 * number, or -1 and why not. */
static inline int64_t import_json(const char *json, const char *slug, char *why, size_t whylen)
{
    struct session doc;
    char parse_error[512];
    if (store_parse_session_file(json, strlen(json), &doc, parse_error, sizeof parse_error) < 0) {
        snprintf(why, whylen, "%s", parse_error);
        return -1;
    }
    char *made = NULL;
    int rc = store_import_session(st, &doc, slug, &made);
    session_free(&doc);
    int64_t id = -1;
    if (rc == 0)
        ck_assert_int_eq(store_find_session(st, made, &id), 0);
    else
        snprintf(why, whylen, "%s", store_error(st));
    free(made);
    return id;
}

/* Each of the statements, run from the sqlite3 shell past samesong, is
 * refused: the session it would change is locked. */
static inline void refused_when_locked(const char *const *writes, size_t count)
{
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    for (size_t i = 0; i < count; i++)
        ck_assert_msg(sqlite3_exec(db, writes[i], NULL, NULL, NULL) != SQLITE_OK,
                      "%s was allowed on a locked session", writes[i]);
    sqlite3_close(db);
}

/* st opened again on a file of an older schema (version) holding what sql
 * puts in it: the migrations since run as on a user's old file. */
static inline void reopen_at_schema(int version, const char *sql)
{
    store_close(st);
    remove(db_path);
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    for (int v = 0; v < version; v++)
        ck_assert_int_eq(sqlite3_exec(db, store_migrations[v], NULL, NULL, NULL), SQLITE_OK);
    char *stamp = sqlite3_mprintf("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                  version, STORE_APPLICATION_ID);
    ck_assert_int_eq(sqlite3_exec(db, stamp, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_free(stamp);
    ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    ck_assert_msg(store_open(db_path, 0, &st, err, sizeof err) == 0, "%s", err);
}

/* Locks session id, then opens the store again: the digest is still the one
 * it was sealed with, and the schema is whole. */
static inline void lock_holds_when_reopened(int64_t id)
{
    ck_assert_int_eq(store_lock_session(st, id), 0);
    char *sealed, *now;
    bool at_upgrade;
    ck_assert_int_eq(store_lock_digest(st, id, &sealed, &at_upgrade), 0);
    store_close(st);
    ck_assert_msg(store_open(db_path, 0, &st, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(store_lock_digest(st, id, &now, &at_upgrade), 0);
    ck_assert_str_eq(now, sealed);
    char *missing = NULL;
    ck_assert_int_eq(store_check_schema(st, &missing), 0);
    ck_assert_ptr_null(missing);
    free(sealed);
    free(now);
}
#endif
