/* cli.h: what the non-interactive commands share: options, errors, opening the store. */
#ifndef SAMESONG_CLI_H
#define SAMESONG_CLI_H

#include "store.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Options that apply to every command, and which command is running. */
struct cli {
    const char *db_path;  /* --db, or NULL for the default */
    bool read_only;       /* --read-only */
    const char *command;  /* for messages: "add", "export", ... */
    const char *theme;    /* --theme: default, projector or plain */
    bool quiet;           /* demo: say nothing, the screens open next */
    bool must_exist;      /* a command that only reads: create no database */
};

/* getopt_long codes for the options every command takes. */
enum { CLI_OPT_DB = 1000, CLI_OPT_READ_ONLY, CLI_OPT_VERSION, CLI_OPT_THEME };
#define CLI_COMMON_OPTIONS                                                                        \
    {"db", required_argument, NULL, CLI_OPT_DB},                                                  \
        {"read-only", no_argument, NULL, CLI_OPT_READ_ONLY},                                      \
        {"theme", required_argument, NULL, CLI_OPT_THEME},                                        \
        {"version", no_argument, NULL, CLI_OPT_VERSION}, { "help", no_argument, NULL, 'h' }

/* getopt_long that handles --db, --read-only, --theme and --version itself, reports unknown
 * options and missing arguments as '?' after printing one line, and returns
 * the command's own options (and 'h'). */
int cli_getopt(struct cli *cli, int argc, char **argv, const char *shortopts,
               const struct option *longopts);

/* Prints "samesong: COMMAND: message" to stderr and returns EXIT_FAIL. */
int cli_fail(const struct cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints "samesong: COMMAND: message; see 'samesong COMMAND --help'" and returns EXIT_USAGE. */
int cli_usage_error(const struct cli *cli, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Prints the command's help text to stdout and returns EXIT_OK. */
int cli_help(const char *text);

/* Opens the store (creating the database and the default database's folder
 * when needed, unless must_exist); prints the error and returns EXIT_FAIL on
 * failure. */
int cli_open_store(const struct cli *cli, struct store **st);

/* Opens the store and finds SESSION in it; on failure prints, closes and returns EXIT_FAIL. */
int cli_open_session(const struct cli *cli, const char *ref, struct store **st, int64_t *id);

/* Opens the store and reads SESSION whole into s; on failure prints, closes
 * and returns EXIT_FAIL. On success the caller closes *st and frees s. */
int cli_load_session(const struct cli *cli, const char *ref, struct store **st,
                     struct session *s);

/* The step called id, or -1 after printing that there is no such step. */
int cli_step(const struct cli *cli, const char *id);

/* Reads the step titles and questions; prints the error and returns EXIT_FAIL on failure. */
int cli_load_steps(const struct cli *cli, struct step_text steps[STEP_COUNT]);

/* Reads, checks and imports a session file ("-" for stdin) into st; prints
 * the error naming the file and returns EXIT_FAIL on failure. */
int cli_import_file(const struct cli *cli, const char *path, const char *slug, struct store *st,
                    char **slug_out);

/* The terminal's width when standard output is one, else 0 (no limit). */
int cli_terminal_width(void);

/* Writes untrusted text made safe for the terminal. */
void cli_put_safe(FILE *out, const char *text, bool keep_newlines);

/* The --db option to repeat in hints, "" when the default database is used. */
char *cli_db_hint(const struct cli *cli);

int cli_new(struct cli *cli, int argc, char **argv);
int cli_list(struct cli *cli, int argc, char **argv);
int cli_add(struct cli *cli, int argc, char **argv);
int cli_show(struct cli *cli, int argc, char **argv);
int cli_export(struct cli *cli, int argc, char **argv);
int cli_import(struct cli *cli, int argc, char **argv);
int cli_demo(struct cli *cli, int argc, char **argv);
int cli_report(struct cli *cli, int argc, char **argv);
int cli_group(struct cli *cli, int argc, char **argv);
int cli_suggest(struct cli *cli, int argc, char **argv);
int cli_search(struct cli *cli, int argc, char **argv);
int cli_diff(struct cli *cli, int argc, char **argv);
int cli_verify(struct cli *cli, int argc, char **argv);

struct synonyms;
/* Reads and normalises data/synonyms.json; prints the error and returns EXIT_FAIL on failure. */
int cli_load_synonyms(const struct cli *cli, struct synonyms *syn);

#endif
