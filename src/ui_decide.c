/* ui_decide.c: the room's decision for a step, written by the facilitator,
 * perhaps starting from one of the answers (listed as groups, most named first,
 * capabilities with their tags), beside what it builds on and the room's vote;
 * shown as its items with their links (l links them), with why the room chose
 * it, any dissent, and on their steps the champion and the positioning style.
 * On the capabilities step t tags the answers' groups until there is a
 * decision, then asks about each of its items in turn. */
#include "align.h"
#include "layout.h"
#include "method.h"
#include "store_method.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* What a question of two fields keeps between them, and what a deletion asks about. */
struct decide_state {
    char *first;                    /* a dissent's who, or the champion's role */
    enum positioning_style style;   /* the style chosen, before its why */
    struct dissent asked;           /* the dissent a deletion asks about (copies) */
    size_t asked_index;             /* its place among the step's dissents */
    size_t tag_index;               /* the capability t asks about, by its place */
};

static struct decide_state *state(struct ui *ui)
{
    return ui_state(ui, UI_DECIDE);
}

/* In room mode the projector shows no one's answers before the step is
 * revealed: the decide screen, reached by [ from the next step, neither. */
static bool answers_hidden(const struct ui *ui)
{
    return ui_room_mode(ui) && !ui->room.revealed[ui->step];
}

/* The vote whose order the decide screen shows: the current round's, or
 * right after + (nobody has ranked in the new round yet) the last closed
 * round's; in room mode only a closed round of two rankings or more, so
 * that no one ranking can be read off it (as ui_room_vote_secret). */
static const struct align_vote *vote_shown(const struct ui *ui, const struct align_step *st)
{
    if (st->vote || !st->round_count)
        return st->vote;
    const struct align_vote *last = &st->rounds[st->round_count - 1];
    return ui_room_mode(ui) && !ui->session.locked && last->rankings < 2 ? NULL : last;
}

/* The room's vote order on one line ("1. A  2. B  3. C"), cut with an
 * ellipsis, or why it does not show yet; returns the rows used (none
 * without a vote). */
static int draw_vote_order(struct ui *ui, const struct align_step *st, int y)
{
    const struct align_vote *v = vote_shown(ui, st);
    if (!v || !v->candidate_count)
        return 0;
    char why[200];
    if (v == st->vote && ui_room_vote_secret(ui, ui->step, why, sizeof why)) {
        char *line = xasprintf("The room's vote: %s.", why);
        int rows = ui_put_wrapped(y, 2, COLS - 4, 2, line, ui_attr(ui, C_WARN));
        free(line);
        return rows;
    }
    struct strbuf b = {0};
    if (v == st->vote)
        strbuf_printf(&b, "The room's vote (%zu ranking%s): ", v->rankings,
                      v->rankings == 1 ? "" : "s");
    else
        strbuf_printf(&b, "Round %d's vote (%zu ranking%s; none yet in round %d): ", v->round,
                      v->rankings, v->rankings == 1 ? "" : "s", st->round);
    for (size_t i = 0; i < v->candidate_count; i++)
        strbuf_printf(&b, "%s%zu. %s", i ? "  " : "", i + 1, v->order[i].label);
    char *line = strbuf_take(&b);
    ui_put(y, 2, COLS - 4, line, ui_attr(ui, C_TITLE));
    free(line);
    return 1;
}

/* "Label: text" on one line, the label as a title; text NULL: the invitation
 * instead, dimmed, when this session takes it, else nothing. Returns the rows used. */
static int draw_note(struct ui *ui, int y, const char *label, const char *text,
                     const char *invitation, enum ui_action a)
{
    if (!text && !ui_allows(ui, a))
        return 0;
    int w = ui_put(y, 4, COLS - 6, label, ui_attr(ui, C_TITLE));
    ui_put(y, 4 + w + 1, COLS - 7 - w, text ? text : invitation,
           text ? ui_attr(ui, C_NORMAL) : ui_attr(ui, C_DIM));
    return 1;
}

/* "role \u2014 why", or the first alone (caller frees); NULL for no first. */
static char *with_why(const char *first, const char *why)
{
    return !first ? NULL : why ? xasprintf("%s \u2014 %s", first, why) : xstrdup(first);
}

/* Why the room chose the decision and who does not agree; on the customers
 * step the champion, on the category step the style. A row each. */
static int draw_notes(struct ui *ui, int y)
{
    const struct session *s = &ui->session;
    int rows = 0;
    if (s->decisions[ui->step]) {
        struct strbuf b = {0};
        size_t dissents = 0;
        for (size_t i = 0; i < s->dissent_count; i++)
            if ((int)s->dissents[i].step == ui->step)
                strbuf_printf(&b, "%s%s: %s", dissents++ ? " \u00b7 " : "", s->dissents[i].who,
                              s->dissents[i].what);
        char *list = strbuf_take(&b);
        rows += draw_note(ui, y + rows, "Why:", s->rationale[ui->step],
                          dissents ? "not said yet (w writes it)"
                                   : "not said yet (w writes it; D notes a dissent)", ACT_WHY);
        char label[32] = "Dissent:"; /* counted, for when the line is cut */
        if (dissents > 1)
            snprintf(label, sizeof label, "Dissent (%zu):", dissents);
        if (dissents)
            rows += draw_note(ui, y + rows, label, list, NULL, ACT_DISSENT);
        free(list);
    }
    char *text = NULL;
    if (ui->step == STEP_CUSTOMERS) {
        text = with_why(s->champion_role, s->champion_why);
        rows += draw_note(ui, y + rows, "Champion:", text, "not named yet (c names one)",
                          ACT_CHAMPION);
    } else if (ui->step == STEP_CATEGORY) {
        text = with_why(s->style ? method_style_names[s->style] : NULL, s->style_why);
        rows += draw_note(ui, y + rows, "Style:", text, "not chosen yet (s chooses one)",
                          ACT_STYLE);
    }
    free(text);
    return rows;
}

/* The decided capabilities nobody has tagged yet, " \u00b7 " between them
 * (caller frees), or NULL when every one is tagged. */
static char *untagged_items(const struct session *s)
{
    char **items;
    size_t n = method_items(s->decisions[STEP_CAPABILITIES], &items), untagged = 0;
    struct strbuf b = {0};
    for (size_t i = 0; i < n; i++)
        if (!method_capability_tag(s, items[i]))
            strbuf_printf(&b, "%s%s", untagged++ ? " \u00b7 " : "", items[i]);
    method_items_free(items, n);
    char *list = strbuf_take(&b);
    if (!untagged) {
        free(list);
        list = NULL;
    }
    return list;
}

/* On the capabilities step, the decided capabilities not checked against the
 * product: a value theme resting on one is a break in the chain. */
static int draw_untagged(struct ui *ui, int y)
{
    if (ui->step != STEP_CAPABILITIES || !ui->session.decisions[STEP_CAPABILITIES])
        return 0;
    char *list = untagged_items(&ui->session);
    if (!list)
        return 0;
    int w = ui_put(y, 4, COLS - 6, "Untagged:", ui_attr(ui, C_TITLE));
    char *line = ui_allows(ui, ACT_TAG)
                     ? xasprintf("%s (t tags them today, roadmap or not planned)", list)
                     : xstrdup(list);
    ui_put(y, 4 + w + 1, COLS - 7 - w, line, ui_attr(ui, C_WARN));
    free(line);
    free(list);
    return 1;
}

static void decide_draw(struct ui *ui)
{
    char where[120];
    snprintf(where, sizeof where, "Decide %d of %d: %s", ui->step + 1, STEP_COUNT,
             ui->steps[ui->step].title);
    ui_draw_session_header(ui, where);
    const struct session *s = &ui->session;
    int y = 2;
    y += ui_put_wrapped(y, 2, COLS - 4, 2, ui->steps[ui->step].question, A_BOLD);
    y += ui_draw_builds_on(ui, y, 2, COLS - 4, LINES >= 30 ? 4 : 2);
    y++;
    const char *decision = s->decisions[ui->step];
    bool writes = ui_allows(ui, ACT_EDIT); /* invite only what this session takes */
    bool links = method_builds_on((enum step)ui->step) != STEP_COUNT;
    char title[120];
    snprintf(title, sizeof title, "%s%s:",
             s->solo ? "Your answer for the thesis" : "The room's decision",
             writes ? (links ? " (e writes it, l links it)" : " (e writes it)")
                    : (links && decision ? " (l shows its links)" : ""));
    ui_put(y++, 2, COLS - 4, title, ui_attr(ui, C_TITLE));
    if (decision) /* its items, cut with an ellipsis; e and l show them whole */
        y += ui_draw_decision(ui, ui->step, y, 4, COLS - 6, LINES >= 30 ? 8 : 4);
    else
        ui_put(y++, 4, COLS - 6, "Not decided yet.", ui_attr(ui, C_WARN));
    y += draw_untagged(ui, y);
    y += draw_notes(ui, y);
    y++;

    const struct align_step *st = &ui->align.steps[ui->step];
    y += draw_vote_order(ui, st, y);
    char heading[160];
    /* t tags the answers only until there is a decision; then its items */
    bool tags = ui->step == STEP_CAPABILITIES && ui_allows(ui, ACT_TAG) && !decision;
    if (s->solo) /* one person: no counts, no alignment */
        snprintf(heading, sizeof heading, "Your answers%s:",
                 !writes ? "" : tags ? " (Enter starts from one; t tags it today, roadmap or not "
                                       "planned)" : " (Enter starts the thesis from one)");
    else if (isnan(st->alignment))
        snprintf(heading, sizeof heading, "What was said%s:",
                 writes ? " (Enter starts the decision from one)" : "");
    else
        snprintf(heading, sizeof heading, "What was said, most named first; alignment %.1f%%%s:",
                 st->alignment, writes ? " (Enter starts from one)" : "");
    if (answers_hidden(ui)) {
        ui_put(y++, 2, COLS - 4, "What was said shows once the step is revealed (r).",
               ui_attr(ui, C_TITLE));
        ui->list_count = 0;
        return;
    }
    ui_put(y++, 2, COLS - 4, heading, ui_attr(ui, C_TITLE));
    int height = LINES - y - 2;
    ui->cursor = layout_clamp(ui->cursor, 0, (int)st->group_count - 1);
    layout_keep_visible(ui->cursor, (int)st->group_count, height, &ui->top);
    ui->list_y = y, ui->list_x0 = 2, ui->list_x1 = COLS - 2, ui->list_step = 1;
    ui->list_count = (int)st->group_count;
    if (!st->group_count)
        ui_put(y, 4, COLS - 6, "No answers for this step.", ui_attr(ui, C_DIM));
    for (int row = 0; row < height && ui->top + row < (int)st->group_count; row++) {
        const struct align_group *g = &st->groups[ui->top + row];
        bool selected = ui->top + row == ui->cursor;
        attr_t at = selected ? ui_attr(ui, C_SELECTED) : ui_attr(ui, C_NORMAL);
        if (selected)
            ui_fill(y + row, 2, COLS - 4, at);
        char count[24];
        snprintf(count, sizeof count, "%zu of %zu", g->count, st->answered);
        if (!s->solo) /* "1 of 1" says nothing of one person */
            ui_put(y + row, 4, 9, count, at);
        /* a capability's tag, so the decision claims only what the product backs */
        const char *tag = ui->step == STEP_CAPABILITIES ? align_group_tag(s, g) : NULL;
        char *label = tag ? xasprintf("%s [%s]", g->label, tag) : xstrdup(g->label);
        ui_put(y + row, s->solo ? 4 : 14, COLS - (s->solo ? 6 : 16), label, at);
        free(label);
    }
}

/* The label of the selected group, copied (caller frees), or NULL. */
static char *selected_label(struct ui *ui)
{
    const struct align_step *st = &ui->align.steps[ui->step];
    return !answers_hidden(ui) && ui->cursor >= 0 && ui->cursor < (int)st->group_count
               ? xstrdup(st->groups[ui->cursor].label) : NULL;
}

static void ask_decision(struct ui *ui, const char *start)
{
    char prompt[160];
    snprintf(prompt, sizeof prompt, " Decision for %s ", ui->steps[ui->step].title);
    ui_ask(ui, P_DECISION, prompt, start, 1000, true);
}

/* The style question, with the style now typed in when there is one. */
static void ask_style(struct ui *ui, const char *prompt)
{
    char now[4] = "";
    if (ui->session.style != STYLE_NONE)
        snprintf(now, sizeof now, "%d", (int)ui->session.style);
    ui_ask(ui, P_STYLE, prompt, now, 40, false);
}

/* Asks for the tag of the capabilities decision's from-th item; past the
 * last item, says how many are still untagged. */
static void ask_item_tag(struct ui *ui, size_t from, const char *first)
{
    const struct session *s = &ui->session;
    char **items;
    size_t n = method_items(s->decisions[STEP_CAPABILITIES], &items);
    if (from >= n) {
        char *list = untagged_items(s);
        if (!list)
            ui_say(ui, "Every capability of the decision is tagged.");
        else
            ui_say(ui, "Still untagged: %s. The chain check names any a value theme rests on.",
                   list);
        free(list);
        method_items_free(items, n);
        return;
    }
    state(ui)->tag_index = from;
    const char *now = method_capability_tag(s, items[from]);
    char *item = ui_cut(items[from], 20);
    char prompt[200], keep[40] = " (Enter leaves it untagged)";
    if (now)
        snprintf(keep, sizeof keep, " (Enter keeps %s)", now);
    snprintf(prompt, sizeof prompt, "%s\"%s\" (%zu of %zu): 1 today  2 roadmap  3 not planned%s",
             first, item, from + 1, n, keep);
    ui_ask(ui, P_ITEM_TAG, prompt, "", 20, false);
    free(item);
    method_items_free(items, n);
}

/* The answer to ask_item_tag: saved, and the next item asked about. */
static void item_tagged(struct ui *ui, const char *text)
{
    size_t at = state(ui)->tag_index;
    if (!text[strspn(text, " \t")]) { /* Enter: as it is */
        ask_item_tag(ui, at + 1, "");
        return;
    }
    int tag = method_tag_from_typed(text);
    if (tag < 0) {
        ask_item_tag(ui, at, "Type 1, 2 or 3: ");
        return;
    }
    char **items;
    size_t n = method_items(ui->session.decisions[STEP_CAPABILITIES], &items);
    int rc = at < n ? store_tag_item(ui->store, ui->session.id, items[at], method_tags[tag]) : 0;
    method_items_free(items, n);
    if (rc < 0) {
        ui_store_failed(ui);
        return;
    }
    ui_reload(ui);
    ask_item_tag(ui, at + 1, "");
}

static void ask_delete_dissent(struct ui *ui, size_t from);

static void delete_asked_dissent(struct ui *ui)
{
    struct decide_state *st = state(ui);
    if (store_delete_dissent(ui->store, ui->session.id, &st->asked) < 0) {
        ui_store_failed(ui);
        return;
    }
    ui_reload(ui);
    ui_say(ui, "Deleted the dissent of %s.", st->asked.who);
}

static void ask_next_dissent(struct ui *ui)
{
    ask_delete_dissent(ui, state(ui)->asked_index + 1);
}

/* Asks about the from-th dissent of the step: y deletes it, n asks about the next. */
static void ask_delete_dissent(struct ui *ui, size_t from)
{
    struct decide_state *st = state(ui);
    const struct session *s = &ui->session;
    size_t n = 0, at = s->dissent_count;
    for (size_t i = 0; i < s->dissent_count; i++)
        if ((int)s->dissents[i].step == ui->step && n++ == from)
            at = i;
    if (at == s->dissent_count) {
        ui_say(ui, n ? "Nothing was changed." : "There is no dissent to delete: D notes one.");
        return;
    }
    const struct dissent *d = &s->dissents[at];
    free(st->asked.who);
    free(st->asked.what);
    st->asked = (struct dissent){d->step, xstrdup(d->who), xstrdup(d->what)};
    st->asked_index = from;
    char *who = ui_cut(d->who, 16), *what = ui_cut(d->what, 24);
    if (n == 1)
        ui_confirm(ui, delete_asked_dissent, 0, "Delete the dissent of %s, \"%s\"?", who, what);
    else
        ui_confirm(ui, delete_asked_dissent, 0, "Delete dissent %zu of %zu, %s: \"%s\"?%s",
                   from + 1, n, who, what, from + 1 < n ? " (y/n; n: the next)" : "");
    if (from + 1 < n) /* n asks about the next; after the last, n keeps them all */
        ui->confirm.no = ask_next_dissent;
    free(who);
    free(what);
}

static void decide_act(struct ui *ui, enum ui_action a)
{
    char *label;
    if (ui_list_move(ui, a, (int)ui->align.steps[ui->step].group_count))
        return;
    switch (a) {
    case ACT_EDIT:
        ask_decision(ui, ui->session.decisions[ui->step] ? ui->session.decisions[ui->step] : "");
        break;
    case ACT_USE:
        if (!(label = selected_label(ui))) {
            ui_error(ui, "There is no answer to start from; e writes the decision.");
            break;
        }
        if (ui->session.decisions[ui->step]) { /* add to what the room wrote, never replace it */
            char *both = xasprintf("%s\n%s", ui->session.decisions[ui->step], label);
            ask_decision(ui, both);
            free(both);
        } else {
            ask_decision(ui, label);
        }
        free(label);
        break;
    case ACT_TAG: { /* here too, so a solo thesis (no reveal) can tag its capabilities */
        const struct align_step *st = &ui->align.steps[ui->step];
        if (ui->step != STEP_CAPABILITIES)
            ui_error(ui, "Tags are for the capabilities step: today, roadmap or not planned.");
        else if (ui->session.decisions[ui->step]) /* what the chain check reads: its items */
            ask_item_tag(ui, 0, "");
        else if (ui->cursor >= 0 && ui->cursor < (int)st->group_count)
            ui_cycle_tag(ui, &st->groups[ui->cursor]);
        break;
    }
    case ACT_WHY: case ACT_DISSENT: case ACT_DELETE:
        if (!ui->session.decisions[ui->step])
            ui_error(ui, "Decide the step first (e); then its why and any dissent.");
        else if (a == ACT_WHY)
            ui_ask(ui, P_WHY, "Why the room chose it (empty clears it):",
                   ui->session.rationale[ui->step] ? ui->session.rationale[ui->step] : "", 1000,
                   false);
        else if (a == ACT_DISSENT)
            ui_ask(ui, P_DISSENT_WHO, "Who does not agree?", "", 200, false);
        else
            ask_delete_dissent(ui, 0);
        break;
    case ACT_CHAMPION:
        if (ui->step != STEP_CUSTOMERS)
            ui_error(ui, "The champion is named on the customers step.");
        else
            ui_ask(ui, P_CHAMPION, "The champion's role at a best-fit customer (empty: none):",
                   ui->session.champion_role ? ui->session.champion_role : "", 200, false);
        break;
    case ACT_STYLE:
        if (ui->step != STEP_CATEGORY)
            ui_error(ui, "The positioning style is chosen on the category step.");
        else
            ask_style(ui, "Style: 1 head to head  2 big fish, small pond  3 new category"
                          " (empty: none):");
        break;
    default: break;
    }
}

/* A one-line answer saved, the screen reloaded and said so; false when the store refused it. */
static bool saved(struct ui *ui, int rc, const char *said)
{
    if (rc < 0) {
        ui_store_failed(ui);
        return false;
    }
    ui_reload(ui);
    ui_say(ui, "%s", said);
    return true;
}

static bool blank(const char *text)
{
    return !text[strspn(text, " \t")];
}

/* The decision; links and proof whose items it no longer has are dropped,
 * and the message line names them, so nothing goes without a word. */
static void decided(struct ui *ui, const char *text)
{
    char *dropped = NULL;
    if (store_decide(ui->store, ui->session.id, (enum step)ui->step, text, &dropped) < 0) {
        ui_store_failed(ui);
        return;
    }
    ui_reload(ui);
    if (dropped)
        ui_say(ui, "Decided. %s", dropped);
    else
        ui_say(ui, "Decided. ] goes on.");
    free(dropped);
}

/* A name checked now, before the next question, and kept for it; false (said) when refused. */
static bool keep_first(struct ui *ui, const char *what, const char *text)
{
    char why[160], *clean = text_validate(text, &TEXT_NAME, why, sizeof why);
    if (!clean) {
        ui_error(ui, "%s: %s.", what, why);
        return false;
    }
    free(state(ui)->first);
    state(ui)->first = clean;
    return true;
}

static void decide_field_done(struct ui *ui, enum ui_purpose p, char *text)
{
    struct decide_state *st = state(ui);
    const struct session *s = &ui->session;
    int64_t id = s->id;
    enum step step = (enum step)ui->step;
    char prompt[160];
    switch (p) {
    case P_DECISION: decided(ui, text); break;
    case P_ITEM_TAG: item_tagged(ui, text); break;
    case P_WHY:
        saved(ui, store_set_rationale(ui->store, id, step, text),
              blank(text) ? "The why is cleared." : "The why is saved.");
        break;
    case P_DISSENT_WHO:
        if (keep_first(ui, "Who", text)) {
            snprintf(prompt, sizeof prompt, "What does %.60s say?", st->first);
            ui_ask(ui, P_DISSENT_WHAT, prompt, "", 1000, false);
        }
        break;
    case P_DISSENT_WHAT:
        if (st->first && saved(ui, store_add_dissent(ui->store, id, step, st->first, text),
                               "The dissent is noted. d deletes one.")) {
            free(st->first);
            st->first = NULL;
        }
        break;
    case P_CHAMPION:
        if (blank(text))
            saved(ui, store_set_champion(ui->store, id, NULL, NULL), "No champion now.");
        else if (keep_first(ui, "The role", text)) {
            snprintf(prompt, sizeof prompt, "Why does the %.60s care? One line:", st->first);
            ui_ask(ui, P_CHAMPION_WHY, prompt, s->champion_why ? s->champion_why : "", 1000,
                   false);
        }
        break;
    case P_CHAMPION_WHY:
        if (st->first)
            saved(ui, store_set_champion(ui->store, id, st->first, text), "The champion is saved.");
        break;
    case P_STYLE: {
        int style = method_style_from_typed(text);
        if (style < 0)
            ask_style(ui, "Type 1, 2 or 3: 1 head to head  2 big fish  3 new category"
                          " (empty: none):");
        else if (style == STYLE_NONE)
            saved(ui, store_set_style(ui->store, id, STYLE_NONE, NULL), "No style chosen now.");
        else {
            st->style = (enum positioning_style)style;
            snprintf(prompt, sizeof prompt, "Why \"%s\"? One line:", method_style_names[style]);
            ui_ask(ui, P_STYLE_WHY, prompt, (int)s->style == style && s->style_why ? s->style_why : "",
                   1000, false);
        }
        break;
    }
    case P_STYLE_WHY:
        saved(ui, store_set_style(ui->store, id, st->style, text), "The style is saved.");
        break;
    default: break;
    }
}

static bool decide_offers(const struct ui *ui, enum ui_action a)
{
    const struct session *s = &ui->session;
    switch (a) {
    case ACT_LINKS: return method_builds_on((enum step)ui->step) != STEP_COUNT;
    case ACT_WHY: case ACT_DISSENT: return s->decisions[ui->step] != NULL;
    case ACT_DELETE:
        for (size_t i = 0; i < s->dissent_count; i++)
            if ((int)s->dissents[i].step == ui->step)
                return true;
        return false;
    case ACT_TAG: return ui->step == STEP_CAPABILITIES;
    case ACT_CHAMPION: return ui->step == STEP_CUSTOMERS;
    case ACT_STYLE: return ui->step == STEP_CATEGORY;
    default: return true;
    }
}

static void decide_leave(struct ui *ui)
{
    free(state(ui)->first);
    state(ui)->first = NULL;
}

static void decide_free(void *p)
{
    struct decide_state *st = p;
    free(st->first);
    free(st->asked.who);
    free(st->asked.what);
}

const struct ui_screen_ops ui_decide_screen = {
    .name = "decide",
    .flags = UI_IN_SESSION,
    .state_size = sizeof(struct decide_state),
    .draw = decide_draw,
    .act = decide_act,
    .field_done = decide_field_done,
    .leave = decide_leave,
    .free = decide_free,
    .offers = decide_offers,
};
