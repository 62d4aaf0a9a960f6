/* cli_import_csv.c: `samesong import --csv`: pre-work collected with a web form, one row a
 * person and a column a step, becomes a session's answers. */
#include "cli.h"
#include "cli_import_csv.h"
#include "csv_read.h"
#include "files.h"
#include "text.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* What a column can be: a step (0 to STEP_COUNT - 1), who answered, their role. */
enum { KEY_PARTICIPANT = STEP_COUNT, KEY_ROLE, KEY_COUNT };

static const char *key_name(int key)
{
    return key == KEY_PARTICIPANT ? "participant" : key == KEY_ROLE ? "role"
                                                                    : session_steps[key].id;
}

/* The header's name for each key when --map says nothing: every form of it. */
static bool default_name(int key, const char *name, const struct step_text steps[STEP_COUNT])
{
    static const char *const participant[] = {"participant", "name", NULL};
    static const char *const role[] = {"role", "department", NULL};
    if (key < STEP_COUNT) {
        const char *forms[] = {session_steps[key].id, steps[key].title, steps[key].question};
        for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
            if (forms[i] && text_compare_folded(forms[i], name) == 0)
                return true;
        return false;
    }
    for (const char *const *w = key == KEY_PARTICIPANT ? participant : role; *w; w++)
        if (text_compare_folded(*w, name) == 0)
            return true;
    return false;
}

/* Takes the spaces and tabs off text's ends, in place; returns text. */
static char *trim(char *text)
{
    size_t start = strspn(text, " \t"), n = strlen(text + start);
    memmove(text, text + start, n + 1);
    while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
        text[--n] = '\0';
    return text;
}

struct import {
    const struct cli *cli;
    const char *shown;                   /* the file, as messages name it */
    struct csv_table table;
    int column[KEY_COUNT];               /* the header's column for each key, or -1 */
    const char *mapped[KEY_COUNT];       /* --map's name for it, or NULL */
    struct store_prework_person *people;
    size_t people_count, people_cap;
    size_t *person_row;                  /* each person's row in the file */
    size_t person_row_count, person_row_cap;
    struct store_prework_answer *answers;
    size_t answer_count, answer_cap;
    char **owned;                        /* the messages' prefixes and the answers' texts */
    size_t owned_count, owned_cap;
};

static char *own(struct import *im, char *s)
{
    *(char **)array_push(&im->owned, &im->owned_count, &im->owned_cap, sizeof s) = s;
    return s;
}

/* The header's name of column c as messages quote it, cut when long (caller frees). */
static char *column_words(const struct import *im, int c)
{
    const char *name = im->table.rows[0].cells[c];
    if (!*name)
        return xasprintf("%d", c + 1);
    char quoted[80];
    csv_quote_name(name, quoted, sizeof quoted);
    return xstrdup(quoted);
}

/* "the columns are "A", "B", ..." for a message about a column not found (caller frees). */
static char *header_list(const struct import *im)
{
    struct strbuf b = {0};
    strbuf_puts(&b, "the columns are ");
    for (size_t c = 0; c < im->table.columns; c++) {
        char *words = column_words(im, (int)c);
        strbuf_printf(&b, "%s%s", c ? ", " : "", words);
        free(words);
    }
    return strbuf_take(&b);
}

/* --map KEY=COLUMN, each once; a usage error otherwise. */
static int read_maps(struct import *im, const struct cli_args *args)
{
    const char *maps[CLI_MAX_REPEATS];
    int count = cli_arg_all(args, "map", maps);
    for (int i = 0; i < count; i++) {
        const char *eq = strchr(maps[i], '=');
        int key = -1;
        for (int k = 0; eq && k < KEY_COUNT && key < 0; k++)
            if (strlen(key_name(k)) == (size_t)(eq - maps[i]) &&
                strncasecmp(key_name(k), maps[i], (size_t)(eq - maps[i])) == 0)
                key = k;
        if (!eq || !eq[1 + strspn(eq + 1, " \t")]) /* a blank name would take a blank column */
            return cli_usage_error(im->cli, "--map \"%s\": give KEY=COLUMN, as --map "
                                            "'participant=Your name'", maps[i]);
        if (key < 0)
            return cli_usage_error(im->cli, "--map \"%s\": \"%.*s\" is not participant, role "
                                            "or a step (" STEP_LIST ")",
                                   maps[i], (int)(eq - maps[i]), maps[i]);
        if (im->mapped[key])
            return cli_usage_error(im->cli, "--map %s given twice", key_name(key));
        im->mapped[key] = eq + 1;
    }
    return EXIT_OK;
}

/* Which column is which: --map's names first, then each key's own names. */
static int find_columns(struct import *im, const struct step_text steps[STEP_COUNT])
{
    struct csv_row *header = &im->table.rows[0];
    int *taken = xcalloc(im->table.columns + 1, sizeof *taken); /* by key + 1 */
    int rc = EXIT_OK;
    for (int k = 0; k < KEY_COUNT; k++)
        im->column[k] = -1;
    for (size_t c = 0; c < im->table.columns; c++)
        trim(header->cells[c]);
    for (int k = 0; k < KEY_COUNT && rc == EXIT_OK; k++) {
        if (!im->mapped[k])
            continue;
        char *want = trim(xstrdup(im->mapped[k]));
        for (size_t c = 0; c < im->table.columns && rc == EXIT_OK; c++) {
            if (text_compare_folded(header->cells[c], want) != 0)
                continue;
            if (taken[c])
                rc = cli_fail(im->cli, "%s: --map %s and --map %s name the same column \"%s\"",
                              im->shown, key_name(taken[c] - 1), key_name(k), want);
            else if (im->column[k] >= 0)
                rc = cli_fail(im->cli, "%s: two columns are called \"%s\" (--map %s)",
                              im->shown, want, key_name(k));
            im->column[k] = (int)c;
            taken[c] = k + 1;
        }
        if (rc == EXIT_OK && im->column[k] < 0) {
            char *list = header_list(im);
            rc = cli_fail(im->cli, "%s: no column \"%s\" (--map %s); %s", im->shown, want,
                          key_name(k), list);
            free(list);
        }
        free(want);
    }
    for (size_t c = 0; c < im->table.columns && rc == EXIT_OK; c++) {
        for (int k = 0; k < KEY_COUNT && !taken[c] && rc == EXIT_OK; k++) {
            if (im->mapped[k] || !default_name(k, header->cells[c], steps))
                continue;
            if (im->column[k] >= 0) {
                char *a = column_words(im, im->column[k]), *b = column_words(im, (int)c);
                rc = cli_fail(im->cli, "%s: columns %s and %s are both %s%s; say which with "
                                       "--map %s=COLUMN", im->shown, a, b,
                              k < STEP_COUNT ? "the step " : "", key_name(k), key_name(k));
                free(a);
                free(b);
            }
            im->column[k] = (int)c;
            taken[c] = k + 1;
        }
    }
    free(taken);
    return rc;
}

/* Each key the file needs has a column. */
static int check_columns(struct import *im)
{
    const char *missing = im->column[KEY_PARTICIPANT] < 0 ? "participant"
                          : im->column[KEY_ROLE] < 0      ? "role"
                                                          : NULL;
    bool any_step = false;
    for (int k = 0; k < STEP_COUNT; k++)
        any_step |= im->column[k] >= 0;
    if (!missing && any_step)
        return EXIT_OK;
    char *list = header_list(im);
    int rc = missing
        ? cli_fail(im->cli, "%s: no %s column: call one \"%s\" or say which with --map "
                            "%s=COLUMN; %s", im->shown, missing, missing, missing, list)
        : cli_fail(im->cli, "%s: no column for any step: call them by the step (" STEP_LIST
                            "), its title or its question, or say which with --map "
                            "STEP=COLUMN; %s", im->shown, list);
    free(list);
    return rc;
}

/* "FILE: row R, column "NAME"", kept for the messages. */
static const char *cell_at(struct import *im, const struct csv_row *row, int c)
{
    char *words = column_words(im, c);
    char *at = own(im, xasprintf("%s: row %zu, column %s", im->shown, row->row, words));
    free(words);
    return at;
}

/* A cell's answers: one a line, blank lines left out. */
static void add_answers(struct import *im, const struct csv_row *row, size_t person,
                        enum step step, const char *at)
{
    const char *cell = row->cells[im->column[step]];
    while (*cell) {
        size_t n = strcspn(cell, "\r\n");
        char *line = own(im, xstrndup(cell, n));
        if (*trim(line)) {
            struct store_prework_answer *a =
                array_push(&im->answers, &im->answer_count, &im->answer_cap, sizeof *a);
            *a = (struct store_prework_answer){.person = person, .step = step, .text = line,
                                               .at = at};
        }
        cell += n;
        cell += strspn(cell, "\r\n");
    }
}

/* Every row but the header into people and answers; rows with nothing in the
 * columns used are left out, as a spreadsheet's empty rows. */
static int read_rows(struct import *im)
{
    for (size_t r = 1; r < im->table.count; r++) {
        const struct csv_row *row = &im->table.rows[r];
        bool blank = true;
        for (int k = 0; k < KEY_COUNT && blank; k++)
            blank = im->column[k] < 0 || !*trim(row->cells[im->column[k]]);
        if (blank)
            continue;
        const char *role_text = trim(row->cells[im->column[KEY_ROLE]]);
        int role = *role_text ? role_from_any_form(role_text) : -1;
        if (*role_text && role < 0)
            return cli_fail(im->cli, "%s: \"%s\" is not a role; roles are " ROLE_LIST
                                     " (or founder, customer success)",
                            cell_at(im, row, im->column[KEY_ROLE]), role_text);
        const char *name = row->cells[im->column[KEY_PARTICIPANT]];
        for (size_t i = 0; i < im->people_count && role >= 0; i++) /* before the store's
                                                                    * "already in this session" */
            if (im->people[i].role >= 0 && im->people[i].role != role &&
                text_compare_folded(im->people[i].name, name) == 0)
                return cli_fail(im->cli, "%s: %s is %s on row %zu, not %s",
                                cell_at(im, row, im->column[KEY_ROLE]), name,
                                session_roles[im->people[i].role].id, im->person_row[i],
                                session_roles[role].id);
        *(size_t *)array_push(&im->person_row, &im->person_row_count, &im->person_row_cap,
                              sizeof(size_t)) = row->row;
        struct store_prework_person *p =
            array_push(&im->people, &im->people_count, &im->people_cap, sizeof *p);
        *p = (struct store_prework_person){
            .name = row->cells[im->column[KEY_PARTICIPANT]], .role = role,
            .row_at = own(im, xasprintf("%s: row %zu", im->shown, row->row)),
            .name_at = cell_at(im, row, im->column[KEY_PARTICIPANT])};
        for (int k = 0; k < STEP_COUNT; k++)
            if (im->column[k] >= 0)
                add_answers(im, row, im->people_count - 1, (enum step)k,
                            cell_at(im, row, im->column[k]));
    }
    /* A row that leaves the role empty takes the role the file gives that name on another
     * row, earlier or later: else the first row would make a newcomer "other", and the
     * later row's role would clash with it. */
    for (size_t i = 0; i < im->people_count; i++)
        for (size_t j = 0; j < im->people_count && im->people[i].role < 0; j++)
            if (im->people[j].role >= 0 &&
                text_compare_folded(im->people[i].name, im->people[j].name) == 0)
                im->people[i].role = im->people[j].role;
    return EXIT_OK;
}

/* The file read and checked as CSV. */
static int read_table(struct import *im, const char *path)
{
    size_t len;
    char *data = file_read_max(path, CSV_LIMITS.max_bytes, &len);
    if (!data && errno == EFBIG)
        return cli_fail(im->cli, "%s: larger than %zu MB, the most samesong reads", im->shown,
                        CSV_LIMITS.max_bytes >> 20);
    if (!data)
        return cli_fail(im->cli, "cannot read %s: %s", im->shown, strerror(errno));
    char err[512];
    int rc = csv_read(data, len, &CSV_LIMITS, &im->table, err, sizeof err);
    free(data);
    return rc < 0 ? cli_fail(im->cli, "%s: %s", im->shown, err) : EXIT_OK;
}

/* The columns nobody uses, said on stderr once the answers are in. */
static void say_ignored(const struct import *im)
{
    struct strbuf b = {0};
    for (size_t c = 0; c < im->table.columns; c++) {
        bool used = false;
        for (int k = 0; k < KEY_COUNT; k++)
            used |= im->column[k] == (int)c;
        if (used || !*im->table.rows[0].cells[c])
            continue;
        char *words = column_words(im, (int)c);
        strbuf_printf(&b, "%s%s", b.len ? ", " : "", words);
        free(words);
    }
    if (b.len) {
        char *safe = text_sanitize(b.data, false);
        fprintf(stderr, "samesong: import: %s: columns ignored: %s\n", im->shown, safe);
        free(safe);
    }
    free(b.data);
}

/* Opens the session the answers go to and writes them; prints the summary. */
static int write_answers(struct import *im, const char *ref)
{
    struct store *st;
    int64_t id;
    struct cli quiet = *im->cli;
    quiet.must_exist = true; /* the session must be there, so must the database */
    int rc = cli_open_store(&quiet, &st);
    if (rc != EXIT_OK)
        return rc;
    if (store_find_session(st, ref, &id) < 0) {
        char *db = cli_db_hint(im->cli);
        rc = strncmp(store_error(st), "no session ", 11) == 0
            ? cli_fail(im->cli, "no session %s to import into; make it first with "
                                "'samesong%s new NAME' ('samesong%s list' shows them)",
                       ref, db, db)
            : cli_fail(im->cli, "%s", store_error(st));
        free(db);
        store_close(st);
        return rc;
    }
    struct store_prework_counts n;
    if (store_add_prework(st, id, im->people, im->people_count, im->answers, im->answer_count,
                          &n) < 0) {
        rc = cli_fail(im->cli, "%s", store_error(st));
    } else {
        say_ignored(im);
        char *safe = text_sanitize(ref, false);
        printf("%s: %zu answer%s from %zu participant%s", safe, n.added, n.added == 1 ? "" : "s",
               n.people, n.people == 1 ? "" : "s");
        if (n.joined)
            printf(", %zu new", n.joined);
        printf(" (%zu already there)\n", n.already);
        free(safe);
    }
    store_close(st);
    return rc;
}

int cli_import_csv(const struct cli *cli, const struct cli_args *args)
{
    const char *path = cli_arg(args, "csv");
    struct import im = {.cli = cli, .shown = strcmp(path, "-") == 0 ? "standard input" : path};
    int rc = read_maps(&im, args);
    if (rc != EXIT_OK)
        return rc;
    struct step_text steps[STEP_COUNT] = {{0}};
    rc = cli_load_steps(cli, steps);
    if (rc == EXIT_OK)
        rc = read_table(&im, path);
    if (rc == EXIT_OK)
        rc = find_columns(&im, steps);
    if (rc == EXIT_OK)
        rc = check_columns(&im);
    if (rc == EXIT_OK)
        rc = read_rows(&im);
    if (rc == EXIT_OK)
        rc = write_answers(&im, cli_arg(args, "session"));
    store_steps_free(steps);
    csv_table_free(&im.table);
    for (size_t i = 0; i < im.owned_count; i++)
        free(im.owned[i]);
    free(im.owned);
    free(im.people);
    free(im.person_row);
    free(im.answers);
    return rc;
}
