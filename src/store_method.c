/* store_method.c: links between decisions' items, proof, why and dissent,
 * the champion and the positioning style. */
#include "store_method.h"
#include "method.h"
#include "store_internal.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The items of step's decision now, inside the caller's transaction. */
static int decision_items(struct store *st, int64_t session_id, enum step step, char ***items,
                          size_t *count)
{
    *items = NULL;
    *count = 0;
    sqlite3_stmt *stmt =
        store_prepare(st, "SELECT text FROM decisions WHERE session_id = ? AND step = ?");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    sqlite3_bind_text(stmt, 2, session_steps[step].id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *count = method_items((const char *)sqlite3_column_text(stmt, 0), items);
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read a decision");
}

/* The item of step's decision that text names, as the decision writes it
 * (caller frees), or NULL with the error set. */
static char *find_item(struct store *st, int64_t session_id, enum step step, const char *text)
{
    char **items;
    size_t n;
    if (decision_items(st, session_id, step, &items, &n) < 0)
        return NULL;
    char *found = NULL;
    for (size_t i = 0; i < n && !found; i++)
        if (method_same_item(items[i], text))
            found = xstrdup(items[i]);
    method_items_free(items, n);
    if (!found)
        store_fail(st, n ? "\"%s\" is not an item of the %s decision"
                         : "\"%s\" is not an item: the %s step is not decided yet",
                   text, session_steps[step].id);
    return found;
}

/* The rows select_sql finds (rowid, text), read whole before any changes. */
struct named_row {
    int64_t rowid;
    char *text;
};

static int named_rows(struct store *st, int64_t session_id, const char *step_id,
                      const char *select_sql, struct named_row **rows, size_t *count)
{
    size_t cap = 0;
    *rows = NULL;
    *count = 0;
    sqlite3_stmt *stmt = store_prepare(st, select_sql);
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    sqlite3_bind_text(stmt, 2, step_id, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct named_row *r = array_push(rows, count, &cap, sizeof *r);
        r->rowid = sqlite3_column_int64(stmt, 0);
        r->text = store_column_text(stmt, 1);
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot read the links");
}

/* What an edit dropped, by the item that went: how many links and proofs. */
struct dropped_item {
    char *text;
    size_t links, proofs;
};
struct dropped {
    struct dropped_item *items;
    size_t count, cap;
};

static void note_dropped(struct dropped *d, const char *text, bool proof)
{
    struct dropped_item *it = NULL;
    for (size_t i = 0; i < d->count && !it; i++)
        if (!strcmp(d->items[i].text, text))
            it = &d->items[i];
    if (!it) {
        it = array_push(&d->items, &d->count, &d->cap, sizeof *it);
        *it = (struct dropped_item){xstrdup(text), 0, 0};
    }
    *(proof ? &it->proofs : &it->links) += 1;
}

/* "3 links and 1 proof dropped (A, B): no longer in the decision." (caller
 * frees), short so it reads whole on the bottom line, or NULL when nothing
 * was; frees the list. */
static char *dropped_message(struct dropped *d)
{
    char *message = NULL;
    if (d->count) {
        size_t links = 0, proofs = 0;
        for (size_t i = 0; i < d->count; i++)
            links += d->items[i].links, proofs += d->items[i].proofs;
        struct strbuf b = {0};
        if (links)
            strbuf_printf(&b, "%zu link%s", links, links == 1 ? "" : "s");
        if (proofs)
            strbuf_printf(&b, "%s%zu proof%s", links ? " and " : "", proofs,
                          proofs == 1 ? "" : "s");
        strbuf_puts(&b, " dropped (");
        for (size_t i = 0; i < d->count; i++)
            strbuf_printf(&b, "%s%s", i ? ", " : "", d->items[i].text);
        strbuf_puts(&b, "): no longer in the decision.");
        message = strbuf_take(&b);
    }
    for (size_t i = 0; i < d->count; i++)
        free(d->items[i].text);
    free(d->items);
    return message;
}

/* Each row that names an item, found by select_sql, follows the items the
 * decision has now: to the item's new text when it is still there in
 * another case, or away, noted in dropped. */
static int follow_items(struct store *st, int64_t session_id, const char *step_id,
                        char *const *items, size_t n, const char *select_sql,
                        const char *update_sql, const char *delete_sql, bool proofs,
                        struct dropped *dropped)
{
    struct named_row *rows;
    size_t count;
    int rc = named_rows(st, session_id, step_id, select_sql, &rows, &count);
    for (size_t r = 0; r < count && rc == 0; r++) {
        const char *now = NULL;
        for (size_t i = 0; i < n && !now; i++)
            if (method_same_item(items[i], rows[r].text))
                now = items[i];
        if (now && !strcmp(now, rows[r].text))
            continue;
        struct store_args a = {.id = rows[r].rowid, .text = now};
        if (now && store_run(st, update_sql, &a, false, "") == 0)
            continue;
        /* gone, or now the same as another row (a link made twice): it goes */
        if (!now)
            note_dropped(dropped, rows[r].text, proofs);
        rc = store_run(st, delete_sql, &a, false, "");
    }
    for (size_t r = 0; r < count; r++)
        free(rows[r].text);
    free(rows);
    return rc;
}

/* After step's decision changed: its links, the links to it, and (for the
 * value step) its proof follow its items. */
static int follow_decision(struct store *st, int64_t session_id, enum step step, char **dropped)
{
    char **items;
    size_t n;
    if (decision_items(st, session_id, step, &items, &n) < 0)
        return -1;
    struct dropped gone = {0};
    const char *id = session_steps[step].id;
    int rc = follow_items(st, session_id, id, items, n,
                          "SELECT rowid, item FROM decision_links WHERE session_id = ?"
                          " AND step = ?",
                          "UPDATE decision_links SET item = :text WHERE rowid = :id",
                          "DELETE FROM decision_links WHERE rowid = :id", false, &gone);
    for (int d = 0; d < STEP_COUNT && rc == 0; d++)
        if (method_builds_on((enum step)d) == step)
            rc = follow_items(st, session_id, session_steps[d].id, items, n,
                              "SELECT rowid, target FROM decision_links WHERE session_id = ?"
                              " AND step = ?",
                              "UPDATE decision_links SET target = :text WHERE rowid = :id",
                              "DELETE FROM decision_links WHERE rowid = :id", false, &gone);
    if (rc == 0 && step == STEP_VALUE)
        rc = follow_items(st, session_id, id, items, n,
                          "SELECT rowid, item FROM proofs WHERE session_id = ?1 AND ?2 = ?2",
                          "UPDATE proofs SET item = :text WHERE rowid = :id",
                          "DELETE FROM proofs WHERE rowid = :id", true, &gone);
    method_items_free(items, n);
    char *message = dropped_message(&gone);
    if (rc == 0 && dropped)
        *dropped = message;
    else
        free(message);
    return rc;
}

int store_decide(struct store *st, int64_t session_id, enum step step, const char *text,
                 char **dropped)
{
    if (dropped)
        *dropped = NULL;
    char *clean = store_checked_text(st, "decision", text, &TEXT_DECISION);
    if (!clean)
        return -1;
    if (store_begin_change(st, session_id) < 0) {
        free(clean);
        return -1;
    }
    struct store_args a = {.session = session_id, .step = session_steps[step].id, .text = clean};
    int rc = store_run(st,
                       "INSERT INTO decisions (session_id, step, text)"
                       " VALUES (:session, :step, :text)"
                       " ON CONFLICT (session_id, step) DO UPDATE SET text = excluded.text,"
                       " decided_at = excluded.decided_at",
                       &a, true, "cannot save the decision");
    if (rc == 0)
        rc = follow_decision(st, session_id, step, dropped);
    rc = store_end_change(st, rc, session_id, 0, "decide", session_steps[step].id);
    if (rc < 0 && dropped) {
        free(*dropped);
        *dropped = NULL;
    }
    free(clean);
    return rc;
}

/* Both ends of a link, as their decisions write them, checked. */
static int link_ends(struct store *st, int64_t session_id, enum step step, const char *item,
                     const char *target, char **item_out, char **target_out)
{
    *item_out = *target_out = NULL;
    enum step to = method_builds_on(step);
    if (to == STEP_COUNT)
        return store_fail(st, "the alternatives build on no other step");
    if (!(*item_out = find_item(st, session_id, step, item)) ||
        !(*target_out = find_item(st, session_id, to, target))) {
        free(*item_out);
        *item_out = NULL;
        return -1;
    }
    return 0;
}

static int change_link(struct store *st, int64_t session_id, enum step step, const char *item,
                       const char *target, bool linking)
{
    if (store_begin_change(st, session_id) < 0)
        return -1;
    char *from, *to;
    int rc = link_ends(st, session_id, step, item, target, &from, &to);
    char *detail = NULL;
    if (rc == 0) {
        struct store_args a = {.session = session_id, .step = session_steps[step].id,
                               .name = from, .label = to};
        rc = store_run(st, linking ? "INSERT OR IGNORE INTO decision_links"
                                     " (session_id, step, item, target)"
                                     " VALUES (:session, :step, :name, :label)"
                                   : "DELETE FROM decision_links WHERE session_id = :session"
                                     " AND step = :step AND item = :name AND target = :label",
                       &a, false, "");
        detail = xasprintf("%s -> %s", from, to);
    }
    rc = store_end_change(st, rc, session_id, 0, linking ? "link" : "unlink", detail);
    free(detail);
    free(from);
    free(to);
    return rc;
}

int store_link(struct store *st, int64_t session_id, enum step step, const char *item,
               const char *target)
{
    return change_link(st, session_id, step, item, target, true);
}

int store_unlink(struct store *st, int64_t session_id, enum step step, const char *item,
                 const char *target)
{
    return change_link(st, session_id, step, item, target, false);
}

int store_add_proof(struct store *st, int64_t session_id, const char *item, enum proof_kind kind,
                    const char *text)
{
    char *clean = store_checked_text(st, "proof", text, &TEXT_ANSWER);
    if (!clean)
        return -1;
    if (store_begin_change(st, session_id) < 0) {
        free(clean);
        return -1;
    }
    char *value = find_item(st, session_id, STEP_VALUE, item);
    int rc = value ? 0 : -1;
    if (rc == 0) {
        struct store_args a = {.session = session_id, .name = value,
                               .label = method_proof_kinds[kind], .text = clean};
        rc = store_run(st, "INSERT INTO proofs (session_id, item, kind, text)"
                           " VALUES (:session, :name, :label, :text)", &a, true, "");
    }
    rc = store_end_change(st, rc, session_id, 0, "proof", value);
    free(value);
    free(clean);
    return rc;
}

int store_delete_proof(struct store *st, int64_t session_id, const struct proof *proof)
{
    struct store_args a = {.session = session_id, .name = proof->item,
                           .label = method_proof_kinds[proof->kind], .text = proof->text};
    return store_change(st, "DELETE FROM proofs WHERE rowid = (SELECT rowid FROM proofs"
                            " WHERE session_id = :session AND item = :name AND kind = :label"
                            " AND text = :text LIMIT 1)",
                        &a, true, "that proof is not there", "unproof", proof->item);
}

/* Checked one-line text, or NULL for NULL or blank; *bad when it fails. */
static char *optional_text(struct store *st, const char *what, const char *text,
                           const struct text_rule *rule, bool *bad)
{
    *bad = false;
    if (!text || !text[strspn(text, " \t")])
        return NULL;
    char *clean = store_checked_text(st, what, text, rule);
    *bad = !clean;
    return clean;
}

int store_set_rationale(struct store *st, int64_t session_id, enum step step, const char *why)
{
    bool bad;
    char *clean = optional_text(st, "why", why, &TEXT_ANSWER, &bad);
    if (bad)
        return -1;
    struct store_args a = {.session = session_id, .step = session_steps[step].id, .text = clean};
    char missing[96];
    snprintf(missing, sizeof missing, "the %s step is not decided yet; decide it first",
             session_steps[step].id);
    int rc = store_change(st, "UPDATE decisions SET rationale = :text WHERE session_id = :session"
                              " AND step = :step", &a, true, missing, "why", a.step);
    free(clean);
    return rc;
}

int store_add_dissent(struct store *st, int64_t session_id, enum step step, const char *who,
                      const char *what)
{
    char *name = store_checked_text(st, "who", who, &TEXT_NAME);
    char *said = name ? store_checked_text(st, "dissent", what, &TEXT_ANSWER) : NULL;
    int rc = -1;
    if (said) {
        struct store_args a = {.session = session_id, .step = session_steps[step].id,
                               .name = name, .text = said};
        rc = store_change(st, "INSERT INTO dissents (session_id, step, who, what)"
                              " VALUES (:session, :step, :name, :text)", &a, true, "",
                          "dissent", a.step);
    }
    free(name);
    free(said);
    return rc;
}

int store_delete_dissent(struct store *st, int64_t session_id, const struct dissent *dissent)
{
    struct store_args a = {.session = session_id, .step = session_steps[dissent->step].id,
                           .name = dissent->who, .text = dissent->what};
    return store_change(st, "DELETE FROM dissents WHERE rowid = (SELECT rowid FROM dissents"
                            " WHERE session_id = :session AND step = :step AND who = :name"
                            " AND what = :text LIMIT 1)",
                        &a, true, "that dissent is not there", "undissent", a.step);
}

int store_set_champion(struct store *st, int64_t session_id, const char *role, const char *why)
{
    bool bad;
    char *name = optional_text(st, "champion", role, &TEXT_NAME, &bad);
    if (bad)
        return -1;
    char *because = name ? optional_text(st, "why they care", why, &TEXT_ANSWER, &bad) : NULL;
    int rc = -1;
    if (!bad) {
        struct store_args a = {.session = session_id, .name = name, .text = because};
        rc = store_change(st, "INSERT INTO positioning (session_id, champion_role, champion_why)"
                              " VALUES (:session, :name, :text) ON CONFLICT (session_id)"
                              " DO UPDATE SET champion_role = excluded.champion_role,"
                              " champion_why = excluded.champion_why",
                          &a, true, "", "champion", name ? name : "");
    }
    free(name);
    free(because);
    return rc;
}

int store_set_style(struct store *st, int64_t session_id, enum positioning_style style,
                    const char *why)
{
    bool bad = false;
    char *because = style != STYLE_NONE ? optional_text(st, "why", why, &TEXT_ANSWER, &bad)
                                        : NULL;
    if (bad)
        return -1;
    struct store_args a = {.session = session_id, .label = method_style_ids[style],
                           .text = because};
    int rc = store_change(st, "INSERT INTO positioning (session_id, style, style_why)"
                              " VALUES (:session, :label, :text) ON CONFLICT (session_id)"
                              " DO UPDATE SET style = excluded.style,"
                              " style_why = excluded.style_why",
                          &a, true, "", "style", a.label ? a.label : "");
    free(because);
    return rc;
}
