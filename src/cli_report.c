/* cli_report.c: `samesong report`: how far apart the room is, step by step. */
#include "align.h"
#include "cli.h"
#include "report.h"

#include <stdlib.h>

static const char help[] =
    "Usage: samesong report SESSION [--json] [--step STEP] [--ascii]\n"
    "Show how far apart the participants are: for each step the alignment, the groups\n"
    "everyone named and the lone voices, coverage bars, pair and department agreement\n"
    "and the vote results; then the overall alignment and the weakest step.\n"
    "\n"
    "  -j, --json        print one JSON object instead of text\n"
    "  -s, --step STEP   only this step, one of:\n"
    "                    " STEP_LIST "\n"
    "      --ascii       draw bars with # instead of block characters\n"
    "      --db FILE     use FILE as the database\n"
    "      --read-only   open the database read-only\n"
    "  -h, --help        show this help\n";

int cli_report(struct cli *cli, int argc, char **argv)
{
    cli->must_exist = true; /* it only reads: it makes no database */
    static const struct option options[] = {
        CLI_COMMON_OPTIONS,
        {"json", no_argument, NULL, 'j'},
        {"step", required_argument, NULL, 's'},
        {"ascii", no_argument, NULL, 'A'},
        {0},
    };
    struct report_options opt = {false, -1};
    bool json = false;
    const char *step_id = NULL;
    int o;
    while ((o = cli_getopt(cli, argc, argv, "hjs:", options)) != -1) {
        switch (o) {
        case 'h': return cli_help(help);
        case 'j': json = true; break;
        case 's': step_id = optarg; break;
        case 'A': opt.ascii = true; break;
        default: return EXIT_USAGE;
        }
    }
    if (argc - optind != 1)
        return cli_usage_error(cli, argc == optind ? "missing SESSION" : "give one SESSION");
    if (step_id && (opt.only_step = cli_step(cli, step_id)) < 0)
        return EXIT_FAIL;

    struct step_text steps[STEP_COUNT];
    struct session s;
    struct store *st;
    int rc = cli_load_steps(cli, steps);
    if (rc == EXIT_OK)
        rc = cli_load_session(cli, argv[optind], &st, &s);
    if (rc == EXIT_OK) {
        struct alignment a;
        align_session(&s, &a);
        char *out = json ? report_alignment_json(&s, &a, opt.only_step)
                         : report_alignment_text(&s, &a, steps, &opt);
        fputs(out, stdout);
        free(out);
        alignment_free(&a);
        session_free(&s);
        store_close(st);
    }
    store_steps_free(steps);
    return rc;
}
