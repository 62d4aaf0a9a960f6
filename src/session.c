/* session.c: the five steps, the roles, and freeing a session in memory. */
#include "session.h"

#include <stdlib.h>
#include <string.h>

const char *const step_ids[STEP_COUNT] = {
    "alternatives", "capabilities", "value", "customers", "category",
};

const char *const role_ids[ROLE_COUNT] = {
    "ceo", "marketing", "sales", "product", "success", "other",
};

static int find_id(const char *const *ids, int count, const char *id)
{
    for (int i = 0; i < count; i++)
        if (strcmp(ids[i], id) == 0)
            return i;
    return -1;
}

int step_from_id(const char *id)
{
    return find_id(step_ids, STEP_COUNT, id);
}

int role_from_id(const char *id)
{
    return find_id(role_ids, ROLE_COUNT, id);
}

int session_find_participant(const struct session *s, const char *name)
{
    for (size_t i = 0; i < s->participant_count; i++)
        if (strcmp(s->participants[i].name, name) == 0)
            return (int)i;
    return -1;
}

void session_free(struct session *s)
{
    free(s->slug);
    free(s->name);
    free(s->product);
    free(s->created_at);
    free(s->locked_at);
    free(s->lock_digest);
    for (size_t i = 0; i < s->participant_count; i++)
        free(s->participants[i].name);
    free(s->participants);
    for (size_t i = 0; i < s->input_count; i++) {
        free(s->inputs[i].text);
        free(s->inputs[i].group);
    }
    free(s->inputs);
    for (size_t i = 0; i < s->vote_count; i++) {
        for (size_t j = 0; j < s->votes[i].ranking_count; j++)
            free(s->votes[i].ranking[j]);
        free(s->votes[i].ranking);
    }
    free(s->votes);
    for (size_t i = 0; i < s->tag_count; i++) {
        free(s->tags[i].group);
        free(s->tags[i].tag);
    }
    free(s->tags);
    for (int i = 0; i < STEP_COUNT; i++)
        free(s->decisions[i]);
    free(s->narrative);
    memset(s, 0, sizeof *s);
}
