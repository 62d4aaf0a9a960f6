/* cli_invite.c: `samesong invite`: a join code per participant for room mode,
 * the walk-in code for newcomers, codes taken back, who has joined, and a
 * deadline for answering beforehand. */
#include "cli.h"
#include "files.h"
#include "store_room.h"

#include <stdlib.h>
#include <string.h>

/* Who is invited, joined, revoked, writing or done, one line each. */
static int list_room(const struct cli *cli, struct store *st, int64_t id)
{
    struct session s;
    struct room room;
    if (store_load_session(st, id, &s) < 0)
        return cli_fail(cli, "%s", store_error(st));
    if (store_load_room(st, &s, &room) < 0) {
        session_free(&s);
        return cli_fail(cli, "%s", store_error(st));
    }
    for (size_t i = 0; i < room.seat_count; i++) {
        const struct room_seat *seat = &room.seats[i];
        int done = 0;
        for (int step = 0; step < STEP_COUNT; step++)
            done += seat->done[step];
        printf("  ");
        cli_put_safe(stdout, s.participants[i].name, false);
        printf("%*s", 24 - (int)strlen(s.participants[i].name) > 1
                          ? 24 - (int)strlen(s.participants[i].name) : 1, "");
        printf("%s%s", seat->revoked ? "code revoked" : seat->invited ? "invited" : "not invited",
               seat->joined ? ", joined" : "");
        printf("%s", seat->present ? ", at a terminal now" : "");
        if (done)
            printf(", done with %d step%s", done, done == 1 ? "" : "s");
        putchar('\n');
    }
    printf(room.walk_ins ? "Walk-ins are open: the walk-in code lets anyone new add themselves.\n"
                         : "Walk-ins are closed.\n");
    if (room.deadline) { /* checked by the schema, but the file may come from anyone */
        fputs("Answers are due by ", stdout);
        cli_put_safe(stdout, room.deadline, false);
        fputs(".\n", stdout);
    }
    room_free(&room);
    session_free(&s);
    return EXIT_OK;
}

/* "WHO runs: samesong --db FILE join SESSION", the database's path whole:
 * they run it from their own folder, or over ssh. */
static void print_join_command(const struct cli *cli, const char *who, const char *ref)
{
    printf("%s runs: samesong ", who);
    if (cli->db_path) {
        char *where = file_absolute(cli->db_path);
        fputs("--db ", stdout);
        cli_put_safe(stdout, where, false);
        putchar(' ');
        free(where);
    }
    fputs("join ", stdout);
    cli_put_safe(stdout, ref, false);
    putchar('\n');
}

static int invite_codes(struct cli *cli, struct store *st, int64_t id, const struct cli_args *args)
{
    struct room_code *codes;
    size_t count;
    if (store_invite(st, id, args->argv + 1, (size_t)args->argc - 1, &codes, &count) < 0)
        return cli_fail(cli, "%s", store_error(st));
    printf("Join codes (each works for one person; a new one replaces the old):\n");
    for (size_t i = 0; i < count; i++) {
        printf("  %s  ", codes[i].code);
        cli_put_safe(stdout, codes[i].name, false);
        putchar('\n');
    }
    print_join_command(cli, "Each person", args->argv[0]);
    store_room_codes_free(codes, count);
    return EXIT_OK;
}

static int open_walk_ins(struct cli *cli, struct store *st, int64_t id, const char *ref)
{
    char code[ROOM_CODE_LEN + 1];
    if (store_open_walk_ins(st, id, code) < 0)
        return cli_fail(cli, "%s", store_error(st));
    printf("Walk-in code (anyone new adds themselves with it; a new one replaces the old):\n"
           "  %s\n", code);
    print_join_command(cli, "Anyone new", ref);
    return EXIT_OK;
}

static int invite_run(struct cli *cli, const struct cli_args *args)
{
    const char *revoke = cli_arg(args, "revoke"), *deadline = cli_arg(args, "deadline");
    bool walk_ins = cli_flag(args, "walk-ins"), no_walk_ins = cli_flag(args, "no-walk-ins");
    if ((revoke != NULL) + walk_ins + no_walk_ins > 1)
        return cli_usage_error(cli, "give one of --revoke, --walk-ins and --no-walk-ins");
    if (revoke && args->argc > 1)
        return cli_usage_error(cli, "--revoke takes one NAME and no others");
    if ((walk_ins || no_walk_ins) && args->argc > 1)
        return cli_usage_error(cli, "--%s takes no NAME: the walk-in code is one for anyone new",
                               walk_ins ? "walk-ins" : "no-walk-ins");
    struct store *st;
    int64_t id;
    int rc = cli_open_session(cli, args->argv[0], &st, &id);
    if (rc != EXIT_OK)
        return rc;
    bool act = revoke || walk_ins || no_walk_ins;
    if (deadline && store_room_set_deadline(st, id, *deadline ? deadline : NULL) < 0) {
        rc = cli_fail(cli, "%s", store_error(st));
    } else if (revoke) {
        if (store_revoke_invite(st, id, revoke) < 0)
            rc = cli_fail(cli, "%s", store_error(st));
        else
            printf("The join code of %s no longer works.\n", revoke);
    } else if (walk_ins) {
        rc = open_walk_ins(cli, st, id, args->argv[0]);
    } else if (no_walk_ins) {
        if (store_close_walk_ins(st, id) < 0)
            rc = cli_fail(cli, "%s", store_error(st));
        else
            printf("The walk-in code no longer works; those it added keep their own codes.\n");
    } else if (!cli_flag(args, "list") && !(deadline && args->argc == 1)) {
        rc = invite_codes(cli, st, id, args);
    }
    /* the list: asked for, or after a deadline alone; a revoke says its own line only */
    if (rc == EXIT_OK && !revoke &&
        (cli_flag(args, "list") || (deadline && args->argc == 1 && !act)))
        rc = list_room(cli, st, id);
    store_close(st);
    return rc;
}

const struct cli_command cli_invite_command = {
    .name = "invite",
    .args = "SESSION [NAME...]", .min_args = 1, .max_args = -1,
    .summary = "give participants join codes for room mode",
    .description = "Print a new join code for each participant NAME of SESSION (for every "
                   "participant when no NAME is given), so that each answers from their own "
                   "terminal with samesong join. A code works for one person; a new one replaces "
                   "the old, which stops working. With --walk-ins, print instead one walk-in code "
                   "for the room: anyone new who joins with it types their name and role, is "
                   "added to the session and gets a code of their own. The database keeps only a "
                   "salted hash of each code, so a code is shown only here, once.",
    .options = {
        {"revoke", 'r', "NAME", "take back NAME's code: it no longer lets anyone join", false},
        {"list", 'l', NULL, "show who is invited, has joined, is at a terminal, is done", false},
        {"deadline", 'd', "DATE",
         "answers are due by DATE (YYYY-MM-DD; \"\" clears it), shown to participants", false},
        {"walk-ins", 'w', NULL,
         "print the walk-in code: anyone new joins with it, adding themselves once each", false},
        {"no-walk-ins", 'W', NULL, "take the walk-in code back: it adds no one more", false},
    },
    .run = invite_run,
};
