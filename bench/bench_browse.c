/* bench_browse.c: a reviewer's speed on a large file: 10,000 sessions of about
 * 60 answers. Times, on this machine: the session list drawn after start (the
 * real program on a pseudo-terminal), a search, opening a session, and memory;
 * then the same queries in the sqlite3 shell, for scale.
 * Targets: list drawn within 50 ms, search 20 ms, open 20 ms, memory 20 MB.
 * Usage: bench_browse PATH-TO-SAMESONG [DB] (the file is made when missing). */
#include "align.h"
#include "store.h"
#include "util.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SESSIONS 10000
#define PEOPLE 6
#define ANSWERS_EACH 10 /* 6 people x 10 = 60 answers a session */
#define RUNS 15

static const char *const words[] = {
    "spreadsheets", "email", "inbox", "zendesk", "gorgias", "agent", "order", "lookup", "ticket",
    "refund", "shopify", "brand", "faster", "answers", "cheaper", "pricing", "store", "macro",
    "returns", "tracking", "chat", "intern", "status", "quo", "platform", "help", "desk",
};
#define WORD_COUNT (sizeof words / sizeof words[0])

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, by_value);
    return v[n / 2];
}

/* Fills the file in one transaction, through SQL: the store's own triggers
 * still index every answer for search. */
static void generate(const char *path)
{
    struct store *st;
    char err[512];
    if (store_open(path, 0, &st, err, sizeof err) < 0) {
        fprintf(stderr, "bench_browse: %s\n", err);
        exit(1);
    }
    store_close(st);
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_exec(db, "PRAGMA synchronous = OFF; BEGIN", NULL, NULL, NULL);
    sqlite3_stmt *session, *person, *answer, *decision;
    sqlite3_prepare_v2(db, "INSERT INTO sessions (slug, name, product) VALUES (?, ?, ?)", -1,
                       &session, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO participants (session_id, name, role, position)"
                           " VALUES (?, ?, ?, ?)", -1, &person, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO inputs (participant_id, step, position, text)"
                           " VALUES (?, ?, ?, ?)", -1, &answer, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO decisions (session_id, step, text) VALUES (?, ?, ?)",
                       -1, &decision, NULL);
    static const char *const roles[PEOPLE] = {"ceo", "marketing", "sales", "sales", "product",
                                              "success"};
    unsigned seed = 7;
    for (int s = 0; s < SESSIONS; s++) {
        char slug[32], name[64], product[32];
        snprintf(slug, sizeof slug, "session-%05d", s);
        snprintf(name, sizeof name, "Positioning %s %d", s % 2 ? "review" : "workshop", s);
        snprintf(product, sizeof product, "Product %d", s % 40);
        sqlite3_bind_text(session, 1, slug, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(session, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(session, 3, product, -1, SQLITE_TRANSIENT);
        sqlite3_step(session);
        sqlite3_reset(session);
        int64_t sid = sqlite3_last_insert_rowid(db);
        for (int p = 0; p < PEOPLE; p++) {
            char who[16];
            snprintf(who, sizeof who, "Person %d", p + 1);
            sqlite3_bind_int64(person, 1, sid);
            sqlite3_bind_text(person, 2, who, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(person, 3, roles[p], -1, SQLITE_STATIC);
            sqlite3_bind_int(person, 4, p);
            sqlite3_step(person);
            sqlite3_reset(person);
            int64_t pid = sqlite3_last_insert_rowid(db);
            for (int a = 0; a < ANSWERS_EACH; a++) {
                char text[96];
                seed = seed * 1103515245u + 12345u;
                snprintf(text, sizeof text, "%s %s %s", words[(seed >> 8) % WORD_COUNT],
                         words[(seed >> 16) % WORD_COUNT], words[(seed >> 24) % WORD_COUNT]);
                sqlite3_bind_int64(answer, 1, pid);
                sqlite3_bind_text(answer, 2, session_steps[a % STEP_COUNT].id, -1, SQLITE_STATIC);
                sqlite3_bind_int(answer, 3, a);
                sqlite3_bind_text(answer, 4, text, -1, SQLITE_TRANSIENT);
                sqlite3_step(answer);
                sqlite3_reset(answer);
            }
        }
        sqlite3_bind_int64(decision, 1, sid);
        sqlite3_bind_text(decision, 2, "alternatives", -1, SQLITE_STATIC);
        sqlite3_bind_text(decision, 3, "Spreadsheets and the status quo", -1, SQLITE_STATIC);
        sqlite3_step(decision);
        sqlite3_reset(decision);
    }
    sqlite3_finalize(session);
    sqlite3_finalize(person);
    sqlite3_finalize(answer);
    sqlite3_finalize(decision);
    sqlite3_exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    sqlite3_close(db);
}

/* The real program, on a pseudo-terminal (script(1)), until its first screen
 * is drawn: wall time and peak memory of the child. */
static void time_first_draw(const char *program, const char *path, double *ms, long *rss_kb)
{
    double times[RUNS];
    long rss = 0;
    for (int i = 0; i < RUNS; i++) {
        char *cmd = xasprintf("SAMESONG_QUIT_AFTER_DRAW=1 TERM=xterm-256color script -qec "
                              "\"%s --db %s browse\" /dev/null >/dev/null 2>&1",
                              program, path);
        double t0 = now_ms();
        int status = system(cmd);
        times[i] = now_ms() - t0;
        free(cmd);
        if (status != 0) {
            fprintf(stderr, "bench_browse: %s did not run on a pseudo-terminal\n", program);
            exit(1);
        }
        struct rusage ru;
        getrusage(RUSAGE_CHILDREN, &ru);
        rss = ru.ru_maxrss; /* the largest of the children so far, in kB */
    }
    *ms = median(times, RUNS);
    *rss_kb = rss;
}

/* The same in the sqlite3 shell, for scale (its start-up included). */
static double time_shell(const char *path, const char *sql)
{
    double times[5];
    for (int i = 0; i < 5; i++) {
        char *cmd = xasprintf("sqlite3 -readonly %s \"%s\" >/dev/null 2>&1", path, sql);
        double t0 = now_ms();
        int rc = system(cmd);
        times[i] = now_ms() - t0;
        free(cmd);
        if (rc != 0)
            return -1;
    }
    return median(times, 5);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_browse PATH-TO-SAMESONG [DB]\n");
        return 2;
    }
    const char *path = argc > 2 ? argv[2] : "bench-browse.db";
    if (access(path, F_OK) != 0) {
        double t0 = now_ms();
        generate(path);
        printf("bench_browse: made %s: %d sessions x %d answers in %.1f s\n", path, SESSIONS,
               PEOPLE * ANSWERS_EACH, (now_ms() - t0) / 1000);
    }
    struct store *st;
    char err[512];
    if (store_open(path, STORE_READ_ONLY, &st, err, sizeof err) < 0) {
        fprintf(stderr, "bench_browse: %s\n", err);
        return 1;
    }
    /* the last names a person: their answers holding the word, then any text */
    static const char *const queries[] = {"gorgias pricing", "refund", "status quo", "shopify tick",
                                          "person refund"};
    enum { QUERIES = sizeof queries / sizeof queries[0] };
    double search[RUNS * QUERIES], open[RUNS];
    size_t hits = 0;
    for (int i = 0; i < RUNS * QUERIES; i++) {
        struct search_hit *h;
        size_t n;
        double t0 = now_ms();
        store_search(st, queries[i % QUERIES], 50, &h, &n);
        search[i] = now_ms() - t0;
        hits += n;
        store_search_free(h, n);
    }
    for (int i = 0; i < RUNS; i++) {
        struct session s;
        struct alignment a;
        double t0 = now_ms();
        store_load_session(st, 1 + (i * 613) % SESSIONS, &s);
        align_session(&s, &a);
        open[i] = now_ms() - t0;
        alignment_free(&a);
        session_free(&s);
    }
    store_close(st);
    double draw_ms, pty_ms;
    long rss_kb;
    time_first_draw(argv[1], path, &draw_ms, &rss_kb);
    /* What script(1) and a shell cost by themselves, to take off. */
    double pty[RUNS];
    for (int i = 0; i < RUNS; i++) {
        double t0 = now_ms();
        if (system("script -qec true /dev/null >/dev/null 2>&1") != 0)
            break;
        pty[i] = now_ms() - t0;
    }
    pty_ms = median(pty, RUNS);
    draw_ms -= pty_ms;

    printf("bench_browse: %d sessions, %d answers each\n", SESSIONS, PEOPLE * ANSWERS_EACH);
    printf("  session list drawn after start: %6.1f ms  (target 50 ms; the program on a "
           "pseudo-terminal, less %.1f ms that script(1) takes by itself)\n", draw_ms, pty_ms);
    double by_name[RUNS];
    for (int i = 0; i < RUNS; i++)
        by_name[i] = search[i * QUERIES + QUERIES - 1];
    printf("  search (%d queries, %zu hits):   %6.2f ms  (target 20 ms; median)\n", (int)QUERIES,
           hits, median(search, RUNS * QUERIES));
    printf("  search naming a person:         %6.2f ms  (\"%s\"; median)\n", median(by_name, RUNS),
           queries[QUERIES - 1]);
    printf("  open a session and align it:   %6.2f ms  (target 20 ms; median)\n",
           median(open, RUNS));
    printf("  memory of the program:         %6.1f MB  (target 20 MB; peak RSS)\n",
           (double)rss_kb / 1024.0);
    double shell_list = time_shell(path, "SELECT s.id, s.slug, s.name, (SELECT count(*) FROM "
                                         "participants p WHERE p.session_id = s.id) FROM sessions s "
                                         "ORDER BY s.created_at DESC, s.id DESC");
    double shell_search = time_shell(path, "SELECT rowid FROM search WHERE search MATCH "
                                           "'\\\"gorgias\\\" \\\"pricing\\\"' LIMIT 50");
    double shell_open = time_shell(path, "SELECT * FROM inputs i JOIN participants p ON "
                                         "p.id = i.participant_id WHERE p.session_id = 613");
    double shell_nothing = time_shell(path, "SELECT 1");
    if (shell_nothing >= 0)
        printf("  the sqlite3 shell, same queries: list %.1f ms, search %.1f ms, open %.1f ms "
               "(its start-up alone: %.1f ms)\n", shell_list, shell_search, shell_open,
               shell_nothing);
    else
        printf("  (no sqlite3 shell here to compare with)\n");
    return draw_ms < 50 && median(search, RUNS * 4) < 20 && median(open, RUNS) < 20 &&
                   rss_kb < 20 * 1024
               ? 0 : 1;
}
