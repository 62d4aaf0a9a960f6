/* ui_room.c: room mode on the projector: who is at a terminal, writing, how
 * many answers each has and who is done, never what anyone wrote. The room
 * is loaded with the session; who is at a terminal is asked at each draw,
 * since a terminal that goes away writes nothing to the database. */
#include "layout.h"
#include "ui.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_WIDTH 22
#define PRESENCE_WIDTH 29 /* "joined earlier, no terminal" */

bool ui_room_mode(const struct ui *ui)
{
    return ui->open && ui->room.active && !ui->session.solo;
}

bool ui_room_unrevealed(const struct ui *ui, int step)
{
    return ui_room_mode(ui) && !ui->room.revealed[step] && !ui->session.locked &&
           !store_is_read_only(ui->store);
}

/* The kernel tells a process of others' seats only: a joined terminal's own
 * person is at a terminal, this one. */
static void count_myself(struct ui *ui)
{
    for (size_t i = 0; ui->joined && i < ui->room.seat_count; i++)
        if (ui->room.seats[i].participant_id == ui->participant_id)
            ui->room.seats[i].present = true;
}

static bool seen(const struct ui *ui, int64_t participant_id)
{
    for (size_t i = 0; i < ui->room_seen_count; i++)
        if (ui->room_seen[i] == participant_id)
            return true;
    return false;
}

/* Remembers who is at a terminal now: nothing in the database says that a
 * terminal was there, so only this process can tell "went away" (gone)
 * from "answered earlier, before this projector opened". */
static void note_seen(struct ui *ui)
{
    for (size_t i = 0; i < ui->room.seat_count; i++) {
        int64_t id = ui->room.seats[i].participant_id;
        if (ui->room.seats[i].present && !seen(ui, id)) {
            ui->room_seen = xrealloc(ui->room_seen, (ui->room_seen_count + 1) * sizeof id);
            ui->room_seen[ui->room_seen_count++] = id;
        }
    }
}

void ui_room_forget_seen(struct ui *ui)
{
    free(ui->room_seen);
    ui->room_seen = NULL;
    ui->room_seen_count = 0;
}

void ui_room_load(struct ui *ui)
{
    room_free(&ui->room);
    if (store_load_room(ui->store, &ui->session, &ui->room) < 0)
        memset(&ui->room, 0, sizeof ui->room); /* no room to show: the screens are as before */
    count_myself(ui);
    note_seen(ui);
}

void ui_room_refresh(struct ui *ui)
{
    for (size_t i = 0; i < ui->room.seat_count; i++) {
        struct room_seat *seat = &ui->room.seats[i];
        seat->present = store_room_present(ui->store, seat->participant_id);
        seat->objecting = store_room_objecting(ui->store, seat->participant_id);
    }
    count_myself(ui);
    note_seen(ui);
}

const struct room_seat *ui_room_seat(const struct ui *ui, size_t p)
{
    return ui_room_mode(ui) && p < ui->room.seat_count ? &ui->room.seats[p] : NULL;
}

/* At a terminal that still speaks for them: a revoked code's terminal
 * writes nothing more, whether or not it has closed yet. */
static bool seated(const struct room_seat *seat)
{
    return seat->present && !seat->revoked;
}

bool ui_room_writing(const struct ui *ui, size_t p, int step)
{
    const struct room_seat *seat = ui_room_seat(ui, p);
    if (!seat || !seated(seat)) /* one that went mid-sentence is not writing */
        return false;
    return step < 0 ? seat->objecting : seat->writing[step];
}

bool ui_room_has_terminal(const struct ui *ui, size_t p)
{
    const struct room_seat *seat = ui_room_seat(ui, p);
    return seat && (seat->invited || seated(seat));
}

/* How many of those who joined have not voted on step, of *expected. */
static size_t votes_missing(const struct ui *ui, int step, size_t *expected)
{
    size_t missing = 0;
    *expected = 0;
    for (size_t p = 0; p < ui->session.participant_count; p++) {
        const struct room_seat *seat = ui_room_seat(ui, p);
        if (!seat || !(seat->joined || seat->present))
            continue; /* never came: their vote is not waited for */
        bool voted = false;
        for (size_t v = 0; v < ui->session.vote_count; v++)
            voted = voted || (ui->session.votes[v].participant == p &&
                              (int)ui->session.votes[v].step == step);
        (*expected)++;
        missing += !voted;
    }
    return missing;
}

bool ui_room_vote_secret(const struct ui *ui, int step, char *why, size_t size)
{
    if (!ui_room_mode(ui) || ui->session.locked)
        return false; /* a shared keyboard votes in turn; a locked session is the record */
    size_t expected, missing = votes_missing(ui, step, &expected), rankings = 0;
    for (size_t v = 0; v < ui->session.vote_count; v++)
        rankings += (int)ui->session.votes[v].step == step;
    if (!missing && rankings >= 2)
        return false;
    if (why && missing)
        snprintf(why, size, "%zu of %zu have voted: the results show once everyone who joined "
                            "has%s", expected - missing, expected,
                 expected < 2 ? ", and at least two have" : "");
    else if (why)
        snprintf(why, size, "%zu ranking%s so far: the results show once at least two have "
                            "voted", rankings, rankings == 1 ? "" : "s");
    return true;
}

void ui_room_summary(const struct ui *ui, char *out, size_t size)
{
    int invited = 0, present = 0;
    for (size_t i = 0; i < ui->room.seat_count; i++) {
        invited += ui->room.seats[i].invited || seated(&ui->room.seats[i]);
        present += seated(&ui->room.seats[i]);
    }
    snprintf(out, size, "room: %d of %d at terminals", present, invited);
}

void ui_room_writers(struct ui *ui, char *out, size_t size)
{
    out[0] = '\0';
    if (!ui_room_mode(ui))
        return;
    ui_room_refresh(ui); /* who is at a terminal now: that changes with nothing written */
    bool *who = xcalloc(ui->session.participant_count + 1, sizeof *who);
    for (size_t p = 0; p < ui->session.participant_count && p < ui->room.seat_count; p++)
        for (int step = -1; step < STEP_COUNT; step++) /* an objection, or a step's answer */
            who[p] = who[p] || ui_room_writing(ui, p, step);
    char names[160];
    size_t n = ui_name_list(ui, who, names, sizeof names);
    if (n)
        snprintf(out, size, "%s %s writing at %s: what they are typing will not be saved. ",
                 names, n == 1 ? "is" : "are", n == 1 ? "their terminal" : "their terminals");
    free(who);
}

size_t ui_room_not_done(const struct ui *ui, int step, bool *who)
{
    size_t count = 0;
    for (size_t p = 0; p < ui->session.participant_count; p++) {
        const struct room_seat *seat = ui_room_seat(ui, p);
        who[p] = seat && ui_room_has_terminal(ui, p) && !seat->done[step];
        count += who[p];
    }
    return count;
}

/* Where a participant's terminal is: the words and their colour. */
static const char *presence(const struct ui *ui, const struct room_seat *seat, attr_t *attr)
{
    *attr = ui_attr(ui, C_DIM);
    if (seat->revoked)
        return "code revoked"; /* its terminal, if still open, writes nothing more */
    if (seat->present) {
        *attr = ui_attr(ui, C_GOOD);
        return "at a terminal";
    }
    if (seen(ui, seat->participant_id)) {
        *attr = ui_attr(ui, C_WARN);
        return "gone"; /* at a terminal while this projector was open, and not now */
    }
    if (seat->joined && seat->invited)
        return "joined earlier, no terminal"; /* pre-work, say, before the meeting */
    return seat->invited ? "invited, not joined" : "not invited";
}

/* How far they are with the step: done, writing, and how many answers. */
static void progress(const struct ui *ui, size_t p, const struct room_seat *seat, int step,
                     char *out, size_t size)
{
    int n = ui_answer_count(ui, p, step);
    /* writing is said by a terminal that is there: one that went mid-answer is not */
    const char *state = seat->done[step] ? "done \u00b7 "
                        : seat->writing[step] && seated(seat) ? "writing \u00b7 "
                                                                              : "";
    if (n)
        snprintf(out, size, "%s%d answer%s", state, n, n == 1 ? "" : "s");
    else
        snprintf(out, size, "%sno answers yet", state);
}

void ui_room_draw(struct ui *ui, int y)
{
    const struct session *s = &ui->session;
    int width = COLS - 4;
    char heading[200];
    snprintf(heading, sizeof heading, "%s",
             ui->room.revealed[ui->step] ? "THE ROOM: revealed; a new answer shows to all at once"
                                         : "THE ROOM: answers stay on each terminal until the "
                                           "reveal");
    char due[64] = "";
    if (ui->room.deadline)
        snprintf(due, sizeof due, "  answers due by %s", ui->room.deadline);
    /* the heading gives way to the deadline, not the other way round */
    ui_put(y, 2, width - (int)strlen(due), heading, ui_attr(ui, C_TITLE));
    if (due[0])
        ui_put(y, COLS - (int)strlen(due), (int)strlen(due) - 2, due + 2, ui_attr(ui, C_WARN));
    y++;
    const struct participant *who = &s->participants[ui->person];
    if (!ui_room_has_terminal(ui, ui->person) && ui_allows(ui, ACT_ADD)) {
        char *line = xasprintf("a adds an answer for %s, who has no terminal (Tab chooses who).",
                               who->name);
        ui_put(y, 2, width, line, ui_attr(ui, C_DIM));
        free(line);
    } else {
        ui_put(y, 2, width, "Tab chooses someone without a terminal to add answers for.",
               ui_attr(ui, C_DIM));
    }
    y++;
    int step = ui->projector ? 2 : 1, rows = (LINES - 2 - y) / step, first = 0;
    layout_keep_visible((int)ui->person, (int)s->participant_count, rows, &first);
    /* clicks on a row choose that person: the loop reads these as the names' column */
    ui->people_top = first;
    ui->list_y = y;
    ui->list_x0 = COLS;
    for (size_t p = (size_t)first; p < s->participant_count && y < LINES - 2; p++, y += step) {
        const struct room_seat *seat = &ui->room.seats[p];
        bool current = p == ui->person;
        attr_t a = current ? ui_attr(ui, C_SELECTED) : ui_role_attr(ui, s->participants[p].role);
        if (current)
            ui_fill(y, 1, COLS - 2, a);
        ui_put(y, 2, NAME_WIDTH - 1, s->participants[p].name, a | (current ? A_BOLD : 0));
        attr_t pa;
        const char *where = presence(ui, seat, &pa);
        ui_put(y, 2 + NAME_WIDTH, PRESENCE_WIDTH - 1, where, current ? a : pa);
        char how[64];
        progress(ui, p, seat, ui->step, how, sizeof how);
        ui_put(y, 2 + NAME_WIDTH + PRESENCE_WIDTH, width - NAME_WIDTH - PRESENCE_WIDTH, how,
               current ? a : seat->done[ui->step] ? ui_attr(ui, C_GOOD) : ui_attr(ui, C_NORMAL));
    }
}

void ui_room_prework(const struct session *s, const struct room *r, char *out, size_t size)
{
    size_t len;
    snprintf(out, size, "Pre-work%s%s%s:", r->deadline ? " (due by " : "",
             r->deadline ? r->deadline : "", r->deadline ? ")" : "");
    bool any = false;
    for (int step = 0; step < STEP_COUNT; step++) {
        size_t answered = 0, done = 0;
        for (size_t p = 0; p < s->participant_count; p++) {
            bool has = false;
            for (size_t i = 0; i < s->input_count && !has; i++)
                has = s->inputs[i].participant == p && (int)s->inputs[i].step == step;
            answered += has;
            done += p < r->seat_count && r->seats[p].done[step];
        }
        if (!answered && !done)
            continue;
        len = strlen(out);
        snprintf(out + len, size - len, "%s step %d: %zu of %zu answered, %zu done",
                 any ? " \u00b7" : "", step + 1, answered, s->participant_count, done);
        any = true;
    }
    len = strlen(out);
    if (!any)
        snprintf(out + len, size - len, " no answers yet");
}
