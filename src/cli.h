/* cli.h: what the commands share: the command table, the parser, errors, opening the store. */
#ifndef SAMESONG_CLI_H
#define SAMESONG_CLI_H

#include "store.h"

#include <stdbool.h>
#include <stdio.h>

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };
/* A failure because of the database file itself (store_trouble). */
enum { EXIT_NOT_OURS = 3, EXIT_DAMAGED = 4, EXIT_NEWER = 5 };

/* Options that apply to every command, and which command is running. */
struct cli {
    const char *db_path;  /* --db, or NULL for the default */
    bool read_only;       /* --read-only, or a command that only looks (browse) */
    const char *command;  /* for messages: "add", "export", ... */
    const char *theme;    /* --theme: default, projector or plain */
    bool quiet;           /* the screens open next: the command says nothing */
    bool must_exist;      /* a command that only reads: create no database */
    const char *session;  /* the session the screens open on; NULL: the list */
    bool join;            /* they open as a joined terminal of that session (samesong join) */
    int64_t join_as;      /* as this participant, vouched for by --as; 0: the code says who */
};

/* One option of a command: --name, or -letter, with a value or as a flag. */
struct cli_option {
    const char *name;   /* the long name, without the dashes */
    char letter;        /* the short name, or 0 */
    const char *value;  /* its value's name in the help ("FILE"), NULL for a flag */
    const char *help;   /* one line; a line feed continues it under the help column */
    bool required;      /* leaving it out is a usage error: "missing --as NAME" */
};

/* What a command is, for the parser and main (struct cli_command's flags). */
enum {
    CLI_READS = 1 << 0,          /* it only reads: it creates no database */
    CLI_READ_ONLY = 1 << 1,      /* the database is always opened read-only */
    CLI_SCREENS = 1 << 2,        /* the workshop screens open after run */
    CLI_SCREENS_ON_TTY = 1 << 3, /* they do on a terminal; elsewhere run prints */
    CLI_QUOTE_LAST = 1 << 4,     /* the last argument is free text: too many means unquoted */
};

#define CLI_MAX_OPTIONS 8
#define CLI_MAX_REPEATS 32 /* values of repeating options, all told */

struct cli_args;

/* A command, in one place: what the parser accepts, what the help says, what runs.
 * Each cli_NAME.c defines one, as cli_NAME_command; cli_table.c lists them. */
struct cli_command {
    const char *name;
    const char *args;         /* its arguments as the usage shows them, "SESSION [FILE] TEXT...";
                                 NULL for none */
    int min_args, max_args;   /* how many it takes (left out: none); max_args -1: no limit */
    const char *summary;      /* its line in 'samesong --help' */
    const char *description;  /* the paragraph of 'samesong NAME --help', wrapped there */
    struct cli_option options[CLI_MAX_OPTIONS]; /* its own, ended by an empty one */
    unsigned flags;           /* CLI_READS, CLI_SCREENS, ... */
    const char *repeats;      /* the name of its option that may be given more than once
                                 (cli_arg_all reads each value), or NULL */
    /* Runs it on parsed options and a checked argument count; returns an exit
     * status. NULL when the command only opens the screens. */
    int (*run)(struct cli *cli, const struct cli_args *args);
};

/* What the command line gave a command. */
struct cli_args {
    const struct cli_command *command;   /* NULL: no command, the screens */
    const char *values[CLI_MAX_OPTIONS]; /* per option: its value, "" for a flag, or NULL */
    const char *repeated[CLI_MAX_REPEATS]; /* each value of a repeating option, in order */
    int repeated_option[CLI_MAX_REPEATS];  /* whose: its index in the command's options */
    int repeated_count;
    int argc;                            /* the arguments left after the options */
    char **argv;
};

/* Every command, in the order 'samesong --help' lists them, ended by NULL. */
extern const struct cli_command *const cli_commands[];
/* The options every command takes, handled by the parser itself. */
enum { CLI_COMMON_DB, CLI_COMMON_READ_ONLY, CLI_COMMON_THEME, CLI_COMMON_HELP, CLI_COMMON_VERSION,
       CLI_COMMON_COUNT };
extern const struct cli_option cli_common_options[CLI_COMMON_COUNT];

/* cli_parse's answer when a command (or, without one, the screens) is to run. */
#define CLI_RUN (-1)

/* Parses the whole command line: the common options before the command, then
 * the command's own options and arguments, into cli and args. Returns CLI_RUN,
 * or an exit status once it has printed the help, the version or an error. */
int cli_parse(struct cli *cli, int argc, char **argv, struct cli_args *args);

/* The value of the command's option --name, or NULL when it was not given. */
const char *cli_arg(const struct cli_args *args, const char *name);
/* Every value of the repeating option --name, in the order given, into
 * values (CLI_MAX_REPEATS at most); returns how many. */
int cli_arg_all(const struct cli_args *args, const char *name, const char **values);
/* Whether the command's option --name was given. */
bool cli_flag(const struct cli_args *args, const char *name);

/* Writes 'samesong --help' (cmd NULL) or 'samesong NAME --help' to out. */
void cli_help_write(FILE *out, const struct cli_command *cmd);

/* Prints "samesong: COMMAND: message" to stderr and returns EXIT_FAIL. */
int cli_fail(const struct cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints "samesong: COMMAND: message; see 'samesong COMMAND --help'" and returns EXIT_USAGE. */
int cli_usage_error(const struct cli *cli, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

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

struct synonyms;
/* Reads and normalises data/synonyms.json; prints the error and returns EXIT_FAIL on failure. */
int cli_load_synonyms(const struct cli *cli, struct synonyms *syn);

#endif
