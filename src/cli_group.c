/* cli_group.c: `samesong group`: give answers of a step one group label. */
#include "cli.h"
#include "similar.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const char help[] =
    "Usage: samesong group SESSION --step STEP LABEL TEXT...\n"
    "Give every answer of STEP whose text, or group label, matches one of the TEXTs\n"
    "the group label LABEL, so they count as one answer. Matching ignores case, extra\n"
    "white space and leading or trailing . , ; : ! ? ' \"\n"
    "\n"
    "  -s, --step STEP   " STEP_LIST "\n"
    "  -u, --ungroup     take the matching answers out of their group (no LABEL)\n"
    "      --db FILE     use FILE as the database\n"
    "      --read-only   open the database read-only\n"
    "  -h, --help        show this help\n";

/* True when the answer's normalised text or group label is one of keys. */
static bool matches(const struct input *in, char *const *keys, size_t count)
{
    char *text = similar_normalize(in->text);
    char *label = in->group ? similar_normalize(in->group) : NULL;
    bool found = false;
    for (size_t k = 0; k < count && !found; k++)
        found = strcmp(text, keys[k]) == 0 || (label && strcmp(label, keys[k]) == 0);
    free(text);
    free(label);
    return found;
}

int cli_group(struct cli *cli, int argc, char **argv)
{
    static const struct option options[] = {
        CLI_COMMON_OPTIONS,
        {"step", required_argument, NULL, 's'},
        {"ungroup", no_argument, NULL, 'u'},
        {0},
    };
    const char *step_id = NULL;
    bool ungroup = false;
    int opt;
    while ((opt = cli_getopt(cli, argc, argv, "hs:u", options)) != -1) {
        switch (opt) {
        case 'h': return cli_help(help);
        case 's': step_id = optarg; break;
        case 'u': ungroup = true; break;
        default: return EXIT_USAGE;
        }
    }
    if (!step_id)
        return cli_usage_error(cli, "missing --step STEP");
    int first_text = optind + 1 + !ungroup;
    if (argc < first_text + 1)
        return cli_usage_error(cli, ungroup ? "give SESSION and at least one TEXT"
                                            : "give SESSION, LABEL and at least one TEXT");
    int step = cli_step(cli, step_id);
    if (step < 0)
        return EXIT_FAIL;
    const char *label = ungroup ? NULL : argv[optind + 1];

    struct store *st;
    struct session s;
    int rc = cli_load_session(cli, argv[optind], &st, &s);
    if (rc != EXIT_OK)
        return rc;
    size_t key_count = (size_t)(argc - first_text);
    char **keys = xcalloc(key_count, sizeof *keys);
    for (size_t k = 0; k < key_count; k++)
        keys[k] = similar_normalize(argv[first_text + (int)k]);
    int64_t *ids = xcalloc(s.input_count ? s.input_count : 1, sizeof *ids);
    size_t count = 0;
    for (size_t i = 0; i < s.input_count; i++)
        if (s.inputs[i].step == (enum step)step && matches(&s.inputs[i], keys, key_count))
            ids[count++] = s.inputs[i].id;
    if (count == 0)
        rc = cli_fail(cli, "no answer in %s matches; 'samesong show %s' lists them", session_steps[step].id,
                      s.slug);
    else if (store_set_group(st, s.id, ids, count, label) < 0)
        rc = cli_fail(cli, "%s", store_error(st));
    else if (ungroup)
        printf("Took %zu answer%s of %s out of their group.\n", count, count == 1 ? "" : "s",
               session_steps[step].id);
    else {
        printf("Grouped %zu answer%s of %s as \"", count, count == 1 ? "" : "s", session_steps[step].id);
        cli_put_safe(stdout, label, false);
        puts("\".");
    }
    for (size_t k = 0; k < key_count; k++)
        free(keys[k]);
    free(keys);
    free(ids);
    session_free(&s);
    store_close(st);
    return rc;
}
