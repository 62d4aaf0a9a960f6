/* ui_wake.c: waits for a key or for another process's commit to the database,
 * so the screens show the room's answers at once rather than at the next tick.
 *
 * Why inotify on the -wal file: every commit of another process is a write()
 * to it (the store keeps the database in WAL mode and keeps the -wal), so the
 * kernel wakes the screen within a millisecond and an idle screen does no
 * work at all between commits. A shorter poll of PRAGMA data_version would
 * cost each of the room's terminals a redraw and a read transaction many times
 * a second to get near that, and still not reach it. Where inotify is missing
 * (not Linux, a file system that does not report writes, no -wal: a read-only
 * or immutable open) the loop's half-second tick polls data_version as before.
 *
 * The write that wakes us can come just before the writer publishes its commit
 * in the -shm index, which makes no event; so after each write the loop looks
 * again a few times, 20 ms apart. */
#include "ui.h"
#include "util.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/inotify.h>
#endif

#define SETTLE_MS 20
#define SETTLE_LOOKS 5

struct ui_wake {
    int fd;             /* the inotify descriptor, or -1 */
    int watch;          /* the -wal file's watch, or -1 when it went (deleted, replaced) */
    char *wal;
    int settle;         /* looks left after the last write */
};

#ifdef __linux__
static void watch_wal(struct ui_wake *w)
{
    w->watch = inotify_add_watch(w->fd, w->wal, IN_MODIFY);
}
#endif

struct ui_wake *ui_wake_open(const char *db_path)
{
    struct ui_wake *w = xcalloc(1, sizeof *w);
    w->fd = w->watch = -1;
#ifdef __linux__
    w->wal = xasprintf("%s-wal", db_path);
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd >= 0)
        watch_wal(w);
#else
    (void)db_path;
#endif
    return w;
}

void ui_wake_close(struct ui_wake *w)
{
    if (!w)
        return;
    if (w->fd >= 0)
        close(w->fd);
    free(w->wal);
    free(w);
}

static bool watching_wal(const struct ui_wake *w)
{
    return w && w->fd >= 0 && w->watch >= 0;
}

/* Reads every event queued; true when one was a write. A watch that went
 * (IN_IGNORED: the file was deleted or its file system unmounted) is made
 * again on the next wait, if the file is back. */
static bool drain(struct ui_wake *w)
{
    bool wrote = false;
#ifdef __linux__
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    ssize_t n;
    while ((n = read(w->fd, buf, sizeof buf)) > 0) {
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            if (ev->mask & IN_MODIFY)
                wrote = true;
            if (ev->mask & IN_IGNORED)
                w->watch = -1, wrote = true;
            p += sizeof *ev + ev->len;
        }
    }
#endif
    return wrote;
}

int ui_wake_wait(struct ui_wake *w, int ms, bool *changed)
{
    *changed = false;
#ifdef __linux__
    if (w && w->fd >= 0 && w->watch < 0)
        watch_wal(w);
#endif
    bool watching = watching_wal(w);
    if (watching && w->settle > 0 && ms > SETTLE_MS)
        ms = SETTLE_MS;
    struct pollfd fds[2] = {{.fd = STDIN_FILENO, .events = POLLIN},
                            {.fd = watching ? w->fd : -1, .events = POLLIN}};
    int r = poll(fds, 2, ms);
    if (r < 0)
        return -1; /* errno says why: EINTR after a signal */
    if (watching && (fds[1].revents & POLLIN) && drain(w)) {
        w->settle = SETTLE_LOOKS;
        *changed = true;
    } else if (r == 0 && watching && w->settle > 0) {
        w->settle--;
        *changed = true;
    }
    return r;
}
