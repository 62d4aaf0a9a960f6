/* session.c: the five steps and the six roles, each once in every form the program
 * writes it, and freeing a session in memory. */
#include "session.h"
#include "text.h"
#include "sha256.h"
#include "util.h"

#include <inttypes.h>
#include <stdio.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <strings.h>

const struct step_info session_steps[STEP_COUNT] = {
    {"alternatives", "alternative"},
    {"capabilities", "capability"},
    {"value", "value theme"},
    {"customers", "customer trait"},
    {"category", "category"},
};

const struct role_info session_roles[ROLE_COUNT] = {
    {"ceo", "CEO / founder", "CEO", "CEO", "the CEO", "CEO", "ceo"},
    {"marketing", "Marketing", "Marketing", "marketing", "marketing", "Mktg", "mkt"},
    {"sales", "Sales", "Sales", "sales", "sales", "Sales", "sales"},
    {"product", "Product", "Product", "product", "product", "Product", "prod"},
    {"success", "Customer success", "Customer success", "customer success", "customer success",
     "Success", "cs"},
    {"other", "Other", "Other", "other", "other roles", "Other", "other"},
};

int step_from_id(const char *id)
{
    for (int i = 0; i < STEP_COUNT; i++)
        if (strcmp(session_steps[i].id, id) == 0)
            return i;
    return -1;
}

int role_from_id(const char *id)
{
    for (int i = 0; i < ROLE_COUNT; i++)
        if (strcmp(session_roles[i].id, id) == 0)
            return i;
    return -1;
}

int role_from_typed(const char *text)
{
    if (text[0] >= '1' && text[0] <= '6' && !text[1])
        return text[0] - '1';
    if (!*text)
        return ROLE_OTHER;
    for (int r = 0; r < ROLE_COUNT; r++)
        if (!strncasecmp(session_roles[r].id, text, strlen(text)) ||
            !strncasecmp(session_roles[r].title, text, strlen(text)))
            return r;
    return -1;
}

int role_from_any_form(const char *text)
{
    if (text_compare_folded(text, "founder") == 0)
        return ROLE_CEO;
    for (int r = 0; r < ROLE_COUNT; r++) {
        const struct role_info *ri = &session_roles[r];
        const char *forms[] = {ri->id, ri->title, ri->name, ri->word, ri->label, ri->abbrev};
        for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
            if (text_compare_folded(forms[i], text) == 0)
                return r;
    }
    return -1;
}

size_t session_people_by_role(const struct session *s, size_t *order)
{
    size_t n = 0;
    for (int r = 0; r < ROLE_COUNT; r++)
        for (size_t p = 0; p < s->participant_count; p++)
            if ((int)s->participants[p].role == r)
                order[n++] = p;
    return n;
}

int session_find_participant(const struct session *s, const char *name)
{
    for (size_t i = 0; i < s->participant_count; i++)
        if (text_compare_folded(s->participants[i].name, name) == 0) /* "Éva" is "ÉVA", as in the store */
            return (int)i;
    return -1;
}

/* The hash that orders participant p among the others when they are anonymous:
 * of ids that never change and are not on screen. */
static void anonymous_key(const struct session *s, size_t p, char hex[SHA256_HEX_LEN + 1])
{
    char seed[64];
    int n = snprintf(seed, sizeof seed, "samesong-anonymous %" PRId64 " %" PRId64, s->id,
                     s->participants[p].id);
    sha256_hex(seed, n < (int)sizeof seed ? (size_t)n : sizeof seed - 1, hex);
}

int session_anonymous_number(const struct session *s, size_t p)
{
    char mine[SHA256_HEX_LEN + 1], theirs[SHA256_HEX_LEN + 1];
    anonymous_key(s, p, mine);
    int before = 0;
    for (size_t q = 0; q < s->participant_count; q++) {
        if (q == p)
            continue;
        anonymous_key(s, q, theirs);
        int c = strcmp(theirs, mine);
        before += c < 0 || (c == 0 && q < p); /* equal hashes (unstored ids): by index */
    }
    return before + 1;
}

void session_anonymous_numbers(const struct session *s, int *numbers)
{
    size_t n = s->participant_count;
    char (*keys)[SHA256_HEX_LEN + 1] = xmalloc((n ? n : 1) * sizeof *keys);
    for (size_t p = 0; p < n; p++)
        anonymous_key(s, p, keys[p]);
    for (size_t p = 0; p < n; p++) {
        int before = 0;
        for (size_t q = 0; q < n; q++) {
            int c = q == p ? 1 : strcmp(keys[q], keys[p]);
            before += c < 0 || (c == 0 && q < p);
        }
        numbers[p] = before + 1;
    }
    free(keys);
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
    for (size_t i = 0; i < s->round_count; i++) {
        for (size_t j = 0; j < s->rounds[i].ranking_count; j++)
            free(s->rounds[i].ranking[j]);
        free(s->rounds[i].ranking);
    }
    free(s->rounds);
    for (size_t i = 0; i < s->tag_count; i++) {
        free(s->tags[i].group);
        free(s->tags[i].tag);
    }
    free(s->tags);
    for (size_t i = 0; i < s->item_tag_count; i++) {
        free(s->item_tags[i].item);
        free(s->item_tags[i].tag);
    }
    free(s->item_tags);
    for (int i = 0; i < STEP_COUNT; i++)
        free(s->decisions[i]);
    free(s->narrative);
    for (int i = 0; i < STEP_COUNT; i++)
        free(s->rationale[i]);
    for (size_t i = 0; i < s->link_count; i++) {
        free(s->links[i].item);
        free(s->links[i].target);
    }
    free(s->links);
    for (size_t i = 0; i < s->proof_count; i++) {
        free(s->proofs[i].item);
        free(s->proofs[i].text);
    }
    free(s->proofs);
    for (size_t i = 0; i < s->dissent_count; i++) {
        free(s->dissents[i].who);
        free(s->dissents[i].what);
    }
    free(s->dissents);
    free(s->champion_role);
    free(s->champion_why);
    free(s->style_why);
    for (int i = 0; i < PITCH_SECTION_COUNT; i++) {
        free(s->pitch[i]);
        free(s->pitch_digest[i]);
    }
    for (size_t i = 0; i < s->objection_count; i++)
        free(s->objections[i].text);
    free(s->objections);
    memset(s, 0, sizeof *s);
}
