/* method.h: the positioning method's chain: which step's decision builds on
 * which, a decision's items (its lines), the kinds of proof and the
 * positioning styles. Pure C: no SQL, no curses. */
#ifndef SAMESONG_METHOD_H
#define SAMESONG_METHOD_H

#include "session.h"

#include <stdbool.h>
#include <stddef.h>

/* The step whose items a step's items link back to: a capability to the
 * alternatives it beats, a value theme to the capabilities behind it, a
 * customer trait to the value they care about, the category to the value it
 * makes obvious. STEP_COUNT for the alternatives, which build on nothing.
 * Links only ever point to an earlier step, so a cycle cannot be made. */
enum step method_builds_on(enum step step);

/* What a link from the step means, in a sentence: "beats", "comes from",
 * "cares about", "makes obvious"; NULL for the alternatives. */
const char *method_link_verb(enum step step);

extern const char *const method_proof_kinds[PROOF_KIND_COUNT];   /* "quote", "number", "case" */
#define METHOD_TAG_COUNT 3
extern const char *const method_tags[METHOD_TAG_COUNT];  /* "today", "roadmap", "not planned" */
int method_tag_index(const char *tag);                   /* its place there, -1 for NULL or none */
extern const char *const method_style_ids[STYLE_COUNT];          /* NULL, "head-to-head", ... */
extern const char *const method_style_names[STYLE_COUNT];        /* "Head to head", ... */
int method_proof_kind_from_id(const char *id);                   /* -1 when none */
int method_style_from_id(const char *id);                        /* -1 when none */

/* A line's text after a list marker the user typed ("1. ", "2) ", "- ",
 * "* ", a bullet), and whether the marker was a number; NULL without one. */
const char *method_after_marker(const char *line, bool *numbered);
/* How a line of text the room wrote (a pitch section, the narrative) reads: an item of a
 * list (a line with a marker), a line under the item above (indented, no marker), or a
 * paragraph of its own. */
enum written_line { WRITTEN_PARAGRAPH, WRITTEN_ITEM, WRITTEN_UNDER_ITEM };
/* Calls each(ctx, kind, words) for every line of text that is not blank, in order: an
 * item's words after its marker, else the whole line (an indented one with its indent).
 * The Markdown canvas and the HTML page each write what it reads. */
void method_each_written(const char *text,
                         void (*each)(void *ctx, enum written_line kind, const char *words),
                         void *ctx);

/* Whether every line of a decision that is not blank has a number as its marker:
 * the room's order matters then, and the canvas numbers it. False with no lines. */
bool method_all_numbered(const char *decision);

/* The items of a decision: each line that is not blank, without its list
 * marker and the spaces around it, in order. *items is the caller's to free
 * (method_items_free); returns the count, 0 for NULL or an empty decision. */
size_t method_items(const char *decision, char ***items);
void method_items_free(char **items, size_t count);

/* Whether two item texts are the same item: equal once normalised
 * (similar_normalize), so a change of case or a trailing full stop keeps
 * the item and its links. */
bool method_same_item(const char *a, const char *b);

/* The index of the item of step's decision that is the same as item, or -1. */
int method_find_item(const struct session *s, enum step step, const char *item);

/* Whether s links item of step's decision to target, an item of the
 * decision it builds on (both compared with method_same_item). */
bool method_linked(const struct session *s, enum step step, const char *item, const char *target);
/* How many items of the decision step builds on item is linked to now. */
size_t method_link_count(const struct session *s, enum step step, const char *item);
/* How many proofs back item of the value decision. */
size_t method_proof_count(const struct session *s, const char *item);

/* An item's links in a line, as every screen and export writes them:
 * "beats: Spreadsheets, Zendesk", for a value theme with " \u00b7 proof: 2"
 * or " \u00b7 no proof yet", in the order of the decision it builds on;
 * "none yet" when it has no link. NULL for the alternatives. *missing (when
 * not NULL) says a link or a value theme's proof is missing. Caller frees. */
char *method_item_links(const struct session *s, enum step step, const char *item,
                        bool *missing);

/* An item as every screen and export names it: a capability not there
 * today carries its tag, "AI replies (roadmap)". Caller frees. */
char *method_item_label(const struct session *s, enum step step, const char *item);
/* The label and its links on one line, "Order lookup \u2014 beats:
 * Spreadsheets, Zendesk", for a step that builds on another; *missing as
 * method_item_links says. Caller frees. */
char *method_item_line(const struct session *s, enum step step, const char *item,
                       bool *missing);

/* A capability's tag, "today", "roadmap" or "not planned": the item's own
 * (item_tags), else the tag of the answer group of the same name (a session
 * tagged before items had tags, or a group tagged on the reveal since);
 * NULL when nobody has checked it against the product. Both are matched by
 * method_same_item. */
const char *method_capability_tag(const struct session *s, const char *capability);
/* Its tag when it is not "today" ("roadmap", "not planned"); NULL when it
 * is today or untagged. */
const char *method_not_today(const struct session *s, const char *capability);

/* A style or a proof kind as a person types it where one is asked: its
 * number (1 is the first: head to head, quote), or the start of its id or
 * name in any case. Blank is STYLE_NONE for a style (it clears it) and -1
 * for a kind; -1 for anything else. */
int method_style_from_typed(const char *text);
int method_proof_kind_from_typed(const char *text);
/* A tag as typed: 1 today, 2 roadmap, 3 not planned, or the start of one's
 * name; -1 for anything else, blank too. */
int method_tag_from_typed(const char *text);

#endif
