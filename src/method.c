/* method.c: the positioning method's chain and a decision's items. */
#include "method.h"
#include "similar.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

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
