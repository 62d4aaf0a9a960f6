/* store_demo.c: puts the example workshops in the database. */
#include "paths.h"
#include "store_demo.h"
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

struct demo {
    const char *slug, *name, *file;
    bool there;
};

/* Whether the demo is there already; a session of the user's own under its slug is an error. */
static int find(struct store *st, struct demo *d)
{
    int64_t id;
    d->there = store_find_session(st, d->slug, &id) == 0;
    if (!d->there)
        return 0;
    struct session s;
    if (store_load_session(st, id, &s) < 0)
        return -1;
    bool ours = !strcmp(s.name, d->name);
    session_free(&s);
    if (!ours)
        return store_fail(st, "session %s is yours, not the demo; use another database with "
                              "--db", d->slug);
    return 0;
}

static int import(struct store *st, const struct demo *d)
{
    if (d->there)
        return 0;
    char *example = paths_data_file(d->file), *slug = NULL;
    int rc = store_import_file(st, example, d->slug, &slug);
    free(slug);
    free(example);
    return rc;
}

int store_import_demo(struct store *st, struct store_demo *out)
{
    struct demo under_way = {STORE_DEMO_SLUG, "Replyline positioning workshop",
                             "examples/demo.json", false};
    struct demo finished = {STORE_DEMO_FINISHED_SLUG, "Replyline positioning workshop, finished",
                            "examples/demo-finished.json", false};
    memset(out, 0, sizeof *out);
    /* The finished one goes in first: the list is newest first, and its first row is
     * then the workshop under way, where the screens open. */
    if (find(st, &under_way) < 0 || find(st, &finished) < 0 || import(st, &finished) < 0 ||
        import(st, &under_way) < 0)
        return -1;
    out->had_under_way = under_way.there;
    out->had_finished = finished.there;
    return store_find_session(st, STORE_DEMO_SLUG, &out->under_way);
}
