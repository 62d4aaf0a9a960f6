/* check_walk.c: Check suite for the walk: its order in a workshop and solo,
 * its ends, and where a session opens. */
#include "check_main.h"
#include "session.h"
#include "walk.h"

START_TEST(workshop_walk_order)
{
    struct walk_place p[WALK_MAX_PLACES];
    int n = walk_places(false, p);
    ck_assert_int_eq(n, 1 + 3 * STEP_COUNT + 2);
    ck_assert_int_eq(p[0].kind, WALK_SETUP);
    ck_assert_int_eq(p[1].kind, WALK_STEP);
    ck_assert_int_eq(p[2].kind, WALK_REVEAL);
    ck_assert_int_eq(p[3].kind, WALK_DECIDE);
    ck_assert_int_eq(p[4].kind, WALK_STEP);
    ck_assert_int_eq(p[4].step, 1);
    ck_assert_int_eq(p[n - 2].kind, WALK_NARRATIVE);
    ck_assert_int_eq(p[n - 1].kind, WALK_CANVAS);
}
END_TEST

START_TEST(solo_walk_has_no_setup_or_reveal)
{
    struct walk_place p[WALK_MAX_PLACES];
    int n = walk_places(true, p);
    ck_assert_int_eq(n, 2 * STEP_COUNT + 2);
    for (int i = 0; i < n; i++)
        ck_assert(p[i].kind != WALK_SETUP && p[i].kind != WALK_REVEAL);
}
END_TEST

START_TEST(moving_along_and_at_the_ends)
{
    struct walk_place here = {WALK_DECIDE, 0};
    ck_assert(walk_move(false, &here, +1));
    ck_assert_int_eq(here.kind, WALK_STEP);
    ck_assert_int_eq(here.step, 1);
    ck_assert(walk_move(false, &here, -1));
    ck_assert_int_eq(here.kind, WALK_DECIDE);
    ck_assert_int_eq(here.step, 0);
    /* solo: from the first step's entry straight to its decision */
    struct walk_place solo = {WALK_STEP, 0};
    ck_assert(walk_move(true, &solo, +1));
    ck_assert_int_eq(solo.kind, WALK_DECIDE);
    struct walk_place start = {WALK_SETUP, 0}, end = {WALK_CANVAS, 0};
    ck_assert(!walk_move(false, &start, -1));
    ck_assert_int_eq(start.kind, WALK_SETUP);
    ck_assert(!walk_move(false, &end, +1));
    ck_assert_int_eq(end.kind, WALK_CANVAS);
}
END_TEST

START_TEST(where_a_session_opens)
{
    struct walk_place p = walk_opening(false, false, false, -1, 0);
    ck_assert_int_eq(p.kind, WALK_SETUP); /* nobody yet: the room's first job */
    p = walk_opening(false, true, false, -1, 0);
    ck_assert_int_eq(p.kind, WALK_STEP);
    p = walk_opening(false, true, false, WALK_REVEAL, 3);
    ck_assert_int_eq(p.kind, WALK_REVEAL);
    ck_assert_int_eq(p.step, 3);
    p = walk_opening(true, true, false, WALK_REVEAL, 3); /* solo has no reveal */
    ck_assert_int_eq(p.kind, WALK_STEP);
    ck_assert_int_eq(p.step, 3);
    p = walk_opening(false, true, true, WALK_REVEAL, 3); /* locked or read-only */
    ck_assert_int_eq(p.kind, WALK_CANVAS);
    p = walk_opening(false, true, false, WALK_DECIDE, 99); /* a step no longer there */
    ck_assert_int_eq(p.step, 0);
    ck_assert_int_eq(walk_kind_from_name("reveal"), WALK_REVEAL);
    ck_assert_int_eq(walk_kind_from_name("dashboard"), -1);
    ck_assert_str_eq(walk_kind_name(WALK_NARRATIVE), "narrative");
}
END_TEST

static Suite *walk_suite(void)
{
    Suite *s = suite_create("walk");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, workshop_walk_order);
    tcase_add_test(tc, solo_walk_has_no_setup_or_reveal);
    tcase_add_test(tc, moving_along_and_at_the_ends);
    tcase_add_test(tc, where_a_session_opens);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(walk_suite(), "check_walk");
}
