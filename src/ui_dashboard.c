/* ui_dashboard.c: the whole session's alignment on one screen: each step's score
 * as a bar, the weakest step and the least-aligned pair of roles picked out
 * (unless people are anonymous, when no role is named). */
#include "layout.h"
#include "ui.h"
#include "util.h"

#include <stdio.h>


/* One person has no alignment to measure: each step says how far the thesis
 * has come instead of "1 of 1 answered" or that two people must answer. */
static void solo_draw(struct ui *ui)
{
    ui_put(2, 2, COLS - 4, "A solo thesis has no alignment to measure. How far each step is:",
           ui_attr(ui, C_TITLE));
    int y = 4;
    for (int s = 0; s < STEP_COUNT && y < LINES - 3; s++) {
        char line[200];
        int answers = ui_answer_count(ui, 0, s);
        snprintf(line, sizeof line, "%d. %-30s %d answer%s, %s", s + 1, ui->steps[s].title,
                 answers, answers == 1 ? "" : "s",
                 ui->session.decisions[s] ? "decided" : "not decided yet");
        ui_put(y, 2, COLS - 4, line, ui_attr(ui, ui->session.decisions[s] ? C_GOOD : C_NORMAL));
        y += 1 + ui->projector;
    }
}

/* The mean of the known scores of the steps shown, and the weakest of
 * them: in room mode a step not revealed yet counts in neither, or its
 * answers would move a figure on the projector before the reveal. Returns
 * how many scores the mean is of; *hidden says how many steps are not shown. */
static int shown_overall(const struct ui *ui, double *overall, int *weakest, int *hidden)
{
    const struct alignment *a = &ui->align;
    double sum = 0;
    int known = 0;
    *weakest = -1;
    *hidden = 0;
    for (int s = 0; s < STEP_COUNT; s++) {
        double score = a->steps[s].alignment;
        if (ui_room_unrevealed(ui, s)) {
            (*hidden)++;
        } else if (!isnan(score)) {
            sum += score;
            known++;
            if (*weakest < 0 || score < a->steps[*weakest].alignment)
                *weakest = s;
        }
    }
    *overall = known ? align_round1(sum / known) : NAN;
    return known;
}

static void dashboard_draw(struct ui *ui)
{
    ui_draw_session_header(ui, "Alignment dashboard");
    if (ui->session.solo) {
        solo_draw(ui);
        ui_put(LINES - 2, 2, COLS - 4, "q returns; ] and [ go on along the walk.",
               ui_attr(ui, C_DIM));
        return;
    }
    const struct alignment *a = &ui->align;
    int y = 2, title_w = 33, bar_w = layout_clamp(COLS - title_w - 38, 10, 60);
    char line[300];
    double overall;
    int weakest_shown, hidden, known = shown_overall(ui, &overall, &weakest_shown, &hidden);
    if (isnan(overall) && hidden)
        snprintf(line, sizeof line, "Overall alignment: not known yet (two people must answer "
                                    "a revealed step).");
    else if (isnan(overall))
        snprintf(line, sizeof line, "Overall alignment: not known yet (two people must answer "
                                    "a step).");
    else if (hidden)
        snprintf(line, sizeof line, "Overall alignment: %.1f%% over %d revealed step%s (the "
                                    "%d not revealed yet are left out)",
                 overall, known, known == 1 ? "" : "s", hidden);
    else
        snprintf(line, sizeof line, "Overall alignment: %.1f%% (the mean of the steps' scores)",
                 overall);
    ui_put(y++, 2, COLS - 4, line, ui_attr(ui, C_TITLE));
    enum role r, q;
    double least;
    bool anonymous = ui->attribution == ATTRIBUTE_ANONYMOUS;
    /* Room mode: a step not yet revealed says nothing of who agrees with whom */
    if (!anonymous && !hidden && align_session_least_aligned_roles(a, &r, &q, &least)) {
        snprintf(line, sizeof line, "Least aligned: %s and %s agree on %.1f%% of what they name.",
                 session_roles[r].word, session_roles[q].word, least * 100.0);
        ui_put(y++, 2, COLS - 4, line, ui_attr(ui, C_WARN) | A_BOLD);
    }
    y++;
    for (int s = 0; s < STEP_COUNT && y < LINES - 3; s++) {
        const struct align_step *st = &a->steps[s];
        if (ui_room_unrevealed(ui, s)) {
            snprintf(line, sizeof line, "%d. %s", s + 1, ui->steps[s].title);
            ui_put(y, 2, title_w - 1, line, ui_attr(ui, C_NORMAL));
            snprintf(line, sizeof line, "not revealed yet; %zu of %zu answered", st->answered,
                     ui->session.participant_count);
            ui_put(y++, 2 + title_w, COLS - title_w - 4, line, ui_attr(ui, C_DIM));
            y += 1 + ui->projector;
            continue;
        }
        bool weakest = s == weakest_shown;
        attr_t at = weakest ? ui_attr(ui, C_WARN) | A_BOLD : ui_attr(ui, C_NORMAL);
        snprintf(line, sizeof line, "%d. %s", s + 1, ui->steps[s].title);
        ui_put(y, 2, title_w - 1, line, at);
        int cells = isnan(st->alignment) ? 0 : (int)(st->alignment / 100.0 * bar_w + 0.5);
        for (int i = 0; i < cells; i++)
            ui_put(y, 2 + title_w + i, 1, "\u2588", weakest ? ui_attr(ui, C_WARN)
                                                            : ui_attr(ui, C_GOOD));
        for (int i = cells; i < bar_w; i++)
            ui_put(y, 2 + title_w + i, 1, "\u00b7", ui_attr(ui, C_DIM));
        if (isnan(st->alignment))
            snprintf(line, sizeof line, "  n/a   %zu of %zu answered", st->answered,
                     ui->session.participant_count);
        else
            snprintf(line, sizeof line, "%5.1f%%  %zu of %zu answered%s", st->alignment,
                     st->answered, ui->session.participant_count, weakest ? "  weakest" : "");
        ui_put(y, 2 + title_w + bar_w + 1, COLS - title_w - bar_w - 4, line, at);
        y++;
        char reading[200];
        if (anonymous)
            align_reading_anonymous(st, reading, sizeof reading);
        else
            align_reading(st, reading, sizeof reading);
        ui_put(y++, 5, COLS - 7, reading, ui_attr(ui, C_DIM));
        y += ui->projector;
    }
    ui_put(LINES - 2, 2, COLS - 4, "q returns; ] and [ go on along the walk.", ui_attr(ui, C_DIM));
}

static void dashboard_act(struct ui *ui, enum ui_action a)
{
    if (a == ACT_ATTRIBUTION)
        ui_say(ui, ui->attribution == ATTRIBUTE_ANONYMOUS
                       ? "People are anonymous: the dashboard names no department (N on the "
                         "reveal changes it)."
                       : "The dashboard names departments, not people.");
}

const struct ui_screen_ops ui_dashboard_screen = {
    .name = "dashboard",
    .flags = UI_IN_SESSION | UI_OVERLAY,
    .draw = dashboard_draw,
    .act = dashboard_act,
};
