/* cli_round.c: `samesong round`: close the current round of a step's vote so
 * everyone ranks again, and set the W the room reads as consensus; what the
 * votes view's + and = do. */
#include "cli.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>

/* The threshold typed, or NAN after printing why it is none: a Kendall's W
 * in hundredths from 0.01 to 1, as the store keeps it. */
static double parse_threshold(const struct cli *cli, const char *text)
{
    char *end;
    double w = strtod(text, &end);
    if (end == text || *end || !(w > 0 && w <= 1.0) || lround(w * 100.0) < 1) {
        cli_fail(cli, "--threshold %s: the consensus threshold is a Kendall's W from 0.01 to 1, "
                      "such as 0.70", text);
        return NAN;
    }
    return w;
}

/* How many rankings the step's current round has. */
static size_t rankings(const struct session *s, enum step step)
{
    size_t n = 0;
    for (size_t v = 0; v < s->vote_count; v++)
        n += s->votes[v].step == step;
    return n;
}

static int round_run(struct cli *cli, const struct cli_args *args)
{
    const char *step_id = cli_arg(args, "step"), *threshold_text = cli_arg(args, "threshold");
    if (!step_id && !threshold_text)
        return cli_usage_error(cli, "give --step STEP to close its round, --threshold W, or both");
    int step = step_id ? cli_step(cli, step_id) : -1;
    if (step_id && step < 0)
        return EXIT_FAIL;
    double threshold = threshold_text ? parse_threshold(cli, threshold_text) : 0;
    if (isnan(threshold))
        return EXIT_FAIL;

    struct store *st;
    struct session s;
    int rc = cli_load_session(cli, args->argv[0], &st, &s);
    if (rc != EXIT_OK)
        return rc;
    int closed = 0;
    size_t kept = step_id ? rankings(&s, (enum step)step) : 0;
    if (step_id && store_new_round(st, s.id, (enum step)step, &closed) < 0)
        rc = cli_fail(cli, "%s", store_error(st));
    else if (step_id)
        printf("Closed round %d of the vote on %s (%zu ranking%s kept): everyone ranks again "
               "in round %d.\n", closed, session_steps[step].id, kept, kept == 1 ? "" : "s",
               closed + 1);
    if (rc == EXIT_OK && threshold_text) {
        if (store_set_consensus(st, s.id, threshold) < 0)
            rc = cli_fail(cli, "%s", store_error(st));
        else
            printf("The vote now reads as consensus from W %.2f.\n",
                   (double)lround(threshold * 100.0) / 100.0);
    }
    session_free(&s);
    store_close(st);
    return rc;
}

const struct cli_command cli_round_command = {
    .name = "round",
    .args = "SESSION", .min_args = 1, .max_args = 1,
    .summary = "close a step's round of the vote, or set the consensus threshold",
    .description = "With --step, close the current round of the vote on STEP: its rankings are "
                   "kept as that round's and everyone ranks again, seeing the room's order and "
                   "their own ranking of the round before. With --threshold, set the Kendall's W "
                   "from which the vote reads as consensus (0.70 until set). 'samesong report' "
                   "shows each round and the reading.",
    .options = {
        {"step", 's', "STEP", "close this step's round, one of:\n" STEP_LIST, false},
        {"threshold", 't', "W", "the Kendall's W that reads as consensus, 0.01 to 1", false},
    },
    .run = round_run,
};
