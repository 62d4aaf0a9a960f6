/* bench_align.c: times the alignment metrics and the merge suggestions for a large
 * room: 30 participants x 5 steps x 40 answers, with realistic near-duplicates.
 * Targets (one core): all metrics under 10 ms, all suggestions under 100 ms. */
#include "align.h"
#include "similar.h"
#include "util.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PARTICIPANTS 30
#define PER_STEP 40
#define BASE_ANSWERS 120
#define RUNS 21

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static unsigned next(unsigned bound)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % bound);
}

static const char *const words[] = {
    "spreadsheets", "email", "shared", "inbox", "zendesk", "gorgias", "support", "agent",
    "order", "lookup", "ticket", "refund", "shopify", "brand", "faster", "answers",
    "cheaper", "pricing", "store", "automation", "reply", "customer", "service", "desk",
    "help", "macro", "returns", "tracking", "chat", "intern", "status", "quo",
};
#define WORD_COUNT (sizeof words / sizeof words[0])

/* A base answer of two to four words. */
static char *base_answer(void)
{
    char text[128] = "";
    unsigned n = 2 + next(3);
    for (unsigned i = 0; i < n; i++) {
        strcat(text, i ? " " : "");
        strcat(text, words[next(WORD_COUNT)]);
    }
    text[0] = (char)(text[0] - 'a' + 'A');
    return xstrdup(text);
}

/* How people write the same thing differently: case, punctuation, a plural, a typo. */
static char *variant(const char *base)
{
    char *v = xmalloc(strlen(base) + 3);
    strcpy(v, base);
    switch (next(6)) {
    case 0: for (char *c = v; *c; c++) *c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c); break;
    case 1: strcat(v, "."); break;
    case 2: strcat(v, "s"); break;
    case 3: if (strlen(v) > 4) memmove(v + 2, v + 3, strlen(v + 3) + 1); break; /* typo */
    default: break;
    }
    return v;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    static const enum role roles[] = {ROLE_CEO, ROLE_MARKETING, ROLE_SALES, ROLE_PRODUCT,
                                      ROLE_SUCCESS, ROLE_OTHER};
    struct session s = {0};
    s.narrative = xstrdup("");
    for (int p = 0; p < PARTICIPANTS; p++) {
        struct participant *pa =
            array_push(&s.participants, &s.participant_count, &s.participant_cap, sizeof *pa);
        pa->name = xasprintf("Person %d", p + 1);
        pa->role = roles[p % 6];
    }
    char *bases[STEP_COUNT][BASE_ANSWERS];
    for (int st = 0; st < STEP_COUNT; st++)
        for (int b = 0; b < BASE_ANSWERS; b++)
            bases[st][b] = base_answer();
    for (int st = 0; st < STEP_COUNT; st++)
        for (int p = 0; p < PARTICIPANTS; p++)
            for (int i = 0; i < PER_STEP; i++) {
                struct input *in = array_push(&s.inputs, &s.input_count, &s.input_cap, sizeof *in);
                in->participant = (size_t)p;
                in->step = (enum step)st;
                in->text = variant(bases[st][next(BASE_ANSWERS)]);
                if (next(10) == 0)
                    in->group = xstrdup(bases[st][next(BASE_ANSWERS)]);
            }
    for (int p = 0; p < PARTICIPANTS; p++)
        for (int st = 0; st < STEP_COUNT; st++) {
            struct vote *v = array_push(&s.votes, &s.vote_count, &s.vote_cap, sizeof *v);
            v->participant = (size_t)p;
            v->step = (enum step)st;
            v->ranking_count = 5;
            v->ranking = xcalloc(5, sizeof *v->ranking);
            for (int r = 0; r < 5; r++)
                v->ranking[r] = xstrdup(bases[st][next(12)]);
        }

    char *terms[] = {"do nothing", "status quo", "spreadsheets", "excel", "help desk", "helpdesk"};
    size_t sets[] = {0, 0, 1, 1, 2, 2};
    struct synonyms syn;
    char **term_copy = xcalloc(6, sizeof *term_copy);
    size_t *set_copy = xcalloc(6, sizeof *set_copy);
    for (int i = 0; i < 6; i++)
        term_copy[i] = xstrdup(terms[i]), set_copy[i] = sets[i];
    synonyms_init(&syn, term_copy, set_copy, 6);

    double metrics[RUNS], suggest[RUNS];
    size_t groups = 0, found = 0;
    for (int run = 0; run < RUNS; run++) {
        struct alignment a;
        double t0 = now_ms();
        align_session(&s, &a);
        double t1 = now_ms();
        groups = found = 0;
        for (int st = 0; st < STEP_COUNT; st++) {
            const struct align_step *step = &a.steps[st];
            const char **keys = xmalloc(step->group_count * sizeof *keys);
            for (size_t g = 0; g < step->group_count; g++)
                keys[g] = step->groups[g].key;
            struct suggestion *list;
            size_t count;
            similar_suggest(keys, step->group_count, &syn, &list, &count);
            groups += step->group_count;
            found += count;
            free(list);
            free(keys);
        }
        double t2 = now_ms();
        metrics[run] = t1 - t0;
        suggest[run] = t2 - t1;
        alignment_free(&a);
    }
    qsort(metrics, RUNS, sizeof *metrics, compare_double);
    qsort(suggest, RUNS, sizeof *suggest, compare_double);
    printf("bench_align: %d participants x %d steps x %d answers = %zu answers, %zu groups\n",
           PARTICIPANTS, STEP_COUNT, PER_STEP, s.input_count, groups);
    printf("  metrics, all steps:     median %6.2f ms  worst %6.2f ms  (target < 10 ms)\n",
           metrics[RUNS / 2], metrics[RUNS - 1]);
    printf("  suggestions, all steps: median %6.2f ms  worst %6.2f ms  (target < 100 ms; "
           "%zu suggested)\n",
           suggest[RUNS / 2], suggest[RUNS - 1], found);
    synonyms_free(&syn);
    session_free(&s);
    for (int st = 0; st < STEP_COUNT; st++)
        for (int b = 0; b < BASE_ANSWERS; b++)
            free(bases[st][b]);
    return metrics[RUNS / 2] < 10.0 && suggest[RUNS / 2] < 100.0 ? 0 : 1;
}
