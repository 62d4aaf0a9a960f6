/* cli_import_csv.h: `samesong import --csv FILE --session SESSION [--map KEY=COLUMN]...`. */
#ifndef SAMESONG_CLI_IMPORT_CSV_H
#define SAMESONG_CLI_IMPORT_CSV_H

#include "cli.h"

/* Adds the answers of the CSV file --csv (a form's export: a participant
 * column, a role column, a column a step) to the session --session, in one
 * transaction; prints a one-line summary. Returns the exit status. */
int cli_import_csv(const struct cli *cli, const struct cli_args *args);

#endif
