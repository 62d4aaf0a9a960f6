/* store_method.c: links between decisions' items, the capabilities' tags,
 * proof, why and dissent, the champion and the positioning style. */
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

/* What an edit can drop with an item: its links, its proof, its tag. */
enum dropped_kind { DROPPED_LINK, DROPPED_PROOF, DROPPED_TAG, DROPPED_KINDS };

/* What an edit dropped, by the item that went: how many of each kind. */
struct dropped_item {
    char *text;
    size_t counts[DROPPED_KINDS];
};
struct dropped {
    struct dropped_item *items;
    size_t count, cap;
};

static void note_dropped(struct dropped *d, const char *text, enum dropped_kind kind)
{
    struct dropped_item *it = NULL;
    for (size_t i = 0; i < d->count && !it; i++)
        if (!strcmp(d->items[i].text, text))
            it = &d->items[i];
    if (!it) {
        it = array_push(&d->items, &d->count, &d->cap, sizeof *it);
        *it = (struct dropped_item){xstrdup(text), {0}};
    }
    it->counts[kind]++;
}

/* "3 links, 1 proof and 1 tag dropped (A, B): no longer in the decision."
 * (caller frees), short so it reads whole on the bottom line, or NULL when
 * nothing was; frees the list. */
static char *dropped_message(struct dropped *d)
{
    static const char *const nouns[DROPPED_KINDS] = {"link", "proof", "tag"};
    char *message = NULL;
    if (d->count) {
        size_t counts[DROPPED_KINDS] = {0}, kinds = 0, said = 0;
        for (size_t i = 0; i < d->count; i++)
            for (int k = 0; k < DROPPED_KINDS; k++)
                counts[k] += d->items[i].counts[k];
        for (int k = 0; k < DROPPED_KINDS; k++)
            kinds += counts[k] > 0;
        struct strbuf b = {0};
        for (int k = 0; k < DROPPED_KINDS; k++)
            if (counts[k])
                strbuf_printf(&b, "%s%zu %s%s", !said++ ? "" : said == kinds ? " and " : ", ",
                              counts[k], nouns[k], counts[k] == 1 ? "" : "s");
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
                        const char *update_sql, const char *delete_sql,
                        enum dropped_kind kind, struct dropped *dropped)
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
            note_dropped(dropped, rows[r].text, kind);
        rc = store_run(st, delete_sql, &a, false, "");
    }
    for (size_t r = 0; r < count; r++)
        free(rows[r].text);
    free(rows);
    return rc;
}

/* The items of the capabilities decision that have no tag of their own take
 * the tag of the answer group of the same name: what the product person said
 * on the reveal carries to the decision. */
static int carry_group_tags(struct store *st, int64_t session_id, char *const *items, size_t n)
{
    struct named_row *tagged, *groups;
    size_t ntagged, ngroups;
    int rc = named_rows(st, session_id, "", "SELECT rowid, item FROM item_tags WHERE"
                                            " session_id = ?1 AND ?2 = ?2", &tagged, &ntagged);
    if (named_rows(st, session_id, "", "SELECT rowid, grp || char(10) || tag FROM"
                                       " capability_tags WHERE session_id = ?1 AND ?2 = ?2",
                   &groups, &ngroups) < 0)
        rc = -1;
    bool *carried = xcalloc(n + 1, sizeof *carried);
    for (size_t i = 0; i < n && rc == 0; i++) {
        bool has = false;
        for (size_t t = 0; t < ntagged && !has; t++)
            has = method_same_item(tagged[t].text, items[i]);
        for (size_t j = 0; j < i && !has; j++) /* the same item twice: tagged once */
            has = carried[j] && method_same_item(items[j], items[i]);
        for (size_t g = 0; g < ngroups && !has; g++) {
            char *tag = strrchr(groups[g].text, '\n'); /* a label is one line */
            *tag = '\0';
            if (method_same_item(groups[g].text, items[i])) {
                struct store_args a = {.session = session_id, .name = items[i], .text = tag + 1};
                rc = store_run(st, "INSERT OR IGNORE INTO item_tags (session_id, item, tag)"
                                   " VALUES (:session, :name, :text)", &a, false, "");
                has = carried[i] = true;
            }
            *tag = '\n';
        }
    }
    for (size_t r = 0; r < ntagged; r++)
        free(tagged[r].text);
    for (size_t r = 0; r < ngroups; r++)
        free(groups[r].text);
    free(tagged);
    free(groups);
    free(carried);
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
                          "DELETE FROM decision_links WHERE rowid = :id", DROPPED_LINK, &gone);
    for (int d = 0; d < STEP_COUNT && rc == 0; d++)
        if (method_builds_on((enum step)d) == step)
            rc = follow_items(st, session_id, session_steps[d].id, items, n,
                              "SELECT rowid, target FROM decision_links WHERE session_id = ?"
                              " AND step = ?",
                              "UPDATE decision_links SET target = :text WHERE rowid = :id",
                              "DELETE FROM decision_links WHERE rowid = :id", DROPPED_LINK,
                              &gone);
    if (rc == 0 && step == STEP_VALUE)
        rc = follow_items(st, session_id, id, items, n,
                          "SELECT rowid, item FROM proofs WHERE session_id = ?1 AND ?2 = ?2",
                          "UPDATE proofs SET item = :text WHERE rowid = :id",
                          "DELETE FROM proofs WHERE rowid = :id", DROPPED_PROOF, &gone);
    if (rc == 0 && step == STEP_CAPABILITIES)
        rc = follow_items(st, session_id, id, items, n,
                          "SELECT rowid, item FROM item_tags WHERE session_id = ?1 AND ?2 = ?2",
                          "UPDATE item_tags SET item = :text WHERE rowid = :id",
                          "DELETE FROM item_tags WHERE rowid = :id", DROPPED_TAG, &gone);
    if (rc == 0 && step == STEP_CAPABILITIES)
        rc = carry_group_tags(st, session_id, items, n);
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

int store_tag_item(struct store *st, int64_t session_id, const char *item, const char *tag)
{
    if (tag && method_tag_index(tag) < 0)
        return store_fail(st, "\"%s\" is not a tag; tags are today, roadmap, not planned", tag);
    if (store_begin_change(st, session_id) < 0)
        return -1;
    char *found = find_item(st, session_id, STEP_CAPABILITIES, item);
    int rc = found ? 0 : -1;
    struct store_args a = {.session = session_id, .name = found, .text = tag};
    struct named_row *rows = NULL;
    size_t count = 0;
    if (rc == 0) /* the item's own tag, however its row writes the item */
        rc = named_rows(st, session_id, "", "SELECT rowid, item FROM item_tags WHERE"
                                            " session_id = ?1 AND ?2 = ?2", &rows, &count);
    for (size_t r = 0; r < count; r++) {
        struct store_args old = {.id = rows[r].rowid};
        if (rc == 0 && method_same_item(rows[r].text, found))
            rc = store_run(st, "DELETE FROM item_tags WHERE rowid = :id", &old, false, "");
        free(rows[r].text);
    }
    free(rows);
    if (rc == 0 && tag)
        rc = store_run(st, "INSERT INTO item_tags (session_id, item, tag)"
                           " VALUES (:session, :name, :text)", &a, false, "");
    char *detail = found ? xasprintf("%s: %s", found, tag ? tag : "none") : NULL;
    rc = store_end_change(st, rc, session_id, 0, tag ? "tag" : "untag", detail);
    free(detail);
    free(found);
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
