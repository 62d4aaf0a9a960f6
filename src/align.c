/* align.c: how far apart the room is, step by step: groups, pair and department
 * agreement, coverage, and the vote results. */
#include "align.h"
#include "similar.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double align_round1(double x)
{
    return isnan(x) ? x : round(x * 10.0) / 10.0;
}

bool align_is_shared(const struct align_step *step, const struct align_group *g)
{
    return step->answered >= 2 && g->count == step->answered;
}

bool align_is_lone(const struct align_step *step, const struct align_group *g)
{
    return step->answered >= 2 && g->count == 1;
}

/* An open-addressing table from normalised key to group index, so a room of
 * thousands of answers is grouped in linear time. */
struct key_table {
    int *slots;                 /* group index + 1, 0 for empty */
    size_t size;                /* a power of two */
};

static uint64_t hash_key(const char *s)
{
    uint64_t h = 14695981039346656037ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* Finds key among groups; returns its slot, empty when absent. */
static size_t table_slot(const struct key_table *t, const struct align_group *groups,
                         const char *key)
{
    size_t i = hash_key(key) & (t->size - 1);
    while (t->slots[i] && strcmp(groups[t->slots[i] - 1].key, key) != 0)
        i = (i + 1) & (t->size - 1);
    return i;
}

int align_find_group(const struct align_step *step, const char *key)
{
    for (size_t g = 0; g < step->group_count; g++)
        if (strcmp(step->groups[g].key, key) == 0)
            return (int)g;
    return -1;
}

/* Builds the step's groups from its answers, in the order they were given. */
static void build_groups(const struct session *s, struct align_step *st)
{
    size_t cap = 0, n = s->participant_count;
    struct key_table table = {NULL, 16};
    while (table.size < s->input_count * 2)
        table.size *= 2;
    table.slots = xcalloc(table.size, sizeof *table.slots);
    for (size_t i = 0; i < s->input_count; i++) {
        const struct input *in = &s->inputs[i];
        if (in->step != st->step)
            continue;
        const char *shown = in->group ? in->group : in->text;
        char *key = similar_normalize(shown);
        size_t slot = table_slot(&table, st->groups, key);
        struct align_group *g;
        if (table.slots[slot]) {
            g = &st->groups[table.slots[slot] - 1];
            free(key);
        } else {
            g = array_push(&st->groups, &st->group_count, &cap, sizeof *g);
            g->key = key;
            g->label = xstrdup(shown);
            g->named_by = xcalloc(n ? n : 1, sizeof *g->named_by);
            table.slots[slot] = (int)st->group_count;
        }
        if (!g->named_by[in->participant]) {
            g->named_by[in->participant] = true;
            g->count++;
            g->role_count[s->participants[in->participant].role]++;
            if (!st->answering[in->participant]) {
                st->answering[in->participant] = true;
                st->answered++;
            }
        }
    }
    free(table.slots);
}

static double pair_agreement(const struct align_step *st, size_t a, size_t b)
{
    size_t both = 0, either = 0;
    for (size_t g = 0; g < st->group_count; g++) {
        bool x = st->groups[g].named_by[a], y = st->groups[g].named_by[b];
        both += x && y;
        either += x || y;
    }
    return either ? (double)both / (double)either : 0.0;
}

static void build_pairs(const struct session *s, struct align_step *st)
{
    double sum[ROLE_COUNT][ROLE_COUNT] = {{0}};
    size_t count[ROLE_COUNT][ROLE_COUNT] = {{0}};
    size_t cap = 0;
    double total = 0;
    for (size_t a = 0; a < s->participant_count; a++) {
        for (size_t b = a + 1; b < s->participant_count; b++) {
            if (!st->answering[a] || !st->answering[b])
                continue;
            struct align_pair *p = array_push(&st->pairs, &st->pair_count, &cap, sizeof *p);
            p->a = a;
            p->b = b;
            p->agreement = pair_agreement(st, a, b);
            total += p->agreement;
            enum role r = s->participants[a].role, q = s->participants[b].role;
            sum[r][q] += p->agreement;
            count[r][q]++;
            if (r != q) {
                sum[q][r] += p->agreement;
                count[q][r]++;
            }
        }
    }
    st->alignment = st->answered >= 2 ? align_round1(total / (double)st->pair_count * 100.0) : NAN;
    for (int r = 0; r < ROLE_COUNT; r++)
        for (int q = 0; q < ROLE_COUNT; q++)
            st->departments[r][q] = count[r][q] ? sum[r][q] / (double)count[r][q] : NAN;
}

/* Most named first; an insertion sort keeps equal counts in the order they
 * were first given, which qsort would not. */
static void sort_groups(struct align_step *st)
{
    for (size_t i = 1; i < st->group_count; i++) {
        struct align_group g = st->groups[i];
        size_t j = i;
        while (j > 0 && st->groups[j - 1].count < g.count) {
            st->groups[j] = st->groups[j - 1];
            j--;
        }
        st->groups[j] = g;
    }
}

/* One participant's ranking as candidate indexes, repeats removed. */
struct ranking {
    size_t *items;
    size_t count;
};

static int compare_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* The ranking's top three as a sorted set. */
static size_t top_three(const size_t *items, size_t count, size_t out[3])
{
    size_t k = count < 3 ? count : 3;
    memcpy(out, items, k * sizeof *out);
    qsort(out, k, sizeof *out, compare_size);
    return k;
}

static bool same_set(const size_t *a, size_t na, const size_t *b, size_t nb)
{
    return na == nb && memcmp(a, b, na * sizeof *a) == 0;
}

struct candidate {
    char *key;
    char *label;
    double rank_sum;
};

static int compare_candidates(const void *x, const void *y)
{
    const struct candidate *a = x, *b = y;
    if (a->rank_sum != b->rank_sum)
        return a->rank_sum < b->rank_sum ? -1 : 1;
    int c = strcmp(a->key, b->key);
    return c ? c : strcmp(a->label, b->label);
}

static size_t find_candidate(struct candidate **list, size_t *count, size_t *cap, const char *label,
                             const struct align_step *st)
{
    char *key = similar_normalize(label);
    for (size_t i = 0; i < *count; i++)
        if (strcmp((*list)[i].key, key) == 0) {
            free(key);
            return i;
        }
    struct candidate *c = array_push(list, count, cap, sizeof *c);
    int g = align_find_group(st, key);
    c->key = key;
    c->label = xstrdup(g >= 0 ? st->groups[g].label : label);
    return *count - 1;
}

/* The results of one round of the step's vote: the rankings in votes[] of
 * the step cast in that round (0: the current one). NULL when nobody ranked. */
static struct align_vote *vote_of(const struct vote *votes, size_t count, int round,
                                  const struct align_step *st)
{
    struct candidate *cands = NULL;
    size_t n = 0, cap = 0, m = 0;
    struct ranking *rankings = NULL;
    for (size_t v = 0; v < count; v++) {
        const struct vote *vote = &votes[v];
        if (vote->step != st->step || vote->round != round)
            continue;
        rankings = xrealloc(rankings, (m + 1) * sizeof *rankings);
        struct ranking *r = &rankings[m++];
        r->items = xmalloc((vote->ranking_count + 1) * sizeof *r->items);
        r->count = 0;
        for (size_t i = 0; i < vote->ranking_count; i++) {
            size_t c = find_candidate(&cands, &n, &cap, vote->ranking[i], st);
            bool repeat = false;
            for (size_t j = 0; j < r->count; j++)
                repeat |= r->items[j] == c;
            if (!repeat)
                r->items[r->count++] = c;
        }
    }
    if (m == 0)
        return NULL;

    /* Rank sums: listed groups take their position; the k listed leave
     * n - k groups tied for the mean of the remaining positions. */
    double tie_sum = 0;
    for (size_t i = 0; i < m; i++) {
        size_t k = rankings[i].count;
        double left_out = ((double)k + 1.0 + (double)n) / 2.0;
        bool *listed = xcalloc(n, sizeof *listed);
        for (size_t j = 0; j < k; j++) {
            cands[rankings[i].items[j]].rank_sum += (double)(j + 1);
            listed[rankings[i].items[j]] = true;
        }
        for (size_t c = 0; c < n; c++)
            if (!listed[c])
                cands[c].rank_sum += left_out;
        double t = (double)(n - k);
        tie_sum += t * t * t - t;
        free(listed);
    }
    double mean = (double)m * ((double)n + 1.0) / 2.0, squares = 0;
    for (size_t c = 0; c < n; c++)
        squares += (cands[c].rank_sum - mean) * (cands[c].rank_sum - mean);
    double dm = (double)m, dn = (double)n;
    double denominator = dm * dm * (dn * dn * dn - dn) - dm * tie_sum;

    /* Top three of each ranking, before the candidates are sorted. */
    size_t first[3];
    size_t first_count = top_three(rankings[0].items, rankings[0].count, first);
    bool all_agree = true;
    size_t **tops = xcalloc(m, sizeof *tops);
    size_t *top_counts = xcalloc(m, sizeof *top_counts);
    for (size_t i = 0; i < m; i++) {
        tops[i] = xcalloc(3, sizeof **tops);
        top_counts[i] = top_three(rankings[i].items, rankings[i].count, tops[i]);
        all_agree &= same_set(tops[i], top_counts[i], first, first_count);
    }

    /* Room order, and its top three as candidate indexes (keys are shared pointers). */
    struct candidate *sorted = xmalloc(n * sizeof *sorted);
    if (n > 0) { /* cands is NULL when every ranking was empty */
        memcpy(sorted, cands, n * sizeof *sorted);
        qsort(sorted, n, sizeof *sorted, compare_candidates);
    }
    size_t room[3], room_count = n < 3 ? n : 3;
    for (size_t i = 0; i < room_count; i++)
        for (size_t c = 0; c < n; c++)
            if (cands[c].key == sorted[i].key)
                room[i] = c;
    qsort(room, room_count, sizeof *room, compare_size);
    size_t matching = 0;
    for (size_t i = 0; i < m; i++)
        matching += same_set(tops[i], top_counts[i], room, room_count);

    struct align_vote *vote = xcalloc(1, sizeof *vote);
    vote->round = round;
    vote->rankings = m;
    vote->candidate_count = n;
    vote->order = xcalloc(n ? n : 1, sizeof *vote->order);
    for (size_t i = 0; i < n; i++) {
        vote->order[i].label = sorted[i].label;
        vote->order[i].rank_sum = sorted[i].rank_sum;
        free(sorted[i].key);
    }
    vote->kendall_w = m >= 2 && n >= 2 && denominator > 0 ? 12.0 * squares / denominator : NAN;
    vote->top3_all_agree = all_agree;
    vote->top3_match_share = align_round1(100.0 * (double)matching / (double)m);

    for (size_t i = 0; i < m; i++) {
        free(rankings[i].items);
        free(tops[i]);
    }
    free(rankings);
    free(tops);
    free(top_counts);
    free(sorted);
    free(cands);
    return vote;
}

static int compare_int(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    return a < b ? -1 : a > b;
}

/* The current round and the closed ones, oldest first, with their numbers. */
static void build_rounds(const struct session *s, struct align_step *st)
{
    int *numbers = xcalloc(s->round_count + 1, sizeof *numbers);
    size_t n = 0;
    for (size_t v = 0; v < s->round_count; v++) {
        bool seen = false;
        for (size_t i = 0; i < n && !seen; i++)
            seen = numbers[i] == s->rounds[v].round;
        if (s->rounds[v].step == st->step && !seen)
            numbers[n++] = s->rounds[v].round;
    }
    qsort(numbers, n, sizeof *numbers, compare_int);
    st->rounds = xcalloc(n ? n : 1, sizeof *st->rounds);
    for (size_t i = 0; i < n; i++) {
        struct align_vote *v = vote_of(s->rounds, s->round_count, numbers[i], st);
        st->rounds[st->round_count++] = *v;
        free(v);
    }
    st->round = n ? numbers[n - 1] + 1 : 1;
    st->vote = vote_of(s->votes, s->vote_count, 0, st);
    if (st->vote)
        st->vote->round = st->round;
    free(numbers);
}

void align_session(const struct session *s, struct alignment *out)
{
    memset(out, 0, sizeof *out);
    out->participant_count = s->participant_count;
    double sum = 0;
    size_t known = 0;
    out->weakest = -1;
    for (int i = 0; i < STEP_COUNT; i++) {
        struct align_step *st = &out->steps[i];
        st->step = (enum step)i;
        st->answering = xcalloc(s->participant_count ? s->participant_count : 1,
                                sizeof *st->answering);
        build_groups(s, st);
        build_pairs(s, st);
        sort_groups(st);
        build_rounds(s, st);
        if (!isnan(st->alignment)) {
            sum += st->alignment;
            known++;
            if (out->weakest < 0 || st->alignment < out->steps[out->weakest].alignment)
                out->weakest = i;
        }
    }
    out->overall = known ? align_round1(sum / (double)known) : NAN;
}

static void vote_free(struct align_vote *v)
{
    for (size_t c = 0; c < v->candidate_count; c++)
        free(v->order[c].label);
    free(v->order);
}

void alignment_free(struct alignment *a)
{
    for (int i = 0; i < STEP_COUNT; i++) {
        struct align_step *st = &a->steps[i];
        for (size_t g = 0; g < st->group_count; g++) {
            free(st->groups[g].key);
            free(st->groups[g].label);
            free(st->groups[g].named_by);
        }
        free(st->groups);
        free(st->pairs);
        free(st->answering);
        if (st->vote)
            vote_free(st->vote);
        free(st->vote);
        for (size_t r = 0; r < st->round_count; r++)
            vote_free(&st->rounds[r]);
        free(st->rounds);
    }
    memset(a, 0, sizeof *a);
}

bool align_least_aligned_roles(const struct align_step *step, enum role *a, enum role *b,
                               double *agreement)
{
    bool found = false;
    for (int r = 0; r < ROLE_COUNT; r++)
        for (int q = r + 1; q < ROLE_COUNT; q++) {
            double x = step->departments[r][q];
            if (!isnan(x) && (!found || x < *agreement)) {
                found = true;
                *a = (enum role)r;
                *b = (enum role)q;
                *agreement = x;
            }
        }
    return found;
}

bool align_session_least_aligned_roles(const struct alignment *al, enum role *a, enum role *b,
                                       double *agreement)
{
    bool found = false;
    for (int r = 0; r < ROLE_COUNT; r++)
        for (int q = r + 1; q < ROLE_COUNT; q++) {
            double sum = 0;
            int steps = 0;
            for (int s = 0; s < STEP_COUNT; s++)
                if (!isnan(al->steps[s].departments[r][q])) {
                    sum += al->steps[s].departments[r][q];
                    steps++;
                }
            if (steps && (!found || sum / steps < *agreement)) {
                found = true;
                *a = (enum role)r;
                *b = (enum role)q;
                *agreement = sum / steps;
            }
        }
    return found;
}


void align_reading(const struct align_step *step, char *out, size_t size)
{
    enum role a = ROLE_OTHER, b = ROLE_OTHER;
    double least = 0;
    if (step->answered < 2) {
        snprintf(out, size, step->answered ? "Only one person has answered so far."
                                           : "Nobody has answered yet.");
        return;
    }
    size_t shared = 0;
    for (size_t g = 0; g < step->group_count; g++)
        shared += align_is_shared(step, &step->groups[g]);
    bool roles = align_least_aligned_roles(step, &a, &b, &least);
    char first[64];
    snprintf(first, sizeof first, "%s", roles ? session_roles[a].people : "");
    if (first[0] >= 'a' && first[0] <= 'z')
        first[0] = (char)(first[0] - 'a' + 'A');
    if (roles && least == 0.0)
        snprintf(out, size, "%s and %s share no %s.", first, session_roles[b].people, session_steps[step->step].noun);
    else if (step->alignment >= 70.0)
        snprintf(out, size, "The room largely agrees (%zu named by everyone).", shared);
    else if (roles)
        snprintf(out, size, "%s and %s agree least (%.0f%%); %zu %s%s named by everyone.", first,
                 session_roles[b].people, least * 100.0, shared, session_steps[step->step].noun,
                 shared == 1 ? "" : "s");
    else
        snprintf(out, size, "Everyone here is in one department; %zu %s%s named by everyone.",
                 shared, session_steps[step->step].noun, shared == 1 ? "" : "s");
}

bool align_pair_range(const struct align_step *step, double *least, double *most,
                      size_t *disjoint)
{
    *disjoint = 0;
    for (size_t i = 0; i < step->pair_count; i++) {
        double x = step->pairs[i].agreement;
        if (!i || x < *least)
            *least = x;
        if (!i || x > *most)
            *most = x;
        *disjoint += x == 0.0;
    }
    return step->pair_count > 0;
}

void align_reading_anonymous(const struct align_step *step, char *out, size_t size)
{
    double least = 0, most = 0;
    size_t disjoint = 0, shared = 0;
    if (step->answered < 2 || !align_pair_range(step, &least, &most, &disjoint)) {
        align_reading(step, out, size); /* names no role below two people */
        return;
    }
    for (size_t g = 0; g < step->group_count; g++)
        shared += align_is_shared(step, &step->groups[g]);
    const char *noun = session_steps[step->step].noun;
    if (disjoint)
        snprintf(out, size, "%zu of %zu pairs of people share no %s.", disjoint, step->pair_count,
                 noun);
    else if (step->alignment >= 70.0)
        snprintf(out, size, "The room largely agrees (%zu named by everyone).", shared);
    else
        snprintf(out, size, "The least aligned pair of people agree %.0f%%; %zu %s%s named by "
                            "everyone.", least * 100.0, shared, noun, shared == 1 ? "" : "s");
}

const char *align_group_tag(const struct session *s, const struct align_group *g)
{
    for (size_t i = 0; i < s->tag_count; i++) {
        char *key = similar_normalize(s->tags[i].group);
        bool same = !strcmp(key, g->key);
        free(key);
        if (same)
            return s->tags[i].tag;
    }
    return NULL;
}

bool align_group_ranked(const struct align_step *step, const struct align_group *g)
{
    bool ranked = false;
    for (size_t i = 0; step->vote && i < step->vote->candidate_count && !ranked; i++) {
        char *key = similar_normalize(step->vote->order[i].label);
        ranked = !strcmp(key, g->key);
        free(key);
    }
    return ranked;
}

size_t align_groups_ranked(const struct align_step *step)
{
    size_t n = 0;
    for (size_t g = 0; g < step->group_count; g++)
        n += align_group_ranked(step, &step->groups[g]);
    return n;
}
