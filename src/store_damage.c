/* store_damage.c: telling a damaged database, a file that is not samesong's and
 * one from a newer samesong apart from other failures, so that each ends the
 * program with its own exit status (samesong(1), EXIT STATUS). */
#include "store_internal.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The first trouble met in this process: a damaged page may show only when a
 * statement reads it, long after the open. */
static enum store_trouble first_trouble = STORE_FINE;

void store_note_trouble(enum store_trouble trouble)
{
    if (first_trouble == STORE_FINE)
        first_trouble = trouble;
}

enum store_trouble store_trouble(void)
{
    return first_trouble;
}

static uint32_t big_endian(const unsigned char *b, int bytes)
{
    uint32_t v = 0;
    for (int i = 0; i < bytes; i++)
        v = v << 8 | b[i];
    return v;
}

/* A -wal with frames in it may hold pages the main file does not have yet,
 * and a -journal means a writer may be half way through the main file. */
static bool writer_files(const char *path)
{
    char beside[4096];
    struct stat sb;
    snprintf(beside, sizeof beside, "%s-wal", path);
    if (stat(beside, &sb) == 0 && sb.st_size > 0)
        return true;
    snprintf(beside, sizeof beside, "%s-journal", path);
    return stat(beside, &sb) == 0;
}

/* SQLite's header says how many pages the file has (when bytes 92-95 vouch
 * for it); a file shorter than that was cut off, and SQLite would read the
 * missing pages as zeros and fail only when a statement reaches them. */
int store_check_length(const char *path, char *err, size_t errlen)
{
    unsigned char h[100];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0; /* SQLite's open says why */
    /* the length after the header is read: another process may be making the
     * file right now, and what it has written of page 1 it has written whole */
    struct stat sb = {0};
    ssize_t got = pread(fd, h, sizeof h, 0);
    bool sized = fstat(fd, &sb) == 0;
    close(fd);
    off_t size = sb.st_size;
    if (!sized || got != (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) ||
        writer_files(path))
        return 0; /* not SQLite at all is for check_identity to say */
    uint32_t page = big_endian(h + 16, 2), pages = big_endian(h + 28, 4);
    if (page == 1)
        page = 65536;
    bool vouched = pages > 0 && big_endian(h + 24, 4) == big_endian(h + 92, 4);
    if (!vouched || (off_t)pages * page <= size)
        return 0;
    snprintf(err, errlen,
             "%s is damaged: it is %lld bytes, but its header says %lld; it was cut off. "
             "samesong changed nothing; restore it from a backup",
             path, (long long)size, (long long)pages * page);
    store_note_trouble(STORE_DAMAGED);
    return -1;
}

bool store_is_damage(int sqlite_code)
{
    return (sqlite_code & 0xff) == SQLITE_CORRUPT;
}

int store_damage_fail(struct store *st)
{
    store_note_trouble(STORE_DAMAGED);
    return store_fail(st,
                      "%s is damaged (%s); samesong changed nothing. Restore it from a "
                      "backup, or try: sqlite3 %s .recover",
                      st->path, sqlite3_errmsg(st->db), st->path);
}
