/* check_transfer.c: Check suite for import and export: the example's round trip,
 * the Markdown canvas, and every kind of bad session file refused without a write. */
#include "check_main.h"
#include "files.h"
#include "report.h"
#include "sha256.h"
#include "store.h"

#include <sqlite3.h>

static char *folder, *db_path;
static struct store *st;
static char err[512];

static void setup(void)
{
    folder = make_temp_folder();
    db_path = malloc(strlen(folder) + 16);
    sprintf(db_path, "%s/test.db", folder);
    ck_assert_msg(store_open(db_path, 0, &st, err, sizeof err) == 0, "%s", err);
}

static void teardown(void)
{
    store_close(st);
    free(db_path);
    remove_temp_folder(folder);
}

static char *data_file(const char *name, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", getenv("SAMESONG_DATA_DIR"), name);
    char *text = file_read(path, len);
    ck_assert_msg(text != NULL, "cannot read %s", path);
    return text;
}

/* The document as SQLite's json() writes it: no white space, key order kept. */
static char *minified(const char *json)
{
    sqlite3 *db;
    sqlite3_open(":memory:", &db);
    sqlite3_stmt *stmt;
    sqlite3_prepare_v2(db, "SELECT json(?)", -1, &stmt, NULL);
    sqlite3_bind_text(stmt, 1, json, -1, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
    char *out = strdup((const char *)sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

static int64_t import_text(const char *json, const char *slug)
{
    struct session doc;
    ck_assert_msg(store_parse_session_file(json, strlen(json), &doc, err, sizeof err) == 0, "%s",
                  err);
    char *made = NULL;
    ck_assert_msg(store_import_session(st, &doc, slug, &made) == 0, "%s", store_error(st));
    session_free(&doc);
    int64_t id;
    ck_assert_int_eq(store_find_session(st, made, &id), 0);
    free(made);
    return id;
}

static char *export_of(int64_t id)
{
    char *json;
    ck_assert_int_eq(store_export_json(st, id, &json), 0);
    return json;
}

/* Rows in every table that holds session data: a refused import adds none. */
static int rows_everywhere(void)
{
    sqlite3 *db;
    sqlite3_open(db_path, &db);
    sqlite3_stmt *stmt;
    sqlite3_prepare_v2(db,
                       "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM participants)"
                       " + (SELECT count(*) FROM inputs) + (SELECT count(*) FROM votes)"
                       " + (SELECT count(*) FROM decisions) + (SELECT count(*) FROM events)",
                       -1, &stmt, NULL);
    sqlite3_step(stmt);
    int n = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
}

START_TEST(example_round_trips_exactly)
{
    size_t len;
    char *example = data_file("examples/demo.json", &len);
    int64_t id = import_text(example, NULL);
    char *exported = export_of(id);
    char *expected = minified(example);
    ck_assert_str_eq(exported, expected);

    /* and again: export, import as another session, export */
    int64_t copy = import_text(exported, "copy");
    char *again = export_of(copy);
    ck_assert_str_eq(again, exported);
    free(again);
    free(expected);
    free(exported);
    free(example);
}
END_TEST

START_TEST(example_loads_as_expected)
{
    size_t len;
    char *example = data_file("examples/demo.json", &len);
    int64_t id = import_text(example, NULL);
    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    ck_assert_str_eq(s.slug, "replyline-positioning-workshop");
    ck_assert_uint_eq(s.participant_count, 6);
    ck_assert_uint_ge(s.input_count, 50);
    ck_assert_uint_ge(s.vote_count, 6);
    ck_assert_ptr_nonnull(s.decisions[STEP_ALTERNATIVES]);
    ck_assert(!s.locked);
    /* roles from several departments, two of them in sales */
    int sales = 0;
    for (size_t i = 0; i < s.participant_count; i++)
        sales += s.participants[i].role == ROLE_SALES;
    ck_assert_int_eq(sales, 2);
    session_free(&s);
    free(example);
}
END_TEST

static const char locked_doc[] =
    "{\"format\": \"samesong-session/1\", \"name\": \"Locked one\", \"product\": \"P\","
    " \"mode\": \"solo\","
    " \"participants\": [{\"name\": \"Ana\", \"role\": \"ceo\"}],"
    " \"inputs\": [{\"participant\": \"Ana\", \"step\": \"value\", \"text\": \"Speed\"}],"
    " \"votes\": [],"
    " \"decisions\": [{\"step\": \"alternatives\", \"text\": \"a\"},"
    "   {\"step\": \"capabilities\", \"text\": \"b\"}, {\"step\": \"value\", \"text\": \"c\"},"
    "   {\"step\": \"customers\", \"text\": \"d\"}, {\"step\": \"category\", \"text\": \"e\\nf\"}],"
    " \"narrative\": \"Line one\\nLine two\", \"locked\": true}";

START_TEST(locked_session_round_trips_locked)
{
    int64_t id = import_text(locked_doc, NULL);
    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    ck_assert(s.locked);
    ck_assert(s.solo);
    ck_assert_str_eq(s.narrative, "Line one\nLine two");
    session_free(&s);
    ck_assert_int_eq(store_add_input(st, id, "Ana", -1, STEP_VALUE, "more", NULL), -1);
    /* The export is the file as it was, sealed with the SHA-256 of exactly
     * that document (worked out here independently of the store). */
    char *exported = export_of(id);
    char *content = minified(locked_doc);
    char hex[SHA256_HEX_LEN + 1];
    sha256_hex(content, strlen(content), hex);
    content[strlen(content) - 1] = '\0'; /* the closing brace */
    char expected[4096];
    snprintf(expected, sizeof expected, "%s,\"lock_digest\":\"sha256:%s\"}", content, hex);
    ck_assert_str_eq(exported, expected);
    free(exported);
    free(content);
}
END_TEST

START_TEST(sealed_file_imports_only_unchanged)
{
    char *sealed = export_of(import_text(locked_doc, NULL));
    /* the same file imports again, and keeps its digest */
    int64_t copy = import_text(sealed, "copy");
    char *again = export_of(copy);
    ck_assert_str_eq(again, sealed);
    /* one word changed after locking: refused, nothing written */
    char *forged = strdup(sealed);
    memcpy(strstr(forged, "Speed"), "Sleep", 5);
    int before = rows_everywhere();
    struct session doc;
    ck_assert_int_eq(store_parse_session_file(forged, strlen(forged), &doc, err, sizeof err), 0);
    char *made = NULL;
    ck_assert_int_eq(store_import_session(st, &doc, "forged", &made), -1);
    ck_assert_msg(strstr(store_error(st), "changed after it was locked"), "%s", store_error(st));
    ck_assert_int_eq(rows_everywhere(), before);
    session_free(&doc);
    free(forged);
    free(again);
    free(sealed);
}
END_TEST

START_TEST(capability_tags_round_trip)
{
    static const char doc[] =
        "{\"format\":\"samesong-session/1\",\"name\":\"Tags\",\"product\":\"\",\"mode\":\"workshop\","
        "\"participants\":[],\"inputs\":[],\"votes\":[],\"decisions\":[],\"narrative\":\"\","
        "\"locked\":false,\"capability_tags\":[{\"group\":\"AI auto-replies\",\"tag\":\"roadmap\"},"
        "{\"group\":\"Order lookup\",\"tag\":\"today\"}]}";
    int64_t id = import_text(doc, NULL);
    char *exported = export_of(id);
    ck_assert_str_eq(exported, doc);
    free(exported);
    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    ck_assert_uint_eq(s.tag_count, 2);
    ck_assert_str_eq(s.tags[0].tag, "roadmap");
    session_free(&s);
    ck_assert_int_eq(store_set_capability_tag(st, id, "Order lookup", "not planned"), 0);
    ck_assert_int_eq(store_set_capability_tag(st, id, "Order lookup", "someday"), -1);
    ck_assert_int_eq(store_set_capability_tag(st, id, "AI auto-replies", NULL), 0);
    exported = export_of(id);
    ck_assert_ptr_nonnull(strstr(exported, "\"capability_tags\":[{\"group\":\"Order lookup\","
                                           "\"tag\":\"not planned\"}]}"));
    free(exported);
}
END_TEST

START_TEST(optional_fields_take_defaults)
{
    int64_t id = import_text("{\"format\": \"samesong-session/1\", \"name\": \"Bare\"}", NULL);
    char *exported = export_of(id);
    ck_assert_str_eq(exported, "{\"format\":\"samesong-session/1\",\"name\":\"Bare\",\"product\":\"\","
                               "\"mode\":\"workshop\",\"participants\":[],\"inputs\":[],\"votes\":[],"
                               "\"decisions\":[],\"narrative\":\"\",\"locked\":false}");
    free(exported);
}
END_TEST

START_TEST(markdown_canvas_shows_decisions_and_answers)
{
    size_t len;
    char *example = data_file("examples/demo.json", &len);
    int64_t id = import_text(example, NULL);
    struct step_text steps[STEP_COUNT];
    char *path = malloc(4096);
    snprintf(path, 4096, "%s/steps.json", getenv("SAMESONG_DATA_DIR"));
    ck_assert_int_eq(store_load_steps(path, steps, err, sizeof err), 0);
    struct session s;
    ck_assert_int_eq(store_load_session(st, id, &s), 0);
    char *md = report_markdown(&s, steps);
    ck_assert_ptr_nonnull(strstr(md, "# Positioning canvas: Replyline positioning workshop\n"));
    ck_assert_ptr_nonnull(strstr(md, "## 1. Competitive alternatives\n"));
    ck_assert_ptr_nonnull(strstr(md, "## 5. Market category\n\n_In what market context"));
    ck_assert_ptr_nonnull(strstr(md, "**Decision:** Our main rival is the status quo"));
    ck_assert_ptr_nonnull(strstr(md, "**Decision:** _not decided yet_"));
    ck_assert_ptr_nonnull(strstr(md, "- **Tom** (Sales)\n  - Gorgias.io\n  - Richpanel\n"
                                     "  - Excel + email (group: Spreadsheets)\n"));
    ck_assert_ptr_nonnull(strstr(md, "## Sales pitch\n\n_Not written yet._"));
    ck_assert_ptr_null(strstr(md, "## Sales narrative")); /* none was written */
    ck_assert_ptr_nonnull(strstr(md, "## Alignment\n\nOverall alignment: "));
    ck_assert_ptr_nonnull(strstr(md, "| Competitive alternatives | 25.3% | 6 of 6 |\n"));
    ck_assert_ptr_nonnull(strstr(md, "| Market category (weakest) | 11.1% | 6 of 6 |\n"));
    ck_assert_ptr_nonnull(strstr(md, "\nLeast aligned: "));
    free(md);
    session_free(&s);

    /* user text cannot inject Markdown markup */
    int64_t other = import_text("{\"format\": \"samesong-session/1\", \"name\": \"*Bold* <b>\","
                                " \"participants\": [{\"name\": \"A_b\", \"role\": \"sales\"}],"
                                " \"inputs\": [{\"participant\": \"A_b\", \"step\": \"value\","
                                " \"text\": \"[link](x) # not a heading\"}]}", "md");
    ck_assert_int_eq(store_load_session(st, other, &s), 0);
    md = report_markdown(&s, steps);
    ck_assert_ptr_nonnull(strstr(md, "# Positioning canvas: \\*Bold\\* \\<b\\>\n"));
    ck_assert_ptr_nonnull(strstr(md, "- **A\\_b** (Sales)\n  - \\[link\\](x) \\# not a heading\n"));
    free(md);
    session_free(&s);
    store_steps_free(steps);
    free(path);
    free(example);
}
END_TEST

/* A bad file and the error it must give. */
struct bad_case {
    const char *json;
    const char *error;
};

#define HEAD "{\"format\": \"samesong-session/1\", \"name\": \"N\", "
#define PEOPLE "\"participants\": [{\"name\": \"Maya\", \"role\": \"ceo\"}], "
#define LONG_NAME_SHOWN "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcde" /* 57 */
#define LONG_NAME LONG_NAME_SHOWN "fghijklmnopqrstuvwxyz"


static const struct bad_case bad_cases[] = {
    {"", "not a session file: not valid JSON (the file is empty)"},
    {"   \n", "not a session file: not valid JSON (cut short, or not JSON at all)"},
    {"[1, 2]", "not a session file: expected a JSON object, found an array"},
    {HEAD PEOPLE "\"inputs\": [", "not a session file: not valid JSON (cut short, or not JSON at all)"},
    {"{\"format\": \"samesong-session/1\", \"name\": \"N\"} trailing",
     "not a session file: not valid JSON (cut short, or not JSON at all)"},
    {HEAD PEOPLE "\"inputs\": [{\"participant\": \"Maya\", \"step\": \"value\","
                 " \"text\": \"a\\u0000b\"}]}",
     "a string contains \\u0000, control character U+0000"},
    {"{\"format\": \"samesong-session/1\", \"name\": \"cut\\u0000off\"}",
     "a string contains \\u0000, control character U+0000"},
    {HEAD PEOPLE "\"votes\": [{\"participant\": \"Maya\", \"step\": \"value\","
                 " \"ranking\": [\"a\\u0000\"]}]}",
     "a string contains \\u0000, control character U+0000"},
    {"{\"name\": \"N\"}", "missing \"format\""},
    {"{}", "missing \"format\""},
    {"{\"format\": \"samesong-session/2\", \"name\": \"N\"}",
     "format: expected \"samesong-session/1\", found \"samesong-session/2\""},
    {"{\"format\": \"samesong-session/1\"}", "missing \"name\""},
    {HEAD "\"colour\": \"red\"}", "colour: unknown field"},
    /* a field's name is the file's text too: shown safe and short (found by fuzz/import-fuzzer) */
    {HEAD "\"\\u001b]0;title\\u0007\": 1}", "\"^[]0;title^G\": unknown field"},
    {HEAD PEOPLE "\"inputs\": [{\"bad \xff key\": 1}]}",
     "inputs[0].\"bad \xEF\xBF\xBD key\": unknown field"},
    {HEAD "\"" LONG_NAME "\": 1}", "\"" LONG_NAME_SHOWN "...\": unknown field"},
    {HEAD "\"name\": \"again\"}", "name: given twice"},
    {"{\"format\": \"samesong-session/1\", \"name\": 7}", "name: expected a string, found a number"},
    {"{\"format\": \"samesong-session/1\", \"name\": \"  \"}", "name: empty text"},
    {HEAD "\"mode\": \"team\"}", "mode: \"team\" is not a mode; modes are workshop, solo"},
    {HEAD "\"locked\": \"yes\"}", "locked: expected a boolean, found a string"},
    {HEAD "\"participants\": {}}", "participants: expected an array, found an object"},
    {HEAD "\"participants\": [\"Maya\"]}", "participants[0]: expected an object, found a string"},
    {HEAD "\"participants\": [{\"name\": \"Maya\"}]}", "participants[0]: missing \"role\""},
    {HEAD "\"participants\": [{\"name\": \"Maya\", \"role\": \"cfo\"}]}",
     "participants[0].role: \"cfo\" is not a role; roles are ceo, marketing, sales, product, "
     "success, other"},
    {HEAD "\"participants\": [{\"name\": \"Maya\", \"role\": \"ceo\"},"
          " {\"name\": \" Maya \", \"role\": \"sales\"}]}",
     "participants[1].name: \"Maya\" is listed twice"},
    {HEAD "\"participants\": [{\"name\": \"Sam Lee\", \"role\": \"ceo\"},"
          " {\"name\": \"SAM  LEE\", \"role\": \"sales\"}]}",
     "participants[1].name: \"SAM LEE\" is listed twice"},
    {HEAD "\"participants\": [{\"name\": \"Maya\", \"role\": \"ceo\", \"age\": 40}]}",
     "participants[0].age: unknown field"},
    {HEAD PEOPLE "\"inputs\": [{\"participant\": \"Maya\", \"step\": \"value\", \"text\": \"a\"},"
                 " {\"participant\": \"Maya\", \"step\": \"value\", \"text\": \"b\"},"
                 " {\"participant\": \"Maya\", \"step\": \"value\", \"text\": \"c\"},"
                 " {\"participant\": \"Maya\", \"step\": \"alternative\", \"text\": \"d\"}]}",
     "inputs[3].step: \"alternative\" is not a step; steps are alternatives, capabilities, value, "
     "customers, category"},
    {HEAD PEOPLE "\"inputs\": [{\"participant\": \"Bob\", \"step\": \"value\", \"text\": \"a\"}]}",
     "inputs[0].participant: \"Bob\" is not in participants"},
    {HEAD PEOPLE "\"inputs\": [{\"participant\": \"Maya\", \"step\": \"value\", \"text\": \"\"}]}",
     "inputs[0].text: empty text"},
    {HEAD PEOPLE "\"inputs\": [{\"participant\": \"Maya\", \"step\": \"value\","
                 " \"text\": \"red \\u001b[31m\"}]}",
     "inputs[0].text: control character U+001B at character 5"},
    {HEAD PEOPLE "\"inputs\": [{\"participant\": \"Maya\", \"step\": \"value\","
                 " \"text\": \"bad \xff byte\"}]}",
     "inputs[0].text: invalid UTF-8 at byte 5"},
    {HEAD PEOPLE "\"inputs\": [{\"participant\": \"Maya\", \"step\": \"value\","
                 " \"text\": \"two\\nlines\"}]}",
     "inputs[0].text: control character U+000A at character 4"},
    {HEAD PEOPLE "\"inputs\": [{\"participant\": \"Maya\", \"step\": \"value\", \"text\": \"a\","
                 " \"group\": 3}]}",
     "inputs[0].group: expected a string, found a number"},
    {HEAD PEOPLE "\"inputs\": [{\"participant\": \"Maya\", \"text\": \"a\"}]}",
     "inputs[0]: missing \"step\""},
    {HEAD PEOPLE "\"votes\": [{\"participant\": \"Maya\", \"step\": \"value\", \"ranking\": \"a\"}]}",
     "votes[0].ranking: expected an array, found a string"},
    {HEAD PEOPLE "\"votes\": [{\"participant\": \"Maya\", \"step\": \"value\", \"ranking\": []}]}",
     "votes[0].ranking: empty; a vote ranks at least one group"},
    {HEAD PEOPLE "\"votes\": [{\"participant\": \"Maya\", \"step\": \"value\","
                 " \"ranking\": [\"a\", \"b\", \"a\"]}]}",
     "votes[0].ranking[2]: \"a\" is listed twice"},
    {HEAD PEOPLE "\"votes\": [{\"participant\": \"Maya\", \"step\": \"value\", \"ranking\": [1]}]}",
     "votes[0].ranking[0]: expected a string, found a number"},
    {HEAD PEOPLE "\"votes\": [{\"participant\": \"Maya\", \"step\": \"value\", \"ranking\": [\"a\"]},"
                 " {\"participant\": \"Maya\", \"step\": \"value\", \"ranking\": [\"b\"]}]}",
     "votes[1]: \"Maya\" has two votes for value"},
    {HEAD "\"decisions\": [{\"step\": \"value\", \"text\": \"a\"}, {\"step\": \"value\", \"text\": \"b\"}]}",
     "decisions[1].step: value has two decisions"},
    {HEAD "\"decisions\": [{\"step\": \"value\", \"text\": \" \"}]}", "decisions[0].text: empty text"},
    {HEAD "\"locked\": true, \"decisions\": [{\"step\": \"value\", \"text\": \"a\"}]}",
     "locked: a locked session needs a decision for every step; alternatives has none"},
    {HEAD "\"lock_digest\": \"sha256:00\"}", "lock_digest: only a locked session has one"},
    {HEAD "\"locked\": true, \"lock_digest\": \"md5:1\"}",
     "lock_digest: expected \"sha256:\" and 64 hex digits"},
    {HEAD "\"mode\": \"solo\", \"participants\": [{\"name\": \"A\", \"role\": \"ceo\"},"
          " {\"name\": \"B\", \"role\": \"sales\"}]}",
     "participants: a solo session has at most one participant, not 2"},
    {HEAD "\"narrative\": \"a\\u0007b\"}", "narrative: control character U+0007 at character 2"},
    {HEAD "\"capability_tags\": [{\"group\": \"AI\", \"tag\": \"someday\"}]}",
     "capability_tags[0].tag: \"someday\" is not a tag; tags are today, roadmap, not planned"},
    {HEAD "\"capability_tags\": [{\"group\": \"AI\", \"tag\": \"today\"},"
          " {\"group\": \"AI\", \"tag\": \"roadmap\"}]}",
     "capability_tags[1].group: \"AI\" is tagged twice"},
    {HEAD "\"capability_tags\": [{\"tag\": \"today\"}]}", "capability_tags[0]: missing \"group\""},
};

START_TEST(bad_file_is_refused_without_a_write)
{
    const struct bad_case *c = &bad_cases[_i];
    size_t before = (size_t)rows_everywhere();
    struct session doc;
    int rc = store_parse_session_file(c->json, strlen(c->json), &doc, err, sizeof err);
    ck_assert_msg(rc == -1, "case %d was accepted: %s", _i, c->json);
    ck_assert_msg(strcmp(err, c->error) == 0, "case %d:\n got  %s\n want %s", _i, err, c->error);
    ck_assert_uint_eq((size_t)rows_everywhere(), before);
}
END_TEST

START_TEST(nul_byte_is_refused)
{
    static const char json[] = "{\"format\": \"samesong-session/1\", \"name\": \"N\0\"}";
    struct session doc;
    ck_assert_int_eq(store_parse_session_file(json, sizeof json - 1, &doc, err, sizeof err), -1);
    ck_assert_str_eq(err, "not a session file: it contains a NUL byte");
}
END_TEST

START_TEST(escaped_backslash_is_not_a_nul)
{
    /* "back\\u0000slash" in JSON is a backslash followed by the letters u0000 */
    static const char json[] = "{\"format\": \"samesong-session/1\", \"name\": \"back\\\\u0000slash\"}";
    struct session doc;
    ck_assert_msg(store_parse_session_file(json, sizeof json - 1, &doc, err, sizeof err) == 0, "%s", err);
    ck_assert_str_eq(doc.name, "back\\u0000slash");
    session_free(&doc);
}
END_TEST

/* A string longer than any field is refused by its length before SQLite
 * reads the file: 50 MB took 10 s and 540 MB to refuse after decoding. */
START_TEST(string_longer_than_any_field_is_refused_unread)
{
    static const char head[] = "{\"format\": \"samesong-session/1\", \"name\": \"";
    size_t n = 2 * 1024 * 1024;
    char *json = malloc(sizeof head + n + 3);
    memcpy(json, head, sizeof head - 1);
    memset(json + sizeof head - 1, 'a', n);
    memcpy(json + sizeof head - 1 + n, "\"}", 3);
    struct session doc;
    ck_assert_int_eq(store_parse_session_file(json, strlen(json), &doc, err, sizeof err), -1);
    ck_assert_str_eq(err, "byte 43: a string of 2097152 bytes; no field holds more than 20000 "
                          "characters");
    /* cut short, the string still counts to the end of the file */
    json[sizeof head - 1 + n] = '\0';
    ck_assert_int_eq(store_parse_session_file(json, strlen(json), &doc, err, sizeof err), -1);
    ck_assert_str_eq(err, "byte 43: a string of 2097152 bytes; no field holds more than 20000 "
                          "characters");
    free(json);
}
END_TEST

START_TEST(byte_order_mark_is_skipped)
{
    static const char json[] = "\xEF\xBB\xBF{\"format\": \"samesong-session/1\", \"name\": \"BOM\"}";
    struct session doc;
    ck_assert_int_eq(store_parse_session_file(json, sizeof json - 1, &doc, err, sizeof err), 0);
    ck_assert_str_eq(doc.name, "BOM");
    session_free(&doc);
}
END_TEST

START_TEST(duplicate_slug_on_import_writes_nothing)
{
    size_t len;
    char *example = data_file("examples/demo.json", &len);
    import_text(example, NULL);
    int before = rows_everywhere();
    struct session doc;
    ck_assert_int_eq(store_parse_session_file(example, len, &doc, err, sizeof err), 0);
    char *made = NULL;
    ck_assert_int_eq(store_import_session(st, &doc, NULL, &made), -1);
    ck_assert_ptr_null(made);
    ck_assert_str_eq(store_error(st), "a session with slug replyline-positioning-workshop already "
                                      "exists; choose another with --slug");
    session_free(&doc);
    ck_assert_int_eq(rows_everywhere(), before);
    free(example);
}
END_TEST

START_TEST(error_quotes_are_safe_and_short)
{
    static const char json[] = HEAD "\"mode\": \"\\u001b]0;evil\\u0007 and a very long mode name "
                                    "that goes on and on and on\"}";
    struct session doc;
    ck_assert_int_eq(store_parse_session_file(json, strlen(json), &doc, err, sizeof err), -1);
    ck_assert_ptr_null(strchr(err, '\x1b'));
    ck_assert_ptr_nonnull(strstr(err, "mode: \"^[]0;evil^G and a very long"));
    ck_assert_ptr_nonnull(strstr(err, "...\" is not a mode"));
}
END_TEST

static Suite *transfer_suite(void)
{
    Suite *s = suite_create("transfer");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, example_round_trips_exactly);
    tcase_add_test(tc, example_loads_as_expected);
    tcase_add_test(tc, locked_session_round_trips_locked);
    tcase_add_test(tc, sealed_file_imports_only_unchanged);
    tcase_add_test(tc, optional_fields_take_defaults);
    tcase_add_test(tc, capability_tags_round_trip);
    tcase_add_test(tc, markdown_canvas_shows_decisions_and_answers);
    tcase_add_loop_test(tc, bad_file_is_refused_without_a_write, 0,
                        (int)(sizeof bad_cases / sizeof bad_cases[0]));
    tcase_add_test(tc, nul_byte_is_refused);
    tcase_add_test(tc, byte_order_mark_is_skipped);
    tcase_add_test(tc, string_longer_than_any_field_is_refused_unread);
    tcase_add_test(tc, escaped_backslash_is_not_a_nul);
    tcase_add_test(tc, duplicate_slug_on_import_writes_nothing);
    tcase_add_test(tc, error_quotes_are_safe_and_short);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(transfer_suite(), "check_transfer");
}
