/* store_writers.c: one samesong writer at a time across processes, and the
 * only checkpoints of the WAL.
 *
 * Debian's SQLite 3.40 carries the WAL-reset bug (3.7.0 to 3.51.2): a
 * checkpoint started right after another one finished can miss that a commit
 * running at that moment restarted the WAL, and leave the wal-index saying
 * frames were copied that were not; the file is then corrupt. It takes a
 * commit and a checkpoint at the same time, which room mode (many terminals
 * writing to one file) would make ordinary. So every samesong write first
 * takes a lock of samesong's own, and checkpoints run only under it: SQLite's
 * own (after a commit, when the last connection closes) are turned off. No
 * commit can then overlap a checkpoint. The lock is byte 0 of DB-lock, a file
 * beside the database, taken with fcntl: the kernel lets it go when the
 * process ends, however it ends. */
#include "store_internal.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WAIT_MS 5000          /* as long as SQLite's busy timeout */
#define CHECKPOINT_FRAMES 1000 /* SQLite's own automatic checkpoint's size */

/* fcntl on one byte: F_WRLCK takes it, F_UNLCK gives it back. */
static int lock_byte(int fd, short type, off_t at)
{
    struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = at, .l_len = 1};
    return fcntl(fd, F_SETLK, &fl);
}

/* Every commit on this connection must hold the writers' lock: one that does
 * not is turned into a rollback (a write that took a way round store_begin). */
static int commit_hook(void *arg)
{
    const struct store *st = arg;
    return st->writing ? 0 : 1;
}

/* SQLite tells how long the WAL has grown after each commit. */
static int wal_hook(void *arg, sqlite3 *db, const char *name, int frames)
{
    (void)db, (void)name;
    struct store *st = arg;
    st->wal_frames = frames;
    return SQLITE_OK;
}

int store_writers_open(struct store *st)
{
    /* beside the file a linked name points to, as SQLite puts its -wal: every
     * name of the database must come to the same lock */
    char *real = realpath(st->path, NULL);
    char *path = xasprintf("%s-lock", real ? real : st->path);
    free(real);
    /* 0666 less the umask, as SQLite makes its -wal and -shm: whoever may
     * write the database (a stakeholder's account too) must take the lock. */
    st->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (st->lock_fd < 0) {
        store_fail(st, "cannot open %s, samesong's lock beside the database: %s", path,
                   strerror(errno));
        free(path);
        return -1;
    }
    free(path);
    int on = 1;
    if (sqlite3_exec(st->db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, &on) != SQLITE_OK)
        return store_sql_fail(st, st->path);
    sqlite3_commit_hook(st->db, commit_hook, st);
    sqlite3_wal_hook(st->db, wal_hook, st);
    return 0;
}

/* Milliseconds since *start, by the clock: on a busy machine each 2 ms pause
 * takes longer, and counting them made "5 s" last 15. */
static long ms_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
}

bool store_locks_missing(const char *path)
{
    /* a database not made yet: its folder, on the same file system */
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        char *folder = xstrdup(path), *slash = strrchr(folder, '/');
        if (slash)
            slash[slash == folder] = '\0';
        fd = open(slash ? folder : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        free(folder);
    }
    if (fd < 0)
        return false;
    struct flock fl = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 1};
    bool missing = fcntl(fd, F_GETLK, &fl) < 0 && errno == ENOLCK;
    close(fd);
    return missing;
}

int store_writers_lock(struct store *st)
{
    if (st->lock_fd < 0)
        return store_fail(st, "%s is open read-only", st->path);
    struct timespec start, pause = {0, 2 * 1000 * 1000};
    clock_gettime(CLOCK_MONOTONIC, &start);
    while (lock_byte(st->lock_fd, F_WRLCK, 0) < 0) {
        if (errno == ENOLCK)
            return store_fail(st, STORE_NO_LOCKS, st->path);
        if (errno != EACCES && errno != EAGAIN && errno != EINTR)
            return store_fail(st, "cannot lock %s: %s", st->path, strerror(errno));
        if (ms_since(&start) >= WAIT_MS)
            return store_fail(st, "another samesong has been writing to %s for %d s; try again",
                              st->path, WAIT_MS / 1000);
        nanosleep(&pause, NULL);
    }
    st->writing = true;
    return 0;
}

/* A checkpoint while this process holds the lock, so no commit runs meanwhile.
 * PASSIVE never waits for readers: it copies what none of them still needs,
 * and once all is copied the next commit starts the -wal over, unless a
 * reader is in it just then (terminals read briefly after each commit, so a
 * pause in the typing is enough; a process reading without pause would keep
 * it growing). Truncate also empties the -wal, which only happens when no
 * reader is in it. */
static void checkpoint(struct store *st, bool truncate)
{
    int frames = 0, copied = 0;
    if (truncate) {
        sqlite3_busy_timeout(st->db, 0); /* a reader in the -wal: leave it for later */
        sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &frames, &copied);
    } else {
        sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_PASSIVE, &frames, &copied);
    }
    st->wal_frames = 0;
}

void store_writers_unlock(struct store *st)
{
    if (!st->writing)
        return;
    if (st->wal_frames >= CHECKPOINT_FRAMES)
        checkpoint(st, false);
    st->writing = false;
    lock_byte(st->lock_fd, F_UNLCK, 0);
}

void store_writers_close(struct store *st)
{
    if (st->lock_fd < 0)
        return;
    /* what SQLite did on the last close, done under the lock: copy the -wal
     * into the database and empty it, when no one is reading it. Only if the
     * lock is free: whoever holds it is still here and leaves later (the last
     * to leave finds it free), and a write that gave up after 5 s ends then,
     * not 5 s later. */
    if (!st->writing && lock_byte(st->lock_fd, F_WRLCK, 0) == 0) {
        st->writing = true;
        checkpoint(st, true);
        st->writing = false;
        lock_byte(st->lock_fd, F_UNLCK, 0);
    }
    close(st->lock_fd);
    st->lock_fd = -1;
}
