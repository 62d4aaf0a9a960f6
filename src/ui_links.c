/* ui_links.c: the chain of one step, over its decide screen: the step's items
 * on the left, the items of the decision they build on on the right, marked
 * where linked; Space links or unlinks the two selected. On the value step,
 * the selected theme's proof too. Also draws a decision as its items with
 * their links, for the decide screen. */
#include "layout.h"
#include "method.h"
#include "store_method.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct links_state {
    int target, target_top; /* the selected item on the right, and the first one shown */
    bool right;             /* the movement keys move the right column's selection */
    char *item;             /* the value theme a proof is being added to */
    enum proof_kind kind;   /* and the proof's kind, between its two fields */
    struct proof asked;     /* the proof a deletion asks about (copies) */
    size_t asked_index;     /* its place among the theme's proofs */
};

static struct links_state *state(struct ui *ui)
{
    return ui_state(ui, UI_LINKS);
}

/* What the step asks of its links, in a sentence. */
static const char *const questions[STEP_COUNT] = {
    [STEP_CAPABILITIES] = "Which alternatives does each capability beat?",
    [STEP_VALUE] = "Which capabilities does each value theme come from, and what proves it?",
    [STEP_CUSTOMERS] = "Which value themes does each best-fit customer trait care about most?",
    [STEP_CATEGORY] = "Which value does the category make obvious?",
};

/* The items of this step's decision and of the decision it builds on. */
struct chain_lists {
    enum step step, on;
    char **items, **targets;
    size_t count, target_count;
};

static void lists_read(const struct ui *ui, struct chain_lists *l)
{
    memset(l, 0, sizeof *l);
    l->step = (enum step)ui->step;
    l->on = method_builds_on(l->step);
    l->count = method_items(ui->session.decisions[l->step], &l->items);
    if (l->on != STEP_COUNT)
        l->target_count = method_items(ui->session.decisions[l->on], &l->targets);
}

static void lists_free(struct chain_lists *l)
{
    method_items_free(l->items, l->count);
    method_items_free(l->targets, l->target_count);
}

int ui_draw_decision(struct ui *ui, int step, int y, int x, int width, int max_rows)
{
    const struct session *s = &ui->session;
    char **items;
    size_t n = method_items(s->decisions[step], &items);
    enum step on = method_builds_on((enum step)step);
    bool linkable = on != STEP_COUNT && s->decisions[on];
    /* more items than rows: the last row says how many more there are */
    size_t shown = (int)n > max_rows ? (size_t)(max_rows > 1 ? max_rows - 1 : 0) : n;
    int used = 0, spare = max_rows - (int)n; /* rows to wrap a long item in */
    attr_t good = ui_attr(ui, C_GOOD) | A_BOLD;
    for (size_t i = 0; i < shown; i++) {
        ui_put(y + used, x, 2, "\u2022", good);
        /* a capability the product cannot back today says so, as on the links screen */
        char *label = method_item_label(s, (enum step)step, items[i]);
        if (!linkable) { /* nothing to link to: a long item wraps as far as rows are spare */
            int rows = ui_put_wrapped(y + used, x + 2, width - 2, 1 + (spare > 0 ? spare : 0),
                                      label, good);
            spare -= rows - 1;
            used += rows;
            free(label);
            continue;
        }
        bool missing;
        char *summary = method_item_links(s, (enum step)step, items[i], &missing);
        char *tail = xasprintf(" \u2014 %s", summary), *safe = text_sanitize(tail, false);
        /* the item keeps at least 3/5 of the row; its links take what it leaves */
        int room = width - 2, item_width = room - text_width(safe);
        free(safe);
        item_width = item_width < room * 3 / 5 ? room * 3 / 5 : item_width;
        int w = ui_put(y + used, x + 2, item_width, label, good);
        ui_put(y + used, x + 2 + w, room - w, tail,
               missing ? ui_attr(ui, C_WARN) : ui_attr(ui, C_NORMAL));
        free(tail);
        free(summary);
        free(label);
        used++;
    }
    if (shown < n) {
        char more[64];
        snprintf(more, sizeof more, "\u2026 and %zu more", n - shown);
        ui_put(y + used++, x, width, more, ui_attr(ui, C_DIM));
    }
    method_items_free(items, n);
    return used;
}

/* --- the screen ------------------------------------------------------------------------- */

/* Says what is missing instead of the columns; returns true when it did. */
static bool draw_missing(struct ui *ui, const struct chain_lists *l, int y)
{
    const char *title = ui->steps[l->step].title;
    if (l->on == STEP_COUNT) {
        ui_put_wrapped(y, 2, COLS - 4, 3, "The alternatives build on nothing: the capabilities "
                       "link back to them, on the capabilities' decide screen (] goes on).",
                       ui_attr(ui, C_NORMAL));
        return true;
    }
    char line[300];
    if (!l->count) {
        snprintf(line, sizeof line, "The %s step is not decided yet, so it has no items to "
                 "link. q goes back to its decision.", title);
        ui_put_wrapped(y, 2, COLS - 4, 3, line, ui_attr(ui, C_WARN));
        return true;
    }
    if (!l->target_count) {
        snprintf(line, sizeof line, "Nothing to link to yet: the %s step, which this one builds "
                 "on, is not decided. Enter goes to its decide screen.", ui->steps[l->on].title);
        ui_put_wrapped(y, 2, COLS - 4, 3, line, ui_attr(ui, C_WARN));
        return true;
    }
    return false;
}

/* The proofs of item, in order, as pointers into the session (caller frees the list). */
static size_t proofs_of(const struct session *s, const char *item, const struct proof ***out)
{
    size_t n = 0;
    *out = xcalloc(s->proof_count + 1, sizeof **out);
    for (size_t i = 0; i < s->proof_count; i++)
        if (method_same_item(s->proofs[i].item, item))
            (*out)[n++] = &s->proofs[i];
    return n;
}

/* The selected value theme's proof, from row y up to the bottom line. */
static void draw_proof(struct ui *ui, const char *item, int y, int rows)
{
    const struct proof **list;
    size_t n = proofs_of(&ui->session, item, &list);
    char *title = xasprintf("Proof of \"%s\"%s:", item,
                            !ui_allows(ui, ACT_ADD) ? "" : n ? " (a adds, d deletes)" : " (a adds)");
    ui_put(y++, 2, COLS - 4, title, ui_attr(ui, C_TITLE));
    free(title);
    if (!n)
        ui_put(y, 4, COLS - 6, "None yet: a customer's words, a number or a case would back it.",
               ui_attr(ui, C_WARN));
    size_t shown = (int)n > rows - 1 ? (size_t)(rows > 2 ? rows - 2 : 0) : n;
    for (size_t i = 0; i < shown; i++) {
        ui_put(y + (int)i, 4, 8, method_proof_kinds[list[i]->kind], ui_attr(ui, C_DIM));
        ui_put(y + (int)i, 13, COLS - 15, list[i]->text, ui_attr(ui, C_NORMAL));
    }
    if (shown < n) {
        char more[64];
        snprintf(more, sizeof more, "\u2026 and %zu more", n - shown);
        ui_put(y + (int)shown, 4, COLS - 6, more, ui_attr(ui, C_DIM));
    }
    free(list);
}

/* One column's row: a mark for the selection (filled when the column has
 * the keys), then the text. */
static void draw_row(struct ui *ui, int y, int x, int width, const char *text, bool selected,
                     bool focused, attr_t attr)
{
    if (selected && focused) {
        attr = ui_attr(ui, C_SELECTED);
        ui_fill(y, x, width, attr);
    }
    ui_put(y, x, 2, selected ? "\u203a" : " ", selected ? attr | A_BOLD : attr);
    ui_put(y, x + 2, width - 2, text, selected ? attr | A_BOLD : attr);
}

static void links_draw(struct ui *ui)
{
    struct links_state *st = state(ui);
    char where[120];
    snprintf(where, sizeof where, "Links %d of %d: %s", ui->step + 1, STEP_COUNT,
             ui->steps[ui->step].title);
    ui_draw_session_header(ui, where);
    struct chain_lists l;
    lists_read(ui, &l);
    int y = 2;
    if (questions[l.step])
        y += ui_put_wrapped(y, 2, COLS - 4, 2, questions[l.step], A_BOLD);
    y++;
    if (draw_missing(ui, &l, y)) {
        lists_free(&l);
        return;
    }
    ui->cursor = layout_clamp(ui->cursor, 0, (int)l.count - 1);
    st->target = layout_clamp(st->target, 0, (int)l.target_count - 1);
    const char *item = l.items[ui->cursor];
    bool value = l.step == STEP_VALUE;
    int proof_rows = value ? (LINES >= 30 ? 6 : 4) : 0;
    int height = LINES - y - 3 - (proof_rows ? proof_rows + 1 : 0);
    int lw = (COLS - 5) / 2, rx = 2 + lw + 3, rw = COLS - rx - 2;

    /* the headings: this step's title and its counts; the selected item's verb */
    ui_put(y, 2, lw - 12, ui->steps[l.step].title, ui_attr(ui, C_TITLE));
    ui_put(y, 2 + lw - (value ? 12 : 5), 12, value ? "links  proof" : "links", ui_attr(ui, C_DIM));
    char *verb = xasprintf("\"%s\" %s:", item, method_link_verb(l.step));
    ui_put(y, rx, rw, verb, ui_attr(ui, C_TITLE));
    free(verb);
    y++;
    for (int r = 0; r < height; r++)
        mvaddstr(y + r, 2 + lw + 1, "\u2502");

    layout_keep_visible(ui->cursor, (int)l.count, height, &ui->top);
    ui->list_y = y, ui->list_x0 = 2, ui->list_x1 = 2 + lw, ui->list_step = 1;
    ui->list_count = (int)l.count;
    for (int r = 0; r < height && ui->top + r < (int)l.count; r++) {
        int i = ui->top + r;
        size_t links = method_link_count(&ui->session, l.step, l.items[i]);
        size_t proofs = value ? method_proof_count(&ui->session, l.items[i]) : 0;
        bool missing = !links || (value && !proofs);
        draw_row(ui, y + r, 2, lw - (value ? 13 : 6), l.items[i], i == ui->cursor, !st->right,
                 ui_attr(ui, C_NORMAL));
        char counts[40];
        if (value)
            snprintf(counts, sizeof counts, "%5zu  %5zu", links, proofs);
        else
            snprintf(counts, sizeof counts, "%5zu", links);
        ui_put(y + r, 2 + lw - (value ? 12 : 5), 12, counts,
               missing ? ui_attr(ui, C_WARN) : ui_attr(ui, C_NORMAL));
    }
    layout_keep_visible(st->target, (int)l.target_count, height, &st->target_top);
    for (int r = 0; r < height && st->target_top + r < (int)l.target_count; r++) {
        int t = st->target_top + r;
        const char *tag = value ? method_not_today(&ui->session, l.targets[t]) : NULL;
        bool on = method_linked(&ui->session, l.step, item, l.targets[t]);
        char *row = tag ? xasprintf("[%c] %s (%s)", on ? 'x' : ' ', l.targets[t], tag)
                        : xasprintf("[%c] %s", on ? 'x' : ' ', l.targets[t]);
        draw_row(ui, y + r, rx, rw, row, t == st->target, st->right,
                 on ? ui_attr(ui, C_GOOD) : ui_attr(ui, C_NORMAL));
        free(row);
    }
    if (value)
        draw_proof(ui, item, y + height + 1, proof_rows);
    lists_free(&l);
}

/* --- keys ------------------------------------------------------------------------------- */

static void toggle_link(struct ui *ui, const struct chain_lists *l)
{
    char *item = xstrdup(l->items[ui->cursor]), *target = xstrdup(l->targets[state(ui)->target]);
    bool linked = method_linked(&ui->session, l->step, item, target);
    int rc = linked ? store_unlink(ui->store, ui->session.id, l->step, item, target)
                    : store_link(ui->store, ui->session.id, l->step, item, target);
    if (rc < 0) {
        ui_store_failed(ui);
    } else {
        ui_reload(ui);
        ui_say(ui, "\"%s\" %s%s \"%s\".", item, linked ? "no longer " : "",
               method_link_verb(l->step), target);
    }
    free(item);
    free(target);
}

static void ask_delete_proof(struct ui *ui, const char *item, size_t from);

static void delete_asked_proof(struct ui *ui)
{
    struct links_state *st = state(ui);
    if (store_delete_proof(ui->store, ui->session.id, &st->asked) < 0) {
        ui_store_failed(ui);
        return;
    }
    ui_reload(ui);
    ui_say(ui, "Deleted the %s.", method_proof_kinds[st->asked.kind]);
}

static void ask_next_proof(struct ui *ui)
{
    struct links_state *st = state(ui);
    char *item = xstrdup(st->asked.item);
    ask_delete_proof(ui, item, st->asked_index + 1);
    free(item);
}

/* Asks about the from-th proof of item: y deletes it, n asks about the next. */
static void ask_delete_proof(struct ui *ui, const char *item, size_t from)
{
    struct links_state *st = state(ui);
    const struct proof **list;
    size_t n = proofs_of(&ui->session, item, &list);
    if (from >= n) {
        ui_say(ui, n ? "Nothing was changed." : "No proof for \"%s\" yet: a adds one.", item);
        free(list);
        return;
    }
    free(st->asked.item);
    free(st->asked.text);
    st->asked = (struct proof){xstrdup(list[from]->item), list[from]->kind,
                               xstrdup(list[from]->text)};
    st->asked_index = from;
    free(list);
    char *text = ui_cut(st->asked.text, 24);
    const char *kind = method_proof_kinds[st->asked.kind];
    if (n == 1)
        ui_confirm(ui, delete_asked_proof, 0, "Delete the %s \"%s\"?", kind, text);
    else
        ui_confirm(ui, delete_asked_proof, 0, "Delete proof %zu of %zu, the %s \"%s\"?%s",
                   from + 1, n, kind, text, from + 1 < n ? " (y/n; n: the next)" : "");
    if (from + 1 < n) /* n asks about the next; after the last, n keeps them all */
        ui->confirm.no = ask_next_proof;
    free(text);
}

/* Moves the right column's selection. */
static bool move_target(struct ui *ui, enum ui_action a, int count)
{
    int cursor = ui->cursor;
    ui->cursor = state(ui)->target;
    bool moved = ui_list_move(ui, a, count);
    state(ui)->target = ui->cursor;
    ui->cursor = cursor;
    return moved;
}

static void links_act(struct ui *ui, enum ui_action a)
{
    struct links_state *st = state(ui);
    struct chain_lists l;
    lists_read(ui, &l);
    bool both = l.count && l.target_count;
    if (st->right && both ? move_target(ui, a, (int)l.target_count)
                          : ui_list_move(ui, a, (int)l.count)) {
        lists_free(&l);
        return;
    }
    ui->cursor = layout_clamp(ui->cursor, 0, (int)l.count - 1);
    switch (a) {
    case ACT_LEFT: st->right = false; break;
    case ACT_RIGHT: st->right = both; break;
    case ACT_SIDE: st->right = both && !st->right; break;
    case ACT_LINK:
        if (both)
            toggle_link(ui, &l);
        else
            ui_error(ui, "There is nothing to link here yet.");
        break;
    case ACT_OPEN:
        if (l.on != STEP_COUNT)
            ui_go(ui, UI_DECIDE, l.on);
        break;
    case ACT_ADD:
        if (l.step != STEP_VALUE || !l.count) {
            ui_error(ui, "Proof backs a value theme: it is added on the value step's links.");
            break;
        }
        free(st->item);
        st->item = xstrdup(l.items[ui->cursor]);
        ui_ask(ui, P_PROOF_KIND, "Proof: 1 a customer's words (quote)  2 a number  3 a case:",
               "", 20, false);
        break;
    case ACT_DELETE:
        if (l.step == STEP_VALUE && l.count)
            ask_delete_proof(ui, l.items[ui->cursor], 0);
        break;
    default: break;
    }
    lists_free(&l);
}

static void links_field_done(struct ui *ui, enum ui_purpose p, char *text)
{
    struct links_state *st = state(ui);
    if (p == P_PROOF_KIND) {
        int kind = method_proof_kind_from_typed(text);
        if (kind < 0) {
            ui_ask(ui, P_PROOF_KIND, "Type 1, 2 or 3: 1 quote  2 number  3 case:", "", 20, false);
            return;
        }
        st->kind = (enum proof_kind)kind;
        char prompt[120];
        snprintf(prompt, sizeof prompt, "The %s:", method_proof_kinds[kind]);
        ui_ask(ui, P_PROOF, prompt, "", 1000, false);
    } else if (p == P_PROOF && st->item) {
        if (store_add_proof(ui->store, ui->session.id, st->item, st->kind, text) < 0) {
            ui_store_failed(ui);
            return;
        }
        ui_reload(ui);
        ui_say(ui, "Added a %s to \"%s\". a adds another.", method_proof_kinds[st->kind],
               st->item);
    }
}

static bool links_offers(const struct ui *ui, enum ui_action a)
{
    enum step on = method_builds_on((enum step)ui->step);
    bool both = on != STEP_COUNT && ui->session.decisions[ui->step] && ui->session.decisions[on];
    switch (a) {
    case ACT_LINK: case ACT_SIDE: case ACT_LEFT: case ACT_RIGHT: return both;
    case ACT_ADD: case ACT_DELETE: return ui->step == STEP_VALUE && ui->session.decisions[ui->step];
    case ACT_OPEN: return on != STEP_COUNT;
    default: return true;
    }
}

/* Each opening starts on the left, from the first item. */
static void links_leave(struct ui *ui)
{
    struct links_state *st = state(ui);
    st->target = st->target_top = 0;
    st->right = false;
}

static void links_free(void *p)
{
    struct links_state *st = p;
    free(st->item);
    free(st->asked.item);
    free(st->asked.text);
}

const struct ui_screen_ops ui_links_screen = {
    .name = "links",
    .flags = UI_IN_SESSION | UI_OVERLAY,
    .state_size = sizeof(struct links_state),
    .draw = links_draw,
    .act = links_act,
    .field_done = links_field_done,
    .leave = links_leave,
    .free = links_free,
    .offers = links_offers,
};
