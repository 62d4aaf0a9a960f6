/* ui.h: the workshop screens: their shared state, the key table, and what each
 * screen file provides. Draw functions read the state; key handlers change it
 * and write every change to the store at once. */
#ifndef SAMESONG_UI_H
#define SAMESONG_UI_H

#include "align.h"
#include "field.h"
#include "similar.h"
#include "store.h"
#include "store_room.h"
#include "ui_run.h"

#include <curses.h>
#include <stdbool.h>
#include <time.h>

/* Every screen, once: its id and its name (saved as the room's place). A
 * screen is one file that defines ui_<name>_screen, its table of operations;
 * adding one is that file, a line here, and its keys in ui_keys.c. */
#define UI_SCREENS(X) \
    X(SESSIONS, sessions) \
    X(SETUP, setup) \
    X(STEP, step) \
    X(REVEAL, reveal) \
    X(DECIDE, decide) \
    X(NARRATIVE, narrative) \
    X(CANVAS, canvas) \
    X(DASHBOARD, dashboard) \
    X(VOTE, vote) \
    X(FIND, find) \
    X(COMPARE, compare) \
    X(SUGGESTIONS, suggestions) \
    X(GROUP, group) \
    X(PARTICIPANT, participant) \
    X(WALK_IN, walk_in) \
    X(CHAIN, chain) \
    X(LINKS, links) \
    X(OBJECTIONS, objections)
#define UI_SCREEN_ID(id, name) UI_##id,
enum ui_screen { UI_SCREENS(UI_SCREEN_ID) UI_SCREEN_COUNT };

/* The reveal's views of a step, cycled with v. */
enum ui_view { VIEW_GRID, VIEW_COVERAGE, VIEW_HEATMAP, VIEW_VOTES, VIEW_ANSWERS, VIEW_COUNT };

/* Everything a key can ask for, once. */
enum ui_action {
    ACT_NONE, ACT_QUIT, ACT_HELP, ACT_NEXT, ACT_PREV, ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_PAGE_UP,
    ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST, ACT_OPEN, ACT_ADD, ACT_EDIT, ACT_DELETE, ACT_REVEAL, ACT_SEARCH,
    ACT_NEXT_PERSON, ACT_PREV_PERSON, ACT_MOVE_UP, ACT_MOVE_DOWN, ACT_ROLE, ACT_TIMER, ACT_TIMER_MORE,
    ACT_TIMER_LESS, ACT_GUIDANCE, ACT_THEME, ACT_REDRAW, ACT_DEMO, ACT_LOCK, ACT_EXPORT, ACT_USE, ACT_EDITOR,
    ACT_DECIDE, ACT_VIEW, ACT_ATTRIBUTION, ACT_MARK, ACT_MERGE, ACT_RENAME, ACT_UNGROUP,
    ACT_SUGGEST, ACT_DISMISS, ACT_TAG, ACT_DASHBOARD, ACT_VOTE, ACT_FIND, ACT_COMPARE,
    ACT_ACCEPT, ACT_TAKE_OUT, ACT_UNDO, ACT_DONE, ACT_JOIN, ACT_CHAIN,
    ACT_LINKS, ACT_LINK, ACT_SIDE, ACT_WHY, ACT_DISSENT, ACT_CHAMPION, ACT_STYLE, ACT_ROUND,
    ACT_THRESHOLD, ACT_OBJECTIONS, ACT_COUNT
};

/* One key binding: on which screens (a bit per enum ui_screen, or ALL), the
 * key, the action, how the key is written, a word for the bottom line (NULL
 * keeps it off the line) and what it does. The status line and the help
 * overlay are drawn from this table, so they cannot drift from the keys. */
struct ui_binding {
    unsigned screens;
    int key;            /* a character, or a KEY_* code */
    enum ui_action action;
    const char *name;
    const char *label;
    const char *help;
};
#define ON(s) (1u << (s))
#define ALL_SCREENS 0xFFFFFFFFu
extern const struct ui_binding ui_bindings[];
extern const size_t ui_binding_count;
enum ui_action ui_action_for(enum ui_screen screen, int key);

/* An action's preconditions, declared once in ui_keys.c and checked once by
 * the loop; the bottom line and the help overlay offer only what passes. */
enum ui_need {
    UI_NEEDS_WRITE = 1,    /* changes the session: refused when locked or read-only */
    UI_LEAVES_PROGRAM = 2, /* writes a file or runs a program: refused when read-only */
};
struct ui_action_rule {
    unsigned needs;
    bool opens;            /* opens the overlay screen below (and closes it again) */
    enum ui_screen overlay;
};
const struct ui_action_rule *ui_action_rule(enum ui_action a);
/* The rule the bottom line and the key loop share: a locked session refuses
 * changes; a read-only store refuses those and what leaves the program. */
bool ui_action_refused(enum ui_action a, bool locked, bool read_only);
/* Whether this session takes the action: what a screen's text may invite. */
struct ui;
bool ui_allows(const struct ui *ui, enum ui_action a);

/* What the open text field is for. */
enum ui_purpose {
    P_NONE, P_NEW_NAME, P_NEW_PRODUCT, P_NEW_MODE, P_NEW_FOUNDER, P_SEARCH, P_ADD_PERSON, P_ADD_ROLE,
    P_RENAME_PERSON, P_ADD_ANSWER, P_EDIT_ANSWER, P_DECISION, P_NARRATIVE, P_EXPORT,
    P_TIMER, P_MERGE, P_RENAME_GROUP, P_FIND, P_JOIN_CODE, P_WALK_IN_NAME, P_WALK_IN_ROLE,
    P_WHY, P_DISSENT_WHO, P_DISSENT_WHAT, P_CHAMPION, P_CHAMPION_WHY, P_STYLE, P_STYLE_WHY,
    P_PROOF_KIND, P_PROOF, P_THRESHOLD, P_ADD_OBJECTION, P_EDIT_OBJECTION,
    P_ITEM_TAG,
};

/* A question that needs y or n before something that cannot be undone. */
struct ui;
struct ui_confirm {
    bool open;
    char question[400];
    void (*yes)(struct ui *ui);
    void (*no)(struct ui *ui);  /* n, when it does something; then Esc does nothing */
    int64_t target;     /* what it is about: an answer's or a participant's id */
};

/* Where a screen was when an overlay opened over it, to return there. */
struct ui_place {
    enum ui_screen screen;
    int cursor, top, column;
};

struct ui {
    struct store *store;
    struct ui_script *script;       /* keys from a script instead of the terminal, or NULL */
    struct ui_wake *wake;           /* wakes the loop when the database is written */
    bool quit;
    void *states[UI_SCREEN_COUNT];  /* each screen's own state (ui_state) */
    struct ui_place under[4];       /* the screens below open overlays, innermost last */
    int depth;

    /* The open session, if any, and where the room is in it. */
    bool open;
    bool session_gone;              /* another process deleted it: nothing more is written */
    struct session session;
    struct alignment align;         /* of the open session, as loaded: computed once */
    struct room room;               /* its room mode, loaded with it (ui_room.c) */
    /* who this process has seen at a terminal since the session opened: when
     * that terminal goes they are "gone", not just not here (ui_room.c) */
    int64_t *room_seen;
    size_t room_seen_count;
    enum ui_screen screen;
    int step;
    size_t person;                  /* whose turn it is */
    int cursor, top;                /* selection and scroll of the current list */
    /* Where the current list was drawn, for mouse clicks: its first row,
     * columns, rows per item and length. Drawing sets it; nothing else. */
    int list_y, list_x0, list_x1, list_step, list_count;
    int people_top;                 /* first name shown in the step screen's list */
    int column;                     /* first visible column on the reveal */
    int64_t data_version;

    struct step_text steps[STEP_COUNT];
    struct synonyms synonyms;

    /* How the misalignment views show a step and name people. */
    enum ui_view view;
    enum attribution attribution;
    bool guidance;                  /* the guidance panel is shown */
    bool projector;                 /* the projector theme */
    bool color;

    /* The silent-writing timer. */
    int timer_minutes;
    bool timer_running;
    time_t timer_end;
    int timer_left;                 /* seconds left while paused */
    bool timer_up;                  /* it ran out: shows 0:00 until t resets it */

    /* What is open on top of the screen. */
    struct field field;
    enum ui_purpose purpose;
    enum ui_screen field_owner;     /* the screen that asked, and gets the text */
    bool pasting;                   /* between bracketed-paste marks */
    struct field paste;             /* what was pasted so far (ui_paste.c) */
    bool paste_cr;                  /* its last character was a CR */
    char prompt[120];
    struct ui_confirm confirm;
    bool help;
    int help_top, help_height;      /* the help's first row and rows shown; 0 high when it fits */
    /* Where a multi-line field is drawn, when its screen keeps something in
     * view beside it (the narrative's outline); set by that screen's draw,
     * used once. All zero: the whole screen. */
    struct { int y, x, height, width; } field_box;

    char message[300];
    bool message_is_error;

    /* A joined terminal (samesong join, or J on the session list): it is one
     * participant of one session, sees only their own answers until a step is
     * revealed, and never moves the facilitator's place. */
    bool joined;
    bool chair_seen;                /* joined: the facilitator had the session open, last look */
    int64_t participant_id;         /* who this terminal is; 0 while the code is asked */
    /* Set by a screen that ends the program with a failure (a wrong join
     * code): the exit status and the one line printed once the screens close. */
    int exit_status;
    char exit_message[300];
};

void ui_say(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_error(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Shows the store's error, and reloads the session (the change may have half-happened elsewhere). */
void ui_store_failed(struct ui *ui);
void ui_reload(struct ui *ui);
void ui_open_session(struct ui *ui, int64_t id);
/* The walk: the screens of a session in order, moved along by ] and [. */
void ui_walk(struct ui *ui, int direction);
void ui_close_session(struct ui *ui);
void ui_go(struct ui *ui, enum ui_screen screen, int step);
void ui_ask(struct ui *ui, enum ui_purpose purpose, const char *prompt, const char *text,
            size_t max, bool multiline);
void ui_confirm(struct ui *ui, void (*yes)(struct ui *ui), int64_t target, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void ui_save_position(struct ui *ui);
/* Moves the current list's cursor for the movement keys (up, down, first,
 * last, a page); returns false for any other action. count is the list's length. */
bool ui_list_move(struct ui *ui, enum ui_action a, int count);

/* ui_script.c: keys from a script file (SAMESONG_SCRIPT) and the screen
 * written as text to standard output at each "dump": tests without a terminal. */
struct ui_script;
bool ui_script_active(void);
struct ui_script *ui_script_start(char *err, size_t errlen);
/* The next key as get_wch gives it (OK, KEY_CODE_YES), or ERR at the end;
 * a "wait N" gives KEY_TICK, its N seconds added to the script's clock. */
int ui_script_key(struct ui_script *sc, wint_t *key);
/* Seconds the script has waited so far: its clock runs ahead by them. */
long ui_script_waited(const struct ui_script *sc);
void ui_script_stop(struct ui_script *sc);

/* ui_wake.c: waits for a key or another process's commit (inotify on the
 * -wal file, where there is inotify; else only the tick). */
struct ui_wake;
/* Never NULL; where nothing can be watched it only waits for keys. */
struct ui_wake *ui_wake_open(const char *db_path);
void ui_wake_close(struct ui_wake *w);
/* Waits up to ms for input on the terminal or a write to the database; sets
 * *changed when the database may have changed. Returns poll's result. */
int ui_wake_wait(struct ui_wake *w, int ms, bool *changed);

/* ui_term.c: the terminal: start, colours, signals, stop. */
enum ui_color {
    C_NORMAL = 1, C_TITLE, C_DIM, C_SELECTED, C_STATUS, C_ERROR, C_GOOD, C_WARN,
    C_ROLE /* + enum role */
};
int ui_term_start(bool *color, char *err, size_t errlen);
void ui_term_stop(void);
/* Gives the terminal to another program (an editor) and takes it back. */
void ui_term_suspend(void);
void ui_term_resume(void);
bool ui_term_signalled(void);
/* True once after each Ctrl-C. */
bool ui_term_interrupted(void);
/* True when the terminal has hung up, even if no SIGHUP came. */
bool ui_term_gone(void);
attr_t ui_attr(const struct ui *ui, enum ui_color c);
attr_t ui_role_attr(const struct ui *ui, enum role role);
/* Bracketed paste marks, defined as keys so pasted text is told from typing. */
#define KEY_PASTE_START (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)
/* Time passing with no key, as a timeout of get_wch: from a script's wait. */
#define KEY_TICK (KEY_MAX + 3)
#define UI_MIN_COLS 60
#define UI_MIN_LINES 18

/* ui_draw.c: drawing helpers shared by the screens. */
/* Untrusted text at y, x, made safe and cut to width columns. Returns the columns used. */
int ui_put(int y, int x, int width, const char *text, attr_t attr);
/* Untrusted text made safe and cut to columns with an ellipsis, for a
 * message or a prompt (caller frees). */
char *ui_cut(const char *text, int columns);
/* Wraps untrusted text into the box and returns the rows used. */
int ui_put_wrapped(int y, int x, int width, int max_rows, const char *text, attr_t attr);
void ui_fill(int y, int x, int width, attr_t attr);
/* A horizontal rule in the current attributes. */
void ui_hline(int y, int x, int width);
void ui_draw_header(struct ui *ui, const char *title, const char *right);
void ui_draw_status(struct ui *ui);
void ui_draw_field(struct ui *ui);
void ui_draw_confirm(struct ui *ui);
void ui_draw_help(struct ui *ui);
void ui_draw_too_small(void);
/* A box in the middle of the screen with a title, room for rows rows (fewer
 * when the window is short: box.rows says how many), and one row drawn. */
struct ui_box {
    int y, x, width, rows;
};
struct ui_box ui_draw_box(struct ui *ui, int rows, const char *title);
void ui_box_row(struct ui *ui, const struct ui_box *box, int row, const char *text, bool selected);
/* The step title in big block letters when there is room; returns rows used. */
int ui_draw_big_title(struct ui *ui, int y, const char *title);
/* An ISO 8601 UTC time as people read it: "2026-11-22 23:37 UTC". */
void ui_format_time(const char *iso, char *out, size_t size);

/* ui_page.c: content taller than its window (the canvas, the answers view,
 * the help), laid out whole as cells on rows, then drawn a window at a time. */
struct ui_cell {
    int row, x, width;
    char *text;
    attr_t attr;
};
struct ui_page {
    struct ui_cell *cells;
    size_t count, cap;
    int rows;           /* rows the content needs */
};
/* One row of untrusted text at row, x, cut to width with an ellipsis. */
void ui_page_put(struct ui_page *pg, int row, int x, int width, const char *text, attr_t attr);
/* Untrusted text wrapped whole from row on; returns the rows it took (1 at least). */
int ui_page_wrap(struct ui_page *pg, int row, int x, int width, const char *text, attr_t attr);
void ui_page_free(struct ui_page *pg);
/* Draws rows *top.. of the page on rows y..y+height-1, *top clamped first; when
 * the page is taller, says which lines show on marker_y, ending at marker_right. */
void ui_page_draw(struct ui *ui, const struct ui_page *pg, int y, int height, int *top,
                  int marker_y, int marker_right);
/* When rows are more than height: "lines top+1-... of rows" on y, ending at right. */
void ui_page_marker(struct ui *ui, int top, int height, int rows, int y, int right);
/* Moves *top for a movement action (a line, a page, the start, the end);
 * false for any other action. */
bool ui_page_scroll(enum ui_action a, int *top, int height);
/* The movement action of a key (j k Up Down PgUp PgDn Space g G Home End), or ACT_NONE. */
enum ui_action ui_page_key(int key, bool is_code);

/* ui_builds_on.c: the decisions the current step builds on (the value step
 * the capabilities, the category the value and the customers), each on one
 * line cut with an ellipsis, in at most max_rows rows. Returns the rows used. */
int ui_draw_builds_on(struct ui *ui, int y, int x, int width, int max_rows);

/* ui_links.c: a decision as its items, one a row (a long one wraps where
 * rows are spare), each with its links in short ("Order lookup -- beats:
 * Spreadsheets, Zendesk"; a value theme's proof counted), in at most
 * max_rows rows. Returns the rows used. */
int ui_draw_decision(struct ui *ui, int step, int y, int x, int width, int max_rows);

/* A screen: a table of operations the loop calls, knowing no screen by name. */
enum ui_screen_flag {
    UI_IN_SESSION = 1, /* a screen of the open session: ] and [ walk, q goes to the list */
    UI_OVERLAY = 2,    /* opened over another screen: q and Esc go back to it, and the
                        * room's saved place is that screen */
    UI_POPUP = 4,      /* an overlay drawn as a box over the screen below it */
};
struct ui_screen_ops {
    const char *name;
    unsigned flags;
    size_t state_size;  /* its own state: zeroed at start, found with ui_state() */
    void (*draw)(struct ui *ui);
    void (*act)(struct ui *ui, enum ui_action a);
    /* the text of a field it opened with ui_ask; NULL when it opens none */
    void (*field_done)(struct ui *ui, enum ui_purpose p, char *text);
    /* the field's text after each key (NULL when Esc cancels it), for a field
     * that acts as it is typed; NULL otherwise */
    void (*field_changed)(struct ui *ui, enum ui_purpose p, const char *text);
    /* Esc: closes what it has open and returns true; NULL or false when nothing was */
    bool (*escape)(struct ui *ui);
    /* whether the bottom line and the help offer the action now, for a screen
     * whose keys change with what it shows; NULL offers every key it binds */
    bool (*offers)(const struct ui *ui, enum ui_action a);
    /* another process wrote the file; NULL when reloading the session is enough */
    void (*reload)(struct ui *ui);
    /* on leaving it for another screen; NULL when it keeps nothing */
    void (*leave)(struct ui *ui);
    /* frees what its state owns; NULL when it owns nothing */
    void (*free)(void *state);
};
#define UI_SCREEN_OPS(id, name) extern const struct ui_screen_ops ui_##name##_screen;
UI_SCREENS(UI_SCREEN_OPS)
const struct ui_screen_ops *ui_screen_ops(enum ui_screen screen);
/* A screen's own state (its state_size bytes). */
void *ui_state(const struct ui *ui, enum ui_screen screen);
/* Opens an overlay screen over the current one; ui_back returns from it. */
void ui_open_overlay(struct ui *ui, enum ui_screen screen);
void ui_back(struct ui *ui);

/* What screens offer each other. */
/* The reveal's group under the cursor (also from a popup over the reveal), or NULL. */
const struct align_group *ui_selected_group(struct ui *ui);
/* Gives every answer of the step in one of the groups with these keys the
 * label (NULL takes them out of their group), in one change the room can
 * undo (what describes it); the rankings follow. Returns how many answers
 * changed, 0 when none did (said why). */
size_t ui_relabel(struct ui *ui, char *const *keys, size_t key_count, const char *label,
                  bool only_labelled, const char *what);
/* How many of the step's rankings name one of the groups with these keys;
 * while the vote is secret (ui_room_vote_secret), every ranking of the step. */
size_t ui_rankings_naming(const struct ui *ui, char *const *keys, size_t key_count);
/* z: undoes the step's last grouping change; ui_can_undo says whether there is one. */
void ui_undo_grouping(struct ui *ui);
bool ui_can_undo(const struct ui *ui);
void ui_sessions_reload(struct ui *ui);
/* t on a capability's group: today, roadmap, not planned, no tag; on the
 * reveal, and on the decide screen (where a solo thesis tags them). */
void ui_cycle_tag(struct ui *ui, const struct align_group *g);
/* ui_rounds.c: the results of a step's vote from row y: the current round's
 * W and top three (hidden in room mode until everyone who joined voted), each
 * round when there were several, the reading, and the room's order. */
void ui_draw_vote_results(struct ui *ui, const struct align_step *st, int y);
/* On the vote screen, what the round before left, in at most four rows from
 * y: the current person's own ranking in it (when own) and the room's order
 * after it. Returns the rows used, 0 in the first round. */
int ui_draw_round_before(struct ui *ui, int y, int x, int width, bool own);
/* +: asks, then closes the step's round and opens the vote on the next;
 * refused before anyone ranked, and in room mode before the results show.
 * ui_round_offered says whether it would ask. */
void ui_round_ask(struct ui *ui);
bool ui_round_offered(const struct ui *ui);
/* =: asks for the consensus threshold; the field's text comes to done. */
void ui_threshold_ask(struct ui *ui);
void ui_threshold_done(struct ui *ui, const char *text);
void ui_find_start(struct ui *ui, const char *query);
/* The words last found, "" before any. */
const char *ui_find_query(struct ui *ui);
/* After leaving session left: back to the results it was opened from, if it was. */
bool ui_find_return(struct ui *ui, int64_t left);
/* c on the session list: the first pick, then the comparison; Esc forgets the first. */
void ui_compare_pick(struct ui *ui, int64_t id);
bool ui_compare_forget_pick(struct ui *ui);

/* How the misalignment views name participant p: by name, "Sales 2", or "P3". */
void ui_participant_label(const struct ui *ui, size_t p, char *out, size_t size);
/* The same for a column width wide: a numbered role's word is cut ("Succ 1")
 * rather than its number. */
void ui_participant_label_fit(const struct ui *ui, size_t p, int width, char *out, size_t size);
/* The colour of participant p's label: the role's, or one for all when anonymous
 * (a colour per role would say who is in which). */
attr_t ui_participant_attr(const struct ui *ui, size_t p);
/* Puts answers listed together in P order when people are anonymous, so that
 * their order does not tell who joined first; else leaves them as they are. */
void ui_order_answers(const struct ui *ui, const struct input **list, size_t n);

/* ui_paste.c: a paste gathered between its marks, then put into the field. */
void ui_paste_start(struct ui *ui);
void ui_paste_char(struct ui *ui, uint32_t c);
void ui_paste_end(struct ui *ui);
/* Saves each text as an answer of the person whose turn it is, in one change. */
void ui_step_add_answers(struct ui *ui, char *const *texts, size_t count);

/* "Lena", "Lena and Tom", "Lena, Tom, Ana and 2 others": the participants
 * marked in who, each name cut short; returns how many they are (ui_step.c). */
size_t ui_name_list(const struct ui *ui, const bool *who, char *out, size_t size);

/* ui_room.c: room mode on the projector (someone was invited with samesong
 * invite): each person's state, never their answers. */
bool ui_room_mode(const struct ui *ui);
/* Room mode, and step not yet revealed to the terminals, in a session that
 * can still store it: the projector's reveal must go through ui_step_reveal. */
bool ui_room_unrevealed(const struct ui *ui, int step);
/* Room mode: whether the results of the vote on step stay secret, the rule
 * for every screen that shows a vote's order, W or who ranked what: until
 * everyone who joined has voted and there are at least two rankings, since
 * one ranking shown is that person's. A locked session's show. why (when
 * not NULL) gets the sentence that says so, without its full stop:
 * "1 of 2 have voted: the results show once everyone who joined has". */
bool ui_room_vote_secret(const struct ui *ui, int step, char *why, size_t size);
/* Loads the open session's room into ui->room; with the session, on every reload. */
void ui_room_load(struct ui *ui);
/* Asks again who is at a terminal: that changes with nothing written. */
void ui_room_refresh(struct ui *ui);
/* Forgets who was seen at a terminal: a session opens afresh. */
void ui_room_forget_seen(struct ui *ui);
/* Participant p's seat in room mode, or NULL when not in room mode. */
const struct room_seat *ui_room_seat(const struct ui *ui, size_t p);
/* Whether p answers from a terminal of their own (invited, or sitting at one). */
bool ui_room_has_terminal(const struct ui *ui, size_t p);
/* Whether p is writing at a terminal that is there now: an answer to step,
 * or (step -1) an objection. */
bool ui_room_writing(const struct ui *ui, size_t p, int step);
/* Who is writing at a terminal now, as a question that would end it says:
 * "Priya is writing at their terminal: what they are typing will not be
 * saved. ", or "" when no one is (or not in room mode). */
void ui_room_writers(struct ui *ui, char *out, size_t size);
/* "room: 4 of 5 at terminals", for the header. */
void ui_room_summary(const struct ui *ui, char *out, size_t size);
/* Marks in who (one per participant) those with a terminal not done with step; returns how many. */
size_t ui_room_not_done(const struct ui *ui, int step, bool *who);
/* The session list's line for a session in room mode: "Pre-work (due by
 * 2026-12-01): step 1: 4 of 5 answered, 2 done · step 2: ...", steps nobody
 * answered left out. */
void ui_room_prework(const struct session *s, const struct room *r, char *out, size_t size);
/* From row y: each participant, where their terminal is, and how far they are with the step. */
void ui_room_draw(struct ui *ui, int y);
/* ui_participant.c: a joined terminal. ui_participant_join opens session id
 * on the participant's screen as participant (0: it asks for the join code
 * first). ui_participant_filter runs on every load of the session there: it
 * drops everyone else's answers and votes of the steps not revealed yet, so
 * no key can reach them, and notes what the room says (the facilitator's
 * step, a removal, the lock). */
void ui_participant_join(struct ui *ui, int64_t id, int64_t participant);
void ui_participant_filter(struct ui *ui, struct session *s);
/* A joined terminal that still writes: it knows who it is, and was not
 * removed nor its code taken back; the session is there and not locked. */
bool ui_participant_can_write(const struct ui *ui);
/* ui_walk_in.c: the walk-in code was typed (code, as typed): the newcomer
 * gives a name and a role, is added, sees their own code once, and goes on
 * to ui_participant_join as that person; Esc before that adds no one. */
void ui_walk_in_start(struct ui *ui, const char *code);

/* From a step to its reveal: at once when everyone has answered, else after
 * a question naming who has not. */
void ui_step_reveal(struct ui *ui);
/* A person's answers on the step and joined screens alike: ui->person's to
 * ui->step, in their order (caller frees the array; the answers are the
 * session's); the one at the cursor (NULL, having said so, when none is);
 * and d, K and J on it: d asks before deleting it, K and J move it up or
 * down, the cursor with it (returns whether a was one of them). */
int ui_answers_of_person(const struct ui *ui, const struct input ***out);
const struct input *ui_answer_selected(struct ui *ui);
bool ui_answer_keys(struct ui *ui, enum ui_action a);

/* The timer, used by the step screen and drawn in the corner. */
void ui_timer_toggle(struct ui *ui);
/* The header for a screen of the open session: its name, where in the walk,
 * and on the right the mode, read-only state and the timer. */
void ui_draw_session_header(struct ui *ui, const char *where);
/* The same with mode (room mode's "room: 4 of 5 at terminals") for the word "workshop". */
void ui_draw_session_header_as(struct ui *ui, const char *where, const char *mode);
/* How many answers participant p gave for step. */
int ui_answer_count(const struct ui *ui, size_t p, int step);
void ui_timer_adjust(struct ui *ui, int minutes);
/* Now, for the timer: a script's waits move it on. */
time_t ui_now(const struct ui *ui);
int ui_timer_seconds_left(const struct ui *ui);

#endif
