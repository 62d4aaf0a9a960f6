/* store_walk_in.c: walk-ins in room mode: the session's one walk-in code
 * (a salted hash, like a personal code), and the newcomers it adds, each
 * with a code of their own from then on. */
#include "store_internal.h"
#include "store_room.h"

#include <stdlib.h>

int store_open_walk_ins(struct store *st, int64_t session_id, char code[ROOM_CODE_LEN + 1])
{
    char salt[17], *hash;
    if (store_code_make(st, code, salt, &hash) < 0)
        return -1;
    struct store_args a = {.session = session_id, .text = hash, .label = salt};
    /* a new row: a code taken back before works again only as this new one */
    int rc = store_change(st,
                          "INSERT OR REPLACE INTO walk_ins (session_id, code_hash, salt)"
                          " SELECT :session, :text, :label FROM sessions"
                          " WHERE id = :session AND mode = 'workshop'",
                          &a, true,
                          "a solo session has one participant; walk-ins are for a workshop",
                          "walk-ins", "open");
    free(hash);
    if (rc < 0)
        code[0] = '\0';
    return rc;
}

int store_close_walk_ins(struct store *st, int64_t session_id)
{
    struct store_args a = {.session = session_id};
    return store_change(st,
                        "UPDATE walk_ins SET revoked_at = " STORE_NOW
                        " WHERE session_id = :session AND revoked_at IS NULL",
                        &a, true, "walk-ins are not open for this session", "walk-ins",
                        "closed");
}

int store_walk_in(struct store *st, int64_t session_id, const char *code, const char *name,
                  enum role role, int64_t *participant_id, char own[ROOM_CODE_LEN + 1])
{
    *participant_id = 0;
    own[0] = '\0';
    int64_t owner, id = 0;
    if (store_code_check(st, session_id, code, &owner) < 0)
        return -1;
    /* a person's own code says who they are already: it adds no one */
    int rc = owner ? store_fail(st, "that is a personal join code, not the walk-in code") : 0;
    if (rc == 0)
        rc = store_insert_participant(st, session_id, name, role, &id);
    if (rc == 0)
        rc = store_code_give(st, id, own);
    struct store_args a = {.participant = id};
    if (rc == 0)
        rc = store_run(st, "UPDATE invites SET joined_at = " STORE_NOW
                           " WHERE participant_id = :participant",
                       &a, true, "");
    if (store_end_change(st, rc, session_id, id, "walk in", session_roles[role].id) < 0) {
        own[0] = '\0';
        return -1;
    }
    *participant_id = id;
    return 0;
}
