/* paths.h: where the database and the data files are. */
#ifndef SAMESONG_PATHS_H
#define SAMESONG_PATHS_H

/* The database to use when --db is not given: $SAMESONG_DB, else
 * $XDG_DATA_HOME/samesong/samesong.db, else ~/.local/share/samesong/samesong.db.
 * Caller frees; NULL when neither XDG_DATA_HOME nor HOME is set. */
char *paths_default_db(void);

/* The folder with steps.json and examples/: $SAMESONG_DATA_DIR, else the
 * installed one, else (for a program not yet installed) the source tree's. */
const char *paths_data_dir(void);

/* A file inside the data folder (caller frees). */
char *paths_data_file(const char *name);

#endif
