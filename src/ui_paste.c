/* ui_paste.c: pasted text, gathered whole between the terminal's paste marks
 * and then put into the open field at once: a paste is text, never keys. A
 * paste of several lines into an answer asks whether each line is an answer. */
#include "text.h"
#include "ui.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void ui_paste_start(struct ui *ui)
{
    ui->pasting = true;
    ui->paste_cr = false;
    field_free(&ui->paste);
    field_init(&ui->paste, NULL, 1 << 20, true); /* what is cut is the field's to say */
    if (ui->purpose == P_NONE)
        ui_say(ui, "Pasted text goes into a field: press a (or e) first.");
    else if (!ui->message_is_error)
        ui->message[0] = '\0'; /* as a key typed would */
}

/* One character of the paste: a line break (CR, LF or CR LF) is kept as
 * LF, a tab as a space; other control characters are stray bytes, dropped. */
void ui_paste_char(struct ui *ui, uint32_t c)
{
    if (c == '\n' && ui->paste_cr) {
        ui->paste_cr = false;
        return;
    }
    ui->paste_cr = c == '\r';
    field_insert(&ui->paste, c == '\r' ? '\n' : c == '\t' ? ' ' : c);
}

/* The paste's lines, each without spaces at its ends, empty ones left out
 * (caller frees each and the array). */
static size_t paste_lines(struct ui *ui, char ***out)
{
    size_t count = 0;
    char *text = field_text(&ui->paste);
    *out = xcalloc(ui->paste.len + 1, sizeof **out);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        line += strspn(line, " ");
        size_t len = strlen(line);
        while (len && line[len - 1] == ' ')
            len--;
        if (len)
            (*out)[count++] = xstrndup(line, len);
    }
    free(text);
    return count;
}

static void free_lines(char **lines, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(lines[i]);
    free(lines);
}

/* Into the field at its cursor; says so when the field's limit cut it. */
static void insert(struct ui *ui, const char *text)
{
    struct field *f = &ui->field;
    size_t offered = 0;
    for (const char *p = text; *p; p++)
        offered += ((unsigned char)*p & 0xC0) != 0x80; /* a character starts here */
    size_t inserted = field_paste(f, text);
    if (inserted < offered && f->len >= f->max)
        ui_error(ui, "The paste was cut: this field holds at most %zu characters.", f->max);
}

/* y: each line an answer of its own, saved at once; the field stays open. */
static void one_answer_each(struct ui *ui)
{
    char **lines;
    size_t count = paste_lines(ui, &lines);
    bool cut = false;
    for (size_t i = 0; i < count; i++)
        if (text_chars(lines[i]) > ui->field.max) { /* as a field would have cut it */
            struct field f;
            field_init(&f, lines[i], ui->field.max, false);
            free(lines[i]);
            lines[i] = field_text(&f);
            field_free(&f);
            cut = true;
        }
    ui_step_add_answers(ui, lines, count);
    if (cut && !ui->message_is_error)
        ui_error(ui, "Saved; a line was cut: an answer holds at most %zu characters.",
                 ui->field.max);
    free_lines(lines, count);
}

/* n: one answer, its lines joined by spaces, in the field to be saved. */
static void one_answer(struct ui *ui)
{
    char **lines;
    size_t count = paste_lines(ui, &lines), size = 1;
    for (size_t i = 0; i < count; i++)
        size += strlen(lines[i]) + 1;
    char *joined = xcalloc(size, 1);
    for (size_t i = 0; i < count; i++) {
        if (i)
            strcat(joined, " ");
        strcat(joined, lines[i]);
    }
    insert(ui, joined);
    free(joined);
    free_lines(lines, count);
}

void ui_paste_end(struct ui *ui)
{
    ui->pasting = false;
    if (ui->purpose == P_NONE || ui->confirm.open)
        return; /* no field: dropped whole */
    char **lines;
    size_t count = paste_lines(ui, &lines);
    free_lines(lines, count);
    if (ui->purpose == P_ADD_ANSWER && count > 1) {
        ui_confirm(ui, one_answer_each, 0,
                   "%zu lines pasted: one answer per line? y: %zu answers  n: one answer  "
                   "Esc: nothing", count, count);
        ui->confirm.no = one_answer;
        return;
    }
    char *text = field_text(&ui->paste);
    insert(ui, text);
    free(text);
}
