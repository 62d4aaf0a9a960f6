/* cli_report.c: `samesong report`: how far apart the room is, step by step. */
#include "align.h"
#include "cli.h"
#include "report.h"

#include <stdlib.h>
#include <string.h>

static int report_run(struct cli *cli, const struct cli_args *args)
{
    struct report_options opt = {cli_flag(args, "ascii"), -1};
    const char *format = cli_arg(args, "format");
    if (format && strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv"))
        return cli_usage_error(cli, "unknown format \"%s\"; formats are text, json, csv", format);
    if (format && cli_flag(args, "json") && strcmp(format, "json"))
        return cli_usage_error(cli, "--json is --format json, not --format %s", format);
    bool json = cli_flag(args, "json") || (format && !strcmp(format, "json"));
    bool csv = format && !strcmp(format, "csv");
    const char *step_id = cli_arg(args, "step");
    if (step_id && (opt.only_step = cli_step(cli, step_id)) < 0)
        return EXIT_FAIL;

    struct step_text steps[STEP_COUNT];
    struct session s;
    struct store *st;
    int rc = cli_load_steps(cli, steps);
    if (rc == EXIT_OK)
        rc = cli_load_session(cli, args->argv[0], &st, &s);
    if (rc == EXIT_OK) {
        struct alignment a;
        align_session(&s, &a);
        char *out = json  ? report_alignment_json(&s, &a, opt.only_step)
                    : csv ? report_alignment_csv(&s, &a, opt.only_step)
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

const struct cli_command cli_report_command = {
    .name = "report",
    .args = "SESSION", .min_args = 1, .max_args = 1,
    .summary = "show how far apart the room is, step by step",
    .description = "Show how far apart the participants are: for each step the alignment, the "
                   "groups everyone named and the lone voices, coverage bars, pair and department "
                   "agreement and the vote results; then the overall alignment and the weakest "
                   "step. The JSON ends with the breaks in the method's chain, as 'samesong "
                   "check' finds them. The CSV is one table for a spreadsheet, a row per "
                   "step, group, pair, pair of departments and place in the vote, named in its "
                   "kind column.",
    .options = {
        {"format", 'f', "FMT", "text (the default), json or csv", false},
        {"json", 'j', NULL, "print one JSON object instead of text (--format json)", false},
        {"step", 's', "STEP", "only this step, one of:\n" STEP_LIST, false},
        {"ascii", 0, NULL, "draw bars with # instead of block characters", false},
    },
    .flags = CLI_READS,
    .run = report_run,
};
