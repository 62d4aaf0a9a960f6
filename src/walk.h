/* walk.h: the order of a session's walk and where a session opens: pure, no
 * curses and no SQL, so it is tested on its own. */
#ifndef SAMESONG_WALK_H
#define SAMESONG_WALK_H

#include <stdbool.h>

/* The places of the walk, named as the screens that show them. */
enum walk_kind { WALK_SETUP, WALK_STEP, WALK_REVEAL, WALK_DECIDE, WALK_NARRATIVE, WALK_CANVAS };
#define WALK_KIND_COUNT 6
#define WALK_MAX_PLACES 32

struct walk_place {
    enum walk_kind kind;
    int step;           /* for the step's entry, reveal and decision; 0 otherwise */
};

/* The name a place is saved under ("reveal"), and back; -1 for no place. */
const char *walk_kind_name(enum walk_kind kind);
int walk_kind_from_name(const char *name);

/* The walk in order: setup, then each step's entry, reveal and decision (a
 * solo session has no setup and no reveal), the narrative, the canvas.
 * Returns how many places it wrote into out (at most WALK_MAX_PLACES). */
int walk_places(bool solo, struct walk_place *out);

/* Moves here one place along the walk (direction +1 or -1); false, leaving
 * it as it is, at either end. */
bool walk_move(bool solo, struct walk_place *here, int direction);

/* Where a session opens: where the room was (saved_kind, -1 for nowhere
 * saved), or the start of the walk; never a place the session has not
 * (setup or a reveal when solo); the canvas when it is only to be read. */
struct walk_place walk_opening(bool solo, bool has_people, bool only_read, int saved_kind,
                               int saved_step);

#endif
