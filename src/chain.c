/* chain.c: the chain check: every break in the method's chain of decisions. */
#include "chain.h"
#include "method.h"
#include "util.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Each decided step's items, once, for the whole walk. */
struct chain_items {
    char **items[STEP_COUNT];
    size_t count[STEP_COUNT];
};

static void add(struct chain_break **out, size_t *count, size_t *cap, enum chain_kind kind,
                enum step step, const char *item)
{
    struct chain_break *b = array_push(out, count, cap, sizeof **out);
    b->kind = kind;
    b->step = step;
    b->item = item ? xstrdup(item) : NULL;
}

/* The index of the item of step's decision that target names, or -1. */
static int find(const struct chain_items *it, enum step step, const char *target)
{
    for (size_t i = 0; i < it->count[step]; i++)
        if (method_same_item(it->items[step][i], target))
            return (int)i;
    return -1;
}

/* Whether s links item of step to target_item of the step it builds on;
 * with target_item NULL, to any item that decision has now. */
static bool linked(const struct session *s, const struct chain_items *it, enum step step,
                   const char *item, const char *target_item)
{
    for (size_t i = 0; i < s->link_count; i++) {
        const struct decision_link *l = &s->links[i];
        if (l->step != step || !method_same_item(l->item, item))
            continue;
        if (target_item ? method_same_item(l->target, target_item)
                        : find(it, method_builds_on(step), l->target) >= 0)
            return true;
    }
    return false;
}

static bool has_proof(const struct session *s, const char *item)
{
    for (size_t i = 0; i < s->proof_count; i++)
        if (method_same_item(s->proofs[i].item, item))
            return true;
    return false;
}

void chain_check(const struct session *s, struct chain_break **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    size_t cap = 0;
    struct chain_items it = {0};
    for (int st = 0; st < STEP_COUNT; st++)
        it.count[st] = method_items(s->decisions[st], &it.items[st]);

    for (int st = 0; st < STEP_COUNT; st++) {
        enum step step = (enum step)st, on = method_builds_on(step);
        if (!it.count[step]) {
            add(out, count, &cap, CHAIN_UNDECIDED, step, NULL);
            continue;
        }
        /* tied back to the step it builds on: said once when that is undecided */
        bool can_tie = on != STEP_COUNT && it.count[on] > 0;
        static const enum chain_kind untied[STEP_COUNT] = {
            [STEP_CAPABILITIES] = CHAIN_NO_ALTERNATIVE, [STEP_VALUE] = CHAIN_NO_CAPABILITY,
            [STEP_CUSTOMERS] = CHAIN_NO_VALUE, [STEP_CATEGORY] = CHAIN_NO_VALUE};
        for (size_t i = 0; i < it.count[step]; i++) {
            const char *item = it.items[step][i];
            if (can_tie && !linked(s, &it, step, item, NULL))
                add(out, count, &cap, untied[step], step, item);
            if (step != STEP_VALUE)
                continue;
            /* what the value rests on must be there today, not promised, and
             * someone must have checked that against the product */
            for (size_t c = 0; can_tie && c < it.count[STEP_CAPABILITIES]; c++) {
                const char *capability = it.items[STEP_CAPABILITIES][c];
                const char *tag = method_capability_tag(s, capability);
                if ((tag && !strcmp(tag, "today")) || !linked(s, &it, step, item, capability))
                    continue;
                add(out, count, &cap, tag ? CHAIN_NOT_TODAY : CHAIN_UNTAGGED, step, item);
                (*out)[*count - 1].capability = xstrdup(capability);
                (*out)[*count - 1].tag = tag ? xstrdup(tag) : NULL;
            }
            if (!has_proof(s, item))
                add(out, count, &cap, CHAIN_NO_PROOF, step, item);
        }
    }
    for (int st = 0; st < STEP_COUNT; st++)
        method_items_free(it.items[st], it.count[st]);
}

void chain_free(struct chain_break *breaks, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(breaks[i].item);
        free(breaks[i].capability);
        free(breaks[i].tag);
    }
    free(breaks);
}

size_t chain_break_count(const struct session *s)
{
    struct chain_break *breaks;
    size_t count;
    chain_check(s, &breaks, &count);
    chain_free(breaks, count);
    return count;
}

const char *chain_kind_id(enum chain_kind kind)
{
    static const char *const ids[CHAIN_KIND_COUNT] = {
        [CHAIN_UNDECIDED] = "undecided",         [CHAIN_NO_ALTERNATIVE] = "no-alternative",
        [CHAIN_NO_CAPABILITY] = "no-capability", [CHAIN_NOT_TODAY] = "not-today",
        [CHAIN_UNTAGGED] = "untagged",           [CHAIN_NO_PROOF] = "no-proof",
        [CHAIN_NO_VALUE] = "no-value",
    };
    return ids[kind];
}

char *chain_sentence(const struct chain_break *b)
{
    switch (b->kind) {
    case CHAIN_UNDECIDED:
        return xasprintf("The %s step is not decided yet.", session_steps[b->step].id);
    case CHAIN_NO_ALTERNATIVE:
        return xasprintf("The capability \"%s\" beats no named alternative.", b->item);
    case CHAIN_NO_CAPABILITY:
        return xasprintf("The value theme \"%s\" has no capability behind it.", b->item);
    case CHAIN_NOT_TODAY:
        return xasprintf("The value theme \"%s\" rests on \"%s\", a capability tagged %s, not "
                         "today.", b->item, b->capability, b->tag);
    case CHAIN_UNTAGGED:
        return xasprintf("The value theme \"%s\" rests on \"%s\", a capability nobody has "
                         "checked against the product: tag it today, roadmap or not planned.",
                         b->item, b->capability);
    case CHAIN_NO_PROOF:
        return xasprintf("The value theme \"%s\" has no proof.", b->item);
    case CHAIN_NO_VALUE:
        return xasprintf(b->step == STEP_CATEGORY ? "The category \"%s\" is tied to no value theme."
                                                  : "The customer trait \"%s\" is tied to no "
                                                    "value theme.", b->item);
    }
    return xstrdup("");
}
