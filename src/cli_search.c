/* cli_search.c: `samesong search`: find answers, decisions and narratives by their words. */
#include "cli.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "Usage: samesong search WORDS... [--limit N]\n"
    "Find the answers, decisions and narratives of every session that hold all the\n"
    "WORDS (the last may be the start of a word): decisions and narratives first,\n"
    "then the newest answers. Matches are shown\n"
    "between \u00ab and \u00bb.\n"
    "\n"
    "  -n, --limit N     at most N results (default 50)\n"
    "      --db FILE     use FILE as the database\n"
    "      --read-only   open the database read-only\n"
    "  -h, --help        show this help\n";

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

int cli_search(struct cli *cli, int argc, char **argv)
{
    cli->must_exist = true; /* it only reads: it makes no database */
    static const struct option options[] = {
        CLI_COMMON_OPTIONS,
        {"limit", required_argument, NULL, 'n'},
        {0},
    };
    int limit = 50, opt;
    while ((opt = cli_getopt(cli, argc, argv, "hn:", options)) != -1) {
        switch (opt) {
        case 'h': return cli_help(help);
        case 'n':
            limit = atoi(optarg);
            if (limit < 1)
                return cli_usage_error(cli, "--limit needs a number of at least 1");
            break;
        default: return EXIT_USAGE;
        }
    }
    if (optind == argc)
        return cli_usage_error(cli, "missing WORDS");
    struct strbuf words = {0};
    for (int i = optind; i < argc; i++) {
        strbuf_puts(&words, i > optind ? " " : "");
        strbuf_puts(&words, argv[i]);
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
        printf("%s  %s  ", h->slug, h->step >= 0 ? session_steps[h->step].id : "narrative");
        if (h->participant)
            cli_put_safe(stdout, h->participant, false);
        else
            fputs(h->kind, stdout);
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
