/* cli_search.c: `samesong search`: find any text of any session by its words. */
#include "cli.h"
#include "pitch.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The snippet with the store's match marks shown as guillemets. */
static char *marked(const char *snippet)
{
    struct strbuf b = {0};
    for (const char *p = snippet; *p;) {
        if (!strncmp(p, STORE_MATCH_START, 3)) {
            strbuf_puts(&b, "\u00ab");
            p += 3;
        } else if (!strncmp(p, STORE_MATCH_END, 3)) {
            strbuf_puts(&b, "\u00bb");
            p += 3;
        } else {
            strbuf_add(&b, p++, 1);
        }
    }
    return strbuf_take(&b);
}

/* Where a hit is, one word ("value", "pitch", "objections"), and who said it
 * or what it is ("Lena", "why", "ask"). */
static void where_and_what(const struct search_hit *h, const char **where, const char **what)
{
    bool pitch = !strcmp(h->kind, "pitch"), objection = !strcmp(h->kind, "objection");
    *where = pitch ? "pitch"
             : objection ? "objections"
             : h->step >= 0 ? session_steps[h->step].id : "narrative";
    *what = h->participant ? h->participant
            : pitch && h->section >= 0 ? pitch_section_ids[h->section]
            : !strcmp(h->kind, "rationale") ? "why" : h->kind;
}

static int search_run(struct cli *cli, const struct cli_args *args)
{
    const char *limit_arg = cli_arg(args, "limit");
    int limit = limit_arg ? atoi(limit_arg) : 50;
    if (limit < 1)
        return cli_usage_error(cli, "--limit needs a number of at least 1");
    struct strbuf words = {0};
    for (int i = 0; i < args->argc; i++) {
        strbuf_puts(&words, i > 0 ? " " : "");
        strbuf_puts(&words, args->argv[i]);
    }
    char *query = strbuf_take(&words);
    struct store *st;
    int rc = cli_open_store(cli, &st);
    struct search_hit *hits = NULL;
    size_t count = 0;
    if (rc == EXIT_OK && store_search(st, query, limit, &hits, &count) < 0)
        rc = cli_fail(cli, "%s", store_error(st));
    for (size_t i = 0; rc == EXIT_OK && i < count; i++) {
        const struct search_hit *h = &hits[i];
        char *text = marked(h->snippet);
        const char *where, *what;
        where_and_what(h, &where, &what);
        cli_put_safe(stdout, h->slug, false);
        printf("  %s  ", where);
        cli_put_safe(stdout, what, false);
        fputs(": ", stdout);
        cli_put_safe(stdout, text, false);
        putchar('\n');
        free(text);
    }
    if (rc == EXIT_OK && count == 0)
        printf("Nothing matches.\n");
    store_search_free(hits, count);
    if (st)
        store_close(st);
    free(query);
    return rc;
}

const struct cli_command cli_search_command = {
    .name = "search",
    .args = "WORDS...", .min_args = 1, .max_args = -1,
    .summary = "find answers, decisions, the pitch and the rest of the method by their words",
    .description = "Find the texts of every session that hold all the WORDS (the last may be the "
                   "start of a word): the room's first (decisions, their why, the champion, the "
                   "positioning style, the pitch sections as written, the narrative), then proofs "
                   "and dissents, objections, and the newest answers. A word that names a "
                   "participant finds what they said. In room mode an answer or objection is "
                   "found only once the room has revealed it. Matches are shown between \u00ab "
                   "and \u00bb.",
    .options = {{"limit", 'n', "N", "at most N results (default 50)", false}},
    .flags = CLI_READS,
    .run = search_run,
};
