/* store_load_method.c: reading a session's chain: links between its
 * decisions' items, the capabilities' tags, proof, dissent, the champion
 * and the style. */
#include "method.h"
#include "store_internal.h"
#include "util.h"

#include <string.h>

static void take_link(sqlite3_stmt *stmt, struct session *s)
{
    if (step_from_id((const char *)sqlite3_column_text(stmt, 0)) < 0)
        return; /* a step this samesong does not know: the file was changed behind its back */
    struct decision_link *l = array_push(&s->links, &s->link_count, &s->link_cap, sizeof *l);
    l->step = (enum step)step_from_id((const char *)sqlite3_column_text(stmt, 0));
    l->item = store_column_text(stmt, 1);
    l->target = store_column_text(stmt, 2);
}

static void take_proof(sqlite3_stmt *stmt, struct session *s)
{
    if (method_proof_kind_from_id((const char *)sqlite3_column_text(stmt, 1)) < 0)
        return; /* as take_link */
    struct proof *p = array_push(&s->proofs, &s->proof_count, &s->proof_cap, sizeof *p);
    p->item = store_column_text(stmt, 0);
    p->kind = (enum proof_kind)method_proof_kind_from_id((const char *)sqlite3_column_text(stmt, 1));
    p->text = store_column_text(stmt, 2);
}

static void take_item_tag(sqlite3_stmt *stmt, struct session *s)
{
    struct item_tag *t =
        array_push(&s->item_tags, &s->item_tag_count, &s->item_tag_cap, sizeof *t);
    t->item = store_column_text(stmt, 0);
    t->tag = store_column_text(stmt, 1);
}

static void take_dissent(sqlite3_stmt *stmt, struct session *s)
{
    if (step_from_id((const char *)sqlite3_column_text(stmt, 0)) < 0)
        return; /* as take_link */
    struct dissent *d = array_push(&s->dissents, &s->dissent_count, &s->dissent_cap, sizeof *d);
    d->step = (enum step)step_from_id((const char *)sqlite3_column_text(stmt, 0));
    d->who = store_column_text(stmt, 1);
    d->what = store_column_text(stmt, 2);
}

static void take_positioning(sqlite3_stmt *stmt, struct session *s)
{
    s->champion_role = store_column_text(stmt, 0);
    s->champion_why = store_column_text(stmt, 1);
    const char *style = (const char *)sqlite3_column_text(stmt, 2);
    int known = style ? method_style_from_id(style) : -1;
    s->style = known >= 0 ? (enum positioning_style)known : STYLE_NONE;
    s->style_why = store_column_text(stmt, 3);
}

int store_load_method(struct store *st, struct session *out)
{
    /* in the decisions' order, so every reader lists them the same way */
    int rc = store_each_row(st, "SELECT l.step, l.item, l.target FROM decision_links l"
                          " JOIN steps t ON t.id = l.step WHERE l.session_id = ?1"
                          " ORDER BY t.position, l.rowid",
                      out->id, take_link, out, "cannot read the links");
    if (rc == 0)
        rc = store_each_row(st, "SELECT item, kind, text FROM proofs WHERE session_id = ?1 ORDER BY id",
                      out->id, take_proof, out, "cannot read the proof");
    if (rc == 0)
        rc = store_each_row(st, "SELECT item, tag FROM item_tags WHERE session_id = ?1 ORDER BY item",
                            out->id, take_item_tag, out, "cannot read the capabilities' tags");
    if (rc == 0)
        rc = store_each_row(st, "SELECT d.step, d.who, d.what FROM dissents d"
                          " JOIN steps t ON t.id = d.step WHERE d.session_id = ?1"
                          " ORDER BY t.position, d.id",
                      out->id, take_dissent, out, "cannot read the dissent");
    if (rc == 0)
        rc = store_each_row(st, "SELECT champion_role, champion_why, style, style_why FROM positioning"
                          " WHERE session_id = ?1",
                      out->id, take_positioning, out, "cannot read the positioning");
    return rc;
}
