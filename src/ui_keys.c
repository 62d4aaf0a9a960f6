/* ui_keys.c: every key binding of the workshop screens, in one table. */
#include "ui.h"

#define WALK (ON(UI_SETUP) | ON(UI_STEP) | ON(UI_REVEAL) | ON(UI_DECIDE) | ON(UI_NARRATIVE) | \
              ON(UI_CANVAS) | ON(UI_DASHBOARD) | ON(UI_VOTE) | ON(UI_PARTICIPANT) | ON(UI_LINKS))
#define LISTS (ON(UI_SESSIONS) | ON(UI_SETUP) | ON(UI_STEP) | ON(UI_DECIDE) | ON(UI_REVEAL) | \
               ON(UI_VOTE) | ON(UI_FIND) | ON(UI_SUGGESTIONS) | ON(UI_GROUP) | ON(UI_PARTICIPANT) | \
               ON(UI_CHAIN) | ON(UI_LINKS) | ON(UI_OBJECTIONS))
/* Screens that scroll their text with the movement keys rather than cut it. */
#define SCROLLS (ON(UI_CANVAS) | ON(UI_COMPARE) | ON(UI_NARRATIVE))
#define CTRL(c) ((c) & 0x1F)

/* Earlier rows win when a key means two things; the first row with a name
 * for an action is the one the status line shows. */
const struct ui_binding ui_bindings[] = {
    {ALL_SCREENS, '?', ACT_HELP, "?", "help", "show all keys"},
    {ALL_SCREENS, KEY_F(1), ACT_HELP, "F1", NULL, "show all keys"},
    {ALL_SCREENS & ~ON(UI_PARTICIPANT), 'q', ACT_QUIT, "q", "back",
     "back; quit from the session list"},
    {ON(UI_PARTICIPANT), 'q', ACT_QUIT, "q", "leave", "leave the session (Esc: back to your answers)"},
    {ALL_SCREENS, CTRL('L'), ACT_REDRAW, "^L", NULL, "redraw the screen"},
    {ALL_SCREENS, 'T', ACT_THEME, "T", NULL, "projector theme on or off"},

    {ON(UI_SESSIONS), '\n', ACT_OPEN, "Enter", "open", "open the session"},
    {ON(UI_SESSIONS), 'a', ACT_ADD, "a", "new", "start a new session"},
    {ON(UI_SESSIONS), 'D', ACT_DEMO, "D", "demo", "open the demo workshop"},
    {ON(UI_SESSIONS), '/', ACT_SEARCH, "/", "filter",
     "filter: words of the name, product, mode, status or date"},
    {ON(UI_SESSIONS) | ON(UI_FIND), 'f', ACT_FIND, "f", "find",
     "find words in every session: answers, decisions, the pitch, the method"},
    {ON(UI_SESSIONS), 'c', ACT_COMPARE, "c", "compare",
     "compare two sessions: c on one, then c on the other"},
    {ON(UI_SESSIONS), 'J', ACT_JOIN, "J", "join",
     "join the session from this terminal as yourself, with your join code"},
    {ON(UI_FIND), '\n', ACT_OPEN, "Enter", "open", "open the session where it was said"},

    {WALK, ']', ACT_NEXT, "]", "next", "next screen of the walk"},
    {WALK, 'n', ACT_NEXT, "n", NULL, "next screen of the walk"},
    {WALK, '[', ACT_PREV, "[", "prev", "previous screen of the walk"},
    {WALK, 'p', ACT_PREV, "p", NULL, "previous screen of the walk"},

    /* Movement: a list's cursor, or the text of a screen that scrolls. */
    {LISTS | SCROLLS, KEY_UP, ACT_UP, "Up", NULL, "move up"},
    {LISTS | SCROLLS, 'k', ACT_UP, "k", NULL, "move up"},
    {LISTS | SCROLLS, KEY_DOWN, ACT_DOWN, "Down", NULL, "move down"},
    {LISTS | SCROLLS, 'j', ACT_DOWN, "j", NULL, "move down"},
    {LISTS | SCROLLS, KEY_PPAGE, ACT_PAGE_UP, "PgUp", NULL, "page up"},
    {LISTS | SCROLLS, KEY_NPAGE, ACT_PAGE_DOWN, "PgDn", NULL, "page down"},
    {SCROLLS, ' ', ACT_PAGE_DOWN, "Space", NULL, "page down"},
    {LISTS | SCROLLS, KEY_HOME, ACT_FIRST, "Home", NULL, "to the top"},
    {LISTS | SCROLLS, 'g', ACT_FIRST, "g", NULL, "to the top"},
    {LISTS | SCROLLS, KEY_END, ACT_LAST, "End", NULL, "to the end"},
    {LISTS | SCROLLS, 'G', ACT_LAST, "G", NULL, "to the end"},

    {ON(UI_SETUP), 'a', ACT_ADD, "a", "add", "add a participant"},
    {ON(UI_SETUP), 'e', ACT_EDIT, "e", "rename", "rename"},
    {ON(UI_SETUP), 'o', ACT_ROLE, "o", "role", "change role"},
    {ON(UI_SETUP), 'd', ACT_DELETE, "d", "remove", "remove, with their answers after a question"},
    {ON(UI_SETUP), '\n', ACT_NEXT, "Enter", NULL, "start the first step"},

    {ON(UI_STEP), 'a', ACT_ADD, "a", "add", "add an answer"},
    {ON(UI_STEP) | ON(UI_DECIDE), 'r', ACT_REVEAL, "r", "reveal", "reveal everyone's answers"},
    {ON(UI_STEP), '\t', ACT_NEXT_PERSON, "Tab", "person", "next participant"},
    {ON(UI_STEP), KEY_BTAB, ACT_PREV_PERSON, "S-Tab", NULL, "previous participant"},
    {ON(UI_STEP), 'e', ACT_EDIT, "e", "edit", "edit the answer"},
    {ON(UI_STEP), '\n', ACT_EDIT, "Enter", NULL, "edit the answer"},
    {ON(UI_STEP), 'd', ACT_DELETE, "d", "delete", "delete the answer"},
    {ON(UI_STEP), 'K', ACT_MOVE_UP, "K", NULL, "move the answer up"},
    {ON(UI_STEP), 'J', ACT_MOVE_DOWN, "J", NULL, "move the answer down"},
    {ON(UI_STEP), 't', ACT_TIMER, "t", "timer", "start or pause the writing timer; once time is up, reset it"},
    {ON(UI_STEP), '+', ACT_TIMER_MORE, "+", NULL, "one more minute on the timer"},
    {ON(UI_STEP), '-', ACT_TIMER_LESS, "-", NULL, "one minute less on the timer"},
    {ON(UI_STEP), 'i', ACT_GUIDANCE, "i", "guide", "show or hide the guidance"},

    {ON(UI_REVEAL), 'v', ACT_VIEW, "v", "view",
     "next view: grid, coverage, heatmap, votes, answers"},
    {ON(UI_REVEAL), 'V', ACT_VOTE, "V", "vote", "rank the step's groups, each person in turn"},
    {ON(UI_VOTE), '\t', ACT_NEXT_PERSON, "Tab", "person", "next participant"},
    {ON(UI_VOTE), KEY_BTAB, ACT_PREV_PERSON, "S-Tab", NULL, "previous participant"},
    {ON(UI_VOTE), '\n', ACT_USE, "Enter", "rank", "rank the group next, or take it out"},
    {ON(UI_VOTE), 'K', ACT_MOVE_UP, "K", "up", "move the ranked group up"},
    {ON(UI_VOTE), 'J', ACT_MOVE_DOWN, "J", "down", "move the ranked group down"},
    {ON(UI_VOTE), 'r', ACT_REVEAL, "r", "results", "back to the reveal"},
    {ON(UI_REVEAL) | ON(UI_VOTE), '+', ACT_ROUND, "+", "round",
     "a new round of the vote: everyone ranks again, seeing the room's order and their own"},
    {ON(UI_REVEAL) | ON(UI_VOTE), '=', ACT_THRESHOLD, "=", NULL,
     "the Kendall's W from which the vote reads as consensus (0.70 unless set)"},
    {ON(UI_REVEAL) | ON(UI_DASHBOARD), 'N', ACT_ATTRIBUTION, "N", "names",
     "name people by name, by role only, or not at all"},
    {ON(UI_REVEAL), ' ', ACT_MARK, "Space", NULL, "mark the group for a merge, move down"},
    {ON(UI_REVEAL), 'm', ACT_MERGE, "m", "merge", "merge the marked groups into one"},
    {ON(UI_REVEAL), 'R', ACT_RENAME, "R", NULL, "rename the group"},
    {ON(UI_REVEAL), 'u', ACT_UNGROUP, "u", NULL,
     "take the group apart again (in its answers: just one)"},
    {ON(UI_REVEAL) | ON(UI_GROUP) | ON(UI_SUGGESTIONS), 'z', ACT_UNDO, "z", "undo",
     "undo the step's last grouping change (merge, rename, take apart or out)"},
    {ON(UI_REVEAL), 's', ACT_SUGGEST, "s", "suggest", "suggested merges: Enter accepts, x dismisses"},
    {ON(UI_SUGGESTIONS), '\n', ACT_ACCEPT, "Enter", "merge", "merge the two groups"},
    {ON(UI_SUGGESTIONS), 'x', ACT_DISMISS, "x", "dismiss", "dismiss the suggestion for good"},
    {ON(UI_GROUP), 'u', ACT_TAKE_OUT, "u", "take out", "take the answer out of the group"},
    {ON(UI_REVEAL), 't', ACT_TAG, "t", NULL, "capability: today, roadmap or not planned"},
    {ON(UI_STEP) | ON(UI_REVEAL) | ON(UI_DECIDE) | ON(UI_CANVAS), 'A', ACT_DASHBOARD, "A",
     "alignment", "the alignment dashboard of the whole session"},
    {ON(UI_DECIDE) | ON(UI_CANVAS), 'C', ACT_CHAIN, "C", "chain",
     "the chain check: every break in the chain of decisions"},
    {ON(UI_CHAIN), '\n', ACT_OPEN, "Enter", "decide", "open the step's decision to mend the break"},
    {ON(UI_REVEAL), '\n', ACT_OPEN, "Enter", "answers", "the group's answers (u takes one out)"},
    {ON(UI_REVEAL), KEY_LEFT, ACT_LEFT, "Left", NULL, "scroll the columns left"},
    {ON(UI_REVEAL), 'h', ACT_LEFT, "h", NULL, "scroll the columns left"},
    {ON(UI_REVEAL), KEY_RIGHT, ACT_RIGHT, "Right", NULL, "scroll the columns right"},
    {ON(UI_REVEAL), 'l', ACT_RIGHT, "l", NULL, "scroll the columns right"},
    {ON(UI_REVEAL), 'c', ACT_DECIDE, "c", "decide", "decide this step"},

    {ON(UI_DECIDE), 'e', ACT_EDIT, "e", "write", "write the room's decision"},
    {ON(UI_DECIDE), 't', ACT_TAG, "t", NULL, "capability: today, roadmap or not planned"},
    {ON(UI_DECIDE), '\n', ACT_USE, "Enter", "use it", "start the decision from this answer (added to it)"},
    /* The chain: each item linked back, and why the room chose it. */
    {ON(UI_DECIDE), 'l', ACT_LINKS, "l", "links",
     "link each item to the items it builds on (and the value to its proof)"},
    {ON(UI_DECIDE), 'w', ACT_WHY, "w", "why", "write why the room chose it (empty clears it)"},
    {ON(UI_DECIDE), 'D', ACT_DISSENT, "D", "dissent", "note a dissent: who, then what they say"},
    {ON(UI_DECIDE), 'd', ACT_DELETE, "d", NULL, "delete a dissent (asks about each in turn)"},
    {ON(UI_DECIDE), 'c', ACT_CHAMPION, "c", "champion",
     "the champion: their role, then why they care"},
    {ON(UI_DECIDE), 's', ACT_STYLE, "s", "style",
     "the positioning style (head to head, big fish, new category), then why"},

    {ON(UI_LINKS), ' ', ACT_LINK, "Space", "link", "link or unlink the two selected items"},
    {ON(UI_LINKS), '\t', ACT_SIDE, "Tab", "column", "move to the other column"},
    {ON(UI_LINKS), KEY_LEFT, ACT_LEFT, "Left", NULL, "to this step's items"},
    {ON(UI_LINKS), KEY_RIGHT, ACT_RIGHT, "Right", NULL, "to the items they build on"},
    {ON(UI_LINKS), 'a', ACT_ADD, "a", "add proof",
     "add proof to the value theme: a quote, a number or a case"},
    {ON(UI_LINKS), 'd', ACT_DELETE, "d", "delete proof",
     "delete a proof of the value theme (asks about each in turn)"},
    {ON(UI_LINKS), '\n', ACT_OPEN, "Enter", "builds on", "the decision these items build on"},
    {ON(UI_LINKS), 'l', ACT_LINKS, "l", NULL, "back to the decision"},

    {ON(UI_NARRATIVE), 'e', ACT_EDIT, "e", "write",
     "write the chosen section of the pitch here, starting from its draft"},
    {ON(UI_NARRATIVE), '\n', ACT_EDIT, "Enter", NULL,
     "write the chosen section of the pitch here, starting from its draft"},
    {ON(UI_NARRATIVE), 'E', ACT_EDITOR, "E", "editor", "write it in $VISUAL or $EDITOR"},
    {ON(UI_NARRATIVE), 'd', ACT_DELETE, "d", "redraft",
     "back to the section's draft from the decisions (asks first)"},
    {ON(UI_NARRATIVE) | ON(UI_PARTICIPANT), 'O', ACT_OBJECTIONS, "O", "objections",
     "the objections each person hears from buyers: private, then revealed"},

    /* The objections, as a step's answers: each person's own, then the reveal. */
    {ON(UI_OBJECTIONS), 'a', ACT_ADD, "a", "add", "add an objection"},
    {ON(UI_OBJECTIONS), 'e', ACT_EDIT, "e", "edit", "edit the objection"},
    {ON(UI_OBJECTIONS), '\n', ACT_EDIT, "Enter", NULL, "edit the objection"},
    {ON(UI_OBJECTIONS), 'd', ACT_DELETE, "d", "delete", "delete the objection"},
    {ON(UI_OBJECTIONS), 'K', ACT_MOVE_UP, "K", NULL, "move the objection up"},
    {ON(UI_OBJECTIONS), 'J', ACT_MOVE_DOWN, "J", NULL, "move the objection down"},
    {ON(UI_OBJECTIONS), '\t', ACT_NEXT_PERSON, "Tab", "person", "next participant"},
    {ON(UI_OBJECTIONS), KEY_BTAB, ACT_PREV_PERSON, "S-Tab", NULL, "previous participant"},
    {ON(UI_OBJECTIONS), 'r', ACT_REVEAL, "r", "reveal",
     "reveal everyone's objections, here and on every terminal"},

    /* A joined terminal: one person's own answers, and the room's once revealed. */
    {ON(UI_PARTICIPANT), 'a', ACT_ADD, "a", "add",
     "add answers of yours: Enter saves each, an empty line or Esc stops"},
    {ON(UI_PARTICIPANT), 'e', ACT_EDIT, "e", "edit", "edit your answer"},
    {ON(UI_PARTICIPANT), '\n', ACT_EDIT, "Enter", NULL, "edit your answer"},
    /* in one's own vote Enter ranks: the row above takes the key, this one
     * is what the bottom line and the help say then */
    {ON(UI_PARTICIPANT), '\n', ACT_USE, "Enter", "rank", "rank the group next, or take it out"},
    {ON(UI_PARTICIPANT), 'd', ACT_DELETE, "d", "delete", "delete your answer"},
    {ON(UI_PARTICIPANT), 'K', ACT_MOVE_UP, "K", NULL, "move your answer (in your vote, the group) up"},
    {ON(UI_PARTICIPANT), 'J', ACT_MOVE_DOWN, "J", NULL,
     "move your answer (in your vote, the group) down"},
    {ON(UI_PARTICIPANT), 'D', ACT_DONE, "D", "done", "tell the room you are done with the step, or not"},
    {ON(UI_PARTICIPANT), 'i', ACT_GUIDANCE, "i", NULL, "show or hide the guidance"},
    {ON(UI_PARTICIPANT), 'v', ACT_VIEW, "v", "view",
     "once the step is revealed: the room's views, then your answers again"},
    {ON(UI_PARTICIPANT), 'V', ACT_VOTE, "V", "vote",
     "once the step is revealed: your own ranking of its groups"},
    {ON(UI_PARTICIPANT), KEY_LEFT, ACT_LEFT, "Left", NULL, "scroll the columns left"},
    {ON(UI_PARTICIPANT), 'h', ACT_LEFT, "h", NULL, "scroll the columns left"},
    {ON(UI_PARTICIPANT), KEY_RIGHT, ACT_RIGHT, "Right", NULL, "scroll the columns right"},
    {ON(UI_PARTICIPANT), 'l', ACT_RIGHT, "l", NULL, "scroll the columns right"},

    /* A newcomer by the walk-in code, their own code on screen. */
    {ON(UI_WALK_IN), '\n', ACT_OPEN, "Enter", "go on", "go on to the workshop, your code noted"},

    {ON(UI_CANVAS), 'L', ACT_LOCK, "L", "lock", "lock the canvas for good"},
    {ON(UI_CANVAS), 'x', ACT_EXPORT, "x", "export", "export as Markdown, HTML, JSON or CSV"},
};
const size_t ui_binding_count = sizeof ui_bindings / sizeof ui_bindings[0];

/* What each action needs of an open session, checked once by the loop
 * before any screen sees it, and what the bottom line and the help offer:
 * so nothing offered is refused. An action may open an overlay screen. */
static const struct ui_action_rule rules[ACT_COUNT] = {
    [ACT_ADD] = {.needs = UI_NEEDS_WRITE},      [ACT_EDIT] = {.needs = UI_NEEDS_WRITE},
    [ACT_DELETE] = {.needs = UI_NEEDS_WRITE},   [ACT_MOVE_UP] = {.needs = UI_NEEDS_WRITE},
    [ACT_MOVE_DOWN] = {.needs = UI_NEEDS_WRITE}, [ACT_ROLE] = {.needs = UI_NEEDS_WRITE},
    [ACT_LOCK] = {.needs = UI_NEEDS_WRITE},     [ACT_USE] = {.needs = UI_NEEDS_WRITE},
    [ACT_MERGE] = {.needs = UI_NEEDS_WRITE},    [ACT_RENAME] = {.needs = UI_NEEDS_WRITE},
    [ACT_UNGROUP] = {.needs = UI_NEEDS_WRITE},  [ACT_TAG] = {.needs = UI_NEEDS_WRITE},
    [ACT_DISMISS] = {.needs = UI_NEEDS_WRITE},  [ACT_ACCEPT] = {.needs = UI_NEEDS_WRITE},
    [ACT_TAKE_OUT] = {.needs = UI_NEEDS_WRITE}, [ACT_UNDO] = {.needs = UI_NEEDS_WRITE},
    /* the demo is added to the database the first time */
    [ACT_DEMO] = {.needs = UI_NEEDS_WRITE},
    /* a joined terminal says it is done; joining takes a seat and counts wrong codes */
    [ACT_DONE] = {.needs = UI_NEEDS_WRITE},     [ACT_JOIN] = {.needs = UI_NEEDS_WRITE},
    /* $EDITOR writes a file and runs a program; an export writes a file */
    [ACT_EDITOR] = {.needs = UI_NEEDS_WRITE | UI_LEAVES_PROGRAM},
    [ACT_EXPORT] = {.needs = UI_LEAVES_PROGRAM},
    /* the reveal opens the vote itself: it starts with the first participant */
    [ACT_VOTE] = {.needs = UI_NEEDS_WRITE},
    /* a new round keeps the one before; the threshold is the session's, locked with it */
    [ACT_ROUND] = {.needs = UI_NEEDS_WRITE},    [ACT_THRESHOLD] = {.needs = UI_NEEDS_WRITE},
    [ACT_DASHBOARD] = {.opens = true, .overlay = UI_DASHBOARD},
    [ACT_SUGGEST] = {.opens = true, .overlay = UI_SUGGESTIONS},
    [ACT_CHAIN] = {.opens = true, .overlay = UI_CHAIN},
    [ACT_LINKS] = {.opens = true, .overlay = UI_LINKS},
    [ACT_LINK] = {.needs = UI_NEEDS_WRITE},     [ACT_WHY] = {.needs = UI_NEEDS_WRITE},
    [ACT_DISSENT] = {.needs = UI_NEEDS_WRITE},  [ACT_CHAMPION] = {.needs = UI_NEEDS_WRITE},
    [ACT_STYLE] = {.needs = UI_NEEDS_WRITE},
};

const struct ui_action_rule *ui_action_rule(enum ui_action a)
{
    return &rules[a];
}

bool ui_action_refused(enum ui_action a, bool locked, bool read_only)
{
    unsigned needs = rules[a].needs;
    return ((locked || read_only) && (needs & UI_NEEDS_WRITE)) ||
           (read_only && (needs & UI_LEAVES_PROGRAM));
}

bool ui_allows(const struct ui *ui, enum ui_action a)
{
    return !ui_action_refused(a, ui->open && ui->session.locked, store_is_read_only(ui->store));
}

enum ui_action ui_action_for(enum ui_screen screen, int key)
{
    if (key == '\r' || key == KEY_ENTER)
        key = '\n';
    for (size_t i = 0; i < ui_binding_count; i++)
        if ((ui_bindings[i].screens & ON(screen)) && ui_bindings[i].key == key)
            return ui_bindings[i].action;
    return ACT_NONE;
}
