/* store_method.h: the method's chain in the store: links between decisions'
 * items, proof behind value themes, each decision's why and dissent, the
 * champion and the positioning style. Each change is one transaction. */
#ifndef SAMESONG_STORE_METHOD_H
#define SAMESONG_STORE_METHOD_H

#include "store.h"

/* Saves step's decision. Links, proof and tags whose items the new text no
 * longer has are dropped in the same transaction; *dropped (when not NULL)
 * gets a line naming the items that went ("2 links and 1 proof dropped
 * (Fast): no longer in the decision."), or NULL when none was. An item
 * kept in other case or punctuation keeps its links and its tag
 * (method_same_item). A capability item with no tag of its own takes the
 * tag of the answer group of the same name. */
int store_decide(struct store *st, int64_t session_id, enum step step, const char *text,
                 char **dropped);

/* The product person's reality check of an item of the capabilities
 * decision (it must be one now): "today", "roadmap" or "not planned"; NULL
 * takes its own tag away, and its group's (method_capability_tag) counts
 * again. Kept with the item when the decision is edited, dropped with it. */
int store_tag_item(struct store *st, int64_t session_id, const char *item, const char *tag);

/* Links an item of step's decision to an item of the decision it builds on
 * (method_builds_on); both must be items now. Unlink takes it away. */
int store_link(struct store *st, int64_t session_id, enum step step, const char *item,
               const char *target);
int store_unlink(struct store *st, int64_t session_id, enum step step, const char *item,
                 const char *target);

/* Proof behind an item of the value decision. Delete takes away one proof
 * with that item, kind and text. */
int store_add_proof(struct store *st, int64_t session_id, const char *item, enum proof_kind kind,
                    const char *text);
int store_delete_proof(struct store *st, int64_t session_id, const struct proof *proof);

/* Why the room chose step's decision (decided first); NULL or "" clears it. */
int store_set_rationale(struct store *st, int64_t session_id, enum step step, const char *why);

/* Someone who does not agree with step's decision, and what they say. */
int store_add_dissent(struct store *st, int64_t session_id, enum step step, const char *who,
                      const char *what);
int store_delete_dissent(struct store *st, int64_t session_id, const struct dissent *dissent);

/* The champion inside a best-fit customer (role, and why they care; NULL
 * role clears both), and the positioning style with its rationale. */
int store_set_champion(struct store *st, int64_t session_id, const char *role, const char *why);
int store_set_style(struct store *st, int64_t session_id, enum positioning_style style,
                    const char *why);

#endif
