/* chain.h: the chain check: where the positioning method's chain of
 * decisions breaks (a value theme with no capability behind it, a
 * capability that beats nothing, ...). Pure C: no SQL, no curses. */
#ifndef SAMESONG_CHAIN_H
#define SAMESONG_CHAIN_H

#include "session.h"

#include <stddef.h>

/* Every way the chain can break, in the order a step lists them. */
enum chain_kind {
    CHAIN_UNDECIDED,      /* the step has no decision yet */
    CHAIN_NO_ALTERNATIVE, /* a capability that beats no named alternative */
    CHAIN_NO_CAPABILITY,  /* a value theme with no capability behind it */
    CHAIN_NOT_TODAY,      /* a value theme backed by a capability tagged roadmap or not planned */
    CHAIN_UNTAGGED,       /* a value theme backed by a capability nobody has tagged */
    CHAIN_NO_PROOF,       /* a value theme with no proof */
    CHAIN_NO_VALUE,       /* a customer trait, or the category, tied to no value theme */
};
#define CHAIN_KIND_COUNT 7

struct chain_break {
    enum chain_kind kind;
    enum step step;     /* the step whose decision it is in */
    char *item;         /* the item (a line of that decision); NULL for CHAIN_UNDECIDED */
    char *capability;   /* CHAIN_NOT_TODAY, CHAIN_UNTAGGED: the capability the value rests
                         * on; else NULL */
    char *tag;          /* CHAIN_NOT_TODAY: its tag, "roadmap" or "not planned"; else NULL */
};

/* Walks the chain of s's decisions and lists every break, step by step in
 * the walk's order, and within a step item by item. A step not decided yet
 * is one break (CHAIN_UNDECIDED) and nothing more: its items cannot be
 * checked, and the items of the steps that build on it cannot be tied to
 * it, so they are not listed one by one as well. A link counts only when
 * its target is an item of the decision now. *out is the caller's to free
 * with chain_free; *count is 0 (and *out NULL) when the chain holds. */
void chain_check(const struct session *s, struct chain_break **out, size_t *count);
void chain_free(struct chain_break *breaks, size_t count);
/* Only how many breaks chain_check finds. */
size_t chain_break_count(const struct session *s);

/* The kind's id in JSON: "undecided", "no-alternative", "no-capability",
 * "not-today", "untagged", "no-proof", "no-value". */
const char *chain_kind_id(enum chain_kind kind);

/* One plain sentence that names the break, for people: "The value theme
 * \"Fast answers\" has no proof." The item's text is as the decision has
 * it, not sanitised (caller frees, and sanitises it for a terminal). */
char *chain_sentence(const struct chain_break *b);

#endif
