/* check_rounds.c: Check suite for the rounds of a vote: W and the top three
 * of each round worked out by hand, the reading's words at the edges of
 * Landis and Koch's bands and of the threshold, and the store: a new round
 * keeps the rankings, closed rounds follow a regroup and its undo, the
 * threshold, the lock, and a schema-10 file gaining the rounds. */
#include "align.h"
#include "check_main.h"
#include "rounds.h"
#include "store.h"
#include "store_internal.h"
#include "util.h"

#include <math.h>
#include <sqlite3.h>
#include <stdarg.h>

#define NEAR(x, y) (fabs((x) - (y)) < 1e-9)

/* --- the core, on sessions built in memory ------------------------------------------------ */

static struct session three(void)
{
    static const char *const names[] = {"Ann", "Bob", "Cat"};
    struct session s = {0};
    for (size_t i = 0; i < 3; i++) {
        struct participant *p =
            array_push(&s.participants, &s.participant_count, &s.participant_cap, sizeof *p);
        p->name = xstrdup(names[i]);
        p->role = ROLE_SALES;
    }
    s.narrative = xstrdup("");
    return s;
}

/* ranked(s, round, who, "a", "b", NULL): round 0 is the current one. */
static void ranked(struct session *s, int round, size_t who, ...)
{
    struct vote *v = round ? array_push(&s->rounds, &s->round_count, &s->round_cap, sizeof *v)
                           : array_push(&s->votes, &s->vote_count, &s->vote_cap, sizeof *v);
    memset(v, 0, sizeof *v);
    v->participant = who;
    v->step = STEP_VALUE;
    v->round = round;
    va_list ap;
    va_start(ap, who);
    for (const char *label; (label = va_arg(ap, const char *));) {
        v->ranking = xrealloc(v->ranking, (v->ranking_count + 1) * sizeof *v->ranking);
        v->ranking[v->ranking_count++] = xstrdup(label);
    }
    va_end(ap);
}

/* Round 1: Ann a b c d, Bob b c d a, Cat c d a b. Rank sums a 8, b 7, c 6,
 * d 9; mean 7.5; S = 0.25 + 0.25 + 2.25 + 2.25 = 5; W = 12 x 5 / (9 x 60)
 * = 1/9. The room's top three {c, b, a}: only Ann's is that set.
 * Round 2: Ann a b c d, Bob a c b d, Cat b a c d. Sums a 4, b 6, c 8, d 12;
 * S = 12.25 + 2.25 + 0.25 + 20.25 = 35; W = 420 / 540 = 7/9. Top three
 * {a, b, c} for all three, the same set as round 1's. */
static void rounds_one_and_two(struct session *s, int second)
{
    ranked(s, 1, 0, "a", "b", "c", "d", NULL);
    ranked(s, 1, 1, "b", "c", "d", "a", NULL);
    ranked(s, 1, 2, "c", "d", "a", "b", NULL);
    ranked(s, second, 0, "a", "b", "c", "d", NULL);
    ranked(s, second, 1, "a", "c", "b", "d", NULL);
    ranked(s, second, 2, "b", "a", "c", "d", NULL);
}

START_TEST(w_and_the_top_three_per_round)
{
    struct session s = three();
    rounds_one_and_two(&s, 0); /* round 2 is the current one */
    struct alignment a;
    align_session(&s, &a);
    const struct align_step *st = &a.steps[STEP_VALUE];
    ck_assert_uint_eq(st->round_count, 1);
    ck_assert_int_eq(st->round, 2);
    const struct align_vote *r1 = &st->rounds[0], *r2 = st->vote;
    ck_assert_int_eq(r1->round, 1);
    ck_assert_int_eq(r2->round, 2);
    ck_assert(NEAR(r1->kendall_w, 1.0 / 9.0));
    ck_assert_str_eq(r1->order[0].label, "c");
    ck_assert(NEAR(r1->order[0].rank_sum, 6.0));
    ck_assert(NEAR(r1->order[3].rank_sum, 9.0));
    ck_assert(!r1->top3_all_agree);
    ck_assert(NEAR(r1->top3_match_share, 33.3));
    ck_assert(NEAR(r2->kendall_w, 7.0 / 9.0));
    ck_assert_str_eq(r2->order[0].label, "a");
    ck_assert(NEAR(r2->order[0].rank_sum, 4.0));
    ck_assert(r2->top3_all_agree);
    ck_assert(NEAR(r2->top3_match_share, 100.0));
    struct rounds_move m;
    rounds_move(r1, r2, &m);
    ck_assert(NEAR(m.w_change, 0.67)); /* 0.78 - 0.11, as shown */
    ck_assert(!m.top3_changed);        /* {c, b, a} and {a, b, c}: the same set */
    const struct align_vote *shown[3];
    ck_assert_uint_eq(rounds_shown(st, true, shown), 2);
    ck_assert_uint_eq(rounds_shown(st, false, shown), 1);
    alignment_free(&a);
    session_free(&s);
}
END_TEST

START_TEST(closed_rounds_come_in_order_with_no_current_one)
{
    struct session s = three();
    ranked(&s, 3, 0, "x", "y", NULL); /* read in any order, numbered as stored */
    rounds_one_and_two(&s, 2);
    struct alignment a;
    align_session(&s, &a);
    const struct align_step *st = &a.steps[STEP_VALUE];
    ck_assert_ptr_null(st->vote);
    ck_assert_uint_eq(st->round_count, 3);
    ck_assert_int_eq(st->round, 4);
    ck_assert_int_eq(st->rounds[0].round, 1);
    ck_assert(NEAR(st->rounds[1].kendall_w, 7.0 / 9.0));
    ck_assert_int_eq(st->rounds[2].round, 3);
    ck_assert(isnan(st->rounds[2].kendall_w)); /* one ranking */
    ck_assert_ptr_null(a.steps[STEP_ALTERNATIVES].vote);
    ck_assert_uint_eq(a.steps[STEP_ALTERNATIVES].round_count, 0);
    ck_assert_int_eq(a.steps[STEP_ALTERNATIVES].round, 1);
    alignment_free(&a);
    session_free(&s);
}
END_TEST

static enum rounds_verdict read_rounds(const struct session *s, double threshold, char *out,
                                       size_t size)
{
    struct alignment a;
    align_session(s, &a);
    enum rounds_verdict v = rounds_reading(&a.steps[STEP_VALUE], true, threshold, out, size);
    alignment_free(&a);
    return v;
}

START_TEST(the_reading_in_words)
{
    char line[300];
    struct session s = three();
    rounds_one_and_two(&s, 0);
    ck_assert_int_eq(read_rounds(&s, 0.70, line, sizeof line), ROUNDS_CONSENSUS);
    ck_assert_str_eq(line, "Round 2: substantial agreement; consensus reached (W 0.78 >= 0.70).");
    ck_assert_int_eq(read_rounds(&s, 0.80, line, sizeof line), ROUNDS_MOVING);
    ck_assert_str_eq(line, "Round 2: substantial agreement; still moving (W 0.11 to 0.78, the "
                           "same top three), short of consensus (W 0.78 < 0.80).");
    /* the same rankings again, by other people: W 7/9 once more, the same top three */
    for (size_t i = 0; i < s.vote_count; i++)
        s.votes[i].round = 2;
    s.rounds = xrealloc(s.rounds, (s.round_count + s.vote_count) * sizeof *s.rounds);
    memcpy(s.rounds + s.round_count, s.votes, s.vote_count * sizeof *s.votes);
    s.round_count += s.vote_count;
    s.vote_count = 0;
    ranked(&s, 0, 0, "a", "c", "b", "d", NULL);
    ranked(&s, 0, 1, "b", "a", "c", "d", NULL);
    ranked(&s, 0, 2, "a", "b", "c", "d", NULL);
    ck_assert_int_eq(read_rounds(&s, 0.80, line, sizeof line), ROUNDS_STOPPED);
    ck_assert_str_eq(line, "Round 3: substantial agreement; stopped moving (W changed by less "
                           "than 0.05 and the top three is the same), short of consensus (W 0.78 "
                           "< 0.80).");
    session_free(&s);

    /* d for c in everyone's top three: W stays 7/9, the top three moves */
    s = three();
    rounds_one_and_two(&s, 2);
    ranked(&s, 0, 0, "a", "b", "d", "c", NULL);
    ranked(&s, 0, 1, "a", "d", "b", "c", NULL);
    ranked(&s, 0, 2, "b", "a", "d", "c", NULL);
    ck_assert_int_eq(read_rounds(&s, 0.80, line, sizeof line), ROUNDS_MOVING);
    ck_assert_str_eq(line, "Round 3: substantial agreement; still moving (W 0.78 to 0.78, the "
                           "top three changed), short of consensus (W 0.78 < 0.80).");
    session_free(&s);

    /* one round only: nothing to compare */
    s = three();
    ranked(&s, 0, 0, "a", "b", "c", "d", NULL);
    ranked(&s, 0, 1, "b", "c", "d", "a", NULL);
    ranked(&s, 0, 2, "c", "d", "a", "b", NULL);
    ck_assert_int_eq(read_rounds(&s, 0.70, line, sizeof line), ROUNDS_SHORT);
    ck_assert_str_eq(line, "Round 1: slight agreement, short of consensus (W 0.11 < 0.70).");
    session_free(&s);

    /* a round with one ranking has no W to read */
    s = three();
    ranked(&s, 1, 0, "a", "b", NULL);
    ranked(&s, 1, 1, "b", "a", NULL);
    ranked(&s, 0, 2, "a", "b", NULL);
    ck_assert_int_eq(read_rounds(&s, 0.70, line, sizeof line), ROUNDS_UNKNOWN);
    ck_assert_str_eq(line, "Round 2: no agreement to read yet (Kendall's W needs two rankings "
                           "of two groups or more).");
    session_free(&s);

    /* nobody ranked at all */
    s = three();
    ck_assert_int_eq(read_rounds(&s, 0.70, line, sizeof line), ROUNDS_UNKNOWN);
    ck_assert_str_eq(line, "");
    session_free(&s);
}
END_TEST

START_TEST(landis_and_koch_bands_at_their_edges)
{
    static const struct {
        double w;
        const char *band;
    } cases[] = {
        {-0.01, "poor"},  {0.0, "slight"},    {0.20, "slight"},      {0.21, "fair"},
        {0.40, "fair"},   {0.41, "moderate"}, {0.60, "moderate"},    {0.61, "substantial"},
        {0.80, "substantial"}, {0.81, "almost perfect"}, {1.0, "almost perfect"},
        /* as shown, to two decimals */
        {0.2049, "slight"}, {0.8049, "substantial"}, {0.8051, "almost perfect"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_msg(!strcmp(rounds_band(cases[i].w), cases[i].band), "%.4f: %s, want %s",
                      cases[i].w, rounds_band(cases[i].w), cases[i].band);
    ck_assert_ptr_null(rounds_band(NAN));
}
END_TEST

/* A step whose only round has W w and one group. */
static enum rounds_verdict read_w(double w, double threshold, char *out, size_t size)
{
    struct align_ranked order = {"a", 1.0};
    struct align_vote v = {.round = 1, .rankings = 2, .candidate_count = 1, .order = &order,
                           .kendall_w = w};
    struct align_step st = {.vote = &v, .round = 1};
    return rounds_reading(&st, true, threshold, out, size);
}

START_TEST(the_threshold_at_its_edge)
{
    char line[300];
    ck_assert_int_eq(read_w(0.70, 0.70, line, sizeof line), ROUNDS_CONSENSUS);
    ck_assert_str_eq(line, "Round 1: substantial agreement; consensus reached (W 0.70 >= 0.70).");
    ck_assert_int_eq(read_w(0.69, 0.70, line, sizeof line), ROUNDS_SHORT);
    ck_assert_str_eq(line, "Round 1: substantial agreement, short of consensus (W 0.69 < 0.70).");
    /* 0.6996 shows as 0.70, and reads as it shows */
    ck_assert_int_eq(read_w(0.6996, 0.70, line, sizeof line), ROUNDS_CONSENSUS);
    ck_assert_int_eq(read_w(0.85, 0.9, line, sizeof line), ROUNDS_SHORT);
    ck_assert_str_eq(line, "Round 1: almost perfect agreement, short of consensus (W 0.85 < "
                           "0.90).");
    struct session s = {0};
    ck_assert(NEAR(rounds_threshold(&s), 0.70));
    s.consensus = 0.85;
    ck_assert(NEAR(rounds_threshold(&s), 0.85));
}
END_TEST

/* --- the store ----------------------------------------------------------------------------- */

#define CHECK_STORE_FIXTURE /* st, sid, db_path, err: a session in a fresh store */
#include "check_main.h"

static void setup(void)
{
    open_session("Rounds", "rounds");
    ck_assert_int_eq(store_add_input(st, sid, "Ann", ROLE_CEO, STEP_ALTERNATIVES, "Gorgias", NULL), 0);
    ck_assert_int_eq(store_add_input(st, sid, "Bob", ROLE_SALES, STEP_ALTERNATIVES, "Excel", NULL), 0);
}

static struct session loaded(void)
{
    struct session s;
    ck_assert_msg(store_load_session(st, sid, &s) == 0, "%s", store_error(st));
    return s;
}

static void vote(size_t who, const char *first, const char *second)
{
    struct session s = loaded();
    char *labels[2] = {(char *)first, (char *)second};
    ck_assert_msg(store_set_vote(st, sid, s.participants[who].id, STEP_ALTERNATIVES, labels, 2) == 0,
                  "%s", store_error(st));
    session_free(&s);
}

START_TEST(a_new_round_keeps_the_rankings)
{
    int closed = 0;
    ck_assert_int_eq(store_new_round(st, sid, STEP_ALTERNATIVES, &closed), -1);
    ck_assert_str_eq(store_error(st), "nobody has ranked the alternatives step in this round; a "
                                      "new round starts after a vote");
    vote(0, "Gorgias", "Excel");
    vote(1, "Excel", "Gorgias");
    ck_assert_int_eq(store_new_round(st, sid, STEP_ALTERNATIVES, &closed), 0);
    ck_assert_int_eq(closed, 1);
    struct session s = loaded();
    ck_assert_uint_eq(s.vote_count, 0);
    ck_assert_uint_eq(s.round_count, 2);
    ck_assert_int_eq(s.rounds[1].round, 1);
    ck_assert_uint_eq(s.rounds[1].participant, 1);
    ck_assert_str_eq(s.rounds[1].ranking[0], "Excel");
    session_free(&s);
    ck_assert_int_eq(store_new_round(st, sid, STEP_ALTERNATIVES, &closed), -1);
    vote(1, "Gorgias", "Excel");
    ck_assert_int_eq(store_new_round(st, sid, STEP_ALTERNATIVES, &closed), 0);
    ck_assert_int_eq(closed, 2);
    vote(0, "Excel", "Gorgias");
    s = loaded();
    ck_assert_uint_eq(s.round_count, 3);
    ck_assert_int_eq(s.rounds[2].round, 2);
    ck_assert_uint_eq(s.vote_count, 1);
    ck_assert_int_eq(s.votes[0].round, 0);
    struct alignment a;
    align_session(&s, &a);
    ck_assert_int_eq(a.steps[STEP_ALTERNATIVES].round, 3);
    alignment_free(&a);
    session_free(&s);
    /* the threshold, in hundredths, refused outside 0.01 to 1 */
    ck_assert_int_eq(store_set_consensus(st, sid, 0.8), 0);
    ck_assert_int_eq(store_set_consensus(st, sid, 0.851), 0);
    s = loaded();
    ck_assert(NEAR(s.consensus, 0.85));
    session_free(&s);
    ck_assert_int_eq(store_set_consensus(st, sid, 0.0), -1);
    ck_assert_int_eq(store_set_consensus(st, sid, 1.2), -1);
    ck_assert_int_eq(store_set_consensus(st, sid, NAN), -1);
    ck_assert_int_eq(store_set_consensus(st, 999, 0.8), -1);
}
END_TEST

START_TEST(closed_rounds_follow_a_regroup_and_its_undo)
{
    vote(0, "Gorgias", "Excel");
    vote(1, "Excel", "Gorgias");
    ck_assert_int_eq(store_new_round(st, sid, STEP_ALTERNATIVES, NULL), 0);
    vote(0, "Gorgias", "Excel");
    struct session s = loaded();
    int64_t gorgias = s.inputs[0].id;
    session_free(&s);
    ck_assert_int_eq(store_regroup(st, sid, &gorgias, 1, "Helpdesks", "the rename"), 0);
    s = loaded();
    ck_assert_str_eq(s.rounds[0].ranking[0], "Helpdesks");
    ck_assert_str_eq(s.rounds[1].ranking[1], "Helpdesks");
    ck_assert_str_eq(s.votes[0].ranking[0], "Helpdesks");
    session_free(&s);
    ck_assert_int_eq(store_undo_grouping(st, sid, STEP_ALTERNATIVES), 0);
    s = loaded();
    ck_assert_str_eq(s.rounds[0].ranking[0], "Gorgias");
    ck_assert_str_eq(s.rounds[1].ranking[1], "Gorgias");
    session_free(&s);
    /* a new round ends the undo: it would put back a closed round's rankings */
    ck_assert_int_eq(store_regroup(st, sid, &gorgias, 1, "Helpdesks", "the rename"), 0);
    ck_assert_int_eq(store_new_round(st, sid, STEP_ALTERNATIVES, NULL), 0);
    char *what = NULL;
    ck_assert_int_eq(store_undo_pending(st, sid, STEP_ALTERNATIVES, &what), 0);
    ck_assert_ptr_null(what);
    /* removing someone takes their closed rankings too */
    s = loaded();
    ck_assert_int_eq(store_remove_participant(st, sid, s.participants[1].id), -1);
    ck_assert_int_eq(store_remove_participant_and_answers(st, sid, s.participants[1].id), 0);
    session_free(&s);
    s = loaded();
    for (size_t i = 0; i < s.round_count; i++)
        ck_assert_uint_eq(s.rounds[i].participant, 0);
    session_free(&s);
}
END_TEST

START_TEST(the_lock_holds_the_rounds)
{
    vote(0, "Gorgias", "Excel");
    ck_assert_int_eq(store_new_round(st, sid, STEP_ALTERNATIVES, NULL), 0);
    vote(0, "Excel", "Gorgias");
    for (int step = 0; step < STEP_COUNT; step++)
        ck_assert_int_eq(store_set_decision(st, sid, (enum step)step, "agreed"), 0);
    ck_assert_int_eq(store_lock_session(st, sid), 0);
    ck_assert_int_eq(store_new_round(st, sid, STEP_ALTERNATIVES, NULL), -1);
    ck_assert_int_eq(store_set_consensus(st, sid, 0.9), -1);
    /* and against any statement, not only samesong's own */
    ck_assert_int_ne(sqlite3_exec(st->db, "UPDATE vote_rounds SET label = 'x'", NULL, NULL, NULL),
                     SQLITE_OK);
    ck_assert_int_ne(sqlite3_exec(st->db, "DELETE FROM vote_rounds", NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_ne(sqlite3_exec(st->db, "INSERT INTO consensus VALUES (1, 0.5)", NULL, NULL,
                                  NULL), SQLITE_OK);
    struct session s = loaded();
    ck_assert_uint_eq(s.round_count, 1);
    session_free(&s);
}
END_TEST

START_TEST(a_schema_10_file_gains_the_rounds)
{
    reopen_at_schema(10,
        "INSERT INTO sessions (slug, name, product) VALUES ('old', 'Old', 'P');"
        "INSERT INTO participants (session_id, name, role, position) VALUES"
        " (1, 'Ann', 'ceo', 0), (1, 'Bob', 'sales', 1);"
        "INSERT INTO votes (participant_id, step, rank, label) VALUES"
        " (1, 'value', 1, 'Speed'), (1, 'value', 2, 'Cost'),"
        " (2, 'value', 1, 'Cost'), (2, 'value', 2, 'Speed');");
    char *missing = NULL;
    ck_assert_int_eq(store_check_schema(st, &missing), 0);
    ck_assert_ptr_null(missing);
    struct session s;
    ck_assert_int_eq(store_load_session(st, 1, &s), 0);
    ck_assert_uint_eq(s.vote_count, 2);
    ck_assert_uint_eq(s.round_count, 0);
    ck_assert(s.consensus == 0.0);
    session_free(&s);
    /* the old votes are round 1, and close as it */
    int closed = 0;
    ck_assert_int_eq(store_new_round(st, 1, STEP_VALUE, &closed), 0);
    ck_assert_int_eq(closed, 1);
    ck_assert_int_eq(store_set_consensus(st, 1, 0.75), 0);
    ck_assert_int_eq(store_load_session(st, 1, &s), 0);
    ck_assert_uint_eq(s.round_count, 2);
    ck_assert(NEAR(s.consensus, 0.75));
    session_free(&s);
}
END_TEST

static Suite *rounds_suite(void)
{
    Suite *s = suite_create("rounds");
    TCase *core = tcase_create("core");
    tcase_add_test(core, w_and_the_top_three_per_round);
    tcase_add_test(core, closed_rounds_come_in_order_with_no_current_one);
    tcase_add_test(core, the_reading_in_words);
    tcase_add_test(core, landis_and_koch_bands_at_their_edges);
    tcase_add_test(core, the_threshold_at_its_edge);
    suite_add_tcase(s, core);
    TCase *store = tcase_create("store");
    tcase_add_checked_fixture(store, setup, teardown);
    tcase_add_test(store, a_new_round_keeps_the_rankings);
    tcase_add_test(store, closed_rounds_follow_a_regroup_and_its_undo);
    tcase_add_test(store, the_lock_holds_the_rounds);
    tcase_add_test(store, a_schema_10_file_gains_the_rounds);
    suite_add_tcase(s, store);
    return s;
}

int main(void)
{
    return run_suite(rounds_suite(), "check_rounds");
}
