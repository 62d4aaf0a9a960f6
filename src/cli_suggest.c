/* cli_suggest.c: `samesong suggest`: groups that may mean the same thing, to merge with `group`. */
#include "align.h"
#include "cli.h"
#include "paths.h"
#include "similar.h"
#include "text.h"

#include <stdlib.h>

int cli_load_synonyms(const struct cli *cli, struct synonyms *syn)
{
    char *path = paths_data_file("synonyms.json");
    char err[512], **terms;
    size_t *sets, count;
    int rc = store_load_synonym_terms(path, &terms, &sets, &count, err, sizeof err);
    free(path);
    if (rc < 0)
        return cli_fail(cli, "%s (set SAMESONG_DATA_DIR to the folder with synonyms.json)", err);
    synonyms_init(syn, terms, sets, count);
    return EXIT_OK;
}

/* Shell-quotes text for a command the user may copy. */
static void put_quoted(const char *text)
{
    char *safe = text_sanitize(text, false);
    putchar('\'');
    for (const char *c = safe; *c; c++)
        fputs(*c == '\'' ? "'\\''" : (char[2]){*c, 0}, stdout);
    putchar('\'');
    free(safe);
}

static size_t print_step(const struct cli *cli, const struct session *s,
                         const struct align_step *st, const struct synonyms *syn)
{
    const char **keys = malloc((st->group_count + 1) * sizeof *keys);
    for (size_t g = 0; g < st->group_count; g++)
        keys[g] = st->groups[g].key;
    struct suggestion *list;
    size_t count;
    similar_suggest(keys, st->group_count, syn, &list, &count);
    for (size_t i = 0; i < count; i++) {
        const struct align_group *a = &st->groups[list[i].a], *b = &st->groups[list[i].b];
        /* The group more people named gives the merged group its label. */
        const struct align_group *keep = b->count > a->count ? b : a, *other = keep == a ? b : a;
        printf("%-12s %.2f  ", session_steps[st->step].id, list[i].score);
        cli_put_safe(stdout, a->label, false);
        fputs("  ~  ", stdout);
        cli_put_safe(stdout, b->label, false);
        char *db = cli_db_hint(cli);
        printf("  (%s)\n             samesong%s group ", suggestion_reason_names[list[i].reason],
               db);
        cli_put_safe(stdout, s->slug, false);
        printf(" --step %s ", session_steps[st->step].id);
        free(db);
        put_quoted(keep->label);
        putchar(' ');
        put_quoted(other->label);
        putchar('\n');
    }
    free(list);
    free(keys);
    return count;
}

static int suggest_run(struct cli *cli, const struct cli_args *args)
{
    const char *step_id = cli_arg(args, "step");
    int only = step_id ? cli_step(cli, step_id) : -1;
    if (step_id && only < 0)
        return EXIT_FAIL;

    struct synonyms syn;
    int rc = cli_load_synonyms(cli, &syn);
    if (rc != EXIT_OK)
        return rc;
    struct store *st;
    struct session s;
    rc = cli_load_session(cli, args->argv[0], &st, &s);
    if (rc == EXIT_OK) {
        struct alignment a;
        align_session(&s, &a);
        size_t total = 0;
        for (int i = 0; i < STEP_COUNT; i++)
            if (only < 0 || only == i)
                total += print_step(cli, &s, &a.steps[i], &syn);
        if (total == 0)
            puts("No suggestions: no two groups look alike.");
        alignment_free(&a);
        session_free(&s);
        store_close(st);
    }
    synonyms_free(&syn);
    return rc;
}

const struct cli_command cli_suggest_command = {
    .name = "suggest",
    .args = "SESSION", .min_args = 1, .max_args = 1,
    .summary = "list groups of answers that may mean the same",
    .description = "List groups of answers that may mean the same thing (similar spelling, shared "
                   "words, or synonyms from synonyms.json), best first, each with its score and "
                   "the 'samesong group' command that merges them.",
    .options = {{"step", 's', "STEP", "only this step, one of:\n" STEP_LIST, false}},
    .flags = CLI_READS,
    .run = suggest_run,
};
