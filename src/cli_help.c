/* cli_help.c: 'samesong --help' and 'samesong COMMAND --help', written from the command table. */
#include "cli.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define HELP_WIDTH 79

static const char intro[] =
    "Usage: samesong [--db FILE] [--read-only] [--theme THEME] [COMMAND [ARGS]]\n"
    "Run a B2B product positioning workshop: competitive alternatives, differentiated\n"
    "capabilities, value themes, best-fit customers, market category.\n"
    "Without a command, the workshop screens open on the list of sessions.\n";

static const char outro[] =
    "'samesong COMMAND --help' shows a command's own options.\n"
    "A SESSION is a session's slug or its number from 'samesong list'.\n"
    "See samesong(1) for more.\n";

/* Whether the help of cmd (NULL: samesong's own) lists the common option. */
static bool common_shown(const struct cli_command *cmd, int which)
{
    switch (which) {
    case CLI_COMMON_READ_ONLY: return !cmd || !(cmd->flags & CLI_READ_ONLY);
    case CLI_COMMON_THEME: return !cmd || (cmd->flags & (CLI_SCREENS | CLI_SCREENS_ON_TTY));
    case CLI_COMMON_VERSION: return !cmd;
    default: return true;
    }
}

/* "  -f, --format FMT" or "      --json". */
static char *option_left(const struct cli_option *o)
{
    return xasprintf("  %c%c%c --%s%s%s", o->letter ? '-' : ' ', o->letter ? o->letter : ' ',
                     o->letter ? ',' : ' ', o->name, o->value ? " " : "",
                     o->value ? o->value : "");
}

/* Writes text wrapped to the help's width, its lines after the first indented by indent. */
static void put_wrapped(FILE *out, const char *text, int indent)
{
    char **lines;
    size_t count = text_wrap(text, HELP_WIDTH - indent, &lines);
    for (size_t i = 0; i < count; i++) {
        fprintf(out, "%*s%s\n", i ? indent : 0, "", lines[i]);
        free(lines[i]);
    }
    free(lines);
}

/* The option lines, their help aligned in one column after the widest name. */
static void put_options(FILE *out, const struct cli_command *cmd)
{
    const struct cli_option *list[CLI_MAX_OPTIONS + CLI_COMMON_COUNT];
    int count = 0, column = 0;
    for (int i = 0; cmd && i < CLI_MAX_OPTIONS && cmd->options[i].name; i++)
        list[count++] = &cmd->options[i];
    for (int i = 0; i < CLI_COMMON_COUNT; i++)
        if (common_shown(cmd, i))
            list[count++] = &cli_common_options[i];
    for (int i = 0; i < count; i++) {
        char *left = option_left(list[i]);
        int width = (int)strlen(left) + 2;
        column = width > column ? width : column;
        free(left);
    }
    for (int i = 0; i < count; i++) {
        char *left = option_left(list[i]);
        fprintf(out, "%-*s", column, left);
        put_wrapped(out, list[i]->help, column);
        free(left);
    }
}

/* Writes " word" of the usage line, first going to a new line, under the
 * arguments, when it would pass the width. */
static void put_usage_word(FILE *out, const char *word, int indent, int *used)
{
    int len = (int)strlen(word);
    if (*used + 1 + len > HELP_WIDTH) {
        fprintf(out, "\n%*s", indent, "");
        *used = indent;
    }
    fprintf(out, " %s", word);
    *used += 1 + len;
}

/* "Usage: samesong add SESSION TEXT --as NAME [--role ROLE] ..." */
static void put_usage(FILE *out, const struct cli_command *cmd)
{
    int used = fprintf(out, "Usage: samesong %s", cmd->name), indent = used;
    if (cmd->args)
        put_usage_word(out, cmd->args, indent, &used);
    for (int i = 0; i < CLI_MAX_OPTIONS && cmd->options[i].name; i++) {
        const struct cli_option *o = &cmd->options[i];
        char *word = xasprintf("%s--%s%s%s%s%s", o->required ? "" : "[", o->name,
                               o->value ? " " : "", o->value ? o->value : "",
                               o->required ? "" : "]",
                               cmd->repeats && !strcmp(cmd->repeats, o->name) ? "..." : "");
        put_usage_word(out, word, indent, &used);
        free(word);
    }
    if (common_shown(cmd, CLI_COMMON_THEME))
        put_usage_word(out, "[--theme THEME]", indent, &used);
    fputc('\n', out);
}

void cli_help_write(FILE *out, const struct cli_command *cmd)
{
    if (!cmd) {
        fputs(intro, out);
        fputs("\nCommands:\n", out);
        int width = 0;
        for (int i = 0; cli_commands[i]; i++)
            width = (int)strlen(cli_commands[i]->name) > width ? (int)strlen(cli_commands[i]->name)
                                                               : width;
        for (int i = 0; cli_commands[i]; i++)
            fprintf(out, "  %-*s  %s\n", width, cli_commands[i]->name, cli_commands[i]->summary);
        fputs("\nOptions:\n", out);
        put_options(out, NULL);
        fputs("\n", out);
        fputs(outro, out);
        return;
    }
    put_usage(out, cmd);
    put_wrapped(out, cmd->description, 0);
    fputs("\n", out);
    put_options(out, cmd);
}
