/* cli_list.c: `samesong list`: the sessions, newest first, as a table or JSON. */
#include "cli.h"
#include "json_out.h"
#include "paths.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { COL_ID, COL_SLUG, COL_NAME, COL_PRODUCT, COL_MODE, COL_STATUS, COL_PEOPLE, COL_DATE,
       COL_COUNT };
static const char *const headings[COL_COUNT] = {"#",    "SLUG",   "NAME",   "PRODUCT",
                                                "MODE", "STATUS", "PEOPLE", "CREATED"};
/* Columns that give way, widest first, when a row would not fit the terminal. */
static const int shrinkable[] = {COL_NAME, COL_SLUG, COL_PRODUCT};
#define MIN_WIDTH 8

/* Narrows the name, slug and product columns until a row fits in columns. */
static void fit(int widths[COL_COUNT], int columns)
{
    for (;;) {
        int total = 2 * (COL_COUNT - 1);
        for (int c = 0; c < COL_COUNT; c++)
            total += widths[c];
        int widest = -1;
        for (size_t i = 0; i < sizeof shrinkable / sizeof shrinkable[0]; i++) {
            int c = shrinkable[i];
            if (widths[c] > MIN_WIDTH && (widest < 0 || widths[c] > widths[widest]))
                widest = c;
        }
        if (total <= columns || widest < 0)
            return;
        widths[widest]--;
    }
}

static void print_row(char *const cells[COL_COUNT], const int widths[COL_COUNT])
{
    for (int c = 0; c < COL_COUNT; c++) {
        fputs(cells[c], stdout);
        if (c < COL_COUNT - 1)
            printf("%*s", widths[c] - text_width(cells[c]) + 2, "");
    }
    putchar('\n');
}

static void print_table(const struct session_summary *list, size_t count, int columns)
{
    char *(*rows)[COL_COUNT] = xcalloc(count, sizeof *rows);
    int widths[COL_COUNT];
    for (int c = 0; c < COL_COUNT; c++)
        widths[c] = text_width(headings[c]);
    for (size_t i = 0; i < count; i++) {
        const struct session_summary *s = &list[i];
        /* Every column read from the file is made safe: anyone may have edited it. */
        char *date = xstrndup(s->created_at, 10);
        char *cells[COL_COUNT] = {
            xasprintf("%lld", (long long)s->id), text_sanitize(s->slug, false),
            text_sanitize(s->name, false),
            text_sanitize(s->product, false), xstrdup(s->solo ? "solo" : "workshop"),
            xstrdup(s->locked ? "locked" : "open"), xasprintf("%d", s->participants),
            text_sanitize(date, false),
        };
        free(date);
        for (int c = 0; c < COL_COUNT; c++) {
            rows[i][c] = cells[c];
            int w = text_width(cells[c]);
            if (w > widths[c])
                widths[c] = w;
        }
    }
    if (columns > 0)
        fit(widths, columns);
    print_row((char *const *)headings, widths);
    for (size_t i = 0; i < count; i++) {
        for (int c = 0; c < COL_COUNT; c++) {
            char *cut = text_truncate(rows[i][c], widths[c], "...");
            free(rows[i][c]);
            rows[i][c] = cut;
        }
        print_row(rows[i], widths);
        for (int c = 0; c < COL_COUNT; c++)
            free(rows[i][c]);
    }
    free(rows);
}

/* --slugs, for shell completion, which runs it on every Tab: one slug a
 * line, read-only, and nothing at all (exit 0) when there is no database yet. */
static int list_slugs(struct cli *cli)
{
    char *path = cli->db_path ? xstrdup(cli->db_path) : paths_default_db();
    bool missing = !path || access(path, F_OK) != 0;
    free(path);
    if (missing)
        return EXIT_OK;
    cli->read_only = true;
    struct store *st;
    int rc = cli_open_store(cli, &st);
    if (rc != EXIT_OK)
        return rc;
    struct session_summary *list;
    size_t count;
    if (store_list_sessions(st, &list, &count) < 0) {
        rc = cli_fail(cli, "%s", store_error(st));
    } else {
        /* A slug edited into something else would be no word to complete. */
        for (size_t i = 0; i < count; i++)
            if (text_is_slug(list[i].slug))
                printf("%s\n", list[i].slug);
    }
    store_summaries_free(list, count);
    store_close(st);
    return rc;
}

static int list_run(struct cli *cli, const struct cli_args *args)
{
    if (cli_flag(args, "slugs") && cli_flag(args, "json"))
        return cli_usage_error(cli, "give --json or --slugs, not both");
    if (cli_flag(args, "slugs"))
        return list_slugs(cli);
    struct store *st;
    int rc = cli_open_store(cli, &st);
    if (rc != EXIT_OK)
        return rc;
    if (cli_flag(args, "json")) {
        char *text;
        if (store_list_json(st, &text) < 0) {
            rc = cli_fail(cli, "%s", store_error(st));
        } else {
            char *safe = json_out_escape_invisible(text);
            printf("%s\n", safe);
            free(safe);
        }
        free(text);
    } else {
        struct session_summary *list;
        size_t count;
        if (store_list_sessions(st, &list, &count) < 0) {
            rc = cli_fail(cli, "%s", store_error(st));
        } else if (count == 0) {
            char *db = cli_db_hint(cli);
            printf("No sessions yet. Start one with: samesong%s new NAME\n"
                   "or look at the example with:     samesong%s demo\n", db, db);
            free(db);
        } else {
            print_table(list, count, cli_terminal_width());
        }
        store_summaries_free(list, count);
    }
    store_close(st);
    return rc;
}

const struct cli_command cli_list_command = {
    .name = "list",
    .summary = "list the sessions, newest first",
    .description = "List the sessions, newest first: number, slug, name, product, mode, status, "
                   "participants and the date it was created. With --slugs, only the slugs, "
                   "one a line, for shell completion: read-only, and nothing when there is "
                   "no database yet.",
    .options = {{"json", 0, NULL, "print a JSON array instead of a table", false},
                {"slugs", 0, NULL, "print only the slugs, one a line", false}},
    .flags = CLI_READS,
    .run = list_run,
};
