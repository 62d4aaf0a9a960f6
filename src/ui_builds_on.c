/* ui_builds_on.c: the decisions a step builds on, in a compact panel on its
 * entry and decide screens, so the room writes from what it already decided. */
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The earlier steps each step builds on, ended by -1: the capabilities are
 * what the alternatives cannot do, the value is what the capabilities give,
 * the customers are who care about that value, and the category is where
 * that value is obvious to those customers. */
static const int sources[STEP_COUNT][3] = {
    [STEP_ALTERNATIVES] = {-1},
    [STEP_CAPABILITIES] = {STEP_ALTERNATIVES, -1},
    [STEP_VALUE] = {STEP_CAPABILITIES, -1},
    [STEP_CUSTOMERS] = {STEP_VALUE, -1},
    [STEP_CATEGORY] = {STEP_VALUE, STEP_CUSTOMERS, -1},
};

/* "Title: line · line", a decision's lines on one line (caller frees). */
static char *summary(const struct ui *ui, int step)
{
    const char *d = ui->session.decisions[step];
    struct strbuf b = {0};
    strbuf_printf(&b, "%s: ", ui->steps[step].title);
    if (!d) {
        strbuf_puts(&b, "not decided yet");
        return strbuf_take(&b);
    }
    bool first = true;
    for (const char *line = d; *line;) {
        size_t n = strcspn(line, "\n");
        if (n && line[strspn(line, " \t")] != '\n') {
            if (!first)
                strbuf_puts(&b, " \u00b7 ");
            strbuf_add(&b, line, n);
            first = false;
        }
        line += n + (line[n] == '\n');
    }
    return strbuf_take(&b);
}

int ui_draw_builds_on(struct ui *ui, int y, int x, int width, int max_rows)
{
    const int *from = sources[ui->step];
    int n = 0;
    while (n < 3 && from[n] >= 0)
        n++;
    if (!n || max_rows < 1 || width < 20)
        return 0;
    int each = max_rows / n > 0 ? max_rows / n : 1, used = 0;
    ui_put(y, x, 10, "Builds on", ui_attr(ui, C_TITLE));
    for (int i = 0; i < n && used < max_rows; i++) {
        char *text = summary(ui, from[i]);
        bool decided = ui->session.decisions[from[i]] != NULL;
        int rows = each < max_rows - used ? each : max_rows - used;
        used += ui_put_wrapped(y + used, x + 10, width - 10, rows, text,
                               decided ? ui_attr(ui, C_NORMAL) : ui_attr(ui, C_WARN));
        free(text);
    }
    return used;
}
