/* files.c: reading whole files, writing them without leaving half a file, making folders,
 * telling the database's own files from the rest. */
#include "files.h"
#include "util.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *file_read(const char *path, size_t *len)
{
    return file_read_max(path, SIZE_MAX - 1, len);
}

char *file_read_max(const char *path, size_t max, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 8192, n = 0;
    char *data = xmalloc(cap);
    size_t got;
    /* one byte past max is enough to know the file is too big */
    while (n <= max && (got = fread(data + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0)
            data = xrealloc(data, cap *= 2);
    }
    int failed = ferror(f);
    int saved = errno;
    if (f != stdin)
        fclose(f);
    if (failed || n > max) {
        free(data);
        errno = n > max ? EFBIG : saved ? saved : EIO;
        return NULL;
    }
    data[n] = '\0';
    *len = n;
    return data;
}

static int write_whole(const char *path, const char *data, size_t len);

bool file_is_special(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && !S_ISREG(sb.st_mode);
}

int file_write_atomic(const char *path, const char *data, size_t len)
{
    /* Through a symbolic link to the file it names: renaming over the link
     * would replace the link, not write the file. */
    struct stat sb;
    char *real = NULL;
    if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode) && !(path = real = realpath(path, NULL)))
        return -1;
    int rc = write_whole(path, data, len);
    int saved = errno;
    free(real);
    errno = saved;
    return rc;
}

/* Writes a temporary file beside path and renames it over path. */
static int write_whole(const char *path, const char *data, size_t len)
{
    char *tmp = xasprintf("%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return -1;
    }
    size_t done = 0;
    int rc = 0;
    while (done < len && rc == 0) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno != EINTR)
            rc = -1;
        else if (w > 0)
            done += (size_t)w;
    }
    /* mkstemp makes the file 0600; an export is an ordinary document. */
    mode_t mask = umask(0);
    umask(mask);
    if (rc == 0 && (fchmod(fd, 0666 & ~mask) < 0 || fsync(fd) < 0))
        rc = -1;
    int saved = errno;
    if (close(fd) < 0 && rc == 0)
        rc = -1, saved = errno;
    if (rc == 0 && rename(tmp, path) < 0)
        rc = -1, saved = errno;
    if (rc < 0) {
        unlink(tmp);
        errno = saved;
    }
    free(tmp);
    return rc;
}

int file_make_folders(const char *path)
{
    char *copy = xstrdup(path);
    int rc = 0;
    for (char *p = copy + 1; rc == 0; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(copy, 0700) < 0 && errno != EEXIST)
            rc = -1;
        *p = saved;
        if (saved == '\0')
            break;
    }
    free(copy);
    return rc;
}

bool file_same(const char *a, const char *b)
{
    struct stat x, y;
    return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* path with its folders and links resolved; when it does not exist, its
 * folder resolved and its own name kept. NULL when not even the folder
 * exists. Caller frees. */
static char *resolved(const char *path)
{
    char *full = realpath(path, NULL);
    if (full || errno != ENOENT)
        return full;
    const char *slash = strrchr(path, '/');
    char *folder = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path))
                         : xstrdup(".");
    char *real = realpath(folder, NULL);
    free(folder);
    if (!real)
        return NULL;
    char *out = xasprintf("%s/%s", strcmp(real, "/") ? real : "", slash ? slash + 1 : path);
    free(real);
    return out;
}

const char *file_database_part(const char *target, const char *db)
{
    static const char *const parts[] = {"", "-wal", "-shm", "-journal", "-lock"};
    /* SQLite keeps its -wal beside the file a linked database name points to. */
    char *bases[2] = {xstrdup(db), resolved(db)};
    char *where = resolved(target);
    const char *found = NULL;
    for (int b = 0; b < 2 && !found; b++) {
        for (size_t i = 0; bases[b] && i < sizeof parts / sizeof parts[0] && !found; i++) {
            char *part = xasprintf("%s%s", bases[b], parts[i]);
            char *real = resolved(part);
            if (file_same(target, part) || (where && real && !strcmp(where, real)))
                found = parts[i];
            free(real);
            free(part);
        }
    }
    free(where);
    free(bases[0]);
    free(bases[1]);
    return found;
}

char *file_absolute(const char *path)
{
    char *where = resolved(path);
    return where ? where : xstrdup(path);
}
