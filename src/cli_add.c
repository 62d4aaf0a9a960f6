/* cli_add.c: `samesong add`: record one participant's answer for a step. */
#include "cli.h"

#include <stdlib.h>

static const char help[] =
    "Usage: samesong add SESSION --as NAME [--role ROLE] --step STEP\n"
    "                    [--group LABEL] TEXT\n"
    "Record one answer of participant NAME for STEP. NAME joins the session on\n"
    "first use.\n"
    "\n"
    "  -a, --as NAME       who is answering\n"
    "  -r, --role ROLE     their department (default: other):\n"
    "                      " ROLE_LIST "\n"
    "  -s, --step STEP     " STEP_LIST "\n"
    "  -g, --group LABEL   count this answer in the group LABEL\n"
    "      --db FILE       use FILE as the database\n"
    "      --read-only     open the database read-only\n"
    "  -h, --help          show this help\n"
    "\n"
    "Put -- before a TEXT that starts with a hyphen.\n";

int cli_add(struct cli *cli, int argc, char **argv)
{
    static const struct option options[] = {
        CLI_COMMON_OPTIONS,
        {"as", required_argument, NULL, 'a'},
        {"role", required_argument, NULL, 'r'},
        {"step", required_argument, NULL, 's'},
        {"group", required_argument, NULL, 'g'},
        {0},
    };
    const char *who = NULL, *role_id = NULL, *step_id = NULL, *group = NULL;
    int opt;
    while ((opt = cli_getopt(cli, argc, argv, "ha:r:s:g:", options)) != -1) {
        switch (opt) {
        case 'h': return cli_help(help);
        case 'a': who = optarg; break;
        case 'r': role_id = optarg; break;
        case 's': step_id = optarg; break;
        case 'g': group = optarg; break;
        default: return EXIT_USAGE;
        }
    }
    if (!who)
        return cli_usage_error(cli, "missing --as NAME");
    if (!step_id)
        return cli_usage_error(cli, "missing --step STEP");
    if (argc - optind != 2)
        return cli_usage_error(cli, argc - optind < 2 ? "give SESSION and TEXT"
                                                      : "give TEXT as one argument (quote it)");
    int step = cli_step(cli, step_id);
    if (step < 0)
        return EXIT_FAIL;
    int role = role_id ? role_from_id(role_id) : -1;
    if (role_id && role < 0)
        return cli_fail(cli, "\"%s\" is not a role; roles are " ROLE_LIST, role_id);

    struct store *st;
    int64_t id;
    int rc = cli_open_session(cli, argv[optind], &st, &id);
    if (rc != EXIT_OK)
        return rc;
    if (store_add_input(st, id, who, role, (enum step)step, argv[optind + 1], group) < 0)
        rc = cli_fail(cli, "%s", store_error(st));
    store_close(st);
    return rc;
}
