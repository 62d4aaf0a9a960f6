/* walk.c: the order of a session's walk and where a session opens. */
#include "walk.h"
#include "session.h"

#include <string.h>

static const char *const kind_names[WALK_KIND_COUNT] = {"setup",  "step",      "reveal",
                                                        "decide", "narrative", "canvas"};

const char *walk_kind_name(enum walk_kind kind)
{
    return kind_names[kind];
}

int walk_kind_from_name(const char *name)
{
    for (int k = 0; k < WALK_KIND_COUNT; k++)
        if (name && !strcmp(name, kind_names[k]))
            return k;
    return -1;
}

static bool per_step(enum walk_kind kind)
{
    return kind == WALK_STEP || kind == WALK_REVEAL || kind == WALK_DECIDE;
}

int walk_places(bool solo, struct walk_place *out)
{
    int n = 0;
    if (!solo)
        out[n++] = (struct walk_place){WALK_SETUP, 0};
    for (int s = 0; s < STEP_COUNT; s++) {
        out[n++] = (struct walk_place){WALK_STEP, s};
        if (!solo)
            out[n++] = (struct walk_place){WALK_REVEAL, s};
        out[n++] = (struct walk_place){WALK_DECIDE, s};
    }
    out[n++] = (struct walk_place){WALK_NARRATIVE, 0};
    out[n++] = (struct walk_place){WALK_CANVAS, 0};
    return n;
}

bool walk_move(bool solo, struct walk_place *here, int direction)
{
    struct walk_place places[WALK_MAX_PLACES];
    int n = walk_places(solo, places), at = 0;
    for (int i = 0; i < n; i++)
        if (places[i].kind == here->kind && (!per_step(here->kind) || places[i].step == here->step))
            at = i;
    int next = at + direction;
    if (next < 0 || next >= n)
        return false;
    *here = places[next];
    return true;
}

struct walk_place walk_opening(bool solo, bool has_people, bool only_read, int saved_kind,
                               int saved_step)
{
    struct walk_place p = {solo || has_people ? WALK_STEP : WALK_SETUP, 0};
    if (saved_kind >= 0) {
        p.kind = (enum walk_kind)saved_kind;
        p.step = saved_step >= 0 && saved_step < STEP_COUNT ? saved_step : 0;
    }
    if (solo && (p.kind == WALK_SETUP || p.kind == WALK_REVEAL))
        p.kind = WALK_STEP;
    if (only_read) /* a reviewer starts from what was decided */
        p.kind = WALK_CANVAS;
    if (!per_step(p.kind))
        p.step = 0;
    return p;
}
