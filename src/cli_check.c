/* cli_check.c: `samesong check`: where the method's chain of decisions breaks. */
#include "chain.h"
#include "cli.h"
#include "json_out.h"
#include "report.h"

#include <stdlib.h>

/* One line a break: its step, then the sentence that names it. */
static void print_text(const struct chain_break *breaks, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        char *said = chain_sentence(&breaks[i]);
        printf("%-12s  ", session_steps[breaks[i].step].id);
        cli_put_safe(stdout, said, false);
        putchar('\n');
        free(said);
    }
    if (count)
        printf("%zu break%s in the chain.\n", count, count == 1 ? "" : "s");
    else
        puts("The chain holds: no breaks.");
}

static int check_run(struct cli *cli, const struct cli_args *args)
{
    struct store *st;
    struct session s;
    int rc = cli_load_session(cli, args->argv[0], &st, &s);
    if (rc != EXIT_OK)
        return rc;
    struct chain_break *breaks;
    size_t count;
    chain_check(&s, &breaks, &count);
    if (cli_flag(args, "json")) {
        struct strbuf b = {0};
        strbuf_puts(&b, "{");
        json_out_key(&b, "session", true);
        json_out_string(&b, s.slug);
        json_out_key(&b, "count", false);
        strbuf_printf(&b, "%zu", count);
        json_out_key(&b, "breaks", false);
        report_chain_json(&b, breaks, count, -1);
        strbuf_puts(&b, "}\n");
        char *out = strbuf_take(&b);
        fputs(out, stdout);
        free(out);
    } else {
        print_text(breaks, count);
    }
    chain_free(breaks, count);
    session_free(&s);
    store_close(st);
    return count ? EXIT_FAIL : EXIT_OK;
}

const struct cli_command cli_check_command = {
    .name = "check",
    .args = "SESSION", .min_args = 1, .max_args = 1,
    .summary = "name every break in the chain of decisions",
    .description = "Walk the positioning method's chain in SESSION (its slug or number) and name "
                   "every break, one line each: a capability that beats no named alternative, a "
                   "value theme with no capability behind it, one resting on a capability tagged "
                   "roadmap or not planned, one with no proof, a customer trait or category tied "
                   "to no value theme. A step not decided yet is one break, and what builds on "
                   "it is not listed item by item. Opens the database read-only. Exits 0 when "
                   "the chain holds, 1 when it breaks (or on an error, said on standard error).",
    .options = {
        {"json", 'j', NULL, "print one JSON object instead of text", false},
    },
    .flags = CLI_READS | CLI_READ_ONLY,
    .run = check_run,
};
