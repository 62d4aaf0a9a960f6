/* cli_join.c: `samesong join`: this terminal becomes one participant of a
 * session in room mode, after their join code (asked on the screen), or by
 * --as from the account that owns the database. */
#include "cli.h"
#include "store_room.h"

#include <stdlib.h>
#include <unistd.h>

/* --as NAME: only the database's owner, who could change the file anyway. */
static int join_as(struct cli *cli, const char *ref, const char *name)
{
    struct store *st;
    struct session s;
    int rc = cli_load_session(cli, ref, &st, &s);
    if (rc != EXIT_OK)
        return rc;
    int p = session_find_participant(&s, name);
    if (!store_room_owner(st))
        rc = cli_fail(cli, "--as is only for the account that owns the database; join with "
                           "your code instead");
    else if (p < 0)
        rc = cli_fail(cli, "%s is not a participant of this session", name);
    else
        cli->join_as = s.participants[p].id;
    session_free(&s);
    store_close(st);
    return rc;
}

static int join_run(struct cli *cli, const struct cli_args *args)
{
    /* The code is typed on the screen, and the screen is the only way in: a
     * test's script stands in for the terminal, as for every screen. */
    if (!(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) && !getenv("SAMESONG_SCRIPT"))
        return cli_fail(cli, "join needs a terminal (over ssh: ssh -t); nothing was joined");
    const char *as = cli_arg(args, "as");
    cli->session = args->argv[0];
    cli->join = true;
    if (as)
        return join_as(cli, args->argv[0], as);
    struct store *st;
    int64_t id;
    int rc = cli_open_session(cli, args->argv[0], &st, &id); /* a clear line for a typo */
    if (rc == EXIT_OK)
        store_close(st);
    return rc;
}

const struct cli_command cli_join_command = {
    .name = "join",
    .args = "SESSION", .min_args = 1, .max_args = 1,
    .summary = "answer a workshop from this terminal, as one participant",
    .description =
        "Join SESSION from this terminal as one participant, with the join code the facilitator "
        "gave you (samesong invite); the code is asked on the screen. With the room's walk-in "
        "code (invite --walk-ins) you then give your name and role, are added to the session "
        "and shown a code of your own for next time. You see the step the "
        "facilitator is on and only your own answers, until the facilitator reveals the step; "
        "then the room's views and your own vote. q leaves. Until the facilitator is on a step "
        "(before the meeting, say), [ and ] move between steps. Over ssh, a Match block with "
        "ForceCommand 'samesong --db FILE join SESSION' lets a login do nothing else.",
    .options = {
        {"as", 'a', "NAME",
         "join as NAME without a code: only for the account that owns the\ndatabase file", false},
    },
    .flags = CLI_READS | CLI_SCREENS,
    .run = join_run,
};
