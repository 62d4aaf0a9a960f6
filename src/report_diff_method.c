/* report_diff_method.c: the method of two sessions compared, for `samesong
 * diff` and the compare screen alike: a step's chain item by item (its
 * links, a capability's tag), the proof behind the value, dissents, each as
 * lines matched across the sessions; the why, champion and style as texts. */
#include "method.h"
#include "report.h"
#include "similar.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* A line of one session with what matches it in the other: its item, its
 * proof's item and kind, its dissenter. */
struct keyed {
    char *key, *line;
};

static void keyed_add(struct keyed **list, size_t *count, size_t *cap, char *key, char *line)
{
    struct keyed *k = array_push(list, count, cap, sizeof *k);
    k->key = key;
    k->line = line;
}

static void keyed_free(struct keyed *list, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(list[i].key);
        free(list[i].line);
    }
    free(list);
}

static bool same_text(const char *a, const char *b)
{
    char *x = similar_normalize(a), *y = similar_normalize(b);
    bool same = !strcmp(x, y);
    free(x);
    free(y);
    return same;
}

static void add_line(struct diff_lines *d, const char *first, const char *second, bool same)
{
    struct diff_line *l = array_push(&d->lines, &d->count, &d->cap, sizeof *l);
    l->first = first ? xstrdup(first) : NULL;
    l->second = second ? xstrdup(second) : NULL;
    l->same = same;
}

/* The lines of b in its order, each beside the same line of a, or else a's
 * line of the same key (changed); then what only a has. */
static void match(const struct keyed *a, size_t na, const struct keyed *b, size_t nb,
                  struct diff_lines *out)
{
    bool *used = xcalloc(na + 1, sizeof *used);
    for (size_t j = 0; j < nb; j++) {
        size_t found = na;
        for (size_t i = 0; i < na && found == na; i++)
            if (!used[i] && same_text(a[i].line, b[j].line))
                found = i;
        bool same = found < na;
        for (size_t i = 0; i < na && found == na; i++)
            if (!used[i] && same_text(a[i].key, b[j].key))
                found = i;
        if (found < na)
            used[found] = true;
        add_line(out, found < na ? a[found].line : NULL, b[j].line, same);
    }
    for (size_t i = 0; i < na; i++)
        if (!used[i])
            add_line(out, a[i].line, NULL, false);
    free(used);
}

/* A step's items, each with its links: "Order lookup — beats: Zendesk". */
static void chain_lines(const struct session *s, enum step step, struct keyed **out,
                        size_t *count)
{
    size_t cap = 0;
    char **items;
    size_t n = method_builds_on(step) == STEP_COUNT ? 0 : method_items(s->decisions[step], &items);
    for (size_t i = 0; i < n; i++)
        keyed_add(out, count, &cap, xstrdup(items[i]),
                  method_item_line(s, step, items[i], NULL));
    if (n)
        method_items_free(items, n);
}

/* Each proof, "Theme (number): text", as the canvas lists it. */
static void proof_lines(const struct session *s, struct keyed **out, size_t *count)
{
    size_t cap = 0;
    for (size_t p = 0; p < s->proof_count; p++) {
        const struct proof *pr = &s->proofs[p];
        const char *kind = method_proof_kinds[pr->kind];
        keyed_add(out, count, &cap, xasprintf("%s (%s)", pr->item, kind),
                  xasprintf("%s (%s): %s", pr->item, kind, pr->text));
    }
}

/* Each dissent of the step, "Jonas: what". */
static void dissent_lines(const struct session *s, enum step step, struct keyed **out,
                          size_t *count)
{
    size_t cap = 0;
    for (size_t d = 0; d < s->dissent_count; d++)
        if (s->dissents[d].step == step)
            keyed_add(out, count, &cap, xstrdup(s->dissents[d].who),
                      xasprintf("%s: %s", s->dissents[d].who, s->dissents[d].what));
}

void report_diff_lines(const struct session *a, const struct session *b, enum step step,
                       enum report_diff_part part, struct diff_lines *out)
{
    memset(out, 0, sizeof *out);
    struct keyed *ka = NULL, *kb = NULL;
    size_t na = 0, nb = 0;
    if (part == DIFF_CHAIN) {
        chain_lines(a, step, &ka, &na);
        chain_lines(b, step, &kb, &nb);
    } else if (part == DIFF_PROOF && step == STEP_VALUE) {
        proof_lines(a, &ka, &na);
        proof_lines(b, &kb, &nb);
    } else if (part == DIFF_DISSENT) {
        dissent_lines(a, step, &ka, &na);
        dissent_lines(b, step, &kb, &nb);
    }
    match(ka, na, kb, nb, out);
    keyed_free(ka, na);
    keyed_free(kb, nb);
}

void report_diff_lines_free(struct diff_lines *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->lines[i].first);
        free(d->lines[i].second);
    }
    free(d->lines);
    memset(d, 0, sizeof *d);
}

const char *report_diff_lines_change(const struct diff_lines *d)
{
    bool first = false, second = false, differ = false;
    for (size_t i = 0; i < d->count; i++) {
        first |= d->lines[i].first != NULL;
        second |= d->lines[i].second != NULL;
        differ |= !d->lines[i].same;
    }
    if (!first || !second)
        return first ? "only in the first" : second ? "only in the second" : NULL;
    return differ ? "changed" : "same";
}

/* "text (why: why)", or NULL without text. */
static char *with_why(const char *text, const char *why)
{
    if (!text || !*text)
        return NULL;
    return why && *why ? xasprintf("%s (why: %s)", text, why) : xstrdup(text);
}

char *report_diff_text(const struct session *s, enum step step, enum report_diff_part part)
{
    switch (part) {
    case DIFF_WHY: return s->rationale[step] && *s->rationale[step]
                              ? xstrdup(s->rationale[step]) : NULL;
    case DIFF_CHAMPION: return step == STEP_CUSTOMERS ? with_why(s->champion_role,
                                                                 s->champion_why)
                                                      : NULL;
    case DIFF_STYLE:
        return step == STEP_CATEGORY && s->style != STYLE_NONE
                   ? with_why(method_style_names[s->style], s->style_why) : NULL;
    default: return NULL;
    }
}

const char *const report_diff_part_names[DIFF_PART_COUNT] = {
    "The chain", "Proof", "Why", "Dissent", "Champion", "Positioning style"};

bool report_diff_part_is_lines(enum report_diff_part part)
{
    return part == DIFF_CHAIN || part == DIFF_PROOF || part == DIFF_DISSENT;
}

const char *report_diff_part(const struct session *a, const struct session *b, enum step step,
                             enum report_diff_part part)
{
    if (report_diff_part_is_lines(part)) {
        struct diff_lines d;
        report_diff_lines(a, b, step, part, &d);
        const char *change = report_diff_lines_change(&d);
        report_diff_lines_free(&d);
        return change;
    }
    char *x = report_diff_text(a, step, part), *y = report_diff_text(b, step, part);
    const char *change = !x && !y ? NULL
                         : !y     ? "only in the first"
                         : !x     ? "only in the second"
                         : same_text(x, y) ? "same" : "changed";
    free(x);
    free(y);
    return change;
}
