/* room_seat.c: a joined terminal for the tests, without the participant's
 * screen: joins SESSION of DB with CODE through the store, says what the
 * person is doing ("writing STEP", "done STEP"), takes their seat unless
 * told "leave", prints "seated" and waits until it is killed.
 * "vote STEP GROUP" ranks that one group first, as a terminal votes.
 * "chair" also holds the session's chair while it waits, as a facilitator's
 * open screen does, so that joined screens follow the saved place.
 *   room_seat DB SESSION CODE [writing STEP | done STEP | vote STEP GROUP | chair]... [leave] */
#include "store.h"
#include "store_room.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int fail(struct store *st, const char *what)
{
    fprintf(stderr, "room_seat: %s: %s\n", what, st ? store_error(st) : "");
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: room_seat DB SESSION CODE [writing STEP | done STEP | "
                        "vote STEP GROUP | chair]... [leave]\n");
        return 2;
    }
    struct store *st;
    char err[512];
    int64_t session, who;
    if (store_open(argv[1], 0, &st, err, sizeof err) < 0) {
        fprintf(stderr, "room_seat: %s\n", err);
        return 1;
    }
    if (store_find_session(st, argv[2], &session) < 0)
        return fail(st, "session");
    if (store_join(st, session, argv[3], &who) < 0)
        return fail(st, "join");
    bool leave = false, chair = false;
    for (int i = 4; i < argc; i++) {
        int step = i + 1 < argc ? step_from_id(argv[i + 1]) : -1;
        if (!strcmp(argv[i], "leave")) {
            leave = true;
        } else if (!strcmp(argv[i], "chair")) {
            chair = true;
        } else if (step < 0) {
            fprintf(stderr, "room_seat: %s needs a step\n", argv[i]);
            return 2;
        } else if (!strcmp(argv[i], "writing")) {
            if (store_room_set_writing(st, who, (enum step)step, true) < 0)
                return fail(st, "writing");
            i++;
        } else if (!strcmp(argv[i], "vote") && i + 2 < argc) {
            if (store_set_vote(st, session, who, (enum step)step, argv + i + 2, 1) < 0)
                return fail(st, "vote");
            i += 2;
        } else if (!strcmp(argv[i], "done")) {
            if (store_room_set_done(st, who, (enum step)step, true) < 0)
                return fail(st, "done");
            i++;
        } else {
            fprintf(stderr, "room_seat: what is %s?\n", argv[i]);
            return 2;
        }
    }
    if (leave) {
        store_close(st);
        return 0;
    }
    if (store_room_sit(st, who) < 0)
        return fail(st, "sit");
    if (chair)
        store_room_chair(st, session, true);
    printf("seated\n");
    fflush(stdout);
    for (;;)
        pause(); /* the seat is held until the process ends */
}
