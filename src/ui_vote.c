/* ui_vote.c: the vote on a step: each participant in turn, privately, ranks the
 * step's groups; every change is saved at once. The reveal shows the results. */
#include "layout.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define PEOPLE_WIDTH 26

/* The current person's ranking for this step, or NULL. */
static const struct vote *my_vote(const struct ui *ui)
{
    for (size_t v = 0; v < ui->session.vote_count; v++)
        if (ui->session.votes[v].participant == ui->person &&
            (int)ui->session.votes[v].step == ui->step)
            return &ui->session.votes[v];
    return NULL;
}

static bool ranked(const struct vote *v, const char *key)
{
    for (size_t i = 0; v && i < v->ranking_count; i++) {
        char *k = similar_normalize(v->ranking[i]);
        bool same = !strcmp(k, key);
        free(k);
        if (same)
            return true;
    }
    return false;
}

/* The rows: the ranking in order, then the groups not yet ranked. */
static size_t rows(const struct ui *ui, const struct align_step *st, const char **labels,
                   bool *is_ranked)
{
    const struct vote *v = my_vote(ui);
    size_t n = 0;
    for (size_t i = 0; v && i < v->ranking_count; i++, n++)
        labels[n] = v->ranking[i], is_ranked[n] = true;
    for (size_t g = 0; g < st->group_count; g++)
        if (!ranked(v, st->groups[g].key))
            labels[n] = st->groups[g].label, is_ranked[n++] = false;
    return n;
}

/* Whether participant p has ranked the step's groups. */
static bool has_voted(const struct ui *ui, size_t p)
{
    for (size_t v = 0; v < ui->session.vote_count; v++)
        if (ui->session.votes[v].participant == p && (int)ui->session.votes[v].step == ui->step)
            return true;
    return false;
}

/* Room mode: the current person votes from their own terminal, so their
 * ranking is neither shown nor changed here; on that terminal it is. */
static bool votes_elsewhere(const struct ui *ui)
{
    return !ui->joined && ui_room_has_terminal(ui, ui->person);
}

/* Whose vote it is (Tab) and who has voted, down the left. */
static void draw_people(struct ui *ui, int y)
{
    const struct session *s = &ui->session;
    ui_put(y, 2, PEOPLE_WIDTH - 2, "WHOSE VOTE (Tab)", ui_attr(ui, C_TITLE));
    for (size_t p = 0; p < s->participant_count && y + 1 + (int)p < LINES - 2; p++) {
        bool current = p == ui->person, voted = has_voted(ui, p);
        attr_t at = current ? ui_attr(ui, C_SELECTED) : ui_role_attr(ui, s->participants[p].role);
        if (current)
            ui_fill(y + 1 + (int)p, 1, PEOPLE_WIDTH - 2, at);
        ui_put(y + 1 + (int)p, 2, PEOPLE_WIDTH - 8, s->participants[p].name, at);
        ui_put(y + 1 + (int)p, PEOPLE_WIDTH - 6, 5, voted ? "voted" : "", current ? at
                                                                      : ui_attr(ui, C_GOOD));
    }
}

static void vote_draw(struct ui *ui)
{
    char where[140], mode[80];
    int round = ui->align.steps[ui->step].round;
    snprintf(where, sizeof where, "Vote %d of %d: %s%s", ui->step + 1, STEP_COUNT,
             ui->steps[ui->step].title, round > 1 ? ", round " : "");
    if (round > 1)
        snprintf(where + strlen(where), sizeof where - strlen(where), "%d", round);
    bool in_room = ui_room_mode(ui);
    if (in_room) {
        ui_room_refresh(ui);
        ui_room_summary(ui, mode, sizeof mode);
    }
    ui_draw_session_header_as(ui, where, in_room ? mode : NULL);
    const struct session *s = &ui->session;
    if (!s->participant_count)
        return;
    const struct align_step *st = &ui->align.steps[ui->step];
    int y = 2;
    if (ui->joined) {
        ui_put(y++, 2, COLS - 4, "Rank what matters most, first. Your vote is yours alone: the "
                                 "room sees that you voted, not how.", ui_attr(ui, C_DIM));
    } else if (in_room) {
        size_t voted = 0;
        for (size_t p = 0; p < s->participant_count; p++)
            voted += has_voted(ui, p);
        char line[200];
        snprintf(line, sizeof line, "Each person ranks from their own terminal, secretly: %zu of "
                                    "%zu have voted. Tab chooses someone without a terminal.",
                 voted, s->participant_count);
        ui_put(y++, 2, COLS - 4, line, ui_attr(ui, C_DIM));
    } else {
        ui_put(y++, 2, COLS - 4, "Rank what matters most, first. Each person votes privately, "
                                 "in turn (Tab).", ui_attr(ui, C_DIM));
    }
    y++;
    /* a joined terminal casts its own vote only: no one else's name, nor whether they voted */
    int x = ui->joined ? 2 : PEOPLE_WIDTH + 2, width = COLS - x - 2;
    if (!ui->joined)
        draw_people(ui, y);
    char heading[300];
    if (votes_elsewhere(ui)) {
        /* on the chosen person's own row of the list, so that it cannot be read
         * as another's; what goes for everyone under the list */
        const char *name = s->participants[ui->person].name;
        int row = y + 1 + (int)ui->person, below = y + 2 + (int)s->participant_count;
        snprintf(heading, sizeof heading, "%s votes from their own terminal. %s", name,
                 has_voted(ui, ui->person) ? "Voted." : "Not voted yet.");
        ui_put(row < LINES - 2 ? row : LINES - 3, x, width, heading,
               ui_role_attr(ui, s->participants[ui->person].role));
        if (below < LINES - 2)
            ui_put(below, x, width, "What each ranks at a terminal shows only in the room's "
                                    "results.", ui_attr(ui, C_DIM));
        /* their own last ranking is theirs: only the room's order, which all saw */
        if (below + 2 < LINES - 2)
            ui_draw_round_before(ui, below + 2, x, width, false);
        return;
    }
    /* a new round: the person's own ranking before, and the room's order after it */
    int before = ui_draw_round_before(ui, y, x, width, true);
    y += before ? before + 1 : 0;
    if (ui->joined)
        snprintf(heading, sizeof heading, "Your ranking (Up/Down choose, Enter ranks or takes "
                                          "out, K/J move; Esc: back to your answers)");
    else
        snprintf(heading, sizeof heading, "%s's ranking (Enter ranks or takes out, K/J move)",
                 s->participants[ui->person].name);
    ui_put(y++, x, width, heading, ui_role_attr(ui, s->participants[ui->person].role));
    /* room for the whole ranking (it may name labels no answer has) and every group */
    const struct vote *mine = my_vote(ui);
    size_t room = st->group_count + (mine ? mine->ranking_count : 0) + 1;
    const char **labels = xcalloc(room, sizeof *labels);
    bool *is_ranked = xcalloc(room, sizeof *is_ranked);
    size_t n = rows(ui, st, labels, is_ranked);
    ui->cursor = layout_clamp(ui->cursor, 0, (int)n - 1);
    int height = LINES - y - 2;
    layout_keep_visible(ui->cursor, (int)n, height, &ui->top);
    int rank = 0;
    for (int i = 0; i < ui->top; i++)
        rank += is_ranked[i];
    for (int row = 0; row < height && ui->top + row < (int)n; row++) {
        int i = ui->top + row;
        bool selected = i == ui->cursor;
        attr_t at = selected ? ui_attr(ui, C_SELECTED)
                             : is_ranked[i] ? ui_attr(ui, C_NORMAL) | A_BOLD : ui_attr(ui, C_DIM);
        if (selected)
            ui_fill(y + row, x, width, at);
        char *line = is_ranked[i] ? xasprintf("%2d. %s", ++rank, labels[i])
                                  : xasprintf("    %s", labels[i]);
        ui_put(y + row, x, width, line, at);
        free(line);
    }
    free(labels);
    free(is_ranked);
}

static void save(struct ui *ui, char *const *labels, size_t count)
{
    if (store_set_vote(ui->store, ui->session.id, ui->session.participants[ui->person].id,
                       (enum step)ui->step, labels, count) < 0)
        ui_store_failed(ui);
    else
        ui_reload(ui);
}

static void vote_act(struct ui *ui, enum ui_action a)
{
    size_t people = ui->session.participant_count;
    if (a == ACT_ROUND || a == ACT_THRESHOLD) {
        if (a == ACT_ROUND)
            ui_round_ask(ui);
        else
            ui_threshold_ask(ui);
        return;
    }
    if (!people)
        return;
    if (votes_elsewhere(ui) && a != ACT_NEXT_PERSON && a != ACT_PREV_PERSON) {
        if (a == ACT_USE || a == ACT_MOVE_UP || a == ACT_MOVE_DOWN)
            ui_error(ui, "%s votes from their own terminal; their ranking is secret.",
                     ui->session.participants[ui->person].name);
        return;
    }
    struct alignment al;
    align_session(&ui->session, &al);
    const struct align_step *st = &al.steps[ui->step];
    const struct vote *v = my_vote(ui);
    size_t k = v ? v->ranking_count : 0;
    char **ranking = xcalloc(k + 2, sizeof *ranking);
    for (size_t i = 0; i < k; i++)
        ranking[i] = v->ranking[i];
    const char **labels = xcalloc(st->group_count + k + 1, sizeof *labels);
    bool *is_ranked = xcalloc(st->group_count + k + 1, sizeof *is_ranked);
    size_t n = rows(ui, st, labels, is_ranked);
    int c = ui->cursor;
    if (ui_list_move(ui, a, (int)n))
        a = ACT_NONE; /* moved: nothing else to do, but still free below */
    switch (a) {
    case ACT_NEXT_PERSON:
    case ACT_PREV_PERSON:
        ui->person = (ui->person + (a == ACT_NEXT_PERSON ? 1 : people - 1)) % people;
        ui->cursor = ui->top = 0;
        break;
    case ACT_USE:
        if (c < 0 || c >= (int)n)
            break;
        if (is_ranked[c]) { /* take it out */
            memmove(ranking + c, ranking + c + 1, (k - (size_t)c - 1) * sizeof *ranking);
            save(ui, ranking, k - 1);
        } else { /* rank it next; the cursor keeps its place among the groups
                  * left (the ranking grew by one above it) */
            ranking[k] = (char *)labels[c];
            save(ui, ranking, k + 1);
            ui->cursor = c + 1;
        }
        break;
    case ACT_MOVE_UP:
    case ACT_MOVE_DOWN: {
        int to = c + (a == ACT_MOVE_UP ? -1 : 1);
        if (c < 0 || c >= (int)k || to < 0 || to >= (int)k)
            break;
        char *t = ranking[c];
        ranking[c] = ranking[to];
        ranking[to] = t;
        save(ui, ranking, k);
        ui->cursor = to;
        break;
    }
    default: break;
    }
    free(ranking);
    free(labels);
    free(is_ranked);
    alignment_free(&al);
}

/* Back on the reveal, the votes view shows what the room ranked. */
static void vote_leave(struct ui *ui)
{
    ui->view = VIEW_VOTES;
}

static void vote_field_done(struct ui *ui, enum ui_purpose p, char *text)
{
    if (p == P_THRESHOLD)
        ui_threshold_done(ui, text);
}

/* A new round once someone ranked this one (and, in room mode, all who joined). */
static bool vote_offers(const struct ui *ui, enum ui_action a)
{
    return a != ACT_ROUND || ui_round_offered(ui);
}

const struct ui_screen_ops ui_vote_screen = {
    .name = "vote",
    .flags = UI_IN_SESSION | UI_OVERLAY,
    .draw = vote_draw,
    .act = vote_act,
    .field_done = vote_field_done,
    .offers = vote_offers,
    .leave = vote_leave,
};
