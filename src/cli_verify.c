/* cli_verify.c: `samesong verify`: is a locked session still what the room locked? */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* Checks one locked session; prints its line and returns whether it holds. */
static int verify_one(const struct cli *cli, struct store *st, int64_t id, bool *intact)
{
    struct session s;
    if (store_load_session(st, id, &s) < 0)
        return cli_fail(cli, "%s", store_error(st));
    char digest[STORE_DIGEST_SIZE], *sealed = NULL;
    int stale = 0;
    bool at_upgrade = false;
    int rc = EXIT_OK;
    if (store_content_digest(st, id, digest) < 0 || store_check_search_index(st, id, &stale) < 0 ||
        store_lock_digest(st, id, &sealed, &at_upgrade) < 0)
        rc = cli_fail(cli, "%s", store_error(st));
    else if (!s.lock_digest)
        cli_fail(cli, "%s is marked locked but was never sealed with a lock digest: it was not "
                      "locked by samesong", s.slug);
    else if (strcmp(digest, s.lock_digest) != 0)
        cli_fail(cli, "%s was changed after it was locked: its content no longer matches its "
                      "lock digest %s", s.slug, s.lock_digest);
    else if (stale)
        cli_fail(cli, "%s: %d row%s of the search index do%s not match the session; its text "
                      "was changed by hand", s.slug, stale, stale == 1 ? "" : "s",
                 stale == 1 ? "es" : "");
    else {
        /* Sealed at an upgrade, the digest vouches for the file since then
         * only: say so, apart from sessions sealed when they were locked. */
        *intact = true;
        fputs(at_upgrade ? "upgraded  " : "intact  ", stdout);
        cli_put_safe(stdout, s.slug, false);
        fputs("  locked ", stdout);
        cli_put_safe(stdout, s.locked_at ? s.locked_at : "?", false);
        printf("  %s%s\n", s.lock_digest, /* checked on reading: "sha256:" and hex digits */
               at_upgrade ? "  (sealed when the file was upgraded, not when it was locked)" : "");
    }
    free(sealed);
    session_free(&s);
    return rc;
}

static int verify_run(struct cli *cli, const struct cli_args *args)
{
    struct store *st;
    int64_t one = 0;
    int rc = args->argc ? cli_open_session(cli, args->argv[0], &st, &one)
                        : cli_open_store(cli, &st);
    if (rc != EXIT_OK)
        return rc;
    char *missing = NULL;
    struct session_summary *list = NULL;
    size_t count = 0, checked = 0, held = 0;
    if (store_check_schema(st, &missing) < 0 || store_list_sessions(st, &list, &count) < 0)
        rc = cli_fail(cli, "%s", store_error(st));
    else if (missing) /* said first, then each session is still checked */
        cli_fail(cli, "the database's schema is not as samesong made it: %s; locked sessions "
                      "in this file may have been altered", missing);
    for (size_t i = 0; i < count && rc == EXIT_OK; i++) {
        if (one && list[i].id != one)
            continue;
        if (!list[i].locked) {
            if (one)
                rc = cli_fail(cli, "%s is not locked; only a locked session has a digest to "
                                   "check", list[i].slug);
            continue;
        }
        bool intact = false;
        checked++;
        rc = verify_one(cli, st, list[i].id, &intact);
        held += intact;
    }
    if (rc == EXIT_OK && !one && checked == 0)
        puts("No locked sessions to verify.");
    if (rc == EXIT_OK && (missing || held < checked))
        rc = EXIT_FAIL;
    free(missing);
    store_summaries_free(list, count);
    store_close(st);
    return rc;
}

const struct cli_command cli_verify_command = {
    .name = "verify",
    .args = "[SESSION]", .min_args = 0, .max_args = 1,
    .summary = "check that locked sessions are as they were locked",
    .description = "Check that SESSION (its slug or number), or without it every locked session, "
                   "is still what the room locked: its content has the lock digest stored when it "
                   "was locked, the database's schema (the triggers that refuse changes to locked "
                   "sessions above all) is exactly as samesong makes it, and the search index "
                   "says what the session says. Prints each session's digest, to compare with "
                   "the one in an exported canvas; a session locked by an older samesong was "
                   "sealed when the file was upgraded, and says so. Opens the database "
                   "read-only. Exits 1 when anything differs.",
    .flags = CLI_READS | CLI_READ_ONLY,
    .run = verify_run,
};
