/* cli_parse.c: the one command-line parser: the common options, a command's own, its arguments. */
#include "config.h"

#include "cli.h"
#include "util.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

const struct cli_option cli_common_options[CLI_COMMON_COUNT] = {
    [CLI_COMMON_DB] = {"db", 0, "FILE",
                       "use FILE as the database (default: $SAMESONG_DB, else\n"
                       "$XDG_DATA_HOME/samesong/samesong.db)", false},
    [CLI_COMMON_READ_ONLY] = {"read-only", 0, NULL, "open the database read-only", false},
    [CLI_COMMON_THEME] = {"theme", 0, "THEME",
                          "default, projector (big, high contrast), plain (no colour)", false},
    [CLI_COMMON_HELP] = {"help", 'h', NULL, "show this help", false},
    [CLI_COMMON_VERSION] = {"version", 'V', NULL, "show the version", false},
};

/* getopt_long's view of the options: the common ones, then the command's. */
#define SPEC_MAX (CLI_COMMON_COUNT + CLI_MAX_OPTIONS)
struct spec {
    const struct cli_option *options[SPEC_MAX];
    struct option longopts[SPEC_MAX + 1];
    char shortopts[2 * SPEC_MAX + 3];
    int count;
};
enum { OPT_BASE = 256 }; /* getopt_long's code for option i is OPT_BASE + i */

static void spec_add(struct spec *sp, const struct cli_option *o)
{
    int i = sp->count++;
    sp->options[i] = o;
    sp->longopts[i] = (struct option){o->name, o->value ? required_argument : no_argument, NULL,
                                      OPT_BASE + i};
    if (o->letter) {
        size_t n = strlen(sp->shortopts);
        sp->shortopts[n++] = o->letter;
        if (o->value)
            sp->shortopts[n++] = ':';
        sp->shortopts[n] = '\0';
    }
}

/* Before a command (cmd NULL): the common options only, stopping at the
 * command's name ('+'). A leading ':' tells a missing value from an unknown option. */
static void spec_build(struct spec *sp, const struct cli_command *cmd)
{
    *sp = (struct spec){.shortopts = ":"};
    if (!cmd)
        strcpy(sp->shortopts, "+:");
    for (int i = 0; i < CLI_COMMON_COUNT; i++)
        spec_add(sp, &cli_common_options[i]);
    for (int i = 0; cmd && i < CLI_MAX_OPTIONS && cmd->options[i].name; i++)
        spec_add(sp, &cmd->options[i]);
}

/* The index of getopt_long's answer in sp. */
static int spec_index(const struct spec *sp, int opt)
{
    if (opt >= OPT_BASE)
        return opt - OPT_BASE;
    int i = 0;
    while (sp->options[i]->letter != opt)
        i++;
    return i;
}

/* Acts on a common option; returns CLI_RUN or the exit status. */
static int common_option(struct cli *cli, int which, const struct cli_command *cmd)
{
    switch (which) {
    case CLI_COMMON_DB:
        if (!*optarg)
            return cli_usage_error(cli, "--db needs a file name");
        cli->db_path = optarg;
        break;
    case CLI_COMMON_READ_ONLY: cli->read_only = true; break;
    case CLI_COMMON_THEME:
        if (strcmp(optarg, "default") && strcmp(optarg, "projector") && strcmp(optarg, "plain"))
            return cli_usage_error(cli, "unknown theme \"%s\"; themes are default, projector, "
                                        "plain", optarg);
        cli->theme = optarg;
        break;
    case CLI_COMMON_HELP: cli_help_write(stdout, cmd); return EXIT_OK;
    case CLI_COMMON_VERSION: printf("samesong %s\n", PACKAGE_VERSION); return EXIT_OK;
    }
    return CLI_RUN;
}

/* Reads the options of argv (the command's, or the common ones before it)
 * into cli and args. Returns CLI_RUN or the exit status. */
static int parse_options(struct cli *cli, int argc, char **argv, const struct cli_command *cmd,
                         struct cli_args *args)
{
    struct spec sp;
    spec_build(&sp, cmd);
    opterr = 0;
    int opt;
    while ((opt = getopt_long(argc, argv, sp.shortopts, sp.longopts, NULL)) != -1) {
        if (opt == ':')
            return cli_usage_error(cli, "option %s needs a value", argv[optind - 1]);
        if (opt == '?' && strncmp(argv[optind - 1], "--", 2) == 0)
            return cli_usage_error(cli, "unknown option %s", argv[optind - 1]);
        if (opt == '?')
            return cli_usage_error(cli, "unknown option -%c", optopt);
        int i = spec_index(&sp, opt);
        if (i < CLI_COMMON_COUNT) {
            int rc = common_option(cli, i, cmd);
            if (rc != CLI_RUN)
                return rc;
        } else {
            int own = i - CLI_COMMON_COUNT;
            args->values[own] = sp.options[i]->value ? optarg : "";
            if (cmd->repeats && strcmp(sp.options[i]->name, cmd->repeats) == 0) {
                if (args->repeated_count == CLI_MAX_REPEATS)
                    return cli_usage_error(cli, "--%s given more than %d times",
                                           sp.options[i]->name, CLI_MAX_REPEATS);
                args->repeated_option[args->repeated_count] = own;
                args->repeated[args->repeated_count++] = args->values[own];
            }
        }
    }
    return CLI_RUN;
}

/* The words of a command's arguments, "SESSION [LABEL] TEXT...", for its messages. */
struct usage_word {
    char name[32]; /* without brackets or dots */
    bool many;     /* TEXT...: one or more */
};

static int usage_words(const char *usage, struct usage_word words[], int max)
{
    int count = 0;
    for (const char *p = usage ? usage : ""; *p && count < max;) {
        p += strspn(p, " ");
        size_t len = strcspn(p, " ");
        if (!len)
            break;
        struct usage_word *w = &words[count++];
        w->many = len > 3 && strncmp(p + len - 3 - (p[len - 1] == ']'), "...", 3) == 0;
        const char *name = p + (*p == '[');
        snprintf(w->name, sizeof w->name, "%.*s", (int)strcspn(name, "]. "), name);
        p += len;
    }
    return count;
}

/* The usage error for a wrong number of arguments, worded from the usage. */
static int count_error(const struct cli *cli, const struct cli_command *cmd, int argc,
                       char **argv)
{
    struct usage_word words[8];
    int count = usage_words(cmd->args, words, (int)(sizeof words / sizeof words[0]));
    const char *last = count ? words[count - 1].name : "";
    if (argc > cmd->max_args && cmd->max_args >= 0) {
        if (cmd->max_args == 0)
            return cli_usage_error(cli, "unexpected argument \"%s\"", argv[0]);
        if (cmd->flags & CLI_QUOTE_LAST)
            return cli_usage_error(cli, "give %s as one argument (quote it if it has spaces)",
                                   last);
        if (cmd->max_args == 1)
            return cli_usage_error(cli, "give %s %s", cmd->min_args ? "one" : "at most one", last);
    } else if (argc == 0 && count == 1) {
        return cli_usage_error(cli, "missing %s", last);
    }
    /* "give SESSION_A and SESSION_B", "give SESSION, LABEL and at least one TEXT" */
    struct strbuf b = {0};
    for (int i = 0; i < count; i++) {
        strbuf_puts(&b, i == 0 ? "give " : i == count - 1 ? " and " : ", ");
        strbuf_puts(&b, words[i].many ? "at least one " : "");
        strbuf_puts(&b, words[i].name);
    }
    char *message = strbuf_take(&b);
    int rc = cli_usage_error(cli, "%s", message);
    free(message);
    return rc;
}

/* Checks what the table says the command needs: its required options, its argument count. */
static int check_command(const struct cli *cli, const struct cli_args *args)
{
    const struct cli_command *cmd = args->command;
    for (int i = 0; i < CLI_MAX_OPTIONS && cmd->options[i].name; i++)
        if (cmd->options[i].required && !args->values[i])
            return cli_usage_error(cli, "missing --%s%s%s", cmd->options[i].name,
                                   cmd->options[i].value ? " " : "",
                                   cmd->options[i].value ? cmd->options[i].value : "");
    if (args->argc < cmd->min_args || (cmd->max_args >= 0 && args->argc > cmd->max_args))
        return count_error(cli, cmd, args->argc, args->argv);
    return CLI_RUN;
}

int cli_parse(struct cli *cli, int argc, char **argv, struct cli_args *args)
{
    *args = (struct cli_args){0};
    int rc = parse_options(cli, argc, argv, NULL, args);
    if (rc != CLI_RUN || optind == argc)
        return rc;
    const struct cli_command *cmd = NULL;
    for (int i = 0; cli_commands[i] && !cmd; i++)
        if (strcmp(cli_commands[i]->name, argv[optind]) == 0)
            cmd = cli_commands[i];
    if (!cmd)
        return cli_usage_error(cli, "unknown command \"%s\"", argv[optind]);
    cli->command = cmd->name;
    args->command = cmd;
    argv += optind;
    argc -= optind;
    optind = 0; /* start getopt afresh on the command's arguments */
    rc = parse_options(cli, argc, argv, cmd, args);
    if (rc != CLI_RUN)
        return rc;
    args->argc = argc - optind;
    args->argv = argv + optind;
    cli->must_exist = cmd->flags & CLI_READS;
    cli->read_only |= (cmd->flags & CLI_READ_ONLY) != 0;
    return check_command(cli, args);
}

/* The index of the command's option --name; a name the command does not have is a bug. */
static int option_index(const struct cli_args *args, const char *name)
{
    const struct cli_option *o = args->command->options;
    for (int i = 0; i < CLI_MAX_OPTIONS && o[i].name; i++)
        if (strcmp(o[i].name, name) == 0)
            return i;
    fprintf(stderr, "samesong: %s has no option --%s\n", args->command->name, name);
    abort();
}

const char *cli_arg(const struct cli_args *args, const char *name)
{
    return args->values[option_index(args, name)];
}

int cli_arg_all(const struct cli_args *args, const char *name, const char **values)
{
    int which = option_index(args, name), count = 0;
    for (int i = 0; i < args->repeated_count; i++)
        if (args->repeated_option[i] == which)
            values[count++] = args->repeated[i];
    return count;
}

bool cli_flag(const struct cli_args *args, const char *name)
{
    return args->values[option_index(args, name)] != NULL;
}
