/* report.h: a session written out for people: the plain-text listing and the Markdown canvas. */
#ifndef SAMESONG_REPORT_H
#define SAMESONG_REPORT_H

#include "align.h"
#include "session.h"
#include "store.h"

#include "util.h"

#include <stdbool.h>

/* Every answer by step and participant, then decisions and narrative, as plain
 * text safe for a terminal (caller frees). */
char *report_text(const struct session *s, const struct step_text steps[STEP_COUNT]);

/* The canvas as Markdown: decisions, answers by participant, narrative (caller frees). */
char *report_markdown(const struct session *s, const struct step_text steps[STEP_COUNT]);

/* The canvas as one self-contained HTML page (report_html.c): the decisions
 * with the method's parts, the pitch, the alignment as bars, each step's
 * who-said-what grid and the votes; no scripts, nothing fetched, every piece
 * of user text sanitised and escaped (caller frees). */
char *report_html(const struct session *s, const struct step_text steps[STEP_COUNT]);

/* How to draw an alignment report. */
struct report_options {
    bool ascii;        /* bars of '#' instead of block characters */
    int only_step;     /* a step, or -1 for all */
};

/* The alignment report as plain text, safe for a terminal (caller frees). */
char *report_alignment_text(const struct session *s, const struct alignment *a,
                            const struct step_text steps[STEP_COUNT],
                            const struct report_options *opt);

/* The alignment report as one JSON object, ending with the chain's breaks
 * (report_chain_json) as "chain" (caller frees). */
char *report_alignment_json(const struct session *s, const struct alignment *a, int only_step);

/* The chain check's breaks (chain_check) as a JSON array, each with its
 * kind, step, item (null for an undecided step), the capability and its tag
 * for a value theme that rests on one not there today, and the sentence for
 * people as "message"; only the breaks of only_step unless it is -1. */
struct chain_break;
void report_chain_json(struct strbuf *b, const struct chain_break *breaks, size_t count,
                       int only_step);

/* CSV for spreadsheets (report_csv.c), with a header row, CRLF line ends
 * and every text cell guarded against formulas (csv_write.h); caller frees.
 * Every answer, one a row: session, step, participant, role, text, group,
 * and whether it is among the items of the step's decision ("yes", "no",
 * empty while undecided). */
char *report_answers_csv(const struct session *s);
/* The alignment report as one table, a row per thing, named in the "kind"
 * column: the overall alignment, each step, its groups, pairs, pairs of
 * departments and vote order; only_step as report_alignment_json's. */
char *report_alignment_csv(const struct session *s, const struct alignment *a, int only_step);

/* The rounds of a step's vote (report_rounds.c), with the reading against
 * threshold: text lines for `report` (the rounds when there are two or
 * more, then "Reading: ..."); the step's "round", "rounds" and "reading"
 * keys for `report --json`; and Markdown for the canvas. */
void report_rounds_text(struct strbuf *b, const struct align_step *st, double threshold);
void report_rounds_json(struct strbuf *b, const struct align_step *st, double threshold);
void report_rounds_markdown(struct strbuf *b, const struct align_step *st, double threshold);

/* A percentage as the reports write it: "25.3%", or "n/a" when unknown. */
void report_add_percent(struct strbuf *b, double x);

/* How a step's decision changed from before to after: "same" (equal once
 * normalised), "changed", "decided only in the first" or "second", or
 * "undecided in both". */
const char *report_decision_change(const char *before, const char *after);
/* The same for the sales narrative, where none is "": "same", "changed",
 * "written only in the first" or "second", or "written in neither". */
const char *report_narrative_change(const char *before, const char *after);

/* The method's parts compared step by step (report_diff_method.c): a
 * step's chain (its items with their links), the proof behind the value,
 * dissents, each as lines; the why, the champion (customers) and the
 * positioning style (category), each a text. */
enum report_diff_part { DIFF_CHAIN, DIFF_PROOF, DIFF_WHY, DIFF_DISSENT, DIFF_CHAMPION,
                        DIFF_STYLE };
#define DIFF_PART_COUNT 6
extern const char *const report_diff_part_names[DIFF_PART_COUNT]; /* "The chain", ... */
bool report_diff_part_is_lines(enum report_diff_part part);
/* A line of the first session beside the same (same) or its changed line of
 * the second; NULL on the side that has none. */
struct diff_line {
    char *first, *second;
    bool same;
};
struct diff_lines {
    struct diff_line *lines;
    size_t count, cap;
};
/* The lines of a part of a step in both, the second's in its order, then
 * what only the first has (free with report_diff_lines_free). */
void report_diff_lines(const struct session *a, const struct session *b, enum step step,
                       enum report_diff_part part, struct diff_lines *out);
void report_diff_lines_free(struct diff_lines *d);
const char *report_diff_lines_change(const struct diff_lines *d);
/* A text part of one session ("Head of CX (why: ...)"), NULL when it has
 * none (caller frees). */
char *report_diff_text(const struct session *s, enum step step, enum report_diff_part part);
/* How a part of a step changed: "same", "changed", "only in the first" or
 * "second"; NULL when neither session has it (nothing to show). */
const char *report_diff_part(const struct session *a, const struct session *b, enum step step,
                             enum report_diff_part part);

/* Two sessions compared as text: decisions step by step, what changed, and
 * their alignment, each with the method's parts that either has; the sales
 * pitch section by section as written; the narratives (caller frees). */
char *report_diff(const struct session *a, const struct session *b,
                  const struct step_text steps[STEP_COUNT]);

#endif
