/* check_pitch.c: Check suite for the sales pitch: each section's draft from a
 * session made by hand (decisions, links, proof, the champion, the style,
 * objections), the sections in the store (written, back to the draft,
 * locked), their round trip through the session file, a file of schema 10
 * gaining them, and the Markdown canvas and `show` with the pitch; the
 * objections each person hears (order, edits, the reveal, the file, the lock). */
#include "check_main.h"
#include "pitch.h"
#include "report.h"
#include "store.h"
#include "store_internal.h"
#include "store_pitch.h"
#include "util.h"

#include <sqlite3.h>

/* ---- the drafts, from a session made by hand ----------------------------------------- */

static void add_link(struct session *s, enum step step, const char *item, const char *target)
{
    struct decision_link *l = array_push(&s->links, &s->link_count, &s->link_cap, sizeof *l);
    l->step = step;
    l->item = xstrdup(item);
    l->target = xstrdup(target);
}

static void person(struct session *s, const char *name, enum role role)
{
    struct participant *p =
        array_push(&s->participants, &s->participant_count, &s->participant_cap, sizeof *p);
    p->name = xstrdup(name);
    p->role = role;
}

static void objection(struct session *s, size_t who, const char *text)
{
    struct objection *o =
        array_push(&s->objections, &s->objection_count, &s->objection_cap, sizeof *o);
    o->participant = who;
    o->text = xstrdup(text);
}

/* Replyline's chain: every kind of link, proof for one value theme of two,
 * a champion, big fish in a small pond; three people with objections. */
static struct session made(void)
{
    struct session s = {0};
    s.name = xstrdup("Q3");
    s.product = xstrdup("Replyline");
    s.narrative = xstrdup("");
    s.decisions[STEP_ALTERNATIVES] = xstrdup("- Spreadsheets\n- Zendesk\n- Do nothing");
    s.decisions[STEP_CAPABILITIES] = xstrdup("1. Order lookup\n2. AI replies\n3. Macros");
    s.decisions[STEP_VALUE] = xstrdup("Answers in seconds\nHappier agents");
    s.decisions[STEP_CUSTOMERS] = xstrdup("Shopify brands\nTeams of 5-50");
    s.decisions[STEP_CATEGORY] = xstrdup("Help desk for e-commerce");
    add_link(&s, STEP_CAPABILITIES, "Order lookup", "Spreadsheets");
    add_link(&s, STEP_CAPABILITIES, "AI replies", "Zendesk");
    add_link(&s, STEP_CAPABILITIES, "macros", "zendesk."); /* as typed: the decisions' words win */
    add_link(&s, STEP_VALUE, "Answers in seconds", "Order lookup");
    add_link(&s, STEP_VALUE, "Answers in seconds", "AI replies");
    add_link(&s, STEP_VALUE, "Happier agents", "Macros");
    add_link(&s, STEP_CUSTOMERS, "Shopify brands", "Answers in seconds");
    add_link(&s, STEP_CUSTOMERS, "Teams of 5-50", "Happier agents");
    add_link(&s, STEP_CATEGORY, "Help desk for e-commerce", "Answers in seconds");
    struct proof *p = array_push(&s.proofs, &s.proof_count, &s.proof_cap, sizeof *p);
    p->item = xstrdup("Answers in seconds");
    p->kind = PROOF_NUMBER;
    p->text = xstrdup("9 s median first reply");
    s.champion_role = xstrdup("Head of support");
    s.champion_why = xstrdup("They own the backlog");
    s.style = STYLE_BIG_FISH;
    person(&s, "Ann", ROLE_CEO);
    person(&s, "Sue", ROLE_SUCCESS);
    person(&s, "Tom", ROLE_SALES);
    objection(&s, 0, "Is it secure?");
    objection(&s, 1, "migration takes months."); /* the same as Tom's: said once, as he says it */
    objection(&s, 1, "No Shopify app?");
    objection(&s, 2, "Too expensive for a small team");
    objection(&s, 2, "Migration takes months");
    return s;
}

static void draft_is(const struct session *s, enum pitch_section section, const char *want)
{
    char *got = pitch_draft(s, section);
    ck_assert_str_eq(got, want);
    free(got);
}

START_TEST(drafts_come_from_the_linked_decisions)
{
    struct session s = made();
    draft_is(&s, PITCH_INSIGHT,
             "Who feels it: Shopify brands and Teams of 5-50\n"
             "What matters to them most: Answers in seconds and Happier agents\n"
             "Their champion: the Head of support (why: They own the backlog)\n"
             "The context: Help desk for e-commerce");
    /* each alternative with what beats it, as the capabilities decision says it */
    draft_is(&s, PITCH_ALTERNATIVES,
             "Today they make do with:\n"
             "- Spreadsheets: no Order lookup\n"
             "- Zendesk: no AI replies or Macros\n"
             "- Do nothing");
    draft_is(&s, PITCH_PERFECT_WORLD,
             "In a perfect world:\n- Answers in seconds\n- Happier agents");
    draft_is(&s, PITCH_PRODUCT,
             "Introducing Replyline: Help desk for e-commerce.\n"
             "Built for Shopify brands and Teams of 5-50.");
    draft_is(&s, PITCH_VALUE,
             "- Answers in seconds, from Order lookup and AI replies\n"
             "  Proof (number): 9 s median first reply\n"
             "- Happier agents, from Macros\n"
             "  Proof: none yet");
    draft_is(&s, PITCH_ASK,
             "We ask the Head of support to (the next step: a pilot, a call with their team, a "
             "trial).");
    /* a capability on the roadmap is marked where the drafts name it */
    struct capability_tag *t = array_push(&s.tags, &s.tag_count, &s.tag_cap, sizeof *t);
    t->group = xstrdup("AI replies");
    t->tag = xstrdup("roadmap");
    char *alternatives = pitch_draft(&s, PITCH_ALTERNATIVES);
    ck_assert_ptr_nonnull(strstr(alternatives, "- Zendesk: no AI replies (roadmap) or Macros\n"));
    free(alternatives);
    char *value = pitch_draft(&s, PITCH_VALUE);
    ck_assert_ptr_nonnull(strstr(value, "- Answers in seconds, from Order lookup and AI replies "
                                        "(roadmap)\n"));
    free(value);
    /* a role the room wrote with its article keeps it, and no why says none */
    free(s.champion_role);
    free(s.champion_why);
    s.champion_role = xstrdup("The CFO");
    s.champion_why = NULL;
    char *insight = pitch_draft(&s, PITCH_INSIGHT);
    ck_assert_ptr_nonnull(strstr(insight, "Their champion: The CFO\n"));
    free(insight);
    draft_is(&s, PITCH_ASK,
             "We ask The CFO to (the next step: a pilot, a call with their team, a trial).");
    session_free(&s);
}
END_TEST

START_TEST(the_product_follows_the_positioning_style)
{
    struct session s = made();
    s.style = STYLE_HEAD_TO_HEAD;
    draft_is(&s, PITCH_PRODUCT,
             "Introducing Replyline: Help desk for e-commerce.\n"
             "Head to head: the one that beats Spreadsheets, Zendesk and Do nothing.");
    s.style = STYLE_NEW_CATEGORY;
    draft_is(&s, PITCH_PRODUCT,
             "Introducing Replyline: Help desk for e-commerce.\n"
             "A new kind of product: Help desk for e-commerce.");
    s.style = STYLE_NONE;
    free(s.product);
    s.product = xstrdup("");
    draft_is(&s, PITCH_PRODUCT, "Introducing our product: Help desk for e-commerce.");
    session_free(&s);
}
END_TEST

/* Only what the room has seen: before the reveal, no objection is drafted. */
START_TEST(objections_are_drafted_once_revealed_sales_and_success_first)
{
    struct session s = made();
    draft_is(&s, PITCH_OBJECTIONS, "");
    s.objections_revealed = true;
    draft_is(&s, PITCH_OBJECTIONS,
             "What buyers say, and our answer:\n"
             "- Too expensive for a small team\n"
             "- Migration takes months\n"
             "- No Shopify app?\n"
             "- Is it secure?");
    size_t order[3];
    pitch_people_order(&s, order);
    ck_assert_uint_eq(order[0], 2); /* Tom, sales */
    ck_assert_uint_eq(order[1], 1); /* Sue, success */
    ck_assert_uint_eq(order[2], 0); /* Ann */
    session_free(&s);
}
END_TEST

/* Nothing decided: nothing to draft from, but the product and the ask. */
START_TEST(an_empty_session_drafts_almost_nothing)
{
    struct session s = {0};
    s.name = xstrdup("Empty");
    s.product = xstrdup("");
    s.narrative = xstrdup("");
    for (int i = 0; i < PITCH_SECTION_COUNT; i++) {
        char *d = pitch_draft(&s, (enum pitch_section)i);
        if (i == PITCH_PRODUCT)
            ck_assert_str_eq(d, "Introducing our product.");
        else if (i == PITCH_ASK)
            ck_assert_str_eq(d, "We ask you to (the next step: a pilot, a call with their team, "
                                "a trial).");
        else
            ck_assert_str_eq(d, "");
        free(d);
    }
    ck_assert(!pitch_written(&s));
    ck_assert_int_eq(pitch_section_from_id("perfect-world"), PITCH_PERFECT_WORLD);
    ck_assert_int_eq(pitch_section_from_id("perfect_world"), -1);
    session_free(&s);
}
END_TEST

/* ---- the pitch in the store ------------------------------------------------------------ */

#define CHECK_STORE_FIXTURE /* st, sid, db_path, err: a session in a fresh store */
#include "check_main.h"

static void setup(void)
{
    open_session("Pitch", "pitch");
}

static struct session loaded(int64_t id)
{
    struct session s;
    ck_assert_msg(store_load_session(st, id, &s) == 0, "%s", store_error(st));
    return s;
}

START_TEST(a_section_is_written_and_goes_back_to_its_draft)
{
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_INSIGHT, "  Brands drown in tickets.\n"), 0);
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_ASK, "A pilot."), 0);
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_ASK, "A pilot\nwith two teams."), 0);
    struct session s = loaded(sid);
    ck_assert_str_eq(s.pitch[PITCH_INSIGHT], "Brands drown in tickets.");
    ck_assert_str_eq(s.pitch[PITCH_ASK], "A pilot\nwith two teams.");
    ck_assert_ptr_null(s.pitch[PITCH_VALUE]);
    ck_assert(pitch_written(&s));
    session_free(&s);
    /* blank is back to the draft, as NULL is */
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_INSIGHT, " \n\t"), 0);
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_ASK, NULL), 0);
    s = loaded(sid);
    ck_assert(!pitch_written(&s));
    session_free(&s);
}
END_TEST

START_TEST(a_section_reads_stale_once_its_decisions_change)
{
    ck_assert_int_eq(store_set_decision(st, sid, STEP_CUSTOMERS, "Shopify brands"), 0);
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_INSIGHT, "Brands drown in tickets."), 0);
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_ASK, "A pilot."), 0);
    struct session s = loaded(sid);
    ck_assert(!pitch_stale(&s, PITCH_INSIGHT));
    session_free(&s);
    /* the customers the insight was drafted from change: it reads stale, the ask does not */
    ck_assert_int_eq(store_set_decision(st, sid, STEP_CUSTOMERS, "Etsy sellers"), 0);
    s = loaded(sid);
    ck_assert(pitch_stale(&s, PITCH_INSIGHT));
    ck_assert(!pitch_stale(&s, PITCH_ASK));
    ck_assert(!pitch_stale(&s, PITCH_VALUE)); /* a draft is never stale */
    char *json;
    ck_assert_int_eq(store_export_json(st, sid, &json), 0);
    ck_assert_ptr_null(strstr(json, "digest")); /* the file does not change */
    session_free(&s);
    /* an imported section starts from the draft it is imported with */
    int64_t copy = import_json(json, "copy", err, sizeof err);
    ck_assert_msg(copy > 0, "%s", err);
    free(json);
    s = loaded(copy);
    ck_assert(!pitch_stale(&s, PITCH_INSIGHT));
    session_free(&s);
    /* writing it again clears it */
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_INSIGHT, "Etsy sellers drown."), 0);
    s = loaded(sid);
    ck_assert(!pitch_stale(&s, PITCH_INSIGHT));
    session_free(&s);
}
END_TEST

START_TEST(the_pitch_round_trips_through_the_file)
{
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_ASK, "A pilot."), 0);
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_INSIGHT, "Brands\n- drown in tickets"), 0);
    ck_assert_int_eq(store_set_narrative(st, sid, "The old story."), 0);
    char *json;
    ck_assert_int_eq(store_export_json(st, sid, &json), 0);
    /* in the pitch's order, whatever order they were written in */
    ck_assert_ptr_nonnull(strstr(json, "\"pitch\":[{\"section\":\"insight\",\"text\":\"Brands\\n- "
                                       "drown in tickets\"},{\"section\":\"ask\",\"text\":\"A "
                                       "pilot.\"}]"));
    ck_assert_ptr_nonnull(strstr(json, "\"narrative\":\"The old story.\""));
    int64_t copy = import_json(json, "copy", err, sizeof err);
    ck_assert_msg(copy > 0, "%s", err);
    char *again;
    ck_assert_int_eq(store_export_json(st, copy, &again), 0);
    ck_assert_str_eq(again, json);
    free(again);
    free(json);
    /* a session with no pitch written writes no "pitch" at all: older files stay as they were */
    int64_t old = import_json("{\"format\":\"samesong-session/1\",\"name\":\"Old\","
                              "\"narrative\":\"Story.\"}", "old", err, sizeof err);
    ck_assert_msg(old > 0, "%s", err);
    ck_assert_int_eq(store_export_json(st, old, &json), 0);
    ck_assert_ptr_null(strstr(json, "pitch"));
    ck_assert_ptr_nonnull(strstr(json, "\"narrative\":\"Story.\""));
    free(json);
}
END_TEST

static void refused(const char *rest, const char *message)
{
    char json[2048];
    snprintf(json, sizeof json, "{\"format\":\"samesong-session/1\",\"name\":\"Bad\"%s}", rest);
    char why[512] = "";
    ck_assert_int_eq(import_json(json, NULL, why, sizeof why), -1);
    ck_assert_str_eq(why, message);
}

START_TEST(a_bad_pitch_in_a_file_is_refused_by_name)
{
    refused(",\"pitch\":[{\"section\":\"intro\",\"text\":\"x\"}]",
            "pitch[0].section: \"intro\" is not a section of the pitch; sections are insight, "
            "alternatives, perfect-world, product, value, objections, ask");
    refused(",\"pitch\":[{\"section\":\"ask\",\"text\":\"x\"},{\"section\":\"ask\",\"text\":\"y\"}]",
            "pitch[1].section: ask is written twice");
    refused(",\"pitch\":[{\"section\":\"ask\",\"text\":\" \\n \"}]",
            "pitch[0].text: empty; leave the section out and it shows its draft");
    refused(",\"pitch\":[{\"section\":\"ask\"}]", "pitch[0]: missing \"text\"");
    refused(",\"pitch\":{\"ask\":\"x\"}", "pitch: expected an array, found an object");
}
END_TEST

START_TEST(the_lock_covers_the_pitch)
{
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_ASK, "A pilot."), 0);
    for (int i = 0; i < STEP_COUNT; i++)
        ck_assert_int_eq(store_set_decision(st, sid, (enum step)i, "Decided"), 0);
    ck_assert_int_eq(store_lock_session(st, sid), 0);
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_ASK, "A trial."), -1);
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_INSIGHT, "Late."), -1);
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_ASK, NULL), -1);
    static const char *const writes[] = { /* and from the sqlite3 shell, past samesong */
        "UPDATE pitch SET text = 'x'", "DELETE FROM pitch",
        "INSERT INTO pitch VALUES (1, 'value', 'x')",
        "UPDATE pitch_sections SET id = 'intro' WHERE id = 'insight'",
        "INSERT INTO objections_revealed (session_id) VALUES (1)",
    };
    refused_when_locked(writes, sizeof writes / sizeof *writes);
    /* what the lock digest covers holds the pitch */
    char *content;
    ck_assert_int_eq(store_session_content(st, sid, &content), 0);
    ck_assert_ptr_nonnull(strstr(content, "\"pitch\":[{\"section\":\"ask\",\"text\":\"A pilot.\"}]"));
    free(content);
}
END_TEST

/* A file of schema 10 (before the pitch) opens and gains the pitch's tables;
 * its narrative stays, and its locked session keeps the digest it was sealed
 * with (no pitch, no "pitch" in what the digest covers). */
START_TEST(a_schema_10_file_gains_the_pitch)
{
    reopen_at_schema(10,
        "INSERT INTO sessions (slug, name, product, narrative) VALUES"
        " ('old', 'Old', 'P', 'Told before.'), ('open', 'Open', 'P', '');"
        "INSERT INTO decisions (session_id, step, text) SELECT 1, id, 'agreed' FROM steps;");
    lock_holds_when_reopened(1);
    struct session s = loaded(1);
    ck_assert_str_eq(s.narrative, "Told before.");
    ck_assert(!pitch_written(&s));
    session_free(&s);
    ck_assert_int_eq(store_set_pitch(st, 2, PITCH_VALUE, "Fast."), 0);
    ck_assert_int_eq(store_set_pitch(st, 1, PITCH_VALUE, "Fast."), -1);
}
END_TEST

static char *markdown_of(int64_t id, bool text)
{
    struct step_text steps[STEP_COUNT];
    char path[4096];
    snprintf(path, sizeof path, "%s/steps.json", getenv("SAMESONG_DATA_DIR"));
    ck_assert_int_eq(store_load_steps(path, steps, err, sizeof err), 0);
    struct session s = loaded(id);
    char *out = text ? report_text(&s, steps) : report_markdown(&s, steps);
    session_free(&s);
    store_steps_free(steps);
    return out;
}

START_TEST(the_canvas_and_show_have_the_pitch_in_order)
{
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_ASK, "A *pilot*."), 0);
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_VALUE,
                                     "- Answers in seconds\n  Proof (number): 9 s\n- Happier"), 0);
    ck_assert_int_eq(store_set_pitch(st, sid, PITCH_INSIGHT, "Brands drown.\nEvery Monday."), 0);
    char *md = markdown_of(sid, false);
    /* written sections only, in the method's order; lists stay lists */
    ck_assert_ptr_nonnull(strstr(md, "## Sales pitch\n\n### Insight\n\nBrands drown.\n\nEvery "
                                     "Monday.\n\n### Value and proof\n\n- Answers in seconds\\\n"
                                     "  Proof (number): 9 s\n- Happier\n\n### The ask\n\nA "
                                     "\\*pilot\\*.\n\n## What each participant said"));
    ck_assert_ptr_null(strstr(md, "Perfect world")); /* a draft is no part of the canvas */
    ck_assert_ptr_null(strstr(md, "## Sales narrative"));
    free(md);
    char *text = markdown_of(sid, true);
    ck_assert_ptr_nonnull(strstr(text, "\nSales pitch\n   Insight\n     Brands drown.\n     Every "
                                       "Monday.\n   Value and proof\n"));
    ck_assert_ptr_nonnull(strstr(text, "   The ask\n     A *pilot*.\n"));
    free(text);
    /* an earlier narrative still shows, after the pitch, as it was */
    ck_assert_int_eq(store_set_narrative(st, sid, "Told before."), 0);
    md = markdown_of(sid, false);
    ck_assert_ptr_nonnull(strstr(md, "A \\*pilot\\*.\n\n## Sales narrative\n\nTold before.\n\n"));
    free(md);
    text = markdown_of(sid, true);
    ck_assert_ptr_nonnull(strstr(text, "\nSales narrative\n   Told before.\n"));
    free(text);
}
END_TEST

/* The participant's id by name, for the objections. */
static int64_t id_of(const char *name)
{
    struct session s = loaded(sid);
    int p = session_find_participant(&s, name);
    ck_assert_int_ge(p, 0);
    int64_t id = s.participants[p].id;
    session_free(&s);
    return id;
}

START_TEST(objections_are_each_persons_in_their_order)
{
    ck_assert_int_eq(store_add_participant(st, sid, "Tom", ROLE_SALES), 0);
    ck_assert_int_eq(store_add_participant(st, sid, "Sue", ROLE_SUCCESS), 0);
    int64_t tom = id_of("Tom"), sue = id_of("Sue");
    ck_assert_int_eq(store_add_objection(st, sid, tom, "Too expensive"), 0);
    ck_assert_int_eq(store_add_objection(st, sid, sue, "Migration"), 0);
    ck_assert_int_eq(store_add_objection(st, sid, tom, "  We have Zendesk "), 0);
    ck_assert_int_eq(store_add_objection(st, sid, tom, "   "), -1);
    ck_assert_int_eq(store_add_objection(st, sid, tom, "two\nlines"), -1);
    ck_assert_int_eq(store_add_objection(st, sid, 999, "Nobody's"), -1);
    struct session s = loaded(sid);
    ck_assert_uint_eq(s.objection_count, 3);
    ck_assert(!s.objections_revealed);
    /* by participant, then each one's order */
    ck_assert_str_eq(s.objections[0].text, "Too expensive");
    ck_assert_str_eq(s.objections[1].text, "We have Zendesk");
    ck_assert_str_eq(s.objections[2].text, "Migration");
    int64_t zendesk = s.objections[1].id, migration = s.objections[2].id;
    session_free(&s);
    ck_assert_int_eq(store_move_objection(st, sid, zendesk, -1), 0);
    ck_assert_int_eq(store_move_objection(st, sid, zendesk, -1), 0); /* first already */
    ck_assert_int_eq(store_update_objection(st, sid, migration, "Migration takes months"), 0);
    ck_assert_int_eq(store_update_objection(st, sid, 999, "x"), -1);
    s = loaded(sid);
    ck_assert_str_eq(s.objections[0].text, "We have Zendesk");
    ck_assert_str_eq(s.objections[1].text, "Too expensive");
    ck_assert_str_eq(s.objections[2].text, "Migration takes months");
    int64_t expensive = s.objections[1].id;
    session_free(&s);
    ck_assert_int_eq(store_delete_objection(st, sid, expensive), 0);
    ck_assert_int_eq(store_delete_objection(st, sid, expensive), -1);
    /* someone with objections is removed only with what they said */
    ck_assert_int_eq(store_remove_participant(st, sid, sue), -1);
    ck_assert_int_eq(store_reveal_objections(st, sid), 0);
    ck_assert_int_eq(store_reveal_objections(st, sid), 0); /* again: nothing more */
    s = loaded(sid);
    ck_assert_uint_eq(s.objection_count, 2);
    ck_assert(s.objections_revealed);
    session_free(&s);
    ck_assert_int_eq(store_remove_participant_and_answers(st, sid, sue), 0);
    s = loaded(sid);
    ck_assert_uint_eq(s.objection_count, 1);
    session_free(&s);
}
END_TEST

START_TEST(objections_round_trip_and_lock)
{
    ck_assert_int_eq(store_add_participant(st, sid, "Tom", ROLE_SALES), 0);
    ck_assert_int_eq(store_add_participant(st, sid, "Ann", ROLE_CEO), 0);
    int64_t tom = id_of("Tom"), ann = id_of("Ann");
    ck_assert_int_eq(store_add_objection(st, sid, tom, "Too expensive"), 0);
    ck_assert_int_eq(store_add_objection(st, sid, ann, "Secure?"), 0);
    ck_assert_int_eq(store_add_objection(st, sid, tom, "Zendesk"), 0);
    ck_assert_int_eq(store_reveal_objections(st, sid), 0);
    char *json;
    ck_assert_int_eq(store_export_json(st, sid, &json), 0);
    ck_assert_ptr_nonnull(strstr(json, "\"objections\":[{\"participant\":\"Tom\",\"text\":"
                                       "\"Too expensive\"},{\"participant\":\"Tom\",\"text\":"
                                       "\"Zendesk\"},{\"participant\":\"Ann\",\"text\":"
                                       "\"Secure?\"}]"));
    int64_t copy = import_json(json, "copy", err, sizeof err);
    ck_assert_msg(copy > 0, "%s", err);
    char *again;
    ck_assert_int_eq(store_export_json(st, copy, &again), 0);
    ck_assert_str_eq(again, json);
    free(again);
    free(json);
    /* a reveal is the room's: a file does not carry it */
    struct session s = loaded(copy);
    ck_assert_uint_eq(s.objection_count, 3);
    ck_assert(!s.objections_revealed);
    session_free(&s);
    char why[512] = "";
    ck_assert_int_eq(import_json("{\"format\":\"samesong-session/1\",\"name\":\"Bad\","
                                 "\"objections\":[{\"participant\":\"Zed\",\"text\":\"x\"}]}",
                                 NULL, why, sizeof why), -1);
    ck_assert_str_eq(why, "objections[0].participant: \"Zed\" is not in participants");
    /* locked with the session */
    for (int i = 0; i < STEP_COUNT; i++)
        ck_assert_int_eq(store_set_decision(st, sid, (enum step)i, "Decided"), 0);
    ck_assert_int_eq(store_lock_session(st, sid), 0);
    ck_assert_int_eq(store_add_objection(st, sid, tom, "Late"), -1);
    s = loaded(sid);
    int64_t first = s.objections[0].id;
    session_free(&s);
    ck_assert_int_eq(store_update_objection(st, sid, first, "x"), -1);
    ck_assert_int_eq(store_delete_objection(st, sid, first), -1);
    static const char *const writes[] = {
        "UPDATE objections SET text = 'x'", "DELETE FROM objections",
        "INSERT INTO objections (participant_id, position, text) SELECT id, 9, 'x'"
        " FROM participants WHERE session_id = 1",
        "DELETE FROM objections_revealed",
    };
    refused_when_locked(writes, sizeof writes / sizeof *writes);
}
END_TEST

static Suite *pitch_suite(void)
{
    Suite *s = suite_create("pitch");
    TCase *core = tcase_create("drafts");
    tcase_add_test(core, drafts_come_from_the_linked_decisions);
    tcase_add_test(core, the_product_follows_the_positioning_style);
    tcase_add_test(core, objections_are_drafted_once_revealed_sales_and_success_first);
    tcase_add_test(core, an_empty_session_drafts_almost_nothing);
    suite_add_tcase(s, core);
    TCase *tc = tcase_create("store");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, a_section_is_written_and_goes_back_to_its_draft);
    tcase_add_test(tc, a_section_reads_stale_once_its_decisions_change);
    tcase_add_test(tc, the_pitch_round_trips_through_the_file);
    tcase_add_test(tc, a_bad_pitch_in_a_file_is_refused_by_name);
    tcase_add_test(tc, the_lock_covers_the_pitch);
    tcase_add_test(tc, a_schema_10_file_gains_the_pitch);
    tcase_add_test(tc, the_canvas_and_show_have_the_pitch_in_order);
    tcase_add_test(tc, objections_are_each_persons_in_their_order);
    tcase_add_test(tc, objections_round_trip_and_lock);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(pitch_suite(), "check_pitch");
}
