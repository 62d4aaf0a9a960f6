/* import-fuzzer.c: session files (src/store_parse.c) imported into a
 * database (src/store_import.c), whole or not at all. Whatever the JSON:
 * the parser gives a session or a one-line reason safe for a terminal; an
 * import either commits and loading the session back gives everything the
 * file held, or fails and the database has no trace of it: nothing
 * committed (PRAGMA data_version of a second connection stays as it was)
 * and every table as many rows as before. The input is the file. */
#include "fuzz_util.h"
#include "method.h"
#include "pitch.h"
#include "store.h"
#include "util.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FRESH_EVERY 64 /* imports before the database starts again, to stay small and fast */

static char dir[64], path[128];
static struct store *st;
static sqlite3 *watcher; /* a second connection: sees only what was committed */
static int imported;

static void remove_database(void)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-lock", "-journal"};
    char name[160];
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
        snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
        unlink(name);
    }
}

static void fresh_database(void)
{
    char err[512];
    if (watcher)
        sqlite3_close(watcher);
    if (st)
        store_close(st);
    remove_database();
    if (store_open(path, 0, &st, err, sizeof err) < 0)
        fuzz_fail("cannot make a database: %s", err);
    if (sqlite3_open_v2(path, &watcher, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        fuzz_fail("cannot watch the database: %s", sqlite3_errmsg(watcher));
    imported = 0;
}

static void cleanup(void)
{
    sqlite3_close(watcher);
    store_close(st);
    remove_database();
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_locale();
    /* in memory where there is a tmpfs: a commit's fsync costs nothing there */
    snprintf(dir, sizeof dir, "%s/samesong-fuzz-XXXXXX",
             access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
    if (!mkdtemp(dir))
        fuzz_fail("cannot make a folder for the database");
    snprintf(path, sizeof path, "%s/import.db", dir);
    fresh_database();
    atexit(cleanup);
    return 0;
}

static int64_t data_version(void)
{
    sqlite3_stmt *stmt;
    int64_t v = -1;
    if (sqlite3_prepare_v2(watcher, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        v = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return v;
}

/* Every table's name and rows, one line each: what "no trace" compares. */
static char *row_counts(void)
{
    struct strbuf b = {0};
    sqlite3_stmt *tables;
    if (sqlite3_prepare_v2(watcher, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                    " ORDER BY name", -1, &tables, NULL) != SQLITE_OK)
        fuzz_fail("cannot list the tables: %s", sqlite3_errmsg(watcher));
    while (sqlite3_step(tables) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(tables, 0);
        char *sql = sqlite3_mprintf("SELECT count(*) FROM \"%w\"", name);
        sqlite3_stmt *count;
        if (sqlite3_prepare_v2(watcher, sql, -1, &count, NULL) == SQLITE_OK &&
            sqlite3_step(count) == SQLITE_ROW)
            strbuf_printf(&b, "%s %lld\n", name, (long long)sqlite3_column_int64(count, 0));
        sqlite3_finalize(count);
        sqlite3_free(sql);
    }
    sqlite3_finalize(tables);
    return strbuf_take(&b);
}

static int by_line(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static const char *or_none(const char *s)
{
    return s ? s : "(none)";
}

/* What a session holds, one sorted line a thing, names in place of indexes:
 * two sessions with the same description hold the same. */
static char *describe(const struct session *s)
{
    char **lines = NULL;
    size_t n = 0, cap = 0;
#define LINE(...) (*(char **)array_push(&lines, &n, &cap, sizeof *lines) = xasprintf(__VA_ARGS__))
    LINE("session %s|%s|%d|%d|%s", s->name, or_none(s->product), s->solo, s->locked,
         or_none(s->narrative));
    for (size_t i = 0; i < s->participant_count; i++)
        LINE("participant %zu %s|%s", i, s->participants[i].name,
             session_roles[s->participants[i].role].id);
    for (size_t i = 0; i < s->input_count; i++) {
        const struct input *in = &s->inputs[i];
        size_t before = 0; /* its place among its author's answers to the step */
        for (size_t j = 0; j < i; j++)
            before += s->inputs[j].participant == in->participant && s->inputs[j].step == in->step;
        LINE("input %s|%s|%zu|%s|%s", s->participants[in->participant].name,
             session_steps[in->step].id, before, in->text, or_none(in->group));
    }
    for (int k = 0; k < 2; k++) {
        const struct vote *votes = k ? s->rounds : s->votes;
        for (size_t i = 0, count = k ? s->round_count : s->vote_count; i < count; i++) {
            struct strbuf ranking = {0};
            for (size_t r = 0; r < votes[i].ranking_count; r++)
                strbuf_printf(&ranking, "|%s", votes[i].ranking[r]);
            char *text = strbuf_take(&ranking);
            LINE("vote %s|%s|%d%s", s->participants[votes[i].participant].name,
                 session_steps[votes[i].step].id, votes[i].round, text);
            free(text);
        }
    }
    LINE("consensus %.2f", s->consensus);
    for (int i = 0; i < STEP_COUNT; i++)
        LINE("decision %d %s|%s", i, or_none(s->decisions[i]), or_none(s->rationale[i]));
    for (size_t i = 0; i < s->tag_count; i++)
        LINE("tag %s|%s", s->tags[i].group, s->tags[i].tag);
    for (size_t i = 0; i < s->link_count; i++)
        LINE("link %d|%s|%s", (int)s->links[i].step, s->links[i].item, s->links[i].target);
    for (size_t i = 0; i < s->proof_count; i++)
        LINE("proof %s|%d|%s", s->proofs[i].item, (int)s->proofs[i].kind, s->proofs[i].text);
    for (size_t i = 0; i < s->dissent_count; i++)
        LINE("dissent %d|%s|%s", (int)s->dissents[i].step, s->dissents[i].who,
             s->dissents[i].what);
    LINE("positioning %s|%s|%d|%s", or_none(s->champion_role), or_none(s->champion_why),
         (int)s->style, or_none(s->style_why));
    for (int i = 0; i < PITCH_SECTION_COUNT; i++)
        LINE("pitch %d %s", i, or_none(s->pitch[i]));
    for (size_t i = 0; i < s->objection_count; i++)
        LINE("objection %s|%s", s->participants[s->objections[i].participant].name,
             s->objections[i].text);
#undef LINE
    qsort(lines, n, sizeof *lines, by_line);
    struct strbuf b = {0};
    for (size_t i = 0; i < n; i++) {
        strbuf_printf(&b, "%s\n", lines[i]);
        free(lines[i]);
    }
    free(lines);
    return strbuf_take(&b);
}

/* The first line where two descriptions part, for the message. */
static void report_difference(const char *want, const char *got)
{
    size_t i = 0;
    while (want[i] && want[i] == got[i])
        i++;
    while (i > 0 && want[i - 1] != '\n') /* back to the line's start */
        i--;
    fuzz_fail("the imported session differs:\n file:   %.200s\n loaded: %.200s", want + i,
              got + i);
}

static void check_imported(const struct session *doc, const char *slug)
{
    int64_t id;
    struct session loaded;
    if (store_find_session(st, slug, &id) < 0 || store_load_session(st, id, &loaded) < 0)
        fuzz_fail("the imported session %s cannot be loaded: %s", slug, store_error(st));
    char *want = describe(doc), *got = describe(&loaded);
    if (strcmp(want, got) != 0)
        report_difference(want, got);
    FUZZ_CHECK(loaded.locked == doc->locked, "imported %slocked", loaded.locked ? "" : "un");
    free(want);
    free(got);
    session_free(&loaded);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0;
    struct session doc;
    char err[512] = "";
    if (store_parse_session_file((const char *)data, size, &doc, err, sizeof err) < 0) {
        const char *unsafe = fuzz_terminal_unsafe(err, false);
        FUZZ_CHECK(err[0] && !unsafe, "the parser's message is %s", unsafe ? unsafe : "empty");
        return 0;
    }
    if (imported >= FRESH_EVERY)
        fresh_database();
    char *before = row_counts();
    int64_t version = data_version();
    /* a slug of its own: the one derived from the name is taken after the first import */
    static unsigned long attempts;
    char given[32], *slug;
    snprintf(given, sizeof given, "fuzz-%lu", ++attempts);
    if (store_import_session(st, &doc, given, &slug) == 0) {
        imported++;
        FUZZ_CHECK(data_version() != version, "an import said it committed but did not");
        check_imported(&doc, slug);
        free(slug);
    } else {
        const char *why = store_error(st);
        FUZZ_CHECK(why[0] && !fuzz_terminal_unsafe(why, false), "a refusal's message is unsafe");
        FUZZ_CHECK(!slug, "a refused import gave a slug");
        FUZZ_CHECK(data_version() == version, "a refused import committed something: %s", why);
        char *after = row_counts();
        FUZZ_CHECK(strcmp(before, after) == 0, "a refused import left rows:\n%s\nnow\n%s",
                   before, after);
        free(after);
    }
    free(before);
    session_free(&doc);
    return 0;
}
