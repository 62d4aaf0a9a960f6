/* cli.c: what the commands share: errors, opening the store and sessions, safe output. */
#include "cli.h"
#include "files.h"
#include "paths.h"
#include "text.h"
#include "util.h"

#include <stdarg.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

/* One line on stderr. The message may quote user text, so it is sanitised
 * here, once, for every error the commands print. */
static void vreport(const struct cli *cli, const char *fmt, va_list ap, const char *tail)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    char *message = xmalloc(n > 0 ? (size_t)n + 1 : 1);
    vsnprintf(message, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
    char *safe = text_sanitize(message, false);
    fprintf(stderr, "samesong: %s%s%s%s", cli->command ? cli->command : "",
            cli->command ? ": " : "", safe, tail);
    free(safe);
    free(message);
}

int cli_fail(const struct cli *cli, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(cli, fmt, ap, "\n");
    va_end(ap);
    return EXIT_FAIL;
}

int cli_usage_error(const struct cli *cli, const char *fmt, ...)
{
    char tail[64];
    snprintf(tail, sizeof tail, "; see 'samesong%s%s --help'\n", cli->command ? " " : "",
             cli->command ? cli->command : "");
    va_list ap;
    va_start(ap, fmt);
    vreport(cli, fmt, ap, tail);
    va_end(ap);
    return EXIT_USAGE;
}

int cli_open_store(const struct cli *cli, struct store **st)
{
    char *path = cli->db_path ? xstrdup(cli->db_path) : paths_default_db();
    if (!path)
        return cli_fail(cli, "no database: set HOME, XDG_DATA_HOME or SAMESONG_DB, or use --db");
    if (!cli->db_path && !cli->read_only && !cli->must_exist) {
        /* The default database lives in a folder of our own; make it on first use. */
        char *slash = strrchr(path, '/');
        if (slash && slash != path) {
            char *folder = xstrndup(path, (size_t)(slash - path));
            int rc = file_make_folders(folder);
            if (rc < 0)
                cli_fail(cli, "cannot create %s: %m", folder);
            free(folder);
            if (rc < 0) {
                free(path);
                return EXIT_FAIL;
            }
        }
    }
    char err[512];
    unsigned flags =
        (cli->read_only ? STORE_READ_ONLY : 0) | (cli->must_exist ? STORE_MUST_EXIST : 0);
    int rc = store_open(path, flags, st, err, sizeof err);
    free(path);
    if (rc < 0)
        return cli_fail(cli, "%s", err);
    return EXIT_OK;
}

int cli_load_steps(const struct cli *cli, struct step_text steps[STEP_COUNT])
{
    char *path = paths_data_file("steps.json");
    char err[512];
    int rc = store_load_steps(path, steps, err, sizeof err);
    free(path);
    if (rc < 0)
        return cli_fail(cli, "%s (set SAMESONG_DATA_DIR to the folder with steps.json)", err);
    return EXIT_OK;
}

int cli_open_session(const struct cli *cli, const char *ref, struct store **st, int64_t *id)
{
    int rc = cli_open_store(cli, st);
    if (rc != EXIT_OK)
        return rc;
    if (store_find_session(*st, ref, id) < 0) {
        cli_fail(cli, "%s", store_error(*st));
        store_close(*st);
        *st = NULL;
        return EXIT_FAIL;
    }
    return EXIT_OK;
}

int cli_load_session(const struct cli *cli, const char *ref, struct store **st,
                     struct session *s)
{
    int64_t id;
    int rc = cli_open_session(cli, ref, st, &id);
    if (rc == EXIT_OK && store_load_session(*st, id, s) < 0) {
        rc = cli_fail(cli, "%s", store_error(*st));
        store_close(*st);
        *st = NULL;
    }
    return rc;
}

int cli_step(const struct cli *cli, const char *id)
{
    int step = step_from_id(id);
    if (step < 0)
        cli_fail(cli, "\"%s\" is not a step; steps are " STEP_LIST, id);
    return step;
}

int cli_terminal_width(void)
{
    struct winsize ws;
    if (!isatty(STDOUT_FILENO))
        return 0;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *columns = getenv("COLUMNS");
    return columns && atoi(columns) > 0 ? atoi(columns) : 80;
}

void cli_put_safe(FILE *out, const char *text, bool keep_newlines)
{
    char *safe = text_sanitize(text, keep_newlines);
    fputs(safe, out);
    free(safe);
}

char *cli_db_hint(const struct cli *cli)
{
    if (!cli->db_path)
        return xstrdup("");
    /* Quote for the shell only when needed; paths with quotes are left as they are. */
    char *safe = text_sanitize(cli->db_path, false);
    bool plain = strspn(safe, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                      "0123456789/._-+") == strlen(safe);
    char *hint = plain ? xasprintf(" --db %s", safe) : xasprintf(" --db '%s'", safe);
    free(safe);
    return hint;
}
