/* similar-fuzzer.c: normalising, similarity and alignment (src/similar.c,
 * src/align.c) against what similar.h and align.h promise: normalising twice
 * changes nothing, the scores are symmetric and in [0, 1], suggestions do
 * not depend on the order of the groups, and an alignment's figures stay in
 * their ranges and do not depend on the order of the people.
 * The input: a flags byte, then up to 16 answers separated by 0xFF, each
 * starting with a byte that says whose, which step and how it is ranked. */
#include "align.h"
#include "fuzz_util.h"
#include "similar.h"
#include "store.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_KEYS 16
#define MAX_PEOPLE 8

static struct synonyms synonyms;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_locale();
    /* the synonyms samesong ships, so that the synonym sets are reached */
    char path[4096], err[256];
    const char *dir = getenv("SAMESONG_DATA_DIR");
    snprintf(path, sizeof path, "%s/synonyms.json", dir ? dir : SOURCE_DATA_DIR);
    char **terms;
    size_t *sets, count;
    if (store_load_synonym_terms(path, &terms, &sets, &count, err, sizeof err) < 0)
        fuzz_fail("cannot read the synonyms: %s", err);
    synonyms_init(&synonyms, terms, sets, count);
    return 0;
}

static bool edge(char c)
{
    return c == ' ' || (c && strchr(".,;:!?'\"", c));
}

static void check_normalize(const char *text)
{
    char *key = similar_normalize(text);
    size_t n = strlen(key);
    FUZZ_CHECK(fuzz_utf8_valid(key, n), "the normal form is not valid UTF-8");
    FUZZ_CHECK(n == 0 || (!edge(key[0]) && !edge(key[n - 1])), "\"%s\" is not trimmed", key);
    FUZZ_CHECK(!strstr(key, "  "), "\"%s\" has a run of spaces", key);
    char *again = similar_normalize(key);
    FUZZ_CHECK(strcmp(again, key) == 0, "normalising \"%s\" again gives \"%s\"", key, again);
    free(again);
    free(key);
}

static void check_scores(const char *a, const char *b)
{
    double t = similar_trigram_score(a, b), w = similar_word_score(a, b);
    FUZZ_CHECK(t >= 0 && t <= 1 && w >= 0 && w <= 1, "scores %g, %g out of [0, 1]", t, w);
    FUZZ_CHECK(t == similar_trigram_score(b, a), "the spelling score is not symmetric");
    FUZZ_CHECK(w == similar_word_score(b, a), "the word score is not symmetric");
    double ta = similar_trigram_score(a, a), wa = similar_word_score(a, a);
    FUZZ_CHECK((ta == 0 || ta == 1) && ta == wa, "a key scores %g, %g with itself", ta, wa);
}

static int by_pair(const void *x, const void *y)
{
    const struct suggestion *a = x, *b = y;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

/* The suggestions for the keys, and for the keys in reverse: the same pairs. */
static void check_suggest(char **keys, size_t n)
{
    struct suggestion *out, *back;
    size_t count, back_count;
    similar_suggest((const char *const *)keys, n, &synonyms, &out, &count);
    for (size_t i = 0; i < count; i++) {
        const struct suggestion *s = &out[i];
        FUZZ_CHECK(s->a < s->b && s->b < n, "pair (%zu, %zu) of %zu", s->a, s->b, n);
        FUZZ_CHECK(s->score >= SIMILAR_THRESHOLD && s->score <= 1, "score %g", s->score);
        FUZZ_CHECK(i == 0 || out[i - 1].score >= s->score, "not best first");
        double t = similar_trigram_score(keys[s->a], keys[s->b]);
        double w = similar_word_score(keys[s->a], keys[s->b]);
        FUZZ_CHECK(s->reason == SUGGEST_SYNONYMS || s->score == (t >= w ? t : w),
                   "score %g is neither score (%g, %g)", s->score, t, w);
    }
    char **reversed = xmalloc((n + 1) * sizeof *reversed);
    for (size_t i = 0; i < n; i++)
        reversed[i] = keys[n - 1 - i];
    similar_suggest((const char *const *)reversed, n, &synonyms, &back, &back_count);
    FUZZ_CHECK(back_count == count, "%zu suggestions, %zu in reverse order", count,
               back_count);
    for (size_t i = 0; i < back_count; i++) {
        size_t a = n - 1 - back[i].b, b = n - 1 - back[i].a;
        back[i].a = a, back[i].b = b;
    }
    if (count) {
        qsort(out, count, sizeof *out, by_pair);
        qsort(back, count, sizeof *back, by_pair);
    }
    for (size_t i = 0; i < count; i++)
        FUZZ_CHECK(out[i].a == back[i].a && out[i].b == back[i].b &&
                       out[i].score == back[i].score && out[i].reason == back[i].reason,
                   "suggestion %zu differs in reverse order", i);
    free(reversed);
    free(out);
    free(back);
}

static bool in_range(double x, double lo, double hi)
{
    return isnan(x) || (x >= lo - 1e-9 && x <= hi + 1e-9);
}

static void check_vote(const struct align_vote *v)
{
    FUZZ_CHECK(v->rankings >= 1 && v->candidate_count >= 1, "an empty vote");
    FUZZ_CHECK(in_range(v->kendall_w, 0, 1), "Kendall's W %g", v->kendall_w);
    FUZZ_CHECK(in_range(v->top3_match_share, 0, 100), "top-3 share %g", v->top3_match_share);
    double n = (double)v->candidate_count, sum = 0;
    for (size_t c = 0; c < v->candidate_count; c++) {
        sum += v->order[c].rank_sum;
        FUZZ_CHECK(c == 0 || v->order[c - 1].rank_sum <= v->order[c].rank_sum,
                   "the room's order is not by rank sum");
    }
    /* each ranking hands out the places 1..n once, ties sharing theirs */
    double want = (double)v->rankings * n * (n + 1) / 2;
    FUZZ_CHECK(fabs(sum - want) < 1e-6 * (want + 1), "rank sums add to %g, not %g", sum, want);
}

static void check_step(const struct session *s, const struct align_step *st)
{
    FUZZ_CHECK(st->answered <= s->participant_count, "more answering than people");
    FUZZ_CHECK(isnan(st->alignment) == (st->answered < 2), "alignment %g with %zu answering",
               st->alignment, st->answered);
    FUZZ_CHECK(in_range(st->alignment, 0, 100), "alignment %g", st->alignment);
    FUZZ_CHECK(st->pair_count == st->answered * (st->answered - (st->answered > 0)) / 2,
               "%zu pairs of %zu people", st->pair_count, st->answered);
    for (size_t p = 0; p < st->pair_count; p++)
        FUZZ_CHECK(st->pairs[p].a < st->pairs[p].b && in_range(st->pairs[p].agreement, 0, 1) &&
                       !isnan(st->pairs[p].agreement), "pair %zu", p);
    for (size_t g = 0; g < st->group_count; g++) {
        const struct align_group *gr = &st->groups[g];
        size_t named = 0, by_role = 0;
        for (size_t p = 0; p < s->participant_count; p++)
            named += gr->named_by[p];
        for (int r = 0; r < ROLE_COUNT; r++)
            by_role += gr->role_count[r];
        FUZZ_CHECK(gr->count >= 1 && gr->count == named && gr->count == by_role &&
                       gr->count <= st->answered, "group %zu's counts", g);
        FUZZ_CHECK(g == 0 || st->groups[g - 1].count >= gr->count, "not most named first");
        char *key = similar_normalize(gr->label);
        FUZZ_CHECK(strcmp(key, gr->key) == 0, "a group's key is not its label's");
        free(key);
        FUZZ_CHECK(align_find_group(st, gr->key) == (int)g, "two groups have one key");
    }
    for (int r = 0; r < ROLE_COUNT; r++)
        for (int q = 0; q < ROLE_COUNT; q++) {
            double x = st->departments[r][q], y = st->departments[q][r];
            FUZZ_CHECK(in_range(x, 0, 1) && (x == y || (isnan(x) && isnan(y))),
                       "departments %d, %d", r, q);
        }
    if (st->vote)
        check_vote(st->vote);
    for (size_t i = 0; i < st->round_count; i++) {
        check_vote(&st->rounds[i]);
        FUZZ_CHECK(st->rounds[i].round < st->round, "a closed round after the current one");
    }
    char reading[256];
    align_reading(st, reading, sizeof reading);
    align_reading_anonymous(st, reading, sizeof reading);
}

static void add_vote(struct vote **list, size_t *count, size_t *cap, size_t who, enum step step,
                     int round, char **keys, size_t n, uint8_t pick)
{
    struct vote *v = array_push(list, count, cap, sizeof *v);
    v->participant = who, v->step = step, v->round = round;
    v->ranking = xcalloc(n + 1, sizeof *v->ranking);
    for (size_t k = 0; k < n; k++) /* the keys the pick byte selects, in a rotated order */
        if (pick & (1u << (k % 8)))
            v->ranking[v->ranking_count++] = xstrdup(keys[(k + pick) % n]);
    if (!v->ranking_count) /* a vote ranks at least one group, as the parser insists */
        v->ranking[v->ranking_count++] = xstrdup(keys[pick % n]);
}

/* A session of the answers, people in the order given or reversed. */
static void build(struct session *s, uint8_t flags, char **keys, const uint8_t *meta, size_t n,
                  bool reverse)
{
    memset(s, 0, sizeof *s);
    size_t people = 1 + flags % MAX_PEOPLE;
    size_t cap = 0;
    for (size_t p = 0; p < people; p++) {
        struct participant *who = array_push(&s->participants, &s->participant_count, &cap,
                                             sizeof *who);
        size_t was = reverse ? people - 1 - p : p;
        who->name = xasprintf("P%zu", was);
        who->role = (enum role)((was * 7 + flags / 8) % ROLE_COUNT);
    }
    cap = 0;
    for (size_t i = 0; i < n; i++) {
        size_t who = meta[i] % people;
        struct input *in = array_push(&s->inputs, &s->input_count, &cap, sizeof *in);
        in->participant = reverse ? people - 1 - who : who;
        in->step = (enum step)(meta[i] / 8 % STEP_COUNT);
        in->text = xstrdup(keys[i]);
        in->group = meta[i] & 0x80 ? xstrdup(keys[(i + 1) % n]) : NULL;
    }
    size_t vote_cap = 0, round_cap = 0;
    for (size_t p = 0; p < people && n; p++) {
        size_t was = reverse ? people - 1 - p : p;
        uint8_t pick = meta[was % n];
        enum step step = (enum step)(pick % STEP_COUNT);
        if (pick & 0x40)
            add_vote(&s->votes, &s->vote_count, &vote_cap, p, step, 0, keys, n, pick);
        if (pick & 0x20)
            add_vote(&s->rounds, &s->round_count, &round_cap, p, step, 1 + (pick & 1), keys, n,
                     (uint8_t)(pick >> 1));
    }
}

static void check_alignment(uint8_t flags, char **keys, const uint8_t *meta, size_t n)
{
    struct session s, r;
    struct alignment a, b;
    build(&s, flags, keys, meta, n, false);
    build(&r, flags, keys, meta, n, true);
    align_session(&s, &a);
    align_session(&r, &b);
    for (int i = 0; i < STEP_COUNT; i++) {
        const struct align_step *x = &a.steps[i], *y = &b.steps[i];
        check_step(&s, x);
        FUZZ_CHECK(x->answered == y->answered && x->group_count == y->group_count,
                   "step %d: the order of the people changes who answered", i);
        FUZZ_CHECK((isnan(x->alignment) && isnan(y->alignment)) ||
                       fabs(x->alignment - y->alignment) <= 0.1 + 1e-9,
                   "step %d: alignment %g, %g with the people reversed", i, x->alignment,
                   y->alignment);
        FUZZ_CHECK(!x->vote == !y->vote && (!x->vote || (isnan(x->vote->kendall_w) ==
                                                            isnan(y->vote->kendall_w))),
                   "step %d: the order of the people changes the vote", i);
        if (x->vote && !isnan(x->vote->kendall_w))
            FUZZ_CHECK(fabs(x->vote->kendall_w - y->vote->kendall_w) < 1e-9,
                       "step %d: W %g, %g with the people reversed", i, x->vote->kendall_w,
                       y->vote->kendall_w);
    }
    FUZZ_CHECK(in_range(a.overall, 0, 100), "overall %g", a.overall);
    FUZZ_CHECK(a.weakest == -1 ? isnan(a.overall) : !isnan(a.steps[a.weakest].alignment),
               "the weakest step is %d", a.weakest);
    enum role ra, rb;
    double least;
    if (align_session_least_aligned_roles(&a, &ra, &rb, &least))
        FUZZ_CHECK(ra < rb && in_range(least, 0, 1), "least aligned roles");
    alignment_free(&a);
    alignment_free(&b);
    session_free(&s);
    session_free(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    struct fuzz_reader r = {data, size};
    uint8_t flags = fuzz_byte(&r);
    char *texts[MAX_KEYS], *keys[MAX_KEYS];
    uint8_t meta[MAX_KEYS];
    size_t n = 0;
    while (r.size && n < MAX_KEYS) {
        meta[n] = fuzz_byte(&r);
        texts[n] = fuzz_string(&r, 0xFF);
        check_normalize(texts[n]);
        keys[n] = similar_normalize(texts[n]);
        n++;
    }
    for (size_t i = 0; i + 1 < n; i++)
        check_scores(keys[i], keys[i + 1]);
    check_suggest(keys, n);
    if (n)
        check_alignment(flags, texts, meta, n);
    for (size_t i = 0; i < n; i++) {
        free(texts[i]);
        free(keys[i]);
    }
    return 0;
}
