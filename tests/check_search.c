/* check_search.c: Check suite for finding the method (schema 15): every kind
 * of text the index holds follows each change to it, verify's check of the
 * index agrees, and a file of schema 13 is indexed anew when it opens, its
 * locked session too. */
#include "check_main.h"
#include "pitch.h"
#include "store.h"
#include "store_internal.h" /* the migrations, to make a file of an older schema */
#include "store_method.h"
#include "store_pitch.h"

#include <sqlite3.h>

static char *folder, *db_path;
static char err[512];
static struct store *st;

static void setup(void)
{
    folder = make_temp_folder();
    db_path = malloc(strlen(folder) + 16);
    sprintf(db_path, "%s/test.db", folder);
    st = NULL;
}

static void teardown(void)
{
    if (st)
        store_close(st);
    free(db_path);
    remove_temp_folder(folder);
}

static void open_store(void)
{
    ck_assert_msg(store_open(db_path, 0, &st, err, sizeof err) == 0, "open: %s", err);
}

/* The hits of query as "kind step section participant: snippet" lines, the
 * match marks left out, for one comparison. */
static char *found(const char *query)
{
    struct search_hit *hits;
    size_t n;
    ck_assert_msg(store_search(st, query, 50, &hits, &n) == 0, "%s", store_error(st));
    size_t cap = 1;
    for (size_t i = 0; i < n; i++)
        cap += strlen(hits[i].snippet) + 80;
    char *out = calloc(cap, 1);
    for (size_t i = 0; i < n; i++) {
        char line[512];
        snprintf(line, sizeof line, "%s %d %d %s: %s\n", hits[i].kind, hits[i].step,
                 hits[i].section, hits[i].participant ? hits[i].participant : "-",
                 hits[i].snippet);
        strcat(out, line);
    }
    /* the marks are private-use characters of three bytes each */
    for (char *p; (p = strstr(out, STORE_MATCH_START)) || (p = strstr(out, STORE_MATCH_END));)
        memmove(p, p + 3, strlen(p + 3) + 1);
    store_search_free(hits, n);
    return out;
}

#define FOUND(query, want)                     \
    do {                                       \
        char *got_ = found(query);             \
        ck_assert_str_eq(got_, want);          \
        free(got_);                            \
    } while (0)

static void index_is_true(int64_t session)
{
    int stale = -1;
    ck_assert_int_eq(store_check_search_index(st, session, &stale), 0);
    ck_assert_int_eq(stale, 0);
}

/* A session with every part of the method, one word of its own in each. */
static int64_t method_session(const char *name)
{
    char *slug;
    ck_assert_int_eq(store_create_session(st, name, "Acme", false, NULL, &slug), 0);
    int64_t id;
    ck_assert_int_eq(store_find_session(st, slug, &id), 0);
    free(slug);
    ck_assert_int_eq(store_add_input(st, id, "Ana", ROLE_SALES, STEP_ALTERNATIVES, "Abacus", NULL),
                     0);
    for (int s = 0; s < STEP_COUNT; s++)
        ck_assert_int_eq(store_decide(st, id, (enum step)s, "Item", NULL), 0);
    ck_assert_int_eq(store_set_rationale(st, id, STEP_VALUE, "Because of bluebells"), 0);
    ck_assert_int_eq(store_add_dissent(st, id, STEP_VALUE, "Ben", "Not the cornflowers"), 0);
    ck_assert_int_eq(store_add_proof(st, id, "Item", PROOF_NUMBER, "Daffodils doubled"), 0);
    ck_assert_int_eq(store_set_champion(st, id, "Head of edelweiss", "Feels the frost"), 0);
    ck_assert_int_eq(store_set_style(st, id, STYLE_BIG_FISH, "A pond of foxgloves"), 0);
    ck_assert_int_eq(store_set_pitch(st, id, PITCH_ASK, "Plant the gardenias"), 0);
    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    ck_assert_int_eq(store_add_objection(st, id, s.participants[0].id, "Too much heather"), 0);
    session_free(&s);
    return id;
}

START_TEST(every_part_of_the_method_is_found)
{
    open_store();
    int64_t id = method_session("Method");
    FOUND("bluebells", "rationale 2 -1 -: Because of bluebells\n");
    FOUND("cornflowers", "dissent 2 -1 -: Ben: Not the cornflowers\n");
    FOUND("ben", "dissent 2 -1 -: Ben: Not the cornflowers\n"); /* who says it */
    FOUND("daffodils", "proof 2 -1 -: Daffodils doubled\n");
    FOUND("edelweiss", "champion 3 -1 -: Head of edelweiss: Feels the frost\n");
    FOUND("frost", "champion 3 -1 -: Head of edelweiss: Feels the frost\n");
    FOUND("foxgloves", "style 4 -1 -: Big fish in a small pond: A pond of foxgloves\n");
    FOUND("big fish", "style 4 -1 -: Big fish in a small pond: A pond of foxgloves\n");
    FOUND("gardenias", "pitch -1 6 -: Plant the gardenias\n");
    FOUND("heather", "objection -1 -1 Ana: Too much heather\n");
    /* a name: what Ana said, her objection (the method's) before her answer */
    FOUND("ana", "objection -1 -1 Ana: Too much heather\nanswer 0 -1 Ana: Abacus\n");
    /* the room's texts come first, decisions before their why */
    FOUND("item", "decision 0 -1 -: Item\ndecision 1 -1 -: Item\ndecision 2 -1 -: Item\n"
                  "decision 3 -1 -: Item\ndecision 4 -1 -: Item\n");
    index_is_true(id);
}
END_TEST

START_TEST(the_index_follows_every_change)
{
    open_store();
    int64_t id = method_session("Method");
    ck_assert_int_eq(store_set_rationale(st, id, STEP_VALUE, "Because of tulips"), 0);
    ck_assert_int_eq(store_set_champion(st, id, "Head of ivy", NULL), 0);
    ck_assert_int_eq(store_set_style(st, id, STYLE_HEAD_TO_HEAD, NULL), 0);
    ck_assert_int_eq(store_set_pitch(st, id, PITCH_ASK, "Plant the lilies"), 0);
    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    ck_assert_int_eq(store_update_objection(st, id, s.objections[0].id, "Too much moss"), 0);
    ck_assert_int_eq(store_delete_proof(st, id, &s.proofs[0]), 0);
    ck_assert_int_eq(store_delete_dissent(st, id, &s.dissents[0]), 0);
    session_free(&s);
    FOUND("bluebells", "");
    FOUND("tulips", "rationale 2 -1 -: Because of tulips\n");
    FOUND("edelweiss", "");
    FOUND("ivy", "champion 3 -1 -: Head of ivy\n");
    FOUND("foxgloves", "");
    FOUND("head", "champion 3 -1 -: Head of ivy\nstyle 4 -1 -: Head to head\n");
    FOUND("gardenias", "");
    FOUND("lilies", "pitch -1 6 -: Plant the lilies\n");
    FOUND("heather", "");
    FOUND("moss", "objection -1 -1 Ana: Too much moss\n");
    FOUND("daffodils", "");
    FOUND("cornflowers", "");
    index_is_true(id);
    /* taken back: the why, the champion, the style, the section, the objection */
    ck_assert_int_eq(store_set_rationale(st, id, STEP_VALUE, NULL), 0);
    ck_assert_int_eq(store_set_champion(st, id, NULL, NULL), 0);
    ck_assert_int_eq(store_set_style(st, id, STYLE_NONE, NULL), 0);
    ck_assert_int_eq(store_set_pitch(st, id, PITCH_ASK, ""), 0);
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    ck_assert_int_eq(store_delete_objection(st, id, s.objections[0].id), 0);
    session_free(&s);
    FOUND("tulips", "");
    FOUND("head", "");
    FOUND("lilies", "");
    FOUND("moss", "");
    index_is_true(id);
    /* a deleted session takes its rows with it */
    int64_t second = method_session("Second");
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    char sql[128];
    snprintf(sql, sizeof sql, "PRAGMA foreign_keys = ON; DELETE FROM sessions WHERE id = %lld",
             (long long)id);
    ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    FOUND("bluebells", "rationale 2 -1 -: Because of bluebells\n");
    index_is_true(second);
    index_is_true(id);
}
END_TEST

/* verify's check of the index counts a row of the method taken out or
 * written in by hand, and search does not believe a row written in. */
START_TEST(verify_checks_the_method_rows)
{
    open_store();
    int64_t id = method_session("Method");
    int stale;
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, "DELETE FROM search WHERE kind = 'champion';"
                                      "UPDATE search SET text = 'Plant the weeds'"
                                      " WHERE kind = 'pitch';", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    ck_assert_int_eq(store_check_search_index(st, id, &stale), 0);
    ck_assert_int_eq(stale, 3); /* the champion missing, the section's old row gone, a new one */
    FOUND("weeds", "");
    FOUND("edelweiss", "");
}
END_TEST

/* No id of an objection, proof or dissent reaches the index's rows above 2^40. */
START_TEST(ids_stay_below_the_room_rows)
{
    open_store();
    method_session("Method");
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    const char *tries[] = {
        "INSERT INTO proofs (id, session_id, item, kind, text)"
        " VALUES (1099511627776, 1, 'Item', 'quote', 'x')",
        "INSERT INTO dissents (id, session_id, step, who, what)"
        " VALUES (1099511627776, 1, 'value', 'x', 'y')",
        "INSERT INTO objections (id, participant_id, position, text)"
        " VALUES (1099511627776, 1, 9, 'x')",
        "UPDATE proofs SET id = 1099511627777",
    };
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        char *msg = NULL;
        ck_assert_int_ne(sqlite3_exec(db, tries[i], NULL, NULL, &msg), SQLITE_OK);
        ck_assert_msg(msg && strstr(msg, "out of range"), "%s: %s", tries[i], msg);
        sqlite3_free(msg);
    }
    sqlite3_close(db);
}
END_TEST

/* What samesong_locking() says on a connection of the test's own: yes. */
static void locking_yes(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc, (void)argv;
    sqlite3_result_int(ctx, 1);
}

/* A file of schema 13, whose index knew nothing of the method, is indexed
 * anew when it opens: its open and its locked session are found by their
 * pitch, proof and the rest, and verify's check of the index holds. */
START_TEST(a_schema_13_file_is_indexed_anew)
{
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_create_function(db, "samesong_locking", 0, SQLITE_UTF8, NULL,
                                             locking_yes, NULL, NULL), SQLITE_OK);
    /* in one transaction: a commit a statement takes seconds on a slow disk */
    ck_assert_int_eq(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
    for (int v = 0; v < 13; v++)
        ck_assert_int_eq(sqlite3_exec(db, store_migrations[v], NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db,
        "PRAGMA user_version = 13; PRAGMA application_id = 1400065639;"
        "INSERT INTO sessions (slug, name, product, narrative) VALUES"
        " ('old', 'Old', 'P', 'Told of orchids.'), ('open', 'Open', 'P', '');"
        "INSERT INTO participants (session_id, name, role, position) VALUES"
        " (1, 'Ana', 'sales', 1), (2, 'Ben', 'ceo', 1);"
        "INSERT INTO inputs (participant_id, step, position, text) VALUES (1, 'value', 1, 'Speed');"
        "INSERT INTO decisions (session_id, step, text, rationale)"
        " SELECT s.id, t.id, 'Item', 'Why of poppies' FROM sessions s, steps t;"
        "INSERT INTO proofs (session_id, item, kind, text) VALUES (1, 'Item', 'case', 'Asters'),"
        " (2, 'Item', 'quote', 'Asters too');"
        "INSERT INTO dissents (session_id, step, who, what) VALUES (1, 'category', 'Ana', 'Irises');"
        "INSERT INTO positioning VALUES (1, 'Head of peonies', NULL, 'new-category', 'Zinnias');"
        "INSERT INTO pitch (session_id, section, text) VALUES (1, 'insight', 'Marigolds'),"
        " (2, 'ask', 'Marigolds again');"
        "INSERT INTO objections (participant_id, position, text) VALUES (1, 0, 'Too many violets');"
        "UPDATE sessions SET status = 'locked' WHERE id = 1; COMMIT;",
        NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    open_store();
    char *missing = NULL;
    ck_assert_int_eq(store_check_schema(st, &missing), 0);
    ck_assert_ptr_null(missing);
    FOUND("marigolds", "pitch -1 6 -: Marigolds again\npitch -1 0 -: Marigolds\n");
    FOUND("asters", "proof 2 -1 -: Asters too\nproof 2 -1 -: Asters\n");
    FOUND("poppies", "rationale 0 -1 -: Why of poppies\nrationale 1 -1 -: Why of poppies\n"
                     "rationale 2 -1 -: Why of poppies\nrationale 3 -1 -: Why of poppies\n"
                     "rationale 4 -1 -: Why of poppies\nrationale 0 -1 -: Why of poppies\n"
                     "rationale 1 -1 -: Why of poppies\nrationale 2 -1 -: Why of poppies\n"
                     "rationale 3 -1 -: Why of poppies\nrationale 4 -1 -: Why of poppies\n");
    FOUND("irises", "dissent 4 -1 -: Ana: Irises\n");
    FOUND("peonies", "champion 3 -1 -: Head of peonies\n");
    FOUND("zinnias", "style 4 -1 -: Create a new category: Zinnias\n");
    FOUND("violets", "objection -1 -1 Ana: Too many violets\n");
    FOUND("orchids", "narrative -1 -1 -: Told of orchids.\n");
    FOUND("speed", "answer 2 -1 Ana: Speed\n");
    index_is_true(1);
    index_is_true(2);
    /* and it follows the open session's changes, not the locked one's */
    ck_assert_int_eq(store_set_pitch(st, 2, PITCH_ASK, "Sunflowers"), 0);
    ck_assert_int_eq(store_set_pitch(st, 1, PITCH_ASK, "Sunflowers"), -1);
    FOUND("marigolds", "pitch -1 0 -: Marigolds\n");
    index_is_true(2);
}
END_TEST

static Suite *search_suite(void)
{
    Suite *s = suite_create("search");
    TCase *tc = tcase_create("method");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, every_part_of_the_method_is_found);
    tcase_add_test(tc, the_index_follows_every_change);
    tcase_add_test(tc, verify_checks_the_method_rows);
    tcase_add_test(tc, ids_stay_below_the_room_rows);
    tcase_add_test(tc, a_schema_13_file_is_indexed_anew);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(search_suite(), "check_search");
}
