/* pitch.c: the sales pitch's sections and the drafts they start from. */
#include "pitch.h"
#include "method.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const pitch_section_ids[PITCH_SECTION_COUNT] = {
    "insight", "alternatives", "perfect-world", "product", "value", "objections", "ask"};
const char *const pitch_section_titles[PITCH_SECTION_COUNT] = {
    "Insight", "Alternatives", "Perfect world", "The product", "Value and proof", "Objections",
    "The ask"};
const char *const pitch_section_cues[PITCH_SECTION_COUNT] = {
    "The context that makes the value matter: who feels it, and why now.",
    "What customers do today, and where each alternative falls short.",
    "What their world looks like once the value is theirs.",
    "Introducing the product, in its market category.",
    "The differentiated value, each theme with what backs it.",
    "What buyers object, and the answer to each.",
    "What we ask the buyer to do next.",
};

int pitch_section_from_id(const char *id)
{
    for (int i = 0; i < PITCH_SECTION_COUNT; i++)
        if (!strcmp(id, pitch_section_ids[i]))
            return i;
    return -1;
}

bool pitch_written(const struct session *s)
{
    for (int i = 0; i < PITCH_SECTION_COUNT; i++)
        if (s->pitch[i])
            return true;
    return false;
}

/* A list of names as a sentence says it: "a", "a and b", "a, b and c". */
struct names {
    const char **name;
    size_t count, cap;
};

static void names_add(struct names *n, const char *name)
{
    for (size_t i = 0; i < n->count; i++)
        if (method_same_item(n->name[i], name))
            return; /* each once */
    *(const char **)array_push(&n->name, &n->count, &n->cap, sizeof *n->name) = name;
}

static void names_put(struct strbuf *b, const struct names *n, const char *conjunction)
{
    for (size_t i = 0; i < n->count; i++)
        strbuf_printf(b, "%s%s",
                      i == 0 ? "" : i + 1 < n->count ? ", " : conjunction, n->name[i]);
}

/* Capabilities as names_put says them, one the product cannot back today
 * marked as the links screen marks it ("AI replies (roadmap)"), so the room
 * sees the promise before it goes into the pitch. */
static void capabilities_put(struct strbuf *b, const struct session *s, const struct names *n,
                             const char *conjunction)
{
    for (size_t i = 0; i < n->count; i++) {
        const char *tag = method_not_today(s, n->name[i]);
        strbuf_printf(b, "%s%s%s%s%s", i == 0 ? "" : i + 1 < n->count ? ", " : conjunction,
                      n->name[i], tag ? " (" : "", tag ? tag : "", tag ? ")" : "");
    }
}

/* Every step's decision's items, read once for a draft. */
struct chain {
    char **item[STEP_COUNT];
    size_t count[STEP_COUNT];
};

/* Whether s links item of step to target (an item of the step it builds on). */
static bool linked(const struct session *s, enum step step, const char *item, const char *target)
{
    for (size_t i = 0; i < s->link_count; i++)
        if (s->links[i].step == step && method_same_item(s->links[i].item, item) &&
            method_same_item(s->links[i].target, target))
            return true;
    return false;
}

/* The items of step's decision that link to target, in the decision's order
 * and words: the capabilities that beat an alternative, say. */
static void linked_from(const struct session *s, const struct chain *c, enum step step,
                        const char *target, struct names *out)
{
    for (size_t i = 0; i < c->count[step]; i++)
        if (linked(s, step, c->item[step][i], target))
            names_add(out, c->item[step][i]);
}

/* The items item of step links to, in their decision's order and words: the
 * capabilities a value theme comes from. */
static void linked_to(const struct session *s, const struct chain *c, enum step step,
                      const char *item, struct names *out)
{
    enum step to = method_builds_on(step);
    for (size_t i = 0; i < c->count[to]; i++)
        if (linked(s, step, item, c->item[to][i]))
            names_add(out, c->item[to][i]);
}

static void all_items(const struct chain *c, enum step step, struct names *out)
{
    for (size_t i = 0; i < c->count[step]; i++)
        names_add(out, c->item[step][i]);
}

/* The champion's role as a sentence names a person: "the Head of support",
 * unless the room wrote it with its own article ("the CFO", "a founder"). */
static char *the_role(const char *role)
{
    static const char *const articles[] = {"the ", "a ", "an ", "our ", "their ", "your "};
    for (size_t i = 0; i < sizeof articles / sizeof *articles; i++)
        if (!strncasecmp(role, articles[i], strlen(articles[i])))
            return xstrdup(role);
    return xasprintf("the %s", role);
}

static void draft_insight(const struct session *s, const struct chain *c, struct strbuf *b)
{
    struct names who = {0}, cares = {0}, context = {0};
    all_items(c, STEP_CUSTOMERS, &who);
    for (size_t i = 0; i < c->count[STEP_CUSTOMERS]; i++)
        linked_to(s, c, STEP_CUSTOMERS, c->item[STEP_CUSTOMERS][i], &cares);
    all_items(c, STEP_CATEGORY, &context);
    if (who.count) {
        strbuf_puts(b, "Who feels it: ");
        names_put(b, &who, " and ");
        strbuf_puts(b, "\n");
    }
    if (cares.count) {
        strbuf_puts(b, "What matters to them most: ");
        names_put(b, &cares, " and ");
        strbuf_puts(b, "\n");
    }
    if (s->champion_role) { /* the why as the room wrote it, whatever its first word */
        char *role = the_role(s->champion_role);
        strbuf_printf(b, "Their champion: %s%s%s%s\n", role, s->champion_why ? " (why: " : "",
                      s->champion_why ? s->champion_why : "", s->champion_why ? ")" : "");
        free(role);
    }
    if (context.count) {
        strbuf_puts(b, "The context: ");
        names_put(b, &context, " and ");
        strbuf_puts(b, "\n");
    }
    free(who.name);
    free(cares.name);
    free(context.name);
}

static void draft_alternatives(const struct session *s, const struct chain *c, struct strbuf *b)
{
    if (c->count[STEP_ALTERNATIVES])
        strbuf_puts(b, "Today they make do with:\n");
    for (size_t i = 0; i < c->count[STEP_ALTERNATIVES]; i++) {
        const char *alternative = c->item[STEP_ALTERNATIVES][i];
        struct names beaten_by = {0};
        linked_from(s, c, STEP_CAPABILITIES, alternative, &beaten_by);
        strbuf_printf(b, "- %s", alternative);
        if (beaten_by.count) {
            strbuf_puts(b, ": no ");
            capabilities_put(b, s, &beaten_by, " or ");
        }
        strbuf_puts(b, "\n");
        free(beaten_by.name);
    }
}

static void draft_perfect_world(const struct session *s, const struct chain *c, struct strbuf *b)
{
    (void)s;
    if (c->count[STEP_VALUE])
        strbuf_puts(b, "In a perfect world:\n");
    for (size_t i = 0; i < c->count[STEP_VALUE]; i++)
        strbuf_printf(b, "- %s\n", c->item[STEP_VALUE][i]);
}

static void draft_product(const struct session *s, const struct chain *c, struct strbuf *b)
{
    struct names in = {0}, others = {0};
    all_items(c, STEP_CATEGORY, &in);
    strbuf_printf(b, "Introducing %s", *s->product ? s->product : "our product");
    if (in.count) {
        strbuf_puts(b, ": ");
        names_put(b, &in, " and ");
    }
    strbuf_puts(b, ".\n");
    /* big fish: the pond is the best-fit customers; head to head: the rivals */
    all_items(c, s->style == STYLE_BIG_FISH ? STEP_CUSTOMERS : STEP_ALTERNATIVES, &others);
    if (in.count && s->style == STYLE_HEAD_TO_HEAD && others.count) {
        strbuf_puts(b, "Head to head: the one that beats ");
        names_put(b, &others, " and ");
        strbuf_puts(b, ".\n");
    } else if (in.count && s->style == STYLE_BIG_FISH && others.count) {
        strbuf_puts(b, "Built for ");
        names_put(b, &others, " and ");
        strbuf_puts(b, ".\n");
    } else if (in.count && s->style == STYLE_NEW_CATEGORY) {
        strbuf_puts(b, "A new kind of product: ");
        names_put(b, &in, " and ");
        strbuf_puts(b, ".\n");
    }
    free(in.name);
    free(others.name);
}

static void draft_value(const struct session *s, const struct chain *c, struct strbuf *b)
{
    for (size_t i = 0; i < c->count[STEP_VALUE]; i++) {
        const char *value = c->item[STEP_VALUE][i];
        struct names from = {0};
        linked_to(s, c, STEP_VALUE, value, &from);
        strbuf_printf(b, "- %s", value);
        if (from.count) {
            strbuf_puts(b, ", from ");
            capabilities_put(b, s, &from, " and ");
        }
        strbuf_puts(b, "\n");
        bool proven = false;
        for (size_t p = 0; p < s->proof_count; p++)
            if (method_same_item(s->proofs[p].item, value)) {
                strbuf_printf(b, "  Proof (%s): %s\n", method_proof_kinds[s->proofs[p].kind],
                              s->proofs[p].text);
                proven = true;
            }
        if (!proven)
            strbuf_puts(b, "  Proof: none yet\n");
        free(from.name);
    }
}

void pitch_people_order(const struct session *s, size_t *order)
{
    size_t n = 0;
    static const int first[] = {ROLE_SALES, ROLE_SUCCESS};
    for (int f = 0; f < 2; f++)
        for (size_t p = 0; p < s->participant_count; p++)
            if ((int)s->participants[p].role == first[f])
                order[n++] = p;
    for (size_t p = 0; p < s->participant_count; p++)
        if (s->participants[p].role != ROLE_SALES && s->participants[p].role != ROLE_SUCCESS)
            order[n++] = p;
}

/* Only what the room has seen: before the reveal the projector would show
 * one person's objections to everyone else. */
static void draft_objections(const struct session *s, const struct chain *c, struct strbuf *b)
{
    (void)c;
    if (!s->objections_revealed && !s->solo)
        return;
    size_t *order = xcalloc(s->participant_count + 1, sizeof *order);
    pitch_people_order(s, order);
    struct names heard = {0};
    for (size_t o = 0; o < s->participant_count; o++)
        for (size_t i = 0; i < s->objection_count; i++)
            if (s->objections[i].participant == order[o])
                names_add(&heard, s->objections[i].text);
    if (heard.count)
        strbuf_puts(b, "What buyers say, and our answer:\n");
    for (size_t i = 0; i < heard.count; i++)
        strbuf_printf(b, "- %s\n", heard.name[i]);
    free(heard.name);
    free(order);
}

/* The ask is the room's to choose: the draft is a sentence to finish. */
static void draft_ask(const struct session *s, const struct chain *c, struct strbuf *b)
{
    (void)c;
    char *role = s->champion_role ? the_role(s->champion_role) : xstrdup("you");
    strbuf_printf(b, "We ask %s to (the next step: a pilot, a call with their team, a trial).\n",
                  role);
    free(role);
}

char *pitch_draft(const struct session *s, enum pitch_section section)
{
    static void (*const drafts[PITCH_SECTION_COUNT])(const struct session *,
                                                     const struct chain *, struct strbuf *) = {
        draft_insight, draft_alternatives, draft_perfect_world, draft_product,
        draft_value,   draft_objections,   draft_ask,
    };
    struct chain c;
    for (int i = 0; i < STEP_COUNT; i++)
        c.count[i] = method_items(s->decisions[i], &c.item[i]);
    struct strbuf b = {0};
    drafts[section](s, &c, &b);
    for (int i = 0; i < STEP_COUNT; i++)
        method_items_free(c.item[i], c.count[i]);
    /* no line break after the last line: the field starts at its end */
    if (b.len && b.data[b.len - 1] == '\n')
        b.data[--b.len] = '\0';
    return strbuf_take(&b);
}

void pitch_draft_digest(const struct session *s, enum pitch_section section,
                        char hex[SHA256_HEX_LEN + 1])
{
    char *draft = pitch_draft(s, section);
    sha256_hex(draft, strlen(draft), hex);
    free(draft);
}

bool pitch_stale(const struct session *s, enum pitch_section section)
{
    if (!s->pitch[section] || !s->pitch_digest[section])
        return false;
    char now[SHA256_HEX_LEN + 1];
    pitch_draft_digest(s, section, now);
    return strcmp(now, s->pitch_digest[section]) != 0;
}
