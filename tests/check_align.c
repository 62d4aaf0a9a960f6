/* check_align.c: Check suite for align.c and similar.c, with cases worked out by hand. */
#include "align.h"
#include "check_main.h"
#include "files.h"
#include "similar.h"
#include "store.h"

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include "util.h"

#define NEAR(x, y) (fabs((x) - (y)) < 1e-9)

/* A session built in memory: participants, then answers and rankings. */
static struct session make(const char *const *people, const enum role *roles, size_t n)
{
    struct session s = {0};
    for (size_t i = 0; i < n; i++) {
        struct participant *p =
            array_push(&s.participants, &s.participant_count, &s.participant_cap, sizeof *p);
        p->name = xstrdup(people[i]);
        p->role = roles[i];
    }
    s.narrative = xstrdup("");
    return s;
}

static void answer(struct session *s, size_t who, enum step step, const char *text,
                   const char *group)
{
    struct input *in = array_push(&s->inputs, &s->input_count, &s->input_cap, sizeof *in);
    in->participant = who;
    in->step = step;
    in->text = xstrdup(text);
    in->group = group ? xstrdup(group) : NULL;
}

/* rank(s, who, step, "a", "b", NULL) */
static void rank(struct session *s, size_t who, enum step step, ...)
{
    struct vote *v = array_push(&s->votes, &s->vote_count, &s->vote_cap, sizeof *v);
    v->participant = who;
    v->step = step;
    va_list ap;
    va_start(ap, step);
    for (const char *label; (label = va_arg(ap, const char *));) {
        v->ranking = xrealloc(v->ranking, (v->ranking_count + 1) * sizeof *v->ranking);
        v->ranking[v->ranking_count++] = xstrdup(label);
    }
    va_end(ap);
}

static const char *const ABC[] = {"Ann", "Bob", "Cat", "Dan"};
static const enum role CEO_SALES_SALES[] = {ROLE_CEO, ROLE_SALES, ROLE_SALES, ROLE_PRODUCT};

START_TEST(normalize_rules)
{
    static const char *const cases[][2] = {
        {"Spreadsheets", "spreadsheets"},
        {"SPREADSHEETS", "spreadsheets"},
        {"Spreadsheets.", "spreadsheets"},
        {"  Hello,   World!! ", "hello, world"},
        {"\"Quoted.\"", "quoted"},
        {"a\tb \n c", "a b c"},
        {"Spreadsheets .", "spreadsheets"},
        {"\xC3\x89" "COLE \xC3\x96L", "\xC3\xA9" "cole \xC3\xB6l"}, /* ÉCOLE ÖL */
        {"...", ""},
        {"Bill.com", "bill.com"},
        {"?!Why not?!", "why not"},
        {"e-commerce", "e-commerce"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *n = similar_normalize(cases[i][0]);
        ck_assert_msg(strcmp(n, cases[i][1]) == 0, "%s -> \"%s\", want \"%s\"", cases[i][0], n,
                      cases[i][1]);
        free(n);
    }
}
END_TEST

START_TEST(empty_step_has_no_numbers)
{
    struct session s = make(ABC, CEO_SALES_SALES, 3);
    struct alignment a;
    align_session(&s, &a);
    for (int i = 0; i < STEP_COUNT; i++) {
        ck_assert_uint_eq(a.steps[i].answered, 0);
        ck_assert(isnan(a.steps[i].alignment));
        ck_assert_uint_eq(a.steps[i].group_count, 0);
        ck_assert_ptr_null(a.steps[i].vote);
    }
    ck_assert(isnan(a.overall));
    ck_assert_int_eq(a.weakest, -1);
    alignment_free(&a);
    session_free(&s);
}
END_TEST

START_TEST(one_participant_has_no_alignment)
{
    struct session s = make(ABC, CEO_SALES_SALES, 3);
    answer(&s, 1, STEP_VALUE, "Speed", NULL);
    answer(&s, 1, STEP_VALUE, "speed!", NULL); /* same group, counted once */
    struct alignment a;
    align_session(&s, &a);
    const struct align_step *st = &a.steps[STEP_VALUE];
    ck_assert_uint_eq(st->answered, 1);
    ck_assert(isnan(st->alignment));
    ck_assert_uint_eq(st->pair_count, 0);
    ck_assert_uint_eq(st->group_count, 1);
    ck_assert_uint_eq(st->groups[0].count, 1);
    ck_assert(!align_is_shared(st, &st->groups[0])); /* not with one voice */
    ck_assert(!align_is_lone(st, &st->groups[0]));
    alignment_free(&a);
    session_free(&s);
}
END_TEST

START_TEST(identical_sets_agree_fully)
{
    struct session s = make(ABC, CEO_SALES_SALES, 2);
    answer(&s, 0, STEP_ALTERNATIVES, "Spreadsheets", NULL);
    answer(&s, 0, STEP_ALTERNATIVES, "Do nothing", NULL);
    answer(&s, 1, STEP_ALTERNATIVES, "do NOTHING.", NULL);
    answer(&s, 1, STEP_ALTERNATIVES, " spreadsheets ", NULL);
    struct alignment a;
    align_session(&s, &a);
    const struct align_step *st = &a.steps[STEP_ALTERNATIVES];
    ck_assert(NEAR(st->alignment, 100.0));
    ck_assert_uint_eq(st->group_count, 2);
    ck_assert_str_eq(st->groups[0].label, "Spreadsheets"); /* first seen */
    ck_assert(align_is_shared(st, &st->groups[0]) && align_is_shared(st, &st->groups[1]));
    ck_assert(NEAR(st->departments[ROLE_CEO][ROLE_SALES], 1.0));
    ck_assert(NEAR(a.overall, 100.0));
    alignment_free(&a);
    session_free(&s);
}
END_TEST

START_TEST(disjoint_sets_agree_nowhere)
{
    struct session s = make(ABC, CEO_SALES_SALES, 2);
    answer(&s, 0, STEP_CATEGORY, "Help desk", NULL);
    answer(&s, 1, STEP_CATEGORY, "Helpdesk", NULL); /* similar, but not merged */
    struct alignment a;
    align_session(&s, &a);
    const struct align_step *st = &a.steps[STEP_CATEGORY];
    ck_assert(NEAR(st->alignment, 0.0));
    ck_assert_uint_eq(st->group_count, 2);
    ck_assert(align_is_lone(st, &st->groups[0]) && align_is_lone(st, &st->groups[1]));
    ck_assert_int_eq(a.weakest, STEP_CATEGORY);
    alignment_free(&a);
    session_free(&s);
}
END_TEST

/* Ann {a, b}, Bob {b, c}, Cat {a, b, c}:
 * Ann-Bob 1/3, Ann-Cat 2/3, Bob-Cat 2/3; mean 5/9 = 55.6%.
 * Departments: ceo-sales = (1/3 + 2/3) / 2 = 0.5; sales-sales = 2/3; ceo-ceo unknown. */
START_TEST(three_people_worked_by_hand)
{
    struct session s = make(ABC, CEO_SALES_SALES, 3);
    answer(&s, 0, STEP_VALUE, "a", NULL);
    answer(&s, 0, STEP_VALUE, "b", NULL);
    answer(&s, 1, STEP_VALUE, "b", NULL);
    answer(&s, 1, STEP_VALUE, "c", NULL);
    answer(&s, 2, STEP_VALUE, "a", NULL);
    answer(&s, 2, STEP_VALUE, "b", NULL);
    answer(&s, 2, STEP_VALUE, "c", NULL);
    struct alignment a;
    align_session(&s, &a);
    const struct align_step *st = &a.steps[STEP_VALUE];
    ck_assert_uint_eq(st->answered, 3);
    ck_assert_uint_eq(st->pair_count, 3);
    ck_assert(NEAR(st->pairs[0].agreement, 1.0 / 3));
    ck_assert(NEAR(st->pairs[1].agreement, 2.0 / 3));
    ck_assert(NEAR(st->pairs[2].agreement, 2.0 / 3));
    ck_assert(NEAR(st->alignment, 55.6));
    /* coverage: b (3), then a and c (2 each) in first-seen order */
    ck_assert_str_eq(st->groups[0].label, "b");
    ck_assert_uint_eq(st->groups[0].count, 3);
    ck_assert_str_eq(st->groups[1].label, "a");
    ck_assert_str_eq(st->groups[2].label, "c");
    ck_assert_uint_eq(st->groups[2].role_count[ROLE_SALES], 2);
    ck_assert_uint_eq(st->groups[2].role_count[ROLE_CEO], 0);
    ck_assert(align_is_shared(st, &st->groups[0]));
    ck_assert(!align_is_shared(st, &st->groups[1]) && !align_is_lone(st, &st->groups[1]));
    ck_assert(NEAR(st->departments[ROLE_CEO][ROLE_SALES], 0.5));
    ck_assert(NEAR(st->departments[ROLE_SALES][ROLE_CEO], 0.5));
    ck_assert(NEAR(st->departments[ROLE_SALES][ROLE_SALES], 2.0 / 3));
    ck_assert(isnan(st->departments[ROLE_CEO][ROLE_CEO])); /* one member */
    ck_assert(isnan(st->departments[ROLE_PRODUCT][ROLE_SALES]));
    alignment_free(&a);
    session_free(&s);
}
END_TEST

START_TEST(labels_merge_groups)
{
    struct session s = make(ABC, CEO_SALES_SALES, 3);
    answer(&s, 0, STEP_ALTERNATIVES, "Excel + email", "Spreadsheets");
    answer(&s, 1, STEP_ALTERNATIVES, "spreadsheets", NULL);
    answer(&s, 2, STEP_ALTERNATIVES, "Excel + email", NULL); /* no label: its own group */
    struct alignment a;
    align_session(&s, &a);
    const struct align_step *st = &a.steps[STEP_ALTERNATIVES];
    ck_assert_uint_eq(st->group_count, 2);
    ck_assert_str_eq(st->groups[0].label, "Spreadsheets");
    ck_assert_str_eq(st->groups[0].key, "spreadsheets");
    ck_assert_uint_eq(st->groups[0].count, 2);
    ck_assert_str_eq(st->groups[1].label, "Excel + email");
    /* Ann-Bob 1, Ann-Cat 0, Bob-Cat 0: 33.3% */
    ck_assert(NEAR(st->alignment, 33.3));
    alignment_free(&a);
    session_free(&s);
}
END_TEST

START_TEST(overall_is_mean_of_known_steps)
{
    struct session s = make(ABC, CEO_SALES_SALES, 2);
    answer(&s, 0, STEP_ALTERNATIVES, "x", NULL);
    answer(&s, 1, STEP_ALTERNATIVES, "x", NULL); /* 100 */
    answer(&s, 0, STEP_VALUE, "x", NULL);
    answer(&s, 1, STEP_VALUE, "y", NULL);        /* 0 */
    answer(&s, 0, STEP_CATEGORY, "x", NULL);     /* one voice: unknown */
    struct alignment a;
    align_session(&s, &a);
    ck_assert(NEAR(a.overall, 50.0));
    ck_assert_int_eq(a.weakest, STEP_VALUE);
    ck_assert(isnan(a.steps[STEP_CATEGORY].alignment));
    alignment_free(&a);
    session_free(&s);
}
END_TEST

START_TEST(identical_rankings_have_w_one)
{
    struct session s = make(ABC, CEO_SALES_SALES, 3);
    for (size_t p = 0; p < 3; p++)
        rank(&s, p, STEP_VALUE, "Speed", "Cost", "Trust", NULL);
    struct alignment a;
    align_session(&s, &a);
    const struct align_vote *v = a.steps[STEP_VALUE].vote;
    ck_assert_ptr_nonnull(v);
    ck_assert(NEAR(v->kendall_w, 1.0));
    ck_assert(v->top3_all_agree);
    ck_assert(NEAR(v->top3_match_share, 100.0));
    ck_assert_str_eq(v->order[0].label, "Speed");
    ck_assert(NEAR(v->order[0].rank_sum, 3.0));
    ck_assert(NEAR(v->order[2].rank_sum, 9.0));
    alignment_free(&a);
    session_free(&s);
}
END_TEST

/* Four raters rank eight strawberry farms (influentialpoints.com, "Coefficient of
 * concordance", worked example I): rank sums 31 12 12 15 22 5 22 25, SS = 500,
 * W = 500 / (504 x 16 / 12) = 0.744. */
START_TEST(published_example)
{
    static const char *const people[] = {"A", "B", "C", "D"};
    static const enum role roles[] = {ROLE_OTHER, ROLE_OTHER, ROLE_OTHER, ROLE_OTHER};
    struct session s = make(people, roles, 4);
    rank(&s, 0, STEP_VALUE, "f6", "f3", "f4", "f2", "f5", "f7", "f8", "f1", NULL);
    rank(&s, 1, STEP_VALUE, "f3", "f6", "f2", "f4", "f5", "f7", "f1", "f8", NULL);
    rank(&s, 2, STEP_VALUE, "f6", "f2", "f8", "f7", "f3", "f4", "f5", "f1", NULL);
    rank(&s, 3, STEP_VALUE, "f6", "f4", "f2", "f3", "f5", "f7", "f8", "f1", NULL);
    struct alignment a;
    align_session(&s, &a);
    const struct align_vote *v = a.steps[STEP_VALUE].vote;
    ck_assert_uint_eq(v->rankings, 4);
    ck_assert_uint_eq(v->candidate_count, 8);
    ck_assert(NEAR(v->kendall_w, 500.0 / 672.0));
    ck_assert_int_eq((int)round(v->kendall_w * 1000), 744);
    static const char *const order[] = {"f6", "f2", "f3", "f4", "f5", "f7", "f8", "f1"};
    static const double sums[] = {5, 12, 12, 15, 22, 22, 25, 31}; /* ties by label */
    for (int i = 0; i < 8; i++) {
        ck_assert_str_eq(v->order[i].label, order[i]);
        ck_assert(NEAR(v->order[i].rank_sum, sums[i]));
    }
    alignment_free(&a);
    session_free(&s);
}
END_TEST

/* Candidates a b c d. R1 [a b]: c, d tie at (2+1+4)/2 = 3.5, T = 6. R2 [a c b d].
 * R3 [b]: a, c, d tie at 3, T = 24. Sums a 5, b 6, c 8.5, d 10.5; mean 7.5;
 * S = 6.25 + 2.25 + 1 + 9 = 18.5; W = 12 x 18.5 / (9 x 60 - 3 x 30) = 222 / 450. */
START_TEST(left_out_groups_tie)
{
    struct session s = make(ABC, CEO_SALES_SALES, 3);
    rank(&s, 0, STEP_CUSTOMERS, "a", "b", NULL);
    rank(&s, 1, STEP_CUSTOMERS, "a", "c", "b", "d", NULL);
    rank(&s, 2, STEP_CUSTOMERS, "B.", NULL); /* the same group as "b" */
    struct alignment a;
    align_session(&s, &a);
    const struct align_vote *v = a.steps[STEP_CUSTOMERS].vote;
    ck_assert_uint_eq(v->candidate_count, 4);
    ck_assert(NEAR(v->order[0].rank_sum, 5.0));
    ck_assert(NEAR(v->order[1].rank_sum, 6.0));
    ck_assert(NEAR(v->order[2].rank_sum, 8.5));
    ck_assert(NEAR(v->order[3].rank_sum, 10.5));
    ck_assert(NEAR(v->kendall_w, 222.0 / 450.0));
    /* room top three {a, b, c}: only R2's top three is that set */
    ck_assert(!v->top3_all_agree);
    ck_assert(NEAR(v->top3_match_share, 33.3));
    alignment_free(&a);
    session_free(&s);
}
END_TEST

START_TEST(vote_edge_cases)
{
    struct session s = make(ABC, CEO_SALES_SALES, 3);
    answer(&s, 0, STEP_VALUE, "Speed of reply", "Speed");
    rank(&s, 0, STEP_VALUE, "speed", "Cost", "SPEED.", NULL); /* repeat dropped */
    rank(&s, 0, STEP_CATEGORY, "x", "y", NULL);               /* one ranking: W unknown */
    rank(&s, 0, STEP_ALTERNATIVES, "b", "a", NULL);
    rank(&s, 1, STEP_ALTERNATIVES, "a", "b", NULL);            /* sums tie: by label */
    struct alignment a;
    align_session(&s, &a);
    const struct align_vote *v = a.steps[STEP_VALUE].vote;
    ck_assert_uint_eq(v->candidate_count, 2);
    ck_assert_str_eq(v->order[0].label, "Speed"); /* the group's label */
    ck_assert(isnan(v->kendall_w));
    ck_assert(isnan(a.steps[STEP_CATEGORY].vote->kendall_w));
    v = a.steps[STEP_ALTERNATIVES].vote;
    ck_assert_str_eq(v->order[0].label, "a");
    ck_assert_str_eq(v->order[1].label, "b");
    ck_assert(NEAR(v->kendall_w, 0.0));
    ck_assert(v->top3_all_agree); /* {a, b} both times */
    ck_assert_ptr_null(a.steps[STEP_CUSTOMERS].vote);
    alignment_free(&a);
    session_free(&s);
}
END_TEST

/* "5 rankings; 5 of 8 groups ranked": the groups of the step some ranking
 * names, not the labels the rankings name (trial: it said "of 5 groups"). */
START_TEST(groups_ranked_of_all_groups)
{
    struct session s = make(ABC, CEO_SALES_SALES, 2);
    answer(&s, 0, STEP_VALUE, "Speed", NULL);
    answer(&s, 0, STEP_VALUE, "Cost", NULL);
    answer(&s, 1, STEP_VALUE, "Reach", NULL);
    answer(&s, 1, STEP_VALUE, "Trust", NULL);
    rank(&s, 0, STEP_VALUE, "speed", "Gone", NULL); /* "Gone" is no group of the step */
    rank(&s, 1, STEP_VALUE, "Cost", NULL);
    struct alignment a;
    align_session(&s, &a);
    ck_assert_uint_eq(a.steps[STEP_VALUE].group_count, 4);
    ck_assert_uint_eq(align_groups_ranked(&a.steps[STEP_VALUE]), 2);
    ck_assert_uint_eq(align_groups_ranked(&a.steps[STEP_CATEGORY]), 0); /* no vote */
    alignment_free(&a);
    session_free(&s);
}
END_TEST

START_TEST(similarity_scores)
{
    ck_assert(NEAR(similar_trigram_score("bill.com", "billcom"), 1.0));
    ck_assert(NEAR(similar_trigram_score("help desk", "helpdesk"), 1.0));
    /* 12 and 13 trigrams, 11 shared: 11 / 14 */
    ck_assert(NEAR(similar_trigram_score("spreadsheet", "spreadsheets"), 11.0 / 14.0));
    /* gorgias: 8 trigrams, gorgias.io: 10, 7 shared: 7 / 11 */
    ck_assert(NEAR(similar_trigram_score("gorgias", "gorgias.io"), 7.0 / 11.0));
    ck_assert(NEAR(similar_word_score("e-commerce help desk", "help desk"), 0.5));
    ck_assert(NEAR(similar_word_score("zendesk", "gorgias"), 0.0));
    ck_assert(NEAR(similar_trigram_score("...", "!!!"), 0.0));
}
END_TEST

START_TEST(suggestions_best_first)
{
    char **terms = xcalloc(3, sizeof *terms);
    size_t *sets = xcalloc(3, sizeof *sets);
    terms[0] = xstrdup("Do nothing");
    terms[1] = xstrdup("Status quo");
    terms[2] = xstrdup("spreadsheets");
    sets[2] = 1;
    struct synonyms syn;
    synonyms_init(&syn, terms, sets, 3);
    const char *keys[] = {"do nothing", "zendesk", "status quo", "gorgias", "gorgias.io"};
    struct suggestion *list;
    size_t count;
    similar_suggest(keys, 5, &syn, &list, &count);
    ck_assert_uint_eq(count, 2);
    ck_assert_uint_eq(list[0].a, 0);
    ck_assert_uint_eq(list[0].b, 2);
    ck_assert_int_eq(list[0].reason, SUGGEST_SYNONYMS);
    ck_assert(NEAR(list[0].score, 0.9));
    ck_assert_uint_eq(list[1].a, 3);
    ck_assert_uint_eq(list[1].b, 4);
    ck_assert_int_eq(list[1].reason, SUGGEST_SPELLING);
    ck_assert(NEAR(list[1].score, 7.0 / 11.0));
    free(list);
    /* a synonym inside a longer answer still counts, as whole words only */
    const char *more[] = {"google sheets tracker", "spreadsheets", "sheetsy"};
    synonyms_free(&syn);
    terms = xcalloc(2, sizeof *terms);
    sets = xcalloc(2, sizeof *sets);
    terms[0] = xstrdup("google sheets");
    terms[1] = xstrdup("spreadsheets");
    synonyms_init(&syn, terms, sets, 2);
    similar_suggest(more, 3, &syn, &list, &count);
    ck_assert_uint_ge(count, 1);
    ck_assert_uint_eq(list[0].a, 0);
    ck_assert_uint_eq(list[0].b, 1);
    ck_assert_int_eq(list[0].reason, SUGGEST_SYNONYMS);
    for (size_t i = 0; i < count; i++)
        ck_assert(!(list[i].a == 0 && list[i].b == 2 && list[i].reason == SUGGEST_SYNONYMS));
    free(list);
    synonyms_free(&syn);
}
END_TEST

/* Nothing alike, one key or none: no suggestion, and the empty list was
 * sorted as a NULL pointer (UBSan: "null pointer passed as argument 1"). */
START_TEST(no_suggestions_when_nothing_is_alike)
{
    struct synonyms syn;
    synonyms_init(&syn, xcalloc(1, sizeof(char *)), xcalloc(1, sizeof(size_t)), 0);
    const char *keys[] = {"zendesk", "spreadsheets"};
    for (size_t n = 0; n <= 2; n++) {
        struct suggestion *list = (struct suggestion *)&list; /* anything but NULL */
        size_t count = 99;
        similar_suggest(keys, n, &syn, &list, &count);
        ck_assert_uint_eq(count, 0);
        ck_assert_ptr_null(list);
    }
    synonyms_free(&syn);
}
END_TEST

/* The example workshop's alternatives, worked by hand from data/examples/demo.json:
 * 15 pairs summing to 3.8 (Maya and Carlos named the same three), 3.8 / 15 = 25.3%. */
START_TEST(example_workshop)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/examples/demo.json", getenv("SAMESONG_DATA_DIR"));
    size_t len;
    char *json = file_read(path, &len), err[256];
    struct session s;
    ck_assert_int_eq(store_parse_session_file(json, len, &s, err, sizeof err), 0);
    struct alignment a;
    align_session(&s, &a);
    const struct align_step *st = &a.steps[STEP_ALTERNATIVES];
    ck_assert_uint_eq(st->answered, 6);
    ck_assert_uint_eq(st->pair_count, 15);
    ck_assert(NEAR(st->alignment, 25.3));
    ck_assert_str_eq(st->groups[0].label, "Spreadsheets");
    ck_assert_uint_eq(st->groups[0].count, 5); /* all but Priya, two via a label */
    ck_assert(NEAR(st->departments[ROLE_CEO][ROLE_SUCCESS], 1.0)); /* Maya and Carlos */
    ck_assert(NEAR(st->departments[ROLE_SALES][ROLE_SALES], 0.2));  /* Priya and Tom */
    ck_assert(NEAR(st->departments[ROLE_CEO][ROLE_SALES], 0.1));    /* 0 and 0.2 */
    ck_assert_uint_eq(st->vote->rankings, 6);
    ck_assert_int_eq(a.weakest, STEP_CATEGORY);
    for (int i = 0; i < STEP_COUNT; i++)
        ck_assert(!isnan(a.steps[i].alignment));
    alignment_free(&a);
    session_free(&s);
    free(json);
}
END_TEST

START_TEST(readings_for_the_room)
{
    struct session s = make(ABC, CEO_SALES_SALES, 4); /* ceo, sales, sales, product */
    char line[200];
    struct alignment a;
    align_session(&s, &a);
    align_reading(&a.steps[STEP_VALUE], line, sizeof line);
    ck_assert_str_eq(line, "Nobody has answered yet.");
    alignment_free(&a);

    /* Ann (ceo) {x}, Bob (sales) {x, y}, Cat (sales) {y}, Dan (product) {z}:
     * sales-product pairs are Bob-Dan 0 and Cat-Dan 0, so they share nothing. */
    answer(&s, 0, STEP_ALTERNATIVES, "x", NULL);
    answer(&s, 1, STEP_ALTERNATIVES, "x", NULL);
    answer(&s, 1, STEP_ALTERNATIVES, "y", NULL);
    answer(&s, 2, STEP_ALTERNATIVES, "y", NULL);
    answer(&s, 3, STEP_ALTERNATIVES, "z", NULL);
    align_session(&s, &a);
    enum role r, q;
    double least;
    ck_assert(align_least_aligned_roles(&a.steps[STEP_ALTERNATIVES], &r, &q, &least));
    ck_assert_int_eq(r, ROLE_CEO); /* ceo-product is also 0; the first pair found wins */
    ck_assert_int_eq(q, ROLE_PRODUCT);
    ck_assert(NEAR(least, 0.0));
    align_reading(&a.steps[STEP_ALTERNATIVES], line, sizeof line);
    ck_assert_str_eq(line, "The CEO and product share no alternative.");
    alignment_free(&a);

    /* everyone names the same: the room agrees */
    for (size_t p = 0; p < 4; p++)
        answer(&s, p, STEP_CATEGORY, "Help desk", NULL);
    align_session(&s, &a);
    align_reading(&a.steps[STEP_CATEGORY], line, sizeof line);
    ck_assert_str_eq(line, "The room largely agrees (1 named by everyone).");
    /* across the session, the mean of each pair of roles over both steps:
     * ceo-sales (0.25 + 1) / 2 = 0.625, ceo-product (0 + 1) / 2 = 0.5,
     * sales-product (0 + 1) / 2 = 0.5: ceo-product is the first of the lowest */
    ck_assert(align_session_least_aligned_roles(&a, &r, &q, &least));
    ck_assert_int_eq(r, ROLE_CEO);
    ck_assert_int_eq(q, ROLE_PRODUCT);
    ck_assert(NEAR(least, 0.5));
    ck_assert(NEAR(a.steps[STEP_ALTERNATIVES].departments[ROLE_CEO][ROLE_SALES], 0.25));
    alignment_free(&a);
    session_free(&s);
}
END_TEST

/* Anonymous: the reading speaks of pairs of people, never of a role. */
START_TEST(anonymous_readings_name_no_role)
{
    struct session s = make(ABC, CEO_SALES_SALES, 4);
    char line[200];
    struct alignment a;
    /* the pairs of Ann {x}, Bob {x, y}, Cat {y}, Dan {z}: Ann-Bob and Bob-Cat
     * agree 1/2, the other four share nothing */
    answer(&s, 0, STEP_ALTERNATIVES, "x", NULL);
    answer(&s, 1, STEP_ALTERNATIVES, "x", NULL);
    answer(&s, 1, STEP_ALTERNATIVES, "y", NULL);
    answer(&s, 2, STEP_ALTERNATIVES, "y", NULL);
    answer(&s, 3, STEP_ALTERNATIVES, "z", NULL);
    /* Ann {x, y} and Bob {x, z} agree 1/3 */
    answer(&s, 0, STEP_VALUE, "x", NULL);
    answer(&s, 0, STEP_VALUE, "y", NULL);
    answer(&s, 1, STEP_VALUE, "x", NULL);
    answer(&s, 1, STEP_VALUE, "z", NULL);
    align_session(&s, &a);
    align_reading_anonymous(&a.steps[STEP_ALTERNATIVES], line, sizeof line);
    ck_assert_str_eq(line, "4 of 6 pairs of people share no alternative.");
    double least, most;
    size_t disjoint;
    ck_assert(align_pair_range(&a.steps[STEP_ALTERNATIVES], &least, &most, &disjoint));
    ck_assert(NEAR(least, 0.0));
    ck_assert(NEAR(most, 0.5));
    ck_assert_uint_eq(disjoint, 4);
    align_reading_anonymous(&a.steps[STEP_VALUE], line, sizeof line);
    ck_assert_str_eq(line, "The least aligned pair of people agree 33%; 1 value theme named by "
                           "everyone.");
    align_reading_anonymous(&a.steps[STEP_CATEGORY], line, sizeof line);
    ck_assert_str_eq(line, "Nobody has answered yet.");
    ck_assert(!align_pair_range(&a.steps[STEP_CATEGORY], &least, &most, &disjoint));
    alignment_free(&a);
    session_free(&s);
}
END_TEST

/* P numbers: 1 to n, the same each time, and following the ids, not the
 * order people are in (which is the order they joined). */
START_TEST(anonymous_numbers_follow_no_order)
{
    static const char *const six[] = {"Ann", "Bob", "Cat", "Dan", "Eve", "Fay"};
    static const enum role roles[] = {ROLE_CEO, ROLE_MARKETING, ROLE_SALES, ROLE_PRODUCT,
                                      ROLE_SUCCESS, ROLE_OTHER};
    struct session s = make(six, roles, 6);
    s.id = 7;
    for (size_t p = 0; p < 6; p++)
        s.participants[p].id = (int64_t)p + 1;
    int number[6], seen = 0;
    bool identity = true;
    for (size_t p = 0; p < 6; p++) {
        number[p] = session_anonymous_number(&s, p);
        ck_assert_int_ge(number[p], 1);
        ck_assert_int_le(number[p], 6);
        seen |= 1 << number[p];
        identity &= number[p] == (int)p + 1;
        ck_assert_int_eq(session_anonymous_number(&s, p), number[p]);
    }
    ck_assert_int_eq(seen, 0x7e); /* each of 1..6 once */
    int all[6];
    session_anonymous_numbers(&s, all);
    ck_assert_mem_eq(all, number, sizeof all);
    ck_assert(!identity);         /* P1 is not the CEO, nor the first to join */
    /* the same people in another order keep their numbers */
    struct participant first = s.participants[0];
    s.participants[0] = s.participants[5];
    s.participants[5] = first;
    ck_assert_int_eq(session_anonymous_number(&s, 0), number[5]);
    ck_assert_int_eq(session_anonymous_number(&s, 5), number[0]);
    /* another session numbers the same ids differently */
    s.id = 8;
    bool same = true;
    for (size_t p = 0; p < 6; p++)
        same &= session_anonymous_number(&s, p) == number[p == 0 ? 5 : p == 5 ? 0 : p];
    ck_assert(!same);
    session_free(&s);
}
END_TEST

static Suite *align_suite(void)
{
    Suite *s = suite_create("align");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, normalize_rules);
    tcase_add_test(tc, empty_step_has_no_numbers);
    tcase_add_test(tc, one_participant_has_no_alignment);
    tcase_add_test(tc, identical_sets_agree_fully);
    tcase_add_test(tc, disjoint_sets_agree_nowhere);
    tcase_add_test(tc, three_people_worked_by_hand);
    tcase_add_test(tc, labels_merge_groups);
    tcase_add_test(tc, overall_is_mean_of_known_steps);
    tcase_add_test(tc, identical_rankings_have_w_one);
    tcase_add_test(tc, published_example);
    tcase_add_test(tc, left_out_groups_tie);
    tcase_add_test(tc, vote_edge_cases);
    tcase_add_test(tc, groups_ranked_of_all_groups);
    tcase_add_test(tc, similarity_scores);
    tcase_add_test(tc, suggestions_best_first);
    tcase_add_test(tc, no_suggestions_when_nothing_is_alike);
    tcase_add_test(tc, example_workshop);
    tcase_add_test(tc, readings_for_the_room);
    tcase_add_test(tc, anonymous_readings_name_no_role);
    tcase_add_test(tc, anonymous_numbers_follow_no_order);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    return run_suite(align_suite(), "check_align");
}
