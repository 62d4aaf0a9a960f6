/* check_method.c: Check suite for the method's chain: a decision's items,
 * links that follow edits of the decisions and are dropped with a message
 * when their items go, tags that follow the capabilities' items the same way,
 * proof, why and dissent, the champion and the style, their round trip
 * through the session file, the lock over all of it, and the migrations. */
#include "chain.h"
#define CHECK_STORE_FIXTURE /* st, sid, db_path, err: a session in a fresh store */
#include "check_main.h"
#include "method.h"
#include "report.h"
#include "store.h"
#include "store_internal.h"
#include "store_method.h"

#include <sqlite3.h>

static void setup(void)
{
    open_session("Chain", "chain");
    ck_assert_int_eq(store_add_input(st, sid, "Ann", ROLE_CEO, STEP_VALUE, "fast", NULL), 0);
    ck_assert_int_eq(store_set_decision(st, sid, STEP_ALTERNATIVES, "- Spreadsheets\n- Zendesk"), 0);
    ck_assert_int_eq(store_set_decision(st, sid, STEP_CAPABILITIES, "1. Order lookup\n2. AI replies"), 0);
    ck_assert_int_eq(store_set_decision(st, sid, STEP_VALUE, "Answers in seconds"), 0);
}

static struct session loaded(void)
{
    struct session s;
    ck_assert_msg(store_load_session(st, sid, &s) == 0, "%s", store_error(st));
    return s;
}

START_TEST(items_are_lines_without_markers)
{
    char **items;
    size_t n = method_items("1. Order lookup\n\n  - AI replies  \n\u2022 Macros\nplain\n   \n", &items);
    ck_assert_uint_eq(n, 4);
    ck_assert_str_eq(items[0], "Order lookup");
    ck_assert_str_eq(items[1], "AI replies");
    ck_assert_str_eq(items[2], "Macros");
    ck_assert_str_eq(items[3], "plain");
    method_items_free(items, n);
    ck_assert_uint_eq(method_items(NULL, &items), 0);
    ck_assert(method_same_item("Order lookup.", "order  LOOKUP"));
    ck_assert(!method_same_item("Order lookup", "Order look"));
}
END_TEST

/* The Markdown canvas and the HTML page number a decision by this one reading. */
START_TEST(a_decision_is_numbered_when_every_line_is)
{
    ck_assert(method_all_numbered("1. Gorgias\n2) Zendesk"));
    ck_assert(method_all_numbered("\n1. Gorgias\n \t\r\n  2. Zendesk\n"));
    ck_assert(!method_all_numbered("1. Gorgias\n- Zendesk"));
    ck_assert(!method_all_numbered("1. Gorgias\nZendesk"));
    ck_assert(!method_all_numbered("Gorgias"));
    ck_assert(!method_all_numbered(""));
    ck_assert(!method_all_numbered("\n \n"));
}
END_TEST

START_TEST(chain_points_back_only)
{
    ck_assert_int_eq(method_builds_on(STEP_ALTERNATIVES), STEP_COUNT);
    ck_assert_int_eq(method_builds_on(STEP_CAPABILITIES), STEP_ALTERNATIVES);
    ck_assert_int_eq(method_builds_on(STEP_VALUE), STEP_CAPABILITIES);
    ck_assert_int_eq(method_builds_on(STEP_CUSTOMERS), STEP_VALUE);
    ck_assert_int_eq(method_builds_on(STEP_CATEGORY), STEP_VALUE);
    for (int s = 0; s < STEP_COUNT; s++) /* every link goes to an earlier step: no cycle */
        ck_assert(method_builds_on((enum step)s) == STEP_COUNT || (int)method_builds_on((enum step)s) < s);
}
END_TEST

START_TEST(links_join_existing_items_only)
{
    ck_assert_int_eq(store_link(st, sid, STEP_CAPABILITIES, "order lookup", "spreadsheets"), 0);
    ck_assert_int_eq(store_link(st, sid, STEP_CAPABILITIES, "Order lookup", "Spreadsheets"), 0);
    ck_assert_int_eq(store_link(st, sid, STEP_CAPABILITIES, "Order lookup", "Salesforce"), -1);
    ck_assert_str_eq(store_error(st), "\"Salesforce\" is not an item of the alternatives decision");
    ck_assert_int_eq(store_link(st, sid, STEP_ALTERNATIVES, "Zendesk", "Spreadsheets"), -1);
    ck_assert_int_eq(store_link(st, sid, STEP_CUSTOMERS, "Brands", "Answers in seconds"), -1);
    ck_assert_str_eq(store_error(st), "\"Brands\" is not an item: the customers step is not "
                                      "decided yet");
    struct session s = loaded();
    ck_assert_uint_eq(s.link_count, 1); /* once, however it was written */
    ck_assert_str_eq(s.links[0].item, "Order lookup"); /* as the decision writes it */
    ck_assert_str_eq(s.links[0].target, "Spreadsheets");
    session_free(&s);
    ck_assert_int_eq(store_unlink(st, sid, STEP_CAPABILITIES, "Order lookup", "Spreadsheets"), 0);
    s = loaded();
    ck_assert_uint_eq(s.link_count, 0);
    session_free(&s);
}
END_TEST

START_TEST(an_edit_keeps_surviving_links_and_names_the_dropped)
{
    ck_assert_int_eq(store_link(st, sid, STEP_CAPABILITIES, "Order lookup", "Spreadsheets"), 0);
    ck_assert_int_eq(store_link(st, sid, STEP_CAPABILITIES, "AI replies", "Zendesk"), 0);
    ck_assert_int_eq(store_link(st, sid, STEP_VALUE, "Answers in seconds", "AI replies"), 0);
    ck_assert_int_eq(store_add_proof(st, sid, "Answers in seconds", PROOF_NUMBER, "9 s median"), 0);

    char *dropped = NULL;
    /* "ORDER LOOKUP." is the same item; "AI replies" is gone */
    ck_assert_int_eq(store_decide(st, sid, STEP_CAPABILITIES, "ORDER LOOKUP.\nMacros", &dropped), 0);
    ck_assert_ptr_nonnull(dropped);
    ck_assert_str_eq(dropped, "2 links dropped (AI replies): no longer in the decision.");
    free(dropped);
    struct session s = loaded();
    ck_assert_uint_eq(s.link_count, 1);
    ck_assert_str_eq(s.links[0].item, "ORDER LOOKUP.");
    ck_assert_str_eq(s.links[0].target, "Spreadsheets");
    ck_assert_uint_eq(s.proof_count, 1);
    session_free(&s);

    ck_assert_int_eq(store_decide(st, sid, STEP_VALUE, "Scale without hiring", &dropped), 0);
    ck_assert_str_eq(dropped, "1 proof dropped (Answers in seconds): no longer in the "
                              "decision.");
    free(dropped);
    ck_assert_int_eq(store_decide(st, sid, STEP_VALUE, "Scale without hiring\nMore", &dropped), 0);
    ck_assert_ptr_null(dropped); /* nothing to drop, nothing said */
    s = loaded();
    ck_assert_uint_eq(s.proof_count, 0);
    session_free(&s);
}
END_TEST

/* A tag is the item's: kept through an edit in another case, dropped (and
 * said) with the item; a group's tag carries to the item of its name. */
START_TEST(a_tag_follows_its_item)
{
    ck_assert_int_eq(store_tag_item(st, sid, "ai replies", "roadmap"), 0);
    ck_assert_int_eq(store_tag_item(st, sid, "Order lookup", "today"), 0);
    ck_assert_int_eq(store_tag_item(st, sid, "Order lookup", "someday"), -1);
    ck_assert_int_eq(store_tag_item(st, sid, "Bots", "today"), -1);
    ck_assert_str_eq(store_error(st), "\"Bots\" is not an item of the capabilities decision");
    struct session s = loaded();
    ck_assert_uint_eq(s.item_tag_count, 2);
    ck_assert_str_eq(s.item_tags[0].item, "AI replies"); /* as the decision writes it */
    ck_assert_str_eq(s.item_tags[0].tag, "roadmap");
    session_free(&s);

    char *dropped = NULL;
    ck_assert_int_eq(store_decide(st, sid, STEP_CAPABILITIES, "1. AI REPLIES.\n2. Order lookup",
                                  &dropped), 0);
    ck_assert_ptr_null(dropped); /* the same items in another case and order */
    s = loaded();
    ck_assert_uint_eq(s.item_tag_count, 2);
    ck_assert_str_eq(s.item_tags[0].item, "AI REPLIES.");
    ck_assert_str_eq(method_not_today(&s, "ai replies"), "roadmap");
    session_free(&s);

    ck_assert_int_eq(store_link(st, sid, STEP_VALUE, "Answers in seconds", "AI replies"), 0);
    ck_assert_int_eq(store_decide(st, sid, STEP_CAPABILITIES, "Order lookup\nMacros", &dropped),
                     0);
    ck_assert_ptr_nonnull(dropped);
    ck_assert_str_eq(dropped, "1 link and 1 tag dropped (AI REPLIES.): no longer in the "
                              "decision.");
    free(dropped);
    s = loaded();
    ck_assert_uint_eq(s.item_tag_count, 1);
    ck_assert_str_eq(s.item_tags[0].item, "Order lookup");
    ck_assert_ptr_null(method_capability_tag(&s, "Macros"));
    session_free(&s);

    /* a group tagged on the reveal: its tag carries to the item of its name when the
     * decision is written, and a later tag of the group reaches that item's */
    ck_assert_int_eq(store_set_capability_tag(st, sid, "Macro suggestions", "roadmap"), 0);
    ck_assert_int_eq(store_set_capability_tag(st, sid, "macros", "not planned"), 0);
    ck_assert_int_eq(store_decide(st, sid, STEP_CAPABILITIES, "Order lookup\nMacros\nBots",
                                  &dropped), 0);
    ck_assert_ptr_null(dropped);
    s = loaded();
    ck_assert_uint_eq(s.item_tag_count, 2);
    ck_assert_str_eq(s.item_tags[0].item, "Macros");
    ck_assert_str_eq(s.item_tags[0].tag, "not planned");
    session_free(&s);
    ck_assert_int_eq(store_set_capability_tag(st, sid, "macros", "today"), 0);
    ck_assert_int_eq(store_set_capability_tag(st, sid, "Order lookup", NULL), 0);
    s = loaded();
    ck_assert_str_eq(method_capability_tag(&s, "Macros"), "today");
    ck_assert_str_eq(method_capability_tag(&s, "Order lookup"), "today"); /* its own stays */
    ck_assert_ptr_null(method_capability_tag(&s, "Bots"));
    session_free(&s);
    ck_assert_int_eq(store_tag_item(st, sid, "Macros", NULL), 0); /* its group's counts again */
    s = loaded();
    ck_assert_uint_eq(s.item_tag_count, 1);
    ck_assert_str_eq(method_capability_tag(&s, "Macros"), "today");
    session_free(&s);
}
END_TEST

START_TEST(proof_why_dissent_champion_style)
{
    ck_assert_int_eq(store_add_proof(st, sid, "answers in seconds", PROOF_QUOTE, "\"We saved a hire\""), 0);
    ck_assert_int_eq(store_add_proof(st, sid, "Faster", PROOF_CASE, "Acme"), -1);
    ck_assert_int_eq(store_add_proof(st, sid, "Answers in seconds", PROOF_CASE, "  "), -1);
    ck_assert_int_eq(store_set_rationale(st, sid, STEP_VALUE, "Every call said it"), 0);
    ck_assert_int_eq(store_set_rationale(st, sid, STEP_CATEGORY, "why"), -1);
    ck_assert_str_eq(store_error(st), "the category step is not decided yet; decide it first");
    ck_assert_int_eq(store_add_dissent(st, sid, STEP_VALUE, "Tom", "Price matters more"), 0);
    ck_assert_int_eq(store_set_champion(st, sid, "Head of support", "Owns the backlog"), 0);
    ck_assert_int_eq(store_set_style(st, sid, STYLE_BIG_FISH, "We win in e-commerce"), 0);
    struct session s = loaded();
    ck_assert_uint_eq(s.proof_count, 1);
    ck_assert_str_eq(s.proofs[0].item, "Answers in seconds");
    ck_assert_int_eq(s.proofs[0].kind, PROOF_QUOTE);
    ck_assert_str_eq(s.rationale[STEP_VALUE], "Every call said it");
    ck_assert_ptr_null(s.rationale[STEP_CAPABILITIES]);
    ck_assert_uint_eq(s.dissent_count, 1);
    ck_assert_str_eq(s.dissents[0].who, "Tom");
    ck_assert_str_eq(s.champion_role, "Head of support");
    ck_assert_str_eq(s.champion_why, "Owns the backlog");
    ck_assert_int_eq(s.style, STYLE_BIG_FISH);
    ck_assert_str_eq(s.style_why, "We win in e-commerce");
    ck_assert_int_eq(store_delete_proof(st, sid, &s.proofs[0]), 0);
    ck_assert_int_eq(store_delete_dissent(st, sid, &s.dissents[0]), 0);
    ck_assert_int_eq(store_delete_dissent(st, sid, &s.dissents[0]), -1);
    session_free(&s);
    ck_assert_int_eq(store_set_rationale(st, sid, STEP_VALUE, ""), 0);
    ck_assert_int_eq(store_set_champion(st, sid, NULL, NULL), 0);
    ck_assert_int_eq(store_set_style(st, sid, STYLE_NONE, NULL), 0);
    s = loaded();
    ck_assert_uint_eq(s.proof_count + s.dissent_count, 0);
    ck_assert_ptr_null(s.rationale[STEP_VALUE]);
    ck_assert_ptr_null(s.champion_role);
    ck_assert_int_eq(s.style, STYLE_NONE);
    session_free(&s);
}
END_TEST

START_TEST(the_chain_round_trips_through_the_file)
{
    ck_assert_int_eq(store_link(st, sid, STEP_CAPABILITIES, "Order lookup", "Spreadsheets"), 0);
    ck_assert_int_eq(store_link(st, sid, STEP_VALUE, "Answers in seconds", "Order lookup"), 0);
    ck_assert_int_eq(store_add_proof(st, sid, "Answers in seconds", PROOF_NUMBER, "9 s"), 0);
    ck_assert_int_eq(store_set_rationale(st, sid, STEP_VALUE, "Because"), 0);
    ck_assert_int_eq(store_add_dissent(st, sid, STEP_VALUE, "Tom", "Price"), 0);
    ck_assert_int_eq(store_set_champion(st, sid, "Head of support", NULL), 0);
    ck_assert_int_eq(store_set_style(st, sid, STYLE_HEAD_TO_HEAD, "Zendesk is the one"), 0);
    ck_assert_int_eq(store_tag_item(st, sid, "AI replies", "roadmap"), 0);
    char *json;
    ck_assert_int_eq(store_export_json(st, sid, &json), 0);
    ck_assert_ptr_nonnull(strstr(json, "\"item_tags\":[{\"item\":\"AI replies\","
                                       "\"tag\":\"roadmap\"}]"));
    ck_assert_ptr_nonnull(strstr(json, "\"links\":[{\"step\":\"capabilities\",\"item\":\"Order "
                                       "lookup\",\"builds_on\":\"Spreadsheets\"}"));
    ck_assert_ptr_nonnull(strstr(json, "\"why\":\"Because\""));
    ck_assert_ptr_nonnull(strstr(json, "\"positioning_style\":\"head-to-head\""));
    ck_assert_ptr_null(strstr(json, "champion_why")); /* nothing said, nothing written */
    int64_t copy = import_json(json, "copy", err, sizeof err);
    ck_assert_msg(copy > 0, "%s", err);
    char *again;
    ck_assert_int_eq(store_export_json(st, copy, &again), 0);
    ck_assert_str_eq(again, json);
    free(again);
    free(json);
}
END_TEST

START_TEST(a_file_without_the_chain_writes_none)
{
    int64_t id = import_json("{\"format\":\"samesong-session/1\",\"name\":\"Old\"}", "old", err,
                             sizeof err);
    ck_assert_msg(id > 0, "%s", err);
    char *json;
    ck_assert_int_eq(store_export_json(st, id, &json), 0);
    ck_assert_ptr_null(strstr(json, "links"));
    ck_assert_ptr_null(strstr(json, "proofs"));
    ck_assert_ptr_null(strstr(json, "dissent"));
    ck_assert_ptr_null(strstr(json, "positioning"));
    ck_assert_ptr_null(strstr(json, "champion"));
    ck_assert_ptr_null(strstr(json, "item_tags"));
    free(json);
}
END_TEST

#define DECIDED "\"decisions\":[{\"step\":\"alternatives\",\"text\":\"Spreadsheets\"}," \
                "{\"step\":\"capabilities\",\"text\":\"Order lookup\"}]"
static void refused(const char *rest, const char *message)
{
    char json[2048];
    snprintf(json, sizeof json, "{\"format\":\"samesong-session/1\",\"name\":\"Bad\"," DECIDED
             "%s}", rest);
    char why[512] = "";
    ck_assert_int_eq(import_json(json, NULL, why, sizeof why), -1);
    ck_assert_str_eq(why, message);
}

START_TEST(links_to_unknown_items_are_refused_by_name)
{
    refused(",\"links\":[{\"step\":\"capabilities\",\"item\":\"Order lookup\","
            "\"builds_on\":\"Salesforce\"}]",
            "links[0].builds_on: \"Salesforce\" is not an item of the alternatives decision");
    refused(",\"links\":[{\"step\":\"value\",\"item\":\"Fast\",\"builds_on\":\"Order lookup\"}]",
            "links[0].item: \"Fast\" is not an item: the value step has no decision");
    refused(",\"links\":[{\"step\":\"alternatives\",\"item\":\"a\",\"builds_on\":\"b\"}]",
            "links[0].step: the alternatives build on no other step; links go from "
            "capabilities, value, customers, category");
    refused(",\"links\":[{\"step\":\"capabilities\",\"item\":\"Order lookup\",\"builds_on\":"
            "\"Spreadsheets\"},{\"step\":\"capabilities\",\"item\":\"order lookup\","
            "\"builds_on\":\"spreadsheets.\"}]",
            "links[1]: the same link as links[0]");
    refused(",\"proofs\":[{\"item\":\"Order lookup\",\"kind\":\"quote\",\"text\":\"x\"}]",
            "proofs[0].item: \"Order lookup\" is not an item: the value step has no decision");
    refused(",\"proofs\":[{\"item\":\"x\",\"kind\":\"rumour\",\"text\":\"x\"}]",
            "proofs[0].kind: \"rumour\" is not a kind of proof; kinds are quote, number, case");
    refused(",\"dissent\":[{\"step\":\"value\",\"who\":\"Tom\",\"what\":\"no\"}]",
            "dissent[0].step: value has no decision to disagree with");
    refused(",\"positioning_style\":\"sideways\"",
            "positioning_style: \"sideways\" is not a style; styles are head-to-head, big-fish, "
            "new-category");
    refused(",\"champion_why\":\"x\"", "champion_why: there is no champion to be why of");
    refused(",\"item_tags\":[{\"item\":\"Macros\",\"tag\":\"roadmap\"}]",
            "item_tags[0].item: \"Macros\" is not an item of the capabilities decision");
    refused(",\"item_tags\":[{\"item\":\"Order lookup\",\"tag\":\"soon\"}]",
            "item_tags[0].tag: \"soon\" is not a tag; tags are today, roadmap, not planned");
    refused(",\"item_tags\":[{\"item\":\"Order lookup\",\"tag\":\"today\"},"
            "{\"item\":\"order lookup.\",\"tag\":\"roadmap\"}]",
            "item_tags[1].item: \"order lookup.\" is tagged twice");
    sqlite3 *db; /* nothing of a refused file was written */
    sqlite3_stmt *stmt;
    ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM sessions), (SELECT count(*) FROM"
                           " decision_links) + (SELECT count(*) FROM proofs)", -1, &stmt, NULL);
    ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(stmt, 0), 1);
    ck_assert_int_eq(sqlite3_column_int(stmt, 1), 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}
END_TEST

START_TEST(the_lock_covers_the_chain)
{
    ck_assert_int_eq(store_link(st, sid, STEP_CAPABILITIES, "Order lookup", "Spreadsheets"), 0);
    ck_assert_int_eq(store_add_proof(st, sid, "Answers in seconds", PROOF_NUMBER, "9 s"), 0);
    ck_assert_int_eq(store_add_dissent(st, sid, STEP_VALUE, "Tom", "Price"), 0);
    ck_assert_int_eq(store_set_style(st, sid, STYLE_BIG_FISH, NULL), 0);
    ck_assert_int_eq(store_tag_item(st, sid, "AI replies", "roadmap"), 0);
    ck_assert_int_eq(store_set_decision(st, sid, STEP_CUSTOMERS, "Brands"), 0);
    ck_assert_int_eq(store_set_decision(st, sid, STEP_CATEGORY, "Help desk"), 0);
    ck_assert_int_eq(store_lock_session(st, sid), 0);
    ck_assert_int_eq(store_link(st, sid, STEP_VALUE, "Answers in seconds", "Order lookup"), -1);
    ck_assert_int_eq(store_set_rationale(st, sid, STEP_VALUE, "late"), -1);
    ck_assert_int_eq(store_tag_item(st, sid, "AI replies", "today"), -1);
    ck_assert_int_eq(store_set_capability_tag(st, sid, "AI replies", "today"), -1);
    /* and from the sqlite3 shell, past samesong */
    static const char *const writes[] = {
        "DELETE FROM decision_links", "UPDATE decision_links SET target = 'x'",
        "DELETE FROM proofs", "UPDATE proofs SET text = 'x'",
        "DELETE FROM dissents", "UPDATE dissents SET what = 'x'",
        "DELETE FROM positioning", "UPDATE positioning SET style = 'head-to-head'",
        "UPDATE decisions SET rationale = 'x'",
        "INSERT INTO proofs (session_id, item, kind, text) VALUES (1, 'a', 'case', 'b')",
        "DELETE FROM item_tags", "UPDATE item_tags SET tag = 'today'",
        "UPDATE item_tags SET item = 'Macros'",
        "INSERT INTO item_tags (session_id, item, tag) VALUES (1, 'Order lookup', 'today')",
    };
    refused_when_locked(writes, sizeof writes / sizeof *writes);
}
END_TEST

/* A file of schema 9 (before the chain) opens, gains the chain's tables, and
 * its locked session keeps the digest it was sealed with. */
START_TEST(a_schema_9_file_gains_the_chain)
{
    reopen_at_schema(9,
        "INSERT INTO sessions (slug, name, product) VALUES ('old', 'Old', 'P'), ('open', 'Open', 'P');"
        "INSERT INTO decisions (session_id, step, text) SELECT 1, id, 'agreed' FROM steps;"
        "INSERT INTO decisions (session_id, step, text) VALUES (2, 'alternatives', 'Excel'),"
        " (2, 'capabilities', 'Lookup');");
    lock_holds_when_reopened(1);
    ck_assert_int_eq(store_link(st, 2, STEP_CAPABILITIES, "Lookup", "Excel"), 0);
    ck_assert_int_eq(store_link(st, 1, STEP_CAPABILITIES, "agreed", "agreed"), -1);
}
END_TEST

/* A file of schema 13 (tags only on answer groups) opens and gains the
 * items' tags; its group tags still count for the items of their names, a
 * decision written now carries them to the items, and the lock guards the
 * new table. */
START_TEST(a_schema_13_file_keeps_its_tags)
{
    reopen_at_schema(13,
        "INSERT INTO sessions (slug, name, product) VALUES ('open', 'Open', 'P'),"
        " ('done', 'Done', 'P');"
        "INSERT INTO decisions (session_id, step, text) VALUES (1, 'alternatives', 'Excel'),"
        " (1, 'capabilities', 'Lookup\nBots'), (1, 'value', 'Fast');"
        "INSERT INTO decisions (session_id, step, text) SELECT 2, id, 'agreed' FROM steps;"
        "INSERT INTO capability_tags (session_id, grp, tag) VALUES (1, 'lookup', 'roadmap'),"
        " (2, 'agreed', 'today');"
        "INSERT INTO decision_links (session_id, step, item, target) VALUES"
        " (1, 'capabilities', 'Lookup', 'Excel'), (1, 'capabilities', 'Bots', 'Excel'),"
        " (1, 'value', 'Fast', 'Lookup');");
    sid = 1; /* (a_schema_9_file_gains_the_chain checks the migrated schema whole) */
    struct session s = loaded();
    ck_assert_uint_eq(s.item_tag_count, 0);
    ck_assert_str_eq(method_not_today(&s, "Lookup"), "roadmap"); /* its group's, as before */
    struct chain_break *breaks;
    size_t count;
    chain_check(&s, &breaks, &count);
    ck_assert_uint_ge(count, 1);
    ck_assert_int_eq(breaks[0].kind, CHAIN_NOT_TODAY);
    ck_assert_str_eq(breaks[0].capability, "Lookup");
    chain_free(breaks, count);
    session_free(&s);
    char *json;
    ck_assert_int_eq(store_export_json(st, 1, &json), 0);
    ck_assert_ptr_null(strstr(json, "item_tags")); /* its file is as it was */
    free(json);

    ck_assert_int_eq(store_set_decision(st, 1, STEP_CAPABILITIES, "Lookup\nBots\nMacros"), 0);
    ck_assert_int_eq(store_tag_item(st, 1, "bots", "today"), 0);
    s = loaded();
    ck_assert_uint_eq(s.item_tag_count, 2);
    ck_assert_str_eq(s.item_tags[0].item, "Bots");
    ck_assert_str_eq(s.item_tags[1].item, "Lookup"); /* carried from its group */
    ck_assert_str_eq(s.item_tags[1].tag, "roadmap");
    session_free(&s);

    ck_assert_int_eq(store_lock_session(st, 2), 0);
    ck_assert_int_eq(store_tag_item(st, 2, "agreed", "roadmap"), -1);
    static const char *const writes[] = {
        "INSERT INTO item_tags (session_id, item, tag) VALUES (2, 'agreed', 'roadmap')"};
    refused_when_locked(writes, 1);
}
END_TEST

START_TEST(the_markdown_canvas_shows_the_chain)
{
    /* two themes, the second's proof given first */
    ck_assert_int_eq(store_set_decision(st, sid, STEP_VALUE,
                                        "Answers in seconds\nFirms with 5-50 staff"), 0);
    ck_assert_int_eq(store_add_proof(st, sid, "Firms with 5-50 staff", PROOF_CASE, "Acme"), 0);
    ck_assert_int_eq(store_link(st, sid, STEP_CAPABILITIES, "Order lookup", "Spreadsheets"), 0);
    ck_assert_int_eq(store_link(st, sid, STEP_CAPABILITIES, "Order lookup", "Zendesk"), 0);
    ck_assert_int_eq(store_link(st, sid, STEP_VALUE, "Answers in seconds", "Order lookup"), 0);
    ck_assert_int_eq(store_add_proof(st, sid, "Answers in seconds", PROOF_NUMBER, "9 s *median*"), 0);
    ck_assert_int_eq(store_set_rationale(st, sid, STEP_VALUE, "Every call said it"), 0);
    ck_assert_int_eq(store_add_dissent(st, sid, STEP_VALUE, "Tom", "Price matters more"), 0);
    ck_assert_int_eq(store_set_decision(st, sid, STEP_CUSTOMERS, "Brands"), 0);
    ck_assert_int_eq(store_set_champion(st, sid, "Head of support", "Owns the backlog"), 0);
    ck_assert_int_eq(store_set_decision(st, sid, STEP_CATEGORY, "Help desk"), 0);
    ck_assert_int_eq(store_set_style(st, sid, STYLE_BIG_FISH, "We win in e-commerce"), 0);
    struct step_text steps[STEP_COUNT];
    char path[4096];
    snprintf(path, sizeof path, "%s/steps.json", getenv("SAMESONG_DATA_DIR"));
    ck_assert_int_eq(store_load_steps(path, steps, err, sizeof err), 0);
    struct session s = loaded();
    char *md = report_markdown(&s, steps);
    /* each item as the canvas has it: "item — verb: targets", whatever the item's number */
    ck_assert_ptr_nonnull(strstr(md, "**The chain:**\n\n- Order lookup \u2014 beats: "
                                     "Spreadsheets, Zendesk\n- AI replies \u2014 beats: none "
                                     "yet\n\n"));
    ck_assert_ptr_nonnull(strstr(md, "- Answers in seconds \u2014 comes from: Order lookup "
                                     "\u00b7 proof: 1\n"));
    ck_assert_ptr_nonnull(strstr(md, "- Firms with 5-50 staff \u2014 comes from: none yet "
                                     "\u00b7 proof: 1\n"));
    /* the proof in the value decision's order, not the order it was given */
    ck_assert_ptr_nonnull(strstr(md, "**Proof:**\n\n- Answers in seconds (number): 9 s "
                                     "\\*median\\*\n- Firms with 5-50 staff (case): Acme\n"));
    ck_assert_ptr_nonnull(strstr(md, "**Why:** Every call said it\n\n**Dissent:**\n\n- Tom: "
                                     "Price matters more\n"));
    ck_assert_ptr_nonnull(strstr(md, "**Champion:** Head of support (why: Owns the backlog)\n"));
    ck_assert_ptr_nonnull(strstr(md, "**Positioning style:** Big fish in a small pond (why: We "
                                     "win in e-commerce)\n"));
    free(md);
    session_free(&s);
    store_steps_free(steps);
}
END_TEST

START_TEST(links_proof_and_choices_as_the_screens_read_them)
{
    ck_assert_int_eq(store_link(st, sid, STEP_CAPABILITIES, "Order lookup", "Spreadsheets"), 0);
    ck_assert_int_eq(store_link(st, sid, STEP_CAPABILITIES, "Order lookup", "Zendesk"), 0);
    ck_assert_int_eq(store_link(st, sid, STEP_VALUE, "Answers in seconds", "AI replies"), 0);
    ck_assert_int_eq(store_add_proof(st, sid, "Answers in seconds", PROOF_NUMBER, "9 s"), 0);
    ck_assert_int_eq(store_add_proof(st, sid, "Answers in seconds", PROOF_CASE, "Acme"), 0);
    struct session s = loaded();
    ck_assert(method_linked(&s, STEP_CAPABILITIES, "order lookup.", "SPREADSHEETS"));
    ck_assert(!method_linked(&s, STEP_CAPABILITIES, "AI replies", "Spreadsheets"));
    ck_assert(!method_linked(&s, STEP_VALUE, "Order lookup", "Spreadsheets"));
    ck_assert_uint_eq(method_link_count(&s, STEP_CAPABILITIES, "Order lookup"), 2);
    ck_assert_uint_eq(method_link_count(&s, STEP_CAPABILITIES, "AI replies"), 0);
    ck_assert_uint_eq(method_link_count(&s, STEP_VALUE, "Answers in seconds"), 1);
    ck_assert_uint_eq(method_link_count(&s, STEP_ALTERNATIVES, "Zendesk"), 0);
    ck_assert_uint_eq(method_proof_count(&s, "answers in seconds"), 2);
    ck_assert_uint_eq(method_proof_count(&s, "Order lookup"), 0);
    session_free(&s);

    ck_assert_int_eq(method_style_from_typed("2"), STYLE_BIG_FISH);
    ck_assert_int_eq(method_style_from_typed(" head "), STYLE_HEAD_TO_HEAD);
    ck_assert_int_eq(method_style_from_typed("Create"), STYLE_NEW_CATEGORY);
    ck_assert_int_eq(method_style_from_typed("new"), STYLE_NEW_CATEGORY);
    ck_assert_int_eq(method_style_from_typed(""), STYLE_NONE);
    ck_assert_int_eq(method_style_from_typed("4"), -1);
    ck_assert_int_eq(method_style_from_typed("0"), -1);
    ck_assert_int_eq(method_style_from_typed("fish"), -1);
    ck_assert_int_eq(method_proof_kind_from_typed("1"), PROOF_QUOTE);
    ck_assert_int_eq(method_proof_kind_from_typed("NUM"), PROOF_NUMBER);
    ck_assert_int_eq(method_proof_kind_from_typed("c"), PROOF_CASE);
    ck_assert_int_eq(method_proof_kind_from_typed(""), -1);
    ck_assert_int_eq(method_proof_kind_from_typed("4"), -1);
    ck_assert_int_eq(method_proof_kind_from_typed("quotes"), -1);

    /* an edit that drops them says so by item, in a line short enough to read */
    char *dropped = NULL;
    ck_assert_int_eq(store_decide(st, sid, STEP_CAPABILITIES, "Macros", &dropped), 0);
    ck_assert_str_eq(dropped, "3 links dropped (Order lookup, AI replies): no longer in the "
                              "decision.");
    free(dropped);
    ck_assert_int_eq(store_link(st, sid, STEP_VALUE, "Answers in seconds", "Macros"), 0);
    ck_assert_int_eq(store_decide(st, sid, STEP_VALUE, "Fast", &dropped), 0);
    ck_assert_str_eq(dropped, "1 link and 2 proofs dropped (Answers in seconds): no longer "
                              "in the decision.");
    free(dropped);
}
END_TEST

static Suite *method_suite(void)
{
    Suite *s = suite_create("method");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, items_are_lines_without_markers);
    tcase_add_test(tc, chain_points_back_only);
    tcase_add_test(tc, a_decision_is_numbered_when_every_line_is);
    tcase_add_test(tc, links_join_existing_items_only);
    tcase_add_test(tc, an_edit_keeps_surviving_links_and_names_the_dropped);
    tcase_add_test(tc, a_tag_follows_its_item);
    tcase_add_test(tc, proof_why_dissent_champion_style);
    tcase_add_test(tc, the_chain_round_trips_through_the_file);
    tcase_add_test(tc, a_file_without_the_chain_writes_none);
    tcase_add_test(tc, links_to_unknown_items_are_refused_by_name);
    tcase_add_test(tc, the_lock_covers_the_chain);
    tcase_add_test(tc, a_schema_9_file_gains_the_chain);
    tcase_add_test(tc, a_schema_13_file_keeps_its_tags);
    tcase_add_test(tc, the_markdown_canvas_shows_the_chain);
    tcase_add_test(tc, links_proof_and_choices_as_the_screens_read_them);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(method_suite(), "check_method");
}
