/* cli_table.c: every command, listed once; a new command is a cli_NAME.c and one line here. */
#include "cli.h"

/* In the order 'samesong --help' lists them. */
#define CLI_COMMANDS(X) \
    X(open)             \
    X(browse)           \
    X(new)              \
    X(list)             \
    X(add)              \
    X(show)             \
    X(report)           \
    X(check)            \
    X(suggest)          \
    X(group)            \
    X(round)            \
    X(search)           \
    X(diff)             \
    X(export)           \
    X(import)           \
    X(verify)           \
    X(invite)           \
    X(join)             \
    X(demo)

#define CLI_DECLARE(name) extern const struct cli_command cli_##name##_command;
CLI_COMMANDS(CLI_DECLARE)

#define CLI_ENTRY(name) &cli_##name##_command,
const struct cli_command *const cli_commands[] = {CLI_COMMANDS(CLI_ENTRY) NULL};
