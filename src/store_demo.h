/* store_demo.h: the example workshops samesong brings, the one under way and
 * the same one finished; `samesong demo` and D on the session list both put
 * them in the database through here. */
#ifndef SAMESONG_STORE_DEMO_H
#define SAMESONG_STORE_DEMO_H

#include "store.h"

#define STORE_DEMO_SLUG "replyline-positioning-workshop"
#define STORE_DEMO_FINISHED_SLUG "replyline-finished-canvas"

struct store_demo {
    bool had_under_way, had_finished; /* each was in the database already */
    int64_t under_way;                /* the workshop under way, where the screens open */
};

/* Imports whichever of the two is not in the database yet, from the data
 * directory's examples. Both slugs are checked first: a session of the
 * user's own under either is an error, and then nothing is imported. */
int store_import_demo(struct store *st, struct store_demo *out);

#endif
