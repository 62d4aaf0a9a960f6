/* ui_rounds.c: the vote's results on the reveal, round by round, with the
 * reading; the facilitator's new round (+) and consensus threshold (=); and
 * what the vote screen shows of the round before: the room's order and the
 * person's own ranking. */
#include "rounds.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The step's groups that no ranking names, on one line; returns rows used. */
static int draw_unranked(struct ui *ui, const struct align_step *st, int y)
{
    char *line = NULL;
    size_t count = 0;
    for (size_t g = 0; g < st->group_count; g++) {
        if (align_group_ranked(st, &st->groups[g]))
            continue;
        char *more = xasprintf("%s%s\"%s\"", line ? line : "", line ? ", " : "",
                               st->groups[g].label);
        free(line);
        line = more;
        count++;
    }
    if (!count)
        return 0;
    char *text = xasprintf("Nobody ranked %s.", line);
    ui_put(y, 2, COLS - 4, text, ui_attr(ui, C_WARN));
    free(text);
    free(line);
    return 1;
}

/* Whether the current round's results may show: in room mode, only once
 * no one ranking can be read off them (ui_room_vote_secret). */
static bool current_shown(const struct ui *ui, const struct align_step *st)
{
    return st->vote && !ui_room_vote_secret(ui, (int)st->step, NULL, 0);
}

/* The current round's first lines: its W and the top three; returns the next row. */
static int draw_current(struct ui *ui, const struct align_step *st, int y)
{
    const struct align_vote *v = st->vote;
    char line[240], round[24] = "";
    if (st->round > 1)
        snprintf(round, sizeof round, "Round %d: ", st->round);
    if (!v) {
        snprintf(line, sizeof line, "%snobody has ranked yet; V opens the vote.", round);
        ui_put(y++, 2, COLS - 4, line, ui_attr(ui, C_WARN));
        return y;
    }
    char why[200];
    if (ui_room_vote_secret(ui, (int)st->step, why, sizeof why)) {
        snprintf(line, sizeof line, "%s%s.", round, why);
        ui_put(y++, 2, COLS - 4, line, ui_attr(ui, C_WARN));
        return y;
    }
    /* the groups ranked of all the step's groups: those nobody ranked are named below */
    char counts[80];
    snprintf(counts, sizeof counts, "%zu ranking%s; %zu of %zu group%s ranked", v->rankings,
             v->rankings == 1 ? "" : "s", align_groups_ranked(st), st->group_count,
             st->group_count == 1 ? "" : "s");
    if (isnan(v->kendall_w))
        snprintf(line, sizeof line, "%s%s; agreement (Kendall's W) needs two rankings.", round,
                 counts);
    else /* after the first round, the rounds' heading says what W is */
        snprintf(line, sizeof line, "%s%s; agreement (Kendall's W) %.2f%s", round, counts,
                 v->kendall_w, *round ? "." : ", where 1 is everyone ranking alike.");
    y += ui_put_wrapped(y, 2, COLS - 4, 2, line, ui_attr(ui, C_TITLE)); /* W's meaning may wrap */
    y += draw_unranked(ui, st, y);
    snprintf(line, sizeof line, "Top three: %s; %.1f%% of the rankings have the room's top three.",
             v->top3_all_agree ? "everyone agrees" : "not everyone agrees", v->top3_match_share);
    ui_put(y++, 2, COLS - 4, line, v->top3_all_agree ? ui_attr(ui, C_GOOD)
                                                     : ui_attr(ui, C_WARN) | A_BOLD);
    return y;
}

/* One line per round shown: W, its word, how it moved, the top three's share. */
static int draw_rounds(struct ui *ui, const struct align_vote *const *shown, size_t n, int y)
{
    ui_put(y++, 2, COLS - 4, "Round by round (Kendall's W, Landis and Koch's word, the change):",
           ui_attr(ui, C_TITLE));
    for (size_t i = 0; i < n && y < LINES - 3; i++) {
        const struct align_vote *v = shown[i];
        char w[32] = "W n/a", change[64] = "";
        if (!isnan(v->kendall_w))
            snprintf(w, sizeof w, "W %.2f %s", (double)rounds_hundredths(v->kendall_w) / 100.0,
                     rounds_band(v->kendall_w));
        if (i) {
            struct rounds_move m;
            rounds_move(shown[i - 1], v, &m);
            char by[16] = "";
            if (!isnan(m.w_change))
                snprintf(by, sizeof by, "%+.2f", m.w_change);
            snprintf(change, sizeof change, "%-6s %s", by,
                     m.top3_changed ? "top three changed" : "same top three");
        }
        char line[200];
        snprintf(line, sizeof line, "Round %-3d %-22s %-24s %5.1f%% with the top three", v->round,
                 w, change, v->top3_match_share);
        ui_put(y++, 4, COLS - 6, line, ui_attr(ui, C_NORMAL));
    }
    return y;
}

/* The reading, and for the facilitator what to do next; returns the next row. */
static int draw_reading(struct ui *ui, const struct align_step *st, bool with_current, int y)
{
    double threshold = rounds_threshold(&ui->session);
    char reading[300];
    enum rounds_verdict verdict = rounds_reading(st, with_current, threshold, reading,
                                                 sizeof reading);
    if (!*reading)
        return y;
    attr_t at = verdict == ROUNDS_CONSENSUS ? ui_attr(ui, C_GOOD) | A_BOLD
              : verdict == ROUNDS_STOPPED ? ui_attr(ui, C_WARN) | A_BOLD : ui_attr(ui, C_WARN);
    y += ui_put_wrapped(y, 2, COLS - 4, 2, reading, at);
    if (ui->joined || !ui_allows(ui, ACT_ROUND))
        return y;
    char hint[200];
    if (verdict == ROUNDS_CONSENSUS || !ui_round_offered(ui))
        snprintf(hint, sizeof hint, "= sets the threshold (now %.2f).", threshold);
    else
        snprintf(hint, sizeof hint, "Discuss, then + starts round %d: everyone ranks again. "
                                    "= sets the threshold (now %.2f).", st->round + 1, threshold);
    ui_put(y++, 2, COLS - 4, hint, ui_attr(ui, C_DIM));
    return y;
}

void ui_draw_vote_results(struct ui *ui, const struct align_step *st, int y)
{
    if (!st->vote && !st->round_count) {
        ui_put(y, 2, COLS - 4, "Nobody has voted on this step yet: V starts the vote.",
               ui_attr(ui, C_WARN));
        return;
    }
    bool current = current_shown(ui, st);
    y = draw_current(ui, st, y);
    const struct align_vote **shown = xcalloc(st->round_count + 1, sizeof *shown);
    size_t n = rounds_shown(st, current, shown);
    if (n > 1)
        y = draw_rounds(ui, shown, n, y + 1);
    y = draw_reading(ui, st, current, y);
    const struct align_vote *v = n ? shown[n - 1] : NULL;
    free(shown);
    if (!v)
        return;
    y++;
    char line[200];
    if (v == st->vote)
        snprintf(line, sizeof line, "The room's order (lowest rank sum first):");
    else
        snprintf(line, sizeof line, "The room's order after round %d (lowest rank sum first):",
                 v->round);
    ui_put(y++, 2, COLS - 4, line, ui_attr(ui, C_TITLE));
    for (size_t i = 0; i < v->candidate_count && y < LINES - 2; i++) {
        char *row = xasprintf("%2zu. %s", i + 1, v->order[i].label);
        ui_put(y, 4, COLS - 24, row, i < 3 ? A_BOLD | ui_attr(ui, C_NORMAL)
                                           : ui_attr(ui, C_NORMAL));
        snprintf(line, sizeof line, "rank sum %g", v->order[i].rank_sum);
        ui_put(y++, COLS - 18, 16, line, ui_attr(ui, C_DIM));
        free(row);
    }
}

/* A ranking on one line: "1. a · 2. b · 3. c" (wrapping folds runs of spaces). */
static char *one_line(char *const *labels, size_t count)
{
    char *line = xstrdup("");
    for (size_t i = 0; i < count; i++) {
        char *more = xasprintf("%s%s%zu. %s", line, i ? " \u00b7 " : "", i + 1, labels[i]);
        free(line);
        line = more;
    }
    return line;
}

int ui_draw_round_before(struct ui *ui, int y, int x, int width, bool own)
{
    const struct align_step *st = &ui->align.steps[ui->step];
    if (!st->round_count)
        return 0;
    const struct align_vote *last = &st->rounds[st->round_count - 1];
    int rows = 0;
    char *text;
    if (own) {
        const struct vote *mine = NULL;
        for (size_t i = 0; i < ui->session.round_count; i++) {
            const struct vote *r = &ui->session.rounds[i];
            if (r->participant == ui->person && (int)r->step == ui->step && r->round == last->round)
                mine = r;
        }
        char *ranking = mine ? one_line(mine->ranking, mine->ranking_count) : NULL;
        const char *name = ui->session.participants[ui->person].name;
        if (ui->joined)
            text = mine ? xasprintf("Your ranking in round %d: %s", last->round, ranking)
                        : xasprintf("You did not rank in round %d.", last->round);
        else
            text = mine ? xasprintf("%s's ranking in round %d: %s", name, last->round, ranking)
                        : xasprintf("%s did not rank in round %d.", name, last->round);
        rows += ui_put_wrapped(y, x, width, 2, text, ui_attr(ui, C_NORMAL));
        free(text);
        free(ranking);
    }
    char **labels = xcalloc(last->candidate_count + 1, sizeof *labels);
    for (size_t i = 0; i < last->candidate_count; i++)
        labels[i] = last->order[i].label;
    char *order = one_line(labels, last->candidate_count);
    char w[48] = "";
    if (!isnan(last->kendall_w))
        snprintf(w, sizeof w, " (W %.2f, %s)", (double)rounds_hundredths(last->kendall_w) / 100.0,
                 rounds_band(last->kendall_w));
    text = xasprintf("The room's order after round %d%s: %s", last->round, w, order);
    rows += ui_put_wrapped(y + rows, x, width, 2, text, ui_attr(ui, C_DIM));
    free(text);
    free(order);
    free(labels);
    return rows;
}

static void start_round(struct ui *ui)
{
    int closed = 0;
    if (store_new_round(ui->store, ui->session.id, (enum step)ui->step, &closed) < 0) {
        ui_store_failed(ui);
        return;
    }
    ui_reload(ui);
    ui->person = 0;
    ui->cursor = ui->top = 0;
    if (ui->screen != UI_VOTE)
        ui_open_overlay(ui, UI_VOTE);
    ui_say(ui, "Round %d: everyone ranks again, with the room's order and their own ranking of "
               "round %d beside it.", closed + 1, closed);
}

void ui_round_ask(struct ui *ui)
{
    const struct align_step *st = &ui->align.steps[ui->step];
    char why[200];
    if (!st->vote)
        ui_error(ui, "Nobody has ranked in round %d yet: V opens the vote.", st->round);
    else if (ui_room_vote_secret(ui, ui->step, why, sizeof why))
        ui_error(ui, "%s; then + starts round %d.", why, st->round + 1);
    else
        ui_confirm(ui, start_round, 0, "Start round %d of the vote on %s? Round %d's %zu "
                   "ranking%s are kept.", st->round + 1, ui->steps[ui->step].title, st->round,
                   st->vote->rankings, st->vote->rankings == 1 ? "" : "s");
}

bool ui_round_offered(const struct ui *ui)
{
    const struct align_step *st = &ui->align.steps[ui->step];
    return ui->open && st->vote && !ui_room_vote_secret(ui, ui->step, NULL, 0);
}

void ui_threshold_ask(struct ui *ui)
{
    char now[16];
    snprintf(now, sizeof now, "%.2f", rounds_threshold(&ui->session));
    ui_ask(ui, P_THRESHOLD, "Consensus from Kendall's W of (0.01 to 1):", now, 8, false);
}

void ui_threshold_done(struct ui *ui, const char *text)
{
    char *end;
    double w = strtod(text, &end);
    while (*end == ' ')
        end++;
    if (end == text || *end || !(w >= 0.005 && w <= 1.0)) {
        ui_error(ui, "The threshold is a Kendall's W from 0.01 to 1, such as 0.70.");
        return;
    }
    if (store_set_consensus(ui->store, ui->session.id, w) < 0) {
        ui_store_failed(ui);
        return;
    }
    ui_reload(ui);
    ui_say(ui, "The vote now reads as consensus from W %.2f.", rounds_threshold(&ui->session));
}
