/* ui_script.c: the screens driven by a script instead of a keyboard, for
 * tests that need no terminal and no sleeping: SAMESONG_SCRIPT names a file of
 * keys and commands, and every "dump" writes the screen as text to standard
 * output (the screens themselves go nowhere; no file is opened for writing,
 * so a read-only run still writes none). A real terminal (tmux) is still the test for what only a
 * terminal shows: resizing, colours, the paste marks themselves, signals. */
#include "ui.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* The script's keys, read whole at start, and where the dumps go. */
struct ui_script {
    wint_t *keys;     /* a key, or one of the commands below */
    bool *is_code;
    char **names;     /* the dump's name for a DUMP */
    size_t count, next;
    long waited;      /* seconds of "wait" so far */
    FILE *dump;
};

/* Commands among the keys: not keys, so past any key code. */
#define SCRIPT_DUMP (KEY_MAX + 100)
#define SCRIPT_WAIT (KEY_MAX + 101)

static void push(struct ui_script *sc, wint_t key, bool is_code, const char *name)
{
    sc->keys = xrealloc(sc->keys, (sc->count + 1) * sizeof *sc->keys);
    sc->is_code = xrealloc(sc->is_code, (sc->count + 1) * sizeof *sc->is_code);
    sc->names = xrealloc(sc->names, (sc->count + 1) * sizeof *sc->names);
    sc->keys[sc->count] = key;
    sc->is_code[sc->count] = is_code;
    sc->names[sc->count++] = name ? xstrdup(name) : NULL;
}

/* A key by the name tmux gives it: Enter, Escape, Tab, BTab, Up, Down, Left,
 * Right, Home, End, PgUp, PgDn, Space, BSpace, F1, C-x; or one character. */
static bool push_named(struct ui_script *sc, const char *name)
{
    static const struct {
        const char *name;
        int key;
        bool code;
    } named[] = {
        {"Enter", '\n', false},    {"Escape", 27, false},       {"Tab", '\t', false},
        {"BTab", KEY_BTAB, true},  {"Up", KEY_UP, true},        {"Down", KEY_DOWN, true},
        {"Left", KEY_LEFT, true},  {"Right", KEY_RIGHT, true},  {"Home", KEY_HOME, true},
        {"End", KEY_END, true},    {"PgUp", KEY_PPAGE, true},   {"PgDn", KEY_NPAGE, true},
        {"Space", ' ', false},     {"BSpace", 127, false},      {"F1", KEY_F(1), true},
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (!strcmp(name, named[i].name)) {
            push(sc, (wint_t)named[i].key, named[i].code, NULL);
            return true;
        }
    if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3]) {
        push(sc, (wint_t)(name[2] & 0x1F), false, NULL);
        return true;
    }
    wchar_t wc;
    mbstate_t st = {0};
    size_t n = mbrtowc(&wc, name, strlen(name), &st);
    if (n == (size_t)-1 || n == (size_t)-2 || n != strlen(name))
        return false;
    push(sc, (wint_t)wc, false, NULL);
    return true;
}

/* Text typed as it is, one character after another. */
static void push_text(struct ui_script *sc, const char *text)
{
    mbstate_t st = {0};
    wchar_t wc;
    size_t n;
    for (const char *p = text; *p; p += n) {
        n = mbrtowc(&wc, p, strlen(p), &st);
        if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
            break;
        push(sc, (wint_t)wc, false, NULL);
    }
}

/* Lines: "keys K...", "type TEXT", "paste TEXT" (\n a line break), "dump NAME",
 * "wait SECONDS"; # starts a comment. */
static int load(struct ui_script *sc, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "cannot read the script %s", path);
        return -1;
    }
    char line[4096];
    int number = 0, rc = 0;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        number++;
        line[strcspn(line, "\n")] = '\0';
        if (!strncmp(line, "keys ", 5)) {
            for (char *k = strtok(line + 5, " "); k && rc == 0; k = strtok(NULL, " "))
                if (!push_named(sc, k)) {
                    snprintf(err, errlen, "%s:%d: no key is called %s", path, number, k);
                    rc = -1;
                }
        } else if (!strncmp(line, "type ", 5)) {
            push_text(sc, line + 5);
        } else if (!strncmp(line, "paste ", 6)) {
            /* between the marks a terminal sends; \n in the text is a line break */
            push(sc, KEY_PASTE_START, true, NULL);
            for (char *part = line + 6, *cut; part; part = cut ? cut + 2 : NULL) {
                if ((cut = strstr(part, "\\n")))
                    *cut = '\0';
                push_text(sc, part);
                if (cut)
                    push(sc, '\n', false, NULL);
            }
            push(sc, KEY_PASTE_END, true, NULL);
        } else if (!strncmp(line, "dump ", 5)) {
            push(sc, SCRIPT_DUMP, true, line + 5);
        } else if (!strncmp(line, "wait ", 5) && strspn(line + 5, "0123456789") == strlen(line + 5)
                   && line[5]) {
            push(sc, SCRIPT_WAIT, true, line + 5);
        } else if (*line && *line != '#') {
            snprintf(err, errlen, "%s:%d: not keys, type, paste, dump or wait", path, number);
            rc = -1;
        }
    }
    fclose(f);
    return rc;
}

bool ui_script_active(void)
{
    const char *path = getenv("SAMESONG_SCRIPT");
    return path && *path;
}

struct ui_script *ui_script_start(char *err, size_t errlen)
{
    struct ui_script *sc = xcalloc(1, sizeof *sc);
    if (load(sc, getenv("SAMESONG_SCRIPT"), err, errlen) < 0) {
        ui_script_stop(sc);
        return NULL;
    }
    sc->dump = stdout;
    return sc;
}

/* The screen as text, a line per row with its trailing blanks cut. */
static void dump_screen(struct ui_script *sc, const char *name)
{
    fprintf(sc->dump, "--- %s ---\n", name);
    wchar_t row[1024];
    for (int y = 0; y < LINES; y++) {
        int n = mvinnwstr(y, 0, row, COLS < 1023 ? COLS : 1023);
        if (n < 0)
            n = 0;
        row[n] = L'\0';
        while (n > 0 && row[n - 1] == L' ')
            row[--n] = L'\0';
        char out[4096];
        size_t len = wcstombs(out, row, sizeof out - 1);
        fprintf(sc->dump, "%s\n", len == (size_t)-1 ? "" : out);
    }
    fflush(sc->dump);
}

int ui_script_key(struct ui_script *sc, wint_t *key)
{
    while (sc->next < sc->count && sc->keys[sc->next] == SCRIPT_DUMP) {
        dump_screen(sc, sc->names[sc->next]);
        sc->next++;
    }
    if (sc->next == sc->count)
        return ERR; /* the script is over: the loop ends */
    if (sc->keys[sc->next] == SCRIPT_WAIT) {
        sc->waited += atol(sc->names[sc->next++]);
        *key = KEY_TICK;
        return KEY_CODE_YES;
    }
    *key = sc->keys[sc->next];
    return sc->is_code[sc->next++] ? KEY_CODE_YES : OK;
}

long ui_script_waited(const struct ui_script *sc)
{
    return sc->waited;
}

void ui_script_stop(struct ui_script *sc)
{
    if (!sc)
        return;
    for (size_t i = 0; i < sc->count; i++)
        free(sc->names[i]);
    free(sc->keys);
    free(sc->is_code);
    free(sc->names);
    free(sc);
}
