/* cli_browse.c: `samesong browse`: past sessions in the screens, for a reviewer, read-only. */
#include "cli.h"

const struct cli_command cli_browse_command = {
    .name = "browse",
    .summary = "look through past sessions, read-only",
    .description = "Look through past sessions read-only, as a reviewer: the database is opened "
                   "read-only, and no key changes it, writes a file or runs a program (no export, "
                   "no editor; the owner exports with 'samesong export'). Sessions open on their "
                   "canvas.",
    .flags = CLI_READS | CLI_READ_ONLY | CLI_SCREENS,
};
