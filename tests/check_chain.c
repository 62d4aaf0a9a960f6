/* check_chain.c: Check suite for the chain check: a small session worked by
 * hand with every kind of break, one whose chain holds, undecided steps, and
 * capabilities tagged as items, as groups, or by nobody. */
#include "chain.h"
#include "check_main.h"
#include "method.h"
#include "util.h"

static void decide(struct session *s, enum step step, const char *text)
{
    free(s->decisions[step]);
    s->decisions[step] = xstrdup(text);
}

static void tie(struct session *s, enum step step, const char *item, const char *target)
{
    struct decision_link *l = array_push(&s->links, &s->link_count, &s->link_cap, sizeof *l);
    *l = (struct decision_link){step, xstrdup(item), xstrdup(target)};
}

static void prove(struct session *s, const char *item, const char *text)
{
    struct proof *p = array_push(&s->proofs, &s->proof_count, &s->proof_cap, sizeof *p);
    *p = (struct proof){xstrdup(item), PROOF_NUMBER, xstrdup(text)};
}

static void tag(struct session *s, const char *group, const char *what)
{
    struct capability_tag *t = array_push(&s->tags, &s->tag_count, &s->tag_cap, sizeof *t);
    *t = (struct capability_tag){xstrdup(group), xstrdup(what)};
}

static void item_tag(struct session *s, const char *item, const char *what)
{
    struct item_tag *t =
        array_push(&s->item_tags, &s->item_tag_count, &s->item_tag_cap, sizeof *t);
    *t = (struct item_tag){xstrdup(item), xstrdup(what)};
}

/* Replyline's chain with a break of every kind but an undecided step, as the
 * room might leave it: the expected breaks are worked out below, by hand. */
static void broken_session(struct session *s)
{
    *s = (struct session){.narrative = xstrdup("")};
    decide(s, STEP_ALTERNATIVES, "- Spreadsheets\n- Zendesk");
    decide(s, STEP_CAPABILITIES, "1. Order lookup\n2. AI replies\n3. Macros");
    decide(s, STEP_VALUE, "Answers in seconds\nScale without hiring\nHappier agents");
    decide(s, STEP_CUSTOMERS, "Shopify brands\nTeams of 5-50");
    decide(s, STEP_CATEGORY, "Help desk for e-commerce");
    tie(s, STEP_CAPABILITIES, "order lookup.", "Spreadsheets"); /* the same item, written so */
    tie(s, STEP_CAPABILITIES, "AI replies", "zendesk");
    tie(s, STEP_CAPABILITIES, "Macros", "Salesforce"); /* no such alternative: no tie */
    tag(s, "Order lookup", "today");
    tag(s, "ai replies", "roadmap");
    tag(s, "Macros", "not planned");
    tag(s, "Bots", "roadmap"); /* a group the decision never names */
    tie(s, STEP_VALUE, "Answers in seconds", "Order lookup");
    tie(s, STEP_VALUE, "Answers in seconds", "AI replies");
    tie(s, STEP_VALUE, "Happier agents", "Order lookup");
    tie(s, STEP_VALUE, "Happier agents", "Macros");
    prove(s, "answers in seconds", "9 s median first reply");
    tie(s, STEP_CUSTOMERS, "Shopify brands", "Answers in seconds");
    tie(s, STEP_CATEGORY, "Help desk", "Answers in seconds"); /* not the category's item */
}

struct expected {
    enum chain_kind kind;
    enum step step;
    const char *item, *capability, *tag, *sentence;
};

static void assert_breaks(const struct session *s, const struct expected *want, size_t n)
{
    struct chain_break *b;
    size_t count;
    chain_check(s, &b, &count);
    for (size_t i = 0; i < count && i < n; i++) {
        ck_assert_msg(b[i].kind == want[i].kind, "break %zu: kind %s, wanted %s", i,
                      chain_kind_id(b[i].kind), chain_kind_id(want[i].kind));
        ck_assert_int_eq(b[i].step, want[i].step);
        if (want[i].item)
            ck_assert_str_eq(b[i].item, want[i].item);
        else
            ck_assert_ptr_null(b[i].item);
        if (want[i].capability) {
            ck_assert_str_eq(b[i].capability, want[i].capability);
            if (want[i].tag)
                ck_assert_str_eq(b[i].tag, want[i].tag);
            else
                ck_assert_ptr_null(b[i].tag);
        } else {
            ck_assert_ptr_null(b[i].capability);
        }
        char *said = chain_sentence(&b[i]);
        ck_assert_str_eq(said, want[i].sentence);
        free(said);
    }
    ck_assert_uint_eq(count, n);
    ck_assert_uint_eq(chain_break_count(s), n);
    chain_free(b, count);
}

START_TEST(every_kind_of_break_worked_by_hand)
{
    struct session s;
    broken_session(&s);
    const struct expected want[] = {
        {CHAIN_NO_ALTERNATIVE, STEP_CAPABILITIES, "Macros", NULL, NULL,
         "The capability \"Macros\" beats no named alternative."},
        {CHAIN_NOT_TODAY, STEP_VALUE, "Answers in seconds", "AI replies", "roadmap",
         "The value theme \"Answers in seconds\" rests on \"AI replies\", a capability tagged "
         "roadmap, not today."},
        {CHAIN_NO_CAPABILITY, STEP_VALUE, "Scale without hiring", NULL, NULL,
         "The value theme \"Scale without hiring\" has no capability behind it."},
        {CHAIN_NO_PROOF, STEP_VALUE, "Scale without hiring", NULL, NULL,
         "The value theme \"Scale without hiring\" has no proof."},
        {CHAIN_NOT_TODAY, STEP_VALUE, "Happier agents", "Macros", "not planned",
         "The value theme \"Happier agents\" rests on \"Macros\", a capability tagged not "
         "planned, not today."},
        {CHAIN_NO_PROOF, STEP_VALUE, "Happier agents", NULL, NULL,
         "The value theme \"Happier agents\" has no proof."},
        {CHAIN_NO_VALUE, STEP_CUSTOMERS, "Teams of 5-50", NULL, NULL,
         "The customer trait \"Teams of 5-50\" is tied to no value theme."},
        {CHAIN_NO_VALUE, STEP_CATEGORY, "Help desk for e-commerce", NULL, NULL,
         "The category \"Help desk for e-commerce\" is tied to no value theme."},
    };
    assert_breaks(&s, want, sizeof want / sizeof want[0]);
    session_free(&s);
}
END_TEST

/* The same chain mended: every item tied back, every value proven, every
 * capability there today (tagged as its answer group). */
static void mended_session(struct session *s)
{
    broken_session(s);
    tie(s, STEP_CAPABILITIES, "Macros", "Spreadsheets");
    for (size_t i = 1; i <= 2; i++) { /* AI replies and Macros ship after all */
        free(s->tags[i].tag);
        s->tags[i].tag = xstrdup("today");
    }
    tie(s, STEP_VALUE, "Scale without hiring", "AI replies");
    prove(s, "Scale without hiring", "Acme kept 4 agents through Black Friday");
    prove(s, "Happier agents", "\"I stopped dreading Mondays\"");
    tie(s, STEP_CUSTOMERS, "Teams of 5-50", "Scale without hiring");
    tie(s, STEP_CATEGORY, "Help desk for e-commerce", "answers in seconds");
}

START_TEST(a_chain_that_holds_has_no_breaks)
{
    struct session s;
    mended_session(&s);
    assert_breaks(&s, NULL, 0);
    session_free(&s);
}
END_TEST

/* A capability behind a value theme that nobody checked against the product
 * is a break; the item's own tag counts before its group's, in any case. */
START_TEST(an_untagged_capability_behind_a_value_is_a_break)
{
    struct session s;
    mended_session(&s);
    free(s.tags[2].group); /* the product person tagged the answer worded otherwise */
    s.tags[2].group = xstrdup("Macro suggestions");
    decide(&s, STEP_CAPABILITIES, "1. Order lookup\n2. AI replies\n3. Macros\n4. Voice calls");
    tie(&s, STEP_CAPABILITIES, "Voice calls", "Zendesk"); /* untagged, but no value rests on it */
    assert_breaks(&s,
                  (const struct expected[]){
                      {CHAIN_UNTAGGED, STEP_VALUE, "Happier agents", "Macros", NULL,
                       "The value theme \"Happier agents\" rests on \"Macros\", a capability "
                       "nobody has checked against the product: tag it today, roadmap or not "
                       "planned."},
                  },
                  1);
    item_tag(&s, "macros.", "today"); /* the item's own tag, written in another case */
    assert_breaks(&s, NULL, 0);
    item_tag(&s, "Order lookup", "roadmap"); /* over its group's "today" */
    ck_assert_str_eq(method_capability_tag(&s, "ORDER LOOKUP"), "roadmap");
    ck_assert_str_eq(method_capability_tag(&s, "AI replies"), "today"); /* its group's */
    ck_assert_ptr_null(method_capability_tag(&s, "Voice calls"));
    assert_breaks(&s,
                  (const struct expected[]){
                      {CHAIN_NOT_TODAY, STEP_VALUE, "Answers in seconds", "Order lookup",
                       "roadmap", "The value theme \"Answers in seconds\" rests on \"Order "
                       "lookup\", a capability tagged roadmap, not today."},
                      {CHAIN_NOT_TODAY, STEP_VALUE, "Happier agents", "Order lookup", "roadmap",
                       "The value theme \"Happier agents\" rests on \"Order lookup\", a "
                       "capability tagged roadmap, not today."},
                  },
                  2);
    session_free(&s);
}
END_TEST

START_TEST(an_undecided_step_is_one_break)
{
    struct session s = {.narrative = xstrdup("")};
    assert_breaks(&s,
                  (const struct expected[]){
                      {CHAIN_UNDECIDED, STEP_ALTERNATIVES, NULL, NULL, NULL,
                       "The alternatives step is not decided yet."},
                      {CHAIN_UNDECIDED, STEP_CAPABILITIES, NULL, NULL, NULL,
                       "The capabilities step is not decided yet."},
                      {CHAIN_UNDECIDED, STEP_VALUE, NULL, NULL, NULL,
                       "The value step is not decided yet."},
                      {CHAIN_UNDECIDED, STEP_CUSTOMERS, NULL, NULL, NULL,
                       "The customers step is not decided yet."},
                      {CHAIN_UNDECIDED, STEP_CATEGORY, NULL, NULL, NULL,
                       "The category step is not decided yet."},
                  },
                  5);
    /* The capabilities undecided: the value themes cannot be tied to them, so
     * only what needs no capability (the proof) is said of them; a decision
     * of blank lines has no items and is no decision. */
    decide(&s, STEP_ALTERNATIVES, "Spreadsheets");
    decide(&s, STEP_CAPABILITIES, " \n- \n");
    decide(&s, STEP_VALUE, "Fast\nCheap");
    prove(&s, "Fast", "9 s");
    decide(&s, STEP_CUSTOMERS, "Brands");
    tie(&s, STEP_CUSTOMERS, "Brands", "Cheap");
    assert_breaks(&s,
                  (const struct expected[]){
                      {CHAIN_UNDECIDED, STEP_CAPABILITIES, NULL, NULL, NULL,
                       "The capabilities step is not decided yet."},
                      {CHAIN_NO_PROOF, STEP_VALUE, "Cheap", NULL, NULL,
                       "The value theme \"Cheap\" has no proof."},
                      {CHAIN_UNDECIDED, STEP_CATEGORY, NULL, NULL, NULL,
                       "The category step is not decided yet."},
                  },
                  3);
    session_free(&s);
}
END_TEST

START_TEST(kind_ids)
{
    ck_assert_str_eq(chain_kind_id(CHAIN_UNDECIDED), "undecided");
    ck_assert_str_eq(chain_kind_id(CHAIN_NO_ALTERNATIVE), "no-alternative");
    ck_assert_str_eq(chain_kind_id(CHAIN_NO_CAPABILITY), "no-capability");
    ck_assert_str_eq(chain_kind_id(CHAIN_NOT_TODAY), "not-today");
    ck_assert_str_eq(chain_kind_id(CHAIN_UNTAGGED), "untagged");
    ck_assert_str_eq(chain_kind_id(CHAIN_NO_PROOF), "no-proof");
    ck_assert_str_eq(chain_kind_id(CHAIN_NO_VALUE), "no-value");
}
END_TEST

static Suite *chain_suite(void)
{
    Suite *s = suite_create("chain");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, every_kind_of_break_worked_by_hand);
    tcase_add_test(tc, a_chain_that_holds_has_no_breaks);
    tcase_add_test(tc, an_untagged_capability_behind_a_value_is_a_break);
    tcase_add_test(tc, an_undecided_step_is_one_break);
    tcase_add_test(tc, kind_ids);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(chain_suite(), "check_chain");
}
