/* cli_group.c: `samesong group`: give answers of a step one group label. */
#include "cli.h"
#include "similar.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

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

static int group_run(struct cli *cli, const struct cli_args *args)
{
    bool ungroup = cli_flag(args, "ungroup");
    if (!ungroup && args->argc < 3) /* the table's count is --ungroup's, without LABEL */
        return cli_usage_error(cli, "give SESSION, LABEL and at least one TEXT");
    int first_text = 2 - ungroup;
    int step = cli_step(cli, cli_arg(args, "step"));
    if (step < 0)
        return EXIT_FAIL;
    const char *label = ungroup ? NULL : args->argv[1];

    struct store *st;
    struct session s;
    int rc = cli_load_session(cli, args->argv[0], &st, &s);
    if (rc != EXIT_OK)
        return rc;
    size_t key_count = (size_t)(args->argc - first_text);
    char **keys = xcalloc(key_count, sizeof *keys);
    for (size_t k = 0; k < key_count; k++)
        keys[k] = similar_normalize(args->argv[first_text + (int)k]);
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

const struct cli_command cli_group_command = {
    .name = "group",
    .args = "SESSION LABEL TEXT...", .min_args = 2, .max_args = -1,
    .summary = "give answers of a step one group label",
    .description = "Give every answer of STEP whose text, or group label, matches one of the "
                   "TEXTs the group label LABEL, so they count as one answer. Matching ignores "
                   "case, extra white space and leading or trailing . , ; : ! ? ' \"",
    .options = {
        {"step", 's', "STEP", STEP_LIST, .required = true},
        {"ungroup", 'u', NULL, "take the matching answers out of their group (no LABEL)", false},
    },
    .run = group_run,
};
