/* store_decisions.c: what the room decides: each step's decision and the
 * sales narrative. Each is one transaction. */
#include "store_internal.h"
#include "store_method.h"
#include "text.h"

#include <stdlib.h>

int store_set_decision(struct store *st, int64_t session_id, enum step step, const char *text)
{
    return store_decide(st, session_id, step, text, NULL);
}

int store_set_narrative(struct store *st, int64_t session_id, const char *text)
{
    char *clean = store_checked_text(st, "narrative", text, &TEXT_NARRATIVE);
    if (!clean)
        return -1;
    struct store_args a = {.session = session_id, .text = clean};
    int rc = store_change(st, "UPDATE sessions SET narrative = :text WHERE id = :session", &a,
                          true, "no such session", "narrative", "");
    free(clean);
    return rc;
}
