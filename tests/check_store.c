/* check_store.c: Check suite for the store: create, migrate, round trips, lock
 * enforcement, read-only, refusing newer or foreign files, two writers at once. */
#include "check_main.h"
#include "store.h"
#include "store_internal.h" /* the migrations, to make a file of an older schema */

#include <sqlite3.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

static char *folder, *db_path;
static char err[512];

static void setup(void)
{
    folder = make_temp_folder();
    db_path = malloc(strlen(folder) + 16);
    sprintf(db_path, "%s/test.db", folder);
}

static void teardown(void)
{
    free(db_path);
    remove_temp_folder(folder);
}

static struct store *open_ok(bool read_only)
{
    struct store *st = NULL;
    unsigned flags = read_only ? STORE_READ_ONLY : 0;
    ck_assert_msg(store_open(db_path, flags, &st, err, sizeof err) == 0, "open: %s", err);
    return st;
}

/* Runs one SQL statement on a connection of the test's own and returns its
 * first column as an integer (or the SQLite result code when it fails). */
static int raw_int(const char *sql)
{
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    sqlite3_stmt *stmt;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
    int value = rc;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        value = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : rc;
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return value;
}

/* Runs a statement expected to fail; returns SQLite's message. */
static char *raw_error(const char *sql)
{
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    ck_assert_int_ne(rc, SQLITE_OK);
    char *copy = strdup(msg ? msg : "");
    sqlite3_free(msg);
    sqlite3_close(db);
    return copy;
}

static char *file_bytes(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    char *data = malloc(1 << 20);
    *len = fread(data, 1, 1 << 20, f);
    fclose(f);
    return data;
}

static int64_t new_session(struct store *st, const char *name, bool solo)
{
    char *slug = NULL;
    ck_assert_msg(store_create_session(st, name, "Acme", solo, NULL, &slug) == 0, "%s",
                  store_error(st));
    int64_t id;
    ck_assert_int_eq(store_find_session(st, slug, &id), 0);
    free(slug);
    return id;
}

START_TEST(new_database_has_schema_and_settings)
{
    struct store *st = open_ok(false);
    store_close(st);
    ck_assert_int_eq(raw_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int("PRAGMA application_id"), STORE_APPLICATION_ID);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM steps"), 5);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM roles"), 6);
    ck_assert_int_eq(raw_int("SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
    ck_assert_int_eq(raw_int("SELECT strict FROM pragma_table_list WHERE name = 'inputs'"), 1);
}
END_TEST

START_TEST(empty_file_is_migrated)
{
    FILE *f = fopen(db_path, "w");
    fclose(f);
    struct store *st = open_ok(false);
    store_close(st);
    ck_assert_int_eq(raw_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
}
END_TEST

START_TEST(reopen_keeps_data)
{
    struct store *st = open_ok(false);
    int64_t id = new_session(st, "Acme Q3", false);
    ck_assert_int_eq(store_add_input(st, id, "Maya", ROLE_CEO, STEP_ALTERNATIVES, "Spreadsheets",
                                     NULL), 0);
    store_close(st);
    st = open_ok(false);
    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    ck_assert_str_eq(s.name, "Acme Q3");
    ck_assert_str_eq(s.slug, "acme-q3");
    ck_assert_uint_eq(s.input_count, 1);
    ck_assert_str_eq(s.inputs[0].text, "Spreadsheets");
    session_free(&s);
    store_close(st);
}
END_TEST

START_TEST(sessions_by_slug_and_number)
{
    struct store *st = open_ok(false);
    int64_t a = new_session(st, "First", false);
    int64_t b = new_session(st, "Second", true);
    int64_t found;
    ck_assert_int_eq(store_find_session(st, "second", &found), 0);
    ck_assert_int_eq(found, b);
    char number[32];
    snprintf(number, sizeof number, "%lld", (long long)a);
    ck_assert_int_eq(store_find_session(st, number, &found), 0);
    ck_assert_int_eq(found, a);
    ck_assert_int_eq(store_find_session(st, "third", &found), -1);
    ck_assert_str_eq(store_error(st), "no session third; 'samesong list' shows them");
    ck_assert_int_eq(store_find_session(st, "999999999999999999999", &found), -1);
    /* what the screens ask when a session they show will not load */
    ck_assert_int_eq(store_session_exists(st, a), 1);
    ck_assert_int_eq(store_session_exists(st, b + 1), 0);

    struct session_summary *list;
    size_t count;
    ck_assert_int_eq(store_list_sessions(st, &list, &count), 0);
    ck_assert_uint_eq(count, 2);
    ck_assert_str_eq(list[0].slug, "second"); /* newest first */
    ck_assert(list[0].solo);
    ck_assert(!list[1].solo);
    store_summaries_free(list, count);
    store_close(st);
}
END_TEST

START_TEST(duplicate_slug_is_refused)
{
    struct store *st = open_ok(false);
    new_session(st, "Acme Q3", false);
    char *slug = NULL;
    ck_assert_int_eq(store_create_session(st, "acme   q3!", "", false, NULL, &slug), -1);
    ck_assert_ptr_null(slug);
    ck_assert_str_eq(store_error(st),
                     "a session with slug acme-q3 already exists; choose another with --slug");
    ck_assert_int_eq(store_create_session(st, "Acme Q3", "", false, "acme-q3-b", &slug), 0);
    ck_assert_str_eq(slug, "acme-q3-b");
    free(slug);
    ck_assert_int_eq(store_create_session(st, "x", "", false, "Not A Slug", &slug), -1);
    store_close(st);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM sessions"), 2);
}
END_TEST

START_TEST(answers_keep_their_order_and_groups)
{
    struct store *st = open_ok(false);
    int64_t id = new_session(st, "Order", false);
    ck_assert_int_eq(store_add_input(st, id, "Priya", ROLE_SALES, STEP_VALUE, "Faster replies", NULL), 0);
    ck_assert_int_eq(store_add_input(st, id, "Maya", ROLE_CEO, STEP_ALTERNATIVES, "Zendesk", NULL), 0);
    ck_assert_int_eq(store_add_input(st, id, "Priya", -1, STEP_ALTERNATIVES, "Excel + email",
                                     "Spreadsheets"), 0);
    ck_assert_int_eq(store_add_input(st, id, "Maya", -1, STEP_ALTERNATIVES, "  Do nothing ", NULL), 0);
    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    ck_assert_uint_eq(s.participant_count, 2);
    ck_assert_str_eq(s.participants[0].name, "Priya"); /* joined first */
    ck_assert_int_eq(s.participants[0].role, ROLE_SALES);
    ck_assert_uint_eq(s.input_count, 4);
    /* step order, then participant order, then answer order */
    ck_assert_str_eq(s.inputs[0].text, "Excel + email");
    ck_assert_str_eq(s.inputs[0].group, "Spreadsheets");
    ck_assert_str_eq(s.inputs[1].text, "Zendesk");
    ck_assert_str_eq(s.inputs[2].text, "Do nothing");
    ck_assert_ptr_null(s.inputs[2].group);
    ck_assert_str_eq(s.inputs[3].text, "Faster replies");
    ck_assert_int_eq(s.inputs[3].step, STEP_VALUE);
    session_free(&s);
    store_close(st);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM events WHERE action = 'add'"), 4);
}
END_TEST

START_TEST(participant_rules)
{
    struct store *st = open_ok(false);
    int64_t id = new_session(st, "Roles", false);
    ck_assert_int_eq(store_add_input(st, id, "Maya", ROLE_CEO, STEP_VALUE, "a", NULL), 0);
    ck_assert_int_eq(store_add_input(st, id, "Maya", ROLE_SALES, STEP_VALUE, "b", NULL), -1);
    ck_assert_str_eq(store_error(st), "Maya is already in this session as ceo, not sales");
    ck_assert_int_eq(store_add_input(st, id, "Tom", -1, STEP_VALUE, "c", NULL), 0);

    int64_t solo = new_session(st, "Founder draft", true);
    ck_assert_int_eq(store_add_input(st, solo, "Ana", ROLE_CEO, STEP_VALUE, "a", NULL), 0);
    ck_assert_int_eq(store_add_input(st, solo, "Bob", ROLE_SALES, STEP_VALUE, "b", NULL), -1);
    ck_assert_str_eq(store_error(st), "a solo session has one participant; Bob is not it");
    store_close(st);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM inputs"), 3);
    ck_assert_int_eq(raw_int("SELECT role = 'other' FROM participants WHERE name = 'Tom'"), 1);
}
END_TEST

START_TEST(bad_text_writes_nothing)
{
    struct store *st = open_ok(false);
    int64_t id = new_session(st, "Bad", false);
    ck_assert_int_eq(store_add_input(st, id, "Maya", ROLE_CEO, STEP_VALUE, "  ", NULL), -1);
    ck_assert_str_eq(store_error(st), "answer: empty text");
    ck_assert_int_eq(store_add_input(st, id, "Maya", ROLE_CEO, STEP_VALUE, "\x1b[2J", NULL), -1);
    ck_assert_str_eq(store_error(st), "answer: control character U+001B at character 1");
    ck_assert_int_eq(store_add_input(st, id, "", ROLE_CEO, STEP_VALUE, "fine", NULL), -1);
    ck_assert_str_eq(store_error(st), "participant name: empty text");
    ck_assert_int_eq(store_add_input(st, id, "Maya", ROLE_CEO, STEP_VALUE, "ok", "\xff"), -1);
    ck_assert_str_eq(store_error(st), "group label: invalid UTF-8 at byte 1");
    store_close(st);
    /* not even the participant was created */
    ck_assert_int_eq(raw_int("SELECT count(*) FROM participants"), 0);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM inputs"), 0);
}
END_TEST

static int64_t decided_session(struct store *st)
{
    int64_t id = new_session(st, "Decided", false);
    ck_assert_int_eq(store_add_input(st, id, "Maya", ROLE_CEO, STEP_VALUE, "Speed", NULL), 0);
    for (int step = 0; step < STEP_COUNT - 1; step++)
        ck_assert_int_eq(store_set_decision(st, id, (enum step)step, "agreed"), 0);
    ck_assert_int_eq(store_lock_session(st, id), -1);
    ck_assert_str_eq(store_error(st), "cannot lock: the category step has no decision yet");
    ck_assert_int_eq(store_set_decision(st, id, STEP_CATEGORY, "Help desk\nfor e-commerce"), 0);
    return id;
}

START_TEST(locked_session_refuses_changes_in_c)
{
    struct store *st = open_ok(false);
    int64_t id = decided_session(st);
    ck_assert_int_eq(store_lock_session(st, id), 0);
    ck_assert_int_eq(store_add_input(st, id, "Maya", -1, STEP_VALUE, "More", NULL), -1);
    ck_assert_str_eq(store_error(st), "session decided is locked; a locked session cannot be changed");
    ck_assert_int_eq(store_set_decision(st, id, STEP_VALUE, "changed"), -1);
    ck_assert_int_eq(store_lock_session(st, id), -1);
    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    ck_assert(s.locked);
    ck_assert_ptr_nonnull(s.locked_at);
    ck_assert_str_eq(s.decisions[STEP_CATEGORY], "Help desk\nfor e-commerce");
    session_free(&s);
    store_close(st);
}
END_TEST

START_TEST(locked_session_refuses_changes_in_sqlite)
{
    struct store *st = open_ok(false);
    int64_t id = decided_session(st);
    ck_assert_int_eq(store_lock_session(st, id), 0);
    store_close(st);
    /* Another program writing SQL directly is stopped by the triggers. */
    static const char *const attempts[] = {
        "UPDATE inputs SET text = 'changed'",
        "DELETE FROM inputs",
        "INSERT INTO inputs (participant_id, step, position, text) SELECT id, 'value', 9, 'x'"
        " FROM participants",
        "UPDATE participants SET role = 'sales'",
        "DELETE FROM participants",
        "INSERT INTO participants (session_id, name, role, position) VALUES (1, 'Eve', 'other', 5)",
        "UPDATE decisions SET text = 'changed'",
        "DELETE FROM decisions",
        "INSERT INTO votes (participant_id, step, rank, label) SELECT id, 'value', 1, 'x'"
        " FROM participants",
        "UPDATE sessions SET narrative = 'changed'",
        "UPDATE sessions SET status = 'open'",
        "DELETE FROM sessions",
    };
    for (size_t i = 0; i < sizeof attempts / sizeof attempts[0]; i++) {
        char *msg = raw_error(attempts[i]);
        /* a status change outside samesong fails on the lock guard's function */
        ck_assert_msg(strcmp(msg, "session is locked") == 0 ||
                          strcmp(msg, "no such function: samesong_locking") == 0,
                      "%s: %s", attempts[i], msg);
        free(msg);
    }
    ck_assert_int_eq(raw_int("SELECT count(*) FROM inputs WHERE text = 'Speed'"), 1);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM decisions WHERE text = 'agreed'"), 4);
}
END_TEST

/* A file from before schema 5 whose session was locked then: opening it
 * seals the session with the digest of what it holds, and verify holds. */
START_TEST(old_locked_sessions_are_sealed_on_upgrade)
{
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    for (int v = 0; v < 4; v++)
        ck_assert_int_eq(sqlite3_exec(db, store_migrations[v], NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db,
        "PRAGMA user_version = 4; PRAGMA application_id = 1400065639;"
        "INSERT INTO sessions (slug, name, product) VALUES ('old', 'Old', 'P');"
        "INSERT INTO participants (session_id, name, role, position) VALUES (1, 'Ana', 'ceo', 1);"
        "INSERT INTO inputs (participant_id, step, position, text) VALUES (1, 'value', 1, 'Speed');"
        "INSERT INTO decisions (session_id, step, text) SELECT 1, id, 'agreed' FROM steps;"
        "UPDATE sessions SET status = 'locked', locked_at = '2026-01-02T03:04:05Z';",
        NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    struct store *st = open_ok(false);
    char *stored, now[STORE_DIGEST_SIZE], *missing;
    bool at_upgrade;
    ck_assert_int_eq(store_lock_digest(st, 1, &stored, &at_upgrade), 0);
    ck_assert_ptr_nonnull(stored);
    ck_assert(at_upgrade); /* sealed as found, not when it was locked */
    ck_assert_int_eq(store_content_digest(st, 1, now), 0);
    ck_assert_str_eq(stored, now);
    ck_assert_int_eq(store_check_schema(st, &missing), 0);
    ck_assert_ptr_null(missing);
    /* the old, weaker triggers are gone: a REPLACE no longer unlocks it */
    store_close(st);
    char *msg = raw_error("REPLACE INTO sessions (id, slug, name) VALUES (1, 'old', 'x')");
    ck_assert_str_eq(msg, "session is locked");
    free(msg);
    free(stored);
}
END_TEST

/* The digest is of the content alone: locking the same content twice gives
 * the same digest, and it differs once one character differs. */
START_TEST(lock_digest_follows_the_content)
{
    struct store *st = open_ok(false);
    int64_t a = decided_session(st);
    char before[STORE_DIGEST_SIZE], after[STORE_DIGEST_SIZE];
    ck_assert_int_eq(store_content_digest(st, a, before), 0);
    ck_assert_int_eq(store_lock_session(st, a), 0);
    char *sealed;
    bool at_upgrade;
    ck_assert_int_eq(store_lock_digest(st, a, &sealed, &at_upgrade), 0);
    ck_assert_ptr_nonnull(sealed);
    ck_assert(!at_upgrade);
    ck_assert_int_ne(strcmp(sealed, before), 0); /* "locked": true is part of it */
    ck_assert_int_eq(store_content_digest(st, a, after), 0);
    ck_assert_str_eq(sealed, after);
    ck_assert_int_eq(strncmp(sealed, "sha256:", 7), 0);
    ck_assert_int_eq((int)strlen(sealed), STORE_DIGEST_SIZE - 1);
    free(sealed);
    store_close(st);
}
END_TEST

START_TEST(open_session_can_still_change)
{
    struct store *st = open_ok(false);
    int64_t id = decided_session(st);
    ck_assert_int_eq(store_set_decision(st, id, STEP_VALUE, "replaced"), 0);
    store_close(st);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM decisions WHERE text = 'replaced'"), 1);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM decisions"), 5);
}
END_TEST

START_TEST(read_only_refuses_writes_and_leaves_file)
{
    struct store *st = open_ok(false);
    int64_t id = new_session(st, "Acme", false);
    store_close(st);
    size_t before_len, after_len;
    char *before = file_bytes(db_path, &before_len);
    st = open_ok(true);
    ck_assert(store_is_read_only(st));
    ck_assert(!store_read_only_by_itself(st));
    ck_assert_int_eq(store_add_input(st, id, "Maya", ROLE_CEO, STEP_VALUE, "x", NULL), -1);
    ck_assert_ptr_nonnull(strstr(store_error(st), "is open read-only"));
    char *slug = NULL;
    ck_assert_int_eq(store_create_session(st, "Other", "", false, NULL, &slug), -1);
    ck_assert_ptr_nonnull(strstr(store_error(st), "read-only"));
    struct session_summary *list;
    size_t count;
    ck_assert_int_eq(store_list_sessions(st, &list, &count), 0); /* reading works */
    ck_assert_uint_eq(count, 1);
    store_summaries_free(list, count);
    store_close(st);
    char *after = file_bytes(db_path, &after_len);
    ck_assert_uint_eq(before_len, after_len);
    ck_assert(memcmp(before, after, before_len) == 0);
    free(before);
    free(after);
}
END_TEST

START_TEST(unwritable_file_opens_read_only_by_itself)
{
    struct store *st = open_ok(false);
    new_session(st, "Acme", false);
    store_close(st);
    ck_assert_int_eq(chmod(db_path, 0444), 0);
    st = open_ok(false);
    ck_assert(store_is_read_only(st));
    ck_assert(store_read_only_by_itself(st));
    char *slug = NULL;
    ck_assert_int_eq(store_create_session(st, "Other", "", false, NULL, &slug), -1);
    ck_assert_ptr_nonnull(strstr(store_error(st), "read-only (the file is not writable)"));
    store_close(st);
}
END_TEST

START_TEST(read_only_needs_an_existing_database)
{
    struct store *st = NULL;
    ck_assert_int_eq(store_open(db_path, STORE_READ_ONLY, &st, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "no such database"));
    ck_assert_int_eq(access(db_path, F_OK), -1);
}
END_TEST

/* A FIFO blocked the open forever; an empty or missing file became a
 * database for a reader. Only a writer may make one. */
START_TEST(only_a_writer_makes_a_database)
{
    struct store *st = NULL;
    ck_assert_int_eq(mkfifo(db_path, 0600), 0);
    for (unsigned flags = 0; flags <= (STORE_READ_ONLY | STORE_MUST_EXIST); flags++) {
        ck_assert_int_eq(store_open(db_path, flags, &st, err, sizeof err), -1);
        ck_assert_ptr_nonnull(strstr(err, "test.db is not a regular file"));
    }
    unlink(db_path);

    FILE *f = fopen(db_path, "w");
    fclose(f);
    for (unsigned flags = STORE_READ_ONLY; flags <= (STORE_READ_ONLY | STORE_MUST_EXIST);
         flags++) {
        ck_assert_int_eq(store_open(db_path, flags, &st, err, sizeof err), -1);
        ck_assert_ptr_nonnull(strstr(err, "test.db is empty: not a samesong database"));
    }
    struct stat sb;
    ck_assert_int_eq(stat(db_path, &sb), 0);
    ck_assert_int_eq(sb.st_size, 0);
    unlink(db_path);

    ck_assert_int_eq(store_open(db_path, STORE_MUST_EXIST, &st, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "no such database: "));
    ck_assert_int_eq(access(db_path, F_OK), -1);
    char *target = malloc(strlen(folder) + 16);
    sprintf(target, "%s/target.db", folder);
    ck_assert_int_eq(symlink(target, db_path), 0);
    ck_assert_int_eq(store_open(db_path, STORE_MUST_EXIST, &st, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "no such database: "));
    ck_assert_int_eq(access(target, F_OK), -1);
    st = open_ok(false); /* a writer follows the link and makes the file */
    store_close(st);
    ck_assert_int_eq(access(target, F_OK), 0);
    st = NULL;
    ck_assert_int_eq(store_open(db_path, STORE_MUST_EXIST, &st, err, sizeof err), 0);
    store_close(st);
    free(target);
}
END_TEST

START_TEST(newer_schema_is_refused_untouched)
{
    struct store *st = open_ok(false);
    store_close(st);
    ck_assert_int_eq(raw_int("PRAGMA user_version = 99"), SQLITE_DONE);
    size_t before_len, after_len;
    char *before = file_bytes(db_path, &before_len);
    ck_assert_int_eq(store_open(db_path, 0, &st, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "was written by a newer samesong (schema 99"));
    char *after = file_bytes(db_path, &after_len);
    ck_assert_uint_eq(before_len, after_len);
    ck_assert(memcmp(before, after, before_len) == 0);
    free(before);
    free(after);
}
END_TEST

/* A user_version below 0 indexed before the migrations (a crash at -5, the
 * wrong migration at -1): it is refused, and the file left byte for byte. */
START_TEST(unknown_schema_version_is_refused_untouched)
{
    static const char *const versions[] = {"-5", "-1", "-2147483648"};
    struct store *st = open_ok(false);
    new_session(st, "Acme", false);
    store_close(st);
    for (size_t i = 0; i < sizeof versions / sizeof versions[0]; i++) {
        char sql[64], want[96];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %s", versions[i]);
        ck_assert_int_eq(raw_int(sql), SQLITE_DONE);
        size_t before_len, after_len;
        char *before = file_bytes(db_path, &before_len);
        for (unsigned flags = 0; flags <= (STORE_READ_ONLY | STORE_MUST_EXIST); flags++) {
            st = NULL;
            ck_assert_int_eq(store_open(db_path, flags, &st, err, sizeof err), -1);
            ck_assert_ptr_null(st);
            snprintf(want, sizeof want, "has schema version %s, which no samesong writes",
                     versions[i]);
            ck_assert_msg(strstr(err, want), "%s", err);
        }
        char *after = file_bytes(db_path, &after_len);
        ck_assert_uint_eq(before_len, after_len);
        ck_assert(memcmp(before, after, before_len) == 0);
        free(before);
        free(after);
    }
    /* A file with no tables is new, and new files are version 0. */
    unlink(db_path);
    ck_assert_int_eq(raw_int("PRAGMA user_version = 2"), SQLITE_DONE);
    ck_assert_int_eq(store_open(db_path, 0, &st, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "is not a samesong database"));
    ck_assert_int_eq(raw_int("SELECT count(*) FROM sqlite_schema"), 0);
}
END_TEST

START_TEST(foreign_files_are_refused)
{
    FILE *f = fopen(db_path, "w");
    fputs("this is a text file, not a database\n", f);
    fclose(f);
    struct store *st = NULL;
    ck_assert_int_eq(store_open(db_path, 0, &st, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "is not a SQLite database"));

    unlink(db_path);
    ck_assert_int_eq(raw_int("CREATE TABLE other (x)"), SQLITE_DONE);
    ck_assert_int_eq(store_open(db_path, 0, &st, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "is not a samesong database"));
    ck_assert_int_eq(raw_int("SELECT count(*) FROM sqlite_schema"), 1); /* untouched */
}
END_TEST

START_TEST(two_writers_share_one_file)
{
    struct store *a = open_ok(false);
    struct store *b = open_ok(false);
    int64_t id = new_session(a, "Room", false);
    for (int i = 0; i < 20; i++) {
        ck_assert_int_eq(store_add_input(i % 2 ? a : b, id, i % 2 ? "Maya" : "Tom", -1,
                                         STEP_VALUE, "answer", NULL), 0);
    }
    struct session s;
    ck_assert_int_eq(store_load_session(b, id, &s), 0);
    ck_assert_uint_eq(s.input_count, 20);
    session_free(&s);
    store_close(a);
    store_close(b);
}
END_TEST

/* A room's terminals stay open for hours, so the -wal is checkpointed while
 * they write, not only when the last one leaves (store_writers.c): here one
 * writer stays open while four other processes look at the file after each
 * of its commits, as joined terminals do. Each time all of it is copied the
 * next commit starts the -wal over; without these checkpoints it never does,
 * and passes 11 MB. */
START_TEST(wal_is_checkpointed_while_writers_stay_open)
{
    struct store *st = open_ok(false);
    int64_t id = new_session(st, "Long room", false);
    pid_t readers = fork();
    if (readers == 0) { /* killed, never closed: a close would checkpoint */
        for (int i = 0; i < 3; i++)
            if (fork() == 0)
                break;
        pid_t parent = getppid();
        sqlite3 *db;
        if (sqlite3_open(db_path, &db) != SQLITE_OK)
            _exit(1);
        sqlite3_busy_timeout(db, 5000);
        int64_t seen = -1;
        while (getppid() == parent) { /* a test that failed leaves no reader behind */
            sqlite3_stmt *stmt;
            int64_t version = -1;
            if (sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
                sqlite3_step(stmt) == SQLITE_ROW)
                version = sqlite3_column_int64(stmt, 0);
            sqlite3_finalize(stmt);
            if (version != seen)
                sqlite3_exec(db, "SELECT count(*), max(length(text)) FROM inputs", NULL, NULL,
                             NULL);
            seen = version;
            usleep(1000);
        }
        _exit(0);
    }
    char wal[4096], text[1000];
    snprintf(wal, sizeof wal, "%s-wal", db_path);
    off_t largest = 0;
    for (int i = 0; i < 200; i++) { /* long answers, words of their own: some 13 frames each */
        int len = 0;
        for (int w = 0; len < 900; w++)
            len += snprintf(text + len, sizeof text - len, "w%dx%d ", i, w);
        ck_assert_msg(store_add_input(st, id, i % 2 ? "Maya" : "Tom", -1, STEP_VALUE, text,
                                      NULL) == 0, "%s", store_error(st));
        struct stat sb;
        if (stat(wal, &sb) == 0 && sb.st_size > largest)
            largest = sb.st_size;
    }
    kill(readers, SIGKILL);
    waitpid(readers, NULL, 0);
    /* 1000 frames of a 4 KiB page and its 24-byte header, and room for the few
     * commits it takes when a reader is in the -wal just as one begins */
    ck_assert_int_le(largest, 1500 * (4096 + 24));
    store_close(st);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM inputs"), 200);
}
END_TEST

START_TEST(writer_waits_for_another_process)
{
    struct store *st = open_ok(false);
    int64_t id = new_session(st, "Busy", false);
    /* Hold the write lock briefly from another connection in a child process. */
    pid_t child = fork();
    if (child == 0) {
        sqlite3 *db;
        sqlite3_open(db_path, &db);
        sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        usleep(300 * 1000);
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
        sqlite3_close(db);
        _exit(0);
    }
    usleep(100 * 1000);
    ck_assert_msg(store_add_input(st, id, "Maya", -1, STEP_VALUE, "waited", NULL) == 0, "%s",
                  store_error(st));
    store_close(st);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM inputs WHERE text = 'waited'"), 1);
}
END_TEST

/* Only samesong's own writes commit, each under the writers' lock, and
 * SQLite never checkpoints by itself (store_writers.c says why). */
START_TEST(commits_need_the_writers_lock)
{
    struct store *st = open_ok(false);
    int64_t id = new_session(st, "Locked out", false);
    sqlite3_stmt *stmt;
    ck_assert_int_eq(sqlite3_prepare_v2(st->db, "PRAGMA wal_autocheckpoint", -1, &stmt, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(stmt, 0), 0);
    sqlite3_finalize(stmt);
    /* a write that goes round store_begin is rolled back */
    ck_assert_int_eq(sqlite3_exec(st->db, "UPDATE sessions SET name = 'x'", NULL, NULL, NULL),
                     SQLITE_CONSTRAINT);
    ck_assert_msg(store_add_input(st, id, "Maya", -1, STEP_VALUE, "through the lock", NULL) == 0,
                  "%s", store_error(st));
    ck_assert(!st->writing); /* and let go after */
    store_close(st);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM sessions WHERE name = 'x'"), 0);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM inputs WHERE text = 'through the lock'"), 1);
}
END_TEST

START_TEST(steps_file_is_read)
{
    struct step_text steps[STEP_COUNT];
    char path[4096];
    snprintf(path, sizeof path, "%s/steps.json", getenv("SAMESONG_DATA_DIR"));
    ck_assert_msg(store_load_steps(path, steps, err, sizeof err) == 0, "%s", err);
    ck_assert_str_eq(steps[STEP_ALTERNATIVES].title, "Competitive alternatives");
    ck_assert_str_eq(steps[STEP_CATEGORY].question,
                     "In what market context is our value obvious?");
    for (int i = 0; i < STEP_COUNT; i++)
        ck_assert_uint_ge(steps[i].guidance_count, 2);
    store_steps_free(steps);

    FILE *f = fopen(db_path, "w");
    fputs("[{\"id\": \"value\", \"title\": \"t\", \"question\": \"q\"}]", f);
    fclose(f);
    ck_assert_int_eq(store_load_steps(db_path, steps, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "step 1 should be alternatives"));
}
END_TEST

START_TEST(participants_are_managed)
{
    struct store *st = open_ok(false);
    int64_t id = new_session(st, "People", false);
    ck_assert_int_eq(store_add_participant(st, id, "Maya", ROLE_CEO), 0);
    ck_assert_int_eq(store_add_participant(st, id, "Tom", ROLE_SALES), 0);
    ck_assert_int_eq(store_add_participant(st, id, " Maya ", ROLE_SALES), -1);
    ck_assert_str_eq(store_error(st), "Maya is already in this session");
    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    int64_t maya = s.participants[0].id, tom = s.participants[1].id;
    session_free(&s);
    ck_assert_int_eq(store_update_participant(st, id, tom, "Maya", ROLE_SALES), -1);
    ck_assert_int_eq(store_update_participant(st, id, tom, "Thomas", ROLE_PRODUCT), 0);
    ck_assert_int_eq(store_add_input(st, id, "Maya", -1, STEP_VALUE, "Speed", NULL), 0);
    ck_assert_int_eq(store_remove_participant(st, id, maya), -1);
    ck_assert_ptr_nonnull(strstr(store_error(st), "only a participant without answers"));
    ck_assert_int_eq(store_remove_participant(st, id, tom), 0);
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    ck_assert_uint_eq(s.participant_count, 1);
    ck_assert_str_eq(s.participants[0].name, "Maya");
    session_free(&s);
    store_close(st);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM participants WHERE name = 'Thomas'"), 0);
}
END_TEST

START_TEST(participants_leave_with_their_answers)
{
    struct store *st = open_ok(false);
    int64_t id = new_session(st, "Leaving", false);
    ck_assert_int_eq(store_add_input(st, id, "Maya", ROLE_CEO, STEP_VALUE, "Speed", NULL), 0);
    ck_assert_int_eq(store_add_input(st, id, "Maya", ROLE_CEO, STEP_VALUE, "Trust", NULL), 0);
    ck_assert_int_eq(store_add_input(st, id, "Tom", ROLE_SALES, STEP_VALUE, "Speed", NULL), 0);
    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    int64_t maya = s.participants[0].id;
    session_free(&s);
    char *ranking[] = {"Speed", "Trust"};
    ck_assert_int_eq(store_set_vote(st, id, maya, STEP_VALUE, ranking, 2), 0);
    ck_assert_int_eq(store_remove_participant_and_answers(st, id + 1, maya), -1); /* not hers */
    ck_assert_int_eq(raw_int("SELECT count(*) FROM inputs"), 3);
    ck_assert_int_eq(store_remove_participant_and_answers(st, id, maya), 0);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM inputs"), 1);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM votes"), 0);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM participants"), 1);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM search WHERE search MATCH 'Trust'"), 0);
    store_close(st);
}
END_TEST

START_TEST(several_answers_are_added_whole)
{
    struct store *st = open_ok(false);
    int64_t id = new_session(st, "Pasted", false);
    char *bad[] = {"Gorgias", "  "}, *good[] = {"Gorgias", "Zendesk"};
    ck_assert_int_eq(store_add_inputs(st, id, "Lena", STEP_ALTERNATIVES, bad, 2), -1);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM inputs"), 0);
    ck_assert_int_eq(store_add_inputs(st, id, "Lena", STEP_ALTERNATIVES, good, 2), 0);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM inputs WHERE position = 1 AND text = 'Zendesk'"),
                     1);
    store_close(st);
}
END_TEST

START_TEST(answers_are_edited_deleted_and_moved)
{
    struct store *st = open_ok(false);
    int64_t id = new_session(st, "Edits", false);
    static const char *const texts[] = {"one", "two", "three"};
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(store_add_input(st, id, "Maya", -1, STEP_VALUE, texts[i], NULL), 0);
    ck_assert_int_eq(store_add_input(st, id, "Tom", -1, STEP_VALUE, "other", NULL), 0);
    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    int64_t one = s.inputs[0].id, three = s.inputs[2].id, tom = s.inputs[3].id;
    session_free(&s);
    ck_assert_int_eq(store_move_input(st, id, three, -1), 0); /* one three two */
    ck_assert_int_eq(store_move_input(st, id, one, -1), 0);   /* already first: no change */
    ck_assert_int_eq(store_move_input(st, id, one, +1), 0);   /* three one two */
    ck_assert_int_eq(store_update_input(st, id, one, "  ONE  "), 0);
    ck_assert_int_eq(store_update_input(st, id, one, ""), -1);
    ck_assert_int_eq(store_delete_input(st, id, tom), 0);
    ck_assert_int_eq(store_delete_input(st, id, tom), -1);
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    ck_assert_uint_eq(s.input_count, 3);
    ck_assert_str_eq(s.inputs[0].text, "three");
    ck_assert_str_eq(s.inputs[1].text, "ONE");
    ck_assert_str_eq(s.inputs[2].text, "two");
    session_free(&s);
    /* another session's answer cannot be touched through this one */
    int64_t other = new_session(st, "Other", false);
    ck_assert_int_eq(store_delete_input(st, other, three), -1);
    store_close(st);
}
END_TEST

START_TEST(narrative_and_position)
{
    struct store *st = open_ok(false);
    int64_t id = new_session(st, "Story", false);
    ck_assert_int_eq(store_set_narrative(st, id, "Line one\nLine two"), 0);
    ck_assert_int_eq(store_set_narrative(st, id, "bad \x1b"), -1);
    struct store_position pos = {"step", STEP_VALUE, 0}, got;
    ck_assert_int_eq(store_load_position(st, id, &got), 0);
    ck_assert_ptr_null(got.screen);
    ck_assert_int_eq(store_save_position(st, id, &pos), 0);
    pos.screen = "reveal";
    ck_assert_int_eq(store_save_position(st, id, &pos), 0);
    ck_assert_int_eq(store_load_position(st, id, &got), 0);
    ck_assert_str_eq(got.screen, "reveal");
    ck_assert_int_eq(got.step, STEP_VALUE);
    free(got.screen);
    int64_t before, after;
    ck_assert_int_eq(store_data_version(st, &before), 0);
    ck_assert_int_eq(raw_int("UPDATE sessions SET name = 'Renamed'"), SQLITE_DONE);
    ck_assert_int_eq(store_data_version(st, &after), 0);
    ck_assert(after != before); /* another connection's commit is seen */
    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    ck_assert_str_eq(s.narrative, "Line one\nLine two");
    session_free(&s);
    store_close(st);
}
END_TEST

START_TEST(locked_session_refuses_edits)
{
    struct store *st = open_ok(false);
    int64_t id = decided_session(st);
    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    int64_t input = s.inputs[0].id, maya = s.participants[0].id;
    session_free(&s);
    ck_assert_int_eq(store_lock_session(st, id), 0);
    ck_assert_int_eq(store_update_input(st, id, input, "x"), -1);
    ck_assert_ptr_nonnull(strstr(store_error(st), "is locked"));
    ck_assert_int_eq(store_delete_input(st, id, input), -1);
    ck_assert_int_eq(store_move_input(st, id, input, 1), -1);
    ck_assert_int_eq(store_add_participant(st, id, "Eve", ROLE_OTHER), -1);
    ck_assert_int_eq(store_update_participant(st, id, maya, "M", ROLE_CEO), -1);
    ck_assert_int_eq(store_set_narrative(st, id, "late"), -1);
    struct store_position pos = {"canvas", -1, 0};
    ck_assert_int_eq(store_save_position(st, id, &pos), 0); /* where we were still saves */
    store_close(st);
}
END_TEST

START_TEST(votes_are_replaced_whole)
{
    struct store *st = open_ok(false);
    int64_t id = new_session(st, "Votes", false);
    ck_assert_int_eq(store_add_participant(st, id, "Maya", ROLE_CEO), 0);
    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    int64_t maya = s.participants[0].id;
    session_free(&s);
    char *first[] = {"Speed", "Cost", "Trust"}, *second[] = {"Trust", "Speed"};
    ck_assert_int_eq(store_set_vote(st, id, maya, STEP_VALUE, first, 3), 0);
    ck_assert_int_eq(store_set_vote(st, id, maya, STEP_VALUE, second, 2), 0);
    char *twice[] = {"Trust", "Trust"};
    ck_assert_int_eq(store_set_vote(st, id, maya, STEP_VALUE, twice, 2), -1); /* rolled back */
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    ck_assert_uint_eq(s.vote_count, 1);
    ck_assert_uint_eq(s.votes[0].ranking_count, 2);
    ck_assert_str_eq(s.votes[0].ranking[0], "Trust");
    ck_assert_str_eq(s.votes[0].ranking[1], "Speed");
    session_free(&s);
    ck_assert_int_eq(store_set_vote(st, id, maya, STEP_VALUE, NULL, 0), 0); /* withdrawn */
    int64_t other = new_session(st, "Other", false);
    ck_assert_int_eq(store_set_vote(st, other, maya, STEP_VALUE, first, 1), -1);
    store_close(st);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM votes"), 0);
}
END_TEST

START_TEST(search_follows_every_change)
{
    struct store *st = open_ok(false);
    int64_t id = new_session(st, "Search", false);
    ck_assert_int_eq(store_add_input(st, id, "Maya", ROLE_CEO, STEP_ALTERNATIVES,
                                     "Spreadsheets and email", NULL), 0);
    ck_assert_int_eq(store_set_decision(st, id, STEP_VALUE, "Faster answers for brands"), 0);
    ck_assert_int_eq(store_set_narrative(st, id, "Brands drown in tickets"), 0);
    struct search_hit *hits;
    size_t n;
    ck_assert_int_eq(store_search(st, "spreadsh", 10, &hits, &n), 0); /* a prefix */
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(hits[0].kind, "answer");
    ck_assert_str_eq(hits[0].participant, "Maya");
    ck_assert_int_eq(hits[0].step, STEP_ALTERNATIVES);
    ck_assert_str_eq(hits[0].snippet, STORE_MATCH_START "Spreadsheets" STORE_MATCH_END
                                      " and email");
    store_search_free(hits, n);
    ck_assert_int_eq(store_search(st, "brands", 10, &hits, &n), 0);
    ck_assert_uint_eq(n, 2); /* the decision and the narrative */
    store_search_free(hits, n);
    ck_assert_int_eq(store_search(st, "\"unbalanced", 10, &hits, &n), 0); /* no syntax error */
    store_search_free(hits, n);

    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    int64_t answer = s.inputs[0].id;
    session_free(&s);
    ck_assert_int_eq(store_update_input(st, id, answer, "Google Sheets"), 0);
    ck_assert_int_eq(store_search(st, "spreadsheets", 10, &hits, &n), 0);
    ck_assert_uint_eq(n, 0); /* the old text is gone from the index */
    store_search_free(hits, n);
    ck_assert_int_eq(store_search(st, "sheets", 10, &hits, &n), 0);
    ck_assert_uint_eq(n, 1);
    store_search_free(hits, n);
    ck_assert_int_eq(store_set_decision(st, id, STEP_VALUE, "Scale without hiring"), 0);
    ck_assert_int_eq(store_set_narrative(st, id, ""), 0);
    ck_assert_int_eq(store_search(st, "brands", 10, &hits, &n), 0);
    ck_assert_uint_eq(n, 0);
    store_search_free(hits, n);
    ck_assert_int_eq(store_delete_input(st, id, answer), 0);
    ck_assert_int_eq(store_search(st, "sheets", 10, &hits, &n), 0);
    ck_assert_uint_eq(n, 0);
    store_search_free(hits, n);
    store_close(st);
}
END_TEST

/* A schema-5 file opens as the newest schema (6 adds the undo); a merge carries the rankings (the
 * better rank kept, later ranks closing up), its undo survives reopening and
 * puts labels and rankings back, and the lock guards the undo too. */
START_TEST(schema_5_file_gains_the_grouping_undo)
{
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    for (int v = 0; v < 5; v++)
        ck_assert_int_eq(sqlite3_exec(db, store_migrations[v], NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db,
        "PRAGMA user_version = 5; PRAGMA application_id = 1400065639;"
        "INSERT INTO sessions (slug, name, product) VALUES ('old', 'Old', 'P');"
        "INSERT INTO participants (session_id, name, role, position) VALUES (1, 'Ana', 'ceo', 1),"
        " (1, 'Ben', 'sales', 2);"
        "INSERT INTO inputs (id, participant_id, step, position, text) VALUES"
        " (1, 1, 'alternatives', 1, 'Excel'), (2, 2, 'alternatives', 1, 'Sheets'),"
        " (3, 2, 'alternatives', 2, 'Email');"
        "INSERT INTO votes (participant_id, step, rank, label) VALUES"
        " (1, 'alternatives', 1, 'Email'), (1, 'alternatives', 2, 'Sheets'),"
        " (1, 'alternatives', 3, 'excel'), (2, 'alternatives', 1, 'Sheets');",
        NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    struct store *st = open_ok(false);
    ck_assert_int_eq(raw_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
    char *missing = NULL, *what = NULL;
    ck_assert_int_eq(store_check_schema(st, &missing), 0);
    ck_assert_ptr_null(missing);
    ck_assert_int_eq(store_undo_pending(st, 1, STEP_ALTERNATIVES, &what), 0);
    ck_assert_ptr_null(what);

    int64_t ids[] = {1, 2};
    ck_assert_int_eq(store_regroup(st, 1, ids, 2, "Spreadsheets", "the merge"), 0);
    /* Ana ranked Email, Sheets, excel: Spreadsheets takes Sheets' 2nd place */
    ck_assert_int_eq(raw_int("SELECT count(*) FROM votes"), 3);
    ck_assert_int_eq(raw_int("SELECT rank FROM votes WHERE participant_id = 1"
                             " AND label = 'Spreadsheets'"), 2);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM votes WHERE participant_id = 2"
                             " AND label = 'Spreadsheets' AND rank = 1"), 1);
    store_close(st);

    st = open_ok(false);
    ck_assert_int_eq(store_undo_pending(st, 1, STEP_ALTERNATIVES, &what), 0);
    ck_assert_str_eq(what, "the merge");
    free(what);
    ck_assert_int_eq(store_undo_grouping(st, 1, STEP_ALTERNATIVES), 0);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM inputs WHERE group_label IS NULL"), 3);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM votes"), 4);
    ck_assert_int_eq(raw_int("SELECT rank FROM votes WHERE label = 'excel'"), 3);
    ck_assert_int_eq(store_undo_grouping(st, 1, STEP_ALTERNATIVES), -1);
    ck_assert_str_eq(store_error(st), "there is no grouping change to undo in this step");

    /* taking a group apart takes it out of the rankings; a vote ends the undo */
    int64_t three[] = {3};
    ck_assert_int_eq(store_regroup(st, 1, three, 1, "Mail", NULL), 0);
    ck_assert_int_eq(store_regroup(st, 1, three, 1, NULL, NULL), 0);
    ck_assert_int_eq(raw_int("SELECT count(*) FROM votes WHERE participant_id = 1"), 2);
    ck_assert_int_eq(raw_int("SELECT rank FROM votes WHERE label = 'Sheets'"
                             " AND participant_id = 1"), 1);
    char *ranking[] = {"Sheets"};
    ck_assert_int_eq(store_set_vote(st, 1, 2, STEP_ALTERNATIVES, ranking, 1), 0);
    ck_assert_int_eq(store_undo_pending(st, 1, STEP_ALTERNATIVES, &what), 0);
    ck_assert_ptr_null(what);

    /* locked, the undo cannot be used or changed, in C or in SQL */
    ck_assert_int_eq(store_regroup(st, 1, ids, 2, "Spreadsheets", NULL), 0);
    for (int step = 0; step < STEP_COUNT; step++)
        ck_assert_int_eq(store_set_decision(st, 1, (enum step)step, "agreed"), 0);
    ck_assert_int_eq(store_lock_session(st, 1), 0);
    ck_assert_int_eq(store_undo_grouping(st, 1, STEP_ALTERNATIVES), -1);
    store_close(st);
    const char *attempts[] = {
        "DELETE FROM undo_groupings",
        "UPDATE undo_labels SET label = 'x'",
        "DELETE FROM undo_votes",
        "INSERT INTO undo_groupings (session_id, step, what) VALUES (1, 'value', 'x')",
    };
    for (size_t i = 0; i < sizeof attempts / sizeof *attempts; i++) {
        char *msg = raw_error(attempts[i]);
        ck_assert_msg(strcmp(msg, "session is locked") == 0, "%s: %s", attempts[i], msg);
        free(msg);
    }
}
END_TEST

static Suite *store_suite(void)
{
    Suite *s = suite_create("store");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, new_database_has_schema_and_settings);
    tcase_add_test(tc, empty_file_is_migrated);
    tcase_add_test(tc, reopen_keeps_data);
    tcase_add_test(tc, sessions_by_slug_and_number);
    tcase_add_test(tc, duplicate_slug_is_refused);
    tcase_add_test(tc, answers_keep_their_order_and_groups);
    tcase_add_test(tc, participant_rules);
    tcase_add_test(tc, bad_text_writes_nothing);
    tcase_add_test(tc, locked_session_refuses_changes_in_c);
    tcase_add_test(tc, locked_session_refuses_changes_in_sqlite);
    tcase_add_test(tc, old_locked_sessions_are_sealed_on_upgrade);
    tcase_add_test(tc, lock_digest_follows_the_content);
    tcase_add_test(tc, open_session_can_still_change);
    tcase_add_test(tc, read_only_refuses_writes_and_leaves_file);
    tcase_add_test(tc, unwritable_file_opens_read_only_by_itself);
    tcase_add_test(tc, read_only_needs_an_existing_database);
    tcase_add_test(tc, only_a_writer_makes_a_database);
    tcase_add_test(tc, newer_schema_is_refused_untouched);
    tcase_add_test(tc, foreign_files_are_refused);
    tcase_add_test(tc, unknown_schema_version_is_refused_untouched);
    tcase_add_test(tc, two_writers_share_one_file);
    tcase_add_test(tc, writer_waits_for_another_process);
    tcase_add_test(tc, commits_need_the_writers_lock);
    tcase_add_test(tc, steps_file_is_read);
    tcase_add_test(tc, participants_are_managed);
    tcase_add_test(tc, participants_leave_with_their_answers);
    tcase_add_test(tc, several_answers_are_added_whole);
    tcase_add_test(tc, answers_are_edited_deleted_and_moved);
    tcase_add_test(tc, narrative_and_position);
    tcase_add_test(tc, locked_session_refuses_edits);
    tcase_add_test(tc, votes_are_replaced_whole);
    tcase_add_test(tc, search_follows_every_change);
    tcase_add_test(tc, schema_5_file_gains_the_grouping_undo);
    suite_add_tcase(s, tc);
    /* hundreds of commits with readers beside them: seconds under ASan on a busy machine */
    TCase *load = tcase_create("load");
    tcase_add_checked_fixture(load, setup, teardown);
    tcase_set_timeout(load, 30);
    tcase_add_test(load, wal_is_checkpointed_while_writers_stay_open);
    suite_add_tcase(s, load);
    return s;
}

int main(void)
{
    return run_suite(store_suite(), "check_store");
}
