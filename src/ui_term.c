/* ui_term.c: the terminal: starting and restoring it, colours and themes, signals. */
#include "ui.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t signalled, interrupted;
static bool started;
static FILE *term_out, *term_in; /* the terminal's streams, or /dev/null under a script */

/* Signal handlers only set a flag; the loop then saves its place, closes the
 * database and restores the terminal. SIGTERM, SIGHUP and SIGQUIT (Ctrl-\)
 * end at once (someone asked, or the terminal is gone); Ctrl-C asks first, as
 * a key pressed by mistake in front of a room should not end the meeting. */
static void on_signal(int sig)
{
    if (sig == SIGINT)
        interrupted = 1;
    else
        signalled = sig;
}

bool ui_term_signalled(void)
{
    return signalled != 0;
}

bool ui_term_interrupted(void)
{
    bool was = interrupted != 0;
    interrupted = 0;
    return was;
}

bool ui_term_gone(void)
{
    struct pollfd in = {.fd = STDIN_FILENO, .events = POLLIN};
    return poll(&in, 1, 0) == 1 && (in.revents & (POLLHUP | POLLERR | POLLNVAL));
}

int ui_term_start(bool *color, char *err, size_t errlen)
{
    /* A script's screens go nowhere: its dumps are what a test reads. The
     * size then comes from LINES and COLUMNS. */
    bool scripted = ui_script_active();
    term_out = scripted ? fopen("/dev/null", "w") : stdout;
    term_in = scripted ? fopen("/dev/null", "r") : stdin;
    if (!term_out || !term_in ||
        !newterm(scripted && !getenv("TERM") ? "xterm" : NULL, term_out, term_in)) {
        snprintf(err, errlen, "cannot use this terminal (TERM=%s)",
                 getenv("TERM") ? getenv("TERM") : "unset");
        return -1;
    }
    started = true;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);

    cbreak();
    /* Ctrl-S would stop the terminal's output (flow control) and the screen
     * would look hung until Ctrl-Q; curses' cbreak leaves it on. endwin()
     * puts the terminal's own modes back. */
    struct termios tio;
    if (!scripted && tcgetattr(fileno(term_in), &tio) == 0) {
        tio.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
        tcsetattr(fileno(term_in), TCSANOW, &tio);
        def_prog_mode(); /* and curses keeps it so, after $EDITOR too */
    }
    noecho();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
    mouseinterval(0);
    /* Bracketed paste: a pasted line break must not confirm a field and let
     * the rest of the paste run as commands. */
    define_key("\033[200~", KEY_PASTE_START);
    define_key("\033[201~", KEY_PASTE_END);
    fputs("\033[?2004h", term_out);
    fflush(term_out);

    const char *no_color = getenv("NO_COLOR");
    *color = has_colors() && !(no_color && *no_color);
    if (*color) {
        start_color();
        use_default_colors();
        init_pair(C_NORMAL, -1, -1);
        init_pair(C_TITLE, COLOR_CYAN, -1);
        init_pair(C_DIM, COLOR_BLUE, -1);
        init_pair(C_SELECTED, COLOR_BLACK, COLOR_CYAN);
        init_pair(C_STATUS, COLOR_BLACK, COLOR_WHITE);
        init_pair(C_ERROR, COLOR_WHITE, COLOR_RED);
        init_pair(C_GOOD, COLOR_GREEN, -1);
        init_pair(C_WARN, COLOR_YELLOW, -1);
        static const short role_colors[ROLE_COUNT] = {COLOR_MAGENTA, COLOR_YELLOW, COLOR_GREEN,
                                                      COLOR_BLUE,    COLOR_CYAN,   COLOR_WHITE};
        for (int r = 0; r < ROLE_COUNT; r++)
            init_pair((short)(C_ROLE + r), role_colors[r], -1);
    }
    return 0;
}

void ui_term_suspend(void)
{
    def_prog_mode();
    fputs("\033[?2004l", term_out);
    fflush(term_out);
    endwin();
}

void ui_term_resume(void)
{
    reset_prog_mode();
    fputs("\033[?2004h", term_out);
    fflush(term_out);
    clear();
}

void ui_term_stop(void)
{
    if (!started)
        return;
    fputs("\033[?2004l", term_out);
    fflush(term_out);
    endwin();
    started = false;
    if (term_out != stdout)
        fclose(term_out);
    if (term_in != stdin)
        fclose(term_in);
}

/* Attributes for each use: colour pairs where there is colour, else bold,
 * reverse and underline, which work on a monochrome terminal. The projector
 * theme makes everything bold for contrast at the back of the room. */
attr_t ui_attr(const struct ui *ui, enum ui_color c)
{
    attr_t base = ui->projector ? A_BOLD : A_NORMAL;
    if (!ui->color) {
        switch (c) {
        case C_TITLE: return base | A_BOLD;
        case C_DIM: return ui->projector ? A_NORMAL : A_DIM;
        case C_SELECTED: case C_STATUS: case C_ERROR: return base | A_REVERSE;
        case C_GOOD: case C_WARN: return base | A_BOLD;
        default: return base;
        }
    }
    attr_t extra = c == C_TITLE || c == C_ERROR ? A_BOLD : A_NORMAL;
    if (c == C_DIM && ui->projector)
        return COLOR_PAIR(C_NORMAL); /* no dim text on a projector */
    return base | extra | COLOR_PAIR(c);
}

attr_t ui_role_attr(const struct ui *ui, enum role role)
{
    if (!ui->color)
        return A_BOLD;
    return (ui->projector ? A_BOLD : A_NORMAL) | COLOR_PAIR(C_ROLE + role);
}
