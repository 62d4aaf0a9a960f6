/* main.c: the command line: parse it, run the command, open the screens when it says so. */
#include "config.h"

#include "cli.h"
#include "ui_run.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Width arithmetic needs a UTF-8 locale: stored text is UTF-8 whatever the
 * environment says, so fall back to C.UTF-8 when the locale is not UTF-8.
 * Numbers stay C's: a decimal comma would break JSON and CSV, and strtod
 * would read a session file's 0.70 as 0. */
static void set_locale(void)
{
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8");
}

static bool on_terminal(void)
{
    return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

/* The workshop screens, on the session list or on cli->session. */
static int run_screens(struct cli *cli)
{
    if (!on_terminal() && !getenv("SAMESONG_SCRIPT")) /* a test's script needs none */
        return cli_fail(cli, "the workshop screens need a terminal; see 'samesong --help' for "
                             "the commands that work without one");
    struct store *st;
    int rc = cli_open_store(cli, &st);
    if (rc != EXIT_OK)
        return rc;
    const char *theme = cli->theme ? cli->theme : "default";
    rc = cli->join ? ui_run_join(st, cli->session, cli->join_as, theme)
                   : ui_run(st, cli->session, theme);
    store_close(st);
    return rc;
}

/* Output that could not be written is a failure, not a silent loss (a full
 * disk under `samesong export > backup.json`). */
static int finish(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "samesong: cannot write to standard output: %s\n", strerror(errno));
        return EXIT_FAIL;
    }
    /* A failure caused by the database file says which kind, for scripts. */
    static const int for_trouble[] = {
        [STORE_FINE] = EXIT_FAIL, [STORE_NOT_OURS] = EXIT_NOT_OURS,
        [STORE_DAMAGED] = EXIT_DAMAGED, [STORE_NEWER] = EXIT_NEWER};
    return rc == EXIT_FAIL ? for_trouble[store_trouble()] : rc;
}

int main(int argc, char **argv)
{
    set_locale();
    struct cli cli = {0};
    struct cli_args args;
    int rc = cli_parse(&cli, argc, argv, &args);
    if (rc != CLI_RUN)
        return finish(rc);
    /* Without a command, the screens; a command's flags say whether it opens them. */
    const struct cli_command *cmd = args.command;
    bool screens = !cmd || (cmd->flags & CLI_SCREENS) ||
                   ((cmd->flags & CLI_SCREENS_ON_TTY) && on_terminal());
    cli.quiet = screens;
    rc = cmd && cmd->run ? cmd->run(&cli, &args) : EXIT_OK;
    if (rc == EXIT_OK && screens)
        rc = run_screens(&cli);
    return finish(rc);
}
