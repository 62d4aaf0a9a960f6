/* no_locks.c: an LD_PRELOAD shim for tests/cli_no_locks.sh. Every fcntl lock
 * fails with ENOLCK, as on a file system without file locks (some network
 * shares); every other fcntl goes through. */
#include "config.h" /* _GNU_SOURCE, for RTLD_NEXT */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>

static int pass_on(const char *name, int fd, int cmd, void *arg)
{
    int (*real)(int, int, ...) = (int (*)(int, int, ...))dlsym(RTLD_NEXT, name);
    if (!real) {
        errno = ENOSYS;
        return -1;
    }
    return real(fd, cmd, arg);
}

static bool is_lock(int cmd)
{
    return cmd == F_SETLK || cmd == F_SETLKW || cmd == F_GETLK || cmd == F_OFD_SETLK ||
           cmd == F_OFD_SETLKW || cmd == F_OFD_GETLK;
}

/* fcntl and fcntl64 alike: a lock fails, anything else goes to libc's. */
static int shim(const char *name, int fd, int cmd, void *arg)
{
    if (is_lock(cmd)) {
        errno = ENOLCK;
        return -1;
    }
    return pass_on(name, fd, cmd, arg);
}

int fcntl(int fd, int cmd, ...)
{
    va_list ap;
    va_start(ap, cmd);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    return shim("fcntl", fd, cmd, arg);
}

int fcntl64(int fd, int cmd, ...)
{
    va_list ap;
    va_start(ap, cmd);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    return shim("fcntl64", fd, cmd, arg);
}
