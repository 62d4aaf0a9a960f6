/* store_presence.c: who is at a terminal now. A joined terminal holds a byte
 * of the database's -lock file (the writers' lock is byte 0) for its
 * participant; the kernel lets it go when the process ends, however it ends
 * (closed, killed, ssh dropped), so the projector sees at once who is gone,
 * with nothing written to the database and nothing to time out. */
#include "store_internal.h"
#include "store_room.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SEATS_FROM ((off_t)1 << 20) /* clear of byte 0, the writers' lock */
#define CHAIRS_FROM ((off_t)1 << 40) /* a facilitator's, per session: clear of every seat */
#define OBJECTING_FROM ((off_t)1 << 50) /* writing an objection, per participant: clear of chairs */

static struct flock seat_of(int64_t participant_id, short type)
{
    return (struct flock){.l_type = type, .l_whence = SEEK_SET,
                          .l_start = SEATS_FROM + (off_t)participant_id, .l_len = 1};
}

int store_room_sit(struct store *st, int64_t participant_id)
{
    if (st->lock_fd < 0)
        return store_fail(st, "%s is open read-only", st->path);
    struct flock fl = seat_of(participant_id, F_WRLCK);
    if (fcntl(st->lock_fd, F_SETLK, &fl) == 0)
        return 0;
    if (errno == EACCES || errno == EAGAIN)
        return store_fail(st, "that participant has already joined from another terminal");
    return store_fail(st, "cannot take a seat in %s-lock: %s", st->path, strerror(errno));
}

void store_room_stand(struct store *st, int64_t participant_id)
{
    if (st->lock_fd < 0)
        return;
    struct flock fl = seat_of(participant_id, F_UNLCK);
    fcntl(st->lock_fd, F_SETLK, &fl);
}

bool store_room_present(struct store *st, int64_t participant_id)
{
    if (st->lock_fd < 0)
        return false;
    /* F_GETLK sees other processes' locks only: this one's own seat is not "present" */
    struct flock fl = seat_of(participant_id, F_WRLCK);
    return fcntl(st->lock_fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
}

bool store_room_owner(const struct store *st)
{
    struct stat sb;
    return stat(st->path, &sb) == 0 && sb.st_uid == geteuid();
}

/* A facilitator's chair: shared, since two laptops may drive one session. */
static struct flock chair_of(int64_t session_id, short type)
{
    return (struct flock){.l_type = type, .l_whence = SEEK_SET,
                          .l_start = CHAIRS_FROM + (off_t)session_id, .l_len = 1};
}

void store_room_chair(struct store *st, int64_t session_id, bool taken)
{
    if (st->lock_fd < 0)
        return; /* read-only: a reviewer drives no room */
    struct flock fl = chair_of(session_id, taken ? F_RDLCK : F_UNLCK);
    fcntl(st->lock_fd, F_SETLK, &fl);
}

bool store_room_facilitated(struct store *st, int64_t session_id)
{
    if (st->lock_fd < 0)
        return false;
    struct flock fl = chair_of(session_id, F_WRLCK); /* blocked by any reader: someone sits */
    return fcntl(st->lock_fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
}

/* Writing an objection: a byte per participant, as a seat is. */
static struct flock objecting_of(int64_t participant_id, short type)
{
    return (struct flock){.l_type = type, .l_whence = SEEK_SET,
                          .l_start = OBJECTING_FROM + (off_t)participant_id, .l_len = 1};
}

void store_room_set_objecting(struct store *st, int64_t participant_id, bool writing)
{
    if (st->lock_fd < 0)
        return;
    struct flock fl = objecting_of(participant_id, writing ? F_WRLCK : F_UNLCK);
    fcntl(st->lock_fd, F_SETLK, &fl); /* a lost "writing" costs no work */
}

bool store_room_objecting(struct store *st, int64_t participant_id)
{
    if (st->lock_fd < 0)
        return false;
    struct flock fl = objecting_of(participant_id, F_WRLCK);
    return fcntl(st->lock_fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
}
