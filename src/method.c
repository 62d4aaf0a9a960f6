/* method.c: the positioning method's chain and a decision's items. */
#include "method.h"
#include "similar.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum step method_builds_on(enum step step)
{
    static const enum step builds_on[STEP_COUNT] = {
        [STEP_ALTERNATIVES] = STEP_COUNT,
        [STEP_CAPABILITIES] = STEP_ALTERNATIVES,
        [STEP_VALUE] = STEP_CAPABILITIES,
        [STEP_CUSTOMERS] = STEP_VALUE,
        [STEP_CATEGORY] = STEP_VALUE,
    };
    return builds_on[step];
}

const char *method_link_verb(enum step step)
{
    static const char *const verbs[STEP_COUNT] = {
        [STEP_CAPABILITIES] = "beats",
        [STEP_VALUE] = "comes from",
        [STEP_CUSTOMERS] = "cares about",
        [STEP_CATEGORY] = "makes obvious",
    };
    return verbs[step];
}

const char *const method_proof_kinds[PROOF_KIND_COUNT] = {"quote", "number", "case"};
const char *const method_tags[METHOD_TAG_COUNT] = {"today", "roadmap", "not planned"};
const char *const method_style_ids[STYLE_COUNT] = {NULL, "head-to-head", "big-fish",
                                                   "new-category"};
const char *const method_style_names[STYLE_COUNT] = {
    "not chosen", "Head to head", "Big fish in a small pond", "Create a new category"};

int method_proof_kind_from_id(const char *id)
{
    for (int k = 0; k < PROOF_KIND_COUNT; k++)
        if (!strcmp(id, method_proof_kinds[k]))
            return k;
    return -1;
}

int method_style_from_id(const char *id)
{
    for (int k = 1; k < STYLE_COUNT; k++)
        if (!strcmp(id, method_style_ids[k]))
            return k;
    return -1;
}

const char *method_after_marker(const char *line, bool *numbered)
{
    line += strspn(line, " \t");
    size_t digits = strspn(line, "0123456789");
    *numbered = digits > 0 && digits < 10 && (line[digits] == '.' || line[digits] == ')') &&
                line[digits + 1] == ' ';
    if (*numbered)
        return line + digits + 2;
    if ((*line == '-' || *line == '*' || *line == '+') && line[1] == ' ')
        return line + 2;
    if (!strncmp(line, "\u2022 ", 4)) /* a bullet pasted from a slide */
        return line + 4;
    return NULL;
}

void method_each_written(const char *text,
                         void (*each)(void *ctx, enum written_line kind, const char *words),
                         void *ctx)
{
    char *copy = xstrdup(text);
    bool in_list = false;
    for (char *line = copy, *next; line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (!line[strspn(line, " \t\r")])
            continue;
        bool numbered, indented = *line == ' ' || *line == '\t';
        const char *item = method_after_marker(line, &numbered);
        if (in_list && indented && !item) {
            each(ctx, WRITTEN_UNDER_ITEM, line);
            continue;
        }
        in_list = item != NULL;
        each(ctx, item ? WRITTEN_ITEM : WRITTEN_PARAGRAPH, item ? item : line);
    }
    free(copy);
}

bool method_all_numbered(const char *decision)
{
    bool any = false;
    for (const char *line = decision; *line;) {
        size_t len = strcspn(line, "\n");
        if (strspn(line, " \t\r") < len) { /* not a blank line */
            bool numbered;
            method_after_marker(line, &numbered);
            if (!numbered)
                return false;
            any = true;
        }
        line += len + (line[len] == '\n');
    }
    return any;
}

size_t method_items(const char *decision, char ***items)
{
    *items = NULL;
    size_t count = 0, cap = 0;
    for (const char *line = decision; line && *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char *copy = xstrndup(line, len);
        bool numbered;
        const char *text = method_after_marker(copy, &numbered);
        text = text ? text : copy;
        text += strspn(text, " \t\r");
        size_t n = strlen(text);
        while (n > 0 && strchr(" \t\r", text[n - 1]))
            n--;
        if (n > 0)
            *(char **)array_push(items, &count, &cap, sizeof(char *)) = xstrndup(text, n);
        free(copy);
        line = end ? end + 1 : line + len;
    }
    return count;
}

void method_items_free(char **items, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(items[i]);
    free(items);
}

bool method_same_item(const char *a, const char *b)
{
    char *ka = similar_normalize(a), *kb = similar_normalize(b);
    bool same = !strcmp(ka, kb);
    free(ka);
    free(kb);
    return same;
}

int method_find_item(const struct session *s, enum step step, const char *item)
{
    char **items;
    size_t n = method_items(s->decisions[step], &items);
    int found = -1;
    for (size_t i = 0; i < n && found < 0; i++)
        if (method_same_item(items[i], item))
            found = (int)i;
    method_items_free(items, n);
    return found;
}

bool method_linked(const struct session *s, enum step step, const char *item, const char *target)
{
    for (size_t i = 0; i < s->link_count; i++)
        if (s->links[i].step == step && method_same_item(s->links[i].item, item) &&
            method_same_item(s->links[i].target, target))
            return true;
    return false;
}

size_t method_link_count(const struct session *s, enum step step, const char *item)
{
    enum step on = method_builds_on(step);
    if (on == STEP_COUNT)
        return 0;
    char **targets;
    size_t n = method_items(s->decisions[on], &targets), count = 0;
    for (size_t i = 0; i < n; i++)
        count += method_linked(s, step, item, targets[i]);
    method_items_free(targets, n);
    return count;
}

size_t method_proof_count(const struct session *s, const char *item)
{
    size_t count = 0;
    for (size_t i = 0; i < s->proof_count; i++)
        count += method_same_item(s->proofs[i].item, item);
    return count;
}

char *method_item_links(const struct session *s, enum step step, const char *item,
                        bool *missing)
{
    enum step on = method_builds_on(step);
    if (on == STEP_COUNT)
        return NULL;
    char **targets;
    size_t n = method_items(s->decisions[on], &targets), linked = 0;
    struct strbuf b = {0};
    strbuf_printf(&b, "%s: ", method_link_verb(step));
    for (size_t t = 0; t < n; t++)
        if (method_linked(s, step, item, targets[t]))
            strbuf_printf(&b, "%s%s", linked++ ? ", " : "", targets[t]);
    method_items_free(targets, n);
    if (!linked)
        strbuf_puts(&b, "none yet");
    bool lacking = !linked;
    if (step == STEP_VALUE) {
        size_t proofs = method_proof_count(s, item);
        if (proofs)
            strbuf_printf(&b, " \u00b7 proof: %zu", proofs);
        else
            strbuf_puts(&b, " \u00b7 no proof yet");
        lacking = lacking || !proofs;
    }
    if (missing)
        *missing = lacking;
    return strbuf_take(&b);
}

const char *method_capability_tag(const struct session *s, const char *capability)
{
    for (size_t i = 0; i < s->item_tag_count; i++)
        if (method_same_item(s->item_tags[i].item, capability))
            return s->item_tags[i].tag;
    /* tagged before items had tags of their own, or on the reveal since: its group's */
    for (size_t i = 0; i < s->tag_count; i++)
        if (method_same_item(s->tags[i].group, capability))
            return s->tags[i].tag;
    return NULL;
}

const char *method_not_today(const struct session *s, const char *capability)
{
    const char *tag = method_capability_tag(s, capability);
    return tag && strcmp(tag, "today") ? tag : NULL;
}

char *method_item_label(const struct session *s, enum step step, const char *item)
{
    const char *tag = step == STEP_CAPABILITIES ? method_not_today(s, item) : NULL;
    return tag ? xasprintf("%s (%s)", item, tag) : xstrdup(item);
}

char *method_item_line(const struct session *s, enum step step, const char *item,
                       bool *missing)
{
    char *label = method_item_label(s, step, item);
    char *links = method_item_links(s, step, item, missing);
    char *line = xasprintf("%s \u2014 %s", label, links);
    free(label);
    free(links);
    return line;
}

/* Whether typed (its length n, n > 0) starts word, whatever the case of ASCII letters. */
static bool starts(const char *word, const char *typed, size_t n)
{
    return word && strlen(word) >= n && !strncasecmp(word, typed, n);
}

/* The index of what typed names among names[first..count) (and ids), or -1. */
static int from_typed(const char *text, const char *const *ids, const char *const *names,
                      int first, int count)
{
    text += strspn(text, " \t");
    size_t n = strlen(text);
    while (n > 0 && isspace((unsigned char)text[n - 1]))
        n--;
    if (n == 1 && text[0] >= '1' && text[0] < '1' + count - first)
        return first + text[0] - '1';
    for (int k = first; k < count && n > 0; k++)
        if (starts(ids[k], text, n) || starts(names[k], text, n))
            return k;
    return -1;
}

int method_style_from_typed(const char *text)
{
    if (!text[strspn(text, " \t")])
        return STYLE_NONE;
    return from_typed(text, method_style_ids, method_style_names, 1, STYLE_COUNT);
}

int method_proof_kind_from_typed(const char *text)
{
    return from_typed(text, method_proof_kinds, method_proof_kinds, 0, PROOF_KIND_COUNT);
}

int method_tag_from_typed(const char *text)
{
    return from_typed(text, method_tags, method_tags, 0, METHOD_TAG_COUNT);
}

int method_tag_index(const char *tag)
{
    for (int k = 0; tag && k < METHOD_TAG_COUNT; k++)
        if (!strcmp(tag, method_tags[k]))
            return k;
    return -1;
}
