/* ui_suggestions.c: over the reveal, the engine's suggested merges of the
 * step's groups: Enter merges a pair, x dismisses it for good. */
#include "layout.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The suggestions among the step's groups not yet dismissed (caller frees). */
static size_t suggestions(struct ui *ui, const struct align_step *st, struct suggestion **out)
{
    const char **keys = xcalloc(st->group_count + 1, sizeof *keys);
    for (size_t g = 0; g < st->group_count; g++)
        keys[g] = st->groups[g].key;
    size_t count, kept = 0;
    similar_suggest(keys, st->group_count, &ui->synonyms, out, &count);
    char **dismissed;
    size_t dismissed_count;
    if (store_load_dismissed(ui->store, ui->session.id, (enum step)ui->step, &dismissed,
                             &dismissed_count) < 0)
        dismissed_count = 0, dismissed = NULL;
    for (size_t i = 0; i < count; i++) {
        char *pair = xasprintf("%s\n%s", keys[(*out)[i].a], keys[(*out)[i].b]);
        bool gone = false;
        for (size_t d = 0; d < dismissed_count && !gone; d++)
            gone = !strcmp(dismissed[d], pair);
        free(pair);
        if (!gone)
            (*out)[kept++] = (*out)[i];
    }
    for (size_t d = 0; d < dismissed_count; d++)
        free(dismissed[d]);
    free(dismissed);
    free(keys);
    return kept;
}

static void suggestions_draw(struct ui *ui)
{
    const struct align_step *st = &ui->align.steps[ui->step];
    struct suggestion *list;
    size_t n = suggestions(ui, st, &list);
    bool fixed = !ui_allows(ui, ACT_ACCEPT);
    struct ui_box box = ui_draw_box(ui, (int)n,
                                    !n    ? "No suggestions left for this step (Esc closes)."
                                    : fixed ? "Answers that may mean the same (Esc closes):"
                                            : "Answers that may mean the same (Enter merges, "
                                              "x dismisses, Esc closes):");
    ui->cursor = layout_clamp(ui->cursor, 0, (int)n - 1);
    for (int i = 0; i < (int)n && i < box.rows; i++) {
        char *line = xasprintf("%.2f  %s  ~  %s  (%s)", list[i].score, st->groups[list[i].a].label,
                               st->groups[list[i].b].label,
                               suggestion_reason_names[list[i].reason]);
        ui_box_row(ui, &box, i, line, i == ui->cursor);
        free(line);
    }
    free(list);
}

static void accept(struct ui *ui, const struct align_step *st, const struct suggestion *s)
{
    const struct align_group *a = &st->groups[s->a], *b = &st->groups[s->b];
    const struct align_group *keep = b->count > a->count ? b : a;
    char *keys[2] = {a->key, b->key};
    char *label = xstrdup(keep->label);
    char *what = xasprintf("the merge of \"%s\" and \"%s\"", a->label, b->label);
    size_t ranked = ui_rankings_naming(ui, keys, 2);
    if (ui_relabel(ui, keys, 2, label, false, what))
        ui_say(ui, "Merged the two as \"%s\".%s z undoes it.", label,
               ranked ? " Each ranking keeps the better rank of them." : "");
    free(what);
    free(label);
}

static void suggestions_act(struct ui *ui, enum ui_action a)
{
    if (a == ACT_UNDO) {
        ui_undo_grouping(ui);
        return;
    }
    const struct align_step *st = &ui->align.steps[ui->step];
    struct suggestion *list;
    size_t n = suggestions(ui, st, &list);
    if (!ui_list_move(ui, a, (int)n) && ui->cursor >= 0 && ui->cursor < (int)n) {
        const struct suggestion *s = &list[ui->cursor];
        if (a == ACT_ACCEPT)
            accept(ui, st, s);
        else if (a == ACT_DISMISS &&
                 store_dismiss_suggestion(ui->store, ui->session.id, (enum step)ui->step,
                                          st->groups[s->a].key, st->groups[s->b].key) < 0)
            ui_store_failed(ui);
    }
    free(list);
}

const struct ui_screen_ops ui_suggestions_screen = {
    .name = "suggestions",
    .flags = UI_IN_SESSION | UI_OVERLAY | UI_POPUP,
    .draw = suggestions_draw,
    .act = suggestions_act,
};
