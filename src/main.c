/* main.c: the command line: global options, then a subcommand. */
#include "config.h"

#include "cli.h"
#include "ui_run.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct command {
    const char *name;
    int (*run)(struct cli *cli, int argc, char **argv);
    const char *summary;
};

static const struct command commands[] = {
    {"open", NULL, "open a session in the workshop screens"},
    {"browse", NULL, "look through past sessions, read-only"},
    {"new", cli_new, "create a session and print its slug"},
    {"list", cli_list, "list the sessions, newest first"},
    {"add", cli_add, "record one participant's answer for a step"},
    {"show", cli_show, "print every answer of a session"},
    {"report", cli_report, "show how far apart the room is, step by step"},
    {"suggest", cli_suggest, "list groups of answers that may mean the same"},
    {"group", cli_group, "give answers of a step one group label"},
    {"search", cli_search, "find answers, decisions and narratives by their words"},
    {"diff", cli_diff, "compare two sessions: decisions and alignment"},
    {"export", cli_export, "write a session as JSON or a Markdown canvas"},
    {"import", cli_import, "create a session from a session file"},
    {"verify", cli_verify, "check that locked sessions are as they were locked"},
    {"demo", cli_demo, "put the example workshop in the database"},
};
#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static void print_usage(FILE *out)
{
    fputs("Usage: samesong [--db FILE] [--read-only] [--theme THEME] [COMMAND [ARGS]]\n"
          "Run a B2B product positioning workshop: competitive alternatives, differentiated\n"
          "capabilities, value themes, best-fit customers, market category.\n"
          "Without a command, the workshop screens open on the list of sessions.\n"
          "\n"
          "Commands:\n",
          out);
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "Options:\n"
          "      --db FILE     use FILE as the database (default: $SAMESONG_DB, else\n"
          "                    $XDG_DATA_HOME/samesong/samesong.db)\n"
          "      --read-only   open the database read-only\n"
          "      --theme THEME default, projector (big, high contrast) or plain (no colour)\n"
          "  -h, --help        show this help; 'samesong COMMAND --help' for a command\n"
          "  -V, --version     show the version\n"
          "\n"
          "A SESSION is a session's slug or its number from 'samesong list'.\n"
          "See samesong(1) for more.\n",
          out);
}

/* Width arithmetic needs a UTF-8 locale: stored text is UTF-8 whatever the
 * environment says, so fall back to C.UTF-8 when the locale is not UTF-8. */
static void set_locale(void)
{
    setlocale(LC_ALL, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8");
}

static const char open_help[] =
    "Usage: samesong open SESSION [--theme THEME]\n"
    "Open SESSION (its slug or number) in the workshop screens, where the room left it.\n"
    "\n"
    "      --theme THEME default, projector (big, high contrast) or plain (no colour)\n"
    "      --db FILE     use FILE as the database\n"
    "      --read-only   open the database read-only\n"
    "  -h, --help        show this help\n";

/* The workshop screens, on the session list or on one session. */
static int run_screens(struct cli *cli, const char *slug)
{
    if ((!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) && !getenv("SAMESONG_SCRIPT"))
        return cli_fail(cli, "the workshop screens need a terminal; see 'samesong --help' for "
                             "the commands that work without one");
    struct store *st;
    int rc = cli_open_store(cli, &st);
    if (rc != EXIT_OK)
        return rc;
    rc = ui_run(st, slug, cli->theme ? cli->theme : "default");
    store_close(st);
    return rc;
}

static int cli_open(struct cli *cli, int argc, char **argv)
{
    cli->must_exist = true; /* opening a session needs one to exist */
    static const struct option options[] = {CLI_COMMON_OPTIONS, {0}};
    int opt;
    while ((opt = cli_getopt(cli, argc, argv, "h", options)) != -1) {
        switch (opt) {
        case 'h': return cli_help(open_help);
        default: return EXIT_USAGE;
        }
    }
    if (argc - optind != 1)
        return cli_usage_error(cli, argc == optind ? "missing SESSION" : "give one SESSION");
    return run_screens(cli, argv[optind]);
}

static const char browse_help[] =
    "Usage: samesong browse [--theme THEME]\n"
    "Look through past sessions read-only, as a reviewer: the database is opened\n"
    "read-only, and no key changes it, writes a file or runs a program (no export,\n"
    "no editor; the owner exports with 'samesong export'). Sessions open on their canvas.\n"
    "\n"
    "      --theme THEME default, projector (big, high contrast) or plain (no colour)\n"
    "      --db FILE     use FILE as the database\n"
    "  -h, --help        show this help\n";

static int cli_browse(struct cli *cli, int argc, char **argv)
{
    static const struct option options[] = {CLI_COMMON_OPTIONS, {0}};
    int opt;
    while ((opt = cli_getopt(cli, argc, argv, "h", options)) != -1) {
        switch (opt) {
        case 'h': return cli_help(browse_help);
        default: return EXIT_USAGE;
        }
    }
    if (optind < argc)
        return cli_usage_error(cli, "unexpected argument \"%s\"", argv[optind]);
    cli->read_only = true;
    return run_screens(cli, NULL);
}

/* Output that could not be written is a failure, not a silent loss (a full
 * disk under `samesong export > backup.json`). */
static int finish(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "samesong: cannot write to standard output: %s\n", strerror(errno));
        return EXIT_FAIL;
    }
    return rc;
}

int main(int argc, char **argv)
{
    set_locale();
    struct cli cli = {0};
    static const struct option options[] = {CLI_COMMON_OPTIONS, {0}};
    int opt;
    /* '+': stop at the command name; the command parses the rest. */
    while ((opt = cli_getopt(&cli, argc, argv, "+hV", options)) != -1) {
        switch (opt) {
        case 'h': print_usage(stdout); return finish(EXIT_OK);
        default: return EXIT_USAGE;
        }
    }
    if (optind == argc)
        return finish(run_screens(&cli, NULL));
    const char *name = argv[optind];
    for (size_t i = 0; i < COMMAND_COUNT; i++) {
        if (strcmp(commands[i].name, name) == 0) {
            cli.command = name;
            argv += optind;
            argc -= optind;
            optind = 0; /* start getopt afresh on the command's arguments */
            if (!commands[i].run && !strcmp(name, "browse"))
                return finish(cli_browse(&cli, argc, argv));
            if (!commands[i].run)
                return finish(cli_open(&cli, argc, argv));
            /* On a terminal the demo opens in the workshop screens. */
            bool screens = commands[i].run == cli_demo && isatty(STDIN_FILENO) &&
                           isatty(STDOUT_FILENO);
            cli.quiet = screens;
            int rc = commands[i].run(&cli, argc, argv);
            if (rc == EXIT_OK && screens && cli.command) /* not after --help */
                rc = run_screens(&cli, "replyline-positioning-workshop");
            return finish(rc);
        }
    }
    return cli_usage_error(&cli, "unknown command \"%s\"", name);
}
