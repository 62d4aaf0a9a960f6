/* files.h: reading whole files, writing them without leaving half a file, making folders,
 * telling the database's own files from the rest. */
#ifndef SAMESONG_FILES_H
#define SAMESONG_FILES_H

#include <stdbool.h>
#include <stddef.h>

/* True when path exists and is no regular file (after links): a device, a
 * FIFO, a folder, which an export must not replace. */
bool file_is_special(const char *path);

/* The whole file, NUL-terminated (caller frees); "-" reads standard input.
 * NULL with errno set on failure. */
char *file_read(const char *path, size_t *len);
/* The same, refusing a file of more than max bytes (errno EFBIG) without
 * reading further. */
char *file_read_max(const char *path, size_t max, size_t *len);

/* Writes data to a temporary file beside path, flushes it to disk and
 * renames it over path, so readers see the old file or the new one, never
 * half of one; a symbolic link is written through to the file it names.
 * Returns 0, or -1 with errno set. */
int file_write_atomic(const char *path, const char *data, size_t len);

/* Creates a folder and its parents (mode 0700 for new ones); 0 or -1 with errno. */
int file_make_folders(const char *path);

/* True when both paths name one existing file (the same device and inode). */
bool file_same(const char *a, const char *b);

/* Whether target is the database db or one of SQLite's files beside it:
 * "" for the database itself, "-wal", "-shm" or "-journal"; NULL for any
 * other file. The same file by inode when it exists (a hard or symbolic
 * link is caught), else by the resolved name (so is "dir/../x.db-wal"). */
const char *file_database_part(const char *target, const char *db);

/* path as an absolute path (its folder resolved, links and all), for telling
 * someone in another folder where it is; a copy of path when that fails. */
char *file_absolute(const char *path);

#endif
